//! Placeholders such as `[EMAIL_ADDRESS_1]`: their format, finding the issued ones again in a
//! model's answer ([`at`]), and reading near-misses in outgoing text ([`regex`], [`resolve`]).
//!
//! Restore reads only what a model plausibly echoes of a token it was given: the token itself
//! (`[EMAIL_ADDRESS_1]`), the same with markdown escapes (`\[EMAIL\_ADDRESS\_1\]`, which
//! models write when they format markdown), and its inner text without brackets
//! (`EMAIL_ADDRESS_1`) when it stands alone as a word. Case, spaces, other brackets, prefixes
//! and leading zeros (`email_address_1`, `EMAIL ADDRESS 1`, `<EMAIL_ADDRESS_1>`,
//! `x_EMAIL_ADDRESS_1`, `EMAIL_ADDRESS_01`) are not read: every looser form is one more way for
//! a steered answer to place a value where the app did not expect one.
//!
//! Numbering is the other way round: a new placeholder's number goes past every near-miss the
//! outgoing text already holds (the tolerant [`regex`]), so that no typed token is ever read as
//! an issued one.

use crate::matcher::{Matcher, Options};
#[cfg(test)]
use regex_automata::Input;
use std::sync::{Arc, OnceLock};

/// Longest text a placeholder match can cover, in bytes. Streaming restore holds back this
/// much, so a placeholder split across chunks is still seen whole.
pub(crate) const MAX_MATCH: usize = 128;

/// Formats the canonical placeholder for the `n`th value of `entity`.
pub(crate) fn format(entity: &str, n: u32) -> String {
    format!("[{entity}_{n}]")
}

/// The canonical key (`EMAIL_ADDRESS_1`) of a placeholder-like token.
fn key(name: &str, number: &str) -> String {
    let mut k: String = name
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    k.push('_');
    k.push_str(number.trim_start_matches('0'));
    k
}

/// Issued placeholder keys (`EMAIL_ADDRESS_1`, the token without brackets) → originals. Sorted,
/// so that "could this text still become a key" is one binary search. A sorted `Vec` rather
/// than a `BTreeMap`: built once per restore, only searched, and no second map type in the
/// `.wasm`.
#[derive(Default)]
pub(crate) struct Keys(Vec<(String, Arc<str>)>);

impl FromIterator<(String, Arc<str>)> for Keys {
    fn from_iter<I: IntoIterator<Item = (String, Arc<str>)>>(iter: I) -> Keys {
        let mut v: Vec<(String, Arc<str>)> = iter.into_iter().collect();
        v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        v.dedup_by(|a, b| a.0 == b.0);
        Keys(v)
    }
}

impl Keys {
    /// The original of `key`.
    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &*self.0[i].1)
    }
}

/// A placeholder looked for at one position.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found<'k> {
    /// None starts here.
    No,
    /// Text that arrives later decides (streaming only).
    NeedMore,
    /// One ends at this byte offset, standing for this original.
    Yes(usize, &'k str),
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether more text after `partial` could still complete an issued key.
fn viable(keys: &Keys, partial: &str) -> bool {
    let i = keys.0.partition_point(|(k, _)| k.as_str() < partial);
    keys.0.get(i).is_some_and(|(k, _)| k.starts_with(partial))
}

/// The issued placeholder starting at byte `i` of `hay`, if any (see the module documentation
/// for the forms read). `at_end`: `hay` is the whole rest of the answer; otherwise a token
/// that runs to the end of `hay` and could still become an issued one is [`Found::NeedMore`].
/// Reads at most one token's length from `i`, and only at a `[`, a `\[` or the start of a word,
/// so a walk calling it at every position stays linear.
pub(crate) fn at<'k>(hay: &str, i: usize, at_end: bool, keys: &'k Keys) -> Found<'k> {
    let b = hay.as_bytes();
    let n = b.len();
    let more = |partial: &str| {
        if !at_end && viable(keys, partial) {
            Found::NeedMore
        } else {
            Found::No
        }
    };
    let mut j = i;
    // `Some(escaped)` for a bracketed token: a markdown-escaped `\[` closes only with `\]`,
    // a `[` only with `]`. A `\` the user typed before a value (`C:\[EMAIL_ADDRESS_1]`) is
    // then left in place: the token is read from its `[`.
    let open = match b[i] {
        b'[' => {
            j += 1;
            Some(false)
        }
        b'\\' if i + 1 == n => return more(""),
        b'\\' if b[i + 1] == b'[' => {
            j += 2;
            Some(true)
        }
        c => {
            let prev = if i == 0 { b' ' } else { b[i - 1] };
            if !c.is_ascii_alphabetic() || is_word(prev) || matches!(prev, b'\\' | b'[') {
                return Found::No;
            }
            None
        }
    };
    // The body: word characters, `\_` read as `_`. Borrowed from `hay` unless escaped.
    let body = j;
    let mut escaped = false;
    loop {
        if j - body > MAX_MATCH {
            return Found::No;
        }
        match b.get(j) {
            Some(&c) if is_word(c) => j += 1,
            Some(b'\\') if b.get(j + 1) == Some(&b'_') => {
                escaped = true;
                j += 2;
            }
            // Text that may go on: a `\` at the end may become `\_` or `\]`, a word may
            // grow. At the end of the answer, the end delimits the token.
            Some(b'\\') if j + 1 == n && !at_end => return more(&unescape(&hay[body..j])),
            None if !at_end => return more(&unescape(&hay[body..j])),
            _ => break,
        }
    }
    // Every issued key ends in its number: most words stop here, before any lookup.
    if !b[j - 1].is_ascii_digit() {
        return Found::No;
    }
    let key: std::borrow::Cow<str> = if escaped {
        unescape(&hay[body..j]).into()
    } else {
        hay[body..j].into()
    };
    let end = if let Some(escaped_open) = open {
        match (b.get(j), b.get(j + 1)) {
            (Some(b']'), _) if !escaped_open => j + 1,
            (Some(b'\\'), Some(b']')) if escaped_open => j + 2,
            (Some(b'\\'), None) if escaped_open => return more(&key),
            _ => return Found::No,
        }
    } else {
        // A half-bracketed token (`EMAIL_ADDRESS_1]`, `EMAIL_ADDRESS_1\]`) is not one.
        if matches!(b.get(j), Some(b']' | b'\\')) {
            return Found::No;
        }
        j
    };
    match keys.get(&key) {
        Some(v) => Found::Yes(end, v),
        None => Found::No,
    }
}

/// Calls `f` with every word of `hay` as [`at`] would read it as a key: runs of ASCII letters,
/// digits and `_`, a markdown-escaped `\_` read as `_`. Every key [`at`] finds is one of them.
pub(crate) fn each_word(hay: &str, mut f: impl FnMut(&str)) {
    let b = hay.as_bytes();
    let mut word = String::new();
    let mut j = 0;
    while j <= b.len() {
        match b.get(j) {
            Some(&c) if is_word(c) => {
                word.push(char::from(c));
                j += 1;
            }
            Some(b'\\') if b.get(j + 1) == Some(&b'_') => {
                word.push('_');
                j += 2;
            }
            _ => {
                if !word.is_empty() {
                    f(&word);
                    word.clear();
                }
                j += 1;
            }
        }
    }
}

/// `s` with `\_` read as `_`.
fn unescape(s: &str) -> String {
    s.replace("\\_", "_")
}

/// The tolerant pattern for near-misses of placeholders (see the module documentation): what
/// numbering stays clear of.
pub(crate) fn regex() -> &'static Matcher {
    static RE: OnceLock<Matcher> = OnceLock::new();
    RE.get_or_init(|| {
        // Up to four words of up to 20 letters, a separator, a number; brackets optional.
        // Bounded everywhere, so a match is never longer than MAX_MATCH.
        let pattern = r"(?x)
                [\[<{]? \ ?
                \b [a-z][a-z0-9]{0,19} (?: [_\ \-] [a-z][a-z0-9]{0,19} ){0,3}
                [_\ \-]? \#? [0-9]{1,6} \b
                \ ? [\]>}]?";
        let options = Options {
            case_insensitive: true,
            ..Options::default()
        };
        Matcher::new(&[pattern], options).expect("placeholder pattern compiles")
    })
}

/// Finds near-miss tokens in `hay[from..]` as [`resolve`] reads them (tests only). `lookup`
/// maps a canonical key to a replacement; a token whose words do not all form a known key is
/// retried with its leading words dropped ("Dear PERSON_1" → "PERSON_1").
#[cfg(test)]
pub(crate) fn replace_all<'a>(
    hay: &str,
    from: usize,
    until: usize,
    lookup: &dyn Fn(&str) -> Option<&'a str>,
    out: &mut String,
) -> usize {
    let re = regex();
    let mut at = from;
    let mut copied = from;
    while at < until {
        let Some(m) = re.search(&Input::new(hay).range(at..hay.len())) else {
            break;
        };
        if m.start() >= until {
            break;
        }
        let tok = &hay[m.start()..m.end()];
        if let Some((rel_start, rel_end, value)) = resolve(tok, lookup) {
            out.push_str(&hay[copied..m.start() + rel_start]);
            out.push_str(value);
            copied = m.start() + rel_end;
        }
        at = m.end().max(m.start() + 1);
    }
    let stop = until.max(copied);
    out.push_str(&hay[copied..stop]);
    stop
}

/// Interprets one near-miss token: the keys it could stand for are passed to `lookup`, and the
/// first one found gives the replaced sub-range (relative) and the value.
pub(crate) fn resolve<'a>(
    tok: &str,
    lookup: &dyn Fn(&str) -> Option<&'a str>,
) -> Option<(usize, usize, &'a str)> {
    let open = tok.starts_with(['[', '<', '{']);
    let close = tok.ends_with([']', '>', '}']);
    let inner_start = if open { 1 } else { 0 };
    let inner_end = if close { tok.len() - 1 } else { tok.len() };
    let inner = tok[inner_start..inner_end].trim_matches(' ');
    let lead_ws = tok[inner_start..].len() - tok[inner_start..].trim_start_matches(' ').len();
    let inner_off = inner_start + lead_ws;
    let digits_at = crate::rules::after_last(inner, |c| !c.is_ascii_digit());
    let number = &inner[digits_at..];
    let mut name_end = digits_at;
    while name_end > 0 && matches!(inner.as_bytes()[name_end - 1], b'_' | b' ' | b'-' | b'#') {
        name_end -= 1;
    }
    let name = &inner[..name_end];
    // Try the whole name, then without leading words.
    let mut word_start = 0;
    loop {
        let candidate = &name[word_start..];
        // Tolerance has limits: a lower-case name with spaces ("email address 1") is prose.
        let strict = open && close
            || candidate.contains('_')
            || candidate.bytes().all(|b| !b.is_ascii_lowercase());
        if strict {
            if let Some(v) = lookup(&key(candidate, number)) {
                let whole = word_start == 0;
                // Spaces outside the placeholder's brackets (or with no brackets) belong to
                // the surrounding text and stay; the match may have taken one on either side.
                let s = if whole && open {
                    0
                } else {
                    inner_off + word_start
                };
                let e = if whole && close {
                    tok.len()
                } else {
                    inner_off + inner.len()
                };
                return Some((s, e, v));
            }
        }
        match name[word_start..].find([' ', '_', '-']) {
            Some(i) => word_start += i + 1,
            None => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> String {
        let map = |k: &str| match k {
            "PERSON_1" => Some("Jane"),
            "EMAIL_ADDRESS_12" => Some("j@x.io"),
            _ => None,
        };
        let mut out = String::new();
        replace_all(text, 0, text.len(), &map, &mut out);
        out
    }

    #[test]
    fn tolerant_forms() {
        assert_eq!(run("Hi [PERSON_1]!"), "Hi Jane!");
        assert_eq!(run("Hi PERSON_1."), "Hi Jane.");
        assert_eq!(run("Hi PERSON 1."), "Hi Jane.");
        assert_eq!(run("Hi [person_1]"), "Hi Jane");
        assert_eq!(run("Dear PERSON_1,"), "Dear Jane,");
        assert_eq!(run("to <EMAIL_ADDRESS_12>"), "to j@x.io");
        assert_eq!(run("to EMAIL ADDRESS 12"), "to j@x.io");
    }

    fn keys() -> Keys {
        [
            ("EMAIL_ADDRESS_1", "j@x.io"),
            ("EMAIL_ADDRESS_12", "k@x.io"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), Arc::from(v)))
        .collect()
    }

    #[test]
    fn issued_forms_are_found_and_loose_ones_are_not() {
        let k = keys();
        let found = |hay: &str, i: usize| at(hay, i, true, &k);
        assert_eq!(found("[EMAIL_ADDRESS_1]", 0), Found::Yes(17, "j@x.io"));
        assert_eq!(
            found("\\[EMAIL\\_ADDRESS\\_12\\]!", 0),
            Found::Yes(22, "k@x.io")
        );
        assert_eq!(found("a EMAIL_ADDRESS_1.", 2), Found::Yes(17, "j@x.io"));
        // The end of the answer delimits a token too.
        assert_eq!(found("a EMAIL_ADDRESS_1", 2), Found::Yes(17, "j@x.io"));
        assert_eq!(found("a EMAIL\\_ADDRESS\\_1", 2), Found::Yes(19, "j@x.io"));
        assert_eq!(found("a EMAIL_ADDRESS_1\\", 2), Found::No);
        for (hay, i) in [
            ("a EMAIL_ADDRESS_1.", 3),
            ("xEMAIL_ADDRESS_1", 1),
            ("x_EMAIL_ADDRESS_1", 2),
            ("[email_address_1]", 0),
            ("EMAIL ADDRESS 1", 0),
            ("[EMAIL_ADDRESS_01]", 0),
            ("[EMAIL_ADDRESS_1 ", 0),
            ("[EMAIL_ADDRESS_1", 1),
            ("EMAIL_ADDRESS_1]", 0),
            ("EMAIL_ADDRESS_1\\]", 0),
            ("EMAIL_ADDRESS_2", 0),
            ("\\x", 0),
        ] {
            assert_eq!(found(hay, i), Found::No, "{hay:?} at {i}");
        }
    }

    #[test]
    fn a_token_cut_by_the_end_waits_only_if_it_can_still_be_issued() {
        let k = keys();
        let more = |hay: &str, i: usize| at(hay, i, false, &k);
        for (hay, i) in [
            ("[", 0),
            ("\\", 0),
            ("[EMAIL_ADD", 0),
            ("x EMA", 2),
            ("EMAIL_ADDRESS_1", 0),
            ("[EMAIL\\", 0),
            ("[EMAIL_ADDRESS_12\\", 0),
        ] {
            assert_eq!(more(hay, i), Found::NeedMore, "{hay:?}");
        }
        for (hay, i) in [("x wor", 2), ("[PHONE", 0), ("[EMAIL_ADDRESS_3", 0)] {
            assert_eq!(more(hay, i), Found::No, "{hay:?}");
        }
        // A complete bracketed token does not wait for what follows.
        assert_eq!(more("[EMAIL_ADDRESS_1]", 0), Found::Yes(17, "j@x.io"));
    }

    #[test]
    fn words_are_read_as_at_reads_keys() {
        let mut words = Vec::new();
        each_word("a \\[EMAIL\\_ADDRESS\\_3\\] x_Y,z", |w| {
            words.push(w.to_string())
        });
        assert_eq!(words, ["a", "EMAIL_ADDRESS_3", "x_Y", "z"]);
    }

    #[test]
    fn prose_and_unknown_stay() {
        assert_eq!(
            run("the email address 12 times"),
            "the email address 12 times"
        );
        assert_eq!(run("[PERSON_2] and PERSON_10"), "[PERSON_2] and PERSON_10");
        assert_eq!(run("XPERSON_1"), "XPERSON_1");
    }
}
