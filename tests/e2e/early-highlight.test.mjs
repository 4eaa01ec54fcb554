// The first highlight from the small first module (`attachEarly`, `install().attach`), in
// Debian's Chromium under the strict CSP: with the full module's .wasm held back, the demo page
// and a page on `install()` draw the scanner's findings (the `pii-airlock-pending` highlight),
// send nothing, and hand over to the guard's own highlighter once the full module runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, watchErrors } from './browser.mjs';
import { CSP } from '../../scripts/serve.mjs';

let browser;
let app;

before(async () => {
  browser = await launch();
  app = await serve();
});
after(async () => {
  await browser?.close();
  app?.server.close();
});

/** Holds the full module's .wasm until `release()`; records what the page sends to `endpoint`. */
async function holdFullModule(page, endpoint) {
  let release;
  const released = new Promise((r) => { release = r; });
  const fetched = [];
  await page.route('**/pkg/dist/web/pii_airlock_bg.wasm', async (r) => { fetched.push('full'); await released; await r.continue(); });
  await page.route('**/pkg/dist/web/scanner/pii_airlock_scan_bg.wasm', async (r) => { fetched.push('scanner'); await r.continue(); });
  const sent = [];
  await page.route(endpoint, (r) => {
    sent.push(r.request().postData());
    r.fulfill({ contentType: 'application/json', body: JSON.stringify({ message: { role: 'assistant', content: 'ok' }, done: true }) });
  });
  return { release, fetched, sent };
}

/** The early highlight's ranges as the text they cover. */
const pending = (page) => page.evaluate(() => [...(CSS.highlights.get('pii-airlock-pending') ?? [])].map((r) => r.toString()));

test('the demo highlights from the first module while the full one is held, and sends nothing until the guard runs', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const { release, fetched, sent } = await holdFullModule(page, '**/v1/chat/completions');
  await page.goto(`${app.base}/`);
  await page.waitForFunction(() => (CSS.highlights.get('pii-airlock-pending')?.size ?? 0) > 0);
  const early = await pending(page);
  const text = await page.inputValue('#prompt');
  assert.ok(early.length >= 3, `few early highlights: ${early.length}`);
  for (const value of early) assert.ok(text.includes(value), 'an early highlight covers text the prompt does not hold');
  assert.equal(fetched[0], 'scanner');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('pii-airlock-demo:first-highlight').length), 1);
  // The mirror carries the prompt's text, laid over it.
  assert.equal(await page.evaluate(() => document.querySelector('[data-pii-airlock-early]').textContent), text);

  // Nothing can be sent before the guard runs: the button is off and Ctrl+Enter does nothing.
  assert.equal(await page.isDisabled('#send'), true);
  await page.focus('#prompt');
  await page.keyboard.press('Control+Enter');
  await page.evaluate(() => document.getElementById('send').click());
  // Typing redraws from the first module.
  await page.fill('#prompt', 'Write to someone.else@example.org today');
  await page.waitForFunction(() => [...(CSS.highlights.get('pii-airlock-pending') ?? [])].some((r) => r.toString() === 'someone.else@example.org'));
  await page.waitForTimeout(300);
  assert.deepEqual(sent, []);
  assert.notEqual(await page.getAttribute('body', 'data-state'), 'ready');

  // The full module runs: the guard's highlights replace the early ones.
  release();
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForFunction(() => !CSS.highlights.has('pii-airlock-pending') && !document.querySelector('[data-pii-airlock-early]'));
  const marks = await page.evaluate(() => [...document.querySelector('pii-airlock-overlay').shadowRoot.querySelectorAll('mark')].map((m) => m.textContent));
  assert.deepEqual(marks, ['someone.else@example.org']);
  assert.deepEqual(sent, []);
  assert.deepEqual(errors, []);
  await context.close();
});

const PAGE = `<!doctype html><meta charset="utf-8"><title>early highlight</title>
<textarea id="box" rows="4" cols="60"></textarea>
<script type="module" src="/early.js"></script>`;

const TEXT = 'Hi, I am Maria Schneider. Mail maria.schneider@example.com or call +44 20 7946 0958.';

const SCRIPT = `
import { install } from '/pkg/index.js';
const box = document.getElementById('box');
box.value = ${JSON.stringify(TEXT)};
const events = window.events = [];
const { attach, guard } = install({ consent: 'redact' });
box.addEventListener('pii-airlock:early-findings', (e) => events.push('early ' + e.detail.findings.map((f) => f.entity).join(',')));
const drawn = attach(box);
drawn.ready.then((c) => { window.controller = c; events.push('handed over'); }, (e) => events.push('failed ' + e.name));
guard.then(() => events.push('guard'));
window.send = () => fetch('/api/chat', {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: box.value }] }),
}).then(() => events.push('answered'), (e) => events.push('send failed ' + e.name));
`;

test('the demo builds its guard once the first module has painted, not before', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // The first module held back, the full one let through at once.
  let release;
  const released = new Promise((r) => { release = r; });
  let fullFetched;
  const full = new Promise((r) => { fullFetched = r; });
  await page.route('**/pkg/dist/web/scanner/pii_airlock_scan_bg.wasm', async (r) => { await released; await r.continue(); });
  await page.route('**/pkg/dist/web/pii_airlock_bg.wasm', async (r) => { await r.continue(); fullFetched(); });
  // When the first frame after the first module's findings is drawn: the guard's build (a long
  // task) must come after it, or the highlights reach the screen only once the build is done.
  await page.addInitScript(() => {
    document.addEventListener('pii-airlock:early-findings', () => {
      if (window.frameAfterEarly === undefined) {
        window.frameAfterEarly = null;
        requestAnimationFrame(() => { window.frameAfterEarly = performance.now(); });
      }
    }, true);
  });
  await page.goto(`${app.base}/`);
  await full;
  // Long enough for the full module to load and a guard to be built (what the page did before
  // round 12, whatever the first module was doing), well under the page's 4 s fallback.
  await page.waitForTimeout(1500);
  const marks = (name) => page.evaluate((n) => performance.getEntriesByName(`pii-airlock-demo:${n}`).map((m) => [m.startTime, m.detail]), name);
  assert.deepEqual(await marks('engine-ready'), [], 'the guard was built before the first module painted');
  assert.deepEqual(await marks('first-highlight'), []);
  release();
  await page.waitForSelector('body[data-state="ready"]');
  const [[highlight, source]] = await marks('first-highlight');
  const [[ready]] = await marks('engine-ready');
  assert.equal(source, 'first module');
  assert.ok(highlight < ready, 'the first highlight came after the guard was ready');
  const frame = await page.evaluate(() => window.frameAfterEarly);
  assert.ok(frame !== null && frame < ready, 'the guard was built before the first highlight was drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Serves `url`'s script with `code` appended (inside the module, where its exported class
 * bindings can be rebound), to count what the page does with the glue's classes.
 */
async function appendTo(page, url, code) {
  await page.route(url, async (r) => {
    const res = await r.fetch();
    const body = `${await res.text()}\n${code}\n`;
    await r.fulfill({ response: res, body, headers: { ...res.headers(), 'content-encoding': 'identity', etag: '' } });
  });
}

test("the demo's early highlighter builds no full-module engine of its own, and frees its engine once the guard's highlights are in", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // Every full-module \`Airlock\` built, and every first-module engine freed. The page's guard is
  // the full module's \`Guard\`: an \`Airlock\` on this page can only be a scanner moving to the
  // full module, for highlights the guard's highlighter replaces a moment later, built on the
  // main thread between the first highlight and the guard.
  await appendTo(page, '**/pkg/dist/web/pii_airlock.js', `Airlock = new Proxy(Airlock, { construct(t, a, n) {
    globalThis.airlocksBuilt = (globalThis.airlocksBuilt ?? 0) + 1; return Reflect.construct(t, a, n); } });`);
  await appendTo(page, '**/pkg/dist/web/scanner/pii_airlock_scan.js', `{ const free = Scanner.prototype.free;
    Scanner.prototype.free = function () { globalThis.scannersFreed = (globalThis.scannersFreed ?? 0) + 1; return free.call(this); }; }`);
  // The first module held until the full one is in: its first scan then comes after the full
  // module has loaded, which is when a scanner of the page's own would start its move.
  let release;
  const released = new Promise((r) => { release = r; });
  let fullFetched;
  const full = new Promise((r) => { fullFetched = r; });
  await page.route('**/pkg/dist/web/scanner/pii_airlock_scan_bg.wasm', async (r) => { await released; await r.continue(); });
  await page.route('**/pkg/dist/web/pii_airlock_bg.wasm', async (r) => { await r.continue(); fullFetched(); });
  await page.goto(`${app.base}/`);
  await full;
  await page.waitForTimeout(500);
  release();
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForFunction(() => !CSS.highlights.has('pii-airlock-pending'));
  // Typing after the hand-over is the guard's to highlight.
  await page.fill('#prompt', 'Write to someone.else@example.org today');
  await page.waitForTimeout(500);
  const [[, source]] = await page.evaluate(() => performance.getEntriesByName('pii-airlock-demo:first-highlight').map((m) => [m.startTime, m.detail]));
  assert.equal(source, 'first module');
  assert.equal(await page.evaluate(() => globalThis.airlocksBuilt ?? 0), 0, 'a full-module engine was built for the early highlights');
  assert.equal(await page.evaluate(() => globalThis.scannersFreed ?? 0), 1, 'the early engine was not freed after the hand-over');
  assert.deepEqual(errors, []);
  await context.close();
});

test('install().attach highlights a textarea from the first module; a send waits and goes out redacted', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const headers = { 'content-security-policy': CSP };
  await page.route(`${app.base}/early.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }));
  await page.route(`${app.base}/early.js`, (r) => r.fulfill({ body: SCRIPT, headers: { ...headers, 'content-type': 'text/javascript' } }));
  const { release, fetched, sent } = await holdFullModule(page, '**/api/chat');
  await page.goto(`${app.base}/early.html`);
  await page.waitForFunction(() => window.events?.length > 0);
  assert.deepEqual(await page.evaluate(() => window.events), ['early PERSON,EMAIL_ADDRESS,PHONE_NUMBER']);
  assert.deepEqual(await pending(page), ['Maria Schneider', 'maria.schneider@example.com', '+44 20 7946 0958']);
  assert.equal(fetched[0], 'scanner');

  await page.evaluate(() => { window.send(); });
  await page.waitForTimeout(400);
  assert.deepEqual(sent, []);

  release();
  await page.waitForFunction(() => window.events.includes('answered') && window.events.includes('handed over'));
  assert.equal(sent.length, 1);
  const content = JSON.parse(sent[0]).messages[0].content;
  for (const value of ['maria.schneider@example.com', '+44 20 7946 0958', 'Maria Schneider']) {
    assert.ok(!content.includes(value), 'sent unfiltered');
  }
  assert.deepEqual(await pending(page), []);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-pii-airlock-early]').length), 0);
  const marks = await page.evaluate(() => [...document.querySelector('pii-airlock-overlay').shadowRoot.querySelectorAll('mark')].map((m) => m.textContent));
  assert.deepEqual(marks, ['Maria Schneider', 'maria.schneider@example.com', '+44 20 7946 0958']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a contenteditable element is highlighted early over its own text nodes, blocks apart', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const headers = { 'content-security-policy': CSP };
  const html = `<!doctype html><meta charset="utf-8"><title>early editable</title>
<div id="ed" contenteditable="true"><p>Hi, I am <b>Maria</b> Schneider.</p><p>Mail maria.schneider@example.com</p><p>4111 1111 1111 1111</p></div>
<script type="module" src="/early-ed.js"></script>`;
  const script = `import { attachEarly } from '/pkg/index.js';
const ed = document.getElementById('ed');
window.texts = [];
ed.addEventListener('pii-airlock:early-findings', (e) => window.texts.push(e.detail.text));
window.drawn = attachEarly(ed, { debounce: 20 });`;
  await page.route(`${app.base}/early-ed.html`, (r) => r.fulfill({ body: html, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }));
  await page.route(`${app.base}/early-ed.js`, (r) => r.fulfill({ body: script, headers: { ...headers, 'content-type': 'text/javascript' } }));
  const { fetched } = await holdFullModule(page, '**/api/chat');
  await page.goto(`${app.base}/early-ed.html`);
  await page.waitForFunction(() => window.texts?.length > 0);
  // The paragraphs are read as lines (the card on its own line is not joined to the address).
  assert.equal(await page.evaluate(() => window.texts[0]), 'Hi, I am Maria Schneider.\nMail maria.schneider@example.com\n4111 1111 1111 1111');
  assert.deepEqual(await pending(page), ['Maria Schneider', 'maria.schneider@example.com', '4111 1111 1111 1111']);
  // Typing redraws; detach takes everything off.
  await page.evaluate(() => { document.querySelector('#ed p:last-child').textContent = 'nothing here'; });
  await page.waitForFunction(() => window.texts.length > 1);
  assert.deepEqual(await pending(page), ['Maria Schneider', 'maria.schneider@example.com']);
  await page.evaluate(() => window.drawn.detach());
  await page.waitForFunction(() => !CSS.highlights.has('pii-airlock-pending'));
  assert.deepEqual(fetched, ['scanner']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an <input> is highlighted early on its one line, where its text is', async () => {
  const page = await browser.newPage();
  const headers = { 'content-security-policy': CSP };
  const html = `<!doctype html><meta charset="utf-8"><title>early input</title>
<input id="in" type="text" size="60" value="Mail maria.schneider@example.com now">
<script type="module" src="/early-in.js"></script>`;
  // A tall field (styled through the CSSOM: the CSP forbids style attributes).
  const script = `import { attachEarly } from '/pkg/index.js';
const input = document.getElementById('in');
Object.assign(input.style, { height: '48px', padding: '4px 8px', font: '16px monospace' });
window.drawn = attachEarly(input);`;
  await page.route(`${app.base}/early-in.html`, (r) => r.fulfill({ body: html, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }));
  await page.route(`${app.base}/early-in.js`, (r) => r.fulfill({ body: script, headers: { ...headers, 'content-type': 'text/javascript' } }));
  await holdFullModule(page, '**/api/chat');
  await page.goto(`${app.base}/early-in.html`);
  await page.waitForFunction(() => (CSS.highlights.get('pii-airlock-pending')?.size ?? 0) > 0);
  assert.deepEqual(await pending(page), ['maria.schneider@example.com']);
  // The highlighted text sits inside the field's box, vertically centred like the field's own.
  const [field, mark] = await page.evaluate(() => {
    const r = [...CSS.highlights.get('pii-airlock-pending')][0].getBoundingClientRect();
    const f = document.getElementById('in').getBoundingClientRect();
    return [{ top: f.top, bottom: f.bottom, left: f.left, right: f.right }, { top: r.top, bottom: r.bottom, left: r.left, right: r.right }];
  });
  assert.ok(field.bottom - field.top >= 48, 'the field was not styled');
  assert.ok(mark.left > field.left && mark.right < field.right, JSON.stringify({ field, mark }));
  const middle = (b) => (b.top + b.bottom) / 2;
  assert.ok(Math.abs(middle(mark) - middle(field)) < 4, JSON.stringify({ field, mark }));
  await page.close();
});
