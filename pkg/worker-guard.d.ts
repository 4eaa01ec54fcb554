// Types of `pii-airlock/worker-guard` (pkg/src/worker-guard.js): the guard for an
// application's own Web Worker. The page's side is `Guard.serveWorker` (index.d.ts).
import type { Guard, GuardOptions } from './index.js';

/**
 * Guards the calling worker's own fetch, XMLHttpRequest, WebSocket and EventSource requests to
 * the guarded endpoints, with the same policy semantics as the page's `install()`; answers are
 * restored in the worker. Call it first thing in the worker's module. A finding the policy
 * leaves to the user is asked through the page that serves the worker (`guard.serveWorker`); with
 * none, it becomes a placeholder (fail closed). A `block` finding rejects the request with
 * `PiiAirlockBlockedError` (reason `policy-block`). Throws a TypeError outside a worker.
 */
export function installWorkerGuard(options?: GuardOptions): {
  guard: Promise<Guard>;
  /** Takes the hooks off and frees the worker's engine. */
  uninstall(): void;
};
