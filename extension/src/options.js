// The options page: preset, built-in sites on/off (and whether each may read drafts), sites the user adds (each asked for through
// the browser's permission prompt), and how long placeholders can be restored. Settings the
// organisation set (chrome.storage.managed) are shown locked.
import { ACTIONS, CATEGORIES, DEFAULTS, PRESETS, SITES, getSettings, setSettings } from './settings.js';
import { t, translate } from './i18n.js';

const PRESET_HINTS = t('hints');

const $ = (id) => document.getElementById(id);

/** A URL (scheme, host, port, path) or a bare host name → the match pattern to ask for (ports are not part of one). */
export function originPattern(input) {
  const raw = String(input).trim();
  const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) {
    throw new Error(t('badOrigin'));
  }
  return `${url.protocol}//${url.hostname}/*`;
}

async function render() {
  const { settings, locked } = await getSettings();
  $('managed').hidden = Object.keys(locked).length === 0;

  const preset = $('preset');
  preset.replaceChildren(...PRESETS.map((p) => new Option(p, p, false, p === settings.preset)));
  preset.disabled = Boolean(locked.preset);
  $('preset-hint').textContent = PRESET_HINTS[settings.preset] ?? '';

  // Per-category actions and the allow-list; not offered when the organisation set the policy.
  $('custom').disabled = Boolean(locked.preset);
  const cats = $('categories');
  cats.replaceChildren();
  for (const c of CATEGORIES) {
    const label = document.createElement('label');
    label.htmlFor = `cat-${c}`;
    label.textContent = c.replace(/_/g, ' ');
    const select = document.createElement('select');
    select.id = `cat-${c}`;
    select.name = 'category';
    select.dataset.category = c;
    select.append(new Option(t('asPreset'), ''), ...ACTIONS.map((a) => new Option(a, a)));
    select.value = settings.categories[c] ?? '';
    cats.append(label, select);
  }
  $('allow').value = settings.allowValues.join('\n');

  const sites = $('sites');
  sites.replaceChildren();
  for (const [id, origin] of Object.entries(SITES)) {
    const row = document.createElement('div');
    row.className = 'site';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `site-${id}`;
    box.name = 'site';
    box.value = id;
    box.checked = !settings.disabledSites.includes(id);
    box.disabled = Array.isArray(locked.disabledSites) && locked.disabledSites.includes(id);
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = origin.replace('https://', '');
    // Closed by default: the page gets no text before Send unless opened here.
    const drafts = document.createElement('input');
    drafts.type = 'checkbox';
    drafts.id = `drafts-${id}`;
    drafts.name = 'drafts';
    drafts.value = id;
    drafts.checked = settings.openDrafts.includes(id);
    drafts.disabled = Boolean(locked.openDrafts);
    const draftsLabel = document.createElement('label');
    draftsLabel.htmlFor = drafts.id;
    draftsLabel.textContent = t('drafts');
    // Each row's second box says which site it is for, not only "may read drafts".
    drafts.setAttribute('aria-label', `${label.textContent}: ${t('drafts')}`);
    row.append(box, label, drafts, draftsLabel);
    sites.append(row);
  }

  const list = $('origins');
  list.replaceChildren();
  for (const pattern of settings.extraOrigins) {
    const li = document.createElement('li');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = t('remove');
    remove.addEventListener('click', async () => {
      const { settings: s } = await getSettings();
      await setSettings({ extraOrigins: s.extraOrigins.filter((o) => o !== pattern) });
      await chrome.permissions.remove({ origins: [pattern] }).catch(() => {});
      translate();
render();
    });
    li.append(document.createTextNode(`${pattern.replace('/*', '')} `), remove);
    list.append(li);
  }

  $('retention').value = String(settings.retentionHours);
  $('retention').disabled = false;
  if (locked.retentionHours) $('retention').max = String(settings.retentionHours);
}

$('preset').addEventListener('change', () => { $('preset-hint').textContent = PRESET_HINTS[$('preset').value] ?? ''; });

$('add-origin').addEventListener('click', async () => {
  let pattern;
  try {
    pattern = originPattern($('origin').value);
  } catch (e) {
    $('saved').textContent = e.message;
    return;
  }
  // The browser asks the user; nothing runs on the site unless they allow it.
  const granted = await chrome.permissions.request({ origins: [pattern] }).catch(() => false);
  if (!granted) {
    $('saved').textContent = t('notGranted');
    return;
  }
  const { settings } = await getSettings();
  await setSettings({ extraOrigins: [...new Set([...settings.extraOrigins, pattern])] });
  $('origin').value = '';
  $('saved').textContent = t('added', pattern.replace('/*', ''));
  translate();
render();
});

$('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const hours = Math.round(Number($('retention').value));
  const patch = {
    preset: $('preset').value,
    disabledSites: [...document.querySelectorAll('input[name="site"]')].filter((b) => !b.checked).map((b) => b.value),
    openDrafts: [...document.querySelectorAll('input[name="drafts"]')].filter((b) => b.checked).map((b) => b.value),
    retentionHours: Number.isFinite(hours) && hours >= 1 ? Math.min(hours, 720) : DEFAULTS.retentionHours,
    categories: Object.fromEntries([...document.querySelectorAll('select[name="category"]')]
      .filter((s) => s.value).map((s) => [s.dataset.category, s.value])),
    allowValues: $('allow').value.split('\n').map((v) => v.trim()).filter(Boolean),
  };
  // The engine builds the policy first: a setting it refuses is not saved.
  const check = await chrome.runtime.sendMessage({ type: 'check-policy', settings: patch }).catch(() => null);
  if (!check?.ok) {
    $('saved').textContent = t('notSaved', check?.message ?? t('noAnswer'));
    return;
  }
  await setSettings(patch);
  $('saved').textContent = t('saved');
  translate();
render();
});

translate();
render();
