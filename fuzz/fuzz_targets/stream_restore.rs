//! Streaming restore under arbitrary chunking equals restoring the whole answer. The bytes
//! before the first 0xFF choose the chunk lengths; the rest is the answer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use pii_airlock::Vault;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static VAULT: OnceLock<Vault> = OnceLock::new();
    let vault = VAULT.get_or_init(|| pii_airlock_fuzz::sample_vault(pii_airlock_fuzz::engine()));
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(0);
    let (cuts, answer) = data.split_at(split);
    let answer = String::from_utf8_lossy(answer.get(1..).unwrap_or_default());
    pii_airlock_fuzz::check_stream(vault, &answer, cuts);
});
