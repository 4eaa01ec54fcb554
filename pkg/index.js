// Browser / bundler entry. `init()` fetches and compiles the .wasm once; everything else is
// synchronous after that. Works without a bundler (<script type="module">) and with one
// (the .wasm is found through `new URL(..., import.meta.url)`).
import initWasm, { Airlock, Restorer } from './dist/web/pii_airlock.js';

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

export { Airlock, Restorer };
