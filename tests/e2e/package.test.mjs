// The packed npm tarball in real headless Chromium: built into a Vite app, and loaded by a
// plain page with <script type="module">, both under the strict CSP, against a mock backend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchErrors } from './browser.mjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packTarball, viteApp, plainApp, appServer, installTarball, appModule, appPage, ROOT } from './fixtures.mjs';

const EMAIL = 'jane.doe@example.com';
const PHONE = '+44 20 7946 0958';
const CARD = '4111 1111 1111 1111';

let browser;
let vite;
let plain;
let plainCe;

before(async () => {
  const tarball = packTarball();
  vite = await appServer(viteApp(tarball));
  plain = await appServer(plainApp(tarball, 'textarea'));
  plainCe = await appServer(plainApp(tarball, 'contenteditable'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [vite, plain, plainCe]) s?.server.close();
});

/** Opens the app, collecting console errors and CSP violations. */
async function open(app, query = '') {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${app.base}/${query}`);
  return { page, errors };
}

const dialogButton = (value) => `pii-airlock-consent >> button[value="${value}"]`;

async function marks(page) {
  return page.$$eval('pii-airlock-overlay', (hosts) => hosts.flatMap((h) => [...h.shadowRoot.querySelectorAll('mark')]
    .map((m) => [m.dataset.entity, m.textContent])));
}

async function typeAndWaitForMarks(page, text, n) {
  await page.click('#editor');
  await page.keyboard.type(text, { delay: 1 });
  await page.waitForFunction((n) => {
    const h = document.querySelector('pii-airlock-overlay');
    return h && h.shadowRoot.querySelectorAll('mark').length === n;
  }, n);
  // On a loaded machine a pause between two keystrokes can outlast the debounce, and the
  // marks of a prefix ("Maria Schneide") are shown until the last scan lands: wait until
  // they stop changing.
  let last = JSON.stringify(await marks(page));
  for (let i = 0; i < 20; i += 1) {
    await new Promise((r) => setTimeout(r, 150));
    const now = JSON.stringify(await marks(page));
    if (now === last) return;
    last = now;
  }
}

async function sendRedactedAndCheck(app, page) {
  app.received.length = 0;
  await page.click('#send');
  await page.waitForSelector(dialogButton('redacted'));
  const items = await page.$$eval('pii-airlock-consent', ([h]) => [...h.shadowRoot.querySelectorAll('li')]
    .map((li) => [li.dataset.entity, li.querySelector('code').textContent]));
  assert.deepEqual(items, [['EMAIL_ADDRESS', EMAIL], ['PHONE_NUMBER', PHONE]]);
  // Nothing left before the user answered.
  assert.equal(app.received.length, 0);
  await page.click(dialogButton('redacted'));
  await page.waitForSelector('#status:text-is("done")');
  assert.equal(app.received.length, 1);
  const body = app.received[0];
  assert.ok(!body.includes(EMAIL) && !body.includes(PHONE) && !body.includes('7946'), body);
  const content = JSON.parse(body).messages[0].content;
  assert.equal(content, 'Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1] please');
  // The streamed answer (placeholders cut across SSE events) is restored in the page.
  assert.equal(await page.textContent('#answer'), `Got it: ${EMAIL} and ${PHONE}.`);
  assert.equal(await page.$('pii-airlock-consent'), null, 'the dialog is gone');
}

test('Vite app built from the tarball: highlights, consent, redacted body, streamed answer restored', async () => {
  const { page, errors } = await open(vite);
  await page.waitForSelector('body[data-state="ready"]');
  await typeAndWaitForMarks(page, `Mail ${EMAIL} or call ${PHONE} please`, 2);
  assert.deepEqual(await marks(page), [['EMAIL_ADDRESS', EMAIL], ['PHONE_NUMBER', PHONE]]);
  // Highlighting never touched the value or the caret.
  assert.equal(await page.inputValue('#editor'), `Mail ${EMAIL} or call ${PHONE} please`);
  assert.equal(await page.$eval('#editor', (e) => e.selectionStart), `Mail ${EMAIL} or call ${PHONE} please`.length);
  await sendRedactedAndCheck(vite, page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('plain page with <script type="module"> under the strict CSP; XHR responses restored too', async () => {
  const { page, errors } = await open(plain, '?transport=xhr');
  await page.waitForSelector('body[data-state="ready"]');
  await typeAndWaitForMarks(page, `Mail ${EMAIL} or call ${PHONE} please`, 2);
  plain.received.length = 0;
  await page.click('#send');
  await page.click(dialogButton('redacted'));
  await page.waitForSelector('#status:text-is("done")');
  const body = plain.received[0];
  assert.ok(!body.includes(EMAIL) && !body.includes(PHONE), body);
  assert.match(body, /\[EMAIL_ADDRESS_1\].*\[PHONE_NUMBER_1\]/);
  assert.equal(await page.textContent('#answer'), `Got it: ${EMAIL} and ${PHONE}.`);
  // The receipt names the endpoint as its purpose and holds no value.
  const receipt = await page.evaluate(() => JSON.stringify(window.__guard.lastReceipt));
  assert.equal(JSON.parse(receipt).purpose, '/v1/chat/completions');
  assert.deepEqual(JSON.parse(receipt).decisions.map((d) => [d.entity, d.action, d.decidedBy]),
    [['EMAIL_ADDRESS', 'pseudonymize', 'user'], ['PHONE_NUMBER', 'pseudonymize', 'user']]);
  assert.ok(!receipt.includes(EMAIL) && !receipt.includes('7946'), receipt);
  assert.deepEqual(errors, []);
  await page.close();
});

test('contenteditable uses the CSS Custom Highlight API; hover shows type, reason and actions', async () => {
  const { page, errors } = await open(plainCe);
  await page.waitForSelector('body[data-state="ready"]');
  await page.click('#editor');
  await page.keyboard.type(`Card ${CARD} and mail ${EMAIL}`, { delay: 1 });
  await page.waitForFunction(() => CSS.highlights.get('pii-airlock-ask')?.size === 2);
  const ranges = await page.evaluate(() => [...CSS.highlights.get('pii-airlock-ask')].map((r) => r.toString()));
  assert.deepEqual(ranges, [CARD, EMAIL]);
  // The editor's DOM is untouched: one text node, no wrappers.
  assert.equal(await page.$eval('#editor', (e) => e.childNodes.length), 1);
  // Hover the card number: the popover names it and says why.
  const box = await page.evaluate(() => {
    const r = [...CSS.highlights.get('pii-airlock-ask')][0].getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector('pii-airlock-popover:not([hidden])');
  const card = await page.$eval('pii-airlock-popover', (h) => h.shadowRoot.querySelector('.card').textContent);
  assert.match(card, /Card number/);
  assert.match(card, /check luhn passed/);
  // "Always allow this value": it stops being asked about and is drawn as allowed.
  await page.click('pii-airlock-popover >> button[data-decision="always-allow"]');
  await page.waitForFunction(() => CSS.highlights.get('pii-airlock-ask')?.size === 1 && CSS.highlights.get('pii-airlock-shown')?.size === 1);
  plainCe.received.length = 0;
  await page.click('#send');
  await page.waitForSelector(dialogButton('redacted'));
  const listed = await page.$$eval('pii-airlock-consent', ([h]) => [...h.shadowRoot.querySelectorAll('li')].map((li) => li.dataset.entity));
  assert.deepEqual(listed, ['EMAIL_ADDRESS']);
  await page.click(dialogButton('redacted'));
  await page.waitForSelector('#status:text-is("done")');
  const content = JSON.parse(plainCe.received[0]).messages[0].content;
  assert.equal(content, `Card ${CARD} and mail [EMAIL_ADDRESS_1]`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('XSS payloads typed into the editor stay text everywhere', async () => {
  for (const app of [plain, plainCe]) {
    const { page } = await open(app);
    await page.waitForSelector('body[data-state="ready"]');
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${EMAIL} <svg onload="window.__pwned=3">`;
    await page.click('#editor');
    await page.keyboard.type(payload, { delay: 0 });
    if (app === plain) {
      await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelectorAll('mark').length === 1);
    } else {
      await page.waitForFunction(() => CSS.highlights.get('pii-airlock-ask')?.size === 1);
    }
    await page.click('#send');
    await page.waitForSelector(dialogButton('cancelled'));
    const found = await page.evaluate(() => {
      const all = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          all.push(el.tagName);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return all;
    });
    assert.ok(!found.includes('IMG') && !found.includes('SVG') && !found.includes('svg'), found.join(','));
    assert.equal(found.filter((t) => t === 'SCRIPT').length, 1, 'only the app\'s own script');
    const preview = await page.$eval('pii-airlock-consent', (h) => h.shadowRoot.querySelector('pre').textContent);
    assert.ok(preview.includes('<img src=x onerror="window.__pwned=1">'), preview);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#status:text-is("PiiAirlockBlockedError:cancelled")');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.close();
  }
});

test('a failing engine blocks the request: the backend receives nothing', async () => {
  const { page } = await open(plain, '?mode=pending');
  // The engine's .wasm cannot be loaded.
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 500, body: 'no' }));
  await page.reload();
  await page.waitForSelector('body[data-state="engine-failed"]');
  plain.received.length = 0;
  await page.fill('#editor', `Mail ${EMAIL}`);
  await page.click('#send');
  await page.waitForSelector('#status:text-is("PiiAirlockBlockedError:engine")');
  // And an engine that throws mid-request (forced) blocks too.
  await page.unroute('**/*.wasm');
  const page2 = (await open(plain)).page;
  await page2.waitForSelector('body[data-state="ready"]');
  await page2.evaluate(() => { window.__guard.core.prepareBody = () => { throw new Error('engine crashed'); }; });
  await page2.fill('#editor', `Mail ${EMAIL}`);
  await page2.click('#send');
  await page2.waitForSelector('#status:text-is("PiiAirlockBlockedError:engine")');
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(plain.received, []);
  await page.close();
  await page2.close();
});

test('the dialog works with the keyboard alone and gives focus back to the editor', async () => {
  const { page, errors } = await open(plain, '?locale=de');
  await page.waitForSelector('body[data-state="ready"]');
  await page.focus('#editor');
  await page.keyboard.type(`Mail ${EMAIL} or call ${PHONE} please`);
  await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelectorAll('mark').length === 2);
  plain.received.length = 0;
  const focused = () => page.evaluate(() => {
    const h = document.querySelector('pii-airlock-consent');
    return h?.shadowRoot.activeElement?.value ?? document.activeElement?.id;
  });
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(dialogButton('redacted'));
  // Labelled, modal, in German, with the least destructive way forward focused.
  const a11y = await page.$eval('pii-airlock-consent', (h) => {
    const d = h.shadowRoot.querySelector('dialog');
    return {
      modal: d.matches(':modal'),
      label: h.shadowRoot.getElementById(d.getAttribute('aria-labelledby')).textContent,
      desc: h.shadowRoot.getElementById(d.getAttribute('aria-describedby')).textContent,
      buttons: [...d.querySelectorAll('button')].map((b) => b.textContent),
    };
  });
  assert.equal(a11y.modal, true);
  assert.equal(a11y.label, 'Personenbezogene Daten in Ihrer Nachricht');
  assert.match(a11y.desc, /^2 personenbezogene Daten gefunden\./);
  assert.deepEqual(a11y.buttons, ['Geschwärzt senden', 'Wie eingegeben senden', 'Bearbeiten', 'Abbrechen']);
  assert.equal(await focused(), 'redacted');
  const forward = [];
  for (let i = 0; i < 5; i++) { await page.keyboard.press('Tab'); forward.push(await focused()); }
  assert.deepEqual(forward, ['as-typed', 'edit', 'cancelled', 'redacted', 'as-typed']);
  const back = [];
  for (let i = 0; i < 3; i++) { await page.keyboard.press('Shift+Tab'); back.push(await focused()); }
  assert.deepEqual(back, ['redacted', 'cancelled', 'edit']);
  // Escape cancels: nothing sent, focus back in the editor.
  await page.keyboard.press('Escape');
  await page.waitForSelector('#status:text-is("PiiAirlockBlockedError:cancelled")');
  assert.equal(await page.$('pii-airlock-consent'), null);
  assert.equal(await focused(), 'editor');
  assert.deepEqual(plain.received, []);
  // Again, and this time Enter on "Send redacted".
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(dialogButton('redacted'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#status:text-is("done")');
  assert.equal(plain.received.length, 1);
  assert.ok(!plain.received[0].includes(EMAIL));
  assert.equal(await focused(), 'editor');
  assert.deepEqual(errors, []);
  await page.close();
});

test('large inputs are scanned in a Web Worker (Vite build) and still highlighted', async () => {
  const { page, errors } = await open(vite);
  await page.waitForSelector('body[data-state="ready"]');
  const filler = 'lorem ipsum dolor sit amet '.repeat(2500); // ~67 KB
  await page.$eval('#editor', (e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }, `${filler} mail ${EMAIL}`);
  await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelectorAll('mark').length === 1);
  assert.equal(await page.evaluate(() => window.__guard._worker instanceof Worker), true);
  // The worker path returned the same findings as an inline scan.
  const same = await page.evaluate(async (t) => JSON.stringify(await window.__guard.scanAsync(t)) === JSON.stringify(window.__guard.scan(t)), `${filler} mail ${EMAIL}`);
  assert.equal(same, true);
  // "Always allow" reaches the worker as the guard's session state (keyed hashes), and so
  // does a reset.
  const actions = await page.evaluate(async ([t, email]) => {
    const g = window.__guard;
    const [f] = g.scan(email);
    g.choose(f, email, 'always-allow');
    const allowed = (await g.scanAsync(t)).map((x) => x.action);
    g.resetChoices();
    const reset = (await g.scanAsync(t)).map((x) => x.action);
    return [allowed, reset];
  }, [`${filler} mail ${EMAIL}`, EMAIL]);
  assert.deepEqual(actions, [['allow'], ['ask']]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('per-finding actions by keyboard: caret in a finding, Alt+ArrowDown, "Allow once"; "Edit" selects the finding', async () => {
  const { page, errors } = await open(plain);
  await page.waitForSelector('body[data-state="ready"]');
  await page.focus('#editor');
  const text = `Mail ${EMAIL} or call ${PHONE} please`;
  await page.keyboard.type(text);
  await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelectorAll('mark').length === 2);
  // Put the caret inside the phone number with the keyboard.
  await page.keyboard.press('End');
  for (let i = 0; i < ' please'.length + 3; i++) await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('pii-airlock-popover:not([hidden])');
  assert.match(await page.$eval('pii-airlock-popover', (h) => h.shadowRoot.querySelector('.entity').textContent), /Phone number/);
  // Screen readers are told what the caret is on, and how to reach the actions.
  assert.equal(await page.$eval('pii-airlock-live', (h) => h.shadowRoot.querySelector('[role="status"]').textContent),
    'Phone number: near “call”. Alt+Down arrow for actions.');
  // The popover never takes focus by itself.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor');
  await page.keyboard.press('Alt+ArrowDown');
  const inPopover = () => page.$eval('pii-airlock-popover', (h) => h.shadowRoot.activeElement?.dataset.decision ?? null);
  assert.equal(await inPopover(), 'redact');
  await page.keyboard.press('Tab');
  assert.equal(await inPopover(), 'allow-once');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor');
  await page.waitForFunction(() => document.querySelector('pii-airlock-overlay').shadowRoot.querySelectorAll('mark[data-state="shown"]').length === 1);
  // The dialog reflects it; "Edit" keeps the text here and selects the first finding.
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(dialogButton('edit'));
  const effects = await page.$$eval('pii-airlock-consent', ([h]) => [...h.shadowRoot.querySelectorAll('li')].map((li) => li.dataset.effect));
  assert.deepEqual(effects, ['replace', 'send']);
  await page.click(dialogButton('edit'));
  await page.waitForSelector('#status:text-is("PiiAirlockBlockedError:edit")');
  const sel = await page.$eval('#editor', (e) => [document.activeElement === e, e.value.slice(e.selectionStart, e.selectionEnd)]);
  assert.deepEqual(sel, [true, EMAIL]);
  // Sending now: the phone number goes as typed (allowed once), the address is redacted.
  plain.received.length = 0;
  await page.click('#send');
  await page.click(dialogButton('redacted'));
  await page.waitForSelector('#status:text-is("done")');
  assert.equal(JSON.parse(plain.received[0]).messages[0].content, `Mail [EMAIL_ADDRESS_1] or call ${PHONE} please`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dialog is themed through CSS custom properties set by the page', async () => {
  const { page, errors } = await open(plain);
  await page.waitForSelector('body[data-state="ready"]');
  // CSSOM, not a style attribute in markup: allowed under style-src 'self'.
  await page.evaluate(() => {
    document.documentElement.style.setProperty('--pii-airlock-accent', 'rgb(1, 2, 3)');
    document.documentElement.style.setProperty('--pii-airlock-radius', '13px');
  });
  await page.fill('#editor', `Mail ${EMAIL}`);
  await page.click('#send');
  await page.waitForSelector(dialogButton('redacted'));
  const look = await page.$eval('pii-airlock-consent', (h) => {
    const b = h.shadowRoot.querySelector('button.primary');
    const d = h.shadowRoot.querySelector('dialog');
    return [getComputedStyle(b).backgroundColor, getComputedStyle(d).borderTopLeftRadius];
  });
  assert.deepEqual(look, ['rgb(1, 2, 3)', '13px']);
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await page.close();
});

test('highlighting leaves undo, the caret and IME composition alone', async () => {
  const { page, errors } = await open(plainCe);
  await page.waitForSelector('body[data-state="ready"]');
  await page.click('#editor');
  await page.keyboard.type(`mail ${EMAIL} `);
  await page.waitForFunction(() => CSS.highlights.get('pii-airlock-ask')?.size === 1);
  const caret = () => page.evaluate(() => { const s = getSelection(); return [s.anchorNode.textContent.length, s.anchorOffset]; });
  const [len, at] = await caret();
  assert.equal(at, len, 'the caret stays at the end');
  // IME: while composing, no scan runs; the committed text is scanned afterwards.
  const cdp = await page.context().newCDPSession(page);
  const scans = () => page.evaluate(() => window.__scans ?? 0);
  await page.evaluate(() => {
    window.__scans = 0;
    document.getElementById('editor').addEventListener('pii-airlock:findings', () => { window.__scans++; });
  });
  await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await scans(), 0, 'no scan during composition');
  await cdp.send('Input.insertText', { text: '日本' });
  await page.waitForFunction(() => window.__scans > 0);
  assert.equal(await page.$eval('#editor', (e) => e.textContent), `mail ${EMAIL} 日本`);
  // Undo goes back through the user's own edits: highlighting added none.
  // (Chromium may merge the whole typed run into one undo step, so either state is fine.)
  const text = () => page.$eval('#editor', (e) => e.textContent);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => CSS.highlights.get('pii-airlock-ask')?.size !== undefined);
  assert.ok(['', `mail ${EMAIL} `].includes(await text()), await text());
  // And redo brings exactly the user's text back, highlighted again.
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await text(), `mail ${EMAIL} 日本`);
  await page.waitForFunction(() => CSS.highlights.get('pii-airlock-ask')?.size === 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Vite dev server works with the documented optimizeDeps.exclude', async () => {
  const dir = installTarball(packTarball());
  writeFileSync(join(dir, 'index.html'), appPage('/main.js'));
  writeFileSync(join(dir, 'main.js'), appModule('pii-airlock'));
  const { createServer } = await import(pathToFileURL(join(ROOT, 'node_modules/vite/dist/node/index.js')).href);
  const server = await createServer({
    root: dir, configFile: false, logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0 }, optimizeDeps: { exclude: ['pii-airlock'] },
  });
  await server.listen();
  try {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.resolvedUrls.local[0]);
    await page.waitForSelector('body[data-state="ready"]');
    await page.fill('#editor', `mail ${EMAIL} ${'x '.repeat(30000)}`);
    await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelectorAll('mark').length === 1);
    assert.equal(await page.evaluate(() => window.__guard._worker instanceof Worker), true);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
  }
});

test('dispose() removes every trace from the page and unhooks the network', async () => {
  for (const app of [plain, plainCe]) {
    const { page, errors } = await open(app);
    await page.waitForSelector('body[data-state="ready"]');
    await page.click('#editor');
    await page.keyboard.type(`mail ${EMAIL}`);
    await page.waitForFunction(() => document.querySelector('pii-airlock-overlay')?.shadowRoot.querySelector('mark')
      || CSS.highlights.get('pii-airlock-ask')?.size === 1);
    const before = await page.evaluate(() => [window.fetch.name, XMLHttpRequest.prototype.send.toString().includes('[native code]')]);
    assert.deepEqual(before, ['guardedFetch', false]);
    const after = await page.evaluate(() => {
      window.__guard.dispose();
      return {
        hosts: document.querySelectorAll('pii-airlock-overlay, pii-airlock-popover, pii-airlock-consent, pii-airlock-live').length,
        highlights: ['replace', 'ask', 'block', 'shown'].reduce((n, st) => n + (CSS.highlights.get(`pii-airlock-${st}`)?.size ?? 0), 0),
        fetchNative: window.fetch.toString().includes('[native code]'),
        xhrNative: XMLHttpRequest.prototype.send.toString().includes('[native code]'),
      };
    });
    assert.deepEqual(after, { hosts: 0, highlights: 0, fetchNative: true, xhrNative: true });
    assert.equal(await page.$eval('#editor', (e) => ('value' in e ? e.value : e.textContent)), `mail ${EMAIL}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('presets by name in the browser: gdpr sends placeholders (PERSON from the name list) and restores the stream', async () => {
  for (const app of [vite, plain]) {
    const { page, errors } = await open(app, '?policy=gdpr');
    await page.waitForSelector('body[data-state="ready"]');
    assert.deepEqual(await page.evaluate(() => [window.__guard.policyId, window.__guard.namesAvailable]), ['gdpr', true]);
    const text = `Mail ${EMAIL} and ask Maria Schneider`;
    await typeAndWaitForMarks(page, text, 2);
    assert.deepEqual(await marks(page), [['EMAIL_ADDRESS', EMAIL], ['PERSON', 'Maria Schneider']]);
    app.received.length = 0;
    await page.click('#send');
    // gdpr settles both itself: no dialog, the request leaves with placeholders.
    await page.waitForSelector('#status:text-is("done")');
    assert.equal(await page.$('pii-airlock-consent'), null);
    assert.equal(JSON.parse(app.received[0]).messages[0].content, 'Mail [EMAIL_ADDRESS_1] and ask [PERSON_1]');
    assert.equal(await page.textContent('#answer'), `Got it: ${EMAIL} and Maria Schneider.`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('strict blocks a secret before anything is asked or sent', async () => {
  const { page, errors } = await open(plain, '?policy=strict');
  await page.waitForSelector('body[data-state="ready"]');
  plain.received.length = 0;
  // Stripe's documented test key.
  await page.fill('#editor', `Mail ${EMAIL}, key sk_test_4eC39HqLyjWDarjtT1zdp7dc`);
  await page.click('#send');
  await page.waitForSelector('#status:text-is("PiiAirlockBlockedError:policy-block")');
  assert.equal(await page.$('pii-airlock-consent'), null);
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(plain.received, []);
  // Without the key the same text goes out, redacted without a type.
  await page.fill('#editor', `Mail ${EMAIL}`);
  await page.click('#send');
  await page.waitForSelector('#status:text-is("done")');
  assert.equal(JSON.parse(plain.received[0]).messages[0].content, 'Mail [REDACTED]');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a name list that fails to load: names are reported off, pattern rules still guard', async () => {
  const page = await browser.newPage();
  await page.route('**/gazetteer.bin', (route) => route.fulfill({ status: 404, body: 'no' }));
  await page.goto(`${plain.base}/?policy=gdpr`);
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await page.evaluate(() => window.__guard.namesAvailable), false);
  plain.received.length = 0;
  await page.fill('#editor', `Mail ${EMAIL} and ask Maria Schneider`);
  await page.click('#send');
  await page.waitForSelector('#status:text-is("done")');
  const content = JSON.parse(plain.received[0]).messages[0].content;
  assert.ok(content.startsWith('Mail [EMAIL_ADDRESS_1] and ask'), content);
  await page.close();
});
