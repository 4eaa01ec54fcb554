// Site adapters: where a site's composer, send button and answers are, and its conversation id.
// The chat sites change their markup often, so every adapter falls back on the generic one
// (any textarea or contenteditable the user types into, a submit-like button).
'use strict';

(() => {
  const ns = (globalThis.piiAirlock ??= {});

  const idFrom = (re) => (loc) => re.exec(loc.pathname)?.[1] ?? null;

  const GENERIC = {
    id: 'generic',
    editor: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
    send: 'button[type="submit"], button[data-testid*="send" i], button[aria-label*="send" i], button[aria-label*="submit" i], button[aria-label*="senden" i], button[aria-label*="envoyer" i], button[aria-label*="enviar" i]',
    // Answers: anywhere outside the composer (restore.js skips editors, links and form fields).
    answers: 'body',
    // Open WebUI and LibreChat: /c/<id>; otherwise the path itself names the conversation.
    conversation: (loc) => /^\/c\/([\w-]+)/.exec(loc.pathname)?.[1] ?? (loc.pathname.length > 1 ? loc.pathname : null),
  };

  /**
   * Built-in sites by host (manifest.json's content_scripts). Editors: ProseMirror (ChatGPT,
   * Claude), Quill (Gemini), Lexical (Perplexity), textareas (Copilot, DeepSeek, Mistral). The
   * selectors are the ids, names and labels these sites' composers and buttons are publicly
   * known to carry; what a site does not mark stably (DeepSeek's send control, Mistral's
   * answers) is left to the generic selectors.
   */
  const SITES = {
    'chatgpt.com': {
      id: 'chatgpt',
      editor: '#prompt-textarea, div.ProseMirror[contenteditable="true"]',
      send: 'button[data-testid="send-button"], #composer-submit-button',
      answers: '[data-message-author-role="assistant"]',
      conversation: idFrom(/^\/c\/([\w-]+)/),
    },
    'claude.ai': {
      id: 'claude',
      editor: 'div.ProseMirror[contenteditable="true"]',
      send: 'button[aria-label="Send message" i], button[aria-label="Send Message"]',
      answers: '.font-claude-message, [data-is-streaming]',
      conversation: idFrom(/^\/chat\/([\w-]+)/),
    },
    'gemini.google.com': {
      id: 'gemini',
      editor: '.ql-editor[contenteditable="true"]',
      send: 'button.send-button, button[aria-label="Send message" i]',
      answers: 'message-content, model-response',
      conversation: idFrom(/^\/app\/([\w-]+)/),
    },
    'copilot.microsoft.com': {
      id: 'copilot',
      editor: 'textarea#userInput, textarea[data-testid="composer-input"]',
      send: 'button[data-testid="submit-button"], button[aria-label="Submit message" i]',
      answers: '[data-content="ai-message"]',
      conversation: idFrom(/^\/chats\/([\w-]+)/),
    },
    'chat.mistral.ai': {
      id: 'mistral',
      editor: 'textarea[name="message.text"]',
      send: 'button[aria-label="Send question" i]',
      conversation: idFrom(/^\/chat\/([\w-]+)/),
    },
    'www.perplexity.ai': {
      id: 'perplexity',
      editor: '#ask-input[contenteditable="true"], div[data-lexical-editor="true"][contenteditable="true"]',
      send: 'button[data-testid="submit-button"], button[aria-label="Submit" i]',
      answers: '.prose',
      conversation: idFrom(/^\/search\/([\w.-]+)/),
    },
    'chat.deepseek.com': {
      id: 'deepseek',
      editor: 'textarea#chat-input',
      answers: '.ds-markdown',
      conversation: idFrom(/^\/a\/chat\/s\/([\w-]+)/),
    },
  };

  /** The adapter for this page: the site's own fields, the generic ones for the rest. */
  function forLocation(loc) {
    const site = SITES[loc.hostname] ?? {};
    return {
      ...GENERIC,
      ...site,
      // The site's selectors first, the generic ones when a redesign has moved them.
      editor: site.editor ? `${site.editor}` : GENERIC.editor,
      fallbackEditor: GENERIC.editor,
      send: site.send ? `${site.send}, ${GENERIC.send}` : GENERIC.send,
      siteSend: site.send ?? null,
      // Answers: the site's containers, the whole page when none is found (restore.js).
      answers: site.answers ?? GENERIC.answers,
    };
  }

  /** The composer `target` belongs to, if it is one (the editable root, not an inner node). */
  function editorOf(adapter, target) {
    if (!(target instanceof Element)) return null;
    if (target.closest('[data-pii-airlock-ui]')) return null;
    if (target instanceof HTMLTextAreaElement) return target.matches(adapter.editor) || target.matches(adapter.fallbackEditor) ? target : null;
    let root = target.closest('[contenteditable]:not([contenteditable="false"])');
    if (!root) return null;
    // The outermost editable element is the editor (ProseMirror nests none, but sites may).
    for (let up = root.parentElement?.closest('[contenteditable]:not([contenteditable="false"])'); up; up = up.parentElement?.closest('[contenteditable]:not([contenteditable="false"])')) {
      root = up;
    }
    return root.matches(adapter.editor) || root.matches(adapter.fallbackEditor) ? root : null;
  }

  ns.adapters = { forLocation, editorOf, SITES };
})();
