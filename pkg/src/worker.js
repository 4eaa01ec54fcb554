// Module worker: scans large texts off the main thread with its own engine. Messages:
// {type:'init', policy, gazetteer, options, allowed}, {type:'allowed', state} (the page guard's
// "always allow" answers as keyed hashes, never values),
// {type:'scan', id, text} → {id, findings} | {id, error}.
import initWasm, { Guard } from '../dist/web/pii_airlock.js';

let ready = null;
let core = null;

self.addEventListener('message', async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    ready = initWasm().then(() => {
      // Scanning only: the keys seed surrogates and receipts, which this copy never makes.
      const key = () => crypto.getRandomValues(new Uint8Array(32));
      core = new Guard(m.policy, m.options, key(), key(), m.gazetteer ?? undefined);
      if (m.allowed) core.importAllowed(m.allowed);
    });
    ready.catch(() => {});
    return;
  }
  try {
    await ready;
    if (m.type === 'allowed') core.importAllowed(m.state);
    else if (m.type === 'scan') self.postMessage({ id: m.id, findings: core.scan(m.text) });
  } catch (err) {
    // The error's name only: a message could in principle echo input.
    if (m.type === 'scan') self.postMessage({ id: m.id, error: String(err?.name ?? 'Error') });
  }
});
