#!/usr/bin/env bash
# The one command for the demo: sets up this machine, builds the package and serves the demo
# page with its mock LLM backend on http://127.0.0.1:PORT/ (default 8080; loopback only).
# The page, the package and the integrator's guide (/docs/integrators-guide.md) are served
# compressed; the mock backend answers at POST /v1/chat/completions, streaming.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
exec node scripts/serve.mjs
