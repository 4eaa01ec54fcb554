//! Engine options from untrusted configuration: building either fails with an error or gives
//! an engine whose findings keep every invariant; it never panics.
//!
//! Until the policy parser lands, the input is read as simple option lines (`country XX`,
//! `disable RULE`, `min 0.7`); when it does, feed the bytes to the parser here instead and
//! build the engine from what it returns.
#![no_main]
use libfuzzer_sys::fuzz_target;
use pii_airlock::{Engine, EngineOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut options = EngineOptions::default();
    for line in text.lines() {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "country" => options.countries.get_or_insert_with(Vec::new).push(value.to_string()),
            "disable" => options.disabled_rules.push(value.to_string()),
            "min" => options.min_score = value.parse().unwrap_or(f32::NAN),
            _ => {}
        }
    }
    if let Ok(engine) = Engine::new(&options) {
        pii_airlock_fuzz::check_scan(&engine, &text);
        pii_airlock_fuzz::check_scan(&engine, "mail jane.doe@example.com, call +44 20 7946 0958");
    }
});
