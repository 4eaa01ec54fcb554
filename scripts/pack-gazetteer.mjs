// Writes the name list as the npm package ships it: front-coded (each word stored as how many
// leading bytes it shares with the word before and the rest), 27% smaller than the text under
// gzip. data/gazetteer.txt stays the source of truth (people and scripts/build-gazetteer.py edit
// it); scripts/build-wasm.sh runs this on every build. The layout and its reader are in
// src/names/gazetteer/packed.rs.
//
//   node scripts/pack-gazetteer.mjs data/gazetteer.txt pkg/dist/gazetteer.bin
import { readFileSync, writeFileSync } from 'node:fs';

const MAGIC = Buffer.from('\0PIIG\x01', 'latin1');
const LETTERS = 'flcw';

/** The packed bytes of a list in the text format; throws, naming the line, on what it cannot hold. */
export function pack(text) {
  const bytes = Buffer.from(text, 'utf8');
  const lines = [];
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    const tab = line.indexOf(0x09);
    const n = lines.length + 1;
    if (tab <= 0) throw new Error(`line ${n}: no word and tab`);
    const word = line.subarray(0, tab);
    if (word.some((b) => b < 0x20)) throw new Error(`line ${n}: a control character in the word`);
    let flags = 0;
    for (const c of line.subarray(tab + 1).toString('latin1')) {
      const bit = LETTERS.indexOf(c);
      if (bit < 0) throw new Error(`line ${n}: unknown flag ${JSON.stringify(c)}`);
      flags |= 1 << bit;
    }
    if (lines.length > 0 && Buffer.compare(lines.at(-1).word, word) >= 0) {
      throw new Error(`line ${n}: not sorted by bytes or not unique`);
    }
    lines.push({ word, flags });
    start = end + 1;
  }
  const shared = Buffer.alloc(lines.length);
  const tails = [];
  let prev = Buffer.alloc(0);
  lines.forEach(({ word, flags }, i) => {
    let k = 0;
    while (k < 255 && k < prev.length && k < word.length && prev[k] === word[k]) k += 1;
    shared[i] = k;
    tails.push(word.subarray(k), Buffer.from([0x10 | flags]));
    prev = word;
  });
  const count = Buffer.alloc(4);
  count.writeUInt32LE(lines.length);
  return Buffer.concat([MAGIC, count, shared, ...tails]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error('usage: node scripts/pack-gazetteer.mjs data/gazetteer.txt OUT');
    process.exit(2);
  }
  writeFileSync(to, pack(readFileSync(from, 'utf8')));
}
