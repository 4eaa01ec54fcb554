// The demo page, built only on the npm package's public API (createGuard, attach, guardBody,
// guardFetch, choiceFor/choose, receipts, LOCALES). User text reaches the DOM only through text
// nodes (textContent, createTextNode): never as HTML.
//
// "What leaves your browser" is the exact request body: a second guard with the same policy,
// `consent: 'redact'` (what "Send redacted" does) and the user's per-finding choices computes
// it with guardBody. Both guards start every conversation fresh, so the placeholders numbered
// in the preview are the ones the real request gets; that is why each Send starts a new
// conversation in this demo.
import {
  init, createGuard, attachEarly, LOCALES,
} from './pkg/index.js';
import { EXAMPLES } from './examples.js';
import {
  CATEGORIES, ACTIONS, stateOf, STATE_LABEL, whyText, effectText, alignChanges, escapeJsonPieces, ENTITY_NAMES, PLAIN_REASONS, ACTION_DONE,
} from './explain.js';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'data') Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return e;
};

const params = new URLSearchParams(location.search);
const ENDPOINT = '/v1/chat/completions';
const RECEIPTS_KEY = 'pii-airlock-demo:receipts';
const THEME_KEY = 'pii-airlock-demo:theme';
const embedded = params.has('embed');
// How long the guard waits for the first module's first paint before it is built anyway (ms).
const EARLY_WAIT = 4000;
// How long the guard waits for the frame that shows the first module's highlights (ms).
const FRAME_WAIT = 100;

const ui = {
  prompt: $('prompt'), example: $('example'), summary: $('summary'), send: $('send'),
  outgoing: $('outgoing'), wireMeta: $('wire-meta'), findings: $('findings'), findingsEmpty: $('findings-empty'),
  findingsCount: $('findings-count'), preset: $('preset'), categories: $('categories'), resetPolicy: $('reset-policy'),
  answer: $('answer'), answerGrid: $('answer-grid'), received: $('received'), answerState: $('answer-state'), answerEmpty: $('answer-empty'),
  receipts: $('receipts'), receiptsEmpty: $('receipts-empty'), exportBtn: $('export'), clearBtn: $('clear-receipts'),
  theme: $('theme'), readable: $('readable'),
};

// The demo starts from GDPR but asks about names, so the consent dialog has something to ask.
const DEMO_OVERRIDES = { people: 'ask' };
const state = {
  preset: 'gdpr',
  overrides: { ...DEMO_OVERRIDES },
  guard: null,
  controller: null,
  fetch: null,
  findings: [],
  text: '',
  preview: null, // { body, content, blocked, segments }
  receipts: [],
  busy: false,
  firstHighlight: false,
  early: null, // the first module's highlights, until the guard's own are painted
};

// ---------------------------------------------------------------- theme and embedding

function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  ui.theme.setAttribute('aria-pressed', String(dark));
}

function initTheme() {
  let saved = params.get('theme');
  try { saved ??= localStorage.getItem(THEME_KEY); } catch { /* storage may be off */ }
  applyTheme(saved === 'dark' || saved === 'light' ? saved : null);
  ui.theme.addEventListener('click', () => {
    const next = ui.theme.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
    applyTheme(next);
    try { localStorage.setItem(THEME_KEY, next); } catch { /* not kept */ }
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    applyTheme(document.documentElement.dataset.theme ?? null);
  });
}

function initEmbed() {
  if (!embedded) return;
  document.documentElement.classList.add('embed');
  // The host page sizes the frame to the content: only the height crosses, never text.
  const post = () => parent.postMessage({ type: 'pii-airlock-demo:size', height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(post).observe(document.body);
  post();
}

// ---------------------------------------------------------------- policy

function policy() {
  const cats = Object.fromEntries(Object.entries(state.overrides).filter(([, a]) => a));
  if (Object.keys(cats).length === 0) return state.preset;
  return { version: 1, id: `demo-${state.preset}`, extends: state.preset, categories: cats };
}

function renderPolicyControls() {
  ui.preset.value = state.preset;
  ui.categories.replaceChildren(...CATEGORIES.map(({ id, label, hint }) => {
    const select = el('select', { id: `cat-${id}`, data: { category: id } },
      el('option', { value: '' }, 'As the preset says'),
      ...ACTIONS.map(([value, text]) => el('option', { value }, text)));
    select.value = state.overrides[id] ?? '';
    select.addEventListener('change', () => {
      state.overrides[id] = select.value;
      rebuild();
    });
    return el('tr', {},
      el('th', { scope: 'row' }, el('label', { htmlFor: `cat-${id}` }, label), el('span', { class: 'sub' }, hint)),
      el('td', {}, el('span', { class: 'select' }, select)));
  }));
}

// ---------------------------------------------------------------- guards

function guardOptions(extra = {}) {
  return {
    policy: policy(), endpoints: [ENDPOINT], locale: 'en', debounce: 60,
    strings: { ...PLAIN_REASONS, entities: ENTITY_NAMES },
    ...extra,
  };
}

async function newMainGuard() {
  try {
    return await createGuard(guardOptions({ receipts: { storageKey: RECEIPTS_KEY } }));
  } catch (e) {
    // Storage refused (a sandboxed frame): the receipts stay in this page instead.
    if (e?.name === 'PiiAirlockConfigError') throw e;
    return createGuard(guardOptions());
  }
}

/** Replaces the guard (new policy, or a new conversation after a send), keeping the editor. */
let generation = 0;

async function rebuild() {
  const mine = ++generation;
  ui.send.disabled = true;
  let guard;
  try {
    guard = await newMainGuard();
  } catch (e) {
    if (mine === generation) failClosed(e);
    return;
  }
  // A later change (another policy pick) won the race: its guard is the one to keep.
  if (mine !== generation) { guard.dispose(); return; }
  if (!state.guard) performance.mark('pii-airlock-demo:engine-ready');
  state.controller?.detach();
  state.guard?.dispose();
  state.guard = guard;
  state.fetch = guard.guardFetch(recordingFetch);
  guard.addEventListener('change', () => schedulePreview());
  guard.addEventListener('consent', (e) => addReceipts(e.detail.receipts ?? []));
  state.controller = guard.attach(ui.prompt);
  await state.controller.refresh();
  // The guard's highlights are painted: the first module's go.
  state.early?.detach();
  state.early = null;
  ui.send.disabled = state.busy;
  document.body.dataset.state = 'ready';
}

function failClosed(e) {
  // Without the engine nothing is checked, so nothing may be sent; the first module's
  // highlights go too, so that nothing on screen suggests otherwise.
  state.early?.detach();
  state.early = null;
  ui.summary.textContent = 'The privacy engine could not load, so nothing is checked and nothing can be sent.';
  ui.summary.dataset.tone = 'error';
  ui.send.disabled = true;
  document.body.dataset.state = 'error';
  console.error('pii-airlock demo:', e?.name ?? 'error');
}

// ---------------------------------------------------------------- findings and the outgoing body

function requestBody(text) {
  return JSON.stringify({
    model: 'mock-llm', stream: true,
    messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: text }],
  });
}

/** The first module's findings, drawn before the guard runs (nothing can be sent yet). */
function onEarlyFindings(e) {
  if (!state.firstHighlight && e.detail.findings.length > 0) {
    state.firstHighlight = true;
    performance.mark('pii-airlock-demo:first-highlight', { detail: 'first module' });
  }
}

function onFindings(e) {
  state.findings = e.detail.findings;
  state.text = e.detail.text;
  if (!state.firstHighlight && state.findings.length > 0) {
    state.firstHighlight = true;
    performance.mark('pii-airlock-demo:first-highlight', { detail: 'guard' });
  }
  renderSummary();
  // Each preview builds a throw-away guard (tens of ms): wait until typing pauses.
  document.body.dataset.previewing = '1';
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => { previewTimer = 0; schedulePreview(); }, 120);
}

let previewTimer = 0;

let previewRunning = false;
let previewAgain = false;

/** Runs the preview; a change while one runs runs it once more with the latest text. */
async function schedulePreview() {
  if (previewRunning) { previewAgain = true; return; }
  previewRunning = true;
  document.body.dataset.previewing = '1';
  try {
    do {
      previewAgain = false;
      await runPreview();
    } while (previewAgain);
  } finally {
    previewRunning = false;
    if (!previewTimer) delete document.body.dataset.previewing;
  }
}

async function runPreview() {
  const guard = state.guard;
  if (!guard) return;
  const text = ui.prompt.value;
  const findings = guard.scan(text).map((f) => ({ ...f, value: text.slice(f.start, f.end) }));
  const choices = findings.map((f) => guard.choiceFor(f, f.value));
  const body = requestBody(text);
  let preview;
  const shadow = await createGuard(guardOptions({ consent: 'redact' }));
  try {
    findings.forEach((f, i) => { if (choices[i]) shadow.choose(f, f.value, choices[i]); });
    const sent = await shadow.guardBody(body, { purpose: ENDPOINT });
    const content = JSON.parse(sent).messages.at(-1).content;
    preview = { body: sent, content, blocked: null, findings, choices };
  } catch (e) {
    preview = { body: null, content: null, blocked: e?.reason ?? 'error', findings, choices };
  } finally {
    shadow.dispose();
  }
  if (text !== ui.prompt.value) { previewAgain = true; return; }
  state.preview = preview;
  renderFindings();
  renderOutgoing();
}

function renderSummary() {
  const n = state.findings.length;
  const counts = { replace: 0, ask: 0, block: 0, shown: 0 };
  for (const f of state.findings) counts[stateOf(f, state.guard?.choiceFor(f, f.value))]++;
  delete ui.summary.dataset.tone;
  if (n === 0) {
    ui.summary.textContent = 'Nothing personal found: the message would be sent as it is.';
    return;
  }
  const parts = [];
  if (counts.replace) parts.push(`${counts.replace} will be replaced`);
  if (counts.ask) parts.push(`${counts.ask} need${counts.ask === 1 ? 's' : ''} your decision`);
  if (counts.block) parts.push(`${counts.block} block${counts.block === 1 ? 's' : ''} sending`);
  if (counts.shown) parts.push(`${counts.shown} only shown`);
  ui.summary.textContent = `${n} item${n === 1 ? '' : 's'} found: ${parts.join(', ')}.`;
  if (counts.block) ui.summary.dataset.tone = 'error';
  else if (counts.ask) ui.summary.dataset.tone = 'warn';
}

function entityName(entity) {
  let shipped;
  try { shipped = LOCALES.en.entities[entity]; } catch { /* before init */ }
  return ENTITY_NAMES[entity] ?? shipped ?? entity.replaceAll('_', ' ').toLowerCase();
}

function renderFindings() {
  const p = state.preview;
  const segments = p?.content != null ? alignChanges(ui.prompt.value, p.content, p.findings) : null;
  const replacementOf = new Map((segments ?? []).filter((s) => s.finding).map((s) => [s.finding.index, s.text]));
  const items = (p?.findings ?? []).map((f, i) => {
    const st = stateOf(f, p.choices[i]);
    return el('li', { class: `finding st-${st}`, data: { entity: f.entity, state: st } },
      el('div', { class: 'f-head' },
        el('span', { class: `badge b-${st}` }, STATE_LABEL[st]),
        el('span', { class: 'f-what' }, entityName(f.entity)),
        el('code', { class: 'f-value' }, f.value)),
      el('p', { class: 'f-why' }, whyText(f)),
      el('p', { class: 'f-effect' }, effectText(f, st, replacementOf.get(f.index), p.choices[i])));
  });
  ui.findings.replaceChildren(...items);
  ui.findingsEmpty.hidden = items.length > 0;
  ui.findingsCount.textContent = items.length ? `${items.length} item${items.length === 1 ? '' : 's'}` : '';
}

function renderOutgoing() {
  const p = state.preview;
  const out = ui.outgoing;
  if (!p) return;
  if (p.blocked) {
    out.dataset.blocked = p.blocked;
    out.replaceChildren(el('span', { class: 'blocked-note' },
      p.blocked === 'policy-block'
        ? 'Nothing leaves: the policy blocks this message. Remove the items marked “Blocked” (or change the policy) to send it.'
        : 'Nothing leaves: this message cannot be checked, so it will not be sent.'));
    ui.wireMeta.textContent = 'blocked';
    return;
  }
  delete out.dataset.blocked;
  const bytes = new TextEncoder().encode(p.body).length;
  ui.wireMeta.textContent = `POST ${ENDPOINT} · ${bytes.toLocaleString('en')} bytes`;
  // "Readable" indents the same JSON; the marks and the byte count stay those of the real body.
  const readable = ui.readable.getAttribute('aria-pressed') === 'true';
  const body = readable ? JSON.stringify(JSON.parse(p.body), null, 2) : p.body;
  const quoted = JSON.stringify(p.content);
  const at = body.lastIndexOf(quoted);
  const segments = alignChanges(ui.prompt.value, p.content, p.findings);
  if (at < 0 || !segments) {
    out.replaceChildren(document.createTextNode(body));
    return;
  }
  const nodes = [document.createTextNode(body.slice(0, at + 1))];
  for (const s of escapeJsonPieces(segments)) {
    if (!s.finding) { nodes.push(document.createTextNode(s.text)); continue; }
    const st = stateOf(s.finding, p.choices[p.findings.indexOf(s.finding)]);
    nodes.push(el('mark', { class: `diff st-${st}`, data: { entity: s.finding.entity, state: st }, title: `${entityName(s.finding.entity)}: ${STATE_LABEL[st].toLowerCase()}` }, s.text));
  }
  nodes.push(document.createTextNode(body.slice(at + quoted.length - 1)));
  out.replaceChildren(...nodes);
}

// ---------------------------------------------------------------- sending

/** The network as the guard sees it: records the exact body that left and the raw answer. */
async function recordingFetch(url, init) {
  const sent = typeof init?.body === 'string' ? init.body : '';
  try {
    ui.received.replaceChildren(el('span', { class: 'label' }, 'Received:\n'),
      document.createTextNode(JSON.parse(sent).messages.at(-1).content), el('span', { class: 'label' }, '\n\nWrote:\n'));
  } catch {
    ui.received.replaceChildren(document.createTextNode(sent));
  }
  const res = await fetch(url, init);
  if (!res.body) return res;
  const [mine, theirs] = res.body.tee();
  (async () => {
    const reader = theirs.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    const raw = document.createTextNode('');
    ui.received.append(raw);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      raw.data += eventsText(buf, (rest) => { buf = rest; });
    }
  })().catch(() => {});
  return new Response(mine, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** The text deltas of the complete SSE events in `buf`; `keep` gets what is left over. */
function eventsText(buf, keep) {
  let text = '';
  let cut;
  while ((cut = buf.indexOf('\n\n')) >= 0) {
    const ev = buf.slice(0, cut);
    buf = buf.slice(cut + 2);
    const data = ev.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
    if (!data || data === '[DONE]') continue;
    try {
      for (const c of JSON.parse(data).choices ?? []) text += c.delta?.content ?? '';
    } catch { /* not JSON: not a chat chunk */ }
  }
  keep(buf);
  return text;
}

async function send() {
  if (state.busy || !state.guard) return;
  state.busy = true;
  ui.send.disabled = true;
  ui.answerEmpty.hidden = true;
  ui.answerGrid.hidden = false;
  if (!embedded) ui.answerGrid.closest('section').scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  ui.answer.textContent = '';
  ui.answerState.textContent = 'checking…';
  document.body.dataset.sent = 'pending';
  let ok = false;
  try {
    const res = await state.fetch(ENDPOINT, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(ui.prompt.value),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    ui.answerState.textContent = 'streaming…';
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    const text = document.createTextNode('');
    ui.answer.replaceChildren(text);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      text.data += eventsText(buf, (rest) => { buf = rest; });
    }
    // Requests settled by the policy alone may fire no consent event: take the receipts here too.
    addReceipts(state.guard.lastReceipts ?? []);
    ui.answerState.textContent = 'done · new conversation started';
    document.body.dataset.sent = 'done';
    ok = true;
  } catch (e) {
    // Fail closed, visibly: the request did not leave (or the answer could not be read).
    const why = {
      cancelled: 'Not sent: you cancelled.', edit: 'Not sent: edit your message, then send again.',
      'policy-block': 'Not sent: the policy blocks something in this message.',
    }[e?.reason] ?? 'Not sent: the message could not be checked.';
    ui.answer.textContent = e?.reason ? why : 'The assistant could not be reached.';
    ui.answerState.textContent = e?.reason ? 'not sent' : 'error';
    document.body.dataset.sent = e?.reason ?? 'error';
  } finally {
    state.busy = false;
    if (ok) await rebuild(); // The placeholders of the next message start again at 1.
    ui.send.disabled = !state.guard;
  }
}

// ---------------------------------------------------------------- receipts

function loadReceipts() {
  try { state.receipts = state.guard?.receipts() ?? []; } catch { state.receipts = []; }
  renderReceipts();
}

function addReceipts(list) {
  const known = new Set(state.receipts.map((r) => r.id));
  for (const r of list) if (!known.has(r.id)) state.receipts.push(r);
  renderReceipts();
}

function renderReceipts() {
  const items = state.receipts.slice().reverse().map((r) => {
    const when = new Date(r.timeMs);
    const byUser = r.decisions.filter((d) => d.decidedBy === 'user').length;
    const kinds = r.decisions.map((d) => `${entityName(d.entity)} ${ACTION_DONE[d.action] ?? d.action}${d.decidedBy === 'user' ? ' (your choice)' : ''}`);
    return el('li', { class: 'receipt' },
      el('div', { class: 'r-head' },
        el('time', { dateTime: when.toISOString() }, when.toLocaleTimeString('en-GB')),
        el('span', {}, ` · policy ${r.policyId} · ${r.purpose}`)),
      el('p', {}, `${r.decisions.length} item${r.decisions.length === 1 ? '' : 's'}, ${byUser} decided by you: ${kinds.join(', ')}.`),
      el('p', { class: 'r-hash' }, `hash ${r.hash.slice(0, 16)}… · previous ${r.prevHash.slice(0, 16)}…`));
  });
  ui.receipts.replaceChildren(...items);
  ui.receiptsEmpty.hidden = items.length > 0;
  ui.exportBtn.disabled = items.length === 0;
  ui.clearBtn.disabled = items.length === 0;
}

function exportReceipts() {
  const blob = new Blob([JSON.stringify({ exported: new Date().toISOString(), receipts: state.receipts }, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: 'pii-airlock-receipts.json' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------- start

function pickExample(id) {
  const ex = EXAMPLES.find((x) => x.id === id) ?? EXAMPLES[0];
  ui.example.value = ex.id;
  ui.prompt.value = ex.text;
  ui.prompt.lang = ex.lang;
  state.early?.refresh();
  state.controller?.refresh();
}

// The small first module highlights while the full one loads, and its load, compilation and
// engine build start before anything else the page does: the page's own set-up (controls,
// example, first layout) then runs while the module compiles, instead of before it
// (docs/benchmarks.md, "Round 14 (startup15)"). Its scanner is its own: one that never moves
// to the full module's engine, since the guard's highlighter takes over (with the page's own
// scanner, the full module's engine was built for it on the main thread right after the first
// highlight, before the frame or the guard: "Round 15 (startup16)"). It paints once its engine
// is in; pickExample() below gives it the example's text.
ui.prompt.addEventListener('pii-airlock:early-findings', onEarlyFindings);
state.early = attachEarly(ui.prompt, { debounce: 60 });

async function main() {
  initTheme();
  initEmbed();
  ui.example.replaceChildren(...EXAMPLES.map((x) => el('option', { value: x.id }, x.label)));
  ui.example.addEventListener('change', () => pickExample(ui.example.value));
  const preset = params.get('policy');
  if (preset && [...ui.preset.options].some((o) => o.value === preset)) {
    state.preset = preset;
    state.overrides = {};
  }
  renderPolicyControls();
  ui.preset.addEventListener('change', () => { state.preset = ui.preset.value; rebuild(); });
  ui.resetPolicy.addEventListener('click', () => { state.overrides = {}; renderPolicyControls(); rebuild(); });
  pickExample(params.get('example'));
  ui.prompt.addEventListener('pii-airlock:findings', onFindings);
  ui.prompt.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); }
  });
  ui.send.addEventListener('click', send);
  ui.exportBtn.addEventListener('click', exportReceipts);
  ui.readable.addEventListener('click', () => {
    ui.readable.setAttribute('aria-pressed', String(ui.readable.getAttribute('aria-pressed') !== 'true'));
    renderOutgoing();
  });
  ui.clearBtn.addEventListener('click', () => {
    try { localStorage.removeItem(RECEIPTS_KEY); } catch { /* nothing kept */ }
    state.receipts = [];
    renderReceipts();
  });
  // The full module loads along with the first: waiting for the first before fetching the full
  // one made the guard ~50% later and the first highlight no sooner on this page
  // (docs/benchmarks.md, "A small first module", round 6). Sending waits for the guard: the send
  // button stays off until rebuild() has one.
  // The full module's fetch and compile start now, but the guard (its engine, the highlighter's
  // first scan: the longest tasks of the page's main thread) is built once the first module has
  // painted: built at once, it ran before the first module's engine on most loads, and the first
  // highlight waited for the guard (docs/benchmarks.md, "Round 12 (startup13)"). If the first
  // module fails or is slow, the guard does not wait for it long.
  init().catch(() => {});
  const wait = (ms) => new Promise((r) => { setTimeout(r, ms); });
  await Promise.race([state.early.painted.catch(() => {}), wait(EARLY_WAIT)]);
  // Let the browser draw the first module's highlights before the guard's build takes the main
  // thread: `painted` resolves in the task that scanned, and the build would otherwise run in
  // that same task, the highlights reaching the screen only after it (200–450 ms later on this
  // host; docs/benchmarks.md, "Round 14 (startup15)"). A frame, then a task after it; a hidden
  // page draws no frame, so not longer than FRAME_WAIT.
  await Promise.race([new Promise((r) => { requestAnimationFrame(() => setTimeout(r, 0)); }), wait(FRAME_WAIT)]);
  await rebuild();
  loadReceipts();
}

main();
