// Which values an answer gets back: only those its own request carried, numbered past every
// token the request already holds, and never after the vault's time-to-live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard } from '../../pkg/node.js';

const URL_ = 'https://llm.example/v1/chat/completions';
const chat = (messages) => JSON.stringify({ model: 'm', messages });
const answering = (content) => async () => new Response(JSON.stringify({ choices: [{ message: { content } }] }),
  { headers: { 'content-type': 'application/json' } });

test('an answer to a request without findings is not restored; one with findings is', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const quote = 'Your address is [EMAIL_ADDRESS_1].';
  const first = g.guardFetch(answering(quote));
  const res = await first(URL_, { method: 'POST', body: chat([{ role: 'user', content: 'mail jane@example.com' }]) });
  assert.equal((await res.json()).choices[0].message.content, 'Your address is jane@example.com.');
  // A later request that carried nothing personal (an injection could make the model quote
  // the token) gets no value back.
  const res2 = await first(URL_, { method: 'POST', body: chat([{ role: 'user', content: 'what was it?' }]) });
  assert.equal((await res2.json()).choices[0].message.content, quote);
});

test('a request is restored only with the values it carried, not those of another conversation', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const f = g.guardFetch(answering('[EMAIL_ADDRESS_1] and [EMAIL_ADDRESS_2]'));
  await f(URL_, { method: 'POST', body: chat([{ role: 'user', content: 'mail jane@example.com' }]) });
  const res = await f(URL_, { method: 'POST', body: chat([{ role: 'user', content: 'mail bob@example.org' }]) });
  assert.equal((await res.json()).choices[0].message.content, '[EMAIL_ADDRESS_1] and bob@example.org');
});

test('new numbers go past every placeholder the whole request holds, history included', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  // History from an earlier page life, with a token this guard never issued.
  const body = chat([
    { role: 'user', content: 'write to [EMAIL_ADDRESS_1]' },
    { role: 'assistant', content: 'Done, I wrote to [EMAIL_ADDRESS_1].' },
    { role: 'user', content: 'now bob@example.org' },
  ]);
  const out = JSON.parse(await g.guardBody(body));
  assert.equal(out.messages[2].content, 'now [EMAIL_ADDRESS_2]');
  assert.equal(g.restore('[EMAIL_ADDRESS_1], [EMAIL_ADDRESS_2]'), '[EMAIL_ADDRESS_1], bob@example.org');
});

test('the vault time-to-live holds on restore, not only when a message is sent', async () => {
  const g = await createGuard({ policy: { version: 1, extends: 'gdpr', vault: { ttlMinutes: 1 } } });
  await g.guardBody(chat([{ role: 'user', content: 'mail jane@example.com' }]));
  assert.equal(g.restore('[EMAIL_ADDRESS_1]'), 'jane@example.com');
  const now = Date.now;
  try {
    Date.now = () => now() + 2 * 60_000;
    assert.equal(g.restore('[EMAIL_ADDRESS_1]'), '[EMAIL_ADDRESS_1]');
  } finally {
    Date.now = now;
  }
});

test('a request continuing a server-side history may have earlier values restored', async () => {
  const g = await createGuard({ policy: 'gdpr' });
  const f = g.guardFetch(async () => new Response(JSON.stringify({ output_text: 'It was [EMAIL_ADDRESS_1].' }),
    { headers: { 'content-type': 'application/json' } }));
  const RESPONSES = 'https://llm.example/v1/responses';
  await f(RESPONSES, { method: 'POST', body: JSON.stringify({ model: 'm', input: 'mail jane@example.com' }) });
  const res = await f(RESPONSES, { method: 'POST', body: JSON.stringify({ model: 'm', previous_response_id: 'resp_1', input: 'which address?' }) });
  assert.equal((await res.json()).output_text, 'It was jane@example.com.');
});

/** A Storage stand-in: what localStorage offers the guard. */
function memoryStorage() {
  const m = new Map();
  return { m, getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
}

test('an encrypted vault kept across a reload keeps restoring, under the policy\'s time-to-live', async () => {
  const storage = memoryStorage();
  const key = new Uint8Array(32).fill(7);
  const policy = { version: 1, extends: 'gdpr', vault: { ttlMinutes: 1 } };
  const before = await createGuard({ policy, vault: { key, storage } });
  await before.guardBody(chat([{ role: 'user', content: 'mail jane@example.com' }]));
  const stored = storage.m.get('pii-airlock:vault');
  assert.ok(stored && !stored.includes('jane') && !Buffer.from(stored, 'hex').toString('latin1').includes('jane'));
  // The page reloads: a new guard reads the vault back.
  const after = await createGuard({ policy, vault: { key, storage } });
  assert.equal(after.restore('[EMAIL_ADDRESS_1]'), 'jane@example.com');
  // A new value goes past the stored numbering.
  const out = JSON.parse(await after.guardBody(chat([{ role: 'user', content: 'and bob@example.org' }])));
  assert.equal(out.messages[0].content, 'and [EMAIL_ADDRESS_2]');
  // Another key reads nothing (and drops the blob); past the time-to-live nothing is restored.
  const other = await createGuard({ policy, vault: { key: new Uint8Array(32).fill(8), storage: memoryStorage() } });
  assert.equal(other.restore('[EMAIL_ADDRESS_1]'), '[EMAIL_ADDRESS_1]');
  const now = Date.now;
  try {
    Date.now = () => now() + 2 * 60_000;
    const late = await createGuard({ policy, vault: { key, storage } });
    assert.equal(late.restore('[EMAIL_ADDRESS_1]'), '[EMAIL_ADDRESS_1]');
  } finally {
    Date.now = now;
  }
  // Erasure reaches the stored copy.
  const again = await createGuard({ policy, vault: { key, storage } });
  again.forget('jane@example.com');
  const reread = await createGuard({ policy, vault: { key, storage } });
  assert.equal(reread.restore('[EMAIL_ADDRESS_1] [EMAIL_ADDRESS_2]'), '[EMAIL_ADDRESS_1] bob@example.org');
  await assert.rejects(createGuard({ vault: { key: new Uint8Array(16), storage } }), { name: 'PiiAirlockConfigError' });
});
