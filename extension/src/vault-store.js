// The per-conversation vault at rest: which placeholder stands for which value, so a reload of
// the conversation (or a restarted service worker) still restores the answer.
//
// Each conversation's pairs are one AES-256-GCM ciphertext in chrome.storage.local with an
// expiry time. The key is a non-extractable WebCrypto key kept in the extension's IndexedDB:
// its bytes can be read by nobody, storage.local holds only ciphertext, and removing the
// extension removes both. Expired entries are deleted when read and on every sweep.

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

/** The vault key, made on first use. */
function vaultKey() {
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

/** The storage key of a conversation (its id is bound into the ciphertext as well). */
const storageKey = (conv) => PREFIX + conv;

/**
 * Reads a conversation's pairs ({ "[EMAIL_ADDRESS_1]": "jane@…" }); {} when none or expired.
 * A ciphertext that does not decrypt (another key, tampering) counts as none.
 */
export async function loadPairs(conv, now = Date.now()) {
  const k = storageKey(conv);
  const rec = (await chrome.storage.local.get(k))[k];
  if (!rec) return {};
  if (!(rec.expires > now)) {
    await chrome.storage.local.remove(k);
    return {};
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: unb64(rec.iv), additionalData: new TextEncoder().encode(k) },
      await vaultKey(),
      unb64(rec.data),
    );
    return JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return {};
  }
}

/** Stores a conversation's pairs, encrypted, until `expires` (Unix ms). */
export async function savePairs(conv, pairs, expires) {
  const k = storageKey(conv);
  if (Object.keys(pairs).length === 0) {
    await chrome.storage.local.remove(k);
    return;
  }
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(k) },
    await vaultKey(),
    new TextEncoder().encode(JSON.stringify(pairs)),
  );
  await chrome.storage.local.set({ [k]: { iv: b64(iv), data: b64(data), expires } });
}

/** Deletes one conversation's vault ("forget this conversation"). */
export async function forgetPairs(conv) {
  await chrome.storage.local.remove(storageKey(conv));
}

/** Deletes every expired vault. */
export async function sweep(now = Date.now()) {
  const all = await chrome.storage.local.get(null);
  const old = Object.keys(all).filter((k) => k.startsWith(PREFIX) && !(all[k]?.expires > now));
  if (old.length) await chrome.storage.local.remove(old);
  return old.length;
}
