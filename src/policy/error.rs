//! Policy errors: each names the field path at fault and why.

use std::fmt;

/// A policy that failed to load. `path` is the JSON path of the field (`actions.EMAIL_ADRESS`,
/// `customRules[0].pattern`); the message never contains scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// JSON path of the field at fault; `.` for the document itself.
    pub path: String,
    /// Why the field is rejected.
    pub reason: String,
}

impl PolicyError {
    pub(crate) fn new(path: impl Into<String>, reason: impl Into<String>) -> PolicyError {
        PolicyError {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for PolicyError {}
