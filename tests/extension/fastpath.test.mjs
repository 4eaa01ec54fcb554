// The fast path of the check at once (an address the page sets on an image: main.js `quiet`)
// lets through nothing the full check holds. Addresses are generated from what the page's
// message box held (words, pieces, a value, encoded the ways telemetry encodes them, beside the
// site's own ids and event names) and each is checked both ways in the same page: set on an
// image (the check at once, fast path included) and fetched (the full check, with the engine),
// in the states around the fast path — nothing typed yet, text typed and deleted a moment ago,
// a value typed and sent with a placeholder, a short draft, a message sent as typed and the edit
// record expired — where the fast path must be taken only when the full check holds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExtension, openSite, editorOf, until } from './harness.mjs';

const env = withExtension();
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
/** The content script's edit record and short drafts last this long (main.js RECORD_MS, RECENT_MS). */
const RECORD_MS = 10000;

/**
 * `count` addresses from `seed`, built from `pieces` (what the box held), checked both ways.
 * Resolves to [address, set on an image, let through by fetch] for each.
 */
const compare = (page, pieces, seed, count = 120) => page.evaluate(async ([pieces, seed, count]) => {
  // mulberry32: the same addresses on every run.
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const own = ['composer_focus', 'mouse_move', 'New chat', 'evt_42', '1765106400000', 'en-GB', 'gpt-4o', 'sidebar'];
  const cut = (t) => {
    const a = Math.floor(rnd() * t.length);
    return t.slice(a, a + 1 + Math.floor(rnd() * 14));
  };
  const value = () => {
    const base = rnd() < 0.5 ? pick(pieces) : rnd() < 0.5 ? cut(pick(pieces)) : pick(own);
    const v = rnd() < 0.3 ? base.toUpperCase() : base;
    switch (Math.floor(rnd() * 5)) {
      case 0: return encodeURIComponent(btoa(unescape(encodeURIComponent(`{"text":${JSON.stringify(v)}}`))));
      case 1: return encodeURIComponent(JSON.stringify({ 0: { json: { q: v, id: pick(own) } } }));
      case 2: return encodeURIComponent(encodeURIComponent(v));
      default: return encodeURIComponent(v);
    }
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    const params = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `${pick(['q', 'd', 'ev', 'id', 'label', 'input'])}=${value()}`);
    const addr = `https://pixel.invalid/p.gif?${params.join('&')}`;
    // The full check first (fetch: the page's CSP refuses the address after the check, so
    // nothing is sent; a held request fails with the check's own message).
    const fetched = await fetch(addr).then(() => true, (e) => !/pii-airlock/.test(e.message));
    const img = new Image();
    img.src = addr;
    out.push([addr, img.getAttribute('src') === addr, fetched]);
  }
  return out;
}, [pieces, seed, count]);

/** The addresses where the two checks disagree; and how many each held. */
function check(rows, label) {
  const differ = rows.filter(([, img, fetched]) => img !== fetched).map(([a, img]) => `${img ? 'set' : 'held'} ${decodeURIComponent(a)}`);
  assert.deepEqual(differ, [], `${label}: the check at once and the full check disagree`);
  return rows.filter(([, img]) => !img).length;
}

test('the fast path of the check at once lets through nothing the full check holds', async () => {
  const page = await openSite(env.ctx.context, 'chatgpt', 'fastpath-chatgpt');
  const typed = 'Please ask Jane Doe to call +44 20 7946 0958 or mail jane.doe@example.com';
  const clean = 'what is the capital of france';
  const pieces = [typed, clean, 'Jane Doe', 'jane.doe@example.com', '+44 20 7946', '7946 0958', 'ask Jane', 'capital of', 'fr', 'what', 'wh', 'Wh'];

  // Nothing typed yet: the fast path; the full check holds nothing either.
  assert.equal(check(await compare(page, pieces, 1), 'nothing typed'), 0);

  // Put in at once and deleted a moment ago (the box is empty and it was never a short draft,
  // but the edit record holds the deleted text): no fast path.
  await page.click(editorOf('chatgpt'));
  await page.keyboard.insertText('ask Jane Doe to call ');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  assert.ok(check(await compare(page, pieces, 2), 'deleted a moment ago') > 0, 'the deleted words are held');

  // A value typed (and found by a check while in the box) and sent with a placeholder (gdpr
  // replaces an address): the box is empty and the record expires, but the value was never
  // agreed to: no fast path.
  await page.keyboard.type(typed);
  // While it is in the box (scanned: the full check asks the engine): no fast path.
  assert.ok(check(await compare(page, pieces, 6), 'in the box') > 0, 'the text is held');
  await page.keyboard.press('Enter');
  await until(() => env.backend.received.find((r) => r.conv === 'fastpath-chatgpt'));
  await until(() => page.evaluate(() => !editorText().trim()));
  await pause(RECORD_MS + 1000);
  assert.ok(check(await compare(page, pieces, 3), 'a value sent with a placeholder') > 0, 'the value is held');

  // A second page where only a clean message was typed and sent as typed.
  const second = await openSite(env.ctx.context, 'chatgpt', 'fastpath-clean');
  await second.click(editorOf('chatgpt'));
  // A short draft (the first keystrokes) is held while it is recent.
  await second.keyboard.type('wh');
  assert.ok(check(await compare(second, pieces, 4), 'a short draft') > 0, 'the draft is held');
  await second.keyboard.type('at is the capital of france');
  await second.keyboard.press('Enter');
  await until(() => env.backend.received.find((r) => r.conv === 'fastpath-clean'));
  await until(() => second.evaluate(() => !editorText().trim()));
  // The edit record and the short draft have expired: the fast path again.
  await pause(RECORD_MS + 1000);
  assert.equal(check(await compare(second, pieces, 5), 'sent as typed, record expired'), 0);
  await second.close();
  await page.close();
});
