#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: lint, native, wasm in Node, wasm in headless
# Chromium, the npm package in Node, and the browser tests (Playwright + Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "set-up"
bash scripts/setup.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
# The names bench and the pass issue 14 started from (feature `names-reference`, src/names_v0/).
cargo clippy --all-targets --features names-reference -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
# The engine-only .wasm (no browser layer, Cargo.toml feature `browser`).
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
# The benchmarks' reference module (feature `bench-reference`, built by scripts/bench.sh).
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features \
  --features bench-reference -- -D warnings
# The package's small first module (feature `scanner`, src/wasm_scan.rs).
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features scanner -- -D warnings

step "native tests (unit, integration, CLI, doctests)"
cargo test

step "identifier check digits against python-stdnum (generated numbers through the CLI)"
cargo build --bin pii-airlock
python3 tests/stdnum/cross_check.py target/debug/pii-airlock

step "benign labels of the names evaluation (label matching, label files; no binary)"
python3 tests/benign/names-labels-test.py

step "benchmarks compile and run once (quick mode, no timings asserted)"
cargo test --benches
cargo test --bench names --features names-reference

step "fuzz targets, bounded (libFuzzer on stable Rust; \${FUZZ_SECONDS:-20}s each)"
FUZZ_SECONDS="${FUZZ_SECONDS:-20}" bash scripts/fuzz.sh

step "wasm tests in Node (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test wasm

step "wasm tests in headless Chromium (wasm-bindgen-test)"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown --test wasm

step "build the npm package"
bash scripts/build-wasm.sh

# tests/js and tests/e2e `npm pack` pkg/ and install the tarball into fresh temp apps (a Vite
# build and a plain page); Playwright drives Debian's Chromium against a mock LLM backend.
step "JavaScript and browser tests (node --test, packed tarball, Vite app, Playwright + Debian's Chromium)"
node --test --test-concurrency=1 tests/js/ tests/e2e/

# The MV3 extension (extension/): built from the package above, loaded into Debian's Chromium,
# driven on fixture pages made with the real editor libraries at the chat sites' URLs.
step "browser extension tests (build, reproducible zip, ProseMirror/Quill/textarea fixtures)"
node --test --test-concurrency=1 tests/extension/
