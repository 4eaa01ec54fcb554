//! The vault: which placeholder or surrogate stands for which original value, within one
//! conversation. Pseudonymizing and synthesizing fill it; restoring reads it. Entries expire
//! after a time-to-live, can be forgotten one value at a time, and leave the process only as
//! an encrypted blob (see [`Vault::export_encrypted`]). Originals never leave it through
//! `Debug` or an error message.

use crate::lower::Lower;
use crate::placeholder::{self, MAX_MATCH};
use crate::restore::{self, Issued, RestoreMode, RestoreOptions, Surrogates};
use crate::{Finding, StreamRestorer};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// Typed placeholder numbers at or above this are not jumped past (see
/// [`Vault::placeholder_in`]); restore reads numbers of up to six digits.
const TYPED_NUMBER_LIMIT: u32 = 100_000;

mod blob;

pub use blob::VaultError;

/// One remembered value.
#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    /// The original text.
    value: Arc<str>,
    /// Its entity type.
    entity: Arc<str>,
    /// [`Vault::normalize`] of the original.
    norm: String,
    /// When it was first replaced (Unix ms, from the caller's clock).
    created_ms: u64,
}

/// Placeholder and surrogate ↔ original mapping for one conversation.
///
/// The same value (up to case and formatting, see [`Vault::normalize`]) always gets the same
/// placeholder; numbering is per entity type, starting at 1, and never reuses a number within
/// the vault's life (an expired `[PERSON_1]` still quoted by the model is not restored to
/// someone else).
///
/// Time comes from the caller (`now_ms`, Unix milliseconds): WebAssembly in a browser has no
/// clock the core may call. [`Vault::expire`] advances the vault's clock; entries created
/// afterwards are stamped with it.
#[derive(Clone, Default)]
pub struct Vault {
    /// Canonical key (`EMAIL_ADDRESS_1`) → entry.
    originals: HashMap<String, Entry>,
    /// (entity, normalized value) → placeholder text (`[EMAIL_ADDRESS_1]`).
    placeholders: HashMap<(Arc<str>, String), String>,
    counters: HashMap<Arc<str>, u32>,
    /// Surrogate text → entry.
    surrogates: HashMap<String, Entry>,
    /// (entity, normalized value) → surrogate.
    surrogate_of: HashMap<(Arc<str>, String), String>,
    now_ms: u64,
    ttl_ms: u64,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print originals: a Debug line may end up in a log.
        f.debug_struct("Vault")
            .field("entries", &self.originals.len())
            .field("surrogates", &self.surrogates.len())
            .field("ttl_ms", &self.ttl_ms)
            .finish()
    }
}

impl Vault {
    /// An empty vault that keeps entries until they are forgotten.
    pub fn new() -> Vault {
        Vault::default()
    }

    /// An empty vault whose entries expire `ttl_ms` after creation (0: never).
    pub fn with_ttl(ttl_ms: u64) -> Vault {
        Vault {
            ttl_ms,
            ..Vault::default()
        }
    }

    /// The time-to-live in milliseconds (0: entries never expire).
    pub fn ttl_ms(&self) -> u64 {
        self.ttl_ms
    }

    /// Sets the time-to-live in milliseconds (0: never): a vault read back from storage
    /// follows the policy in force, not the one it was written under.
    pub fn set_ttl_ms(&mut self, ttl_ms: u64) {
        self.ttl_ms = ttl_ms;
    }

    /// Number of values held (placeholders and surrogates).
    pub fn len(&self) -> usize {
        self.originals.len() + self.surrogates.len()
    }

    /// True when the vault holds nothing.
    pub fn is_empty(&self) -> bool {
        self.originals.is_empty() && self.surrogates.is_empty()
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
            .flat_map(|c| c.lower())
            .collect()
    }

    fn entry(&self, entity: &Arc<str>, value: &str, norm: String) -> Entry {
        Entry {
            value: Arc::from(value),
            entity: entity.clone(),
            norm,
            created_ms: self.now_ms,
        }
    }

    /// The placeholder for `value` of type `entity`, allocating the next number if new.
    pub fn placeholder_for(&mut self, entity: &Arc<str>, value: &str) -> String {
        self.placeholder_in(entity, value, &HashMap::new())
    }

    /// [`Vault::placeholder_for`] for a value of `text`, where `typed` is
    /// [`restore::typed_placeholders`] of that text: a new number goes past every number the
    /// text already holds for this type, so `[EMAIL_ADDRESS_1]` typed by the user and the
    /// placeholder of a real address never coincide. The counter keeps the jump, so later
    /// messages do not reuse the number either (the model has seen it). Only the number is
    /// kept, never the typed text.
    pub(crate) fn placeholder_in(
        &mut self,
        entity: &Arc<str>,
        value: &str,
        typed: &HashMap<String, u32>,
    ) -> String {
        let norm = (entity.clone(), Vault::normalize(value));
        if let Some(p) = self.placeholders.get(&norm) {
            return p.clone();
        }
        let n = self.counters.entry(entity.clone()).or_insert(0);
        // Numbers far beyond any conversation's count are left alone: jumping there would
        // make placeholders longer than restore reads (six digits).
        if let Some(&t) = typed.get(&**entity).filter(|&&t| t < TYPED_NUMBER_LIMIT) {
            *n = (*n).max(t);
        }
        *n += 1;
        let p = placeholder::format(entity, *n);
        let e = self.entry(entity, value, norm.1.clone());
        self.originals.insert(p[1..p.len() - 1].to_string(), e);
        self.placeholders.insert(norm, p.clone());
        p
    }

    /// Moves the numbering of each type past the numbers `typed` (see
    /// [`restore::typed_placeholders`]) names: a request's history, system prompt or tool
    /// results may quote placeholders of an earlier page life, and a new value must never get
    /// one of their tokens. Numbers beyond restore's reach are left alone, as in
    /// [`Vault::placeholder_in`].
    pub(crate) fn number_past(&mut self, typed: &HashMap<String, u32>) {
        for (entity, &n) in typed {
            if n == 0 || n >= TYPED_NUMBER_LIMIT {
                continue;
            }
            let c = self.counters.entry(Arc::from(entity.as_str())).or_insert(0);
            *c = (*c).max(n);
        }
    }

    /// Each original this vault holds with the token that stands for it (its placeholder or
    /// surrogate): what [`crate::Guard::mask_originals`] keeps out of other requests.
    pub(crate) fn kept(&self) -> impl Iterator<Item = (&str, &str)> {
        let placeholders = self.originals.values().filter_map(|e| {
            let p = self.placeholders.get(&(e.entity.clone(), e.norm.clone()))?;
            Some((&*e.value, p.as_str()))
        });
        let surrogates = self.surrogates.values().filter_map(|e| {
            let s = self.surrogate_of.get(&(e.entity.clone(), e.norm.clone()))?;
            Some((&*e.value, s.as_str()))
        });
        placeholders.chain(surrogates)
    }

    /// A copy holding only the values whose placeholder or surrogate occurs in `sent` (a
    /// request as it left): what an answer to that request can legitimately quote. An answer
    /// to a request that carried none restores nothing, and a token issued for another
    /// conversation of the same guard is never restored into this one.
    pub fn scoped_to(&self, sent: &str) -> Vault {
        let lower = sent.to_ascii_lowercase();
        let originals: HashMap<String, Entry> = self
            .originals
            .iter()
            .filter(|(k, _)| sent.contains(&format!("[{k}]")))
            .map(|(k, e)| (k.clone(), e.clone()))
            .collect();
        let surrogates: HashMap<String, Entry> = self
            .surrogates
            .iter()
            .filter(|(s, _)| lower.contains(s.as_str()))
            .map(|(k, e)| (k.clone(), e.clone()))
            .collect();
        Vault {
            placeholders: self
                .placeholders
                .iter()
                .filter(|(_, p)| originals.contains_key(&p[1..p.len() - 1]))
                .map(|(k, p)| (k.clone(), p.clone()))
                .collect(),
            surrogate_of: self
                .surrogate_of
                .iter()
                .filter(|(_, s)| surrogates.contains_key(&s.to_ascii_lowercase()))
                .map(|(k, s)| (k.clone(), s.clone()))
                .collect(),
            originals,
            surrogates,
            counters: self.counters.clone(),
            now_ms: self.now_ms,
            ttl_ms: self.ttl_ms,
        }
    }

    /// The surrogate for `value` of type `entity` (see [`crate::operators::surrogate`]),
    /// remembered so the answer can be restored. `key` is the conversation's secret key;
    /// `accept` may reject a candidate (the caller checks it is detected as the same kind), in
    /// which case another is drawn. `None` when the type has no generator or no acceptable,
    /// collision-free surrogate was found: the caller then falls back to a placeholder.
    pub fn surrogate_for(
        &mut self,
        entity: &Arc<str>,
        value: &str,
        key: &[u8],
        accept: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let norm = Vault::normalize(value);
        if let Some(s) = self.surrogate_of.get(&(entity.clone(), norm.clone())) {
            return Some(s.clone());
        }
        for attempt in 0..8 {
            let s = crate::operators::surrogate(entity, value, key, attempt)?;
            let s_norm = Vault::normalize(&s);
            let regrouped = restore::regroupable(entity).then(|| restore::compact(&s));
            let clash = s.len() > MAX_MATCH
                || self.surrogates.contains_key(&s.to_ascii_lowercase())
                || regrouped
                    .as_ref()
                    .is_some_and(|c| self.surrogates.keys().any(|k| restore::compact(k) == *c))
                || self
                    .originals
                    .values()
                    .chain(self.surrogates.values())
                    .any(|e| e.norm == s_norm);
            if clash || !accept(&s) {
                continue;
            }
            let e = self.entry(entity, value, norm.clone());
            self.surrogates.insert(s.to_ascii_lowercase(), e);
            self.surrogate_of.insert((entity.clone(), norm), s.clone());
            return Some(s);
        }
        None
    }

    /// Replaces every finding (byte offsets, sorted, non-overlapping, as [`crate::Engine::scan`]
    /// returns them) with its placeholder.
    pub fn pseudonymize(&mut self, text: &str, findings: &[Finding]) -> String {
        let typed = restore::typed_placeholders(text, findings.iter().map(|f| &*f.entity));
        crate::operators::splice(text, findings, |f, v| {
            Some(self.placeholder_in(&f.entity, v, &typed))
        })
    }

    fn surrogate_index(&self) -> Option<Surrogates> {
        Surrogates::new(
            self.surrogates
                .iter()
                .map(|(s, e)| (s.as_str(), &*e.entity, e.value.clone())),
        )
    }

    /// What restore reads: the issued placeholders and the surrogates, with their originals.
    pub(crate) fn issued(&self) -> Issued {
        Issued {
            keys: self
                .originals
                .iter()
                .map(|(k, e)| (k.clone(), e.value.clone()))
                .collect(),
            surrogates: self.surrogate_index(),
        }
    }

    /// Puts originals back wherever a placeholder or surrogate of this vault appears, in the
    /// forms models echo (see [`crate::RestoreOptions`]'s defaults: never into a URL or an HTML
    /// attribute). Unknown placeholders are left as they are.
    pub fn restore(&self, text: &str) -> String {
        self.restore_with(text, &RestoreOptions::default())
    }

    /// [`Vault::restore`] for JSON text (tool-call arguments): placeholders written with
    /// escapes are recognised and originals are inserted JSON-escaped, so the result is still
    /// valid JSON.
    pub fn restore_json(&self, json: &str) -> String {
        self.restore_json_with(json, &RestoreOptions::default())
    }

    /// Forgets every placeholder and surrogate whose original is `value` (up to
    /// normalization): the right to erasure for one value. Returns how many entries were
    /// removed.
    pub fn forget(&mut self, value: &str) -> usize {
        let norm = Vault::normalize(value);
        self.remove_where(|e| e.norm == norm)
    }

    fn remove_where(&mut self, gone: impl Fn(&Entry) -> bool) -> usize {
        let before = self.len();
        self.originals.retain(|_, e| !gone(e));
        self.surrogates.retain(|_, e| !gone(e));
        let originals = &self.originals;
        self.placeholders
            .retain(|_, p| originals.contains_key(&p[1..p.len() - 1]));
        let surrogates = &self.surrogates;
        self.surrogate_of
            .retain(|_, s| surrogates.contains_key(&s.to_ascii_lowercase()));
        before - self.len()
    }

    /// Forgets everything. Numbering restarts; the time-to-live and clock stay.
    pub fn forget_all(&mut self) {
        *self = Vault {
            ttl_ms: self.ttl_ms,
            now_ms: self.now_ms,
            ..Vault::default()
        };
    }

    /// Advances the vault's clock to `now_ms` (Unix ms) and forgets entries older than the
    /// time-to-live. Returns how many were removed.
    pub fn expire(&mut self, now_ms: u64) -> usize {
        self.now_ms = self.now_ms.max(now_ms);
        if self.ttl_ms == 0 {
            return 0;
        }
        let (now, ttl) = (self.now_ms, self.ttl_ms);
        self.remove_where(|e| e.created_ms.saturating_add(ttl) <= now)
    }

    /// A restorer for a streamed plain-text answer, with a snapshot of this vault's mapping.
    pub fn stream_restorer(&self) -> StreamRestorer {
        self.stream_restorer_with(RestoreMode::Text)
    }

    /// A restorer for a streamed answer in the given mode.
    pub fn stream_restorer_with(&self, mode: RestoreMode) -> StreamRestorer {
        self.stream_restorer_for(mode, &RestoreOptions::default())
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

    fn email_at(text: &str, value: &str) -> Finding {
        let start = text.find(value).expect("value in text");
        Finding {
            start,
            end: start + value.len(),
            entity: "EMAIL_ADDRESS".into(),
            score: 0.9,
            rule: "email".into(),
            reason: Default::default(),
        }
    }

    #[test]
    fn placeholders_never_take_a_token_the_text_already_holds() {
        let mut v = Vault::new();
        // Typed by the user (or pasted), in the shapes restore reads: bracketed, bare
        // upper case with a space. A real address in the same message must get another token.
        let text = "Fill [EMAIL_ADDRESS_1] and EMAIL ADDRESS 2 with jane@example.com";
        let out = v.pseudonymize(text, &[email_at(text, "jane@example.com")]);
        assert_eq!(
            out,
            "Fill [EMAIL_ADDRESS_1] and EMAIL ADDRESS 2 with [EMAIL_ADDRESS_3]"
        );
        // The model's answer: the typed tokens stay as typed, ours comes back.
        assert_eq!(
            v.restore("[EMAIL_ADDRESS_1], [EMAIL_ADDRESS_2], [EMAIL_ADDRESS_3]"),
            "[EMAIL_ADDRESS_1], [EMAIL_ADDRESS_2], jane@example.com"
        );
        // Later messages go on past the jump: the model has seen the typed numbers.
        let next = "and bob@example.org";
        assert_eq!(
            v.pseudonymize(next, &[email_at(next, "bob@example.org")]),
            "and [EMAIL_ADDRESS_4]"
        );
        // Other types, lower-case prose and absurd numbers leave the numbering alone.
        let mut w = Vault::new();
        let text = "[PERSON_7], email address 5, [EMAIL_ADDRESS_999999] x@example.com";
        assert_eq!(
            w.pseudonymize(text, &[email_at(text, "x@example.com")]),
            "[PERSON_7], email address 5, [EMAIL_ADDRESS_999999] [EMAIL_ADDRESS_1]"
        );
    }

    #[test]
    fn typed_placeholders_are_read_as_restore_reads_them() {
        let text = "Dear PERSON_2, see <iban code 4> and {EMAIL_ADDRESS #12}; room 101; [PERSON-1]";
        let typed =
            restore::typed_placeholders(text, ["PERSON", "IBAN_CODE", "EMAIL_ADDRESS", "ROOM"]);
        assert_eq!(typed.get("PERSON"), Some(&2));
        assert_eq!(typed.get("IBAN_CODE"), Some(&4));
        assert_eq!(typed.get("EMAIL_ADDRESS"), Some(&12));
        // Lower-case prose is not a placeholder; names not asked for are not kept.
        assert_eq!(typed.get("ROOM"), Some(&0));
        assert_eq!(typed.len(), 4);
        assert!(restore::typed_placeholders(text, []).is_empty());
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
