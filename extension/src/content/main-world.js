// The page-world line: runs in the page's MAIN world before the site's scripts and wraps fetch,
// XMLHttpRequest, sendBeacon and WebSocket.send. Two checks, by what a request is:
//
// - A request (or frame) to a conversation API whose shape is known (ChatGPT, Claude, Gemini,
//   Perplexity, DeepSeek, Copilot) is held until the content script has confirmed each user text
//   in it: a text the user just agreed to send, or one the engine finds nothing in. Anything else
//   — a text that went around the composer, a body it cannot read, no answer — is refused.
// - Every other request the page makes, to any host, is checked against the composer: a request
//   whose query or body carries, in any string, text of a message box that has not been sent
//   (unless the user opened the site's drafts in the options), or a value the engine found in a
//   message box that the user has not agreed to send, is held back. That is what a site reads
//   before Send (draft sync, token counters, typing telemetry, autocomplete). Mistral Le Chat's tRPC and chat paths, whose
//   shape is not publicly settled, get this check on every string leaf with a body that cannot
//   be read refused (fail closed), so a change of shape can neither let a value out nor stop
//   every chat.
//
// This world has no extension APIs; it asks the content script with DOM events carrying JSON
// strings. The page could answer them itself, so this guards against the site's own code
// sending a text by another path, not against a site that works against the user.
'use strict';

(() => {
  /**
   * Where the content script listens: this page's window — or, in a frame of the page (the
   * manifest runs this script in same-origin frames too: an `about:blank` or `srcdoc` frame the
   * page makes, a same-origin document), the top window, whose message boxes the check is
   * about. A frame that cannot reach the top (another site's page embedding this one) is not
   * a chat page of its own: nothing is wrapped there.
   */
  const hub = (() => {
    try {
      return window.top.document && window.top;
    } catch {
      return null;
    }
  })();
  if (!hub) return;

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
   * `texts(body)` throws on a body of another shape, which is refused. An entry without
   * `texts` (Mistral) has its every string leaf checked against the composer, for any method.
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
    {
      // Le Chat: tRPC (httpLink or httpBatchLink: one input, or `?batch=1` with {"0": input, …},
      // each input bare or in superjson's {json, meta}; GET queries in the `input` parameter)
      // and its chat paths. No shape is assumed: every string in the body and the query counts.
      host: 'chat.mistral.ai',
      path: /^\/api\/(trpc\/|chat(\/|$))/,
    },
  ].filter((e) => e.host === hub.location.hostname);

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
  ].filter((e) => e.host === hub.location.hostname);
  let seq = 0;


  /**
   * Asks the content script about `texts`: `kind` 'chat' (each text agreed to or without
   * findings) or 'composer' (no text holds a value from a message box the user has not agreed
   * to send). Resolves to false when it does not answer in time.
   */
  function verdict(texts, kind) {
    return new Promise((resolve) => {
      const id = `${Date.now()}-${Math.random().toString(36).slice(2)}-${(seq += 1)}`;
      const timer = setTimeout(() => { hub.removeEventListener('pii-airlock-verdict', on); resolve(false); }, 20000);
      function on(e) {
        let v;
        try { v = JSON.parse(e.detail); } catch { return; }
        if (v?.id !== id) return;
        clearTimeout(timer);
        hub.removeEventListener('pii-airlock-verdict', on);
        resolve(v.ok === true);
      }
      hub.addEventListener('pii-airlock-verdict', on);
      hub.dispatchEvent(new CustomEvent('pii-airlock-check', { detail: JSON.stringify({ id, kind, texts }) }));
    });
  }

  /**
   * The same question for an address the page is setting, answered before the setter returns
   * (an image starts loading at once): the content script answers synchronously from what it
   * knows. False when nobody answers.
   */
  function verdictNow(texts) {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2)}-${(seq += 1)}`;
    const mine = { id, ok: false };
    // A page listener on the answer may set an address itself: that check nests in this one.
    const outer = now;
    now = mine;
    try {
      hub.dispatchEvent(new CustomEvent('pii-airlock-check', { detail: JSON.stringify({ id, kind: 'now', texts }) }));
    } finally {
      now = outer;
    }
    return mine.ok;
  }
  /**
   * The check at once that is waiting for its answer (the answer comes within the dispatch). One listener for all of them: adding and removing one per address cost more
   * than the content script's answer on a quiet page.
   */
  let now = null;
  hub.addEventListener('pii-airlock-verdict', (e) => {
    if (!now) return;
    try {
      const v = JSON.parse(e.detail);
      if (v?.id === now.id) now.ok = v.ok === true;
    } catch { /* not ours */ }
  });

  /** The endpoint a request goes to, if it is one of this site's. */
  function endpointOf(url, method) {
    if (url.origin !== hub.location.origin) return null;
    const post = String(method).toUpperCase() === 'POST';
    return ENDPOINTS.find((e) => (post || !e.texts) && e.path.test(url.pathname)) ?? null;
  }

  // ---- every string a request carries ------------------------------------------------------

  /** Nesting read into (JSON in a form field in JSON …); deeper strings count as they are. */
  const DEPTH = 4;

  /** A string that may be base64 (standard or URL-safe alphabet) of something. */
  const BASE64 = /^[A-Za-z0-9+/_-]{8,}={0,2}$/;
  /** Text with control characters in it is no decoded text (an id that happens to be base64). */
  const CONTROL = /[\x00-\x08\x0e-\x1f\x7f\ufffd]/;

  /**
   * What `t` says when it is encoded: percent-encoded (`hi%20jo`), or base64 of UTF-8 text
   * (telemetry often base64s its JSON); null when it is neither.
   */
  function unwrapped(t) {
    if (/%[0-9A-Fa-f]{2}/.test(t)) {
      try {
        return decodeURIComponent(t.replace(/\+/g, ' '));
      } catch {
        return null;
      }
    }
    // Base64 of text mixes upper and lower case; a key or an id in one case (`mouse_move`) is
    // not tried.
    if (t.length % 4 === 1 || !BASE64.test(t) || !/[A-Z]/.test(t) || !/[a-z]/.test(t)) return null;
    let bin;
    try {
      bin = atob(t.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
    } catch {
      return null;
    }
    const text = decoded(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    return text && !CONTROL.test(text) ? text : null;
  }

  /**
   * The strings in `s`: itself, and when it is JSON or a form body, every string inside it
   * (values and object keys; JSON held in a string is read too), and what it says when it is
   * percent-encoded or base64 (and so on, DEPTH deep).
   */
  function stringsOf(s, out, depth = 0) {
    if (depth >= DEPTH) return out.add(s);
    const t = s.trim();
    const inner = unwrapped(t);
    if (inner !== null && inner !== t) stringsOf(inner, out, depth + 1);
    let v;
    try {
      v = /^[[{"]/.test(t) ? JSON.parse(t) : undefined;
    } catch { /* not JSON: a string as it is */ }
    // A JSON object or array stands for what is in it: its strings are looked at one by one,
    // not its text (whose quotes and commas would join one string's words to the next's).
    if (!v || typeof v !== 'object') out.add(s);
    if (v !== undefined) {
      const stack = [v];
      while (stack.length) {
        const x = stack.pop();
        if (typeof x === 'string') stringsOf(x, out, depth + 1);
        else if (x && typeof x === 'object') {
          for (const [k, y] of Object.entries(x)) {
            if (!Array.isArray(x)) out.add(k);
            stack.push(y);
          }
        }
      }
    } else if (/^[^=&\s]+=[^\s]*$/.test(t)) {
      for (const [k, field] of new URLSearchParams(t)) {
        out.add(k);
        stringsOf(field, out, depth + 1);
      }
    }
    return out;
  }

  /** The strings in a URL's query (tRPC's `input`, a search box's `q`, …); the path is not read. */
  function queryStrings(url, out) {
    for (const [k, v] of url.searchParams) {
      out.add(k);
      stringsOf(v, out, 1);
    }
    return out;
  }

  /**
   * The strings a posted message carries (what structured clone copies: strings, and the keys
   * and values of objects, arrays, maps and sets, each read like a request's string), into
   * `out`. Bytes, blobs and ports carry none that can be read at once (bytes are not read in
   * requests either).
   */
  function messageStrings(message, out) {
    const seen = new Set();
    const stack = [message];
    while (stack.length) {
      const x = stack.pop();
      if (typeof x === 'string') {
        stringsOf(x, out, 1);
        continue;
      }
      if (!x || typeof x !== 'object' || seen.has(x)) continue;
      seen.add(x);
      switch (kindOf(x)) {
        case 'Array':
        case 'Object':
          for (const [k, v] of Object.entries(x)) {
            if (!Array.isArray(x)) out.add(k);
            stack.push(v);
          }
          break;
        case 'Map':
          for (const [k, v] of x) stack.push(k, v);
          break;
        case 'Set':
          for (const v of x) stack.push(v);
          break;
        case 'String':
          stack.push(String(x));
          break;
        default:
      }
    }
    return out;
  }

  /** Whether a message may be posted: at once, like an address (the post cannot wait). */
  function messageOk(message) {
    if (message == null || typeof message === 'number' || typeof message === 'boolean') return true;
    let texts;
    try {
      texts = [...messageStrings(message, new Set())].filter((t) => t.trim());
    } catch {
      return false; // a getter or a proxy that throws: not read, not posted
    }
    return texts.length === 0 || verdictNow(texts);
  }

  /** A byte body as text, or null when it is not UTF-8 (binary, compressed). */
  function decoded(buf) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return null;
    }
  }

  /** An object's class, also for one made in another frame (where `instanceof` is false). */
  const kindOf = (x) => Object.prototype.toString.call(x).slice(8, -1);
  const thenable = (x) => typeof x?.then === 'function';

  /**
   * A body as text: a string, or a promise of one; null when it cannot be read (a stream, a
   * binary or compressed body). A form's files are not read here (attached text files are
   * checked when they are picked, dropped or pasted): its text fields are, as a form body.
   * Bodies made in a frame of the page are read the same way.
   */
  function bodyText(body) {
    if (body == null) return '';
    if (typeof body === 'string') return body;
    if (thenable(body)) return Promise.resolve(body).then(bodyText);
    switch (kindOf(body)) {
      case 'URLSearchParams':
        return String(body);
      case 'FormData': {
        const p = new URLSearchParams();
        for (const [k, v] of body) if (typeof v === 'string') p.append(k, v);
        return p.toString();
      }
      case 'Blob':
      case 'File':
        return Promise.resolve(body.arrayBuffer()).then(decoded);
      case 'ArrayBuffer':
        return decoded(body);
      default:
        return ArrayBuffer.isView(body) ? decoded(body) : null;
    }
  }

  /**
   * Whether a request may go: `true` at once when it carries nothing to check, else a promise.
   * `body` as fetch, XMLHttpRequest or sendBeacon take it (or a promise of its bytes); `base`
   * the address relative URLs are read against (the frame's document's).
   */
  function gate(href, method, body, base = location.href) {
    let url;
    try {
      url = new URL(href, base);
    } catch {
      return true; // the browser refuses the request itself
    }
    const endpoint = endpointOf(url, method);
    const decide = (text) => {
      if (endpoint?.texts) {
        let texts;
        try {
          texts = endpoint.texts(text);
        } catch {
          return false;
        }
        return verdict(texts, 'chat');
      }
      // Mistral's paths: a body that cannot be read is refused; elsewhere it goes unread.
      if (text === null && endpoint) return false;
      const all = queryStrings(url, text ? stringsOf(text, new Set()) : new Set());
      // Every string that is not blank: a draft of a message's first keystrokes is one or two
      // characters long, and held back unless the user opened this site's drafts.
      const texts = [...all].filter((t) => t.trim());
      return texts.length ? verdict(texts, 'composer') : true;
    };
    const text = bodyText(body);
    if (thenable(text)) return text.then(decide, () => decide(null));
    const now = decide(text);
    // A refusal known at once is a promise too: every caller waits on what is not `true`.
    return now === true ? true : Promise.resolve(now);
  }

  const REFUSED = 'pii-airlock: this message was not sent: it was not checked for personal data';
  const HELD = 'pii-airlock: this request was held back: it carries text from the message box that you have not sent';
  /** Why a request to `href` was refused, for the page's error. */
  const why = (href, method, base = location.href) => {
    try {
      return endpointOf(new URL(href, base), method)?.texts ? REFUSED : HELD;
    } catch {
      return HELD;
    }
  };

  /** Marks a window whose request functions are wrapped (its `fetch`). */
  const GUARDED = Symbol('pii-airlock-guarded');

  /**
   * Wraps what `win` sends with: this page's window, and each same-origin window the page
   * reaches — a frame's (`contentWindow`, `contentDocument`), a window it opens — whose own
   * `fetch` would otherwise send around the check (a frame made a moment ago runs no
   * extension script yet). A cross-origin window is left alone: the page cannot use its
   * functions either.
   */
  function guard(win) {
    let original;
    try {
      original = win.fetch;
    } catch {
      return; // cross-origin
    }
    if (typeof original !== 'function' || original[GUARDED]) return;
    const base = () => {
      try {
        return win.document.baseURI;
      } catch {
        return location.href;
      }
    };

    win.fetch = function fetch(input, init) {
      const isRequest = kindOf(input) === 'Request';
      const method = init?.method ?? (isRequest ? input.method : 'GET');
      let body = null;
      try {
        body = init && 'body' in init ? init.body : isRequest && input.body ? input.clone().arrayBuffer() : null;
      } catch {
        // A request whose body was read already: the native fetch rejects it below.
      }
      const href = isRequest ? input.url : String(input);
      const at = base();
      const ok = gate(href, method, body, at);
      if (ok === true) return original.call(win, input, init);
      return Promise.resolve(ok).then((yes) => {
        if (!yes) throw new win.TypeError(why(href, method, at));
        return original.call(win, input, init);
      });
    };
    win.fetch[GUARDED] = true;

    // sendBeacon (analytics, typing telemetry): answers true at once, as the browser does when
    // it queues a beacon, and the beacon goes once it is checked; a refused one never goes.
    const beacon = win.Navigator?.prototype.sendBeacon;
    if (typeof beacon === 'function') {
      win.Navigator.prototype.sendBeacon = function sendBeacon(url, data) {
        const ok = gate(String(url), 'POST', data, base());
        if (ok === true) return beacon.call(this, url, data);
        ok.then((yes) => { if (yes) beacon.call(this, url, data); });
        return true;
      };
    }

    // WebSocket: every frame is queued in order behind the frames still being checked. A frame
    // on a chat socket (Copilot's) goes once its texts are confirmed, and one that cannot be
    // read (binary) is dropped; on any other socket a text frame is checked against the
    // composer, a binary one goes unread. A refused frame is dropped; the frames after it
    // still go, in order.
    const WS = win.WebSocket;
    if (typeof WS === 'function') {
      const wsSend = WS.prototype.send;
      const queues = new WeakMap();
      const socketOf = (ws) => {
        try {
          const url = new URL(ws.url);
          return url.host === hub.location.host ? SOCKETS.find((e) => e.path.test(url.pathname)) ?? null : null;
        } catch {
          return null;
        }
      };
      const frameOk = (ws, data) => {
        const endpoint = socketOf(ws);
        if (!endpoint) {
          if (typeof data !== 'string') return true;
          const texts = [...stringsOf(data, new Set())].filter((t) => t.trim());
          return texts.length ? verdict(texts, 'composer') : true;
        }
        let texts;
        try {
          texts = endpoint.texts(typeof data === 'string' ? data : null);
        } catch {
          return false;
        }
        return texts.length === 0 || verdict(texts, 'chat');
      };
      WS.prototype.send = function (data) {
        // Not open: the native send throws as it should.
        if (this.readyState !== WS.OPEN) return wsSend.call(this, data);
        const ok = frameOk(this, data);
        const pending = queues.get(this);
        if (ok === true && !pending) return wsSend.call(this, data);
        const queue = (pending ?? Promise.resolve()).then(() => ok).then((yes) => {
          if (yes && this.readyState === WS.OPEN) wsSend.call(this, data);
        });
        queues.set(this, queue);
        queue.then(() => { if (queues.get(this) === queue) queues.delete(this); });
        return undefined;
      };
    }

    // XMLHttpRequest (Gemini's client posts with it): send() is held until the request is
    // checked; a refused request is never sent and ends with an error event.
    const XHR = win.XMLHttpRequest;
    if (typeof XHR === 'function') {
      const open = XHR.prototype.open;
      const send = XHR.prototype.send;
      const target = new WeakMap();
      XHR.prototype.open = function (method, url, ...rest) {
        target.set(this, { method, url: String(url), sync: rest[0] === false, base: base() });
        return open.call(this, method, url, ...rest);
      };
      XHR.prototype.send = function (body) {
        const t = target.get(this);
        const ok = t ? gate(t.url, t.method, body, t.base) : true;
        if (ok === true) return send.call(this, body);
        // A synchronous request cannot wait for the check: refused.
        if (t.sync) throw new win.DOMException(why(t.url, t.method, t.base), 'NetworkError');
        ok.then((yes) => {
          if (yes) {
            send.call(this, body);
            return;
          }
          for (const type of ['error', 'loadend']) this.dispatchEvent(new win.ProgressEvent(type));
        });
        return undefined;
      };
    }

    // Addresses the page sets on elements that load them at once — a pixel (`new Image().src`),
    // a stylesheet or prefetch `<link>`, a script, a frame, a link's `ping` — by property or by
    // setAttribute: one whose query carries unsent text or a value is not set (the element
    // loads nothing). Only http(s) addresses load anything from a server.
    const urlsOf = (name, value) => (name === 'srcset'
      ? value.split(',').map((c) => c.trim().split(/\s+/)[0])
      : name === 'ping' ? value.split(/\s+/) : [value]).filter(Boolean);
    const addressOk = (name, value) => urlsOf(name, String(value)).every((href) => {
      let url;
      try {
        url = new URL(href, base());
      } catch {
        return true; // the browser does not load it
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return true;
      const texts = [...queryStrings(url, new Set())].filter((t) => t.trim());
      return texts.length === 0 || verdictNow(texts);
    });
    /** A worker's script address: its query, or all of a `data:` address (the script itself). */
    const scriptOk = (href) => {
      let url;
      try {
        url = new URL(String(href), base());
      } catch {
        return true; // the constructor throws on it itself
      }
      if (url.protocol === 'data:') {
        const comma = url.href.indexOf(',');
        return messageOk(comma < 0 ? '' : url.href.slice(comma + 1));
      }
      return addressOk('src', url.href);
    };
    const LOADS = { IMG: ['src', 'srcset'], SOURCE: ['src', 'srcset'], LINK: ['href'], SCRIPT: ['src'], IFRAME: ['src'], A: ['ping'] };
    for (const [Element, props] of [[win.HTMLImageElement, LOADS.IMG], [win.HTMLSourceElement, LOADS.SOURCE],
      [win.HTMLLinkElement, LOADS.LINK], [win.HTMLScriptElement, LOADS.SCRIPT], [win.HTMLIFrameElement, LOADS.IFRAME],
      [win.HTMLAnchorElement, LOADS.A]]) {
      for (const prop of props) {
        const d = Element && Object.getOwnPropertyDescriptor(Element.prototype, prop);
        if (!d?.set) continue;
        Object.defineProperty(Element.prototype, prop, {
          ...d,
          set(value) {
            if (addressOk(prop, value)) d.set.call(this, value);
          },
        });
      }
    }
    const ElementType = win.Element;
    if (ElementType) {
      const setAttribute = ElementType.prototype.setAttribute;
      ElementType.prototype.setAttribute = function (name, value) {
        const prop = String(name).toLowerCase();
        if (LOADS[this.tagName]?.includes(prop) && !addressOk(prop, value)) return undefined;
        if (prop === 'style' && !cssOk(String(value))) return undefined;
        return setAttribute.call(this, name, value);
      };
      const setAttributeNS = ElementType.prototype.setAttributeNS;
      ElementType.prototype.setAttributeNS = function (ns, name, value) {
        const prop = String(name).toLowerCase();
        if (!ns && LOADS[this.tagName]?.includes(prop) && !addressOk(prop, value)) return undefined;
        if (!ns && prop === 'style' && !cssOk(String(value))) return undefined;
        return setAttributeNS.call(this, ns, name, value);
      };
    }

    // Addresses written as markup or CSS: `innerHTML = '<img src="…?d=…">'` (and its kin:
    // `outerHTML`, `insertAdjacentHTML`, `setHTMLUnsafe`, `createContextualFragment`,
    // `document.write`), a `style` attribute's or a `<style>`'s `url(…)`, one given to
    // `style.setProperty` or `style.cssText`. The browser starts those loads as it parses (a stylesheet `<link>` at once), so the
    // markup is read before it goes in: parsed in an inert `<template>` (nothing loads there),
    // each address that loads by itself checked at once like one set by property; when one is
    // held, the markup goes in without it (the template's serialisation, with the attribute or
    // the `<style>` left out). Markup without `?` (nor an entity or a CSS escape that could
    // spell one) holds no query, and markup without an attribute that loads holds no address
    // (LOADING): neither is parsed twice.
    const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3/gi;
    const unescapeCss = (t) => t.replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (m, hex, c) => (hex ? String.fromCodePoint(parseInt(hex, 16) || 0xfffd) : c));
    const cssOk = (css) => !/url\(|@import/i.test(css)
      || [...unescapeCss(css).matchAll(CSS_URL)].every((m) => addressOk('src', m[2] ?? m[4] ?? ''));
    const MARKUP_LOADS = { src: 'src', srcset: 'srcset', poster: 'src', data: 'src', background: 'src', ping: 'ping' };
    /** The elements read below: those with one of MARKUP_LOADS, a style, a `<link>`'s or SVG's `href`. */
    const MARKUP_SELECTOR = [...Object.keys(MARKUP_LOADS).map((a) => `[${a}]`), '[style]', 'style', 'link[href]', 'svg [href]', 'svg [*|href]'].join(',');
    /**
     * Markup that may hold an address that loads by itself: an attribute of MARKUP_LOADS or
     * `style` (also after a `/` or right after a quoted value, which HTML reads as separated),
     * a `<style>`, a `<link>` or
     * SVG (whose `href` loads). A link's own `href` does not load: an answer's links alone do
     * not make its markup parsed twice.
     */
    const LOADING = /[\s/"'](src|srcset|poster|data|background|ping|style)\s*=|<(link|style|svg)[\s/>]/i;
    const templateHTML = Object.getOwnPropertyDescriptor(win.Element?.prototype ?? {}, 'innerHTML');
    /** `html` as it may go in: itself, or without the addresses that are held. */
    const markupOk = (html) => {
      const text = String(html);
      if (!/[?&\\]/.test(text) || !LOADING.test(text) || !templateHTML?.set) return html;
      const t = win.document.createElement('template');
      templateHTML.set.call(t, text);
      let held = false;
      for (const el of t.content.querySelectorAll(MARKUP_SELECTOR)) {
        for (const [attr, kind] of Object.entries(MARKUP_LOADS)) {
          const v = el.getAttribute(attr);
          if (v !== null && !addressOk(kind, v)) {
            el.removeAttribute(attr);
            held = true;
          }
        }
        const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
        if (href !== null && (el.tagName === 'LINK' || el instanceof win.SVGElement) && !addressOk('href', href)) {
          el.removeAttribute('href');
          el.removeAttribute('xlink:href');
          held = true;
        }
        const style = el.getAttribute('style');
        if (style !== null && !cssOk(style)) {
          el.removeAttribute('style');
          held = true;
        }
        if (el.tagName === 'STYLE' && !cssOk(el.textContent)) {
          el.remove();
          held = true;
        }
      }
      return held ? templateHTML.get.call(t) : html;
    };
    const markupSetter = (Proto, prop) => {
      const d = Proto && Object.getOwnPropertyDescriptor(Proto, prop);
      if (!d?.set) return;
      Object.defineProperty(Proto, prop, { ...d, set(value) { d.set.call(this, markupOk(value)); } });
    };
    markupSetter(win.Element?.prototype, 'innerHTML');
    markupSetter(win.Element?.prototype, 'outerHTML');
    markupSetter(win.ShadowRoot?.prototype, 'innerHTML');
    for (const [Proto, name, at] of [[win.Element?.prototype, 'insertAdjacentHTML', 1], [win.Element?.prototype, 'setHTMLUnsafe', 0],
      [win.ShadowRoot?.prototype, 'setHTMLUnsafe', 0], [win.Range?.prototype, 'createContextualFragment', 0]]) {
      const f = Proto?.[name];
      if (typeof f !== 'function') continue;
      Proto[name] = function (...args) {
        if (args.length > at) args[at] = markupOk(args[at]);
        return f.apply(this, args);
      };
    }
    for (const name of ['write', 'writeln']) {
      const f = win.Document?.prototype[name];
      if (typeof f !== 'function') continue;
      win.Document.prototype[name] = function (...args) {
        return f.call(this, markupOk(args.join('')));
      };
    }
    const Style = win.CSSStyleDeclaration?.prototype;
    if (Style) {
      const setProperty = Style.setProperty;
      Style.setProperty = function (name, value, ...rest) {
        if (typeof value === 'string' && !cssOk(value)) return undefined;
        return setProperty.call(this, name, value, ...rest);
      };
      // `cssText` is the prototype's; the properties by name (`style.backgroundImage`) are each
      // style object's own, so they cannot be wrapped short of a proxy on every `style`.
      const cssText = Object.getOwnPropertyDescriptor(Style, 'cssText');
      if (cssText?.set) {
        Object.defineProperty(Style, 'cssText', { ...cssText, set(value) { if (cssOk(String(value))) cssText.set.call(this, value); } });
      }
    }

    // Workers. The hooks above are this window's: a dedicated, shared or service worker has its
    // own `fetch` and `WebSocket`, which no script of the extension reaches (MV3 injects into
    // documents only), and running the worker from a wrapper of ours (a blob that installs
    // hooks, then loads the site's script) would change its address — every relative URL in it
    // — and needs `blob:` in the site's worker-src. But a worker has no DOM: what it knows of
    // the message box comes from a window, by the messages it is posted (to the worker, its
    // port, a port handed over, a BroadcastChannel), by its script's address and its name. So
    // those are the door: each is checked at once, like an address; a message that carries
    // unsent text or a value is not posted (dropped, counted), a worker whose address or name
    // carries some is not started (the constructor throws, as for an address it refuses).
    for (const Target of [win.Worker, win.MessagePort, win.BroadcastChannel, win.ServiceWorker]) {
      const post = Target?.prototype.postMessage;
      if (typeof post !== 'function') continue;
      Target.prototype.postMessage = function postMessage(message, ...rest) {
        if (!messageOk(message)) return undefined;
        return post.call(this, message, ...rest);
      };
    }
    for (const name of ['Worker', 'SharedWorker']) {
      const Ctor = win[name];
      if (typeof Ctor !== 'function') continue;
      win[name] = new Proxy(Ctor, {
        construct(target, args, newTarget) {
          const [url, options] = args;
          const label = typeof options === 'string' ? options : options?.name;
          if (!scriptOk(url) || (typeof label === 'string' && !messageOk(label))) {
            throw new win.DOMException(HELD, 'SecurityError');
          }
          return Reflect.construct(target, args, newTarget);
        },
      });
    }
    const container = win.ServiceWorkerContainer?.prototype;
    const register = container?.register;
    if (typeof register === 'function') {
      container.register = function (url, ...rest) {
        if (!scriptOk(url)) return Promise.reject(new win.DOMException(HELD, 'SecurityError'));
        return register.call(this, url, ...rest);
      };
    }

    // Navigation and forms: a page can send the text by leaving (`location = '…?q=…'`, a link it
    // clicks, a form it submits, to any origin) or by opening a window. Location cannot be
    // wrapped (its members are unforgeable); the Navigation API's `navigate` event is where
    // every navigation of this window passes first, cancelable when the page started it, with
    // a POST form's fields. A form that targets another window or a new one navigates there,
    // so the submission is checked too (the `submit` event, and `submit()`, which fires none).
    // Checked at once, like an address: one that carries unsent text or a value does not go.
    const formOk = (form, submitter) => {
      let data;
      try {
        data = new win.FormData(form, submitter ?? undefined);
      } catch {
        data = new win.FormData(form);
      }
      const fields = new URLSearchParams();
      for (const [k, v] of data) if (typeof v === 'string') fields.append(k, v);
      const action = submitter?.getAttribute?.('formaction') ? submitter.formAction : form.action;
      return addressOk('href', action) && messageOk(fields.toString());
    };
    win.navigation?.addEventListener('navigate', (e) => {
      if (!e.cancelable || (e.destination.sameDocument && !e.formData)) return;
      const fields = new URLSearchParams();
      for (const [k, v] of e.formData ?? []) if (typeof v === 'string') fields.append(k, v);
      if (!addressOk('href', e.destination.url) || !messageOk(fields.toString())) e.preventDefault();
    });
    win.addEventListener('submit', (e) => {
      if (e.target?.tagName === 'FORM' && !formOk(e.target, e.submitter)) e.preventDefault();
    }, true);
    const Form = win.HTMLFormElement?.prototype;
    const submit = Form?.submit;
    if (typeof submit === 'function') {
      Form.submit = function () {
        if (formOk(this, null)) submit.call(this);
      };
    }

    // The windows this one reaches: its frames' and those it opens.
    for (const Frame of [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement]) {
      for (const prop of ['contentWindow', 'contentDocument']) {
        const d = Frame && Object.getOwnPropertyDescriptor(Frame.prototype, prop);
        if (!d?.get) continue;
        Object.defineProperty(Frame.prototype, prop, {
          ...d,
          get() {
            const v = d.get.call(this);
            const w = prop === 'contentWindow' ? v : v?.defaultView;
            if (w) guard(w);
            return v;
          },
        });
      }
    }
    const openWindow = win.open;
    if (typeof openWindow === 'function') {
      win.open = function open(...args) {
        // A window opened on an address that carries the text is not opened (as if blocked).
        if (args[0] != null && String(args[0]) !== '' && !addressOk('href', args[0])) return null;
        const w = openWindow.apply(this, args);
        if (w) guard(w);
        return w;
      };
    }
  }

  guard(window);
})();
