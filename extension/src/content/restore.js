// Restore in the page: placeholders this conversation issued ([EMAIL_ADDRESS_1]) are shown with
// their real values in the rendered answers, each in a marker element so the user can see what
// was put back. Only text nodes are changed: never a link (its text could become its URL in a
// copy, and a value must never reach one), an attribute, a form field or an editor.
'use strict';

(() => {
  const ns = (globalThis.piiAirlock ??= {});
  const TOKEN = /\[[A-Z][A-Z0-9_]*_[0-9]{1,6}\]/g;
  const SKIP = 'a, script, style, noscript, textarea, input, select, option, button, [contenteditable]:not([contenteditable="false"]), [data-pii-airlock-ui], .pii-airlock-restored, svg, math';

  /**
   * A streamed answer is one text node the page keeps writing to; replacing it mid-stream
   * would leave the page writing to a detached node (the rest of the answer never shows). So a
   * node is restored only once it is outside a streaming message and has not changed for a while.
   */
  const STABLE_MS = 250;
  const STREAMING = '.result-streaming, [data-is-streaming="true"], [aria-busy="true"]';
  const seen = new WeakMap();

  let pairs = {};
  /** Each marker → the placeholder it stands for, to put back when the vault is forgotten. */
  const tokens = new WeakMap();
  const marks = new Set();
  let selector = 'body';
  let restored = 0;

  function restoreNode(node) {
    const data = node.data;
    TOKEN.lastIndex = 0;
    let m;
    let last = 0;
    let frag = null;
    while ((m = TOKEN.exec(data))) {
      const value = Object.hasOwn(pairs, m[0]) ? pairs[m[0]] : undefined;
      if (typeof value !== 'string') continue;
      frag ??= document.createDocumentFragment();
      if (m.index > last) frag.append(document.createTextNode(data.slice(last, m.index)));
      const mark = document.createElement('mark');
      mark.className = 'pii-airlock-restored';
      // The placeholder the model saw, for the screen reader and on hover; the value only as text.
      mark.title = `${m[0]} (restored by pii-airlock)`;
      mark.append(document.createTextNode(value));
      tokens.set(mark, m[0]);
      marks.add(new WeakRef(mark));
      frag.append(mark);
      last = m.index + m[0].length;
      restored += 1;
    }
    if (!frag) return;
    if (last < data.length) frag.append(document.createTextNode(data.slice(last)));
    node.replaceWith(frag);
  }

  const hasIssued = (data) => (data.match(TOKEN) ?? []).some((t) => Object.hasOwn(pairs, t));

  function pass() {
    if (!Object.keys(pairs).length) return;
    const now = performance.now();
    let waiting = false;
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.data.includes('[') && !n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
      });
      const ready = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!hasIssued(n.data)) continue;
        const last = seen.get(n);
        if (!last || last.data !== n.data) {
          seen.set(n, { data: n.data, since: now });
          waiting = true;
        } else if (now - last.since < STABLE_MS || n.parentElement.closest(STREAMING)) {
          waiting = true;
        } else {
          ready.push(n);
        }
      }
      ready.forEach(restoreNode);
    }
    if (waiting) setTimeout(schedule, STABLE_MS);
  }

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => { scheduled = false; pass(); }, 30);
  };

  const observer = new MutationObserver(schedule);

  /** Starts restoring answers under `answers` (a selector) with the conversation's pairs. */
  function start(answers) {
    selector = answers || 'body';
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  function setPairs(p) {
    pairs = p && typeof p === 'object' ? p : {};
    schedule();
  }

  /** Puts the placeholders back where values were restored ("forget this conversation"). */
  function undo() {
    pairs = {};
    for (const ref of marks) {
      const mark = ref.deref();
      if (mark?.isConnected) mark.replaceWith(document.createTextNode(tokens.get(mark)));
    }
    marks.clear();
    restored = 0;
  }

  ns.restore = { start, setPairs, undo, count: () => restored, pass };
})();
