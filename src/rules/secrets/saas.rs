//! SaaS and payment credentials: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun,
//! Mailchimp, Stripe, Square, PayPal/Braintree, Shopify, Atlassian, Linear, Notion, Airtable,
//! Datadog, New Relic, Sentry, PagerDuty, HashiCorp Vault, 1Password, Grafana, MaxMind,
//! MessageBird, Figma, HubSpot.

use super::codec::base64_decode;
use super::{
    body_ok, hex_of, keyed, keyed_value, secret, token_ok, with_prefixes, Candidate, RuleDef,
    Verdict, PREFIXED,
};
use crate::rules::Words;

const SLACK: Words = words!["slack", "slack_token", "slack_bot_token"];
const STRIPE: Words = words!["stripe", "stripe_secret_key", "stripe_api_key"];
const SHOPIFY: Words = words!["shopify"];

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    with_prefixes(
        secret(
            "slack-bot-token",
            r"\bxoxb-[0-9]+(?:-[0-9]+)?-[A-Za-z0-9]+",
            slack_bot,
            PREFIXED,
            SLACK,
        ),
        &["xoxb-"],
    ),
    with_prefixes(
        secret(
            "slack-user-token",
            r"\bxoxp-[0-9]+-[0-9]+-[0-9]+-[a-f0-9]+",
            slack_user,
            PREFIXED,
            SLACK,
        ),
        &["xoxp-"],
    ),
    with_prefixes(
        secret(
            "slack-app-token",
            r"\bxapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-f0-9]+",
            slack_app,
            PREFIXED,
            SLACK,
        ),
        &["xapp-"],
    ),
    with_prefixes(
        secret(
            "slack-config-token",
            r"\bxoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]+",
            slack_config,
            PREFIXED,
            SLACK,
        ),
        &["xoxe.xoxp-", "xoxe.xoxb-", "xoxe-"],
    ),
    with_prefixes(
        secret(
            "slack-legacy-token",
            r"\bxox[aors]-[0-9A-Za-z\-]+",
            slack_legacy,
            PREFIXED,
            SLACK,
        ),
        &["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
    ),
    // The whole webhook URL is the credential; its path names the workspace and channel.
    with_prefixes(
        secret(
            "slack-webhook-url",
            r"\b(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]+",
            slack_webhook,
            PREFIXED,
            SLACK,
        ),
        &[
            "https://hooks.slack.com/services/",
            "https://hooks.slack.com/workflows/",
            "https://hooks.slack.com/triggers/",
            "http://hooks.slack.com/services/",
            "http://hooks.slack.com/workflows/",
            "http://hooks.slack.com/triggers/",
            "hooks.slack.com/services/",
            "hooks.slack.com/workflows/",
            "hooks.slack.com/triggers/",
        ],
    ),
    // Discord bot tokens: base64 of the bot's numeric id, a timestamp part, an HMAC part. Only
    // after a Discord key name or in `bot.run("...")` / `client.login("...")`: a bare
    // three-part dotted pattern follows every `a.b.c` in code and bloats the shared automaton.
    secret(
        "discord-bot-token",
        r#"(?x)
        (?: \b (?i: discord | bot_token ) [A-Za-z0-9_.\-]*
            (?: [\ \t]+ (?i: bot\ token | token | key ) )?
            ["']? [\ \t]* (?: := | => | [:=] | [\ \t] ) [\ \t]* ["']?
          | \. (?: run | login ) \( [\ \t]* ["'] )
        [MNO][A-Za-z0-9_\-]+ \. [A-Za-z0-9_\-]+ \. [A-Za-z0-9_\-]+"#,
        discord_bot,
        0.9,
        words!["discord", "bot", "discord_token"],
    ),
    with_prefixes(
        secret(
            "discord-webhook-url",
            r"\bhttps://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]+/[A-Za-z0-9_\-]+",
            discord_webhook,
            PREFIXED,
            words!["discord", "webhook"],
        ),
        &[
            "https://discord.com/api/webhooks/",
            "https://discordapp.com/api/webhooks/",
            "https://ptb.discord.com/api/webhooks/",
            "https://canary.discord.com/api/webhooks/",
        ],
    ),
    // Telegram: the bot's numeric id, `:`, then 35 characters starting with `AA`.
    secret(
        "telegram-bot-token",
        r"\b[0-9]+:AA[A-Za-z0-9_\-]+",
        telegram,
        PREFIXED,
        words!["telegram", "bot", "botfather"],
    ),
    with_prefixes(
        secret(
            "twilio-api-key",
            r"\bSK[0-9a-f]+\b",
            twilio_sid,
            0.8,
            words!["twilio"],
        ),
        &["SK"],
    ),
    with_prefixes(
        secret(
            "twilio-account-sid",
            r"\bAC[0-9a-f]+\b",
            twilio_sid,
            0.6,
            words!["twilio", "account_sid", "accountsid"],
        ),
        &["AC"],
    ),
    with_prefixes(
        secret(
            "sendgrid-api-key",
            r"\bSG\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+",
            sendgrid,
            PREFIXED,
            words!["sendgrid"],
        ),
        &["SG."],
    ),
    with_prefixes(
        secret(
            "mailgun-api-key",
            r"\bkey-[a-f0-9]+\b",
            mailgun,
            0.75,
            words!["mailgun"],
        ),
        &["key-"],
    ),
    // Newer private keys (32-8-8 hex) have no prefix: only after the provider's name.
    keyed(
        "mailgun-private-key",
        keyed!("mailgun | mg_api_key", r"[a-f0-9\-]+"),
        mailgun_private,
    ),
    secret(
        "mailchimp-api-key",
        r"\b[a-f0-9]+-us[0-9]+\b",
        mailchimp,
        0.85,
        words!["mailchimp", "mandrill"],
    ),
    // Publishable keys (`pk_live_`, `pk_test_`) are meant to be public and are not matched.
    with_prefixes(
        secret(
            "stripe-secret-key",
            r"\bsk_(?:live|test)_[A-Za-z0-9]+",
            stripe,
            PREFIXED,
            STRIPE,
        ),
        &["sk_live_", "sk_test_"],
    ),
    with_prefixes(
        secret(
            "stripe-restricted-key",
            r"\brk_(?:live|test)_[A-Za-z0-9]+",
            stripe,
            PREFIXED,
            STRIPE,
        ),
        &["rk_live_", "rk_test_"],
    ),
    with_prefixes(
        secret(
            "stripe-webhook-secret",
            r"\bwhsec_[A-Za-z0-9+/=]+",
            stripe_webhook,
            PREFIXED,
            STRIPE,
        ),
        &["whsec_"],
    ),
    with_prefixes(
        secret(
            "square-access-token",
            r"\b(?:EAAA[A-Za-z0-9_\-]+|sq0atp-[A-Za-z0-9_\-]+)",
            square_access,
            0.85,
            words!["square", "squareup"],
        ),
        &["EAAA", "sq0atp-"],
    ),
    with_prefixes(
        secret(
            "square-oauth-secret",
            r"\bsq0csp-[A-Za-z0-9_\-]+",
            square_secret,
            PREFIXED,
            words!["square", "squareup"],
        ),
        &["sq0csp-"],
    ),
    with_prefixes(
        secret(
            "braintree-access-token",
            r"\baccess_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}\b",
            braintree,
            PREFIXED,
            words!["braintree", "paypal"],
        ),
        &["access_token$production$", "access_token$sandbox$"],
    ),
    with_prefixes(
        secret(
            "shopify-access-token",
            r"\bshpat_[A-Za-z0-9]+",
            shopify,
            PREFIXED,
            SHOPIFY,
        ),
        &["shpat_"],
    ),
    with_prefixes(
        secret(
            "shopify-custom-app-token",
            r"\bshpca_[A-Za-z0-9]+",
            shopify,
            PREFIXED,
            SHOPIFY,
        ),
        &["shpca_"],
    ),
    with_prefixes(
        secret(
            "shopify-private-app-token",
            r"\bshppa_[A-Za-z0-9]+",
            shopify,
            PREFIXED,
            SHOPIFY,
        ),
        &["shppa_"],
    ),
    with_prefixes(
        secret(
            "shopify-shared-secret",
            r"\bshpss_[A-Za-z0-9]+",
            shopify,
            PREFIXED,
            SHOPIFY,
        ),
        &["shpss_"],
    ),
    with_prefixes(
        secret(
            "atlassian-api-token",
            r"\bATATT3[A-Za-z0-9_\-=]+",
            atlassian,
            PREFIXED,
            words!["atlassian", "jira", "confluence"],
        ),
        &["ATATT3xFfGF0", "ATATT3"],
    ),
    with_prefixes(
        secret(
            "linear-api-key",
            r"\blin_api_[A-Za-z0-9]+",
            linear_api,
            PREFIXED,
            words!["linear"],
        ),
        &["lin_api_"],
    ),
    with_prefixes(
        secret(
            "linear-oauth-token",
            r"\blin_oauth_[a-f0-9]+",
            linear_oauth,
            PREFIXED,
            words!["linear"],
        ),
        &["lin_oauth_"],
    ),
    with_prefixes(
        secret(
            "notion-integration-secret",
            r"\bsecret_[A-Za-z0-9]+",
            notion_secret,
            0.85,
            words!["notion"],
        ),
        &["secret_"],
    ),
    with_prefixes(
        secret(
            "notion-token",
            r"\bntn_[A-Za-z0-9]+",
            notion_token,
            PREFIXED,
            words!["notion"],
        ),
        &["ntn_"],
    ),
    with_prefixes(
        secret(
            "airtable-pat",
            r"\bpat[A-Za-z0-9]+\.[a-f0-9]+",
            airtable,
            PREFIXED,
            words!["airtable"],
        ),
        &["pat"],
    ),
    with_prefixes(
        secret(
            "newrelic-user-key",
            r"\bNRAK-[A-Z0-9]+",
            newrelic_user,
            PREFIXED,
            words!["newrelic", "new relic"],
        ),
        &["NRAK-"],
    ),
    with_prefixes(
        secret(
            "newrelic-insert-key",
            r"\bNRII-[A-Za-z0-9_\-]+",
            newrelic_insert,
            PREFIXED,
            words!["newrelic", "new relic"],
        ),
        &["NRII-"],
    ),
    secret(
        "newrelic-license-key",
        r"\b[a-f0-9]+NRAL\b",
        newrelic_license,
        PREFIXED,
        words!["newrelic", "new relic", "license_key"],
    ),
    // Org auth tokens: `sntrys_`, base64 JSON with the org and URLs, `_`, the secret.
    with_prefixes(
        secret(
            "sentry-org-token",
            r"\bsntrys_eyJ[A-Za-z0-9+/=_\-]+",
            json_payload_token,
            PREFIXED,
            words!["sentry"],
        ),
        &["sntrys_"],
    ),
    with_prefixes(
        secret(
            "sentry-user-token",
            r"\bsntryu_[a-f0-9]+",
            sentry_user,
            PREFIXED,
            words!["sentry"],
        ),
        &["sntryu_"],
    ),
    with_prefixes(
        secret(
            "vault-service-token",
            r"\bhvs\.[A-Za-z0-9_\-]+",
            vault,
            PREFIXED,
            words!["vault", "vault_token", "hashicorp"],
        ),
        &["hvs."],
    ),
    with_prefixes(
        secret(
            "vault-batch-token",
            r"\bhvb\.[A-Za-z0-9_\-]+",
            vault,
            PREFIXED,
            words!["vault", "vault_token", "hashicorp"],
        ),
        &["hvb."],
    ),
    // 1Password service-account tokens: `ops_` and base64 JSON.
    with_prefixes(
        secret(
            "1password-service-account-token",
            r"\bops_eyJ[A-Za-z0-9+/=_\-]+",
            json_payload_token,
            PREFIXED,
            words!["1password", "op_service_account_token"],
        ),
        &["ops_"],
    ),
    // Grafana Cloud access-policy tokens: `glc_` + base64 JSON (org, name, key, region).
    with_prefixes(
        secret(
            "grafana-cloud-token",
            r"\bglc_eyJ[A-Za-z0-9+/=_\-]+",
            json_payload_token,
            PREFIXED,
            words!["grafana", "grafana cloud"],
        ),
        &["glc_"],
    ),
    // Grafana service-account tokens: `glsa_` + 32 alphanumerics + `_` + 8 hex.
    with_prefixes(
        secret(
            "grafana-service-account-token",
            r"\bglsa_[A-Za-z0-9]+_[a-f0-9]+\b",
            grafana_sa,
            PREFIXED,
            words!["grafana"],
        ),
        &["glsa_"],
    ),
    // 1Password account Secret Keys: version `A3`, a 6-character account id and 26 random
    // characters grouped 6-5-5-5-5 (1Password security design white paper).
    with_prefixes(
        secret(
            "1password-secret-key",
            r"\bA3-[A-Z0-9]{6}-[A-Z0-9]{6}(?:-[A-Z0-9]{5}){4}\b",
            onepassword_secret_key,
            PREFIXED,
            words!["1password", "secret key", "emergency kit"],
        ),
        &["A3-"],
    ),
    // MaxMind license keys since 2023 (release note "Changes to MaxMind License Keys"): 40
    // characters of `[a-zA-Z0-9_]`, a six-character prefix and the suffix `_mmk`. The match
    // is the suffix; the validator reads the 36 characters before it.
    secret(
        "maxmind-license-key",
        r"_mmk\b",
        maxmind,
        PREFIXED,
        words!["maxmind", "geoip", "license_key"],
    ),
    // Figma personal access tokens: `figd_` + base64url.
    with_prefixes(
        secret(
            "figma-token",
            r"\bfigd_[A-Za-z0-9_\-]+",
            figma,
            PREFIXED,
            words!["figma", "figma_token"],
        ),
        &["figd_"],
    ),
    // HubSpot private-app tokens: `pat-<region>-` + a UUID.
    with_prefixes(
        secret(
            "hubspot-private-app-token",
            r"\bpat-(?:na|eu|ap)[0-9]-[a-f0-9\-]+",
            hubspot_pat,
            PREFIXED,
            words!["hubspot"],
        ),
        &["pat-na1-", "pat-na2-", "pat-eu1-", "pat-ap1-"],
    ),
    keyed(
        "hubspot-api-key",
        keyed!("hubspot | hapikey", r"[a-f0-9\-]+"),
        uuid_value,
    ),
    // MessageBird access keys: 25 alphanumerics, only after the provider's name.
    keyed(
        "messagebird-api-key",
        keyed!("messagebird | message_bird | mbird", "[A-Za-z0-9]+"),
        messagebird,
    ),
    keyed("twilio-auth-token", keyed!("twilio", "[a-f0-9]+"), hex32),
    keyed(
        "datadog-api-key",
        keyed!("datadog | dd_api_key | dd-api-key | dd_apikey", "[a-f0-9]+"),
        hex32,
    ),
    keyed(
        "datadog-app-key",
        keyed!(
            "datadog | dd_app_key | dd-app-key | dd_application_key | dd-application-key",
            "[a-f0-9]+"
        ),
        hex40,
    ),
    keyed(
        "pagerduty-api-key",
        keyed!("pagerduty | pd_api_key | pd_token", r"[A-Za-z0-9_+\-]+"),
        pagerduty,
    ),
];

/// Splits on `-` and checks that the middle parts are ids of `ids` digits and the last part
/// is a random body of `last` characters.
fn dashed(c: &Candidate<'_>, ids: std::ops::RangeInclusive<usize>, last: usize) -> Verdict {
    let v = c.value();
    let mut parts: Vec<&str> = v.split('-').skip(1).collect();
    let Some(tail) = parts.pop() else {
        return Verdict::Reject;
    };
    let ids_ok = parts.iter().all(|p| {
        ids.contains(&p.len()) || p.len() == 1 || p.bytes().any(|b| b.is_ascii_alphabetic())
    });
    if ids_ok && !c.after().is_some_and(|ch| ch.is_ascii_alphanumeric()) {
        super::body_verdict(tail, last, last)
    } else {
        Verdict::Reject
    }
}

fn slack_bot(c: &Candidate<'_>) -> Verdict {
    dashed(c, 8..=14, 24)
}

fn slack_user(c: &Candidate<'_>) -> Verdict {
    dashed(c, 8..=14, 32)
}

fn slack_app(c: &Candidate<'_>) -> Verdict {
    dashed(c, 8..=14, 64)
}

fn slack_config(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let prefix = v.rfind('-').map_or(v.len(), |i| i + 1);
    if token_ok(c, prefix, 40, 400) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

prefixed!(slack_legacy, 5, 30, 200);

fn slack_webhook(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let last = v.rsplit('/').next().unwrap_or("");
    if body_ok(last, 20, 40) && !c.after().is_some_and(|ch| ch.is_ascii_alphanumeric()) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

/// Three dot-separated parts, the first the base64 of a numeric Discord id (a snowflake of
/// 17–20 digits), the last random.
pub(crate) fn discord_shape(v: &str) -> bool {
    let mut parts = v.split('.');
    let (Some(id), Some(_), Some(hmac), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    base64_decode(id).is_some_and(|raw| {
        (17..=20).contains(&raw.len()) && raw.iter().all(u8::is_ascii_digit) && raw[0] != b'0'
    }) && super::random_enough(hmac)
}

fn discord_bot(c: &Candidate<'_>) -> Verdict {
    let token = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
    match keyed_value(c, token, |v| {
        let lens: Vec<usize> = v.split('.').map(str::len).collect();
        lens.len() == 3
            && (24..=28).contains(&lens[0])
            && lens[1] == 6
            && (27..=40).contains(&lens[2])
            && discord_shape(v)
    }) {
        Verdict::Span { start, end, .. } => Verdict::Span {
            start,
            end,
            check: Some("discord-snowflake"),
        },
        other => other,
    }
}

fn discord_webhook(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let last = v.rsplit('/').next().unwrap_or("");
    if body_ok(last, 60, 70) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn telegram(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let colon = v.find(':').unwrap_or(0);
    if (8..=10).contains(&colon) && !super::glued_before(c) && token_ok(c, colon + 1, 35, 35) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn twilio_sid(c: &Candidate<'_>) -> Verdict {
    if token_ok(c, 2, 32, 32) && c.value()[2..].bytes().all(super::hex) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn sendgrid(c: &Candidate<'_>) -> Verdict {
    if c.value()[3..].find('.') == Some(22) && token_ok(c, 3, 66, 66) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn mailchimp(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((hex, dc)) = v.split_once("-us") else {
        return Verdict::Reject;
    };
    if hex.len() != 32 || !(1..=2).contains(&dc.len()) {
        return Verdict::Reject;
    }
    if super::random_enough(hex) && !super::documented_fake(hex) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn stripe(c: &Candidate<'_>) -> Verdict {
    super::token_verdict(c, 8, 24, 247)
}

prefixed!(stripe_webhook, 6, 32, 64);
prefixed!(square_secret, 7, 43, 43);
prefixed!(shopify, 6, 32, 64);
prefixed!(atlassian, 6, 100, 300);
prefixed!(linear_api, 8, 40, 40);
prefixed!(linear_oauth, 10, 64, 64);
prefixed!(notion_secret, 7, 43, 43);
prefixed!(notion_token, 4, 40, 50);
prefixed!(newrelic_user, 5, 27, 27);
prefixed!(newrelic_insert, 5, 32, 32);
prefixed!(sentry_user, 7, 64, 64);
prefixed!(vault, 4, 24, 200);

fn square_access(c: &Candidate<'_>) -> Verdict {
    let ok = if c.value().starts_with("EAAA") {
        token_ok(c, 4, 60, 60)
    } else {
        token_ok(c, 7, 22, 22)
    };
    if ok {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn airtable(c: &Candidate<'_>) -> Verdict {
    if c.value().find('.') == Some(17) && token_ok(c, 18, 64, 64) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn braintree(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let last = v.rsplit('$').next().unwrap_or("");
    if body_ok(last, 32, 32) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn newrelic_license(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if v.len() != 40 {
        return Verdict::Reject;
    }
    let hex = &v[..36];
    if super::random_enough(hex) && !super::documented_fake(hex) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

/// `prefix_` + base64 of a JSON object (+ `_secret` for Sentry): the payload must decode to
/// JSON, which random text starting with `eyJ` does not.
fn json_payload_token(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(body) = v.find('_').map(|i| &v[i + 1..]) else {
        return Verdict::Reject;
    };
    let payload = body.split('_').next().unwrap_or("");
    match base64_decode(payload) {
        Some(raw) if raw.len() >= 16 && raw.first() == Some(&b'{') && raw.contains(&b'"') => {
            Verdict::Checked("json-payload")
        }
        _ => Verdict::Reject,
    }
}

fn pagerduty(c: &Candidate<'_>) -> Verdict {
    keyed_value(
        c,
        |b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'),
        |v| {
            let b = v.as_bytes();
            v.len() == 20
                && b.iter().any(u8::is_ascii_uppercase)
                && b.iter().any(u8::is_ascii_lowercase)
                && super::random_enough(v)
                && !super::documented_fake(v)
        },
    )
}

fn hex32(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, super::hex, |v| hex_of(v, 32))
}

fn hex40(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, super::hex, |v| hex_of(v, 40))
}

fn mailgun(c: &Candidate<'_>) -> Verdict {
    if hex_of(&c.value()[4..], 32) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn mailgun_private(c: &Candidate<'_>) -> Verdict {
    keyed_value(
        c,
        |b| super::hex(b) || b == b'-',
        |v| {
            let lens: Vec<usize> = v.split('-').map(str::len).collect();
            lens == [32, 8, 8] && super::random_enough(&v.replace('-', ""))
        },
    )
}

fn grafana_sa(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some((body, check)) = v[5..].split_once('_') else {
        return Verdict::Reject;
    };
    if body.len() != 32 || check.len() != 8 || super::glued_before(c) {
        return Verdict::Reject;
    }
    super::body_verdict(body, 32, 32)
}

fn onepassword_secret_key(c: &Candidate<'_>) -> Verdict {
    // The 26 random characters after the version and account id.
    let random: String = c.value()[10..].chars().filter(|&ch| ch != '-').collect();
    if random.len() == 26 && !super::glued_before(c) {
        super::body_verdict(&random, 26, 26)
    } else {
        Verdict::Reject
    }
}

fn maxmind(c: &Candidate<'_>) -> Verdict {
    let before = c.preceding().as_bytes();
    const BODY: usize = 36;
    if before.len() < BODY {
        return Verdict::Reject;
    }
    let body = &before[before.len() - BODY..];
    let glued = before.len() > BODY && {
        let b = before[before.len() - BODY - 1];
        b.is_ascii_alphanumeric() || b == b'_'
    };
    let shape = body.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        && body[6] == b'_'
        && body[..6].iter().all(u8::is_ascii_alphanumeric);
    if glued || !shape {
        return Verdict::Reject;
    }
    let random = std::str::from_utf8(&body[7..]).unwrap_or("");
    // The span must reach back over the body, which only `Extend` does: a made-up-looking
    // body is reported like a random one.
    match super::body_verdict(random, 29, 29) {
        Verdict::Reject => Verdict::Reject,
        _ => Verdict::Extend { before: BODY },
    }
}

prefixed!(figma, 5, 30, 80);

fn hubspot_pat(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let uuid = &v["pat-na1-".len()..];
    if super::code::random_uuid(uuid) && !c.after().is_some_and(|ch| ch.is_ascii_alphanumeric()) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

fn uuid_value(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, |b| super::hex(b) || b == b'-', super::code::random_uuid)
}

fn messagebird(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, super::alnum, |v| {
        v.len() == 25 && super::ai::is_mixed_random(v)
    })
}
