//! The built-in catalog's automata, made ahead of time: the forward and reverse Thompson NFAs
//! that [`crate::matcher::compile_nfas`] makes from the catalog's patterns, the start-byte
//! table's sets and the shortest match, written into `data/catalog-automaton.bin` by a test
//! (regenerate with `scripts/gen-automaton.sh`) and rebuilt here with regex-automata's NFA
//! builder.
//!
//! Why: parsing the ~200 patterns and compiling them was about 40% of the time to the first
//! result in wasm; rebuilding the same states from a list takes a fraction of that. A full DFA
//! made ahead of time would be far larger than the NFA (docs/benchmarks.md). The blob carries
//! a fingerprint of the patterns it was made from: when the engine's patterns differ (a rule
//! disabled, a country list, a custom rule, or a blob nobody regenerated) it is not used and
//! the patterns are compiled as before, so a stale blob costs time, never a wrong match.
//!
//! Layout (every number an unsigned LEB128 varint unless said otherwise): the magic, the
//! fingerprint (8 bytes, little-endian), the shortest match, the pattern count, each pattern's
//! first bytes as runs `(first, last)`, the table of byte classes (each a list of runs, most
//! used first), then the forward and the reverse NFA: flags (bit 0 UTF-8, bit 1 reverse),
//! pattern count, state count, anchored and unanchored start, each pattern's start, then each
//! state as a tag byte and its fields. A state id inside a state is written relative to that
//! state's own id (zigzag), so the common short jumps take one byte.

use crate::starts::{Bytes, StartTable};
use regex_automata::nfa::thompson::{self, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

/// The checked-in blob (see the module docs).
const BLOB: &[u8] = include_bytes!("../data/catalog-automaton.bin");
/// The format's name and version.
const MAGIC: &[u8; 5] = b"PIIA\x01";

/// State tags. A byte range, or a sparse state whose transitions all lead to one state, is a
/// `CLASS`: an index into the table of byte classes, and that state (nine in ten sparse states
/// of the catalog are; ~250 classes such as `[0-9A-Fa-f]` and `[Ee]` serve ~15,000 states).
const CLASS: u8 = 0;
const SPARSE: u8 = 1;
const LOOK: u8 = 2;
const UNION: u8 = 3;
const BINARY_UNION: u8 = 4;
const FAIL: u8 = 5;
const MATCH: u8 = 6;

/// What the engine builds from the catalog's patterns, rebuilt from the blob.
pub(crate) struct Prebuilt {
    /// The forward NFA, leading `\b`s shared (as `compile_nfas` returns it).
    pub forward: NFA,
    /// The reverse NFA.
    pub reverse: NFA,
    /// Which patterns can start with which byte.
    pub starts: StartTable,
    /// The fewest bytes any pattern matches.
    pub shortest_match: usize,
}

/// FNV-1a (64 bit) over the patterns, each preceded by its length: tells whether the blob was
/// made from exactly these patterns in this order. Not a defence against anyone: the blob and
/// the catalog are compiled into the same binary; it catches a blob nobody regenerated.
fn fingerprint<P: AsRef<str>>(patterns: &[P]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(&(patterns.len() as u64).to_le_bytes());
    for p in patterns {
        let p = p.as_ref().as_bytes();
        eat(&(p.len() as u64).to_le_bytes());
        eat(p);
    }
    h
}

/// The automata for `patterns` when the checked-in blob was made from exactly these patterns
/// (the whole built-in catalog, in order); `None` otherwise, or when the blob does not read.
pub(crate) fn prebuilt<P: AsRef<str>>(patterns: &[P]) -> Option<Prebuilt> {
    decode(BLOB, fingerprint(patterns))
}

fn decode(blob: &[u8], fingerprint: u64) -> Option<Prebuilt> {
    let mut r = Reader(blob);
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let stamp = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
    if stamp != fingerprint {
        return None;
    }
    let shortest_match = r.usize()?;
    let patterns = r.usize()?;
    let mut sets = Vec::with_capacity(patterns);
    for _ in 0..patterns {
        let mut set = Bytes::default();
        for _ in 0..r.usize()? {
            let (first, last) = (r.byte()?, r.byte()?);
            set.add_range(first, last);
        }
        sets.push(set);
    }
    let classes = (0..r.usize()?)
        .map(|_| {
            (0..r.usize()?)
                .map(|_| Some((r.byte()?, r.byte()?)))
                .collect::<Option<Vec<_>>>()
        })
        .collect::<Option<Vec<_>>>()?;
    let forward = read_nfa(&mut r, &classes)?;
    let reverse = read_nfa(&mut r, &classes)?;
    let whole =
        r.0.is_empty() && forward.pattern_len() == patterns && reverse.pattern_len() == patterns;
    whole.then(|| Prebuilt {
        forward,
        reverse,
        starts: StartTable::from_sets(&sets),
        shortest_match,
    })
}

/// One NFA, its states added in order so each keeps its id (the builder turns them into the
/// same states: a two-way union into a `BinaryUnion`, and so on). A pattern's match state
/// closes the pattern; the states between two match states belong to the next one.
fn read_nfa(r: &mut Reader<'_>, classes: &[Vec<(u8, u8)>]) -> Option<NFA> {
    let flags = r.byte()?;
    let patterns = r.usize()?;
    let len = r.usize()?;
    let anchored = r.state()?;
    let unanchored = r.state()?;
    let starts = (0..patterns)
        .map(|_| r.state())
        .collect::<Option<Vec<_>>>()?;
    let mut b = thompson::Builder::new();
    b.set_utf8(flags & 1 != 0);
    b.set_reverse(flags & 2 != 0);
    let mut pattern = 0;
    if patterns > 0 {
        b.start_pattern().ok()?;
    }
    for i in 0..len {
        let id = match r.byte()? {
            SPARSE => {
                let n = r.usize()?;
                let trans = (0..n)
                    .map(|_| r.transition(i))
                    .collect::<Option<Vec<_>>>()?;
                b.add_sparse(trans)
            }
            LOOK => {
                let look = Look::from_repr(u32::try_from(r.usize()?).ok()?)?;
                b.add_look(r.next(i)?, look)
            }
            UNION => {
                let n = r.usize()?;
                let alternates = (0..n).map(|_| r.next(i)).collect::<Option<Vec<_>>>()?;
                b.add_union(alternates)
            }
            BINARY_UNION => {
                let alternates = vec![r.next(i)?, r.next(i)?];
                b.add_union(alternates)
            }
            CLASS => {
                let class = classes.get(r.usize()?)?;
                let next = r.next(i)?;
                let trans = class
                    .iter()
                    .map(|&(start, end)| Transition { start, end, next });
                b.add_sparse(trans.collect())
            }
            FAIL => b.add_fail(),
            MATCH => {
                let id = b.add_match().ok()?;
                b.finish_pattern(*starts.get(pattern)?).ok()?;
                pattern += 1;
                if pattern < patterns {
                    b.start_pattern().ok()?;
                }
                Ok(id)
            }
            _ => return None,
        };
        if id.ok()?.as_usize() != i {
            return None;
        }
    }
    if pattern != patterns {
        return None;
    }
    b.build(anchored, unanchored).ok()
}

struct Reader<'b>(&'b [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }
    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u64(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    fn state(&mut self) -> Option<StateID> {
        StateID::new(self.usize()?).ok()
    }
    /// A state id written relative to state `at`.
    fn next(&mut self, at: usize) -> Option<StateID> {
        let z = self.u64()?;
        let delta = (z >> 1) as i64 ^ -((z & 1) as i64);
        let id = i64::try_from(at).ok()?.checked_add(delta)?;
        StateID::new(usize::try_from(id).ok()?).ok()
    }
    fn transition(&mut self, at: usize) -> Option<Transition> {
        let (start, end) = (self.byte()?, self.byte()?);
        Some(Transition {
            start,
            end,
            next: self.next(at)?,
        })
    }
}

/// Making the blob: only the tests do it (`the_checked_in_blob_is_current`).
#[cfg(test)]
mod write {
    use super::*;
    use crate::matcher;
    use crate::starts::first_bytes;
    use regex_automata::nfa::thompson::State;
    use regex_automata::util::look::LookMatcher;
    use std::collections::HashMap;

    /// The blob for `patterns`, checked by reading it back.
    pub(crate) fn encode<P: AsRef<str>>(patterns: &[P]) -> Result<Vec<u8>, String> {
        let hirs = matcher::parse(patterns, false)?;
        let (forward, reverse) = matcher::compile_nfas(&hirs, None)?;
        let shortest = hirs
            .iter()
            .map(|h| h.properties().minimum_len().unwrap_or(usize::MAX))
            .min()
            .unwrap_or(usize::MAX);
        let mut w = Writer(MAGIC.to_vec());
        let stamp = fingerprint(patterns);
        w.0.extend_from_slice(&stamp.to_le_bytes());
        w.uint(shortest as u64);
        let sets = first_bytes(&hirs);
        w.uint(sets.len() as u64);
        for set in &sets {
            let runs = set.runs();
            w.uint(runs.len() as u64);
            for (first, last) in runs {
                w.0.extend_from_slice(&[first, last]);
            }
        }
        let classes = class_table(&[&forward, &reverse]);
        w.uint(classes.len() as u64);
        for class in &classes {
            w.uint(class.len() as u64);
            for &(first, last) in class {
                w.0.extend_from_slice(&[first, last]);
            }
        }
        let index: HashMap<&[(u8, u8)], usize> = classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_slice(), i))
            .collect();
        w.nfa(&forward, &index)?;
        w.nfa(&reverse, &index)?;
        let back = decode(&w.0, stamp).ok_or("the blob does not read back")?;
        let same = same_nfa(&back.forward, &forward)
            && same_nfa(&back.reverse, &reverse)
            && back.starts == StartTable::from_sets(&sets)
            && back.shortest_match == shortest;
        if !same {
            return Err("the blob reads back as different automata".into());
        }
        Ok(w.0)
    }

    /// The runs of a byte range or sparse state whose transitions all lead to one state, and
    /// that state.
    fn class_of(state: &State) -> Option<(Vec<(u8, u8)>, StateID)> {
        let trans: &[Transition] = match state {
            State::ByteRange { trans } => std::slice::from_ref(trans),
            State::Sparse(sparse) => &sparse.transitions,
            _ => return None,
        };
        let next = trans.first()?.next;
        trans
            .iter()
            .all(|t| t.next == next)
            .then(|| (trans.iter().map(|t| (t.start, t.end)).collect(), next))
    }

    /// Every class the NFAs' states use, most used first (ties in byte order), so the common
    /// ones take a one-byte index.
    fn class_table(nfas: &[&NFA]) -> Vec<Vec<(u8, u8)>> {
        let mut uses: HashMap<Vec<(u8, u8)>, usize> = HashMap::new();
        for nfa in nfas {
            for (class, _) in nfa.states().iter().filter_map(class_of) {
                *uses.entry(class).or_default() += 1;
            }
        }
        let mut table: Vec<_> = uses.into_iter().collect();
        table.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        table.into_iter().map(|(class, _)| class).collect()
    }

    /// Whether two NFAs are the same state for state, with the same starts and properties.
    pub(crate) fn same_nfa(a: &NFA, b: &NFA) -> bool {
        a.states() == b.states()
            && a.start_anchored() == b.start_anchored()
            && a.start_unanchored() == b.start_unanchored()
            && a.pattern_len() == b.pattern_len()
            && a.patterns()
                .all(|p| a.start_pattern(p) == b.start_pattern(p))
            && a.is_utf8() == b.is_utf8()
            && a.is_reverse() == b.is_reverse()
            && a.look_set_any() == b.look_set_any()
            && a.look_set_prefix_any() == b.look_set_prefix_any()
            && a.has_empty() == b.has_empty()
            && a.memory_usage() == b.memory_usage()
            && format!("{a:?}") == format!("{b:?}")
    }

    struct Writer(Vec<u8>);

    impl Writer {
        fn uint(&mut self, mut v: u64) {
            loop {
                let b = (v & 0x7f) as u8;
                v >>= 7;
                if v == 0 {
                    self.0.push(b);
                    return;
                }
                self.0.push(b | 0x80);
            }
        }
        fn next(&mut self, at: usize, to: StateID) {
            let delta = to.as_usize() as i64 - at as i64;
            self.uint(((delta << 1) ^ (delta >> 63)) as u64);
        }
        fn transition(&mut self, at: usize, t: &Transition) {
            self.0.extend_from_slice(&[t.start, t.end]);
            self.next(at, t.next);
        }
        fn nfa(&mut self, nfa: &NFA, classes: &HashMap<&[(u8, u8)], usize>) -> Result<(), String> {
            if format!("{:?}", nfa.look_matcher()) != format!("{:?}", LookMatcher::new()) {
                return Err("the blob assumes the default look matcher".into());
            }
            self.0
                .push(u8::from(nfa.is_utf8()) | (u8::from(nfa.is_reverse()) << 1));
            self.uint(nfa.pattern_len() as u64);
            self.uint(nfa.states().len() as u64);
            self.uint(nfa.start_anchored().as_u64());
            self.uint(nfa.start_unanchored().as_u64());
            for pid in nfa.patterns() {
                let start = nfa.start_pattern(pid).ok_or("a pattern without a start")?;
                self.uint(start.as_u64());
            }
            let mut pattern = 0;
            for (i, state) in nfa.states().iter().enumerate() {
                if let Some((class, next)) = class_of(state) {
                    self.0.push(CLASS);
                    self.uint(classes[class.as_slice()] as u64);
                    self.next(i, next);
                    continue;
                }
                match state {
                    State::ByteRange { .. } => unreachable!("a byte range is a class"),
                    State::Sparse(sparse) => {
                        self.0.push(SPARSE);
                        self.uint(sparse.transitions.len() as u64);
                        for t in sparse.transitions.iter() {
                            self.transition(i, t);
                        }
                    }
                    State::Look { look, next } => {
                        self.0.push(LOOK);
                        self.uint(u64::from(look.as_repr()));
                        self.next(i, *next);
                    }
                    State::Union { alternates } => {
                        self.0.push(UNION);
                        self.uint(alternates.len() as u64);
                        for &alt in alternates.iter() {
                            self.next(i, alt);
                        }
                    }
                    State::BinaryUnion { alt1, alt2 } => {
                        self.0.push(BINARY_UNION);
                        self.next(i, *alt1);
                        self.next(i, *alt2);
                    }
                    State::Fail => self.0.push(FAIL),
                    State::Match { pattern_id } if pattern_id.as_usize() == pattern => {
                        self.0.push(MATCH);
                        pattern += 1;
                    }
                    State::Match { .. } => return Err("match states out of pattern order".into()),
                    State::Dense(_) | State::Capture { .. } => {
                        return Err("dense and capture states are not written".into())
                    }
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::write::{encode, same_nfa};
    use super::*;
    use crate::matcher;

    /// The command that rewrites the blob; the staleness test names it.
    const REGENERATE: &str = "scripts/gen-automaton.sh";

    fn catalog_patterns() -> Vec<&'static str> {
        crate::rules::catalog().iter().map(|r| r.pattern).collect()
    }

    #[test]
    fn the_checked_in_blob_is_current() {
        let fresh = encode(&catalog_patterns()).expect("the catalog's automata are written");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog-automaton.bin");
        if std::env::var_os("PII_AIRLOCK_WRITE_AUTOMATON").is_some() {
            std::fs::write(path, &fresh).expect("data/catalog-automaton.bin is writable");
            return;
        }
        assert!(
            BLOB == fresh.as_slice(),
            "data/catalog-automaton.bin is stale: the catalog's patterns (or regex-automata) \
             changed since it was made, so every engine compiles its patterns again at start-up. \
             Regenerate it with `{REGENERATE}` and commit it."
        );
    }

    #[test]
    fn the_rebuilt_automata_are_the_compiled_ones() {
        let patterns = catalog_patterns();
        let built = prebuilt(&patterns).expect("the blob is current (see the test above)");
        let hirs = matcher::parse(&patterns, false).unwrap();
        let (forward, reverse) = matcher::compile_nfas(&hirs, None).unwrap();
        assert!(same_nfa(&built.forward, &forward), "forward NFA differs");
        assert!(same_nfa(&built.reverse, &reverse), "reverse NFA differs");
        assert_eq!(built.starts, StartTable::new(&hirs));
        let shortest = hirs
            .iter()
            .filter_map(|h| h.properties().minimum_len())
            .min();
        assert_eq!(Some(built.shortest_match), shortest);
        matcher::dispose(hirs);
    }

    #[test]
    fn other_patterns_and_damaged_blobs_are_not_used() {
        let mut patterns = catalog_patterns();
        patterns.pop();
        assert!(prebuilt(&patterns).is_none());
        patterns.push("x");
        assert!(prebuilt(&patterns).is_none());
        let stamp = fingerprint(&catalog_patterns());
        assert!(decode(BLOB, stamp).is_some());
        for cut in [0, 5, 13, BLOB.len() / 2, BLOB.len() - 1] {
            assert!(decode(&BLOB[..cut], stamp).is_none(), "cut at {cut}");
        }
        let mut longer = BLOB.to_vec();
        longer.push(0);
        assert!(decode(&longer, stamp).is_none());
    }

    #[test]
    fn small_pattern_sets_round_trip() {
        // Anchored ones (no unanchored prefix), a single pattern, alternations of literals,
        // every look-around, and none at all.
        let sets: [&[&str]; 5] = [
            &[
                r"\bab",
                r"\ba[a-z]+",
                r"x?ab[0-9]",
                r"\B[0-9]",
                r"(?:\bab ?)+",
                "q|z|zz",
            ],
            &[r"^\bab", r"^cd$"],
            &[r"[0-9]{3}"],
            &[r"(?m:^a$)", r"\Ab\z", r"(?-u:\b{start})c(?-u:\b{end})"],
            &[],
        ];
        for patterns in sets {
            let blob = encode(patterns).unwrap();
            let built = decode(&blob, fingerprint(patterns)).unwrap();
            let hirs = matcher::parse(patterns, false).unwrap();
            let (forward, reverse) = matcher::compile_nfas(&hirs, None).unwrap();
            assert!(same_nfa(&built.forward, &forward), "{patterns:?}");
            assert!(same_nfa(&built.reverse, &reverse), "{patterns:?}");
        }
    }
}
