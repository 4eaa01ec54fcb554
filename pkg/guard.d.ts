/** Thrown by every guarded call once the wasm module has trapped; nothing was scanned. */
export class PiiAirlockPoisonedError extends Error {
  name: 'PiiAirlockPoisonedError';
}
/**
 * Thrown by a call on a scanner, guard or `Airlock` after its `free()` (a guard's `dispose()`):
 * only that object fails; the module is not poisoned.
 */
export class PiiAirlockFreedError extends Error {
  name: 'PiiAirlockFreedError';
}
/** True once a guarded call has trapped: the page (or process) must reload the module. */
export function isPoisoned(): boolean;
/** Wraps any wasm-bindgen object so that a trap poisons the module and later calls throw. */
export function guardObject<T extends object>(target: T): T;
/** Wraps an `Airlock` so that a trap fails closed; same methods as the `Airlock`. */
export function guard<T extends object>(airlock: T): T;
/** Marks the module as trapped (called by the Rust panic hook); returns the error to fail with. */
export function poison(cause: unknown): PiiAirlockPoisonedError;
