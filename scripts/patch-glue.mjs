// Every change made to the JS glue wasm-bindgen generates, each applied to text that must occur
// exactly once (a different wasm-bindgen would need the patches checked again; the version is
// pinned in Cargo.toml), else the build fails.
//
// 1. `passStringToWasm0`, which
// copies every JS string argument into wasm memory (every `&str` the engine takes, every
// `String` web-sys reads from the DOM). wasm-bindgen copies the string's leading ASCII one
// character at a time in a JS loop and only calls `TextEncoder.encodeInto` from the first
// non-ASCII character on: cheap for short strings, but 6–13 ns per character, so a 10 KB
// all-ASCII prompt spent ~0.1 ms and 1 MiB of code ~4–12 ms only crossing into wasm
// (docs/benchmarks.md). Strings longer than 64 characters now go to `encodeInto` at once.
// The bytes written are the same (UTF-8; lone surrogates become U+FFFD either way).
// 2. With `--node-wasm-from-web`, the Node glue's path to its .wasm: the package ships the
// module once, in dist/web/ (where the browser entry and the `./wasm` export find it), and the
// Node glue reads it from there.
// 3. The string tables scripts/pack-str-tables.mjs moved out of the module's data into a custom
// section: `restoreStrTables` (its source text, from that script) writes them back into memory
// after instantiating and before `__wbindgen_start`, the first Rust code to run. It does
// nothing for a module without the section.
//
// Usage: node scripts/patch-glue.mjs [--node-wasm-from-web] GLUE.js [GLUE.js ...]
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { restoreStrTables } from './pack-str-tables.mjs';

const original = `    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}`;

const replacement = `    // pii-airlock (scripts/patch-glue.mjs): long strings go to encodeInto at once.
    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;
    const mem = getUint8ArrayMemory0();
    // UTF-16 units consumed and UTF-8 bytes written so far.
    let read = 0;
    let written = 0;
    if (len <= 64 || typeof TextEncoder.prototype.encodeInto !== 'function') {
        for (; read < len; read++) {
            const code = arg.charCodeAt(read);
            if (code > 0x7F) break;
            mem[ptr + read] = code;
        }
        written = read;
    } else {
        // Fills the buffer: all of an ASCII string, else up to where the next character
        // no longer fits.
        const ret = cachedTextEncoder.encodeInto(arg, mem.subarray(ptr, ptr + len));
        read = ret.read;
        written = ret.written;
    }
    if (read !== len) {
        const rest = read === 0 ? arg : arg.slice(read);
        ptr = realloc(ptr, len, len = written + rest.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + written, ptr + len);
        written += cachedTextEncoder.encodeInto(rest, view).written;
        ptr = realloc(ptr, len, written, 1) >>> 0;
    }

    WASM_VECTOR_LEN = written;
    return ptr;
}`;

// For the Node glue at dist/node/[sub/]NAME.js (NAME: pii_airlock, the full module, or
// pii_airlock_scan, the first module), the same place under dist/web/.
const nodePath = (file) => {
  const name = basename(file, '.js');
  const dir = dirname(resolve(file));
  const web = relative(dir, dir.replace(/\/node(\/[^/]*)?$/, '/web$1'));
  return [
    `const wasmPath = \`\${__dirname}/${name}_bg.wasm\`;`,
    `const wasmPath = \`\${__dirname}/${web}/${name}_bg.wasm\`;`,
  ];
};

const args = process.argv.slice(2);
const fromWeb = args[0] === '--node-wasm-from-web';
const files = fromWeb ? args.slice(1) : args;
if (files.length === 0) {
  console.error('usage: node scripts/patch-glue.mjs [--node-wasm-from-web] GLUE.js [GLUE.js ...]');
  process.exit(2);
}
// The web glue restores in `__wbg_finalize_init` (every way of loading ends there), the Node
// glue right after its instance is made.
const restore = (js) =>
  js.includes('function __wbg_finalize_init(instance, module) {')
    ? [
        [
          'function __wbg_finalize_init(instance, module) {',
          `${restoreStrTables}\n\nfunction __wbg_finalize_init(instance, module) {`,
          "the web glue's __wbg_finalize_init",
        ],
        [
          '    wasm.__wbindgen_start();\n    return wasm;',
          '    restoreStrTables(module, wasm.memory);\n    wasm.__wbindgen_start();\n    return wasm;',
          "the web glue's __wbindgen_start",
        ],
      ]
    : [
        [
          'let wasm = wasmInstance.exports;\nwasm.__wbindgen_start();',
          `${restoreStrTables}\n\nlet wasm = wasmInstance.exports;\nrestoreStrTables(wasmModule, wasm.memory);\nwasm.__wbindgen_start();`,
          "the Node glue's __wbindgen_start",
        ],
      ];
for (const file of files) {
  let js = readFileSync(file, 'utf8');
  const patches = [[original, replacement, "wasm-bindgen's passStringToWasm0"], ...restore(js)];
  if (fromWeb) patches.push([...nodePath(file), "the Node glue's wasmPath"]);
  for (const [from, to, what] of patches) {
    const at = js.indexOf(from);
    if (at < 0 || js.indexOf(from, at + 1) >= 0) {
      console.error(`${file}: ${what} not found exactly once; check the patch against this wasm-bindgen version`);
      process.exit(1);
    }
    js = js.slice(0, at) + to + js.slice(at + from.length);
  }
  writeFileSync(file, js);
}
