//! Names in rows of cells that went out unchanged (round 15, formats16): a CSV export without
//! its header (`Jane,Doe,London`), an HTML row whose name parts stand in cells of their own or
//! whose cell breaks a line (`<td>Jane Doe<br>Paris</td>`), SQL rows with the surname first
//! and `INSERT`s whose column list says which value is a name. The names here are written for
//! this file in several languages; the blocks are generated from them.

mod names_common;

use names_common::people;
use pii_airlock::Engine;

/// Given names and surnames the lists know, written for this file.
const KNOWN: &[(&str, &str)] = &[
    ("Hans", "Zimmermann"),
    ("Jürgen", "Müller"),
    ("Giulia", "Rossi"),
    ("Pieter", "Jansen"),
];

/// Given names and surnames made up for this file: in no list. (A surname the lists know
/// as an ordinary word, `Doe`, is read first only before its first name.)
const UNKNOWN: &[(&str, &str)] = &[
    ("Ovrelia", "Quandtmeyer"),
    ("Dervan", "Kolbrizek"),
    ("Maelis", "Trouvenac"),
];

const TOWNS: &[&str] = &["London", "Hamburg", "Lyon"];

fn has_all(e: &Engine, text: &str, want: &[&str]) {
    let got = people(e, text);
    for w in want {
        assert!(
            got.iter().any(|p| p == w || p.split(' ').any(|x| x == *w)),
            "{w} in {text:?}: {got:?}"
        );
    }
}

#[test]
fn csv_rows_without_a_header() {
    let e = Engine::default_engine();
    for (k, (first, last)) in KNOWN.iter().enumerate() {
        let town = TOWNS[k % TOWNS.len()];
        has_all(&e, &format!("{first},{last},{town}"), &[first, last]);
        has_all(&e, &format!("{last};{first};{town}"), &[first, last]);
        // A first name alone beside an e-mail address, its surname after it.
        has_all(
            &e,
            &format!("{k},{first},Okwuosa,user{k}@example.org"),
            &[first, "Okwuosa"],
        );
    }
    // A block: the rows whose names the lists know name the columns of the rest.
    let mut block = String::new();
    for (k, (first, last)) in KNOWN.iter().chain(UNKNOWN).enumerate() {
        block.push_str(&format!("{first},{last},{}\n", TOWNS[k % TOWNS.len()]));
    }
    let want: Vec<&str> = UNKNOWN.iter().flat_map(|(f, l)| [*f, *l]).collect();
    has_all(&e, &block, &want);
}

#[test]
fn html_rows_and_line_breaks() {
    let e = Engine::default_engine();
    for (k, (first, last)) in KNOWN.iter().enumerate() {
        let town = TOWNS[k % TOWNS.len()];
        let text = format!("<td>{first} {last}<br>{town}</td>");
        has_all(&e, &text, &[&format!("{first} {last}")]);
        let text = format!("<tr><td>{first}</td><td>{last}</td><td>+44 20 7946 0{k}00</td></tr>");
        has_all(&e, &text, &[first, last]);
        let text = format!("<tr><td>{first}</td><td>user{k}@example.org</td></tr>");
        has_all(&e, &text, &[first]);
    }
    // A header row names the column: names no list knows under it.
    let mut table = String::from("<table>\n<tr><th>Name</th><th>Email</th></tr>\n");
    for (k, (first, last)) in UNKNOWN.iter().enumerate() {
        table.push_str(&format!(
            "<tr><td>{first} {last}</td><td>u{k}@example.org</td></tr>\n"
        ));
    }
    table.push_str("</table>");
    let want: Vec<String> = UNKNOWN.iter().map(|(f, l)| format!("{f} {l}")).collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    has_all(&e, &table, &want);
}

#[test]
fn sql_rows_surname_first_and_column_lists() {
    let e = Engine::default_engine();
    for (k, (first, last)) in KNOWN.iter().enumerate() {
        let town = TOWNS[k % TOWNS.len()];
        has_all(
            &e,
            &format!("INSERT INTO users VALUES ('{last}', '{first}', '{town}');"),
            &[first, last],
        );
    }
    for (first, last) in UNKNOWN {
        let text = format!(
            "INSERT INTO people (last_name, first_name, city) VALUES ('{last}', '{first}', 'Lyon');"
        );
        has_all(&e, &text, &[first, last]);
        let text = format!(
            "INSERT INTO `users` (`id`, `name`, `email`) VALUES\n  (1, '{first} {last}', 'a@example.org'),\n  (2, 'Dervan Kolbrizek', 'b@example.org');"
        );
        has_all(&e, &text, &[&format!("{first} {last}"), "Dervan Kolbrizek"]);
    }
}

/// Rows of words, towns, products and code stay as they were.
#[test]
fn rows_of_other_things_are_not_people() {
    let e = Engine::default_engine();
    for text in [
        "Paris,London,Berlin\nRome,Madrid,Lisbon\n",
        "Red,Green,Blue\nApple,Banana,Cherry\n",
        "id,status,owner\n1,Open,Platform\n2,Closed,Infra\n",
        "INSERT INTO t (name, version) VALUES ('Serde Json', '1.0');",
        "INSERT INTO users (first_name, last_name) VALUES (?, ?);",
        "<table><tr><th>Name</th><th>Version</th></tr><tr><td>Tokio Runtime</td><td>1.2</td></tr></table>",
        "<tr><td>Open</td><td>Closed</td><td>+44 20 7946 0000</td></tr>",
        "foo(Jane, Doe)",
    ] {
        assert!(people(&e, text).is_empty(), "{text}: {:?}", people(&e, text));
    }
}
