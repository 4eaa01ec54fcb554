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

use super::{Candidate, Category, RuleDef, Validate, Verdict};

/// A validator for a prefixed token: the body after `$prefix` bytes must have a length in
/// `$min..=$max` and look random.
macro_rules! prefixed {
    ($name:ident, $prefix:expr, $min:expr, $max:expr) => {
        fn $name(c: &Candidate<'_>) -> Verdict {
            if super::token_ok(c, $prefix, $min, $max) {
                Verdict::Plausible
            } else {
                Verdict::Reject
            }
        }
    };
}

pub(crate) mod ai;
pub(crate) mod cloud;
pub(crate) mod code;
pub(crate) mod codec;
pub(crate) mod generic;
pub(crate) mod saas;

/// Score of a token whose provider prefix and shape match.
const PREFIXED: f32 = 0.9;

/// A secret rule with an unambiguous shape, reported without context.
const fn secret(
    id: &'static str,
    pattern: &'static str,
    validate: Validate,
    score: f32,
    context: &'static [&'static str],
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

/// A secret rule whose shape is shared with ordinary data (32 hex digits, 40 alphanumerics):
/// reported only with one of its provider's words nearby.
const fn contextual(
    id: &'static str,
    pattern: &'static str,
    validate: Validate,
    context: &'static [&'static str],
) -> RuleDef {
    RuleDef {
        needs_context: true,
        score: 0.55,
        context_boost: 0.35,
        ..secret(id, pattern, validate, 0.55, context)
    }
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

/// Public prefixes per rule id: the part of a value that every key of that kind shares and
/// that therefore says nothing about which key it is. Also used by the generic rules to leave
/// values with a provider prefix to the provider's rule.
const PUBLIC_PREFIXES: &[(&str, &[&str])] = &[
    ("openai-project-key", &["sk-proj-"]),
    ("openai-service-account-key", &["sk-svcacct-"]),
    ("openai-admin-key", &["sk-admin-"]),
    ("openai-api-key", &["sk-None-", "sk-"]),
    ("anthropic-api-key", &["sk-ant-api03-"]),
    ("anthropic-admin-key", &["sk-ant-admin01-"]),
    ("google-api-key", &["AIza"]),
    ("groq-api-key", &["gsk_"]),
    ("perplexity-api-key", &["pplx-"]),
    ("huggingface-token", &["hf_"]),
    ("replicate-api-token", &["r8_"]),
    ("deepseek-api-key", &["sk-"]),
    ("xai-api-key", &["xai-"]),
    ("aws-access-key-id", &["AKIA", "ASIA", "ABIA", "ACCA"]),
    ("google-oauth-client-secret", &["GOCSPX-"]),
    ("digitalocean-pat", &["dop_v1_"]),
    ("digitalocean-oauth-token", &["doo_v1_"]),
    ("digitalocean-refresh-token", &["dor_v1_"]),
    ("cloudflare-origin-ca-key", &["v1.0-"]),
    ("heroku-api-key", &["HRKU-"]),
    ("netlify-token", &["nfp_"]),
    ("flyio-token", &["FlyV1 ", "fo1_"]),
    ("supabase-pat", &["sbp_"]),
    ("supabase-secret-key", &["sb_secret_"]),
    ("github-pat-classic", &["ghp_"]),
    ("github-oauth-token", &["gho_"]),
    ("github-user-token", &["ghu_"]),
    ("github-server-token", &["ghs_"]),
    ("github-refresh-token", &["ghr_"]),
    ("github-pat-fine-grained", &["github_pat_"]),
    ("gitlab-pat", &["glpat-"]),
    ("gitlab-deploy-token", &["gldt-"]),
    ("gitlab-runner-token", &["glrt-"]),
    ("gitlab-ci-job-token", &["glcbt-"]),
    ("gitlab-pipeline-trigger-token", &["glptt-"]),
    ("gitlab-feed-token", &["glft-"]),
    ("gitlab-incoming-mail-token", &["glimt-"]),
    ("gitlab-agent-token", &["glagent-"]),
    ("gitlab-oauth-app-secret", &["gloas-"]),
    ("gitlab-scim-token", &["glsoat-"]),
    ("gitlab-feature-flag-token", &["glffct-"]),
    ("gitlab-runner-registration-token", &["GR1348941"]),
    ("bitbucket-app-password", &["ATBB"]),
    ("bitbucket-access-token", &["ATCTT3xFfGN0"]),
    ("npm-access-token", &["npm_"]),
    ("pypi-api-token", &["pypi-"]),
    ("rubygems-api-key", &["rubygems_"]),
    ("nuget-api-key", &["oy2"]),
    ("dockerhub-pat", &["dckr_pat_", "dckr_oat_"]),
    ("circleci-personal-token", &["CCIPAT_"]),
    ("slack-bot-token", &["xoxb-"]),
    ("slack-user-token", &["xoxp-"]),
    ("slack-app-token", &["xapp-"]),
    ("slack-config-token", &["xoxe.xoxp-", "xoxe.xoxb-", "xoxe-"]),
    ("slack-legacy-token", &["xoxa-", "xoxr-", "xoxs-"]),
    (
        "slack-webhook-url",
        &[
            "https://hooks.slack.com/services/",
            "https://hooks.slack.com/workflows/",
            "https://hooks.slack.com/triggers/",
        ],
    ),
    (
        "discord-webhook-url",
        &[
            "https://discord.com/api/webhooks/",
            "https://discordapp.com/api/webhooks/",
            "https://ptb.discord.com/api/webhooks/",
            "https://canary.discord.com/api/webhooks/",
        ],
    ),
    ("twilio-api-key", &["SK"]),
    ("twilio-account-sid", &["AC"]),
    ("sendgrid-api-key", &["SG."]),
    ("mailgun-api-key", &["key-"]),
    ("stripe-secret-key", &["sk_live_", "sk_test_"]),
    ("stripe-restricted-key", &["rk_live_", "rk_test_"]),
    ("stripe-webhook-secret", &["whsec_"]),
    ("square-access-token", &["EAAA", "sq0atp-"]),
    ("square-oauth-secret", &["sq0csp-"]),
    (
        "braintree-access-token",
        &["access_token$production$", "access_token$sandbox$"],
    ),
    ("shopify-access-token", &["shpat_"]),
    ("shopify-custom-app-token", &["shpca_"]),
    ("shopify-private-app-token", &["shppa_"]),
    ("shopify-shared-secret", &["shpss_"]),
    ("atlassian-api-token", &["ATATT3xFfGF0", "ATATT3"]),
    ("linear-api-key", &["lin_api_"]),
    ("linear-oauth-token", &["lin_oauth_"]),
    ("notion-integration-secret", &["secret_"]),
    ("notion-token", &["ntn_"]),
    ("airtable-pat", &["pat"]),
    ("newrelic-user-key", &["NRAK-"]),
    ("newrelic-insert-key", &["NRII-"]),
    ("sentry-org-token", &["sntrys_"]),
    ("sentry-user-token", &["sntryu_"]),
    ("vault-service-token", &["hvs."]),
    ("vault-batch-token", &["hvb."]),
    ("1password-service-account-token", &["ops_"]),
    ("firebase-fcm-server-key", &["AAAA"]),
];

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
    PUBLIC_PREFIXES
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

/// True when `value` starts with a prefix that a provider rule owns (or is a JWT or a key
/// block): generic rules leave such values to the more specific rule.
pub(crate) fn provider_owned(value: &str) -> bool {
    value.starts_with("eyJ")
        || value.starts_with("-----BEGIN")
        || PUBLIC_PREFIXES
            .iter()
            .flat_map(|(_, p)| p.iter())
            .any(|p| p.len() >= 3 && value.starts_with(*p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefix_entry_names_a_rule() {
        let ids: Vec<&str> = super::super::catalog().iter().map(|r| r.id).collect();
        for (id, _) in PUBLIC_PREFIXES {
            assert!(ids.contains(id), "prefix table names unknown rule {id}");
        }
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
