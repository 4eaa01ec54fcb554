//! Asking and committing: which findings the user is asked about, one consent at a time, the
//! answer turned into the core's commit, and the receipts and events that follow. The core
//! decides what each answer does to the text; this file only carries it there.

use super::errors::{self, Reason};
use super::js;
use super::options::ConsentMode;
use super::State;
use crate::{Action, Answer, PerFinding};
use js_sys::{Array, Function, JsString, Promise};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// One piece of user text with its planned findings (the core's `PreparedField`).
pub struct Field {
    pub path: JsValue,
    pub text: JsString,
    pub findings: Vec<JsValue>,
}

impl Field {
    /// The text of a finding (UTF-16 offsets, as the core returns them).
    pub fn value(&self, finding: &JsValue) -> JsString {
        let at = |k| js::get(finding, k).as_f64().unwrap_or(0.0) as u32;
        self.text.slice(at("start"), at("end"))
    }
}

fn findings_of(v: &JsValue) -> Vec<JsValue> {
    v.dyn_ref::<Array>().map(|a| a.to_vec()).unwrap_or_default()
}

/// The core's `PreparedField[]`.
pub fn read_fields(v: &JsValue) -> Vec<Field> {
    findings_of(v)
        .iter()
        .map(|f| Field {
            path: js::get(f, "path"),
            text: js::get(f, "text").dyn_into().unwrap_or_default(),
            findings: findings_of(&js::get(f, "findings")),
        })
        .collect()
}

/// A request as the core prepared it: parsed and planned once, previewed and committed with
/// the same plans (the core's `Prepared`), and its fields as read from it.
pub struct Request {
    prepared: JsValue,
    fields: Vec<Field>,
}

impl Drop for Request {
    fn drop(&mut self) {
        // Its texts are the user's: free them now rather than at the next collection.
        let _ = js::call_method(&self.prepared, "free", &[]);
    }
}

/// The user's answer to a consent, typed: a dialog or callback answers with its id.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Send, with the core's meaning of the answer.
    Send(Answer),
    /// Do not send.
    Cancelled,
    /// Do not send; the user edits the text.
    Edit,
}

impl Verdict {
    /// The id events and `requestConsent` report.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Send(a) => a.id(),
            Verdict::Cancelled => "cancelled",
            Verdict::Edit => "edit",
        }
    }

    /// What a dialog or callback resolved with. Anything unknown, and "as-typed" where it
    /// was not offered, is a cancel: fail closed.
    fn from_js(v: &JsValue, allow_as_typed: bool) -> Verdict {
        match v.as_string().as_deref() {
            Some("edit") => Verdict::Edit,
            Some(id) => match Answer::from_id(id) {
                Some(Answer::AsTyped) if !allow_as_typed => Verdict::Cancelled,
                Some(a) => Verdict::Send(a),
                None => Verdict::Cancelled,
            },
            None => Verdict::Cancelled,
        }
    }
}

/// What happens to a finding when the user sends, as the dialog shows it.
#[derive(Clone, Copy)]
enum Effect {
    /// Sent as typed.
    Send,
    /// A placeholder or surrogate.
    Replace,
    /// Redacted.
    Redact,
    /// Masked.
    Mask,
}

impl Effect {
    fn id(self) -> &'static str {
        match self {
            Effect::Send => "send",
            Effect::Replace => "replace",
            Effect::Redact => "redact",
            Effect::Mask => "mask",
        }
    }
}

/// The outcome of asking.
pub struct Outcome {
    /// The answer.
    pub decision: Verdict,
    /// Per field, per finding: the highlight choice or null (the core's `choices`).
    pub choices: Array,
    /// Whether anyone was asked.
    pub asked: bool,
}

/// A planned finding's action, typed (the core hands findings over as JS objects).
fn action_of(finding: &JsValue) -> Option<Action> {
    Action::from_id(&js::get(finding, "action").as_string()?)
}

/// What happens to a finding when the user sends; `None` for one that is neither shown nor
/// changed.
fn effect_of(action: Action, needs_decision: bool, choice: Option<PerFinding>) -> Option<Effect> {
    Some(match (choice, action) {
        (Some(PerFinding::AllowOnce | PerFinding::AlwaysAllow), _) => Effect::Send,
        (Some(PerFinding::Redact), _) => Effect::Replace,
        _ if needs_decision => Effect::Replace,
        (_, Action::Allow) => return None,
        (_, Action::Highlight) => Effect::Send,
        (_, Action::Redact | Action::Block) => Effect::Redact,
        (_, Action::Mask) => Effect::Mask,
        (_, Action::Ask | Action::Pseudonymize | Action::Synthesize) => Effect::Replace,
    })
}

impl State {
    /// Fails closed before anyone is asked: no answer could make a blocked finding sendable.
    fn blocked_by_policy(&self, fields: &[Field]) -> Result<(), JsValue> {
        for f in fields {
            if let Some(x) = f
                .findings
                .iter()
                .find(|x| action_of(x) == Some(Action::Block))
            {
                let entity = js::coerce(&js::get(x, "entity"))
                    .map(String::from)
                    .unwrap_or_default();
                let path = js::coerce(&f.path).map(String::from).unwrap_or_default();
                return Err(errors::blocked(
                    &self.glue,
                    Reason::PolicyBlock,
                    &format!("pii-airlock: the policy blocks {entity} in {path}; the request was not sent"),
                    None,
                ));
            }
        }
        Ok(())
    }

    fn choices_of(&self, fields: &[Field]) -> Array {
        fields
            .iter()
            .map(|f| {
                f.findings
                    .iter()
                    .map(|x| match self.choice_for(x, &f.value(x)) {
                        Some(c) => JsValue::from_str(c.id()),
                        None => JsValue::NULL,
                    })
                    .collect::<Array>()
            })
            .collect()
    }

    /// One consent at a time: two requests never open two dialogs.
    async fn decide(
        self: &Rc<Self>,
        fields: &[Field],
        return_focus: &JsValue,
        prepared: &JsValue,
    ) -> Result<Outcome, JsValue> {
        let mut open: Option<Function> = None;
        let gate = Promise::new(&mut |resolve, _| open = Some(resolve));
        let before = self.queue.replace(gate);
        // The promise before never rejects: it is a gate like this one.
        let _ = JsFuture::from(before).await;
        let result = self.decide_now(fields, return_focus, prepared).await;
        if let Some(open) = open {
            let _ = open.call0(&JsValue::UNDEFINED);
        }
        result
    }

    async fn decide_now(
        &self,
        fields: &[Field],
        return_focus: &JsValue,
        prepared: &JsValue,
    ) -> Result<Outcome, JsValue> {
        let choices = self.choices_of(fields);
        // `items`: what the policy leaves to the user (what "Send as typed" covers);
        // `listed`: every finding the user sees change or leave, so the dialog's list and
        // count agree with the page.
        let items = Array::new();
        let listed = Array::new();
        for (i, f) in fields.iter().enumerate() {
            let row: Array = choices.get(i as u32).unchecked_into();
            for (k, x) in f.findings.iter().enumerate() {
                let asked = js::truthy(&js::get(x, "needsDecision"));
                let choice = row
                    .get(k as u32)
                    .as_string()
                    .and_then(|c| PerFinding::from_id(&c));
                let Some(action) = action_of(x) else {
                    continue;
                };
                let Some(effect) = effect_of(action, asked, choice) else {
                    continue;
                };
                let note = match (choice, asked) {
                    (Some(PerFinding::AllowOnce), _) => js::get(&self.strings, "allowedOnce"),
                    (_, false) => js::get(&self.strings, "byPolicy"),
                    _ => JsValue::UNDEFINED,
                };
                let item = js::obj(&[
                    ("entity", &js::get(x, "entity")),
                    ("value", &f.value(x)),
                    ("finding", x),
                    ("field", &f.path),
                    ("effect", &effect.id().into()),
                    ("note", &note),
                    ("asked", &asked.into()),
                ]);
                if asked {
                    items.push(&item);
                }
                listed.push(&item);
            }
        }
        if items.length() == 0 {
            return Ok(Outcome {
                decision: Verdict::Send(Answer::Redacted),
                choices,
                asked: false,
            });
        }
        let allow = JsValue::from_bool(self.allow_as_typed);
        let answer = match &self.settings.consent {
            ConsentMode::Ask(f) => {
                let shown: Array = items
                    .iter()
                    .map(|it| {
                        js::obj(&[
                            ("entity", &js::get(&it, "entity")),
                            ("value", &js::get(&it, "value")),
                            ("field", &js::get(&it, "field")),
                            ("effect", &js::get(&it, "effect")),
                        ])
                    })
                    .collect();
                let request = js::obj(&[("items", &shown), ("allowAsTyped", &allow)]);
                let r = f.call1(&JsValue::UNDEFINED, &request)?;
                JsFuture::from(Promise::resolve(&r)).await?
            }
            ConsentMode::Redact => Answer::Redacted.id().into(),
            ConsentMode::Block => Verdict::Cancelled.id().into(),
            ConsentMode::Dialog if js::get(&self.env, "showConsentDialog").is_function() => {
                let previews = self.previews(fields, &choices, prepared)?;
                let request = js::obj(&[
                    ("items", &listed),
                    ("previews", &previews),
                    ("strings", &self.strings),
                    ("allowAsTyped", &allow),
                    ("returnFocus", return_focus),
                ]);
                let r = js::call_method(&self.env, "showConsentDialog", &[&request])?;
                let answer = JsFuture::from(Promise::resolve(&r)).await?;
                if Verdict::from_js(&answer, self.allow_as_typed) == Verdict::Edit {
                    edit_focus(return_focus, &items);
                }
                answer
            }
            ConsentMode::Dialog => {
                return Err(errors::config(
                    &self.glue,
                    "consent mode \"dialog\" is not available here",
                ))
            }
        };
        Ok(Outcome {
            decision: Verdict::from_js(&answer, self.allow_as_typed),
            choices,
            asked: true,
        })
    }

    fn previews(
        &self,
        fields: &[Field],
        choices: &Array,
        prepared: &JsValue,
    ) -> Result<Array, JsValue> {
        let all = self
            .core
            .preview_body(prepared, Answer::Redacted.id(), choices, js::now())?;
        let all: Array = all.dyn_into().unwrap_or_default();
        // Only fields with findings are previewed.
        Ok(fields
            .iter()
            .zip(all.iter())
            .filter(|(f, _)| !f.findings.is_empty())
            .map(|(_, p)| p)
            .collect())
    }

    fn prepare(&self, body: &JsString, conversation: &JsValue) -> Result<Request, JsValue> {
        // "Always allow" answers past the policy's time-to-live must not shape this plan.
        let prepared = self.core.expire(js::now());
        let prepared = prepared.and_then(|()| self.core.prepare_body(body, conversation));
        let prepared = prepared.map_err(|e| {
            let reason = if errors::name(&e) == "PiiAirlockPayloadError" {
                Reason::Payload
            } else {
                Reason::Engine
            };
            let what = format!(
                "the request body could not be checked ({})",
                errors::message(&e)
            );
            errors::as_blocked(&self.glue, e, reason, &what)
        })?;
        let request = Request {
            fields: read_fields(&js::get(&prepared, "fields")),
            prepared,
        };
        self.blocked_by_policy(&request.fields)?;
        Ok(request)
    }

    /// A multipart body to a guarded endpoint (an image edit's `prompt` beside the image):
    /// its text entries are checked, and a finding in any of them refuses the request — a
    /// form is not rewritten here, and nobody is asked about what could not be changed.
    /// Without findings the form goes as it was. Its files are passed only when their type
    /// says image, audio or video: any other file (a `.txt` attachment, a Blob with no type)
    /// may hold text this check cannot read, so it refuses the request (fail closed, as every
    /// form was refused before forms were read).
    pub fn check_form(&self, form: &JsValue) -> Result<(), JsValue> {
        let entries = super::elsewhere::form_entries(form)?;
        let media = |v: &JsValue| {
            let kind = js::get(v, "type").as_string().unwrap_or_default();
            ["image/", "audio/", "video/"]
                .iter()
                .any(|p| kind.starts_with(p))
        };
        if entries
            .iter()
            .any(|(_, v)| v.as_string().is_none() && !media(v))
        {
            return Err(errors::blocked(
                &self.glue,
                Reason::BodyType,
                "pii-airlock: a file in this form is not an image, audio or video and may hold text the guard cannot read in a form (send its text in a JSON body instead); the request was not sent",
                None,
            ));
        }
        // A Realtime call's `sdp` is the browser's own offer (addresses, keys, codecs: no
        // user text, and an address in it would refuse every call); its `session` is read.
        let texts: Vec<String> = entries
            .iter()
            .filter(|(k, v)| {
                k.as_string().as_deref() != Some("sdp")
                    || !v.as_string().is_some_and(|t| super::fetch::is_sdp(&t))
            })
            .filter_map(|(_, v)| v.as_string())
            .collect();
        let body: JsString = serde_json::json!({ "form": texts }).to_string().into();
        let request = self.prepare(&body, &JsValue::UNDEFINED)?;
        if request.fields.iter().any(|f| !f.findings.is_empty()) {
            return Err(errors::blocked(
                &self.glue,
                Reason::Payload,
                "pii-airlock: a text field of this form holds personal data, and a form body is not rewritten; the request was not sent",
                None,
            ));
        }
        Ok(())
    }

    /// Commits `request` with the plans it was prepared with; the body to send (`body`
    /// itself when nothing changed).
    fn commit(
        &self,
        body: &JsString,
        request: &Request,
        answer: Answer,
        choices: &Array,
        purpose: &JsString,
    ) -> Result<JsValue, JsValue> {
        let rewritten = |e| {
            errors::as_blocked(
                &self.glue,
                e,
                Reason::Engine,
                "the request body could not be rewritten",
            )
        };
        let ids = js::random(16 * request.fields.len() as u32).map_err(rewritten)?;
        let committed = self
            .core
            .commit_body(
                &request.prepared,
                answer.id(),
                choices,
                js::now(),
                &ids,
                purpose,
            )
            .map_err(|e| rewritten(errors::from_core(&self.glue, e)))?;
        self.settled(&js::get(&committed, "receipts"), answer);
        Ok(match js::get(&committed, "body") {
            b if b.is_undefined() => body.into(),
            b => b,
        })
    }

    /// Checks an outgoing request body of `conversation` (a string, or undefined for the
    /// guard's default one) and returns the body to send; a `PiiAirlockBlockedError` when it
    /// must not be sent.
    pub async fn guard_body(
        self: Rc<Self>,
        body: JsString,
        return_focus: JsValue,
        purpose: JsString,
        conversation: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request = self.prepare(&body, &conversation)?;
        let outcome = self
            .decide(&request.fields, &return_focus, &request.prepared)
            .await
            .map_err(|e| {
                errors::as_blocked(&self.glue, e, Reason::Consent, "asking for consent failed")
            })?;
        match outcome.decision {
            Verdict::Edit => Err(errors::blocked(
                &self.glue,
                Reason::Edit,
                "pii-airlock: the user chose to edit the message; the request was not sent",
                None,
            )),
            Verdict::Cancelled => Err(errors::blocked(
                &self.glue,
                Reason::Cancelled,
                "pii-airlock: the user cancelled; the request was not sent",
                None,
            )),
            Verdict::Send(a) => self.commit(&body, &request, a, &outcome.choices, &purpose),
        }
    }

    /// [`State::guard_body`] for calls that must answer at once (`sendBeacon`,
    /// `WebSocket.send`): nobody can be asked, so what the policy leaves to the user becomes a
    /// placeholder, as with `consent: "redact"` — or, with `consent: "block"`, blocks.
    pub fn guard_body_now(
        &self,
        body: &JsString,
        purpose: &JsString,
        conversation: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let request = self.prepare(body, conversation)?;
        let asks = request.fields.iter().any(|f| {
            f.findings
                .iter()
                .any(|x| js::truthy(&js::get(x, "needsDecision")))
        });
        if asks && matches!(self.settings.consent, ConsentMode::Block) {
            return Err(errors::blocked(
                &self.glue,
                Reason::Cancelled,
                "pii-airlock: findings need a decision and consent is \"block\"; the request was not sent",
                None,
            ));
        }
        self.commit(
            body,
            &request,
            Answer::Redacted,
            &self.choices_of(&request.fields),
            purpose,
        )
    }

    /// Asks the user about the personal data in `text` (when there is any to ask about).
    pub async fn request_consent(
        self: Rc<Self>,
        text: JsString,
        return_focus: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.core.expire(js::now())?;
        let prepared = self.core.prepare_text(&text)?;
        let fields = js::get(&prepared, "fields");
        let findings = js::get(&js::get(&fields, "0"), "findings");
        let request = Request {
            fields: read_fields(&fields),
            prepared,
        };
        self.blocked_by_policy(&request.fields)?;
        let outcome = self
            .decide(&request.fields, &return_focus, &request.prepared)
            .await?;
        let decision = JsValue::from_str(outcome.decision.id());
        let asked = JsValue::from_bool(outcome.asked);
        let Verdict::Send(answer) = outcome.decision else {
            return Ok(js::obj(&[
                ("decision", &decision),
                ("text", &text),
                ("findings", &findings),
                ("asked", &asked),
            ])
            .into());
        };
        let id = js::random(16)?;
        let committed = self
            .core
            .commit_body(
                &request.prepared,
                answer.id(),
                &outcome.choices,
                js::now(),
                &id,
                &crate::PLAIN_TEXT_PATH.into(),
            )
            .map_err(|e| errors::from_core(&self.glue, e))?;
        let receipts = js::get(&committed, "receipts");
        self.settled(&receipts, answer);
        Ok(js::obj(&[
            ("decision", &decision),
            ("text", &js::get(&committed, "text")),
            ("findings", &findings),
            ("receipt", &js::get(&receipts, "0")),
            ("asked", &asked),
        ])
        .into())
    }

    /// After a commit: remembers the receipts, stores them, ends "allow once" choices and
    /// tells listeners.
    fn settled(&self, receipts: &JsValue, answer: Answer) {
        let list: Array = receipts.clone().dyn_into().unwrap_or_default();
        if list.length() > 0 {
            self.last_receipt.replace(list.get(list.length() - 1));
        }
        self.last_receipts.replace(list.clone().into());
        // Storage full or denied: the receipts stay in memory.
        let _ = self.store(&list);
        self.save_vault();
        // "Allow once" means this message only.
        self.choices
            .borrow_mut()
            .retain(|(_, c)| *c != PerFinding::AllowOnce);
        let detail = js::obj(&[
            ("decision", &answer.id().into()),
            ("receipt", &self.last_receipt.borrow()),
            ("receipts", &list),
        ]);
        self.emit("consent", Some(&detail));
    }
}

/// "Edit" is the user's own request to change the text: select the first finding.
fn edit_focus(el: &JsValue, items: &Array) {
    let Some(text) = js::get(el, "value").dyn_into::<JsString>().ok() else {
        return;
    };
    if !js::get(el, "setSelectionRange").is_function() {
        return;
    }
    let Ok(first) = js::get(&items.get(0), "value").dyn_into::<JsString>() else {
        return;
    };
    let at = text.index_of(&String::from(&first), 0);
    if at >= 0 {
        let at = JsValue::from(at);
        let end = JsValue::from(at.as_f64().unwrap_or(0.0) + f64::from(first.length()));
        let _ = js::call_method(el, "setSelectionRange", &[&at, &end]);
    }
}
