// A trap inside the wasm module poisons every guard made by createGuard: later scans throw and
// requests are blocked instead of being sent unfiltered. (Own file: node --test runs each file
// in its own process, so the poisoned module does not leak into other tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard } from '../../pkg/node.js';
import { isPoisoned, PiiAirlockPoisonedError } from '../../pkg/guard.js';

test('after a trap, createGuard guards refuse and block', async () => {
  const healthy = await createGuard({ policy: 'gdpr' });
  const victim = await createGuard({ policy: 'gdpr' });
  const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'mail jane.doe@example.com' }] });
  const ok = await healthy.guardBody(body);
  assert.ok(!JSON.stringify(ok).includes('jane.doe@example.com'));

  // Corrupt the core's handle: the Rust side reads out of bounds and traps.
  victim.core.__wbg_ptr = 0x7ffffff0;
  assert.throws(() => victim.scan('mail jane.doe@example.com'), PiiAirlockPoisonedError);
  assert.equal(isPoisoned(), true);

  // The healthy guard shares the module: it refuses too, and a request is blocked, not sent.
  assert.throws(() => healthy.scan('mail jane.doe@example.com'), PiiAirlockPoisonedError);
  await assert.rejects(healthy.guardBody(body), (e) => e.name === 'PiiAirlockBlockedError');
  let sent = false;
  const fetchGuarded = healthy.guardFetch(async () => { sent = true; return new Response('{}'); });
  await assert.rejects(fetchGuarded('https://api.openai.com/v1/chat/completions', { method: 'POST', body }),
    (e) => e.name === 'PiiAirlockBlockedError');
  assert.equal(sent, false);
});
