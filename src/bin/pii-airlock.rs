//! `pii-airlock`: the native command-line interface to the engine.
//!
//! Evaluation tools drive the engine through `scan --jsonl`; its input and output formats are a
//! stable interface documented in the README.

use pii_airlock::{
    convert_offsets, preset_json, Action, CompiledPolicy, Engine, EngineOptions, Finding, Guard,
    OffsetUnit, PolicyDoc, ReceiptChain,
};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: pii-airlock scan   [FILE] [--jsonl] [--offsets utf16|codepoint|byte] [OPTIONS]
       pii-airlock redact [FILE] [--jsonl] [--policy FILE|PRESET] [OPTIONS]
       pii-airlock policy check FILE|PRESET

  scan          print the findings in FILE (or stdin) as JSON
  redact        print the text as the policy would send it (default: every finding replaced
                by a numbered placeholder); with --jsonl, one {\"id\",\"text\",\"findings\"}
                per line. Nobody can be asked in batch: `ask` is applied as `redact`
                (fail-closed); a `block` makes that line an error
  policy check  validate a policy and print what it does with each entity type

  --policy P           policy file, or preset: gdpr, ccpa, hipaa, pci-dss, secrets-only, strict
  --jsonl              read JSON Lines {\"id\":..,\"text\":..} on stdin, write one result per line
  --offsets UNIT       unit of start/end: utf16 (default, JavaScript), codepoint, byte
  --countries LIST     national rules to run, e.g. EU,US (default: all)
  --min-score X        drop findings scored below X (default 0.5)
  -h, --help           show this help";

/// Parsed command line.
struct Args {
    command: String,
    file: Option<String>,
    policy: Option<String>,
    /// Engine options given on the command line (they override the policy's).
    countries: Option<Vec<String>>,
    min_score: Option<f32>,
    jsonl: bool,
    offsets: OffsetUnit,
    options: EngineOptions,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = argv.next().ok_or("missing command")?;
    if command == "-h" || command == "--help" {
        return Err(String::new());
    }
    if command == "policy" {
        return match (argv.next().as_deref(), argv.next(), argv.next()) {
            (Some("check"), Some(p), None) => Ok(Args {
                command: "policy-check".into(),
                file: None,
                policy: Some(p),
                countries: None,
                min_score: None,
                jsonl: false,
                offsets: OffsetUnit::Utf16,
                options: EngineOptions::default(),
            }),
            _ => Err("usage: pii-airlock policy check FILE|PRESET".into()),
        };
    }
    if command != "scan" && command != "redact" {
        return Err(format!("unknown command `{command}`"));
    }
    let mut args = Args {
        command,
        file: None,
        policy: None,
        countries: None,
        min_score: None,
        jsonl: false,
        offsets: OffsetUnit::Utf16,
        options: EngineOptions::default(),
    };
    while let Some(a) = argv.next() {
        let mut value = |name: &str| argv.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--jsonl" => args.jsonl = true,
            "--offsets" => {
                args.offsets = value("--offsets")?.parse().map_err(|e| format!("{e}"))?
            }
            "--countries" => {
                let list = value("--countries")?;
                let list: Vec<String> = list.split(',').map(str::to_string).collect();
                args.options.countries = Some(list.clone());
                args.countries = Some(list);
            }
            "--min-score" => {
                let v = value("--min-score")?;
                args.options.min_score = v
                    .parse()
                    .map_err(|_| format!("--min-score: `{v}` is not a number"))?;
                args.min_score = Some(args.options.min_score);
            }
            "--policy" => {
                args.policy = Some(value("--policy")?);
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option `{s}`")),
            s => {
                if args.file.replace(s.to_string()).is_some() {
                    return Err("only one FILE may be given".into());
                }
            }
        }
    }
    if args.policy.is_some() && args.command != "redact" {
        return Err("--policy is for `redact`".into());
    }
    if args.jsonl && args.file.is_some() {
        return Err("--jsonl reads stdin; give no FILE".into());
    }
    Ok(args)
}

/// A finding as the CLI prints it.
#[derive(Serialize)]
struct Out<'a> {
    start: usize,
    end: usize,
    entity: &'a str,
    score: f32,
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
}

fn out(findings: &[Finding]) -> Vec<Out<'_>> {
    findings
        .iter()
        .map(|f| Out {
            start: f.start,
            end: f.end,
            entity: &f.entity,
            score: f.score,
            rule: &f.rule,
            check: f.reason.check,
            context: f.reason.context.as_deref(),
        })
        .collect()
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let name = file.unwrap_or("stdin");
    match file {
        None | Some("-") => io::stdin().read_to_end(&mut bytes),
        Some(path) => std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)),
    }
    .map_err(|e| format!("{name}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// One JSON Lines record; returns the output line and whether it failed.
fn jsonl_line(
    engine: &Engine,
    guard: Option<&mut Guard>,
    unit: OffsetUnit,
    line_no: usize,
    raw: &[u8],
) -> (Value, bool) {
    let error = |id: Option<Value>, msg: String| {
        let mut v = json!({ "error": msg, "line": line_no });
        if let Some(id) = id {
            v["id"] = id;
        }
        (v, true)
    };
    let Ok(line) = std::str::from_utf8(raw) else {
        return error(None, "line is not valid UTF-8".into());
    };
    let record: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return error(None, format!("malformed JSON: {e}")),
    };
    let id = record.get("id").cloned();
    let Some(obj) = record.as_object() else {
        return error(None, "expected a JSON object".into());
    };
    let Some(text) = obj.get("text").and_then(Value::as_str) else {
        return error(id, "missing string field `text`".into());
    };
    if let Some(guard) = guard {
        return match redact_text(guard, text, unit) {
            Ok((outgoing, applied)) => {
                let findings: Vec<RedactOut<'_>> = applied
                    .iter()
                    .map(|(f, a)| RedactOut {
                        finding: out(std::slice::from_ref(f)).remove(0),
                        action: *a,
                    })
                    .collect();
                (
                    json!({ "id": id.unwrap_or(Value::Null), "text": outgoing, "findings": findings }),
                    false,
                )
            }
            Err(e) => error(id, e),
        };
    }
    let mut findings = engine.scan(text);
    convert_offsets(text, &mut findings, unit);
    (
        json!({ "id": id.unwrap_or(Value::Null), "findings": out(&findings) }),
        false,
    )
}

/// True when a `--policy` value names a file: it holds a path separator or ends in `.json`.
/// Anything else is a preset name, so a file called `strict` in the working directory never
/// silently replaces the `strict` preset (write `./strict` for the file).
fn is_policy_path(spec: &str) -> bool {
    spec.contains('/') || spec.contains(std::path::MAIN_SEPARATOR) || spec.ends_with(".json")
}

/// Loads `--policy`: a file (see [`is_policy_path`]) or a preset name.
fn load_policy(spec: Option<&str>, args: Option<&Args>) -> Result<CompiledPolicy, String> {
    let json = match spec {
        None => r#"{"version":1}"#.to_string(),
        Some(path) if is_policy_path(path) => read_input(Some(path))?,
        Some(s) if preset_json(s).is_some() => format!(r#"{{"version":1,"extends":"{s}"}}"#),
        Some(s) => {
            let names: Vec<&str> = pii_airlock::PRESETS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "unknown preset `{s}` (expected one of {}); to read a file, write ./{s} or a name ending in .json",
                names.join(", ")
            ));
        }
    };
    let origin = spec.unwrap_or("default policy");
    // The kind in brackets is the error's stable id (`unknown-country`): scripts match it.
    let fail = |e: pii_airlock::PolicyError| format!("{origin}: {e} [{}]", e.kind);
    let mut doc = PolicyDoc::from_json(&json).map_err(fail)?;
    if let Some(a) = args {
        if a.countries.is_some() {
            doc.countries = a.countries.clone();
        }
        if a.min_score.is_some() {
            doc.min_score = a.min_score;
        }
    }
    CompiledPolicy::from_doc(doc).map_err(fail)
}

/// 32 bytes from the operating system's random source.
fn random_key() -> Result<[u8; 32], String> {
    let mut k = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut k))
        .map_err(|e| format!("reading /dev/urandom: {e}"))?;
    Ok(k)
}

/// A finding with the action applied to it, as `redact --jsonl` prints it.
#[derive(Serialize)]
struct RedactOut<'a> {
    #[serde(flatten)]
    finding: Out<'a>,
    action: Action,
}

/// Applies the policy to one text with nobody to ask ([`pii_airlock::Plan::fail_closed_decisions`],
/// as in the browser): `ask` becomes a placeholder. Each text is its own
/// conversation: the vault starts empty, numbering starts at 1.
fn redact_text(
    guard: &mut Guard,
    text: &str,
    unit: OffsetUnit,
) -> Result<(String, Vec<(Finding, Action)>), String> {
    guard.vault_mut().forget_all();
    *guard.receipts_mut() = ReceiptChain::new();
    let plan = guard.plan(text);
    let decisions = plan.fail_closed_decisions();
    let out = guard
        .apply_plan(text, &plan, &decisions, 0, [0; 16], "cli")
        .map_err(|e| e.to_string())?;
    let mut findings: Vec<Finding> = out.applied.iter().map(|a| a.finding.clone()).collect();
    convert_offsets(text, &mut findings, unit);
    let applied = findings
        .into_iter()
        .zip(out.applied.iter().map(|a| a.action))
        .collect();
    Ok((out.text, applied))
}

fn policy_check(spec: &str) -> Result<bool, String> {
    let policy = load_policy(Some(spec), None)?;
    let doc = policy.doc();
    println!(
        "policy `{}` (version {}, revision {}) is valid",
        policy.id(),
        policy.version(),
        policy.revision()
    );
    if let Some(base) = &doc.extends {
        println!("extends preset `{base}`");
    }
    println!(
        "\n{:<24} {:<20} {:<14} decided by",
        "entity", "category", "action"
    );
    for (entity, category) in policy.known_entities() {
        let (action, source) = policy.action_for(entity);
        let source = serde_json::to_value(source).map_err(|e| e.to_string())?;
        println!(
            "{entity:<24} {:<20} {:<14} {}",
            category.id(),
            action.id(),
            source.as_str().unwrap_or("")
        );
    }
    let consent = policy.consent();
    let allow = doc.allow.clone().unwrap_or_default();
    let deny = doc.deny.clone().unwrap_or_default();
    println!(
        "\nallow-list: {} values, {} patterns; deny-list: {} values, {} patterns; custom rules: {}",
        allow.values.len(),
        allow.patterns.len(),
        deny.values.len(),
        deny.patterns.len(),
        doc.custom_rules.as_ref().map_or(0, Vec::len)
    );
    let confirm: Vec<&str> = consent.confirm.iter().map(|a| a.id()).collect();
    println!(
        "asks the user for: ask{}{}; send as typed: {}",
        if confirm.is_empty() { "" } else { ", " },
        confirm.join(", "),
        if consent.allow_send_as_typed {
            "permitted"
        } else {
            "not permitted"
        }
    );
    println!(
        "receipts kept {} days; vault forgets after {} minutes; min score {}",
        policy.receipts().retention_days,
        policy.vault().ttl_minutes,
        policy.engine_options().min_score
    );
    Ok(true)
}

fn run(args: Args) -> Result<bool, String> {
    if args.command == "policy-check" {
        return policy_check(args.policy.as_deref().unwrap_or_default());
    }
    let engine = Engine::new(&args.options).map_err(|e| e.to_string())?;
    let mut guard = if args.command == "redact" {
        let policy = load_policy(args.policy.as_deref(), Some(&args))?;
        Some(Guard::new(policy, &random_key()?, random_key()?).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let io_err = |e: io::Error| format!("writing output: {e}");
    if args.jsonl {
        let mut failed = false;
        let stdin = io::stdin();
        let mut reader = stdin.lock();
        let mut buf = Vec::new();
        let mut line_no = 0;
        loop {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| format!("stdin: {e}"))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            // A byte order mark (editors on Windows write one) is not part of the first record.
            if line_no == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
            }
            // Blank lines separate nothing in JSON Lines: skipped, without an output line.
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (value, bad) = jsonl_line(&engine, guard.as_mut(), args.offsets, line_no, &buf);
            failed |= bad;
            serde_json::to_writer(&mut w, &value).map_err(|e| e.to_string())?;
            w.write_all(b"\n").map_err(io_err)?;
        }
        w.flush().map_err(io_err)?;
        return Ok(!failed);
    }
    let text = read_input(args.file.as_deref())?;
    if let Some(guard) = guard.as_mut() {
        let (redacted, _) = redact_text(guard, &text, args.offsets)?;
        w.write_all(redacted.as_bytes()).map_err(io_err)?;
    } else {
        let mut findings = engine.scan(&text);
        convert_offsets(&text, &mut findings, args.offsets);
        serde_json::to_writer_pretty(&mut w, &out(&findings)).map_err(|e| e.to_string())?;
        w.write_all(b"\n").map_err(io_err)?;
    }
    w.flush().map_err(io_err)?;
    Ok(true)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("pii-airlock: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("pii-airlock: some lines failed; see their \"error\" fields");
            ExitCode::from(1)
        }
        Err(msg) => {
            eprintln!("pii-airlock: {msg}");
            ExitCode::from(2)
        }
    }
}
