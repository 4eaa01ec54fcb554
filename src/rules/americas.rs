//! Identifiers of Brazil, Canada, Mexico, Argentina, Chile, Colombia and Peru.
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
        // In lower case too, one case throughout (the validator).
        pattern: r"(?xi)
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
    RuleDef {
        id: "mx-rfc",
        entity: "MX_RFC",
        category: Category::Identifiers,
        countries: &["MX"],
        // SAT's taxpayer register: four name letters (three for a company), the birth or
        // founding date YYMMDD, a two-character homoclave and the check character.
        // In lower case too (`mi rfc es gode561231gr8`), one case throughout.
        pattern: r"(?i)\b[A-Z&]{3,4}[0-9]{6}[A-Z0-9]{2}[0-9A]\b",
        validate: Some(mx_rfc),
        score: 0.5,
        checked_score: 0.85,
        context: words!["rfc", "registro federal de contribuyentes"],
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ar-cuit",
        entity: "AR_CUIT",
        category: Category::Identifiers,
        countries: &["AR"],
        // CUIT/CUIL: a type (20, 23, 24, 27 for people, 30, 33, 34 for companies), the DNI
        // and a mod-11 check digit, printed `20-12345678-6` (eleven bare digits are one more
        // number).
        pattern: r"\b(?:2[0347]|3[034])-[0-9]{8}-[0-9]\b",
        validate: Some(ar_cuit),
        score: 0.5,
        checked_score: 0.85,
        context: words!["cuit", "cuil",],
        context_boost: 0.35,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "cl-rut",
        entity: "CL_RUT",
        category: Category::Identifiers,
        countries: &["CL"],
        // RUT/RUN: the number and a mod-11 check character (`K` for 10), printed
        // `12.345.678-5` (without the dots it is one more digit-dash-digit shape).
        pattern: r"\b[0-9]{1,2}\.[0-9]{3}\.[0-9]{3}-[0-9Kk]\b",
        validate: Some(cl_rut),
        score: 0.5,
        checked_score: 0.85,
        context: words![
            "rut",
            "run",
            "rol único tributario",
            "rol único nacional",
            "cédula de identidad",
        ],
        context_boost: 0.35,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // A national identity number after its label in Spanish-speaking America, where none
    // carries a check digit: Argentina's DNI printed with dots (`30.123.456`), Peru's eight
    // digits, Colombia's cédula de ciudadanía (6–10 digits, often dotted: `1.234.567.890`).
    // One rule for the three (as `passport-other` for passports): the label is the evidence.
    RuleDef {
        id: "national-id-labelled",
        entity: "NATIONAL_ID",
        category: Category::Identifiers,
        countries: &["AR", "PE", "CO"],
        pattern: r"(?x)
            \b (?i: dni | d\.n\.i\.? | c (?: e | é ) dula )
            (?: \ (?i: no\.? | nro\.? | es ) )? [\ :.\#]{1,3}
            (?: [0-9]{1,3} (?: \.[0-9]{3} ){1,3} | [0-9]{6,10} ) (?: (?: - | \ -\ ) [0-9A-K] )? \b",
        validate: Some(labelled_digits),
        // The label is in the pattern: scored as a labelled value, no word list to search.
        score: 0.85,
        ..RuleDef::DEFAULT
    },
    // Peru's DNI with its check character and no label (`12345678-9`, `12345678 - K`):
    // the character is the evidence (one random value in eleven passes it, hence a modest
    // score that a label raises).
    RuleDef {
        id: "pe-dni",
        entity: "NATIONAL_ID",
        category: Category::Identifiers,
        countries: &["PE"],
        pattern: r"\b[0-9]{8}-[0-9A-K]\b|\b[0-9]{8}\ -\ [0-9A-K]\b",
        validate: Some(pe_dni),
        score: 0.5,
        checked_score: 0.6,
        context: words![
            "dni",
            "documento",
            "documento nacional de identidad",
            "reniec"
        ],
        context_boost: 0.25,
        contested: true,
        ..RuleDef::DEFAULT
    },
];

/// The value after its label (the last word of the match: its dots group digits): digits
/// not all the same, not glued to a longer number. A Peruvian DNI's check character after a
/// dash (`12345678-9`, `12345678 - K`) belongs to the value: checked when it verifies, kept
/// as printed when it is a digit that does not (the label is the evidence). A letter that
/// does not verify is Spain's DNI letter (the `es-nif` rule's), as before.
fn labelled_digits(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let suffix = pe_dni_suffix(v);
    let digits_end = suffix.map_or(v.len(), |(end, _)| end);
    let start = super::national::trailing_number(&v[..digits_end]);
    let digits = Candidate {
        text: c.text,
        start: c.start + start,
        end: c.start + digits_end,
    };
    let d = crate::digit_vec(digits.value());
    if d.is_empty() || d.iter().all(|&x| x == d[0]) {
        return Verdict::Reject;
    }
    // Only Peru's eight digits carry a check character; a digit after a dash is one when the
    // label says DNI, a letter only when it verifies (else it is Spain's, or a next word).
    // A letter right after the dash that is also Spain's check letter (`DNI 92741970-J`:
    // one Peruvian DNI in 23 or so) is Spain's DNI, the `es-nif` rule's.
    let glued_letter = v.as_bytes()[digits_end..].starts_with(b"-");
    let spanish = |ch: u8| {
        glued_letter
            && ch.is_ascii_alphabetic()
            && crate::dni_letter(crate::digits_to_u64(&d) as u32) == ch
    };
    let (value, check) = match suffix {
        Some((_, ch)) if d.len() == 8 && spanish(ch) => return Verdict::Reject,
        Some((_, ch)) if d.len() == 8 && pe_dni_check_ok(&d, ch) => (*c, Some("pe-dni-check")),
        Some((_, ch)) if d.len() == 8 && ch.is_ascii_digit() => (*c, None),
        _ => (digits, None),
    };
    // `DNI 12.345.678-Z`: Spain's DNI with its check letter (the `es-nif` rule's).
    let letter_after = match value.rest().as_bytes() {
        [b'-' | b' ', l, rest @ ..] => {
            l.is_ascii_alphabetic() && !rest.first().is_some_and(u8::is_ascii_alphanumeric)
        }
        _ => false,
    };
    let whole = Candidate {
        start: digits.start,
        ..value
    };
    if letter_after || glued_to_digits(&whole) {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end: value.end - c.start,
        check,
    }
}

/// Where the digits of `v` end and its check character, when `v` ends with a dash and one
/// character (`12345678-9`, `12345678 - K`) after a digit.
fn pe_dni_suffix(v: &str) -> Option<(usize, u8)> {
    let b = v.as_bytes();
    let (&check, rest) = b.split_last()?;
    let rest = rest.strip_suffix(b" ").unwrap_or(rest);
    let rest = rest.strip_suffix(b"-")?;
    let rest = rest.strip_suffix(b" ").unwrap_or(rest);
    rest.last()
        .is_some_and(u8::is_ascii_digit)
        .then_some((rest.len(), check))
}

/// RENIEC's check character of a DNI's eight digits: weights 3, 2, 7, 6, 5, 4, 3, 2, the sum
/// modulo 11 read in one of two tables, digits (`65432110987`) on current cards and letters
/// (`KJIHGFEDCBA`) on older ones.
fn pe_dni_check_ok(d: &[u8], check: u8) -> bool {
    let r = (crate::weighted_sum(d, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11) as usize;
    check == b"65432110987"[r] || check == b"KJIHGFEDCBA"[r]
}

/// A Peruvian DNI written with its check character and no label: the character must verify.
fn pe_dni(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((end, check)) = pe_dni_suffix(v) else {
        return Verdict::Reject;
    };
    let d = crate::digit_vec(&v[..end]);
    // Part of a longer token (`1.2-20050712-1`, a package's version), or a date with a
    // build number (`20050712-1`): one in eleven of those would pass the check.
    let in_token = c.before().is_some_and(|ch| "-._/+~:".contains(ch));
    let n = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    let dated =
        matches!(n(0), 19 | 20) && super::dates_places::valid_date(n(0) * 100 + n(2), n(4), n(6));
    if in_token
        || dated
        || glued_to_digits(c)
        || d.iter().all(|&x| x == d[0])
        || !pe_dni_check_ok(&d, check)
    {
        return Verdict::Reject;
    }
    Verdict::Checked("pe-dni-check")
}

/// The sum of RENAPO's character values (`0-9` 0–9, `A-N` 10–23, `O-Z` 25–36; SAT's RFC
/// adds `&` 24 and a space 37) weighted `first`, `first - 1`, ... from the left.
fn mx_weighted(chars: &[u8], first: u32) -> u32 {
    let mut sum = 0;
    for (i, &ch) in chars.iter().enumerate() {
        let v = match ch {
            b'0'..=b'9' => ch - b'0',
            b'A'..=b'N' => ch - b'A' + 10,
            b'&' => 24,
            b' ' => 37,
            _ => ch - b'A' + 11,
        };
        sum += u32::from(v) * (first - i as u32);
    }
    sum
}

/// Mod 11 with weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 (AFIP), `11 - sum mod 11` (11 → 0); a
/// remainder giving 10 is never issued (the type changes to 23 or 33 instead).
fn ar_cuit(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits(c, 11) else {
        return Verdict::Reject;
    };
    let sum = crate::weighted_sum(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (11 - sum % 11) % 11 != u32::from(d[10]) {
        return Verdict::Reject;
    }
    Verdict::Checked("cuit-mod11")
}

/// Mod 11 over the digits from the right, weighted 2 to 7 and again; `11 - sum mod 11`, 11
/// written `0` and 10 `K`.
fn cl_rut(c: &Candidate<'_>) -> Verdict {
    let v = c.value().as_bytes();
    if glued_to_digits(c) {
        return Verdict::Reject;
    }
    let body = &v[..v.len() - 2];
    let (mut sum, mut w) = (0, 2);
    for &b in body.iter().rev() {
        if b != b'.' {
            sum += u32::from(b - b'0') * w;
            w = if w == 7 { 2 } else { w + 1 };
        }
    }
    let check = match 11 - sum % 11 {
        11 => b'0',
        10 => b'K',
        r => b'0' + r as u8,
    };
    if check != v[v.len() - 1].to_ascii_uppercase() {
        return Verdict::Reject;
    }
    Verdict::Checked("rut-mod11")
}

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

/// SAT's check character: the first twelve characters (a company's eleven after a space,
/// worth 37) weighted 13 down to 2 (`mx_weighted`); `11 - sum mod 11`, 11 written `0` and 10
/// `A`. Plus a real date.
fn mx_rfc(c: &Candidate<'_>) -> Verdict {
    let Some(upper) = one_case_upper(c.value()) else {
        return Verdict::Reject;
    };
    let v = upper.as_bytes();
    let n = v.len();
    let sum = if n == 12 {
        37 * 13 + mx_weighted(&v[..11], 12)
    } else {
        mx_weighted(&v[..12], 13)
    };
    let check = match 11 - sum % 11 {
        11 => b'0',
        10 => b'A',
        r => b'0' + r as u8,
    };
    let d = |i: usize| u32::from(v[n - 9 + i] - b'0') * 10 + u32::from(v[n - 8 + i] - b'0');
    let year = super::national::year_from_yy(d(0));
    if check != v[n - 1] || !super::dates_places::valid_date(year, d(2), d(4)) {
        return Verdict::Reject;
    }
    Verdict::Checked("rfc-check-character")
}

/// `v` in upper case when its letters are all of one case (as printed, or as typed in a
/// chat); `None` for mixed case, which is a word or an identifier in code more often.
fn one_case_upper(v: &str) -> Option<String> {
    let letters = || v.bytes().filter(u8::is_ascii_alphabetic);
    let lower = letters().all(|b| b.is_ascii_lowercase());
    (lower || letters().all(|b| b.is_ascii_uppercase())).then(|| v.to_ascii_uppercase())
}

/// RENAPO's check digit: characters weighted 18 down to 2 over the alphabet `0-9A-NÑO-Z`
/// (so letters after N shift by one), `(10 - sum mod 10) mod 10`; plus a real birth date.
fn mx_curp(c: &Candidate<'_>) -> Verdict {
    let Some(upper) = one_case_upper(c.value()) else {
        return Verdict::Reject;
    };
    let b = upper.as_bytes();
    let sum = mx_weighted(&b[..17], 18);
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
