//! Names in named fields (JSON, form posts, YAML, labelled forms): a key such as `first_name`,
//! `Nachname` or `apellido` makes its value a name even when it is one word, in lower case, or
//! unknown to the lists — the shapes the person detector needs are not there. Found through
//! the whole engine, as a prompt with a pasted payload would be.

mod names_common;

use pii_airlock::Engine;

#[test]
fn values_of_name_fields_are_people() {
    for (text, names) in [
        (
            r#"why does this fail? {"first_name": "Jane", "last_name": "Doe", "age": 41}"#,
            &["Jane", "Doe"][..],
        ),
        ("first name: Jane, last name: Doe", &["Jane", "Doe"]),
        ("Vorname: Jana, Nachname: Dvořák", &["Jana", "Dvořák"]),
        (
            "POST /signup body: firstName=ngozi&lastName=okafor&plan=pro",
            &["ngozi", "okafor"],
        ),
        (
            "https://example.com/signup?first_name=Jane&last_name=Doe",
            &["Jane", "Doe"],
        ),
        (
            "apellido: Íñiguez\ncognome: Esposito",
            &["Íñiguez", "Esposito"],
        ),
    ] {
        let got = names_common::people(&Engine::default_engine(), text);
        for name in names {
            assert!(got.iter().any(|g| g == name), "{text}: {got:?}");
        }
    }
}

#[test]
fn code_and_schemas_with_name_keys_are_not_people() {
    for text in [
        "interface User { firstName: string; lastName: string }",
        "first_name = models.CharField(max_length=50)",
        "class P(BaseModel):\n    last_name: Optional[str] = None",
        r#"{"first_name": null, "last_name": "<string>"}"#,
        "user.firstName = user.firstName.trim();",
    ] {
        assert!(
            names_common::people(&Engine::default_engine(), text).is_empty(),
            "{text}: {:?}",
            names_common::people(&Engine::default_engine(), text)
        );
    }
}

#[test]
fn name_columns_of_pasted_tables_are_people() {
    // A CSV export, a spreadsheet copy (tabs), a Markdown table: the names are in a column
    // whose header says so; the lists know none of these.
    for (text, names) in [
        (
            "clean this up:\nfirst_name,last_name,email\nngozi,okafor,n.okafor@example.org\nMarek,Wiśniewski,mw@example.pl\n",
            &["ngozi", "okafor", "Marek", "Wiśniewski"][..],
        ),
        (
            "| Name | Email |\n|---|---|\n| Kwabena Owusu | k@example.com |\n",
            &["Kwabena Owusu"],
        ),
        (
            "Name\tPhone\tCity\nKwame Mensah\t020 7946 0000\tYork\nAma Owusu\t020 7946 0001\tLeeds\n",
            &["Kwame Mensah", "Ama Owusu"],
        ),
    ] {
        let got = names_common::people(&Engine::default_engine(), text);
        for name in names {
            assert!(got.iter().any(|g| g == name), "{text}: {got:?}");
        }
    }
    // A `Name` column without anything personal beside it lists things.
    for text in [
        "| Name | Version |\n|---|---|\n| serde | 1.0 |\n| tokio | 1.40 |\n",
        "name,size,modified\nreport,12,2024-01-02\n",
    ] {
        assert!(
            names_common::people(&Engine::default_engine(), text).is_empty(),
            "{text}: {:?}",
            names_common::people(&Engine::default_engine(), text)
        );
    }
}

#[test]
fn a_name_stated_in_lower_case_keeps_its_unknown_surname() {
    // "my name is …" typed in lower case: the surname the lists do not know was left out.
    for (text, name) in [
        ("ich heiße jana dvořák und brauche hilfe", "jana dvořák"),
        (
            "mi chiamo giulia esposito e ho un problema",
            "giulia esposito",
        ),
    ] {
        let got = names_common::people(&Engine::default_engine(), text);
        assert!(got.iter().any(|g| g == name), "{text}: {got:?}");
    }
    // A common word after the first name ends it.
    let got = names_common::people(&Engine::default_engine(), "my name is john and i need help");
    assert_eq!(got, ["john"]);
}
