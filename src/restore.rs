//! Restoring originals in a model's answer: numbered placeholders (tolerantly matched, see
//! [`crate::placeholder`]) and surrogates (exact, ASCII case-insensitive, on word boundaries),
//! in plain text or inside JSON strings, whole or streamed.
//!
//! Streaming equals whole-text restore for any chunking because matching is a deterministic
//! left-to-right walk whose every step looks at most [`MAX_MATCH`] bytes ahead (plus one
//! character for a word boundary) and one character back: the streamer holds back that much
//! and keeps the last emitted character as context.

use crate::matcher::{Matcher, Options};
use crate::names::TOKEN_RULES;
use crate::placeholder::{self, MAX_MATCH};
use regex_automata::Input;
use std::sync::Arc;

/// Surrogates in an answer: one matcher over all of them and their originals.
pub(crate) struct Surrogates {
    /// One pattern per surrogate, longest first.
    re: Matcher,
    /// Original per pattern id.
    originals: Vec<Arc<str>>,
    /// Per pattern id: a value of the names pass, whose words are Unicode letters (see
    /// [`word_char`]).
    names_pass: Vec<bool>,
}

/// Separators a model may add, drop or change inside a number it repeats.
const NUMBER_SEP: &str = "[ ./()-]{0,2}";

/// Entity types whose surrogates are numbers a model may regroup (`4000 0012 ...` written
/// as `4000-0012-...` or `40000012...`).
pub(crate) fn regroupable(entity: &str) -> bool {
    matches!(entity, "CREDIT_CARD" | "IBAN_CODE" | "PHONE_NUMBER")
}

/// The letters, digits and `+` of a regroupable surrogate, upper-cased: its identity.
pub(crate) fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '+')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl Surrogates {
    /// Builds the matcher from (surrogate, entity, original); `None` when there are none.
    pub(crate) fn new<'a>(
        items: impl Iterator<Item = (&'a str, &'a str, Arc<str>)>,
    ) -> Option<Surrogates> {
        let mut items: Vec<(&str, &str, Arc<str>)> = items.collect();
        if items.is_empty() {
            return None;
        }
        // Longest first: at one position, a surrogate that extends another wins.
        items.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        let patterns: Vec<String> = items
            .iter()
            .map(|(s, entity, _)| {
                let c = compact(s);
                // Bounded: every match stays within the streaming look-ahead.
                if regroupable(entity) && c.len() * 3 <= MAX_MATCH {
                    let parts: Vec<String> = c.chars().map(|ch| escape(&ch.to_string())).collect();
                    parts.join(NUMBER_SEP)
                } else {
                    escape(s)
                }
            })
            .collect();
        let options = Options {
            case_insensitive: true,
            ..Options::default()
        };
        let re = Matcher::new(&patterns, options).ok()?;
        let names_pass = items
            .iter()
            .map(|(_, entity, _)| TOKEN_RULES.iter().any(|r| r.entity == *entity))
            .collect();
        Some(Surrogates {
            re,
            originals: items.into_iter().map(|(_, _, o)| o).collect(),
            names_pass,
        })
    }
}

fn escape(lit: &str) -> String {
    let mut p = String::with_capacity(lit.len() * 2);
    for c in lit.chars() {
        if c.is_ascii_punctuation() || c == ' ' {
            p.push('\\');
        }
        p.push(c);
    }
    p
}

/// What restore looks values up in.
pub(crate) struct Table<'a> {
    /// Canonical placeholder key (`PERSON_1`) → original.
    pub(crate) placeholders: &'a dyn Fn(&str) -> Option<&'a str>,
    /// Surrogates, if any.
    pub(crate) surrogates: Option<&'a Surrogates>,
}

/// A character that continues a word where a surrogate stands, as the detector of its value
/// sees words: a surrogate stood exactly where the engine found the value, so restore must find
/// it wherever the engine could have. The pattern rules use ASCII word boundaries (`¼11 4000
/// 0000` holds a phone number after the `¼`, as does `𐴀11 4000 0000`); the names pass reads
/// words of Unicode letters and ASCII digits.
fn word_char(c: Option<char>, names_pass: bool) -> bool {
    c.is_some_and(|c| {
        if names_pass {
            c.is_alphabetic() || c.is_ascii_digit()
        } else {
            c.is_ascii_alphanumeric() || c == '_'
        }
    })
}

/// The next surrogate match starting at or after `at`, on word boundaries.
fn next_surrogate<'t>(
    hay: &str,
    mut at: usize,
    s: &'t Surrogates,
) -> Option<(usize, usize, &'t str)> {
    while at <= hay.len() {
        let m = s.re.search(&Input::new(hay).range(at..))?;
        let before = hay[..m.start()].chars().next_back();
        let after = hay[m.end()..].chars().next();
        let names_pass = s.names_pass[m.pattern().as_usize()];
        if !word_char(before, names_pass) && !word_char(after, names_pass) {
            return Some((m.start(), m.end(), &s.originals[m.pattern().as_usize()]));
        }
        at = next_char(hay, m.start());
    }
    None
}

fn next_char(hay: &str, at: usize) -> usize {
    hay[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// The replacements whose matches start in `from..until` of `hay`, left to right and
/// non-overlapping, and how far the text is settled (the end of the last replacement, or
/// `until`).
pub(crate) fn replacements<'a>(
    hay: &str,
    from: usize,
    until: usize,
    table: &Table<'a>,
) -> (Vec<(usize, usize, &'a str)>, usize) {
    let re = placeholder::regex();
    let mut out = Vec::new();
    let mut at = from;
    let mut settled = until;
    // The next match of each kind, cached while it still starts at or after `at`; once a
    // search finds none, there is none further on either.
    let mut next_p = None;
    let mut next_s = None;
    let (mut p_done, mut s_done) = (false, table.surrogates.is_none());
    while at < until {
        if !p_done && next_p.is_none_or(|(s, _): (usize, usize)| s < at) {
            next_p = re
                .search(&Input::new(hay).range(at..))
                .map(|m| (m.start(), m.end()));
            p_done = next_p.is_none();
        }
        if let (false, Some(sur)) = (s_done, table.surrogates) {
            if next_s.is_none_or(|(s, _, _): (usize, usize, &str)| s < at) {
                next_s = next_surrogate(hay, at, sur);
                s_done = next_s.is_none();
            }
        }
        let ps = next_p.map_or(usize::MAX, |(s, _)| s);
        let ss = next_s.map_or(usize::MAX, |(s, _, _)| s);
        if ps.min(ss) >= until {
            break;
        }
        if ss <= ps {
            let (s, e, v) = next_s.expect("surrogate match");
            out.push((s, e, v));
            at = e;
            settled = settled.max(e);
            continue;
        }
        let (s, e) = next_p.expect("placeholder match");
        match placeholder::resolve(&hay[s..e], table.placeholders) {
            Some((rs, re_, v)) => {
                out.push((s + rs, s + re_, v));
                at = s + re_;
                settled = settled.max(at);
            }
            None => at = next_char(hay, s),
        }
    }
    (out, settled)
}

/// For each name of `entities`, the highest number `text` already holds in a shape restore
/// would read as its placeholder (`[EMAIL_ADDRESS_3]`, `PERSON 2`): what a user typed or
/// pasted that looks like one. The vault numbers new placeholders past these, so a value it
/// hides is never given a token the text already uses for something else (the model would read
/// them as one thing, and restore would put the value in both places). Costs one search of the
/// placeholder pattern over `text`; none when `entities` is empty.
pub(crate) fn typed_placeholders<'e>(
    text: &str,
    entities: impl IntoIterator<Item = &'e str>,
) -> std::collections::HashMap<String, u32> {
    let mut typed: std::collections::HashMap<String, u32> =
        entities.into_iter().map(|e| (e.to_string(), 0)).collect();
    if typed.is_empty() {
        return typed;
    }
    let found = std::cell::RefCell::new(&mut typed);
    // Every key restore would try for a token: record the wanted ones, resolve none.
    let record = |key: &str| -> Option<&str> {
        if let Some((name, n)) = key.rsplit_once('_') {
            if let (Some(top), Ok(n)) = (found.borrow_mut().get_mut(name), n.parse::<u32>()) {
                *top = (*top).max(n);
            }
        }
        None
    };
    // Restore retries an unresolved token one character further on; its keys are the same
    // token's shorter word suffixes, which `resolve` already tries, so one walk over
    // non-overlapping tokens finds them all at the cost of one search.
    for m in placeholder::regex().find_iter(text) {
        placeholder::resolve(&text[m.start()..m.end()], &record);
    }
    typed
}

/// Restores a whole plain text.
pub(crate) fn restore_text(text: &str, table: &Table<'_>) -> String {
    let (reps, _) = replacements(text, 0, text.len(), table);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, v) in reps {
        out.push_str(&text[at..s]);
        out.push_str(v);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Escapes `s` for the inside of a JSON string.
pub(crate) fn json_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    if b.len() < 4 {
        return None;
    }
    let s = std::str::from_utf8(&b[..4]).ok()?;
    if !s.bytes().all(|x| x.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// Decodes JSON string escapes in `raw`: returns the decoded text and, for each decoded byte
/// offset at a character boundary, the raw offset where its escape (or character) starts;
/// `map[decoded.len()] == raw.len()`. Anything that is not a complete, valid escape stays
/// literal, so decoding from any unit boundary gives the same units.
pub(crate) fn json_decode(raw: &str) -> (String, Vec<usize>) {
    let b = raw.as_bytes();
    let mut dec = String::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    let mut i = 0;
    while i < b.len() {
        let (c, len) = unit(raw, i);
        for _ in 0..c.len_utf8() {
            map.push(i);
        }
        dec.push(c);
        i += len;
    }
    map.push(raw.len());
    (dec, map)
}

/// One decoded character at `i` and the raw length it took.
fn unit(raw: &str, i: usize) -> (char, usize) {
    let b = raw.as_bytes();
    let literal = || {
        let c = raw[i..].chars().next().expect("i is a char boundary");
        (c, c.len_utf8())
    };
    if b[i] != b'\\' || i + 1 >= b.len() {
        return literal();
    }
    let simple = match b[i + 1] {
        b'"' => Some('"'),
        b'\\' => Some('\\'),
        b'/' => Some('/'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'b' => Some('\u{8}'),
        b'f' => Some('\u{c}'),
        _ => None,
    };
    if let Some(c) = simple {
        return (c, 2);
    }
    if b[i + 1] != b'u' {
        return literal();
    }
    let Some(hi) = hex4(&b[i + 2..]) else {
        return literal();
    };
    if (0xD800..0xDC00).contains(&hi) {
        if b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u') {
            if let Some(lo) = b.get(i + 8..).and_then(hex4) {
                if (0xDC00..0xE000).contains(&lo) {
                    let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    if let Some(c) = char::from_u32(cp) {
                        return (c, 12);
                    }
                }
            }
        }
        return literal();
    }
    match char::from_u32(hi) {
        Some(c) => (c, 6),
        None => literal(),
    }
}

/// Plain text or the inside of JSON strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreMode {
    /// Plain text (a chat answer).
    Text,
    /// JSON text (tool-call arguments): placeholders and surrogates are recognised also when
    /// written with escapes (`\u005bPERSON_1\u005d`), and originals are inserted escaped.
    Json,
}

/// Raw bytes held back per mode: a match is at most `MAX_MATCH` decoded bytes plus one
/// look-ahead character, and one decoded byte can take up to six raw bytes (`\u0041`).
pub(crate) fn hold_back(mode: RestoreMode) -> usize {
    match mode {
        RestoreMode::Text => MAX_MATCH + 1,
        RestoreMode::Json => 6 * MAX_MATCH + 64,
    }
}

/// One streaming step: restores matches starting before raw offset `limit` of `pending`,
/// returns (output, raw bytes consumed, new context).
pub(crate) fn step(
    pending: &str,
    limit: usize,
    context: &str,
    mode: RestoreMode,
    table: &Table<'_>,
) -> (String, usize, String) {
    match mode {
        RestoreMode::Text => {
            let hay = format!("{context}{pending}");
            let off = context.len();
            let (reps, settled) = replacements(&hay, off, off + limit, table);
            let mut out = String::new();
            let mut at = off;
            for (s, e, v) in reps {
                out.push_str(&hay[at..s]);
                out.push_str(v);
                at = e;
            }
            out.push_str(&hay[at..settled]);
            let consumed = settled - off;
            let ctx = last_char(&pending[..consumed]).unwrap_or_else(|| context.to_string());
            (out, consumed, ctx)
        }
        RestoreMode::Json => {
            let (dec, map) = json_decode(pending);
            let hay = format!("{context}{dec}");
            let off = context.len();
            // The first decoded unit that starts at or after the raw limit.
            let dec_limit = (0..=dec.len())
                .find(|&i| dec.is_char_boundary(i) && map[i] >= limit)
                .unwrap_or(dec.len());
            let (reps, settled) = replacements(&hay, off, off + dec_limit, table);
            let mut out = String::new();
            let mut raw_at = 0;
            for (s, e, v) in reps {
                let (rs, re) = (map[s - off], map[e - off]);
                out.push_str(&pending[raw_at..rs]);
                json_escape(v, &mut out);
                raw_at = re;
            }
            let raw_settled = map[settled - off];
            out.push_str(&pending[raw_at..raw_settled]);
            let ctx = last_char(&dec[..settled - off]).unwrap_or_else(|| context.to_string());
            (out, raw_settled, ctx)
        }
    }
}

fn last_char(s: &str) -> Option<String> {
    s.chars().next_back().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_maps_escapes() {
        let (d, m) = json_decode(r#"a\u005bP\"\\\ud83d\ude00\x"#);
        assert_eq!(d, "a[P\"\\😀\\x");
        assert_eq!(m[1], 1);
        assert_eq!(m[2], 7);
        assert_eq!(m[d.len()], 26);
    }

    #[test]
    fn regrouped_number_surrogates_are_restored() {
        let items: [(&str, &str, Arc<str>); 2] = [
            ("4000 0012 3456 7899", "CREDIT_CARD", Arc::from("card")),
            ("Anna Weber", "PERSON", Arc::from("name")),
        ];
        let s = Surrogates::new(items.iter().map(|(a, b, c)| (*a, *b, c.clone()))).unwrap();
        let none = |_: &str| None;
        let t = Table {
            placeholders: &none,
            surrogates: Some(&s),
        };
        assert_eq!(
            restore_text("a 4000-0012-3456-7899, 4000001234567899, anna weber.", &t),
            "a card, card, name."
        );
        // Other digits, a longer number, or a name inside a word stay.
        assert_eq!(
            restore_text(
                "4000 0012 3456 7898 and 40000012345678991 and Annas Weber",
                &t
            ),
            "4000 0012 3456 7898 and 40000012345678991 and Annas Weber"
        );
    }

    #[test]
    fn escape_round_trips_through_serde() {
        let v = "a\"b\\c\nd\u{1}é";
        let mut s = String::from("\"");
        json_escape(v, &mut s);
        s.push('"');
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), v);
    }
}
