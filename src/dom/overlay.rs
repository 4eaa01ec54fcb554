//! The mirror overlay of a textarea or input: a transparent copy of the text, laid over the
//! field, with the findings wrapped in <mark>. The field itself is never modified.

use super::mark_state::MarkState;
use super::styles::{own_sheet, sheet, OVERLAY_CSS};
use super::{adopt, attr, document, el, num, put, window};
use js_sys::JsString;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleDeclaration, CssStyleSheet, DomRect, HtmlElement};

/// Computed properties the mirror copies so that its text wraps exactly like the field's.
const COPIED: [&str; 21] = [
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "font-stretch",
    "font-variant",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "text-transform",
    "text-indent",
    "tab-size",
    "text-align",
    "direction",
    "padding-top",
    "padding-left",
    "padding-bottom",
    "border-top-width",
    "border-right-width",
    "border-bottom-width",
    "border-left-width",
];

/// One mark to draw: where it is, and in which state.
pub(crate) struct Mark<'a> {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) value: &'a JsValue,
    pub(crate) entity: &'a JsValue,
    pub(crate) state: MarkState,
}

/// The overlay of one field.
pub(crate) struct Overlay {
    host: HtmlElement,
    mirror: HtmlElement,
    geometry: CssStyleSheet,
    /// An <input>: one line, never wrapped.
    single: bool,
}

impl Overlay {
    /// Builds the overlay and puts it right after `field`.
    pub(crate) fn new(field: &HtmlElement, single: bool) -> Self {
        let (host, root) = super::host("pii-airlock-overlay");
        attr(&host, "aria-hidden", "true");
        let geometry = own_sheet("");
        adopt(&root, &[&sheet(OVERLAY_CSS), &geometry]);
        let mirror = el("div");
        mirror.set_class_name("mirror");
        let _ = root.append_with_node_1(&mirror);
        let _ = field.after_with_node_1(&host);
        Overlay {
            host,
            mirror,
            geometry,
            single,
        }
    }

    /// Puts the mirror exactly over `field`'s text, scrolled like it.
    pub(crate) fn layout(&self, field: &HtmlElement) {
        let Ok(Some(cs)) = window().get_computed_style(field) else {
            return;
        };
        let px = |p: &str| parse_px(&prop(&cs, p));
        // A vertical scrollbar narrows the text: pad the mirror by its width.
        let scrollbar = f64::from(field.offset_width() - field.client_width())
            - px("border-left-width")
            - px("border-right-width");
        let line_height = if self.single {
            let h = f64::from(field.client_height()) - px("padding-top") - px("padding-bottom");
            [" line-height: ", &num(h), "px;"].concat()
        } else {
            String::new()
        };
        let copied: Vec<String> = COPIED
            .iter()
            .map(|p| [" ", p, ": ", &prop(&cs, p), ";"].concat())
            .collect();
        // One concat over the pieces: every push_str would inline its own growth check.
        let css = [
            ":host { left: ",
            &num(field.offset_left().into()),
            "px; top: ",
            &num(field.offset_top().into()),
            "px; width: ",
            &num(field.offset_width().into()),
            "px; height: ",
            &num(field.offset_height().into()),
            "px; }\n.mirror {",
            &copied.concat(),
            &line_height,
            " padding-right: ",
            &num(px("padding-right") + scrollbar.max(0.0)),
            "px; border-style: solid; border-color: transparent; white-space: ",
            if self.single { "pre" } else { "pre-wrap" },
            "; overflow-wrap: ",
            if self.single { "normal" } else { "break-word" },
            "; }",
        ]
        .concat();
        let _ = self.geometry.replace_sync(&css);
        self.mirror.set_scroll_top(field.scroll_top());
        self.mirror.set_scroll_left(field.scroll_left());
    }

    /// Redraws the mirror: `text` with `marks` (sorted, not overlapping) wrapped in <mark>, each
    /// with its state in `data-state` and `part` (for `pii-airlock-overlay::part(mark-ask)`).
    pub(crate) fn render(&self, field: &HtmlElement, text: &JsString, marks: &[Mark<'_>]) {
        let doc = document();
        let parts = doc.create_document_fragment();
        let mut at = 0;
        for (i, m) in marks.iter().enumerate() {
            if m.start > at {
                let _ = parts.append_with_node_1(&text_node(&text.slice(at, m.start)));
            }
            let mark = el("mark");
            put(&mark, "textContent", m.value);
            attr(&mark, "data-index", &num(i as f64));
            attr(
                &mark,
                "data-entity",
                &String::from(super::js_string(m.entity)),
            );
            attr(&mark, "data-state", m.state.id());
            attr(&mark, "part", m.state.part());
            let _ = parts.append_with_node_1(&mark);
            at = m.end;
        }
        // A trailing newline needs a character after it to take up its line in the mirror.
        let tail = text.slice(at, text.length()).concat(&"\u{200b}".into());
        let _ = parts.append_with_node_1(&text_node(&tail));
        self.mirror.replace_children_with_node_1(&parts);
        attr(&self.host, "data-count", &num(marks.len() as f64));
        self.layout(field);
    }

    /// The client rects of mark `i`.
    pub(crate) fn rects(&self, i: usize) -> Vec<DomRect> {
        let mut sel = String::from("mark[data-index=\"");
        sel.push_str(&num(i as f64));
        sel.push_str("\"]");
        match self.mirror.query_selector(&sel) {
            Ok(Some(m)) => {
                let list = m.get_client_rects();
                (0..list.length()).filter_map(|k| list.get(k)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Takes the overlay off the page.
    pub(crate) fn remove(&self) {
        self.host.remove();
    }
}

fn prop(cs: &CssStyleDeclaration, name: &str) -> String {
    cs.get_property_value(name).unwrap_or_default()
}

/// `parseFloat(value) || 0` for the lengths getComputedStyle returns ("12.5px").
fn parse_px(value: &str) -> f64 {
    let v = value.trim_start();
    let end = v
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || ((c == '-' || c == '+') && i == 0)))
        .map_or(v.len(), |(i, _)| i);
    let number = &v[..end];
    // JS parses it: Rust's float parser would bring its tables into the .wasm for this one
    // call. A second dot is where the two parsers part: Rust rejected it, so 0 stays 0.
    if number.matches('.').count() > 1 {
        return 0.0;
    }
    Some(js_sys::parse_float(number))
        .filter(|x| x.is_finite())
        .unwrap_or(0.0)
}

/// A text node holding `data` (set as data, so no character is replaced on the way).
fn text_node(data: &JsString) -> web_sys::Text {
    let t = document().create_text_node("");
    put(&t, "data", data);
    t
}
