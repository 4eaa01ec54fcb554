//! Person names that still went out after round 16 (issue 14; round 17, leaks18, found by
//! probing the CLI with `scripts/probe-leaks18.py`): a first name and a surname after round
//! 16's cues of speech (which read a lone name only), a verb of meeting, seeing or calling, and
//! the same cues in a line of capitals. The names are invented for this file (none is in the
//! detectors' lists); each case fails on main.

mod names_common;

use names_common::people;
use pii_airlock::Engine;

/// Each text's `PERSON` findings hold its person.
fn assert_found(e: &Engine, cases: &[(&str, &str)]) {
    let missed: Vec<_> = cases
        .iter()
        .filter(|(text, person)| !people(e, text).iter().any(|p| p == person))
        .map(|(text, _)| (*text, people(e, text)))
        .collect();
    assert!(missed.is_empty(), "missed: {missed:#?}");
}

/// No text has a `PERSON` finding.
fn assert_no_people(e: &Engine, texts: &[&str]) {
    let found: Vec<_> = texts
        .iter()
        .map(|t| (*t, people(e, t)))
        .filter(|(_, p)| !p.is_empty())
        .collect();
    assert!(found.is_empty(), "found: {found:#?}");
}

/// Self-introductions and verbs of address before a first name and a surname, in the eight
/// languages: round 16 took a lone name after them only.
#[test]
fn cues_of_speech_before_two_unknown_words() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("I am Dagrun Vestergaard.", "Dagrun Vestergaard"),
            (
                "This is Theirind Keinabrerk from accounting",
                "Theirind Keinabrerk",
            ),
            ("Wendelin Haberl here, quick question", "Wendelin Haberl"),
            (
                "cc Theirind Keinabrerk on the thread",
                "Theirind Keinabrerk",
            ),
            (
                "Can you email Theirind Keinabrerk the file?",
                "Theirind Keinabrerk",
            ),
            ("Ich bin Sugaen Rofuzaer.", "Sugaen Rofuzaer"),
            (
                "Leite das bitte an Sugaen Rofuzaer weiter",
                "Sugaen Rofuzaer",
            ),
            (
                "Réponds à Tubreirk Maletand aujourd'hui",
                "Tubreirk Maletand",
            ),
            (
                "Hola, soy Zaedael Deitawaend de contabilidad",
                "Zaedael Deitawaend",
            ),
            (
                "Inoltra questo a Vovel Negedeind per favore",
                "Vovel Negedeind",
            ),
            ("Stuur Zaful Munukeind een bericht", "Zaful Munukeind"),
            (
                "Cześć, jestem Lezil Tubraethast z księgowości",
                "Lezil Tubraethast",
            ),
            ("Aqui é Zobrind Kawise da contabilidade", "Zobrind Kawise"),
        ],
    );
}

/// A speaker meeting, seeing, calling or visiting someone, in the eight languages, and the
/// German and Dutch perfect around the name.
#[test]
fn verbs_of_meeting_before_unknown_names() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("I met Wendelin Haberl yesterday.", "Wendelin Haberl"),
            ("I met Wendelin yesterday.", "Wendelin"),
            (
                "I ran into Theirind Keinabrerk at the station.",
                "Theirind Keinabrerk",
            ),
            (
                "I spoke with Theirind Keinabrerk today.",
                "Theirind Keinabrerk",
            ),
            (
                "Ich habe Sugaen Rofuzaer gestern getroffen.",
                "Sugaen Rofuzaer",
            ),
            (
                "Ich habe gestern Sugaen Rofuzaer getroffen.",
                "Sugaen Rofuzaer",
            ),
            ("Ich traf Sugaen Rofuzaer am Bahnhof.", "Sugaen Rofuzaer"),
            (
                "J'ai rencontré Tubreirk Maletand hier.",
                "Tubreirk Maletand",
            ),
            ("Conocí a Zaedael Deitawaend ayer.", "Zaedael Deitawaend"),
            ("Ho incontrato Vovel Negedeind ieri.", "Vovel Negedeind"),
            (
                "Ik heb Zaful Munukeind gisteren ontmoet.",
                "Zaful Munukeind",
            ),
            ("Spotkałem Lezil Tubraethast wczoraj.", "Lezil Tubraethast"),
            ("Encontrei Zobrind Kawise ontem.", "Zobrind Kawise"),
        ],
    );
}

/// The same verbs before common words, products and code, without their subject ("a tool
/// called …"), or with the German perfect of another verb, name nobody.
#[test]
fn verbs_of_meeting_before_no_name() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &[
            "I met Build Failed twice today.",
            "I saw Stack Overflow go down.",
            "a tool called Ansible Tower",
            "The module saw Kestrel Tovaris as input.",
            "Ich habe Docker Compose gestern installiert.",
            "Ich habe Wendelin Haberl gestern installiert.",
            "I called Initialize Engine from main",
            "Ho visto Visual Studio ieri.",
        ],
    );
}

/// Round 16's cues in a line of capitals: the recasing did not read them, so the name kept
/// the case of the line and went out.
#[test]
fn cues_of_speech_in_a_line_of_capitals() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("HI, I AM DAGRUN VESTERGAARD.", "DAGRUN VESTERGAARD"),
            (
                "THIS IS THEIRIND KEINABRERK FROM SALES",
                "THEIRIND KEINABRERK",
            ),
            (
                "PLEASE REPLY TO THEIRIND KEINABRERK TODAY",
                "THEIRIND KEINABRERK",
            ),
            ("BITTE ANTWORTE SUGAEN ROFUZAER HEUTE", "SUGAEN ROFUZAER"),
            (
                "RÉPONDS À TUBREIRK MALETAND AUJOURD'HUI",
                "TUBREIRK MALETAND",
            ),
            ("RESPONDE A ZAEDAEL DEITAWAEND HOY", "ZAEDAEL DEITAWAEND"),
            ("CIAO, SONO VOVEL NEGEDEIND.", "VOVEL NEGEDEIND"),
            ("CZEŚĆ, JESTEM LEZIL TUBRAETHAST.", "LEZIL TUBRAETHAST"),
            ("I MET WENDELIN HABERL YESTERDAY.", "WENDELIN HABERL"),
        ],
    );
}

/// Lines in capitals with the same verbs and no person: a heading, a log line and a licence's
/// words.
#[test]
fn capitals_with_cues_and_no_name() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &[
            "PLEASE REPLY TO THIS EMAIL TODAY",
            "I AM NOT RESPONSIBLE FOR ANY DAMAGE.",
            "THIS IS FREE SOFTWARE FROM THE PROJECT",
            "ERROR: I MET AN UNEXPECTED TOKEN",
        ],
    );
}
