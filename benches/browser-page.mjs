// Runs inside Chromium (driven by benches/browser.mjs): the same suite as the Node runner,
// through the browser entry of the package (init() then Airlock), on the same input files.
import { init, Airlock, loadGazetteer } from '../pkg/index.js';
import initWasm from '../pkg/dist/web/pii_airlock.js';
import * as m from './measure.mjs';

async function text(name) {
  const r = await fetch(`/target/bench-out/${name}.txt`);
  if (!r.ok) throw new Error(`missing input ${name}`);
  return r.text();
}

/**
 * Start-up in this fresh page: fetch + compile + instantiate (the name list is fetched in
 * parallel, as the package does), build with the list, first result.
 */
window.startup = async () => {
  const prompt = await text('prompt');
  const t0 = performance.now();
  const [, gazetteer] = await Promise.all([init(), loadGazetteer()]);
  const t1 = performance.now();
  const airlock = new Airlock({ gazetteer });
  const t2 = performance.now();
  airlock.scan(prompt);
  const t3 = performance.now();
  return { instantiate_ms: t1 - t0, build_ms: t2 - t1, first_result_ms: t3 - t0 };
};

window.runBench = async (quick) => {
  const inputs = {};
  for (const n of ['prompt', 'prose', 'code', 'dense']) inputs[n] = await text(n);
  await init();
  const { memory } = await initWasm();
  const rows = [];
  const airlock = new Airlock({ gazetteer: await loadGazetteer() });
  const before = memory.buffer.byteLength;
  airlock.scan(m.cutBytes(inputs.dense, m.MIB));
  rows.push({
    kind: 'memory',
    engine: 'pii-airlock',
    after_init_mb: before / m.MIB,
    after_dense_mb: memory.buffer.byteLength / m.MIB,
  });
  const opts = quick ? { runs: 1, calls: 20, full: false } : {};
  rows.push(...(await m.suite('pii-airlock', (t) => airlock.scan(t), inputs, opts)));
  {
    const calls = opts.calls ?? 2000;
    const r = await m.latency((t) => airlock.scan(t), m.asciiOnly(inputs.prompt), calls, Math.min(50, calls));
    rows.push({ kind: 'latency', engine: 'pii-airlock', input: 'prompt 10 KB, ASCII only', ...r });
  }
  // The same-process reference, a module of its own (scripts/build-wasm.sh --reference);
  // skipped when it was not built, as in the Node runner.
  let ref = null;
  try {
    ref = await import('/target/bench-reference/pii_airlock.js');
    await ref.default();
  } catch (e) {
    console.error(`skipping the reference: ${e.message} (run: bash scripts/build-wasm.sh --reference)`);
  }
  if (ref) {
    const bare = new ref.BarePass();
    rows.push(...(await m.againstReference((t) => airlock.scan(t), (t) => bare.count(t), inputs, quick ? 1 : 9)));
  }
  return rows;
};
window.benchReady = true;
