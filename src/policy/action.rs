//! What a policy does with one kind of data.

use serde::{Deserialize, Serialize};

/// The action a policy assigns to an entity type or category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Send unchanged and do not show it.
    Allow,
    /// Show it to the user, send unchanged.
    Highlight,
    /// The user decides before sending.
    Ask,
    /// Replace with `[REDACTED]`, the typed `[EMAIL_ADDRESS]`, or nothing (see `redact.style`).
    Redact,
    /// Keep a few trailing characters, mask the rest (`**** **** **** 4242`).
    Mask,
    /// Replace with a numbered placeholder (`[PERSON_1]`) restored in the answer.
    Pseudonymize,
    /// Replace with a realistic surrogate of the same kind, restored in the answer.
    Synthesize,
    /// Refuse to send the text at all.
    Block,
}

impl Action {
    /// Every action, in the order the policy documentation lists them.
    pub const ALL: [Action; 8] = [
        Action::Allow,
        Action::Highlight,
        Action::Ask,
        Action::Redact,
        Action::Mask,
        Action::Pseudonymize,
        Action::Synthesize,
        Action::Block,
    ];

    /// The id used in policy files.
    pub fn id(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Highlight => "highlight",
            Action::Ask => "ask",
            Action::Redact => "redact",
            Action::Mask => "mask",
            Action::Pseudonymize => "pseudonymize",
            Action::Synthesize => "synthesize",
            Action::Block => "block",
        }
    }

    /// The action with this id (as in policy files), for values that crossed the JS edge.
    pub fn from_id(id: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.id() == id)
    }

    /// True when the value leaves unchanged.
    pub fn sends_original(self) -> bool {
        matches!(self, Action::Allow | Action::Highlight)
    }

    /// True when the value is replaced before sending.
    pub fn transforms(self) -> bool {
        matches!(
            self,
            Action::Redact | Action::Mask | Action::Pseudonymize | Action::Synthesize
        )
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
