// What the guard holds or reads that it used to let past, in Debian's Chromium from the packed
// tarball: messages on a guarded WebSocket opened before the engine loaded (held, then filtered,
// the answers restored; refused if the engine never starts), and Bedrock's binary event stream
// read by XMLHttpRequest as an ArrayBuffer (restored frame by frame, checksums valid); and
// `fetchLater`, Chromium's deferred fetch (filtered like a beacon, refused on a block).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { watchErrors } from './browser.mjs';
import { heldEnginePage, plainAppAndBrowser, restoredPage, until } from './fixtures.mjs';

const EMAIL = 'jane.doe@example.com';
const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/;
const ctx = plainAppAndBrowser();

/** A server text frame (unmasked, short). */
function wsFrame(text) {
  const p = Buffer.from(text);
  return Buffer.concat([Buffer.from([0x81, p.length]), p]);
}

/** A socket endpoint at /v1/socket: records each text and answers one quoting a placeholder with it. */
let texts = null;
function echoServer() {
  if (texts) return texts;
  texts = [];
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
        const opcode = buf[0] & 0x0f;
        const text = Buffer.from(buf.subarray(at + 4, at + 4 + len)).map((b, i) => b ^ mask[i % 4]).toString();
        buf = buf.subarray(at + 4 + len);
        // A close frame is answered with one, and the connection ends.
        if (opcode === 8) { socket.end(Buffer.from([0x88, 0])); return; }
        if (opcode !== 1) continue;
        texts.push(text);
        const placeholder = text.match(PLACEHOLDER)?.[0];
        if (placeholder) socket.write(wsFrame(JSON.stringify({ type: 'reply', text: `Mail ${placeholder} today` })));
      }
    });
    socket.on('error', () => {});
  });
  return texts;
}

/** Opens a socket to /v1/socket and sends `mail <email>` on it once open: what the page saw. */
const OPEN_AND_SEND = (email) => new Promise((ok) => {
  const ws = new WebSocket(`ws://${location.host}/v1/socket`);
  const seen = { got: [], errors: [], closed: false, thrown: null };
  window.seen = seen;
  window.ws = ws;
  ws.onmessage = (m) => seen.got.push(m.data);
  ws.onerror = () => seen.errors.push(ws.piiAirlockError?.reason ?? 'socket');
  ws.onclose = () => { seen.closed = true; };
  ws.onopen = () => {
    try { ws.send(JSON.stringify({ type: 'ask', text: `mail ${email}` })); } catch (e) { seen.thrown = e.reason ?? e.name; }
    ok(seen.thrown);
  };
});

test('a guarded socket opened before the engine loads: its messages wait for it and go filtered, its answers come back restored', async () => {
  const sent = echoServer();
  sent.length = 0;
  const { page, errors, release } = await heldEnginePage(ctx, '&policy=gdpr&conversations=url');
  assert.equal(await page.evaluate(OPEN_AND_SEND, EMAIL), null, 'send holds the message, it does not throw');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(sent, [], 'nothing leaves before the engine has checked it');
  release();
  await page.waitForSelector('body[data-state="ready"]');
  await until(() => sent.length > 0);
  assert.equal(sent.length, 1);
  assert.ok(!sent[0].includes(EMAIL), sent[0]);
  assert.match(JSON.parse(sent[0]).text, /^mail \[EMAIL_ADDRESS_1\]$/);
  await page.waitForFunction(() => window.seen.got.length > 0);
  const got = await page.evaluate(() => window.seen.got);
  assert.deepEqual(got.map((m) => JSON.parse(m).text), [`Mail ${EMAIL} today`]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a guarded socket opened before an engine that never starts: its held messages are refused, the socket errors and closes, nothing leaves', async () => {
  const sent = echoServer();
  sent.length = 0;
  const { page, fail } = await heldEnginePage(ctx, '&policy=gdpr&conversations=url');
  assert.equal(await page.evaluate(OPEN_AND_SEND, EMAIL), null);
  // Held messages are bounded: past 256 a send throws at once (the first is held already).
  const over = await page.evaluate(() => {
    const reasons = [];
    for (let i = 0; i < 256; i++) {
      try { window.ws.send('{"n":1}'); reasons.push('held'); } catch (e) { reasons.push(e.reason); }
    }
    return [reasons.filter((r) => r === 'held').length, reasons.at(-1)];
  });
  assert.deepEqual(over, [255, 'engine']);
  fail();
  await page.waitForSelector('body[data-state="engine-failed"]');
  await page.waitForFunction(() => window.seen.closed);
  const seen = await page.evaluate(() => {
    let thrown = null;
    try { window.ws.send('late'); } catch (e) { thrown = e.reason; }
    return { errors: window.seen.errors, error: window.ws.piiAirlockError?.reason, thrown };
  });
  assert.deepEqual(seen, { errors: ['engine'], error: 'engine', thrown: 'engine' });
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(sent, []);
  await page.close();
});

/**
 * In the page, before the engine runs: an EventSource and a WebSocket to guarded endpoints with
 * the address in their query; what the page can tell of them at once.
 */
const OPEN_WITH_QUERY = (email) => {
  const q = encodeURIComponent(email);
  window.got = { es: [], ws: [], errors: [], closed: false };
  const es = new EventSource(`/v1/ask?q=${q}`);
  es.onmessage = (e) => { window.got.es.push(JSON.parse(e.data).q); es.close(); };
  es.addEventListener('error', () => window.got.errors.push(`es:${es.piiAirlockError?.reason}`));
  const ws = new WebSocket(`ws://${location.host}/v1/socket?q=${q}`);
  ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'ask', text: `mail ${email}` })));
  ws.onmessage = (m) => window.got.ws.push(JSON.parse(m.data).text);
  ws.onerror = () => window.got.errors.push(`ws:${ws.piiAirlockError?.reason}`);
  ws.onclose = () => { window.got.closed = true; };
  let thrown = null;
  try { ws.send('too early'); } catch (e) { thrown = e.name; }
  return [es instanceof EventSource, ws instanceof WebSocket, es.readyState, ws.readyState, thrown,
    ws.url === `ws://${location.host}/v1/socket?q=${q}`];
};

/** Records the URL of every socket opened on the app's server; returns them and the undo. */
function upgrades() {
  const urls = [];
  const on = (req) => urls.push(req.url);
  ctx.app.server.on('upgrade', on);
  return [urls, () => ctx.app.server.off('upgrade', on)];
}

test('a guarded EventSource and WebSocket whose URL has a query, opened before the engine loads: they connect once it runs, the query checked, answers restored', async () => {
  const sent = echoServer();
  sent.length = 0;
  const [opened, stop] = upgrades();
  const { page, errors, release } = await heldEnginePage(ctx, '&policy=gdpr&conversations=url');
  ctx.app.urls.length = 0;
  // Usable at once, as a connecting one: `send` throws as a connecting socket's does.
  assert.deepEqual(await page.evaluate(OPEN_WITH_QUERY, EMAIL), [true, true, 0, 0, 'InvalidStateError', true]);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual([opened, ctx.app.urls], [[], []], 'nothing connects before the engine has checked the query');
  release();
  await page.waitForFunction(() => window.got.es.length > 0 && window.got.ws.length > 0);
  const got = await page.evaluate(() => window.got);
  assert.match(got.es[0], /^\[EMAIL_ADDRESS_\d+\]$/);
  assert.deepEqual(got.ws, [`Mail ${EMAIL} today`]);
  assert.deepEqual(got.errors, []);
  for (const url of [...opened, ...ctx.app.urls, ...sent]) {
    assert.ok(!url.includes('jane.doe') && !url.includes('jane.doe%40'), url);
  }
  assert.equal(opened.length, 1);
  assert.match(new URL(opened[0], 'http://x').searchParams.get('q'), /^\[EMAIL_ADDRESS_\d+\]$/);
  assert.equal(sent.length, 1);
  assert.deepEqual(errors, []);
  stop();
  await page.close();
});

test('a guarded EventSource and WebSocket with a query, opened before an engine that never starts: they error (the socket closes), nothing connects', async () => {
  const [opened, stop] = upgrades();
  const { page, fail } = await heldEnginePage(ctx, '&policy=gdpr&conversations=url');
  ctx.app.urls.length = 0;
  await page.evaluate(OPEN_WITH_QUERY, EMAIL);
  fail();
  await page.waitForSelector('body[data-state="engine-failed"]');
  await page.waitForFunction(() => window.got.closed);
  const got = await page.evaluate(() => [window.got.errors.sort(), window.ws?.readyState]);
  assert.deepEqual(got[0], ['es:engine', 'ws:engine']);
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual([opened, ctx.app.urls], [[], []]);
  stop();
  await page.close();
});

/** One event-stream frame: prelude (lengths, CRC), string headers, JSON payload, CRC. */
function frame(eventType, payload) {
  const headers = [];
  for (const [k, v] of [[':event-type', eventType], [':content-type', 'application/json'], [':message-type', 'event']]) {
    const kb = Buffer.from(k);
    const vb = Buffer.from(v);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(vb.length);
    headers.push(Buffer.from([kb.length]), kb, Buffer.from([7]), len, vb);
  }
  const h = Buffer.concat(headers);
  const p = Buffer.from(JSON.stringify(payload));
  const prelude = Buffer.alloc(12);
  prelude.writeUInt32BE(16 + h.length + p.length, 0);
  prelude.writeUInt32BE(h.length, 4);
  prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8);
  const body = Buffer.concat([prelude, h, p]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([body, crc]);
}

/** The delta texts of an event stream, every checksum checked. */
function deltas(buf) {
  let text = '';
  for (let at = 0; at < buf.length;) {
    const total = buf.readUInt32BE(at);
    const hl = buf.readUInt32BE(at + 4);
    assert.equal(buf.readUInt32BE(at + 8), crc32(buf.subarray(at, at + 8)), 'prelude checksum');
    assert.equal(buf.readUInt32BE(at + total - 4), crc32(buf.subarray(at, at + total - 4)), 'message checksum');
    const payload = JSON.parse(buf.subarray(at + 12 + hl, at + total - 4).toString());
    text += payload.delta?.text ?? '';
    at += total;
  }
  return text;
}

test('an XMLHttpRequest answer read as a Blob comes back restored, still a Blob of the answer\'s type', async () => {
  const { page, errors } = await restoredPage(ctx, { value: EMAIL, restore: false });
  const got = await page.evaluate((a) => new Promise((ok, fail) => {
    const x = new XMLHttpRequest();
    x.open('POST', '/v1/chat/completions');
    x.setRequestHeader('content-type', 'application/json');
    x.responseType = 'blob';
    x.onload = async () => {
      const blob = x.response;
      ok([x.responseType, blob instanceof Blob, blob.type, x.response === blob,
        JSON.parse(await blob.text()).choices[0].message.content]);
    };
    x.onerror = () => fail(new Error('xhr'));
    x.send(JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${a}` }] }));
  }), EMAIL);
  assert.deepEqual(got, ['blob', true, 'application/json', true, `Got it: ${EMAIL}.`]);
  assert.ok(!ctx.app.received.at(-1).includes(EMAIL));
  assert.deepEqual(errors, []);
  await page.close();
});

test('Bedrock ConverseStream read by XMLHttpRequest as an ArrayBuffer: its frames come back restored, checksums valid', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  const bodies = [];
  // The model quotes the placeholder it received, cut across two frames.
  await page.route('**/v1/model/*/converse-stream', async (route) => {
    const body = route.request().postData();
    bodies.push(body);
    const placeholder = body.match(PLACEHOLDER)?.[0] ?? 'nothing';
    const cut = 7;
    const stream = Buffer.concat([
      frame('messageStart', { role: 'assistant' }),
      frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: `Wrote to ${placeholder.slice(0, cut)}` } }),
      frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: `${placeholder.slice(cut)} today.` } }),
      frame('messageStop', { stopReason: 'end_turn' }),
    ]);
    await route.fulfill({ status: 200, headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: stream });
  });
  await page.goto(`${ctx.app.base}/?policy=gdpr`);
  await page.waitForSelector('body[data-state="ready"]');
  const bytes = await page.evaluate((email) => new Promise((ok, fail) => {
    const x = new XMLHttpRequest();
    x.open('POST', '/v1/model/anthropic.claude-x/converse-stream');
    x.responseType = 'arraybuffer';
    x.setRequestHeader('content-type', 'application/json');
    x.onload = () => {
      if (x.response !== x.response) fail(new Error('a new buffer on every read'));
      ok([...new Uint8Array(x.response)]);
    };
    x.onerror = () => fail(x.piiAirlockError ?? new Error('xhr'));
    x.send(JSON.stringify({ messages: [{ role: 'user', content: [{ text: `write to ${email}` }] }] }));
  }), EMAIL);
  assert.equal(bodies.length, 1);
  assert.ok(!bodies[0].includes(EMAIL), bodies[0]);
  const out = Buffer.from(bytes);
  assert.equal(deltas(out), `Wrote to ${EMAIL} today.`);
  assert.ok(!out.toString('latin1').includes('EMAIL_ADDRESS'));
  assert.deepEqual(errors, []);
  await page.close();
});

/** A chat body asking the model about `text`. */
const chat = (text) => JSON.stringify({ model: 't', messages: [{ role: 'user', content: text }] });

test('fetchLater to a guarded endpoint: its body is filtered by the policy when queued, a block refuses it, and nothing else is queued', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/?policy=gdpr`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  const queued = await page.evaluate((body) => {
    const r = fetchLater('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return typeof r.activated;
  }, chat(`Mail ${EMAIL}`));
  assert.equal(queued, 'boolean');
  // A deferred fetch goes when its document does.
  await page.goto('about:blank');
  await until(() => ctx.app.received.length > 0);
  assert.equal(ctx.app.received.length, 1);
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.deepEqual(errors, []);
  await page.close();

  const strict = await ctx.browser.newPage();
  await strict.goto(`${ctx.app.base}/?policy=strict`);
  await strict.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  const refused = await strict.evaluate((body) => {
    const blocked = [];
    window.__guard.addEventListener('blocked', (e) => blocked.push(e.detail.reason));
    const out = [];
    try { fetchLater('/v1/chat/completions', { method: 'POST', body }); out.push('queued'); } catch (e) { out.push(e.reason); }
    const req = new Request('/v1/chat/completions', { method: 'POST', body: '{}' });
    try { fetchLater(req); out.push('queued'); } catch (e) { out.push(e.reason); }
    return [out, blocked];
  }, chat('key sk_test_4eC39HqLyjWDarjtT1zdp7dc'));
  assert.deepEqual(refused, [['policy-block', 'body-type'], ['policy-block', 'body-type']]);
  await strict.goto('about:blank');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(ctx.app.received, []);
  await strict.close();
});

test('fetchLater to an endpoint the guard does not check: a value it kept is masked in the URL and body', async () => {
  // fetchLater takes only secure URLs: the app's own origin (127.0.0.1), masked with `elsewhere: 'all'`.
  const hits = [];
  const record = async (req) => {
    if (!req.url.startsWith('/later')) return;
    let body = '';
    for await (const c of req) body += c;
    hits.push({ url: req.url, body });
  };
  ctx.app.server.on('request', record);
  const { page } = await restoredPage(ctx, { value: EMAIL, query: '&elsewhere=all' });
  await page.evaluate((email) => {
    fetchLater(`/later?u=${encodeURIComponent(email)}`, { method: 'POST', body: `seen ${email}` });
  }, EMAIL);
  await page.goto('about:blank');
  await until(() => hits.length > 0);
  ctx.app.server.off('request', record);
  assert.equal(hits.length, 1, 'the deferred request arrived');
  assert.ok(!hits[0].url.includes(encodeURIComponent(EMAIL)) && !hits[0].url.includes(EMAIL), hits[0].url);
  assert.equal(hits[0].body, 'seen [EMAIL_ADDRESS_1]');
  await page.close();
});
