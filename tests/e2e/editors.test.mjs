// Highlighting inside real rich-text editors (ProseMirror, Quill and Lexical from npm, built with Vite
// against the packed tarball, strict CSP, Debian's Chromium): values at the end of paragraphs
// and list items are highlighted exactly, and edits the editor makes itself (Enter, deleting a
// selection, programmatic changes: no `input` event) are rescanned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchErrors } from './browser.mjs';
import { packTarball, appServer } from './fixtures.mjs';
import { editorApp } from './editors.mjs';

const EMAIL = 'jane.doe@example.com';
const CARD = '4111 1111 1111 1111';
// The IBAN of the ISO 13616 / SWIFT registry example.
const IBAN = 'DE89 3704 0044 0532 0130 00';
const EDITORS = ['prosemirror', 'quill', 'lexical'];

let browser;
const apps = {};

before(async () => {
  const tarball = packTarball();
  for (const e of EDITORS) apps[e] = await appServer(editorApp(tarball, e));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const a of Object.values(apps)) a.server.close();
});

async function open(editor, query = '') {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${apps[editor].base}/${query}`);
  await page.waitForSelector('body[data-state="ready"]');
  // Every drawn scan, with the text it scanned.
  await page.evaluate(() => {
    window.__scans = [];
    window.__editor.root.addEventListener('pii-airlock:findings', (e) => window.__scans.push(e.detail.text));
  });
  return { page, errors };
}

/** The highlighted ranges' text, both highlights, in document order. */
function painted(page) {
  return page.evaluate(() => {
    const all = ['pii-airlock-replace', 'pii-airlock-ask', 'pii-airlock-block', 'pii-airlock-shown'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
    all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return all.map((r) => r.toString());
  });
}

/** Waits until the highlights read `expected` (then asserts it, for a readable failure). */
async function expectPainted(page, expected, what) {
  const want = JSON.stringify(expected);
  try {
    await page.waitForFunction((want) => {
      const all = ['pii-airlock-replace', 'pii-airlock-ask', 'pii-airlock-block', 'pii-airlock-shown'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
      all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return JSON.stringify(all.map((r) => r.toString())) === want;
    }, want, { timeout: 5000 });
  } catch { /* the assertion below says what was painted instead */ }
  assert.deepEqual(await painted(page), expected, what);
}

/** Waits until the last drawn scan was of `text` (then asserts it, for a readable failure). */
async function lastScan(page, text) {
  try {
    await page.waitForFunction((text) => window.__scans.at(-1) === text, text, { timeout: 5000 });
  } catch { /* the assertion below says what was scanned instead */ }
  assert.equal(await page.evaluate(() => window.__scans.at(-1)), text);
}

/** Puts the caret (or a selection) by text offsets inside the editor's text nodes. */
async function select(page, from, to = from) {
  await page.evaluate(([from, to]) => {
    const root = window.__editor.root;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const at = (n) => {
      let left = n;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (left <= t.length) return [t, left];
        left -= t.length;
      }
      throw new Error('offset past the text');
    };
    const [a, ao] = at(from);
    walker.currentNode = root;
    const [b, bo] = at(to);
    root.focus();
    // The editors read the DOM selection on selectionchange, which fires asynchronously (and
    // Quill reads it a timer later): wait for the event, then a little more.
    const changed = new Promise((r) => {
      document.addEventListener('selectionchange', r, { once: true });
      setTimeout(r, 1000);
    });
    getSelection().setBaseAndExtent(a, ao, b, bo);
    return changed.then(() => new Promise((r) => setTimeout(r, 50)));
  }, [from, to]);
}

/** No `input` event reaches the editor's root during `action`. */
async function withoutInput(page, action) {
  await page.evaluate(() => {
    window.__inputs = 0;
    window.__editor.root.addEventListener('input', () => { window.__inputs += 1; });
  });
  await action();
  return page.evaluate(() => window.__inputs);
}

for (const editor of EDITORS) {
  test(`${editor}: values at the end of paragraphs and list items are highlighted exactly`, async () => {
    const { page, errors } = await open(editor);
    // Set through the editor's API after attach(): only the DOM changes, no input event.
    await page.evaluate(([IBAN, CARD, EMAIL]) => window.__editor.setHTML(
      `<p>Pay to ${IBAN}</p><p>line</p>`
      + `<ul><li><p>card ${CARD}</p></li><li><p>mail ${EMAIL}</p></li><li><p>thanks</p></li></ul>`
      + `<p>or write to <strong>${EMAIL.slice(0, 6)}</strong>${EMAIL.slice(6)}</p><p>bye</p>`,
    ), [IBAN, CARD, EMAIL]);
    await expectPainted(page, [IBAN, CARD, EMAIL, EMAIL]);
    // Each finding's value is the text it covers, and the text has a break between blocks.
    const got = await page.evaluate(() => window.__controller.findings.map((f) => [f.entity, f.value]));
    assert.deepEqual(got, [['IBAN_CODE', IBAN], ['CREDIT_CARD', CARD], ['EMAIL_ADDRESS', EMAIL], ['EMAIL_ADDRESS', EMAIL]]);
    const text = await page.evaluate(() => window.__scans.at(-1));
    assert.match(text, /0130 00\nline\n/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${editor}: "Jane Doe" at the end of a paragraph is highlighted whole`, async () => {
    const { page, errors } = await open(editor);
    await page.evaluate(() => window.__editor.setHTML('<p>Our new colleague is Jane Doe</p><p>Mail me when she starts</p>'));
    await expectPainted(page, ['Jane Doe']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${editor}: a card number typed at the end of a paragraph, Enter, another paragraph`, async () => {
    const { page, errors } = await open(editor);
    await page.click('#editor-host [contenteditable]');
    await page.keyboard.type(`card ${CARD}`, { delay: 1 });
    await expectPainted(page, [CARD]);
    const inputs = await withoutInput(page, async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.type('line', { delay: 1 });
    });
    assert.ok(inputs > 0, 'typed text fires input events');
    await lastScan(page, `card ${CARD}\nline`);
    await expectPainted(page, [CARD]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${editor}: Enter after a value rescans, without any input event`, async () => {
    const { page, errors } = await open(editor);
    // "1111ok": no word boundary, so no card number yet.
    await page.evaluate((CARD) => window.__editor.setHTML(`<p>card ${CARD}ok</p>`), CARD);
    await page.waitForFunction(() => window.__scans.some((t) => t.endsWith('ok')));
    await expectPainted(page, []);
    await select(page, `card ${CARD}`.length);
    const inputs = await withoutInput(page, async () => {
      const before = await page.evaluate(() => window.__scans.length);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => window.__scans.length > n, before);
    });
    assert.equal(inputs, 0, `${editor} handles Enter itself`);
    await lastScan(page, `card ${CARD}\nok`);
    await expectPainted(page, [CARD]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${editor}: deleting a selection across paragraphs rescans, without any input event`, async () => {
    const { page, errors } = await open(editor);
    await page.evaluate(() => window.__editor.setHTML('<p>card 4111 1111</p><p>x 1111 1111</p>'));
    await page.waitForFunction(() => window.__scans.some((t) => t.endsWith('x 1111 1111')));
    await expectPainted(page, []);
    // From the end of the first paragraph to after the "x": what is left is one card number.
    await select(page, 'card 4111 1111'.length, 'card 4111 1111x'.length);
    const inputs = await withoutInput(page, () => page.keyboard.press('Backspace'));
    assert.equal(inputs, 0, `${editor} deletes the selection itself`);
    await lastScan(page, `card ${CARD}`);
    await expectPainted(page, [CARD]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${editor}: drawing highlights causes no further scans`, async () => {
    const { page, errors } = await open(editor);
    await page.evaluate((EMAIL) => window.__editor.setHTML(`<p>mail ${EMAIL}</p>`), EMAIL);
    await expectPainted(page, [EMAIL]);
    const settled = await page.evaluate(() => window.__scans.length);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(await page.evaluate(() => window.__scans.length), settled, 'no scan without an edit');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
