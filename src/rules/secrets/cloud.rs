//! Cloud platform credentials: AWS, Google Cloud, Azure, DigitalOcean, Cloudflare, Heroku,
//! Vercel, Netlify, Fly.io, Supabase, Firebase, Tailscale, Databricks, ClickHouse, Sumo Logic.

use super::ai::is_mixed_random;
use super::codec::base64_decode;
use super::generic::pem_block;
use super::{
    alnum, hex_of, keyed, keyed_value, secret, url_safe, with_prefixes, Candidate, RuleDef,
    Verdict, PREFIXED,
};
use crate::rules::Words;

const AWS: Words = words![
    "aws",
    "amazon",
    "secret access key",
    "secret_access_key",
    "secretaccesskey",
    "aws_secret_access_key",
];

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    // The 40-character secret after its key name, or right after its key id (a CSV export or
    // a pasted pair). Before the key id rule, so a pair is reported as the secret.
    RuleDef {
        score: 0.85,
        ..secret(
            "aws-secret-access-key",
            r#"(?x)
            (?: \b (?i: aws[\ _\-]?secret (?:[\ _\-]?access)? (?:[\ _\-]?key)?
                   | secret[\ _\-]?access[\ _\-]?key ) [A-Za-z0-9_]*
                ["']? [\ \t]* (?: := | => | [:=] | [\ \t] ) [\ \t]* ["']?
              | \b (?:AKIA|ASIA) [A-Z2-7]{16} ["']? [\ \t]* [,;:|=\t\r\n\ ]{1,4} [\ \t]* ["']?
                # "AKIA… secret …", "AKIA… and …": the pair typed into a sentence.
                (?: (?i: secret (?: [\ _\-]? (?: access [\ _\-]? )? key )? | and | sk )
                    [\ \t]* [:=]? [\ \t]+ ["']? )? )
            [A-Za-z0-9/+]{40}
            (?: \z | [\t\n\r\x20"'`,;)}\]<>|] )"#,
            aws_secret,
            0.85,
            AWS,
        )
    },
    // Access key ids: a four-letter kind (AKIA long-term, ASIA temporary, ...) and 16 base32.
    with_prefixes(
        secret(
            "aws-access-key-id",
            r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b",
            aws_key_id,
            PREFIXED,
            AWS,
        ),
        &["AKIA", "ASIA", "ABIA", "ACCA"],
    ),
    // STS session tokens are long base64 blobs that start the same way.
    with_prefixes(
        secret(
            "aws-session-token",
            r"\b(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9/+=]+",
            aws_session,
            PREFIXED,
            AWS,
        ),
        &["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE"],
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
        words![
            "service_account",
            "client_email",
            "gserviceaccount",
            "private_key_id",
        ],
    ),
    with_prefixes(
        secret(
            "google-oauth-client-secret",
            r"\bGOCSPX-[A-Za-z0-9_\-]+",
            google_oauth,
            PREFIXED,
            words!["google", "oauth", "client_secret"],
        ),
        &["GOCSPX-"],
    ),
    // Storage account key inside a connection string: 64 random bytes in base64.
    secret(
        "azure-storage-account-key",
        r"\bAccountKey=[A-Za-z0-9+/]+={0,2}",
        azure_account_key,
        PREFIXED,
        words!["azure", "defaultendpointsprotocol", "accountname", "blob"],
    ),
    // Service Bus / Event Hubs / IoT shared access keys: 32 bytes in base64.
    secret(
        "azure-shared-access-key",
        r"\bSharedAccessKey=[A-Za-z0-9+/]+={0,2}",
        azure_shared_key,
        PREFIXED,
        words!["azure", "servicebus", "endpoint"],
    ),
    // Entra ID (Azure AD) client secrets: three characters, a digit, `Q~`, then 31–34.
    secret(
        "azure-ad-client-secret",
        r"\b[A-Za-z0-9_~.\-]{3}[0-9]Q~[A-Za-z0-9_~.\-]+",
        azure_client_secret,
        0.85,
        words!["azure", "client_secret", "entra", "tenant", "clientsecret"],
    ),
    with_prefixes(
        secret(
            "digitalocean-pat",
            r"\bdop_v1_[a-f0-9]+",
            digitalocean,
            PREFIXED,
            words!["digitalocean"],
        ),
        &["dop_v1_"],
    ),
    with_prefixes(
        secret(
            "digitalocean-oauth-token",
            r"\bdoo_v1_[a-f0-9]+",
            digitalocean,
            PREFIXED,
            words!["digitalocean"],
        ),
        &["doo_v1_"],
    ),
    with_prefixes(
        secret(
            "digitalocean-refresh-token",
            r"\bdor_v1_[a-f0-9]+",
            digitalocean,
            PREFIXED,
            words!["digitalocean"],
        ),
        &["dor_v1_"],
    ),
    with_prefixes(
        secret(
            "cloudflare-origin-ca-key",
            r"\bv1\.0-[a-f0-9]{24}-[a-f0-9]+",
            cloudflare_origin,
            PREFIXED,
            words!["cloudflare"],
        ),
        &["v1.0-"],
    ),
    with_prefixes(
        secret(
            "heroku-api-key",
            r"\bHRKU-[A-Za-z0-9_\-]+",
            heroku,
            PREFIXED,
            words!["heroku"],
        ),
        &["HRKU-"],
    ),
    with_prefixes(
        secret(
            "netlify-token",
            r"\bnfp_[A-Za-z0-9]+",
            netlify,
            PREFIXED,
            words!["netlify"],
        ),
        &["nfp_"],
    ),
    with_prefixes(
        secret(
            "flyio-token",
            r"\b(?:FlyV1\ fm[12][a-z]?_[A-Za-z0-9+/=_,\-]+|fo1_[A-Za-z0-9_\-]+)",
            flyio,
            PREFIXED,
            words!["fly", "flyctl", "fly.io"],
        ),
        &["FlyV1 ", "fo1_"],
    ),
    with_prefixes(
        secret(
            "supabase-pat",
            r"\bsbp_[a-f0-9]+",
            supabase_pat,
            PREFIXED,
            words!["supabase"],
        ),
        &["sbp_"],
    ),
    with_prefixes(
        secret(
            "supabase-secret-key",
            r"\bsb_secret_[A-Za-z0-9_\-]+",
            supabase_secret,
            PREFIXED,
            words!["supabase"],
        ),
        &["sb_secret_"],
    ),
    // Tailscale: `tskey-<kind>-<key id>-<secret>` (Tailscale, "Key prefixes").
    with_prefixes(
        secret(
            "tailscale-key",
            r"\btskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]+-[A-Za-z0-9]+",
            tailscale,
            PREFIXED,
            words!["tailscale", "ts_authkey", "tailnet"],
        ),
        &[
            "tskey-api-",
            "tskey-auth-",
            "tskey-client-",
            "tskey-scim-",
            "tskey-webhook-",
        ],
    ),
    // Databricks personal access tokens: `dapi` + 32 hex, sometimes `-2` after.
    with_prefixes(
        secret(
            "databricks-token",
            r"\bdapi[a-f0-9]+(?:-[0-9]+)?\b",
            databricks,
            PREFIXED,
            words!["databricks", "databricks_token"],
        ),
        &["dapi"],
    ),
    // Vercel's prefixed credentials (changelog "Introducing new token formats and secret
    // scanning"): personal `vcp_`, integration `vci_`, app access `vca_`, app refresh `vcr_`,
    // API keys `vck_`.
    with_prefixes(
        secret(
            "vercel-token-prefixed",
            r"\bvc[pikar]_[A-Za-z0-9]+",
            vercel_prefixed,
            PREFIXED,
            words!["vercel", "vercel_token"],
        ),
        &["vcp_", "vci_", "vca_", "vcr_", "vck_"],
    ),
    // Cloudflare's scannable credentials ("Token formats"): `cfk_` global key, `cfut_` user
    // token, `cfat_` account token; 40 characters and a checksum.
    with_prefixes(
        secret(
            "cloudflare-api-token-prefixed",
            r"\bcf(?:k|ut|at)_[A-Za-z0-9]+",
            cloudflare_prefixed,
            PREFIXED,
            words!["cloudflare", "cf_api_token"],
        ),
        &["cfk_", "cfut_", "cfat_"],
    ),
    // Legacy FCM server keys: an 11-character key id, `:APA91b` and a long body.
    with_prefixes(
        secret(
            "firebase-fcm-server-key",
            r"\bAAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]+",
            firebase_fcm,
            PREFIXED,
            words!["firebase", "fcm", "server key"],
        ),
        &["AAAA"],
    ),
    // Shapes shared with ordinary data: only after the provider's name.
    keyed(
        "cloudflare-api-token",
        keyed!(
            "cloudflare | cf_api_token | cf-api-token | cf_token",
            r"[A-Za-z0-9_\-]+"
        ),
        cloudflare_token,
    ),
    keyed(
        "cloudflare-global-api-key",
        keyed!("cloudflare | x-auth-key | cf_api_key", "[a-f0-9]+"),
        cloudflare_global,
    ),
    keyed(
        "heroku-api-key-legacy",
        keyed!("heroku", r"[a-f0-9\-]+"),
        heroku_legacy,
    ),
    keyed("vercel-token", keyed!("vercel", "[A-Za-z0-9]+"), vercel),
    // ClickHouse Cloud key secrets and Sumo Logic access keys have no prefix of their own.
    keyed(
        "clickhouse-cloud-key-secret",
        keyed!(
            "clickhouse | ch_key_secret | clickhouse_key_secret",
            "[A-Za-z0-9]+"
        ),
        clickhouse,
    ),
    keyed(
        "sumologic-access-key",
        keyed!(
            "sumo | sumologic | sumo_logic | sumo_access_key",
            "[A-Za-z0-9]+"
        ),
        sumologic,
    ),
    keyed(
        "netlify-token-legacy",
        keyed!("netlify", r"[A-Za-z0-9_\-]+"),
        netlify_legacy,
    ),
];

fn cloudflare_token(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, url_safe, |v| v.len() == 40 && is_mixed_random(v))
}

fn cloudflare_global(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, super::hex, |v| hex_of(v, 37))
}

/// A UUID: 8-4-4-4-12 hex digits.
fn heroku_legacy(c: &Candidate<'_>) -> Verdict {
    keyed_value(
        c,
        |b| super::hex(b) || b == b'-',
        |v| {
            let groups: Vec<usize> = v.split('-').map(str::len).collect();
            groups == [8, 4, 4, 4, 12] && super::random_enough(&v.replace('-', ""))
        },
    )
}

fn vercel(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, alnum, |v| v.len() == 24 && is_mixed_random(v))
}

fn clickhouse(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, alnum, |v| {
        (36..=64).contains(&v.len()) && is_mixed_random(v)
    })
}

fn sumologic(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, alnum, |v| v.len() == 64 && is_mixed_random(v))
}

fn tailscale(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((id_part, secret)) = v.rsplit_once('-') else {
        return Verdict::Reject;
    };
    let id = id_part.rsplit('-').next().unwrap_or("");
    if id.len() < 6 || super::glued_before(c) {
        return Verdict::Reject;
    }
    super::token_verdict(c, v.len() - secret.len(), 16, 64)
}

fn databricks(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let body = v.split('-').next().unwrap_or("");
    if super::glued_before(c) || body.len() != 36 {
        return Verdict::Reject;
    }
    super::body_verdict(&body[4..], 32, 32)
}

prefixed!(vercel_prefixed, 4, 24, 128);

fn cloudflare_prefixed(c: &Candidate<'_>) -> Verdict {
    let prefix = c.value().find('_').map_or(0, |i| i + 1);
    super::token_verdict(c, prefix, 40, 56)
}

fn netlify_legacy(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, url_safe, |v| v.len() == 43 && is_mixed_random(v))
}

fn aws_key_id(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // AWS's documentation key `AKIAIOSFODNN7EXAMPLE` and its look-alikes are not credentials.
    if super::documented_fake(&v[4..]) || !super::random_enough(&v[4..]) {
        return Verdict::Reject;
    }
    Verdict::Plausible
}

fn aws_secret(c: &Candidate<'_>) -> Verdict {
    let in_class = |b: u8| b.is_ascii_alphanumeric() || b == b'/' || b == b'+';
    keyed_value(c, in_class, |secret| {
        let b = secret.as_bytes();
        secret.len() == 40
            && b.iter().any(u8::is_ascii_uppercase)
            && b.iter().any(u8::is_ascii_lowercase)
            && b.iter()
                .any(|x| x.is_ascii_digit() || *x == b'/' || *x == b'+')
            && super::random_enough(secret)
            && !super::documented_fake(secret)
    })
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
