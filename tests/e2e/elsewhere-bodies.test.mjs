// Values restored into the page, on their way to a third party in a body that is not text: a
// session-replay or analytics script compresses its batch of recorded events (fflate's
// gzipSync/zlibSync/deflateSync, the platform's CompressionStream) and sends it as bytes or a
// Blob with fetch, XMLHttpRequest or sendBeacon. In Debian's Chromium, from the packed
// tarball; the collector is answered by `page.route`, which hands the test the exact bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { plainAppAndBrowser, restoredPage, THIRD_PARTY, until } from './fixtures.mjs';

const A = 'ann.lee@example.com';
const TOKEN = '[EMAIL_ADDRESS_1]';
// fflate's browser build (a devDependency), served from the app's origin: the page's CSP
// allows only its own scripts.
const FFLATE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('fflate')), '../umd/index.js'), 'utf8');
const ctx = plainAppAndBrowser();

/**
 * The app's page with the collector routed (each request's path, URL, body bytes and content
 * type), fflate loaded as `window.fflate`, and — unless `restore` is false — an answer restored:
 * the page shows `A`, which the guard kept from the model. `socket` answers WebSockets to the
 * collector (Playwright's `routeWebSocket` handler); `query` adds to the page's query.
 */
async function replayPage({ restore = true, socket = null, query = '' } = {}) {
  const { page, errors, seen, shown } = await restoredPage(ctx, { value: A, restore, query, before: async (p) => {
    // Before the page loads: Playwright routes sockets by putting its own WebSocket class in
    // the page, and the guard hooks the class it finds when it installs.
    if (socket) await p.routeWebSocket(/collector\.test/, socket);
    await p.route(`${ctx.app.base}/fflate.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: FFLATE }));
  } });
  await page.addScriptTag({ url: '/fflate.js' });
  // The replay tool's batch of events and its XHR sender, as the page's scripts.
  await page.evaluate(() => {
    window.batch = (text) => JSON.stringify({ events: [{ type: 3, data: { source: 0, texts: [{ id: 7, value: text }] } }] });
    window.xhr = (url, body, type) => new Promise((ok) => {
      const x = new XMLHttpRequest();
      x.open('POST', url);
      if (type) x.setRequestHeader('content-type', type);
      x.onloadend = () => ok(x.piiAirlockError?.reason ?? x.status);
      x.send(body);
    });
    window.squeeze = async (format, text) => new Uint8Array(await new Response(
      new Blob([text]).stream().pipeThrough(new CompressionStream(format))).arrayBuffer());
  });
  return { page, errors, seen, shown };
}

/** What the collector received at `path`, decompressed with Node's zlib as `format` says. */
function received(seen, path, format) {
  const hit = seen.find((s) => s.path === path);
  assert.ok(hit, `nothing arrived at ${path}: ${seen.map((s) => s.path).join(' ')}`);
  const inflate = { gzip: gunzipSync, zlib: inflateSync, raw: inflateRawSync, none: (b) => b }[format];
  return { ...hit, text: inflate(hit.body).toString('utf8') };
}

function assertMasked(hit, shown) {
  assert.ok(!hit.text.includes(A) && !hit.url.includes(A) && !hit.url.includes(encodeURIComponent(A)), `${hit.path} carried the address`);
  // The batch as it was, with only the value replaced.
  assert.equal(hit.text, batch(shown.replace(A, TOKEN)), hit.path);
}

/** The page's `window.batch`, for comparing in Node. */
function batch(text) {
  return JSON.stringify({ events: [{ type: 3, data: { source: 0, texts: [{ id: 7, value: text }] } }] });
}

test('event batches compressed with fflate (gzip, zlib, raw deflate) leave masked by fetch, XMLHttpRequest and sendBeacon; a batch without originals leaves byte for byte', async () => {
  const { page, errors, seen, shown } = await replayPage();
  const clean = await page.evaluate(async ([tp, shown]) => {
    const { gzipSync, zlibSync, deflateSync, strToU8 } = window.fflate;
    const packed = (f, t) => f(strToU8(window.batch(t)));
    await fetch(`${tp}/gzip-fetch`, { method: 'POST', body: packed(gzipSync, shown) });
    await fetch(`${tp}/zlib-fetch`, { method: 'POST', body: packed(zlibSync, shown).slice().buffer });
    await fetch(`${tp}/raw-fetch`, { method: 'POST', body: new DataView(packed(deflateSync, shown).slice().buffer) });
    await window.xhr(`${tp}/gzip-xhr`, packed(gzipSync, shown), 'text/plain');
    navigator.sendBeacon(`${tp}/gzip-beacon`, packed(gzipSync, shown));
    // The same tools' batches of what holds no kept value.
    const clean = packed(gzipSync, 'nothing kept in here');
    await fetch(`${tp}/clean-fetch`, { method: 'POST', body: clean });
    await window.xhr(`${tp}/clean-xhr`, clean);
    navigator.sendBeacon(`${tp}/clean-beacon`, clean);
    return [...clean];
  }, [THIRD_PARTY, shown]);
  await until(() => seen.length >= 8);
  for (const [path, format] of [['/gzip-fetch', 'gzip'], ['/zlib-fetch', 'zlib'], ['/raw-fetch', 'raw'], ['/gzip-xhr', 'gzip'], ['/gzip-beacon', 'gzip']]) {
    assertMasked(received(seen, path, format), shown);
  }
  // Compressed again in its own format (the collector could not read it otherwise).
  assert.deepEqual([...received(seen, '/gzip-fetch', 'gzip').body.subarray(0, 2)], [0x1f, 0x8b]);
  for (const path of ['/clean-fetch', '/clean-xhr', '/clean-beacon']) {
    assert.ok(received(seen, path, 'gzip').body.equals(Buffer.from(clean)), `${path} was changed`);
  }
  const events = await page.evaluate(() => [window.masked, window.blocked]);
  assert.deepEqual([...new Set(events[0])].sort(),
    ['/gzip-beacon', '/gzip-fetch', '/gzip-xhr', '/raw-fetch', '/zlib-fetch'].map((p) => `${THIRD_PARTY}${p}`));
  assert.deepEqual(events[1], []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('CompressionStream batches, Blobs, bytes and Request objects with a body leave masked; their content type stays', async () => {
  const { page, errors, seen, shown } = await replayPage();
  const clean = await page.evaluate(async ([tp, shown]) => {
    const gz = await window.squeeze('gzip', window.batch(shown));
    await fetch(`${tp}/cs-gzip-blob`, { method: 'POST', body: new Blob([gz], { type: 'application/octet-stream' }) });
    await window.xhr(`${tp}/cs-deflate-xhr`, await window.squeeze('deflate', window.batch(shown)));
    await fetch(`${tp}/blob`, { method: 'POST', body: new Blob([window.batch(shown)], { type: 'text/plain' }) });
    await window.xhr(`${tp}/bytes-xhr`, new TextEncoder().encode(window.batch(shown)));
    await window.xhr(`${tp}/blob-xhr`, new Blob([window.batch(shown)]));
    // Text whose first two bytes happen to make a zlib header ('x^'): tried, then read as text.
    await window.xhr(`${tp}/zlib-like-text`, new TextEncoder().encode(`x^${window.batch(shown)}`));
    // A Request object carries its own body (and here the value in its URL too).
    await fetch(new Request(`${tp}/request?dom=${encodeURIComponent(shown)}`, { method: 'POST', body: window.batch(shown) }));
    await fetch(new Request(`${tp}/request-blob`, { method: 'POST', body: new Blob([gz]) }));
    await fetch(new Request(`${tp}/request-get?dom=${encodeURIComponent(shown)}`, { cache: 'no-store' }));
    navigator.sendBeacon(`${tp}/blob-beacon`, new Blob([window.batch(shown)], { type: 'text/plain' }));
    navigator.sendBeacon(`${tp}/cs-gzip-beacon`, new Blob([gz]));
    const clean = await window.squeeze('gzip', window.batch('nothing kept'));
    await fetch(`${tp}/clean-blob`, { method: 'POST', body: new Blob([clean], { type: 'application/octet-stream' }) });
    await fetch(new Request(`${tp}/clean-request`, { method: 'POST', body: clean }));
    navigator.sendBeacon(`${tp}/clean-blob-beacon`, new Blob([clean]));
    return [...clean];
  }, [THIRD_PARTY, shown]);
  await until(() => seen.length >= 14);
  assert.equal(new URL(received(seen, '/request-get', 'none').url).searchParams.get('dom'), `Got it: ${TOKEN}.`);
  assert.equal(received(seen, '/zlib-like-text', 'none').text, `x^${batch(shown.replace(A, TOKEN))}`);
  const formats = {
    '/cs-gzip-blob': 'gzip', '/cs-deflate-xhr': 'zlib', '/blob': 'none', '/bytes-xhr': 'none', '/blob-xhr': 'none',
    '/request': 'none', '/request-blob': 'gzip', '/blob-beacon': 'none', '/cs-gzip-beacon': 'gzip',
  };
  for (const [path, format] of Object.entries(formats)) assertMasked(received(seen, path, format), shown);
  assert.equal(received(seen, '/cs-gzip-blob', 'gzip').type, 'application/octet-stream');
  assert.equal(received(seen, '/blob', 'none').type, 'text/plain');
  assert.equal(received(seen, '/request', 'none').type, 'text/plain;charset=UTF-8');
  assert.equal(new URL(received(seen, '/request', 'none').url).searchParams.get('dom'), `Got it: ${TOKEN}.`);
  for (const path of ['/clean-blob', '/clean-request', '/clean-blob-beacon']) {
    assert.ok(received(seen, path, 'gzip').body.equals(Buffer.from(clean)), `${path} was changed`);
  }
  const [masked, blocked] = await page.evaluate(() => [window.masked, window.blocked]);
  assert.deepEqual([...new Set(masked)].sort(), [...Object.keys(formats), '/zlib-like-text', '/request-get'].sort().map((p) => `${THIRD_PARTY}${p}`));
  assert.deepEqual(blocked, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('binary that holds a kept value as UTF-8 is refused (it cannot be rewritten); other binary and pages that keep nothing send bytes untouched', async () => {
  const { page, errors, seen } = await replayPage();
  const outcome = await page.evaluate(async ([tp, a]) => {
    // Protobuf-like: field tags and lengths around the value's UTF-8 bytes.
    const value = new TextEncoder().encode(`text ${a}`);
    const proto = new Uint8Array([0x0a, value.length, ...value, 0x10, 0x01, 0x00, 0xff]);
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xfe, 0x80]);
    let fetched;
    try { await fetch(`${tp}/proto-fetch`, { method: 'POST', body: proto }); fetched = 'sent'; } catch (e) { fetched = [e.name, e.reason, e.message]; }
    const xhred = await window.xhr(`${tp}/proto-xhr`, new Blob([proto]));
    const beacon = navigator.sendBeacon(`${tp}/proto-beacon`, new Blob([proto]));
    // Compressed bytes cannot be read while a synchronous request waits: refused.
    let sync;
    try {
      const x = new XMLHttpRequest();
      x.open('POST', `${tp}/sync-xhr`, false);
      x.send(window.fflate.gzipSync(new TextEncoder().encode(a)));
      sync = 'sent';
    } catch (e) { sync = e.reason; }
    await fetch(`${tp}/image`, { method: 'POST', body: image });
    await new Promise((r) => setTimeout(r, 300));
    return { fetched, xhred, beacon, sync, image: [...image], blocked: window.blocked };
  }, [THIRD_PARTY, A]);
  assert.equal(outcome.fetched[0], 'PiiAirlockBlockedError');
  assert.equal(outcome.fetched[1], 'body-type');
  assert.equal(outcome.xhred, 'body-type');
  assert.equal(outcome.beacon, true, 'a beacon answers before its Blob is read');
  assert.equal(outcome.sync, 'body-type');
  assert.deepEqual(outcome.blocked.map((b) => b[0]), ['body-type', 'body-type', 'body-type', 'body-type']);
  // No message names the value.
  for (const text of [outcome.fetched[2], ...outcome.blocked.map((b) => b[1])]) assert.ok(!text.includes('ann.lee'), text);
  await until(() => seen.length >= 1);
  assert.deepEqual(seen.map((s) => s.path), ['/image']);
  assert.ok(seen[0].body.equals(Buffer.from(outcome.image)));
  assert.deepEqual(errors, []);
  await page.close();

  // A page where the guard keeps nothing yet: a batch with the address typed elsewhere is not
  // the guard's to mask, and goes as it is, even from a synchronous request.
  const fresh = await replayPage({ restore: false });
  const sent = await fresh.page.evaluate(async ([tp, a]) => {
    const gz = window.fflate.gzipSync(new TextEncoder().encode(window.batch(a)));
    const x = new XMLHttpRequest();
    x.open('POST', `${tp}/fresh-sync`, false);
    x.send(gz);
    await fetch(`${tp}/fresh-blob`, { method: 'POST', body: new Blob([gz]) });
    return [...gz];
  }, [THIRD_PARTY, A]);
  await until(() => fresh.seen.length >= 2);
  for (const s of fresh.seen) assert.ok(s.body.equals(Buffer.from(sent)), s.path);
  assert.deepEqual(fresh.errors, []);
  await fresh.page.close();
});

/** The parts of a multipart/form-data body: name, file name and bytes of each. */
function parts(hit) {
  const boundary = Buffer.from(`--${/boundary=(.+)$/.exec(hit.type)[1]}`);
  const out = [];
  let at = hit.body.indexOf(boundary);
  for (;;) {
    const next = hit.body.indexOf(boundary, at + boundary.length);
    if (next < 0) return out;
    const part = hit.body.subarray(at + boundary.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    out.push({ name: /name="([^"]*)"/.exec(head)[1], file: /filename="([^"]*)"/.exec(head)?.[1], body: part.subarray(split + 4) });
    at = next;
  }
}

test('a FormData whose file is a compressed segment (as replay tools upload them) leaves masked by fetch and sendBeacon', async () => {
  const { page, errors, seen, shown } = await replayPage();
  await page.evaluate(async ([tp, shown]) => {
    const form = (text) => {
      const f = new FormData();
      f.append('segment', new Blob([window.fflate.zlibSync(window.fflate.strToU8(window.batch(text)))], { type: 'application/octet-stream' }), 'segment-1');
      f.append('event', JSON.stringify({ view: text }));
      return f;
    };
    await fetch(`${tp}/form-fetch`, { method: 'POST', body: form(shown) });
    navigator.sendBeacon(`${tp}/form-beacon`, form(shown));
    await fetch(`${tp}/form-clean`, { method: 'POST', body: form('nothing kept') });
  }, [THIRD_PARTY, shown]);
  await until(() => seen.length >= 3);
  for (const path of ['/form-fetch', '/form-beacon']) {
    const [segment, event] = parts(received(seen, path, 'none'));
    assert.deepEqual([segment.name, segment.file, event.name], ['segment', 'segment-1', 'event'], path);
    assertMasked({ ...received(seen, path, 'none'), text: inflateSync(segment.body).toString('utf8') }, shown);
    assert.equal(event.body.toString('utf8'), JSON.stringify({ view: shown.replace(A, TOKEN) }));
  }
  const clean = parts(received(seen, '/form-clean', 'none'));
  assert.equal(inflateSync(clean[0].body).toString('utf8'), batch('nothing kept'));
  const [masked, blocked] = await page.evaluate(() => [window.masked, window.blocked]);
  assert.deepEqual([...new Set(masked)].sort(), ['/form-beacon', '/form-fetch'].map((p) => `${THIRD_PARTY}${p}`));
  assert.deepEqual(blocked, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('WebSocket.send to a third party, which cannot wait: text bytes are masked, binary holding a kept value and Blobs are refused', async () => {
  const got = [];
  const { page, errors, shown } = await replayPage({ socket: (ws) => ws.onMessage((m) => got.push(m)) });
  const outcome = await page.evaluate(async ([tp, shown, a]) => {
    const ws = new WebSocket(`${tp.replace('http', 'ws')}/live`);
    await new Promise((ok) => { ws.onopen = ok; });
    const tried = (body) => { try { ws.send(body); return 'sent'; } catch (e) { return e.reason; } };
    const value = new TextEncoder().encode(a);
    const out = [
      tried(new TextEncoder().encode(window.batch(shown))),
      tried(new Uint8Array([0x0a, value.length, ...value, 0x00])),
      tried(new Blob(['anything'])),
      tried(window.batch(shown)),
    ];
    await new Promise((r) => setTimeout(r, 300));
    return out;
  }, [THIRD_PARTY, shown, A]);
  assert.deepEqual(outcome, ['sent', 'body-type', 'body-type', 'sent']);
  await until(() => got.length >= 2);
  assert.equal(got.length, 2);
  assert.equal(Buffer.from(got[0]).toString('utf8'), batch(shown.replace(A, TOKEN)));
  assert.equal(got[1], batch(shown.replace(A, TOKEN)));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a beacon sent as the page is left, whose Blob cannot be read in time, is lost rather than sent with the value', async () => {
  // The app's own server as the collector (`elsewhere: "all"`): `page.route` does not see
  // requests sent while a page unloads, a server does.
  const got = [];
  const listen = async (req) => {
    if (!req.url.startsWith('/leaving-')) return;
    const chunks = [];
    for await (const c of req) chunks.push(c);
    got.push({ path: req.url, body: Buffer.concat(chunks) });
  };
  ctx.app.server.on('request', listen);
  try {
    for (const restore of [true, false]) {
      const { page } = await replayPage({ restore, query: '&elsewhere=all' });
      await page.evaluate(([a, restore]) => {
        const shown = `Got it: ${a}.`;
        window.addEventListener('pagehide', () => navigator.sendBeacon(`/leaving-${restore}`,
          new Blob([window.fflate.gzipSync(window.fflate.strToU8(window.batch(shown)))])));
      }, [A, restore]);
      await page.goto('about:blank');
      await new Promise((r) => setTimeout(r, 1000));
      await page.close();
    }
  } finally {
    ctx.app.server.off('request', listen);
  }
  // Kept values: the beacon never carries one (Chromium drops the read with the document).
  for (const g of got.filter((g) => g.path === '/leaving-true')) {
    assert.ok(!gunzipSync(g.body).toString('utf8').includes(A), 'a beacon carried the kept address');
  }
  // Nothing kept: the beacon goes at once, as it is (the server does see beacons sent then).
  assert.equal(got.filter((g) => g.path === '/leaving-false').length, 1);
});
