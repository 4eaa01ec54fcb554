// The OpenAI Realtime API in Debian's Chromium, from the packed tarball: the server events on
// its WebSocket and on the WebRTC `oai-events` data channel reach the page restored (text
// deltas cut inside a placeholder included), and what the page sends on that channel is
// filtered like the socket's messages, or refused on a policy block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { watchErrors } from './browser.mjs';
import { heldEnginePage, plainAppAndBrowser, until } from './fixtures.mjs';

const EMAIL = 'jane.doe@example.com';
const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/;
const ctx = plainAppAndBrowser();

/** A server text frame (unmasked). */
function frame(text) {
  const p = Buffer.from(text);
  const head = p.length < 126 ? Buffer.from([0x81, p.length]) : Buffer.from([0x81, 126, p.length >> 8, p.length & 255]);
  return Buffer.concat([head, p]);
}

/** The events a Realtime server sends for an answer quoting `placeholder`, its text cut inside it. */
function answerEvents(placeholder) {
  const ids = { response_id: 'resp_1', item_id: 'item_1', output_index: 0, content_index: 0 };
  const text = `Mail ${placeholder} today`;
  const cut = 5 + 4;
  return [
    { type: 'response.output_text.delta', ...ids, delta: text.slice(0, cut) },
    { type: 'response.output_audio.delta', ...ids, content_index: 1, delta: 'AAAA' },
    { type: 'response.output_text.delta', ...ids, delta: text.slice(cut, cut + 6) },
    { type: 'response.output_text.delta', ...ids, delta: text.slice(cut + 6) },
    { type: 'response.output_text.done', ...ids, text },
    { type: 'response.done', response: { id: 'resp_1', output: [{ type: 'message', content: [{ type: 'output_text', text }] }] } },
  ].map((e) => JSON.stringify(e));
}

/** A Realtime socket at /v1/realtime: it answers a user item with `answerEvents`. */
let received = null;
function realtimeServer() {
  if (received) return received;
  received = [];
  ctx.app.server.on('upgrade', (req, socket) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    let buf = Buffer.alloc(0);
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 6) {
        let len = buf[1] & 0x7f;
        let at = 2;
        if (len === 126) { len = buf.readUInt16BE(2); at = 4; }
        if (buf.length < at + 4 + len) return;
        const mask = buf.subarray(at, at + 4);
        const text = Buffer.from(buf.subarray(at + 4, at + 4 + len)).map((b, i) => b ^ mask[i % 4]).toString();
        buf = buf.subarray(at + 4 + len);
        received.push(text);
        const placeholder = text.match(PLACEHOLDER)?.[0];
        if (placeholder) for (const e of answerEvents(placeholder)) socket.write(frame(e));
      }
    });
    socket.on('error', () => {});
  });
  return received;
}

/** Collects what a page's listeners (`onmessage` and `addEventListener`) get from `target`. */
const LISTEN = `window.listen = (target) => {
  const got = { on: [], added: [] };
  target.onmessage = (m) => got.on.push(m.data);
  target.addEventListener('message', (m) => got.added.push(m.data));
  return got;
};`;

/** The text the page read from `messages`: deltas joined, and each done event's text. */
function readBack(messages) {
  const events = messages.map((m) => JSON.parse(m));
  return {
    deltas: events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join(''),
    done: events.find((e) => e.type === 'response.output_text.done')?.text,
    final: events.find((e) => e.type === 'response.done')?.response.output[0].content[0].text,
    audio: events.filter((e) => e.type === 'response.output_audio.delta').length,
  };
}

test('the Realtime socket: server events reach the page restored, a placeholder cut across deltas too', async () => {
  const sent = realtimeServer();
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/?policy=gdpr&endpoints=default`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.evaluate(LISTEN);
  const got = await page.evaluate((email) => new Promise((ok, fail) => {
    const ws = new WebSocket(`ws://${location.host}/v1/realtime?model=gpt-realtime`);
    const got = window.listen(ws);
    ws.onopen = () => ws.send(JSON.stringify({ type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: `mail ${email}` }] } }));
    ws.onerror = () => fail(new Error('socket'));
    const wait = () => (got.added.some((m) => m.includes('"response.done"')) ? ok(got) : setTimeout(wait, 20));
    wait();
  }), EMAIL);
  await until(() => sent.length > 0);
  assert.ok(!sent[0].includes(EMAIL), sent[0]);
  assert.deepEqual(got.on, got.added, 'onmessage and listeners get the same messages');
  const text = `Mail ${EMAIL} today`;
  assert.deepEqual(readBack(got.added), { deltas: text, done: text, final: text, audio: 1 });
  assert.ok(!got.added.join('').match(PLACEHOLDER), got.added.join('\n'));
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * The service's side of a data channel is no guarded page: it sends, makes and takes its channel
 * with the platform's own functions, saved before the guard loads.
 */
const RAW = () => {
  window.rawSend = RTCDataChannel.prototype.send;
  window.rawCreate = RTCPeerConnection.prototype.createDataChannel;
  window.rawChannel = Object.getOwnPropertyDescriptor(RTCDataChannelEvent.prototype, 'channel').get;
};

/** Two peers in the page over loopback: `a` is the app's (its `oai-events` channel), `b` the service's. */
const PEERS = `window.peers = async () => {
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
  const channel = a.createDataChannel('oai-events');
  const service = { channel: null, got: [] };
  const theirs = new Promise((ok) => {
    b.ondatachannel = (e) => {
      service.channel = window.rawChannel.call(e);
      service.channel.onmessage = (m) => service.got.push(m.data);
      ok();
    };
  });
  const open = new Promise((ok) => { channel.onopen = ok; });
  await a.setLocalDescription();
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription();
  await a.setRemoteDescription(b.localDescription);
  await open;
  await theirs;
  return { channel, service };
};`;

test('the WebRTC oai-events channel: what the page sends is filtered, what the service sends comes back restored', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(RAW);
  await page.goto(`${ctx.app.base}/?policy=gdpr&endpoints=default`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.evaluate(LISTEN + PEERS);
  const sent = await page.evaluate(async (email) => {
    const { channel, service } = await window.peers();
    window.rtc = { channel, service, got: window.listen(channel) };
    channel.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', instructions: `The user is ${email}.` } }));
    channel.send(JSON.stringify({ type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: `mail ${email}` }] } }));
    for (let i = 0; i < 100 && service.got.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    return service.got;
  }, EMAIL);
  assert.equal(sent.length, 2);
  for (const s of sent) assert.ok(!s.includes(EMAIL), s);
  assert.match(JSON.parse(sent[0]).session.instructions, /^The user is \[EMAIL_ADDRESS_1\]\.$/);
  const placeholder = JSON.parse(sent[1]).item.content[0].text.match(PLACEHOLDER)[0];
  const got = await page.evaluate(async (events) => {
    for (const e of events) window.rawSend.call(window.rtc.service.channel, e);
    const { got } = window.rtc;
    for (let i = 0; i < 100 && !got.added.some((m) => m.includes('"response.done"')); i++) await new Promise((r) => setTimeout(r, 20));
    return got;
  }, answerEvents(placeholder));
  assert.deepEqual(got.on, got.added);
  const text = `Mail ${EMAIL} today`;
  assert.deepEqual(readBack(got.added), { deltas: text, done: text, final: text, audio: 1 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the WebRTC oai-events channel refuses what the policy blocks, also with `elsewhere: "off"`', async () => {
  const page = await ctx.browser.newPage();
  await page.addInitScript(RAW);
  await page.goto(`${ctx.app.base}/?policy=strict&endpoints=default&elsewhere=off`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.evaluate(PEERS);
  const outcome = await page.evaluate(async () => {
    const { channel, service } = await window.peers();
    const blocked = [];
    window.__guard.addEventListener('blocked', (e) => blocked.push(e.detail.reason));
    const secret = JSON.stringify({ type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'key sk_test_4eC39HqLyjWDarjtT1zdp7dc' }] } });
    let thrown = null;
    try { channel.send(secret); } catch (e) { thrown = e.reason; }
    await new Promise((r) => setTimeout(r, 200));
    return [thrown, blocked, service.got.length];
  });
  assert.deepEqual(outcome, ['policy-block', ['policy-block'], 0]);
  await page.close();
});

/** Two peers as PEERS, but the service opens the `oai-events` channel and the app takes it in `ondatachannel`. */
const SERVICE_OPENS = `window.peers = async () => {
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
  const service = { channel: window.rawCreate.call(b, 'oai-events'), got: [] };
  service.channel.onmessage = (m) => service.got.push(m.data);
  const mine = new Promise((ok) => { a.ondatachannel = (e) => ok(e.channel); });
  const open = new Promise((ok) => { service.channel.onopen = ok; });
  await b.setLocalDescription();
  await a.setRemoteDescription(b.localDescription);
  await a.setLocalDescription();
  await b.setRemoteDescription(a.localDescription);
  await open;
  return { channel: await mine, service };
};`;

/** Sends the user's item on the app's channel, answers it from the service with `answerEvents`; what each side got. */
async function converse(page) {
  await page.evaluate((email) => {
    const { channel } = window.rtc;
    window.rtc.got = window.listen(channel);
    channel.send(JSON.stringify({ type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: `mail ${email}` }] } }));
  }, EMAIL);
  await page.waitForFunction(() => window.rtc.service.got.length > 0);
  const sent = await page.evaluate(() => window.rtc.service.got);
  const placeholder = sent[0].match(PLACEHOLDER)?.[0] ?? '[NONE_1]';
  const got = await page.evaluate(async (events) => {
    for (const e of events) window.rawSend.call(window.rtc.service.channel, e);
    const { got } = window.rtc;
    for (let i = 0; i < 100 && !got.added.some((m) => m.includes('"response.done"')); i++) await new Promise((r) => setTimeout(r, 20));
    return got;
  }, answerEvents(placeholder));
  return { sent, got };
}

test('an oai-events channel the service opens (ondatachannel): what the page sends is filtered, what arrives is restored', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(RAW);
  await page.goto(`${ctx.app.base}/?policy=gdpr&endpoints=default`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.evaluate(LISTEN + SERVICE_OPENS);
  await page.evaluate(async () => { window.rtc = await window.peers(); });
  const { sent, got } = await converse(page);
  assert.equal(sent.length, 1);
  assert.ok(!sent[0].includes(EMAIL), sent[0]);
  const text = `Mail ${EMAIL} today`;
  assert.deepEqual(got.on, got.added);
  assert.deepEqual(readBack(got.added), { deltas: text, done: text, final: text, audio: 1 });
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [how, peers] of [['the page makes', PEERS], ['the service opens', SERVICE_OPENS]]) {
  test(`an oai-events channel ${how} before the engine loads: its messages wait for it and go filtered, answers come back restored`, async () => {
    const { page, errors, release } = await heldEnginePage(ctx, '&policy=gdpr&endpoints=default', (p) => p.addInitScript(RAW));
    await page.evaluate(LISTEN + peers);
    await page.evaluate(async () => { window.rtc = await window.peers(); });
    const early = await page.evaluate((email) => {
      const { channel } = window.rtc;
      channel.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', instructions: `The user is ${email}.` } }));
      return new Promise((ok) => setTimeout(() => ok(window.rtc.service.got.length), 300));
    }, EMAIL);
    assert.equal(early, 0, 'nothing leaves before the engine has checked it');
    release();
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForFunction(() => window.rtc.service.got.length > 0);
    const first = await page.evaluate(() => window.rtc.service.got[0]);
    assert.match(JSON.parse(first).session.instructions, /^The user is \[EMAIL_ADDRESS_1\]\.$/);
    await page.evaluate(() => { window.rtc.service.got.length = 0; });
    const { sent, got } = await converse(page);
    assert.ok(!sent.join('').includes(EMAIL), sent.join('\n'));
    const text = `Mail ${EMAIL} today`;
    assert.deepEqual(readBack(got.added), { deltas: text, done: text, final: text, audio: 1 });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
