// A paste is held before it lands in the composer; with personal data in it the user can paste
// it with placeholders (restorable in the answer, like a sent value), as is, or not at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, SITES, imgPath, dialogState, until } from './harness.mjs';

let ctx;
before(async () => {
  ctx = await launchWithExtension();
  await routeSites(ctx.context);
});
after(async () => { await ctx?.context.close(); });

async function open(site, conv) {
  const page = await ctx.context.newPage();
  await page.goto(SITES[site].origin + SITES[site].path(conv));
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  return page;
}

/** A paste as the browser delivers it: a cancelable ClipboardEvent with text/plain data. */
const paste = (page, selector, text) => page.evaluate(([sel, t]) => {
  const dt = new DataTransfer();
  dt.setData('text/plain', t);
  document.querySelector(sel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
}, [selector, text]);

const CLIP = 'I am Jane Doe, mail jane.doe@example.com or call +49 30 1234567.';

for (const [site, selector] of [['chatgpt', '.ProseMirror'], ['gemini', '.ql-editor'], ['deepseek', '#chat-input'], ['perplexity', '#ask-input']]) {
  test(`${site}: a paste with personal data is intercepted and pasted with placeholders`, async () => {
    const page = await open(site, `paste-${site}`);
    await page.click(selector);
    await page.keyboard.type('Context: ');
    await paste(page, selector, CLIP);
    const d = await until(() => dialogState(ctx.context, page));
    assert.equal(d.name, 'Personal data in what you paste');
    assert.deepEqual(d.buttons, ['Paste with placeholders', 'Paste as is', 'Cancel']);
    assert.equal(d.focused, 'Paste with placeholders');
    // Nothing has landed while the user decides.
    assert.equal(await page.evaluate(() => editorText()), 'Context: ');
    if (site === 'chatgpt') {
      await new Promise((r) => setTimeout(r, 300));
      await page.screenshot({ path: imgPath('extension-paste.png') });
    }
    await page.keyboard.press('Enter');
    const text = await until(async () => {
      const t = await page.evaluate(() => editorText());
      return t !== 'Context: ' && t;
    });
    assert.match(text, /^Context: I am \[PERSON_\d+\], mail \[EMAIL_ADDRESS_\d+\] or call \[PHONE_NUMBER_\d+\]\.$/);
    await page.close();
  });
}

test('a paste can be cancelled or pasted as is, and one without findings lands unchanged', async () => {
  const page = await open('chatgpt', 'paste-choices');
  await page.click('.ProseMirror');
  await paste(page, '.ProseMirror', CLIP);
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Escape');
  await until(async () => !(await dialogState(ctx.context, page)));
  assert.equal(await page.evaluate(() => editorText()), '');

  await paste(page, '.ProseMirror', CLIP);
  await until(() => dialogState(ctx.context, page));
  await page.keyboard.press('Tab');
  assert.equal((await dialogState(ctx.context, page)).focused, 'Paste as is');
  await page.keyboard.press('Enter');
  await until(async () => (await page.evaluate(() => editorText())) === CLIP);

  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await paste(page, '.ProseMirror', 'Nothing personal in here.');
  await until(async () => (await page.evaluate(() => editorText())) === 'Nothing personal in here.');
  assert.equal(await dialogState(ctx.context, page), null);
  await page.close();
});

test('while the paste dialog shows what the clipboard holds, the page cannot read it', async () => {
  // spy-…: the page runs fixtures/src/spy.js, which reads everything it can (find-in-page too).
  const page = await open('chatgpt', 'spy-paste');
  await page.click('.ProseMirror');
  await paste(page, '.ProseMirror', CLIP);
  const d = await until(() => dialogState(ctx.context, page));
  // The user reads the values in the dialog (its accessibility tree has them)…
  assert.match(d.text, /jane\.doe@example\.com/);
  assert.match(d.text, /\+49 30 1234567/);
  // …and the page, which has not got the paste, cannot find them there.
  const report = await page.evaluate((g) => globalThis.spyReport(g), ['jane.doe@example.com', '@', 'Jane Doe', '1234567']);
  const saw = report.seen.filter(([, v]) => /jane|doe@|@example|1234567/i.test(v)).map(([how]) => how);
  assert.deepEqual(saw, [], `the page read the clipboard's values by: ${[...new Set(saw)].join(', ')}`);
  assert.deepEqual(report.found, []);
  await page.keyboard.press('Escape');
  await until(async () => !(await dialogState(ctx.context, page)));
  assert.equal(await page.evaluate(() => editorText()), '');
  await page.close();
});
