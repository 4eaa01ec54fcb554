// Where a fresh engine's first result goes, step by step, in Node and in Chromium:
// `node benches/startup-breakdown.mjs [RUNS] [PROMPT]` (a built pkg/, `bash scripts/build-wasm.sh`).
// For the full module (`Airlock`) and the first module (`Scanner`), one fresh process or browser
// context per run, the modules alternated: loading the module (Node: read, compile and
// instantiate; Chromium: fetch, compile and instantiate the .wasm, streaming, as the package's
// glue does), the name list (Chromium: fetched), the constructor with the list, the first scan
// of the prompt, a second scan, then a second engine in the same process: its constructor, its
// first scan (the lazy DFA's states are per engine; what the first engine's first scan did once
// per process — the names pass's word tables, V8's lazy compilation of the functions it ran —
// it does not do again), and a constructor without the list. Medians, ms.
// PII_PKG: another package directory. PII_LINKS: "node,chromium" or one of them.
// PII_ROOT_B: another checkout with its own build (its pkg/, served by its scripts/serve.mjs),
// timed alternately with this one as the "-b" modes; the last lines give the pairwise ratios.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, median } from './measure.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const STEPS = ['load', 'list', 'build', 'first_scan', 'second_scan', 'build2', 'first_scan2', 'build_no_list', 'first_result'];

// The steps of one run, in Node and (as its source) in the page: `load` resolves to the
// module's engine class, `list` to the name list's bytes.
async function steps(load, list, prompt, keys) {
  const t = [performance.now()];
  const Engine = await load();
  t.push(performance.now());
  const gazetteer = await list();
  t.push(performance.now());
  const a = new Engine({ gazetteer });
  t.push(performance.now());
  const findings = a.scan(prompt).length;
  t.push(performance.now());
  a.scan(prompt);
  t.push(performance.now());
  const b = new Engine({ gazetteer });
  t.push(performance.now());
  b.scan(prompt);
  t.push(performance.now());
  new Engine({});
  t.push(performance.now());
  const row = { findings };
  keys.forEach((k, i) => { row[k] = t[i + 1] - t[i]; });
  row.first_result = t[4] - t[0];
  return row;
}

// One run in this process: `node startup-breakdown.mjs --one PROMPT PKG full|scanner`.
if (process.argv[2] === '--one') {
  const [, , , promptFile, dir, mode] = process.argv;
  const load = async () => {
    const m = createRequire(import.meta.url)(resolve(dir, mode === 'scanner'
      ? 'dist/node/scanner/pii_airlock_scan.js' : 'dist/node/pii_airlock.js'));
    return mode === 'scanner' ? m.Scanner : m.Airlock;
  };
  const list = async () => new Uint8Array(readFileSync(resolve(dir, 'dist/gazetteer.bin')));
  console.log(JSON.stringify(await steps(load, list, readFileSync(promptFile, 'utf8'), STEPS.slice(0, -1))));
  process.exit(0);
}

const runs = Number(process.argv[2] ?? 9);
const promptFile = resolve(process.argv[3] ?? join(here, '../target/bench-out/prompt.txt'));
const pkg = resolve(process.env.PII_PKG ?? join(here, '../pkg'));
const links = (process.env.PII_LINKS ?? 'node,chromium').split(',');
const rootB = process.env.PII_ROOT_B && resolve(process.env.PII_ROOT_B);
const modes = rootB ? ['full', 'scanner', 'full-b', 'scanner-b'] : ['full', 'scanner'];

function report(runner, samples) {
  for (const mode of modes) {
    const row = { runner, mode, runs: samples.length };
    for (const k of STEPS) row[k] = +median(samples.map((s) => s[mode][k])).toFixed(1);
    row.findings = samples[0][mode].findings;
    console.log(JSON.stringify(row));
  }
  for (const mode of modes.filter((m) => m.endsWith('-b'))) {
    const a = mode.slice(0, -2);
    const ratio = {};
    for (const k of STEPS) ratio[k] = +median(samples.map((s) => s[a][k] / s[mode][k])).toFixed(3);
    console.log(JSON.stringify({ runner, pairwise: `${a} / ${mode}`, ...ratio }));
  }
}

if (links.includes('node')) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = {};
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      const dir = mode.endsWith('-b') ? join(rootB, 'pkg') : pkg;
      const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', promptFile, dir, mode.replace(/-b$/, '')], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`run failed: ${p.stderr}`);
      s[mode] = JSON.parse(p.stdout.trim().split('\n').pop());
    }
    samples.push(s);
  }
  report('node', samples);
}

if (links.includes('chromium')) {
  const { chromium } = await import('playwright-core');
  const { startServer, CSP } = await import('../scripts/serve.mjs');
  const prompt = readFileSync(promptFile, 'utf8');
  const PAGE = '<!doctype html><meta charset="utf-8"><script type="module" src="/startup-breakdown.js"></script>';
  const SCRIPT = `
const glue = { full: '/pkg/dist/web/pii_airlock.js', scanner: '/pkg/dist/web/scanner/pii_airlock_scan.js' };
${steps.toString()}
window.breakdown = (mode, prompt) => steps(
  async () => { const m = await import(glue[mode]); await m.default(); return mode === 'scanner' ? m.Scanner : m.Airlock; },
  async () => new Uint8Array(await (await fetch('/pkg/dist/gazetteer.bin')).arrayBuffer()),
  prompt, ${JSON.stringify(STEPS.slice(0, -1))});
window.ready = true;
`;
  const server = await startServer(0);
  const serverB = rootB
    ? await (await import(pathToFileURL(join(rootB, 'scripts/serve.mjs')).href)).startServer(0)
    : server;
  const baseOf = (mode) => `http://127.0.0.1:${(mode.endsWith('-b') ? serverB : server).address().port}`;
  const browser = await launchChromium(chromium);
  try {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const s = {};
      for (const mode of i % 2 ? [...modes].reverse() : modes) {
        const base = baseOf(mode);
        const context = await browser.newContext();
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error('page error:', e.message));
        const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
        await page.route(`${base}/startup-breakdown.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html' } }));
        await page.route(`${base}/startup-breakdown.js`, (r) => r.fulfill({ body: SCRIPT, headers: { ...headers, 'content-type': 'text/javascript' } }));
        await page.goto(`${base}/startup-breakdown.html`);
        await page.waitForFunction(() => window.ready === true);
        s[mode] = await page.evaluate(([m, t]) => window.breakdown(m, t), [mode.replace(/-b$/, ''), prompt]);
        await context.close();
      }
      samples.push(s);
    }
    report('chromium loopback', samples);
  } finally {
    await browser.close();
    server.close();
    if (serverB !== server) serverB.close();
  }
}
