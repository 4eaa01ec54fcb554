// Node entry: the same guard without the DOM (no dialog, no highlighting). The wasm is read
// from disk synchronously, so `init` only exists so the same code runs in both places.
// Consent defaults to "redact" here; pass `consent: async ({ items }) => 'redacted' | ...`
// to decide per request.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import {
  makeGuard, PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS, PRESETS,
} from './src/guard.js';
import { makeScanner } from './src/scanner.js';

const require = createRequire(import.meta.url);
const wasm = require('./dist/node/pii_airlock.js');
// The strings live in the .wasm (src/dom/i18n.rs).
const { strings } = wasm;
const LOCALES = wasm.locales();

export const { Airlock, Restorer } = wasm;

export function init() {
  return Promise.resolve();
}

let list = null;

/**
 * Reads the name list (dist/gazetteer.bin, front-coded from data/gazetteer.txt) from disk once, or from `source` (a path, file URL
 * or bytes). Resolves to null when it cannot be read; `false` skips it.
 */
export function loadGazetteer(source) {
  if (source === false) return Promise.resolve(null);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return Promise.resolve(new Uint8Array(source.buffer ?? source, source.byteOffset ?? 0, source.byteLength));
  }
  if (source !== undefined) return readFile(source).then((b) => new Uint8Array(b), () => null);
  if (!list) {
    list = readFile(new URL('./dist/gazetteer.bin', import.meta.url)).then((b) => new Uint8Array(b));
    list.catch(() => { list = null; });
  }
  return list.catch(() => null);
}

/**
 * The same scanner as the browser entry's. Node reads the full module from disk at import, so
 * here it is that module's engine from the start (the findings are the same).
 */
export function createScanner(options = {}) {
  return makeScanner({ first: null, full: { Airlock: wasm.Airlock, loaded: Promise.resolve() }, gazetteer: loadGazetteer }, options);
}

/** Nothing to load in Node (see `createScanner`); for code shared with the browser entry. */
export function initScanner() {
  return Promise.resolve();
}

/** Returns a guard for server-side use: scan, redact, restore, guardBody, guardFetch. */
export function createGuard(options = {}) {
  return makeGuard({ Net: wasm.Net, init, gazetteer: loadGazetteer }, options, { strings });
}

export { PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS, LOCALES, PRESETS };
