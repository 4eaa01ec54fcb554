// Start-up of two builds of the package, alternated run by run, in fresh Node processes and in
// fresh Chromium contexts: `node benches/startup-ab.mjs A_PKG B_PKG [RUNS] [PROMPT]`, where A_PKG
// and B_PKG are package directories holding a built dist/ (e.g. a copy of pkg/ before a change,
// and pkg/). Alternating the two cancels most of the shared host's drift; the pairwise ratios
// (B over A) are the figure to read. Prints one JSON line per engine and runner.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchChromium, median } from './measure.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const [a, b] = process.argv.slice(2, 4).map((p) => resolve(p));
if (!a || !b) {
  console.error('usage: node benches/startup-ab.mjs A_PKG B_PKG [RUNS] [PROMPT]');
  process.exit(2);
}
const runs = Number(process.argv[4] ?? 11);
const promptFile = resolve(process.argv[5] ?? join(here, '../target/bench-out/prompt.txt'));
const builds = { a, b };

function report(runner, samples) {
  for (const name of ['a', 'b']) {
    const rows = samples.map((s) => s[name]);
    const med = (k) => median(rows.map((r) => r[k]));
    console.log(JSON.stringify({
      runner, build: name, dir: builds[name], runs,
      instantiate_ms: med('instantiate_ms'), build_ms: med('build_ms'),
      first_result_ms: med('first_result_ms'), findings: rows[0].findings,
    }));
  }
  const ratio = (k) => median(samples.map((s) => s.b[k] / s.a[k]));
  console.log(JSON.stringify({
    runner, pairwise_b_over_a: {
      build_ms: ratio('build_ms'), first_result_ms: ratio('first_result_ms'),
    },
  }));
}

// Node: benches/startup.mjs in a fresh process per run.
{
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = {};
    // Alternate which build goes first, so neither always runs on the warmer page cache.
    for (const name of i % 2 ? ['b', 'a'] : ['a', 'b']) {
      const p = spawnSync(process.execPath, [join(here, 'startup.mjs'), promptFile, builds[name]],
        { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`startup run failed: ${p.stderr}`);
      s[name] = JSON.parse(p.stdout.trim().split('\n').pop());
    }
    if (s.a.findings !== s.b.findings) throw new Error('the two builds found different counts');
    samples.push(s);
  }
  report('node', samples);
}

// Chromium: a fresh context per run; /a/ and /b/ serve the two package directories.
{
  const prompt = await readFile(promptFile, 'utf8');
  const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
    '.txt': 'text/plain; charset=utf-8', '.html': 'text/html; charset=utf-8' };
  const page = (name) => `<!doctype html><meta charset="utf-8"><script type="module">
import { init, Airlock, loadGazetteer } from '/${name}/index.js';
window.startup = async (prompt) => {
  const t0 = performance.now();
  const [, gazetteer] = await Promise.all([init(), loadGazetteer()]);
  const t1 = performance.now();
  const airlock = new Airlock({ gazetteer });
  const t2 = performance.now();
  const findings = airlock.scan(prompt).length;
  const t3 = performance.now();
  return { instantiate_ms: t1 - t0, build_ms: t2 - t1, first_result_ms: t3 - t0, findings };
};
window.ready = true;
</script>`;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [, name, ...rest] = path.split('/');
    const root = builds[name];
    const file = root && normalize(join(root, ...rest));
    const headers = { 'cache-control': 'no-store' };
    if (root && rest.join('/') === 'page.html') {
      res.writeHead(200, { ...headers, 'content-type': types['.html'] }).end(page(name));
      return;
    }
    try {
      if (!file || !file.startsWith(root)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium(chromium);
  try {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const s = {};
      for (const name of i % 2 ? ['b', 'a'] : ['a', 'b']) {
        const context = await browser.newContext();
        const p = await context.newPage();
        p.on('pageerror', (e) => console.error('page error:', e.message));
        await p.goto(`${base}/${name}/page.html`);
        await p.waitForFunction(() => window.ready === true);
        s[name] = await p.evaluate((t) => window.startup(t), prompt);
        await context.close();
      }
      if (s.a.findings !== s.b.findings) throw new Error('the two builds found different counts');
      samples.push(s);
    }
    report('chromium', samples);
  } finally {
    await browser.close();
    server.close();
  }
}
