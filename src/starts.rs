//! Which rules can begin with which byte.
//!
//! When the leftmost rule's candidate is rejected (or is a contested digit run), the engine
//! asks which other rules match at the same position. Answering that with the all-matches
//! lazy DFA costs a pass of up to `CONTEST_WINDOW` bytes with every rule alive; on source code
//! most rejected candidates (`: Vec`, `: usize`) start with a byte only one or two rules can
//! start with. Knowing each rule's possible first bytes lets the engine skip that pass when
//! no other rule could start there, and run a few anchored searches instead of it when only a
//! few could.

#[cfg(test)]
use regex_automata::util::syntax;
use regex_syntax::hir::{Class, Hir, HirKind};

/// A set of bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Bytes([u64; 4]);

impl Bytes {
    const ALL: Bytes = Bytes([u64::MAX; 4]);

    fn add(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }
    pub(crate) fn add_range(&mut self, lo: u8, hi: u8) {
        for b in lo..=hi {
            self.add(b);
        }
    }
    fn union(&mut self, o: Bytes) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a |= b;
        }
    }
    fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
    /// The set as runs of consecutive bytes, `(first, last)`, ascending.
    #[cfg(test)]
    pub(crate) fn runs(&self) -> Vec<(u8, u8)> {
        let mut runs: Vec<(u8, u8)> = Vec::new();
        for b in (0..=255u8).filter(|&b| self.has(b)) {
            match runs.last_mut() {
                Some((_, last)) if *last + 1 == b => *last = b,
                _ => runs.push((b, b)),
            }
        }
        runs
    }
}

/// The bytes a match of `h` can begin with, and whether `h` can match the empty string.
fn first(h: &Hir) -> (Bytes, bool) {
    let mut set = Bytes::default();
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => (set, true),
        HirKind::Literal(lit) => match lit.0.first() {
            Some(&b) => {
                set.add(b);
                (set, false)
            }
            None => (set, true),
        },
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                set.add_range(r.start(), r.end());
            }
            (set, c.ranges().is_empty())
        }
        HirKind::Class(Class::Unicode(c)) => {
            for r in c.ranges() {
                let mut buf = [0; 4];
                let lo = r.start().encode_utf8(&mut buf).as_bytes()[0];
                let hi = r.end().encode_utf8(&mut buf).as_bytes()[0];
                set.add_range(lo, hi);
            }
            (set, c.ranges().is_empty())
        }
        HirKind::Repetition(rep) => {
            let (s, nullable) = first(&rep.sub);
            (s, nullable || rep.min == 0)
        }
        HirKind::Capture(cap) => first(&cap.sub),
        HirKind::Concat(subs) => {
            for sub in subs {
                let (s, nullable) = first(sub);
                set.union(s);
                if !nullable {
                    return (set, false);
                }
            }
            (set, true)
        }
        HirKind::Alternation(subs) => {
            let mut any_nullable = false;
            for sub in subs {
                let (s, nullable) = first(sub);
                set.union(s);
                any_nullable |= nullable;
            }
            (set, any_nullable)
        }
    }
}

/// The bytes each of the parsed patterns `hirs` can start a match with. A pattern that can
/// match the empty string can start with any byte.
pub(crate) fn first_bytes(hirs: &[Hir]) -> Vec<Bytes> {
    hirs.iter()
        .map(|h| match first(h) {
            (s, false) => s,
            (_, true) => Bytes::ALL,
        })
        .collect()
}

/// For each byte, the pattern ids that can start a match with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StartTable {
    by_byte: Vec<Vec<u32>>,
}

impl StartTable {
    /// The table for the parsed patterns `hirs` (pattern id = index).
    pub(crate) fn new(hirs: &[Hir]) -> StartTable {
        StartTable::from_sets(&first_bytes(hirs))
    }

    /// The table from each pattern's set of first bytes (pattern id = index).
    pub(crate) fn from_sets(sets: &[Bytes]) -> StartTable {
        let mut by_byte = vec![Vec::new(); 256];
        for (pid, set) in sets.iter().enumerate() {
            for (b, list) in by_byte.iter_mut().enumerate() {
                if set.has(b as u8) {
                    list.push(pid as u32);
                }
            }
        }
        StartTable { by_byte }
    }

    /// The pattern ids that can start a match with byte `b`, in priority order.
    pub(crate) fn starting_with(&self, b: u8) -> &[u32] {
        &self.by_byte[usize::from(b)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(ps: &[&str]) -> StartTable {
        let config = syntax::Config::new().unicode(false).utf8(true);
        let hirs: Vec<Hir> = ps
            .iter()
            .map(|p| syntax::parse_with(p, &config).unwrap())
            .collect();
        StartTable::new(&hirs)
    }

    #[test]
    fn first_bytes_follow_the_pattern() {
        let t = table(&[
            r"\bfoo",
            r"(?i)bar",
            r"[0-9]{3}-x",
            r"a?b*:",
            r"(?:\(0|\b0)[1-9]",
            r"x*",
        ]);
        assert_eq!(t.starting_with(b'f'), &[0, 5]);
        assert_eq!(t.starting_with(b'B'), &[1, 5]);
        assert_eq!(t.starting_with(b'7'), &[2, 5]);
        assert_eq!(t.starting_with(b':'), &[3, 5]);
        assert_eq!(t.starting_with(b'a'), &[3, 5]);
        assert_eq!(t.starting_with(b'b'), &[1, 3, 5]);
        assert_eq!(t.starting_with(b'('), &[4, 5]);
        assert_eq!(t.starting_with(b'0'), &[2, 4, 5]);
        // `x*` can match the empty string: it is listed everywhere.
        assert_eq!(t.starting_with(b'~'), &[5]);
    }
}
