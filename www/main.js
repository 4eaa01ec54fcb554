// The demo page. User text only ever reaches the DOM through textContent: never as HTML.
import { init, Airlock } from './pkg/index.js';

const prompt = document.getElementById('prompt');
const list = document.getElementById('findings');
const summary = document.getElementById('summary');
const outgoing = document.getElementById('outgoing');

function render(airlock) {
  const text = prompt.value;
  const findings = airlock.scan(text);
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
      f.context && `context “${f.context}”`].filter(Boolean).join(' · ');
    li.append(type, ' ', value, ' ', why);
    li.dataset.entity = f.entity;
    return li;
  }));
  summary.textContent = findings.length === 0
    ? 'No personal data found.'
    : `${findings.length} item${findings.length === 1 ? '' : 's'} of personal data found.`;
  // A fresh vault per render: the preview shows numbering for this text alone.
  const preview = new Airlock();
  outgoing.textContent = preview.redact(text);
  preview.free();
}

async function main() {
  try {
    await init();
  } catch (e) {
    // Fail closed and say so: without the engine nothing is checked.
    summary.textContent = 'The privacy engine could not load; nothing is checked. ' + e.name;
    document.body.dataset.state = 'error';
    return;
  }
  const airlock = new Airlock();
  let timer = 0;
  prompt.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => render(airlock), 60);
  });
  render(airlock);
  document.body.dataset.state = 'ready';
}

main();
