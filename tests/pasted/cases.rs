//! The table of issue 16: every built-in value type put through every way text gets pasted
//! (Unicode spaces and dashes, invisible characters, other digits, fullwidth forms, escapes,
//! line wraps, inside URLs). Shared by `tests/pasted_text.rs` (native) and `tests/wasm.rs`.
//!
//! Values are published specimens (RFC documentation addresses, Ofcom drama numbers, the
//! IBAN registry's layout, the examples the identifier tests already use) or generated here
//! with their check digits computed by this file (Luhn, ISO 7064 mod 97, Verhoeff, CRC-32).

/// One value of one entity, and whether it can sit inside a URL without a label (values whose
/// rules need a context word cannot).
pub struct Value {
    pub entity: &'static str,
    pub label: &'static str,
    pub value: String,
    pub in_url: bool,
}

/// A text to scan, the entity expected in it and the exact characters it must cover.
pub struct Case {
    pub kind: String,
    pub entity: &'static str,
    pub text: String,
    pub value: String,
}

/// SplitMix64: the same values on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn digits(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next() % 10) as u8).collect()
    }
    fn pick(&mut self, alphabet: &str, n: usize) -> String {
        let a = alphabet.as_bytes();
        (0..n)
            .map(|_| char::from(a[(self.next() % a.len() as u64) as usize]))
            .collect()
    }
}

fn text_of(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// Groups `s` in blocks of `n` joined by `sep`.
fn grouped(s: &str, n: usize, sep: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(n)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(sep)
}

fn luhn_complete(body: &[u8]) -> Vec<u8> {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let x = 2 * d;
                x - if x > 9 { 9 } else { 0 }
            } else {
                d
            }
        })
        .sum();
    let mut out = body.to_vec();
    out.push(((10 - sum % 10) % 10) as u8);
    out
}

/// A German IBAN (`DE` + check digits + 18-digit BBAN), grouped by four.
fn iban(r: &mut Rng) -> String {
    let bban = text_of(&r.digits(18));
    // ISO 13616: move `DE00` to the end, letters as numbers (D = 13, E = 14), mod 97.
    let numeric = format!("{bban}131400");
    let rem = numeric
        .bytes()
        .fold(0u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97);
    let check = 98 - rem;
    grouped(&format!("DE{check:02}{bban}"), 4, " ")
}

/// The Verhoeff check digit (Verhoeff 1969) that completes an Aadhaar number, found by
/// trying each digit against the crate's public check.
fn verhoeff_complete(body: &[u8]) -> Vec<u8> {
    let mut out = body.to_vec();
    out.push(0);
    let last = out.len() - 1;
    for k in 0..10 {
        out[last] = k;
        if pii_airlock::verhoeff(&text_of(&out)) {
            break;
        }
    }
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A classic GitHub token: 30 random characters and their CRC-32 in base62, six digits.
fn github_token(r: &mut Rng) -> String {
    const B62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let body = r.pick(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        30,
    );
    let mut n = crc32(body.as_bytes());
    let mut sum = Vec::new();
    for _ in 0..6 {
        sum.push(B62[(n % 62) as usize]);
        n /= 62;
    }
    sum.reverse();
    format!("ghp_{body}{}", String::from_utf8(sum).unwrap())
}

/// One value per built-in value type.
pub fn values() -> Vec<Value> {
    let mut r = Rng(16);
    let v = |entity, label, value: &str, in_url| Value {
        entity,
        label,
        value: value.to_string(),
        in_url,
    };
    let mut card = vec![4];
    card.extend(r.digits(14));
    let card = grouped(&text_of(&luhn_complete(&card)), 4, " ");
    let mut aadhaar = vec![2 + (r.next() % 8) as u8];
    aadhaar.extend(r.digits(10));
    let aadhaar = grouped(&text_of(&verhoeff_complete(&aadhaar)), 4, " ");
    let aws = format!("AKIA{}", r.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
    vec![
        v("EMAIL_ADDRESS", "mail", "jane.doe@example.com", true),
        v("PHONE_NUMBER", "phone", "+44 20 7946 0958", true),
        v("PHONE_NUMBER", "phone", "(202) 555-0143", false),
        v("CREDIT_CARD", "card", &card, true),
        v("IBAN_CODE", "IBAN", &iban(&mut r), true),
        v("US_SSN", "SSN", "536-22-1234", false),
        v("UK_NHS", "NHS number", "943 476 5919", false),
        v("UK_NINO", "NI number", "AB 12 34 56 C", false),
        v("DE_TAX_ID", "Steuer-ID", "86 095 742 719", false),
        v("FR_NIR", "NIR", "2 55 08 14 168 025 38", false),
        v("CH_AHV", "AHV-Nr.", "756.9217.0769.85", false),
        v("NL_BSN", "BSN", "111222333", false),
        v("ES_NIF", "DNI", "12345678Z", false),
        v(
            "IT_FISCAL_CODE",
            "Codice fiscale",
            "RSSMRA85T10A562S",
            false,
        ),
        v("BR_CPF", "CPF", "111.444.777-35", false),
        v("IN_AADHAAR", "Aadhaar no.", &aadhaar, false),
        // A public address: documentation and private ranges score below the default minimum.
        v("IP_ADDRESS", "server", "81.24.79.130", true),
        v("MAC_ADDRESS", "mac address", "00:1A:2B:3C:4D:5E", true),
        v("SECRET", "key", &aws, true),
        v("SECRET", "token", &github_token(&mut r), true),
    ]
}

const SPACES: &[(&str, char)] = &[
    ("NO-BREAK SPACE", '\u{A0}'),
    ("NARROW NO-BREAK SPACE", '\u{202F}'),
    ("THIN SPACE", '\u{2009}'),
    ("FIGURE SPACE", '\u{2007}'),
    ("EN SPACE", '\u{2002}'),
    ("IDEOGRAPHIC SPACE", '\u{3000}'),
    ("tab", '\t'),
];
const DASHES: &[(&str, char)] = &[
    ("HYPHEN", '\u{2010}'),
    ("NON-BREAKING HYPHEN", '\u{2011}'),
    ("FIGURE DASH", '\u{2012}'),
    ("EN DASH", '\u{2013}'),
    ("MINUS SIGN", '\u{2212}'),
    ("SMALL HYPHEN-MINUS", '\u{FE63}'),
    ("FULLWIDTH HYPHEN-MINUS", '\u{FF0D}'),
];
/// Separators that group digits only (in words they are letters' business): a Japanese
/// input method's prolonged sound mark for a hyphen, middle dots for a space.
const DIGIT_DASHES: &[(&str, char)] = &[("KATAKANA-HIRAGANA PROLONGED SOUND MARK", '\u{30FC}')];
const DIGIT_SPACES: &[(&str, char)] = &[
    ("MIDDLE DOT", '\u{B7}'),
    ("KATAKANA MIDDLE DOT", '\u{30FB}'),
    ("DOT OPERATOR", '\u{22C5}'),
];
const INVISIBLES: &[(&str, char)] = &[
    ("SOFT HYPHEN", '\u{AD}'),
    ("ZERO WIDTH SPACE", '\u{200B}'),
    ("WORD JOINER", '\u{2060}'),
    ("BOM", '\u{FEFF}'),
    ("ZERO WIDTH JOINER", '\u{200D}'),
    ("LEFT-TO-RIGHT MARK", '\u{200E}'),
];
/// The zero of each digit script.
const DIGITS: &[(&str, u32)] = &[
    ("fullwidth", 0xFF10),
    ("Arabic-Indic", 0x0660),
    ("Persian", 0x06F0),
    ("Devanagari", 0x0966),
    ("Bengali", 0x09E6),
    ("Thai", 0x0E50),
    ("Tibetan", 0x0F20),
    ("mathematical bold", 0x1D7CE),
];

fn with_digits(value: &str, zero: u32) -> String {
    value
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(zero + d).unwrap(),
            None => c,
        })
        .collect()
}

fn fullwidth(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            ' ' => '\u{3000}',
            '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap(),
            c => c,
        })
        .collect()
}

/// `value` with `c` after its first character and in its middle.
fn insert_invisible(value: &str, c: char) -> String {
    let chars: Vec<char> = value.chars().collect();
    let mid = chars.len() / 2;
    let mut out = String::new();
    for (i, ch) in chars.iter().enumerate() {
        if i == 1 || (i == mid && mid > 1) {
            out.push(c);
        }
        out.push(*ch);
    }
    out
}

/// The separator where a wrapped line can break the value: after at least two groups of
/// letters or digits, the one before the break all digits, and a digit after it.
fn wrap_point(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    let group = |x: &u8| x.is_ascii_digit() || x.is_ascii_uppercase();
    (1..b.len().saturating_sub(1))
        .rev()
        .filter(|&i| matches!(b[i], b' ' | b'-') && b[i + 1].is_ascii_digit())
        .find(|&i| {
            let digits = b[..i]
                .iter()
                .rev()
                .take_while(|x| x.is_ascii_digit())
                .count();
            let sep = i.checked_sub(digits + 1);
            sep.is_some_and(|s| {
                b[s] == b[i] && digits >= 1 && {
                    let before = b[..s].iter().rev().take_while(|x| group(x)).count();
                    (2..=8).contains(&before)
                }
            })
        })
}

/// Percent-encodes everything but unreserved characters (RFC 3986); a space is `+` in a
/// query.
fn percent(value: &str, query: bool) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(b))
            }
            b' ' if query => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// ASCII letters and digits as MATHEMATICAL BOLD ones ("fancy text" generators).
fn math_bold(s: &str) -> String {
    s.chars()
        .map(|c| {
            let cp = match c {
                'A'..='Z' => 0x1D400 + (c as u32 - 'A' as u32),
                'a'..='z' => 0x1D41A + (c as u32 - 'a' as u32),
                '0'..='9' => 0x1D7CE + (c as u32 - '0' as u32),
                _ => return c,
            };
            char::from_u32(cp).unwrap_or(c)
        })
        .collect()
}

/// Every transformation of every value, in a labelled sentence.
pub fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for v in values() {
        let mut add = |kind: String, value: String| {
            let text = format!("Re: {} {value} — thanks.", v.label);
            out.push(Case {
                kind,
                entity: v.entity,
                text,
                value,
            });
        };
        let plain = &v.value;
        for (name, c) in SPACES {
            if plain.contains(' ') {
                add(name.to_string(), plain.replace(' ', &c.to_string()));
            }
        }
        for (name, c) in DASHES {
            if plain.contains('-') {
                add(name.to_string(), plain.replace('-', &c.to_string()));
            }
        }
        // Every `sep` in the value stands between two digits.
        let between_digits = |sep: char| {
            let chars: Vec<char> = plain.chars().collect();
            chars.contains(&sep)
                && (0..chars.len()).all(|i| {
                    chars[i] != sep
                        || (i > 0
                            && chars[i - 1].is_ascii_digit()
                            && chars.get(i + 1).is_some_and(char::is_ascii_digit))
                })
        };
        if between_digits(' ') {
            for (name, c) in DIGIT_SPACES {
                add(name.to_string(), plain.replace(' ', &c.to_string()));
            }
        }
        if between_digits('-') {
            for (name, c) in DIGIT_DASHES {
                add(name.to_string(), plain.replace('-', &c.to_string()));
            }
        }
        for (name, c) in INVISIBLES {
            add(name.to_string(), insert_invisible(plain, *c));
        }
        for (name, zero) in DIGITS {
            if plain.bytes().any(|b| b.is_ascii_digit()) {
                add(format!("{name} digits"), with_digits(plain, *zero));
            }
        }
        add("fullwidth".into(), fullwidth(plain));
        add("mathematical bold".into(), math_bold(plain));
        if plain.contains("fi") || plain.contains("ff") || plain.contains("fl") {
            add(
                "PDF ligatures".into(),
                plain
                    .replace("ffi", "\u{FB03}")
                    .replace("ff", "\u{FB00}")
                    .replace("fi", "\u{FB01}")
                    .replace("fl", "\u{FB02}"),
            );
        }
        if let Some(i) = wrap_point(plain) {
            let (a, b) = (&plain[..i], &plain[i + 1..]);
            let sep = &plain[i..i + 1];
            let joined = |brk: &str| format!("{a}{brk}{b}");
            add(
                "line break".into(),
                joined(if sep == "-" { "-\n" } else { "\n" }),
            );
            add(
                "CRLF".into(),
                joined(if sep == "-" { "-\r\n" } else { "\r\n" }),
            );
            if sep == " " {
                // A hyphenated break inside a group: `4111 1111 11-\n11 1111`.
                let group = b.bytes().take_while(u8::is_ascii_digit).count();
                if group >= 2 {
                    add(
                        "hyphenated line break".into(),
                        format!("{a} {}-\n{}", &b[..1], &b[1..]),
                    );
                }
            }
        }
        if plain.contains('@') {
            for (name, enc) in [
                ("&#64;", "&#64;"),
                ("&#x40;", "&#x40;"),
                ("&commat;", "&commat;"),
                ("\\u0040", "\\u0040"),
                ("\\x40", "\\x40"),
            ] {
                add(format!("escape {name}"), plain.replace('@', enc));
            }
        }
        if plain.contains('@') || plain.contains(' ') {
            // A URL-encoded value pasted outside its URL (a form body, a log line).
            add(
                "percent-encoded outside a URL".into(),
                plain.replace('@', "%40").replace(' ', "%20"),
            );
        }
        if let Some(at) = plain.find('@') {
            // Spelt out against address harvesters.
            let (local, domain) = plain.split_at(at);
            add(
                "spelt out [at] [dot]".into(),
                format!("{local} [at] {}", domain[1..].replace('.', " [dot] ")),
            );
            add(
                "spelt out (at)".into(),
                format!("{local}(at){}", &domain[1..]),
            );
        }
        if let Some(at) = plain.find('@') {
            // A CJK keyboard's full stop for the domain's dots.
            let (local, domain) = plain.split_at(at);
            add(
                "ideographic full stop".into(),
                format!("{local}{}", domain.replace('.', "\u{3002}")),
            );
        }
        if let Some(d) = plain.find(|c: char| c.is_ascii_digit()) {
            // A digit typed in Arabic-Indic script, then dumped as escaped UTF-8 bytes.
            let digit = u32::from(plain.as_bytes()[d] - b'0');
            let arabic = char::from_u32(0x0660 + digit).unwrap_or('0');
            let mut utf8 = [0u8; 4];
            let escaped: String = arabic
                .encode_utf8(&mut utf8)
                .bytes()
                .map(|b| format!("\\x{b:02x}"))
                .collect();
            add(
                "escape \\x UTF-8".into(),
                format!("{}{escaped}{}", &plain[..d], &plain[d + 1..]),
            );
        }
        if let Some(d) = plain.bytes().find(u8::is_ascii_digit) {
            add(
                "numeric reference".into(),
                plain.replacen(char::from(d), &format!("&#{};", d), 1),
            );
        }
        if plain.contains(' ') {
            add("&nbsp;".into(), plain.replace(' ', "&nbsp;"));
        }
        // Round 17 (hunt18): markup pasted raw inside the value, and values escaped twice.
        // After the first group that ends in a letter or digit.
        let sep = plain.char_indices().find(|&(i, c)| {
            matches!(c, ' ' | '-' | '.')
                && plain[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
        });
        if let Some((sep, _)) = sep {
            let (head, rest) = plain.split_at(sep);
            add("<b> inline tag".into(), format!("{head}</b>{rest}"));
            add(
                "<span> inline tags".into(),
                format!("{head}</span><span>{rest}"),
            );
            add("Markdown strong emphasis".into(), format!("{head}**{rest}"));
        }
        add(
            "<wbr> inside".into(),
            insert_invisible(plain, '\u{1}').replace('\u{1}', "<wbr>"),
        );
        if plain.contains('@') {
            for (name, enc) in [
                ("&amp;#64;", "&amp;#64;"),
                ("\\\\u0040", "\\\\u0040"),
                ("%2540", "%2540"),
                ("SMALL COMMERCIAL AT", "\u{FE6B}"),
            ] {
                add(format!("escape {name}"), plain.replace('@', enc));
            }
        }
        if plain.contains(' ') {
            add("&amp;nbsp;".into(), plain.replace(' ', "&amp;nbsp;"));
        }
        if v.in_url {
            let q = percent(plain, true);
            let p = percent(plain, false);
            for (kind, url, value) in [
                (
                    "URL query",
                    format!("https://example.com/pay?lang=en&data={q}&step=2"),
                    q.clone(),
                ),
                (
                    "URL path",
                    format!("https://example.com/u/{p}/edit"),
                    p.clone(),
                ),
                (
                    "URL without a scheme",
                    format!("www.example.com/u/{p}/edit"),
                    p.clone(),
                ),
                (
                    "URL query encoded twice",
                    format!("https://example.com/r?to={}&x=1", percent(&p, true)),
                    percent(&p, true),
                ),
                (
                    "URL user info",
                    format!("https://{p}@git.example.com/o/r.git"),
                    p.clone(),
                ),
                (
                    "URL fragment",
                    format!("https://example.com/cb#data={p}&state=1"),
                    p.clone(),
                ),
                // A narrow mail client or a PDF cuts a long link where it may go on.
                (
                    "URL cut at a line end",
                    format!("https://example.com/pay?lang=en&\ndata={q}&step=2"),
                    q.clone(),
                ),
            ] {
                let text = format!("Re: {} {url} — thanks.", v.label);
                out.push(Case {
                    kind: kind.into(),
                    entity: v.entity,
                    text,
                    value,
                });
            }
        }
    }
    out
}
