//! What the names pass learns about each token while the tokenizer makes it: gazetteer flags,
//! lexicon role bits, and which tokens each detector can start at.
//!
//! This runs as the tokenizer's [`Sink`], so it sits in the tokenizer's branch for words or
//! for punctuation and never tests a token's kind a second time. The candidate lists let each
//! detector visit only the tokens it can use instead of walking every token and leaving on a
//! hard-to-predict test: on ordinary prose nine tokens in ten are lower-case words or
//! punctuation that no detector starts at.

use super::gazetteer::{self, Gazetteer, FIRST, LAST};
use super::lexicon::{self, role};
use super::table;
use super::tokenize::{self, Case, Kind, Sink, Token};

/// Indices of the tokens one detector can start at, in text order.
///
/// Appending is branch-free: every token is written at the end and the length grows only when
/// the token qualifies, so which tokens qualify costs no branch prediction.
#[derive(Debug, Default)]
pub(crate) struct Picks {
    slots: Vec<u32>,
    len: usize,
}

impl Picks {
    /// Empties the list, keeping its memory.
    fn clear(&mut self) {
        self.len = 0;
    }

    /// Appends `i` when `keep` holds.
    #[inline]
    fn offer(&mut self, i: usize, keep: bool) {
        if self.len == self.slots.len() {
            // Rarely taken: the buffer doubles and is kept between scans.
            self.slots.resize((self.slots.len() * 2).max(1024), 0);
        }
        self.slots[self.len] = i as u32;
        self.len += usize::from(keep);
    }

    /// The picked token indices.
    pub(crate) fn as_slice(&self) -> &[u32] {
        &self.slots[..self.len]
    }
}

/// Per-token results: one entry per token in `flags` and `roles`, plus each detector's
/// candidates. Kept between scans (see `NamesPass::scan`).
#[derive(Debug, Default)]
pub(crate) struct Lookups {
    /// Gazetteer flags of each token (0 for non-words).
    pub flags: Vec<u8>,
    /// Lexicon role bits of each token ([`lexicon::role`]).
    pub roles: Vec<u32>,
    /// Tokens the address detector can start at: numbers, alphanumerics, capitalised words
    /// and words that begin a PO box or are a street type.
    pub address: Picks,
    /// Tokens the person detector can start at: capitalised words, one-letter or mixed-case
    /// words (initials), and lower-case words of two or more bytes that are names.
    pub person: Picks,
    /// Tokens that can begin a special-category statement.
    pub special: Picks,
}

impl Lookups {
    /// Empties every list, keeping their memory.
    pub(crate) fn clear(&mut self) {
        self.flags.clear();
        self.roles.clear();
        self.address.clear();
        self.person.clear();
        self.special.clear();
    }
}

/// The tokenizer's sink that fills [`Lookups`].
pub(crate) struct Filler<'a> {
    pub text: &'a str,
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a lexicon::Roles,
    pub out: &'a mut Lookups,
    /// Role bits of the previous word (commas and colons are skipped), for "my name is".
    pub prev_role: u32,
}

impl Filler<'_> {
    /// Records a token's flags and roles and offers it to each detector's list.
    #[inline]
    fn record(&mut self, i: usize, t: &Token, flags: u8, roles: u32) {
        self.out.flags.push(flags);
        self.out.roles.push(roles);
        let word = t.kind == Kind::Word;
        // The tests each detector's walk used to make on every token (see `find` there).
        let lower = word && t.case == Case::Lower;
        let address = t.kind != Kind::Punct
            && !(lower || (word && t.case == Case::Other))
            || roles & (role::PO_FIRST | role::PREFIX_TYPE) != 0;
        let person = word
            && (!lower || (t.len() >= 2 && flags & (FIRST | LAST) != 0));
        self.out.address.offer(i, address);
        self.out.person.offer(i, person);
        self.out.special.offer(i, roles & role::SPECIAL_FIRST != 0);
    }

    /// Flags and roles of a word, number or alphanumeric token.
    #[inline]
    fn look_up(&mut self, t: &Token) -> (u8, u32) {
        let text = self.text;
        if t.kind == Kind::Num {
            // Digits have no roles and are no names (fillers like "type 2" are checked on the
            // digits directly).
            self.prev_role = 0;
            return (0, 0);
        }
        let s = t.text(text);
        let mut buf = [0u8; 64];
        // Hash first (without copying for ASCII); lower-case into `buf` only when a filter
        // says the word may be in a table.
        let ascii_hash =
            table::hash_ascii_lower_at(text.as_bytes(), t.start as usize, t.end as usize);
        let ascii = ascii_hash.is_some();
        // Length of the lower-cased non-ASCII word left in `buf`.
        let mut lowered = 0;
        let h = match ascii_hash {
            Some(h) => h,
            None => match tokenize::lower_into(s, &mut buf) {
                Some(k) => {
                    lowered = k.len();
                    table::hash(k)
                }
                None => {
                    // Too long for any list: a word all the same, so it ends a cue.
                    self.prev_role = 0;
                    return (0, 0);
                }
            },
        };
        // Lower-case words of one or two letters are never looked up as names.
        let short = t.len() < 3 && t.case == Case::Lower;
        let cued = self.prev_role & role::STRONG_LAST != 0;
        // A lower-case word matters only as a plain first name (the second word of a
        // lower-case name is looked up by the person detector) or after "my name is".
        let skip = t.case == Case::Lower && !cued && !self.gazetteer.maybe_plain_first(h);
        let want_name = t.kind == Kind::Word && t.len() >= 2 && !short && !skip;
        let want_role = self.lexicon.maybe(h);
        let name_maybe = want_name && self.gazetteer.maybe(h);
        if !(want_role || name_maybe) {
            self.prev_role = 0;
            let f = if want_name && inner_mark(s, ascii) {
                hyphenated_flags(self.gazetteer, s)
            } else {
                0
            };
            return (f, 0);
        }
        let k = if ascii {
            let n = s.len().min(buf.len());
            for (d, c) in buf.iter_mut().zip(s.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            &buf[..n]
        } else {
            // Already lower-cased into `buf` above.
            &buf[..lowered]
        };
        if ascii && s.len() > 64 {
            // Too long for any list: a word all the same, so it ends a cue (whatever the
            // filters said above).
            self.prev_role = 0;
            return (0, 0);
        }
        let r = if want_role {
            self.lexicon.get_hashed(h, k)
        } else {
            0
        };
        self.prev_role = r;
        let mut f = 0;
        if want_name {
            f = self.gazetteer.flags_hashed(h, k);
            if f == 0 && inner_mark(s, ascii) {
                f = hyphenated_flags(self.gazetteer, s);
            }
        }
        (f, r)
    }
}

impl Sink for Filler<'_> {
    #[inline]
    fn word(&mut self, i: usize, t: &Token) {
        let (f, r) = self.look_up(t);
        self.record(i, t, f, r);
    }

    #[inline]
    fn punct(&mut self, i: usize, t: &Token) {
        // A comma or colon may sit inside a cue ("my name is: Anna"); any other mark ends it.
        if t.punct != ',' && t.punct != ':' {
            self.prev_role = 0;
        }
        self.record(i, t, 0, 0);
    }
}

/// The word holds a hyphen or apostrophe (straight or curly); ASCII words are tested bytewise.
fn inner_mark(s: &str, ascii: bool) -> bool {
    if ascii {
        s.bytes().any(|b| b == b'-' || b == b'\'')
    } else {
        s.contains(['-', '\'', '’'])
    }
}

/// Flags of `Hans-Peter`, `García-López` or a possessive `Rust's`: a possessive takes its
/// stem's flags; a compound is a name when every part of two or more letters is one
/// (`O'Brien`, `d'Angelo`: the one-letter part is a particle), and keeps every part's flags.
fn hyphenated_flags(g: &Gazetteer, s: &str) -> u8 {
    let mut buf = [0u8; 64];
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            return tokenize::lower_into(stem, &mut buf).map_or(0, |k| g.flags(k));
        }
    }
    let names = gazetteer::FIRST | gazetteer::LAST;
    let mut acc = 0;
    for part in s.split(['-', '\'', '’']) {
        if part.chars().count() < 2 {
            continue;
        }
        let f = tokenize::lower_into(part, &mut buf).map_or(0, |k| g.flags(k));
        if f & names == 0 {
            return 0;
        }
        acc |= f;
    }
    acc
}
