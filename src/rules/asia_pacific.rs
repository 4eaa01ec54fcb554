//! Identifiers of India, Australia, Singapore, South Korea, Japan, China and Thailand.
//!
//! Bare digit runs need a context word even when their check digit passes (one check digit
//! lets one random number in ten or eleven through); forms with letters, a date part or the
//! issuer's own punctuation stand on their own.

use super::dates_places::{valid_date, LATEST_BIRTH_YEAR};
use super::{glued_to_digits, own_digits, Candidate, Category, RuleDef, Verdict, Words};

const AADHAAR_CONTEXT: Words = words![
    "aadhaar",
    "aadhar",
    "adhaar",
    "uid",
    "uidai",
    "आधार",
    "identity",
    "identity number",
    "ausweisnummer",
    identity_abroad!(),
    "tożsamości",
    "identidade",
];
const PAN_CONTEXT: Words = words![
    "pan",
    "pan card",
    "pan no",
    "permanent account number",
    "income tax",
    "tax id",
    tax_number_abroad!(),
];
const VOTER_CONTEXT: Words = words![
    "voter",
    "voter id",
    "epic",
    "election",
    "electoral",
    "wähler",
    "wahlausweis",
    "électeur",
    "elector",
    "elettore",
    "kiezer",
    "wyborca",
    "eleitor",
];
const TFN_CONTEXT: Words = words![
    "tfn",
    "tax file number",
    "tax file",
    "tax number",
    tax_number_abroad!(),
];
const MEDICARE_CONTEXT: Words = words![
    "medicare",
    "medicare card",
    "health card",
    "krankenversicherung",
    "krankenkasse",
    "carte vitale",
    "assurance maladie",
    "tarjeta sanitaria",
    "tessera sanitaria",
    "zorgverzekering",
    "ubezpieczenie zdrowotne",
    "cartão de saúde",
];
const ABN_CONTEXT: Words = words![
    "abn",
    "australian business number",
    "business number",
    "company",
    "unternehmen",
    "entreprise",
    "empresa",
    "azienda",
    "bedrijf",
    "firma",
];
const NRIC_CONTEXT: Words = words![
    "nric",
    "fin",
    "ic",
    "identity card",
    "ausweis",
    identity_abroad!(),
    "dowód",
    "identidade",
];
const RRN_CONTEXT: Words = words![
    "rrn",
    "resident registration",
    "resident registration number",
    "주민등록번호",
    "주민번호",
    "외국인등록번호",
    "foreign registration",
    "alien registration",
    "identity number",
    "ausweisnummer",
    identity_abroad!(),
    "identidade",
];
const MY_NUMBER_CONTEXT: Words = words![
    "my number",
    "mynumber",
    "individual number",
    "マイナンバー",
    "個人番号",
    "identity number",
    "ausweisnummer",
    identity_abroad!(),
    "identidade",
];
const CN_ID_CONTEXT: Words = words![
    "身份证",
    "身份证号",
    "居民身份证",
    "resident id",
    "identity card",
    "id card",
    "ausweis",
    identity_abroad!(),
    "dowód",
    "identidade",
];
const TH_CONTEXT: Words = words![
    "เลขประจำตัวประชาชน",
    "บัตรประชาชน",
    "เลขบัตรประชาชน",
    "tnin",
    "thai national id",
    "thai id",
    "national id",
    "identification number",
    "ausweisnummer",
    identity_abroad!(),
    "identidade",
];

const ABN: RuleDef = RuleDef {
    id: "au-abn",
    entity: "AU_ABN",
    category: Category::Identifiers,
    countries: &["AU"],
    // As the ABR prints it: `51 824 753 556`.
    pattern: r"\b[0-9]{2}\ [0-9]{3}\ [0-9]{3}\ [0-9]{3}\b",
    validate: Some(au_abn),
    score: 0.5,
    checked_score: 0.8,
    context: ABN_CONTEXT,
    context_boost: 0.15,
    contested: true,
    ..RuleDef::DEFAULT
};

const RRN: RuleDef = RuleDef {
    id: "kr-rrn",
    entity: "KR_RRN",
    category: Category::Identifiers,
    countries: &["KR"],
    pattern: r"\b[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])-[0-9]{7}\b",
    validate: Some(kr_rrn),
    score: 0.5,
    checked_score: 0.85,
    context: RRN_CONTEXT,
    context_boost: 0.15,
    contested: true,
    ..RuleDef::DEFAULT
};

const TNIN: RuleDef = RuleDef {
    id: "th-tnin",
    entity: "TH_TNIN",
    category: Category::Identifiers,
    countries: &["TH"],
    // The card prints it as `1-2345-67890-12-1`.
    pattern: r"\b[1-8]-[0-9]{4}-[0-9]{5}-[0-9]{2}-[0-9]\b",
    validate: Some(th_tnin),
    score: 0.5,
    checked_score: 0.85,
    context: TH_CONTEXT,
    context_boost: 0.15,
    contested: true,
    ..RuleDef::DEFAULT
};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "in-aadhaar",
        entity: "IN_AADHAAR",
        category: Category::Identifiers,
        countries: &["IN"],
        // Never starts with 0 or 1; printed in groups of four.
        pattern: r"\b[2-9][0-9]{3}[\ \-]?[0-9]{4}[\ \-]?[0-9]{4}\b",
        validate: Some(in_aadhaar),
        score: 0.5,
        checked_score: 0.6,
        context: AADHAAR_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "in-pan",
        entity: "IN_PAN",
        category: Category::Identifiers,
        countries: &["IN"],
        // Fourth letter is the holder type (P person, C company, H HUF, F firm, A AOP, T trust,
        // B BOI, L local authority, J artificial person, G government). No check digit.
        pattern: r"\b[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]\b",
        validate: Some(in_pan),
        score: 0.5,
        context: PAN_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "in-voter",
        entity: "IN_VOTER",
        category: Category::Identifiers,
        countries: &["IN"],
        // EPIC: three letters and seven digits, no check digit.
        pattern: r"\b[A-Z]{3}[0-9]{7}\b",
        validate: Some(no_repeat_digits),
        score: 0.5,
        context: VOTER_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "au-tfn",
        entity: "AU_TFN",
        category: Category::Identifiers,
        countries: &["AU"],
        pattern: r"\b[0-9]{3}[\ \-]?[0-9]{3}[\ \-]?[0-9]{3}\b",
        validate: Some(au_tfn),
        score: 0.5,
        checked_score: 0.6,
        context: TFN_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "au-medicare",
        entity: "AU_MEDICARE",
        category: Category::Identifiers,
        countries: &["AU"],
        // Eight digits, the check digit and the card issue number, maybe followed by the
        // individual reference number: `2123 45670 1` or `2123 45670 1-2`.
        pattern: r"\b[2-6][0-9]{3}\ ?[0-9]{5}\ ?[0-9](?:[\ \-/]?[1-9])?\b",
        validate: Some(au_medicare),
        score: 0.5,
        checked_score: 0.6,
        context: MEDICARE_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    ABN,
    RuleDef {
        id: "au-abn-plain",
        pattern: r"\b[0-9]{11}\b",
        checked_score: 0.6,
        context_boost: 0.35,
        needs_context: true,
        ..ABN
    },
    RuleDef {
        id: "sg-nric-fin",
        entity: "SG_NRIC_FIN",
        category: Category::Identifiers,
        countries: &["SG"],
        pattern: r"\b[STFGM][0-9]{7}[A-Z]\b",
        validate: Some(sg_nric),
        score: 0.5,
        checked_score: 0.85,
        context: NRIC_CONTEXT,
        context_boost: 0.15,
        ..RuleDef::DEFAULT
    },
    RRN,
    RuleDef {
        id: "kr-rrn-plain",
        pattern: r"\b[0-9]{13}\b",
        checked_score: 0.6,
        context_boost: 0.35,
        needs_context: true,
        ..RRN
    },
    RuleDef {
        id: "jp-my-number",
        entity: "JP_MY_NUMBER",
        category: Category::Identifiers,
        countries: &["JP"],
        pattern: r"\b[0-9]{4}[\ \-]?[0-9]{4}[\ \-]?[0-9]{4}\b",
        validate: Some(jp_my_number),
        score: 0.5,
        checked_score: 0.6,
        context: MY_NUMBER_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "cn-resident-id",
        entity: "CN_RESIDENT_ID",
        category: Category::Identifiers,
        countries: &["CN"],
        // Region code (first digit 1–8), birth date YYYYMMDD, sequence, check character.
        pattern: r"(?x)
            \b [1-8][0-9]{5} (?:18|19|20)[0-9]{2} (?:0[1-9]|1[0-2]) (?:0[1-9]|[12][0-9]|3[01])
            [0-9]{3} [0-9Xx] \b",
        validate: Some(cn_resident_id),
        score: 0.5,
        // Above an unlabelled card number (0.95): eighteen digits that hold a real birth date
        // and pass MOD 11-2 are an ID far more often than a Luhn-valid 18-digit card.
        checked_score: 0.96,
        context: CN_ID_CONTEXT,
        context_boost: 0.15,
        contested: true,
        ..RuleDef::DEFAULT
    },
    TNIN,
    RuleDef {
        id: "th-tnin-plain",
        pattern: r"\b[1-8][0-9]{12}\b",
        checked_score: 0.6,
        context_boost: 0.35,
        needs_context: true,
        ..TNIN
    },
    // Korean business registration number (사업자등록번호): `XXX-XX-XXXXX`, weights
    // 1 3 7 1 3 7 1 3 5 plus the tens of 5 × the ninth digit, check digit to a multiple of 10
    // (National Tax Service; OECD TIN sheet for Korea).
    RuleDef {
        id: "kr-brn",
        entity: "KR_BRN",
        category: Category::Identifiers,
        countries: &["KR"],
        pattern: r"\b[0-9]{3}-[0-9]{2}-[0-9]{5}\b",
        validate: Some(kr_brn),
        score: 0.5,
        checked_score: 0.6,
        context: words![
            "사업자등록번호",
            "사업자번호",
            "business registration",
            "business registration number",
            "brn",
            "tax id",
        ],
        context_boost: 0.3,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // Korean passports: a type letter (M multiple, S single, R travel certificate, G, D, O
    // official) and 8 digits, or since 2021 three digits, a letter and four digits.
    RuleDef {
        id: "kr-passport",
        entity: "KR_PASSPORT",
        category: Category::Identifiers,
        countries: &["KR"],
        pattern: r"\b[MSRGDO][0-9]{3}[A-Z0-9][0-9]{4}\b",
        validate: Some(kr_passport),
        score: 0.5,
        context: words![
            "여권",
            "여권번호",
            "korean passport",
            "passport",
            "passport number"
        ],
        context_boost: 0.3,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
    // Korean driving licence numbers: region (11–28), year of issue, six-digit serial, two
    // check digits: `11-12-345678-90`.
    RuleDef {
        id: "kr-driver-license",
        entity: "KR_DRIVER_LICENSE",
        category: Category::Identifiers,
        countries: &["KR"],
        pattern: r"\b(?:1[1-9]|2[0-8])-[0-9]{2}-[0-9]{6}-[0-9]{2}\b",
        validate: Some(kr_driver_license),
        score: 0.5,
        context: words![
            "운전면허",
            "운전면허번호",
            "면허번호",
            "driver's license",
            "driving licence",
            "driver license",
            "license number",
            "licence number",
        ],
        context_boost: 0.3,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
];

fn kr_brn(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits_one_sep(c, 10) else {
        return Verdict::Reject;
    };
    let sum = crate::weighted_sum(&d[..9], &[1, 3, 7, 1, 3, 7, 1, 3, 5]) + u32::from(d[8]) * 5 / 10;
    if (10 - sum % 10) % 10 == u32::from(d[9]) {
        Verdict::Checked("brn-check-digit")
    } else {
        Verdict::Reject
    }
}

fn kr_passport(c: &Candidate<'_>) -> Verdict {
    if crate::rules::glued_to_digits(c) || c.after().is_some_and(|ch| ch.is_ascii_alphanumeric()) {
        return Verdict::Reject;
    }
    Verdict::Weak
}

fn kr_driver_license(c: &Candidate<'_>) -> Verdict {
    let d = crate::digit_vec(c.value());
    if crate::rules::glued_to_digits(c) || d[4..].iter().all(|&x| x == d[4]) {
        return Verdict::Reject;
    }
    Verdict::Weak
}

/// [`own_digits`] of a candidate whose separators are all the same (`1234 5678 9012`, not
/// `1234-5678 9012`).
fn own_digits_one_sep(c: &Candidate<'_>, len: usize) -> Option<Vec<u8>> {
    let mut seps = c.value().bytes().filter(|b| !b.is_ascii_digit());
    let first = seps.next();
    if seps.any(|b| Some(b) != first) {
        return None;
    }
    own_digits(c, len)
}

fn in_aadhaar(c: &Candidate<'_>) -> Verdict {
    match own_digits_one_sep(c, 12) {
        Some(_) if crate::verhoeff(c.value()) => Verdict::Checked("verhoeff"),
        _ => Verdict::Reject,
    }
}

fn in_pan(c: &Candidate<'_>) -> Verdict {
    no_repeat_digits(c)
}

/// Rejects `0000000`-style filler in a letters-and-digits code.
fn no_repeat_digits(c: &Candidate<'_>) -> Verdict {
    let d = crate::digit_vec(c.value());
    if d.iter().all(|&x| x == d[0]) {
        Verdict::Reject
    } else {
        Verdict::Plausible
    }
}

/// ATO weights 1, 4, 3, 7, 5, 8, 6, 9, 10; the sum is a multiple of 11.
fn au_tfn(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits_one_sep(c, 9) else {
        return Verdict::Reject;
    };
    if crate::weighted_sum(&d, &[1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0 {
        Verdict::Checked("tfn-mod11")
    } else {
        Verdict::Reject
    }
}

/// The ninth digit is the first eight weighted 1, 3, 7, 9, 1, 3, 7, 9, modulo 10.
fn au_medicare(c: &Candidate<'_>) -> Verdict {
    if glued_to_digits(c) {
        return Verdict::Reject;
    }
    let d = crate::digit_vec(c.value());
    if !(10..=11).contains(&d.len()) || d[9] == 0 {
        return Verdict::Reject;
    }
    if crate::weighted_sum(&d[..8], &[1, 3, 7, 9, 1, 3, 7, 9]) % 10 == u32::from(d[8]) {
        Verdict::Checked("medicare-check-digit")
    } else {
        Verdict::Reject
    }
}

/// Subtract one from the first digit, weight 10, 1, 3, 5, …, 19; the sum is a multiple of 89.
fn au_abn(c: &Candidate<'_>) -> Verdict {
    let Some(mut d) = own_digits_one_sep(c, 11) else {
        return Verdict::Reject;
    };
    if d[0] == 0 {
        return Verdict::Reject;
    }
    d[0] -= 1;
    if crate::weighted_sum(&d, &[10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 == 0 {
        Verdict::Checked("abn-mod89")
    } else {
        Verdict::Reject
    }
}

/// Weights 2, 7, 6, 5, 4, 3, 2; offset 4 for T/G (born or issued from 2000), 3 for M (FIN
/// from 2022); the remainder mod 11 indexes the series' letter table.
fn sg_nric(c: &Candidate<'_>) -> Verdict {
    let b = c.value().as_bytes();
    let d: Vec<u8> = b[1..8].iter().map(|x| x - b'0').collect();
    let sum = crate::weighted_sum(&d, &[2, 7, 6, 5, 4, 3, 2]);
    let (offset, table): (u32, &[u8; 11]) = match b[0] {
        b'S' => (0, b"JZIHGFEDCBA"),
        b'T' => (4, b"JZIHGFEDCBA"),
        b'F' => (0, b"XWUTRQPNMLK"),
        b'G' => (4, b"XWUTRQPNMLK"),
        _ => (3, b"XWUTRQPNJLK"),
    };
    if table[((sum + offset) % 11) as usize] == b[8] {
        Verdict::Checked("nric-check-letter")
    } else {
        Verdict::Reject
    }
}

/// Birth date (the seventh digit gives sex and century) and the check digit: weights
/// 2–9, 2–5, `(11 - sum mod 11) mod 10`. Numbers issued since October 2020 end in a random
/// digit instead, so a young holder's number without a valid check needs a context word.
fn kr_rrn(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits_one_sep(c, 13) else {
        return Verdict::Reject;
    };
    let n = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    let century = match d[6] {
        1 | 2 | 5 | 6 => 1900,
        3 | 4 | 7 | 8 => 2000,
        _ => 1800,
    };
    let year = century + n(0);
    if year > LATEST_BIRTH_YEAR || !valid_date(year, n(2), n(4)) {
        return Verdict::Reject;
    }
    let sum = crate::weighted_sum(&d, &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]);
    if (11 - sum % 11) % 10 == u32::from(d[12]) {
        Verdict::Checked("rrn-check-digit")
    } else if (5..=8).contains(&d[6]) && (13 - sum % 11) % 10 == u32::from(d[12]) {
        // Foreign registration numbers (외국인등록번호) add 2 to the check digit.
        Verdict::Checked("frn-check-digit")
    } else if year >= 2020 {
        Verdict::Weak
    } else {
        Verdict::Reject
    }
}

/// The twelfth digit from the other eleven: weights 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 (`n+1`
/// for the six lowest places, `n-5` above), 0 when the remainder is 0 or 1, else `11 - r`.
fn jp_my_number(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits_one_sep(c, 12) else {
        return Verdict::Reject;
    };
    let r = crate::weighted_sum(&d, &[6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
    let check = if r <= 1 { 0 } else { 11 - r };
    if check == u32::from(d[11]) {
        Verdict::Checked("my-number-check-digit")
    } else {
        Verdict::Reject
    }
}

fn cn_resident_id(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued_to_digits(c) {
        return Verdict::Reject;
    }
    let b = v.as_bytes();
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |a, &x| a * 10 + u32::from(x - b'0'));
    let year = num(6..10);
    if year > LATEST_BIRTH_YEAR
        || !valid_date(year, num(10..12), num(12..14))
        || !crate::iso7064_mod11_2(v)
    {
        return Verdict::Reject;
    }
    Verdict::Checked("iso7064-mod11-2")
}

/// Digits weighted 13 down to 2, check `(11 - sum mod 11) mod 10`.
fn th_tnin(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits_one_sep(c, 13) else {
        return Verdict::Reject;
    };
    let sum = crate::weighted_sum(&d, &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    if (11 - sum % 11) % 10 == u32::from(d[12]) {
        Verdict::Checked("tnin-mod11")
    } else {
        Verdict::Reject
    }
}
