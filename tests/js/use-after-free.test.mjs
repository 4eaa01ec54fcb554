// Using a package object after it was freed (a scanner after `free()`, a guard after `dispose()`,
// an `Airlock` after `free()`) is the caller's mistake, not a trap: that caller gets a clear
// error, and the module is not poisoned, so every other scanner and guard keeps working.
// (Own file: node --test runs each file in its own process; a poisoned module would not leak.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Airlock, createGuard, createScanner } from '../../pkg/node.js';
import { guard, isPoisoned, PiiAirlockFreedError } from '../../pkg/guard.js';

const TEXT = 'mail jane.doe@example.com';
const freed = (e) => e instanceof PiiAirlockFreedError && /freed/.test(e.message);

/** The other objects still scan, and a guard still redacts a request. */
async function stillWorks(scanner, g) {
  assert.equal(isPoisoned(), false);
  assert.deepEqual(scanner.scan(TEXT).map((f) => f.entity), ['EMAIL_ADDRESS']);
  assert.deepEqual(g.scan(TEXT).map((f) => f.entity), ['EMAIL_ADDRESS']);
  const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: TEXT }] });
  const out = await g.guardBody(body);
  assert.ok(!JSON.stringify(out).includes('jane.doe@example.com'));
}

test('a scanner used after free() throws a clear error and poisons nothing', async () => {
  const other = await createScanner();
  const g = await createGuard({ policy: 'gdpr' });
  const s = await createScanner();
  s.free();
  assert.throws(() => s.scan(TEXT), freed);
  assert.throws(() => s.scan(TEXT), freed);
  // A second free is harmless.
  s.free();
  await stillWorks(other, g);
});

test('a guard used after dispose() throws a clear error and poisons nothing', async () => {
  const other = await createScanner();
  const g = await createGuard({ policy: 'gdpr' });
  const gone = await createGuard({ policy: 'gdpr' });
  gone.dispose();
  assert.throws(() => gone.scan(TEXT), freed);
  assert.throws(() => gone.redact(TEXT), freed);
  await stillWorks(other, g);
});

test('a guarded Airlock used after free() throws a clear error and poisons nothing', async () => {
  const other = await createScanner();
  const g = await createGuard({ policy: 'gdpr' });
  const a = guard(new Airlock());
  a.free();
  assert.throws(() => a.scan(TEXT), freed);
  a.free();
  await stillWorks(other, g);
});
