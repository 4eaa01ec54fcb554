// Node entry: the wasm is read from disk synchronously, so there is nothing to await; `init`
// exists so the same code runs in both places.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const wasm = require('./dist/node/pii_airlock.js');

export const { Airlock, Restorer } = wasm;
export function init() {
  return Promise.resolve();
}
