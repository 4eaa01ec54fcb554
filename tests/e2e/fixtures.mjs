// Shared fixtures for the package tests: packing the npm tarball, a static server with the
// strict CSP plus a mock OpenAI-style backend, and the small chat app the tests drive.
import { before, after } from 'node:test';
import { launch, watchErrors } from './browser.mjs';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP as PAGE_CSP } from '../../scripts/serve.mjs';

/** A third party the test app's pages may reach (answered by `page.route`, never the network). */
export const THIRD_PARTY = 'http://collector.test';
// The app's strict CSP, with the third party allowed as a site allows its analytics: requests,
// images, scripts, stylesheets, frames and media (tests/e2e/elsewhere-urls.test.mjs).
const CSP = PAGE_CSP.replace("connect-src 'self'", `connect-src 'self' ${THIRD_PARTY}`)
  .replace("img-src 'self' data:", `img-src 'self' data: ${THIRD_PARTY}`)
  .replace("'wasm-unsafe-eval';", `'wasm-unsafe-eval' ${THIRD_PARTY};`)
  .replace("style-src 'self'", `style-src 'self' ${THIRD_PARTY}`)
  .concat(`; frame-src 'self' ${THIRD_PARTY}; media-src 'self' ${THIRD_PARTY}`);

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// Temp dirs (tarballs, installed apps) are removed when the test process ends.
const temps = [];
function temp(prefix) {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
process.on('exit', () => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

/** `npm pack`s pkg/ into a fresh temp dir; returns the tarball's path. */
export function packTarball() {
  const dest = temp('pii-airlock-pack-');
  execFileSync('npm', ['pack', '--pack-destination', dest, '--silent'], { cwd: join(ROOT, 'pkg'), stdio: ['ignore', 'pipe', 'inherit'] });
  const tgz = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  return join(dest, tgz);
}

/** A fresh directory with the tarball installed (from the file, no registry needed). */
export function installTarball(tarball, extra = {}) {
  const dir = temp('pii-airlock-app-');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', ...extra }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball],
    { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  return dir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;

/**
 * Serves `dir` with the strict CSP and a mock backend at POST /v1/chat/completions that
 * records each body and answers with the placeholders it received, as JSON or (when the
 * request says `stream: true`) as server-sent events cut in the middle of placeholders.
 */
export async function appServer(dir) {
  const received = [];
  // Every URL asked of the backend (/v1/...), as the server read it: queries are checked too.
  const urls = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/v1/')) urls.push(req.url);
    // GET /v1/ask?q=...: a backend that takes the prompt in the URL, answering as server-sent
    // events (what an EventSource reads) with the query it received; a beacon gets a 204.
    if (url.pathname === '/v1/ask') {
      if (req.method !== 'GET') { for await (const _ of req); res.writeHead(204).end(); return; }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.end(`data: ${JSON.stringify({ q: url.searchParams.get('q') })}\n\n`);
      return;
    }
    if (url.pathname === '/v1/chat/completions' && req.method === 'POST') {
      let raw = '';
      for await (const c of req) raw += c;
      received.push(raw);
      let body;
      try { body = JSON.parse(raw); } catch { res.writeHead(400).end('bad json'); return; }
      const last = body.messages.at(-1).content;
      // Content parts (what some SDKs send) count by their text.
      const user = Array.isArray(last) ? last.map((p) => p.text ?? '').join(' ') : last;
      const found = String(user).match(PLACEHOLDER) ?? [];
      const answer = `Got it: ${found.join(' and ') || 'nothing personal'}.`;
      if (body.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        // 5-character deltas: every placeholder is split across several events.
        for (let i = 0; i < answer.length; i += 5) {
          const ev = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'test', choices: [{ index: 0, delta: { content: answer.slice(i, i + 5) }, finish_reason: null }] };
          res.write(`data: ${JSON.stringify(ev)}\n\n`);
          await new Promise((r) => setTimeout(r, 5));
        }
        res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'test', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        res.end('data: [DONE]\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1, model: 'test',
          choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
      }
      return;
    }
    let path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const data = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store',
      });
      res.end(data);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, received, urls, base: `http://127.0.0.1:${server.address().port}` };
}

/**
 * A minimal WebSocket endpoint on the app server (RFC 6455 handshake, masked client text
 * frames of any length): the texts it receives.
 */
export function socketServer(server) {
  const texts = [];
  server.on('upgrade', (req, socket) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    let buf = Buffer.alloc(0);
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (buf.length < 2) return;
        let len = buf[1] & 0x7f;
        let at = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); at = 4; }
        if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); at = 10; }
        if (buf.length < at + 4 + len) return;
        const mask = buf.subarray(at, at + 4);
        const payload = Buffer.from(buf.subarray(at + 4, at + 4 + len)).map((b, i) => b ^ mask[i % 4]);
        if ((buf[0] & 0x0f) === 1) texts.push(payload.toString('utf8'));
        buf = buf.subarray(at + 4 + len);
      }
    });
    socket.on('error', () => {});
  });
  return texts;
}

/** The chat app's module: the same code for the Vite build and the plain page. */
export function appModule(specifier) {
  return `import { createGuard, install } from '${specifier}';

const params = new URLSearchParams(location.search);
const editor = document.getElementById('editor');
const answer = document.getElementById('answer');
const status = document.getElementById('status');
// ?policy=<preset> picks a preset; by default every finding is asked about, so the consent
// dialog shows. ?gazetteer=off loads no name list.
const policy = params.get('policy') ?? { version: 1, id: 'ask-all', defaultAction: 'ask' };
const options = { locale: params.get('locale') ?? 'en', endpoints: ['/v1/'], policy };
if (params.get('gazetteer') === 'off') options.gazetteer = false;
// ?endpoints=default: the package's DEFAULT_ENDPOINTS, not the test backend's /v1/.
if (params.get('endpoints') === 'default') delete options.endpoints;
// ?conversations=url: beacons and sockets name their conversation with ?c= in their URL, and
// /v1/socket is a guarded WebSocket endpoint.
if (params.get('elsewhere')) options.elsewhere = params.get('elsewhere');
if (params.get('conversations') === 'url') {
  options.conversationOf = (u) => u.searchParams.get('c') ?? undefined;
  options.endpoints = ['/v1/', new RegExp('/v1/socket$')];
}

function textOf() { return 'value' in editor ? editor.value : editor.textContent; }

async function readStream(res) {
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let cut;
    while ((cut = buf.indexOf('\\n\\n')) >= 0) {
      const ev = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      const data = ev.split('\\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\\n');
      if (!data || data === '[DONE]') continue;
      for (const c of JSON.parse(data).choices ?? []) text += c.delta?.content ?? '';
      answer.textContent = text;
    }
  }
  return text;
}

function viaXhr(body) {
  return new Promise((ok, fail) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/chat/completions');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.onload = () => ok(JSON.parse(xhr.responseText).choices[0].message.content);
    xhr.onerror = () => fail(xhr.piiAirlockError ?? new Error('network'));
    xhr.send(body);
  });
}

async function send() {
  status.textContent = 'sending';
  answer.textContent = '';
  const stream = params.get('transport') !== 'xhr';
  const body = JSON.stringify({ model: 'test', stream, messages: [{ role: 'user', content: textOf() }] });
  try {
    if (stream) {
      const res = await fetch('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await readStream(res);
    } else {
      answer.textContent = await viaXhr(body);
    }
    status.textContent = 'done';
  } catch (e) {
    status.textContent = e.name + ':' + (e.reason ?? '');
  }
}

document.getElementById('send').addEventListener('click', send);
editor.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); send(); }
});

if (params.get('mode') === 'pending') {
  // Hooks first, engine later: requests made while (or after) it fails to load are blocked.
  const { guard } = install(options);
  document.body.dataset.state = 'hooked';
  guard.then((g) => { window.__guard = g; g.attach(editor); document.body.dataset.state = 'ready'; },
    (e) => { document.body.dataset.state = 'engine-failed'; status.textContent = e.name; });
} else {
  const guard = await createGuard(options);
  window.__guard = guard;
  guard.install();
  guard.attach(editor);
  document.body.dataset.state = 'ready';
}
`;
}

/** The app's page. `editor` is 'textarea' or 'contenteditable'. */
export function appPage(src, editor = 'textarea') {
  const ed = editor === 'textarea'
    ? '<textarea id="editor" rows="6" cols="60" aria-label="Message"></textarea>'
    : '<div id="editor" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Message"></div>';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>chat</title><link rel="icon" href="data:,">
<script type="module" src="${src}"></script></head>
<body>
<main>
${ed}
<button id="send" type="button">Send</button>
<p id="status" role="status"></p>
<div id="answer"></div>
</main>
</body>
</html>
`;
}

/**
 * Builds a Vite app from `files` (name → content, with an index.html) that depends on the
 * installed tarball and on `registry` packages (installed from the npm registry); returns its
 * dist/ directory.
 */
export function viteAppWith(tarball, files, registry = []) {
  const dir = installTarball(tarball);
  if (registry.length > 0) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...registry],
      { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  }
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'vite.config.js'), `export default { build: { target: 'es2022', chunkSizeWarningLimit: 4096 }, worker: { format: 'es' }, logLevel: 'warn' };\n`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  return join(dir, 'dist');
}

/** Builds a Vite app that depends on the installed tarball; returns its dist/ directory. */
export function viteApp(tarball) {
  const dir = installTarball(tarball);
  writeFileSync(join(dir, 'index.html'), appPage('/main.js'));
  writeFileSync(join(dir, 'main.js'), appModule('pii-airlock'));
  writeFileSync(join(dir, 'vite.config.js'), `export default { build: { target: 'es2022' }, worker: { format: 'es' }, logLevel: 'warn' };\n`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  return join(dir, 'dist');
}

/** A plain page (no bundler) that loads the installed package through a relative import. */
export function plainApp(tarball, editor) {
  const dir = installTarball(tarball);
  writeFileSync(join(dir, 'index.html'), appPage('./app.js', editor));
  writeFileSync(join(dir, 'app.js'), appModule('./node_modules/pii-airlock/index.js'));
  mkdirSync(join(dir, 'empty'), { recursive: true });
  return dir;
}

/**
 * Registers before/after hooks for a test file: the plain strict-CSP app built from the packed
 * tarball, served, and Debian's Chromium. Returns `{ app, browser }`, filled once `before` ran.
 */
export function plainAppAndBrowser(editor = 'textarea') {
  const ctx = { app: null, browser: null };
  before(async () => {
    ctx.app = await appServer(plainApp(packTarball(), editor));
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    ctx.app?.server.close();
  });
  return ctx;
}

/**
 * A page of the app of `ctx` (`plainAppAndBrowser`) where the guard has kept `value` from the
 * model and — unless `restore` is false — restored it into the page from an answer, which
 * `shown` holds. Requests to `THIRD_PARTY`, the page's popups' too, are answered with a 204 and
 * recorded in `seen` (path, URL, body bytes, content type, resource type); `masked` and
 * `blocked` events collect in `window.masked` (their `url`) and `window.blocked` ([reason,
 * message]); `logs` holds every console message's text. `before(page)` runs before the
 * page loads; `query` adds to its query (`&elsewhere=all`).
 */
export async function restoredPage(ctx, { value, restore = true, query = '', before = null } = {}) {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  const seen = [];
  if (before) await before(page);
  // On the context, which `browser.newPage()` makes for this page alone: popups are routed too.
  await page.context().route(`${THIRD_PARTY}/**`, async (route) => {
    const r = route.request();
    seen.push({ path: new URL(r.url()).pathname, url: r.url(), body: r.postDataBuffer() ?? Buffer.alloc(0),
      type: r.headers()['content-type'], resource: r.resourceType() });
    await route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
  });
  await page.goto(`${ctx.app.base}/?policy=gdpr${query}`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.evaluate(() => {
    window.masked = [];
    window.blocked = [];
    window.__guard.addEventListener('masked', (e) => window.masked.push(e.detail.url));
    window.__guard.addEventListener('blocked', (e) => window.blocked.push([e.detail.reason, e.detail.message]));
  });
  let shown = null;
  if (restore) {
    shown = await restoreAnswer(page, value);
    if (shown !== `Got it: ${value}.`) throw new Error(`the answer was not restored: ${shown}`);
  }
  return { page, errors, seen, shown, logs };
}

/**
 * Sends `Mail <value>` to the mock model by XMLHttpRequest from the app's `page`; resolves with
 * the answer as the page got it (the guard restores what it kept: `Got it: <value>.`).
 */
export function restoreAnswer(page, value) {
  return page.evaluate((a) => new Promise((ok, fail) => {
    const x = new XMLHttpRequest();
    x.open('POST', '/v1/chat/completions');
    x.setRequestHeader('content-type', 'application/json');
    x.onload = () => ok(JSON.parse(x.responseText).choices[0].message.content);
    x.onerror = () => fail(new Error('xhr'));
    x.send(JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${a}` }] }));
  }), value);
}

/** Waits (5 s at most) until `f()` holds. */
export async function until(f) {
  for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * A page of the app of `ctx` on `install()` (`?mode=pending` plus `query`), its engine's `.wasm`
 * held back: `release()` lets it load, `fail()` answers it with a 500 (the engine never starts).
 */
export async function heldEnginePage(ctx, query = '', before = null) {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  if (before) await before(page);
  let go;
  const gate = new Promise((ok) => { go = ok; });
  await page.route('**/*.wasm', async (route) => {
    if (await gate) await route.fulfill({ status: 500, body: 'no' });
    else await route.continue();
  });
  await page.goto(`${ctx.app.base}/?mode=pending${query}`);
  await page.waitForSelector('body[data-state="hooked"]');
  return { page, errors, release: () => go(false), fail: () => go(true) };
}
