//! The CLI's `redact --jsonl` and `policy check`.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pii-airlock"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A run refused at start-up (a bad flag) may exit before it reads its input.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn redact_jsonl_applies_the_policy_per_line() {
    let input = concat!(
        r#"{"id":1,"text":"mail jane@example.com, card 4111 1111 1111 1111"}"#,
        "\n",
        r#"{"id":2,"text":"card 5555 5555 5555 4444"}"#,
        "\n",
        "not json\n",
    );
    let (out, _, code) = run(&["redact", "--jsonl", "--policy", "pci-dss"], input);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0]["text"],
        "mail jane@example.com, card **** **** **** 1111"
    );
    assert_eq!(lines[0]["findings"][1]["action"], "mask");
    assert_eq!(lines[0]["findings"][1]["entity"], "CREDIT_CARD");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["text"], "card **** **** **** 4444");
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].is_string());
    assert_eq!(code, 1, "a failed line makes the exit status non-zero");
}

#[test]
fn redact_jsonl_is_fail_closed_for_ask_and_block() {
    let policy = std::env::temp_dir().join(format!("pii-airlock-ask-{}.json", std::process::id()));
    std::fs::write(
        &policy,
        r#"{"version":1,"actions":{"EMAIL_ADDRESS":"ask","CREDIT_CARD":"block"}}"#,
    )
    .unwrap();
    let input = concat!(
        r#"{"id":"a","text":"mail jane@example.com"}"#,
        "\n",
        r#"{"id":"b","text":"card 4111 1111 1111 1111"}"#,
        "\n"
    );
    let (out, _, code) = run(
        &["redact", "--jsonl", "--policy", policy.to_str().unwrap()],
        input,
    );
    std::fs::remove_file(&policy).ok();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Nobody to ask: the dialog's default answer, a placeholder (as in the browser).
    assert_eq!(lines[0]["text"], "mail [EMAIL_ADDRESS_1]");
    assert_eq!(lines[1]["id"], "b");
    assert!(lines[1]["error"].as_str().unwrap().contains("blocked"));
    assert!(!out.contains("4111"));
    assert_eq!(code, 1);
}

#[test]
fn policy_check_prints_actions_or_names_the_bad_field() {
    let (out, _, code) = run(&["policy", "check", "hipaa"], "");
    assert_eq!(code, 0);
    assert!(out.contains("US_SSN"));
    assert!(out.contains("send as typed: not permitted"));
    let bad = std::env::temp_dir().join(format!("pii-airlock-bad-{}.json", std::process::id()));
    std::fs::write(&bad, r#"{"version":1,"categories":{"contacts":"redact"}}"#).unwrap();
    let (_, err, code) = run(&["policy", "check", bad.to_str().unwrap()], "");
    std::fs::remove_file(&bad).ok();
    assert_eq!(code, 2);
    assert!(
        err.contains("categories.contacts: unknown category"),
        "{err}"
    );
    // The error's kind, a stable id for scripts, ends the line.
    assert!(err.trim_end().ends_with("[unknown-category]"), "{err}");
}

/// A value without a path separator or `.json` is a preset, even when a file of that name
/// exists in the working directory; `./name` reads the file; an unknown name is refused.
#[test]
fn policy_file_and_preset_are_never_confused() {
    let dir = std::env::temp_dir().join(format!("pii-airlock-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A file named like the preset that would send everything as typed.
    std::fs::write(
        dir.join("strict"),
        r#"{"version":1,"defaultAction":"allow"}"#,
    )
    .unwrap();
    let at = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_pii-airlock"))
            .args(args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = {
            let mut c = out;
            // A refused policy ends the process before it reads its input: the pipe may be
            // closed by then (EPIPE), which is that case's expected outcome, not a failure.
            let written = c.stdin.take().unwrap().write_all(b"mail jane@example.com");
            if let Err(e) = written {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
            }
            c.wait_with_output().unwrap()
        };
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
            out.status.code().unwrap(),
        )
    };
    let (preset, _, code) = at(&["redact", "--policy", "strict"]);
    assert_eq!(code, 0);
    assert!(!preset.contains("jane@example.com"), "{preset}");
    let (file, _, code) = at(&["redact", "--policy", "./strict"]);
    assert_eq!(code, 0);
    assert_eq!(file, "mail jane@example.com");
    let (_, err, code) = at(&["redact", "--policy", "strikt"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown preset `strikt`"), "{err}");
    let (out, _, code) = at(&["policy", "check", "strict"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("policy `strict`"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_country_codes_are_refused() {
    let (_, err, code) = run(&["scan", "--countries", "XX"], "x");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("XX"), "{err}");
    let (_, _, code) = run(&["scan", "--countries", "DE,eu,UK"], "x");
    assert_eq!(code, 0);
    let dir = std::env::temp_dir().join(format!("pii-airlock-cc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("p.json");
    std::fs::write(&file, r#"{"version":1,"countries":["DE","XX"]}"#).unwrap();
    let (out, err, code) = run(&["policy", "check", file.to_str().unwrap()], "");
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("countries[1]") && err.contains("XX"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_skips_blank_lines_and_a_byte_order_mark() {
    let input =
        "\u{feff}{\"id\":1,\"text\":\"a@example.com\"}\n\n  \r\n{\"id\":2,\"text\":\"x\"}\n\n";
    let (out, err, code) = run(&["scan", "--jsonl"], input);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["findings"][0]["entity"], "EMAIL_ADDRESS");
    assert_eq!(lines[1]["id"], 2);
}
