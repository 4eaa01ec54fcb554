//! Names the lists did not know (issue 14, class 1; round 6): first names of people from
//! Poland, Ireland, Romania, Finland, Ghana and other countries whose people live in the eight
//! languages' countries, added to data/gazetteer.txt from the sources in data/SOURCES.md. The
//! sentences give little evidence beyond the list, so only the list can find these names; the
//! surnames are ordinary ones of the same origin. New names that are words stay words.

mod names_common;

use names_common::people;
use pii_airlock::Engine;

#[test]
fn first_names_of_more_countries_are_found() {
    let e = Engine::default_engine();
    for (text, person) in [
        (
            "Ticket from Wojciech Brzęczyszczykiewicz",
            "Wojciech Brzęczyszczykiewicz",
        ),
        ("it's Siobhan here — my partner Tadhg will call", "Tadhg"),
        ("Jolanta Wiśniewska dzwoniła rano.", "Jolanta Wiśniewska"),
        (
            "Grażyna Lewandowska przysłała fakturę.",
            "Grażyna Lewandowska",
        ),
        ("Mariusz Zieliński ma spotkanie o 10.", "Mariusz Zieliński"),
        ("Ho parlato con Ioana Popescu ieri.", "Ioana Popescu"),
        ("Hablé con Mihai Ionescu ayer.", "Mihai Ionescu"),
        ("Hyvää päivää, Antti Virtanen here.", "Antti Virtanen"),
        ("Abena Asante sent the contract.", "Abena Asante"),
        ("Eoin Murphy will join the call.", "Eoin Murphy"),
    ] {
        let found = people(&e, text);
        assert!(found.iter().any(|p| p == person), "{text}: {found:?}");
    }
}

/// Given names of the older generations that the generated lists lacked: a German name with
/// an umlaut alone before a surname (`Jürgen Müller`) was no person, nor Basque, Spanish and
/// Portuguese names common among people born before 1980.
#[test]
fn older_generations_first_names_are_found() {
    let e = Engine::default_engine();
    for (text, person) in [
        ("Jürgen Müller hat angerufen.", "Jürgen Müller"),
        ("Bitte an Günter Schröder weiterleiten.", "Günter Schröder"),
        ("Bärbel Hoffmann ist krank.", "Bärbel Hoffmann"),
        ("Iñaki Etxeberria llamó ayer.", "Iñaki Etxeberria"),
        ("Begoña Arrieta envió el contrato.", "Begoña Arrieta"),
        ("Conceição Ferreira ligou ontem.", "Conceição Ferreira"),
    ] {
        let found = people(&e, text);
        assert!(found.iter().any(|p| p == person), "{text}: {found:?}");
    }
    // Those that are words stay words without a name beside them.
    for text in ["Graça a Deus, chegou.", "Purificación del agua en casa."] {
        assert!(
            people(&e, text).is_empty(),
            "{text}: {:?}",
            people(&e, text)
        );
    }
}

#[test]
fn new_names_that_are_words_need_more_than_the_list() {
    let e = Engine::default_engine();
    // Edit, Server, Menu, Valid, Boy, Maison and Ville are names in the new sources; `toma`
    // (Spanish "takes") was a name before and is now a surname too. Found with the round-6
    // sources before their words were flagged, on the tuning part's benign text.
    for text in [
        "dotty toma una lista de paquetes de la línea de ordenes y genera",
        "Open Edit Menu, then Server Settings, and press Valid.",
        "Boy Scouts meet at the Maison de la Ville on Fridays.",
        // `link` was a surname and is a first name in a new source; `abi` is new (and German).
        "--install Link Name Pfad Priorität [--slave Link Name Pfad] …",
        "The [ABI Stability][] guide provides a more in-depth explanation.",
    ] {
        let found = people(&e, text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// The tuning-only probe of scripts/build-names-lists-probe.py: names from the new sources'
/// countries that the old list did not flag as first names, in sentences with light cues.
/// PERSON recall 0.583 with the old list, 0.754 with round 6's; precision 1.000 both.
#[test]
fn names_lists_probe_of_round_6() {
    let e = Engine::default_engine();
    let (mut tp, mut fp, mut missed) = (0usize, 0usize, 0usize);
    // A span counts when spans of the other side cover at least half of it, as the scorer.
    let covered = |(a, b): (usize, usize), spans: &[(usize, usize)]| {
        let n: usize = spans
            .iter()
            .map(|&(c, d)| b.min(d).saturating_sub(a.max(c)))
            .sum();
        n * 2 >= b - a
    };
    for line in include_str!("data/names-lists-probe.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let gold: Vec<(usize, usize)> = v["gold"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                let cp = |i: usize| starts[g[i].as_u64().unwrap() as usize];
                (cp(1), cp(2))
            })
            .collect();
        let pred: Vec<(usize, usize)> = e
            .scan(text)
            .iter()
            .filter(|f| &*f.entity == "PERSON")
            .map(|f| (f.start, f.end))
            .collect();
        for g in &gold {
            if covered(*g, &pred) {
                tp += 1;
            } else {
                missed += 1;
            }
        }
        fp += pred.iter().filter(|p| !covered(**p, &gold)).count();
    }
    let recall = tp as f64 / (tp + missed) as f64;
    assert_eq!(fp, 0, "false PERSON findings on the probe");
    assert!(
        recall >= 0.74,
        "probe PERSON recall {recall:.3} ({tp}/{})",
        tp + missed
    );
}

#[test]
fn who_writes_and_whose_request_it_is() {
    // "it's X here" and its kin name the writer; "Pedido de X", "Richiesta di X" name whose
    // request it is (the preposition is also a name particle: without the label the request
    // word joined the run and the run failed).
    let e = Engine::default_engine();
    for (text, person) in [
        ("Hey, it's Siobhan here, quick question", "Siobhan"),
        ("Hallo, hier ist Wojciech, ich habe eine Frage", "Wojciech"),
        ("Bonjour, c'est Margaux, je vous écris", "Margaux"),
        ("Olá, é o João, tenho uma dúvida", "João"),
        ("Pedido de Xiomara Quispe Mamani", "Xiomara Quispe Mamani"),
        ("Richiesta di Gianluca Bassi: rimborso", "Gianluca Bassi"),
        (
            "Ticket de Margaux Étienne-Lavoie : commande perdue",
            "Margaux Étienne-Lavoie",
        ),
        (
            "Bericht van Aart de Vries over de levering",
            "Aart de Vries",
        ),
    ] {
        let found = people(&e, text);
        assert!(found.iter().any(|p| p == person), "{text}: {found:?}");
    }
    // The same words before what is no name.
    for text in [
        "it's Monday here",
        "c'est Paris qui gagne",
        "Pedido de Compra 2024",
        "Richiesta di Rimborso",
    ] {
        assert!(
            people(&e, text).is_empty(),
            "{text}: {:?}",
            people(&e, text)
        );
    }
}

#[test]
fn lower_case_self_introductions_with_known_first_names() {
    // Typed in a hurry on a phone: the speaker's phrase, then their name in lower case.
    let e = Engine::default_engine();
    for (text, person) in [
        ("hi i'm jane doe and i need help", "jane doe"),
        ("hi i'm priya, quick question", "priya"),
        ("ich bin wojciech und habe eine frage", "wojciech"),
        ("soy xiomara y tengo una pregunta", "xiomara"),
    ] {
        let found = people(&e, text);
        assert!(found.iter().any(|p| p == person), "{text}: {found:?}");
    }
    // Words after the same phrases, and first names that are words.
    for text in [
        "i'm sorry, i'm ready",
        "i'm sam and",
        "this is fine",
        "ich bin müde",
    ] {
        assert!(
            people(&e, text).is_empty(),
            "{text}: {:?}",
            people(&e, text)
        );
    }
}

/// Round 11: Indian given names (Aarav, Diya, Vihaan, Saanvi) were missing from the lists, so
/// "Aarav and Diya" or "Vihaan Reddy" went out; the written list's names are no words even
/// where an English word list holds them as loanwords (Diya, Pooja).
#[test]
fn indian_first_names_are_found() {
    let e = Engine::default_engine();
    for (text, person) in [
        ("Aarav and Diya are coming to the demo", "Aarav"),
        ("Aarav and Diya are coming to the demo", "Diya"),
        ("Vihaan Reddy sent the contract.", "Vihaan Reddy"),
        ("Ticket from Saanvi Iyer", "Saanvi Iyer"),
        ("I talked to Kavya Nair yesterday", "Kavya Nair"),
        ("Pooja and Ishaan will review it", "Pooja"),
        ("Pooja and Ishaan will review it", "Ishaan"),
    ] {
        let found = people(&e, text);
        assert!(found.iter().any(|p| p == person), "{text}: {found:?}");
    }
}
