//! People named beside a person already found: "Peter Smith and Ysolde Kerrigan", "Peter
//! Smith, Ysolde Kerrigan and Wendelin Haberl", and a name beside the writer ("Ysolde and I
//! went", "me and Ysolde", "Ysolde und ich"). The person detector judges every run of
//! capitalised words on its own evidence, so in a list whose first name the lists know the
//! names they do not know went out beside it (round 17, found by probing). Words joined to a
//! person by a comma or a conjunction, in the same shape as that person (one word beside a
//! lone first name, two or more beside a full name), are people too; a run beside the pronoun
//! of the writer is a person in any shape. A capitalised imperative opening the sentence
//! stays in the name read backwards unless the lists know the name's first word ("Invite
//! Ysolde Kerrigan and Peter Smith" hides "Invite Ysolde Kerrigan": more than the name, never
//! less). Found with the reason `coordinated` (the full
//! module's reading: the first module leaves it out).

use super::gazetteer::{FIRST, LAST, WORD};
use super::lexicon::role;
use super::run;
use super::technical::BODIES;
use super::tokenize::{Case, Kind};
use super::{Ctx, Entity, Hit};

/// Conjunctions that join two people in the eight languages (`i` is Polish; `y`, `e` also
/// Spanish, Italian and Portuguese; `&` is read as a word).
const AND: &[&str] = &[
    "and", "or", "und", "oder", "et", "ou", "y", "o", "e", "ed", "en", "of", "i", "oraz", "lub",
];

/// The writer's pronoun after a conjunction ("X and I", "X und ich"), by language of the
/// conjunction before it.
const WRITER_AFTER: &[(&str, &str)] = &[
    ("and", "I"),
    ("and", "me"),
    ("und", "ich"),
    ("et", "moi"),
    ("y", "yo"),
    ("e", "io"),
    ("en", "ik"),
    ("i", "ja"),
    ("e", "eu"),
];

/// The writer's pronoun before a conjunction ("me and X", "moi et X").
const WRITER_BEFORE: &[(&str, &str)] = &[
    ("me", "and"),
    ("moi", "et"),
    ("yo", "y"),
    ("io", "e"),
    ("ik", "en"),
    ("ja", "i"),
    ("eu", "e"),
    ("ich", "und"),
];

/// Adds the people joined to the people found in `out[from..]` (and to the writer).
pub(super) fn find(ctx: &Ctx<'_>, from: usize, out: &mut Vec<Hit>) {
    let n = ctx.toks.len();
    // Token ranges of the people found so far; new ones are appended and looked around too.
    let mut people: Vec<(usize, usize)> = out[from..]
        .iter()
        .filter(|h| h.entity == Entity::Person)
        .filter_map(|h| token_range(ctx, h.start, h.end))
        .collect();
    let taken = |out: &[Hit], a: usize, b: usize| {
        let (s, e) = (ctx.toks[a].start as usize, ctx.toks[b].end as usize);
        out[from..].iter().any(|h| h.start < e && s < h.end)
    };
    let mut i = 0;
    while i < people.len() {
        let (a, b) = people[i];
        i += 1;
        let words = (a..=b).filter(|&k| ctx.toks[k].kind == Kind::Word).count();
        // To the right: "A and B", "A, B" (lone first names by a conjunction only: a comma
        // after one is a greeting's or a sign-off's, "Thanks, Anna", "Gruß, Agnese").
        if let Some(c) = joined_after(ctx, b, words > 1) {
            if let Some(last) = name_run(ctx, c) {
                if same_shape(ctx, c, last, words) && !taken(out, c, last) {
                    push(ctx, c, last, out);
                    people.push((c, last));
                }
            }
        }
        // To the left: "B and A", "B, A".
        if let Some(end) = joined_before(ctx, a, words > 1) {
            if let Some(c) = run_start(ctx, end).map(|c| trim_opening(ctx, c, end)) {
                if same_shape(ctx, c, end, words) && !taken(out, c, end) {
                    push(ctx, c, end, out);
                    people.push((c, end));
                }
            }
        }
    }
    // Beside the writer: "Ysolde and I went", "me and Ysolde".
    for k in 1..n.saturating_sub(1) {
        let t = &ctx.toks[k];
        // Conjunctions are short lower-case words: most tokens leave on these two tests.
        if t.kind != Kind::Word || t.newline_before || t.len() > 3 || t.case != Case::Lower {
            continue;
        }
        // (k ≥ 1: a conjunction has a word before it.)
        if WRITER_AFTER
            .iter()
            .any(|&(c, p)| word_is(ctx, k, c) && writer(ctx, k + 1, p))
        {
            if let Some(c) = run_start(ctx, k - 1) {
                if titled(ctx, c, k - 1) && !taken(out, c, k - 1) {
                    push(ctx, c, k - 1, out);
                }
            }
        }
        if WRITER_BEFORE
            .iter()
            .any(|&(p, c)| word_is(ctx, k, c) && word_is(ctx, k - 1, p))
            && ctx.toks.get(k + 1).is_some_and(|n| !n.newline_before)
        {
            if let Some(last) = name_run(ctx, k + 1) {
                if titled(ctx, k + 1, last) && !taken(out, k + 1, last) {
                    push(ctx, k + 1, last, out);
                }
            }
        }
    }
}

/// The first and last token of the hit at `start..end`.
fn token_range(ctx: &Ctx<'_>, start: usize, end: usize) -> Option<(usize, usize)> {
    let a = ctx.toks.partition_point(|t| (t.start as usize) < start);
    let b = ctx.toks.partition_point(|t| (t.end as usize) <= end);
    (a < b && ctx.toks[a].start as usize == start).then(|| (a, b - 1))
}

/// The first token of a name after person's last token `b` and a comma or conjunction on
/// the same line (", and" too).
fn joined_after(ctx: &Ctx<'_>, b: usize, comma_joins: bool) -> Option<usize> {
    let mut k = b + 1;
    let t = ctx.toks.get(k)?;
    if t.newline_before {
        return None;
    }
    if t.is(',') && comma_joins {
        k += 1;
        if ctx
            .toks
            .get(k)
            .is_some_and(|n| conj(ctx, k) && !n.newline_before)
        {
            k += 1;
        }
    } else if conj(ctx, k) {
        k += 1;
        // The article Portuguese, Italian and Spanish speech puts before a name: "o João e a
        // Maria", "la Maria".
        if ctx.word_in(k - 1, &["e", "y"]) && ctx.word_in(k, &["o", "a", "la", "il", "el"]) {
            k += 1;
        }
    } else {
        return None;
    }
    let c = ctx.toks.get(k)?;
    (!c.newline_before && c.capitalised()).then_some(k)
}

/// The last token of a name before person's first token `a` and a comma or conjunction on
/// the same line.
fn joined_before(ctx: &Ctx<'_>, a: usize, comma_joins: bool) -> Option<usize> {
    if ctx.toks[a].newline_before {
        return None;
    }
    let k = a.checked_sub(1)?;
    let mut end = if conj(ctx, k) || comma_joins && ctx.toks[k].is(',') {
        k.checked_sub(1)?
    } else {
        return None;
    };
    // "A, and B": the comma before the conjunction.
    if conj(ctx, k) && ctx.toks[end].is(',') {
        end = end.checked_sub(1)?;
    }
    if ctx.toks[k].newline_before || ctx.toks[end + 1].newline_before {
        return None;
    }
    ctx.toks[end].capitalised().then_some(end)
}

/// The start of the name run that ends at `end` (a run [`name_run`] reads to `end` exactly).
fn run_start(ctx: &Ctx<'_>, end: usize) -> Option<usize> {
    let mut c = end;
    // Back over capitalised words and the particles and initials between them.
    for _ in 0..6 {
        let Some(p) = c.checked_sub(1) else { break };
        let t = &ctx.toks[p];
        if ctx.toks[c].newline_before || !(t.capitalised() || t.case == Case::Lower && t.len() <= 3)
        {
            break;
        }
        c = p;
    }
    // The longest run that ends at `end`, from its farthest start.
    (c..=end).find(|&s| ctx.toks[s].capitalised() && name_run(ctx, s) == Some(end))
}

/// A run read backwards may take the capitalised word that opens its line or sentence
/// ("Remove David Nusinow and …", "Universite Pierre et Marie Curie"): a first word the lists
/// do not know before a first name they know is left out.
fn trim_opening(ctx: &Ctx<'_>, c: usize, end: usize) -> usize {
    let known = |k: usize| ctx.flags[k] & (FIRST | LAST) != 0;
    if c < end
        && ctx.sentence_start(c)
        && !known(c)
        && ctx.toks[c + 1].kind == Kind::Word
        && ctx.flags[c + 1] & FIRST != 0
    {
        c + 1
    } else {
        c
    }
}

/// The last token of the name's run from token `a` ([`run::JOINED`]).
fn name_run(ctx: &Ctx<'_>, a: usize) -> Option<usize> {
    run::run_from(ctx, a, &run::JOINED).map(|b| b - 1)
}

/// A conjunction of [`AND`] (or `&`).
fn conj(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    t.is('&') || t.kind == Kind::Word && t.case == Case::Lower && ctx.word_in(k, AND)
}

/// Token `k` is the word `w` (any case).
fn word_is(ctx: &Ctx<'_>, k: usize, w: &str) -> bool {
    ctx.toks.get(k).is_some_and(|t| t.kind == Kind::Word) && ctx.s(k).eq_ignore_ascii_case(w)
}

/// Token `k` is the writer's pronoun `p` standing as a word: `I` in capitals only and not
/// `I/O`, `I.` of a list, `I-5`.
fn writer(ctx: &Ctx<'_>, k: usize, p: &str) -> bool {
    let Some(t) = ctx.toks.get(k) else {
        return false;
    };
    if t.newline_before || t.kind != Kind::Word {
        return false;
    }
    if p == "I" {
        // "and I went", "and I," — not "I/O", "I-5", "I." closing a list of letters.
        return ctx.s(k) == "I"
            && ctx.toks.get(k + 1).is_none_or(|n| {
                n.kind == Kind::Word && n.case == Case::Lower && !n.glued
                    || n.kind == Kind::Punct && matches!(n.punct, ',' | '!' | '?')
            });
    }
    word_is(ctx, k, p) && t.case == Case::Lower
}

/// No word of `c..=last` is a cue word of the lexicon (a title, a greeting, a sign-off, a
/// label, a verb of speech): particles aside, those open or close a name, they are none.
fn plain(ctx: &Ctx<'_>, c: usize, last: usize) -> bool {
    (c..=last).all(|k| {
        let t = &ctx.toks[k];
        ctx.roles[k] & !role::PARTICLE == 0
            && (!t.capitalised() || t.case == Case::Title)
            && !(t.kind == Kind::Word && ctx.word_in(k, BODIES))
            // `B-tree`, `Standards-Version`: a hyphen before a lower-case part is no name's.
            && !ctx.s(k).split('-').skip(1).any(|p| p.starts_with(char::is_lowercase))
    })
}

/// Every capitalised word of `c..=last` is in title case and two letters or more: a name
/// beside the writer, not `CPU and I` or `A and I`.
fn titled(ctx: &Ctx<'_>, c: usize, last: usize) -> bool {
    plain(ctx, c, last)
        && (c..=last).all(|k| {
            let t = &ctx.toks[k];
            !t.capitalised() || t.case == Case::Title && ctx.s(k).chars().nth(1).is_some()
        })
}

/// The run `c..=last` has the shape of a person of `words` words: a lone word beside a lone
/// first name, two or more beside a full name.
fn same_shape(ctx: &Ctx<'_>, c: usize, last: usize, words: usize) -> bool {
    if !plain(ctx, c, last) {
        return false;
    }
    let n = (c..=last)
        .filter(|&k| ctx.toks[k].kind == Kind::Word && ctx.toks[k].capitalised())
        .count();
    if words <= 1 {
        // A lone word beside a lone name only when the lists know it as a first name: "Lex
        // and Yacc" are no people.
        n == 1 && c == last && ctx.flags[c] & FIRST != 0 && ctx.flags[c] & WORD == 0
    } else {
        n >= 2
    }
}

fn push(ctx: &Ctx<'_>, a: usize, b: usize, out: &mut Vec<Hit>) {
    out.push(Hit {
        start: ctx.toks[a].start as usize,
        end: ctx.toks[b].end as usize,
        entity: Entity::Person,
        score: 0.75,
        reason: "coordinated",
    });
}
