// The consent dialog: a native <dialog> opened with showModal() inside a shadow root.
// Every piece of user text is set with textContent; no HTML string is ever parsed.
import { DIALOG_CSS, sheet } from './styles.js';
import { entityName, reasonText } from './i18n.js';

let counter = 0;

function el(doc, tag, props = {}, ...children) {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/**
 * Shows the dialog and resolves with the user's choice.
 * @param {object} o
 * @param {{entity: string, value: string, finding: object, effect: 'replace'|'send', note?: string}[]} o.items
 * @param {string[]} o.previews what each changed text will look like when sent redacted
 * @param {object} o.strings localized strings (see i18n.js)
 * @param {boolean} o.allowAsTyped whether "Send as typed" is offered
 * @param {HTMLElement | null} [o.returnFocus] where focus goes when the dialog closes
 * @returns {Promise<'redacted' | 'as-typed' | 'edit' | 'cancelled'>}
 */
export function showConsentDialog({ items, previews, strings: s, allowAsTyped, returnFocus }) {
  const doc = document;
  const id = `pii-airlock-${++counter}`;
  const host = doc.createElement('pii-airlock-consent');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet(DIALOG_CSS)];

  const title = el(doc, 'h2', { id: `${id}-title`, text: s.title });
  const desc = el(doc, 'p', { id: `${id}-desc`, text: `${s.count(items.length)} ${s.description}` });
  const list = el(doc, 'ul', { 'aria-label': s.findingsLabel });
  for (const it of items) {
    const effect = it.effect === 'replace'
      ? s.willReplace
      : `${s.willSend}${it.note ? ` (${it.note})` : ''}`;
    list.append(el(doc, 'li', { 'data-entity': it.entity, 'data-effect': it.effect },
      el(doc, 'span', { class: 'entity', text: entityName(s, it.entity) }), ' ',
      el(doc, 'code', { class: 'value', text: it.value }), ' ',
      el(doc, 'span', { class: 'effect', text: effect }), el(doc, 'br'),
      el(doc, 'span', { class: 'why', text: reasonText(s, it.finding) })));
  }
  const previewLabel = el(doc, 'p', { class: 'preview-label', id: `${id}-preview`, text: s.preview });
  const preview = el(doc, 'pre', { 'aria-labelledby': `${id}-preview`, text: previews.join('\n\n') });

  const buttons = el(doc, 'div', { class: 'buttons' });
  const mk = (value, label, cls) => el(doc, 'button', { type: 'button', value, 'data-action': value, class: cls ?? '', text: label });
  const redacted = mk('redacted', s.sendRedacted, 'primary');
  const order = [redacted];
  if (allowAsTyped) order.push(mk('as-typed', s.sendAsTyped));
  order.push(mk('edit', s.edit), mk('cancelled', s.cancel));
  buttons.append(...order);

  const dialog = el(doc, 'dialog', { 'aria-labelledby': title.id, 'aria-describedby': desc.id },
    title, desc, list, previewLabel, preview, buttons);
  root.append(dialog);
  doc.body.append(host);

  return new Promise((resolve) => {
    let done = false;
    const finish = (decision) => {
      if (done) return;
      done = true;
      if (dialog.open) dialog.close();
      host.remove();
      // Back to where the user was; for "Edit" the caller moves the caret to the first finding.
      if (returnFocus && returnFocus.isConnected) returnFocus.focus({ preventScroll: false });
      resolve(decision);
    };
    for (const b of order) b.addEventListener('click', () => finish(b.value));
    // Escape fires `cancel`; a second Escape could close without it, so `close` is handled too.
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish('cancelled'); });
    dialog.addEventListener('close', () => finish('cancelled'));
    // Keep Tab inside the dialog: a modal makes the page inert, but Tab could still leave for
    // the browser's own UI; cycling is what screen-reader and keyboard users expect.
    dialog.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      // Cycle through the buttons ourselves, so the order is the same in every browser.
      e.preventDefault();
      const i = order.indexOf(root.activeElement);
      const next = e.shiftKey ? (i <= 0 ? order.length - 1 : i - 1) : (i + 1) % order.length;
      order[next].focus();
    });
    dialog.showModal();
    // The least destructive action that still lets the user go on: sending redacted.
    redacted.focus();
  });
}
