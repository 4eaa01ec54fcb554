//! What the names tests ask of a scan, written once: each `tests/names*.rs` file includes this
//! module (`mod names_common;`) and uses the part it needs.
#![allow(dead_code)]

use pii_airlock::Engine;

/// Every finding of `text`: (entity, covered text).
pub fn found(engine: &Engine, text: &str) -> Vec<(String, String)> {
    engine
        .scan(text)
        .into_iter()
        .map(|f| (f.entity.to_string(), text[f.start..f.end].to_string()))
        .collect()
}

/// `text` holds `value`, found exactly as `entity`.
pub fn has(engine: &Engine, text: &str, entity: &str, value: &str) -> bool {
    found(engine, text)
        .iter()
        .any(|(e, v)| e == entity && v == value)
}

/// The covered text of each `PERSON` finding of `text`.
pub fn people(engine: &Engine, text: &str) -> Vec<String> {
    found(engine, text)
        .into_iter()
        .filter_map(|(e, v)| (e == "PERSON").then_some(v))
        .collect()
}

/// No place or street address in `text`.
pub fn no_place(engine: &Engine, text: &str) -> bool {
    !found(engine, text)
        .iter()
        .any(|(e, _)| e == "LOCATION" || e == "STREET_ADDRESS")
}

/// No finding of the names pass (people, places, addresses) in `text`.
pub fn no_names(engine: &Engine, text: &str) -> bool {
    !found(engine, text)
        .iter()
        .any(|(e, _)| matches!(e.as_str(), "PERSON" | "LOCATION" | "STREET_ADDRESS"))
}
