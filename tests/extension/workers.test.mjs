// What a page's workers send: a dedicated or shared worker has its own `fetch` and `WebSocket`,
// which no extension script reaches, and no DOM, so the message box's text reaches it only from
// a window: posted to it, to its port or a port handed over, on a BroadcastChannel, or in its
// script's address or its name. main-world.js checks each of those at once; here workers the
// page starts send on whatever they are given (to the recording backend), and only the page's
// own strings arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExtension, openSite, editorOf, until } from './harness.mjs';

const env = withExtension();
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Each worker sends what it gets, as a query, to /telemetry/<channel>. */
const WORKERS = {
  'dedicated.js': `const send = (ch, d) => fetch('/telemetry/' + ch + '?d=' + encodeURIComponent(JSON.stringify(d)));
onmessage = (e) => {
  if (e.ports[0]) e.ports[0].onmessage = (m) => send('worker-port', m.data);
  send('worker-' + (e.data?.ch ?? 'plain'), e.data);
};
new BroadcastChannel('drafts').onmessage = (e) => send('worker-broadcast', e.data);
send('worker-started', { at: location.search, name: self.name });`,
  // (A shared worker's own requests are not routed by the test browser: it answers on its port.)
  'shared.js': `onconnect = (e) => {
  const port = e.ports[0];
  port.onmessage = (m) => port.postMessage(JSON.stringify(m.data));
};`,
};

test('what the page posts to its workers, or puts in their address or name, carries no unsent text', async () => {
  await env.ctx.context.route(/^https:\/\/chatgpt\.com\/w\//, (route) => {
    const name = new URL(route.request().url()).pathname.slice(3);
    return WORKERS[name] ? route.fulfill({ contentType: 'text/javascript', body: WORKERS[name] }) : route.fulfill({ status: 404, body: '' });
  });
  const page = await openSite(env.ctx.context, 'chatgpt', 'workers-chatgpt');
  const reads = () => env.backend.reads.filter((r) => r.site === 'chatgpt');
  const text = 'Please ask Jane Doe to call +44 20 7946 0958';
  await page.click(editorOf('chatgpt'));
  await page.keyboard.type(text);
  await pause(1000);
  const from = env.backend.reads.length;
  const result = await page.evaluate(async () => {
    const t = editorText();
    const w = new Worker('/w/dedicated.js?v=3', { name: 'composer' });
    const { port1, port2 } = new MessageChannel();
    w.postMessage({ ch: 'handover' }, [port2]);
    w.postMessage({ ch: 'draft', text: t });
    w.postMessage(JSON.stringify({ ch: 'json', state: { text: t.slice(0, 14) } }));
    w.postMessage(new Map([['draft', t]]));
    port1.postMessage({ text: t });
    new BroadcastChannel('drafts').postMessage(t);
    const shared = new SharedWorker('/w/shared.js');
    const echoes = [];
    shared.port.onmessage = (m) => echoes.push(m.data);
    shared.port.postMessage({ words: t.split(' ').slice(2, 4).join(' ') });
    // The site's own messages: ids, event names, numbers.
    w.postMessage({ ch: 'own', ev: 'composer_focus', id: 42 });
    port1.postMessage({ ev: 'port_ready' });
    shared.port.postMessage({ ev: 'shared_ready' });
    await new Promise((r) => setTimeout(r, 3000));
    const started = [];
    for (const [url, opts] of [[`/w/dedicated.js?d=${encodeURIComponent(t)}`], ['/w/dedicated.js', { name: t }],
      [`data:text/javascript,fetch('/telemetry/data-worker?d=${encodeURIComponent(t)}')`]]) {
      try {
        new Worker(url, opts);
        started.push('started');
      } catch (e) {
        started.push(e.name);
      }
    }
    for (const url of [`/w/shared.js?d=${encodeURIComponent(t)}`]) {
      try {
        new SharedWorker(url);
        started.push('started');
      } catch (e) {
        started.push(e.name);
      }
    }
    return { started, echoes };
  });
  // The worker address, name and script that carry the text are not started.
  assert.deepEqual(result.started, ['SecurityError', 'SecurityError', 'SecurityError', 'SecurityError']);
  // The shared worker got the site's own message only.
  assert.deepEqual(result.echoes, ['{"ev":"shared_ready"}']);
  // The site's own messages arrive …
  await until(() => ['worker-own', 'worker-port'].every((c) => reads().slice(from).some((r) => r.channel === c && r.url.includes('_'))), 20000);
  await pause(1500);
  // … and nothing that carries the text or a piece of it.
  const mine = env.backend.reads.slice(from).filter((r) => r.site === 'chatgpt');
  const leaked = mine.filter((r) => /jane|7946|\+44/i.test(decodeURIComponent(r.url)));
  assert.deepEqual(leaked.map((r) => r.channel), [], 'a worker sent the unsent text');
  assert.deepEqual(mine.filter((r) => r.channel === 'worker-started').map((r) => JSON.parse(new URL(r.url).searchParams.get('d'))), [{ at: '?v=3', name: 'composer' }]);
  await page.close();
});
