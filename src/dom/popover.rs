//! The popover of one finding (its type, why it was reported, the actions the policy permits)
//! and the invisible live region that tells screen readers what the caret landed on.

use super::styles::{own_sheet, sheet, LIVE_CSS, POPOVER_CSS};
use super::{adopt, append, append_text, attr, document, el, el_text, num, put};
use web_sys::{CssStyleSheet, DomRect, HtmlElement, ShadowRoot};

/// The popover and the live region of one attached element.
pub(crate) struct Popover {
    pub(crate) host: HtmlElement,
    root: ShadowRoot,
    pub(crate) card: HtmlElement,
    geometry: CssStyleSheet,
    live: HtmlElement,
    live_text: HtmlElement,
}

impl Popover {
    /// Builds both, hidden, at the end of the body.
    pub(crate) fn new() -> Self {
        let (host, root) = super::host("pii-airlock-popover");
        let geometry = own_sheet("");
        adopt(&root, &[&sheet(POPOVER_CSS), &geometry]);
        host.set_hidden(true);
        let card = el("div");
        card.set_class_name("card");
        attr(&card, "role", "group");
        let _ = root.append_with_node_1(&card);
        let (live, live_root) = super::host("pii-airlock-live");
        adopt(&live_root, &[&sheet(LIVE_CSS)]);
        let live_text = el("div");
        attr(&live_text, "role", "status");
        attr(&live_text, "aria-live", "polite");
        let _ = live_root.append_with_node_1(&live_text);
        if let Some(body) = document().body() {
            append(&body, &[&host, &live]);
        }
        Popover {
            host,
            root,
            card,
            geometry,
            live,
            live_text,
        }
    }

    /// Shows finding `index` below `rect`. `offered` holds each action's decision, label and
    /// whether it is the current choice.
    pub(crate) fn show(
        &self,
        index: usize,
        rect: &DomRect,
        title: &wasm_bindgen::JsValue,
        value: &wasm_bindgen::JsValue,
        why: &str,
        offered: &[(&str, wasm_bindgen::JsValue, bool)],
    ) {
        let title = el_text("div", "entity", title);
        title.set_id("pii-airlock-pop-title");
        let value = el_text("code", "", value);
        let why = el_text("div", "why", &why.into());
        let buttons = el("div");
        buttons.set_class_name("buttons");
        for (decision, label, pressed) in offered {
            let b = el_text("button", "", label);
            attr(&b, "type", "button");
            attr(&b, "data-decision", decision);
            attr(&b, "aria-pressed", if *pressed { "true" } else { "false" });
            append(&buttons, &[&b]);
        }
        attr(&self.card, "aria-labelledby", "pii-airlock-pop-title");
        put(&self.card, "textContent", &"".into());
        append(&self.card, &[&title, &value]);
        append_text(&self.card, " ");
        append(&self.card, &[&why, &buttons]);
        let mut css = String::from(":host { left: ");
        css.push_str(&num(js_round(rect.left())));
        css.push_str("px; top: ");
        css.push_str(&num(js_round(rect.bottom() + 4.0)));
        css.push_str("px; }");
        let _ = self.geometry.replace_sync(&css);
        self.host.set_hidden(false);
        attr(&self.host, "data-index", &num(index as f64));
    }

    /// Whether the popover is hidden.
    pub(crate) fn hidden(&self) -> bool {
        self.host.hidden()
    }

    /// Hides the popover.
    pub(crate) fn hide(&self) {
        self.host.set_hidden(true);
    }

    /// The first action, if any.
    pub(crate) fn first_button(&self) -> Option<HtmlElement> {
        let b = self.root.query_selector("button").ok().flatten()?;
        Some(wasm_bindgen::JsCast::unchecked_into(b))
    }

    /// Tells screen readers `text`.
    pub(crate) fn announce(&self, text: &wasm_bindgen::JsValue) {
        put(&self.live_text, "textContent", text);
    }

    /// Takes both off the page.
    pub(crate) fn remove(&self) {
        self.host.remove();
        self.live.remove();
    }
}

/// `Math.round`: halves go up, also below zero.
fn js_round(x: f64) -> f64 {
    (x + 0.5).floor()
}
