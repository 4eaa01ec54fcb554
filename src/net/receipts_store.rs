//! Consent receipts kept in `localStorage` (or the `storage` given), only with the `receipts`
//! option. They expire by the policy's `receipts.retentionDays`, or by the application's
//! `retentionDays` when that is shorter: a policy's retention is the most a receipt is kept.

use super::js;
use super::State;
use js_sys::Array;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

const DAY_MS: f64 = 86_400_000.0;

impl State {
    /// Days stored receipts are kept: the shorter of the policy's and the application's.
    pub fn retention_days(&self) -> Option<f64> {
        let opts = self.settings.receipts.as_ref()?;
        let policy = f64::from(self.policy_retention_days);
        Some(opts.days.map_or(policy, |d| d.min(policy)))
    }

    /// The stored receipts, oldest first; expired ones are dropped (also from storage).
    pub fn load_receipts(&self) -> Result<Vec<Value>, JsValue> {
        let (Some(opts), Some(days)) = (self.settings.receipts.as_ref(), self.retention_days()) else {
            return Ok(Vec::new());
        };
        let raw = js::call_method(&opts.storage, "getItem", &[&opts.key.as_str().into()])?;
        let list: Vec<Value> = match raw.as_string() {
            None => Vec::new(),
            Some(text) => match serde_json::from_str::<Value>(&text) {
                Ok(Value::Array(items)) => items,
                // Something else under our key: it is rewritten below.
                Ok(_) => vec![Value::Null],
                Err(_) => Vec::new(),
            },
        };
        let now = js::now();
        let keep_ms = days * DAY_MS;
        let total = list.len();
        // As the core's chain expires them: kept while time + retention is still ahead.
        let kept: Vec<Value> = list
            .into_iter()
            .filter(|r| r.get("timeMs").and_then(Value::as_f64).is_some_and(|t| t + keep_ms > now))
            .collect();
        if kept.len() != total {
            self.save(&kept)?;
        }
        Ok(kept)
    }

    fn save(&self, list: &[Value]) -> Result<(), JsValue> {
        let Some(opts) = self.settings.receipts.as_ref() else { return Ok(()) };
        let text = serde_json::to_string(list).map_err(|e| JsValue::from_str(&e.to_string()))?;
        js::call_method(&opts.storage, "setItem", &[&opts.key.as_str().into(), &text.into()])?;
        Ok(())
    }

    /// `guard.receipts()`.
    pub fn receipts_js(&self) -> Result<JsValue, JsValue> {
        let kept = self.load_receipts()?;
        kept.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Appends newly issued receipts.
    pub fn store(&self, receipts: &Array) -> Result<(), JsValue> {
        if self.settings.receipts.is_none() || receipts.length() == 0 {
            return Ok(());
        }
        let mut all = self.load_receipts()?;
        let new: Vec<Value> = serde_wasm_bindgen::from_value(receipts.clone().into())?;
        all.extend(new);
        self.save(&all)
    }
}
