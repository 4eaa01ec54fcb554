//! [`Guard`]: the one object an application (or the wasm/npm layer) holds per conversation:
//! policy, engine, vault and receipt chain together.

use crate::consent::{self, BuildContext, ConsentError, Decision, Outgoing, Plan};
use crate::operators::SecretPrefix;
use crate::receipt::ReceiptChain;
use crate::{
    Action, CompiledPolicy, Engine, Finding, PolicyError, RestoreMode, StreamRestorer, Vault,
};
use std::sync::atomic::{AtomicU64, Ordering};

mod allowed;
mod elsewhere;
mod request;
pub use allowed::AllowedValues;
pub use request::{Committed, Prepared, RequestError, PLAIN_TEXT_PATH};

/// Policy, engine, vault and receipts for one conversation.
///
/// Nothing here reads a clock or a random source (neither exists for the core in a browser's
/// WebAssembly): the caller passes the time and random bytes.
///
/// ```
/// use pii_airlock::{Choice, Decision, Guard, CompiledPolicy, Target};
///
/// let policy = CompiledPolicy::preset("gdpr").unwrap();
/// let mut guard = Guard::new(policy, b"app receipt key", [9u8; 32]).unwrap();
/// let text = "Write to jane.doe@example.com, card 4111 1111 1111 1111.";
///
/// let plan = guard.plan(text);
/// assert_eq!(plan.items.len(), 2);
///
/// // The user decides about nothing here: gdpr pseudonymizes both without asking.
/// let out = guard.apply(text, &[], 1_700_000_000_000, [1u8; 16], "chat").unwrap();
/// assert_eq!(out.text, "Write to [EMAIL_ADDRESS_1], card [CREDIT_CARD_1].");
/// assert!(!serde_json::to_string(&out.receipt).unwrap().contains("jane"));
/// assert!(guard.receipts().verify().is_ok());
///
/// // The answer comes back with placeholders, whole or streamed.
/// assert_eq!(guard.restore("Sent to [EMAIL_ADDRESS_1]."), "Sent to jane.doe@example.com.");
/// let mut s = guard.stream_restorer();
/// let mut answer = s.push("Sent to [EMAIL_AD");
/// answer += &s.push("DRESS_1].");
/// answer += &s.finish();
/// assert_eq!(answer, "Sent to jane.doe@example.com.");
/// # let _ = (Choice::Redact, Target::Finding { index: 0 }, Vec::<Decision>::new());
/// ```
pub struct Guard {
    engine: Engine,
    policy: CompiledPolicy,
    /// The vault of requests that name no conversation.
    vault: Vault,
    /// One vault per named conversation: numbering and restore never cross between them.
    conversations: std::collections::BTreeMap<String, Vault>,
    chain: ReceiptChain,
    /// The user's "always allow" answers for this session (keyed hashes, expiring).
    allowed: AllowedValues,
    receipt_key: Vec<u8>,
    conversation_key: [u8; 32],
    secret_prefix: Option<SecretPrefix>,
    /// Texts scanned so far: a diagnostic, so tests can prove a request is planned once.
    scans: AtomicU64,
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guard")
            .field("policy", &self.policy.id())
            .field("vault", &self.vault)
            .field("conversations", &self.conversations.len())
            .field("allowed", &self.allowed.len())
            .field("receipts", &self.chain.receipts.len())
            .finish()
    }
}

impl Guard {
    /// Builds the engine for `policy`. `receipt_key` keys the receipts' text HMAC (the
    /// application keeps it to verify receipts later); `conversation_key` is 32 random bytes
    /// for this conversation (it seeds surrogates).
    pub fn new(
        policy: CompiledPolicy,
        receipt_key: &[u8],
        conversation_key: [u8; 32],
    ) -> Result<Guard, PolicyError> {
        Guard::with_gazetteer(policy, receipt_key, conversation_key, None)
    }

    /// [`Guard::new`] with the name list for the names pass (`None`: the default, see
    /// [`crate::EngineOptions::gazetteer`]); builds without the embedded list pass the one
    /// they loaded.
    pub fn with_gazetteer(
        policy: CompiledPolicy,
        receipt_key: &[u8],
        conversation_key: [u8; 32],
        gazetteer: Option<std::sync::Arc<crate::Gazetteer>>,
    ) -> Result<Guard, PolicyError> {
        let engine = policy.engine_with_gazetteer(gazetteer)?;
        let ttl = policy.vault().ttl_minutes.saturating_mul(60_000);
        Ok(Guard {
            engine,
            vault: Vault::with_ttl(ttl),
            conversations: Default::default(),
            allowed: AllowedValues::new(&conversation_key, ttl),
            policy,
            chain: ReceiptChain::new(),
            receipt_key: receipt_key.to_vec(),
            conversation_key,
            // The built-in secret rules know which prefix of each key is public (`sk-proj-`, `ghp_`).
            secret_prefix: Some(crate::public_prefix_len),
            scans: AtomicU64::new(0),
        })
    }

    /// Sets how many leading characters of a secret are public (kept by `mask`).
    pub fn set_secret_prefix(&mut self, f: SecretPrefix) {
        self.secret_prefix = Some(f);
    }

    /// The policy.
    pub fn policy(&self) -> &CompiledPolicy {
        &self.policy
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Findings in `text` (byte offsets; see [`crate::convert_offsets`]), including the
    /// policy's deny-list hits.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        self.scans.fetch_add(1, Ordering::Relaxed);
        self.policy.apply_deny_list(text, self.engine.scan(text))
    }

    /// How many texts this guard has scanned (each [`Guard::scan`] and [`Guard::plan`]): a
    /// diagnostic for tests and benchmarks.
    pub fn scan_count(&self) -> u64 {
        self.scans.load(Ordering::Relaxed)
    }

    /// What the policy does with each finding of `text`.
    pub fn plan(&self, text: &str) -> Plan {
        self.plan_in(None, text)
    }

    /// [`Guard::plan`] for a text of `conversation`: its "always allow" answers count too.
    fn plan_in(&self, conversation: Option<&str>, text: &str) -> Plan {
        let allowed =
            |entity: &str, value: &str| self.allowed.contains(conversation, entity, value);
        consent::plan(text, &self.scan(text), &self.policy, &allowed)
    }

    /// Builds the outgoing text for `text` with the user's decisions, records its receipt in
    /// the chain and returns both. Expires vault entries and receipts first (`now_ms`: Unix
    /// ms from the caller's clock; `receipt_id`: 16 random bytes).
    pub fn apply(
        &mut self,
        text: &str,
        decisions: &[Decision],
        now_ms: u64,
        receipt_id: [u8; 16],
        purpose: &str,
    ) -> Result<Outgoing, ConsentError> {
        let plan = self.plan(text);
        self.apply_plan(text, &plan, decisions, now_ms, receipt_id, purpose)
    }

    /// [`Guard::apply`] with a plan the caller already showed the user.
    pub fn apply_plan(
        &mut self,
        text: &str,
        plan: &Plan,
        decisions: &[Decision],
        now_ms: u64,
        receipt_id: [u8; 16],
        purpose: &str,
    ) -> Result<Outgoing, ConsentError> {
        self.apply_plan_in(None, text, plan, decisions, now_ms, receipt_id, purpose)
    }

    /// [`Guard::apply_plan`] for a text of `conversation`: an "always allow" answer holds in
    /// that conversation (`None`: in every conversation of the session).
    #[allow(clippy::too_many_arguments)]
    fn apply_plan_in(
        &mut self,
        conversation: Option<&str>,
        text: &str,
        plan: &Plan,
        decisions: &[Decision],
        now_ms: u64,
        receipt_id: [u8; 16],
        purpose: &str,
    ) -> Result<Outgoing, ConsentError> {
        self.expire(now_ms);
        let engine = &self.engine;
        let accept = |entity: &str, s: &str| surrogate_detected(engine, entity, s);
        let head = self.chain.head().to_string();
        let ctx = BuildContext {
            policy: &self.policy,
            conversation_key: &self.conversation_key,
            receipt_key: &self.receipt_key,
            receipt_id,
            now_ms,
            purpose,
            prev_hash: &head,
            secret_prefix: self.secret_prefix,
            accept_surrogate: &accept,
        };
        let out = consent::build_outgoing(text, plan, decisions, &mut self.vault, &ctx)?;
        // "Always allow" answers hold from now on; the receipt says which, never the value.
        for d in out.receipt.body.decisions.iter().filter(|d| d.always_allow) {
            let f = &plan.items[d.index].finding;
            if let Some(value) = text.get(f.start..f.end) {
                self.allowed.insert(conversation, &f.entity, value, now_ms);
            }
        }
        self.chain
            .push(out.receipt.clone())
            .expect("the receipt points to the head it was built from");
        Ok(out)
    }

    /// Makes new placeholder numbers go past every placeholder-looking token of `texts`, for
    /// the types `plans` found: call it with every text of a request (history included)
    /// before applying any of them, so a value never gets a token the request already holds
    /// for something else.
    pub fn number_past(&mut self, texts: &[&str], plans: &[Plan]) {
        let entities: Vec<&str> = plans
            .iter()
            .flat_map(|p| p.items.iter().map(|i| &*i.finding.entity))
            .collect();
        if entities.is_empty() {
            return;
        }
        for text in texts {
            let typed = crate::restore::typed_placeholders(text, entities.iter().copied());
            self.vault.number_past(&typed);
        }
    }

    /// The values an answer to the request `sent` (as it left) may have restored: those
    /// whose placeholder or surrogate `sent` carries, minus what expired by `now_ms` (the
    /// time-to-live holds on restore too, not only when a message is sent). A request that
    /// continues a history the provider keeps (see [`crate::continues_server_history`])
    /// gets every value of the guard: its answer may quote what earlier requests carried.
    pub fn answer_vault(&mut self, sent: &str, now_ms: u64) -> Vault {
        self.answer_vault_in(None, sent, now_ms)
    }

    /// [`Guard::answer_vault`] for a request of the named `conversation` (`None`: the
    /// requests that name none): only that conversation's values, also when the request
    /// continues a history the provider keeps.
    pub fn answer_vault_in(
        &mut self,
        conversation: Option<&str>,
        sent: &str,
        now_ms: u64,
    ) -> Vault {
        let Some(vault) = self.conversation_vault(conversation) else {
            return Vault::with_ttl(self.vault.ttl_ms());
        };
        vault.expire(now_ms);
        if crate::payload::continues_server_history(sent) {
            return vault.clone();
        }
        vault.scoped_to(sent)
    }

    /// Every value of `conversation` (`None`: the requests that name none), expired ones
    /// dropped by `now_ms`: what restores the answers of a channel that carries a whole
    /// conversation (a Realtime socket or data channel) and of reads that send no body (a
    /// message batch's results).
    pub fn conversation_values(&mut self, conversation: Option<&str>, now_ms: u64) -> Vault {
        let ttl = self.vault.ttl_ms();
        match self.conversation_vault(conversation) {
            Some(vault) => {
                vault.expire(now_ms);
                vault.clone()
            }
            None => Vault::with_ttl(ttl),
        }
    }

    /// The vault of `conversation`, if it has one yet.
    fn conversation_vault(&mut self, conversation: Option<&str>) -> Option<&mut Vault> {
        match conversation {
            None => Some(&mut self.vault),
            Some(id) => self.conversations.get_mut(id),
        }
    }

    /// The vault of `conversation` to read (`None` before it has one).
    fn vault_of(&self, conversation: Option<&str>) -> Option<&Vault> {
        match conversation {
            None => Some(&self.vault),
            Some(id) => self.conversations.get(id),
        }
    }

    /// Runs `f` with `conversation`'s vault in place of the default one, so everything that
    /// fills or numbers the vault works on that conversation's alone.
    fn in_conversation<T>(
        &mut self,
        conversation: Option<&str>,
        f: impl FnOnce(&mut Guard) -> T,
    ) -> T {
        let Some(id) = conversation else {
            return f(self);
        };
        let fresh = || Vault::with_ttl(self.vault.ttl_ms());
        let mut v = self.conversations.remove(id).unwrap_or_else(fresh);
        std::mem::swap(&mut self.vault, &mut v);
        let out = f(self);
        std::mem::swap(&mut self.vault, &mut v);
        self.conversations.insert(id.to_string(), v);
        out
    }

    /// Forgets one value's placeholders and surrogates in every conversation (right to
    /// erasure); returns how many were removed.
    pub fn forget(&mut self, value: &str) -> usize {
        self.vault.forget(value)
            + self
                .conversations
                .values_mut()
                .map(|v| v.forget(value))
                .sum::<usize>()
    }

    /// Forgets every placeholder of every conversation.
    pub fn forget_all(&mut self) {
        self.vault.forget_all();
        self.conversations.clear();
    }

    /// What [`Guard::apply_plan`] would send, without filling the vault or the receipt
    /// chain (a copy of the vault is used): a consent dialog's preview.
    pub fn preview_plan(
        &self,
        text: &str,
        plan: &Plan,
        decisions: &[Decision],
        now_ms: u64,
    ) -> Result<String, ConsentError> {
        let mut vault = self.vault.clone();
        vault.expire(now_ms);
        let engine = &self.engine;
        let accept = |entity: &str, s: &str| surrogate_detected(engine, entity, s);
        let ctx = self.preview_context(now_ms, &accept);
        Ok(consent::build_outgoing(text, plan, decisions, &mut vault, &ctx)?.text)
    }

    /// What a preview builds outgoing text with: this guard's keys and chain head, no receipt
    /// (its id stays zero and the receipt is dropped).
    pub(crate) fn preview_context<'a>(
        &'a self,
        now_ms: u64,
        accept_surrogate: &'a dyn Fn(&str, &str) -> bool,
    ) -> BuildContext<'a> {
        BuildContext {
            policy: &self.policy,
            conversation_key: &self.conversation_key,
            receipt_key: &self.receipt_key,
            receipt_id: [0; 16],
            now_ms,
            purpose: "preview",
            prev_hash: self.chain.head(),
            secret_prefix: self.secret_prefix,
            accept_surrogate,
        }
    }

    /// Sends `value` of type `entity` as typed from now on in every conversation of this
    /// session (the user's "always allow" on a highlight), until the policy's vault
    /// time-to-live has passed since `now_ms` or [`Guard::reset_allowed_values`]. An answer
    /// given in a request's dialog holds in that request's conversation only (see
    /// [`Guard::commit`]). Refused where the policy forbids sending as typed,
    /// blocks the type, or the type is the deny-list's.
    pub fn allow_value(
        &mut self,
        entity: &str,
        value: &str,
        now_ms: u64,
    ) -> Result<(), AllowRefused> {
        if !self.policy.consent().allow_send_as_typed {
            return Err(AllowRefused::SendAsTypedNotPermitted);
        }
        if entity == crate::DENY_ENTITY || self.policy.action_for(entity).0 == Action::Block {
            return Err(AllowRefused::Blocked);
        }
        self.allowed.insert(None, entity, value, now_ms);
        Ok(())
    }

    /// Forgets every "always allow" answer of this session.
    pub fn reset_allowed_values(&mut self) {
        self.allowed.clear();
    }

    /// The session's "always allow" answers (keyed hashes only).
    pub fn allowed_values(&self) -> &AllowedValues {
        &self.allowed
    }

    /// Takes another guard's "always allow" answers (a scanning worker's copy of this one).
    pub fn set_allowed_values(&mut self, allowed: AllowedValues) {
        self.allowed = allowed;
    }

    /// Forgets expired vault entries, "always allow" answers and receipts past their
    /// retention.
    pub fn expire(&mut self, now_ms: u64) {
        self.vault.expire(now_ms);
        self.allowed.expire(now_ms);
        for v in self.conversations.values_mut() {
            v.expire(now_ms);
        }
        self.chain
            .expire(now_ms, self.policy.receipts().retention_days);
    }

    /// Restores originals in a whole answer.
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore(text)
    }

    /// Restores originals inside JSON text (tool-call arguments), escaping what it inserts.
    pub fn restore_json(&self, json: &str) -> String {
        self.vault.restore_json(json)
    }

    /// A restorer for a streamed plain-text answer.
    pub fn stream_restorer(&self) -> StreamRestorer {
        self.vault.stream_restorer()
    }

    /// A restorer for streamed JSON (tool-call arguments).
    pub fn json_stream_restorer(&self) -> StreamRestorer {
        self.vault.stream_restorer_with(RestoreMode::Json)
    }

    /// Replaces the vault with one read from an encrypted blob ([`Vault::export_encrypted`]):
    /// it takes this policy's time-to-live and drops what expired by `now_ms`, so a vault
    /// kept across a reload never outlives the policy.
    pub fn load_vault(
        &mut self,
        blob: &[u8],
        key: &[u8; 32],
        now_ms: u64,
    ) -> Result<(), crate::VaultError> {
        let mut v = Vault::import_encrypted(blob, key)?;
        v.set_ttl_ms(self.vault.ttl_ms());
        v.expire(now_ms);
        self.vault = v;
        Ok(())
    }

    /// The vault.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The vault, to forget values or import an encrypted one.
    pub fn vault_mut(&mut self) -> &mut Vault {
        &mut self.vault
    }

    /// The receipt chain.
    pub fn receipts(&self) -> &ReceiptChain {
        &self.chain
    }

    /// The receipt chain, to restore a persisted one.
    pub fn receipts_mut(&mut self) -> &mut ReceiptChain {
        &mut self.chain
    }
}

/// Why an "always allow" answer was refused ([`Guard::allow_value`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllowRefused {
    /// The policy does not let the user send values as typed.
    SendAsTypedNotPermitted,
    /// The policy blocks this type (or it is a deny-list hit): no answer sends it.
    Blocked,
}

impl std::fmt::Display for AllowRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AllowRefused::SendAsTypedNotPermitted => {
                "the policy does not let values be sent as typed"
            }
            AllowRefused::Blocked => "the policy blocks this type of value",
        })
    }
}

impl std::error::Error for AllowRefused {}

/// A surrogate is accepted when the engine finds it, whole, as the same type; types without
/// a pattern rule (names) cannot be checked here and are accepted.
pub(crate) fn surrogate_detected(engine: &Engine, entity: &str, s: &str) -> bool {
    if !engine.rules().iter().any(|r| &*r.entity == entity) {
        return true;
    }
    engine
        .scan(s)
        .iter()
        .any(|f| f.start == 0 && f.end == s.len() && &*f.entity == entity)
}
