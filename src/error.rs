//! Errors the core reports. Messages never contain the text being scanned.

use std::fmt;

/// What went wrong while building an engine or handling input.
///
/// Messages name the rule, field or line at fault, never the user's text: an error may be logged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A rule's regular expression did not compile (bad syntax, too large, or able to match
    /// inside a UTF-8 character).
    InvalidPattern {
        /// The rule whose pattern failed.
        rule: String,
        /// Why it failed, from the regex compiler.
        reason: String,
    },
    /// A name (entity, rule, country, option) that the engine does not know.
    Unknown {
        /// What kind of name it is ("country", "rule", ...).
        kind: &'static str,
        /// The name as given.
        name: String,
    },
    /// An option with a value outside its range.
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// Why the value is rejected.
        reason: String,
    },
}

impl Error {
    /// The message [`Display`](fmt::Display) writes, put together without `core::fmt`: the
    /// first module reports its errors through this, so neither `write!` nor a `Formatter`
    /// (whose `dyn Write` table keeps `fmt::write`, padding and integer formatting) is linked
    /// into it (docs/benchmarks.md, "Round 12 (size12)").
    pub(crate) fn message(&self) -> String {
        let pieces: &[&str] = match self {
            Error::InvalidPattern { rule, reason } => {
                &["rule `", rule, "`: invalid pattern: ", reason]
            }
            Error::Unknown { kind, name } => &["unknown ", kind, " `", name, "`"],
            Error::InvalidOption { option, reason } => &["option `", option, "`: ", reason],
        };
        pieces.concat()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}
