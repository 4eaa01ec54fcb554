// Live highlighting of findings while the user types. The editor itself is never modified:
// no value is set, no node inserted into it, so the caret, undo history and IME composition
// are the browser's own. contenteditable elements get CSS Custom Highlights; textarea and
// input get a transparent mirror overlay (text set through textContent only).
import { HIGHLIGHT_CSS, LIVE_CSS, OVERLAY_CSS, POPOVER_CSS, ownSheet, sheet } from './styles.js';
import { entityName, reasonText } from './i18n.js';

const FIELD_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel']);
const painted = new Map(); // controller → { ask: Range[], allowed: Range[] } (contenteditable)

function paintAll() {
  if (!globalThis.CSS?.highlights || typeof Highlight === 'undefined') return;
  const ask = [];
  const allowed = [];
  for (const r of painted.values()) { ask.push(...r.ask); allowed.push(...r.allowed); }
  CSS.highlights.set('pii-airlock', new Highlight(...ask));
  CSS.highlights.set('pii-airlock-allowed', new Highlight(...allowed));
}

function adoptDocumentSheet() {
  const s = sheet(HIGHLIGHT_CSS);
  if (!document.adoptedStyleSheets.includes(s)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
}

function inRects(rects, x, y) {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return r;
  return null;
}

const COPIED = ['font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-variant',
  'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'tab-size',
  'text-align', 'direction', 'padding-top', 'padding-left', 'padding-bottom',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width'];

/** Makes a shadow host whose element name page styles are unlikely to target. */
function host(name) {
  const h = document.createElement(name);
  return [h, h.attachShadow({ mode: 'open' })];
}

/**
 * @param {import('./guard.js').Guard} guard
 * @param {HTMLElement} element textarea, input or contenteditable
 * @param {{debounce?: number}} [options]
 */
export function attach(guard, element, { debounce = 80 } = {}) {
  const isField = element instanceof HTMLTextAreaElement
    || (element instanceof HTMLInputElement && FIELD_TYPES.has(element.getAttribute('type') ?? ''));
  if (!isField && !element.isContentEditable) {
    throw new TypeError('pii-airlock: attach() takes a <textarea>, a text <input> or a contenteditable element');
  }
  const s = guard.strings;
  let findings = [];
  let text = '';
  let composing = false;
  let timer = 0;
  let seq = 0;
  let nodes = []; // contenteditable: [{ node, start }]
  const listeners = [];
  const on = (target, type, fn, opts) => { target.addEventListener(type, fn, opts); listeners.push([target, type, fn, opts]); };

  // ---- overlay for textarea / input ----
  let overlay = null;
  let mirror = null;
  let geometry = null;
  if (isField) {
    const [h, root] = host('pii-airlock-overlay');
    h.setAttribute('aria-hidden', 'true');
    geometry = ownSheet('');
    root.adoptedStyleSheets = [sheet(OVERLAY_CSS), geometry];
    mirror = document.createElement('div');
    mirror.className = 'mirror';
    root.append(mirror);
    element.after(h);
    overlay = h;
  } else {
    adoptDocumentSheet();
    painted.set(element, { ask: [], allowed: [] });
  }

  function layout() {
    if (!overlay) return;
    const cs = getComputedStyle(element);
    const px = (p) => parseFloat(cs.getPropertyValue(p)) || 0;
    // A vertical scrollbar narrows the text: pad the mirror by its width.
    const scrollbar = element.offsetWidth - element.clientWidth - px('border-left-width') - px('border-right-width');
    const decl = COPIED.map((p) => `${p}: ${cs.getPropertyValue(p)};`).join(' ');
    const single = element instanceof HTMLInputElement;
    const lineHeight = single ? `line-height: ${element.clientHeight - px('padding-top') - px('padding-bottom')}px;` : '';
    geometry.replaceSync(`
      :host { left: ${element.offsetLeft}px; top: ${element.offsetTop}px; width: ${element.offsetWidth}px; height: ${element.offsetHeight}px; }
      .mirror { ${decl} ${lineHeight} padding-right: ${px('padding-right') + Math.max(0, scrollbar)}px;
        border-style: solid; border-color: transparent;
        white-space: ${single ? 'pre' : 'pre-wrap'}; overflow-wrap: ${single ? 'normal' : 'break-word'}; }`);
    mirror.scrollTop = element.scrollTop;
    mirror.scrollLeft = element.scrollLeft;
  }

  function readText() {
    if (isField) return element.value;
    nodes = [];
    let out = '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: out.length });
      out += n.data;
    }
    return out;
  }

  function point(offset) {
    // The text node holding UTF-16 offset `offset` of the concatenated text.
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    const n = nodes[lo];
    return [n.node, Math.min(offset - n.start, n.node.data.length)];
  }

  function allowedLook(f) {
    // Sent as typed: the policy allows or only highlights it, or the user allowed it once.
    return f.action === 'allow' || f.action === 'highlight' || guard.choiceFor(f, f.value) === 'allow-once';
  }

  function render() {
    if (isField) {
      const parts = [];
      let at = 0;
      findings.forEach((f, i) => {
        if (f.start > at) parts.push(document.createTextNode(text.slice(at, f.start)));
        const m = document.createElement('mark');
        m.textContent = f.value;
        m.dataset.index = String(i);
        m.dataset.entity = f.entity;
        if (allowedLook(f)) m.className = 'allowed';
        parts.push(m);
        at = f.end;
      });
      // A trailing newline needs a character after it to take up its line in the mirror.
      parts.push(document.createTextNode(`${text.slice(at)}\u200b`));
      mirror.replaceChildren(...parts);
      overlay.dataset.count = String(findings.length);
      layout();
    } else if (nodes.length > 0) {
      const ask = [];
      const allowed = [];
      for (const f of findings) {
        const r = document.createRange();
        r.setStart(...point(f.start));
        r.setEnd(...point(f.end));
        f.range = r;
        (allowedLook(f) ? allowed : ask).push(r);
      }
      painted.set(element, { ask, allowed });
      paintAll();
    } else {
      painted.set(element, { ask: [], allowed: [] });
      paintAll();
    }
  }

  async function scan() {
    const mine = ++seq;
    const current = readText();
    let result;
    try {
      result = await guard.scanAsync(current);
    } catch {
      result = [];
    }
    // A newer scan started while this one ran (worker): its result wins.
    if (mine !== seq || guard.disposed) return;
    text = current;
    findings = result.map((f) => ({ ...f, value: current.slice(f.start, f.end) }));
    render();
    element.dispatchEvent(new CustomEvent('pii-airlock:findings', { detail: { text, findings: findings.map(({ range, ...f }) => f) } }));
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(scan, debounce);
  }

  // ---- the popover: type, reason and actions of one finding ----
  const [pop, popRoot] = host('pii-airlock-popover');
  const popGeometry = ownSheet('');
  popRoot.adoptedStyleSheets = [sheet(POPOVER_CSS), popGeometry];
  pop.hidden = true;
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'group');
  popRoot.append(card);
  document.body.append(pop);
  let shown = null;
  let hideTimer = 0;
  // Screen readers hear what the caret landed on (the overlay itself is aria-hidden).
  const [live, liveRoot] = host('pii-airlock-live');
  liveRoot.adoptedStyleSheets = [sheet(LIVE_CSS)];
  const liveText = document.createElement('div');
  liveText.setAttribute('role', 'status');
  liveText.setAttribute('aria-live', 'polite');
  liveRoot.append(liveText);
  document.body.append(live);

  function showPopover(i, rect) {
    const f = findings[i];
    if (!f) return;
    clearTimeout(hideTimer);
    shown = i;
    const title = document.createElement('div');
    title.className = 'entity';
    title.id = 'pii-airlock-pop-title';
    title.textContent = entityName(s, f.entity);
    const value = document.createElement('code');
    value.textContent = f.value;
    const why = document.createElement('div');
    why.className = 'why';
    why.textContent = reasonText(s, f);
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const current = f.action === 'allow' ? 'always-allow' : guard.choiceFor(f, f.value);
    // Only what the policy permits is offered: nothing for a blocked finding, no "allow"
    // where the policy forbids sending values as typed.
    const offered = f.action === 'block' ? []
      : guard.allowAsTyped ? [['redact', s.redact], ['allow-once', s.allowOnce], ['always-allow', s.alwaysAllow]]
        : [['redact', s.redact]];
    for (const [decision, label] of offered) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset.decision = decision;
      b.setAttribute('aria-pressed', String(current === decision || (decision === 'redact' && !current)));
      b.addEventListener('click', () => {
        guard.choose(f, f.value, decision);
        hidePopover(0);
        element.focus();
      });
      buttons.append(b);
    }
    card.setAttribute('aria-labelledby', title.id);
    card.replaceChildren(title, value, ' ', why, buttons);
    popGeometry.replaceSync(`:host { left: ${Math.round(rect.left)}px; top: ${Math.round(rect.bottom + 4)}px; }`);
    pop.hidden = false;
    pop.dataset.index = String(i);
  }

  function hidePopover(delay = 250) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { pop.hidden = true; shown = null; }, delay);
  }

  function rectsOf(i) {
    if (isField) {
      const m = mirror.querySelector(`mark[data-index="${i}"]`);
      return m ? [...m.getClientRects()] : [];
    }
    return findings[i]?.range ? [...findings[i].range.getClientRects()] : [];
  }

  function hit(x, y) {
    for (let i = 0; i < findings.length; i++) {
      const r = inRects(rectsOf(i), x, y);
      if (r) return [i, r];
    }
    return null;
  }

  function caretOffset() {
    if (isField) return element.selectionStart === element.selectionEnd ? element.selectionStart : null;
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.isCollapsed || !element.contains(sel.anchorNode)) return null;
    const n = nodes.find((x) => x.node === sel.anchorNode);
    return n ? n.start + sel.anchorOffset : null;
  }

  function followCaret() {
    const at = caretOffset();
    const i = at == null ? -1 : findings.findIndex((f) => at >= f.start && at <= f.end);
    if (i < 0) { if (shown != null) hidePopover(0); return; }
    const rects = rectsOf(i);
    if (rects.length > 0) showPopover(i, rects[rects.length - 1]);
    const f = findings[i];
    liveText.textContent = `${entityName(s, f.entity)}: ${reasonText(s, f)}. ${s.actionsHint}`;
  }

  on(element, 'input', (e) => { if (!composing && !e.isComposing) schedule(); });
  on(element, 'compositionstart', () => { composing = true; clearTimeout(timer); });
  on(element, 'compositionend', () => { composing = false; schedule(); });
  on(element, 'scroll', layout);
  on(element, 'mousemove', (e) => {
    const h = hit(e.clientX, e.clientY);
    if (h) { if (shown !== h[0] || pop.hidden) showPopover(h[0], h[1]); } else if (shown != null) hidePopover();
  });
  on(element, 'mouseleave', () => hidePopover());
  on(pop, 'mouseenter', () => clearTimeout(hideTimer));
  on(pop, 'mouseleave', () => hidePopover());
  // Only caret moves open the popover: typing into a value should not pop things up.
  const NAV = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
  on(element, 'keyup', (e) => {
    if (e.altKey || !NAV.has(e.key)) return;
    followCaret();
  });
  on(element, 'click', followCaret);
  on(element, 'blur', () => hidePopover());
  // Alt+ArrowDown moves focus into the popover's actions; Escape there comes back.
  on(element, 'keydown', (e) => {
    if (e.key === 'ArrowDown' && e.altKey && !pop.hidden) {
      e.preventDefault();
      clearTimeout(hideTimer);
      popRoot.querySelector('button')?.focus();
    }
  });
  on(pop, 'focusin', () => clearTimeout(hideTimer));
  on(pop, 'keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); hidePopover(0); element.focus(); }
  });
  const onChange = () => scan();
  guard.addEventListener('change', onChange);
  const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => layout()) : null;
  ro?.observe(element);
  on(window, 'resize', layout);

  scan();

  return {
    element,
    /** The current findings, each with its `value`. */
    get findings() { return findings.map(({ range, ...f }) => f); },
    /** Scans now instead of after the debounce. */
    refresh: scan,
    /** Stops highlighting and removes everything this added to the page. */
    detach() {
      clearTimeout(timer);
      clearTimeout(hideTimer);
      seq++;
      for (const [t, type, fn, opts] of listeners) t.removeEventListener(type, fn, opts);
      guard.removeEventListener('change', onChange);
      ro?.disconnect();
      overlay?.remove();
      pop.remove();
      live.remove();
      if (painted.delete(element)) paintAll();
    },
  };
}
