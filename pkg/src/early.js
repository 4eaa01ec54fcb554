// The first highlight, before the full module has loaded. The guard's highlighter
// (`guard.attach`, src/dom/) is Rust in the full module and paints the policy's states, so it
// starts only once that module runs; the small first module (a scanner: the engine alone) is in
// much sooner. `attachEarly` draws the scanner's findings over the element meanwhile, in one
// neutral state ("pending": what the policy will do is not known yet), and takes them off once
// the guard's own highlighter has painted. It never sends, holds or lets through a request:
// guarded requests wait for the full guard (installPending), whatever is drawn here.
//
// Text reaches the DOM only as text-node data; nothing here is HTML.

/** The highlight's name: global to the document, so it carries the package's prefix. */
export const PENDING = 'pii-airlock-pending';

const CSS_TEXT = `::highlight(${PENDING}) {
  background-color: var(--pii-airlock-mark-pending-bg, light-dark(rgb(99 102 241 / 0.16), rgb(165 180 252 / 0.22)));
  text-decoration: underline dotted 2px var(--pii-airlock-mark-pending-line, light-dark(#6366f1, #a5b4fc));
}`;

/** Computed properties the mirror copies so that its text wraps exactly like the field's. */
const COPIED = ['font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-variant',
  'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'tab-size', 'text-align',
  'direction', 'padding-top', 'padding-right', 'padding-left', 'padding-bottom', 'border-top-width',
  'border-right-width', 'border-bottom-width', 'border-left-width', 'box-sizing'];

/** Every element drawn early, and its ranges: one highlight serves them all. */
const drawn = new Map();
let sheet = null;

function repaint() {
  if (!globalThis.CSS?.highlights || typeof Highlight !== 'function') return;
  const ranges = [...drawn.values()].flat();
  if (ranges.length === 0) CSS.highlights.delete(PENDING);
  else CSS.highlights.set(PENDING, new Highlight(...ranges));
}

function adoptStyles() {
  if (sheet || typeof CSSStyleSheet !== 'function') return;
  // A constructable stylesheet: allowed under `style-src 'self'`, no <style> element.
  sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** A transparent copy of a field's text laid over it, whose one text node can be highlighted. */
function mirrorOf(field) {
  const m = document.createElement('div');
  m.setAttribute('aria-hidden', 'true');
  m.dataset.piiAirlockEarly = '';
  const node = document.createTextNode('');
  m.append(node);
  const single = field instanceof HTMLInputElement;
  const place = () => {
    const cs = getComputedStyle(field);
    const s = m.style;
    for (const p of COPIED) s.setProperty(p, cs.getPropertyValue(p));
    Object.assign(s, {
      position: 'absolute', pointerEvents: 'none', overflow: 'hidden', zIndex: '1', margin: '0',
      color: 'transparent', background: 'transparent', borderStyle: 'solid', borderColor: 'transparent',
      whiteSpace: single ? 'pre' : 'pre-wrap', overflowWrap: single ? 'normal' : 'break-word',
      left: `${field.offsetLeft}px`, top: `${field.offsetTop}px`,
      width: `${field.offsetWidth}px`, height: `${field.offsetHeight}px`,
    });
    if (single) {
      // An <input> centres its one line: the mirror's line fills the same content box.
      const px = (p) => parseFloat(cs.getPropertyValue(p)) || 0;
      s.lineHeight = `${field.clientHeight - px('padding-top') - px('padding-bottom')}px`;
    }
    m.scrollTop = field.scrollTop;
    m.scrollLeft = field.scrollLeft;
  };
  field.after(m);
  field.addEventListener('scroll', place);
  const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : null;
  ro?.observe(field);
  return {
    /** Sets the text and returns the node the findings' offsets index. */
    set(text) {
      // A trailing newline needs a character after it to take up its line.
      node.data = text.endsWith('\n') ? `${text}\u200b` : text;
      place();
      return node;
    },
    remove() {
      ro?.disconnect();
      field.removeEventListener('scroll', place);
      m.remove();
    },
  };
}

/**
 * The text of a contenteditable element and the text node of each stretch of it: text nodes in
 * order, a line break between two blocks (as the guard's own text model reads them, closely
 * enough for a first highlight that the guard's redraws a moment later).
 */
function editableText(root) {
  const pieces = [];
  let text = '';
  let block = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let b = n.parentElement;
    while (b && b !== root && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
    if (block !== null && b !== block) text += '\n';
    block = b;
    pieces.push({ node: n, at: text.length });
    text += n.data;
  }
  return { text, pieces };
}

/** A range over `[start, end)` of the text `editableText` read, or null where it crosses nodes oddly. */
function editableRange(pieces, start, end) {
  const point = (offset, atEnd) => {
    for (const { node, at } of pieces) {
      const len = node.data.length;
      if (offset >= at && (offset < at + len || (atEnd && offset === at + len))) return [node, offset - at];
    }
    return null;
  };
  const a = point(start, false);
  const b = point(end, true);
  if (!a || !b) return null;
  const r = new Range();
  r.setStart(...a);
  r.setEnd(...b);
  return r;
}

/**
 * Draws `scanner`'s findings over `element` (a <textarea>, a text <input> or a contenteditable
 * element) as it is typed into, until `detach()` or until `guard` (a promise of a guard, if given)
 * has resolved and its `attach(element, attachOptions)` has painted: then the early highlights
 * are taken off and `ready` resolves with the guard's controller. Each early paint fires
 * `pii-airlock:early-findings` on the element (`detail`: `findings` with UTF-16 offsets and
 * `text`). If the guard fails, the early highlights go too and `ready` rejects. `own`: the
 * scanner is this highlighter's, freed when it detaches (after its last scan).
 * @param {HTMLElement} element
 * @param {Promise<{ scan: (text: string) => any[], free: () => void }>} scanner
 * @param {{ guard?: Promise<any>, debounce?: number, attachOptions?: object }} [options]
 * @param {boolean} [own]
 */
export function attachEarly(element, scanner, options = {}, own = false) {
  const field = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement;
  if (!field && !element?.isContentEditable) {
    throw new TypeError('pii-airlock: attachEarly() takes a <textarea>, a text <input> or a contenteditable element');
  }
  const debounce = options.debounce ?? 80;
  let engine = null;
  let mirror = null;
  let timer = 0;
  let stopped = false;
  let firstPaint;
  const painted = new Promise((resolve, reject) => { firstPaint = { resolve, reject }; });
  painted.catch(() => {});
  adoptStyles();

  const paint = () => {
    timer = 0;
    if (stopped || !engine) return;
    let text;
    let rangeOf;
    if (field) {
      mirror ??= mirrorOf(element);
      text = element.value;
      const node = mirror.set(text);
      rangeOf = (f) => {
        const r = new Range();
        r.setStart(node, f.start);
        r.setEnd(node, f.end);
        return r;
      };
    } else {
      const read = editableText(element);
      text = read.text;
      rangeOf = (f) => editableRange(read.pieces, f.start, f.end);
    }
    let findings;
    try {
      findings = engine.scan(text);
    } catch {
      // A scanner that fails draws nothing; the guard still checks every request.
      findings = [];
    }
    drawn.set(element, findings.map(rangeOf).filter(Boolean));
    repaint();
    element.dispatchEvent(new CustomEvent('pii-airlock:early-findings', { detail: { findings, text } }));
    firstPaint.resolve();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(paint, debounce);
  };

  const observer = field ? null : new MutationObserver(schedule);
  const detach = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    element.removeEventListener('input', schedule);
    observer?.disconnect();
    mirror?.remove();
    drawn.delete(element);
    repaint();
    if (own) scanner.then((s) => s.free(), () => {});
  };
  element.addEventListener('input', schedule);
  observer?.observe(element, { childList: true, characterData: true, subtree: true });
  scanner.then((s) => {
    engine = s;
    if (!stopped) paint();
  }, (e) => firstPaint.reject(e));

  const ready = options.guard
    ? options.guard.then(async (g) => {
      if (stopped) return null;
      const controller = g.attach(element, options.attachOptions);
      try {
        await controller.refresh?.();
      } finally {
        detach();
      }
      return controller;
    }, (e) => {
      detach();
      throw e;
    })
    : null;
  ready?.catch(() => {});
  return {
    /** Resolves with the guard's controller once it has painted (null without a guard). */
    ready: ready ?? Promise.resolve(null),
    /** Resolves once the first findings are drawn; rejects if no scanner could be built. */
    painted,
    /** Draws again now (e.g. after setting the field's value from script). */
    refresh() {
      clearTimeout(timer);
      paint();
    },
    /** Takes the early highlights off; the guard's controller, if any, stays. */
    detach,
  };
}
