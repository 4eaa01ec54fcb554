//! Redaction: the value is gone; at most its type remains.

use crate::policy::RedactStyle;
use crate::Finding;

/// The text that stands in for a redacted value of `entity`.
pub fn redaction(entity: &str, style: RedactStyle) -> String {
    match style {
        RedactStyle::Typed => format!("[{entity}]"),
        RedactStyle::Fixed => "[REDACTED]".to_string(),
        RedactStyle::Remove => String::new(),
    }
}

/// Replaces every finding with its redaction.
///
/// ```
/// use pii_airlock::{operators, Engine, RedactStyle};
/// let text = "Mail jane.doe@example.com now";
/// let f = Engine::default_engine().scan(text);
/// assert_eq!(operators::redact(text, &f, RedactStyle::Typed), "Mail [EMAIL_ADDRESS] now");
/// assert_eq!(operators::redact(text, &f, RedactStyle::Fixed), "Mail [REDACTED] now");
/// assert_eq!(operators::redact(text, &f, RedactStyle::Remove), "Mail  now");
/// ```
pub fn redact(text: &str, findings: &[Finding], style: RedactStyle) -> String {
    super::splice(text, findings, |f, _| Some(redaction(&f.entity, style)))
}
