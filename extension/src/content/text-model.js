// The text of a composer as the engine sees it, and the way back from its offsets to the DOM.
// Content scripts share one isolated world; they meet on `globalThis.piiAirlock` (the page's
// own scripts cannot see it).
'use strict';

(() => {
  const ns = (globalThis.piiAirlock ??= {});

  const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE',
    'TABLE', 'TR', 'SECTION', 'ARTICLE']);

  /** A `<br>` that only keeps an empty or last line open (ProseMirror, Quill) adds no text. */
  function isTrailingBreak(br) {
    return br.classList.contains('ProseMirror-trailingBreak') || (!br.nextSibling && BLOCKS.has(br.parentElement?.tagName));
  }

  /**
   * Reads an editor: `{ text, nodes }`, where `nodes` lists each text node with the offset of
   * its first character in `text` (UTF-16, like the engine's offsets). Blocks are separated by
   * one "\n", a `<br>` is "\n".
   */
  function read(el) {
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return { text: el.value, nodes: [] };
    let text = '';
    const nodes = [];
    let atBlockStart = true;
    const walk = (parent) => {
      for (const child of parent.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          nodes.push({ node: child, start: text.length });
          text += child.data;
          if (child.data) atBlockStart = false;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child.tagName === 'BR') {
            if (!isTrailingBreak(child)) {
              text += '\n';
              atBlockStart = false;
            }
            continue;
          }
          const block = BLOCKS.has(child.tagName);
          if (block && text && !atBlockStart) text += '\n';
          if (block && text) atBlockStart = true;
          walk(child);
          if (block) atBlockStart = false;
        }
      }
    };
    walk(el);
    // Blocks after the first begin with their separator; a leading empty block adds none.
    return { text, nodes };
  }

  /** The DOM position of text offset `o`; `preferNext` picks the following node at a boundary. */
  function position(nodes, o, preferNext) {
    for (let i = 0; i < nodes.length; i += 1) {
      const { node, start } = nodes[i];
      const end = start + node.data.length;
      if (o < start) return { node, offset: 0 };
      if (o < end || (o === end && !(preferNext && nodes[i + 1]?.start === end))) return { node, offset: o - start };
    }
    return null;
  }

  /** A DOM Range over [start, end) of `read(el)`, or null when it cannot be placed. */
  function range(model, start, end) {
    const a = position(model.nodes, start, true);
    const b = position(model.nodes, end, false);
    if (!a || !b) return null;
    const r = new Range();
    try {
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
    } catch {
      return null;
    }
    return r.collapsed ? null : r;
  }

  ns.textModel = { read, range };
})();
