// The name list as the package ships it (dist/gazetteer.bin, front-coded by
// scripts/pack-gazetteer.mjs from data/gazetteer.txt) finds exactly what the text list finds, in
// both modules; the packer refuses what the text format cannot hold; the shipped file is the
// packed form of today's text and smaller under gzip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pack } from '../../scripts/pack-gazetteer.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const full = require('../../pkg/dist/node/pii_airlock.js');
const first = require('../../pkg/dist/node/scanner/pii_airlock_scan.js');

const text = readFileSync(join(root, 'data/gazetteer.txt'));
const packed = pack(text.toString('utf8'));

/** Texts with many names and places: the names data sets' sentences and the repository's prose. */
function inputs() {
  const out = [];
  const data = join(root, 'tests/data');
  for (const f of readdirSync(data).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(data, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
      // The held-out part of the names evaluation is never read here.
      if (typeof row.text === 'string' && row.split !== 'heldout') out.push(row.text);
    }
  }
  out.push(readFileSync(join(root, 'README.md'), 'utf8'), readFileSync(join(root, 'docs/names.md'), 'utf8'));
  return out;
}

test('the packed list finds what the text list finds, in the full module and in the first', () => {
  const texts = inputs();
  assert.ok(texts.length > 1000, `only ${texts.length} texts`);
  for (const [name, Engine] of [['full', full.Airlock], ['first', first.Scanner]]) {
    const fromText = new Engine({ gazetteer: new Uint8Array(text) });
    const fromPacked = new Engine({ gazetteer: new Uint8Array(packed) });
    let names = 0;
    for (const t of texts) {
      const expected = fromText.scan(t);
      names += expected.filter((f) => f.entity === 'PERSON' || f.entity === 'LOCATION').length;
      assert.deepEqual(fromPacked.scan(t), expected, `${name}: ${t.slice(0, 60)}`);
    }
    // The list must have been in use: a comparison without names would prove nothing.
    assert.ok(names > 1000, `${name}: only ${names} names found`);
    fromText.free();
    fromPacked.free();
  }
});

test('a damaged packed list is refused, never read as an empty one', () => {
  const cut = packed.subarray(0, packed.length - 7);
  assert.throws(() => new full.Airlock({ gazetteer: new Uint8Array(cut) }), { name: 'PiiAirlockConfigError', message: /damaged/ });
  assert.throws(() => new first.Scanner({ gazetteer: new Uint8Array(cut) }), { name: 'PiiAirlockConfigError', message: /damaged/ });
});

test('the packer refuses what the text format cannot hold, naming the line', () => {
  assert.throws(() => pack('b\tf\na\tf\n'), /line 2: not sorted/);
  assert.throws(() => pack('a\tf\na\tl\n'), /line 2: not sorted/);
  assert.throws(() => pack('a\tq\n'), /line 1: unknown flag/);
  assert.throws(() => pack('a\n'), /line 1: no word/);
  assert.throws(() => pack('a\u0001b\tf\n'), /line 1: a control character/);
  // Flags in any order, none at all, and words sharing more than 255 bytes.
  const long = 'x'.repeat(300);
  const list = `${long}a\twf\n${long}b\t\n`;
  const back = new full.Airlock({ gazetteer: new Uint8Array(pack(list)) });
  back.free();
});

test('the shipped list is the packed form of data/gazetteer.txt, and smaller', () => {
  const shipped = readFileSync(join(root, 'pkg/dist/gazetteer.bin'));
  assert.ok(shipped.equals(packed), 'pkg/dist/gazetteer.bin is stale: run scripts/build-wasm.sh');
  const gz = (b) => gzipSync(b, { level: 9 }).length;
  assert.ok(gz(packed) < gz(text) * 0.8, `packed ${gz(packed)} against text ${gz(text)} bytes gzip`);
});
