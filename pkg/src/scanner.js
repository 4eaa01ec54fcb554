// The scanner that serves before the full module has loaded. The package ships two modules: the
// small first one (dist/web/scanner/pii_airlock_scan_bg.wasm: the engine and the names pass, nothing
// else) and the full one (policy, consent, vault, the browser layer). `makeScanner` builds an
// engine on the first module, so findings (for highlighting) come before the full module has
// even been fetched, and moves to the full module's engine when it is used once that one has
// loaded. It never sends anything: only the guard, which lives in the full module, lets text out.

import { guard as failClosed } from '../guard.js';

/** The options `EngineOptions` takes, besides the name list (loaded here from a source). */
const ENGINE_KEYS = ['countries', 'minScore', 'disabledRules'];

/**
 * What an engine scans once, in an idle moment after it is built, if nothing has been scanned
 * yet: V8 compiles each function of the scan on its first call, the names pass builds its word
 * tables and the lazy DFA its first states, which the user's first text would otherwise wait
 * for. Example values only (RFC 2606's domain, Ofcom's drama number range, the IBAN standard's
 * example account).
 */
const WARM_UP = 'Hello, this is Anna Schmidt from Berlin. Mail anna.schmidt@example.com or call '
  + '+44 20 7946 0958, IBAN DE89 3704 0044 0532 0130 00, on 12.03.2024.';

/**
 * Scans `WARM_UP` with `engine` in the browser's next idle period, unless `skip()` says not to
 * by then (the engine has scanned, moved or been freed). Off the keystroke path: only in idle
 * time, and not in Node (no `requestIdleCallback`), where no idle period can be told apart.
 */
function warmUp(engine, skip) {
  if (typeof globalThis.requestIdleCallback !== 'function') return;
  globalThis.requestIdleCallback(() => {
    if (skip()) return;
    try {
      engine.scan(WARM_UP);
    } catch {
      // The user's own scans report a failing engine.
    }
  });
}

/**
 * @param {{
 *   first: { init: (wasm?: any) => Promise<void>, Scanner: any } | null,
 *   full: { Airlock: any, loaded: Promise<void> | null },
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
  // Whether the engine serving now has scanned: a warm-up would then only take time.
  let scanned = false;
  const warm = (engine) => warmUp(engine, () => disposed || scanned || inner !== engine);
  warm(inner);
  // The move to the full module's engine: once that module has loaded (`loaded`), the first scan
  // after it starts the move (`moving`), in a task of its own so that no keystroke waits for the
  // engine's build; that scan is still the first module's. Not at the load itself: on a page
  // that also runs the guard, the early highlights are off by then (the guard's highlighter has
  // taken over) and the page may never scan here again, and an engine built at the load was
  // one the page never used, built on the main thread while the guard was being built
  // (docs/benchmarks.md, "Round 13 (startup14)").
  let loaded = false;
  let moving = false;
  const move = () => {
    if (disposed) return;
    let next;
    try {
      next = failClosed(new modules.full.Airlock(withList));
    } catch {
      // The first module's engine goes on serving.
      return;
    }
    const old = inner;
    inner = next;
    module = 'full';
    scanned = false;
    old.free();
    warm(next);
  };
  // No `loaded` promise: a scanner that stays on the first module.
  if (modules.first) modules.full.loaded?.then(() => { loaded = true; }, () => {});
  return {
    /** Findings with UTF-16 offsets, as `Airlock.scan` returns them. */
    scan: (text) => {
      // An empty field's scan (attachEarly paints as soon as the engine is in) warms nothing.
      if (text !== '') scanned = true;
      const found = inner.scan(text);
      if (loaded && !moving) {
        moving = true;
        setTimeout(move, 0);
      }
      return found;
    },
    /**
     * 'scanner' while the first module serves, 'full' once the full module's engine does (from
     * the first scan after the full module has loaded, a task later).
     */
    get module() { return module; },
    /** Whether PERSON and LOCATION can be found (the name list loaded). */
    namesAvailable: Boolean(list),
    /** Frees the engine. */
    free() { disposed = true; inner.free(); },
  };
}
