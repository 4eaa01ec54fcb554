//! What the names pass learns about each token in one loop after tokenizing: gazetteer
//! flags, lexicon role bits, and which tokens each detector can start at.
//!
//! The candidate lists let each detector visit only the tokens it can use instead of walking
//! every token and leaving on a hard-to-predict test: on ordinary prose most tokens are
//! lower-case words or punctuation that no detector starts at.

use super::gazetteer::{self, Gazetteer, FIRST, LAST, PLACE, WORD};
use super::lexicon::{self, role};
use super::table;
use super::tokenize::{self, Case, Kind, Token};

/// The tokens one detector can start at: a bit per token.
///
/// A bit set rather than a list of indices: the loop gathers 64 tokens' bits in a register
/// and stores one word, where appending indices made every store's address depend on the
/// test before it, which cost more than the tests themselves. Detectors visit the set bits in
/// order, skipping 64 uninteresting tokens with one test.
#[derive(Debug, Default)]
pub(crate) struct Picks {
    bits: Vec<u64>,
}

impl Picks {
    /// The first picked token at or after `i`, or `None`.
    #[inline]
    pub(crate) fn first_from(&self, i: usize) -> Option<usize> {
        let mut w = i / 64;
        let mut bits = *self.bits.get(w)? & (u64::MAX << (i % 64));
        while bits == 0 {
            w += 1;
            bits = *self.bits.get(w)?;
        }
        Some(w * 64 + bits.trailing_zeros() as usize)
    }
    /// The picked token indices, in increasing order.
    pub(crate) fn iter(&self) -> PickIter<'_> {
        PickIter {
            words: &self.bits,
            cur: 0,
            base: 0,
            next_base: 0,
        }
    }
}

/// Iterator over the set bits of a [`Picks`].
pub(crate) struct PickIter<'a> {
    /// Words not yet loaded.
    words: &'a [u64],
    /// Bits of the current word not yet visited.
    cur: u64,
    /// Token index of the current word's bit 0.
    base: usize,
    /// Token index of the next word's bit 0.
    next_base: usize,
}

impl Iterator for PickIter<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.cur == 0 {
            let (&w, rest) = self.words.split_first()?;
            self.words = rest;
            self.cur = w;
            self.base = self.next_base;
            self.next_base += 64;
        }
        let i = self.base + self.cur.trailing_zeros() as usize;
        self.cur &= self.cur - 1;
        Some(i)
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
    /// The key of each word for the cue lists' tables ([`super::wordset::fold`]), made here
    /// from the memo while the word's bytes are in the cache; [`super::wordset::UNKNOWN`]
    /// for the rest, whose keys [`super::Ctx`] makes when asked.
    pub folds: Vec<std::cell::Cell<u32>>,
    /// Tokens the address detector can start at: numbers, alphanumerics, capitalised words
    /// and words that begin a PO box or are a street type.
    pub address: Picks,
    /// Tokens the person detector can start at: capitalised words, one-letter or mixed-case
    /// words (initials), and lower-case words of two or more bytes that are names.
    pub person: Picks,
    /// Tokens that can begin a special-category statement.
    pub special: Picks,
    /// Tokens a street address needs after a capitalised word on its line: numbers and
    /// alphanumerics (a house number) and words with a suffix or Germanic street-type role
    /// ("Baker Street", "Berliner Straße"). See [`Lookups::street_ahead`].
    pub street_marks: Picks,
    /// Tokens after a line break. See [`Lookups::street_ahead`].
    pub line_starts: Picks,
    /// Results of [`look_up`] for short words already seen (see [`Memo`]).
    memo: Memo,
    /// Each token's word id ([`Memo`]) and the cue lists' answers by word.
    pub answers: super::wordset::Answers,
}

impl Lookups {
    /// Makes the next scan's word ids start again from 1, as when they run out.
    #[cfg(all(test, feature = "embedded-gazetteer"))]
    pub(crate) fn run_out_of_ids(&mut self) {
        self.memo.next = u32::MAX - 3;
    }
    /// A token of [`Lookups::street_marks`] comes after token `i` on its line: without one,
    /// a capitalised word starts no address (every street the address detector reports
    /// from a word needs a house number or a street type after it on the same line, or a
    /// type in the word itself).
    /// A line that starts with an apostrophe goes on the line before: a street name's
    /// particle reaches across one (`d'`).
    #[inline]
    pub(crate) fn street_ahead(&self, toks: &[Token], i: usize) -> bool {
        let Some(m) = self.street_marks.first_from(i + 1) else {
            return false;
        };
        let mut from = i + 1;
        loop {
            match self.line_starts.first_from(from) {
                Some(l) if l <= m => {
                    if !(toks[l].is('\'') || toks[l].is('’')) {
                        return false;
                    }
                    from = l + 1;
                }
                _ => return true,
            }
        }
    }
}

/// Entries of the [`Memo`]: a power of two, small enough for the first-level cache.
const MEMO_SLOTS: usize = 1 << 11;

/// One remembered word: its bytes as typed (at most sixteen, zero-padded), its length with
/// the "after a strong cue" bit, its word id, and what [`look_up`] returned.
#[derive(Debug, Clone, Copy, Default)]
struct MemoEntry {
    lo: u64,
    hi: u64,
    /// Byte length, plus 256 when the word came after a strong cue (16 bits: with the key
    /// below, an entry stays 32 bytes).
    key: u16,
    /// The word's id ([`Memo::next`]): an entry whose id is below the scan's first
    /// ([`Memo::first`]) was made in an earlier scan (perhaps over another gazetteer) and is
    /// never read.
    id: u32,
    roles: u32,
    flags: u8,
    /// The word's [`super::wordset::fold`].
    fold: u32,
}

/// What [`look_up`] returned for words of at most sixteen bytes already met in this scan.
///
/// Prose and code repeat a few hundred words for most of their tokens; for those the filters,
/// probes and key comparisons of two tables are replaced by one load and two comparisons.
/// The key is the word exactly as typed (its kind, case and hyphens are functions of its
/// bytes) plus the one input of [`look_up`] that comes from outside the word, whether a
/// strong cue came before it; so a remembered result is always the one [`look_up`] would
/// compute. Entries are overwritten on a clash (direct-mapped).
///
/// Each entry made gets a new id, which names its word (one byte string) for later rules
/// ([`super::wordset::Answers`]): ids count up across scans and start again from 1 only
/// when they would run out, and then every entry is forgotten.
#[derive(Debug, Default)]
struct Memo {
    slots: Vec<MemoEntry>,
    /// The first id of this scan: entries with a lower one belong to earlier scans.
    first: u32,
    /// The id of the next entry made.
    next: u32,
}

impl Memo {
    /// Starts a new scan of `n` tokens: earlier entries become invisible. Returns true when
    /// the ids started again from 1 (an id given before may name another word now).
    fn start(&mut self, n: usize) -> bool {
        let fresh = self.slots.len() != MEMO_SLOTS;
        let restart = fresh || (u32::MAX - self.next) as usize <= n;
        if fresh {
            self.slots = vec![MemoEntry::default(); MEMO_SLOTS];
        } else if restart {
            self.slots.fill(MemoEntry::default());
        }
        if restart {
            // Id 0 is the empty entry's and "no id".
            self.next = 1;
        }
        self.first = self.next;
        restart
    }
}

/// The bytes of `text[start..end]` (at most sixteen) as two zero-padded little-endian words.
/// Reads sixteen bytes at once where the text goes on that far and masks off the rest: a
/// copy of a variable length was a call to `memmove` per word.
#[inline]
fn key_words(text: &[u8], start: usize, end: usize) -> (u64, u64) {
    let len = end - start;
    let mask = |n: usize| match n {
        0 => 0,
        1..=7 => (1u64 << (n * 8)) - 1,
        _ => u64::MAX,
    };
    match text.get(start..start + 16) {
        Some(b) => {
            let (lo, hi) = b.split_at(8);
            (
                u64::from_le_bytes(lo.try_into().expect("eight bytes")) & mask(len),
                u64::from_le_bytes(hi.try_into().expect("eight bytes"))
                    & mask(len.saturating_sub(8)),
            )
        }
        None => {
            let mut b = [0u8; 16];
            for (d, s) in b.iter_mut().zip(&text[start..end]) {
                *d = *s;
            }
            let (lo, hi) = b.split_at(8);
            (
                u64::from_le_bytes(lo.try_into().expect("eight bytes")),
                u64::from_le_bytes(hi.try_into().expect("eight bytes")),
            )
        }
    }
}

/// Fills `out` for the tokens `toks` of `text`.
#[inline(never)]
pub(crate) fn fill(
    text: &str,
    toks: &[Token],
    gazetteer: &Gazetteer,
    lexicon: &lexicon::Roles,
    out: &mut Lookups,
) {
    let n = toks.len();
    let Lookups {
        flags,
        roles,
        folds,
        address,
        person,
        special,
        street_marks,
        line_starts,
        memo,
        answers,
    } = out;
    answers.prepare(memo.start(n));
    let ids = &mut answers.ids;
    ids.clear();
    ids.resize(n, 0);
    let bytes = text.as_bytes();
    flags.clear();
    flags.resize(n, 0);
    roles.clear();
    roles.resize(n, 0);
    folds.clear();
    folds.resize(n, std::cell::Cell::new(super::wordset::UNKNOWN));
    for p in [
        &mut *address,
        &mut *person,
        &mut *special,
        &mut *street_marks,
        &mut *line_starts,
    ] {
        p.bits.clear();
        p.bits.resize(n.div_ceil(64), 0);
    }
    let (addr, pers, spec) = (&mut address.bits, &mut person.bits, &mut special.bits);
    let (marks, lines) = (&mut street_marks.bits, &mut line_starts.bits);
    // Role bits of the previous word (commas and colons are skipped), for "my name is".
    let mut prev_role = 0u32;
    // Words left in which a verb of living, moving or origin governs a place preposition.
    let mut verb_near = 0u8;
    let mut buf = [0u8; 64];
    let chunks = toks
        .chunks(64)
        .zip(flags.chunks_mut(64))
        .zip(roles.chunks_mut(64));
    for (c, ((toks, flags), roles)) in chunks.enumerate() {
        // This chunk's bits of each detector, of street marks and of line starts.
        let (mut a, mut p, mut s) = (0u64, 0u64, 0u64);
        let (mut m, mut l) = (0u64, 0u64);
        for (k, ((t, f), r)) in toks
            .iter()
            .zip(flags.iter_mut())
            .zip(roles.iter_mut())
            .enumerate()
        {
            // The tests each detector's walk used to make on every token (see `find` there),
            // made where the kind is already known: punctuation starts nothing and digits
            // only an address.
            l |= u64::from(t.newline_before) << k;
            if t.kind == Kind::Punct {
                // A comma or colon may sit inside a cue ("my name is: Anna"); other marks
                // end it.
                if t.punct != ',' && t.punct != ':' {
                    (prev_role, verb_near) = (0, 0);
                }
                continue;
            }
            if t.kind == Kind::Num {
                // Digits have no roles and are no names (fillers like "type 2" are checked
                // on the digits directly). A postal code is a place's cue: a lower-case word
                // after three or more digits is looked up as a place ("10115 berlin", see
                // `address`).
                (prev_role, verb_near) = postcode_cue(t.len());
                a |= 1 << k;
                m |= 1 << k;
                continue;
            }
            let len = t.len();
            // Round 8: a lower-case word after a place preposition that a verb of living,
            // moving or origin governs is looked up as a place ("i live in berlin"); right
            // after the last word of a cue of residence ("mieszkam w") the person detector
            // also tries a town the lists know only in another form (a Polish locative,
            // "krakowie"). Most words are far from such a verb: one predictable test.
            let (mut placed, mut live) = (false, false);
            if verb_near > 0 {
                placed = t.case == Case::Lower && prev_role & PLACED_AFTER != 0;
                live = placed && prev_role & role::LIVE_LAST != 0;
            }
            let (fl, ro) = if len <= 16 {
                let (lo, hi) = key_words(bytes, t.start as usize, t.end as usize);
                let key = len as u16
                    | u16::from(prev_role & role::STRONG_LAST != 0) << 8
                    | u16::from(placed) << 9;
                let slot = ((lo ^ hi.rotate_left(29) ^ u64::from(key))
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                    >> (64 - MEMO_SLOTS.trailing_zeros())) as usize;
                let e = &mut memo.slots[slot];
                if e.id >= memo.first && e.key == key && e.lo == lo && e.hi == hi {
                    // `look_up` leaves the word's roles in `prev_role` on every path.
                    prev_role = e.roles;
                    folds[c * 64 + k].set(e.fold);
                    ids[c * 64 + k] = e.id;
                    (e.flags, e.roles)
                } else {
                    let got = look_up(
                        text,
                        t,
                        gazetteer,
                        lexicon,
                        &mut prev_role,
                        placed,
                        &mut buf,
                    );
                    debug_assert_eq!(prev_role, got.1, "look_up leaves the roles behind");
                    let fold = super::wordset::fold(t.text(text));
                    folds[c * 64 + k].set(fold);
                    let id = memo.next;
                    memo.next += 1;
                    ids[c * 64 + k] = id;
                    *e = MemoEntry {
                        lo,
                        hi,
                        key,
                        id,
                        roles: got.1,
                        flags: got.0,
                        fold,
                    };
                    got
                }
            } else {
                look_up(
                    text,
                    t,
                    gazetteer,
                    lexicon,
                    &mut prev_role,
                    placed,
                    &mut buf,
                )
            };
            if ro & role::TOWN_VERB != 0 {
                verb_near = TOWN_VERB_REACH;
            } else {
                verb_near = verb_near.saturating_sub(1);
            }
            (*f, *r) = (fl, ro);
            // Branch-free: capitalised and lower-case words alternate too irregularly to
            // predict. A lower-case word has gazetteer flags only when it is a word of two or
            // more letters (see `look_up`), so `fl` alone says it can start a name.
            let shape = SHAPES[t.kind as usize * 4 + t.case as usize];
            // A lower-case place has flags only after a place preposition (see `look_up`);
            // so has a town's first word ("new york", "são paulo").
            let name =
                fl & (FIRST | LAST | PLACE) != 0 || (placed && (ro & role::TOWN_HEAD != 0 || live));
            let street = ro & (role::PO_FIRST | role::PREFIX_TYPE) != 0;
            a |= u64::from((shape & ADDRESS_SHAPE != 0) | street) << k;
            p |= u64::from((shape & PERSON_SHAPE != 0) | name) << k;
            s |= u64::from(ro & role::SPECIAL_FIRST != 0) << k;
            let typed = ro & (role::SUFFIX_TYPE | role::GERMANIC_TYPE) != 0;
            m |= u64::from(typed | (t.kind == Kind::Alnum)) << k;
        }
        addr[c] = a;
        pers[c] = p;
        spec[c] = s;
        marks[c] = m;
        lines[c] = l;
    }
}

/// [`SHAPES`] bit: a token of this kind and case can start an address whatever its roles
/// (numbers, alphanumerics, capitalised words).
const ADDRESS_SHAPE: u8 = 1;
/// [`SHAPES`] bit: a token of this kind and case can start a name whatever its flags
/// (capitalised words, and one-letter or mixed-case words that may be initials).
const PERSON_SHAPE: u8 = 2;

/// Shape bits by `kind as usize * 4 + case as usize`: one load instead of four comparisons
/// per word.
static SHAPES: [u8; 16] = {
    let mut t = [0u8; 16];
    let kinds = [Kind::Word, Kind::Num, Kind::Alnum, Kind::Punct];
    let cases = [Case::Title, Case::Upper, Case::Lower, Case::Other];
    let mut k = 0;
    while k < 4 {
        let mut c = 0;
        while c < 4 {
            let (kind, case) = (kinds[k], cases[c]);
            let word = matches!(kind, Kind::Word);
            let capitalised = word && matches!(case, Case::Title | Case::Upper);
            let mut bits = 0;
            if matches!(kind, Kind::Num | Kind::Alnum) || capitalised {
                bits |= ADDRESS_SHAPE;
            }
            if word && !matches!(case, Case::Lower) {
                bits |= PERSON_SHAPE;
            }
            t[kind as usize * 4 + case as usize] = bits;
            c += 1;
        }
        k += 1;
    }
    t
};

/// Words after a verb of living, moving or origin in which a place preposition still counts
/// ("moved to", "grew up in", "ich lebe seit jahren in": the verb, up to two words, the
/// preposition).
const TOWN_VERB_REACH: u8 = 4;

/// Roles of the word before a lower-case place near a verb of living or origin: a place
/// preposition, or a name particle, which is a preposition too (round 11: "sono di roma").
const PLACED_AFTER: u32 = role::PLACE_CUE | role::PARTICLE;

/// `(prev_role, verb_near)` after digits of `len` bytes: three or more may be a postal code,
/// which a town follows ("10115 berlin", "1100-053 lisboa").
fn postcode_cue(len: usize) -> (u32, u8) {
    if len >= 3 {
        (role::PLACE_CUE, 1)
    } else {
        (0, 0)
    }
}

/// Flags and roles of a word or alphanumeric token; updates `prev_role`. `placed`: the word
/// follows a place preposition that a verb of living or moving governs (round 8).
#[inline]
fn look_up(
    text: &str,
    t: &Token,
    gazetteer: &Gazetteer,
    lexicon: &lexicon::Roles,
    prev_role: &mut u32,
    placed: bool,
    buf: &mut [u8; 64],
) -> (u8, u32) {
    let s = t.text(text);
    // Hash first (without copying for ASCII); lower-case into `buf` only when a filter says
    // the word may be in a table.
    let ascii_hash = table::hash_ascii_lower_at(text.as_bytes(), t.start as usize, t.end as usize);
    let ascii = ascii_hash.is_some();
    // Length of the lower-cased non-ASCII word left in `buf`.
    let mut lowered = 0;
    let h = match ascii_hash {
        Some(h) => h,
        None => match tokenize::lower_into(s, buf) {
            Some(k) => {
                lowered = k.len();
                table::hash(k)
            }
            None => {
                // Too long for any list: a word all the same, so it ends a cue.
                *prev_role = 0;
                return (0, 0);
            }
        },
    };
    // Lower-case words of one or two letters are never looked up as names.
    let short = t.len() < 3 && t.case == Case::Lower;
    let cued = *prev_role & role::STRONG_LAST != 0;
    // A lower-case word matters only as a plain first name (the second word of a lower-case
    // name is looked up by the person detector) or after "my name is".
    let plain_skip = t.case == Case::Lower && !cued && !gazetteer.maybe_plain_first(h);
    // Round 8: or as a place after a place preposition ("i live in berlin", "abito a roma").
    // Such a word keeps its flags only when it is a place and no common word: "to be",
    // "in place" look as they did before.
    let skip = plain_skip && !placed;
    let want_name = t.kind == Kind::Word && t.len() >= 2 && !short && !skip;
    let want_role = lexicon.maybe(h);
    let name_maybe = want_name && gazetteer.maybe(h);
    if !(want_role || name_maybe) {
        *prev_role = 0;
        let f = if want_name && !plain_skip && inner_mark(s, ascii) {
            hyphenated_flags(gazetteer, s)
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
        // Too long for any list: a word all the same, so it ends a cue (whatever the filters
        // said above).
        *prev_role = 0;
        return (0, 0);
    }
    let r = if want_role {
        lexicon.get_hashed(h, k)
    } else {
        0
    };
    *prev_role = r;
    let mut f = 0;
    if want_name {
        f = gazetteer.flags_hashed(h, k);
        if f == 0 && !plain_skip && inner_mark(s, ascii) {
            f = hyphenated_flags(gazetteer, s);
        }
        if plain_skip && f & (PLACE | WORD) != PLACE {
            f = 0;
        }
    }
    (f, r)
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

#[cfg(all(test, feature = "embedded-gazetteer"))]
mod tests {
    use super::*;

    fn picked(p: &Picks) -> Vec<usize> {
        p.iter().collect()
    }

    #[test]
    fn visits_set_bits_in_order_across_words() {
        let p = Picks {
            bits: vec![0b1001, 0, 1 << 63, 0b111],
        };
        assert_eq!(picked(&p), vec![0, 3, 191, 192, 193, 194]);
        assert_eq!(Picks::default().iter().next(), None);
        assert_eq!(Picks { bits: vec![0, 0] }.iter().next(), None);
    }

    /// The table agrees with the tests it replaces for every kind and case.
    #[test]
    fn shape_table_matches_the_tests() {
        let kinds = [Kind::Word, Kind::Num, Kind::Alnum, Kind::Punct];
        let cases = [Case::Title, Case::Upper, Case::Lower, Case::Other];
        for kind in kinds {
            for case in cases {
                let shape = SHAPES[kind as usize * 4 + case as usize];
                let capitalised = kind == Kind::Word && matches!(case, Case::Title | Case::Upper);
                let address = kind != Kind::Punct && (kind != Kind::Word || capitalised);
                let person = kind == Kind::Word && case != Case::Lower;
                assert_eq!(shape & ADDRESS_SHAPE != 0, address, "{kind:?} {case:?}");
                assert_eq!(shape & PERSON_SHAPE != 0, person, "{kind:?} {case:?}");
            }
        }
    }

    /// Remembered words give what [`look_up`] computes afresh, token by token, over a text
    /// that repeats words in several cases, after and away from strong cues ("my name is
    /// john" and "john"), with hyphens, possessives, long and non-ASCII words; and a second
    /// scan (over a gazetteer without those names) sees none of the first scan's entries.
    #[test]
    fn remembered_words_match_fresh_look_ups() {
        let g = Gazetteer::embedded();
        let mut text = String::new();
        for _ in 0..3 {
            text.push_str(
                "my name is smith and john smith met John SMITH, Smith's friend Hans-Peter                  in Paris; ich heiße anna. je m'appelle marie. the Rue de la Paix, my name                  is: anna; Müller müller MÜLLER abcdefghijklmnopq abcdefghijklmnop Mary-Jane                  smith-jones it's O'Brien o'brien. Name is john. i live in berlin, a trip to \
                 berlin; 10115 berlin, 12 berlin. ",
            );
        }
        let mut toks = Vec::new();
        tokenize::tokenize(&text, &mut toks);
        let fresh = |g: &Gazetteer| {
            let (mut prev, mut near, mut buf) = (0u32, 0u8, [0u8; 64]);
            toks.iter()
                .map(|t| match t.kind {
                    Kind::Punct => {
                        if t.punct != ',' && t.punct != ':' {
                            (prev, near) = (0, 0);
                        }
                        (0, 0)
                    }
                    Kind::Num => {
                        (prev, near) = postcode_cue(t.len());
                        (0, 0)
                    }
                    _ => {
                        let placed = t.case == Case::Lower && prev & PLACED_AFTER != 0 && near > 0;
                        let got =
                            look_up(&text, t, g, lexicon::roles(), &mut prev, placed, &mut buf);
                        near = if got.1 & role::TOWN_VERB != 0 {
                            TOWN_VERB_REACH
                        } else {
                            near.saturating_sub(1)
                        };
                        got
                    }
                })
                .collect::<Vec<_>>()
        };
        let mut look = Lookups::default();
        let empty = Gazetteer::empty();
        for g in [&g, &empty, &g] {
            fill(&text, &toks, g, lexicon::roles(), &mut look);
            let got: Vec<_> = look
                .flags
                .iter()
                .copied()
                .zip(look.roles.iter().copied())
                .collect();
            assert_eq!(got, fresh(g));
        }
        // The text reaches the cued and the plain look-up of one word: a surname in lower
        // case is looked up only after "my name is".
        let want = fresh(&g);
        let smiths: Vec<_> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text(&text) == "smith")
            .map(|(i, _)| want[i].0)
            .collect();
        assert!(smiths.iter().any(|&f| f != 0), "a name after a cue");
        assert!(smiths.contains(&0), "the same word away from a cue");
    }

    /// The start bits are exactly the tokens each detector's walk used to stop at (the tests
    /// it made on every token), over a text of more than 64 tokens with names, lower-case
    /// names, short words, street types, PO boxes, cues, numbers and non-ASCII words.
    #[test]
    fn a_memo_entry_is_half_a_cache_line() {
        assert_eq!(std::mem::size_of::<MemoEntry>(), 32);
    }

    #[test]
    fn start_bits_match_the_per_token_tests() {
        let g = Gazetteer::embedded();
        let text = "Dear Dr. Müller, my name is john smith and I have asthma. ich bin \
                    Katholik; je suis diabétique. Visit 221B Baker Street, London NW1 6XE or \
                    PO Box 1234, ul. Marszałkowska 10, 00-001 Warszawa; rue de la Paix. \
                    J. R. R. Tolkien met maria garcía-lópez in São Paulo. NaN iPhone x y de \
                    la van O'Brien's Hans-Peter; Postfach 12 34, Calle Mayor 5. Łukasz, \
                    Zoë and Ana went to the Kerkstraat 12 with jo an ed: mein Sohn ist \
                    Diabetiker. i live in berlin, we moved to new york; mieszkam w krakowie; \
                    they live in fear of the dark. Best regards,\nAnna Nowak\n";
        let mut toks = Vec::new();
        tokenize::tokenize(text, &mut toks);
        assert!(toks.len() > 64, "the bits span more than one word");
        let mut look = Lookups::default();
        fill(text, &toks, &g, lexicon::roles(), &mut look);
        // The second scan's words come from the memo, keys included.
        fill(text, &toks, &g, lexicon::roles(), &mut look);
        for (i, t) in toks.iter().enumerate() {
            let key = look.folds[i].get();
            if matches!(t.kind, Kind::Word | Kind::Alnum) && t.len() <= 16 {
                assert_eq!(key, super::super::wordset::fold(t.text(text)), "token {i}");
            } else {
                assert_eq!(key, super::super::wordset::UNKNOWN, "token {i}");
            }
        }
        let (mut address, mut person, mut special) = (vec![], vec![], vec![]);
        for (i, t) in toks.iter().enumerate() {
            let (f, r) = (look.flags[i], look.roles[i]);
            let street = r & (role::PO_FIRST | role::PREFIX_TYPE) != 0;
            if t.kind != Kind::Punct && !(t.kind == Kind::Word && !t.capitalised() && !street) {
                address.push(i);
            }
            // What `fill` knows of the words before this one, walked again: the roles of the
            // last word (commas and colons are skipped; digits are a postal code's cue)
            // and how many words ago a verb of living or moving was.
            let (mut prev, mut near) = (0u32, 0u8);
            for (j, p) in toks[..i].iter().enumerate() {
                match p.kind {
                    Kind::Punct if p.punct == ',' || p.punct == ':' => {}
                    Kind::Punct => (prev, near) = (0, 0),
                    Kind::Num => (prev, near) = postcode_cue(p.len()),
                    _ => {
                        prev = look.roles[j];
                        near = if prev & role::TOWN_VERB != 0 {
                            TOWN_VERB_REACH
                        } else {
                            near.saturating_sub(1)
                        };
                    }
                }
            }
            let lower = t.case == Case::Lower;
            let placed = lower && prev & PLACED_AFTER != 0 && near > 0;
            let live = placed && prev & role::LIVE_LAST != 0;
            let lower_name = lower
                && t.len() >= 2
                && (f & (FIRST | LAST | PLACE) != 0
                    || (placed && r & role::TOWN_HEAD != 0)
                    || live);
            if t.kind == Kind::Word && (!lower || lower_name) {
                person.push(i);
            }
            if r & role::SPECIAL_FIRST != 0 {
                special.push(i);
            }
        }
        assert_eq!(picked(&look.address), address);
        assert_eq!(picked(&look.person), person);
        assert_eq!(picked(&look.special), special);
        // The text reaches every kind of start: a lower-case name, a street type, a cue.
        let at = |w: &str| {
            toks.iter()
                .position(|t| t.text(text) == w)
                .expect("in text")
        };
        assert!(person.contains(&at("john")));
        // Round 8: a lower-case town after a place preposition, a town's first word there,
        // and any word after a cue of residence ("mieszkam w").
        for w in ["berlin", "new", "krakowie"] {
            assert!(person.contains(&at(w)), "{w}");
        }
        assert!(!person.contains(&at("dark")) && !person.contains(&at("the")));
        assert!(address.contains(&at("rue")) && address.contains(&at("221B")));
        assert!(special.contains(&at("ich")) && special.contains(&at("mein")));
        assert!(!person.contains(&at("and")) && !address.contains(&at("and")));
    }

    /// [`Lookups::street_ahead`] is a walk to the line's end looking for a number, an
    /// alphanumeric or a suffix or Germanic street type, over lines of every kind: with and
    /// without them, a type on the next line, a line that starts with an apostrophe (which a
    /// street name's particle reaches across), and more than 64 tokens.
    #[test]
    fn street_ahead_walks_to_the_line_end() {
        let g = Gazetteer::embedded();
        let text = "Anna went to Baker Street today\nand Main met Hauptstraße\nLiesl\nOld \
                    Mill Road 12 and 12a; Rue de\n'Eglise 5 Anna\nBerliner Straße\nThe \
                    quick brown fox\nSmith\n42\nPostfach Lane, PO Box 7 und Kerkstraat \
                    Jan van\n’t Hoff 3 and a long line of words with no number at all in \
                    it whatsoever, so that the bits span more words Street";
        let mut toks = Vec::new();
        tokenize::tokenize(text, &mut toks);
        assert!(toks.len() > 64, "the bits span more than one word");
        let mut look = Lookups::default();
        fill(text, &toks, &g, lexicon::roles(), &mut look);
        let mark = |j: usize| {
            let t = &toks[j];
            matches!(t.kind, Kind::Num | Kind::Alnum)
                || look.roles[j] & (role::SUFFIX_TYPE | role::GERMANIC_TYPE) != 0
        };
        let (mut yes, mut no) = (0, 0);
        for i in 0..toks.len() {
            let mut want = false;
            for (j, t) in toks.iter().enumerate().skip(i + 1) {
                if t.newline_before && !(t.is('\'') || t.is('’')) {
                    break;
                }
                if mark(j) {
                    want = true;
                    break;
                }
            }
            assert_eq!(
                look.street_ahead(&toks, i),
                want,
                "token {i}: {}",
                toks[i].text(text)
            );
            if want {
                yes += 1;
            } else {
                no += 1;
            }
        }
        assert!(yes > 10 && no > 10, "both answers are tested");
        let at = |w: &str| {
            toks.iter()
                .position(|t| t.text(text) == w)
                .expect("in text")
        };
        // Across the apostrophe's line break, not across others.
        let ahead = |w: &str| look.street_ahead(&toks, at(w));
        assert!(ahead("de") && !ahead("Liesl"));
        assert!(ahead("van") && !ahead("fox"));
    }

    /// A word id names one byte string, across scans: tokens with one id have the same bytes,
    /// a second scan gives new ids (its own words only), and when the ids would run out they
    /// start again from 1 and the remembered answers are forgotten.
    #[test]
    fn word_ids_name_one_word() {
        let g = Gazetteer::embedded();
        let text = "Anna and anna met ANNA in Paris, paris and Anna's friend \
                    Verylongwordmorethansixteen Anna";
        let mut toks = Vec::new();
        tokenize::tokenize(text, &mut toks);
        let mut look = Lookups::default();
        fill(text, &toks, &g, lexicon::roles(), &mut look);
        let ids = look.answers.ids.clone();
        for (i, a) in toks.iter().enumerate() {
            let word = matches!(a.kind, Kind::Word | Kind::Alnum) && a.len() <= 16;
            assert_eq!(ids[i] != 0, word, "token {i}");
            for (j, b) in toks.iter().enumerate() {
                if ids[i] != 0 && ids[i] == ids[j] {
                    assert_eq!(a.text(text), b.text(text));
                }
            }
        }
        let anna: Vec<u32> = toks
            .iter()
            .zip(&ids)
            .filter(|(t, _)| t.text(text) == "Anna")
            .map(|(_, &id)| id)
            .collect();
        assert!(
            anna.len() == 2 && anna.iter().all(|&id| id == anna[0]),
            "{anna:?}"
        );
        fill(text, &toks, &g, lexicon::roles(), &mut look);
        let again = &look.answers.ids;
        assert!((0..toks.len()).all(|i| ids[i] == 0 || again[i] > *ids.iter().max().unwrap()));
        // Ids about to run out start again.
        look.run_out_of_ids();
        fill(text, &toks, &g, lexicon::roles(), &mut look);
        assert_eq!(look.memo.first, 1);
        assert!(look.answers.ids.iter().all(|&id| id < 30));
    }
}

#[cfg(test)]
mod key_words_tests {
    use super::key_words;

    /// The sixteen-byte load gives the bytes of the word and zeros after them, for every
    /// length and wherever the word sits (at the text's end too).
    #[test]
    fn loads_the_word_and_zeros() {
        let text = "abcdefghijklmnopqrstuvwxyzé0123".as_bytes();
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 16) {
                let mut b = [0u8; 16];
                b[..end - start].copy_from_slice(&text[start..end]);
                let want = (
                    u64::from_le_bytes(b[..8].try_into().unwrap()),
                    u64::from_le_bytes(b[8..].try_into().unwrap()),
                );
                assert_eq!(key_words(text, start, end), want, "{start}..{end}");
            }
        }
    }
}
