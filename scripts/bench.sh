#!/usr/bin/env bash
# The whole benchmark: native (cargo bench), the wasm build in Node and in Chromium through the
# package's JS API, the peer packages in the same Node process, start-up, memory and size.
# Prints one table. Medians and ratios only; nothing here passes or fails on a time.
#   bash scripts/bench.sh           full run (several minutes on 2 cores)
#   bash scripts/bench.sh --quick   one run of each, to check the pipeline works
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""; [ "${1:-}" = "--quick" ] && quick="--quick"
export PII_BENCH_OUT="${PII_BENCH_OUT:-$PWD/target/bench-out}"
mkdir -p "$PII_BENCH_OUT"

if [ ! -d benches/peers/node_modules ]; then
  (cd benches/peers && npm ci --no-audit --no-fund --loglevel=error)
fi
# Always rebuilt: --engine-only also measures the module without the browser layer, and the
# build leaves target/ with that one, which an up-to-date check could not tell from pkg/;
# --reference builds the same-process reference the wasm rows are compared with.
bash scripts/build-wasm.sh --engine-only --reference >&2

if [ -n "$quick" ]; then
  cargo bench --bench scan -- --quick >&2
else
  cargo bench --bench scan >&2
fi
node -e '
const fs = require("fs"), zlib = require("zlib");
const measure = (path) => {
  const b = fs.readFileSync(path);
  return { raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
// The shipped module (engine + browser layer), and the engine without the browser layer.
const out = { ...measure("pkg/dist/web/pii_airlock_bg.wasm"),
  engine_only: measure("target/engine-only/pii_airlock_bg.wasm"),
  profile: process.env.PII_WASM_PROFILE || "wasm-release" };
fs.writeFileSync(process.env.PII_BENCH_OUT + "/size.json", JSON.stringify(out));
'
node benches/node.mjs $quick >&2
node benches/browser.mjs $quick >&2
node benches/report.mjs
