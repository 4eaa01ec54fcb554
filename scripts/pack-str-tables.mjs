// Stores the `&[&str]` tables of an optimised .wasm in a form that compresses: the module's
// data holds each string table as a (pointer, length) pair per string, eight bytes that gzip
// barely shrinks (the names pass's word lists alone: ~5,200 pairs, ~13 KB gzip). This script
// finds those tables in the data segments, zeroes them there and writes them into a custom
// section as columns — the lengths, then each pointer as its distance from where the previous
// string ended (usually 0) or as a back reference to an earlier pair with the same string — which
// the JS glue (scripts/patch-glue.mjs, `restoreStrTables`)
// writes back into memory right after instantiating, before any Rust code runs. The memory
// the engine sees is byte for byte what the linker produced: the script decodes its own output
// and fails unless it restores the original image exactly. Nothing in the Rust source changes,
// so the word lists stay plain `const X: &[&str]` declarations.
//
// Usage: node scripts/pack-str-tables.mjs MODULE.wasm   (rewrites it in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The custom section's name; the glue looks for it. */
export const SECTION = 'pii-airlock.str-tables';

/**
 * Writes the tables stored in `module`'s custom section back into `memory` (a
 * WebAssembly.Memory or anything with a `buffer`). A module without the section is left as it
 * is. Inlined into the glue by its source text: keep it self-contained.
 */
export function restoreStrTables(module, memory) {
  const sections = WebAssembly.Module.customSections(module, 'pii-airlock.str-tables');
  if (sections.length === 0) return;
  // Runs before the page's first result, as interpreted JS: one pass over small integers (the
  // packer keeps every number under 2^30: data under 2^28), typed-array stores, no calls per
  // string.
  const src = new Uint8Array(sections[0]);
  const words = new Uint32Array(memory.buffer);
  // Typed arrays use the host's byte order, wasm memory is little-endian.
  const view = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? null : new DataView(memory.buffer);
  let at = 0;
  let shift = 0;
  let b = 0;
  let runs = 0;
  do {
    b = src[at++];
    runs |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  // Per table: its distance from the end of the one before, and its number of strings times
  // two, plus one for a table of (pointer, length, tag) triples (a tag under 256).
  const starts = new Int32Array(runs);
  const counts = new Int32Array(runs);
  let pairs = 0;
  let tagged = 0;
  let address = 0;
  for (let n = 0; n < runs; n++) {
    let gap = 0;
    shift = 0;
    do {
      b = src[at++];
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    let count = 0;
    shift = 0;
    do {
      b = src[at++];
      count |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    address += gap;
    starts[n] = address;
    counts[n] = count;
    const wide = count & 1;
    count >>= 1;
    address += count * (8 + 4 * wide);
    pairs += count;
    tagged += count * wide;
  }
  // One length byte per string, one tag byte per string of a triples table, then a LEB128
  // code per pointer: 0, where the previous string ended; odd 2d + 1, the pointer of the
  // string d + 1 before (a word in several lists); even 2z, that end plus the zigzag
  // distance z.
  let len = at;
  let tag = at + pairs;
  at += pairs + tagged;
  let end = 0;
  const ptrs = new Int32Array(pairs);
  let i = 0;
  for (let n = 0; n < runs; n++) {
    let w = starts[n] >> 2;
    const wide = counts[n] & 1;
    for (let k = counts[n] >> 1; k > 0; k--) {
      let v = 0;
      shift = 0;
      do {
        b = src[at++];
        v |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      const z = v >> 1;
      const ptr = v & 1 ? ptrs[i - 1 - z] : z & 1 ? end - ((z + 1) >> 1) : end + (z >> 1);
      ptrs[i++] = ptr;
      const size = src[len++];
      const third = wide ? src[tag++] : 0;
      if (view) {
        view.setUint32(4 * w, ptr, true);
        view.setUint32(4 * w + 4, size, true);
        if (wide) view.setUint32(4 * w + 8, third, true);
      } else {
        words[w] = ptr;
        words[w + 1] = size;
        if (wide) words[w + 2] = third;
      }
      w += 2 + wide;
      end = ptr + size;
    }
  }
}

function leb(out, v) {
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
}

/** Section boundaries and the active data segments of `bytes` (file offsets). */
function parse(bytes) {
  let p = 8;
  const uint = () => {
    let r = 0;
    let shift = 0;
    let b;
    do {
      b = bytes[p++];
      r += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return r;
  };
  const segments = [];
  let hasStart = false;
  while (p < bytes.length) {
    const id = bytes[p++];
    const len = uint();
    const end = p + len;
    if (id === 8) hasStart = true;
    if (id === 11) {
      for (let n = uint(); n > 0; n--) {
        const flag = uint();
        if (flag !== 0) throw new Error('a data segment that is not active at memory 0');
        // i32.const OFFSET end
        if (bytes[p++] !== 0x41) throw new Error('a data segment offset that is not a constant');
        let base = 0;
        let shift = 0;
        let b;
        do {
          b = bytes[p++];
          base |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
        if (bytes[p++] !== 0x0b) throw new Error('an unexpected data segment offset');
        const size = uint();
        segments.push({ base: base >>> 0, file: p, size });
        p += size;
      }
    }
    p = end;
  }
  return { segments, hasStart };
}

/** The memory image the data segments make, and its extent. */
function image(bytes, segments) {
  const hi = Math.max(...segments.map((s) => s.base + s.size));
  const lo = Math.min(...segments.map((s) => s.base));
  // Whole words, as wasm memory has.
  const mem = new Uint8Array(Math.ceil(hi / 4) * 4);
  for (const s of segments) mem.set(bytes.subarray(s.file, s.file + s.size), s.base);
  return { mem, lo, hi };
}

/** Runs of three or more (pointer, length) pairs that point at text inside the data, as
 * [start, count, 0]; then, where no such run is, runs of three or more (pointer, length, tag)
 * triples with a tag under 256 (`&[(&str, u8)]` and the like: 675 in the first module), as
 * [start, count, 1]; in address order. */
function findRuns(mem, lo, hi) {
  const pairs = findStrided(mem, lo, hi, 8, [], () => true);
  const view = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  const triples = findStrided(mem, lo, hi, 12, pairs, (j) => view.getUint32(j + 8, true) < 256);
  return [...pairs.map(([a, c]) => [a, c, 0]), ...triples.map(([a, c]) => [a, c, 1])].sort(
    (x, y) => x[0] - y[0],
  );
}

/** Runs of three or more entries of `stride` bytes, each a (pointer, length) pair pointing at
 * text inside the data followed by what `rest` accepts, outside the runs `taken`. */
function findStrided(mem, lo, hi, stride, taken, rest) {
  const view = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  const text = (ptr, len) => {
    // A length fits the byte the glue reads it from.
    if (ptr < lo || ptr + len > hi || len > 255) return false;
    for (let k = ptr; k < ptr + len; k++) if (mem[k] < 0x20 || mem[k] === 0x7f) return false;
    return true;
  };
  const free = (j) => !taken.some(([a, c]) => j + stride > a && j < a + 8 * c);
  const runs = [];
  let i = Math.ceil(lo / 4) * 4;
  while (i + stride <= hi) {
    let j = i;
    while (
      j + stride <= hi &&
      text(view.getUint32(j, true), view.getUint32(j + 4, true)) &&
      rest(j) &&
      free(j)
    ) {
      j += stride;
    }
    if (j - i >= 3 * stride) {
      runs.push([i, (j - i) / stride]);
      i = j;
    } else {
      i += 4;
    }
  }
  return runs;
}

/** The memory image the active data segments of the module `bytes` make (for tests). */
export function dataImage(bytes) {
  return image(bytes, parse(bytes).segments).mem;
}

/** `bytes` (a module) with its string tables moved into the custom section. */
export function pack(bytes) {
  const { segments, hasStart } = parse(bytes);
  // A start function would run before the glue restores the tables.
  if (hasStart || segments.length === 0) return { bytes, pairs: 0 };
  const { mem, lo, hi } = image(bytes, segments);
  const runs = findRuns(mem, lo, hi);
  const view = new DataView(mem.buffer);
  const header = [];
  const lengths = [];
  const tags = [];
  const deltas = [];
  leb(header, runs.length);
  let address = 0;
  let end = 0;
  let pairs = 0;
  // Where each pointer was last seen (by pair index), for the back references.
  const seen = new Map();
  const lebLength = (v) => (v < 2 ** 7 ? 1 : v < 2 ** 14 ? 2 : v < 2 ** 21 ? 3 : v < 2 ** 28 ? 4 : 5);
  for (const [start, count, wide] of runs) {
    // The glue decodes with 32-bit integer operations.
    if (hi >= 2 ** 28) throw new Error('data above 2^28');
    const stride = 8 + 4 * wide;
    leb(header, start - address);
    leb(header, 2 * count + wide);
    address = start + count * stride;
    for (let k = 0; k < count; k++) {
      const ptr = view.getUint32(start + stride * k, true);
      const len = view.getUint32(start + stride * k + 4, true);
      if (wide) tags.push(view.getUint32(start + stride * k + 8, true));
      const d = ptr - end;
      lengths.push(len);
      const near = 2 * (d >= 0 ? 2 * d : -2 * d - 1);
      const before = seen.get(ptr);
      const back = before === undefined ? Infinity : 2 * (pairs + k - 1 - before) + 1;
      leb(deltas, lebLength(back) < lebLength(near) ? back : near);
      seen.set(ptr, pairs + k);
      end = ptr + len;
    }
    pairs += count;
  }
  const payload = [...header, ...lengths, ...tags, ...deltas];
  // The module with the tables zeroed in its data segments (zero runs cost next to nothing
  // under compression) and the custom section appended.
  const out = Uint8Array.from(bytes);
  for (const [start, count, wide] of runs) {
    for (const s of segments) {
      const from = Math.max(start, s.base);
      const to = Math.min(start + count * (8 + 4 * wide), s.base + s.size);
      if (from < to) out.fill(0, s.file + from - s.base, s.file + to - s.base);
    }
  }
  const name = new TextEncoder().encode(SECTION);
  const body = [];
  leb(body, name.length);
  for (const b of name) body.push(b);
  for (const b of payload) body.push(b);
  const size = [];
  leb(size, body.length);
  const packed = new Uint8Array(out.length + 1 + size.length + body.length);
  packed.set(out);
  packed.set([0, ...size, ...body], out.length);
  // Proof: the packed module's image, restored as the glue restores it, is the original.
  const check = image(packed, parse(packed).segments).mem;
  restoreStrTables(new WebAssembly.Module(packed), { buffer: check.buffer });
  if (check.length !== mem.length || check.some((b, k) => b !== mem[k])) {
    throw new Error('the restored string tables differ from the original data');
  }
  return { bytes: packed, pairs, runs: runs.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/pack-str-tables.mjs MODULE.wasm');
    process.exit(2);
  }
  const { bytes, pairs, runs } = pack(readFileSync(file));
  writeFileSync(file, bytes);
  console.log(`${file}: ${pairs} string pointers in ${runs} tables moved to a custom section`);
}
