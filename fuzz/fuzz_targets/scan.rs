//! Any text: no panic; findings in bounds, on char boundaries, sorted, non-overlapping.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    pii_airlock_fuzz::check_scan(pii_airlock_fuzz::engine(), &text);
});
