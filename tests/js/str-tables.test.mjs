// The string tables scripts/pack-str-tables.mjs moves out of a module's data (the word lists'
// (pointer, length) pairs) come back byte for byte when the glue restores them, on a module made
// here and on the two shipped ones; the shipped glue restores them before any Rust code runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataImage, pack, restoreStrTables, SECTION } from '../../scripts/pack-str-tables.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const leb = (v) => {
  const out = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
};
const section = (id, body) => [id, ...leb(body.length), ...body];

/** A module exporting its memory, with one active data segment of `data` at `at`. */
function moduleWith(data, at) {
  const name = [...new TextEncoder().encode('memory')];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(5, [1, 0, 1]),
    ...section(7, [1, ...leb(name.length), ...name, 2, 0]),
    ...section(11, [1, 0, 0x41, ...leb(at), 0x0b, ...leb(data.length), ...data]),
  ]);
}

test('a table of strings is zeroed in the data and restored byte for byte', async () => {
  const at = 1024;
  const text = new TextEncoder().encode('alphabetagammadeltaépsilon');
  const data = new Uint8Array(200);
  data.set(text, 0);
  // Bytes before and after the table that are not strings, and a pair pointing back at "beta"
  // (not where the string before ended), and a two-byte character.
  data.set([7, 7, 7, 7], 28);
  const words = [[0, 5], [5, 4], [9, 5], [14, 5], [5, 4], [19, 8]];
  const view = new DataView(data.buffer);
  words.forEach(([off, len], k) => {
    view.setUint32(32 + 8 * k, at + off, true);
    view.setUint32(36 + 8 * k, len, true);
  });
  data.set([9, 9, 9, 9], 32 + 8 * words.length);
  const original = moduleWith(data, at);

  const { bytes, pairs, runs } = pack(original);
  assert.equal(pairs, words.length);
  assert.equal(runs, 1);
  const module = new WebAssembly.Module(bytes);
  assert.equal(WebAssembly.Module.customSections(module, SECTION).length, 1);
  const { exports } = await WebAssembly.instantiate(module);
  const memory = new Uint8Array(exports.memory.buffer);
  // Instantiated, the table is zeros; the text and the other bytes are there.
  assert.deepEqual([...memory.subarray(at + 32, at + 32 + 8 * words.length)], new Array(8 * words.length).fill(0));
  assert.deepEqual([...memory.subarray(at, at + text.length)], [...text]);
  restoreStrTables(module, exports.memory);
  assert.deepEqual([...memory.subarray(at, at + data.length)], [...data]);
  // A module without the section is left alone.
  const plain = await WebAssembly.instantiate(new WebAssembly.Module(original));
  restoreStrTables(new WebAssembly.Module(original), plain.exports.memory);
  assert.deepEqual([...new Uint8Array(plain.exports.memory.buffer).subarray(at, at + data.length)], [...data]);
});

test('a table of (string, tag) triples next to a table of strings is restored byte for byte', async () => {
  // `&[(&str, u8)]`: a pointer, a length and a small tag per entry, twelve bytes each; beside
  // it a plain table of strings, and a triple whose tag is too large to pack (it ends the run).
  const at = 4096;
  const text = new TextEncoder().encode('herrfraudrprofmadamemonsieur');
  const data = new Uint8Array(256);
  data.set(text, 0);
  const view = new DataView(data.buffer);
  const triples = [[0, 4, 1], [4, 4, 2], [8, 2, 1], [10, 4, 7], [14, 6, 255], [20, 8, 300]];
  triples.forEach(([off, len, tag], k) => {
    view.setUint32(32 + 12 * k, at + off, true);
    view.setUint32(36 + 12 * k, len, true);
    view.setUint32(40 + 12 * k, tag, true);
  });
  const plain = [[20, 8], [0, 4], [14, 6]];
  plain.forEach(([off, len], k) => {
    view.setUint32(128 + 8 * k, at + off, true);
    view.setUint32(132 + 8 * k, len, true);
  });
  const original = moduleWith(data, at);
  const { bytes, pairs, runs } = pack(original);
  assert.equal(runs, 2);
  assert.equal(pairs, 5 + plain.length);
  const module = new WebAssembly.Module(bytes);
  const { exports } = await WebAssembly.instantiate(module);
  const memory = new Uint8Array(exports.memory.buffer);
  // The five packed triples are zeros, the sixth (tag 300) is still there.
  assert.deepEqual([...memory.subarray(at + 32, at + 32 + 60)], new Array(60).fill(0));
  assert.equal(new DataView(exports.memory.buffer).getUint32(at + 32 + 60 + 8, true), 300);
  restoreStrTables(module, exports.memory);
  assert.deepEqual([...memory.subarray(at, at + data.length)], [...data]);
});

for (const [name, wasm, glues] of [
  ['full', 'pkg/dist/web/pii_airlock_bg.wasm', ['pkg/dist/web/pii_airlock.js', 'pkg/dist/node/pii_airlock.js']],
  ['first', 'pkg/dist/web/scanner/pii_airlock_scan_bg.wasm',
    ['pkg/dist/web/scanner/pii_airlock_scan.js', 'pkg/dist/node/scanner/pii_airlock_scan.js']],
]) {
  test(`the ${name} module ships its word lists packed, and its glue restores them first`, () => {
    const module = new WebAssembly.Module(readFileSync(join(root, wasm)));

    const [packed] = WebAssembly.Module.customSections(module, SECTION);
    assert.ok(packed && packed.byteLength > 5000, 'the tables are in the custom section');
    // Restored into the module's data image, each pair written points at printable text, and
    // the names pass's words are among them.
    const bytes = readFileSync(join(root, wasm));
    const image = dataImage(bytes);
    const before = image.slice();
    restoreStrTables(module, { buffer: image.buffer });
    const view = new DataView(image.buffer);
    const words = new Set();
    let pairs = 0;
    // A table starts with a pointer, which the restore changes (it was zeroed, and no string
    // lies at 0): from each changed word on, pairs; a changed word right after a pair is the
    // tag of a (pointer, length, tag) triple, under 256.
    let tags = 0;
    for (let i = 0, pairEnd = -1; i + 8 <= image.length; i += 4) {
      if (image.subarray(i, i + 4).every((b, k) => b === before[i + k])) continue;
      if (i === pairEnd && view.getUint32(i, true) < 256) {
        tags++;
        continue;
      }
      pairEnd = i + 8;
      const ptr = view.getUint32(i, true);
      const len = view.getUint32(i + 4, true);
      const text = image.subarray(ptr, ptr + len);
      assert.ok(text.every((b) => b >= 0x20 && b !== 0x7f), `pair at ${i} points at text`);
      words.add(new TextDecoder().decode(text));
      pairs++;
      i += 4;
    }
    assert.ok(pairs > 5000, `${pairs} pairs restored`);
    assert.ok(tags > 100, `${tags} tags restored`);
    for (const w of ['herrn', 'frau', 'straße']) assert.ok(words.has(w), `${w} is in a restored table`);
    let glued = 0;
    for (const glue of glues) {
      const js = readFileSync(join(root, glue), 'utf8');
      const restore = js.indexOf('restoreStrTables(');
      const call = js.indexOf('restoreStrTables(', restore + 1);
      const start = js.indexOf('__wbindgen_start()', js.indexOf('restoreStrTables(module') >= 0 ? js.indexOf('restoreStrTables(module') : js.indexOf('restoreStrTables(wasmModule'));
      assert.ok(restore >= 0 && call >= 0, `${glue} restores the tables`);
      assert.ok(start > call, `${glue} restores them before __wbindgen_start`);
      glued++;
    }
    assert.equal(glued, 2);
  });
}
