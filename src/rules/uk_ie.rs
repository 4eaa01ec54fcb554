//! United Kingdom and Ireland: NHS number, National Insurance number, passport, DVLA driving
//! licence number, Unique Taxpayer Reference, bank account (sort code and account number) and
//! the Irish PPS number.

use super::national::labelled_value;
use super::national::{all_same, digits, glued, one_separator_kind, two};
use super::us_ids::{passport_labels, passport_shape};
use super::{Candidate, Category, RuleDef, Verdict};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "uk-nhs",
        entity: "UK_NHS",
        category: Category::Identifiers,
        countries: &["GB"],
        // Printed 3-3-4; the mod-11 digit is one in eleven, so context is required.
        pattern: r"\b[0-9]{3}[\ \-]?[0-9]{3}[\ \-]?[0-9]{4}\b",
        validate: Some(uk_nhs),
        checked_score: 0.6,
        context: words![
            "nhs",
            "nhs number",
            "nhs no",
            "national health service",
            "health service",
            "patient",
            "patient number",
            "chi number",
            "numéro de patient",
            "patientennummer",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "uk-nino",
        entity: "UK_NINO",
        category: Category::Identifiers,
        countries: &["GB"],
        // HMRC NIM39110: first letter not D F I Q U V, second not D F I O Q U V, six digits
        // (often in pairs), suffix A–D. In lower case too (`my ni number is ab123456c`), one
        // case throughout and only with a context word (the validator).
        pattern: r"(?xi)
            \b [A-CEGHJ-PR-TW-Z] [A-CEGHJ-NPR-TW-Z] \ ? [0-9]{2} \ ? [0-9]{2} \ ? [0-9]{2}
            \ ? [A-D] \b",
        validate: Some(uk_nino),
        checked_score: 0.8,
        context: words![
            "national insurance",
            "national insurance number",
            "nino",
            "ni number",
            "ni no",
            "insurance number",
            "sozialversicherungsnummer",
            "numéro d'assurance",
            "número de seguro",
        ],
        context_boost: 0.15,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "uk-passport",
        entity: "UK_PASSPORT",
        category: Category::Identifiers,
        countries: &["GB"],
        // Nine digits, or (since 2023 in some series) two letters and seven digits.
        // After a passport label, like the US rule.
        pattern: concat!(
            r"\b(?i:",
            passport_labels!(),
            r")[\ :.\#'\x22(]{1,4}(?:is[\ :]{1,2})?(?:[0-9]{9}|[A-Z]{2}[0-9]{7})\b"
        ),
        validate: Some(labelled_passport),
        score: 0.5,
        context: words![
            "passport",
            "passport number",
            "passport no",
            "passport nr",
            "passport #",
            "passport#",
            "reisepassnummer",
            "passnummer",
            "pass-nr",
            "uk passport",
            "british passport",
            // English labels only: the letter-and-seven-digits shape is also Italian, and a
            // label in another country's language should let that country's rule win.
        ],
        context_boost: 0.35,
        needs_context: true,

        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "uk-driving-licence",
        entity: "UK_DRIVING_LICENCE",
        category: Category::Identifiers,
        countries: &["GB"],
        // DVLA: five surname characters padded with 9, decade digit, month (+50 for women),
        // day, year digit, two initials padded with 9, an arbitrary digit, two check
        // characters.
        pattern: r"\b[A-Z][A-Z9]{4}[0-9]{6}[A-Z][A-Z9][0-9][A-Z0-9]{2}\b",
        validate: Some(uk_driving_licence),
        checked_score: 0.85,
        context: words![
            "driving licence",
            "driving license",
            "driver licence",
            "licence number",
            "dvla",
            "führerschein",
            "permis de conduire",
            "carnet de conducir",
            "patente",
            "rijbewijs",
            "prawo jazdy",
            "carta de condução",
        ],
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "uk-utr",
        entity: "UK_UTR",
        category: Category::Identifiers,
        countries: &["GB"],
        pattern: r"\b(?:[0-9]{5}\ [0-9]{5}|[0-9]{10}K?)\b",
        validate: Some(uk_utr),
        checked_score: 0.6,
        context: words![
            "utr",
            "unique taxpayer reference",
            "taxpayer reference",
            "tax reference",
            "self assessment",
            "steuernummer",
            "référence fiscale",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // A sort code and an account number together are a UK bank account (the sort code alone
    // names a branch). Either order, in one sentence: "sort code 20-00-00, account 55779911",
    // "a/c 55779911 s/c 20 00 00". The finding covers both.
    RuleDef {
        id: "uk-bank-account",
        entity: "UK_BANK_ACCOUNT",
        category: Category::Financial,
        countries: &["GB"],
        pattern: r"(?x)
            # Either order, each label maybe stated as a sentence (the account is …).
            \b (?i: sort \ ? code | s/c ) (?: \ (?i: is ) )? [\ :.\#]*
              [0-9]{2} [-\ ]? [0-9]{2} [-\ ]? [0-9]{2}
              [,;\ ]+ (?i: and \ )? (?i: account | acct | acc | a/c ) (?: \ (?i: no | number | \# ) )? \.?
              (?: \ (?i: is ) )? [\ :.\#]* [0-9]{8} \b
          | \b (?i: account | acct | acc | a/c ) (?: \ (?i: no | number | \# ) )? \.?
              (?: \ (?i: is ) )? [\ :.\#]*
              [0-9]{8} [,;\ ]+ (?i: and \ )? (?i: sort \ ? code | s/c ) (?: \ (?i: is ) )? [\ :.\#]*
              [0-9]{2} [-\ ]? [0-9]{2} [-\ ]? [0-9]{2} \b",
        validate: Some(uk_bank_account),
        score: 0.85,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ie-ppsn",
        entity: "IE_PPSN",
        category: Category::Identifiers,
        countries: &["IE"],
        // Seven digits, a mod-23 check letter, and since 2013 an optional second letter.
        pattern: r"\b[0-9]{7}[A-W][A-IW]?\b",
        validate: Some(ie_ppsn),
        checked_score: 0.75,
        context: words![
            "ppsn",
            "pps number",
            "pps no",
            "personal public service",
            "personal public service number",
        ],
        context_boost: 0.2,
        ..RuleDef::DEFAULT
    },
];

fn labelled_passport(c: &Candidate<'_>) -> Verdict {
    labelled_value(c, passport_shape)
}

/// NHS number: weights 10..2 on the first nine digits, check = 11 − (sum mod 11), 11 → 0, 10
/// is never issued.
fn uk_nhs(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 10)) = digits::<10>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) || !one_separator_kind(v) {
        return Verdict::Reject;
    }
    if v.len() == 11 {
        // One separator: not the 3-3-4 print form.
        return Verdict::Reject;
    }
    let sum = crate::weighted_sum(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]);
    let check = (11 - sum % 11) % 11;
    if check == 10 || check != u32::from(d[9]) {
        return Verdict::Reject;
    }
    Verdict::Checked("nhs-mod11")
}

fn uk_nino(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let b = v.as_bytes();
    let spaces = b.iter().filter(|&&x| x == b' ').count();
    if glued(c) || !(spaces == 0 || spaces == 4) {
        return Verdict::Reject;
    }
    let letters = || b.iter().filter(|x| x.is_ascii_alphabetic());
    let lower = letters().all(u8::is_ascii_lowercase);
    if !lower && !letters().all(u8::is_ascii_uppercase) {
        return Verdict::Reject;
    }
    let prefix = [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()];
    if matches!(
        &prefix,
        b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ"
    ) {
        return Verdict::Reject;
    }
    // Typed in lower case the shape is also an id or a hash fragment in code: only next to
    // a word naming the number.
    if lower {
        return Verdict::Weak;
    }
    Verdict::Checked("nino-prefix")
}

fn uk_driving_licence(c: &Candidate<'_>) -> Verdict {
    let v = c.value().as_bytes();
    if glued(c) {
        return Verdict::Reject;
    }
    // Padding 9s come only after the letters of the surname.
    if let Some(p) = v[..5].iter().position(|&x| x == b'9') {
        if v[p..5].iter().any(|&x| x != b'9') {
            return Verdict::Reject;
        }
    }
    let mut d = [0u8; 6];
    for (o, x) in d.iter_mut().zip(&v[5..11]) {
        *o = x - b'0';
    }
    let month = match two(&d, 1) {
        m @ 1..=12 => m,
        m @ 51..=62 => m - 50,
        _ => return Verdict::Reject,
    };
    let day = two(&d, 3);
    let yy = u32::from(d[0]) * 10 + u32::from(d[5]);
    if !crate::gregorian_date_ok(1900 + yy, month, day)
        && !crate::gregorian_date_ok(2000 + yy, month, day)
    {
        return Verdict::Reject;
    }
    Verdict::Checked("dvla-structure")
}

/// Sort code and account number: the value starts at the first digit (the labels stay
/// readable), and neither number is one digit repeated (`00-00-00`, `11111111`: forms'
/// placeholders).
fn uk_bank_account(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(start) = v.find(|ch: char| ch.is_ascii_digit()) else {
        return Verdict::Reject;
    };
    let runs: Vec<String> = v[start..]
        .split(|ch: char| !ch.is_ascii_digit() && ch != '-' && ch != ' ')
        .map(|r| r.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|r| !r.is_empty())
        .collect();
    let (sort, account): (Vec<&String>, Vec<&String>) = runs.iter().partition(|r| r.len() == 6);
    let real = |r: &String| !all_same(r.as_bytes());
    if sort.len() != 1
        || account.len() != 1
        || account[0].len() != 8
        || !real(sort[0])
        || !real(account[0])
    {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end: v.len(),
        check: None,
    }
}

/// UTR: the first digit checks the other nine (weights 6,7,8,9,10,5,4,3,2; 11 − remainder,
/// with 10 and 11 folded to 1 and 2).
fn uk_utr(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 10)) = digits::<10>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) {
        return Verdict::Reject;
    }
    let sum = crate::weighted_sum(&d[1..], &[6, 7, 8, 9, 10, 5, 4, 3, 2]);
    let mut check = 11 - sum % 11;
    if check > 9 {
        check -= 9;
    }
    if check != u32::from(d[0]) {
        return Verdict::Reject;
    }
    Verdict::Checked("utr-mod11")
}

/// PPS number: weights 8..2 on the digits plus 9 × the second letter (A=1 … I=9, W=0),
/// mod 23 indexes the check letter (0 = W, 1 = A, …).
fn ie_ppsn(c: &Candidate<'_>) -> Verdict {
    let v = c.value().as_bytes();
    if glued(c) {
        return Verdict::Reject;
    }
    let mut d = [0u8; 7];
    for (o, x) in d.iter_mut().zip(&v[..7]) {
        *o = x - b'0';
    }
    if all_same(&d) {
        return Verdict::Reject;
    }
    let second = match v.get(8) {
        None | Some(b'W') => 0,
        Some(&x) => u32::from(x - b'A') + 1,
    };
    let sum = crate::weighted_sum(&d, &[8, 7, 6, 5, 4, 3, 2]) + 9 * second;
    if ppsn_letter(sum % 23) != v[7] {
        return Verdict::Reject;
    }
    Verdict::Checked("ppsn-mod23")
}

/// The PPS/Irish VAT check letter for a remainder mod 23.
pub(crate) fn ppsn_letter(r: u32) -> u8 {
    if r == 0 {
        b'W'
    } else {
        b'A' + (r - 1) as u8
    }
}
