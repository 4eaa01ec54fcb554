//! People named by the key that holds them or the address after them (round 16, formats17):
//! role keys (`author:`, `"customer":`, `ADMIN_NAME=`, `<owner>`) in YAML, JSON, TOML, `.env`
//! and XML, name keys of XML elements (`<firstName>`, `<given>` beside `<family>`), display
//! names before an address (mail headers, git trailers, package manifests) and the rows of a
//! PostgreSQL `COPY … FROM stdin`. Each went out unchanged before. The names are made up for
//! this file (in no list), so only the key or the address can find them.

mod names_common;

use names_common::{assert_no_people, finds_both, people};
use pii_airlock::Engine;

const FIRST: &str = "Zelvira";
const LAST: &str = "Brunnquist";

#[test]
fn a_role_key_names_its_holder_in_every_format() {
    let e = Engine::default_engine();
    for text in [
        format!("title: Quarterly report\nauthor: {FIRST} {LAST}\n"),
        format!("owner: {FIRST} {LAST}\nteam: payments\n"),
        format!(r#"{{"title": "Report", "reviewer": "{FIRST} {LAST}"}}"#),
        format!(r#"{{"level": "info", "msg": "order placed", "customer": "{FIRST} {LAST}"}}"#),
        format!("[package]\nmaintainer = \"{FIRST} {LAST}\"\n"),
        format!("APP_ENV=production\nADMIN_NAME={FIRST} {LAST}\n"),
        format!("CONTACT_PERSON=\"{FIRST} {LAST}\"\n"),
        format!("<report>\n  <author>{FIRST} {LAST}</author>\n</report>"),
        format!(
            "| Task | Owner | Due |\n|---|---|---|\n| Fix bug 8 | {FIRST} {LAST} | 2026-12-09 |\n"
        ),
    ] {
        finds_both(&e, FIRST, LAST, &text);
    }
}

#[test]
fn name_keys_of_xml_elements_are_read_like_fields() {
    let e = Engine::default_engine();
    for text in [
        format!(
            "<person>\n  <firstName>{FIRST}</firstName>\n  <lastName>{LAST}</lastName>\n</person>"
        ),
        format!("<name>\n  <given>{FIRST}</given>\n  <family>{LAST}</family>\n</name>"),
        format!("<contact><first_name>{FIRST}</first_name><surname>{LAST}</surname></contact>"),
    ] {
        finds_both(&e, FIRST, LAST, &text);
    }
}

#[test]
fn a_display_name_before_an_address_is_a_person() {
    let e = Engine::default_engine();
    for text in [
        format!("From: \"{FIRST} {LAST}\" <z.brunnquist@example.org>\nSubject: invoice\n"),
        format!(
            "    Fix the parser\n\n    Co-authored-by: {FIRST} {LAST} <z.brunnquist@example.org>\n"
        ),
        format!("Signed-off-by: {FIRST} {LAST} <z.brunnquist@example.org>\n"),
        format!(
            "On Mon, 7 Dec 2026 at 10:00, {FIRST} {LAST} <z.brunnquist@example.org> wrote:\n> ok\n"
        ),
        format!("authors = [\"{FIRST} {LAST} <z.brunnquist@example.org>\"]\n"),
    ] {
        finds_both(&e, FIRST, LAST, &text);
    }
}

#[test]
fn rows_of_a_postgres_copy_are_read_under_its_column_list() {
    let e = Engine::default_engine();
    let text = format!(
        "COPY public.users (id, first_name, last_name, email) FROM stdin;\n\
         7\t{FIRST}\t{LAST}\tz.brunnquist@example.org\n8\t\\N\t\\N\t\\N\n\\.\n"
    );
    finds_both(&e, FIRST, LAST, &text);
    // Columns of other things: nothing.
    assert_no_people(
        &e,
        &["COPY public.posts (id, title, body) FROM stdin;\n1\tHello World\tFirst post\n\\.\n"],
    );
}

/// The same keys and shapes holding teams, companies, projects and services.
#[test]
fn roles_and_addresses_of_teams_and_projects_are_not_people() {
    let e = Engine::default_engine();
    for text in [
        "owner: Platform Team\n",
        r#"{"author": "The Rust Project Developers", "license": "MIT"}"#,
        "maintainer: Debian Python Team <team+python@tracker.debian.org>\n",
        "<project>\n  <name>Example Parent Project</name>\n  <author>Apache Software Foundation</author>\n</project>",
        "ADMIN_NAME=admin\nOWNER=root\n",
        "author: Quarterly Report Team\n",
        "Reply-To: Customer Support <support@example.com>\n",
        "Upstream-Contact: XCB Mailing List <xcb@lists.freedesktop.org>\n",
        "| Task | Owner | Due |\n|---|---|---|\n| Fix bug 8 | Platform Team | 2026-12-09 |\n",
    ] {
        assert_no_people(&e, &[text]);
    }
}

/// A display name whose address is made of none of its words, and both words unknown to the
/// lists: a service's or a list's name as often as a person's (`Acme Billing <news@…>`).
#[test]
fn an_unknown_display_name_needs_its_address_to_spell_it() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &["Signed-off-by: Zelvira Brunnquist <news@example.org>\n"],
    );
    finds_both(
        &e,
        FIRST,
        LAST,
        "Signed-off-by: Zelvira Brunnquist <zb@example.org>\n",
    );
}

/// Keys and tags cut off by the text's end are read without panicking.
#[test]
fn values_cut_off_at_the_end_are_read_safely() {
    let e = Engine::default_engine();
    for text in [
        "<firstName>Zelvira",
        "<author>Zelvira Brunnquist",
        "<author>Zelvira Brunnquist</",
        "author:",
        "From: \"Zelvira Brunnquist\" <",
        "Zelvira Brunnquist <z@",
        "| Owner |\n|---|\n| Zelvira",
    ] {
        let _ = people(&e, text);
    }
}

/// A name before its own address in brackets or after a separator (round 17, found by probing
/// the CLI): "Zelvira Brunnquist (z.brunnquist@…)" sent the name; the address spelt from it is
/// the evidence, and an address spelt from nothing names nobody.
#[test]
fn a_name_before_its_own_address_outside_angle_brackets() {
    let e = Engine::default_engine();
    for text in [
        format!("{FIRST} {LAST} (z.brunnquist@example.com) asked for a refund."),
        format!("{FIRST} {LAST} - zelvira.b@example.org"),
        format!("Contacts: {FIRST} {LAST}, zbrunnquist@example.net; billing later."),
        format!("{FIRST} {LAST}: zb@example.com"),
    ] {
        let got = people(&e, &text);
        assert!(
            got.iter().any(|p| p == &format!("{FIRST} {LAST}")),
            "{text:?}: {got:?}"
        );
    }
    assert_no_people(
        &e,
        &[
            "Customer Support (support@example.com) answers within a day.",
            "Billing Team - billing@example.com",
            "Release Notes, noreply@example.com",
        ],
    );
}
