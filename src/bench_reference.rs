//! The benchmarks' same-process reference in wasm (cargo feature `bench-reference`, never in the
//! shipped module): one bare leftmost-first pass of regex-automata's lazy DFAs over the
//! engine's own patterns, nothing else. `scripts/bench.sh` builds it into a module of its own and
//! times it in turn with the engine in Node and in Chromium, as `benches/scan.rs` does natively,
//! so the report can give the engine's speed as a share of a ceiling measured side by side.

use crate::{Engine, EngineOptions};
use regex_automata::hybrid::{dfa, regex};
use regex_automata::util::syntax;
use regex_automata::Input;
use wasm_bindgen::prelude::*;

/// A bare multi-pattern pass: ASCII classes and an 8 MiB cache, as the engine's, and no
/// validation, contests, context words, names pass, scoring or overlap resolution.
#[wasm_bindgen]
pub struct BarePass {
    re: regex::Regex,
    cache: regex::Cache,
}

#[wasm_bindgen]
impl BarePass {
    /// Compiles the built-in catalog's patterns.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<BarePass, JsError> {
        let engine = Engine::new(&EngineOptions {
            names: false,
            ..EngineOptions::default()
        })
        .map_err(|e| JsError::new(&e.to_string()))?;
        let patterns: Vec<&str> = engine
            .rules()
            .iter()
            .map(|r| &*r.pattern)
            .filter(|p| !p.is_empty())
            .collect();
        let re = regex::Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(true))
            .dfa(dfa::Config::new().cache_capacity(8 << 20))
            .build_many(&patterns)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let cache = re.create_cache();
        Ok(BarePass { re, cache })
    }

    /// Number of leftmost-first matches in `text` (UTF-8 inside, as the engine sees it).
    pub fn count(&mut self, text: &str) -> u32 {
        self.re.find_iter(&mut self.cache, Input::new(text)).count() as u32
    }
}
