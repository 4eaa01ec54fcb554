// The demo page as a user meets it, in Debian's headless Chromium under the strict CSP the
// server sends: pick an example, see the highlights and the exact outgoing body, change the
// policy, send, decide in the consent dialog, watch the restored answer stream in, export the
// receipts. At desktop and phone sizes, in light and dark, with an axe-core check; the mock
// backend's log proves it never received an original value. Screenshots go to target/screenshots/,
// or to docs/img/ (the README's) with PII_SCREENSHOTS=docs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, watchErrors } from './browser.mjs';
import { ROOT } from './fixtures.mjs';
import { EXAMPLES } from '../../www/examples.js';
import { alignChanges } from '../../www/explain.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// A test run must not rewrite committed files: the README's screenshots change only on request.
const IMG = process.env.PII_SCREENSHOTS === 'docs' ? join(ROOT, 'docs', 'img') : join(ROOT, 'target', 'screenshots');

let browser, server, base;
before(async () => { browser = await launch(); ({ server, base } = await serve()); mkdirSync(IMG, { recursive: true }); });
after(async () => { await browser?.close(); server?.close(); });

/** axe-core from the root devDependencies (or AXE_CORE_PATH): a missing one fails loudly. */
function axeSource() {
  const path = process.env.AXE_CORE_PATH ?? createRequire(join(ROOT, 'package.json')).resolve('axe-core/axe.min.js');
  return readFileSync(path, 'utf8');
}

/** Runs axe on the page (evaluated through the debugger protocol, which the page's CSP does not govern). */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource());
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function openDemo(viewport, query = '', colorScheme = 'light') {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('body[data-state="ready"]');
  return { context, page, errors };
}

/** Waits until the findings list and the outgoing body describe the editor's current text. */
async function settled(page, example) {
  await page.waitForFunction((text) => {
    const out = document.getElementById('outgoing');
    return document.getElementById('prompt').value === text
      && document.querySelectorAll('#findings li').length > 0
      && (out.dataset.blocked || out.textContent.startsWith('{'));
  }, example.text);
  await page.waitForTimeout(150);
  await page.waitForFunction(() => !document.body.dataset.previewing);
}

async function pick(page, id) {
  const example = EXAMPLES.find((x) => x.id === id);
  await page.selectOption('#example', id);
  await settled(page, example);
  return example;
}

const outgoingBody = (page) => page.textContent('#outgoing').then((t) => JSON.parse(t));
const overlayMarks = (page) => page.evaluate(() => [...document.querySelector('pii-airlock-overlay').shadowRoot.querySelectorAll('mark')].map((m) => m.textContent));
/** The editor's marks as [value, state]: the package draws each finding's state itself. */
const editorStates = (page) => page.evaluate(() => [...document.querySelector('pii-airlock-overlay').shadowRoot.querySelectorAll('mark')].map((m) => [m.textContent, m.dataset.state]));

/** Waits until the editor's marks show the findings list's states (then asserts it, for a readable failure). */
async function editorMatchesList(page, what) {
  const want = JSON.stringify((await findingsOf(page)).map((f) => [f.value, f.state]));
  try {
    await page.waitForFunction((want) => JSON.stringify([...document.querySelector('pii-airlock-overlay').shadowRoot.querySelectorAll('mark')]
      .map((m) => [m.textContent, m.dataset.state])) === want, want, { timeout: 5000 });
  } catch { /* the assertion below says what was drawn instead */ }
  assert.deepEqual(await editorStates(page), JSON.parse(want), what);
}
const findingsOf = (page) => page.$$eval('#findings li', (lis) => lis.map((li) => ({
  entity: li.dataset.entity, state: li.dataset.state, value: li.querySelector('.f-value').textContent,
  why: li.querySelector('.f-why').textContent, effect: li.querySelector('.f-effect').textContent,
})));

/** Every finding's value and its digits-only form must be absent from what the backend got. */
function assertNoOriginals(bodies, values) {
  for (const body of bodies) {
    for (const v of values) {
      assert.ok(!body.includes(v), `the backend received an original value (${v.length} chars)`);
      const digits = v.replace(/\D/g, '');
      if (digits.length >= 6) assert.ok(!body.replace(/\D/g, '').includes(digits), 'the backend received the digits of an original value');
    }
  }
}

test('desktop: example → highlights → policy change → Send → dialog → restored answer; the backend never sees a value', async () => {
  const { context, page, errors } = await openDemo(DESKTOP);
  const logBefore = server.mockLog.length;
  const ex = await pick(page, 'fr-customer');

  // The highlights and the findings, in plain language.
  const found = await findingsOf(page);
  const entities = found.map((f) => f.entity);
  for (const e of ['PERSON', 'FR_NIR', 'IBAN_CODE', 'PHONE_NUMBER', 'EMAIL_ADDRESS']) assert.ok(entities.includes(e), `finds ${e}`);
  const nir = found.find((f) => f.entity === 'FR_NIR');
  assert.equal(nir.value, '2 84 05 69 123 045 63');
  assert.match(nir.why, /key is valid/);
  assert.match(nir.effect, /^Replaced by \[FR_NIR_1\]; the answer gets the real value back\.$/);
  assert.equal(found.find((f) => f.entity === 'PERSON').state, 'ask', 'the demo asks about names');
  const marks = await overlayMarks(page);
  assert.deepEqual(marks, found.map((f) => f.value), 'the editor highlights exactly the findings');

  // The exact body: placeholders instead of values, and each difference marked with its state.
  let body = await outgoingBody(page);
  let content = body.messages.at(-1).content;
  assert.match(content, /\[FR_NIR_1\]/);
  assert.match(content, /\[IBAN_CODE_1\]/);
  for (const f of found) assert.ok(!content.includes(f.value), `${f.entity} is not in the outgoing body`);
  const diffs = await page.$$eval('#outgoing mark.diff', (ms) => ms.map((m) => [m.dataset.entity, m.dataset.state, m.textContent]));
  assert.equal(diffs.length, found.length);
  assert.deepEqual(diffs.find(([e]) => e === 'FR_NIR'), ['FR_NIR', 'replace', '[FR_NIR_1]']);
  assert.equal(diffs.find(([e]) => e === 'PERSON')[1], 'ask');
  // The editor draws the same states as the request view: its marks, the list and the diff agree.
  assert.deepEqual(await editorStates(page), found.map((f) => [f.value, f.state]), 'the editor\'s marks have the findings\' states');
  assert.deepEqual(diffs.map(([, st]) => st), found.map((f) => f.state), 'the outgoing body\'s marks have the same states');
  assert.deepEqual([...new Set(found.map((f) => f.state))].sort(), ['ask', 'replace']);

  // Money → "Mask": the IBAN leaves masked instead of as a placeholder, at once.
  await page.selectOption('#cat-financial', 'mask');
  await page.waitForFunction(() => !document.getElementById('outgoing').textContent.includes('[IBAN_CODE_1]'));
  await settled(page, ex);
  body = await outgoingBody(page);
  content = body.messages.at(-1).content;
  const ibanMark = await page.$eval('#outgoing mark[data-entity="IBAN_CODE"]', (m) => m.textContent);
  assert.match(ibanMark, /862$/, 'a masked IBAN keeps its last characters');
  assert.ok(!ibanMark.includes('3000 4012'), 'and hides the rest');
  assert.match((await findingsOf(page)).find((f) => f.entity === 'IBAN_CODE').effect, /^Sent masked as /);
  await editorMatchesList(page, 'a masked IBAN is drawn as replaced in the editor too');

  // ID numbers → "Block sending": nothing can leave, and the page says so.
  await page.selectOption('#cat-identifiers', 'block');
  await page.waitForSelector('#outgoing[data-blocked="policy-block"]');
  assert.equal((await findingsOf(page)).find((f) => f.entity === 'FR_NIR').state, 'block');
  await editorMatchesList(page, 'the blocked NIR is drawn as blocked in the editor');
  assert.equal((await editorStates(page)).find(([v]) => v === nir.value)[1], 'block');
  await page.selectOption('#cat-identifiers', '');
  await page.waitForFunction(() => document.getElementById('outgoing').textContent.includes('[FR_NIR_1]'));

  assert.deepEqual(await seriousViolations(page), [], 'axe: no serious or critical violations (desktop, light)');
  await page.screenshot({ path: join(IMG, 'demo-light.png'), fullPage: false });

  // Send: the names need a decision, so the dialog asks; "Send redacted".
  const previewed = await page.textContent('#outgoing');
  await page.click('#send');
  await page.waitForSelector('pii-airlock-consent >> dialog[open]');
  assert.deepEqual(await seriousViolations(page), [], 'axe: the consent dialog has no serious or critical violations');
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  await page.waitForSelector('body[data-sent="done"]');

  // The backend got exactly the previewed body, and never an original value.
  const got = server.mockLog.slice(logBefore).map((e) => e.body);
  assert.equal(got.length, 1);
  assert.equal(got[0], previewed, 'the request that left is the one the page showed');
  assertNoOriginals(got, found.map((f) => f.value));

  // The answer streamed in with placeholders and was restored in the page.
  const answer = await page.textContent('#answer');
  assert.match(answer, /^Hello Camille Durand, thanks for the details\./);
  assert.ok(answer.includes('2 84 05 69 123 045 63'), 'the NIR is restored in the answer');
  assert.ok(!/\[[A-Z_]+_\d+\]/.test(answer), 'no placeholder is left in the restored answer');
  const received = await page.textContent('#received');
  assert.match(received, /\[PERSON_1\]/, 'the raw side shows what the assistant wrote');
  assert.ok(!received.includes('Camille'));

  // A receipt without values, exported as JSON.
  await page.waitForSelector('#receipts li');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.receipts.length, 1);
  assert.equal(exported.receipts[0].purpose, '/v1/chat/completions');
  assert.ok(exported.receipts[0].decisions.some((d) => d.entity === 'PERSON' && d.decidedBy === 'user'));
  assertNoOriginals([JSON.stringify(exported)], found.map((f) => f.value));

  assert.deepEqual(await seriousViolations(page), [], 'axe: no serious or critical violations after sending');
  assert.deepEqual(errors, []);
  await context.close();
});

test('cancel in the dialog: nothing reaches the backend', async () => {
  const { context, page, errors } = await openDemo(DESKTOP, '?example=medical');
  const ex = EXAMPLES.find((x) => x.id === 'medical');
  await settled(page, ex);
  const before = server.mockLog.length;
  await page.click('#send');
  await page.waitForSelector('pii-airlock-consent >> dialog[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('body[data-sent="cancelled"]');
  assert.equal(server.mockLog.length, before);
  assert.equal(await page.textContent('#answer'), 'Not sent: you cancelled.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a choice in the highlight popover changes the outgoing body, and the request is the one shown', async () => {
  const { context, page, errors } = await openDemo(DESKTOP, '?example=support');
  const ex = EXAMPLES.find((x) => x.id === 'support');
  await settled(page, ex);
  assert.match(await page.textContent('#outgoing'), /\[EMAIL_ADDRESS_1\]/);
  // Keyboard: the caret into the address opens its popover; "Allow once" for this value.
  await page.focus('#prompt');
  await page.evaluate(() => { const t = document.getElementById('prompt'); const i = t.value.indexOf('jane.miller@') + 2; t.setSelectionRange(i, i); });
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('pii-airlock-popover:not([hidden])');
  await page.keyboard.press('Alt+ArrowDown');
  await page.click('pii-airlock-popover >> button[data-decision="allow-once"]');
  await page.waitForFunction(() => document.querySelector('#findings li[data-entity="EMAIL_ADDRESS"]')?.dataset.state === 'shown');
  await page.waitForFunction(() => document.getElementById('outgoing').textContent.includes('jane.miller@example.com'));
  assert.equal(await page.$eval('#outgoing mark[data-entity="EMAIL_ADDRESS"]', (m) => m.dataset.state), 'shown');
  assert.match((await findingsOf(page)).find((f) => f.entity === 'EMAIL_ADDRESS').effect, /^You allowed it/);
  await editorMatchesList(page, 'the allowed address is drawn as only shown in the editor');
  assert.equal((await editorStates(page)).find(([v]) => v === 'jane.miller@example.com')[1], 'shown');

  // "Readable" indents the same JSON and keeps the marks.
  await page.click('#readable');
  assert.match(await page.textContent('#outgoing'), /^\{\n {2}"messages": \[/);
  assert.equal(await page.$$eval('#outgoing mark.diff', (ms) => ms.length), 4);
  await page.click('#readable');

  const previewed = await page.textContent('#outgoing');
  const before = server.mockLog.length;
  await page.click('#send');
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  await page.waitForSelector('body[data-sent="done"]');
  const got = server.mockLog.slice(before).map((e) => e.body);
  assert.deepEqual(got, [previewed], 'the backend got the previewed body, the allowed address included');
  assertNoOriginals(got, ['Jane Miller', '+44 20 7946 0958', '4111 1111 1111 1111']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone (390×844): usable by keyboard, no horizontal scroll, axe clean, the whole flow works', async () => {
  const { context, page, errors } = await openDemo(PHONE, '?example=medical');
  const ex = EXAMPLES.find((x) => x.id === 'medical');
  await settled(page, ex);
  const found = await findingsOf(page);
  assert.deepEqual(found.map((f) => [f.entity, f.state]),
    [['PERSON', 'ask'], ['DATE_OF_BIRTH', 'replace'], ['UK_NHS', 'replace'], ['HEALTH_DATA', 'ask']]);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'nothing overflows sideways');
  assert.deepEqual(await seriousViolations(page), [], 'axe: no serious or critical violations (phone)');
  await page.screenshot({ path: join(IMG, 'demo-phone.png'), fullPage: false });

  // Keyboard only: focus the editor, Ctrl+Enter sends, the dialog has the focus on "Send redacted".
  const before = server.mockLog.length;
  await page.focus('#prompt');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('pii-airlock-consent >> dialog[open]');
  assert.equal(await page.evaluate(() => document.querySelector('pii-airlock-consent').shadowRoot.activeElement?.value), 'redacted');
  await page.keyboard.press('Enter');
  await page.waitForSelector('body[data-sent="done"]');
  const got = server.mockLog.slice(before).map((e) => e.body);
  assert.equal(got.length, 1);
  assertNoOriginals(got, found.map((f) => f.value));
  assert.match(await page.textContent('#answer'), /^Hello Tom Becker,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark theme: follows the system and the toggle; axe clean', async () => {
  const { context, page, errors } = await openDemo(DESKTOP, '?example=code', 'dark');
  await settled(page, EXAMPLES.find((x) => x.id === 'code'));
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(await bg(), 'rgb(14, 17, 22)');
  assert.equal(await page.getAttribute('#theme', 'aria-pressed'), 'true');
  const found = await findingsOf(page);
  assert.deepEqual(found.filter((f) => f.entity === 'SECRET').map((f) => f.state), ['replace', 'replace', 'replace']);
  assert.match(found.find((f) => f.entity === 'SECRET').effect, /cannot come back in the answer/);
  assert.equal(found.find((f) => f.entity === 'URL').state, 'shown');
  await editorMatchesList(page, 'dark: the editor draws the findings\' states');
  assert.deepEqual(await seriousViolations(page), [], 'axe: no serious or critical violations (dark)');
  await page.screenshot({ path: join(IMG, 'demo-dark.png'), fullPage: false });
  await page.click('#theme');
  assert.equal(await bg(), 'rgb(244, 246, 249)');
  assert.deepEqual(await seriousViolations(page), [], 'axe: no serious or critical violations (light by toggle)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the last policy picked is the one in force, however fast the picks come', async () => {
  const { context, page, errors } = await openDemo(DESKTOP, '?example=support');
  await settled(page, EXAMPLES.find((x) => x.id === 'support'));
  await page.evaluate(() => {
    const s = document.getElementById('preset');
    for (const v of ['strict', 'secrets-only']) { s.value = v; s.dispatchEvent(new Event('change')); }
  });
  await page.waitForFunction(() => document.querySelector('#findings li[data-entity="EMAIL_ADDRESS"]')?.dataset.state === 'shown');
  await page.waitForTimeout(1500);
  await page.waitForFunction(() => !document.body.dataset.previewing);
  assert.equal(await page.$eval('#findings li[data-entity="EMAIL_ADDRESS"]', (li) => li.dataset.state), 'shown');
  assert.match(await page.textContent('#outgoing'), /jane\.miller@example\.com/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('markup typed by the user stays text, in every view', async () => {
  const { context, page } = await openDemo(DESKTOP);
  await page.fill('#prompt', '<img src=x onerror="window.__pwned=1"> a@example.com <b>x</b>');
  await page.waitForFunction(() => document.querySelectorAll('#findings li').length === 1
    && document.getElementById('outgoing').textContent.includes('EMAIL_ADDRESS_1'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('#outgoing img, #findings img, #outgoing b, #findings b', (x) => x.length), 0);
  assert.match(await page.textContent('#outgoing'), /"<img src=x onerror=\\"window.__pwned=1\\"> \[EMAIL_ADDRESS_1\] <b>x<\/b>"/);
  await context.close();
});

test('the page is served with a CSP that forbids eval and inline script', async () => {
  const res = await fetch(`${base}/`);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
});

test('served compressed with validators: brotli, gzip, identity, 304', async () => {
  const url = `${base}/pkg/dist/web/pii_airlock_bg.wasm`;
  const raw = readFileSync(join(ROOT, 'pkg/dist/web/pii_airlock_bg.wasm'));
  const { request } = await import('node:http');
  const get = (headers) => new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.ok(br.body.length < raw.length / 2, 'brotli at least halves the .wasm');
  assert.ok(brotliDecompressSync(br.body).equals(raw));
  const gz = await get({ 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gz.body).equals(raw));
  assert.notEqual(gz.headers.etag, br.headers.etag, 'each encoding has its own ETag');
  const plain = await get({ 'accept-encoding': 'identity' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.equals(raw));
  const again = await get({ 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.match(br.headers['cache-control'], /no-cache/);
  const stale = await get({ 'accept-encoding': 'br', 'if-none-match': '"something-else"' });
  assert.equal(stale.status, 200);
});

/** A page on another origin whose CSP allows only the demo's script and frame. */
async function hostPage(html, demoOrigin) {
  const csp = `default-src 'none'; script-src ${demoOrigin}; frame-src ${demoOrigin}; style-src 'self'; base-uri 'none'; object-src 'none'`;
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
    res.end(html);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  // localhost vs 127.0.0.1: another origin than the demo's, as on a real site.
  return { host, url: `http://localhost:${host.address().port}/`, csp };
}

for (const [name, snippet] of [
  ['the custom element', (b) => `<script type="module" src="${b}/embed.js"></script>\n<pii-airlock-demo example="code"></pii-airlock-demo>`],
  ['the iframe snippet', (b) => `<iframe src="${b}/?embed=1&example=code" title="pii-airlock demo" width="100%" height="1100" loading="lazy"></iframe>`],
]) {
  test(`embedding with ${name} works on a page with a strict CSP`, async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>A host page</h1>\n${snippet(base)}\n</body></html>`;
    const { host, url } = await hostPage(html, base);
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url);
    const frame = await (await page.waitForSelector('iframe', { state: 'attached' })).contentFrame();
    await frame.waitForSelector('body[data-state="ready"]');
    await frame.waitForFunction(() => document.querySelectorAll('#findings li[data-entity="SECRET"]').length === 3);
    assert.match(await frame.textContent('#outgoing'), /\[REDACTED\]|\[SECRET/);
    // Embedded: only the working parts, and the element grows to the demo's height.
    assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('.top')).display), 'none');
    if (name === 'the custom element') {
      await page.waitForFunction(() => document.querySelector('pii-airlock-demo').getBoundingClientRect().height > 1200);
    }
    assert.deepEqual(errors, [], 'no CSP violation or error on the host page');
    await context.close();
    host.close();
  });
}

test('the diff marks line up with the typed text around the findings', () => {
  const typed = 'Mail a@b.co or call 0123 now';
  const f = [{ start: 5, end: 11, index: 0 }, { start: 20, end: 24, index: 1 }];
  const pieces = alignChanges(typed, 'Mail [EMAIL_ADDRESS_1] or call •••• now', f);
  assert.deepEqual(pieces.map((p) => [p.text, p.finding?.index]),
    [['Mail ', undefined], ['[EMAIL_ADDRESS_1]', 0], [' or call ', undefined], ['••••', 1], [' now', undefined]]);
  // Side by side, and a text that does not line up.
  const g = [{ start: 0, end: 3, index: 0 }, { start: 3, end: 6, index: 1 }];
  assert.deepEqual(alignChanges('abcdef', '[X_1]def', g).map((p) => p.text), ['[X_1]', 'def']);
  assert.equal(alignChanges('abc def', 'xyz', [{ start: 4, end: 7, index: 0 }]), null);
});

test('the mock backend answers JSON without `stream`, with the placeholders it got, and logs the body', async () => {
  const before = server.mockLog.length;
  const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Call [PERSON_1] at [PHONE_NUMBER_1]' }] });
  const res = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  assert.equal(res.headers.get('content-type'), 'application/json');
  const answer = (await res.json()).choices[0].message.content;
  assert.match(answer, /^Hello \[PERSON_1\], thanks for the details\.\nI will refer to \[PHONE_NUMBER_1\] exactly as you gave it\./);
  assert.deepEqual(server.mockLog.slice(before).map((e) => e.body), [body]);
  assert.equal((await fetch(`${base}/v1/chat/completions`, { method: 'POST', body: 'not json' })).status, 400);
});

test('fail closed: when the engine cannot load, the page says so and nothing can be sent', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.route('**/pii_airlock_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  const before = server.mockLog.length;
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-state="error"]');
  assert.match(await page.textContent('#summary'), /could not load, so nothing is checked and nothing can be sent/);
  assert.equal(await page.isDisabled('#send'), true);
  await page.focus('#prompt');
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(300);
  assert.equal(server.mockLog.length, before);
  await context.close();
});
