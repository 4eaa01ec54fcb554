// Settings: the user's (chrome.storage.local) under the organisation's (chrome.storage.managed,
// see managed_schema.json). A managed preset or retention wins and the options page shows it
// locked; a managed site list can only switch sites off.

/** The built-in chat sites: id → the origin their content script runs on (manifest.json). */
export const SITES = {
  chatgpt: 'https://chatgpt.com',
  claude: 'https://claude.ai',
  gemini: 'https://gemini.google.com',
  copilot: 'https://copilot.microsoft.com',
  mistral: 'https://chat.mistral.ai',
  perplexity: 'https://www.perplexity.ai',
  deepseek: 'https://chat.deepseek.com',
};

export const PRESETS = ['gdpr', 'ccpa', 'hipaa', 'pci-dss', 'secrets-only', 'strict'];

/** Category ids a policy can give an action (pkg/index.d.ts `CategoryId`). */
export const CATEGORIES = ['identifiers', 'contact', 'financial', 'people', 'locations', 'special_categories', 'secrets'];
export const ACTIONS = ['allow', 'highlight', 'ask', 'redact', 'mask', 'pseudonymize', 'synthesize', 'block'];

export const DEFAULTS = Object.freeze({
  preset: 'gdpr',
  /** Sites switched off by the user (every built-in site is on by default). */
  disabledSites: [],
  /**
   * Sites whose pages may read the message box before Send (drafts, suggestions): only values
   * the engine found are held back there. Every other site gets no unsent text (the default).
   */
  openDrafts: [],
  /** Origins the user added (optional host permission granted at run time). */
  extraOrigins: [],
  /** How long a conversation's placeholders can be restored. */
  retentionHours: 24,
  /** Per-category actions over the preset's, e.g. { contact: 'redact' }. */
  categories: {},
  /** Values never acted on (the user's own support address, say). */
  allowValues: [],
});

async function managed() {
  try {
    return (await chrome.storage.managed.get(null)) ?? {};
  } catch {
    // No managed storage (e.g. Firefox without a policy): nothing is imposed.
    return {};
  }
}

/** The settings in force, and which of them the organisation locked. */
export async function getSettings() {
  const { settings = {} } = await chrome.storage.local.get('settings');
  const m = await managed();
  const s = { ...DEFAULTS, ...settings };
  const locked = {};
  if (PRESETS.includes(m.preset)) {
    s.preset = m.preset;
    locked.preset = true;
  }
  if (Number.isFinite(m.retentionHours) && m.retentionHours > 0) {
    s.retentionHours = Math.min(s.retentionHours, m.retentionHours);
    locked.retentionHours = true;
  }
  if (Array.isArray(m.disabledSites)) {
    s.disabledSites = [...new Set([...s.disabledSites, ...m.disabledSites])];
    locked.disabledSites = m.disabledSites;
  }
  if (m.closeDrafts === true) {
    s.openDrafts = [];
    locked.openDrafts = true;
  }
  if (!PRESETS.includes(s.preset)) s.preset = DEFAULTS.preset;
  if (locked.preset) {
    // The organisation's policy as it is: the user's changes could only weaken it.
    s.categories = {};
    s.allowValues = [];
  }
  return { settings: s, locked };
}

/**
 * The policy the engine host builds its guards with: the preset's name, or a policy document
 * extending it when the user changed categories or allowed values.
 */
export function policyOf(settings) {
  const categories = Object.fromEntries(Object.entries(settings.categories ?? {})
    .filter(([c, a]) => CATEGORIES.includes(c) && ACTIONS.includes(a)));
  const values = (settings.allowValues ?? []).map((v) => String(v).trim()).filter(Boolean);
  if (!Object.keys(categories).length && !values.length) return settings.preset;
  const doc = { version: 1, extends: settings.preset };
  if (Object.keys(categories).length) doc.categories = categories;
  if (values.length) doc.allow = { values };
  return doc;
}

/** Saves the user's settings (fields the organisation locked are overridden on read). */
export async function setSettings(patch) {
  const { settings = {} } = await chrome.storage.local.get('settings');
  await chrome.storage.local.set({ settings: { ...settings, ...patch } });
}
