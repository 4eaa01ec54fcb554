//! Promises run by Rust futures, and what happens to them when the module panics.
//!
//! A panic aborts (`unreachable`): inside a synchronous call the trap reaches pkg/guard.js's
//! wrapper, which poisons the module; inside a future polled from a microtask it reaches no
//! one, and the caller would wait forever. So a panic hook tells pkg/guard.js (every later
//! call refuses) and rejects every promise still pending here: nothing is sent, and the
//! caller hears why.

use super::errors::{self, Reason};
use super::js;
use js_sys::{Function, Promise};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Reject functions of pending promises, with the message to block with (requests) or none.
    static PENDING: RefCell<Vec<(u32, Function, Option<&'static str>)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
    static HOOKED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook once (the crate's own report, without the message, then the
/// rejections).
pub fn hook_panics() {
    if HOOKED.with(|h| h.replace(true)) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        crate::panic_hook::report(info);
        on_panic();
    }));
}

fn on_panic() {
    let Some(glue) = js::glue() else { return };
    // The cause names no value: a panic message could in principle quote input.
    let poisoned = glue.poison(&js_sys::Error::new("panic in pii-airlock").into());
    let pending = PENDING.with(|p| p.try_borrow_mut().map(|mut p| std::mem::take(&mut *p)));
    for (_, reject, blocked) in pending.unwrap_or_default() {
        let e = match blocked {
            Some(what) => errors::as_blocked(&glue, poisoned.clone(), Reason::Engine, what),
            None => poisoned.clone(),
        };
        let _ = reject.call1(&JsValue::UNDEFINED, &e);
    }
}

/// Runs `fut` and returns its promise. `blocked`: what the caller was doing, for the
/// `PiiAirlockBlockedError` it gets should the module panic meanwhile (none: the poison error).
pub fn spawn<F>(blocked: Option<&'static str>, fut: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    // One copy of the code below for every kind of task.
    run(blocked, Box::pin(fut))
}

fn run(
    blocked: Option<&'static str>,
    fut: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>,
) -> Promise {
    let mut settle = None;
    let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let Some((resolve, reject)) = settle else {
        // The executor runs synchronously: unreachable, and a promise nobody settles would
        // only wait, never send.
        return promise;
    };
    let id = NEXT.with(|n| {
        let id = n.get().wrapping_add(1);
        n.set(id);
        id
    });
    PENDING.with(|p| p.borrow_mut().push((id, reject.clone(), blocked)));
    wasm_bindgen_futures::spawn_local(async move {
        let result = fut.await;
        PENDING.with(|p| p.borrow_mut().retain(|(i, _, _)| *i != id));
        let _ = match result {
            Ok(v) => resolve.call1(&JsValue::UNDEFINED, &v),
            Err(e) => reject.call1(&JsValue::UNDEFINED, &e),
        };
    });
    promise
}
