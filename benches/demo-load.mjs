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
//   node benches/demo-load.mjs 9 --trace --ab DIR
//     --trace with --ab: this checkout's page and DIR's traced alternately, the medians of each
//     part and of the runs' ratios (this / DIR); the main thread's CPU time up to the first
//     findings, the highlight shown and the guard ready is the figure a loaded host moves least.
//   node benches/demo-load.mjs 7 --trace [--root DIR]
//     --trace: where the time to the first highlight goes on loopback, cold, from a Chromium
//     trace of each load (main-thread events and V8's CPU samples, attributed by the script
//     and function they fall in): medians of each part, ms from navigation or ms of main-thread
//     time before the first highlight. Tracing slows the page; read the parts against each
//     other, the totals against the untraced runs.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i < 0 ? null : args.splice(i, 2)[1]; };
const flag = (name) => { const i = args.indexOf(name); if (i >= 0) args.splice(i, 1); return i >= 0; };
const rootDir = option('--root');
const abDir = option('--ab');
const nowOnly = flag('--now-only');
const traceMode = flag('--trace');
const serverOf = async (dir) => (await import(dir
  ? pathToFileURL(resolve(dir, 'scripts/serve.mjs')).href
  : new URL('../scripts/serve.mjs', import.meta.url).href)).startServer;
const startServer = await serverOf(rootDir);

const RUNS = Number(args[0] ?? 5);
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Loads the demo in `page` and waits for its first highlight (as marked and as shown) and its guard. */
async function loadPage(page, base) {
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
  return { engine, firstHighlight, shown };
}

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
  const { engine, firstHighlight, shown } = await loadPage(page, base);
  // Which engine painted first: the first module's or the guard's (a page without the mark's
  // detail, from before round 12, counts as the guard's when the guard was ready first).
  const source = await page.evaluate(() => performance.getEntriesByName('pii-airlock-demo:first-highlight')[0].detail);
  const first = source ? source === 'first module' : firstHighlight < engine;
  // Everything the page loads at start (the name list may finish after the first highlight).
  await page.waitForLoadState('networkidle');
  await page.close();
  return { engine, firstHighlight, shown, bytes, requests, first };
}

/** Trace categories: main-thread tasks, V8's wasm compilation, user timing, CPU samples. */
const TRACE = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'v8',
  'blink.user_timing', 'disabled-by-default-v8.cpu_profiler', 'loading'];

/**
 * One cold, traced load on loopback: when the page's files arrived (Resource Timing), and
 * what the renderer's main thread did before the first findings were handed to the page
 * (CPU samples attributed to the first module's build and scan, the full module, the page's
 * scripts; trace events for lazy wasm compilation, style, layout and paint).
 */
async function traced(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: TRACE });
  const { shown, engine } = await loadPage(page, base);
  const info = await page.evaluate(() => {
    const got = (end) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(end))?.responseEnd ?? NaN;
    return {
      fh: performance.getEntriesByName('pii-airlock-demo:first-highlight')[0].startTime,
      html: performance.getEntriesByType('navigation')[0].responseEnd,
      mainJs: got('/main.js'),
      scanWasm: got('/pii_airlock_scan_bg.wasm'),
      list: got('/gazetteer.bin'),
      fullWasm: got('/pii_airlock_bg.wasm'),
    };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const fhEvent = trace.find((e) => e.name === 'pii-airlock-demo:first-highlight');
  const { pid } = fhEvent;
  const origin = fhEvent.ts / 1000 - info.fh;
  const at = (ts) => ts / 1000 - origin;
  const mainTid = trace.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').tid;
  const before = (e) => e.ph === 'X' && at(e.ts) >= 0 && at(e.ts) < info.fh;
  const main = trace.filter((e) => e.pid === pid && e.tid === mainTid && before(e));
  const total = (names) => main.filter((e) => names.includes(e.name)).reduce((s, e) => s + e.dur / 1000, 0);
  // The main thread's own CPU time (the trace's thread duration of its top-level tasks) up to a
  // point: what the page made the thread do, less moved by the host's other processes than the
  // wall-clock figures (a preempted task's wall time grows, its CPU time does not).
  const tasks = trace.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.name === 'RunTask');
  const cpuUntil = (ms) => tasks.filter((e) => at(e.ts) >= 0 && at(e.ts) < ms).reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
  // A scanner's move to the full module's engine: a timer task that calls into scanner.js.
  const timers = trace.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.name === 'TimerFire');
  const inScannerJs = (t) => trace.some((e) => e.pid === pid && e.tid === mainTid && e.name === 'FunctionCall'
    && e.ts >= t.ts && e.ts < t.ts + t.dur && (e.args?.data?.url ?? '').endsWith('/pkg/src/scanner.js'));
  const moves = timers.filter((t) => at(t.ts) >= 0 && at(t.ts) < engine && inScannerJs(t));
  const streams = trace.filter((e) => e.pid === pid && e.name === 'wasm.StartStreamingCompilation').map((e) => at(e.ts)).sort((a, b) => a - b);
  // CPU samples: the stack of each, its time the gap to the next.
  const nodes = new Map();
  const samples = [];
  let t = null;
  for (const e of trace) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') t = e.args.data.startTime;
    if (e.name !== 'ProfileChunk') continue;
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const n of cpuProfile.nodes ?? []) nodes.set(n.id, n);
    (cpuProfile.samples ?? []).forEach((id, i) => { t += timeDeltas[i]; samples.push([at(t), id]); });
  }
  const where = (id) => {
    const frames = [];
    for (let n = nodes.get(id); n; n = nodes.get(n.parent)) frames.push(n.callFrame);
    const inFile = (file, fn) => frames.some((c) => (c.url ?? '').endsWith(file) && (!fn || c.functionName === fn));
    if (inFile('/pii_airlock_scan.js', 'Scanner')) return 'cpu: first module, Scanner build';
    if (inFile('/pii_airlock_scan.js', 'scan')) return 'cpu: first module, first scan';
    if (inFile('/pii_airlock_scan.js')) return 'cpu: first module, load and start';
    if (inFile('/pii_airlock.js')) return 'cpu: full module (glue, start)';
    if (frames.some((c) => /\/(main|examples|explain|early|scanner|index|guard)\.js$/.test(c.url ?? ''))) return 'cpu: page and package scripts';
    if (frames[0]?.functionName === '(garbage collector)') return 'cpu: GC';
    if (frames[0]?.functionName === '(program)') return 'cpu: browser (style, layout, compile, …)';
    return null;
  };
  const cpu = {};
  for (let i = 0; i + 1 < samples.length; i++) {
    const [s, id] = samples[i];
    if (s < 0 || s >= info.fh) continue;
    const k = where(id);
    if (k) cpu[k] = (cpu[k] ?? 0) + (samples[i + 1][0] - s);
  }
  return {
    'navigation → HTML received': info.html,
    '→ scanner .wasm received': info.scanWasm,
    '→ name list received': info.list,
    '→ main.js received': info.mainJs,
    '→ full .wasm received': info.fullWasm,
    '→ first wasm compile started': streams[0] ?? NaN,
    '→ second wasm compile started': streams[1] ?? NaN,
    '→ first findings (page mark)': info.fh,
    '→ first highlight shown': shown,
    '→ engine (guard) ready': engine,
    'main-thread CPU before the first findings': cpuUntil(info.fh),
    'main-thread CPU before the highlight is shown': cpuUntil(shown),
    'main-thread CPU before the guard is ready': cpuUntil(engine),
    'main-thread CPU before the guard is ready: the scanner\'s move to the full module': moves.reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0),
    'loads where the move ran before the guard was ready (1 = yes)': moves.length > 0 ? 1 : 0,
    'loads where the move ran before the highlight was shown (1 = yes)': moves.some((t) => at(t.ts) < shown) ? 1 : 0,
    'main thread before the mark: lazy wasm compilation': total(['wasm.CompileLazy']),
    'main thread before the mark: wasm streaming (main-thread part)': total(['wasm.OnBytesReceived', 'wasm.FinishStreaming']),
    'main thread before the mark: style and layout': total(['UpdateLayoutTree', 'Layout']),
    'main thread before the mark: paint': total(['PrePaint', 'Paint', 'Layerize']),
    'main thread before the mark: script compile and evaluation': total(['v8.compileModule', 'v8.evaluateModule', 'EvaluateScript']),
    'cpu: first module, Scanner build': 0,
    'cpu: first module, first scan': 0,
    ...cpu,
  };
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

if (abDir && !traceMode) {
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
if (traceMode && abDir) {
  // Traced loads of this page and DIR's, alternated run by run (the order swapped every run).
  const sides = [['this', await startServer(0, '127.0.0.1', { compress: true })],
    [abDir, await (await serverOf(abDir))(0, '127.0.0.1', { compress: true })]];
  const baseOf = (server) => `http://127.0.0.1:${server.address().port}`;
  for (const [, server] of sides) {
    const warmup = await browser.newContext();
    await load(warmup, baseOf(server));
    await warmup.close();
  }
  const loads = [loadavg()[0]];
  const parts = { this: [], [abDir]: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, server] of i % 2 ? [...sides].reverse() : sides) parts[name].push(await traced(browser, baseOf(server)));
  }
  loads.push(loadavg()[0]);
  await browser.close();
  for (const [, server] of sides) server.close();
  console.log(`demo load, traced A/B — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Chromium ${version}, ${cpus().length} cores (load average ${loads.map((l) => l.toFixed(1)).join(' → ')}), loopback, cold, ${RUNS} runs alternated`);
  console.log('');
  console.log(`| part | this, ms (median) | ${abDir}, ms (median) | ratio (median of the runs') |`);
  console.log('|---|---|---|---|');
  for (const k of Object.keys(parts.this[0])) {
    const a = parts.this.map((p) => p[k] ?? 0);
    const b = parts[abDir].map((p) => p[k] ?? 0);
    if (k.startsWith('loads where')) {
      // A count, not a time.
      console.log(`| ${k.replace(' (1 = yes)', '')} | ${a.filter(Boolean).length} of ${RUNS} | ${b.filter(Boolean).length} of ${RUNS} | |`);
      continue;
    }
    const ratios = a.map((x, i) => x / b[i]).filter(Number.isFinite);
    console.log(`| ${k} | ${median(a).toFixed(1)} | ${median(b).toFixed(1)} | ${ratios.length ? `×${median(ratios).toFixed(2)}` : ''} |`);
  }
  process.exit(0);
}
if (traceMode) {
  const server = await startServer(0, '127.0.0.1', { compress: true });
  const base = `http://127.0.0.1:${server.address().port}`;
  const warmup = await browser.newContext();
  await load(warmup, base);
  await warmup.close();
  const loads = [loadavg()[0]];
  const parts = [];
  for (let i = 0; i < RUNS; i++) parts.push(await traced(browser, base));
  loads.push(loadavg()[0]);
  await browser.close();
  server.close();
  console.log(`demo load, traced — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Chromium ${version}, ${cpus().length} cores (load average ${loads.map((l) => l.toFixed(1)).join(' → ')}), loopback, cold, median of ${RUNS}`);
  console.log('');
  console.log('| part | ms (median) | runs |');
  console.log('|---|---|---|');
  for (const k of Object.keys(parts[0])) {
    const xs = parts.map((p) => p[k] ?? 0);
    console.log(`| ${k} | ${median(xs).toFixed(1)} | ${xs.map((x) => x.toFixed(0)).join(' ')} |`);
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
