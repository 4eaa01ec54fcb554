//! Spain, Italy, Portugal and Greece: DNI/NIF and NIE, codice fiscale and partita IVA, NIF and
//! Cartão de Cidadão, AMKA.

use super::national::{all_same, digits, glued, one_separator_kind, two};
use super::{Candidate, Category, RuleDef, Verdict, Words};

const ES_CONTEXT: Words = words![
    "dni",
    "nif",
    "nie",
    "documento nacional de identidad",
    "número de identidad",
    "número de identificación fiscal",
    "número de identidad de extranjero",
    "tarjeta de residencia",
    "identificación",
    "id number",
    "identity card",
    "tax id",
    "personalausweis",
    "carte d'identité",
];

const VAT_CONTEXT: Words = words![
    "partita iva",
    "p.iva",
    "p. iva",
    "piva",
    "p.i.",
    "iva",
    "vat",
    "vat number",
    "vat no",
    "ust-idnr",
    "umsatzsteuer",
    "tva",
    "numéro de tva",
    "btw",
    "btw-nummer",
    "nip",
    "número de iva",
];

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "es-nif",
        entity: "ES_NIF",
        category: Category::Identifiers,
        countries: &["ES"],
        // Also with the dots of the printed card (`12.345.678-Z`), and the letter typed in
        // lower case (`mi dni es 12345678z`).
        pattern: r"\b(?:[0-9]{8}|[0-9]{2}\.[0-9]{3}\.[0-9]{3})-?[A-Za-z]\b",
        validate: Some(es_nif),
        checked_score: 0.8,
        context: ES_CONTEXT,
        context_boost: 0.15,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "es-nie",
        entity: "ES_NIE",
        category: Category::Identifiers,
        countries: &["ES"],
        pattern: r"\b[XYZxyz]-?[0-9]{7}-?[A-Za-z]\b",
        validate: Some(es_nie),
        checked_score: 0.85,
        context: ES_CONTEXT,
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "it-fiscal-code",
        entity: "IT_FISCAL_CODE",
        category: Category::Identifiers,
        countries: &["IT"],
        // Surname and name letters, year, month letter, day (+40 for women), Belfiore place
        // code, check letter. Digits may be replaced by L M N P Q R S T U V (omocodia). Typed
        // in lower case too (`rssmra85t10a562s`); the validator takes one case only.
        pattern: r"(?xi)
            \b [A-Z]{6} [0-9LMNP-V]{2} [ABCDEHLMPRST] [0-9LMNP-V]{2} [A-Z] [0-9LMNP-V]{3} [A-Z] \b",
        validate: Some(it_fiscal_code),
        checked_score: 0.9,
        context: words![
            "codice fiscale",
            "cod. fisc.",
            "c.f.",
            "cf",
            "tessera sanitaria",
            "fiscal code",
            "tax code",
            "steuernummer",
            "code fiscal",
        ],
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "it-vat-code",
        entity: "IT_VAT_CODE",
        category: Category::Identifiers,
        countries: &["IT"],
        pattern: r"\b[0-9]{11}\b",
        validate: Some(it_vat_code),
        checked_score: 0.6,
        context: VAT_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "pt-nif",
        entity: "PT_NIF",
        category: Category::Identifiers,
        countries: &["PT"],
        pattern: r"\b[1-35-9][0-9]{2}\ ?[0-9]{3}\ ?[0-9]{3}\b",
        validate: Some(pt_nif),
        checked_score: 0.6,
        context: words![
            "nif",
            "contribuinte",
            "número de contribuinte",
            "numero de contribuinte",
            "nº contribuinte",
            "número de identificação fiscal",
            "nipc",
            "tax id",
            "tin",
            "steuernummer",
            "numéro fiscal",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "pt-cc",
        entity: "PT_CC",
        category: Category::Identifiers,
        countries: &["PT"],
        // Cartão de Cidadão document number: civil id (8 digits), its check digit, version
        // (two characters) and a check over everything.
        pattern: r"\b[0-9]{8}\ ?[0-9]\ ?[A-Z0-9]{2}[0-9]\b",
        validate: Some(pt_cc),
        checked_score: 0.85,
        context: words![
            "cartão de cidadão",
            "cartao de cidadao",
            "cc",
            "número do documento",
            "bilhete de identidade",
            "citizen card",
            "id card",
            "identity card",
        ],
        context_boost: 0.1,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "gr-amka",
        entity: "GR_AMKA",
        category: Category::Identifiers,
        countries: &["GR"],
        // Birth date DDMMYY, four digits, Luhn digit.
        pattern: r"\b[0-3][0-9][01][0-9]{8}\b",
        validate: Some(gr_amka),
        checked_score: 0.6,
        context: words![
            "amka",
            "αμκα",
            "α.μ.κ.α.",
            "αριθμός μητρώου κοινωνικής ασφάλισης",
            "social security",
            "social security number",
            "sozialversicherungsnummer",
            "numéro de sécurité sociale",
            "seguridad social",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
];

fn es_nif(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 8)) = digits::<8>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || (all_same(&d) && d[0] == 0) {
        return Verdict::Reject;
    }
    let n = crate::digits_to_u64(&d) as u32;
    if crate::dni_letter(n) != v.as_bytes()[v.len() - 1].to_ascii_uppercase() {
        return Verdict::Reject;
    }
    Verdict::Checked("dni-mod23")
}

fn es_nie(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 7)) = digits::<7>(v) else {
        return Verdict::Reject;
    };
    let (first, last) = (v.as_bytes()[0], v.as_bytes()[v.len() - 1]);
    // One case for both letters (`x1234567l` as typed in a chat, or as printed).
    if glued(c) || !one_separator_kind(v) || first.is_ascii_lowercase() != last.is_ascii_lowercase()
    {
        return Verdict::Reject;
    }
    let prefix = u32::from(first.to_ascii_uppercase() - b'X');
    let n = prefix * 10_000_000 + crate::digits_to_u64(&d) as u32;
    if crate::dni_letter(n) != last.to_ascii_uppercase() {
        return Verdict::Reject;
    }
    Verdict::Checked("nie-mod23")
}

/// Values of the odd-position characters (1st, 3rd, ...) in the codice fiscale check, for
/// `0`–`9` and `A`–`Z` alike (a digit counts as the letter at the same index).
const CF_ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// The digit an omocodia letter stands for (L=0 … V=9), or the digit itself.
fn omocode(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        _ => b"LMNPQRSTUV".iter().position(|&x| x == b).map(|p| p as u32),
    }
}

/// Codice fiscale: date of birth (day + 40 for women) must exist, the check letter is the sum
/// of the odd-position values (table) and even-position values (A/0 = 0 …) mod 26.
pub(crate) fn it_fiscal_code(c: &Candidate<'_>) -> Verdict {
    let typed = c.value().as_bytes();
    let Ok(mut v) = <[u8; 16]>::try_from(typed) else {
        return Verdict::Reject;
    };
    // One case throughout. In lower case only with real digits: sixteen letters of this
    // shape are a word as often as a code, and the check letter passes one time in 26.
    let lower = typed[0].is_ascii_lowercase();
    if glued(c)
        || typed
            .iter()
            .any(|b| b.is_ascii_alphabetic() && b.is_ascii_lowercase() != lower)
        || (lower
            && [6, 7, 9, 10, 12, 13, 14]
                .iter()
                .any(|&i| !typed[i].is_ascii_digit()))
    {
        return Verdict::Reject;
    }
    v.make_ascii_uppercase();
    let num = |i: usize| -> Option<u32> { Some(omocode(v[i])? * 10 + omocode(v[i + 1])?) };
    let (Some(yy), Some(mut day)) = (num(6), num(9)) else {
        return Verdict::Reject;
    };
    let month = b"ABCDEHLMPRST".iter().position(|&x| x == v[8]).unwrap_or(0) as u32 + 1;
    if day > 40 {
        day -= 40;
    }
    if !crate::gregorian_date_ok(1900 + yy, month, day)
        && !crate::gregorian_date_ok(2000 + yy, month, day)
    {
        return Verdict::Reject;
    }
    let value = |b: u8| -> usize {
        if b.is_ascii_digit() {
            usize::from(b - b'0')
        } else {
            usize::from(b - b'A')
        }
    };
    let sum: u32 = v[..15]
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if i % 2 == 0 {
                CF_ODD[value(b)]
            } else {
                value(b) as u32
            }
        })
        .sum();
    if b'A' + (sum % 26) as u8 != v[15] {
        return Verdict::Reject;
    }
    Verdict::Checked("cf-check")
}

/// Partita IVA: seven-digit company number, a provincial office code (001–100, 120, 121, 888,
/// 999) and a Luhn digit.
pub(crate) fn it_vat_digits(d: &[u8]) -> bool {
    if d.len() != 11 || all_same(d) {
        return false;
    }
    let office = u32::from(d[7]) * 100 + two(d, 8);
    if !matches!(office, 1..=100 | 120 | 121 | 888 | 999) {
        return false;
    }
    crate::luhn_digits(d)
}

fn it_vat_code(c: &Candidate<'_>) -> Verdict {
    let Some((d, 11)) = digits::<11>(c.value()) else {
        return Verdict::Reject;
    };
    if glued(c) || !it_vat_digits(&d) {
        return Verdict::Reject;
    }
    Verdict::Checked("luhn")
}

/// Portuguese NIF: weights 9..2, check = 11 − (sum mod 11), 10 and 11 becoming 0.
pub(crate) fn pt_nif_digits(d: &[u8]) -> bool {
    if d.len() != 9 || all_same(d) {
        return false;
    }
    let sum = crate::weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]);
    let check = match 11 - sum % 11 {
        10 | 11 => 0,
        k => k,
    };
    check == u32::from(d[8])
}

fn pt_nif(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 9)) = digits::<9>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || !pt_nif_digits(&d) {
        return Verdict::Reject;
    }
    // A leading 4 is used only for the 45 range (non-residents); the pattern excludes it.
    Verdict::Checked("nif-mod11")
}

/// Cartão de Cidadão: Luhn over the twelve characters with letters worth 10–35. A version
/// made of digits leaves twelve plain digits, too common for a one-in-ten check.
fn pt_cc(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) || !crate::luhn_alnum(v) {
        return Verdict::Reject;
    }
    let spaces = v.bytes().filter(|&b| b == b' ').count();
    if spaces == 1 {
        return Verdict::Reject;
    }
    let letters = v.bytes().any(|b| b.is_ascii_uppercase());
    if !letters {
        return Verdict::Weak;
    }
    Verdict::Checked("cc-luhn")
}

/// AMKA: the first six digits are the birth date DDMMYY; Luhn over all eleven.
fn gr_amka(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((d, 11)) = digits::<11>(v) else {
        return Verdict::Reject;
    };
    if glued(c) || all_same(&d) {
        return Verdict::Reject;
    }
    let (day, month, yy) = (two(&d, 0), two(&d, 2), two(&d, 4));
    if !crate::gregorian_date_ok(1900 + yy, month, day)
        && !crate::gregorian_date_ok(2000 + yy, month, day)
    {
        return Verdict::Reject;
    }
    if !crate::luhn_digits(&d) {
        return Verdict::Reject;
    }
    Verdict::Checked("luhn")
}
