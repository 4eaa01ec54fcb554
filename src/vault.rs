//! The vault: which placeholder stands for which original value, within one conversation.
//! Pseudonymizing fills it; restoring reads it. Originals never leave it through `Debug`.

use crate::placeholder::{self, MAX_MATCH};
use crate::Finding;
use std::collections::HashMap;
use std::sync::Arc;

/// Placeholder ↔ original mapping for one conversation.
///
/// The same value (up to case and formatting, see [`Vault::normalize`]) always gets the same
/// placeholder; numbering is per entity type, starting at 1.
#[derive(Clone, Default)]
pub struct Vault {
    /// Canonical key (`EMAIL_ADDRESS_1`) → original text.
    originals: HashMap<String, Arc<str>>,
    /// (entity, normalized value) → placeholder text (`[EMAIL_ADDRESS_1]`).
    placeholders: HashMap<(Arc<str>, String), String>,
    counters: HashMap<Arc<str>, u32>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print originals: a Debug line may end up in a log.
        f.debug_struct("Vault")
            .field("entries", &self.originals.len())
            .finish()
    }
}

impl Vault {
    /// An empty vault.
    pub fn new() -> Vault {
        Vault::default()
    }

    /// Number of values held.
    pub fn len(&self) -> usize {
        self.originals.len()
    }

    /// True when the vault holds nothing.
    pub fn is_empty(&self) -> bool {
        self.originals.is_empty()
    }

    /// The form under which two spellings of one value count as the same value: case folded,
    /// whitespace dropped, and for number-like values (phones, cards, IBANs) separators too.
    pub fn normalize(value: &str) -> String {
        let digits = value.bytes().filter(u8::is_ascii_digit).count();
        let numeric = digits * 2 >= value.chars().filter(|c| !c.is_whitespace()).count();
        value
            .chars()
            .filter(|c| !c.is_whitespace())
            .filter(|c| !(numeric && matches!(c, '-' | '.' | '/' | '(' | ')')))
            .flat_map(char::to_lowercase)
            .collect()
    }

    /// The placeholder for `value` of type `entity`, allocating the next number if new.
    pub fn placeholder_for(&mut self, entity: &Arc<str>, value: &str) -> String {
        let norm = (entity.clone(), Vault::normalize(value));
        if let Some(p) = self.placeholders.get(&norm) {
            return p.clone();
        }
        let n = self.counters.entry(entity.clone()).or_insert(0);
        *n += 1;
        let p = placeholder::format(entity, *n);
        self.originals
            .insert(p[1..p.len() - 1].to_string(), Arc::from(value));
        self.placeholders.insert(norm, p.clone());
        p
    }

    /// Replaces every finding (byte offsets, sorted, non-overlapping, as [`crate::Engine::scan`]
    /// returns them) with its placeholder.
    pub fn pseudonymize(&mut self, text: &str, findings: &[Finding]) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for f in findings {
            if f.start < at || f.end > text.len() {
                continue;
            }
            out.push_str(&text[at..f.start]);
            let p = self.placeholder_for(&f.entity, &text[f.start..f.end]);
            out.push_str(&p);
            at = f.end;
        }
        out.push_str(&text[at..]);
        out
    }

    /// Puts originals back wherever a placeholder of this vault appears, tolerating what models
    /// do to placeholders: dropped brackets, changed case, `PERSON 1` for `PERSON_1`.
    /// Unknown placeholders are left as they are.
    pub fn restore(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let lookup = |k: &str| self.originals.get(k).map(|v| &**v);
        placeholder::replace_all(text, 0, text.len(), &lookup, &mut out);
        out
    }

    /// Forgets every placeholder whose original is `value` (up to normalization): the right to
    /// erasure for one value. Returns how many entries were removed.
    pub fn forget(&mut self, value: &str) -> usize {
        let norm = Vault::normalize(value);
        let keys: Vec<(Arc<str>, String)> = self
            .placeholders
            .keys()
            .filter(|(_, v)| *v == norm)
            .cloned()
            .collect();
        for k in &keys {
            if let Some(p) = self.placeholders.remove(k) {
                self.originals.remove(&p[1..p.len() - 1]);
            }
        }
        keys.len()
    }

    /// Forgets everything. Numbering restarts.
    pub fn forget_all(&mut self) {
        *self = Vault::default();
    }

    /// A restorer for a streamed answer, with a snapshot of this vault's mapping.
    pub fn stream_restorer(&self) -> StreamRestorer {
        StreamRestorer {
            originals: Arc::new(self.originals.clone()),
            pending: String::new(),
            context: String::new(),
        }
    }
}

/// Restores a model's answer chunk by chunk as it streams in.
///
/// Holds back at most a placeholder's length, so a placeholder split across chunks is still
/// restored; for any way of cutting the answer, the concatenated output equals
/// [`Vault::restore`] of the whole.
#[derive(Clone)]
pub struct StreamRestorer {
    originals: Arc<HashMap<String, Arc<str>>>,
    pending: String,
    /// The last character already emitted: word boundaries look one character back.
    context: String,
}

impl std::fmt::Debug for StreamRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamRestorer")
            .field("pending_bytes", &self.pending.len())
            .finish()
    }
}

impl StreamRestorer {
    /// Feeds the next chunk; returns the restored text that is final so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.pending.push_str(chunk);
        if self.pending.len() <= MAX_MATCH + 1 {
            return String::new();
        }
        let mut limit = self.pending.len() - MAX_MATCH - 1;
        while !self.pending.is_char_boundary(limit) {
            limit -= 1;
        }
        self.run(limit)
    }

    /// Ends the stream and returns what was held back.
    pub fn finish(&mut self) -> String {
        let len = self.pending.len();
        self.run(len)
    }

    /// Restores matches that start before `limit` in the pending text and emits up to where
    /// the last of them ends (or `limit`).
    fn run(&mut self, limit: usize) -> String {
        let hay = format!("{}{}", self.context, self.pending);
        let off = self.context.len();
        let mut out = String::new();
        let originals = &self.originals;
        let lookup = |k: &str| originals.get(k).map(|v| &**v);
        let consumed = placeholder::replace_all(&hay, off, off + limit, &lookup, &mut out) - off;
        let emitted = &self.pending[..consumed];
        if let Some(c) = emitted.chars().next_back() {
            self.context = c.to_string();
        }
        self.pending.drain(..consumed);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault() -> Vault {
        let mut v = Vault::new();
        let e: Arc<str> = "PERSON".into();
        v.placeholder_for(&e, "Jane Doe");
        v
    }

    #[test]
    fn same_value_same_placeholder() {
        let mut v = Vault::new();
        let e: Arc<str> = "PHONE_NUMBER".into();
        let a = v.placeholder_for(&e, "+44 20 7946 0958");
        let b = v.placeholder_for(&e, "+44-20-7946-0958");
        let c = v.placeholder_for(&e, "+1 202 555 0100");
        assert_eq!(a, b);
        assert_eq!(a, "[PHONE_NUMBER_1]");
        assert_eq!(c, "[PHONE_NUMBER_2]");
    }

    #[test]
    fn debug_hides_originals() {
        let v = vault();
        assert!(!format!("{v:?}").contains("Jane"));
    }

    #[test]
    fn stream_equals_whole_for_every_cut() {
        let v = vault();
        let answer = format!(
            "{}Dear [PERSON_1], PERSON 1 and person_1 {}",
            "x ".repeat(70),
            "y".repeat(150)
        );
        let whole = v.restore(&answer);
        for cut in 0..answer.len() {
            for cut2 in [cut, (cut + 7).min(answer.len())] {
                let mut r = v.stream_restorer();
                let mut got = r.push(&answer[..cut]);
                got += &r.push(&answer[cut..cut2]);
                got += &r.push(&answer[cut2..]);
                got += &r.finish();
                assert_eq!(got, whole, "cut at {cut}/{cut2}");
            }
        }
    }

    #[test]
    fn forget_removes_mapping() {
        let mut v = vault();
        assert_eq!(v.forget("jane doe"), 1);
        assert_eq!(v.restore("[PERSON_1]"), "[PERSON_1]");
    }
}
