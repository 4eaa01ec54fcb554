//! Shared pieces of the fuzz targets: the invariants (also used by tests/robustness.rs) and
//! the engine, built once per process.

#[path = "checks.rs"]
mod checks_impl;

pub use checks_impl::*;
use pii_airlock::Engine;
use std::sync::OnceLock;

/// The default engine, built on first use.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::default_engine)
}
