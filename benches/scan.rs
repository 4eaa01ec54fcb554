//! `cargo bench`: native scan throughput and per-call latency on generated inputs.
//! Reports medians over repeated runs; not a test, nothing asserts a time.

use pii_airlock::Engine;
use std::hint::black_box;
use std::time::Instant;

/// A small deterministic PRNG so inputs are identical on every run and machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "the",
    "report",
    "shows",
    "that",
    "our",
    "team",
    "shipped",
    "version",
    "2.4.1",
    "on",
    "time",
    "and",
    "budget",
    "while",
    "customers",
    "asked",
    "for",
    "better",
    "search",
    "results",
    "in",
    "March",
    "with",
    "3",
    "new",
    "features",
    "across",
    "12",
    "regions",
    "please",
    "review",
    "attached",
    "notes",
    "before",
    "Friday",
    "meeting",
    "about",
    "pricing",
    "order",
    "#48213",
];
const PII: &[&str] = &[
    "jane.doe@example.com",
    "+44 20 7946 0958",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "192.0.2.44",
    "(202) 555-0143",
    "536-22-1234",
    "https://example.com/u/jane",
    "00:1A:2B:3C:4D:5E",
];

/// Ordinary prose with about 2% of lines carrying one value.
fn prose(len: usize) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut s = String::with_capacity(len + 100);
    let mut line = 0;
    while s.len() < len {
        for _ in 0..12 {
            s.push_str(r.pick(WORDS));
            s.push(' ');
        }
        line += 1;
        if line % 50 == 0 {
            s.push_str(r.pick(PII));
        }
        s.push_str(".\n");
    }
    s.truncate(len);
    s
}

/// Every line dense with personal data.
fn dense(len: usize) -> String {
    let mut r = Rng(0xD1B5_4A32_D192_ED03);
    let mut s = String::with_capacity(len + 100);
    while s.len() < len {
        s.push_str("Contact ");
        s.push_str(r.pick(PII));
        s.push_str(", backup ");
        s.push_str(r.pick(PII));
        s.push_str(" and ");
        s.push_str(r.pick(PII));
        s.push('\n');
    }
    s.truncate(len);
    s
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn throughput(engine: &Engine, name: &str, text: &str, runs: usize) {
    let _ = engine.scan(text);
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(engine.scan(black_box(text)));
            t.elapsed().as_secs_f64()
        })
        .collect();
    let m = median(times);
    println!(
        "{name:<22} {:>9.1} MB/s   median {:>9.3} ms",
        text.len() as f64 / m / 1e6,
        m * 1e3
    );
}

fn latency(engine: &Engine, name: &str, text: &str, calls: usize) {
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
    println!(
        "{name:<22} p50 {:>8.1} µs   p99 {:>8.1} µs   max {:>8.1} µs",
        times[calls / 2],
        times[calls * 99 / 100],
        times[calls - 1]
    );
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let t = Instant::now();
    let engine = Engine::default_engine();
    let build = t.elapsed();
    engine.warm_up();
    println!(
        "engine build            {:>9.3} ms ({} rules)",
        build.as_secs_f64() * 1e3,
        engine.rules().len()
    );
    let runs = if quick { 1 } else { 11 };
    latency(
        &engine,
        "prompt 10 KB",
        &prose(10 * 1024),
        if quick { 10 } else { 2000 },
    );
    throughput(&engine, "prose 1 MiB", &prose(1 << 20), runs);
    throughput(&engine, "dense 1 MiB", &dense(1 << 20), runs);
}
