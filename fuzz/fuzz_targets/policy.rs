//! Policies from untrusted configuration: parsing either fails with an error that names a
//! field, or gives a policy whose engine keeps every invariant on its findings; it never
//! panics and never falls back to "allow everything".
#![no_main]
use libfuzzer_sys::fuzz_target;
use pii_airlock::CompiledPolicy;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    match CompiledPolicy::from_json(json) {
        Err(e) => assert!(!e.to_string().is_empty()),
        Ok(policy) => {
            if let Ok(engine) = policy.engine() {
                pii_airlock_fuzz::check_scan(&engine, json);
                pii_airlock_fuzz::check_scan(&engine, "mail jane.doe@example.com, call +44 20 7946 0958");
            }
        }
    }
});
