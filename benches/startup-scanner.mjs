// Start-up with the small first module against the full one, the two alternated run by run:
// `node benches/startup-scanner.mjs [RUNS] [PROMPT]` (a built pkg/, `bash scripts/build-wasm.sh`).
// - Node: fresh processes (benches/startup.mjs), the full module's `Airlock` against the first
//   module's `Scanner`, each building with the name list and scanning the prompt once.
// - Chromium: a fresh context per run on the package as scripts/serve.mjs serves it (brotli,
//   strict CSP), on loopback and on a throttled link (9 Mbit/s, 60 ms round trip): "full" is
//   `init()` + the name list + `new Airlock` + scan (what a page waited for before), "scanner"
//   is `createScanner()` + scan, "guard" is `createGuard()` + `guard.scan` (what `attach`
//   highlights with), "install" is `install()`'s `scanner` + scan, with the time its guard is
//   ready too (`guard_ms`). First result = from the module script's start to the findings, with
//   the bytes fetched by then (resource timing).
// PII_INDEX_JS: another pkg/index.js served in its place (an A/B of the loader in one run: the
// modes named in PII_MODES, default "full,scanner,guard,install", are alternated run by run;
// a mode ending in "-b" runs on that index.js, or on PII_ROOT_B's package when set: another
// checkout with its own build, alternated with this one; in Node PII_PKG_B is that other
// package directory).
// PII_LINKS: "node,loopback,throttled" or some of them.
// Prints one JSON line per runner and mode with medians, and the pairwise ratios.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { launchChromium, median } from './measure.mjs';
import { startServer, CSP } from '../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const promptFile = resolve(process.argv[3] ?? join(here, '../target/bench-out/prompt.txt'));
// PII_PKG: another package directory (a copy of pkg/ with other builds, to compare).
const pkg = resolve(process.env.PII_PKG ?? join(here, '../pkg'));

function report(runner, samples, modes, keys) {
  for (const mode of modes) {
    const row = { runner, mode, runs: samples.length };
    for (const k of keys) row[k] = +median(samples.map((s) => s[mode][k])).toFixed(1);
    row.findings = samples[0][mode].findings;
    console.log(JSON.stringify(row));
  }
  const ratio = (m, k) => +median(samples.map((s) => s[m][k] / s[modes[0]][k])).toFixed(3);
  for (const mode of modes.slice(1)) {
    console.log(JSON.stringify({ runner, pairwise: `${mode} / ${modes[0]}`, first_result_ms: ratio(mode, 'first_result_ms') }));
  }
}

// Node: fresh processes (PII_LINKS without "node" skips them).
const links = (process.env.PII_LINKS ?? 'node,loopback,throttled').split(',');
if (links.includes('node')) {
  // PII_PKG_B: a second package directory, timed alternately with the first ("-b" modes).
  const pkgB = process.env.PII_PKG_B && resolve(process.env.PII_PKG_B);
  const nodeModes = pkgB ? ['full', 'scanner', 'full-b', 'scanner-b'] : ['full', 'scanner'];
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = {};
    for (const mode of i % 2 ? [...nodeModes].reverse() : nodeModes) {
      const dir = mode.endsWith('-b') ? pkgB : pkg;
      const args = [join(here, 'startup.mjs'), promptFile, dir, ...(mode.startsWith('scanner') ? ['scanner'] : [])];
      const p = spawnSync(process.execPath, args, { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`startup run failed: ${p.stderr}`);
      s[mode] = JSON.parse(p.stdout.trim().split('\n').pop());
    }
    if (nodeModes.some((m) => s[m].findings !== s.full.findings)) throw new Error('the modules found different counts');
    samples.push(s);
  }
  report('node', samples, nodeModes, ['instantiate_ms', 'build_ms', 'first_result_ms', 'second_scan_ms']);
}

// Chromium.
const prompt = readFileSync(promptFile, 'utf8');
const PAGE = '<!doctype html><meta charset="utf-8"><script type="module" src="/startup-scanner.js"></script>';
const SCRIPT = `
import { init, Airlock, loadGazetteer, createScanner, createGuard, install } from '/pkg/index.js';
const bytes = () => performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, 0);
const modes = {
  async full(t) { const [, gazetteer] = await Promise.all([init(), loadGazetteer()]); return new Airlock({ gazetteer }).scan(t); },
  async scanner(t) { return (await createScanner()).scan(t); },
  async guard(t) { return (await createGuard({ consent: 'redact' })).scan(t); },
  async install(t) {
    const { guard, scanner } = install({ consent: 'redact' });
    window.guardAt = guard.then(() => performance.now());
    return (await scanner).scan(t);
  },
};
window.startup = async (mode, t) => {
  const t0 = performance.now();
  const findings = await modes[mode](t);
  const ms = performance.now() - t0;
  const kb = bytes() / 1000;
  const guard_ms = window.guardAt ? (await window.guardAt) - t0 : 0;
  return { first_result_ms: ms, kb, guard_ms, findings: findings.length };
};
window.ready = true;
`;
const server = await startServer(0);
const baseA = `http://127.0.0.1:${server.address().port}`;
// PII_ROOT_B: another checkout (its scripts/serve.mjs serving its pkg/), for the "-b" modes.
const serverB = process.env.PII_ROOT_B
  ? await (await import(pathToFileURL(resolve(process.env.PII_ROOT_B, 'scripts/serve.mjs')).href)).startServer(0)
  : server;
const baseB = `http://127.0.0.1:${serverB.address().port}`;
const browser = await launchChromium(chromium);
try {
  for (const link of links.filter((l) => l !== 'node')) {
    const samples = [];
    const modes = (process.env.PII_MODES ?? 'full,scanner,guard,install').split(',');
    for (let i = 0; i < runs; i++) {
      const s = {};
      const order = i % 2 ? [...modes].reverse() : modes;
      for (const mode of order) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const base = mode.endsWith('-b') ? baseB : baseA;
        page.on('pageerror', (e) => console.error('page error:', e.message));
        const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
        await page.route(`${base}/startup-scanner.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html' } }));
        await page.route(`${base}/startup-scanner.js`, (r) => r.fulfill({ body: SCRIPT, headers: { ...headers, 'content-type': 'text/javascript' } }));
        if (process.env.PII_INDEX_JS && mode.endsWith('-b')) {
          const body = readFileSync(process.env.PII_INDEX_JS, 'utf8');
          await page.route(`${base}/pkg/index.js`, (r) => r.fulfill({ body, headers: { ...headers, 'content-type': 'text/javascript' } }));
        }
        if (link === 'throttled') {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8,
          });
        }
        await page.goto(`${base}/startup-scanner.html`);
        await page.waitForFunction(() => window.ready === true);
        s[mode] = await page.evaluate(([m, t]) => window.startup(m, t), [mode.replace(/-b$/, ''), prompt]);
        await context.close();
      }
      samples.push(s);
    }
    report(`chromium ${link}`, samples, modes, ['first_result_ms', 'guard_ms', 'kb']);
  }
} finally {
  await browser.close();
  server.close();
  if (serverB !== server) serverB.close();
}
