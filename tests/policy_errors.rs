//! CompiledPolicy loading: errors name the field and why; nothing falls back to allowing.

use pii_airlock::{Action, ActionSource, CompiledPolicy, Guard};

fn err(json: &str) -> String {
    CompiledPolicy::from_json(json).unwrap_err().to_string()
}

#[test]
fn unknown_entity_names_the_key() {
    assert_eq!(
        err(r#"{"version":1,"actions":{"EMAIL_ADRESS":"redact"}}"#),
        "actions.EMAIL_ADRESS: unknown entity"
    );
}

#[test]
fn unknown_fields_and_values_name_the_path() {
    let e = err(r#"{"version":1,"mask":{"keep":2,"kepe":3}}"#);
    assert!(e.starts_with("mask.kepe: unknown field `kepe`"), "{e}");
    let e = err(r#"{"version":1,"categories":{"contacts":"redact"}}"#);
    assert!(
        e.starts_with("categories.contacts: unknown category (expected one of identifiers,"),
        "{e}"
    );
    let e = err(r#"{"version":1,"actions":{"EMAIL_ADDRESS":"obliterate"}}"#);
    assert!(
        e.starts_with("actions.EMAIL_ADDRESS: unknown variant `obliterate`"),
        "{e}"
    );
    let e = err(r#"{"version":1,"minScore":1.5}"#);
    assert_eq!(e, "minScore: must be between 0 and 1");
    let e = err(r#"{"actions":{}}"#);
    assert_eq!(e, "version: required (this build reads 1)");
    let e = err(r#"{"version":2}"#);
    assert_eq!(e, "version: unsupported version 2 (this build reads 1)");
    let e = err(r#"{"version":1,"extends":"gpdr"}"#);
    assert!(e.starts_with("extends: unknown preset `gpdr`"), "{e}");
    let e = err(r#"{"version":1,"countries":["XYZ"]}"#);
    assert_eq!(
        e,
        "countries[0]: unknown country `XYZ` (expected ISO 3166 alpha-2 or EU/EEA)"
    );
    let e = err(r#"{"version":1,"disabledRules":["no-such-rule"]}"#);
    assert_eq!(e, "disabledRules[0]: unknown rule `no-such-rule`");
    // Every policy that loads also builds an engine.
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"countries":["eu","UK"],"disabledRules":["mac"]}"#,
    )
    .unwrap();
    p.engine().unwrap();
}

#[test]
fn bad_regexes_name_the_list_entry() {
    let e = err(r#"{"version":1,"allow":{"patterns":["ok","(unclosed"]}}"#);
    assert!(e.starts_with("allow.patterns[1]: "), "{e}");
    let e = err(r#"{"version":1,"deny":{"patterns":["a*"]}}"#);
    assert_eq!(e, "deny.patterns[0]: must not match the empty string");
    let e = err(
        r#"{"version":1,"customRules":[{"id":"x","entity":"X_ID","pattern":"(?:[0-9a-z]{1000}){100}"}]}"#,
    );
    assert!(e.starts_with("customRules[0].pattern: "), "{e}");
    // A pattern that could match inside a UTF-8 character is rejected (UTF-8 mode).
    let e = err(r#"{"version":1,"deny":{"patterns":["(?-u:\\xFF)"]}}"#);
    assert!(e.starts_with("deny.patterns[0]: "), "{e}");
    let e = err(
        r#"{"version":1,"customRules":[{"id":"x","entity":"X_ID","pattern":"[0-9]+","validator":"crc"}]}"#,
    );
    assert!(
        e.starts_with("customRules[0].validator: unknown validator `crc`"),
        "{e}"
    );
    let e = err(r#"{"version":1,"customRules":[{"id":"Bad Id","entity":"X","pattern":"x"}]}"#);
    assert!(e.starts_with("customRules[0].id: "), "{e}");
    let e = err(r#"{"version":1,"customRules":[{"id":"email","entity":"X","pattern":"x"}]}"#);
    assert_eq!(e, "customRules[0].id: duplicate rule id");
}

#[test]
fn resolution_order_entity_category_default_allow_list() {
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"defaultAction":"highlight","categories":{"contact":"redact"},
            "actions":{"PHONE_NUMBER":"mask"},"allow":{"values":["help@example.com"],
            "patterns":["[a-z]+@corp\\.example"]}}"#,
    )
    .unwrap();
    assert_eq!(
        p.action_for("PHONE_NUMBER"),
        (Action::Mask, ActionSource::Entity)
    );
    assert_eq!(
        p.action_for("EMAIL_ADDRESS"),
        (Action::Redact, ActionSource::Category)
    );
    assert_eq!(
        p.action_for("IBAN_CODE"),
        (Action::Highlight, ActionSource::Default)
    );
    assert_eq!(
        p.action_for_value("EMAIL_ADDRESS", "Help@Example.com"),
        (Action::Allow, ActionSource::AllowList)
    );
    assert_eq!(
        p.action_for_value("EMAIL_ADDRESS", "bob@corp.example"),
        (Action::Allow, ActionSource::AllowList)
    );
    // Patterns match the whole value only.
    assert_eq!(
        p.action_for_value("EMAIL_ADDRESS", "bob@corp.example.org")
            .0,
        Action::Redact
    );
}

#[test]
fn custom_rules_run_in_the_same_pass_with_named_validators() {
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"customRules":[{"id":"member-no","entity":"MEMBER_NUMBER",
            "category":"identifiers","pattern":"\\bM-[0-9]{11}\\b","validator":"luhn",
            "context":["member"]}],"actions":{"MEMBER_NUMBER":"redact"}}"#,
    )
    .unwrap();
    let mut g = Guard::new(p, b"k", [0; 32]).unwrap();
    // 79927398713 passes Luhn; 79927398710 does not.
    let text = "member M-79927398713 and M-79927398710, mail a@example.com";
    let f = g.scan(text);
    let ents: Vec<&str> = f.iter().map(|f| &*f.entity).collect();
    assert_eq!(ents, ["MEMBER_NUMBER", "EMAIL_ADDRESS"]);
    assert_eq!(f[0].reason.check, Some("luhn"));
    let out = g.apply(text, &[], 0, [0; 16], "t").unwrap();
    assert_eq!(
        out.text,
        "member [MEMBER_NUMBER] and M-79927398710, mail [EMAIL_ADDRESS_1]"
    );
}

#[test]
fn deny_list_values_and_patterns_always_match() {
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"extends":"secrets-only","deny":{"values":["Project Nightjar","Zoë Ångström"],
            "patterns":["\\bACME-[0-9]{4}\\b"]}}"#,
    )
    .unwrap();
    let mut g = Guard::new(p, b"k", [0; 32]).unwrap();
    let text = "project nightjar ships ACME-2041 for Zoë Ångström; projects nightjars stay";
    let out = g.apply(text, &[], 0, [0; 16], "t").unwrap();
    assert_eq!(
        out.text,
        "[DENY_LIST] ships [DENY_LIST] for [DENY_LIST]; projects nightjars stay"
    );
}

#[test]
fn deny_hits_never_leave_part_of_a_longer_value() {
    // gdpr sends URLs as typed and pseudonymizes emails.
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"extends":"gdpr","deny":{"values":["nightjar"]}}"#,
    )
    .unwrap();
    let mut g = Guard::new(p, b"k", [0; 32]).unwrap();
    let text = "mail bob@nightjar.example or see https://nightjar.example/plan today";
    let out = g.apply(text, &[], 0, [0; 16], "t").unwrap();
    // Inside the email the hit is covered by the email's placeholder; inside the URL (sent
    // as typed otherwise) the whole URL becomes the deny-list finding.
    assert_eq!(out.text, "mail [EMAIL_ADDRESS_1] or see [DENY_LIST] today");
    assert!(!out.text.contains("nightjar"));
}

#[test]
fn extends_overrides_and_merges() {
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"extends":"gdpr","id":"acme","revision":"7",
            "categories":{"financial":"mask"},"actions":{"URL":"redact"}}"#,
    )
    .unwrap();
    assert_eq!(p.id(), "acme");
    assert_eq!(p.revision(), "7");
    assert_eq!(p.action_for("CREDIT_CARD").0, Action::Mask);
    assert_eq!(p.action_for("URL").0, Action::Redact);
    // Untouched parts come from the preset.
    assert_eq!(p.action_for("HEALTH_DATA").0, Action::Ask);
    assert_eq!(p.action_for("EMAIL_ADDRESS").0, Action::Pseudonymize);
}

#[test]
fn debug_shows_no_allow_list_values() {
    let p = CompiledPolicy::from_json(r#"{"version":1,"allow":{"values":["jane@example.com"]}}"#)
        .unwrap();
    assert!(!format!("{p:?}").contains("jane"));
}

/// Every kind of policy error is produced by some document, and each document gets the kind
/// it should: callers (the JS `kind`, the CLI) branch on it, not on the wording.
#[test]
fn every_error_kind_is_produced_and_typed() {
    use pii_airlock::PolicyErrorKind as K;
    let cases: &[(&str, K)] = &[
        (r#"{"version":1,"#, K::Syntax),
        (r#"{"version":"1"}"#, K::Syntax),
        (r#"{"version":1,"mask":{"kepe":3}}"#, K::UnknownField),
        (
            r#"{"version":1,"actions":{"EMAIL_ADDRESS":"obliterate"}}"#,
            K::UnknownValue,
        ),
        (r#"{"actions":{}}"#, K::Version),
        (r#"{"version":2}"#, K::Version),
        (r#"{"version":1,"extends":"gpdr"}"#, K::Extends),
        (
            r#"{"version":1,"actions":{"EMAIL_ADRESS":"redact"}}"#,
            K::UnknownEntity,
        ),
        (
            r#"{"version":1,"categories":{"contacts":"redact"}}"#,
            K::UnknownCategory,
        ),
        (r#"{"version":1,"countries":["XX"]}"#, K::UnknownCountry),
        (
            r#"{"version":1,"disabledRules":["no-such-rule"]}"#,
            K::UnknownRule,
        ),
        (
            r#"{"version":1,"customRules":[{"id":"x","entity":"X_ID","pattern":"[0-9]+","validator":"crc"}]}"#,
            K::UnknownValidator,
        ),
        (
            r#"{"version":1,"allow":{"patterns":["(unclosed"]}}"#,
            K::BadPattern,
        ),
        (r#"{"version":1,"deny":{"patterns":["a*"]}}"#, K::BadPattern),
        (r#"{"version":1,"deny":{"values":[" "]}}"#, K::BadPattern),
        (r#"{"version":1,"minScore":1.5}"#, K::OutOfRange),
        (r#"{"version":1,"mask":{"keep":9}}"#, K::OutOfRange),
        (
            r#"{"version":1,"customRules":[{"id":"x","entity":"X_ID","pattern":"x","score":2}]}"#,
            K::OutOfRange,
        ),
        (
            r#"{"version":1,"customRules":[{"id":"Bad Id","entity":"X","pattern":"x"}]}"#,
            K::BadName,
        ),
        (
            r#"{"version":1,"customRules":[{"id":"x","entity":"x_id","pattern":"x"}]}"#,
            K::BadName,
        ),
        (
            r#"{"version":1,"customRules":[{"id":"email","entity":"X","pattern":"x"}]}"#,
            K::DuplicateRule,
        ),
    ];
    let mut seen = std::collections::HashSet::new();
    for (json, want) in cases {
        let e = CompiledPolicy::from_json(json).unwrap_err();
        assert_eq!(e.kind, *want, "{json}: {e}");
        seen.insert(e.kind);
    }
    for k in K::ALL {
        assert!(seen.contains(&k), "no test produces {k}");
    }
    // Ids are stable and distinct (they cross into JS and the CLI's output).
    let ids: std::collections::HashSet<&str> = K::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(ids.len(), K::ALL.len());
    assert_eq!(K::UnknownEntity.id(), "unknown-entity");
}
