//! What a highlighted finding will become when the text is sent, which decides how it is drawn:
//! replaced, waiting for the user's decision, blocking the text, or only shown and sent as typed.
//! The textarea overlay names it in each mark's `data-state` and `part`, contenteditable
//! elements get one CSS Custom Highlight per state (styles.rs gives each its colour and its
//! underline style, so the states differ without colour too).

use crate::policy::Action;

/// How one finding is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkState {
    /// Pseudonymized, redacted, masked or synthesized before sending.
    Replace,
    /// The user decides before sending (`ask`, or an action the policy's `consent.confirm` lists).
    Ask,
    /// The policy refuses to send the text while it holds this value.
    Block,
    /// Sent as typed: the policy only highlights or allows it, or the user allowed it once.
    Shown,
}

impl MarkState {
    /// Every state, in the order of [`MarkState::index`].
    pub(crate) const ALL: [MarkState; 4] = [
        MarkState::Replace,
        MarkState::Ask,
        MarkState::Block,
        MarkState::Shown,
    ];

    /// The state of a finding: the policy's `action` (an id as in policy files; unknown reads as
    /// `ask`, so a value is never drawn as harmless by mistake), whether it `needs_decision`, and
    /// the user's `choice` from the popover ("redact" or "allow-once"), which a block overrides.
    pub(crate) fn of(action: Option<&str>, needs_decision: bool, choice: Option<&str>) -> Self {
        let action = action.and_then(Action::from_id);
        match (action, choice) {
            (None, _) => MarkState::Ask,
            (Some(Action::Block), _) => MarkState::Block,
            (_, Some("redact")) => MarkState::Replace,
            (_, Some("allow-once")) => MarkState::Shown,
            _ if needs_decision => MarkState::Ask,
            (Some(a), _) if a.sends_original() => MarkState::Shown,
            _ => MarkState::Replace,
        }
    }

    /// The state's name in `data-state` and in the theme's custom properties.
    pub(crate) fn id(self) -> &'static str {
        match self {
            MarkState::Replace => "replace",
            MarkState::Ask => "ask",
            MarkState::Block => "block",
            MarkState::Shown => "shown",
        }
    }

    /// The CSS Custom Highlight of contenteditable ranges in this state.
    pub(crate) fn highlight(self) -> &'static str {
        match self {
            MarkState::Replace => "pii-airlock-replace",
            MarkState::Ask => "pii-airlock-ask",
            MarkState::Block => "pii-airlock-block",
            MarkState::Shown => "pii-airlock-shown",
        }
    }

    /// The overlay mark's `part`: every mark is `mark`, and `mark-<state>` selects one state.
    pub(crate) fn part(self) -> &'static str {
        match self {
            MarkState::Replace => "mark mark-replace",
            MarkState::Ask => "mark mark-ask",
            MarkState::Block => "mark mark-block",
            MarkState::Shown => "mark mark-shown",
        }
    }

    /// Position in [`MarkState::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}
