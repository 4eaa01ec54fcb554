//! Scans a file over and over, for profilers (`perf record`) and quick before/after checks:
//! `cargo run --release --example scan_file -- target/bench-out/dense.txt 15`.
//!
//! Prints the best per-scan thread CPU time as MB/s: the minimum is the figure least disturbed
//! by other processes on a shared machine. `PII_NO_NAMES=1` leaves the names pass out, to tell
//! the regex pass and the names pass apart. `PII_DUMP=FILE` writes the findings (offsets,
//! rule, score, reason) to FILE, to check that a change leaves them byte-identical.

use pii_airlock::{Engine, EngineOptions};

#[path = "../benches/cpu.rs"]
mod cpu;
use cpu::thread_cpu;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: scan_file FILE [RUNS]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let runs: usize = args
        .get(2)
        .map_or(10, |s| s.parse().expect("RUNS is a number"));
    let options = EngineOptions {
        names: std::env::var_os("PII_NO_NAMES").is_none(),
        ..EngineOptions::default()
    };
    let t = thread_cpu();
    let engine = Engine::new(&options).expect("the built-in catalog compiles");
    let built = thread_cpu() - t;
    engine.warm_up();
    let warmed = thread_cpu() - t;
    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..runs {
        let t = thread_cpu();
        findings = engine.scan(&text).len();
        best = best.min(thread_cpu() - t);
    }
    if let Some(dump) = std::env::var_os("PII_DUMP") {
        let lines: String = engine
            .scan(&text)
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} {} {:?} {:?}\n",
                    f.start, f.end, f.rule, f.score, f.reason.check, f.reason.context
                )
            })
            .collect();
        std::fs::write(dump, lines).expect("a writable dump file");
    }
    println!(
        "{:.1} MB/s (best of {runs}, thread CPU time), {findings} findings; build {:.1} ms, \
         with warm-up {:.1} ms",
        text.len() as f64 / best / 1e6,
        built * 1e3,
        warmed * 1e3
    );
}
