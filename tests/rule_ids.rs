//! A policy's `disabledRules` and `EngineOptions::disabled_rules` accept the same rule ids:
//! both ask `is_builtin_rule` (issue #15: `"person"` was refused by a policy and accepted by
//! the engine).

use pii_airlock::{is_builtin_rule, CompiledPolicy, Engine, EngineOptions};

fn policy_accepts(id: &str) -> bool {
    CompiledPolicy::from_json(&format!(r#"{{"version":1,"disabledRules":["{id}"]}}"#)).is_ok()
}

fn engine_accepts(id: &str) -> bool {
    Engine::new(&EngineOptions {
        disabled_rules: vec![id.to_string()],
        ..Default::default()
    })
    .is_ok()
}

#[test]
fn policy_and_engine_accept_the_same_rule_ids() {
    let engine = Engine::default_engine();
    let ids: Vec<String> = engine.rules().iter().map(|r| r.id.to_string()).collect();
    assert!(
        ids.iter().any(|i| i == "person"),
        "the names pass's rules are listed"
    );
    for id in &ids {
        assert!(is_builtin_rule(id), "{id}");
        assert!(policy_accepts(id), "policy refuses {id}");
    }
    // Building an engine is the slow part: a sample of ids of every kind.
    for id in [
        "person",
        "location",
        "credit-card",
        "openai-project-key",
        "phone-labelled",
    ] {
        assert!(engine_accepts(id), "engine refuses {id}");
    }
    for id in ["no-such-rule", "PERSON", ""] {
        assert!(!is_builtin_rule(id));
        assert!(!policy_accepts(id), "policy accepts {id:?}");
        assert!(!engine_accepts(id), "engine accepts {id:?}");
    }
}

/// A policy accepts an action for exactly the entities the engine's rules report (plus the
/// deny-list's): both come from the catalog, the names pass's rules included.
#[test]
fn policy_knows_exactly_the_engines_entities() {
    let engine = Engine::default_engine();
    let mut reported: Vec<String> = engine
        .rules()
        .iter()
        .map(|r| r.entity.to_string())
        .collect();
    reported.push(pii_airlock::DENY_ENTITY.to_string());
    reported.sort();
    reported.dedup();
    let policy = CompiledPolicy::from_json(r#"{"version":1}"#).unwrap();
    let known: Vec<String> = policy
        .known_entities()
        .map(|(e, _)| e.to_string())
        .collect();
    assert_eq!(known, reported);
    for e in &reported {
        let json = format!(r#"{{"version":1,"actions":{{"{e}":"mask"}}}}"#);
        assert!(
            CompiledPolicy::from_json(&json).is_ok(),
            "policy refuses {e}"
        );
    }
    for e in ["PERSONS", "person", "NO_SUCH_ENTITY"] {
        let json = format!(r#"{{"version":1,"actions":{{"{e}":"mask"}}}}"#);
        assert!(
            CompiledPolicy::from_json(&json).is_err(),
            "policy accepts {e}"
        );
    }
}

/// Each engine rule's category is the one the policy files its entity under.
#[test]
fn policy_files_each_entity_under_its_rules_category() {
    let engine = Engine::default_engine();
    let policy = CompiledPolicy::from_json(r#"{"version":1}"#).unwrap();
    for r in engine.rules() {
        assert_eq!(policy.category_of(&r.entity), Some(r.category), "{}", r.id);
    }
}

/// A custom rule cannot take a built-in rule's id, the names pass's included: a policy's
/// `disabledRules` entry must name exactly one rule.
#[test]
fn custom_rules_cannot_take_a_builtin_id() {
    let custom = |id: &str| {
        CompiledPolicy::from_json(&format!(
            r#"{{"version":1,"customRules":[{{"id":"{id}","entity":"EMPLOYEE_ID","pattern":"E-[0-9]{{6}}"}}]}}"#
        ))
    };
    for id in ["person", "location", "credit-card"] {
        let e = custom(id).expect_err(id);
        assert_eq!(
            e.to_string(),
            "customRules[0].id: duplicate rule id",
            "{id}"
        );
    }
    assert!(custom("employee-id").is_ok());
}
