// Highlights in the page, without WebAssembly (the page's CSP governs a content script's) and
// without touching the editor's DOM: CSS Custom Highlights over the editor's own text nodes, or,
// for a textarea (whose text has no nodes), over a transparent mirror laid on top of it.
'use strict';

(() => {
  const ns = (globalThis.piiAirlock ??= {});
  const NAME = 'pii-airlock';
  const NAME_ASK = 'pii-airlock-ask';

  /** Ranges of every attached editor, by element. */
  const painted = new Map();

  function repaint() {
    if (!globalThis.CSS?.highlights) return;
    const all = [];
    const ask = [];
    for (const { ranges } of painted.values()) {
      for (const { range, needsDecision } of ranges) (needsDecision ? ask : all).push(range);
    }
    CSS.highlights.set(NAME, new Highlight(...all));
    CSS.highlights.set(NAME_ASK, new Highlight(...ask));
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
      if (r) entry.ranges.push({ range: r, needsDecision: f.needsDecision });
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

  ns.highlight = { paint, clear, count };
})();
