//! Payment cards and bank accounts.

use super::{Candidate, Category, RuleDef, Verdict};

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "credit-card",
        entity: "CREDIT_CARD",
        category: Category::Financial,
        // Issuer prefixes (ISO/IEC 7812 IINs as published by the networks): Visa 4, Mastercard
        // 51–55 and 2221–2720, Amex 34/37, Discover 6011/644–649/65, Diners 300–305/36/38,
        // JCB 3528–3589 (and the 15-digit 2131 / 1800), UnionPay 62, Maestro 50/56–58/6, Mir 2200–2204. Groups of 2–6 digits
        // separated by one space, dash or dot (as some European forms print them), or none;
        // the validator checks length and Luhn.
        pattern: r"(?x)
            \b (?: 4[0-9]{3} | 5[0-8][0-9]{2} | 2[2-7][0-9]{2} | 3[0-9]{3} | 6[0-9]{3} | 2131 | 1800 )
            (?: [\ \-.]? [0-9]{2,6} ){2,5} \b",
        validate: Some(credit_card),
        score: 0.3,
        checked_score: 0.95,
        context: words![
            "card",
            "credit card",
            "debit card",
            "visa",
            "mastercard",
            "amex",
            "cc",
            "kreditkarte",
            "karte",
            "carte",
            "carte bancaire",
            "tarjeta",
            "carta",
            "creditcard",
            "karta",
            "cartão",
            "cartao",
        ],
        context_boost: 0.05,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // A card's security code after its label ("cvc 123", "CVV: 4821", "Prüfnummer 123"): PCI
    // DSS forbids keeping it after authorisation, and with the card number it pays online.
    RuleDef {
        id: "card-security-code",
        entity: "CARD_SECURITY_CODE",
        category: Category::Financial,
        pattern: r"(?x)
            \b (?i: cvv2? | cvc2? | cvn | csc | security\ code | card\ verification
              (?: \ (?: code | value ) )? | kartenpr(?: ü | ue )fnummer | pr(?: ü | ue )fnummer
              | cryptogramme (?: \ visuel )? | c(?: ó | o )digo\ de\ seguridad
              | codice\ di\ sicurezza | beveiligingscode | kod\ cvv | kod\ cvc
              | c(?: ó | o )digo\ de\ seguran(?: ç | c )a )
            (?: \ (?i: is | ist | est | es | è | é | jest ) )? [\ :.\#=]{0,3} [0-9]{3,4} \b",
        validate: Some(card_security_code),
        score: 0.9,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "iban",
        entity: "IBAN_CODE",
        category: Category::Financial,
        // Country code, two check digits, then the BBAN in groups of up to four (as printed)
        // or run together; the validator cuts it to the registry length of the country. A
        // space or dot may part the code from the check digits (`DE 89 3704 …`), and dots
        // may group the BBAN (`DE89.3704.0044.…`), as some forms and statements print it.
        pattern: r"(?x)
            \b [A-Za-z]{2} [\ .]? [0-9]{2} (?: [\ \-.]? [A-Za-z0-9]{1,4} ){3,9} \b",
        validate: Some(iban),
        score: 0.3,
        checked_score: 0.95,
        context: words![
            "iban", "bank", "account", "konto", "compte", "cuenta", "conto", "rekening",
            "rachunek", "conta",
        ],
        context_boost: 0.05,
        ..RuleDef::DEFAULT
    },
];

fn credit_card(c: &Candidate<'_>) -> Verdict {
    let whole = card_number(c.value());
    if whole && !super::glued_to_digits(c) {
        return Verdict::Checked("luhn");
    }
    // The pattern may have run on into a number after the card (an expiry, a year, an
    // amount). Only at spaces: with dashes, the card's own separator, a cut would be a guess.
    super::cut_before_a_number(c, |prefix| {
        if printed_grouping(prefix) && card_number(prefix) {
            Verdict::Checked("luhn")
        } else {
            Verdict::Reject
        }
    })
}

/// Groups as cards are printed: one run, fours (the last one shorter on 13- and 19-digit
/// cards), or the 4-6-5 and 4-6-4 of American Express and Diners.
fn printed_grouping(v: &str) -> bool {
    let lens: Vec<usize> = v.split(' ').map(str::len).collect();
    match lens.as_slice() {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] => true,
        [rest @ .., last] => {
            rest.len() >= 3 && rest.iter().all(|&n| n == 4) && (1..=4).contains(last)
        }
        [] => false,
    }
}

/// Length per issuer, Luhn, not one repeated digit; separators all alike.
fn card_number(v: &str) -> bool {
    // One kind of separator throughout.
    let mut seps = v.chars().filter(|ch| !ch.is_ascii_digit());
    if let Some(first) = seps.next() {
        if seps.any(|s| s != first) {
            return false;
        }
    }
    let d = crate::checksum::Digits::of(v);
    let n = d.len();
    let p = |k: usize| d.iter().take(k).fold(0u32, |a, &x| a * 10 + u32::from(x));
    let ok_len = match (d[0], p(2), p(3), p(4)) {
        (4, ..) => matches!(n, 13 | 16 | 19),
        (_, 34 | 37, ..) => n == 15,
        (_, 51..=55, ..) => n == 16,
        (_, _, _, 2221..=2720) => n == 16,
        (_, _, _, 2200..=2204) => (16..=19).contains(&n),
        (_, _, _, 6011) | (_, 65, ..) | (_, _, 644..=649, _) => (16..=19).contains(&n),
        (_, 36 | 38, ..) | (_, _, 300..=305, _) => (14..=19).contains(&n),
        (_, _, _, 3528..=3589) => (16..=19).contains(&n),
        (_, _, _, 2131 | 1800) => n == 15,
        (_, 62, ..) => (16..=19).contains(&n),
        (_, 50 | 56..=58, ..) | (6, ..) => (12..=19).contains(&n),
        _ => false,
    };
    ok_len && crate::luhn(v) && !d.iter().all(|&x| x == d[0])
}

/// IBAN lengths per country, from the SWIFT IBAN Registry (ISO 13616).
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BI", 27),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DJ", 27),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FK", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HN", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("LY", 25),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MN", 20),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NI", 28),
    ("NL", 18),
    ("NO", 15),
    ("OM", 23),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("RU", 33),
    ("SA", 24),
    ("SC", 31),
    ("SD", 18),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("SO", 23),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
    ("YE", 30),
];

/// The registry length of an IBAN for `country` (upper-case), if the country issues IBANs.
pub fn iban_length(country: &str) -> Option<usize> {
    // Sorted by country (tested): looked up for every IBAN-shaped candidate.
    IBAN_LENGTHS
        .binary_search_by(|&(cc, _)| cc.cmp(country))
        .ok()
        .map(|i| IBAN_LENGTHS[i].1)
}

/// The three or four digits at the end of the match; the label stays readable.
fn card_security_code(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let digits = v.len() - v.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
    // `CVV2` / `CVC2`: the label's own digit is no part of a three-digit code after it.
    if !(3..=4).contains(&digits) || !v[..v.len() - digits].ends_with([' ', ':', '.', '#', '=']) {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: v.len() - digits,
        end: v.len(),
        check: None,
    }
}

fn iban(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let cc = [v.as_bytes()[0], v.as_bytes()[1]].map(|b| b.to_ascii_uppercase());
    let Some(len) = std::str::from_utf8(&cc).ok().and_then(iban_length) else {
        return Verdict::Reject;
    };
    // Walk the match until `len` alphanumerics are taken: the pattern may have run on into
    // the next word.
    let mut taken = 0;
    let mut end = 0;
    for (i, b) in v.bytes().enumerate() {
        if b.is_ascii_alphanumeric() {
            taken += 1;
            if taken == len {
                end = i + 1;
                break;
            }
        }
    }
    if taken < len {
        return Verdict::Reject;
    }
    let cut = &v[..end];
    // The cut must end a group, not split one.
    if v[end..]
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return Verdict::Reject;
    }
    // The whole IBAN, country code included, is written in one case; "SI64980561 yesterday"
    // is a code followed by a word, even when mod 97 happens to pass.
    if cut.bytes().any(|b| b.is_ascii_uppercase()) && cut.bytes().any(|b| b.is_ascii_lowercase()) {
        return Verdict::Reject;
    }
    // A code parted from its check digits is read only in capitals: "is 12 of the …" is a
    // sentence (Iceland's `IS` and a number) however the mod 97 of its words comes out.
    if !v.as_bytes()[2].is_ascii_digit() && cut.bytes().any(|b| b.is_ascii_lowercase()) {
        return Verdict::Reject;
    }
    // Dots group the whole number or none of it: `DE89.3704 0044` is two tokens.
    let dots = cut.bytes().filter(|&b| b == b'.').count();
    let seps = cut.bytes().filter(|b| !b.is_ascii_alphanumeric()).count();
    if dots != 0 && dots != seps {
        return Verdict::Reject;
    }
    let ok = if dots == 0 {
        crate::iban_mod97(cut)
    } else {
        crate::iban_mod97(&cut.replace('.', " "))
    };
    if !ok {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: 0,
        end,
        check: Some("mod97"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_lengths_are_sorted_for_binary_search() {
        assert!(IBAN_LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(iban_length("AD"), Some(24));
        assert_eq!(iban_length("DE"), Some(22));
        assert_eq!(iban_length("YE"), Some(30));
        assert_eq!(iban_length("US"), None);
    }
}
