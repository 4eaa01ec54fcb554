// What the guard's insertion hooks (src/net/elsewhere/nodes.rs) cost per call, in Debian's
// Chromium on the plain strict-CSP app: `appendChild` as the guard hooked it beside the
// browser's own (saved by an init script before any of the page's scripts), in the same page,
// alternating batches, medians. A measurement, not a test: run it by hand
// (`node --test tests/e2e/dom-hooks.bench.mjs`); docs/benchmarks.md has the figures.
import { test } from 'node:test';
import { plainAppAndBrowser, restoredPage } from './fixtures.mjs';

const ctx = plainAppAndBrowser();

/** Saves the browser's own insertion methods before the page's scripts run. */
const saveNative = (page) => page.addInitScript(() => {
  window.__native = { appendChild: Node.prototype.appendChild, setAttribute: Element.prototype.setAttribute };
});

/**
 * In the page: µs per call of `appendChild` (hooked and native, alternating batches of `n`
 * fresh nodes, `rounds` rounds) for each kind of node; the median of each.
 */
function measure({ n, rounds }) {
  const native = window.__native.appendChild;
  const hooked = Node.prototype.appendChild;
  const host = document.createElement('div');
  native.call(document.body, host);
  const kinds = {
    'text node': () => document.createTextNode('x'),
    '<div>': () => document.createElement('div'),
    '<div> with 4 children, one <img src>': () => {
      const d = document.createElement('div');
      for (let i = 0; i < 3; i += 1) native.call(d, document.createElement('span'));
      const img = document.createElement('img');
      window.__native.setAttribute.call(img, 'src', 'data:,x');
      native.call(d, img);
      return d;
    },
  };
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const out = {};
  for (const [kind, make] of Object.entries(kinds)) {
    const times = { native: [], hooked: [] };
    for (let r = 0; r < rounds; r += 1) {
      const order = r % 2 ? ['native', 'hooked'] : ['hooked', 'native'];
      for (const which of order) {
        const f = which === 'native' ? native : hooked;
        const nodes = Array.from({ length: n }, make);
        const t0 = performance.now();
        for (const node of nodes) f.call(host, node);
        times[which].push(((performance.now() - t0) * 1000) / n);
        host.textContent = '';
      }
    }
    out[kind] = { native: median(times.native), hooked: median(times.hooked) };
  }
  return out;
}

const show = (label, r) => {
  for (const [kind, { native, hooked }] of Object.entries(r)) {
    console.log(`${label} | ${kind} | native ${native.toFixed(3)} µs | hooked ${hooked.toFixed(3)} µs | +${(hooked - native).toFixed(3)} µs`);
  }
};

test('appendChild per call: the guard keeps nothing (fast path), and keeps a value', async () => {
  const quiet = await restoredPage(ctx, { value: 'ann.lee@example.com', restore: false, before: saveNative });
  show('keeps nothing', await quiet.page.evaluate(measure, { n: 5000, rounds: 15 }));
  await quiet.page.close();
  const kept = await restoredPage(ctx, { value: 'ann.lee@example.com', before: saveNative });
  show('keeps a value', await kept.page.evaluate(measure, { n: 5000, rounds: 15 }));
  await kept.page.close();
});
