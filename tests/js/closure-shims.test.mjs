// scripts/drop-closure-shims.mjs (the first module's build, scripts/build-wasm.sh): on modules
// made here with binaryen, the slots of wasm-bindgen's closure shims become null, every other
// slot keeps its function, the optimiser can then drop the shims, and a module that exports its
// function table (JS could call a shim through it) is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from 'binaryen';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts/drop-closure-shims.mjs');
const SHIM = 'wasm_bindgen[d40c52ec9709a63]::convert::closures::_::invoke::<u32, true>';

/** A module with a function table of [kept, shim, kept2], `call(i)` calling slot i. */
function module({ exportTable }) {
  const m = new binaryen.Module();
  m.setFeatures(binaryen.Features.MVP | binaryen.Features.ReferenceTypes | binaryen.Features.BulkMemory);
  const none = binaryen.none;
  m.addFunction('kept', none, binaryen.i32, [], m.i32.const(1));
  m.addFunction(SHIM, none, binaryen.i32, [], m.i32.const(2));
  m.addFunction('kept2', none, binaryen.i32, [], m.i32.const(3));
  m.addTable('t', 3, 3);
  m.addActiveElementSegment('t', 'e', ['kept', SHIM, 'kept2'], m.i32.const(0));
  m.addFunction('call', binaryen.i32, binaryen.i32, [],
    m.call_indirect('t', m.local.get(0, binaryen.i32), [], none, binaryen.i32));
  m.addFunctionExport('call', 'call');
  if (exportTable) m.addTableExport('t', 'table');
  assert.ok(m.validate());
  binaryen.setDebugInfo(true);
  const bytes = m.emitBinary();
  binaryen.setDebugInfo(false);
  m.dispose();
  return bytes;
}

test('the shims\' slots become null, the others keep their functions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shims-'));
  const path = join(dir, 'm.wasm');
  writeFileSync(path, module({ exportTable: false }));
  const before = await WebAssembly.instantiate(readFileSync(path));
  assert.equal(before.instance.exports.call(1), 2);
  const out = execFileSync('node', [script, path], { encoding: 'utf8' });
  assert.match(out, /1 closure shims of 3 table slots dropped/);
  const { instance } = await WebAssembly.instantiate(readFileSync(path));
  assert.equal(instance.exports.call(0), 1);
  assert.equal(instance.exports.call(2), 3);
  // A null slot traps, as a slot past the table would.
  assert.throws(() => instance.exports.call(1), WebAssembly.RuntimeError);
  // The optimiser can now drop the shim: no function returns 2 any more.
  const m = binaryen.readBinary(readFileSync(path));
  m.setFeatures(binaryen.Features.MVP | binaryen.Features.ReferenceTypes | binaryen.Features.BulkMemory);
  m.runPasses(['remove-unused-module-elements']);
  const names = [];
  for (let i = 0; i < m.getNumFunctions(); i++) names.push(binaryen.getFunctionInfo(m.getFunctionByIndex(i)).name);
  m.dispose();
  assert.ok(names.includes('kept') && names.includes('kept2'), names.join());
  assert.ok(!names.includes(SHIM), names.join());
});

test('a module that exports its function table is refused and left as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shims-'));
  const path = join(dir, 'm.wasm');
  const bytes = module({ exportTable: true });
  writeFileSync(path, bytes);
  const run = spawnSync('node', [script, path], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /function table is exported/);
  assert.deepEqual(new Uint8Array(readFileSync(path)), bytes);
});
