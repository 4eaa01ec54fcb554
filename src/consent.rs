//! Consent: from findings and a policy, a [`Plan`] of what happens to each finding; the user's
//! [`Decision`]s; and the outgoing text with its [`Receipt`].

use crate::operators::{self, hex, hmac_sha256, MaskOptions, SecretPrefix};
use crate::policy::ActionSource;
use crate::receipt::{uuid_v4, DecidedBy, Receipt, ReceiptBody, ReceiptDecision};
use crate::{Action, Category, CompiledPolicy, Finding, Vault};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the plan does with one finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    /// Index of the finding (position in `Plan::items`).
    pub index: usize,
    /// The finding (byte offsets into the planned text).
    pub finding: Finding,
    /// Its category, when the policy knows the entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// The policy's action.
    pub action: Action,
    /// Which part of the policy decided it.
    pub source: ActionSource,
    /// The user must decide before the text can be sent (`ask`, or an action the policy's
    /// `consent.confirm` lists).
    pub needs_decision: bool,
}

/// Every finding of one text and what the policy does with it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// One item per finding, in text order.
    pub items: Vec<PlanItem>,
    /// May the user send a value as typed when the policy would transform it?
    pub allow_send_as_typed: bool,
    /// SHA-256 (hex) of the planned text: a plan applies only to the text it was made for.
    pub text_sha256: String,
}

/// Counts of a plan, for a consent dialog's summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanSummary {
    /// Sent unchanged (`allow`, `highlight`).
    pub send_as_is: usize,
    /// Replaced before sending.
    pub transformed: usize,
    /// Blocking the whole text.
    pub blocked: usize,
    /// Waiting for the user.
    pub needs_decision: usize,
}

/// Makes the plan for `text` and its findings under `policy`, with the session's "always
/// allow" answers on top of the policy's own allow-list (`allowed(entity, value)`).
pub fn plan(
    text: &str,
    findings: &[Finding],
    policy: &CompiledPolicy,
    allowed: &dyn Fn(&str, &str) -> bool,
) -> Plan {
    let consent = policy.consent();
    let items = findings
        .iter()
        .enumerate()
        .map(|(index, f)| {
            let value = text.get(f.start..f.end).unwrap_or("");
            let (action, source) = match policy.action_for_value(&f.entity, value) {
                // Never a deny-list hit or a blocked value: allow_value refuses those too.
                (a, s)
                    if !matches!(a, Action::Allow | Action::Block)
                        && s != ActionSource::DenyList
                        && allowed(&f.entity, value) =>
                {
                    (Action::Allow, ActionSource::Session)
                }
                other => other,
            };
            PlanItem {
                index,
                finding: f.clone(),
                category: policy.category_of(&f.entity),
                action,
                source,
                needs_decision: action == Action::Ask
                    || (action != Action::Block && consent.confirm.contains(&action)),
            }
        })
        .collect();
    Plan {
        items,
        allow_send_as_typed: consent.allow_send_as_typed,
        text_sha256: hex(&Sha256::digest(text.as_bytes())),
    }
}

impl Plan {
    /// Counts per outcome, before decisions.
    pub fn summary(&self) -> PlanSummary {
        let mut s = PlanSummary::default();
        for i in &self.items {
            if i.action == Action::Block {
                s.blocked += 1;
            } else if i.needs_decision {
                s.needs_decision += 1;
            } else if i.action.sends_original() {
                s.send_as_is += 1;
            } else {
                s.transformed += 1;
            }
        }
        s
    }

    /// Decisions that settle every open item when nobody can be asked (the CLI, a beacon,
    /// `consent: "redact"`): the dialog's default answer, "Send redacted" — see
    /// [`Plan::decisions_for`]. This is the one meaning of "nobody to ask" for every surface:
    /// an asked finding becomes a placeholder (never sent as typed, and restorable in the
    /// answer), a confirmation keeps the policy's transformation, and a confirmed `allow` or
    /// `highlight` is not sent as typed.
    pub fn fail_closed_decisions(&self) -> Vec<Decision> {
        self.decisions_for(Answer::Redacted, None)
            .expect("without per-finding answers there is nothing to mismatch")
    }
}

/// The consent dialog's answer as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// "Send redacted": the policy's actions; asked findings become placeholders unless the
    /// user allowed them one by one.
    Redacted,
    /// "Send as typed": the findings the dialog listed (those that need a decision) leave
    /// unchanged, where the policy permits it; everything the policy transforms without
    /// asking (credentials, pseudonymized values) stays transformed.
    AsTyped,
}

impl Answer {
    /// The answer's id at the JS edge: `redacted` or `as-typed`.
    pub fn id(self) -> &'static str {
        match self {
            Answer::Redacted => "redacted",
            Answer::AsTyped => "as-typed",
        }
    }

    /// The answer with this id.
    pub fn from_id(id: &str) -> Option<Answer> {
        [Answer::Redacted, Answer::AsTyped]
            .into_iter()
            .find(|a| a.id() == id)
    }
}

/// A user's answer for one finding, given beforehand (the highlight popover).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerFinding {
    /// Replace it with a placeholder, whatever the policy's action.
    Redact,
    /// Send it as typed, this once.
    AllowOnce,
    /// Send it as typed, and from now on.
    AlwaysAllow,
}

impl Plan {
    /// The decisions for a dialog's `answer` and the per-finding answers (`choices[i]` for
    /// finding `i`, or none at all). An explicit per-finding answer wins over the dialog's;
    /// without one, "Send redacted" turns what needs a decision into its replacement (asked
    /// findings into placeholders, which the answer restores, unlike `redact`) and "Send as
    /// typed" allows what needs a decision — never what the policy settles by itself.
    pub fn decisions_for(
        &self,
        answer: Answer,
        choices: Option<&[Option<PerFinding>]>,
    ) -> Result<Vec<Decision>, ConsentError> {
        if choices.is_some_and(|c| c.len() != self.items.len()) {
            return Err(ConsentError::ChoicesMismatch);
        }
        let mut out = Vec::new();
        for item in &self.items {
            let chosen = choices.and_then(|c| c[item.index]);
            let choice = match (answer, chosen) {
                _ if item.action == Action::Block => None,
                (_, Some(PerFinding::AllowOnce)) => Some(Choice::AllowOnce),
                (_, Some(PerFinding::AlwaysAllow)) => Some(Choice::AlwaysAllow),
                (_, Some(PerFinding::Redact)) => Some(Choice::Pseudonymize),
                (_, None) if !item.needs_decision => None,
                (Answer::AsTyped, None) => Some(Choice::AllowOnce),
                (Answer::Redacted, None) => Some(match item.action {
                    Action::Ask | Action::Pseudonymize | Action::Allow | Action::Highlight => {
                        Choice::Pseudonymize
                    }
                    Action::Mask => Choice::Mask,
                    Action::Synthesize => Choice::Synthesize,
                    Action::Redact | Action::Block => Choice::Redact,
                }),
            };
            if let Some(choice) = choice {
                out.push(Decision {
                    target: Target::Finding { index: item.index },
                    choice,
                });
            }
        }
        Ok(out)
    }
}

impl PerFinding {
    /// Every per-finding answer.
    pub const ALL: [PerFinding; 3] = [
        PerFinding::Redact,
        PerFinding::AllowOnce,
        PerFinding::AlwaysAllow,
    ];

    /// The answer's id at the JS edge: `redact`, `allow-once` or `always-allow`.
    pub fn id(self) -> &'static str {
        match self {
            PerFinding::Redact => "redact",
            PerFinding::AllowOnce => "allow-once",
            PerFinding::AlwaysAllow => "always-allow",
        }
    }

    /// The answer with this id.
    pub fn from_id(id: &str) -> Option<PerFinding> {
        PerFinding::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// What a decision applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Target {
    /// One finding, by plan index.
    Finding {
        /// Plan index.
        index: usize,
    },
    /// Every finding of an entity type.
    Entity {
        /// Entity id.
        entity: String,
    },
    /// Every finding of a category.
    Category {
        /// Category.
        category: Category,
    },
}

/// The user's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Send as typed, this time.
    AllowOnce,
    /// Send as typed, and from now on in this session ([`crate::Guard`] keeps the answer,
    /// as a keyed hash, until the policy's vault time-to-live ends).
    AlwaysAllow,
    /// Redact it.
    Redact,
    /// Mask it.
    Mask,
    /// Replace with a placeholder.
    Pseudonymize,
    /// Replace with a surrogate.
    Synthesize,
}

impl Choice {
    fn action(self) -> Action {
        match self {
            Choice::AllowOnce | Choice::AlwaysAllow => Action::Allow,
            Choice::Redact => Action::Redact,
            Choice::Mask => Action::Mask,
            Choice::Pseudonymize => Action::Pseudonymize,
            Choice::Synthesize => Action::Synthesize,
        }
    }
}

/// A decision: a choice for a finding, an entity type or a category. The most specific one
/// wins (finding, then entity, then category).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// What it applies to.
    pub target: Target,
    /// The answer.
    pub choice: Choice,
}

/// Why the outgoing text could not be built. Messages name findings by index and type only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentError {
    /// The policy blocks a finding: the text must not be sent.
    Blocked {
        /// Plan index.
        index: usize,
        /// Entity type.
        entity: String,
    },
    /// A finding needs the user's decision and has none.
    Undecided {
        /// Plan index.
        index: usize,
        /// Entity type.
        entity: String,
    },
    /// The user chose to send a value as typed, which the policy does not permit.
    SendAsTypedNotPermitted {
        /// Plan index.
        index: usize,
        /// Entity type.
        entity: String,
    },
    /// A decision names a finding the plan does not have.
    NoSuchFinding {
        /// The index given.
        index: usize,
    },
    /// The plan was made for another text.
    PlanMismatch,
    /// Per-finding answers were given for another number of findings (the text changed
    /// since it was scanned).
    ChoicesMismatch,
}

impl std::fmt::Display for ConsentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConsentError::Blocked { index, entity } => {
                write!(
                    f,
                    "finding {index} ({entity}) is blocked by the policy; the text cannot be sent"
                )
            }
            ConsentError::Undecided { index, entity } => {
                write!(
                    f,
                    "finding {index} ({entity}) needs a decision before sending"
                )
            }
            ConsentError::SendAsTypedNotPermitted { index, entity } => write!(
                f,
                "finding {index} ({entity}): the policy does not permit sending it as typed"
            ),
            ConsentError::NoSuchFinding { index } => {
                write!(
                    f,
                    "decision for finding {index}, which the plan does not have"
                )
            }
            ConsentError::PlanMismatch => f.write_str("the plan was made for a different text"),
            ConsentError::ChoicesMismatch => f.write_str(
                "choices do not match the findings (the text changed since it was scanned?)",
            ),
        }
    }
}

impl std::error::Error for ConsentError {}

/// Everything building the outgoing text needs besides the text, plan and decisions.
pub struct BuildContext<'a> {
    /// The policy the plan was made under.
    pub policy: &'a CompiledPolicy,
    /// Secret key of the conversation: seeds surrogates.
    pub conversation_key: &'a [u8],
    /// The application's receipt key: keys the receipt's `textHmac`.
    pub receipt_key: &'a [u8],
    /// Random bytes for the receipt id (from the caller's random source).
    pub receipt_id: [u8; 16],
    /// Current time, Unix ms (from the caller's clock).
    pub now_ms: u64,
    /// Purpose or endpoint the text goes to.
    pub purpose: &'a str,
    /// Hash of the previous receipt (the chain's head).
    pub prev_hash: &'a str,
    /// Public prefix length of secrets for `mask`.
    pub secret_prefix: Option<SecretPrefix>,
    /// Accepts a surrogate candidate `(entity, surrogate)`; rejected ones are redrawn.
    pub accept_surrogate: &'a dyn Fn(&str, &str) -> bool,
}

/// One finding as applied, with offsets into the input text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    /// Plan index.
    pub index: usize,
    /// The finding.
    pub finding: Finding,
    /// The action applied.
    pub action: Action,
}

/// The text to send and the evidence.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outgoing {
    /// The text to send.
    pub text: String,
    /// The consent receipt (no values).
    pub receipt: Receipt,
    /// What happened to each finding.
    pub applied: Vec<Applied>,
}

impl std::fmt::Debug for Outgoing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The text may carry values the user allowed.
        f.debug_struct("Outgoing")
            .field("text_bytes", &self.text.len())
            .field("receipt", &self.receipt)
            .field("applied", &self.applied)
            .finish()
    }
}

fn decision_for<'d>(item: &PlanItem, decisions: &'d [Decision]) -> Option<&'d Decision> {
    let by = |t: &dyn Fn(&Target) -> bool| decisions.iter().rev().find(|d| t(&d.target));
    by(&|t| matches!(t, Target::Finding { index } if *index == item.index))
        .or_else(|| {
            by(&|t| matches!(t, Target::Entity { entity } if **entity == *item.finding.entity))
        })
        .or_else(|| {
            by(&|t| matches!(t, Target::Category { category } if Some(*category) == item.category))
        })
}

/// Builds the outgoing text from the plan and decisions, filling `vault` for
/// pseudonymized and synthesized values, and the receipt that records it.
pub fn build_outgoing(
    text: &str,
    plan: &Plan,
    decisions: &[Decision],
    vault: &mut Vault,
    ctx: &BuildContext<'_>,
) -> Result<Outgoing, ConsentError> {
    if hex(&Sha256::digest(text.as_bytes())) != plan.text_sha256 {
        return Err(ConsentError::PlanMismatch);
    }
    for d in decisions {
        if let Target::Finding { index } = d.target {
            if index >= plan.items.len() {
                return Err(ConsentError::NoSuchFinding { index });
            }
        }
    }
    // Decide everything before touching the vault: an error leaves it unchanged.
    let mut finals = Vec::with_capacity(plan.items.len());
    for item in &plan.items {
        let entity = item.finding.entity.to_string();
        if item.action == Action::Block {
            return Err(ConsentError::Blocked {
                index: item.index,
                entity,
            });
        }
        let (action, by, always) = match decision_for(item, decisions) {
            Some(d) => {
                let a = d.choice.action();
                let overrides = a.sends_original() && !item.action.sends_original();
                if overrides && !plan.allow_send_as_typed {
                    return Err(ConsentError::SendAsTypedNotPermitted {
                        index: item.index,
                        entity,
                    });
                }
                (a, DecidedBy::User, d.choice == Choice::AlwaysAllow)
            }
            None if item.needs_decision => {
                return Err(ConsentError::Undecided {
                    index: item.index,
                    entity,
                })
            }
            None => (item.action, DecidedBy::Policy, false),
        };
        finals.push((action, by, always));
    }
    let policy = ctx.policy;
    let mask = policy.mask();
    let mask_opts = MaskOptions {
        keep: mask.keep,
        mask_char: mask.char,
        secret_prefix: ctx.secret_prefix,
    };
    let style = policy.redact().style;
    // Only the types this text will get placeholders for.
    let typed = crate::restore::typed_placeholders(
        text,
        plan.items
            .iter()
            .zip(&finals)
            .filter(|(_, (a, _, _))| matches!(a, Action::Pseudonymize | Action::Synthesize))
            .map(|(item, _)| &*item.finding.entity),
    );
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = Vec::new();
    let mut decisions_out = Vec::new();
    let mut categories: BTreeMap<String, u32> = BTreeMap::new();
    for (item, &(action, by, always)) in plan.items.iter().zip(&finals) {
        let f = &item.finding;
        let cat = item.category.map(|c| c.id().to_string());
        *categories
            .entry(cat.clone().unwrap_or_else(|| "other".into()))
            .or_insert(0) += 1;
        let mut action = action;
        if f.start >= at
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end)
        {
            let value = &text[f.start..f.end];
            out.push_str(&text[at..f.start]);
            let entity: &Arc<str> = &f.entity;
            match action {
                Action::Allow | Action::Highlight | Action::Ask | Action::Block => {
                    out.push_str(value)
                }
                Action::Redact => out.push_str(&operators::redaction(entity, style)),
                Action::Mask if item.category == Some(Category::Secrets) => {
                    out.push_str(&operators::mask_secret(value, &f.rule, &mask_opts))
                }
                Action::Mask => {
                    out.push_str(&operators::mask_value(value, entity, &f.rule, &mask_opts))
                }
                Action::Pseudonymize => out.push_str(&vault.placeholder_in(entity, value, &typed)),
                Action::Synthesize => {
                    let accept = |s: &str| (ctx.accept_surrogate)(entity, s);
                    match vault.surrogate_for(entity, value, ctx.conversation_key, &accept) {
                        Some(s) => out.push_str(&s),
                        None => {
                            // No generator for this type: a placeholder still hides it.
                            action = Action::Pseudonymize;
                            out.push_str(&vault.placeholder_in(entity, value, &typed));
                        }
                    }
                }
            }
            at = f.end;
        }
        applied.push(Applied {
            index: item.index,
            finding: f.clone(),
            action,
        });
        decisions_out.push(ReceiptDecision {
            index: item.index,
            entity: f.entity.to_string(),
            category: cat,
            action,
            decided_by: by,
            always_allow: always,
        });
    }
    out.push_str(&text[at..]);
    let body = ReceiptBody {
        id: uuid_v4(ctx.receipt_id),
        time_ms: ctx.now_ms,
        policy_id: policy.id().to_string(),
        policy_version: policy.version(),
        policy_revision: policy.revision().to_string(),
        purpose: ctx.purpose.to_string(),
        categories,
        decisions: decisions_out,
        text_hmac: hex(&hmac_sha256(ctx.receipt_key, out.as_bytes())),
        prev_hash: ctx.prev_hash.to_string(),
    };
    Ok(Outgoing {
        text: out,
        receipt: body.seal(),
        applied,
    })
}
