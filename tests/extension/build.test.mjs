// The build: a reproducible zip, and a manifest that keeps to MV3 and to the extension's own
// privacy rules (no remote code, no broad permissions, no network of its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './harness.mjs';

const EXT = join(ROOT, 'extension');
const DIST = join(EXT, 'dist');
const version = JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8')).version;
const ZIP = join(EXT, `pii-airlock-extension-${version}.zip`);

const build = () => execFileSync(process.execPath, [join(EXT, 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
const sha = (p) => createHash('sha256').update(readFileSync(p)).digest('hex');
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

test('the zip is reproducible: two builds give the same bytes, whatever the files\' times', () => {
  build();
  const first = sha(ZIP);
  // Touch the sources: mtimes must not reach the archive.
  for (const f of walk(join(EXT, 'src'))) utimesSync(f, new Date(), new Date(Date.now() - 86400_000));
  build();
  assert.equal(sha(ZIP), first);
  // It holds exactly dist/, each file intact (CRCs checked by Python's zipfile).
  const listing = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([[i.filename, i.date_time[0]] for i in z.infolist()]))`, ZIP], { encoding: 'utf8' }));
  const names = listing.map(([n]) => n);
  assert.deepEqual(names, [...names].sort());
  assert.deepEqual(new Set(names), new Set(walk(DIST).map((p) => relative(DIST, p).split('\\').join('/'))));
  assert.ok(listing.every(([, year]) => year === 1980));
});

const manifest = () => JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
const BUILT_IN = ['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*', 'https://copilot.microsoft.com/*',
  'https://chat.mistral.ai/*', 'https://www.perplexity.ai/*', 'https://chat.deepseek.com/*'];

/** The MV3 fields the extension uses, checked the way the Chrome Web Store and Chrome do. */
function check(m) {
  const errors = [];
  const need = (cond, msg) => { if (!cond) errors.push(msg); };
  const file = (p) => typeof p === 'string' && !p.includes('..') && existsSync(join(DIST, p));
  need(m.manifest_version === 3, 'manifest_version must be 3');
  need(typeof m.name === 'string' && m.name.length > 0 && m.name.length <= 75, 'name: 1..75 characters');
  need(/^\d+(\.\d+){0,3}$/.test(m.version ?? ''), 'version: one to four dot-separated integers');
  need(m.version === version, 'version: the package\'s');
  need(typeof m.description === 'string' && m.description.length <= 132, 'description: at most 132 characters');
  need(file(m.background?.service_worker) && m.background?.type === 'module', 'background: a module service worker that exists');
  need(!('scripts' in (m.background ?? {})) && !('page' in (m.background ?? {})), 'background: no MV2 pages or scripts');
  const csp = m.content_security_policy?.extension_pages ?? '';
  need(/script-src 'self' 'wasm-unsafe-eval'/.test(csp), "extension_pages CSP allows 'wasm-unsafe-eval' (the engine)");
  need(!/unsafe-eval'|unsafe-inline|https?:|\*/.test(csp.replace("'wasm-unsafe-eval'", '')), 'extension_pages CSP: no eval, inline code or remote sources');
  for (const cs of m.content_scripts ?? []) {
    need(cs.matches.every((p) => BUILT_IN.includes(p)), 'content_scripts: the built-in chat sites only');
    need([...(cs.js ?? []), ...(cs.css ?? [])].every(file), 'content_scripts: every file exists');
    // Only the request check runs in the page's world (it must wrap the page's fetch).
    need(!cs.world || cs.world === 'ISOLATED' || (cs.world === 'MAIN' && cs.js.join() === 'content/main-world.js'), 'content_scripts: isolated world, but for the request check');
  }
  need((m.host_permissions ?? []).every((p) => BUILT_IN.includes(p)), 'host_permissions: the built-in chat sites only');
  need((m.optional_host_permissions ?? []).every((p) => /^(https?):\/\/[^/]+\/\*$/.test(p)), 'optional_host_permissions: origins');
  need((m.permissions ?? []).every((p) => ['storage', 'scripting'].includes(p)), 'permissions: storage and scripting only');
  need(!m.web_accessible_resources, 'no web_accessible_resources (pages could fingerprint the extension)');
  need(!m.externally_connectable, 'no externally_connectable (no page may message the engine)');
  need(!m.update_url, 'no update_url (the store updates it)');
  need(file(m.action?.default_popup), 'action.default_popup exists');
  need(file(m.options_ui?.page), 'options_ui.page exists');
  need(file(m.storage?.managed_schema), 'storage.managed_schema exists');
  return errors;
}

test('the manifest passes the MV3 and privacy checks', () => {
  if (!existsSync(join(DIST, 'manifest.json'))) build();
  assert.deepEqual(check(manifest()), []);
  const schema = JSON.parse(readFileSync(join(DIST, manifest().storage.managed_schema), 'utf8'));
  assert.equal(schema.type, 'object');
  assert.ok(Object.values(schema.properties).every((p) => p.type && p.description));
});

test('the checks catch what they are for', () => {
  if (!existsSync(join(DIST, 'manifest.json'))) build();
  const bad = [
    (m) => { m.manifest_version = 2; },
    (m) => { m.content_security_policy.extension_pages = "script-src 'self' 'unsafe-eval'; object-src 'self'"; },
    (m) => { m.content_security_policy.extension_pages = "script-src 'self'; object-src 'self'"; },
    (m) => { m.content_scripts[0].matches.push('<all_urls>'); },
    (m) => { m.host_permissions = ['https://*/*']; },
    (m) => { m.permissions.push('tabs'); },
    (m) => { m.web_accessible_resources = [{ resources: ['engine/*'], matches: ['<all_urls>'] }]; },
    (m) => { m.content_scripts[0].js.push('content/missing.js'); },
    (m) => { m.version = '1.0-beta'; },
    (m) => { m.content_scripts[0].world = 'MAIN'; },
  ];
  for (const mutate of bad) {
    const m = manifest();
    mutate(m);
    assert.ok(check(m).length > 0, `not caught: ${mutate}`);
  }
});

test('no network of its own and no remote or evaluated code in the extension\'s sources', () => {
  for (const f of walk(join(EXT, 'src')).filter((p) => p.endsWith('.js') || p.endsWith('.html'))) {
    const src = readFileSync(f, 'utf8');
    const name = relative(EXT, f);
    // main-world.js wraps the page's fetch, XMLHttpRequest, sendBeacon and WebSocket.send (and
    // calls the originals for the page); it starts none.
    const network = name.endsWith('main-world.js') ? [/new\s+(XMLHttpRequest|XHR|WebSocket|WS)\b/, /navigator\.sendBeacon/] : [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/];
    // main-world.js also wraps the page's HTML sinks (innerHTML and its kin) and hands them the
    // page's own markup, read first in an inert template; it writes no markup of its own.
    const html = name.endsWith('main-world.js') ? [/\.(innerHTML|outerHTML)\s*=[^=]/, /\.insertAdjacentHTML\s*\(/] : [/innerHTML|outerHTML|insertAdjacentHTML/];
    for (const re of [...network, ...html, /EventSource/, /\beval\s*\(/, /new Function/, /https?:\/\/(?=[a-z0-9])(?!chatgpt\.com|claude\.ai|gemini\.google\.com|copilot\.microsoft\.com|chat\.mistral\.ai|www\.perplexity\.ai|chat\.deepseek\.com|localhost)/]) {
      assert.ok(!re.test(src), `${name}: ${re}`);
    }
  }
});
