// The first highlight of text typed after the page is idle, from the small first module:
// `node benches/startup-typed.mjs [RUNS] [PROMPT]` (a built pkg/). A page with an empty
// <textarea> and `attachEarly` (debounce 0, no guard: the first module serves throughout) is
// loaded in a fresh browser context; once the scanner is ready and the page has been idle for
// a second, the prompt is put in the field with an input event, and the time to the early
// highlighter's paint (`pii-airlock:early-findings`) is taken. With `PII_ROOT_B=<checkout>` the
// other checkout's page (its pkg/, served by its scripts/serve.mjs) is timed alternately, and
// the medians of the run-by-run ratios (this / B) are given. Medians, ms.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, median } from './measure.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const prompt = readFileSync(resolve(process.argv[3] ?? join(here, '../target/bench-out/prompt.txt')), 'utf8');
const rootB = process.env.PII_ROOT_B && resolve(process.env.PII_ROOT_B);

const PAGE = '<!doctype html><meta charset="utf-8"><textarea id="t"></textarea><script type="module" src="/startup-typed.js"></script>';
const SCRIPT = `
import { attachEarly, createScanner } from '/pkg/index.js';
const field = document.getElementById('t');
const scanner = createScanner();
attachEarly(field, { scanner, debounce: 0 });
// Idle: the scanner is in, then a second with nothing to do.
window.idle = scanner.then(() => new Promise((r) => { setTimeout(r, 1000); })).then(() => true);
window.type = (text) => new Promise((done) => {
  const t0 = performance.now();
  field.addEventListener('pii-airlock:early-findings', (e) => done([performance.now() - t0, e.detail.findings.length]), { once: true });
  field.value = text;
  field.dispatchEvent(new Event('input'));
});
`;

const { chromium } = await import('playwright-core');
const serverOf = async (root) => (await import(pathToFileURL(join(root, 'scripts/serve.mjs')).href)).startServer(0);
const sides = [['this', await serverOf(join(here, '..'))]];
if (rootB) sides.push(['B', await serverOf(rootB)]);
const { CSP } = await import('../scripts/serve.mjs');
const browser = await launchChromium(chromium);
const loads = [loadavg()[0]];
const samples = [];
try {
  for (let i = 0; i < runs; i++) {
    const s = {};
    for (const [name, server] of i % 2 ? [...sides].reverse() : sides) {
      const base = `http://127.0.0.1:${server.address().port}`;
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
      await page.route(`${base}/startup-typed.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html' } }));
      await page.route(`${base}/startup-typed.js`, (r) => r.fulfill({ body: SCRIPT, headers: { ...headers, 'content-type': 'text/javascript' } }));
      await page.goto(`${base}/startup-typed.html`);
      await page.waitForFunction(() => window.idle instanceof Promise);
      await page.evaluate(() => window.idle);
      s[name] = await page.evaluate((t) => window.type(t), prompt);
      await context.close();
    }
    samples.push(s);
  }
} finally {
  await browser.close();
  for (const [, server] of sides) server.close();
}
loads.push(loadavg()[0]);
const row = { runs, load: loads.map((l) => +l.toFixed(1)), findings: samples[0].this[1] };
for (const [name] of sides) row[`typed_to_highlight_${name}`] = +median(samples.map((x) => x[name][0])).toFixed(1);
if (rootB) row.ratio = +median(samples.map((x) => x.this[0] / x.B[0])).toFixed(3);
console.log(JSON.stringify(row));
