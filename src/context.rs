//! Context words: a word or phrase near a candidate that makes it more (or less) likely to be
//! personal data. Matched case-insensitively and on whole words, so "lic" never fires inside
//! "public".
//!
//! Every context word of every rule goes once per engine into one table (the [`Lexicon`]); text
//! around candidates is searched once, whatever the number of rules and words, and each rule
//! then looks its words up among the hits. Searching the
//! window once per word (35 words × 2 windows per candidate) was the main cost on text dense
//! with personal data. Where candidates are close together their windows overlap, so the hits
//! of a stretch of text a little longer than one window are kept and reused ([`Hits`]).

use crate::lower::Lower;
use crate::rules::Rule;
use std::sync::Arc;

/// How far before a candidate to look, in characters. Labels come before values ("SSN: ...").
const BEFORE: usize = 48;
/// How far after a candidate to look ("... is my passport number").
const AFTER: usize = 32;
/// How far past a window the word search runs ahead, in bytes, so the next candidates'
/// windows are already covered. Small: in ordinary prose candidates are kilobytes apart and
/// text searched ahead for nothing is wasted.
const AHEAD: usize = 192;

/// Every context and anti-context word of an engine's rules, deduplicated, in one hash table
/// keyed by the lower-cased word. Word ids index [`Lexicon::word`].
///
/// Words are matched whole, so a word can only start where a word of the text starts and end
/// where one ends (or after punctuation): the text is walked from each such start, and the
/// stretches up to each possible end are looked up, stopping as soon as a stretch is no prefix
/// of any word. Most text tokens cost one lookup, and building the table costs a fraction of
/// building an Aho-Corasick automaton over the same words (engine start-up in the browser).
pub(crate) struct Lexicon {
    /// Each word, and each prefix of a word that ends where a text word could end.
    table: Table,
    /// Bytes (ASCII letters in both cases) a word can start with: other positions are skipped.
    first: [bool; 256],
    /// A bit per [`signature`] of every table key: a stretch whose bit is clear is no key, and
    /// costs no hash lookup. Nine text tokens in ten of prose or code are turned away here.
    signatures: Box<[u64]>,
    words: Vec<Arc<str>>,
    /// Byte length of the longest word: how far back an extended search must start.
    longest: usize,
}

/// A table entry: the word it is, if any, and whether some longer word starts with it.
#[derive(Debug, Clone, Copy)]
struct Entry {
    word: Option<u32>,
    longer: bool,
}

/// The lexicon's keys and their entries: the keys' bytes one after another in one buffer, and
/// an open-addressing index over them (linear probing, at most half full). Built with no
/// allocation per key: the `HashMap<Box<[u8]>, _>`
/// it replaces boxed each of ~1,500 keys and rehashed as it grew, and a second map interned
/// the words; that was most of the lexicon's share of an engine's build (docs/benchmarks.md,
/// "Round 14 (startup15)").
struct Table {
    /// Every key's bytes, back to back.
    bytes: Vec<u8>,
    /// Each key's place in `bytes` and its entry.
    keys: Vec<(u32, u32, Entry)>,
    /// 1 + an index into `keys`, or 0 for an empty slot; the length is a power of two.
    slots: Box<[u32]>,
}

impl Table {
    /// A table with room for `n` keys before it grows.
    fn with_capacity(n: usize) -> Table {
        Table {
            bytes: Vec::new(),
            keys: Vec::with_capacity(n),
            slots: vec![0; (2 * n).next_power_of_two().max(16)].into_boxed_slice(),
        }
    }

    fn key(&self, i: usize) -> &[u8] {
        let (at, len, _) = self.keys[i];
        &self.bytes[at as usize..(at + len) as usize]
    }

    /// The slot holding `key`, or the empty slot where it would go. Inlined into the word
    /// walk (every text token that passes the signature is looked up here).
    #[inline(always)]
    fn slot(&self, key: &[u8]) -> usize {
        let mask = self.slots.len() - 1;
        // The hash's high bits: a multiplicative hash mixes its input into them, not into the
        // low ones.
        let mut i = (word_hash(key) >> 32) as usize & mask;
        loop {
            let s = self.slots[i] as usize;
            if s == 0 || self.key(s - 1) == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline(always)]
    fn get(&self, key: &[u8]) -> Option<Entry> {
        let s = self.slots[self.slot(key)] as usize;
        (s != 0).then(|| self.keys[s - 1].2)
    }

    /// The entry of `key`, added empty if it is not there yet.
    fn entry(&mut self, key: &[u8]) -> &mut Entry {
        if 2 * (self.keys.len() + 1) > self.slots.len() {
            // At most half full: twice the slots, every key placed again.
            self.slots = vec![0; 2 * self.slots.len()].into_boxed_slice();
            for k in 0..self.keys.len() {
                let i = self.slot(self.key(k));
                self.slots[i] = k as u32 + 1;
            }
        }
        let i = self.slot(key);
        if self.slots[i] == 0 {
            self.keys.push((
                self.bytes.len() as u32,
                key.len() as u32,
                Entry {
                    word: None,
                    longer: false,
                },
            ));
            self.bytes.extend_from_slice(key);
            self.slots[i] = self.keys.len() as u32;
        }
        let k = self.slots[i] as usize - 1;
        &mut self.keys[k].2
    }
}

/// A small multiplicative hash over 8 bytes at a time: keys are short words and every text
/// token is hashed, so SipHash's cost (and its DoS resistance, useless for a fixed key set)
/// would dominate the lookup.
#[inline]
fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The zero-padded little-endian value, built in a register: a copy into a buffer of
        // the remainder's variable length was a `memcpy` call and a stall.
        let v = rest
            .iter()
            .rev()
            .fold(0u64, |v, &b| (v << 8) | u64::from(b));
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    // The length, as `Hash for [u8]` wrote it first: keys that differ only in trailing zero
    // bytes stay apart.
    (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(K)
}

/// Where the prefixes of `w` that the table holds end: before each char that starts or ends a
/// run of word chars (a text word could end there).
fn prefix_ends(w: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev: Option<char> = None;
    w.char_indices().filter_map(move |(i, c)| {
        let end = prev.is_some_and(|p| !is_word_char(p) || !is_word_char(c));
        prev = Some(c);
        end.then_some(i)
    })
}

/// How many bits [`Lexicon::signatures`] has: 64 Kbit (8 KB) for ~1,500 keys.
const SIGNATURE_BITS: usize = 1 << 16;

/// A 16-bit digest of a (lower-cased) stretch of text from its first two bytes, its last byte
/// and its length: cheaper than the hash, and all [`Lexicon::signatures`] needs.
#[inline]
fn signature(key: &[u8]) -> usize {
    let (Some(&a), Some(&z)) = (key.first(), key.last()) else {
        return 0;
    };
    let b = key.get(1).copied().unwrap_or(a);
    let mix = (u32::from(a).wrapping_mul(0x9E37)
        ^ u32::from(b).wrapping_mul(0x85EB)
        ^ u32::from(z).wrapping_mul(0xC2B2)
        ^ (key.len() as u32).wrapping_mul(0x27D4))
    .wrapping_mul(0x9E37_79B1);
    (mix >> 7) as usize % SIGNATURE_BITS
}

/// One word list of a rule, as lexicon ids sorted for lookup, each with its rank in the rule's
/// list (the first listed word wins).
///
/// A bit per lexicon id (up to the largest in the set) answers "not in the set" — nearly
/// every word found near a candidate belongs to other rules — without the binary search.
#[derive(Debug, Default)]
pub(crate) struct WordSet(Box<[(u32, u32)]>, Box<[u64]>);

impl WordSet {
    fn new(ids: &[u32]) -> WordSet {
        let mut v: Vec<(u32, u32)> = ids
            .iter()
            .enumerate()
            .map(|(r, &id)| (id, r as u32))
            .collect();
        // A rule lists a few dozen words at most: an insertion sort is as fast here and keeps
        // a whole sort implementation for this pair type out of the `.wasm`.
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && v[j - 1] > v[j] {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        v.dedup_by_key(|p| p.0);
        let mut bits = vec![0u64; v.last().map_or(0, |p| p.0 as usize / 64 + 1)];
        for &(id, _) in &v {
            bits[id as usize / 64] |= 1 << (id % 64);
        }
        WordSet(v.into_boxed_slice(), bits.into_boxed_slice())
    }

    #[inline]
    fn rank(&self, id: u32) -> Option<u32> {
        let word = self.1.get(id as usize / 64)?;
        if word & (1 << (id % 64)) == 0 {
            return None;
        }
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
    /// The text being searched, ASCII-lower-cased (other bytes as they are).
    folded: Vec<u8>,
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
        self.first_and_side(words).0
    }

    /// [`Hits::first`], and whether it stands before the candidate (a label), in one look at
    /// the hits: a word of `words` before the candidate is always the one chosen.
    pub(crate) fn first_and_side(&self, words: &WordSet) -> (Option<u32>, bool) {
        if words.0.is_empty() {
            return (None, false);
        }
        match best(&self.before, words) {
            Some(id) => (Some(id), true),
            None => (best(&self.after, words), false),
        }
    }
}

/// The best-ranked of `words` among the ids of one side; ties cannot happen (ids are unique
/// in a set).
fn best(side: &[u32], words: &WordSet) -> Option<u32> {
    let mut found: Option<(u32, u32)> = None;
    for &id in side {
        if let Some(r) = words.rank(id) {
            if found.is_none_or(|(fr, _)| r < fr) {
                found = Some((r, id));
            }
        }
    }
    found.map(|(_, id)| id)
}

impl Hits {}

/// Orders found words by end, keeping the order of words that end together (stable).
fn sort_by_end(words: &mut [(usize, usize, u32)]) {
    crate::sort::sort_by_key(words, |&(_, e, _)| e);
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
        // Room for every listed word; prefixes and duplicates roughly even out (it grows if not).
        let listed: usize = rules
            .iter()
            .map(|r| r.context.len() + r.anti_context.len())
            .sum();
        let mut table = Table::with_capacity(listed);
        let mut words: Vec<Arc<str>> = Vec::new();
        // A word's id is its place among the distinct words in the order the rules list them;
        // its entry in the table says whether it has one yet, so the table interns too.
        let mut intern = |list: &[Arc<str>]| -> Vec<u32> {
            list.iter()
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let ascii = w.is_ascii();
                    let upper = if ascii {
                        w.bytes().any(|b| b.is_ascii_uppercase())
                    } else {
                        w.chars().any(char::is_uppercase)
                    };
                    // Windows are compared lower-cased: an upper-case word could never match.
                    let w: Arc<str> = if upper { w.lower().into() } else { w.clone() };
                    let id = words.len() as u32;
                    let entry = table.entry(w.as_bytes());
                    if let Some(known) = entry.word {
                        return known;
                    }
                    entry.word = Some(id);
                    // Every prefix ending where a text word could end: the walk in `words_at`
                    // looks each of them up on its way to the whole word. A word of ASCII
                    // letters and digits alone (most) has none.
                    if !(ascii && w.bytes().all(|b| b.is_ascii_alphanumeric())) {
                        for i in prefix_ends(&w) {
                            table.entry(&w.as_bytes()[..i]).longer = true;
                        }
                    }
                    words.push(w);
                    id
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
        let mut first = [false; 256];
        for w in &words {
            let b = w.as_bytes()[0];
            first[b.to_ascii_lowercase() as usize] = true;
            first[b.to_ascii_uppercase() as usize] = true;
        }
        let mut signatures = vec![0u64; SIGNATURE_BITS / 64].into_boxed_slice();
        for k in 0..table.keys.len() {
            let sig = signature(table.key(k));
            signatures[sig / 64] |= 1 << (sig % 64);
        }
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        (
            Lexicon {
                table,
                first,
                signatures,
                words,
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
        if self.words.is_empty() {
            return;
        }
        let (from, to) = window_bounds(text, start, end);
        if !text.as_bytes()[from..to].is_ascii() {
            // Rare: lower-case the window (Unicode) and search it on its own.
            let (lowered, folded) = (&mut hits.lowered, &mut hits.folded);
            self.collect(&text[from..start], lowered, folded, &mut hits.before);
            self.collect(&text[end..to], lowered, folded, &mut hits.after);
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
                // search only the new part (words starting in it; those starting before were
                // found whole, even when they reach into it), and forget the words no later
                // window can see.
                let keep = hits.region_words.partition_point(|&(_, e, _)| e <= from);
                hits.region_words.drain(..keep);
                let n = hits.region_words.len();
                self.find_words(text, r1, hi, &mut hits.folded, &mut hits.region_words);
                if n > 0 {
                    // A word found before may end after a new one: keep them ordered by end.
                    sort_by_end(&mut hits.region_words);
                }
                hits.region = (from, hi);
            } else {
                hits.region = (from, hi);
                hits.region_words.clear();
                self.find_words(text, from, hi, &mut hits.folded, &mut hits.region_words);
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

    /// Appends the whole words of `text` that start in `from..to`, ordered by end. They may
    /// end past `to`: the next stretch searched then starts at `to`, with nothing searched
    /// twice.
    fn find_words(
        &self,
        text: &str,
        from: usize,
        to: usize,
        folded: &mut Vec<u8>,
        out: &mut Vec<(usize, usize, u32)>,
    ) {
        let mut reach = (to + self.longest).min(text.len());
        while !text.is_char_boundary(reach) {
            reach -= 1;
        }
        fold(&text[from..reach], folded);
        let n = out.len();
        self.each_word(text, from, to, reach, folded, |s, e, id| {
            out.push((s, e, id))
        });
        // Found by start; later windows look them up by end.
        sort_by_end(&mut out[n..]);
    }

    /// Calls `found(start, end, id)` for each whole word of the lexicon that starts in
    /// `lo..hi` and ends by `reach`, by start. `folded` is `hay[lo..reach]` ASCII-lower-cased. A word is whole when no letter or
    /// digit of `hay` touches its start, nor its end unless it ends in punctuation ("tel.").
    fn each_word(
        &self,
        hay: &str,
        lo: usize,
        hi: usize,
        reach: usize,
        folded: &[u8],
        mut found: impl FnMut(usize, usize, u32),
    ) {
        let bytes = hay.as_bytes();
        let mut prev_word_char = hay[..lo].chars().next_back().is_some_and(is_word_char);
        let mut s = lo;
        while s < hi {
            let b = bytes[s];
            if !prev_word_char && self.first[b as usize] {
                self.words_at(hay, s, reach, lo, folded, &mut found);
            }
            if b.is_ascii() {
                prev_word_char = b.is_ascii_alphanumeric();
                s += 1;
            } else {
                let (c, len) = char_at(hay, s);
                prev_word_char = is_word_char(c);
                s += len;
            }
        }
    }

    /// The words starting at `s` (a word start), shortest first.
    fn words_at(
        &self,
        hay: &str,
        s: usize,
        reach: usize,
        lo: usize,
        folded: &[u8],
        found: &mut impl FnMut(usize, usize, u32),
    ) {
        let limit = (s + self.longest).min(reach);
        let bytes = hay.as_bytes();
        let (mut c, len) = char_at(hay, s);
        let mut e = s + len;
        while e <= limit {
            if c.is_ascii_alphanumeric() {
                // Inside a run of ASCII letters and digits no stretch ends before the run
                // does: go straight to its end, unless a non-ASCII char (maybe a letter) follows.
                let cap = (limit + 1).min(bytes.len());
                let run = bytes[e..cap]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(cap, |i| e + i);
                if run > limit {
                    return;
                }
                if run > e && (run == bytes.len() || bytes[run].is_ascii()) {
                    c = char::from(bytes[run - 1]);
                    e = run;
                }
            }
            let next = (e < hay.len()).then(|| char_at(hay, e));
            let ends_here = !is_word_char(c) || next.is_none_or(|(n, _)| !is_word_char(n));
            if ends_here {
                let key = &folded[s - lo..e - lo];
                let sig = signature(key);
                if self.signatures[sig / 64] & (1 << (sig % 64)) == 0 {
                    return;
                }
                let Some(entry) = self.table.get(key) else {
                    return;
                };
                if let Some(id) = entry.word {
                    found(s, e, id);
                }
                if !entry.longer {
                    return;
                }
            }
            let Some((n, len)) = next else {
                return;
            };
            c = n;
            e += len;
        }
    }

    fn collect(&self, part: &str, lowered: &mut String, folded: &mut Vec<u8>, out: &mut Vec<u32>) {
        let hay = if part.is_ascii() {
            part
        } else {
            lowered.clear();
            // ASCII characters directly: `char::to_lowercase` returns its up to three chars
            // through memory, and most characters of a mixed window are ASCII.
            for c in part.chars() {
                if c.is_ascii() {
                    lowered.push(c.to_ascii_lowercase());
                } else {
                    lowered.extend(c.lower());
                }
            }
            lowered.as_str()
        };
        fold(hay, folded);
        self.each_word(hay, 0, hay.len(), hay.len(), folded, |_, _, id| {
            if !out.contains(&id) {
                out.push(id);
            }
        });
    }
}

/// A letter or digit: words must not continue into one.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char at byte `i` (a char boundary) and its length.
#[inline]
fn char_at(hay: &str, i: usize) -> (char, usize) {
    let b = hay.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = hay[i..]
            .chars()
            .next()
            .expect("a char boundary inside the text");
        (c, c.len_utf8())
    }
}

/// `part` with ASCII letters lower-cased, into `out`: the lexicon's words are lower-case, and
/// ASCII case is folded in place so offsets stay those of the text.
fn fold(part: &str, out: &mut Vec<u8>) {
    out.clear();
    out.extend(part.bytes().map(|b| b.to_ascii_lowercase()));
}

/// The window around a candidate: `BEFORE` characters before it and `AFTER` after it.
fn window_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    // ASCII around the candidate (nearly always): characters are bytes.
    let back = start.saturating_sub(BEFORE);
    let from = if bytes[back..start].is_ascii() {
        back
    } else {
        text[..start]
            .char_indices()
            .rev()
            .nth(BEFORE - 1)
            .map_or(0, |(i, _)| i)
    };
    let ahead = (end + AFTER).min(text.len());
    let to = if bytes[end..ahead].is_ascii() {
        ahead
    } else {
        text[end..]
            .char_indices()
            .nth(AFTER)
            .map_or(text.len(), |(i, _)| end + i)
    };
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{words, RuleDef, Words};

    /// True when `word` is found as a whole word anywhere in `text` (the window of an empty
    /// candidate at the end of `text`).
    fn found(text: &str, word: &'static str) -> bool {
        let def = RuleDef {
            context: Words::lines(Box::leak(format!("{word}\n").into_boxed_str())),
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
            context: words!["phone", "ssn", "mail"],
            anti_context: words!["order"],
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
            context: words!["phone", "tel.", "mail", "date of birth", "id"],
            anti_context: words!["order", "ref"],
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
            context: words!["phone", "tel.", "date of birth", "id", "kennwort"],
            anti_context: words!["order", "ref"],
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

/// The word finder against the Aho-Corasick search it replaced (every occurrence of every word,
/// ASCII case folded, kept when whole), on text made of the catalog's own words mangled.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod reference {
    use super::*;
    use crate::rules::catalog;
    use aho_corasick::AhoCorasick;

    fn automaton_words(
        ac: &AhoCorasick,
        lex: &Lexicon,
        hay: &str,
        lo: usize,
        hi: usize,
    ) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(&hay[lo..hi]) {
            let (s, e, id) = (lo + m.start(), lo + m.end(), m.pattern().as_u32());
            let open_end = lex.words[id as usize]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_alphanumeric());
            let before_ok = hay[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = open_end || hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                out.push((s, e, id));
            }
        }
        out.sort_unstable();
        out
    }

    fn table_words(lex: &Lexicon, hay: &str, lo: usize, hi: usize) -> Vec<(usize, usize, u32)> {
        let mut folded = Vec::new();
        fold(&hay[lo..hi], &mut folded);
        let mut out = Vec::new();
        lex.each_word(hay, lo, hi, hi, &folded, |s, e, id| out.push((s, e, id)));
        out.sort_unstable();
        out
    }

    /// The table holds exactly the keys and entries of the two hash maps it replaced (words
    /// interned in the order the rules list them, then each word and each prefix ending where
    /// a text word can end), for the whole catalog and for the catalog's rules one by one.
    #[test]
    fn table_holds_what_the_hash_maps_held() {
        use std::collections::HashMap;
        let all: Vec<Rule> = catalog().into_iter().map(Rule::from).collect();
        let mut sets: Vec<Vec<Rule>> = vec![all.clone()];
        sets.extend(all.iter().map(|r| vec![r.clone()]));
        for rules in &sets {
            let mut ids: HashMap<Arc<str>, u32> = HashMap::new();
            let mut words: Vec<Arc<str>> = Vec::new();
            for r in rules {
                for w in r.context.iter().chain(r.anti_context.iter()) {
                    if w.is_empty() {
                        continue;
                    }
                    let w: Arc<str> = w.lower().into();
                    ids.entry(w.clone()).or_insert_with(|| {
                        words.push(w);
                        (words.len() - 1) as u32
                    });
                }
            }
            let mut want: HashMap<Vec<u8>, (Option<u32>, bool)> = HashMap::new();
            for (id, w) in words.iter().enumerate() {
                let mut prev: Option<char> = None;
                for (i, c) in w.char_indices() {
                    if prev.is_some_and(|p| !is_word_char(p) || !is_word_char(c)) {
                        want.entry(w.as_bytes()[..i].to_vec()).or_default().1 = true;
                    }
                    prev = Some(c);
                }
                want.entry(w.as_bytes().to_vec()).or_default().0 = Some(id as u32);
            }
            let (lex, _) = Lexicon::build(rules);
            assert_eq!(lex.words, words);
            assert_eq!(lex.table.keys.len(), want.len());
            for (key, &(word, longer)) in &want {
                let e = lex.table.get(key).expect("every key is in the table");
                assert_eq!(
                    (e.word, e.longer),
                    (word, longer),
                    "{:?}",
                    String::from_utf8_lossy(key)
                );
                // A key one byte longer or shorter is no key unless the maps held it.
                for other in [
                    [key.as_slice(), b"x"].concat(),
                    key[..key.len() - 1].to_vec(),
                ] {
                    assert_eq!(lex.table.get(&other).is_some(), want.contains_key(&other));
                }
            }
        }
    }

    #[test]
    fn table_finds_what_the_automaton_found() {
        let rules: Vec<Rule> = catalog().into_iter().map(Rule::from).collect();
        let (lex, _) = Lexicon::build(&rules);
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(lex.words.iter().map(|w| w.as_bytes()))
            .unwrap();
        let glue = [
            " ", "  ", ": ", ".", "-", "", "\n", "é", "É", "ß", "😀", "x", "7", "(", "#", "/",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut total = 0;
        for round in 0..400 {
            let mut hay = String::new();
            for _ in 0..40 {
                let r = next();
                let w = &lex.words[(r % lex.words.len() as u64) as usize];
                let piece: String = match (r >> 20) % 6 {
                    // Whole, upper-cased, capitalised, cut short, or a bit of glue only.
                    0 | 1 => w.to_string(),
                    2 => w.to_uppercase(),
                    3 => w.to_ascii_uppercase(),
                    4 => w.chars().take(w.chars().count().div_ceil(2)).collect(),
                    _ => String::new(),
                };
                hay.push_str(&piece);
                hay.push_str(glue[((r >> 40) % glue.len() as u64) as usize]);
            }
            let bounds: Vec<usize> = (0..=hay.len())
                .filter(|&i| hay.is_char_boundary(i))
                .collect();
            let mut lo = bounds[(next() % bounds.len() as u64) as usize];
            let mut hi = bounds[(next() % bounds.len() as u64) as usize];
            if round % 4 == 0 {
                (lo, hi) = (0, hay.len());
            }
            if lo > hi {
                std::mem::swap(&mut lo, &mut hi);
            }
            let want = automaton_words(&ac, &lex, &hay, lo, hi);
            total += want.len();
            assert_eq!(table_words(&lex, &hay, lo, hi), want, "round {round}");
        }
        assert!(total > 2000, "the generated text holds words: {total}");
    }
}
