// Fail-closed wrapper around an Airlock (works with the Node and the browser entry).
//
// A Rust panic inside the wasm module aborts with `unreachable`, and a corrupted call traps;
// JavaScript sees a `WebAssembly.RuntimeError`. After a trap the module's memory can no longer
// be trusted, so the first trap poisons the module: that call and every later call on any
// guarded instance throw `PiiAirlockPoisonedError` instead of returning results. Callers must
// treat an error as "do not send". Findings are also checked for shape before they are
// returned, so a broken module cannot hand back offsets that would leave text unredacted.
//
// Usage:  import { Airlock } from 'pii-airlock';  import { guard } from 'pii-airlock/guard';
//         const airlock = guard(new Airlock());

/** Thrown by every guarded call once the wasm module has trapped. */
export class PiiAirlockPoisonedError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'PiiAirlockPoisonedError';
  }
}

/**
 * Thrown by a call on an object that was freed (`free()`, a guard's `dispose()`): the caller's
 * mistake, not a trap, so the module stays usable for every other object.
 */
export class PiiAirlockFreedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PiiAirlockFreedError';
  }
}

let poisoned = null;

/** True once a guarded call has trapped; the page (or process) must reload the module. */
export function isPoisoned() {
  return poisoned !== null;
}

/**
 * Marks the module as trapped and returns the error to fail with. The Rust panic hook calls
 * this: a panic inside an async task (a request being checked) reaches no wrapper.
 */
export function poison(cause) {
  poisoned ??= cause;
  return new PiiAirlockPoisonedError('pii-airlock hit an internal error and stopped; nothing was scanned', { cause });
}

function isTrap(e) {
  return (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError)
    // wasm-bindgen's own guards against use after a trap or a free.
    || (e instanceof Error && /recursive use of an object|null pointer passed to rust|unreachable/i.test(e.message));
}

function call(fn) {
  if (poisoned) throw new PiiAirlockPoisonedError('pii-airlock stopped after an internal error; reload it', { cause: poisoned });
  try {
    return fn();
  } catch (e) {
    if (!isTrap(e)) throw e; // configuration errors and the like: the module is fine
    poisoned = e;
    throw new PiiAirlockPoisonedError('pii-airlock hit an internal error and stopped; nothing was scanned', { cause: e });
  }
}

function checkFindings(text, findings) {
  if (!Array.isArray(findings)) throw new PiiAirlockPoisonedError('pii-airlock returned no findings list');
  let prev = 0;
  for (const f of findings) {
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && prev <= f.start && f.start < f.end && f.end <= text.length)) {
      poisoned = new Error('malformed finding');
      throw new PiiAirlockPoisonedError('pii-airlock returned malformed findings and stopped', { cause: poisoned });
    }
    prev = f.end;
  }
  return findings;
}

/**
 * Wraps any wasm-bindgen object (the `Guard` core, a restorer) so that every method call and
 * property read goes through the poison check; objects returned by a call are wrapped too.
 * `createGuard` wraps its core with this, so a trap blocks every later request.
 */
export function guardObject(target) {
  // wasm-bindgen zeroes an object's pointer when it is freed, and its glue then throws 'null
  // pointer passed to rust', which `isTrap` must read as a trap (it is one when it comes from
  // inside the module). A call on an object freed from outside is told apart here, before it
  // reaches the glue, so that it fails alone instead of poisoning every other object.
  const gone = () => '__wbg_ptr' in target && target.__wbg_ptr === 0;
  return new Proxy(target, {
    get(obj, prop) {
      if (prop === 'free') return () => { if (!gone()) obj.free(); };
      if (typeof prop === 'symbol') {
        const v = obj[prop];
        return typeof v === 'function' ? v.bind(obj) : v;
      }
      // Only the object's own methods and getters reach the module (`then` read by an `await`
      // does not).
      if (gone() && prop in obj) throw new PiiAirlockFreedError('pii-airlock: this scanner or guard was freed (free() or dispose()); nothing was scanned');
      const value = call(() => obj[prop]);
      if (typeof value !== 'function') return value;
      return (...args) => {
        const result = call(() => value.apply(obj, args));
        return result !== null && typeof result === 'object' && typeof result.free === 'function'
          ? guardObject(result) : result;
      };
    },
  });
}

/** Wraps an `Airlock` so that a trap fails closed. The wrapper has the same methods; findings
 * are shape-checked before they are returned. */
export function guard(airlock) {
  const inner = guardObject(airlock);
  return new Proxy(inner, {
    get(obj, prop) {
      if (prop !== 'scan') return obj[prop];
      return (text) => checkFindings(text, obj.scan(text));
    },
  });
}
