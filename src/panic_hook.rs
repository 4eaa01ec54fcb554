//! The panic hook of the wasm build.
//!
//! A panic message can quote the text being checked (a bad string slice prints the string),
//! and `console_error_panic_hook` prints the message. This hook logs only where the panic
//! happened and the JavaScript stack: [`describe`] is never given the message. The panic
//! itself still traps, and the trap makes the guard fail closed (`pkg/guard.js`,
//! `src/net/task.rs`).

#[cfg(any(target_arch = "wasm32", test))]
use std::panic::Location;

/// What the console shows for a panic at `location`.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn describe(location: Option<&Location<'_>>) -> String {
    let at = location
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!(
        "pii-airlock: internal error{at} (message withheld: it could quote the text being \
         checked); the request is blocked"
    )
}

#[cfg(target_arch = "wasm32")]
mod console {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        pub(super) fn error(message: &str);

        #[wasm_bindgen(js_name = Error)]
        pub(super) type StackError;
        #[wasm_bindgen(constructor, js_class = "Error")]
        pub(super) fn new() -> StackError;
        #[wasm_bindgen(structural, method, getter, js_class = "Error")]
        pub(super) fn stack(this: &StackError) -> String;
    }
}

/// Logs a panic's location and the JavaScript stack, never its message.
#[cfg(target_arch = "wasm32")]
pub(crate) fn report(info: &std::panic::PanicHookInfo<'_>) {
    console::error(&format!(
        "{}\n\nStack:\n\n{}",
        describe(info.location()),
        console::StackError::new().stack()
    ));
}

/// Installs [`report`] as the panic hook, once.
#[cfg(target_arch = "wasm32")]
pub(crate) fn install() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(report)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A panic whose message quotes personal data is reported by location only.
    #[test]
    fn the_message_never_reaches_the_report() {
        let seen = Arc::new(Mutex::new(String::new()));
        let sink = seen.clone();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            *sink.lock().unwrap() = describe(info.location());
        }));
        let text = "mail jane.doe@example.com";
        let result = std::panic::catch_unwind(|| panic!("while checking {text}"));
        std::panic::set_hook(previous);
        assert!(result.is_err());
        let seen = seen.lock().unwrap().clone();
        assert!(seen.contains("panic_hook.rs:"), "{seen}");
        assert!(!seen.contains("jane"), "{seen}");
    }
}
