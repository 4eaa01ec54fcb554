// One start-up measurement in a fresh process (spawned by benches/node.mjs): time to load and
// instantiate the wasm through the package's Node entry, to build the engine with the name list
// (read from disk; since 2026-12-06 the constructor no longer runs a warm-up scan), and to the first result. Prints one JSON line.
import { readFileSync } from 'node:fs';

const prompt = readFileSync(process.argv[2], 'utf8');
const t0 = performance.now();
const { Airlock, loadGazetteer } = await import('../pkg/node.js');
const t1 = performance.now();
// Build with the name list, read from disk as the package's guard reads it.
const airlock = new Airlock({ gazetteer: await loadGazetteer() });
const t2 = performance.now();
const findings = airlock.scan(prompt);
const t3 = performance.now();
const t = performance.now();
airlock.scan(prompt);
const t4 = performance.now();
console.log(JSON.stringify({
  instantiate_ms: t1 - t0,
  build_ms: t2 - t1,
  first_result_ms: t3 - t0,
  second_scan_ms: t4 - t,
  findings: findings.length,
}));
