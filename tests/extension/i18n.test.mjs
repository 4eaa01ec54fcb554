// The options page and popup speak the package's languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, KEYS } from '../../extension/src/i18n.js';
import { launchWithExtension } from './harness.mjs';

test('every language has every string', () => {
  assert.deepEqual(LANGS, ['en', 'de', 'fr', 'es']);
  for (const l of LANGS) assert.deepEqual(KEYS(l).sort(), KEYS('en').sort(), l);
});

test('the options page and popup follow the browser\'s language', async () => {
  const ctx = await launchWithExtension(undefined, { lang: 'de' });
  try {
    const page = await ctx.context.newPage();
    await page.goto(`chrome-extension://${ctx.extensionId}/options.html`);
    await page.waitForFunction(() => document.querySelectorAll('#preset option').length === 6);
    assert.equal(await page.textContent('h1'), 'pii-airlock – Einstellungen');
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.match(await page.textContent('#preset-hint'), /Platzhaltern/);
    await page.goto(`chrome-extension://${ctx.extensionId}/popup.html`);
    assert.equal(await page.textContent('#forget'), 'Diese Unterhaltung vergessen');
  } finally {
    await ctx.context.close();
  }
});
