// A pretend LLM backend for the demo: an OpenAI-style POST /v1/chat/completions that answers,
// streamed as server-sent events (or as one JSON body without `stream: true`), with the
// placeholders it received, so the page can show the answer restored on the client. It keeps
// the bodies it received in `log` (newest last), which the tests read to prove that no original
// value ever reached it. It is served by scripts/serve.mjs, which listens on loopback only.

const PLACEHOLDER = /\[[A-Z][A-Z0-9_]*_\d+\]/g;

/** The answer to one user message: a short reply that reuses every placeholder it was given. */
export function answerFor(userText) {
  const tokens = [...new Set(String(userText).match(PLACEHOLDER) ?? [])];
  if (tokens.length === 0) {
    return 'I received your message, and nothing in it looked like personal data or a secret ' +
      '(or it was removed before it reached me). How can I help?';
  }
  const person = tokens.find((t) => t.startsWith('[PERSON_'));
  const others = tokens.filter((t) => t !== person);
  const lines = [
    `Hello${person ? ` ${person}` : ''}, thanks for the details.`,
    others.length ? `I will refer to ${listOf(others)} exactly as you gave ${others.length === 1 ? 'it' : 'them'}.` : '',
    'Here is a draft you can send back:',
    '',
    `“Dear ${person ?? 'customer'}, we have received your request${others.length ? ` concerning ${others[0]}` : ''}` +
      ' and will reply within two working days.”',
  ];
  return lines.filter((l, i) => l !== '' || i === 3).join('\n');
}

function listOf(items) {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The backend's request handler. `delayMs` spaces the streamed events (so a person sees the
 * answer arrive); `chunk` is the size of each delta, small enough that placeholders are cut
 * across events, as real models do.
 */
export function createMockLlm({ delayMs = 25, chunk = 5 } = {}) {
  const log = [];
  async function handle(req, res) {
    let raw = '';
    for await (const c of req) raw += c;
    log.push({ at: new Date().toISOString(), path: req.url, body: raw });
    let body;
    try { body = JSON.parse(raw); } catch { body = null; }
    const last = Array.isArray(body?.messages) ? body.messages.at(-1) : null;
    if (!last) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'expected an OpenAI-style chat body', type: 'invalid_request_error' } }));
      return;
    }
    const content = typeof last.content === 'string'
      ? last.content
      : (last.content ?? []).map((p) => p?.text ?? '').join('\n');
    const answer = answerFor(content);
    const id = `chatcmpl-mock-${log.length}`;
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({
        id, object: 'chat.completion', model: body.model ?? 'mock',
        choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
      }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    const event = (delta, finish = null) => `data: ${JSON.stringify({
      id, object: 'chat.completion.chunk', model: body.model ?? 'mock',
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
    res.write(event({ role: 'assistant', content: '' }));
    for (let i = 0; i < answer.length; i += chunk) {
      if (res.destroyed) return;
      res.write(event({ content: answer.slice(i, i + chunk) }));
      await new Promise((r) => setTimeout(r, delayMs));
    }
    res.write(event({}, 'stop'));
    res.end('data: [DONE]\n\n');
  }
  return { log, handle };
}
