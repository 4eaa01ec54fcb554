// The second line on sites whose API format is known (ChatGPT, Claude): runs in the page's MAIN world
// before the site's scripts, wraps fetch, and holds every request to the conversation API
// until the extension's content script has confirmed each user text in it: either it is a text
// the user just agreed to send, or the engine finds nothing in it. Anything else — a text that
// went around the composer, a body it cannot read, no answer — is refused (fail closed).
//
// This world has no extension APIs; it asks the content script with DOM events carrying JSON
// strings. The page could answer them itself, so this guards against the site's own code
// sending a text by another path, not against a site that works against the user.
'use strict';

(() => {
  const ENDPOINTS = [
    {
      path: /^\/backend-api\/(f\/)?conversation$/,
      // ChatGPT: messages[].content.parts[] (strings; other part types carry no user text).
      texts: (body) => {
        const j = JSON.parse(body);
        if (!Array.isArray(j.messages)) throw new Error('shape');
        return j.messages.flatMap((m) => (m?.content?.parts ?? []).filter((p) => typeof p === 'string'));
      },
    },
    {
      path: /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(completion|retry_completion)$/,
      // Claude: prompt, plus the text extracted from attached files.
      texts: (body) => {
        const j = JSON.parse(body);
        if (typeof j.prompt !== 'string') throw new Error('shape');
        return [j.prompt, ...(j.attachments ?? []).map((a) => a?.extracted_content).filter((t) => typeof t === 'string')];
      },
    },
  ];
  const original = globalThis.fetch;
  if (typeof original !== 'function') return;
  let seq = 0;

  function verdict(texts) {
    return new Promise((resolve) => {
      const id = `${Date.now()}-${(seq += 1)}`;
      const timer = setTimeout(() => { removeEventListener('pii-airlock-verdict', on); resolve(false); }, 20000);
      function on(e) {
        let v;
        try { v = JSON.parse(e.detail); } catch { return; }
        if (v?.id !== id) return;
        clearTimeout(timer);
        removeEventListener('pii-airlock-verdict', on);
        resolve(v.ok === true);
      }
      addEventListener('pii-airlock-verdict', on);
      dispatchEvent(new CustomEvent('pii-airlock-check', { detail: JSON.stringify({ id, texts }) }));
    });
  }

  async function bodyText(input, init) {
    if (init && 'body' in init) return typeof init.body === 'string' ? init.body : null;
    if (input instanceof Request) return input.clone().text();
    return '';
  }

  globalThis.fetch = function fetch(input, init) {
    let url;
    try {
      url = new URL(input instanceof Request ? input.url : String(input), location.href);
    } catch {
      return original.call(globalThis, input, init);
    }
    const method = String((init?.method ?? (input instanceof Request ? input.method : 'GET'))).toUpperCase();
    const endpoint = url.origin === location.origin && method === 'POST' && ENDPOINTS.find((e) => e.path.test(url.pathname));
    if (!endpoint) return original.call(globalThis, input, init);
    return (async () => {
      let texts;
      try {
        texts = endpoint.texts(await bodyText(input, init));
      } catch {
        texts = null;
      }
      if (!texts || !(await verdict(texts))) {
        throw new TypeError('pii-airlock: this message was not sent: it was not checked for personal data');
      }
      return original.call(globalThis, input, init);
    })();
  };
})();
