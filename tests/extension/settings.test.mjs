// Organisation settings (chrome.storage.managed) win over the user's and cannot be weakened.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

let local;
let managed;
globalThis.chrome = {
  storage: {
    local: {
      get: async (k) => (k === 'settings' ? { settings: local } : {}),
      set: async (o) => { local = o.settings; },
    },
    managed: { get: async () => { if (managed === 'unsupported') throw new Error('no managed storage'); return managed; } },
  },
};
const { getSettings, setSettings, policyOf, DEFAULTS } = await import('../../extension/src/settings.js');

beforeEach(() => { local = undefined; managed = {}; });

test('defaults without any settings', async () => {
  const { settings, locked } = await getSettings();
  assert.deepEqual(settings, { ...DEFAULTS });
  assert.deepEqual(locked, {});
});

test('the managed preset wins and is locked', async () => {
  await setSettings({ preset: 'secrets-only' });
  managed = { preset: 'hipaa' };
  const { settings, locked } = await getSettings();
  assert.equal(settings.preset, 'hipaa');
  assert.equal(locked.preset, true);
});

test('a managed retention is a ceiling; a shorter user choice stays', async () => {
  managed = { retentionHours: 8 };
  await setSettings({ retentionHours: 100 });
  assert.equal((await getSettings()).settings.retentionHours, 8);
  await setSettings({ retentionHours: 2 });
  assert.equal((await getSettings()).settings.retentionHours, 2);
});

test('managed sites can only be switched off, never back on', async () => {
  managed = { disabledSites: ['gemini'] };
  await setSettings({ disabledSites: ['claude'] });
  assert.deepEqual((await getSettings()).settings.disabledSites.sort(), ['claude', 'gemini']);
});

test('drafts are closed on every site by default; an organisation can keep them closed', async () => {
  assert.deepEqual((await getSettings()).settings.openDrafts, []);
  await setSettings({ openDrafts: ['deepseek'] });
  assert.deepEqual((await getSettings()).settings.openDrafts, ['deepseek']);
  managed = { closeDrafts: true };
  const { settings, locked } = await getSettings();
  assert.deepEqual(settings.openDrafts, []);
  assert.equal(locked.openDrafts, true);
});

test('an unknown preset falls back to the default; no managed storage imposes nothing', async () => {
  await setSettings({ preset: 'none-such' });
  managed = 'unsupported';
  const { settings, locked } = await getSettings();
  assert.equal(settings.preset, 'gdpr');
  assert.deepEqual(locked, {});
});

test('the policy is the preset, or a document extending it with the user\'s changes', async () => {
  assert.equal(policyOf({ ...DEFAULTS }), 'gdpr');
  assert.deepEqual(policyOf({ ...DEFAULTS, preset: 'ccpa', categories: { contact: 'redact', nope: 'allow', people: 'explode' }, allowValues: [' a@b.example ', ''] }),
    { version: 1, extends: 'ccpa', categories: { contact: 'redact' }, allow: { values: ['a@b.example'] } });
});

test('with a managed preset the user\'s category changes and allowed values are dropped', async () => {
  await setSettings({ categories: { secrets: 'allow' }, allowValues: ['x'] });
  managed = { preset: 'strict' };
  const { settings } = await getSettings();
  assert.equal(policyOf(settings), 'strict');
});
