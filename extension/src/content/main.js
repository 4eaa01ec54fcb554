// The content script's controller: attaches to the composer the user types into, asks the
// engine host (the service worker) for findings while typing, runs the consent flow on send
// and on paste, rewrites the composer through its own input path, and keeps answers restored.
// Fail closed: when the engine cannot be reached or the composer cannot be rewritten, the
// message is not sent and the user is told; the text stays as typed.
'use strict';

(() => {
  const ns = globalThis.piiAirlock;
  if (!ns || ns.started) return;
  ns.started = true;

  const adapter = ns.adapters.forLocation(location);
  const DEBOUNCE_MS = 120;
  const TIMEOUT_MS = 20000;

  // On until the settings say this site is switched off: a message typed and sent before they
  // have loaded is checked too.
  let enabled = true;
  let bypass = false;
  let busy = false;
  const state = new Map(); // editor → { timer, seq, findings }
  const stats = { found: {}, sent: 0, replaced: 0, withheld: 0 };

  /** A message to the engine host; rejects on error or when it does not answer in time. */
  function ask(msg, timeout = TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timeout')), timeout);
      try {
        chrome.runtime.sendMessage(msg, (res) => {
          clearTimeout(t);
          if (chrome.runtime.lastError || !res) reject(new Error('no answer'));
          else resolve(res);
        });
      } catch (e) {
        clearTimeout(t);
        reject(e);
      }
    });
  }

  /** The conversation this page shows; a new chat is "new" until the site gives it an id. */
  let conv = adapter.conversation(location) ?? 'new';

  /** The answers' texts with this conversation's values back (the engine host restores). */
  async function restoreTexts(texts) {
    const res = await ask({ type: 'restore', conv, texts });
    if (!res.ok) throw new Error('not restored');
    return res.texts;
  }

  // Single-page apps change the URL without a load: follow the conversation id.
  setInterval(() => {
    const now = adapter.conversation(location) ?? 'new';
    if (now === conv) return;
    const before = conv;
    conv = now;
    const move = before === 'new' ? ask({ type: 'adopt', from: before, to: now }).catch(() => {}) : Promise.resolve();
    move.then(() => ns.restore.refresh());
  }, 500);

  // ---- highlighting while typing ------------------------------------------------------------

  function entry(editor) {
    let s = state.get(editor);
    if (!s) {
      s = { timer: 0, seq: 0, findings: [] };
      state.set(editor, s);
    }
    return s;
  }

  function scheduleScan(editor) {
    const s = entry(editor);
    clearTimeout(s.timer);
    s.timer = setTimeout(() => scanNow(editor), DEBOUNCE_MS);
  }

  async function scanNow(editor) {
    const s = entry(editor);
    const seq = ++s.seq;
    const model = ns.textModel.read(editor);
    if (!model.text.trim()) {
      s.findings = [];
      ns.highlight.paint(editor, model, []);
      ns.dialog.announce(0);
      return;
    }
    try {
      const res = await ask({ type: 'scan', text: model.text });
      if (seq !== s.seq || !res.ok) return;
      // The editor may have re-rendered meanwhile: draw on its nodes as they are now, and only
      // if the text is still the one scanned (else the next scan, already scheduled, draws).
      const current = ns.textModel.read(editor);
      if (current.text !== model.text) return;
      s.findings = res.findings;
      ns.highlight.paint(editor, current, res.findings);
      ns.dialog.announce(res.findings.length);
    } catch {
      // Highlighting is a hint; the send path checks again and fails closed.
    }
  }

  // ---- rewriting the composer through its own input path ---------------------------------------

  /**
   * Replaces the whole content of `editor` with `text` the way typing would: select all, then
   * `insertText`, which fires beforeinput/input, so ProseMirror, Quill, React and the like
   * update their own state. Lines become paragraphs through `insertParagraph`.
   */
  async function replaceContent(editor, text) {
    editor.focus();
    if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
      editor.select();
      if (!document.execCommand('insertText', false, text)) {
        // No editing command (rare): the native setter plus an input event, as frameworks expect.
        const proto = editor instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(editor, text);
        editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
      }
      return;
    }
    // Lexical (Perplexity) takes the selection from its own state, which it updates on
    // `selectionchange`, an event that comes later: the text is typed once it has.
    const moved = new Promise((resolve) => {
      document.addEventListener('selectionchange', resolve, { once: true });
      setTimeout(resolve, 100);
    });
    getSelection().selectAllChildren(editor);
    await moved;
    await new Promise((resolve) => setTimeout(resolve, 0));
    insertLines(text);
  }

  /** Types `text` at the selection, one line at a time. */
  function insertLines(text) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) document.execCommand('insertParagraph');
      if (line) document.execCommand('insertText', false, line);
      else if (i === 0) document.execCommand('delete');
    });
  }

  const same = (a, b) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

  // ---- the MAIN-world check (main-world.js) ----------------------------------------------------

  /** Texts the user agreed to send (as rewritten), for the MAIN world's request check. */
  const approved = [];
  const norm = (t) => String(t).replace(/\s+/g, ' ').trim();
  /** Bumped when `approved` changes: what `quiet` knew of it is stale then. */
  let approvedVersion = 0;
  const approve = (t) => {
    approved.push(norm(t));
    if (approved.length > 20) approved.shift();
    approvedVersion += 1;
  };

  /** Findings the policy sends as they are anyway (highlight, allow) stop nothing. */
  const acts = (f) => f.action !== 'allow' && f.action !== 'highlight';

  /** A request to a conversation API: each user text in it agreed to, or without findings. */
  async function chatVerdict(texts) {
    for (const t of texts) {
      if (typeof t !== 'string' || !t.trim() || approved.includes(norm(t))) continue;
      try {
        const res = await ask({ type: 'scan', text: t });
        if (!res.ok || res.findings.some(acts)) return false;
      } catch {
        return false;
      }
    }
    return true;
  }

  /**
   * Values shorter than this are not looked for in requests: a two-letter value would be found
   * in unrelated strings everywhere, and no detected value is that short.
   */
  const MIN_VALUE = 3;
  /** Values found in a message box during this page's life, and where each starts (lower case, spaces collapsed). */
  const typed = new Set();
  /** The values among them (not where they start): a string that is a start of one is held. */
  const typedValues = new Set();
  /** Message box text → its values, for the last few texts (each request asks again). */
  const valuesOf = new Map();
  const low = (t) => norm(t).toLowerCase();

  /**
   * Where a piece of text starts: up to CONTEXT characters before `at` and the first of it,
   * longer if that is short (then it reaches further in), lower case. A request holding this
   * holds the start of what follows — also when it read the message box a few keystrokes ago,
   * before the value was whole (`jane.doe@example.c`), or before it was a value at all.
   */
  const CONTEXT = 8;
  const MIN_ANCHOR = 6;
  function anchor(text, at) {
    const from = Math.max(0, at - CONTEXT);
    const a = low(text.slice(from, Math.max(at + 1, from + MIN_ANCHOR)));
    return a.length >= MIN_ANCHOR ? a : null;
  }

  /**
   * What the message boxes hold now that may not leave: each value the engine finds and where
   * it starts (the engine rejects when it cannot answer), and where the word being typed at
   * the end starts: the engine tells a value only once it is whole, so requests carrying the
   * start of an unfinished word are held until it is finished and checked (drafts and
   * suggestions go a word behind). A box whose text the user just agreed to send (the site
   * reads it once more as it sends) has no word held.
   */
  async function composerHolds() {
    // Scans the texts not scanned yet, then reads what they hold; a text that changed under
    // the scan is scanned again (and one that never holds still is refused).
    for (let tries = 0; tries < 3; tries++) {
      const now = holdsNow();
      if (!now.missing.length) return now;
      for (const text of now.missing) {
        const res = await ask({ type: 'scan', text });
        if (!res.ok) throw new Error('engine');
        const kept = res.findings.filter(acts)
          .map((f) => [low(text.slice(f.start, f.end)), anchor(text, f.start)])
          .filter(([v]) => v.length >= MIN_VALUE);
        valuesOf.set(text, { values: kept.map(([v]) => v), anchors: kept.map(([, a]) => a).filter(Boolean) });
        if (valuesOf.size > 20) valuesOf.delete(valuesOf.keys().next().value);
      }
    }
    throw new Error('changing');
  }

  /** What the message boxes hold, as far as they were scanned: `missing` lists the texts that were not. */
  function holdsNow() {
    const values = [];
    const anchors = [];
    const words = [];
    const ends = [];
    const missing = [];
    for (const editor of state.keys()) {
      if (!editor.isConnected) continue;
      const { text } = ns.textModel.read(editor);
      if (!text.trim()) continue;
      const found = valuesOf.get(text);
      if (found) {
        values.push(...found.values);
        anchors.push(...found.anchors);
      } else {
        missing.push(text);
      }
      const word = /\S+$/.exec(text);
      if (!word || approved.includes(norm(text))) continue;
      const start = anchor(text, word.index);
      if (start) words.push(start);
      // The word itself, for a request that carries it alone (an autocomplete of the last word).
      ends.push(word[0].toLowerCase());
    }
    return { values, anchors, words, ends, missing };
  }

  // ---- what the page may read before Send (closed by default) ------------------------------

  /**
   * Whether this site's page may read the message box's text before Send (the user opened it
   * in the options): then only values and their starts are held back, as above. Closed (the
   * default), any request carrying text of a message box that has not been sent is held back
   * too, found in it or not: the engine tells a value only once it is whole, so the first words
   * of a value typed in several words (`+44 20`, `Jane`) carry nothing it can find yet.
   */
  let draftsOpen = false;

  /**
   * A message box's unsent text, as the pieces a request carrying it would hold: the text
   * (lower case, spaces collapsed) and its windows of WINDOW characters that cross a space
   * (a piece of a phrase: `me on +4`, `ask jane`), or of DIGIT_WINDOW that cross one and hold a
   * digit (a number typed in groups: `44 20`, `20 79`). A window without a space is a piece of
   * one word, which a site's own keys and names share with what people write
   * (`conversation`), so it does not count; neither does a shorter piece of a phrase (`of the`).
   */
  const WINDOW = 8;
  const DIGIT_WINDOW = 5;
  /** Message box text → its pieces, for the last few texts (it changes with every keystroke). */
  const piecesOf = new Map();
  function unsentPieces(text) {
    let p = piecesOf.get(text);
    if (p) return p;
    p = piecesOfText(low(text));
    piecesOf.set(text, p);
    if (piecesOf.size > 8) piecesOf.delete(piecesOf.keys().next().value);
    return p;
  }

  /** `t` (lower case, spaces collapsed) and its windows, as above. */
  function piecesOfText(t) {
    const windows = new Set();
    for (let i = 0; i < t.length; i++) {
      const w = t.slice(i, i + WINDOW);
      if (w.length === WINDOW && w.includes(' ')) windows.add(w);
      const d = t.slice(i, i + DIGIT_WINDOW);
      if (d.length === DIGIT_WINDOW && d.includes(' ') && /\d/.test(d)) windows.add(d);
    }
    return { text: t, windows };
  }

  /** A window of `windows` that `r` holds, or null. Only windows that cross a space count: those starting up to WINDOW - 1 before one. */
  function windowIn(r, windows) {
    let next = 0;
    for (let sp = r.indexOf(' '); sp !== -1; sp = r.indexOf(' ', sp + 1)) {
      for (let i = Math.max(next, sp - WINDOW + 1); i <= sp; i++) {
        for (const w of [r.slice(i, i + WINDOW), r.slice(i, i + DIGIT_WINDOW)]) if (windows.has(w)) return w;
      }
      next = sp + 1;
    }
    return null;
  }

  /**
   * What the message boxes held in the last RECENT_MS while their text was short (SHORT
   * characters at most): a draft of a message's first keystrokes, read a moment ago, is one of
   * these — also when the text has grown since, or was typed over.
   */
  const RECENT_MS = 10000;
  const SHORT = 12;
  const recent = [];
  function noteShort(editor) {
    const raw = editor.value ?? editor.textContent ?? '';
    if (raw.length > SHORT) return;
    const t = low(ns.textModel.read(editor).text);
    if (t) recent.push({ t, at: Date.now() });
    if (recent.length > 64) recent.shift();
  }
  const isRecent = (r) => {
    const since = Date.now() - RECENT_MS;
    return recent.some((x) => x.at >= since && x.t === r);
  };

  // ---- what the message boxes held a moment ago: the edit record (drafts closed) -----------

  /**
   * A page that reads the message box can send less than a window of it: the word at the caret
   * alone (a completion of a name typed into the middle of the text, `jane`, `0958`), the word
   * just finished (a spelling check), the word with its neighbour (`ask jo`), or text the user
   * has deleted since it read it (a debounced draft). So for RECORD_MS after each edit the
   * content script keeps, in memory only, the words around the edit — each state of the word at
   * the caret, typed or deleted — with their neighbours, and the deleted text with its
   * context; a request string that is one of those words, holds one of those pairs as whole
   * words, or carries the deleted text is held back. Words are matched as words, not as
   * substrings, so a site's ids and keys that contain them (`jane_id`) still go. And a short
   * string the page sent while the box held none of its words is the page's own (its event
   * names, single shared words, `New chat`): no rule about unsent text holds it later, only
   * the values do — the page knew it before the user typed it.
   */
  const RECORD_MS = 10000;
  const WORDISH = /[\p{L}\p{N}]/u;
  const LEAD_WORD = /^[\p{L}\p{N}]+/u;
  const isWordChar = (c) => c !== undefined && WORDISH.test(c);
  /** Recorded words and word pairs (lower case, as the text has them) → until when. */
  const edited = new Map();
  /** Deleted text: each deleted run of three characters or more → until when. */
  const deletedRuns = new Map();
  /** The windows (as above) around each deletion → until when. */
  const deletedWindows = new Map();
  /** Each message box's text at its last input, to tell what an edit changed. */
  const lastText = new WeakMap();
  /** Strings the page sent when the box held none of their words: its own vocabulary. */
  const siteOwn = new Set();
  const SITE_OWN_MAX = 64;

  /** The words of `t` between `from` and `to` (and touching them), and their pairs with each neighbour. */
  function noteWords(t, from, to, until) {
    let a = from;
    while (a > 0 && isWordChar(t[a - 1])) a -= 1;
    let c = Math.max(to, a);
    while (c < t.length && isWordChar(t[c])) c += 1;
    // One neighbour on each side.
    let b = a;
    while (b > 0 && !isWordChar(t[b - 1])) b -= 1;
    while (b > 0 && isWordChar(t[b - 1])) b -= 1;
    let d = c;
    while (d < t.length && !isWordChar(t[d])) d += 1;
    while (d < t.length && isWordChar(t[d])) d += 1;
    // The run without white space the edit is in (`+44`, `jane.doe@ex`), whole and up to the
    // caret: a completion reads the word as the site splits it.
    let l = from;
    while (l > 0 && t[l - 1] !== ' ') l -= 1;
    let r = Math.max(to, l);
    while (r < t.length && t[r] !== ' ') r += 1;
    for (const m of t.slice(l, r).matchAll(/\S+/g)) {
      edited.set(m[0], until);
      const cut = to - (l + m.index);
      if (cut > 0 && cut < m[0].length) edited.set(m[0].slice(0, cut), until);
    }
    const inEdit = (x) => x.end >= a && x.start <= c;
    // The words around the edit as they are, and cut at its end (the caret after typing): a
    // word typed into another (`ja` before `to` makes `jato`) is read as the part before the caret.
    for (const end of new Set([d, Math.max(to, b)])) {
      const words = [...t.slice(b, end).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ w: m[0], start: b + m.index, end: b + m.index + m[0].length }));
      words.forEach((x, i) => {
        if (inEdit(x)) edited.set(x.w, until);
        const y = words[i + 1];
        if (!y || !(inEdit(x) || inEdit(y))) return;
        // Neighbours: white space (one space, as the text is collapsed) and a little punctuation between.
        const gap = t.slice(x.end, y.start);
        const key = t.slice(x.start, y.end);
        if (gap.length <= 3 && gap.includes(' ') && key.length >= 4) edited.set(key, until);
      });
    }
  }

  /** Records what an input event changed in `editor`'s text (before the page's own listeners read it). */
  function noteEdit(editor) {
    const t = low(ns.textModel.read(editor).text);
    const prev = lastText.get(editor) ?? '';
    lastText.set(editor, t);
    if (t === prev) return;
    // The edit: what lies between the common start and the common end of the two texts.
    const max = Math.min(t.length, prev.length);
    let p = 0;
    while (p < max && t[p] === prev[p]) p += 1;
    let s = 0;
    while (s < max - p && t[t.length - 1 - s] === prev[prev.length - 1 - s]) s += 1;
    const until = Date.now() + RECORD_MS;
    noteWords(t, p, t.length - s, until);
    if (prev.length - s > p) {
      noteWords(prev, p, prev.length - s, until);
      const run = prev.slice(p, prev.length - s).trim();
      if (run.length >= 3) deletedRuns.set(run, until);
      const around = prev.slice(Math.max(0, p - WINDOW + 1), Math.min(prev.length, prev.length - s + WINDOW - 1));
      for (const w of piecesOfText(around).windows) deletedWindows.set(w, until);
    }
    forgetExpired();
  }

  function forgetExpired() {
    const now = Date.now();
    for (const m of [edited, deletedRuns, deletedWindows]) {
      for (const [k, until] of m) if (until < now) m.delete(k);
    }
  }

  /** Whether `key` is in `r` as whole words (no letter or digit right before or after it). */
  function hasWords(r, key) {
    for (let i = r.indexOf(key); i !== -1; i = r.indexOf(key, i + 1)) {
      if (!isWordChar(r[i - 1]) && !isWordChar(r[i + key.length])) return true;
    }
    return false;
  }

  /**
   * The piece of the edit record that `r` (one string of a request, lower case, spaces
   * collapsed) carries, or null: the deleted text or a window of it, a recorded word when `r`
   * is that word alone, a recorded pair of words in it.
   */
  function carriedEdit(r) {
    // A draft of the first keystrokes, also when they were deleted or typed over since.
    if (r.length <= SHORT && isRecent(r)) return r;
    for (const run of deletedRuns.keys()) if (r.includes(run)) return run;
    const w = deletedWindows.size ? windowIn(r, deletedWindows) : null;
    if (w) return w;
    if (!edited.size) return null;
    const alone = r.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (edited.has(alone)) return alone;
    if (edited.has(r.trim())) return r.trim();
    for (const key of edited.keys()) if (key.includes(' ') && hasWords(r, key)) return key;
    return null;
  }

  /**
   * Whether a request string `r` carries what a message box held a moment ago and the user has
   * not sent (a piece of a text they sent, or the words of one, is no secret from the site).
   */
  function carriesEdited(r, sent) {
    const piece = carriedEdit(r);
    return piece !== null && !sent.some((a) => a.includes(piece));
  }

  /** Remembers the short strings of a request that went while the box held none of their words. */
  function noteSiteOwn(strings, boxes) {
    for (const r of strings) {
      if (r.length > SITE_OWN_MAX || siteOwn.has(r)) continue;
      const words = r.match(/[\p{L}\p{N}]+/gu);
      if (!words || words.some((w) => boxes.some((b) => hasWords(b, w)))) continue;
      siteOwn.add(r);
      if (siteOwn.size > 2000) siteOwn.delete(siteOwn.values().next().value);
    }
  }

  /**
   * Whether `r` (one string of a request, lower case, spaces collapsed) carries unsent text of
   * a message box: it holds the whole text (three characters or more), or the text's start
   * (three characters or more: a draft read some keystrokes ago), or it shares a window with
   * it (above). What the box held a moment ago is the edit record's (below).
   */
  function carriesUnsent(r, pieces) {
    if (!r) return false;
    const { text, windows } = pieces;
    if (text.length >= 3 && r.includes(text)) return true;
    if (r.length >= 3 && text.startsWith(r)) return true;
    return windowIn(r, windows) !== null;
  }

  /** The unsent texts of the message boxes (a text the user just agreed to send is sent). */
  function unsentTexts() {
    const out = [];
    for (const editor of state.keys()) {
      if (!editor.isConnected) continue;
      const { text } = ns.textModel.read(editor);
      if (text.trim() && !approved.includes(norm(text))) out.push(text);
    }
    return out;
  }

  /**
   * Any other request the page makes (draft sync, token counters, telemetry, Mistral's tRPC):
   * refused when one of its strings carries text of a message box that has not been sent
   * (unless the user opened this site's drafts), or holds a value typed into a message box that
   * the user has not agreed to send — one that is in no text they sent (as typed, or a value
   * they let through) — or the start of one, now or earlier on this page, or the start of the
   * word a message box is typing (in the text, or alone).
   */
  async function composerVerdict(texts) {
    const strings = texts.filter((t) => typeof t === 'string').map(low);
    if (draftHeld(strings)) return false;
    return valuesVerdict(strings, await composerHolds());
  }

  /**
   * The same at once, for an address the page is setting (an image's, a stylesheet's: it
   * cannot wait for the engine): the values from what was scanned already. A text not scanned
   * yet is covered by the rules about unsent text when drafts are closed; where they are open
   * the request is held until it is.
   */
  function composerVerdictNow(texts) {
    if (quiet()) return true;
    const strings = texts.filter((t) => typeof t === 'string').map(low);
    if (draftHeld(strings)) return false;
    const holds = holdsNow();
    if (holds.missing.length && draftsOpen) {
      composerHolds().catch(() => {});
      return false;
    }
    return valuesVerdict(strings, holds);
  }

  /** Bumped when a value joins `typed` (its order changes on every request; that does not count). */
  let typedVersion = 0;
  /** `[typedVersion, approvedVersion, every typed value sent]` as last worked out. */
  let typedSent = [-1, -1, false];

  /**
   * The fast path of the check at once: true when no rule can hold any string — no message box
   * holds text (drafts open or closed), the edit record and the short drafts have expired, and
   * every value typed on this page is in a text the user agreed to send. That is the page after
   * a message went and the last edit is RECORD_MS old, or before anything was typed, when sites
   * fire most of their pixels; it answers without reading the request's strings, the message
   * boxes' DOM or the values. It is conservative: a box whose raw text is not blank counts as
   * holding text even when it holds a text the user just agreed to send. Everything it lets
   * through, the full check lets through (tests/extension/fastpath.test.mjs compares them over
   * generated addresses).
   */
  function quiet() {
    for (const editor of state.keys()) {
      if (editor.isConnected && (editor.value ?? editor.textContent ?? '').trim()) return false;
    }
    forgetExpired();
    if (edited.size || deletedRuns.size || deletedWindows.size) return false;
    const since = Date.now() - RECENT_MS;
    if (recent.some((x) => x.at >= since)) return false;
    if (typedSent[0] !== typedVersion || typedSent[1] !== approvedVersion) {
      const sent = approved.map((a) => a.toLowerCase());
      typedSent = [typedVersion, approvedVersion, [...typed].every((v) => sent.some((a) => a.includes(v)))];
    }
    return typedSent[2];
  }

  /**
   * Whether one of `strings` (lower case) carries unsent text of a message box, now or a
   * moment ago, while this site's drafts are closed. No engine needed: the text itself,
   * scanned or not, found in or not — in the strings that are not the page's own (sent before
   * the box held any of their words).
   */
  function draftHeld(strings) {
    if (draftsOpen) return false;
    const boxes = unsentTexts();
    const theirs = strings.filter((t) => !siteOwn.has(t));
    for (const u of boxes) {
      const pieces = unsentPieces(u);
      if (theirs.some((t) => carriesUnsent(t, pieces))) return true;
    }
    // … and what the boxes held a moment ago (the edit record).
    forgetExpired();
    const sentLow = approved.map((a) => a.toLowerCase());
    if (theirs.some((t) => carriesEdited(t, sentLow))) return true;
    noteSiteOwn(theirs, boxes.map(low));
    return false;
  }

  /**
   * Whether `t` ends in a start of the value `v` (MIN_VALUE characters or more) that starts a
   * word of `t` — or is one.
   */
  function endsInStartOf(t, v) {
    const head = v.slice(0, MIN_VALUE);
    for (let i = t.indexOf(head, Math.max(0, t.length - v.length)); i !== -1; i = t.indexOf(head, i + 1)) {
      if ((i === 0 || !isWordChar(t[i - 1])) && v.startsWith(t.slice(i))) return true;
    }
    return false;
  }

  /** Whether none of `strings` holds a value typed and not sent, the start of one, or of the word being typed. */
  function valuesVerdict(strings, { values, anchors, words, ends }) {
    for (const v of [...values, ...anchors]) {
      if (!typed.delete(v)) typedVersion += 1;
      typed.add(v);
    }
    for (const v of values) typedValues.add(v);
    while (typed.size > 400) typed.delete(typed.values().next().value);
    for (const v of typedValues) if (!typed.has(v)) typedValues.delete(v);
    const sent = approved.map((a) => a.toLowerCase());
    const unsent = (v) => !sent.some((a) => a.includes(v));
    const held = [...typed, ...words].filter(unsent);
    const starts = [...typedValues].filter(unsent);
    return !strings.some((t) => held.some((v) => t.includes(v))
      // A string that is the start of a value (read before it was whole, checked after), or
      // ends in one after a word or two (`mail jane`, read while `jane.doe@…` was typed) …
      || (t.length >= MIN_VALUE && starts.some((v) => endsInStartOf(t, v)))
      // … or of the word being typed at the end, alone: from two characters on, and its first
      // one while the word is that short (read a keystroke or two ago) …
      || ends.some((w) => w.startsWith(t) && (t.length >= 2 || w.length <= 3))
      // … or its first word as a word, after fewer characters than its start above holds
      // (`mail jane` while `jane.doe@ex` is typed: a suggestion from the words before the caret).
      || ends.some((w) => {
        const lead = LEAD_WORD.exec(w)?.[0];
        return lead !== undefined && lead.length >= MIN_VALUE && hasWords(t, lead);
      }));
  }

  addEventListener('pii-airlock-check', async (e) => {
    let req;
    try { req = JSON.parse(e.detail); } catch { return; }
    if (typeof req?.id !== 'string' || !Array.isArray(req.texts)) return;
    let ok = true;
    if (req.kind === 'now') {
      // Answered before this handler returns: the page's setter is waiting on it.
      try {
        ok = !enabled || composerVerdictNow(req.texts);
      } catch {
        ok = false;
      }
      dispatchEvent(new CustomEvent('pii-airlock-verdict', { detail: JSON.stringify({ id: req.id, ok }) }));
      if (!ok) stats.withheld += 1;
      return;
    }
    if (enabled) {
      try {
        ok = await (req.kind === 'composer' ? composerVerdict(req.texts) : chatVerdict(req.texts));
      } catch {
        ok = false;
      }
    }
    dispatchEvent(new CustomEvent('pii-airlock-verdict', { detail: JSON.stringify({ id: req.id, ok }) }));
    if (ok) return;
    // A message sent around the composer is told; what the site reads while you type (a
    // request per keystroke) is held back quietly and counted for the popup.
    if (req.kind === 'composer') stats.withheld += 1;
    else ns.dialog.notice('bypass');
  });

  // ---- send ---------------------------------------------------------------------------------

  /**
   * Buttons a site labels by their text alone: the "Send" / "Save" of the box that edits an
   * already sent message (ChatGPT, Claude), which resends it without passing the composer.
   */
  const SEND_WORDS = /^(send|save|submit|update|save and submit|senden|absenden|speichern|envoyer|enregistrer|enviar|guardar)$/i;
  const textSend = (b) => SEND_WORDS.test((b.getAttribute('aria-label') || b.textContent || '').trim());

  function findSend(editor) {
    // A field in a dialog (settings, custom instructions) is saved, not sent: its "Save" is not
    // a send button.
    const inDialog = editor.closest('dialog, [role="dialog"]');
    // The nearest send button: inside the composer's form or container, else anywhere. At each
    // level the site's own send button comes first: a generic match earlier in the page (a
    // search form's submit) is not the composer's.
    const own = (root) => (adapter.siteSend && root.querySelector(adapter.siteSend)) || root.querySelector(adapter.send);
    for (let up = editor.parentElement; up && up !== document.body; up = up.parentElement) {
      const b = own(up) ?? (inDialog ? null : [...up.querySelectorAll('button')].find(textSend));
      if (b) return b;
    }
    return own(document);
  }

  /**
   * The editor `button` sends: an attached one whose nearest send button it is, else the nearest
   * editor around it (an edit box the user opened and sends without typing into it).
   */
  function editorForButton(button) {
    const known = [...state.keys()].find((ed) => ed.isConnected && findSend(ed) === button);
    if (known) return known;
    for (let up = button.parentElement; up && up !== document.body; up = up.parentElement) {
      for (const e of up.querySelectorAll(adapter.fallbackEditor)) {
        const ed = ns.adapters.editorOf(adapter, e);
        if (ed && findSend(ed) === button) return ed;
      }
    }
    return null;
  }

  /** Sends again with our own hooks out of the way: the send button, or the Enter key. */
  async function resend(editor, how) {
    await new Promise((r) => setTimeout(r, 60)); // let the site's framework see the new text
    bypass = true;
    try {
      const button = how.button ?? findSend(editor);
      if (button && !button.disabled) {
        button.click();
      } else {
        editor.dispatchEvent(new KeyboardEvent('keydown', {
          key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true,
          ctrlKey: how.ctrlKey ?? false, metaKey: how.metaKey ?? false,
        }));
      }
    } finally {
      bypass = false;
    }
  }

  async function onSend(editor, how) {
    busy = true;
    try {
      const text = ns.textModel.read(editor).text;
      let prep;
      try {
        prep = await ask({ type: 'prepare', text });
        if (!prep.ok) throw new Error(prep.reason);
      } catch {
        await ns.dialog.notice('failed', editor);
        return;
      }
      let decision = 'redacted';
      if (prep.findings.some((f) => f.needsDecision)) {
        decision = await ns.dialog.consent({ text, findings: prep.findings, allowAsTyped: prep.allowAsTyped, strings: prep.strings, returnFocus: editor });
      }
      if (decision === 'edit' || decision === 'cancelled') {
        editor.focus();
        return;
      }
      let res;
      if (prep.findings.length === 0) {
        res = { ok: true, text, changed: false };
      } else {
        try {
          res = await ask({ type: 'commit', conv, text, decision });
        } catch {
          res = { ok: false, reason: 'engine' };
        }
      }
      if (!res.ok) {
        if (res.reason !== 'cancelled' && res.reason !== 'edit') await ns.dialog.notice(res.reason === 'policy-block' ? 'blocked' : 'failed', editor);
        return;
      }
      if (res.changed) {
        await replaceContent(editor, res.text);
        await new Promise((r) => setTimeout(r, 0));
        if (!same(ns.textModel.read(editor).text, res.text)) {
          // The editor did not take the new text: sending now could send the original.
          await ns.dialog.notice('notChanged', editor);
          return;
        }
        stats.replaced += 1;
        ns.restore.refresh();
      }
      approve(res.text);
      stats.sent += 1;
      for (const f of prep.findings) stats.found[f.entity] = (stats.found[f.entity] ?? 0) + 1;
      await resend(editor, how);
      entry(editor).findings = [];
      scheduleScan(editor);
    } finally {
      busy = false;
    }
  }

  function editorFromEvent(e) {
    for (const t of e.composedPath()) {
      const ed = t instanceof Element ? ns.adapters.editorOf(adapter, t) : null;
      if (ed) return ed;
    }
    return null;
  }

  addEventListener('keydown', (e) => {
    if (!enabled || bypass || e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey) return;
    const editor = editorFromEvent(e);
    if (!editor) return;
    // A field in a dialog (settings, custom instructions) that is not the site's composer is
    // saved with its own button: Enter there is a new line.
    if (editor.closest('dialog, [role="dialog"]') && !editor.matches(adapter.editor)) return;
    // A textarea without a modifier may be a plain newline on some sites; Enter sends on all the
    // built-in ones, and a generic page that uses Enter for newlines sends with the button.
    if (!ns.textModel.read(editor).text.trim()) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (busy) return;
    onSend(editor, { ctrlKey: e.ctrlKey, metaKey: e.metaKey });
  }, true);

  const onButton = (e) => {
    if (!enabled || bypass) return;
    const button = e.target instanceof Element ? e.target.closest(`${adapter.send}, button`) : null;
    if (!button || !(button.matches(adapter.send) || textSend(button))) return;
    const editor = editorForButton(button);
    if (!editor || !ns.textModel.read(editor).text.trim()) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type === 'click' && !busy) onSend(editor, { button });
  };
  addEventListener('click', onButton, true);
  addEventListener('pointerdown', onButton, true);
  addEventListener('mousedown', onButton, true);
  addEventListener('submit', (e) => {
    if (!enabled || bypass) return;
    const editor = [...state.keys()].find((ed) => ed.isConnected && e.target.contains(ed));
    if (!editor || !ns.textModel.read(editor).text.trim()) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (!busy) onSend(editor, {});
  }, true);

  // ---- paste ----------------------------------------------------------------------------------

  addEventListener('paste', (e) => {
    if (!enabled || bypass) return;
    // A copied file pasted: sites attach it, as they do a dropped one.
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.some(isTextFile)) {
      holdFiles(e, files, (dt) => new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true }));
      return;
    }
    const editor = editorFromEvent(e);
    const text = e.clipboardData?.getData('text/plain');
    if (!editor || !text) return;
    // The paste is held while the engine looks at it; it lands through the editor's input path.
    e.preventDefault();
    e.stopImmediatePropagation();
    onPaste(editor, text);
  }, true);

  /**
   * Text about to land in the page (a paste, a drop, a text file): checked, and with findings
   * held in `dialog` (`ns.dialog.paste` or `.file`) until the user chose. Resolves to the text to
   * let in (as it is, or with placeholders), or null when nothing is to land: cancelled, or the
   * engine could not check or rewrite it (fail closed; the user is told).
   */
  async function holdText(text, editor, dialog) {
    let prep;
    try {
      prep = await ask({ type: 'prepare', text });
      if (!prep.ok) throw new Error('engine');
    } catch {
      await ns.dialog.notice('failed', editor);
      return null;
    }
    if (!prep.findings.length) return text;
    const choice = await dialog({ text, findings: prep.findings, strings: prep.strings, returnFocus: editor });
    if (choice === 'cancelled') return null;
    if (choice !== 'redacted') return text;
    let res;
    try {
      res = await ask({ type: 'commit', conv, text, decision: 'redacted' });
    } catch {
      res = { ok: false, reason: 'engine' };
    }
    if (!res.ok) {
      await ns.dialog.notice(res.reason === 'policy-block' ? 'blocked' : 'failed', editor);
      return null;
    }
    ns.restore.refresh();
    return res.text;
  }

  /** `place()`, if given, puts the caret where the text goes (a drop's point) before it lands. */
  async function onPaste(editor, text, place) {
    const insert = await holdText(text, editor, ns.dialog.paste);
    if (insert === null) return;
    editor.focus();
    place?.();
    bypass = true;
    try {
      if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) document.execCommand('insertText', false, insert);
      else insertLines(insert);
    } finally {
      bypass = false;
    }
    scheduleScan(editor);
  }

  // ---- drops -------------------------------------------------------------------------------

  /**
   * Text dropped into a composer lands there like a paste, so it is held like one: the same
   * dialog, then it goes in at the point where it was dropped. A drag that started in the same
   * editor (moving its own text) is left to the editor.
   */
  let dragFrom = null;
  addEventListener('dragstart', (e) => { dragFrom = editorFromEvent(e); }, true);
  addEventListener('dragend', () => { dragFrom = null; }, true);

  addEventListener('drop', (e) => {
    if (!enabled || bypass || !e.dataTransfer) return;
    const files = [...e.dataTransfer.files];
    if (files.length) {
      // Files dropped anywhere: sites take them as attachments from a page-wide drop zone.
      if (!files.some(isTextFile)) return;
      const { clientX, clientY } = e;
      holdFiles(e, files, (dt) => new DragEvent('drop', { dataTransfer: dt, clientX, clientY, bubbles: true, cancelable: true, composed: true }));
      return;
    }
    const editor = editorFromEvent(e);
    const text = e.dataTransfer.getData('text/plain');
    if (!editor || !text || dragFrom === editor) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const { clientX, clientY } = e;
    onPaste(editor, text, () => {
      if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return;
      const at = document.caretRangeFromPoint?.(clientX, clientY);
      if (at && editor.contains(at.startContainer)) {
        const sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(at);
      }
    });
  }, true);

  // ---- text files attached --------------------------------------------------------------------

  /** Text files, read and checked before the site takes them; other files are not read. */
  const TEXT_NAME = /\.(txt|text|csv|tsv|md|markdown|json|jsonl|ndjson|log|xml|ya?ml|ini|toml|env|html?|eml|vcf|ics|sql)$/i;
  const isTextFile = (f) => f.type.startsWith('text/') || /^application\/([\w.+-]*\+)?(json|xml|x-ndjson|sql)$/.test(f.type) || TEXT_NAME.test(f.name);
  /** Past this size a text file is not read (nor attached): the engine host scans it whole. */
  const MAX_FILE = 4 * 1024 * 1024;

  /**
   * Reads and checks the text files among `files`; resolves to the files to hand to the site
   * (text files with findings replaced by their redacted text if the user chose so), or null
   * when nothing is to be attached: cancelled, or a text file that could not be read or
   * checked (fail closed).
   */
  async function checkFiles(files, editor) {
    const out = [];
    for (const f of files) {
      if (!isTextFile(f)) {
        out.push(f);
        continue;
      }
      let text;
      try {
        if (f.size > MAX_FILE) throw new Error('size');
        text = new TextDecoder('utf-8', { fatal: true }).decode(await f.arrayBuffer());
      } catch {
        await ns.dialog.notice('fileUnreadable', editor);
        return null;
      }
      const kept = await holdText(text, editor, (o) => ns.dialog.file({ ...o, name: f.name }));
      if (kept === null) return null;
      out.push(kept === text ? f : new File([kept], f.name, { type: f.type, lastModified: f.lastModified }));
    }
    return out;
  }

  /**
   * Holds an event that carries text files (a drop, a paste): stopped now, dispatched again to
   * the same target, made by `again(dataTransfer)`, with the files the user chose to attach.
   */
  function holdFiles(e, files, again) {
    e.preventDefault();
    e.stopImmediatePropagation();
    const { target } = e;
    checkFiles(files, editorFromEvent(e)).then((out) => {
      if (!out) return;
      const dt = new DataTransfer();
      for (const f of out) dt.items.add(f);
      redispatch(target, again(dt));
    });
  }

  /** Dispatches `event` to the page's own listeners, past this script's. */
  function redispatch(target, event) {
    bypass = true;
    try {
      target.dispatchEvent(event);
    } finally {
      bypass = false;
    }
  }

  /**
   * A file input's `input` and `change` events are held while its text files are checked (the
   * site reads the files when they fire); then the input holds what the user chose to attach
   * and the events fire again, or it is emptied.
   */
  const held = new WeakSet();
  const onFileInput = (e) => {
    const input = e.target;
    if (!enabled || bypass || !(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
    const files = [...input.files];
    if (!files.some(isTextFile)) return;
    e.stopImmediatePropagation();
    if (held.has(input)) return;
    held.add(input);
    // "input" comes first, "change" right after: both wait for the one check.
    setTimeout(async () => {
      let out = null;
      try {
        out = await checkFiles(files, editorFromEvent({ composedPath: () => [document.activeElement] }));
      } finally {
        held.delete(input);
      }
      if (!out) {
        input.value = '';
        return;
      }
      const dt = new DataTransfer();
      for (const f of out) dt.items.add(f);
      input.files = dt.files;
      redispatch(input, new Event('input', { bubbles: true, composed: true }));
      redispatch(input, new Event('change', { bubbles: true }));
    }, 0);
  };
  addEventListener('input', onFileInput, true);
  addEventListener('change', onFileInput, true);

  // ---- attaching ------------------------------------------------------------------------------

  addEventListener('input', (e) => {
    if (!enabled) return;
    const editor = editorFromEvent(e);
    if (!editor) return;
    scheduleScan(editor);
    // Before the page's own listeners (this one captures): what a draft of it would carry.
    if (!draftsOpen) {
      noteShort(editor);
      noteEdit(editor);
    }
  }, true);
  addEventListener('focusin', (e) => {
    if (!enabled) return;
    const editor = editorFromEvent(e);
    if (editor && !state.has(editor)) scheduleScan(editor);
  }, true);

  // The popup asks what was found here, and to forget this conversation.
  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id) return false;
    if (msg?.type === 'page-stats') {
      // What was sent from this page, plus what the composers hold now.
      const found = { ...stats.found };
      for (const s of state.values()) for (const f of s.findings) found[f.entity] = (found[f.entity] ?? 0) + 1;
      sendResponse({ site: adapter.id, enabled, conv, origin: location.origin, found, sent: stats.sent, replaced: stats.replaced, withheld: stats.withheld, restored: ns.restore.count(), highlighted: ns.highlight.count() });
    } else if (msg?.type === 'page-forgot') {
      ns.restore.undo();
      sendResponse({ ok: true });
    }
    return false;
  });

  async function boot() {
    const { settings = {} } = await chrome.storage.local.get('settings');
    let disabled = settings.disabledSites ?? [];
    try {
      const m = await chrome.storage.managed.get('disabledSites');
      if (Array.isArray(m?.disabledSites)) disabled = disabled.concat(m.disabledSites);
    } catch { /* no managed storage */ }
    enabled = !disabled.includes(adapter.id);
    if (!enabled) return;
    // Closed unless the user opened this site's drafts, and never when the organisation closed them.
    let closed = false;
    try {
      closed = (await chrome.storage.managed.get('closeDrafts'))?.closeDrafts === true;
    } catch { /* no managed storage */ }
    draftsOpen = !closed && (settings.openDrafts ?? []).includes(adapter.id);
    ns.restore.start(adapter.answers, restoreTexts);
    // Warm the engine up now, off the keystroke path (the worker may have been stopped).
    ask({ type: 'ping' }).catch(() => {});
    const active = document.activeElement && editorFromEvent({ composedPath: () => [document.activeElement] });
    if (active) scheduleScan(active);
  }
  boot();
})();
