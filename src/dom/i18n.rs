//! User-visible strings of the browser layer (en, de, fr, es) as the JS objects the guard and
//! applications read: `strings(locale, overrides)` and `LOCALES`. `{check}`, `{word}`, `{rule}`
//! slots are filled by [`format`]; every string reaches the DOM through textContent only.

use super::{get, js_string};
use crate::lower::Lower;
use crate::rules::ENTITY_NAMES;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keys of the plain strings, in the order the objects list them (`count` goes after the
/// second, as in the published objects).
const KEYS: [&str; 26] = [
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
    "willRedact",
    "willMask",
    "byPolicy",
    "idNumber",
    "passportNumber",
    "licenceNumber",
    "taxNumber",
];

/// Entity ids with a translated display name: the catalog's [`ENTITY_NAMES`], whose English
/// names are the `en` locale's; the other locales translate them in the same order.
const ENTITIES: [&str; ENTITY_COUNT] = column(0);

/// How many entities have a display name.
const ENTITY_COUNT: usize = ENTITY_NAMES.len();

/// One column of [`ENTITY_NAMES`] (0: the id, 1: the English name).
const fn column(k: usize) -> [&'static str; ENTITY_COUNT] {
    let mut out = [""; ENTITY_COUNT];
    let mut i = 0;
    while i < ENTITY_COUNT {
        out[i] = if k == 0 {
            ENTITY_NAMES[i].0
        } else {
            ENTITY_NAMES[i].1
        };
        i += 1;
    }
    out
}

/// Reasons of the names pass (the `context` of its findings) with a plain-language line:
/// they are evidence ids, not words of the text.
const REASONS: [&str; 6] = [
    "gazetteer",
    "name-phrase",
    "title",
    "greeting",
    "address",
    "first-person",
];

/// Names-pass reason ids that read as one of [`REASONS`].
const REASON_ALIASES: [(&str, &str); 4] = [
    ("street", "address"),
    ("street-postcode", "address"),
    ("po-box", "address"),
    ("live-on", "address"),
];

/// One language's strings.
struct Locale {
    id: &'static str,
    texts: [&'static str; 26],
    /// `count(n)`: the text for one item, and the text around `n` for any other number.
    count: [&'static str; 3],
    entities: [&'static str; ENTITY_COUNT],
    reasons: [&'static str; 6],
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
        "will be removed",
        "will be partly hidden",
        "the policy does this in any case",
        "ID number ({country})",
        "Passport number ({country})",
        "Driving licence number ({country})",
        "Tax number ({country})",
    ],
    count: [
        "1 item of personal data was found.",
        "",
        " items of personal data were found.",
    ],
    entities: column(1),
    reasons: [
        "a known first name, surname or place name",
        "introduced as a name (\u{201c}my name is \u{2026}\u{201d})",
        "follows a title such as Mr or Dr",
        "follows a greeting or comes before a signature",
        "has the parts of a postal address",
        "a statement about the writer (\u{201c}I have \u{2026}\u{201d})",
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
        "wird entfernt",
        "wird teilweise verdeckt",
        "geschieht laut Richtlinie in jedem Fall",
        "Ausweis- oder Kennnummer ({country})",
        "Passnummer ({country})",
        "F\u{fc}hrerscheinnummer ({country})",
        "Steuernummer ({country})",
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
        "Ort",
        "Postanschrift",
        "Gesundheitsangabe",
        "Religi\u{f6}se \u{dc}berzeugung",
        "Politische Meinung",
        "Gewerkschaftszugeh\u{f6}rigkeit",
        "Sexuelle Orientierung",
        "Ethnische Herkunft",
        "Genetische oder biometrische Angabe",
        "Geburtsdatum",
        "Bankleitzahl (ABA)",
        "Kontonummer",
        "Bankcode (BIC)",
        "Krypto-Wallet-Adresse",
        "Koordinaten",
        "Ger\u{e4}tenummer (IMEI)",
        "Fahrzeug-Identnummer (FIN)",
        "Passdaten",
        "USt-IdNr.",
        "Akten- oder Kundennummer",
        "F\u{fc}hrerscheinnummer",
        "Kontonummer (PL)",
        "Gelisteter Begriff",
    ],
    reasons: [
        "ein bekannter Vor-, Nach- oder Ortsname",
        "als Name eingef\u{fc}hrt (\u{201e}ich hei\u{df}e \u{2026}\u{201c})",
        "steht nach einer Anrede wie Herr oder Dr.",
        "steht nach einer Begr\u{fc}\u{df}ung oder vor einer Unterschrift",
        "hat die Teile einer Postanschrift",
        "eine Aussage \u{fc}ber die schreibende Person (\u{201e}ich habe \u{2026}\u{201c})",
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
        "sera supprim\u{e9}",
        "sera partiellement masqu\u{e9}",
        "la politique l\u{2019}impose dans tous les cas",
        "Num\u{e9}ro d\u{2019}identification ({country})",
        "Num\u{e9}ro de passeport ({country})",
        "Num\u{e9}ro de permis de conduire ({country})",
        "Num\u{e9}ro fiscal ({country})",
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
        "Lieu",
        "Adresse postale",
        "Information de sant\u{e9}",
        "Conviction religieuse",
        "Opinion politique",
        "Appartenance syndicale",
        "Orientation sexuelle",
        "Origine ethnique",
        "Donn\u{e9}e g\u{e9}n\u{e9}tique ou biom\u{e9}trique",
        "Date de naissance",
        "Code bancaire (ABA)",
        "Num\u{e9}ro de compte bancaire",
        "Code banque (BIC)",
        "Adresse de portefeuille crypto",
        "Coordonn\u{e9}es g\u{e9}ographiques",
        "Num\u{e9}ro de s\u{e9}rie du t\u{e9}l\u{e9}phone (IMEI)",
        "Num\u{e9}ro de v\u{e9}hicule (VIN)",
        "Donn\u{e9}es de passeport",
        "Num\u{e9}ro de TVA",
        "Num\u{e9}ro de dossier ou de client",
        "Num\u{e9}ro de permis de conduire",
        "Num\u{e9}ro de compte bancaire (PL)",
        "Terme list\u{e9}",
    ],
    reasons: [
        "un pr\u{e9}nom, nom ou nom de lieu connu",
        "pr\u{e9}sent\u{e9} comme un nom (\u{ab} je m\u{2019}appelle \u{2026} \u{bb})",
        "suit un titre comme M. ou Dr",
        "suit une salutation ou pr\u{e9}c\u{e8}de une signature",
        "a les \u{e9}l\u{e9}ments d\u{2019}une adresse postale",
        "une d\u{e9}claration sur la personne qui \u{e9}crit (\u{ab} j\u{2019}ai \u{2026} \u{bb})",
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
        "se eliminar\u{e1}",
        "se ocultar\u{e1} en parte",
        "la pol\u{ed}tica lo hace en todo caso",
        "N\u{fa}mero de identificaci\u{f3}n ({country})",
        "N\u{fa}mero de pasaporte ({country})",
        "N\u{fa}mero de permiso de conducir ({country})",
        "N\u{fa}mero fiscal ({country})",
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
        "Lugar",
        "Direcci\u{f3}n postal",
        "Informaci\u{f3}n de salud",
        "Creencia religiosa",
        "Opini\u{f3}n pol\u{ed}tica",
        "Afiliaci\u{f3}n sindical",
        "Orientaci\u{f3}n sexual",
        "Origen \u{e9}tnico",
        "Dato gen\u{e9}tico o biom\u{e9}trico",
        "Fecha de nacimiento",
        "C\u{f3}digo bancario (ABA)",
        "N\u{fa}mero de cuenta bancaria",
        "C\u{f3}digo de banco (BIC)",
        "Direcci\u{f3}n de monedero cripto",
        "Coordenadas geogr\u{e1}ficas",
        "N\u{fa}mero de serie del tel\u{e9}fono (IMEI)",
        "N\u{fa}mero de veh\u{ed}culo (VIN)",
        "Datos del pasaporte",
        "N\u{fa}mero de IVA",
        "N\u{fa}mero de expediente o de cliente",
        "N\u{fa}mero de permiso de conducir",
        "N\u{fa}mero de cuenta bancaria (PL)",
        "T\u{e9}rmino de la lista",
    ],
    reasons: [
        "un nombre, apellido o lugar conocido",
        "presentado como nombre (\u{ab}me llamo \u{2026}\u{bb})",
        "sigue a un tratamiento como Sr. o Dr.",
        "sigue a un saludo o precede a una firma",
        "tiene las partes de una direcci\u{f3}n postal",
        "una afirmaci\u{f3}n sobre quien escribe (\u{ab}tengo \u{2026}\u{bb})",
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
    let r = Object::new();
    for (k, v) in REASONS.iter().zip(l.reasons) {
        set(&r, k, &JsValue::from_str(v));
    }
    set(&o, "reasons", &r);
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

/// The entity's display name: its translation; for a national identifier without one, its
/// kind and country (`DE_TAX_ID` → "Tax number (DE)"); else the id in words (`MY_CODE` →
/// "My code"), so no raw id reaches the user.
pub(crate) fn entity_name(s: &JsValue, entity: &JsValue) -> JsValue {
    let name = Reflect::get(&get(s, "entities"), entity).unwrap_or(JsValue::UNDEFINED);
    if !nullish(&name) {
        return name;
    }
    let id = String::from(js_string(entity));
    JsValue::from(describe_id(&id, |key| {
        let t = get(s, key);
        (!nullish(&t)).then(|| String::from(js_string(&t)))
    }))
}

/// [`entity_name`] for an id without a translation; `text(key)` reads a string.
fn describe_id(id: &str, text: impl Fn(&str) -> Option<String>) -> String {
    let country = id
        .split_once('_')
        .map(|(c, _)| c)
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()));
    if let Some(cc) = country {
        let kind = if id.contains("PASSPORT") {
            "passportNumber"
        } else if id.contains("DRIVING") || id.contains("DRIVER") {
            "licenceNumber"
        } else if [
            "TAX", "VAT", "NIF", "TFN", "UTR", "PAN", "ITIN", "NIP", "CNPJ",
        ]
        .iter()
        .any(|t| id.contains(t))
        {
            "taxNumber"
        } else {
            "idNumber"
        };
        if let Some(t) = text(kind) {
            return format(&t, "country", cc);
        }
    }
    let words = id.replace('_', " ").lower();
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => words,
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
        // The names pass gives its evidence as an id ("gazetteer"), not a word of the text.
        let id = REASON_ALIASES
            .iter()
            .find(|(a, _)| *a == v)
            .map_or(v.as_str(), |(_, to)| to);
        let plain = get(&get(s, "reasons"), id);
        if REASONS.contains(&id) && !nullish(&plain) {
            parts.push(String::from(js_string(&plain)));
        } else {
            parts.push(format(&template(s, "reasonContext"), "word", &v));
        }
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
