//! Nodes that reach the page without passing a URL setter: elements parsed elsewhere — by
//! `DOMParser`, in a `<template>`'s content, in another document — and inserted later, whose
//! attributes were never set by a script; an attribute set as an `Attr` node
//! (`setAttributeNode`, `attributes.setNamedItem`, `attr.value =`); SVG's
//! `href.baseVal`; a `<meta http-equiv=refresh>`, which navigates once it is inserted.
//!
//! A node parsed in an inert document requests nothing until it is adopted into the page (an
//! `<img>` then starts loading in a microtask, a stylesheet `<link>` once connected), so its
//! attributes are masked as it goes in: `appendChild`, `insertBefore`, `replaceChild`,
//! `append`, `prepend`, `before`, `after`, `replaceWith`, `replaceChildren`,
//! `insertAdjacentElement`, `importNode` and `adoptNode` mask the subtree they are given
//! before they run. These sit on the DOM's hottest path: while the guard keeps no original
//! (most of a session, and every page before its first answer) each hook asks the core that
//! one question and calls through, reading nothing of the node.

use super::urls::{Method, SINK_NAMES, URLS};
use crate::net::js;
use crate::net::options::Elsewhere;
use crate::net::State;
use js_sys::{Array, Function};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// `Node.ELEMENT_NODE` and `Node.DOCUMENT_FRAGMENT_NODE`: the nodes that can hold elements.
const ELEMENT: f64 = 1.0;
const FRAGMENT: f64 = 11.0;

/// Where the inserted nodes are among a hook's arguments.
#[derive(Clone, Copy)]
enum At {
    /// The first (`appendChild(node)`, `insertBefore(node, ref)`, `importNode(node)`).
    First,
    /// The second (`insertAdjacentElement(where, node)`).
    Second,
    /// Every one (`append(...nodes)`; strings among them become text).
    All,
}

/// The selector of every element whose attributes may make the browser request a URL: the
/// URL attributes of [`URLS`], a `style` attribute or element, a `<meta http-equiv>`.
fn selector() -> JsValue {
    thread_local! {
        static SELECTOR: JsValue = URLS
            .iter()
            .flat_map(|(_, tags, name, _)| tags.iter().map(move |t| format!("{t}[{name}]")))
            .chain(["[style]".into(), "style".into(), "meta[http-equiv]".into()])
            .collect::<Vec<_>>()
            .join(",")
            .into();
    }
    SELECTOR.with(JsValue::clone)
}

impl State {
    /// Whether the URL hooks have anything to mask: `elsewhere` is on and the guard keeps
    /// an original. The fast path of every hook on the DOM's hot path.
    pub fn masks_urls(&self) -> Result<bool, JsValue> {
        Ok(self.settings.elsewhere != Elsewhere::Off
            && self.keeps.call0(&JsValue::UNDEFINED)?.is_truthy())
    }

    /// An insertion method hooked (`kind` "insertNode": the first argument, "insertNodes":
    /// every one, "insertAdjacent": the second): the nodes it is given have their subtrees
    /// masked before it runs.
    pub fn insert_hook(self: &Rc<Self>, kind: &str, original: Function) -> Function {
        let st = Rc::clone(self);
        let at = match kind {
            "insertNodes" => At::All,
            "insertAdjacent" => At::Second,
            _ => At::First,
        };
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                if st.masks_urls()? {
                    match at {
                        At::First => st.mask_nodes(&args.get(0))?,
                        At::Second => st.mask_nodes(&args.get(1))?,
                        At::All => {
                            for node in args.iter() {
                                st.mask_nodes(&node)?;
                            }
                        }
                    }
                }
                original.apply(&this, &args)
            })
            .into_js_value(),
        )
    }

    /// `setAttributeNode`/`setAttributeNodeNS` (`kind` "attrNode": the element is `this`,
    /// masked before it is set) or `NamedNodeMap`'s `setNamedItem`/`setNamedItemNS`
    /// ("namedItem": the map does not name its element, so the node is masked once set, when
    /// its `ownerElement` is known; an `<img>` starts loading only in a microtask after).
    pub fn attr_node_hook(self: &Rc<Self>, kind: &str, original: Function) -> Function {
        let st = Rc::clone(self);
        let on_element = kind == "attrNode";
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                let attr = args.get(0);
                if on_element && st.masks_urls()? {
                    st.mask_attr(&this, &attr)?;
                }
                let out = original.apply(&this, &args)?;
                if !on_element && st.masks_urls()? {
                    st.mask_attr(&js::get(&attr, "ownerElement"), &attr)?;
                }
                Ok(out)
            })
            .into_js_value(),
        )
    }

    /// `attr`'s value masked in place, as an attribute of `el`.
    fn mask_attr(&self, el: &JsValue, attr: &JsValue) -> Result<(), JsValue> {
        let value = js::get(attr, "value");
        if let Some(m) = self.masked_attribute(el, &js::get(attr, "name"), &value)? {
            js::set(attr, "value", &m)?;
        }
        Ok(())
    }

    /// The setters of `Attr.prototype.value` (an attribute node of an element, by the
    /// element's rules) and `SVGAnimatedString.prototype.baseVal` (SVG's `href.baseVal`; the
    /// animated string does not name its element, so any URL in it counts: a class name is
    /// never one), hooked in `scope`; what puts them back.
    pub fn hook_node_setters(
        self: &Rc<Self>,
        scope: &JsValue,
    ) -> Vec<(js_sys::Object, &'static str, JsValue)> {
        let st = Rc::clone(self);
        let attr = self.hook_setter(scope, "Attr", "value", move |setter| {
            Method::new(move |attr: JsValue, args: Array| {
                let value = args.get(0);
                if st.masks_urls()? {
                    let el = js::get(&attr, "ownerElement");
                    let name = js::get(&attr, "name");
                    if let Some(m) = st.masked_attribute(&el, &name, &value)? {
                        return setter.call1(&attr, &m);
                    }
                }
                setter.call1(&attr, &value)
            })
        });
        let st = Rc::clone(self);
        let base = self.hook_setter(scope, "SVGAnimatedString", "baseVal", move |setter| {
            Method::new(move |this: JsValue, args: Array| {
                let value = args.get(0);
                match st.masked_url_value(&value, false)? {
                    Some(m) => setter.call1(&this, &m),
                    None => setter.call1(&this, &value),
                }
            })
        });
        attr.into_iter().chain(base).collect()
    }

    /// The attributes that request a URL in `root` and its subtree (an element or a
    /// fragment; anything else holds none), and the text of its `<style>` elements, with
    /// kept originals masked: what `innerHTML` and its kin just inserted, or a node about to
    /// be inserted. Run before the caller's script goes on: an `<img>` starts loading only
    /// in a microtask after its `src` is parsed or it is adopted, and a new `src` set before
    /// then is the only one requested (Chromium; `tests/e2e/elsewhere-urls.test.mjs`). A
    /// stylesheet `<link>` put in by HTML text has been requested by then, and a
    /// `MutationObserver` would come later still.
    pub fn mask_subtree(&self, root: &JsValue) -> Result<(), JsValue> {
        if self.masks_urls()? {
            self.mask_nodes(root)?;
        }
        Ok(())
    }

    /// [`State::mask_subtree`] once [`State::masks_urls`] said yes. A text node (most of
    /// what is inserted) leaves at its type.
    fn mask_nodes(&self, root: &JsValue) -> Result<(), JsValue> {
        if !root.is_object() {
            return Ok(());
        }
        let kind = js::get(root, "nodeType").as_f64();
        if kind != Some(ELEMENT) && kind != Some(FRAGMENT) {
            return Ok(());
        }
        let selector = selector();
        if kind == Some(ELEMENT) && js::truthy(&js::call_method(root, "matches", &[&selector])?) {
            self.mask_element(root)?;
        }
        // A node with no element inside (a bare element, a fragment of text) has no subtree
        // to search.
        if !js::get(root, "firstElementChild").is_object() {
            return Ok(());
        }
        let found = js::call_method(root, "querySelectorAll", &[&selector])?;
        let n = js::get(&found, "length").as_f64().unwrap_or(0.0) as u32;
        for i in 0..n {
            self.mask_element(&js::call_method(&found, "item", &[&i.into()])?)?;
        }
        Ok(())
    }

    /// One element's URL attributes and, for a `<style>`, its text, masked.
    fn mask_element(&self, el: &JsValue) -> Result<(), JsValue> {
        for name in SINK_NAMES {
            let name: JsValue = name.into();
            let value = js::call_method(el, "getAttribute", &[&name])?;
            if value.is_null() {
                continue;
            }
            if let Some(masked) = self.masked_attribute(el, &name, &value)? {
                js::call_method(el, "setAttribute", &[&name, &masked])?;
            }
        }
        if js::get(el, "localName").as_string().as_deref() == Some("style") {
            let text = js::get(el, "textContent");
            if let Some(masked) = self.masked_with_urls(&text, super::css::urls)? {
                js::set(el, "textContent", &masked)?;
            }
        }
        Ok(())
    }
}

/// The insertion methods of `scope`, and those that set `Attr` nodes, as places to hook
/// (where, which, kind).
pub fn node_places(scope: &JsValue) -> Vec<(JsValue, &'static str, &'static str)> {
    let proto = |class: &str| js::get(&js::get(scope, class), "prototype");
    let mut places = Vec::new();
    for (class, names, kind) in [
        (
            "Node",
            &["appendChild", "insertBefore", "replaceChild"][..],
            "insertNode",
        ),
        ("Document", &["importNode", "adoptNode"][..], "insertNode"),
        (
            "Element",
            &[
                "append",
                "prepend",
                "before",
                "after",
                "replaceWith",
                "replaceChildren",
            ][..],
            "insertNodes",
        ),
        (
            "Document",
            &["append", "prepend", "replaceChildren"][..],
            "insertNodes",
        ),
        (
            "DocumentFragment",
            &["append", "prepend", "replaceChildren"][..],
            "insertNodes",
        ),
        (
            "CharacterData",
            &["before", "after", "replaceWith"][..],
            "insertNodes",
        ),
        ("Element", &["insertAdjacentElement"][..], "insertAdjacent"),
        (
            "Element",
            &["setAttributeNode", "setAttributeNodeNS"][..],
            "attrNode",
        ),
        (
            "NamedNodeMap",
            &["setNamedItem", "setNamedItemNS"][..],
            "namedItem",
        ),
    ] {
        let on = proto(class);
        places.extend(names.iter().map(|&name| (on.clone(), name, kind)));
    }
    places
}
