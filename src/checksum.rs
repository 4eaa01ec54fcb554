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
    luhn_digits(&Digits::of(s))
}

/// The ASCII digits of a string as values, kept on the stack when there are at most
/// [`Digits::INLINE`]: validators run on every candidate, and a heap vector per candidate was a
/// visible share of the scan on text dense with numbers.
pub(crate) enum Digits {
    Inline([u8; Digits::INLINE], usize),
    Heap(Vec<u8>),
}

impl Digits {
    /// More digits than any identifier the rules check.
    pub(crate) const INLINE: usize = 40;

    /// Collects the ASCII digits of `s`.
    pub(crate) fn of(s: &str) -> Digits {
        let mut buf = [0u8; Digits::INLINE];
        let mut n = 0;
        for b in s.bytes().filter(u8::is_ascii_digit) {
            if n == Digits::INLINE {
                return Digits::Heap(digit_vec(s));
            }
            buf[n] = b - b'0';
            n += 1;
        }
        Digits::Inline(buf, n)
    }
}

impl std::ops::Deref for Digits {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Digits::Inline(buf, n) => &buf[..*n],
            Digits::Heap(v) => v,
        }
    }
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
    let mut chars = s
        .bytes()
        .filter(|b| *b != b' ' && *b != b'-')
        .map(|b| b.to_ascii_uppercase())
        .peekable();
    // The first four go to the end; held on the stack (this runs on every IBAN candidate).
    let mut head = [0u8; 4];
    for h in &mut head {
        let Some(c) = chars.next() else {
            return false;
        };
        *h = c;
    }
    if chars.peek().is_none() {
        return false;
    }
    mod97_of(chars.chain(head)) == Some(1)
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
/// Verhoeff's permutation table: row `i` is the permutation of row 1 applied `i` times
/// (Verhoeff 1969; the table every implementation of the standard prints).
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
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
    let d = Digits::of(s);
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

// --- rest-of-world identifiers (ids-b) ---

/// ISO 7064 MOD 11-2 over 17 digits plus a check character (`0`–`9` or `X` for 10), as used
/// by the Chinese resident identity number (GB 11643). `s` must be exactly 18 characters.
///
/// ```
/// assert!(pii_airlock::iso7064_mod11_2("11010519491231002X"));
/// assert!(!pii_airlock::iso7064_mod11_2("110105194912310021"));
/// ```
pub fn iso7064_mod11_2(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    // Weights are 2^(17-i) mod 11; folding `(acc + d) * 2` computes the same sum.
    let sum = b[..17]
        .iter()
        .fold(0u32, |acc, &d| ((acc + u32::from(d - b'0')) * 2) % 11);
    let check = (12 - sum % 11) % 11;
    match b[17] {
        b'X' | b'x' => check == 10,
        d @ b'0'..=b'9' => u32::from(d - b'0') == check,
        _ => false,
    }
}

/// ICAO Doc 9303 check digit of a machine-readable-zone field: weights 7, 3, 1 repeating,
/// digits count as themselves, `A`–`Z` as 10–35 and the filler `<` as 0. `None` on any other
/// character.
///
/// ```
/// assert_eq!(pii_airlock::icao9303_check_digit("L898902C3"), Some(6));
/// assert_eq!(pii_airlock::icao9303_check_digit("740812"), Some(2));
/// ```
pub fn icao9303_check_digit(field: &str) -> Option<u8> {
    const WEIGHTS: [u32; 3] = [7, 3, 1];
    let mut sum = 0u32;
    for (i, b) in field.bytes().enumerate() {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            b'<' => 0,
            _ => return None,
        };
        sum += v * WEIGHTS[i % 3];
    }
    Some((sum % 10) as u8)
}

/// The weighted-sum check digit used by Brazil's CPF and CNPJ: `sum mod 11`, where a
/// remainder below 2 gives 0 and otherwise the digit is `11 - remainder`. `values` are digit
/// values (CNPJ's alphanumeric form maps characters to ASCII code minus 48 first).
///
/// ```
/// // CPF 111.444.777-35: the first check digit over nine digits, weights 10 down to 2.
/// assert_eq!(pii_airlock::mod11_check_br(&[1, 1, 1, 4, 4, 4, 7, 7, 7], &[10, 9, 8, 7, 6, 5, 4, 3, 2]), 3);
/// ```
pub fn mod11_check_br(values: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = values.iter().zip(weights).map(|(v, w)| v * w).sum();
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

/// The BCH checksum residue of a bech32 string (BIP-173): `hrp` is the human-readable part,
/// `data` the 5-bit values after the `1` separator including the six checksum values. A valid
/// bech32 string gives 1, a valid bech32m string (BIP-350) gives `0x2bc830a3`.
pub fn bech32_polymod(hrp: &[u8], data: &[u8]) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let mut chk: u32 = 1;
    let mut step = |v: u8| {
        let top = chk >> 25;
        chk = ((chk & 0x01ff_ffff) << 5) ^ u32::from(v);
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    };
    for &c in hrp {
        step(c.to_ascii_lowercase() >> 5);
    }
    step(0);
    for &c in hrp {
        step(c.to_ascii_lowercase() & 31);
    }
    for &v in data {
        step(v);
    }
    chk
}
// --- end rest-of-world identifiers (ids-b) ---

// --- national identifiers (ids-a) ---

/// The ISO 7064 MOD 11,10 (hybrid) check digit for `digits` (each 0..=9), as used by the
/// German Steuer-ID, German VAT numbers and the Croatian OIB.
///
/// ```
/// assert_eq!(pii_airlock::iso7064_mod11_10_digit(&[1, 3, 6, 6, 9, 5, 9, 7]), 6);
/// ```
pub fn iso7064_mod11_10_digit(digits: &[u8]) -> u8 {
    let mut product: u32 = 10;
    for &d in digits {
        let mut sum = (u32::from(d) + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    let check = 11 - product;
    if check == 10 {
        0
    } else {
        check as u8
    }
}

/// True when the last of `digits` is the ISO 7064 MOD 11,10 check digit of the others.
///
/// ```
/// assert!(pii_airlock::iso7064_mod11_10(&[1, 3, 6, 6, 9, 5, 9, 7, 6]));
/// assert!(!pii_airlock::iso7064_mod11_10(&[1, 3, 6, 6, 9, 5, 9, 7, 7]));
/// ```
pub fn iso7064_mod11_10(digits: &[u8]) -> bool {
    match digits.split_last() {
        Some((&last, body)) if !body.is_empty() => iso7064_mod11_10_digit(body) == last,
        _ => false,
    }
}

/// The value of an alphanumeric character in ICAO 9303 style check digits: `0`–`9` are
/// themselves, `A`–`Z` (either case) are 10–35, `<` is 0. `None` for anything else.
pub fn alnum_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The repeating 7-3-1 weighted check digit of ICAO 9303 (machine-readable travel documents),
/// used for German identity card and passport numbers. `None` on a character outside
/// `0-9A-Za-z<`.
///
/// ```
/// assert_eq!(pii_airlock::weighted_731_check_digit(b"T22000129"), Some(3));
/// ```
pub fn weighted_731_check_digit(chars: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, &c) in chars.iter().enumerate() {
        sum += alnum_value(c)? * [7, 3, 1][i % 3];
    }
    Some((sum % 10) as u8)
}

/// Luhn over alphanumerics, letters counting as 10–35 (the Portuguese Cartão de Cidadão
/// document number): from the right, every second value is doubled and reduced by 9 when
/// above 9; the sum must be a multiple of 10. Spaces are ignored; false on other characters.
///
/// ```
/// assert!(pii_airlock::luhn_alnum("00000000 0 ZZ4"));
/// assert!(!pii_airlock::luhn_alnum("00000000 0 ZZ5"));
/// ```
pub fn luhn_alnum(s: &str) -> bool {
    let mut sum = 0u32;
    let mut n = 0;
    for b in s.bytes().rev() {
        if b == b' ' {
            continue;
        }
        let Some(mut v) = alnum_value(b).filter(|_| b != b'<') else {
            return false;
        };
        if n % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
        n += 1;
    }
    n >= 2 && sum % 10 == 0
}

/// The decimal number formed by `digits` (each 0..=9); wraps silently past 19 digits, so
/// callers pass at most that many.
pub fn digits_to_u64(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |acc, &d| {
        acc.wrapping_mul(10).wrapping_add(u64::from(d))
    })
}

/// True when `year`-`month`-`day` is a real day of the proleptic Gregorian calendar: the date
/// part of many national numbers is validated with it.
///
/// ```
/// assert!(pii_airlock::gregorian_date_ok(2000, 2, 29));
/// assert!(!pii_airlock::gregorian_date_ok(1900, 2, 29));
/// ```
pub fn gregorian_date_ok(year: u32, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The check letter of a Spanish DNI/NIF for its eight-digit number (`n mod 23` into the
/// letter table of the Ministry of the Interior); NIE numbers map their X/Y/Z prefix to 0/1/2
/// first.
///
/// ```
/// assert_eq!(pii_airlock::dni_letter(12345678), b'Z');
/// ```
pub fn dni_letter(n: u32) -> u8 {
    b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize]
}

/// The ABA routing-number checksum over nine digits: 3·(d1+d4+d7) + 7·(d2+d5+d8) +
/// (d3+d6+d9) is a multiple of 10.
///
/// ```
/// assert!(pii_airlock::aba_checksum(&[0, 2, 1, 0, 0, 0, 0, 2, 1]));
/// ```
pub fn aba_checksum(d: &[u8]) -> bool {
    d.len() == 9 && weighted_sum(d, &[3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0
}

/// The US National Provider Identifier check: Luhn over the ten digits prefixed with `80840`.
///
/// ```
/// assert!(pii_airlock::npi_luhn(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 3]));
/// ```
pub fn npi_luhn(d: &[u8]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let mut full = [8, 0, 8, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    full[5..].copy_from_slice(d);
    luhn_digits(&full)
}

/// Luhn over a slice of digit values (each 0..=9), for callers that already hold digits.
///
/// ```
/// assert!(pii_airlock::luhn_digits(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
/// assert!(!pii_airlock::luhn_digits(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
/// ```
pub fn luhn_digits(d: &[u8]) -> bool {
    if d.len() < 2 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            match (i % 2, x * 2) {
                (0, _) => x,
                (_, y) if y > 9 => y - 9,
                (_, y) => y,
            }
        })
        .sum();
    sum % 10 == 0
}

/// The Dutch 11-proef for a BSN (nine digits): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11).
///
/// ```
/// assert!(pii_airlock::elfproef(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
/// assert!(!pii_airlock::elfproef(&[1, 1, 1, 2, 2, 2, 3, 3, 4]));
/// ```
pub fn elfproef(d: &[u8]) -> bool {
    if d.len() != 9 {
        return false;
    }
    let plus = weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]);
    (plus + 11 * 9 - u32::from(d[8])) % 11 == 0
}
