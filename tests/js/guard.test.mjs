// The guard's network behaviour in Node with fake backends: rewriting, failing closed,
// consent modes, and restoring JSON and SSE responses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard, PiiAirlockBlockedError, PiiAirlockConfigError } from '../../pkg/node.js';

const URL_ = 'https://llm.example/v1/chat/completions';
const chat = (content, extra = {}) => JSON.stringify({ model: 'm', messages: [{ role: 'user', content }], ...extra });

function recorder(respond) {
  const calls = [];
  const fetchImpl = async (input, init) => {
    calls.push({ url: String(input), body: init?.body });
    return respond ? respond(init) : new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetchImpl };
}

test('requests to guarded endpoints leave redacted; others pass untouched', async () => {
  const g = await createGuard();
  const { calls, fetchImpl } = recorder();
  const f = g.guardFetch(fetchImpl);
  await f(URL_, { method: 'POST', body: chat('mail jane@example.com'), headers: { 'content-length': '99' } });
  assert.equal(JSON.parse(calls[0].body).messages[0].content, 'mail [EMAIL_ADDRESS_1]');
  await f('https://other.example/upload', { method: 'POST', body: 'raw jane@example.com' });
  assert.equal(calls[1].body, 'raw jane@example.com');
  // A Request object works too.
  await f(new Request(URL_, { method: 'POST', body: chat('again jane@example.com') }));
  assert.equal(calls.length, 3);
});

test('fails closed: bad body, unknown shape, engine error, cancel — the backend gets nothing', async () => {
  const g = await createGuard();
  const { calls, fetchImpl } = recorder();
  const f = g.guardFetch(fetchImpl);
  const post = (body) => f(URL_, { method: 'POST', body });
  await assert.rejects(post('mail jane@example.com'), { name: 'PiiAirlockBlockedError', reason: 'payload' });
  await assert.rejects(post(JSON.stringify({ messages: [{ content: [{ type: 'video', data: 'x' }] }] })), { reason: 'payload' });
  await assert.rejects(post(new URLSearchParams({ q: 'jane@example.com' })), { reason: 'body-type' });
  const prepare = g.core.prepareBody;
  g.core.prepareBody = () => { throw new Error('engine crashed'); };
  await assert.rejects(post(chat('mail jane@example.com')), { reason: 'engine' });
  g.core.prepareBody = prepare;
  const commit = g.core.commitBody;
  g.core.commitBody = () => { throw new Error('engine crashed'); };
  await assert.rejects(post(chat('mail jane@example.com')), { reason: 'engine' });
  g.core.commitBody = commit;
  assert.equal(calls.length, 0);

  const cancel = await createGuard({ consent: () => 'cancelled' });
  const c = recorder();
  await assert.rejects(cancel.guardFetch(c.fetchImpl)(URL_, { method: 'POST', body: chat('jane@example.com') }),
    (e) => e instanceof PiiAirlockBlockedError && e.reason === 'cancelled');
  const block = await createGuard({ consent: 'block' });
  await assert.rejects(block.guardFetch(c.fetchImpl)(URL_, { method: 'POST', body: chat('jane@example.com') }), { reason: 'cancelled' });
  // A text without findings is not asked about and goes out as it was.
  await block.guardFetch(c.fetchImpl)(URL_, { method: 'POST', body: chat('hello') });
  assert.deepEqual(c.calls.map((x) => x.body), [chat('hello')]);
});

test('the consent function sees the findings; "as-typed" sends the original, with a receipt', async () => {
  let seen;
  const g = await createGuard({ consent: (req) => { seen = req; return 'as-typed'; } });
  const { calls, fetchImpl } = recorder();
  const body = chat('mail jane@example.com');
  await g.guardFetch(fetchImpl)(URL_, { method: 'POST', body });
  assert.deepEqual(seen.items, [{ entity: 'EMAIL_ADDRESS', value: 'jane@example.com', field: 'messages[0].content', effect: 'replace' }]);
  assert.equal(calls[0].body, body);
  assert.deepEqual(g.lastReceipt, { items: [{ entity: 'EMAIL_ADDRESS', decision: 'allow-once' }] });
  const noAsTyped = await createGuard({ consent: () => 'as-typed', allowAsTyped: false });
  await assert.rejects(noAsTyped.guardBody(body), { reason: 'cancelled' });
});

test('per-value choices: allow once applies to one message, always allow sticks', async () => {
  const g = await createGuard();
  const [f] = g.scan('jane@example.com');
  g.choose(f, 'jane@example.com', 'allow-once');
  const once = await g.requestConsent('to jane@example.com and +44 20 7946 0958');
  assert.equal(once.text, 'to jane@example.com and [PHONE_NUMBER_1]');
  const next = await g.requestConsent('to jane@example.com');
  assert.equal(next.text, 'to [EMAIL_ADDRESS_1]');
  g.choose(f, 'jane@example.com', 'always-allow');
  assert.equal(g.scan('jane@example.com')[0].action, 'allow');
  const allowed = await g.requestConsent('to jane@example.com');
  assert.deepEqual([allowed.asked, allowed.text], [false, 'to jane@example.com']);
  g.resetChoices();
  assert.equal(g.scan('jane@example.com')[0].action, 'ask');
});

test('JSON and streamed SSE responses are restored, placeholders split across events', async () => {
  const g = await createGuard();
  const answer = 'Sure, I will write to [EMAIL_ADDRESS_1] and call [PHONE_NUMBER_1].';
  const sse = () => {
    const enc = new TextEncoder();
    // Events cut every 4 characters, network chunks cut every 7 bytes: both split placeholders.
    let text = '';
    for (let i = 0; i < answer.length; i += 4) {
      text += `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: answer.slice(i, i + 4) } }] })}\n\n`;
    }
    text += 'data: [DONE]\n\n';
    const bytes = enc.encode(text);
    return new ReadableStream({
      start(ctl) {
        for (let i = 0; i < bytes.length; i += 7) ctl.enqueue(bytes.slice(i, i + 7));
        ctl.close();
      },
    });
  };
  const f = g.guardFetch(async (_url, init) => (JSON.parse(init.body).stream
    ? new Response(sse(), { headers: { 'content-type': 'text/event-stream' } })
    : new Response(JSON.stringify({ choices: [{ message: { content: answer } }] }), { headers: { 'content-type': 'application/json' } })));
  const body = (stream) => chat('mail jane@example.com, call +44 20 7946 0958', { stream });
  const json = await (await f(URL_, { method: 'POST', body: body(false) })).json();
  const restored = 'Sure, I will write to jane@example.com and call +44 20 7946 0958.';
  assert.equal(json.choices[0].message.content, restored);
  const res = await f(URL_, { method: 'POST', body: body(true) });
  const raw = await res.text();
  let text = '';
  for (const ev of raw.split('\n\n')) {
    const d = ev.startsWith('data: ') ? ev.slice(6) : '';
    if (d && d !== '[DONE]') text += JSON.parse(d).choices[0].delta.content ?? '';
  }
  assert.equal(text, restored);
  assert.ok(raw.trimEnd().endsWith('data: [DONE]'));
});

test('options are checked: unknown keys and unavailable policies are errors', async () => {
  await assert.rejects(createGuard({ colour: 'red' }), PiiAirlockConfigError);
  await assert.rejects(createGuard({ policy: 'gdpr' }), /not available in this build/);
  await assert.rejects(createGuard({ consent: 'maybe' }), PiiAirlockConfigError);
  await assert.rejects(createGuard({ countries: ['Atlantis'] }), { name: 'PiiAirlockConfigError' });
  const g = await createGuard({ policy: 'ask', endpoints: ['https://api.example/'], paths: ['query'], openai: false });
  assert.equal(g.matches('https://api.example/search'), true);
  assert.equal(g.matches('https://llm.example/v1/chat/completions'), false);
  const out = await g.guardBody(JSON.stringify({ query: 'find jane@example.com', messages: 'ignored' }));
  assert.deepEqual(JSON.parse(out), { query: 'find [EMAIL_ADDRESS_1]', messages: 'ignored' });
  assert.throws(() => g.attach({}), /needs a browser/);
});

test('a blocked request is announced with a "blocked" event', async () => {
  const g = await createGuard({ consent: 'block' });
  const seen = [];
  g.addEventListener('blocked', (e) => seen.push(e.detail.reason));
  const { calls, fetchImpl } = recorder();
  await assert.rejects(g.guardFetch(fetchImpl)(URL_, { method: 'POST', body: chat('jane@example.com') }));
  await assert.rejects(g.guardFetch(fetchImpl)(URL_, { method: 'POST', body: new FormData() }));
  assert.deepEqual(seen, ['cancelled', 'body-type']);
  assert.equal(calls.length, 0);
});

test('receipts are kept only with a retention, without values, and expire', async () => {
  const map = new Map();
  const storage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) };
  const g = await createGuard({ receipts: { retentionDays: 30, storage } });
  await g.requestConsent('mail jane@example.com');
  const stored = map.get('pii-airlock:receipts');
  assert.ok(!stored.includes('jane'), stored);
  assert.deepEqual(g.receipts().map((r) => [r.decision, r.items]), [['redacted', [{ entity: 'EMAIL_ADDRESS', decision: 'redact' }]]]);
  // A receipt older than the retention is dropped.
  map.set('pii-airlock:receipts', JSON.stringify([{ at: Date.now() - 31 * 86_400_000, decision: 'redacted', items: [] }, ...JSON.parse(stored)]));
  assert.equal(g.receipts().length, 1);
  assert.equal(JSON.parse(map.get('pii-airlock:receipts')).length, 1);
  const none = await createGuard();
  await none.requestConsent('mail jane@example.com');
  assert.deepEqual(none.receipts(), []);
  await assert.rejects(createGuard({ receipts: { retentionDays: 0 } }), PiiAirlockConfigError);
});

test('a guarded JSON body of unknown shape is scanned whole, not let through', async () => {
  const g = await createGuard();
  const out = JSON.parse(await g.guardBody(JSON.stringify({ model: 'm', query: { text: 'mail jane@example.com' } })));
  assert.deepEqual(out, { model: 'm', query: { text: 'mail [EMAIL_ADDRESS_1]' } });
  const withUser = JSON.parse(await g.guardBody(chat('hi', { user: 'jane@example.com' })));
  assert.equal(withUser.user, '[EMAIL_ADDRESS_1]');
});
