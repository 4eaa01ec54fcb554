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

/// Each text has a `PERSON` finding that covers exactly its name; every miss is reported at
/// once.
pub fn assert_found(engine: &Engine, cases: &[(&str, &str)]) {
    let missed: Vec<_> = cases
        .iter()
        .filter(|(text, person)| !people(engine, text).iter().any(|p| p == person))
        .map(|(text, _)| (*text, people(engine, text)))
        .collect();
    assert!(missed.is_empty(), "missed: {missed:#?}");
}

/// Each text's `PERSON` findings hold every one of its people (texts that name several).
pub fn assert_found_each(engine: &Engine, cases: &[(&str, &[&str])]) {
    let pairs: Vec<(&str, &str)> = cases
        .iter()
        .flat_map(|(text, persons)| persons.iter().map(move |p| (*text, *p)))
        .collect();
    assert_found(engine, &pairs);
}

/// The covered text of each `STREET_ADDRESS` finding of `text`.
pub fn addresses(engine: &Engine, text: &str) -> Vec<String> {
    found(engine, text)
        .into_iter()
        .filter_map(|(entity, v)| (entity == "STREET_ADDRESS").then_some(v))
        .collect()
}

/// No text has a `PERSON` finding; every one that has is reported at once.
pub fn assert_no_people(engine: &Engine, texts: &[&str]) {
    let found: Vec<_> = texts
        .iter()
        .map(|t| (*t, people(engine, t)))
        .filter(|(_, p)| !p.is_empty())
        .collect();
    assert!(found.is_empty(), "found: {found:#?}");
}

/// Both `first` and `last` are words of `PERSON` findings of `text`.
pub fn finds_both(engine: &Engine, first: &str, last: &str, text: &str) {
    let got = people(engine, text);
    for w in [first, last] {
        assert!(
            got.iter().any(|p| p.split([' ', ',']).any(|x| x == w)),
            "{w} in {text:?}: {got:?}"
        );
    }
}
