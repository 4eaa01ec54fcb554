// Types of the pii-airlock package (browser and Node entries share them).
// Generated from the Rust types (wasm-bindgen typescript_custom_section next to each type).
import type {
  Finding, EngineOptions, PlannedFinding, Receipt, ReceiptDecision, FindingDecision, FindingAction,
  GuardCoreOptions, PreparedField, RestoreOptions, PresetName, CategoryId, PolicyErrorKind, CustomRuleDoc,
  ListsDoc, DenyDoc, ConsentSettings, ReceiptSettings, MaskSettings, RedactSettings, VaultSettings, PolicyDoc,
} from './dist/web/pii_airlock.js';

export { Airlock, Restorer } from './dist/web/pii_airlock.js';
export type {
  Finding, EngineOptions, PlannedFinding, Receipt, ReceiptDecision, FindingDecision, FindingAction,
  GuardCoreOptions, PreparedField, RestoreOptions, PresetName, CategoryId, PolicyErrorKind, CustomRuleDoc,
  ListsDoc, DenyDoc, ConsentSettings, ReceiptSettings, MaskSettings, RedactSettings, VaultSettings, PolicyDoc,
};

/** Loads and compiles the engine's WebAssembly once. Resolves when the engine is usable. */
export function init(wasm?: RequestInfo | URL | BufferSource | WebAssembly.Module): Promise<void>;

/** A URL prefix (relative ones resolve against the page), a RegExp tested on the path and on the
 * whole URL, or a function. */
export type Endpoint = string | RegExp | ((url: URL) => boolean);

/** Locales shipped: English, German, French, Spanish. Others fall back to English. */
export type Locale = 'en' | 'de' | 'fr' | 'es' | (string & {});

/** The user's answer in the consent dialog. */
export type ConsentDecision = 'redacted' | 'as-typed' | 'cancelled' | 'edit';

/** What a custom consent function is shown. */
export interface ConsentRequest {
  items: { entity: string; value: string; field: string; effect: 'replace' | 'send' }[];
  /** Whether "as-typed" is an allowed answer. */
  allowAsTyped: boolean;
}

/** Every user-visible string; pass some of them in `strings` to override. */
export interface Strings {
  title: string; description: string; count: (n: number) => string;
  sendRedacted: string; sendAsTyped: string; edit: string; cancel: string;
  willReplace: string; willSend: string; allowedAlways: string; allowedOnce: string;
  preview: string; reasonCheck: string; reasonContext: string; reasonPattern: string;
  redact: string; allowOnce: string; alwaysAllow: string; findingsLabel: string; actionsHint: string;
  /** Effects of what the policy settles without asking, and the note saying so. */
  willRedact: string; willMask: string; byPolicy: string;
  /** Names of national identifiers without an entry in `entities`; `{country}` is the code. */
  idNumber: string; passportNumber: string; licenceNumber: string; taxNumber: string;
  /** Display names by entity id, e.g. { EMAIL_ADDRESS: 'Email address' }. */
  entities: Record<string, string>;
  /** Plain-language reasons for the names pass's evidence ids (`gazetteer`, `name-phrase`, `title`, `greeting`, `address`, `first-person`). */
  reasons: Record<string, string>;
}

export interface GuardOptions {
  /**
   * What happens to each finding: a preset name (default "gdpr") or a policy document. Only
   * findings whose action is "ask" (or listed in `consent.confirm`) are asked about; "block"
   * fails the request with PiiAirlockBlockedError (reason "policy-block"). Errors name the
   * field's path (PiiAirlockConfigError).
   */
  policy?: PresetName | PolicyDoc;
  /** Requests to guard. Default: the text-bearing endpoints of the major LLM APIs (`DEFAULT_ENDPOINTS`: OpenAI-style chat, completions, Responses, embeddings, speech and image prompts; OpenAI moderation, Assistants threads, Conversations and the Realtime socket; Anthropic Messages, token counts and batches; Gemini generation, embeddings and token counts; Ollama chat, generate and embed; Cohere chat, embed and rerank; Mistral moderation; Bedrock Converse and invoke — the table in the package README), matched case-insensitively after percent-decoding. */
  endpoints?: Endpoint[];
  /** Dialog and popover language. Default: `navigator.language`, falling back to English. */
  locale?: Locale;
  /** Overrides for single strings. */
  strings?: Partial<Strings>;
  /**
   * How findings that need a decision (policy action "ask") are settled: "dialog" (browser
   * default), "redact" (no question, they become placeholders; Node default), "block" (refuse
   * any request with such findings), or a function. Other findings follow the policy silently.
   */
  consent?: 'dialog' | 'redact' | 'block' | ((request: ConsentRequest) => Promise<ConsentDecision> | ConsentDecision);
  /** Offer "Send as typed" (only where the policy permits it too). Default true. */
  allowAsTyped?: boolean;
  /**
   * Read the known request fields first (OpenAI messages, input, instructions, prompt, tool-call
   * arguments as JSON; Anthropic blocks), with their shapes checked. Default true. Either way
   * every string of the body outside the structural allow-list (model, role, ids, enums, tool
   * names, base64 payloads) is scanned.
   */
  openai?: boolean;
  /** JSON paths to scan even where the structural allow-list would skip them, e.g. "metadata.kind". */
  paths?: string[];
  /**
   * Where answers get values back. Default: never into a URL or an HTML attribute (the
   * placeholder stays there), and not inside tool-call arguments. Allow schemes
   * (`urlSchemes: ["mailto"]`), exact origins (`urlOrigins: ["https://crm.example.com"]`) or
   * `toolArguments: true` explicitly.
   */
  restore?: RestoreOptions;
  /** Scan long texts in a module Web Worker: false to never, or the length from which to (default 50 000). */
  worker?: boolean | { threshold: number };
  /** Where to load the .wasm from (default: next to the module). */
  wasm?: RequestInfo | URL | BufferSource | WebAssembly.Module;
  /**
   * The name list (`pii-airlock/gazetteer`, loaded in parallel with the .wasm; in Node read from
   * disk). A URL or path, the bytes, or false for none. When it cannot be loaded the guard still
   * runs every pattern rule and `namesAvailable` is false.
   */
  gazetteer?: RequestInfo | URL | string | BufferSource | false;
  /**
   * Keep the core's consent receipts (types, actions, hashes; never values) in `localStorage`
   * (or `storage`) for the policy's `receipts.retentionDays`, or `retentionDays` when that is
   * shorter; expired receipts are deleted. Default: not stored.
   */
  receipts?: { retentionDays?: number; storage?: Pick<Storage, 'getItem' | 'setItem'>; storageKey?: string };
  /** Key of the receipts' text HMAC (keep it to verify receipts later). Default: random per guard. */
  receiptKey?: string | ArrayBuffer | ArrayBufferView;
  /**
   * Keep the vault across reloads, encrypted (AES-256-GCM) under `key` (32 bytes the
   * application holds, e.g. from its session), in `localStorage` or `storage`. Read back under
   * the policy's `vault.ttlMinutes`; `forget()` reaches the stored copy. Off by default.
   */
  vault?: { key: ArrayBuffer | ArrayBufferView; storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>; storageKey?: string };
  /** Milliseconds between the last keystroke and a highlight scan. Default 80. */
  debounce?: number;
  /**
   * The conversation of a guarded request that does not name one with the
   * `x-pii-airlock-conversation` header (fetch, or XMLHttpRequest's `setRequestHeader`):
   * `navigator.sendBeacon` and `WebSocket.send` cannot carry a header, so this is how theirs
   * is told, from the URL. Undefined: the guard's default conversation.
   */
  conversationOf?: (url: URL) => string | undefined | null;
  /**
   * Called, after `install()`, for each request to a guarded endpoint that did not pass through
   * the guard (a client that kept `fetch` from before `install()`): `url` is origin and path only.
   * The guard also fires `pii-airlock-bypass` and warns once on the console.
   */
  onBypass?: (detail: BypassDetail) => void;
  /**
   * Requests to endpoints the guard does not check (analytics, session replay, error
   * reporting, the page's own backend) may carry what the page shows, restored answers
   * included. In their URL and body (text; while the guard keeps values, also bytes, Blobs
   * and a `Request`'s body, gzip/zlib/deflate batches decompressed and compressed again)
   * every original the guard kept from the model is replaced by its placeholder or
   * surrogate, and `masked` fires with `{ url }` (origin and path); binary that holds one is
   * refused (`blocked`). The same for URLs scripts hand to the browser (image, script,
   * frame, `<link>` and media `src`/`href`, `<a ping>`, HTML text, `window.open`,
   * `EventSource`, `WebSocket`, navigations a script starts) and for `RTCDataChannel.send`
   * (`masked` with `{ url: "webrtc:" }`). `"cross-origin"`
   * (default): requests to other origins than the page's (in Node, where there is no page:
   * none); `"all"`: every request, the page's own too; `"off"`: none.
   */
  elsewhere?: 'cross-origin' | 'all' | 'off';
}

/** A request to a guarded endpoint seen in the page's resource timing that the guard did not send. */
export interface BypassDetail {
  /** Origin and path (no query, no fragment). */
  url: string;
  /** The resource-timing initiator: "fetch", "xmlhttprequest" or "beacon". */
  initiatorType: string;
  /** True when a guarded Web Worker saw it and `guard.serveWorker` passed it on (pii-airlock/worker-guard). */
  worker?: boolean;
}

export interface ConsentResult {
  decision: ConsentDecision;
  /** The text to send (placeholders where redacted); the original for cancelled / edit. */
  text: string;
  findings: PlannedFinding[];
  /** Present when the text had findings and may be sent. Holds types and actions, never values. */
  receipt?: Receipt;
  /** False when nothing needed asking. */
  asked: boolean;
}

export interface HighlightFinding extends PlannedFinding {
  /** The text of the finding. */
  value: string;
}

/**
 * How the editor draws a finding, from the policy's action and the user's popover choice:
 * "replace" (pseudonymize, synthesize, mask, redact, or the user chose "redact"), "ask" (the
 * user decides before sending: `ask`, or an action listed in `consent.confirm`), "block" (the
 * text cannot be sent), "shown" (sent as typed: `highlight`, `allow`, or "allow once").
 * A textarea's or input's marks carry it as `data-state` and `part="mark mark-<state>"` (style
 * them with `pii-airlock-overlay::part(mark-ask)`); a contenteditable's ranges are in the CSS
 * Custom Highlight `pii-airlock-<state>`.
 */
export type MarkState = 'replace' | 'ask' | 'block' | 'shown';

/** The `pii-airlock:findings` event's detail, dispatched on the attached element after each drawn scan. */
export interface FindingsEventDetail {
  /** The text that was scanned: the field's value, or a contenteditable's text with its block breaks. */
  text: string;
  /** The findings drawn, offsets (UTF-16) into `text`; copies, changing them changes nothing. */
  findings: HighlightFinding[];
}

declare global {
  interface HTMLElementEventMap {
    /** Sent by an element `guard.attach()` highlights, each time a scan's findings are drawn. */
    'pii-airlock:findings': CustomEvent<FindingsEventDetail>;
  }
}

export interface HighlightController {
  readonly element: HTMLElement;
  readonly findings: HighlightFinding[];
  /** Scans now instead of after the debounce. */
  refresh(): Promise<void>;
  /** Stops highlighting and removes what it added to the page. */
  detach(): void;
}

export interface Guard extends EventTarget {
  /** The policy's id, as recorded in receipts. */
  readonly policyId: string;
  /** False when the name list could not be loaded: PERSON and LOCATION are not found. */
  readonly namesAvailable: boolean;
  /** Whether "Send as typed" is offered (option and policy both permit it). */
  readonly allowAsTyped: boolean;
  /** Findings with the policy's action and whether each needs a decision. UTF-16 offsets. */
  scan(text: string): PlannedFinding[];
  /** Like scan; texts past the worker threshold are scanned in a Web Worker. */
  scanAsync(text: string): Promise<PlannedFinding[]>;
  /**
   * Applies the policy with nobody to ask (asked findings become placeholders like
   * [EMAIL_ADDRESS_1]) and records a receipt. Throws PiiAirlockBlockedError when it blocks.
   */
  redact(text: string): string;
  /** Same as redact: placeholders and surrogates are what `restore` reverses. */
  pseudonymize(text: string): string;
  /** Puts the original values back (placeholders and surrogates). */
  restore(text: string): string;
  /** Restores every string of a JSON text; undefined if it is not JSON. */
  restoreJson(text: string): string | undefined;
  /**
   * Live highlighting on a textarea, text input or contenteditable element. A contenteditable
   * is scanned with a newline between blocks and for `<br>` (a tab between table cells), as
   * `innerText` reads it, so findings' offsets index that text (the `pii-airlock:findings`
   * event's `detail.text`), and it is rescanned after any change to its DOM, `input` event or not.
   */
  attach(element: HTMLElement, options?: { debounce?: number }): HighlightController;
  /**
   * Asks the user (when the policy leaves anything to ask) and returns what to send. Throws
   * PiiAirlockBlockedError ("policy-block") when the policy blocks a finding.
   */
  requestConsent(text: string, options?: { returnFocus?: HTMLElement | null }): Promise<ConsentResult>;
  /** Checks a JSON request body; resolves with the body to send or rejects with PiiAirlockBlockedError. */
  /**
   * `conversation` keys the vault: each conversation numbers its own placeholders and gets only
   * its own values back (a fetch names it with the `x-pii-airlock-conversation` header, which
   * the guard removes before sending).
   */
  guardBody(body: string, options?: { returnFocus?: HTMLElement | null; purpose?: string; conversation?: string }): Promise<string>;
  /** A fetch that guards the configured endpoints and restores their responses (JSON, text, SSE). */
  guardFetch(fetchImpl?: typeof fetch): typeof fetch;
  /** Restores placeholders in a response (JSON, text/*, text/event-stream as a stream). */
  restoreResponse(response: Response): Promise<Response>;
  /**
   * Replaces global fetch and XMLHttpRequest, and hooks navigator.sendBeacon and
   * WebSocket.prototype.send for guarded URLs (filtered by the policy without asking, or
   * refused: the beacon returns false, the socket throws); returns the undo function.
   */
  install(): () => void;
  /** True when requests to `url` are guarded. */
  matches(url: string | URL): boolean;
  /** Records a per-finding choice (what the highlight popover's buttons do). */
  choose(finding: Finding, value: string, decision: FindingDecision): void;
  /** The per-finding choice recorded for a value, if any. */
  choiceFor(finding: Finding, value: string): FindingDecision | null;
  /** Forgets "always allow" answers and per-finding choices. */
  resetChoices(): void;
  /** Forgets one value's placeholders (right to erasure). */
  forget(value: string): number;
  /** Stored receipts (with the `receipts` option), oldest first, expired ones dropped. */
  receipts(): Receipt[];
  /** The last receipt issued. */
  readonly lastReceipt: Receipt | null;
  /** The receipts of the last request (one per text with findings). */
  readonly lastReceipts: Receipt[];
  /**
   * Answers the consent questions of the application's own dedicated `worker`, which runs
   * `installWorkerGuard()` from `pii-airlock/worker-guard`, as this guard answers its own (its
   * `consent` mode and dialog, one consent at a time with the page's requests); "Send as typed"
   * only when both guards permit it. The worker guard's `pii-airlock-bypass` reports fire here
   * too, with `detail.worker` true. Returns the function that stops serving (the worker's open
   * questions are cancelled, later ones become placeholders). Serve only a worker that runs the
   * worker guard: the one message that sets up the channel would otherwise reach its own code.
   */
  serveWorker(worker: Worker): () => void;
  /** Unhooks, stops highlighting and the worker, frees the engine. */
  dispose(): void;
  addEventListener(type: 'consent', listener: (e: CustomEvent<{ decision: ConsentDecision; receipt: Receipt | null; receipts: Receipt[] }>) => void): void;
  addEventListener(type: 'blocked', listener: (e: CustomEvent<PiiAirlockBlockedError>) => void): void;
  addEventListener(type: 'change', listener: (e: Event) => void): void;
  addEventListener(type: 'pii-airlock-bypass', listener: (e: CustomEvent<BypassDetail>) => void): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

/** Loads the engine and returns a guard. */
export function createGuard(options?: GuardOptions): Promise<Guard>;

/** `install()`'s options: the guard's, and where the small first module is. */
export interface InstallOptions extends GuardOptions {
  /** Where to load the first module's .wasm from (default: dist/web/scanner/, next to the module). */
  scannerWasm?: RequestInfo | URL | BufferSource | WebAssembly.Module;
}

/**
 * Hooks fetch, XMLHttpRequest, sendBeacon and WebSocket at once (before the engine loads);
 * guarded requests wait for the engine and are blocked if it fails to start (beacons and
 * socket messages, which cannot wait, are refused until it runs). `scanner`, read in the same
 * task as the call (`const { guard, scanner } = install()`), loads the small first module
 * before the full one: findings for highlighting (default engine options) while nothing can be
 * sent yet; the guard applies the policy once it runs. Left unread, the first module is never
 * fetched.
 */
export function install(options?: InstallOptions): {
  guard: Promise<Guard>;
  readonly scanner: Promise<Scanner>;
  /**
   * Highlights `element` at once from `scanner` and hands over to `guard.attach(element)` once
   * the guard runs (`attachEarly` with this install's guard and scanner).
   */
  attach(element: HTMLElement, options?: EarlyAttachOptions): EarlyHighlight;
  uninstall(): void;
};

/** `attachEarly()`'s options. */
export interface EarlyAttachOptions {
  /** The guard to hand over to: its `attach(element, attachOptions)` takes over once it resolves. */
  guard?: Promise<Guard>;
  /**
   * A scanner to draw with (a `createScanner()` promise). When not given, the highlighter has
   * its own: the first module's engine, which never moves to the full module's (the guard's
   * highlighter takes over instead) and is freed when the highlighter detaches.
   */
  scanner?: Promise<Scanner>;
  /** Milliseconds of quiet typing before a redraw (default 80). */
  debounce?: number;
  /** The options of the guard's `attach`. */
  attachOptions?: { debounce?: number };
  /** For the scanner created here: the name list's source and where the modules are. */
  gazetteer?: ScannerOptions['gazetteer'];
  scannerWasm?: ScannerOptions['scannerWasm'];
  wasm?: ScannerOptions['wasm'];
}

/** The early highlighter of `attachEarly()`. */
export interface EarlyHighlight {
  /** Resolves with the guard's controller once it has painted (null without `guard`); rejects if the guard fails. */
  readonly ready: Promise<HighlightController | null>;
  /**
   * Resolves once the first findings are drawn (the first `pii-airlock:early-findings`);
   * rejects if no scanner could be built. A page that builds its guard after the first
   * highlight waits for this.
   */
  readonly painted: Promise<void>;
  /** Draws again now (after the element's text was set from script, which fires no `input`). */
  refresh(): void;
  /** Takes the early highlights off (the guard's controller, if any, stays). */
  detach(): void;
}

/**
 * Highlights `element` (a <textarea>, a text <input> or a contenteditable element) from the
 * small first module while the full module loads: the scanner's findings (default engine
 * options) in one neutral state, the CSS highlight `pii-airlock-pending` (colours:
 * `--pii-airlock-mark-pending-bg`, `--pii-airlock-mark-pending-line`), since what the policy
 * does with them is not known yet. Each paint fires `pii-airlock:early-findings` on the element
 * (`detail`: `findings`, `text`). With `guard`, the guard's own highlighter takes over once it
 * runs and the early highlights are taken off. Nothing is sent or let through here: guarded
 * requests wait for the guard.
 */
export function attachEarly(element: HTMLElement, options?: EarlyAttachOptions): EarlyHighlight;

/**
 * An engine for highlighting. In the browser it runs on the small first module
 * (`dist/web/scanner/`: the engine and the names pass, no policy, consent, vault or browser
 * layer) and moves to the full module's engine when it is used after `init()` has resolved (the
 * first scan after that is still the first module's and starts the move, in a task of its own;
 * a scanner that is not used again builds no second engine); in Node it is the full module's
 * engine. Either way `scan` returns what `Airlock.scan` returns. It never sends
 * anything: only a guard lets text out.
 */
export interface Scanner {
  /** Findings with UTF-16 offsets, the same as `Airlock.scan`'s for the same options. */
  scan(text: string): Finding[];
  /** "scanner" while the first module serves, "full" once the full module's engine does. */
  readonly module: 'scanner' | 'full';
  /** False when the name list could not be loaded: PERSON and LOCATION are not found. */
  readonly namesAvailable: boolean;
  /**
   * Frees the engine (again: nothing). A later `scan` throws `PiiAirlockFreedError`
   * (`pii-airlock/guard`); other scanners and guards keep working.
   */
  free(): void;
}

/** `createScanner()`'s options: the engine's, the name list's source and where the modules are. */
export interface ScannerOptions {
  countries?: string[];
  minScore?: number;
  disabledRules?: string[];
  /** The name list: a URL or path, the bytes, or false for none (as in `GuardOptions`). */
  gazetteer?: RequestInfo | URL | string | BufferSource | false;
  /** Where to load the first module's .wasm from. */
  scannerWasm?: RequestInfo | URL | BufferSource | WebAssembly.Module;
  /** Where to load the full module's .wasm from, if the first module cannot load. */
  wasm?: RequestInfo | URL | BufferSource | WebAssembly.Module;
}

/**
 * Loads the small first module and the name list, and builds a scanner on them. In a browser,
 * the first idle period after its engine is built (and after the move to the full module's)
 * scans a short built-in sample if nothing has been scanned yet, so that the first text typed
 * does not wait for the engine's first-scan costs.
 */
export function createScanner(options?: ScannerOptions): Promise<Scanner>;
/** Loads the small first module's WebAssembly once (in Node: nothing to load). */
export function initScanner(wasm?: RequestInfo | URL | BufferSource | WebAssembly.Module): Promise<void>;

/** Why a request was not sent. */
export class PiiAirlockBlockedError extends Error {
  name: 'PiiAirlockBlockedError';
  reason: 'cancelled' | 'edit' | 'payload' | 'engine' | 'body-type' | 'sync-xhr' | 'consent' | 'policy-block';
}

/** Bad options, or a policy that does not load. */
export class PiiAirlockConfigError extends Error {
  name: 'PiiAirlockConfigError';
  /** For a policy error: what kind of fault (branch on this, not on the message). */
  kind?: PolicyErrorKind;
  /** For a policy error: the JSON path of the field at fault, e.g. "actions.EMAIL_ADRESS". */
  path?: string;
}

/** The endpoints guarded by default. */
export const DEFAULT_ENDPOINTS: RegExp[];
/** The preset names. */
export const PRESETS: PresetName[];
/** Loads the name list once (browser: fetched next to the module; Node: read from disk); null when it cannot. */
export function loadGazetteer(source?: RequestInfo | URL | string | BufferSource | false): Promise<Uint8Array | null>;
/** The shipped strings by language. In the browser entry, readable once `init()` has resolved (they live in the .wasm). */
export const LOCALES: Record<'en' | 'de' | 'fr' | 'es', Strings>;
