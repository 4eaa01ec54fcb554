// Measurement helpers shared by the Node runner (benches/node.mjs) and the in-browser runner
// (benches/browser.mjs → benches/browser.html), so both time the same way on the same inputs.
// Medians and percentiles only; nothing here asserts a time.

const enc = new TextEncoder();
const dec = new TextDecoder();
export const MIB = 1 << 20;

/** The first `bytes` UTF-8 bytes of `text`, cut on a character boundary (as the Rust bench does). */
export function cutBytes(text, bytes) {
  const b = enc.encode(text);
  if (b.length <= bytes) return text;
  let at = bytes;
  while (at > 0 && (b[at] & 0xc0) === 0x80) at--;
  return dec.decode(b.subarray(0, at));
}

export const utf8Length = (text) => enc.encode(text).length;

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** Median MB/s (10^6 UTF-8 bytes per second) of `scan(text)` over `runs` runs after one warm-up. */
export async function throughput(scan, text, runs) {
  const bytes = utf8Length(text);
  let findings = await scan(text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    findings = await scan(text);
    times.push(performance.now() - t);
  }
  const ms = median(times);
  return { mbps: bytes / (ms / 1e3) / 1e6, ms, findings: countOf(findings) };
}

/**
 * The engine's scan and the same-process reference (a bare lazy-DFA pass over the same
 * patterns, src/bench_reference.rs) timed in turn on the first MiB of each input: medians of
 * both and the median of the run-by-run ratio, which holds while the host's speed drifts.
 */
export async function againstReference(scan, bare, inputs, runs) {
  const rows = [];
  for (const name of ['prose', 'code', 'dense']) {
    const text = cutBytes(inputs[name], MIB);
    const bytes = utf8Length(text);
    scan(text);
    bare(text);
    const own = [];
    const ref = [];
    const share = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      scan(text);
      const a = performance.now() - t;
      t = performance.now();
      bare(text);
      const b = performance.now() - t;
      own.push(a);
      ref.push(b);
      share.push(b / a);
    }
    rows.push({ kind: 'reference', engine: 'pii-airlock', input: `${name} 1 MiB`,
      mbps: bytes / (median(own) / 1e3) / 1e6, bare_mbps: bytes / (median(ref) / 1e3) / 1e6,
      of_bare: median(share) });
  }
  return rows;
}

/**
 * The prompt with every non-ASCII character folded to ASCII (accents dropped, anything else
 * `?`): most English prompts are all ASCII, and the bench prompt's first non-ASCII character
 * comes early, which hides what crossing an all-ASCII string into wasm costs.
 */
export function asciiOnly(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x00-\x7f]/g, '?');
}

/** Latency percentiles in µs of `scan(text)` over `calls` calls after `warm` warm-up calls. */
export async function latency(scan, text, calls, warm = 50) {
  for (let i = 0; i < warm; i++) await scan(text);
  const times = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await scan(text);
    times.push((performance.now() - t) * 1e3);
  }
  times.sort((a, b) => a - b);
  return {
    p50_us: percentile(times, 50),
    p99_us: percentile(times, 99),
    max_us: times[times.length - 1],
  };
}

/**
 * Time per byte at 10 KB, 100 KB, 1 MiB and 10 MiB relative to 1 MiB (1.0 = linear): each
 * size once per round, the ratio taken within the round, the median over rounds (timed one
 * size after the other, the host's drift showed up as non-linearity).
 */
export async function linearity(scan, big, rounds = 5) {
  const sizes = [[10 * 1024, 100], [100 * 1024, 10], [MIB, 1], [10 * MIB, 1]];
  const texts = sizes.map(([len]) => cutBytes(big, len));
  const bytes = texts.map(utf8Length);
  for (const t of texts) await scan(t);
  const ratios = sizes.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const perByte = [];
    for (let k = 0; k < sizes.length; k++) {
      const t = performance.now();
      for (let i = 0; i < sizes[k][1]; i++) await scan(texts[k]);
      perByte.push((performance.now() - t) / (sizes[k][1] * bytes[k]));
    }
    perByte.forEach((p, k) => ratios[k].push(p / perByte[2]));
  }
  return ratios.map(median);
}

function countOf(findings) {
  if (Array.isArray(findings)) return findings.length;
  return undefined;
}

/**
 * The whole suite for one engine. `inputs` holds prompt, prose, code and dense (prose and dense
 * are 10 MiB; the throughput rows use their first MiB). `full` adds linearity.
 */
export async function suite(engine, scan, inputs, { runs = 7, calls = 2000, full = true } = {}) {
  const rows = [];
  const lat = await latency(scan, inputs.prompt, calls, Math.min(50, calls));
  rows.push({ kind: 'latency', engine, input: 'prompt 10 KB', ...lat });
  for (const name of ['prose', 'code', 'dense']) {
    const text = cutBytes(inputs[name], MIB);
    const r = await throughput(scan, text, runs);
    rows.push({ kind: 'throughput', engine, input: `${name} 1 MiB`, mbps: r.mbps, findings: r.findings });
  }
  if (full) {
    rows.push({ kind: 'linearity', engine, input: 'linearity dense', ratios: await linearity(scan, inputs.dense) });
  }
  return rows;
}

/** Headless Chromium as the start-up benches launch it (playwright-core's `chromium`). */
export function launchChromium(chromium) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
