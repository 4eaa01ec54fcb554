//! Poland, Czechia/Slovakia and Romania: PESEL, NIP, identity card and bank account number,
//! rodné číslo, CNP.

use super::national::{all_same, digits, glued, has_separator, one_separator_kind, two};
use super::{Candidate, Category, RuleDef, Verdict};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "pl-pesel",
        entity: "PL_PESEL",
        category: Category::Identifiers,
        countries: &["PL"],
        pattern: r"\b[0-9]{11}\b",
        validate: Some(pl_pesel),
        checked_score: 0.6,
        context: words![
            "pesel",
            "numer pesel",
            "nr pesel",
            "numer ewidencyjny",
            "national identification number",
            "id number",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "pl-nip",
        entity: "PL_NIP",
        category: Category::Identifiers,
        countries: &["PL"],
        // Printed 123-456-32-18 (people) or 123-45-67-819 (companies), or plain.
        pattern: r"\b[0-9]{3}(?:-[0-9]{3}-[0-9]{2}-[0-9]{2}|-[0-9]{2}-[0-9]{2}-[0-9]{3}|[0-9]{7})\b",
        validate: Some(pl_nip),
        checked_score: 0.75,
        context: words![
            "nip",
            "numer nip",
            "numer identyfikacji podatkowej",
            "tax id",
            "tin",
            "vat",
            "steuernummer",
            "numéro fiscal",
        ],
        context_boost: 0.2,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // The identity card (dowód osobisty): series of three letters, six digits, the first
    // digit a check digit. Three letters and six digits are a common code shape, so the
    // card's words must be near even when the check digit passes.
    RuleDef {
        id: "pl-id-card",
        entity: "PL_ID_CARD",
        category: Category::Identifiers,
        countries: &["PL"],
        pattern: r"\b[A-Z]{3}\ ?[0-9]{6}\b",
        validate: Some(pl_id_card),
        checked_score: 0.6,
        context: words![
            "dowód osobisty",
            "dowodu osobistego",
            "numer dowodu",
            "nr dowodu",
            "dowód",
            "dowodu",
            "identity card",
            "id card",
        ],
        context_boost: 0.35,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
    // The Polish bank account number (NRB): the IBAN without its `PL`, 26 digits printed
    // 2 + 6 × 4. Its two check digits are the IBAN's (ISO 13616 mod 97 with `PL` appended):
    // one random number in 97 passes, and 26 digits are no other number's length.
    RuleDef {
        id: "pl-bank-account",
        entity: "PL_BANK_ACCOUNT",
        category: Category::Financial,
        countries: &["PL"],
        pattern: r"\b[0-9]{2}(?:\ ?[0-9]{4}){6}\b",
        validate: Some(pl_nrb),
        checked_score: 0.85,
        context: words![
            "numer konta",
            "nr konta",
            "konto",
            "rachunek",
            "numer rachunku",
            "nr rachunku",
            "nrb",
            "bank account",
            "account number",
        ],
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "cz-birth-number",
        entity: "CZ_BIRTH_NUMBER",
        category: Category::Identifiers,
        countries: &["CZ", "SK"],
        // Rodné číslo since 1954: YYMMDD/XXXX (month +50 for women, +20 or +70 since 2004).
        pattern: r"\b[0-9]{2}[0-8][0-9][0-3][0-9]/?[0-9]{4}\b",
        validate: Some(cz_birth_number),
        checked_score: 0.8,
        context: words![
            "rodné číslo",
            "rodne cislo",
            "r.č.",
            "birth number",
            "personal number",
            "geburtsnummer",
        ],
        context_boost: 0.15,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ro-cnp",
        entity: "RO_CNP",
        category: Category::Identifiers,
        countries: &["RO"],
        // Sex/century digit, YYMMDD, county code, serial, check digit.
        pattern: r"\b[1-9][0-9]{12}\b",
        validate: Some(ro_cnp),
        // Above a Luhn-valid 13-digit card shape: CNPs of people born since 2000 start with 5
        // or 6, Maestro prefixes, and pass Luhn one time in ten; 13-digit cards are rare.
        checked_score: 0.96,
        needs_context: true,
        context: words![
            "cnp",
            "cod numeric personal",
            "codul numeric personal",
            "personal numeric code",
            "buletin",
            "carte de identitate",
        ],
        context_boost: 0.04,
        contested: true,
        ..RuleDef::DEFAULT
    },
];

/// PESEL: YYMMDD with the century in the month (+80 1800s, +0 1900s, +20 2000s, +40 2100s,
/// +60 2200s), weights 1,3,7,9,1,3,7,9,1,3 and check = (10 − sum mod 10) mod 10. The date and
/// one decimal check still pass about one random number in fifty, so context is required.
fn pl_pesel(c: &Candidate<'_>) -> Verdict {
    let Some((d, 11)) = digits::<11>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) {
        return Verdict::Reject;
    }
    let (yy, m, day) = (two(&d, 0), two(&d, 2), two(&d, 4));
    let (century, month) = match m {
        81..=92 => (1800, m - 80),
        1..=12 => (1900, m),
        21..=32 => (2000, m - 20),
        41..=52 => (2100, m - 40),
        61..=72 => (2200, m - 60),
        _ => return Verdict::Reject,
    };
    if !crate::gregorian_date_ok(century + yy, month, day) {
        return Verdict::Reject;
    }
    let sum = crate::weighted_sum(&d[..10], &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
    if (10 - sum % 10) % 10 != u32::from(d[10]) {
        return Verdict::Reject;
    }
    Verdict::Checked("pesel-weights")
}

/// NIP: weights 6,5,7,2,3,4,5,6,7; sum mod 11 is the check digit (10 is never issued).
pub(crate) fn pl_nip_digits(d: &[u8]) -> bool {
    if d.len() != 10 || all_same(d) {
        return false;
    }
    let sum = crate::weighted_sum(&d[..9], &[6, 5, 7, 2, 3, 4, 5, 6, 7]);
    sum % 11 == u32::from(d[9])
}

fn pl_nip(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 10)) = digits::<10>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || !pl_nip_digits(&d) {
        return Verdict::Reject;
    }
    if !has_separator(v) {
        return Verdict::Weak;
    }
    Verdict::Checked("nip-mod11")
}

/// Dowód osobisty: letters count 10 (A) to 35 (Z); weights 7, 3, 1, 9, 7, 3, 1, 7, 3 over the
/// nine characters, the fourth (weight 9) the check digit, and the sum a multiple of 10.
fn pl_id_card(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) || digits::<6>(v).is_some_and(|(d, _)| all_same(&d)) {
        return Verdict::Reject;
    }
    let mut sum = 0;
    for (b, w) in v
        .bytes()
        .filter(|&b| b != b' ')
        .zip([7, 3, 1, 9, 7, 3, 1, 7, 3])
    {
        // `A`..`Z` count 10..35, digits their value.
        sum += w * if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
    }
    if sum % 10 != 0 {
        return Verdict::Reject;
    }
    Verdict::Checked("pl-id-check-digit")
}

/// NRB: the IBAN's check (the 24 digits after the check digits, then `PL`, then the check
/// digits, modulo 97 is 1). Spaces only as the print form's 2 + 6 × 4 or none at all.
fn pl_nrb(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let spaces = v.bytes().filter(|&b| b == b' ').count();
    let d: Vec<u8> = v.bytes().filter(u8::is_ascii_digit).collect();
    if glued(c) || !matches!(spaces, 0 | 6) || all_same(&d[2..]) {
        return Verdict::Reject;
    }
    let chars = d[2..]
        .iter()
        .copied()
        .chain(*b"PL")
        .chain(d[..2].iter().copied());
    if crate::mod97_of(chars) != Some(1) {
        return Verdict::Reject;
    }
    Verdict::Checked("iban-mod97")
}

/// Rodné číslo: a real date and the whole number divisible by 11 (numbers issued before 1986
/// may instead have remainder 10 on the first nine digits and a final 0). Ten plain digits
/// need a context word.
fn cz_birth_number(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 10)) = digits::<10>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || !one_separator_kind(v) {
        return Verdict::Reject;
    }
    let (yy, m, day) = (two(&d, 0), two(&d, 2), two(&d, 4));
    let month = match m {
        1..=12 => m,
        21..=32 => m - 20,
        51..=62 => m - 50,
        71..=82 => m - 70,
        _ => return Verdict::Reject,
    };
    let year = if yy < 54 { 2000 + yy } else { 1900 + yy };
    if !crate::gregorian_date_ok(year, month, day) {
        return Verdict::Reject;
    }
    let n = crate::digits_to_u64(&d);
    let first9 = crate::digits_to_u64(&d[..9]);
    if n % 11 != 0 && !(first9 % 11 == 10 && d[9] == 0) {
        return Verdict::Reject;
    }
    if !has_separator(v) {
        return Verdict::Weak;
    }
    Verdict::Checked("mod11")
}

/// CNP: sex/century digit (1–2 1900s, 3–4 1800s, 5–6 2000s, 7–9 residents), a real date,
/// county 01–52, weights 2,7,9,1,4,6,3,5,8,2,7,9 and sum mod 11 (10 → 1) as the check digit.
fn ro_cnp(c: &Candidate<'_>) -> Verdict {
    let Some((d, 13)) = digits::<13>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) {
        return Verdict::Reject;
    }
    let (yy, month, day, county) = (two(&d, 1), two(&d, 3), two(&d, 5), two(&d, 7));
    let ok_date = match d[0] {
        1 | 2 => crate::gregorian_date_ok(1900 + yy, month, day),
        3 | 4 => crate::gregorian_date_ok(1800 + yy, month, day),
        5 | 6 => crate::gregorian_date_ok(2000 + yy, month, day),
        _ => {
            crate::gregorian_date_ok(1900 + yy, month, day)
                || crate::gregorian_date_ok(2000 + yy, month, day)
        }
    };
    if !ok_date || !matches!(county, 1..=48 | 51 | 52) {
        return Verdict::Reject;
    }
    let sum = crate::weighted_sum(&d[..12], &[2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]);
    let check = match sum % 11 {
        10 => 1,
        k => k,
    };
    if check != u32::from(d[12]) {
        return Verdict::Reject;
    }
    // Measured: 0.17 % of random thirteen-digit numbers pass, and millisecond timestamps are
    // thirteen digits too; a CNP is never printed grouped, so it always needs a context word.
    Verdict::Checked("cnp-weights")
}
