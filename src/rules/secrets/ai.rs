//! AI provider API keys: OpenAI, Anthropic, Google AI / Gemini, Mistral, Cohere, Groq,
//! Perplexity, Hugging Face, Replicate, DeepSeek, xAI, Amazon Bedrock.

use super::{
    alnum, keyed, keyed_value, secret, token_ok, with_prefixes, Candidate, RuleDef, Verdict,
    PREFIXED,
};
use crate::rules::Words;

const OPENAI: Words = words!["openai", "openai_api_key", "chatgpt", "gpt"];

/// Every rule of this family, in priority order: longer prefixes before the bare `sk-` ones.
pub(crate) static RULES: &[RuleDef] = &[
    // OpenAI keys carry `T3BlbkFJ` (base64 of "OpenAI") between two random halves.
    with_prefixes(
        secret(
            "openai-project-key",
            r"\bsk-proj-[A-Za-z0-9_\-]+",
            openai_scoped,
            PREFIXED,
            OPENAI,
        ),
        &["sk-proj-"],
    ),
    with_prefixes(
        secret(
            "openai-service-account-key",
            r"\bsk-svcacct-[A-Za-z0-9_\-]+",
            openai_scoped,
            PREFIXED,
            OPENAI,
        ),
        &["sk-svcacct-"],
    ),
    with_prefixes(
        secret(
            "openai-admin-key",
            r"\bsk-admin-[A-Za-z0-9_\-]+",
            openai_scoped,
            PREFIXED,
            OPENAI,
        ),
        &["sk-admin-"],
    ),
    with_prefixes(
        secret(
            "anthropic-api-key",
            r"\bsk-ant-api[0-9]{2}-[A-Za-z0-9_\-]+",
            anthropic,
            PREFIXED,
            words!["anthropic", "claude"],
        ),
        &["sk-ant-api03-"],
    ),
    with_prefixes(
        secret(
            "anthropic-admin-key",
            r"\bsk-ant-admin[0-9]{2}-[A-Za-z0-9_\-]+",
            anthropic,
            PREFIXED,
            words!["anthropic", "claude"],
        ),
        &["sk-ant-admin01-"],
    ),
    // Legacy user keys: `sk-` + 20 + marker + 20; `sk-None-` is the user-owned variant.
    with_prefixes(
        secret(
            "openai-api-key",
            r"\bsk-(?:None-)?[A-Za-z0-9]+",
            openai_legacy,
            PREFIXED,
            OPENAI,
        ),
        &["sk-None-", "sk-"],
    ),
    // DeepSeek: `sk-` and 32 lower-case hex digits.
    with_prefixes(
        secret(
            "deepseek-api-key",
            r"\bsk-[a-f0-9]+\b",
            deepseek,
            0.7,
            words!["deepseek"],
        ),
        &["sk-"],
    ),
    // Google Cloud / Gemini / Firebase web API keys: `AIza` + 35.
    with_prefixes(
        secret(
            "google-api-key",
            r"\bAIza[A-Za-z0-9_\-]+",
            google,
            PREFIXED,
            words!["google", "gemini", "gcp", "firebase", "maps", "youtube"],
        ),
        &["AIza"],
    ),
    with_prefixes(
        secret(
            "groq-api-key",
            r"\bgsk_[A-Za-z0-9]+",
            groq,
            PREFIXED,
            words!["groq"],
        ),
        &["gsk_"],
    ),
    with_prefixes(
        secret(
            "perplexity-api-key",
            r"\bpplx-[A-Za-z0-9]+",
            perplexity,
            PREFIXED,
            words!["perplexity"],
        ),
        &["pplx-"],
    ),
    with_prefixes(
        secret(
            "huggingface-token",
            r"\bhf_[A-Za-z0-9]+",
            huggingface,
            PREFIXED,
            words!["huggingface", "hugging face", "hf_token"],
        ),
        &["hf_"],
    ),
    // Organisation tokens (`api_org_` + 34), older than the `hf_` user tokens.
    with_prefixes(
        secret(
            "huggingface-org-token",
            r"\bapi_org_[A-Za-z0-9]+",
            huggingface_org,
            PREFIXED,
            words!["huggingface", "hugging face", "hf_token"],
        ),
        &["api_org_"],
    ),
    // Amazon Bedrock API keys: long-term `ABSK` + base64 of `BedrockAPIKey-…:secret`;
    // short-term `bedrock-api-key-` + base64 of a SigV4 presigned `bedrock.amazonaws.com` URL
    // (AWS, "Amazon Bedrock API keys"). Both decode to text that says what they are.
    with_prefixes(
        secret(
            "aws-bedrock-api-key",
            r"\b(?:ABSK|bedrock-api-key-)[A-Za-z0-9+/=]+",
            bedrock,
            PREFIXED,
            words!["bedrock", "aws_bearer_token_bedrock"],
        ),
        &["bedrock-api-key-", "ABSK"],
    ),
    with_prefixes(
        secret(
            "replicate-api-token",
            r"\br8_[A-Za-z0-9]+",
            replicate,
            PREFIXED,
            words!["replicate"],
        ),
        &["r8_"],
    ),
    with_prefixes(
        secret(
            "xai-api-key",
            r"\bxai-[A-Za-z0-9]+",
            xai,
            PREFIXED,
            words!["xai", "grok"],
        ),
        &["xai-"],
    ),
    // No prefix: 32 alphanumerics (Mistral) or 40 (Cohere), only after the provider's name.
    keyed(
        "mistral-api-key",
        keyed!("mistral | codestral", "[A-Za-z0-9]+"),
        mistral,
    ),
    keyed(
        "cohere-api-key",
        keyed!("cohere | co_api_key", "[A-Za-z0-9]+"),
        cohere,
    ),
];

const OPENAI_MARKER: &str = "T3BlbkFJ";

fn openai_scoped(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let prefix = v
        .find('-')
        .and_then(|i| v[i + 1..].find('-').map(|j| i + j + 2));
    let Some(prefix) = prefix else {
        return Verdict::Reject;
    };
    match super::token_verdict(c, prefix, 40, 250) {
        Verdict::Plausible if v[prefix..].contains(OPENAI_MARKER) => {
            Verdict::Checked("openai-marker")
        }
        other => other,
    }
}

fn openai_legacy(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let prefix = if v.starts_with("sk-None-") { 8 } else { 3 };
    let body = &v[prefix..];
    // The marker sits in the middle of a 48-character body.
    if body.len() == 48 && &body[20..28] == OPENAI_MARKER && token_ok(c, prefix, 48, 48) {
        Verdict::Checked("openai-marker")
    } else {
        Verdict::Reject
    }
}

fn anthropic(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // `sk-ant-api03-` / `sk-ant-admin01-`: the prefix ends at the third dash.
    let Some(prefix) = v.match_indices('-').nth(2).map(|(i, _)| i + 1) else {
        return Verdict::Reject;
    };
    super::token_verdict(c, prefix, 80, 120)
}

fn deepseek(c: &Candidate<'_>) -> Verdict {
    if token_ok(c, 3, 32, 32) {
        Verdict::Plausible
    } else {
        Verdict::Reject
    }
}

prefixed!(google, 4, 35, 35);
prefixed!(groq, 4, 52, 52);
prefixed!(perplexity, 5, 48, 48);
prefixed!(huggingface, 3, 34, 40);
prefixed!(huggingface_org, 8, 34, 34);

fn bedrock(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let (prefix, marker): (usize, &[u8]) = if v.starts_with("ABSK") {
        (4, b"BedrockAPIKey-")
    } else {
        ("bedrock-api-key-".len(), b"bedrock.amazonaws.com")
    };
    let Some(raw) = super::codec::base64_decode(&v[prefix..]) else {
        return Verdict::Reject;
    };
    let found = raw.windows(marker.len()).any(|w| w == marker);
    if found && raw.len() >= marker.len() + 20 && !super::glued_before(c) {
        Verdict::Checked("bedrock-key-structure")
    } else {
        Verdict::Reject
    }
}
prefixed!(replicate, 3, 37, 37);
prefixed!(xai, 4, 80, 80);

/// A bare key: mixed case with digits, random enough. Hashes (lower-case hex) fail.
pub(crate) fn is_mixed_random(v: &str) -> bool {
    let b = v.as_bytes();
    b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.iter().any(u8::is_ascii_digit)
        && super::random_enough(v)
        && !super::documented_fake(v)
}

fn mistral(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, alnum, |v| v.len() == 32 && is_mixed_random(v))
}

fn cohere(c: &Candidate<'_>) -> Verdict {
    keyed_value(c, alnum, |v| v.len() == 40 && is_mixed_random(v))
}
