// Browser / bundler entry. Works without a bundler (<script type="module">, the .wasm and the
// worker are found through `new URL(..., import.meta.url)`) and with one (Vite, webpack and
// Rollup turn those URLs into assets). Host pages need `script-src 'self' 'wasm-unsafe-eval'`;
// styles are constructable stylesheets, so `style-src 'self'` is enough.
// The DOM parts (highlighting, popover, consent dialog, styles, strings) are in the .wasm too.
import initWasm, {
  Airlock, Restorer, Net, showConsentDialog, attach, strings, locales,
} from './dist/web/pii_airlock.js';
import {
  makeGuard, installPending, PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS, PRESETS,
} from './src/guard.js';

let ready = null;
let loaded = false;
// Resolves once the full module has loaded (a scanner used after that moves to its engine).
let fullLoaded;
const whenFull = new Promise((r) => { fullLoaded = r; });

/**
 * Loads the engine. Call once; later calls return the same promise.
 * @param {RequestInfo | URL | BufferSource | WebAssembly.Module} [wasm] where to load the .wasm from
 */
export function init(wasm) {
  if (!ready) {
    ready = initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => { loaded = true; fullLoaded(); });
    // A failed load must be retryable and must not leave callers thinking the engine runs.
    ready.catch(() => { ready = null; });
  }
  return ready;
}

let scanReady = null;
// The first module's glue, once imported. Imported on demand: a page (or the extension's
// service worker, which copies only what it uses) that never asks for the scanner loads none
// of it.
let firstModule = null;

/**
 * Loads the small first module (the engine alone: dist/web/scanner/pii_airlock_scan_bg.wasm). Call
 * once; later calls return the same promise.
 * @param {RequestInfo | URL | BufferSource | WebAssembly.Module} [wasm] where to load it from
 */
export function initScanner(wasm) {
  if (!scanReady) {
    scanReady = import('./dist/web/scanner/pii_airlock_scan.js').then(async (m) => {
      await m.default(wasm === undefined ? undefined : { module_or_path: wasm });
      firstModule = m;
    });
    scanReady.catch(() => { scanReady = null; });
  }
  return scanReady;
}

/**
 * An engine for highlighting that is ready before the full module: built on the small first
 * module, it moves to the full module's engine once `init()` has resolved (same findings). If
 * the first module cannot load, the full module serves from the start. See index.d.ts.
 */
export function createScanner(options = {}) {
  return scannerOf(options, whenFull);
}

/**
 * `createScanner` with the promise after which it moves to the full module's engine (`moveOn`),
 * or null for a scanner that stays on the first module: `attachEarly`'s own, which ends when
 * the guard's highlighter takes over, so that a full engine built for it would only hold the
 * main thread (right after the first highlight, when the page builds its guard).
 */
async function scannerOf(options, moveOn) {
  // The first module, the name list and this file's helper load in parallel (the first two are
  // shared with the calls below, which see the same promises).
  initScanner(options.scannerWasm).catch(() => {});
  loadGazetteer(options.gazetteer);
  const { makeScanner } = await import('./src/scanner.js');
  const full = { Airlock, loaded: moveOn };
  // The Scanner class is read once the module is in (`init` has run).
  const first = { init: initScanner, get Scanner() { return firstModule.Scanner; } };
  try {
    return await makeScanner({ first, full, gazetteer: loadGazetteer }, options);
  } catch (e) {
    // A bad option is the caller's to fix, whichever module reads it.
    if (e?.name === 'PiiAirlockConfigError') throw e;
    await init(options.wasm);
    return makeScanner({ first: null, full, gazetteer: loadGazetteer }, options);
  }
}

/**
 * Highlights `element` (a <textarea>, a text <input> or a contenteditable element) from the small
 * first module while the full module loads, and hands over to the guard's highlighter
 * (`guard.attach(element, options.attachOptions)`) once `options.guard` has resolved: the early
 * highlights, in one neutral state (`pii-airlock-pending`: the policy is not known yet), are
 * taken off when the guard's have been painted. Nothing is sent or let through here: guarded
 * requests wait for the guard. `options.scanner` reuses a `createScanner()` promise. See
 * index.d.ts.
 */
export function attachEarly(element, options = {}) {
  // Without the caller's scanner, the highlighter's own: it never moves to the full module and
  // is freed when the highlighter detaches.
  const own = !options.scanner;
  const scanner = options.scanner ?? scannerOf({
    gazetteer: options.gazetteer, scannerWasm: options.scannerWasm, wasm: options.wasm,
  }, null);
  scanner.catch(() => {});
  // Imported on demand, like the scanner's helper (the extension copies an explicit file list).
  const inner = import('./src/early.js').then((m) => m.attachEarly(element, scanner, options, own));
  inner.catch(() => {});
  return {
    ready: inner.then((c) => c.ready),
    painted: inner.then((c) => c.painted),
    refresh() { inner.then((c) => c.refresh(), () => {}); },
    detach() { inner.then((c) => c.detach(), () => {}); },
  };
}

const lists = new Map();

/**
 * Loads the name list (data/gazetteer.txt, shipped front-coded as `pii-airlock/gazetteer`), once per
 * source. Resolves to its bytes, or to null when it cannot be loaded (the guard then runs
 * without PERSON/LOCATION and says so in `namesAvailable`). `false` skips it.
 * @param {RequestInfo | URL | BufferSource | false} [source]
 */
export function loadGazetteer(source) {
  if (source === false) return Promise.resolve(null);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return Promise.resolve(new Uint8Array(source.buffer ?? source, source.byteOffset ?? 0, source.byteLength));
  }
  const where = source ?? new URL('./dist/gazetteer.bin', import.meta.url);
  const key = String(where instanceof Request ? where.url : where);
  if (!lists.has(key)) {
    const p = fetch(where)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((b) => new Uint8Array(b));
    // A failed load is retried by the next guard, not cached.
    p.catch(() => lists.delete(key));
    lists.set(key, p);
  }
  return lists.get(key).catch(() => null);
}

const browser = typeof document !== 'undefined';
const env = {
  showConsentDialog,
  attach,
  strings,
  createWorker: typeof Worker === 'function'
    ? () => new Worker(new URL('./src/worker.js', import.meta.url), { type: 'module' })
    : null,
};

/**
 * Loads the engine and returns a guard. See index.d.ts for every option.
 * @param {import('./index.js').GuardOptions} [options]
 */
export function createGuard(options = {}) {
  return makeGuard({ Net, init, gazetteer: loadGazetteer }, options, browser ? env : { strings });
}

/**
 * Hooks fetch and XMLHttpRequest right away, before the engine has loaded, so no request to a
 * guarded endpoint can slip out while it loads; if it fails to load they are all blocked.
 * `scanner`, read in the same task as the call (`const { guard, scanner } = install()`), loads
 * the small first module before the full one and resolves with an engine for highlighting
 * while guarded requests still wait; left unread, the first module is never fetched.
 * `attach(element)` highlights the element from that scanner at once and hands over to
 * `guard.attach(element)` once the guard runs (`attachEarly`).
 * @returns {{ guard: Promise<import('./src/guard.js').Guard>, scanner: Promise<object>, attach: (element: HTMLElement, options?: object) => object, uninstall: () => void }}
 */
export function install(options = {}) {
  const { scannerWasm, ...guardOptions } = options;
  let scanner = null;
  const wantScanner = () => (scanner ??= createScanner({ gazetteer: options.gazetteer, scannerWasm, wasm: options.wasm }));
  // The full module is fetched once the first one is in (or failed), when the page wants it:
  // on a slow link the two would otherwise share it, and the first highlight would wait for
  // both. Decided a task later, so that `scanner` read along with `guard` counts.
  const guard = Promise.resolve()
    .then(() => (scanner ? initScanner(scannerWasm).catch(() => {}) : undefined))
    .then(() => createGuard(guardOptions));
  guard.catch(() => {});
  const undo = installPending(globalThis, guard, options);
  // The early highlighters `attach` started, taken off by `uninstall`.
  const early = [];
  return {
    guard,
    get scanner() {
      const s = wantScanner();
      s.catch(() => {});
      return s;
    },
    /** Highlights `element` from the first module until the guard's highlighter takes over (`attachEarly`). */
    attach(element, attachOptions = {}) {
      const s = wantScanner();
      s.catch(() => {});
      const drawn = attachEarly(element, { ...attachOptions, scanner: s, guard });
      early.push(drawn);
      return drawn;
    },
    uninstall() {
      early.forEach((d) => d.detach());
      scanner?.then((s) => s.free(), () => {});
      undo();
      guard.then((g) => g.dispose(), () => {});
    },
  };
}

/** The shipped strings by language, readable once `init()` has resolved (they live in the .wasm). */
export const LOCALES = {};
let shipped = null;
for (const lang of ['en', 'de', 'fr', 'es']) {
  Object.defineProperty(LOCALES, lang, {
    enumerable: true,
    get() {
      if (!loaded) throw new Error('pii-airlock: LOCALES can be read once init() has resolved');
      shipped ??= locales();
      return shipped[lang];
    },
  });
}

export {
  Airlock, Restorer, PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS, PRESETS,
};
