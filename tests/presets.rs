//! What every preset does to one sample text.

use pii_airlock::{CompiledPolicy, ConsentError, Guard};

const SAMPLE: &str = "Hi, reach me at jane.doe@example.com or +44 20 7946 0958. \
Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, my SSN is 536-22-1234, \
server 93.184.216.34, docs https://example.com/x.";

fn outgoing(policy: CompiledPolicy, text: &str) -> Result<String, ConsentError> {
    let mut g = Guard::new(policy, b"receipt key", [3u8; 32]).unwrap();
    let plan = g.plan(text);
    let decisions = plan.fail_closed_decisions();
    g.apply_plan(text, &plan, &decisions, 1_000, [0u8; 16], "test")
        .map(|o| o.text)
}

#[test]
fn gdpr_pseudonymizes_and_keeps_urls() {
    let out = outgoing(CompiledPolicy::preset("gdpr").unwrap(), SAMPLE).unwrap();
    assert_eq!(
        out,
        "Hi, reach me at [EMAIL_ADDRESS_1] or [PHONE_NUMBER_1]. Card [CREDIT_CARD_1], \
IBAN [IBAN_CODE_1], my SSN is [US_SSN_1], server [IP_ADDRESS_1], docs https://example.com/x."
    );
}

#[test]
fn ccpa_redacts_sensitive_personal_information() {
    let out = outgoing(CompiledPolicy::preset("ccpa").unwrap(), SAMPLE).unwrap();
    assert_eq!(
        out,
        "Hi, reach me at [EMAIL_ADDRESS_1] or [PHONE_NUMBER_1]. Card [CREDIT_CARD], \
IBAN [IBAN_CODE], my SSN is [US_SSN], server [IP_ADDRESS_1], docs https://example.com/x."
    );
}

#[test]
fn hipaa_removes_every_identifier_including_urls() {
    let out = outgoing(CompiledPolicy::preset("hipaa").unwrap(), SAMPLE).unwrap();
    assert_eq!(
        out,
        "Hi, reach me at [EMAIL_ADDRESS_1] or [PHONE_NUMBER_1]. Card [CREDIT_CARD_1], \
IBAN [IBAN_CODE_1], my SSN is [US_SSN_1], server [IP_ADDRESS_1], docs [URL_1]."
    );
    // Safe Harbor: nothing may be sent as typed.
    assert!(
        !CompiledPolicy::preset("hipaa")
            .unwrap()
            .consent()
            .allow_send_as_typed
    );
}

#[test]
fn pci_dss_masks_account_numbers_only() {
    let out = outgoing(CompiledPolicy::preset("pci-dss").unwrap(), SAMPLE).unwrap();
    assert_eq!(
        out,
        "Hi, reach me at jane.doe@example.com or +44 20 7946 0958. \
Card **** **** **** 1111, IBAN **** **** **** **** **30 00, my SSN is 536-22-1234, \
server 93.184.216.34, docs https://example.com/x."
    );
}

#[test]
fn secrets_only_touches_only_credentials() {
    let policy = CompiledPolicy::from_json(
        r#"{"version":1,"extends":"secrets-only","customRules":[{"id":"aws-key",
        "entity":"AWS_ACCESS_KEY","category":"secrets","pattern":"\\bAKIA[0-9A-Z]{16}\\b"}]}"#,
    )
    .unwrap();
    let text = format!("{SAMPLE} key AKIAIOSFODNN7EXAMPLE");
    let out = outgoing(policy, &text).unwrap();
    assert_eq!(out, format!("{SAMPLE} key [AWS_ACCESS_KEY]"));
}

#[test]
fn strict_redacts_everything_and_blocks_secrets() {
    let out = outgoing(CompiledPolicy::preset("strict").unwrap(), SAMPLE).unwrap();
    assert_eq!(
        out,
        "Hi, reach me at [REDACTED] or [REDACTED]. Card [REDACTED], IBAN [REDACTED], \
my SSN is [REDACTED], server [REDACTED], docs [REDACTED]."
    );
    let policy = CompiledPolicy::from_json(
        r#"{"version":1,"extends":"strict","customRules":[{"id":"aws-key",
        "entity":"AWS_ACCESS_KEY","category":"secrets","pattern":"\\bAKIA[0-9A-Z]{16}\\b"}]}"#,
    )
    .unwrap();
    let err = outgoing(policy, "key AKIAIOSFODNN7EXAMPLE").unwrap_err();
    assert_eq!(
        err,
        ConsentError::Blocked {
            index: 0,
            entity: "AWS_ACCESS_KEY".into()
        }
    );
    assert!(!err.to_string().contains("AKIA"));
}

#[test]
fn every_preset_file_loads() {
    for (name, _) in pii_airlock::PRESETS {
        let p = CompiledPolicy::preset(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(p.id(), *name);
    }
}

/// Issue 14: a city or country alone is rarely personal data, so under every preset but
/// `hipaa` (Safe Harbor removes geographic units smaller than a state) and `strict`
/// (nothing personal leaves) a LOCATION is shown, not changed; a street address is personal
/// data under every preset that acts on locations.
#[test]
fn places_are_shown_and_street_addresses_pseudonymized_per_preset() {
    let question = "What is the capital of France?";
    let address = "Send it to 1600 Pennsylvania Ave NW, Washington, DC 20500.";
    for (preset, place, street) in [
        ("gdpr", question, "Send it to [STREET_ADDRESS_1]."),
        ("ccpa", question, "Send it to [STREET_ADDRESS_1]."),
        ("pci-dss", question, address),
        ("secrets-only", question, address),
        (
            "hipaa",
            "What is the capital of [LOCATION_1]?",
            "Send it to [STREET_ADDRESS_1].",
        ),
        (
            "strict",
            "What is the capital of [REDACTED]?",
            "Send it to [REDACTED].",
        ),
    ] {
        let policy = || CompiledPolicy::preset(preset).unwrap();
        assert_eq!(outgoing(policy(), question).unwrap(), place, "{preset}");
        assert_eq!(outgoing(policy(), address).unwrap(), street, "{preset}");
    }
}
