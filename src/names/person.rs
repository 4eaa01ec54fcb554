//! People and places: runs of capitalised words weighed with the gazetteer, titles, greetings,
//! signatures and "my name is" phrases; places from the gazetteer when a run is not a person.

use super::address::{LIVE_CUES, PREFIX_TYPES, SUFFIX_TYPES};
use super::gazetteer::{Gazetteer, FIRST, LAST, PLACE, WORD};
use super::lexicon::role::*;
use super::lexicon::{
    ADDRESSEES, GREETINGS, LABELS, NAME_CUES, PARTICLES, PLACE_CUES, SIGN_OFFS, SPEECH_AFTER,
    SPEECH_BEFORE, STRONG_CUES, TITLES, TOWN_ENDINGS, TOWN_HEADS,
};
use super::lookup::Picks;
use super::tokenize::{lower_into, push_key_word, Case, Kind};
use super::{Ctx, Entity, Hit};

/// Longest run of name words considered.
const MAX_RUN: usize = 8;

/// What the gazetteer says about one word of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `J.`
    Initial,
    /// A first name that is not a common word.
    First,
    /// A surname that is not a common word.
    Last,
    /// Both first name and surname (`Thomas`, `James`).
    Either,
    /// A name that is mostly a word (`Will`, `Rose`, `Brown`).
    Weak,
    /// A common word or a place, not a name.
    NotName,
    /// Unknown capitalised word.
    Unknown,
    /// `van`, `de`, `da` inside a name.
    Particle,
}

fn classify(flags: u8) -> Class {
    let name = flags & (FIRST | LAST);
    if name == 0 {
        return if flags == 0 {
            Class::Unknown
        } else {
            Class::NotName
        };
    }
    if flags & WORD != 0 {
        return Class::Weak;
    }
    match name {
        FIRST => Class::First,
        LAST => Class::Last,
        _ => Class::Either,
    }
}

fn firstish(c: Class) -> bool {
    matches!(c, Class::First | Class::Either)
}
fn lastish(c: Class) -> bool {
    matches!(c, Class::Last | Class::Either)
}

/// A run of name-like tokens: indices of its words (dots after initials are left out).
#[derive(Clone, Copy)]
struct Run {
    words: [usize; MAX_RUN],
    classes: [Class; MAX_RUN],
    len: usize,
}

impl Run {
    fn start_tok(&self) -> usize {
        self.words[0]
    }
    fn end_tok(&self) -> usize {
        self.words[self.len - 1]
    }
    /// The run without its first `k` words.
    fn tail(&self, k: usize) -> Run {
        let mut r = *self;
        r.len = self.len - k;
        r.words.copy_within(k..self.len, 0);
        r.classes.copy_within(k..self.len, 0);
        r
    }
}

/// Is token `i` an initial: one capital letter followed directly by a dot?
fn initial(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.toks[i];
    // One capital letter has case `Other`: lower-case words leave at the first test.
    t.case == Case::Other
        && t.kind == Kind::Word
        && t.len() <= 4
        && t.text(ctx.text).chars().count() == 1
        && t.text(ctx.text).chars().all(char::is_uppercase)
        && ctx.toks.get(i + 1).is_some_and(|d| d.is('.') && d.glued)
}

/// Next token on the same line separated by whitespace only, at most two characters of it:
/// wider gaps separate table columns ("General Commands Manual    BASH").
pub(super) fn next_spaced(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let n = ctx.toks.get(i + 1)?;
    (!n.glued && !n.newline_before && n.start - ctx.toks[i].end <= 2).then_some(i + 1)
}

/// German letters and mails name a person after abbreviations and headers no list of titles
/// holds: "i. A. Alexandar Haumer" (im Auftrag), "i. V." (in Vertretung), "gez." (gezeichnet),
/// "z. Hd." (zu Händen), a "Von:"/"An:" header line, and "Herrn" or "Frau" alone on the line
/// above an address block's name. Returns the run word the name starts at (the `A.` of "i.
/// A." is read into the run as an initial).
fn german_office_cue(ctx: &Ctx<'_>, run: &Run) -> Option<usize> {
    let s = run.start_tok();
    let lower_word = |j: usize, words: &'static [&'static str]| {
        ctx.toks[j].kind == Kind::Word && ctx.toks[j].case == Case::Lower && ctx.word_in(j, words)
    };
    // "i. A. Name": the run opened at the initial.
    if run.len > 1
        && run.classes[0] == Class::Initial
        && s >= 2
        && ctx.word_in(s, &["a", "v"])
        && ctx.punct(s - 1, '.')
        && lower_word(s - 2, &["i"])
        && !ctx.toks[s].newline_before
    {
        return Some(1);
    }
    if s == 0 {
        return None;
    }
    if ctx.toks[s].newline_before {
        // "Herrn\nRoswitha Bernasconi": the salutation alone on the line above.
        let p = s - 1;
        let alone = (p == 0 || ctx.toks[p].newline_before)
            && ctx.toks[p].case == Case::Title
            && ctx.word_in(p, &["herrn", "herr", "frau"]);
        return (alone && run.len > 1).then_some(0);
    }
    // "gez. Arif Fehr", "z. Hd. Nikolaus Jauk", "i. V. Victor Hubmann"
    if ctx.punct(s - 1, '.') && s >= 2 {
        let a = s - 2;
        if lower_word(a, &["gez"]) {
            return Some(0);
        }
        let abbreviation = ctx.word_in(a, &["hd", "h", "a", "v"])
            && a >= 2
            && ctx.punct(a - 1, '.')
            && lower_word(a - 2, &["z", "i"]);
        if abbreviation {
            return Some(0);
        }
    }
    // "Von: Joerg Karz" opening a mail's header line.
    if run.len > 1 && ctx.punct(s - 1, ':') && s >= 2 {
        let h = s - 2;
        let opens_line = h == 0 || ctx.toks[h].newline_before;
        if opens_line && ctx.toks[h].case == Case::Title && ctx.word_in(h, &["von", "an", "cc"]) {
            return Some(0);
        }
    }
    None
}

/// Two title-case words the lists do not know after German `mit`, `von`, `bei` or `für`
/// ("Ich habe mit Ilka Nipp telefoniert", "Mit Bärbel Hemmer habe ich ...", "Der Antrag von
/// Sigfried Klemm-Rauscher liegt vor"), the sentence going on in lower case right after: a
/// German adjective after a preposition is written in lower case, so two capitalised words
/// there are a proper name; a product's name goes on in capitals or a number ("mit Visual
/// Studio Code", "für Windows Server 2019") or is glued to code.
fn german_preposition_pair(ctx: &Ctx<'_>, run: &Run) -> bool {
    let s = run.start_tok();
    if run.len != 2 || s == 0 || ctx.toks[s].newline_before {
        return false;
    }
    let p = s - 1;
    let preposition = ctx.word_in(p, &["mit", "von", "bei", "für"])
        && (ctx.toks[p].case == Case::Lower
            || (ctx.toks[p].case == Case::Title && ctx.sentence_start(p)));
    if !preposition {
        return false;
    }
    // Words the lists do not know, or know as names only ("für Albrecht Favre").
    let unknown_title = |k: usize| {
        let w = run.words[k];
        matches!(
            run.classes[k],
            Class::Unknown | Class::First | Class::Last | Class::Either
        ) && ctx.toks[w].case == Case::Title
            && ctx.toks[w].len() > 2
    };
    if !(unknown_title(0) && unknown_title(1)) || run.words[1] != s + 1 {
        return false;
    }
    next_spaced(ctx, run.end_tok())
        .or_else(|| ctx.toks.get(run.end_tok() + 1).map(|_| run.end_tok() + 1))
        .is_some_and(|n| {
            let t = &ctx.toks[n];
            // A list goes on with "und"/"oder" as often for products ("mit Visual Studio
            // und Clang"), and a German sentence with a person in it rarely ends on the name.
            (t.kind == Kind::Word
                && t.case == Case::Lower
                && !t.glued
                && !t.newline_before
                && !ctx.word_in(n, &["und", "oder", "sowie", "bzw", "als", "wie"]))
                || (t.kind == Kind::Punct
                    && t.glued
                    && (t.is(',') || t.is('!') || t.is('?'))
                    && ctx.toks.get(n + 1).is_none_or(|a| !a.glued))
        })
}

/// "Der Antrag von Sigfried Klemm", "Der Brief von Ursula Meier": German `von` after an
/// article and a noun the lists do not know as a name is a preposition, not a particle of the name
/// (a `von` inside a name follows a first name: "Ursula von der Leyen").
fn german_von_after_noun(ctx: &Ctx<'_>, run: &Run, j: usize) -> bool {
    run.len == 2
        && ctx.word_in(j, &["von"])
        && matches!(run.classes[1], Class::Unknown | Class::NotName)
        && ctx.word_in(
            run.words[0],
            &["der", "die", "das", "den", "dem", "des", "ein", "eine"],
        )
}

/// German "anrufen" splits around its object: "Ruf Eike an", "Rufen Sie Gerlinde Kamps an",
/// "bitte ruf Jannik an". The run (which may have taken the capitalised verb and "Sie" in at
/// a sentence's start) ends right before a lower-case `an`; returns the run word the name
/// starts at.
fn german_call_cue(ctx: &Ctx<'_>, run: &Run) -> Option<usize> {
    let end = run.end_tok();
    let an = ctx
        .toks
        .get(end + 1)
        .is_some_and(|t| t.case == Case::Lower && !t.newline_before)
        && ctx.word_in(end + 1, &["an"]);
    if !an {
        return None;
    }
    const CALL: &[&str] = &["ruf", "rufe", "ruft", "rufen", "rufst"];
    let s = run.start_tok();
    let mut k = 0;
    if ctx.toks[s].case == Case::Title && ctx.sentence_start(s) && ctx.word_in(s, CALL) {
        k = 1;
    } else {
        let mut p = s.checked_sub(1)?;
        if ctx.word_in(p, &["sie"]) {
            p = p.checked_sub(1)?;
        }
        let verb_case = ctx.toks[p].case == Case::Lower
            || (ctx.toks[p].case == Case::Title && ctx.sentence_start(p));
        if !(verb_case && ctx.word_in(p, CALL)) {
            return None;
        }
    }
    if k == 1 && run.len > 2 && ctx.word_in(run.words[1], &["sie", "du"]) {
        k = 2;
    }
    // One or two title-case name words, none of them a common word or an article ("Rufen
    // Sie den Support an").
    let names = &run.classes[k..run.len];
    let ok = !names.is_empty()
        && names.len() <= 2
        && !names.contains(&Class::NotName)
        && !names.contains(&Class::Particle)
        && ctx.toks[run.words[k]].case == Case::Title;
    ok.then_some(k)
}

/// Collects the run of name words starting at `i`.
fn collect(ctx: &Ctx<'_>, i: usize) -> (Run, usize) {
    let mut run = Run {
        words: [0; MAX_RUN],
        classes: [Class::Unknown; MAX_RUN],
        len: 0,
    };
    let mut j = i;
    loop {
        if run.len == MAX_RUN
            || j >= ctx.toks.len()
            || (ctx.in_identifier(j) && !super::place::slash_state(ctx, j))
        {
            break;
        }
        let t = &ctx.toks[j];
        // A title ends the run before it ("Sie Herr Brösel"): it opens the next one.
        if run.len > 0 && t.len() > 1 && ctx.role(j, TITLE) && ctx.word_in(j, TITLES) {
            break;
        }
        // "Tell my boss Wendelin I'm sick": the pronoun opens the next clause (full module
        // only, as the relation that reads the name).
        if run.len > 0 && !crate::FIRST_MODULE && super::labels::pronoun_i(ctx, j) {
            break;
        }
        let after;
        if initial(ctx, j) {
            run.words[run.len] = j;
            run.classes[run.len] = Class::Initial;
            after = j + 1; // the dot
        } else if t.capitalised() || super::place::title_like(ctx, j) {
            run.words[run.len] = j;
            // A capitalised particle inside a name (Pieter De Smet) is still a particle.
            let inner_particle = run.len > 0
                && t.case == Case::Title
                && ctx.role(j, PARTICLE)
                && ctx.word_in(j, PARTICLES)
                && next_spaced(ctx, j).is_some_and(|n| ctx.toks[n].capitalised());
            run.classes[run.len] = if inner_particle {
                Class::Particle
            } else {
                classify(ctx.flags[j])
            };
            after = j;
        } else if run.len > 0
            && t.kind == Kind::Word
            && t.case == Case::Lower
            && ctx.role(j, PARTICLE)
            && ctx.word_in(j, PARTICLES)
            && particle_leads_to_name(ctx, j)
            // "Geburtstag von Eva": after an unknown (German) noun `von`/`van` is a preposition.
            && !(run.classes[run.len - 1] == Class::Unknown
                && run.len == 1
                && ctx.word_in(j, &["von", "van"]))
            && !german_von_after_noun(ctx, &run, j)
            // "Pedido de Xiomara …": the particle ends a label; the name starts after it.
            && !label_at(ctx, j)
            && !joins_two_people(ctx, &run, j)
        {
            run.words[run.len] = j;
            run.classes[run.len] = Class::Particle;
            after = j;
        } else {
            break;
        }
        run.len += 1;
        // "Lennart's Files": a possessive ends the name.
        let s = ctx.s(after);
        if s.as_bytes().last() == Some(&b's') && (s.ends_with("'s") || s.ends_with("’s")) {
            return (run, after + 1);
        }
        match next_spaced(ctx, after) {
            Some(n) => j = n,
            None => {
                j = after + 1;
                return (run, j);
            }
        }
    }
    let end = if run.len == 0 {
        i + 1
    } else {
        run.end_tok() + 1
    };
    (run, end)
}

/// After the particle at `j`, more particles (van der, de la) and then a capitalised word.
fn particle_leads_to_name(ctx: &Ctx<'_>, j: usize) -> bool {
    let mut k = j;
    for _ in 0..3 {
        let Some(n) = next_spaced(ctx, k) else {
            return false;
        };
        let t = &ctx.toks[n];
        if t.capitalised() {
            return true;
        }
        if !(t.case == Case::Lower && ctx.role(n, PARTICLE) && ctx.word_in(n, PARTICLES)) {
            return false;
        }
        k = n;
    }
    false
}

/// Lower-case particles right before token `i` ("Frau van der Dussen"): returns the first.
fn particles_before(ctx: &Ctx<'_>, i: usize) -> usize {
    let mut p = i;
    while p > 0
        && p + 3 > i
        && next_spaced(ctx, p - 1) == Some(p)
        && ctx.toks[p - 1].case == Case::Lower
        && ctx.role(p - 1, PARTICLE)
        && ctx.word_in(p - 1, PARTICLES)
    {
        p -= 1;
    }
    p
}

/// The run sits where a street name does: after a house number or a street type written
/// first ("42 Anne Fields", "rue Françoise Conrad"), or before a street type ("Susan
/// Outlook" is not, but "Alyssa Roads" is): a street named after people is no person.
fn street_position(ctx: &Ctx<'_>, run: &Run) -> bool {
    let start = run.start_tok();
    if start > 0 && next_spaced(ctx, start - 1) == Some(start) {
        let p = &ctx.toks[start - 1];
        if matches!(p.kind, Kind::Num | Kind::Alnum) && !ctx.in_identifier(start - 1) {
            return true;
        }
        let mut q = start - 1;
        // "rue de Mercier", "Via dei Mille"
        if ctx.role(q, STREET_PARTICLE) && p.case == Case::Lower && q > 0 {
            q -= 1;
        }
        // "distrito de Minho" in lower case is a district, not a street (Faker's "Distrito");
        // round 10: "à estação de Valongo" a station; round 15: Polish `al` is a street type
        // only with its dot (as `address::street_type` reads it), Italian "al" a preposition
        // ("al Monte Baldo").
        if ctx.role(q, PREFIX_TYPE)
            && ctx.word_in(q, PREFIX_TYPES)
            && !(ctx.toks[q].case == Case::Lower && ctx.word_in(q, &["distrito", "estação", "al"]))
        {
            return true;
        }
    }
    let end = run.end_tok();
    run.len > 1 && ctx.role(end, SUFFIX_TYPE) && ctx.word_in(end, SUFFIX_TYPES)
}

/// A run of two or more capitalised words in a town's shape ("Port Laura", "Bad Ischl"), or
/// one word with a town's ending ("Kramerville") that the lists do not know as a name.
fn town_shaped(ctx: &Ctx<'_>, run: &Run) -> bool {
    let w = run.start_tok();
    if run.len > 1 {
        return (ctx.role(w, TOWN_HEAD) && ctx.word_in(w, TOWN_HEADS))
            || super::place::more_town_head(ctx, w);
    }
    if ctx.flags[w] & (FIRST | LAST) != 0 || ctx.toks[w].case != Case::Title {
        return false;
    }
    let mut buf = [0u8; 64];
    lower_into(ctx.s(w), &mut buf).is_some_and(|low| {
        (TOWN_ENDINGS
            .iter()
            .any(|e| low.len() > e.len() + 2 && low.ends_with(e.as_bytes()))
            || super::place::more_town_ending(low))
            && !super::place::dutch_ingen_noun(low)
    })
}

/// The run names a town: after "I live in", "wohne in", "habite à" (whatever the lists
/// say), or town-shaped after a place preposition ("in Port Laura"). Returns the last run
/// word of the place.
fn town(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run) -> Option<(usize, &'static str)> {
    let start = run.start_tok();
    if super::place::acronym_head(ctx, start) {
        return None;
    }
    let mut b = run.len;
    while b > 1
        && (run.classes[b - 1] == Class::Particle
            || (run.classes[b - 1] == Class::NotName && ctx.flags[run.words[b - 1]] & WORD != 0))
    {
        b -= 1;
    }
    if cue_before(ctx, start, LIVE_CUES, LIVE_LAST).is_some()
        || super::place::verb_cued(ctx, start, run.words[b - 1])
        || super::place::place_noun_before(ctx, start)
        || super::place::place_label_before(ctx, start)
        || super::place::between_pair(ctx, start)
        || super::place::home_noun_is(ctx, start)
        || super::place::home_noun_after(ctx, start, run.end_tok())
        || super::place::frame_town(ctx, start, run.words[b - 1])
        || super::place::dutch_town(ctx, start, run.words[b - 1])
    {
        return Some((
            super::place::keep_town_tail(ctx, &run.words[..run.len], b),
            "place-cue",
        ));
    }
    // Its own reason: the first module leaves this reading to the full module, and
    // tests/js/scanner.test.mjs tells the two apart by it.
    if !crate::FIRST_MODULE && super::place::place_frame(ctx, &run.words[..b]) {
        return Some((
            super::place::keep_town_tail(ctx, &run.words[..run.len], b),
            "place-frame",
        ));
    }
    // Every preposition below is a place cue: one bit test settles most runs.
    let preposition = start > 0
        && ctx.role(start - 1, PLACE_CUE)
        && ctx.word_in(
            start - 1,
            &[
                "in", "to", "from", "near", "outside", "nach", "aus", "à", "en", "a", "w", "we",
                "em", "naar", "uit", "do", "para", "z", "ze",
            ],
        );
    if !preposition || super::place::ui_target(ctx, start) {
        return None;
    }
    if town_shaped(ctx, run) || super::place::particle_town(ctx, start, run.words[b - 1]) {
        return Some((b - 1, "place-cue"));
    }
    if run.len == 1
        && run.classes[0] == Class::Unknown
        && super::place::polish_locative(ctx, g, start)
    {
        return Some((0, "place-cue"));
    }
    // "armazém em Elvas", "magasin à Vernier": after a preposition that only Portuguese or
    // French use for places, one unknown title-case word is a town. English prepositions
    // ("in Rust", "to Markdown"), German ones (every noun is capitalised) and Polish `w`
    // (its locative forms: "w Linuksie", "w Vimie") are left out.
    let bare = run.len == 1
        && run.classes[0] == Class::Unknown
        && ctx.toks[start].case == Case::Title
        && ctx.toks[start - 1].case == Case::Lower
        && ctx.word_in(start - 1, &["à", "em"])
        && !super::place::in_a_meeting(ctx, start);
    if bare {
        return Some((0, "place-cue"));
    }
    // Round 11 (places12): Brazil names towns after families ("casa em Teixeira", "em
    // Cardoso do Sul"): after Portuguese `em` a surname with no first name opens a town.
    let surname_town = run.classes[0] == Class::Last
        && (run.len == 1 || run.classes[1] == Class::Particle)
        && run.classes[1..run.len].iter().all(|c| {
            matches!(
                c,
                Class::Last | Class::Particle | Class::Unknown | Class::NotName
            )
        });
    if surname_town && super::place::em_town(ctx, start) {
        return Some((run.len - 1, "place-cue"));
    }
    // Round 6: words no list knows after a place preposition in a sentence written in
    // Italian, Portuguese, French or Dutch ("Ho comprato casa a Montanera", "De bruiloft is
    // in Zelzate, in de kerk").
    let unknown = run.classes[..b]
        .iter()
        .all(|c| matches!(c, Class::Unknown | Class::Particle));
    (unknown && super::place::bare_town(ctx, start, run.words[b - 1]))
        .then_some((b - 1, "place-cue"))
}

/// The last words of the English labels of [`LABELS`].
const ENGLISH_ROLES: &[&str] = &[
    "name",
    "surname",
    "sender",
    "recipient",
    "addressee",
    "patient",
    "holder",
    "cardholder",
    "customer",
    "client",
    "person",
    "beneficiary",
    "payee",
    "tenant",
    "landlord",
    "applicant",
    "employee",
    "guest",
    "passenger",
    "contact",
    "to",
    "assignee",
    "reviewer",
    "reporter",
    "requester",
    "by",
    "insured",
    "policyholder",
    "student",
    "signatory",
];

/// A verb of speech follows token `end` ("X wrote", "X a écrit"), or follows one word of
/// time ("X gestern erklärte", "X gisteren uitlegde": verbs go last in German and Dutch
/// clauses).
fn speech_after(ctx: &Ctx<'_>, end: usize) -> bool {
    let verb = |n: usize| {
        ctx.toks[n].case == Case::Lower
            && ctx.role(n, SPEECH_FIRST)
            && ctx.phrases_starting_at(n, SPEECH_AFTER).next().is_some()
    };
    next_spaced(ctx, end).is_some_and(|n| {
        verb(n)
            || (ctx.toks[n].case == Case::Lower
                && ctx.word_in(n, SPEECH_ADVERBS)
                && next_spaced(ctx, n).is_some_and(verb))
    })
}

/// A quoted reply's header that puts its verb first, as German and Dutch mail clients write
/// it: "Am 03.06.2024 um 10:12 schrieb Duan Guiying:", "Op ma 3 jun 2024 schreef Li Na:".
/// The verb right before the run, a colon after it that ends the line. (With a mailbox in
/// angle brackets the display name before it is found already.)
fn reply_header(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    start > 0
        && ctx.word_in(start - 1, &["schrieb", "schreef"])
        && ctx.punct(end + 1, ':')
        && ctx.toks.get(end + 2).is_none_or(|t| t.newline_before)
}

/// A token ends in a possessive `'s` (`Jane's`, `Jane’s`).
fn is_possessive(ctx: &Ctx<'_>, i: usize) -> bool {
    let s = ctx.s(i).as_bytes();
    s.ends_with(b"'s") || s.ends_with("\u{2019}s".as_bytes())
}

/// Token `end` is a possessive and what follows is something only a person has ("Jane's
/// phone died", "Omar's birthday"): English, where `'s` marks it. Things named after people
/// ("Pascal's triangle", "Adam's apple", "Parkinson's disease") are not on the list of what
/// follows.
fn possessed(ctx: &Ctx<'_>, end: usize) -> bool {
    is_possessive(ctx, end)
        && next_spaced(ctx, end)
            .is_some_and(|n| ctx.toks[n].case == Case::Lower && ctx.word_in(n, POSSESSED))
}

/// What a person has, after a possessive name: family, contact details, health, work and
/// home, the papers of an account or a case.
const POSSESSED: &[&str] = &[
    "phone",
    "email",
    "e-mail",
    "address",
    "number",
    "birthday",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "wife",
    "husband",
    "son",
    "daughter",
    "sister",
    "brother",
    "parents",
    "family",
    "kids",
    "children",
    "boyfriend",
    "girlfriend",
    "partner",
    "doctor",
    "appointment",
    "diagnosis",
    "medication",
    "prescription",
    "surgery",
    "salary",
    "account",
    "password",
    "car",
    "house",
    "apartment",
    "flat",
    "passport",
    "resume",
    "cv",
    "contract",
    "lease",
    "insurance",
    "therapist",
    "lawyer",
    "boss",
    "manager",
    "teacher",
    "school",
    "wedding",
    "funeral",
    "death",
    "pregnancy",
    "divorce",
    "grandmother",
    "grandfather",
    "cousin",
    "aunt",
    "uncle",
    "fiancé",
    "fiancée",
    "fiance",
    "landlord",
    "neighbour",
    "neighbor",
    "symptoms",
    "visa",
    "mobile",
    "cell",
];

/// A relation after someone else's possessive names the run ("Tom's wife Sarah", "Ana's
/// son Liam"): the relations of "my wife", "my son" in [`SPEECH_BEFORE`].
fn relative_of(ctx: &Ctx<'_>, start: usize) -> bool {
    if start < 2 || !ctx.role(start - 1, SPEECH_LAST) || ctx.toks[start - 1].case != Case::Lower {
        return false;
    }
    let word = ctx.s(start - 1);
    is_possessive(ctx, start - 2)
        && ctx.toks[start - 2].capitalised()
        && ctx.toks[start - 1].start - ctx.toks[start - 2].end == 1
        && SPEECH_BEFORE.iter().any(|p| {
            p.strip_prefix("my ")
                .is_some_and(|r| r.eq_ignore_ascii_case(word))
        })
}

/// Relations after which a lone word may still be a firm's name ("my client Siemens", "mon
/// avocat Dupont & Associés").
const RELATIONS_OF_FIRMS: &[&str] = &[
    "client",
    "customer",
    "landlord",
    "tenant",
    "assistant",
    "lawyer",
    "kunde",
    "kundin",
    "anwalt",
    "anwältin",
    "cliente",
    "avocat",
    "avocate",
    "abogado",
    "abogada",
];

/// "my friend Leocadia", "my boss Wendelin": a lone title-case word no list knows right after
/// a relation of the writer's (a phrase of two or more words of [`SPEECH_BEFORE`] ending in a
/// lower-case noun) is a person's name; the lists cannot know every first name, and this
/// position holds little else. Relations a firm may fill are left out.
fn related_lone(ctx: &Ctx<'_>, run: &Run) -> bool {
    let start = run.start_tok();
    run.len == 1
        && run.classes[0] == Class::Unknown
        && ctx.toks[start].case == Case::Title
        && start >= 2
        && ctx.toks[start].start - ctx.toks[start - 1].end == 1
        && ctx.role(start - 1, SPEECH_LAST)
        && !ctx.word_in(start - 1, RELATIONS_OF_FIRMS)
        && ctx.phrases_ending_at(start - 1, SPEECH_BEFORE).any(|s| {
            s < start - 1
                && ctx.word_in(s, POSSESSIVE_HEADS)
                // German capitalises the relation ("mein Chef Wendelin"); a heading
                // capitalises the possessive too ("My Friend Pedro").
                && (ctx.toks[start - 1].case == Case::Lower || ctx.toks[s].case == Case::Lower)
        })
}

/// First words of the relations in [`SPEECH_BEFORE`] ("my", "seine", "la mia", "von
/// meinem"): the other phrases there are verbs ("according to", "reply to"), after which a
/// lone word may be a firm or a product.
const POSSESSIVE_HEADS: &[&str] = &[
    "my", "her", "his", "their", "mein", "meine", "ihr", "ihre", "sein", "seine", "von", "mon",
    "ma", "son", "sa", "mi", "mio", "mia", "il", "la", "suo", "sua", "mijn", "zijn", "haar",
    "moja", "mój", "jej", "jego", "meu", "minha",
];

/// Words of time between a name and its verb of speech.
const SPEECH_ADVERBS: &[&str] = &[
    "yesterday",
    "today",
    "also",
    "gestern",
    "heute",
    "auch",
    "hier",
    "aussi",
    "ayer",
    "hoy",
    "también",
    "ieri",
    "oggi",
    "anche",
    "gisteren",
    "vandaag",
    "ook",
    "wczoraj",
    "dzisiaj",
    "też",
    "ontem",
    "hoje",
    "também",
];

/// Verbs of address that take a person in languages writing nouns in lower case: after one,
/// a lone unknown title-case word is a name ("Chiama Nives", "bel Lieke", "liga para
/// Zulmira").
const ADDRESS_ANY: &[&str] = &[
    "appelle",
    "appelez",
    "écris à",
    "demande à",
    "demandez à",
    "llama a",
    "llame a",
    "escribe a",
    "pregúntale a",
    "pregunta a",
    "chiama",
    "chiami",
    "scrivi a",
    "chiedi a",
    "bel",
    "vraag",
    "zadzwoń do",
    "napisz do",
    "zapytaj",
    "liga para",
    "ligue para",
    "escreve a",
    "escreva para",
    "pergunte a",
    "pergunta a",
];

/// Verbs of address and speech before a lone first name the lists know and that is no
/// common word ("I called Priya", "email Anna", "j'ai appelé Marie", "llamé a Lucía", "ho
/// chiamato Giulia"; "zadzwoniłem do Kasi", "liguei para Ana", "talked to Tom" are read
/// through their prepositions, [`NAME_CUES`]). Weaker than [`SPEECH_BEFORE`]: after these a
/// run of two unknown words is no name ("email Support Team").
const ADDRESS_BEFORE: &[&str] = &[
    "called",
    "phoned",
    "rang",
    "emailed",
    "email",
    "texted",
    "text",
    "messaged",
    "message",
    "thank",
    "thanked",
    "fragte",
    "rief",
    "sagte",
    "traf",
    "danke",
    "appelé",
    "appeler",
    "rencontré",
    "contacté",
    "écrit à",
    "demandé à",
    "llamé a",
    "llamó a",
    "escribí a",
    "pregunté a",
    "dile a",
    "conocí a",
    "chiamato",
    "sentito",
    "incontrato",
    "contattato",
    "scritto a",
    "chiesto a",
    "belde",
    "mail",
    "mailde",
    "appte",
    "ontmoette",
    "sprak",
    "zapytałem",
    "zapytałam",
    "spytaj",
    "spotkałem",
    "spotkałam",
    "conheci",
    "encontrei",
    "perguntei a",
    "disse a",
];

/// What closes a clause after a lone first name the lists know: a participle of address
/// where German and Dutch put the verb last ("ich habe Anna angerufen", "ik heb Sanne
/// gebeld"), or a predicate only people take ("Jane is sick", "Marie est malade", "Sanne komt
/// later").
const ADDRESS_AFTER: &[&str] = &[
    "angerufen",
    "anrufen",
    "geschrieben",
    "gefragt",
    "getroffen",
    "gebeld",
    "bellen",
    "gemaild",
    "gevraagd",
    "ontmoet",
    "is sick",
    "is ill",
    "is coming",
    "is on leave",
    "is late",
    "was sick",
    "ist krank",
    "ist im urlaub",
    "est malade",
    "vient",
    "est en congé",
    "está enfermo",
    "está enferma",
    "viene",
    "è malato",
    "è malata",
    "arriva",
    "is ziek",
    "komt",
    "jest chory",
    "jest chora",
    "przyjdzie",
    "está doente",
    "vem",
];

/// A lone first name at `i` (known, no common word, no place) is cued as a person by a verb
/// of address before it or by what closes the clause after it ([`ADDRESS_BEFORE`],
/// [`ADDRESS_AFTER`]), perhaps past one word of time ("ich habe Anna gestern angerufen"), or
/// by the `@` of a chat mention.
fn addressed_first_name(ctx: &Ctx<'_>, i: usize) -> bool {
    let before = i > 0
        && ctx.toks[i].start - ctx.toks[i - 1].end <= 2
        && !ctx.toks[i].newline_before
        && ctx.toks[i - 1].kind == Kind::Word
        && ctx
            .phrases_ending_at(i - 1, ADDRESS_BEFORE)
            .next()
            .is_some();
    let closes = |n: usize| {
        ctx.toks[n].case == Case::Lower
            && ctx.phrases_starting_at(n, ADDRESS_AFTER).next().is_some()
    };
    // "thanks @Priya": a chat mention ([`Ctx::in_identifier`] lets only those through).
    let mention = i > 0 && ctx.punct(i - 1, '@');
    before
        || mention
        || next_spaced(ctx, i).is_some_and(|n| {
            closes(n)
                || (ctx.toks[n].case == Case::Lower
                    && ctx.word_in(n, SPEECH_ADVERBS)
                    && next_spaced(ctx, n).is_some_and(closes))
        })
}

/// Words that open a sentence and are names too ("So", "Dann", "Pero", "Bon", "Nu"): before
/// a first name they fall off the run ("So Jane and Tom") instead of making it a name that
/// starts with a weak word. Openers that are only words ("And", "Aber") fall off already.
const OPENERS: &[&str] = &[
    "so", "oh", "still", "dann", "ja", "na", "bon", "pero", "bueno", "nu", "nee", "mas",
];

/// Words that open a chat message addressed to someone ("Pooja: can you ...", "Witold:
/// możesz ..."): after a capitalised word opening a line and its colon they make the word
/// a name whatever the lists say. Only requests in the second person: field labels of docs
/// are followed by values ("Depends: libc6") or by impersonal text ("Note: can be slow",
/// "Hinweis: bitte beachten").
const CHAT_OPENERS: &[&str] = &[
    "can you",
    "could you",
    "would you",
    "will you",
    "do you",
    "did you",
    "are you",
    "kannst du",
    "könntest du",
    "hast du",
    "bist du",
    "tu peux",
    "peux-tu",
    "pourrais-tu",
    "as-tu",
    "pouvez-vous",
    "puedes",
    "podrías",
    "tienes",
    "puoi",
    "potresti",
    "hai",
    "kun je",
    "kun jij",
    "kunt u",
    "kan je",
    "heb je",
    "możesz",
    "czy możesz",
    "mógłbyś",
    "mogłabyś",
    "masz",
    "podes",
    "você pode",
    "pode",
    "tens",
];

/// The title before token `i`, if any: returns the first token of the title.
fn title_before(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    // A title and its name share a line ("-m.\n\nMANPATH" is an option, then a heading).
    if i == 0 || ctx.toks[i].newline_before {
        return None;
    }
    let mut j = i - 1;
    // `Sig.ra`, `Sr.ª`, `Dott.ssa`: the title's tail after a dot.
    if ctx.toks[j].len() <= 3
        && j >= 2
        && ctx.punct(j - 1, '.')
        && ctx.word_in(j, &["ra", "ssa", "ª", "a"])
    {
        if ctx.word_in(j - 2, &["sig", "sr", "dott", "dr"]) {
            return Some(j - 2);
        }
        return None;
    }
    if ctx.punct(j, '.') {
        if j == 0 {
            return None;
        }
        j -= 1;
    }
    // "mr     Marathi": a language code in a table column, not a title.
    if ctx.toks[i].start - ctx.toks[j].end > 2 {
        return None;
    }
    let t = &ctx.toks[j];
    if t.kind == Kind::Word && super::place::elided_title(ctx, j) {
        return Some(j);
    }
    // Without the title role nothing below can succeed: most words leave on one bit test.
    if t.kind != Kind::Word || !ctx.role(j, TITLE) || ctx.in_identifier(j) {
        return None;
    }
    // A one-letter title (`M.`) is a capital with its dot, or it is an initial or an option.
    if t.len() == 1 && (!ctx.punct(j + 1, '.') || t.case == Case::Lower) {
        return None;
    }
    // Lower-case `mr smith` is fine; `Me` (Maître) only with a dot.
    if ctx.word_in(j, &["me", "m", "e"]) && !ctx.punct(j + 1, '.') {
        return None;
    }
    // "M. Delete any section", "M. Update the config": before a word the lists know as no
    // name, a French title followed by a determiner is an enumerator before an English
    // verb; so is one before a common word ("M. Le Pen": a particle is no
    // common word here).
    if ctx.word_in(j, &["m", "mme", "mlle"]) && ctx.flags[i] & (FIRST | LAST) == 0 {
        let common = ctx.flags[i] & WORD != 0 && !ctx.role(i, PARTICLE);
        if common || next_spaced(ctx, i).is_some_and(|n| ctx.word_in(n, DETERMINERS)) {
            return None;
        }
    }
    (ctx.role(j, TITLE) && ctx.word_in(j, TITLES)).then_some(j)
}

/// Determiners: before a lower-case word they make it a noun ("the manual stack", "a dot
/// file"); after a capitalised word ("M. Delete any section", "M. Update the config") they
/// make it a verb in the imperative.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every", "no",
    "your", "our", "their", "his", "her", "my", "of", "der", "die", "das", "le", "la", "les", "el",
    "los", "il", "lo", "de", "het", "een",
];

/// A cue phrase from `list` ends just before token `i` (a comma or colon may sit between).
/// `bit` is the role bit of the list's last words, tested first.
fn cue_before(ctx: &Ctx<'_>, i: usize, list: &'static [&'static str], bit: u32) -> Option<usize> {
    if i == 0 {
        return None;
    }
    // A cue and its name are one or two characters apart ("Dear Anna", "Name: Anna"), not
    // columns of a table (`hi     Hindi`).
    if ctx.toks[i].start - ctx.toks[i - 1].end > 2 {
        return None;
    }
    let mut j = i - 1;
    if (ctx.punct(j, ',') || ctx.punct(j, ':')) && j > 0 {
        j -= 1;
    }
    // No listed phrase ends in a colon (labels are read with theirs): in code (`Error::Kind`)
    // the second colon leaves here.
    if !ctx.role(j, bit) {
        return None;
    }
    // After "in", "to", "a" (last words of many phrases) most runs have no phrase before
    // them: a one-word test settles those without walking every phrase.
    if j == 0 || !ctx.role(j - 1, CUE_INNER) {
        return ctx.word_in(j, list).then_some(j);
    }
    ctx.phrases_ending_at(j, list).next()
}

/// A phrase of [`STRONG_CUES`] ("my name is", "ich heiße") ends before token `i`, its first
/// word no part of an identifier: `if secret_name is None` is code, not a speaker.
fn strong_cue(ctx: &Ctx<'_>, i: usize) -> bool {
    cue_before(ctx, i, STRONG_CUES, STRONG_LAST).is_some_and(|s| !ctx.in_identifier(s))
}

/// Token `i` ends a label ("Patient", "Kontoinhaber", "Account holder") and a capitalised
/// word follows it: the label is evidence for the run after it, not part of it.
fn label_at(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.role(i, LABEL_LAST)
        && next_spaced(ctx, i).is_some_and(|n| ctx.toks[n].capitalised())
        && ctx.phrases_ending_at(i, LABELS).next().is_some()
}

/// Token `i` is a verb of speech or address opening a sentence before a capitalised word
/// ("Ping Tori if ...", "Chiama Nives"): like a label, it is evidence for the run after it.
fn address_verb_at(ctx: &Ctx<'_>, i: usize) -> bool {
    if !ctx.role(i, SPEECH_LAST | SPEECH_HEAD) || ctx.toks[i].case != Case::Title {
        return false;
    }
    if ctx.role(i, SPEECH_LAST)
        && next_spaced(ctx, i).is_some_and(|n| ctx.toks[n].case == Case::Title || initial(ctx, n))
        && ctx.phrases_ending_at(i, SPEECH_BEFORE).next().is_some()
    {
        return true;
    }
    // "Zadzwoń do Genowefy": the whole phrase, then a capitalised word.
    ctx.role(i, SPEECH_HEAD)
        && ctx
            .phrases_starting_at(i, SPEECH_BEFORE)
            .any(|(p, e)| p.contains(' ') && ctx.toks.get(e).is_some_and(|t| t.case == Case::Title))
}

/// `M.` before a surname in a running French sentence ("M. Deprez est absent"): the title
/// Monsieur, not an initial (an initial before an unknown word opening a line is left alone:
/// "A. Overview" is a heading). The word after the surname must be lower case.
fn french_monsieur(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.toks[i].len() == 1
        && ctx.toks[i].case == Case::Other
        && ctx.s(i) == "M"
        && ctx.punct(i + 1, '.')
        && next_spaced(ctx, i + 1).is_some_and(|n| {
            ctx.toks[n].case == Case::Title
                && !ctx.punct(n + 1, '.')
                && next_spaced(ctx, n).is_some_and(|k| ctx.toks[k].case == Case::Lower)
        })
}

/// Token `i` (after a line-opening word and its colon) opens a chat message: a word of
/// [`CHAT_OPENERS`] in lower case, perhaps after `¿`.
fn chat_opener(ctx: &Ctx<'_>, mut i: usize) -> bool {
    if ctx.punct(i, '¿') {
        i += 1;
    }
    ctx.toks
        .get(i)
        .is_some_and(|t| t.case == Case::Lower && !t.newline_before)
        && ctx.phrases_starting_at(i, CHAT_OPENERS).next().is_some()
}

/// The line holding token `l` starts with a capitalised word, as a form's field does
/// ("Imię i nazwisko:"), not like code (`    name: String`).
fn form_line(ctx: &Ctx<'_>, l: usize) -> bool {
    let mut j = l;
    for _ in 0..6 {
        if j == 0 || ctx.toks[j].newline_before {
            return ctx.toks[j].capitalised();
        }
        j -= 1;
    }
    false
}

/// A mail's header line names its people: "From: Ngozi Okonkwo", "To: …", "Cc: …". Only the
/// header itself (its word at a line's start, its colon) and two or more words: as labels
/// without a colon these words are prepositions, and "from Berlin" is a place.
fn mail_header(ctx: &Ctx<'_>, start: usize, words: usize, colon: bool) -> bool {
    if !colon || words < 2 || start < 2 {
        return false;
    }
    let h = start - 2;
    (h == 0 || ctx.toks[h].newline_before)
        && ctx.toks[h].case == Case::Title
        && ctx.word_in(h, super::MAIL_HEADERS)
}

/// The run fills its line and starts a signature block: the line before it is `--`, or (for a
/// run opening with a `known` first name) one of the next two lines holds an email address.
fn signature_block(ctx: &Ctx<'_>, start: usize, end: usize, known: bool) -> bool {
    let line_start = start == 0 || ctx.toks[start].newline_before;
    if !line_start || ctx.toks.get(end + 1).is_some_and(|n| !n.newline_before) {
        return false;
    }
    // The separator is a line of two dashes ("-- "), not a ruler of many ("-----"), which
    // frames headings.
    if start >= 2
        && ctx.punct(start - 1, '-')
        && ctx.punct(start - 2, '-')
        && (start == 2 || ctx.toks[start - 2].newline_before)
    {
        return true;
    }
    if !known {
        return false;
    }
    let mut lines = 0;
    for k in end + 1..ctx.toks.len().min(end + 40) {
        let t = &ctx.toks[k];
        if t.newline_before {
            lines += 1;
            if lines > 2 {
                break;
            }
        }
        if t.is('@') && t.glued && ctx.toks.get(k + 1).is_some_and(|n| n.glued) {
            return true;
        }
    }
    false
}

/// Token `i` is a sign-off of three letters or fewer ("LG", "VG", "MfG", "BG", "Thx") opening
/// its line before a known first name: evidence for the name after it, not part of its run
/// ("LG Klaus"; "LG Electronics" stays a run).
fn short_sign_off(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.role(i, SIGN_OFF_LAST)
        && (i == 0 || ctx.toks[i].newline_before)
        && ctx.toks[i].len() <= 3
        && next_spaced(ctx, i).is_some_and(|n| ctx.flags[n] & FIRST != 0)
}

/// Is token `i` a dash (`-`, `—`, `–`)?
fn dash(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.toks[i].kind == Kind::Punct && matches!(ctx.toks[i].punct, '-' | '—' | '–')
}

/// The run sits alone on a line right after a sign-off line ("Best regards,").
fn signature(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    if start == 0 {
        return false;
    }
    // "Regards\nJan K.": an initial's dot closes the line.
    let end = if initial(ctx, end) { end + 1 } else { end };
    let alone = ctx.toks.get(end + 1).is_none_or(|n| n.newline_before);
    if !alone {
        return false;
    }
    let first_name = ctx.flags[start] & FIRST != 0;
    // "That is all.\n— Piotr", "Thanks! -Jan": a dash after a sentence's end (or opening a
    // line) before a first name that ends the message signs it.
    if dash(ctx, start - 1)
        && first_name
        && end + 1 == ctx.toks.len()
        && ctx.sentence_start(start - 1)
    {
        return true;
    }
    // "Thanks\n- Jan", "Cheers,\n— Priya": a dash opening the name's line signs it too.
    let dashed = !ctx.toks[start].newline_before
        && start >= 2
        && ctx.toks[start - 1].newline_before
        && dash(ctx, start - 1);
    let start = if dashed { start - 1 } else { start };
    // "Thanks, Tom" closing a message on one line: the sign-off opens the line. Before a
    // first name the lists know it may end with "!" or "." or nothing, and a dash may
    // follow it ("Thanks! -Jan", "Gr. Jan", "LG Klaus").
    if !ctx.toks[start].newline_before {
        let mut j = start - 1;
        if dash(ctx, j) && j > 0 {
            j -= 1;
        }
        let comma = ctx.punct(j, ',');
        if (comma || ctx.punct(j, '!') || ctx.punct(j, '.')) && j > 0 {
            j -= 1;
        }
        // Without a comma the name must be a first name the lists know ("Thanks. Docker").
        if !ctx.role(j, SIGN_OFF_LAST) || !(comma || first_name) {
            return false;
        }
        return ctx
            .phrases_ending_at(j, SIGN_OFFS)
            .any(|s| s == 0 || ctx.toks[s].newline_before || ctx.word_in(s, &["xx"]));
    }
    let mut j = start - 1;
    if (ctx.punct(j, ',') || ctx.punct(j, '!') || ctx.punct(j, '.')) && j > 0 {
        j -= 1;
    }
    // "Cheers mate,\nJan", "Thanks again,": a word to the reader after the sign-off.
    let mut tails = 0;
    while tails < 2 && j > 0 && !ctx.toks[j].newline_before && ctx.word_in(j, ADDRESSEES) {
        j -= 1;
        tails += 1;
    }
    // "Viele Grüße aus Siders": the sign-off names where it was written.
    if let Some(a) = greetings_from(ctx, j) {
        j = a;
    }
    if !ctx.role(j, SIGN_OFF_LAST) {
        return false;
    }
    ctx.phrases_ending_at(j, SIGN_OFFS)
        .any(|s| ctx.toks[s].newline_before)
}

/// The line ending at token `j` closes with German "aus" and a town after a sign-off
/// ("Viele Grüße aus Siders"); returns the sign-off's last token.
fn greetings_from(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let mut q = j;
    for _ in 0..4 {
        let t = &ctx.toks[q];
        if t.newline_before || q == 0 {
            return None;
        }
        if t.kind == Kind::Word && t.case == Case::Lower {
            break;
        }
        q -= 1;
    }
    (q < j && ctx.word_in(q, &["aus"]) && q > 0).then(|| q - 1)
}

/// German verbs of reaching someone written after the name ("Können Sie bitte Bojan Schwab
/// zurückrufen?", "Bitte Ilka Nipp informieren."): the two title-case words before them are
/// a name.
fn german_verb_after(ctx: &Ctx<'_>, run: &Run) -> bool {
    let end = run.end_tok();
    run.len == 2
        && run.classes[..2].iter().all(|&c| {
            matches!(
                c,
                Class::Unknown | Class::First | Class::Last | Class::Either
            )
        })
        && run.words[..2]
            .iter()
            .all(|&w| ctx.toks[w].case == Case::Title)
        && next_spaced(ctx, end).is_some_and(|n| {
            ctx.toks[n].case == Case::Lower
                && ctx.word_in(
                    n,
                    &[
                        "zurückrufen",
                        "anrufen",
                        "kontaktieren",
                        "informieren",
                        "benachrichtigen",
                        "einladen",
                        "anschreiben",
                        "erreichen",
                        "fragen",
                    ],
                )
        })
}

fn push(
    out: &mut Vec<Hit>,
    ctx: &Ctx<'_>,
    a: usize,
    b: usize,
    e: Entity,
    score: f32,
    why: &'static str,
) {
    if super::technical::benign(ctx, a, b, e, why) {
        return;
    }
    // "Springfield, IL", "Dosson, Veneto", "Gabella (PI)": a place takes its region along.
    let b = if e == Entity::Location {
        let b = super::place::town_words_after(ctx, super::place::german_town_tail(ctx, b));
        super::place::region_after(ctx, b)
    } else {
        b
    };
    out.push(Hit {
        start: ctx.toks[a].start as usize,
        end: ctx.toks[b].end as usize,
        entity: e,
        score,
        reason: why,
    });
}

/// Longest place of up to five words starting at run word `k`; returns how many words.
/// Five, not three: "Vila Franca de Xira" and "Vila Real de Santo António" were read as
/// "Franca" and "Vila Real".
fn place_at(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run, k: usize) -> usize {
    let mut best = 0;
    let mut buf = [0u8; 64];
    let mut key = [0u8; 64];
    let mut n = 0usize;
    let words = 5.min(run.len - k);
    for m in 0..words {
        let w = run.words[k + m];
        if run.classes[k + m] == Class::Initial {
            break;
        }
        // A lone word that is no place needs no lower-casing: nothing below can count it.
        if words == 1 && ctx.flags[w] & PLACE == 0 {
            if ctx.flags[w] == 0 && polish_shape(ctx, w) && inflected_place(ctx, g, w) {
                best = 1;
            }
            break;
        }
        // The first word's flags come from the look-ups: its lower-cased form is needed only
        // as the start of a longer key. A lone word is still lower-cased when it may not fit
        // (lower case grows a word by half at most), which ends the search as before.
        if words > 1 || ctx.toks[w].len() > 32 {
            let Some(low) = lower_into(ctx.s(w), &mut buf) else {
                break;
            };
            if !push_key_word(&mut key, &mut n, m, low) {
                break;
            }
        }
        let f = if m == 0 {
            ctx.flags[w]
        } else {
            g.flags(&key[..n])
        };
        // A place that is also a word before a number is a date ("in March 2007").
        let dated = || {
            ctx.toks
                .get(w + 1)
                .is_some_and(|t| t.kind == Kind::Num && !t.newline_before)
        };
        if f & PLACE != 0
            && !(m == 0 && super::place::in_a_meeting(ctx, w))
            && (m > 0
                || f & WORD == 0
                || (cue_before(ctx, w, PLACE_CUES, PLACE_CUE).is_some()
                    && super::place::weak_place_cue(ctx, w)
                    && !dated()))
        {
            best = m + 1;
        }
    }
    best
}

/// The class of an unknown title-case word that is a Polish case form of a name the
/// gazetteer holds in the nominative: genitive (`Łukasza`, `Anny`, `Agnieszki`,
/// `Kowalskiego`, `Kowalskiej`), instrumental (`Łukaszem`, `Nowakiem`, `Anną`, `Kowalskim`,
/// `Kowalską`); and first names in `-sław`/`-sława` in any form (`Przemysław`,
/// `Radosławem`, `Wiesławy`), a Slavic name ending no word or place has. The word's last
/// bytes settle most words before any look-up.
fn polish_name(ctx: &Ctx<'_>, g: &Gazetteer, w: usize) -> Option<Class> {
    let t = &ctx.toks[w];
    let b = &ctx.text.as_bytes()[t.start as usize..t.end as usize];
    if t.case != Case::Title || b.len() < 5 {
        return None;
    }
    let last = b[b.len() - 1];
    let ogonek = b.ends_with("ą".as_bytes());
    if !(matches!(last, b'a' | b'y' | b'i' | b'm' | b'j' | b'w') || ogonek) {
        return None;
    }
    polish_lookup(ctx, g, w)
}

#[cold]
#[inline(never)]
fn polish_lookup(ctx: &Ctx<'_>, g: &Gazetteer, w: usize) -> Option<Class> {
    let mut buf = [0u8; 64];
    let low = lower_into(ctx.s(w), &mut buf)?;
    let sl = "sław".as_bytes();
    for end in ["", "a", "y", "em", "ą", "ie", "owi"] {
        if low.ends_with(end.as_bytes()) && low[..low.len() - end.len()].ends_with(sl) {
            return Some(Class::First);
        }
    }
    // (ending, replacement) pairs: the nominative is the stem plus the replacement.
    // The lists hold most `-ski` surnames in the male form only: `-ska`, `-skiej`, `-ską`
    // are read as `-ski` too.
    const FORMS: &[(&str, &str)] = &[
        ("iego", "i"),
        ("iej", "a"),
        ("iej", "i"),
        ("im", "i"),
        ("ą", "a"),
        ("ką", "ki"),
        ("ka", "ki"),
        ("iem", ""),
        ("em", ""),
        ("a", ""),
        ("y", "a"),
        ("i", "a"),
    ];
    let mut key = [0u8; 64];
    for (end, rep) in FORMS {
        let Some(stem) = low.strip_suffix(end.as_bytes()) else {
            continue;
        };
        if stem.len() < 3 || stem.len() + rep.len() > key.len() {
            continue;
        }
        key[..stem.len()].copy_from_slice(stem);
        key[stem.len()..stem.len() + rep.len()].copy_from_slice(rep.as_bytes());
        let f = g.flags(&key[..stem.len() + rep.len()]);
        if f & (FIRST | LAST) != 0 && f & WORD == 0 {
            return Some(classify(f & (FIRST | LAST)));
        }
    }
    None
}

/// Token `start` follows a preposition that takes a person ("dla", "voor") in a language
/// whose nouns are written in lower case, so two title-case words after it are rarely a noun
/// phrase. English "for" is left out (title-case headings: "Maps for Extension Devices"),
/// and German "für", "von" (every noun is capitalised).
fn person_preposition(ctx: &Ctx<'_>, start: usize) -> bool {
    start > 0
        && ctx.toks[start - 1].case == Case::Lower
        && ctx.word_in(start - 1, &["dla", "voor", "pour", "para", "per"])
}

/// Token `start` follows the agent's preposition of a passive ("geopend door", "aberto
/// por", "ouvert par", "otwarte przez"), which takes a person more often than not.
fn by_person(ctx: &Ctx<'_>, start: usize) -> bool {
    start > 0
        && ctx.toks[start - 1].case == Case::Lower
        && ctx.word_in(start - 1, &["by", "door", "por", "par", "przez"])
}

/// Polish case forms of irregular country names: the form, then the nominative the gazetteer
/// holds.
const POLISH_IRREGULAR: &[(&str, &str)] = &[
    ("włoch", "włochy"),
    ("włoszech", "włochy"),
    ("niemiec", "niemcy"),
    ("niemczech", "niemcy"),
    ("węgier", "węgry"),
    ("węgrzech", "węgry"),
];

/// Words after which a Polish genitive in `-y` ("do Kanady", "stolica Ukrainy") is read.
const POLISH_GENITIVE_BEFORE: &[&str] = &[
    "do",
    "z",
    "ze",
    "od",
    "dla",
    "koło",
    "obok",
    "spod",
    "stolica",
    "stolicy",
    "stolicą",
    "granicy",
    "północ",
    "południe",
    "wschód",
    "zachód",
];

/// Token `w` may be a Polish case form of a place: a title-case word of four or more bytes
/// ending in `i` or `y` (the regular forms) or starting with `N` or `W` (the irregular ones).
/// Every unknown capitalised word passes here, so the test is inline and reads two bytes.
#[inline(always)]
fn polish_shape(ctx: &Ctx<'_>, w: usize) -> bool {
    let t = &ctx.toks[w];
    let b = &ctx.text.as_bytes()[t.start as usize..t.end as usize];
    t.case == Case::Title
        && b.len() >= 4
        && (matches!(b[b.len() - 1], b'i' | b'y') || matches!(b[0], b'N' | b'W'))
}

/// An unknown title-case word that is a Polish case form of a place the gazetteer holds:
/// genitive, dative and locative `-ji`/`-ii` of the `-ja`/`-ia` names ("stolica Francji", "w
/// Hiszpanii": these endings are Polish, so no context is needed), the genitive `-y` of the
/// `-a` names after a word that governs it ("do Kanady"), and a few irregular forms ("do
/// Niemiec", "we Włoszech").
#[cold]
#[inline(never)]
fn inflected_place(ctx: &Ctx<'_>, g: &Gazetteer, w: usize) -> bool {
    let mut buf = [0u8; 64];
    let Some(low) = lower_into(ctx.s(w), &mut buf) else {
        return false;
    };
    let n = low.len();
    let stem_a = if low.ends_with(b"ji") || low.ends_with(b"ii") {
        true
    } else if low.ends_with(b"y") {
        w > 0 && ctx.word_in(w - 1, POLISH_GENITIVE_BEFORE)
    } else {
        false
    };
    if stem_a {
        let mut key = [0u8; 64];
        key[..n].copy_from_slice(low);
        key[n - 1] = b'a';
        let f = g.flags(&key[..n]);
        return f & PLACE != 0 && f & (FIRST | LAST | WORD) == 0;
    }
    POLISH_IRREGULAR
        .iter()
        .find(|(form, _)| form.as_bytes() == low)
        .is_some_and(|(_, nom)| g.flags(nom.as_bytes()) & PLACE != 0)
}

/// Finds people and places. `starts` holds the tokens a name can start at (see
/// [`super::lookup::Lookups::person`]): words that are capitalised, could be an initial, or
/// are lower case and in the gazetteer as a first name or surname.
pub(crate) fn find(
    ctx: &Ctx<'_>,
    g: &Gazetteer,
    starts: &Picks,
    addresses: &[Hit],
    out: &mut Vec<Hit>,
) {
    // Tokens before `resume` belong to a run already judged.
    let mut resume = 0;
    let mut addr = addresses.iter().peekable();
    for i in starts.iter() {
        if i < resume {
            continue;
        }
        resume = i + 1;
        let t = &ctx.toks[i];
        // Skip what the address detector already took.
        while addr.peek().is_some_and(|a| a.end <= t.start as usize) {
            addr.next();
        }
        if let Some(a) = addr.peek() {
            if a.start <= t.start as usize && (t.end as usize) <= a.end {
                continue;
            }
        }
        // `initial` needs case `Other`: lower-case words skip the call.
        // "Sant'Antonio Abate": a word with an apostrophe between capitalised parts.
        if t.capitalised()
            || (t.case == Case::Other && (initial(ctx, i) || super::place::title_like(ctx, i)))
        {
            // A title or greeting is evidence for the run after it, not part of it.
            if (ctx.role(i, TITLE) && t.len() > 1 && ctx.word_in(i, TITLES))
                || super::place::elided_title(ctx, i)
                || (ctx.role(i, GREET_LAST) && ctx.word_in(i, GREETINGS))
                || label_at(ctx, i)
                || address_verb_at(ctx, i)
                || (!crate::FIRST_MODULE && super::labels::opens_cue(ctx, i))
                || french_monsieur(ctx, i)
                || short_sign_off(ctx, i)
            {
                continue;
            }
            // "Moro em Uberlândia/MG": a town glued to its state is no path.
            if ctx.in_identifier(i) && !super::place::slash_state(ctx, i) {
                continue;
            }
            let (run, next) = collect(ctx, i);
            if let Some(e) = comma_name(ctx, &run, out) {
                resume = e;
                continue;
            }
            if run.len > 0 {
                judge(ctx, g, &run, out);
            }
            resume = next.max(i + 1);
        } else if t.case == Case::Lower && t.len() >= 2 {
            resume = match super::place::lower_town(ctx, g, i) {
                Some(e) => {
                    push(out, ctx, i, e, Entity::Location, 0.65, "place-cue");
                    e + 1
                }
                None => lower_case(ctx, g, i, out),
            };
        } else if t.case == Case::Other && super::place::dutch_s_town(ctx, i) {
            push(out, ctx, i - 1, i, Entity::Location, 0.65, "place-cue");
        }
    }
}

/// Labels that close on "by" or name an author ("Reviewed by:", "Autor:"): before a name in
/// its comma order they say whose it is; as [`LABELS`] they would take any title-case run.
const COMMA_LABELS: &[&str] = &[
    "by", "author", "authors", "autor", "autorin", "autoren", "auteur", "auteurs", "autore",
    "autori", "autora", "autores",
];

/// "Doe, Jane", "Müller, Hans; Rossi, Giulia", "Smith, John A.", "DOE, JANE": a surname, its
/// comma and the given names after it, the order of mail headers, directories, HR exports,
/// medical records and references. After a cue ([`comma_cue`]) the given name must be one
/// the lists know or an initial, or both words unknown title-case words, or (after a mail
/// header or in a quoted display name) the surname one the lists know. Without a cue nothing
/// changes: "French, German and Spanish translations", a BibTeX author list, "Paris, France",
/// "Contact: Sales, Marketing", "Monday, Jan 5" stay what they were. Returns the token after
/// the name.
fn comma_name(ctx: &Ctx<'_>, run: &Run, out: &mut Vec<Hit>) -> Option<usize> {
    if run.len == 0 || run.classes[0] == Class::Initial {
        return None;
    }
    if run.len > 2 {
        return initials_name(ctx, run, out);
    }
    let comma = run.end_tok() + 1;
    let n = comma + 1;
    let t = ctx.toks.get(n)?;
    if !ctx.punct(comma, ',')
        || !ctx.toks[comma].glued
        || t.glued
        || t.newline_before
        || ctx.in_identifier(n)
    {
        return None;
    }
    let (given, next) = collect(ctx, n);
    if given.len == 0 || given.len > 3 || given.classes[0] == Class::Particle {
        return None;
    }
    let surname = &run.classes[..run.len];
    let given_c = &given.classes[..given.len];
    // After the given names the clause ends: no number ("Monday, Jan 5").
    if ctx.toks.get(next).is_some_and(|t| t.kind == Kind::Num) {
        return None;
    }
    let caps = run.words[..run.len]
        .iter()
        .chain(&given.words[..given.len])
        .any(|&w| ctx.toks[w].case == Case::Upper);
    // "Regards,\nSMITH, John": a sign-off's line before it is a cue as a label is.
    let Some(strong) = comma_cue(ctx, run.start_tok(), next)
        .or_else(|| signature(ctx, run.start_tok(), given.end_tok()).then_some(false))
    else {
        return initials_name(ctx, run, out);
    };
    let names = surname.iter().chain(given_c).all(|&c| c != Class::NotName);
    // A given name the lists know, or an initial ("Smith, J.").
    let given_known = matches!(given_c[0], Class::First | Class::Either | Class::Initial);
    // Two words the lists know nothing of ("Name: Brennecke, Swantje"), but not a template's
    // placeholders ("Lastname, Givenname").
    let placeholder = |w: &usize| {
        let b = ctx.s(*w).as_bytes();
        b.len() > 4 && b[b.len() - 4..].eq_ignore_ascii_case(b"name")
    };
    let unknown = surname.iter().chain(given_c).all(|&c| c == Class::Unknown)
        && !caps
        && !run.words[..run.len]
            .iter()
            .chain(&given.words[..given.len])
            .any(placeholder);
    // After a mail header or in a quoted display name, a known surname is enough ("Cc: Okafor,
    // Chidinma"); after a label ("Contact: Sales, Marketing") it is not.
    let surname_known = strong
        && surname.iter().any(|&c| lastish(c))
        && surname.iter().all(|&c| lastish(c) || c == Class::Unknown);
    if !(names && (given_known || unknown || surname_known)) {
        return None;
    }
    push(
        out,
        ctx,
        run.start_tok(),
        given.end_tok(),
        Entity::Person,
        0.85,
        "comma-name",
    );
    Some(next)
}

/// "Smith, J.", "Smith, J. A.", "laut Müller, H." in prose with no cue: the run's last word
/// a surname the lists know as nothing else (no common word, no place, no first name), its
/// glued comma, then initials only, each a capital with its dot. Citations and directories
/// write people so; a product, a heading or a list of places has no initials after the
/// comma. Words before the surname must be common words ("See", "Laut"; a name that is
/// mostly a word too): they stay out.
/// Returns the token after the initials.
fn initials_name(ctx: &Ctx<'_>, run: &Run, out: &mut Vec<Hit>) -> Option<usize> {
    let k = run.len - 1;
    let w = run.words[k];
    if run.classes[k] != Class::Last
        || ctx.flags[w] & (WORD | PLACE) != 0
        || ctx.toks[w].case != Case::Title
        || run.words[..k].iter().any(|&v| ctx.flags[v] & WORD == 0)
        || !ctx.punct(w + 1, ',')
        || !ctx.toks[w + 1].glued
    {
        return None;
    }
    let n = next_spaced(ctx, w + 1)?;
    let (given, next) = collect(ctx, n);
    let given_c = &given.classes[..given.len];
    if given.len == 0 || given.len > 3 || given_c.iter().any(|&c| c != Class::Initial) {
        return None;
    }
    push(
        out,
        ctx,
        w,
        given.end_tok(),
        Entity::Person,
        0.8,
        "comma-name",
    );
    Some(next)
}

/// A name in comma order between `start` and `next` (the token after it) stands where one
/// is expected: a quoted display name (`"Doe, Jane" <jane.doe@example.com>`), or after the
/// colon of a line that opens with a label or a mail header (`Patient: DOE, JANE`, `Autor:
/// Kowalski, Jan`), or after a `;` that separates that line's names (`To: Müller, Hans;
/// Rossi, Giulia`). `Some(true)` where a known surname is enough (a quoted display name, a
/// mail header), `Some(false)` after a label.
fn comma_cue(ctx: &Ctx<'_>, start: usize, next: usize) -> Option<bool> {
    let prev = start.checked_sub(1)?;
    if ctx.punct(prev, '"') {
        return ctx.punct(next, '"').then_some(true);
    }
    if !(ctx.punct(prev, ':') || ctx.punct(prev, ';')) {
        return None;
    }
    let mut l = prev;
    for _ in 0..48 {
        if l == 0 || ctx.toks[l].newline_before {
            break;
        }
        l -= 1;
    }
    if !(l == 0 || ctx.toks[l].newline_before) || !ctx.toks[l].capitalised() {
        return None;
    }
    // The line's first colon, within its first five tokens, closes the label. Some(true) for
    // a mail header, Some(false) for a label.
    let k = (l + 1..(l + 5).min(start)).find(|&k| ctx.punct(k, ':'))?;
    if k == l + 1 && (ctx.word_in(l, super::MAIL_HEADERS) || ctx.word_in(l, MAIL_HEADERS_8)) {
        return Some(true);
    }
    (ctx.word_in(k - 1, COMMA_LABELS) || cue_before(ctx, k + 1, LABELS, LABEL_LAST).is_some())
        .then_some(false)
}

/// "From", "To" and "Cc" in the other seven languages' mail clients ("Von: Meier, Hans", "An:
/// Meier, Hans; Weber, Klaus", "De : Dupont, Marie", "Aan:", "Od:", "DW:"): opening a line
/// with their colon they head a name in comma order as [`super::MAIL_HEADERS`] do. Only
/// there: as words of a sentence they are prepositions.
const MAIL_HEADERS_8: &[&str] = &[
    "von", "an", "kopie", "de", "à", "para", "da", "a", "van", "aan", "od", "do", "dw",
];

/// A speaker's own phrases of [`NAME_CUES`] ("i'm", "ich bin", "soy") before a lower-case
/// first name.
const SELF_CUES: &[&str] = &[
    "i'm", "this is", "it's", "it is", "ich bin", "hier ist", "je suis", "c'est", "soy", "sono",
    "ik ben", "jestem", "eu sou", "é o", "é a", "sou o", "sou a",
];

/// The next token is a lower-case word one space after token `i`, no part of an
/// identifier: aligned columns (`joost    root`) are a table, not a name.
fn lower_next(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    next_spaced(ctx, i).filter(|&j| {
        let t = &ctx.toks[j];
        t.kind == Kind::Word
            && t.case == Case::Lower
            && !ctx.in_identifier(j)
            && t.start == ctx.toks[i].end + 1
    })
}

/// Gazetteer flags of token `j`: the look-up only gave plain first names theirs, so a
/// lower-case surname is looked up here.
fn lower_flags(ctx: &Ctx<'_>, g: &Gazetteer, j: usize) -> u8 {
    if ctx.flags[j] != 0 {
        return ctx.flags[j];
    }
    let mut buf = [0u8; 64];
    lower_into(ctx.s(j), &mut buf).map_or(0, |k| g.flags(k))
}

/// A lower-case name ending at token `end` goes on: a surname the lists know as nothing else
/// ("maria garcia lopez"), or particles and the surname they lead to, which may be a place
/// ("joão dos santos") or, after two particles, a word too ("jan van der berg"); at most two more
/// surnames. Returns the name's last token. "y" and "e" join two people as often as two
/// surnames ("anna e mario"), so they lead to none. `cued`: the speaker names themself.
fn lower_tail(ctx: &Ctx<'_>, g: &Gazetteer, mut end: usize, cued: bool) -> usize {
    let mut k = end;
    let mut particles = 0;
    let mut parts = 0;
    while parts < 2 {
        let Some(n) = lower_next(ctx, k) else {
            break;
        };
        if particles < 3
            && ctx.role(n, PARTICLE)
            && ctx.word_in(n, PARTICLES)
            && !ctx.word_in(n, &["y", "e"])
        {
            particles += 1;
            k = n;
            continue;
        }
        let f = lower_flags(ctx, g, n);
        // After one particle a word is no surname ("ruta de man"); after two it may be
        // ("van der berg").
        if f & LAST == 0
            || ctx.toks[n].len() < 2
            || (particles < 2 && f & WORD != 0)
            // A place is a surname only in a speaker's own name and when the lists know it
            // as a first name too ("meu nome é joão silva santos"), not a town after a
            // name ("john smith london").
            || (particles == 0 && f & PLACE != 0 && !(cued && f & FIRST != 0))
        {
            break;
        }
        end = n;
        k = n;
        particles = 0;
        parts += 1;
    }
    end
}

/// Lower-case names: after a strong cue ("my name is john"), or a known first name followed
/// by a known surname, neither a common word nor a place ("its john smith here"), with the
/// surnames and particles after them ([`lower_tail`]).
fn lower_case(ctx: &Ctx<'_>, g: &Gazetteer, i: usize, out: &mut Vec<Hit>) -> usize {
    let f = ctx.flags[i];
    // `.deb files`: a word glued to what precedes it is part of something else.
    if f & (FIRST | LAST) == 0 || ctx.toks[i].glued || ctx.in_identifier(i) {
        return i + 1;
    }
    let second = lower_next(ctx, i);
    // "the name is read": only a speaker's own phrase ("my name is") makes a lower-case
    // word a name.
    let cued = cue_before(ctx, i, STRONG_CUES, STRONG_LAST)
        .is_some_and(|s| !ctx.word_in(s, &["name"]) && !ctx.in_identifier(s));
    if cued && f & WORD == 0 {
        // The speaker's own name goes on into a surname the lists do not know ("my name is
        // jana dvořák"); a common word ("… john and …", "… anna here") ends it.
        let end = match second {
            Some(j) if lower_flags(ctx, g, j) & WORD == 0 && ctx.toks[j].len() >= 2 => j,
            _ => i,
        };
        let end = lower_tail(ctx, g, end, true);
        push(out, ctx, i, end, Entity::Person, 0.85, "name-phrase");
        return end + 1;
    }
    // "hi i'm priya", "ich bin wojciech", "soy xiomara": after a speaker's weaker phrase a
    // lower-case word is a name when the lists know it as a first name and as nothing else
    // ("i'm sorry", "i'm sam and" stay words); a surname the lists know may follow, even one
    // that is also a word ("i'm jane doe").
    // "soy gay", "i'm christian": a word the special-category terms start with is the
    // speaker's statement about themself (reported by `special`), not their name.
    if f & FIRST != 0
        && f & (WORD | PLACE) == 0
        && !ctx.role(i, TERM_FIRST)
        && cue_before(ctx, i, SELF_CUES, NAME_CUE_LAST).is_some()
    {
        let end = match second {
            Some(j)
                if lower_flags(ctx, g, j) & LAST != 0 && lower_flags(ctx, g, j) & PLACE == 0 =>
            {
                lower_tail(ctx, g, j, true)
            }
            // "soy ana de la fuente": particles and a surname after the first name.
            _ => lower_tail(ctx, g, i, true),
        };
        push(out, ctx, i, end, Entity::Person, 0.8, "name-phrase");
        return end + 1;
    }
    // "hi anna, how are you?", "hallo klaus,", "thanks anna!", "ask maria about it": a
    // greeting or a sign-off opening a sentence, or a verb of speech, before a lower-case
    // first name the lists know as nothing else (chat is typed so).
    if f & FIRST != 0 && f & (WORD | PLACE) == 0 && !ctx.role(i, TERM_FIRST) {
        let greeted = [
            (GREETINGS, GREET_LAST),
            (SIGN_OFFS, SIGN_OFF_LAST),
            (SPEECH_BEFORE, SPEECH_LAST),
        ]
        .iter()
        .any(|&(list, bit)| {
            cue_before(ctx, i, list, bit)
                .is_some_and(|s| bit == SPEECH_LAST || ctx.sentence_start(s))
        });
        if greeted {
            let end = lower_tail(ctx, g, i, false);
            push(out, ctx, i, end, Entity::Person, 0.8, "greeting");
            return end + 1;
        }
    }
    // "the manual stack", "a dot file": a determiner before them makes them a noun phrase.
    // English "an" comes before a vowel only: before a consonant it is German "an" ("ein
    // brief an klaus weber").
    let determiner = i > 0
        && ctx.word_in(i - 1, DETERMINERS)
        && (!ctx.word_in(i - 1, &["an"])
            || matches!(ctx.s(i).as_bytes()[0], b'a' | b'e' | b'i' | b'o' | b'u'));
    if f & FIRST != 0 && f & (WORD | PLACE) == 0 && !determiner {
        let end = lower_tail(ctx, g, i, false);
        if end > i {
            push(out, ctx, i, end, Entity::Person, 0.7, "gazetteer");
            return end + 1;
        }
    }
    i + 1
}

fn judge(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run, out: &mut Vec<Hit>) {
    let first_tok = run.start_tok();
    // Round 16: role labels, care-of lines, self-introductions, verbs of answering and
    // forwarding, requests on someone's behalf ([`super::labels`]), before the place rules
    // read "Réponds à Guni" as a town. Full module only: the first module's size budget
    // (issue 20) has no room for their lists.
    if !crate::FIRST_MODULE {
        if let Some(why) = super::labels::cue(ctx, first_tok, run.end_tok()) {
            // Where the lists' own verdict finds the same person ("Hi, I am Maria Schneider"),
            // it stands, as in the first module: a page that moves from the first module's
            // engine to the full one then sees the same finding. The cue decides only what
            // the lists leave.
            let mut lists = Vec::new();
            judge_by_lists(ctx, g, run, &mut lists);
            let (start, end) = (ctx.toks[first_tok].start, ctx.toks[run.end_tok()].end);
            if lists.iter().any(|h| {
                h.entity == Entity::Person && h.start == start as usize && h.end == end as usize
            }) {
                out.append(&mut lists);
            } else {
                push(out, ctx, first_tok, run.end_tok(), Entity::Person, 0.8, why);
            }
            return;
        }
    }
    judge_by_lists(ctx, g, run, out);
}

/// [`judge`] without round 16's cues of [`super::labels`]: the lists, titles, greetings,
/// places and the context around the run.
fn judge_by_lists(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run, out: &mut Vec<Hit>) {
    let first_tok = run.start_tok();
    if let Some(k) = german_office_cue(ctx, run)
        .or_else(|| german_call_cue(ctx, run))
        // "An: Alle Mitarbeiter": a common word is no name.
        .filter(|&k| !(run.classes[k] == Class::NotName && ctx.flags[run.words[k]] & WORD != 0))
    {
        // The name's words after the cue, up to the first common word.
        let mut end = k;
        while end + 1 < run.len
            && !(run.classes[end + 1] == Class::NotName
                && ctx.flags[run.words[end + 1]] & WORD != 0)
        {
            end += 1;
        }
        push(
            out,
            ctx,
            run.words[k],
            run.words[end],
            Entity::Person,
            0.85,
            "signature",
        );
        return;
    }
    // Evidence around the whole run; "Frau van der Dussen": the particles belong to it.
    let lead = particles_before(ctx, first_tok);
    if title_before(ctx, lead).is_some() {
        // After a title every capitalised word is part of the name, unless it is a common
        // word (`Dr. Who`, say, stays a name: `who` is a stop word but is capitalised here
        // right after the title, so keep at least the first word).
        let mut end = 0;
        for k in 0..run.len {
            if k > 0 && run.classes[k] == Class::NotName && ctx.flags[run.words[k]] & WORD != 0 {
                break;
            }
            end = k;
        }
        while end > 0 && run.classes[end] == Class::Particle {
            end -= 1;
        }
        push(out, ctx, lead, run.words[end], Entity::Person, 0.9, "title");
        return;
    }
    if credited_name(ctx, run) {
        push(
            out,
            ctx,
            first_tok,
            run.end_tok(),
            Entity::Person,
            0.8,
            "credit",
        );
        return;
    }
    // A lone common word ("The", "This" opening a sentence: most runs of prose) is neither a
    // street name nor a town; skip those tests. Round 12: a country's short form in capitals
    // is a place that is also a word ("usa" is "uses" in it, es, pt): "I live in USA".
    let plain_word = run.len == 1
        && run.classes[0] == Class::NotName
        && ctx.flags[first_tok] & WORD != 0
        && !(ctx.flags[first_tok] & PLACE != 0 && ctx.toks[first_tok].case == Case::Upper);
    if !plain_word
        && street_position(ctx, run)
        && !super::technical::copyright_notice(ctx, first_tok)
    {
        return;
    }
    // The run's words from its `k`th on are a town the cue before them names.
    let town_from = |out: &mut Vec<Hit>, k: usize| {
        push(
            out,
            ctx,
            run.words[k],
            run.end_tok(),
            Entity::Location,
            0.65,
            "place-cue",
        );
    };
    // "Die Gemeinde Mattersburg": German capitalises the noun for the town too.
    // A noun and the town after it: two words at least (one word alone is never found).
    if let Some(k) = (run.len >= 2)
        .then(|| super::place::place_noun_in_run(ctx, &run.words[..run.len]))
        .flatten()
    {
        town_from(out, k);
        return;
    }
    // "Sono di Marcusland", "Soy de Mendoza": a verb opening the sentence took the
    // preposition into the run as a particle; the words after it are the town.
    if run.len >= 3
        && run.classes[1] == Class::Particle
        && super::place::verb_led(ctx, first_tok, run.words[1])
    {
        town_from(out, 2);
        return;
    }
    // "Tra Paduli e Diano", "L'ufficio di Villapiana", "Gemeente Ommel": the cue opened the
    // run.
    // "A Tornolo piove": a capitalised preposition opening a sentence about the weather.
    if let Some(k) = super::place::lead_weather(ctx, &run.words[..run.len]) {
        town_from(out, k);
        return;
    }
    if let Some((k, e, second)) = super::place::lead_cue(ctx, &run.words[..run.len]) {
        let (w, tok) = (&run.words, Entity::Location);
        push(out, ctx, w[k], w[e], tok, 0.65, "place-cue");
        if let Some(m) = second {
            push(out, ctx, w[m], run.end_tok(), tok, 0.65, "place-cue");
        }
        return;
    }
    if let Some((b, why)) = (!plain_word).then(|| town(ctx, g, run)).flatten() {
        // "Sul Monte Bianco": the article opening the sentence is no part of the feature.
        let from = if !crate::FIRST_MODULE && why == "place-frame" {
            super::place::feature_start(ctx, &run.words[..run.len])
        } else {
            first_tok
        };
        push(out, ctx, from, run.words[b], Entity::Location, 0.65, why);
        return;
    }
    // A lone common word is a name only after "my name is" and its kin: every other cue
    // rejects it, so most runs of prose skip the cue tests.
    let cued = !plain_word || cue_before(ctx, first_tok, STRONG_CUES, STRONG_LAST).is_some();
    // Polish case forms of names the lists hold in the nominative ("z Anną", "Łukasza").
    let mut inflected = *run;
    let run = &mut inflected;
    // "So Jane and Tom", "Dann Anna": a sentence's opener that is also a name falls off.
    let opener = run.len > 1
        && run.classes[0] == Class::Weak
        && ctx.toks[first_tok].case == Case::Title
        && ctx.sentence_start(first_tok)
        && ctx.word_in(first_tok, OPENERS);
    if opener {
        run.classes[0] = Class::NotName;
    }
    if !plain_word {
        for k in 0..run.len {
            if run.classes[k] == Class::Unknown {
                if let Some(c) = polish_name(ctx, g, run.words[k]) {
                    run.classes[k] = c;
                }
            }
        }
    }
    if cued && context(ctx, run, out) {
        return;
    }
    // "As Kavya Gill pointed out", "Zoals Rutger Bakker gisteren uitlegde": a common word
    // opening the sentence is no part of the name, and the evidence is read for the rest.
    if run.len > 1
        && run.classes[0] == Class::NotName
        && ctx.flags[first_tok] & WORD != 0
        && context(ctx, &run.tail(1), out)
    {
        return;
    }
    let run = &*run;
    // Drop leading and trailing words that are not names: "Yesterday John Smith", "Thanks
    // Anna", "John Smith Street".
    let (mut a, mut b) = (0usize, run.len);
    // A multi-word place covering the whole run ("New York", "Rio de Janeiro").
    let whole_place = if run.len > 1 {
        place_at(ctx, g, run, 0)
    } else {
        0
    };
    if whole_place == run.len && run.len > 1 {
        if table_cell(ctx, run.end_tok()) || super::place::tech_noun_after(ctx, run.end_tok()) {
            return;
        }
        push(
            out,
            ctx,
            first_tok,
            run.end_tok(),
            Entity::Location,
            place_score(ctx, first_tok),
            "gazetteer",
        );
        return;
    }
    while a < b && matches!(run.classes[a], Class::NotName | Class::Particle) {
        a += 1;
    }
    while b > a && matches!(run.classes[b - 1], Class::NotName | Class::Particle) {
        b -= 1;
    }
    // "Dokumenty Czesława Nowaka", "Meeting John Smith": an unknown word opening a sentence
    // before a first name and a surname is no part of the name.
    if b - a >= 3
        && run.classes[a] == Class::Unknown
        && firstish(run.classes[a + 1])
        && lastish(run.classes[b - 1])
        && ctx.sentence_start(run.words[a])
    {
        a += 1;
    }
    if a > 0 || b < run.len {
        // Report places among the dropped words.
        places(ctx, g, run, 0, a, out);
        places(ctx, g, run, b, run.len, out);
    }
    if a == b {
        return;
    }
    let words = &run.words[a..b];
    let classes = &run.classes[a..b];
    let start = words[0];
    let end = *words.last().expect("non-empty");
    let all_caps = words.iter().all(|&w| ctx.toks[w].case == Case::Upper);
    let sentence_start = ctx.sentence_start(start);

    let weak_cue = cue_before(ctx, start, NAME_CUES, NAME_CUE_LAST).is_some();
    // A weak cue for runs of two words, not for a lone first name: "for Travis CI", "für
    // Jenkins" name products as often as people.
    let pair_cue = || {
        weak_cue
            || (start > 0
                && ctx.toks[start - 1].case == Case::Lower
                && ctx.word_in(
                    start - 1,
                    &["für", "pour", "voor", "dla", "door", "por", "par", "przez"],
                ))
    };
    let every_place = words.iter().all(|&w| ctx.flags[w] & PLACE != 0);

    let score = if classes.len() == 1 {
        let c = classes[0];
        let place = ctx.flags[start] & PLACE != 0;
        if all_caps || place || ctx.toks[start].case != Case::Title {
            0.0
        } else if firstish(c) {
            // "in Garfield", "nach Florence": after a place preposition a lone name is a town.
            let in_place = start > 0
                && ctx.word_in(
                    start - 1,
                    &[
                        "in", "near", "nach", "aus", "im", "à", "em", "w", "we", "naar", "uit",
                    ],
                );
            // "to Jan 2, 1970": a month's short form before a number is a date.
            let dated = ctx
                .toks
                .get(start + 1)
                .is_some_and(|t| t.kind == Kind::Num && !t.newline_before)
                && ctx.word_in(start, MONTHS);
            if in_place || dated {
                0.0
            } else if weak_cue || addressed_first_name(ctx, start) {
                0.75
            } else if paired_first_name(ctx, start) {
                // "Jane and Tom are coming", "Tom, Aarav and Priya": products and headings
                // seldom come in pairs of first names that are no words.
                0.6
            } else {
                // A lone first name with no cue is as often a product, a word or a heading
                // in technical text ("Manual", "Fedora", "Octave") as a person.
                0.45
            }
        } else if c == Class::Last
            && weak_cue
            && !sentence_start
            && !ctx.role(start - 1, PLACE_CUE)
            // "an English speaking user": German `an` is English's article too.
            && !ctx.word_in(start - 1, &["with", "mit", "avec", "con", "met", "com", "an"])
        {
            0.55
        } else {
            0.0
        }
    } else if every_place
        && !(classes.len() == 2 && firstish(classes[0]) && lastish(classes[1]) && pair_cue())
    {
        // Both words are places too ("Bryan Sousa"): a name only after a cue for a person.
        0.0
    } else {
        let first = classes[0];
        let last = classes[classes.len() - 1];
        let inner_ok = classes[1..classes.len() - 1]
            .iter()
            .all(|c| !matches!(c, Class::NotName));
        let initials = classes.iter().take_while(|c| **c == Class::Initial).count();
        let s: f32 = if !inner_ok {
            0.0
        } else if initials > 0 && initials < classes.len() {
            // "J. R. Smith": needs a known surname, or an unknown one mid-sentence.
            match last {
                Class::Last | Class::Either | Class::First => 0.8,
                // "X.  Vim": two spaces after the dot end a sentence.
                Class::Unknown
                    if !sentence_start
                        && !all_caps
                        && ctx.toks[words[initials]].start - ctx.toks[words[initials] - 1].end
                            == 1 =>
                {
                    0.6
                }
                _ => 0.0,
            }
        } else if firstish(first) && lastish(last) {
            0.85
        } else if firstish(first) && matches!(last, Class::Weak) {
            0.8
        } else if firstish(first) && matches!(last, Class::Unknown | Class::First) {
            if all_caps {
                0.0
            } else {
                0.75
            }
        } else if first == Class::Last && firstish(last) {
            0.75
        } else if first == Class::Last
            && classes.len() > 2
            && classes[1..].iter().any(|&c| firstish(c))
            && !all_caps
        {
            // "Nguyễn Bảo Vũ", "Trần Trí Nam": a surname written first, a given name after it.
            0.7
        } else if first == Class::Weak
            && (classes.len() >= 3 || (ctx.flags[start] & LAST != 0 && last == Class::First))
            && !all_caps
            && words[1..]
                .iter()
                .zip(&classes[1..])
                .all(|(&w, &c)| firstish(c) && ctx.flags[w] & PLACE == 0)
        {
            // "Mai Anh Tuan", "Mai Thi Lan", "Mai Linh": a Vietnamese surname that is also a
            // word (a month in German and French) before given names the lists know, none a
            // word or a place (before one given name, the word must be a surname too and the
            // name no surname: "High Sierra" is a heading):
            // headings and products seldom string first names so.
            0.7
        } else if ((first == Class::Last
            && (last == Class::Unknown || (classes.len() > 2 && last != Class::NotName)))
            || (first == Class::Weak && firstish(last) && classes.len() == 2)
            // "met Li Na", "with Li Na": a surname and a given name that are both words too
            // (a Chinese given name of two syllables after its surname).
            || (first == Class::Weak
                && last == Class::Weak
                && classes.len() == 2
                && ctx.flags[start] & LAST != 0
                && ctx.flags[end] & (FIRST | PLACE) == FIRST))
            && !sentence_start
            && !all_caps
            && ctx.flags[start] & PLACE == 0
            && ctx.word_in(start - 1, WITH)
        {
            // "con Xie Jing", "met Duan Guiying": a surname written first (Chinese,
            // Vietnamese, Hungarian) before a given name the lists lack (or, "con Nguyen Van
            // An", before a middle and a given name, whatever the lists say of them; the
            // run holds no common word), or a surname that is
            // also a word before a known given name, after "with" (company): "from Manning
            // Publications", "by Tang Dynasty" are no people.
            0.55
        } else if first == Class::Weak
            && last == Class::Unknown
            && classes.len() == 2
            && !sentence_start
            && !all_caps
            && pair_cue()
        {
            // "für Frank Deprez", "voor Max Moerman": a first name that is also a word, then
            // an unknown word, after a cue such as a preposition that takes a person.
            0.55
        } else if first == Class::Weak && lastish(last) {
            // Will, Mark, Rose, Bill, Ray: a surname after them is enough mid-sentence
            // ("I met Ray Spencer"), not at a sentence's start, where headings are.
            // A surname that is also a place ("con Sara Colombo", "met Mia Fontaine") after
            // a cue for a person ("with", "con", "met").
            let placed_surname = ctx.flags[end] & WORD == 0 && weak_cue;
            if sentence_start
                || all_caps
                || (ctx.flags[end] & (PLACE | WORD) != 0 && !placed_surname)
            {
                0.45
            } else {
                0.6
            }
        } else if first == Class::Unknown && lastish(last) && !all_caps {
            // "Cargo Book", "Copyright Holder": title-case headings look like this too, so
            // an unknown first word with a known surname needs a cue.
            if (weak_cue || by_person(ctx, start)) && !sentence_start {
                0.55
            } else {
                0.0
            }
        } else if first == Class::Unknown
            && last == Class::Unknown
            && classes.len() == 2
            && !all_caps
            && !sentence_start
            && (person_preposition(ctx, start)
                || (by_person(ctx, start) && !ctx.word_in(start - 1, &["by"])))
            && words.iter().all(|&w| ctx.toks[w].case == Case::Title)
        {
            // "dla Przemysław Dziewa", "voor Franky Vandaele": two unknown title-case words
            // after a preposition that takes a person, in a language that writes its nouns
            // in lower case.
            0.5
        } else {
            0.0
        };
        if all_caps && !(firstish(first) || initials > 0) {
            0.0
        } else {
            s
        }
    };
    // A cell of a table or a page header ("nds    Low Saxon      100%", "U+a000 Yi
    // Syllables    (0/1165)", "fakeroot(1)    Manuel de Debian    fakeroot(1)") unless
    // both words are known names: a person in a user's table is still reported.
    if (0.5..0.85).contains(&score) && column_cell(ctx, start, end) {
        return;
    }
    if score >= 0.5 {
        let score = if weak_cue {
            (score + 0.1f32).min(0.9)
        } else {
            score
        };
        push(out, ctx, start, end, Entity::Person, score, "gazetteer");
        return;
    }
    places(ctx, g, run, a, b, out);
}

/// "With" in the eight languages: the company a person keeps.
const WITH: &[&str] = &["with", "mit", "avec", "con", "met", "com", "z", "ze"];

/// A lone first name at `i` stands joined to another by "and" or a comma ("Jane and Tom",
/// "Tom, Aarav and Priya"): both no common word, no place, in title case, each a run of one
/// word. Known first names are not enough alone; two of them in a pair are.
fn paired_first_name(ctx: &Ctx<'_>, i: usize) -> bool {
    let lone_first = |k: usize| {
        ctx.toks.get(k).is_some_and(|t| t.case == Case::Title)
            && ctx.flags[k] & FIRST != 0
            && ctx.flags[k] & (WORD | PLACE) == 0
            && !ctx.in_identifier(k)
    };
    // On one line: a list's items one per line are no pair.
    let joins = |k: usize| {
        (ctx.word_in(k, PAIR_JOINS) || ctx.punct(k, ',') || ctx.punct(k, '&'))
            && ctx
                .toks
                .get(k..k + 2)
                .is_some_and(|p| p.iter().all(|t| !t.newline_before))
    };
    // Alone in its run: no name glued on either side ("So Jane and Tom": "So" is a word).
    let name_word = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.case == Case::Title && t.kind == Kind::Word)
    };
    let single = |k: usize| {
        let name_before = k > 0
            && name_word(k - 1)
            && ctx.flags[k - 1] & (FIRST | LAST) != 0
            && ctx.flags[k - 1] & WORD == 0;
        !name_before && !name_word(k + 1)
    };
    if !(lone_first(i) && single(i)) {
        return false;
    }
    let after = joins(i + 1) && lone_first(i + 2) && single(i + 2);
    let before = i >= 2 && joins(i - 1) && lone_first(i - 2) && single(i - 2);
    after || before
}

/// Round 14 (places15): the lower-case "y"/"e" at `j` follows two names and leads to a first
/// name that is no surname, or to a name of both kinds with a capitalised word after it: it
/// joins two people ("Giulia Bianchi e Marco", "Luis Uribe y Omar Campagne"), not two
/// surnames ("José Ortega y Gasset", "Maria da Silva e Sousa").
fn joins_two_people(ctx: &Ctx<'_>, run: &Run, j: usize) -> bool {
    run.len >= 2
        && run.classes[run.len - 1] != Class::Particle
        && ctx.word_in(j, &["y", "e"])
        && next_spaced(ctx, j).is_some_and(|n| match classify(ctx.flags[n]) {
            Class::First => true,
            Class::Either => next_spaced(ctx, n).is_some_and(|m| ctx.toks[m].capitalised()),
            _ => false,
        })
}

/// Words that join two first names into a pair.
const PAIR_JOINS: &[&str] = &["and", "und", "et", "y", "e", "en", "i"];

/// A first name, then initials, particles or names, then a surname (or a place the lists do
/// not know as a word: "van Kempen"), as a mailbox's display name or a changelog's author
/// ([`super::technical::credited`]): "Barry Warsaw <barry@example.org>" is a person although
/// both words are places.
fn credited_name(ctx: &Ctx<'_>, run: &Run) -> bool {
    let c = &run.classes[..run.len];
    let last = run.end_tok();
    run.len >= 2
        && matches!(c[0], Class::First | Class::Either | Class::Weak)
        && c[1..run.len - 1]
            .iter()
            .all(|&k| matches!(k, Class::Initial | Class::Particle) || firstish(k) || lastish(k))
        && (lastish(c[run.len - 1])
            || matches!(c[run.len - 1], Class::Weak | Class::First | Class::Unknown)
            || (c[run.len - 1] == Class::NotName && ctx.flags[last] & (PLACE | WORD) == PLACE))
        && super::technical::credited(ctx, run.start_tok(), last)
}

/// Short and long month names that are first names too (`Jan`, `June`, `April`).
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "april", "june", "julia", "august", "augusta",
];

/// Tokens `start..=end` fill a column of their line: three or more spaces after them, then a
/// number or bracket (see [`table_cell`]), or a word before and after them on the same
/// line, each three or more spaces away.
fn column_cell(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    if table_cell(ctx, end) {
        return true;
    }
    let wide = |a: usize, b: usize| {
        let (x, y) = (&ctx.toks[a], &ctx.toks[b]);
        !y.newline_before && y.start - x.end >= 3
    };
    start > 0 && end + 1 < ctx.toks.len() && wide(start - 1, start) && wide(end, end + 1)
}

fn place_score(ctx: &Ctx<'_>, first: usize) -> f32 {
    if cue_before(ctx, first, PLACE_CUES, PLACE_CUE).is_some() {
        0.65
    } else {
        0.55
    }
}

/// Token `end` closes a table cell: a gap of three or more spaces, then a number or a bracket
/// on the same line ("Kurdish in Iraq      100% (32/32)", "Myanmar    (0/160)"). The language
/// and script tables of man pages and docs list countries that way; a place a person wrote
/// about is followed by words, and justified text's wide gaps are followed by words too.
fn table_cell(ctx: &Ctx<'_>, mut end: usize) -> bool {
    // "Burmese (Myanmar)    (0/48)": a closing bracket glued to the place ends the cell.
    if ctx
        .toks
        .get(end + 1)
        .is_some_and(|t| t.glued && (t.is(')') || t.is(']')))
    {
        end += 1;
    }
    let Some(next) = ctx.toks.get(end + 1) else {
        return false;
    };
    if next.newline_before || next.start - ctx.toks[end].end < 3 {
        return false;
    }
    let gap = &ctx.text.as_bytes()[ctx.toks[end].end as usize..next.start as usize];
    gap.iter().all(|&b| b == b' ' || b == b'\t')
        && (next.kind == Kind::Num || next.is('(') || next.is('['))
}

/// Reports places among run words `a..b`.
fn places(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run, a: usize, b: usize, out: &mut Vec<Hit>) {
    let mut k = a;
    while k < b {
        // Round 13: "Volo Roma–Catania": two towns in one hyphenated word. The word's flags
        // merge its parts' (a double surname), so this goes before the look-up of the word.
        let w = run.words[k];
        if let Some((l, r)) = super::place::hyphen_pair(ctx, g, w) {
            if !table_cell(ctx, w) && !super::place::tech_noun_after(ctx, w) {
                let (s, e) = (ctx.toks[w].start as usize, ctx.toks[w].end as usize);
                for (start, end) in [(s, s + l), (s + r, e)] {
                    let (score, reason) = (place_score(ctx, w), "gazetteer");
                    let entity = Entity::Location;
                    out.push(Hit {
                        start,
                        end,
                        entity,
                        score,
                        reason,
                    });
                }
            }
            k += 1;
            continue;
        }
        let m = place_at(ctx, g, run, k).min(b - k);
        if m > 0 {
            let w = run.words[k];
            // An all-caps word is a place only when the gazetteer has it and it is long enough
            // not to be an acronym.
            let last = run.words[k + m - 1];
            let acronym = ctx.toks[w].case == Case::Upper
                && (ctx.toks[w].len() < 4
                    || super::place::caps_without_cue(
                        ctx,
                        w,
                        cue_before(ctx, w, PLACE_CUES, PLACE_CUE).is_some(),
                    ));
            if !acronym && !table_cell(ctx, last) && !super::place::tech_noun_after(ctx, last) {
                push(
                    out,
                    ctx,
                    w,
                    last,
                    Entity::Location,
                    place_score(ctx, w),
                    "gazetteer",
                );
            }
            k += m;
        } else {
            k += 1;
        }
    }
}

/// A strong phrase, greeting or signature right before the (untrimmed) run makes it a name:
/// "Nazywam się Jarosław Polański" (Jarosław is also a town), "Hola Asunción,", a signature
/// line "Carolyn Grosse". Returns whether the run was reported.
fn context(ctx: &Ctx<'_>, run: &Run, out: &mut Vec<Hit>) -> bool {
    let start = run.start_tok();
    if german_preposition_pair(ctx, run) || german_verb_after(ctx, run) {
        push(
            out,
            ctx,
            start,
            run.end_tok(),
            Entity::Person,
            0.7,
            "preposition",
        );
        return true;
    }
    // A capitalised label with its colon ("Name: Eckhart Noack") is as strong as "my name
    // is" for two or more words; otherwise ("Patient Robert Knox", `name: String` in code) the
    // run must hold a word the gazetteer knows as a name.
    let known = run.classes[..run.len]
        .iter()
        .any(|&c| firstish(c) || lastish(c));
    let colon = start > 0 && ctx.punct(start - 1, ':');
    // Without a colon, two title-case words the lists do not know after a role
    // ("Versicherungsnehmer Hartmut Erpelding hat ...", "O segurado Cleiton Rebelo cancelou")
    // are a name when the sentence goes on in lower case: a heading or a product would not.
    let sentence_goes_on = || {
        run.len == 2
            && run.words[..2]
                .iter()
                .all(|&w| ctx.toks[w].case == Case::Title && ctx.flags[w] & WORD == 0)
            && next_spaced(ctx, run.end_tok())
                .is_some_and(|n| ctx.toks[n].kind == Kind::Word && ctx.toks[n].case == Case::Lower)
    };
    // English title-cases its headings ("Customer Success Stories are ..."): not after its
    // roles.
    let english_role = || ctx.word_in(start - 1, ENGLISH_ROLES);
    let labelled = cue_before(ctx, start, LABELS, LABEL_LAST).is_some_and(|l| {
        known
            || (run.len > 1 && colon && form_line(ctx, l))
            || (!colon && sentence_goes_on() && !english_role())
    }) || mail_header(ctx, start, run.len, colon);
    // "whose name is HEAD": an ALL-CAPS word after a cue is a constant unless it is a name.
    let caps_unknown =
        !run.classes[..run.len].iter().any(|&c| firstish(c)) && ctx.toks[start].case == Case::Upper;
    let strong = labelled || !caps_unknown && strong_cue(ctx, start);
    // "Beste Grüße": Dutch "Beste" opens a German sign-off, not a greeting to "Grüße".
    // A salutation on its own line names the next line only when that line is the name
    // ("Hello,\nAnna"): "Hello\nMy name is …" opens the next line with whatever word comes
    // first.
    let own_line = || {
        ctx.toks
            .get(run.end_tok() + 1)
            .is_none_or(|t| t.newline_before || t.is(','))
    };
    let greeting = (!ctx.toks[start].newline_before || own_line())
        && cue_before(ctx, start, GREETINGS, GREET_LAST).is_some_and(|s| ctx.sentence_start(s))
        && !ctx.word_in(start, &["grüße", "grüsse", "gruß", "wünsche"]);
    let signed = signature(ctx, start, run.end_tok());
    // Verbs of speech, and a lone first name opening a line before a colon ("Matthew: ...").
    let names_only = run.classes[..run.len]
        .iter()
        .all(|&c| !matches!(c, Class::NotName));
    // "Wietse Hoogeveen wrote": a surname that is also a town, after another word.
    let names_or_places = names_only
        || (run.len > 1
            && run.classes[0] != Class::NotName
            && run.words[1..run.len]
                .iter()
                .zip(&run.classes[1..run.len])
                .all(|(&w, &c)| c != Class::NotName || ctx.flags[w] & WORD == 0));
    // "Call Graph Viewer": `call` and `ping` are nouns of software too, so after them the
    // run needs a word the lists know.
    let spoken = names_or_places
        // "ask O'Brien", "as Smith said": a lone surname the lists know as no word or place,
        // not opening a sentence ("Patch suggested by": the lists lack many English words).
        && (run.len > 1
            || firstish(run.classes[0])
            || (run.classes[0] == Class::Last
                && ctx.flags[start] & PLACE == 0
                && !ctx.sentence_start(start)))
        && (cue_before(ctx, start, SPEECH_BEFORE, SPEECH_LAST)
            .is_some_and(|c| known || !ctx.word_in(c, &["call", "ping"]))
            || speech_after(ctx, run.end_tok())
            || reply_header(ctx, start, run.end_tok())
            || possessed(ctx, run.end_tok())
            || relative_of(ctx, start));
    // A signature block: a title-case name over an email address ("Color Config" or "Senior
    // Buyer" over one is a heading or a job title, so a known first name must open it unless
    // `--` opens the block).
    let block = names_only
        && run.len > 1
        && run.words[..run.len]
            .iter()
            .all(|&w| ctx.toks[w].case != Case::Upper)
        && signature_block(ctx, start, run.end_tok(), firstish(run.classes[0]));
    let line_label = run.len == 1
        && ctx.toks[start].case == Case::Title
        && (start == 0 || ctx.toks[start].newline_before)
        && ctx.punct(start + 1, ':')
        && (firstish(run.classes[0])
            // "Note: can you ...": a common word is no name even then; a place may be one
            // ("Montserrat: ¿puedes ...?").
            || (!(run.classes[0] == Class::NotName && ctx.flags[start] & WORD != 0)
                && chat_opener(ctx, start + 2)));
    // "Chiama Nives", "liga para Zulmira": a lone unknown word after a verb of address.
    let addressed = !spoken
        && run.len == 1
        && run.classes[0] == Class::Unknown
        && ctx.toks[start].case == Case::Title
        && start > 0
        && ctx.role(start - 1, SPEECH_LAST)
        && ctx
            .phrases_ending_at(start - 1, ADDRESS_ANY)
            .next()
            .is_some();
    // Full module only: the first module's size budget (issue 20) has no room for it, and
    // every send waits for the full module.
    let related = !spoken && !addressed && !crate::FIRST_MODULE && related_lone(ctx, run);
    let spoken = spoken || addressed || related;
    if spoken || line_label || block {
        let why = if related {
            "relation"
        } else if spoken {
            "speech"
        } else if block {
            "signature"
        } else {
            "line-label"
        };
        push(out, ctx, start, run.end_tok(), Entity::Person, 0.8, why);
        return true;
    }
    if !(strong || greeting || signed) {
        return false;
    }
    // "Sehr geehrte Damen und Herren", "Hi all": a greeting to no one in particular.
    if greeting && !strong && ctx.word_in(start, ADDRESSEES) {
        return false;
    }
    let common = |k: usize| {
        run.classes[k] == Class::Particle
            || (run.classes[k] == Class::NotName && ctx.flags[run.words[k]] & WORD != 0)
    };
    // A greeting to a common word ("Hello World", "Hi All") is no name.
    if common(0) && !strong {
        return false;
    }
    let mut b = run.len;
    if !signed {
        while b > 1 && common(b - 1) {
            b -= 1;
        }
    }
    let end = run.words[b - 1];
    // "Hello Paris" is a greeting to a place unless a comma or line end follows the name,
    // as in a letter's salutation.
    let place_only =
        b == 1 && ctx.flags[start] & PLACE != 0 && ctx.flags[start] & (FIRST | LAST) == 0;
    if place_only && greeting && !strong {
        let salutation = ctx.punct(end + 1, ',')
            || ctx.punct(end + 1, '!')
            || ctx.toks.get(end + 1).is_none_or(|t| t.newline_before);
        if !salutation {
            return false;
        }
    }
    let (why, score) = if strong {
        ("name-phrase", 0.9)
    } else if greeting {
        ("greeting", 0.85)
    } else {
        ("signature", 0.85)
    };
    push(out, ctx, start, end, Entity::Person, score, why);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_cues_are_name_cues() {
        // `lower_case` finds them through the role bit of NAME_CUES' last words.
        for c in SELF_CUES {
            assert!(NAME_CUES.contains(c), "{c} is not in NAME_CUES");
        }
    }
}
