//! Every regex in the crate: patterns parsed with ASCII classes, compiled to Thompson NFAs and
//! searched by lazy DFAs (regex-automata's `hybrid`), with a pool of caches. A match is a
//! forward search for its end, then a reverse search for its start anchored to the pattern
//! that matched.
//!
//! Why not regex-automata's `meta::Regex`: for our patterns it always ends up on the same lazy
//! DFAs, but it also compiles a PikeVM, keeps literal-prefilter machinery and compiles a
//! second forward NFA for each extra match kind. Building the engine's matchers here shares one
//! parse and one forward NFA between the leftmost-first and the all-matches DFA, and the `.wasm`
//! carries neither the meta strategies nor Aho-Corasick. The price is that nothing falls back
//! when a lazy DFA cannot search; the configuration below makes that impossible (see
//! [`Matcher::from_hirs`]).

use crate::automaton;
use regex_automata::hybrid::dfa::{self, OverlappingState};
use regex_automata::nfa::thompson::{self, State, Transition, WhichCaptures, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, Match, MatchKind, PatternID};
use regex_syntax::hir::Hir;
use std::sync::Mutex;

/// Why a search cannot fail: see [`Matcher::from_hirs`].
const NEVER_FAILS: &str = "the lazy DFAs are configured never to fail (Matcher::from_hirs)";

/// How a [`Matcher`] is built.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// `(?i)` for every pattern.
    pub case_insensitive: bool,
    /// Largest NFA accepted, in bytes (custom patterns from a policy or an option).
    pub size_limit: Option<usize>,
    /// Also build the all-matches DFA behind [`Session::which_overlapping`].
    pub overlapping: bool,
    /// Cap on each lazy DFA's transition cache, in bytes.
    pub cache: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            case_insensitive: false,
            size_limit: None,
            overlapping: false,
            // regex-automata's own default: plenty for the small matchers.
            cache: 2 << 20,
        }
    }
}

/// The syntax every pattern is parsed with. ASCII classes and ASCII `\b`: Unicode word
/// boundaries make a lazy DFA give up. UTF-8 mode stays on, so a pattern that could match
/// inside a multi-byte character is an error and matches end on character boundaries.
fn syntax_config(case_insensitive: bool) -> syntax::Config {
    syntax::Config::new()
        .unicode(false)
        .utf8(true)
        .case_insensitive(case_insensitive)
}

/// Parses patterns into the trees [`Matcher::from_hirs`] compiles (and `starts.rs` reads).
pub(crate) fn parse<P: AsRef<str>>(
    patterns: &[P],
    case_insensitive: bool,
) -> Result<Vec<Hir>, String> {
    let config = syntax_config(case_insensitive);
    patterns
        .iter()
        .map(|p| syntax::parse_with(p.as_ref(), &config).map_err(|e| e.to_string()))
        .collect()
}

/// Frees parsed patterns without `Hir`'s own `Drop`, which swaps every inner node out for an
/// empty one and so allocates once per node (0.3–0.6 ms for the catalog's 5,400 nodes
/// natively, in the engine's build; this takes them apart without allocating).
pub(crate) fn dispose(hirs: Vec<Hir>) {
    use regex_syntax::hir::HirKind;
    let mut stack = hirs;
    while let Some(hir) = stack.pop() {
        match hir.into_kind() {
            HirKind::Concat(subs) | HirKind::Alternation(subs) => stack.extend(subs),
            HirKind::Repetition(rep) => stack.push(*rep.sub),
            HirKind::Capture(cap) => stack.push(*cap.sub),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
        }
    }
}

/// One or more patterns compiled for leftmost-first search (pattern id = index), optionally
/// with an all-matches DFA over the same NFA. `Send + Sync`: each search borrows a cache from
/// the pool.
pub(crate) struct Matcher {
    /// Leftmost-first, start states for each pattern (per-pattern anchored searches).
    forward: dfa::DFA,
    /// The reversed patterns, searched back from a match's end, anchored to the pattern that
    /// matched, to find where it starts.
    reverse: Backward,
    all: Option<dfa::DFA>,
    pool: Mutex<Vec<Caches>>,
}

/// The first module's reverse DFA: one over every pattern's reverse NFA (see
/// `automaton::Reverse`), searched as before this round, its code unchanged there.
#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
type Backward = dfa::DFA;

/// The reverse search's DFAs. One per matcher, never in a list: the variants' sizes differ
/// for nothing.
#[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
enum Backward {
    /// One over every pattern's reverse NFA, searched anchored to the pattern that matched.
    Whole(dfa::DFA),
    /// One per pattern, over that pattern's reverse NFA alone (the catalog's, from
    /// `src/automaton.rs`), built at the pattern's first match (in each set of caches: a
    /// process scans through one set at a time, or one per thread): a first scan matches a
    /// few dozen of the catalog's patterns, and putting every pattern's reverse NFA together
    /// was half of an engine's build. Not in the first module (`automaton::Reverse`).
    Each(automaton::Reverse, dfa::Config),
}

struct Caches {
    forward: dfa::Cache,
    /// The reverse DFAs with their caches: the one of `Backward::Whole` at 0, or each
    /// pattern's (made at its first match) at its id for `Backward::Each`. Boxed: there is a
    /// slot for every pattern up to the highest that matched, and a DFA alone is over 700
    /// bytes.
    #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
    reverse: Vec<Option<Box<(dfa::DFA, dfa::Cache)>>>,
    #[cfg(all(target_arch = "wasm32", feature = "scanner"))]
    reverse: dfa::Cache,
    all: Option<dfa::Cache>,
}

/// The compiled DFAs are shared (an `Arc`'d NFA each); the clone starts with an empty pool.
impl Clone for Matcher {
    fn clone(&self) -> Matcher {
        Matcher {
            forward: self.forward.clone(),
            reverse: self.reverse.clone(),
            all: self.all.clone(),
            pool: Mutex::new(Vec::new()),
        }
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.pattern_len())
            .finish()
    }
}

impl Matcher {
    /// Parses and compiles `patterns`.
    pub(crate) fn new<P: AsRef<str>>(patterns: &[P], options: Options) -> Result<Matcher, String> {
        Matcher::from_hirs(&parse(patterns, options.case_insensitive)?, options)
    }

    /// Compiles parsed patterns.
    ///
    /// A lazy DFA search can fail in three ways, and none can happen here: it quits on a byte
    /// only for Unicode word boundaries (the DFA build rejects them: a pattern that turns
    /// Unicode back on with `(?u:\b)` gets an error here, not at search time); it gives up on
    /// a thrashing cache only when `minimum_cache_clear_count` is set (it is not: it clears
    /// and goes on, still linear); and a per-pattern anchored search needs start states for
    /// each pattern (on for the forward and the reverse DFA).
    pub(crate) fn from_hirs(hirs: &[Hir], options: Options) -> Result<Matcher, String> {
        let (forward, reverse) = compile_nfas(hirs, options.size_limit)?;
        Matcher::from_nfas(&forward, &reverse, options)
    }

    /// Builds the lazy DFAs over NFAs made by [`compile_nfas`].
    pub(crate) fn from_nfas(
        forward_nfa: &NFA,
        reverse_nfa: &NFA,
        options: Options,
    ) -> Result<Matcher, String> {
        // Anchored to the pattern the forward search found: the reverse DFA then follows one
        // pattern instead of all of them (smaller states, it dies sooner). The start is the
        // same: a longer match of another pattern ending there would have started further
        // left and been the leftmost match.
        let reverse = build(
            reverse_nfa,
            config(options)
                .match_kind(MatchKind::All)
                .starts_for_each_pattern(true),
        )?;
        #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
        let reverse = Backward::Whole(reverse);
        Matcher::with(forward_nfa, reverse, options)
    }

    /// Builds the lazy DFAs over the catalog's NFAs (`src/automaton.rs`); the first module's
    /// reverse NFA is all the patterns' in one.
    #[cfg(all(target_arch = "wasm32", feature = "scanner"))]
    pub(crate) fn from_prebuilt(
        forward_nfa: &NFA,
        reverse: &automaton::Reverse,
        options: Options,
    ) -> Result<Matcher, String> {
        Matcher::from_nfas(forward_nfa, reverse, options)
    }

    /// Builds the lazy DFAs over the catalog's forward NFA and its patterns' reverse NFAs
    /// (`src/automaton.rs`), each of those put together at its pattern's first match.
    #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
    pub(crate) fn from_prebuilt(
        forward_nfa: &NFA,
        reverse: &automaton::Reverse,
        options: Options,
    ) -> Result<Matcher, String> {
        let config = config(options).match_kind(MatchKind::All);
        Matcher::with(
            forward_nfa,
            Backward::Each(reverse.clone(), config),
            options,
        )
    }

    fn with(forward_nfa: &NFA, reverse: Backward, options: Options) -> Result<Matcher, String> {
        let config = config(options);
        let forward = build(
            forward_nfa,
            config
                .clone()
                .match_kind(MatchKind::LeftmostFirst)
                .starts_for_each_pattern(true),
        )?;
        let all = if options.overlapping {
            Some(build(forward_nfa, config.match_kind(MatchKind::All))?)
        } else {
            None
        };
        Ok(Matcher {
            forward,
            reverse,
            all,
            pool: Mutex::new(Vec::new()),
        })
    }

    /// The reverse DFA and cache that find where pattern `pid`'s match ends back to, made at
    /// their first use in `caches`, and the search `back` anchored as that DFA needs.
    #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
    fn reverse_for<'c, 'h>(
        &self,
        caches: &'c mut Vec<Option<Box<(dfa::DFA, dfa::Cache)>>>,
        pid: PatternID,
        back: Input<'h>,
    ) -> (&'c dfa::DFA, &'c mut dfa::Cache, Input<'h>) {
        let (slot, back) = match &self.reverse {
            Backward::Whole(_) => (0, back.anchored(Anchored::Pattern(pid))),
            Backward::Each(..) => (pid.as_usize(), back.anchored(Anchored::Yes)),
        };
        if caches.len() <= slot {
            caches.resize_with(slot + 1, || None);
        }
        let (dfa, cache) = &mut **caches[slot].get_or_insert_with(|| {
            let dfa = match &self.reverse {
                Backward::Whole(dfa) => dfa.clone(),
                Backward::Each(parts, config) => parts
                    .nfa(slot)
                    .and_then(|nfa| build(&nfa, config.clone()).ok())
                    .expect("the blob's reverse parts are checked by its tests"),
            };
            let cache = dfa.create_cache();
            Box::new((dfa, cache))
        });
        (dfa, cache, back)
    }

    /// How many patterns were compiled.
    pub(crate) fn pattern_len(&self) -> usize {
        self.forward.pattern_len()
    }

    /// A cache for a run of searches; it goes back to the pool when dropped.
    pub(crate) fn session(&self) -> Session<'_> {
        let caches = self
            .pool
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_else(|| Caches {
                forward: self.forward.create_cache(),
                #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
                reverse: Vec::new(),
                #[cfg(all(target_arch = "wasm32", feature = "scanner"))]
                reverse: self.reverse.create_cache(),
                all: self.all.as_ref().map(dfa::DFA::create_cache),
            });
        Session {
            matcher: self,
            caches: Some(caches),
        }
    }

    /// The leftmost-first match in `input`.
    pub(crate) fn search(&self, input: &Input<'_>) -> Option<Match> {
        self.session().search(input)
    }

    /// Every leftmost-first match in `hay`, left to right, non-overlapping. After an empty
    /// match the next search starts one character further on.
    pub(crate) fn find_iter<'m, 'h>(&'m self, hay: &'h str) -> impl Iterator<Item = Match> + 'm
    where
        'h: 'm,
    {
        let mut session = self.session();
        let mut at = Some(0);
        std::iter::from_fn(move || {
            let from = at?;
            let m = session.search(&Input::new(hay).range(from..));
            at = m.and_then(|m| {
                if m.is_empty() {
                    hay[m.end()..]
                        .chars()
                        .next()
                        .map(|c| m.end() + c.len_utf8())
                } else {
                    Some(m.end())
                }
            });
            m
        })
    }

    /// Whether any pattern matches anywhere in `hay` (the forward search alone: where the
    /// match starts does not matter).
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        let mut session = self.session();
        let cache = &mut session.caches().forward;
        self.forward
            .try_search_fwd(cache, &Input::new(hay).earliest(true))
            .expect(NEVER_FAILS)
            .is_some()
    }
}

/// The lazy DFAs' common configuration: the cache's cap, never checked against the minimum
/// (see [`Matcher::from_hirs`]).
fn config(options: Options) -> dfa::Config {
    dfa::Config::new()
        .cache_capacity(options.cache)
        .skip_cache_capacity_check(true)
}

/// A lazy DFA over `nfa`.
fn build(nfa: &NFA, config: dfa::Config) -> Result<dfa::DFA, String> {
    dfa::Builder::new()
        .configure(config)
        .build_from_nfa(nfa.clone())
        .map_err(build_error)
}

/// The forward NFA (leading `\b`s shared: [`share_leading_boundaries`]) and the reverse NFA of
/// parsed patterns, as [`Matcher::from_nfas`] takes them.
pub(crate) fn compile_nfas(hirs: &[Hir], size_limit: Option<usize>) -> Result<(NFA, NFA), String> {
    let forward = compile_nfa(hirs, size_limit, false)?;
    let forward = share_leading_boundaries(&forward).unwrap_or(forward);
    Ok((forward, compile_nfa(hirs, size_limit, true)?))
}

/// The Thompson NFA of parsed patterns, forward or reverse, without capture states.
pub(crate) fn compile_nfa(
    hirs: &[Hir],
    size_limit: Option<usize>,
    reverse: bool,
) -> Result<NFA, String> {
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(size_limit)
                .reverse(reverse),
        )
        .build_many_from_hir(hirs)
        .map_err(|e| e.to_string())
}

/// The same NFA, except that consecutive patterns beginning with `\b` share one `\b` state
/// in the start states (the one each pattern begins with stays as its own start, for anchored
/// searches of one pattern). `None` when the NFA is not laid out as the compiler lays it out
/// (then the caller keeps the original).
///
/// Why: every lazy-DFA state holds the closure of the unanchored start, and nearly every rule
/// begins with `\b`. With a `\b` state per pattern that closure stops at ~200 look states, all
/// of them in every DFA state's set, and each new transition walks them; with one shared state
/// the closure is a handful of states except where a word boundary is crossed. Measured on
/// the 10 KB prompt: the first pass of a fresh forward DFA takes about half the time. A
/// union of `\b → a`, `\b → b` matches what `\b → (a | b)` matches, in the same preference
/// order, so every match is the same.
pub(crate) fn share_leading_boundaries(nfa: &NFA) -> Option<NFA> {
    if nfa.pattern_len() == 0 {
        return None;
    }
    let mut b = thompson::Builder::new();
    b.set_utf8(nfa.is_utf8());
    b.set_reverse(nfa.is_reverse());
    b.set_look_matcher(nfa.look_matcher().clone());
    // Copy every state in order, so each keeps its id; a pattern's states come before its
    // match state, and the match states come in pattern order.
    b.start_pattern().ok()?;
    let mut pattern = 0;
    for (i, state) in nfa.states().iter().enumerate() {
        let id = match state {
            State::ByteRange { trans } => b.add_range(*trans),
            State::Sparse(sparse) => b.add_sparse(sparse.transitions.to_vec()),
            State::Look { look, next } => b.add_look(*next, *look),
            State::Union { alternates } => b.add_union(alternates.to_vec()),
            State::BinaryUnion { alt1, alt2 } => b.add_union(vec![*alt1, *alt2]),
            State::Fail => b.add_fail(),
            State::Match { pattern_id } if pattern_id.as_usize() == pattern => {
                let id = b.add_match().ok()?;
                b.finish_pattern(nfa.start_pattern(*pattern_id)?).ok()?;
                pattern += 1;
                if pattern < nfa.pattern_len() {
                    b.start_pattern().ok()?;
                }
                Ok(id)
            }
            State::Match { .. } | State::Dense(_) | State::Capture { .. } => return None,
        };
        if id.ok()?.as_usize() != i {
            return None;
        }
    }
    if pattern != nfa.pattern_len() {
        return None;
    }
    let starts = nfa
        .patterns()
        .map(|pid| {
            let start = nfa.start_pattern(pid)?;
            Some((start, after_leading_boundary(nfa.state(start))))
        })
        .collect::<Option<Vec<_>>>()?;
    let unanchored = nfa.start_anchored() != nfa.start_unanchored();
    let (anchored, unanchored) = shared_starts(&mut b, &starts, unanchored)?;
    b.build(anchored, unanchored).ok()
}

/// The state after a pattern's leading ASCII `\b`, when `start` (its start state) is one.
pub(crate) fn after_leading_boundary(start: &State) -> Option<StateID> {
    match start {
        State::Look {
            look: Look::WordAscii,
            next,
        } => Some(*next),
        _ => None,
    }
}

/// Adds the start states of [`share_leading_boundaries`] to `b`, whose states are those of
/// the patterns (`starts`: each one's start state and the state after its leading `\b`, if
/// it begins with one, in pattern order): the anchored start and, with `unanchored`, the
/// unanchored one (else the anchored one again).
pub(crate) fn shared_starts(
    b: &mut thompson::Builder,
    starts: &[(StateID, Option<StateID>)],
    unanchored: bool,
) -> Option<(StateID, StateID)> {
    // The patterns in order, each run of `\b`-led ones behind one `\b`.
    let mut alternates = Vec::new();
    let mut run = Vec::new();
    for &(start, lead) in starts {
        match lead {
            Some(next) => run.push((start, next)),
            None => {
                end_run(&mut run, &mut alternates, b)?;
                alternates.push(start);
            }
        }
    }
    end_run(&mut run, &mut alternates, b)?;
    let anchored = b.add_union(alternates).ok()?;
    // Unanchored: `(?s-u:.)*?` before the patterns, as the compiler builds it, unless every
    // pattern was anchored (then the compiler built none).
    if !unanchored {
        return Some((anchored, anchored));
    }
    let any = b
        .add_range(Transition {
            start: 0,
            end: 255,
            next: StateID::ZERO,
        })
        .ok()?;
    let union = b.add_union(vec![anchored, any]).ok()?;
    b.patch(any, union).ok()?;
    Some((anchored, union))
}

/// Puts a run of `\b`-led patterns (their start and the state after its `\b`) into the start
/// union: one pattern as it is, several behind one shared `\b`.
fn end_run(
    run: &mut Vec<(StateID, StateID)>,
    alternates: &mut Vec<StateID>,
    b: &mut thompson::Builder,
) -> Option<()> {
    let id = match run.as_slice() {
        [] => return Some(()),
        [(start, _)] => *start,
        _ => {
            let union = b
                .add_union(run.iter().map(|&(_, next)| next).collect())
                .ok()?;
            b.add_look(union, Look::WordAscii).ok()?
        }
    };
    alternates.push(id);
    run.clear();
    Some(())
}

/// A borrowed cache: searches through it need no locking.
pub(crate) struct Session<'m> {
    matcher: &'m Matcher,
    caches: Option<Caches>,
}

impl Session<'_> {
    fn caches(&mut self) -> &mut Caches {
        // Only `Drop` takes the caches out.
        self.caches
            .as_mut()
            .expect("a live session holds its caches")
    }

    /// The leftmost-first match in `input` (anchored to one pattern with
    /// `Anchored::Pattern`).
    pub(crate) fn search(&mut self, input: &Input<'_>) -> Option<Match> {
        let matcher = self.matcher;
        let caches = self.caches();
        let end = matcher
            .forward
            .try_search_fwd(&mut caches.forward, input)
            .expect(NEVER_FAILS)?;
        let pid = end.pattern();
        if input.get_anchored() != Anchored::No || end.offset() == input.start() {
            return Some(Match::new(pid, input.start()..end.offset()));
        }
        let back = input
            .clone()
            .span(input.start()..end.offset())
            .earliest(false);
        #[cfg(all(target_arch = "wasm32", feature = "scanner"))]
        let (dfa, cache, back) = (
            &matcher.reverse,
            &mut caches.reverse,
            back.anchored(Anchored::Pattern(pid)),
        );
        #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
        let (dfa, cache, back) = matcher.reverse_for(&mut caches.reverse, pid, back);
        let start = dfa
            .try_search_rev(cache, &back)
            .expect(NEVER_FAILS)
            .expect("a reverse search matches where the forward one did");
        Some(Match::new(pid, start.offset()..end.offset()))
    }

    /// Every pattern that matches in `input`, in priority order, into `out` (cleared first).
    /// Needs `Options::overlapping`.
    ///
    /// A list rather than a `PatternSet`: a set has a slot per pattern, and walking 219 slots
    /// after each contest cost more than the search that filled two of them.
    pub(crate) fn which_overlapping(&mut self, input: &Input<'_>, out: &mut Vec<PatternID>) {
        out.clear();
        let matcher = self.matcher;
        let Some(all) = &matcher.all else {
            debug_assert!(false, "which_overlapping needs Options::overlapping");
            return;
        };
        let cache = self.caches().all.as_mut().expect("built with the DFA");
        let mut state = OverlappingState::start();
        loop {
            all.try_search_overlapping_fwd(cache, input, &mut state)
                .expect(NEVER_FAILS);
            match state.get_match() {
                Some(m) => out.push(m.pattern()),
                None => break,
            }
        }
        crate::sort::sort(out);
        out.dedup();
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        // A search that panicked may have left a cache half-updated: drop it, build afresh.
        if std::thread::panicking() {
            return;
        }
        if let (Some(caches), Ok(mut pool)) = (self.caches.take(), self.matcher.pool.lock()) {
            pool.push(caches);
        }
    }
}

/// A lazy DFA's build error as text. The first module says only that the build failed: it
/// builds its DFAs from the built-in automaton alone, whose build cannot fail short of a bug,
/// and regex-automata's `Display` of the error was what kept `core::fmt` in that module
/// (docs/benchmarks.md, "Round 12 (size12)").
fn build_error(e: regex_automata::hybrid::BuildError) -> String {
    if cfg!(all(target_arch = "wasm32", feature = "scanner")) {
        drop(e);
        "cannot build the lazy DFA".to_string()
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::Anchored;

    #[test]
    fn leftmost_first_with_starts_and_pattern_ids() {
        let m = Matcher::new(&[r"\bab", r"\ba[a-z]+"], Options::default()).unwrap();
        let hit = m.search(&Input::new("x abc abd")).unwrap();
        assert_eq!(
            (hit.pattern().as_usize(), hit.start(), hit.end()),
            (0, 2, 4)
        );
        let anchored = Input::new("x abc")
            .range(2..)
            .anchored(Anchored::Pattern(1.into()));
        let hit = m.search(&anchored).unwrap();
        assert_eq!(
            (hit.pattern().as_usize(), hit.start(), hit.end()),
            (1, 2, 5)
        );
        assert!(!m.is_match("nothing here"));
    }

    #[test]
    fn overlapping_reports_every_pattern() {
        let options = Options {
            overlapping: true,
            ..Options::default()
        };
        let m = Matcher::new(&["[0-9]{3}", "[0-9]{3}-[0-9]{2}", "[a-z]+"], options).unwrap();
        let mut found = vec![PatternID::must(2)];
        let input = Input::new("123-45").anchored(Anchored::Yes);
        m.session().which_overlapping(&input, &mut found);
        assert_eq!(found, [PatternID::must(0), PatternID::must(1)]);
        let input = Input::new("x123-45").anchored(Anchored::Yes);
        m.session().which_overlapping(&input, &mut found);
        assert_eq!(found, [PatternID::must(2)]);
    }

    #[test]
    fn unicode_word_boundary_is_a_build_error_not_a_search_failure() {
        let err = Matcher::new(&[r"(?u:\b)x"], Options::default()).unwrap_err();
        assert!(err.to_lowercase().contains("unicode"), "{err}");
        // ASCII boundaries next to non-ASCII text search fine.
        let m = Matcher::new(&[r"\bx\b"], Options::default()).unwrap();
        assert!(m.is_match("é x é"));
    }

    #[test]
    fn case_insensitive_and_size_limit() {
        let options = Options {
            case_insensitive: true,
            ..Options::default()
        };
        assert!(Matcher::new(&["abc"], options).unwrap().is_match("xABCx"));
        let tiny = Options {
            size_limit: Some(100),
            ..Options::default()
        };
        assert!(Matcher::new(&["[a-z]{50}"], tiny).is_err());
    }

    #[test]
    fn find_iter_steps_over_empty_matches_by_character() {
        let m = Matcher::new(&[r"\bx?"], Options::default()).unwrap();
        let spans: Vec<_> = m.find_iter("é x").map(|m| (m.start(), m.end())).collect();
        assert_eq!(spans, [(3, 4), (4, 4)]);
        let m = Matcher::new(&["ab"], Options::default()).unwrap();
        assert_eq!(m.find_iter("abab ab").count(), 3);
    }

    /// Forward leftmost-first ends with and without the shared `\b`, at every start offset.
    fn ends(nfa: NFA, hay: &str) -> Vec<Option<(usize, usize)>> {
        let dfa = dfa::Builder::new()
            .configure(dfa::Config::new().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(nfa)
            .unwrap();
        let mut cache = dfa.create_cache();
        (0..=hay.len())
            .map(|at| {
                dfa.try_search_fwd(&mut cache, &Input::new(hay).range(at..))
                    .unwrap()
                    .map(|m| (m.pattern().as_usize(), m.offset()))
            })
            .collect()
    }

    #[test]
    fn shared_boundaries_change_no_match() {
        // Runs of `\b`-led patterns with others between them (priority must hold across the
        // runs), a pattern that is all alternation, and one that only matches inside a word.
        let patterns = [
            r"\bab",
            r"\ba[a-z]+",
            r"x?ab[0-9]",
            r"\b[0-9]{2}",
            r"\b[0-9]{3}\b",
            r"\bq|\bz[a-z]",
            r"\B[0-9]",
            r"\b-[0-9]",
            r"(?:\bab ?)+",
        ];
        let hirs = parse(&patterns, false).unwrap();
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many_from_hir(&hirs)
            .unwrap();
        let shared = share_leading_boundaries(&nfa).expect("the compiler's layout");
        let hay = "ab abc xab1 zab2 123 12 q zq za x-1 a-2 5a6 abcd 1234 ab_ab \u{e9}ab";
        assert_eq!(ends(shared, hay), ends(nfa, hay));
    }

    #[test]
    fn shared_boundaries_keep_each_patterns_own_start() {
        let m = Matcher::new(&[r"\bab", r"[a-z]b"], Options::default()).unwrap();
        // Anchored to the `\b` pattern inside a word: no match; to the other one: a match.
        let inside = |pid: usize| {
            let input = Input::new("xab")
                .range(1..)
                .anchored(Anchored::Pattern(PatternID::must(pid)));
            m.search(&input).map(|m| (m.start(), m.end()))
        };
        assert_eq!(inside(0), None);
        assert_eq!(inside(1), Some((1, 3)));
        // Every pattern anchored at the start: no unanchored prefix before or after.
        let m = Matcher::new(&[r"^\bab", r"^cd"], Options::default()).unwrap();
        assert!(m.is_match("ab") && m.is_match("cd x"));
        assert!(!m.is_match("x ab") && !m.is_match("xcd"));
        // No pattern at all (every rule disabled), and a `\b` reached again through a loop.
        assert!(!Matcher::new::<&str>(&[], Options::default())
            .unwrap()
            .is_match("ab"));
        // (the second `ab` of `abab` has no boundary before it).
        let m = Matcher::new(&[r"(?:\bab ?)+", r"\bq"], Options::default()).unwrap();
        let hit = m.search(&Input::new("xab abab ab ab q")).unwrap();
        assert_eq!((hit.start(), hit.end()), (4, 6));
        let hit = m.search(&Input::new("xab ab ab q")).unwrap();
        assert_eq!((hit.start(), hit.end()), (4, 10));
    }

    #[test]
    fn caches_return_to_the_pool() {
        let m = Matcher::new(&["a"], Options::default()).unwrap();
        assert!(m.is_match("a"));
        assert!(m.is_match("ba"));
        assert_eq!(m.pool.lock().unwrap().len(), 1);
        let (s1, s2) = (m.session(), m.session());
        drop((s1, s2));
        assert_eq!(m.pool.lock().unwrap().len(), 2);
    }
}
