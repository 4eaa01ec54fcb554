// The Rust browser layer (src/net/) in Debian's Chromium, from the packed tarball: sendBeacon
// to a guarded endpoint is filtered without asking (or refused), and XMLHttpRequest through the
// hooks installPending sets before the engine loads hands over to the guard's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchErrors } from './browser.mjs';
import { plainAppAndBrowser, restoreAnswer, socketServer, THIRD_PARTY } from './fixtures.mjs';

const EMAIL = 'jane.doe@example.com';
const ctx = plainAppAndBrowser();
// One WebSocket endpoint on the app server for every test (a second would answer the same
// handshake twice): the texts it received.
let socketTexts = null;
const sockets = () => (socketTexts ??= socketServer(ctx.app.server));

async function until(f) {
  for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 50));
}

test('sendBeacon to a guarded endpoint leaves filtered, without a dialog; a policy block refuses it', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  const body = JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${EMAIL}` }] });
  assert.equal(await page.evaluate((b) => navigator.sendBeacon('/v1/chat/completions', b), body), true);
  await until(() => ctx.app.received.length > 0);
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.equal(await page.$('pii-airlock-consent'), null, 'nobody was asked');
  await page.close();

  const strict = await ctx.browser.newPage();
  await strict.goto(`${ctx.app.base}/?policy=strict`);
  await strict.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  const secret = JSON.stringify({ messages: [{ role: 'user', content: 'key sk_test_4eC39HqLyjWDarjtT1zdp7dc' }] });
  const outcome = await strict.evaluate((b) => {
    let reason = null;
    window.__guard.addEventListener('blocked', (e) => { reason = e.detail.reason; });
    return [navigator.sendBeacon('/v1/chat/completions', b), reason];
  }, secret);
  assert.deepEqual(outcome, [false, 'policy-block']);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(ctx.app.received, []);
  assert.deepEqual(errors, []);
  await strict.close();
});

test('install() before the engine loads: an XMLHttpRequest is checked by the guard and its answer restored', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/?mode=pending&transport=xhr`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  await page.fill('#editor', `Mail ${EMAIL}`);
  await page.click('#send');
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  await page.waitForSelector('#status:text-is("done")');
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.equal(await page.textContent('#answer'), `Got it: ${EMAIL}.`);
  // A synchronous request to a guarded endpoint is refused at open().
  const sync = await page.evaluate(() => {
    try { new XMLHttpRequest().open('POST', '/v1/chat/completions', false); return 'opened'; } catch (e) { return e.reason; }
  });
  assert.equal(sync, 'sync-xhr');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dialog lists every change with human names and plain reasons; "Send as typed" covers only what it asked', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/?policy=gdpr`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  const key = 'AKIAQYLPMN5HHHFPZAM2';
  await page.fill('#editor', `I was diagnosed with diabetes last year. Mail ${EMAIL}, aws key ${key}.`);
  await page.click('#send');
  await page.waitForSelector('pii-airlock-consent >> button[value="as-typed"]');
  const shown = await page.$eval('pii-airlock-consent', (h) => ({
    desc: h.shadowRoot.querySelector('p').textContent,
    items: [...h.shadowRoot.querySelectorAll('li')].map((li) => ({
      entity: li.querySelector('.entity').textContent, asked: li.dataset.asked,
      effect: li.querySelector('.effect').textContent, why: li.querySelector('.why').textContent,
    })),
  }));
  assert.match(shown.desc, /^3 items of personal data were found\./);
  assert.deepEqual(shown.items.map((i) => [i.entity, i.asked]), [
    ['Health information', 'true'], ['Email address', 'false'], ['Secret or API key', 'false'],
  ]);
  assert.equal(shown.items[1].effect, 'will be replaced by a placeholder (the policy does this in any case)');
  assert.equal(shown.items[2].effect, 'will be removed (the policy does this in any case)');
  // No raw ids nor evidence ids anywhere in the list.
  for (const i of shown.items) assert.doesNotMatch(`${i.entity} ${i.why}`, /[A-Z]+_[A-Z]+|gazetteer|first-person/);
  await page.click('pii-airlock-consent >> button[value="as-typed"]');
  await page.waitForSelector('#status:text-is("done")');
  const content = JSON.parse(ctx.app.received[0]).messages[0].content;
  assert.match(content, /diagnosed with diabetes/);
  assert.ok(!content.includes(EMAIL) && !content.includes(key), content);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a same-origin frame\'s fetch is guarded too; a form post to a guarded endpoint is refused', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/?policy=gdpr`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  // The classic way around a hooked fetch: a fresh about:blank frame's own one.
  const status = await page.evaluate(async (email) => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const body = JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${email}` }] });
    const res = await frame.contentWindow.fetch('/v1/chat/completions', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body,
    });
    // A Request and a Blob of the frame's realm are read all the same.
    const w = frame.contentWindow;
    const res2 = await w.fetch(new w.Request('/v1/chat/completions', { method: 'POST', body: new w.Blob([body]) }));
    return [res.status, res2.status];
  }, EMAIL);
  assert.deepEqual(status, [200, 200]);
  assert.equal(ctx.app.received.length, 2);
  for (const r of ctx.app.received) assert.equal(JSON.parse(r).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');

  ctx.app.received.length = 0;
  const refused = await page.evaluate((email) => {
    const reasons = [];
    window.__guard.addEventListener('blocked', (e) => reasons.push(e.detail.reason));
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/v1/chat/completions';
    const input = document.createElement('input');
    input.name = 'q';
    input.value = email;
    form.append(input);
    document.body.append(form);
    let thrown = null;
    try { form.submit(); } catch (e) { thrown = e.reason; }
    form.requestSubmit();
    return { thrown, reasons };
  }, EMAIL);
  assert.deepEqual(refused, { thrown: 'body-type', reasons: ['body-type', 'body-type'] });
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(ctx.app.received, []);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.deepEqual(errors, []);
  await page.close();
});

test('install() before the engine loads hooks form posts and frames once it runs', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/?mode=pending&policy=gdpr`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  const out = await page.evaluate(async (email) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/v1/chat/completions';
    document.body.append(form);
    let thrown = null;
    try { form.submit(); } catch (e) { thrown = e.reason; }
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const res = await frame.contentWindow.fetch('/v1/chat/completions', { method: 'POST',
      body: JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${email}` }] }) });
    return [thrown, res.status];
  }, EMAIL);
  assert.deepEqual(out, ['body-type', 200]);
  assert.equal(JSON.parse(ctx.app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('XMLHttpRequest, sendBeacon and WebSocket carry a conversation: each numbers and restores its own values', async () => {
  const texts = sockets();
  texts.length = 0;
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/?policy=gdpr&conversations=url`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.received.length = 0;
  const [A, B, C] = ['ann@example.com', 'bob@example.com', 'cat@example.com'];
  const body = (email) => JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${email}` }] });
  const sent = () => JSON.parse(ctx.app.received.at(-1)).messages[0].content;
  const xhr = (b, conversation) => page.evaluate(([b, c]) => new Promise((ok, fail) => {
    const x = new XMLHttpRequest();
    x.open('POST', '/v1/chat/completions');
    x.setRequestHeader('content-type', 'application/json');
    if (c) x.setRequestHeader('X-Pii-Airlock-Conversation', c);
    x.onload = () => ok(JSON.parse(x.responseText).choices[0].message.content);
    x.onerror = () => fail(new Error(String(x.piiAirlockError?.reason)));
    x.send(b);
  }), [b, conversation]);
  const headers = [];
  page.on('request', (r) => { if (r.url().includes('/v1/')) headers.push(r.headers()); });

  // The default conversation: A is its first address.
  assert.equal(await xhr(body(A)), `Got it: ${A}.`);
  assert.equal(sent(), 'Mail [EMAIL_ADDRESS_1]');
  // XHR in conversation "b": B is *its* first address, and its answer restores B, not A.
  assert.equal(await xhr(body(B), 'b'), `Got it: ${B}.`);
  assert.equal(sent(), 'Mail [EMAIL_ADDRESS_1]');
  assert.ok(headers.length >= 2 && headers.every((h) => !('x-pii-airlock-conversation' in h)), 'the header never leaves');

  // A beacon names its conversation through conversationOf (?c=): C is first in "c" ...
  const beacon = (url, b) => page.evaluate(([u, b]) => navigator.sendBeacon(u, b), [url, b]);
  let n = ctx.app.received.length;
  assert.equal(await beacon('/v1/chat/completions?c=c', body(C)), true);
  await until(() => ctx.app.received.length > n);
  assert.equal(sent(), 'Mail [EMAIL_ADDRESS_1]');
  // ... and second in the default conversation, where A came first.
  n = ctx.app.received.length;
  assert.equal(await beacon('/v1/chat/completions', body(C)), true);
  await until(() => ctx.app.received.length > n);
  assert.equal(sent(), 'Mail [EMAIL_ADDRESS_2]');

  // A socket of conversation "b": A comes after B there.
  await page.evaluate((b) => new Promise((ok, fail) => {
    const ws = new WebSocket(`ws://${location.host}/v1/socket?c=b`);
    ws.onopen = () => { ws.send(b); ok(); };
    ws.onerror = () => fail(new Error('socket'));
  }), body(A));
  await until(() => texts.length > 0);
  assert.equal(JSON.parse(texts[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_2]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('install() before the engine loads: a fetch or XHR send kept from before it goes around the guard, and is reported', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // What a script that ran before the package took: the platform's own functions.
  await page.addInitScript(() => { window.__rawFetch = window.fetch; window.__rawSend = XMLHttpRequest.prototype.send; });
  await page.goto(`${ctx.app.base}/?mode=pending`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.evaluate(() => {
    window.__bypasses = [];
    window.__guard.addEventListener('pii-airlock-bypass', (e) => window.__bypasses.push(e.detail));
  });
  ctx.app.received.length = 0;
  const body = JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${EMAIL}` }] });
  await page.evaluate(async (b) => {
    await window.__rawFetch('/v1/chat/completions?q=secret', { method: 'POST', headers: { 'content-type': 'application/json' }, body: b });
    await new Promise((ok) => {
      const x = new XMLHttpRequest();
      x.open('POST', '/v1/chat/completions');
      x.onloadend = ok;
      window.__rawSend.call(x, b);
    });
  }, body);
  await page.waitForFunction(() => window.__bypasses.length === 2);
  const origin = new URL(ctx.app.base).origin;
  const seen = await page.evaluate(() => window.__bypasses);
  assert.deepEqual(seen.map((d) => d.url), [`${origin}/v1/chat/completions`, `${origin}/v1/chat/completions`]);
  assert.deepEqual(seen.map((d) => d.initiatorType).sort(), ['fetch', 'xmlhttprequest']);
  // Both left as typed (nothing could stop them); one warning, without the query or a value.
  assert.ok(ctx.app.received.every((r) => r.includes(EMAIL)));
  const ours = warnings.filter((w) => w.startsWith('pii-airlock:'));
  assert.equal(ours.length, 1);
  assert.ok(!ours[0].includes('secret') && !ours[0].includes(EMAIL), ours[0]);
  // The guard's own requests are not reported.
  await page.fill('#editor', 'hello there');
  await page.click('#send');
  await page.waitForSelector('#status:text-is("done")');
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(await page.evaluate(() => window.__bypasses.length), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the query of a guarded request is checked like a body: fetch asks, EventSource, XHR and beacons are filtered at once', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/`);
  await page.waitForSelector('body[data-state="ready"]');
  ctx.app.urls.length = 0;
  const q = (u) => new URL(u, 'http://x').searchParams.get('q');

  // fetch GET with the prompt in the URL: the dialog asks, the URL leaves with a placeholder.
  const fetched = page.evaluate(() => fetch(`/v1/ask?q=${encodeURIComponent('Mail jane.doe@example.com')}&n=1`).then((r) => r.text()));
  await page.click('pii-airlock-consent >> button[value="redacted"]');
  assert.match(await fetched, /EMAIL_ADDRESS_1/);
  assert.equal(q(ctx.app.urls.at(-1)), 'Mail [EMAIL_ADDRESS_1]');
  assert.equal(new URL(ctx.app.urls.at(-1), 'http://x').searchParams.get('n'), '1');

  // EventSource (GET only: its whole payload is the URL), built at once: nobody is asked.
  const streamed = await page.evaluate(() => new Promise((ok, fail) => {
    const es = new EventSource(`/v1/ask?q=${encodeURIComponent('call +44 20 7946 0958')}`);
    es.onmessage = (e) => { es.close(); ok([JSON.parse(e.data).q, es instanceof EventSource, EventSource.OPEN]); };
    es.onerror = () => { es.close(); fail(new Error('eventsource failed')); };
  }));
  assert.deepEqual(streamed, ['call [PHONE_NUMBER_1]', true, 1]);
  assert.equal(await page.$('pii-airlock-consent'), null, 'nobody was asked');

  // XMLHttpRequest: the query is known at open() and checked there.
  await page.evaluate(() => new Promise((ok) => {
    const x = new XMLHttpRequest();
    x.open('GET', `/v1/ask?q=${encodeURIComponent('IBAN DE89 3704 0044 0532 0130 00')}`);
    x.onloadend = ok;
    x.send();
  }));
  assert.equal(q(ctx.app.urls.at(-1)), 'IBAN [IBAN_CODE_1]');

  // A beacon's URL.
  await page.evaluate(() => navigator.sendBeacon(`/v1/ask?q=${encodeURIComponent('jane.doe@example.com')}`, '{}'));
  await until(() => ctx.app.urls.some((u) => u.includes('EMAIL_ADDRESS')) && ctx.app.urls.length >= 4);
  assert.ok(ctx.app.urls.slice(3).some((u) => q(u) === '[EMAIL_ADDRESS_1]'), ctx.app.urls.join('\n'));

  // Nothing found: the URL is sent exactly as written (no re-encoding).
  ctx.app.urls.length = 0;
  await page.evaluate(() => fetch('/v1/ask?q=hello%20world&x=a+b').then((r) => r.text()));
  assert.deepEqual(ctx.app.urls, ['/v1/ask?q=hello%20world&x=a+b']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('install() before the engine loads: an EventSource with a query to a guarded endpoint opens once it runs, its query checked', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.app.base}/?mode=pending`);
  // Built before the engine answered (a stand-in, opened once it runs), or after: never sent as typed.
  const outcome = await page.evaluate(async () => {
    const read = (es) => new Promise((ok) => {
      es.onmessage = (e) => { es.close(); ok(JSON.parse(e.data).q); };
      es.onerror = () => { es.close(); ok('error'); };
    });
    const early = read(new EventSource('/v1/ask?q=jane.doe%40example.com'));
    while (document.body.dataset.state !== 'ready') await new Promise((r) => setTimeout(r, 20));
    const later = await read(new EventSource('/v1/ask?q=jane.doe%40example.com'));
    return [await early, later, new EventSource('/other') instanceof EventSource];
  });
  assert.match(outcome[0], /^\[EMAIL_ADDRESS_\d\]$/);
  assert.deepEqual(outcome.slice(1), ['[EMAIL_ADDRESS_1]', true]);
  assert.ok(!ctx.app.urls.some((u) => u.includes('jane.doe')), ctx.app.urls.join('\n'));
  await page.close();
});

test('a WebTransport session to a guarded endpoint is refused, before the engine loads and after: its streams are bytes the guard cannot read', async () => {
  const page = await ctx.browser.newPage();
  // The package's default endpoints: OpenAI's Chat Completions among them.
  await page.goto(`${ctx.app.base}/?mode=pending&endpoints=default`);
  const outcome = await page.evaluate(async () => {
    const open = (url) => {
      try {
        const t = new WebTransport(url);
        t.closed.catch(() => {});
        return t instanceof WebTransport ? 'opened' : 'other';
      } catch (e) {
        return e.reason ?? e.name;
      }
    };
    const early = open('https://api.openai.com/v1/chat/completions');
    while (document.body.dataset.state !== 'ready') await new Promise((r) => setTimeout(r, 20));
    return [early, open('https://api.openai.com/v1/chat/completions?stream=1'), open('https://transport.example/session')];
  });
  // Not to a guarded endpoint: opened as before (it fails to connect later, out of sight).
  assert.deepEqual(outcome, ['body-type', 'body-type', 'opened']);
  await page.close();
});

test('values restored into the page are masked in requests to third parties; the page\'s own requests keep them', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  const seen = [];
  // The third party (an analytics or session-replay collector), answered here.
  await page.route(`${THIRD_PARTY}/**`, async (route) => {
    const r = route.request();
    seen.push({ url: r.url(), body: r.postData() ?? '' });
    await route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
  });
  const own = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/collect') own.push(r.postData() ?? ''); });
  await page.goto(`${ctx.app.base}/?policy=gdpr`);
  await page.waitForSelector('body[data-state="ready"]');
  const A = 'ann.lee@example.com';
  // A guarded request: the model sees a placeholder, the page gets the address back.
  const answer = await restoreAnswer(page, A);
  assert.equal(answer, `Got it: ${A}.`);
  assert.equal(JSON.parse(ctx.app.received.at(-1)).messages[0].content, 'Mail [EMAIL_ADDRESS_1]');

  // What the page shows now goes to a third party every way a script sends it.
  const events = await page.evaluate(async ([tp, shown]) => {
    const masked = [];
    window.__guard.addEventListener('masked', (e) => masked.push(e.detail.url));
    await fetch(`${tp}/fetch?dom=${encodeURIComponent(shown)}`, { method: 'POST', body: JSON.stringify({ dom: shown }) });
    navigator.sendBeacon(`${tp}/beacon`, new URLSearchParams({ dom: shown }));
    const form = new FormData();
    form.append('dom', shown);
    await fetch(`${tp}/form`, { method: 'POST', body: form });
    await new Promise((ok) => {
      const x = new XMLHttpRequest();
      x.open('POST', `${tp}/xhr?u=${encodeURIComponent(shown)}`);
      x.onloadend = ok;
      x.send(`replay: ${shown}`);
    });
    // The page's own backend is not a third party: kept by default.
    await fetch('/collect', { method: 'POST', body: shown });
    return masked;
  }, [THIRD_PARTY, answer]);
  await until(() => seen.length >= 4);
  assert.equal(seen.length, 4, JSON.stringify(seen.map((s) => s.url)));
  for (const s of seen) {
    const all = decodeURIComponent(`${s.url} ${s.body}`.replaceAll('+', ' '));
    assert.ok(!all.includes(A), `${new URL(s.url).pathname} carried the address`);
    assert.ok(all.includes('[EMAIL_ADDRESS_1]'), `${new URL(s.url).pathname}: ${all}`);
  }
  // One event per masked part (an XHR's URL at open(), its body at send()).
  assert.deepEqual([...new Set(events)].sort(), ['/beacon', '/fetch', '/form', '/xhr'].map((p) => `${THIRD_PARTY}${p}`));
  assert.equal(own.length, 1);
  assert.equal(own[0], answer);
  assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await page.close();

  // `elsewhere: "off"` sends every such request as the script wrote it.
  const off = await ctx.browser.newPage();
  seen.length = 0;
  await off.route(`${THIRD_PARTY}/**`, async (route) => {
    seen.push({ url: route.request().url(), body: route.request().postData() ?? '' });
    await route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
  });
  await off.goto(`${ctx.app.base}/?policy=gdpr&elsewhere=off`);
  await off.waitForSelector('body[data-state="ready"]');
  await off.evaluate(async ([tp, a]) => {
    await window.__guard.guardBody(JSON.stringify({ model: 't', messages: [{ role: 'user', content: `Mail ${a}` }] }));
    await fetch(`${tp}/fetch`, { method: 'POST', body: `Mail ${a}` });
  }, [THIRD_PARTY, A]);
  await until(() => seen.length >= 1);
  assert.equal(seen[0].body, `Mail ${A}`);
  await off.close();
});

test('with the default endpoints, an embeddings call and a Realtime socket message leave without the value, numbers included', async () => {
  const texts = sockets();
  texts.length = 0;
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  const card = 4111111111111111;
  // The embeddings answer as a provider writes its numbers: it must come back byte for byte.
  const answer = '{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.10000000,-1.5E-7]}],"model":"m"}';
  const sent = [];
  await page.route(`${ctx.app.base}/v1/embeddings`, (r) => {
    sent.push(r.request().postData());
    return r.fulfill({ status: 200, contentType: 'application/json', body: answer });
  });
  await page.goto(`${ctx.app.base}/?policy=gdpr&endpoints=default`);
  await page.waitForSelector('body[data-state="ready"]');
  const got = await page.evaluate(async ([email, card]) => {
    const res = await fetch('/v1/embeddings', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: [`notes for ${email}`, 'weather'], metadata: { account: card } }) });
    return res.text();
  }, [EMAIL, card]);
  assert.equal(sent.length, 1);
  assert.ok(!sent[0].includes(EMAIL) && !sent[0].includes(String(card)), sent[0]);
  const body = JSON.parse(sent[0]);
  assert.deepEqual(body.input, ['notes for [EMAIL_ADDRESS_1]', 'weather']);
  assert.equal(typeof body.metadata.account, 'string');
  assert.equal(got, answer);

  // A Realtime client event over the socket, sent at once (nobody can be asked).
  await page.evaluate(([email, card]) => new Promise((ok, fail) => {
    const ws = new WebSocket(`ws://${location.host}/v1/realtime?model=gpt-realtime`);
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'conversation.item.create', item: { type: 'message', role: 'user',
        content: [{ type: 'input_text', text: `call me at ${email}` }] } }));
      ws.send(JSON.stringify({ type: 'response.create', response: { instructions: 'be brief', metadata: { card } } }));
      ok();
    };
    ws.onerror = () => fail(new Error('socket'));
  }), [EMAIL, card]);
  await until(() => texts.length >= 2);
  assert.equal(texts.length, 2);
  for (const t of texts) assert.ok(!t.includes(EMAIL) && !t.includes(String(card)), t);
  assert.match(JSON.parse(texts[0]).item.content[0].text, /^call me at \[EMAIL_ADDRESS_\d\]$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an image edit (a form) to a default endpoint goes unchanged by fetch and XMLHttpRequest, or not at all when its prompt holds a finding', async () => {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  const sent = [];
  await page.route(`${ctx.app.base}/v1/images/edits`, (r) => {
    sent.push(r.request().postData() ?? '');
    return r.fulfill({ status: 200, contentType: 'application/json', body: '{"data":[]}' });
  });
  await page.goto(`${ctx.app.base}/?policy=gdpr&endpoints=default`);
  await page.waitForSelector('body[data-state="ready"]');
  const outcome = await page.evaluate(async (email) => {
    const form = (prompt) => {
      const fd = new FormData();
      fd.append('model', 'gpt-image-1');
      fd.append('prompt', prompt);
      fd.append('image', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'a.png');
      return fd;
    };
    const viaXhr = (fd) => new Promise((ok) => {
      const x = new XMLHttpRequest();
      x.open('POST', '/v1/images/edits');
      x.onload = () => ok('sent');
      x.onerror = () => ok(String(x.piiAirlockError?.reason));
      x.send(fd);
    });
    const viaFetch = (fd) => fetch('/v1/images/edits', { method: 'POST', body: fd }).then(() => 'sent', (e) => String(e.reason));
    return [await viaFetch(form('add a hat')), await viaXhr(form('add a hat')),
      await viaFetch(form(`a card for ${email}`)), await viaXhr(form(`a card for ${email}`))];
  }, EMAIL);
  assert.deepEqual(outcome, ['sent', 'sent', 'payload', 'payload']);
  assert.equal(sent.length, 2);
  for (const body of sent) assert.ok(body.includes('add a hat') && !body.includes(EMAIL));
  assert.deepEqual(errors, []);
  await page.close();
});
