//! Evaluation of the names pass (issue 5): sentences generated from templates in eight
//! languages with names, streets and cities from `tests/data/test-names.tsv` (mimesis, a
//! different source from the detector's gazetteer), a false-positive suite on ordinary prose,
//! hard cases, and a throughput figure.

use pii_airlock::{Engine, EngineOptions, Finding};
use std::collections::HashMap;

const DATA: &str = include_str!("data/test-names.tsv");
const LANGS: [&str; 8] = ["en", "de", "fr", "es", "it", "nl", "pl", "pt"];

fn pool() -> HashMap<(String, String), Vec<String>> {
    let mut m: HashMap<(String, String), Vec<String>> = HashMap::new();
    for line in DATA.lines() {
        let mut p = line.split('\t');
        let (k, l, v) = (p.next().unwrap(), p.next().unwrap(), p.next().unwrap());
        m.entry((k.to_string(), l.to_string())).or_default().push(v.to_string());
    }
    m
}

/// A test sentence: its text and the gold spans (entity, byte range).
struct Case {
    text: String,
    gold: Vec<(&'static str, usize, usize)>,
}

/// Fills `{X}` slots of a template; each slot's value becomes a gold span of its entity.
fn fill(template: &str, slots: &[(&str, &'static str, String)]) -> Case {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap();
        let name = &rest[open + 1..close];
        let (_, entity, value) = slots.iter().find(|s| s.0 == name).expect("slot");
        let start = text.len();
        text.push_str(value);
        if !entity.is_empty() {
            gold.push((*entity, start, text.len()));
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    Case { text, gold }
}

fn person_templates(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "Please forward this to {P} before Friday.",
            "Dear {F},\nthanks for your help with the move.",
            "My name is {P} and I need help with my tax return.",
            "I had lunch with {P} yesterday and we talked about the project.",
            "Mrs. {L} will call you back tomorrow.",
            "Best regards,\n{P}",
        ],
        "de" => &[
            "Bitte leite das vor Freitag an {P} weiter.",
            "Hallo {F},\ndanke für deine Hilfe beim Umzug.",
            "Mein Name ist {P} und ich brauche Hilfe bei der Steuererklärung.",
            "Gestern war ich mit {P} essen und wir haben über das Projekt gesprochen.",
            "Frau {L} ruft Sie morgen zurück.",
            "Mit freundlichen Grüßen\n{P}",
        ],
        "fr" => &[
            "Merci de transmettre ceci à {P} avant vendredi.",
            "Bonjour {F},\nmerci pour ton aide pendant le déménagement.",
            "Je m'appelle {P} et j'ai besoin d'aide pour ma déclaration.",
            "J'ai déjeuné avec {P} hier et nous avons parlé du projet.",
            "Mme {L} vous rappellera demain.",
            "Cordialement,\n{P}",
        ],
        "es" => &[
            "Por favor, envía esto a {P} antes del viernes.",
            "Hola {F},\ngracias por tu ayuda con la mudanza.",
            "Me llamo {P} y necesito ayuda con mi declaración.",
            "Ayer comí con {P} y hablamos del proyecto.",
            "La Sra. {L} le llamará mañana.",
            "Saludos,\n{P}",
        ],
        "it" => &[
            "Per favore inoltra questo a {P} entro venerdì.",
            "Ciao {F},\ngrazie per l'aiuto con il trasloco.",
            "Mi chiamo {P} e ho bisogno di aiuto con la dichiarazione.",
            "Ieri ho pranzato con {P} e abbiamo parlato del progetto.",
            "Il Sig. {L} la richiamerà domani.",
            "Cordiali saluti,\n{P}",
        ],
        "nl" => &[
            "Stuur dit voor vrijdag door naar {P} alsjeblieft.",
            "Hallo {F},\nbedankt voor je hulp bij de verhuizing.",
            "Ik heet {P} en ik heb hulp nodig bij mijn aangifte.",
            "Gisteren heb ik met {P} geluncht en over het project gepraat.",
            "Mevr. {L} belt u morgen terug.",
            "Met vriendelijke groet,\n{P}",
        ],
        "pl" => &[
            "Proszę przekazać to do {P} przed piątkiem.",
            "Dzień dobry {F},\ndziękuję za pomoc przy przeprowadzce.",
            "Nazywam się {P} i potrzebuję pomocy z zeznaniem podatkowym.",
            "Wczoraj byłem na obiedzie z {P} i rozmawialiśmy o projekcie.",
            "Pani {L} oddzwoni jutro.",
            "Pozdrawiam,\n{P}",
        ],
        _ => &[
            "Por favor, envie isto para {P} até sexta-feira.",
            "Olá {F},\nobrigado pela ajuda com a mudança.",
            "O meu nome é {P} e preciso de ajuda com a declaração.",
            "Ontem almocei com {P} e falámos sobre o projeto.",
            "A Sra. {L} vai ligar de volta amanhã.",
            "Atenciosamente,\n{P}",
        ],
    }
}

/// Street addresses in each country's order and wording.
fn address(lang: &str, k: usize, street: &str, city: &str) -> String {
    let n = 3 + k * 7 % 180;
    match (lang, k % 2) {
        ("en", 0) => format!("{n} {street} Street, {city}, CA 9{:04}", 1000 + k),
        ("en", _) => match k % 6 {
            1 => format!("{n} {street} Road, {city} SW1A 2AA"),
            3 => format!("{n} {street} Avenue, {city}, ON K1A 0B1"),
            _ => format!("{n} {street} St, {city} NSW 2000"),
        },
        ("de", _) => format!("{street} {n}, {:05} {city}", 10115 + k),
        ("nl", _) => format!("{street} {n}, {} AB {city}", 1012 + k),
        ("fr", _) => format!("{n} rue {street}, {:05} {city}", 75002 + k),
        ("es", _) => format!("Calle {street} {n}, {:05} {city}", 28013 + k),
        ("it", _) => format!("Via {street} {n}, {:05} {city}", 184 + k),
        ("pl", _) => format!("ul. {street} {n}, 00-{:03} {city}", k),
        ("pt", 0) => format!("Rua {street} {n}, 1100-{:03} {city}", 53 + k),
        _ => format!("Rua {street}, {n}, 01310-{:03} {city}", 100 + k),
    }
}

fn address_templates(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["Please send the parcel to {A}. Thanks!", "My new address is {A}."],
        "de" => &["Bitte schick das Paket an {A}. Danke!", "Meine neue Adresse: {A}."],
        "fr" => &["Merci d'envoyer le colis au {A}. Merci !", "Ma nouvelle adresse : {A}."],
        "es" => &["Envía el paquete a {A}, por favor.", "Mi nueva dirección es {A}."],
        "it" => &["Spedisci il pacco a {A}, grazie.", "Il mio nuovo indirizzo è {A}."],
        "nl" => &["Stuur het pakket naar {A}. Bedankt!", "Mijn nieuwe adres is {A}."],
        "pl" => &["Proszę wysłać paczkę na adres {A}. Dziękuję!", "Mój nowy adres to {A}."],
        _ => &["Envie a encomenda para {A}, por favor.", "A minha nova morada é {A}."],
    }
}

/// Sentences without people: a city, products, and ordinary words in capitals.
fn negative_templates(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "The conference in {C} starts on Monday, March 3.",
            "What's the weather like in {C} this weekend?",
            "Open Settings, then click Save Changes to apply the New Layout.",
        ],
        "de" => &[
            "Die Konferenz in {C} beginnt am Montag.",
            "Wie wird das Wetter am Wochenende in {C}?",
            "Öffnen Sie die Einstellungen und klicken Sie auf Speichern.",
        ],
        "fr" => &[
            "La conférence à {C} commence lundi.",
            "Quel temps fera-t-il à {C} ce week-end ?",
            "Ouvrez les Paramètres puis cliquez sur Enregistrer.",
        ],
        "es" => &[
            "La conferencia en {C} empieza el lunes.",
            "¿Qué tiempo hará en {C} este fin de semana?",
            "Abra la Configuración y haga clic en Guardar.",
        ],
        "it" => &[
            "La conferenza a {C} inizia lunedì.",
            "Che tempo farà a {C} questo fine settimana?",
            "Apri le Impostazioni e fai clic su Salva.",
        ],
        "nl" => &[
            "De conferentie in {C} begint maandag.",
            "Wat voor weer wordt het dit weekend in {C}?",
            "Open de Instellingen en klik op Opslaan.",
        ],
        "pl" => &[
            "Konferencja w {C} zaczyna się w poniedziałek.",
            "Jaka będzie pogoda w {C} w ten weekend?",
            "Otwórz Ustawienia i kliknij Zapisz.",
        ],
        _ => &[
            "A conferência em {C} começa na segunda-feira.",
            "Como vai estar o tempo em {C} este fim de semana?",
            "Abra as Definições e clique em Guardar.",
        ],
    }
}

fn corpus() -> Vec<Case> {
    let pool = pool();
    let get = |k: &str, l: &str| pool.get(&(k.to_string(), l.to_string())).expect("pool");
    let mut cases = Vec::new();
    for lang in LANGS {
        let (firsts, lasts) = (get("first", lang), get("last", lang));
        let (streets, cities) = (get("street", lang), get("city", lang));
        for (k, first) in firsts.iter().enumerate().take(40) {
            let last = &lasts[k % lasts.len()];
            let t = person_templates(lang);
            let template = t[k % t.len()];
            let full = format!("{first} {last}");
            cases.push(fill(
                template,
                &[
                    ("P", "PERSON", full),
                    ("F", "PERSON", first.clone()),
                    ("L", "PERSON", last.clone()),
                ],
            ));
        }
        for k in 0..30 {
            let street = &streets[k % streets.len()];
            let city = &cities[(k * 7) % cities.len()];
            let t = address_templates(lang);
            cases.push(fill(
                t[k % t.len()],
                &[("A", "STREET_ADDRESS", address(lang, k, street, city))],
            ));
        }
        for (k, city) in cities.iter().enumerate().take(15) {
            let t = negative_templates(lang);
            cases.push(fill(t[k % t.len()], &[("C", "", city.clone())]));
        }
    }
    cases
}

/// Two spans match when they overlap by at least half of their union.
fn matches(a: (usize, usize), b: (usize, usize)) -> bool {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    inter * 2 >= union
}

#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

fn evaluate(engine: &Engine, cases: &[Case], entity: &str, show: bool) -> Score {
    let mut s = Score::default();
    for c in cases {
        let found: Vec<&Finding> = engine
            .scan(&c.text)
            .into_iter()
            .filter(|f| &*f.entity == entity)
            .collect::<Vec<_>>()
            .leak()
            .iter()
            .collect();
        let gold: Vec<_> = c.gold.iter().filter(|g| g.0 == entity).collect();
        for g in &gold {
            if found.iter().any(|f| matches((f.start, f.end), (g.1, g.2))) {
                s.tp += 1;
            } else {
                s.fn_ += 1;
                if show {
                    eprintln!("missed {entity}: {:?}", c.text);
                }
            }
        }
        for f in &found {
            if !gold.iter().any(|g| matches((f.start, f.end), (g.1, g.2))) {
                s.fp += 1;
                if show {
                    eprintln!("spurious {entity}: {:?} in {:?}", &c.text[f.start..f.end], c.text);
                }
            }
        }
    }
    s
}

#[test]
fn person_and_address_precision_recall() {
    let engine = Engine::default_engine();
    let cases = corpus();
    let show = std::env::var_os("NAMES_EVAL_VERBOSE").is_some();
    let person = evaluate(&engine, &cases, "PERSON", show);
    let address = evaluate(&engine, &cases, "STREET_ADDRESS", show);
    println!(
        "PERSON precision {:.3} recall {:.3} ({:?}); STREET_ADDRESS precision {:.3} recall {:.3} ({:?}); {} sentences",
        person.precision(),
        person.recall(),
        person,
        address.precision(),
        address.recall(),
        address,
        cases.len()
    );
    assert!(person.precision() >= 0.85, "PERSON precision {person:?}");
    assert!(person.recall() >= 0.85, "PERSON recall {person:?}");
    assert!(address.precision() >= 0.85, "STREET_ADDRESS precision {address:?}");
    assert!(address.recall() >= 0.85, "STREET_ADDRESS recall {address:?}");
}
