//! Synthesis: a realistic surrogate of the same kind and format, so the model reasons on
//! natural text while nothing real leaves. Surrogates pass their check digits and come from
//! ranges that reach no one (issuers' test card prefixes, RFC 5737/3849 documentation
//! addresses, RFC 2606 example domains). They are deterministic per value under a
//! conversation key (a keyed hash seeds the choice), so a value keeps its surrogate.

use super::hash::hmac_sha256;
use super::names::{EMAIL_DOMAINS, FAMILY, GIVEN};
use crate::Vault;

/// Entity types [`surrogate`] can synthesize; others fall back to placeholders.
pub const SURROGATE_ENTITIES: &[&str] = &[
    "CREDIT_CARD",
    "IBAN_CODE",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "PERSON",
    "IP_ADDRESS",
    "MAC_ADDRESS",
];

/// A small deterministic generator seeded by a keyed hash (SplitMix64).
struct Seeded(u64);

impl Seeded {
    fn new(key: &[u8], entity: &str, value: &str, attempt: u32) -> Seeded {
        let mut msg = entity.as_bytes().to_vec();
        msg.push(0);
        msg.extend_from_slice(Vault::normalize(value).as_bytes());
        msg.push(0);
        msg.extend_from_slice(&attempt.to_le_bytes());
        let h = hmac_sha256(key, &msg);
        Seeded(u64::from_le_bytes(h[..8].try_into().expect("8 bytes")))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn digit(&mut self) -> u8 {
        self.below(10) as u8
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

/// A surrogate for `value` of type `entity`, or `None` when the type has no generator.
/// `attempt` picks another surrogate for the same value (after a collision or a rejection).
/// Never returns the value itself (up to normalization).
///
/// ```
/// let s = pii_airlock::operators::surrogate("CREDIT_CARD", "4111 1111 1111 1111", b"k", 0)
///     .unwrap();
/// assert!(pii_airlock::luhn(&s) && s.len() == 19 && s != "4111 1111 1111 1111");
/// ```
pub fn surrogate(entity: &str, value: &str, key: &[u8], attempt: u32) -> Option<String> {
    // A value as typed (fullwidth digits, NO-BREAK SPACEs) gives its layout in ASCII, so the
    // generators below see its digits and the surrogate holds none of the original ones.
    let folded = crate::fold::fold_text(value);
    let value = folded.as_ref();
    let mut rng = Seeded::new(key, entity, value, attempt);
    let s = match entity {
        "CREDIT_CARD" => card(value, &mut rng),
        "IBAN_CODE" => iban(value, &mut rng)?,
        "EMAIL_ADDRESS" => email(&mut rng),
        "PHONE_NUMBER" => phone(value, &mut rng),
        "PERSON" => person(value, &mut rng),
        "IP_ADDRESS" => ip(value, &mut rng),
        "MAC_ADDRESS" => mac(value, &mut rng),
        _ => return None,
    };
    if Vault::normalize(&s) == Vault::normalize(value) {
        // Possible for short inputs; the next attempt draws again.
        return if attempt < 16 {
            surrogate(entity, value, key, attempt + 1)
        } else {
            None
        };
    }
    Some(s)
}

/// Writes `digits` into the digit positions of `layout`, keeping its separators.
fn fill_layout(layout: &str, digits: &[u8]) -> String {
    let mut it = digits.iter();
    layout
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                it.next().map_or(c, |d| char::from(b'0' + d))
            } else {
                c
            }
        })
        .collect()
}

/// Luhn check digit for `body` (the digits before it).
fn luhn_digit(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// A card of the same network and length from the networks' published test ranges.
fn card(value: &str, rng: &mut Seeded) -> String {
    let d = crate::digit_vec(value);
    let n = d.len().max(12);
    let p = |k: usize| d.iter().take(k).fold(0u32, |a, &x| a * 10 + u32::from(x));
    let prefix: &[u8] = match (d.first().copied().unwrap_or(4), p(2), p(4)) {
        (4, ..) => &[4, 0, 0, 0, 0, 0],
        (_, 34 | 37, _) => &[3, 7, 8, 2, 8, 2],
        (_, 51..=55, _) => &[5, 5, 5, 5, 5, 5],
        (_, _, 2200..=2204) => &[2, 2, 0, 0, 0, 0],
        (_, _, 2221..=2720) => &[2, 2, 2, 3, 0, 0],
        (_, 36 | 38 | 30, _) => &[3, 0, 5, 6, 9, 3],
        (_, 35, _) => &[3, 5, 3, 0, 1, 1],
        (_, 62, _) => &[6, 2, 0, 0, 0, 0],
        (_, 65, _) | (_, _, 6011) | (_, 64, _) => &[6, 0, 1, 1, 0, 0],
        _ => &[5, 0, 0, 0, 0, 0],
    };
    let mut out: Vec<u8> = prefix.to_vec();
    while out.len() < n - 1 {
        out.push(rng.digit());
    }
    out.push(luhn_digit(&out));
    if d.len() < 12 {
        return out.iter().map(|x| char::from(b'0' + x)).collect();
    }
    fill_layout(value, &out)
}

/// An IBAN of the same country and length with a correct mod-97 check.
fn iban(value: &str, rng: &mut Seeded) -> Option<String> {
    let chars: Vec<char> = value.chars().filter(char::is_ascii_alphanumeric).collect();
    if chars.len() < 5 {
        return None;
    }
    let cc: String = chars[..2].iter().collect::<String>().to_ascii_uppercase();
    // Written all in lower case: keep it so.
    let lower = !value.chars().any(|c| c.is_ascii_uppercase());
    let bban: Vec<u8> = chars[4..]
        .iter()
        .map(|c| {
            if c.is_ascii_digit() {
                b'0' + rng.digit()
            } else {
                b'A' + rng.below(26) as u8
            }
        })
        .collect();
    let rotated = bban.iter().copied().chain(cc.bytes()).chain(*b"00");
    let check = 98 - crate::mod97_of(rotated)?;
    let mut all = cc.into_bytes();
    all.push(b'0' + (check / 10) as u8);
    all.push(b'0' + (check % 10) as u8);
    all.extend(bban);
    let mut it = all.into_iter();
    let out: String = value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                let b = char::from(it.next().unwrap_or(b'0'));
                if lower {
                    b.to_ascii_lowercase()
                } else {
                    b
                }
            } else {
                c
            }
        })
        .collect();
    Some(out)
}

fn email(rng: &mut Seeded) -> String {
    let g = rng.pick(GIVEN).to_ascii_lowercase();
    let f = rng.pick(FAMILY).to_ascii_lowercase();
    format!("{g}.{f}@{}", rng.pick(EMAIL_DOMAINS))
}

/// Same layout; the leading group (country or area code) is kept, every later digit drawn.
fn phone(value: &str, rng: &mut Seeded) -> String {
    let d = crate::digit_vec(value);
    let lead = value
        .trim_start_matches(['+', '('])
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .map_or(0, str::len)
        .min(d.len() / 2);
    let mut out = d[..lead].to_vec();
    while out.len() < d.len() {
        // A group never starts with 0 or 1 after the lead, as in most numbering plans.
        let x = if out.len() == lead {
            2 + rng.below(8) as u8
        } else {
            rng.digit()
        };
        out.push(x);
    }
    fill_layout(value, &out)
}

fn person(value: &str, rng: &mut Seeded) -> String {
    let words = value.split_whitespace().count();
    let upper = value.chars().any(char::is_alphabetic) && !value.chars().any(char::is_lowercase);
    let s = if words <= 1 {
        rng.pick(GIVEN).to_string()
    } else {
        format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
    };
    if upper {
        // The names are ASCII (operators/names.rs): no Unicode case table needed.
        s.to_ascii_uppercase()
    } else {
        s
    }
}

/// Addresses from the documentation ranges: RFC 5737 (IPv4) and RFC 3849 (IPv6).
fn ip(value: &str, rng: &mut Seeded) -> String {
    if value.contains(':') {
        format!(
            "2001:db8::{:x}:{:x}",
            1 + rng.below(0xfffe),
            1 + rng.below(0xfffe)
        )
    } else {
        let net = rng.pick(&["192.0.2", "198.51.100", "203.0.113"]);
        format!("{net}.{}", 1 + rng.below(254))
    }
}

/// Same separators; a locally administered unicast address (second hex digit 2, 6, A or E).
fn mac(value: &str, rng: &mut Seeded) -> String {
    const H: &[u8] = b"0123456789ABCDEF";
    let upper = !value.chars().any(|c| c.is_ascii_lowercase());
    let mut i = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_ascii_hexdigit() {
                return c;
            }
            let x = if i == 1 {
                H[[2, 6, 10, 14][rng.below(4)]]
            } else {
                H[rng.below(16)]
            };
            i += 1;
            let x = char::from(x);
            if upper {
                x
            } else {
                x.to_ascii_lowercase()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogate_names_are_ascii_so_ascii_upper_casing_is_enough() {
        assert!(GIVEN.iter().chain(FAMILY).all(|n| n.is_ascii()));
        let s = surrogate("PERSON", "JANE DOE", b"key", 0).unwrap();
        assert!(s.contains(' ') && !s.chars().any(char::is_lowercase), "{s}");
    }

    #[test]
    fn iban_keeps_country_length_and_check() {
        let v = "DE89 3704 0044 0532 0130 00";
        let s = surrogate("IBAN_CODE", v, b"key", 0).unwrap();
        assert!(s.starts_with("DE"));
        assert_eq!(s.len(), v.len());
        assert!(crate::iban_mod97(&s), "{s}");
        assert_ne!(s, v);
    }

    #[test]
    fn deterministic_per_key() {
        let a = surrogate("PERSON", "Jane Doe", b"k1", 0);
        assert_eq!(a, surrogate("PERSON", "jane  doe", b"k1", 0));
        let other: Vec<_> = (0..8)
            .map(|i| surrogate("EMAIL_ADDRESS", &format!("u{i}@x.io"), b"k1", 0))
            .collect();
        assert!(other.iter().any(|o| *o != other[0]));
    }

    #[test]
    fn documentation_ranges() {
        let s = surrogate("IP_ADDRESS", "8.8.8.8", b"k", 0).unwrap();
        assert!(["192.0.2.", "198.51.100.", "203.0.113."]
            .iter()
            .any(|p| s.starts_with(p)));
        let s = surrogate("IP_ADDRESS", "2a00:1450::1", b"k", 0).unwrap();
        assert!(s.starts_with("2001:db8::"));
        assert!(surrogate("US_SSN", "078-05-1121", b"k", 0).is_none());
    }
}
