//! France, Belgium and the Netherlands: NIR (INSEE number), numéro fiscal, Belgian national
//! register number and Dutch BSN.

use super::national::{all_same, digits, glued, has_separator, one_separator_kind, two};
use super::{Candidate, Category, RuleDef, Verdict};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "fr-nir",
        entity: "FR_NIR",
        category: Category::Identifiers,
        countries: &["FR"],
        // Sex, year, month, département (2A/2B for Corsica), commune, order number, key;
        // printed plain or with spaces between the parts.
        pattern: r"(?x)
            \b [1-478] \ ? [0-9]{2} \ ? [0-9]{2} \ ? (?: [0-9]{2} | 2[ABab] ) \ ? [0-9]{3}
            \ ? [0-9]{3} \ ? [0-9]{2} \b",
        validate: Some(fr_nir),
        checked_score: 0.85,
        context: words![
            "nir",
            "insee",
            "numéro de sécurité sociale",
            "numero de securite sociale",
            "sécurité sociale",
            "securite sociale",
            // The phrase's first words: after a value ("… is my numéro de sécurité sociale")
            // the whole phrase may run past the context window.
            "numéro de sécurité",
            "numero de securite",
            "numéro sécu",
            "sécu",
            "numéro insee",
            "carte vitale",
            "social security",
            "sozialversicherungsnummer",
            "seguridad social",
        ],
        context_boost: 0.1,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "fr-nif",
        entity: "FR_NIF",
        category: Category::Identifiers,
        countries: &["FR"],
        // Numéro fiscal de référence (SPI): thirteen digits starting 0–3, printed 2-2-3-3-3.
        pattern: r"\b[0-3][0-9]\ ?[0-9]{2}\ ?[0-9]{3}\ ?[0-9]{3}\ ?[0-9]{3}\b",
        validate: Some(fr_nif),
        checked_score: 0.6,
        context: words![
            "numéro fiscal",
            "numero fiscal",
            "numéro spi",
            "spi",
            "identifiant fiscal",
            "numéro d'identification fiscale",
            "nif",
            "tin",
            "tax id",
            "tax identification number",
            "steuernummer",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "be-national-number",
        entity: "BE_NATIONAL_NUMBER",
        category: Category::Identifiers,
        countries: &["BE"],
        // Rijksregisternummer / numéro de registre national: YY.MM.DD-SSS.CC.
        pattern: r"\b[0-9]{2}\.?[0-9]{2}\.?[0-9]{2}[\-\ ]?[0-9]{3}\.?[0-9]{2}\b",
        validate: Some(be_national_number),
        checked_score: 0.85,
        context: words![
            "rijksregisternummer",
            "rijksregister",
            "registre national",
            "numéro de registre national",
            "numéro national",
            "nationaal nummer",
            "insz",
            "niss",
            "national number",
            "national register number",
            "nationalregisternummer",
        ],
        context_boost: 0.1,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "nl-bsn",
        entity: "NL_BSN",
        category: Category::Identifiers,
        countries: &["NL"],
        // Plain, as the tax office prints it (`1234.56.782`), or in threes (`111 222 333`,
        // `111.222.333`) as people type it.
        pattern: r"\b(?:[0-9]{9}|[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{3}[\ .][0-9]{3}[\ .][0-9]{3})\b",
        validate: Some(nl_bsn),
        checked_score: 0.6,
        context: words![
            "bsn",
            "burgerservicenummer",
            "sofinummer",
            "sofi-nummer",
            "persoonsnummer",
            "citizen service number",
            "social security",
            "numéro de sécurité sociale",
            "sozialversicherungsnummer",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
];

/// NIR: sex 1/2 (3, 4, 7, 8 for temporary numbers), month 01–12 or 20–42 (unknown month),
/// key = 97 − (number mod 97) where Corsica's 2A and 2B count as 19 and 18.
fn fr_nir(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) || !one_separator_kind(v) {
        return Verdict::Reject;
    }
    let mut chars = [0u8; 15];
    let mut n = 0;
    for b in v.bytes().filter(u8::is_ascii_alphanumeric) {
        if n == 15 {
            return Verdict::Reject;
        }
        chars[n] = b.to_ascii_uppercase();
        n += 1;
    }
    if n != 15 {
        return Verdict::Reject;
    }
    let corsica = match chars[6] {
        b'A' => Some(b"19"),
        b'B' => Some(b"18"),
        _ => None,
    };
    let mut num = chars;
    if let Some(code) = corsica {
        num[5] = code[0];
        num[6] = code[1];
    }
    let mut d = [0u8; 15];
    for (o, b) in d.iter_mut().zip(num) {
        *o = b - b'0';
    }
    let month = two(&d, 3);
    if !matches!(month, 1..=12 | 20..=42) || (corsica.is_none() && two(&d, 5) == 0) {
        return Verdict::Reject;
    }
    let body = crate::digits_to_u64(&d[..13]);
    let key = 97 - body % 97;
    if key != u64::from(two(&d, 13)) {
        return Verdict::Reject;
    }
    // Measured: 0.24 % of random fifteen-digit numbers (IMEIs, card numbers) pass, so a plain
    // run needs a context word; the printed grouping does not.
    if n == v.len() {
        return Verdict::Weak;
    }
    Verdict::Checked("nir-mod97")
}

/// Numéro fiscal: the last three digits are the first ten modulo 511.
fn fr_nif(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 13)) = digits::<13>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) {
        return Verdict::Reject;
    }
    if crate::digits_to_u64(&d[..10]) % 511 != crate::digits_to_u64(&d[10..]) {
        return Verdict::Reject;
    }
    Verdict::Checked("nif-mod511")
}

/// Belgian national number: birth date YYMMDD (month +20 or +40 for bis numbers, day or month
/// 0 when unknown), serial, and 97 − (first nine digits mod 97); people born from 2000 on
/// have a 2 prefixed before the mod. Plain eleven digits need a context word.
fn be_national_number(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 11)) = digits::<11>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) {
        return Verdict::Reject;
    }
    let body = crate::digits_to_u64(&d[..9]);
    let key = u64::from(two(&d, 9));
    let century = if 97 - body % 97 == key {
        1900
    } else if 97 - (2_000_000_000 + body) % 97 == key {
        2000
    } else {
        return Verdict::Reject;
    };
    let (yy, mut month, day) = (two(&d, 0), two(&d, 2), two(&d, 4));
    if month > 40 {
        month -= 40;
    } else if month > 20 {
        month -= 20;
    }
    let known = month != 0 && day != 0;
    if month > 12 || day > 31 || (known && !crate::gregorian_date_ok(century + yy, month, day)) {
        return Verdict::Reject;
    }
    if !has_separator(v) {
        return Verdict::Weak;
    }
    Verdict::Checked("mod97")
}

/// A space and then a digit, read away from a value: another group of the same run.
fn space_then_digit(mut side: impl Iterator<Item = char>) -> bool {
    side.next() == Some(' ') && side.next().is_some_and(|ch| ch.is_ascii_digit())
}

/// BSN 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11.
fn nl_bsn(c: &Candidate<'_>) -> Verdict {
    let Some((d, 9)) = digits::<9>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) || !one_separator_kind(c.value()) {
        return Verdict::Reject;
    }
    // In threes with spaces, a group before or after makes it part of a longer run
    // (`111 222 333 444`).
    let v = c.value();
    if v.contains(' ')
        && (space_then_digit(c.preceding().chars().rev()) || space_then_digit(c.rest().chars()))
    {
        return Verdict::Reject;
    }
    if !crate::elfproef(&d) {
        return Verdict::Reject;
    }
    Verdict::Checked("elfproef")
}
