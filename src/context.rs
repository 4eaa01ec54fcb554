//! Context words: a word or phrase near a candidate that makes it more (or less) likely to be
//! personal data. Matched case-insensitively and on whole words, so "lic" never fires inside
//! "public".
//!
//! Every context word of every rule is compiled once per engine into one Aho-Corasick
//! automaton (the [`Lexicon`]); text around candidates is searched once, whatever the number
//! of rules and words, and each rule then looks its words up among the hits. Searching the
//! window once per word (35 words × 2 windows per candidate) was the main cost on text dense
//! with personal data. Where candidates are close together their windows overlap, so the hits
//! of a stretch of text a little longer than one window are kept and reused ([`Hits`]).

use crate::rules::Rule;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashMap;
use std::sync::Arc;

/// How far before a candidate to look, in characters. Labels come before values ("SSN: ...").
const BEFORE: usize = 48;
/// How far after a candidate to look ("... is my passport number").
const AFTER: usize = 32;
/// How far past a window the automaton searches ahead, in bytes, so the next candidates'
/// windows are already covered. Small: in ordinary prose candidates are kilobytes apart and
/// text searched ahead for nothing is wasted.
const AHEAD: usize = 192;

/// Every context and anti-context word of an engine's rules, deduplicated and compiled into one
/// automaton. Word ids index [`Lexicon::word`].
pub(crate) struct Lexicon {
    /// `None` when no rule has context words.
    automaton: Option<AhoCorasick>,
    words: Vec<Arc<str>>,
    /// The word ends in punctuation ("tel.", "tel:"): it needs no word boundary after it.
    open_end: Vec<bool>,
    /// Byte length of the longest word: how far back an extended search must start.
    longest: usize,
}

/// Above this many bytes of words, the automaton is a contiguous NFA instead of a DFA: the DFA
/// searches 3-5× faster but its table grows with the words (64 × 4 bytes per state here).
const DFA_WORD_BYTES: usize = 8 << 10;

/// One word list of a rule, as lexicon ids sorted for lookup, each with its rank in the rule's
/// list (the first listed word wins).
#[derive(Debug, Default)]
pub(crate) struct WordSet(Box<[(u32, u32)]>);

impl WordSet {
    fn new(ids: &[u32]) -> WordSet {
        let mut v: Vec<(u32, u32)> = ids
            .iter()
            .enumerate()
            .map(|(r, &id)| (id, r as u32))
            .collect();
        v.sort_unstable();
        v.dedup_by_key(|p| p.0);
        WordSet(v.into_boxed_slice())
    }

    fn rank(&self, id: u32) -> Option<u32> {
        self.0
            .binary_search_by_key(&id, |p| p.0)
            .ok()
            .map(|i| self.0[i].1)
    }
}

/// One rule's words.
#[derive(Debug, Default)]
pub(crate) struct RuleWords {
    /// Words that raise the score.
    pub(crate) context: WordSet,
    /// Words that make the candidate something else.
    pub(crate) anti: WordSet,
}

impl RuleWords {
    /// True when the rule has no word to look for: the window need not be searched at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.context.0.is_empty() && self.anti.0.is_empty()
    }
}

/// Scratch space for one scan, reused from candidate to candidate so that looking up context
/// allocates nothing in the common (ASCII) case.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    /// Ids of whole words found before the candidate.
    before: Vec<u32>,
    /// Ids of whole words found after the candidate.
    after: Vec<u32>,
    /// The lower-cased window, for windows that are not pure ASCII.
    lowered: String,
    /// The window the hits belong to, so candidates sharing it search once.
    window: Option<(usize, usize)>,
    /// Every whole word found in `text[region.0..region.1]`: (start, end, id), ordered by end.
    region_words: Vec<(usize, usize, u32)>,
    /// The stretch of ASCII-window text already searched.
    region: (usize, usize),
}

impl Hits {
    /// The first listed of `words` found before the candidate, else the first listed found
    /// after it: labels usually stand before values. Hits are few, so each is looked up.
    pub(crate) fn first(&self, words: &WordSet) -> Option<u32> {
        let best = |side: &[u32]| {
            side.iter()
                .filter_map(|&id| words.rank(id).map(|r| (r, id)))
                .min()
                .map(|(_, id)| id)
        };
        best(&self.before).or_else(|| best(&self.after))
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("words", &self.words.len())
            .finish()
    }
}

impl Lexicon {
    /// Compiles the words of `rules`; the second value holds each rule's word ids, by index.
    pub(crate) fn build(rules: &[Rule]) -> (Lexicon, Vec<RuleWords>) {
        let mut ids: HashMap<Arc<str>, u32> = HashMap::new();
        let mut words: Vec<Arc<str>> = Vec::new();
        let mut intern = |list: &[Arc<str>]| -> Vec<u32> {
            list.iter()
                .filter(|w| !w.is_empty())
                .map(|w| {
                    // Windows are compared lower-cased: an upper-case word could never match.
                    let w: Arc<str> = if w.chars().any(char::is_uppercase) {
                        w.to_lowercase().into()
                    } else {
                        w.clone()
                    };
                    *ids.entry(w.clone()).or_insert_with(|| {
                        words.push(w);
                        (words.len() - 1) as u32
                    })
                })
                .collect::<Vec<u32>>()
        };
        let per_rule: Vec<RuleWords> = rules
            .iter()
            .map(|r| RuleWords {
                context: WordSet::new(&intern(&r.context)),
                anti: WordSet::new(&intern(&r.anti_context)),
            })
            .collect();
        let word_bytes: usize = words.iter().map(|w| w.len()).sum();
        let kind = if word_bytes <= DFA_WORD_BYTES {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let automaton = (!words.is_empty()).then(|| {
            AhoCorasick::builder()
                .kind(Some(kind))
                // ASCII windows are searched in place, without lower-casing them first.
                .ascii_case_insensitive(true)
                .build(words.iter().map(|w| w.as_bytes()))
                .expect("context words are few and short")
        });
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let open_end = words
            .iter()
            .map(|w| w.chars().next_back().is_some_and(|c| !c.is_alphanumeric()))
            .collect();
        (
            Lexicon {
                automaton,
                words,
                open_end,
                longest,
            },
            per_rule,
        )
    }

    /// The word with this id.
    pub(crate) fn word(&self, id: u32) -> &Arc<str> {
        &self.words[id as usize]
    }

    /// Finds every whole word of the lexicon within the window around `start..end` (byte
    /// offsets on char boundaries) and leaves their ids in `hits`.
    pub(crate) fn search(&self, text: &str, start: usize, end: usize, hits: &mut Hits) {
        if hits.window == Some((start, end)) {
            return;
        }
        hits.window = Some((start, end));
        hits.before.clear();
        hits.after.clear();
        let Some(ac) = &self.automaton else {
            return;
        };
        let (from, to) = window_bounds(text, start, end);
        if !text.as_bytes()[from..to].is_ascii() {
            // Rare: lower-case the window (Unicode) and search it on its own.
            self.collect(ac, &text[from..start], &mut hits.lowered, &mut hits.before);
            self.collect(ac, &text[end..to], &mut hits.lowered, &mut hits.after);
            return;
        }
        // Every word lying inside the searched region was found, so a window inside it needs
        // no new search.
        if !(hits.region.0 <= from && to <= hits.region.1 && hits.region.0 < hits.region.1) {
            let mut hi = (to + AHEAD).min(text.len());
            while !text.is_char_boundary(hi) {
                hi -= 1;
            }
            let (r0, r1) = hits.region;
            if r0 < r1 && r0 <= from && from <= r1 && r1 < hi {
                // The window moved forward past the searched stretch (text dense with values):
                // search only the new part, from far enough back to catch a word that ends in
                // it, and forget the words no later window can see.
                let mut a = r1.saturating_sub(self.longest).max(from);
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                let keep = hits.region_words.partition_point(|&(_, e, _)| e <= from);
                hits.region_words.drain(..keep);
                self.find_words(ac, text, a, hi, r1, &mut hits.region_words);
                hits.region = (from, hi);
            } else {
                hits.region = (from, hi);
                hits.region_words.clear();
                self.find_words(ac, text, from, hi, from, &mut hits.region_words);
            }
        }
        let words = &hits.region_words;
        let first = words.partition_point(|&(_, e, _)| e <= from);
        for &(s, e, id) in &words[first..] {
            if e > to {
                break;
            }
            let side = if e <= start && s >= from {
                &mut hits.before
            } else if s >= end {
                &mut hits.after
            } else {
                continue;
            };
            if !side.contains(&id) {
                side.push(id);
            }
        }
    }

    /// Appends the whole words of `text[from..to]` that end after `after`, ordered by end.
    fn find_words(
        &self,
        ac: &AhoCorasick,
        text: &str,
        from: usize,
        to: usize,
        after: usize,
        out: &mut Vec<(usize, usize, u32)>,
    ) {
        for m in ac.find_overlapping_iter(&text[from..to]) {
            let (s, e, id) = (from + m.start(), from + m.end(), m.pattern().as_u32());
            if e > after && self.whole_word(text, s, e, id) {
                out.push((s, e, id));
            }
        }
    }

    /// No letter or digit directly before `start` or (unless the word ends in punctuation)
    /// after `end`.
    fn whole_word(&self, hay: &str, start: usize, end: usize, id: u32) -> bool {
        let before_ok = hay[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        before_ok
            && (self.open_end[id as usize]
                || hay[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric()))
    }

    fn collect(&self, ac: &AhoCorasick, part: &str, lowered: &mut String, out: &mut Vec<u32>) {
        let hay = if part.is_ascii() {
            part
        } else {
            lowered.clear();
            lowered.extend(part.chars().flat_map(char::to_lowercase));
            lowered.as_str()
        };
        for m in ac.find_overlapping_iter(hay) {
            let id = m.pattern().as_u32();
            if self.whole_word(hay, m.start(), m.end(), id) && !out.contains(&id) {
                out.push(id);
            }
        }
    }
}

/// The window around a candidate: `BEFORE` characters before it and `AFTER` after it.
fn window_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(AFTER)
        .map_or(text.len(), |(i, _)| end + i);
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleDef;

    /// True when `word` is found as a whole word anywhere in `text` (the window of an empty
    /// candidate at the end of `text`).
    fn found(text: &str, word: &'static str) -> bool {
        let def = RuleDef {
            context: Box::leak(vec![word].into_boxed_slice()),
            ..RuleDef::DEFAULT
        };
        let (lex, words) = Lexicon::build(&[Rule::from(&def)]);
        let mut hits = Hits::default();
        lex.search(text, text.len(), text.len(), &mut hits);
        hits.first(&words[0].context).is_some()
    }

    #[test]
    fn whole_words_only() {
        assert!(found("my lic no", "lic"));
        assert!(!found("public key", "lic"));
        assert!(found("date of birth:", "date of birth"));
        assert!(found("tel.:", "tel."));
        assert!(found("née le", "née le"));
        assert!(found("NÉE LE", "née le"));
        assert!(found("Phone", "phone"));
        assert!(!found("telephone", "tel"));
        assert!(!found("téléphoner", "téléphone"));
        assert!(!found("x", ""));
    }

    #[test]
    fn window_is_bounded_and_prefers_words_before() {
        let def = RuleDef {
            context: &["phone", "ssn", "mail"],
            anti_context: &["order"],
            ..RuleDef::DEFAULT
        };
        let (lex, words) = Lexicon::build(&[Rule::from(&def)]);
        let mut hits = Hits::default();
        let text = format!("ssn {} 123 and Phone", "x".repeat(100));
        let start = text.find("123").unwrap();
        lex.search(&text, start, start + 3, &mut hits);
        let first = hits
            .first(&words[0].context)
            .map(|id| lex.word(id).as_ref());
        assert_eq!(first, Some("phone"), "ssn is outside the window");
        assert_eq!(hits.first(&words[0].anti), None);

        let text = "Order SSN 123 phone";
        let start = text.find("123").unwrap();
        lex.search(text, start, start + 3, &mut hits);
        let first = hits
            .first(&words[0].context)
            .map(|id| lex.word(id).as_ref());
        assert_eq!(first, Some("ssn"), "before wins over after");
        assert!(hits.first(&words[0].anti).is_some());
    }

    #[test]
    fn reused_region_gives_the_same_hits_as_a_fresh_search() {
        let def = RuleDef {
            context: &["phone", "tel.", "mail", "date of birth", "id"],
            anti_context: &["order", "ref"],
            ..RuleDef::DEFAULT
        };
        let (lex, words) = Lexicon::build(&[Rule::from(&def)]);
        let text = "Phone 123, order 456 tel.789 mail 1 Date of Birth 2 id3 id 4 ref:5 xphone 6                     é 7 PHONE 8 "
            .repeat(8);
        let mut reused = Hits::default();
        for (start, _) in text.match_indices(|c: char| c.is_ascii_digit()) {
            let mut fresh = Hits::default();
            lex.search(&text, start, start + 1, &mut fresh);
            lex.search(&text, start, start + 1, &mut reused);
            for ids in [&words[0].context, &words[0].anti] {
                assert_eq!(fresh.first(ids), reused.first(ids), "at {start}");
            }
            assert_eq!(fresh.before.len(), reused.before.len(), "at {start}");
            assert_eq!(fresh.after.len(), reused.after.len(), "at {start}");
        }
    }

    /// Windows that jump forward past the searched stretch, overlap it or go back (contests
    /// and extended candidates) all see what a fresh search sees.
    #[test]
    fn extended_region_gives_the_same_hits_in_any_order() {
        let def = RuleDef {
            context: &["phone", "tel.", "date of birth", "id", "kennwort"],
            anti_context: &["order", "ref"],
            ..RuleDef::DEFAULT
        };
        let (lex, words) = Lexicon::build(&[Rule::from(&def)]);
        let text =
            "x1 phone 2 id3 order 4 tel.5 Date of  Birth 6 kennwort7 ref:8 é 9 id 10 ".repeat(40);
        let mut reused = Hits::default();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut at = 0usize;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Mostly small steps forward, sometimes a long jump or a step back.
            let step = (seed % 300) as usize;
            at = match seed % 10 {
                0 => at.saturating_sub(step),
                1 => at + 4 * step,
                _ => at + step / 10,
            } % (text.len() - 2);
            let (start, end) = (at, at + 2);
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            let mut fresh = Hits::default();
            lex.search(&text, start, end, &mut fresh);
            lex.search(&text, start, end, &mut reused);
            for ids in [&words[0].context, &words[0].anti] {
                assert_eq!(fresh.first(ids), reused.first(ids), "at {start}");
            }
            let sorted = |v: &[u32]| {
                let mut v = v.to_vec();
                v.sort_unstable();
                v
            };
            assert_eq!(sorted(&fresh.before), sorted(&reused.before), "at {start}");
            assert_eq!(sorted(&fresh.after), sorted(&reused.after), "at {start}");
        }
    }

    #[test]
    fn window_respects_char_boundaries() {
        let text = "é😀ü 123 ß";
        let start = text.find("123").unwrap();
        assert_eq!(window_bounds(text, start, start + 3), (0, text.len()));
        let long = format!("{}ab 1", "😀".repeat(60));
        let start = long.len() - 1;
        let (from, _) = window_bounds(&long, start, start + 1);
        assert!(long.is_char_boundary(from));
        assert_eq!(long[from..start].chars().count(), BEFORE);
    }
}
