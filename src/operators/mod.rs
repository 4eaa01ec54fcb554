//! Operators: pure functions that replace findings in a text.
//!
//! Each takes the text and its findings (UTF-8 byte offsets, sorted, non-overlapping, as
//! [`crate::Engine::scan`] returns them) and returns the transformed text. Findings that
//! overlap an earlier one or lie outside the text are skipped, never half-applied.
//! Pseudonymization lives on [`crate::Vault`], which must remember what it replaced.

mod hash;
mod mask;
mod names;
mod redact;
mod synthesize;

pub use hash::{hash, hash_value, hex, hmac_sha256};
pub use mask::{mask, mask_secret, mask_value, MaskOptions, SecretPrefix};
pub use redact::{redact, redaction};
pub use synthesize::{surrogate, SURROGATE_ENTITIES};

use crate::Finding;

/// Rebuilds `text` with each finding replaced by what `replace` returns for it (`None` keeps
/// the original).
pub fn splice(
    text: &str,
    findings: &[Finding],
    mut replace: impl FnMut(&Finding, &str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in findings {
        if f.start < at
            || f.end > text.len()
            || f.start > f.end
            || !text.is_char_boundary(f.start)
            || !text.is_char_boundary(f.end)
        {
            continue;
        }
        out.push_str(&text[at..f.start]);
        let value = &text[f.start..f.end];
        match replace(f, value) {
            Some(r) => out.push_str(&r),
            None => out.push_str(value),
        }
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

/// True for entity types that are credentials: masking keeps none of their characters
/// beyond a public prefix.
pub fn is_secret_entity(entity: &str) -> bool {
    entity == "SECRET"
        || crate::catalog()
            .iter()
            .any(|r| r.entity == entity && r.category == crate::Category::Secrets)
}
