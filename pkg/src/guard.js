// The guard's thin JavaScript entry. Everything that checks, intercepts and orchestrates runs
// in Rust (src/net/): options, the consent flow, the fetch / XMLHttpRequest / sendBeacon /
// WebSocket hooks, restoring answers, stored receipts, the scanning worker. What stays here is
// what has to be JavaScript: classes (the errors, an EventTarget), a shim that hands `this` to
// Rust hooks, and the hooks that must exist before the engine has loaded (installPending).

import { guardObject, poison } from '../guard.js';

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

/**
 * Bad options, or a policy that does not load: then `kind` (a stable id such as
 * 'unknown-entity') and `path` (the field, e.g. 'actions.EMAIL_ADRESS') are set too.
 */
export class PiiAirlockConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PiiAirlockConfigError';
  }
}

/** The built-in policies. */
export const PRESETS = ['gdpr', 'ccpa', 'hipaa', 'pci-dss', 'secrets-only', 'strict'];

/**
 * The requests of the major LLM APIs that carry the user's text, guarded when `endpoints` is
 * not given. The one list: the Rust layer reads it from here. A path an app's own routes also
 * use (`/v1/moderations` of a forum, `/v1/threads`, `/v1/conversations`, `/v1/chat`,
 * `/api/embed`, a `/v1/realtime` socket) is matched on the provider's host only; an app that
 * proxies those names its proxy in `endpoints`.
 */
export const DEFAULT_ENDPOINTS = [
  // OpenAI-style Chat Completions, legacy completions and Responses.
  /\/(chat\/completions|completions|responses)\/?$/i,
  // Anthropic Messages, its token count, message batches and a batch's results (read back).
  /\/v1\/messages(\/count_tokens|\/batches(\/[^/?#]+\/results)?)?\/?$/i,
  // Gemini: generation, embeddings, token counts.
  /:((stream)?generatecontent|embedcontent|batchembedcontents|counttokens)\/?$/i,
  // Ollama chat, generate and the older embeddings path.
  /\/api\/(chat|generate|embeddings)\/?$/i,
  // Cohere v2 chat; rerank (Cohere, and the APIs that copy it).
  /\/v2\/chat\/?$/i,
  /\/v[12]\/rerank\/?$/i,
  // OpenAI-style embeddings, text-to-speech and image prompts behind a version (`/v1`,
  // `/v1beta/openai`) or an Azure deployment. `/images/edits` is multipart: checked, not rewritten.
  /\/(v\d+\w*|openai|openai\/deployments\/[^/]+)\/(embeddings|audio\/speech|images\/(generations|edits))\/?$/i,
  // AWS Bedrock Runtime: Converse anywhere; the model-native invoke on Bedrock's own host.
  /\/model\/[^/]+\/(converse|converse-stream)\/?$/i,
  /^https:\/\/bedrock-runtime(-fips)?\.[a-z0-9-]+\.amazonaws\.com\/model\/[^/]+\/(invoke|invoke-with-response-stream)\/?(?:[?#]|$)/i,
  // Generic paths, on the provider's host: OpenAI moderation, Assistants threads and
  // messages, Conversations, a Realtime session's instructions, the Realtime WebRTC call (its
  // SDP offer, and a session beside it); Mistral moderation; Cohere v1 chat and embed; Ollama's embed.
  /^https:\/\/api\.openai\.com\/v1\/(moderations|threads(\/runs|\/[^/?#]+\/(messages|runs))?|conversations(\/[^/?#]+\/items)?|realtime(\/(client_secrets|sessions|transcription_sessions|calls))?)\/?(?:[?#]|$)/i,
  /^https:\/\/api\.mistral\.ai\/v1\/(chat\/)?moderations\/?(?:[?#]|$)/i,
  /^https:\/\/api\.cohere\.(com|ai)\/v[12]\/(chat|embed)\/?(?:[?#]|$)/i,
  /^https?:\/\/([^/?#]*:11434|ollama\.com)\/api\/embed\/?(?:[?#]|$)/i,
  // The Realtime API over a WebSocket (OpenAI, Azure; `ws:` for a local relay), named by its
  // model or deployment.
  /^wss?:\/\/[^/?#]+(\/[^?#]*)?\/(v1|openai)\/realtime\/?\?([^#]*&)?(model|deployment|call_id)=/i,
];

/** The path as a server may route it: percent-decoded once (undecodable stays as it is). */
function decodedPath(u) {
  try { return decodeURIComponent(u.pathname); } catch { return u.pathname; }
}

/** Origin, decoded lower-case path and query: how a string endpoint and a URL are compared. */
const comparable = (u) => u.origin + decodedPath(u).toLowerCase() + u.search;

/**
 * True when `url` is one of `endpoints`: a string is a URL prefix (relative ones resolve
 * against the page), a RegExp is tested on the path and on the whole URL, a function decides.
 * Paths are compared after percent-decoding and, for strings, regardless of case: a server
 * that routes `/V1/Chat%2FCompletions` like `/v1/chat/completions` must not see it raw.
 * JavaScript because installPending needs it before the engine exists; Rust calls this one.
 */
export function matchEndpoints(endpoints, url) {
  const u = url instanceof URL ? url : new URL(String(url), globalThis.location?.href);
  const path = decodedPath(u);
  return endpoints.some((e) => {
    if (typeof e === 'function') return Boolean(e(u));
    // The whole URL with its path decoded too: a pattern anchored on the provider's host.
    if (e instanceof RegExp) return e.test(u.pathname) || e.test(path) || e.test(u.href) || e.test(u.origin + path + u.search);
    return comparable(u).startsWith(comparable(new URL(String(e), globalThis.location?.href)));
  });
}

/** The request header naming a request's conversation (src/net/fetch.rs reads it too). */
const CONVERSATION_HEADER = 'x-pii-airlock-conversation';

/** `fn(this, args)` as a function: prototype hooks and getters need their `this`. */
const method = (fn) => function (...args) { return fn(this, args); };
/** `{ guarded, purpose }` per XMLHttpRequest, shared by the pending and the Rust hooks. */
const XHR = new WeakMap();
const GLUE = {
  BlockedError: PiiAirlockBlockedError, ConfigError: PiiAirlockConfigError, endpoints: DEFAULT_ENDPOINTS,
  matches: matchEndpoints, method, wrap: guardObject, poison, xhr: XHR,
};

const NET = Symbol('pii-airlock net');

/** The guard object returned by `createGuard`: an EventTarget whose methods run in Rust. */
export class Guard extends EventTarget {}
for (const m of ['scan', 'scanAsync', 'redact', 'pseudonymize', 'restore', 'restoreJson', 'choose', 'choiceFor',
  'resetChoices', 'forget', 'attach', 'requestConsent', 'guardBody', 'receipts', 'matches', 'guardFetch',
  'restoreResponse', 'install', 'serveWorker', 'dispose']) {
  Object.defineProperty(Guard.prototype, m, {
    configurable: true,
    writable: true,
    value(...args) {
      // A trap inside Rust poisons the module (a panic does so itself, through its hook).
      try { return this[NET][m](...args); } catch (e) { throw e instanceof WebAssembly.RuntimeError ? poison(e) : e; }
    },
  });
}
for (const p of ['core', 'strings', 'policyId', 'namesAvailable', 'allowAsTyped', 'lastReceipt', 'lastReceipts',
  'disposed', '_worker']) {
  Object.defineProperty(Guard.prototype, p, { configurable: true, get() { return this[NET][p]; } });
}

/**
 * Builds a guard on the wasm module (`Net` is src/net/'s class); options are checked there.
 * @param {{ Net: any, init: (wasm?: any) => Promise<void>, gazetteer: (source?: any) => Promise<Uint8Array | null> }} wasm
 */
export async function makeGuard(wasm, options = {}, env = null) {
  // The engine and the name list load in parallel; a list that fails to load leaves the guard
  // working for every pattern rule, with `namesAvailable` false (never a silent pass-through).
  const [, gazetteer] = await Promise.all([wasm.init(options?.wasm), wasm.gazetteer(options?.gazetteer)]);
  const guard = new Guard();
  guard[NET] = new wasm.Net(guard, options, env, gazetteer ?? undefined, GLUE);
  return guard;
}

/** How many socket and data-channel messages installPending holds for the engine, and how many bytes. */
const HELD_MESSAGES = 256;
const HELD_BYTES = 8 << 20;

/** A held message's size: a string by its length, bytes and Blobs by theirs. */
const sizeOf = (data) => (typeof data === 'string' ? data.length : (data?.byteLength ?? data?.size ?? 0));

/**
 * Hooks fetch, XMLHttpRequest, sendBeacon, fetchLater, WebSocket, EventSource and the Realtime API's WebRTC data
 * channel at once, before the engine has loaded (form posts, same-origin frames, the URLs `elsewhere` masks and the
 * watch for requests around the guard once it runs: before then the guard keeps no value to mask): guarded requests
 * wait for it, and so do messages on a guarded socket or an `oai-events` channel (held in order, at most
 * HELD_MESSAGES / HELD_BYTES; past that `send` throws); beacons and fetchLater, which cannot wait, are refused. Once
 * it runs, each hook hands over to the guard's own, the held messages go through its checks and the sockets and
 * channels made meanwhile have their answers restored. If it fails to start, everything waiting is refused: a
 * request fails, a socket or channel with held messages gets `piiAirlockError`, an `error` event and is closed.
 */
export function installPending(scope, ready, options) {
  const endpoints = options?.endpoints ?? DEFAULT_ENDPOINTS;
  const guarded = (u) => matchEndpoints(endpoints, u);
  let net = null;
  let extras = null;
  let failure = null;
  // Sockets and channels made before the engine, whose answers it restores once it runs (each with its listeners'
  // `{ message, close }`, filled then); the messages they sent.
  const made = [];
  /**
   * Listens to `target`'s messages now, before the page can: a listener added later runs after the page's, even in
   * the capture phase. Until the engine runs there is nothing to restore; then these call its restoring listeners.
   */
  const adopt = (target) => {
    const relay = {};
    for (const kind of ['message', 'close']) target.addEventListener(kind, (e) => relay[kind]?.(e), true);
    made.push([target, relay]);
  };
  const held = [];
  let heldBytes = 0;
  const refuse = (target, e) => {
    target.piiAirlockError = e;
    target.dispatchEvent(new Event('error'));
  };
  // Once the engine runs, form posts, same-origin frames and the URL sinks are hooked too (Rust does that).
  const engine = ready.then((g) => {
    net = g[NET];
    extras = net.installExtras();
    for (const [target, relay] of made.splice(0)) {
      // Unrestored answers keep their placeholders; the messages below still go through the checks.
      try { Object.assign(relay, net.restoreMessages(target)); } catch (e) { refuse(target, e); }
    }
    // In order, through the hooks now in place: the guard's checks, as if sent now.
    heldBytes = 0;
    for (const [target, data, proto] of held.splice(0)) {
      try { proto.send.call(target, data); } catch (e) { refuse(target, e); }
    }
    return net;
  }, (e) => {
    failure = new PiiAirlockBlockedError('engine', 'pii-airlock: the privacy engine could not start; the request was not sent', { cause: e });
    const waiting = new Set(held.splice(0).map(([target]) => target));
    heldBytes = 0;
    made.length = 0;
    for (const target of waiting) {
      refuse(target, failure);
      target.close();
    }
    throw failure;
  });
  engine.catch(() => {});
  const notYet = () => new PiiAirlockBlockedError('engine', 'pii-airlock: the privacy engine has not started yet; the request was not sent');
  /** Holds `data` that `target` sends (with `proto`'s `send`) for the engine, or throws why it cannot. */
  const hold = (target, data, proto) => {
    if (failure) throw failure;
    if (held.length >= HELD_MESSAGES || heldBytes + sizeOf(data) > HELD_BYTES) {
      throw new PiiAirlockBlockedError('engine', 'pii-airlock: too many messages are waiting for the privacy engine to start; this one was not sent');
    }
    // What the platform throws for a socket or channel still connecting, thrown now rather than once it is due.
    if (target.readyState === 0 || target.readyState === 'connecting') {
      throw new DOMException("Failed to execute 'send': Still in CONNECTING state.", 'InvalidStateError');
    }
    held.push([target, data, proto]);
    heldBytes += sizeOf(data);
  };
  const undo = [];
  const hook = (on, name, kind, pending) => {
    const original = on?.[name];
    if (typeof original !== 'function') return;
    let real = null;
    const handOver = () => (real ??= net.hook(kind, original));
    on[name] = method((self, args) => (net ? handOver().apply(self, args) : pending(self, args, original, handOver)));
    undo.push(() => { on[name] = original; });
  };
  /** Like `hook`, for what the engine hooks itself once it runs (installExtras): this one then only passes on. */
  const before = (on, name, pending) => {
    const original = on?.[name];
    if (typeof original !== 'function') return;
    on[name] = method((self, args) => (net ? original.apply(self, args) : pending(self, args, original)));
    undo.push(() => { on[name] = original; });
  };
  hook(scope, 'fetch', 'fetch', (self, [input, init], original, handOver) => {
    const url = typeof Request !== 'undefined' && input instanceof Request ? input.url : String(input);
    return guarded(url) ? engine.then(() => handOver()(input, init)) : original(input, init);
  });
  const xhr = scope.XMLHttpRequest?.prototype;
  hook(xhr, 'open', 'open', (self, [method_, url, async = true, ...rest], original) => {
    const target = new URL(String(url), scope.location?.href);
    const g = guarded(target);
    if (g && !async) throw new PiiAirlockBlockedError('sync-xhr', 'pii-airlock: synchronous requests to a guarded endpoint are not allowed');
    XHR.set(self, { guarded: g, purpose: target.pathname, url: target.href });
    return original.call(self, method_, url, async, ...rest);
  });
  // The conversation header of a guarded request is the guard's to read, never sent.
  hook(xhr, 'setRequestHeader', 'setRequestHeader', (self, [name, value], original) => {
    const state = XHR.get(self);
    if (state?.guarded && String(name).toLowerCase() === CONVERSATION_HEADER) { state.conversation = String(value); return undefined; }
    return original.call(self, name, value);
  });
  hook(xhr, 'send', 'send', (self, [body], original, handOver) => {
    if (!XHR.get(self)?.guarded) return original.call(self, body);
    engine.then(() => handOver().call(self, body), (e) => {
      self.piiAirlockError = e;
      self.dispatchEvent(new ProgressEvent('error'));
      self.dispatchEvent(new ProgressEvent('loadend'));
    });
  });
  hook(scope.navigator, 'sendBeacon', 'sendBeacon', (self, [url, data], original) => (guarded(url) ? false : original.call(self, url, data)));
  // fetchLater answers at once, like a beacon: to a guarded endpoint it is refused until the engine runs.
  hook(scope, 'fetchLater', 'fetchLater', (self, [input, init], original) => {
    if (guarded(typeof Request !== 'undefined' && input instanceof Request ? input.url : String(input))) throw notYet();
    return original(input, init);
  });
  hook(scope.WebSocket?.prototype, 'send', 'websocket', (self, [data], original) => {
    if (!guarded(self.url)) return original.call(self, data);
    return hold(self, data, scope.WebSocket.prototype);
  });
  // The Realtime API's event channel (its label, as src/net/realtime.rs): messages held; the channels the page
  // makes or the service opens are restored once the engine runs.
  const realtime = (channel) => channel?.label === 'oai-events';
  before(scope.RTCDataChannel?.prototype, 'send', (self, [data], original) => (realtime(self) ? hold(self, data, scope.RTCDataChannel.prototype) : original.call(self, data)));
  before(scope.RTCPeerConnection?.prototype, 'createDataChannel', (self, args, original) => {
    const channel = original.apply(self, args);
    if (realtime(channel)) adopt(channel);
    return channel;
  });
  const event = scope.RTCDataChannelEvent?.prototype;
  const channelOf = event && Object.getOwnPropertyDescriptor(event, 'channel');
  if (channelOf?.get) {
    const seen = new WeakSet();
    Object.defineProperty(event, 'channel', { ...channelOf, get() {
      const channel = channelOf.get.call(this);
      if (!net && !failure && realtime(channel) && !seen.has(channel)) { seen.add(channel); adopt(channel); }
      return channel;
    } });
    undo.push(() => Object.defineProperty(event, 'channel', channelOf));
  }
  // EventSource and WebSocket carry data in their URL's query: one to a guarded endpoint with
  // a query would send it as it opens, so until the engine runs the page gets a stand-in that
  // opens the real one through the guard's checks once it does (`connectLater`). A WebTransport
  // session to a guarded endpoint is refused in any case (the engine does too): its streams and
  // datagrams are bytes the guard cannot read. `instanceof` and the statics (`EventSource.OPEN`)
  // keep working.
  for (const name of ['EventSource', 'WebSocket', 'WebTransport']) {
    const original = scope[name];
    hook(scope, name, name, (self, args, ctor, handOver) => {
      const target = new URL(String(args[0]), scope.location?.href);
      const g = guarded(target);
      if (g && name === 'WebTransport') {
        throw new PiiAirlockBlockedError('body-type', 'pii-airlock: a WebTransport session to a guarded endpoint sends bytes the guard cannot read; it was not opened');
      }
      if (target.search.length > 1 && g) {
        if (failure) throw failure;
        return connectLater(ctor.prototype, name === 'WebSocket', target.href, args, engine, handOver);
      }
      const instance = Reflect.construct(ctor, args);
      if (g && name === 'WebSocket') adopt(instance);
      return instance;
    });
    if (typeof original === 'function' && scope[name] !== original) {
      scope[name].prototype = original.prototype;
      for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) {
        if (k in original) Object.defineProperty(scope[name], k, { value: original[k] });
      }
    }
  }
  return () => { extras?.(); undo.reverse().forEach((f) => f()); };
}

/** A copy of `e` to dispatch again: a message's data, origin and id; a close's code and reason. */
function copyEvent(e) {
  if (typeof MessageEvent !== 'undefined' && e instanceof MessageEvent) {
    return new MessageEvent(e.type, { data: e.data, origin: e.origin, lastEventId: e.lastEventId, ports: [...e.ports] });
  }
  if (typeof CloseEvent !== 'undefined' && e instanceof CloseEvent) {
    return new CloseEvent(e.type, { code: e.code, reason: e.reason, wasClean: e.wasClean });
  }
  return new Event(e.type);
}

/**
 * A stand-in for a WebSocket (`socket`) or EventSource to a guarded endpoint whose URL has a query, made before the
 * engine runs: the real one would send the query unchecked as it opens. It is an EventTarget with the class's
 * prototype (`instanceof` holds), CONNECTING until the engine runs; then the guard's own constructor (`handOver()`)
 * opens the real one, checking the query as for any later one, and every event of the real one (the answers already
 * restored by the guard) is dispatched on the stand-in, whose `send`, `close`, `readyState` and the rest are the real
 * one's. `send` before it opens throws as a connecting socket's does. If the engine never starts, or the check
 * refuses the URL, it gets `piiAirlockError`, an `error` event and (a socket) a `close` event, and nothing connects.
 */
function connectLater(proto, socket, url, args, engine, handOver) {
  const CLOSED = socket ? 3 : 2;
  const standIn = new EventTarget();
  Object.setPrototypeOf(standIn, proto);
  let real = null;
  let state = 0;
  let binaryType = 'blob';
  const handlers = {};
  const types = new Set(['open', 'message', 'error', ...(socket ? ['close'] : [])]);
  const listen = EventTarget.prototype.addEventListener;
  const forward = (type) => listen.call(real, type, (e) => standIn.dispatchEvent(copyEvent(e)));
  const own = (props) => {
    for (const [k, d] of Object.entries(props)) Object.defineProperty(standIn, k, { configurable: true, ...d });
  };
  own({
    url: { get: () => (real ? real.url : url) },
    readyState: { get: () => (real ? real.readyState : state) },
    // Named events (an EventSource's `event:` lines) are forwarded once something listens to them.
    addEventListener: { value(type, ...rest) {
      if (!types.has(type)) { types.add(type); if (real) forward(type); }
      return listen.call(this, type, ...rest);
    } },
    close: { value(...a) {
      if (real) return real.close(...a);
      if (state === CLOSED) return undefined;
      state = CLOSED;
      if (socket) setTimeout(() => standIn.dispatchEvent(new CloseEvent('close', { code: 1006, wasClean: false })));
      return undefined;
    } },
  });
  for (const type of types) {
    own({ [`on${type}`]: { get: () => handlers[type] ?? null, set: (f) => { handlers[type] = typeof f === 'function' ? f : null; } } });
    listen.call(standIn, type, (e) => handlers[type]?.call(standIn, e));
  }
  if (socket) {
    own({
      protocol: { get: () => real?.protocol ?? '' },
      extensions: { get: () => real?.extensions ?? '' },
      bufferedAmount: { get: () => real?.bufferedAmount ?? 0 },
      binaryType: { get: () => real?.binaryType ?? binaryType, set: (v) => { if (real) real.binaryType = v; else binaryType = v; } },
      send: { value(data) {
        if (!real || real.readyState === 0) throw new DOMException("Failed to execute 'send': Still in CONNECTING state.", 'InvalidStateError');
        return proto.send.call(real, data);
      } },
    });
  } else {
    own({ withCredentials: { get: () => Boolean(args[1]?.withCredentials) } });
  }
  const refuse = (e) => {
    if (state === CLOSED) return;
    state = CLOSED;
    standIn.piiAirlockError = e;
    standIn.dispatchEvent(new Event('error'));
    if (socket) standIn.dispatchEvent(new CloseEvent('close', { code: 1006, wasClean: false }));
  };
  engine.then(() => {
    if (state === CLOSED) return;
    try {
      real = handOver().apply(undefined, args);
    } catch (e) {
      refuse(e);
      return;
    }
    if (socket) real.binaryType = binaryType;
    for (const type of types) forward(type);
  }, refuse);
  return standIn;
}
