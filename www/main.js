// The demo page. User text only ever reaches the DOM through textContent: never as HTML.
// The "model" is a function in this page that answers as a server-sent-event stream, so the
// guard's whole path runs: highlight → consent → rewritten body → streamed answer restored.
import { createGuard, PRESETS } from './pkg/index.js';

// The demo's own policy: gdpr, but personal data is asked about instead of pseudonymized
// silently, so the consent dialog shows. The presets can be picked with ?policy=.
const ASK = {
  version: 1, id: 'demo-ask', extends: 'gdpr',
  categories: { identifiers: 'ask', contact: 'ask', financial: 'ask', people: 'ask', locations: 'ask' },
};
const chosen = new URLSearchParams(location.search).get('policy');
const policy = PRESETS.includes(chosen) ? chosen : ASK;
document.getElementById('policy').value = typeof policy === 'string' ? policy : 'ask';

const prompt = document.getElementById('prompt');
const list = document.getElementById('findings');
const summary = document.getElementById('summary');
const outgoing = document.getElementById('outgoing');
const received = document.getElementById('received');
const answer = document.getElementById('answer');

/** A pretend LLM endpoint: echoes the placeholders it got, in 6-character SSE deltas. */
async function pretendModel(_url, init) {
  const body = JSON.parse(init.body);
  const text = body.messages.at(-1).content;
  received.textContent = text;
  const tokens = text.match(/\[[A-Z][A-Z_]*_\d+\]/g) ?? [];
  const reply = tokens.length
    ? `I will only use ${tokens.join(', ')} as you asked.`
    : 'Nothing personal reached me.';
  const enc = new TextEncoder();
  const stream = new ReadableStream({
    async start(ctl) {
      for (let i = 0; i < reply.length; i += 6) {
        const ev = { choices: [{ index: 0, delta: { content: reply.slice(i, i + 6) }, finish_reason: null }] };
        ctl.enqueue(enc.encode(`data: ${JSON.stringify(ev)}\n\n`));
        await new Promise((r) => setTimeout(r, 15));
      }
      ctl.enqueue(enc.encode('data: [DONE]\n\n'));
      ctl.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
}

function render(guard, findings, text) {
  list.replaceChildren(...findings.map((f) => {
    const li = document.createElement('li');
    const type = document.createElement('span');
    type.className = 'entity';
    type.textContent = f.entity;
    const value = document.createElement('code');
    value.textContent = text.slice(f.start, f.end);
    const why = document.createElement('span');
    why.className = 'why';
    why.textContent = [`score ${f.score.toFixed(2)}`, f.check && `check ${f.check}`,
      f.context && `context “${f.context}”`, `policy: ${f.action}`].filter(Boolean).join(' · ');
    li.append(type, ' ', value, ' ', why);
    li.dataset.entity = f.entity;
    return li;
  }));
  summary.textContent = findings.length === 0
    ? 'No personal data found.'
    : `${findings.length} item${findings.length === 1 ? '' : 's'} of personal data found.`;
  // What "Send redacted" would send now, without numbering anything yet.
  try {
    outgoing.textContent = guard.core.previewText(text, 'redacted', undefined, Date.now());
  } catch {
    outgoing.textContent = 'Blocked by the policy: this text cannot be sent.';
  }
}

async function send(guardedFetch) {
  answer.textContent = '';
  const body = JSON.stringify({ model: 'pretend', stream: true, messages: [{ role: 'user', content: prompt.value }] });
  try {
    const res = await guardedFetch('/v1/chat/completions', { method: 'POST', body });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      let cut;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const data = buf.slice(0, cut).replace(/^data: /, '');
        buf = buf.slice(cut + 2);
        if (data !== '[DONE]') answer.textContent += JSON.parse(data).choices[0].delta.content ?? '';
      }
    }
    document.body.dataset.sent = 'done';
  } catch (e) {
    // Fail closed, visibly: the request did not leave.
    answer.textContent = `Not sent: ${e.reason ?? e.name}`;
    document.body.dataset.sent = e.reason ?? 'error';
  }
}

async function main() {
  let guard;
  try {
    guard = await createGuard({ endpoints: ['/v1/'], policy });
  } catch (e) {
    // Fail closed and say so: without the engine nothing is checked.
    summary.textContent = 'The privacy engine could not load; nothing is checked. ' + e.name;
    document.body.dataset.state = 'error';
    return;
  }
  const ctl = guard.attach(prompt);
  prompt.addEventListener('pii-airlock:findings', (e) => render(guard, e.detail.findings, e.detail.text));
  const guardedFetch = guard.guardFetch(pretendModel);
  document.getElementById('send').addEventListener('click', () => send(guardedFetch));
  prompt.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); send(guardedFetch); }
  });
  await ctl.refresh();
  document.body.dataset.state = 'ready';
}

main();
