//! CSS Custom Highlights of contenteditable elements. The names are global to the document, so
//! the ranges of every attached element are painted together. `Highlight` and `CSS.highlights`
//! are declared here rather than through web-sys' unstable APIs.

use super::styles::{sheet, HIGHLIGHT_CSS};
use super::{document, get};
use js_sys::{Array, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Range};

#[wasm_bindgen]
extern "C" {
    type Highlight;
    #[wasm_bindgen(constructor)]
    fn new() -> Highlight;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &Range);

    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
}

/// One element's ranges: still to be asked about, and sent as typed.
struct Painted {
    element: Element,
    ask: Vec<Range>,
    allowed: Vec<Range>,
}

thread_local! {
    static PAINTED: RefCell<Vec<Painted>> = const { RefCell::new(Vec::new()) };
}

/// Sets (or clears, with empty lists) the ranges of `element` and repaints.
pub(crate) fn set(element: &Element, ask: Vec<Range>, allowed: Vec<Range>) {
    PAINTED.with(|p| {
        let mut p = p.borrow_mut();
        match p.iter_mut().find(|x| &x.element == element) {
            Some(x) => {
                x.ask = ask;
                x.allowed = allowed;
            }
            None => p.push(Painted {
                element: element.clone(),
                ask,
                allowed,
            }),
        }
    });
    paint_all();
}

/// Forgets `element`'s ranges and repaints when it had any entry.
pub(crate) fn remove(element: &Element) {
    let had = PAINTED.with(|p| {
        let mut p = p.borrow_mut();
        let before = p.len();
        p.retain(|x| &x.element != element);
        p.len() != before
    });
    if had {
        paint_all();
    }
}

fn paint_all() {
    let global = js_sys::global();
    let registry = get(&get(&global, "CSS"), "highlights");
    if registry.is_undefined()
        || registry.is_null()
        || !Reflect::has(&global, &"Highlight".into()).unwrap_or(false)
    {
        return;
    }
    let registry: HighlightRegistry = registry.unchecked_into();
    let ask = Highlight::new();
    let allowed = Highlight::new();
    PAINTED.with(|p| {
        for x in p.borrow().iter() {
            x.ask.iter().for_each(|r| ask.add(r));
            x.allowed.iter().for_each(|r| allowed.add(r));
        }
    });
    registry.set("pii-airlock", &ask);
    registry.set("pii-airlock-allowed", &allowed);
}

/// Adopts the highlight colours into the document, once.
pub(crate) fn adopt_document_sheet() {
    let doc = document();
    let s = sheet(HIGHLIGHT_CSS);
    let list = doc.adopted_style_sheets();
    if !list.includes(&s, 0) {
        let next = Array::from(&list);
        next.push(&s);
        doc.set_adopted_style_sheets(&next);
    }
}
