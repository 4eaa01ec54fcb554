//! Street addresses whose tail went out (issue 14; round 17, found by probing the CLI): a unit
//! written short before the postcode ("int. 5", "m. 4", "app. 12"), a Dutch floor after the
//! house number ("117-II"), and a French number suffix ("14 bis rue", "14 bis, rue"), whose
//! test measured the gap before the street instead of the gap after the number. The streets
//! and towns here are written for this file.

mod names_common;

use names_common::addresses;
use pii_airlock::Engine;

#[test]
fn an_address_is_found_to_its_postcode_and_town() {
    let e = Engine::default_engine();
    for (text, address) in [
        (
            "Il mio indirizzo è Via Scarpellini 42, int. 5, 00184 Roma RM",
            "Via Scarpellini 42, int. 5, 00184 Roma RM",
        ),
        (
            "Mój adres: ul. Ząbkowskiego 15 m. 4, 00-950 Warszawa",
            "ul. Ząbkowskiego 15 m. 4, 00-950 Warszawa",
        ),
        (
            "Mijn adres is Heemskerckdreef 117-II, 1071 AB Amsterdam",
            "Heemskerckdreef 117-II, 1071 AB Amsterdam",
        ),
        (
            "Mon adresse : 14 bis rue de la Paix, 75011 Paris",
            "14 bis rue de la Paix, 75011 Paris",
        ),
        (
            "Mon adresse : 14 bis, rue des Quillebœufs, 75011 Paris",
            "14 bis, rue des Quillebœufs, 75011 Paris",
        ),
    ] {
        let got = addresses(&e, text);
        assert!(got.iter().any(|a| a == address), "{text:?}: {got:?}");
    }
}

#[test]
fn a_table_column_after_a_number_is_still_no_address() {
    let e = Engine::default_engine();
    for text in [
        "512    Monitor fontconfig memory usage",
        "The pool has 12 m. 4 of which are free.",
    ] {
        assert!(addresses(&e, text).is_empty(), "{text:?}");
    }
}
