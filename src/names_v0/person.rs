//! People and places: runs of capitalised words weighed with the gazetteer, titles, greetings,
//! signatures and "my name is" phrases; places from the gazetteer when a run is not a person.

use super::gazetteer::{Gazetteer, FIRST, LAST, PLACE, WORD};
use super::lexicon::role::*;
use super::lexicon::{GREETINGS, NAME_CUES, PARTICLES, PLACE_CUES, SIGN_OFFS, STRONG_CUES, TITLES};
use super::lookup::Picks;
use super::tokenize::{lower_into, Case, Kind};
use super::{Ctx, Entity, Hit};

/// Longest run of name words considered.
const MAX_RUN: usize = 5;

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

/// Next token on the same line separated by whitespace only.
fn next_spaced(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let n = ctx.toks.get(i + 1)?;
    (!n.glued && !n.newline_before).then_some(i + 1)
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
        if run.len == MAX_RUN || j >= ctx.toks.len() || ctx.in_identifier(j) {
            break;
        }
        let t = &ctx.toks[j];
        // A title ends the run before it ("Sie Herr Brösel"): it opens the next one.
        if run.len > 0 && t.len() > 1 && ctx.role(j, TITLE) && ctx.word_in(j, TITLES) {
            break;
        }
        let after;
        if initial(ctx, j) {
            run.words[run.len] = j;
            run.classes[run.len] = Class::Initial;
            after = j + 1; // the dot
        } else if t.capitalised() {
            run.words[run.len] = j;
            run.classes[run.len] = classify(ctx.flags[j]);
            after = j;
        } else if run.len > 0
            && t.kind == Kind::Word
            && t.case == Case::Lower
            && ctx.role(j, PARTICLE)
            && ctx.word_in(j, PARTICLES)
            && next_spaced(ctx, j).is_some_and(|n| ctx.toks[n].capitalised())
        {
            run.words[run.len] = j;
            run.classes[run.len] = Class::Particle;
            after = j;
        } else {
            break;
        }
        run.len += 1;
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

/// The title before token `i`, if any: returns the first token of the title.
fn title_before(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    if i == 0 {
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
    let t = &ctx.toks[j];
    // Without the title role nothing below can succeed: most words leave on one bit test.
    if t.kind != Kind::Word || !ctx.role(j, TITLE) || ctx.in_identifier(j) {
        return None;
    }
    // A one-letter title (`M.`) must have its dot, or it is an initial.
    if t.len() == 1 && !ctx.punct(j + 1, '.') {
        return None;
    }
    // Lower-case `mr smith` is fine; `Me` (Maître) only with a dot.
    if ctx.word_in(j, &["me", "m", "e"]) && !ctx.punct(j + 1, '.') {
        return None;
    }
    (ctx.role(j, TITLE) && ctx.word_in(j, TITLES)).then_some(j)
}

/// A cue phrase from `list` ends just before token `i` (a comma or colon may sit between).
/// `bit` is the role bit of the list's last words, tested first.
fn cue_before(ctx: &Ctx<'_>, i: usize, list: &[&str], bit: u32) -> Option<usize> {
    if i == 0 {
        return None;
    }
    let mut j = i - 1;
    if (ctx.punct(j, ',') || ctx.punct(j, ':')) && j > 0 {
        j -= 1;
    }
    if !ctx.role(j, bit) {
        if !ctx.punct(j, ':') {
            return None;
        }
        // Only a phrase whose last word is the colon can end on one; in code (`Error::Kind`)
        // this saves trying every phrase of the list.
        return list
            .iter()
            .filter(|p| **p == ":" || p.ends_with(" :"))
            .find_map(|p| ctx.phrase_ends_at(j, p));
    }
    list.iter().find_map(|p| ctx.phrase_ends_at(j, p))
}

/// The run sits alone on a line right after a sign-off line ("Best regards,").
fn signature(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    if !ctx.toks[start].newline_before || start == 0 {
        return false;
    }
    let alone = ctx.toks.get(end + 1).is_none_or(|n| n.newline_before);
    if !alone {
        return false;
    }
    let mut j = start - 1;
    if (ctx.punct(j, ',') || ctx.punct(j, '!') || ctx.punct(j, '.')) && j > 0 {
        j -= 1;
    }
    if !ctx.role(j, SIGN_OFF_LAST) {
        return false;
    }
    SIGN_OFFS.iter().any(|p| {
        ctx.phrase_ends_at(j, p)
            .is_some_and(|s| ctx.toks[s].newline_before)
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
    out.push(Hit {
        start: ctx.toks[a].start as usize,
        end: ctx.toks[b].end as usize,
        entity: e,
        score,
        reason: why,
    });
}

/// Longest place of up to three words starting at run word `k`; returns how many words.
fn place_at(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run, k: usize) -> usize {
    let mut best = 0;
    let mut buf = [0u8; 64];
    let mut key = [0u8; 64];
    let mut n = 0usize;
    let words = 3.min(run.len - k);
    for m in 0..words {
        let w = run.words[k + m];
        if run.classes[k + m] == Class::Initial {
            break;
        }
        // A lone word that is no place needs no lower-casing: nothing below can count it.
        if words == 1 && ctx.flags[w] & PLACE == 0 {
            break;
        }
        let Some(low) = lower_into(ctx.s(w), &mut buf) else {
            break;
        };
        let extra = usize::from(m > 0);
        if n + extra + low.len() > key.len() {
            break;
        }
        if m > 0 {
            key[n] = b' ';
            n += 1;
        }
        key[n..n + low.len()].copy_from_slice(low);
        n += low.len();
        let f = if m == 0 {
            ctx.flags[w]
        } else {
            g.flags(&key[..n])
        };
        if f & PLACE != 0
            && (m > 0 || f & WORD == 0 || cue_before(ctx, w, PLACE_CUES, PLACE_CUE).is_some())
        {
            best = m + 1;
        }
    }
    best
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
        if t.capitalised() || (t.case == Case::Other && initial(ctx, i)) {
            // A title or greeting is evidence for the run after it, not part of it.
            if (ctx.role(i, TITLE) && t.len() > 1 && ctx.word_in(i, TITLES))
                || (ctx.role(i, GREET_LAST) && ctx.word_in(i, GREETINGS))
            {
                continue;
            }
            if ctx.in_identifier(i) {
                continue;
            }
            let (run, next) = collect(ctx, i);
            if run.len > 0 {
                judge(ctx, g, &run, out);
            }
            resume = next.max(i + 1);
        } else if t.case == Case::Lower && t.len() >= 2 {
            resume = lower_case(ctx, g, i, out);
        }
    }
}

/// Lower-case names: after a strong cue ("my name is john"), or a known first name followed
/// by a known surname, neither a common word nor a place ("its john smith here").
fn lower_case(ctx: &Ctx<'_>, g: &Gazetteer, i: usize, out: &mut Vec<Hit>) -> usize {
    let f = ctx.flags[i];
    if f & (FIRST | LAST) == 0 || ctx.in_identifier(i) {
        return i + 1;
    }
    let second = next_spaced(ctx, i).filter(|&j| {
        let t = &ctx.toks[j];
        t.kind == Kind::Word && t.case == Case::Lower && !ctx.in_identifier(j)
    });
    // The second word was not looked up in the first pass (only plain first names were).
    let flags_of = |j: usize| {
        if ctx.flags[j] != 0 {
            return ctx.flags[j];
        }
        let mut buf = [0u8; 64];
        lower_into(ctx.s(j), &mut buf).map_or(0, |k| g.flags(k))
    };
    let cued = cue_before(ctx, i, STRONG_CUES, STRONG_LAST).is_some();
    if cued && f & WORD == 0 {
        let end = match second {
            Some(j) if flags_of(j) & (FIRST | LAST) != 0 && flags_of(j) & WORD == 0 => j,
            _ => i,
        };
        push(out, ctx, i, end, Entity::Person, 0.85, "name-phrase");
        return end + 1;
    }
    // "the manual stack", "a dot file": a determiner before them makes them a noun phrase.
    let determiner = i > 0
        && ctx.word_in(
            i - 1,
            &[
                "the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every",
                "no", "your", "our", "their", "his", "her", "my", "of", "der", "die", "das", "le",
                "la", "les", "el", "los", "il", "lo", "de", "het", "een",
            ],
        );
    if f & FIRST != 0 && f & (WORD | PLACE) == 0 && !determiner {
        if let Some(j) = second {
            let s = flags_of(j);
            if s & LAST != 0 && s & (WORD | PLACE) == 0 {
                push(out, ctx, i, j, Entity::Person, 0.7, "gazetteer");
                return j + 1;
            }
        }
    }
    i + 1
}

fn judge(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run, out: &mut Vec<Hit>) {
    let first_tok = run.start_tok();
    // Evidence around the whole run.
    if let Some(tt) = title_before(ctx, first_tok) {
        let _ = tt;
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
        push(
            out,
            ctx,
            first_tok,
            run.words[end],
            Entity::Person,
            0.9,
            "title",
        );
        return;
    }
    if context(ctx, run, out) {
        return;
    }
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
            if in_place {
                0.0
            } else if weak_cue {
                0.75
            } else if sentence_start {
                0.45
            } else {
                0.6
            }
        } else if c == Class::Last && weak_cue && !sentence_start {
            0.55
        } else {
            0.0
        }
    } else if every_place {
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
                Class::Unknown if !sentence_start && !all_caps => 0.6,
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
        } else if first == Class::Weak && lastish(last) {
            // Will, Mark, Rose, Bill: a surname after them is not enough on its own.
            0.45
        } else if first == Class::Unknown && lastish(last) && !all_caps {
            // "Cargo Book", "Copyright Holder": title-case headings look like this too, so
            // an unknown first word with a known surname needs a cue.
            if weak_cue && !sentence_start {
                0.55
            } else {
                0.0
            }
        } else {
            0.0
        };
        if all_caps && !(firstish(first) || initials > 0) {
            0.0
        } else {
            s
        }
    };
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

fn place_score(ctx: &Ctx<'_>, first: usize) -> f32 {
    if cue_before(ctx, first, PLACE_CUES, PLACE_CUE).is_some() {
        0.65
    } else {
        0.55
    }
}

/// Reports places among run words `a..b`.
fn places(ctx: &Ctx<'_>, g: &Gazetteer, run: &Run, a: usize, b: usize, out: &mut Vec<Hit>) {
    let mut k = a;
    while k < b {
        let m = place_at(ctx, g, run, k).min(b - k);
        if m > 0 {
            let w = run.words[k];
            // An all-caps word is a place only when the gazetteer has it and it is long enough
            // not to be an acronym.
            if !(ctx.toks[w].case == Case::Upper && ctx.toks[w].len() < 4) {
                push(
                    out,
                    ctx,
                    w,
                    run.words[k + m - 1],
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
    let strong = cue_before(ctx, start, STRONG_CUES, STRONG_LAST).is_some();
    let greeting =
        cue_before(ctx, start, GREETINGS, GREET_LAST).is_some_and(|s| ctx.sentence_start(s));
    let signed = signature(ctx, start, run.end_tok());
    if !(strong || greeting || signed) {
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
