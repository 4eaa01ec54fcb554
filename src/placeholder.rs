//! Placeholders such as `[EMAIL_ADDRESS_1]`, and finding them again in a model's answer even
//! when the model changed them a little (`PERSON 1`, `[person_1]`, `EMAIL_ADDRESS_1` without
//! brackets).

use crate::matcher::{Matcher, Options};
#[cfg(test)]
use regex_automata::Input;
use std::sync::OnceLock;

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

/// Finds placeholder-like tokens in `hay[from..]`. `lookup` maps a canonical key to a
/// replacement; a token whose words do not all form a known key is retried with its leading
/// words dropped ("Dear PERSON_1" → "PERSON_1").
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

/// Interprets one token. Returns the replaced sub-range (relative) and the value.
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
    let digits_at = inner
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
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
