// The extension's costs, as a user meets them (Debian's Chromium, headless, extension loaded):
//   cold start  — a message to a stopped service worker until its answer: worker start, engine
//                 (.wasm compile + name list + build), first scan;
//   round trip  — chrome.runtime message with a 10 KB prompt to the engine host and back, warm;
//   size        — the zip and the unpacked folder.
//   node benches/extension.mjs [--runs N]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchWithExtension, ROOT } from '../tests/extension/harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
execFileSync(process.execPath, [join(ROOT, 'extension', 'build.mjs')], { stdio: 'ignore' });

// A 10 KB prompt with personal data spread through it (generated, no real data).
let prompt = '';
for (let i = 0; prompt.length < 10_000; i += 1) {
  prompt += `Paragraph ${i}: please summarise the meeting notes and write to user${i}@example.com about the invoice. `;
  if (i % 5 === 0) prompt += `Her IBAN is DE89 3704 0044 0532 0130 00 and the phone +49 30 1234${String(i).padStart(3, '0')}. `;
}
prompt = prompt.slice(0, 10_240);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { context, extensionId } = await launchWithExtension();
const page = await context.newPage();
await page.goto(`chrome-extension://${extensionId}/options.html`);
const cdp = await context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');

const send = (msg) => page.evaluate((m) => new Promise((resolve) => {
  const t0 = performance.now();
  chrome.runtime.sendMessage(m, (res) => resolve({ ms: performance.now() - t0, n: res?.findings?.length ?? -1 }));
}), msg);

const cold = [];
for (let i = 0; i < runs; i += 1) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((r) => setTimeout(r, 300));
  cold.push((await send({ type: 'scan', text: 'Write to jane.doe@example.com' })).ms);
}
const warm = [];
let found = 0;
for (let i = 0; i < 30; i += 1) {
  const r = await send({ type: 'scan', text: prompt });
  warm.push(r.ms);
  found = r.n;
}
await context.close();

const version = JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8')).version;
const dist = join(ROOT, 'extension', 'dist');
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
console.log('| extension (Chromium, headless) | value |');
console.log('|---|---|');
console.log(`| cold start: stopped worker → first scan answered (median of ${runs}) | ${median(cold).toFixed(0)} ms |`);
console.log(`| warm round trip, 10 KB prompt (${found} findings), median of 30 | ${median(warm).toFixed(1)} ms |`);
console.log(`| zip | ${kb(statSync(join(ROOT, 'extension', `pii-airlock-extension-${version}.zip`)).size)} |`);
console.log(`| unpacked (of which .wasm / name list) | ${kb(walk(dist).reduce((n, f) => n + statSync(f).size, 0))} (${kb(statSync(join(dist, 'engine/dist/web/pii_airlock_bg.wasm')).size)} / ${kb(statSync(join(dist, 'engine/dist/gazetteer.bin')).size)}) |`);
