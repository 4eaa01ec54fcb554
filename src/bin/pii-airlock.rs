//! `pii-airlock`: the native command-line interface to the engine.
//!
//! Evaluation tools drive the engine through `scan --jsonl`; its input and output formats are a
//! stable interface documented in the README.

use pii_airlock::{convert_offsets, Engine, EngineOptions, Finding, OffsetUnit, Vault};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: pii-airlock scan   [FILE] [--jsonl] [--offsets utf16|codepoint|byte] [OPTIONS]
       pii-airlock redact [FILE] [OPTIONS]

  scan     print the findings in FILE (or stdin) as JSON
  redact   print the text with each finding replaced by a numbered placeholder

  --jsonl              read JSON Lines {\"id\":..,\"text\":..} on stdin, write one result per line
  --offsets UNIT       unit of start/end: utf16 (default, JavaScript), codepoint, byte
  --countries LIST     national rules to run, e.g. EU,US (default: all)
  --min-score X        drop findings scored below X (default 0.5)
  -h, --help           show this help";

/// Parsed command line.
struct Args {
    command: String,
    file: Option<String>,
    jsonl: bool,
    offsets: OffsetUnit,
    options: EngineOptions,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = argv.next().ok_or("missing command")?;
    if command == "-h" || command == "--help" {
        return Err(String::new());
    }
    if command != "scan" && command != "redact" {
        return Err(format!("unknown command `{command}`"));
    }
    let mut args = Args {
        command,
        file: None,
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
                args.options.countries = Some(list.split(',').map(str::to_string).collect());
            }
            "--min-score" => {
                let v = value("--min-score")?;
                args.options.min_score = v
                    .parse()
                    .map_err(|_| format!("--min-score: `{v}` is not a number"))?;
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
fn jsonl_line(engine: &Engine, unit: OffsetUnit, line_no: usize, raw: &[u8]) -> (Value, bool) {
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
    let mut findings = engine.scan(text);
    convert_offsets(text, &mut findings, unit);
    (
        json!({ "id": id.unwrap_or(Value::Null), "findings": out(&findings) }),
        false,
    )
}

fn run(args: Args) -> Result<bool, String> {
    let engine = Engine::new(&args.options).map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let io_err = |e: io::Error| format!("writing output: {e}");
    if args.jsonl {
        if args.command != "scan" {
            return Err("--jsonl is supported by `scan`".into());
        }
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
            let (value, bad) = jsonl_line(&engine, args.offsets, line_no, &buf);
            failed |= bad;
            serde_json::to_writer(&mut w, &value).map_err(|e| e.to_string())?;
            w.write_all(b"\n").map_err(io_err)?;
        }
        w.flush().map_err(io_err)?;
        return Ok(!failed);
    }
    let text = read_input(args.file.as_deref())?;
    let findings = engine.scan(&text);
    if args.command == "redact" {
        let redacted = Vault::new().pseudonymize(&text, &findings);
        w.write_all(redacted.as_bytes()).map_err(io_err)?;
    } else {
        let mut findings = findings;
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
