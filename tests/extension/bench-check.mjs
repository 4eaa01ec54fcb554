// What the page-world check adds to a request the page makes: `node tests/extension/bench-check.mjs`.
// In the ChatGPT fixture, the page fetches a URL its CSP refuses (the native fetch fails at once,
// after the check, so no network is timed), alternately without a body (not checked) and with a
// JSON body of 21 strings (checked against the message box); medians of 41 each, in the same
// page, with the message box empty and then holding values (unchanged between requests).
import { launchWithExtension, routeSites, SITES, editorOf } from './harness.mjs';

const ctx = await launchWithExtension();
await routeSites(ctx.context);
const page = await ctx.context.newPage();
await page.goto(SITES.chatgpt.origin + SITES.chatgpt.path('bench-check'));
await page.waitForFunction(() => typeof globalThis.editorText === 'function');
const run = () => page.evaluate(async () => {
  const body = JSON.stringify({ event: 'composer_state', props: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`field_${i}`, `value number ${i} of the event`])) });
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  const unchecked = [];
  const checked = [];
  for (let i = 0; i < 41; i++) {
    let t = performance.now();
    await fetch('data:,x').catch(() => {});
    unchecked.push(performance.now() - t);
    t = performance.now();
    await fetch('data:,x', { method: 'POST', body }).catch(() => {});
    checked.push(performance.now() - t);
  }
  return { uncheckedMs: median(unchecked).toFixed(2), checkedMs: median(checked).toFixed(2) };
});
console.log('message box empty', JSON.stringify(await run()));
await page.click(editorOf('chatgpt'));
await page.keyboard.type('Hi, please write to jane.doe@example.com about the invoice, call +49 30 1234567 ');
await new Promise((r) => setTimeout(r, 1000));
console.log('message box with values', JSON.stringify(await run()));
await ctx.context.close();
