//! Secrets: API keys, access tokens, private keys, passwords and connection strings, found in
//! the same single pass as personal data.
//!
//! Every rule reports the entity `SECRET` in [`Category::Secrets`]; the rule id names the
//! provider and kind (`openai-project-key`, `aws-access-key-id`, `github-pat-classic`). The
//! family comes first in the catalog: provider prefixes are unambiguous, so a credentialed URL
//! or a token is claimed here before the URL or number rules see it.
//!
//! Rules are grouped by provider kind: [`ai`], [`cloud`], [`code`] (code hosting, registries,
//! CI), [`saas`] (chat, mail, payments, tooling) and [`generic`] (private keys, JWTs, headers,
//! URL passwords, `password = "..."` assignments). Provider formats with a checksum are
//! verified (GitHub and npm CRC-32, PyPI macaroon structure, OpenPGP CRC-24, Discord snowflake);
//! formats without one must look random enough for their length and alphabet.
//!
//! Patterns use `+` bodies and check exact lengths in the validator: long counted repetitions
//! would multiply the size of the shared automaton for every rule.

use super::{Candidate, Category, RuleDef, Validate, Verdict, Words};

/// A validator for a prefixed token: the body after `$prefix` bytes must have a length in
/// `$min..=$max` and look random.
macro_rules! prefixed {
    ($name:ident, $prefix:expr, $min:expr, $max:expr) => {
        fn $name(c: &Candidate<'_>) -> Verdict {
            super::token_verdict(c, $prefix, $min, $max)
        }
    };
}

/// A pattern for a key without a prefix of its own (32 hex digits, 40 alphanumerics): it must
/// follow its provider's name in a key name or label (`MISTRAL_API_KEY=`, `cohere key:`).
/// Starting at the provider's name keeps the shared automaton small: a bare
/// `\b[A-Za-z0-9]{32}\b` would keep a counter alive in every word of every text, and these
/// counters multiply with the other rules' into a lazy DFA that never stops building states.
macro_rules! keyed {
    ($words:literal, $value:literal) => {
        concat!(
            r#"(?x) \b (?i: "#,
            $words,
            r#" ) [A-Za-z0-9_.\-]*
            (?: [\ \t]+ (?i: api[\ _\-]?key | app(?:lication)?[\ _\-]?key | auth[\ _\-]?token
                | access[\ _\-]?token | key | token | secret ) )?
            ["']? [\ \t]* (?: := | => | [:=] | [\ \t] ) [\ \t]* ["']? "#,
            $value,
            r#" (?: \z | [\t\n\r\x20"'`,;)}\]<>|] | \b )"#
        )
    };
}

pub(crate) mod ai;
pub(crate) mod cloud;
pub(crate) mod code;
pub(crate) mod codec;
pub(crate) mod generic;
pub(crate) mod one_time;
pub(crate) mod saas;

// The first module leaves the rarer forms of some secret rules to the full module: environment
// names ending in `_KEY`, a key broken over two lines, a raw key in `Authorization`, HTTPie's `-a`.
pub(crate) use crate::FIRST_MODULE;

/// Score of a token whose provider prefix and shape match.
const PREFIXED: f32 = 0.9;

/// A secret rule with an unambiguous shape, reported without context.
const fn secret(
    id: &'static str,
    pattern: &'static str,
    validate: Validate,
    score: f32,
    context: Words,
) -> RuleDef {
    RuleDef {
        id,
        entity: "SECRET",
        category: Category::Secrets,
        pattern,
        validate: Some(validate),
        score,
        checked_score: 0.99,
        context,
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    }
}

/// A secret rule written with [`keyed!`]: the provider's name is part of the match, the span
/// is the value after it.
const fn keyed(id: &'static str, pattern: &'static str, validate: Validate) -> RuleDef {
    secret(id, pattern, validate, 0.85, Words::NONE)
}

/// The value at the end of a [`keyed!`] match: the trailing run of `class` characters, without
/// a closing delimiter. `check` decides on the value.
pub(crate) fn keyed_value(
    c: &Candidate<'_>,
    class: fn(u8) -> bool,
    check: fn(&str) -> bool,
) -> Verdict {
    let b = c.value().as_bytes();
    let end = if b.last().is_some_and(|&x| class(x)) {
        b.len()
    } else {
        b.len() - 1
    };
    let start = b[..end]
        .iter()
        .rposition(|&x| !class(x))
        .map_or(0, |i| i + 1);
    if start > 0 && end > start && check(&c.value()[start..end]) {
        Verdict::Span {
            start,
            end,
            check: None,
        }
    } else {
        Verdict::Reject
    }
}

/// ASCII letters and digits.
pub(crate) fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Lower-case hex digits.
pub(crate) fn hex(b: u8) -> bool {
    matches!(b, b'0'..=b'9' | b'a'..=b'f')
}

/// Letters, digits, `_` and `-` (base64url).
pub(crate) fn url_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Random lower-case hex of exactly `n` digits.
pub(crate) fn hex_of(v: &str, n: usize) -> bool {
    v.len() == n && random_enough(v) && !documented_fake(v)
}

/// Number of distinct symbols the characters of `s` are drawn from, judged by the classes
/// present: decimal, hex, alphanumeric or base64-like.
fn alphabet_size(s: &str) -> f64 {
    let b = s.as_bytes();
    if b.iter().all(u8::is_ascii_digit) {
        10.0
    } else if b.iter().all(|x| matches!(x, b'0'..=b'9' | b'a'..=b'f'))
        || b.iter().all(|x| matches!(x, b'0'..=b'9' | b'A'..=b'F'))
    {
        16.0
    } else if b.iter().all(u8::is_ascii_alphanumeric) {
        let upper = b.iter().any(u8::is_ascii_uppercase);
        let lower = b.iter().any(u8::is_ascii_lowercase);
        if upper && lower {
            62.0
        } else {
            36.0
        }
    } else {
        64.0
    }
}

/// True when `s` has enough Shannon entropy to be machine-generated: at least 70 % of what a
/// uniformly random string of its length over its alphabet would show (a random string cannot
/// exceed log2 of its length or of its alphabet).
pub(crate) fn random_enough(s: &str) -> bool {
    let n = s.len();
    if n < 8 {
        return false;
    }
    let expected = alphabet_size(s).log2().min((n as f64).log2());
    crate::shannon_entropy(s) >= 0.7 * expected
}

/// Markers that documentation puts into sample keys (`AKIAIOSFODNN7EXAMPLE`,
/// `ghp_xxxxxxxx...`); a random body contains none of them by chance.
fn documented_fake(body: &str) -> bool {
    const MARKERS: &[&str] = &[
        "example",
        "xxxxx",
        "sample",
        "dummy",
        "placeholder",
        "redacted",
        "changeme",
        "0000000",
        "1234567",
        "abcdefg",
    ];
    let lower = body.to_ascii_lowercase();
    MARKERS.iter().any(|m| lower.contains(m))
}

/// A token body: length in range, random enough, no documentation marker.
pub(crate) fn body_ok(body: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&body.len()) && random_enough(body) && !documented_fake(body)
}

/// Score, in hundredths, of a value with a provider's prefix and length whose body looks
/// made up (a documentation marker, little randomness): still reported, because someone who
/// pastes `sk_live_` and 24 characters may be pasting a real key, but below a random one.
pub(crate) const DOUBTFUL: u8 = 55;

/// [`body_ok`] as a verdict: a body of the right length that fails only the randomness or
/// documentation-marker test is [`Verdict::Lowered`] to [`DOUBTFUL`]; one drawn from fewer
/// than four distinct characters (`xxxxxxxx`, `abababab`) is a visible stand-in and rejected.
pub(crate) fn body_verdict(body: &str, min: usize, max: usize) -> Verdict {
    if !(min..=max).contains(&body.len()) {
        return Verdict::Reject;
    }
    if random_enough(body) && !documented_fake(body) {
        return Verdict::Plausible;
    }
    let mut seen = [false; 256];
    for b in body.bytes() {
        seen[usize::from(b)] = true;
    }
    if seen.iter().filter(|&&x| x).count() < 4 {
        Verdict::Reject
    } else {
        Verdict::Lowered { percent: DOUBTFUL }
    }
}

/// [`token_ok`] as a verdict, with [`body_verdict`]'s doubtful middle ground.
pub(crate) fn token_verdict(c: &Candidate<'_>, prefix: usize, min: usize, max: usize) -> Verdict {
    if c.after().is_some_and(|ch| ch.is_ascii_alphanumeric()) {
        return Verdict::Reject;
    }
    c.value()
        .get(prefix..)
        .map_or(Verdict::Reject, |body| body_verdict(body, min, max))
}

/// The token check shared by prefixed rules: the body after `prefix` bytes passes
/// [`body_ok`] and the match is not glued to a longer word.
pub(crate) fn token_ok(c: &Candidate<'_>, prefix: usize, min: usize, max: usize) -> bool {
    c.value()
        .get(prefix..)
        .is_some_and(|body| body_ok(body, min, max))
        && !c.after().is_some_and(|ch| ch.is_ascii_alphanumeric())
}

/// The match continues a word to its left (`abc123456789:AA...`).
pub(crate) fn glued_before(c: &Candidate<'_>) -> bool {
    c.before()
        .is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-')
}

/// Every rule of the catalog that declares public prefixes (see [`with_prefixes`]), with
/// them: gathered once, the catalog is the one place they are written.
fn prefix_table() -> &'static [(&'static str, &'static [&'static str])] {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, &'static [&'static str])>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        super::catalog()
            .into_iter()
            .filter(|r| !r.public_prefixes.is_empty())
            .map(|r| (r.id, r.public_prefixes))
            .collect()
    })
}

/// `def` with its public prefixes: the part of a value that every key of that kind shares
/// and that therefore says nothing about which key it is (`sk-proj-`, `ghp_`, `AKIA`). Masks
/// may keep them ([`public_prefix_len`]); the generic rules leave values that start with one
/// to the provider's rule ([`provider_owned`]).
pub(crate) const fn with_prefixes(def: RuleDef, prefixes: &'static [&'static str]) -> RuleDef {
    RuleDef {
        public_prefixes: prefixes,
        ..def
    }
}

/// How many leading bytes of a `SECRET` value found by rule `rule_id` are a public prefix
/// (`sk-proj-`, `ghp_`, `AKIA`, `https://hooks.slack.com/services/`) that every key of that
/// kind shares. A mask may keep exactly these and must hide the rest: nothing after the prefix
/// is kept, so a redacted secret never leaks enough to identify the key.
///
/// Returns 0 for rules without a public prefix (passwords, generic assignments, bare keys
/// recognized by context, private key blocks) and for values that do not start with the
/// rule's prefix. The result is always a char boundary and shorter than `value`.
///
/// ```
/// use pii_airlock::public_prefix_len;
/// assert_eq!(public_prefix_len("openai-project-key", "sk-proj-abc123"), 8);
/// assert_eq!(public_prefix_len("aws-access-key-id", "AKIAQWERTYUIOPASDFGH"), 4);
/// assert_eq!(public_prefix_len("password-assignment", "hunter2!"), 0);
/// ```
pub fn public_prefix_len(rule_id: &str, value: &str) -> usize {
    prefix_table()
        .iter()
        .find(|(id, _)| *id == rule_id)
        .and_then(|(_, prefixes)| {
            prefixes
                .iter()
                .filter(|p| value.len() > p.len() && value.starts_with(**p))
                .map(|p| p.len())
                .max()
        })
        .unwrap_or(0)
}

/// True when `value` has the shape of a provider's token (a known prefix, or a structure such
/// as Telegram's `id:AA...`), or is a JWT or a key block: generic rules leave such values to
/// the more specific rule, so the finding names the provider.
pub(crate) fn provider_owned(value: &str) -> bool {
    if value.starts_with("eyJ") || value.starts_with("-----BEGIN") {
        return true;
    }
    // Three-character prefixes (`hf_`, `oy2`, `pat`) are only telling on a token-length value.
    let prefixed = prefix_table()
        .iter()
        .flat_map(|(_, p)| p.iter())
        .any(|p| (p.len() >= 4 || (p.len() == 3 && value.len() >= 30)) && value.starts_with(*p));
    let telegram = value.split_once(":AA").is_some_and(|(id, _)| {
        (8..=10).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
    });
    let structured = [".atlasv1.", ":APA91b", "NRAL"]
        .iter()
        .any(|m| value.contains(m))
        // MaxMind's license keys end in their marker.
        || (value.len() == 40 && value.ends_with("_mmk"))
        || value.get(4..6) == Some("Q~")
        || value.rsplit_once("-us").is_some_and(|(hex, dc)| {
            hex.len() == 32 && !dc.is_empty() && dc.bytes().all(|b| b.is_ascii_digit())
        })
        || saas::discord_shape(value);
    prefixed || telegram || structured
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_come_from_the_catalog() {
        assert_eq!(public_prefix_len("github-pat-classic", "ghp_abc"), 4);
        assert!(prefix_table().len() > 90);
        assert!(prefix_table()
            .iter()
            .all(|(id, p)| id.len() > 2 && p.iter().all(|x| !x.is_empty())));
    }

    #[test]
    fn prefix_never_covers_the_whole_value() {
        assert_eq!(public_prefix_len("github-pat-classic", "ghp_"), 0);
        assert_eq!(public_prefix_len("github-pat-classic", "ghp_x"), 4);
        assert_eq!(public_prefix_len("openai-api-key", "sk-None-abc"), 8);
        assert_eq!(public_prefix_len("no-such-rule", "sk-proj-abc"), 0);
    }

    #[test]
    fn randomness_scales_with_alphabet() {
        assert!(random_enough("9f86d081884c7d659a2feaa0c55ad015"));
        assert!(!random_enough("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assert!(!random_enough("abababababababababab"));
        assert!(random_enough("Zq8vN3xWp0LkT7rB2mYc"));
    }
}
