// Empties the function-table slots of wasm-bindgen's closure shims in a module whose function
// table JS cannot reach, so that the optimiser drops the shims (the first module: 43 of them,
// ~3 KB raw; docs/benchmarks.md, "Round 12 (size12)").
//
//   node scripts/drop-closure-shims.mjs MODULE.wasm   (rewritten in place; run before wasm-opt)
//
// Why they are there: js_sys's methods that take a callback describe their closure type to
// wasm-bindgen through the shim's table index, so rustc puts every such shim in the table
// (`elem`). wasm-bindgen removes the descriptions but not the table entries, and the optimiser
// cannot drop a function that sits in a table. A shim is called only by the JS glue, through
// the function table exported to JS; a module that exports no function table (the first
// module: its code passes no closure to JS) can never call one. Their slots become null
// (`ref.null func`): a `call_indirect` to a slot traps, as a call to any slot past the table
// would. The slots keep their numbers, so every other function's index is unchanged.
//
// The script refuses (exit status 1) a module that exports a function table, one without the
// function names (they tell the shims apart), and an element section other than one active
// segment of function indices into table 0 (what rustc and wasm-bindgen write today).
import { readFileSync, writeFileSync } from 'node:fs';

const SHIM = /^wasm_bindgen(\[[0-9a-f]+\])?::convert::closures::/;

function leb(b, i) {
  let r = 0;
  let s = 0;
  for (;;) {
    const x = b[i++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
    if (x < 0x80) return [r, i];
  }
}

function encodeLeb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

function fail(message) {
  console.error(`drop-closure-shims: ${message}`);
  process.exit(1);
}

/** The module's sections: id, start of the body, body. */
function sections(b) {
  const out = [];
  let i = 8;
  while (i < b.length) {
    const id = b[i];
    const [size, start] = leb(b, i + 1);
    out.push({ id, at: i, start, end: start + size });
    i = start + size;
  }
  return out;
}

function readName(b, i) {
  const [n, k] = leb(b, i);
  return [new TextDecoder().decode(b.subarray(k, k + n)), k + n];
}

/** Function index → name, from the `name` section's function names. */
function functionNames(b, secs) {
  const names = new Map();
  for (const s of secs.filter((x) => x.id === 0)) {
    const [section, body] = readName(b, s.start);
    if (section !== 'name') continue;
    let i = body;
    while (i < s.end) {
      const sub = b[i];
      const [size, start] = leb(b, i + 1);
      if (sub === 1) {
        let [count, k] = leb(b, start);
        for (; count > 0; count--) {
          let index;
          let name;
          [index, k] = leb(b, k);
          [name, k] = readName(b, k);
          names.set(index, name);
        }
      }
      i = start + size;
    }
  }
  return names;
}

const path = process.argv[2];
if (!path) fail('usage: node scripts/drop-closure-shims.mjs MODULE.wasm');
const b = readFileSync(path);
const secs = sections(b);
const exports = secs.find((s) => s.id === 7);
if (exports) {
  let [count, k] = leb(b, exports.start);
  for (; count > 0; count--) {
    let name;
    [name, k] = readName(b, k);
    const kind = b[k];
    let index;
    [index, k] = leb(b, k + 1);
    // A table export: is it the function table (table 0 in these modules)?
    if (kind === 1 && index === 0) fail(`the function table is exported (${name}): JS may call the shims`);
  }
}
const names = functionNames(b, secs);
if (names.size === 0) fail('no function names (build without stripping them)');
const elem = secs.find((s) => s.id === 9);
if (!elem) fail('no element section');
let [segments, k] = leb(b, elem.start);
if (segments !== 1 || b[k] !== 0) fail('expected one active segment of function indices (flags 0)');
// The offset expression: `i32.const N end`.
const offsetStart = k + 1;
if (b[offsetStart] !== 0x41) fail('expected a constant offset');
let offsetEnd = leb(b, offsetStart + 1)[1];
if (b[offsetEnd] !== 0x0b) fail('expected a constant offset');
offsetEnd += 1;
let count;
[count, k] = leb(b, offsetEnd);
const slots = [];
for (let n = 0; n < count; n++) {
  let f;
  [f, k] = leb(b, k);
  slots.push(f);
}
if (k !== elem.end) fail('unexpected bytes after the element segment');
const dropped = slots.filter((f) => SHIM.test(names.get(f) ?? ''));
// Flags 4: an active segment for table 0 with an offset and a vector of expressions, each
// `ref.func f end` or, for a dropped shim, `ref.null func end`.
const body = [...encodeLeb(1), 4, ...b.subarray(offsetStart, offsetEnd), ...encodeLeb(count)];
for (const f of slots) {
  if (SHIM.test(names.get(f) ?? '')) body.push(0xd0, 0x70, 0x0b);
  else body.push(0xd2, ...encodeLeb(f), 0x0b);
}
const out = Buffer.concat([
  b.subarray(0, elem.at),
  Buffer.from([9, ...encodeLeb(body.length), ...body]),
  b.subarray(elem.end),
]);
writeFileSync(path, out);
console.log(`${path}: ${dropped.length} closure shims of ${count} table slots dropped`);
