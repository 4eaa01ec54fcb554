// The Node runner: the wasm build through the package's public JS API (string in, findings out),
// then the peer packages in the same process on the same inputs, then start-up in fresh
// processes. Inputs come from `cargo bench` (PII_BENCH_OUT); results go to node.json there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as m from './measure.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dir = process.env.PII_BENCH_OUT || `${here}../target/bench-out`;
const quick = process.argv.includes('--quick');
const inputs = Object.fromEntries(
  ['prompt', 'prose', 'code', 'dense'].map((n) => [n, readFileSync(`${dir}/${n}.txt`, 'utf8')]),
);
const rows = [];
// Varied real text (/usr/share/doc, benches/inputs.rs `varied`): `cargo bench` writes it when
// the machine has enough of it; its SHA-256 is in cargo bench's output.
const varied = existsSync(`${dir}/varied.txt`) ? readFileSync(`${dir}/varied.txt`, 'utf8') : null;

// Memory first, in a fresh instance: wasm linear memory only grows, so this is the peak. The
// Node glue does not export the memory; catch it as the module is instantiated.
let memory;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  const instance = new Instance(module, imports);
  memory ??= instance.exports.memory;
  return instance;
};
const { Airlock, loadGazetteer } = await import('../pkg/node.js');
WebAssembly.Instance = Instance;
// The whole catalog: the name list goes in as a product using the names pass would pass it.
const airlock = new Airlock({ gazetteer: await loadGazetteer() });
const before = memory?.buffer.byteLength;
airlock.scan(m.cutBytes(inputs.dense, m.MIB));
rows.push({
  kind: 'memory',
  engine: 'pii-airlock',
  after_init_mb: before === undefined ? null : before / m.MIB,
  after_dense_mb: memory === undefined ? null : memory.buffer.byteLength / m.MIB,
});

// The varied text next, still in this fresh instance: how far the lazy DFA's states (capped
// at 16 MiB, src/engine.rs `DFA_CACHE`) grow the wasm memory on text that is not repeated.
if (varied) {
  const r = await m.throughput((t) => airlock.scan(t), varied, quick ? 1 : 3);
  rows.push({ kind: 'throughput', engine: 'pii-airlock', input: `varied ${(m.utf8Length(varied) / m.MIB).toFixed(0)} MiB`,
    mbps: r.mbps, findings: r.findings });
  rows.push({ kind: 'memory', engine: 'pii-airlock', after_varied_mb: memory === undefined ? null : memory.buffer.byteLength / m.MIB,
    rss_mb: process.memoryUsage().rss / m.MIB });
}

const opts = quick ? { runs: 1, calls: 20, full: false } : {};
rows.push(...(await m.suite('pii-airlock', (t) => airlock.scan(t), inputs, opts)));
{
  const calls = opts.calls ?? 2000;
  const r = await m.latency((t) => airlock.scan(t), m.asciiOnly(inputs.prompt), calls, Math.min(50, calls));
  rows.push({ kind: 'latency', engine: 'pii-airlock', input: 'prompt 10 KB, ASCII only', ...r });
}
// The same scan with a string out instead of finding objects (redact = scan + placeholders):
// separates the engine's cost from the cost of building 37,000 JS objects on dense text.
{
  const r = await m.throughput((t) => airlock.redact(t), m.cutBytes(inputs.dense, m.MIB), quick ? 1 : 7);
  rows.push({ kind: 'throughput', engine: 'pii-airlock', input: 'dense 1 MiB, redact (string out)', mbps: r.mbps });
}

// The same-process reference (scripts/bench.sh builds it with `build-wasm.sh --reference`).
// Only a missing module is skipped, as a missing peer is; a failing measurement fails the run.
const refDir = `${here}../target/bench-reference`;
let bare = null;
try {
  const ref = await import(pathToFileURL(`${refDir}/pii_airlock.js`).href);
  ref.initSync({ module: readFileSync(`${refDir}/pii_airlock_bg.wasm`) });
  bare = new ref.BarePass();
} catch (e) {
  console.error(`skipping the reference: ${e.message} (run: bash scripts/build-wasm.sh --reference)`);
}
if (bare) {
  rows.push(...(await m.againstReference((t) => airlock.scan(t), (t) => bare.count(t), inputs, quick ? 1 : 9)));
}
// The bare pass in wasm on the varied text with the lazy DFA's cache at 8, 16 and 64 MiB: the
// clears and the speed each cap gives, for the wasm build's memory-against-speed choice.
if (bare && varied && typeof bare.constructor.withCache === 'function') {
  const ref = bare.constructor;
  for (const mib of [8, 16, 64]) {
    const b = ref.withCache(mib << 20);
    const t = performance.now();
    b.count(varied);
    const first = m.utf8Length(varied) / (performance.now() - t) / 1e3;
    const again = await m.throughput((x) => b.count(x), varied, quick ? 1 : 3);
    rows.push({ kind: 'cache_cap', engine: 'bare pass (wasm)', input: 'varied', cap_mib: mib,
      first_mbps: first, again_mbps: again.mbps, clears: b.clears() });
    b.free();
  }
}

// Peers, in the same process, on the same inputs.
const peers = createRequire(`${here}peers/package.json`);
async function load(name) {
  try {
    return await import(pathToFileURL(peers.resolve(name)).href);
  } catch (e) {
    console.error(`skipping ${name}: ${e.message} (run: npm install --prefix benches/peers)`);
    return null;
  }
}
// The peers take seconds (one of them ~30 s on dense text) per MiB: fewer runs.
const peerOpts = quick ? { runs: 1, calls: 5, full: false } : { runs: 2, calls: 200, full: false };
const arcjet = await load('@arcjet/redact');
if (arcjet) {
  rows.push(...(await m.suite('@arcjet/redact', (t) => arcjet.redact(t), inputs, peerOpts)));
}
const redactPii = await load('redact-pii');
if (redactPii) {
  const SyncRedactor = redactPii.SyncRedactor ?? redactPii.default?.SyncRedactor;
  const r = new SyncRedactor();
  rows.push(...(await m.suite('redact-pii', (t) => r.redact(t), inputs, peerOpts)));
}

// Start-up in fresh processes: V8's default lazy wasm compilation, and eager compilation.
const promptFile = `${dir}/prompt.txt`;
for (const [mode, flags] of [['lazy', []], ['eager', ['--no-wasm-lazy-compilation']]]) {
  const runs = [];
  for (let i = 0; i < (quick ? 1 : 7); i++) {
    const p = spawnSync(process.execPath, [...flags, `${here}startup.mjs`, promptFile], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`startup run failed: ${p.stderr}`);
    runs.push(JSON.parse(p.stdout));
  }
  const med = (k) => m.median(runs.map((r) => r[k]));
  rows.push({
    kind: 'startup',
    engine: 'pii-airlock',
    mode,
    instantiate_ms: med('instantiate_ms'),
    build_ms: med('build_ms'),
    first_result_ms: med('first_result_ms'),
    second_scan_ms: med('second_scan_ms'),
  });
}

writeFileSync(`${dir}/node.json`, JSON.stringify({ runner: 'node', node: process.version, rows }));
for (const r of rows) console.log(JSON.stringify(r));
