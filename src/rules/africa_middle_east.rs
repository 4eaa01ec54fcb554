//! Identifiers of South Africa, Turkey and Israel: all bare digit runs, so each needs a
//! context word besides its check digits.

use super::dates_places::valid_date;
use super::{glued_to_digits, own_digits, Candidate, Category, RuleDef, Verdict};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "za-id-number",
        entity: "ZA_ID_NUMBER",
        category: Category::Identifiers,
        countries: &["ZA"],
        // YYMMDD, four sequence digits (0000–4999 female, 5000–9999 male), citizenship
        // (0 citizen, 1 permanent resident, 2 refugee), one more digit, the Luhn digit.
        pattern: r"(?x)
            \b [0-9]{2} (?:0[1-9]|1[0-2]) (?:0[1-9]|[12][0-9]|3[01])
            \ ? [0-9]{4} \ ? [012] [0-9]{2} \b",
        validate: Some(za_id),
        score: 0.5,
        checked_score: 0.6,
        context: words![
            "id number",
            "identity number",
            "id no",
            "south african id",
            "rsa id",
            "identity document",
            identity_number_abroad!(),
            "identiteitsdokument",
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "tr-national-id",
        entity: "TR_NATIONAL_ID",
        category: Category::Identifiers,
        countries: &["TR"],
        pattern: r"\b[1-9][0-9]{10}\b",
        validate: Some(tr_id),
        score: 0.5,
        checked_score: 0.6,
        context: words![
            "tc kimlik",
            "t.c. kimlik",
            "kimlik",
            "kimlik no",
            "tckn",
            "turkish id",
            "identity number",
            identity_number_abroad!(),
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "il-id",
        entity: "IL_ID",
        category: Category::Identifiers,
        countries: &["IL"],
        // Nine digits with the check digit last, sometimes after a dash; older numbers are
        // written without their leading zeros.
        pattern: r"\b[0-9]{5,8}-?[0-9]\b",
        validate: Some(il_id),
        score: 0.5,
        checked_score: 0.6,
        context: words![
            "teudat zehut",
            "zehut",
            "תעודת זהות",
            "ת.ז",
            "israeli id",
            "identity number",
            "id number",
            identity_number_abroad!(),
        ],
        context_boost: 0.35,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
];

/// A real birth date (in either century) and Luhn over all thirteen digits.
fn za_id(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if v.contains(' ') && v.matches(' ').count() != 2 {
        return Verdict::Reject;
    }
    let Some(d) = own_digits(c, 13) else {
        return Verdict::Reject;
    };
    let n = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    let (yy, mm, dd) = (n(0), n(2), n(4));
    if !valid_date(1900 + yy, mm, dd) && !valid_date(2000 + yy, mm, dd) {
        return Verdict::Reject;
    }
    if crate::luhn(c.value()) {
        Verdict::Checked("luhn")
    } else {
        Verdict::Reject
    }
}

/// Tenth digit: seven times the odd-place sum minus the even-place sum, mod 10; eleventh:
/// the sum of the first ten, mod 10.
fn tr_id(c: &Candidate<'_>) -> Verdict {
    let Some(d) = own_digits(c, 11) else {
        return Verdict::Reject;
    };
    let d: Vec<i32> = d.iter().map(|&x| i32::from(x)).collect();
    let odd = d[0] + d[2] + d[4] + d[6] + d[8];
    let even = d[1] + d[3] + d[5] + d[7];
    let tenth = (odd * 7 - even).rem_euclid(10);
    let eleventh = d[..10].iter().sum::<i32>() % 10;
    if tenth == d[9] && eleventh == d[10] {
        Verdict::Checked("tckn-checks")
    } else {
        Verdict::Reject
    }
}

/// Teudat Zehut: nine digits (shorter ones are zero-padded) with weights 1, 2 alternating and
/// digit sums of the products, which is Luhn on nine digits.
fn il_id(c: &Candidate<'_>) -> Verdict {
    if glued_to_digits(c) {
        return Verdict::Reject;
    }
    let d = crate::digit_vec(c.value());
    // Zero padding to nine digits changes nothing in a Luhn sum, so the number is checked as
    // written.
    if d.iter().all(|&x| x == d[0]) || !crate::luhn(c.value()) {
        return Verdict::Reject;
    }
    Verdict::Checked("luhn")
}
