//! Check-digit algorithms from public standards. Each works on the digits (or alphanumerics) of a
//! candidate with separators already removed, unless it says otherwise.

/// Yields the ASCII digits of `s` as numbers, skipping everything else.
pub fn digits(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| u32::from(b - b'0'))
}

/// Collects the ASCII digits of `s` into a small vector.
pub fn digit_vec(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// Luhn (ISO/IEC 7812-1 Annex B) over the digits of `s`; separators are ignored.
///
/// ```
/// assert!(pii_airlock::luhn("4111 1111 1111 1111"));
/// assert!(!pii_airlock::luhn("4111 1111 1111 1112"));
/// ```
pub fn luhn(s: &str) -> bool {
    let d = digit_vec(s);
    if d.len() < 2 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum % 10 == 0
}

/// ISO 7064 MOD 97-10 as used by IBAN (ISO 13616): moves the first four characters to the end,
/// maps letters to 10..35 and checks that the remainder is 1. Spaces are ignored, case is not
/// significant. Returns false on any other character.
///
/// ```
/// assert!(pii_airlock::iban_mod97("GB82 WEST 1234 5698 7654 32"));
/// assert!(!pii_airlock::iban_mod97("GB82 WEST 1234 5698 7654 33"));
/// ```
pub fn iban_mod97(s: &str) -> bool {
    let chars: Vec<u8> = s
        .bytes()
        .filter(|b| *b != b' ' && *b != b'-')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if chars.len() < 5 {
        return false;
    }
    let rotated = chars[4..].iter().chain(chars[..4].iter());
    mod97_of(rotated.copied()) == Some(1)
}

/// The remainder modulo 97 of the decimal number formed by `chars`, letters counting as 10..35.
pub fn mod97_of(chars: impl Iterator<Item = u8>) -> Option<u32> {
    let mut rem: u32 = 0;
    for c in chars {
        match c {
            b'0'..=b'9' => rem = (rem * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => rem = (rem * 100 + u32::from(c - b'A') + 10) % 97,
            _ => return None,
        }
    }
    Some(rem)
}

const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 8, 7, 0, 6],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// Verhoeff's dihedral-group check (used by Aadhaar) over the digits of `s`.
///
/// ```
/// assert!(pii_airlock::verhoeff("2363"));
/// assert!(!pii_airlock::verhoeff("2364"));
/// ```
pub fn verhoeff(s: &str) -> bool {
    let d = digit_vec(s);
    if d.is_empty() {
        return false;
    }
    let mut c = 0u8;
    for (i, &x) in d.iter().rev().enumerate() {
        c = VERHOEFF_D[c as usize][VERHOEFF_P[i % 8][x as usize] as usize];
    }
    c == 0
}

/// Weighted sum of `digits` with `weights` (zipped; the shorter one decides the length).
pub fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

/// Shannon entropy of `s` in bits per byte. Used to tell random secrets from words.
pub fn shannon_entropy(s: &str) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for b in s.bytes() {
        counts[b as usize] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}
