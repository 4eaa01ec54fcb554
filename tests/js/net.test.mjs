// The Rust browser layer (src/net/) through the Node entry: sendBeacon and WebSocket hooks,
// receipts expiring by the policy's retention, and the hooks installPending sets before the
// engine has loaded. Node has no sendBeacon, WebSocket or XMLHttpRequest of its own, so the
// hooked APIs are recording fakes put on globalThis (this file runs in its own process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard, PiiAirlockBlockedError, PiiAirlockConfigError } from '../../pkg/node.js';
import { installPending } from '../../pkg/src/guard.js';

const URL_ = 'https://llm.example/v1/chat/completions';
const ASK = { version: 1, id: 'ask-all', defaultAction: 'ask' };
const chat = (content) => JSON.stringify({ model: 'm', messages: [{ role: 'user', content }] });
const contentOf = (body) => JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)).messages[0].content;
// Stripe's documented test key.
const SECRET = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';

/** Puts recording fakes of sendBeacon and WebSocket on globalThis; returns what they saw. */
function fakes() {
  const beacons = [];
  const frames = [];
  const sendBeacon = function sendBeacon(url, data) { beacons.push({ url: String(url), data, self: this }); return true; };
  globalThis.navigator = { sendBeacon };
  globalThis.WebSocket = class WebSocket {
    constructor(url) { this.url = url; }
    send(data) { frames.push(data); }
  };
  return { beacons, frames, sendBeacon, wsSend: globalThis.WebSocket.prototype.send };
}

test('sendBeacon to a guarded endpoint is filtered by the policy without asking; others pass untouched', async () => {
  const f = fakes();
  let asked = 0;
  const g = await createGuard({ policy: ASK, consent: () => { asked++; return 'as-typed'; } });
  const undo = g.install();
  const seen = [];
  g.addEventListener('blocked', (e) => seen.push(e.detail.reason));
  // Nobody can be asked while the page unloads: what the policy asks about becomes a placeholder.
  assert.equal(navigator.sendBeacon(URL_, chat('mail jane@example.com')), true);
  assert.equal(contentOf(f.beacons[0].data), 'mail [EMAIL_ADDRESS_1]');
  assert.equal(f.beacons[0].self, navigator, 'the original is called on navigator');
  assert.equal(asked, 0);
  assert.equal(g.lastReceipt.purpose, '/v1/chat/completions');
  // Bytes stay bytes, filtered the same way.
  assert.equal(navigator.sendBeacon(URL_, new TextEncoder().encode(chat('call +44 20 7946 0958'))), true);
  assert.ok(f.beacons[1].data instanceof Uint8Array);
  assert.equal(contentOf(f.beacons[1].data), 'call [PHONE_NUMBER_1]');
  // Not guarded: untouched.
  navigator.sendBeacon('https://stats.example/collect', 'raw jane@example.com');
  assert.equal(f.beacons[2].data, 'raw jane@example.com');
  // Cannot be filtered at once (a Blob), not JSON: not queued, nothing sent.
  const before = f.beacons.length;
  assert.equal(navigator.sendBeacon(URL_, new Blob([chat('jane@example.com')])), false);
  assert.equal(navigator.sendBeacon(URL_, 'mail jane@example.com'), false);
  assert.equal(f.beacons.length, before);
  assert.deepEqual(seen, ['body-type', 'payload']);
  undo();
  assert.equal(navigator.sendBeacon, f.sendBeacon);
});

test('sendBeacon: a policy block and consent "block" refuse the beacon', async () => {
  const f = fakes();
  const strict = await createGuard({ policy: 'strict' });
  const seen = [];
  strict.addEventListener('blocked', (e) => seen.push(e.detail.reason));
  const undo = strict.install();
  assert.equal(navigator.sendBeacon(URL_, chat(`key ${SECRET}`)), false);
  undo();
  const block = await createGuard({ policy: ASK, consent: 'block' });
  block.addEventListener('blocked', (e) => seen.push(e.detail.reason));
  const undo2 = block.install();
  assert.equal(navigator.sendBeacon(URL_, chat('mail jane@example.com')), false);
  // Without findings there is nothing to refuse.
  assert.equal(navigator.sendBeacon(URL_, chat('hello')), true);
  undo2();
  assert.deepEqual(f.beacons.map((b) => b.data), [chat('hello')]);
  assert.deepEqual(seen, ['policy-block', 'cancelled']);
});

test('WebSocket.send on a guarded socket is filtered; a message that cannot be checked throws and is not sent', async () => {
  const f = fakes();
  const g = await createGuard({ policy: ASK, endpoints: ['wss://llm.example/realtime'] });
  const undo = g.install();
  const ws = new WebSocket('wss://llm.example/realtime?model=m');
  ws.send(chat('mail jane@example.com'));
  assert.equal(contentOf(f.frames[0]), 'mail [EMAIL_ADDRESS_1]');
  assert.throws(() => ws.send('mail jane@example.com'), (e) => e instanceof PiiAirlockBlockedError && e.reason === 'payload');
  assert.throws(() => ws.send(new Blob(['x'])), { reason: 'body-type' });
  assert.equal(f.frames.length, 1);
  // Another socket is not guarded.
  new WebSocket('wss://chat.example/').send('raw jane@example.com');
  assert.equal(f.frames[1], 'raw jane@example.com');
  undo();
  assert.equal(WebSocket.prototype.send, f.wsSend);
});

test('stored receipts expire by the policy\'s retention, or the application\'s when shorter', async () => {
  const day = 86_400_000;
  const storageWith = () => {
    const map = new Map();
    return { map, storage: { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) } };
  };
  const aged = (r, days) => ({ ...r, timeMs: Date.now() - days * day });
  // The policy keeps receipts 7 days; the application asks for 30: 7 wins.
  const policy = { version: 1, extends: 'gdpr', receipts: { retentionDays: 7 } };
  const a = storageWith();
  const g = await createGuard({ policy, receipts: { retentionDays: 30, storage: a.storage } });
  await g.requestConsent('mail jane@example.com');
  const [r] = g.receipts();
  a.map.set('pii-airlock:receipts', JSON.stringify([aged(r, 8), aged(r, 6), r]));
  assert.deepEqual(g.receipts().map((x) => Math.round((Date.now() - x.timeMs) / day)), [6, 0]);
  assert.equal(JSON.parse(a.map.get('pii-airlock:receipts')).length, 2, 'the expired one is deleted from storage');
  // No retentionDays: the policy's (strict keeps 90 days).
  const b = storageWith();
  const s = await createGuard({ policy: 'strict', receipts: { storage: b.storage } });
  await s.requestConsent('mail jane@example.com');
  const [q] = s.receipts();
  b.map.set('pii-airlock:receipts', JSON.stringify([aged(q, 91), aged(q, 89)]));
  assert.deepEqual(s.receipts().map((x) => Math.round((Date.now() - x.timeMs) / day)), [89]);
  // A shorter application retention wins over the policy's.
  const c = storageWith();
  const short = await createGuard({ policy: 'strict', receipts: { retentionDays: 1, storage: c.storage } });
  c.map.set('pii-airlock:receipts', JSON.stringify([aged(q, 2)]));
  assert.deepEqual(short.receipts(), []);
  await assert.rejects(createGuard({ receipts: { retentionDays: -1 } }), PiiAirlockConfigError);
  await assert.rejects(createGuard({ receipts: 'yes' }), PiiAirlockConfigError);
});

test('installPending: guarded requests wait for the engine, then go through the guard; a failed engine blocks them', async () => {
  const sent = [];
  const fetch = async (input, init) => { sent.push(init?.body ?? null); return new Response('{}', { headers: { 'content-type': 'application/json' } }); };
  const beacons = [];
  const scope = { fetch, navigator: { sendBeacon: (u, d) => { beacons.push(d); return true; } } };
  let start;
  const ready = new Promise((ok) => { start = ok; });
  const undo = installPending(scope, ready, {});
  // Not guarded: leaves at once.
  await scope.fetch('https://other.example/x', { method: 'POST', body: 'raw jane@example.com' });
  assert.deepEqual(sent, ['raw jane@example.com']);
  // Guarded: waits; a beacon cannot wait and is refused.
  const waiting = scope.fetch(URL_, { method: 'POST', body: chat('mail jane@example.com') });
  assert.equal(scope.navigator.sendBeacon(URL_, chat('mail jane@example.com')), false);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(sent.length, 1);
  start(await createGuard({ policy: ASK }));
  await waiting;
  assert.equal(contentOf(sent[1]), 'mail [EMAIL_ADDRESS_1]');
  // Once the engine runs, beacons are filtered, not refused.
  assert.equal(scope.navigator.sendBeacon(URL_, chat('call +44 20 7946 0958')), true);
  assert.equal(contentOf(beacons[0]), 'call [PHONE_NUMBER_1]');
  undo();
  assert.equal(scope.fetch, fetch);

  const failed = { fetch };
  installPending(failed, Promise.reject(new Error('no wasm')), {});
  await assert.rejects(failed.fetch(URL_, { method: 'POST', body: chat('hi') }), (e) => e instanceof PiiAirlockBlockedError && e.reason === 'engine');
  assert.equal(sent.length, 2);
});

/** A socket stand-in with events: what it sent, whether it was closed. */
class HeldSocket extends EventTarget {
  constructor(url) { super(); this.url = url; this.readyState = 1; this.sent = []; this.closed = false; }
  send(data) { this.sent.push(data); }
  close() { this.closed = true; }
}

test('installPending: a guarded socket\'s messages are held in order until the engine runs, then filtered, its answers restored', async () => {
  const scope = { WebSocket: class extends HeldSocket {}, location: { href: 'https://app.example/' } };
  let start;
  const ready = new Promise((ok) => { start = ok; });
  const undo = installPending(scope, ready, {});
  const ws = new scope.WebSocket('wss://llm.example/v1/chat/completions');
  assert.ok(ws instanceof scope.WebSocket);
  const got = [];
  ws.addEventListener('message', (m) => got.push(m.data));
  ws.send(chat('mail jane@example.com'));
  ws.send(chat('call +44 20 7946 0958'));
  const other = new scope.WebSocket('wss://stats.example/live');
  other.send('raw');
  assert.deepEqual([ws.sent, other.sent], [[], ['raw']]);
  start(await createGuard({ policy: ASK }));
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(ws.sent.map(contentOf), ['mail [EMAIL_ADDRESS_1]', 'call [PHONE_NUMBER_1]']);
  ws.dispatchEvent(new MessageEvent('message', { data: JSON.stringify({ text: 'Wrote to [EMAIL_ADDRESS_1].' }) }));
  assert.deepEqual(got.map((m) => JSON.parse(m).text), ['Wrote to jane@example.com.']);
  undo();
});

test('installPending: held socket messages are bounded, and refused with the socket closed when the engine fails', async () => {
  const location = { href: 'https://app.example/' };
  const scope = { WebSocket: class extends HeldSocket {}, location };
  let fail;
  installPending(scope, new Promise((_, no) => { fail = no; }), {});
  const ws = new scope.WebSocket('wss://llm.example/v1/chat/completions');
  const errors = [];
  ws.addEventListener('error', () => errors.push(ws.piiAirlockError.reason));
  for (let i = 0; i < 256; i++) ws.send('{"n":1}');
  assert.throws(() => ws.send('{"n":1}'), (e) => e instanceof PiiAirlockBlockedError && e.reason === 'engine');
  // Bytes count too: 8 MiB at most.
  const bytes = { WebSocket: class extends HeldSocket {}, location };
  installPending(bytes, new Promise(() => {}), {});
  const big = new bytes.WebSocket('wss://llm.example/v1/chat/completions');
  big.send('a'.repeat(8 << 20));
  assert.throws(() => big.send('b'), (e) => e.reason === 'engine');
  fail(new Error('no wasm'));
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual([ws.sent, errors, ws.closed], [[], ['engine'], true]);
  assert.throws(() => ws.send('{"late":1}'), (e) => e.reason === 'engine');
});

test('a streamed answer cut inside multi-byte characters is decoded and restored intact', async () => {
  const g = await createGuard({ policy: ASK });
  const answer = 'Grüße an [EMAIL_ADDRESS_1] 😀 — ça va?';
  let events = '';
  for (let i = 0; i < answer.length; i += 3) {
    events += `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: answer.slice(i, i + 3) } }] })}\n\n`;
  }
  // A byte order mark first, then one byte per network chunk: every character is cut.
  const bytes = new TextEncoder().encode(`\uFEFF${events}data: [DONE]\n\n`);
  const body = new ReadableStream({
    start(ctl) {
      for (const b of bytes) ctl.enqueue(new Uint8Array([b]));
      ctl.close();
    },
  });
  const f = g.guardFetch(async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
  const res = await f(URL_, { method: 'POST', body: chat('mail jane@example.com') });
  let text = '';
  for (const ev of (await res.text()).split('\n\n')) {
    const d = ev.startsWith('data: ') ? ev.slice(6) : '';
    if (d && d !== '[DONE]') text += JSON.parse(d).choices[0].delta.content;
  }
  assert.equal(text, 'Grüße an jane@example.com 😀 — ça va?');
});

test('a request that cannot be rebuilt after the check is blocked, not sent', async () => {
  const g = await createGuard({ policy: ASK });
  const seen = [];
  g.addEventListener('blocked', (e) => seen.push(e.detail.reason));
  let sent = 0;
  const f = g.guardFetch(async () => { sent++; return new Response('{}'); });
  // An invalid header name: `new Headers(...)` throws while the checked request is rebuilt.
  await assert.rejects(f(URL_, { method: 'POST', body: chat('mail jane@example.com'), headers: [['bad name', 'x']] }),
    (e) => e instanceof PiiAirlockBlockedError && e.reason === 'engine');
  assert.deepEqual([sent, seen], [0, ['engine']]);
});
