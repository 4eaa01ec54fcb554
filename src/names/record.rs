//! Keys that name a part of a person's name only beside another key of the same record:
//! `"given": "Jane"` with `"family": "Doe"` (FHIR, CSL-JSON), `first=`/`last=`, LDIF's `cn:`
//! with `sn:` or `givenName:`, vCard's `FN:` with `N:` (whose value is `surname;given;…`), a
//! plain `name` beside an e-mail address or a phone number (`[user] name = … email = …`, a
//! contact's YAML), and iCalendar's `CN=` of an `ORGANIZER` or `ATTENDEE` with its
//! `mailto:`. Alone, each key names fonts, pages, packages and certificates as often as
//! people; the sibling says the record is a person's. Found with the reason `record` (the
//! full module's reading: the first module leaves it out).

use super::fields::{self, Column};

/// A key of this kind: what it is and which keys beside it make it a person's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Weak {
    First,
    Last,
    Given,
    Family,
    Cn,
    Sn,
    Fn,
    N,
    Name,
}

/// Bytes read on either side of a key for its siblings, within its record (its braces, its
/// paragraph).
const WINDOW: usize = 400;

/// The weak key that ends `before` (`"given"`, `dn: cn`, `N`), in any case.
fn weak_key(before: &str) -> Option<Weak> {
    let t = before.trim_end_matches([' ', '\t']);
    let t = t.strip_suffix(['"', '\'']).unwrap_or(t);
    let key_start = key_start(t, |c| c.is_ascii_alphanumeric());
    let key = &t[key_start..];
    // Runs at every `:` and `=` of code: most keys stop at their length or last letter.
    if key.is_empty()
        || key.len() > 6
        || !matches!(
            key.as_bytes()[key.len() - 1] | 0x20,
            b't' | b'n' | b'e' | b'y'
        )
    {
        return None;
    }
    // vCard's properties open their line.
    let line_start = key_start == 0 || t.as_bytes()[key_start - 1] == b'\n';
    const KEYS: [(&str, Weak); 9] = [
        ("first", Weak::First),
        ("last", Weak::Last),
        ("given", Weak::Given),
        ("family", Weak::Family),
        ("cn", Weak::Cn),
        ("sn", Weak::Sn),
        ("fn", Weak::Fn),
        ("n", Weak::N),
        ("name", Weak::Name),
    ];
    KEYS.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|&(_, w)| w)
        .filter(|w| line_start || !matches!(w, Weak::Fn | Weak::N))
}

/// Where the key that ends `t` starts: its letters (`letter`), digits, `_` and `-`.
fn key_start(t: &str, letter: impl Fn(char) -> bool) -> usize {
    crate::rules::after_last(t, |c| !(letter(c) || c == '_' || c == '-'))
}

/// `key` (any key of the record) makes a `weak` key's value a person's.
fn sibling(weak: Weak, key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    let k = k.replace(['_', '-'], "");
    match weak {
        Weak::First => k == "last",
        Weak::Last => k == "first",
        Weak::Given => k == "family",
        Weak::Family => k == "given",
        Weak::Cn => k == "sn" || k == "givenname",
        Weak::Sn => k == "cn" || k == "givenname",
        Weak::Fn => k == "n",
        Weak::N => k == "fn",
        Weak::Name => Column::of(key) == Column::Personal,
    }
}

/// The record around `at`: back and forward to a brace or a blank line, at most
/// [`WINDOW`] bytes each way.
fn record(text: &str, at: usize) -> &str {
    let b = text.as_bytes();
    let stop =
        |k: usize| matches!(b[k], b'{' | b'}') || b[k] == b'\n' && b.get(k + 1) == Some(&b'\n');
    let mut s = at;
    while s > 0 && at - s < WINDOW && !stop(s - 1) {
        s -= 1;
    }
    let mut e = at;
    while e < b.len() && e - at < WINDOW && !stop(e) {
        e += 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    &text[s..e]
}

/// Some key of the record around `at` is a sibling of `weak`.
fn has_sibling(text: &str, at: usize, weak: Weak) -> bool {
    let rec = record(text, at);
    rec.match_indices([':', '=', '>']).any(|(k, _)| {
        let before = rec[..k].trim_end_matches(['"', '\'', ' ', '\t']);
        let start = key_start(before, char::is_alphanumeric);
        // A plain `name`'s sibling is a key of the record itself, opening a line, a list
        // item or an object's member (not `git -c user.email=…` in a step's command).
        let opens = before[..start]
            .trim_end_matches(['"', '\'', ' ', '\t', '-'])
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '\n' | '{' | ',' | '['));
        (weak != Weak::Name || opens) && sibling(weak, &before[start..])
    })
}

/// Keys of a log line that hold the account a line is about.
const ACCOUNT_KEYS: &[&str] = &["user", "username", "login", "account", "uid", "userid"];

/// `user=jdoe name="Jane Doe"`: the `=` at `sep` is a log line's (logfmt: `key=value` pairs
/// apart by spaces) and an account's key stands on the same line: the account's value.
fn logged_user(text: &str, sep: usize) -> Option<&str> {
    let b = text.as_bytes();
    if b.get(sep) != Some(&b'=') || sep == 0 || !b[sep - 1].is_ascii_alphanumeric() {
        return None;
    }
    let start = crate::rules::after_last(&text[..sep], |c| c == '\n');
    let end = text[sep..].find('\n').map_or(text.len(), |k| sep + k);
    if end - start > 2 * WINDOW {
        return None;
    }
    text[start..end].split(' ').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        let v = v.trim_matches('"');
        (!v.is_empty() && ACCOUNT_KEYS.iter().any(|a| a.eq_ignore_ascii_case(k))).then_some(v)
    })
}

/// Appends the hits of a weak key whose separator is at `sep`, when a sibling stands in its
/// record; returns where reading goes on.
pub(crate) fn read(text: &str, sep: usize, out: &mut Vec<super::Hit>) -> Option<usize> {
    let weak = weak_key(&text[..sep])?;
    let bytes = text.as_bytes();
    // A list of one (`"given": ["Jane"]`).
    let mut from = sep + 1;
    while bytes.get(from) == Some(&b' ') {
        from += 1;
    }
    if bytes.get(from) == Some(&b'[') {
        from += 1;
        // Pretty-printed: `[` and the value on lines of their own.
        while bytes.get(from).is_some_and(|b| b.is_ascii_whitespace()) && from < sep + 40 {
            from += 1;
        }
    }
    let line_end = text[from..].find('\n').map_or(text.len(), |k| from + k);
    let mailto = text[from..line_end]
        .to_ascii_lowercase()
        .contains("mailto:");
    let user = (weak == Weak::Name)
        .then(|| logged_user(text, sep))
        .flatten();
    let sibling = has_sibling(text, sep, weak) || weak == Weak::Cn && mailto;
    if !(sibling || user.is_some()) {
        return None;
    }
    // vCard's `N:` is structured (`Doe;Jane;;;`), and its `FN:` stands in a card.
    if weak == Weak::N && !text[from..line_end].contains(';')
        || weak == Weak::Fn && !record(text, sep).contains("VCARD")
    {
        return None;
    }
    let mut spans = Vec::new();
    if weak == Weak::N {
        // `N:Doe;Jane;Q.;Dr.;` — family name, given names, others, prefixes, suffixes.
        let mut a = from;
        for part in text[from..line_end].trim_end_matches('\r').split(';') {
            if fields::name_shaped(part) {
                spans.push((a, a + part.len()));
            }
            a += part.len() + 1;
        }
    } else {
        let (start, end) = fields::bare_or_quoted(text, from)?;
        // `CN=Jane Doe:mailto:…`: the value stops at the parameter's colon.
        let value = &text[start..end];
        let value = value.split(':').next().unwrap_or(value);
        let ok = fields::name_shaped(value)
            && (weak != Weak::Name
                || (2..=4).contains(&value.split(' ').count())
                    && value
                        .split(' ')
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
            // A log line's account is evidence when it is spelt from the name (`user=jdoe
            // name="Jane Doe"`, not `user=deploy name="Nightly Build"`).
            && (sibling
                || user.is_some_and(|u| {
                    super::holder::spelt_from(u, &value.split(' ').collect::<Vec<_>>())
                }));
        if ok {
            spans.push((start, start + value.len()));
        }
    }
    let last = spans.last().map(|s| s.1);
    for (start, end) in spans {
        out.push(super::Hit {
            start,
            end,
            entity: super::Entity::Person,
            score: 0.8,
            reason: "record",
        });
    }
    last
}
