// The Rust browser layer (src/net/) in Debian's Chromium, from the packed tarball: sendBeacon
// to a guarded endpoint is filtered without asking (or refused), and XMLHttpRequest through the
// hooks installPending sets before the engine loads hands over to the guard's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchErrors } from './browser.mjs';
import { packTarball, plainApp, appServer } from './fixtures.mjs';

const EMAIL = 'jane.doe@example.com';
let browser;
let plain;

before(async () => {
  plain = await appServer(plainApp(packTarball(), 'textarea'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  plain?.server.close();
});

async function until(f) {
  for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 50));
}

test('sendBeacon to a guarded endpoint leaves filtered, without a dialog; a policy block refuses it', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${plain.base}/`);
  await page.waitForSelector('body[data-state="ready"]');
  plain.received.length = 0;
  const body = JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${EMAIL}` }] });
  assert.equal(await page.evaluate((b) => navigator.sendBeacon('/v1/chat/completions', b), body), true);
  await until(() => plain.received.length > 0);
  assert.equal(JSON.parse(plain.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.equal(await page.$('pii-airlock-consent'), null, 'nobody was asked');
  await page.close();

  const strict = await browser.newPage();
  await strict.goto(`${plain.base}/?policy=strict`);
  await strict.waitForSelector('body[data-state="ready"]');
  plain.received.length = 0;
  const secret = JSON.stringify({ messages: [{ role: 'user', content: 'key sk_test_4eC39HqLyjWDarjtT1zdp7dc' }] });
  const outcome = await strict.evaluate((b) => {
    let reason = null;
    window.__guard.addEventListener('blocked', (e) => { reason = e.detail.reason; });
    return [navigator.sendBeacon('/v1/chat/completions', b), reason];
  }, secret);
  assert.deepEqual(outcome, [false, 'policy-block']);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(plain.received, []);
  assert.deepEqual(errors, []);
  await strict.close();
});

test('install() before the engine loads: an XMLHttpRequest is checked by the guard and its answer restored', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${plain.base}/?mode=pending&transport=xhr`);
  await page.waitForSelector('body[data-state="ready"]');
  plain.received.length = 0;
  await page.fill('#editor', `Mail ${EMAIL}`);
  await page.click('#send');
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  await page.waitForSelector('#status:text-is("done")');
  assert.equal(JSON.parse(plain.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.equal(await page.textContent('#answer'), `Got it: ${EMAIL}.`);
  // A synchronous request to a guarded endpoint is refused at open().
  const sync = await page.evaluate(() => {
    try { new XMLHttpRequest().open('POST', '/v1/chat/completions', false); return 'opened'; } catch (e) { return e.reason; }
  });
  assert.equal(sync, 'sync-xhr');
  assert.deepEqual(errors, []);
  await page.close();
});
