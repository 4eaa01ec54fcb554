//! Person names that still went out after round 15 (issue 14; round 16, leaks17, found by
//! probing the CLI with `scripts/probe-leaks17.py`): a lone name no list knows after a role
//! label, a care-of line, a self-introduction, a verb of answering or forwarding, a request
//! made on someone's behalf, a German relation, and before the pronoun `I`. The names are
//! invented for this file (none is in the detectors' lists); each case fails on main.

mod names_common;

use names_common::{assert_found, assert_no_people};
use pii_airlock::Engine;

/// "Tell my boss Wendelin I'm sick": the pronoun joined the run and the relation was lost;
/// German writes the relation capitalised ("mein Chef Wendelin") and declines it ("meinen
/// Nachbarn").
#[test]
fn relations_before_the_pronoun_and_in_german() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("Tell my boss Wendelin I'm sick", "Wendelin"),
            ("mein Chef Wendelin kommt morgen", "Wendelin"),
            ("meine Kollegin Sugaen ist krank", "Sugaen"),
            ("Ich habe meinen Nachbarn Theisark gefragt", "Theisark"),
            ("Das Paket ist bei meiner Schwester Dagrun", "Dagrun"),
        ],
    );
}

/// Verbs of answering, writing and forwarding, and mail from someone, in the eight languages.
#[test]
fn verbs_of_address_before_a_lone_unknown_name() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("Please reply to Ruairí today", "Ruairí"),
            ("I got an email from Feargal yesterday", "Feargal"),
            ("forward this to Oisín please", "Oisín"),
            ("cc Dagrun on the thread", "Dagrun"),
            ("ping Wendelin about it", "Wendelin"),
            ("Ich habe eine Mail von Theisark bekommen", "Theisark"),
            ("Leite das bitte an Sugaen weiter", "Sugaen"),
            ("Réponds à Tubreirk aujourd'hui", "Tubreirk"),
            ("Reenvía esto a Zaedael por favor", "Zaedael"),
            ("Ho ricevuto una mail da Vovel ieri", "Vovel"),
            ("Stuur Zaful een bericht", "Zaful"),
            ("Odpisz Lezil dzisiaj", "Lezil"),
            ("Encaminha isto para Zobrind por favor", "Zobrind"),
        ],
    );
}

/// The same verbs as nouns of a heading, before a line break or in a string of code, and
/// before a common word, are no cue.
#[test]
fn verbs_of_address_in_headings_and_code_stay_quiet() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &[
            "X.509 Email Address 4-byte Buffer Overflow",
            ".. Text Sizes\n   ==========",
            "Files: tests/fuzz/*.cc\nCopyright: 2020 Google LLC",
            "the communication channel is the Debian Tracker Package Mail Address",
            "\"Text Fields were not exhausted! {:?}\"",
        ],
    );
}

/// "Per Ragnhild's request": a possessive after a preposition, before a request or a behalf.
#[test]
fn requests_on_someones_behalf() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("Per Ragnhild's request, we moved it", "Ragnhild's"),
            ("As per Thisaerk's email, the date changed", "Thisaerk's"),
            ("At Theirind's suggestion we waited", "Theirind's"),
            ("On Sugaen's behalf I am writing", "Sugaen's"),
        ],
    );
}

/// A speaker naming themself: "I am Dagrun.", "This is Dagrun from accounting", "Dagrun
/// here," and the same in the other seven languages.
#[test]
fn self_introductions() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("I am Dagrun.", "Dagrun"),
            ("This is Dagrun from accounting", "Dagrun"),
            ("Dagrun here, quick question", "Dagrun"),
            ("Hier ist Theisark aus der Buchhaltung", "Theisark"),
            ("Theisark hier, kurze Frage", "Theisark"),
            ("C'est Tubreirk de la compta", "Tubreirk"),
            ("Hola, soy Zaedael de contabilidad", "Zaedael"),
            ("Qui Vovel, una domanda", "Vovel"),
            ("Met Zaful, korte vraag", "Zaful"),
            ("Cześć, jestem Lezil z księgowości", "Lezil"),
            ("Aqui é Zobrind da contabilidade", "Zobrind"),
        ],
    );
}

/// A self-introduction before a common word, a product or what goes on in title case is no
/// name.
#[test]
fn self_introductions_before_no_name() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &[
            "This is Markdown.",
            "I am Roma.",
            "This is Kubernetes, the cluster manager.",
            "It's Done.",
            "This is Python Software Foundation work",
        ],
    );
}

/// Care-of and attention lines in the eight languages.
#[test]
fn care_of_and_attention_lines() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("c/o Wendelin Haberl", "Wendelin Haberl"),
            ("FAO Theirind Keinabrerk", "Theirind Keinabrerk"),
            ("t.a.v. Zaful Munukeind", "Zaful Munukeind"),
            ("zu Händen von Sugaen Rofuzaer", "Sugaen Rofuzaer"),
            ("à l'attention de Tubreirk Maletand", "Tubreirk Maletand"),
            ("a la atención de Guni Deitawaend", "Guni Deitawaend"),
            ("all'attenzione di Vovel Negedeind", "Vovel Negedeind"),
            ("Do wiadomości: Lezil Tubraethast", "Lezil Tubraethast"),
            ("A/C Zobrind Kawise", "Zobrind Kawise"),
            ("chez Tubreirk Maletand", "Tubreirk Maletand"),
        ],
    );
}

/// Role labels with their colon before a lone name, and new role labels before two words.
#[test]
fn role_labels_before_unknown_names() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("Member: Wendelin Haberl", "Wendelin Haberl"),
            ("Traveller: Theirind Keinabrerk", "Theirind Keinabrerk"),
            ("Guest: Dagrun", "Dagrun"),
            ("Tenant: Dagrun", "Dagrun"),
            ("Employee: Thisaerk", "Thisaerk"),
            ("Client name: Dagrun", "Dagrun"),
            ("Reisender: Sugaen Rofuzaer", "Sugaen Rofuzaer"),
            ("Locataire : Tubreirk", "Tubreirk"),
            ("Huésped: Zaedael", "Zaedael"),
            ("Ospite: Vovel", "Vovel"),
            ("Huurder: Zaful", "Zaful"),
            ("Gość: Lezil", "Lezil"),
            ("Hóspede: Zobrind", "Zobrind"),
        ],
    );
}

/// The same labels before a value that is no person stay quiet.
#[test]
fn role_labels_before_no_name() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &[
            "Guest: Yes",
            "Employee: None",
            "Member: true",
            "Student: Unknown",
            "guest: Dagrun",
        ],
    );
}
