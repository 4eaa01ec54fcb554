// A session-replay recorder (rrweb, which PostHog, Sentry Replay and others build on) in the
// same page as the guard, in Debian's Chromium. The recorder masks form fields, as those tools
// do by default; the guard's own elements — the overlay that mirrors the typed text to paint
// highlights, the popover and the consent dialog that show the values — are not fields, so
// without their "do not record" markers the recording carried every value typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watchErrors } from './browser.mjs';
import { appServer, appPage, packTarball, plainApp, ROOT } from './fixtures.mjs';

const EMAIL = 'replay.target@example.com';
const ctx = { app: null, browser: null };

before(async () => {
  const dir = plainApp(packTarball(), 'textarea');
  copyFileSync(join(ROOT, 'node_modules/rrweb/dist/rrweb.umd.min.cjs'), join(dir, 'rrweb.js'));
  writeFileSync(join(dir, 'record.js'), `window.__events = [];
rrweb.record({ emit: (e) => window.__events.push(e), maskAllInputs: true });
`);
  // The app's page with the recorder loaded first, as a tag manager would.
  const page = appPage('./app.js', 'textarea').replace(
    '<script type="module"',
    '<script src="./rrweb.js"></script><script src="./record.js"></script><script type="module"',
  );
  writeFileSync(join(dir, 'replay.html'), page);
  ctx.app = await appServer(dir);
  ctx.browser = await launch();
});
after(async () => {
  await ctx.browser?.close();
  ctx.app?.server.close();
});

test('a session-replay recording holds none of the values the guard highlights and asks about', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/replay.html`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.fill('#editor', `Please write to ${EMAIL} today`);
  // The highlight is painted from the overlay's mirror of the text.
  await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot?.textContent.includes('@'));
  // The consent dialog lists the value.
  await page.click('#send');
  await page.waitForSelector('pii-airlock-consent >> button[value="redacted"]');
  await page.waitForTimeout(300);
  const recorded = await page.evaluate(() => JSON.stringify(window.__events));
  assert.ok(recorded.length > 1000 && recorded.includes('Send'), 'the recorder ran and recorded the page');
  assert.ok(!recorded.includes(EMAIL) && !recorded.includes('replay.target'), 'a value reached the recording');
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  await page.waitForSelector('#status:text-is("done")');
  assert.deepEqual(errors, []);
  await page.close();
});
