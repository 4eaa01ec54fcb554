//! User-visible strings of the browser layer (en, de, fr, es) as the JS objects the guard and
//! applications read: `strings(locale, overrides)` and `LOCALES`. `{check}`, `{word}`, `{rule}`
//! slots are filled by [`format`]; every string reaches the DOM through textContent only.

use super::{get, js_string};
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keys of the plain strings, in the order the objects list them (`count` goes after the
/// second, as in the published objects).
const KEYS: [&str; 19] = [
    "title",
    "description",
    "sendRedacted",
    "sendAsTyped",
    "edit",
    "cancel",
    "willReplace",
    "willSend",
    "allowedAlways",
    "allowedOnce",
    "preview",
    "reasonCheck",
    "reasonContext",
    "reasonPattern",
    "redact",
    "allowOnce",
    "alwaysAllow",
    "findingsLabel",
    "actionsHint",
];

/// Entity ids with a translated display name.
const ENTITIES: [&str; 10] = [
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "MAC_ADDRESS",
    "URL",
    "US_SSN",
    "PERSON",
    "SECRET",
];

/// One language's strings.
struct Locale {
    id: &'static str,
    texts: [&'static str; 19],
    /// `count(n)`: the text for one item, and the text around `n` for any other number.
    count: [&'static str; 3],
    entities: [&'static str; 10],
}

const EN: Locale = Locale {
    id: "en",
    texts: [
        "Personal data in your message",
        "Before this is sent, check what will leave your device.",
        "Send redacted",
        "Send as typed",
        "Edit",
        "Cancel",
        "will be replaced by a placeholder",
        "will be sent as typed",
        "always allowed",
        "allowed once",
        "What will be sent",
        "check {check} passed",
        "near \u{201c}{word}\u{201d}",
        "matches the {rule} pattern",
        "Redact",
        "Allow once",
        "Always allow this value",
        "Findings",
        "Alt+Down arrow for actions.",
    ],
    count: [
        "1 item of personal data was found.",
        "",
        " items of personal data were found.",
    ],
    entities: [
        "Email address",
        "Phone number",
        "Card number",
        "IBAN",
        "IP address",
        "MAC address",
        "Web address",
        "US Social Security number",
        "Name",
        "Secret or API key",
    ],
};

const DE: Locale = Locale {
    id: "de",
    texts: [
        "Personenbezogene Daten in Ihrer Nachricht",
        "Pr\u{fc}fen Sie vor dem Senden, was Ihr Ger\u{e4}t verl\u{e4}sst.",
        "Geschw\u{e4}rzt senden",
        "Wie eingegeben senden",
        "Bearbeiten",
        "Abbrechen",
        "wird durch einen Platzhalter ersetzt",
        "wird wie eingegeben gesendet",
        "immer erlaubt",
        "einmal erlaubt",
        "Was gesendet wird",
        "Pr\u{fc}fung {check} bestanden",
        "neben \u{201e}{word}\u{201c}",
        "passt zum Muster {rule}",
        "Schw\u{e4}rzen",
        "Einmal erlauben",
        "Diesen Wert immer erlauben",
        "Funde",
        "Alt+Pfeil nach unten f\u{fc}r Aktionen.",
    ],
    count: [
        "1 personenbezogenes Datum gefunden.",
        "",
        " personenbezogene Daten gefunden.",
    ],
    entities: [
        "E-Mail-Adresse",
        "Telefonnummer",
        "Kartennummer",
        "IBAN",
        "IP-Adresse",
        "MAC-Adresse",
        "Webadresse",
        "US-Sozialversicherungsnummer",
        "Name",
        "Geheimnis oder API-Schl\u{fc}ssel",
    ],
};

const FR: Locale = Locale {
    id: "fr",
    texts: [
        "Donn\u{e9}es personnelles dans votre message",
        "Avant l\u{2019}envoi, v\u{e9}rifiez ce qui quittera votre appareil.",
        "Envoyer masqu\u{e9}",
        "Envoyer tel quel",
        "Modifier",
        "Annuler",
        "sera remplac\u{e9} par un marqueur",
        "sera envoy\u{e9} tel quel",
        "toujours autoris\u{e9}",
        "autoris\u{e9} une fois",
        "Ce qui sera envoy\u{e9}",
        "contr\u{f4}le {check} r\u{e9}ussi",
        "pr\u{e8}s de \u{ab} {word} \u{bb}",
        "correspond au motif {rule}",
        "Masquer",
        "Autoriser une fois",
        "Toujours autoriser cette valeur",
        "\u{c9}l\u{e9}ments trouv\u{e9}s",
        "Alt+Fl\u{e8}che bas pour les actions.",
    ],
    count: [
        "1 donn\u{e9}e personnelle trouv\u{e9}e.",
        "",
        " donn\u{e9}es personnelles trouv\u{e9}es.",
    ],
    entities: [
        "Adresse e-mail",
        "Num\u{e9}ro de t\u{e9}l\u{e9}phone",
        "Num\u{e9}ro de carte",
        "IBAN",
        "Adresse IP",
        "Adresse MAC",
        "Adresse web",
        "Num\u{e9}ro de s\u{e9}curit\u{e9} sociale am\u{e9}ricain",
        "Nom",
        "Secret ou cl\u{e9} d\u{2019}API",
    ],
};

const ES: Locale = Locale {
    id: "es",
    texts: [
        "Datos personales en su mensaje",
        "Antes de enviar, compruebe lo que saldr\u{e1} de su dispositivo.",
        "Enviar ocultando",
        "Enviar tal cual",
        "Editar",
        "Cancelar",
        "se sustituir\u{e1} por un marcador",
        "se enviar\u{e1} tal cual",
        "siempre permitido",
        "permitido una vez",
        "Lo que se enviar\u{e1}",
        "control {check} superado",
        "junto a \u{ab}{word}\u{bb}",
        "coincide con el patr\u{f3}n {rule}",
        "Ocultar",
        "Permitir una vez",
        "Permitir siempre este valor",
        "Hallazgos",
        "Alt+Flecha abajo para las acciones.",
    ],
    count: [
        "Se encontr\u{f3} 1 dato personal.",
        "Se encontraron ",
        " datos personales.",
    ],
    entities: [
        "Correo electr\u{f3}nico",
        "N\u{fa}mero de tel\u{e9}fono",
        "N\u{fa}mero de tarjeta",
        "IBAN",
        "Direcci\u{f3}n IP",
        "Direcci\u{f3}n MAC",
        "Direcci\u{f3}n web",
        "N\u{fa}mero de la Seguridad Social de EE. UU.",
        "Nombre",
        "Secreto o clave de API",
    ],
};

const ALL: [&Locale; 4] = [&EN, &DE, &FR, &ES];

thread_local! {
    // Built once: `LOCALES` hands out these very objects, and `strings()` copies from them.
    static BUILT: RefCell<Vec<Object>> = const { RefCell::new(Vec::new()) };
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn build(l: &'static Locale) -> Object {
    let o = Object::new();
    for (i, (k, v)) in KEYS.iter().zip(l.texts).enumerate() {
        set(&o, k, &JsValue::from_str(v));
        if i == 1 {
            let count = Closure::<dyn Fn(JsValue) -> JsValue>::new(move |n: JsValue| {
                if n.as_f64() == Some(1.0) {
                    return JsValue::from_str(l.count[0]);
                }
                let mut s = String::from(l.count[1]);
                s.push_str(&String::from(js_string(&n)));
                s.push_str(l.count[2]);
                JsValue::from(s)
            });
            set(&o, "count", &count.into_js_value());
        }
    }
    let e = Object::new();
    for (k, v) in ENTITIES.iter().zip(l.entities) {
        set(&e, k, &JsValue::from_str(v));
    }
    set(&o, "entities", &e);
    o
}

/// The shipped objects, in the order of `ALL`.
fn built() -> Vec<Object> {
    BUILT.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_empty() {
            *b = ALL.iter().map(|l| build(l)).collect();
        }
        b.clone()
    })
}

/// `LOCALES`: the shipped strings by language.
#[wasm_bindgen(js_name = locales)]
pub fn locales() -> Object {
    let o = Object::new();
    for (l, obj) in ALL.iter().zip(built()) {
        set(&o, l.id, &obj);
    }
    o
}

fn nullish(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// The strings for `locale` ("de", "de-AT", ...; the browser's language when absent), falling
/// back to English, with `overrides` on top (their `entities` merged name by name).
#[wasm_bindgen(js_name = strings)]
pub fn strings(locale: JsValue, overrides: JsValue) -> Object {
    let mut chosen = locale;
    if nullish(&chosen) {
        let nav = get(&js_sys::global(), "navigator");
        if !nullish(&nav) {
            chosen = get(&nav, "language");
        }
    }
    let tag = if nullish(&chosen) {
        String::from("en")
    } else {
        String::from(js_string(&chosen))
    };
    let lang = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let all = built();
    let base = ALL
        .iter()
        .position(|l| l.id == lang)
        .map_or(&all[0], |i| &all[i]);
    let en = &all[0];
    let out = Object::new();
    let _ = Object::assign_many(
        &out,
        &[en.clone(), base.clone(), overrides.clone().unchecked_into()],
    );
    let own = if overrides.is_object() {
        get(&overrides, "entities")
    } else {
        JsValue::UNDEFINED
    };
    let entities = Object::new();
    let _ = Object::assign_many(
        &entities,
        &[
            get(en, "entities").unchecked_into(),
            get(base, "entities").unchecked_into(),
            own.unchecked_into(),
        ],
    );
    set(&out, "entities", &entities);
    out
}

/// Fills `{name}` slots: `name`'s value where given, nothing for any other slot.
pub(crate) fn format(template: &str, name: &str, value: &str) -> String {
    let mut out = String::with_capacity(template.len() + value.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if len > 0 && after.as_bytes().get(len) == Some(&b'}') {
            if &after[..len] == name {
                out.push_str(value);
            }
            rest = &after[len + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The entity's display name, or the id itself for a type without a translation.
pub(crate) fn entity_name(s: &JsValue, entity: &JsValue) -> JsValue {
    let name = Reflect::get(&get(s, "entities"), entity).unwrap_or(JsValue::UNDEFINED);
    if nullish(&name) {
        entity.clone()
    } else {
        name
    }
}

fn template(s: &JsValue, key: &str) -> String {
    String::from(js_string(&get(s, key)))
}

/// Why a finding was reported, as one line.
pub(crate) fn reason_text(s: &JsValue, f: &JsValue) -> String {
    let mut parts: Vec<String> = Vec::new();
    let check = get(f, "check");
    if check.is_truthy() {
        let v = String::from(js_string(&check));
        parts.push(format(&template(s, "reasonCheck"), "check", &v));
    }
    let context = get(f, "context");
    if context.is_truthy() {
        let v = String::from(js_string(&context));
        parts.push(format(&template(s, "reasonContext"), "word", &v));
    }
    if parts.is_empty() {
        let rule = get(f, "rule");
        let v = if nullish(&rule) {
            String::new()
        } else {
            String::from(js_string(&rule))
        };
        parts.push(format(&template(s, "reasonPattern"), "rule", &v));
    }
    parts.join(" \u{b7} ")
}
