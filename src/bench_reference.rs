//! The benchmarks' same-process reference in wasm (cargo feature `bench-reference`, never in the
//! shipped module): `benches/reference.rs`, the bare lazy-DFA pass `benches/scan.rs` times
//! natively, behind a JS class. `scripts/bench.sh` builds it into a module of its own and times
//! it in turn with the engine in Node and in Chromium.

use crate::{Engine, EngineOptions};
use wasm_bindgen::prelude::*;

#[path = "../benches/reference.rs"]
mod reference;

/// A bare multi-pattern pass over the built-in catalog's patterns.
#[wasm_bindgen]
pub struct BarePass(reference::Bare);

#[wasm_bindgen]
impl BarePass {
    /// Compiles the built-in catalog's patterns.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<BarePass, JsError> {
        let engine = catalog_engine()?;
        reference::Bare::new(engine.rules().iter().map(|r| &*r.pattern))
            .map(BarePass)
            .map_err(|e| JsError::new(&e))
    }

    /// As the constructor with a lazy-DFA cache cap of `cap` bytes (the varied text's rows
    /// compare caps in wasm).
    #[wasm_bindgen(js_name = withCache)]
    pub fn with_cache(cap: u32) -> Result<BarePass, JsError> {
        let engine = catalog_engine()?;
        reference::Bare::with_cache(engine.rules().iter().map(|r| &*r.pattern), cap as usize)
            .map(BarePass)
            .map_err(|e| JsError::new(&e))
    }

    /// Number of leftmost-first matches in `text` (UTF-8 inside, as the engine sees it).
    pub fn count(&mut self, text: &str) -> u32 {
        self.0.count(text) as u32
    }

    /// How often the forward lazy DFA's cache has been cleared since construction.
    pub fn clears(&mut self) -> u32 {
        self.0.clears().0 as u32
    }
}

/// The built-in catalog without the names pass, whose patterns the reference compiles.
fn catalog_engine() -> Result<Engine, JsError> {
    Engine::new(&EngineOptions {
        names: false,
        ..EngineOptions::default()
    })
    .map_err(|e| JsError::new(&e.to_string()))
}
