//! Live highlighting of findings while the user types. The editor itself is never modified: no
//! value is set, no node inserted into it, so the caret, undo history and IME composition are
//! the browser's own. contenteditable elements get CSS Custom Highlights (paint.rs); textarea
//! and input get a transparent mirror overlay (overlay.rs).
//!
//! A contenteditable is rescanned after every change to its DOM (a MutationObserver), not only
//! on `input`: editors such as ProseMirror handle Enter, deleting a selection and programmatic
//! changes themselves and fire no `input` event for them. Drawing never mutates the editor
//! (CSS Highlights are painted, the overlay lives outside it), so scans cannot trigger scans.

use super::i18n::{entity_name, reason_text};
use super::mark_state::MarkState;
use super::overlay::{Mark, Overlay};
use super::popover::Popover;
use super::text_map::TextMap;
use super::{clear_timeout, document, get, js_string, paint, put, set_timeout, window, Listeners};
use js_sys::{Array, Function, JsString, Object, Promise};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, DomRect, Event, HtmlElement, HtmlInputElement,
    HtmlTextAreaElement, KeyboardEvent, MouseEvent, MutationObserver, MutationObserverInit, Range,
    ResizeObserver,
};

#[wasm_bindgen]
extern "C" {
    /// The JS guard (pkg/src/guard.js): only the members highlighting uses.
    #[derive(Clone)]
    pub type JsGuard;
    #[wasm_bindgen(method, getter)]
    fn strings(this: &JsGuard) -> JsValue;
    #[wasm_bindgen(method, getter, js_name = allowAsTyped)]
    fn allow_as_typed(this: &JsGuard) -> JsValue;
    #[wasm_bindgen(method, getter)]
    fn disposed(this: &JsGuard) -> JsValue;
    #[wasm_bindgen(method, catch, js_name = scanAsync)]
    fn scan_async(this: &JsGuard, text: &JsString) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = choiceFor)]
    fn choice_for(this: &JsGuard, finding: &JsValue, value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn choose(
        this: &JsGuard,
        finding: &JsValue,
        value: &JsValue,
        decision: &str,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn add_event_listener(this: &JsGuard, kind: &str, f: &Function);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    fn remove_event_listener(this: &JsGuard, kind: &str, f: &Function);

    /// A promise, for `then(ok, failed)` with plain functions.
    type Thenable;
    #[wasm_bindgen(method, js_name = then)]
    fn then_fn(this: &Thenable, ok: &Function, failed: &Function) -> Promise;
}

/// Input types whose value is free text worth scanning.
const FIELD_TYPES: [&str; 6] = ["", "text", "search", "email", "url", "tel"];
/// Keys that move the caret: only these open the popover, typing into a value does not.
const NAV: [&str; 8] = [
    "ArrowLeft",
    "ArrowRight",
    "ArrowUp",
    "ArrowDown",
    "Home",
    "End",
    "PageUp",
    "PageDown",
];

/// One finding as shown: the guard's object plus its `value`, and its range (contenteditable).
struct Found {
    finding: Object,
    start: u32,
    end: u32,
    range: Option<Range>,
}

/// Everything one attached element needs.
struct State {
    guard: JsGuard,
    element: HtmlElement,
    strings: JsValue,
    overlay: Option<Overlay>,
    pop: Popover,
    debounce: i32,
    findings: Vec<Found>,
    text: JsString,
    composing: bool,
    timer: i32,
    hide_timer: i32,
    seq: u32,
    /// contenteditable: where each UTF-16 offset of `text` is in the DOM.
    map: TextMap,
    /// The finding the popover shows, and the object its buttons act on.
    shown: Option<usize>,
    shown_finding: JsValue,
    listeners: Listeners,
    ro: Option<ResizeObserver>,
    /// contenteditable: watches the editor's DOM for changes.
    mo: Option<MutationObserver>,
    /// detach() ran: nothing is scanned or drawn any more.
    detached: bool,
    /// The one Rust callback, bound to what it is called for: the debounced scan, the delayed
    /// hide, the guard's change, DOM events (see [`on_call`]).
    scan_fn: Function,
    hide_fn: Function,
    change_fn: Function,
    event_fn: Function,
    /// The callback itself (`Fn`, not `FnMut`: it re-enters, e.g. an action -> the guard's
    /// change -> a scan); bound to "result", a seq and a text, it receives a scan's result.
    call_fn: Function,
}

type Ctl = Rc<RefCell<State>>;

/// Starts highlighting `element` (a textarea, a text input or a contenteditable element) for
/// `guard`. Options: `{debounce}` in ms (80). Returns the controller `{element, findings,
/// refresh(), detach()}`. A contenteditable's findings index its text as text_map.rs reads it
/// (block breaks included), which the `pii-airlock:findings` event carries as `detail.text`.
#[wasm_bindgen(js_name = attach)]
pub fn attach(guard: JsGuard, element: JsValue, options: JsValue) -> Result<Object, JsValue> {
    let is_field = element.is_instance_of::<HtmlTextAreaElement>()
        || (element.is_instance_of::<HtmlInputElement>() && {
            let t = element
                .unchecked_ref::<HtmlInputElement>()
                .get_attribute("type")
                .unwrap_or_default();
            FIELD_TYPES.contains(&t.as_str())
        });
    if !is_field && !get(&element, "isContentEditable").is_truthy() {
        return Err(js_sys::TypeError::new(
            "pii-airlock: attach() takes a <textarea>, a text <input> or a contenteditable element",
        )
        .into());
    }
    let element: HtmlElement = element.unchecked_into();
    let debounce = if options.is_object() {
        get(&options, "debounce")
    } else {
        JsValue::UNDEFINED
    };
    let debounce = if debounce.is_undefined() {
        80
    } else {
        debounce.as_f64().unwrap_or(0.0) as i32
    };
    let overlay = if is_field {
        Some(Overlay::new(
            &element,
            element.is_instance_of::<HtmlInputElement>(),
        ))
    } else {
        paint::adopt_document_sheet();
        paint::set(&element, Default::default());
        None
    };
    // Placeholders until wire() sets them (no `new Function`: a strict CSP forbids it).
    let none: Function = JsValue::UNDEFINED.unchecked_into();
    let ctl: Ctl = Rc::new(RefCell::new(State {
        strings: guard.strings(),
        guard,
        element: element.clone(),
        overlay,
        pop: Popover::new(),
        debounce,
        findings: Vec::new(),
        text: JsString::from(""),
        composing: false,
        timer: 0,
        hide_timer: 0,
        seq: 0,
        map: TextMap::default(),
        shown: None,
        shown_finding: JsValue::UNDEFINED,
        listeners: Listeners::default(),
        ro: None,
        mo: None,
        detached: false,
        scan_fn: none.clone(),
        hide_fn: none.clone(),
        change_fn: none.clone(),
        event_fn: none.clone(),
        call_fn: none,
    }));
    let o = wire(&ctl);
    let _ = scan(&ctl);
    Ok(o)
}

/// Events on the editor that matter here.
const ELEMENT_EVENTS: [&str; 10] = [
    "input",
    "compositionstart",
    "compositionend",
    "scroll",
    "mousemove",
    "mouseleave",
    "keyup",
    "click",
    "blur",
    "keydown",
];
/// Events on the popover's host.
const POPOVER_EVENTS: [&str; 4] = ["mouseenter", "mouseleave", "focusin", "keydown"];

/// Makes the one callback, the functions bound to it, every listener, and the controller.
/// One closure serves everything: each closure type costs the .wasm its own glue.
fn wire(ctl: &Ctl) -> Object {
    let call = Closure::<dyn Fn(JsValue, JsValue, JsValue, JsValue) -> JsValue>::new({
        // The controller's functions own the state; nothing in the state owns them back.
        let c = ctl.clone();
        move |what: JsValue, a: JsValue, b: JsValue, d: JsValue| on_call(&c, &what, a, b, d)
    })
    .into_js_value()
    .unchecked_into::<Function>();
    let bound =
        |what: &str| -> Function { call.bind1(&JsValue::NULL, &what.into()).unchecked_into() };
    let (element, pop_host, card, guard) = {
        let mut s = ctl.borrow_mut();
        s.scan_fn = bound("scan");
        s.hide_fn = bound("hide");
        s.change_fn = bound("scan");
        s.event_fn = bound("event");
        s.call_fn = call.clone();
        (
            s.element.clone(),
            s.pop.host.clone(),
            s.pop.card.clone(),
            s.guard.clone(),
        )
    };
    let (event_fn, change_fn) = {
        let s = ctl.borrow();
        (s.event_fn.clone(), s.change_fn.clone())
    };
    let mut l = Listeners::default();
    for kind in ELEMENT_EVENTS {
        l.on(&element, kind, &event_fn);
    }
    for kind in POPOVER_EVENTS {
        l.on(&pop_host, kind, &event_fn);
    }
    // The actions: one listener on the card serves every button it will hold.
    l.on(&card, "click", &event_fn);
    l.on(&window(), "resize", &event_fn);
    guard.add_event_listener("change", &change_fn);
    let ro = if get(&js_sys::global(), "ResizeObserver").is_function() {
        let ro = ResizeObserver::new(&bound("layout")).ok();
        if let Some(ro) = &ro {
            ro.observe(&element);
        }
        ro
    } else {
        None
    };
    let mo = if ctl.borrow().overlay.is_none() {
        let mo = MutationObserver::new(&bound("mutate")).ok();
        if let Some(mo) = &mo {
            let init = MutationObserverInit::new();
            init.set_child_list(true);
            init.set_character_data(true);
            init.set_subtree(true);
            let _ = mo.observe_with_options(&element, &init);
        }
        mo
    } else {
        None
    };
    {
        let mut s = ctl.borrow_mut();
        s.listeners = l;
        s.ro = ro;
        s.mo = mo;
    }

    let o = Object::new();
    put(&o, "element", &element);
    let desc = Object::new();
    put(&desc, "get", &bound("findings"));
    put(&desc, "enumerable", &JsValue::TRUE);
    put(&desc, "configurable", &JsValue::TRUE);
    Object::define_property(&o, &"findings".into(), &desc);
    put(&o, "refresh", &bound("refresh"));
    put(&o, "detach", &bound("detach"));
    o
}

/// What the callback was bound for, with the arguments it got.
fn on_call(ctl: &Ctl, what: &JsValue, a: JsValue, b: JsValue, d: JsValue) -> JsValue {
    let what = what.as_string().unwrap_or_default();
    match what.as_str() {
        "scan" => {
            let _ = scan(ctl);
        }
        "refresh" => return scan(ctl).into(),
        "hide" => {
            let s = ctl.borrow();
            s.pop.hide();
            drop(s);
            ctl.borrow_mut().shown = None;
        }
        "layout" => layout(ctl),
        // IME composition changes the DOM too: its text is scanned once committed.
        "mutate" => {
            let composing = ctl.borrow().composing;
            if !composing {
                schedule(ctl);
            }
        }
        "result" => {
            let seq = a.as_f64().unwrap_or(0.0) as u32;
            scanned(ctl, seq, b.unchecked_into(), d);
        }
        "findings" => {
            let s = ctl.borrow();
            let list: Array = s
                .findings
                .iter()
                .map(|f| JsValue::from(copy(&f.finding)))
                .collect();
            return list.into();
        }
        "detach" => detach(ctl),
        "event" => on_event(ctl, a.unchecked_into()),
        _ => {}
    }
    JsValue::UNDEFINED
}

/// Every DOM event this listens to.
fn on_event(c: &Ctl, e: Event) {
    let kind = e.type_();
    let on_popover = {
        let s = c.borrow();
        e.current_target().map(JsValue::from) == Some(JsValue::from(&s.pop.host))
    };
    match kind.as_str() {
        "input" => {
            let composing = c.borrow().composing;
            if !composing && !get(&e, "isComposing").is_truthy() {
                schedule(c);
            }
        }
        "compositionstart" => {
            let mut s = c.borrow_mut();
            s.composing = true;
            clear_timeout(s.timer);
        }
        "compositionend" => {
            c.borrow_mut().composing = false;
            schedule(c);
        }
        "scroll" | "resize" => layout(c),
        "mousemove" => {
            let e: MouseEvent = e.unchecked_into();
            match hit(c, f64::from(e.client_x()), f64::from(e.client_y())) {
                Some((i, r)) => {
                    let again = {
                        let s = c.borrow();
                        s.shown != Some(i) || s.pop.hidden()
                    };
                    if again {
                        show_popover(c, i, &r);
                    }
                }
                None => {
                    if c.borrow().shown.is_some() {
                        hide_popover(c, 250);
                    }
                }
            }
        }
        "mouseleave" | "blur" => hide_popover(c, 250),
        "mouseenter" | "focusin" => clear_timeout(c.borrow().hide_timer),
        "keyup" => {
            let e: KeyboardEvent = e.unchecked_into();
            if !e.alt_key() && NAV.contains(&e.key().as_str()) {
                follow_caret(c);
            }
        }
        "keydown" if on_popover => {
            let e: KeyboardEvent = e.unchecked_into();
            if e.key() == "Escape" {
                e.prevent_default();
                hide_popover(c, 0);
                let element = c.borrow().element.clone();
                let _ = element.focus();
            }
        }
        // Alt+ArrowDown moves focus into the popover's actions; Escape there comes back.
        "keydown" => {
            let e: KeyboardEvent = e.unchecked_into();
            let s = c.borrow();
            if e.key() == "ArrowDown" && e.alt_key() && !s.pop.hidden() {
                e.prevent_default();
                clear_timeout(s.hide_timer);
                let first = s.pop.first_button();
                // Focus moves synchronously: the editor's blur handler needs the state.
                drop(s);
                if let Some(b) = first {
                    let _ = b.focus();
                }
            }
        }
        "click" => {
            let on_card = {
                let s = c.borrow();
                e.current_target().map(JsValue::from) == Some(JsValue::from(&s.pop.card))
            };
            if on_card {
                act(c, &e);
            } else {
                follow_caret(c);
            }
        }
        _ => {}
    }
}

/// A click on one of the popover's actions.
fn act(c: &Ctl, e: &Event) {
    let Some(b) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("button[data-decision]").ok().flatten())
    else {
        return;
    };
    let decision = b.get_attribute("data-decision").unwrap_or_default();
    let (guard, f, element) = {
        let s = c.borrow();
        (s.guard.clone(), s.shown_finding.clone(), s.element.clone())
    };
    let _ = guard.choose(&f, &get(&f, "value"), &decision);
    hide_popover(c, 0);
    let _ = element.focus();
}

/// Stops highlighting and removes everything attach() added to the page.
fn detach(ctl: &Ctl) {
    let (guard, change_fn, element, painted) = {
        let mut s = ctl.borrow_mut();
        if s.detached {
            return;
        }
        clear_timeout(s.timer);
        clear_timeout(s.hide_timer);
        s.seq += 1;
        let listeners = std::mem::take(&mut s.listeners);
        listeners.remove_all(&s.event_fn);
        if let Some(ro) = s.ro.take() {
            ro.disconnect();
        }
        if let Some(mo) = s.mo.take() {
            mo.disconnect();
        }
        if let Some(o) = &s.overlay {
            o.remove();
        }
        s.pop.remove();
        let change_fn = s.change_fn.clone();
        // The state holds functions of the callback that owns the state: let go of them, so
        // that the garbage collector can free both once the page drops the controller.
        s.detached = true;
        let none: Function = JsValue::UNDEFINED.unchecked_into();
        s.scan_fn = none.clone();
        s.hide_fn = none.clone();
        s.change_fn = none.clone();
        s.event_fn = none.clone();
        s.call_fn = none;
        (
            s.guard.clone(),
            change_fn,
            s.element.clone(),
            s.overlay.is_none(),
        )
    };
    guard.remove_event_listener("change", &change_fn);
    if painted {
        paint::remove(&element);
    }
}

/// A shallow copy of a finding object.
fn copy(f: &Object) -> Object {
    Object::assign(&Object::new(), f)
}

fn schedule(ctl: &Ctl) {
    let mut s = ctl.borrow_mut();
    clear_timeout(s.timer);
    s.timer = set_timeout(&s.scan_fn, s.debounce);
}

/// Reads the text: a field's value, or a contenteditable's text with its block breaks.
fn read_text(s: &mut State) -> JsString {
    if s.overlay.is_some() {
        return js_string(&get(&s.element, "value"));
    }
    let (text, map) = TextMap::read(&s.element);
    s.map = map;
    text
}

/// Scans now; resolves once the result is drawn (or superseded).
fn scan(ctl: &Ctl) -> Promise {
    let (mine, current, guard, result_fn) = {
        let mut s = ctl.borrow_mut();
        if s.detached {
            return Promise::resolve(&JsValue::UNDEFINED);
        }
        s.seq += 1;
        let current = read_text(&mut s);
        (s.seq, current, s.guard.clone(), s.call_fn.clone())
    };
    let pending: Promise = match guard.scan_async(&current) {
        Ok(p) => Promise::resolve(&p),
        Err(_) => Promise::resolve(&JsValue::from(Array::new())),
    };
    // A failed scan shows nothing: its error is no array, so `scanned` reads it as [].
    let done: Function = result_fn
        .bind3(
            &JsValue::NULL,
            &"result".into(),
            &JsValue::from(mine),
            &current,
        )
        .unchecked_into();
    pending.unchecked_ref::<Thenable>().then_fn(&done, &done)
}

/// A scan's result arrived: keep it unless a newer scan started meanwhile.
fn scanned(ctl: &Ctl, mine: u32, current: JsString, result: JsValue) {
    let (element, detail) = {
        let mut s = ctl.borrow_mut();
        // A newer scan started while this one ran (worker): its result wins.
        if mine != s.seq || s.guard.disposed().is_truthy() {
            return;
        }
        let list: Array = if Array::is_array(&result) {
            result.unchecked_into()
        } else {
            Array::new()
        };
        s.findings = list
            .iter()
            .map(|f| {
                let finding = copy(f.unchecked_ref());
                let start = get(&f, "start").as_f64().unwrap_or(0.0) as u32;
                let end = get(&f, "end").as_f64().unwrap_or(0.0) as u32;
                put(&finding, "value", &current.slice(start, end));
                Found {
                    finding,
                    start,
                    end,
                    range: None,
                }
            })
            .collect();
        s.text = current;
        render(&mut s);
        let detail = Object::new();
        put(&detail, "text", &s.text);
        let copies: Array = s
            .findings
            .iter()
            .map(|f| JsValue::from(copy(&f.finding)))
            .collect();
        put(&detail, "findings", &copies);
        (s.element.clone(), detail)
    };
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict("pii-airlock:findings", &init) {
        let _ = element.dispatch_event(&ev);
    }
}

/// How `f` is drawn: its policy action, whether it needs a decision, and the user's choice.
fn state_of(guard: &JsGuard, f: &Object) -> MarkState {
    let choice = guard
        .choice_for(f, &get(f, "value"))
        .ok()
        .and_then(|c| c.as_string());
    MarkState::of(
        get(f, "action").as_string().as_deref(),
        get(f, "needsDecision").is_truthy(),
        choice.as_deref(),
    )
}

fn render(s: &mut State) {
    let states: Vec<MarkState> = s
        .findings
        .iter()
        .map(|f| state_of(&s.guard, &f.finding))
        .collect();
    if let Some(o) = &s.overlay {
        let values: Vec<(JsValue, JsValue)> = s
            .findings
            .iter()
            .map(|f| (get(&f.finding, "value"), get(&f.finding, "entity")))
            .collect();
        let marks: Vec<Mark<'_>> = s
            .findings
            .iter()
            .zip(&values)
            .zip(&states)
            .map(|((f, (value, entity)), state)| Mark {
                start: f.start,
                end: f.end,
                value,
                entity,
                state: *state,
            })
            .collect();
        o.render(&s.element, &s.text, &marks);
        return;
    }
    let mut ranges: [Vec<Range>; 4] = Default::default();
    let doc = document();
    for (f, state) in s.findings.iter_mut().zip(states) {
        let (Some((sn, so)), Some((en, eo))) = (s.map.start(f.start), s.map.end(f.end)) else {
            continue;
        };
        let Ok(r) = doc.create_range() else { continue };
        let _ = r.set_start(sn, so);
        let _ = r.set_end(en, eo);
        f.range = Some(r.clone());
        ranges[state.index()].push(r);
    }
    paint::set(&s.element, ranges);
}

fn layout(ctl: &Ctl) {
    let s = ctl.borrow();
    if let Some(o) = &s.overlay {
        o.layout(&s.element);
    }
}

fn show_popover(ctl: &Ctl, i: usize, rect: &DomRect) {
    let mut s = ctl.borrow_mut();
    let Some(found) = s.findings.get(i) else {
        return;
    };
    let f = found.finding.clone();
    clear_timeout(s.hide_timer);
    s.shown = Some(i);
    s.shown_finding = f.clone().into();
    let strings = &s.strings;
    let value = get(&f, "value");
    // Unknown reads as nothing permitted beyond "redact", as for a block: fail closed.
    let action = get(&f, "action")
        .as_string()
        .and_then(|a| crate::policy::Action::from_id(&a));
    let current = if action == Some(crate::policy::Action::Allow) {
        JsValue::from_str("always-allow")
    } else {
        s.guard.choice_for(&f, &value).unwrap_or_default()
    };
    let current = current.as_string();
    // Only what the policy permits is offered: nothing for a blocked finding, no "allow"
    // where the policy forbids sending values as typed.
    let all: &[(&str, &str)] = if action == Some(crate::policy::Action::Block) {
        &[]
    } else if action.is_some() && s.guard.allow_as_typed().is_truthy() {
        &[
            ("redact", "redact"),
            ("allow-once", "allowOnce"),
            ("always-allow", "alwaysAllow"),
        ]
    } else {
        &[("redact", "redact")]
    };
    let offered: Vec<(&str, JsValue, bool)> = all
        .iter()
        .map(|(decision, key)| {
            let pressed = current.as_deref() == Some(*decision)
                || (*decision == "redact" && current.as_deref().is_none_or(str::is_empty));
            (*decision, get(strings, key), pressed)
        })
        .collect();
    let title = entity_name(strings, &get(&f, "entity"));
    let why = reason_text(strings, &f);
    s.pop.show(i, rect, &title, &value, &why, &offered);
}

fn hide_popover(ctl: &Ctl, delay: i32) {
    let mut s = ctl.borrow_mut();
    clear_timeout(s.hide_timer);
    s.hide_timer = set_timeout(&s.hide_fn, delay);
}

fn rects_of(s: &State, i: usize) -> Vec<DomRect> {
    if let Some(o) = &s.overlay {
        return o.rects(i);
    }
    match s
        .findings
        .get(i)
        .and_then(|f| f.range.as_ref())
        .and_then(|r| r.get_client_rects())
    {
        Some(list) => (0..list.length()).filter_map(|k| list.get(k)).collect(),
        None => Vec::new(),
    }
}

fn hit(ctl: &Ctl, x: f64, y: f64) -> Option<(usize, DomRect)> {
    let s = ctl.borrow();
    (0..s.findings.len()).find_map(|i| {
        rects_of(&s, i)
            .into_iter()
            .find(|r| x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom())
            .map(|r| (i, r))
    })
}

fn caret_offset(s: &State) -> Option<u32> {
    if s.overlay.is_some() {
        let start = get(&s.element, "selectionStart").as_f64();
        let end = get(&s.element, "selectionEnd").as_f64();
        return if start == end {
            start.map(|x| x as u32)
        } else {
            None
        };
    }
    let sel = window().get_selection().ok().flatten()?;
    if sel.range_count() == 0 || !sel.is_collapsed() {
        return None;
    }
    let anchor = sel.anchor_node();
    if !s.element.contains(anchor.as_ref()) {
        return None;
    }
    s.map.offset_of(&anchor?, sel.anchor_offset())
}

fn follow_caret(ctl: &Ctl) {
    let (i, rects) = {
        let s = ctl.borrow();
        let at = caret_offset(&s);
        let i = at.and_then(|at| s.findings.iter().position(|f| at >= f.start && at <= f.end));
        let Some(i) = i else {
            let shown = s.shown.is_some();
            drop(s);
            if shown {
                hide_popover(ctl, 0);
            }
            return;
        };
        (i, rects_of(&s, i))
    };
    if let Some(last) = rects.last() {
        show_popover(ctl, i, last);
    }
    let s = ctl.borrow();
    let f = &s.findings[i].finding;
    let text = js_string(&entity_name(&s.strings, &get(f, "entity")))
        .concat(&": ".into())
        .concat(&reason_text(&s.strings, f).into())
        .concat(&". ".into())
        .concat(&js_string(&get(&s.strings, "actionsHint")));
    s.pop.announce(&text);
}
