// `pii-airlock/worker-guard`: the guard for an application's own Web Worker (a chat client that
// streams from the LLM off the main thread). A worker is a realm of its own: its `fetch`,
// `XMLHttpRequest` and `WebSocket` are not the page's, so the page's hooks never see them.
//
// In the worker, first thing:   import { installWorkerGuard } from 'pii-airlock/worker-guard';
//                               installWorkerGuard({ policy: 'gdpr', endpoints: [...] });
// On the page (optional):      import { serveWorker } from 'pii-airlock/worker-guard';
//                               serveWorker(await guard, worker);
//
// installWorkerGuard loads the engine in the worker and puts the same hooks as the page's
// `install()` on the worker's own fetch, XMLHttpRequest, sendBeacon, WebSocket and EventSource:
// same policy semantics, answers restored in the worker. A worker cannot show a dialog, so a
// finding the policy leaves to the user is asked through the page when the page serves the
// worker (`serveWorker`: the page guard's consent dialog), and otherwise fails closed: it becomes
// a placeholder, as with `consent: 'redact'`. A `block` finding refuses the request in the worker.
//
// The page and the worker talk over a MessageChannel of their own, set up by one message that
// this module takes off the worker's message queue before the application's listeners see it;
// the application's own messages are left alone.

import { makeGuard, installPending } from './guard.js';
import { Net, strings, showConsentDialog } from '../dist/web/pii_airlock.js';
import { init, loadGazetteer } from '../index.js';

/** The key of this module's messages (page ↔ worker). */
const MARK = 'pii-airlock-worker';

const inWorker = typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope;

// ── the worker's side ────────────────────────────────────────────────────────────────────

/** The port to the page that serves this worker, once it has connected. */
let page = null;
/** Questions asked of the page and not answered yet: id → resolve. */
const waiting = new Map();
let asked = 0;

/** Every question still open is answered "cancelled" (nothing is sent): the page went away. */
function dropPage() {
  page = null;
  for (const resolve of waiting.values()) resolve('cancelled');
  waiting.clear();
}

if (inWorker) {
  // Registered when the module is evaluated, before the application's own module body runs:
  // the page's connect message is taken here and never reaches the application's handlers.
  globalThis.addEventListener('message', (e) => {
    if (e.data?.[MARK] !== 'connect' || !e.ports?.[0]) return;
    e.stopImmediatePropagation();
    dropPage();
    page = e.ports[0];
    page.onmessage = (m) => {
      const { id, answer, closed } = m.data ?? {};
      if (closed) { dropPage(); return; }
      const resolve = waiting.get(id);
      if (!resolve) return;
      waiting.delete(id);
      // The guard reads the answer as an id; anything else is a cancel there (fail closed).
      resolve(typeof answer === 'string' ? answer : 'cancelled');
    };
  });
}

/**
 * The worker guard's `showConsentDialog`: the question goes to the page that serves this
 * worker; with no page, the findings become placeholders (fail closed: never sent as typed).
 * Strings and focus are the page's own (functions do not cross `postMessage`).
 */
function askPage(request) {
  if (!page) return 'redacted';
  const id = ++asked;
  const question = { items: request.items, previews: request.previews, allowAsTyped: request.allowAsTyped };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    try {
      page.postMessage({ id, request: question });
    } catch {
      waiting.delete(id);
      resolve('cancelled');
    }
  });
}

/**
 * Guards this worker's own requests to the guarded endpoints. Call it at the top of the
 * worker's module, before anything can send: the hooks are in place when it returns, and
 * guarded requests made before the engine has loaded wait for it (or are blocked if it cannot
 * load). Takes `createGuard`'s options; `consent` defaults to asking the page that serves the
 * worker (`serveWorker`) and, without one, to placeholders. See index.d.ts.
 * @returns {{ guard: Promise<import('./guard.js').Guard>, uninstall: () => void }}
 */
export function installWorkerGuard(options = {}) {
  if (!inWorker) throw new TypeError('pii-airlock: installWorkerGuard() runs in a Web Worker; on the page use install()');
  const env = { strings, showConsentDialog: askPage };
  const guard = makeGuard({ Net, init, gazetteer: loadGazetteer }, options, env);
  guard.catch(() => {});
  const undo = installPending(globalThis, guard, options);
  // A request around the guard (a client that kept `fetch` from before this call) is reported
  // in the worker and, through the page that serves it, on the page's guard too.
  guard.then((g) => g.addEventListener('pii-airlock-bypass', (e) => {
    const { url, initiatorType } = e.detail ?? {};
    page?.postMessage({ bypass: { url, initiatorType } });
  }), () => {});
  return {
    guard,
    uninstall() {
      undo();
      guard.then((g) => g.dispose(), () => {});
    },
  };
}

// ── the page's side ──────────────────────────────────────────────────────────────────────

/** Workers' questions, one dialog at a time (the page's own requests queue in the guard). */
let turn = Promise.resolve();

/**
 * Answers the consent questions of `worker` (a dedicated Worker running `installWorkerGuard`)
 * with `guard`'s consent dialog, on this page, and fires the worker guard's
 * `pii-airlock-bypass` events on `guard` too (`detail.worker` true). Returns the function that
 * stops serving: the worker's open questions are then cancelled and later ones become
 * placeholders.
 * @param {import('./guard.js').Guard} guard the page's guard (its strings and "send as typed")
 * @param {Worker} worker
 */
export function serveWorker(guard, worker) {
  if (!guard || typeof guard.strings !== 'object') throw new TypeError('pii-airlock: serveWorker needs the page\'s guard');
  if (typeof worker?.postMessage !== 'function') throw new TypeError('pii-airlock: serveWorker needs a Worker');
  const channel = new MessageChannel();
  const port = channel.port1;
  let open = true;
  port.onmessage = (m) => {
    const { id, request, bypass } = m.data ?? {};
    if (bypass && open) {
      // Origin and path only, as the worker's guard reported it.
      const detail = { url: String(bypass.url), initiatorType: String(bypass.initiatorType), worker: true };
      guard.dispatchEvent(new CustomEvent('pii-airlock-bypass', { detail }));
      return;
    }
    if (typeof id !== 'number' || !request) return;
    // A question that crossed the stop: nobody is asked, the findings become placeholders.
    if (!open) { port.postMessage({ id, answer: 'redacted' }); return; }
    const ask = () => {
      if (!open || guard.disposed) return 'cancelled';
      return showConsentDialog({
        items: request.items,
        previews: request.previews,
        strings: guard.strings,
        // Both the worker's policy and the page's guard must permit it.
        allowAsTyped: Boolean(request.allowAsTyped && guard.allowAsTyped),
        returnFocus: globalThis.document?.activeElement ?? null,
      });
    };
    const answered = turn.then(ask).then((a) => a, () => 'cancelled');
    turn = answered.then(() => {});
    answered.then((answer) => port.postMessage({ id, answer }));
  };
  worker.postMessage({ [MARK]: 'connect' }, [channel.port2]);
  return () => {
    if (!open) return;
    open = false;
    port.postMessage({ closed: true });
  };
}
