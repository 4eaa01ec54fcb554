// One start-up measurement in a fresh process (spawned by benches/node.mjs): time to load and
// instantiate the wasm through the package's Node entry, to build the engine with the name list
// (read from disk; since 2026-12-06 the constructor no longer runs a warm-up scan), and to the first result. Prints one JSON line.
// An optional second argument names another package directory (benches/startup-ab.mjs); a
// third, `scanner`, times the small first module's glue (dist/node/scanner/) instead of the
// package entry (benches/startup-scanner.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const prompt = readFileSync(process.argv[2], 'utf8');
const dir = resolve(process.argv[3] ?? new URL('../pkg', import.meta.url).pathname);
const scanner = process.argv[4] === 'scanner';
const t0 = performance.now();
const { Airlock, loadGazetteer } = scanner
  ? {
    Airlock: createRequire(import.meta.url)(resolve(dir, 'dist/node/scanner/pii_airlock_scan.js')).Scanner,
    loadGazetteer: async () => new Uint8Array(readFileSync(resolve(dir, 'dist/gazetteer.bin'))),
  }
  : await import(pathToFileURL(resolve(dir, 'node.js')).href);
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
