//! Consent receipts kept in `localStorage` (or the `storage` given), only with the `receipts`
//! option. They expire by the policy's `receipts.retentionDays`, or by the application's
//! `retentionDays` when that is shorter: the policy's retention is the most a receipt is kept.
//! The receipts stay JavaScript values (JSON.parse / JSON.stringify): nothing here needs their
//! fields but the time.

use super::js;
use super::State;
use js_sys::{Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const DAY_MS: f64 = 86_400_000.0;

impl State {
    /// Days stored receipts are kept: the shorter of the policy's and the application's.
    pub fn retention_days(&self) -> Option<f64> {
        let opts = self.settings.receipts.as_ref()?;
        let policy = f64::from(self.policy_retention_days);
        Some(opts.days.map_or(policy, |d| d.min(policy)))
    }

    /// The stored receipts, oldest first; expired ones are dropped (also from storage).
    pub fn load_receipts(&self) -> Result<Array, JsValue> {
        let (Some(opts), Some(days)) = (self.settings.receipts.as_ref(), self.retention_days())
        else {
            return Ok(Array::new());
        };
        let raw = js::call_method(&opts.storage, "getItem", &[&opts.key.as_str().into()])?;
        let list = match raw.as_string() {
            None => Array::new(),
            Some(text) => match JSON::parse(&text) {
                Ok(v) if Array::is_array(&v) => v.unchecked_into(),
                // Something else under our key: rewritten below.
                Ok(_) => Array::of1(&JsValue::NULL),
                Err(_) => Array::new(),
            },
        };
        let now = js::now();
        let keep_ms = days * DAY_MS;
        // As the core's chain expires them: kept while time + retention is still ahead.
        let kept: Array = list
            .iter()
            .filter(|r| {
                js::get(r, "timeMs")
                    .as_f64()
                    .is_some_and(|t| t + keep_ms > now)
            })
            .collect();
        if kept.length() != list.length() {
            self.save(&kept)?;
        }
        Ok(kept)
    }

    fn save(&self, list: &Array) -> Result<(), JsValue> {
        let Some(opts) = self.settings.receipts.as_ref() else {
            return Ok(());
        };
        let text = JSON::stringify(list)?;
        js::call_method(
            &opts.storage,
            "setItem",
            &[&opts.key.as_str().into(), &text],
        )?;
        Ok(())
    }

    /// Appends newly issued receipts.
    pub fn store(&self, receipts: &Array) -> Result<(), JsValue> {
        if self.settings.receipts.is_none() || receipts.length() == 0 {
            return Ok(());
        }
        self.save(&self.load_receipts()?.concat(receipts))
    }
}
