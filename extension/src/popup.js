// The popup: what was found on the current tab's chat page, the latest consent receipts (types
// and actions only), exporting them, and "forget this conversation" (its stored placeholders
// are deleted; the answer on the page shows placeholders again).

import { t, translate } from './i18n.js';

const $ = (id) => document.getElementById(id);
let page = null;

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

async function currentTab() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

async function load() {
  page = null;
  const tab = await currentTab();
  try {
    page = tab ? await chrome.tabs.sendMessage(tab.id, { type: 'page-stats' }) : null;
  } catch {
    page = null;
  }
  page = page && typeof page === 'object' ? { ...page, tabId: tab.id } : null;
  const found = $('found');
  found.replaceChildren();
  if (!page) {
    $('status').textContent = t('notHere');
  } else if (!page.enabled) {
    $('status').textContent = t('off');
  } else {
    // What the page-world check held back while the user typed (main-world.js).
    $('status').textContent = page.withheld ? `${t('status', page.sent, page.replaced, page.restored)} ${t('held', page.withheld)}` : t('status', page.sent, page.replaced, page.restored);
    const entries = Object.entries(page.found);
    if (!entries.length) found.append(item(t('nothingYet')));
    for (const [entity, n] of entries.sort()) found.append(item(`${entity.toLowerCase().replace(/_/g, ' ')}: ${n}`));
  }
  $('forget').disabled = !page?.enabled;

  const { receipts = [] } = await chrome.storage.local.get('receipts');
  const list = $('receipts');
  list.replaceChildren();
  if (!receipts.length) list.append(item(t('noneYet')));
  for (const r of receipts.slice(-5).reverse()) {
    const cats = Object.entries(r.categories).map(([c, n]) => `${c.replace(/_/g, ' ')} ${n}`).join(', ');
    list.append(item(`${new Date(r.timeMs).toLocaleString()} — ${r.policyId}: ${cats}`));
  }
}

$('forget').addEventListener('click', async () => {
  if (!page) return;
  const res = await chrome.runtime.sendMessage({ type: 'forget', origin: page.origin, conv: page.conv });
  if (res?.ok) await chrome.tabs.sendMessage(page.tabId, { type: 'page-forgot' }).catch(() => {});
  $('status').textContent = res?.ok ? t('forgotten') : t('notForgotten');
});

$('export').addEventListener('click', async () => {
  const { receipts = [] } = await chrome.storage.local.get('receipts');
  const url = URL.createObjectURL(new Blob([JSON.stringify(receipts, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'pii-airlock-receipts.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$('options').addEventListener('click', () => chrome.runtime.openOptionsPage());

/** Reloads what the popup shows (it is also opened as a tab by the tests). */
globalThis.piiAirlockPopupLoad = load;
translate();
load();
