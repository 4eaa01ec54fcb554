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

use regex_automata::hybrid::dfa::{self, OverlappingState};
use regex_automata::nfa::thompson::{self, WhichCaptures, NFA};
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

/// One or more patterns compiled for leftmost-first search (pattern id = index), optionally
/// with an all-matches DFA over the same NFA. `Send + Sync`: each search borrows a cache from
/// the pool.
pub(crate) struct Matcher {
    /// Leftmost-first, start states for each pattern (per-pattern anchored searches).
    forward: dfa::DFA,
    /// The reversed patterns, searched back from a match's end, anchored to the pattern that
    /// matched, to find where it starts.
    reverse: dfa::DFA,
    all: Option<dfa::DFA>,
    pool: Mutex<Vec<Caches>>,
}

struct Caches {
    forward: dfa::Cache,
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
        let compile = |reverse: bool| {
            thompson::Compiler::new()
                .configure(
                    thompson::Config::new()
                        .which_captures(WhichCaptures::None)
                        .nfa_size_limit(options.size_limit)
                        .reverse(reverse),
                )
                .build_many_from_hir(hirs)
                .map_err(|e| e.to_string())
        };
        let forward_nfa = compile(false)?;
        let reverse_nfa = compile(true)?;
        let config = dfa::Config::new()
            .cache_capacity(options.cache)
            .skip_cache_capacity_check(true);
        let build = |nfa: &NFA, config: dfa::Config| {
            dfa::Builder::new()
                .configure(config)
                .build_from_nfa(nfa.clone())
                .map_err(|e| e.to_string())
        };
        let forward = build(
            &forward_nfa,
            config
                .clone()
                .match_kind(MatchKind::LeftmostFirst)
                .starts_for_each_pattern(true),
        )?;
        // Anchored to the pattern the forward search found: the reverse DFA then follows one
        // pattern instead of all of them (smaller states, it dies sooner). The start is the
        // same: a longer match of another pattern ending there would have started further
        // left and been the leftmost match.
        let reverse = build(
            &reverse_nfa,
            config
                .clone()
                .match_kind(MatchKind::All)
                .starts_for_each_pattern(true),
        )?;
        let all = if options.overlapping {
            Some(build(&forward_nfa, config.match_kind(MatchKind::All))?)
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
            .anchored(Anchored::Pattern(pid))
            .earliest(false);
        let start = matcher
            .reverse
            .try_search_rev(&mut caches.reverse, &back)
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
        out.sort_unstable();
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
