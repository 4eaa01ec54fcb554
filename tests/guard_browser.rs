//! The `Guard` entry points the browser layer uses: a name list passed in (the wasm build does
//! not embed it), previews that leave no trace, and session "always allow" answers.

use pii_airlock::{CompiledPolicy, Gazetteer, Guard};
use std::sync::Arc;

const TEXT: &str = "Please ask Maria Schneider about jane@example.com";

fn guard(gazetteer: Option<Arc<Gazetteer>>) -> Guard {
    Guard::with_gazetteer(
        CompiledPolicy::preset("gdpr").unwrap(),
        b"k",
        [7; 32],
        gazetteer,
    )
    .unwrap()
}

fn entities(g: &Guard, text: &str) -> Vec<String> {
    g.plan(text)
        .items
        .iter()
        .map(|i| i.finding.entity.to_string())
        .collect()
}

#[test]
fn the_name_list_passed_in_is_the_one_used() {
    let file = std::fs::read("data/gazetteer.txt").unwrap();
    // No cue before the name ("ask X" would make it a name without any list).
    let text = "Maria Schneider sent jane@example.com";
    let loaded = guard(Some(Arc::new(Gazetteer::from_bytes(&file).unwrap())));
    assert_eq!(entities(&loaded, text), ["PERSON", "EMAIL_ADDRESS"]);
    // An empty list: pattern rules still run, names are not found.
    let empty = guard(Some(Arc::new(Gazetteer::empty())));
    assert_eq!(entities(&empty, text), ["EMAIL_ADDRESS"]);
}

#[test]
fn a_preview_fills_neither_the_vault_nor_the_chain() {
    let mut g = guard(None);
    let plan = g.plan(TEXT);
    let preview = g.preview_plan(TEXT, &plan, &[], 1_000).unwrap();
    assert_eq!(preview, "Please ask [PERSON_1] about [EMAIL_ADDRESS_1]");
    assert_eq!((g.vault().len(), g.receipts().receipts.len()), (0, 0));
    let sent = g.apply_plan(TEXT, &plan, &[], 1_000, [1; 16], "t").unwrap();
    assert_eq!(sent.text, preview);
    assert_eq!((g.vault().len(), g.receipts().receipts.len()), (2, 1));
}

#[test]
fn session_allow_values_apply_until_reset() {
    let mut g = guard(None);
    g.allow_value("EMAIL_ADDRESS", "JANE@example.com", 1_000)
        .unwrap();
    let plan = g.plan(TEXT);
    assert_eq!(plan.items[1].action, pii_airlock::Action::Allow);
    g.reset_allowed_values();
    assert_eq!(
        g.plan(TEXT).items[1].action,
        pii_airlock::Action::Pseudonymize
    );
    // The policy's own allow-list survives a reset.
    let p = CompiledPolicy::from_json(
        r#"{"version":1,"extends":"gdpr","allow":{"values":["jane@example.com"]}}"#,
    )
    .unwrap();
    let mut g = Guard::new(p, b"k", [7; 32]).unwrap();
    g.reset_allowed_values();
    assert_eq!(g.plan(TEXT).items[1].action, pii_airlock::Action::Allow);
}

mod one_plan_per_request {
    //! A guarded request is parsed and planned once; the dialog's preview and the commit use
    //! that plan, so what the dialog showed is what is sent.
    use pii_airlock::{Answer, CompiledPolicy, Guard, PayloadOptions};

    fn guard() -> Guard {
        Guard::new(CompiledPolicy::preset("gdpr").unwrap(), b"k", [7; 32]).unwrap()
    }

    // History already holds `[EMAIL_ADDRESS_1]` (for another value): the new address must
    // get a number past it, in the preview as in what is sent.
    const BODY: &str = r#"{"model":"m","messages":[
        {"role":"assistant","content":"I wrote to [EMAIL_ADDRESS_1] yesterday."},
        {"role":"user","content":"Now write to jane@example.com, I have diabetes."}]}"#;

    fn ids() -> impl FnMut() -> [u8; 16] {
        let mut n = 0u8;
        move || {
            n += 1;
            [n; 16]
        }
    }

    #[test]
    fn prepare_preview_and_commit_scan_each_text_once() {
        let mut g = guard();
        let p = g
            .prepare_body(BODY, &PayloadOptions::default(), None)
            .unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(g.scan_count(), 2);
        let preview = g.preview(&p, Answer::Redacted, &[], 1_000).unwrap();
        let sent = g
            .commit(&p, Answer::Redacted, &[], 1_000, &mut ids(), "chat")
            .unwrap();
        assert_eq!(g.scan_count(), 2, "neither preview nor commit plans again");
        assert_eq!(preview, sent.texts);
        assert_eq!(sent.receipts.len(), 1);
        let body = sent.body.unwrap();
        assert!(body.contains("Now write to [EMAIL_ADDRESS_2], I have [HEALTH_DATA_1]."));
        assert!(!body.contains("jane@") && !body.contains("diabetes"));
    }

    #[test]
    fn the_preview_numbers_past_the_history_like_the_commit() {
        let mut g = guard();
        let p = g
            .prepare_body(BODY, &PayloadOptions::default(), None)
            .unwrap();
        let preview = g.preview(&p, Answer::Redacted, &[], 1_000).unwrap();
        assert_eq!(
            preview[1],
            "Now write to [EMAIL_ADDRESS_2], I have [HEALTH_DATA_1]."
        );
        // Previewing changes nothing: a second preview and the commit say the same.
        assert_eq!(
            g.preview(&p, Answer::Redacted, &[], 1_000).unwrap(),
            preview
        );
        assert_eq!(g.vault().len(), 0);
        let sent = g
            .commit(&p, Answer::Redacted, &[], 1_000, &mut ids(), "chat")
            .unwrap();
        assert_eq!(sent.texts, preview);
    }

    #[test]
    fn a_value_allowed_while_the_dialog_is_open_is_still_sent_as_previewed() {
        // Another request's "always allow" (or a popover choice) lands between prepare and
        // commit: this request was shown with a placeholder and is sent with one.
        let mut g = guard();
        let p = g
            .prepare_body(BODY, &PayloadOptions::default(), None)
            .unwrap();
        let preview = g.preview(&p, Answer::Redacted, &[], 1_000).unwrap();
        g.allow_value("EMAIL_ADDRESS", "jane@example.com", 1_000)
            .unwrap();
        let sent = g
            .commit(&p, Answer::Redacted, &[], 1_000, &mut ids(), "chat")
            .unwrap();
        assert_eq!(sent.texts, preview);
        assert!(!sent.body.unwrap().contains("jane@"));
    }

    #[test]
    fn a_blocked_request_is_refused_before_anything_changes() {
        let p = CompiledPolicy::from_json(
            r#"{"version":1,"extends":"gdpr","actions":{"CREDIT_CARD":"block"}}"#,
        )
        .unwrap();
        let mut g = Guard::new(p, b"k", [7; 32]).unwrap();
        let body = r#"{"messages":[{"role":"user","content":"jane@example.com"},
            {"role":"user","content":"card 4111 1111 1111 1111"}]}"#;
        let p = g
            .prepare_body(body, &PayloadOptions::default(), None)
            .unwrap();
        assert!(p.blocked().is_err());
        assert!(g
            .commit(&p, Answer::AsTyped, &[], 1_000, &mut ids(), "chat")
            .is_err());
        assert_eq!((g.vault().len(), g.receipts().receipts.len()), (0, 0));
    }

    #[test]
    fn nothing_changed_means_no_body_to_rebuild() {
        let mut g = guard();
        let p = g
            .prepare_body(
                r#"{"messages":[{"role":"user","content":"hello"}]}"#,
                &PayloadOptions::default(),
                None,
            )
            .unwrap();
        let sent = g
            .commit(&p, Answer::Redacted, &[], 1_000, &mut ids(), "chat")
            .unwrap();
        assert!(!sent.changed && sent.body.is_none() && sent.receipts.is_empty());
    }
}

mod nobody_to_ask {
    //! "Nobody to ask" has one meaning, [`pii_airlock::Plan::fail_closed_decisions`]: the
    //! dialog's default answer, "Send redacted".
    use pii_airlock::{Answer, CompiledPolicy, Guard};

    const POLICY: &str = r#"{"version":1,"actions":{"EMAIL_ADDRESS":"ask","CREDIT_CARD":"mask",
        "IBAN_CODE":"allow"},"consent":{"confirm":["mask","allow"]}}"#;
    const TEXT: &str =
        "mail jane@example.com, card 4111 1111 1111 1111, iban DE89 3704 0044 0532 0130 00";

    #[test]
    fn batch_and_browser_settle_open_items_the_same_way() {
        let mut batch =
            Guard::new(CompiledPolicy::from_json(POLICY).unwrap(), b"k", [7; 32]).unwrap();
        let plan = batch.plan(TEXT);
        let d = plan.fail_closed_decisions();
        let cli = batch
            .apply_plan(TEXT, &plan, &d, 0, [0; 16], "cli")
            .unwrap();
        // The browser's `redact()`, a beacon and `consent: "redact"` commit "Send redacted".
        let mut browser =
            Guard::new(CompiledPolicy::from_json(POLICY).unwrap(), b"k", [7; 32]).unwrap();
        let p = browser.prepare_text(TEXT);
        let sent = browser
            .commit(&p, Answer::Redacted, &[], 0, &mut || [0; 16], "redact")
            .unwrap();
        assert_eq!(cli.text, sent.texts[0]);
        // Asked: a placeholder; confirmed mask: masked; a confirmed `allow`: not sent as typed.
        assert_eq!(
            cli.text,
            "mail [EMAIL_ADDRESS_1], card **** **** **** 1111, iban [IBAN_CODE_1]"
        );
    }
}

mod conversations {
    //! A named conversation has a vault of its own: numbers and restores never cross between
    //! conversations of one guard.
    use pii_airlock::{Answer, CompiledPolicy, Guard, PayloadOptions};

    fn send(g: &mut Guard, conversation: Option<&str>, body: &str) -> String {
        let p = g
            .prepare_body(body, &PayloadOptions::default(), conversation)
            .unwrap();
        let out = g
            .commit(&p, Answer::Redacted, &[], 1_000, &mut || [1; 16], "chat")
            .unwrap();
        out.body.unwrap_or_else(|| body.to_string())
    }

    fn user(text: &str) -> String {
        serde_json::json!({"model": "m", "messages": [{"role": "user", "content": text}]})
            .to_string()
    }

    #[test]
    fn each_conversation_numbers_from_one_and_restores_only_its_own_values() {
        let mut g = Guard::new(CompiledPolicy::preset("gdpr").unwrap(), b"k", [7; 32]).unwrap();
        let a = send(&mut g, Some("a"), &user("mail jane@example.com"));
        let b = send(&mut g, Some("b"), &user("mail bob@example.org"));
        assert!(a.contains("mail [EMAIL_ADDRESS_1]"));
        assert!(b.contains("mail [EMAIL_ADDRESS_1]"), "{b}");
        // A continuation of b's provider-kept history gets b's values only.
        let more = r#"{"previous_response_id":"resp_1","input":"and again?"}"#;
        let answer = "[EMAIL_ADDRESS_1], not [EMAIL_ADDRESS_2]";
        let scope_b = g.answer_vault_in(Some("b"), more, 1_000);
        assert_eq!(
            scope_b.restore(answer),
            "bob@example.org, not [EMAIL_ADDRESS_2]"
        );
        let scope_a = g.answer_vault_in(Some("a"), more, 1_000);
        assert_eq!(
            scope_a.restore(answer),
            "jane@example.com, not [EMAIL_ADDRESS_2]"
        );
        // The default conversation has seen neither.
        assert!(g.answer_vault_in(None, more, 1_000).is_empty());
        assert!(g.answer_vault_in(Some("c"), more, 1_000).is_empty());
        // Forgetting a value reaches every conversation.
        assert_eq!(g.forget("bob@example.org"), 1);
        assert!(g.answer_vault_in(Some("b"), more, 1_000).is_empty());
    }
}

mod always_allow {
    //! The user's "always allow" answers live in the guard's session, typed and expiring with
    //! the policy's vault time-to-live, held as keyed hashes only.
    use pii_airlock::{Action, ActionSource, AllowRefused, AllowedValues, CompiledPolicy, Guard};

    const TEXT: &str = "Write to jane@example.com";
    const MINUTE: u64 = 60_000;

    fn guard(json: &str) -> Guard {
        Guard::new(CompiledPolicy::from_json(json).unwrap(), b"k", [7; 32]).unwrap()
    }

    fn action(g: &Guard) -> (Action, ActionSource) {
        let item = &g.plan(TEXT).items[0];
        (item.action, item.source)
    }

    #[test]
    fn an_answer_expires_with_the_policys_vault_ttl() {
        let mut g = guard(r#"{"version":1,"extends":"gdpr","vault":{"ttlMinutes":10}}"#);
        g.allow_value("EMAIL_ADDRESS", "jane@example.com", 0)
            .unwrap();
        assert_eq!(action(&g), (Action::Allow, ActionSource::Session));
        g.expire(10 * MINUTE - 1);
        assert_eq!(action(&g), (Action::Allow, ActionSource::Session));
        g.expire(10 * MINUTE);
        assert_eq!(action(&g), (Action::Pseudonymize, ActionSource::Category));
        // ttlMinutes 0 keeps it until reset.
        let mut g = guard(r#"{"version":1,"extends":"gdpr","vault":{"ttlMinutes":0}}"#);
        g.allow_value("EMAIL_ADDRESS", "jane@example.com", 0)
            .unwrap();
        g.expire(u64::MAX / 2);
        assert_eq!(action(&g).0, Action::Allow);
        g.reset_allowed_values();
        assert_eq!(action(&g).0, Action::Pseudonymize);
    }

    #[test]
    fn an_answer_covers_its_type_and_value_only() {
        let mut g = guard(r#"{"version":1,"extends":"gdpr"}"#);
        g.allow_value("PHONE_NUMBER", "jane@example.com", 0)
            .unwrap();
        assert_eq!(action(&g).0, Action::Pseudonymize);
        g.allow_value("EMAIL_ADDRESS", "JANE@Example.com ", 0)
            .unwrap();
        assert_eq!(action(&g).0, Action::Allow);
        let other = g.plan("Write to john@example.com");
        assert_eq!(other.items[0].action, Action::Pseudonymize);
    }

    #[test]
    fn the_policy_can_refuse_an_answer() {
        let mut g = guard(r#"{"version":1,"extends":"strict"}"#);
        assert_eq!(
            g.allow_value("EMAIL_ADDRESS", "jane@example.com", 0),
            Err(AllowRefused::SendAsTypedNotPermitted)
        );
        let mut g = guard(r#"{"version":1,"extends":"gdpr","actions":{"EMAIL_ADDRESS":"block"}}"#);
        assert_eq!(
            g.allow_value("EMAIL_ADDRESS", "jane@example.com", 0),
            Err(AllowRefused::Blocked)
        );
        assert_eq!(action(&g).0, Action::Block);
        assert_eq!(
            g.allow_value(pii_airlock::DENY_ENTITY, "x", 0),
            Err(AllowRefused::Blocked)
        );
    }

    #[test]
    fn only_keyed_hashes_are_held() {
        let mut g = guard(r#"{"version":1,"extends":"gdpr"}"#);
        g.allow_value("EMAIL_ADDRESS", "jane@example.com", 0)
            .unwrap();
        let bytes = g.allowed_values().to_bytes();
        assert_eq!(bytes.len(), 80);
        assert!(!bytes.windows(4).any(|w| w == b"jane"));
        assert!(!format!("{g:?}").contains("jane"));
        assert!(!format!("{:?}", g.allowed_values()).contains("jane"));
        // The hash is keyed: another guard's secret does not recognise the value.
        let mut other = Guard::new(
            CompiledPolicy::from_json(r#"{"version":1,"extends":"gdpr"}"#).unwrap(),
            b"k",
            [8; 32],
        )
        .unwrap();
        other
            .allow_value("EMAIL_ADDRESS", "jane@example.com", 0)
            .unwrap();
        assert_ne!(other.allowed_values().to_bytes()[40..72], bytes[40..72]);
        // A worker's copy takes the state as bytes and decides the same.
        let mut copy = guard(r#"{"version":1,"extends":"gdpr"}"#);
        assert_eq!(action(&copy).0, Action::Pseudonymize);
        copy.set_allowed_values(AllowedValues::from_bytes(&bytes).unwrap());
        assert_eq!(action(&copy), (Action::Allow, ActionSource::Session));
        assert!(AllowedValues::from_bytes(&bytes[..79]).is_none());
    }

    /// An answer given in a request's dialog holds in that request's conversation; one given
    /// on a highlight (`allow_value`) in every conversation.
    #[test]
    fn a_dialogs_answer_holds_in_its_conversation_only() {
        use pii_airlock::{Answer, PayloadOptions, PerFinding};
        let mut g = guard(r#"{"version":1,"extends":"gdpr","categories":{"contact":"ask"}}"#);
        let body = r#"{"messages":[{"role":"user","content":"Write to jane@example.com"}]}"#;
        let opts = PayloadOptions::default();
        let p = g.prepare_body(body, &opts, Some("a")).unwrap();
        let choices = [vec![Some(PerFinding::AlwaysAllow)]];
        let sent = g
            .commit(&p, Answer::Redacted, &choices, 0, &mut || [1; 16], "chat")
            .unwrap();
        assert!(sent.body.is_none(), "sent as typed");
        let action_in = |g: &Guard, c: Option<&str>| {
            let p = g.prepare_body(body, &opts, c).unwrap();
            let (_, _, plan) = p.fields().next().unwrap();
            (plan.items[0].action, plan.items[0].source)
        };
        assert_eq!(
            action_in(&g, Some("a")),
            (Action::Allow, ActionSource::Session)
        );
        assert_eq!(action_in(&g, Some("b")).0, Action::Ask);
        assert_eq!(action_in(&g, None).0, Action::Ask);
        // A conversation id cannot pose as the whole session.
        assert_eq!(action_in(&g, Some("")).0, Action::Ask);
        g.allow_value("EMAIL_ADDRESS", "jane@example.com", 0)
            .unwrap();
        assert_eq!(action_in(&g, Some("b")).0, Action::Allow);
        assert_eq!(action_in(&g, None).0, Action::Allow);
    }
}

mod attachments {
    //! A text file attached in base64 (a CSV of customers, a mail, a log) is read like the
    //! prompt: before, it went out as it was, unread.
    use pii_airlock::{Answer, CompiledPolicy, Guard, PayloadOptions};

    /// Standard base64 (RFC 4648), written here so the test does not use the code it checks.
    fn b64(bytes: &[u8]) -> String {
        let a = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in bytes.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for i in 0..4 {
                out.push(if i <= c.len() {
                    char::from(a[(n >> (18 - 6 * i) & 63) as usize])
                } else {
                    '='
                });
            }
        }
        out
    }

    fn unb64(s: &str) -> String {
        let a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let (mut acc, mut bits, mut out) = (0u32, 0, Vec::new());
        for ch in s.trim_end_matches('=').chars() {
            acc = (acc << 6) | a.find(ch).unwrap() as u32;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_text_file_in_base64_is_checked_and_sent_redacted() {
        let mut g = Guard::new(CompiledPolicy::preset("gdpr").unwrap(), b"k", [7; 32]).unwrap();
        let csv = "name,email,card\nJane Roe,jane.roe@example.com,4111 1111 1111 1111\n";
        let body = serde_json::json!({"model": "m", "messages": [{"role": "user", "content": [
            {"type": "text", "text": "Summarise this file"},
            {"type": "file", "file": {"filename": "customers.csv",
                "file_data": format!("data:text/csv;base64,{}", b64(csv.as_bytes()))}}]}]})
        .to_string();
        let p = g
            .prepare_body(&body, &PayloadOptions::default(), None)
            .unwrap();
        let out = g
            .commit(&p, Answer::Redacted, &[], 1_000, &mut || [1; 16], "chat")
            .unwrap();
        let sent: serde_json::Value = serde_json::from_str(&out.body.unwrap()).unwrap();
        let url = sent["messages"][0]["content"][1]["file"]["file_data"]
            .as_str()
            .unwrap();
        let file = unb64(url.strip_prefix("data:text/csv;base64,").unwrap());
        assert!(!file.contains("jane.roe@example.com"), "{file}");
        assert!(!file.contains("4111"), "{file}");
        assert!(file.contains("[EMAIL_ADDRESS_1]"), "{file}");
        assert!(file.starts_with("name,email,card\n"), "{file}");
    }
}
