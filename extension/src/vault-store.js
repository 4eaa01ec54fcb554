// The per-conversation vault at rest, so a reload of the conversation (or a restarted service
// worker, or browser) still restores the answer.
//
// The vault itself is the engine's: the conversation's guard exports it as one AES-256-GCM blob
// (the core's `exportVault`, through the package's `vault` option) under a random 32-byte key of
// that conversation, and imports it again (`importVault`, under the policy's time-to-live). That
// key is kept next to the blob, wrapped (AES-GCM) under the extension's non-extractable
// WebCrypto key in IndexedDB, with the conversation's storage key as associated data: nobody
// can read the wrapping key's bytes, storage.local holds only ciphertext, a record moved to
// another conversation does not open, and removing the extension removes both. Expired
// records are deleted when read and on every sweep.

const DB = 'pii-airlock';
const STORE = 'keys';
const KEY_ID = 'vault-v1';
const PREFIX = 'vault:';

let keyPromise = null;

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function idb(db, mode, fn) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
  });
}

/** The wrapping key, made on first use. */
function wrappingKey() {
  keyPromise ??= (async () => {
    const db = await openDb();
    let key = await idb(db, 'readonly', (s) => s.get(KEY_ID));
    if (!key) {
      key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await idb(db, 'readwrite', (s) => s.put(key, KEY_ID));
    }
    db.close();
    return key;
  })();
  keyPromise.catch(() => { keyPromise = null; });
  return keyPromise;
}

const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** The storage key of a conversation (bound into the wrapped key as well). */
const storageKey = (conv) => PREFIX + conv;

async function wrap(k, raw) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(k) }, await wrappingKey(), raw);
  return { iv: b64(iv), key: b64(data) };
}

async function unwrap(k, rec) {
  const raw = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: unb64(rec.iv), additionalData: new TextEncoder().encode(k) },
    await wrappingKey(),
    unb64(rec.key),
  );
  return new Uint8Array(raw);
}

/**
 * A conversation's vault key and stored blob (the package's hex string), or a fresh random key
 * and no blob when there is none, it expired, or it does not open (another key, tampering).
 */
export async function openVault(conv, now = Date.now()) {
  const k = storageKey(conv);
  const rec = (await chrome.storage.local.get(k))[k];
  if (rec) {
    if (rec.expires > now && typeof rec.blob === 'string' && typeof rec.key === 'string') {
      try {
        return { key: await unwrap(k, rec), blob: rec.blob };
      } catch {
        // Does not open: start empty (the answer keeps its placeholders).
      }
    }
    await chrome.storage.local.remove(k);
  }
  return { key: crypto.getRandomValues(new Uint8Array(32)), blob: null };
}

/**
 * Whether a conversation has a stored vault: 'live', 'none', or 'expired' (then it is deleted
 * here, as on every read).
 */
export async function vaultState(conv, now = Date.now()) {
  const k = storageKey(conv);
  const rec = (await chrome.storage.local.get(k))[k];
  if (!rec) return 'none';
  if (rec.expires > now) return 'live';
  await chrome.storage.local.remove(k);
  return 'expired';
}

/** Stores a conversation's exported vault `blob` with its `key`, wrapped, until `expires` (Unix ms). */
export async function saveVault(conv, key, blob, expires) {
  const k = storageKey(conv);
  await chrome.storage.local.set({ [k]: { ...(await wrap(k, key)), blob, expires } });
}

/**
 * Moves a conversation's vault to another id (a new chat gets its id after the first message):
 * the key is unwrapped and wrapped again for the new id; the blob does not change.
 */
export async function moveVault(from, to, now = Date.now()) {
  const k = storageKey(from);
  const rec = (await chrome.storage.local.get(k))[k];
  if (!rec) return false;
  await chrome.storage.local.remove(k);
  if (!(rec.expires > now) || typeof rec.key !== 'string') return false;
  let key;
  try {
    key = await unwrap(k, rec);
  } catch {
    return false;
  }
  await saveVault(to, key, rec.blob, rec.expires);
  return true;
}

/** Deletes one conversation's vault ("forget this conversation"). */
export async function forgetVault(conv) {
  await chrome.storage.local.remove(storageKey(conv));
}

/** Deletes every expired vault, and any left in an older format. */
export async function sweep(now = Date.now()) {
  const all = await chrome.storage.local.get(null);
  const old = Object.keys(all).filter((k) => k.startsWith(PREFIX) && !(all[k]?.expires > now && typeof all[k]?.blob === 'string'));
  if (old.length) await chrome.storage.local.remove(old);
  return old.length;
}
