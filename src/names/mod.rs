//! The names pass: people, places, postal addresses and GDPR Art. 9 special categories.
//!
//! These need non-ASCII letters (Müller, Łukasz, Zoë) and evidence from several words, so they
//! do not go into the ASCII regex pass. Instead one tokenizer pass ([`tokenize`]) feeds three
//! small detectors that combine evidence: a gazetteer of first names, surnames and places
//! ([`Gazetteer`]), capitalisation and position, titles, greetings, signatures and "my name is"
//! phrases ([`person`]); house numbers, street types, postal codes and PO boxes in each
//! country's order ([`address`]); and first-person statements about health, beliefs and
//! other special categories ([`special`]). The engine appends the rules below after its pattern
//! rules and lets overlap resolution settle clashes (an email address that holds a name
//! outscores the name).

mod address;
mod caps;
mod coordination;
mod fields;
mod gazetteer;
mod holder;
mod labels;
mod lexicon;
mod lookup;
mod markup;
mod origin;
mod person;
mod place;
mod record;
mod rows;
mod run;
mod speakers;
mod special;
mod table;
mod technical;
pub(crate) use technical::{BODIES, LEGAL_FORMS};
mod tokenize;
mod wordset;

pub(crate) use fields::tab_columns;
pub use gazetteer::Gazetteer;

use crate::rules::{Boundary, Category, RuleDef};
use lexicon::role;
use std::sync::Arc;
use tokenize::{Case, Kind, Token};

/// What the names pass reports; the order matches [`TOKEN_RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entity {
    Person = 0,
    Location,
    StreetAddress,
    Health,
    Religion,
    Political,
    TradeUnion,
    Orientation,
    Ethnic,
    Biometric,
}

/// A finding of the names pass, before overlap resolution.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub entity: Entity,
    pub score: f32,
    /// The kind of evidence (`title`, `greeting`, `gazetteer`, ...): never personal data.
    pub reason: &'static str,
}

/// The base of every token rule: the tokenizer reads words of Unicode letters.
const TOKEN: RuleDef = RuleDef {
    boundary: Boundary::Letters,
    ..RuleDef::DEFAULT
};

const SPECIAL: RuleDef = RuleDef {
    category: Category::SpecialCategories,
    score: 0.8,
    ..TOKEN
};

/// The token rules, appended by the engine after every pattern rule; their `pattern` is empty
/// because the regex pass never sees them.
pub(crate) static TOKEN_RULES: &[RuleDef] = &[
    RuleDef {
        id: "person",
        entity: "PERSON",
        category: Category::People,
        score: 0.8,
        ..TOKEN
    },
    RuleDef {
        id: "location",
        entity: "LOCATION",
        category: Category::Locations,
        score: 0.55,
        ..TOKEN
    },
    RuleDef {
        id: "street-address",
        entity: "STREET_ADDRESS",
        category: Category::Locations,
        score: 0.85,
        ..TOKEN
    },
    RuleDef {
        id: "health-data",
        entity: "HEALTH_DATA",
        ..SPECIAL
    },
    RuleDef {
        id: "religious-belief",
        entity: "RELIGIOUS_BELIEF",
        ..SPECIAL
    },
    RuleDef {
        id: "political-opinion",
        entity: "POLITICAL_OPINION",
        ..SPECIAL
    },
    RuleDef {
        id: "trade-union",
        entity: "TRADE_UNION",
        ..SPECIAL
    },
    RuleDef {
        id: "sexual-orientation",
        entity: "SEXUAL_ORIENTATION",
        ..SPECIAL
    },
    RuleDef {
        id: "ethnic-origin",
        entity: "ETHNIC_ORIGIN",
        ..SPECIAL
    },
    RuleDef {
        id: "biometric-genetic-data",
        entity: "BIOMETRIC_GENETIC_DATA",
        ..SPECIAL
    },
];

/// Token buffers kept between scans of up to this many tokens (about 2 MiB of text).
const KEEP_TOKENS: usize = 1 << 19;

/// The buffers of one scan, kept per thread between scans.
#[derive(Default)]
struct Scratch {
    toks: Vec<Token>,
    /// What the fields pass reads of the text ([`tokenize::tokenize_marked`]).
    marks: tokenize::FieldMarks,
    look: lookup::Lookups,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Option<Scratch>> = const { std::cell::RefCell::new(None) };
}

/// The compiled names pass: a gazetteer shared between engines.
#[derive(Debug, Clone)]
pub(crate) struct NamesPass {
    gazetteer: Arc<Gazetteer>,
}

/// What the detectors share while scanning one text.
pub(crate) struct Ctx<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    /// Gazetteer flags of each token (0 for non-words).
    pub flags: Vec<u8>,
    /// Lexicon role bits of each token ([`lexicon::role`]).
    pub roles: Vec<u32>,
    /// The key of each token for [`Ctx::word_in`], made the first time it is asked for
    /// ([`wordset::fold`]; [`wordset::UNKNOWN`] until then).
    folds: Vec<std::cell::Cell<u32>>,
    /// Answers of [`Ctx::word_in`] by word and list, and each token's word id.
    answers: wordset::Answers,
}

impl<'t> Ctx<'t> {
    /// A context of `toks` without flags, roles or keys, for tests of the word look-ups.
    #[cfg(test)]
    pub(crate) fn bare(text: &'t str, toks: Vec<Token>, answers: wordset::Answers) -> Ctx<'t> {
        let n = toks.len();
        Ctx {
            text,
            toks,
            flags: vec![0; n],
            roles: vec![0; n],
            folds: vec![std::cell::Cell::new(wordset::UNKNOWN); n],
            answers,
        }
    }
    /// Text of token `i`.
    pub fn s(&self, i: usize) -> &'t str {
        self.toks[i].text(self.text)
    }
    /// Token `i` is a word equal (case-insensitively) to one of `words`. A long list is
    /// looked up in a hash table made from it once ([`wordset`]), not walked.
    pub fn word_in(&self, i: usize, words: &'static [&'static str]) -> bool {
        // The token, its key and its bytes are read only when no answer is remembered for
        // its word ([`wordset::Answers`]): a remembered answer is one load, where the key
        // was another (from an array of its own, seldom in the cache when a rule asks).
        let look = || {
            let Some(t) = self.toks.get(i) else {
                return false;
            };
            if t.kind != Kind::Word && t.kind != Kind::Alnum {
                return false;
            }
            // The word's bytes are read only for a comparison that may succeed (a length or
            // a hash that matches): the text is seldom in the cache when a rule asks, and
            // the key says whether the word is ASCII. (Byte slicing: a `str` slice would
            // load the first byte to check the boundary.)
            let key = self.fold(i);
            let s = &self.text.as_bytes()[t.start as usize..t.end as usize];
            // One or two words ("an", "von", "van"): comparing is cheaper than a table.
            if words.len() <= 2 && wordset::ascii_key(key) {
                return words
                    .iter()
                    .any(|w| w.len() == s.len() && s.eq_ignore_ascii_case(w.as_bytes()));
            }
            wordset::contains_word(words, s, key)
        };
        // A short list is compared at once: not worth a remembered answer.
        if words.len() <= 2 {
            return look();
        }
        self.answers.word_in(i, words, look)
    }
    /// The key of token `i` for the word tables ([`wordset::fold`]): the word is lower-cased
    /// and hashed once, however many lists it is looked up in.
    #[inline]
    fn fold(&self, i: usize) -> u32 {
        match self.folds[i].get() {
            wordset::UNKNOWN => self.fold_now(i),
            key => key,
        }
    }
    /// [`Ctx::fold`] for a token whose key the look-ups did not make (numbers, words of
    /// more than sixteen bytes).
    #[cold]
    #[inline(never)]
    fn fold_now(&self, i: usize) -> u32 {
        let key = wordset::fold(self.s(i));
        self.folds[i].set(key);
        key
    }
    /// The phrases of `list` that end at token `end` ([`Ctx::phrase_ends_at`]), in list
    /// order: the index of each one's first token. Only the phrases whose last word the
    /// token is are tried (a table of the list's last words).
    pub fn phrases_ending_at(
        &self,
        end: usize,
        list: &'static [&'static str],
    ) -> impl Iterator<Item = usize> + '_ {
        self.phrases_with(end, list, wordset::Part::Last)
            .iter()
            .filter_map(move |&k| self.phrase_ends_at(end, list[usize::from(k)]))
    }
    /// The phrases of `list` that start at token `start` ([`Ctx::phrase_starts_at`]), in list
    /// order: each phrase and the index after it. Only the phrases whose first word the token
    /// is are tried.
    pub fn phrases_starting_at(
        &self,
        start: usize,
        list: &'static [&'static str],
    ) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.phrases_with(start, list, wordset::Part::First)
            .iter()
            .filter_map(move |&k| {
                let p = list[usize::from(k)];
                Some((p, self.phrase_starts_at(start, p)?))
            })
    }
    /// The phrases of `list` whose `part` word token `i` may be.
    fn phrases_with(
        &self,
        i: usize,
        list: &'static [&'static str],
        part: wordset::Part,
    ) -> &'static [u16] {
        match self.toks.get(i) {
            None => &[],
            Some(t) if t.kind == Kind::Punct => {
                wordset::phrases_with(list, part, b"", wordset::UNKNOWN, Some(t.punct))
            }
            Some(t) => {
                let look = || {
                    let s = &self.text.as_bytes()[t.start as usize..t.end as usize];
                    wordset::phrases_with(list, part, s, self.fold(i), None)
                };
                self.answers.phrases(i, list, part, look)
            }
        }
    }
    /// Token `i` has one of the role bits in `bits`.
    pub fn role(&self, i: usize, bits: u32) -> bool {
        self.roles.get(i).is_some_and(|r| r & bits != 0)
    }
    /// Token `i` is the punctuation mark `c`.
    pub fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(c))
    }
    /// One word of a cue phrase matches token `t`: a lone punctuation mark matches that mark,
    /// anything else matches a word case-insensitively.
    fn word_matches(&self, i: usize, w: &str) -> Option<bool> {
        let t = self.toks.get(i)?;
        let mut cs = w.chars();
        Some(match (cs.next(), cs.next()) {
            (Some(c), None) if !c.is_alphanumeric() => t.kind == Kind::Punct && t.punct == c,
            _ if t.kind == Kind::Punct => false,
            // An ASCII word (its key tells) of another length cannot match: the text is
            // not read.
            _ if wordset::ascii_key(self.fold(i)) => {
                t.len() == w.len()
                    && self.text.as_bytes()[t.start as usize..t.end as usize]
                        .eq_ignore_ascii_case(w.as_bytes())
            }
            _ => tokenize::eq_lower(t.text(self.text), w),
        })
    }
    /// The words of `phrase` (lower case, space-separated) end at token `end` (inclusive).
    /// Returns the index of the phrase's first token.
    pub fn phrase_ends_at(&self, end: usize, phrase: &str) -> Option<usize> {
        // Runs for every capitalised word after a cue's last word: no iterator machinery.
        let mut i = end;
        let mut rest = phrase;
        loop {
            let (head, w) = match rest.as_bytes().iter().rposition(|&b| b == b' ') {
                Some(k) => (Some(&rest[..k]), &rest[k + 1..]),
                None => (None, rest),
            };
            if !self.word_matches(i, w)? {
                return None;
            }
            match head {
                None => return Some(i),
                Some(h) => {
                    i = i.checked_sub(1)?;
                    rest = h;
                }
            }
        }
    }
    /// The words of `phrase` start at token `start`; returns the index after the phrase.
    pub fn phrase_starts_at(&self, start: usize, phrase: &str) -> Option<usize> {
        let mut i = start;
        let mut rest = phrase;
        loop {
            let (w, tail) = first_word(rest);
            if !self.word_matches(i, w)? {
                return None;
            }
            i += 1;
            match tail {
                Some(t) => rest = t,
                None => return Some(i),
            }
        }
    }
    /// Token `i` starts a sentence: first token, after a line break, or after `.`, `!`, `?`,
    /// `:` or an opening quote or bullet that does.
    pub fn sentence_start(&self, i: usize) -> bool {
        let mut j = i;
        loop {
            if self.toks[j].newline_before {
                return true;
            }
            if j == 0 {
                return true;
            }
            let p = &self.toks[j - 1];
            if p.kind != Kind::Punct {
                return false;
            }
            match p.punct {
                '.' | '!' | '?' | ':' | ';' | '…' => return true,
                '"' | '“' | '„' | '«' | '(' | '[' | '\'' | '‘' | '-' | '*' | '•' | '–' | '—'
                | '¿' | '¡' | '>' | '#' => j -= 1,
                _ => return false,
            }
        }
    }
    /// Token `i` is part of an email address, URL, path or identifier: glued to `@`, `/`,
    /// `_` and the like, or to a dot or colon that has a word straight after it
    /// (`john.smith`, `example.com`) — not `J. Smith`, where a space follows the dot.
    #[inline]
    pub fn in_identifier(&self, i: usize) -> bool {
        // Most words have whitespace on both sides: two flag tests settle them without a call.
        let glued_before = self.toks[i].glued;
        let glued_after = self.toks.get(i + 1).is_some_and(|n| n.glued);
        (glued_before || glued_after) && self.glued_identifier(i)
    }
    /// Token `i` is a capitalised word straight after a label's colon with no space
    /// (`Name:Jane Doe`, `Patient:Robert Knox`, a header line's `From:Ngozi Okonkwo`): a form
    /// field typed tightly, not `std:Vec` or `xmlns:Name`, whose first part is no label. The
    /// label must stand on its own (`user.name:Jane` is an identifier).
    fn label_colon(&self, i: usize) -> bool {
        let l = i - 2;
        self.punct(i - 1, ':')
            && matches!(self.toks[i].case, Case::Title | Case::Upper)
            && !self.toks[l].glued
            && (self.role(l, role::LABEL_LAST)
                || (l == 0 || self.toks[l].newline_before) && self.word_in(l, MAIL_HEADERS))
    }
    /// Token `i`, glued to the `@` before it, is a chat mention ("@Jane Doe can you ...",
    /// "thanks @Priya!"), not an annotation or decorator (`@Override`, `@Component`): a known
    /// first name that is no word, in title case, the `@` not glued to a word before it (a
    /// mail address), nothing glued after it but a comma, colon or sentence end, and at a
    /// line's start (where annotations stand) words after it on the same line.
    fn mention(&self, i: usize) -> bool {
        let at = &self.toks[i - 1];
        let t = &self.toks[i];
        let f = self.flags[i];
        let ends = |k: usize| {
            self.toks.get(k).is_none_or(|n| {
                !n.glued
                    || (matches!(n.punct, ',' | ':' | ';' | '!' | '?' | '.')
                        && n.kind == Kind::Punct
                        && self.toks.get(k + 1).is_none_or(|m| !m.glued))
            })
        };
        let line_start = i == 1 || at.newline_before;
        t.case == Case::Title
            && f & gazetteer::FIRST != 0
            && f & gazetteer::WORD == 0
            && (i == 1 || !at.glued || self.toks[i - 2].kind == Kind::Punct)
            && ends(i + 1)
            && (!line_start
                || self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| !n.newline_before && !n.is('@')))
    }
    /// [`Ctx::in_identifier`] for a token glued to a neighbour.
    #[inline(never)]
    fn glued_identifier(&self, i: usize) -> bool {
        let glue = |t: &Token| {
            t.kind == Kind::Punct
                && matches!(
                    t.punct,
                    '@' | '/'
                        | '`'
                        | '_'
                        | '\\'
                        | '='
                        | '#'
                        | '~'
                        | '$'
                        | '%'
                        | '&'
                        | '+'
                        | '|'
                        | '<'
                        | '>'
                        | '{'
                        | '}'
                )
        };
        let joiner = |t: &Token| t.kind == Kind::Punct && matches!(t.punct, '.' | ':');
        let wordish = |t: &Token| t.kind != Kind::Punct;
        let t = &self.toks[i];
        if t.glued && i > 0 {
            let p = &self.toks[i - 1];
            if glue(p)
                && !(p.is('@') && self.mention(i))
                && !(p.is('>') && !crate::FIRST_MODULE && markup::element_text(self, i))
                || (joiner(p) && p.glued && i >= 2 && wordish(&self.toks[i - 2]))
                    && !self.label_colon(i)
            {
                return true;
            }
        }
        if let Some(n) = self.toks.get(i + 1) {
            if n.glued
                && glue(n)
                && !(n.is('<') && !crate::FIRST_MODULE && markup::element_text(self, i))
            {
                return true;
            }
            if n.glued && joiner(n) && self.toks.get(i + 2).is_some_and(|m| m.glued && wordish(m)) {
                return true;
            }
        }
        false
    }
}

/// A pasted mail's header words: opening a line with their colon they label the run after
/// them ("From: Ngozi Okonkwo").
pub(crate) const MAIL_HEADERS: &[&str] = &["from", "to", "cc", "bcc"];

/// The first word of a phrase and the rest after its space, as `split(' ')` cuts them (a
/// byte loop: `split`'s searcher costs more than the match on these short phrases).
#[inline]
pub(crate) fn first_word(phrase: &str) -> (&str, Option<&str>) {
    match phrase.as_bytes().iter().position(|&b| b == b' ') {
        Some(k) => (&phrase[..k], Some(&phrase[k + 1..])),
        None => (phrase, None),
    }
}

impl NamesPass {
    /// A pass over `gazetteer`.
    pub(crate) fn new(gazetteer: Arc<Gazetteer>) -> NamesPass {
        NamesPass { gazetteer }
    }

    /// Finds people, places, addresses and special-category statements in `text`.
    pub(crate) fn scan(&self, text: &str, out: &mut Vec<Hit>) {
        self.scan_with(text, out, &mut |_| {});
    }

    /// [`NamesPass::scan`] calling `mark` between phases (for the timing test and
    /// `benches/names.rs`).
    pub(crate) fn scan_with(
        &self,
        text: &str,
        out: &mut Vec<Hit>,
        mark: &mut dyn FnMut(&'static str),
    ) {
        if text.len() >= u32::MAX as usize {
            // Offsets are 32-bit; such texts are scanned in pieces by the caller.
            return;
        }
        // The token buffers are kept per thread between scans: touching megabytes of freshly
        // mapped memory on every scan cost more than tokenizing (page faults).
        let Scratch {
            mut toks,
            mut marks,
            mut look,
        } = SCRATCH.with(|s| s.borrow_mut().take()).unwrap_or_default();
        tokenize::tokenize_marked(text, &mut toks, &mut marks);
        mark("tokenize");
        lookup::fill(text, &toks, &self.gazetteer, lexicon::roles(), &mut look);
        mark("lookups");
        let flags = std::mem::take(&mut look.flags);
        let roles = std::mem::take(&mut look.roles);
        let folds = std::mem::take(&mut look.folds);
        let answers = std::mem::take(&mut look.answers);
        let mut ctx = Ctx {
            text,
            toks,
            flags,
            roles,
            folds,
            answers,
        };
        let before = out.len();
        address::find(&ctx, &look, out);
        mark("address");
        let addresses = out[before..].to_vec();
        // Stretches of capitals read as prose by the person detector only (see `caps`).
        let mut recased = Vec::new();
        caps::recase(&mut ctx, &look.person, &mut recased);
        person::find(&ctx, &self.gazetteer, &look.person, &addresses, out);
        caps::restore(&mut ctx, &recased);
        mark("person");
        if !crate::FIRST_MODULE {
            rows::find(&ctx, out);
            mark("rows");
            speakers::find(&ctx, out);
            mark("speakers");
            holder::find(&ctx, out);
            mark("holder");
            coordination::find(&ctx, before, out);
            mark("coordination");
        }
        special::find(&ctx, &look.special, out);
        mark("special");
        fields::find_marked(text, &marks, out);
        mark("fields");
        let Ctx {
            toks,
            flags,
            roles,
            folds,
            answers,
            ..
        } = ctx;
        if toks.capacity() <= KEEP_TOKENS {
            look.flags = flags;
            look.roles = roles;
            look.folds = folds;
            look.answers = answers;
            SCRATCH.with(|s| *s.borrow_mut() = Some(Scratch { toks, marks, look }));
        }
    }
}

impl NamesPass {
    /// The rows of a tab-separated table in `text` as typed (a spreadsheet's copy without
    /// its header), read like a CSV export's ([`rows::tab_lines`]): the view [`NamesPass::scan`]
    /// reads has its tabs turned into spaces, and a row's cells into one run of words.
    pub(crate) fn scan_tab_rows(&self, text: &str, out: &mut Vec<Hit>) {
        let Some(lines) = rows::tab_lines(text) else {
            return;
        };
        let mut toks = Vec::new();
        tokenize::tokenize_marked(&lines, &mut toks, &mut tokenize::FieldMarks::default());
        let mut look = lookup::Lookups::default();
        lookup::fill(&lines, &toks, &self.gazetteer, lexicon::roles(), &mut look);
        let ctx = Ctx {
            text: &lines,
            toks,
            flags: look.flags,
            roles: look.roles,
            folds: look.folds,
            answers: look.answers,
        };
        rows::find(&ctx, out);
    }
}

#[cfg(all(test, feature = "embedded-gazetteer"))]
mod timing {
    use super::*;

    /// `cargo test --release --lib names::timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn phases() {
        // Ordinary prose: NAMES_TIMING_FILE as it is (a small file is timed small), else the
        // Rust book sources when present, padded with a repeated paragraph to 1 MiB.
        let given = std::env::var("NAMES_TIMING_FILE")
            .ok()
            .and_then(|p| std::fs::read_to_string(p).ok());
        let padded = given.is_none();
        let mut text = given.unwrap_or_default();
        let home = std::env::var("HOME").unwrap_or_default();
        let dirs = [format!("{home}/.rustup/toolchains")];
        let mut stack: Vec<std::path::PathBuf> = if padded {
            dirs.iter().map(Into::into).collect()
        } else {
            Vec::new()
        };
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "md") && text.len() < 1 << 20 {
                    text.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
                }
            }
        }
        while padded && text.len() < 1 << 20 {
            text.push_str("The quick brown fox jumps over the lazy dog near Paris.\n");
        }
        let t = std::time::Instant::now();
        let g = Gazetteer::embedded();
        eprintln!("gazetteer load {:?} ({} entries)", t.elapsed(), g.len());
        let t = std::time::Instant::now();
        let _ = lexicon::roles();
        eprintln!("lexicon build {:?}", t.elapsed());
        let pass = NamesPass::new(Arc::new(g));
        let t = std::time::Instant::now();
        let mut toks = Vec::new();
        tokenize::tokenize(&text, &mut toks);
        eprintln!("tokenize {:?} ({} tokens)", t.elapsed(), toks.len());
        // CPU time of this thread (Linux), so a loaded machine does not count against us.
        let cpu = || {
            std::fs::read_to_string("/proc/thread-self/schedstat")
                .ok()
                .and_then(|s| s.split(' ').next()?.parse::<u64>().ok())
        };
        let mut out = Vec::new();
        pass.scan(&text, &mut out);
        out.clear();
        let (t, c) = (std::time::Instant::now(), cpu());
        let reps = std::env::var("NAMES_TIMING_REPS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(5u32);
        for _ in 0..reps {
            out.clear();
            pass.scan(&text, &mut out);
        }
        let took = t.elapsed() / reps;
        let mut phases: Vec<(&str, u128)> = Vec::new();
        for _ in 0..5 {
            let mut last = std::time::Instant::now();
            let mut k = 0;
            out.clear();
            pass.scan_with(&text, &mut out, &mut |name| {
                let now = std::time::Instant::now();
                let us = (now - last).as_micros();
                if phases.len() <= k {
                    phases.push((name, us));
                } else {
                    phases[k].1 = phases[k].1.min(us);
                }
                k += 1;
                last = now;
            });
        }
        eprintln!("phases (µs, best of 5): {phases:?}");
        // Every hit, for before/after comparisons of speed work (findings must not change).
        if let Ok(path) = std::env::var("NAMES_DUMP") {
            let lines: String = out
                .iter()
                .map(|h| {
                    format!(
                        "{} {} {:?} {} {}\n",
                        h.start, h.end, h.entity, h.score, h.reason
                    )
                })
                .collect();
            std::fs::write(path, lines).expect("NAMES_DUMP is writable");
        }
        if let (Some(a), Some(b)) = (c, cpu()) {
            eprintln!(
                "cpu {:.0} MB/s",
                f64::from(reps) * text.len() as f64 / ((b - a) as f64 / 1e9) / 1e6
            );
        }
        eprintln!(
            "whole pass {took:?} ({} hits) on {} bytes: {:.0} MB/s",
            out.len(),
            text.len(),
            text.len() as f64 / took.as_secs_f64() / 1e6
        );
    }
}
