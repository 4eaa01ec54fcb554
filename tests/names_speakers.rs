//! The people of a conversation's record (issue 14; round 16, found by probing the CLI): the
//! speakers of a pasted chat, the names in a meeting's list of attendees and a name followed
//! by its job. Two words no list knows went out in each; the record's shape is the evidence
//! (`src/names/speakers.rs`, reason `speaker`). The names here are written for this file, not
//! taken from the detectors' lists.

mod names_common;

use names_common::{assert_found_each, assert_no_people};
use pii_airlock::Engine;

#[test]
fn speakers_of_a_pasted_chat() {
    let e = Engine::default_engine();
    assert_found_each(
        &e,
        &[
            // Teams, a WhatsApp export (both forms), Slack's copy of a message.
            (
                "[10:32] Wendelin Haberl: can you check the invoice?",
                &["Wendelin Haberl"],
            ),
            (
                "[03/03/25, 10:32:14] Wendelin Haberl: the invoice is late",
                &["Wendelin Haberl"],
            ),
            (
                "03/03/2025, 10:32 - Dagrun Vestergaard: on my way",
                &["Dagrun Vestergaard"],
            ),
            (
                "Wendelin Haberl  10:32 AM\nthe invoice is late",
                &["Wendelin Haberl"],
            ),
            // A bare time: a chat when it names someone the lists know.
            (
                "10:32 Wendelin Haberl: hi\n10:33 John Smith: hello",
                &["Wendelin Haberl", "John Smith"],
            ),
        ],
    );
}

#[test]
fn attendees_listed_in_minutes() {
    let e = Engine::default_engine();
    assert_found_each(
        &e,
        &[
            (
                "Attendees: Wendelin Haberl, Dagrun Vestergaard, Ruairí Ó Ceallaigh",
                &[
                    "Wendelin Haberl",
                    "Dagrun Vestergaard",
                    "Ruairí Ó Ceallaigh",
                ],
            ),
            (
                "Teilnehmer: Wendelin Haberl und Dagrun Vestergaard",
                &["Wendelin Haberl", "Dagrun Vestergaard"],
            ),
            (
                "Participantes: Wendelin Haberl y Dagrun Vestergaard.",
                &["Wendelin Haberl", "Dagrun Vestergaard"],
            ),
            (
                "Attendees:\n- Wendelin Haberl\n- Dagrun Vestergaard\n\nAgenda",
                &["Wendelin Haberl", "Dagrun Vestergaard"],
            ),
        ],
    );
}

#[test]
fn a_name_followed_by_its_job() {
    let e = Engine::default_engine();
    assert_found_each(
        &e,
        &[
            (
                "Wendelin Haberl, CFO of Acme, approved it.",
                &["Wendelin Haberl"],
            ),
            (
                "- Wendelin Haberl (Head of Sales)\n- Dagrun Vestergaard (CTO)",
                &["Wendelin Haberl", "Dagrun Vestergaard"],
            ),
        ],
    );
}

/// The same shapes around words that are no people: a log line's stamp, a team, a chat's
/// roles, a heading before a job word.
#[test]
fn shapes_of_records_that_hold_no_people() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &[
            "10:32 Release Notes: updated\n10:40 Build Failed: see the log",
            "[10:32] User: hello\n[10:33] Assistant: hi",
            "Present: Everyone",
            "Attendees: Platform Team, Security Team",
            "The Release Notes, Director's cut",
            "Owners: Platform Team",
        ],
    );
}
