//! Travel documents: national passport numbers (shape only, so a context word is required) and
//! ICAO 9303 machine-readable zones, whose check digits are all verified.

use super::{Candidate, Category, RuleDef, Verdict, Words};
use crate::icao9303_check_digit;

const PASSPORT_CONTEXT: Words = words![
    "passport",
    "passport no",
    "passport number",
    "passport #",
    "travel document",
    "reisepass",
    "pass",
    "passnummer",
    "reisepassnummer",
    "passeport",
    "numéro de passeport",
    "pasaporte",
    "número de pasaporte",
    "passaporto",
    "numero di passaporto",
    "paspoort",
    "paspoortnummer",
    "paszport",
    "paszportu",
    "numer paszportu",
    "passaporte",
    "número do passaporte",
];

/// A national passport-number rule: shape and context only (none of these numbers carries a
/// check digit outside the MRZ).
const fn passport(
    id: &'static str,
    entity: &'static str,
    country: &'static [&'static str],
    pattern: &'static str,
) -> RuleDef {
    RuleDef {
        id,
        entity,
        category: Category::Identifiers,
        countries: country,
        pattern,
        validate: Some(passport_number),
        score: 0.5,
        checked_score: 0.5,
        context: PASSPORT_CONTEXT,
        context_boost: 0.35,
        anti_context: words![],
        needs_context: true,
        ..RuleDef::DEFAULT
    }
}

/// Every rule of this family, in priority order. Where two countries share a shape (two
/// letters and seven digits), the earlier rule names the value unless country selection
/// leaves it out.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "passport-mrz",
        entity: "PASSPORT_MRZ",
        category: Category::Identifiers,
        // The document code and the issuing state; [`mrz_rows`] reads the rows of TD3
        // (passports, 2×44), TD2 (2×36) or TD1 (ID cards, 3×30). Held here, the rows' counted
        // runs kept threads alive through every run of capitals and digits of a text, 15% of
        // the lazy DFA's states on varied text (docs/benchmarks.md, "Round 16 (dfa17)").
        pattern: r"[ACIP][A-Z<][A-Z<]{3}",
        validate: Some(mrz),
        score: 0.5,
        checked_score: 0.95,
        context: words![
            "mrz",
            "machine readable",
            "passport",
            "reisepass",
            "passeport",
        ],
        context_boost: 0.05,
        ..RuleDef::DEFAULT
    },
    passport(
        "in-passport",
        "IN_PASSPORT",
        &["IN"],
        r"\b[A-Z][1-9][0-9]{5}[1-9]\b",
    ),
    passport(
        "fr-passport",
        "FR_PASSPORT",
        &["FR"],
        r"\b[0-9]{2}[A-Z]{2}[0-9]{5}\b",
    ),
    passport(
        "es-passport",
        "ES_PASSPORT",
        &["ES"],
        r"\b[A-Z]{3}[0-9]{6}\b",
    ),
    passport(
        "it-passport",
        "IT_PASSPORT",
        &["IT"],
        r"\b[A-Z]{2}[0-9]{7}\b",
    ),
    passport(
        "nl-passport",
        "NL_PASSPORT",
        &["NL"],
        r"\b[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]\b",
    ),
    passport(
        "ca-passport",
        "CA_PASSPORT",
        &["CA"],
        r"\b[A-Z]{2}[0-9]{6}\b",
    ),
    passport(
        "au-passport",
        "AU_PASSPORT",
        &["AU"],
        r"\b[A-Z]{1,2}[0-9]{7}\b",
    ),
    // Any other country's passport next to its label ("passport no: L898902C3", the ICAO
    // 9303 specimen): six to nine capital letters and digits, two digits at least. Last of
    // the family, so a national rule names a shape it knows.
    passport(
        "passport-other",
        "PASSPORT_NUMBER",
        &[],
        r"\b(?:[A-Z]{1,7}[0-9]{2}[A-Z0-9]{0,6}|[0-9]{2}[A-Z0-9]{4,7})\b",
    ),
];

fn passport_number(c: &Candidate<'_>) -> Verdict {
    let d = crate::digit_vec(c.value());
    // Passport numbers are six to nine characters (`passport-other` matches longer runs).
    if !(6..=9).contains(&c.value().len())
        || d.iter().all(|&x| x == d[0])
        || super::de_at_ch::german_passport(c.preceding(), c.value())
    {
        return Verdict::Reject;
    }
    Verdict::Plausible
}

/// True when `check` is the ICAO check digit of `field`. An all-filler field may also carry
/// `<` as its check digit (optional data left empty).
fn check_ok(field: &str, check: u8) -> bool {
    if check == b'<' {
        return field.bytes().all(|b| b == b'<');
    }
    check.is_ascii_digit() && icao9303_check_digit(field) == Some(check - b'0')
}

/// YYMMDD with a real month and day (the century is not written).
fn mrz_date(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let n = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    (1..=12).contains(&n(2)) && (1..=31).contains(&n(4))
}

/// A document number with its check digit; numbers longer than nine characters put `<` in
/// the check position and continue in the optional data (ICAO 9303 part 5, 4.2.4), whose last
/// character before the filler is then the check digit. Returns the number's full text.
fn document_number(number: &str, check: u8, optional: &str) -> Option<String> {
    if check != b'<' {
        return check_ok(number, check).then(|| number.to_string());
    }
    let tail_len = optional.bytes().take_while(|&b| b != b'<').count();
    if tail_len < 2 {
        return None;
    }
    let full = [number, &optional[..tail_len - 1]].concat();
    check_ok(&full, optional.as_bytes()[tail_len - 1]).then_some(full)
}

/// The end of the zone whose document code stands at `start`: the first of TD3 (`P`, 44
/// and 44), TD2 (`A`, `C`, `I` or `P`, 36 and 36) and TD1 (`A`, `C` or `I`, 30, 30 and 30)
/// whose rows of `[A-Z0-9<]` follow, each but the last ended by `\r?\n`: the pattern's old
/// alternatives, in their order.
fn mrz_rows(text: &str, start: usize) -> Option<usize> {
    let t = &text.as_bytes()[start..];
    let row = |from: usize, len: usize| {
        t.get(from..from + len).is_some_and(|r| {
            r.iter()
                .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'<')
        })
    };
    let line_end = |at: usize| match t.get(at..) {
        Some([b'\n', ..]) => Some(at + 1),
        Some([b'\r', b'\n', ..]) => Some(at + 2),
        _ => None,
    };
    let rows = |len: usize, count: usize| {
        let mut at = 0;
        for k in 0..count {
            if k > 0 {
                at = line_end(at)?;
            }
            if !row(at, len) {
                return None;
            }
            at += len;
        }
        Some(at)
    };
    let code = t.first()?;
    (*code == b'P')
        .then(|| rows(44, 2))
        .flatten()
        .or_else(|| rows(36, 2))
        .or_else(|| (*code != b'P').then(|| rows(30, 3)).flatten())
        .map(|end| start + end)
}

fn mrz(c: &Candidate<'_>) -> Verdict {
    let filler = |ch: Option<char>| ch.is_some_and(|x| x.is_ascii_alphanumeric() || x == '<');
    if filler(c.before()) {
        return Verdict::Reject;
    }
    let Some(end) = mrz_rows(c.text, c.start) else {
        return Verdict::Reject;
    };
    let c = &Candidate { end, ..*c };
    if filler(c.after()) {
        return Verdict::Reject;
    }
    let lines: Vec<&str> = c
        .value()
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    let ok = match (lines.len(), lines[0].len()) {
        (2, 44) => td3(lines[1]),
        (2, 36) => td2(lines[1]),
        (3, 30) => td1(lines[0], lines[1]),
        _ => false,
    };
    if ok {
        // The zone, which the match (its first five characters) does not reach across.
        Verdict::Span {
            start: 0,
            end: c.end - c.start,
            check: Some("icao9303-check-digits"),
        }
    } else {
        Verdict::Reject
    }
}

fn sex_ok(b: u8) -> bool {
    matches!(b, b'M' | b'F' | b'X' | b'<')
}

/// Passport data page: document number, birth date, expiry and personal number each with a
/// check digit, and a composite check over all of them.
fn td3(l2: &str) -> bool {
    let b = l2.as_bytes();
    check_ok(&l2[0..9], b[9])
        && mrz_date(&l2[13..19])
        && check_ok(&l2[13..19], b[19])
        && sex_ok(b[20])
        && mrz_date(&l2[21..27])
        && check_ok(&l2[21..27], b[27])
        && check_ok(&l2[28..42], b[42])
        && check_ok(&[&l2[0..10], &l2[13..20], &l2[21..43]].concat(), b[43])
}

/// Two-line cards: as TD3 without the personal-number check, composite over 0–9, 13–19, 21–34.
fn td2(l2: &str) -> bool {
    let b = l2.as_bytes();
    document_number(&l2[0..9], b[9], &l2[28..35]).is_some()
        && mrz_date(&l2[13..19])
        && check_ok(&l2[13..19], b[19])
        && sex_ok(b[20])
        && mrz_date(&l2[21..27])
        && check_ok(&l2[21..27], b[27])
        && check_ok(&[&l2[0..10], &l2[13..20], &l2[21..35]].concat(), b[35])
}

/// ID cards: the document number sits on line 1; the composite covers line 1 from position 5,
/// birth date and expiry with their checks, and line 2's optional data.
fn td1(l1: &str, l2: &str) -> bool {
    let b2 = l2.as_bytes();
    document_number(&l1[5..14], l1.as_bytes()[14], &l1[15..30]).is_some()
        && mrz_date(&l2[0..6])
        && check_ok(&l2[0..6], b2[6])
        && sex_ok(b2[7])
        && mrz_date(&l2[8..14])
        && check_ok(&l2[8..14], b2[14])
        && check_ok(
            &[&l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]].concat(),
            b2[29],
        )
}

#[cfg(test)]
mod tests {
    /// The pattern as it held the zone's rows, before [`super::mrz_rows`] read them.
    const HELD: &str = r"(?x)
        P [A-Z<] [A-Z<]{3} [A-Z0-9<]{39} \r?\n [A-Z0-9<]{44}
        | [ACIP] [A-Z<] [A-Z<]{3} [A-Z0-9<]{31} \r?\n [A-Z0-9<]{36}
        | [ACI] [A-Z<] [A-Z<]{3} [A-Z0-9<]{25} \r?\n [A-Z0-9<]{30} \r?\n [A-Z0-9<]{30}";

    /// The reader ends a zone where the held pattern did, on rows built by code: each of the
    /// three formats' lengths and one off, every document code, the line ends the pattern
    /// took and others, a character outside the rows' alphabet.
    #[test]
    fn the_reader_ends_the_zone_as_the_held_pattern() {
        use regex_automata::{Anchored, Input};
        let held = crate::matcher::Matcher::new(&[HELD], Default::default()).unwrap();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let lengths = [29, 30, 31, 35, 36, 37, 43, 44, 45];
        let ends = ["\n", "\r\n", "\r", " ", "\n\n"];
        let mut zones = 0;
        for _ in 0..100_000 {
            let mut text = String::from("MRZ:\n");
            let start = text.len();
            text.push(['A', 'C', 'I', 'P'][next(4)]);
            text.push_str("<UTO");
            for row in 0..1 + next(3) {
                if row > 0 {
                    text.push_str(ends[next(ends.len())]);
                }
                let len = lengths[next(lengths.len())] - if row == 0 { 5 } else { 0 };
                for _ in 0..len {
                    text.push(['A', '<', '7', 'Z'][next(4)]);
                }
                if next(20) == 0 {
                    text.push('a');
                }
            }
            let input = Input::new(&text).range(start..).anchored(Anchored::Yes);
            let old = held.search(&input).map(|m| m.end());
            zones += usize::from(old.is_some());
            assert_eq!(old, super::mrz_rows(&text, start), "{text:?}");
        }
        assert!(zones > 1_000, "{zones}");
    }
}
