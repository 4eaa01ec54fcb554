//! People named after their relation to the writer ("my son Liam", "ma fille Chloé", "mijn
//! zoon Daan") and what is said about their health with the name in between: a chat about
//! family is where first names and health data are typed together.

use pii_airlock::Engine;

fn found(text: &str) -> Vec<(String, String)> {
    Engine::default_engine()
        .scan(text)
        .into_iter()
        .map(|f| (f.entity.to_string(), text[f.start..f.end].to_string()))
        .collect()
}

#[test]
fn a_relative_s_first_name_is_a_person() {
    for (text, name) in [
        ("my son Liam needs a new school", "Liam"),
        ("ma fille Chloé a perdu son sac", "Chloé"),
        ("mi hija Lucía empieza mañana", "Lucía"),
        ("mijn zoon Daan gaat verhuizen", "Daan"),
        ("moja córka Zuzanna jest w szkole", "Zuzanna"),
        ("mein Sohn Jonas kommt morgen", "Jonas"),
        ("my manager Priya Raman said no", "Priya Raman"),
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(e, v)| e == "PERSON" && v == name),
            "{text}: {got:?}"
        );
    }
}

/// Names the lists do not know, after the people one teaches, treats, serves or lives with,
/// the rest of the family, a third person's family, and the person one writes to.
#[test]
fn more_relations_and_the_person_written_to() {
    for (text, name) in [
        (
            "Write a reference letter for my student Anahí Quispe Huamán.",
            "Anahí Quispe Huamán",
        ),
        (
            "Draft a reply to Thandiwe Nkosi, she complained about billing.",
            "Thandiwe Nkosi",
        ),
        ("write an email to Thandiwe Nkosi now", "Thandiwe Nkosi"),
        ("my cousin Tarik Ouazzani is visiting", "Tarik Ouazzani"),
        ("her son Kofi Mensah starts school", "Kofi Mensah"),
        ("meine Patientin Ayşe Yıldırım hat Fieber", "Ayşe Yıldırım"),
        (
            "mon élève Thibault Kerhervé est absent",
            "Thibault Kerhervé",
        ),
        (
            "mi sobrina Itzel Xicoténcatl llega hoy",
            "Itzel Xicoténcatl",
        ),
        (
            "il mio paziente Gioele Scarpellini è stabile",
            "Gioele Scarpellini",
        ),
        ("mijn leerling Jelte Wiersma is ziek", "Jelte Wiersma"),
        ("moja uczennica Bożydara Kłos jest chora", "Bożydara Kłos"),
        ("meu aluno Iago Tavares faltou", "Iago Tavares"),
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(e, v)| e == "PERSON" && v == name),
            "{text}: {got:?}"
        );
    }
    // A mail's header lines, pasted with the message: the names after them, known or not.
    for (text, name) in [
        ("From: Ngozi Okonkwo\nSubject: refund", "Ngozi Okonkwo"),
        (
            "Subject: refund\nTo: Thandiwe Nkosi\n\nHi,",
            "Thandiwe Nkosi",
        ),
        ("Cc: Bartholomew Quigglesworth", "Bartholomew Quigglesworth"),
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(e, v)| e == "PERSON" && v == name),
            "{text}: {got:?}"
        );
    }
    // A product or a team after the same words is no person, nor a place after a "from:"
    // that opens no header line.
    for text in [
        "the train from: Porto Alegre",
        "reply to All Staff about the outage",
        "my client Library crashes on start",
    ] {
        let got = found(text);
        assert!(!got.iter().any(|(e, _)| e == "PERSON"), "{text}: {got:?}");
    }
}

/// A form field typed without a space after its colon (`Name:Jane Doe`) read as an
/// identifier (`std:Vec`, `xmlns:Name`), so the name after a label went out.
#[test]
fn a_label_glued_to_its_name() {
    for (text, name) in [
        ("Name:Jane Doe, DOB:03/04/1961", "Jane Doe"),
        ("Name:Eckhart Noack", "Eckhart Noack"),
        ("Patient:Robert Knox", "Robert Knox"),
        ("Kontoinhaber:Robert Knox", "Robert Knox"),
        ("Nom:Marie Curie", "Marie Curie"),
        ("From:Ngozi Okonkwo\nSubject: refund", "Ngozi Okonkwo"),
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(e, v)| e == "PERSON" && v == name),
            "{text}: {got:?}"
        );
    }
    // Identifiers stay identifiers: the part before the colon is no label, or is glued to
    // more code.
    for text in [
        "use xmlns:Name for it",
        "set user.name:Jane Doe in the config",
        "see Category:People Named",
    ] {
        let got = found(text);
        assert!(!got.iter().any(|(e, _)| e == "PERSON"), "{text}: {got:?}");
    }
}

/// A possessive names a person when what follows is something only a person has ("Jane's
/// phone"), and a relation after someone's possessive names the next run ("Tom's wife
/// Sarah"), as "my wife Sarah" does.
#[test]
fn possessives_and_relatives_of_others() {
    for (text, name) in [
        ("Jane's phone died last night", "Jane"),
        ("can you remind me of Omar's birthday", "Omar"),
        ("write a card for Tom's wife Sarah", "Sarah"),
        ("write a card for Tom's wife Sarah", "Tom"),
        ("Ana's son Liam has a fever", "Liam"),
    ] {
        let got = found(text);
        assert!(
            got.iter()
                .any(|(e, v)| e == "PERSON" && v.trim_end_matches("'s") == name),
            "{text}: {got:?}"
        );
    }
    // Things named after people are no person.
    for text in [
        "Pascal's triangle has ones on its edges",
        "he has a big Adam's apple",
        "Parkinson's disease is a disorder",
        "St. John's wort interacts with it",
    ] {
        let got = found(text);
        assert!(!got.iter().any(|(e, _)| e == "PERSON"), "{text}: {got:?}");
    }
}

#[test]
fn health_of_a_named_relative_is_health_data() {
    for (text, term) in [
        ("my son Liam (6) has asthma", "asthma"),
        ("ma fille, Chloé, a de l'asthme", "asthme"),
        ("mi hija Lucía tiene diabetes", "diabetes"),
    ] {
        let got = found(text);
        assert!(
            got.iter()
                .any(|(e, v)| e == "HEALTH_DATA" && v.contains(term)),
            "{text}: {got:?}"
        );
    }
    // Not every sentence about a relative is about health.
    let got = found("my son Liam has a bike");
    assert!(!got.iter().any(|(e, _)| e == "HEALTH_DATA"), "{got:?}");
}

#[test]
fn labelled_health_and_religion_fields_are_special_categories() {
    // A form or a clinical note pasted into a prompt: the label says whose data it is.
    for (text, entity) in [
        (
            "Patient: Jane Roe\nDiagnosis: type 2 diabetes",
            "HEALTH_DATA",
        ),
        ("Diagnose: Depression", "HEALTH_DATA"),
        ("Dx: HIV", "HEALTH_DATA"),
        ("Medication: metformin 500mg", "HEALTH_DATA"),
        ("Diagnóstico: diabetes", "HEALTH_DATA"),
        ("Religion: Muslim", "RELIGIOUS_BELIEF"),
    ] {
        let got = found(text);
        assert!(got.iter().any(|(e, _)| e == entity), "{text}: {got:?}");
    }
    for text in [
        "Religion: n/a",
        "diagnosis: unknown",
        "see the Diagnosis: section",
    ] {
        let got = found(text);
        assert!(
            !got.iter()
                .any(|(e, _)| e == "HEALTH_DATA" || e == "RELIGIOUS_BELIEF"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn how_long_does_not_hide_the_health_statement() {
    // A time adverbial between the cue and the term ("seit 2019", "for years") broke the
    // statement, and the diagnosis went out.
    for (text, term) in [
        ("Ich bin seit 2019 HIV-positiv", "HIV-positiv"),
        ("ich habe seit Jahren Diabetes", "Diabetes"),
        ("je suis depuis 2015 diabétique", "diabétique"),
    ] {
        let got = found(text);
        assert!(
            got.iter().any(|(e, v)| e == "HEALTH_DATA" && v == term),
            "{text}: {got:?}"
        );
    }
    // Without a first-person cue it is a topic, as before.
    assert!(!found("Diabetes seit 2019 auf dem Vormarsch")
        .iter()
        .any(|(e, _)| e == "HEALTH_DATA"));
}
