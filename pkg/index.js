// Browser / bundler entry. Works without a bundler (<script type="module">, the .wasm and the
// worker are found through `new URL(..., import.meta.url)`) and with one (Vite, webpack and
// Rollup turn those URLs into assets). Host pages need `script-src 'self' 'wasm-unsafe-eval'`;
// styles are constructable stylesheets, so `style-src 'self'` is enough.
import initWasm, { Airlock, Restorer, Guard as CoreGuard } from './dist/web/pii_airlock.js';
import {
  makeGuard, installPending, PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS,
} from './src/guard.js';
import { showConsentDialog } from './src/dialog.js';
import { attach } from './src/highlight.js';
import { strings, LOCALES } from './src/i18n.js';

let ready = null;

/**
 * Loads the engine. Call once; later calls return the same promise.
 * @param {RequestInfo | URL | BufferSource | WebAssembly.Module} [wasm] where to load the .wasm from
 */
export function init(wasm) {
  if (!ready) {
    ready = initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => undefined);
    // A failed load must be retryable and must not leave callers thinking the engine runs.
    ready.catch(() => { ready = null; });
  }
  return ready;
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
  return makeGuard({ Guard: CoreGuard, init }, options, browser ? env : { strings });
}

/**
 * Hooks fetch and XMLHttpRequest right away, before the engine has loaded, so no request to a
 * guarded endpoint can slip out while it loads; if it fails to load they are all blocked.
 * @returns {{ guard: Promise<import('./src/guard.js').Guard>, uninstall: () => void }}
 */
export function install(options = {}) {
  const guard = createGuard(options);
  guard.catch(() => {});
  const undo = installPending(globalThis, guard, options);
  return {
    guard,
    uninstall() {
      undo();
      guard.then((g) => g.dispose(), () => {});
    },
  };
}

export {
  Airlock, Restorer, PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS, LOCALES,
};
