// Strings cross into wasm through the glue's passStringToWasm0, which scripts/patch-glue.mjs
// replaces (long strings go to TextEncoder.encodeInto at once, short ones keep the JS loop).
// These texts sit on every edge of that code: both sides of the 64-character switch, a
// multi-byte or astral character where the first encodeInto runs out of room, lone surrogates,
// Latin-1-only text, megabyte strings. The engine must see exactly the text JS holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Airlock } from '../../pkg/node.js';

const require = createRequire(import.meta.url);
const glue = require.resolve('../../pkg/dist/node/pii_airlock.js');
const EMAIL = 'jane.doe@example.com';

// Deterministic shapes: filler made of `unit`, the email at `at` units in, more filler after.
function* texts() {
  const units = ['a', 'é', 'ł', '€', '😀', '\ud800', '\udc00', ' '];
  for (const len of [0, 1, 31, 62, 63, 64, 65, 66, 100, 1000, 70000]) {
    for (const unit of units) {
      for (const where of ['start', 'middle', 'end']) {
        const fill = (n) => (unit.length === 2 ? unit.repeat(Math.ceil(n / 2)) : unit.repeat(n)).slice(0, n);
        const before = where === 'start' ? '' : where === 'middle' ? fill(len >> 1) : fill(len);
        const after = where === 'start' ? fill(len) : where === 'middle' ? fill(len - (len >> 1)) : '';
        yield { name: `${len}×${JSON.stringify(unit)} ${where}`, text: `${before} ${EMAIL} ${after}` };
      }
    }
  }
  // An ASCII run just longer than the switch, then one character of each width right where a
  // buffer of text.length bytes runs out.
  for (const tail of ['é', '€', '😀', '\ud83d']) {
    for (let n = 60; n < 72; n++) yield { name: `ascii ${n} + ${JSON.stringify(tail)}`, text: `${'x'.repeat(n)} ${EMAIL} ${tail}${tail}` };
  }
}

test('the engine sees exactly the text JS holds, whatever its length and characters', () => {
  const a = new Airlock();
  for (const { name, text } of texts()) {
    const found = a.scan(text).filter((f) => f.entity === 'EMAIL_ADDRESS');
    assert.equal(found.length, 1, name);
    assert.equal(text.slice(found[0].start, found[0].end), EMAIL, name);
    // Out and back: what wasm returns is the text with its one replacement undone. Lone
    // surrogates cannot be UTF-8: they come back as U+FFFD, as TextEncoder writes them.
    const redacted = a.redact(text);
    assert.ok(!redacted.includes(EMAIL), name);
    assert.equal(a.restore(redacted), text.toWellFormed(), name);
  }
});

test('megabyte strings cross whole, ASCII-only and mixed', () => {
  const a = new Airlock();
  const ascii = 'lorem ipsum dolor sit amet '.repeat(40000);
  for (const text of [`${ascii}${EMAIL}`, `${ascii}Zoë ${EMAIL} ${ascii}`, `€${ascii}${EMAIL}😀`]) {
    const found = a.scan(text).filter((f) => f.entity === 'EMAIL_ADDRESS');
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), EMAIL);
    assert.equal(a.restore(a.redact(text)), text);
  }
});

test('the package carries the patched glue', () => {
  assert.match(readFileSync(glue, 'utf8'), /pii-airlock \(scripts\/patch-glue\.mjs\)/);
});
