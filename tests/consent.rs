//! Plans, decisions, outgoing text and the receipt chain.

use pii_airlock::{
    Action, Category, Choice, CompiledPolicy, ConsentError, Decision, Guard, ReceiptChain, Target,
};

const TEXT: &str = "I am jane.doe@example.com, card 4111 1111 1111 1111, call +44 20 7946 0958.";
const VALUES: &[&str] = &[
    "jane.doe@example.com",
    "4111 1111 1111 1111",
    "+44 20 7946 0958",
];

fn guard(json: &str) -> Guard {
    Guard::new(
        CompiledPolicy::from_json(json).unwrap(),
        b"receipt key",
        [5u8; 32],
    )
    .unwrap()
}

fn asking() -> Guard {
    guard(
        r#"{"version":1,"categories":{"contact":"ask","financial":"mask"},
            "consent":{"confirm":["mask"],"allowSendAsTyped":true}}"#,
    )
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[test]
fn plan_lists_actions_and_open_decisions() {
    let g = asking();
    let plan = g.plan(TEXT);
    let actions: Vec<(Action, bool)> = plan
        .items
        .iter()
        .map(|i| (i.action, i.needs_decision))
        .collect();
    assert_eq!(
        actions,
        [
            (Action::Ask, true),
            (Action::Mask, true),
            (Action::Ask, true)
        ]
    );
    assert_eq!(plan.summary().needs_decision, 3);
    assert_eq!(plan.items[1].category, Some(Category::Financial));
}

#[test]
fn undecided_ask_is_an_error_not_a_pass() {
    let mut g = asking();
    let err = g.apply(TEXT, &[], 0, [0; 16], "chat").unwrap_err();
    assert_eq!(
        err,
        ConsentError::Undecided {
            index: 0,
            entity: "EMAIL_ADDRESS".into()
        }
    );
    assert!(g.receipts().receipts.is_empty());
    assert!(g.vault().is_empty());
}

#[test]
fn decisions_per_finding_entity_and_category() {
    let mut g = asking();
    let decisions = [
        Decision {
            target: Target::Category {
                category: Category::Contact,
            },
            choice: Choice::Pseudonymize,
        },
        // More specific than the category decision: wins for the phone.
        Decision {
            target: Target::Entity {
                entity: "PHONE_NUMBER".into(),
            },
            choice: Choice::Redact,
        },
        Decision {
            target: Target::Finding { index: 1 },
            choice: Choice::Mask,
        },
    ];
    let out = g.apply(TEXT, &decisions, 10, [1; 16], "chat").unwrap();
    assert_eq!(
        out.text,
        "I am [EMAIL_ADDRESS_1], card **** **** **** 1111, call [PHONE_NUMBER]."
    );
    let by: Vec<_> = out
        .receipt
        .body
        .decisions
        .iter()
        .map(|d| (d.action, d.decided_by))
        .collect();
    use pii_airlock::DecidedBy::User;
    assert_eq!(
        by,
        [
            (Action::Pseudonymize, User),
            (Action::Mask, User),
            (Action::Redact, User)
        ]
    );
}

#[test]
fn always_allow_is_kept_by_the_guard_and_never_returned() {
    let mut g = asking();
    let mut d = g.plan(TEXT).fail_closed_decisions();
    d.push(Decision {
        target: Target::Finding { index: 0 },
        choice: Choice::AlwaysAllow,
    });
    let out = g.apply(TEXT, &d, 10, [1; 16], "chat").unwrap();
    assert!(out
        .text
        .starts_with("I am jane.doe@example.com, card **** **** **** 1111"));
    assert!(out.receipt.body.decisions[0].always_allow);
    // The guard's session holds the answer: the next plan sends the value as typed.
    let next = g.plan(TEXT);
    assert_eq!(next.items[0].action, Action::Allow);
    assert_eq!(next.items[0].source, pii_airlock::ActionSource::Session);
    assert!(!next.items[0].needs_decision);
    let json = serde_json::to_string(&out.receipt).unwrap();
    assert!(!json.contains("jane"));
    assert!(!format!("{out:?}").contains("jane.doe"));
}

#[test]
fn send_as_typed_can_be_forbidden() {
    let mut g = guard(
        r#"{"version":1,"categories":{"contact":"ask"},"consent":{"allowSendAsTyped":false}}"#,
    );
    let d = [Decision {
        target: Target::Category {
            category: Category::Contact,
        },
        choice: Choice::AllowOnce,
    }];
    let err = g.apply(TEXT, &d, 0, [0; 16], "chat").unwrap_err();
    assert!(matches!(
        err,
        ConsentError::SendAsTypedNotPermitted { index: 0, .. }
    ));
}

#[test]
fn block_cannot_be_overridden() {
    let mut g = guard(r#"{"version":1,"actions":{"CREDIT_CARD":"block"}}"#);
    let d = [Decision {
        target: Target::Finding { index: 1 },
        choice: Choice::AllowOnce,
    }];
    let err = g.apply(TEXT, &d, 0, [0; 16], "chat").unwrap_err();
    assert_eq!(
        err.to_string(),
        "finding 1 (CREDIT_CARD) is blocked by the policy; the text cannot be sent"
    );
    assert!(g.vault().is_empty(), "nothing half-applied");
}

#[test]
fn plan_for_another_text_is_refused() {
    let mut g = guard(r#"{"version":1}"#);
    let plan = g.plan(TEXT);
    let err = g
        .apply_plan("other text", &plan, &[], 0, [0; 16], "chat")
        .unwrap_err();
    assert_eq!(err, ConsentError::PlanMismatch);
}

fn chain_of_three() -> (Guard, ReceiptChain) {
    let mut g = guard(r#"{"version":1,"extends":"gdpr"}"#);
    for (i, t) in [TEXT, "mail bob@example.org", TEXT].iter().enumerate() {
        g.apply(t, &[], 1_000 * (i as u64 + 1), [i as u8; 16], "support-bot")
            .unwrap();
    }
    let chain = g.receipts().clone();
    (g, chain)
}

#[test]
fn receipts_hold_no_values() {
    let (_, chain) = chain_of_three();
    let json = chain.to_json();
    for v in VALUES {
        assert!(!json.contains(v), "{v} leaked");
        let d = digits(v);
        assert!(d.is_empty() || !json.contains(&d), "{v} digits leaked");
    }
    assert!(!json.contains("jane") && !json.contains("bob@"));
    let r = &chain.receipts[0].body;
    assert_eq!(r.policy_id, "gdpr");
    assert_eq!(r.purpose, "support-bot");
    assert_eq!(r.categories.get("contact"), Some(&2));
    assert_eq!(r.categories.get("financial"), Some(&1));
    assert_eq!(r.id.len(), 36);
    let sent = "I am [EMAIL_ADDRESS_1], card [CREDIT_CARD_1], call [PHONE_NUMBER_1].";
    assert!(chain.receipts[0].matches_text(b"receipt key", sent));
    assert!(!chain.receipts[0].matches_text(b"other key", sent));
    assert!(!chain.receipts[0].matches_text(b"receipt key", TEXT));
    assert_eq!(
        r.text_hmac,
        pii_airlock::operators::hex(&pii_airlock::operators::hmac_sha256(
            b"receipt key",
            b"I am [EMAIL_ADDRESS_1], card [CREDIT_CARD_1], call [PHONE_NUMBER_1]."
        ))
    );
}

#[test]
fn chain_detects_removal_alteration_reordering_truncation() {
    let (_, chain) = chain_of_three();
    chain.verify().unwrap();
    let head = chain.head().to_string();
    chain.verify_head(&head).unwrap();

    let mut removed = chain.clone();
    removed.receipts.remove(1);
    assert_eq!(removed.verify().unwrap_err().index, 1);

    let mut altered = chain.clone();
    altered.receipts[0]
        .body
        .categories
        .insert("contact".into(), 1);
    assert_eq!(altered.verify().unwrap_err().index, 0);

    let mut reordered = chain.clone();
    reordered.receipts.swap(1, 2);
    assert!(reordered.verify().is_err());

    let mut truncated = chain.clone();
    truncated.receipts.pop();
    truncated.verify().unwrap();
    assert!(truncated.verify_head(&head).is_err());

    // A round trip through JSON keeps it verifiable.
    let back = ReceiptChain::from_json(&chain.to_json()).unwrap();
    back.verify_head(&head).unwrap();
}

#[test]
fn receipts_expire_after_retention_and_the_rest_still_verifies() {
    let (mut g, _) = chain_of_three();
    let day = 86_400_000;
    // gdpr keeps receipts 365 days; the third was made at t=3000.
    g.expire(365 * day + 2_000);
    assert_eq!(g.receipts().receipts.len(), 1);
    g.receipts().verify().unwrap();
    g.apply(TEXT, &[], 365 * day + 5_000, [9; 16], "chat")
        .unwrap();
    g.receipts().verify().unwrap();
}

#[test]
fn synthesized_values_look_real_and_restore() {
    let mut g = guard(r#"{"version":1,"defaultAction":"synthesize"}"#);
    let out = g.apply(TEXT, &[], 0, [0; 16], "chat").unwrap();
    for v in VALUES {
        assert!(!out.text.contains(v));
    }
    // The surrogates are found again as the same types.
    let ents: Vec<String> = g
        .scan(&out.text)
        .iter()
        .map(|f| f.entity.to_string())
        .collect();
    assert_eq!(ents, ["EMAIL_ADDRESS", "CREDIT_CARD", "PHONE_NUMBER"]);
    assert_eq!(g.restore(&out.text), TEXT);
    // Deterministic within the conversation.
    let again = g.apply(TEXT, &[], 1, [1; 16], "chat").unwrap();
    assert_eq!(again.text, out.text);
}

#[test]
fn tool_call_arguments_restore_with_escaping() {
    let mut g = guard(r#"{"version":1}"#);
    let text = "Send to jane.doe@example.com";
    g.apply(text, &[], 0, [0; 16], "chat").unwrap();
    g.vault_mut()
        .placeholder_for(&"PERSON".into(), "Zoë \"Z\" O'Neil\\Jr");
    let args = r#"{"to":"\u005bEMAIL_ADDRESS_1\u005d","name":"[PERSON_1]","note":"PERSON_1\n"}"#;
    let restored = g.restore_json(args);
    let v: serde_json::Value = serde_json::from_str(&restored).unwrap();
    assert_eq!(v["to"], "jane.doe@example.com");
    assert_eq!(v["name"], "Zoë \"Z\" O'Neil\\Jr");
    assert_eq!(v["note"], "Zoë \"Z\" O'Neil\\Jr\n");
}

#[test]
fn vault_ttl_forgets_and_erasure_works() {
    let mut g = guard(r#"{"version":1,"vault":{"ttlMinutes":1}}"#);
    g.apply(TEXT, &[], 0, [0; 16], "chat").unwrap();
    assert_eq!(g.restore("[EMAIL_ADDRESS_1]"), "jane.doe@example.com");
    assert_eq!(g.vault_mut().forget("JANE.DOE@example.com"), 1);
    assert_eq!(g.restore("[EMAIL_ADDRESS_1]"), "[EMAIL_ADDRESS_1]");
    assert_eq!(g.restore("[PHONE_NUMBER_1]"), "+44 20 7946 0958");
    g.expire(60_000);
    assert_eq!(g.restore("[PHONE_NUMBER_1]"), "[PHONE_NUMBER_1]");
    assert!(g.vault().is_empty());
}

#[test]
fn debug_output_never_shows_originals() {
    let mut g = guard(r#"{"version":1,"defaultAction":"synthesize"}"#);
    let out = g.apply(TEXT, &[], 0, [0; 16], "chat").unwrap();
    let mut s = g.stream_restorer();
    let _ = s.push(&out.text[..20]);
    let dumps = [
        format!("{g:?}"),
        format!("{:?}", g.vault()),
        format!("{s:?}"),
        format!("{:?}", g.plan(TEXT).items.first().map(|i| i.index)),
        format!("{:?}", g.policy()),
    ];
    for d in dumps {
        for v in VALUES {
            assert!(!d.contains(v), "{v} in {d}");
        }
    }
}

#[test]
fn masking_a_custom_secret_keeps_none_of_it() {
    let mut g = guard(
        r#"{"version":1,"customRules":[{"id":"acme-token","entity":"ACME_TOKEN",
            "category":"secrets","pattern":"\\bacme_[a-z0-9]{16}\\b"}],
            "categories":{"secrets":"mask","contact":"mask"}}"#,
    );
    let out = g
        .apply(
            "token acme_0123456789abcdef mail jo@example.com",
            &[],
            0,
            [0; 16],
            "t",
        )
        .unwrap();
    // 21 characters of token, none kept; the email keeps its last four letters.
    assert_eq!(out.text, "token ********************* mail **@******e.com");
}

#[test]
fn placeholders_typed_by_the_user_are_not_given_to_real_values() {
    let mut g = guard(r#"{"version":1,"extends":"gdpr"}"#);
    let text = "Write to [EMAIL_ADDRESS_1] and cc jane.doe@example.com";
    let out = g.apply(text, &[], 1_000, [1; 16], "chat").unwrap();
    assert_eq!(
        out.text,
        "Write to [EMAIL_ADDRESS_1] and cc [EMAIL_ADDRESS_2]"
    );
    assert_eq!(
        g.restore("Sent to [EMAIL_ADDRESS_1], cc [EMAIL_ADDRESS_2]."),
        "Sent to [EMAIL_ADDRESS_1], cc jane.doe@example.com."
    );
}

#[test]
fn surrogates_after_a_non_ascii_numeral_are_restored() {
    // Found by the restore_undoes_synthesize property: the engine's ASCII `\b` sees any
    // non-ASCII character as a boundary and finds the phone number after it; restore must see
    // the surrogate there too.
    let mut g = guard(r#"{"version":1,"defaultAction":"synthesize"}"#);
    for text in [
        "¼11 4000 0000 0000 0002",
        "²11 4000 0000 0000 0002",
        "𐴀11 4000 0000 0000 0002",
        "é11 4000 0000 0000 0002",
    ] {
        let out = g.apply(text, &[], 0, [0; 16], "p").unwrap();
        assert_ne!(out.text, text);
        assert_eq!(g.restore(&out.text), text);
    }
}

/// "Send as typed" covers what the dialog listed (the findings that need a decision), never
/// what the policy settles without asking: under gdpr a health statement is asked about, a
/// credential is redacted and contact data pseudonymized.
#[test]
fn send_as_typed_covers_only_the_asked_findings() {
    use pii_airlock::{Answer, PerFinding};
    let mut g = Guard::new(CompiledPolicy::preset("gdpr").unwrap(), b"k", [3u8; 32]).unwrap();
    let key = "AKIAQYLPMN5HHHFPZAM2";
    let text = format!(
        "I was diagnosed with diabetes last year. Mail jane.doe@example.com, card 4111 1111 1111 1111, aws key {key}."
    );
    let plan = g.plan(&text);
    let by_entity: Vec<(&str, Action, bool)> = plan
        .items
        .iter()
        .map(|i| (&*i.finding.entity, i.action, i.needs_decision))
        .collect();
    assert!(
        by_entity.contains(&("HEALTH_DATA", Action::Ask, true)),
        "{by_entity:?}"
    );
    assert!(
        by_entity.contains(&("SECRET", Action::Redact, false)),
        "{by_entity:?}"
    );
    let decisions = plan.decisions_for(Answer::AsTyped, None).unwrap();
    let out = g
        .apply_plan(&text, &plan, &decisions, 0, [0; 16], "chat")
        .unwrap();
    assert!(out.text.contains("diagnosed with diabetes"), "{}", out.text);
    for value in ["jane.doe@example.com", "4111", key] {
        assert!(!out.text.contains(value), "{value} left: {}", out.text);
    }
    assert!(out.text.contains("[EMAIL_ADDRESS_1]"), "{}", out.text);
    // "Send redacted" replaces the asked one too; an explicit per-finding answer wins.
    let redacted = plan.decisions_for(Answer::Redacted, None).unwrap();
    let sent = g.preview_plan(&text, &plan, &redacted, 0).unwrap();
    assert!(!sent.contains("diabetes"), "{sent}");
    let mut choices = vec![None; plan.items.len()];
    let health = plan
        .items
        .iter()
        .position(|i| &*i.finding.entity == "HEALTH_DATA")
        .unwrap();
    choices[health] = Some(PerFinding::Redact);
    let d = plan.decisions_for(Answer::AsTyped, Some(&choices)).unwrap();
    let sent = g.preview_plan(&text, &plan, &d, 0).unwrap();
    assert!(!sent.contains("diabetes"), "{sent}");
    assert_eq!(
        plan.decisions_for(Answer::AsTyped, Some(&choices[1..])),
        Err(ConsentError::ChoicesMismatch)
    );
}

/// An answer is restored with what its request carried, and the time-to-live holds there too.
#[test]
fn answer_vault_holds_what_the_request_carried_until_it_expires() {
    let mut g = Guard::new(
        CompiledPolicy::from_json(r#"{"version":1,"extends":"gdpr","vault":{"ttlMinutes":1}}"#)
            .unwrap(),
        b"k",
        [4u8; 32],
    )
    .unwrap();
    let a = g
        .apply("mail jane@example.com", &[], 1_000, [1; 16], "chat")
        .unwrap();
    let b = g
        .apply("mail bob@example.org", &[], 2_000, [2; 16], "chat")
        .unwrap();
    assert_eq!(a.text, "mail [EMAIL_ADDRESS_1]");
    let answer = "[EMAIL_ADDRESS_1] and [EMAIL_ADDRESS_2]";
    assert_eq!(
        g.answer_vault(&b.text, 3_000).restore(answer),
        "[EMAIL_ADDRESS_1] and bob@example.org"
    );
    assert_eq!(g.answer_vault("no findings", 3_000).restore(answer), answer);
    // Server-side history: the answer may quote what earlier requests carried.
    let next = r#"{"previous_response_id":"resp_1","input":"and the first one?"}"#;
    assert_eq!(
        g.answer_vault(next, 3_000).restore(answer),
        "jane@example.com and bob@example.org"
    );
    assert_eq!(
        g.answer_vault(&a.text, 61_500).restore(answer),
        answer,
        "expired a minute after it was issued"
    );
}

/// New numbers go past the tokens of every text of a request, not only the one replaced.
#[test]
fn numbering_goes_past_the_whole_request() {
    let mut g = Guard::new(CompiledPolicy::preset("gdpr").unwrap(), b"k", [4u8; 32]).unwrap();
    let texts = [
        "I wrote to [EMAIL_ADDRESS_3] yesterday",
        "now bob@example.org",
    ];
    let plans: Vec<_> = texts.iter().map(|t| g.plan(t)).collect();
    g.number_past(&texts, &plans);
    let out = g
        .apply_plan(texts[1], &plans[1], &[], 0, [0; 16], "chat")
        .unwrap();
    assert_eq!(out.text, "now [EMAIL_ADDRESS_4]");
}

#[test]
fn answers_cross_the_js_edge_by_one_id_each() {
    use pii_airlock::{Answer, PerFinding};
    for a in [Answer::Redacted, Answer::AsTyped] {
        assert_eq!(Answer::from_id(a.id()), Some(a));
    }
    for c in PerFinding::ALL {
        assert_eq!(PerFinding::from_id(c.id()), Some(c));
    }
    let ids: Vec<&str> = PerFinding::ALL.iter().map(|c| c.id()).collect();
    assert_eq!(ids, ["redact", "allow-once", "always-allow"]);
    // Unknown answers are refused, never read as the nearest known one.
    for bad in ["", "Redacted", "as_typed", "cancelled", "allow"] {
        assert_eq!(Answer::from_id(bad), None);
        assert_eq!(PerFinding::from_id(bad), None);
    }
}
