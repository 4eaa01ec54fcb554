// Node entry: the same guard without the DOM (no dialog, no highlighting). The wasm is read
// from disk synchronously, so `init` only exists so the same code runs in both places.
// Consent defaults to "redact" here; pass `consent: async ({ items }) => 'redacted' | ...`
// to decide per request.
import { createRequire } from 'node:module';
import {
  makeGuard, PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS,
} from './src/guard.js';
import { strings, LOCALES } from './src/i18n.js';

const require = createRequire(import.meta.url);
const wasm = require('./dist/node/pii_airlock.js');

export const { Airlock, Restorer } = wasm;

export function init() {
  return Promise.resolve();
}

/** Returns a guard for server-side use: scan, redact, restore, guardBody, guardFetch. */
export function createGuard(options = {}) {
  return makeGuard({ Guard: wasm.Guard, init }, options, { strings });
}

export { PiiAirlockBlockedError, PiiAirlockConfigError, DEFAULT_ENDPOINTS, LOCALES };
