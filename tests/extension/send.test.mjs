// Sending on the fixture sites: the consent dialog (keyboard only), the composer rewritten
// through the editor's own input path, the request the site's backend receives, the answer
// restored in the page (never inside a link), and restored again after a reload and after the
// browser (and its service worker) restarted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, SITES, imgPath, dialogState, until, temp, shownAnswers, editorOf } from './harness.mjs';

const PROMPT = 'Write to jane.doe@example.com, I was diagnosed with diabetes last year.';

let ctx;
let backend;
const profile = temp('pii-airlock-ext-send-');

before(async () => {
  ctx = await launchWithExtension(profile);
  backend = await routeSites(ctx.context);
});
after(async () => { await ctx?.context.close(); });

async function open(site, conv) {
  const page = await ctx.context.newPage();
  await page.goto(SITES[site].origin + SITES[site].path(conv));
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  return page;
}

/** The restored values shown in the answers, and what the links there hold. */
const answerState = async (page) => {
  const s = await shownAnswers(ctx.context, page);
  return { restored: s.restored.map((r) => r.value), text: s.text, links: s.links };
};

test('chatgpt (ProseMirror): consent by keyboard, only placeholders sent, answer restored, reload restores', async () => {
  const page = await open('chatgpt', 'conv-keyboard');
  await page.click('.ProseMirror');
  await page.keyboard.type(PROMPT);
  await page.keyboard.press('Enter');

  const d = await until(() => dialogState(ctx.context, page));
  assert.equal(d.name, 'Personal data in your message');
  assert.deepEqual(d.buttons, ['Send redacted', 'Send as typed', 'Edit', 'Cancel']);
  assert.equal(d.focused, 'Send redacted', 'the least risky action has the focus');
  assert.match(d.text, /jane\.doe@example\.com/);
  assert.match(d.text, /diabetes/);
  await new Promise((r) => setTimeout(r, 300)); // past the dialog's fade-in
  await page.screenshot({ path: imgPath('extension-consent.png') });
  // Tab cycles inside the dialog; Shift+Tab comes back.
  await page.keyboard.press('Tab');
  assert.equal((await dialogState(ctx.context, page)).focused, 'Send as typed');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await dialogState(ctx.context, page)).focused, 'Send redacted');
  assert.equal(backend.received.length, 0, 'nothing is sent while the dialog is open');
  await page.keyboard.press('Enter');

  await until(() => backend.received.some((r) => r.body.includes('conv-keyboard')));
  const body = backend.received.find((r) => r.body.includes('conv-keyboard')).body;
  assert.match(body, /\[EMAIL_ADDRESS_\d+\]/);
  assert.match(body, /\[HEALTH_DATA_\d+\]/);
  assert.ok(!body.includes('jane.doe@example.com') && !body.includes('diabetes'), 'no value reaches the site');

  await until(async () => (await answerState(page)).restored.length >= 2);
  const a = await answerState(page);
  assert.deepEqual(a.restored.sort(), ['diabetes', 'jane.doe@example.com']);
  // The link the answer holds keeps its placeholder, in the URL and in its text.
  assert.equal(a.links.length, 1);
  assert.match(a.links[0][0], /e=%5BEMAIL_ADDRESS_1%5D|e=\[EMAIL_ADDRESS_1\]/);
  assert.equal(a.links[0][1], 'https://evil.example/?e=[EMAIL_ADDRESS_1]');
  await page.screenshot({ path: imgPath('extension-restored.png') });

  // A reload renders the conversation from the site's history: restored again.
  await page.reload();
  await until(async () => (await answerState(page)).restored.length >= 2);
  assert.deepEqual((await answerState(page)).restored.sort(), ['diabetes', 'jane.doe@example.com']);
  await page.close();
});

test('Escape and Edit: nothing is sent and the text stays as typed', async () => {
  const page = await open('chatgpt', 'conv-escape');
  await page.click('.ProseMirror');
  await page.keyboard.type(PROMPT);
  await page.keyboard.press('Enter');
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Escape');
  await until(async () => !(await dialogState(ctx.context, page)));
  assert.equal(await page.evaluate(() => editorText()), PROMPT);
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(!backend.received.some((r) => r.body.includes('conv-escape')));
  // Focus is back in the composer.
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')));
  // "Edit" (Tab, Tab, Enter) also sends nothing and leaves the text to edit.
  await page.keyboard.press('Enter');
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal((await dialogState(ctx.context, page)).focused, 'Edit');
  await page.keyboard.press('Enter');
  await until(async () => !(await dialogState(ctx.context, page)));
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(!backend.received.some((r) => r.body.includes('conv-escape')));
  assert.equal(await page.evaluate(() => editorText()), PROMPT);
  await page.close();
});

for (const [site, kind, how] of [['claude', 'prosemirror', 'button'], ['gemini', 'quill', 'enter'], ['deepseek', 'textarea', 'enter'], ['copilot', 'textarea', 'button'], ['perplexity', 'lexical', 'enter'], ['mistral', 'textarea', 'button']]) {
  test(`${site} (${kind}): sending with ${how} sends placeholders and restores the answer`, async () => {
    const conv = `conv-${site}`;
    const page = await open(site, conv);
    await page.click(editorOf(site));
    await page.keyboard.type(PROMPT);
    if (how === 'button') await page.click(SITES[site].send.includes('send-button') ? 'button.send-button' : '#send');
    else await page.keyboard.press('Enter');
    const d = await until(() => dialogState(ctx.context, page));
    assert.equal(d.focused, 'Send redacted');
    await page.keyboard.press('Enter');
    const { body, text } = await until(() => backend.received.find((r) => r.conv === conv));
    assert.ok(!body.includes('jane.doe@example.com') && !body.includes('diabetes'), `${site}: no value reaches the site`);
    assert.match(text, /^Write to \[EMAIL_ADDRESS_\d+\], I was diagnosed with \[HEALTH_DATA_\d+\] last year\.$/);
    await until(async () => (await answerState(page)).restored.length >= 2);
    assert.deepEqual((await answerState(page)).restored.sort(), ['diabetes', 'jane.doe@example.com']);
    await page.close();
  });
}

test('chatgpt: a request that went around the composer is refused by the MAIN-world check', async () => {
  const page = await open('chatgpt', 'conv-around');
  const post = (parts, raw) => page.evaluate(async ([p, r]) => {
    const body = r ?? JSON.stringify({ conversation_id: 'conv-around', messages: [{ author: { role: 'user' }, content: { content_type: 'text', parts: p } }] });
    try {
      const res = await fetch('/backend-api/conversation', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return `sent ${res.status}`;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  }, [parts, raw]);
  assert.match(await post(['mail jane.doe@example.com now']), /^TypeError: pii-airlock: this message was not sent/);
  assert.match(await post(null, 'conversation_id=conv-around&text=jane.doe@example.com'), /^TypeError: pii-airlock/);
  assert.ok(!backend.received.some((r) => r.body.includes('conv-around')), 'nothing reached the site');
  // The page was told why.
  assert.match((await until(() => dialogState(ctx.context, page))).text, /tried to send a message with personal data/);
  await page.keyboard.press('Enter');
  // A text without findings, and the composer's own checked send, go through.
  assert.equal(await post(['what is two plus two?']), 'sent 200');
  await page.click('.ProseMirror');
  await page.keyboard.type('Write to jane.doe@example.com');
  await page.keyboard.press('Enter');
  await until(() => backend.received.filter((r) => r.body.includes('conv-around')).length === 2);
  assert.ok(backend.received.filter((r) => r.body.includes('conv-around')).every((r) => !r.body.includes('jane.doe')));
  await page.close();
});

test('chatgpt: a new chat keeps its placeholders when the site gives it an id', async () => {
  const page = await ctx.context.newPage();
  await page.goto('https://chatgpt.com/');
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  await page.click('.ProseMirror');
  await page.keyboard.type('Write to new.person@example.org please');
  await page.keyboard.press('Enter');
  await until(() => page.url().includes('/c/gen-'));
  const url = page.url();
  await until(() => page.evaluate(() => document.querySelectorAll('#thread .assistant span.pii-airlock-restored').length === 1));
  // The vault moved from "new" to the id (the content script follows the URL).
  await until(async () => Object.keys(await ctx.worker.evaluate(() => chrome.storage.local.get(null)))
    .some((k) => k.startsWith('vault:') && k.includes(new URL(url).pathname.split('/').pop())));
  await page.goto(url);
  await until(() => page.evaluate(() => document.querySelectorAll('#thread .assistant span.pii-airlock-restored').length === 1));
  assert.deepEqual((await answerState(page)).restored, ['new.person@example.org']);
  const keys = Object.keys(await ctx.worker.evaluate(() => chrome.storage.local.get(null)));
  assert.ok(!keys.some((k) => k.endsWith('|new')), 'nothing left under "new"');
  await page.close();
});

test('a streamed answer is restored once it is complete, without cutting off the stream', async () => {
  const page = await open('chatgpt', 'stream-1');
  await page.click('.ProseMirror');
  await page.keyboard.type(PROMPT);
  await page.keyboard.press('Enter');
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Enter');
  await until(async () => (await answerState(page)).restored.length === 2);
  await new Promise((r) => setTimeout(r, 300));
  const a = await answerState(page);
  // All of the answer is shown: the text node the page kept writing to was not taken away mid-stream.
  assert.equal(a.text, 'I will write to jane.doe@example.com and diabetes today.');
  await page.close();
});

test('claude: a request that went around the composer is refused too (prompt and attachments)', async () => {
  const page = await open('claude', 'claude-around');
  const post = (body) => page.evaluate(async (b) => {
    try {
      const res = await fetch('/api/organizations/org-1/chat_conversations/claude-around/completion', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      return `sent ${res.status}`;
    } catch (e) {
      return `${e.name}`;
    }
  }, body);
  assert.equal(await post({ prompt: 'mail jane.doe@example.com' }), 'TypeError');
  assert.equal(await post({ prompt: 'summarise this', attachments: [{ extracted_content: 'IBAN DE89 3704 0044 0532 0130 00' }] }), 'TypeError');
  assert.equal(await post({ text: 'an unknown shape' }), 'TypeError');
  assert.ok(!backend.received.some((r) => r.conv === 'claude-around'));
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Enter');
  assert.equal(await post({ prompt: 'what is two plus two?', attachments: [] }), 'sent 200');
  await page.close();
});

test('multi-line prompts keep their lines in ProseMirror and in a textarea', async () => {
  // ProseMirror: the lines arrive as paragraphs (a paste without findings goes in as typed).
  const page = await open('chatgpt', 'conv-lines');
  await page.click('.ProseMirror');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'First line\nSecond line');
    document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await until(async () => (await page.evaluate(() => editorText())) === 'First line\nSecond line');
  await page.keyboard.type(' to jane.doe@example.com');
  await page.keyboard.press('Enter');
  const sent = JSON.parse((await until(() => backend.received.find((r) => r.body.includes('conv-lines')))).body).messages[0].content.parts[0];
  assert.equal(sent, 'First line\nSecond line to [EMAIL_ADDRESS_1]');
  await page.close();

  const ta = await open('deepseek', 'conv-lines-ta');
  await ta.click('#chat-input');
  await ta.keyboard.type('Hello');
  await ta.keyboard.press('Shift+Enter');
  await ta.keyboard.type('mail jane.doe@example.com');
  await ta.keyboard.press('Control+Enter');
  const sentTa = (await until(() => backend.received.find((r) => r.conv === 'conv-lines-ta'))).text;
  assert.equal(sentTa, 'Hello\nmail [EMAIL_ADDRESS_1]');
  await ta.close();
});

test('the vault is encrypted at rest and survives a browser restart', async () => {
  const stored = await ctx.worker.evaluate(() => chrome.storage.local.get(null));
  const json = JSON.stringify(stored);
  assert.ok(Object.keys(stored).some((k) => k.startsWith('vault:')), 'a vault is stored');
  assert.ok(!json.includes('jane.doe@example.com') && !json.includes('diabetes'), 'no value in storage as plain text');
  await ctx.context.close();
  // Same profile, new browser: a new service worker with nothing in memory.
  ctx = await launchWithExtension(profile);
  backend = await routeSites(ctx.context);
  // The backend's history is new too: the site shows the conversation as stored before.
  backend.history.set('conv-keyboard', [{ role: 'assistant', text: 'I will write to [EMAIL_ADDRESS_1] today.' }]);
  const page = await open('chatgpt', 'conv-keyboard');
  await until(async () => (await answerState(page)).restored.length >= 1);
  assert.deepEqual((await answerState(page)).restored, ['jane.doe@example.com']);
  // A second message in the same conversation after the restart does not reuse a number.
  await page.click('.ProseMirror');
  await page.keyboard.type('Also cc bob@example.org please');
  await page.keyboard.press('Enter');
  await until(() => backend.received.some((r) => r.body.includes('cc ')));
  const sent = JSON.parse(backend.received.find((r) => r.body.includes('cc ')).body).messages[0].content.parts[0];
  assert.match(sent, /^Also cc \[EMAIL_ADDRESS_(\d+)\] please$/);
  assert.notEqual(sent, 'Also cc [EMAIL_ADDRESS_1] please');
  await page.close();
});
