//! Names in pasted page source and SQL rows that went out unchanged (issue 14, round 14):
//! the text of an element (`<td>Jane Doe</td>`) was read as an identifier glued to `>` and
//! `</`, and a row's first name and surname in literals of their own (`('Jürgen', 'Müller')`)
//! formed no run. The names here are written for this file, several languages', and the rows
//! are generated from them; the lists are built from data/SOURCES.md's sources.

mod names_common;

use names_common::{has, people};
use pii_airlock::Engine;

/// Given names and surnames of several languages, written for this file.
const PEOPLE: &[(&str, &str)] = &[
    ("Jane", "Doe"),
    ("Hans", "Zimmermann"),
    ("Piotr", "Wiśniewski"),
    ("Jürgen", "Müller"),
    ("Giulia", "Rossi"),
    ("Sophie", "Martin"),
    ("Carmen", "García"),
    ("Pieter", "Jansen"),
    ("João", "Silva"),
];

/// Towns written for this file.
const TOWNS: &[&str] = &["London", "Hamburg", "Kraków", "Lyon", "Sevilla"];

/// Elements and the attributes a rendered page gives them.
const ELEMENTS: &[(&str, &str)] = &[
    ("td", ""),
    ("li", ""),
    ("span", " class=\"name\""),
    ("div", " id=\"customer-3\""),
    ("strong", ""),
    ("p", ""),
];

#[test]
fn element_text_is_a_field_value() {
    let e = Engine::default_engine();
    for (k, (first, last)) in PEOPLE.iter().enumerate() {
        let (tag, attrs) = ELEMENTS[k % ELEMENTS.len()];
        let name = format!("{first} {last}");
        let text = format!("<{tag}{attrs}>{name}</{tag}>");
        assert!(
            people(&e, &text).contains(&name),
            "{text}: {:?}",
            people(&e, &text)
        );
        // A table row: the name's cell, then its town's.
        let town = TOWNS[k % TOWNS.len()];
        let row = format!("<tr><td>{name}</td><td>{town}</td></tr>");
        assert!(people(&e, &row).contains(&name), "{row}");
        assert!(has(&e, &row, "LOCATION", town), "{row}");
    }
}

#[test]
fn row_literals_are_name_parts() {
    let e = Engine::default_engine();
    for (k, (first, last)) in PEOPLE.iter().enumerate() {
        let rows = [
            format!("VALUES ('{first}', '{last}')"),
            format!("INSERT INTO users VALUES ({k}, '{first}', '{last}', 'user{k}@example.org');"),
            format!("INSERT INTO t (a, b, c) VALUES (\"{first}\", \"{last}\", NULL),"),
        ];
        for row in &rows {
            let got = people(&e, row);
            assert!(
                got.iter().any(|p| p == first) && got.iter().any(|p| p == last),
                "{row}: {got:?}"
            );
        }
    }
}

/// Code, titles, headings, tag names and SQL words stay as they were.
#[test]
fn markup_and_sql_of_code_are_not_people() {
    let e = Engine::default_engine();
    for (first, last) in PEOPLE {
        let name = format!("{first} {last}");
        for tag in ["code", "pre", "title", "h1", "kbd"] {
            let text = format!("<{tag}>{name}</{tag}>");
            assert!(people(&e, &text).is_empty(), "{text}");
            // A heading's link: the heading's text.
            let text = format!("<{tag} id=\"x\"><a href=\"#x\">{name}</a></{tag}>");
            assert!(people(&e, &text).is_empty(), "{text}");
        }
        // Not an element: the tags do not match, or one is missing.
        for text in [
            format!("<td>{name}</tr>"),
            format!("Vec<{first}>{last}"),
            format!("a->{name}</td>"),
        ] {
            assert!(
                people(&e, &text).is_empty(),
                "{text}: {:?}",
                people(&e, &text)
            );
        }
        // A first name alone is no row of a person (a surname first is: tests/names_rows.rs).
        for text in [
            format!("VALUES ('{first}', 42)"),
            format!("call('{first}', {last})"),
        ] {
            assert!(
                people(&e, &text).is_empty(),
                "{text}: {:?}",
                people(&e, &text)
            );
        }
    }
    for text in [
        "<table><tr><th>Name</th><th>City</th></tr></table>",
        "<span class=\"Jane\">Open</span>",
        "INSERT INTO users (first_name, last_name) VALUES (?, ?);",
        "SELECT name FROM users WHERE status IN ('Active', 'Pending');",
        "let v: Vec<String> = Vec::new();",
        "<li>Getting Started</li><li>Release Notes</li>",
    ] {
        assert!(
            people(&e, text).is_empty(),
            "{text}: {:?}",
            people(&e, text)
        );
    }
}
