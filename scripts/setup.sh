#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need, on a fresh Debian machine.
# Idempotent: each step checks first, so a warm machine spends seconds here.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Debian's Chromium and its driver: real headless browser tests (never a browser download).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# The standard library's source: scripts/build-wasm.sh compiles std into the small first module
# (-Zbuild-std, with immediate-abort panics and std's optimize_for_size).
if ! rustup component list --installed | grep -qx 'rust-src'; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  log "installing wasm-bindgen-cli $want (have: ${have:-none}); takes a few minutes once"
  # Not --locked: one locked dependency of the CLI is missing from the registry view here.
  cargo install wasm-bindgen-cli --version "=$want"
fi

# npm tooling: binaryen's wasm-opt (Debian's is too old and breaks rustc output), playwright-core, vite, typescript (checks the package's .d.ts).
# vite: the browser tests build a real Vite app against the packed npm tarball.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/vite ] || [ ! -x node_modules/.bin/tsc ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dev dependencies"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
# The extension tests build their fixture pages with the real editor libraries (ProseMirror,
# Quill) and esbuild, kept in their own package so the root's dependencies stay as they are.
if [ ! -d tests/extension/fixtures/node_modules/prosemirror-view ] || [ ! -d tests/extension/fixtures/node_modules/esbuild ] \
   || [ tests/extension/fixtures/package.json -nt tests/extension/fixtures/node_modules/.package-lock.json ]; then
  log "installing the extension tests' editor libraries"
  npm ci --prefix tests/extension/fixtures --no-audit --no-fund
fi
# python-stdnum: the identifier check digits are cross-checked against it (tests/stdnum/).
if ! python3 -c 'import stdnum' 2>/dev/null; then
  log "installing python-stdnum (PyPI)"
  python3 -m pip install --quiet python-stdnum || python3 -m pip install --quiet --break-system-packages python-stdnum
fi
# The fuzz targets (scripts/fuzz.sh) build libFuzzer from source: they need a C++ compiler.
if ! command -v c++ >/dev/null; then
  log "installing a C++ compiler for the fuzz targets"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq g++ >/dev/null
fi

# The benchmark's peer packages (scripts/bench.sh) live in their own package, installed only
# when benchmarking; bench.sh installs them on first use.
log "ready"
