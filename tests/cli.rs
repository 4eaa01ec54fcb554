//! The native CLI, run as a real process: the interface evaluation tools depend on.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pii-airlock"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn tmp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pii-airlock-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn scan_file_prints_findings_with_utf16_offsets() {
    let text = "😀 jane@example.com";
    let p = tmp_file("scan.txt", text.as_bytes());
    let out = cli(&["scan", p.to_str().unwrap()], b"");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["entity"], "EMAIL_ADDRESS");
    assert_eq!(v[0]["rule"], "email");
    assert_eq!(
        (v[0]["start"].as_u64(), v[0]["end"].as_u64()),
        (Some(3), Some(19))
    );
    let score = v[0]["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
}

#[test]
fn scan_reads_stdin_and_honours_offset_units() {
    for (unit, start) in [("byte", 5), ("codepoint", 2), ("utf16", 3)] {
        let out = cli(&["scan", "--offsets", unit], "😀 a@example.org".as_bytes());
        assert!(out.status.success(), "{unit}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v[0]["start"].as_u64(), Some(start), "{unit}");
    }
}

#[test]
fn redact_prints_placeholders() {
    let out = cli(
        &["redact"],
        b"Mail a@example.org and a@example.org, card 4111 1111 1111 1111.",
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Mail [EMAIL_ADDRESS_1] and [EMAIL_ADDRESS_1], card [CREDIT_CARD_1]."
    );
}

#[test]
fn jsonl_thousands_of_lines_in_order_with_codepoint_offsets() {
    let n = 3000;
    let mut input = String::new();
    let mut expected = Vec::new();
    for i in 0..n {
        let prefix = "é😀".repeat(i % 7);
        let email = format!("user{i}@example.com");
        let text = format!("{prefix} write to {email} now");
        let start = text.chars().count() - " now".chars().count() - email.chars().count();
        expected.push((start, email.chars().count()));
        input += &serde_json::json!({ "id": format!("doc-{i}"), "text": text, "lang": "en" })
            .to_string();
        input.push('\n');
    }
    let out = cli(
        &["scan", "--jsonl", "--offsets", "codepoint"],
        input.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), n);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("doc-{i}"));
        let f = &line["findings"][0];
        assert_eq!(f["entity"], "EMAIL_ADDRESS");
        assert_eq!(f["start"].as_u64().unwrap() as usize, expected[i].0);
        assert_eq!(
            (f["end"].as_u64().unwrap() - f["start"].as_u64().unwrap()) as usize,
            expected[i].1
        );
    }
}

#[test]
fn jsonl_bad_lines_get_error_lines_and_the_run_goes_on() {
    let input = b"{\"id\":1,\"text\":\"a@example.com\"}\nnot json\n{\"id\":\"x\"}\n{\"id\":4,\"text\":\"\"}\n\xff\xfe\n{\"id\":6,\"text\":\"ok\"}\n";
    let out = cli(&["scan", "--jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["findings"][0]["entity"], "EMAIL_ADDRESS");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .contains("malformed JSON"));
    assert_eq!(lines[2]["id"], "x");
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[3]["findings"].as_array().unwrap().len(), 0);
    assert!(lines[4]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[5]["id"], 6);
}

#[test]
fn invalid_utf8_file_is_a_clear_error_not_a_panic() {
    let p = tmp_file("bad.txt", b"abc \xc3\x28 def");
    let out = cli(&["scan", p.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("not valid UTF-8") && err.contains("offset 4"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn empty_input_and_bad_options() {
    let out = cli(&["scan"], b"");
    assert!(out.status.success());
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        serde_json::json!([])
    );
    let out = cli(&["scan", "--offsets", "bytes"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("offset unit"));
    let out = cli(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&["scan", "/nonexistent/file"], b"");
    assert_eq!(out.status.code(), Some(2));
}
