//! Germany, Austria and Switzerland: Steuer-ID, Personalausweis and Reisepass numbers,
//! Rentenversicherungsnummer, Austrian Sozialversicherungsnummer and Swiss AHV number.

use super::national::{all_same, digits, glued, one_separator_kind, two, year_from_yy};
use super::{Candidate, Category, RuleDef, Verdict, Words};
use crate::lower::Lower;

const SOCIAL_CONTEXT: Words = words![
    "sozialversicherungsnummer",
    "sozialversicherung",
    "versicherungsnummer",
    "rentenversicherungsnummer",
    "rentenversicherung",
    "rvnr",
    "sv-nummer",
    "sv-nr",
    "svnr",
    "svn",
    "e-card",
    "social security",
    "social security number",
    "numéro de sécurité sociale",
    "sécurité sociale",
    "número de la seguridad social",
    "seguridad social",
    "previdenza sociale",
    "sociale zekerheid",
    "ubezpieczenie społeczne",
    "segurança social",
];

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "de-tax-id",
        entity: "DE_TAX_ID",
        category: Category::Identifiers,
        countries: &["DE"],
        // Steuerliche Identifikationsnummer (§ 139b AO): eleven digits, printed plain or
        // 2-3-3-3.
        pattern: r"\b[1-9][0-9](?:[0-9]{9}|\ [0-9]{3}\ [0-9]{3}\ [0-9]{3})\b",
        validate: Some(de_tax_id),
        checked_score: 0.75,
        context: words![
            "steuer-id",
            "steuerid",
            "steuer-identifikationsnummer",
            "steueridentifikationsnummer",
            "identifikationsnummer",
            "idnr",
            "steuernummer",
            "tin",
            "tax id",
            "tax identification number",
            "numéro fiscal",
            "número de identificación fiscal",
            "codice fiscale",
            "numer identyfikacji podatkowej",
        ],
        context_boost: 0.2,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "de-id-card",
        entity: "DE_ID_CARD",
        category: Category::Identifiers,
        countries: &["DE"],
        // Personalausweis since 2010: nine characters from a 27-symbol alphabet without vowels
        // and look-alikes; with the check digit of the machine-readable zone appended it is
        // ten. Typed in lower case too.
        pattern: r"\b(?i:[LMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8})[0-9]?\b",
        validate: Some(de_document),
        checked_score: 0.8,
        context: words![
            "personalausweis",
            "personalausweisnummer",
            "ausweis",
            "ausweisnummer",
            "perso",
            "id card",
            "identity card",
            "carte d'identité",
            "documento de identidad",
            "carta d'identità",
            "identiteitskaart",
            "dowód osobisty",
            "cartão de cidadão",
            "bilhete de identidade",
        ],
        context_boost: 0.2,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "de-passport",
        entity: "DE_PASSPORT",
        category: Category::Identifiers,
        countries: &["DE"],
        // Reisepass: the same alphabet, first letter C, F, G, H, J or K.
        pattern: r"\b(?i:[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8})[0-9]?\b",
        validate: Some(de_document),
        checked_score: 0.8,
        context: words![
            "reisepass",
            "reisepassnummer",
            "passnummer",
            "pass-nr",
            "passport",
            "passport number",
            passport_abroad!(),
        ],
        context_boost: 0.2,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "de-social-security",
        entity: "DE_SOCIAL_SECURITY",
        category: Category::Identifiers,
        countries: &["DE"],
        // Rentenversicherungsnummer: area (2 digits), birth date DDMMYY, initial of the birth
        // name, serial (2 digits), check digit; often printed with spaces between the parts.
        pattern: r"\b[0-9]{2}\ ?[0-9]{6}\ ?[A-Z]\ ?[0-9]{3}\b",
        validate: Some(de_social_security),
        checked_score: 0.85,
        context: SOCIAL_CONTEXT,
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "at-svnr",
        entity: "AT_SVNR",
        category: Category::Identifiers,
        countries: &["AT"],
        // Serial (3 digits), check digit, birth date DDMMYY.
        pattern: r"\b[1-9][0-9]{3}\ ?[0-9]{6}\b",
        validate: Some(at_svnr),
        checked_score: 0.6,
        context: SOCIAL_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ch-ahv",
        entity: "CH_AHV",
        category: Category::Identifiers,
        countries: &["CH"],
        // AHV/AVS number since 2008: EAN-13 with the country prefix 756, printed
        // 756.XXXX.XXXX.XX.
        pattern: r"\b756(?:\.[0-9]{4}\.[0-9]{4}\.[0-9]{2}|\ [0-9]{4}\ [0-9]{4}\ [0-9]{2}|[0-9]{10})\b",
        validate: Some(ch_ahv),
        checked_score: 0.85,
        context: words![
            "ahv",
            "avs",
            "ahv-nr",
            "ahv-nummer",
            "avs-nr",
            "numéro avs",
            "numero avs",
            "sozialversicherungsnummer",
            "social security",
            "assicurazione vecchiaia",
        ],
        context_boost: 0.1,
        contested: true,
        ..RuleDef::DEFAULT
    },
];

/// Steuer-ID: first digit not 0; among the first ten digits exactly one value occurs twice or
/// three times (never three in a row) and the rest at most once; ISO 7064 MOD 11,10 check.
fn de_tax_id(c: &Candidate<'_>) -> Verdict {
    let Some((d, 11)) = digits::<11>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) {
        return Verdict::Reject;
    }
    let mut counts = [0u8; 10];
    for &x in &d[..10] {
        counts[x as usize] += 1;
    }
    let repeated = counts.iter().filter(|&&n| n > 1).count();
    if repeated != 1 || counts.iter().any(|&n| n > 3) {
        return Verdict::Reject;
    }
    if d[..10].windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return Verdict::Reject;
    }
    if !crate::iso7064_mod11_10(&d) {
        return Verdict::Reject;
    }
    // Measured: 0.34 % of random eleven-digit numbers pass, so a plain run needs a context
    // word; the printed 2-3-3-3 grouping does not.
    if !super::national::has_separator(c.value()) {
        return Verdict::Weak;
    }
    Verdict::Checked("iso7064-mod11-10")
}

/// German ID card and passport numbers: nine characters with at least one digit are a weak
/// shape (context required); the tenth character, when present, must be the 7-3-1 check
/// digit.
fn de_document(c: &Candidate<'_>) -> Verdict {
    let v = c.value().as_bytes();
    if glued(c) {
        return Verdict::Reject;
    }
    let ndigits = v[1..9].iter().filter(|b| b.is_ascii_digit()).count();
    // Nine letters without a digit read as a word (`PRTWXYZ…`) unless a passing check digit
    // follows; a letter and nine digits pass the check one time in ten by chance; nine
    // characters carry no check. None of these is reported without a context word.
    if ndigits == 0 && v.len() == 9 {
        return Verdict::Reject;
    }
    if v.len() == 9 || ndigits == 8 || ndigits == 0 {
        return match (v.len(), crate::weighted_731_check_digit(&v[..9])) {
            (9, _) => Verdict::Weak,
            (_, Some(k)) if k == v[9] - b'0' => Verdict::Weak,
            _ => Verdict::Reject,
        };
    }
    match crate::weighted_731_check_digit(&v[..9]) {
        Some(k) if k == v[9] - b'0' => Verdict::Checked("icao-7-3-1"),
        _ => Verdict::Reject,
    }
}

/// German labels of a passport number, lower-case, longest first.
const GERMAN_PASSPORT_LABELS: [&str; 4] = ["reisepassnummer", "reisepass", "passnummer", "pass-nr"];

/// True when `value` has the shape of a German passport number (first letter C, F, G, H, J or
/// K, then eight of the passport alphabet) and the label just before it is German: then it is
/// a German passport, even where another country's passport rule accepts the same shape (a
/// US book number, a Dutch document number) and the same label.
pub(crate) fn german_passport(preceding: &str, value: &str) -> bool {
    let v = value.as_bytes();
    let alphabet = |b: &u8| b"CFGHJKLMNPRTVWXYZ0123456789".contains(&b.to_ascii_uppercase());
    if v.len() != 9 || !b"CFGHJK".contains(&v[0].to_ascii_uppercase()) || !v.iter().all(alphabet) {
        return false;
    }
    let before = super::tail(preceding, 32)
        .trim_end_matches([' ', ':', '.', '#', '"', '\'', '(', '\t'])
        .lower();
    GERMAN_PASSPORT_LABELS.iter().any(|l| before.ends_with(l))
}

/// Rentenversicherungsnummer: the letter becomes its two-digit position in the alphabet;
/// the twelve digits before the check are weighted 2,1,2,5,7,1,2,1,2,1,2,1, the digit sums of
/// the products are added, and the sum mod 10 is the check digit.
fn de_social_security(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) || !one_separator_kind(v) {
        return Verdict::Reject;
    }
    let Some(letter) = v.bytes().find(u8::is_ascii_uppercase) else {
        return Verdict::Reject;
    };
    let Some((d, 11)) = digits::<11>(v) else {
        return Verdict::Reject;
    };
    let (day, month, yy) = (two(&d, 2), two(&d, 4), two(&d, 6));
    if !crate::gregorian_date_ok(1900 + yy, month, day)
        && !crate::gregorian_date_ok(2000 + yy, month, day)
    {
        return Verdict::Reject;
    }
    let pos = letter - b'A' + 1;
    let mut body = [0u8; 12];
    body[..8].copy_from_slice(&d[..8]);
    body[8] = pos / 10;
    body[9] = pos % 10;
    body[10] = d[8];
    body[11] = d[9];
    let sum: u32 = body
        .iter()
        .zip([2u32, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1])
        .map(|(&x, w)| {
            let p = u32::from(x) * w;
            p / 10 + p % 10
        })
        .sum();
    if sum % 10 != u32::from(d[10]) {
        return Verdict::Reject;
    }
    Verdict::Checked("rvnr-check")
}

/// Austrian SVNR: weights 3,7,9 on the serial and 5,8,4,2,1,6 on the date; sum mod 11 is the
/// check digit (10 is never issued).
fn at_svnr(c: &Candidate<'_>) -> Verdict {
    let Some((d, 10)) = digits::<10>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) {
        return Verdict::Reject;
    }
    let (day, month, yy) = (two(&d, 4), two(&d, 6), two(&d, 8));
    if !crate::gregorian_date_ok(year_from_yy(yy), month, day)
        && !crate::gregorian_date_ok(1900 + yy, month, day)
    {
        return Verdict::Reject;
    }
    let sum = crate::weighted_sum(&d[..3], &[3, 7, 9])
        + crate::weighted_sum(&d[4..], &[5, 8, 4, 2, 1, 6]);
    if sum % 11 != u32::from(d[3]) {
        return Verdict::Reject;
    }
    Verdict::Checked("svnr-mod11")
}

/// AHV: EAN-13 check digit (weights 1,3 alternating from the left).
fn ch_ahv(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 13)) = digits::<13>(v) else {
        return Verdict::Reject;
    };
    if glued(c) {
        return Verdict::Reject;
    }
    let sum = crate::weighted_sum(&d[..12], &[1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]);
    if (10 - sum % 10) % 10 != u32::from(d[12]) {
        return Verdict::Reject;
    }
    Verdict::Checked("ean13")
}
