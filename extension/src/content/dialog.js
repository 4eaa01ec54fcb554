// The extension's dialogs in the page: a native <dialog> opened with showModal() (focus moves
// in and stays in, the page is inert, Escape cancels, focus returns) inside a closed shadow
// root, styled by a constructable stylesheet (no inline style, nothing the page's CSS reaches).
// User text is only ever set as text (textContent / text nodes).
'use strict';

(() => {
  const ns = (globalThis.piiAirlock ??= {});

  /** Strings the package does not ship (paste, errors), by language; the rest come from the engine. */
  const OWN = {
    en: {
      fileTitle: 'Personal data in the file you attach',
      fileDescription: 'The file holds personal data or secrets. Attach it with placeholders? The answer will show the real values again.',
      fileRedacted: 'Attach with placeholders', fileAsIs: 'Attach as is',
      fileUnreadable: 'pii-airlock could not read this text file (not UTF-8, or over 4 MB), so it was not attached.',
      pasteTitle: 'Personal data in what you paste',
      pasteDescription: 'The clipboard holds personal data or secrets. Paste it with placeholders? The answer will show the real values again.',
      pasteRedacted: 'Paste with placeholders', pasteAsIs: 'Paste as is', cancel: 'Cancel',
      failed: 'pii-airlock could not check this message, so it was not sent. Your text is unchanged.',
      blocked: 'Your organisation\'s policy does not allow sending this message: it contains data that must not leave.',
      ok: 'OK', notChanged: 'The message could not be rewritten in the editor, so it was not sent.',
      bypass: 'The page tried to send a message with personal data that was not checked; pii-airlock stopped it.',
    },
    de: {
      fileTitle: 'Personenbezogene Daten in der angehängten Datei',
      fileDescription: 'Die Datei enthält personenbezogene Daten oder Geheimnisse. Mit Platzhaltern anhängen? Die Antwort zeigt wieder die echten Werte.',
      fileRedacted: 'Mit Platzhaltern anhängen', fileAsIs: 'Unverändert anhängen',
      fileUnreadable: 'pii-airlock konnte diese Textdatei nicht lesen (kein UTF-8 oder über 4 MB), daher wurde sie nicht angehängt.',
      pasteTitle: 'Personenbezogene Daten in der Zwischenablage',
      pasteDescription: 'Der eingefügte Text enthält personenbezogene Daten oder Geheimnisse. Mit Platzhaltern einfügen? Die Antwort zeigt wieder die echten Werte.',
      pasteRedacted: 'Mit Platzhaltern einfügen', pasteAsIs: 'Unverändert einfügen', cancel: 'Abbrechen',
      failed: 'pii-airlock konnte diese Nachricht nicht prüfen, daher wurde sie nicht gesendet. Ihr Text ist unverändert.',
      blocked: 'Die Richtlinie Ihrer Organisation erlaubt das Senden dieser Nachricht nicht.',
      ok: 'OK', notChanged: 'Die Nachricht konnte im Editor nicht umgeschrieben werden und wurde nicht gesendet.',
      bypass: 'Die Seite wollte eine ungeprüfte Nachricht mit personenbezogenen Daten senden; pii-airlock hat sie angehalten.',
    },
    fr: {
      fileTitle: 'Données personnelles dans le fichier joint',
      fileDescription: 'Le fichier contient des données personnelles ou des secrets. Le joindre avec des espaces réservés ? La réponse affichera les vraies valeurs.',
      fileRedacted: 'Joindre avec des espaces réservés', fileAsIs: 'Joindre tel quel',
      fileUnreadable: 'pii-airlock n\'a pas pu lire ce fichier texte (pas en UTF-8, ou plus de 4 Mo) ; il n\'a pas été joint.',
      pasteTitle: 'Données personnelles dans le texte collé',
      pasteDescription: 'Le presse-papiers contient des données personnelles ou des secrets. Coller avec des espaces réservés ? La réponse affichera les vraies valeurs.',
      pasteRedacted: 'Coller avec des espaces réservés', pasteAsIs: 'Coller tel quel', cancel: 'Annuler',
      failed: 'pii-airlock n\'a pas pu vérifier ce message ; il n\'a pas été envoyé. Votre texte est inchangé.',
      blocked: 'La politique de votre organisation n\'autorise pas l\'envoi de ce message.',
      ok: 'OK', notChanged: 'Le message n\'a pas pu être réécrit dans l\'éditeur ; il n\'a pas été envoyé.',
      bypass: 'La page a tenté d\'envoyer un message non vérifié contenant des données personnelles ; pii-airlock l\'a arrêté.',
    },
    es: {
      fileTitle: 'Datos personales en el archivo que adjunta',
      fileDescription: 'El archivo contiene datos personales o secretos. ¿Adjuntarlo con marcadores? La respuesta mostrará de nuevo los valores reales.',
      fileRedacted: 'Adjuntar con marcadores', fileAsIs: 'Adjuntar tal cual',
      fileUnreadable: 'pii-airlock no pudo leer este archivo de texto (no es UTF-8 o supera 4 MB), así que no se adjuntó.',
      pasteTitle: 'Datos personales en lo que pega',
      pasteDescription: 'El portapapeles contiene datos personales o secretos. ¿Pegar con marcadores? La respuesta mostrará de nuevo los valores reales.',
      pasteRedacted: 'Pegar con marcadores', pasteAsIs: 'Pegar tal cual', cancel: 'Cancelar',
      failed: 'pii-airlock no pudo comprobar este mensaje, así que no se envió. Su texto no ha cambiado.',
      blocked: 'La política de su organización no permite enviar este mensaje.',
      ok: 'OK', notChanged: 'No se pudo reescribir el mensaje en el editor, así que no se envió.',
      bypass: 'La página intentó enviar un mensaje no comprobado con datos personales; pii-airlock lo detuvo.',
    },
  };
  const lang = (navigator.language || 'en').slice(0, 2);
  const own = { ...OWN.en, ...(OWN[lang] ?? {}) };

  const FALLBACK = {
    title: 'Personal data in your message', description: 'Review what will be sent.',
    sendRedacted: 'Send redacted', sendAsTyped: 'Send as typed', edit: 'Edit', cancel: 'Cancel',
    willReplace: 'will be replaced', willSend: 'will be sent', entities: {},
  };

  const CSS_TEXT = `
    :host { all: initial; }
    .sr-only { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    dialog { font: 14px/1.45 system-ui, sans-serif; color: #111; background: #fff; border: 1px solid #888;
      border-radius: 10px; padding: 18px 20px; max-width: min(560px, 92vw); box-shadow: 0 10px 40px rgb(0 0 0 / .3); }
    dialog::backdrop { background: rgb(0 0 0 / .35); }
    h2 { font-size: 17px; margin: 0 0 8px; }
    p { margin: 0 0 10px; }
    ul { margin: 0 0 14px; padding-left: 18px; max-height: 40vh; overflow: auto; }
    li { margin: 3px 0; }
    .value::before { content: var(--pii-airlock-value); }
    .value { font-family: ui-monospace, monospace; background: rgb(255 200 0 / .3); border-radius: 3px; padding: 0 3px; overflow-wrap: anywhere; }
    .effect { color: #444; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }
    button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid #666; background: #f4f4f4; color: #111; cursor: pointer; }
    button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
    button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      dialog { background: #1f2023; color: #eee; border-color: #555; }
      button { background: #2c2d31; color: #eee; border-color: #777; }
      .effect { color: #bbb; }
    }
    @media (prefers-reduced-motion: no-preference) { dialog[open] { animation: in .12s ease-out; } }
    @keyframes in { from { opacity: 0; transform: translateY(6px); } }
  `;

  let sheet = null;
  function host() {
    const h = document.createElement('pii-airlock-dialog');
    h.dataset.piiAirlockUi = '';
    const root = h.attachShadow({ mode: 'closed' });
    sheet ??= (() => { const s = new CSSStyleSheet(); s.replaceSync(CSS_TEXT); return s; })();
    root.adoptedStyleSheets = [sheet];
    document.documentElement.append(h);
    return { h, root };
  }

  function el(tag, props = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
  }

  /** `text` as a CSS string: every character outside a small safe set as a hex escape. */
  const cssString = (text) => `"${[...String(text)].map((c) => (/[\w@.+ -]/.test(c) ? c : `\\${c.codePointAt(0).toString(16)} `)).join('')}"`;

  /**
   * An element that draws `text` as generated content (its `::before`, from a custom property
   * the root's stylesheet reads), for values the page must not read. Text in a closed shadow
   * root is not enough: find-in-page (`window.find`) walks into closed roots and selects what it
   * finds, so a page could find "@" and extend the selection over the rest of an address.
   * Generated content is drawn and in the accessibility tree, but neither found nor selected.
   */
  function drawn(text, className) {
    const e = document.createElement('span');
    e.className = className;
    e.style.setProperty('--pii-airlock-value', cssString(text));
    return e;
  }
  ns.drawn = drawn;

  let open = null;

  /**
   * Shows a modal dialog; resolves with the `value` of the button chosen, or `cancelValue`
   * on Escape. Only one at a time (a second request waits for the first).
   */
  function show({ title, description, items = [], buttons, cancelValue, returnFocus }) {
    const run = async () => {
      const { h, root } = host();
      const id = `pii-airlock-${Math.random().toString(36).slice(2)}`;
      const dialog = el('dialog', { 'aria-labelledby': `${id}-t`, 'aria-describedby': `${id}-d` });
      dialog.append(el('h2', { id: `${id}-t`, text: title }), el('p', { id: `${id}-d`, text: description }));
      if (items.length) {
        const list = el('ul', { 'aria-label': title });
        for (const it of items) {
          list.append(el('li', {}, el('strong', { text: `${it.label}: ` }), drawn(it.value, 'value'),
            el('span', { class: 'effect', text: ` — ${it.effect}` })));
        }
        dialog.append(list);
      }
      const row = el('div', { class: 'buttons' });
      let first = null;
      for (const b of buttons) {
        const btn = el('button', { type: 'button', class: b.primary ? 'primary' : '', text: b.label, 'data-value': b.value });
        if (b.primary) first = btn;
        row.append(btn);
      }
      dialog.append(row);
      root.append(dialog);
      const result = await new Promise((resolve) => {
        row.addEventListener('click', (e) => {
          const b = e.target.closest('button');
          if (b) resolve(b.dataset.value);
        });
        dialog.addEventListener('cancel', (e) => { e.preventDefault(); resolve(cancelValue); });
        dialog.showModal();
        (first ?? row.querySelector('button'))?.focus();
      });
      dialog.close();
      h.remove();
      returnFocus?.focus?.();
      return result;
    };
    const p = (open ?? Promise.resolve()).then(run, run);
    open = p.catch(() => {});
    return p;
  }

  const entityName = (s, e) => s.entities?.[e] ?? e.toLowerCase().replace(/_/g, ' ');

  /**
   * The consent dialog: what was found and what happens to it. Resolves to "redacted",
   * "as-typed", "edit" or "cancelled". "Send redacted" has the initial focus.
   */
  function consent({ text, findings, allowAsTyped, strings, returnFocus }) {
    const s = { ...FALLBACK, ...(strings ?? {}) };
    const items = findings.map((f) => ({
      label: entityName(s, f.entity),
      value: text.slice(f.start, f.end),
      effect: f.action === 'allow' || f.action === 'highlight' ? s.willSend : s.willReplace,
    }));
    const buttons = [
      { label: s.sendRedacted, value: 'redacted', primary: true },
      ...(allowAsTyped ? [{ label: s.sendAsTyped, value: 'as-typed' }] : []),
      { label: s.edit, value: 'edit' },
      { label: s.cancel, value: 'cancelled' },
    ];
    return show({ title: s.title, description: s.description, items, buttons, cancelValue: 'cancelled', returnFocus });
  }

  /** A dialog that holds text on its way into the page: "redacted", "as-is" or "cancelled". */
  function held({ text, findings, strings, returnFocus }, title, description, redacted, asIs) {
    const s = { ...FALLBACK, ...(strings ?? {}) };
    const items = findings.map((f) => ({ label: entityName(s, f.entity), value: text.slice(f.start, f.end), effect: s.willReplace }));
    return show({
      title,
      description,
      items,
      buttons: [
        { label: redacted, value: 'redacted', primary: true },
        { label: asIs, value: 'as-is' },
        { label: own.cancel, value: 'cancelled' },
      ],
      cancelValue: 'cancelled',
      returnFocus,
    });
  }

  /** The paste dialog (a paste or a drop holds findings). */
  const paste = (o) => held(o, own.pasteTitle, own.pasteDescription, own.pasteRedacted, own.pasteAsIs);

  /** The file dialog: a text file to attach (`o.name`) holds findings. */
  const file = (o) => held(o, own.fileTitle, `${o.name}: ${own.fileDescription}`, own.fileRedacted, own.fileAsIs);

  /** A message with one button (why a message was not sent). */
  function notice(kind, returnFocus) {
    return show({ title: 'pii-airlock', description: own[kind] ?? own.failed, buttons: [{ label: own.ok, value: 'ok', primary: true }], cancelValue: 'ok', returnFocus });
  }

  const FOUND = {
    en: (n) => (n === 1 ? '1 item of personal data found' : `${n} items of personal data found`),
    de: (n) => (n === 1 ? '1 personenbezogenes Datum gefunden' : `${n} personenbezogene Daten gefunden`),
    fr: (n) => (n === 1 ? '1 donnée personnelle trouvée' : `${n} données personnelles trouvées`),
    es: (n) => (n === 1 ? '1 dato personal encontrado' : `${n} datos personales encontrados`),
  };
  let live = null;
  let said = 0;
  /**
   * Tells screen readers how many findings the composer holds (colour and underline are not
   * read out): a polite live region in a closed shadow root, spoken when the count changes.
   */
  function announce(n) {
    if (n === said) return;
    said = n;
    if (!live) {
      const { root } = host();
      live = el('div', { role: 'status', 'aria-live': 'polite', class: 'sr-only' });
      root.append(live);
    }
    live.textContent = n ? (FOUND[lang] ?? FOUND.en)(n) : '';
  }

  ns.dialog = { consent, paste, file, notice, announce };
})();
