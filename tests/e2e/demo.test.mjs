// The demo page in real headless Chromium under the strict CSP the server sends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, watchErrors } from './browser.mjs';

let browser, server, base;
before(async () => { browser = await launch(); ({ server, base } = await serve()); });
after(async () => { await browser?.close(); server?.close(); });

test('findings appear as the user types and the outgoing text is redacted', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.fill('#prompt', '');
  await page.type('#prompt', '😀 Reach me at jane@example.com or 4111 1111 1111 1111', { delay: 2 });
  await page.waitForFunction(() => document.querySelectorAll('#findings li').length === 2);
  const items = await page.$$eval('#findings li', (lis) => lis.map((li) => [li.dataset.entity, li.querySelector('code').textContent]));
  assert.deepEqual(items, [['EMAIL_ADDRESS', 'jane@example.com'], ['CREDIT_CARD', '4111 1111 1111 1111']]);
  assert.equal(await page.textContent('#outgoing'), '😀 Reach me at [EMAIL_ADDRESS_1] or [CREDIT_CARD_1]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('markup typed by the user stays text', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.fill('#prompt', '<img src=x onerror="window.__pwned=1"> a@example.com <b>x</b>');
  await page.waitForFunction(() => document.querySelectorAll('#findings li').length === 1);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('#outgoing img, #findings img, #outgoing b', (x) => x.length), 0);
  assert.match(await page.textContent('#outgoing'), /^<img src=x onerror="window.__pwned=1"> \[EMAIL_ADDRESS_1\] <b>x<\/b>$/);
  await page.close();
});

test('the page is served with a CSP that forbids eval and inline script', async () => {
  const res = await fetch(`${base}/`);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
});

test('Send: the dialog asks, the pretend model gets placeholders, the streamed answer is restored', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.fill('#prompt', 'Mail jane@example.com or call +44 20 7946 0958');
  await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelectorAll('mark').length === 2);
  await page.click('#send');
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  await page.waitForSelector('body[data-sent="done"]');
  assert.equal(await page.textContent('#received'), 'Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1]');
  assert.equal(await page.textContent('#answer'), 'I will only use jane@example.com, +44 20 7946 0958 as you asked.');
  // Cancel: nothing reaches the model.
  await page.fill('#prompt', 'Mail other@example.org');
  await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelector('mark')?.textContent === 'other@example.org');
  await page.click('#send');
  await page.click('pii-airlock-consent >> button[value="cancelled"]');
  await page.waitForSelector('body[data-sent="cancelled"]');
  assert.equal(await page.textContent('#received'), 'Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1]');
  assert.deepEqual(errors, []);
  await page.close();
});
