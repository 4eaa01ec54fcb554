//! Constant-time membership of a word in one of the cue lists ([`super::Ctx::word_in`]).
//!
//! The cue rules name their lists as plain `&[&str]` constants next to the rule that reads
//! them, and a list may hold hundreds of words. Comparing a token with each word cost more
//! than the rest of a person or place test, so each list gets a hash table made the first time
//! it is asked (from the list itself: a word added to the declaration is in the table), kept
//! for the life of the program and found again by the list's address and length. A list is
//! `'static`, so its address names its words for good.

use std::cell::RefCell;
use std::sync::Mutex;

/// Lists of up to this many words are compared word by word: cheaper than hashing.
const LINEAR: usize = 6;

/// The words of one list, in two key spaces: an ASCII token is compared with the ASCII words
/// ignoring ASCII case; a token with other letters is lower-cased first
/// ([`super::tokenize::lower_into`]) and compared with the words exactly.
pub(crate) struct WordSet {
    /// `(start, len, spaces)` of each key in `bytes`; `spaces` has [`ASCII`] and/or [`EXACT`].
    keys: Vec<(u32, u8, u8)>,
    bytes: Vec<u8>,
    /// Open addressing over `keys`: index + 1, 0 for an empty slot.
    slots: Vec<u32>,
}

/// The key is an ASCII word in ASCII lower case, for ASCII tokens.
const ASCII: u8 = 1;
/// The key is a word as listed, for lower-cased tokens with other letters.
const EXACT: u8 = 2;

/// The hash of `b` with its ASCII letters in lower case (identical for the two key spaces,
/// whose keys are lower case).
#[inline]
fn hash(b: &[u8]) -> u64 {
    let mut h = (b.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for c in b.chunks(8) {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        // ASCII lower case of eight bytes at once: set bit 5 of the bytes in `A..=Z`.
        let x = u64::from_le_bytes(w);
        let upper = (x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f) ^ x.wrapping_add(0x2525_2525_2525_2525))
            & !x
            & 0x8080_8080_8080_8080;
        let x = x | (upper >> 2);
        h = (h ^ x).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 29;
    }
    h
}

impl WordSet {
    fn new(words: &[&str]) -> WordSet {
        let mut set = WordSet {
            keys: Vec::new(),
            bytes: Vec::new(),
            slots: vec![0; (words.len() * 4).next_power_of_two().max(8)],
        };
        for w in words {
            if w.is_ascii() {
                let low = w.to_ascii_lowercase();
                if low == *w {
                    set.add(w.as_bytes(), ASCII | EXACT);
                } else {
                    set.add(low.as_bytes(), ASCII);
                    set.add(w.as_bytes(), EXACT);
                }
            } else {
                set.add(w.as_bytes(), EXACT);
            }
        }
        set
    }

    fn add(&mut self, key: &[u8], space: u8) {
        if key.len() > usize::from(u8::MAX) {
            // No token compared through a table is this long (see `contains`).
            return;
        }
        let mask = self.slots.len() - 1;
        let mut s = hash(key) as usize & mask;
        loop {
            match self.slots[s] {
                0 => break,
                k => {
                    let (a, n, sp) = &mut self.keys[k as usize - 1];
                    if &self.bytes[*a as usize..*a as usize + usize::from(*n)] == key {
                        *sp |= space;
                        return;
                    }
                }
            }
            s = (s + 1) & mask;
        }
        self.keys
            .push((self.bytes.len() as u32, key.len() as u8, space));
        self.bytes.extend_from_slice(key);
        self.slots[s] = self.keys.len() as u32;
    }

    /// `word` is in the set: `ascii` tells which key space (ASCII case ignored, or exact).
    #[inline]
    fn contains(&self, word: &[u8], ascii: bool) -> bool {
        let mask = self.slots.len() - 1;
        let mut s = hash(word) as usize & mask;
        let space = if ascii { ASCII } else { EXACT };
        loop {
            match self.slots[s] {
                0 => return false,
                k => {
                    let (a, n, sp) = self.keys[k as usize - 1];
                    if sp & space != 0 && usize::from(n) == word.len() {
                        let key = &self.bytes[a as usize..a as usize + word.len()];
                        if (ascii && key.eq_ignore_ascii_case(word)) || (!ascii && key == word) {
                            return true;
                        }
                    }
                }
            }
            s = (s + 1) & mask;
        }
    }
}

/// Tables made so far, by list address and length (shared by every thread).
static SETS: Mutex<Vec<(usize, usize, &'static WordSet)>> = Mutex::new(Vec::new());

/// A direct-mapped cache in front of [`SETS`], per thread: a call site finds its list's
/// table without a lock.
type Slot = (usize, usize, Option<&'static WordSet>);
const CACHE: usize = 512;

thread_local! {
    static RECENT: RefCell<[Slot; CACHE]> = const { RefCell::new([(0, 0, None); CACHE]) };
}

/// The table of `words`, made on first use.
#[cold]
#[inline(never)]
fn made(words: &'static [&'static str]) -> &'static WordSet {
    let key = (words.as_ptr() as usize, words.len());
    let mut sets = SETS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(&(_, _, set)) = sets.iter().find(|(p, n, _)| (*p, *n) == key) {
        return set;
    }
    // Leaked on purpose: one table per list of the program, alive as long as the list.
    let set: &'static WordSet = Box::leak(Box::new(WordSet::new(words)));
    sets.push((key.0, key.1, set));
    set
}

/// The table of `words`.
#[inline]
fn set_of(words: &'static [&'static str]) -> &'static WordSet {
    let (p, n) = (words.as_ptr() as usize, words.len());
    let at = ((p >> 3) ^ (p >> 12) ^ n) % CACHE;
    RECENT.with(|r| {
        let slot = r.borrow()[at];
        if slot.0 == p && slot.1 == n {
            if let Some(set) = slot.2 {
                return set;
            }
        }
        let set = made(words);
        r.borrow_mut()[at] = (p, n, Some(set));
        set
    })
}

/// `word` (an ASCII word as typed, or a word lower-cased by
/// [`super::tokenize::lower_into`] when `ascii` is false) equals a word of `words`: ignoring
/// ASCII case for an ASCII word, exactly for the other.
#[inline]
pub(crate) fn contains(words: &'static [&'static str], word: &[u8], ascii: bool) -> bool {
    if words.len() <= LINEAR {
        return if ascii {
            words
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
        } else {
            words.iter().any(|w| word == w.as_bytes())
        };
    }
    set_of(words).contains(word, ascii)
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
            "we", "naar", "uit", "straße", "don't", "DON'T", "inn", "ne", "", "xyz", "nachx",
        ];
        for w in words {
            let ascii = w.is_ascii();
            let linear = if ascii {
                LIST.iter().any(|l| w.eq_ignore_ascii_case(l))
            } else {
                LIST.contains(&w)
            };
            assert_eq!(contains(LIST, w.as_bytes(), ascii), linear, "{w}");
        }
        // A capital in a listed word matches ASCII tokens in any case, and non-ASCII tokens
        // only as listed (they are lower-cased before the comparison).
        assert!(contains(LIST, b"nAcH", true));
        assert!(!contains(LIST, "nach".as_bytes(), false));
        assert!(contains(LIST, "Nach".as_bytes(), false));
    }

    #[test]
    fn the_hash_ignores_ascii_case_only() {
        for b in 0u8..0x80 {
            let lower = b.to_ascii_lowercase();
            assert_eq!(hash(&[b; 11]), hash(&[lower; 11]), "{b}");
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
