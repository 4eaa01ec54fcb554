// Addresses written as markup or CSS: the browser loads an `<img>` or a stylesheet `<link>`
// as it parses `innerHTML` and its kin, and a `url(…)` as a style takes it. main-world.js reads
// the markup in an inert template first and checks each address at once, like one set by
// property: a held one goes in without its address (the element loads nothing); the page's
// own markup goes as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExtension, openSite, editorOf, until } from './harness.mjs';

const env = withExtension();
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('an address written as markup or CSS carries no unsent text', async () => {
  const page = await openSite(env.ctx.context, 'chatgpt', 'markup-chatgpt');
  await page.click(editorOf('chatgpt'));
  await page.keyboard.type('Please ask Jane Doe to call +44 20 7946 0958');
  await pause(1000);
  const from = env.backend.reads.length;
  const kept = await page.evaluate(() => {
    const q = encodeURIComponent(editorText());
    const box = (id) => {
      const d = document.createElement('div');
      d.id = id;
      document.body.append(d);
      return d;
    };
    box('inner').innerHTML = `<p>hi</p><img src="/telemetry/markup-inner?d=${q}"><link rel="stylesheet" href="/telemetry/markup-link?d=${q}">`;
    box('entity').innerHTML = `<img src="/telemetry/markup-entity&#63;d=${q}">`;
    box('svg').innerHTML = `<svg><image href="/telemetry/markup-svg?d=${q}"></image></svg>`;
    box('glued').innerHTML = `<a href="/docs?p=1">docs</a><img alt="x"src="/telemetry/markup-glued?d=${q}"><img/src="/telemetry/markup-slash?d=${q}">`;
    box('adjacent').insertAdjacentHTML('beforeend', `<img srcset="/telemetry/markup-srcset?d=${q} 2x">`);
    const outer = box('outer-old');
    outer.outerHTML = `<div id="outer"><img src="/telemetry/markup-outer?d=${q}"></div>`;
    box('fragment').append(document.createRange().createContextualFragment(`<img src="/telemetry/markup-fragment?d=${q}">`));
    box('styled').innerHTML = `<span style="background-image: url('/telemetry/markup-style?d=${q}')">x</span>`;
    const css = box('css');
    css.style.setProperty('list-style-image', `url(/telemetry/markup-prop?d=${q})`);
    const cssText = box('csstext');
    cssText.style.cssText = `background: url(/telemetry/markup-csstext?d=${q})`;
    // The page's own markup and styles: ids, an event name, a time.
    box('own').innerHTML = '<img src="/telemetry/markup-own?id=42&amp;ev=composer_focus&amp;ts=1765106400000">';
    box('own-css').style.setProperty('background-image', 'url("/telemetry/markup-own-css?id=42")');
    return {
      inner: document.querySelector('#inner').innerHTML,
      entity: document.querySelector('#entity').innerHTML,
      glued: document.querySelector('#glued').innerHTML,
      svg: document.querySelector('#svg').innerHTML,
      adjacent: document.querySelector('#adjacent').innerHTML,
      outer: document.querySelector('#outer').innerHTML,
      fragment: document.querySelector('#fragment').innerHTML,
      styled: document.querySelector('#styled').innerHTML,
      css: document.querySelector('#css').getAttribute('style'),
      cssText: document.querySelector('#csstext').getAttribute('style'),
      own: document.querySelector('#own').innerHTML,
    };
  });
  // The markup went in, without the held addresses; the page's own as written.
  assert.deepEqual(kept, {
    inner: '<p>hi</p><img><link rel="stylesheet">',
    entity: '<img>',
    glued: '<a href="/docs?p=1">docs</a><img alt="x"><img>',
    svg: '<svg><image></image></svg>',
    adjacent: '<img>',
    outer: '<img>',
    fragment: '<img>',
    styled: '<span>x</span>',
    css: null,
    cssText: null,
    own: '<img src="/telemetry/markup-own?id=42&amp;ev=composer_focus&amp;ts=1765106400000">',
  });
  await until(() => env.backend.reads.slice(from).some((r) => r.channel === 'markup-own'));
  await until(() => env.backend.reads.slice(from).some((r) => r.channel === 'markup-own-css'));
  await pause(1500);
  const reads = env.backend.reads.slice(from).filter((r) => r.site === 'chatgpt' && r.channel.startsWith('markup'));
  assert.deepEqual(reads.map((r) => r.channel).sort(), ['markup-own', 'markup-own-css']);
  await page.close();
});
