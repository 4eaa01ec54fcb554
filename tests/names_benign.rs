//! Technical text that looked like people, places or addresses (issue 14, class 6): code
//! syntax, words a man page broke at a line's end, compounds, product and organisation names,
//! command descriptions, table rows, copyright lines and version numbers. Every text here was
//! written for this file; each test also checks that the same words in a person's or a place's
//! sentence are still found.

mod names_common;

use names_common::{found, has, no_names};
use pii_airlock::Engine;

#[test]
fn path_segments_and_assigned_names_are_identifiers() {
    let e = Engine::default_engine();
    for text in [
        "    match kind {\n        Meta::Word(w) => w.len(),\n    }\n",
        "let x = Paris::default();",
        "enum Shape {\n    Delta = \"delta\",\n    Gamma = \"gamma\",\n}\n",
        "'tool add' was used, name is: Some(\"bob\")\n",
        "$ tool_positional bob john\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    assert!(has(&e, "We moved to Paris in May.", "LOCATION", "Paris"));
    // A capitalised name on a command line is a quoted value, still a person.
    let text = "$ git commit --author \"Anna Kowalska <anna@example.org>\"\n";
    assert!(
        has(&e, text, "PERSON", "Anna Kowalska"),
        "{:?}",
        found(&e, text)
    );
}

#[test]
fn a_word_broken_at_the_line_end_is_a_fragment() {
    let e = Engine::default_engine();
    let text = "       die Seite ist fehlerhaft, aber wenn die Mel‐\n       dung bleibt, hilft das nicht.\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A name broken the same way is still a name.
    assert!(found(
        &e,
        "       This page was written by Anna Kowal‐\n       ska and others.\n"
    )
    .iter()
    .any(|(k, _)| k == "PERSON"));
}

#[test]
fn compounds_with_versions_or_lower_case_words_are_no_places() {
    let e = Engine::default_engine();
    for text in [
        "The tool first shipped with 4.4BSD-Boston and later releases.",
        "        // the handle points into a Paris-side table of values\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    assert!(has(
        &e,
        "Ich wohne seit März in Frankfurt.",
        "LOCATION",
        "Frankfurt"
    ));
}

#[test]
fn products_services_and_standards_are_not_people() {
    let e = Engine::default_engine();
    for text in [
        "Create an Anna Platform training job.",
        "The files are copied to Lena Storage first.",
        "Requires the Helena API (Windows only).",
        "It was published as an Otto Standard in 2004.",
        "Programas em Debian podem usar este editor.",
        "- Switch the custom backend to Rust ABI [#347]",
        "Open the file in Trace Viewer.",
        "Start a session in the Jackson Browser.",
        "The minimum supported version has been raised to Rust 1.54.0.",
        "It joined the Sandy Springs Project in 2019.",
        "**English** | [Bahasa Indonesia](./README.id.md)\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    assert!(has(
        &e,
        "The report was written by Helena Brandt.",
        "PERSON",
        "Helena Brandt"
    ));
}

#[test]
fn a_company_with_its_legal_form_is_not_a_person() {
    let e = Engine::default_engine();
    let text = "It has been released by The Marta Cruz Operation, Inc as open source.";
    assert!(
        !found(&e, text).iter().any(|(k, _)| k == "PERSON"),
        "{:?}",
        found(&e, text)
    );
    // "incorporated into" is a verb, not a legal form.
    assert!(has(
        &e,
        "A patch from Marta Cruz incorporated into the release.",
        "PERSON",
        "Marta Cruz"
    ));
    assert!(has(
        &e,
        "It has been released by Marta Cruz last year.",
        "PERSON",
        "Marta Cruz"
    ));
}

#[test]
fn a_weekday_before_a_month_is_a_date() {
    let e = Engine::default_engine();
    let text = "       %c     date and time (e.g., Thu Mar  5 10:15:00 2009)\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
}

#[test]
fn a_place_opening_a_name_of_a_product_or_body_is_not_reported() {
    let e = Engine::default_engine();
    for text in [
        "    Iowa State University\n    Turin Archive Service\n",
        "U+1234 Myanmar Extended-C              (0/12)\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    // Justified text widens the gap after the place as much as the one before it; after a
    // place cue only an institution's word makes the place part of a name.
    for text in [
        "       Anna     Kowalska,     Ohio     State     University.\n",
        "       napisany przez pracowników z Dallas School of Mines.\n",
    ] {
        assert!(
            !found(&e, text).iter().any(|(k, _)| k == "LOCATION"),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
    // A cue keeps the place: "in Berlin Mitte" is a district of a town.
    assert!(has(
        &e,
        "Wir wohnen in Berlin Mitte.",
        "LOCATION",
        "Berlin Mitte"
    ));
}

#[test]
fn a_place_word_used_as_a_verb_opening_a_line_is_not_reported() {
    let e = Engine::default_engine();
    for text in [
        "       deploy\n           Manage your deployment records.\n",
        "       --verbose\n           Gera mais registos durante a cópia.\n",
        "       Enterprise coverage is sold separately.\n",
        "       Cork the bottle before you ship it.\n",
        "           Surprise your users with a new theme.\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    assert!(has(
        &e,
        "Our office moved to Manage last year.",
        "LOCATION",
        "Manage"
    ));
}

#[test]
fn table_rows_copyright_lines_and_versions_are_not_addresses() {
    let e = Engine::default_engine();
    for text in [
        "tar-1.35                       June 4, 2023                     TAR-x(1)\n",
        "// Copyright 2019, 2021 The gizmo authors\n",
        "Die Route zum Netz 10.20.30.0 führt über eth1.\n",
        "- hardware acceleration of SHA-256 via SHA extensions\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    assert!(has(
        &e,
        "Please send it to 42 Baker Street, London.",
        "STREET_ADDRESS",
        "42 Baker Street, London"
    ));
}

#[test]
fn a_mailbox_name_or_a_changelog_author_is_a_person_not_a_place() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("      * Barry Warsaw <barry@example.org>\n", "Barry Warsaw"),
        (
            "* fix the parser (Guy Bedford) [#32838](https://example.org/pull/32838)\n",
            "Guy Bedford",
        ),
        (
            "       Fred N. van Kempen, <fred@example.nl>\n",
            "Fred N. van Kempen",
        ),
    ] {
        let f = found(&e, text);
        assert!(
            f.iter().any(|(k, v)| k == "PERSON" && v == name)
                && !f.iter().any(|(k, _)| k == "LOCATION"),
            "{text:?}: {f:?}"
        );
    }
    // An organisation's mailbox stays what it was.
    let text = "The Free Software Foundation <gnu@example.org> publishes it.";
    assert!(
        !found(&e, text).iter().any(|(k, _)| k == "PERSON"),
        "{:?}",
        found(&e, text)
    );
}

// Round 6: shapes of /usr/share/doc text (licence notices, copyright lines, Markdown, numbered
// sections, lists of supporters).

#[test]
fn a_double_barrelled_name_is_not_a_place() {
    let e = Engine::default_engine();
    let text = "The matcher is a Smith-Moore search over fixed strings.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A town the lists hold whole, and a person's double name, stay what they are.
    assert!(has(
        &e,
        "We moved to Winston-Salem last year.",
        "LOCATION",
        "Winston-Salem"
    ));
    assert!(has(
        &e,
        "Anna Smith-Moore lives here",
        "PERSON",
        "Anna Smith-Moore"
    ));
}

#[test]
fn a_place_naming_a_university_is_not_reported() {
    let e = Engine::default_engine();
    for text in [
        "    The University of Oregon\n    Example Corporation\n",
        "It was first developed at the Institute of Lisbon.",
    ] {
        assert!(
            !found(&e, text).iter().any(|(k, _)| k == "LOCATION"),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
    assert!(has(&e, "I live in Oregon.", "LOCATION", "Oregon"));
}

#[test]
fn a_place_after_a_section_number_is_a_heading() {
    let e = Engine::default_engine();
    let text = "           4.2. Filters\n                4.2.1. Delta\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A list's single number before a town is no section.
    let list = "Cities:\n1. Lisbon\n2. Madrid\n";
    assert!(has(&e, list, "LOCATION", "Lisbon"), "{:?}", found(&e, list));
    assert!(has(&e, "We moved to Delta last year.", "LOCATION", "Delta"));
}

#[test]
fn places_in_brackets_after_a_model_name_are_code_names() {
    let e = Engine::default_engine();
    let text = "    the Zen2x (Lisbon, Madrid) parts and the Fam11h (Oslo)\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    assert!(has(
        &e,
        "We have offices in Lisbon and Madrid.",
        "LOCATION",
        "Lisbon"
    ));
}

#[test]
fn an_organisations_address_in_a_licence_notice_is_not_reported() {
    let e = Engine::default_engine();
    for text in [
        "along with this program; if not, write to the Example Software Foundation, Inc.,\n\
         12 Elm Street, Suite 3, Springfield, MA 01101 USA.\n",
        "Copyright 1990 by Example Equipment Corporation, Maynard, Massachusetts,\n\
         and the Example Institute of Technology, Cambridge, Massachusetts.\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    // A person's address keeps its street and its town.
    assert!(has(
        &e,
        "Ship to: Anna Kowalska, 12 Elm Street, Springfield, MA 01101",
        "STREET_ADDRESS",
        "12 Elm Street, Springfield, MA 01101"
    ));
}

#[test]
fn a_town_shape_in_a_markdown_heading_is_title_case() {
    let e = Engine::default_engine();
    let text = "## Adding a New Language\n\nStart from the template.\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    assert!(has(
        &e,
        "We moved to New Language last year.",
        "LOCATION",
        "New Language"
    ));
}

#[test]
fn lower_case_technical_nouns_are_no_names() {
    let e = Engine::default_engine();
    for text in [
        "To trace child processes, pass the flag.",
        "Set the width and angle fields to one byte.",
        "modules use `unsafe` to explicitly elide bounds checks",
        "Then run npx tool trace close to stop.",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    assert!(has(&e, "its john smith here", "PERSON", "john smith"));
}

#[test]
fn a_copyright_holder_named_like_a_street_is_a_person() {
    let e = Engine::default_engine();
    let text = "Copyright (C) 2001-2009, Peter J. Lane, Anna Kowal.\n";
    let f = found(&e, text);
    assert!(
        f.iter().any(|(k, v)| k == "PERSON" && v == "Peter J. Lane")
            && !f.iter().any(|(k, _)| k == "STREET_ADDRESS"),
        "{f:?}"
    );
    assert!(has(
        &e,
        "// Copyright 2019 Maria Smith.\n",
        "PERSON",
        "Maria Smith"
    ));
}

#[test]
fn a_mailbox_name_in_markdown_bold_is_a_person() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("* **Gary Lincoln** <<gary@example.org>>\n", "Gary Lincoln"),
        (
            "  **Victoria Bedford** <<vb@example.org>> (she/her)\n",
            "Victoria Bedford",
        ),
    ] {
        let f = found(&e, text);
        assert!(
            f.iter().any(|(k, v)| k == "PERSON" && v == name)
                && !f.iter().any(|(k, _)| k == "LOCATION"),
            "{text:?}: {f:?}"
        );
    }
}

#[test]
fn a_place_after_by_or_alone_in_quotes_names_something_else() {
    let e = Engine::default_engine();
    for text in [
        "Development of the tool is hosted by Savannah, a forge for free software.",
        "* The default icon set has been renamed to \"Raleigh\". Old settings still work.",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    // A quoted value after a key stays a place.
    assert!(has(&e, "{\"city\": \"Raleigh\"}", "LOCATION", "Raleigh"));
}

#[test]
fn a_name_in_a_list_of_names_is_a_person_even_when_its_surname_is_a_town() {
    let e = Engine::default_engine();
    let text = "    Ryan Lynch\n    Glenn Machin\n    Roland Mainz\n    Sorin Manolache\n";
    let f = found(&e, text);
    assert!(
        f.iter().any(|(k, v)| k == "PERSON" && v == "Roland Mainz")
            && !f.iter().any(|(k, _)| k == "LOCATION"),
        "{f:?}"
    );
    // A list of towns stays a list of towns.
    let towns = "Offices:\nNew York\nLos Angeles\nBerlin\n";
    let f = found(&e, towns);
    assert!(
        f.iter().any(|(k, v)| k == "LOCATION" && v == "Los Angeles")
            && !f.iter().any(|(k, _)| k == "PERSON"),
        "{f:?}"
    );
}

#[test]
fn a_name_after_by_is_the_authors_even_when_its_surname_is_a_town() {
    let e = Engine::default_engine();
    let text = "The crate is authored by Henry de Valence.";
    let f = found(&e, text);
    assert!(
        f.iter()
            .any(|(k, v)| k == "PERSON" && v == "Henry de Valence")
            && !f.iter().any(|(k, _)| k == "LOCATION"),
        "{f:?}"
    );
    // A town after a verb of travel stays a town.
    assert!(has(
        &e,
        "Der Zug fährt von Rust nach Rust über Nacht.",
        "LOCATION",
        "Rust"
    ));
}

// Round 7: shapes found in a larger tuning-only corpus (package docs, Debian changelogs and
// copyright files, man sections 3/5/7/8, Python sources; scripts/build-benign7-tune.py).

#[test]
fn a_copyright_fields_continuation_lines_hold_people_not_addresses() {
    let e = Engine::default_engine();
    let text = "Copyright: 2009 Anna Kowalska\n           2012-2015 Jan Lane\n           2014 Piotr Towns\n";
    let got = found(&e, text);
    assert!(!got.iter().any(|(k, _)| k == "STREET_ADDRESS"), "{got:?}");
    assert!(has(&e, text, "PERSON", "Jan Lane"), "{got:?}");
    // An address whose house number looks like a year, on a line of its own, is still one.
    let text = "2016 Main Street\nSpringfield, IL 62701\n";
    assert!(found(&e, text).iter().any(|(k, _)| k == "STREET_ADDRESS"));
}

#[test]
fn a_name_before_a_mailbox_is_no_street() {
    let e = Engine::default_engine();
    let text = "2019 Maria Lane <maria@example.org>\n";
    let got = found(&e, text);
    assert!(!got.iter().any(|(k, _)| k == "STREET_ADDRESS"), "{got:?}");
    let text = "She lives at 2019 Maria Lane, Springfield, IL 62701.";
    assert!(found(&e, text).iter().any(|(k, _)| k == "STREET_ADDRESS"));
}

#[test]
fn a_name_before_a_software_word_is_a_product() {
    let e = Engine::default_engine();
    for text in [
        "It ships a Flask extension and a Django form mixin.",
        "### Trace SQL queries\n",
        "* Rename the file to match the name from Arch Linux\n",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    assert!(has(&e, "We moved to Paris in May.", "LOCATION", "Paris"));
}

#[test]
fn an_acronym_next_to_a_capitalised_word_names_a_standard() {
    let e = Engine::default_engine();
    let text = "Enter the German VAT identifier here.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A surname in capitals is still a surname.
    assert!(has(
        &e,
        "Thomas BERNARD signed the form.",
        "PERSON",
        "Thomas BERNARD"
    ));
}

#[test]
fn towns_that_are_common_words_need_a_place_cue() {
    let e = Engine::default_engine();
    let text =
        "* parser.c: Add missing checks.\n- Deal with empty input.\n- Hang when the pipe closes.\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    let text = "It now builds with Mesa and runs on the Savannah mirror.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    assert!(has(&e, "I moved to Deal last year.", "LOCATION", "Deal"));
}

#[test]
fn a_town_after_a_verb_of_using_software_is_the_software() {
    let e = Engine::default_engine();
    let text = "Projects using Tokio can skip this step.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    assert!(has(&e, "We flew to Tokio in May.", "LOCATION", "Tokio"));
}

#[test]
fn a_town_alone_in_single_quotes_is_a_value_of_code() {
    let e = Engine::default_engine();
    let text = "choices = ['low', 'Berlin']";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A value after a key is still a place.
    assert!(has(&e, "{'city': 'Berlin'}", "LOCATION", "Berlin"));
}

#[test]
fn an_entry_indexed_by_a_variable_is_code_not_a_name_field() {
    let e = Engine::default_engine();
    let text = "    table[fullname] = mod\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A form's bracketed key is still a name field.
    assert!(has(
        &e,
        "person[last_name]=Kowalska&x=1",
        "PERSON",
        "Kowalska"
    ));
}

#[test]
fn a_lower_case_technical_noun_ends_no_name() {
    let e = Engine::default_engine();
    let text = "Ask the printer for its job sheets.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
}

#[test]
fn a_particle_inside_a_long_name_cues_no_town() {
    let e = Engine::default_engine();
    let text = "* ABC (Clave Única de Registro de Población, an identifier)";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    assert!(has(
        &e,
        "I registered in Registro last year.",
        "LOCATION",
        "Registro"
    ));
}

#[test]
fn a_town_linked_to_a_projects_page_is_the_project() {
    let e = Engine::default_engine();
    let text = "See the release notes of [Tokio][tokio-notes] for details.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A link about the town keeps it a town.
    let text = "Read about [Paris](https://en.wikipedia.org/wiki/Paris) first.";
    assert!(has(&e, text, "LOCATION", "Paris"), "{:?}", found(&e, text));
}

#[test]
fn a_town_before_route_or_app_is_a_framework() {
    let e = Engine::default_engine();
    let text = "The decorator is used to wrap a Flask route.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
}

#[test]
fn a_copyright_holder_or_a_name_before_its_address_in_brackets_is_a_person() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("Copyright (C) 1998, 1999, Guy Maor\n", "Guy Maor"),
        (
            "           1990 Gordon Irlam (gordoni@example.org)\n",
            "Gordon Irlam",
        ),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
}

#[test]
fn a_cue_out_of_reach_makes_no_name() {
    let e = Engine::default_engine();
    for text in [
        "    >>> greet()\n    hello\n\nMore examples follow below::\n",
        "That was never clear to me. It probably needs a sponsor.",
    ] {
        assert!(no_names(&e, text), "{text:?}: {:?}", found(&e, text));
    }
    // A salutation on its own line, and French "Me." (Maître), still cue a name.
    assert!(has(&e, "Hello,\nAnna\n", "PERSON", "Anna"));
    assert!(has(
        &e,
        "Je contacte Me. Dupont demain.",
        "PERSON",
        "Dupont"
    ));
}

#[test]
fn an_entry_indexed_by_an_expression_is_code_not_a_name_field() {
    let e = Engine::default_engine();
    let text = "        self.cache[self.prefix + \".\" + fullname] = mod\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A form's bracketed key is still a name field.
    assert!(has(&e, "user[first_name]=Anna&id=7", "PERSON", "Anna"));
}

#[test]
fn a_name_in_capitals_beside_a_code_point_is_a_characters_name() {
    let e = Engine::default_engine();
    let text = ".. |ddot|   unicode:: U+02025 .. TWO DOT LEADER\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A name in capitals without a code point is still a name.
    assert!(has(
        &e,
        "PATIENT: ANNA KOWALSKA, WARD 4\n",
        "PERSON",
        "ANNA KOWALSKA"
    ));
}

#[test]
fn a_software_name_with_a_possessive_is_a_product() {
    let e = Engine::default_engine();
    let text = "Import the media types from Fedora's mailcap file.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
}

#[test]
fn a_place_ending_a_mailboxs_display_name_is_no_place() {
    let e = Engine::default_engine();
    let text = "Copyright (C) 2009 Zorvek Salvador <zs@example.org>\n";
    let got = found(&e, text);
    assert!(!got.iter().any(|(k, _)| k == "LOCATION"), "{got:?}");
    assert!(has(
        &e,
        "She moved to Salvador <last year>.",
        "LOCATION",
        "Salvador"
    ));
}

#[test]
fn a_place_after_a_software_name_is_a_releases_code_name() {
    let e = Engine::default_engine();
    let text = "Spotlight fails on macOS Ventura.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    assert!(has(
        &e,
        "We drove to Ventura last week.",
        "LOCATION",
        "Ventura"
    ));
}

#[test]
fn a_lower_case_word_before_a_url_is_a_keyword() {
    let e = Engine::default_engine();
    let text = "On a mirror, this is:\ndeb http://mirror.example.org/debian testing-updates main\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
}

#[test]
fn an_uploaders_heading_in_a_debian_changelog_is_a_person() {
    let e = Engine::default_engine();
    let text = "  [ Barry Warsaw ]\n  * Fix the build.\n";
    assert!(
        has(&e, text, "PERSON", "Barry Warsaw"),
        "{:?}",
        found(&e, text)
    );
    // Two towns in prose stay towns.
    let text = "I flew from Barry to Warsaw.";
    assert!(has(&e, text, "LOCATION", "Warsaw"), "{:?}", found(&e, text));
}

#[test]
fn a_long_copyright_field_holds_people_to_its_end() {
    let e = Engine::default_engine();
    let mut text = String::from("Files: *\nCopyright:\n");
    for year in 2001..2034 {
        text.push_str(&format!(" {year} Jan Lane\n"));
    }
    let got = found(&e, &text);
    assert!(!got.iter().any(|(k, _)| k == "STREET_ADDRESS"), "{got:?}");
}

#[test]
fn a_name_before_models_is_a_framework() {
    let e = Engine::default_engine();
    let text = "It adds a __repr__ to Django models.";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
}

#[test]
fn the_year_of_a_date_is_no_house_number() {
    let e = Engine::default_engine();
    let text = "August 26, 2011 Darrin J. Lane <dj at example.org>\n";
    let got = found(&e, text);
    assert!(!got.iter().any(|(k, _)| k == "STREET_ADDRESS"), "{got:?}");
    let text = "Send it to 26 August Street, Springfield, IL 62701.";
    assert!(found(&e, text).iter().any(|(k, _)| k == "STREET_ADDRESS"));
}

#[test]
fn a_title_ending_a_broken_word_is_no_title() {
    let e = Engine::default_engine();
    let text = "       The  XftFont structure is used for render‐\n       ing  Xft; it contains general font metrics.\n";
    assert!(no_names(&e, text), "{:?}", found(&e, text));
    // A title opening a line is still one.
    assert!(has(
        &e,
        "Sehr geehrter Herr\nIng. Kowalski,",
        "PERSON",
        "Kowalski"
    ));
}
