// The page-world line beyond the known chat APIs: Mistral Le Chat's tRPC (no shape assumed:
// every string of any body or query to its tRPC and chat paths), and what any chat page reads
// and sends while the user types, before Send (draft sync, typing beacons, autocomplete).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExtension, openSite, dialogState, until, editorOf } from './harness.mjs';

const env = withExtension();
const open = (site, conv) => openSite(env.ctx.context, site, conv);
const VALUE = 'jane.doe@example.com';

/**
 * The page's own code calling a tRPC procedure the way tRPC's links put it on the wire:
 * `link` (httpLink: POST of the input), `batch` (httpBatchLink: POST to ?batch=1 of
 * {"0": input}), `get` (a query: the input JSON in the `input` parameter); the input in
 * superjson's {json, meta}. Resolves to "sent <status>" or the error the page got.
 */
function trpc(page, shape, text, path = 'message.append') {
  return page.evaluate(async ([shape, text, path]) => {
    const input = { json: { chatId: 'x', content: [{ type: 'text', text }], at: '1970-01-01T00:00:00.000Z' }, meta: { values: { at: ['Date'] } } };
    const base = `/api/trpc/${path}`;
    const req = shape === 'get'
      ? [`${base}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`, {}]
      : [shape === 'batch' ? `${base}?batch=1` : base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(shape === 'batch' ? { 0: input } : input) }];
    try {
      const res = await fetch(...req);
      return `sent ${res.status}`;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  }, [shape, text, path]);
}

/**
 * A POST the page makes with a body of `kind`: `turns` (JSON of a shape nobody modelled, the
 * value in another case inside a sentence), `form` (a form body holding JSON in a field),
 * `binary` (bytes that are not UTF-8), `stream` (a ReadableStream).
 */
const postRaw = (page, url, kind) => page.evaluate(async ([u, k]) => {
  const bodies = {
    turns: () => ({ body: JSON.stringify({ turns: [{ parts: [{ kind: 'text', value: 'fwd: Jane.Doe@Example.com' }] }] }) }),
    form: () => ({ body: new URLSearchParams({ state: JSON.stringify({ text: 'to jane.doe@example.com' }) }) }),
    binary: () => ({ body: new Uint8Array([0xff, 0xfe, 0x00, 0x9f, 0x80]) }),
    stream: () => ({ body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('x')); c.close(); } }), duplex: 'half' }),
  };
  try {
    const res = await fetch(u, { method: 'POST', ...bodies[k]() });
    return `sent ${res.status}`;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}, [url, kind]);

/** An XMLHttpRequest POST of a Document (a body that is not read) or a string; resolves to the event it ended with. */
const xhr = (page, url, body) => page.evaluate(([u, b]) => new Promise((resolve) => {
  const x = new XMLHttpRequest();
  x.open('POST', u);
  x.onload = () => resolve(`load ${x.status}`);
  x.onerror = () => resolve('error');
  try {
    x.send(b === null ? document.implementation.createHTMLDocument('x') : b);
  } catch (e) {
    resolve(`thrown ${e.name}`);
  }
}), [url, body]);

const HELD = /^TypeError: pii-airlock: this request was held back/;

test('mistral: every string of a tRPC request, in either link\'s shape, is checked against the message box', async () => {
  const conv = 'trpc-mistral';
  const page = await open('mistral', conv);
  await page.click(editorOf('mistral'));
  await page.keyboard.type(`Please mail ${VALUE} today`);
  // The value is in the message box, not agreed to: no shape lets it out.
  for (const shape of ['link', 'batch', 'get']) {
    assert.match(await trpc(page, shape, `Please mail ${VALUE} today`), HELD, shape);
  }
  // A shape nobody modelled, on the chat path, with the value in another case inside a sentence.
  assert.match(await postRaw(page, '/api/chat', 'turns'), HELD);
  // A form body holding JSON in a field.
  assert.match(await postRaw(page, '/api/trpc/draft.save', 'form'), HELD);
  // What cannot be read on these paths is refused (bytes that are not text, a stream) …
  assert.match(await postRaw(page, '/api/trpc/file.put', 'binary'), /^TypeError: pii-airlock/);
  assert.match(await postRaw(page, '/api/trpc/file.put', 'stream'), /^TypeError: pii-airlock/);
  // (Known at once, not after reading: an XMLHttpRequest ends with an error, it does not throw.)
  assert.equal(await xhr(page, '/api/trpc/file.put', null), 'error');
  // … elsewhere on the host it goes unread (a binary upload is not text).
  assert.equal(await postRaw(page, '/telemetry/bytes', 'binary'), 'sent 200');
  // Clean requests go, in every shape; so do the site's own queries without text.
  for (const shape of ['link', 'batch', 'get']) assert.match(await trpc(page, shape, 'what is two plus two?'), /^sent /, shape);
  assert.match(await page.evaluate(() => fetch('/api/trpc/chat.list?batch=1&input=%7B%220%22%3A%7B%22json%22%3Anull%7D%7D').then((r) => `sent ${r.status}`)), /^sent /);
  assert.ok(!env.backend.received.some((r) => r.body.includes(VALUE)), 'the value reached no chat request');
  assert.ok(!env.backend.reads.some((r) => r.body.includes(VALUE)));
  // Held quietly: requests the site makes on its own do not open a dialog on every keystroke.
  assert.equal(await dialogState(env.ctx.context, page), null);

  // Sent (gdpr replaces an address without asking): the placeholders go; the value itself is
  // still not agreed to.
  await page.click('#send');
  const sent = await until(() => env.backend.received.find((r) => r.conv === conv));
  assert.equal(sent.text, 'Please mail [EMAIL_ADDRESS_1] today');
  assert.match(await trpc(page, 'batch', 'chat title: Please mail [EMAIL_ADDRESS_1] today', 'chat.rename'), /^sent /);
  assert.match(await trpc(page, 'batch', `chat title: mail ${VALUE}`, 'chat.rename'), HELD);

  // Sent as typed after the consent dialog: that value was agreed to, and goes.
  await page.click(editorOf('mistral'));
  await page.keyboard.type('I was diagnosed with diabetes last year');
  await page.keyboard.press('Enter');
  const d = await until(() => dialogState(env.ctx.context, page));
  assert.deepEqual(d.buttons, ['Send redacted', 'Send as typed', 'Edit', 'Cancel']);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const asTyped = await until(() => env.backend.received.filter((r) => r.conv === conv)[1]);
  assert.equal(asTyped.text, 'I was diagnosed with diabetes last year');
  assert.match(await trpc(page, 'batch', 'chat title: diabetes', 'chat.rename'), /^sent /);
  assert.match(await trpc(page, 'link', `diabetes and ${VALUE}`, 'chat.rename'), HELD);
  await page.close();
});

test('mistral: the page\'s own send in tRPC\'s batch shape goes with placeholders', async () => {
  const conv = 'batch-mistral';
  const page = await open('mistral', conv);
  await page.click(editorOf('mistral'));
  await page.keyboard.type(`Write to ${VALUE}`);
  await page.keyboard.press('Enter');
  const { body, text } = await until(() => env.backend.received.find((r) => r.conv === conv));
  assert.match(body, /^\{"0":\{"json":/, 'the batch shape');
  assert.equal(text, 'Write to [EMAIL_ADDRESS_1]');
  await page.close();
});

// A page script (fixtures/src/chat.js, conversation draft-…) sends the composer's text on every
// input event: a draft by fetch, a typing beacon, an autocomplete query in the URL, all to the
// site's own host at paths that are not the chat API. Here the user opened the site's drafts in
// the options (closed, the default, is beforesend.test.mjs): its page reads the finished words.
for (const site of ['chatgpt', 'mistral']) {
  test(`${site}: what the page sends while you type never carries a value you have not agreed to send`, async () => {
    const conv = `draft-${site}`;
    const setOpen = (ids) => env.ctx.worker.evaluate(async (ids) => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, openDrafts: ids } });
    }, ids);
    await setOpen([site]);
    const page = await open(site, conv);
    const mine = () => env.backend.reads.filter((r) => r.site === site);
    const carries = (r, s) => r.body.includes(s) || decodeURIComponent(r.url).includes(s);
    await page.click(editorOf(site));
    // A pause between words, as people type: the finished words go on without the value.
    await page.keyboard.type('Hi, mail ');
    await new Promise((r) => setTimeout(r, 300));
    await page.keyboard.type(VALUE);
    // Every channel went on with the clean part of the text …
    await until(() => ['draft', 'beacon', 'suggest'].every((c) => mine().some((r) => r.channel.startsWith(c) && carries(r, 'Hi, mail'))), 30000);
    // The recording backend is slow under load (each routed request crosses to this process).
    await new Promise((r) => setTimeout(r, 3000));
    // … and none of them ever carried the value, nor a piece of it: a request holding the start
    // of the word being typed, or of a value, is held back until the word is finished and
    // checked (a draft read a keystroke ago holds the start of the value found now).
    assert.ok(!mine().some((r) => carries(r, VALUE)), 'the value left while typing');
    assert.ok(!mine().some((r) => carries(r, 'jane')), 'a piece of the value left while typing');
    assert.equal(await dialogState(env.ctx.context, page), null, 'held quietly');
    // Sent with placeholders (gdpr replaces an address without asking): the message box holds
    // them now, and the page may read those.
    await page.keyboard.press('Enter');
    assert.equal((await until(() => env.backend.received.find((r) => r.conv === conv))).text, 'Hi, mail [EMAIL_ADDRESS_1]');
    await until(() => mine().some((r) => carries(r, 'Hi, mail [EMAIL_ADDRESS_1]')), 30000);
    assert.ok(!mine().some((r) => carries(r, VALUE)));
    // The popup's count of what was held back on this page.
    const stats = await env.ctx.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab.id, { type: 'page-stats' });
    }, page.url());
    assert.ok(stats.withheld > 0, 'held requests are counted');
    // The popup says so.
    const popup = await env.ctx.context.newPage();
    await popup.goto(`chrome-extension://${env.ctx.extensionId}/popup.html`);
    await page.bringToFront();
    await popup.evaluate(() => globalThis.piiAirlockPopupLoad());
    assert.match(await popup.textContent('#status'), /^Sent 1 message\(s\), 1 with placeholders; .* [1-9]\d* request\(s\) the page made while you typed were held back/);
    await popup.close();
    await page.close();
    await setOpen([]);
  });
}
