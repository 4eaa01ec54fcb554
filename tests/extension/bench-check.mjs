// What the page-world check adds to a request the page makes: `node tests/extension/bench-check.mjs`.
// In the ChatGPT fixture, the page fetches a URL its CSP refuses (the native fetch fails at once,
// after the check, so no network is timed), alternately without a body (not checked), with a
// JSON body of 21 strings and with one of 1,200 strings (20 KB, a batch of events), each checked
// against the message box; medians of 41 each, in the same page, with the message box empty,
// then holding values and unsent text (unchanged between requests, typed a second before: the
// edit record holds its last words), then a 4 KB text. Drafts are closed (the default): the
// unsent text is looked for in every string before the values are. And an image address the
// page sets (a pixel), per image in µs, without a query and with one (checked in the setter);
// and a 4 KB answer set as innerHTML, per set in µs, with an image (its markup read before it
// goes in) and with links alone (not read).
import { launchWithExtension, routeSites, SITES, editorOf } from './harness.mjs';

const ctx = await launchWithExtension();
await routeSites(ctx.context);
const page = await ctx.context.newPage();
await page.goto(SITES.chatgpt.origin + SITES.chatgpt.path('bench-check'));
await page.waitForFunction(() => typeof globalThis.editorText === 'function');
const run = () => page.evaluate(async () => {
  const body = JSON.stringify({ event: 'composer_state', props: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`field_${i}`, `value number ${i} of the event`])) });
  const big = JSON.stringify({ batch: Array.from({ length: 200 }, (_, i) => ({ type: 'mouse_move', id: `evt_${i}`, ts: 1765106400000 + i, target: `div.sidebar > nav:nth-child(${i % 7})`, label: `item ${i} of the list` })) });
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  const unchecked = [];
  const checked = [];
  const checkedBig = [];
  for (let i = 0; i < 41; i++) {
    let t = performance.now();
    await fetch('data:,x').catch(() => {});
    unchecked.push(performance.now() - t);
    t = performance.now();
    await fetch('data:,x', { method: 'POST', body }).catch(() => {});
    checked.push(performance.now() - t);
    t = performance.now();
    await fetch('data:,x', { method: 'POST', body: big }).catch(() => {});
    checkedBig.push(performance.now() - t);
  }
  // An image address set by the page (a pixel), 200 at a time: without a query (not checked)
  // and with one of 4 strings (checked at once, in the setter). The host does not resolve, so
  // no load is timed, only the setter.
  const bare = [];
  const pixel = [];
  for (let i = 0; i < 41; i++) {
    let t = performance.now();
    for (let j = 0; j < 200; j++) new Image().src = `https://pixel.invalid/p${j}.gif`;
    bare.push(performance.now() - t);
    t = performance.now();
    for (let j = 0; j < 200; j++) new Image().src = `https://pixel.invalid/p.gif?ev=composer_state&id=${j}&label=item+${j}+of+the+list&ts=1765106400000`;
    pixel.push(performance.now() - t);
  }
  // An answer rendered as markup (4 KB of paragraphs with entities, a link and an image with
  // a query), per innerHTML: read in an inert template first, its image's address checked.
  // Links alone load nothing: that markup is not read twice.
  const links = Array.from({ length: 24 }, (_, i) => `<p>Step ${i}: compare A &amp; B, see <a href="/docs?p=${i}">the docs</a> &mdash; done.</p>`).join('');
  const answer = `${links}<img src="/pixel.gif?ev=answer_rendered&amp;id=42">`;
  const host = document.createElement('div');
  const markup = [];
  const markupLinks = [];
  for (let i = 0; i < 41; i++) {
    let t = performance.now();
    for (let j = 0; j < 20; j++) host.innerHTML = answer;
    markup.push(performance.now() - t);
    t = performance.now();
    for (let j = 0; j < 20; j++) host.innerHTML = links;
    markupLinks.push(performance.now() - t);
  }
  return {
    uncheckedMs: median(unchecked).toFixed(2), checkedMs: median(checked).toFixed(2), checked20KBMs: median(checkedBig).toFixed(2),
    pixelBareUs: (median(bare) * 5).toFixed(1), pixelQueryUs: (median(pixel) * 5).toFixed(1), markup4KBUs: (median(markup) * 50).toFixed(1), markupLinksUs: (median(markupLinks) * 50).toFixed(1),
  };
});
console.log('message box empty', JSON.stringify(await run()));
await page.click(editorOf('chatgpt'));
await page.keyboard.type('Hi, please write to jane.doe@example.com about the invoice, call +49 30 1234567 ');
await new Promise((r) => setTimeout(r, 1000));
console.log('message box with values', JSON.stringify(await run()));
// A long unsent text: its windows are built once per text, then each request looks its strings up.
await page.keyboard.insertText(' The quarterly figures are attached below for review. '.repeat(74));
await new Promise((r) => setTimeout(r, 1000));
console.log('message box with 4 KB', JSON.stringify(await run()));
await ctx.context.close();
