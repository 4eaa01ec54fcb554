// The guard: one object that scans, asks, rewrites outgoing requests and restores answers.
// Environment-neutral: the browser entry passes the DOM parts (dialog, highlighting, worker),
// the Node entry passes none. All decisions (what a finding's action is under the policy, what
// a decision does to the text, what is blocked, which body fields hold user text) are made by
// the Rust core (`core`); this file brings the clock and the random bytes the core lacks.

import { guardObject } from '../guard.js';

/** A request was stopped before it left. `reason` says why; the request was not sent. */
export class PiiAirlockBlockedError extends Error {
  /**
   * @param {'cancelled'|'edit'|'payload'|'engine'|'body-type'|'sync-xhr'|'consent'|'policy-block'} reason
   * @param {string} message
   * @param {{cause?: unknown}} [options]
   */
  constructor(reason, message, options) {
    super(message, options);
    this.name = 'PiiAirlockBlockedError';
    this.reason = reason;
  }
}

/** Bad options. */
export class PiiAirlockConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PiiAirlockConfigError';
  }
}

const KNOWN_OPTIONS = ['policy', 'endpoints', 'locale', 'strings', 'consent', 'allowAsTyped',
  'openai', 'paths', 'worker', 'wasm', 'gazetteer', 'debounce', 'receipts', 'receiptKey'];
const CORE_OPTIONS = ['openai', 'paths'];

/** The built-in policies. */
export const PRESETS = ['gdpr', 'ccpa', 'hipaa', 'pci-dss', 'secrets-only', 'strict'];

/** `n` random bytes from the platform's CSPRNG (the core has no random source of its own). */
export function randomBytes(n) {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** The policy as the core reads it: a preset name, or the document as JSON text. */
export function policyText(policy) {
  if (policy === undefined) return 'gdpr';
  if (typeof policy === 'string') {
    if (!PRESETS.includes(policy)) {
      throw new PiiAirlockConfigError(`policy: unknown preset ${JSON.stringify(policy)} (expected one of ${PRESETS.join(', ')}, or a policy object)`);
    }
    return policy;
  }
  if (policy === null || typeof policy !== 'object' || Array.isArray(policy)) {
    throw new PiiAirlockConfigError('policy must be a preset name or a policy object');
  }
  try {
    return JSON.stringify(policy);
  } catch (e) {
    throw new PiiAirlockConfigError(`policy is not JSON-serialisable (${e?.message ?? e})`);
  }
}

/** A wasm error as the package's own class: the core names its errors, it cannot subclass. */
function fromCore(e) {
  if (e?.name === 'PiiAirlockConfigError' && !(e instanceof PiiAirlockConfigError)) return new PiiAirlockConfigError(e.message);
  if (e?.name === 'PiiAirlockPolicyBlock') {
    return new PiiAirlockBlockedError('policy-block', `pii-airlock: ${e.message}`, { cause: e });
  }
  return e;
}

/** OpenAI-style endpoints, guarded when `endpoints` is not given. */
export const DEFAULT_ENDPOINTS = [/\/(chat\/completions|completions|responses)\/?$/];

const PLAIN_FIELD = 'text';

/**
 * True when `url` is one of `endpoints`: a string is a URL prefix (relative ones resolve
 * against the page), a RegExp is tested on the path and on the whole URL, a function decides.
 */
export function matchEndpoints(endpoints, url) {
  const u = url instanceof URL ? url : new URL(String(url), globalThis.location?.href);
  return endpoints.some((e) => {
    if (typeof e === 'function') return Boolean(e(u));
    if (e instanceof RegExp) return e.test(u.pathname) || e.test(u.href);
    return u.href.startsWith(new URL(String(e), globalThis.location?.href).href);
  });
}

function pick(o, keys) {
  const out = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** Reads a fetch/XHR body as text; kinds that cannot be scanned as text are refused. */
export async function bodyText(body) {
  if (body == null) return null;
  if (typeof body === 'string') return body;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.text();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  }
  throw new PiiAirlockBlockedError('body-type',
    'pii-airlock: this request body type cannot be checked (send a JSON string)');
}

function asBlocked(err, reason, message) {
  if (err instanceof PiiAirlockBlockedError) return err;
  return new PiiAirlockBlockedError(reason, `pii-airlock: ${message}; the request was not sent`, { cause: err });
}

function withoutLength(headers) {
  if (!headers) return headers;
  const h = new Headers(headers);
  h.delete('content-length');
  return h;
}

/** The guard object returned by `createGuard`. */
export class Guard extends EventTarget {
  /**
   * @param {object} core the wasm `Guard`
   * @param {object} options validated options
   * @param {object | null} env DOM parts: { showConsentDialog, attach, createWorker, strings }
   */
  constructor(core, options, env) {
    super();
    this.core = core;
    this.options = options;
    this.env = env;
    this.strings = env?.strings(options.locale, options.strings) ?? null;
    this.endpoints = options.endpoints ?? DEFAULT_ENDPOINTS;
    /** The policy's id, as recorded in receipts. */
    this.policyId = core.policyId;
    /** False when the name list could not be loaded: PERSON/LOCATION are not found then. */
    this.namesAvailable = core.namesAvailable;
    // "Send as typed" needs both the application's and the policy's permission.
    this.allowAsTyped = (options.allowAsTyped ?? true) && core.allowSendAsTyped;
    this.consentMode = options.consent ?? (env?.showConsentDialog ? 'dialog' : 'redact');
    /** Per-value choices made on a highlight ("redact" / "allow-once"), used by the next consent. */
    this.choices = new Map();
    this._allowed = [];
    this.lastReceipt = null;
    this.lastReceipts = [];
    this._attached = new Set();
    this._uninstall = null;
    this._queue = Promise.resolve();
    this._worker = undefined;
    this._workerSeq = 0;
    this._pending = new Map();
    const w = options.worker;
    this.workerThreshold = w === false ? Infinity : (typeof w === 'object' && w?.threshold) || 50_000;
    this.disposed = false;
  }

  /** Findings in `text`, each with the policy's `action` and whether it `needsDecision`. */
  scan(text) { return this.core.scan(String(text)); }

  /**
   * Like scan, but texts longer than the worker threshold (default 50 000 UTF-16 units) are
   * scanned in a module Web Worker so typing never stalls. Falls back to scanning inline.
   */
  async scanAsync(text) {
    text = String(text);
    if (text.length < this.workerThreshold || !this.env?.createWorker) return this.scan(text);
    try {
      return await this._workerScan(text);
    } catch {
      return this.scan(text);
    }
  }

  /**
   * Applies the policy with nobody to ask: findings the policy asks about become placeholders.
   * Records a receipt. Throws PiiAirlockBlockedError ("policy-block") when the policy blocks.
   */
  redact(text) {
    try {
      return this.core.redact(String(text), Date.now(), randomBytes(16));
    } catch (e) {
      throw fromCore(e);
    }
  }

  /** Same as redact: placeholders and surrogates are restorable with `restore`. */
  pseudonymize(text) { return this.redact(text); }

  /** Puts original values back in place of this guard's placeholders and surrogates. */
  restore(text) { return this.core.restore(String(text)); }

  /** Restores every string of a JSON text; undefined when the text is not JSON. */
  restoreJson(text) { return this.core.restoreJson(String(text)); }

  /** Records a per-finding choice from a highlight: "redact", "allow-once" or "always-allow". */
  choose(finding, value, decision) {
    const key = `${finding.entity}\u0000${value}`;
    if (decision === 'always-allow') {
      if (!this.core.alwaysAllow(finding.entity, value)) {
        throw new PiiAirlockConfigError(`the policy does not let ${finding.entity} values be sent as typed`);
      }
      this._allowed.push({ entity: finding.entity, value });
      this._toWorker({ type: 'allow', entity: finding.entity, value });
      this.choices.delete(key);
    } else if (decision === 'allow-once' && !this.allowAsTyped) {
      throw new PiiAirlockConfigError('the policy does not let values be sent as typed');
    } else if (decision === 'redact' || decision === 'allow-once') {
      this.choices.set(key, decision);
    } else {
      throw new PiiAirlockConfigError(`unknown decision ${JSON.stringify(decision)}`);
    }
    this.dispatchEvent(new Event('change'));
  }

  /** The highlight choice for a finding, if any. */
  choiceFor(finding, value) {
    return this.choices.get(`${finding.entity}\u0000${value}`) ?? null;
  }

  /** Forgets always-allow answers and highlight choices. */
  resetChoices() {
    this.core.resetAllowed();
    this._allowed = [];
    this.choices.clear();
    this._toWorker({ type: 'reset' });
    this.dispatchEvent(new Event('change'));
  }

  /** Forgets one value's placeholders (right to erasure). */
  forget(value) { return this.core.forget(String(value)); }

  /** Starts live highlighting on a textarea, input or contenteditable element. */
  attach(element, options) {
    if (!this.env?.attach) throw new PiiAirlockConfigError('attach() needs a browser');
    const ctl = this.env.attach(this, element, { debounce: this.options.debounce, ...options });
    this._attached.add(ctl);
    const detach = ctl.detach;
    ctl.detach = () => { this._attached.delete(ctl); detach(); };
    return ctl;
  }

  /**
   * Asks the user about the personal data in `text` (when there is any to ask about).
   * @returns {Promise<{decision: 'redacted'|'as-typed'|'cancelled'|'edit', text: string, findings: object[], receipt?: object, asked: boolean}>}
   */
  async requestConsent(text, { returnFocus = globalThis.document?.activeElement ?? null } = {}) {
    text = String(text);
    const fields = [{ path: PLAIN_FIELD, text, findings: this.scan(text) }];
    blockedByPolicy(fields);
    const { decision, choices, asked } = await this._decide(fields, {
      returnFocus, preview: (c) => [this.core.previewText(text, 'redacted', c[0], Date.now())],
    });
    const findings = fields[0].findings;
    if (decision === 'cancelled' || decision === 'edit') return { decision, text, findings, asked };
    let committed;
    try {
      committed = this.core.commitText(text, decision, choices[0], Date.now(), randomBytes(16), PLAIN_FIELD);
    } catch (e) {
      throw fromCore(e);
    }
    this._settled(committed.receipts, decision);
    return { decision, text: committed.text, findings, receipt: committed.receipts[0], asked };
  }

  /**
   * Checks an outgoing request body (JSON text) and returns the body to send. Throws
   * PiiAirlockBlockedError when it must not be sent.
   */
  async guardBody(body, { returnFocus, purpose = 'request' } = {}) {
    let fields;
    try {
      fields = this.core.prepareBody(body);
    } catch (e) {
      throw asBlocked(e, e?.name === 'PiiAirlockPayloadError' ? 'payload' : 'engine',
        `the request body could not be checked (${e?.message ?? e})`);
    }
    // Fail closed before anyone is asked: no answer could make a blocked finding sendable.
    blockedByPolicy(fields);
    let outcome;
    try {
      outcome = await this._decide(fields, {
        returnFocus, preview: (c) => this.core.previewBody(body, 'redacted', c, Date.now()),
      });
    } catch (e) {
      throw asBlocked(e, 'consent', 'asking for consent failed');
    }
    const { decision, choices } = outcome;
    if (decision === 'cancelled' || decision === 'edit') {
      throw new PiiAirlockBlockedError(decision, decision === 'edit'
        ? 'pii-airlock: the user chose to edit the message; the request was not sent'
        : 'pii-airlock: the user cancelled; the request was not sent');
    }
    let committed;
    try {
      committed = this.core.commitBody(body, decision, choices, Date.now(), randomBytes(16 * fields.length), String(purpose));
    } catch (e) {
      throw asBlocked(fromCore(e), 'engine', 'the request body could not be rewritten');
    }
    this._settled(committed.receipts, decision);
    return committed.body;
  }

  /**
   * Stored consent receipts (only with the `receipts` option), oldest first, expired ones
   * dropped. They are the core's receipts as issued: types, actions and hashes, no values.
   */
  receipts() {
    const r = this.options.receipts;
    if (!r) return [];
    const storage = r.storage ?? globalThis.localStorage;
    const key = r.storageKey ?? 'pii-airlock:receipts';
    let list;
    try { list = JSON.parse(storage.getItem(key) ?? '[]'); } catch { list = []; }
    const cutoff = Date.now() - r.retentionDays * 86_400_000;
    const kept = Array.isArray(list) ? list.filter((x) => x && x.timeMs >= cutoff) : [];
    if (kept.length !== list.length) storage.setItem(key, JSON.stringify(kept));
    return kept;
  }

  _store(receipts) {
    const r = this.options.receipts;
    if (!r || !(r.retentionDays > 0) || receipts.length === 0) return;
    const storage = r.storage ?? globalThis.localStorage;
    const key = r.storageKey ?? 'pii-airlock:receipts';
    storage.setItem(key, JSON.stringify([...this.receipts(), ...receipts]));
  }

  _settled(receipts, decision) {
    this.lastReceipts = receipts;
    if (receipts.length > 0) this.lastReceipt = receipts[receipts.length - 1];
    try { this._store(receipts); } catch { /* storage full or denied: the receipts stay in memory */ }
    // "Allow once" means this message only.
    for (const [k, v] of this.choices) if (v === 'allow-once') this.choices.delete(k);
    this.dispatchEvent(new CustomEvent('consent', { detail: { decision, receipt: this.lastReceipt, receipts } }));
  }

  /** One consent at a time: two requests never open two dialogs. */
  _decide(fields, ctx) {
    const run = this._queue.then(() => this._decideNow(fields, ctx));
    this._queue = run.catch(() => {});
    return run;
  }

  async _decideNow(fields, { returnFocus, preview }) {
    const choices = fields.map((f) => f.findings.map((x) => this.choiceFor(x, f.text.slice(x.start, x.end))));
    const items = [];
    fields.forEach((f, i) => f.findings.forEach((x, k) => {
      // Only what the policy leaves to the user is asked about; the rest it settles itself.
      if (!x.needsDecision) return;
      const value = f.text.slice(x.start, x.end);
      const c = choices[i][k];
      items.push({ entity: x.entity, value, finding: x, field: f.path,
        effect: c === 'allow-once' ? 'send' : 'replace', note: c === 'allow-once' ? this.strings?.allowedOnce : undefined });
    }));
    if (items.length === 0) return { decision: 'redacted', choices, asked: false };
    let decision;
    const mode = this.consentMode;
    if (typeof mode === 'function') {
      decision = await mode({ items: items.map(({ entity, value, field, effect }) => ({ entity, value, field, effect })), allowAsTyped: this.allowAsTyped });
    } else if (mode === 'redact') {
      decision = 'redacted';
    } else if (mode === 'block') {
      decision = 'cancelled';
    } else if (mode === 'dialog' && this.env?.showConsentDialog) {
      const previews = preview(choices).filter((t, i) => fields[i].findings.length > 0);
      decision = await this.env.showConsentDialog({
        items, previews, strings: this.strings, allowAsTyped: this.allowAsTyped,
        returnFocus: returnFocus ?? null,
      });
      if (decision === 'edit') this._editFocus(returnFocus, items);
    } else {
      throw new PiiAirlockConfigError(`consent mode ${JSON.stringify(mode)} is not available here`);
    }
    if (!['redacted', 'as-typed', 'cancelled', 'edit'].includes(decision)) decision = 'cancelled';
    if (decision === 'as-typed' && !this.allowAsTyped) decision = 'cancelled';
    return { decision, choices, asked: true };
  }

  _editFocus(el, items) {
    // "Edit" is the user's own request to change the text: select the first finding.
    if (!el || typeof el.setSelectionRange !== 'function' || typeof el.value !== 'string') return;
    const at = el.value.indexOf(items[0].value);
    if (at >= 0) el.setSelectionRange(at, at + items[0].value.length);
  }

  /** True when requests to `url` are guarded. */
  matches(url) { return matchEndpoints(this.endpoints, url); }

  /**
   * A fetch that checks requests to the guarded endpoints and restores their responses.
   * @param {typeof fetch} [fetchImpl]
   * @returns {typeof fetch}
   */
  guardFetch(fetchImpl = globalThis.fetch) {
    const guard = this;
    const base = fetchImpl.bind(globalThis);
    return async function guardedFetch(input, init) {
      const isRequest = typeof Request !== 'undefined' && input instanceof Request;
      const url = new URL(isRequest ? input.url : String(input), globalThis.location?.href);
      if (!guard.matches(url)) return base(input, init);
      if (guard.disposed) throw new PiiAirlockBlockedError('engine', 'pii-airlock: the guard was disposed; the request was not sent');
      let text;
      try {
        if (init && init.body != null) text = await bodyText(init.body);
        else if (isRequest && input.body) text = await input.clone().text();
        else text = null;
      } catch (e) {
        const err = asBlocked(e, 'body-type', 'the request body could not be read');
        guard.dispatchEvent(new CustomEvent('blocked', { detail: err }));
        throw err;
      }
      let req = input;
      let nextInit = init;
      if (text != null) {
        let out;
        try {
          out = await guard.guardBody(text, { returnFocus: globalThis.document?.activeElement ?? null, purpose: url.pathname });
        } catch (e) {
          guard.dispatchEvent(new CustomEvent('blocked', { detail: e }));
          throw e;
        }
        nextInit = { ...init, body: out, headers: withoutLength(init?.headers ?? (isRequest ? input.headers : undefined)) };
        if (isRequest) req = new Request(input, nextInit);
      }
      const res = await base(req, isRequest ? undefined : nextInit);
      return guard.restoreResponse(res);
    };
  }

  /** Restores placeholders in a response: JSON, text, and event streams chunk by chunk. */
  async restoreResponse(res) {
    const type = res.headers.get('content-type') ?? '';
    if (!res.body) return res;
    if (/text\/event-stream/i.test(type)) {
      const sse = this.core.sseRestorer();
      const decoder = new TextDecoder();
      const encoder = new TextEncoder();
      const body = res.body.pipeThrough(new TransformStream({
        transform(chunk, ctl) {
          const out = sse.push(decoder.decode(chunk, { stream: true }));
          if (out) ctl.enqueue(encoder.encode(out));
        },
        flush(ctl) {
          const out = sse.push(decoder.decode()) + sse.finish();
          if (out) ctl.enqueue(encoder.encode(out));
          sse.free();
        },
      }));
      return rewrap(res, body);
    }
    if (/json/i.test(type)) {
      const text = await res.text();
      return rewrap(res, this.core.restoreJson(text) ?? this.core.restore(text));
    }
    if (/^text\//i.test(type)) return rewrap(res, this.core.restore(await res.text()));
    return res;
  }

  /** Replaces the global fetch (and XMLHttpRequest in browsers). Returns an undo function. */
  install() {
    if (this._uninstall) return this._uninstall;
    const undo = installInto(globalThis, this);
    this._uninstall = () => { undo(); this._uninstall = null; };
    return this._uninstall;
  }

  /** Removes the global hooks, stops highlighting and the worker, frees the engine. */
  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this._uninstall?.();
    for (const c of [...this._attached]) c.detach();
    this._worker?.terminate?.();
    this._worker = null;
    for (const p of this._pending.values()) p.reject(new Error('disposed'));
    this._pending.clear();
    this.core.free?.();
  }

  _toWorker(msg) { if (this._worker) this._worker.postMessage(msg); }

  _workerScan(text) {
    if (this._worker === undefined) {
      this._worker = this.env.createWorker();
      this._worker.addEventListener('message', (e) => {
        const p = this._pending.get(e.data?.id);
        if (!p) return;
        this._pending.delete(e.data.id);
        if (e.data.error) p.reject(new Error(e.data.error)); else p.resolve(e.data.findings);
      });
      this._worker.addEventListener('error', () => {
        for (const p of this._pending.values()) p.reject(new Error('worker failed'));
        this._pending.clear();
        this._worker = null;
      });
      this._worker.postMessage({
        type: 'init', policy: this._policy, gazetteer: this._gazetteer, options: pick(this.options, CORE_OPTIONS), allowed: this._allowed,
      });
    }
    if (!this._worker) return Promise.reject(new Error('no worker'));
    const id = ++this._workerSeq;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._worker.postMessage({ type: 'scan', id, text });
    });
  }
}

function rewrap(res, body) {
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  const out = new Response(body, { status: res.status, statusText: res.statusText, headers });
  Object.defineProperty(out, 'url', { value: res.url });
  Object.defineProperty(out, 'redirected', { value: res.redirected });
  return out;
}

/** Patches `scope.fetch` and `scope.XMLHttpRequest`; returns the undo function. */
export function installInto(scope, guard) {
  const undo = [];
  if (typeof scope.fetch === 'function') {
    const original = scope.fetch;
    scope.fetch = guard.guardFetch(original);
    undo.push(() => { scope.fetch = original; });
  }
  const XHR = scope.XMLHttpRequest;
  if (typeof XHR === 'function') {
    const proto = XHR.prototype;
    const { open, send } = proto;
    const textDesc = Object.getOwnPropertyDescriptor(proto, 'responseText');
    const respDesc = Object.getOwnPropertyDescriptor(proto, 'response');
    const state = new WeakMap();
    proto.open = function (method, url, async = true, ...rest) {
      const target = new URL(String(url), scope.location?.href);
      const guarded = guard.matches(target);
      if (guarded && async === false) {
        throw new PiiAirlockBlockedError('sync-xhr', 'pii-airlock: synchronous requests to a guarded endpoint are not allowed');
      }
      state.set(this, { guarded, purpose: target.pathname });
      return open.call(this, method, url, async, ...rest);
    };
    proto.send = function (body) {
      if (!state.get(this)?.guarded) return send.call(this, body);
      const xhr = this;
      (async () => {
        const text = await bodyText(body ?? null).catch((e) => { throw asBlocked(e, 'body-type', 'the request body could not be read'); });
        const out = text == null ? null : await guard.guardBody(text, {
          returnFocus: scope.document?.activeElement ?? null, purpose: state.get(xhr).purpose,
        });
        restoringGetters(xhr, guard, textDesc, respDesc);
        send.call(xhr, out);
      })().catch((err) => {
        xhr.piiAirlockError = asBlocked(err, 'engine', 'the request could not be checked');
        guard.dispatchEvent(new CustomEvent('blocked', { detail: xhr.piiAirlockError }));
        xhr.dispatchEvent(new ProgressEvent('error'));
        xhr.dispatchEvent(new ProgressEvent('loadend'));
      });
    };
    undo.push(() => { proto.open = open; proto.send = send; });
  }
  return () => undo.reverse().forEach((f) => f());
}

function restoringGetters(xhr, guard, textDesc, respDesc) {
  let cacheIn;
  let cacheOut;
  const restoreText = (raw) => {
    if (raw !== cacheIn) {
      cacheIn = raw;
      cacheOut = guard.core.restoreJson(raw) ?? guard.core.restore(raw);
    }
    return cacheOut;
  };
  Object.defineProperty(xhr, 'responseText', {
    configurable: true,
    get() {
      const raw = textDesc.get.call(xhr);
      return xhr.readyState === 4 ? restoreText(raw) : raw;
    },
  });
  Object.defineProperty(xhr, 'response', {
    configurable: true,
    get() {
      const raw = respDesc.get.call(xhr);
      if (xhr.readyState !== 4 || raw == null) return raw;
      if (typeof raw === 'string') return restoreText(raw);
      if (xhr.responseType === 'json') return JSON.parse(guard.core.restoreJson(JSON.stringify(raw)));
      return raw;
    },
  });
}

/**
 * Validates options and builds a guard on an initialised wasm module.
 * @param {{ Guard: any, init: (wasm?: any) => Promise<void> }} wasm
 * @param {object} options
 * @param {object | null} env
 */
export async function makeGuard(wasm, options = {}, env = null) {
  if (options === null || typeof options !== 'object') throw new PiiAirlockConfigError('options must be an object');
  for (const k of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(k)) {
      const hint = ['countries', 'minScore', 'disabledRules'].includes(k) ? `; \`${k}\` is a policy field: { policy: { version: 1, extends: 'gdpr', ${k}: ... } }` : '';
      throw new PiiAirlockConfigError(`unknown option \`${k}\` (known: ${KNOWN_OPTIONS.join(', ')})${hint}`);
    }
  }
  const policy = policyText(options.policy);
  if (options.consent !== undefined && typeof options.consent !== 'function'
    && !['dialog', 'redact', 'block'].includes(options.consent)) {
    throw new PiiAirlockConfigError('consent must be "dialog", "redact", "block" or a function');
  }
  if (options.receipts !== undefined && !(options.receipts && options.receipts.retentionDays > 0)) {
    throw new PiiAirlockConfigError('receipts needs { retentionDays: number > 0 }');
  }
  const receiptKey = options.receiptKey === undefined ? randomBytes(32) : keyBytes(options.receiptKey);
  // The engine and the name list load in parallel; a list that fails to load leaves the guard
  // working for every pattern rule, with `namesAvailable` false (never a silent pass-through).
  const [, gazetteer] = await Promise.all([wasm.init(options.wasm), wasm.gazetteer(options.gazetteer)]);
  let core;
  try {
    core = new wasm.Guard(policy, pick(options, CORE_OPTIONS), randomBytes(32), receiptKey, gazetteer ?? undefined);
  } catch (e) {
    throw fromCore(e);
  }
  // Every call into the module goes through the poison check: after a trap its memory cannot
  // be trusted, so this and every other guard refuse instead of answering.
  const guard = new Guard(guardObject(core), { ...options }, env);
  guard._policy = policy;
  guard._gazetteer = gazetteer ?? null;
  return guard;
}

function keyBytes(k) {
  if (typeof k === 'string') return new TextEncoder().encode(k);
  if (k instanceof ArrayBuffer) return new Uint8Array(k);
  if (ArrayBuffer.isView(k)) return new Uint8Array(k.buffer, k.byteOffset, k.byteLength);
  throw new PiiAirlockConfigError('receiptKey must be a string, an ArrayBuffer or a typed array');
}

/** Throws PiiAirlockBlockedError("policy-block") when the policy blocks any finding. */
function blockedByPolicy(fields) {
  for (const f of fields) {
    const x = f.findings.find((y) => y.action === 'block');
    if (x) {
      throw new PiiAirlockBlockedError('policy-block',
        `pii-airlock: the policy blocks ${x.entity} in ${f.path}; the request was not sent`);
    }
  }
}

/**
 * Hooks fetch and XMLHttpRequest at once, before the engine has loaded: guarded requests wait
 * for it, and are blocked if it fails to start. `guard` resolves to the Guard.
 */
export function installPending(scope, ready, options) {
  const endpoints = options.endpoints ?? DEFAULT_ENDPOINTS;
  let guard = null;
  const engine = async () => {
    try {
      guard = await ready;
      return guard;
    } catch (e) {
      throw new PiiAirlockBlockedError('engine', 'pii-airlock: the privacy engine could not start; the request was not sent', { cause: e });
    }
  };
  const facade = {
    matches: (u) => matchEndpoints(endpoints, u),
    guardFetch(original) {
      return async (input, init) => {
        const isRequest = typeof Request !== 'undefined' && input instanceof Request;
        if (!matchEndpoints(endpoints, isRequest ? input.url : String(input))) return original(input, init);
        return (await engine()).guardFetch(original)(input, init);
      };
    },
    async guardBody(text, o) { return (await engine()).guardBody(text, o); },
    get core() { return guard.core; },
    dispatchEvent(ev) { guard?.dispatchEvent(ev); return true; },
  };
  return installInto(scope, facade);
}
