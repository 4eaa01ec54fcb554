// The browser layer compiled into the .wasm (src/dom/), driven through the packed tarball in
// headless Chromium under the strict CSP: the controller attach() returns, detaching, text
// split across nodes, block breaks and DOM changes in a contenteditable, LOCALES and the strings
// the consent dialog shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchErrors } from './browser.mjs';
import { plainAppAndBrowser } from './fixtures.mjs';

const EMAIL = 'jane.doe@example.com';
const PKG = './node_modules/pii-airlock/index.js';

const ctx = plainAppAndBrowser();

async function open(query = '') {
  const page = await ctx.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ctx.app.base}/${query}`);
  await page.waitForSelector('body[data-state="ready"]');
  // Every painted range, whatever its state's highlight, in document order.
  await page.evaluate(() => {
    window.__painted = () => ['replace', 'ask', 'block', 'shown']
      .flatMap((s) => [...(CSS.highlights.get(`pii-airlock-${s}`) ?? [])])
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  });
  return { page, errors };
}

test('attach() takes only text fields and contenteditable elements', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(() => {
    const tryOn = (html) => {
      const host = document.createElement('div');
      host.innerHTML = html;
      document.body.append(host);
      try {
        window.__guard.attach(host.firstElementChild).detach();
        return 'attached';
      } catch (e) {
        return `${e.name}: ${e.message}`;
      } finally {
        host.remove();
      }
    };
    return [
      tryOn('<input type="checkbox">'), tryOn('<div>plain</div>'), tryOn('<input type="TEXT">'),
      tryOn('<input>'), tryOn('<input type="email">'), tryOn('<div contenteditable="true"></div>'),
    ];
  });
  const refused = 'TypeError: pii-airlock: attach() takes a <textarea>, a text <input> or a contenteditable element';
  // The type attribute is compared as written, as before.
  assert.deepEqual(got, [refused, refused, refused, 'attached', 'attached', 'attached']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the controller: findings with values, refresh(), the findings event, detach() cleans up', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async (email) => {
    const before = ['pii-airlock-overlay', 'pii-airlock-popover', 'pii-airlock-live']
      .map((n) => document.querySelectorAll(n).length);
    const ta = document.createElement('textarea');
    ta.value = `write to ${email} today`;
    document.body.append(ta);
    const events = [];
    ta.addEventListener('pii-airlock:findings', (e) => events.push(e.detail));
    const ctl = window.__guard.attach(ta, { debounce: 5 });
    await ctl.refresh();
    const findings = ctl.findings.map((f) => [f.entity, f.start, f.end, f.value]);
    const fresh = ctl.findings !== ctl.findings && ctl.findings[0] !== ctl.findings[0];
    const overlay = ta.nextElementSibling;
    const marks = [...overlay.shadowRoot.querySelectorAll('mark')].map((m) => [m.dataset.index, m.dataset.entity, m.textContent]);
    const count = overlay.dataset.count;
    const during = ['pii-airlock-overlay', 'pii-airlock-popover', 'pii-airlock-live']
      .map((n) => document.querySelectorAll(n).length);
    // Typing a second address: the debounced scan finds both.
    ta.value += ` and ${email.replace('jane', 'john')}`;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    const afterInput = ctl.findings.length;
    ctl.detach();
    const after = ['pii-airlock-overlay', 'pii-airlock-popover', 'pii-airlock-live']
      .map((n) => document.querySelectorAll(n).length);
    // Nothing runs for a detached element any more.
    ta.value = 'nothing here';
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 100));
    return {
      element: ctl.element === ta, findings, fresh, marks, count, before, during, after, afterInput,
      events: events.map((d) => [d.text, d.findings.map((f) => f.value)]),
    };
  }, EMAIL);
  assert.equal(got.element, true);
  assert.deepEqual(got.findings, [['EMAIL_ADDRESS', 9, 9 + EMAIL.length, EMAIL]]);
  assert.equal(got.fresh, true, 'findings are copies, not the controller\'s own objects');
  assert.deepEqual(got.marks, [['0', 'EMAIL_ADDRESS', EMAIL]]);
  assert.equal(got.count, '1');
  assert.deepEqual(got.during.map((n, i) => n - got.before[i]), [1, 1, 1]);
  assert.deepEqual(got.after, got.before);
  assert.equal(got.afterInput, 2);
  assert.equal(got.events.length, 2, 'one event per scan that was drawn, none after detach()');
  assert.deepEqual(got.events[0], [`write to ${EMAIL} today`, [EMAIL]]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('contenteditable: a finding split across text nodes is one range; detach() unpaints it', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async () => {
    const ce = document.createElement('div');
    ce.contentEditable = 'true';
    // "mail jane.doe@example.com ok" in three text nodes, the address cut twice.
    ce.append('mail jane.d');
    const b = document.createElement('b');
    b.textContent = 'oe@exam';
    ce.append(b, 'ple.com ok');
    document.body.append(ce);
    const ctl = window.__guard.attach(ce);
    await ctl.refresh();
    const ranges = window.__painted().map((r) => r.toString());
    const sheetAdopted = document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(pii-airlock-ask)')));
    ctl.detach();
    return { ranges, sheetAdopted, value: ctl.findings[0]?.value, after: window.__painted().length, nodes: ce.childNodes.length };
  });
  assert.deepEqual(got.ranges, [EMAIL]);
  assert.equal(got.value, EMAIL);
  assert.equal(got.sheetAdopted, true);
  assert.equal(got.after, 0);
  assert.equal(got.nodes, 3, 'the editor\'s DOM is untouched');
  assert.deepEqual(errors, []);
  await page.close();
});

test('contenteditable: blocks are separated as innerText does, each range exactly on its value', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async () => {
    // Built from text nodes only: no whitespace between the blocks.
    const h = (tag, ...kids) => { const e = document.createElement(tag); e.append(...kids); return e; };
    const ce = h('div',
      h('p', 'Pay to DE89 3704 0044 0532 0130 00'), h('p', 'line'),
      h('ul', h('li', 'card 4111 1111 1111 1111'), h('li', 'x')),
      h('div', 'Our new colleague is Jane Doe'), h('div', 'Mail me'),
      'call', document.createElement('br'), 'jane.doe@example.com', document.createElement('br'), 'bye',
      h('table', h('tbody', h('tr', h('td', 'john.roe@example.org'), h('td', 'x')), h('tr', h('td', 'y')))),
      h('blockquote', 'mail ', h('b', 'jane.d'), 'oe@example.com'), h('h2', 'done'),
      h('noscript', 'not shown'));
    ce.contentEditable = 'true';
    document.body.append(ce);
    let text;
    ce.addEventListener('pii-airlock:findings', (e) => { text = e.detail.text; });
    const ctl = window.__guard.attach(ce);
    await ctl.refresh();
    const ranges = window.__painted().map((r) => r.toString());
    const findings = ctl.findings.map((f) => [f.entity, f.value]);
    ctl.detach();
    ce.remove();
    return { text, ranges, findings };
  });
  assert.equal(got.text, 'Pay to DE89 3704 0044 0532 0130 00\nline\ncard 4111 1111 1111 1111\nx\n'
    + 'Our new colleague is Jane Doe\nMail me\ncall\njane.doe@example.com\nbye\n'
    + 'john.roe@example.org\tx\ny\nmail jane.doe@example.com\ndone');
  assert.deepEqual(got.findings, [
    ['IBAN_CODE', 'DE89 3704 0044 0532 0130 00'], ['CREDIT_CARD', '4111 1111 1111 1111'], ['PERSON', 'Jane Doe'],
    ['EMAIL_ADDRESS', EMAIL], ['EMAIL_ADDRESS', 'john.roe@example.org'], ['EMAIL_ADDRESS', EMAIL]]);
  assert.deepEqual(got.ranges, got.findings.map(([, v]) => v));
  assert.deepEqual(errors, []);
  await page.close();
});

test('contenteditable: a finding across a block break is one range from block to block', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async (pkg) => {
    const { createGuard } = await import(pkg);
    // A custom rule that matches across a line break, as a line-wrapped value would.
    const g = await createGuard({ endpoints: [], gazetteer: false, policy: { version: 1, id: 'wrap', defaultAction: 'ask',
      customRules: [{ id: 'wrapped-ref', entity: 'WRAPPED_REF', pattern: '\\bREF-[0-9]+\\n[0-9]+\\b', score: 0.9 }] } });
    const h = (tag, ...kids) => { const e = document.createElement(tag); e.append(...kids); return e; };
    const ce = h('div', h('p', 'see REF-12'), h('p', '34 ok'), h('p', 'and ', h('b', 'REF-5')), h('p', h('i', '6'), ' end'));
    ce.contentEditable = 'true';
    document.body.append(ce);
    const ctl = g.attach(ce);
    await ctl.refresh();
    const ranges = window.__painted().map((r) => [
      r.startContainer.parentElement.tagName, r.startOffset, r.endContainer.parentElement.tagName, r.endOffset, r.toString()]);
    const values = ctl.findings.map((f) => f.value);
    g.dispose();
    ce.remove();
    return { ranges, values };
  }, PKG);
  assert.deepEqual(got.values, ['REF-12\n34', 'REF-5\n6']);
  // Each range starts on the value's first character and ends after its last, in the next block.
  assert.deepEqual(got.ranges, [['P', 4, 'P', 2, 'REF-1234'], ['B', 0, 'I', 1, 'REF-56']]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('contenteditable: DOM changes without input events are rescanned; drawing causes none', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async (email) => {
    const ce = document.createElement('div');
    ce.contentEditable = 'true';
    const first = document.createTextNode('mail nobody');
    ce.append(first);
    document.body.append(ce);
    let scans = 0;
    ce.addEventListener('pii-airlock:findings', () => { scans += 1; });
    const ctl = window.__guard.attach(ce, { debounce: 5 });
    await ctl.refresh();
    const ranges = () => window.__painted().map((r) => r.toString());
    const until = async (n) => {
      for (let i = 0; i < 100 && ranges().length !== n; i += 1) await new Promise((r) => setTimeout(r, 20));
      return ranges();
    };
    const steps = [];
    first.data = `mail ${email}`; // characterData
    steps.push(await until(1));
    const p = document.createElement('p');
    p.textContent = 'card 4111 1111 1111 1111';
    ce.append(p); // childList
    steps.push(await until(2));
    first.remove();
    steps.push(await until(1));
    p.firstChild.appendData(' and 4012 8888 8888 1881'); // characterData, deeper in the tree
    steps.push(await until(2));
    const settled = scans;
    await new Promise((r) => setTimeout(r, 500));
    const quiet = scans - settled;
    ctl.detach();
    first.data = 'after detach';
    ce.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 100));
    const detached = scans - settled;
    ce.remove();
    return { steps, quiet, detached };
  }, EMAIL);
  assert.deepEqual(got.steps, [[EMAIL], [EMAIL, '4111 1111 1111 1111'], ['4111 1111 1111 1111'],
    ['4111 1111 1111 1111', '4012 8888 8888 1881']]);
  assert.equal(got.quiet, 0, 'no scan without a change');
  assert.equal(got.detached, 0, 'nothing observed after detach()');
  assert.deepEqual(errors, []);
  await page.close();
});

test('contenteditable: the caret in a value of a later block opens that value\'s popover', async () => {
  const { page, errors } = await open();
  await page.evaluate(async (email) => {
    const ce = document.createElement('div');
    ce.id = 'ce';
    ce.contentEditable = 'true';
    for (const t of [`mail ${email}`, 'card 4111 1111 1111 1111']) {
      const p = document.createElement('p');
      p.textContent = t;
      ce.append(p);
    }
    document.body.append(ce);
    await window.__guard.attach(ce).refresh();
    ce.focus();
    // The caret inside the card number, one step right of where it ends up.
    const card = ce.lastChild.firstChild;
    getSelection().collapse(card, 'card 4111 11'.length);
  }, EMAIL);
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('pii-airlock-popover:not([hidden])');
  // The app's own editor has a popover too: read the one shown.
  const shown = await page.$eval('pii-airlock-popover:not([hidden])', (h) => h.shadowRoot.querySelector('.entity').textContent);
  assert.match(shown, /Card number/);
  assert.deepEqual(errors, []);
  await page.close();
});

// One finding per state: pseudonymized (replace), blocked, only highlighted (shown), asked, and
// masked under `consent.confirm` (which needs a decision, so it is drawn as asked too).
const FOUR_POLICY = {
  version: 1, id: 'four-states', defaultAction: 'ask',
  actions: { EMAIL_ADDRESS: 'pseudonymize', CREDIT_CARD: 'block', URL: 'highlight', IBAN_CODE: 'ask', IP_ADDRESS: 'mask' },
  consent: { confirm: ['mask'], allowSendAsTyped: true },
};
// A public IP: documentation and private ranges score below the default minimum.
const FOUR_TEXT = `mail ${EMAIL}, card 4111 1111 1111 1111, see https://example.org/x, IBAN DE89 3704 0044 0532 0130 00, host 81.24.79.130`;
const FOUR_EXPECTED = [
  [EMAIL, 'EMAIL_ADDRESS', 'replace'],
  ['4111 1111 1111 1111', 'CREDIT_CARD', 'block'],
  ['https://example.org/x', 'URL', 'shown'],
  ['DE89 3704 0044 0532 0130 00', 'IBAN_CODE', 'ask'],
  ['81.24.79.130', 'IP_ADDRESS', 'ask'],
];
// The user's choices in the popover: "redact" on the URL replaces it, "allow once" on the
// e-mail address sends it as typed; a blocked card stays blocked whatever was chosen for it.
const FOUR_CHOSEN = [
  [EMAIL, 'EMAIL_ADDRESS', 'shown'],
  ['4111 1111 1111 1111', 'CREDIT_CARD', 'block'],
  ['https://example.org/x', 'URL', 'replace'],
  ['DE89 3704 0044 0532 0130 00', 'IBAN_CODE', 'ask'],
  ['81.24.79.130', 'IP_ADDRESS', 'ask'],
];

test('textarea: each mark names its state (replace, ask, block, shown) from the policy and the user\'s choices', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async ({ pkg, policy, text }) => {
    const { createGuard } = await import(pkg);
    const g = await createGuard({ endpoints: [], gazetteer: false, policy });
    const ta = document.createElement('textarea');
    ta.cols = 120;
    ta.value = text;
    document.body.append(ta);
    const ctl = g.attach(ta);
    await ctl.refresh();
    const marks = () => [...ta.nextElementSibling.shadowRoot.querySelectorAll('mark')]
      .map((m) => [m.textContent, m.dataset.entity, m.dataset.state, m.getAttribute('part')]);
    const before = marks();
    // How each state looks: the underline style differs, not only the colour.
    const looks = Object.fromEntries([...ta.nextElementSibling.shadowRoot.querySelectorAll('mark')]
      .map((m) => { const cs = getComputedStyle(m); return [m.dataset.state, [cs.textDecorationLine, cs.textDecorationStyle, cs.backgroundColor, cs.textDecorationColor]]; }));
    const byEntity = (e) => ctl.findings.find((f) => f.entity === e);
    g.choose(byEntity('URL'), byEntity('URL').value, 'redact');
    g.choose(byEntity('EMAIL_ADDRESS'), byEntity('EMAIL_ADDRESS').value, 'allow-once');
    g.choose(byEntity('CREDIT_CARD'), byEntity('CREDIT_CARD').value, 'redact');
    await ctl.refresh();
    const after = marks();
    // The page's theme: a state's property wins, the others fall back to --pii-airlock-mark;
    // ::part() reaches one state's marks from the page.
    const bgOf = () => Object.fromEntries([...ta.nextElementSibling.shadowRoot.querySelectorAll('mark')]
      .map((m) => [m.dataset.state, getComputedStyle(m).backgroundColor]));
    const wrap = document.createElement('div');
    document.body.append(wrap);
    wrap.append(ta, ta.nextElementSibling);
    wrap.style.setProperty('--pii-airlock-mark', 'rgb(7, 8, 9)');
    wrap.style.setProperty('--pii-airlock-mark-ask', 'rgb(4, 5, 6)');
    const themed = bgOf();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('pii-airlock-overlay::part(mark-block) { background: rgb(1, 2, 3); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const parted = bgOf();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    g.dispose();
    wrap.remove();
    return { before, after, looks, themed, parted };
  }, { pkg: PKG, policy: FOUR_POLICY, text: FOUR_TEXT });
  const withPart = (rows) => rows.map(([v, e, s]) => [v, e, s, `mark mark-${s}`]);
  assert.deepEqual(got.before, withPart(FOUR_EXPECTED));
  assert.deepEqual(got.after, withPart(FOUR_CHOSEN));
  assert.deepEqual(got.themed, { replace: 'rgb(7, 8, 9)', ask: 'rgb(4, 5, 6)', block: 'rgb(7, 8, 9)', shown: 'rgb(7, 8, 9)' });
  assert.deepEqual(got.parted, { ...got.themed, block: 'rgb(1, 2, 3)' });
  assert.deepEqual(Object.keys(got.looks).sort(), ['ask', 'block', 'replace', 'shown']);
  const styles = Object.values(got.looks).map(([line, style]) => `${line} ${style}`).sort();
  assert.deepEqual(styles, ['underline dashed', 'underline dotted', 'underline double', 'underline solid']);
  for (const i of [2, 3]) {
    const colours = new Set(Object.values(got.looks).map((l) => l[i]));
    assert.equal(colours.size, 4, `four different ${i === 2 ? 'backgrounds' : 'underline colours'}: ${[...colours]}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('contenteditable: one highlight per state (pii-airlock-replace, -ask, -block, -shown), choices included', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async ({ pkg, policy, text }) => {
    const { createGuard } = await import(pkg);
    const g = await createGuard({ endpoints: [], gazetteer: false, policy });
    const ce = document.createElement('div');
    ce.contentEditable = 'true';
    ce.textContent = text;
    document.body.append(ce);
    const ctl = g.attach(ce);
    await ctl.refresh();
    const states = () => {
      const rows = [];
      for (const s of ['replace', 'ask', 'block', 'shown']) {
        for (const r of CSS.highlights.get(`pii-airlock-${s}`) ?? []) rows.push([r, s]);
      }
      rows.sort(([a], [b]) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return rows.map(([r, s]) => [r.toString(), ctl.findings.find((f) => f.value === r.toString())?.entity, s]);
    };
    const before = states();
    const rules = Object.fromEntries(document.adoptedStyleSheets.flatMap((sh) => [...sh.cssRules])
      .filter((r) => r.selectorText?.startsWith('::highlight(pii-airlock-'))
      .map((r) => [r.selectorText, /text-decoration: underline (\w+) 2px/.exec(r.cssText)?.[1]]));
    const byEntity = (e) => ctl.findings.find((f) => f.entity === e);
    g.choose(byEntity('URL'), byEntity('URL').value, 'redact');
    g.choose(byEntity('EMAIL_ADDRESS'), byEntity('EMAIL_ADDRESS').value, 'allow-once');
    g.choose(byEntity('CREDIT_CARD'), byEntity('CREDIT_CARD').value, 'redact');
    await ctl.refresh();
    const after = states();
    g.dispose();
    const left = ['replace', 'ask', 'block', 'shown'].map((s) => CSS.highlights.get(`pii-airlock-${s}`)?.size ?? 0);
    ce.remove();
    return { before, after, rules, left };
  }, { pkg: PKG, policy: FOUR_POLICY, text: FOUR_TEXT });
  assert.deepEqual(got.before, FOUR_EXPECTED);
  assert.deepEqual(got.after, FOUR_CHOSEN);
  assert.deepEqual(got.rules, {
    '::highlight(pii-airlock-replace)': 'solid', '::highlight(pii-airlock-ask)': 'dashed',
    '::highlight(pii-airlock-block)': 'double', '::highlight(pii-airlock-shown)': 'dotted',
  });
  assert.deepEqual(got.left, [0, 0, 0, 0], 'dispose() unpaints every state');
  assert.deepEqual(errors, []);
  await page.close();
});

/** WCAG relative luminance of an sRGB colour (0–255 channels). */
function luminance([r, g, b]) {
  const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
/** `rgb(…)` / `rgba(…)` / `color(srgb …)` as computed styles print them → [r, g, b, a] in 0–255 / 0–1. */
function parseColour(css) {
  let m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/.exec(css);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  m = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/.exec(css);
  if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
  throw new Error(`unexpected colour ${css}`);
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const scheme of ['light', 'dark']) {
  test(`default mark colours keep the field's text at 4.5:1 or more (${scheme})`, async () => {
    const { page, errors } = await open();
    const got = await page.evaluate(async ({ pkg, policy, text, scheme }) => {
      document.documentElement.style.colorScheme = scheme;
      const { createGuard } = await import(pkg);
      const g = await createGuard({ endpoints: [], gazetteer: false, policy });
      const ta = document.createElement('textarea');
      ta.cols = 120;
      ta.value = text;
      document.body.append(ta);
      const ctl = g.attach(ta);
      await ctl.refresh();
      const field = getComputedStyle(ta);
      const out = { fg: field.color, bg: field.backgroundColor, marks: {} };
      for (const m of ta.nextElementSibling.shadowRoot.querySelectorAll('mark')) {
        out.marks[m.dataset.state] = [getComputedStyle(m).backgroundColor, getComputedStyle(m).textDecorationColor];
      }
      g.dispose();
      ta.remove();
      return out;
    }, { pkg: PKG, policy: FOUR_POLICY, text: FOUR_TEXT, scheme });
    const fg = parseColour(got.fg);
    const bg = parseColour(got.bg);
    assert.equal(bg[3], 1, 'an opaque field');
    assert.deepEqual(Object.keys(got.marks).sort(), ['ask', 'block', 'replace', 'shown']);
    const lines = new Set();
    for (const [state, [markBg, line]] of Object.entries(got.marks)) {
      const [r, g, b, a] = parseColour(markBg);
      assert.ok(a > 0 && a < 1, `${state}: a translucent tint (${markBg})`);
      const under = [0, 1, 2].map((i) => [r, g, b][i] * a + bg[i] * (1 - a));
      const ratio = contrast(fg, under);
      assert.ok(ratio >= 4.5, `${state} (${scheme}): text ${got.fg} on ${markBg} over ${got.bg} is ${ratio.toFixed(2)}:1`);
      const lineRatio = contrast(parseColour(line), bg);
      assert.ok(lineRatio >= 3, `${state} (${scheme}): underline ${line} on ${got.bg} is ${lineRatio.toFixed(2)}:1`);
      lines.add(line);
    }
    assert.equal(lines.size, 4);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('LOCALES: read after init(); the same objects the guard copies from', async () => {
  const { page, errors } = await open();
  const got = await page.evaluate(async (pkg) => {
    // A second instance of the entry module has not run init() yet.
    const fresh = await import(`${pkg}?fresh`);
    let early;
    try { early = fresh.LOCALES.de.cancel; } catch (e) { early = e.message; }
    await fresh.init();
    const { LOCALES } = await import(pkg);
    return { early, de: fresh.LOCALES.de.cancel, count: LOCALES.fr.count(2), keys: Object.keys(LOCALES) };
  }, PKG);
  assert.equal(got.early, 'pii-airlock: LOCALES can be read once init() has resolved');
  assert.equal(got.de, 'Abbrechen');
  assert.equal(got.count, '2 données personnelles trouvées.');
  assert.deepEqual(got.keys, ['en', 'de', 'fr', 'es']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dialog shows overridden strings as text, count() included, and resolves', async () => {
  const { page, errors } = await open();
  const pending = page.evaluate(async (pkg) => {
    const { createGuard } = await import(pkg);
    const g = await createGuard({
      locale: 'es', endpoints: [], policy: { version: 1, id: 'ask-all', defaultAction: 'ask' },
      strings: { title: '<b>Cuidado</b>', count: (n) => `<i>${n}</i> hallado(s)` },
    });
    window.__consent = g.requestConsent('escribe a jane.doe@example.com', { returnFocus: null });
    return true;
  }, PKG);
  await pending;
  await page.waitForSelector('pii-airlock-consent >> button[value="cancelled"]');
  const shown = await page.$eval('pii-airlock-consent', (h) => {
    const r = h.shadowRoot;
    const d = r.querySelector('dialog');
    return {
      title: r.querySelector('h2').textContent,
      desc: r.getElementById(d.getAttribute('aria-describedby')).textContent,
      tags: [...r.querySelectorAll('b, i')].length,
      buttons: [...r.querySelectorAll('button')].map((b) => [b.value, b.textContent, b.className]),
      item: [...r.querySelectorAll('li span')].map((s) => s.textContent),
      focused: r.activeElement?.value,
    };
  });
  assert.equal(shown.title, '<b>Cuidado</b>');
  assert.equal(shown.desc, '<i>1</i> hallado(s) Antes de enviar, compruebe lo que saldrá de su dispositivo.');
  assert.equal(shown.tags, 0, 'no markup parsed');
  assert.deepEqual(shown.buttons, [
    ['redacted', 'Enviar ocultando', 'primary'], ['as-typed', 'Enviar tal cual', ''],
    ['edit', 'Editar', ''], ['cancelled', 'Cancelar', '']]);
  assert.deepEqual(shown.item, ['Correo electrónico', 'se sustituirá por un marcador', 'coincide con el patrón email']);
  assert.equal(shown.focused, 'redacted');
  await page.click('pii-airlock-consent >> button[value="edit"]');
  const decision = await page.evaluate(() => window.__consent.then((r) => r.decision));
  assert.equal(decision, 'edit');
  assert.equal(await page.$('pii-airlock-consent'), null);
  assert.deepEqual(errors, []);
  await page.close();
});
