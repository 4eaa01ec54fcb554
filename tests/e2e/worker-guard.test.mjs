// `pii-airlock/worker-guard` in Debian's Chromium, from the packed tarball: an application's own
// module worker (a chat client streaming from the LLM off the main thread) guards its fetch and
// XMLHttpRequest with installWorkerGuard(); the page can answer its consent questions with the
// guard's dialog (serveWorker), and without a page findings become placeholders (fail closed).
// Pages and workers run under the strict CSP plus `worker-src 'self'`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watchErrors } from './browser.mjs';
import { appServer, packTarball, plainApp, socketServer } from './fixtures.mjs';
import { CSP } from '../../scripts/serve.mjs';

const EMAIL = 'jane.doe@example.com';
const PHONE = '+1 415-555-0132';
const SECRET = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const WORKER_CSP = `${CSP}; worker-src 'self'`;

const PKG = './node_modules/pii-airlock';

// The page: starts the chat worker (?worker=<file>), serves it with its guard when ?serve=1,
// and hands each worker message to the test.
const PAGE_JS = `import { createGuard } from '${PKG}/index.js';
const params = new URLSearchParams(location.search);
window.__messages = [];
const script = './' + (params.get('worker') ?? 'chat-worker.js') + location.search;
// ?shared=1: a SharedWorker, talked to through its port.
const shared = params.get('shared') ? new SharedWorker(script, { type: 'module' }) : null;
const worker = shared ? null : new Worker(script, { type: 'module' });
const channel = shared ? shared.port : worker;
channel.addEventListener('message', (e) => window.__messages.push(e.data));
(shared ?? worker).addEventListener('error', () => window.__messages.push({ error: 'worker-error' }));
shared?.port.start();
window.__send = (content, transport) => channel.postMessage({ content, transport });
if (params.get('serve')) {
  const options = { endpoints: ['/v1/'], policy: 'gdpr', locale: 'en' };
  // ?serve=fn: the page's guard decides with a function (it records what it was asked).
  window.__asked = [];
  if (params.get('serve') === 'fn') {
    options.consent = ({ items, allowAsTyped }) => {
      window.__asked.push({ entities: items.map((i) => i.entity), allowAsTyped });
      return 'as-typed';
    };
  }
  const guard = await createGuard(options);
  window.__guard = guard;
  window.__stop = guard.serveWorker(worker);
}
document.body.dataset.state = 'ready';
`;

// The application's worker: an OpenAI-style chat client (streamed fetch or XMLHttpRequest).
const CLIENT = `
const violations = [];
self.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));

async function streamed(body) {
  const res = await fetch('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let cut;
    while ((cut = buf.indexOf('\\n\\n')) >= 0) {
      const data = buf.slice(0, cut).split('\\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('');
      buf = buf.slice(cut + 2);
      if (!data || data === '[DONE]') continue;
      for (const c of JSON.parse(data).choices ?? []) text += c.delta?.content ?? '';
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

function viaSocket(body) {
  return new Promise((ok, fail) => {
    const ws = new WebSocket('ws://' + location.host + '/v1/socket');
    ws.onopen = () => { try { ws.send(body); ok('sent'); } catch (e) { fail(e); } };
    ws.onerror = () => fail(new Error('socket'));
  });
}

async function chat({ content, transport }) {
  if (transport === 'ws') {
    const body = JSON.stringify({ model: 'test', messages: [{ role: 'user', content }] });
    return viaSocket(body).then((answer) => ({ answer, violations }), (err) => ({ error: err.name, reason: err.reason ?? null, violations }));
  }
  const xhr = transport === 'xhr';
  const body = JSON.stringify({ model: 'test', stream: !xhr, messages: [{ role: 'user', content }] });
  try {
    const answer = xhr ? await viaXhr(body) : await streamed(body);
    return { answer, violations };
  } catch (err) {
    return { error: err.name, reason: err.reason ?? null, violations };
  }
}

if (typeof SharedWorkerGlobalScope !== 'undefined') {
  self.addEventListener('connect', (e) => {
    const port = e.ports[0];
    port.onmessage = async (m) => port.postMessage(await chat(m.data));
    if (self.ready) port.postMessage({ ready: true });
    else self.readyPorts = [...(self.readyPorts ?? []), port];
  });
} else {
  self.addEventListener('message', async (e) => self.postMessage(await chat(e.data)));
}
`;

// Guarded: the worker-guard import and call come first, before anything can send.
const GUARDED_WORKER = `import { installWorkerGuard } from '${PKG}/src/worker-guard.js';
const params = new URL(self.location.href).searchParams;
const policy = params.get('policy') ?? { version: 1, id: 'ask-all', defaultAction: 'ask' };
installWorkerGuard({ endpoints: ['/v1/', new RegExp('/v1/socket$')], policy, locale: 'en' }).guard.then(() => {
  self.ready = true;
  if (typeof SharedWorkerGlobalScope === 'undefined') self.postMessage({ ready: true });
  for (const port of self.readyPorts ?? []) port.postMessage({ ready: true });
});
${CLIENT}`;

// A client that kept the worker's fetch from before installWorkerGuard() (as an SDK's
// constructor does): its requests go around the guard, which reports them.
const LEAKY_WORKER = `import { installWorkerGuard } from '${PKG}/src/worker-guard.js';
const kept = self.fetch;
installWorkerGuard({ endpoints: ['/v1/'], policy: 'gdpr', locale: 'en' }).guard.then(() => self.postMessage({ ready: true }));
${CLIENT.replace('await fetch(', 'await kept(')}`;

const ctx = { app: null, browser: null, texts: [] };

before(async () => {
  const dir = plainApp(packTarball(), 'textarea');
  writeFileSync(join(dir, 'w.html'), '<!doctype html><meta charset="utf-8"><title>worker</title><body><script type="module" src="./w.js"></script></body>\n');
  writeFileSync(join(dir, 'w.js'), PAGE_JS);
  writeFileSync(join(dir, 'chat-worker.js'), GUARDED_WORKER);
  writeFileSync(join(dir, 'leaky-worker.js'), LEAKY_WORKER);
  ctx.app = await appServer(dir);
  ctx.texts = socketServer(ctx.app.server);
  ctx.browser = await launch();
});
after(async () => {
  await ctx.browser?.close();
  ctx.app?.server.close();
});

/** A page of the worker app, its document served with `worker-src 'self'` added to the strict CSP. */
async function open(query) {
  const page = await ctx.browser.newPage();
  const csp = {};
  await page.route('**/w.html*', async (route) => {
    const res = await route.fetch();
    csp.page = WORKER_CSP;
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': WORKER_CSP } });
  });
  page.on('response', (r) => { if (/-worker\.js/.test(r.url())) csp.worker = r.headers()['content-security-policy']; });
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/w.html${query}`);
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
  // The worker's engine has loaded (its hooks were in place from the start).
  await page.waitForFunction(() => window.__messages.some((m) => m.ready || m.error), null, { timeout: 20000 });
  assert.deepEqual(await page.evaluate(() => window.__messages), [{ ready: true }]);
  ctx.app.received.length = 0;
  return { page, errors, csp };
}

/** Sends `content` from the worker and waits for its reply. */
async function ask(page, content, transport = 'fetch') {
  const n = await page.evaluate(() => window.__messages.length);
  await page.evaluate(([c, t]) => window.__send(c, t), [content, transport]);
  await page.waitForFunction((k) => window.__messages.length > k, n, { timeout: 20000 });
  return page.evaluate((k) => window.__messages[k], n);
}

test('a module worker\'s streamed fetch and its XMLHttpRequest leave with placeholders; answers are restored in the worker', async () => {
  const { page, errors, csp } = await open('?');
  // The page and the worker run under the strict CSP: no eval, only 'wasm-unsafe-eval'.
  assert.equal(csp.page, `${CSP}; worker-src 'self'`);
  assert.ok(csp.worker.includes("script-src 'self' 'wasm-unsafe-eval'"), csp.worker);
  const reply = await ask(page, `Mail ${EMAIL} or call ${PHONE}`);
  assert.equal(ctx.app.received.length, 1);
  const sent = JSON.parse(ctx.app.received[0]).messages[0].content;
  assert.equal(sent, 'Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1]');
  assert.ok(!ctx.app.received[0].includes(EMAIL) && !ctx.app.received[0].includes('555'));
  assert.deepEqual(reply, { answer: `Got it: ${EMAIL} and ${PHONE}.`, violations: [] });

  ctx.app.received.length = 0;
  const viaXhr = await ask(page, `Mail ${EMAIL}`, 'xhr');
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.deepEqual(viaXhr, { answer: `Got it: ${EMAIL}.`, violations: [] });
  // Nobody could be asked: no dialog on the page.
  assert.equal(await page.$('pii-airlock-consent'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a policy block refuses the request in the worker with the guard\'s error; nothing leaves', async () => {
  const { page, errors } = await open('?policy=strict');
  const reply = await ask(page, `deploy with key ${SECRET}`);
  assert.deepEqual(reply, { error: 'PiiAirlockBlockedError', reason: 'policy-block', violations: [] });
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(ctx.app.received, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('serveWorker: the page asks with the guard\'s dialog; cancel refuses in the worker, "send as typed" sends', async () => {
  const { page, errors } = await open('?serve=1');
  const cancelled = page.evaluate((c) => {
    const n = window.__messages.length;
    window.__send(c, 'fetch');
    return new Promise((ok) => { const t = setInterval(() => { if (window.__messages.length > n) { clearInterval(t); ok(window.__messages[n]); } }, 20); });
  }, `Mail ${EMAIL}`);
  await page.waitForSelector('pii-airlock-consent >> button[value="cancelled"]');
  const items = await page.$eval('pii-airlock-consent', (h) => [...h.shadowRoot.querySelectorAll('li')].map((li) => li.dataset.entity));
  assert.deepEqual(items, ['EMAIL_ADDRESS']);
  await page.click('pii-airlock-consent >> button[value="cancelled"]');
  assert.deepEqual(await cancelled, { error: 'PiiAirlockBlockedError', reason: 'cancelled', violations: [] });
  assert.deepEqual(ctx.app.received, []);

  const typed = page.evaluate((c) => {
    const n = window.__messages.length;
    window.__send(c, 'xhr');
    return new Promise((ok) => { const t = setInterval(() => { if (window.__messages.length > n) { clearInterval(t); ok(window.__messages[n]); } }, 20); });
  }, `Mail ${EMAIL}`);
  await page.click('pii-airlock-consent >> button[value="as-typed"]');
  assert.deepEqual(await typed, { answer: 'Got it: nothing personal.', violations: [] });
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, `Mail ${EMAIL}`);

  // Once the page stops serving, the worker fails closed again: placeholders, no dialog.
  ctx.app.received.length = 0;
  await page.evaluate(() => window.__stop());
  const after = await ask(page, `Mail ${EMAIL}`);
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.equal(after.answer, `Got it: ${EMAIL}.`);
  assert.equal(await page.$('pii-airlock-consent'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker client that kept fetch from before installWorkerGuard() is reported in the worker and on the serving page', async () => {
  const { page, errors } = await open('?worker=leaky-worker.js&serve=1');
  await page.evaluate(() => {
    window.__bypass = [];
    window.__guard.addEventListener('pii-airlock-bypass', (e) => window.__bypass.push(e.detail));
  });
  const consoleText = [];
  page.on('console', (m) => consoleText.push(m.text()));
  const reply = await ask(page, `Mail ${EMAIL}`);
  // Nothing can stop a request made with a fetch taken before the hooks: it leaves as typed…
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, `Mail ${EMAIL}`);
  assert.equal(reply.answer, 'Got it: nothing personal.');
  // …and is reported, origin and path only.
  await page.waitForFunction(() => window.__bypass.length > 0, null, { timeout: 10000 });
  assert.deepEqual(await page.evaluate(() => window.__bypass),
    [{ url: `${ctx.app.base}/v1/chat/completions`, initiatorType: 'fetch', worker: true }]);
  assert.ok(consoleText.some((t) => t.includes('did not pass through the guard')), 'the worker warns');
  assert.ok(consoleText.every((t) => !t.includes(EMAIL)), 'no value in the console');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a shared worker\'s requests are guarded too; nobody can be asked there, so findings become placeholders', async () => {
  const { page, errors } = await open('?shared=1');
  const reply = await ask(page, `Mail ${EMAIL} or call ${PHONE}`, 'xhr');
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1]');
  assert.deepEqual(reply, { answer: `Got it: ${EMAIL} and ${PHONE}.`, violations: [] });
  assert.equal(await page.$('pii-airlock-consent'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('serveWorker answers with the page guard\'s own consent mode (a function here)', async () => {
  const { page, errors } = await open('?serve=fn');
  const reply = await ask(page, `Mail ${EMAIL} or call ${PHONE}`);
  assert.deepEqual(await page.evaluate(() => window.__asked),
    [{ entities: ['EMAIL_ADDRESS', 'PHONE_NUMBER'], allowAsTyped: true }]);
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, `Mail ${EMAIL} or call ${PHONE}`);
  assert.equal(reply.answer, 'Got it: nothing personal.');
  assert.equal(await page.$('pii-airlock-consent'), null, 'no dialog: the function answered');
  assert.deepEqual(errors, []);
  await page.close();
});

test('serveWorker: a worker\'s question waits for the page\'s own open consent (one dialog at a time)', async () => {
  const { page, errors } = await open('?serve=1');
  await page.evaluate(() => { window.__own = window.__guard.requestConsent('I was diagnosed with diabetes last year.').then((r) => r.decision); });
  await page.waitForSelector('pii-airlock-consent >> button[value="cancelled"]');
  const pending = page.evaluate((c) => {
    const n = window.__messages.length;
    window.__send(c, 'fetch');
    return new Promise((ok) => { const t = setInterval(() => { if (window.__messages.length > n) { clearInterval(t); ok(window.__messages[n]); } }, 20); });
  }, `Mail ${EMAIL}`);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await page.$$('pii-airlock-consent')).length, 1, 'the worker\'s question waits');
  await page.click('pii-airlock-consent >> button[value="cancelled"]');
  assert.equal(await page.evaluate(() => window.__own), 'cancelled');
  await page.waitForSelector('pii-airlock-consent >> button[value="redacted"]');
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  assert.deepEqual(await pending, { answer: `Got it: ${EMAIL}.`, violations: [] });
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker\'s WebSocket messages to a guarded socket are filtered without asking; a policy block throws there', async () => {
  const { page, errors } = await open('?');
  const reply = await ask(page, `Mail ${EMAIL} or call ${PHONE}`, 'ws');
  assert.deepEqual(reply, { answer: 'sent', violations: [] });
  for (let i = 0; i < 100 && ctx.texts.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(JSON.parse(ctx.texts[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1]');
  await page.close();

  const strict = await open('?policy=strict');
  ctx.texts.length = 0;
  const refused = await ask(strict.page, `deploy with key ${SECRET}`, 'ws');
  assert.deepEqual(refused, { error: 'PiiAirlockBlockedError', reason: 'policy-block', violations: [] });
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(ctx.texts, []);
  assert.deepEqual([...errors, ...strict.errors], []);
  await strict.page.close();
});
