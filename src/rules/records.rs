//! Numbers that a label says belong to a person's record: a patient's medical record number,
//! an insured person's member or policy number, a customer's or contract's number. They have
//! no format of their own (each hospital, insurer and shop numbers its own way), so the label
//! right before the value is the whole evidence: HIPAA's Safe Harbor list names medical record,
//! health plan beneficiary and account numbers, and under the GDPR a number that points to one
//! person's file is personal data as much as their name.

use super::{tail, Candidate, Category, RuleDef, Verdict, Words};
use crate::lower::Lower;

/// The labels, lower-case, in the eight languages of the names pass. One list serves as the
/// rule's context words (which reject a candidate with no label near it, cheaply, from the
/// engine's shared word search) and as what [`labelled`] asks to stand right before the value.
const LABELS: Words = words![
    // Medical records.
    "mrn",
    "medical record number",
    "medical record no",
    "medical record",
    "patient id",
    "patient number",
    "patient no",
    "hospital number",
    "chart number",
    "patientennummer",
    "patienten-id",
    "patienten-nr",
    "fallnummer",
    "numéro de patient",
    "identifiant patient",
    "ipp",
    "numéro de dossier",
    "numéro de dossier médical",
    "número de paciente",
    "número de historia clínica",
    "historia clínica",
    "nhc",
    "numero paziente",
    "codice paziente",
    "id paziente",
    "numero di cartella clinica",
    "cartella clinica",
    "patiëntnummer",
    "patientnummer",
    "dossiernummer",
    "numer pacjenta",
    "numer historii choroby",
    "número de utente",
    "número do utente",
    "número do paciente",
    "número do prontuário",
    "prontuário",
    "número de processo clínico",
    // Health plans and insurance.
    "member id",
    "member number",
    "member no",
    "subscriber id",
    "subscriber number",
    "insurance id",
    "insurance number",
    "insurance no",
    "policy number",
    "policy no",
    "claim number",
    "versichertennummer",
    "krankenversicherungsnummer",
    "versicherungsnummer",
    "mitgliedsnummer",
    "policennummer",
    "schadennummer",
    "numéro d'adhérent",
    "numéro de police",
    "numéro de sinistre",
    "número de afiliación",
    "número de afiliado",
    "número de póliza",
    "número de siniestro",
    "tarjeta sanitaria",
    "numero di polizza",
    "numero di sinistro",
    "tessera sanitaria",
    "polisnummer",
    "verzekeringsnummer",
    "lidnummer",
    "schadenummer",
    "numer polisy",
    "numer ubezpieczenia",
    "numer szkody",
    "número da apólice",
    "número de beneficiário",
    "número da carteirinha",
    "cartão sus",
    "número do sinistro",
    // Customers and contracts.
    "customer number",
    "customer id",
    "customer no",
    "client number",
    "contract number",
    "kundennummer",
    "kunden-nr",
    "kd.-nr",
    "kdnr",
    "vertragsnummer",
    "numéro client",
    "numéro de client",
    "n° client",
    "référence client",
    "numéro de contrat",
    "número de cliente",
    "nº de cliente",
    "número de contrato",
    "numero cliente",
    "codice cliente",
    "numero di contratto",
    "klantnummer",
    "contractnummer",
    "numer klienta",
    "numer umowy",
    "número do cliente",
    "número do contrato",
];

/// What may stand between a label and its value: punctuation, and the verb of "my member
/// number is …" in the eight languages.
const JOINERS: [&str; 11] = [
    "is", "ist", "lautet", "est", "es", "è", "é", "jest", "to", "was", "era",
];

pub(super) const RULES: &[RuleDef] = &[RuleDef {
    id: "labelled-record-number",
    entity: "RECORD_NUMBER",
    category: Category::Identifiers,
    // Digits in spaced groups (`4711 2233 01`; first, so that leftmost-first takes all the
    // groups); or a run of four or more digits, with up to four letters before it
    // (`W123456789`, `POL-2024-558812`) and up to three after, in up to four parts joined by
    // `-`, `/` or `.`.
    pattern: r"(?x)
          \b [0-9]{2,5} (?: \ [0-9]{2,5} ){1,4} \b
        | \b (?: [A-Za-z]{1,4} [\-/]? )? [0-9]{4,20} [A-Za-z]{0,3}
             (?: [\-/.] [0-9A-Za-z]{1,12} ){0,3} \b",
    validate: Some(labelled),
    score: 0.5,
    context: LABELS,
    context_boost: 0.3,
    needs_context: true,
    contested: true,
    ..RuleDef::DEFAULT
}];

/// A value right after one of [`LABELS`], that is not a date or an amount.
fn labelled(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    if digits < 4 || date_shaped(v) || c.after().is_some_and(|ch| ch == '%' || ch == '€') {
        return Verdict::Reject;
    }
    let before = tail(c.preceding(), 64).lower();
    if ends_with_label(&before) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

/// True when `before` (lower-case) ends with a label, once separators (`: # = ( -`), a
/// number sign (`n°`, `nr.`) and a joining verb are taken off, and the label starts a word.
fn ends_with_label(before: &str) -> bool {
    let mut rest = before;
    loop {
        rest = rest.trim_end_matches(|ch: char| {
            ch.is_whitespace() || matches!(ch, ':' | '#' | '=' | '(' | '-' | '–' | '.')
        });
        if LABELS.iter().any(|l| label_at_end(rest, l)) {
            return true;
        }
        let word = rest
            .rsplit(|ch: char| ch.is_whitespace())
            .next()
            .unwrap_or_default();
        if word.is_empty() || !(JOINERS.contains(&word) || matches!(word, "n°" | "nº" | "nr")) {
            return false;
        }
        rest = &rest[..rest.len() - word.len()];
    }
}

/// `s` ends with `label`, and the label starts a word.
fn label_at_end(s: &str, label: &str) -> bool {
    s.strip_suffix(label).is_some_and(|head| {
        head.chars()
            .next_back()
            .is_none_or(|ch| !ch.is_alphanumeric())
    })
}

/// A date written in digits (`2024-03-14`, `14.03.2024`, `03/14/24`): the parts of a record
/// number are not all one or two digits around a year.
fn date_shaped(v: &str) -> bool {
    let parts: Vec<&str> = v.split(['-', '/', '.']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    matches!(lens.as_slice(), [4, 1..=2, 1..=2] | [1..=2, 1..=2, 2 | 4])
}

#[cfg(test)]
mod tests {
    use crate::Engine;

    fn found(text: &str) -> Vec<String> {
        Engine::default_engine()
            .scan(text)
            .into_iter()
            .filter(|f| f.entity.as_ref() == "RECORD_NUMBER")
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn numbers_after_a_record_label_are_found_in_eight_languages() {
        for (text, value) in [
            ("MRN 00123456", "00123456"),
            ("medical record number: 4829301", "4829301"),
            ("Patient ID: 884721, admitted Monday", "884721"),
            ("my member ID is W123456789", "W123456789"),
            ("policy number POL-2024-558812", "POL-2024-558812"),
            ("Kundennummer: 4711 2233 01", "4711 2233 01"),
            ("Versichertennummer A123456780", "A123456780"),
            ("Kunden-Nr. 10029384", "10029384"),
            ("mon numéro client : 55102938", "55102938"),
            ("numéro de dossier médical n° 2023/4417", "2023/4417"),
            ("número de historia clínica 7731002", "7731002"),
            ("mi número de póliza es ES-7712-3490", "ES-7712-3490"),
            ("codice cliente 88123001", "88123001"),
            ("mijn klantnummer is 30129945", "30129945"),
            ("numer klienta: 55120098", "55120098"),
            ("o meu número de utente é 123456789", "123456789"),
        ] {
            assert_eq!(found(text), [value], "{text}");
        }
    }

    #[test]
    fn a_label_further_back_dates_and_amounts_are_not_record_numbers() {
        for text in [
            "Customer number: 4471923. I paid 2500 euros in 2024 for it",
            "Patient ID pending, seen on 2024-03-14",
            "policy number see page 1234",
            "medical record 14.03.2024",
            "member number 2500%",
            "the hospital number 4 of 12 chairs",
            "version 2024.1.3 of the customer portal",
        ] {
            let got = found(text);
            assert!(got.iter().all(|v| v == "4471923"), "{text}: {got:?}");
        }
    }
}
