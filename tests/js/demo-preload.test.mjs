// The demo page (www/index.html) names every script its first highlight waits for in a
// `<link rel="modulepreload">`: the browser then fetches them all with the page, instead of one
// level of imports per round trip (main.js, then what it imports, then the first module's glue
// and its snippet). docs/benchmarks.md, "Round 12 (startup13)". Needs a built pkg/ (the
// wasm-bindgen glue and its snippets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const www = join(root, 'www');
// The page serves www/ at / and pkg/ at /pkg/ (scripts/serve.mjs); www/pkg is that link.
const onDisk = (p) => (relative(www, p).startsWith('pkg') ? join(root, relative(www, p)) : p);

/** Relative specifiers a module imports: static (`import … from '…'`, `import '…'`) and `import('…')`. */
function imports(file) {
  const src = readFileSync(onDisk(file), 'utf8')
    // Comments may quote imports (JSDoc's `import('./x.js').T` types): not code.
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const m of src.matchAll(/(?:^|[\s;}])(?:import|export)\s[^'"()]*?from\s*['"](\.[^'"]+)['"]|^\s*import\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm)) {
    out.push(resolve(dirname(file), m[1] ?? m[2] ?? m[3]));
  }
  return out;
}

test('every module of the demo page is preloaded, and every preload exists', () => {
  const html = readFileSync(join(www, 'index.html'), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)]
    .map((m) => resolve(www, m[1])));
  const entry = resolve(www, html.match(/<script type="module" src="([^"]+)"><\/script>/)[1]);
  for (const p of preloaded) assert.ok(existsSync(onDisk(p)), `preloaded but missing: ${relative(www, p)}`);
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const dep of imports(queue.shift())) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      queue.push(dep);
    }
  }
  const missing = [...seen].filter((m) => m !== entry && !preloaded.has(m)).map((m) => relative(www, m));
  assert.deepEqual(missing, [], 'modules the page loads that no modulepreload names');
  // The walk found the first module's glue and its snippet, not only the entry's direct imports.
  assert.ok([...seen].some((m) => m.includes('/scanner/snippets/')), 'the first module\'s snippet is in the graph');
});
