// The official openai SDK and the Vercel AI SDK (`ai` + `@ai-sdk/openai`), installed from the
// npm registry into a Vite app with the packed tarball, used unmodified through
// `fetch: guard.guardFetch()` in Chromium against the mock backend: the request leaves with
// placeholders, JSON and streamed answers come back restored, and a cancelled consent is
// neither retried nor turned into a connection error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchErrors } from './browser.mjs';
import { packTarball, appServer, viteAppWith } from './fixtures.mjs';

const EMAIL = 'jane.doe@example.com';

const MAIN = `import { createGuard } from 'pii-airlock';
import OpenAI from 'openai';
import { generateText, streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';

// Every finding is asked about, so the consent dialog shows.
const guard = await createGuard({ locale: 'en', policy: { version: 1, id: 'ask-all', defaultAction: 'ask' } });
const baseURL = location.origin + '/v1';
// The one-line integrations: each client gets the guard's fetch.
const openai = new OpenAI({ apiKey: 'test', baseURL, dangerouslyAllowBrowser: true, fetch: guard.guardFetch() });
const vercel = createOpenAI({ apiKey: 'test', baseURL, fetch: guard.guardFetch() });

window.__dialogs = 0;
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'PII-AIRLOCK-CONSENT') window.__dialogs += 1;
}).observe(document.body, { childList: true });

// A client built before install(): it keeps the unhooked fetch, so its requests go around the
// guard. The guard cannot stop them, but it sees them in resource timing and says so.
const early = new OpenAI({ apiKey: 'test', baseURL, dangerouslyAllowBrowser: true, maxRetries: 0 });
window.__bypasses = [];
guard.addEventListener('pii-airlock-bypass', (e) => window.__bypasses.push(e.detail));

const described = (e) => ({ name: e?.name, reason: e?.reason, status: e?.status, type: e?.error?.type, code: e?.code,
  message: String(e?.message ?? e) });

window.run = async (kind, prompt) => {
  try {
    if (kind === 'openai') {
      const r = await openai.chat.completions.create({ model: 'test', messages: [{ role: 'user', content: prompt }] });
      return { text: r.choices[0].message.content };
    }
    if (kind === 'openai-stream') {
      const stream = await openai.chat.completions.create({ model: 'test', stream: true, messages: [{ role: 'user', content: prompt }] });
      let text = '';
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
      return { text };
    }
    if (kind === 'bypass') {
      guard.install();
      const r = await early.chat.completions.create({ model: 'test', messages: [{ role: 'user', content: prompt }] });
      return { text: r.choices[0].message.content };
    }
    if (kind === 'hooked') {
      // The hooked global fetch: the guard sends this one, so it is no bypass.
      const res = await fetch(baseURL + '/chat/completions?x=1', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'test', messages: [{ role: 'user', content: prompt }] }) });
      return { text: (await res.json()).choices[0].message.content };
    }
    if (kind === 'ai') {
      const r = await generateText({ model: vercel.chat('test'), prompt });
      return { text: r.text };
    }
    if (kind === 'ai-stream') {
      const r = streamText({ model: vercel.chat('test'), prompt, onError: () => {} });
      let text = '';
      for await (const t of r.textStream) text += t;
      return { text };
    }
  } catch (e) {
    return { error: described(e), cause: described(e?.cause) };
  }
  return { error: { message: 'unknown kind' } };
};
document.body.dataset.state = 'ready';
`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sdk</title>
<link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head><body><main></main></body></html>`;

let browser;
let app;

before(async () => {
  const dist = viteAppWith(packTarball(), { 'index.html': PAGE, 'main.js': MAIN }, ['openai', 'ai', '@ai-sdk/openai']);
  app = await appServer(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  app?.server.close();
});

async function open() {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${app.base}/`);
  await page.waitForSelector('body[data-state="ready"]', { state: 'attached' });
  return { page, errors };
}

/**
 * Runs one SDK call, answering the consent dialog with `answer`. A call still waiting after
 * 20 s (an SDK that retried and reopened the dialog) resolves with `{ timeout: true }`.
 */
async function runWith(page, kind, answer) {
  const result = page.evaluate(([k, p]) => window.run(k, p), [kind, `Mail ${EMAIL} please`]);
  await page.click(`pii-airlock-consent >> button[value="${answer}"]`);
  return Promise.race([result, new Promise((r) => { setTimeout(() => r({ timeout: true }), 20_000).unref(); })]);
}

for (const kind of ['openai', 'openai-stream', 'ai', 'ai-stream']) {
  test(`${kind}: the request leaves with a placeholder and the answer comes back restored`, async () => {
    const { page, errors } = await open();
    app.received.length = 0;
    const out = await runWith(page, kind, 'redacted');
    assert.deepEqual(out, { text: `Got it: ${EMAIL}.` });
    assert.equal(app.received.length, 1);
    assert.ok(!app.received[0].includes(EMAIL), app.received[0]);
    assert.match(app.received[0], /\[EMAIL_ADDRESS_1\]/);
    assert.equal(await page.evaluate(() => window.__dialogs), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('openai: a cancelled consent is not retried; the app gets the refusal, not a connection error', async () => {
  const { page } = await open();
  app.received.length = 0;
  const out = await runWith(page, 'openai', 'cancelled');
  assert.equal(out.error?.status, 400, JSON.stringify(out));
  assert.equal(out.error.type, 'pii_airlock_blocked');
  assert.equal(out.error.code, 'cancelled');
  // The SDK's retries would reopen the dialog: it opened once, and nothing left.
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await page.evaluate(() => window.__dialogs), 1);
  assert.deepEqual(app.received, []);
  await page.close();
});

test('Vercel AI SDK: a cancelled consent is not retried; the app gets PiiAirlockBlockedError', async () => {
  const { page } = await open();
  app.received.length = 0;
  const out = await runWith(page, 'ai', 'cancelled');
  const err = out.error?.name === 'PiiAirlockBlockedError' ? out.error : out.cause;
  assert.deepEqual([err?.name, err?.reason], ['PiiAirlockBlockedError', 'cancelled'], JSON.stringify(out));
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await page.evaluate(() => window.__dialogs), 1);
  assert.deepEqual(app.received, []);
  await page.close();
});

test('a client built before install() goes around the guard: one warning (origin and path only) and a pii-airlock-bypass event', async () => {
  const { page, errors } = await open();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  app.received.length = 0;
  const out = await page.evaluate((p) => window.run('bypass', p), `Mail ${EMAIL} please`);
  // What the guard cannot prevent: the early client's request left as typed, unasked.
  assert.deepEqual(out, { text: 'Got it: nothing personal.' });
  assert.ok(app.received[0].includes(EMAIL));
  assert.equal(await page.evaluate(() => window.__dialogs), 0);
  // What it can do: notice it.
  await page.waitForFunction(() => window.__bypasses.length === 1);
  const origin = new URL(app.base).origin;
  assert.deepEqual(await page.evaluate(() => window.__bypasses), [{ url: `${origin}/v1/chat/completions`, initiatorType: 'fetch' }]);
  const ours = warnings.filter((w) => w.startsWith('pii-airlock:'));
  assert.equal(ours.length, 1, JSON.stringify(warnings));
  assert.ok(ours[0].includes(`${origin}/v1/chat/completions`) && !ours[0].includes(EMAIL), ours[0]);
  // A request through the hooked fetch (query string and all) is the guard's own: no event.
  assert.deepEqual(await page.evaluate(() => window.run('hooked', 'hello')), { text: 'Got it: nothing personal.' });
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await page.evaluate(() => window.__bypasses.length), 1);
  assert.equal(warnings.filter((w) => w.startsWith('pii-airlock:')).length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});
