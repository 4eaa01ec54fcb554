// Answers beside JSON and SSE, in Node through guardFetch: Bedrock's binary event stream
// (frames written here from the format's description, CRC-32 by zlib), an Anthropic message
// batch's JSONL results read back with a GET, and the WebRTC Realtime call's SDP exchange.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { createGuard } from '../../pkg/node.js';

const EMAIL = 'jane.doe@example.com';
const json = { 'content-type': 'application/json' };
const BEDROCK = 'https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-x/converse-stream';

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

/** The frames of a stream, every checksum checked: [event type, payload]. */
function frames(buf) {
  const out = [];
  for (let at = 0; at < buf.length;) {
    const total = buf.readUInt32BE(at);
    const hl = buf.readUInt32BE(at + 4);
    assert.equal(buf.readUInt32BE(at + 8), crc32(buf.subarray(at, at + 8)), 'prelude checksum');
    assert.equal(buf.readUInt32BE(at + total - 4), crc32(buf.subarray(at, at + total - 4)), 'message checksum');
    const h = buf.subarray(at + 12, at + 12 + hl);
    const vl = h.readUInt16BE(2 + h[0]);
    const kind = h.subarray(4 + h[0], 4 + h[0] + vl).toString();
    out.push([kind, JSON.parse(buf.subarray(at + 12 + hl, at + total - 4).toString())]);
    at += total;
  }
  return out;
}

/** A Response streaming `bytes` in pieces of `size`. */
function streamed(bytes, size, type) {
  const body = new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; i += size) c.enqueue(new Uint8Array(bytes.subarray(i, i + size)));
      c.close();
    },
  });
  return new Response(body, { headers: { 'content-type': type } });
}

async function sendMail(g, answer) {
  const f = g.guardFetch(async () => answer);
  const res = await f(BEDROCK, { method: 'POST', headers: json,
    body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: `write to ${EMAIL}` }] }] }) });
  return Buffer.from(await res.arrayBuffer());
}

test('a Bedrock ConverseStream answer is restored frame by frame, with valid checksums', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const pieces = ['Wrote to [EMAIL_', 'ADDRESS_1] ', 'today.'];
  const stream = Buffer.concat([
    frame('messageStart', { role: 'assistant' }),
    ...pieces.map((text) => frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } })),
    frame('contentBlockStop', { contentBlockIndex: 0 }),
    frame('messageStop', { stopReason: 'end_turn' }),
  ]);
  const out = await sendMail(g, streamed(stream, 7, 'application/vnd.amazon.eventstream'));
  const got = frames(out);
  const text = got.filter(([k]) => k === 'contentBlockDelta').map(([, p]) => p.delta.text).join('');
  assert.equal(text, `Wrote to ${EMAIL} today.`);
  assert.ok(!out.toString('latin1').includes('EMAIL_ADDRESS'));
  assert.deepEqual(got.map(([k]) => k).slice(-2), ['contentBlockStop', 'messageStop']);
});

test('a corrupt event-stream frame is passed on untouched and reported, the next one restored', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const reports = [];
  g.addEventListener('unrestored', (e) => reports.push(e.detail));
  const bad = frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: '[EMAIL_ADDRESS_1] ' } });
  bad[bad.length - 6] ^= 0x01;
  const good = frame('contentBlockDelta', { contentBlockIndex: 1, delta: { text: 'to [EMAIL_ADDRESS_1]' } });
  const out = await sendMail(g, streamed(Buffer.concat([bad, good]), 5, 'application/vnd.amazon.eventstream'));
  assert.ok(out.subarray(0, bad.length).equals(bad), 'the corrupt frame goes on as it came');
  const rest = frames(out.subarray(bad.length)).map(([, p]) => p.delta.text).join('');
  assert.equal(rest, `to ${EMAIL}`);
  assert.equal(reports.length, 1);
  assert.deepEqual([reports[0].reason, reports[0].frames, reports[0].path],
    ['corrupt-frame', 1, '/model/anthropic.claude-x/converse-stream']);
  assert.ok(!JSON.stringify(reports).includes(EMAIL));
});

test('an Anthropic message batch: its JSONL results, read back with a GET, are restored', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const sent = [];
  const results = [
    { custom_id: 'r1', result: { type: 'succeeded', message: { id: 'msg_1', type: 'message', role: 'assistant',
      content: [{ type: 'text', text: 'I wrote to [EMAIL_ADDRESS_1].' }], stop_reason: 'end_turn' } } },
    { custom_id: 'r2', result: { type: 'errored', error: { type: 'invalid_request', message: 'bad' } } },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n';
  const f = g.guardFetch(async (url, init) => {
    sent.push([String(url), init?.body]);
    if (String(url).endsWith('/results')) return new Response(results, { headers: { 'content-type': 'application/binary' } });
    return new Response('{"id":"msgbatch_1","type":"message_batch"}', { headers: json });
  });
  await f('https://api.anthropic.com/v1/messages/batches', { method: 'POST', headers: json,
    body: JSON.stringify({ requests: [{ custom_id: 'r1', params: { model: 'claude', max_tokens: 64,
      messages: [{ role: 'user', content: `write to ${EMAIL}` }] } }] }) });
  assert.ok(!sent[0][1].includes(EMAIL), sent[0][1]);
  const res = await f('https://api.anthropic.com/v1/messages/batches/msgbatch_1/results', { headers: { 'anthropic-version': '2023-06-01' } });
  const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].result.message.content[0].text, `I wrote to ${EMAIL}.`);
  assert.deepEqual(lines[1], { custom_id: 'r2', result: { type: 'errored', error: { type: 'invalid_request', message: 'bad' } } });
});

test('a WebRTC Realtime call: the SDP offer goes as it is, a session beside it is checked', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const sent = [];
  const f = g.guardFetch(async (url, init) => {
    sent.push(init?.body);
    return new Response('v=0\r\n', { status: 201, headers: { 'content-type': 'application/sdp' } });
  });
  const sdp = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n'
    + 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=candidate:1 1 udp 2122260223 198.51.100.7 50000 typ host\r\n';
  const res = await f('https://api.openai.com/v1/realtime/calls', { method: 'POST', body: sdp,
    headers: { 'content-type': 'application/sdp', authorization: 'Bearer ek_x' } });
  assert.equal(res.status, 201);
  assert.equal(sent[0], sdp, 'the offer is sent byte for byte');
  // The unified interface: the offer and the session in one form. Instructions holding an
  // address refuse the call (a form is not rewritten); without one the form goes.
  const form = (instructions) => {
    const fd = new FormData();
    fd.append('sdp', sdp);
    fd.append('session', JSON.stringify({ type: 'realtime', model: 'gpt-realtime', instructions }));
    return fd;
  };
  await assert.rejects(f('https://api.openai.com/v1/realtime/calls', { method: 'POST', body: form(`the user is ${EMAIL}`) }),
    (e) => e.reason === 'payload');
  assert.equal(sent.length, 1);
  await f('https://api.openai.com/v1/realtime/calls', { method: 'POST', body: form('be brief') });
  assert.equal(sent.length, 2);
  // A text body that only claims to be SDP is read like any other body (and refused: not JSON).
  await assert.rejects(f('https://api.openai.com/v1/realtime/calls', { method: 'POST', body: `mail ${EMAIL}`,
    headers: { 'content-type': 'application/sdp' } }));
  assert.equal(sent.length, 2);
});
