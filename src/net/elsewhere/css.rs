//! CSS that makes the browser request a URL: `url(…)` and the quoted URLs of `@import` and
//! `image-set()`, set by `style.setProperty`, `style.cssText`, a `style` attribute, a
//! `<style>`'s text, or a constructed or inserted rule (`CSSStyleSheet`'s `insertRule`,
//! `replace`, `replaceSync`, and a grouping rule's `insertRule`). The browser requests them
//! at its next style pass, after the setter has returned, so the text is masked as it is set.
//!
//! Not reached: a property set by name (`style.backgroundImage = …`). In Chromium (156) those
//! are own properties of each style object, not accessors of `CSSStyleDeclaration.prototype`,
//! so no prototype hook sees them.

use super::urls::Method;
use crate::net::State;
use js_sys::{Array, Function};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The URLs CSS text may request: each `url(…)`'s (quotes dropped) and each quoted string's
/// (`@import "…"`, `image-set("…" 1x)`); [`State::masked_with_urls`] keeps those that go
/// over the network.
pub fn urls(css: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = css.as_bytes();
    let mut i = 0;
    while i < css.len() {
        let b = bytes[i];
        if b.eq_ignore_ascii_case(&b'u')
            && css
                .get(i..i + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case("url("))
        {
            // An unquoted `url(` runs to its `)`; a quoted one is read as a string below.
            let start = i + 4;
            let body = css[start..].trim_start();
            if !body.starts_with(['"', '\'']) {
                let end = body.find(')').unwrap_or(body.len());
                out.push(body[..end].trim());
                i = css.len() - body.len() + end;
                continue;
            }
            i = start;
            continue;
        }
        if b == b'"' || b == b'\'' {
            let rest = &css[i + 1..];
            let end = rest.find(char::from(b)).unwrap_or(rest.len());
            out.push(&rest[..end]);
            i += 1 + end + 1;
            continue;
        }
        i += 1;
    }
    out
}

impl State {
    /// A CSS method hooked (`kind` "cssArg0": the text is the first argument, `insertRule`,
    /// `replace`, `replaceSync`; "cssArg1": the second, `setProperty(name, value)`).
    pub fn css_hook(self: &Rc<Self>, kind: &str, original: Function) -> Function {
        let st = Rc::clone(self);
        let at = u32::from(kind == "cssArg1");
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                if let Some(m) = st.masked_with_urls(&args.get(at), urls)? {
                    args.set(at, m);
                }
                original.apply(&this, &args)
            })
            .into_js_value(),
        )
    }

    /// The `cssText` setter of `CSSStyleDeclaration.prototype` in `scope`, hooked; what puts
    /// it back.
    pub fn hook_css_text(
        self: &Rc<Self>,
        scope: &JsValue,
    ) -> Option<(js_sys::Object, &'static str, JsValue)> {
        let st = Rc::clone(self);
        self.hook_setter(scope, "CSSStyleDeclaration", "cssText", move |setter| {
            Method::new(move |this: JsValue, args: Array| {
                let value = args.get(0);
                match st.masked_with_urls(&value, urls)? {
                    Some(m) => setter.call1(&this, &m),
                    None => setter.call1(&this, &value),
                }
            })
        })
    }
}

/// The CSS methods of `scope` that take text, as places to hook (where, which, kind).
pub fn css_places(scope: &JsValue) -> Vec<(JsValue, &'static str, &'static str)> {
    let proto = |class: &str| crate::net::js::get(&crate::net::js::get(scope, class), "prototype");
    let sheet = proto("CSSStyleSheet");
    vec![
        (proto("CSSStyleDeclaration"), "setProperty", "cssArg1"),
        (sheet.clone(), "insertRule", "cssArg0"),
        (sheet.clone(), "replace", "cssArg0"),
        (sheet, "replaceSync", "cssArg0"),
        (proto("CSSGroupingRule"), "insertRule", "cssArg0"),
    ]
}
