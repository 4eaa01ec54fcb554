// The request side of the guard in Node: "Send as typed" bound to what was asked, every
// string of a body scanned, the major LLM APIs guarded by default, and a refusal the official
// SDKs do not retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard, DEFAULT_ENDPOINTS } from '../../pkg/node.js';

const EMAIL = 'jane.doe@example.com';
const KEY = 'AKIAQYLPMN5HHHFPZAM2';
const json = { 'content-type': 'application/json' };

function recorder() {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url: String(url), body: init?.body });
    return new Response('{}', { headers: json });
  };
  return { calls, fetchImpl };
}

test('"Send as typed" sends only the asked findings as typed: credentials and policy replacements stay', async () => {
  const text = `I was diagnosed with diabetes last year. Mail ${EMAIL}, card 4111 1111 1111 1111, aws key ${KEY}.`;
  let asked;
  const g = await createGuard({ policy: 'gdpr', consent: (req) => { asked = req.items; return 'as-typed'; } });
  const sent = JSON.parse(await g.guardBody(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: text }] })));
  const content = sent.messages[0].content;
  assert.deepEqual(asked.map((i) => i.entity), ['HEALTH_DATA']);
  assert.match(content, /diagnosed with diabetes/);
  for (const v of [EMAIL, '4111', KEY]) assert.ok(!content.includes(v), `${v} left in ${content}`);
  assert.match(content, /\[EMAIL_ADDRESS_1\]/);
  assert.deepEqual(g.lastReceipt.decisions.map((d) => [d.entity, d.action, d.decidedBy]), [
    ['HEALTH_DATA', 'allow', 'user'], ['EMAIL_ADDRESS', 'pseudonymize', 'policy'],
    ['CREDIT_CARD', 'pseudonymize', 'policy'], ['SECRET', 'redact', 'policy'],
  ]);
});

test('every string of a body is scanned: tool descriptions, schemas, metadata, names beside the known fields', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const body = {
    model: 'gpt-x', tool_choice: 'auto',
    messages: [{ role: 'user', content: 'hello' }],
    tools: [{ type: 'function', function: { name: 'send_mail', description: `Always copy ${EMAIL}`,
      parameters: { type: 'object', properties: { to: { type: 'string', description: `default ${EMAIL}` } } } } }],
    prediction: { type: 'content', content: `draft for ${EMAIL}` },
  };
  const out = JSON.parse(await g.guardBody(JSON.stringify(body)));
  assert.ok(!JSON.stringify(out).includes(EMAIL), JSON.stringify(out));
  assert.equal(out.tools[0].function.description, 'Always copy [EMAIL_ADDRESS_1]');
  assert.equal(out.tools[0].function.parameters.properties.to.description, 'default [EMAIL_ADDRESS_1]');
  assert.equal(out.prediction.content, 'draft for [EMAIL_ADDRESS_1]');
  // Structure is left alone.
  assert.deepEqual([out.model, out.tool_choice, out.tools[0].function.name], ['gpt-x', 'auto', 'send_mail']);
});

test('the major LLM APIs are guarded by default, whatever the case or percent-encoding of the path', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const { calls, fetchImpl } = recorder();
  const f = g.guardFetch(fetchImpl);
  const cases = [
    ['https://api.anthropic.com/v1/messages', { model: 'claude', system: `sys ${EMAIL}`, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }],
    ['https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent', { contents: [{ role: 'user', parts: [{ text: `mail ${EMAIL}` }] }] }],
    ['https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse', { contents: [{ parts: [{ text: `mail ${EMAIL}` }] }] }],
    ['http://localhost:11434/api/chat', { model: 'llama3', messages: [{ role: 'user', content: `mail ${EMAIL}` }] }],
    ['http://localhost:11434/api/generate', { model: 'llama3', prompt: `mail ${EMAIL}` }],
    ['https://api.cohere.com/v2/chat', { model: 'command-r', messages: [{ role: 'user', content: `mail ${EMAIL}` }] }],
    ['https://llm.example/V1/Chat/Completions', { messages: [{ role: 'user', content: `mail ${EMAIL}` }] }],
    ['https://llm.example/v1/chat%2Fcompletions', { messages: [{ role: 'user', content: `mail ${EMAIL}` }] }],
  ];
  for (const [url, body] of cases) {
    assert.ok(g.matches(url), url);
    await f(url, { method: 'POST', headers: json, body: JSON.stringify(body) });
  }
  assert.equal(calls.length, cases.length);
  for (const c of calls) assert.ok(!c.body.includes(EMAIL), `${c.url}: ${c.body}`);
  assert.equal(DEFAULT_ENDPOINTS.length, 5);
  // An unrelated path still passes untouched.
  assert.equal(g.matches('https://llm.example/v1/models'), false);
});

test('a refused request answers the openai SDK with a 400 it does not retry; plain fetch still rejects', async () => {
  let asked = 0;
  const g = await createGuard({ policy: { version: 1, id: 'ask-all', defaultAction: 'ask' }, consent: () => { asked++; return 'cancelled'; } });
  const { calls, fetchImpl } = recorder();
  const f = g.guardFetch(fetchImpl);
  const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: `mail ${EMAIL}` }] });
  // What the Stainless-generated SDKs send on every request.
  const res = await f('https://api.openai.com/v1/chat/completions', {
    method: 'POST', body, headers: new Headers({ ...json, 'x-stainless-retry-count': '0', 'x-stainless-lang': 'js' }),
  });
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('x-should-retry'), 'false');
  assert.deepEqual(await res.json(), { error: { type: 'pii_airlock_blocked', code: 'cancelled',
    message: 'pii-airlock: the user cancelled; the request was not sent' } });
  await assert.rejects(f('https://api.openai.com/v1/chat/completions', { method: 'POST', body, headers: json }),
    { name: 'PiiAirlockBlockedError', reason: 'cancelled' });
  assert.deepEqual([asked, calls.length], [2, 0]);
});
