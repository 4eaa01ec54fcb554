//! The catalog's forward lazy-DFA states for ordinary text, made ahead of time (issue 20,
//! item 4): what the first scan used to spend most of its time on.
//!
//! The engine's unanchored forward search runs a lazy DFA (regex-automata's `hybrid`), which
//! builds each state the first time the text leads into it: ~0.5 ms of states for every
//! millisecond of a fresh engine's first scan natively, more in wasm. Those states cannot be
//! handed to the lazy DFA from outside (its cache is not serialisable), and a full DFA of the
//! catalog would be far too large. So a test runs the whole catalog's engine over a training
//! text (`data/hot-states-training.txt`), asks the lazy DFA, through its public API, for every
//! state and transition the searches take, and writes them into
//! `data/catalog-hot-states.bin` (regenerate with `scripts/gen-automaton.sh`). At run time
//! [`HotStates::find_fwd`] walks that table the way the lazy DFA's own search loop walks its
//! cache; the first byte that leads out of the table makes it give up, and the caller runs the
//! lazy DFA over the same input. Every answer is therefore the lazy DFA's own: the table holds
//! only transitions the lazy DFA took, and a search that leaves it is the lazy DFA's search.
//!
//! The table is used only by an engine whose forward NFA is the one it was made from (the
//! whole built-in catalog, no custom rule, no country list, no disabled rule) and whose DFA
//! divides bytes into the same classes; it carries the catalog's fingerprint, and a stale
//! table (a pattern changed, nobody regenerated it) is not used: it costs time, never a
//! wrong match. After [`MAX_MISSES`] searches that left it, a matcher stops trying it: by then
//! the lazy DFA has built the states that text needs, and a search that leaves the table
//! costs a second pass.
//!
//! Layout (numbers little-endian): the magic, the catalog's fingerprint (8 bytes), the number
//! of byte classes with the end of input (2), the class of each byte (256), the number of
//! states (2), the dead state (2, `u16::MAX` when none was reached), the start state for each
//! byte before the search (256) and for the start of the text (2 each), then per state the
//! pattern it matches plus one (0: no match; 2) and its transitions: their count (1 or 2: a
//! varint) and each as a class (1) and a target state (2).

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::util::alphabet::ByteClasses;
use regex_automata::util::start;
use regex_automata::{Anchored, HalfMatch, Input, PatternID};
use std::collections::HashMap;

/// The checked-in table (see the module docs).
const BLOB: &[u8] = include_bytes!("../data/catalog-hot-states.bin");
/// The format's name and version.
const MAGIC: &[u8; 5] = b"PIIH\x01";
/// No state: a transition that is not in the table.
const NONE: u16 = u16::MAX;
/// States a cache may learn beyond the table's (a row of ~300 bytes each); past that, the
/// searches that leave the table finish on the lazy DFA alone.
const MAX_LEARNED: usize = 4096;
/// How many of the most entered states a cache finds the lazy DFA's states for before it
/// learns its first transition, so that a search that left the table is seen coming back.
const HUBS: usize = 48;
/// Why a search cannot fail (`crate::matcher`'s DFAs are configured so).
const NEVER_FAILS: &str = "the lazy DFAs are configured never to fail (Matcher::from_hirs)";

/// The prepared states of one forward DFA: a dense table over byte classes, the last class
/// being the end of the input.
pub(crate) struct HotStates {
    /// Byte classes plus one (the end of input, the last column).
    stride: usize,
    classes: [u8; 256],
    /// A byte of each class, to walk the lazy DFA along a path of the table.
    byte_of: Vec<u8>,
    /// By the byte before the search's start; index 256: the start of the text.
    starts: [u16; 257],
    /// `state * stride + class` → state, or [`NONE`].
    next: Vec<u16>,
    /// Per state: the pattern it matches plus one, 0 if it is no match state.
    matched: Vec<u16>,
    dead: u16,
    /// Per state: the look-behind (as an index of `starts`) it is the start state for, or
    /// [`NONE`]; else the state and class it was first reached from, which leads back to a
    /// start state through states of lower ids (a state reached only at the end of the input
    /// has none).
    behind: Vec<u16>,
    parent: Vec<Option<(u16, u8)>>,
    /// The states the training entered most often: where searches that left the table
    /// most likely come back to it.
    hubs: Vec<u16>,
}

impl HotStates {
    /// The checked-in table, when it was made from the catalog whose fingerprint is
    /// `catalog` and reads whole; decoded once per process.
    pub(crate) fn catalog(catalog: u64) -> Option<&'static HotStates> {
        static TABLE: std::sync::OnceLock<Option<HotStates>> = std::sync::OnceLock::new();
        TABLE
            .get_or_init(|| HotStates::decode(BLOB, catalog))
            .as_ref()
    }

    /// Whether the table was made for a DFA with these byte classes.
    pub(crate) fn fits(&self, classes: &ByteClasses) -> bool {
        classes.alphabet_len() == self.stride
            && (0..=255u8).all(|b| classes.get(b) == self.classes[b as usize])
    }

    fn decode(blob: &[u8], catalog: u64) -> Option<HotStates> {
        let mut r = Reader(blob);
        if r.take(MAGIC.len())? != MAGIC || r.take(8)? != catalog.to_le_bytes() {
            return None;
        }
        let stride = r.u16()? as usize;
        let classes: [u8; 256] = r.take(256)?.try_into().ok()?;
        if stride == 0 || classes.iter().any(|&c| c as usize + 1 >= stride) {
            return None;
        }
        let mut byte_of = vec![0u8; stride];
        for b in (0..=255u8).rev() {
            byte_of[classes[b as usize] as usize] = b;
        }
        let n = r.u16()? as usize;
        let dead = r.u16()?;
        let mut starts = [NONE; 257];
        let mut behind = vec![NONE; n];
        for (i, s) in starts.iter_mut().enumerate() {
            *s = r.state(n)?;
            if *s != NONE && behind[*s as usize] == NONE {
                behind[*s as usize] = i as u16;
            }
        }
        let mut next = vec![NONE; n * stride];
        let mut matched = Vec::with_capacity(n);
        let mut parent = vec![None; n];
        for (from, row) in next.chunks_exact_mut(stride).enumerate() {
            matched.push(r.u16()?);
            let count = r.varint()?;
            let mut class = 0;
            for i in 0..count {
                class += r.varint()? + usize::from(i > 0);
                let to = r.u16()?;
                *row.get_mut(class)? = to;
                let (t, eoi) = (to as usize, class + 1 == stride);
                if t >= n {
                    return None;
                }
                if t > from && !eoi && parent[t].is_none() {
                    parent[t] = Some((from as u16, class as u8));
                }
            }
        }
        let hubs = (0..r.varint()?)
            .map(|_| r.state(n).filter(|&h| h != NONE))
            .collect::<Option<Vec<u16>>>()?;
        (r.0.is_empty() && (dead == NONE || (dead as usize) < n)).then_some(HotStates {
            hubs,
            stride,
            classes,
            byte_of,
            starts,
            next,
            matched,
            dead,
            behind,
            parent,
        })
    }

    /// A fresh [`HotCache`] for searches with one lazy-DFA cache.
    pub(crate) fn cache(&'static self) -> HotCache {
        let n = self.matched.len();
        HotCache {
            table: self,
            next: self.next.clone(),
            matched: self.matched.clone(),
            parent: self.parent.clone(),
            dead: self.dead,
            lazy: vec![None; n],
            ours: HashMap::new(),
            clears: 0,
            hubs_known: false,
        }
    }
}

/// The table as one lazy-DFA cache's searches grow it: a transition the table does not have is
/// asked of the lazy DFA (from its state for the table's, found by walking the path that
/// first reached it) and kept, with a new state when the lazy DFA's is not one of those seen
/// so far. So a search that leaves the prepared states comes back to them wherever the lazy
/// DFA's state is one this cache has already matched up with the table's, and never walks
/// a transition twice through the lazy DFA. Belongs with one `Cache`: lazy state ids are
/// only good in their cache, until it is cleared.
pub(crate) struct HotCache {
    table: &'static HotStates,
    next: Vec<u16>,
    matched: Vec<u16>,
    parent: Vec<Option<(u16, u8)>>,
    dead: u16,
    /// Per state: the lazy DFA's state for it, once known.
    lazy: Vec<Option<LazyStateID>>,
    ours: HashMap<LazyStateID, u16>,
    /// The lazy cache's clear count the ids above are from.
    clears: usize,
    /// Whether the hubs' lazy states are known (since the last clear).
    hubs_known: bool,
}

impl HotCache {
    /// The end of the leftmost-first (or, with `earliest`, the first) match of an unanchored
    /// forward search of `dfa` over `input`: what `dfa.try_search_fwd(cache, input)` finds
    /// (the table was made from `dfa`'s NFA: [`HotStates::fits`] and the caller's check;
    /// `cache` is `dfa`'s, the one this belongs with). It walks the states the way
    /// regex-automata's `hybrid::search::find_fwd` walks the lazy DFA's: matches are seen one
    /// byte late, so the state entered on the byte at `at` reports a match ending at `at`;
    /// the search ends in the dead state, or after the transition on the byte after the input
    /// or on the end of the text.
    pub(crate) fn find_fwd(
        &mut self,
        dfa: &DFA,
        cache: &mut Cache,
        input: &Input<'_>,
    ) -> Option<HalfMatch> {
        if input.is_done() {
            return None;
        }
        let t = self.table;
        let hay = input.haystack();
        let (start, end) = (input.start(), input.end());
        let behind = match start.checked_sub(1) {
            Some(i) => hay[i] as usize,
            None => 256,
        };
        let mut sid = t.starts[behind];
        if sid == NONE {
            return dfa.try_search_fwd(cache, input).expect(NEVER_FAILS);
        }
        let earliest = input.get_earliest();
        let mut mat = None;
        let stride = t.stride;
        for (at, &b) in hay[start..end].iter().enumerate() {
            let class = t.classes[b as usize] as usize;
            let mut to = self.next[sid as usize * stride + class];
            if to == NONE {
                match self.learn(dfa, cache, sid, class, Some(b)) {
                    Some(id) => to = id,
                    None => return self.lazy_rest(dfa, cache, input, sid, start + at, mat),
                }
            }
            sid = to;
            let m = self.matched[sid as usize];
            if m != 0 {
                mat = Some(HalfMatch::new(
                    PatternID::new_unchecked(m as usize - 1),
                    start + at,
                ));
                if earliest {
                    return mat;
                }
            } else if sid == self.dead {
                return mat;
            }
        }
        let (class, byte, at) = match hay.get(end) {
            Some(&b) => (t.classes[b as usize] as usize, Some(b), end),
            None => (stride - 1, None, hay.len()),
        };
        let mut to = self.next[sid as usize * stride + class];
        if to == NONE {
            match self.learn(dfa, cache, sid, class, byte) {
                Some(id) => to = id,
                None => return self.lazy_rest(dfa, cache, input, sid, end, mat),
            }
        }
        let m = self.matched[to as usize];
        if m != 0 {
            mat = Some(HalfMatch::new(PatternID::new_unchecked(m as usize - 1), at));
        }
        mat
    }

    /// The transition from `from` on `class` (`byte`, or the end of the text), asked of the
    /// lazy DFA and kept; `None` when this cache holds [`MAX_LEARNED`] states more than the
    /// table, or the lazy DFA's state for `from` cannot be found.
    #[cold]
    #[inline(never)]
    fn learn(
        &mut self,
        dfa: &DFA,
        cache: &mut Cache,
        from: u16,
        class: usize,
        byte: Option<u8>,
    ) -> Option<u16> {
        if self.matched.len() >= self.table.matched.len() + MAX_LEARNED {
            return None;
        }
        if !self.hubs_known {
            self.hubs_known = true;
            for &h in &self.table.hubs {
                self.lazy_of(dfa, cache, h);
            }
        }
        let lazy = self.lazy_of(dfa, cache, from)?;
        let to = match byte {
            Some(b) => dfa.next_state(cache, lazy, b),
            None => dfa.next_eoi_state(cache, lazy),
        }
        .expect(NEVER_FAILS);
        self.check_clears(cache);
        let parent = byte.map(|_| (from, class as u8));
        let id = self.id_of(dfa, cache, to, parent);
        self.next[from as usize * self.table.stride + class] = id;
        Some(id)
    }

    /// Forgets the lazy state ids once the lazy DFA has cleared its cache (they name other
    /// states then); the transitions learnt stay true.
    fn check_clears(&mut self, cache: &Cache) {
        if cache.clear_count() != self.clears {
            self.clears = cache.clear_count();
            self.lazy.fill(None);
            self.ours.clear();
            self.hubs_known = false;
        }
    }

    /// This cache's state for the lazy DFA's `lazy`, a new one (reached from `parent`) if it
    /// has none yet.
    fn id_of(
        &mut self,
        dfa: &DFA,
        cache: &Cache,
        lazy: LazyStateID,
        parent: Option<(u16, u8)>,
    ) -> u16 {
        if lazy.is_dead() && self.dead != NONE {
            return self.dead;
        }
        if let Some(&id) = self.ours.get(&lazy) {
            return id;
        }
        let id = self.matched.len() as u16;
        self.matched.push(if lazy.is_match() {
            dfa.match_pattern(cache, lazy, 0).as_usize() as u16 + 1
        } else {
            0
        });
        if lazy.is_dead() {
            self.dead = id;
        }
        self.parent.push(parent);
        self.next.resize(self.next.len() + self.table.stride, NONE);
        self.lazy.push(Some(lazy));
        self.ours.insert(lazy, id);
        id
    }

    /// The lazy DFA's state for this cache's state `sid`: known, or found by walking, from a
    /// state whose lazy state is known or a start state, the path that first reached `sid`,
    /// a byte of each class at a time.
    fn lazy_of(&mut self, dfa: &DFA, cache: &mut Cache, sid: u16) -> Option<LazyStateID> {
        // A search on the lazy DFA alone may have cleared it since.
        self.check_clears(cache);
        let t = self.table;
        let mut path = Vec::new();
        let mut s = sid;
        let mut lazy = loop {
            if let Some(l) = self.lazy[s as usize] {
                break l;
            }
            if let Some(&behind) = t.behind.get(s as usize).filter(|&&b| b != NONE) {
                let config = start::Config::new()
                    .anchored(Anchored::No)
                    .look_behind(u8::try_from(behind).ok());
                let l = dfa.start_state(cache, &config).ok()?;
                self.check_clears(cache);
                self.note(s, l);
                break l;
            }
            let (from, class) = self.parent[s as usize]?;
            path.push((s, t.byte_of[class as usize]));
            s = from;
        };
        for &(s, b) in path.iter().rev() {
            lazy = dfa.next_state(cache, lazy, b).ok()?;
            self.check_clears(cache);
            self.note(s, lazy);
        }
        Some(lazy)
    }

    fn note(&mut self, sid: u16, lazy: LazyStateID) {
        self.lazy[sid as usize] = Some(lazy);
        self.ours.entry(lazy).or_insert(sid);
    }

    /// The rest of [`HotCache::find_fwd`] on the lazy DFA alone, from this cache's state
    /// `sid` before the byte at `at` (or the end of the input), with the match found so far.
    fn lazy_rest(
        &mut self,
        dfa: &DFA,
        cache: &mut Cache,
        input: &Input<'_>,
        sid: u16,
        at: usize,
        mut mat: Option<HalfMatch>,
    ) -> Option<HalfMatch> {
        let Some(mut sid) = self.lazy_of(dfa, cache, sid) else {
            return dfa.try_search_fwd(cache, input).expect(NEVER_FAILS);
        };
        let hay = input.haystack();
        for (at, &b) in hay[..input.end()].iter().enumerate().skip(at) {
            sid = dfa.next_state(cache, sid, b).expect(NEVER_FAILS);
            if sid.is_match() {
                mat = Some(HalfMatch::new(dfa.match_pattern(cache, sid, 0), at));
                if input.get_earliest() {
                    return mat;
                }
            } else if sid.is_dead() {
                return mat;
            }
        }
        let (sid, at) = match hay.get(input.end()) {
            Some(&b) => (dfa.next_state(cache, sid, b), input.end()),
            None => (dfa.next_eoi_state(cache, sid), hay.len()),
        };
        let sid = sid.expect(NEVER_FAILS);
        if sid.is_match() {
            mat = Some(HalfMatch::new(dfa.match_pattern(cache, sid, 0), at));
        }
        mat
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    /// A state id: below `n`, or [`NONE`] (only as a start the training never took).
    fn state(&mut self, n: usize) -> Option<u16> {
        let s = self.u16()?;
        (s == NONE || (s as usize) < n).then_some(s)
    }
    fn varint(&mut self) -> Option<usize> {
        let b = self.byte()?;
        if b < 0x80 {
            return Some(b as usize);
        }
        Some((b as usize & 0x7f) | (self.byte()? as usize) << 7)
    }
}

/// Making the table: a recorder the engine's matcher feeds while a test scans the training
/// text (`crate::matcher`, under `cfg(test)`).
#[cfg(test)]
pub(crate) mod record {
    use super::{MAGIC, NONE};
    use regex_automata::hybrid::dfa::{Cache, DFA};
    use regex_automata::hybrid::LazyStateID;
    use regex_automata::util::start;
    use regex_automata::{HalfMatch, Input};
    use std::cell::RefCell;
    use std::collections::{BTreeMap, HashMap};

    /// States and transitions seen so far, with the DFA and the cache they were seen in (the
    /// lazy state ids are only good in that cache).
    pub(crate) struct Recorder {
        /// The address of the matcher's DFA (whose searches are recorded), and a clone.
        of: usize,
        dfa: DFA,
        cache: Cache,
        ids: HashMap<LazyStateID, u16>,
        matched: Vec<u16>,
        next: Vec<BTreeMap<u8, u16>>,
        /// How often the searches entered each state.
        visits: Vec<usize>,
        starts: [u16; 257],
        dead: u16,
    }

    /// The lazy DFA gives up on a full cache only when configured to; ours clears and goes on
    /// (and [`finish`] checks it never had to while recording).
    const NO_CLEAR: &str = "the lazy DFA does not give up";

    thread_local! {
        static RECORDING: RefCell<Option<Recorder>> = const { RefCell::new(None) };
    }

    /// Records every unanchored forward search of `dfa` on this thread until [`finish`].
    pub(crate) fn start(dfa: &DFA) {
        let cache = dfa.create_cache();
        RECORDING.with(|r| {
            *r.borrow_mut() = Some(Recorder {
                of: dfa as *const DFA as usize,
                dfa: dfa.clone(),
                cache,
                ids: HashMap::new(),
                matched: Vec::new(),
                next: Vec::new(),
                visits: Vec::new(),
                starts: [NONE; 257],
                dead: NONE,
            })
        });
    }

    /// The search's end, searched (and recorded) by the recorder, when one is recording
    /// `dfa`'s searches on this thread.
    pub(crate) fn search(dfa: &DFA, input: &Input<'_>) -> Option<Option<HalfMatch>> {
        if input.get_anchored() != regex_automata::Anchored::No {
            return None;
        }
        RECORDING.with(|r| {
            let mut r = r.borrow_mut();
            let rec = r.as_mut()?;
            if rec.of != dfa as *const DFA as usize {
                return None;
            }
            Some(rec.find_fwd(input))
        })
    }

    /// The table of what was recorded, for the catalog whose fingerprint is `catalog`.
    pub(crate) fn finish(catalog: u64) -> Vec<u8> {
        let mut rec = RECORDING
            .with(|r| r.borrow_mut().take())
            .expect("recording");
        assert_eq!(
            rec.cache.clear_count(),
            0,
            "the training text overflowed the cache"
        );
        rec.breadth_first();
        let classes = rec.dfa.byte_classes();
        let mut out = MAGIC.to_vec();
        out.extend(catalog.to_le_bytes());
        out.extend((classes.alphabet_len() as u16).to_le_bytes());
        out.extend((0..=255u8).map(|b| classes.get(b)));
        out.extend((rec.matched.len() as u16).to_le_bytes());
        out.extend(rec.dead.to_le_bytes());
        for s in rec.starts {
            out.extend(s.to_le_bytes());
        }
        for (m, next) in rec.matched.iter().zip(&rec.next) {
            out.extend(m.to_le_bytes());
            varint(&mut out, next.len());
            let mut last = None;
            for (&class, &to) in next {
                // The first class as it is, each next one as its distance from the one
                // before, less one.
                varint(
                    &mut out,
                    last.map_or(class as usize, |l: u8| (class - l - 1) as usize),
                );
                last = Some(class);
                out.extend(to.to_le_bytes());
            }
        }
        // The hubs: the most entered states, in order of their ids.
        let mut by_visits: Vec<u16> = (0..rec.visits.len() as u16).collect();
        by_visits
            .sort_by_key(|&i| std::cmp::Reverse((rec.visits[i as usize], std::cmp::Reverse(i))));
        by_visits.truncate(super::HUBS);
        by_visits.sort();
        varint(&mut out, by_visits.len());
        for h in by_visits {
            out.extend(h.to_le_bytes());
        }
        out
    }

    fn varint(out: &mut Vec<u8>, n: usize) {
        if n < 0x80 {
            out.push(n as u8);
        } else {
            out.extend([(n & 0x7f) as u8 | 0x80, (n >> 7) as u8]);
        }
    }

    impl Recorder {
        /// Numbers the states breadth first from the start states (over bytes, not the end
        /// of the input): the first state the decoder sees leading to a state is then on a
        /// shortest path to it, the path a cache walks to find the lazy DFA's state for it.
        fn breadth_first(&mut self) {
            let n = self.matched.len();
            let eoi = self.dfa.byte_classes().alphabet_len() - 1;
            let mut order: Vec<u16> = Vec::with_capacity(n);
            let mut new = vec![NONE; n];
            for &s in &self.starts {
                if s != NONE && new[s as usize] == NONE {
                    new[s as usize] = order.len() as u16;
                    order.push(s);
                }
            }
            let mut i = 0;
            while i < order.len() {
                let s = order[i] as usize;
                for (&class, &to) in &self.next[s] {
                    if class as usize != eoi && new[to as usize] == NONE {
                        new[to as usize] = order.len() as u16;
                        order.push(to);
                    }
                }
                i += 1;
            }
            for s in 0..n {
                if new[s] == NONE {
                    new[s] = order.len() as u16;
                    order.push(s as u16);
                }
            }
            let renumber = |s: u16| if s == NONE { NONE } else { new[s as usize] };
            self.matched = order.iter().map(|&s| self.matched[s as usize]).collect();
            self.visits = order.iter().map(|&s| self.visits[s as usize]).collect();
            self.next = order
                .iter()
                .map(|&s| {
                    self.next[s as usize]
                        .iter()
                        .map(|(&c, &to)| (c, renumber(to)))
                        .collect()
                })
                .collect();
            self.starts = self.starts.map(renumber);
            self.dead = renumber(self.dead);
        }

        fn id(&mut self, sid: LazyStateID) -> u16 {
            if let Some(&id) = self.ids.get(&sid) {
                return id;
            }
            let id = u16::try_from(self.matched.len()).expect("fewer than 65,535 states");
            assert!(id != NONE && !sid.is_quit() && !sid.is_unknown());
            let m = if sid.is_match() {
                let p = self.dfa.match_pattern(&self.cache, sid, 0).as_usize();
                u16::try_from(p + 1).expect("fewer than 65,535 patterns")
            } else {
                0
            };
            if sid.is_dead() {
                self.dead = id;
            }
            self.ids.insert(sid, id);
            self.matched.push(m);
            self.next.push(BTreeMap::new());
            self.visits.push(0);
            id
        }

        fn step(&mut self, from: u16, class: usize, to: LazyStateID) -> u16 {
            let to = self.id(to);
            self.visits[to as usize] += 1;
            let old = self.next[from as usize].insert(class as u8, to);
            assert!(old.is_none_or(|o| o == to), "a DFA is deterministic");
            to
        }

        /// `hybrid::search::find_fwd` without a prefilter, through the DFA's public API,
        /// recording each state and transition.
        fn find_fwd(&mut self, input: &Input<'_>) -> Option<HalfMatch> {
            if input.is_done() {
                return None;
            }
            let config = start::Config::from_input_forward(input);
            let mut sid = self
                .dfa
                .start_state(&mut self.cache, &config)
                .expect("a start state");
            let behind = config.get_look_behind().map_or(256, usize::from);
            let mut id = self.id(sid);
            assert!(self.starts[behind] == NONE || self.starts[behind] == id);
            self.starts[behind] = id;
            let classes = self.dfa.byte_classes().clone();
            let mut mat = None;
            for at in input.start()..input.end() {
                let b = input.haystack()[at];
                sid = self
                    .dfa
                    .next_state(&mut self.cache, sid, b)
                    .expect(NO_CLEAR);
                id = self.step(id, classes.get(b) as usize, sid);
                if sid.is_match() {
                    let pattern = self.dfa.match_pattern(&self.cache, sid, 0);
                    mat = Some(HalfMatch::new(pattern, at));
                    if input.get_earliest() {
                        return mat;
                    }
                } else if sid.is_dead() {
                    return mat;
                }
            }
            let end = input.end();
            let at = match input.haystack().get(end) {
                Some(&b) => {
                    sid = self
                        .dfa
                        .next_state(&mut self.cache, sid, b)
                        .expect(NO_CLEAR);
                    self.step(id, classes.get(b) as usize, sid);
                    end
                }
                None => {
                    sid = self
                        .dfa
                        .next_eoi_state(&mut self.cache, sid)
                        .expect(NO_CLEAR);
                    self.step(id, classes.alphabet_len() - 1, sid);
                    input.haystack().len()
                }
            };
            if sid.is_match() {
                mat = Some(HalfMatch::new(
                    self.dfa.match_pattern(&self.cache, sid, 0),
                    at,
                ));
            }
            mat
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, EngineOptions};

    /// The training text: ordinary prose, a chat prompt, a mail and a form with values, in the
    /// languages the names pass reads.
    const TRAINING: &str = include_str!("../data/hot-states-training.txt");

    /// The table the training text makes with today's catalog.
    fn fresh() -> Vec<u8> {
        let engine = Engine::new(&EngineOptions::default()).expect("the catalog compiles");
        engine.record_hot_states(|| {
            engine.scan(TRAINING);
        })
    }

    #[test]
    fn the_checked_in_table_is_current() {
        let fresh = fresh();
        if std::env::var_os("PII_AIRLOCK_WRITE_HOT").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog-hot-states.bin"),
                &fresh,
            )
            .expect("write the table");
            return;
        }
        assert!(
            BLOB == fresh.as_slice(),
            "data/catalog-hot-states.bin is stale: run scripts/gen-automaton.sh"
        );
    }

    /// Texts the table was not made from: the repository's docs and sources, other scripts,
    /// and bytes no text has (the searches leave the table there, early and late).
    fn unseen() -> Vec<String> {
        let mut texts: Vec<String> = [
            include_str!("../README.md"),
            include_str!("../docs/pasted-text.md"),
            include_str!("names/person.rs"),
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.push(
            "Παρακαλώ καλέστε +30 21 0123 4567 · Москва, ул. Ленина 5 · 東京都 03-1234-5678 · \
             mail a.b@example.com, IBAN GB82 WEST 1234 5698 7654 32 · 4111 1111 1111 1111"
                .to_string(),
        );
        // Generated ASCII and UTF-8: a linear congruential sequence over printable bytes,
        // digits and a few multi-byte characters.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut s = String::new();
        for _ in 0..20_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let r = (x >> 33) as usize;
            match r % 9 {
                0..=3 => s.push((b' ' + (r / 9 % 95) as u8) as char),
                4..=6 => s.push((b'0' + (r / 9 % 10) as u8) as char),
                7 => s.push(['é', 'ß', '€', '–', '\u{a0}', '中'][r / 9 % 6]),
                _ => s.push([' ', '-', '.', '@', '\n', '/'][r / 9 % 6]),
            }
        }
        texts.push(s);
        texts.push(TRAINING.to_string());
        texts
    }

    #[test]
    fn the_table_finds_what_the_lazy_dfa_finds() {
        let engine = Engine::new(&EngineOptions::default()).expect("the catalog compiles");
        let (dfa, used) = engine.forward_dfa();
        assert!(used, "the catalog's engine searches the table first");
        let hot = HotStates::catalog(crate::rules::CATALOG_FINGERPRINT).expect("a current table");
        let (mut lazy, mut ours) = (dfa.create_cache(), dfa.create_cache());
        let mut grown = hot.cache();
        for text in unseen() {
            let hay = text.as_bytes();
            // Every start for the short texts, every 7th byte for the long ones; the whole
            // rest, a window ending inside the text, and the first match only.
            let step = if hay.len() > 30_000 { 7 } else { 1 };
            for start in (0..=hay.len()).step_by(step) {
                for end in [hay.len(), (start + 40).min(hay.len())] {
                    for earliest in [false, true] {
                        let input = Input::new(hay).range(start..end).earliest(earliest);
                        let want = dfa.try_search_fwd(&mut lazy, &input).unwrap();
                        assert_eq!(
                            grown.find_fwd(dfa, &mut ours, &input),
                            want,
                            "at {start}..{end}"
                        );
                    }
                }
            }
        }
        // The unseen texts led out of the table, and back into it.
        assert!(grown.matched.len() > hot.matched.len());
    }

    #[test]
    fn only_the_whole_catalog_uses_the_table() {
        let with = |options: EngineOptions| {
            Engine::new(&options)
                .expect("valid options")
                .forward_dfa()
                .1
        };
        assert!(with(EngineOptions {
            names: false,
            min_score: 0.9,
            ..EngineOptions::default()
        }));
        assert!(!with(EngineOptions {
            countries: Some(vec!["US".into()]),
            ..EngineOptions::default()
        }));
        assert!(!with(EngineOptions {
            disabled_rules: vec!["email".into()],
            ..EngineOptions::default()
        }));
    }

    #[test]
    fn other_catalogs_and_damaged_tables_are_not_used() {
        let stamp = crate::rules::CATALOG_FINGERPRINT;
        assert!(HotStates::decode(BLOB, stamp).is_some());
        assert!(HotStates::decode(BLOB, stamp ^ 1).is_none());
        for cut in [0, 5, 13, 300, BLOB.len() / 2, BLOB.len() - 1] {
            assert!(
                HotStates::decode(&BLOB[..cut], stamp).is_none(),
                "cut at {cut}"
            );
        }
        let mut longer = BLOB.to_vec();
        longer.push(0);
        assert!(HotStates::decode(&longer, stamp).is_none());
    }
}
