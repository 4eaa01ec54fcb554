// A trap inside the Rust browser layer itself (not the core) poisons the module too. Own file:
// poisoning is per process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard } from '../../pkg/node.js';
import { isPoisoned, PiiAirlockPoisonedError } from '../../pkg/guard.js';

test('a trap in the browser layer poisons the module; requests of other guards are blocked', async () => {
  const healthy = await createGuard({ policy: 'gdpr' });
  const victim = await createGuard({ policy: 'gdpr' });
  // Corrupt the browser layer's own handle (the Net object behind the public guard).
  const net = Object.getOwnPropertySymbols(victim).map((s) => victim[s]).find((v) => typeof v === 'object' && v !== null && '__wbg_ptr' in v);
  net.__wbg_ptr = 0x7ffffff0;
  assert.throws(() => victim.choiceFor({ entity: 'EMAIL_ADDRESS' }, 'jane@example.com'), PiiAirlockPoisonedError);
  assert.equal(isPoisoned(), true);
  assert.throws(() => healthy.scan('mail jane@example.com'), PiiAirlockPoisonedError);
  let sent = false;
  const f = healthy.guardFetch(async () => { sent = true; return new Response('{}'); });
  await assert.rejects(f('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: 'mail jane@example.com' }] }) }),
    (e) => e.name === 'PiiAirlockBlockedError' && e.reason === 'engine');
  assert.equal(sent, false);
});
