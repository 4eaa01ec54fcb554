// The second line on sites whose request format is known (ChatGPT, Claude, Gemini, Perplexity,
// DeepSeek, Copilot): runs in the page's MAIN world before the site's scripts, wraps fetch,
// XMLHttpRequest and WebSocket.send, and holds every request (or frame) to the site's
// conversation API until the extension's content script has confirmed each user text in it:
// either it is a text the user just agreed to send, or the engine finds nothing in it.
// Anything else — a text that went around the composer, a body it cannot read, no answer — is
// refused (fail closed).
//
// This world has no extension APIs; it asks the content script with DOM events carrying JSON
// strings. The page could answer them itself, so this guards against the site's own code
// sending a text by another path, not against a site that works against the user.
'use strict';

(() => {
  /** A JSON body's object, or a refusal when it is not one. */
  const json = (body) => {
    const j = JSON.parse(body);
    if (!j || typeof j !== 'object') throw new Error('shape');
    return j;
  };
  const str = (v) => {
    if (typeof v !== 'string') throw new Error('shape');
    return v;
  };

  /**
   * Per site (by host): the conversation API's path and where its body carries user text.
   * `texts(body)` throws on a body of another shape, which is refused.
   */
  const ENDPOINTS = [
    {
      host: 'chatgpt.com',
      path: /^\/backend-api\/(f\/)?conversation$/,
      // messages[].content.parts[] (strings; other part types carry no user text).
      texts: (body) => {
        const j = json(body);
        if (!Array.isArray(j.messages)) throw new Error('shape');
        return j.messages.flatMap((m) => (m?.content?.parts ?? []).filter((p) => typeof p === 'string'));
      },
    },
    {
      host: 'claude.ai',
      path: /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(completion|retry_completion)$/,
      // prompt, plus the text extracted from attached files.
      texts: (body) => {
        const j = json(body);
        return [str(j.prompt), ...(j.attachments ?? []).map((a) => a?.extracted_content).filter((t) => typeof t === 'string')];
      },
    },
    {
      host: 'chat.deepseek.com',
      path: /^\/api\/v0\/chat\/completion$/,
      // { chat_session_id, parent_message_id, prompt, ref_file_ids, thinking_enabled, … }; files
      // go by id (uploaded before, when attached).
      texts: (body) => [str(json(body).prompt)],
    },
    {
      host: 'www.perplexity.ai',
      path: /^\/rest\/sse\/perplexity_ask$/,
      // { query_str, params: { …, dsl_query? } }.
      texts: (body) => {
        const j = json(body);
        return [str(j.query_str), ...(typeof j.params?.dsl_query === 'string' ? [j.params.dsl_query] : [])];
      },
    },
    {
      host: 'gemini.google.com',
      path: /^(\/u\/\d+)?\/_\/BardChatUi\/data\/assistant\.lamda\.BardFrontendService\/StreamGenerate$/,
      // A form body: f.req = JSON [null, JSON inner], the prompt at inner[0][0].
      texts: (body) => {
        const outer = JSON.parse(str(new URLSearchParams(body).get('f.req')));
        const inner = JSON.parse(str(outer?.[1]));
        return [str(inner?.[0]?.[0])];
      },
    },
  ].filter((e) => e.host === location.hostname);

  /**
   * Sites whose messages go as WebSocket frames: the socket's path and where a frame carries
   * user text (`[]` for frames that carry none). Copilot: {"event":"send","conversationId",
   * "content":[{"type":"text","text"}],…} on /c/api/chat; other events (setOptions, …) carry none.
   */
  const SOCKETS = [
    {
      host: 'copilot.microsoft.com',
      path: /^\/c\/api\/chat$/,
      texts: (frame) => {
        const j = json(frame);
        if (j.event !== 'send') return [];
        if (!Array.isArray(j.content)) throw new Error('shape');
        return j.content.filter((c) => c?.type === 'text').map((c) => str(c.text));
      },
    },
  ].filter((e) => e.host === location.hostname);
  if (!ENDPOINTS.length && !SOCKETS.length) return;
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

  /** The endpoint a request goes to, if it is one of this site's. */
  function endpointOf(href, method) {
    let url;
    try {
      url = new URL(href, location.href);
    } catch {
      return null;
    }
    if (url.origin !== location.origin || String(method).toUpperCase() !== 'POST') return null;
    return ENDPOINTS.find((e) => e.path.test(url.pathname)) ?? null;
  }

  /** A body as text: strings and form parameters; null for what cannot be read at once. */
  const textOf = (body) => (typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : null);

  /** Whether the request may go: its texts read and confirmed. */
  async function allowed(endpoint, body) {
    let texts;
    try {
      texts = endpoint.texts(await body);
    } catch {
      return false;
    }
    return verdict(texts);
  }

  const REFUSED = 'pii-airlock: this message was not sent: it was not checked for personal data';

  const original = globalThis.fetch;
  if (typeof original === 'function') {
    globalThis.fetch = function fetch(input, init) {
      const isRequest = input instanceof Request;
      const endpoint = endpointOf(isRequest ? input.url : String(input), init?.method ?? (isRequest ? input.method : 'GET'));
      if (!endpoint) return original.call(globalThis, input, init);
      const body = init && 'body' in init ? textOf(init.body) : isRequest ? input.clone().text() : '';
      return allowed(endpoint, body).then((ok) => {
        if (!ok) throw new TypeError(REFUSED);
        return original.call(globalThis, input, init);
      });
    };
  }

  // WebSocket (Copilot's client sends its messages as frames): send() on a socket to the chat
  // path is queued in order and each frame goes once its texts are confirmed; a refused frame,
  // or one that cannot be read (binary), is dropped — the frames after it still go, in order.
  const WS = globalThis.WebSocket;
  if (typeof WS === 'function' && SOCKETS.length) {
    const wsSend = WS.prototype.send;
    const queues = new WeakMap();
    const socketOf = (ws) => {
      try {
        const url = new URL(ws.url);
        return url.host === location.host ? SOCKETS.find((e) => e.path.test(url.pathname)) ?? null : null;
      } catch {
        return null;
      }
    };
    WS.prototype.send = function (data) {
      const endpoint = socketOf(this);
      // Not a chat socket, or not open (the native send throws as it should).
      if (!endpoint || this.readyState !== WS.OPEN) return wsSend.call(this, data);
      const frameOk = async () => {
        let texts;
        try {
          texts = endpoint.texts(typeof data === 'string' ? data : null);
        } catch {
          return false;
        }
        return texts.length === 0 || verdict(texts);
      };
      const queue = (queues.get(this) ?? Promise.resolve()).then(frameOk).then((ok) => {
        if (ok && this.readyState === WS.OPEN) wsSend.call(this, data);
      });
      queues.set(this, queue);
      return undefined;
    };
  }

  // XMLHttpRequest (Gemini's client posts with it): send() is held until the texts are
  // confirmed; a refused request is never sent and ends with an error event.
  const XHR = globalThis.XMLHttpRequest;
  if (typeof XHR === 'function') {
    const open = XHR.prototype.open;
    const send = XHR.prototype.send;
    const target = new WeakMap();
    XHR.prototype.open = function (method, url, ...rest) {
      target.set(this, { endpoint: endpointOf(String(url), method), sync: rest[0] === false });
      return open.call(this, method, url, ...rest);
    };
    XHR.prototype.send = function (body) {
      const t = target.get(this);
      if (!t?.endpoint) return send.call(this, body);
      // A synchronous request cannot wait for the check: refused.
      if (t.sync) throw new DOMException(REFUSED, 'NetworkError');
      allowed(t.endpoint, textOf(body)).then((ok) => {
        if (ok) {
          send.call(this, body);
          return;
        }
        for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
      });
      return undefined;
    };
  }
})();
