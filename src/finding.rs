//! What a scan reports.

use serde::Serialize;
use std::sync::Arc;

/// One piece of personal data or secret found in a text.
///
/// `start..end` are UTF-8 byte offsets as returned by [`crate::Engine::scan`]; convert them with
/// [`crate::convert_offsets`] before handing them to a caller that indexes differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Start of the value (inclusive).
    pub start: usize,
    /// End of the value (exclusive).
    pub end: usize,
    /// Stable upper-case entity id, such as `EMAIL_ADDRESS` or `SECRET`.
    pub entity: Arc<str>,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Id of the rule that found it, such as `email` or `openai-api-key`.
    pub rule: Arc<str>,
    /// Why the finding was reported: which checks passed, which context word raised its score.
    #[serde(skip_serializing_if = "Reason::is_empty")]
    pub reason: Reason,
}

/// The evidence behind a finding. Holds only rule metadata, never the scanned text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The validation that passed, such as `luhn` or `mod97`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<&'static str>,
    /// The context word or phrase near the value that raised the score (from the rule's list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Arc<str>>,
}

impl Reason {
    /// True when there is nothing to explain beyond the rule id.
    pub fn is_empty(&self) -> bool {
        self.check.is_none() && self.context.is_none()
    }
}
