//! CSS Custom Highlights of contenteditable elements, one per [`MarkState`]. The names are
//! global to the document, so the ranges of every attached element are painted together. `Highlight` and `CSS.highlights`
//! are declared here rather than through web-sys' unstable APIs.

use super::mark_state::MarkState;
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

/// One element's ranges, by [`MarkState::index`].
struct Painted {
    element: Element,
    ranges: [Vec<Range>; 4],
}

thread_local! {
    static PAINTED: RefCell<Vec<Painted>> = const { RefCell::new(Vec::new()) };
}

/// Sets (or clears, with empty lists) the ranges of `element` and repaints.
pub(crate) fn set(element: &Element, ranges: [Vec<Range>; 4]) {
    PAINTED.with(|p| {
        let mut p = p.borrow_mut();
        match p.iter_mut().find(|x| &x.element == element) {
            Some(x) => x.ranges = ranges,
            None => p.push(Painted {
                element: element.clone(),
                ranges,
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
    PAINTED.with(|p| {
        let p = p.borrow();
        for state in MarkState::ALL {
            let h = Highlight::new();
            for x in p.iter() {
                x.ranges[state.index()].iter().for_each(|r| h.add(r));
            }
            registry.set(state.highlight(), &h);
        }
    });
}

/// Adopts the highlights' colours and underlines into the document, once.
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
