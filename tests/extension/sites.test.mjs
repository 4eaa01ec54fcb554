// The extension on fixture pages built with the real editor libraries, served at the real chat
// sites' URLs with a CSP that forbids WebAssembly in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, SITES, imgPath, until } from './harness.mjs';

let ctx;
let backend;

before(async () => {
  ctx = await launchWithExtension();
  backend = await routeSites(ctx.context);
});
after(async () => { await ctx?.context.close(); });

const EDITOR = { prosemirror: '.ProseMirror', quill: '.ql-editor', textarea: '#prompt', contenteditable: '#composer' };

async function open(site, conv) {
  const page = await ctx.context.newPage();
  await page.goto(SITES[site].origin + SITES[site].path(conv));
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  return page;
}

/** Ranges drawn by the extension's highlights (the registry is the document's, seen from the page too). */
const highlighted = (page) => page.evaluate(() => ['pii-airlock', 'pii-airlock-ask']
  .reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0));

/** The highlighted text, read back from the ranges. */
const highlightedText = (page) => page.evaluate(() => ['pii-airlock', 'pii-airlock-ask']
  .flatMap((k) => [...(CSS.highlights.get(k) ?? [])].map((r) => r.toString())).sort());

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

for (const [site, kind] of [['chatgpt', 'prosemirror'], ['claude', 'prosemirror'], ['gemini', 'quill'], ['deepseek', 'textarea'], ['copilot', 'contenteditable']]) {
  test(`${site} (${kind}): highlights appear while typing`, async () => {
    const page = await open(site, `hl-${site}`);
    await page.click(EDITOR[kind]);
    await page.keyboard.type('Write to jane.doe@example.com about card 4111 1111 1111 1111');
    await page.waitForFunction(() => (CSS.highlights.get('pii-airlock')?.size ?? 0) + (CSS.highlights.get('pii-airlock-ask')?.size ?? 0) >= 2, null, { timeout: 15000 });
    const texts = await highlightedText(page);
    // On a textarea the ranges are over its mirror, which holds the same characters.
    assert.deepEqual(texts, ['4111 1111 1111 1111', 'jane.doe@example.com']);
    // Every highlight is drawn over the composer (for a textarea: its mirror lies exactly on it).
    const inside = await page.evaluate((sel) => {
      const box = document.querySelector(sel).getBoundingClientRect();
      return ['pii-airlock', 'pii-airlock-ask'].flatMap((k) => [...(CSS.highlights.get(k) ?? [])])
        .every((r) => { const b = r.getBoundingClientRect(); return b.width > 0 && b.left >= box.left && b.right <= box.right && b.top >= box.top && b.bottom <= box.bottom; });
    }, EDITOR[kind]);
    assert.ok(inside, 'highlights lie on the composer');
    // Screen readers hear the count (a polite live region; closed shadow roots are in the AX tree).
    await until(() => liveText(page).then((t) => t === '2 items of personal data found'));
    // Typing on: the highlights follow the text.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('nothing personal here');
    await page.waitForFunction(() => (CSS.highlights.get('pii-airlock')?.size ?? 0) + (CSS.highlights.get('pii-airlock-ask')?.size ?? 0) === 0, null, { timeout: 15000 });
    assert.equal(await highlighted(page), 0);
    if (site === 'chatgpt') {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Hi, I am Jane Doe, jane.doe@example.com, IBAN DE89 3704 0044 0532 0130 00');
      await page.waitForFunction(() => (CSS.highlights.get('pii-airlock')?.size ?? 0) + (CSS.highlights.get('pii-airlock-ask')?.size ?? 0) >= 2, null, { timeout: 15000 });
      await page.screenshot({ path: imgPath('extension-highlight.png') });
    }
    await page.close();
  });
}
