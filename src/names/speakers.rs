//! The people of a conversation's record: the speakers of a pasted chat (`[10:32] Jane Doe:`,
//! a WhatsApp export's `03/03/2025, 10:32 - Jane Doe: …`, a Slack copy's `Jane Doe  10:32 AM`
//! line), the names a meeting's minutes list after `Attendees:` / `Teilnehmer:` / `Présents :`,
//! and a name followed by its job (`Jane Doe, CFO`, `Jane Doe (Head of Sales)`). The person
//! detector reads a run of capitalised words by the lists and the cue before it; these runs
//! stand where no cue of prose does (at a line's start, after a time, in a list), so two names
//! no list knows went out. The shape of the record is the evidence. Found with the reason
//! `speaker` (the full module's reading: the first module leaves it out).

use super::gazetteer::{FIRST, LAST};
use super::run;
use super::tokenize::{Case, Kind};
use super::{Ctx, Entity, Hit};

/// Most words of one name.
const NAME_WORDS: usize = run::SPEAKER.max;

/// Words that open a chat line in place of a person (`User:`, `Assistant:`, `Note:`); the
/// words of teams, bodies and firms are [`super::run`]'s for every caller.
pub(super) const NOT_PEOPLE: &[&str] = &[
    "user",
    "assistant",
    "system",
    "bot",
    "me",
    "you",
    "moderator",
    "agent",
    "dept",
    "all",
    "everyone",
    "none",
    "tbd",
    "chatgpt",
    "claude",
    "gemini",
    "copilot",
    "question",
    "answer",
    "note",
    "warning",
    "error",
    "info",
    "debug",
    "todo",
];

/// Labels of a list of people in minutes and invitations, in the eight languages (the last
/// word before the colon).
const LIST_LABELS: &[&str] = &[
    "attendees",
    "attendance",
    "participants",
    "present",
    "absent",
    "apologies",
    "invitees",
    "invited",
    "speakers",
    "panelists",
    "panellists",
    "organizers",
    "organisers",
    "hosts",
    "teilnehmer",
    "teilnehmende",
    "teilnehmerinnen",
    "anwesend",
    "abwesend",
    "entschuldigt",
    "eingeladen",
    "présents",
    "presents",
    "absents",
    "excusés",
    "invités",
    "intervenants",
    "asistentes",
    "participantes",
    "presentes",
    "ausentes",
    "invitados",
    "partecipanti",
    "presenti",
    "assenti",
    "invitati",
    "relatori",
    "aanwezig",
    "afwezig",
    "deelnemers",
    "genodigden",
    "sprekers",
    "obecni",
    "nieobecni",
    "uczestnicy",
    "zaproszeni",
    "prelegenci",
    "convidados",
    "palestrantes",
];

/// Jobs and roles written after a name (`, CFO`, `(Head of Sales)`), in the eight languages.
const ROLES: &[&str] = &[
    "ceo",
    "cfo",
    "cto",
    "coo",
    "cio",
    "ciso",
    "cmo",
    "cpo",
    "vp",
    "svp",
    "evp",
    "director",
    "manager",
    "head",
    "engineer",
    "developer",
    "designer",
    "lead",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "president",
    "secretary",
    "treasurer",
    "founder",
    "co-founder",
    "cofounder",
    "partner",
    "analyst",
    "consultant",
    "architect",
    "intern",
    "officer",
    "coordinator",
    "specialist",
    "administrator",
    "accountant",
    "recruiter",
    "nurse",
    "physician",
    "professor",
    "lawyer",
    "attorney",
    "paralegal",
    "teacher",
    "geschäftsführer",
    "geschäftsführerin",
    "leiter",
    "leiterin",
    "vorstand",
    "prokurist",
    "abteilungsleiter",
    "abteilungsleiterin",
    "directeur",
    "directrice",
    "gérant",
    "gérante",
    "responsable",
    "président",
    "présidente",
    "directora",
    "gerente",
    "jefe",
    "jefa",
    "presidente",
    "direttore",
    "direttrice",
    "responsabile",
    "amministratore",
    "voorzitter",
    "dyrektor",
    "dyrektorka",
    "kierownik",
    "kierowniczka",
    "prezes",
    "diretor",
    "diretora",
    "coordenador",
    "coordenadora",
];

/// Appends a `Person` hit for every speaker, listed attendee and named holder of a job.
pub(crate) fn find(ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let mut chat = Vec::new();
    // Only a line's first token and punctuation matter: the walk skips the rest on two flags.
    for (i, t) in ctx.toks.iter().enumerate() {
        if t.newline_before || i == 0 {
            let opens = t.kind == Kind::Num || t.capitalised() || t.is('[') || t.is('(');
            if let Some(line) = opens.then(|| chat_line(ctx, i)).flatten() {
                chat.push(line);
            }
        }
        if t.kind != Kind::Punct || i == 0 {
            continue;
        }
        match t.punct {
            ':' if ctx.toks[i - 1].kind == Kind::Word && ctx.word_in(i - 1, LIST_LABELS) => {
                listed(ctx, i - 1, out);
            }
            // Most commas follow a lower-case word: only two capitalised words before one
            // open the look-up of a job after it.
            ',' | '('
                if i >= 2 && ctx.toks[i - 1].capitalised() && ctx.toks[i - 2].capitalised() =>
            {
                job_after(ctx, i, out);
            }
            _ => {}
        }
    }
    // A bare time before `Title Words:` opens log lines too (`10:32 Build Failed:`): those
    // speakers count when the chat names someone the lists know.
    let known = chat
        .iter()
        .any(|&(a, b, _)| (a..=b).any(|k| ctx.flags[k] & (FIRST | LAST) != 0));
    for (a, b, strong) in chat {
        if strong || known {
            push(ctx, a, b, out);
        }
    }
}

/// The run of a name's words from token `a` ([`super::run`]): two words or more, one when
/// `one` allows it (after a time stamp or a list's label). Returns the last token of the run.
fn name_run(ctx: &Ctx<'_>, a: usize, one: bool) -> Option<usize> {
    let shape = if one { &run::LISTED } else { &run::SPEAKER };
    run::run_from(ctx, a, shape).map(|b| b - 1)
}

fn push(ctx: &Ctx<'_>, a: usize, b: usize, out: &mut Vec<Hit>) {
    out.push(Hit {
        start: ctx.toks[a].start as usize,
        end: ctx.toks[b].end as usize,
        entity: Entity::Person,
        score: 0.8,
        reason: "speaker",
    });
}

/// A time at token `i` (`10:32`, `10:32:14`, either with `AM`/`PM`): the token after it.
fn time_at(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let num = |k: usize, max: usize| {
        ctx.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Num && t.len() <= 2 && ctx.s(k).parse::<usize>().is_ok_and(|v| v <= max)
        })
    };
    let glued = |k: usize| ctx.toks.get(k).is_some_and(|t| t.glued);
    if !(num(i, 23) && ctx.punct(i + 1, ':') && glued(i + 1) && num(i + 2, 59) && glued(i + 2)) {
        return None;
    }
    let mut k = i + 3;
    if ctx.punct(k, ':') && glued(k) && num(k + 1, 59) && glued(k + 1) {
        k += 2;
    }
    if ctx.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
        && ["am", "pm"]
            .iter()
            .any(|m| ctx.s(k).eq_ignore_ascii_case(m))
    {
        k += 1;
    }
    Some(k)
}

/// A chat line opening at token `i`: `[date, time] Name:`, `date, time - Name:`, `time Name:`
/// (the speaker before a colon), or `Name  10:32 AM` ending its line (a Slack or Teams copy).
/// Returns the speaker's tokens and whether the line's shape alone is a chat's (a bracket, a
/// date, a dash, seconds or `AM`/`PM` around the time; a bare time is not).
fn chat_line(ctx: &Ctx<'_>, i: usize) -> Option<(usize, usize, bool)> {
    let n = ctx.toks.len();
    // Skip an opening bracket and a date (`03/03/2025,`, `2025-03-03`) before the time.
    let mut k = i;
    let bracket = ctx.punct(k, '[') || ctx.punct(k, '(');
    if bracket {
        k += 1;
    }
    let mut time = None;
    for _ in 0..7 {
        if k >= n || (k > i && ctx.toks[k].newline_before) {
            break;
        }
        if let Some(after) = time_at(ctx, k) {
            time = Some(after);
            break;
        }
        let t = &ctx.toks[k];
        let date_part = t.kind == Kind::Num || t.is('/') || t.is('.') || t.is('-') || t.is(',');
        if !date_part {
            break;
        }
        k += 1;
    }
    if let Some(mut s) = time {
        // The time's own tokens: seconds or `AM`/`PM` make it a chat's stamp.
        let stamped = s - k > 3;
        let dated = k > i + usize::from(bracket);
        let mut marked = false;
        // `]`, `-`, `–`, `|` between the time and the speaker.
        while s < n && !ctx.toks[s].newline_before && ctx.toks[s].kind == Kind::Punct {
            if !["]", ")", "-", "–", "|", ","]
                .iter()
                .any(|p| ctx.s(s) == *p)
            {
                return None;
            }
            marked = true;
            s += 1;
        }
        if s >= n || ctx.toks[s].newline_before {
            return None;
        }
        let b = name_run(ctx, s, true)?;
        return ctx
            .punct(b + 1, ':')
            .then_some((s, b, bracket || dated || stamped || marked));
    }
    // `Jane Doe  10:32 AM` alone on its line: the name, then the time, then the line's end.
    let b = name_run(ctx, i, false)?;
    let ends_line = |k: usize| ctx.toks.get(k).is_none_or(|t| t.newline_before);
    let mut k = b + 1;
    if ctx.punct(k, '—') || ctx.punct(k, '-') || ctx.punct(k, '–') {
        k += 1;
    }
    let after = time_at(ctx, k)?;
    (ends_line(after) && !ends_line(b + 1)).then_some((i, b, after - k > 3))
}

/// A list of people after a label of [`LIST_LABELS`] at token `l` and its colon: names
/// separated by `,`, `;`, `/` or a conjunction, each with an optional `(role)`, up to the
/// line's end; or, when the colon ends its line, one name a line on the bulleted lines below.
fn listed(ctx: &Ctx<'_>, l: usize, out: &mut Vec<Hit>) {
    let n = ctx.toks.len();
    if !ctx.punct(l + 1, ':') {
        return;
    }
    let mut k = l + 2;
    if k < n && ctx.toks[k].newline_before {
        // One name a line, each after a bullet (`-`, `*`, `•`).
        while k < n && ctx.toks[k].newline_before {
            let mut s = k;
            while s < n
                && (s == k || !ctx.toks[s].newline_before)
                && ["-", "*", "•", "–"].iter().any(|b| ctx.s(s) == *b)
            {
                s += 1;
            }
            if s == k || s >= n || ctx.toks[s].newline_before {
                return;
            }
            let Some(b) = name_run(ctx, s, true) else {
                return;
            };
            push(ctx, s, b, out);
            k = b + 1;
            while k < n && !ctx.toks[k].newline_before {
                k += 1;
            }
        }
        return;
    }
    let mut items = Vec::new();
    while k < n && !ctx.toks[k].newline_before {
        let Some(b) = name_run(ctx, k, true) else {
            return;
        };
        items.push((k, b));
        k = b + 1;
        if ctx.punct(k, '(') {
            while k < n && !ctx.toks[k].newline_before && !ctx.punct(k, ')') {
                k += 1;
            }
            k += 1;
        }
        if k >= n || ctx.toks[k].newline_before || ctx.punct(k, '.') {
            break;
        }
        let sep = ctx.toks[k].is(',') || ctx.toks[k].is(';') || ctx.toks[k].is('/');
        let conj = ctx.word_in(k, &["and", "und", "et", "y", "e", "en", "i", "&"]);
        if !(sep || conj) {
            return;
        }
        k += 1;
        if ctx.word_in(k, &["and", "und", "et", "y", "e", "en", "i"]) {
            k += 1;
        }
    }
    // A list of one single word (`Present: Everyone`) is no evidence of a person.
    let single = items.len() == 1 && items[0].0 == items[0].1;
    if items.is_empty() || single && ctx.flags[items[0].0] & FIRST == 0 {
        return;
    }
    for (a, b) in items {
        push(ctx, a, b, out);
    }
}

/// A name of two words or more right before the `,` or `(` at token `p`, followed by a job of
/// [`ROLES`] (`Jane Doe, CFO`, `Jane Doe (Head of Sales)`), standing where a name opens (a
/// line, a sentence, a list item).
fn job_after(ctx: &Ctx<'_>, p: usize, out: &mut Vec<Hit>) {
    if p < 2 || !ctx.word_in(p + 1, ROLES) {
        return;
    }
    // The job is the whole appositive: it ends at `,`, `)`, `.`, a line's end, or `of`/`at`.
    let after = p + 2;
    let closes = ctx.toks.get(after).is_none_or(|t| {
        t.newline_before
            || t.kind == Kind::Punct
            || ctx.word_in(after, &["of", "at", "bei", "de", "di", "van", "w", "na"])
    });
    if !closes {
        return;
    }
    // Back over the name's words to where it opens.
    let mut a = p;
    while a > 0 && p - a < NAME_WORDS {
        let t = &ctx.toks[a - 1];
        if !(t.kind == Kind::Word && matches!(t.case, Case::Title | Case::Upper)) {
            break;
        }
        a -= 1;
        if ctx.toks[a].newline_before {
            break;
        }
    }
    if p - a < 2 || !(ctx.sentence_start(a) || a > 0 && ctx.punct(a - 1, ',')) {
        return;
    }
    if name_run(ctx, a, false) == Some(p - 1) {
        push(ctx, a, p - 1, out);
    }
}
