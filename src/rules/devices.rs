//! Device and vehicle identifiers: IMEI (3GPP TS 23.003, Luhn) and VIN (ISO 3779, with the
//! North American check digit of 49 CFR 565).

use super::{glued_to_digits, Candidate, Category, RuleDef, Verdict};
use crate::lower::Lower;

const IMEI: RuleDef = RuleDef {
    id: "imei",
    entity: "IMEI",
    category: Category::Identifiers,
    // As phones display it (`*#06#`) and labels print it: TAC, serial, check digit in
    // groups 2-6-6-1, or TAC-serial-check as 8-6-1.
    pattern: r"\b[0-9]{2}(?:[\ \-][0-9]{6}[\ \-]|[0-9]{6}[\ \-])[0-9]{6}[\ \-][0-9]\b",
    validate: Some(imei),
    score: 0.5,
    checked_score: 0.85,
    context: words![
        "imei",
        "device id",
        "serial number",
        "handy",
        "seriennummer",
        "numéro de série",
        "número de serie",
        "numero di serie",
        "serienummer",
        "numer seryjny",
        "número de série",
    ],
    context_boost: 0.15,
    contested: true,
    ..RuleDef::DEFAULT
};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    IMEI,
    RuleDef {
        id: "imei-plain",
        pattern: r"\b[0-9]{15}\b",
        checked_score: 0.6,
        context_boost: 0.35,
        needs_context: true,
        ..IMEI
    },
    RuleDef {
        id: "vin",
        entity: "VIN",
        category: Category::Identifiers,
        // Seventeen characters without I, O and Q.
        pattern: r"\b[A-HJ-NPR-Z0-9]{17}\b",
        validate: Some(vin),
        score: 0.5,
        checked_score: 0.85,
        context: words![
            "vin",
            "vehicle identification number",
            "chassis",
            "chassis number",
            "fahrgestellnummer",
            "fahrzeug-identifizierungsnummer",
            "numéro de série du véhicule",
            "numéro vin",
            "número de bastidor",
            "bastidor",
            "numero di telaio",
            "telaio",
            "chassisnummer",
            "numer nadwozia",
            "numer vin",
            "número do chassi",
            "chassi",
        ],
        context_boost: 0.15,
        ..RuleDef::DEFAULT
    },
    // A vehicle's registration plate after its label ("license plate ABC-1234", "Kennzeichen:
    // M-XY 123", "matrícula 1234 BCD", "kenteken 12-ABC-3"): plates have no checksum and
    // every country its own shape, so only a label makes a plate of a short code.
    RuleDef {
        id: "license-plate",
        entity: "LICENSE_PLATE",
        category: Category::Identifiers,
        pattern: r"(?x)
            \b (?i: licen[cs]e\ plate (?: \ (?: number | no ) )? | number\ plate
              | registration\ plate | vehicle\ registration | plate (?: \ (?: number | no ) )?
              | kennzeichen | kfz-kennzeichen | nummernschild
              | plaque\ d'immatriculation | immatriculation | plaque
              | matr (?: i | í ) cula | placa | targa | kenteken
              | tablica\ rejestracyjna | numer\ rejestracyjny )
            (?: \ (?i: is | ist | est | es | è | é | jest ) )? [\ :.\#]{1,3}
            [A-Za-z0-9]{1,4} (?: [-\ ]? [A-Za-z0-9]{1,4} ){1,3} \b",
        validate: Some(license_plate),
        score: 0.8,
        ..RuleDef::DEFAULT
    },
    // A plate named after it ("B-MW 1234 ist mein Kennzeichen", "AB-123-CD est ma plaque",
    // "ABC-1234 is my license plate"): the match is the label alone; the validator reads the
    // verb and the possessive before it and the plate before them ([`Verdict::Before`]), as
    // `secret-named-after` does. A pattern starting at the plate would keep the automaton
    // busy at every capital and digit of a text.
    RuleDef {
        id: "license-plate-named-after",
        entity: "LICENSE_PLATE",
        category: Category::Identifiers,
        pattern: r"(?x)
            \b (?i: licen[cs]e\ plate | number\ plate | registration\ plate | kennzeichen
              | nummernschild | plaque | immatriculation | matr (?: i | í ) cula | placa
              | targa | kenteken | tablica\ rejestracyjna | numer\ rejestracyjny ) \b",
        validate: Some(license_plate_named_after),
        score: 0.8,
        ..RuleDef::DEFAULT
    },
];

/// Possessives and articles between a plate's verb and its label ("ist mein Kennzeichen",
/// "è la mia targa", "is our number plate"), lower case.
const PLATE_OWNERS: [&str; 29] = [
    "my", "our", "his", "her", "their", "the", "mein", "meine", "unser", "unsere", "sein", "ihr",
    "das", "ma", "mon", "notre", "sa", "la", "le", "mi", "mia", "mio", "il", "su", "mijn", "onze",
    "het", "moja", "nasza",
];

/// "B-MW 1234 ist mein Kennzeichen": the label ends the match; before it, on its line, up to
/// two possessives or articles, a verb ([`PLATE_COPULAS`], `to`, `c'est`), and before the
/// verb the plate: up to three groups of capitals, digits and hyphens, 4 to 10 letters and
/// digits with a digit and a letter (as after a label, [`license_plate`]).
fn license_plate_named_after(c: &Candidate<'_>) -> Verdict {
    let line = super::tail(c.preceding(), 120);
    let line = &line[super::after_last(line, |ch| ch == '\n' || ch == '\r')..];
    let mut rest = line;
    let mut verb_at = None;
    for _ in 0..3 {
        let trimmed = rest.trim_end_matches(' ');
        if trimmed.len() == rest.len() {
            return Verdict::Reject;
        }
        let start = super::after_last(trimmed, |ch| ch == ' ');
        let word = trimmed[start..].lower();
        if PLATE_COPULAS.contains(&word.as_str()) || word == "to" || word == "c'est" {
            verb_at = Some(start);
            break;
        }
        if !PLATE_OWNERS.contains(&word.as_str()) {
            return Verdict::Reject;
        }
        rest = &trimmed[..start];
    }
    let Some(verb_at) = verb_at else {
        return Verdict::Reject;
    };
    // `AB-123-CD, c'est ma plaque`: a comma may stand between the plate and the verb.
    let before = line[..verb_at].trim_end_matches(' ');
    let before = before.strip_suffix(',').unwrap_or(before);
    let group = |g: &&str| {
        !g.is_empty()
            && !g.starts_with('-')
            && !g.ends_with('-')
            && g.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    };
    let groups: Vec<&str> = before.rsplit(' ').take_while(group).take(3).collect();
    let len = groups
        .iter()
        .map(|g| g.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let plate = &before[before.len() - len..];
    let alnum = plate.bytes().filter(u8::is_ascii_alphanumeric).count();
    let digit = plate.bytes().any(|b| b.is_ascii_digit());
    let letter = plate.bytes().any(|b| b.is_ascii_alphabetic());
    if !(4..=10).contains(&alnum) || !digit || !letter {
        return Verdict::Reject;
    }
    // `line` ends where the match starts.
    Verdict::Before {
        before: line.len() - (before.len() - len),
        len,
    }
}

/// Copulas the pattern lets stand between a plate's label and the plate.
const PLATE_COPULAS: [&str; 7] = ["is", "ist", "est", "es", "è", "é", "jest"];

/// The words the pattern's plate labels are made of, lower case. Without a separator the
/// label ends at the first other word: a plate's first group can be letters alone
/// (`Kennzeichen B-MW 1234`, `HH-AB 987`), which no shape tells apart from a label's word.
const PLATE_LABEL_WORDS: [&str; 23] = [
    "licence",
    "license",
    "plate",
    "number",
    "no",
    "no.",
    "registration",
    "vehicle",
    "kennzeichen",
    "kfz-kennzeichen",
    "nummernschild",
    "plaque",
    "d'immatriculation",
    "immatriculation",
    "matricula",
    "matrícula",
    "placa",
    "targa",
    "kenteken",
    "tablica",
    "rejestracyjna",
    "numer",
    "rejestracyjny",
];

/// The plate after its label: 4 to 10 letters and digits in at most four groups, with a digit
/// and a letter; a word ("unknown") or a number alone is no plate.
fn license_plate(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // The label is letters, spaces, `-` and `'` up to the first separator or copula; the
    // plate starts at the first group holding a digit or after the label's separator run.
    let mut rest = v;
    // Skip the label's words: everything up to the separator run (`:`, `.`, `#`) or, without
    // one, up to the last of the label's own words and copulas.
    if let Some(k) = rest.find([':', '#']) {
        rest = &rest[k..];
    } else {
        let words: Vec<&str> = rest.split(' ').collect();
        // After a copula the plate begins, whatever it looks like ("Kennzeichen ist B-MW
        // 1234": `B-MW` would pass for one more label word). Copulas are lower case; an
        // upper-case `ES` is a plate's group.
        let copula = words.iter().position(|w| PLATE_COPULAS.contains(w));
        // "plate" alone labels a plate only when it says what follows ("my plate is ...",
        // "plate: ..."): "plate 2 of 4", "plate B12 steel" are other plates.
        let bare_plate = words[0].eq_ignore_ascii_case("plate")
            && !words.get(1).is_some_and(|w| {
                ["number", "no", "no."]
                    .iter()
                    .any(|l| w.eq_ignore_ascii_case(l))
            });
        if bare_plate && copula != Some(1) {
            return Verdict::Reject;
        }
        let label_words = copula.map_or_else(
            || {
                words
                    .iter()
                    .take_while(|w| {
                        let lw = w.lower();
                        PLATE_LABEL_WORDS.contains(&lw.as_str())
                            || PLATE_COPULAS.contains(&lw.as_str())
                    })
                    .count()
            },
            |k| k + 1,
        );
        let skip: usize = words[..label_words].iter().map(|w| w.len() + 1).sum();
        rest = &rest[skip.min(rest.len())..];
    }
    let mut plate = rest.trim_start_matches([' ', ':', '.', '#']);
    let start = v.len() - plate.len();
    // The pattern takes up to four groups: a lower-case word after the plate ("AB12 CDE
    // please") is the sentence going on.
    while let Some((head, last)) = plate.rsplit_once(' ') {
        if last.len() >= 4 && last.bytes().all(|b| b.is_ascii_lowercase()) {
            plate = head;
        } else {
            break;
        }
    }
    let alnum = plate.bytes().filter(u8::is_ascii_alphanumeric).count();
    let digit = plate.bytes().any(|b| b.is_ascii_digit());
    let letter = plate.bytes().any(|b| b.is_ascii_alphabetic());
    if plate.is_empty() || !(4..=10).contains(&alnum) || !digit || !letter {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end: start + plate.len(),
        check: None,
    }
}

fn imei(c: &Candidate<'_>) -> Verdict {
    if glued_to_digits(c) {
        return Verdict::Reject;
    }
    let v = c.value();
    let seps: Vec<u8> = v.bytes().filter(|b| !b.is_ascii_digit()).collect();
    if seps.windows(2).any(|w| w[0] != w[1]) {
        return Verdict::Reject;
    }
    let d = crate::digit_vec(v);
    if d.len() != 15 || d.iter().all(|&x| x == d[0]) || !crate::luhn(v) {
        return Verdict::Reject;
    }
    Verdict::Checked("luhn")
}

/// The transliteration of ISO 3779 characters for the check digit (I, O, Q never occur).
fn vin_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'A'..=b'H' => u32::from(b - b'A') + 1,
        b'J'..=b'N' => u32::from(b - b'J') + 1,
        b'P' => 7,
        b'R' => 9,
        _ => u32::from(b - b'S') + 2,
    }
}

/// Position 9 is the weighted sum mod 11 (10 written `X`) in North America (WMI 1–5) and in
/// many other VINs; elsewhere it is optional, so a VIN without it needs a context word. The
/// last four characters are digits (the serial) and the model-year code is never U, Z or 0.
fn vin(c: &Candidate<'_>) -> Verdict {
    let b = c.value().as_bytes();
    let letters = b.iter().filter(|x| x.is_ascii_uppercase()).count();
    if letters < 2 || !b[13..].iter().all(u8::is_ascii_digit) || matches!(b[9], b'U' | b'Z' | b'0')
    {
        return Verdict::Reject;
    }
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let sum: u32 = b.iter().zip(WEIGHTS).map(|(&x, w)| vin_value(x) * w).sum();
    let check = match sum % 11 {
        10 => b'X',
        r => b'0' + r as u8,
    };
    if b[8] == check {
        Verdict::Checked("vin-check-digit")
    } else if (b'1'..=b'5').contains(&b[0]) {
        Verdict::Reject
    } else {
        Verdict::Weak
    }
}
