// Hostile input through the Node package, and failing closed when the wasm module traps.
// (Each test file runs in its own process under `node --test`, so poisoning here does not
// leak into other test files.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Airlock } from '../../pkg/node.js';
import { guard, isPoisoned, PiiAirlockPoisonedError } from '../../pkg/guard.js';

test('lone surrogates from JavaScript keep offsets on the right characters', () => {
  const a = new Airlock();
  const text = 'x\uD800 mail jane.doe@example.com \uDC00\uDC00 call +44 20 7946 0958 \uD83D';
  const found = a.scan(text);
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['jane.doe@example.com', '+44 20 7946 0958']);
  const redacted = a.redact(text);
  assert.ok(!redacted.includes('jane.doe@example.com'));
  assert.equal(a.restore(redacted).replace(/\uFFFD/g, '?'), text.replace(/[\uD800-\uDFFF]/g, '?'));
});

test('NUL, right-to-left and combining characters: offsets in UTF-16 units', () => {
  const a = new Airlock();
  const text = '\u202Eשלום\0 e\u0301 😀 jane.doe@example.com 👩‍👩‍👧 4111 1111 1111 1111\0';
  const found = a.scan(text);
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['jane.doe@example.com', '4111 1111 1111 1111']);
});

test('a 1-million-character token and deeply nested JSON do not throw', () => {
  const a = new Airlock();
  assert.deepEqual(a.scan('7'.repeat(1_000_000)).filter((f) => f.end > 1_000_000), []);
  const nested = '{"a":['.repeat(20000) + '"jane.doe@example.com"' + ']}'.repeat(20000);
  assert.equal(a.scan(nested).length, 1);
});

test('a trap inside wasm surfaces as an error and poisons the guarded instances', () => {
  const healthy = guard(new Airlock());
  assert.equal(healthy.scan('mail jane.doe@example.com').length, 1);
  assert.equal(isPoisoned(), false);

  // Not a trap: a configuration error passes through and poisons nothing.
  assert.throws(() => guard(new Airlock({ countries: ['nowhere'] })), /country/);
  assert.equal(isPoisoned(), false);

  // A real trap in the real module: a corrupted handle makes the Rust side read out of bounds.
  const raw = new Airlock();
  const broken = guard(raw);
  raw.__wbg_ptr = 0x7ffffff0;
  assert.throws(() => broken.scan('mail jane.doe@example.com'), (e) => {
    assert.ok(e instanceof PiiAirlockPoisonedError);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
    return true;
  });
  assert.equal(isPoisoned(), true);
  // Fail closed: the healthy instance shares the module, so it refuses too.
  assert.throws(() => healthy.scan('mail jane.doe@example.com'), PiiAirlockPoisonedError);
  assert.throws(() => healthy.redact('mail jane.doe@example.com'), PiiAirlockPoisonedError);
  assert.throws(() => healthy.streamRestorer(), PiiAirlockPoisonedError);
});
