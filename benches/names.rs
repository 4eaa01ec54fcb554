//! The names pass against the pass issue 14 started from, in the same process (cargo feature
//! `names-reference`): `cargo bench --bench names --features names-reference`.
//!
//! Each input is scanned by both passes in turn, the order swapped every round, and the thread
//! CPU time of each scan kept: the table gives each pass's median MB/s and the median of the
//! round-by-round ratios, which the host's drift moves far less than either speed.
//! `PII_NAMES_DUMP=DIR` writes each input to `DIR/<input>.in` and today's hits to `DIR/<input>.txt` (before/after
//! checks that a speed change leaves the findings alone); `PII_NAMES_ROUNDS` sets the rounds,
//! `PII_NAMES_ONLY=docs,rust` the inputs, `PII_NAMES_TODAY_ONLY=1` times today's pass alone.
//! `PII_NAMES_SEED=1` times the recovery-phrase walk on the same inputs instead: against the
//! byte loop it replaced, and a whole native scan with the rule against one without it.

#[path = "inputs.rs"]
#[allow(dead_code)]
mod inputs;

#[path = "cpu.rs"]
mod cpu;

use pii_airlock::names_bench::{seed_walk_bytewise, Hit, Passes};
use pii_airlock::{Engine, EngineOptions};
use std::path::{Path, PathBuf};

const MIB: usize = 1 << 20;

/// Files under `dir` whose name passes `keep`, sorted, concatenated up to `len` bytes (whole
/// files, then cut at a character boundary): the same bytes on every run on one machine.
fn files_text(dir: &Path, keep: &dyn Fn(&Path) -> bool, len: usize) -> String {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if keep(&p) {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut text = String::new();
    for p in files {
        if text.len() >= len {
            break;
        }
        if let Ok(s) = std::fs::read_to_string(&p) {
            text.push_str(&s);
            text.push('\n');
        }
    }
    let mut at = text.len().min(len);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text.truncate(at);
    text
}

/// The sentences of the names evaluation's tuning part (eight languages, a name or place in
/// most), repeated to `len` bytes.
fn names_sentences(len: usize) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/names-eval.jsonl");
    let mut lines = String::new();
    for row in std::fs::read_to_string(path).unwrap_or_default().lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(row) else {
            continue;
        };
        if v["split"] == "tune" {
            if let Some(t) = v["text"].as_str() {
                lines.push_str(t);
                lines.push('\n');
            }
        }
    }
    let mut text = String::new();
    while !lines.is_empty() && text.len() < len {
        text.push_str(&lines);
    }
    let mut at = text.len().min(len);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text.truncate(at);
    text
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    // `cargo test --bench names --features names-reference` runs this without `--bench`:
    // 64 KiB of each input, one round, to check that both passes still build and run.
    let quick = !std::env::args().any(|a| a == "--bench");
    let size = if quick { 64 << 10 } else { MIB };
    let home = PathBuf::from(std::env::var("HOME").unwrap_or_default());
    let ext = |e: &'static str| move |p: &Path| p.extension().is_some_and(|x| x == e);
    let doc = |p: &Path| {
        // Plain-text documentation: no compressed files, no HTML.
        !p.extension().is_some_and(|x| {
            ["gz", "xz", "bz2", "html", "png", "svg", "jpg"].contains(&x.to_str().unwrap_or(""))
        })
    };
    // `PII_NAMES_ONLY=docs,rust` times only those inputs (for a profiler).
    let only = std::env::var("PII_NAMES_ONLY").unwrap_or_default();
    let wanted = |name: &str| only.is_empty() || only.split(',').any(|o| o == name);
    let make: [(&str, &dyn Fn() -> String); 5] = [
        ("docs", &|| {
            files_text(Path::new("/usr/share/doc"), &doc, size)
        }),
        ("rust", &|| {
            files_text(&home.join(".cargo/registry/src"), &ext("rs"), size)
        }),
        ("prose", &|| inputs::prose(size)),
        ("code", &|| inputs::code(size)),
        ("names", &|| names_sentences(size)),
    ];
    let inputs: Vec<(&str, String)> = make
        .iter()
        .filter(|(name, _)| wanted(name))
        .map(|(name, f)| (*name, f()))
        .collect();
    let rounds: usize = std::env::var("PII_NAMES_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(if quick { 1 } else { 11 });
    let dump = std::env::var_os("PII_NAMES_DUMP").map(PathBuf::from);
    // `PII_NAMES_TODAY_ONLY=1` leaves the reference out (for a profiler).
    let today_only = std::env::var_os("PII_NAMES_TODAY_ONLY").is_some();
    // `PII_NAMES_SEED=1`: the recovery-phrase walk instead (see `seed_walk`).
    if std::env::var_os("PII_NAMES_SEED").is_some() {
        seed_walk(&inputs, rounds);
        return;
    }
    let passes = Passes::new();
    let mut out: Vec<Hit> = Vec::new();
    println!(
        "| input | bytes | reference MB/s | today MB/s | today / reference (median of {rounds} rounds) | hits ref / today |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, text) in &inputs {
        if text.len() < 1024 {
            eprintln!("{name}: no input on this machine, skipped");
            continue;
        }
        // Warm both (buffers, tables, caches).
        passes.reference(text, &mut out);
        let ref_hits = out.len();
        passes.current(text, &mut out);
        let cur_hits = out.len();
        if *name == "names" {
            // Sentences built around names: a pass that finds none is broken, not fast.
            assert!(ref_hits > 0 && cur_hits > 0, "both passes find names");
        }
        if let Some(dir) = &dump {
            std::fs::write(dir.join(format!("{name}.in")), text).expect("dump dir is writable");
            let lines: String = out
                .iter()
                .map(|(s, e, ent, score, why)| format!("{s} {e} {ent} {score} {why}\n"))
                .collect();
            std::fs::write(dir.join(format!("{name}.txt")), lines).expect("dump dir is writable");
        }
        let (mut r, mut c, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..rounds {
            let mut time = |current: bool| {
                let t = cpu::thread_cpu();
                if current {
                    passes.current(text, &mut out);
                } else {
                    passes.reference(text, &mut out);
                }
                cpu::thread_cpu() - t
            };
            let (tr, tc) = if today_only {
                (f64::NAN, time(true))
            } else if round % 2 == 0 {
                let tr = time(false);
                (tr, time(true))
            } else {
                let tc = time(true);
                (time(false), tc)
            };
            r.push(text.len() as f64 / tr / 1e6);
            c.push(text.len() as f64 / tc / 1e6);
            ratio.push(tr / tc);
        }
        // Today's phases, thread CPU time, median over the rounds.
        let mut phases: Vec<(&str, Vec<f64>)> = Vec::new();
        for _ in 0..rounds {
            let mut last = cpu::thread_cpu();
            let mut k = 0;
            passes.current_phases(text, &mut |phase| {
                let now = cpu::thread_cpu();
                if phases.len() <= k {
                    phases.push((phase, Vec::new()));
                }
                phases[k].1.push((now - last) * 1e3);
                last = now;
                k += 1;
            });
        }
        let split: Vec<String> = phases
            .iter_mut()
            .map(|(p, ms)| format!("{p} {:.2}", median(ms)))
            .collect();
        eprintln!("{name}: today's phases, ms: {}", split.join(", "));
        println!(
            "| {name} | {} | {:.0} | {:.0} | {:.2}× | {ref_hits} / {cur_hits} |",
            text.len(),
            median(&mut r),
            median(&mut c),
            median(&mut ratio)
        );
    }
}

/// Same-process medians of thread CPU time, `a` and `b` alternated (the order swapped every
/// round): `(median ms of a, median ms of b, median of the round-by-round ratios a / b)`.
fn alternate(rounds: usize, a: &dyn Fn() -> usize, b: &dyn Fn() -> usize) -> (f64, f64, f64) {
    let time = |f: &dyn Fn() -> usize| {
        let t = cpu::thread_cpu();
        std::hint::black_box(f());
        cpu::thread_cpu() - t
    };
    let (mut ta, mut tb, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (x, y) = if round % 2 == 0 {
            let x = time(a);
            (x, time(b))
        } else {
            let y = time(b);
            (time(a), y)
        };
        ta.push(x * 1e3);
        tb.push(y * 1e3);
        ratio.push(x / y);
    }
    (median(&mut ta), median(&mut tb), median(&mut ratio))
}

/// The recovery-phrase walk (`crypto-seed-phrase`) on each input: the walk against the byte
/// loop it replaced (their findings compared first), and `Engine::scan` with the rule against
/// one with `disabled_rules: ["crypto-seed-phrase"]`, plus an A/A pair of two default engines
/// as the control.
fn seed_walk(inputs: &[(&str, String)], rounds: usize) {
    let with = Engine::new(&EngineOptions::default()).expect("the catalog compiles");
    let twin = Engine::new(&EngineOptions::default()).expect("the catalog compiles");
    let without = Engine::new(&EngineOptions {
        disabled_rules: vec!["crypto-seed-phrase".to_string()],
        ..EngineOptions::default()
    })
    .expect("the catalog compiles");
    println!(
        "| input | byte loop ms | walk ms | byte loop / walk | scan with / without the rule | A/A |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, text) in inputs {
        let walk = pii_airlock::names_bench::seed_walk(text);
        assert_eq!(walk, seed_walk_bytewise(text), "{name}: the walks agree");
        let (old, new, walks) = alternate(rounds, &|| seed_walk_bytewise(text).len(), &|| {
            pii_airlock::names_bench::seed_walk(text).len()
        });
        with.scan(text);
        without.scan(text);
        twin.scan(text);
        let (_, _, rule) = alternate(rounds, &|| with.scan(text).len(), &|| {
            without.scan(text).len()
        });
        let (_, _, control) =
            alternate(rounds, &|| with.scan(text).len(), &|| twin.scan(text).len());
        println!("| {name} | {old:.2} | {new:.2} | {walks:.2}× | {rule:.3}× | {control:.3}× |");
    }
}
