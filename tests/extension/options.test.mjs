// The options page reaches the engine host (preset, sites switched off) and the popup shows
// what was found and forgets a conversation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, SITES, imgPath, dialogState, until, shownAnswers } from './harness.mjs';

let ctx;
let backend;
before(async () => {
  ctx = await launchWithExtension();
  backend = await routeSites(ctx.context);
});
after(async () => { await ctx?.context.close(); });

async function open(site, conv) {
  const page = await ctx.context.newPage();
  await page.goto(SITES[site].origin + SITES[site].path(conv));
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  return page;
}

const ext = (path) => `chrome-extension://${ctx.extensionId}/${path}`;
const sentIn = async (conv) => (await until(() => backend.received.find((r) => r.conv === conv))).text;

async function sendOn(conv, text) {
  const page = await open('chatgpt', conv);
  await page.click('.ProseMirror');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  return page;
}

test('the preset chosen in the options is the one the engine host applies', async () => {
  const opts = await ctx.context.newPage();
  await opts.goto(ext('options.html'));
  await opts.waitForFunction(() => document.querySelectorAll('#preset option').length === 6);
  await opts.selectOption('#preset', 'strict');
  await opts.click('button[type="submit"]');
  await until(async () => (await opts.textContent('#saved')) === 'Saved.');
  await opts.screenshot({ path: imgPath('extension-options.png'), fullPage: true });
  const page = await sendOn('opt-strict', 'Write to jane.doe@example.com please');
  // strict redacts without asking and without a restorable placeholder.
  const sent = await sentIn('opt-strict');
  assert.ok(!sent.includes('jane.doe@example.com') && !/EMAIL_ADDRESS_\d/.test(sent), sent);
  await page.close();
  // ... and blocks special categories: nothing is sent, the user is told, the text stays.
  const blocked = await sendOn('opt-block', 'I was diagnosed with diabetes last year.');
  const d = await until(() => dialogState(ctx.context, blocked));
  assert.match(d.text, /policy does not allow sending this message/);
  await blocked.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(!backend.received.some((r) => r.body.includes('opt-block')));
  assert.equal(await blocked.evaluate(() => editorText()), 'I was diagnosed with diabetes last year.');
  await blocked.close();

  await opts.selectOption('#preset', 'gdpr');
  await opts.click('button[type="submit"]');
  await until(async () => (await ctx.worker.evaluate(() => chrome.storage.local.get('settings'))).settings.preset === 'gdpr');
  const page2 = await sendOn('opt-gdpr', 'Write to jane.doe@example.com please');
  assert.equal(await sentIn('opt-gdpr'), 'Write to [EMAIL_ADDRESS_1] please');
  await page2.close();
  await opts.close();
});

test('per-category actions and the allow-list reach the engine host', async () => {
  const opts = await ctx.context.newPage();
  await opts.goto(ext('options.html'));
  await opts.waitForSelector('#cat-contact');
  await opts.selectOption('#cat-contact', 'redact');
  await opts.fill('#allow', 'support@example.com');
  await opts.click('button[type="submit"]');
  await until(async () => (await opts.textContent('#saved')) === 'Saved.');
  const page = await sendOn('opt-custom', 'Mail support@example.com and jane.doe@example.com');
  const sent = await sentIn('opt-custom');
  assert.ok(sent.startsWith('Mail support@example.com and '), sent);
  assert.ok(!sent.includes('jane.doe@example.com') && !/EMAIL_ADDRESS_\d/.test(sent), sent);
  await page.close();
  await opts.selectOption('#cat-contact', '');
  await opts.fill('#allow', '');
  await opts.click('button[type="submit"]');
  await until(async () => {
    const { settings } = await ctx.worker.evaluate(() => chrome.storage.local.get('settings'));
    return !settings.categories.contact && settings.allowValues.length === 0;
  });
  await opts.close();
});

test('a site switched off in the options is left alone', async () => {
  const opts = await ctx.context.newPage();
  await opts.goto(ext('options.html'));
  await opts.waitForSelector('#site-deepseek');
  await opts.uncheck('#site-deepseek');
  await opts.click('button[type="submit"]');
  await until(async () => (await ctx.worker.evaluate(() => chrome.storage.local.get('settings'))).settings.disabledSites?.includes('deepseek'));
  const page = await open('deepseek', 'opt-off');
  await page.click('#chat-input');
  await page.keyboard.type('Write to jane.doe@example.com');
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(await page.evaluate(() => CSS.highlights.get('pii-airlock-ext-replace')?.size ?? 0), 0);
  await opts.check('#site-deepseek');
  await opts.click('button[type="submit"]');
  await until(async () => !(await ctx.worker.evaluate(() => chrome.storage.local.get('settings'))).settings.disabledSites?.includes('deepseek'));
  await page.close();
  await opts.close();
});

test('the popup lists what was found and forgets the conversation', async () => {
  const page = await sendOn('popup-conv', 'Write to jane.doe@example.com, I was diagnosed with diabetes last year.');
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Enter');
  await until(() => page.evaluate(() => document.querySelectorAll('#thread .assistant span.pii-airlock-restored').length === 2));

  const popup = await ctx.context.newPage();
  await popup.goto(ext('popup.html'));
  await page.bringToFront();
  await popup.evaluate(() => globalThis.piiAirlockPopupLoad());
  const found = await popup.$$eval('#found li', (lis) => lis.map((l) => l.textContent));
  assert.deepEqual(found, ['email address: 1', 'health data: 1']);
  assert.match(await popup.textContent('#status'), /Sent 1 message\(s\), 1 with placeholders; 2 value\(s\) restored/);
  assert.ok((await popup.$$eval('#receipts li', (lis) => lis.map((l) => l.textContent))).some((t) => /gdpr: .*special categories 1/.test(t)));
  await popup.setViewportSize({ width: 360, height: 420 });
  await popup.screenshot({ path: imgPath('extension-popup.png') });

  await popup.click('#forget');
  await until(async () => /forgotten/.test(await popup.textContent('#status')));
  const keys = Object.keys(await ctx.worker.evaluate(() => chrome.storage.local.get(null)));
  assert.ok(!keys.some((k) => k.includes('popup-conv')), 'the vault is deleted');
  // The page shows the placeholders again, and a reload restores nothing.
  const shown = await shownAnswers(ctx.context, page);
  assert.deepEqual(shown.restored, []);
  assert.match(shown.text, /\[EMAIL_ADDRESS_\d+\] and \[HEALTH_DATA_\d+\]/);
  await page.reload();
  await page.waitForSelector('#thread .assistant');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await page.evaluate(() => document.querySelectorAll('span.pii-airlock-restored').length), 0);
  await popup.close();
  await page.close();
});

test('a conversation past its retention restores nothing and its vault is deleted', async () => {
  const page = await sendOn('ttl-conv', 'Write to jane.doe@example.com please');
  await until(() => page.evaluate(() => document.querySelectorAll('#thread .assistant span.pii-airlock-restored').length === 1));
  // Age the stored vault past its expiry, as the clock would.
  const key = await ctx.worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const k = Object.keys(all).find((x) => x.startsWith('vault:') && x.includes('ttl-conv'));
    await chrome.storage.local.set({ [k]: { ...all[k], expires: Date.now() - 1 } });
    return k;
  });
  assert.ok(key);
  await page.reload();
  await page.waitForSelector('#thread .assistant');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await page.evaluate(() => document.querySelectorAll('span.pii-airlock-restored').length), 0);
  assert.match(await page.evaluate(() => document.querySelector('#thread .assistant').textContent), /\[EMAIL_ADDRESS_1\]/);
  assert.equal((await ctx.worker.evaluate((k) => chrome.storage.local.get(k), key))[key], undefined);
  await page.close();
});

test('sites the user added get the content scripts while the browser grants them', async () => {
  const registered = () => ctx.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  // The browser's prompt cannot be answered headless: an origin already granted (a built-in
  // site) goes through the same path as one the user allowed in the prompt.
  await ctx.worker.evaluate(async () => {
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, extraOrigins: ['https://chat.mistral.ai/*', 'http://localhost/*'] } });
  });
  const scripts = await until(async () => { const r = await registered(); return r.length ? r : null; });
  assert.equal(scripts.length, 1);
  // localhost was never granted, so it is not registered.
  assert.deepEqual(scripts[0].matches, ['https://chat.mistral.ai/*']);
  assert.deepEqual(scripts[0].js, (await ctx.worker.evaluate(() => chrome.runtime.getManifest().content_scripts[0].js)));
  await ctx.worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, extraOrigins: [] } });
  });
  await until(async () => (await registered()).length === 0);
});
