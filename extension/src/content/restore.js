// Restore in the page: the conversation's placeholders ([EMAIL_ADDRESS_1]) and surrogates in
// the rendered answers are shown with the real values, each in a marker element so the user
// can see what was put back, drawn in a closed shadow root: the page's DOM keeps what the model
// wrote, so the site's own scripts (and its analytics and session replay) do not get the values
// back from the page. The engine host restores (the conversation's vault and the
// engine's restore rules: never into a URL); this script only decides where it may (text nodes
// of answers: never a link, whose text could become its URL in a copy, an attribute, a form
// field or an editor) and marks what changed.
'use strict';

(() => {
  const ns = (globalThis.piiAirlock ??= {});
  const SKIP = 'a, script, style, noscript, textarea, input, select, option, button, [contenteditable]:not([contenteditable="false"]), [data-pii-airlock-ui], .pii-airlock-restored, svg, math';

  /**
   * A streamed answer is one text node the page keeps writing to; replacing it mid-stream
   * would leave the page writing to a detached node (the rest of the answer never shows). So a
   * node is restored only once it is outside a streaming message and has not changed for a while.
   */
  const STABLE_MS = 250;
  const STREAMING = '.result-streaming, [data-is-streaming="true"], [aria-busy="true"]';
  const seen = new WeakMap();
  /** Node → { data, generation } it was last sent to the engine host with. */
  const checked = new WeakMap();
  /** Bumped when the conversation's vault may have grown: every node is asked about again. */
  let generation = 0;

  /** Each marker → the text the model wrote there, to put back when the vault is forgotten. */
  const originals = new WeakMap();
  const marks = new Set();
  let selector = 'body';
  let restorer = async (texts) => texts;
  let restored = 0;
  let inFlight = false;
  let again = false;

  const WORD = /(\s+)/;
  /** Past this many token pairs the alignment falls back to one changed span. */
  const MAX_CELLS = 250_000;

  /**
   * Where `to` (the restored text) differs from `from` (the text shown): [{ text, was? }],
   * `was` set on the parts that were put back. Restoring replaces whole placeholders and
   * surrogates and leaves the rest as it was, so aligning the whitespace-separated words (a
   * longest common subsequence) finds them; the punctuation each changed run shares with what
   * it replaced at its ends (a comma after a placeholder) stays unmarked.
   */
  function segments(from, to) {
    const a = from.split(WORD);
    const b = to.split(WORD);
    const out = [];
    // Only spaces and punctuation: a surrogate may share more with its value (a domain).
    const edge = (c) => /[\s\p{P}]/u.test(c);
    const push = (same, was, now) => {
      if (same) out.push({ text: same });
      if (!now) return;
      let p = 0;
      while (p < was.length && p < now.length && was[p] === now[p] && edge(now[p])) p += 1;
      let q = 0;
      while (q < was.length - p && q < now.length - p && was[was.length - 1 - q] === now[now.length - 1 - q] && edge(now[now.length - 1 - q])) q += 1;
      if (p) out.push({ text: now.slice(0, p) });
      out.push({ text: now.slice(p, now.length - q), was: was.slice(p, was.length - q) });
      if (q) out.push({ text: now.slice(now.length - q) });
    };
    if (a.length * b.length > MAX_CELLS) {
      push('', from, to);
      return out;
    }
    // lcs[i][j]: common words of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i -= 1) {
      for (let j = b.length - 1; j >= 0; j -= 1) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    let was = '';
    let now = '';
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        push('', was, now);
        was = '';
        now = '';
        out.push({ text: a[i] });
        i += 1;
        j += 1;
      } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        now += b[j];
        j += 1;
      } else {
        was += a[i];
        i += 1;
      }
    }
    push('', was, now);
    return out.filter((s) => s.text);
  }

  /**
   * The markers' own style. The value is generated content (`::before`), not text: find-in-page
   * (`window.find`, which walks into closed shadow roots and selects what it finds, so a page
   * could find "@" and extend the selection over the rest) and selections do not reach it, while
   * it is drawn and in the accessibility tree. The slot carries the placeholder the page's DOM
   * holds, there but visually hidden, so a copy of the answer holds what the model wrote. The
   * value is drawn in the browser's generic font, reset of the text properties a page could set
   * to measure it glyph by glyph (its own font, ligatures, spacing); its colour and size are the
   * answer's.
   */
  const SHEET = `
    .v { all: initial; font-family: system-ui, sans-serif; font-size: inherit; line-height: inherit; color: inherit; }
    .v::before { content: var(--pii-airlock-value); }
    .copy { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`;
  let sheet = null;

  /**
   * A restored value, drawn where the page's own scripts cannot read it: the page's DOM gets a
   * `<span>` holding what the model wrote (the placeholder or surrogate the site already has),
   * and the value is drawn from a closed shadow root this isolated world attaches. The page's
   * scripts (another JavaScript world: they neither see this script's references nor share its
   * `Element.prototype`) get `null` from `shadowRoot`; `textContent`, the HTML serialisers, `innerText`,
   * mutation records, selections and events' `composedPath()` show them the placeholder.
   * `span`: the one inline element a shadow root can be attached to.
   */
  function marker(value, was) {
    const host = document.createElement('span');
    host.className = 'pii-airlock-restored';
    // What the model wrote, for the screen reader and on hover; the value only as text.
    host.title = `${was} (restored by pii-airlock)`;
    host.append(document.createTextNode(was));
    const root = host.attachShadow({ mode: 'closed' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(SHEET);
    }
    root.adoptedStyleSheets = [sheet];
    const shown = ns.drawn(value, 'v');
    // A slot is display: contents; the span around it is what is hidden.
    const copy = document.createElement('span');
    copy.className = 'copy';
    copy.setAttribute('aria-hidden', 'true');
    copy.append(document.createElement('slot'));
    root.append(shown, copy);
    originals.set(host, was);
    marks.add(new WeakRef(host));
    return host;
  }

  function replaceNode(node, to) {
    const frag = document.createDocumentFragment();
    for (const s of segments(node.data, to)) {
      if (s.was === undefined) {
        frag.append(document.createTextNode(s.text));
        continue;
      }
      frag.append(marker(s.text, s.was));
      restored += 1;
    }
    node.replaceWith(frag);
  }

  async function pass() {
    if (inFlight) {
      again = true;
      return;
    }
    const now = performance.now();
    let waiting = false;
    const ready = [];
    // The site's answer containers; the whole page when none is found (a redesign renamed
    // them, or the site marks none): the composer, links and form fields are skipped anyway.
    const found = document.querySelectorAll(selector);
    for (const root of found.length ? found : document.body ? [document.body] : []) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.data.trim() && !n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const c = checked.get(n);
        if (c && c.data === n.data && c.generation === generation) continue;
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
    }
    if (ready.length) {
      inFlight = true;
      const texts = ready.map((n) => n.data);
      const gen = generation;
      try {
        const out = await restorer(texts);
        // Forgotten (or the conversation changed) while asking: this answer no longer applies,
        // the next pass asks again.
        if (gen !== generation) {
          again = true;
        } else {
          ready.forEach((n, k) => {
            checked.set(n, { data: texts[k], generation: gen });
            // Changed meanwhile (or gone): asked about again on the next pass.
            if (!n.isConnected || n.data !== texts[k] || typeof out?.[k] !== 'string' || out[k] === texts[k]) return;
            replaceNode(n, out[k]);
          });
        }
      } catch {
        // The engine host did not answer: the placeholders stay visible (the safe side).
      } finally {
        inFlight = false;
      }
    }
    if (again) {
      again = false;
      schedule();
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

  /**
   * Starts restoring answers under `answers` (a selector); `restore(texts)` resolves to the
   * texts with the conversation's values back.
   */
  function start(answers, restore) {
    selector = answers || 'body';
    restorer = restore;
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    schedule();
  }

  /** The conversation (or its vault) changed: ask about every answer again. */
  function refresh() {
    generation += 1;
    schedule();
  }

  /** Puts back what the model wrote where values were restored ("forget this conversation"). */
  function undo() {
    generation += 1;
    for (const ref of marks) {
      const mark = ref.deref();
      if (mark?.isConnected) mark.replaceWith(document.createTextNode(originals.get(mark)));
    }
    marks.clear();
    restored = 0;
  }

  ns.restore = { start, refresh, undo, count: () => restored, pass, segments };
})();
