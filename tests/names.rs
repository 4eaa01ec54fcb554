//! Evaluation of the names pass (issue 5): sentences generated from templates in eight
//! languages with names, streets and cities from `tests/data/test-names.tsv` (mimesis, a
//! different source from the detector's gazetteer), a false-positive suite on ordinary prose,
//! hard cases, and a throughput figure.

mod names_common;

use names_common::{assert_found, assert_no_people, found, has};
use pii_airlock::{Engine, EngineOptions, Finding};
use std::collections::HashMap;

const DATA: &str = include_str!("data/test-names.tsv");
const LANGS: [&str; 8] = ["en", "de", "fr", "es", "it", "nl", "pl", "pt"];

fn pool() -> HashMap<(String, String), Vec<String>> {
    let mut m: HashMap<(String, String), Vec<String>> = HashMap::new();
    for line in DATA.lines() {
        let mut p = line.split('\t');
        let (k, l, v) = (p.next().unwrap(), p.next().unwrap(), p.next().unwrap());
        m.entry((k.to_string(), l.to_string()))
            .or_default()
            .push(v.to_string());
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
        "en" => &[
            "Please send the parcel to {A}. Thanks!",
            "My new address is {A}.",
        ],
        "de" => &[
            "Bitte schick das Paket an {A}. Danke!",
            "Meine neue Adresse: {A}.",
        ],
        "fr" => &[
            "Merci d'envoyer le colis au {A}. Merci !",
            "Ma nouvelle adresse : {A}.",
        ],
        "es" => &[
            "Envía el paquete a {A}, por favor.",
            "Mi nueva dirección es {A}.",
        ],
        "it" => &[
            "Spedisci il pacco a {A}, grazie.",
            "Il mio nuovo indirizzo è {A}.",
        ],
        "nl" => &[
            "Stuur het pakket naar {A}. Bedankt!",
            "Mijn nieuwe adres is {A}.",
        ],
        "pl" => &[
            "Proszę wysłać paczkę na adres {A}. Dziękuję!",
            "Mój nowy adres to {A}.",
        ],
        _ => &[
            "Envie a encomenda para {A}, por favor.",
            "A minha nova morada é {A}.",
        ],
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
                    eprintln!(
                        "spurious {entity}: {:?} in {:?}",
                        &c.text[f.start..f.end],
                        c.text
                    );
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
    assert!(
        address.precision() >= 0.85,
        "STREET_ADDRESS precision {address:?}"
    );
    assert!(
        address.recall() >= 0.85,
        "STREET_ADDRESS recall {address:?}"
    );
}

fn special_cases() -> (
    Vec<(&'static str, &'static str, &'static str)>,
    Vec<&'static str>,
) {
    // (text, entity, stated span)
    let positives = vec![
        (
            "I was diagnosed with diabetes last year.",
            "HEALTH_DATA",
            "diabetes",
        ),
        (
            "My son is autistic and starts school soon.",
            "HEALTH_DATA",
            "autistic",
        ),
        (
            "I have type 2 diabetes, what should I eat?",
            "HEALTH_DATA",
            "diabetes",
        ),
        (
            "I'm pregnant and need advice on leave.",
            "HEALTH_DATA",
            "pregnant",
        ),
        ("I take insulin twice a day.", "HEALTH_DATA", "insulin"),
        (
            "I'm a Muslim and fast during Ramadan.",
            "RELIGIOUS_BELIEF",
            "a Muslim",
        ),
        (
            "I voted for the Greens in the last election.",
            "POLITICAL_OPINION",
            "the Greens",
        ),
        (
            "I'm a member of the union at work.",
            "TRADE_UNION",
            "the union",
        ),
        (
            "I'm gay and my parents don't know.",
            "SEXUAL_ORIENTATION",
            "gay",
        ),
        (
            "I carry the BRCA1 mutation.",
            "BIOMETRIC_GENETIC_DATA",
            "the BRCA1 mutation",
        ),
        (
            "Ich bin schwanger und brauche Rat.",
            "HEALTH_DATA",
            "schwanger",
        ),
        (
            "Ich habe Diabetes seit zehn Jahren.",
            "HEALTH_DATA",
            "Diabetes",
        ),
        (
            "Ich bin Mitglied der IG Metall.",
            "TRADE_UNION",
            "IG Metall",
        ),
        ("Ich bin schwul.", "SEXUAL_ORIENTATION", "schwul"),
        (
            "Je suis musulman et je travaille le vendredi.",
            "RELIGIOUS_BELIEF",
            "musulman",
        ),
        ("J'ai un cancer du sein.", "HEALTH_DATA", "cancer du sein"),
        (
            "Je souffre d'asthme depuis l'enfance.",
            "HEALTH_DATA",
            "d'asthme",
        ),
        ("Je suis syndiqué depuis 2010.", "TRADE_UNION", "syndiqué"),
        ("Soy gay y vivo en Madrid.", "SEXUAL_ORIENTATION", "gay"),
        ("Tengo epilepsia desde niño.", "HEALTH_DATA", "epilepsia"),
        (
            "Estoy embarazada de tres meses.",
            "HEALTH_DATA",
            "embarazada",
        ),
        ("Sono iscritto alla CGIL da anni.", "TRADE_UNION", "CGIL"),
        ("Soffro di depressione.", "HEALTH_DATA", "depressione"),
        (
            "Sono cattolico praticante.",
            "RELIGIOUS_BELIEF",
            "cattolico",
        ),
        (
            "Ik ben zwanger van ons tweede kind.",
            "HEALTH_DATA",
            "zwanger",
        ),
        ("Ik ben lid van de FNV.", "TRADE_UNION", "FNV"),
        ("Mam cukrzycę od dziecka.", "HEALTH_DATA", "cukrzycę"),
        ("Jestem katolikiem.", "RELIGIOUS_BELIEF", "katolikiem"),
        ("Tenho asma desde pequeno.", "HEALTH_DATA", "asma"),
        ("Sou muçulmano.", "RELIGIOUS_BELIEF", "muçulmano"),
        ("Meu filho tem autismo.", "HEALTH_DATA", "autismo"),
    ];
    let negatives = vec![
        "Diabetes is a disease that affects millions of people.",
        "The article explains how insulin works in the body.",
        "Islam and Christianity are both monotheistic religions.",
        "The union called a strike for Monday.",
        "Gay marriage was legalised in 2001 in the Netherlands.",
        "BRCA1 mutations raise the risk of breast cancer.",
        "I am not diabetic, but my diet is strict.",
        "I read a book about depression.",
        "Diabetes ist eine Volkskrankheit.",
        "Die Gewerkschaft IG Metall fordert mehr Lohn.",
        "Le cancer du sein touche une femme sur huit.",
        "La epilepsia es un trastorno neurológico.",
        "La CGIL ha indetto uno sciopero.",
        "Zwangerschap duurt ongeveer negen maanden.",
        "Cukrzyca to choroba przewlekła.",
        "A asma é uma doença respiratória.",
        "I am happy with the new design.",
        "I have a meeting with the union representative.",
        "I have a question about the Greens' manifesto.",
        "My son is at school and my wife is at work.",
    ];
    (positives, negatives)
}

#[test]
fn special_categories_precision() {
    let engine = Engine::default_engine();
    let special = [
        "HEALTH_DATA",
        "RELIGIOUS_BELIEF",
        "POLITICAL_OPINION",
        "TRADE_UNION",
        "SEXUAL_ORIENTATION",
        "ETHNIC_ORIGIN",
        "BIOMETRIC_GENETIC_DATA",
    ];
    let (positives, negatives) = special_cases();
    let mut s = Score::default();
    for (text, entity, span) in &positives {
        let at = text.find(span).unwrap();
        let gold = (at, at + span.len());
        let found: Vec<_> = engine
            .scan(text)
            .into_iter()
            .filter(|f| special.contains(&&*f.entity))
            .collect();
        let hit = found
            .iter()
            .any(|f| &*f.entity == *entity && matches((f.start, f.end), gold));
        if hit {
            s.tp += 1;
        } else {
            s.fn_ += 1;
            eprintln!("missed {entity}: {text:?}");
        }
        s.fp += found
            .iter()
            .filter(|f| !(&*f.entity == *entity && matches((f.start, f.end), gold)))
            .count();
    }
    for text in &negatives {
        let found: Vec<_> = engine
            .scan(text)
            .into_iter()
            .filter(|f| special.contains(&&*f.entity))
            .collect();
        for f in &found {
            eprintln!("spurious {}: {:?}", f.entity, &text[f.start..f.end]);
        }
        s.fp += found.len();
    }
    println!(
        "special categories precision {:.3} recall {:.3} ({s:?})",
        s.precision(),
        s.recall()
    );
    assert!(s.precision() >= 0.9, "{s:?}");
    // Recall is not the goal here, but the phrase lists must find most direct statements.
    assert!(s.recall() >= 0.8, "{s:?}");
}

#[test]
fn names_that_are_words_need_evidence() {
    let e = Engine::default_engine();
    for text in [
        "Will you send the report?",
        "Please mark the box and pay the bill.",
        "There is hope for the rose garden.",
        "Bill the customer and Mark the invoice as paid.",
        "I hope you will bring a rose.",
    ] {
        let people: Vec<_> = found(&e, text)
            .into_iter()
            .filter(|(k, _)| k == "PERSON")
            .collect();
        assert!(people.is_empty(), "{text:?}: {people:?}");
    }
    assert!(has(
        &e,
        "I met Mrs. Rose Taylor yesterday.",
        "PERSON",
        "Rose Taylor"
    ));
    assert!(has(&e, "Dear Will,\nthanks a lot.", "PERSON", "Will"));
    assert!(has(&e, "Best regards,\nMark", "PERSON", "Mark"));
    assert!(has(
        &e,
        "My name is Hope Williams.",
        "PERSON",
        "Hope Williams"
    ));
}

#[test]
fn paris_hilton_versus_paris() {
    let e = Engine::default_engine();
    assert!(has(
        &e,
        "Paris Hilton was at the party.",
        "PERSON",
        "Paris Hilton"
    ));
    let t = "What's the weather in Paris tomorrow?";
    assert!(has(&e, t, "LOCATION", "Paris"));
    assert!(!found(&e, t).iter().any(|(k, _)| k == "PERSON"));
}

#[test]
fn names_inside_emails_and_urls_are_not_separate() {
    let e = Engine::default_engine();
    for text in [
        "Write to john.smith@example.com today.",
        "See https://example.com/people/AnnaSchmidt and https://example.com/John-Smith",
        "Mail Maria.Garcia@example.org please",
    ] {
        let f = found(&e, text);
        assert!(!f.iter().any(|(k, _)| k == "PERSON"), "{text:?}: {f:?}");
    }
    assert!(has(
        &e,
        "Write to john.smith@example.com today.",
        "EMAIL_ADDRESS",
        "john.smith@example.com"
    ));
}

#[test]
fn all_caps_headers_and_names() {
    let e = Engine::default_engine();
    let t = "MEETING NOTES\nACTION ITEMS\nJOHN SMITH will send the QUARTERLY REPORT.";
    let people: Vec<_> = found(&e, t)
        .into_iter()
        .filter(|(k, _)| k == "PERSON")
        .collect();
    assert_eq!(
        people,
        vec![("PERSON".to_string(), "JOHN SMITH".to_string())]
    );
}

#[test]
fn lowercase_chat() {
    let e = Engine::default_engine();
    assert!(has(&e, "hey its john smith here", "PERSON", "john smith"));
    assert!(has(
        &e,
        "hi, my name is maria and i need help",
        "PERSON",
        "maria"
    ));
    let f = found(&e, "hey can you check the build and the tests here");
    assert!(!f.iter().any(|(k, _)| k == "PERSON"), "{f:?}");
}

#[test]
fn offsets_after_emoji_and_non_ascii() {
    let e = Engine::default_engine();
    let t = "🎉🎉 Grüße aus Köln! Łukasz Wiśniewski 👋 wohnt in der Hauptstraße 5, 10115 Berlin.";
    assert!(has(&e, t, "PERSON", "Łukasz Wiśniewski"));
    assert!(has(&e, t, "STREET_ADDRESS", "Hauptstraße 5, 10115 Berlin"));
    for f in e.scan(t) {
        assert!(t.is_char_boundary(f.start) && t.is_char_boundary(f.end));
    }
}

#[test]
fn names_pass_can_be_switched_off_and_fed_a_gazetteer() {
    let off = Engine::new(&EngineOptions {
        names: false,
        ..EngineOptions::default()
    })
    .unwrap();
    assert!(off.scan("Dear Anna Schmidt, 12 Baker Street").is_empty());
    let g = pii_airlock::Gazetteer::from_bytes(b"anna\tf\nschmidt\tl\n").unwrap();
    let small = Engine::new(&EngineOptions {
        gazetteer: Some(std::sync::Arc::new(g)),
        ..EngineOptions::default()
    })
    .unwrap();
    assert!(has(
        &small,
        "I met Anna Schmidt at noon.",
        "PERSON",
        "Anna Schmidt"
    ));
    let disabled = Engine::new(&EngineOptions {
        disabled_rules: vec!["person".into()],
        ..EngineOptions::default()
    })
    .unwrap();
    assert!(!has(
        &disabled,
        "I met Anna Schmidt at noon.",
        "PERSON",
        "Anna Schmidt"
    ));
}

/// Ordinary prose from the machine: the Rust documentation sources and READMEs.
fn prose(limit: usize) -> String {
    let mut out = String::new();
    let mut dirs = vec![];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(std::path::PathBuf::from(home).join(".rustup/toolchains"));
    }
    dirs.push("/usr/share/doc".into());
    let mut stack = dirs;
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md" || x == "rs")
                || p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("README"))
            {
                files.push(p);
            }
        }
    }
    files.sort();
    for p in files {
        if out.len() >= limit {
            break;
        }
        if let Ok(s) = std::fs::read_to_string(&p) {
            out.push_str(&s);
            out.push('\n');
        }
    }
    let mut cut = limit.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

#[test]
fn false_positives_per_mb_on_ordinary_prose() {
    let text = prose(2 << 20);
    if text.len() < 100_000 {
        eprintln!(
            "not enough prose on this machine ({} bytes); skipped",
            text.len()
        );
        return;
    }
    let engine = Engine::default_engine();
    let mut people = 0;
    let mut addresses = 0;
    let mut shown = 0;
    for chunk in text.split("\n\n") {
        for f in engine.scan(chunk) {
            match &*f.entity {
                "PERSON" => people += 1,
                "STREET_ADDRESS" => addresses += 1,
                _ => continue,
            }
            if shown < 60 && std::env::var_os("NAMES_EVAL_VERBOSE").is_some() {
                shown += 1;
                eprintln!("{}: {:?}", f.entity, &chunk[f.start..f.end]);
            }
        }
    }
    let mb = text.len() as f64 / (1 << 20) as f64;
    println!(
        "prose: {:.2} MB, PERSON {:.1}/MB, STREET_ADDRESS {:.1}/MB",
        mb,
        people as f64 / mb,
        addresses as f64 / mb
    );
    // Documentation names real people (authors, contributors) and has title-case headings,
    // so zero is not expected; the bound is about one finding per 10 KB for PERSON.
    assert!(
        (people as f64 / mb) < 100.0,
        "PERSON {people} in {mb:.2} MB"
    );
    assert!(
        (addresses as f64 / mb) < 10.0,
        "STREET_ADDRESS {addresses} in {mb:.2} MB"
    );
}

#[test]
fn names_pass_throughput() {
    let text = prose(1 << 20);
    if text.len() < 100_000 {
        return;
    }
    let on = Engine::default_engine();
    let off = Engine::new(&EngineOptions {
        names: false,
        ..EngineOptions::default()
    })
    .unwrap();
    // The fastest of several runs: the machine is shared, and the minimum is the least
    // disturbed measurement.
    // Thread CPU time where Linux offers it (the machine may be shared), else wall time.
    let cpu = || {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split(' ').next()?.parse::<u64>().ok())
    };
    let time = |e: &Engine| {
        (0..7)
            .map(|_| {
                let (t, c) = (std::time::Instant::now(), cpu());
                std::hint::black_box(e.scan(&text).len());
                match (c, cpu()) {
                    (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
                    _ => t.elapsed().as_secs_f64(),
                }
            })
            .fold(f64::INFINITY, f64::min)
    };
    let a = time(&on);
    let b = time(&off);
    let mb = text.len() as f64 / (1 << 20) as f64;
    let pass = (a - b).max(1e-9);
    println!(
        "throughput on {:.2} MB: engine with names {:.0} MB/s, without {:.0} MB/s, names pass alone {:.0} MB/s{}",
        mb,
        mb / a,
        mb / b,
        mb / pass,
        if cfg!(debug_assertions) { " (debug build)" } else { "" }
    );
}

#[test]
fn addresses_in_each_countrys_order() {
    let e = Engine::default_engine();
    for addr in [
        "12 Baker Street",
        "Hauptstraße 5, 10115 Berlin",
        "12 rue de la Paix, 75002 Paris",
        "Calle Mayor 5, 28013 Madrid",
        "Via Roma 10, 00184 Roma",
        "Kerkstraat 12, 1012 AB Amsterdam",
        "ul. Marszałkowska 10, 00-001 Warszawa",
        "Rua Augusta 100, 1100-053 Lisboa",
        "221B Baker St, London NW1 6XE",
        "1600 Pennsylvania Ave NW, Washington, DC 20500",
        "Flat 3, 14 High Street",
        "PO Box 1234",
        "P.O. Box 77",
        "Postfach 12 34 56",
        "Apartado de Correos 45",
        "Casella postale 12",
        "Postbus 1000",
        "skrytka pocztowa 15",
        "Caixa Postal 3000",
        "Av. Paulista, 1578, 01310-200 São Paulo",
        "10 George St, Sydney NSW 2000",
        "111 Wellington St, Ottawa, ON K1A 0A9",
        "Berliner Straße 25, 60311 Frankfurt",
    ] {
        let text = format!("Please send it to {addr}. Thanks");
        let f = found(&e, &text);
        assert!(
            f.iter().any(|(k, v)| k == "STREET_ADDRESS" && v == addr),
            "{addr:?}: {f:?}"
        );
    }
    assert!(has(
        &e,
        "I live on Elm Street with my cat.",
        "STREET_ADDRESS",
        "Elm Street"
    ));
    // Numbers next to capitalised words are not addresses on their own.
    for text in [
        "Windows 10 and Office 365 were updated.",
        "Chapter 12 Summary",
        "We sold 5 Apple Watches and 3 Pixel phones.",
        "The meeting is on Monday 12 at 10 Downing.",
    ] {
        let f = found(&e, text);
        assert!(
            !f.iter().any(|(k, _)| k == "STREET_ADDRESS"),
            "{text:?}: {f:?}"
        );
    }
}

#[test]
fn titles_and_phrases_in_eight_languages() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("Please call Dr. Kowalczyk today.", "Kowalczyk"),
        ("Mrs. Okonkwo will join.", "Okonkwo"),
        ("Bitte rufen Sie Herr Brösel an.", "Brösel"),
        ("Frau Schwarzenegger kommt morgen.", "Schwarzenegger"),
        ("Mme Dupont-Moretti arrive demain.", "Dupont-Moretti"),
        ("Je vois M. Lefèvre demain.", "Lefèvre"),
        ("Mlle Zoë Martin est là.", "Zoë Martin"),
        ("El Sr. Ibáñez llega hoy.", "Ibáñez"),
        ("La Sra. Etxeberria llega hoy.", "Etxeberria"),
        ("Il Sig. Esposito arriva.", "Esposito"),
        ("La Sig.ra Bianchi arriva.", "Bianchi"),
        ("Dhr. Van den Berg belt terug.", "Van den Berg"),
        ("Mevr. Bakker belt terug.", "Bakker"),
        ("Pan Wiśniewski zadzwoni.", "Wiśniewski"),
        ("Pani Szymańska zadzwoni.", "Szymańska"),
        ("A Sr.ª Gonçalves ligou.", "Gonçalves"),
        ("Hallo, ich heiße Jonas Weber.", "Jonas Weber"),
        ("Bonjour, je m'appelle Zoë Lefebvre.", "Zoë Lefebvre"),
        ("Hola, me llamo Lucía Fernández.", "Lucía Fernández"),
        ("Ciao, mi chiamo Giulia Ferrari.", "Giulia Ferrari"),
        ("Hoi, ik heet Daan de Jong.", "Daan de Jong"),
        ("Cześć, nazywam się Łukasz Kowalczyk.", "Łukasz Kowalczyk"),
        ("Olá, o meu nome é João Gonçalves.", "João Gonçalves"),
        ("Signed by J. R. Tolkien yesterday.", "J. R. Tolkien"),
        ("Cordialement,\nAmélie Poulain", "Amélie Poulain"),
        ("Pozdrawiam,\nAgnieszka Wójcik", "Agnieszka Wójcik"),
    ] {
        let f = found(&e, text);
        // `M. Lefèvre` may keep the `M.`: it reads as an initial as well as a title.
        assert!(
            f.iter()
                .any(|(k, v)| k == "PERSON" && (v == name || v == &format!("M. {name}"))),
            "{text:?}: {f:?}"
        );
    }
}

/// Per language: statements about oneself or a relative, and general sentences about the
/// same topics, generated from templates × topic words.
fn special_generated() -> Vec<(String, Option<(&'static str, String)>)> {
    // (lang, first-person templates, relative templates, general templates, topics)
    type Topic = (&'static str, &'static str);
    type Row = (
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
        &'static [Topic],
    );
    let table: [Row; 8] = [
        (
            &[
                "I was diagnosed with {T} last spring.",
                "I have {T} and need advice.",
            ],
            &["My daughter has {T}.", "My husband suffers from {T}."],
            &[
                "Research on {T} has improved a lot.",
                "{T} affects many people worldwide.",
                "The clinic treats {T} and other conditions.",
            ],
            &[
                ("HEALTH_DATA", "asthma"),
                ("HEALTH_DATA", "epilepsy"),
                ("HEALTH_DATA", "multiple sclerosis"),
                ("HEALTH_DATA", "breast cancer"),
            ],
        ),
        (
            &["Ich habe {T} seit Jahren.", "Ich leide an {T}."],
            &["Mein Sohn hat {T}.", "Meine Mutter leidet an {T}."],
            &[
                "Die Forschung zu {T} macht Fortschritte.",
                "{T} betrifft viele Menschen.",
                "Die Klinik behandelt {T}.",
            ],
            &[
                ("HEALTH_DATA", "Asthma"),
                ("HEALTH_DATA", "Epilepsie"),
                ("HEALTH_DATA", "Multiple Sklerose"),
                ("HEALTH_DATA", "Brustkrebs"),
            ],
        ),
        (
            &["J'ai {T} depuis l'enfance.", "Je souffre de {T}."],
            &["Mon fils a {T}.", "Ma fille souffre de {T}."],
            &[
                "La recherche sur {T} progresse.",
                "{T} touche beaucoup de personnes.",
                "La clinique soigne {T}.",
            ],
            &[
                ("HEALTH_DATA", "diabète"),
                ("HEALTH_DATA", "épilepsie"),
                ("HEALTH_DATA", "sclérose en plaques"),
                ("HEALTH_DATA", "leucémie"),
            ],
        ),
        (
            &["Tengo {T} desde niño.", "Padezco {T}."],
            &["Mi hijo tiene {T}.", "Mi madre padece {T}."],
            &[
                "La investigación sobre {T} avanza.",
                "{T} afecta a muchas personas.",
                "La clínica trata {T}.",
            ],
            &[
                ("HEALTH_DATA", "asma"),
                ("HEALTH_DATA", "epilepsia"),
                ("HEALTH_DATA", "esclerosis múltiple"),
                ("HEALTH_DATA", "leucemia"),
            ],
        ),
        (
            &["Ho {T} da anni.", "Soffro di {T}."],
            &["Mio figlio ha {T}.", "Mia madre soffre di {T}."],
            &[
                "La ricerca sulla {T} avanza.",
                "{T} colpisce molte persone.",
                "La clinica cura {T}.",
            ],
            &[
                ("HEALTH_DATA", "epilessia"),
                ("HEALTH_DATA", "leucemia"),
                ("HEALTH_DATA", "sclerosi multipla"),
                ("HEALTH_DATA", "depressione"),
            ],
        ),
        (
            &["Ik heb {T} sinds mijn jeugd.", "Ik lijd aan {T}."],
            &["Mijn zoon heeft {T}.", "Mijn moeder lijdt aan {T}."],
            &[
                "Onderzoek naar {T} gaat vooruit.",
                "{T} treft veel mensen.",
                "De kliniek behandelt {T}.",
            ],
            &[
                ("HEALTH_DATA", "astma"),
                ("HEALTH_DATA", "epilepsie"),
                ("HEALTH_DATA", "multiple sclerose"),
                ("HEALTH_DATA", "borstkanker"),
            ],
        ),
        (
            &["Mam {T} od dziecka.", "Choruję na {T}."],
            &["Mój syn ma {T}.", "Moja matka choruje na {T}."],
            &[
                "Badania nad chorobą {T} postępują.",
                "{T} dotyka wielu ludzi.",
                "Klinika leczy {T}.",
            ],
            &[
                ("HEALTH_DATA", "astmę"),
                ("HEALTH_DATA", "padaczkę"),
                ("HEALTH_DATA", "depresję"),
                ("HEALTH_DATA", "białaczkę"),
            ],
        ),
        (
            &["Tenho {T} desde pequeno.", "Sofro de {T}."],
            &["Meu filho tem {T}.", "Minha mãe sofre de {T}."],
            &[
                "A pesquisa sobre {T} avança.",
                "{T} afeta muitas pessoas.",
                "A clínica trata {T}.",
            ],
            &[
                ("HEALTH_DATA", "asma"),
                ("HEALTH_DATA", "epilepsia"),
                ("HEALTH_DATA", "esclerose múltipla"),
                ("HEALTH_DATA", "leucemia"),
            ],
        ),
    ];
    let mut out = Vec::new();
    for (first, relative, general, topics) in table {
        for (entity, topic) in topics {
            for t in first.iter().chain(relative) {
                out.push((t.replace("{T}", topic), Some((*entity, topic.to_string()))));
            }
            for t in general {
                let mut s = t.replace("{T}", topic);
                if t.starts_with("{T}") {
                    // Capitalise the first letter of a sentence-initial topic.
                    let mut c = s.chars();
                    let first = c.next().unwrap().to_uppercase().collect::<String>();
                    s = first + c.as_str();
                }
                out.push((s, None));
            }
        }
    }
    // Identity statements and their general counterparts.
    for (text, entity, span) in [
        ("I'm a practising Catholic.", "RELIGIOUS_BELIEF", "Catholic"),
        ("Ich bin Muslimin.", "RELIGIOUS_BELIEF", "Muslimin"),
        ("Je suis athée.", "RELIGIOUS_BELIEF", "athée"),
        ("Soy budista.", "RELIGIOUS_BELIEF", "budista"),
        ("Sono ebreo.", "RELIGIOUS_BELIEF", "ebreo"),
        ("Ik ben moslim.", "RELIGIOUS_BELIEF", "moslim"),
        ("Jestem ateistą.", "RELIGIOUS_BELIEF", "ateistą"),
        ("Sou evangélica.", "RELIGIOUS_BELIEF", "evangélica"),
        ("I'm bisexual.", "SEXUAL_ORIENTATION", "bisexual"),
        ("Ich bin lesbisch.", "SEXUAL_ORIENTATION", "lesbisch"),
        ("Je suis lesbienne.", "SEXUAL_ORIENTATION", "lesbienne"),
        ("Soy lesbiana.", "SEXUAL_ORIENTATION", "lesbiana"),
        ("Sono omosessuale.", "SEXUAL_ORIENTATION", "omosessuale"),
        ("Ik ben homo.", "SEXUAL_ORIENTATION", "homo"),
        ("Jestem biseksualna.", "SEXUAL_ORIENTATION", "biseksualna"),
        ("Sou bissexual.", "SEXUAL_ORIENTATION", "bissexual"),
        ("I voted for the Greens.", "POLITICAL_OPINION", "the Greens"),
        ("Ich wähle die Grünen.", "POLITICAL_OPINION", "die Grünen"),
        (
            "Je vote pour La France insoumise.",
            "POLITICAL_OPINION",
            "La France insoumise",
        ),
        ("Voto a Podemos.", "POLITICAL_OPINION", "Podemos"),
        ("Ho votato per la Lega.", "POLITICAL_OPINION", "la Lega"),
        ("Ik stem op GroenLinks.", "POLITICAL_OPINION", "GroenLinks"),
        ("Głosuję na Lewicę.", "POLITICAL_OPINION", "Lewicę"),
        ("Voto no Chega.", "POLITICAL_OPINION", "Chega"),
        ("I'm a member of Unison.", "TRADE_UNION", "Unison"),
        ("Je suis membre de la CGT.", "TRADE_UNION", "la CGT"),
        ("Estoy afiliada a CCOO.", "TRADE_UNION", "CCOO"),
        (
            "Należę do związku zawodowego.",
            "TRADE_UNION",
            "związku zawodowego",
        ),
        ("Sou sindicalizado.", "TRADE_UNION", "sindicalizado"),
        ("I'm Roma.", "ETHNIC_ORIGIN", "Roma"),
        ("Ich bin Sinto.", "ETHNIC_ORIGIN", "Sinto"),
        ("Soy gitana.", "ETHNIC_ORIGIN", "gitana"),
    ] {
        out.push((text.to_string(), Some((entity, span.to_string()))));
    }
    for text in [
        "Catholic schools reopened on Monday.",
        "The mosque welcomes visitors of every faith.",
        "Bisexual visibility day is in September.",
        "Die Grünen verlieren in den Umfragen.",
        "La CGT appelle à la grève.",
        "Podemos presentó su programa.",
        "La Lega ha perso voti.",
        "GroenLinks en PvdA gaan samen.",
        "Chega subiu nas sondagens.",
        "Unison represents health workers.",
        "The Roma community in Europe is large.",
        "I am reading about Roma history.",
        "I support the idea of open borders.",
        "I'm in Rome next week.",
        "I have a union meeting at five.",
        "I am on the train.",
        "Ich bin in Berlin.",
        "Je suis en retard.",
        "Soy de Madrid.",
        "Sono a casa.",
    ] {
        out.push((text.to_string(), None));
    }
    out
}

#[test]
fn special_categories_generated_evaluation() {
    let e = Engine::default_engine();
    let special = [
        "HEALTH_DATA",
        "RELIGIOUS_BELIEF",
        "POLITICAL_OPINION",
        "TRADE_UNION",
        "SEXUAL_ORIENTATION",
        "ETHNIC_ORIGIN",
        "BIOMETRIC_GENETIC_DATA",
    ];
    let mut per: HashMap<&str, Score> = HashMap::new();
    for (text, gold) in special_generated() {
        let found: Vec<_> = e
            .scan(&text)
            .into_iter()
            .filter(|f| special.contains(&&*f.entity))
            .collect();
        let gold_span = gold.as_ref().map(|(ent, span)| {
            let at = text.find(span.as_str()).expect("span in text");
            (*ent, at, at + span.len())
        });
        if let Some((ent, a, b)) = gold_span {
            let s = per.entry(ent).or_default();
            if found
                .iter()
                .any(|f| &*f.entity == ent && matches((f.start, f.end), (a, b)))
            {
                s.tp += 1;
            } else {
                s.fn_ += 1;
                eprintln!("missed {ent}: {text:?}");
            }
        }
        for f in &found {
            let ok = gold_span
                .is_some_and(|(ent, a, b)| &*f.entity == ent && matches((f.start, f.end), (a, b)));
            if !ok {
                eprintln!(
                    "spurious {}: {:?} in {text:?}",
                    f.entity,
                    &text[f.start..f.end]
                );
                per.entry(special.iter().find(|s| **s == &*f.entity).unwrap())
                    .or_default()
                    .fp += 1;
            }
        }
    }
    let mut total = Score::default();
    let mut keys: Vec<_> = per.keys().copied().collect();
    keys.sort();
    for k in keys {
        let s = &per[k];
        println!(
            "{k}: precision {:.3} recall {:.3} ({s:?})",
            s.precision(),
            s.recall()
        );
        total.tp += s.tp;
        total.fp += s.fp;
        total.fn_ += s.fn_;
    }
    println!(
        "special categories (generated): precision {:.3} recall {:.3} ({total:?})",
        total.precision(),
        total.recall()
    );
    assert!(total.precision() >= 0.9, "{total:?}");
    assert!(total.recall() >= 0.7, "{total:?}");
}

/// Issue 14: the "name :" cue stepped over its own colon before matching, so it never fired
/// ("Name: Eckhart Noack" was missed, "My name is Eckhart Noack" found). "Name" is now a
/// label, read with its colon; in code (`name: String`) it is no cue.
#[test]
fn a_name_label_with_its_colon_fires() {
    let e = Engine::default_engine();
    for text in [
        "Name: Eckhart Noack",
        "NAME: Eckhart Noack",
        "Full name: Eckhart Noack",
    ] {
        assert!(
            has(&e, text, "PERSON", "Eckhart Noack"),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
}

/// Issue 14: a capitalised label right before a name merged into the run, which then scored
/// nothing ("Patient Robert Knox"); labels, with or without a colon, are cues in 8 languages.
#[test]
fn labels_before_a_name_are_cues_not_part_of_it() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("Patient Robert Knox was admitted on Monday.", "Robert Knox"),
        ("Kontoinhaber Robert Knox hat widerrufen.", "Robert Knox"),
        ("Account holder: Eckhart Noack", "Eckhart Noack"),
        (
            "Sender: Eckhart Noack\nRecipient: Ilse Brandt",
            "Eckhart Noack",
        ),
        (
            "Sender: Eckhart Noack\nRecipient: Ilse Brandt",
            "Ilse Brandt",
        ),
        ("Absender: Eckhart Noack", "Eckhart Noack"),
        ("Titulaire du compte : Eckhart Noack", "Eckhart Noack"),
        ("Le patient Robert Knox a été admis.", "Robert Knox"),
        ("Titular de la cuenta: Eckhart Noack", "Eckhart Noack"),
        ("Titolare del conto: Eckhart Noack", "Eckhart Noack"),
        ("Rekeninghouder: Eckhart Noack", "Eckhart Noack"),
        ("Imię i nazwisko: Eckhart Noack", "Eckhart Noack"),
        ("Titular da conta: Eckhart Noack", "Eckhart Noack"),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
    // Code is not a form: a field typed with a capitalised type is no name.
    for text in ["struct User {\n    name: String,\n}", "Name: String"] {
        assert!(
            !found(&e, text).iter().any(|(k, _)| k == "PERSON"),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
}

/// Issue 14, names missing from the lists: evidence beyond the lists makes them names.
#[test]
fn evidence_beyond_the_lists() {
    let e = Engine::default_engine();
    for (text, name) in [
        (
            "Vritti Rajagopalan wrote that the delivery was late.",
            "Vritti Rajagopalan",
        ),
        (
            "Ruthild Seidel schrieb, dass die Lieferung kam.",
            "Ruthild Seidel",
        ),
        ("Please ask Saanvi Bal to send the contract.", "Saanvi Bal"),
        (
            "According to Lipika Murthy, the meeting moved.",
            "Lipika Murthy",
        ),
        ("Hallo Anna,\nbis morgen?\nGruß, Alwin", "Alwin"),
        ("Matthew: can you check the build?", "Matthew"),
        (
            "Ich habe mit Frau van der Dussen telefoniert.",
            "van der Dussen",
        ),
        ("Naam: Fabian van der Berg", "Fabian van der Berg"),
        (
            "Dear Pieter De Smet,\nthe invoice is attached.",
            "Pieter De Smet",
        ),
        (
            "Schreib ein Gedicht zum Geburtstag von Eva Weber.",
            "Eva Weber",
        ),
        (
            "See you then.\n\nPriya Sharma\nSenior Buyer\npriya@example.com",
            "Priya Sharma",
        ),
        ("Bis bald\n-- \nRuthild Seidel\nEinkauf", "Ruthild Seidel"),
        // A first name that is also a word, then a surname, mid-sentence.
        ("Yesterday I met Ray Spencer at the station.", "Ray Spencer"),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
    // A greeting to no one in particular; a heading or a job title over an email address.
    for text in [
        "Sehr geehrte Damen und Herren,\nanbei die Rechnung.",
        "Color Config\n\nSet it with config@example.com",
        "See you then.\n\nSenior Buyer\nbuyer@example.com",
    ] {
        let people: Vec<_> = found(&e, text)
            .into_iter()
            .filter(|(k, _)| k == "PERSON")
            .collect();
        assert!(people.is_empty(), "{text:?}: {people:?}");
    }
}

/// Issue 14, towns not in the list: after "I live in" and its kin, or in a town's shape.
#[test]
fn towns_the_list_does_not_know() {
    let e = Engine::default_engine();
    for (text, place) in [
        ("I live in Lisachester and need a dentist.", "Lisachester"),
        ("We moved to Port Laura last year.", "Port Laura"),
        ("Our warehouse in Cartertown ships abroad.", "Cartertown"),
        (
            "Ich wohne in Zeulenroda und suche einen Arzt.",
            "Zeulenroda",
        ),
        ("J'habite à Isella et je cherche un dentiste.", "Isella"),
        (
            "Vivo en Nueva Esperanza y busco un dentista.",
            "Nueva Esperanza",
        ),
        ("Mieszkam w Knurowie od roku.", "Knurowie"),
        // An elision before a capital splits off: "l'Espagne" was one lower-case word.
        ("Quelle est la capitale de l'Espagne ?", "Espagne"),
        ("Le tribù dell'Australia", "Australia"),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
}

/// Issue 14, postal addresses: street types and units the lists lacked, multi-line blocks,
/// postcodes written without spaces or with a country prefix, streets named after people.
#[test]
fn addresses_the_first_pass_missed() {
    let e = Engine::default_engine();
    for (text, address) in [
        (
            "The customer at 6606 Melissa Club Suite 189, PORT DIANE, KS 75422 called.",
            "6606 Melissa Club Suite 189, PORT DIANE, KS 75422",
        ),
        (
            "Ship to 0 Anne Fields, B2B 5AB today.",
            "0 Anne Fields, B2B 5AB",
        ),
        (
            "It is at 42 Alyssa Roads, Springfield, IL 62701.",
            "42 Alyssa Roads, Springfield, IL 62701",
        ),
        (
            "Mon adresse est rue de Mercier, CH-9858 Genève, merci.",
            "rue de Mercier, CH-9858 Genève",
        ),
        (
            "Mijn adres is Brianhof 11, 5351OC Hulsel.",
            "Brianhof 11, 5351OC Hulsel",
        ),
        (
            "Send it to:\nGregory Webb\n141 Hodges Mountains\nKRAMERVILLE, AL 85906",
            "141 Hodges Mountains\nKRAMERVILLE, AL 85906",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", address),
            "{text:?}: {:?}",
            found(&e, text)
        );
        assert!(
            !found(&e, text)
                .iter()
                .any(|(k, v)| k == "PERSON" && address.contains(v.as_str())),
            "{text:?}: {:?}",
            found(&e, text)
        );
    }
}

/// Issue 14, technical text: code words that are towns, table columns, options and
/// constants are no people or places.
#[test]
fn technical_text_is_not_read_as_names_or_places() {
    let e = Engine::default_engine();
    for text in [
        "Add the file to the index.",
        "let s = Str::new(); // Normal case",
        "union Root { a: u32 }",
        "A test that creates a branch whose name is HEAD has been fixed.",
        "mr     Marathi (Devanagari script)     100%",
        "hi     Hindi (Devanagari script)     100%",
        "specified as the argument of option -m.\n\n       MANPATH\n              If set",
        "Non connetterti al server X.  Vim parte più rapidamente",
        "/// Obtain the result of a [`Mac`] computation.",
        "Format and display local manual files instead.",
        "Die Lage der Datei ist leer.",
        "BASH(1)          General Commands Manual          BASH(1)",
    ] {
        let hits: Vec<_> = found(&e, text)
            .into_iter()
            .filter(|(k, _)| k == "PERSON" || k == "LOCATION")
            .collect();
        assert!(hits.is_empty(), "{text:?}: {hits:?}");
    }
}

/// Issue 14: the evaluation written by `scripts/build-names-eval.py` (Faker names, Google's
/// address layouts, templates of their own; see docs/names.md). Both parts are scored here as
/// a guard against regressions; the figures reported are those of
/// `scripts/score-names-eval.py`, which runs the CLI. Gold offsets are in code points.
#[test]
fn independent_evaluation_tuning_and_held_out_parts() {
    let e = Engine::default_engine();
    let data = include_str!("data/names-eval.jsonl");
    // (split, class) -> (tp, fp, fn)
    let mut s: HashMap<(String, &str), (usize, usize, usize)> = HashMap::new();
    let covered = |span: (usize, usize), spans: &[(usize, usize)]| {
        let n: usize = spans
            .iter()
            .map(|&(c, d)| span.1.min(d).saturating_sub(span.0.max(c)))
            .sum();
        n * 2 >= span.1 - span.0
    };
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let split = v["split"].as_str().unwrap().to_string();
        let byte = |cp: u64| {
            text.char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .nth(cp as usize)
                .unwrap()
        };
        let found = e.scan(text);
        for (class, ents) in [
            ("PERSON", &["PERSON"][..]),
            ("LOCATION", &["LOCATION", "STREET_ADDRESS"][..]),
        ] {
            let gold: Vec<(usize, usize)> = v["gold"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|g| ents.contains(&g[0].as_str().unwrap()))
                .map(|g| (byte(g[1].as_u64().unwrap()), byte(g[2].as_u64().unwrap())))
                .collect();
            let pred: Vec<(usize, usize)> = found
                .iter()
                .filter(|f| ents.contains(&&*f.entity))
                .map(|f| (f.start, f.end))
                .collect();
            let c = s.entry((split.clone(), class)).or_default();
            for g in &gold {
                if covered(*g, &pred) {
                    c.0 += 1;
                } else {
                    c.2 += 1;
                }
            }
            c.1 += pred.iter().filter(|p| !covered(**p, &gold)).count();
        }
    }
    for ((split, class), (tp, fp, fn_)) in &s {
        let p = *tp as f64 / (tp + fp).max(1) as f64;
        let r = *tp as f64 / (tp + fn_).max(1) as f64;
        println!("{split} {class}: precision {p:.3} recall {r:.3}");
        // Measured 2026-12-06 with scripts/score-names-eval.py after round 5: tune PERSON
        // 1.000/1.000, LOCATION 1.000/0.976; held-out PERSON 1.000/0.987, LOCATION
        // 0.994/0.922 (round 2: tune LOCATION 1.000/0.875, held-out PERSON 1.000/0.875,
        // LOCATION 0.933/0.792; round 1 of issue 14: tune 1.000/0.985 and 0.991/0.795,
        // held-out LOCATION 0.929/0.755; before issue 14, held-out: 0.971/0.617 and
        // 0.443/0.490).
        let (min_p, min_r) = match (split.as_str(), *class) {
            ("tune", "PERSON") => (0.97, 0.97),
            ("tune", _) => (0.97, 0.95),
            (_, "PERSON") => (0.97, 0.95),
            _ => (0.95, 0.90),
        };
        assert!(p >= min_p && r >= min_r, "{split} {class}: {p:.3}/{r:.3}");
    }
}

/// Polish case forms of places the gazetteer holds in the nominative: `-ji`/`-ii` (genitive,
/// dative, locative of `Szwecja`, `Belgia`), `-y` after a word that governs the genitive, and
/// irregular forms ("we Włoszech"). A `-y` word without such a word, and a word whose `-a`
/// form is no place, stay unreported.
#[test]
fn polish_case_forms_of_places() {
    let e = Engine::default_engine();
    for (text, place) in [
        ("Jaka jest pogoda w Szwecji?", "Szwecji"),
        ("Mieszkałem kiedyś w Belgii.", "Belgii"),
        ("Przeprowadzam się do Kanady w maju.", "Kanady"),
        ("Wakacje spędziłem we Włoszech.", "Włoszech"),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in ["Send an Emoji to Kanji users.", "Kanady is a surname here."] {
        let places: Vec<_> = found(&e, text)
            .into_iter()
            .filter(|(k, _)| k == "LOCATION")
            .collect();
        assert!(places.is_empty(), "{text}: {places:?}");
    }
}

/// A country in a language or script table of a man page (a column gap, then figures) is a
/// table cell, not a place someone wrote about; the same place in a sentence still is one.
#[test]
fn places_in_table_cells_are_not_reported() {
    let e = Engine::default_engine();
    let table = "ku-iq  Kurdish in Iraq                          100% (32/32)\n\
                 my     Burmese in Myanmar                          (0/48)\n\
                 my     Burmese (Myanmar)                           (0/48)";
    let places: Vec<_> = found(&e, table)
        .into_iter()
        .filter(|(k, _)| k == "LOCATION")
        .collect();
    assert!(places.is_empty(), "{places:?}");
    let prose = "Kurdish is spoken in Iraq and in Myanmar people speak Burmese.";
    assert!(has(&e, prose, "LOCATION", "Iraq"));
    assert!(has(&e, prose, "LOCATION", "Myanmar"));
}

/// A preposition that takes a person ("für", "pour", "voor", "for", "dla") is a cue: a known
/// first name that is also a word before an unknown surname, and a first name and surname
/// that are both places too, are a person after it.
#[test]
fn names_after_prepositions_for_a_person() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("Ich kaufe Blumen für Frank Oltmanns.", "Frank Oltmanns"),
        (
            "Un cadeau pour Jackson Hamilton, s'il te plaît.",
            "Jackson Hamilton",
        ),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // Without the cue the same words are places or nothing.
    let text = "Jackson Hamilton, s'il te plaît.";
    assert!(
        !has(&e, text, "PERSON", "Jackson Hamilton"),
        "{:?}",
        found(&e, text)
    );
    // A lone first name after such a preposition is as often a product.
    let text = "The build script for Travis CI hardcoded the path.";
    assert!(!has(&e, text, "PERSON", "Travis"), "{:?}", found(&e, text));
}

/// After French `à` and Portuguese `em`, one unknown title-case word is a town; English
/// `in` before an unknown word is not enough ("written in Zig").
#[test]
fn towns_after_a_french_or_portuguese_preposition() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Nous avons un bureau à Plouzévédé depuis mai.",
            "Plouzévédé",
        ),
        ("Tenho uma loja em Quixeramobim desde 2019.", "Quixeramobim"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    let text = "The tool is written in Zig and runs everywhere.";
    assert!(!has(&e, text, "LOCATION", "Zig"), "{:?}", found(&e, text));
}

/// Brazilian street types of the Correios directory (`Jardim`, `Condomínio`, `Recanto`),
/// `S/N` in place of a house number, Mexican exterior and interior numbers ("1432 12,") and
/// the two-word type "Eje vial".
#[test]
fn latin_american_address_layouts() {
    let e = Engine::default_engine();
    for (text, address) in [
        (
            "Entregar em Avenida Paulista, S/N, 01310-100 SÃO PAULO, por favor.",
            "Avenida Paulista, S/N, 01310-100 SÃO PAULO",
        ),
        (
            "Moro no Condomínio Aurora, 45, 70297-400 BRASÍLIA hoje.",
            "Condomínio Aurora, 45, 70297-400 BRASÍLIA",
        ),
        (
            "Envie para Recanto Verde, 12, 13560-970 agora.",
            "Recanto Verde, 12, 13560-970",
        ),
        (
            "Mi dirección es Retorno Coyoacán 1432 12, 04000 CIUDAD DE MÉXICO, gracias.",
            "Retorno Coyoacán 1432 12, 04000 CIUDAD DE MÉXICO",
        ),
        (
            "La oficina está en Eje vial Lázaro Cárdenas 88, 06050 CDMX.",
            "Eje vial Lázaro Cárdenas 88, 06050 CDMX",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", address),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A park or a village with a number that is no house number stays what it was.
    let text = "The Jardim team won 3 games.";
    assert!(
        found(&e, text).iter().all(|(k, _)| k != "STREET_ADDRESS"),
        "{:?}",
        found(&e, text)
    );
}

/// Two title-case words the lists do not know are a name after a preposition that takes a
/// person in a language that writes nouns in lower case ("dla", "pour", "voor"); after
/// English "for" they are as often a heading ("Maps for Extension Devices").
#[test]
fn unknown_names_after_a_preposition_for_a_person() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("Kup kwiaty dla Wszebor Dziurdź, proszę.", "Wszebor Dziurdź"),
        (
            "Un mot pour Quentinou Brasseval demain.",
            "Quentinou Brasseval",
        ),
        (
            "Een kaart voor Wiebrandus Vanhaverbeke.",
            "Wiebrandus Vanhaverbeke",
        ),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Indicator Maps for Extension Devices",
        "Wszebor Dziurdź opened the meeting.",
    ] {
        assert!(
            found(&e, text).iter().all(|(k, _)| k != "PERSON"),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Places that are common words in another of the eight languages (Dutch "indien", if;
/// Italian "riga", line) or an operating system (Darwin) need a place preposition.
#[test]
fn places_that_are_words_elsewhere_need_a_preposition() {
    let e = Engine::default_engine();
    for text in [
        "Indien de groep al bestaat, wordt hij bijgewerkt.",
        "FORMATO CON STILE A UNA RIGA",
        "Builds for Linux, BSDs and Darwin.",
    ] {
        let places: Vec<_> = found(&e, text)
            .into_iter()
            .filter(|(k, _)| k == "LOCATION")
            .collect();
        assert!(places.is_empty(), "{text}: {places:?}");
    }
    assert!(has(
        &e,
        "Ich reise im März nach Indien.",
        "LOCATION",
        "Indien"
    ));
    assert!(has(&e, "We flew to Riga last week.", "LOCATION", "Riga"));
}

/// A number, a column gap and a capitalised word is a table row, and `1, Ordering::Relaxed`
/// a Rust call, not a house number and a street; the same words as an address still are one.
#[test]
fn table_rows_and_rust_paths_are_not_addresses() {
    let e = Engine::default_engine();
    for text in [
        "MEMORY         512    Monitor fontconfig memory usage",
        "CONFIG        1024    Monitor which config files are loaded",
        "counter.fetch_add(1, Ordering::Relaxed);",
    ] {
        assert!(
            found(&e, text).iter().all(|(k, _)| k != "STREET_ADDRESS"),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    assert!(has(
        &e,
        "Send it to 512 Baker Street, Springfield.",
        "STREET_ADDRESS",
        "512 Baker Street, Springfield"
    ));
}

/// A month that is also a place ("March", a town in England) before a year is a date, even
/// after "in"; before other words it is still a place after a place preposition.
#[test]
fn a_month_before_a_year_is_a_date() {
    let e = Engine::default_engine();
    let text = "The hook was introduced in March 2007 to supersede the old one.";
    assert!(!has(&e, text, "LOCATION", "March"), "{:?}", found(&e, text));
    let text = "We drove from Ely to March and stayed there.";
    assert!(has(&e, text, "LOCATION", "March"), "{:?}", found(&e, text));
}

/// Round 3 of issue 14: verbs of speech after a name in every language, also after one word
/// of time (German and Dutch put the verb last), verbs before it (Romance and Polish
/// order), with a sentence's first common word left out of the name.
#[test]
fn verbs_of_speech_in_eight_languages() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            (
                "As Hjördis Vantongeren pointed out, the totals differ.",
                "Hjördis Vantongeren",
            ),
            (
                "Wie Ottilie Brandauer gestern erklärte, fehlt ein Stempel.",
                "Ottilie Brandauer",
            ),
            (
                "Zoals Wietse Hoogeveen gisteren uitlegde, is de kast vol.",
                "Wietse Hoogeveen",
            ),
            (
                "Como explicó Eulalia Barbastro, el envío llega tarde.",
                "Eulalia Barbastro",
            ),
            (
                "Come ha spiegato Ersilia Tomasoni, il modulo è scaduto.",
                "Ersilia Tomasoni",
            ),
            (
                "Jak wyjaśniła Ludmiła Przybysz, brakuje faktury.",
                "Ludmiła Przybysz",
            ),
            (
                "Clotilde Vanderstraeten a précisé que la salle est prise.",
                "Clotilde Vanderstraeten",
            ),
            (
                "Iolanda Quintela comentou que o prazo acabou.",
                "Iolanda Quintela",
            ),
        ],
    );
    // A verb that is also a noun of software needs a name the lists know.
    assert_no_people(
        &e,
        &[
            "It is useful for implementing Message Authentication Codes.",
            "Open the Call Graph Viewer to see it.",
        ],
    );
}

/// Round 3: a verb of address before a lone name the lists do not know, in languages that
/// write nouns in lower case ("Chiama Ersilia"), and a capitalised verb opening the sentence
/// is no part of the name ("Ping Tori", "Zadzwoń do Ludmiły").
#[test]
fn verbs_of_address_before_a_name() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("Chiama Ottorina se il server cade.", "Ottorina"),
            ("Appelle Gwenaëlle si le build échoue.", "Gwenaëlle"),
            ("Bel Wietse als de build faalt.", "Wietse"),
            ("Liga para Iolanda amanhã.", "Iolanda"),
            ("Llama a Eulalia mañana.", "Eulalia"),
            ("Ping Tori if the build fails again.", "Tori"),
        ],
    );
    let f = found(&e, "Ping Tori if the build fails again.");
    assert!(
        f.iter().all(|(_, v)| !v.contains("Ping")),
        "the verb is part of the name: {f:?}"
    );
}

/// Round 3: a capitalised word opening a line before a colon and a request in the second
/// person ("Pooja: can you ...") is someone being addressed in a chat, whatever the lists
/// say; field labels of docs and common words before a colon are not.
#[test]
fn chat_lines_addressed_to_someone() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("Hrafnhildur: can you restart the runner?", "Hrafnhildur"),
            ("Ottorina: puoi controllare i log?", "Ottorina"),
            ("Bożydar: możesz zrestartować serwer?", "Bożydar"),
            ("Gwenaëlle : tu peux regarder ?", "Gwenaëlle"),
            ("Iolanda: podes ver isto?", "Iolanda"),
        ],
    );
    assert_no_people(
        &e,
        &[
            "Depends: libc6 (>= 2.34)",
            "Note: can be slow on large files.",
            "Warning: you can lose data.",
            "Hinweis: bitte beachten Sie die Reihenfolge.",
        ],
    );
}

/// Round 3: more labels (roles, "Assigned to:", contact persons, the insured), greetings
/// ("Hoi", "Cześć", "Oi") and sign-offs ("Bien cordialement", "Un cordial saludo", "Z
/// wyrazami szacunku", "Com os melhores cumprimentos") in each language.
#[test]
fn more_labels_greetings_and_sign_offs() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            ("Assigned to: Hjördis Vantongeren", "Hjördis Vantongeren"),
            ("Zuständig: Ottilie Brandauer", "Ottilie Brandauer"),
            ("Osoba kontaktowa: Bożydar Przybysz", "Bożydar Przybysz"),
            ("Pessoa de contato: Iolanda Quintela", "Iolanda Quintela"),
            ("L'assurée Clotilde Martin a signé.", "Clotilde Martin"),
            ("Hoi Wietse,\n\nhier is de offerte.", "Wietse"),
            ("Cześć Bożydar,\n\nprzesyłam ofertę.", "Bożydar"),
            ("Oi Iolanda,\n\nsegue o orçamento.", "Iolanda"),
            (
                "Bien cordialement,\nGwenaëlle Vanderstraeten",
                "Gwenaëlle Vanderstraeten",
            ),
            ("Un cordial saludo,\nEulalia Barbastro", "Eulalia Barbastro"),
            ("Z wyrazami szacunku\nLudmiła Przybysz", "Ludmiła Przybysz"),
            (
                "Com os melhores cumprimentos,\nIolanda Quintela",
                "Iolanda Quintela",
            ),
        ],
    );
}

/// Round 3: Polish case forms of names the lists hold in the nominative (genitive,
/// instrumental, first names in `-sław`), the title `Pan` in its cases, and an unknown word
/// opening a sentence before a first name and a surname.
#[test]
fn polish_case_forms_of_names() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            (
                "Rozmawiałem wczoraj z Anną Kowalską o umowie.",
                "Anną Kowalską",
            ),
            ("Spotkanie z Bogusławem przełożono.", "Bogusławem"),
            (
                "Dokumenty Agnieszki Wiśniewskiej są w systemie.",
                "Agnieszki Wiśniewskiej",
            ),
            ("Zadzwoń do Ludmiły, jeśli coś się stanie.", "Ludmiły"),
            ("Proszę przekazać to Panu Przybyszowi.", "Przybyszowi"),
        ],
    );
    // A place in a Polish case form stays a place.
    assert!(!has(&e, "Mieszkam w Polsce od roku.", "PERSON", "Polsce"));
}

/// Round 3: the agent of a passive ("geopend door", "aberto por", "otwarte przez") takes a
/// person, and French `M.` before a surname in a running sentence is Monsieur.
#[test]
fn passive_agents_and_monsieur() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            (
                "Het ticket is door Wietse Hoekema geopend.",
                "Wietse Hoekema",
            ),
            (
                "O chamado foi aberto por Iolanda Quintela ontem.",
                "Iolanda Quintela",
            ),
            (
                "Zgłoszenie otwarte przez Ludmiła Przybysz wczoraj.",
                "Ludmiła Przybysz",
            ),
            (
                "M. Vanderstraeten est absent aujourd'hui.",
                "Vanderstraeten",
            ),
        ],
    );
    // An initial heading a section is no title.
    assert_no_people(&e, &["M. Overview\n\nThis section explains it."]);
}

/// Round 3, benign text: a month's short form before a day ("to Jan 2, 1970"), cells of a
/// table or a man page's header ("nds    Low Saxon    100%", "U+a000 Yi Syllables
/// (0/1165)"), a language after English "an", a heading between rulers: none is a person.
/// A known first name and surname in a user's table still is.
#[test]
fn dates_table_cells_and_headings_are_no_people() {
    let e = Engine::default_engine();
    assert_no_people(
        &e,
        &[
            "this sets the expiry date to Jan 2, 1970.",
            "nds    Low Saxon                 100% (59/59)       100% (59/59)",
            "U+a000 Yi Syllables                 (0/1165)           (0/1165)",
            "fakeroot(1)              Manuel de Debian              fakeroot(1)",
            "useful to an English speaking end user",
            "-------------\n\nColor Config\n------------\n\nYou can set it with config@example.com",
        ],
    );
    assert_found(
        &e,
        &[
            ("Anna Schmidt        (030) 1234567", "Anna Schmidt"),
            ("Mail to Jan tomorrow.", "Jan"),
        ],
    );
}

/// Round 3: a first name that is a word somewhere (`Sara`, `Mia`, `Otto`) before a surname
/// that is also a place, after a cue for a person; verbs of calling; and a role without a
/// colon before two unknown title-case words when the sentence goes on in lower case.
#[test]
fn word_like_first_names_calls_and_roles_without_colon() {
    let e = Engine::default_engine();
    assert_found(
        &e,
        &[
            (
                "Ieri ho parlato con Sara Colombo del contratto.",
                "Sara Colombo",
            ),
            ("I met Mia Fontaine at the station.", "Mia Fontaine"),
            ("Otto Brenner rief heute an.", "Otto Brenner"),
            (
                "Versicherungsnehmer Hartmut Erpelding hat gekündigt.",
                "Hartmut Erpelding",
            ),
            (
                "O segurado Cleiton Rebelo cancelou a apólice.",
                "Cleiton Rebelo",
            ),
        ],
    );
    // A role before a heading or product of three words, or before a line's end.
    assert_no_people(
        &e,
        &[
            "Customer Success Stories are listed below.",
            "Patient Portal\n\nLog in with your card.",
        ],
    );
}

/// The round-3 PERSON tuning set (`scripts/build-person-tune.py`, tuning only) as a
/// regression guard: measured 2026-12-06 precision 1.000, recall 0.966, 0.977 after round 5's
/// German cues (before round 3: 0.996 / 0.690 on its first 336 names).
#[test]
fn person_tuning_set_of_round_3() {
    let e = Engine::default_engine();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for line in include_str!("data/person-tune.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let byte = |cp: u64| {
            text.char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .nth(cp as usize)
                .unwrap()
        };
        let covered = |span: (usize, usize), spans: &[(usize, usize)]| {
            let n: usize = spans
                .iter()
                .map(|&(c, d)| span.1.min(d).saturating_sub(span.0.max(c)))
                .sum();
            n * 2 >= span.1 - span.0
        };
        let gold: Vec<(usize, usize)> = v["gold"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (byte(g[1].as_u64().unwrap()), byte(g[2].as_u64().unwrap())))
            .collect();
        let pred: Vec<(usize, usize)> = e
            .scan(text)
            .iter()
            .filter(|f| &*f.entity == "PERSON")
            .map(|f| (f.start, f.end))
            .collect();
        for g in &gold {
            if covered(*g, &pred) {
                tp += 1;
            } else {
                fn_ += 1;
            }
        }
        fp += pred.iter().filter(|p| !covered(**p, &gold)).count();
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    assert!(p >= 0.97 && r >= 0.97, "PERSON {p:.3}/{r:.3}");
}

#[test]
fn a_greeting_names_no_one_on_the_next_line() {
    // "Hello" alone on its line, then "My name is …": "My" was reported as the person greeted.
    let e = Engine::default_engine();
    for text in [
        "Hello\nMy name is Jane Doe",
        "Hi,\nMy name is Jane Doe and I need help",
    ] {
        let got = found(&e, text);
        let people: Vec<_> = got.iter().filter(|(e, _)| e == "PERSON").collect();
        assert_eq!(
            people,
            [&("PERSON".to_string(), "Jane Doe".to_string())],
            "{text:?}"
        );
    }
    assert!(has(&e, "Hello Jane, thanks for the call", "PERSON", "Jane"));
    assert!(has(
        &e,
        "Dear Ngozi,\nthanks for the call",
        "PERSON",
        "Ngozi"
    ));
}

#[test]
fn two_first_names_in_a_pair_are_people() {
    // A lone first name needs a cue (products and headings carry first names too); two of
    // them joined by "and" or a comma are people ("Jane and Tom are coming" went out).
    let e = Engine::default_engine();
    for (text, names) in [
        ("Jane and Tom are coming", &["Jane", "Tom"][..]),
        ("I think Jane and Tom are coming", &["Jane", "Tom"]),
        ("we met Tom, Anna and Priya", &["Tom", "Anna", "Priya"]),
        ("Jane & Tom", &["Jane", "Tom"]),
        ("Sabine und Jürgen kommen morgen", &["Sabine", "Jürgen"]),
    ] {
        for name in names {
            assert!(
                has(&e, text, "PERSON", name),
                "{name} in {text:?}: {:?}",
                found(&e, text)
            );
        }
    }
    // Words that are names too, and a list with one item per line, stay as they were.
    for text in ["Rust and Ruby", "Jane\nand\nTom", "Ruby and Julia bindings"] {
        let got = found(&e, text);
        assert!(!got.iter().any(|(e, _)| e == "PERSON"), "{text:?}: {got:?}");
    }
}

#[test]
fn a_lone_first_name_after_a_verb_of_address_is_a_person() {
    // Round 11: a known first name alone after a verb of address or speech scored 0.45 and
    // was dropped ("I called Priya yesterday" went out); German and Dutch put the participle
    // after it.
    let e = Engine::default_engine();
    for (text, name) in [
        ("I called Priya yesterday", "Priya"),
        ("email Anna about the invoice", "Anna"),
        ("I texted Omar this morning", "Omar"),
        ("ich habe Anna angerufen", "Anna"),
        ("ich habe Anna gestern angerufen", "Anna"),
        ("j'ai appelé Marie hier", "Marie"),
        ("llamé a Lucía ayer", "Lucía"),
        ("ho chiamato Giulia ieri", "Giulia"),
        ("ik heb Sanne gebeld", "Sanne"),
        ("liguei para Ana ontem", "Ana"),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{name} in {text:?}: {:?}",
            found(&e, text)
        );
    }
    // The cue is for a known first name that is no word: not two unknown words, not a
    // word that is a name too, not a place.
    for text in [
        "email Support Team about it",
        "I called Will yesterday",
        "we met Paris in the spring",
        "ik heb Release Notes gelezen",
    ] {
        let got = found(&e, text);
        assert!(!got.iter().any(|(e, _)| e == "PERSON"), "{text:?}: {got:?}");
    }
}

#[test]
fn a_first_name_before_a_predicate_of_people_is_a_person() {
    // "Jane is sick", "Marie est malade": what only people are or do closes the clause.
    let e = Engine::default_engine();
    for (text, name) in [
        ("Jane is coming tomorrow", "Jane"),
        ("Jane is sick today", "Jane"),
        ("Anna ist krank", "Anna"),
        ("Marie est malade", "Marie"),
        ("Lucía está enferma", "Lucía"),
        ("Giulia è malata", "Giulia"),
        ("Sanne is ziek", "Sanne"),
        ("Kasia jest chora", "Kasia"),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{name} in {text:?}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Octave is a numerical language",
        "Fedora is released twice a year",
    ] {
        let got = found(&e, text);
        assert!(!got.iter().any(|(e, _)| e == "PERSON"), "{text:?}: {got:?}");
    }
}

#[test]
fn a_sentence_opener_falls_off_the_name() {
    // "So" is a surname and a word: glued to "Jane" it made a run "So Jane" that no rule
    // accepted, and only Tom was found.
    let e = Engine::default_engine();
    for (text, names) in [
        ("So Jane and Tom went home.", &["Jane", "Tom"][..]),
        ("Dann Anna und Jürgen", &["Anna", "Jürgen"]),
        ("Pero Lucía dijo que sí", &["Lucía"]),
        ("Bon Marie et Paul arrivent", &["Marie", "Paul"]),
    ] {
        for name in names {
            assert!(
                has(&e, text, "PERSON", name),
                "{name} in {text:?}: {:?}",
                found(&e, text)
            );
        }
    }
}

#[test]
fn chat_mentions_are_people_and_annotations_are_not() {
    // Round 11: a capitalised word glued to `@` was an identifier (`@Override`), so the
    // mentions of a chat or ticket went out.
    let e = Engine::default_engine();
    for (text, name) in [
        ("@Jane Doe can you review this?", "Jane Doe"),
        ("thanks @Jane for the fix", "Jane"),
        ("@Priya: the build is red", "Priya"),
        ("cc @Omar, @Anna", "Omar"),
        ("cc @Omar, @Anna", "Anna"),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{name} in {text:?}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "@Override\npublic void run() {}",
        "    @Component\n    class Foo {}",
        "@Entity @Table(name = \"users\")",
        "  @Anna\n  fun test() {}",
        "  @Anna()",
        "write to jane@Doe.com",
    ] {
        let got = found(&e, text);
        assert!(!got.iter().any(|(e, _)| e == "PERSON"), "{text:?}: {got:?}");
    }
}
