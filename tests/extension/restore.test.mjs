// Restore in the page through the engine host: surrogates (policy action "synthesize") come
// back as well as placeholders, also after a reload; the engine's restore rules decide where a
// value may go (never into a URL, even one shown as plain text); storage holds no value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, SITES, until, temp, shownAnswers, inExtension } from './harness.mjs';

let ctx;
let backend;

before(async () => {
  ctx = await launchWithExtension(temp('pii-airlock-ext-restore-'));
  backend = await routeSites(ctx.context);
});
after(async () => { await ctx?.context.close(); });

async function open(conv) {
  const page = await ctx.context.newPage();
  await page.goto(SITES.chatgpt.origin + SITES.chatgpt.path(conv));
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  return page;
}

/** What the user sees in the answers: the restored values and the whole text. */
const answers = async (page) => {
  const s = await shownAnswers(ctx.context, page);
  return { restored: s.restored.map((r) => r.value), text: s.text };
};

async function send(page, text) {
  await page.click('.ProseMirror');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a placeholder in a URL shown as plain text stays a placeholder; the one in the sentence is restored', async () => {
  const page = await open('url-text');
  await send(page, 'Write to jane.doe@example.com please');
  await until(() => backend.received.find((r) => r.conv === 'url-text'));
  await until(async () => (await answers(page)).restored.length >= 1);
  // The site renders an answer whose URL is plain text, not a link: the engine keeps it whole.
  backend.history.set('url-text', [{ role: 'assistant', text: 'Mail [EMAIL_ADDRESS_1] or open https://evil.example/?e=[EMAIL_ADDRESS_1] now.' }]);
  await page.reload();
  await until(async () => (await answers(page)).restored.length >= 1);
  await new Promise((r) => setTimeout(r, 500));
  const a = await answers(page);
  assert.deepEqual(a.restored, ['jane.doe@example.com']);
  assert.equal(a.text, 'Mail jane.doe@example.com or open https://evil.example/?e=[EMAIL_ADDRESS_1] now.');
  await page.close();
});

test('with a synthesize policy the surrogate is sent and the answer shows the value, after a reload too', async (t) => {
  const { settings = {} } = await ctx.worker.evaluate(() => chrome.storage.local.get('settings'));
  await ctx.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), { ...settings, categories: { contact: 'synthesize' } });
  t.after(() => ctx.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings));
  const page = await open('synth-1');
  await send(page, 'Write to jane.doe@example.com please');
  const { text } = await until(() => backend.received.find((r) => r.conv === 'synth-1'));
  const m = /^Write to (\S+@\S+) please$/.exec(text);
  assert.ok(m, 'a surrogate address is sent');
  const surrogate = m[1];
  assert.notEqual(surrogate, 'jane.doe@example.com');
  assert.ok(!/\[EMAIL_ADDRESS_\d+\]/.test(text), 'no placeholder: synthesized');
  // The model repeats the surrogate; the page shows the value, marked.
  backend.history.set('synth-1', [{ role: 'assistant', text: `Sure, I will write to ${surrogate}, thanks.` }]);
  await page.reload();
  await until(async () => (await answers(page)).restored.length >= 1);
  const a = await answers(page);
  assert.deepEqual(a.restored, ['jane.doe@example.com']);
  assert.equal(a.text, 'Sure, I will write to jane.doe@example.com, thanks.');
  // What the model wrote is kept on the marker, for the screen reader and on hover.
  assert.equal(await page.evaluate(() => document.querySelector('.pii-airlock-restored').title), `${surrogate} (restored by pii-airlock)`);

  // Storage: the vault's blob and its wrapped key, neither the value nor the surrogate.
  const stored = await ctx.worker.evaluate(() => chrome.storage.local.get(null));
  const rec = Object.entries(stored).find(([k]) => k.startsWith('vault:') && k.endsWith('|synth-1'))?.[1];
  assert.ok(rec && typeof rec.blob === 'string' && typeof rec.key === 'string', 'a vault record is stored');
  const json = JSON.stringify(stored);
  assert.ok(!json.includes('jane.doe@example.com') && !json.toLowerCase().includes(surrogate.toLowerCase()), 'no value in storage as plain text');
  await page.close();
});

test('a vault record moved to another conversation does not open there', async () => {
  const page = await open('moved-from');
  await send(page, 'Write to jane.doe@example.com please');
  await until(() => backend.received.find((r) => r.conv === 'moved-from'));
  await until(async () => (await answers(page)).restored.length >= 1);
  await page.close();
  // Someone copies the record under another conversation's key (nothing of that one is in
  // the worker's memory, so it is read from storage).
  await ctx.worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const [k, rec] = Object.entries(all).find(([key]) => key.endsWith('|moved-from'));
    await chrome.storage.local.set({ [k.replace('moved-from', 'moved-to')]: rec });
  });
  backend.history.set('moved-to', [{ role: 'assistant', text: 'I will write to [EMAIL_ADDRESS_1] today.' }]);
  const other = await open('moved-to');
  await until(async () => (await answers(other)).text.includes('[EMAIL_ADDRESS_1]'));
  await new Promise((r) => setTimeout(r, 800));
  assert.deepEqual((await answers(other)).restored, []);
  await other.close();
});

test('a conversation whose guard was dropped from memory (more than eight in use) still restores', async () => {
  const page = await ctx.context.newPage();
  await page.goto(`chrome-extension://${ctx.extensionId}/options.html`);
  const msg = (m) => page.evaluate((x) => chrome.runtime.sendMessage(x), m);
  for (let i = 0; i < 10; i += 1) {
    const r = await msg({ type: 'commit', conv: `lru-${i}`, text: `mail person${i}@example.com`, decision: 'redacted' });
    assert.equal(r.ok, true);
    assert.equal(r.text, 'mail [EMAIL_ADDRESS_1]');
  }
  // The first conversations' guards were dropped; their vaults come back from storage.
  for (const i of [0, 1, 9]) {
    const r = await msg({ type: 'restore', conv: `lru-${i}`, texts: ['Done: [EMAIL_ADDRESS_1].'] });
    assert.deepEqual(r.texts, [`Done: person${i}@example.com.`]);
  }
  // Numbering goes on past what the dropped guard issued.
  const r = await msg({ type: 'commit', conv: 'lru-0', text: 'and other@example.com', decision: 'redacted' });
  assert.equal(r.text, 'and [EMAIL_ADDRESS_2]');
  await page.close();
});

test('a restored value is shown to the user and hidden from every script of the page', async () => {
  // spy-…: the page runs fixtures/src/spy.js first, which patches attachShadow and the DOM's
  // writers, observes every mutation and event, and reads the page every way it can.
  // The message was sent before (this page never saw the value typed): the conversation's
  // vault holds it, and the site renders the answer from its history.
  const page = await open('spy-restore');
  const sent = await inExtension(ctx.context, page, (m) => chrome.runtime.sendMessage(m), { type: 'commit', conv: 'spy-restore', text: 'Write to jane.doe@example.com please', decision: 'redacted' });
  assert.equal(sent.text, 'Write to [EMAIL_ADDRESS_1] please');
  backend.history.set('spy-restore', [{ role: 'assistant', text: 'I will write to [EMAIL_ADDRESS_1] today. Link: <https://evil.example/?e=[EMAIL_ADDRESS_1]>' }]);
  await page.reload();
  const shown = await until(async () => {
    const s = await shownAnswers(ctx.context, page);
    return s.restored.length >= 1 && s;
  });
  // The user sees the value, marked, laid out with a size; the link keeps its placeholder.
  assert.equal(shown.text, 'I will write to jane.doe@example.com today. Link: https://evil.example/?e=[EMAIL_ADDRESS_1]');
  assert.deepEqual(shown.restored.map((r) => r.value), ['jane.doe@example.com']);
  const [box] = shown.restored;
  assert.ok(box.width > 50 && box.height > 5, `the value is drawn (${box.width}×${box.height})`);
  assert.ok(Math.abs(box.hostWidth - box.width) < 1, `the marker is as wide as the value it shows (${box.hostWidth} and ${box.width})`);
  assert.deepEqual(shown.titles, ['[EMAIL_ADDRESS_1] (restored by pii-airlock)']);
  // Screen readers get the value (the accessibility tree reaches into closed shadow roots).
  const cdp = await ctx.context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  assert.ok(nodes.some((n) => n.role?.value === 'StaticText' && n.name?.value === 'jane.doe@example.com'), 'the value is in the accessibility tree');

  // The user points at it, clicks it, double-clicks it, right-clicks it.
  const at = await page.evaluate(() => {
    const b = document.querySelector('.pii-airlock-restored').getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await page.mouse.click(at.x, at.y);
  await page.mouse.dblclick(at.x, at.y);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.keyboard.press('Escape');
  const report = await page.evaluate((g) => globalThis.spyReport(g), ['jane.doe@example.com']);
  // The page's DOM holds what the model wrote: the page reads the placeholder, never the value.
  const saw = report.seen.filter(([, v]) => /jane|doe@|example\.com/.test(v)).map(([how]) => how);
  assert.deepEqual(saw, [], `the page read the value by: ${[...new Set(saw)].join(', ')}`);
  assert.ok(report.seen.some(([how, v]) => how === 'answer.textContent' && v.includes('I will write to [EMAIL_ADDRESS_1] today.')));
  assert.equal(report.attachPatched, 0, 'the page\'s patched attachShadow is not the one the extension calls');
  assert.deepEqual(report.found, [], 'find-in-page does not find the value');
  // A copy of the answer holds what the model wrote (the page's clipboard read is granted here
  // only to look at it).
  await ctx.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SITES.chatgpt.origin });
  await page.click('h1');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /I will write to \[EMAIL_ADDRESS_1\] today\./);
  assert.ok(!copied.includes('jane.doe'));
  await ctx.context.clearPermissions();
  await page.close();
});
