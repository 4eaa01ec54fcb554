//! The `Guard` entry points the browser layer uses: a name list passed in (the wasm build does
//! not embed it), previews that leave no trace, and session "always allow" answers.

use pii_airlock::{Gazetteer, Guard, Policy};
use std::sync::Arc;

const TEXT: &str = "Please ask Maria Schneider about jane@example.com";

fn guard(gazetteer: Option<Arc<Gazetteer>>) -> Guard {
    Guard::with_gazetteer(Policy::preset("gdpr").unwrap(), b"k", [7; 32], gazetteer).unwrap()
}

fn entities(g: &Guard, text: &str) -> Vec<String> {
    g.plan(text)
        .items
        .iter()
        .map(|i| i.finding.entity.to_string())
        .collect()
}

#[test]
fn the_name_list_passed_in_is_the_one_used() {
    let file = std::fs::read("data/gazetteer.txt").unwrap();
    // No cue before the name ("ask X" would make it a name without any list).
    let text = "Maria Schneider sent jane@example.com";
    let loaded = guard(Some(Arc::new(Gazetteer::from_bytes(&file).unwrap())));
    assert_eq!(entities(&loaded, text), ["PERSON", "EMAIL_ADDRESS"]);
    // An empty list: pattern rules still run, names are not found.
    let empty = guard(Some(Arc::new(Gazetteer::empty())));
    assert_eq!(entities(&empty, text), ["EMAIL_ADDRESS"]);
}

#[test]
fn a_preview_fills_neither_the_vault_nor_the_chain() {
    let mut g = guard(None);
    let plan = g.plan(TEXT);
    let preview = g.preview_plan(TEXT, &plan, &[], 1_000).unwrap();
    assert_eq!(preview, "Please ask [PERSON_1] about [EMAIL_ADDRESS_1]");
    assert_eq!((g.vault().len(), g.receipts().receipts.len()), (0, 0));
    let sent = g.apply_plan(TEXT, &plan, &[], 1_000, [1; 16], "t").unwrap();
    assert_eq!(sent.text, preview);
    assert_eq!((g.vault().len(), g.receipts().receipts.len()), (2, 1));
}

#[test]
fn session_allow_values_apply_until_reset() {
    let mut g = guard(None);
    g.allow_value("JANE@example.com");
    let plan = g.plan(TEXT);
    assert_eq!(plan.items[1].action, pii_airlock::Action::Allow);
    g.reset_allowed_values();
    assert_eq!(
        g.plan(TEXT).items[1].action,
        pii_airlock::Action::Pseudonymize
    );
    // The policy's own allow-list survives a reset.
    let p = Policy::from_json(
        r#"{"version":1,"extends":"gdpr","allow":{"values":["jane@example.com"]}}"#,
    )
    .unwrap();
    let mut g = Guard::new(p, b"k", [7; 32]).unwrap();
    g.reset_allowed_values();
    assert_eq!(g.plan(TEXT).items[1].action, pii_airlock::Action::Allow);
}
