// The scanner that serves before the full module has loaded. The package ships two modules: the
// small first one (dist/web/scanner/pii_airlock_scan_bg.wasm: the engine and the names pass, nothing
// else) and the full one (policy, consent, vault, the browser layer). `makeScanner` builds an
// engine on the first module, so findings (for highlighting) come before the full module has
// even been fetched, and moves to the full module's engine once that one has loaded. It never
// sends anything: only the guard, which lives in the full module, lets text out.

import { guard as failClosed } from '../guard.js';

/** The options `EngineOptions` takes, besides the name list (loaded here from a source). */
const ENGINE_KEYS = ['countries', 'minScore', 'disabledRules'];

/**
 * @param {{
 *   first: { init: (wasm?: any) => Promise<void>, Scanner: any } | null,
 *   full: { Airlock: any, loaded: Promise<void> },
 *   gazetteer: (source?: any) => Promise<Uint8Array | null>,
 * }} modules
 * @param {{ countries?: string[], minScore?: number, disabledRules?: string[],
 *   gazetteer?: any, scannerWasm?: any }} [options]
 */
export async function makeScanner(modules, options = {}) {
  const engine = {};
  for (const k of ENGINE_KEYS) if (options[k] !== undefined) engine[k] = options[k];
  const [list] = await Promise.all([
    modules.gazetteer(options.gazetteer),
    modules.first ? modules.first.init(options.scannerWasm) : null,
  ]);
  const withList = list ? { ...engine, gazetteer: list } : engine;
  // Both constructors check the options the same way (unknown keys, countries, rules): a
  // mistake throws PiiAirlockConfigError here, whichever module serves.
  let inner = failClosed(modules.first ? new modules.first.Scanner(withList) : new modules.full.Airlock(withList));
  let module = modules.first ? 'scanner' : 'full';
  let disposed = false;
  if (modules.first) {
    // Off the keystroke path: the full module's engine is built in a task of its own.
    modules.full.loaded.then(() => new Promise((r) => setTimeout(r, 0))).then(() => {
      if (disposed) return;
      const next = failClosed(new modules.full.Airlock(withList));
      const old = inner;
      inner = next;
      module = 'full';
      old.free();
    }).catch(() => {});
  }
  return {
    /** Findings with UTF-16 offsets, as `Airlock.scan` returns them. */
    scan: (text) => inner.scan(text),
    /** 'scanner' while the first module serves, 'full' once the full module's engine does. */
    get module() { return module; },
    /** Whether PERSON and LOCATION can be found (the name list loaded). */
    namesAvailable: Boolean(list),
    /** Frees the engine. */
    free() { disposed = true; inner.free(); },
  };
}
