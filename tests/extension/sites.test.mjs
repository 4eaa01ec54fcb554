// The extension on fixture pages built with the real editor libraries, served at the real chat
// sites' URLs with a CSP that forbids WebAssembly in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, SITES, imgPath, until, editorOf, dialogState } from './harness.mjs';

let ctx;
let backend;

before(async () => {
  ctx = await launchWithExtension();
  backend = await routeSites(ctx.context);
});
after(async () => { await ctx?.context.close(); });


async function open(site, conv) {
  const page = await ctx.context.newPage();
  await page.goto(SITES[site].origin + SITES[site].path(conv));
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  return page;
}

/** The extension's highlight names: the package's four mark states under its own prefix. */
const NAMES = ['pii-airlock-ext-replace', 'pii-airlock-ext-ask', 'pii-airlock-ext-block', 'pii-airlock-ext-shown'];

/** Ranges drawn by the extension's highlights (the registry is the document's, seen from the page too). */
const highlighted = (page) => page.evaluate((names) => names
  .reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0), NAMES);

/** The highlighted text, read back from the ranges. */
const highlightedText = (page) => page.evaluate((names) => names
  .flatMap((k) => [...(CSS.highlights.get(k) ?? [])].map((r) => r.toString())).sort(), NAMES);

/** The highlighted text by state. */
const byState = (page) => page.evaluate((names) => Object.fromEntries(names
  .map((k) => [k.slice('pii-airlock-ext-'.length), [...(CSS.highlights.get(k) ?? [])].map((r) => r.toString()).sort()])), NAMES);

async function liveText(page) {
  const cdp = await ctx.context.newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const status = nodes.find((n) => n.role?.value === 'status');
    if (!status) return null;
    const text = [];
    const walk = (n) => { if (n.role?.value === 'StaticText') text.push(n.name?.value); (n.childIds ?? []).forEach((c) => byId.has(c) && walk(byId.get(c))); };
    walk(status);
    return text.join('');
  } finally {
    await cdp.detach();
  }
}

test('the fixture pages forbid WebAssembly, so the engine cannot run in the page', async () => {
  const page = await open('chatgpt', 'csp-check');
  const refused = await page.evaluate(async () => {
    // The smallest valid module: "\0asm", version 1.
    try { await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return false; } catch (e) { return e.name; }
  });
  assert.equal(refused, 'CompileError');
  await page.close();
});

for (const [site, kind] of [['chatgpt', 'prosemirror'], ['claude', 'prosemirror'], ['gemini', 'quill'], ['deepseek', 'textarea'], ['copilot', 'textarea'], ['perplexity', 'lexical'], ['mistral', 'textarea']]) {
  test(`${site} (${kind}): highlights appear while typing`, async () => {
    const page = await open(site, `hl-${site}`);
    await page.click(editorOf(site));
    await page.keyboard.type('Write to jane.doe@example.com about card 4111 1111 1111 1111');
    await page.waitForFunction((names) => names.reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0) >= 2, NAMES, { timeout: 15000 });
    const texts = await highlightedText(page);
    // On a textarea the ranges are over its mirror, which holds the same characters.
    assert.deepEqual(texts, ['4111 1111 1111 1111', 'jane.doe@example.com']);
    // Every highlight is drawn over the composer (for a textarea: its mirror lies exactly on it).
    const inside = await page.evaluate(([sel, names]) => {
      const box = document.querySelector(sel).getBoundingClientRect();
      return names.flatMap((k) => [...(CSS.highlights.get(k) ?? [])])
        .every((r) => { const b = r.getBoundingClientRect(); return b.width > 0 && b.left >= box.left && b.right <= box.right && b.top >= box.top && b.bottom <= box.bottom; });
    }, [editorOf(site), NAMES]);
    assert.ok(inside, 'highlights lie on the composer');
    // Screen readers hear the count (a polite live region; closed shadow roots are in the AX tree).
    await until(() => liveText(page).then((t) => t === '2 items of personal data found'));
    // Typing on: the highlights follow the text.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('nothing personal here');
    await page.waitForFunction((names) => names.reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0) === 0, NAMES, { timeout: 15000 });
    assert.equal(await highlighted(page), 0);
    if (site === 'chatgpt') {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Hi, I am Jane Doe, jane.doe@example.com, IBAN DE89 3704 0044 0532 0130 00');
      await page.waitForFunction((names) => names.reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0) >= 2, NAMES, { timeout: 15000 });
      await page.screenshot({ path: imgPath('extension-highlight.png') });
    }
    await page.close();
  });
}

test('highlights use the package\'s four states under the extension\'s own names, leaving the page\'s own', async () => {
  const page = await open('chatgpt', 'hl-states');
  // A site that runs the npm package itself has its highlights under pii-airlock-<state>.
  await page.evaluate(() => {
    const h1 = document.querySelector('h1');
    const r = new Range();
    r.selectNodeContents(h1);
    for (const s of ['replace', 'ask', 'block', 'shown']) CSS.highlights.set(`pii-airlock-${s}`, new Highlight(r));
  });
  await page.click('.ProseMirror');
  await page.keyboard.type('Mail jane.doe@example.com: I was diagnosed with diabetes, see https://example.org/notes');
  await until(async () => (await highlighted(page)) >= 3);
  // gdpr: contact data is pseudonymized, health data is asked about, URLs are only shown.
  assert.deepEqual(await byState(page), {
    replace: ['jane.doe@example.com'], ask: ['diabetes'], block: [], shown: ['https://example.org/notes'],
  });
  // The page's own highlights are untouched by the extension's repaints.
  assert.deepEqual(await page.evaluate(() => ['replace', 'ask', 'block', 'shown'].map((s) => CSS.highlights.get(`pii-airlock-${s}`)?.size ?? 0)), [1, 1, 1, 1]);
  await page.close();
});

// The adapters of the sites that fell back on the generic selectors before: each fixture is
// shaped like the site (Copilot's textarea#userInput, Perplexity's Lexical #ask-input,
// Mistral's textarea named message.text) and has a search form before the composer whose
// submit button comes first in the page. The generic selector alone would take that button for
// the composer's send, and a click on the real one would go out unchecked.
const PROMPT = 'Write to jane.doe@example.com, I was diagnosed with diabetes last year.';
for (const site of ['copilot', 'perplexity', 'mistral']) {
  test(`${site}: its adapter finds the composer's own send button, not a search form's`, async () => {
    const conv = `decoy-${site}`;
    const page = await open(site, conv);
    assert.ok(await page.$('#search button[type="submit"]'), 'the decoy is on the page');
    await page.click(editorOf(site));
    await page.keyboard.type(PROMPT);
    await page.click('#send');
    const d = await until(() => dialogState(ctx.context, page));
    assert.equal(d.name, 'Personal data in your message', 'the click is held for consent');
    assert.equal(backend.received.filter((r) => r.conv === conv).length, 0);
    await page.keyboard.press('Enter');
    const { body, text } = await until(() => backend.received.find((r) => r.conv === conv));
    assert.ok(!body.includes('jane.doe@example.com') && !body.includes('diabetes'));
    assert.match(text, /^Write to \[EMAIL_ADDRESS_\d+\], I was diagnosed with \[HEALTH_DATA_\d+\] last year\.$/);
    await page.close();
  });
}

test('a redesign the adapter does not know still works through the generic selectors', async () => {
  // copilot, conversation redesign-…: a bare contenteditable and a plain "Send" button.
  const conv = 'redesign-copilot';
  const page = await open('copilot', conv);
  assert.equal(await page.$('#userInput'), null, 'the adapter\'s composer is gone');
  await page.click('#composer');
  await page.keyboard.type(PROMPT);
  await until(async () => (await highlighted(page)) >= 2);
  await page.click('#send');
  assert.equal((await until(() => dialogState(ctx.context, page))).name, 'Personal data in your message');
  await page.keyboard.press('Enter');
  const { text } = await until(() => backend.received.find((r) => r.conv === conv));
  assert.match(text, /^Write to \[EMAIL_ADDRESS_\d+\], I was diagnosed with \[HEALTH_DATA_\d+\] last year\.$/);
  await page.close();
});
