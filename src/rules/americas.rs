//! Identifiers of Brazil, Canada and Mexico.
//!
//! Formatted numbers (`111.444.777-35`) carry their own evidence; the same digits run together
//! are one more bare number and need a context word, even when their check digits pass.

use super::{glued_to_digits, own_digits, Candidate, Category, RuleDef, Verdict, Words};
use crate::mod11_check_br;

const CPF_CONTEXT: Words = words![
    "cpf",
    "cadastro de pessoas físicas",
    "cadastro de pessoas fisicas",
    "contribuinte",
    "taxpayer",
    "tax id",
    tax_number_abroad!(),
    "documento",
    "identidade",
];
const CNPJ_CONTEXT: Words = words![
    "cnpj",
    "cadastro nacional",
    "pessoa jurídica",
    "pessoa juridica",
    "empresa",
    "company",
    "company id",
    "firma",
    "entreprise",
    "società",
    "bedrijf",
    "tax id",
];
const SIN_CONTEXT: Words = words![
    "sin",
    "social insurance",
    "social insurance number",
    "numéro d'assurance sociale",
    "nas",
    "sozialversicherungsnummer",
    "número de seguro social",
    "numero di sicurezza sociale",
    "sofinummer",
    "numer ubezpieczenia",
    "número de segurança social",
];
const CURP_CONTEXT: Words = words![
    "curp",
    "clave única",
    "clave unica",
    "registro de población",
    "identity",
    "identidad",
    "identité",
    "ausweis",
];

const CPF: RuleDef = RuleDef {
    id: "br-cpf",
    entity: "BR_CPF",
    category: Category::Identifiers,
    countries: &["BR"],
    pattern: r"\b[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}\b",
    validate: Some(br_cpf),
    score: 0.5,
    checked_score: 0.85,
    context: CPF_CONTEXT,
    context_boost: 0.15,
    contested: true,
    ..RuleDef::DEFAULT
};

const CNPJ: RuleDef = RuleDef {
    id: "br-cnpj",
    entity: "BR_CNPJ",
    category: Category::Identifiers,
    countries: &["BR"],
    // Since July 2026 the first twelve characters may be letters (IN RFB 2.229/2024); the
    // two check digits stay numeric.
    pattern: r"\b[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-[0-9]{2}\b",
    validate: Some(br_cnpj),
    score: 0.5,
    checked_score: 0.85,
    context: CNPJ_CONTEXT,
    context_boost: 0.15,
    contested: true,
    ..RuleDef::DEFAULT
};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    CPF,
    RuleDef {
        id: "br-cpf-plain",
        pattern: r"\b[0-9]{11}\b",
        checked_score: 0.6,
        context_boost: 0.35,
        needs_context: true,
        ..CPF
    },
    CNPJ,
    RuleDef {
        id: "br-cnpj-plain",
        pattern: r"\b[0-9]{14}\b",
        checked_score: 0.6,
        context_boost: 0.35,
        needs_context: true,
        ..CNPJ
    },
    RuleDef {
        id: "ca-sin",
        entity: "CA_SIN",
        category: Category::Identifiers,
        countries: &["CA"],
        pattern: r"\b[0-9]{3}[\ \-]?[0-9]{3}[\ \-]?[0-9]{3}\b",
        validate: Some(ca_sin),
        score: 0.5,
        checked_score: 0.6,
        context: SIN_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "mx-curp",
        entity: "MX_CURP",
        category: Category::Identifiers,
        countries: &["MX"],
        // Four name letters (the second a vowel or X), birth date, sex, one of the 32 state
        // codes or NE (born abroad), three consonants, the century character, the check digit.
        pattern: r"(?x)
            \b [A-Z] [AEIOUX] [A-Z]{2} [0-9]{6} [HMX]
            (?: AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR
              | TC|TS|TL|VZ|YN|ZS|NE )
            [B-DF-HJ-NP-TV-Z]{3} [0-9A-Z] [0-9] \b",
        validate: Some(mx_curp),
        score: 0.5,
        checked_score: 0.9,
        context: CURP_CONTEXT,
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
];

fn br_cpf(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits(c, 11) else {
        return Verdict::Reject;
    };
    let v: Vec<u32> = d.iter().map(|&x| u32::from(x)).collect();
    let first = mod11_check_br(&v[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]);
    let second = mod11_check_br(&v[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    if first == v[9] && second == v[10] {
        Verdict::Checked("cpf-mod11")
    } else {
        Verdict::Reject
    }
}

fn br_cnpj(c: &Candidate<'_>) -> Verdict {
    if glued_to_digits(c) {
        return Verdict::Reject;
    }
    // Alphanumeric CNPJ: each character counts as its ASCII code minus 48, so digits keep
    // their value and `A` is 17.
    let v: Vec<u32> = c
        .value()
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| u32::from(b) - 48)
        .collect();
    if v.len() != 14 || v.iter().all(|&x| x == v[0]) {
        return Verdict::Reject;
    }
    let w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let w2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    if mod11_check_br(&v[..12], &w1) == v[12] && mod11_check_br(&v[..13], &w2) == v[13] {
        Verdict::Checked("cnpj-mod11")
    } else {
        Verdict::Reject
    }
}

/// Luhn over nine digits; 0 is unassigned and 8 is not used for individuals.
fn ca_sin(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let seps: Vec<u8> = v.bytes().filter(|b| !b.is_ascii_digit()).collect();
    if seps.len() == 1 || seps.windows(2).any(|w| w[0] != w[1]) {
        return Verdict::Reject;
    }
    let Some(d) = own_digits(c, 9) else {
        return Verdict::Reject;
    };
    if d[0] == 0 || d[0] == 8 || !crate::luhn(c.value()) {
        return Verdict::Reject;
    }
    Verdict::Checked("luhn")
}

/// RENAPO's check digit: characters weighted 18 down to 2 over the alphabet `0-9A-NÑO-Z`
/// (so letters after N shift by one), `(10 - sum mod 10) mod 10`; plus a real birth date.
fn mx_curp(c: &Candidate<'_>) -> Verdict {
    let b = c.value().as_bytes();
    let val = |ch: u8| -> u32 {
        match ch {
            b'0'..=b'9' => u32::from(ch - b'0'),
            b'A'..=b'N' => u32::from(ch - b'A') + 10,
            _ => u32::from(ch - b'A') + 11,
        }
    };
    let sum: u32 = b[..17]
        .iter()
        .enumerate()
        .map(|(i, &ch)| val(ch) * (18 - i as u32))
        .sum();
    if (10 - sum % 10) % 10 != u32::from(b[17] - b'0') {
        return Verdict::Reject;
    }
    let n = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    // The 17th character is a digit for births before 2000 and a letter after.
    let century = if b[16].is_ascii_digit() { 1900 } else { 2000 };
    if !super::dates_places::valid_date(century + n(4), n(6), n(8)) {
        return Verdict::Reject;
    }
    Verdict::Checked("curp-check-digit")
}
