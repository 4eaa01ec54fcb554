//! The benchmarks' same-process reference, shared by `benches/scan.rs` (native) and
//! `src/bench_reference.rs` (wasm): one bare leftmost-first pass of regex-automata's lazy DFAs
//! over the catalog's patterns, parsed with ASCII classes and given an 8 MiB cache as the
//! engine's matcher is, and nothing else (no validation, contests, context words, names pass,
//! scoring or overlap resolution). Built from regex-automata alone, it does not move when the
//! engine's code does; timed in turn with the engine, it gives a ratio the host's drift leaves
//! alone.

use regex_automata::hybrid::{dfa, regex};
use regex_automata::util::syntax;
use regex_automata::Input;

/// The compiled reference and its cache.
pub struct Bare {
    re: regex::Regex,
    cache: regex::Cache,
}

impl Bare {
    /// Compiles the patterns of the engine's rules, in order (token rules have none).
    pub fn new<'a>(rule_patterns: impl IntoIterator<Item = &'a str>) -> Result<Bare, String> {
        let patterns: Vec<&str> = rule_patterns
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        let re = regex::Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(true))
            .dfa(dfa::Config::new().cache_capacity(8 << 20))
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        let cache = re.create_cache();
        Ok(Bare { re, cache })
    }

    /// Number of leftmost-first matches in `text`.
    pub fn count(&mut self, text: &str) -> usize {
        self.re.find_iter(&mut self.cache, Input::new(text)).count()
    }
}
