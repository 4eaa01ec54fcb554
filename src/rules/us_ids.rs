//! United States identifiers beyond the SSN: ITIN, passport, driver's licence, bank account and
//! routing numbers, and the health-care numbers NPI, MBI and DEA.

use super::national::{all_same, digits, glued, labelled_value, one_separator_kind};
use super::{Candidate, Category, RuleDef, Verdict, Words};

/// Longer phrases first: the first word found is the one a finding's reason names.
const PASSPORT_CONTEXT: Words = words![
    "passport number",
    "passport no",
    "passport #",
    "passport#",
    "passport nr",
    "passport",
    "reisepassnummer",
    "pass-nr",
    "reisepass",
    "passnummer",
    passport_abroad!(),
];

/// The passport labels of the pattern (ASCII, matched case-insensitively); every one is also
/// a context word, so the engine reports which label it saw.
macro_rules! passport_labels {
    () => {
        r"passport(?:\ (?:number|no|nr|\#))?|passport\#|reisepass(?:nummer)?|passnummer|pass-nr|passeport|pasaporte|passaporto|paspoort|paszport|passaporte"
    };
}
pub(crate) use passport_labels;

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "us-itin",
        entity: "US_ITIN",
        category: Category::Identifiers,
        countries: &["US"],
        pattern: r"(?x)
            \b 9[0-9]{2} - [0-9]{2} - [0-9]{4} \b
            | \b 9[0-9]{2} \ [0-9]{2} \ [0-9]{4} \b
            | \b 9[0-9]{8} \b",
        validate: Some(us_itin),
        score: 0.6,
        context: words![
            "itin",
            "individual taxpayer identification number",
            "taxpayer identification",
            "tax id",
            "tin",
            "steuernummer",
            "numéro fiscal",
            "número de identificación fiscal",
            "codice fiscale",
        ],
        context_boost: 0.35,
        anti_context: words!["order", "invoice", "ticket", "tracking", "phone"],
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "us-passport",
        entity: "US_PASSPORT",
        category: Category::Identifiers,
        countries: &["US"],
        // Book numbers: nine digits, or a letter and eight digits (Next Generation Passport),
        // after a passport label: nothing else tells them from other numbers.
        pattern: concat!(
            r"\b(?i:",
            passport_labels!(),
            r")[\ :.\#'\x22(]{1,4}(?:is[\ :]{1,2})?(?:[0-9]{9}|[A-Za-z][0-9]{8})\b"
        ),
        validate: Some(labelled_passport),
        score: 0.5,
        context: PASSPORT_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "us-driver-license",
        entity: "US_DRIVER_LICENSE",
        category: Category::Identifiers,
        countries: &["US"],
        // The shapes the states issue (AAMVA DL/ID standard, per-state formats): a letter and
        // 4–14 digits (CA, FL, IL, WI, ...; FL and IL print dashes), two letters and 3–7
        // digits, 7–13 digits, or 3-3-3 digit groups.
        // The label is part of the pattern, so bare digit runs cost nothing. The labels of
        // other languages are the `driver-license` rule's (licences.rs).
        pattern: r"(?x)
            \b (?i:
                driver'?s?\ licen[cs]e (?: \ (?: number | no | nr | \# ) )?
              | driving\ licen[cs]e | dl\#? | dl\ (?: number | no ) | dln
              | licen[cs]e\ (?: number | no | \# ) )
            [\ :.\#'\x22(]{1,4} (?: is [\ :]{1,2} )?
            (?: [A-Z] [0-9]{4,14}
              | [A-Z] [0-9]{3} - [0-9]{3,4} - [0-9]{2,4} (?: - [0-9]{2,3} )? (?: - [0-9] )?
              | [A-Z]{2} [0-9]{3,7}
              | [0-9]{7,13}
              | [0-9]{3} - [0-9]{3} - [0-9]{3} ) \b",
        validate: Some(labelled_driver_license),
        score: 0.5,
        context: words![
            "driver license",
            "driver's license",
            "drivers license",
            "driver licence",
            "driver's licence",
            "drivers licence",
            "driving license",
            "driving licence",
            "license number",
            "licence number",
            "license no",
            "licence no",
            "license #",
            "licence #",
            "dl",
            "dl#",
            "dln",
        ],
        context_boost: 0.35,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "aba-routing-number",
        entity: "ABA_ROUTING_NUMBER",
        category: Category::Financial,
        countries: &["US"],
        pattern: r"\b[0-9]{4}-?[0-9]{4}-?[0-9]\b",
        validate: Some(aba_routing),
        score: 0.5,
        checked_score: 0.7,
        context: words![
            "routing",
            "routing number",
            "routing no",
            "routing #",
            "aba",
            "aba number",
            "aba routing",
            "rtn",
            "transit number",
            "bank routing",
            "numéro de routage",
            "número de ruta",
            "número de enrutamiento",
        ],
        context_boost: 0.3,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "us-bank-number",
        entity: "US_BANK_NUMBER",
        category: Category::Financial,
        countries: &["US"],
        // Eight to seventeen digits after an account label (the label is in the pattern so that
        // bare digit runs are not evaluated). A bare "account" counts only beside a routing
        // number or a bank word (direct-deposit details: "routing 021000021 account …"): the
        // context words decide, and "account" alone is not one of them.
        pattern: r"(?x)
            \b (?i:
                bank\ account (?: \ (?: number | no | \# ) )?
              | account (?: \ (?: number | no | \# ) )? | acct (?: \ (?: number | no | \# ) )?
              | checking\ account | savings\ account | bankkonto | kontonummer
              | compte\ bancaire | (?: nume )? ro\ de\ compte | (?: nu )? mero\ de\ cuenta
              | cuenta\ bancaria
              | numero\ di\ conto | conto\ corrente | rekeningnummer | numer\ konta
              | (?: nu )? mero\ da\ conta | conta\ bancaria )
            [\ :.\#'\x22(]{1,4} (?: (?: is | ist | est | es | è | é | jest | to ) [\ :]{1,2} )?
            [0-9]{8,17} \b",
        validate: Some(labelled_bank_number),
        // With its context word a bank account number outranks a Luhn-valid card shape
        // (one in ten 16-digit account numbers); a card context word restores the tie, which
        // the earlier card rule wins.
        score: 0.6,
        context: words![
            "bank account",
            "bank account number",
            "account number",
            "account no",
            "account #",
            "acct",
            "acct number",
            "acct no",
            "acct #",
            "checking account",
            "savings account",
            "bankkonto",
            "kontonummer",
            "numéro de compte",
            "numero de compte",
            "compte bancaire",
            "número de cuenta",
            "numero de cuenta",
            "cuenta bancaria",
            "numero di conto",
            "conto corrente",
            "rekeningnummer",
            "numer konta",
            "número da conta",
            "numero da conta",
            "conta bancária",
            "conta bancaria",
            "routing",
            "routing number",
            "aba",
            "direct deposit",
        ],
        context_boost: 0.4,
        needs_context: true,

        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "us-npi",
        entity: "US_NPI",
        category: Category::Identifiers,
        countries: &["US"],
        // Ten digits, also printed in groups (`1234-567-893`, `123 456 7893`).
        pattern: r"\b[12](?:[\ \-]?[0-9]){9}\b",
        validate: Some(us_npi),
        checked_score: 0.6,
        context: words![
            "npi",
            "npi number",
            "national provider identifier",
            "national provider id",
            "provider id",
            "prescriber",
            "nummer des leistungserbringers",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "us-mbi",
        entity: "US_MBI",
        category: Category::Identifiers,
        countries: &["US"],
        // CMS Medicare Beneficiary Identifier: 11 characters in fixed positions, letters
        // without S, L, O, I, B, Z; printed plain or as 4-3-4.
        pattern: r"(?x)
            \b [1-9] [AC-HJKMNP-RT-Y] [AC-HJKMNP-RT-Y0-9] [0-9] -?
               [AC-HJKMNP-RT-Y] [AC-HJKMNP-RT-Y0-9] [0-9] -?
               [AC-HJKMNP-RT-Y]{2} [0-9]{2} \b",
        validate: Some(us_mbi),
        checked_score: 0.7,
        context: words![
            "mbi",
            "medicare",
            "medicare number",
            "medicare beneficiary identifier",
            "beneficiary",
            "medicare id",
        ],
        context_boost: 0.25,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "us-dea",
        entity: "US_DEA",
        category: Category::Identifiers,
        countries: &["US"],
        // Registrant type letter, the registrant's last-name initial (or 9 for some
        // registrants), six digits and a check digit.
        pattern: r"\b[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}\b",
        validate: Some(us_dea),
        checked_score: 0.6,
        context: words![
            "dea",
            "dea number",
            "dea#",
            "dea no",
            "dea registration",
            "prescriber",
            "registrant",
        ],
        context_boost: 0.35,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
];

/// IRS ITIN ranges: area 9xx, group 50–65, 70–88, 90–92 or 94–99. Nine bare digits are too
/// common to report without a context word.
fn us_itin(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 9)) = digits::<9>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || !one_separator_kind(v) {
        return Verdict::Reject;
    }
    let group = u32::from(d[3]) * 10 + u32::from(d[4]);
    let serial = d[5..].iter().fold(0u32, |a, &x| a * 10 + u32::from(x));
    let ok = matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99);
    if !ok || serial == 0 {
        return Verdict::Reject;
    }
    if v.len() == 9 {
        Verdict::Weak
    } else {
        Verdict::Plausible
    }
}

/// Shared by passport rules: nothing to verify beyond the shape, so context is required.
pub(crate) fn passport_shape(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) {
        return Verdict::Reject;
    }
    let Some((d, n)) = digits::<12>(v) else {
        return Verdict::Reject;
    };
    if n < 6 || all_same(&d[..n]) {
        return Verdict::Reject;
    }
    Verdict::Weak
}

fn labelled_passport(c: &Candidate<'_>) -> Verdict {
    labelled_value(c, |v| {
        if super::de_at_ch::german_passport(v.preceding(), v.value()) {
            return Verdict::Reject;
        }
        passport_shape(v)
    })
}

/// A licence number after its label (also the `driver-license` rule's, licences.rs).
pub(crate) fn labelled_driver_license(c: &Candidate<'_>) -> Verdict {
    labelled_value(c, us_driver_license)
}

fn labelled_bank_number(c: &Candidate<'_>) -> Verdict {
    labelled_value(c, us_bank_number)
}

fn us_driver_license(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) || !one_separator_kind(v) {
        return Verdict::Reject;
    }
    let Some((d, n)) = digits::<16>(v) else {
        return Verdict::Reject;
    };
    if n < 4 || all_same(&d[..n]) {
        return Verdict::Reject;
    }
    Verdict::Weak
}

/// ABA routing number: the first two digits name a Federal Reserve district (00–12), a thrift
/// (21–32), an electronic transaction number (61–72) or traveller's cheques (80); the
/// weighted sum 3-7-1 of all nine digits is a multiple of 10.
fn aba_routing(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 9)) = digits::<9>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) {
        return Verdict::Reject;
    }
    // Dashes only as 4-4-1, both or neither.
    if v.len() != 9 && v.len() != 11 {
        return Verdict::Reject;
    }
    let prefix = super::national::two(&d, 0);
    if !matches!(prefix, 0..=12 | 21..=32 | 61..=72 | 80) {
        return Verdict::Reject;
    }
    if !crate::aba_checksum(&d) {
        return Verdict::Reject;
    }
    Verdict::Checked("aba-3-7-1")
}

fn us_bank_number(c: &Candidate<'_>) -> Verdict {
    let Some((d, n)) = digits::<17>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d[..n]) {
        return Verdict::Reject;
    }
    Verdict::Weak
}

/// NPI: Luhn over the number prefixed with 80840 (the ISO 7812 issuer prefix for US health).
fn us_npi(c: &Candidate<'_>) -> Verdict {
    let Some((d, 10)) = digits::<10>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) || !one_separator_kind(c.value()) || !crate::npi_luhn(&d) {
        return Verdict::Reject;
    }
    Verdict::Checked("luhn-80840")
}

fn us_mbi(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) {
        return Verdict::Reject;
    }
    // Either the plain 11 characters or both dashes of the 4-3-4 print form.
    let dashes = v.bytes().filter(|&b| b == b'-').count();
    if dashes == 1 {
        return Verdict::Reject;
    }
    Verdict::Checked("mbi-format")
}

/// DEA registration number: (d1 + d3 + d5) + 2 × (d2 + d4 + d6), last digit = d7.
fn us_dea(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 7)) = digits::<8>(&v[2..]) else {
        return Verdict::Reject;
    };
    if glued(c) {
        return Verdict::Reject;
    }
    let sum = u32::from(d[0] + d[2] + d[4]) + 2 * u32::from(d[1] + d[3] + d[5]);
    if sum % 10 != u32::from(d[6]) {
        return Verdict::Reject;
    }
    Verdict::Checked("dea-checksum")
}
