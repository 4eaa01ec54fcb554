// The guard's network behaviour in Node with fake backends: rewriting, failing closed,
// consent modes, and restoring JSON and SSE responses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard, PiiAirlockBlockedError, PiiAirlockConfigError } from '../../pkg/node.js';

const URL_ = 'https://llm.example/v1/chat/completions';
// A policy that leaves every finding to the user: what the consent tests need.
const ASK = { version: 1, id: 'ask-all', defaultAction: 'ask' };
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
  const g = await createGuard({ policy: ASK });
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

test('elsewhere: "all" masks kept values in every other request, even without a page', async () => {
  const g = await createGuard({ policy: ASK, elsewhere: 'all' });
  const { calls, fetchImpl } = recorder();
  const f = g.guardFetch(fetchImpl);
  await f(URL_, { method: 'POST', body: chat('mail jane@example.com') });
  const masked = [];
  g.addEventListener('masked', (e) => masked.push(e.detail.url));
  await f('https://other.example/log?u=jane%40example.com', { method: 'POST', body: 'raw jane@example.com' });
  assert.equal(calls[1].body, 'raw [EMAIL_ADDRESS_1]');
  assert.equal(calls[1].url, 'https://other.example/log?u=%5BEMAIL_ADDRESS_1%5D');
  assert.deepEqual(masked, ['https://other.example/log']);
  await assert.rejects(createGuard({ elsewhere: 'third-party' }), { name: 'PiiAirlockConfigError' });
});

test('fails closed: bad body, unknown shape, engine error, cancel — the backend gets nothing', async () => {
  const g = await createGuard({ policy: ASK });
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

  const cancel = await createGuard({ policy: ASK, consent: () => 'cancelled' });
  const c = recorder();
  await assert.rejects(cancel.guardFetch(c.fetchImpl)(URL_, { method: 'POST', body: chat('jane@example.com') }),
    (e) => e instanceof PiiAirlockBlockedError && e.reason === 'cancelled');
  const block = await createGuard({ policy: ASK, consent: 'block' });
  await assert.rejects(block.guardFetch(c.fetchImpl)(URL_, { method: 'POST', body: chat('jane@example.com') }), { reason: 'cancelled' });
  // A text without findings is not asked about and goes out as it was.
  await block.guardFetch(c.fetchImpl)(URL_, { method: 'POST', body: chat('hello') });
  assert.deepEqual(c.calls.map((x) => x.body), [chat('hello')]);
});

test('the consent function sees the findings; "as-typed" sends the original, with a receipt', async () => {
  let seen;
  const g = await createGuard({ policy: ASK, consent: (req) => { seen = req; return 'as-typed'; } });
  const { calls, fetchImpl } = recorder();
  const body = chat('mail jane@example.com');
  await g.guardFetch(fetchImpl)(URL_, { method: 'POST', body });
  assert.deepEqual(seen.items, [{ entity: 'EMAIL_ADDRESS', value: 'jane@example.com', field: 'messages[0].content', effect: 'replace' }]);
  assert.equal(calls[0].body, body);
  assert.deepEqual(g.lastReceipt.decisions, [{ index: 0, entity: 'EMAIL_ADDRESS', category: 'contact', action: 'allow', decidedBy: 'user' }]);
  assert.equal(g.lastReceipt.policyId, 'ask-all');
  assert.equal(g.lastReceipt.purpose, '/v1/chat/completions');
  const noAsTyped = await createGuard({ policy: ASK, consent: () => 'as-typed', allowAsTyped: false });
  await assert.rejects(noAsTyped.guardBody(body), { reason: 'cancelled' });
  // A policy that forbids sending as typed wins over the application's default.
  const strict = await createGuard({ policy: { ...ASK, consent: { allowSendAsTyped: false } }, consent: () => 'as-typed' });
  assert.equal(strict.allowAsTyped, false);
  await assert.rejects(strict.guardBody(body), { reason: 'cancelled' });
});

test('per-value choices: allow once applies to one message, always allow sticks', async () => {
  const g = await createGuard({ policy: ASK });
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
  // Where the policy forbids sending as typed, "allow" answers are refused, not ignored.
  const strict = await createGuard({ policy: 'strict' });
  assert.throws(() => strict.choose(f, 'jane@example.com', 'always-allow'), PiiAirlockConfigError);
  assert.throws(() => strict.choose(f, 'jane@example.com', 'allow-once'), PiiAirlockConfigError);
});

test('"always allow" lives in the guard session and ends with the policy\'s vault time-to-live', async () => {
  const g = await createGuard({ policy: { ...ASK, vault: { ttlMinutes: 1 } } });
  const [f] = g.scan('jane@example.com');
  g.choose(f, 'jane@example.com', 'always-allow');
  assert.equal(g.scan('write to JANE@example.com')[0].action, 'allow');
  // Only the entity type it was given for.
  assert.equal(g.scan('jane@example.com')[0].entity, 'EMAIL_ADDRESS');
  const realNow = Date.now;
  try {
    const start = realNow();
    Date.now = () => start + 59_000;
    assert.equal(g.scan('jane@example.com')[0].action, 'allow');
    Date.now = () => start + 61_000;
    assert.equal(g.scan('jane@example.com')[0].action, 'ask');
    // A request prepared after the time is up is filtered again (Node: nobody to ask).
    const r = await g.requestConsent('to jane@example.com', {});
    assert.equal(r.text, 'to [EMAIL_ADDRESS_1]');
  } finally {
    Date.now = realNow;
  }
});

test('JSON and streamed SSE responses are restored, placeholders split across events', async () => {
  const g = await createGuard({ policy: ASK });
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

test('options are checked: unknown keys, presets and policy fields are errors naming what is wrong', async () => {
  await assert.rejects(createGuard({ colour: 'red' }), PiiAirlockConfigError);
  await assert.rejects(createGuard({ policy: 'ask' }), (e) => e instanceof PiiAirlockConfigError && /unknown preset "ask"/.test(e.message));
  await assert.rejects(createGuard({ consent: 'maybe' }), PiiAirlockConfigError);
  // Engine settings live in the policy now, not in the options.
  await assert.rejects(createGuard({ countries: ['DE'] }), /unknown option `countries`/);
  // A policy error carries its stable kind and the field's path beside the message.
  const bad = async (policy, path, kind) => assert.rejects(createGuard({ policy }),
    (e) => e instanceof PiiAirlockConfigError && e.message.startsWith(`${path}: `) && e.path === path && e.kind === kind, path);
  await bad({ version: 1, countries: ['Atlantis'] }, 'countries[0]', 'unknown-country');
  await bad({ version: 1, extends: 'gdpr', actions: { EMAIL_ADRESS: 'mask' } }, 'actions.EMAIL_ADRESS', 'unknown-entity');
  await bad({ version: 1, categories: { contact: 'shred' } }, 'categories.contact', 'unknown-value');
  await bad({ version: 1, minScore: 2 }, 'minScore', 'out-of-range');
  await bad({ extends: 'gdpr', version: 2 }, 'version', 'version');
  await bad({ version: 1, deny: { patterns: ['(x'] } }, 'deny.patterns[0]', 'bad-pattern');
  await assert.rejects(createGuard({ policy: 42 }), PiiAirlockConfigError);
  const g = await createGuard({ policy: ASK, endpoints: ['https://api.example/'], paths: ['query'], openai: false });
  assert.equal(g.matches('https://api.example/search'), true);
  assert.equal(g.matches('https://llm.example/v1/chat/completions'), false);
  const out = await g.guardBody(JSON.stringify({ query: 'find jane@example.com', messages: 'ignored' }));
  assert.deepEqual(JSON.parse(out), { query: 'find [EMAIL_ADDRESS_1]', messages: 'ignored' });
  assert.throws(() => g.attach({}), /needs a browser/);
});

test('a blocked request is announced with a "blocked" event', async () => {
  const g = await createGuard({ policy: ASK, consent: 'block' });
  const seen = [];
  g.addEventListener('blocked', (e) => seen.push(e.detail.reason));
  const { calls, fetchImpl } = recorder();
  await assert.rejects(g.guardFetch(fetchImpl)(URL_, { method: 'POST', body: chat('jane@example.com') }));
  await assert.rejects(g.guardFetch(fetchImpl)(URL_, { method: 'POST', body: new URLSearchParams({ q: 'hi' }) }));
  // A form is checked, not rewritten: one whose text holds a finding is refused.
  const form = new FormData();
  form.append('prompt', 'jane@example.com');
  await assert.rejects(g.guardFetch(fetchImpl)(URL_, { method: 'POST', body: form }));
  assert.deepEqual(seen, ['cancelled', 'body-type', 'payload']);
  assert.equal(calls.length, 0);
});

test('receipts are kept only with a retention, without values, and expire', async () => {
  const map = new Map();
  const storage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) };
  const g = await createGuard({ receipts: { retentionDays: 30, storage } });
  const before = Date.now();
  await g.requestConsent('mail jane@example.com');
  await g.requestConsent('nothing personal here');
  await g.requestConsent('call +44 20 7946 0958');
  const stored = map.get('pii-airlock:receipts');
  assert.ok(!stored.includes('jane') && !stored.includes('7946'), stored);
  // The core's receipts as issued: gdpr pseudonymized without asking, one receipt per text
  // with findings, each chained to the one before.
  const kept = g.receipts();
  assert.deepEqual(kept.map((r) => r.decisions.map((d) => [d.entity, d.action, d.decidedBy])),
    [[['EMAIL_ADDRESS', 'pseudonymize', 'policy']], [['PHONE_NUMBER', 'pseudonymize', 'policy']]]);
  assert.equal(kept[0].policyId, 'gdpr');
  assert.equal(kept[1].prevHash, kept[0].hash);
  assert.ok(kept[0].timeMs >= before && kept[0].timeMs <= Date.now());
  assert.match(kept[0].id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(kept[0].id, kept[1].id);
  // A receipt older than the retention is dropped.
  map.set('pii-airlock:receipts', JSON.stringify([{ ...kept[0], timeMs: Date.now() - 31 * 86_400_000 }, ...JSON.parse(stored)]));
  assert.equal(g.receipts().length, 2);
  assert.equal(JSON.parse(map.get('pii-airlock:receipts')).length, 2);
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

/** An SSE response whose events cut `answer` every 4 characters and network chunks every 7 bytes. */
function sseOf(answer) {
  let text = '';
  for (let i = 0; i < answer.length; i += 4) {
    text += `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: answer.slice(i, i + 4) } }] })}\n\n`;
  }
  const bytes = new TextEncoder().encode(`${text}data: [DONE]\n\n`);
  return new Response(new ReadableStream({
    start(ctl) {
      for (let i = 0; i < bytes.length; i += 7) ctl.enqueue(bytes.slice(i, i + 7));
      ctl.close();
    },
  }), { headers: { 'content-type': 'text/event-stream' } });
}

async function sseText(res) {
  let text = '';
  for (const ev of (await res.text()).split('\n\n')) {
    const d = ev.startsWith('data: ') ? ev.slice(6) : '';
    if (d && d !== '[DONE]') text += JSON.parse(d).choices[0].delta.content ?? '';
  }
  return text;
}

test('presets by name: gdpr sends placeholders without asking and restores the SSE answer; strict blocks a secret', async () => {
  let asked = 0;
  const gdpr = await createGuard({ policy: 'gdpr', consent: () => { asked++; return 'cancelled'; } });
  assert.equal(gdpr.policyId, 'gdpr');
  const { calls, fetchImpl } = recorder((init) => {
    const content = JSON.parse(init.body).messages[0].content;
    return sseOf(`Noted: ${content.match(/\[[A-Z_]+_\d+\]/g).join(' and ')}.`);
  });
  const text = 'mail jane@example.com, card 4111 1111 1111 1111';
  const res = await gdpr.guardFetch(fetchImpl)(URL_, { method: 'POST', body: chat(text, { stream: true }) });
  assert.equal(asked, 0, 'gdpr settles e-mail and card itself');
  assert.equal(JSON.parse(calls[0].body).messages[0].content, 'mail [EMAIL_ADDRESS_1], card [CREDIT_CARD_1]');
  assert.equal(await sseText(res), 'Noted: jane@example.com and 4111 1111 1111 1111.');

  // strict: a secret blocks the whole request before anyone is asked; nothing leaves.
  const strict = await createGuard({ policy: 'strict', consent: () => { asked++; return 'redacted'; } });
  const blocked = [];
  strict.addEventListener('blocked', (e) => blocked.push(e.detail.reason));
  // Stripe's documented test key.
  const key = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
  const s = recorder();
  await assert.rejects(strict.guardFetch(s.fetchImpl)(URL_, { method: 'POST', body: chat(`my key ${key}`) }),
    (e) => e instanceof PiiAirlockBlockedError && e.reason === 'policy-block' && !e.message.includes(key));
  assert.deepEqual([s.calls.length, asked, blocked], [0, 0, ['policy-block']]);
  assert.throws(() => strict.redact(`my key ${key}`), { reason: 'policy-block' });
  // Without the secret, strict redacts without a type and nothing is restorable.
  await strict.guardFetch(s.fetchImpl)(URL_, { method: 'POST', body: chat('mail jane@example.com') });
  assert.equal(JSON.parse(s.calls[0].body).messages[0].content, 'mail [REDACTED]');
  assert.equal(strict.allowAsTyped, false);
});

test('synthesize: a realistic surrogate goes out and is restored in a streamed answer', async () => {
  const policy = { version: 1, extends: 'gdpr', actions: { EMAIL_ADDRESS: 'synthesize', PHONE_NUMBER: 'synthesize' } };
  const g = await createGuard({ policy });
  let sent;
  const f = g.guardFetch(async (_u, init) => {
    sent = JSON.parse(init.body).messages[0].content;
    return sseOf(`Writing to ${sent.split(' ')[1]} now, then calling ${sent.split(' or ')[1]}.`);
  });
  const res = await f(URL_, { method: 'POST', body: chat('mail jane@example.com or +44 20 7946 0958', { stream: true }) });
  const [, email] = sent.split(' ');
  assert.notEqual(email, 'jane@example.com');
  assert.match(email, /^[^@\s]+@[^@\s]+\.[a-z]+$/, 'an e-mail address, not a placeholder');
  assert.ok(!sent.includes('jane') && !sent.includes('7946 0958') && !sent.includes('['), sent);
  // The surrogate is found by the engine as the same type: it looks real to the model.
  assert.deepEqual(g.scan(sent).map((x) => x.entity), ['EMAIL_ADDRESS', 'PHONE_NUMBER']);
  assert.equal(await sseText(res), 'Writing to jane@example.com now, then calling +44 20 7946 0958.');
  assert.equal(g.lastReceipt.decisions[0].action, 'synthesize');
});

test('the name list is loaded from dist/ and hands PERSON to the engine; without it names are off, patterns still work', async () => {
  const g = await createGuard({ policy: ASK });
  assert.equal(g.namesAvailable, true);
  // No cue word ("ask X" is evidence of a name even without the list).
  const text = 'Maria Schneider sent jane@example.com';
  assert.deepEqual(g.scan(text).map((f) => [f.entity, text.slice(f.start, f.end)]),
    [['PERSON', 'Maria Schneider'], ['EMAIL_ADDRESS', 'jane@example.com']]);
  const without = await createGuard({ policy: ASK, gazetteer: false });
  assert.equal(without.namesAvailable, false);
  assert.deepEqual(without.scan(text).map((f) => f.entity), ['EMAIL_ADDRESS']);
  // A list that cannot be read is reported, never a reason to send the text unchecked.
  const missing = await createGuard({ gazetteer: '/nonexistent/gazetteer.txt' });
  assert.equal(missing.namesAvailable, false);
  assert.equal(missing.redact('mail jane@example.com'), 'mail [EMAIL_ADDRESS_1]');
  // Bytes in the wrong format are a configuration error.
  await assert.rejects(createGuard({ gazetteer: new TextEncoder().encode('b\tf\na\tf\n') }), PiiAirlockConfigError);
});

test('gdpr asks only about special categories; the answer applies to them, the rest follows the policy', async () => {
  const seen = [];
  const answers = ['redacted', 'as-typed'];
  const g = await createGuard({ policy: 'gdpr', consent: (req) => { seen.push(req.items); return answers.shift(); } });
  const text = 'I was diagnosed with diabetes last year, mail jane@example.com';
  const first = await g.requestConsent(text);
  assert.deepEqual(seen[0], [{ entity: 'HEALTH_DATA', value: 'diabetes', field: 'text', effect: 'replace' }]);
  assert.equal(first.text, 'I was diagnosed with [HEALTH_DATA_1] last year, mail [EMAIL_ADDRESS_1]');
  assert.deepEqual(first.receipt.decisions.map((d) => [d.entity, d.action, d.decidedBy]),
    [['HEALTH_DATA', 'pseudonymize', 'user'], ['EMAIL_ADDRESS', 'pseudonymize', 'policy']]);
  // "Send as typed" (gdpr permits it) covers what was asked, recorded as the user's decision;
  // the address, which the policy pseudonymizes without asking, stays replaced.
  const second = await g.requestConsent(text);
  assert.equal(second.text, 'I was diagnosed with diabetes last year, mail [EMAIL_ADDRESS_1]');
  assert.deepEqual(second.receipt.decisions.map((d) => [d.action, d.decidedBy]), [['allow', 'user'], ['pseudonymize', 'policy']]);
  assert.equal(second.receipt.prevHash, first.receipt.hash);
  // Nothing to ask: no question at all.
  const third = await g.requestConsent('mail jane@example.com');
  assert.deepEqual([third.asked, third.text, seen.length], [false, 'mail [EMAIL_ADDRESS_1]', 2]);
});
