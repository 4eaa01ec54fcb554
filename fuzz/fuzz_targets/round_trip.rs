//! Pseudonymize then restore gives the original text back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    pii_airlock_fuzz::check_round_trip(pii_airlock_fuzz::engine(), &text);
});
