//! The vault kept across reloads, only with the `vault` option: an AES-256-GCM blob (the
//! core's [`crate::Vault::export_encrypted`]) under the application's key, hex-encoded in
//! `localStorage` (or the `storage` given). Read once when the guard is built — under the
//! policy's time-to-live, expired values dropped — and written after every change, so a
//! reloaded page keeps restoring the answers of its conversation and erasure (`forget`)
//! reaches the stored copy too. A blob that cannot be read (another key, damaged) is
//! dropped: the guard starts empty rather than fails, since nothing is sent unfiltered
//! either way.

use super::js;
use super::State;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

impl State {
    /// Reads the stored vault into the core (see the module's comment).
    pub fn load_vault(&self) -> Result<(), JsValue> {
        let Some(v) = self.settings.vault.as_ref() else {
            return Ok(());
        };
        let raw = js::call_method(&v.storage, "getItem", &[&v.key.as_str().into()])?;
        let Some(blob) = raw.as_string().as_deref().and_then(unhex) else {
            return Ok(());
        };
        let loaded = js::call_method(
            &self.core,
            "importVault",
            &[
                &Uint8Array::from(&blob[..]).into(),
                &v.secret.clone().into(),
                &js::now().into(),
            ],
        );
        if loaded.is_err() {
            let _ = js::call_method(&v.storage, "removeItem", &[&v.key.as_str().into()]);
        }
        Ok(())
    }

    /// Writes the core's vault to storage (storage full or denied: it stays in memory).
    pub fn save_vault(&self) {
        let Some(v) = self.settings.vault.as_ref() else {
            return;
        };
        let Ok(nonce) = js::random(12) else { return };
        let Ok(blob) = js::call_method(
            &self.core,
            "exportVault",
            &[&v.secret.clone().into(), &nonce.into()],
        ) else {
            return;
        };
        let bytes = Uint8Array::new(&blob).to_vec();
        let _ = js::call_method(
            &v.storage,
            "setItem",
            &[&v.key.as_str().into(), &hex(&bytes).into()],
        );
    }
}
