//! One request from prepare to commit: its texts are parsed and planned once
//! ([`Guard::prepare_body`], [`Guard::prepare_text`]), and the consent dialog's preview and the
//! commit both use that same [`Prepared`] — so what the dialog showed is what is sent, even
//! when the allow-list changes while the dialog is open.

use super::Guard;
use crate::consent::{self, Answer, ConsentError, Decision, PerFinding, Plan};
use crate::{Action, PayloadError, PayloadOptions, Receipt, RequestBody, Vault};

/// The path of a plain text (not a request body) in receipts and consent items.
pub const PLAIN_TEXT_PATH: &str = "text";

/// A request's user texts and their plans, made once.
#[derive(Clone)]
pub struct Prepared {
    /// The parsed body, to rebuild; `None` for a plain text.
    body: Option<RequestBody>,
    /// (path, text) of each user text, in document order.
    fields: Vec<(String, String)>,
    plans: Vec<Plan>,
    /// The conversation whose vault numbers and keeps its values (`None`: the guard's
    /// default one).
    conversation: Option<String>,
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The texts are the user's: counts only.
        f.debug_struct("Prepared")
            .field("body", &self.body.is_some())
            .field("fields", &self.fields.len())
            .field(
                "findings",
                &self.plans.iter().map(|p| p.items.len()).sum::<usize>(),
            )
            .finish()
    }
}

impl Prepared {
    /// The conversation the request was prepared for ([`Guard::prepare_body`]).
    pub fn conversation(&self) -> Option<&str> {
        self.conversation.as_deref()
    }

    /// Each user text with its path and plan, in document order.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str, &Plan)> {
        self.fields
            .iter()
            .zip(&self.plans)
            .map(|((p, t), plan)| (p.as_str(), t.as_str(), plan))
    }

    /// How many user texts the request has.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when the request has no user text.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// How many texts have findings (each gets a receipt when committed).
    pub fn texts_with_findings(&self) -> usize {
        self.plans.iter().filter(|p| !p.items.is_empty()).count()
    }

    /// The first finding the policy blocks, as an error: no answer makes such a request
    /// sendable, so it is refused before anyone is asked.
    pub fn blocked(&self) -> Result<(), ConsentError> {
        for plan in &self.plans {
            if let Some(item) = plan.items.iter().find(|x| x.action == Action::Block) {
                return Err(ConsentError::Blocked {
                    index: item.index,
                    entity: item.finding.entity.to_string(),
                });
            }
        }
        Ok(())
    }

    /// The decisions per text for a dialog's `answer` and the per-finding answers
    /// (`choices[text][finding]`, or empty for none); see [`Plan::decisions_for`].
    fn decisions(
        &self,
        answer: Answer,
        choices: &[Vec<Option<PerFinding>>],
    ) -> Result<Vec<Vec<Decision>>, ConsentError> {
        if !choices.is_empty() && choices.len() != self.plans.len() {
            return Err(ConsentError::ChoicesMismatch);
        }
        self.blocked()?;
        self.plans
            .iter()
            .enumerate()
            .map(|(i, p)| p.decisions_for(answer, choices.get(i).map(Vec::as_slice)))
            .collect()
    }

    /// New placeholder numbers go past every placeholder-looking token of the whole request
    /// (history included), for the types its plans found.
    fn number_past(&self, vault: &mut Vault) {
        let entities: Vec<&str> = self
            .plans
            .iter()
            .flat_map(|p| p.items.iter().map(|i| &*i.finding.entity))
            .collect();
        if entities.is_empty() {
            return;
        }
        for (_, text) in &self.fields {
            let typed = crate::restore::typed_placeholders(text, entities.iter().copied());
            vault.number_past(&typed);
        }
    }
}

/// A committed request: the texts (and body) to send and the receipts of the texts that had
/// findings.
#[derive(Clone)]
pub struct Committed {
    /// The new text of each field, in order.
    pub texts: Vec<String>,
    /// The rebuilt body (a prepared body only; the original body text when nothing changed is
    /// the caller's to keep).
    pub body: Option<String>,
    /// True when any text changed.
    pub changed: bool,
    /// One receipt per text that had findings, in order.
    pub receipts: Vec<Receipt>,
}

impl std::fmt::Debug for Committed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The texts may carry values the user allowed: counts only.
        f.debug_struct("Committed")
            .field("texts", &self.texts.len())
            .field("changed", &self.changed)
            .field("receipts", &self.receipts)
            .finish()
    }
}

/// Why a prepared request could not be committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// The answer cannot be applied (a block, a missing decision, choices for other findings).
    Consent(ConsentError),
    /// The body could not be rebuilt with the new texts.
    Payload(PayloadError),
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::Consent(e) => e.fmt(f),
            RequestError::Payload(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for RequestError {}

impl From<ConsentError> for RequestError {
    fn from(e: ConsentError) -> Self {
        RequestError::Consent(e)
    }
}

impl Guard {
    /// Parses a request body of `conversation` (`None`: the guard's default one) and plans
    /// each of its user texts, once: preview and commit use the result. The conversation's
    /// vault numbers and keeps its values, apart from every other conversation of the guard,
    /// and its "always allow" answers count in the plans.
    pub fn prepare_body(
        &self,
        body: &str,
        options: &PayloadOptions,
        conversation: Option<&str>,
    ) -> Result<Prepared, PayloadError> {
        let req = RequestBody::parse(body, options)?;
        let fields: Vec<(String, String)> = req
            .fields()
            .iter()
            .map(|f| (f.path.clone(), f.text.clone()))
            .collect();
        let plans = fields
            .iter()
            .map(|(_, t)| self.plan_in(conversation, t))
            .collect();
        Ok(Prepared {
            body: Some(req),
            fields,
            plans,
            conversation: conversation.map(str::to_string),
        })
    }

    /// Plans one plain text (path [`PLAIN_TEXT_PATH`]) for preview and commit.
    pub fn prepare_text(&self, text: &str) -> Prepared {
        Prepared {
            body: None,
            plans: vec![self.plan(text)],
            fields: vec![(PLAIN_TEXT_PATH.into(), text.into())],
            conversation: None,
        }
    }

    /// What [`Guard::commit`] would send for each text of `prepared` with this answer, without
    /// changing the guard (a copy of the vault is numbered and filled the same way).
    pub fn preview(
        &self,
        prepared: &Prepared,
        answer: Answer,
        choices: &[Vec<Option<PerFinding>>],
        now_ms: u64,
    ) -> Result<Vec<String>, ConsentError> {
        let decisions = prepared.decisions(answer, choices)?;
        let mut vault = match self.vault_of(prepared.conversation()) {
            Some(v) => v.clone(),
            None => Vault::with_ttl(self.vault.ttl_ms()),
        };
        vault.expire(now_ms);
        prepared.number_past(&mut vault);
        let engine = &self.engine;
        let accept = |entity: &str, s: &str| super::surrogate_detected(engine, entity, s);
        let mut out = Vec::with_capacity(prepared.len());
        for ((_, text, plan), d) in prepared.fields().zip(&decisions) {
            if plan.items.is_empty() {
                out.push(text.to_string());
                continue;
            }
            let ctx = self.preview_context(now_ms, &accept);
            out.push(consent::build_outgoing(text, plan, d, &mut vault, &ctx)?.text);
        }
        Ok(out)
    }

    /// Applies `answer` and the per-finding `choices` to `prepared` with the plans it was
    /// prepared with (never planned again): fills the vault, records one receipt per text
    /// with findings (`receipt_id` gives 16 random bytes for each) and keeps the user's
    /// "always allow" answers. A block anywhere refuses before anything changes.
    pub fn commit(
        &mut self,
        prepared: &Prepared,
        answer: Answer,
        choices: &[Vec<Option<PerFinding>>],
        now_ms: u64,
        receipt_id: &mut dyn FnMut() -> [u8; 16],
        purpose: &str,
    ) -> Result<Committed, RequestError> {
        let decisions = prepared.decisions(answer, choices)?;
        self.in_conversation(prepared.conversation(), |g| {
            g.commit_in_vault(prepared, &decisions, now_ms, receipt_id, purpose)
        })
    }

    /// [`Guard::commit`] with the request's conversation vault in place.
    fn commit_in_vault(
        &mut self,
        prepared: &Prepared,
        decisions: &[Vec<Decision>],
        now_ms: u64,
        receipt_id: &mut dyn FnMut() -> [u8; 16],
        purpose: &str,
    ) -> Result<Committed, RequestError> {
        self.expire(now_ms);
        prepared.number_past(&mut self.vault);
        let mut texts = Vec::with_capacity(prepared.len());
        let mut receipts = Vec::new();
        for ((_, text, plan), d) in prepared.fields().zip(decisions) {
            if plan.items.is_empty() {
                texts.push(text.to_string());
                continue;
            }
            let sent = self.apply_plan_in(
                prepared.conversation(),
                text,
                plan,
                d,
                now_ms,
                receipt_id(),
                purpose,
            )?;
            texts.push(sent.text);
            receipts.push(sent.receipt);
        }
        let changed = texts
            .iter()
            .zip(prepared.fields())
            .any(|(new, (_, old, _))| new != old);
        let body = match &prepared.body {
            Some(req) if changed => {
                Some(req.clone().rebuild(&texts).map_err(RequestError::Payload)?)
            }
            _ => None,
        };
        Ok(Committed {
            texts,
            body,
            changed,
            receipts,
        })
    }
}
