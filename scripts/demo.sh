#!/usr/bin/env bash
# Sets up, builds the package and serves the demo page on localhost (PORT, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
exec node scripts/serve.mjs
