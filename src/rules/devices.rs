//! Device and vehicle identifiers: IMEI (3GPP TS 23.003, Luhn) and VIN (ISO 3779, with the
//! North American check digit of 49 CFR 565).

use super::{glued_to_digits, Candidate, Category, RuleDef, Verdict};

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
];

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
