export { Airlock, Restorer, Finding, EngineOptions } from './dist/web/pii_airlock.js';

/** Loads and compiles the engine's WebAssembly once. Resolves when the engine is usable. */
export function init(wasm?: RequestInfo | URL | BufferSource | WebAssembly.Module): Promise<void>;
