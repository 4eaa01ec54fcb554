//! The browser layer: live highlighting of findings while the user types, the popover with a
//! finding's actions, the consent dialog, their stylesheets and strings. The JS entry
//! (pkg/index.js) hands `showConsentDialog`, `attach` and `strings` to the guard as its `env`.
//!
//! Every piece of user text reaches the DOM through textContent or a text node's data, never
//! as HTML; styles go through constructable stylesheets only, so a strict CSP needs nothing
//! more than `style-src 'self'`.

mod dialog;
mod highlight;
mod i18n;
mod mark_state;
mod overlay;
mod paint;
mod popover;
mod styles;
mod text_map;

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, EventTarget, HtmlElement, ShadowRoot, ShadowRootInit};

#[wasm_bindgen]
extern "C" {
    /// `String(value)`: the conversion template literals make.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> JsString;
}

/// `target[key]`, undefined when it cannot be read.
pub(crate) fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `target[key] = value`.
pub(crate) fn put(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

pub(crate) fn window() -> web_sys::Window {
    web_sys::window().unwrap_throw()
}

pub(crate) fn document() -> Document {
    window().document().unwrap_throw()
}

/// `e.setAttribute(name, value)`. One out-of-line copy: the call glue is large.
#[inline(never)]
pub(crate) fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// A new element of `tag` (an HTML element: every tag used here is one).
pub(crate) fn el(tag: &str) -> HtmlElement {
    document()
        .create_element(tag)
        .unwrap_throw()
        .unchecked_into()
}

/// A new element with a class and a text, the text set as textContent.
pub(crate) fn el_text(tag: &str, class: &str, text: &JsValue) -> HtmlElement {
    let e = el(tag);
    if !class.is_empty() {
        e.set_class_name(class);
    }
    put(&e, "textContent", text);
    e
}

/// Appends each node in order.
pub(crate) fn append(parent: &Element, children: &[&web_sys::Node]) {
    for c in children {
        let _ = parent.append_with_node_1(c);
    }
}

/// Appends a text node holding `text`.
pub(crate) fn append_text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

/// Classes that session-replay and analytics tools read as "do not record this element"
/// (rrweb and PostHog, Sentry Replay, FullStory, Highlight).
const NO_RECORD_CLASSES: &str = "rr-block ph-no-capture sentry-block fs-exclude highlight-block";
/// Attributes with the same meaning (Hotjar, LogRocket, Microsoft Clarity, Datadog, Sentry,
/// OpenReplay).
const NO_RECORD_ATTRIBUTES: &[(&str, &str)] = &[
    ("data-hj-suppress", ""),
    ("data-private", ""),
    ("data-clarity-mask", "True"),
    ("data-dd-privacy", "hidden"),
    ("data-sentry-block", ""),
    ("data-openreplay-hidden", ""),
];

/// A shadow host whose element name page styles are unlikely to target, and its open root.
/// Every host holds the user's values (the overlay mirrors the typed text; the popover and the
/// dialog show originals), and a session-replay script that masks form fields would still
/// record them here, as text: each host carries the replay tools' "do not record" markers.
pub(crate) fn host(name: &str) -> (HtmlElement, ShadowRoot) {
    let h = el(name);
    h.set_class_name(NO_RECORD_CLASSES);
    for (k, v) in NO_RECORD_ATTRIBUTES {
        let _ = h.set_attribute(k, v);
    }
    let root = h
        .attach_shadow(&ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap_throw();
    (h, root)
}

/// `root.adoptedStyleSheets = sheets`.
pub(crate) fn adopt(root: &ShadowRoot, sheets: &[&web_sys::CssStyleSheet]) {
    let list = Array::new();
    for s in sheets {
        list.push(s);
    }
    root.set_adopted_style_sheets(&list);
}

/// `setTimeout(f, ms)`.
pub(crate) fn set_timeout(f: &js_sys::Function, ms: i32) -> i32 {
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(f, ms)
        .unwrap_or(0)
}

/// `clearTimeout(id)`.
pub(crate) fn clear_timeout(id: i32) {
    window().clear_timeout_with_handle(id);
}

/// The text a JS number prints as (`String(x)`), so CSS lengths read exactly as in JS.
pub(crate) fn num(x: f64) -> String {
    String::from(js_string(&JsValue::from_f64(x)))
}

/// Event listeners added by one component (all calling the same function), removed at once.
#[derive(Default)]
pub(crate) struct Listeners(Vec<(EventTarget, &'static str)>);

impl Listeners {
    /// `target.addEventListener(kind, f)`, remembered for [`Listeners::remove_all`].
    pub(crate) fn on(&mut self, target: &EventTarget, kind: &'static str, f: &js_sys::Function) {
        let _ = target.add_event_listener_with_callback(kind, f);
        self.0.push((target.clone(), kind));
    }

    /// Removes every listener of `f`.
    pub(crate) fn remove_all(self, f: &js_sys::Function) {
        for (t, kind) in &self.0 {
            let _ = t.remove_event_listener_with_callback(kind, f);
        }
    }
}
