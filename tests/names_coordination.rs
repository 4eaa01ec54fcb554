//! People named beside a person already found (issue 14; round 17, found by probing the CLI):
//! "Invite Peter Smith and Ysolde Kerrigan", a list of three, and a name beside the writer
//! ("Ysolde and I went"). The names no list knows went out beside the one it knows
//! (`src/names/coordination.rs`, reason `coordinated`). The unknown names here are written for
//! this file, not taken from the detectors' lists.

mod names_common;

use names_common::{assert_found_each, people};
use pii_airlock::Engine;

#[test]
fn a_name_joined_to_a_person_is_a_person() {
    let e = Engine::default_engine();
    assert_found_each(
        &e,
        &[
            (
                "Invite Peter Smith and Ysolde Kerrigan to the meeting.",
                &["Peter Smith", "Ysolde Kerrigan"],
            ),
            (
                "Please invite Ysolde Kerrigan and Peter Smith to the meeting.",
                &["Ysolde Kerrigan", "Peter Smith"],
            ),
            (
                "Peter Smith, Ysolde Kerrigan and Wendelin Haberl agreed to the budget.",
                &["Peter Smith", "Ysolde Kerrigan", "Wendelin Haberl"],
            ),
            (
                "Peter Smith, Ysolde Kerrigan, and Wendelin Haberl signed.",
                &["Ysolde Kerrigan", "Wendelin Haberl"],
            ),
            (
                "Lade Anna Schmidt und Wendelin Haberl zum Termin ein.",
                &["Wendelin Haberl"],
            ),
            (
                "Invitez Marie Dubois et Ysolde Kerrigan à la réunion.",
                &["Ysolde Kerrigan"],
            ),
            (
                "Anna Nowak i Wendelin Haberl przyjdą jutro.",
                &["Wendelin Haberl"],
            ),
            (
                "Convida o João Silva e a Ysolde Kerrigan para a reunião.",
                &["Ysolde Kerrigan"],
            ),
            (
                "Nodig Jan de Vries en Ysolde Kerrigan uit.",
                &["Ysolde Kerrigan"],
            ),
        ],
    );
}

#[test]
fn a_name_beside_the_writer_is_a_person() {
    let e = Engine::default_engine();
    assert_found_each(
        &e,
        &[
            ("Ysolde and I went to the conference.", &["Ysolde"]),
            ("Me and Ysolde went to the conference.", &["Ysolde"]),
            ("Ysolde Kerrigan and I will present.", &["Ysolde Kerrigan"]),
            ("Ysolde und ich fahren morgen.", &["Ysolde"]),
            ("Ysolde et moi partons demain.", &["Ysolde"]),
            ("Ysolde y yo vamos mañana.", &["Ysolde"]),
            ("Ysolde e io partiamo domani.", &["Ysolde"]),
            ("Ysolde en ik gaan morgen.", &["Ysolde"]),
        ],
    );
}

#[test]
fn what_stands_beside_a_person_and_is_none() {
    let e = Engine::default_engine();
    for (text, not) in [
        // Software, bodies and titles beside people in credits.
        ("To people familiar with Lex and Yacc, Anna Schmidt says hi.", "Yacc"),
        (
            "Laboratoire MASI, Institut Blaise Pascal\n    Universite Pierre et Marie Curie (Paris VI)",
            "Universite Pierre",
        ),
        (
            "2006, Mónica Díez García, Image Processing Laboratory, University of Valladolid",
            "Image Processing Laboratory",
        ),
        ("The  Ubiquitous  B-tree,  Douglas  Comer, ACM Computing Surveys", "Ubiquitous  B-tree"),
        ("Colin Watson, Christopher Staite, and CORE SDI S.A.", "CORE SDI"),
        // A greeting's or sign-off's comma joins no lone first names.
        ("Hallo Lutz,\nkannst du mir die Unterlagen schicken?\nGruß, Agnese", "Gruß"),
        // The writer's pronoun: not I/O, not a letter of a list.
        ("Between the CPU and I/O we measured Anna Schmidt's code.", "CPU"),
        ("Sections A and I are optional.", "A"),
    ] {
        let got = people(&e, text);
        assert!(!got.iter().any(|p| p == not), "{text:?}: {got:?}");
    }
    // A capitalised verb opening the line is left out of the name before the conjunction.
    let got = people(
        &e,
        "  * Remove David Nusinow and Andres Salomon from Uploaders.",
    );
    assert!(got.iter().any(|p| p == "David Nusinow"), "{got:?}");
    assert!(!got.iter().any(|p| p.starts_with("Remove")), "{got:?}");
}
