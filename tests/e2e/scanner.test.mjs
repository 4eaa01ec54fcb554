// The small first module in Chromium under the strict CSP: `install()` loads it first, its
// findings are drawn while the full module's .wasm is still held back, a guarded request made
// meanwhile waits (nothing leaves unfiltered) and goes out redacted once the full module runs,
// and the scanner, used again after that, moves to the full module's engine with the same findings.
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

const TEXT = 'Hi, I am Maria Schneider. Mail maria.schneider@example.com or call +44 20 7946 0958.';

const PAGE = `<!doctype html><meta charset="utf-8"><title>scanner first</title>
<div id="editor" contenteditable="true">${TEXT}</div>
<script type="module" src="/scanner-first.js"></script>`;

// The page highlights with whatever engine is there (the scanner first), through the CSS
// Custom Highlight API, and sends one guarded request when asked to.
const SCRIPT = `
import { install } from '/pkg/index.js';
const state = window.state = { events: [], drawn: null };
const t0 = performance.now();
const { guard, scanner } = install({ consent: 'redact' });
scanner.then((s) => {
  window.scanner = s;
  const node = document.getElementById('editor').firstChild;
  const found = s.scan(node.data);
  const ranges = found.map((f) => { const r = new Range(); r.setStart(node, f.start); r.setEnd(node, f.end); return r; });
  CSS.highlights.set('early', new Highlight(...ranges));
  state.drawn = { module: s.module, findings: found, ms: performance.now() - t0 };
  state.events.push('highlighted');
}, (e) => state.events.push('scanner failed: ' + e.name));
guard.then((g) => { window.guard = g; state.events.push('guard'); }, (e) => state.events.push('guard failed: ' + e.name));
window.send = (text) => fetch('/api/chat', {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: text }] }),
}).then((r) => r.json()).then((j) => state.events.push('answered'), (e) => state.events.push('send failed: ' + e.name));
`;

test('the first module highlights before the full module is fetched; a send waits for the guard', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const headers = { 'content-security-policy': CSP };
  await page.route(`${app.base}/scanner-first.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }));
  await page.route(`${app.base}/scanner-first.js`, (r) => r.fulfill({ body: SCRIPT, headers: { ...headers, 'content-type': 'text/javascript' } }));
  // The full module's .wasm is held until the test lets it go.
  let release;
  const released = new Promise((r) => { release = r; });
  const requested = [];
  await page.route('**/pkg/dist/web/pii_airlock_bg.wasm', async (r) => { requested.push('full'); await released; await r.continue(); });
  await page.route('**/pkg/dist/web/scanner/pii_airlock_scan_bg.wasm', async (r) => { requested.push('scanner'); await r.continue(); });
  const sent = [];
  await page.route('**/api/chat', (r) => {
    sent.push(r.request().postData());
    r.fulfill({ contentType: 'application/json', body: JSON.stringify({ message: { role: 'assistant', content: 'ok' }, done: true }) });
  });

  await page.goto(`${app.base}/scanner-first.html`);
  await page.waitForFunction(() => window.state?.drawn);
  const drawn = await page.evaluate(() => window.state.drawn);
  assert.equal(drawn.module, 'scanner');
  assert.deepEqual(drawn.findings.map((f) => f.entity), ['PERSON', 'EMAIL_ADDRESS', 'PHONE_NUMBER']);
  assert.equal(await page.evaluate(() => CSS.highlights.get('early').size), 3);
  assert.equal(requested[0], 'scanner');

  // A guarded request while the full module is held: it waits; nothing reaches the server.
  await page.evaluate((t) => { window.send(t); }, TEXT);
  await page.waitForTimeout(400);
  assert.deepEqual(sent, []);
  assert.deepEqual(await page.evaluate(() => window.state.events), ['highlighted']);

  release();
  await page.waitForFunction(() => window.state.events.includes('answered'));
  assert.equal(sent.length, 1);
  const body = JSON.parse(sent[0]);
  const content = body.messages[0].content;
  for (const value of ['maria.schneider@example.com', '+44 20 7946 0958', 'Maria Schneider']) {
    assert.ok(!content.includes(value), 'sent unfiltered');
  }
  assert.match(content, /\[EMAIL_ADDRESS_1\]/);

  // The scanner moves to the full module's engine when next used (not at the load: a page may
  // never scan again): the same findings from there on.
  assert.equal(await page.evaluate(() => window.scanner.module), 'scanner');
  assert.deepEqual(await page.evaluate((t) => window.scanner.scan(t), TEXT), drawn.findings);
  await page.waitForFunction(() => window.scanner.module === 'full');
  const after = await page.evaluate((t) => window.scanner.scan(t), TEXT);
  assert.deepEqual(after, drawn.findings);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without the first module the full one serves, and without either nothing is sent', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const headers = { 'content-security-policy': CSP };
  await page.route(`${app.base}/scanner-first.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }));
  await page.route(`${app.base}/scanner-first.js`, (r) => r.fulfill({ body: SCRIPT, headers: { ...headers, 'content-type': 'text/javascript' } }));
  await page.route('**/pii_airlock_scan_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${app.base}/scanner-first.html`);
  await page.waitForFunction(() => window.state?.drawn && window.state.events.includes('guard'));
  assert.equal(await page.evaluate(() => window.state.drawn.module), 'full');
  assert.equal(await page.evaluate(() => window.state.drawn.findings.length), 3);
  await page.close();

  // Neither module: the request is refused, never sent as typed.
  const blocked = await browser.newPage();
  await blocked.route(`${app.base}/scanner-first.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }));
  await blocked.route(`${app.base}/scanner-first.js`, (r) => r.fulfill({ body: SCRIPT, headers: { ...headers, 'content-type': 'text/javascript' } }));
  await blocked.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  const sent = [];
  await blocked.route('**/api/chat', (r) => { sent.push(r.request().postData()); r.fulfill({ body: '{}' }); });
  await blocked.goto(`${app.base}/scanner-first.html`);
  await blocked.evaluate((t) => window.send(t), TEXT);
  await blocked.waitForFunction(() => window.state.events.some((e) => e.startsWith('send failed')));
  assert.deepEqual(sent, []);
  await blocked.close();
  // Console errors from the failed loads are expected on the second page only.
  assert.deepEqual(errors.filter((e) => !/404|Failed to load/.test(e)), []);
});

test('a page that does not ask for the scanner never fetches the first module', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const headers = { 'content-security-policy': CSP };
  const script = `import { install } from '/pkg/index.js';
const { guard } = install({ consent: 'redact' });
guard.then((g) => { window.found = g.scan(${JSON.stringify(TEXT)}).length; });`;
  await page.route(`${app.base}/scanner-first.html`, (r) => r.fulfill({ body: PAGE, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } }));
  await page.route(`${app.base}/scanner-first.js`, (r) => r.fulfill({ body: script, headers: { ...headers, 'content-type': 'text/javascript' } }));
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(`${app.base}/scanner-first.html`);
  await page.waitForFunction(() => window.found !== undefined);
  assert.equal(await page.evaluate(() => window.found), 3);
  assert.deepEqual(wasm, ['/pkg/dist/web/pii_airlock_bg.wasm']);
  assert.deepEqual(errors, []);
  await page.close();
});
