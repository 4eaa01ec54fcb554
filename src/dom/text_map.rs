//! The text of a contenteditable element as the engine scans it, and the way back to the DOM.
//!
//! textContent joins the text nodes of consecutive blocks with nothing between them, so the
//! last word of a paragraph runs into the first of the next ("…0130 00line", "Jane Doe.Mail"):
//! values at the end of a block are cut short or missed. Here a separator goes where the page
//! shows a break, as `innerText` does: a newline between blocks and for `<br>`, a tab between
//! table cells. Block-ness is read from the tag, not from layout: reading computed styles for
//! every element of a large document on every keystroke costs far more, and editors (ProseMirror,
//! Quill, Lexical) mark their blocks with these tags.
//!
//! Every UTF-16 unit of the text comes from one text node, in order; the separators come from
//! no node, so a finding's offsets map back to exact DOM points on the characters it covers.
//! The text itself never enters Rust: the nodes' data are joined in JS. Nor do tag names: an
//! element's kind is looked up in a JS Map, so the walk passes no string across (each string
//! crossing costs a decode, and there is one per node of the editor on every scan).

use js_sys::{Array, JsString, Map};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Node, Text};

#[wasm_bindgen]
extern "C" {
    /// A node read through getters that leave their strings in JS.
    type RawNode;
    /// `text.data`.
    #[wasm_bindgen(method, getter)]
    fn data(this: &RawNode) -> JsValue;
    /// `node.nodeName`.
    #[wasm_bindgen(method, getter = nodeName)]
    fn node_name(this: &RawNode) -> JsValue;
}

/// What an element adds to the text around its contents.
#[derive(Clone, Copy)]
enum Kind {
    /// No break: its text runs on (`<b>`, `<span>`, `<a>`, unknown tags).
    Inline,
    /// A line break before and after its contents.
    Block,
    /// A tab after its contents (table cells).
    Cell,
    /// `<br>`: a newline of its own.
    LineBreak,
    /// Never shown as text: not walked.
    Hidden,
}

/// A separator owed before the next text. Stronger ones win: a newline beats a tab.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Gap {
    None,
    Tab,
    Newline,
}

/// Tags laid out as blocks by the HTML user-agent stylesheet (`display: block`, `list-item`,
/// `table`, `table-row`, … and their groups).
const BLOCKS: [&str; 43] = [
    "ADDRESS",
    "ARTICLE",
    "ASIDE",
    "BLOCKQUOTE",
    "CAPTION",
    "CENTER",
    "DD",
    "DETAILS",
    "DIALOG",
    "DIR",
    "DIV",
    "DL",
    "DT",
    "FIELDSET",
    "FIGCAPTION",
    "FIGURE",
    "FOOTER",
    "FORM",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "HEADER",
    "HGROUP",
    "HR",
    "LEGEND",
    "LI",
    "MAIN",
    "MENU",
    "NAV",
    "OL",
    "P",
    "PRE",
    "SECTION",
    "SUMMARY",
    "TABLE",
    "TBODY",
    "TFOOT",
    "THEAD",
    "TR",
    "UL",
];

/// Tags whose contents are never shown as text.
const HIDDEN: [&str; 6] = [
    "SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "TEXTAREA", "SELECT",
];

/// What the walk looks up, made once per page.
struct Tables {
    /// Tag name -> index into [`KINDS`]; a tag not in it is inline.
    kinds: Map,
    newline: JsValue,
    tab: JsValue,
}

/// The kinds [`Tables::kinds`] maps to, by index.
const KINDS: [Kind; 4] = [Kind::Block, Kind::Cell, Kind::LineBreak, Kind::Hidden];

thread_local! {
    static TABLES: OnceCell<Tables> = const { OnceCell::new() };
}

fn tables<R>(f: impl FnOnce(&Tables) -> R) -> R {
    TABLES.with(|t| {
        f(t.get_or_init(|| {
            let kinds = Map::new();
            let groups: [&[&str]; 4] = [&BLOCKS, &["TD", "TH"], &["BR"], &HIDDEN];
            for (i, tags) in groups.iter().enumerate() {
                for tag in *tags {
                    kinds.set(&JsValue::from_str(tag), &JsValue::from(i as u32));
                }
            }
            Tables {
                kinds,
                newline: JsValue::from_str("\n"),
                tab: JsValue::from_str("\t"),
            }
        }))
    })
}

impl Tables {
    fn kind(&self, element: &Node) -> Kind {
        self.kinds
            .get(&element.unchecked_ref::<RawNode>().node_name())
            .as_f64()
            .and_then(|i| KINDS.get(i as usize).copied())
            .unwrap_or(Kind::Inline)
    }
}

/// The scanned text's offsets and the text nodes they come from.
#[derive(Default)]
pub(crate) struct TextMap {
    /// Each non-empty text node, the UTF-16 offset of its first unit in the scanned text, and
    /// its length then; in document order, so the offsets increase.
    nodes: Vec<(Text, u32, u32)>,
}

/// Builds the text while the tree is walked.
struct Reader<'a> {
    tables: &'a Tables,
    pieces: Array,
    nodes: Vec<(Text, u32, u32)>,
    at: u32,
    gap: Gap,
}

impl Reader<'_> {
    fn owe(&mut self, gap: Gap) {
        if gap > self.gap {
            self.gap = gap;
        }
    }

    /// Writes the separator owed, if any text came before it.
    fn settle(&mut self) {
        let sep = match self.gap {
            Gap::None => return,
            Gap::Tab => &self.tables.tab,
            Gap::Newline => &self.tables.newline,
        };
        self.gap = Gap::None;
        if self.at > 0 {
            self.pieces.push(sep);
            self.at += 1;
        }
    }

    fn text(&mut self, t: Text) {
        let len = t.length();
        if len == 0 {
            return;
        }
        self.settle();
        self.pieces.push(&t.unchecked_ref::<RawNode>().data());
        self.nodes.push((t, self.at, len));
        self.at += len;
    }

    fn enter(&mut self, k: Kind) {
        match k {
            Kind::Block => self.owe(Gap::Newline),
            Kind::LineBreak => {
                self.settle();
                self.pieces.push(&self.tables.newline);
                self.at += 1;
            }
            Kind::Inline | Kind::Cell | Kind::Hidden => {}
        }
    }

    fn leave(&mut self, k: Kind) {
        match k {
            Kind::Block => self.owe(Gap::Newline),
            Kind::Cell => self.owe(Gap::Tab),
            Kind::Inline | Kind::LineBreak | Kind::Hidden => {}
        }
    }
}

impl TextMap {
    /// Reads the text under `root` (not counting `root`'s own block break) and its map.
    pub(crate) fn read(root: &Node) -> (JsString, TextMap) {
        tables(|tables| Self::walk(root, tables))
    }

    fn walk(root: &Node, tables: &Tables) -> (JsString, TextMap) {
        let mut r = Reader {
            tables,
            pieces: Array::new(),
            nodes: Vec::new(),
            at: 0,
            gap: Gap::None,
        };
        // Depth first, iteratively: an element's kind is kept on `open` until it is left.
        let mut open: Vec<Kind> = Vec::new();
        let mut next = root.first_child();
        while let Some(n) = next {
            let k = match n.node_type() {
                Node::TEXT_NODE => {
                    r.text(n.clone().unchecked_into());
                    Kind::Hidden
                }
                Node::ELEMENT_NODE => tables.kind(&n),
                _ => Kind::Hidden,
            };
            r.enter(k);
            if !matches!(k, Kind::Hidden | Kind::LineBreak) {
                if let Some(child) = n.first_child() {
                    open.push(k);
                    next = Some(child);
                    continue;
                }
            }
            r.leave(k);
            let mut cur = n;
            next = loop {
                if let Some(s) = cur.next_sibling() {
                    break Some(s);
                }
                // The walk is back at `root` once nothing is open.
                let (Some(k), Some(parent)) = (open.pop(), cur.parent_node()) else {
                    break None;
                };
                r.leave(k);
                cur = parent;
            };
        }
        let text = r.pieces.join("");
        (text, TextMap { nodes: r.nodes })
    }

    /// The DOM point before the character at `offset`. On a separator, the start of the text
    /// after it, so a range never begins in the previous block.
    pub(crate) fn start(&self, offset: u32) -> Option<(&Text, u32)> {
        let i = self.nodes.partition_point(|(_, s, len)| s + len <= offset);
        match self.nodes.get(i) {
            Some((t, s, _)) => Some((t, clamp(t, offset.saturating_sub(*s)))),
            None => self.nodes.last().map(|(t, _, len)| (t, clamp(t, *len))),
        }
    }

    /// The DOM point after the character before `offset`. On a separator, the end of the text
    /// before it, so a range never ends in the next block.
    pub(crate) fn end(&self, offset: u32) -> Option<(&Text, u32)> {
        let i = self.nodes.partition_point(|(_, s, _)| *s < offset);
        match i.checked_sub(1).and_then(|i| self.nodes.get(i)) {
            Some((t, s, len)) => Some((t, clamp(t, (offset - s).min(*len)))),
            None => self.nodes.first().map(|(t, _, _)| (t, 0)),
        }
    }

    /// The offset in the scanned text of `offset` inside text node `node`, if it was read.
    pub(crate) fn offset_of(&self, node: &Node, offset: u32) -> Option<u32> {
        self.nodes
            .iter()
            .find(|(t, _, _)| AsRef::<Node>::as_ref(t) == node)
            .map(|(_, s, len)| s + offset.min(*len))
    }
}

/// The node may have changed since it was read (a scan's result can arrive after an edit):
/// an offset past its end would make the range throw.
fn clamp(t: &Text, offset: u32) -> u32 {
    offset.min(t.length())
}
