use super::*;

#[test]
fn overlay_merges_maps_and_appends_lists() {
    let base = PolicyDoc::from_json(
        r#"{"version":1,"actions":{"URL":"highlight","IBAN_CODE":"mask"},
            "allow":{"values":["a"]},"mask":{"keep":2}}"#,
    )
    .unwrap();
    let over = PolicyDoc::from_json(
        r##"{"actions":{"URL":"redact"},"allow":{"values":["b"]},"mask":{"char":"#"}}"##,
    )
    .unwrap();
    let m = base.overlay(over);
    let actions = m.actions.unwrap();
    assert_eq!(actions["URL"], Action::Redact);
    assert_eq!(actions["IBAN_CODE"], Action::Mask);
    assert_eq!(m.allow.unwrap().values, ["a", "b"]);
    // Sub-objects are replaced whole: `keep` falls back to its default.
    let mask = m.mask.unwrap();
    assert_eq!((mask.keep, mask.char), (4, '#'));
}

#[test]
fn deny_list_defaults_to_redact_and_ignores_the_allow_list() {
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"defaultAction":"allow","allow":{"values":["x1"]},
            "deny":{"values":["x1"]}}"#,
    )
    .unwrap();
    assert_eq!(
        p.action_for_value(DENY_ENTITY, "x1"),
        (Action::Redact, ActionSource::DenyList)
    );
    assert_eq!(p.action_for_value("URL", "x1").1, ActionSource::AllowList);
}

#[test]
fn empty_policy_pseudonymizes_by_default() {
    let p = CompiledPolicy::from_json(r#"{"version":1}"#).unwrap();
    assert_eq!(p.id(), "custom");
    assert_eq!(
        p.action_for("EMAIL_ADDRESS"),
        (Action::Pseudonymize, ActionSource::Default)
    );
}
