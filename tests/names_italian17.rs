//! Round 16 (italian17, issue 14): the constructions behind the misses of
//! tests/data/italian16-tune.jsonl (part A) that round 15 left: natural features and areas
//! named bare, which GeoNames' populated places lack ("sul Vesuvio", "nelle Langhe"), and a
//! capitalised article or articulated preposition opening the sentence before a feature named
//! with its generic word ("Il Monte Amiata", "Sul Monte Bianco"). The features here differ
//! from those of the tuning set.

mod names_common;

use names_common::{found, has, no_place};
use pii_airlock::Engine;

#[test]
fn italian17_features_named_bare() {
    let e = Engine::default_engine();
    for (text, place) in [
        ("Siamo saliti sul Vesuvio all'alba.", "Vesuvio"),
        ("In autunno andiamo nelle Langhe per il tartufo.", "Langhe"),
        ("Abbiamo passato una settimana sull'Amiata.", "Amiata"),
        ("L'anno scorso siamo stati a Lipari e a Panarea.", "Lipari"),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

#[test]
fn italian17_an_article_opening_the_sentence_before_a_feature() {
    let e = Engine::default_engine();
    for (text, place) in [
        ("Il Monte Amiata è un vulcano spento.", "Monte Amiata"),
        ("Sul Monte Bianco nevica già a ottobre.", "Monte Bianco"),
        ("Le Alpi Giulie si vedono da Trieste.", "Alpi Giulie"),
        ("Il Lago di Resia è ghiacciato.", "Lago di Resia"),
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
fn italian17_an_article_before_what_is_no_feature() {
    let e = Engine::default_engine();
    // A bank and a race open with a feature's word; a team takes an article before its town.
    for text in [
        "Il Monte dei Paschi ha chiuso la filiale.",
        "Il Gran Premio si corre domenica.",
        "Nel Gran Premio di ieri ha vinto lui.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}
