//! The guard's minimal action model: what happens to each finding before a text leaves.
//!
//! This is a deliberately small stand-in for the policy layer (issue #6). Every finding is
//! asked about, except values the user chose to "always allow"; the user's answer per finding
//! is one of three [`Decision`]s. At merge the policy's consent plan replaces [`ActionModel`];
//! the browser layer only talks to it through [`ActionModel::plan`], [`apply_decisions`] and
//! [`Receipt`], so the swap stays local to this file and `src/wasm.rs`.

use crate::{Engine, Finding, Vault};
use serde::Serialize;
use std::collections::HashSet;
use std::sync::Arc;

/// What the guard does with a finding before asking anybody.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Sent as it is without asking (a value the user always allows).
    Allow,
    /// The user decides (the default for everything found).
    Ask,
}

/// The user's answer for one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Replace the value with its placeholder.
    Redact,
    /// Send the value this once.
    AllowOnce,
    /// Send the value now and stop asking about it for the life of the guard.
    AlwaysAllow,
}

impl std::str::FromStr for Decision {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "redact" => Ok(Decision::Redact),
            "allow-once" => Ok(Decision::AllowOnce),
            "always-allow" => Ok(Decision::AlwaysAllow),
            other => Err(crate::Error::Unknown {
                kind: "decision (expected redact, allow-once or always-allow)",
                name: other.to_string(),
            }),
        }
    }
}

/// The outcome of a consent dialog as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// "Send redacted": every asked finding is redacted unless the user allowed it one by one.
    Redacted,
    /// "Send as typed": every finding goes out unchanged this once.
    AsTyped,
}

impl std::str::FromStr for Outcome {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "redacted" => Ok(Outcome::Redacted),
            "as-typed" => Ok(Outcome::AsTyped),
            other => Err(crate::Error::Unknown {
                kind: "outcome (expected redacted or as-typed)",
                name: other.to_string(),
            }),
        }
    }
}

/// A finding together with the action the model assigns to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The finding (UTF-8 byte offsets into the scanned text).
    pub finding: Finding,
    /// What happens to it unless the user decides otherwise.
    pub action: Action,
}

/// Per-guard state of the action model: the values the user always allows.
#[derive(Clone, Default)]
pub struct ActionModel {
    /// (entity, normalized value). Normalized like the vault so "+44 20…" and "+44-20…" agree.
    always_allowed: HashSet<(Arc<str>, String)>,
}

impl std::fmt::Debug for ActionModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Allowed values are personal data: print a count only.
        f.debug_struct("ActionModel")
            .field("always_allowed", &self.always_allowed.len())
            .finish()
    }
}

impl ActionModel {
    /// A model that asks about everything.
    pub fn new() -> ActionModel {
        ActionModel::default()
    }

    /// The default action for `value` of type `entity`.
    pub fn action(&self, entity: &Arc<str>, value: &str) -> Action {
        if self
            .always_allowed
            .contains(&(entity.clone(), Vault::normalize(value)))
        {
            Action::Allow
        } else {
            Action::Ask
        }
    }

    /// Stops asking about `value` of type `entity`.
    pub fn always_allow(&mut self, entity: &Arc<str>, value: &str) {
        self.always_allowed
            .insert((entity.clone(), Vault::normalize(value)));
    }

    /// Forgets every "always allow" answer.
    pub fn reset(&mut self) {
        self.always_allowed.clear();
    }

    /// Scans `text` and assigns each finding its action.
    pub fn plan(&self, engine: &Engine, text: &str) -> Vec<Planned> {
        engine
            .scan(text)
            .into_iter()
            .map(|finding| {
                let action = self.action(&finding.entity, &text[finding.start..finding.end]);
                Planned { finding, action }
            })
            .collect()
    }

    /// The decision for one asked finding under `outcome`, given the user's per-finding choice.
    pub fn decide(outcome: Outcome, chosen: Option<Decision>) -> Decision {
        match (outcome, chosen) {
            (Outcome::AsTyped, _) => Decision::AllowOnce,
            (Outcome::Redacted, Some(d)) => d,
            (Outcome::Redacted, None) => Decision::Redact,
        }
    }
}

/// One line of a consent receipt: never the value, only its type and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReceiptItem {
    /// The entity type, e.g. `EMAIL_ADDRESS`.
    pub entity: Arc<str>,
    /// What happened to the value; `None` for a value allowed without asking.
    pub decision: Option<Decision>,
}

/// What the user agreed to for one outgoing request. Holds no personal data, so it can be
/// kept (the policy layer decides for how long).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// Per finding, in text order.
    pub items: Vec<ReceiptItem>,
}

/// Builds the outgoing text: asked findings follow `decisions` (one per planned finding,
/// ignored for allowed ones); "always allow" answers are remembered in `model`.
///
/// Returns `None` when `decisions` does not have one entry per planned finding: the caller
/// must then refuse to send rather than guess.
pub fn apply_decisions(
    text: &str,
    planned: &[Planned],
    decisions: &[Decision],
    vault: &mut Vault,
    model: &mut ActionModel,
    receipt: &mut Receipt,
) -> Option<String> {
    if decisions.len() != planned.len() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (p, &d) in planned.iter().zip(decisions) {
        let f = &p.finding;
        if f.start < at || f.end > text.len() {
            return None;
        }
        let value = &text[f.start..f.end];
        out.push_str(&text[at..f.start]);
        let decision = match p.action {
            Action::Allow => None,
            Action::Ask => Some(d),
        };
        match decision {
            Some(Decision::Redact) => out.push_str(&vault.placeholder_for(&f.entity, value)),
            Some(Decision::AlwaysAllow) => {
                model.always_allow(&f.entity, value);
                out.push_str(value);
            }
            Some(Decision::AllowOnce) | None => out.push_str(value),
        }
        receipt.items.push(ReceiptItem {
            entity: f.entity.clone(),
            decision,
        });
        at = f.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Mail jane@example.com or call +44 20 7946 0958.";

    fn run(decisions: &[Decision], model: &mut ActionModel) -> (String, Receipt) {
        let engine = Engine::default_engine();
        let planned = model.plan(&engine, TEXT);
        let mut vault = Vault::new();
        let mut receipt = Receipt::default();
        let out =
            apply_decisions(TEXT, &planned, decisions, &mut vault, model, &mut receipt).unwrap();
        (out, receipt)
    }

    #[test]
    fn everything_found_is_asked_by_default() {
        let model = ActionModel::new();
        let planned = model.plan(&Engine::default_engine(), TEXT);
        assert_eq!(planned.len(), 2);
        assert!(planned.iter().all(|p| p.action == Action::Ask));
    }

    #[test]
    fn per_finding_decisions() {
        let mut model = ActionModel::new();
        let (out, receipt) = run(&[Decision::Redact, Decision::AllowOnce], &mut model);
        assert_eq!(out, "Mail [EMAIL_ADDRESS_1] or call +44 20 7946 0958.");
        assert_eq!(receipt.items[0].decision, Some(Decision::Redact));
        assert_eq!(receipt.items[1].decision, Some(Decision::AllowOnce));
        // "Allow once" is not remembered.
        let again = model.plan(&Engine::default_engine(), TEXT);
        assert!(again.iter().all(|p| p.action == Action::Ask));
    }

    #[test]
    fn always_allow_is_remembered_for_other_spellings() {
        let mut model = ActionModel::new();
        run(&[Decision::Redact, Decision::AlwaysAllow], &mut model);
        let other = "ring +44-20-7946-0958 or +44 20 7946 0959";
        let planned = model.plan(&Engine::default_engine(), other);
        assert_eq!(planned.len(), 2);
        assert_eq!(planned[0].action, Action::Allow);
        // One digit off is another number: still asked.
        assert_eq!(planned[1].action, Action::Ask);
        // An allowed value stays as typed whatever decision is passed for it.
        let mut vault = Vault::new();
        let mut receipt = Receipt::default();
        let out = apply_decisions(
            other,
            &planned,
            &[Decision::Redact, Decision::Redact],
            &mut vault,
            &mut model,
            &mut receipt,
        )
        .unwrap();
        assert_eq!(out, "ring +44-20-7946-0958 or [PHONE_NUMBER_1]");
        assert_eq!(receipt.items[0].decision, None);
        model.reset();
        assert!(model
            .plan(&Engine::default_engine(), other)
            .iter()
            .all(|p| p.action == Action::Ask));
    }

    #[test]
    fn wrong_number_of_decisions_refuses() {
        let mut model = ActionModel::new();
        let planned = model.plan(&Engine::default_engine(), TEXT);
        let mut vault = Vault::new();
        let mut receipt = Receipt::default();
        assert!(apply_decisions(
            TEXT,
            &planned,
            &[Decision::Redact],
            &mut vault,
            &mut model,
            &mut receipt
        )
        .is_none());
    }

    #[test]
    fn outcomes_map_to_decisions() {
        assert_eq!(
            ActionModel::decide(Outcome::AsTyped, Some(Decision::Redact)),
            Decision::AllowOnce
        );
        assert_eq!(
            ActionModel::decide(Outcome::Redacted, None),
            Decision::Redact
        );
        assert_eq!(
            ActionModel::decide(Outcome::Redacted, Some(Decision::AlwaysAllow)),
            Decision::AlwaysAllow
        );
        assert!("nope".parse::<Decision>().is_err());
        assert_eq!("as-typed".parse::<Outcome>().unwrap(), Outcome::AsTyped);
    }

    #[test]
    fn debug_and_receipt_hold_no_values() {
        let mut model = ActionModel::new();
        let (_, receipt) = run(&[Decision::AlwaysAllow, Decision::Redact], &mut model);
        assert!(!format!("{model:?}").contains("jane"));
        let json = serde_json::to_string(&receipt).unwrap();
        assert!(!json.contains("jane") && !json.contains("7946"), "{json}");
    }
}
