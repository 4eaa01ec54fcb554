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

/// The bare pass over varied real text with the lazy DFA's cache capped at 8, 16 and 64 MiB:
/// how often each cap's cache is cleared (every clear throws away the states built so far, and
/// ordinary prose needs them again) and the CPU time per pass, the caps timed in turn. The
/// engine's own caches are inside its matcher; the bare pass holds the same patterns' DFA.
fn cache_caps(patterns: &[&str], name: &str, text: &str, runs: usize, out: &mut Vec<Value>) {
    const CAPS: [usize; 3] = [8 << 20, reference::CACHE, 64 << 20];
    let mut bares: Vec<Bare> = CAPS
        .iter()
        .map(|&cap| Bare::with_cache(patterns.iter().copied(), cap).expect("patterns compile"))
        .collect();
    // The first pass builds the states from nothing, as a page's first large paste does.
    let mut cold = Vec::new();
    for b in &mut bares {
        let c = thread_cpu();
        black_box(b.count(black_box(text)));
        cold.push(thread_cpu() - c);
    }
    let mut warm: Vec<Vec<f64>> = vec![Vec::new(); CAPS.len()];
    for _ in 0..runs {
        for (k, b) in bares.iter_mut().enumerate() {
            let c = thread_cpu();
            black_box(b.count(black_box(text)));
            warm[k].push(thread_cpu() - c);
        }
    }
    let passes = 1 + runs;
    for (k, b) in bares.iter_mut().enumerate() {
        let (clears, bytes) = b.clears();
        let mb = |s: f64| text.len() as f64 / s / 1e6;
        let (first, again) = (mb(cold[k]), mb(median(std::mem::take(&mut warm[k]))));
        let cap = CAPS[k] >> 20;
        println!(
            "{name:<22} bare pass, cache {cap:>2} MiB: first {first:>6.1} MB/s, again {again:>6.1} MB/s (CPU time), {clears} clears in {passes} passes, {:.1} MiB held",
            bytes as f64 / (1 << 20) as f64
        );
        out.push(json!({"kind": "cache_cap", "input": name, "cap_mib": cap,
            "first_cpu_mbps": first, "again_cpu_mbps": again, "clears": clears,
            "passes": passes, "held_bytes": bytes}));
    }
}

/// What single rules add to the lazy DFA's states on varied text: the bytes of states one
/// bare pass builds (64 MiB cache, never cleared) over the catalog's patterns, and without
/// each rule of `rules`. Building states is most of a scan of such text, and the count does
/// not move with the host's load as times do.
fn rule_states(rules: &[(&str, &str)], name: &str, text: &str, out: &mut Vec<Value>) {
    let held = |skip: &str| {
        let patterns = rules.iter().filter(|(id, _)| *id != skip).map(|(_, p)| *p);
        let mut b = Bare::with_cache(patterns, 64 << 20).expect("patterns compile");
        black_box(b.count(text));
        b.clears().1
    };
    let all = held("");
    println!(
        "{name:<22} bare pass builds {:.1} MiB of DFA states",
        all as f64 / (1 << 20) as f64
    );
    out.push(json!({"kind": "dfa_states", "input": name, "without": null, "held_bytes": all}));
    for id in [
        "secret-after-arrow",
        "cookie-session",
        "password-assignment",
        "oracle-connect-string",
        "secret-env-command",
        "secret-split-in-groups",
    ] {
        let less = held(id);
        println!(
            "{:<22} without {id}: {:.1} MiB ({:+.1}% of the states)",
            "",
            less as f64 / (1 << 20) as f64,
            (less as f64 / all as f64 - 1.0) * 100.0
        );
        out.push(json!({"kind": "dfa_states", "input": name, "without": id, "held_bytes": less}));
    }
}

/// Every rule's share of the lazy DFA's states on varied text (`PII_BENCH_ONLY=states`): the
/// bytes of states one bare pass builds (64 MiB cache, never cleared) over the catalog's
/// patterns, and over the catalog without each rule in turn, listed costliest first. With
/// `PII_BENCH_VARIANTS=file` (lines `rule-id<TAB>pattern`) also the catalog with a rule's
/// pattern replaced, so a cheaper anchor can be weighed without a rebuild. A count, not a
/// time: the host's load does not move it. The bare pass resumes after each match, so a rule
/// whose matches end elsewhere changes which states the rest of the text visits: a share of
/// a few tenths of a per cent, or below zero, is that effect, not the rule's own states.
fn rule_shares(rules: &[(&str, &str)], name: &str, text: &str, out: &mut Vec<Value>) {
    let held = |patterns: &mut dyn Iterator<Item = &str>| {
        let mut b = Bare::with_cache(patterns, 64 << 20).expect("patterns compile");
        black_box(b.count(text));
        b.clears().1
    };
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    let all = held(&mut rules.iter().map(|(_, p)| *p));
    println!(
        "{name:<22} bare pass builds {:.2} MiB of DFA states",
        mib(all)
    );
    out.push(json!({"kind": "dfa_states", "input": name, "without": null, "held_bytes": all}));
    let variants = std::env::var_os("PII_BENCH_VARIANTS")
        .map(|f| std::fs::read_to_string(f).expect("read PII_BENCH_VARIANTS"))
        .unwrap_or_default();
    for line in variants.lines().filter(|l| !l.trim().is_empty()) {
        let (id, pattern) = line
            .split_once('\t')
            .expect("a variant is `id<TAB>pattern`");
        // Rules that share the pattern (`password-assignment` and `generic-secret`) change
        // together.
        let (_, old) = *rules
            .iter()
            .find(|(r, _)| *r == id)
            .expect("a variant names a rule of the catalog");
        let with = held(
            &mut rules
                .iter()
                .map(|&(_, p)| if p == old { pattern } else { p }),
        );
        println!(
            "{:<22} {id} as a variant: {:.2} MiB ({:+.2}%)",
            "",
            mib(with),
            (with as f64 / all as f64 - 1.0) * 100.0
        );
        out.push(json!({"kind": "dfa_states", "input": name, "variant": id,
            "pattern": pattern, "held_bytes": with}));
    }
    // `PII_BENCH_SHARES=id,id,…` weighs only those rules' shares (a whole table is one pass
    // per pattern: an hour at load); `PII_BENCH_SHARES=` none, for variants alone.
    let only = std::env::var("PII_BENCH_SHARES").ok();
    let wanted = |id: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|w| w == id))
    };
    // One row per pattern: rules that share one are left out together, named together.
    let mut groups: Vec<(String, &str)> = Vec::new();
    for &(id, p) in rules.iter().filter(|(id, p)| !p.is_empty() && wanted(id)) {
        match groups.iter_mut().find(|(_, q)| *q == p) {
            Some((ids, _)) => *ids = format!("{ids}+{id}"),
            None => groups.push((id.to_string(), p)),
        }
    }
    let mut shares: Vec<(String, usize)> = groups
        .into_iter()
        .map(|(ids, p)| {
            let less = held(&mut rules.iter().map(|(_, q)| *q).filter(|q| *q != p));
            (ids, less)
        })
        .collect();
    shares.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    for (id, less) in shares {
        let share = (1.0 - less as f64 / all as f64) * 100.0;
        println!("{:<22} {share:>+6.2}% {id}", "");
        out.push(json!({"kind": "dfa_states", "input": name, "without": id, "held_bytes": less}));
    }
}

/// The varied text's lazy-DFA rows: the cache caps compared, and what single rules add.
fn varied_dfa(engine: &Engine, name: &str, v: &str, runs: usize, rows: &mut Vec<Value>) {
    let patterns: Vec<&str> = engine.rules().iter().map(|r| &*r.pattern).collect();
    cache_caps(&patterns, name, v, runs, rows);
    let rules: Vec<(&str, &str)> = engine
        .rules()
        .iter()
        .map(|r| (&*r.id, &*r.pattern))
        .collect();
    rule_states(&rules, name, v, rows);
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: keep that quick.
    // `--quick` (scripts/bench.sh --quick) does the same: one run of each, to check the pipeline.
    let quick =
        !std::env::args().any(|a| a == "--bench") || std::env::args().any(|a| a == "--quick");
    // `PII_BENCH_ONLY=throughput`: only the rows timed against the reference (with and without
    // the names pass), for a before/after of the engine's own work in a few seconds.
    let only_throughput = std::env::var("PII_BENCH_ONLY").is_ok_and(|v| v == "throughput");
    // `PII_BENCH_ONLY=varied`: only the varied text's rows, at 4 MiB even with `--quick`.
    let only_varied = std::env::var("PII_BENCH_ONLY").is_ok_and(|v| v == "varied");
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
    // Varied real text (/usr/share/doc): 4 MiB, so the lazy DFA's states outgrow a small cache.
    let varied = inputs::varied(if quick && !only_varied { MIB } else { 4 * MIB });
    match &varied {
        Some(v) => println!(
            "varied input            {} bytes of {}, SHA-256 {}",
            v.len(),
            inputs::VARIED_ROOT,
            inputs::sha256_hex(v)
        ),
        None => println!(
            "varied input            skipped: too little text in {}",
            inputs::VARIED_ROOT
        ),
    }
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
        if let Some(v) = &varied {
            std::fs::write(dir.join("varied.txt"), v).expect("write a bench input");
        }
    }
    let cut = |s: &str| -> String {
        let mut at = MIB.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        s[..at].to_string()
    };

    let varied_name = if quick && !only_varied {
        "varied 1 MiB"
    } else {
        "varied 4 MiB"
    };
    // `PII_BENCH_ONLY=states`: every rule's share of the states on the varied text (1 MiB, or
    // 4 MiB with `PII_BENCH_STATES_MIB=4`), costliest first.
    if std::env::var("PII_BENCH_ONLY").is_ok_and(|v| v == "states") {
        let mib = std::env::var("PII_BENCH_STATES_MIB")
            .ok()
            .and_then(|m| m.parse().ok())
            .unwrap_or(1);
        let Some(v) = inputs::varied(mib * MIB) else {
            println!(
                "varied input            skipped: too little text in {}",
                inputs::VARIED_ROOT
            );
            return;
        };
        let rules: Vec<(&str, &str)> = engine
            .rules()
            .iter()
            .map(|r| (&*r.id, &*r.pattern))
            .collect();
        rule_shares(&rules, &format!("varied {mib} MiB"), &v, &mut rows);
        if let Some(dir) = &out_dir {
            let doc = json!({"runner": "native", "rows": rows});
            std::fs::write(dir.join("native.json"), doc.to_string()).expect("write native.json");
        }
        return;
    }
    if let (true, Some(v)) = (only_varied, &varied) {
        throughput(&engine, &mut bare, varied_name, v, runs.max(3), &mut rows);
        varied_dfa(&engine, varied_name, v, runs.max(3), &mut rows);
        return;
    }
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
    if let Some(v) = &varied {
        throughput(&engine, &mut bare, varied_name, v, runs, &mut rows);
    }
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
    if let Some(v) = &varied {
        let name = format!("{varied_name}, no names");
        throughput(&patterns_only, &mut bare, &name, v, runs, &mut rows);
    }
    if only_throughput {
        return;
    }
    if let Some(v) = &varied {
        varied_dfa(&engine, varied_name, v, runs.min(5), &mut rows);
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
