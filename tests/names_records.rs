//! Names in records whose keys name a name part only beside a sibling key (round 15,
//! formats16): FHIR's and CSL-JSON's `given`/`family`, `first`/`last`, LDIF's `cn`/`sn`,
//! vCard's `FN`/`N`, iCalendar's `CN=` with its `mailto:`, a plain `name` beside an e-mail
//! address, and a log line's `first_name=… last_name=…`. Each went out unchanged before. The
//! names are made up for this file (in no list), so only the keys can find them.

mod names_common;

use names_common::{finds_both, people};
use pii_airlock::Engine;

const FIRST: &str = "Ovrelia";
const LAST: &str = "Quandtmeyer";

#[test]
fn sibling_keys_make_a_record_a_persons() {
    let e = Engine::default_engine();
    for text in [
        format!(r#"{{"name": {{"given": "{FIRST}", "family": "{LAST}"}}}}"#),
        format!("{{\n  \"family\": \"{LAST}\",\n  \"given\": [\n    \"{FIRST}\"\n  ]\n}}"),
        format!(r#"{{"user": {{"first": "{FIRST}", "last": "{LAST}"}}, "id": 7}}"#),
        format!("<person first=\"{FIRST}\" last=\"{LAST}\" id=\"7\"/>"),
        format!(
            "dn: cn={FIRST} {LAST},ou=people,dc=example,dc=org\ncn: {FIRST} {LAST}\nsn: {LAST}\n"
        ),
        format!("BEGIN:VCARD\nVERSION:3.0\nN:{LAST};{FIRST};;;\nFN:{FIRST} {LAST}\nEND:VCARD\n"),
        format!("ORGANIZER;CN={FIRST} {LAST}:mailto:o.q@example.org\n"),
        format!("ATTENDEE;CN=\"{FIRST} {LAST}\";RSVP=TRUE:mailto:o.q@example.org\n"),
        format!("[user]\n\tname = {FIRST} {LAST}\n\temail = o.q@example.org\n"),
        format!("- name: {FIRST} {LAST}\n  phone: \"+44 20 7946 0000\"\n"),
        format!("level=info msg=created first_name={FIRST} last_name={LAST} city=Lyon"),
    ] {
        finds_both(&e, FIRST, LAST, &text);
    }
}

/// The same keys without a sibling: fonts, packages, pages, certificates and steps.
#[test]
fn weak_keys_alone_are_not_people() {
    let e = Engine::default_engine();
    for text in [
        r#"{"family": "Roboto", "weight": 400}"#,
        r#"{"first": "Monday", "count": 3}"#,
        r#"{"name": "Build Tools", "version": "1.0.0"}"#,
        "subject: CN=Ovrelia Root Authority,O=Example,C=US",
        "- name: Configure Quandtmeyer Cache\n  run: make\n",
        "N: Total\nFN: summary\n",
    ] {
        assert!(
            people(&e, text).is_empty(),
            "{text}: {:?}",
            people(&e, text)
        );
    }
}
