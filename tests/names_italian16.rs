//! Round 15 (italian16, issue 14): the constructions behind the misses and false positives of
//! tests/data/italian16-tune.jsonl (part A), a set written before reading the rules: a
//! geographic feature named with its generic word ("Lago di Resia", "Monte Bianco"), an item
//! of a list of towns next to a listed one ("a Borgalla e a Innsbruck"), a town after "a" in a
//! sentence that only Italian function words show to be Italian, "al" before a feature, and a
//! company or someone's premises after "lavoro da". The features and towns here differ from
//! those of the tuning set; the made-up towns are absent from data/gazetteer.txt (checked when
//! written).

mod names_common;

use names_common::{found, has, no_place};
use pii_airlock::Engine;

#[test]
fn italian16_features_named_with_their_generic_word() {
    let e = Engine::default_engine();
    for (text, place) in [
        (
            "Abbiamo fatto il giro del Lago di Resia in bici.",
            "Lago di Resia",
        ),
        (
            "Ci sono sentieri bellissimi nelle Alpi Giulie.",
            "Alpi Giulie",
        ),
        (
            "Il traghetto per le Isole Egadi parte da Trapani.",
            "Isole Egadi",
        ),
        // The second word is a surname or a first name: no person.
        (
            "Domani saliamo sul Monte Bianco con le guide.",
            "Monte Bianco",
        ),
        ("Dal rifugio si vede il Monte Paolo.", "Monte Paolo"),
        // A listed place named by its direction.
        ("Cerchiamo lavoro in tutto il Nord Italia.", "Nord Italia"),
        // Italian "al" is a preposition, not Polish `al.` without its dot.
        ("Siamo saliti al Monte Cimone.", "Monte Cimone"),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text}: {:?}",
            found(&e, text)
        );
        assert!(
            !found(&e, text).iter().any(|(k, _)| k == "PERSON"),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

#[test]
fn italian16_feature_words_that_open_no_place() {
    let e = Engine::default_engine();
    // A bank and an actor: neither is a place.
    let bank = "Il Monte dei Paschi ha chiuso la filiale.";
    assert!(no_place(&e, bank), "{:?}", found(&e, bank));
    let actor = "Val Kilmer ha recitato in tanti film.";
    assert!(
        has(&e, actor, "PERSON", "Val Kilmer"),
        "{:?}",
        found(&e, actor)
    );
    // Polish `al.` with its dot still opens a street.
    let street = "Adres: al. Jerozolimskie 44, 00-024 Warszawa";
    assert!(
        has(
            &e,
            street,
            "STREET_ADDRESS",
            "al. Jerozolimskie 44, 00-024 Warszawa"
        ),
        "{:?}",
        found(&e, street)
    );
}

#[test]
fn italian16_an_item_of_a_list_of_towns() {
    let e = Engine::default_engine();
    for (text, town) in [
        // The listed town after it, with the same preposition.
        ("Andremo a Morbasso e a Innsbruck.", "Morbasso"),
        // The listed town before it.
        ("Valutiamo a Lucca o a Morbasso.", "Morbasso"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A first name that is no place stays a person's.
    let text = "Ho scritto a Roma e a Marco.";
    assert!(!has(&e, text, "LOCATION", "Marco"), "{:?}", found(&e, text));
}

#[test]
fn italian16_a_town_in_a_plainly_italian_sentence() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "La merce è bloccata in dogana a Morbasso da dieci giorni.",
            "Morbasso",
        ),
        (
            "La merce è bloccata in dogana a Pellizzo da dieci giorni.",
            "Pellizzo",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // English on the line: a value, not a town.
    let text = "Set a Pellizzo value in the config, da capo.";
    assert!(no_place(&e, text), "{:?}", found(&e, text));
}

#[test]
fn italian16_working_at_a_company_or_at_someones() {
    let e = Engine::default_engine();
    for text in [
        "Mia cugina lavora da Brambati da due anni.",
        "Lavorano da Zanchetta tutti i sabati.",
        "Lavoro da Unicredit come cassiere.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    // A listed town that is no name is still a town.
    let text = "Lavoro da Milano il venerdì.";
    assert!(has(&e, text, "LOCATION", "Milano"), "{:?}", found(&e, text));
}
