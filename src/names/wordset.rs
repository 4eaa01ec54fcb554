//! Constant-time membership of a word in one of the cue lists ([`super::Ctx::word_in`]).
//!
//! The cue rules name their lists as plain `&[&str]` constants next to the rule that reads
//! them, and a list may hold hundreds of words. Comparing a token with each word cost more
//! than the rest of a person or place test, so each list gets a hash table made the first time
//! it is asked (from the list itself: a word added to the declaration is in the table), kept
//! for the life of the program and found again by the list's address and length. A list is
//! `'static`, so its address names its words for good.

use std::cell::Cell;
use std::sync::Mutex;

/// The words of one list, in two key spaces: an ASCII token is compared with the ASCII words
/// ignoring ASCII case; a token with other letters is lower-cased first
/// ([`super::tokenize::lower_into`]) and compared with the words exactly.
pub(crate) struct WordSet {
    /// `(start, len, spaces, hash)` of each key in `bytes`; `spaces` has [`ASCII`] and/or
    /// [`EXACT`], `hash` is the key's [`fold`] without its two flag bits.
    keys: Vec<(u32, u8, u8, u32)>,
    bytes: Vec<u8>,
    /// Open addressing over `keys`: index + 1, 0 for an empty slot.
    slots: Vec<u32>,
    /// For a list of phrases ([`phrases_ending_in`]): per key, the phrases whose last word it
    /// is, in list order; and the phrases whose last word is one punctuation mark.
    phrases: Vec<Vec<u16>>,
    punct_phrases: Vec<(char, Vec<u16>)>,
}

/// The key is an ASCII word in ASCII lower case, for ASCII tokens.
const ASCII: u8 = 1;
/// The key is a word as listed, for lower-cased tokens with other letters.
const EXACT: u8 = 2;

/// The hash of `b` with its ASCII letters in lower case (identical for the two key spaces,
/// whose keys are lower case).
#[inline]
fn hash(b: &[u8]) -> u32 {
    hash_and_bytes(b).0
}

/// [`hash`], and every byte of `b` or-ed together (its high bit tells a non-ASCII word): one
/// pass, eight bytes at a time, the last ones gathered without a copy of variable length.
#[inline]
fn hash_and_bytes(b: &[u8]) -> (u32, u64) {
    // ASCII lower case of eight bytes at once: set bit 5 of the bytes in `A..=Z` (other bytes
    // of an ASCII word are left alone; a non-ASCII word gets some hash, the same one for the
    // same bytes).
    let mix = |h: u64, x: u64| {
        let upper = (x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f) ^ x.wrapping_add(0x2525_2525_2525_2525))
            & !x
            & 0x8080_8080_8080_8080;
        let h = (h ^ (x | (upper >> 2))).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 29)
    };
    let mut h = (b.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut all = 0u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        all |= x;
        h = mix(h, x);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let x = rest
            .iter()
            .enumerate()
            .fold(0u64, |x, (k, &v)| x | (u64::from(v) << (8 * k)));
        all |= x;
        h = mix(h, x);
    }
    ((h >> 32) as u32 & !FLAGS, all)
}

/// A token's key for [`contains`], made once per token: [`UNKNOWN`] before, [`NO_KEY`] for a
/// word that cannot be lower-cased in 64 bytes (in no list), else the hash of its lower-cased
/// form with [`KEYED`] and, for an ASCII word, [`ASCII_WORD`].
pub(crate) const UNKNOWN: u32 = 0;
const NO_KEY: u32 = 1;
const KEYED: u32 = 2;
const ASCII_WORD: u32 = 1;
const FLAGS: u32 = 3;

/// The hash of the lower-cased word whose key is `key` (`None` for a word without one): the
/// same as [`word_hash`] of that lower-cased word.
#[inline]
pub(crate) fn key_hash(key: u32) -> Option<u32> {
    (key & KEYED != 0).then_some(key & !FLAGS)
}

/// The hash [`key_hash`] gives a token whose lower-cased form is `word`.
pub(crate) fn word_hash(word: &[u8]) -> u32 {
    hash(word)
}

/// The word whose key is `key` is ASCII (its [`fold`] tells without reading the word).
#[inline]
pub(crate) fn ascii_key(key: u32) -> bool {
    key & (KEYED | ASCII_WORD) == KEYED | ASCII_WORD
}

/// The key of the word `s` (see [`UNKNOWN`]).
pub(crate) fn fold(s: &str) -> u32 {
    let (h, all) = hash_and_bytes(s.as_bytes());
    if all & 0x8080_8080_8080_8080 == 0 {
        return h | KEYED | ASCII_WORD;
    }
    let mut buf = [0u8; 64];
    super::tokenize::lower_into(s, &mut buf).map_or(NO_KEY, |l| hash(l) | KEYED)
}

impl WordSet {
    /// The table of `words`, or of one word of each phrase of `words` ([`Part`]), each key
    /// naming the phrases it ends or starts.
    fn new(words: &[&str], part: Part) -> WordSet {
        let mut set = WordSet {
            keys: Vec::new(),
            bytes: Vec::new(),
            slots: vec![0; (words.len() * 4).next_power_of_two().max(8)],
            phrases: Vec::new(),
            punct_phrases: Vec::new(),
        };
        if part == Part::LastByte {
            // And at 256 the empty endings, which are all an empty word can end with.
            set.phrases = vec![Vec::new(); 257];
            for (id, w) in words.iter().enumerate() {
                let id = u16::try_from(id).expect("lists hold fewer than 65,536 entries");
                match w.as_bytes().last() {
                    Some(&b) => set.phrases[usize::from(b)].push(id),
                    // An empty ending ends every word.
                    None => set.phrases.iter_mut().for_each(|p| p.push(id)),
                }
            }
            return set;
        }
        for (id, w) in words.iter().enumerate() {
            let id = u16::try_from(id).expect("lists hold fewer than 65,536 entries");
            let w = if part != Part::Whole {
                // As [`super::Ctx::phrase_ends_at`] and [`super::Ctx::phrase_starts_at`]
                // split and match a phrase's words.
                let word = if part == Part::Last {
                    w.rsplit(' ').next().unwrap_or(w)
                } else {
                    w.split(' ').next().unwrap_or(w)
                };
                let mut cs = word.chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    if !c.is_alphanumeric() {
                        match set.punct_phrases.iter_mut().find(|(m, _)| *m == c) {
                            Some((_, ids)) => ids.push(id),
                            None => set.punct_phrases.push((c, vec![id])),
                        }
                        continue;
                    }
                }
                word
            } else {
                w
            };
            if w.is_ascii() {
                let low = w.to_ascii_lowercase();
                if low == *w {
                    set.add(w.as_bytes(), ASCII | EXACT, id);
                } else {
                    set.add(low.as_bytes(), ASCII, id);
                    set.add(w.as_bytes(), EXACT, id);
                }
            } else {
                set.add(w.as_bytes(), EXACT, id);
            }
        }
        if part == Part::Whole {
            set.phrases = Vec::new();
        }
        set
    }

    fn add(&mut self, key: &[u8], space: u8, id: u16) {
        if key.len() > usize::from(u8::MAX) {
            // No token compared through a table is this long (see `contains`).
            return;
        }
        let mask = self.slots.len() - 1;
        let h = hash(key);
        let mut s = (h >> 2) as usize & mask;
        loop {
            match self.slots[s] {
                0 => break,
                k => {
                    let (a, n, sp, _) = &mut self.keys[k as usize - 1];
                    if &self.bytes[*a as usize..*a as usize + usize::from(*n)] == key {
                        *sp |= space;
                        if self.phrases[k as usize - 1].last() != Some(&id) {
                            self.phrases[k as usize - 1].push(id);
                        }
                        return;
                    }
                }
            }
            s = (s + 1) & mask;
        }
        self.keys
            .push((self.bytes.len() as u32, key.len() as u8, space, h));
        self.bytes.extend_from_slice(key);
        self.slots[s] = self.keys.len() as u32;
        self.phrases.push(vec![id]);
    }

    /// A key with hash `h` in key space `space` for which `same` holds (given the key's
    /// bytes).
    #[inline]
    fn find(&self, h: u32, space: u8, same: impl Fn(&[u8]) -> bool) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut s = (h >> 2) as usize & mask;
        loop {
            match self.slots[s] {
                0 => return None,
                k => {
                    let (a, n, sp, kh) = self.keys[k as usize - 1];
                    if kh == h
                        && sp & space != 0
                        && same(&self.bytes[a as usize..a as usize + usize::from(n)])
                    {
                        return Some(k as usize - 1);
                    }
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// The key the word `s` (whose [`fold`] is `key`) matches. The word's bytes are read
    /// only when a key's hash matches: the text is rarely in the cache when a rule asks.
    #[inline]
    fn find_word(&self, s: &[u8], key: u32) -> Option<usize> {
        if key & KEYED == 0 {
            return None;
        }
        let h = key & !FLAGS;
        if key & ASCII_WORD != 0 {
            return self.find(h, ASCII, |k| k.eq_ignore_ascii_case(s));
        }
        self.find(h, EXACT, |k| {
            let mut buf = [0u8; 64];
            std::str::from_utf8(s)
                .ok()
                .and_then(|s| super::tokenize::lower_into(s, &mut buf))
                == Some(k)
        })
    }
}

/// Tables made so far, by list address and length (shared by every thread).
static SETS: Mutex<Vec<(usize, usize, Part, &'static WordSet)>> = Mutex::new(Vec::new());

/// What a table holds of each entry of its list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The whole entry: a word list.
    Whole = 0,
    /// The last word of a phrase.
    Last = 1,
    /// The first word of a phrase.
    First = 2,
    /// The last byte of a word ending: [`WordSet::phrases`] holds, for each byte, the
    /// endings that end with it (an empty ending under every byte).
    LastByte = 3,
}

/// A direct-mapped cache in front of [`SETS`], per thread: a call site finds its list's
/// table without a lock. The list's address and length; the address's two lowest bits hold
/// the [`Part`] (a list of `&str` is aligned to four bytes at least).
type Slot = (usize, usize, Option<&'static WordSet>);
const CACHE: usize = 512;

thread_local! {
    static RECENT: [Cell<Slot>; CACHE] = const { [const { Cell::new((0, 0, None)) }; CACHE] };
}

/// The table of `words`, made on first use.
#[cold]
#[inline(never)]
fn made(words: &'static [&'static str], part: Part) -> &'static WordSet {
    let key = (words.as_ptr() as usize, words.len(), part);
    let mut sets = SETS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(&(_, _, _, set)) = sets.iter().find(|(p, n, f, _)| (*p, *n, *f) == key) {
        return set;
    }
    // Leaked on purpose: one table per list of the program, alive as long as the list.
    let set: &'static WordSet = Box::leak(Box::new(WordSet::new(words, part)));
    sets.push((key.0, key.1, key.2, set));
    set
}

/// The table of `part` of each entry of `words`.
#[inline]
fn set_of(words: &'static [&'static str], part: Part) -> &'static WordSet {
    let (p, n) = (words.as_ptr() as usize | part as usize, words.len());
    // Lists lie side by side in the binary: a multiply spreads their addresses over the
    // slots (the shifts and xors before left clusters of lists in a few slots).
    let at = ((p ^ n.rotate_left(20)) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) as usize
        >> (usize::BITS - CACHE.trailing_zeros());
    // Two ways: two lists that share a slot and that a run asks in turn took the lock on
    // every ask (about 1% of the asks on prose, 5% of the look-ups' instructions).
    RECENT.with(|r| {
        for k in [at, at ^ 1] {
            if let (q, m, Some(set)) = r[k].get() {
                if (q, m) == (p, n) {
                    return set;
                }
            }
        }
        let set = made(words, part);
        r[at ^ 1].set(r[at].get());
        r[at].set((p, n, Some(set)));
        set
    })
}

/// The phrases of `list` (by index, in list order) whose last (or first: `part`) word may be
/// the token `s` (a word, number or mark; `key` its [`fold`], `punct` the mark of a
/// punctuation token): every phrase that ends (starts) with it, and perhaps a few more
/// ([`super::Ctx::phrase_ends_at`] and [`super::Ctx::phrase_starts_at`] decide).
#[inline]
pub(crate) fn phrases_with(
    list: &'static [&'static str],
    part: Part,
    s: &[u8],
    key: u32,
    punct: Option<char>,
) -> &'static [u16] {
    let set = set_of(list, part);
    if let Some(c) = punct {
        // Few phrases end in a mark: a short list of marks.
        return set
            .punct_phrases
            .iter()
            .find(|(m, _)| *m == c)
            .map_or(&[], |(_, ids)| ids);
    }
    set.find_word(s, key).map_or(&[], |k| &set.phrases[k])
}

/// The endings of `list` that `word` may end with, in list order: those with its last byte
/// (the caller still compares the rest).
#[inline]
pub(crate) fn endings_of(
    list: &'static [&'static str],
    word: &[u8],
) -> impl Iterator<Item = &'static &'static str> {
    let at = word.last().map_or(256, |&b| usize::from(b));
    let ids: &'static [u16] = &set_of(list, Part::LastByte).phrases[at];
    ids.iter().map(move |&k| &list[usize::from(k)])
}

/// The word `s`, whose key [`fold`] made, equals a word of `words`: ignoring ASCII case for
/// an ASCII word, else lower-cased ([`super::tokenize::lower_into`]) and then exactly.
#[inline]
pub(crate) fn contains_word(words: &'static [&'static str], s: &[u8], key: u32) -> bool {
    key & KEYED != 0 && set_of(words, Part::Whole).find_word(s, key).is_some()
}

/// Entries of [`Answers`]: a power of two (64 KiB of 16-byte entries).
const ANSWER_SLOTS: usize = 1 << 12;

/// Answers of [`super::Ctx::word_in`] already given in this scan, by word and list.
///
/// The rules around a capitalised word ask its neighbours about the same lists again and
/// again (a cue list from several rules, the same word in every sentence of a text): each ask
/// of a table found the list's table, probed it and compared the word's bytes, which are
/// seldom in the cache when a rule asks. A remembered answer costs one load. Words are named
/// by the look-up memo's word ids (`lookup::Memo`): one id is one byte string, ids are never
/// reused within a run of scans, and a word without an id (longer than sixteen bytes) is not
/// remembered. So an answer is always the one the table gives. Direct-mapped: a clash
/// overwrites.
#[derive(Debug, Default)]
pub(crate) struct Answers {
    /// The word id of each token (0: none).
    pub ids: Vec<u32>,
    slots: Vec<Answer>,
    /// Answers of [`phrases_with`] by word, list and part, the same way. Not in the first
    /// module (`crate::FIRST_MODULE`, issue 20's size budget: even the unused field cost
    /// bytes there), where [`Answers::phrases`] asks the table every time.
    #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
    phrase_slots: Vec<PhraseAnswer>,
}

/// One remembered answer: `(list, id, answer)`, the list's address with its length in the
/// top 16 bits.
type Answer = Cell<(u64, u32, bool)>;

/// One remembered answer of [`phrases_with`]: `(list and part, id, phrases)`.
#[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
type PhraseAnswer = Cell<(u64, u32, &'static [u16])>;

/// Entries of [`Answers`]' phrase table: a power of two (64 KiB of 32-byte entries).
#[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
const PHRASE_SLOTS: usize = 1 << 11;

impl Answers {
    /// Makes the table on first use; forgets every answer when `forget` (the word ids
    /// started again from 1).
    pub(crate) fn prepare(&mut self, forget: bool) {
        if self.slots.len() != ANSWER_SLOTS {
            self.slots = vec![Cell::new((0, 0, false)); ANSWER_SLOTS];
        } else if forget {
            self.slots.fill(Cell::new((0, 0, false)));
        }
        #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
        if self.phrase_slots.len() != PHRASE_SLOTS {
            self.phrase_slots = vec![Cell::new((0, 0, &[])); PHRASE_SLOTS];
        } else if forget {
            self.phrase_slots.fill(Cell::new((0, 0, &[])));
        }
    }

    /// The list's tag and the slot of word `id` in it.
    #[inline]
    fn slot(&self, id: u32, words: &'static [&'static str]) -> Option<(u64, &Answer)> {
        // Addresses have at most 48 bits on 64-bit targets and 32 on wasm32; lists hold
        // fewer than 65,536 words (`WordSet::new`): the tag names one list.
        let list = (words.as_ptr() as u64) | ((words.len() as u64) << 48);
        let h = (u64::from(id).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ list)
            .wrapping_mul(0xff51_afd7_ed55_8ccd);
        let at = (h >> (64 - ANSWER_SLOTS.trailing_zeros())) as usize;
        Some((list, self.slots.get(at)?))
    }

    /// Whether token `i` is in `words`, as `look` finds it, remembered for the token's word.
    #[inline]
    pub(crate) fn word_in(
        &self,
        i: usize,
        words: &'static [&'static str],
        look: impl FnOnce() -> bool,
    ) -> bool {
        let id = self.ids.get(i).copied().unwrap_or(0);
        if id == 0 {
            return look();
        }
        let Some((list, slot)) = self.slot(id, words) else {
            return look();
        };
        let (l, k, answer) = slot.get();
        if k == id && l == list {
            return answer;
        }
        let answer = look();
        slot.set((list, id, answer));
        answer
    }

    /// The phrases of `list` whose `part` word token `i` may be, as `look` finds them
    /// ([`phrases_with`]), remembered for the token's word: the rules around a capitalised
    /// word ask the same phrase lists of the same few words again and again, and each ask
    /// found the list's table (a per-thread cache probe) and probed it.
    #[inline]
    #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
    pub(crate) fn phrases(
        &self,
        i: usize,
        list: &'static [&'static str],
        part: Part,
        look: impl FnOnce() -> &'static [u16],
    ) -> &'static [u16] {
        let id = self.ids.get(i).copied().unwrap_or(0);
        if id == 0 {
            return look();
        }
        // The part in the address's two lowest bits, as `set_of` keys its cache (a list of
        // `&str` is aligned to four bytes at least).
        let tag = (list.as_ptr() as u64 | part as u64) | ((list.len() as u64) << 48);
        let h = (u64::from(id).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ tag)
            .wrapping_mul(0xff51_afd7_ed55_8ccd);
        let at = (h >> (64 - PHRASE_SLOTS.trailing_zeros())) as usize;
        let Some(slot) = self.phrase_slots.get(at) else {
            return look();
        };
        let (l, k, phrases) = slot.get();
        if k == id && l == tag {
            return phrases;
        }
        let phrases = look();
        slot.set((tag, id, phrases));
        phrases
    }

    /// [`Answers::phrases`] in the first module: the table, asked every time.
    #[inline]
    #[cfg(all(target_arch = "wasm32", feature = "scanner"))]
    pub(crate) fn phrases(
        &self,
        _: usize,
        _: &'static [&'static str],
        _: Part,
        look: impl FnOnce() -> &'static [u16],
    ) -> &'static [u16] {
        look()
    }
}

/// `word` is one of `words`, byte for byte.
pub(crate) fn contains(words: &'static [&'static str], word: &[u8]) -> bool {
    set_of(words, Part::Whole)
        .find(hash(word), EXACT, |k| k == word)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &[
        "in", "near", "Nach", "aus", "à", "em", "w", "we", "naar", "uit", "straße", "don't",
    ];

    #[test]
    fn agrees_with_a_linear_scan() {
        let words = [
            "in", "IN", "In", "near", "NEAR", "nach", "NACH", "aus", "à", "À", "em", "w", "W",
            "we", "naar", "uit", "straße", "STRASSE", "Straße", "don't", "DON'T", "don’t", "inn",
            "ne", "", "xyz", "nachx",
        ];
        for w in words {
            let linear = if w.is_ascii() {
                LIST.iter().any(|l| w.eq_ignore_ascii_case(l))
            } else {
                let mut buf = [0u8; 64];
                let low = crate::names::tokenize::lower_into(w, &mut buf);
                LIST.iter().any(|l| low == Some(l.as_bytes()))
            };
            assert_eq!(contains_word(LIST, w.as_bytes(), fold(w)), linear, "{w}");
        }
        // A capital in a listed word matches ASCII tokens in any case, and non-ASCII tokens
        // only as listed (they are lower-cased before the comparison).
        assert!(contains_word(LIST, b"nAcH", fold("nAcH")));
        assert!(contains(LIST, "Nach".as_bytes()));
        assert!(!contains(LIST, "nach".as_bytes()));
        assert!(!contains_word(LIST, b"x", NO_KEY));
    }

    /// Phrases ending in marks, words in several cases, a non-ASCII word and a repeated
    /// last word.
    const PHRASES: &[&str] = &[
        "my name is",
        "name :",
        "Name",
        "ich heiße",
        "je m'appelle",
        "is",
        "it is",
        "thanks ,",
        "a",
        "...",
        "STRASSE",
    ];

    /// [`super::super::Ctx::word_in`] answers as the table does, asked once or many times,
    /// for words with and without a word id, in lists of every size, over two scans of
    /// different texts that share the answers (the second scan's ids are new) and after the
    /// ids started again.
    #[test]
    #[cfg(feature = "embedded-gazetteer")]
    fn remembered_answers_are_the_tables() {
        use crate::names::lexicon::{PLACE_CUES, TITLES};
        use crate::names::lookup::Lookups;
        use crate::names::tokenize::Kind;
        let g = crate::names::Gazetteer::embedded();
        let lists: [&'static [&'static str]; 5] = [LIST, PLACE_CUES, TITLES, &["in"], &["w", "we"]];
        let texts = [
            "Dr Anna in Paris, in IN naar Naar STRASSE straße Straße don't DON'T don’t w we \
             Verylongwordmorethansixteen mr Mr MR à À",
            "Mr Smith went to Berlin near Nach aus AUS em ne xyz inn Straße Dr. dr w",
        ];
        let mut look = Lookups::default();
        for round in 0..3 {
            for text in texts {
                if round == 2 {
                    // The ids start again from 1 at this scan.
                    look.run_out_of_ids();
                }
                let mut toks = Vec::new();
                crate::names::tokenize::tokenize(text, &mut toks);
                let roles = crate::names::lexicon::roles();
                crate::names::lookup::fill(text, &toks, &g, roles, &mut look);
                let n = toks.len();
                let ctx = crate::names::Ctx::bare(text, toks, std::mem::take(&mut look.answers));
                // Asked twice: the second answers come from memory.
                for _ in 0..2 {
                    for i in 0..n {
                        let t = &ctx.toks[i];
                        let s = t.text(text);
                        let word = matches!(t.kind, Kind::Word | Kind::Alnum);
                        for l in lists {
                            let want = word && contains_word(l, s.as_bytes(), fold(s));
                            assert_eq!(ctx.word_in(i, l), want, "{s} in {l:?}");
                        }
                    }
                }
                look.answers = ctx.answers;
            }
        }
    }

    #[test]
    fn phrases_at_a_token_agree_with_trying_every_phrase() {
        use crate::names::lexicon::{LABELS, NAME_CUES, SIGN_OFFS, STRONG_CUES};
        let text = "Hi, my name is Anna. Name: Bob\nich heiße Zoë, je m'appelle Luc ... it                     IS a STRASSE straße Strasse; thanks, Ana. Kind regards,\nBest wishes\n\
                    Account holder: X, Patient name Y; NAME : z ÉTÉ 12 Ärztin";
        let mut toks = Vec::new();
        crate::names::tokenize::tokenize(text, &mut toks);
        let n = toks.len();
        let ctx = crate::names::Ctx::bare(text, toks, Answers::default());
        let lists: [&'static [&'static str]; 8] = [
            PHRASES,
            LABELS,
            NAME_CUES,
            SIGN_OFFS,
            STRONG_CUES,
            crate::names::lexicon::SPEECH_BEFORE,
            crate::names::lexicon::SPEECH_AFTER,
            crate::names::address::PO_BOXES,
        ];
        let mut found = 0;
        for list in lists {
            for end in 0..n + 1 {
                let every: Vec<usize> = list
                    .iter()
                    .filter_map(|p| ctx.phrase_ends_at(end, p))
                    .collect();
                let indexed: Vec<usize> = ctx.phrases_ending_at(end, list).collect();
                assert_eq!(indexed, every, "token {end}");
                found += every.len();
                let every: Vec<(&str, usize)> = list
                    .iter()
                    .filter_map(|p| Some((*p, ctx.phrase_starts_at(end, p)?)))
                    .collect();
                let indexed: Vec<(&str, usize)> = ctx.phrases_starting_at(end, list).collect();
                assert_eq!(indexed, every, "token {end}");
                found += every.len();
            }
        }
        assert!(found >= 12, "{found}");
    }

    /// The phrases at a token come out the same when the word's answer is remembered
    /// ([`Answers::phrases`]): asked twice, for the last and the first word of each list,
    /// over two scans that share the answers and after the ids started again.
    #[test]
    #[cfg(feature = "embedded-gazetteer")]
    fn remembered_phrases_are_the_tables() {
        use crate::names::lexicon::{LABELS, NAME_CUES, SIGN_OFFS, STRONG_CUES};
        use crate::names::lookup::Lookups;
        let g = crate::names::Gazetteer::embedded();
        let lists: [&'static [&'static str]; 6] = [
            PHRASES,
            LABELS,
            NAME_CUES,
            SIGN_OFFS,
            STRONG_CUES,
            crate::names::address::PO_BOXES,
        ];
        let texts = [
            "Hi, my name is Anna. Name: Bob\nich heiße Zoë, je m'appelle Luc ... it IS a \
             STRASSE straße Strasse; thanks, Ana. Kind regards,\nBest wishes\nP.O. Box 12",
            "Account holder: X, Patient name Y; NAME : z ÉTÉ 12 Ärztin. My name is Eve, \
             regards, Max\nPO Box 7, it is",
        ];
        let mut look = Lookups::default();
        let mut remembered = 0;
        for round in 0..3 {
            for text in texts {
                if round == 2 {
                    look.run_out_of_ids();
                }
                let mut toks = Vec::new();
                crate::names::tokenize::tokenize(text, &mut toks);
                let roles = crate::names::lexicon::roles();
                crate::names::lookup::fill(text, &toks, &g, roles, &mut look);
                let n = toks.len();
                let ctx = crate::names::Ctx::bare(text, toks, std::mem::take(&mut look.answers));
                remembered += ctx.answers.ids.iter().filter(|&&id| id != 0).count();
                for _ in 0..2 {
                    for list in lists {
                        for end in 0..n + 1 {
                            let every: Vec<usize> = list
                                .iter()
                                .filter_map(|p| ctx.phrase_ends_at(end, p))
                                .collect();
                            let indexed: Vec<usize> = ctx.phrases_ending_at(end, list).collect();
                            assert_eq!(indexed, every, "token {end}");
                            let every: Vec<(&str, usize)> = list
                                .iter()
                                .filter_map(|p| Some((*p, ctx.phrase_starts_at(end, p)?)))
                                .collect();
                            let indexed: Vec<(&str, usize)> =
                                ctx.phrases_starting_at(end, list).collect();
                            assert_eq!(indexed, every, "token {end}");
                        }
                    }
                }
                look.answers = ctx.answers;
            }
        }
        // The words had ids: the answers were remembered, not only looked up.
        assert!(remembered > 50, "{remembered}");
    }

    #[test]
    fn endings_of_a_word_are_those_with_its_last_byte_in_order() {
        const ENDINGS: &[&str] = &["straße", "str", "weg", "", "ring", "berg", "ße", "g"];
        for w in ["hauptstraße", "hauptstr", "ringweg", "x", "", "königsberg"] {
            let want: Vec<&str> = ENDINGS
                .iter()
                .copied()
                .filter(|e| w.as_bytes().ends_with(e.as_bytes()))
                .collect();
            let got: Vec<&str> = endings_of(ENDINGS, w.as_bytes())
                .copied()
                .filter(|e| w.as_bytes().ends_with(e.as_bytes()))
                .collect();
            assert_eq!(got, want, "{w}");
        }
    }

    #[test]
    fn the_hash_ignores_ascii_case_only() {
        for b in 0u8..0x80 {
            let lower = b.to_ascii_lowercase();
            assert_eq!(hash(&[b; 11]), hash(&[lower; 11]), "{b}");
            assert_eq!(hash(&[b; 11]) & FLAGS, 0);
            if b.is_ascii_lowercase() {
                // Bit 5 is set only on upper-case letters: `@`, `[`, `` ` `` stay apart.
                let other = b ^ 0x20;
                assert_eq!(
                    hash(&[other; 11]) == hash(&[b; 11]),
                    other.is_ascii_uppercase()
                );
            }
        }
        assert_ne!(hash(b"@"), hash(b"`"));
        assert_ne!(hash(b"["), hash(b"{"));
    }
}
