//! The benchmarks' same-process reference, shared by `benches/scan.rs` (native) and
//! `src/bench_reference.rs` (wasm): one bare leftmost-first pass of regex-automata's lazy DFAs
//! over the catalog's patterns, parsed with ASCII classes and given a 16 MiB cache as the
//! engine's matcher is (src/engine.rs `DFA_CACHE`), and nothing else (no validation, contests, context words, names pass,
//! scoring or overlap resolution). Built from regex-automata alone, it does not move when the
//! engine's code does; timed in turn with the engine, it gives a ratio the host's drift leaves
//! alone.

use regex_automata::hybrid::{dfa, regex};
use regex_automata::util::syntax;
use regex_automata::Input;

/// The cache cap of the engine's lazy DFAs (src/engine.rs `DFA_CACHE`).
pub const CACHE: usize = 16 << 20;

/// The compiled reference and its cache.
pub struct Bare {
    re: regex::Regex,
    cache: regex::Cache,
}

impl Bare {
    /// Compiles the patterns of the engine's rules, in order (token rules have none).
    pub fn new<'a>(rule_patterns: impl IntoIterator<Item = &'a str>) -> Result<Bare, String> {
        Bare::with_cache(rule_patterns, CACHE)
    }

    /// As [`Bare::new`] with a cache cap of `cap` bytes: the varied text's rows compare caps.
    pub fn with_cache<'a>(
        rule_patterns: impl IntoIterator<Item = &'a str>,
        cap: usize,
    ) -> Result<Bare, String> {
        let patterns: Vec<&str> = rule_patterns
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        let re = regex::Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(true))
            .dfa(dfa::Config::new().cache_capacity(cap))
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        let cache = re.create_cache();
        Ok(Bare { re, cache })
    }

    /// Number of leftmost-first matches in `text`.
    pub fn count(&mut self, text: &str) -> usize {
        self.re.find_iter(&mut self.cache, Input::new(text)).count()
    }

    /// How often the forward DFA's cache has been cleared (full, every state thrown away and
    /// built again) since this reference was made, and the bytes it holds now.
    pub fn clears(&mut self) -> (usize, usize) {
        let c = self.cache.forward();
        (c.clear_count(), c.memory_usage())
    }
}
