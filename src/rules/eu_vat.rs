//! VAT identification numbers of EU member states, with the country prefix, each verified with
//! its national check.

use super::es_it_pt_gr::{it_vat_digits, pt_nif_digits};
use super::national::{digits, glued};
use super::pl_cz_ro::pl_nip_digits;
use super::uk_ie::ppsn_letter;
use super::{Candidate, Category, RuleDef, Verdict};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[RuleDef {
    id: "eu-vat",
    entity: "EU_VAT",
    category: Category::Identifiers,
    countries: &[
        "AT", "BE", "CZ", "DE", "DK", "GR", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LU", "NL",
        "PL", "PT", "RO", "SE", "SI", "SK",
    ],
    pattern: r"(?x)
        \b (?: AT|BE|CZ|DE|DK|EL|ES|FI|FR|HR|HU|IE|IT|LU|NL|PL|PT|RO|SE|SI|SK )
        [\ \-]? [0-9A-Z]{8,12} \b",
    validate: Some(eu_vat),
    checked_score: 0.9,
    context: words![
        "vat",
        "vat number",
        "vat id",
        "vat no",
        "vat reg",
        "ust-idnr",
        "ust-id",
        "ust.-id",
        "umsatzsteuer-identifikationsnummer",
        "tva",
        "numéro de tva",
        "n° tva",
        "iva",
        "partita iva",
        "nif-iva",
        "btw",
        "btw-nummer",
        "btw-id",
        "nip",
        "nip ue",
        "moms",
        "momsregistreringsnummer",
        "alv",
        "dič",
    ],
    context_boost: 0.1,
    ..RuleDef::DEFAULT
}];

fn eu_vat(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if glued(c) {
        return Verdict::Reject;
    }
    let cc = &v[..2];
    let rest = v[2..].trim_start_matches([' ', '-']);
    let ok = match cc {
        "AT" => vat_at(rest),
        "BE" => num(rest, 10, |d| {
            d[0] <= 1 && 97 - crate::digits_to_u64(&d[..8]) % 97 == crate::digits_to_u64(&d[8..])
        }),
        "CZ" => vat_cz(rest),
        "DE" => num(rest, 9, |d| d[0] != 0 && crate::iso7064_mod11_10(d)),
        "DK" => num(rest, 8, |d| {
            d[0] != 0 && crate::weighted_sum(d, &[2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0
        }),
        "EL" => num(rest, 9, |d| {
            let s = crate::weighted_sum(&d[..8], &[256, 128, 64, 32, 16, 8, 4, 2]);
            (s % 11) % 10 == u32::from(d[8])
        }),
        "ES" => vat_es(rest),
        "FI" => num(rest, 8, |d| {
            let r = crate::weighted_sum(&d[..7], &[7, 9, 10, 5, 8, 4, 2]) % 11;
            r != 1 && (11 - r) % 11 == u32::from(d[7])
        }),
        "FR" => vat_fr(rest),
        "HR" => num(rest, 11, crate::iso7064_mod11_10),
        "HU" => num(rest, 8, |d| {
            let s = crate::weighted_sum(&d[..7], &[9, 7, 3, 1, 9, 7, 3]);
            (10 - s % 10) % 10 == u32::from(d[7])
        }),
        "IE" => vat_ie(rest),
        "IT" => num(rest, 11, it_vat_digits),
        "LU" => num(rest, 8, |d| {
            crate::digits_to_u64(&d[..6]) % 89 == crate::digits_to_u64(&d[6..])
        }),
        "NL" => vat_nl(rest),
        "PL" => num(rest, 10, pl_nip_digits),
        "PT" => num(rest, 9, pt_nif_digits),
        "RO" => num(rest, 10, vat_ro)
            .or_else(|| num(rest, 9, vat_ro))
            .or_else(|| num(rest, 8, vat_ro)),
        "SE" => num(rest, 12, |d| {
            d[10] == 0 && d[11] == 1 && crate::luhn_digits(&d[..10])
        }),
        "SI" => num(rest, 8, |d| {
            let r = crate::weighted_sum(&d[..7], &[8, 7, 6, 5, 4, 3, 2]) % 11;
            d[0] != 0 && r != 0 && (11 - r) % 10 == u32::from(d[7])
        }),
        "SK" => num(rest, 10, |d| {
            d[0] != 0 && matches!(d[2], 2 | 3 | 4 | 7 | 8 | 9) && crate::digits_to_u64(d) % 11 == 0
        }),
        _ => None,
    };
    match ok {
        Some(true) => Verdict::Checked("vat-checksum"),
        _ => Verdict::Reject,
    }
}

/// `Some(check(digits))` when `s` is exactly `len` digits, `None` otherwise.
fn num(s: &str, len: usize, check: impl Fn(&[u8]) -> bool) -> Option<bool> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (d, _) = digits::<12>(s)?;
    Some(check(&d[..len]))
}

/// Austria: `U` and eight digits; weights 1,2,1,2,1,2,1 with digit sums of the doubled
/// products, check = (10 − (sum + 4) mod 10) mod 10.
fn vat_at(s: &str) -> Option<bool> {
    let body = s.strip_prefix('U')?;
    num(body, 8, |d| {
        let sum: u32 = d[..7]
            .iter()
            .enumerate()
            .map(|(i, &x)| {
                let p = u32::from(x) * if i % 2 == 1 { 2 } else { 1 };
                p / 10 + p % 10
            })
            .sum();
        (10 - (sum + 4) % 10) % 10 == u32::from(d[7])
    })
}

/// Czechia: eight digits for legal entities (weights 8..2, check = (11 − r) mod 10 with r = 0
/// giving 1), or a ten-digit birth number divisible by 11.
fn vat_cz(s: &str) -> Option<bool> {
    num(s, 8, |d| {
        let r = crate::weighted_sum(&d[..7], &[8, 7, 6, 5, 4, 3, 2]) % 11;
        let check = if r == 0 { 1 } else { (11 - r) % 10 };
        d[0] != 9 && check == u32::from(d[7])
    })
    .or_else(|| num(s, 10, |d| crate::digits_to_u64(d) % 11 == 0))
}

/// Spain: a DNI (8 digits + letter), an NIE or K/L/M number (letter + 7 digits + letter) or a
/// company CIF (letter + 7 digits + control digit or letter).
fn vat_es(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    if b.len() != 9 || !b[1..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (first, last) = (b[0], b[8]);
    let seven = crate::digits_to_u64(&crate::digit_vec(&s[1..8])) as u32;
    Some(match first {
        b'0'..=b'9' => {
            let n = crate::digits_to_u64(&crate::digit_vec(&s[..8])) as u32;
            crate::dni_letter(n) == last
        }
        b'X' | b'Y' | b'Z' => {
            crate::dni_letter(u32::from(first - b'X') * 10_000_000 + seven) == last
        }
        b'K' | b'L' | b'M' => crate::dni_letter(seven) == last,
        b'A'..=b'H' | b'J' | b'N' | b'P' | b'Q' | b'R' | b'S' | b'U' | b'V' | b'W' => {
            let d = crate::digit_vec(&s[1..8]);
            let sum: u32 = d
                .iter()
                .enumerate()
                .map(|(i, &x)| {
                    if i % 2 == 0 {
                        let p = u32::from(x) * 2;
                        p / 10 + p % 10
                    } else {
                        u32::from(x)
                    }
                })
                .sum();
            let control = (10 - sum % 10) % 10;
            last == b'0' + control as u8 || last == b"JABCDEFGHI"[control as usize]
        }
        _ => false,
    })
}

/// France: a two-digit key (12 + 3 × (SIREN mod 97)) mod 97 before the nine-digit SIREN,
/// which is itself Luhn-valid.
fn vat_fr(s: &str) -> Option<bool> {
    num(s, 11, |d| {
        let siren = crate::digits_to_u64(&d[2..]);
        let key = crate::digits_to_u64(&d[..2]);
        key == (12 + 3 * (siren % 97)) % 97 && crate::luhn_digits(&d[2..])
    })
}

/// Ireland (format since 2013): seven digits, check letter, optional second letter; the same
/// mod-23 scheme as the PPS number.
fn vat_ie(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    if !(8..=9).contains(&b.len()) || !b[..7].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let d = crate::digit_vec(&s[..7]);
    let second = match b.get(8) {
        None | Some(b'W') => 0,
        Some(&x @ b'A'..=b'I') => u32::from(x - b'A') + 1,
        _ => return Some(false),
    };
    let sum = crate::weighted_sum(&d, &[8, 7, 6, 5, 4, 3, 2]) + 9 * second;
    Some(ppsn_letter(sum % 23) == b[7])
}

/// Netherlands: nine digits, `B`, two digits; the digits pass the weighted mod-11 check
/// (legal entities) or the whole `NL…` string passes ISO 7064 mod 97-10 (sole traders since
/// 2020).
fn vat_nl(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    if b.len() != 12 || b[9] != b'B' {
        return None;
    }
    let d = crate::digit_vec(&s[..9]);
    if d.len() != 9 || !b[10..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let r = crate::weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    let mod11 = r != 10 && r == u32::from(d[8]);
    let full = b"NL".iter().chain(b).copied();
    let mod97 = crate::mod97_of(full) == Some(1);
    Some(mod11 || mod97)
}

/// Romania: up to ten digits, right-aligned under the weights 7,5,3,2,1,7,5,3,2; check =
/// (10 × sum mod 11) mod 10.
fn vat_ro(d: &[u8]) -> bool {
    let weights = [7u32, 5, 3, 2, 1, 7, 5, 3, 2];
    let body = &d[..d.len() - 1];
    let w = &weights[weights.len() - body.len()..];
    let sum = crate::weighted_sum(body, w);
    d[0] != 0 && (sum * 10 % 11) % 10 == u32::from(d[d.len() - 1])
}
