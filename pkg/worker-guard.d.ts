// Types of `pii-airlock/worker-guard` (pkg/src/worker-guard.js): the guard for an
// application's own Web Worker, and the page side that answers its consent questions.
import type { Guard, GuardOptions } from './index.js';

/**
 * Guards the calling worker's own fetch, XMLHttpRequest, WebSocket and EventSource requests to
 * the guarded endpoints, with the same policy semantics as the page's `install()`; answers are
 * restored in the worker. Call it first thing in the worker's module. A finding the policy
 * leaves to the user is asked through the page that serves the worker (`serveWorker`); with
 * none, it becomes a placeholder (fail closed). A `block` finding rejects the request with
 * `PiiAirlockBlockedError` (reason `policy-block`). Throws a TypeError outside a worker.
 */
export function installWorkerGuard(options?: GuardOptions): {
  guard: Promise<Guard>;
  /** Takes the hooks off and frees the worker's engine. */
  uninstall(): void;
};

/**
 * On the page: answers the consent questions of a dedicated `worker` (which runs
 * `installWorkerGuard`) with `guard`'s consent dialog, one worker question at a time. "Send as
 * typed" is offered only when the worker's and the page's guard both permit it. The worker
 * guard's `pii-airlock-bypass` events fire on `guard` too, with `detail.worker` true. Returns
 * the function that stops serving (the worker's open questions are cancelled, later ones become
 * placeholders). Serve only a worker that runs `installWorkerGuard`: the one message that sets
 * up the channel would otherwise reach the worker's own code.
 */
export function serveWorker(guard: Guard, worker: Worker): () => void;
