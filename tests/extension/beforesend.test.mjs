// What a chat page reads before Send, with the site's drafts closed (the default): a page script
// (fixtures/src/chat.js, a conversation named draft-…) sends the message box's text on every
// input event — a draft by fetch, a typing beacon, an autocomplete query in the URL — to the
// site's own host at paths that are not the chat API. Nothing of the text the user has not sent
// may leave that way: not the first groups of a number typed in groups, not a name typed in the
// middle of the text, not a message's first characters, although the engine finds nothing in
// any of them yet. The site's own requests (ids, numbers, its own strings) still go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExtension, openSite, dialogState, until, editorOf } from './harness.mjs';

const env = withExtension();
const open = (site, conv) => openSite(env.ctx.context, site, conv);
const pause = (ms = 400) => new Promise((r) => setTimeout(r, ms));
const CHANNELS = ['draft', 'beacon', 'suggest', 'word', 'caret', 'spell', 'phrase', 'later'];
/** What the page's draft script got through for `site` since the index `from` of the backend's reads. */
const drafts = (site, from) => env.backend.reads.slice(from).filter((r) => r.site === site && CHANNELS.some((c) => r.channel.startsWith(c)));
/** What a read says, decoded as the page encoded it (the spelling check's body is base64). */
const said = (r) => {
  let body = r.body;
  if (r.channel === 'spell') body = Buffer.from(body, 'base64').toString('utf8');
  return decodeURIComponent(`${body} ${decodeURIComponent(r.url)}`);
};
const carries = (r, s) => said(r).toLowerCase().includes(s.toLowerCase());
/** The content script's count of requests it held back on `page`. */
const withheld = async (page) => (await env.ctx.worker.evaluate(async (url) => {
  const [tab] = await chrome.tabs.query({ url });
  return chrome.tabs.sendMessage(tab.id, { type: 'page-stats' });
}, page.url())).withheld;

/** Sends the message box (Enter), letting the policy's default through if it asks. */
async function send(page) {
  await page.keyboard.press('Enter');
  await pause(800);
  if (await dialogState(env.ctx.context, page)) await page.keyboard.press('Enter');
}

// The composers: ProseMirror (ChatGPT) and a textarea (DeepSeek).
for (const site of ['chatgpt', 'deepseek']) {
  test(`${site}: a phone number typed in groups leaves in no piece before Send, and the sent text goes on`, async () => {
    const conv = `draft-${site}-phone`;
    const page = await open(site, conv);
    const from = env.backend.reads.length;
    await page.click(editorOf(site));
    await page.keyboard.type('Call me on ');
    // Group by group, with the pauses people make: the engine finds no number in `+44 20` yet.
    for (const group of ['+44', ' 20', ' 7946', ' 0958']) {
      await pause();
      await page.keyboard.type(group);
    }
    await pause(2500);
    for (const piece of ['+44', '44 20', '7946', '0958', 'call me']) {
      assert.ok(!drafts(site, from).some((r) => carries(r, piece)), `"${piece}" left before Send`);
    }
    assert.deepEqual(drafts(site, from), [], 'nothing of the unsent text left');
    assert.ok(await withheld(page) > 0, 'the page did try');
    assert.equal(await dialogState(env.ctx.context, page), null, 'held quietly');

    // Sent with placeholders: the page's draft of the sent text goes on; the number never did.
    await send(page);
    const sent = (await until(() => env.backend.received.find((r) => r.conv === conv))).text;
    assert.ok(!sent.includes('7946'), sent);
    await until(() => drafts(site, from).some((r) => carries(r, sent)), 30000);
    assert.ok(!drafts(site, from).some((r) => carries(r, '7946')));
    await page.close();
  });

  test(`${site}: a name typed in the middle of the text does not leave before Send`, async () => {
    const page = await open(site, `draft-${site}-name`);
    const from = env.backend.reads.length;
    await page.click(editorOf(site));
    // The text ends in a space: its last word is finished (the word being typed at the end is
    // held for another reason), so only the name is being typed.
    const rest = 'to call back today. ';
    await page.keyboard.type(`Please ask ${rest}`);
    await pause();
    // Back into the middle of the text, then the name key by key, as people type: while it is
    // `Ja` or `Jane` the engine finds no name there, and the word being typed is not the last.
    for (let i = 0; i < rest.length; i++) await page.keyboard.press('ArrowLeft');
    for (const c of 'Jane Doe ') {
      await page.keyboard.type(c);
      await pause(250);
    }
    await pause(2500);
    assert.equal((await page.evaluate(() => editorText())).trim(), `Please ask Jane Doe ${rest}`.trim());
    for (const piece of ['ask j', 'jan', 'doe']) {
      assert.ok(!drafts(site, from).some((r) => carries(r, piece)), `"${piece}" left before Send`);
    }
    assert.deepEqual(drafts(site, from), [], 'nothing of the unsent text left');
    await page.close();
  });

  test(`${site}: a word typed in the middle of the text leaves neither alone nor with its neighbour`, async () => {
    const page = await open(site, `draft-${site}-word`);
    const from = env.backend.reads.length;
    await page.click(editorOf(site));
    const rest = 'to call back today. ';
    await page.keyboard.type(`Please ask ${rest}`);
    await pause();
    for (let i = 0; i < rest.length; i++) await page.keyboard.press('ArrowLeft');
    // A short name in the middle: the page completes the word at the caret (`jo`), checks the
    // spelling of the word just finished (`jo`, base64 of JSON) and suggests from the two
    // words before the caret (`ask jo`, under 8 characters, no digit; URL-encoded in JSON).
    for (const c of 'Jo Li ') {
      await page.keyboard.type(c);
      await pause(250);
    }
    await pause(2500);
    assert.equal((await page.evaluate(() => editorText())).trim(), `Please ask Jo Li ${rest}`.trim());
    assert.ok(await withheld(page) > 0, 'the page did try');
    for (const piece of ['ask jo', 'jo li', '"word":"jo"', 'w=jo', 'w=li']) {
      assert.ok(!drafts(site, from).some((r) => carries(r, piece)), `"${piece}" left before Send`);
    }
    assert.deepEqual(drafts(site, from).map(said), [], 'nothing of the unsent text left');
    await page.close();
  });

  test(`${site}: text deleted before the page sends it does not leave`, async () => {
    const page = await open(site, `draft-${site}-deleted`);
    const from = env.backend.reads.length;
    await page.click(editorOf(site));
    await page.keyboard.type('Hi Jo, the code word is plum');
    // Deleted at once: the page's debounced draft (read before, sent 1.5 s later) still holds it.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    assert.equal((await page.evaluate(() => editorText())).trim(), '');
    await pause(3000);
    assert.ok(await withheld(page) > 0, 'the page did try');
    for (const piece of ['plum', 'code word', 'hi jo']) {
      assert.ok(!drafts(site, from).some((r) => carries(r, piece)), `"${piece}" left after it was deleted`);
    }
    assert.deepEqual(drafts(site, from).map(said), [], 'nothing of the deleted text left');
    await page.close();
  });

  test(`${site}: the first characters of a message do not leave before Send`, async () => {
    const page = await open(site, `draft-${site}-start`);
    const from = env.backend.reads.length;
    await page.click(editorOf(site));
    for (const c of 'Jane') {
      await page.keyboard.type(c);
      await pause(250);
    }
    await pause(2500);
    assert.deepEqual(drafts(site, from), [], 'the message start left before Send');
    await page.close();
  });
}

test('the site\'s own requests go while the message box holds unsent text', async () => {
  const page = await open('chatgpt', 'draft-chatgpt-own');
  await page.click(editorOf('chatgpt'));
  const own = () => page.evaluate(async () => {
    const out = {};
    const ok = (p) => p.then((r) => `sent ${r.status}`, (e) => `${e.name}: ${e.message}`);
    // Ids, numbers, its own strings — and single words the message box holds too
    // (`conversation`, `call`, `back`), which are no piece of its text.
    const event = {
      conversation_id: '6751a2b3-0c4d-4e5f-8a9b-0c1d2e3f4a5b', message_id: 'msg_01HZX3K9Q7', model: 'gpt-4o',
      event: 'composer_state', chars: 74, ts: 1765106400000, at: '2026-12-07T11:20:00.000Z', locale: 'en-US',
      title: 'New chat', action: 'call', label: 'Call back', flags: ['conversation', 'back', 'a', 'b'], page: '/c/draft-chatgpt-own',
      // Encoded the ways telemetry encodes: base64 of JSON, URL-encoded.
      packed: btoa(JSON.stringify({ event: 'call', n: 74 })), ref: 'https://chatgpt.com/c/x?src=New%20chat&id=42',
    };
    out.post = await ok(fetch('/telemetry/site', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) }));
    out.list = await ok(fetch('/backend-api/conversation/list?offset=0&limit=28&order=updated'));
    out.form = await ok(fetch('/telemetry/site-form', { method: 'POST', body: new URLSearchParams({ id: '42', v: '1', lang: 'en' }) }));
    out.beacon = navigator.sendBeacon('/telemetry/site-beacon', JSON.stringify({ event: 'composer_focus', ts: 1765106400000 }));
    return out;
  });
  const sent = { post: 'sent 200', list: 'sent 200', form: 'sent 200', beacon: true };
  const ownReads = () => env.backend.reads.filter((r) => r.site === 'chatgpt' && r.channel.startsWith('site'));
  // The site sends its events as the page loads, before anything is typed …
  assert.deepEqual(await own(), sent);
  await until(() => ownReads().length >= 3);
  // … and again while the box holds unsent text whose words it shares (typed a moment ago, and
  // one of them deleted: `conversation`), and a second after.
  await page.keyboard.type('Please ask Jane Doe to call back about the conversation on +44 20 7946 0958 ');
  for (let i = 0; i < 'conversation on +44 20 7946 0958 '.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('on +44 20 7946 0958 ');
  assert.deepEqual(await own(), sent);
  await pause(1000);
  assert.deepEqual(await own(), sent);
  const got = await until(() => ownReads().length >= 9 && ownReads());
  assert.deepEqual(got.map((r) => r.channel).sort(), ['site', 'site', 'site', 'site-beacon', 'site-beacon', 'site-beacon', 'site-form', 'site-form', 'site-form']);
  await page.close();
});

test('a frame the page makes sends through the same check', async () => {
  const page = await open('chatgpt', 'draft-chatgpt-frame');
  await page.click(editorOf('chatgpt'));
  await page.keyboard.type('Please ask Jane Doe to call back ');
  await pause(1000);
  const from = env.backend.reads.length;
  const results = await page.evaluate(async () => {
    const out = {};
    const ok = (p) => p.then((r) => `sent ${r.status}`, (e) => `${e.name}: ${e.message}`);
    const text = editorText();
    // A frame made a moment ago (about:blank): its own fetch, sendBeacon with a Blob of its
    // realm, XMLHttpRequest and WebSocket are not the page's.
    const blank = document.createElement('iframe');
    document.body.append(blank);
    const w = blank.contentWindow;
    out.fetch = await ok(w.fetch('/telemetry/frame-fetch', { method: 'POST', body: JSON.stringify({ text }) }));
    out.beacon = w.navigator.sendBeacon('/telemetry/frame-beacon', new w.Blob([JSON.stringify({ sample: text })]));
    out.xhr = await new Promise((resolve) => {
      const x = new w.XMLHttpRequest();
      x.open('POST', '/telemetry/frame-xhr');
      x.onload = () => resolve(`sent ${x.status}`);
      x.onerror = () => resolve('error');
      x.send(new w.URLSearchParams({ q: text }));
    });
    // A srcdoc frame, once loaded (its own document), reached through `frames`.
    const doc = document.createElement('iframe');
    doc.srcdoc = '<p>frame</p>';
    const loaded = new Promise((r) => { doc.onload = r; });
    document.body.append(doc);
    await loaded;
    out.srcdoc = await ok(frames[frames.length - 1].fetch('/telemetry/frame-srcdoc', { method: 'POST', body: text }));
    // The site's own request from a frame still goes.
    out.own = await ok(w.fetch('/telemetry/site-frame', { method: 'POST', body: JSON.stringify({ id: 42, event: 'frame_ready' }) }));
    return out;
  });
  const held = 'TypeError: pii-airlock: this request was held back: it carries text from the message box that you have not sent';
  assert.deepEqual(results, { fetch: held, beacon: true, xhr: 'error', srcdoc: held, own: 'sent 200' });
  await pause(1500);
  const reads = env.backend.reads.slice(from).filter((r) => r.site === 'chatgpt' && r.channel.startsWith('frame'));
  assert.deepEqual(reads.map((r) => r.channel), [], 'a frame sent the unsent text');
  await page.close();
});

test('an address the page sets carries no unsent text: a pixel, a link, an image\'s srcset', async () => {
  const page = await open('chatgpt', 'draft-chatgpt-pixel');
  await page.click(editorOf('chatgpt'));
  await page.keyboard.type('Please ask Jane Doe to call back ');
  await pause(1000);
  const from = env.backend.reads.length;
  const results = await page.evaluate(() => {
    const q = encodeURIComponent(editorText());
    const img = new Image();
    img.src = `/telemetry/pixel-img?d=${q}`;
    const attr = document.createElement('img');
    attr.setAttribute('src', `/telemetry/pixel-attr?d=${q}`);
    document.body.append(attr);
    const set = document.createElement('img');
    set.srcset = `/telemetry/pixel-srcset?d=${q} 2x`;
    document.body.append(set);
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/telemetry/pixel-link?d=${q}`;
    document.head.append(link);
    // The site's own pixel: ids, an event name, a time.
    const own = new Image();
    own.src = '/telemetry/pixel-own?id=42&ev=composer_focus&ts=1765106400000';
    return [img.getAttribute('src'), attr.getAttribute('src'), set.getAttribute('srcset'), link.getAttribute('href'), own.getAttribute('src')];
  });
  assert.deepEqual(results, [null, null, null, null, '/telemetry/pixel-own?id=42&ev=composer_focus&ts=1765106400000']);
  await until(() => env.backend.reads.slice(from).some((r) => r.channel === 'pixel-own'));
  await pause(1000);
  const reads = env.backend.reads.slice(from).filter((r) => r.site === 'chatgpt' && r.channel.startsWith('pixel'));
  assert.deepEqual(reads.map((r) => r.channel), ['pixel-own']);
  assert.ok(await withheld(page) > 0, 'counted');
  await page.close();
});

test('a site opened in the options reads the finished words again; found values are still held', async () => {
  const opts = await env.ctx.context.newPage();
  await opts.goto(`chrome-extension://${env.ctx.extensionId}/options.html`);
  await opts.waitForSelector('#drafts-deepseek');
  assert.equal(await opts.isChecked('#drafts-deepseek'), false, 'closed by default');
  await opts.check('#drafts-deepseek');
  await opts.click('button[type="submit"]');
  await until(async () => (await opts.textContent('#saved')) === 'Saved.');
  assert.deepEqual((await env.ctx.worker.evaluate(() => chrome.storage.local.get('settings'))).settings.openDrafts, ['deepseek']);

  const page = await open('deepseek', 'draft-deepseek-open');
  const from = env.backend.reads.length;
  await page.click(editorOf('deepseek'));
  await page.keyboard.type('Hi, mail ');
  await pause();
  await page.keyboard.type('jane.doe@example.com');
  await until(() => drafts('deepseek', from).some((r) => carries(r, 'hi, mail')), 30000);
  await pause(2500);
  assert.deepEqual(drafts('deepseek', from).filter((r) => carries(r, 'jane')).map(said), [], 'a value left');
  await page.close();
  // ChatGPT stayed closed.
  const closed = await open('chatgpt', 'draft-chatgpt-still');
  const from2 = env.backend.reads.length;
  await closed.click(editorOf('chatgpt'));
  await closed.keyboard.type('Hi, mail ');
  await pause(2500);
  assert.deepEqual(drafts('chatgpt', from2), []);
  await closed.close();

  await opts.uncheck('#drafts-deepseek');
  await opts.click('button[type="submit"]');
  await until(async () => (await env.ctx.worker.evaluate(() => chrome.storage.local.get('settings'))).settings.openDrafts.length === 0);
  await opts.close();
});

test('mistral: a short message sent at once goes (its own send is checked like a draft there)', async () => {
  const conv = 'short-mistral';
  const page = await open('mistral', conv);
  await page.click(editorOf('mistral'));
  await page.keyboard.type('hi');
  await page.keyboard.press('Enter');
  assert.equal((await until(() => env.backend.received.find((r) => r.conv === conv))).text, 'hi');
  await page.close();
});
