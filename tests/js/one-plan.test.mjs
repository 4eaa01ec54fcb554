// One plan per request: a guarded body is parsed and planned once, and the consent dialog's
// preview and the body that is sent come from that same plan. And "nobody to ask" means the
// same in every surface: the dialog's default answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createGuard } from '../../pkg/node.js';
import { makeGuard } from '../../pkg/src/guard.js';

const require = createRequire(import.meta.url);
const wasm = require('../../pkg/dist/node/pii_airlock.js');

// A guard whose dialog is a test double: `answer(request, guard)` plays the user.
function withDialog(options, answer) {
  const env = {
    strings: wasm.strings,
    showConsentDialog: async (request) => answer(request, guard),
  };
  let guard;
  return makeGuard({ Net: wasm.Net, init: async () => {}, gazetteer: async () => null },
    { consent: 'dialog', ...options }, env).then((g) => { guard = g; return g; });
}

// History holds `[EMAIL_ADDRESS_1]` for a value this guard never saw: the new address must be
// numbered past it, in the dialog's preview as in what is sent.
const BODY = JSON.stringify({
  model: 'm',
  messages: [
    { role: 'assistant', content: 'I wrote to [EMAIL_ADDRESS_1] yesterday.' },
    { role: 'user', content: 'Now write to jane@example.com, I have diabetes.' },
  ],
});
const sentText = (body) => JSON.parse(body).messages[1].content;

test('a guarded body is planned once: prepare, dialog preview and commit share one plan', async () => {
  let previews = null;
  const g = await withDialog({ policy: 'gdpr' }, (request) => { previews = request.previews; return 'redacted'; });
  const before = g.core.scanCount;
  const sent = await g.guardBody(BODY);
  // Two user texts, each scanned once (before: prepare, preview and commit scanned each).
  assert.equal(g.core.scanCount - before, 2);
  assert.deepEqual(previews, [sentText(sent)]);
  assert.equal(sentText(sent), 'Now write to [EMAIL_ADDRESS_2], I have [HEALTH_DATA_1].');
});

test('what the dialog previewed is sent, even when a value is allowed while it is open', async () => {
  let previews = null;
  const g = await withDialog({ policy: 'gdpr' }, (request, guard) => {
    previews = request.previews;
    // Elsewhere on the page (a highlight popover) the address is allowed from now on.
    const email = request.items.find((i) => i.entity === 'EMAIL_ADDRESS');
    guard.choose(email.finding, email.value, 'always-allow');
    return 'redacted';
  });
  const sent = await g.guardBody(BODY);
  assert.deepEqual(previews, [sentText(sent)]);
  assert.ok(!sent.includes('jane@'));
  // The next request is planned with the new answer.
  const again = await g.guardBody(JSON.stringify({ messages: [{ role: 'user', content: 'jane@example.com' }] }));
  assert.equal(JSON.parse(again).messages[0].content, 'jane@example.com');
});

test('requestConsent scans its text once and commits the plan it asked about', async () => {
  const g = await createGuard({ policy: 'gdpr', consent: async () => 'redacted' });
  const before = g.core.scanCount;
  const out = await g.requestConsent('I have diabetes, mail jane@example.com');
  assert.equal(g.core.scanCount - before, 1);
  assert.equal(out.text, 'I have [HEALTH_DATA_1], mail [EMAIL_ADDRESS_1]');
  assert.deepEqual(out.findings.map((f) => f.entity), ['HEALTH_DATA', 'EMAIL_ADDRESS']);
});

// `ask` for the address, a confirmed `allow` for the IBAN: with nobody to ask neither leaves as
// typed, in redact(), a beacon-like commit (consent "redact") and the CLI alike
// (tests/guard_browser.rs compares the CLI's decisions with this path).
const NOBODY = {
  version: 1,
  actions: { EMAIL_ADDRESS: 'ask', CREDIT_CARD: 'mask', IBAN_CODE: 'allow' },
  consent: { confirm: ['mask', 'allow'] },
};
const TEXT = 'mail jane@example.com, card 4111 1111 1111 1111, iban DE89 3704 0044 0532 0130 00';
const EXPECTED = 'mail [EMAIL_ADDRESS_1], card **** **** **** 1111, iban [IBAN_CODE_1]';

test('nobody to ask: redact() and consent "redact" settle open items as "Send redacted"', async () => {
  const g = await createGuard({ policy: NOBODY, gazetteer: false });
  assert.equal(g.redact(TEXT), EXPECTED);
  const r = await createGuard({ policy: NOBODY, gazetteer: false, consent: 'redact' });
  const body = await r.guardBody(JSON.stringify({ messages: [{ role: 'user', content: TEXT }] }));
  assert.equal(JSON.parse(body).messages[0].content, EXPECTED);
});
