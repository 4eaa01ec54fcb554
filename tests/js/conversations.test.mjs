// Conversations in one guard: a request names its conversation (the
// `x-pii-airlock-conversation` header of a fetch, or `guardBody`'s `conversation` option);
// each conversation numbers its own placeholders and gets only its own values back, also when
// it continues a history the provider keeps (`previous_response_id`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard } from '../../pkg/node.js';

const URL_ = 'https://llm.example/v1/responses';
const HEADER = 'x-pii-airlock-conversation';

// A fake provider: records what reached it and answers with `reply`.
function provider(reply) {
  const seen = [];
  const fetch = async (input, init) => {
    const req = new Request(input, init);
    seen.push({ headers: [...req.headers.keys()], body: await req.text() });
    return new Response(JSON.stringify({ output_text: reply() }), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, seen };
}

const post = (conversation, body) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(conversation ? { [HEADER]: conversation } : {}) },
  body: JSON.stringify(body),
});

test('two conversations of one guard never share placeholder numbers, and the header is not sent', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  let reply = '';
  const p = provider(() => reply);
  const f = g.guardFetch(p.fetch);
  reply = 'Noted [EMAIL_ADDRESS_1].';
  const a = await f(URL_, post('chat-a', { model: 'm', input: 'mail jane@example.com' }));
  assert.equal((await a.json()).output_text, 'Noted jane@example.com.');
  const b = await f(URL_, post('chat-b', { model: 'm', input: 'mail bob@example.org' }));
  assert.equal((await b.json()).output_text, 'Noted bob@example.org.');
  // Each conversation numbers from 1 (one vault for the guard made bob `[EMAIL_ADDRESS_2]`).
  assert.equal(JSON.parse(p.seen[0].body).input, 'mail [EMAIL_ADDRESS_1]');
  assert.equal(JSON.parse(p.seen[1].body).input, 'mail [EMAIL_ADDRESS_1]');
  assert.ok(p.seen.every((s) => !s.headers.includes(HEADER)), 'the conversation header never leaves');
});

test('previous_response_id restores with that conversation\'s values only', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  let reply = 'ok';
  const f = g.guardFetch(provider(() => reply).fetch);
  await f(URL_, post('chat-a', { model: 'm', input: 'mail jane@example.com and ann@example.net' }));
  await f(URL_, post('chat-b', { model: 'm', input: 'mail bob@example.org' }));
  // Continuations carry no value themselves: the answer quotes what the provider kept.
  reply = 'You wrote [EMAIL_ADDRESS_1] and [EMAIL_ADDRESS_2].';
  const more = { model: 'm', previous_response_id: 'resp_1', input: 'what did I write?' };
  const b = await f(URL_, post('chat-b', more));
  assert.equal((await b.json()).output_text, 'You wrote bob@example.org and [EMAIL_ADDRESS_2].');
  const a = await f(URL_, post('chat-a', more));
  assert.equal((await a.json()).output_text, 'You wrote jane@example.com and ann@example.net.');
  // A conversation that sent nothing gets nothing back.
  const c = await f(URL_, post('chat-c', more));
  assert.equal((await c.json()).output_text, reply);
});

test('guardBody takes the conversation as an option', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const body = (t) => JSON.stringify({ messages: [{ role: 'user', content: t }] });
  const a = await g.guardBody(body('jane@example.com'), { conversation: 'a' });
  const b = await g.guardBody(body('bob@example.org'), { conversation: 'b' });
  const none = await g.guardBody(body('eve@example.com'));
  assert.equal(JSON.parse(a).messages[0].content, '[EMAIL_ADDRESS_1]');
  assert.equal(JSON.parse(b).messages[0].content, '[EMAIL_ADDRESS_1]');
  assert.equal(JSON.parse(none).messages[0].content, '[EMAIL_ADDRESS_1]');
  // Forgetting a value reaches every conversation.
  assert.equal(g.forget('bob@example.org'), 1);
});

test('conversationOf tells the conversation from the URL where no header names one; a bad answer blocks', async () => {
  const g = await createGuard({ policy: 'gdpr', conversationOf: (u) => u.searchParams.get('chat') ?? undefined });
  let reply = 'Noted [EMAIL_ADDRESS_1].';
  const p = provider(() => reply);
  const f = g.guardFetch(p.fetch);
  await f(`${URL_}?chat=a`, post(null, { model: 'm', input: 'mail jane@example.com' }));
  // Conversation "b" (by URL) numbers from 1 and restores its own value, not jane's.
  const b = await f(`${URL_}?chat=b`, post(null, { model: 'm', input: 'mail bob@example.org' }));
  assert.equal(JSON.parse(p.seen[1].body).input, 'mail [EMAIL_ADDRESS_1]');
  assert.equal((await b.json()).output_text, 'Noted bob@example.org.');
  // The header wins over the URL: "a" already has jane as 1, so bob is 2 there.
  reply = 'Noted [EMAIL_ADDRESS_2].';
  const a = await f(`${URL_}?chat=b`, post('a', { model: 'm', input: 'mail bob@example.org' }));
  assert.equal(JSON.parse(p.seen[2].body).input, 'mail [EMAIL_ADDRESS_2]');
  assert.equal((await a.json()).output_text, 'Noted bob@example.org.');

  // A conversation that cannot be told is not guessed: the request is blocked, not sent.
  const bad = await createGuard({ policy: 'gdpr', conversationOf: () => 42 });
  const q = provider(() => 'x');
  await assert.rejects(bad.guardFetch(q.fetch)(URL_, post(null, { model: 'm', input: 'mail jane@example.com' })),
    (e) => e.name === 'PiiAirlockBlockedError');
  assert.equal(q.seen.length, 0);
  await assert.rejects(createGuard({ conversationOf: 'chat' }), { name: 'PiiAirlockConfigError' });
});
