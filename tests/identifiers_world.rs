//! Rest-of-world identifiers, travel documents, money and device identifiers, birth dates and
//! coordinates, tested through the public `Engine`: published specimens, values from
//! generators that compute the check digits independently of the crate, one-digit near-misses,
//! look-alikes, positions next to punctuation and emoji, and a generated false-positive corpus.
// std's lower case is fine in tests (clippy.toml forbids it only for the wasm modules' sake).
#![allow(clippy::disallowed_methods)]

use pii_airlock::{Engine, EngineOptions, Finding};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::default_engine)
}

/// xorshift64*: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn digit(&mut self) -> u8 {
        self.below(10) as u8
    }
    fn digits(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.digit()).collect()
    }
    fn letter(&mut self) -> char {
        char::from(b'A' + self.below(26) as u8)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn s(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

fn found(text: &str) -> Vec<(String, String)> {
    engine()
        .scan(text)
        .iter()
        .map(|f| (f.entity.to_string(), text[f.start..f.end].to_string()))
        .collect()
}

#[track_caller]
fn assert_found(text: &str, entity: &str, value: &str) {
    let got = found(text);
    assert!(
        got.iter().any(|(e, v)| e == entity && v == value),
        "expected {entity} {value:?} in {text:?}, got {got:?}"
    );
}

#[track_caller]
fn assert_not_found(text: &str, entity: &str) {
    let got = found(text);
    assert!(
        !got.iter().any(|(e, _)| e == entity),
        "unexpected {entity} in {text:?}: {got:?}"
    );
}

fn finding_for<'a>(findings: &'a [Finding], text: &str, value: &str) -> Option<&'a Finding> {
    findings.iter().find(|f| &text[f.start..f.end] == value)
}

/// The value at text start and end, in brackets, quotes, before punctuation and right after
/// an emoji, each with the context word somewhere in the window.
fn placements(ctx: &str, v: &str) -> Vec<String> {
    vec![
        format!("{v} ({ctx})"),
        format!("{ctx}: {v}"),
        format!("{ctx} 😀{v}!"),
        format!("«{v}», {ctx}."),
        format!("{ctx}\n\"{v}\";"),
        format!("Mein {ctx} ist {v}."),
    ]
}

#[track_caller]
fn assert_everywhere(ctx: &str, entity: &str, v: &str) {
    for t in placements(ctx, v) {
        assert_found(&t, entity, v);
    }
}

/// Changes one digit of `v` (at a digit position chosen by `rng`, limited to `positions`).
fn mutate_digit(rng: &mut Rng, v: &str, positions: std::ops::Range<usize>) -> String {
    let idx: Vec<usize> = v
        .char_indices()
        .filter(|(i, c)| c.is_ascii_digit() && positions.contains(i))
        .map(|(i, _)| i)
        .collect();
    let i = *rng.pick(&idx);
    let old = v.as_bytes()[i] - b'0';
    let new = (old + 1 + rng.below(9) as u8) % 10;
    let mut b = v.as_bytes().to_vec();
    b[i] = b'0' + new;
    String::from_utf8(b).unwrap()
}

/// Near-misses of a generated identifier: every one-digit change that the issuer's check
/// (re-implemented here) rejects must not be reported.
#[track_caller]
fn assert_near_misses(
    rng: &mut Rng,
    ctx: &str,
    entity: &str,
    v: &str,
    positions: std::ops::Range<usize>,
    valid: impl Fn(&str) -> bool,
) {
    for _ in 0..4 {
        let m = mutate_digit(rng, v, positions.clone());
        if !valid(&m) {
            assert_not_found(&format!("{ctx}: {m}"), entity);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Check-digit generators, written from the issuers' specifications.

fn luhn_complete(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn luhn_ok(d: &[u8]) -> bool {
    luhn_complete(&d[..d.len() - 1]) == d[d.len() - 1]
}

fn only_digits(v: &str) -> Vec<u8> {
    v.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

fn br_mod11(v: &[u32], w: &[u32]) -> u32 {
    let r = v.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

fn cpf(body: &[u8]) -> Vec<u8> {
    let mut v: Vec<u32> = body.iter().map(|&x| u32::from(x)).collect();
    let a = br_mod11(&v, &[10, 9, 8, 7, 6, 5, 4, 3, 2]);
    v.push(a);
    let b = br_mod11(&v, &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    v.push(b);
    v.iter().map(|&x| x as u8).collect()
}

fn cpf_ok(v: &str) -> bool {
    let d = only_digits(v);
    d.len() == 11 && cpf(&d[..9]) == d
}

fn cpf_fmt(d: &[u8]) -> String {
    format!(
        "{}.{}.{}-{}",
        s(&d[..3]),
        s(&d[3..6]),
        s(&d[6..9]),
        s(&d[9..])
    )
}

fn cnpj(body: &str) -> String {
    let mut v: Vec<u32> = body.bytes().map(|b| u32::from(b) - 48).collect();
    let a = br_mod11(&v, &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    v.push(a);
    let b = br_mod11(&v, &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    format!("{body}{a}{b}")
}

fn cnpj_ok(v: &str) -> bool {
    let raw: String = v.chars().filter(char::is_ascii_alphanumeric).collect();
    raw.len() == 14 && cnpj(&raw[..12]) == raw
}

fn cnpj_fmt(r: &str) -> String {
    format!(
        "{}.{}.{}/{}-{}",
        &r[..2],
        &r[2..5],
        &r[5..8],
        &r[8..12],
        &r[12..]
    )
}

fn weighted(d: &[u8], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(&a, &b)| u32::from(a) * b).sum()
}

fn tfn(rng: &mut Rng) -> Vec<u8> {
    loop {
        let mut d = rng.digits(8);
        d[0] = 1 + rng.below(9) as u8;
        let w = [1, 4, 3, 7, 5, 8, 6, 9];
        // The ninth weight is 10: find the digit that makes the sum a multiple of 11.
        let s = weighted(&d, &w);
        if let Some(c) = (0..10u8).find(|&c| (s + u32::from(c) * 10) % 11 == 0) {
            d.push(c);
            return d;
        }
    }
}

fn tfn_ok(v: &str) -> bool {
    let d = only_digits(v);
    weighted(&d, &[1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0
}

fn abn(rng: &mut Rng) -> Vec<u8> {
    loop {
        let mut d = rng.digits(11);
        d[0] = 1 + rng.below(9) as u8;
        // Choose the two leading digits' neighbours freely and solve for digit 2 (weight 1).
        for c in 0..10 {
            d[1] = c;
            let mut e = d.clone();
            e[0] -= 1;
            if weighted(&e, &[10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 == 0 {
                return d;
            }
        }
    }
}

fn abn_ok(v: &str) -> bool {
    let mut d = only_digits(v);
    if d[0] == 0 {
        return false;
    }
    d[0] -= 1;
    weighted(&d, &[10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 == 0
}

fn medicare(rng: &mut Rng) -> Vec<u8> {
    let mut d = rng.digits(8);
    d[0] = 2 + rng.below(5) as u8;
    d.push((weighted(&d, &[1, 3, 7, 9, 1, 3, 7, 9]) % 10) as u8);
    d.push(1 + rng.below(9) as u8);
    d
}

fn medicare_ok(v: &str) -> bool {
    let d = only_digits(v);
    (weighted(&d[..8], &[1, 3, 7, 9, 1, 3, 7, 9]) % 10) as u8 == d[8]
}

fn nric(rng: &mut Rng) -> String {
    let prefix = *rng.pick(b"STFGM");
    let d = rng.digits(7);
    format!(
        "{}{}{}",
        char::from(prefix),
        s(&d),
        char::from(nric_letter(prefix, &d))
    )
}

fn nric_letter(prefix: u8, d: &[u8]) -> u8 {
    let mut sum = weighted(d, &[2, 7, 6, 5, 4, 3, 2]);
    sum += match prefix {
        b'T' | b'G' => 4,
        b'M' => 3,
        _ => 0,
    };
    let r = (sum % 11) as usize;
    match prefix {
        b'S' | b'T' => b"JZIHGFEDCBA"[r],
        b'F' | b'G' => b"XWUTRQPNMLK"[r],
        _ => b"XWUTRQPNJLK"[r],
    }
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A random real date between 1930 and 2019.
fn date(rng: &mut Rng) -> (u32, u32, u32) {
    let y = 1930 + rng.below(90) as u32;
    let m = 1 + rng.below(12) as u32;
    let d = 1 + rng.below(u64::from(days_in(y, m))) as u32;
    (y, m, d)
}

fn kr_check(d: &[u8]) -> u8 {
    ((11 - weighted(d, &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11) % 10) as u8
}

fn gen_kr_rrn(rng: &mut Rng) -> String {
    let (y, m, dd) = date(rng);
    let sex = if y < 2000 {
        1 + rng.below(2)
    } else {
        3 + rng.below(2)
    };
    let mut d = only_digits(&format!("{:02}{m:02}{dd:02}{sex}", y % 100));
    d.extend(rng.digits(5));
    d.push(kr_check(&d));
    format!("{}-{}", s(&d[..6]), s(&d[6..]))
}

fn kr_ok(v: &str) -> bool {
    let d = only_digits(v);
    kr_check(&d[..12]) == d[12]
}

fn my_number_check(d: &[u8]) -> u8 {
    let r = weighted(d, &[6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
    if r <= 1 {
        0
    } else {
        (11 - r) as u8
    }
}

fn cn_check(body: &str) -> char {
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = weighted(&only_digits(body), &w);
    b"10X98765432"[(sum % 11) as usize] as char
}

fn cn_id(rng: &mut Rng) -> String {
    let (y, m, d) = date(rng);
    let region = 110000 + rng.below(700000) as u32;
    let body = format!("{region}{y}{m:02}{d:02}{:03}", rng.below(1000));
    format!("{body}{}", cn_check(&body))
}

fn cn_ok(v: &str) -> bool {
    cn_check(&v[..17]) == v.as_bytes()[17] as char
}

fn za_id(rng: &mut Rng) -> Vec<u8> {
    let (y, m, dd) = date(rng);
    let mut d = only_digits(&format!("{:02}{m:02}{dd:02}", y % 100));
    d.extend(rng.digits(4));
    d.push(rng.below(2) as u8);
    d.push(8);
    let c = luhn_complete(&d);
    d.push(c);
    d
}

fn tr_id(rng: &mut Rng) -> Vec<u8> {
    let mut d = rng.digits(9);
    d[0] = 1 + rng.below(9) as u8;
    let odd = i32::from(d[0] + d[2] + d[4] + d[6] + d[8]);
    let even = i32::from(d[1] + d[3] + d[5] + d[7]);
    d.push((odd * 7 - even).rem_euclid(10) as u8);
    let total: u32 = d.iter().map(|&x| u32::from(x)).sum();
    d.push((total % 10) as u8);
    d
}

fn tr_ok(v: &str) -> bool {
    let d = only_digits(v);
    d[0] != 0 && tr_id_check(&d[..9]) == d
}

fn tr_id_check(body: &[u8]) -> Vec<u8> {
    let mut d = body.to_vec();
    let odd = i32::from(d[0] + d[2] + d[4] + d[6] + d[8]);
    let even = i32::from(d[1] + d[3] + d[5] + d[7]);
    d.push((odd * 7 - even).rem_euclid(10) as u8);
    let total: u32 = d.iter().map(|&x| u32::from(x)).sum();
    d.push((total % 10) as u8);
    d
}

fn th_check(d: &[u8]) -> u8 {
    ((11 - weighted(d, &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 10) as u8
}

fn curp_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'N' => u32::from(c - b'A') + 10,
        _ => u32::from(c - b'A') + 11,
    }
}

fn curp(rng: &mut Rng) -> String {
    const VOWELS: &[u8] = b"AEIOU";
    const CONS: &[u8] = b"BCDFGHJKLMNPRSTVZ";
    const STATES: &[&str] = &["AS", "BC", "DF", "JC", "NL", "VZ", "YN", "NE"];
    let (y, m, d) = date(rng);
    let mut body = String::new();
    body.push(rng.letter());
    body.push(*rng.pick(VOWELS) as char);
    body.push(rng.letter());
    body.push(rng.letter());
    body.push_str(&format!("{:02}{m:02}{d:02}", y % 100));
    body.push(*rng.pick(&['H', 'M']));
    body.push_str(STATES[rng.below(STATES.len() as u64) as usize]);
    for _ in 0..3 {
        body.push(*rng.pick(CONS) as char);
    }
    body.push(if y < 2000 {
        char::from(b'0' + rng.digit())
    } else {
        rng.letter()
    });
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, c)| curp_value(c) * (18 - i as u32))
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

fn icao(field: &str) -> char {
    let w = [7, 3, 1];
    let sum: u32 = field
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let v = match b {
                b'0'..=b'9' => u32::from(b - b'0'),
                b'A'..=b'Z' => u32::from(b - b'A') + 10,
                _ => 0,
            };
            v * w[i % 3]
        })
        .sum();
    char::from(b'0' + (sum % 10) as u8)
}

fn alnum(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| {
            if rng.below(3) == 0 {
                char::from(b'0' + rng.digit())
            } else {
                rng.letter()
            }
        })
        .collect()
}

fn yymmdd(rng: &mut Rng) -> String {
    let (y, m, d) = date(rng);
    format!("{:02}{m:02}{d:02}", y % 100)
}

fn pad(s: String, n: usize) -> String {
    format!("{s:<<n$}")
}

fn td3(rng: &mut Rng) -> String {
    let l1 = pad(
        format!(
            "P<UTO{}<<{}",
            alnum(rng, 6).replace(char::is_numeric, "A"),
            "ANNA"
        ),
        44,
    );
    let doc = alnum(rng, 9);
    let dob = yymmdd(rng);
    let exp = yymmdd(rng);
    let opt = pad(alnum(rng, 8), 14);
    let mut l2 = format!(
        "{doc}{}UTO{dob}{}F{exp}{}{opt}{}",
        icao(&doc),
        icao(&dob),
        icao(&exp),
        icao(&opt)
    );
    let composite = format!("{}{}{}", &l2[0..10], &l2[13..20], &l2[21..43]);
    l2.push(icao(&composite));
    format!("{l1}\n{l2}")
}

fn td1(rng: &mut Rng) -> String {
    let doc = alnum(rng, 9);
    let l1 = pad(format!("I<UTO{doc}{}", icao(&doc)), 30);
    let dob = yymmdd(rng);
    let exp = yymmdd(rng);
    let mut l2 = pad(format!("{dob}{}M{exp}{}UTO", icao(&dob), icao(&exp)), 29);
    let composite = format!("{}{}{}{}", &l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]);
    l2.push(icao(&composite));
    let l3 = pad("DOE<<JANE".to_string(), 30);
    format!("{l1}\n{l2}\n{l3}")
}

fn td2(rng: &mut Rng) -> String {
    let l1 = pad("I<UTODOE<<JOHN".to_string(), 36);
    let doc = alnum(rng, 9);
    let dob = yymmdd(rng);
    let exp = yymmdd(rng);
    let mut l2 = pad(
        format!(
            "{doc}{}UTO{dob}{}M{exp}{}",
            icao(&doc),
            icao(&dob),
            icao(&exp)
        ),
        35,
    );
    let composite = format!("{}{}{}", &l2[0..10], &l2[13..20], &l2[21..35]);
    l2.push(icao(&composite));
    format!("{l1}\n{l2}")
}

fn vin_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'A'..=b'H' => u32::from(b - b'A') + 1,
        b'J'..=b'N' => u32::from(b - b'J') + 1,
        b'P' => 7,
        b'R' => 9,
        _ => u32::from(b - b'S') + 2,
    }
}

fn vin_check(v: &[u8]) -> u8 {
    let w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let sum: u32 = v.iter().zip(w).map(|(&b, w)| vin_value(b) * w).sum();
    match sum % 11 {
        10 => b'X',
        r => b'0' + r as u8,
    }
}

fn gen_vin(rng: &mut Rng) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    const YEARS: &[u8] = b"ABCDEFGHJKLMNPRSTVWXY123456789";
    let mut b: Vec<u8> = vec![b'1' + rng.below(5) as u8, rng.letter() as u8];
    b[1] = if b[1] == b'I' || b[1] == b'O' || b[1] == b'Q' {
        b'H'
    } else {
        b[1]
    };
    for _ in 0..6 {
        b.push(*rng.pick(CHARS));
    }
    b.push(b'0');
    b.push(*rng.pick(YEARS));
    b.push(*rng.pick(CHARS));
    for _ in 0..6 {
        b.push(b'0' + rng.digit());
    }
    b[8] = vin_check(&b);
    String::from_utf8(b).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Elsewhere: national identifiers.

#[test]
fn in_aadhaar() {
    let mut rng = Rng(0xA4D4);
    for _ in 0..40 {
        let mut d = rng.digits(11);
        d[0] = 2 + rng.below(8) as u8;
        let c = (0..10u8)
            .find(|&c| pii_airlock::verhoeff(&s(&[&d[..], &[c]].concat())))
            .unwrap();
        d.push(c);
        let v = format!("{} {} {}", s(&d[..4]), s(&d[4..8]), s(&d[8..]));
        assert_everywhere("aadhaar", "IN_AADHAAR", &v);
        assert_found(&format!("Aadhaar no. {}", s(&d)), "IN_AADHAAR", &s(&d));
        // Verhoeff catches every single-digit error.
        let m = mutate_digit(&mut rng, &v, 0..v.len());
        assert_not_found(&format!("aadhaar: {m}"), "IN_AADHAAR");
        // No context, no finding: twelve digits are too common.
        assert_not_found(&format!("ref {v}"), "IN_AADHAAR");
    }
    // Aadhaar numbers never start with 0 or 1.
    assert_not_found("aadhaar 1234 5678 9012", "IN_AADHAAR");
}

#[test]
fn in_pan_voter_passport() {
    assert_everywhere("pan", "IN_PAN", "ABCPE1234F");
    assert_found(
        "Permanent Account Number: AAACB1234C",
        "IN_PAN",
        "AAACB1234C",
    );
    // The fourth letter is the holder type; Z is none.
    assert_not_found("pan: ABCZE1234F", "IN_PAN");
    assert_not_found("product code ABCPE1234F", "IN_PAN");
    assert_everywhere("voter id", "IN_VOTER", "XYZ1234567");
    assert_not_found("serial XYZ1234567", "IN_VOTER");
    assert_everywhere("passport", "IN_PASSPORT", "J8369854");
    assert_not_found("passport J0000000", "IN_PASSPORT");
    assert_not_found("J8369854", "IN_PASSPORT");
}

#[test]
fn br_cpf() {
    // The example number the Receita Federal's own validation pages use.
    assert_found("CPF 111.444.777-35", "BR_CPF", "111.444.777-35");
    assert_found("111.444.777-35", "BR_CPF", "111.444.777-35");
    assert_not_found("111.444.777-36", "BR_CPF");
    // All-equal digits pass the arithmetic but are not issued.
    assert_not_found("CPF 111.111.111-11", "BR_CPF");
    let mut rng = Rng(0xB2C9);
    for _ in 0..60 {
        let d = cpf(&rng.digits(9));
        let v = cpf_fmt(&d);
        if d.iter().all(|&x| x == d[0]) {
            continue;
        }
        // Formatted: reported without a context word.
        assert_found(&v, "BR_CPF", &v);
        assert_found(&format!("😀{v}."), "BR_CPF", &v);
        assert_everywhere("cpf", "BR_CPF", &v);
        // Bare digits need the word.
        assert_found(&format!("CPF: {}", s(&d)), "BR_CPF", &s(&d));
        assert_not_found(&format!("order {}", s(&d)), "BR_CPF");
        assert_near_misses(&mut rng, "cpf", "BR_CPF", &v, 0..v.len(), cpf_ok);
    }
    // Part of a longer number.
    assert_not_found("CPF 9111.444.777-35", "BR_CPF");
}

#[test]
fn br_cnpj() {
    assert_found("CNPJ 11.222.333/0001-81", "BR_CNPJ", "11.222.333/0001-81");
    // The alphanumeric example published with the 2026 format change.
    assert_found("CNPJ 12.ABC.345/01DE-35", "BR_CNPJ", "12.ABC.345/01DE-35");
    assert_not_found("CNPJ 12.ABC.345/01DE-36", "BR_CNPJ");
    assert_not_found("11.222.333/0001-82", "BR_CNPJ");
    let mut rng = Rng(0xC4E1);
    for i in 0..60 {
        let body = if i % 2 == 0 {
            s(&rng.digits(12))
        } else {
            alnum(&mut rng, 12)
        };
        let raw = cnpj(&body);
        let v = cnpj_fmt(&raw);
        assert_found(&v, "BR_CNPJ", &v);
        assert_everywhere("cnpj", "BR_CNPJ", &v);
        if i % 2 == 0 {
            assert_found(&format!("CNPJ {raw}"), "BR_CNPJ", &raw);
            assert_not_found(&format!("invoice {raw}"), "BR_CNPJ");
        }
        let m = mutate_digit(&mut rng, &v, 0..v.len());
        if !cnpj_ok(&m) {
            assert_not_found(&m, "BR_CNPJ");
        }
    }
}

#[test]
fn ca_sin() {
    let mut rng = Rng(0xCA51);
    for _ in 0..50 {
        let mut d = rng.digits(8);
        d[0] = *rng.pick(&[1, 2, 3, 4, 5, 6, 7, 9]);
        d.push(luhn_complete(&d));
        let v = format!("{} {} {}", s(&d[..3]), s(&d[3..6]), s(&d[6..]));
        assert_everywhere("sin", "CA_SIN", &v);
        assert_found(
            &format!("social insurance number {}", s(&d)),
            "CA_SIN",
            &s(&d),
        );
        assert_not_found(&format!("ticket {v}"), "CA_SIN");
        assert_near_misses(&mut rng, "sin", "CA_SIN", &v, 0..v.len(), |m| {
            luhn_ok(&only_digits(m))
        });
    }
    // CRA's printed sample starts with 0, which is never assigned to a person.
    assert_not_found("SIN 046 454 286", "CA_SIN");
    // Mixed separators are not one number.
    assert_not_found("SIN 123-456 782", "CA_SIN");
}

#[test]
fn mx_curp() {
    let mut rng = Rng(0x3C02);
    for _ in 0..60 {
        let v = curp(&mut rng);
        assert_found(&v, "MX_CURP", &v);
        assert_everywhere("curp", "MX_CURP", &v);
        // Wrong check digit.
        let last = v.as_bytes()[17] - b'0';
        let bad = format!("{}{}", &v[..17], (last + 1) % 10);
        assert_not_found(&bad, "MX_CURP");
    }
    // A valid check digit over an impossible date (31 February) is still rejected.
    let body = "GOMA560231HDFRRN0";
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, c)| curp_value(c) * (18 - i as u32))
        .sum();
    assert_not_found(&format!("CURP {body}{}", (10 - sum % 10) % 10), "MX_CURP");
}

#[test]
fn au_tfn_medicare_abn() {
    // ATO's published examples.
    assert_found("TFN 123 456 782", "AU_TFN", "123 456 782");
    assert_found("ABN 51 824 753 556", "AU_ABN", "51 824 753 556");
    assert_found("51 824 753 556", "AU_ABN", "51 824 753 556");
    assert_found("ABN: 51824753556", "AU_ABN", "51824753556");
    assert_not_found("51 824 753 557", "AU_ABN");
    assert_found("Medicare 2123 45670 1", "AU_MEDICARE", "2123 45670 1");
    let mut rng = Rng(0xA0B1);
    for _ in 0..50 {
        let d = tfn(&mut rng);
        let v = format!("{} {} {}", s(&d[..3]), s(&d[3..6]), s(&d[6..]));
        assert_everywhere("tax file number", "AU_TFN", &v);
        assert_not_found(&format!("order {v}"), "AU_TFN");
        assert_near_misses(&mut rng, "tfn", "AU_TFN", &v, 0..v.len(), tfn_ok);

        let d = medicare(&mut rng);
        let v = format!("{} {} {}", s(&d[..4]), s(&d[4..9]), s(&d[9..]));
        assert_everywhere("medicare", "AU_MEDICARE", &v);
        assert_near_misses(&mut rng, "medicare", "AU_MEDICARE", &v, 0..10, medicare_ok);

        let d = abn(&mut rng);
        let v = format!(
            "{} {} {} {}",
            s(&d[..2]),
            s(&d[2..5]),
            s(&d[5..8]),
            s(&d[8..])
        );
        assert_found(&v, "AU_ABN", &v);
        assert_everywhere("abn", "AU_ABN", &v);
        assert_near_misses(&mut rng, "abn", "AU_ABN", &v, 0..v.len(), abn_ok);
    }
}

#[test]
fn sg_nric_fin() {
    // The well-known sample used in Singapore's developer guides.
    assert_found("S1234567D", "SG_NRIC_FIN", "S1234567D");
    assert_not_found("S1234567E", "SG_NRIC_FIN");
    let mut rng = Rng(0x5653);
    for _ in 0..80 {
        let v = nric(&mut rng);
        assert_found(&v, "SG_NRIC_FIN", &v);
        assert_everywhere("nric", "SG_NRIC_FIN", &v);
        // Every other check letter is wrong.
        let right = v.as_bytes()[8];
        let wrong = if right == b'Z' { b'A' } else { right + 1 };
        let bad = format!("{}{}", &v[..8], char::from(wrong));
        assert_not_found(&format!("NRIC {bad}"), "SG_NRIC_FIN");
    }
}

#[test]
fn kr_rrn() {
    let mut rng = Rng(0x4B52);
    for _ in 0..60 {
        let v = gen_kr_rrn(&mut rng);
        assert_found(&v, "KR_RRN", &v);
        assert_everywhere("주민등록번호", "KR_RRN", &v);
        let bare: String = v.chars().filter(char::is_ascii_digit).collect();
        assert_found(&format!("RRN {bare}"), "KR_RRN", &bare);
        assert_not_found(&format!("tracking {bare}"), "KR_RRN");
        // One wrong digit in the serial or check part (born before 2020: check applies).
        if &v[..2] >= "20" && &v[..2] <= "30" {
            continue;
        }
        assert_near_misses(&mut rng, "rrn", "KR_RRN", &v, 7..v.len(), kr_ok);
    }
    // 30 February.
    assert_not_found("900230-1234568", "KR_RRN");
}

#[test]
fn jp_my_number() {
    let mut rng = Rng(0x4A50);
    for _ in 0..50 {
        let mut d = rng.digits(11);
        d.push(my_number_check(&d));
        let v = format!("{} {} {}", s(&d[..4]), s(&d[4..8]), s(&d[8..]));
        assert_everywhere("マイナンバー", "JP_MY_NUMBER", &v);
        assert_everywhere("my number", "JP_MY_NUMBER", &s(&d));
        assert_not_found(&format!("build {v}"), "JP_MY_NUMBER");
        assert_near_misses(&mut rng, "my number", "JP_MY_NUMBER", &v, 0..v.len(), |m| {
            let d = only_digits(m);
            my_number_check(&d[..11]) == d[11]
        });
    }
}

#[test]
fn cn_resident_id() {
    // The worked example of GB 11643-1999.
    assert_found("11010519491231002X", "CN_RESIDENT_ID", "11010519491231002X");
    assert_not_found("110105194912310021", "CN_RESIDENT_ID");
    let mut rng = Rng(0x434E);
    for _ in 0..60 {
        let v = cn_id(&mut rng);
        assert_found(&v, "CN_RESIDENT_ID", &v);
        assert_everywhere("身份证", "CN_RESIDENT_ID", &v);
        assert_near_misses(&mut rng, "身份证", "CN_RESIDENT_ID", &v, 0..17, cn_ok);
    }
    // Valid check character over a 30 February birth date.
    let body = "11010519490230002";
    assert_not_found(&format!("{body}{}", cn_check(body)), "CN_RESIDENT_ID");
}

#[test]
fn za_tr_il_th() {
    assert_found("TC Kimlik No: 10000000146", "TR_NATIONAL_ID", "10000000146");
    assert_not_found("TC Kimlik No: 10000000147", "TR_NATIONAL_ID");
    assert_not_found("10000000146", "TR_NATIONAL_ID");
    let mut rng = Rng(0x7A7A);
    for _ in 0..50 {
        let d = za_id(&mut rng);
        let v = s(&d);
        assert_everywhere("id number", "ZA_ID_NUMBER", &v);
        assert_not_found(&format!("order {v}"), "ZA_ID_NUMBER");
        assert_near_misses(&mut rng, "id number", "ZA_ID_NUMBER", &v, 6..13, |m| {
            luhn_ok(&only_digits(m))
        });

        let d = tr_id(&mut rng);
        let v = s(&d);
        assert_everywhere("kimlik", "TR_NATIONAL_ID", &v);
        assert_near_misses(&mut rng, "kimlik", "TR_NATIONAL_ID", &v, 0..11, tr_ok);

        let mut d = rng.digits(8);
        d.push(luhn_complete(&d));
        let v = s(&d);
        if d.iter().all(|&x| x == d[0]) {
            continue;
        }
        assert_everywhere("teudat zehut", "IL_ID", &v);
        assert_not_found(&format!("invoice {v}"), "IL_ID");
        assert_near_misses(&mut rng, "zehut", "IL_ID", &v, 0..9, |m| {
            luhn_ok(&only_digits(m))
        });

        let mut d = rng.digits(12);
        d[0] = 1 + rng.below(8) as u8;
        d.push(th_check(&d));
        let v = format!(
            "{}-{}-{}-{}-{}",
            s(&d[..1]),
            s(&d[1..5]),
            s(&d[5..10]),
            s(&d[10..12]),
            s(&d[12..])
        );
        assert_found(&v, "TH_TNIN", &v);
        assert_everywhere("บัตรประชาชน", "TH_TNIN", &v);
        assert_found(&format!("Thai ID {}", s(&d)), "TH_TNIN", &s(&d));
        assert_near_misses(&mut rng, "thai id", "TH_TNIN", &v, 0..v.len(), |m| {
            let d = only_digits(m);
            th_check(&d[..12]) == d[12]
        });
    }
    // Israeli numbers written without their leading zeros (zero padding leaves Luhn as is).
    assert_found("teudat zehut 3456787", "IL_ID", "3456787");
    assert_found("teudat zehut 003456787", "IL_ID", "003456787");
    assert_not_found("teudat zehut 3456788", "IL_ID");
    // South African ID: 13 digits with Luhn but an impossible birth date (month 13).
    let mut d = only_digits("901301500908");
    d.push(luhn_complete(&d));
    assert_not_found(&format!("ID number {}", s(&d)), "ZA_ID_NUMBER");
}

// ---------------------------------------------------------------------------------------------
// Travel documents.

const TD3_SPECIMEN: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\
                            L898902C36UTO7408122F1204159ZE184226B<<<<<10";
const TD1_SPECIMEN: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n\
                            7408122F1204159UTO<<<<<<<<<<<6\n\
                            ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
const TD2_SPECIMEN: &str = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n\
                            D231458907UTO7408122F1204159<<<<<<<6";

#[test]
fn mrz_icao_specimens() {
    // ICAO Doc 9303 parts 4, 5 and 6: the specimen zones of Anna Maria Eriksson, Utopia.
    for mrz in [TD3_SPECIMEN, TD1_SPECIMEN, TD2_SPECIMEN] {
        assert_found(mrz, "PASSPORT_MRZ", mrz);
        assert_found(&format!("Scan:\n{mrz}\nend"), "PASSPORT_MRZ", mrz);
        let crlf = mrz.replace('\n', "\r\n");
        assert_found(&crlf, "PASSPORT_MRZ", &crlf);
    }
    let f = engine().scan(TD3_SPECIMEN);
    assert_eq!(f[0].reason.check, Some("icao9303-check-digits"));
}

#[test]
fn mrz_every_check_digit_counts() {
    // Each check digit of the TD3 specimen's second line, and the composite, changed alone.
    let line2 = TD3_SPECIMEN.split('\n').nth(1).unwrap();
    for pos in [9, 19, 27, 42, 43] {
        let mut b = line2.as_bytes().to_vec();
        b[pos] = if b[pos] == b'0' { b'1' } else { b'0' };
        let bad = format!(
            "{}\n{}",
            TD3_SPECIMEN.split('\n').next().unwrap(),
            String::from_utf8(b).unwrap()
        );
        assert_not_found(&bad, "PASSPORT_MRZ");
    }
    // A data character changed with its check digit left alone breaks the composite too.
    let bad = TD1_SPECIMEN.replace("7408122F", "7408132F");
    assert_not_found(&bad, "PASSPORT_MRZ");
    let bad = TD2_SPECIMEN.replace("D23145890", "D23145891");
    assert_not_found(&bad, "PASSPORT_MRZ");
    // A line too long is not a zone.
    assert_not_found(&format!("{TD3_SPECIMEN}<"), "PASSPORT_MRZ");
}

#[test]
fn mrz_generated() {
    let mut rng = Rng(0x9303);
    for _ in 0..40 {
        for mrz in [td3(&mut rng), td1(&mut rng), td2(&mut rng)] {
            assert_found(&mrz, "PASSPORT_MRZ", &mrz);
            assert_found(&format!("😀\n{mrz}\n"), "PASSPORT_MRZ", &mrz);
            // Flip one digit of the second line: some check digit must fail.
            let lines: Vec<&str> = mrz.split('\n').collect();
            let line2 = lines[1];
            let digits: Vec<usize> = line2
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            let i = *rng.pick(&digits);
            let mut b = line2.as_bytes().to_vec();
            b[i] = b'0' + (b[i] - b'0' + 1 + rng.below(9) as u8) % 10;
            let mut bad: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            bad[1] = String::from_utf8(b).unwrap();
            assert_not_found(&bad.join("\n"), "PASSPORT_MRZ");
        }
    }
}

#[test]
fn mrz_long_document_numbers() {
    // ICAO 9303 part 5, 4.2.4: a document number over nine characters puts `<` in the check
    // position and continues in the optional data, followed by its check digit.
    let mut rng = Rng(0x1001);
    for _ in 0..20 {
        let doc = alnum(&mut rng, 12);
        let l1 = pad(
            format!("I<UTO{}<{}{}", &doc[..9], &doc[9..], icao(&doc)),
            30,
        );
        let dob = yymmdd(&mut rng);
        let exp = yymmdd(&mut rng);
        let mut l2 = pad(format!("{dob}{}F{exp}{}UTO", icao(&dob), icao(&exp)), 29);
        let composite = format!("{}{}{}{}", &l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]);
        l2.push(icao(&composite));
        let mrz = format!("{l1}\n{l2}\n{}", pad("DOE<<JANE".into(), 30));
        assert_found(&mrz, "PASSPORT_MRZ", &mrz);
        // The long number's own check digit changed (composite recomputed to match).
        let c = l1.as_bytes()[18] - b'0';
        let l1_bad = format!("{}{}{}", &l1[..18], (c + 1) % 10, &l1[19..]);
        let mut l2_bad = l2[..29].to_string();
        let composite = format!(
            "{}{}{}{}",
            &l1_bad[5..30],
            &l2[0..7],
            &l2[8..15],
            &l2[18..29]
        );
        l2_bad.push(icao(&composite));
        let bad = format!("{l1_bad}\n{l2_bad}\n{}", pad("DOE<<JANE".into(), 30));
        assert_not_found(&bad, "PASSPORT_MRZ");
    }
}

#[test]
fn national_passports_need_context() {
    let cases = [
        ("FR_PASSPORT", "12AB34567", "passeport"),
        ("ES_PASSPORT", "XDA123456", "pasaporte"),
        ("IT_PASSPORT", "YA1234567", "passaporto"),
        ("NL_PASSPORT", "NXC3R2K14", "paspoort"),
        ("CA_PASSPORT", "GA302922", "passport"),
    ];
    for (entity, v, ctx) in cases {
        assert_everywhere(ctx, entity, v);
        assert_not_found(&format!("part number {v}"), entity);
    }
    // Australian: one letter and seven digits is shared with India; with only AU active, it
    // is an Australian passport.
    let au = Engine::new(&EngineOptions {
        countries: Some(vec!["AU".into()]),
        ..EngineOptions::default()
    })
    .unwrap();
    let text = "passport N1234567";
    let f = au.scan(text);
    assert_eq!(f[0].entity.as_ref(), "AU_PASSPORT");
    assert_eq!(&text[f[0].start..f[0].end], "N1234567");
}

// ---------------------------------------------------------------------------------------------
// Money and devices.

#[test]
fn swift_bic() {
    for v in [
        "DEUTDEFF",
        "DEUTDEFF500",
        "BNPAFRPP",
        "NWBKGB2L",
        "COBADEFFXXX",
    ] {
        assert_everywhere("bic", "SWIFT_BIC", v);
        assert_found(&format!("SWIFT code: {v}"), "SWIFT_BIC", v);
        // Eight capitals without the word are often just a word.
        assert_not_found(&format!("status {v}"), "SWIFT_BIC");
    }
    // No such country as QQ or ZZ.
    assert_not_found("BIC DEUTQQFF", "SWIFT_BIC");
    assert_not_found("BIC ABCDZZ12", "SWIFT_BIC");
    assert_not_found("BIC deutdeff", "SWIFT_BIC");
}

#[test]
fn crypto_published_addresses() {
    let valid = [
        // Bitcoin's genesis block reward and the P2SH example of the Bitcoin wiki.
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        // Other chains' base58check addresses in public use: Tron (the USDT TRC-20 contract
        // and another), Dogecoin, Litecoin P2PKH and P2SH (`M` prefix).
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
        "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L",
        "LQTpS3VaYTjCr4s9Y1t5zbeY26zevf7Fb3",
        "MGxNPPB7eBoWPUaprtX9v9CXJZoD2465zN",
        // BIP-173 (bech32, P2WPKH and P2WSH) and BIP-350 (bech32m, P2TR) test vectors.
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        // EIP-55's checksummed examples.
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ];
    for v in valid {
        assert_found(v, "CRYPTO", v);
        assert_found(&format!("send to {v}."), "CRYPTO", v);
        assert_found(&format!("😀{v}"), "CRYPTO", v);
        let f = engine().scan(v);
        assert!(f[0].reason.check.is_some(), "{v} names its check");
    }
    let invalid = [
        // One character changed.
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T",
        "DH5yaieqoZN36fDVciNyRueRGvGLR3mr8L",
        // A valid Bitcoin payload written with a Tron prefix letter is not an address: the
        // version byte must belong to the prefix (here the genesis address with T for 1).
        "TA1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "bc1qw508d6qejxtdg4c5r3zarvary0c5xw7kv8f3t4",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj1",
        // Wrong case in one letter breaks EIP-55.
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
        // A witness-v0 program with the bech32m constant (BIP-350's invalid list shape).
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
        // Mixed-case bech32 is invalid by definition.
        "bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    ];
    for v in invalid {
        assert_not_found(v, "CRYPTO");
    }
    // An all-lower-case Ethereum address carries no checksum: only with a context word.
    let lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    assert_found(&format!("my eth wallet {lower}"), "CRYPTO", lower);
    assert_not_found(&format!("topic {lower}"), "CRYPTO");
}

/// BIP-173/350 encoding with the crate's public polymod, for generated segwit addresses.
fn segwit(hrp: &str, version: u8, program: &[u8]) -> String {
    const CS: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let mut data = vec![version];
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in program {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            data.push(((acc >> bits) & 31) as u8);
        }
    }
    if bits > 0 {
        data.push(((acc << (5 - bits)) & 31) as u8);
    }
    let constant = if version == 0 { 1 } else { 0x2bc8_30a3 };
    let mut with_zeros = data.clone();
    with_zeros.extend([0u8; 6]);
    let pm = pii_airlock::bech32_polymod(hrp.as_bytes(), &with_zeros) ^ constant;
    for i in 0..6 {
        data.push(((pm >> (5 * (5 - i))) & 31) as u8);
    }
    let body: String = data.iter().map(|&v| CS[v as usize] as char).collect();
    format!("{hrp}1{body}")
}

#[test]
fn crypto_generated_segwit() {
    let mut rng = Rng(0xB1C5);
    for i in 0..60 {
        let (version, len) = match i % 3 {
            0 => (0, 20),
            1 => (0, 32),
            _ => (1, 32),
        };
        let program: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
        let hrp = if i % 4 == 0 { "ltc" } else { "bc" };
        let v = segwit(hrp, version, &program);
        assert_found(&format!("pay {v}"), "CRYPTO", &v);
        // Any single character substituted is caught by the BCH code.
        let pos = 4 + rng.below((v.len() - 4) as u64) as usize;
        let mut b = v.as_bytes().to_vec();
        b[pos] = if b[pos] == b'q' { b'p' } else { b'q' };
        assert_not_found(&String::from_utf8(b).unwrap(), "CRYPTO");
    }
}

#[test]
fn imei() {
    // The example IMEI of 3GPP-derived documentation and Wikipedia.
    assert_found("IMEI 490154203237518", "IMEI", "490154203237518");
    assert_found("49-015420-323751-8", "IMEI", "49-015420-323751-8");
    assert_found("49015420-323751-8", "IMEI", "49015420-323751-8");
    assert_found("IMEI: 49 015420 323751 8", "IMEI", "49 015420 323751 8");
    assert_not_found("49 015420 323751 9", "IMEI");
    assert_not_found("IMEI 490154203237519", "IMEI");
    assert_not_found("490154203237518", "IMEI");
    let mut rng = Rng(0x1E1);
    for _ in 0..60 {
        let mut d = rng.digits(14);
        d.push(luhn_complete(&d));
        let v = format!(
            "{} {} {} {}",
            s(&d[..2]),
            s(&d[2..8]),
            s(&d[8..14]),
            s(&d[14..])
        );
        assert_found(&v, "IMEI", &v);
        assert_everywhere("imei", "IMEI", &v);
        assert_everywhere("imei", "IMEI", &s(&d));
        assert_near_misses(&mut rng, "imei", "IMEI", &v, 0..v.len(), |m| {
            luhn_ok(&only_digits(m))
        });
    }
}

#[test]
fn vin() {
    // The check-digit example of 49 CFR 565 as reproduced on Wikipedia.
    assert_found("VIN 1M8GDM9AXKP042788", "VIN", "1M8GDM9AXKP042788");
    assert_found("1M8GDM9AXKP042788", "VIN", "1M8GDM9AXKP042788");
    assert_not_found("1M8GDM9A1KP042788", "VIN");
    // I, O and Q never occur.
    assert_not_found("1M8GDM9AXKO042788", "VIN");
    let mut rng = Rng(0x3779);
    for _ in 0..60 {
        let v = gen_vin(&mut rng);
        assert_found(&v, "VIN", &v);
        assert_everywhere("fahrgestellnummer", "VIN", &v);
        // A North American VIN with a wrong check digit is not one.
        let c = v.as_bytes()[8];
        let wrong = if c == b'X' {
            b'0'
        } else if c == b'9' {
            b'X'
        } else {
            c + 1
        };
        let mut b = v.as_bytes().to_vec();
        b[8] = wrong;
        assert_not_found(&format!("VIN {}", String::from_utf8(b).unwrap()), "VIN");
    }
    // A European VIN need not carry the check digit: reported with a context word only.
    let eu = "WVWZZZ1JZXW000001";
    assert_ne!(
        vin_check(eu.as_bytes()),
        b'Z',
        "the sample must lack a valid check digit"
    );
    assert_found(&format!("Fahrgestellnummer: {eu}"), "VIN", eu);
    assert_not_found(&format!("ref {eu}"), "VIN");
}

// ---------------------------------------------------------------------------------------------
// Time and place.

const MONTH_NAMES: &[(&str, [&str; 12])] = &[
    (
        "born on",
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    ),
    (
        "geboren am",
        [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
    ),
    (
        "né le",
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        "fecha de nacimiento:",
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    ),
    (
        "nato il",
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    ),
    (
        "geboortedatum",
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "urodzony",
        [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ],
    ),
    (
        "data de nascimento",
        [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
    ),
];

#[test]
fn date_of_birth_numeric() {
    let mut rng = Rng(0xD0B);
    let ctxs = [
        "DOB:",
        "date of birth",
        "Geburtsdatum",
        "date de naissance",
        "nacido el",
        "data di nascita",
        "geboren op",
        "data urodzenia",
        "nascido em",
        "born",
    ];
    for _ in 0..80 {
        let (y, m, d) = date(&mut rng);
        let ctx = *rng.pick(&ctxs);
        for v in [
            format!("{d:02}.{m:02}.{y}"),
            format!("{d}/{m}/{y}"),
            format!("{m:02}/{d:02}/{y}"),
            format!("{y}-{m:02}-{d:02}"),
            format!("{d:02}-{m:02}-{:02}", y % 100),
        ] {
            assert_found(&format!("{ctx} {v}"), "DATE_OF_BIRTH", &v);
            assert_found(&format!("{v} ({ctx})"), "DATE_OF_BIRTH", &v);
            // Dates alone are not personal data.
            assert_not_found(&format!("Release {v}"), "DATE_OF_BIRTH");
            assert_not_found(&v, "DATE_OF_BIRTH");
        }
    }
    // Impossible dates and birth years in the future.
    for v in [
        "31.02.1990",
        "30/02/1985",
        "1990-13-01",
        "00.01.1990",
        "12.05.2031",
        "1850-01-01",
    ] {
        assert_not_found(&format!("born {v}"), "DATE_OF_BIRTH");
    }
    // Leap days: 29 February exists in 2000 but not in 1900.
    assert_found("DOB 29.02.2000", "DATE_OF_BIRTH", "29.02.2000");
    assert_not_found("DOB 29.02.1900", "DATE_OF_BIRTH");
    // Mixed separators are not one date.
    assert_not_found("DOB 12.03/1990", "DATE_OF_BIRTH");
    for v in ["12.03.1990", "1990-03-12", "12 March 1990", "12. März 1990"] {
        assert_everywhere("born", "DATE_OF_BIRTH", v);
        assert_everywhere("geb.", "DATE_OF_BIRTH", v);
    }
    let f = engine().scan("Date of birth: 1990-03-12");
    assert_eq!(f[0].reason.check, Some("calendar-date"));
    assert_eq!(f[0].reason.context.as_deref(), Some("date of birth"));
}

#[test]
fn date_of_birth_month_names() {
    let mut rng = Rng(0x0B1);
    for (ctx, months) in MONTH_NAMES {
        for (i, name) in months.iter().enumerate() {
            let y = 1940 + rng.below(80) as u32;
            let d = 1 + rng.below(u64::from(days_in(y, i as u32 + 1))) as u32;
            let v = if ctx.starts_with("fecha") {
                format!("{d} de {name} de {y}")
            } else if ctx.starts_with("geboren am") {
                format!("{d}. {name} {y}")
            } else if ctx.starts_with("data de") {
                format!("{d} de {name} de {y}")
            } else {
                format!("{d} {name} {y}")
            };
            assert_found(&format!("{ctx} {v}"), "DATE_OF_BIRTH", &v);
            assert_found(&format!("{ctx} {v}, in Berlin."), "DATE_OF_BIRTH", &v);
            let lower = v.to_lowercase();
            assert_found(&format!("{ctx} {lower}"), "DATE_OF_BIRTH", &lower);
            assert_not_found(&format!("Meeting {v}"), "DATE_OF_BIRTH");
        }
    }
    // English month-first forms and ordinals.
    assert_found("born March 12, 1990", "DATE_OF_BIRTH", "March 12, 1990");
    assert_found("DOB: Sept. 3 1985", "DATE_OF_BIRTH", "Sept. 3 1985");
    assert_found(
        "born on the 3rd of May 1990",
        "DATE_OF_BIRTH",
        "3rd of May 1990",
    );
    assert_found("née le 1er août 1970", "DATE_OF_BIRTH", "1er août 1970");
    // Born in the first person, as people write it about themselves: these words named no
    // birth ("nací" did not even pass the birth-word pre-check, which compared ASCII `naci`).
    assert_found(
        "nací el 3 de mayo de 1985",
        "DATE_OF_BIRTH",
        "3 de mayo de 1985",
    );
    assert_found(
        "urodziłam się 3 maja 1985 r.",
        "DATE_OF_BIRTH",
        "3 maja 1985",
    );
    assert_found("urodziłem się 03.05.1985", "DATE_OF_BIRTH", "03.05.1985");
    assert_found("moje urodziny: 03.05.1985", "DATE_OF_BIRTH", "03.05.1985");
    assert_found(
        "nasci em 3 de maio de 1985",
        "DATE_OF_BIRTH",
        "3 de maio de 1985",
    );
    assert_not_found("born 31 April 1990", "DATE_OF_BIRTH");
    assert_not_found("born Marchy 12, 1990", "DATE_OF_BIRTH");
    assert_not_found("born 12 apples 1990", "DATE_OF_BIRTH");
}

#[test]
fn geo_coordinates() {
    let cases = [
        "48.858370, 2.294481",
        "-33.856784, 151.215297",
        "40.689247,-74.044502",
        "48.8584° N, 2.2945° E",
        "48.85837°, 2.29448°",
    ];
    for v in cases {
        assert_found(v, "GEO_COORDINATES", v);
        assert_found(&format!("GPS: {v}."), "GEO_COORDINATES", v);
        assert_found(&format!("😀{v}"), "GEO_COORDINATES", v);
    }
    // Degrees-minutes-seconds as map apps print them: the finding starts at the minutes
    // (the ASCII pattern cannot start at a degree sign), so only the whole degrees of
    // latitude stay in the text.
    for (text, tail) in [
        ("48°51'30\"N 2°17'40\"E", "51'30\"N 2°17'40\"E"),
        ("33°51'24.4\"S 151°12'55.1\"E", "51'24.4\"S 151°12'55.1\"E"),
        (
            "at 51° 30' 26\" N, 0° 7' 39\" W.",
            "30' 26\" N, 0° 7' 39\" W",
        ),
    ] {
        assert_found(text, "GEO_COORDINATES", tail);
    }
    // The hemisphere before each coordinate, as GPS receivers and geocaching listings print
    // it (the degrees of latitude stay in the text, as above).
    for (text, value) in [
        (
            "N 48° 51' 29.6\" E 2° 17' 40.2\"",
            "51' 29.6\" E 2° 17' 40.2\"",
        ),
        ("S 33°52'10\" E 151°12'30\".", "52'10\" E 151°12'30\""),
        ("at N 48.85837, E 2.29448 today", "48.85837, E 2.29448"),
        ("S 33.8688 E 151.2093", "33.8688 E 151.2093"),
    ] {
        assert_found(text, "GEO_COORDINATES", value);
    }
    // Whole minutes, as charts, logbooks and travel notes give a position (a square of
    // ~1.8 km): a coordinate when each half carries its hemisphere letter.
    for (text, value) in [
        ("S 33°52' E 151°12'", "52' E 151°12'"),
        ("33°52'S 151°12'E", "52'S 151°12'E"),
        ("anchored at 48°23'N, 4°29'W.", "23'N, 4°29'W"),
    ] {
        assert_found(text, "GEO_COORDINATES", value);
    }
    // Whole minutes without the letters: an angle, a time or a list of them.
    for bad in [
        "angles of 33°52' and 151°12'",
        "33°52' 151°12'",
        "N 48° 51' S 2° 17'",
    ] {
        assert_not_found(bad, "GEO_COORDINATES");
    }
    // A hemisphere letter that is part of a word, or two latitudes.
    for bad in [
        "AS 33°52'10\" E 151°12'30\"",
        "N 48° 51' 29.6\" S 2° 17' 40.2\"",
        "N 48° 51' 29.6\" East",
    ] {
        assert_not_found(bad, "GEO_COORDINATES");
    }
    // Each number labelled: prose, JSON, a query string, German labels.
    for (text, value) in [
        ("lat 48.8566 lon 2.3522", "48.8566 lon 2.3522"),
        (
            r#"{"lat": 48.85661, "lng": 2.35222}"#,
            r#"48.85661, "lng": 2.35222"#,
        ),
        (
            "latitude: 48.85661, longitude: 2.35222",
            "48.85661, longitude: 2.35222",
        ),
        ("lat=48.8566&lon=2.3522", "48.8566&lon=2.3522"),
        ("Breite 48.8566, Länge 2.3522", "48.8566, Länge 2.3522"),
        // Four decimals (11 m) after a word that names a location.
        ("my location: 52.5200,13.4050", "52.5200,13.4050"),
        ("GPS 52.5200, 13.4050", "52.5200, 13.4050"),
    ] {
        assert_found(text, "GEO_COORDINATES", value);
    }
    // Links to a map: the URL's parts are split at `,`-free `/`, `&` and `!`, so the pair is
    // read on the whole link.
    for (text, value) in [
        (
            "https://maps.google.com/?q=52.5200,13.4050",
            "52.5200,13.4050",
        ),
        (
            "see https://www.google.com/maps/@52.5200066,13.404954,15z please",
            "52.5200066,13.404954",
        ),
        (
            "https://www.openstreetmap.org/?mlat=48.85661&mlon=2.35222#map=18/48.85661/2.35222",
            "48.85661&mlon=2.35222",
        ),
        (
            "https://www.openstreetmap.org/#map=18/48.85661/2.35222",
            "48.85661/2.35222",
        ),
        (
            "https://www.google.com/maps/place/X/data=!3m1!4b1!8m2!3d48.8583701!4d2.2944813",
            "48.8583701!4d2.2944813",
        ),
        (
            "https://maps.apple.com/?ll=48.8584%2C2.2945&q=Home",
            "48.8584%2C2.2945",
        ),
    ] {
        assert_found(text, "GEO_COORDINATES", value);
    }
    for bad in [
        // A vector in a link, a version, four decimals in a link that is no map.
        "https://example.com/data?vec=12.345678,23.456789,34.567890",
        "https://example.com/api/v1.2345,2.3456",
        // Labels that do not pair up.
        "lon 48.8566 lat 2.3522",
        "lat 48.8566 depth 2.3522",
    ] {
        assert_not_found(bad, "GEO_COORDINATES");
    }
    // Heights and minutes without a degree sign before them are not coordinates.
    assert_not_found("he is 5'11\" tall, 6'2\" with shoes", "GEO_COORDINATES");
    assert_not_found("48°61'30\"N 2°17'40\"E", "GEO_COORDINATES");
    assert_not_found("95°51'30\"N 2°17'40\"E", "GEO_COORDINATES");
    let mut rng = Rng(0x6E0);
    for _ in 0..60 {
        let lat = rng.below(170_000_000) as f64 / 1e6 - 85.0;
        let lon = rng.below(340_000_000) as f64 / 1e6 - 170.0;
        if lat.abs() < 1.0 && lon.abs() < 1.0 {
            continue;
        }
        let v = format!("{lat:.6}, {lon:.6}");
        assert_found(&format!("location {v}"), "GEO_COORDINATES", &v);
        let hemis = format!(
            "{:.4}° {}, {:.4}° {}",
            lat.abs(),
            if lat < 0.0 { 'S' } else { 'N' },
            lon.abs(),
            if lon < 0.0 { 'W' } else { 'E' }
        );
        assert_found(&hemis, "GEO_COORDINATES", &hemis);
    }
    for bad in [
        // Out of range.
        "91.123456, 2.294481",
        "48.858370, 181.294481",
        // Hemisphere letters in the wrong places.
        "48.8584° E, 2.2945° E",
        // Too coarse to locate a person.
        "48.85, 2.29",
        "48°N 2°E",
        // FX rates and other four-decimal pairs.
        "EUR/USD 1.0845, 1.2712",
        // A vector of floats.
        "12.345678, 23.456789, 34.567890",
        // Near zero: scores and probabilities.
        "0.123456, 0.654321",
    ] {
        assert_not_found(bad, "GEO_COORDINATES");
    }
}

/// How phones share a place: the `geo:` URI (RFC 5870), a plus code (Open Location Code,
/// full form) and a what3words address; and minutes and seconds typed with primes.
#[test]
fn shared_locations() {
    for (text, value) in [
        ("geo:52.5200,13.4050", "52.5200,13.4050"),
        ("meet me at geo:48.8584,2.2945;u=35", "48.8584,2.2945"),
        ("plus code 9F4MGC22+22", "9F4MGC22+22"),
        ("I'm at 8FW4V75V+8Q, come", "8FW4V75V+8Q"),
        (
            "my what3words is ///filled.count.soap",
            "///filled.count.soap",
        ),
        (
            "I live at 40°44\u{2032}54\u{2033}N 73°59\u{2032}08\u{2033}W",
            "44\u{2032}54\u{2033}N 73°59\u{2032}08\u{2033}W",
        ),
        // Word's AutoCorrect turns `'` and `"` after a digit into closing quotes.
        (
            "I live at 40°44\u{2019}54\u{201D}N 73°59\u{2019}08\u{201D}W",
            "44\u{2019}54\u{201D}N 73°59\u{2019}08\u{201D}W",
        ),
    ] {
        assert_found(text, "GEO_COORDINATES", value);
    }
    for bad in [
        // Inside a longer token, outside the alphabet's ranges, a path.
        "key a9F4MGC22+22x",
        "CW4MGC22+22",
        "9F4MGC22+2",
        "see //filled.count.soap",
    ] {
        assert_not_found(bad, "GEO_COORDINATES");
    }
}

// ---------------------------------------------------------------------------------------------
// Country selection and explanations.

#[test]
fn country_selection_limits_rules() {
    let br = Engine::new(&EngineOptions {
        countries: Some(vec!["BR".into()]),
        ..EngineOptions::default()
    })
    .unwrap();
    let ids: Vec<&str> = br.rules().iter().map(|r| r.id.as_ref()).collect();
    assert!(ids.contains(&"br-cpf") && ids.contains(&"br-cnpj"));
    assert!(!ids.contains(&"in-aadhaar") && !ids.contains(&"cn-resident-id"));
    // Rules that are not national stay on.
    assert!(ids.contains(&"passport-mrz") && ids.contains(&"crypto-ethereum"));
    let text = "CPF 111.444.777-35, Aadhaar 2345 6789 0123, 身份证 11010519491231002X";
    let entities: Vec<String> = br.scan(text).iter().map(|f| f.entity.to_string()).collect();
    assert!(entities.contains(&"BR_CPF".to_string()));
    assert!(!entities
        .iter()
        .any(|e| e == "IN_AADHAAR" || e == "CN_RESIDENT_ID"));
    let all = engine().scan(text);
    assert!(all.iter().any(|f| f.entity.as_ref() == "CN_RESIDENT_ID"));
}

#[test]
fn findings_explain_checks_and_context() {
    let text = "CPF: 11144477735";
    let f = engine().scan(text);
    let cpf = finding_for(&f, text, "11144477735").expect("bare CPF with context");
    assert_eq!(cpf.entity.as_ref(), "BR_CPF");
    assert_eq!(cpf.reason.check, Some("cpf-mod11"));
    assert_eq!(cpf.reason.context.as_deref(), Some("cpf"));
    let body = "49911866524";
    let c = (0..10)
        .find(|c| pii_airlock::verhoeff(&format!("{body}{c}")))
        .unwrap();
    let v = format!("4991 1866 524{c}");
    let text = format!("Aadhaar: {v}");
    let f = engine().scan(&text);
    let a = finding_for(&f, &text, &v).expect("valid Aadhaar with context");
    assert_eq!(a.reason.check, Some("verhoeff"));
    assert_eq!(a.reason.context.as_deref(), Some("aadhaar"));
    let text = "NRIC S1234567D";
    let f = engine().scan(text);
    assert_eq!(f[0].reason.check, Some("nric-check-letter"));
}

#[test]
fn every_checked_type_names_its_check() {
    let cases = [
        ("CPF 111.444.777-35", "BR_CPF", "cpf-mod11"),
        ("CNPJ 11.222.333/0001-81", "BR_CNPJ", "cnpj-mod11"),
        ("TFN 123 456 782", "AU_TFN", "tfn-mod11"),
        ("ABN 51 824 753 556", "AU_ABN", "abn-mod89"),
        (
            "Medicare 2123 45670 1",
            "AU_MEDICARE",
            "medicare-check-digit",
        ),
        ("NRIC S1234567D", "SG_NRIC_FIN", "nric-check-letter"),
        (
            "身份证 11010519491231002X",
            "CN_RESIDENT_ID",
            "iso7064-mod11-2",
        ),
        ("TC kimlik 10000000146", "TR_NATIONAL_ID", "tckn-checks"),
        ("teudat zehut 123456782", "IL_ID", "luhn"),
        (
            "my number 123456789018",
            "JP_MY_NUMBER",
            "my-number-check-digit",
        ),
        ("IMEI 490154203237518", "IMEI", "luhn"),
        ("VIN 1M8GDM9AXKP042788", "VIN", "vin-check-digit"),
        ("BIC DEUTDEFF", "SWIFT_BIC", "bic-country-code"),
        ("born 12 March 1990", "DATE_OF_BIRTH", "calendar-date"),
        (
            "GPS 48.858370, 2.294481",
            "GEO_COORDINATES",
            "coordinate-range",
        ),
        (
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "CRYPTO",
            "bech32",
        ),
        (
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "CRYPTO",
            "eip55",
        ),
    ];
    for (text, entity, check) in cases {
        let f = engine().scan(text);
        let hit = f
            .iter()
            .find(|f| f.entity.as_ref() == entity)
            .unwrap_or_else(|| panic!("{entity} in {text:?}: {f:?}"));
        assert_eq!(hit.reason.check, Some(check), "{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// False positives.

const MINE: &[&str] = &[
    "IN_AADHAAR",
    "IN_PAN",
    "IN_PASSPORT",
    "IN_VOTER",
    "BR_CPF",
    "BR_CNPJ",
    "CA_SIN",
    "MX_CURP",
    "AU_TFN",
    "AU_MEDICARE",
    "AU_ABN",
    "SG_NRIC_FIN",
    "KR_RRN",
    "JP_MY_NUMBER",
    "CN_RESIDENT_ID",
    "ZA_ID_NUMBER",
    "TR_NATIONAL_ID",
    "IL_ID",
    "TH_TNIN",
    "PASSPORT_MRZ",
    "FR_PASSPORT",
    "ES_PASSPORT",
    "IT_PASSPORT",
    "NL_PASSPORT",
    "CA_PASSPORT",
    "AU_PASSPORT",
    "SWIFT_BIC",
    "CRYPTO",
    "IMEI",
    "VIN",
    "DATE_OF_BIRTH",
    "GEO_COORDINATES",
];

fn hex(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b"0123456789abcdef"[rng.below(16) as usize]))
        .collect()
}

fn corpus(rng: &mut Rng) -> String {
    let mut t = String::new();
    for i in 0..400 {
        let n = rng.below(1_000_000_000_000);
        let line =
            match i % 18 {
                0 => format!(
                    "Invoice INV-{}-{:06} dated {}-{:02}-{:02}: total {}.{:02} EUR, VAT 19%",
                    2020 + rng.below(6),
                    rng.below(1_000_000),
                    2020 + rng.below(6),
                    1 + rng.below(12),
                    1 + rng.below(28),
                    rng.below(100_000),
                    rng.below(100)
                ),
                1 => format!(
                "2024-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z INFO worker[{}] request_id={} took {}ms",
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(24),
                rng.below(60),
                rng.below(60),
                rng.below(1000),
                rng.below(99999),
                rng.below(1 << 40),
                rng.below(5000)
            ),
                2 => format!(
                    "epoch {} ms {} ns {}",
                    1_600_000_000 + rng.below(200_000_000),
                    1_600_000_000_000 + rng.below(200_000_000_000),
                    n * 1000 + rng.below(1000)
                ),
                3 => format!(
                    "commit {} (HEAD) parent {} tree {}",
                    hex(rng, 40),
                    hex(rng, 7),
                    hex(rng, 40)
                ),
                4 => format!(
                    "sha256: {} uuid {}-{}-4{}-a{}-{}",
                    hex(rng, 64),
                    hex(rng, 8),
                    hex(rng, 4),
                    hex(rng, 3),
                    hex(rng, 3),
                    hex(rng, 12)
                ),
                5 => format!(
                "## v{}.{}.{} ({}-{:02}-{:02})\n- bump serde to 1.0.{} and regex-automata 0.4.{}",
                rng.below(20), rng.below(50), rng.below(100), 2018 + rng.below(8),
                1 + rng.below(12), 1 + rng.below(28), rng.below(300), rng.below(30)
            ),
                6 => format!(
                    "| {:>8} | {:>10} | {:>6}.{:02} | {:>12} |",
                    rng.below(100_000_000),
                    rng.below(10_000_000_000),
                    rng.below(10_000),
                    rng.below(100),
                    rng.below(1_000_000_000_000)
                ),
                7 => format!(
                    "Order #{} shipped, tracking {} ",
                    n,
                    rng.below(10_000_000_000_000_000)
                ),
                8 => format!(
                    "loss {:.4}, acc {:.4}, lr {:.6}, step {}",
                    rng.below(10_000) as f64 / 10_000.0,
                    rng.below(10_000) as f64 / 10_000.0,
                    rng.below(1000) as f64 / 1e6,
                    rng.below(100_000)
                ),
                9 => format!(
                    "EUR/USD {:.4}, GBP/USD {:.4}; CPU {}.{}%, mem {} KiB, pid {}",
                    1.0 + rng.below(3000) as f64 / 10_000.0,
                    1.1 + rng.below(3000) as f64 / 10_000.0,
                    rng.below(100),
                    rng.below(10),
                    rng.below(100_000_000),
                    rng.below(4_000_000)
                ),
                10 => format!(
                    "build {} artifact {}-{}.tar.gz size {} bytes, ETag \"{}\"",
                    rng.below(1_000_000),
                    hex(rng, 12),
                    rng.below(1_000_000_000_000_000),
                    rng.below(10_000_000_000),
                    hex(rng, 32)
                ),
                11 => format!(
                    "Meeting on {} March {} at {}:{:02}, room {}",
                    1 + rng.below(28),
                    2020 + rng.below(6),
                    8 + rng.below(10),
                    rng.below(60),
                    rng.below(999)
                ),
                12 => format!(
                    "SKU {}{}{}-{} qty {} price {}.{:02}",
                    rng.letter(),
                    rng.letter(),
                    rng.letter(),
                    rng.below(10_000_000),
                    rng.below(100),
                    rng.below(1000),
                    rng.below(100)
                ),
                13 => format!(
                    "ERROR CODE_{} in MODULEXY line {} col {}; retry {} of {}",
                    rng.below(100_000),
                    rng.below(10_000),
                    rng.below(200),
                    rng.below(10),
                    rng.below(10)
                ),
                14 => format!(
                    "ISBN 978-{}-{}-{} and DOI 10.{}/{}.{}",
                    rng.below(10),
                    rng.below(100_000),
                    rng.below(1000),
                    rng.below(10_000),
                    rng.below(10_000_000),
                    rng.below(1000)
                ),
                16 => format!(
                    "tx 0x{} block {} gas {} from token {}",
                    hex(rng, 64),
                    rng.below(30_000_000),
                    rng.below(1_000_000),
                    (0..17)
                        .map(|_| char::from(*rng.pick(b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789")))
                        .collect::<String>()
                ),
                17 => format!(
                    "STATUS {} WARNING {} code {}",
                    ["RUNNING", "FINISHED", "DEGRADED"][rng.below(3) as usize],
                    (0..8).map(|_| rng.letter()).collect::<String>(),
                    rng.below(1000)
                ),
                _ => format!(
                    "matrix [{:.5}, {:.5}, {:.5}] seed {} nonce 0x{}",
                    rng.below(100_000) as f64 / 1000.0,
                    rng.below(100_000) as f64 / 1000.0,
                    rng.below(100_000) as f64 / 1000.0,
                    n,
                    hex(rng, 16)
                ),
            };
        t.push_str(&line);
        t.push('\n');
    }
    t
}

#[test]
fn false_positive_corpus_is_clean() {
    let mut rng = Rng(0xF00D);
    for round in 0..5 {
        let text = corpus(&mut rng);
        if round == 0 {
            // The corpus is full of candidates: digit runs of every length, floats, dates.
            assert!(text.matches(char::is_numeric).count() > 10_000);
        }
        let bad: Vec<(String, String)> = found(&text)
            .into_iter()
            .filter(|(e, _)| MINE.contains(&e.as_str()))
            .collect();
        assert!(bad.is_empty(), "false positives: {bad:?}");
    }
}

#[test]
fn thai_id_after_its_labels() {
    // python-stdnum's th.pin example 1101700230708.
    for label in ["TNIN", "เลขบัตรประชาชน", "Thai national ID"] {
        assert_found(
            &format!("{label} 1101700230708"),
            "TH_TNIN",
            "1101700230708",
        );
    }
}

#[test]
fn korean_business_registration_passport_and_driving_licence() {
    // Business registration numbers: python-stdnum's kr.brn example 116-82-00276 and
    // Samsung Electronics' published 124-81-00998.
    for v in ["116-82-00276", "124-81-00998"] {
        assert_found(&format!("사업자등록번호 {v}"), "KR_BRN", v);
        assert_found(v, "KR_BRN", v);
    }
    assert_not_found("124-81-00997", "KR_BRN");
    // Passports and driving licences have no check digit: only after their label.
    assert_found("여권번호 M12345678", "KR_PASSPORT", "M12345678");
    assert_found("여권 M123A4567", "KR_PASSPORT", "M123A4567");
    assert_not_found("model M12345678", "KR_PASSPORT");
    assert_found(
        "운전면허번호 11-12-345678-90",
        "KR_DRIVER_LICENSE",
        "11-12-345678-90",
    );
    assert_not_found("ref 11-12-345678-90", "KR_DRIVER_LICENSE");
}

#[test]
fn korean_foreign_registration_numbers() {
    // The check digit of a foreign registration number is (13 - sum mod 11) mod 10, the
    // resident registration number's plus 2. Generated: 900101-5 + six digits.
    let body = [9u8, 0, 0, 1, 0, 1, 5, 1, 2, 3, 4, 5];
    let w = [2u32, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    let sum: u32 = body.iter().zip(w).map(|(&d, w)| u32::from(d) * w).sum();
    let check = (13 - sum % 11) % 10;
    let v = format!("900101-512345{check}");
    assert_found(&format!("외국인등록번호 {v}"), "KR_RRN", &v);
}

#[test]
fn crowded_lines_favour_the_label_before_the_value() {
    // Both numbers pass both checks; each label stands before its own value, and the word
    // after the first value is the next value's label.
    let text = "TFN 123 456 782, SIN 046 454 286";
    let got = found(text);
    assert!(
        got.iter().any(|(e, v)| e == "AU_TFN" && v == "123 456 782"),
        "{got:?}"
    );
}

/// AFIP's CUIT/CUIL check digit: weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, `11 - sum mod 11`.
fn cuit(type_and_dni: &str) -> String {
    let d: Vec<u32> = type_and_dni.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = d
        .iter()
        .zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(x, w)| x * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    assert!(check < 10, "no CUIT with this type");
    format!("{}-{}-{check}", &type_and_dni[..2], &type_and_dni[2..])
}

/// Chile's RUT check character: digits from the right weighted 2..7 cyclically,
/// `11 - sum mod 11`, 11 → `0`, 10 → `K`.
fn rut_check(number: u32) -> char {
    let mut sum = 0;
    for (i, ch) in number.to_string().bytes().rev().enumerate() {
        sum += u32::from(ch - b'0') * [2, 3, 4, 5, 6, 7][i % 6];
    }
    match 11 - sum % 11 {
        11 => '0',
        10 => 'K',
        r => char::from(b'0' + r as u8),
    }
}

/// National identifiers of Argentina, Chile, Colombia and Peru, with check characters
/// computed by the published algorithms.
#[test]
fn latin_american_identifiers() {
    let cuit1 = cuit("2012345678");
    let cuit2 = cuit("2730123456");
    let rut = format!("12.345.678-{}", rut_check(12_345_678));
    let rut_short = format!("7.654.321-{}", rut_check(7_654_321));
    let cases = [
        (format!("CUIT {cuit1}"), "AR_CUIT", cuit1.clone()),
        (format!("mi CUIL es {cuit2}"), "AR_CUIT", cuit2.clone()),
        (cuit1.clone(), "AR_CUIT", cuit1.clone()),
        (format!("RUT {rut}"), "CL_RUT", rut.clone()),
        (rut.clone(), "CL_RUT", rut.clone()),
        (format!("RUN: {rut_short}"), "CL_RUT", rut_short.clone()),
        ("DNI 30.123.456".into(), "NATIONAL_ID", "30.123.456".into()),
        (
            "mi DNI es 7.123.456".into(),
            "NATIONAL_ID",
            "7.123.456".into(),
        ),
        ("DNI: 12345678".into(), "NATIONAL_ID", "12345678".into()),
        ("D.N.I. 45678123".into(), "NATIONAL_ID", "45678123".into()),
        (
            "cédula 1.234.567.890".into(),
            "NATIONAL_ID",
            "1.234.567.890".into(),
        ),
        (
            "cedula no. 79123456".into(),
            "NATIONAL_ID",
            "79123456".into(),
        ),
    ];
    for (text, entity, value) in &cases {
        assert_found(text, entity, value);
    }
    // A wrong check character, no label before a dotted amount or plain digits.
    let bad_cuit = format!("{}{}", &cuit1[..12], (cuit1.as_bytes()[12] - b'0' + 1) % 10);
    let bad_rut = format!("12.345.678-{}", if rut.ends_with('0') { '1' } else { '0' });
    for (text, entity) in [
        (format!("CUIT {bad_cuit}"), "AR_CUIT"),
        (format!("RUT {bad_rut}"), "CL_RUT"),
        ("total 30.123.456 pesos".to_string(), "NATIONAL_ID"),
        ("order 12345678".to_string(), "NATIONAL_ID"),
        (format!("ref {}", rut_short.replace('.', "")), "CL_RUT"),
        (format!("CUIT {}", cuit1.replace('-', "")), "AR_CUIT"),
        ("cédula 0.000.000".to_string(), "NATIONAL_ID"),
    ] {
        assert_not_found(&text, entity);
    }
}

/// Identifiers with letters typed in lower case in a chat (`mi dni es 12345678z`, `mi rfc
/// es gode561231gr8`): the same checks on the upper-case value; mixed case is refused.
#[test]
fn letter_identifiers_typed_in_lower_case() {
    let rfc = format!("GODE561231GR{}", rfc_check("GODE561231GR"));
    let dni = format!("12345678{}", dni_letter(12_345_678));
    let nie = format!("X1234567{}", dni_letter(1_234_567));
    let mut rng = Rng(0xC5A);
    let curp = curp(&mut rng);
    for (text, entity, value) in [
        ("mi rfc es {}", "MX_RFC", rfc.to_ascii_lowercase()),
        ("factura a {} por favor", "MX_RFC", rfc.to_ascii_lowercase()),
        ("mi curp es {}", "MX_CURP", curp.to_ascii_lowercase()),
        ("mi dni es {}", "ES_NIF", dni.to_ascii_lowercase()),
        ("mi nie es {}", "ES_NIE", nie.to_ascii_lowercase()),
    ] {
        assert_found(&text.replace("{}", &value), entity, &value);
    }
    // Mixed case is a word or an identifier in code more often; a wrong letter stays wrong.
    let mixed = format!("Gode{}", &rfc[4..].to_ascii_lowercase());
    assert_not_found(&format!("ref {mixed}"), "MX_RFC");
    let wrong_letter = if dni.ends_with('Z') { 'a' } else { 'z' };
    assert_not_found(&format!("mi dni es 12345678{wrong_letter}"), "ES_NIF");
    assert_not_found(
        &format!("mi nie es x1234567{}", dni_letter(1_234_567)),
        "ES_NIE",
    );
}

/// RENIEC's check character of a Peruvian DNI: the eight digits weighted 3, 2, 7, 6, 5, 4,
/// 3, 2, the sum modulo 11 picking a digit (current cards) or a letter (older cards).
fn pe_dni_check(number: &str) -> (char, char) {
    let sum: usize = number
        .bytes()
        .zip([3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(b, w)| usize::from(b - b'0') * w)
        .sum();
    let r = sum % 11;
    (char::from(b"65432110987"[r]), char::from(b"KJIHGFEDCBA"[r]))
}

/// Peru's DNI with its check character, after a dash: the whole value after a label (the
/// character kept as printed when it is a digit that does not verify), and with no label
/// when the character verifies.
#[test]
fn peruvian_dni_with_its_check_character() {
    let mut rng = Rng(0x9E2);
    for _ in 0..40 {
        // Numbers from 40,000,000 (dates are below: see the end).
        let number = format!("{:08}", 40_000_000 + rng.below(59_999_999));
        let (digit, letter) = pe_dni_check(&number);
        let with_digit = format!("{number}-{digit}");
        let with_letter = format!("{number} - {letter}");
        for (text, value) in [
            (format!("Mi DNI es {with_digit}"), &with_digit),
            (format!("DNI {with_letter}"), &with_letter),
            (format!("cliente {with_digit}, gracias"), &with_digit),
            (with_letter.clone(), &with_letter),
        ] {
            assert_found(&text, "NATIONAL_ID", value);
        }
        // A digit that does not verify, after the label: the value as printed.
        let wrong = (b'0'..=b'9').map(char::from).find(|&c| c != digit).unwrap();
        let labelled_wrong = format!("{number}-{wrong}");
        assert_found(
            &format!("DNI: {labelled_wrong}"),
            "NATIONAL_ID",
            &labelled_wrong,
        );
        // With no label it must verify.
        assert_not_found(&format!("ref {labelled_wrong}"), "NATIONAL_ID");
    }
    // With no label, a date and a build number (`20050712-1`) or a value inside a version
    // string is not a DNI, whatever its check says.
    for day in ["20050712", "19991231", "20240229"] {
        let (digit, _) = pe_dni_check(day);
        assert_not_found(&format!("built {day}-{digit} today"), "NATIONAL_ID");
        assert_found(
            &format!("DNI {day}-{digit}"),
            "NATIONAL_ID",
            &format!("{day}-{digit}"),
        );
    }
    let (digit, _) = pe_dni_check("45678123");
    assert_not_found(&format!("pkg 1.2-45678123-{digit}"), "NATIONAL_ID");
    // Spain's DNI letter after a dash stays the `es-nif` rule's.
    let es = format!(
        "12345678-{}",
        char::from(b"TRWAGMYFPDXBNJZSQVHLCKE"[12_345_678 % 23])
    );
    assert_found(&format!("DNI {es}"), "ES_NIF", &es);
}

/// Postal codes where the sentence says they are one: a verb between label and code, a
/// verb of living, a US state's code before it.
#[test]
fn postal_codes_after_a_verb_or_a_state() {
    for (text, value) in [
        ("my zip is 94107", "94107"),
        ("ZIP: 94107-1234", "94107-1234"),
        ("my zip code is 10001-0001", "10001-0001"),
        ("I live in 90210", "90210"),
        ("San Francisco, CA 94107", "94107"),
        ("office in Austin, TX 78701-1234", "78701-1234"),
        ("meine PLZ ist 10115", "10115"),
        ("le code postal est 75008", "75008"),
        ("mi código postal es 28013", "28013"),
        ("kod pocztowy to 00-950", "00-950"),
    ] {
        assert_found(text, "LOCATION", value);
    }
    for text in [
        "order 94107 shipped",
        "customer name, ID 12345",
        "see Appendix, ZZ 75008",
        "zip is 00000",
        "we live in 2024 now",
        "zip is 94107-12",
    ] {
        assert_not_found(text, "LOCATION");
    }
}

/// SAT's RFC check character over `0-9 A-N & O-Z space`, weights 13..2; a company's
/// twelve-character RFC counts a leading space.
fn rfc_check(first: &str) -> char {
    let padded = if first.len() == 11 {
        format!(" {first}")
    } else {
        first.to_string()
    };
    let alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ ";
    let sum: usize = padded
        .chars()
        .enumerate()
        .map(|(i, ch)| alphabet.find(ch).unwrap() * (13 - i))
        .sum();
    match 11 - sum % 11 {
        11 => '0',
        10 => 'A',
        r => char::from(b'0' + r as u8),
    }
}

/// Mexico's RFC (a person's 13 characters, a company's 12) with SAT's check character and a
/// real date.
#[test]
fn mexican_rfc() {
    let rfc = format!("GODE561231GR{}", rfc_check("GODE561231GR"));
    assert_eq!(rfc, "GODE561231GR8", "SAT's published example");
    let company = format!("ABC680524P7{}", rfc_check("ABC680524P7"));
    for (text, value) in [
        (format!("RFC {rfc}"), rfc.clone()),
        (rfc.clone(), rfc.clone()),
        (format!("RFC de la empresa: {company}"), company.clone()),
    ] {
        assert_found(&text, "MX_RFC", &value);
    }
    // A wrong check character, a 31st of February.
    let wrong = format!("GODE561231GR{}", if rfc.ends_with('9') { '1' } else { '9' });
    let bad_date = format!("GODE560231GR{}", rfc_check("GODE560231GR"));
    for text in [format!("RFC {wrong}"), format!("RFC {bad_date}")] {
        assert_not_found(&text, "MX_RFC");
    }
}

/// Spain's DNI check letter: the number modulo 23 picks a letter of the published table
/// (Real Decreto 1553/2005); a NIE counts its X, Y, Z as 0, 1, 2.
fn dni_letter(n: u32) -> char {
    char::from(b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize])
}

/// Driving licence numbers of European states after their label, in each state's language,
/// in the shapes the states issue; reported as `DRIVER_LICENSE`.
#[test]
fn driving_licences_after_their_label_in_many_languages() {
    let dni = format!("12345678{}", dni_letter(12_345_678));
    let nie = format!("X1234567{}", dni_letter(1_234_567));
    let cases = [
        (
            "Meine Führerscheinnummer: B072RRE2I55",
            "B072RRE2I55".to_string(),
        ),
        ("Führerschein B072RRE2I55", "B072RRE2I55".into()),
        ("Fuehrerscheinnummer ist J010000VAS1", "J010000VAS1".into()),
        (
            "Mon numéro de permis de conduire : 880375123456",
            "880375123456".into(),
        ),
        ("permis de conduire 13AA00002", "13AA00002".into()),
        ("permis de conduire : 08042A123456", "08042A123456".into()),
        ("La mia patente è U1A2B3C4D5", "U1A2B3C4D5".into()),
        ("patente di guida: MI1234567H", "MI1234567H".into()),
        ("Mijn rijbewijsnummer is 5012345678", "5012345678".into()),
        ("rijbewijs 5012345678", "5012345678".into()),
        ("Moje prawo jazdy: 01234/12/1234", "01234/12/1234".into()),
        (
            "numer prawa jazdy 01234/12/1234567",
            "01234/12/1234567".into(),
        ),
        ("carta de condução: L-1234567", "L-1234567".into()),
    ];
    for (text, value) in cases {
        assert_found(text, "DRIVER_LICENSE", &value);
    }
    // Spain's licence number is the holder's DNI or NIE.
    assert_found(
        &format!("Mi permiso de conducir: {dni}"),
        "DRIVER_LICENSE",
        &dni,
    );
    assert_found(&format!("carné de conducir {nie}"), "DRIVER_LICENSE", &nie);
    for text in [
        // Words, too few digits, two kinds of separator after the label.
        "patente di guida scaduta ieri",
        "Führerschein ABCDEFGH1JK",
        "rijbewijs 50123",
        "prawo jazdy: 01234/12-1234",
        // Without the label.
        "B072RRE2I55",
        "ticket 01234/12/1234",
    ] {
        assert_not_found(text, "DRIVER_LICENSE");
    }
}

#[test]
fn license_plates_after_their_label() {
    for (text, plate) in [
        ("my license plate is ABC-1234", "ABC-1234"),
        ("Kennzeichen: M-XY 123", "M-XY 123"),
        ("matrícula 1234 BCD", "1234 BCD"),
        ("kenteken 12-ABC-3", "12-ABC-3"),
        ("number plate AB12 CDE please", "AB12 CDE"),
        ("plaque AB-123-CD", "AB-123-CD"),
        ("targa AB123CD", "AB123CD"),
        // A copula between the label and the plate.
        ("Kennzeichen ist B-MW 1234", "B-MW 1234"),
        ("my plate is ABC 1234", "ABC 1234"),
        ("my plate number is ABC 1234", "ABC 1234"),
        ("la plaque est AB-123-CD", "AB-123-CD"),
        ("la matrícula es 1234 BCD", "1234 BCD"),
        ("la targa è AB 123 CD", "AB 123 CD"),
    ] {
        assert_found(text, "LICENSE_PLATE", plate);
    }
    // Without a plate label, or with no plate after it.
    for text in [
        "the plate number is unknown",
        "registration number: 2023-01",
        "license plate 7",
        "ABC-1234 is the ticket",
        // "plate" alone says nothing about what follows.
        "plate B12 steel",
        "see plate 4A of the atlas",
    ] {
        assert_not_found(text, "LICENSE_PLATE");
    }
}

/// A plate right after its label, without a colon or copula, whose first group is letters alone
/// (German and Austrian plates: district, letters, number): the first group was read as one
/// more word of the label, the rest (`1234`) was no plate, and the plate went out.
#[test]
fn license_plates_with_a_letters_group_right_after_their_label() {
    let labels = [
        "Kennzeichen",
        "KENNZEICHEN",
        "Kfz-Kennzeichen",
        "Nummernschild",
        "license plate",
        "licence plate number",
        "number plate",
        "registration plate",
        "vehicle registration",
        "plate number",
        "plate no.",
        "plaque",
        "plaque d'immatriculation",
        "immatriculation",
        "matrícula",
        "matricula",
        "placa",
        "targa",
        "kenteken",
        "tablica rejestracyjna",
        "numer rejestracyjny",
    ];
    for label in labels {
        for plate in ["B-MW 1234", "HH-AB 987", "M-XY 123", "W-ABCD 12"] {
            let text = format!("{label} {plate} gestohlen");
            assert_found(&text, "LICENSE_PLATE", plate);
            let text = format!("Das {label} {plate}.");
            assert_found(&text, "LICENSE_PLATE", plate);
        }
    }
}

#[test]
fn passports_of_any_country_after_their_label() {
    // The ICAO 9303 specimen (Doc 9303 part 4) and shapes of countries the catalog has no
    // rule for, after a passport label in the eight languages.
    let e = pii_airlock::Engine::default_engine();
    for (text, value, entity) in [
        ("my passport no: L898902C3", "L898902C3", "PASSPORT_NUMBER"),
        (
            "Passport number 87654321 (Sweden)",
            "87654321",
            "PASSPORT_NUMBER",
        ),
        ("Reisepass: C01X00T47", "C01X00T47", "DE_PASSPORT"),
        (
            "numéro de passeport : 12AB34567",
            "12AB34567",
            "FR_PASSPORT",
        ),
        ("passaporte: P123456", "P123456", "PASSPORT_NUMBER"),
    ] {
        let f = e.scan(text);
        assert!(
            f.iter()
                .any(|f| &text[f.start..f.end] == value && &*f.entity == entity),
            "{text}: {:?}",
            f.iter()
                .map(|f| (&*f.entity, &text[f.start..f.end]))
                .collect::<Vec<_>>()
        );
    }
    for text in [
        "passport: ABCDEFGH",
        "passport 1111111",
        "passport photo 2x2",
    ] {
        assert!(
            !e.scan(text).iter().any(|f| f.entity.contains("PASSPORT")),
            "{text}"
        );
    }
}
