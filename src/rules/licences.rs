//! Driving licence numbers of European states (and Portuguese-speaking Brazil) after their
//! label in the state's language: `Führerscheinnummer`, `permis de conduire`, `permiso de
//! conducir`, `patente`, `rijbewijs`, `prawo jazdy`. No state publishes a check algorithm for
//! these numbers (Spain's is the holder's DNI/NIE, whose letter is checked), so the label is
//! what makes a short code a licence: the value's shape is read per language in the validator,
//! from the issuing states' published formats, and one wide value pattern keeps the automaton
//! small.

use super::national::{all_same, digits, glued, labelled_value};
use super::{Candidate, Category, RuleDef, Verdict};

/// Every rule of this family.
pub(crate) static RULES: &[RuleDef] = &[RuleDef {
    id: "driver-license",
    entity: "DRIVER_LICENSE",
    category: Category::Identifiers,
    countries: &["DE", "AT", "FR", "BE", "ES", "IT", "NL", "PL", "PT", "BR"],
    // A label that starts after an accented letter ("Führerschein") is matched from its
    // ASCII tail, which `\b` allows after a non-ASCII byte.
    pattern: r"(?x)
        \b (?i:
            (?: fu e? )? hrerschein (?: nummer )?
          | permis\ de\ conduire | num (?: e | é ) ro\ de\ permis
          | (?: licencia | permiso | carn (?: e | é | et ) ) \ de\ (?: conducir | manejo )
          | patente (?: \ di\ guida )?
          | rijbewijs (?: nummer )?
          | praw [oa] \ jazdy
          | carteira\ de\ motorista | carta\ de\ condu (?: ção | cao ) )
        [\ :.\#'\x22(]{1,4} (?: (?: is | ist | est | es | è | jest | to ) [\ :]{1,2} )?
        [A-Za-z0-9] [A-Za-z0-9/\-]{5,15} [A-Za-z0-9] \b",
    validate: Some(driver_license),
    score: 0.5,
    context: words![
        "führerscheinnummer",
        "führerschein",
        "fuhrerscheinnummer",
        "fuhrerschein",
        "fuehrerscheinnummer",
        "fuehrerschein",
        "permis de conduire",
        "numéro de permis",
        "numero de permis",
        "licencia de conducir",
        "licencia de manejo",
        "permiso de conducir",
        "carné de conducir",
        "carne de conducir",
        "carnet de conducir",
        "patente di guida",
        "patente",
        "rijbewijsnummer",
        "rijbewijs",
        "prawo jazdy",
        "prawa jazdy",
        "carta de condução",
        "carta de conducao",
        "carteira de motorista",
    ],
    context_boost: 0.35,
    needs_context: true,
    ..RuleDef::DEFAULT
}];

/// The language of the label at the start of the match picks the formats read.
fn driver_license(c: &Candidate<'_>) -> Verdict {
    let label = c.value().as_bytes();
    let has = |word: &[u8]| {
        label
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    let inner: fn(&Candidate<'_>) -> Verdict = if has(b"hrerschein") {
        german
    } else if has(b"permis") && !has(b"permiso") {
        french
    } else if has(b"conducir") || has(b"manejo") {
        spanish
    } else if has(b"patente") {
        italian
    } else if has(b"rijbewijs") {
        dutch
    } else if has(b"jazdy") {
        polish
    } else {
        other
    };
    labelled_value(c, inner)
}

/// The value as bytes when it stands on its own (not glued to a longer token).
fn own<'t>(c: &Candidate<'t>) -> Option<&'t [u8]> {
    (!glued(c)).then(|| c.value().as_bytes())
}

/// Germany (Anlage 8 FeV): eleven letters and digits, the authority's code, a serial, a
/// check character and the issue count (`B072RRE2I55`).
fn german(c: &Candidate<'_>) -> Verdict {
    let Some(v) = own(c) else {
        return Verdict::Reject;
    };
    if v.len() == 11
        && v.iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && v.iter().any(u8::is_ascii_digit)
    {
        return Verdict::Weak;
    }
    other(c)
}

/// France: twelve digits (year, month, département, serial) on the pink paper licence
/// (Corsica's départements `2A`/`2B`), or two digits, two letters and five digits on the
/// card issued since 2013.
fn french(c: &Candidate<'_>) -> Verdict {
    let Some(v) = own(c) else {
        return Verdict::Reject;
    };
    let d = |r: std::ops::Range<usize>| v[r].iter().all(u8::is_ascii_digit);
    let up = |r: std::ops::Range<usize>| v[r].iter().all(u8::is_ascii_uppercase);
    let paper = v.len() == 12
        && d(0..4)
        && (d(4..6) || (v[4] == b'2' && matches!(v[5], b'A' | b'B')))
        && d(6..12)
        && matches!((v[2], v[3]), (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2'));
    let card = v.len() == 9 && d(0..2) && up(2..4) && d(4..9);
    if paper || card {
        return Verdict::Weak;
    }
    other(c)
}

/// Spain: the licence number is the holder's DNI (eight digits and a letter) or NIE (X, Y
/// or Z, seven digits and a letter), the letter the number modulo 23.
fn spanish(c: &Candidate<'_>) -> Verdict {
    let Some(v) = own(c) else {
        return Verdict::Reject;
    };
    if v.len() == 9 && v[8].is_ascii_uppercase() {
        let lead = match v[0] {
            b'X' => Some(0),
            b'Y' => Some(1),
            b'Z' => Some(2),
            b'0'..=b'9' => Some(u32::from(v[0] - b'0')),
            _ => None,
        };
        if let (Some(lead), true) = (lead, v[1..8].iter().all(u8::is_ascii_digit)) {
            let n = v[1..8]
                .iter()
                .fold(lead, |acc, &b| acc * 10 + u32::from(b - b'0'));
            if crate::dni_letter(n) == v[8] {
                return Verdict::Checked("dni-letter");
            }
            return Verdict::Reject;
        }
    }
    other(c)
}

/// Italy: the province and seven digits and a letter on older licences (`MI1234567H`), a
/// letter, `A` or `V`, seven digits and a letter, or `U1` and eight letters and digits on the
/// cards the Motorizzazione issues.
fn italian(c: &Candidate<'_>) -> Verdict {
    let Some(v) = own(c) else {
        return Verdict::Reject;
    };
    let alnum = v
        .iter()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let older = v.len() == 10
        && v[..2].iter().all(u8::is_ascii_uppercase)
        && v[2..9].iter().all(u8::is_ascii_digit)
        && v[9].is_ascii_uppercase();
    let card =
        v.len() == 10 && v.starts_with(b"U1") && alnum && v[2..].iter().any(u8::is_ascii_digit);
    if older || card {
        return Verdict::Weak;
    }
    other(c)
}

/// The Netherlands: the document number, ten digits.
fn dutch(c: &Candidate<'_>) -> Verdict {
    match own(c) {
        Some(v) if v.len() == 10 && v.iter().all(u8::is_ascii_digit) => Verdict::Weak,
        Some(_) => other(c),
        None => Verdict::Reject,
    }
}

/// Poland: the issuing office's five digits, the year's two and a four- or seven-digit
/// serial, parted by slashes (`01234/12/1234`).
fn polish(c: &Candidate<'_>) -> Verdict {
    let Some(v) = own(c) else {
        return Verdict::Reject;
    };
    let parts: Vec<&[u8]> = v.split(|&b| b == b'/').collect();
    let all_digits = parts.iter().all(|p| p.iter().all(u8::is_ascii_digit));
    if all_digits
        && matches!(parts[..], [a, b, c] if a.len() == 5 && b.len() == 2 && matches!(c.len(), 4 | 7))
    {
        return Verdict::Weak;
    }
    other(c)
}

/// Shapes common to many states (and to every label): one or two letters and digits, or
/// digits alone, with dashes at most: what the US rule reads after an English label.
fn other(c: &Candidate<'_>) -> Verdict {
    let v = c.value().as_bytes();
    if glued(c) || v.contains(&b'/') {
        return Verdict::Reject;
    }
    let letters = v.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let rest = &v[letters..];
    if !rest.iter().all(|&b| b.is_ascii_digit() || b == b'-') || rest.ends_with(b"-") {
        return Verdict::Reject;
    }
    let Some((d, n)) = digits::<16>(c.value()) else {
        return Verdict::Reject;
    };
    let ok = match letters {
        0 => (7..=13).contains(&n),
        1 => (4..=14).contains(&n),
        2 => (3..=7).contains(&n),
        _ => false,
    };
    if !ok || all_same(&d[..n]) {
        return Verdict::Reject;
    }
    Verdict::Weak
}
