// Ways text reaches a chat site without passing the composer the extension guards: the edit box
// of an already sent message, text and files dropped into the composer, text files attached
// with the site's file input, and requests of the sites the MAIN-world check models.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, routeSites, SITES, dialogState, until } from './harness.mjs';

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

const sentTo = (conv) => backend.received.filter((r) => r.conv === conv);

// ChatGPT edits in a textarea with "Send", Claude in a second ProseMirror editor with "Save":
// buttons labelled by their text only, which resend without the composer.
for (const [site, label, how] of [['chatgpt', 'Send', 'button'], ['claude', 'Save', 'button'], ['chatgpt', 'Send', 'enter']]) {
  test(`${site}: the edit box of a sent message is checked too ("${label}" by ${how})`, async () => {
    const conv = `edit-${site}-${how}`;
    const page = await open(site, conv);
    await page.click('.ProseMirror');
    await page.keyboard.type('Hello there');
    await page.keyboard.press('Enter');
    await until(() => sentTo(conv).length === 1);
    await page.click('#thread .user button.edit');
    await page.waitForSelector('.edit-box');
    await page.click('.edit-box');
    await page.keyboard.press('End');
    await page.keyboard.type(', mail jane.doe@example.com');
    if (how === 'enter') await page.keyboard.press('Enter');
    else await page.click('.edit-form button:last-child');
    const { body, text } = await until(() => sentTo(conv)[1]);
    assert.ok(!body.includes('jane.doe@example.com'), 'the value does not reach the site');
    assert.equal(text, 'Hello there, mail [EMAIL_ADDRESS_1]');
    assert.equal(await dialogState(ctx.context, page), null, 'sent without a refusal');
    await page.close();
  });
}
