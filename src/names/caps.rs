//! Round 8: text typed in capitals ("MY NAME IS JANE DOE", "I LIVE IN BERLIN", "DEAR MR
//! SMITH,"). A line in capitals is one capitalised run to the person detector, so the cues
//! inside it ("name is", "live in", titles, greetings) are never read and the names after
//! them go out. Before the person detector runs, a stretch of capitals that reads like prose
//! is given the case a person typing normally would have used: common words and cue words
//! lower case, the first word of a sentence, titles, names and unknown words title case.
//! Only the tokens' case changes (offsets and text stay as they are), and the address
//! detector, which reads ALL-CAPS address blocks ("SPRINGFIELD, IL 62701"), runs before it;
//! the special-category detector after it sees the original case again ([`restore`]).
//!
//! Headings, man-page sections and table cells ("SEE ALSO", "EXIT STATUS", "NAME    READY
//! STATUS") are short or split by column gaps, and constants in code (`MAX_RETRIES`,
//! `HTTP_PROXY`) are glued to `_`: none of them is a stretch.

use super::address::LIVE_CUES;
use super::gazetteer::{FIRST, LAST, PLACE, WORD};
use super::lexicon::role::{
    GREET_LAST, LABEL_LAST, LIVE_LAST, SIGN_OFF_LAST, SPEECH_LAST, STRONG_LAST, TITLE,
};
use super::lexicon::{GREETINGS, LABELS, SIGN_OFFS, SPEECH_BEFORE, STRONG_CUES, TITLES};
use super::lookup::Picks;
use super::tokenize::{Case, Kind};
use super::Ctx;

/// A stretch needs this many words of two or more capitals, one of them a common word or cue
/// word (prose, not a heading), and a cue for a name or town inside it ([`cued`]): without
/// one the rules for ALL-CAPS runs do as well, and text in capitals with no cue in it (a
/// licence's disclaimer, Unicode's character names "LATIN SMALL LETTER E WITH CARON", SQL)
/// is left as it is.
const MIN_WORDS: usize = 3;

/// Gives the ALL-CAPS stretches of prose among the person detector's `starts` (every ALL-CAPS
/// word is one) the case of ordinary prose; pushes each changed token with its old case
/// onto `saved`, for [`restore`].
pub(crate) fn recase(ctx: &mut Ctx<'_>, starts: &Picks, saved: &mut Vec<(u32, Case)>) {
    let first = saved.len();
    let mut resume = 0;
    let mut words = Vec::new();
    for i in starts.iter() {
        if i < resume || ctx.toks[i].case != Case::Upper || !upper_follows(ctx, i) {
            continue;
        }
        resume = stretch(ctx, i, &mut words);
        plan(ctx, &words, saved);
    }
    for (k, case) in &mut saved[first..] {
        // `plan` left the new case in `saved`: swap it with the token's.
        std::mem::swap(&mut ctx.toks[*k as usize].case, case);
    }
}

/// Another word of capitals follows the ALL-CAPS word `i` on the stretch, perhaps after one
/// mark ("NAME: JOHN"), and `i` is no part of an identifier: a one-test exit for the lone
/// acronyms of prose and the constants of code, which open no stretch.
fn upper_follows(ctx: &Ctx<'_>, i: usize) -> bool {
    let upper = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Upper)
            && joins(ctx, k - 1, k)
    };
    let mark = |k: usize| {
        ctx.toks.get(k).is_some_and(|t| t.kind == Kind::Punct)
            // "RESPONDE A TRIANA VEGA": a one-letter word ends the cues of the full module.
            || (!crate::FIRST_MODULE && k < ctx.toks.len() && letter(ctx, k))
    };
    (upper(i + 1) || (mark(i + 1) && upper(i + 2))) && !ctx.in_identifier(i)
}

/// Undoes [`recase`].
pub(crate) fn restore(ctx: &mut Ctx<'_>, saved: &[(u32, Case)]) {
    for &(k, case) in saved {
        ctx.toks[k as usize].case = case;
    }
}

/// The token at `b` goes on the stretch that token `a` is in: same line, at most two spaces
/// apart (a wider gap is a table's column), and not part of an identifier.
fn joins(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let t = &ctx.toks[b];
    !t.newline_before && t.start - ctx.toks[a].end <= 2
}

/// One capital letter ("I", "A"): it may stand inside a stretch.
fn letter(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    t.kind == Kind::Word && t.case == Case::Other && ctx.s(k).chars().count() == 1
}

/// Collects into `words` the words of two or more capitals of the stretch that the ALL-CAPS
/// word `i` opens (and the one-letter words before and inside it); returns the token after
/// it.
fn stretch(ctx: &Ctx<'_>, i: usize, words: &mut Vec<usize>) -> usize {
    words.clear();
    // "I LIVE IN ...": a one-letter word before the first word of capitals.
    let mut s = i;
    while s > 0 && joins(ctx, s - 1, s) && letter(ctx, s - 1) && !ctx.in_identifier(s - 1) {
        s -= 1;
    }
    let mut k = s;
    while k < ctx.toks.len() {
        if k > s && !joins(ctx, k - 1, k) {
            break;
        }
        let t = &ctx.toks[k];
        match t.kind {
            Kind::Word if ctx.in_identifier(k) => break,
            Kind::Word if t.case == Case::Upper => words.push(k),
            Kind::Word if letter(ctx, k) => {}
            Kind::Word => break,
            // "DOB 03/04/1961", "PATIENT: ...": numbers and marks go on.
            Kind::Num | Kind::Alnum | Kind::Punct => {}
        }
        k += 1;
    }
    k.max(i + 1)
}

/// The case a person typing normally gives each word of `words`, pushed onto `saved` for the
/// words it changes, if the stretch reads like prose.
fn plan(ctx: &Ctx<'_>, words: &[usize], saved: &mut Vec<(u32, Case)>) {
    let common = |k: usize| {
        let f = ctx.flags[k];
        f & WORD != 0 || (f & (FIRST | LAST | PLACE) == 0 && ctx.roles[k] != 0)
    };
    // Round 17 (full module only, like the readings): the words of the cues of
    // [`super::labels`] ("I AM", "REPLY TO", "RISPONDI A") as spans of `words`, for `cued`,
    // `is_common` and `name_opens`.
    // A cue may end in a one-letter word ("RESPONDE A", "RÉPONDS À"), which `words` lacks:
    // such a span ends at the word before the letter, and the letter is lower-cased.
    let mut cues: Vec<(usize, usize)> = Vec::new();
    let mut letters = Vec::new();
    if !crate::FIRST_MODULE && !words.is_empty() {
        for k in words[0]..=words[words.len() - 1] + 1 {
            let word = words.binary_search(&k).is_ok();
            if !(word || (k < ctx.toks.len() && letter(ctx, k))) {
                continue;
            }
            if let Some(s) = super::labels::cue_ending_at(ctx, k) {
                let b = words.partition_point(|&w| w <= k);
                cues.push((words.partition_point(|&w| w < s), b.saturating_sub(1)));
                letters.extend((s..=k).filter(|&l| letter(ctx, l) && ctx.s(l) != "I"));
            }
        }
    }
    if words.len() < MIN_WORDS
        || !words.iter().any(|&k| common(k))
        || (cues.is_empty() && !cued(ctx, words))
    {
        return;
    }
    let in_cue = |n: usize| cues.iter().any(|&(a, b)| a <= n && n <= b);
    let cue_end = |n: usize| cues.iter().any(|&(_, b)| b == n);
    let plain_name = |k: usize, bit: u8| {
        let f = ctx.flags[k];
        f & bit != 0 && f & WORD == 0
    };
    let is_common = |n: usize| {
        let k = words[n];
        let f = ctx.flags[k];
        // "JANE DOE", "MAX MUSTERMANN": a surname or first name that is also a word, next to
        // a first name or surname that is none, is a name.
        let paired = ctx.roles[k] == 0
            && ((f & LAST != 0
                && n > 0
                && words[n - 1] + 1 == k
                && plain_name(words[n - 1], FIRST))
                || (f & FIRST != 0
                    && words.get(n + 1) == Some(&(k + 1))
                    && plain_name(k + 1, LAST)
                    && ctx.flags[k + 1] & FIRST == 0));
        // "MY NAME IS MARK": a first name that is also a word, right after "name is".
        let named = f & FIRST != 0
            && n > 0
            && words[n - 1] + 1 == k
            && ctx.role(words[n - 1], STRONG_LAST)
            && ctx
                .phrases_ending_at(words[n - 1], STRONG_CUES)
                .next()
                .is_some();
        // "SONO ROSE PATENAUDE", "I AM SHERICE WELLS": a first name that is a word too right
        // after such a cue, and a surname that is one right after that first name.
        let after_cue = |n: usize| n > 0 && words[n - 1] + 1 == words[n] && cue_end(n - 1);
        let introduced = (f & FIRST != 0 && after_cue(n))
            || (f & LAST != 0
                && n > 0
                && words[n - 1] + 1 == k
                && ctx.flags[k - 1] & FIRST != 0
                && after_cue(n - 1));
        (common(k) && !paired && !named && !introduced) || in_cue(n)
    };
    let unknown = |k: usize| ctx.flags[k] == 0 && ctx.roles[k] == 0;
    // "IS WENDELIN HABERL": the second of two unknown words right after where a name opens
    // goes on with the name (lower case, the name pass took the first word alone and the
    // surname went out).
    let second_part = |n: usize| {
        n >= 2
            && words[n - 1] + 1 == words[n]
            && unknown(words[n - 1])
            && ctx.toks[words[n - 1]].len() > 3
            // The cues of the full module may end in a one-letter word ("RESPONDE A").
            && ((words[n - 2] + 1 == words[n - 1] && name_opens(ctx, words, n - 2, &is_common))
                || cue_end(n - 2))
    };
    saved.extend(letters.iter().map(|&l| (l as u32, Case::Lower)));
    for (n, &k) in words.iter().enumerate() {
        let unknown = unknown(k);
        let case = if ctx.sentence_start(k) || ctx.role(k, TITLE) {
            Case::Title
        } else if is_common(n) {
            Case::Lower
        } else if !unknown {
            Case::Title
        } else if ctx.toks[k].len() <= 3 {
            // "DOB", "USA": an acronym stays as it is.
            continue;
        } else if n > 0
            && (name_opens(ctx, words, n - 1, &is_common) || cue_end(n - 1) || second_part(n))
        {
            // "IS JANE ZYWICKA", "MR ZYWICKI": where a name goes on or starts, a word the
            // lists do not know is its part ...
            Case::Title
        } else {
            // ... elsewhere a common word the lists do not hold ("CALL ROBERT KNOX
            // TOMORROW").
            Case::Lower
        };
        saved.push((k as u32, case));
    }
}

/// The stretch's word `words[n]` is where a name starts or goes on: a cue or common word,
/// a title, or a known first name after one of those.
fn name_opens(ctx: &Ctx<'_>, words: &[usize], n: usize, is_common: &dyn Fn(usize) -> bool) -> bool {
    let k = words[n];
    if is_common(n) || ctx.role(k, TITLE) {
        return true;
    }
    let f = ctx.flags[k];
    f & FIRST != 0
        && f & WORD == 0
        && (n == 0 || is_common(n - 1) || ctx.role(words[n - 1], TITLE) || ctx.sentence_start(k))
}

/// A cue the person detector reads stands among the stretch's `words`: "my name is", "ich
/// heiße", a greeting, a sign-off, a label, a verb of address, "I live in", or a title before
/// a word that is no common one ("DEAR MR SMITH").
fn cued(ctx: &Ctx<'_>, words: &[usize]) -> bool {
    let ends = |k: usize, bit: u32, list: &'static [&'static str]| {
        ctx.role(k, bit) && ctx.phrases_ending_at(k, list).next().is_some()
    };
    words.iter().enumerate().any(|(n, &k)| {
        ends(k, STRONG_LAST, STRONG_CUES)
            || ends(k, GREET_LAST, GREETINGS)
            || ends(k, SIGN_OFF_LAST, SIGN_OFFS)
            || ends(k, LABEL_LAST, LABELS)
            || ends(k, SPEECH_LAST, SPEECH_BEFORE)
            || ends(k, LIVE_LAST, LIVE_CUES)
            || (ctx.role(k, TITLE)
                && ctx.word_in(k, TITLES)
                && words
                    .get(n + 1)
                    .is_some_and(|&m| ctx.flags[m] & WORD == 0 && ctx.roles[m] == 0))
    })
}
