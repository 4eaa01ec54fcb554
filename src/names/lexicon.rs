//! Word lists of the names pass, lower case, in English, German, French, Spanish, Italian,
//! Dutch, Polish and Portuguese. Multi-word entries are space-separated tokens as the
//! tokenizer splits them (`sig . ra` for "Sig.ra").

/// Titles and honorifics; a capitalised word after one is a name.
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "herr",
    "herrn",
    "frau",
    "hr",
    "fr",
    "doktor",
    "mme",
    "mlle",
    "m",
    "monsieur",
    "madame",
    "mademoiselle",
    "me",
    "sr",
    "sra",
    "srta",
    "señor",
    "señora",
    "señorita",
    "don",
    "doña",
    "dña",
    "sig",
    "sigra",
    "signor",
    "signora",
    "signorina",
    "dott",
    "dottssa",
    "dottoressa",
    "ing",
    "avv",
    "dhr",
    "mevr",
    "mw",
    "meneer",
    "mevrouw",
    "pan",
    "pani",
    "panna",
    "senhor",
    "senhora",
    "dona",
    "eng",
    "drª",
    "dra",
    "doutor",
    "doutora",
    "sr.ª",
    "fräulein",
    "panu",
    "pana",
    "panem",
    "panią",
    "panie",
];

/// Phrases after which the next word is someone's name ("my name is", greetings).
pub(crate) const NAME_CUES: &[&str] = &[
    "my name is",
    "my name's",
    "name is",
    "i am called",
    "call me",
    "this is",
    "i'm",
    "mein name ist",
    "ich heiße",
    "ich heisse",
    "ich bin",
    "je m'appelle",
    "je suis",
    "mon nom est",
    "me llamo",
    "mi nombre es",
    "soy",
    "mi chiamo",
    "il mio nome è",
    "sono",
    "ik heet",
    "mijn naam is",
    "ik ben",
    "nazywam się",
    "mam na imię",
    "jestem",
    "meu nome é",
    "o meu nome é",
    "chamo-me",
    "eu sou",
    "me chamo",
    "name",
    "name:",
    "nom",
    "nome",
    "nombre",
    "naam",
    "imię",
    "nazwisko",
    "surname",
    "signed",
    "contact",
    "patient",
    "client",
    "employee",
    "tenant",
    "landlord",
    "applicant",
    "from",
    "to",
    "cc",
    "attn",
    "attention",
    "von",
    "an",
    "de",
    "à",
    "para",
    "per",
    "van",
    "aan",
    "od",
    "do",
    "with",
    "z",
    "ze",
    "mit",
    "avec",
    "con",
    "met",
    "com",
];

/// Cues after which an unknown capitalised word is taken as a name; the weaker ones above
/// (`i'm`, `from`, `to`) only count for words the gazetteer knows.
pub(crate) const STRONG_CUES: &[&str] = &[
    "my name is",
    "my name's",
    "i am called",
    "call me",
    "mein name ist",
    "ansprechpartner ist",
    "ansprechpartnerin ist",
    "ich heiße",
    "ich heisse",
    "je m'appelle",
    "mon nom est",
    "me llamo",
    "mi nombre es",
    "mi chiamo",
    "il mio nome è",
    "ik heet",
    "mijn naam is",
    "nazywam się",
    "mam na imię",
    "meu nome é",
    "o meu nome é",
    "chamo-me",
    "me chamo",
    "name is",
];

/// Labels of a form field or a role that a name follows ("Name:", "Sender:", "Patient",
/// "Kontoinhaber"). With a colon after them any capitalised run is a name; without one, a run
/// with at least one known name word ("Patient Robert Knox", where the label would otherwise
/// merge into the run and spoil it).
pub(crate) const LABELS: &[&str] = &[
    "name",
    "full name",
    "first name",
    "last name",
    "surname",
    "sender",
    "recipient",
    "addressee",
    "patient",
    "account holder",
    "cardholder",
    "card holder",
    "customer",
    "client",
    "contact person",
    "beneficiary",
    "payee",
    "tenant",
    "landlord",
    "applicant",
    "employee",
    "guest",
    "passenger",
    "vorname",
    "nachname",
    "absender",
    "empfänger",
    "empfängerin",
    "patientin",
    "kontoinhaber",
    "kontoinhaberin",
    "karteninhaber",
    "inhaber",
    "inhaberin",
    "kunde",
    "kundin",
    "ansprechpartner",
    "ansprechpartnerin",
    "mieter",
    "mieterin",
    "antragsteller",
    "antragstellerin",
    "begünstigter",
    "nom",
    "prénom",
    "nom complet",
    "expéditeur",
    "expéditrice",
    "destinataire",
    "patiente",
    "titulaire",
    "titulaire du compte",
    "cliente",
    "bénéficiaire",
    "locataire",
    "demandeur",
    "nombre",
    "apellido",
    "apellidos",
    "nombre completo",
    "remitente",
    "destinatario",
    "destinataria",
    "paciente",
    "titular",
    "titular de la cuenta",
    "beneficiario",
    "inquilino",
    "solicitante",
    "nome",
    "cognome",
    "nome e cognome",
    "mittente",
    "paziente",
    "titolare",
    "titolare del conto",
    "intestatario",
    "intestataria",
    "referente",
    "richiedente",
    "naam",
    "voornaam",
    "achternaam",
    "afzender",
    "ontvanger",
    "patiënt",
    "rekeninghouder",
    "klant",
    "begunstigde",
    "contactpersoon",
    "huurder",
    "aanvrager",
    "imię",
    "nazwisko",
    "imię i nazwisko",
    "nadawca",
    "odbiorca",
    "pacjent",
    "pacjentka",
    "właściciel",
    "właścicielka",
    "właściciel rachunku",
    "posiadacz rachunku",
    "klientka",
    "beneficjent",
    "najemca",
    "wnioskodawca",
    "nome completo",
    "sobrenome",
    "remetente",
    "destinatário",
    "destinatária",
    "titular da conta",
    "beneficiário",
    "requerente",
    "contact",
    "emergency contact",
    "assigned to",
    "assignee",
    "reviewer",
    "reporter",
    "requester",
    "requested by",
    "approved by",
    "insured",
    "policyholder",
    "student",
    "signatory",
    "zuständig",
    "zuständige",
    "zuständiger",
    "bearbeiter",
    "bearbeiterin",
    "sachbearbeiter",
    "sachbearbeiterin",
    "versicherungsnehmer",
    "versicherungsnehmerin",
    "versicherte",
    "versicherter",
    "mitglied",
    "fahrer",
    "interlocuteur",
    "interlocutrice",
    "responsable",
    "assuré",
    "assurée",
    "l'assuré",
    "l'assurée",
    "adhérent",
    "adhérente",
    "souscripteur",
    "persona de contacto",
    "contacto",
    "asegurado",
    "asegurada",
    "socio",
    "socia",
    "encargado",
    "encargada",
    "responsabile",
    "assicurato",
    "assicurata",
    "l'assicurato",
    "l'assicurata",
    "incaricato",
    "incaricata",
    "contatto",
    "verantwoordelijke",
    "verzekerde",
    "behandelaar",
    "osoba kontaktowa",
    "odpowiedzialny",
    "odpowiedzialna",
    "ubezpieczony",
    "ubezpieczona",
    "opiekun",
    "opiekunka",
    "kontakt",
    "pessoa de contato",
    "pessoa de contacto",
    "contato",
    "responsável",
    "segurado",
    "segurada",
];

/// Verbs of speech or address and phrases before a name ("ask X", "according to X"): with
/// one of them a run of two capitalised words is a name even if the lists know neither.
pub(crate) const SPEECH_BEFORE: &[&str] = &[
    "ask",
    "tell",
    "told",
    "asked",
    "according to",
    "my colleague",
    "my friend",
    "my wife",
    "my husband",
    "my boss",
    "frag",
    "fragen sie",
    "laut",
    "mein kollege",
    "meine kollegin",
    "von meinem kollegen",
    "von meiner kollegin",
    "demande à",
    "demandez à",
    "d'après",
    "selon",
    "mon collègue",
    "ma collègue",
    "pregúntale a",
    "pregunta a",
    "según",
    "mi colega",
    "chiedi a",
    "secondo",
    "il mio collega",
    "la mia collega",
    "vraag",
    "volgens",
    "mijn collega",
    "zapytaj",
    "według",
    "mój kolega",
    "moja koleżanka",
    "pergunte a",
    "pergunta a",
    "segundo",
    "meu colega",
    "minha colega",
    "call",
    "ping",
    "ruf",
    "rufen sie",
    "schreib",
    "appelle",
    "appelez",
    "écris à",
    "llama a",
    "llame a",
    "escribe a",
    "chiama",
    "chiami",
    "scrivi a",
    "bel",
    "zadzwoń do",
    "napisz do",
    "liga para",
    "ligue para",
    "escreve a",
    "escreva para",
    "explicó",
    "como explicó",
    "comentó",
    "dijo",
    "l'a expliqué",
    "l'a dit",
    "ha spiegato",
    "come ha spiegato",
    "ha detto",
    "wyjaśnił",
    "wyjaśniła",
    "powiedział",
    "powiedziała",
    "napisał",
    "napisała",
    "explicou",
    "como explicou",
    "disse",
    "comentou",
];

/// Verbs of speech right after a name ("X wrote", "X a écrit").
pub(crate) const SPEECH_AFTER: &[&str] = &[
    "said",
    "says",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "told",
    "sagte",
    "sagt",
    "schrieb",
    "schreibt",
    "fragte",
    "meinte",
    "a dit",
    "a écrit",
    "a demandé",
    "dit",
    "écrit",
    "dijo",
    "escribió",
    "preguntó",
    "dice",
    "escribe",
    "ha detto",
    "ha scritto",
    "ha chiesto",
    "scrive",
    "zei",
    "schreef",
    "vroeg",
    "zegt",
    "schrijft",
    "powiedział",
    "powiedziała",
    "napisał",
    "napisała",
    "zapytał",
    "zapytała",
    "pisze",
    "disse",
    "escreveu",
    "perguntou",
    "diz",
    "escreve",
    "mentioned",
    "explained",
    "pointed out",
    "noted",
    "added",
    "confirmed",
    "suggested",
    "commented",
    "answered",
    "responded",
    "erklärte",
    "ergänzte",
    "antwortete",
    "bestätigte",
    "betonte",
    "erklärt",
    "meint",
    "a précisé",
    "a expliqué",
    "a ajouté",
    "a répondu",
    "a confirmé",
    "a indiqué",
    "comentó",
    "explicó",
    "añadió",
    "respondió",
    "confirmó",
    "ha spiegato",
    "ha aggiunto",
    "ha risposto",
    "ha confermato",
    "ha precisato",
    "ha commentato",
    "antwoordde",
    "bevestigde",
    "meldde",
    "uitlegde",
    "legde uit",
    "wyjaśnił",
    "wyjaśniła",
    "dodał",
    "dodała",
    "odpowiedział",
    "odpowiedziała",
    "potwierdził",
    "potwierdziła",
    "comentou",
    "explicou",
    "acrescentou",
    "respondeu",
    "confirmou",
    "called",
    "phoned",
    "rang",
    "rief",
    "rief an",
    "hat angerufen",
    "a appelé",
    "a téléphoné",
    "llamó",
    "ha llamado",
    "ha chiamato",
    "ha telefonato",
    "belde",
    "heeft gebeld",
    "zadzwonił",
    "zadzwoniła",
    "ligou",
    "telefonou",
];

/// Words a greeting addresses that are no one's name ("Sehr geehrte Damen und Herren").
pub(crate) const ADDRESSEES: &[&str] = &[
    "all",
    "everyone",
    "everybody",
    "team",
    "folks",
    "guys",
    "there",
    "sir",
    "madam",
    "damen",
    "herren",
    "kollegen",
    "kolleginnen",
    "leute",
    "zusammen",
    "team",
    "mesdames",
    "messieurs",
    "madame",
    "monsieur",
    "tous",
    "équipe",
    "señores",
    "señoras",
    "todos",
    "equipo",
    "signori",
    "signore",
    "tutti",
    "colleghi",
    "dames",
    "heren",
    "allemaal",
    "iedereen",
    "państwo",
    "wszyscy",
    "senhores",
    "senhoras",
    "pessoal",
    "equipa",
];

/// Words that open a town's name ("Port Laura", "Bad Leonfelden", "Nueva Esperanza").
pub(crate) const TOWN_HEADS: &[&str] = &[
    "new",
    "north",
    "south",
    "east",
    "west",
    "port",
    "lake",
    "mount",
    "fort",
    "saint",
    "san",
    "santa",
    "santo",
    "são",
    "st",
    "bad",
    "sankt",
    "nieder",
    "ober",
    "neu",
    "alt",
    "groß",
    "klein",
    "nueva",
    "nuevo",
    "villa",
    "villanueva",
    "porto",
    "nowy",
    "nowa",
    "stary",
    "stara",
];

/// Endings of town names ("Kramerville", "Cartertown", "Mellrichstadt").
pub(crate) const TOWN_ENDINGS: &[&str] = &[
    "ville", "town", "ton", "burg", "borough", "shire", "port", "bury", "stad", "stadt", "chester",
    "mouth", "ford", "fort", "field", "view", "side", "land", "haven", "berg", "dorf", "hausen",
    "heim", "ingen", "furt", "feld", "bach", "kirchen", "hofen", "rode", "ów", "owo", "ice", "sk",
    "polis",
];

/// Greetings that open a letter or message.
pub(crate) const GREETINGS: &[&str] = &[
    "dear",
    "hi",
    "hello",
    "hey",
    "liebe",
    "lieber",
    "hallo",
    "sehr geehrte",
    "sehr geehrter",
    "guten tag",
    "bonjour",
    "cher",
    "chère",
    "salut",
    "hola",
    "estimado",
    "estimada",
    "querido",
    "querida",
    "ciao",
    "gentile",
    "gentilissimo",
    "gentilissima",
    "caro",
    "cara",
    "beste",
    "geachte",
    "dzień dobry",
    "witaj",
    "szanowny",
    "szanowna",
    "olá",
    "prezado",
    "prezada",
    "good morning",
    "good afternoon",
    "buongiorno",
    "buenos días",
    "bom dia",
    "goedemorgen",
    "moin",
    "servus",
    "thanks",
    "thank you",
    "danke",
    "merci",
    "gracias",
    "grazie",
    "bedankt",
    "dziękuję",
    "obrigado",
    "obrigada",
    "hoi",
    "cześć",
    "witam",
    "oi",
    "salve",
    "bonsoir",
    "coucou",
    "buenas",
    "buenas tardes",
    "buonasera",
    "buona sera",
    "goedemiddag",
    "goedenavond",
    "boa tarde",
    "boa noite",
    "good evening",
    "grüß dich",
    "grüezi",
    "hiya",
];

/// Sign-offs: a name on the next line is the writer's.
pub(crate) const SIGN_OFFS: &[&str] = &[
    "regards",
    "best regards",
    "kind regards",
    "warm regards",
    "best",
    "cheers",
    "thanks",
    "thank you",
    "sincerely",
    "yours sincerely",
    "yours faithfully",
    "yours",
    "love",
    "gruß",
    "gruss",
    "mit freundlichen grüßen",
    "mit freundlichen grüssen",
    "viele grüße",
    "beste grüße",
    "liebe grüße",
    "freundliche grüße",
    "grüße",
    "lg",
    "mfg",
    "cordialement",
    "bien à vous",
    "amicalement",
    "bises",
    "salutations",
    "saludos",
    "un saludo",
    "atentamente",
    "saludos cordiales",
    "un abrazo",
    "cordiali saluti",
    "distinti saluti",
    "saluti",
    "un saluto",
    "a presto",
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "groeten",
    "groet",
    "hartelijke groet",
    "pozdrawiam",
    "z poważaniem",
    "pozdrowienia",
    "atenciosamente",
    "cumprimentos",
    "abraços",
    "beijos",
    "obrigado",
    "obrigada",
    "bien cordialement",
    "très cordialement",
    "sincères salutations",
    "un cordial saludo",
    "muchas gracias",
    "cordialmente",
    "un caro saluto",
    "molti saluti",
    "hartelijke groeten",
    "vriendelijke groet",
    "groetjes",
    "z wyrazami szacunku",
    "serdecznie pozdrawiam",
    "pozdrawiam serdecznie",
    "com os melhores cumprimentos",
    "melhores cumprimentos",
    "com os cumprimentos",
    "abraço",
    "um abraço",
    "all the best",
    "best wishes",
    "many thanks",
    "herzliche grüße",
    "schöne grüße",
];

/// Lower-case particles inside names (Ludwig van Beethoven, Maria da Silva).
pub(crate) const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "das", "do", "du", "des",
    "la", "le", "ten", "ter", "zu", "y", "e", "bin", "ibn", "al", "el", "mc", "'t",
];

/// Prepositions before a place ("in Paris", "nach Berlin").
pub(crate) const PLACE_CUES: &[&str] = &[
    "in", "to", "from", "near", "outside", "at", "visit", "visiting", "nach", "aus", "bei", "von",
    "à", "au", "en", "de", "vers", "a", "desde", "da", "per", "naar", "uit", "te", "w", "we", "z",
    "ze", "do", "em", "no", "na", "para", "weather", "wetter", "météo", "tiempo", "meteo", "weer",
    "pogoda", "tempo",
];

/// Role bits of a word: which lists it belongs to, so detectors test one bit per token before
/// comparing phrases.
pub(crate) mod role {
    pub const TITLE: u32 = 1;
    pub const GREET_LAST: u32 = 1 << 1;
    pub const STRONG_LAST: u32 = 1 << 2;
    pub const NAME_CUE_LAST: u32 = 1 << 3;
    pub const PLACE_CUE: u32 = 1 << 4;
    pub const SIGN_OFF_LAST: u32 = 1 << 5;
    pub const PARTICLE: u32 = 1 << 6;
    pub const SUFFIX_TYPE: u32 = 1 << 7;
    pub const PREFIX_TYPE: u32 = 1 << 8;
    pub const GERMANIC_TYPE: u32 = 1 << 9;
    pub const LIVE_LAST: u32 = 1 << 10;
    pub const PO_FIRST: u32 = 1 << 11;
    pub const SPECIAL_FIRST: u32 = 1 << 12;
    pub const TERM_FIRST: u32 = 1 << 13;
    pub const FILLER: u32 = 1 << 14;
    pub const GREET_FIRST: u32 = 1 << 15;
    pub const STREET_PARTICLE: u32 = 1 << 16;
    pub const LABEL_LAST: u32 = 1 << 17;
    pub const SPEECH_LAST: u32 = 1 << 18;
    pub const SPEECH_FIRST: u32 = 1 << 19;
    pub const TOWN_HEAD: u32 = 1 << 20;
    /// A word before the last of a multi-word cue phrase: without it before a cue's last
    /// word only one-word phrases can match.
    pub const CUE_INNER: u32 = 1 << 21;
    /// The first word of a verb-of-address phrase of two or more words ("zadzwoń do",
    /// "liga para"): capitalised at a sentence's start it is no part of the name after it.
    pub const SPEECH_HEAD: u32 = 1 << 22;
}

/// Every lexicon word with its role bits, and a hash index over them.
pub(crate) struct Roles {
    words: Vec<(Box<[u8]>, u32)>,
    index: super::table::Index,
}

impl Roles {
    /// Could a word with hash `h` have roles? `false` is certain.
    pub(crate) fn maybe(&self, h: u64) -> bool {
        self.index.maybe(h)
    }

    /// Role bits of a lower-cased word whose [`super::table::hash`] is `h`.
    pub(crate) fn get_hashed(&self, h: u64, lower: &[u8]) -> u32 {
        self.index
            .get_hashed(h, lower, |i| &self.words[i].0)
            .map_or(0, |i| self.words[i].1)
    }
}

/// The role table, built once per process (a few thousand words: well under a millisecond).
pub(crate) fn roles() -> &'static Roles {
    use super::{address as a, special as sp};
    use role::*;
    static ROLES: std::sync::OnceLock<Roles> = std::sync::OnceLock::new();
    ROLES.get_or_init(|| {
        let mut map: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut add = |w: &str, bit: u32| {
            if w.chars().any(char::is_alphanumeric) {
                *map.entry(w.to_lowercase()).or_default() |= bit;
            }
        };
        let first = |p: &str| p.split(' ').next().unwrap_or("").to_string();
        let last = |p: &str| {
            p.rsplit(' ')
                .find(|w| w.chars().any(char::is_alphanumeric))
                .unwrap_or("")
                .to_string()
        };
        for w in TITLES {
            add(w, TITLE);
        }
        add("sig", TITLE);
        for p in GREETINGS {
            add(&last(p), GREET_LAST);
            add(&first(p), GREET_FIRST);
        }
        for p in STRONG_CUES {
            add(&last(p), STRONG_LAST);
        }
        for p in NAME_CUES {
            add(&last(p), NAME_CUE_LAST);
        }
        for p in LABELS {
            add(&last(p), LABEL_LAST);
        }
        for p in SPEECH_BEFORE {
            add(&last(p), SPEECH_LAST);
        }
        for list in [
            NAME_CUES,
            STRONG_CUES,
            GREETINGS,
            LABELS,
            SPEECH_BEFORE,
            a::LIVE_CUES,
        ] {
            for p in list {
                if let Some((head, _)) = p.rsplit_once(' ') {
                    for w in head.split(' ') {
                        add(w, CUE_INNER);
                    }
                }
            }
        }
        for p in SPEECH_BEFORE {
            if p.contains(' ') {
                add(&first(p), SPEECH_HEAD);
            }
        }
        for p in SPEECH_AFTER {
            add(&first(p), SPEECH_FIRST);
        }
        for w in TOWN_HEADS {
            add(w, TOWN_HEAD);
        }
        for p in SIGN_OFFS {
            add(&last(p), SIGN_OFF_LAST);
        }
        for w in PLACE_CUES {
            add(w, PLACE_CUE);
        }
        for w in PARTICLES {
            add(w, PARTICLE);
        }
        for w in a::SUFFIX_TYPES.iter().chain(a::MORE_SUFFIX_TYPES) {
            add(w, SUFFIX_TYPE);
        }
        for w in a::PREFIX_TYPES {
            add(w, PREFIX_TYPE);
        }
        for w in a::GERMANIC_TYPES {
            add(w, GERMANIC_TYPE);
        }
        for p in a::LIVE_CUES {
            add(&last(p), LIVE_LAST);
        }
        for p in a::PO_BOXES {
            add(&first(p), PO_FIRST);
        }
        for (p, _) in sp::CUES {
            add(&first(p), SPECIAL_FIRST);
        }
        for w in sp::POSSESSIVES {
            add(w, SPECIAL_FIRST);
        }
        for (_, _, terms) in sp::TERMS {
            for t in *terms {
                add(&first(t), TERM_FIRST);
            }
        }
        for w in a::STREET_PARTICLES {
            add(w, STREET_PARTICLE);
        }
        for w in sp::FILLERS {
            add(w, FILLER);
        }
        let words: Vec<(Box<[u8]>, u32)> = map
            .into_iter()
            .map(|(k, v)| (k.into_bytes().into_boxed_slice(), v))
            .collect();
        let index = super::table::Index::build(words.len(), |i| &words[i].0);
        Roles { words, index }
    })
}
