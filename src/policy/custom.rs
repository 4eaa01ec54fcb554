//! Custom rules and deny-list entries from a policy, turned into engine [`Rule`]s so they run
//! in the same single pass as the built-ins.

use super::doc::{CustomRuleDoc, DenyDoc};
use super::{PolicyError, PolicyErrorKind as Kind};
use crate::lower::Lower;
use crate::matcher::{Matcher, Options};
use crate::{Candidate, Category, Rule, Validate, Verdict};
use std::sync::Arc;

/// Entity reported for deny-list hits.
pub const DENY_ENTITY: &str = "DENY_LIST";

/// Validator kinds a custom rule may name.
pub const VALIDATORS: &[&str] = &["luhn", "mod97", "verhoeff"];

fn luhn_check(c: &Candidate<'_>) -> Verdict {
    if crate::luhn(c.value()) {
        Verdict::Checked("luhn")
    } else {
        Verdict::Reject
    }
}

fn mod97_check(c: &Candidate<'_>) -> Verdict {
    if crate::iban_mod97(c.value()) {
        Verdict::Checked("mod97")
    } else {
        Verdict::Reject
    }
}

fn verhoeff_check(c: &Candidate<'_>) -> Verdict {
    if crate::verhoeff(c.value()) {
        Verdict::Checked("verhoeff")
    } else {
        Verdict::Reject
    }
}

/// The validator function for a named kind.
pub fn validator(kind: &str) -> Option<Validate> {
    match kind {
        "luhn" => Some(luhn_check),
        "mod97" => Some(mod97_check),
        "verhoeff" => Some(verhoeff_check),
        _ => None,
    }
}

/// Compiles `pattern` exactly as the engine compiles custom rules (ASCII classes, UTF-8 mode,
/// the custom-pattern size limit), so a policy is rejected at load time, not at first scan.
pub(crate) fn compile(pattern: &str) -> Result<Matcher, String> {
    Matcher::new(
        &[pattern],
        Options {
            size_limit: Some(crate::engine::CUSTOM_PATTERN_SIZE_LIMIT),
            ..Options::default()
        },
    )
}

fn kebab(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for an upper-case entity id such as `EMPLOYEE_ID`.
pub fn entity_id_ok(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && s.as_bytes()[0].is_ascii_uppercase()
}

/// Checks and converts the policy's custom rules.
pub(crate) fn custom_rules(docs: &[CustomRuleDoc]) -> Result<Vec<Rule>, PolicyError> {
    let mut out: Vec<Rule> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let at = |f: &str| format!("customRules[{i}].{f}");
        if !kebab(&d.id) {
            return Err(PolicyError::new(
                Kind::BadName,
                at("id"),
                "must be kebab-case (a-z, 0-9, -)",
            ));
        }
        // Every built-in id, the names pass's included: `disabledRules` names one rule.
        if crate::rules::is_builtin_rule(&d.id) || out.iter().any(|r| *r.id == *d.id) {
            return Err(PolicyError::new(
                Kind::DuplicateRule,
                at("id"),
                "duplicate rule id",
            ));
        }
        if !entity_id_ok(&d.entity) {
            return Err(PolicyError::new(
                Kind::BadName,
                at("entity"),
                "must be upper-case (A-Z, 0-9, _), starting with a letter",
            ));
        }
        compile(&d.pattern).map_err(|e| PolicyError::new(Kind::BadPattern, at("pattern"), e))?;
        let validate = match &d.validator {
            None => None,
            Some(kind) => Some(validator(kind).ok_or_else(|| {
                PolicyError::new(
                    Kind::UnknownValidator,
                    at("validator"),
                    format!("unknown validator `{kind}` (expected one of luhn, mod97, verhoeff)"),
                )
            })?),
        };
        let score = d.score.unwrap_or(0.6);
        if !(0.0..=1.0).contains(&score) {
            return Err(PolicyError::new(
                Kind::OutOfRange,
                at("score"),
                "must be between 0 and 1",
            ));
        }
        for (j, w) in d.context.iter().enumerate() {
            if w.is_empty() || *w != w.lower() {
                return Err(PolicyError::new(
                    Kind::BadName,
                    format!("customRules[{i}].context[{j}]"),
                    "context words must be non-empty and lower-case",
                ));
            }
        }
        out.push(Rule {
            id: d.id.as_str().into(),
            entity: d.entity.as_str().into(),
            category: d.category.unwrap_or(Category::Identifiers),
            countries: Vec::new(),
            pattern: d.pattern.as_str().into(),
            validate,
            score,
            checked_score: score.max(0.9),
            context: d.context.iter().map(|w| Arc::from(w.as_str())).collect(),
            context_boost: 0.3,
            anti_context: Vec::new(),
            needs_context: d.needs_context,
            contested: false,
        });
    }
    Ok(out)
}

/// Escapes `value` for a literal match, with ASCII word boundaries where the value starts or
/// ends with a word character.
fn literal_pattern(value: &str) -> String {
    let mut p = String::from("(?i)");
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    if word(value.chars().next()) {
        p.push_str(r"\b");
    }
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            // A value wrapped over two lines or spaced twice is still the value.
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            p.push_str(r"\s+");
            continue;
        }
        if c.is_ascii_punctuation() || c == '#' {
            p.push('\\');
        }
        p.push(c);
    }
    if word(value.chars().next_back()) {
        p.push_str(r"\b");
    }
    p
}

/// The deny-list as one matcher (values as escaped literals, then patterns), or `None` when
/// the list is empty. It runs beside the engine, not inside it: inside, overlap resolution
/// could let a deny hit win over a longer finding and leave the rest of that value in the text.
pub(crate) fn deny_matcher(doc: &DenyDoc) -> Result<Option<Matcher>, PolicyError> {
    let mut patterns = Vec::new();
    for (i, v) in doc.values.iter().enumerate() {
        if v.trim().is_empty() {
            return Err(PolicyError::new(
                Kind::BadPattern,
                format!("deny.values[{i}]"),
                "must not be empty",
            ));
        }
        // The list is matched against the folded view (see `CompiledPolicy::apply_deny_list`),
        // so the value is folded too: a fullwidth or NO-BREAK SPACE spelling still works.
        let p = literal_pattern(&crate::fold_text(v));
        compile(&p)
            .map_err(|e| PolicyError::new(Kind::BadPattern, format!("deny.values[{i}]"), e))?;
        patterns.push(p);
    }
    for (i, p) in doc.patterns.iter().enumerate() {
        let re = compile(p)
            .map_err(|e| PolicyError::new(Kind::BadPattern, format!("deny.patterns[{i}]"), e))?;
        if re.is_match("") {
            return Err(PolicyError::new(
                Kind::BadPattern,
                format!("deny.patterns[{i}]"),
                "must not match the empty string",
            ));
        }
        patterns.push(p.clone());
    }
    if patterns.is_empty() {
        return Ok(None);
    }
    Matcher::new(&patterns, Options::default())
        .map(Some)
        .map_err(|e| PolicyError::new(Kind::BadPattern, "deny", e.to_string()))
}

/// Compiled allow-list patterns; each must match a finding's whole value.
pub(crate) fn allow_patterns(patterns: &[String]) -> Result<Vec<Matcher>, PolicyError> {
    patterns
        .iter()
        .enumerate()
        .map(|(i, p)| {
            compile(p).map_err(|e| {
                PolicyError::new(Kind::BadPattern, format!("allow.patterns[{i}]"), e)
            })?;
            compile(&format!("^(?:{p})$"))
                .map_err(|e| PolicyError::new(Kind::BadPattern, format!("allow.patterns[{i}]"), e))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_patterns_escape_and_bound() {
        let re = compile(&literal_pattern("Project X.1")).unwrap();
        assert!(re.is_match("about project x.1 today"));
        assert!(!re.is_match("about project xa1 today"));
        assert!(!re.is_match("about project x.12"));
        assert!(re.is_match("about project\n  x.1 today"));
    }

    #[test]
    fn named_validators_check_digits() {
        let text = "79927398713 79927398710";
        let ok = Candidate {
            text,
            start: 0,
            end: 11,
        };
        let bad = Candidate {
            text,
            start: 12,
            end: 23,
        };
        let v = validator("luhn").unwrap();
        assert_eq!(v(&ok), Verdict::Checked("luhn"));
        assert_eq!(v(&bad), Verdict::Reject);
        assert!(validator("crc32").is_none());
    }
}
