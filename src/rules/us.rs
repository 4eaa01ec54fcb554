//! United States identifiers.

use super::{Candidate, Category, RuleDef, Verdict};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[RuleDef {
    id: "us-ssn",
    entity: "US_SSN",
    category: Category::Identifiers,
    countries: &["US"],
    pattern: r"(?x)
        \b [0-9]{3} - [0-9]{2} - [0-9]{4} \b
        | \b [0-9]{3} \ [0-9]{2} \ [0-9]{4} \b
        # With dots, as some forms and spreadsheets print it (`123.45.6789`).
        | \b [0-9]{3} \. [0-9]{2} \. [0-9]{4} \b
        | \b [0-9]{9} \b",
    validate: Some(us_ssn),
    score: 0.6,
    checked_score: 0.6,
    context: words![
        "ssn",
        "social security",
        "social security number",
        "social security no",
        "ss#",
        "ssn#",
        "soc sec",
        // Spoken American English: "my social is …". Only with a possessive, so a number near
        // "social media" stays out.
        "my social",
        "your social",
        "his social",
        "her social",
        "their social",
        "taxpayer",
        "sozialversicherungsnummer",
        "número de seguro social",
    ],
    context_boost: 0.35,
    anti_context: words!["order", "invoice", "ticket", "tracking", "phone", "isbn"],
    contested: true,
    ..RuleDef::DEFAULT
}];

/// SSA rules (since 2011 randomization): area 000, 666 and 900–999, group 00 and serial 0000
/// are never issued; 078-05-1120 and 219-09-9999 were publicised and voided.
fn us_ssn(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let d = crate::checksum::Digits::of(v);
    if d.len() != 9 || super::glued_to_digits(c) {
        return Verdict::Reject;
    }
    let area = u32::from(d[0]) * 100 + u32::from(d[1]) * 10 + u32::from(d[2]);
    let group = u32::from(d[3]) * 10 + u32::from(d[4]);
    let serial: u32 = d[5..].iter().fold(0, |a, &x| a * 10 + u32::from(x));
    if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 {
        return Verdict::Reject;
    }
    if *d == [0, 7, 8, 0, 5, 1, 1, 2, 0]
        || *d == [2, 1, 9, 0, 9, 9, 9, 9, 9]
        || d.iter().all(|&x| x == d[0])
    {
        return Verdict::Reject;
    }
    if v.len() == 9 {
        return Verdict::Weak;
    }
    Verdict::Plausible
}
