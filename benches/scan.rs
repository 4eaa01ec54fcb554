//! `cargo bench`: native scan throughput, per-call latency and linearity on generated inputs.
//! Reports medians over repeated runs; nothing asserts a time.
//!
//! With `PII_BENCH_OUT=dir` it also writes the inputs (for the Node and Chromium runners, so
//! every runner scans the same bytes) and its results as `native.json` (for scripts/bench.sh).
//!
//! The throughput rows are timed in turn with a reference (`benches/reference.rs`) in the same process: this
//! host's speed drifts by up to 1.4× within minutes, and a ratio between two scans that ran
//! side by side holds where the MB/s of two separate runs do not.

#[path = "inputs.rs"]
#[allow(dead_code)]
mod inputs;

#[path = "cpu.rs"]
mod cpu;
use cpu::thread_cpu;

#[path = "reference.rs"]
mod reference;
use reference::Bare;

use pii_airlock::{fold_text, Engine, EngineOptions};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

const MIB: usize = 1 << 20;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn throughput(
    engine: &Engine,
    bare: &mut Bare,
    name: &str,
    text: &str,
    runs: usize,
    out: &mut Vec<Value>,
) {
    black_box(engine.scan(text));
    black_box(bare.count(text));
    // In turn, so both see the same spells of the host: the ratio is taken run by run.
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let mut bare_cpu = Vec::new();
    let mut ratio = Vec::new();
    for _ in 0..runs {
        let (t, c) = (Instant::now(), thread_cpu());
        black_box(engine.scan(black_box(text)));
        let (w, e) = (t.elapsed().as_secs_f64(), thread_cpu() - c);
        let c = thread_cpu();
        black_box(bare.count(black_box(text)));
        let b = thread_cpu() - c;
        wall.push(w);
        cpu.push(e);
        bare_cpu.push(b);
        ratio.push(b / e);
    }
    let mb = |s: f64| text.len() as f64 / s / 1e6;
    let (m, c, b, r) = (median(wall), median(cpu), median(bare_cpu), median(ratio));
    let (mbps, cpu_mbps, bare_mbps) = (mb(m), mb(c), mb(b));
    let n = engine.scan(text).len();
    let matches = bare.count(text);
    println!(
        "{name:<22} {mbps:>9.1} MB/s   median {:>9.3} ms   CPU time: {cpu_mbps:>7.1} MB/s   {n} findings",
        m * 1e3
    );
    println!(
        "{:<22} {bare_mbps:>9.1} MB/s (CPU time), bare pass, {matches} matches; the engine runs at {:.0}% of it",
        "",
        r * 100.0
    );
    out.push(
        json!({"kind": "throughput", "input": name, "mbps": mbps, "cpu_mbps": cpu_mbps,
        "findings": n, "bare_cpu_mbps": bare_mbps, "of_bare": r}),
    );
}

fn latency(engine: &Engine, name: &str, text: &str, calls: usize, out: &mut Vec<Value>) {
    for _ in 0..50 {
        black_box(engine.scan(text));
    }
    let mut times: Vec<f64> = (0..calls)
        .map(|_| {
            let t = Instant::now();
            black_box(engine.scan(black_box(text)));
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let (p50, p99, max) = (times[calls / 2], times[calls * 99 / 100], times[calls - 1]);
    println!("{name:<22} p50 {p50:>8.1} µs   p99 {p99:>8.1} µs   max {max:>8.1} µs");
    out.push(
        json!({"kind": "latency", "input": name, "p50_us": p50, "p99_us": p99, "max_us": max}),
    );
}

/// Time per byte at 10 KB, 100 KB, 1 MiB and 10 MiB, relative to 1 MiB: 1.0 is linear.
///
/// The sizes are timed in rounds, each size once per round (about 30 MB scanned per size), and
/// the ratio is taken within each round, then the median over rounds: timed one size after the
/// other, the host's drift (up to 1.4× within minutes) showed up as non-linearity.
fn linearity(engine: &Engine, name: &str, big: &str, rounds: usize, out: &mut Vec<Value>) {
    let sizes: &[(usize, usize, &str)] = &[
        (10 * 1024, 300, "10 KB"),
        (100 * 1024, 30, "100 KB"),
        (MIB, 3, "1 MiB"),
        (10 * MIB, 1, "10 MiB"),
    ];
    let texts: Vec<&str> = sizes
        .iter()
        .map(|&(len, _, _)| {
            let mut at = len.min(big.len());
            while !big.is_char_boundary(at) {
                at -= 1;
            }
            &big[..at]
        })
        .collect();
    for t in &texts {
        black_box(engine.scan(t));
    }
    let mut per_round: Vec<Vec<f64>> = vec![Vec::new(); sizes.len()];
    for _ in 0..rounds {
        let per_byte: Vec<f64> = sizes
            .iter()
            .zip(&texts)
            .map(|(&(_, runs, _), t)| {
                let c = thread_cpu();
                for _ in 0..runs {
                    black_box(engine.scan(black_box(t)));
                }
                (thread_cpu() - c) / (runs * t.len()) as f64
            })
            .collect();
        for (k, p) in per_byte.iter().enumerate() {
            per_round[k].push(p / per_byte[2]);
        }
    }
    let ratios: Vec<f64> = per_round.into_iter().map(median).collect();
    print!("{name:<22}");
    for (r, (_, _, label)) in ratios.iter().zip(sizes) {
        print!(" {label} ×{r:.2}");
    }
    println!("   (CPU time per byte relative to 1 MiB, median of {rounds} rounds)");
    out.push(json!({"kind": "linearity", "input": name, "ratios": ratios}));
}

/// What the folded view (issue 16) costs: `fold_text` and a whole scan of the same text
/// timed in turn, the fold's time as a share of the scan's (the scan includes it).
fn fold_cost(engine: &Engine, name: &str, text: &str, runs: usize, out: &mut Vec<Value>) {
    black_box(fold_text(text));
    let mut share = Vec::new();
    for _ in 0..runs.max(3) {
        let c = thread_cpu();
        black_box(fold_text(black_box(text)));
        let f = thread_cpu() - c;
        let c = thread_cpu();
        black_box(engine.scan(black_box(text)));
        share.push(f / (thread_cpu() - c));
    }
    let r = median(share);
    println!("{name:<22} fold {:>6.2}% of the scan's CPU time", r * 100.0);
    out.push(json!({"kind": "fold_cost", "input": name, "of_scan": r}));
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: keep that quick.
    // `--quick` (scripts/bench.sh --quick) does the same: one run of each, to check the pipeline.
    let quick =
        !std::env::args().any(|a| a == "--bench") || std::env::args().any(|a| a == "--quick");
    // `PII_BENCH_ONLY=throughput`: only the rows timed against the reference (with and without
    // the names pass), for a before/after of the engine's own work in a few seconds.
    let only_throughput = std::env::var("PII_BENCH_ONLY").is_ok_and(|v| v == "throughput");
    let out_dir = std::env::var_os("PII_BENCH_OUT").map(std::path::PathBuf::from);
    let t = Instant::now();
    let engine = Engine::default_engine();
    let build = t.elapsed().as_secs_f64() * 1e3;
    engine.warm_up();
    let mut bare = Bare::new(engine.rules().iter().map(|r| &*r.pattern))
        .expect("the engine's patterns compile");
    println!(
        "engine build            {build:>9.3} ms ({} rules)",
        engine.rules().len()
    );
    let mut rows = vec![json!({"kind": "build", "ms": build, "rules": engine.rules().len()})];

    let (big, runs, calls) = if quick {
        (MIB, 1, 10)
    } else {
        (10 * MIB, 11, 2000)
    };
    let prompt = inputs::prompt(10 * 1024);
    let prose = inputs::prose(big);
    let code = inputs::code(MIB);
    let dense = inputs::dense(big);
    if let Some(dir) = &out_dir {
        std::fs::create_dir_all(dir).expect("create PII_BENCH_OUT");
        for (name, text) in [
            ("prompt.txt", &prompt),
            ("prose.txt", &prose),
            ("code.txt", &code),
            ("dense.txt", &dense),
        ] {
            std::fs::write(dir.join(name), text).expect("write a bench input");
        }
    }
    let cut = |s: &str| -> String {
        let mut at = MIB.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        s[..at].to_string()
    };

    if !only_throughput {
        latency(&engine, "prompt 10 KB", &prompt, calls, &mut rows);
    }
    throughput(
        &engine,
        &mut bare,
        "prose 1 MiB",
        &cut(&prose),
        runs,
        &mut rows,
    );
    throughput(&engine, &mut bare, "code 1 MiB", &code, runs, &mut rows);
    throughput(
        &engine,
        &mut bare,
        "dense 1 MiB",
        &cut(&dense),
        runs,
        &mut rows,
    );
    // The same engine without the names pass: the regex pass and what follows it (validation,
    // contests, context words, findings) as a share of the bare pass, apart from the names
    // pass's own cost (docs/benchmarks.md, "Overhead after the DFA").
    let patterns_only = Engine::new(&EngineOptions {
        names: false,
        ..EngineOptions::default()
    })
    .expect("the built-in catalog compiles");
    patterns_only.warm_up();
    for (name, text) in [
        ("prose 1 MiB, no names", cut(&prose)),
        ("code 1 MiB, no names", code.clone()),
        ("dense 1 MiB, no names", cut(&dense)),
    ] {
        throughput(&patterns_only, &mut bare, name, &text, runs, &mut rows);
    }
    if only_throughput {
        return;
    }
    fold_cost(&engine, "prose 1 MiB", &cut(&prose), runs, &mut rows);
    fold_cost(&engine, "code 1 MiB", &code, runs, &mut rows);
    fold_cost(&engine, "dense 1 MiB", &cut(&dense), runs, &mut rows);
    if !quick {
        linearity(&engine, "linearity prose", &prose, 7, &mut rows);
        linearity(&engine, "linearity dense", &dense, 7, &mut rows);
    }

    if let Some(dir) = &out_dir {
        let doc = json!({"runner": "native", "rows": rows});
        std::fs::write(dir.join("native.json"), doc.to_string()).expect("write native.json");
    }
}
