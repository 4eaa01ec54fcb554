//! Ways to reach a person, and online identifiers: email, phone, URL, IP and MAC addresses.

use super::{Candidate, Category, RuleDef, Verdict, Words};
use crate::lower::Lower;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Words that name a phone number and nothing else: a bare digit run needs one of these
/// (`numéro`, `contact` or `call` also stand before account and identity numbers). A macro, so
/// both word lists below are built from one list at compile time.
macro_rules! phone_labels {
    () => {
        concat!(
            "phone\n",
            "tel\n",
            "tel.\n",
            "tel:\n",
            "telephone\n",
            "mobile\n",
            "cell\n",
            "cell.\n",
            "fax\n",
            "whatsapp\n",
            "telefon\n",
            "handy\n",
            "rufnummer\n",
            "mobil\n",
            "téléphone\n",
            "portable\n",
            "teléfono\n",
            "móvil\n",
            "celular\n",
            "telefono\n",
            "cellulare\n",
            "telefoon\n",
            "mobiel\n",
            "telefonu\n",
            "komórka\n",
            "komorka\n",
            "telemóvel\n",
            "telemovel\n",
            "telefone\n",
            "ph\n",
            "ph.\n",
            "mob\n",
            "mob.\n",
            "tél\n",
            "tél.\n",
            "cel\n",
            "tlf\n",
            "puhelin\n",
            "telefonnummer\n",
            "handynummer\n",
            "mobilnummer\n",
            "recapito\n",
            "phone no\n",
            "mobile no\n",
            // "My number" in a chat is the number to call; an order or account number is
            // named as such ("my order number"), which these phrases do not match.
            "my number\n",
            "meine nummer\n",
            "mon numéro\n",
            "mi número\n",
            "mi numero\n",
            "il mio numero\n",
            "mijn nummer\n",
            "o meu número\n",
            "meu número\n",
            "mój numer\n",
            "moj numer\n",
        )
    };
}
/// Asking to be called or texted: "call me", "ruf mich an", "zadzwoń do mnie". The number
/// that follows is the writer's own, as after a label.
macro_rules! call_me {
    () => {
        concat!(
            "call me\n",
            "text me\n",
            "reach me\n",
            "ruf mich an\n",
            "appelez-moi\n",
            "appelle-moi\n",
            "chiamami\n",
            "llámame\n",
            "ligue-me\n",
            "liga-me\n",
            "bel me\n",
            "belt u me\n",
            "zadzwoń do mnie\n",
            "zadzwoń\n",
            "zadzwon\n",
        )
    };
}
/// The phone labels and [`call_me`]: what the `phone-labelled` rule's bare numbers need.
const PHONE_LABELS_OR_ASKED: Words = Words::lines(concat!(phone_labels!(), call_me!()));
/// The phone labels, [`call_me`] and the words that also stand before other kinds of number.
const PHONE_CONTEXT: Words = Words::lines(concat!(
    phone_labels!(),
    call_me!(),
    "call\n",
    "contact\n",
    "numéro\n",
    "numero\n",
    "bel\n",
    "contacto\n",
    "cel.\n",
    "anrufen\n",
    "ligue\n",
    // Calls asked for without "me" ("ruf an 0049 …", "belt u", "llama al").
    "ruf an\n",
    "rufen sie\n",
    "dzwoń\n",
    "appelez\n",
    "appelle\n",
    "llama\n",
    "llame\n",
    "chiama\n",
    "belt u\n",
    "liga\n",
));

const NUMBER_ANTI_CONTEXT: Words = words![
    "order",
    "invoice",
    "ticket",
    "sku",
    "version",
    "build",
    "release",
    "ref",
    "reference",
    "tracking",
    "serial",
    "isbn",
    "bestellung",
    "rechnung",
    "commande",
    "facture",
    "pedido",
    "factura",
    "ordine",
    "fattura",
    "bestelling",
    "factuur",
    "zamówienie",
    "faktura",
    "encomenda",
    "timestamp",
    "epoch",
    "id",
    "port",
    "pid",
    "uid",
    "checksum",
    "hash",
];

/// The digit words of the languages the catalog reads: one line per digit from zero to nine,
/// then the words that say the next digit comes twice and three times. [`spelt_digit`]
/// reads them; the pattern holds only their first letters ([`digit_word_starts!`]).
const DIGIT_WORDS: &str = "zero oh cero null nul zéro zwo
one un uno um uma eins een jeden jedna
two dos zwei deux due twee dwa dwie dois duas
three tres três drei trois tre drie trzy
four cuatro vier quatre quattro cztery quatro
five cinco fünf fuenf cinq cinque vijf pięć piec
six seis sechs sei zes sześć szesc
seven siete sieben sept sette zeven siedem sete
eight ocho acht huit otto osiem oito
nine nueve neun neuf nove negen dziewięć dziewiec
double doble doppio doppel dubbel dupla dublu
triple triplo tripla tripel";

/// The first two and three characters of the [`DIGIT_WORDS`] (all of a shorter word; a test
/// checks the lists agree), as regex alternatives: the pattern of `phone-spelt-out` anchors
/// on a word that starts like a digit word and a second one that starts more like one, and
/// the validator reads whole words. Whole words in the pattern would cost 3.5 KB of the
/// catalog's automaton, which both modules carry; this is 1.7 KB.
macro_rules! digit_word_starts2 {
    () => {
        "ac|ce|ci|cu|cz|de|do|dr|du|dw|dz|ee|ei|fi|fo|fu|fü|hu|je|ne|ni|no|nu|oc|oh|oi|on|os|\
         ot|pi|qu|se|si|sz|th|tr|tw|um|un|vi|ze|zw|zé"
    };
}
/// See [`digit_word_starts2`].
macro_rules! digit_word_starts {
    () => {
        "ach|cer|cin|cua|czt|deu|dob|doi|dop|dos|dou|dre|dri|dua|dub|due|dup|dwa|dwi|dzi|een|\
         eig|ein|fiv|fou|fue|fün|hui|jed|neg|neu|nin|nov|nue|nul|och|oh|oit|one|osi|ott|pie|\
         pię|qua|sec|sei|sep|set|sev|sie|six|sze|thr|tre|tri|tro|trz|trê|twe|two|um|un|vie|\
         vij|zer|zes|zev|zwe|zwo|zér"
    };
}

/// The sites whose URLs name a person by a handle in the path, as regex alternatives (the
/// `url` rule's pattern) and, through [`PROFILE_HOSTS`], as the host list `profile_handle`
/// reads: one list for both.
macro_rules! profile_hosts {
    () => {
        r"linkedin\.com | github\.com | gitlab\.com | x\.com | twitter\.com | instagram\.com
        | facebook\.com | fb\.com | t\.me | telegram\.me | medium\.com | youtube\.com
        | tiktok\.com | reddit\.com | threads\.net | threads\.com | bsky\.app | twitch\.tv
        | mastodon\.social"
    };
}

/// [`profile_hosts!`] as written in the pattern.
const PROFILE_HOSTS: &str = profile_hosts!();

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "url",
        entity: "URL",
        category: Category::Contact,
        // Letters of other scripts too: browsers show and copy a path or query as typed
        // (`?n=Jürgen%20Müller`), and an ASCII-only URL ended at the `ü`, leaving the rest of
        // the name as plain text. Latin-1 symbols, general and CJK punctuation and spaces
        // still end it (`«https://…»`, a closing curly quote, `…`).
        // A profile on a social or code-hosting site is also written without a scheme
        // (`linkedin.com/in/jane-doe`, `github.com/janedoe`): its handle is a `USERNAME`
        // found inside the URL (`profile_handle`), so these hosts start a URL as `www.` does.
        pattern: concat!(
            r"(?x)
            \b (?: (?:https?|ftp|wss?)://  |  www\.
                  | (?i: (?: m | mobile | [a-z]{2} ) \. )? (?i: ",
            profile_hosts!(),
            r" ) / )
            (?: [A-Za-z0-9\-._~:/?\#\[\]@!$&'()*+,;=%]
              | (?u: [\u{C0}-\u{1FFF}\u{2C00}-\u{2DFF}\u{3040}-\u{FDFF}\u{FE70}-\u{FEFE}\u{10000}-\u{10FFFF}] ) )+"
        ),
        validate: Some(url),
        score: 0.6,
        context: words!["url", "link", "website", "site", "page", "profile"],
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ipv4",
        entity: "IP_ADDRESS",
        category: Category::Identifiers,
        pattern: r"(?x)
            \b (?: (?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]) \. ){3}
            (?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])
            (?: / [0-9]{1,2} )? \b",
        validate: Some(ipv4),
        score: 0.6,
        checked_score: 0.8,
        context: words![
            "ip",
            "ip address",
            "address",
            "host",
            "server",
            "client",
            "adresse ip",
            "dirección ip",
            "indirizzo ip",
            "ip-adres",
            "adres ip",
            "endereço ip",
        ],
        context_boost: 0.15,
        anti_context: words!["version", "v", "release", "build", "firmware"],
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ipv6",
        entity: "IP_ADDRESS",
        category: Category::Identifiers,
        // Every textual form of RFC 4291 section 2.2 and RFC 5952: full, compressed with `::`,
        // and with an embedded IPv4 tail; a zone index (`%eth0`) may follow. The alternatives
        // over-accept; `Ipv6Addr::from_str` in the validator decides.
        pattern: r"(?x)
            # Forms with an embedded IPv4 tail come first: leftmost-first takes the first
            # alternative that matches, and the hex-only forms would stop before the tail.
              (?: [0-9A-Fa-f]{1,4} : ){1,6} : (?: [0-9A-Fa-f]{1,4} : ){0,5} [0-9]{1,3} (?: \. [0-9]{1,3} ){3}
            | (?: [0-9A-Fa-f]{1,4} : ){6} [0-9]{1,3} (?: \. [0-9]{1,3} ){3}
            | :: (?: [0-9A-Fa-f]{1,4} : ){0,5} [0-9]{1,3} (?: \. [0-9]{1,3} ){3}
            | (?: [0-9A-Fa-f]{1,4} : ){1,7} : (?: [0-9A-Fa-f]{1,4} (?: : [0-9A-Fa-f]{1,4} ){0,6} )?
            | (?: [0-9A-Fa-f]{1,4} : ){7} [0-9A-Fa-f]{1,4}
            # A bare `::` (the unspecified address) is no one's address, and every `Foo::bar`
            # path in source code would be a candidate.
            | :: [0-9A-Fa-f]{1,4} (?: : [0-9A-Fa-f]{1,4} ){0,6}
            ",
        validate: Some(ipv6),
        score: 0.6,
        checked_score: 0.85,
        context: words!["ip", "ipv6", "address", "host", "server", "client"],
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "mac",
        entity: "MAC_ADDRESS",
        category: Category::Identifiers,
        pattern: r"(?x)
            \b (?: [0-9A-Fa-f]{2} : ){5} [0-9A-Fa-f]{2} \b
            | \b (?: [0-9A-Fa-f]{2} - ){5} [0-9A-Fa-f]{2} \b
            | \b [0-9A-Fa-f]{4} \. [0-9A-Fa-f]{4} \. [0-9A-Fa-f]{4} \b",
        validate: Some(mac),
        score: 0.6,
        checked_score: 0.8,
        context: words![
            "mac",
            "mac address",
            "hardware address",
            "ethernet",
            "wifi",
            "wi-fi",
            "bssid",
            "adresse mac",
            "dirección mac",
            "indirizzo mac",
            "mac-adres",
            "adres mac",
            "endereço mac",
        ],
        context_boost: 0.15,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "phone-intl",
        entity: "PHONE_NUMBER",
        category: Category::Contact,
        // E.164 written for people: `+CC` (or the `00` international prefix, as most of
        // Europe dials it) then groups, maybe with a `(0)` trunk prefix, and a slash after the
        // area code as German letterheads write it (`+49 (0) 30 / 901820-0`).
        pattern: r"(?x)
            (?: \+ | \b 00 \ ? ) [1-9][0-9]{0,2}
            (?: [\ .\-]? \(0\) )?
            (?: (?: [\ .\-] | \ ? / \ ? )? \(? [0-9]{1,5} \)? ){1,6} \b",
        validate: Some(phone_intl),
        score: 0.75,
        checked_score: 0.85,
        context: PHONE_CONTEXT,
        context_boost: 0.15,
        anti_context: NUMBER_ANTI_CONTEXT,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "phone-nanp",
        entity: "PHONE_NUMBER",
        category: Category::Contact,
        countries: &["US", "CA"],
        // North American Numbering Plan: NPA and exchange never start with 0 or 1.
        pattern: r"(?x)
            (?: \b 1 [\ .\-]? )?
            # `(415) 867-5309`, and as some forms write it `(415).867.5309`, `(415)-867-5309`.
            (?: \( [2-9][0-9]{2} \) [\ .\-]? | \b [2-9][0-9]{2} [\ .\-] )
            [2-9][0-9]{2} [\ .\-] [0-9]{4}
            # An extension, also glued on (`555-0143x12`).
            (?: \ ? (?: x | ext\.? \ ? ) [0-9]{1,6} )? \b
            | \b [2-9][0-9]{2} [2-9][0-9]{2} [0-9]{4} \b",
        validate: Some(phone_nanp),
        score: 0.6,
        context: PHONE_CONTEXT,
        context_boost: 0.3,
        anti_context: NUMBER_ANTI_CONTEXT,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "phone-national",
        entity: "PHONE_NUMBER",
        category: Category::Contact,
        countries: &[
            "GB", "DE", "FR", "ES", "IT", "NL", "AU", "IN", "BR", "AT", "CH", "BE", "PL", "PT",
        ],
        // Trunk-prefix forms: `0` + area or mobile code, then groups (UK `020 7946 0958`, DE
        // `030 12345678`, `(089) 123456`, FR `01 23 45 67 89`, NL `06-12345678`, AU
        // `0412 345 678`, IT `06 1234 5678`), and a dash or slash set between spaces as
        // typed after the area code (`030 - 901820`, `0171 – 123 45 67`: the fold makes the
        // en dash a hyphen).
        pattern: r"(?x)
            (?: \( 0[1-9][0-9]{0,4} \) | \b 0[1-9][0-9]{0,4} )
            (?: (?: [\ ./\-] | \ [\-/]\ )? [0-9]{2,8} ){1,4} \b",
        validate: Some(phone_national),
        score: 0.55,
        context: PHONE_CONTEXT,
        context_boost: 0.3,
        anti_context: NUMBER_ANTI_CONTEXT,
        contested: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "phone-mobile",
        entity: "PHONE_NUMBER",
        category: Category::Contact,
        countries: &["IT", "ES", "IN", "BR"],
        // Forms without a trunk `0`: IT mobile `347 123 4567`, ES `612 345 678`, IN mobile
        // `98765 43210`, BR `(11) 91234-5678`.
        pattern: r"(?x)
            \b 3[0-9]{2} \ [0-9]{3} \ [0-9]{3,4} \b
            | \b [6789][0-9]{2} (?: \ [0-9]{3} \ [0-9]{3} | \ [0-9]{2} \ [0-9]{2} \ [0-9]{2} ) \b
            | \b [6-9][0-9]{4} [\ \-] [0-9]{5} \b
            | (?: \( [1-9]{2} \) \ ? | \b [1-9]{2} \ ) 9? [0-9]{4} [\ \-] [0-9]{4} \b",
        validate: Some(phone_mobile),
        score: 0.55,
        context: PHONE_CONTEXT,
        context_boost: 0.3,
        anti_context: NUMBER_ANTI_CONTEXT,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // A country code in parentheses without `+`, as forms and signatures write it:
    // `(351) 912 345 678`. Three-digit codes only: two digits in parentheses are a Brazilian
    // area code as often as a country.
    RuleDef {
        id: "phone-cc-parens",
        entity: "PHONE_NUMBER",
        category: Category::Contact,
        pattern: r"(?x)
            \( (?: 35[0-9] | 37[0-9] | 38[0-9] | 42[01] | 97[0-9] | 96[0-9] ) \) [\ .\-]?
            [0-9] (?: [\ .\-]? [0-9] ){6,11} \b",
        validate: Some(phone_cc_parens),
        score: 0.7,
        context: PHONE_CONTEXT,
        context_boost: 0.15,
        anti_context: NUMBER_ANTI_CONTEXT,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // Digit runs that are a phone only next to a phone label (`Telefono: 3471234567`,
    // `Ph 0412345678`, `Telemóvel 912345678`), and the groupings of Poland, Portugal and
    // Spain (`512 345 678`, `612.345.678`: a figure with thousands dots too, `21 234 56 78`,
    // `(22) 123 45 67`), Australia's eight-digit local numbers (`9876 5432`), North
    // America's seven-digit local numbers (`867-5309`) and ten-digit numbers in its
    // grouping that the numbering plan would not assign (`555 123 4567`: fictional or
    // mistyped, but what the user gave as their number all the same).
    RuleDef {
        id: "phone-labelled",
        entity: "PHONE_NUMBER",
        category: Category::Contact,
        countries: &[
            "IT", "FR", "IN", "AU", "DE", "PT", "PL", "ES", "BR", "AT", "CH", "NL", "US", "CA",
        ],
        pattern: r"(?x)
              \b [1-9][0-9]{7,10} \b
            | \b [2-9][0-9]{3} \ [0-9]{4} \b
            | \b [1-9][0-9]{2} [\ .] [0-9]{3} [\ .] [0-9]{3} \b
            | (?: \( [1-9][0-9] \) \ ? | \b [1-9][0-9] \ ) [0-9]{3} \ [0-9]{2} \ [0-9]{2} \b
            | \b [2-9][0-9]{2} [\-.] [0-9]{4} \b
            | \b [1-9][0-9]{2} - [0-9]{3} - [0-9]{3} \b
            | (?: \( [0-9]{3} \) [\ .\-]? | \b [0-9]{3} [\ .\-] ) [0-9]{3} [\ .\-] [0-9]{4} \b",
        validate: Some(phone_labelled),
        score: 0.45,
        context: PHONE_LABELS_OR_ASKED,
        context_boost: 0.3,
        anti_context: NUMBER_ANTI_CONTEXT,
        needs_context: true,
        contested: true,
        ..RuleDef::DEFAULT
    },
    // A phone number spelt out in digit words, as it is said or typed past a filter ("five
    // five five, eight six seven, five three zero nine", "seis uno dos tres …", "null eins
    // sieben …"). The pattern is two digit words in a row, which prose seldom holds; the
    // validator reads the run on (the finding reaches past the match) and asks for seven
    // digits after a phone word or nine without one.
    RuleDef {
        id: "phone-spelt-out",
        entity: "PHONE_NUMBER",
        category: Category::Contact,
        // The first word's letters after its start; the words with a letter outside ASCII
        // after the second are written out.
        pattern: concat!(
            r"(?x) \b (?i: (?: ",
            digit_word_starts2!(),
            r" ) [A-Za-z]{0,6} | três | pięć | sześć | dziewięć ) [\ ,\-]{1,3} (?i: ",
            digit_word_starts!(),
            " )"
        ),
        validate: Some(phone_spelt_out),
        score: 0.8,
        context: PHONE_CONTEXT,
        context_boost: 0.1,
        ..RuleDef::DEFAULT
    },
    // An online identity after its platform or a username label ("my instagram is
    // @jane_doe_77", "telegram: @jdoe1961", "my skype is jane.doe.77", "Benutzername:
    // jdoe1961"): GDPR counts online identifiers as personal data, and a handle has no shape
    // of its own, so only the label makes one of a word. The validator asks for a sign that
    // the word is a handle (`@`, a digit, `_` or `.`) or for the writer's own ("my").
    // A Skype ID keeps its `live:` (`live:.cid.…`). A mail provider's name ("my gmail is
    // jane.doe1987", "Gmail: …") makes the word its account: a `USERNAME` like the others,
    // because it has no domain (`EMAIL_ADDRESS` is an address with one).
    RuleDef {
        id: "online-handle",
        entity: "USERNAME",
        category: Category::Contact,
        // A login label (`login:`, `user:`, `Kennung:`) counts only with its colon: "user"
        // and "login" before a word are mostly prose ("user guide", "login page").
        // Or a bare `@handle` in prose ("thanks @jdoe", "cc @jane.doe"): the `@` after no
        // word character (not a mail address), the validator telling a chat mention from
        // code and docs (`@Override`, `@media`, `@types/node`, `@param`).
        pattern: r"(?x)
            (?: \B @ | \b (?: (?i:
                  instagram | insta | twitter | tiktok | snapchat | telegram | mastodon
                | bluesky | discord | skype | reddit | github | gitlab | twitch | youtube
                | facebook | linkedin | wechat | gamertag | user\ ?name | nickname
                | (?: gmail | googlemail | hotmail | outlook | yahoo | icloud | gmx
                    | proton (?: mail )? ) (?: \ ?mail )?
                | screen\ name | benutzername | nutzername | pseudonyme | nom\ d'utilisateur
                | nombre\ de\ usuario | usuario | nome\ utente | gebruikersnaam
                | nazwa\ u(?:ż|z)ytkownika | nome\ de\ usu(?:á|a)rio )
            (?: \ (?i: handle | username | account | name | id | user | address | adresse | login ) )?
            (?: \ (?i: is | ist | est | es | è | é | jest | to ) )? (?: : \ ? | \ )
            | (?i: login | user | user\ ?id | anmeldename | kennung | identifiant | utilisateur
                | utente | gebruiker | u(?:ż|z)ytkownik | usu(?:á|a)rio ) \ ? : \ ? )
            (?: @ | live: (?: \.cid\. )? )? ) [A-Za-z0-9_] [A-Za-z0-9_.\-]{1,38} \b",
        validate: Some(online_handle),
        score: 0.75,
        ..RuleDef::DEFAULT
    },
    // A Skype ID without a label (`live:jane.doe_1`, `live:.cid.4f2a…`): its `live:` is
    // Skype's own mark of an ID (round 17; full module).
    RuleDef {
        id: "skype-id",
        entity: "USERNAME",
        category: Category::Contact,
        // A letter first: `live:8080` is a host's port.
        pattern: r"\blive:(?:\.cid\.[A-Za-z0-9]|[A-Za-z_])[A-Za-z0-9_.\-]{1,38}\b",
        score: 0.75,
        ..RuleDef::DEFAULT
    },
    // An address spelt out in words against harvesters: `jane dot doe at example dot com`,
    // `juan arroba gmail punto com`, German `ät` (how `@` is said; `\B`: the ASCII `\b` sees
    // no word before `ä`, and `hätte` must not match), Polish `małpa`. Anchored on the word
    // for `@`, like `email` on the sign; the validator reads the local part backwards.
    // (`[at]`, `(dot)`, ` @ `, ` . ` are folded to the signs: `src/fold.rs`.)
    RuleDef {
        id: "email-spelt-out",
        entity: "EMAIL_ADDRESS",
        category: Category::Contact,
        pattern: r"(?x)
            (?: \b (?i: at | arroba | arobase | chiocciola | apenstaartje | ma(?:ł|l)pa )
              | \B (?: ät | Ät | ÄT ) ) \ +
            [A-Za-z0-9] [A-Za-z0-9\-]*
            (?: (?: \ + (?i: dot | punkt | punto | point | punt | ponto | kropka ) \ + | \. )
                [A-Za-z0-9] [A-Za-z0-9\-]* )+ \b",
        validate: Some(email_spelt_out),
        score: 0.85,
        ..RuleDef::DEFAULT
    },
    // Last of all rules on purpose: its local part can run on through any long token, and in a
    // leftmost-first search a higher-priority rule that is still alive keeps the scan going.
    // Ranked last, it is dropped as soon as any other rule matches at the same start.
    RuleDef {
        id: "email",
        entity: "EMAIL_ADDRESS",
        category: Category::Contact,
        // Anchored on the `@`: the regex matches `@domain` and the validator reads the local
        // part backwards (at most 64 bytes). A pattern starting at the local part would keep a
        // lazy-DFA thread open through every long token of letters, digits and dots, and each
        // restart inside such a token would rescan it: quadratic on "12-12-12-…".
        pattern: r"(?x)
            @
            (?: [A-Za-z0-9] (?:[A-Za-z0-9\-]*[A-Za-z0-9])? \. )+   # labels
            [A-Za-z]{2,24} \b                                # top-level domain",
        validate: Some(email),
        score: 0.95,
        context: words!["email", "e-mail", "mail", "courriel", "correo", "posta"],
        context_boost: 0.05,
        ..RuleDef::DEFAULT
    },
];

fn email(c: &Candidate<'_>) -> Verdict {
    let domain = &c.value()[1..];
    // A domain that goes on in non-ASCII letters (`example.coм`) is the Unicode pass's
    // ([`unicode_emails`]): this match would cut it short.
    if c.after()
        .is_some_and(|ch| !ch.is_ascii() && letter_like(ch) && !dense_script(ch))
    {
        return Verdict::Reject;
    }
    // `a@ a.aa@mail.com`: a "domain" glued to a second `@` that starts another domain is the
    // next address's local part. A stray `@` typed after an address (`jane@example.com@ …`)
    // leaves the address whole.
    let mut rest = c.rest().chars();
    if rest.next() == Some('@') && rest.next().is_some_and(|ch| ch.is_alphanumeric()) {
        return Verdict::Reject;
    }
    let Some(local) = local_part(c.preceding()) else {
        return Verdict::Reject;
    };
    let label_too_long = domain.split('.').any(|l| l.len() > 63);
    if label_too_long || domain.len() > 253 {
        return Verdict::Reject;
    }
    Verdict::Extend { before: local }
}

/// Words that spell `.` in an address written out (`jane dot doe at example dot com`).
const DOT_WORDS: [&str; 7] = ["dot", "punkt", "punto", "point", "punt", "ponto", "kropka"];

/// Words before a spelt-out address that say it is one ("email me", "write to").
const MAIL_CUES: [&str; 26] = [
    "mail",
    "email",
    "e-mail",
    "mailen",
    "contact",
    "write",
    "reach",
    "courriel",
    "correo",
    "posta",
    "adres",
    "adresse",
    "address",
    "dirección",
    "endereço",
    "écrivez",
    "écris",
    "escribe",
    "escríbeme",
    "scrivi",
    "scrivimi",
    "schreib",
    "schreiben",
    "schrijf",
    "napisz",
    "escreva",
];

/// Webmail domains: `john at gmail dot com` needs no other cue.
const MAIL_DOMAINS: [&str; 18] = [
    "gmail",
    "googlemail",
    "yahoo",
    "hotmail",
    "outlook",
    "live",
    "icloud",
    "gmx",
    "web",
    "proton",
    "protonmail",
    "aol",
    "orange",
    "laposte",
    "libero",
    "t-online",
    "wp",
    "onet",
];

/// Top-level domains a spelt-out address may end with: the common generic ones and the
/// countries whose languages the spelt words come from. A closed list, because `at home dot
/// then` would otherwise be an address.
pub(crate) const SPELT_TLDS: [&str; 30] = [
    "com", "org", "net", "edu", "gov", "info", "io", "co", "eu", "uk", "de", "at", "ch", "fr",
    "be", "lu", "es", "mx", "ar", "it", "nl", "pl", "pt", "br", "ca", "au", "us", "ie", "in", "me",
];

/// Pronouns and verbs that stand before `at` in prose ("email me at …", "look at …"): never a
/// local part on their own.
pub(crate) const NOT_LOCAL: [&str; 12] = [
    "me", "us", "you", "him", "her", "them", "it", "look", "work", "home", "is", "are",
];

/// `jane dot doe at example dot com`: the match is `at example dot com`; the local part is
/// read backwards (tokens joined by dot words). Accepted when the local part was spelt with a
/// dot word or has a dot, digit or underscore, or the domain is a webmail one, or a mail word
/// stands before it; never when the local part is a pronoun or a verb alone.
fn email_spelt_out(c: &Candidate<'_>) -> Verdict {
    let value = c.value();
    let Some(gap) = value.find(' ') else {
        return Verdict::Reject;
    };
    let mut labels: Vec<&str> = Vec::new();
    for part in value[gap..].split(' ').filter(|p| !p.is_empty()) {
        if !is_dot_word(part) {
            labels.extend(part.split('.'));
        }
    }
    let tld = labels.last().copied().unwrap_or("");
    if labels.len() < 2 || !SPELT_TLDS.iter().any(|t| tld.eq_ignore_ascii_case(t)) {
        return Verdict::Reject;
    }
    let before = c.preceding();
    let Some((start, spelt_local)) = spelt_local_part(before) else {
        return Verdict::Reject;
    };
    let local = before[start..].trim_end_matches(' ');
    let first = local.split(['.', ' ']).next().unwrap_or("");
    let pronoun = NOT_LOCAL.iter().any(|w| first.eq_ignore_ascii_case(w));
    if (!spelt_local && pronoun) || !local.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Verdict::Reject;
    }
    let shaped = spelt_local
        || local
            .bytes()
            .any(|b| matches!(b, b'.' | b'_') || b.is_ascii_digit());
    let webmail = MAIL_DOMAINS
        .iter()
        .any(|d| labels[0].eq_ignore_ascii_case(d));
    let cued = super::tail(&before[..start], 60)
        .lower()
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
        .any(|w| MAIL_CUES.contains(&w));
    // `jane AT example DOT com`: words for the signs in capitals among lower-case labels are
    // written against harvesters, not prose (a shouted line has capitals throughout).
    let upper = |w: &str| w.chars().any(char::is_uppercase);
    let capitals = upper(&value[..gap])
        && value[gap..]
            .split(' ')
            .filter(|w| is_dot_word(w))
            .all(upper)
        && !labels.iter().any(|l| upper(l));
    if shaped || webmail || cued || capitals {
        Verdict::Extend {
            before: before.len() - start,
        }
    } else {
        Verdict::Reject
    }
}

/// The digit a word of [`DIGIT_WORDS`] stands for, 10 and 11 for "double" and "triple";
/// `None` for any other word.
fn spelt_digit(word: &str) -> Option<u8> {
    let lower = if word.is_ascii() {
        None
    } else {
        Some(word.lower())
    };
    let same = |w: &str| match &lower {
        Some(l) => w == l,
        None => w.eq_ignore_ascii_case(word),
    };
    (0u8..)
        .zip(DIGIT_WORDS.lines())
        .find_map(|(digit, line)| line.split(' ').any(same).then_some(digit))
}

/// The word at the start of `s`, lower-cased, and its length in bytes.
fn word_at(s: &str) -> (String, usize) {
    let len = s.find(|ch: char| !ch.is_alphanumeric()).unwrap_or(s.len());
    (s[..len].lower(), len)
}

/// The word after `s[at..]`'s one space or dash, lower-cased, and where it ends.
fn next_word(s: &str, at: usize) -> Option<(String, usize)> {
    s.as_bytes().get(at).filter(|b| matches!(b, b' ' | b'-'))?;
    let (w, len) = word_at(&s[at + 1..]);
    (len > 0).then_some((w, at + 1 + len))
}

/// French units after a tens word (`vingt-deux`, `trente et un`).
fn french_unit(w: &str) -> Option<u8> {
    let units = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    ];
    let n = units.iter().position(|u| *u == w).map(|i| i as u8 + 1);
    n.or_else(|| (w == "une").then_some(1))
}

/// A French number from ten to nineteen at the start of `s` (`onze`, `dix-sept`), and its
/// length.
fn french_teen(s: &str) -> Option<(u8, usize)> {
    let (w, len) = word_at(s);
    let teens = [
        "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
    ];
    let n = teens.iter().position(|t| *t == w)? as u8 + 10;
    if n == 10 {
        if let Some((u @ 7..=9, end)) =
            next_word(s, len).and_then(|(w, end)| french_unit(&w).map(|u| (u, end)))
        {
            return Some((10 + u, end));
        }
    }
    Some((n, len))
}

/// A German number from ten to 99 in one word (`zwölf`, `vierunddreißig`).
fn german_pair(w: &str) -> Option<u8> {
    let units = [
        "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
    ];
    let tens = [
        "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
    ];
    let teens = [
        "zehn",
        "elf",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
        "siebzehn",
        "achtzehn",
        "neunzehn",
    ];
    let w = w.replace("ss", "ß").replace("ue", "ü").replace("oe", "ö");
    let ten = |t: &str| tens.iter().position(|x| *x == t).map(|i| i as u8 * 10 + 20);
    if let Some(i) = teens.iter().position(|x| *x == w) {
        return Some(i as u8 + 10);
    }
    if let Some((unit, t)) = w.split_once("und") {
        let u = units.iter().position(|x| *x == unit)? as u8 + 1;
        return Some(ten(t)? + u);
    }
    ten(&w)
}

/// A number from ten to 99 said as one, as French and German read a phone number in pairs
/// (`douze`, `trente-quatre`, `soixante-dix-huit`, `quatre-vingt-onze`, `vierunddreißig`), at
/// the start of `s`: its value and length. `None` for any other word.
fn spelt_pair(s: &str) -> Option<(u8, usize)> {
    let (w, len) = word_at(s);
    if let Some(n) = german_pair(&w) {
        return Some((n, len));
    }
    if let Some(teen) = french_teen(s) {
        return Some(teen);
    }
    let tens = [
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "septante",
        "huitante",
        "nonante",
    ];
    let (tens, used) = match tens.iter().position(|t| *t == w) {
        Some(i) => (i as u8 * 10 + 20, len),
        None if w == "octante" => (80, len),
        // `quatre-vingt(s)`: eighty; `quatre` alone is a digit.
        None if w == "quatre" => match next_word(s, len)? {
            (v, end) if v == "vingt" || v == "vingts" => (80, end),
            _ => return None,
        },
        None => return None,
    };
    // `-et-un`, `et onze`: the `et` of 21, 31, …, 71.
    let (after, et) = match next_word(s, used) {
        Some((w, end)) if w == "et" => (end, true),
        _ => (used, false),
    };
    if let Some((w, end)) = next_word(s, after) {
        if let Some(u) = french_unit(&w).filter(|&u| !et || u == 1) {
            return Some((tens + u, end));
        }
    }
    // Sixty and eighty go on with ten to nineteen (`soixante-dix-huit`, `quatre-vingt-onze`).
    if matches!(tens, 60 | 80) && after < s.len() {
        if let Some((t, n)) = french_teen(&s[after + 1..]).filter(|&(t, _)| !et || t == 11) {
            return Some((tens + t, after + 1 + n));
        }
    }
    Some((tens, used))
}

/// A run of digit words, read on from the match: words, "double"/"triple" before one, pairs
/// (`douze`, `trente-quatre`, `vierunddreißig`: French and German read a number two digits at
/// a time) and groups of up to four digits, between spaces, commas or dashes. Seven digits or
/// more are a number to call after a phone word; nine or more stand alone, unless they count
/// up (`one two three … nine`, `un deux … dix`) or repeat one digit.
fn phone_spelt_out(c: &Candidate<'_>) -> Verdict {
    let rest = super::head(&c.text[c.start..], 160);
    let (mut pos, mut end, mut repeat) = (0, 0, 1);
    let mut digits: Vec<u8> = Vec::new();
    // Each word's value, for the count (`… neuf dix` counts on past nine).
    let mut values: Vec<u8> = Vec::new();
    let mut spelt = 0;
    loop {
        let mut len = rest[pos..]
            .find(|ch: char| !ch.is_alphanumeric())
            .unwrap_or(rest.len() - pos);
        let token = &rest[pos..pos + len];
        if len == 0 {
            break;
        }
        let pair = (repeat == 1).then(|| spelt_pair(&rest[pos..])).flatten();
        if token.bytes().all(|b| b.is_ascii_digit()) && len <= 4 && repeat == 1 {
            digits.extend(token.bytes().map(|b| b - b'0'));
        } else if let Some((n, used)) = pair {
            digits.extend([n / 10, n % 10]);
            values.push(n);
            spelt += 2;
            len = used;
        } else {
            match spelt_digit(token) {
                Some(d @ 0..=9) => {
                    digits.extend(std::iter::repeat_n(d, repeat));
                    values.push(d);
                    spelt += repeat;
                    repeat = 1;
                }
                Some(times) if repeat == 1 => repeat = usize::from(times) - 8,
                _ => break,
            }
        }
        pos += len;
        if repeat == 1 {
            end = pos;
        }
        let sep = rest[pos..]
            .bytes()
            .take_while(|b| matches!(b, b' ' | b',' | b'-'))
            .count();
        if sep == 0 || sep > 3 {
            break;
        }
        pos += sep;
    }
    // The match only starts like digit words (`the second`), or the run is longer than any
    // phone number (a card or an account spelt out is another rule's, if any).
    if end == 0 || digits.len() > 15 {
        return Verdict::Reject;
    }
    // A count (`one two three …`) or one digit over and over is no number anyone was given.
    let counting =
        digits.windows(2).all(|w| w[1] == w[0] + 1) || values.windows(2).all(|w| w[1] == w[0] + 1);
    let same = digits.windows(2).all(|w| w[1] == w[0]);
    // Three words at least: `null, null, 3, 4, …` in code is a list, not a number.
    let n = digits.len();
    if spelt < 3 || n < 7 || counting || same || (n < 9 && !phone_word_before(c.preceding())) {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: 0,
        end,
        check: None,
    }
}

/// True when one of the rule's phone words ([`PHONE_CONTEXT`]) ends within the 48 bytes
/// before a spelt-out number, as a whole word: the rule's own context, read here because a
/// run of seven or eight digits needs it while nine do not.
fn phone_word_before(before: &str) -> bool {
    let hay = super::tail(before, 48).lower();
    let edge = |s: &str| !s.starts_with(char::is_alphanumeric);
    PHONE_CONTEXT.iter().any(|w| {
        hay.match_indices(w)
            .any(|(i, _)| edge(&hay[i + w.len()..]) && !hay[..i].ends_with(char::is_alphanumeric))
    })
}

/// True for a word that spells `.` ("dot", "punto").
fn is_dot_word(word: &str) -> bool {
    DOT_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Where the local part of a spelt-out address starts in `before` (which ends with the
/// space(s) before the word for `@`), and whether it was spelt with dot words.
fn spelt_local_part(before: &str) -> Option<(usize, bool)> {
    let token_len = |s: &str| {
        s.len()
            - s.trim_end_matches(|ch: char| {
                ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-' | '+')
            })
            .len()
    };
    let mut end = before.trim_end_matches(' ').len();
    if end == before.len() {
        return None;
    }
    let mut spelt = false;
    loop {
        let n = token_len(&before[..end]);
        if n == 0 || before.len() - (end - n) > 96 {
            return None;
        }
        let start = end - n;
        // `jane dot doe`: a dot word between spaces, and a token before it.
        let spaced = before[..start].trim_end_matches(' ');
        let w = token_len(spaced);
        let word_start = spaced.len() - w;
        let dot = w > 0 && spaced.len() < start && is_dot_word(&spaced[word_start..]);
        let prev = before[..word_start].trim_end_matches(' ');
        if dot && prev.len() < word_start && token_len(prev) > 0 {
            spelt = true;
            end = prev.len();
            continue;
        }
        // The local part starts with a letter or digit.
        let token = &before[start..];
        let skip = token.len()
            - token
                .trim_start_matches(|ch: char| !ch.is_ascii_alphanumeric())
                .len();
        return (start + skip < before.len()).then_some((start + skip, spelt));
    }
}

/// Length in bytes of the local part that ends `before` (the text up to an `@`), or `None`.
///
/// ASCII `atext` as people write it, plus letters of any script (RFC 6531 addresses:
/// `josé.garcía@`, `用户@`). Scripts written without spaces (Han, kana, Hangul, Thai, ...)
/// end the local part where they meet ASCII letters or digits: in `联系abc@x.cn` the address
/// is `abc@x.cn`.
fn local_part(before: &str) -> Option<usize> {
    let mut len = 0;
    let mut kind = None;
    for ch in before.chars().rev() {
        let local = if ch.is_ascii() {
            ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '%' | '+' | '-')
        } else {
            letter_like(ch)
        };
        if !local || script_changes(&mut kind, ch) {
            break;
        }
        len += ch.len_utf8();
        // RFC 5321 caps a local part at 64 octets; one glued to more text is not an address.
        if len > 64 {
            return None;
        }
    }
    let local = &before[before.len() - len..];
    // The local part starts with a letter or digit, not with punctuation.
    let local = local.trim_start_matches(|ch: char| ch.is_ascii() && !ch.is_ascii_alphanumeric());
    if local.is_empty() || local.ends_with('.') || local.contains("..") {
        return None;
    }
    Some(local.len())
}

/// True when `ch` moves between ASCII letters/digits and a script written without spaces
/// (the edge of an address glued to CJK or Thai text); `kind` remembers the side seen so far.
fn script_changes(kind: &mut Option<bool>, ch: char) -> bool {
    let this = if dense_script(ch) {
        Some(true)
    } else if ch.is_ascii_alphanumeric() {
        Some(false)
    } else {
        None
    };
    match (this, *kind) {
        (Some(a), Some(b)) if a != b => true,
        (Some(_), _) => {
            *kind = this;
            false
        }
        _ => false,
    }
}

/// A non-ASCII character that can be part of a word: a letter or digit, or a combining mark
/// (accents written as marks, the vowel signs of Indic scripts), or a joiner.
pub(crate) fn letter_like(ch: char) -> bool {
    ch.is_alphanumeric()
        || matches!(ch,
            '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}' | '\u{591}'..='\u{5C7}'
            | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}'
            | '\u{6D6}'..='\u{6ED}' | '\u{900}'..='\u{963}' | '\u{966}'..='\u{DFF}'
            | '\u{E31}'..='\u{E3A}' | '\u{E47}'..='\u{E4E}' | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}' | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
}

/// Scripts written without spaces between words.
fn dense_script(ch: char) -> bool {
    matches!(ch,
        '\u{E00}'..='\u{EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}'
        | '\u{2E80}'..='\u{2FDF}' | '\u{3040}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Length in bytes of an internationalised domain name at the start of `after` (the text
/// after an `@`) that holds at least one non-ASCII letter, or `None`. Labels of letters,
/// digits and hyphens of any script, at least two, the last one letters only.
fn unicode_domain(after: &str) -> Option<usize> {
    // Labels as (length, letters only), and the bytes they span with their dots.
    let mut labels: Vec<(usize, bool)> = Vec::new();
    let (mut len, mut label, mut letters) = (0, 0, true);
    let (mut non_ascii, mut kind, mut prev) = (false, None, '@');
    for ch in after.chars() {
        if ch == '.' {
            if label == 0 || prev == '-' {
                break;
            }
            labels.push((label, letters));
            // Each label may be of its own script (`例え.jp`: a Japanese name under an ASCII
            // top-level domain); a change of script inside a label still ends the domain
            // (`例子.com这是` stops before `这`).
            (label, letters, kind) = (0, true, None);
        } else {
            let ok = if ch.is_ascii() {
                ch.is_ascii_alphanumeric() || (ch == '-' && label > 0)
            } else {
                letter_like(ch)
            };
            if !ok || script_changes(&mut kind, ch) {
                break;
            }
            non_ascii |= !ch.is_ascii();
            letters &= !ch.is_ascii_digit() && ch != '-';
            label += ch.len_utf8();
            if label > 63 {
                return None;
            }
        }
        len += ch.len_utf8();
        prev = ch;
        if len > 253 {
            return None;
        }
    }
    if prev == '.' {
        // A trailing dot ends the sentence, not the domain.
        len -= 1;
    } else if prev == '-' {
        return None;
    } else if label > 0 {
        labels.push((label, letters));
    }
    let tld_ok = labels.last().is_some_and(|&(n, letters)| n >= 2 && letters);
    (non_ascii && labels.len() >= 2 && tld_ok).then_some(len)
}

/// E-mail addresses whose domain is internationalised (`jane@müller.de`, `用户@例子.中国`):
/// the `email` pattern is ASCII and stops at the first other letter. Spans in `text`, in
/// order. Linear: each `@` reads at most 64 bytes back and 253 forward.
pub(crate) fn unicode_emails(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..].find('@') {
        let at = from + k;
        from = at + 1;
        let Some(domain) = unicode_domain(&text[at + 1..]) else {
            continue;
        };
        if let Some(local) = local_part(&text[..at]) {
            out.push((at - local, at + 1 + domain));
            from = at + 1 + domain;
        }
    }
    out
}

/// URL-shaped tokens of `text` that start with a scheme (`scheme://…`, any scheme: `https`,
/// `git`, `postgres`, …), as the `url` rule and the credential-in-URL rules see them, for
/// the scan of the values inside. Linear: the search goes on after each token.
pub(crate) fn url_tokens(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        // Only the `:` of `://` starts a token: skip to the next one, eight bytes at a time.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([b':'; 8]));
            let flags = byte_flags(word, b':');
            if flags == 0 {
                i += 8;
                continue;
            }
            // The lowest flag is exact (a borrow only flags bytes above a true match).
            i += flags.trailing_zeros() as usize / 8;
        }
        if !bytes[i..].starts_with(b"://") {
            i += 1;
            continue;
        }
        let scheme = bytes[..i]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
            .count();
        let end = url_end(text, i + 3);
        if scheme > 0 {
            out.push((i - scheme, end));
        }
        i = end;
    }
    out
}

/// Where a URL that goes on at `from` (a character boundary) ends: the first character that
/// cannot be in a URL.
pub(crate) fn url_end(text: &str, from: usize) -> usize {
    let url_char = |c: char| {
        c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c) || url_letter(c)
    };
    text[from..]
        .char_indices()
        .find(|&(_, c)| !url_char(c))
        .map_or(text.len(), |(i, _)| from + i)
}

/// A character beyond ASCII that a URL as shown and copied by a browser holds: the `url`
/// rule's pattern spells the same ranges (letters of every script; not Latin-1 symbols,
/// general or CJK punctuation, spaces or specials, which end a link in prose).
fn url_letter(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{1FFF}'
        | '\u{2C00}'..='\u{2DFF}'
        | '\u{3040}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// The high bit of each byte of `word` that equals `b` (SWAR: that byte of `word ^ b…b` is
/// zero), plus possibly bytes above the first true one.
fn byte_flags(word: u64, b: u8) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (LO * u64::from(b));
    x.wrapping_sub(LO) & !x & (LO << 7)
}

/// A piece of a URL to scan on its own: byte range in the URL, and whether it is in the
/// query (where `+` is a space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UrlPart {
    pub start: usize,
    pub end: usize,
    pub query: bool,
}

/// The parts of `url` that can hold someone's data: the user info, each path segment, each
/// `key=value` pair of the query and of the fragment. The host is left out (a domain is not
/// a value of its own here).
pub(crate) fn url_parts(url: &str) -> Vec<UrlPart> {
    let mut parts = Vec::new();
    let mut push = |start: usize, end: usize, query: bool| {
        if end > start {
            parts.push(UrlPart { start, end, query });
        }
    };
    let after_scheme = scheme_end(url).unwrap_or(0);
    let rest = &url[after_scheme..];
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if let Some(at) = rest[..authority_len].rfind('@') {
        push(after_scheme, after_scheme + at, false);
    }
    let tail = after_scheme + authority_len;
    let fragment = url[tail..].find('#').map_or(url.len(), |i| tail + i);
    let query = url[tail..fragment].find('?').map_or(fragment, |i| tail + i);
    let mut split = |from: usize, to: usize, seps: &[char], query: bool| {
        let mut at = from;
        for piece in url[from..to].split(seps) {
            push(at, at + piece.len(), query);
            at += piece.len() + 1;
        }
    };
    split(tail, query, &['/'], false);
    if query < fragment {
        split(query + 1, fragment, &['&', ';'], true);
    }
    if fragment < url.len() {
        split(fragment + 1, url.len(), &['&', '/'], false);
    }
    parts
}

/// Where the scheme's `://` of `url` ends, when the URL starts with one (`https://…`; not a
/// `://` further on, in a query's `?next=https://…`).
pub(crate) fn scheme_end(url: &str) -> Option<usize> {
    let i = url.find("://")?;
    let scheme = url[..i]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'));
    (i > 0 && scheme).then_some(i + 3)
}

/// Pages of the profile sites that name no one: the site's own sections, which stand where
/// a handle would (`github.com/features`, `x.com/home`, `instagram.com/explore`). Lower case.
/// (One string, words ended by a space: a list of `&str` costs the first module a pointer
/// and a length per word.)
const SITE_PAGES: &str = concat!(
    "about account accounts admin ads api apps blog business c careers channel codespaces ",
    "collections community compose contact customer-stories dashboard developer developers ",
    "dialog direct directory docs download downloads enterprise events explore features feed ",
    "gaming groups hashtag help home i intent issues jobs join joinchat legal login logout ",
    "marketplace messages new notifications orgs organizations p pages photo photos plugins ",
    "policies pricing privacy projects proxy pulls readme reel reels search security ",
    "settings share sharer shorts signup site sponsors stories team terms topics tos ",
    "trending tv users videos watch web wiki ",
);

/// One of [`SITE_PAGES`].
fn site_page(word: &str) -> bool {
    SITE_PAGES.split(' ').any(|w| w == word && !w.is_empty())
}

/// The handle in a profile URL (`linkedin.com/in/jane-doe`, `github.com/janedoe`,
/// `medium.com/@janedoe`, `https://t.me/janedoe`), as a byte range of `url`: the person a
/// profile link names, which the `url` finding around it would otherwise send as a link.
/// On a code host only the profile itself counts: `github.com/rust-lang/rust` links code,
/// and its owner is as often an organisation as a person.
pub(crate) fn profile_handle(url: &str) -> Option<(usize, usize)> {
    let at = scheme_end(url).unwrap_or(0);
    let host_len = url[at..].find(['/', '?', '#']).unwrap_or(url.len() - at);
    let host = url[at..at + host_len].lower();
    // `www.`, a mobile site or a country's (`de.linkedin.com`) is the same site.
    let site = match host.split_once('.') {
        Some((sub, rest))
            if rest.contains('.') && (matches!(sub, "www" | "m" | "mobile") || sub.len() == 2) =>
        {
            rest
        }
        _ => host.as_str(),
    };
    // The pattern's alternatives, read without their escapes.
    let known = PROFILE_HOSTS
        .split('|')
        .any(|h| h.trim().bytes().filter(|&b| b != b'\\').eq(site.bytes()));
    let path = at + host_len;
    if !known || !url[path..].starts_with('/') {
        return None;
    }
    // Each path segment: its range, and it lower-cased for the site's own words.
    let segment = |from: usize| {
        let len = url[from..]
            .find(['/', '?', '#'])
            .unwrap_or(url.len() - from);
        (from, from + len)
    };
    let (s1, e1) = segment(path + 1);
    let first = url[s1..e1].lower();
    let next = || (e1 < url.len() && url[e1..].starts_with('/')).then(|| segment(e1 + 1));
    let (start, end) = match site {
        "linkedin.com" if matches!(first.as_str(), "in" | "pub") => next()?,
        "reddit.com" if matches!(first.as_str(), "user" | "u") => next()?,
        "youtube.com" if matches!(first.as_str(), "c" | "user") => next()?,
        "bsky.app" if first == "profile" => next()?,
        "instagram.com" if first == "stories" => next()?,
        // A profile without a chosen name: `facebook.com/profile.php?id=100012345678901`.
        "facebook.com" | "fb.com" if first == "profile.php" => {
            let query = url[e1..].strip_prefix('?')?;
            let mut at = e1 + 1;
            for kv in query.split(['&', '#']) {
                if let Some(id) = kv.strip_prefix("id=") {
                    let digits = id.bytes().take_while(u8::is_ascii_digit).count();
                    return (digits >= 5).then_some((at + 3, at + 3 + digits));
                }
                at += kv.len() + 1;
            }
            return None;
        }
        "linkedin.com" | "reddit.com" | "bsky.app" => return None,
        "medium.com" | "youtube.com" | "tiktok.com" | "threads.net" | "threads.com"
        | "mastodon.social"
            if !first.starts_with('@') =>
        {
            return None
        }
        _ if site_page(&first) || first.contains(".php") => return None,
        _ => (s1, e1),
    };
    // The handle is the segment's run of handle characters; what follows it is the link's
    // end in the text (`](`, `)`, a quote), not part of the name.
    let handle_char = |ch: char| ch.is_alphanumeric() || matches!(ch, '_' | '.' | '-' | '@' | '%');
    let run = url[start..end]
        .find(|ch: char| !handle_char(ch))
        .unwrap_or(end - start);
    if matches!(site, "github.com" | "gitlab.com") {
        // The profile, not a repository under it: no further path segment after the handle.
        let tail = &url[start + run..];
        let tail = tail.strip_prefix('/').unwrap_or(tail);
        if tail.starts_with(handle_char) {
            return None;
        }
    }
    let handle = url[start..start + run].trim_end_matches(['.', '-']);
    let bare = handle.trim_start_matches('@');
    if bare.len() < 2
        || bare.bytes().all(|b| b.is_ascii_digit())
        || handle[1..].contains('@')
        || site_page(&bare.lower())
    {
        return None;
    }
    Some((start, start + handle.len()))
}

fn url(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    // Sentence punctuation after a URL is not part of it; a closing bracket only when the
    // URL has no matching opening one.
    let mut end = v.len();
    loop {
        let Some(last) = v[..end].chars().next_back() else {
            return Verdict::Reject;
        };
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
            ')' => v[..end].matches('(').count() < v[..end].matches(')').count(),
            ']' => v[..end].matches('[').count() < v[..end].matches(']').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    // A profile host without a scheme is the URL only where it begins a host of its own:
    // not the tail of `cdn.x.com`, `my-x.com`, an address's domain or a file path.
    let bare_host = scheme_end(v).is_none() && !v.starts_with("www.");
    if bare_host
        && c.before()
            .is_some_and(|b| matches!(b, '.' | '-' | '@' | '/' | '\\'))
    {
        return Verdict::Reject;
    }
    let host_part = v[..end]
        .split_once("://")
        .map_or(&v[..end], |(_, rest)| rest);
    if host_part.len() < 4 || !host_part.contains('.') && !host_part.starts_with("localhost") {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: 0,
        end,
        check: None,
    }
}

/// True when the match is one piece of a longer dotted or coloned token (a version string
/// `1.2.3.4.5`, an OID), which makes it something other than an address.
fn inside_dotted_token(c: &Candidate<'_>, sep: char) -> bool {
    let mut before = c.preceding().chars().rev();
    let mut after = c.rest().chars();
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    let glued = |x: Option<char>| x.is_some_and(|ch| ch.is_ascii_alphanumeric());
    (b1 == Some(sep) && glued(b2)) || (a1 == Some(sep) && glued(a2)) || glued(b1) || glued(a1)
}

fn ipv4(c: &Candidate<'_>) -> Verdict {
    if inside_dotted_token(c, '.') {
        return Verdict::Reject;
    }
    let addr = c.value().split('/').next().unwrap_or("");
    match addr.parse::<Ipv4Addr>() {
        Ok(ip) if ip.is_unspecified() || ip.is_broadcast() => Verdict::Reject,
        Ok(ip) if ipv4_not_personal(ip) => Verdict::Lowered {
            percent: NOT_PERSONAL_IP,
        },
        Ok(ip) if version_shaped(ip) && !in_url_or_with_port(c) => Verdict::Weak,
        Ok(_) => Verdict::Checked("ipv4-octets"),
        Err(_) => Verdict::Reject,
    }
}

/// One digit, then two small numbers (`1.15.7.2`, `7.1.4.34`, `8.2.4.44`): how four-part
/// version numbers ("since dpkg 1.15.5.4", AIX's `7.1.4.34`) and section numbers ("HTML5
/// section 8.2.4.44") are written, where the word "version" is often a sentence away. Such
/// addresses (0.05 % of the space) are reported only after an address word ("IP", "host",
/// "server", ...), as a URL's host or with a port.
fn version_shaped(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    o[0] < 10 && o[1] < 32 && o[2] < 32
}

/// The address is a URL's host (`//1.2.3.4`, `user@1.2.3.4`) or has a port (`1.2.3.4:8080`).
fn in_url_or_with_port(c: &Candidate<'_>) -> bool {
    let p = c.preceding();
    let mut after = c.rest().chars();
    p.ends_with("//")
        || p.ends_with('@')
        || (after.next() == Some(':') && after.next().is_some_and(|ch| ch.is_ascii_digit()))
}

/// Score, in hundredths, of an address that points at no one: loopback, private (RFC 1918),
/// link-local, the documentation ranges (RFC 5737, RFC 3849) and netmasks. Below the default
/// `min_score` of 0.5, so they are not reported unless asked for.
const NOT_PERSONAL_IP: u8 = 30;

/// Loopback, private, link-local and documentation addresses, and netmasks
/// (`255.255.255.0`: ones then zeros).
fn ipv4_not_personal(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    let bits = u32::from(ip);
    let netmask = bits.leading_ones() + bits.trailing_zeros() == 32 && o[0] == 255;
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_documentation()
        || netmask
        // "This network" 0/8, shared address space 100.64/10 (RFC 6598), multicast, reserved.
        || o[0] == 0
        || (o[0] == 100 && (o[1] & 0xc0) == 64)
        || o[0] >= 224
        || PUBLIC_RESOLVERS_V4.contains(&o)
}

/// Well-known public DNS resolvers (Google, Cloudflare, Quad9, OpenDNS): infrastructure that
/// documentation and configuration files name, never a person's address.
const PUBLIC_RESOLVERS_V4: &[[u8; 4]] = &[
    [8, 8, 8, 8],
    [8, 8, 4, 4],
    [1, 1, 1, 1],
    [1, 0, 0, 1],
    [9, 9, 9, 9],
    [149, 112, 112, 112],
    [208, 67, 222, 222],
    [208, 67, 220, 220],
];

/// The same resolvers over IPv6.
const PUBLIC_RESOLVERS_V6: &[[u16; 8]] = &[
    [0x2001, 0x4860, 0x4860, 0, 0, 0, 0, 0x8888],
    [0x2001, 0x4860, 0x4860, 0, 0, 0, 0, 0x8844],
    [0x2606, 0x4700, 0x4700, 0, 0, 0, 0, 0x1111],
    [0x2606, 0x4700, 0x4700, 0, 0, 0, 0, 0x1001],
    [0x2620, 0xfe, 0, 0, 0, 0, 0, 0xfe],
    [0x2620, 0xfe, 0, 0, 0, 0, 0, 0x9],
];

/// `::1`, link-local `fe80::/10`, unique local `fc00::/7`, documentation `2001:db8::/32`,
/// multicast `ff00::/8` and the public resolvers.
fn ipv6_not_personal(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    ip.is_loopback()
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] == 0x2001 && s[1] == 0x0db8)
        || (s[0] & 0xff00) == 0xff00
        || PUBLIC_RESOLVERS_V6.contains(&s)
}

fn ipv6(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let dotted_tail =
        c.after() == Some('.') && c.rest()[1..].starts_with(|ch: char| ch.is_ascii_digit());
    if inside_dotted_token(c, ':') || dotted_tail {
        return Verdict::Reject;
    }
    // A path in code (`b64::*`, `i2c::{...}`) ends in `::` before code punctuation; an
    // address prefix (`2001:db8::`) before a space, a slash or sentence punctuation.
    if v.ends_with("::")
        && c.after().is_some_and(|ch| {
            !(ch.is_whitespace() || matches!(ch, '/' | ',' | ')' | ']' | ';' | '"' | '\'' | '.'))
        })
    {
        return Verdict::Reject;
    }
    // `Foo::Bar` in code is all hex letters: require a digit in a compressed form.
    if v.contains("::") && !v.bytes().any(|b| b.is_ascii_digit()) {
        return Verdict::Reject;
    }
    let Ok(ip) = v.parse::<Ipv6Addr>() else {
        return Verdict::Reject;
    };
    if ipv6_not_personal(ip) {
        return Verdict::Lowered {
            percent: NOT_PERSONAL_IP,
        };
    }
    // A zone index (`fe80::1%eth0`) belongs to the address.
    let rest = c.rest();
    if let Some(zone) = rest.strip_prefix('%') {
        let n = zone
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if n > 0 {
            return Verdict::Span {
                start: 0,
                end: v.len() + 1 + n,
                check: Some("ipv6-syntax"),
            };
        }
    }
    Verdict::Checked("ipv6-syntax")
}

fn mac(c: &Candidate<'_>) -> Verdict {
    if inside_dotted_token(c, ':') || inside_dotted_token(c, '-') || inside_dotted_token(c, '.') {
        return Verdict::Reject;
    }
    let hex: Vec<u8> = c.value().bytes().filter(u8::is_ascii_hexdigit).collect();
    if hex.iter().all(|&b| b == b'0') || hex.iter().all(|&b| b == b'f' || b == b'F') {
        return Verdict::Reject;
    }
    Verdict::Checked("mac-syntax")
}

/// Separator characters between digit groups, in order of appearance.
fn separators(v: &str) -> Vec<char> {
    v.chars()
        .filter(|ch| matches!(ch, ' ' | '.' | '-' | '/'))
        .collect()
}

/// Dates, times and versions that share a phone's shape.
fn looks_like_date_or_version(v: &str) -> bool {
    let parts: Vec<&str> = v.split(['.', '-', '/']).collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
        let (a, b, c) = (n[0], n[1], n[2]);
        let is_year = |y: u32, p: &str| p.len() == 4 && (1900..=2100).contains(&y);
        if (is_year(a, parts[0]) && (1..=12).contains(&b) && (1..=31).contains(&c))
            || (is_year(c, parts[2]) && (1..=31).contains(&a) && (1..=31).contains(&b))
        {
            return true;
        }
    }
    false
}

fn phone_intl(c: &Candidate<'_>) -> Verdict {
    if c.before().is_some_and(|ch| ch.is_ascii_alphanumeric()) {
        return Verdict::Reject;
    }
    // `0049 30 901820` is a phone as often as `+49`, but a run of digits starting `00` is
    // also an id or an amount: only next to a phone word.
    let found = if c.value().starts_with('+') {
        Verdict::Plausible
    } else {
        Verdict::Weak
    };
    if !super::glued_to_digits(c) && intl_number(c.value()) {
        return found;
    }
    if found == Verdict::Weak {
        // A cut would make it plausible: a `00` run is cut by nobody.
        return Verdict::Reject;
    }
    // "+44 20 7946 0958 2024": the pattern ran on into the year.
    super::cut_before_a_number(c, |prefix| {
        if intl_number(prefix) {
            Verdict::Plausible
        } else {
            Verdict::Reject
        }
    })
}

/// E.164's 8–15 digits, and a national length that fits the country code.
fn intl_number(v: &str) -> bool {
    // The `00` dialled instead of `+`, and the trunk prefix written as `(0)`, are not part
    // of the number.
    let v = v.strip_prefix("00").unwrap_or(v).replacen("(0)", "", 1);
    let digits = crate::digit_vec(&v);
    (8..=15).contains(&digits.len()) && national_length_ok(&digits)
}

/// National significant number lengths (digits after the country code) of the ITU-T E.164
/// numbering plans of common countries; a country not listed is held to E.164's overall 8–15.
const NSN_LENGTHS: &[(&str, u8, u8)] = &[
    ("1", 10, 10),
    ("7", 10, 10),
    ("27", 9, 9),
    ("30", 10, 10),
    ("31", 9, 9),
    ("32", 8, 9),
    ("33", 9, 9),
    ("34", 9, 9),
    ("36", 8, 9),
    ("39", 6, 11),
    ("40", 9, 9),
    ("41", 9, 9),
    ("44", 9, 10),
    ("45", 8, 8),
    ("46", 7, 10),
    ("47", 8, 8),
    ("48", 9, 9),
    ("49", 6, 13),
    ("52", 10, 10),
    ("54", 10, 11),
    ("55", 10, 11),
    ("61", 9, 9),
    ("81", 9, 10),
    ("82", 8, 10),
    ("86", 9, 11),
    ("90", 10, 10),
    ("91", 10, 10),
    ("351", 9, 9),
    ("353", 7, 9),
    ("420", 9, 9),
    ("421", 9, 9),
    ("972", 8, 9),
];

/// True when the digits after a known country code have one of its national lengths.
fn national_length_ok(digits: &[u8]) -> bool {
    for cc_len in 1..=3 {
        let Some(cc) = digits.get(..cc_len) else {
            break;
        };
        let cc: String = cc.iter().map(|d| char::from(b'0' + d)).collect();
        if let Some(&(_, lo, hi)) = NSN_LENGTHS.iter().find(|(c, ..)| *c == cc) {
            let nsn = digits.len() - cc_len;
            return (usize::from(lo)..=usize::from(hi)).contains(&nsn);
        }
    }
    true
}

fn phone_cc_parens(c: &Candidate<'_>) -> Verdict {
    let digits = crate::digit_vec(c.value());
    if super::glued_to_digits(c) || !national_length_ok(&digits) {
        return Verdict::Reject;
    }
    Verdict::Plausible
}

/// A constant in source code (`pub const X: u32 = 2148052769;`, `#define X 2148052769`): no
/// phone, whatever its label (`VRING_CALL`) says.
fn in_code_constant(c: &Candidate<'_>) -> bool {
    let line = super::tail(c.preceding(), 120)
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let line = line.trim_start();
    line.starts_with("#define")
        || line.contains("const ")
        || line.starts_with("static ")
        || line.contains(" = 0x")
}

fn phone_labelled(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let d = crate::digit_vec(v);
    // People group a nine-digit number one way: `612.345 678` is two figures.
    let seps = separators(v);
    let mixed = d.len() == 9 && seps.windows(2).any(|w| w[0] != w[1]);
    if super::glued_to_digits(c)
        || in_code_constant(c)
        || d.iter().all(|&x| x == d[0])
        || c.before().is_some_and(|ch| ch.is_ascii_alphabetic())
        || mixed
    {
        return Verdict::Reject;
    }
    // A date written as digits (`20240115`) is not a number to call.
    if d.len() == 8 {
        let n = |a: usize, b: usize| d[a..b].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
        if (1900..=2100).contains(&n(0, 4)) && (1..=12).contains(&n(4, 6)) {
            return Verdict::Reject;
        }
    }
    Verdict::Weak
}

fn phone_nanp(c: &Candidate<'_>) -> Verdict {
    // The separators of the number itself, not of its extension.
    let v = c.value();
    let v = v.find(['x', 'e']).map_or(v, |i| v[..i].trim_end());
    if super::glued_to_digits(c) {
        return Verdict::Reject;
    }
    let seps = separators(v.trim_start_matches('1'));
    if seps.is_empty() && !v.contains('(') {
        // Ten bare digits: a timestamp or an id as often as a phone.
        if in_code_constant(c) {
            return Verdict::Reject;
        }
        return Verdict::Weak;
    }
    let plain: Vec<char> = seps.iter().copied().filter(|&s| s != ' ').collect();
    if !v.contains('(') && plain.windows(2).any(|w| w[0] != w[1]) {
        return Verdict::Reject;
    }
    Verdict::Plausible
}

fn phone_national(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if separators(v).is_empty() && !v.contains('(') {
        if super::glued_to_digits(c) || in_code_constant(c) || !national_digits(v) {
            return Verdict::Reject;
        }
        return Verdict::Weak;
    }
    if !super::glued_to_digits(c) {
        let whole = national_grouped(v);
        if whole != Verdict::Reject {
            return whole;
        }
        // One dot after the area or mobile code (`0171.1234567`): how some write a number,
        // but also a figure with a decimal point, so only next to a phone word.
        if separators(v) == ['.'] && national_digits(v) && !v.contains('(') {
            return Verdict::Weak;
        }
    }
    // "0171 2345678 2024": the pattern ran on into the year.
    super::cut_before_a_number(c, national_grouped)
}

/// A national number's 9–12 digits, and not a date or version.
fn national_digits(v: &str) -> bool {
    (9..=12).contains(&super::digit_count(v)) && !looks_like_date_or_version(v)
}

/// A grouped national number: plausible when its groups are separated one way.
fn national_grouped(v: &str) -> Verdict {
    let seps = separators(v);
    // A bare run is weak evidence, decided in `phone_national`, never by a cut.
    if !national_digits(v) || (seps.is_empty() && !v.contains('(')) {
        return Verdict::Reject;
    }
    // Mixed dots and dashes are version or id shapes; people group a number one way.
    let mut kinds = seps.iter().copied().filter(|&s| s != ' ');
    let first = kinds.next();
    let mixed = first.is_some_and(|k| kinds.any(|s| s != k));
    if mixed || (first == Some('.') && seps.len() < 2) {
        return Verdict::Reject;
    }
    Verdict::Plausible
}

fn phone_mobile(c: &Candidate<'_>) -> Verdict {
    if super::glued_to_digits(c) || looks_like_date_or_version(c.value()) {
        return Verdict::Reject;
    }
    in_table_cell(c)
}

/// Score, in hundredths, of a phone shape without `+` or trunk `0` in a table cell: a column
/// of grouped numbers is figures as often as phones, so only a phone word nearby (the
/// column's header, a label) lifts it over the default minimum score.
const TABLE_CELL: u8 = 40;

/// [`Verdict::Lowered`] when the candidate stands in a Markdown/ASCII table row (a `|`
/// before it on its line and another after it), else plausible. A tab-separated row is not
/// told apart: rules read the folded text, where a tab is a space like any other group
/// separator (a number pasted with tabs between its groups must still be found, and a phone
/// column pasted from a spreadsheet is more often phones than figures).
fn in_table_cell(c: &Candidate<'_>) -> Verdict {
    let line_before = super::tail(c.preceding(), 200)
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let line_after = super::head(c.rest(), 200).split('\n').next().unwrap_or("");
    if line_before.contains('|') && line_after.contains('|') {
        Verdict::Lowered {
            percent: TABLE_CELL,
        }
    } else {
        Verdict::Plausible
    }
}

/// Words the `online-handle` pattern may read as a handle that are the sentence going on
/// ("username is required", "handle: none").
const NOT_HANDLES: &[&str] = &[
    // A credential's name after a platform's ("my gmail password is X"): the secret rules
    // read the value; as a handle the word would hide it.
    "password",
    "passwort",
    "pw",
    "pwd",
    "pass",
    "passcode",
    "pin",
    "contraseña",
    "senha",
    "hasło",
    "wachtwoord",
    "the",
    "a",
    "an",
    "is",
    "not",
    "none",
    "null",
    "required",
    "optional",
    "string",
    "here",
    "below",
    "above",
    "same",
    "your",
    "their",
    "my",
    "of",
    "and",
    "or",
    "for",
    "to",
    "in",
    "on",
    "with",
    "from",
    "was",
    "will",
    "can",
    "must",
    "should",
    "field",
    "value",
    "example",
    "placeholder",
    "unknown",
    "empty",
    "missing",
    "invalid",
    "changed",
    "taken",
    "available",
    "der",
    "die",
    "das",
    "ist",
    "le",
    "la",
    "el",
    "il",
    "de",
    "het",
    "een",
    "o",
    "jest",
];

/// Labels of the `online-handle` rule that name a platform rather than a login: after them a
/// bare word is as often the platform's project or page as a person's handle.
const PLATFORMS: [&str; 19] = [
    "instagram",
    "insta",
    "twitter",
    "tiktok",
    "snapchat",
    "telegram",
    "mastodon",
    "bluesky",
    "discord",
    "skype",
    "reddit",
    "github",
    "gitlab",
    "twitch",
    "youtube",
    "facebook",
    "linkedin",
    "wechat",
    "gamertag",
];

/// Accounts that many systems share and that name no one (`user: root`, `login: admin`), and
/// words that follow a login label in documentation (`login: prompt`, `user: username`).
const SHARED_ACCOUNTS: [&str; 29] = [
    "root",
    "admin",
    "administrator",
    "postgres",
    "mysql",
    "guest",
    "user",
    "users",
    "test",
    "demo",
    "ubuntu",
    "debian",
    "pi",
    "nobody",
    "git",
    "sa",
    "anonymous",
    "default",
    "system",
    "daemon",
    "nginx",
    "www-data",
    "service",
    "deploy",
    "prompt",
    "username",
    "password",
    "email",
    "name",
];

/// The writer's own possessives before a handle's label: "my instagram is …".
const MY: &[&str] = &[
    "my", "mein", "meine", "mon", "ma", "mi", "mio", "mia", "mijn", "mój", "moja", "meu", "minha",
    "our",
];

/// The handle after its label: `@name`, a word with a digit, `_` or `.` in it, or any word
/// after the writer's own label ("my skype is janedoe").
fn online_handle(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    if v.starts_with('@') {
        return chat_handle(c);
    }
    // The handle is the match's last word (the labels hold no `@`, digit or `_`), with a
    // Skype ID's `live:` (`live:jane.doe`, `live:.cid.…`).
    let mut start = v.rfind([' ', ':']).map_or(0, |k| k + 1);
    if let Some(k) = v[..start]
        .rfind("live:")
        .filter(|&k| k > 0 && k + 5 == start)
    {
        start = k;
    }
    let handle = v[start..].trim_end_matches(['.', '-']);
    let bare = handle.trim_start_matches('@');
    if bare.len() < 2
        || bare.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        || NOT_HANDLES.contains(&bare.lower().as_str())
    {
        return Verdict::Reject;
    }
    let at = handle.starts_with('@');
    let marked = bare
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'_' || b == b'.');
    let mine = super::tail(c.preceding(), 24)
        .split_whitespace()
        .next_back()
        .is_some_and(|w| MY.contains(&w.lower().as_str()));
    // `Benutzername: jmueller`, `login: jdoe`: a login label and its colon say the next word
    // is one, when it is written as logins are (lower case) and is not a shared account.
    // Not in code (`fn f(user: usize)`) nor in a URL's user part (`//user:password@`, also
    // scanned alone, where nothing stands before it: hence the space after the colon).
    let label = v[..start].lower();
    // A mail provider's name is a word too ("Outlook: stable", "Proton: 1.67e-27", "Gmail:
    // 1.8B users"): its account starts with a letter, and after "outlook" or "proton" (a
    // forecast, a particle) only the writer's own account written as one (a digit, `_`, `.`).
    let provider = label.split([' ', ':']).next().unwrap_or("");
    let mail = MAIL_DOMAINS.contains(&provider);
    // `my gmail is jane.doe@gmail.com`: the word is the local part of the address that the
    // `email` rule finds whole.
    if c.after() == Some('@')
        || mail
            && (!bare.starts_with(|ch: char| ch.is_ascii_alphabetic())
                || (matches!(provider, "outlook" | "proton") && !(mine && marked)))
    {
        return Verdict::Reject;
    }
    let login = label.ends_with(": ")
        && c.before()
            .is_none_or(|ch| ch.is_whitespace() || matches!(ch, '*' | '-' | '>'))
        && !mail
        && !PLATFORMS.iter().any(|p| label.starts_with(p))
        && bare.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && bare.len() >= 3
        && !SHARED_ACCOUNTS.contains(&bare);
    if !(at || marked || mine || login) {
        return Verdict::Reject;
    }
    Verdict::Span {
        start,
        end: start + handle.len(),
        check: None,
    }
}

/// Words after `@` that are code or docs, not people, where prose shares their line (a tag or
/// decorator opening its line, a call, a scope, a glued `{@link}` are told apart by the
/// validator): CSS and Sass at-rules, doc tags, decorators, chat groups that name no one
/// (`@here`), placeholders. One string, searched word by word: a table of string slices costs
/// the first module a pointer and a length per word.
const AT_WORDS: &str = "media import font-face keyframes supports page charset namespace layer \
container apply tailwind screen use forward include mixin extend each if else return function \
content param params returns type typedef deprecated see link example throws since author \
version override todo internal inheritdoc property staticmethod classmethod dataclass app \
pytest ts-ignore ts-expect-error deno-types here channel everyone all someone username user";

/// A bare `@handle` in prose ("thanks @jdoe", "cc @jane.doe", "ping @m_rossi about it"). A
/// chat mention names a person as surely as a handle after "my instagram is", but `@` opens
/// much code and documentation too. Taken: a handle written in lower case (title-case known
/// names are the names pass's mentions), standing alone (after a space, a line's start or
/// `(`, never glued to a word: mail addresses), ended like a word of a sentence (no `(`, `/`,
/// `=`, `{`, `@` after it: calls, npm scopes, `user@host`), no keyword of code or docs
/// ([`AT_WORDS`]), and words of prose on its line: a decorator alone on its line
/// (`@pytest.fixture`), a JSDoc line (`* @param x`) and `a @ b` (no handle) stay unreported.
fn chat_handle(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let handle = v.trim_end_matches(['.', '-']);
    let bare = &handle[1..];
    let first = bare.as_bytes()[0];
    let line_before = c.preceding().rsplit('\n').next().unwrap_or("");
    let line_after = c.rest().split('\n').next().unwrap_or("");
    // What follows the handle (its trailing dots included): a sentence's punctuation and a
    // space, or the line's end.
    let after = &c.text[c.start + handle.len()..];
    let mut next = after.chars();
    let ends = match next.next() {
        None | Some(' ' | '\t' | '\r' | '\n') => true,
        Some(',' | ';' | '!' | '?' | ')' | '.' | ':') => {
            next.next().is_none_or(|ch| ch.is_whitespace() || ch == ')')
        }
        _ => false,
    };
    // Prose on the line: a word of two letters or more outside the handle, in lower case
    // (ASCII letters suffice: "réglé" holds "gl").
    let prose = |s: &str| {
        s.split(|ch: char| !ch.is_ascii_alphabetic() && ch != '@')
            .any(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
    };
    // A tag opening a comment or a line of a doc comment (`* @remarks Some text`, `// @ts-check`,
    // `/// @brief ...`, `# @tag`), or a bundler's annotation in a block comment (`/*
    // @vite-ignore */`): only comment signs before it on its line.
    let lead = line_before.trim();
    let docs_line =
        !lead.is_empty() && lead.bytes().all(|b| b"*/#!".contains(&b)) || lead.ends_with("/*");
    // Handles are typed in lower case; `@Override`, `@__PURE__`, `@SuppressWarnings` are code.
    if !(first.is_ascii_lowercase() || first.is_ascii_digit() || first == b'_')
        || bare.bytes().any(|b| b.is_ascii_uppercase())
        || !c.before().is_none_or(|ch| ch.is_whitespace() || matches!(ch, '(' | '"' | '\''))
        || !ends
        || bare.len() < 2
        || bare.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        || docs_line
        // `@app.route`, `@pytest.mark.slow`: a decorator's object is a keyword too.
        || AT_WORDS
            .split(' ')
            .any(|w| w == bare || bare.split('.').next() == Some(w))
        || !(prose(line_before) || prose(line_after))
    {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: 0,
        end: handle.len(),
        check: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern's word starts are the digit words' first three characters, every one of
    /// them and no other (a word missing there would never start a match).
    #[test]
    fn digit_word_starts_are_the_digit_words() {
        let words = || DIGIT_WORDS.split_whitespace();
        for (list, n) in [(digit_word_starts2!(), 2), (digit_word_starts!(), 3)] {
            let starts: Vec<&str> = list.split('|').collect();
            for w in words() {
                let cut = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
                assert!(
                    starts.iter().any(|s| w[..cut].starts_with(s)),
                    "{w} starts no match"
                );
            }
            for s in &starts {
                let exact =
                    words().any(|w| w.starts_with(s) && (s.chars().count() == n || w == *s));
                assert!(exact, "{s} starts no digit word");
            }
        }
    }

    /// `url_end` (the scan of values inside a URL) and the `url` rule's pattern spell the
    /// same characters twice: a character one takes and the other does not would leave part
    /// of a link to no finding. Every ASCII character and both ends of every range, with a
    /// letter before and after it.
    #[test]
    fn url_end_and_the_url_pattern_agree() {
        let engine = crate::Engine::default_engine();
        let mut chars: Vec<char> = (0x21u8..0x7F).map(char::from).collect();
        for (a, b) in [
            ('\u{BF}', '\u{C0}'),
            ('\u{1FFF}', '\u{2000}'),
            ('\u{2BFF}', '\u{2C00}'),
            ('\u{2DFF}', '\u{2E00}'),
            ('\u{303F}', '\u{3040}'),
            ('\u{FDFF}', '\u{FE00}'),
            ('\u{FE6F}', '\u{FE70}'),
            ('\u{FFFF}', '\u{10000}'),
        ] {
            chars.extend([a, b]);
        }
        // U+FEFF, the range's end, is invisible: the fold drops it before either reads it.
        chars.push('\u{FEFE}');
        for c in chars {
            let text = format!("https://example.org/pa{c}th go");
            let by_scan = url_end(&text, "https://".len());
            let by_rule = engine
                .scan(&text)
                .iter()
                .filter(|f| &*f.entity == "URL")
                .map(|f| f.end)
                .max();
            // The rule drops trailing sentence punctuation that `url_end` keeps; both stop
            // at the same character otherwise.
            let rule_end = by_rule.unwrap_or(0);
            let kept = text[rule_end..by_scan]
                .chars()
                .all(|ch| ".,;:!?'*)]".contains(ch));
            assert!(
                rule_end <= by_scan && kept,
                "{:?}: url_end {by_scan}, rule {by_rule:?}",
                c
            );
        }
    }

    #[test]
    fn dates_are_not_phones() {
        assert!(looks_like_date_or_version("2024-01-15"));
        assert!(looks_like_date_or_version("15.01.2024"));
        assert!(!looks_like_date_or_version("030-1234-5678"));
    }
}
