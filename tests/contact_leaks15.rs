//! Contact data the CLI let out in round 15: an address spelt with capital `AT`/`DOT`, a
//! Skype ID `live:…` cut at its colon, and the local part of an address named by its mail
//! provider ("my gmail is …"). Values are made up; the providers' names are public.

use pii_airlock::Engine;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::default_engine)
}

fn found(text: &str) -> Vec<(String, String)> {
    engine()
        .scan(text)
        .into_iter()
        .map(|f| (f.entity.to_string(), text[f.start..f.end].to_string()))
        .collect()
}

fn assert_found(text: &str, entity: &str, value: &str) {
    let got = found(text);
    assert!(
        got.iter().any(|(e, v)| e == entity && v == value),
        "{entity} {value:?} not found whole in {text:?}: {got:?}"
    );
}

fn assert_none(text: &str, entity: &str) {
    let got = found(text);
    assert!(
        !got.iter().any(|(e, _)| e == entity),
        "{text:?} is not a {entity}: {got:?}"
    );
}

/// Capital `AT` and `DOT` are how people write an address against harvesters: the capitals
/// mark the words as the signs, with no mail word needed before them.
#[test]
fn address_spelt_with_capital_at_and_dot() {
    for (text, value) in [
        ("jane AT example DOT com", "jane AT example DOT com"),
        (
            "jane DOT doe AT gmail DOT com",
            "jane DOT doe AT gmail DOT com",
        ),
        (
            "reach jane AT example DOT org today",
            "jane AT example DOT org",
        ),
        ("jane At example Dot com", "jane At example Dot com"),
        (
            "write to jane at example dot com",
            "jane at example dot com",
        ),
    ] {
        assert_found(text, "EMAIL_ADDRESS", value);
    }
    // Still prose: no top-level domain at the end, or capitals throughout (a shouted line).
    for text in [
        "jane AT home DOT then",
        "MEET JANE AT EXAMPLE DOT COM",
        "Look AT This DOT Com",
    ] {
        assert_none(text, "EMAIL_ADDRESS");
    }
}

/// A Skype ID is `live:` and the handle, or `live:.cid.` and a hex id: one span, the handle
/// does not go out after a placeholder for `live`.
#[test]
fn skype_live_id_is_one_span() {
    for (text, value) in [
        ("my skype is live:jane.doe_1", "live:jane.doe_1"),
        (
            "Skype: live:.cid.3f2a9c4e5b6d7a81",
            "live:.cid.3f2a9c4e5b6d7a81",
        ),
        ("skype id: live:janedoe77", "live:janedoe77"),
    ] {
        assert_found(text, "USERNAME", value);
        let got = found(text);
        assert!(
            got.iter()
                .all(|(_, v)| !value.ends_with(v.as_str()) || v == value),
            "{text:?}: a part of the ID found alone: {got:?}"
        );
    }
}

/// "my gmail is jane.doe1987": the provider names the address's domain, the word after it
/// is its local part. A `USERNAME`, as after "my skype is": the catalog's `EMAIL_ADDRESS` is
/// an address with its domain.
#[test]
fn local_part_named_by_its_provider() {
    for (text, value) in [
        ("my gmail is jane.doe1987", "jane.doe1987"),
        ("my hotmail is jane_doe87", "jane_doe87"),
        ("my outlook is jane.doe1987", "jane.doe1987"),
        ("my yahoo mail is jane.doe", "jane.doe"),
        ("my icloud is jdoe1987", "jdoe1987"),
        ("my proton mail is jane.doe1987", "jane.doe1987"),
        ("Gmail: jane.doe1987", "jane.doe1987"),
        ("meine Gmail ist jane.doe1987", "jane.doe1987"),
        ("my gmail is janedoe", "janedoe"),
    ] {
        assert_found(text, "USERNAME", value);
    }
    // A full address after the label stays one EMAIL_ADDRESS.
    assert_found(
        "my gmail is jane.doe1987@gmail.com",
        "EMAIL_ADDRESS",
        "jane.doe1987@gmail.com",
    );
    // Nor the local part before the `@` of an address after a platform's label.
    assert_found(
        "my skype is jane.doe@outlook.com",
        "EMAIL_ADDRESS",
        "jane.doe@outlook.com",
    );
    // The providers' names as words: a forecast, a particle, figures.
    for text in [
        "Outlook: stable",
        "Outlook: FY2027 guidance raised",
        "the outlook is 2.5% growth",
        "my outlook is positive",
        "Proton: 1.673e-27 kg",
        "Gmail: 1.8B users",
        "Gmail: fix login",
    ] {
        assert_none(text, "USERNAME");
    }
}
