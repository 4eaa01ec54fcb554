// <pii-airlock-demo>: the demo in any page, in two lines.
//
//   <script type="module" src="https://DEMO-HOST/embed.js"></script>
//   <pii-airlock-demo example="fr-customer" policy="gdpr" theme="dark"></pii-airlock-demo>
//
// The element holds the demo in an iframe from the demo's own origin, so the host page needs no
// 'wasm-unsafe-eval', its fetch is never hooked, and its CSP only has to allow this script and
// the frame: `script-src https://DEMO-HOST; frame-src https://DEMO-HOST`. The frame tells the
// element its height (a number, nothing else crosses); no style attribute or <style> element is
// written, so `style-src` needs nothing either (the sheet is a constructable stylesheet).
const DEMO = new URL('./', import.meta.url);
const OPTIONS = ['example', 'policy', 'theme'];

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host { display: block; }
:host([hidden]) { display: none; }
iframe { display: block; width: 100%; height: var(--pii-airlock-demo-height, 1100px); border: 0; border-radius: 12px;
  color-scheme: normal; }
`);

class PiiAirlockDemo extends HTMLElement {
  static observedAttributes = OPTIONS;

  #frame = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    this.#frame = document.createElement('iframe');
    this.#frame.title = this.getAttribute('title') ?? 'pii-airlock demo: see what leaves your browser';
    this.#frame.loading = 'lazy';
    this.#frame.referrerPolicy = 'no-referrer';
    root.append(this.#frame);
    window.addEventListener('message', (e) => {
      if (e.source !== this.#frame.contentWindow || e.origin !== DEMO.origin) return;
      const h = e.data?.type === 'pii-airlock-demo:size' ? Number(e.data.height) : NaN;
      // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
      if (Number.isFinite(h) && h > 0 && h < 20000) this.style.setProperty('--pii-airlock-demo-height', `${Math.ceil(h)}px`);
    });
  }

  connectedCallback() { this.#load(); }

  attributeChangedCallback() { if (this.isConnected) this.#load(); }

  #load() {
    const src = new URL('./', DEMO);
    src.searchParams.set('embed', '1');
    for (const name of OPTIONS) {
      const v = this.getAttribute(name);
      if (v) src.searchParams.set(name, v);
    }
    if (this.#frame.src !== src.href) this.#frame.src = src.href;
  }
}

if (!customElements.get('pii-airlock-demo')) customElements.define('pii-airlock-demo', PiiAirlockDemo);
