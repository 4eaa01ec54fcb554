// The in-browser runner: Debian's Chromium driven by playwright-core (never a downloaded
// browser). Serves the repository read-only, runs benches/browser-page.mjs in a page, measures
// start-up in fresh browser contexts, and writes chromium.json next to the inputs.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median } from './measure.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = process.env.PII_BENCH_OUT || join(root, 'target/bench-out');
const quick = process.argv.includes('--quick');
const allowed = ['/pkg/', '/benches/', '/target/bench-out/', '/target/bench-reference/'];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json',
};

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = normalize(join(root, path));
  if (!allowed.some((p) => path.startsWith(p)) || !file.startsWith(root)) {
    res.writeHead(404).end();
    return;
  }
  const served = path.startsWith('/target/bench-out/') ? join(dir, path.slice(18)) : file;
  try {
    const body = await readFile(served);
    // no-store: every fresh context compiles the .wasm again, as a first visit would.
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const chromeVersion = browser.version();
try {
  async function page() {
    const context = await browser.newContext();
    const p = await context.newPage();
    p.on('pageerror', (e) => console.error('page error:', e.message));
    p.on('console', (msg) => msg.type() === 'error' && console.error('page:', msg.text()));
    await p.goto(`${base}/benches/browser.html`);
    await p.waitForFunction(() => window.benchReady === true);
    return { context, p };
  }
  const rows = [];
  const starts = [];
  for (let i = 0; i < (quick ? 1 : 7); i++) {
    const { context, p } = await page();
    starts.push(await p.evaluate(() => window.startup()));
    await context.close();
  }
  const med = (k) => median(starts.map((s) => s[k]));
  rows.push({ kind: 'startup', engine: 'pii-airlock', mode: 'fresh page',
    instantiate_ms: med('instantiate_ms'), build_ms: med('build_ms'), first_result_ms: med('first_result_ms') });

  const { context, p } = await page();
  rows.push(...(await p.evaluate((q) => window.runBench(q), quick)));
  await context.close();
  await writeFile(join(dir, 'chromium.json'), JSON.stringify({ runner: 'chromium', chromium: chromeVersion, rows }));
  for (const r of rows) console.log(JSON.stringify(r));
} finally {
  await browser.close();
  server.close();
}
