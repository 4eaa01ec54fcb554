//! Values encoded in base64 inside the text: a Kubernetes Secret's `data:` values, an OAuth
//! `state` parameter, a session cookie, an encoded payload in a log line. The pattern rules
//! and the names pass read text, so `ZGI6Ly9qYW5lOmh1bnRlcjJAZGIuZXhhbXBsZS5jb20=` (a database
//! URL with its password) or `eyJlbWFpbCI6ImphbmVAZXhhbXBsZS5jb20ifQ` (a JSON object with an
//! address) went out as it was. [`base64_texts`] finds the runs worth decoding and decodes
//! them; the engine scans each decoded text and reports the whole run as what it holds.
//!
//! A run is read only when it could be the encoding of text: 16 characters or more, letters
//! of both cases and a digit or `+` / `/` (hex digests and identifiers are not), `=` only as
//! padding, one alphabet (standard or URL-safe), and it decodes to UTF-8 that is nearly all
//! printable. Binary payloads (images, keys, compressed data) fail that last test.

use crate::rules::secrets::codec::base64_decode;

/// Shortest run read: 16 characters hold 12 bytes.
const MIN_RUN: usize = 16;
/// Longest run decoded: a longer one is a file, not a value typed into a prompt.
const MAX_RUN: usize = 64 * 1024;

/// Bytes of a base64 run (both alphabets; `=` is handled apart).
const fn alphabet() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'-' || c == b'_';
        b += 1;
    }
    t
}
static ALPHABET: [bool; 256] = alphabet();

/// The base64 runs of `text` that decode to text: `(start, end, decoded)`, in text order.
/// The run includes its `=` padding.
pub(crate) fn base64_texts(text: &str) -> Vec<(usize, usize, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !ALPHABET[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && ALPHABET[usize::from(bytes[i])] {
            i += 1;
        }
        let mut end = i;
        while end < bytes.len() && bytes[end] == b'=' && end - i < 2 {
            end += 1;
        }
        // A run glued to more of a word (`=` then letters: `key=value`) is split there: the
        // value after `=` is a run of its own, read on the next turn.
        let glued = bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric());
        let run = &text[start..i];
        if !glued && (MIN_RUN..=MAX_RUN).contains(&run.len()) && looks_encoded(run) {
            if let Some(decoded) = decode_text(run) {
                out.push((start, end, decoded));
            }
        }
        i = end.max(i);
    }
    out
}

/// The cheap tests, before any decoding: both cases, a digit or a symbol of the standard
/// alphabet, one alphabet only, and a length base64 can have.
fn looks_encoded(run: &str) -> bool {
    let b = run.as_bytes();
    let (mut upper, mut lower, mut digit, mut std, mut url) = (false, false, false, false, false);
    for &c in b {
        match c {
            b'A'..=b'Z' => upper = true,
            b'a'..=b'z' => lower = true,
            b'0'..=b'9' => digit = true,
            b'+' | b'/' => std = true,
            _ => url = true,
        }
    }
    upper && lower && (digit || std) && !(std && url) && b.len() % 4 != 1
}

/// `run` decoded, when it is UTF-8 text: no control characters but line breaks and tabs, and
/// letters, digits or spaces for most of it.
fn decode_text(run: &str) -> Option<String> {
    let bytes = base64_decode(run)?;
    let text = String::from_utf8(bytes).ok()?;
    let mut plain = 0;
    let mut total = 0;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            return None;
        }
        if c.is_alphanumeric() || c == ' ' {
            plain += 1;
        }
    }
    (total >= 8 && plain * 2 >= total).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_base64_is_found_and_decoded() {
        // RFC 4648 alphabet; the values written out here by hand.
        let text = "data:\n  url: ZGI6Ly9qYW5lOmh1bnRlcjJAZGIuZXhhbXBsZS5jb20=\n  \
                    state=eyJlbWFpbCI6ImphbmVAZXhhbXBsZS5jb20ifQ&x=1";
        let found = base64_texts(text);
        let decoded: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        assert_eq!(
            decoded,
            [
                "db://jane:hunter2@db.example.com",
                "{\"email\":\"jane@example.com\"}"
            ]
        );
        let (s, e, _) = found[0];
        assert_eq!(&text[s..e], "ZGI6Ly9qYW5lOmh1bnRlcjJAZGIuZXhhbXBsZS5jb20=");
    }

    #[test]
    fn digests_identifiers_and_binary_are_not_read() {
        for t in [
            "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "let someVeryLongIdentifierName2 = 1;",
            "/Users/JaneDoe/Documents2/report",
            // A PNG header: binary.
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
            "word_with-both_alphabets/AbC123+xyz",
        ] {
            assert!(base64_texts(t).is_empty(), "{t}");
        }
    }
}
