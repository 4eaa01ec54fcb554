//! Names the lists did not know (issue 14, class 1; round 6): first names of people from
//! Poland, Ireland, Romania, Finland, Ghana and other countries whose people live in the eight
//! languages' countries, added to data/gazetteer.txt from the sources in data/SOURCES.md. The
//! sentences give little evidence beyond the list, so only the list can find these names; the
//! surnames are ordinary ones of the same origin. New names that are words stay words.

use pii_airlock::Engine;

fn people(engine: &Engine, text: &str) -> Vec<String> {
    engine
        .scan(text)
        .into_iter()
        .filter(|f| &*f.entity == "PERSON")
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

#[test]
fn first_names_of_more_countries_are_found() {
    let e = Engine::default_engine();
    for (text, person) in [
        (
            "Ticket from Wojciech Brzęczyszczykiewicz",
            "Wojciech Brzęczyszczykiewicz",
        ),
        ("it's Siobhan here — my partner Tadhg will call", "Tadhg"),
        ("Jolanta Wiśniewska dzwoniła rano.", "Jolanta Wiśniewska"),
        (
            "Grażyna Lewandowska przysłała fakturę.",
            "Grażyna Lewandowska",
        ),
        ("Mariusz Zieliński ma spotkanie o 10.", "Mariusz Zieliński"),
        ("Ho parlato con Ioana Popescu ieri.", "Ioana Popescu"),
        ("Hablé con Mihai Ionescu ayer.", "Mihai Ionescu"),
        ("Hyvää päivää, Antti Virtanen here.", "Antti Virtanen"),
        ("Abena Asante sent the contract.", "Abena Asante"),
        ("Eoin Murphy will join the call.", "Eoin Murphy"),
    ] {
        let found = people(&e, text);
        assert!(found.iter().any(|p| p == person), "{text}: {found:?}");
    }
}

#[test]
fn new_names_that_are_words_need_more_than_the_list() {
    let e = Engine::default_engine();
    // Edit, Server, Menu, Valid, Boy, Maison and Ville are names in the new sources; `toma`
    // (Spanish "takes") was a name before and is now a surname too. Found with the round-6
    // sources before their words were flagged, on the tuning part's benign text.
    for text in [
        "dotty toma una lista de paquetes de la línea de ordenes y genera",
        "Open Edit Menu, then Server Settings, and press Valid.",
        "Boy Scouts meet at the Maison de la Ville on Fridays.",
        // `link` was a surname and is a first name in a new source; `abi` is new (and German).
        "--install Link Name Pfad Priorität [--slave Link Name Pfad] …",
        "The [ABI Stability][] guide provides a more in-depth explanation.",
    ] {
        let found = people(&e, text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}
