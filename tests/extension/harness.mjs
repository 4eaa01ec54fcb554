// Shared set-up of the extension tests: builds extension/dist/, bundles the fixture pages with
// the real editor libraries (ProseMirror, Quill from tests/extension/fixtures/node_modules),
// launches Debian's Chromium with the extension loaded, and serves the fixtures at the real
// chat sites' URLs through Playwright routing, with a recording backend behind each site's API.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'extension', 'dist');
const FIXTURES = join(ROOT, 'tests', 'extension', 'fixtures');
// A test run must not rewrite committed files: the README's screenshots change only on request.
export const IMG = process.env.PII_SCREENSHOTS === 'docs' ? join(ROOT, 'docs', 'img') : join(ROOT, 'target', 'screenshots');

const temps = [];
export function temp(prefix) {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
process.on('exit', () => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

let built = false;
/** Builds extension/dist/ once per test process (the package's pkg/dist/ must exist). */
export function buildExtension() {
  if (!built) {
    execFileSync(process.execPath, [join(ROOT, 'extension', 'build.mjs'), '--no-zip'], { stdio: ['ignore', 'ignore', 'inherit'] });
    built = true;
  }
  return DIST;
}

let bundles = null;
/** The fixture scripts bundled with the real editor libraries: name → JS text. */
export async function fixtureBundles() {
  if (bundles) return bundles;
  if (!existsSync(join(FIXTURES, 'node_modules', 'prosemirror-view')) || !existsSync(join(FIXTURES, 'node_modules', 'esbuild'))) {
    throw new Error('fixture dependencies missing: npm ci --prefix tests/extension/fixtures');
  }
  // esbuild from the fixtures' own install (tests/extension/fixtures/package.json).
  const { build } = createRequire(join(FIXTURES, 'package.json'))('esbuild');
  const out = temp('pii-airlock-ext-fixtures-');
  await build({
    entryPoints: ['prosemirror', 'quill', 'textarea', 'contenteditable', 'lexical'].map((n) => join(FIXTURES, 'src', `${n}.js`)),
    bundle: true, format: 'esm', outdir: out, logLevel: 'error', absWorkingDir: FIXTURES,
  });
  bundles = {
    'prosemirror.js': readFileSync(join(out, 'prosemirror.js'), 'utf8'),
    'quill.js': readFileSync(join(out, 'quill.js'), 'utf8'),
    'textarea.js': readFileSync(join(out, 'textarea.js'), 'utf8'),
    'contenteditable.js': readFileSync(join(out, 'contenteditable.js'), 'utf8'),
    'lexical.js': readFileSync(join(out, 'lexical.js'), 'utf8'),
    // Not bundled: a classic script the page runs before everything else (fixtures/src/spy.js).
    'spy.js': readFileSync(join(FIXTURES, 'src', 'spy.js'), 'utf8'),
    'prosemirror.css': readFileSync(join(FIXTURES, 'node_modules', 'prosemirror-view', 'style', 'prosemirror.css'), 'utf8'),
    'quill.css': readFileSync(join(FIXTURES, 'node_modules', 'quill', 'dist', 'quill.core.css'), 'utf8'),
  };
  return bundles;
}

/** A page CSP that forbids WebAssembly (no 'wasm-unsafe-eval') and inline script. */
export const NO_WASM_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The fixture sites: where each one lives and which composer it has. Where a site's markup is
 * public (its editor library, the ids and labels its composer and buttons carry), the fixture
 * is shaped like it: `ta` the textarea's attributes, `answerClass` / `answerAttr` the answers'
 * marks, `decoy` a search form before the composer whose submit button comes first in the page
 * (the generic send selector alone would take it for the composer's). A conversation named
 * redesign-… gets a bare contenteditable and a generic button instead: the site's selectors no
 * longer match, the generic ones must.
 */
export const SITES = {
  chatgpt: { origin: 'https://chatgpt.com', path: (c) => `/c/${c}`, api: '/backend-api/conversation', kind: 'prosemirror', editorId: 'prompt-textarea', send: '<button id="send" data-testid="send-button" aria-label="Send prompt">Send</button>' },
  claude: { origin: 'https://claude.ai', path: (c) => `/chat/${c}`, api: '/api/organizations/org-1/chat_conversations', format: 'claude', kind: 'prosemirror', editorId: 'claude-input', send: '<button id="send" aria-label="Send message">Send</button>', answerClass: 'font-claude-message' },
  gemini: { origin: 'https://gemini.google.com', path: (c) => `/app/${c}`, api: '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate', format: 'gemini', kind: 'quill', send: '<button class="send-button" aria-label="Send message">Send</button>', answerTag: 'message-content' },
  // Copilot: a textarea#userInput ("Message Copilot"), "Submit message", answers marked ai-message.
  copilot: { origin: 'https://copilot.microsoft.com', path: (c) => `/chats/${c}`, api: '/c/api/conversations', format: 'copilot', kind: 'textarea', editor: '#userInput', ta: 'id="userInput" data-testid="composer-input" placeholder="Message Copilot"', send: '<button id="send" type="button" data-testid="submit-button" aria-label="Submit message">Send</button>', answerAttr: ['data-content', 'ai-message'], decoy: true },
  // DeepSeek: a textarea#chat-input, answers in .ds-markdown.
  deepseek: { origin: 'https://chat.deepseek.com', path: (c) => `/a/chat/s/${c}`, api: '/api/v0/chat/completion', format: 'deepseek', kind: 'textarea', editor: '#chat-input', ta: 'id="chat-input" placeholder="Message DeepSeek"', send: '<button id="send" type="button" aria-label="Send">Send</button>', answerClass: 'ds-markdown' },
  // Perplexity: a Lexical editor on #ask-input, "Submit", answers in .prose.
  perplexity: { origin: 'https://www.perplexity.ai', path: (c) => `/search/${c}`, api: '/rest/sse/perplexity_ask', format: 'perplexity', kind: 'lexical', editor: '#ask-input', send: '<button id="send" type="button" data-testid="submit-button" aria-label="Submit">Ask</button>', answerClass: 'prose', decoy: true },
  // Mistral Le Chat: a textarea named message.text, "Send question", messages over tRPC.
  mistral: { origin: 'https://chat.mistral.ai', path: (c) => `/chat/${c}`, api: '/api/trpc/message.newChat', format: 'mistral', kind: 'textarea', editor: 'textarea[name="message.text"]', ta: 'name="message.text" placeholder="Ask Le Chat"', send: '<button id="send" type="button" aria-label="Send question">Send</button>', decoy: true },
};

/** The composer's selector on `site`'s fixture (conversation `conv`). */
export const editorOf = (site, conv = '') => {
  const s = SITES[site];
  if (conv.startsWith('redesign-')) return '#composer';
  return s.editor ?? { prosemirror: '.ProseMirror', quill: '.ql-editor', textarea: '#prompt', contenteditable: '#composer' }[s.kind];
};

function page(site, conv) {
  const s = SITES[site];
  const redesign = conv.startsWith('redesign-');
  const kind = redesign ? 'contenteditable' : s.kind;
  const composer = kind === 'textarea' ? `<textarea ${s.ta ?? 'id="prompt"'} rows="4" cols="60" aria-label="Message"></textarea>` : '<div id="composer"></div>';
  const send = redesign ? '<button id="send" type="button" aria-label="Send">Send</button>' : s.send;
  const decoy = s.decoy && !redesign ? '<form id="search" role="search" action="/search-chats"><input type="search" name="q" aria-label="Search chats"><button type="submit">Search</button></form>' : '';
  const css = kind === 'prosemirror' ? '<link rel="stylesheet" href="/fixture/prosemirror.css">' : kind === 'quill' ? '<link rel="stylesheet" href="/fixture/quill.css">' : '';
  // A conversation named spy-… gets the page script that tries to read restored values.
  const spy = conv.startsWith('spy-') ? '<script src="/fixture/spy.js"></script>' : '';
  const [attrName, attrValue] = s.answerAttr ?? ['', ''];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${site} fixture</title>${spy}${css}
<link rel="stylesheet" href="/fixture/page.css"></head>
<body data-conv="${conv}" data-api="${s.api}" data-format="${s.format ?? 'chatgpt'}" data-editor-id="${s.editorId ?? ''}" data-answer-tag="${s.answerTag ?? 'div'}" data-answer-class="${s.answerClass ?? ''}" data-answer-attr="${attrName}" data-answer-attr-value="${attrValue}">
<main><h1>${site} (test fixture)</h1>${decoy}<div id="thread"></div>${composer}${send}<input type="file" id="file" multiple hidden aria-label="Attach files"></main>
<script type="module" src="/fixture/${kind}.js"></script></body></html>`;
}

const PAGE_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:24px;max-width:760px}
#thread .msg{padding:8px 12px;margin:8px 0;border-radius:8px;background:#f3f4f6}
#thread .assistant{background:#eef6ff}
#composer,#prompt{border:1px solid #888;border-radius:8px;padding:8px;min-height:48px;width:100%;box-sizing:border-box;font:inherit}
.ProseMirror{outline:none}button{margin-top:8px;font:inherit}`;

/**
 * The sites' request bodies as their web clients send them (fixtures/src/chat.js writes them):
 * body → { conv, text }. The conversation sits where each site's client puts it (Gemini: the
 * first of the conversation ids in inner[2]; Perplexity: last_backend_uuid).
 */
const REQUESTS = {
  chatgpt: (body) => {
    const j = JSON.parse(body);
    return { conv: j.conversation_id, text: j.messages.map((m) => m.content.parts.join('\n')).join('\n') };
  },
  claude: (body) => ({ conv: null, text: JSON.parse(body).prompt }),
  deepseek: (body) => {
    const j = JSON.parse(body);
    return { conv: j.chat_session_id, text: j.prompt };
  },
  perplexity: (body) => {
    const j = JSON.parse(body);
    return { conv: j.params.last_backend_uuid, text: j.query_str };
  },
  gemini: (body) => {
    const inner = JSON.parse(JSON.parse(new URLSearchParams(body).get('f.req'))[1]);
    return { conv: inner[2][0], text: inner[0][0] };
  },
  // The fixture's tRPC call (fixtures/src/chat.js): httpLink's bare input or httpBatchLink's
  // {"0": input}, the input in superjson's {json, meta}.
  mistral: (body, url) => {
    const j = JSON.parse(body);
    const input = (url.searchParams.get('batch') === '1' ? j['0'] : j).json;
    return { conv: input.chatId, text: input.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n') };
  },
};

const TOKEN = /\[[A-Z][A-Z0-9_]*_\d+\]/g;

/**
 * Routes every fixture site. Returns the backend: `received` holds each request body the site's
 * API got, `uploads` each file the page uploaded; each conversation's history is kept, so a reload renders it again.
 */
export async function routeSites(context) {
  const b = await fixtureBundles();
  const received = [];
  const uploads = [];
  // What the fixtures' page scripts send on their own while the user types (chat.js, draft-…).
  const reads = [];
  const history = new Map();
  /** The model's answer to `text`: it repeats the placeholders, once inside a link. */
  const reply = (conv, text) => {
    const tokens = [...new Set(text.match(TOKEN) ?? [])];
    const answer = tokens.length
      ? `I will write to ${tokens.join(' and ')} today. Link: <https://evil.example/?e=${tokens[0]}>`
      : 'Nothing to protect there.';
    const id = conv === 'new' ? `gen-${history.size + 1}` : conv;
    const h = history.get(id) ?? [];
    h.push({ role: 'user', text }, { role: 'assistant', text: answer });
    history.set(id, h);
    return { answer, conversation_id: id };
  };
  // Copilot's chat socket: {"event":"send",…} frames in, appendText and done frames out.
  await context.routeWebSocket(/^wss:\/\/copilot\.microsoft\.com\/c\/api\/chat/, (ws) => {
    ws.onMessage((frame) => {
      const j = JSON.parse(String(frame));
      if (j.event !== 'send') return;
      const text = j.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
      received.push({ site: 'copilot', body: String(frame), conv: j.conversationId, text });
      const { answer } = reply(j.conversationId, text);
      ws.send(JSON.stringify({ event: 'appendText', text: answer }));
      ws.send(JSON.stringify({ event: 'done' }));
    });
  });
  for (const [site, s] of Object.entries(SITES)) {
    await context.route(`${s.origin}/**`, async (route) => {
      const req = route.request();
      const url = new URL(req.url());
      if (url.pathname.startsWith('/fixture/')) {
        const name = url.pathname.slice('/fixture/'.length);
        if (name === 'page.css') return route.fulfill({ contentType: 'text/css', body: PAGE_CSS });
        if (!b[name]) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({ contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript', body: b[name] });
      }
      // Attached files: the fixture uploads each as it is attached (fixtures/src/chat.js).
      if (url.pathname === '/upload' && req.method() === 'POST') {
        uploads.push({ site, name: url.searchParams.get('name'), text: req.postData() ?? '' });
        return route.fulfill({ contentType: 'application/json', body: '{"ok":true}' });
      }
      // What a page reads before Send: drafts, beacons, autocomplete (recorded whole).
      if (url.pathname.startsWith('/telemetry/')) {
        reads.push({ site, channel: url.pathname.slice('/telemetry/'.length), url: req.url(), body: req.postData() ?? '' });
        return route.fulfill({ contentType: 'application/json', body: '{"ok":true}' });
      }
      // Each site's own request shape (REQUESTS); Claude posts at <api>/<conversation>/completion.
      const claudePost = s.format === 'claude' && url.pathname.startsWith(`${s.api}/`) && url.pathname.endsWith('/completion');
      if ((url.pathname === s.api || claudePost) && req.method() === 'POST') {
        const body = req.postData() ?? '';
        let read;
        try {
          read = REQUESTS[s.format ?? 'chatgpt'](body, url);
        } catch {
          return route.fulfill({ status: 400, body: '' });
        }
        const { conv: sent, text } = read;
        const parsed = { conversation_id: claudePost ? url.pathname.slice(s.api.length + 1, -'/completion'.length) : sent };
        received.push({ site, body, conv: parsed.conversation_id, text });
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify(reply(parsed.conversation_id, text)) });
      }
      if (url.pathname.startsWith(`${s.api}/`) && req.method() === 'GET') {
        const conv = url.pathname.slice(s.api.length + 1);
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ messages: history.get(conv) ?? [] }) });
      }
      const conv = url.pathname === '/' ? 'new' : url.pathname.split('/').pop();
      if (url.pathname === '/' || url.pathname === s.path(conv)) {
        return route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': NO_WASM_CSP }, body: page(site, conv) });
      }
      return route.fulfill({ status: 404, body: '' });
    });
  }
  return { received, uploads, history, reads };
}

/**
 * A test file's browser: launched with the extension and the fixture sites routed before its
 * tests, closed after them. The returned object gets `ctx` (launchWithExtension's) and
 * `backend` (routeSites') once they are up.
 */
export function withExtension() {
  const env = {};
  before(async () => {
    env.ctx = await launchWithExtension();
    env.backend = await routeSites(env.ctx.context);
  });
  after(async () => { await env.ctx?.context.close(); });
  return env;
}

/** Opens `site`'s fixture page of conversation `conv` once its composer is ready. */
export async function openSite(context, site, conv) {
  const page = await context.newPage();
  await page.goto(SITES[site].origin + SITES[site].path(conv));
  await page.waitForFunction(() => typeof globalThis.editorText === 'function');
  return page;
}

export const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Chromium with the extension loaded; resolves to { context, worker, extensionId }. */
export async function launchWithExtension(userDataDir = temp('pii-airlock-ext-profile-'), { lang } = {}) {
  const dir = buildExtension();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 900, height: 640 },
    ...(lang ? { locale: lang } : {}),
    args: [...ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...(lang ? [`--lang=${lang}`] : [])],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir };
}

/** Where the tests' screenshots go: target/screenshots/, or docs/img/ (the README's) with PII_SCREENSHOTS=docs. */
export function imgPath(name) {
  mkdirSync(IMG, { recursive: true });
  return join(IMG, name);
}

/**
 * The page's accessibility tree as Chromium computes it (it reaches into closed shadow roots,
 * which page scripts and selectors cannot): the open dialog's name, its buttons and which
 * node has the focus.
 */
export async function dialogState(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const dialog = nodes.find((n) => n.role?.value === 'dialog' && !n.ignored);
    if (!dialog) return null;
    const inside = [];
    const walk = (n) => { inside.push(n); for (const c of n.childIds ?? []) if (byId.has(c)) walk(byId.get(c)); };
    walk(dialog);
    // The document itself is focused too: the focused node inside the dialog is the one.
    const focused = inside.find((n) => n.properties?.some((p) => p.name === 'focused' && p.value?.value));
    return {
      name: dialog.name?.value ?? '',
      buttons: inside.filter((n) => n.role?.value === 'button').map((n) => n.name?.value),
      text: inside.filter((n) => n.role?.value === 'StaticText').map((n) => n.name?.value).join(' '),
      focused: focused ? focused.name?.value : null,
    };
  } finally {
    await cdp.detach();
  }
}

/** Waits until `fn` resolves to something truthy. */
export async function until(fn, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs `fn(arg)` in the extension's content-script world of `page` (the isolated world, where
 * `chrome.dom.openOrClosedShadowRoot` reaches the closed shadow roots it attached), through
 * the DevTools protocol: what the extension itself sees, which the page's own scripts cannot.
 */
export async function inExtension(context, page, fn, arg) {
  const cdp = await context.newCDPSession(page);
  try {
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = worlds.find((w) => w.auxData?.frameId === frameTree.frame.id && w.auxData?.type === 'isolated' && w.origin.startsWith('chrome-extension://'));
    if (!world) throw new Error('no content-script world in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg ?? null)})`, contextId: world.id, awaitPromise: true, returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the extension's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * What the user sees in the answers (`selector`), as the extension draws it: the text of the
 * flat tree, a restored value read from its marker's closed shadow root (drawn there as generated
 * content); `restored` lists those values, each with its size on screen and its marker's.
 */
export function shownAnswers(context, page, selector = '#thread .assistant') {
  return inExtension(context, page, (sel) => {
    const restored = [];
    const text = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      const root = node instanceof Element ? chrome.dom.openOrClosedShadowRoot(node) : null;
      if (root && node.classList.contains('pii-airlock-restored')) {
        // The value is the generated content of the root's first element (never text there).
        const drawn = root.firstElementChild;
        const value = getComputedStyle(drawn, '::before').content.slice(1, -1).replace(/\\(.)/g, '$1');
        const box = drawn.getBoundingClientRect();
        restored.push({ value, width: box.width, height: box.height, hostWidth: node.getBoundingClientRect().width, rootText: root.textContent });
        return value;
      }
      return [...(root ?? node).childNodes].map(text).join('');
    };
    const answers = [...document.querySelectorAll(sel)];
    return {
      text: answers.map(text).join('\n'),
      restored,
      links: answers.flatMap((a) => [...a.querySelectorAll('a')].map((l) => [l.href, l.textContent])),
      titles: answers.flatMap((a) => [...a.querySelectorAll('.pii-airlock-restored')].map((m) => m.title)),
    };
  }, selector);
}
