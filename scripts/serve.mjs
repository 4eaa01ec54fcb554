// The demo's server, and the static server of the browser tests: serves www/ at /, pkg/ at
// /pkg/ and docs/ at /docs/ (the integrator's guide, as text) with the strict
// Content-Security-Policy the product promises to work under, plus the mock LLM backend
// (scripts/mock-llm.mjs) at POST /v1/chat/completions. Loopback only.
//
// Served like a product: every text-like file (and the .wasm) is sent brotli- or gzip-encoded
// when the browser accepts it (`Vary: Accept-Encoding`), with a strong ETag per encoding and
// `Cache-Control: no-cache`, so a warm load revalidates each file with a 304 instead of
// downloading it again. The file names carry no content hash (the package finds its .wasm next
// to its module), so they cannot be `immutable`. Compressed copies are made once per file
// content, with brotli's best quality, and kept in target/serve-cache/ across restarts.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { createMockLlm } from './mock-llm.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts = [
  ['/pkg/', join(root, 'pkg')],
  ['/docs/', join(root, 'docs')],
  ['/', join(root, 'www')],
];
const cacheDir = join(root, 'target', 'serve-cache');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.ts', '.txt', '.md', '.bin']);
/** Below this, compressing saves less than the headers it costs. */
const MIN_COMPRESS = 512;

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors *";

const encoders = {
  br: (b) => promisify(brotliCompress)(b, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length },
  }),
  gzip: (b) => promisify(gzip)(b, { level: 9 }),
};

/** Which encoding to send: brotli before gzip, each only if the request accepts it (q > 0). */
export function pickEncoding(accept = '') {
  const ok = new Map();
  for (const part of String(accept).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    ok.set(name, q ? Number(q.slice(2)) : 1);
  }
  const accepts = (e) => (ok.has(e) ? ok.get(e) > 0 : (ok.get('*') ?? 0) > 0);
  return ['br', 'gzip'].find(accepts) ?? null;
}

// path → { mtimeMs, size, raw, hash, encoded: Map<encoding, Promise<Buffer>> }
const files = new Map();

async function load(path) {
  const st = await stat(path);
  if (st.isDirectory()) return load(join(path, 'index.html'));
  const known = files.get(path);
  if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return { path, ...known };
  const raw = await readFile(path);
  const entry = { mtimeMs: st.mtimeMs, size: st.size, raw, hash: createHash('sha256').update(raw).digest('hex').slice(0, 20), encoded: new Map() };
  files.set(path, entry);
  return { path, ...entry };
}

/** The file compressed with `enc`, from memory, from target/serve-cache/, or made now. */
function encoded(file, enc) {
  const entry = files.get(file.path);
  if (!entry.encoded.has(enc)) {
    const disk = join(cacheDir, `${file.hash}.${enc}`);
    const made = readFile(disk).catch(async () => {
      const out = await encoders[enc](file.raw);
      await mkdir(cacheDir, { recursive: true }).then(() => writeFile(disk, out)).catch(() => {});
      return out;
    });
    entry.encoded.set(enc, made);
  }
  return entry.encoded.get(enc);
}

/**
 * Starts the server on `host:port` (port 0: any free one). `compress: false` serves every
 * file as it is with `Cache-Control: no-store` (what the demo did before, for the load
 * benchmark's comparison). The mock backend's log is `server.mockLog`.
 */
export function startServer(port = 0, host = '127.0.0.1', { compress = true, mock = {} } = {}) {
  const llm = createMockLlm(mock);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/v1/chat/completions') {
      if (req.method !== 'POST') { res.writeHead(405, { allow: 'POST' }).end(); return; }
      await llm.handle(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }).end(); return; }
    const [prefix, dir] = mounts.find(([p]) => url.pathname.startsWith(p));
    let path;
    try {
      path = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
    } catch {
      res.writeHead(400).end(); return;
    }
    if (path !== dir && !path.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    let file;
    try {
      file = await load(path);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = extname(file.path);
    const headers = {
      'content-type': types[ext] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      // The embed script and the package are loaded by other sites' pages (module scripts are
      // fetched with CORS); they hold no user data.
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'referrer-policy': 'no-referrer',
    };
    if (!compress) {
      res.writeHead(200, { ...headers, 'cache-control': 'no-store', 'content-length': file.raw.length });
      res.end(req.method === 'HEAD' ? undefined : file.raw);
      return;
    }
    const enc = COMPRESSIBLE.has(ext) && file.raw.length >= MIN_COMPRESS ? pickEncoding(req.headers['accept-encoding']) : null;
    const etag = `"${file.hash}${enc ? `-${enc}` : ''}"`;
    headers['cache-control'] = 'no-cache';
    headers.etag = etag;
    if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding';
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*')) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = file.raw;
    if (enc) {
      try {
        body = await encoded(file, enc);
        headers['content-encoding'] = enc;
      } catch {
        // Compression failed: send the file as it is, under its own ETag.
        headers.etag = `"${file.hash}"`;
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.mockLog = llm.log;
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

/** Compresses every servable file of www/ and the package now, so no visitor waits for it. */
export async function precompress() {
  const seen = [];
  async function walk(dir) {
    const { readdir } = await import('node:fs/promises');
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) { if (d.name !== 'node_modules') await walk(p); continue; }
      if (!COMPRESSIBLE.has(extname(p))) continue;
      const file = await load(p);
      if (file.raw.length < MIN_COMPRESS) continue;
      seen.push(Promise.all(Object.keys(encoders).map((e) => encoded(file, e))));
    }
  }
  await walk(join(root, 'www'));
  await walk(join(root, 'pkg', 'dist', 'web')).catch(() => {});
  await load(join(root, 'pkg', 'dist', 'gazetteer.bin')).then((f) => seen.push(Promise.all(Object.keys(encoders).map((e) => encoded(f, e))))).catch(() => {});
  for (const p of ['index.js', 'guard.js', 'src/guard.js', 'src/worker.js']) {
    await load(join(root, 'pkg', p)).then((f) => seen.push(Promise.all(Object.keys(encoders).map((e) => encoded(f, e))))).catch(() => {});
  }
  await Promise.all(seen);
  return seen.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  // Loopback only: the mock backend and the demo are for this machine.
  const server = await startServer(port, '127.0.0.1');
  const { port: actual } = server.address();
  console.log(`pii-airlock demo: http://127.0.0.1:${actual}/  (mock LLM backend at /v1/chat/completions; Ctrl-C to stop)`);
  const n = await precompress();
  console.log(`pii-airlock demo: ${n} files ready compressed (brotli, gzip)`);
}
