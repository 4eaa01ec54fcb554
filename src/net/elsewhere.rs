//! Requests to endpoints the guard does not check. The values the guard kept from the model
//! come back into the page when answers are restored, and a script that sends what the page
//! shows (analytics, session replay, an error reporter attaching the last response) would
//! carry them to its own servers. So the URL and the text body of such a request — by
//! default only one to another origin than the page's (`elsewhere` option), and none where
//! there is no page (Node) — have every kept original replaced by its placeholder or
//! surrogate (`Guard::mask_originals` in the core).
//!
//! Bodies read here: strings, `URLSearchParams` and the text entries of `FormData`. Bytes,
//! `Blob`s and streams (compressed replay payloads among them) are sent as they are; a
//! `Request` object keeps its body, and its URL is masked only when it has none. A masked
//! request fires `masked` on the guard with the origin and path (never the query or body).

use super::js;
use super::options::Elsewhere;
use super::State;
use js_sys::Object;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `new globalThis[class](...args)`: the page's own class (no web-sys binding needed).
fn construct(class: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let class: js_sys::Function = js::get(&js::global(), class).dyn_into()?;
    let list: js_sys::Array = args.iter().map(|a| (*a).clone()).collect();
    js_sys::Reflect::construct(&class, &list)
}

impl State {
    /// Whether a request to `url` (not a guarded endpoint) has kept originals masked.
    pub fn masks(&self, url: &web_sys::Url) -> bool {
        match self.settings.elsewhere {
            Elsewhere::Off => false,
            Elsewhere::All => true,
            // Without a page (Node: a server or a script using the guard) nothing is a third
            // party to the page, and the other requests are the program's own business.
            Elsewhere::CrossOrigin => js::get(&js::get(&js::global(), "location"), "origin")
                .as_string()
                .is_some_and(|page| page != url.origin()),
        }
    }

    /// `url` with kept originals masked; `None` when it holds none.
    pub fn masked_url(&self, url: &web_sys::Url) -> Result<Option<web_sys::Url>, JsValue> {
        match self.core.mask_originals(&url.href())? {
            Some(masked) => Ok(Some(web_sys::Url::new(&masked)?)),
            None => Ok(None),
        }
    }

    /// `body` with kept originals masked; `None` when it holds none or is of a kind that is
    /// sent as it is (see the module's comment).
    pub fn masked_body(&self, body: &JsValue) -> Result<Option<JsValue>, JsValue> {
        if let Some(text) = body.as_string() {
            return Ok(self.core.mask_originals(&text)?.map(JsValue::from));
        }
        match js::class_of(body).as_str() {
            "URLSearchParams" => {
                let text = String::from(js::coerce(body)?);
                let Some(masked) = self.core.mask_originals(&text)? else {
                    return Ok(None);
                };
                Ok(Some(construct("URLSearchParams", &[&masked.into()])?))
            }
            "FormData" => self.masked_form(body),
            _ => Ok(None),
        }
    }

    /// A copy of a `FormData` whose text entries are masked (files stay as they are).
    fn masked_form(&self, form: &JsValue) -> Result<Option<JsValue>, JsValue> {
        let entries = js::call_method(form, "entries", &[])?;
        let Some(iter) = js_sys::try_iter(&entries)? else {
            return Ok(None);
        };
        let out = construct("FormData", &[])?;
        let mut changed = false;
        for pair in iter {
            let pair: js_sys::Array = pair?.unchecked_into();
            let (name, value) = (pair.get(0), pair.get(1));
            match value.as_string() {
                Some(text) => {
                    let masked = self.core.mask_originals(&text)?;
                    changed |= masked.is_some();
                    let value = masked.map_or(value, JsValue::from);
                    js::call_method(&out, "append", &[&name, &value])?;
                }
                // A file keeps its name (an entry of a FormData is a string or a File).
                None => {
                    let file_name = js::get(&value, "name");
                    js::call_method(&out, "append", &[&name, &value, &file_name])?;
                }
            }
        }
        Ok(changed.then_some(out))
    }

    /// Tells the page a request was masked: origin and path only.
    pub fn note_masked(&self, url: &web_sys::Url) {
        let shown = format!("{}{}", url.origin(), url.pathname());
        let detail = js::obj(&[("url", &shown.into())]);
        self.emit("masked", Some(&detail));
    }

    /// `fetch(input, init)` to an endpoint the guard does not check, masked: the input (a URL,
    /// or a `Request` without a body) and `init.body`.
    pub fn masked_fetch(
        &self,
        input: JsValue,
        init: JsValue,
        url: &web_sys::Url,
    ) -> Result<(JsValue, JsValue), JsValue> {
        if !self.masks(url) {
            return Ok((input, init));
        }
        let mut changed = false;
        let request = (js::class_of(&input) == "Request").then(|| input.clone());
        let input = match self.masked_url(url)? {
            Some(masked) => match &request {
                Some(r) if r.unchecked_ref::<web_sys::Request>().body().is_some() => input,
                Some(r) => {
                    changed = true;
                    web_sys::Request::new_with_str_and_init(&masked.href(), r.unchecked_ref())?
                        .into()
                }
                None => {
                    changed = true;
                    masked.href().into()
                }
            },
            None => input,
        };
        let body = js::get(&init, "body");
        let init = match self.masked_body(&body)? {
            Some(masked) => {
                changed = true;
                let next = Object::assign(&Object::new(), init.unchecked_ref());
                js::set(&next, "body", &masked)?;
                next.into()
            }
            None => init,
        };
        if changed {
            self.note_masked(url);
        }
        Ok((input, init))
    }
}
