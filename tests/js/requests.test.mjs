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
    // The providers' other endpoints that carry the user's text.
    ['https://api.openai.com/v1/embeddings', { model: 'text-embedding-3-small', input: [`mail ${EMAIL}`, 'x'] }],
    ['https://api.openai.com/v1/moderations', { input: [{ type: 'text', text: `mail ${EMAIL}` }] }],
    ['https://api.openai.com/v1/audio/speech', { model: 'tts-1', voice: 'alloy', input: `mail ${EMAIL}` }],
    ['https://api.openai.com/v1/threads/thread_1/messages', { role: 'user', content: `mail ${EMAIL}` }],
    ['https://api.openai.com/v1/conversations', { items: [{ type: 'message', role: 'user', content: `mail ${EMAIL}` }] }],
    ['https://api.anthropic.com/v1/messages/count_tokens', { model: 'claude', messages: [{ role: 'user', content: `mail ${EMAIL}` }] }],
    ['https://api.anthropic.com/v1/messages/batches', { requests: [{ custom_id: 'r1', params: { model: 'claude', max_tokens: 9, messages: [{ role: 'user', content: `mail ${EMAIL}` }] } }] }],
    ['https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:embedContent', { content: { parts: [{ text: `mail ${EMAIL}` }] } }],
    ['https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:countTokens', { contents: [{ parts: [{ text: `mail ${EMAIL}` }] }] }],
    ['http://localhost:11434/api/embed', { model: 'nomic-embed-text', input: [`mail ${EMAIL}`] }],
    ['https://api.cohere.com/v1/chat', { message: `mail ${EMAIL}`, chat_history: [{ role: 'USER', message: 'hi' }] }],
    ['https://api.cohere.com/v2/rerank', { model: 'rerank-v3.5', query: `mail ${EMAIL}`, documents: ['a', 'b'] }],
    ['https://api.cohere.com/v2/embed', { model: 'embed-v4.0', texts: [`mail ${EMAIL}`], input_type: 'search_document' }],
    ['https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse',
      { system: [{ text: 'be brief' }], messages: [{ role: 'user', content: [{ text: `mail ${EMAIL}` }] }] }],
  ];
  for (const [url, body] of cases) {
    assert.ok(g.matches(url), url);
    await f(url, { method: 'POST', headers: json, body: JSON.stringify(body) });
  }
  assert.equal(calls.length, cases.length);
  for (const c of calls) assert.ok(!c.body.includes(EMAIL), `${c.url}: ${c.body}`);
  // An unrelated path still passes untouched.
  assert.equal(g.matches('https://llm.example/v1/models'), false);
});

test('the default endpoints leave an app\'s own routes of the same names alone', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  assert.ok(DEFAULT_ENDPOINTS.every((e) => e instanceof RegExp));
  // Paths a forum, a chat app or an oEmbed service also serve: guarded on the provider's host
  // only (an app's proxy names itself in `endpoints`).
  for (const url of ['https://forum.example/api/v1/moderations', 'https://forum.example/api/v1/threads',
    'https://forum.example/api/v1/threads/12/messages', 'https://chat.example/api/v1/conversations/5/items',
    'https://chat.example/api/v1/chat', 'https://site.example/api/embed?url=https://v.example/1',
    'https://site.example/api/v1/embed', 'wss://app.example/v1/realtime', 'wss://app.example/api/v1/realtime?token=x',
    'https://app.example/model/42/invoke', 'https://site.example/images/generations', 'https://api.openai.com/v1/files',
    // The WebRTC call's set-up on another host is an app's own route.
    'https://app.example/v1/realtime/calls', 'https://api.anthropic.com/v1/messages/batches/b1/cancel']) {
    assert.equal(g.matches(url), false, url);
  }
  for (const url of ['https://api.openai.com/v1/moderations', 'https://api.openai.com/v1/threads/runs',
    'https://api.openai.com/v1/conversations/conv_1/items', 'https://api.cohere.ai/v1/chat', 'https://ollama.com/api/embed',
    'wss://api.openai.com/v1/realtime?model=gpt-realtime', 'https://api.openai.com/v1/realtime/client_secrets',
    'https://api.openai.com/v1/realtime/calls', 'https://api.openai.com/v1/realtime?model=gpt-realtime',
    'https://api.anthropic.com/v1/messages/batches/msgbatch_1/results',
    'wss://x.openai.azure.com/openai/realtime?api-version=2025-04-01-preview&deployment=rt',
    'https://x.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21',
    'https://generativelanguage.googleapis.com/v1beta/openai/embeddings', 'https://api.openai.com/v1/images/edits',
    'https://bedrock-runtime.eu-west-1.amazonaws.com/model/meta.llama3-70b-instruct-v1%3A0/invoke',
    'https://api.mistral.ai/v1/chat/moderations',
    // Percent-encoded paths on the provider's host, as its server would route them.
    'https://api.openai.com/v1/%6Doderations', 'https://api.cohere.com/v1/cha%74']) {
    assert.ok(g.matches(url), url);
  }
});

test('a form to a guarded endpoint goes as it was, or not at all when a text field holds a finding', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const { calls, fetchImpl } = recorder();
  const f = g.guardFetch(fetchImpl);
  const url = 'https://api.openai.com/v1/images/edits';
  const form = (prompt) => {
    const fd = new FormData();
    fd.append('model', 'gpt-image-1');
    fd.append('prompt', prompt);
    fd.append('image', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'a.png');
    return fd;
  };
  const clean = form('add a hat');
  await f(url, { method: 'POST', body: clean });
  assert.equal(calls.length, 1);
  await assert.rejects(f(url, { method: 'POST', body: form(`a card for ${EMAIL}`) }),
    { name: 'PiiAirlockBlockedError', reason: 'payload' });
  assert.equal(calls.length, 1);
  // A file that is not media may be text the form check cannot read: refused, not sent unread.
  for (const file of [new Blob([`notes: ${EMAIL}`], { type: 'text/plain' }), new Blob([`notes: ${EMAIL}`])]) {
    const fd = form('add a hat');
    fd.append('attachment', file, 'notes.txt');
    await assert.rejects(f(url, { method: 'POST', body: fd }),
      { name: 'PiiAirlockBlockedError', reason: 'body-type' });
  }
  assert.equal(calls.length, 1);
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
