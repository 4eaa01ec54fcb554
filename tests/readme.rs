//! The README lists every supported type and every secret kind: this keeps it true as rules
//! are added (regenerate its catalog section with scripts/gen-readme-catalog.py).

use pii_airlock::{catalog, Category};

#[test]
fn readme_lists_every_entity_and_secret_kind() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut missing = Vec::new();
    for rule in catalog() {
        let entity = format!("`{}`", rule.entity);
        if !readme.contains(&entity) {
            missing.push(entity);
        }
        if rule.category == Category::Secrets && !readme.contains(&format!("`{}`", rule.id)) {
            missing.push(format!("secret rule `{}`", rule.id));
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "README.md does not mention: {missing:?}"
    );
}
