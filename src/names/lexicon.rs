//! Word lists of the names pass, lower case, in English, German, French, Spanish, Italian,
//! Dutch, Polish and Portuguese. Multi-word entries are space-separated tokens as the
//! tokenizer splits them (`sig . ra` for "Sig.ra").

/// Titles and honorifics; a capitalised word after one is a name.
pub(crate) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "herr", "frau", "hr", "fr", "doktor", "mme", "mlle", "m", "monsieur", "madame",
    "mademoiselle", "me", "sr", "sra", "srta", "señor", "señora", "señorita", "don", "doña",
    "dña", "sig", "sigra", "signor", "signora", "signorina", "dott", "dottssa", "dottoressa",
    "ing", "avv", "dhr", "mevr", "mw", "meneer", "mevrouw", "pan", "pani", "panna", "senhor",
    "senhora", "dona", "eng", "drª", "dra", "doutor", "doutora", "sr.ª", "fräulein",
];

/// Phrases after which the next word is someone's name ("my name is", greetings).
pub(crate) const NAME_CUES: &[&str] = &[
    "my name is", "my name's", "name is", "i am called", "call me", "this is", "i'm",
    "mein name ist", "ich heiße", "ich heisse", "ich bin", "je m'appelle", "je suis",
    "mon nom est", "me llamo", "mi nombre es", "soy", "mi chiamo", "il mio nome è", "sono",
    "ik heet", "mijn naam is", "ik ben", "nazywam się", "mam na imię", "jestem",
    "meu nome é", "o meu nome é", "chamo-me", "eu sou", "me chamo",
    "name", "name:", "nom", "nome", "nombre", "naam", "imię", "nazwisko", "surname",
    "signed", "contact", "patient", "client", "employee", "tenant", "landlord", "applicant",
    "from", "to", "cc", "attn", "attention", "von", "an", "de", "à", "para", "per", "van",
    "aan", "od", "do",
];

/// Cues after which an unknown capitalised word is taken as a name; the weaker ones above
/// (`i'm`, `from`, `to`) only count for words the gazetteer knows.
pub(crate) const STRONG_CUES: &[&str] = &[
    "my name is", "my name's", "i am called", "call me", "mein name ist", "ich heiße",
    "ich heisse", "je m'appelle", "mon nom est", "me llamo", "mi nombre es", "mi chiamo",
    "il mio nome è", "ik heet", "mijn naam is", "nazywam się", "mam na imię", "meu nome é",
    "o meu nome é", "chamo-me", "me chamo", "name :", "name is",
];

/// Greetings that open a letter or message.
pub(crate) const GREETINGS: &[&str] = &[
    "dear", "hi", "hello", "hey", "liebe", "lieber", "hallo", "sehr geehrte", "sehr geehrter",
    "guten tag", "bonjour", "cher", "chère", "salut", "hola", "estimado", "estimada", "querido",
    "querida", "ciao", "gentile", "gentilissimo", "gentilissima", "caro", "cara", "beste",
    "geachte", "dzień dobry", "witaj", "szanowny", "szanowna", "olá", "prezado", "prezada",
    "good morning", "good afternoon", "buongiorno", "buenos días", "bom dia", "goedemorgen",
    "moin", "servus", "thanks", "thank you", "danke", "merci", "gracias", "grazie", "bedankt",
    "dziękuję", "obrigado", "obrigada",
];

/// Sign-offs: a name on the next line is the writer's.
pub(crate) const SIGN_OFFS: &[&str] = &[
    "regards", "best regards", "kind regards", "warm regards", "best", "cheers", "thanks",
    "thank you", "sincerely", "yours sincerely", "yours faithfully", "yours", "love",
    "mit freundlichen grüßen", "mit freundlichen grüssen", "viele grüße", "beste grüße",
    "liebe grüße", "freundliche grüße", "grüße", "lg", "mfg", "cordialement", "bien à vous",
    "amicalement", "bises", "salutations", "saludos", "un saludo", "atentamente",
    "saludos cordiales", "un abrazo", "cordiali saluti", "distinti saluti", "saluti",
    "un saluto", "a presto", "met vriendelijke groet", "met vriendelijke groeten", "groeten",
    "groet", "hartelijke groet", "pozdrawiam", "z poważaniem", "pozdrowienia",
    "atenciosamente", "cumprimentos", "abraços", "beijos", "obrigado", "obrigada",
];

/// Lower-case particles inside names (Ludwig van Beethoven, Maria da Silva).
pub(crate) const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "das", "do", "du",
    "des", "la", "le", "ten", "ter", "zu", "y", "e", "bin", "ibn", "al", "el", "mc", "'t",
];

/// Prepositions before a place ("in Paris", "nach Berlin").
pub(crate) const PLACE_CUES: &[&str] = &[
    "in", "to", "from", "near", "at", "visit", "visiting", "nach", "aus", "bei", "von", "à",
    "au", "en", "de", "vers", "a", "desde", "da", "per", "naar", "uit", "te", "w", "we", "z",
    "ze", "do", "em", "no", "na", "para", "weather", "wetter", "météo", "tiempo", "meteo",
    "weer", "pogoda", "tempo",
];
