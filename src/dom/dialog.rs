//! The consent dialog: a native <dialog> opened with showModal() inside a shadow root.

use super::i18n::{entity_name, reason_text};
use super::styles::{sheet, DIALOG_CSS};
use super::{adopt, append, append_text, attr, document, el, el_text, get, host, js_string};
use js_sys::{Array, Function, Promise};
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlDialogElement, HtmlElement, KeyboardEvent};

thread_local! {
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

/// The answers, in the order the buttons may appear.
const ACTIONS: [(&str, &str, &str); 4] = [
    ("redacted", "sendRedacted", "primary"),
    ("as-typed", "sendAsTyped", ""),
    ("edit", "edit", ""),
    ("cancelled", "cancel", ""),
];

/// Shows the dialog and resolves with the user's choice: 'redacted', 'as-typed', 'edit' or
/// 'cancelled'. Takes `{items, previews, strings, allowAsTyped, returnFocus}` (see
/// pkg/src/guard.js).
#[wasm_bindgen(js_name = showConsentDialog)]
pub fn show_consent_dialog(o: JsValue) -> Promise {
    let items: Array = get(&o, "items").unchecked_into();
    let previews: Array = get(&o, "previews").unchecked_into();
    let s = get(&o, "strings");
    let allow_as_typed = get(&o, "allowAsTyped").is_truthy();
    let return_focus = get(&o, "returnFocus");

    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let id = format_id(n);
    let (h, root) = host("pii-airlock-consent");
    adopt(&root, &[&sheet(DIALOG_CSS)]);

    let title = el_text("h2", "", &get(&s, "title"));
    title.set_id(&[&id, "-title"].concat());
    let count = get(&s, "count")
        .dyn_into::<Function>()
        .ok()
        .and_then(|f| f.call1(&s, &JsValue::from(items.length())).ok())
        .unwrap_or(JsValue::UNDEFINED);
    let desc_text = js_string(&count)
        .concat(&" ".into())
        .concat(&js_string(&get(&s, "description")));
    let desc = el_text("p", "", &desc_text);
    desc.set_id(&[&id, "-desc"].concat());
    let list = el("ul");
    attr(
        &list,
        "aria-label",
        &String::from(js_string(&get(&s, "findingsLabel"))),
    );
    for it in items.iter() {
        // Every finding that changes is listed, also what the policy settles without asking
        // (its note says so): "Send as typed" covers only the asked ones.
        let key = match get(&it, "effect").as_string().as_deref() {
            Some("send") => "willSend",
            Some("redact") => "willRedact",
            Some("mask") => "willMask",
            _ => "willReplace",
        };
        let mut effect = js_string(&get(&s, key));
        let note = get(&it, "note");
        if note.is_truthy() {
            effect = effect
                .concat(&" (".into())
                .concat(&note)
                .concat(&")".into());
        }
        let effect: JsValue = effect.into();
        let li = el("li");
        attr(
            &li,
            "data-entity",
            &String::from(js_string(&get(&it, "entity"))),
        );
        attr(
            &li,
            "data-effect",
            &String::from(js_string(&get(&it, "effect"))),
        );
        let asked = get(&it, "asked");
        // Items from an older caller carry no flag: they were all asked about.
        let asked = asked.is_undefined() || asked.is_truthy();
        attr(&li, "data-asked", if asked { "true" } else { "false" });
        let entity = el_text("span", "entity", &entity_name(&s, &get(&it, "entity")));
        let value = el_text("code", "value", &get(&it, "value"));
        let effect = el_text("span", "effect", &effect);
        let why = el_text("span", "why", &reason_text(&s, &get(&it, "finding")).into());
        append(&li, &[&entity]);
        append_text(&li, " ");
        append(&li, &[&value]);
        append_text(&li, " ");
        append(&li, &[&effect, &el("br"), &why]);
        append(&list, &[&li]);
    }
    let preview_id = [&id, "-preview"].concat();
    let preview_label = el_text("p", "preview-label", &get(&s, "preview"));
    preview_label.set_id(&preview_id);
    let preview = el_text("pre", "", &previews.join("\n\n"));
    attr(&preview, "aria-labelledby", &preview_id);

    let buttons = el("div");
    buttons.set_class_name("buttons");
    let mut order: Vec<(HtmlElement, &'static str)> = Vec::new();
    for (value, label, class) in ACTIONS {
        if value == "as-typed" && !allow_as_typed {
            continue;
        }
        let b = el_text("button", "", &get(&s, label));
        attr(&b, "type", "button");
        attr(&b, "value", value);
        attr(&b, "data-action", value);
        attr(&b, "class", class);
        append(&buttons, &[&b]);
        order.push((b, value));
    }

    let dialog: HtmlDialogElement = el("dialog").unchecked_into();
    attr(&dialog, "aria-labelledby", &title.id());
    attr(&dialog, "aria-describedby", &desc.id());
    append(
        &dialog,
        &[&title, &desc, &list, &preview_label, &preview, &buttons],
    );
    // The findings list and the preview scroll when long: each is focusable so a keyboard can
    // scroll it (and the cycle below takes it in while it overflows).
    for region in [&list, &preview] {
        attr(region, "tabindex", "0");
    }
    let _ = root.append_with_node_1(&dialog);
    if let Some(body) = document().body() {
        let _ = body.append_with_node_1(&h);
    }

    let mut resolve_slot: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
    let open = Rc::new(Open {
        done: Cell::new(false),
        dialog: dialog.clone(),
        host: h,
        root,
        buttons: order,
        scrollers: [list, preview],
        return_focus,
        resolve: resolve_slot.unwrap_throw(),
        listener: OnceCell::new(),
    });
    let handler = Closure::<dyn Fn(Event)>::new({
        let open = open.clone();
        move |e: Event| open.on_event(e)
    });
    let f: &Function = handler.as_ref().unchecked_ref();
    let _ = open.listener.set(f.clone());
    for (b, _) in &open.buttons {
        let _ = b.add_event_listener_with_callback("click", f);
    }
    for kind in ["cancel", "close", "keydown"] {
        let _ = dialog.add_event_listener_with_callback(kind, f);
    }
    HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        // Handlers of answered dialogs are freed here, never while they run.
        h.retain(|(o, _)| !o.done.get());
        h.push((open.clone(), handler));
    });
    let _ = dialog.show_modal();
    // The least destructive action that still lets the user go on: sending redacted.
    let _ = open.buttons[0].0.focus();
    promise
}

type Handler = Closure<dyn Fn(Event)>;

thread_local! {
    static HANDLERS: RefCell<Vec<(Rc<Open>, Handler)>> = const { RefCell::new(Vec::new()) };
}

/// A dialog waiting for its answer.
struct Open {
    done: Cell<bool>,
    dialog: HtmlDialogElement,
    host: HtmlElement,
    root: web_sys::ShadowRoot,
    buttons: Vec<(HtmlElement, &'static str)>,
    /// The findings list and the preview, in the Tab cycle while they overflow.
    scrollers: [HtmlElement; 2],
    return_focus: JsValue,
    resolve: Function,
    /// The handler as JS sees it, to take it off again.
    listener: OnceCell<Function>,
}

impl Open {
    fn on_event(&self, e: Event) {
        match e.type_().as_str() {
            "click" => {
                let target = e.current_target().map(JsValue::from);
                if let Some((_, value)) = self
                    .buttons
                    .iter()
                    .find(|(b, _)| Some(JsValue::from(b)) == target)
                {
                    self.finish(value);
                }
            }
            // Escape fires `cancel`; a second Escape could close without it, so `close` is
            // handled too.
            "cancel" => {
                e.prevent_default();
                self.finish("cancelled");
            }
            "close" => self.finish("cancelled"),
            "keydown" => self.cycle(e.unchecked_into()),
            _ => {}
        }
    }

    /// Keeps Tab inside the dialog: a modal makes the page inert, but Tab could still leave
    /// for the browser's own UI. Cycling here keeps the order the same in every browser: the
    /// buttons, then the findings list and the preview while they overflow (a region that
    /// scrolls must be reachable by keyboard, or its end cannot be read).
    fn cycle(&self, e: KeyboardEvent) {
        if e.key() != "Tab" {
            return;
        }
        e.prevent_default();
        let active: JsValue = self
            .root
            .active_element()
            .map_or(JsValue::NULL, JsValue::from);
        let order: Vec<&HtmlElement> = self
            .buttons
            .iter()
            .map(|(b, _)| b)
            .chain(
                self.scrollers
                    .iter()
                    .filter(|r| r.scroll_height() > r.client_height()),
            )
            .collect();
        let len = order.len();
        let at = order.iter().position(|b| JsValue::from(*b) == active);
        let next = match (e.shift_key(), at) {
            (true, None | Some(0)) => len - 1,
            (true, Some(i)) => i - 1,
            (false, None) => 0,
            (false, Some(i)) => (i + 1) % len,
        };
        let _ = order[next].focus();
    }

    fn finish(&self, decision: &str) {
        if self.done.replace(true) {
            return;
        }
        // Nothing may call the handler once it is answered: it is freed with the next dialog.
        if let Some(f) = self.listener.get() {
            for (b, _) in &self.buttons {
                let _ = b.remove_event_listener_with_callback("click", f);
            }
            for kind in ["cancel", "close", "keydown"] {
                let _ = self.dialog.remove_event_listener_with_callback(kind, f);
            }
        }
        if self.dialog.open() {
            self.dialog.close();
        }
        self.host.remove();
        // Back to where the user was; for "Edit" the caller moves the caret to the first
        // finding.
        let back = &self.return_focus;
        if back.is_truthy() && get(back, "isConnected").is_truthy() {
            let _ = back.unchecked_ref::<HtmlElement>().focus();
        }
        let _ = self
            .resolve
            .call1(&JsValue::UNDEFINED, &JsValue::from_str(decision));
    }
}

/// `pii-airlock-<n>`, the prefix of this dialog's element ids.
fn format_id(n: u32) -> String {
    let mut id = String::from("pii-airlock-");
    id.push_str(&super::num(n as f64));
    id
}
