//! Masking: keep a few trailing characters so a person can tell values apart
//! (`**** **** **** 4242`), never enough of a secret to use it.

use crate::Finding;

/// How many leading characters of a secret are public (a key's `sk-live-` type prefix):
/// `(rule id, value) -> length`. The secrets rules provide one; without it nothing is kept.
pub type SecretPrefix = fn(&str, &str) -> usize;

/// Mask settings.
#[derive(Debug, Clone, Copy)]
pub struct MaskOptions {
    /// Trailing letters and digits kept visible (capped so at least half stays masked).
    pub keep: usize,
    /// The masking character.
    pub mask_char: char,
    /// Public prefix of secrets; `None` masks secrets entirely.
    pub secret_prefix: Option<SecretPrefix>,
}

impl Default for MaskOptions {
    fn default() -> Self {
        MaskOptions {
            keep: 4,
            mask_char: '*',
            secret_prefix: None,
        }
    }
}

/// Masks one value. Separators (spaces, dashes, dots, `@`) stay where they are; letters and
/// digits become `mask_char` except the last `keep`. A secret keeps only its public prefix.
///
/// ```
/// use pii_airlock::operators::{mask_value, MaskOptions};
/// let o = MaskOptions::default();
/// assert_eq!(mask_value("4242 4242 4242 4242", "CREDIT_CARD", "credit-card", &o),
///            "**** **** **** 4242");
/// assert_eq!(mask_value("sk-abcdefghijklmnop", "SECRET", "generic-secret", &o),
///            "*******************");
/// ```
pub fn mask_value(value: &str, entity: &str, rule: &str, opts: &MaskOptions) -> String {
    if super::is_secret_entity(entity) {
        return mask_secret(value, rule, opts);
    }
    let alnum = value.chars().filter(|c| c.is_alphanumeric()).count();
    let keep = opts.keep.min(alnum / 2);
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                seen += 1;
                if seen > alnum - keep {
                    c
                } else {
                    opts.mask_char
                }
            } else {
                c
            }
        })
        .collect()
}

/// Masks a credential: only its public prefix (if `opts.secret_prefix` says there is one, and
/// it is at most a third of the value) stays; no trailing characters.
pub fn mask_secret(value: &str, rule: &str, opts: &MaskOptions) -> String {
    let prefix = opts.secret_prefix.map_or(0, |p| p(rule, value));
    // A prefix longer than a third of the value is not "public": mask it all.
    let prefix = if prefix.saturating_mul(3) > value.len() || !value.is_char_boundary(prefix) {
        0
    } else {
        prefix
    };
    let masked = value[prefix..].chars().count();
    let mut out = value[..prefix].to_string();
    out.extend(std::iter::repeat_n(opts.mask_char, masked));
    out
}

/// Masks every finding.
pub fn mask(text: &str, findings: &[Finding], opts: &MaskOptions) -> String {
    super::splice(text, findings, |f, v| {
        Some(mask_value(v, &f.entity, &f.rule, opts))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_keep_at_most_half() {
        let o = MaskOptions::default();
        assert_eq!(mask_value("1234", "X", "x", &o), "**34");
        assert_eq!(mask_value("DE89 3704", "X", "x", &o), "**** 3704");
        assert_eq!(mask_value("ab-1", "X", "x", &o), "**-1");
    }

    #[test]
    fn secret_prefix_is_bounded() {
        fn prefix(_: &str, v: &str) -> usize {
            if v.starts_with("ghp_") {
                4
            } else {
                v.len()
            }
        }
        let o = MaskOptions {
            secret_prefix: Some(prefix),
            ..MaskOptions::default()
        };
        assert_eq!(
            mask_value("ghp_abcdefgh", "SECRET", "r", &o),
            "ghp_********"
        );
        // A callback claiming the whole value is public is ignored.
        assert_eq!(mask_value("abcdefgh", "SECRET", "r", &o), "********");
    }
}
