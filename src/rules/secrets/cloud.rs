//! Cloud platform credentials: AWS, Google Cloud, Azure, DigitalOcean, Cloudflare, Heroku,
//! Vercel, Netlify, Fly.io, Supabase, Firebase.

use super::ai::mixed_random;
use super::codec::base64_decode;
use super::generic::pem_block;
use super::{contextual, secret, Candidate, RuleDef, Verdict, PREFIXED};

const AWS: &[&str] = &[
    "aws",
    "amazon",
    "secret access key",
    "secret_access_key",
    "secretaccesskey",
    "aws_secret_access_key",
];

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    // Access key ids: a four-letter kind (AKIA long-term, ASIA temporary, ...) and 16 base32.
    secret(
        "aws-access-key-id",
        r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b",
        aws_key_id,
        PREFIXED,
        AWS,
    ),
    // The 40-character secret only after its key name, or with its key id nearby.
    RuleDef {
        score: 0.8,
        context_boost: 0.15,
        ..secret(
            "aws-secret-access-key",
            r#"(?x)
            (?: \b (?i: aws_?secret_?access_?key | aws_?secret_?key | secret_?access_?key )
                ["']? \s* (?: [:=] | => ) \s* ["']? )?
            \b [A-Za-z0-9/+]{40} (?: \b | [/+] )"#,
            aws_secret,
            0.8,
            AWS,
        )
    },
    // STS session tokens are long base64 blobs that start the same way.
    secret(
        "aws-session-token",
        r"\b(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9/+=]+",
        aws_session,
        PREFIXED,
        AWS,
    ),
    // A service-account JSON file: the PEM key inside `"private_key": "..."`.
    secret(
        "gcp-service-account-private-key",
        r#"(?x)
        "private_key" \s* : \s* "
        -----BEGIN\ PRIVATE\ KEY-----
        (?: [A-Za-z0-9+/=\s\\] )+
        -----END\ PRIVATE\ KEY-----"#,
        gcp_private_key,
        PREFIXED,
        &[
            "service_account",
            "client_email",
            "gserviceaccount",
            "private_key_id",
        ],
    ),
    secret(
        "google-oauth-client-secret",
        r"\bGOCSPX-[A-Za-z0-9_\-]+",
        google_oauth,
        PREFIXED,
        &["google", "oauth", "client_secret"],
    ),
    // Storage account key inside a connection string: 64 random bytes in base64.
    secret(
        "azure-storage-account-key",
        r"\bAccountKey=[A-Za-z0-9+/]+={0,2}",
        azure_account_key,
        PREFIXED,
        &["azure", "defaultendpointsprotocol", "accountname", "blob"],
    ),
    // Service Bus / Event Hubs / IoT shared access keys: 32 bytes in base64.
    secret(
        "azure-shared-access-key",
        r"\bSharedAccessKey=[A-Za-z0-9+/]+={0,2}",
        azure_shared_key,
        PREFIXED,
        &["azure", "servicebus", "endpoint"],
    ),
    // Entra ID (Azure AD) client secrets: three characters, a digit, `Q~`, then 31–34.
    secret(
        "azure-ad-client-secret",
        r"\b[A-Za-z0-9_~.\-]{3}[0-9]Q~[A-Za-z0-9_~.\-]+",
        azure_client_secret,
        0.85,
        &["azure", "client_secret", "entra", "tenant", "clientsecret"],
    ),
    secret(
        "digitalocean-pat",
        r"\bdop_v1_[a-f0-9]+",
        digitalocean,
        PREFIXED,
        &["digitalocean"],
    ),
    secret(
        "digitalocean-oauth-token",
        r"\bdoo_v1_[a-f0-9]+",
        digitalocean,
        PREFIXED,
        &["digitalocean"],
    ),
    secret(
        "digitalocean-refresh-token",
        r"\bdor_v1_[a-f0-9]+",
        digitalocean,
        PREFIXED,
        &["digitalocean"],
    ),
    secret(
        "cloudflare-origin-ca-key",
        r"\bv1\.0-[a-f0-9]{24}-[a-f0-9]+",
        cloudflare_origin,
        PREFIXED,
        &["cloudflare"],
    ),
    secret(
        "heroku-api-key",
        r"\bHRKU-[A-Za-z0-9_\-]+",
        heroku,
        PREFIXED,
        &["heroku"],
    ),
    secret(
        "netlify-token",
        r"\bnfp_[A-Za-z0-9]+",
        netlify,
        PREFIXED,
        &["netlify"],
    ),
    secret(
        "flyio-token",
        r"\b(?:FlyV1\ fm[12][a-z]?_[A-Za-z0-9+/=_,\-]+|fo1_[A-Za-z0-9_\-]+)",
        flyio,
        PREFIXED,
        &["fly", "flyctl", "fly.io"],
    ),
    secret(
        "supabase-pat",
        r"\bsbp_[a-f0-9]+",
        supabase_pat,
        PREFIXED,
        &["supabase"],
    ),
    secret(
        "supabase-secret-key",
        r"\bsb_secret_[A-Za-z0-9_\-]+",
        supabase_secret,
        PREFIXED,
        &["supabase"],
    ),
    // Legacy FCM server keys: an 11-character key id, `:APA91b` and a long body.
    secret(
        "firebase-fcm-server-key",
        r"\bAAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]+",
        firebase_fcm,
        PREFIXED,
        &["firebase", "fcm", "server key"],
    ),
    // Shapes shared with ordinary data: only with the provider named nearby.
    contextual(
        "cloudflare-api-token",
        r"\b[A-Za-z0-9_\-]{40}\b",
        mixed_random,
        &[
            "cloudflare",
            "cf_api_token",
            "cloudflare_api_token",
            "cf-api-token",
        ],
    ),
    contextual(
        "cloudflare-global-api-key",
        r"\b[a-f0-9]{37}\b",
        hex_random,
        &[
            "cloudflare",
            "x-auth-key",
            "cf_api_key",
            "cloudflare_api_key",
        ],
    ),
    contextual(
        "heroku-api-key-legacy",
        r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",
        hex_random,
        &["heroku", "heroku_api_key"],
    ),
    contextual(
        "vercel-token",
        r"\b[A-Za-z0-9]{24}\b",
        mixed_random,
        &["vercel", "vercel_token"],
    ),
    contextual(
        "netlify-token-legacy",
        r"\b[A-Za-z0-9_\-]{43}\b",
        mixed_random,
        &["netlify", "netlify_auth_token"],
    ),
];

/// Lower-case hex (with dashes allowed) that looks random; run with a context word only.
pub(crate) fn hex_random(c: &Candidate<'_>) -> Verdict {
    let v: String = c.value().chars().filter(|ch| *ch != '-').collect();
    if super::random_enough(&v) && !super::documented_fake(&v) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn aws_key_id(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // AWS's documentation key `AKIAIOSFODNN7EXAMPLE` and its look-alikes are not credentials.
    if super::documented_fake(&v[4..]) || !super::random_enough(&v[4..]) {
        return Verdict::Reject;
    }
    Verdict::Plausible
}

/// True when an AWS access key id stands within `reach` bytes of `start..end`.
fn key_id_nearby(text: &str, start: usize, end: usize, reach: usize) -> bool {
    let lo = start.saturating_sub(reach);
    let hi = (end + reach).min(text.len());
    let window = &text.as_bytes()[lo..hi];
    window.windows(20).any(|w| {
        matches!(&w[..4], b"AKIA" | b"ASIA")
            && w[4..]
                .iter()
                .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(b))
    })
}

fn aws_secret(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // The value is the last 40 characters; anything before is its key name.
    let mut end = v.len();
    if v.ends_with(['/', '+']) && v.len() > 40 {
        end -= 1;
    }
    if end < 40 {
        return Verdict::Reject;
    }
    let start = end - 40;
    let secret = &v[start..end];
    let b = secret.as_bytes();
    let mixed = b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.iter()
            .any(|x| x.is_ascii_digit() || *x == b'/' || *x == b'+');
    if !mixed
        || !super::random_enough(secret)
        || super::documented_fake(secret)
        || c.text[c.start + end..].starts_with(['=', '/', '+'])
    {
        return Verdict::Reject;
    }
    let keyed = start > 0;
    // A piece of a longer base64 blob (a key block, an image) is not a standalone secret.
    if !keyed && matches!(c.before(), Some('/' | '+' | '=')) {
        return Verdict::Reject;
    }
    if keyed || key_id_nearby(c.text, c.start + start, c.start + end, 200) {
        return Verdict::Span {
            start,
            end,
            check: None,
        };
    }
    // A bare 40-character run: only with an AWS word nearby. `Weak` needs the word, but the
    // span must still be the value, so report the same range.
    if start == 0 && end == v.len() {
        Verdict::Weak
    } else {
        Verdict::Reject
    }
}

fn aws_session(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if v.len() >= 100 && super::random_enough(v) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn gcp_private_key(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(start) = v.find("-----BEGIN") else {
        return Verdict::Reject;
    };
    match pem_block(&v[start..]) {
        Some(check) => Verdict::Span {
            start,
            end: v.len(),
            check: Some(check),
        },
        None => Verdict::Reject,
    }
}

prefixed!(google_oauth, 7, 28, 28);

/// The base64 value after `Name=` decodes to exactly `bytes` bytes.
fn base64_key(c: &Candidate<'_>, bytes: usize) -> Verdict {
    let v = c.value();
    let Some(eq) = v.find('=') else {
        return Verdict::Reject;
    };
    let value = &v[eq + 1..];
    // The storage emulator's published development key is public by design.
    const AZURITE: &str =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    if value == AZURITE || !super::random_enough(value) || super::documented_fake(value) {
        return Verdict::Reject;
    }
    match base64_decode(value) {
        Some(raw) if raw.len() == bytes => Verdict::Span {
            start: eq + 1,
            end: v.len(),
            check: Some("base64-key-length"),
        },
        _ => Verdict::Reject,
    }
}

fn azure_account_key(c: &Candidate<'_>) -> Verdict {
    base64_key(c, 64)
}

fn azure_shared_key(c: &Candidate<'_>) -> Verdict {
    base64_key(c, 32)
}

fn azure_client_secret(c: &Candidate<'_>) -> Verdict {
    if super::token_ok(c, 6, 31, 34) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

prefixed!(digitalocean, 7, 64, 64);
prefixed!(cloudflare_origin, 30, 146, 146);
prefixed!(heroku, 5, 40, 80);
prefixed!(netlify, 4, 36, 40);
prefixed!(supabase_pat, 4, 40, 40);
prefixed!(supabase_secret, 10, 24, 64);
prefixed!(firebase_fcm, 18, 100, 200);

fn flyio(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let ok = if v.starts_with("fo1_") {
        super::token_ok(c, 4, 43, 43)
    } else {
        super::token_ok(c, 6, 40, 4096)
    };
    if ok {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}
