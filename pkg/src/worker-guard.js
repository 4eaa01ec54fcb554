// `pii-airlock/worker-guard`: the guard for an application's own Web Worker (a chat client that
// streams from the LLM off the main thread). A worker is a realm of its own: its `fetch`,
// `XMLHttpRequest` and `WebSocket` are not the page's, so the page's hooks never see them.
//
// In the worker, first thing:   import { installWorkerGuard } from 'pii-airlock/worker-guard';
//                               installWorkerGuard({ policy: 'gdpr', endpoints: [...] });
// On the page (optional):      (await install().guard).serveWorker(worker);
//
// installWorkerGuard loads the engine in the worker and puts the same hooks as the page's
// `install()` on the worker's own fetch, XMLHttpRequest, sendBeacon, WebSocket and EventSource:
// same policy semantics, answers restored in the worker. A worker cannot show a dialog, so a
// finding the policy leaves to the user is asked through the page when the page serves the
// worker (`guard.serveWorker(worker)`, src/net/serve_worker.rs: the page guard answers as it
// answers its own requests), and otherwise fails closed: it becomes a placeholder, as with
// `consent: 'redact'`. A `block` finding refuses the request in the worker.
//
// The page and the worker talk over a MessageChannel of their own, set up by one message that
// this module takes off the worker's message queue before the application's listeners see it;
// the application's own messages are left alone. The protocol is described in
// src/net/serve_worker.rs.

import { makeGuard, installPending } from './guard.js';
import { Net, strings } from '../dist/web/pii_airlock.js';
import { init, loadGazetteer } from '../index.js';

/** The key of the page's one message on the worker's own channel (src/net/serve_worker.rs). */
const MARK = 'pii-airlock-worker';

const inWorker = typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope;

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
 * worker (`guard.serveWorker(worker)`) and, without one, to placeholders. See worker-guard.d.ts.
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
