//! Round 17 (hunt18): values named after them, with no label before — a licence plate before
//! its verb and label ("B-MW 1234 ist mein Kennzeichen") — and a Skype ID without a label.
//! Plates are the examples of each country's published format (no checksum exists).

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

#[test]
fn a_plate_before_its_verb_and_label() {
    for (text, plate) in [
        ("B-MW 1234 ist mein Kennzeichen", "B-MW 1234"),
        ("Das Auto: B-MW 1234 ist das Kennzeichen.", "B-MW 1234"),
        ("AB-123-CD est ma plaque", "AB-123-CD"),
        ("AB-123-CD, c'est ma plaque d'immatriculation", "AB-123-CD"),
        ("ABC-1234 is my license plate", "ABC-1234"),
        ("AB12 CDE is our number plate", "AB12 CDE"),
        ("1234 BCD es mi matrícula", "1234 BCD"),
        ("AB 123 CD è la mia targa", "AB 123 CD"),
        ("12-ABC-3 is mijn kenteken", "12-ABC-3"),
        ("WA 12345 to moja tablica rejestracyjna", "WA 12345"),
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(e, v)| e == "LICENSE_PLATE" && v == plate),
            "{text:?}: {got:?}"
        );
    }
}

#[test]
fn words_before_a_plate_label_are_no_plate() {
    for text in [
        // No verb, a lower-case or letters-only word, a year alone, a negation's words.
        "ABC-1234 Kennzeichen",
        "the car is my plaque",
        "Berlin ist mein Kennzeichen",
        "2024 is my registration plate",
        "B-MW 1234 ist nicht mein Kennzeichen",
        "Kennzeichen: unbekannt",
        "ISO is the plate",
    ] {
        let got = found(text);
        assert!(
            !got.iter().any(|(e, _)| e == "LICENSE_PLATE"),
            "{text:?}: {got:?}"
        );
    }
}

#[test]
fn a_skype_id_without_a_label() {
    for (text, id) in [
        ("add me on live:jane.doe_1 please", "live:jane.doe_1"),
        ("live:.cid.4f2a9b1c7d3e", "live:.cid.4f2a9b1c7d3e"),
        ("(live:janedoe)", "live:janedoe"),
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(e, v)| e == "USERNAME" && v == id),
            "{text:?}: {got:?}"
        );
    }
    for text in [
        "Go live: Monday",
        "olive:green",
        "is_live:true",
        "live:",
        "http://live:8080/",
    ] {
        let got = found(text);
        assert!(
            !got.iter().any(|(e, _)| e == "USERNAME"),
            "{text:?}: {got:?}"
        );
    }
}
