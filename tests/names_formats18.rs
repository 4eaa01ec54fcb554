//! Names in structured pastes that still went out after round 16 (round 17, formats18; README
//! "Not yet"): tab-separated rows without a header, the items of an HTML list of people,
//! table rows of whole names spread over several lines, a form's field values, a log line's
//! `name=` beside the account it names, and a display name before an address in a mail
//! header. The names `Zelvira Brunnquist` and `Ovrelia Quandtmeyer` are made up for this
//! file (in no list): only the format can find them.

mod names_common;

use names_common::{assert_found, assert_no_people, people};
use pii_airlock::Engine;

/// Tab-separated rows (a spreadsheet's copy) without a header: a column where the lists
/// know a pair or a whole name holds names in its other rows too.
#[test]
fn tab_separated_rows_without_a_header() {
    let e = Engine::default_engine();
    let split = "Jane\tDoe\tLondon\nZelvira\tBrunnquist\tPorto\nJohn\tSmith\tParis\n";
    let whole = "Jane Doe\t+44 20 7946 0123\tLondon\nZelvira Brunnquist\t+44 20 7946 0456\tPorto\n";
    assert_found(
        &e,
        &[
            (split, "Zelvira"),
            (split, "Brunnquist"),
            (whole, "Zelvira Brunnquist"),
        ],
    );
    // Lines of code with tabs in them are no rows.
    assert_no_people(
        &e,
        &[
            "\tif (x) {\tZelvira Brunnquist();\n\t}\n",
            "Name\tSize\tKind\nRelease Notes\t12 KB\tText Document\n",
        ],
    );
}

/// The items of a list of people: when the lists know one whole name and most items read as
/// a name, the others are names too; a list of steps or products with one person in it is
/// not a list of people.
#[test]
fn items_of_a_list_of_people() {
    let e = Engine::default_engine();
    let list = "<ul>\n  <li>Jane Doe</li>\n  <li>Zelvira Brunnquist</li>\n  <li>Ovrelia Quandtmeyer</li>\n</ul>";
    let ordered = "<ol><li>Zelvira Brunnquist</li><li>John Smith</li></ol>";
    assert_found(
        &e,
        &[
            (list, "Zelvira Brunnquist"),
            (list, "Ovrelia Quandtmeyer"),
            (ordered, "Zelvira Brunnquist"),
        ],
    );
    for text in [
        "<ul>\n<li>Getting Started</li>\n<li>Jane Doe</li>\n<li>Release Notes</li>\n<li>Contributing</li>\n</ul>",
        "<ul>\n<li>Visual Studio</li>\n<li>John Smith</li>\n<li>Sublime Text</li>\n<li>Vim</li>\n</ul>",
    ] {
        let got = people(&e, text);
        assert!(
            !got.iter().any(|p| ["Getting", "Release", "Visual", "Sublime"]
                .iter()
                .any(|w| p.contains(w))),
            "{text:?}: {got:?}"
        );
    }
}

/// Table rows spread over several lines, a whole name in a cell: the column where the lists
/// know one holds names in its other rows.
#[test]
fn table_rows_over_several_lines() {
    let e = Engine::default_engine();
    let table = "<table>\n  <tr>\n    <td>Jane Doe</td>\n    <td>London</td>\n  </tr>\n  <tr>\n    <td>Zelvira Brunnquist</td>\n    <td>Porto</td>\n  </tr>\n  <tr>\n    <td>Ovrelia Quandtmeyer</td>\n    <td>Lyon</td>\n  </tr>\n</table>";
    assert_found(
        &e,
        &[
            (table, "Zelvira Brunnquist"),
            (table, "Ovrelia Quandtmeyer"),
        ],
    );
}

/// A form's field whose `name` or `id` is a name field's key: its `value` is what was typed;
/// a `placeholder` is an example.
#[test]
fn values_of_a_forms_name_fields() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            (r#"<input name="first_name" value="Zelvira">"#, "Zelvira"),
            (
                r#"<input type="text" id="lastName" value="Brunnquist" />"#,
                "Brunnquist",
            ),
            (
                r#"<input value="Brunnquist" name="user[last_name]">"#,
                "Brunnquist",
            ),
        ],
    );
    assert_no_people(
        &e,
        &[
            r#"<input name="first_name" placeholder="Zelvira">"#,
            r#"<input name="city" value="Brunnquist">"#,
            r#"<input name="first_name" value="">"#,
        ],
    );
}

/// A log line's `name=` beside the account it names, when the account is spelt from it.
#[test]
fn a_log_lines_name_beside_its_account() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[(
            r#"2026-12-07T10:00:00Z INFO login ok user=zbrunnquist name="Zelvira Brunnquist" ip=10.0.0.1"#,
            "Zelvira Brunnquist",
        )],
    );
    assert_no_people(
        &e,
        &[r#"level=info msg=started user=deploy name="Nightly Build""#],
    );
}

/// A display name no list knows, before an address not spelt from it, in a mail header's
/// list of addresses; a team's or a service's name there is not read.
#[test]
fn a_display_name_in_a_mail_header() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            (
                "Cc: \"Zelvira Brunnquist\" <info@example.net>\n",
                "Zelvira Brunnquist",
            ),
            (
                "To: jane@example.com, Zelvira Brunnquist <office@example.org>\n",
                "Zelvira Brunnquist",
            ),
            (
                "Reply-To: Zelvira Brunnquist <news@example.com>\n",
                "Zelvira Brunnquist",
            ),
        ],
    );
    assert_no_people(
        &e,
        &[
            "Cc: Customer Support <help@example.com>\n",
            "From: \"Platform Team\" <noreply@example.com>\n",
        ],
    );
}

/// Every prefix of the structured pastes this round reads scans without a panic: formats18
/// found the CLI exit on an HTML file whose last cell was empty at the text's end (rows.rs read
/// past the last token). Cutting each sample at every character puts every cell, tag and tab
/// at the end in turn.
#[test]
fn structured_pastes_cut_anywhere_scan_without_a_panic() {
    let e = Engine::default_engine();
    let samples = [
        "<table>\n<tr>\n<td>Zelvira Brunnquist</td>\n<td></td>\n<td>zb@example.com</td>\n</tr>\n<tr><td></td><td></td></tr>\n</table>",
        "<ul>\n<li>Zelvira Brunnquist (z.brunnquist@example.com)</li>\n<li></li>\n<li>Anna Schmidt</li>\n</ul>",
        "Zelvira\tBrunnquist\tzb@example.com\t\nAnna\tSchmidt\t\t\n\t\t\n",
        "Zelvira Brunnquist,zb@example.com,,\nAnna Schmidt,,,\n,,,",
        "<input name=\"first_name\" value=\"Zelvira\"><input name=\"last_name\" value=\"\">",
        "level=info user=zbrunnquist name=\"Zelvira Brunnquist\" msg=",
        "From: Zelvira Brunnquist <zb@example.com>\nCc: , Anna Schmidt <>,",
    ];
    for s in samples {
        for (i, _) in s.char_indices().chain([(s.len(), ' ')]) {
            let _ = e.scan(&s[..i]);
        }
    }
}
