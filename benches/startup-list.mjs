// What the name list costs a fresh engine, apart from the engine's own first build:
// `node benches/startup-list.mjs [RUNS] [full|scanner]` (a built pkg/). One fresh Node process
// per run builds, in this order: an engine without the list (the process's first build: the
// engine's one-time costs, V8 compiling what the constructor runs), one with it (the list's
// first load), one without it again and one with it again. The list's cost is the difference
// of the last builds (first load: 2nd − 3rd; warm: 4th − 3rd). startup-breakdown.mjs's
// "build − build without the list" compares the process's first build with a warm one, so it
// counts the engine's one-time costs as the list's (docs/benchmarks.md, "Round 12 (startup13)").
// PII_PKG: another package directory. Medians, ms.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

if (process.argv[2] === '--one') {
  const [, , , dir, mode] = process.argv;
  const m = createRequire(import.meta.url)(resolve(dir, mode === 'scanner'
    ? 'dist/node/scanner/pii_airlock_scan.js' : 'dist/node/pii_airlock.js'));
  const Engine = mode === 'scanner' ? m.Scanner : m.Airlock;
  const gazetteer = new Uint8Array(readFileSync(resolve(dir, 'dist/gazetteer.bin')));
  const t = [performance.now()];
  for (const options of [{}, { gazetteer }, {}, { gazetteer }]) {
    new Engine(options).free();
    t.push(performance.now());
  }
  console.log(JSON.stringify(t.slice(1).map((x, i) => x - t[i])));
  process.exit(0);
}

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const mode = process.argv[3] ?? 'scanner';
const pkg = resolve(process.env.PII_PKG ?? join(here, '../pkg'));
const loads = [loadavg()[0]];
const rows = [];
for (let i = 0; i < runs; i++) {
  const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', pkg, mode], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`run failed: ${p.stderr}`);
  rows.push(JSON.parse(p.stdout.trim().split('\n').pop()));
}
loads.push(loadavg()[0]);
const med = (f) => +median(rows.map(f)).toFixed(1);
console.log(JSON.stringify({
  mode, runs, load: loads.map((l) => +l.toFixed(1)),
  engine_first_build: med((r) => r[0]),
  list_first_load: med((r) => r[1] - r[2]),
  list_warm: med((r) => r[3] - r[2]),
  engine_warm_build: med((r) => r[2]),
}));
