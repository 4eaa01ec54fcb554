//! Policy errors: each names the field path at fault, what kind of fault it is, and why.

use std::fmt;

/// What is wrong with a policy: a stable, machine-readable kind next to the readable reason.
/// The JS edge hands it on as the error's `kind` (see [`PolicyErrorKind::id`]) and the CLI's
/// `policy check` prints it, so callers branch on the kind, never on the message's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyErrorKind {
    /// The text is not JSON, or a field has the wrong JSON type.
    Syntax,
    /// A field the format does not have (a misspelt key).
    UnknownField,
    /// A value outside a field's fixed set (an action, a redact style, a category of a
    /// custom rule).
    UnknownValue,
    /// `version` is missing or is not one this build reads.
    Version,
    /// `extends` names no preset (or presets extend each other too deeply).
    Extends,
    /// `actions` names an entity type neither the catalog nor a custom rule reports.
    UnknownEntity,
    /// `categories` names no category.
    UnknownCategory,
    /// `countries` holds a code that is neither ISO 3166 alpha-2 nor `EU`/`EEA`.
    UnknownCountry,
    /// `disabledRules` names no rule.
    UnknownRule,
    /// A custom rule names a validator that does not exist.
    UnknownValidator,
    /// A regular expression (allow/deny pattern, custom rule, deny value) does not compile,
    /// or would match everywhere (the empty string).
    BadPattern,
    /// A number outside its range (`minScore`, `mask.keep`, a custom rule's `score`).
    OutOfRange,
    /// An id or word not in its required form (kebab-case rule id, upper-case entity id,
    /// lower-case context word).
    BadName,
    /// A custom rule's id that is already taken (built-in or earlier in the list).
    DuplicateRule,
}

impl PolicyErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [PolicyErrorKind; 14] = [
        PolicyErrorKind::Syntax,
        PolicyErrorKind::UnknownField,
        PolicyErrorKind::UnknownValue,
        PolicyErrorKind::Version,
        PolicyErrorKind::Extends,
        PolicyErrorKind::UnknownEntity,
        PolicyErrorKind::UnknownCategory,
        PolicyErrorKind::UnknownCountry,
        PolicyErrorKind::UnknownRule,
        PolicyErrorKind::UnknownValidator,
        PolicyErrorKind::BadPattern,
        PolicyErrorKind::OutOfRange,
        PolicyErrorKind::BadName,
        PolicyErrorKind::DuplicateRule,
    ];

    /// The kind's stable id (kebab-case): `unknown-entity`, `bad-pattern`, ...
    pub fn id(self) -> &'static str {
        match self {
            PolicyErrorKind::Syntax => "syntax",
            PolicyErrorKind::UnknownField => "unknown-field",
            PolicyErrorKind::UnknownValue => "unknown-value",
            PolicyErrorKind::Version => "version",
            PolicyErrorKind::Extends => "extends",
            PolicyErrorKind::UnknownEntity => "unknown-entity",
            PolicyErrorKind::UnknownCategory => "unknown-category",
            PolicyErrorKind::UnknownCountry => "unknown-country",
            PolicyErrorKind::UnknownRule => "unknown-rule",
            PolicyErrorKind::UnknownValidator => "unknown-validator",
            PolicyErrorKind::BadPattern => "bad-pattern",
            PolicyErrorKind::OutOfRange => "out-of-range",
            PolicyErrorKind::BadName => "bad-name",
            PolicyErrorKind::DuplicateRule => "duplicate-rule",
        }
    }
}

impl fmt::Display for PolicyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A policy that failed to load. `path` is the JSON path of the field (`actions.EMAIL_ADRESS`,
/// `customRules[0].pattern`); the message never contains scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// What kind of fault it is.
    pub kind: PolicyErrorKind,
    /// JSON path of the field at fault; `.` for the document itself.
    pub path: String,
    /// Why the field is rejected.
    pub reason: String,
}

impl PolicyError {
    pub(crate) fn new(
        kind: PolicyErrorKind,
        path: impl Into<String>,
        reason: impl Into<String>,
    ) -> PolicyError {
        PolicyError {
            kind,
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
