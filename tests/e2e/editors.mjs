// Pages with a real rich-text editor library (ProseMirror, Quill, Lexical) (installed from npm into the temp app, never into
// the repository's node_modules), built with Vite against the packed tarball. Every page exposes
// the same handle, so a test can drive any editor alike:
//   window.__editor = { name, root, setHTML(html) }   root: the contenteditable element
//   window.__guard                                     the guard, attached to root
//   body[data-state="ready"]                           once both are there
// setHTML goes through the editor's own API (a programmatic change: no `input` event).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installTarball, ROOT } from './fixtures.mjs';

/** The npm packages each editor needs, pinned. */
export const EDITOR_PACKAGES = {
  prosemirror: {
    'prosemirror-commands': '1.7.2',
    'prosemirror-keymap': '1.2.3',
    'prosemirror-model': '1.25.13',
    'prosemirror-schema-basic': '1.2.5',
    'prosemirror-schema-list': '1.6.1',
    'prosemirror-state': '1.4.4',
    'prosemirror-view': '1.44.0',
  },
  quill: { quill: '2.0.3' },
  lexical: {
    lexical: '0.52.0',
    '@lexical/html': '0.52.0',
    '@lexical/list': '0.52.0',
    '@lexical/rich-text': '0.52.0',
  },
};

/**
 * The code that mounts each editor into `host` and returns the page's handle. The editors' own
 * stylesheets come along (bundled as files: allowed by `style-src 'self'`), so that whitespace
 * and line breaks behave as on the sites that use them.
 */
const MOUNT = {
  prosemirror: `import 'prosemirror-view/style/prosemirror.css';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Schema, DOMParser } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { addListNodes, splitListItem } from 'prosemirror-schema-list';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

const schema = new Schema({ nodes: addListNodes(basic.spec.nodes, 'paragraph block*', 'block'), marks: basic.spec.marks });

function mount(host) {
  const plugins = [keymap({ Enter: splitListItem(schema.nodes.list_item) }), keymap(baseKeymap)];
  const view = new EditorView(host, { state: EditorState.create({ schema, plugins }) });
  window.__view = view;
  return {
    root: view.dom,
    setHTML(html) {
      const box = document.createElement('div');
      box.innerHTML = html;
      const doc = DOMParser.fromSchema(schema).parse(box);
      view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content));
    },
  };
}
`,
  quill: `import 'quill/dist/quill.core.css';
import Quill from 'quill';

function mount(host) {
  const quill = new Quill(host, {});
  window.__quill = quill;
  return {
    root: quill.root,
    setHTML(html) { quill.setContents(quill.clipboard.convert({ html }), 'api'); },
  };
}
`,
  lexical: `import { createEditor, $getRoot } from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListNode, ListItemNode, registerList } from '@lexical/list';
import { $generateNodesFromDOM } from '@lexical/html';

function mount(host) {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  host.append(root);
  const editor = createEditor({
    namespace: 'fixture', nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode],
    onError: (e) => { throw e; },
  });
  editor.setRootElement(root);
  registerRichText(editor);
  registerList(editor);
  window.__lexical = editor;
  return {
    root,
    setHTML(html) {
      const dom = new DOMParser().parseFromString(html, 'text/html');
      editor.update(() => {
        const nodes = $generateNodesFromDOM(editor, dom);
        $getRoot().clear().append(...nodes);
      }, { discrete: true });
    },
  };
}
`,
};

/**
 * The app's module: mounts `editor`; with the guard (the default), creates it (policy from
 * ?policy=) and attaches it to the editor. Without (`guard: false`), the page is the editor
 * alone, for a test that brings pii-airlock another way (the browser extension).
 */
export function editorModule(editor, { guard = true } = {}) {
  const mounted = `${MOUNT[editor]}
const handle = mount(document.getElementById('editor-host'));
handle.name = ${JSON.stringify(editor)};
window.__editor = handle;
`;
  if (!guard) return `${mounted}document.body.dataset.state = 'ready';\n`;
  return `import { createGuard } from 'pii-airlock';
${mounted}
const params = new URLSearchParams(location.search);
const policy = params.get('policy') ?? { version: 1, id: 'ask-all', defaultAction: 'ask' };
const guard = await createGuard({ locale: 'en', endpoints: ['/v1/'], policy });
window.__guard = guard;
window.__controller = guard.attach(handle.root, { debounce: Number(params.get('debounce') ?? 80) });
document.body.dataset.state = 'ready';
`;
}

/** The page around the editor. */
export function editorPage(src) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>editor</title><link rel="icon" href="data:,">
<script type="module" src="${src}"></script></head>
<body>
<main><div id="editor-host" aria-label="Message"></div></main>
</body>
</html>
`;
}

const temps = [];
process.on('exit', () => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

/**
 * Builds a Vite app with `editor` ('prosemirror', 'quill' or 'lexical') from npm and, unless
 * `guard: false`, the packed `tarball` attached to it; returns its dist/ directory, to serve
 * with appServer() (or fulfil routes from).
 */
export function editorApp(tarball, editor, { guard = true } = {}) {
  if (!MOUNT[editor]) throw new Error(`no such editor fixture: ${editor}`);
  let dir;
  if (guard) {
    dir = installTarball(tarball, { dependencies: EDITOR_PACKAGES[editor] });
  } else {
    dir = mkdtempSync(join(tmpdir(), 'pii-airlock-editor-'));
    temps.push(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: EDITOR_PACKAGES[editor] }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  }
  writeFileSync(join(dir, 'index.html'), editorPage('/main.js'));
  writeFileSync(join(dir, 'main.js'), editorModule(editor, { guard }));
  // Relative asset URLs: the build can be served from any folder or route.
  writeFileSync(join(dir, 'vite.config.js'), `export default { base: './', build: { target: 'es2022' }, worker: { format: 'es' }, logLevel: 'warn' };\n`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  return join(dir, 'dist');
}
