// The demo's load, as a visitor gets it: time from navigation to the first highlight (the
// page's `pii-airlock-demo:first-highlight` mark, set when the first findings are painted) and
// the bytes on the wire (CDP `encodedDataLength`: headers and bodies as sent), cold (a new
// browser profile) and warm (the same profile, loaded again), with the server as it is now
// (brotli/gzip, ETag, `no-cache`) and as it was (uncompressed, `no-store`).
//
//   node benches/demo-load.mjs [runs]        (default 5 runs per row; prints a Markdown table)
//   node benches/demo-load.mjs 7 --now-only --root DIR
//     --now-only: only the server as it is now (brotli, ETag); --root DIR: serve DIR's www/ and
//     pkg/ with DIR's scripts/serve.mjs (another checkout's demo, e.g. before a change, for an
//     A/B of two versions of the page on the same machine).
//   node benches/demo-load.mjs 9 --now-only --ab DIR
//     --ab DIR: this checkout's page and DIR's (each served by its own scripts/serve.mjs),
//     alternated run by run on the same browser (the order swapped every run), with the medians
//     of each and the median of the run-by-run ratios (this / DIR): what a shared, loaded host
//     still lets one compare.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i < 0 ? null : args.splice(i, 2)[1]; };
const flag = (name) => { const i = args.indexOf(name); if (i >= 0) args.splice(i, 1); return i >= 0; };
const rootDir = option('--root');
const abDir = option('--ab');
const nowOnly = flag('--now-only');
const serverOf = async (dir) => (await import(dir
  ? pathToFileURL(resolve(dir, 'scripts/serve.mjs')).href
  : new URL('../scripts/serve.mjs', import.meta.url).href)).startServer;
const startServer = await serverOf(rootDir);

const RUNS = Number(args[0] ?? 5);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function load(context, base, network) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  // The page's own cache is what "warm" measures: keep it on.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  // The page's mark is set when the first findings are handed to the page, in the task that
  // scanned: the pixels come with the next frame, after whatever else that task runs. This
  // mark (not the page's: it works on any version of the page) is set a task after the first
  // frame that follows the first findings event: the highlight as shown.
  await page.addInitScript(() => {
    let seen = false;
    const shown = (e) => {
      if (seen || !(e.detail?.findings?.length > 0)) return;
      seen = true;
      requestAnimationFrame(() => setTimeout(() => performance.mark('bench:first-highlight-shown'), 0));
    };
    for (const type of ['pii-airlock:early-findings', 'pii-airlock:findings']) document.addEventListener(type, shown, true);
  });
  await page.goto(`${base}/`);
  // The first highlight can come before the engine (the guard) is ready: wait for both.
  await page.waitForFunction(() => ['pii-airlock-demo:first-highlight', 'pii-airlock-demo:engine-ready', 'bench:first-highlight-shown']
    .every((m) => performance.getEntriesByName(m).length > 0), null, { timeout: 30000 });
  const [engine, firstHighlight, shown] = await page.evaluate(() => ['pii-airlock-demo:engine-ready', 'pii-airlock-demo:first-highlight', 'bench:first-highlight-shown']
    .map((m) => performance.getEntriesByName(m)[0].startTime));
  // Which engine painted first: the first module's or the guard's (a page without the mark's
  // detail, from before round 12, counts as the guard's when the guard was ready first).
  const source = await page.evaluate(() => performance.getEntriesByName('pii-airlock-demo:first-highlight')[0].detail);
  const first = source ? source === 'first module' : firstHighlight < engine;
  // Everything the page loads at start (the name list may finish after the first highlight).
  await page.waitForLoadState('networkidle');
  await page.close();
  return { engine, firstHighlight, shown, bytes, requests, first };
}

async function measure(browser, base, network) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    cold.push(await load(context, base, network));
    warm.push(await load(context, base, network));
    await context.close();
  }
  const pick = (xs) => ({
    firstHighlight: median(xs.map((x) => x.firstHighlight)),
    bytes: median(xs.map((x) => x.bytes)),
    requests: median(xs.map((x) => x.requests)),
    engine: median(xs.map((x) => x.engine)),
    shown: median(xs.map((x) => x.shown)),
  });
  return { cold: pick(cold), warm: pick(warm) };
}

const browser = await launch();
const version = browser.version();
const { loadavg, cpus } = await import('node:os');
// Loopback shows the CPU side; a throttled link (Chrome's "fast 4G"-like numbers) shows what
// the bytes cost a visitor.
const NETWORKS = [
  ['loopback', null],
  ['9 Mbit/s, 60 ms RTT', { latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 }],
];

if (abDir) {
  // One server each, filled by an unmeasured load, then the two pages alternated run by run.
  const sides = [['this', await startServer(0, '127.0.0.1', { compress: true })],
    [abDir, await (await serverOf(abDir))(0, '127.0.0.1', { compress: true })]];
  const baseOf = (server) => `http://127.0.0.1:${server.address().port}`;
  for (const [, server] of sides) {
    const warmup = await browser.newContext();
    await load(warmup, baseOf(server));
    await warmup.close();
  }
  const loads = [loadavg()[0]];
  const rows = [];
  for (const [net, conditions] of NETWORKS) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const s = {};
      for (const [name, server] of i % 2 ? [...sides].reverse() : sides) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        s[name] = await load(context, baseOf(server), conditions);
        await context.close();
      }
      samples.push(s);
    }
    rows.push([net, samples]);
  }
  loads.push(loadavg()[0]);
  await browser.close();
  for (const [, server] of sides) server.close();
  console.log(`demo load A/B — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Chromium ${version}, ${cpus().length} cores (load average ${loads.map((l) => l.toFixed(1)).join(' → ')}), cold, ${RUNS} runs alternated`);
  console.log('');
  console.log('| network | page | engine ready, ms | first highlight, ms | first highlight shown, ms | first highlight from the first module |');
  console.log('|---|---|---|---|---|---|');
  for (const [net, samples] of rows) {
    for (const [name] of sides) {
      const firsts = samples.filter((x) => x[name].first).length;
      const med = (k) => median(samples.map((x) => x[name][k])).toFixed(0);
      console.log(`| ${net} | ${name} | ${med('engine')} | ${med('firstHighlight')} | ${med('shown')} | ${firsts} of ${samples.length} |`);
    }
    const ratio = (k) => median(samples.map((x) => x.this[k] / x[abDir][k])).toFixed(2);
    console.log(`| ${net} | this / ${abDir}, median of the runs' ratios | ×${ratio('engine')} | ×${ratio('firstHighlight')} | ×${ratio('shown')} | |`);
  }
  for (const [net, samples] of rows) {
    console.log('');
    console.log(`${net}, runs (engine ready / first highlight / shown, ms): ${samples.map((x) => sides.map(([n]) => `${x[n].engine.toFixed(0)}/${x[n].firstHighlight.toFixed(0)}/${x[n].shown.toFixed(0)}`).join(' vs ')).join('; ')}`);
  }
  process.exit(0);
}
const rows = [];
const SERVERS = [['uncompressed, no-store (before)', false], ['brotli + ETag, no-cache (now)', true]];
for (const [label, compress] of nowOnly ? SERVERS.slice(1) : SERVERS) {
  const server = await startServer(0, '127.0.0.1', { compress });
  const base = `http://127.0.0.1:${server.address().port}`;
  // One unmeasured load fills the server's compressed copies (target/serve-cache/).
  const warmup = await browser.newContext();
  await load(warmup, base);
  await warmup.close();
  for (const [net, conditions] of NETWORKS) rows.push([label, net, await measure(browser, base, conditions)]);
  server.close();
}
await browser.close();

const kb = (b) => (b / 1024).toFixed(1);
console.log(`demo load — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Chromium ${version}, ${cpus().length} cores (load average ${loadavg()[0].toFixed(1)}), median of ${RUNS}`);
console.log('');
console.log('| server | network | cold: engine ready / first highlight / shown, ms | cold: KB on the wire (requests) | warm: engine ready / first highlight / shown, ms | warm: KB on the wire |');
console.log('|---|---|---|---|---|---|');
for (const [label, net, { cold, warm }] of rows) {
  console.log(`| ${label} | ${net} | ${cold.engine.toFixed(0)} / ${cold.firstHighlight.toFixed(0)} / ${cold.shown.toFixed(0)} | ${kb(cold.bytes)} (${cold.requests}) | ${warm.engine.toFixed(0)} / ${warm.firstHighlight.toFixed(0)} / ${warm.shown.toFixed(0)} | ${kb(warm.bytes)} |`);
}
