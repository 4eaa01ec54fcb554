//! Time of a fresh engine's build, first scan and second scan, averaged over LOOPS engines
//! in one process (natively; the names pass's process-wide tables and the catalog's NFAs,
//! src/automaton.rs, are built in the first loop only, so the first engine's build is also
//! printed apart from the later ones'): `cargo run --release --example startup_probe -- FILE [LOOPS]`. `PII_NO_NAMES=1`
//! leaves the names pass out; `PII_GAZETTEER=FILE` times `Gazetteer::from_bytes` on that
//! file (the packed `dist/gazetteer.bin` or the text) instead.

use pii_airlock::{Engine, EngineOptions, Gazetteer};

#[path = "../benches/cpu.rs"]
mod cpu;
use cpu::thread_cpu;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: startup_probe FILE [LOOPS]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let loops: usize = args
        .get(2)
        .map_or(1, |s| s.parse().expect("LOOPS is a number"));
    if let Some(list) = std::env::var_os("PII_GAZETTEER") {
        let bytes = std::fs::read(list).expect("a readable name list");
        let t = thread_cpu();
        for _ in 0..loops {
            Gazetteer::from_bytes(&bytes).expect("a valid name list");
        }
        println!(
            "Gazetteer::from_bytes {:.2} ms",
            (thread_cpu() - t) / loops as f64 * 1e3
        );
        return;
    }
    let names = std::env::var_os("PII_NO_NAMES").is_none();
    let options = EngineOptions {
        names,
        ..EngineOptions::default()
    };
    let (mut build, mut first, mut second) = (0.0, 0.0, 0.0);
    let (mut first_build, mut findings) = (0.0, 0);
    for i in 0..loops {
        let t = thread_cpu();
        let engine = Engine::new(&options).expect("the built-in catalog compiles");
        let took = thread_cpu() - t;
        build += took;
        if i == 0 {
            first_build = took;
        }
        let t = thread_cpu();
        findings = engine.scan(&text).len();
        first += thread_cpu() - t;
        let t = thread_cpu();
        engine.scan(&text);
        second += thread_cpu() - t;
    }
    let ms = |s: f64| s / loops as f64 * 1e3;
    let later = if loops > 1 {
        (build - first_build) / (loops - 1) as f64 * 1e3
    } else {
        f64::NAN
    };
    println!(
        "names={names} build {:.2} first scan {:.2} second scan {:.2} ms (thread CPU, mean of \
         {loops}), first build {:.2} later builds {later:.2} ms, {findings} findings",
        ms(build),
        ms(first),
        ms(second),
        first_build * 1e3
    );
}
