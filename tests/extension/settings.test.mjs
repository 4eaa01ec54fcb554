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
const { getSettings, setSettings, DEFAULTS } = await import('../../extension/src/settings.js');

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

test('an unknown preset falls back to the default; no managed storage imposes nothing', async () => {
  await setSettings({ preset: 'none-such' });
  managed = 'unsupported';
  const { settings, locked } = await getSettings();
  assert.equal(settings.preset, 'gdpr');
  assert.deepEqual(locked, {});
});
