// The engine host: the MV3 service worker runs the WebAssembly engine (a content script's
// WebAssembly obeys the page's CSP, which often forbids it; the extension's own CSP allows
// 'wasm-unsafe-eval'). Content scripts reach it with chrome.runtime messages and get findings
// (offsets and types, never more text than they sent) and the text to send.
//
// The worker is stopped after ~30 s idle, so nothing here is kept only in memory that matters:
// settings are read from storage, each conversation's placeholders are stored encrypted
// (vault-store.js), and the engine is built lazily inside the first handler.
// Listeners are registered synchronously at the top level, as MV3 requires.

import { createGuard } from './engine/index.js';
import { getSettings, policyOf } from './settings.js';
import { forgetVault, moveVault, openVault, saveVault, sweep, vaultState } from './vault-store.js';

/** One engine per policy for highlighting, one guard per conversation for what is sent. */
const scanners = new Map();
const conversations = new Map();
/**
 * Guards kept in memory at most; the least recently built one is dropped first (its vault is
 * in storage, and read again when its conversation comes back).
 */
const MAX_CONVERSATIONS = 8;

/** Conversation → when its dropped guard's last write is done (the next guard reads it). */
const settling = new Map();

/** Frees a conversation's guard once what it is doing and writing is done. */
function retire(entry) {
  const done = entry.queue.catch(() => {}).then(() => entry.saving).catch(() => {});
  settling.set(entry.conv, done);
  done.then(() => {
    if (settling.get(entry.conv) === done) settling.delete(entry.conv);
    return entry.guard;
  }).then((g) => g.dispose(), () => {});
}

/** A policy (preset name or document) and the key its engines are cached under. */
const keyOf = (policy) => (typeof policy === 'string' ? policy : JSON.stringify(policy));

async function scanner(policy) {
  const key = keyOf(policy);
  if (!scanners.has(key)) {
    const g = createGuard({ policy, consent: 'block' });
    scanners.set(key, g);
    g.catch(() => scanners.delete(key));
  }
  return scanners.get(key);
}

/**
 * The guard of one conversation. Its consent function returns the answer the user already
 * gave in the page's dialog (the content script asks before it commits); with no answer it
 * refuses, so nothing is sent that nobody agreed to.
 *
 * Its vault is the engine's own, kept across worker restarts through the package's `vault`
 * option: the guard imports the stored blob when it is built and exports it after every
 * change (the core's importVault / exportVault) into `storage` below, which hands the blob to
 * vault-store.js. So placeholders and surrogates both come back, and numbering goes on past
 * what the conversation already issued.
 */
async function conversation(conv, policy) {
  let entry = conversations.get(conv);
  if (entry && entry.policyKey !== keyOf(policy)) {
    conversations.delete(conv);
    retire(entry);
    entry = null;
  }
  if (!entry) {
    // A dropped guard's last write is read back by the next one.
    const written = settling.get(conv) ?? Promise.resolve();
    entry = { conv, policyKey: keyOf(policy), decision: null, queue: Promise.resolve(), saving: Promise.resolve() };
    entry.guard = (async () => {
      await written;
      const { key, blob } = await openVault(conv);
      entry.saved = blob !== null;
      const ttl = await retentionMs();
      let stored = blob;
      // A synchronous Storage for the package; writes go on to chrome.storage in order.
      const storage = {
        getItem: () => stored,
        setItem: (_, v) => {
          stored = String(v);
          // Forgotten meanwhile ("forget this conversation"): nothing is written back.
          if (entry.forgotten) return;
          entry.saving = entry.saving.then(async () => {
            await saveVault(entry.conv, key, stored, Date.now() + ttl);
            entry.saved = true;
          }).catch(() => {});
        },
        removeItem: () => {
          stored = null;
          entry.saving = entry.saving.then(() => forgetVault(entry.conv)).catch(() => {});
        },
      };
      return createGuard({ policy, consent: () => entry.decision ?? 'cancelled', vault: { key, storage } });
    })();
    entry.guard.catch(() => {
      if (conversations.get(entry.conv) === entry) conversations.delete(entry.conv);
    });
    conversations.set(conv, entry);
    for (const [k, old] of conversations) {
      if (conversations.size <= MAX_CONVERSATIONS) break;
      conversations.delete(k);
      retire(old);
    }
  }
  return entry;
}

/** Content scripts name their conversation; the sender's origin keeps sites apart. */
function convKey(sender, conv) {
  const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : 'extension');
  return `${origin}|${String(conv ?? 'new')}`;
}

const publicFinding = (f) => ({
  start: f.start, end: f.end, entity: f.entity, action: f.action, needsDecision: f.needsDecision, category: f.category,
});

async function retentionMs() {
  const { settings } = await getSettings();
  return settings.retentionHours * 3600_000;
}

/**
 * False when the conversation has nothing to restore. A guard in memory whose stored vault has
 * expired (or was deleted) is dropped too: the retention holds for a worker that stayed up.
 */
async function live(key) {
  const entry = conversations.get(key);
  await entry?.saving;
  const state = await vaultState(key);
  if (entry?.saved && state !== 'live') {
    conversations.delete(key);
    retire(entry);
    return false;
  }
  return state === 'live' || Boolean(entry);
}

/** Sends `text` through the conversation's guard with the user's `decision`. */
async function commit(key, policy, text, decision) {
  await live(key);
  const entry = await conversation(key, policy);
  const run = entry.queue.then(async () => {
    const guard = await entry.guard;
    entry.decision = decision;
    let result;
    try {
      result = await guard.requestConsent(text);
    } finally {
      entry.decision = null;
    }
    if (result.decision !== 'redacted' && result.decision !== 'as-typed') {
      return { ok: false, reason: result.decision };
    }
    // The vault is stored before the page sends: a reload right after still restores.
    await entry.saving;
    if (result.receipt) await keepReceipt(result.receipt);
    return { ok: true, text: result.text, changed: result.text !== text, receipt: result.receipt ?? null };
  });
  entry.queue = run.catch(() => {});
  return run;
}

/**
 * The conversation's answers with the values back (placeholders and surrogates), as the
 * engine's restore allows it (never into a URL). Without a vault in memory or stored there is
 * nothing to restore, and no guard is built for it.
 */
async function restoreTexts(key, policy, texts) {
  if (!(await live(key))) return texts;
  const entry = await conversation(key, policy);
  const guard = await entry.guard;
  return texts.map((t) => guard.restore(t));
}

/** The latest receipts (types, actions, hashes: never values) for the popup. */
async function keepReceipt(receipt) {
  const { receipts = [] } = await chrome.storage.local.get('receipts');
  const cutoff = Date.now() - 30 * 86400_000;
  const kept = [...receipts, receipt].filter((r) => r.timeMs > cutoff).slice(-50);
  await chrome.storage.local.set({ receipts: kept });
}

/** The error to hand back: its kind only, never a message (it could quote the text). */
function failure(e) {
  if (e?.name === 'PiiAirlockBlockedError') return { ok: false, reason: e.reason };
  return { ok: false, reason: 'engine', error: e?.name ?? 'Error' };
}

async function handle(msg, sender) {
  const { settings } = await getSettings();
  const policy = policyOf(settings);
  switch (msg?.type) {
    case 'ping': {
      // A chat page loaded: build the engine now, not on the first keystroke.
      const g = await scanner(policy);
      return { ok: true, preset: settings.preset, namesAvailable: g.namesAvailable };
    }
    case 'scan': {
      const g = await scanner(policy);
      return { ok: true, findings: g.scan(String(msg.text)).map(publicFinding) };
    }
    case 'prepare': {
      const g = await scanner(policy);
      const findings = g.scan(String(msg.text)).map(publicFinding);
      return { ok: true, findings, allowAsTyped: g.allowAsTyped, strings: dialogStrings(g.strings) };
    }
    case 'commit':
      if (msg.decision !== 'redacted' && msg.decision !== 'as-typed') return { ok: false, reason: 'cancelled' };
      return commit(convKey(sender, msg.conv), policy, String(msg.text), msg.decision);
    case 'check-policy': {
      // The options page, before saving: the engine's error names the field at fault.
      try {
        (await createGuard({ policy: policyOf({ ...settings, ...msg.settings }), consent: 'block' })).dispose();
        return { ok: true };
      } catch (e) {
        return { ok: false, reason: 'config', message: e?.name === 'PiiAirlockConfigError' ? e.message : 'the policy could not be built' };
      }
    }
    case 'restore': {
      const texts = Array.isArray(msg.texts) ? msg.texts.map(String) : [];
      return { ok: true, texts: await restoreTexts(convKey(sender, msg.conv), policy, texts) };
    }
    case 'adopt': {
      // A new chat gets its id after the first message: move what was issued under "new".
      const from = convKey(sender, msg.from);
      const to = convKey(sender, msg.to);
      const entry = conversations.get(from);
      if (!entry) {
        await moveVault(from, to);
        return { ok: true };
      }
      // In the entry's write order: later writes of this guard land under the new id.
      const moved = entry.saving.then(() => moveVault(from, to));
      entry.saving = moved.catch(() => {});
      entry.conv = to;
      conversations.delete(from);
      conversations.set(to, entry);
      await moved;
      return { ok: true };
    }
    case 'forget': {
      // Popup: the tab's conversation, named by the content script, keyed by the tab's origin.
      const key = msg.origin ? `${msg.origin}|${String(msg.conv)}` : convKey(sender, msg.conv);
      const entry = conversations.get(key);
      conversations.delete(key);
      if (entry) {
        entry.forgotten = true;
        retire(entry);
        await settling.get(key);
      }
      await forgetVault(key);
      return { ok: true };
    }
    default:
      return { ok: false, reason: 'unknown-message' };
  }
}

/** The package's strings the page dialog uses (functions do not cross messages). */
function dialogStrings(s) {
  if (!s) return null;
  const pick = {};
  for (const k of ['title', 'description', 'sendRedacted', 'sendAsTyped', 'edit', 'cancel', 'willReplace', 'willSend', 'preview', 'findingsLabel']) {
    if (typeof s[k] === 'string') pick[k] = s[k];
  }
  if (s.entities && typeof s.entities === 'object') pick.entities = { ...s.entities };
  return pick;
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  handle(msg, sender).then(sendResponse, (e) => sendResponse(failure(e)));
  return true;
});

/**
 * Runs the content scripts on the sites the user added, for as long as the browser grants the
 * permission (asked for on the options page; a site whose permission was withdrawn is dropped).
 */
async function syncSites() {
  const { settings } = await getSettings();
  const granted = [];
  for (const o of settings.extraOrigins) {
    if (await chrome.permissions.contains({ origins: [o] }).catch(() => false)) granted.push(o);
  }
  const id = 'user-sites';
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] }).catch(() => []);
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [id] });
  if (granted.length) {
    const [cs] = chrome.runtime.getManifest().content_scripts;
    await chrome.scripting.registerContentScripts([{ id, matches: granted, js: cs.js, css: cs.css, runAt: cs.run_at, persistAcrossSessions: true }]);
  }
}

const housekeeping = () => { sweep().catch(() => {}); syncSites().catch(() => {}); };
chrome.runtime.onInstalled.addListener(housekeeping);
chrome.runtime.onStartup.addListener(housekeeping);
chrome.permissions.onAdded.addListener(() => { syncSites().catch(() => {}); });
chrome.permissions.onRemoved.addListener(() => { syncSites().catch(() => {}); });
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.settings) syncSites().catch(() => {});
});
