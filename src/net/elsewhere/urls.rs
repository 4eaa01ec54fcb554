//! URLs the page's scripts hand to the browser, which then requests them itself: the tracking
//! pixel (`new Image().src = 'https://t.example/p?u=…'`), a script, frame, stylesheet or media
//! `src`/`href`, `<a ping>`, `window.open(url)`, navigations (`location.href = …`,
//! `location.assign`/`replace`, a scripted link click), `new EventSource(url)` and
//! `new WebSocket(url)` to an endpoint the guard does not check; and what a WebRTC data channel
//! sends (`RTCDataChannel.send`), which has no URL at all. Kept originals in them are masked
//! under the same rules as request bodies (src/net/elsewhere.rs, `elsewhere` option).
//!
//! Hooked where the URL is set, before the browser starts the request: the prototype setters
//! of the element classes, `Element.prototype.setAttribute`/`setAttributeNS` for the same
//! attributes, `window.open`, the constructors; HTML text (`innerHTML` and its kin) right
//! after it is inserted, before an `<img>` in it starts loading. `Location`'s members are unforgeable (own,
//! non-configurable properties of each `location` object, and `window.location` itself), so
//! they cannot be replaced; the Navigation API's `navigate` event fires before any navigation
//! the document starts leaves, and is cancellable: a navigation to another origin whose URL
//! holds a kept original is cancelled there and started again with the masked URL. One the
//! user starts (a click on a link) is the user's and is left alone.
//!
//! While the guard keeps no original (or `elsewhere: 'off'`) every hook hands the value on as
//! it was given, without reading it; a URL that holds no kept original also goes as written.

use crate::net::js;
use crate::net::options::Elsewhere;
use crate::net::State;
use js_sys::{Array, Function, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub(super) type Method = Closure<dyn FnMut(JsValue, Array) -> Result<JsValue, JsValue>>;

/// Where a URL that starts a request is set: (the class whose prototype has the setter, the
/// local names of its elements, the attribute, whether it is a list of URLs). `ping` is a
/// space-separated list, `srcset` a comma-separated one with descriptors. SVG's `href` is an
/// `SVGAnimatedString` with no setter: set by attribute only (`href`, `xlink:href`).
pub const URLS: &[(&str, &[&str], &str, bool)] = &[
    ("HTMLImageElement", &["img"], "src", false),
    ("HTMLImageElement", &["img"], "srcset", true),
    ("HTMLScriptElement", &["script"], "src", false),
    ("HTMLIFrameElement", &["iframe"], "src", false),
    ("HTMLFrameElement", &["frame"], "src", false),
    ("HTMLEmbedElement", &["embed"], "src", false),
    ("HTMLMediaElement", &["video", "audio"], "src", false),
    ("HTMLSourceElement", &["source"], "src", false),
    ("HTMLSourceElement", &["source"], "srcset", true),
    ("HTMLTrackElement", &["track"], "src", false),
    ("HTMLInputElement", &["input"], "src", false),
    ("HTMLLinkElement", &["link"], "href", false),
    ("HTMLAnchorElement", &["a"], "ping", true),
    ("HTMLAreaElement", &["area"], "ping", true),
    ("HTMLObjectElement", &["object"], "data", false),
    ("SVGImageElement", &["image"], "href", false),
    ("SVGScriptElement", &["script"], "href", false),
];

/// The properties that insert elements parsed from HTML text.
const MARKUP: &[(&str, &str)] = &[
    ("Element", "innerHTML"),
    ("Element", "outerHTML"),
    ("ShadowRoot", "innerHTML"),
];

/// The schemes whose URLs the browser requests over the network.
const SENT: [&str; 4] = ["http:", "https:", "ws:", "wss:"];

/// What `masked` names for a data channel, which has no URL.
const DATA_CHANNEL: &str = "webrtc:";

/// The URLs of `text`: one URL, or a list (whitespace-separated, `srcset`'s trailing commas
/// dropped).
fn split_urls(text: &str, list: bool) -> Vec<&str> {
    if list {
        text.split_ascii_whitespace()
            .map(|p| p.trim_matches(','))
            .collect()
    } else {
        vec![text.trim()]
    }
}

/// Those of `parts` that are URLs the browser requests over the network.
fn sent_urls(parts: Vec<&str>) -> Vec<web_sys::Url> {
    parts
        .into_iter()
        .filter_map(|p| js::resolve_url(p).ok())
        .filter(|u| SENT.contains(&u.protocol().as_str()))
        .collect()
}

/// The URL of a `<meta http-equiv=refresh>`'s `content` (`5; url='https://…'`), if it has
/// one: after the delay's `;` or `,`, an optional `url=`, an optional quote.
fn refresh_url(content: &str) -> Option<&str> {
    let at = content.find([';', ','])?;
    let rest = content[at + 1..].trim_start();
    let rest = match rest.get(..3) {
        Some(u) if u.eq_ignore_ascii_case("url") => {
            let after = rest[3..].trim_start();
            after.strip_prefix('=').map_or(rest, str::trim_start)
        }
        _ => rest,
    };
    let url = rest.trim_matches(['"', '\'']).trim();
    (!url.is_empty()).then_some(url)
}

impl State {
    /// A URL (or list of URLs) a script hands to the browser, with kept originals masked as
    /// it was written; `None` when it stays as it is: the guard keeps none, `elsewhere` does
    /// not cover where it goes, or it holds none. `masked` fires for a masked one.
    pub fn masked_url_value(
        &self,
        value: &JsValue,
        list: bool,
    ) -> Result<Option<JsValue>, JsValue> {
        self.masked_with_urls(value, |text| split_urls(text, list))
    }

    /// `value` as text with kept originals masked, when one of the URLs `urls` finds in it
    /// goes over the network to where `elsewhere` masks; `None` when it stays as it is (the
    /// guard keeps none, or `value` holds none, or none of its URLs is masked). `masked`
    /// fires for a masked one. The one test behind every URL sink: an attribute, CSS text, a
    /// refresh's content.
    pub fn masked_with_urls(
        &self,
        value: &JsValue,
        urls: impl Fn(&str) -> Vec<&str>,
    ) -> Result<Option<JsValue>, JsValue> {
        if !self.masks_urls()? {
            return Ok(None);
        }
        // What cannot be a string is the setter's to refuse.
        let Ok(text) = js::coerce(value).map(String::from) else {
            return Ok(None);
        };
        // Most URLs hold no kept original: that is found before any URL is parsed.
        let Some(masked) = self.core.mask_originals(&text)? else {
            return Ok(None);
        };
        let Some(url) = sent_urls(urls(&text)).into_iter().find(|u| self.masks(u)) else {
            return Ok(None);
        };
        self.note_masked(&url);
        Ok(Some(masked.into()))
    }

    /// `value`, which `name` of `el` is being set to, masked as [`attribute_kind`] reads it;
    /// `None` when it stays as it is.
    pub fn masked_attribute(
        &self,
        el: &JsValue,
        name: &JsValue,
        value: &JsValue,
    ) -> Result<Option<JsValue>, JsValue> {
        match attribute_kind(el, name) {
            None => Ok(None),
            Some(Sink::Url { list }) => self.masked_url_value(value, list),
            Some(Sink::Css) => self.masked_with_urls(value, super::css::urls),
            Some(Sink::Refresh) => {
                self.masked_with_urls(value, |t| refresh_url(t).into_iter().collect())
            }
        }
    }

    /// `args[index]` replaced by [`State::masked_url_value`]'s answer, when it has one.
    pub fn mask_url_arg(&self, args: &Array, index: u32) -> Result<(), JsValue> {
        if let Some(masked) = self.masked_url_value(&args.get(index), false)? {
            args.set(index, masked);
        }
        Ok(())
    }

    /// `window.open`, `Element.prototype.setAttribute` or `setAttributeNS`, hooked: the
    /// argument that is the URL masked (`kind` is the hook's name, see `State::hook`).
    pub fn url_arg_hook(self: &Rc<Self>, kind: &str, original: Function) -> Function {
        let st = Rc::clone(self);
        // Where the name and the value are: open(url), setAttribute(name, value),
        // setAttributeNS(namespace, name, value).
        let at: Option<(u32, u32)> = match kind {
            "setAttribute" => Some((0, 1)),
            "setAttributeNS" => Some((1, 2)),
            _ => None,
        };
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                match at {
                    None => st.mask_url_arg(&args, 0)?,
                    Some((name, value)) => {
                        if let Some(m) =
                            st.masked_attribute(&this, &args.get(name), &args.get(value))?
                        {
                            args.set(value, m);
                        }
                    }
                }
                original.apply(&this, &args)
            })
            .into_js_value(),
        )
    }

    /// `insertAdjacentHTML` and `setHTMLUnsafe` (`kind` "insertHTML"), or
    /// `Range.prototype.createContextualFragment` ("fragment"), hooked: what they inserted
    /// or made is masked at once.
    pub fn insert_html_hook(self: &Rc<Self>, kind: &str, original: Function) -> Function {
        let st = Rc::clone(self);
        let fragment = kind == "fragment";
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                // `beforebegin` and `afterend` insert beside the element, in its parent.
                let parent = js::get(&this, "parentNode");
                let out = original.apply(&this, &args)?;
                // A new fragment's images start loading before it is inserted.
                let root = if fragment {
                    &out
                } else if parent.is_object() {
                    &parent
                } else {
                    &this
                };
                st.mask_subtree(root)?;
                Ok(out)
            })
            .into_js_value(),
        )
    }

    /// `RTCDataChannel.prototype.send`, hooked: the peer is never the page's origin, so the
    /// message is masked unless `elsewhere` is `'off'`, with `WebSocket.send`'s rules (bytes
    /// that are text masked, Blobs and binary holding a kept original refused).
    pub fn data_channel_hook(self: &Rc<Self>, original: Function) -> Function {
        let st = Rc::clone(self);
        self.glue.method(
            &Method::new(move |this: JsValue, args: Array| {
                // The Realtime API's event channel is a guarded endpoint, whatever `elsewhere`
                // says (src/net/realtime.rs).
                if crate::net::realtime::realtime_channel(&this) {
                    return match st.filter_channel(&args.get(0)) {
                        Ok(body) => original.call1(&this, &body),
                        Err(e) => {
                            st.emit("blocked", Some(&e));
                            Err(e)
                        }
                    };
                }
                if st.settings.elsewhere != Elsewhere::Off {
                    match st.masked_body(&args.get(0)) {
                        Ok(Some(body)) => {
                            st.note_masked_as(DATA_CHANNEL);
                            return original.call1(&this, &body);
                        }
                        Ok(None) => {}
                        Err(e) => return Err(st.not_sent(e)),
                    }
                }
                original.apply(&this, &args)
            })
            .into_js_value(),
        )
    }

    /// Hooks the setters of [`URLS`] and [`MARKUP`] in `scope` and listens for its
    /// navigations; returns the undo function. With `elsewhere: 'off'` nothing is hooked.
    pub fn hook_url_sinks(self: &Rc<Self>, scope: &JsValue) -> Function {
        let mut restore: Vec<(Object, &'static str, JsValue)> = Vec::new();
        let off = self.settings.elsewhere == Elsewhere::Off;
        for &(class, _, name, list) in if off { &[][..] } else { URLS } {
            let st = Rc::clone(self);
            restore.extend(self.hook_setter(scope, class, name, move |setter| {
                Method::new(move |el: JsValue, args: Array| {
                    let value = args.get(0);
                    match st.masked_url_value(&value, list)? {
                        Some(masked) => setter.call1(&el, &masked),
                        None => setter.call1(&el, &value),
                    }
                })
            }));
        }
        for &(class, name) in if off { &[][..] } else { MARKUP } {
            let st = Rc::clone(self);
            restore.extend(self.hook_setter(scope, class, name, move |setter| {
                Method::new(move |el: JsValue, args: Array| {
                    // `outerHTML` replaces the element: what it inserts is in its parent.
                    let root = if name == "outerHTML" {
                        js::get(&el, "parentNode")
                    } else {
                        el.clone()
                    };
                    let out = setter.call1(&el, &args.get(0))?;
                    st.mask_subtree(&root)?;
                    Ok(out)
                })
            }));
        }
        if !off {
            restore.extend(self.hook_node_setters(scope));
            restore.extend(self.hook_css_text(scope));
        }
        let navigation = if off {
            None
        } else {
            self.navigation_listener(scope)
        };
        let undo = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = &navigation {
                let _ = f.call0(&JsValue::UNDEFINED);
            }
            for (proto, name, desc) in restore.drain(..).rev() {
                let _ = Reflect::define_property(&proto, &name.into(), desc.unchecked_ref());
            }
        });
        undo.into_js_value().unchecked_into()
    }

    /// Replaces the setter of `scope[class].prototype[name]` by what `make` makes of it (the
    /// getter stays); returns what puts it back, or `None` when there is no such setter or
    /// the page froze it (then it stays as it is, and is not masked).
    pub(super) fn hook_setter(
        &self,
        scope: &JsValue,
        class: &str,
        name: &'static str,
        make: impl FnOnce(Function) -> Method,
    ) -> Option<(Object, &'static str, JsValue)> {
        let proto = js::get(&js::get(scope, class), "prototype");
        if !proto.is_object() {
            return None;
        }
        let proto: Object = proto.unchecked_into();
        let desc = Reflect::get_own_property_descriptor(&proto, &name.into()).ok()?;
        let setter = js::get(&desc, "set");
        if !setter.is_function() {
            return None;
        }
        let set = make(setter.unchecked_into());
        let hooked = js::obj(&[
            ("get", &js::get(&desc, "get")),
            ("set", &self.glue.method(&set.into_js_value()).into()),
            ("configurable", &true.into()),
            ("enumerable", &js::get(&desc, "enumerable")),
        ]);
        Reflect::define_property(&proto, &name.into(), &hooked)
            .unwrap_or(false)
            .then_some((proto, name, desc))
    }

    /// A `navigate` listener on `scope.navigation` (where the Navigation API exists): a
    /// navigation the document starts (`location.href = …`, `assign`, `replace`, a scripted
    /// `click()`, a GET form) to another origin, whose URL holds a kept original, is cancelled
    /// before it leaves and started again with the masked URL. Left alone: what the user
    /// starts, POST forms (their body would be lost), going back and forth in history,
    /// reloads and what cannot be cancelled. Returns the function that removes it.
    fn navigation_listener(self: &Rc<Self>, scope: &JsValue) -> Option<Function> {
        let navigation = js::get(scope, "navigation");
        if !navigation.is_object() {
            return None;
        }
        let st = Rc::clone(self);
        let location = js::get(scope, "location");
        // Set while the masked navigation starts (its `navigate` event fires inside the call):
        // that one goes as it is, whatever masking made of it.
        let again = std::cell::Cell::new(false);
        let f: Function =
            Closure::<dyn FnMut(JsValue) -> Result<(), JsValue>>::new(move |e: JsValue| {
                let kind = js::get(&e, "navigationType")
                    .as_string()
                    .unwrap_or_default();
                let given = |k: &str| {
                    let v = js::get(&e, k);
                    !v.is_null() && !v.is_undefined()
                };
                // `downloadRequest` is "" for a bare `download` attribute.
                let skip = again.get()
                    || !js::truthy(&js::get(&e, "cancelable"))
                    || js::truthy(&js::get(&e, "userInitiated"))
                    || given("formData")
                    || given("downloadRequest")
                    || !(kind == "push" || kind == "replace");
                if skip {
                    return Ok(());
                }
                let url = js::get(&js::get(&e, "destination"), "url");
                if let Some(masked) = st.masked_url_value(&url, false)? {
                    js::call_method(&e, "preventDefault", &[])?;
                    let how = if kind == "replace" {
                        "replace"
                    } else {
                        "assign"
                    };
                    again.set(true);
                    let started = js::call_method(&location, how, &[&masked]);
                    again.set(false);
                    started?;
                }
                Ok(())
            })
            .into_js_value()
            .unchecked_into();
        let target: &web_sys::EventTarget = navigation.unchecked_ref();
        target
            .add_event_listener_with_callback("navigate", &f)
            .ok()?;
        let undo = Closure::<dyn FnMut()>::new(move || {
            let t: &web_sys::EventTarget = navigation.unchecked_ref();
            let _ = t.remove_event_listener_with_callback("navigate", &f);
        });
        Some(undo.into_js_value().unchecked_into())
    }
}

/// What an attribute that makes the browser request a URL holds.
#[derive(Clone, Copy)]
pub enum Sink {
    /// A URL, or a list of them (`srcset`, `ping`): [`URLS`].
    Url {
        /// Whether it is a list.
        list: bool,
    },
    /// CSS text (`style`), whose `url(…)` and quoted URLs are requested.
    Css,
    /// The `content` of a `<meta http-equiv=refresh>`: a navigation once it is inserted.
    Refresh,
}

/// The attribute names [`attribute_kind`] reads.
pub const SINK_NAMES: [&str; 7] = ["src", "srcset", "href", "ping", "data", "style", "content"];

/// What setting `name` on `el` hands the browser: `None` for an attribute that requests
/// nothing. The name is compared first: most calls set something else, and leave at once.
pub fn attribute_kind(el: &JsValue, name: &JsValue) -> Option<Sink> {
    let name = name.as_string()?;
    // `xlink:href` is `href` (setAttributeNS takes the qualified name).
    let local = name.rsplit(':').next().unwrap_or(&name);
    if !SINK_NAMES.iter().any(|a| a.eq_ignore_ascii_case(local)) {
        return None;
    }
    if local.eq_ignore_ascii_case("style") {
        return Some(Sink::Css);
    }
    // A local name is read faster than a class.
    let tag = js::get(el, "localName").as_string()?;
    if local.eq_ignore_ascii_case("content") {
        let equiv = js::call_method(el, "getAttribute", &[&"http-equiv".into()]).ok()?;
        let refresh = tag == "meta" && equiv.as_string()?.trim().eq_ignore_ascii_case("refresh");
        return refresh.then_some(Sink::Refresh);
    }
    URLS.iter()
        .find(|(_, tags, a, _)| tags.contains(&tag.as_str()) && a.eq_ignore_ascii_case(local))
        .map(|&(_, _, _, list)| Sink::Url { list })
}

/// `window.open`, `Element.prototype.setAttribute`/`setAttributeNS`/`insertAdjacentHTML`/
/// `setHTMLUnsafe`, `ShadowRoot.prototype.setHTMLUnsafe`, `Range.prototype.createContextualFragment`
/// of `scope`, as places to hook (where, which, kind), none with `elsewhere: 'off'`; and
/// always `RTCDataChannel.prototype.send` and `RTCPeerConnection.prototype.createDataChannel`
/// (the Realtime API's event channel is guarded whatever `elsewhere` says).
pub fn url_places(
    elsewhere: Elsewhere,
    scope: &JsValue,
) -> Vec<(JsValue, &'static str, &'static str)> {
    let proto = |class: &str| js::get(&js::get(scope, class), "prototype");
    let channels = [
        (proto("RTCDataChannel"), "send", "dataChannel"),
        (
            proto("RTCPeerConnection"),
            "createDataChannel",
            "createDataChannel",
        ),
    ];
    if elsewhere == Elsewhere::Off {
        return channels.into();
    }
    let mut places = vec![
        (scope.clone(), "open", "windowOpen"),
        (proto("Element"), "setAttribute", "setAttribute"),
        (proto("Element"), "setAttributeNS", "setAttributeNS"),
        (proto("Element"), "insertAdjacentHTML", "insertHTML"),
        (proto("Element"), "setHTMLUnsafe", "insertHTML"),
        (proto("ShadowRoot"), "setHTMLUnsafe", "insertHTML"),
        (proto("Range"), "createContextualFragment", "fragment"),
    ];
    places.extend(super::nodes::node_places(scope));
    places.extend(super::css::css_places(scope));
    places.extend(channels);
    places
}
