// Highlights in the page, without WebAssembly (the page's CSP governs a content script's) and
// without touching the editor's DOM: CSS Custom Highlights over the editor's own text nodes, or,
// for a textarea (whose text has no nodes), over a transparent mirror laid on top of it.
'use strict';

(() => {
  const ns = (globalThis.piiAirlock ??= {});
  /**
   * The package's four mark states (pkg/index.d.ts `MarkState`) under the extension's own
   * prefix: highlight names are global to the document, and a site that uses the package itself
   * registers `pii-airlock-<state>`; neither may clear the other's.
   */
  const STATES = ['replace', 'ask', 'block', 'shown'];
  const NAME = (state) => `pii-airlock-ext-${state}`;

  /** How a finding is drawn, as the package decides it: its policy action and whether it is asked. */
  function stateOf(f) {
    if (f.needsDecision) return 'ask';
    if (f.action === 'block') return 'block';
    if (f.action === 'highlight' || f.action === 'allow') return 'shown';
    return 'replace';
  }

  /** Ranges of every attached editor, by element. */
  const painted = new Map();

  function repaint() {
    if (!globalThis.CSS?.highlights) return;
    const by = Object.fromEntries(STATES.map((s) => [s, []]));
    for (const { ranges } of painted.values()) {
      for (const { range, state } of ranges) by[state].push(range);
    }
    for (const s of STATES) CSS.highlights.set(NAME(s), new Highlight(...by[s]));
  }

  const MIRRORED = ['font', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent', 'tabSize',
    'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
    'borderBottomWidth', 'borderLeftWidth', 'boxSizing', 'direction', 'overflowWrap', 'whiteSpace'];

  /** A transparent copy of a textarea's text, placed exactly over it, whose text nodes can be highlighted. */
  function mirror(textarea) {
    const m = document.createElement('div');
    m.className = 'pii-airlock-mirror';
    m.setAttribute('aria-hidden', 'true');
    m.dataset.piiAirlockUi = '';
    const text = document.createTextNode('');
    m.append(text);
    document.documentElement.append(m);
    const place = () => {
      const cs = getComputedStyle(textarea);
      for (const p of MIRRORED) m.style[p] = cs[p];
      if (textarea instanceof HTMLTextAreaElement) m.style.whiteSpace = 'pre-wrap';
      const r = textarea.getBoundingClientRect();
      // Fixed to the viewport: chat composers usually are, and any scroll re-places it.
      m.style.left = `${r.left}px`;
      m.style.top = `${r.top}px`;
      m.style.width = `${r.width}px`;
      m.style.height = `${r.height}px`;
      m.scrollTop = textarea.scrollTop;
      m.scrollLeft = textarea.scrollLeft;
    };
    const ro = new ResizeObserver(place);
    ro.observe(textarea);
    textarea.addEventListener('scroll', place);
    addEventListener('scroll', place, true);
    addEventListener('resize', place);
    return {
      set(value) {
        // A trailing newline needs a line of its own to keep the mirror's height.
        text.data = value.endsWith('\n') ? `${value} ` : value;
        place();
      },
      text,
      remove() {
        ro.disconnect();
        textarea.removeEventListener('scroll', place);
        removeEventListener('scroll', place, true);
        removeEventListener('resize', place);
        m.remove();
      },
    };
  }

  /** Draws `findings` (engine offsets into `model.text`) on `el`. */
  function paint(el, model, findings) {
    let entry = painted.get(el);
    if (!entry) {
      entry = { ranges: [], mirror: null };
      painted.set(el, entry);
    }
    const isField = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
    if (isField) {
      entry.mirror ??= mirror(el);
      entry.mirror.set(model.text);
    }
    entry.ranges = [];
    for (const f of findings) {
      let r = null;
      if (isField) {
        r = new Range();
        r.setStart(entry.mirror.text, Math.min(f.start, entry.mirror.text.length));
        r.setEnd(entry.mirror.text, Math.min(f.end, entry.mirror.text.length));
      } else {
        r = ns.textModel.range(model, f.start, f.end);
      }
      if (r) entry.ranges.push({ range: r, state: stateOf(f) });
    }
    repaint();
  }

  function clear(el) {
    const entry = painted.get(el);
    if (!entry) return;
    entry.mirror?.remove();
    painted.delete(el);
    repaint();
  }

  /** How many ranges are drawn (the tests and the popup read it). */
  const count = () => [...painted.values()].reduce((n, e) => n + e.ranges.length, 0);

  ns.highlight = { paint, clear, count, NAMES: STATES.map(NAME) };
})();
