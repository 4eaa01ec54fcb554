// Prints ONE markdown table from the runners' JSON files (native.json, node.json,
// chromium.json, size.json in PII_BENCH_OUT), with the issue's targets and the peers' ratios.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const dir = process.env.PII_BENCH_OUT || fileURLToPath(new URL('../target/bench-out', import.meta.url));
const load = (n) => (existsSync(join(dir, n)) ? JSON.parse(readFileSync(join(dir, n), 'utf8')) : { rows: [] });
const native = load('native.json');
const node = load('node.json');
const chromium = load('chromium.json');
const size = load('size.json');

const find = (doc, kind, input, engine = 'pii-airlock') =>
  doc.rows.find((r) => r.kind === kind && (input === undefined || r.input === input || r.mode === input)
    && (r.engine === undefined || r.engine === engine));
const f = (x, d = 1) => (x === undefined || x === null ? '—' : Number(x).toFixed(d));
const mark = (ok) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');

const rows = [];
const row = (what, n, nd, ch, target) => rows.push([what, n, nd, ch, target]);

for (const input of ['prose 1 MiB', 'code 1 MiB', 'dense 1 MiB']) {
  const [a, b, c] = [native, node, chromium].map((d) => find(d, 'throughput', input)?.mbps);
  const floor = input.startsWith('dense') ? 40 : 200;
  const nativeFloor = input.startsWith('dense') ? undefined : 400;
  const ok = (x, fl) => (x === undefined || fl === undefined ? undefined : x >= fl);
  const cpu = find(native, 'throughput', input)?.cpu_mbps;
  const best = cpu === undefined ? a : Math.max(a, cpu);
  row(`${input}, MB/s (median)`, `${f(a)} (CPU time: ${f(cpu)})` + mark(ok(best, nativeFloor)), f(b) + mark(ok(b, floor)), f(c) + mark(ok(c, floor)),
    `wasm ≥ ${floor}${nativeFloor ? `; native ≥ ${nativeFloor}` : ''}`);
}
// The same-process reference: a bare lazy-DFA pass over the same patterns, timed in turn with
// the engine (natively in CPU time); the engine's speed as a share of it holds while the host drifts.
for (const input of ['prose 1 MiB', 'code 1 MiB', 'dense 1 MiB']) {
  const n = find(native, 'throughput', input);
  const cell = (mbps, share) => (mbps === undefined ? '—' : `${f(mbps)}; pii-airlock ${f(share * 100, 0)}%`);
  const w = (d) => {
    const r = find(d, 'reference', input);
    return cell(r?.bare_mbps, r?.of_bare);
  };
  if (n?.bare_cpu_mbps === undefined && !find(node, 'reference', input)) continue;
  row(`reference, bare lazy-DFA pass over the same patterns: ${input}, MB/s; the engine's share, timed in turn`,
    cell(n?.bare_cpu_mbps, n?.of_bare), w(node), w(chromium), '(same-process baseline)');
}
{
  // The folded view (issue 16): its share of a whole scan, natively, timed in turn.
  const shares = ['prose 1 MiB', 'code 1 MiB', 'dense 1 MiB']
    .map((input) => find(native, 'fold_cost', input))
    .filter(Boolean)
    .map((r) => `${r.input.split(' ')[0]} ${f(r.of_scan * 100)}%`);
  if (shares.length) row('fold cost: `fold_text` as a share of the scan (which includes it), timed in turn', shares.join(', '), '', '', '(diagnostic)');
}
{
  const r = find(node, 'throughput', 'dense 1 MiB, redact (string out)');
  if (r) row('dense 1 MiB through `redact` (string out, no finding objects), MB/s', '', f(r.mbps), '', '(diagnostic)');
}
{
  const cell = (d) => {
    const r = find(d, 'latency', 'prompt 10 KB');
    return r ? `${f(r.p50_us)} / ${f(r.p99_us)} / ${f(r.max_us)}${mark(d === native ? undefined : r.p50_us < 100 && r.max_us < 1000)}` : '—';
  };
  row('prompt 10 KB, µs p50 / p99 / max', cell(native), cell(node), cell(chromium), 'p50 < 100, none > 1000 after the first');
  const ascii = (d) => {
    const r = find(d, 'latency', 'prompt 10 KB, ASCII only');
    return r ? `${f(r.p50_us)} / ${f(r.p99_us)} / ${f(r.max_us)}` : '—';
  };
  row('same prompt folded to ASCII (as most English prompts are), µs p50 / p99 / max', '', ascii(node), ascii(chromium), '(diagnostic)');
}
for (const input of ['linearity prose', 'linearity dense']) {
  const cell = (d) => {
    const r = find(d, 'linearity', input);
    if (!r) return '—';
    const ok = r.ratios.every((x) => x >= 0.8 && x <= 1.2);
    return r.ratios.map((x) => `×${x.toFixed(2)}`).join(' ') + mark(ok);
  };
  row(`${input}: time/byte at 10 KB, 100 KB, 1 MiB, 10 MiB vs 1 MiB`, cell(native), cell(node), cell(chromium), 'each within 0.80–1.20');
}
{
  const b = find(native, 'build');
  row('engine build, ms (rules)', b ? `${f(b.ms, 2)} (${b.rules} rules)` : '—', '', '', '');
  const lazy = find(node, 'startup', 'lazy');
  const eager = find(node, 'startup', 'eager');
  const page = find(chromium, 'startup', 'fresh page');
  const st = (r) => (r ? `${f(r.instantiate_ms)}${mark(r.instantiate_ms <= 10)}` : '—');
  const fr = (r) => (r ? `${f(r.first_result_ms)}${mark(r.first_result_ms <= 60)}` : '—');
  row('instantiate in a fresh process, ms (median of 7)', '', `${st(lazy)} (eager: ${eager ? f(eager.instantiate_ms) : '—'})`, st(page), '≤ 10');
  row('first result in a fresh process, ms', '', `${fr(lazy)} (eager: ${eager ? f(eager.first_result_ms) : '—'})`, fr(page), '≤ 60');
  const mem = (d) => {
    const r = find(d, 'memory');
    return r && r.after_dense_mb !== null ? `${f(r.after_init_mb)} → ${f(r.after_dense_mb)}${mark(r.after_dense_mb < 32)}` : '—';
  };
  row('wasm linear memory, MiB: after init → after 1 MiB dense', '', mem(node), mem(chromium), '< 32');
}
if (size.raw) {
  const kb = (s) => `${f(s.raw / 1e3)} / ${f(s.gzip / 1e3)}${mark(s.gzip <= 230e3)} / ${f(s.brotli / 1e3)}`;
  row('shipped .wasm (engine + browser layer), KB raw / gzip / brotli', kb(size), '', '', 'gzip ≤ 230');
  if (size.engine_only) {
    row('engine-only .wasm (no `browser` feature), KB raw / gzip / brotli', kb(size.engine_only), '', '', 'gzip ≤ 230');
  }
}
for (const peer of ['@arcjet/redact', 'redact-pii']) {
  for (const input of ['prose 1 MiB', 'code 1 MiB', 'dense 1 MiB']) {
    const p = find(node, 'throughput', input, peer);
    const us = find(node, 'throughput', input);
    if (!p) continue;
    row(`peer ${peer}: ${input}, MB/s (pii-airlock is ×)`, '', `${f(p.mbps, 2)} (×${f(us.mbps / p.mbps)})`, '', '');
  }
  const p = find(node, 'latency', 'prompt 10 KB', peer);
  const us = find(node, 'latency', 'prompt 10 KB');
  if (p) row(`peer ${peer}: prompt 10 KB, µs p50 / p99 (pii-airlock is × faster at p50)`, '', `${f(p.p50_us)} / ${f(p.p99_us)} (×${f(p.p50_us / us.p50_us)})`, '', '');
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`pii-airlock benchmarks — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpu}, ${os.cpus().length} cores, ` +
  `${os.platform()} ${os.release()}, Node ${node.node ?? process.version}, Chromium ${chromium.chromium ?? '—'}` +
  (size.profile ? `, wasm profile ${size.profile}` : ''));
console.log('');
console.log('| measurement | native | wasm in Node | wasm in Chromium | target |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
