// Ways text reaches a chat site without passing the composer the extension guards: the edit box
// of an already sent message, text and files dropped into the composer, text files attached
// with the site's file input, and requests of the sites the MAIN-world check models.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, openSite, dialogState, until } from './harness.mjs';

let ctx;
let backend;
before(async () => {
  ctx = await launchWithExtension();
  backend = await routeSites(ctx.context);
});
after(async () => { await ctx?.context.close(); });

const open = (site, conv) => openSite(ctx.context, site, conv);

const sentTo = (conv) => backend.received.filter((r) => r.conv === conv);

// ChatGPT edits in a textarea with "Send", Claude in a second ProseMirror editor with "Save":
// buttons labelled by their text only, which resend without the composer.
for (const [site, label, how] of [['chatgpt', 'Send', 'button'], ['claude', 'Save', 'button'], ['chatgpt', 'Send', 'enter']]) {
  test(`${site}: the edit box of a sent message is checked too ("${label}" by ${how})`, async () => {
    const conv = `edit-${site}-${how}`;
    const page = await open(site, conv);
    await page.click('.ProseMirror');
    await page.keyboard.type('Hello there');
    await page.keyboard.press('Enter');
    await until(() => sentTo(conv).length === 1);
    await page.click('#thread .user button.edit');
    await page.waitForSelector('.edit-box');
    await page.click('.edit-box');
    await page.keyboard.press('End');
    await page.keyboard.type(', mail jane.doe@example.com');
    if (how === 'enter') await page.keyboard.press('Enter');
    else await page.click('.edit-form button:last-child');
    const { body, text } = await until(() => sentTo(conv)[1]);
    assert.ok(!body.includes('jane.doe@example.com'), 'the value does not reach the site');
    assert.equal(text, 'Hello there, mail [EMAIL_ADDRESS_1]');
    assert.equal(await dialogState(ctx.context, page), null, 'sent without a refusal');
    await page.close();
  });
}

test('a field in a settings dialog with its own "Save" is left to the site', async () => {
  const page = await open('chatgpt', 'settings-save');
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    box.innerHTML = '<textarea id="instructions"></textarea><button type="button" id="save">Save</button>';
    document.body.append(box);
    document.getElementById('save').addEventListener('click', () => { globalThis.saved = document.getElementById('instructions').value; });
  });
  await page.click('#instructions');
  await page.keyboard.type('Call me Jane,');
  // Enter is a new line there, not a send.
  await page.keyboard.press('Enter');
  await page.keyboard.type('jane.doe@example.com');
  await page.click('#save');
  // The click reached the site's handler at once, with the field as typed (held, it would not).
  assert.equal(await page.evaluate(() => globalThis.saved), 'Call me Jane,\njane.doe@example.com');
  await page.close();
});

/** Drags the text of a paragraph the test adds to the page into `selector`, with the mouse. */
async function dragText(page, text, selector) {
  await page.evaluate((t) => {
    const p = document.createElement('p');
    p.id = 'notes';
    p.textContent = t;
    document.querySelector('h1').after(p);
  }, text);
  await page.click('#notes', { clickCount: 3 });
  const from = await page.locator('#notes').boundingBox();
  const to = await page.locator(selector).boundingBox();
  await page.mouse.move(from.x + 20, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
}

for (const [site, selector] of [['chatgpt', '.ProseMirror'], ['deepseek', '#chat-input'], ['perplexity', '#ask-input']]) {
  test(`${site}: text dropped into the composer is held like a paste`, async () => {
    const page = await open(site, `drop-${site}`);
    await dragText(page, 'Call jane.doe@example.com today', selector);
    const d = await until(() => dialogState(ctx.context, page));
    assert.equal(d.name, 'Personal data in what you paste');
    assert.equal(await page.evaluate(() => editorText()), '', 'nothing has landed while the user decides');
    await page.keyboard.press('Enter');
    const text = await until(async () => (await page.evaluate(() => editorText())).trim());
    assert.equal(text, 'Call [EMAIL_ADDRESS_1] today');
    await page.close();
  });
}

/** A file as the file picker gives it. */
const file = (name, mimeType, text) => ({ name, mimeType, buffer: Buffer.from(text) });
const CSV = 'name,email\nJane Roe,jane.roe@example.com\n';
const uploadsOf = (name) => backend.uploads.filter((u) => u.name === name);

test('a text file picked in the site\'s file input is held and attached with placeholders', async () => {
  const page = await open('chatgpt', 'file-input');
  await page.setInputFiles('#file', [file('contacts.csv', 'text/csv', CSV), { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }]);
  const d = await until(() => dialogState(ctx.context, page));
  assert.equal(d.name, 'Personal data in the file you attach');
  assert.deepEqual(d.buttons, ['Attach with placeholders', 'Attach as is', 'Cancel']);
  assert.match(d.text, /jane\.roe@example\.com/);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(backend.uploads.length, 0, 'nothing is uploaded while the user decides');
  await page.keyboard.press('Enter');
  const [up] = await until(() => uploadsOf('contacts.csv').length && uploadsOf('contacts.csv'));
  assert.equal(up.text, 'name,email\n[PERSON_1],[EMAIL_ADDRESS_1]\n');
  // The image is not read; it is attached with the text file, as it was.
  await until(() => uploadsOf('logo.png').length);
  assert.equal(uploadsOf('logo.png')[0].text, '\ufffdPNG\r\n\x1a\n');
  await page.close();
});

test('a held text file can be cancelled (the input is emptied); one that cannot be read is not attached', async () => {
  const page = await open('deepseek', 'file-cancel');
  await page.setInputFiles('#file', [file('notes.md', 'text/markdown', 'Mail jane.moe@example.com')]);
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Escape');
  await until(async () => !(await dialogState(ctx.context, page)));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(uploadsOf('notes.md').length, 0);
  assert.equal(await page.evaluate(() => document.getElementById('file').files.length), 0);
  // Not UTF-8: it cannot be checked, so it is not attached (fail closed).
  await page.setInputFiles('#file', [{ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]) }]);
  assert.match((await until(() => dialogState(ctx.context, page))).text, /could not read this text file/);
  await page.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(uploadsOf('latin1.txt').length, 0);
  // A text file without findings is attached at once, unchanged.
  await page.setInputFiles('#file', [file('plain.txt', 'text/plain', 'nothing personal here')]);
  await until(() => uploadsOf('plain.txt').length);
  assert.equal(uploadsOf('plain.txt')[0].text, 'nothing personal here');
  assert.equal(await dialogState(ctx.context, page), null);
  await page.close();
});

test('a text file dropped on the page is held and attached with placeholders', async () => {
  const page = await open('chatgpt', 'file-drop');
  await page.evaluate((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    const target = document.querySelector('.ProseMirror');
    const b = target.getBoundingClientRect();
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, clientX: b.left + 5, clientY: b.top + 5, bubbles: true, cancelable: true }));
  }, CSV);
  const d = await until(() => dialogState(ctx.context, page));
  assert.equal(d.name, 'Personal data in the file you attach');
  assert.equal(uploadsOf('dropped.csv').length, 0);
  await page.keyboard.press('Enter');
  const [up] = await until(() => uploadsOf('dropped.csv').length && uploadsOf('dropped.csv'));
  assert.equal(up.text, 'name,email\n[PERSON_1],[EMAIL_ADDRESS_1]\n');
  assert.equal(await page.evaluate(() => editorText()), '', 'the file did not land in the composer as text');
  await page.close();
});

// The MAIN-world check on the sites whose request shapes it models beyond ChatGPT and Claude:
// DeepSeek and Perplexity (fetch, JSON), Gemini (XMLHttpRequest, a form body) and Copilot
// (WebSocket frames).
for (const [site, editor] of [['deepseek', '#chat-input'], ['perplexity', '#ask-input'], ['gemini', '.ql-editor'], ['copilot', '#userInput']]) {
  test(`${site}: a request that went around the composer is refused by the MAIN-world check`, async () => {
    const conv = `around-${site}`;
    const page = await open(site, conv);
    assert.match(await page.evaluate(() => globalThis.postAround('mail jane.doe@example.com now')), /^TypeError/);
    assert.equal(sentTo(conv).length, 0, 'nothing reached the site');
    assert.match((await until(() => dialogState(ctx.context, page))).text, /tried to send a message with personal data/);
    await page.keyboard.press('Enter');
    await until(async () => !(await dialogState(ctx.context, page)));
    // A text without findings goes; so does the composer's own checked send, with placeholders.
    assert.equal(await page.evaluate(() => globalThis.postAround('what is two plus two?')), 'sent');
    await page.click(editor);
    await page.keyboard.type('Write to jane.doe@example.com');
    await page.keyboard.press('Enter');
    const sent = await until(() => sentTo(conv)[1]);
    assert.equal(sent.text, 'Write to [EMAIL_ADDRESS_1]');
    assert.ok(!sent.body.includes('jane.doe'));
    await page.close();
  });
}

test('deepseek: a request body of another shape is refused', async () => {
  const page = await open('deepseek', 'around-shape');
  const post = (body) => page.evaluate(async (b) => {
    try {
      const res = await fetch('/api/v0/chat/completion', { method: 'POST', headers: { 'content-type': 'application/json' }, body: b });
      return `sent ${res.status}`;
    } catch (e) {
      return e.name;
    }
  }, body);
  assert.equal(await post(JSON.stringify({ chat_session_id: 'around-shape', text: 'an unknown shape' })), 'TypeError');
  assert.equal(await post('prompt=jane.doe@example.com'), 'TypeError');
  assert.equal(sentTo('around-shape').length, 0);
  await page.close();
});

test('a copied text file pasted into the composer is held and attached with placeholders', async () => {
  const page = await open('chatgpt', 'file-paste');
  await page.click('.ProseMirror');
  await page.evaluate((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], 'pasted.csv', { type: 'text/csv' }));
    document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, CSV);
  const d = await until(() => dialogState(ctx.context, page));
  assert.equal(d.name, 'Personal data in the file you attach');
  assert.equal(uploadsOf('pasted.csv').length, 0);
  await page.keyboard.press('Enter');
  const [up] = await until(() => uploadsOf('pasted.csv').length && uploadsOf('pasted.csv'));
  assert.equal(up.text, 'name,email\n[PERSON_1],[EMAIL_ADDRESS_1]\n');
  await page.close();
});

test('the page does not get a held paste, drop or file before the user chose (its listeners run after the extension\'s)', async () => {
  // spy-…: the page's own script listens to paste, drop, input and change in window's capture
  // phase, registered as the page starts, and reads what they carry.
  const page = await open('chatgpt', 'spy-fields');
  await page.click('.ProseMirror');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Paste: mail jane.doe@example.com');
    document.querySelector('.ProseMirror').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Enter');
  await until(async () => (await page.evaluate(() => editorText())).includes('[EMAIL_ADDRESS_1]'));
  await page.setInputFiles('#file', [file('picked.csv', 'text/csv', 'jane.doe@example.com,Picked')]);
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Enter');
  await until(() => uploadsOf('picked.csv').length);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['jane.doe@example.com,Dropped'], 'dropped-spy.csv', { type: 'text/csv' }));
    document.querySelector('.ProseMirror').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Enter');
  await until(() => uploadsOf('dropped-spy.csv').length);
  const report = await page.evaluate(() => globalThis.spyReport());
  const reached = report.seen.filter(([how]) => /paste|drop|file/.test(how));
  // The page got each of them, with placeholders, and never the value.
  assert.ok(reached.some(([how, v]) => how === 'change file' && v.includes('[EMAIL_ADDRESS_')), 'the page got the redacted file');
  assert.ok(reached.some(([how, v]) => how === 'drop file' && v.includes('[EMAIL_ADDRESS_')), 'the page got the redacted drop');
  const saw = reached.filter(([, v]) => v.includes('jane.doe')).map(([how]) => how);
  assert.deepEqual(saw, [], `the page read the held value by: ${[...new Set(saw)].join(', ')}`);
  await page.close();
});
