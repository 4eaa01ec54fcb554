//! Postal addresses: a street with a house number in each country's order, then an optional
//! tail of postal code, city and state; PO boxes; and a bare street name after "I live on".

use super::lexicon::role::{
    GERMANIC_TYPE, LIVE_LAST, PO_FIRST, PREFIX_TYPE, STREET_PARTICLE, SUFFIX_TYPE,
};
use super::lookup::Lookups;
use super::tokenize::{Case, Kind};
use super::{Ctx, Entity, Hit};

/// Street types written after the name (English-speaking countries, India).
pub(crate) const SUFFIX_TYPES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "av",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "court",
    "ct",
    "place",
    "pl",
    "terrace",
    "tce",
    "way",
    "close",
    "crescent",
    "cres",
    "parade",
    "pde",
    "highway",
    "hwy",
    "square",
    "sq",
    "circle",
    "cir",
    "row",
    "gardens",
    "grove",
    "mews",
    "walk",
    "parkway",
    "pkwy",
    "marg",
    "path",
    "trail",
    "alley",
    "plaza",
    "hill",
    "green",
    "rise",
    "view",
    "wharf",
    "quay",
    "esplanade",
    "broadway",
    "nagar",
    // USPS Publication 28, Appendix C1 (street suffixes), the ones that are rarely
    // ordinary words after a number; and Australian road types (AS 4590).
    "mall",
    "glen",
    "mission",
    "crossing",
    "brook",
    "mountain",
    "mountains",
    "club",
    "fort",
    "flat",
    "flats",
    "fields",
    "field",
    "courtyard",
    "circles",
    "loop",
    "plaza",
    "heights",
    "hollow",
    "junction",
    "knoll",
    "knolls",
    "landing",
    "manor",
    "meadow",
    "meadows",
    "mill",
    "mills",
    "orchard",
    "pike",
    "pines",
    "point",
    "ranch",
    "ridge",
    "shore",
    "shores",
    "springs",
    "summit",
    "trace",
    "turnpike",
    "valley",
    "villages",
    "vista",
    "estates",
    "extension",
    "falls",
    "ferry",
    "forest",
    "forge",
    "fork",
    "forks",
    "freeway",
    "gateway",
    "harbor",
    "haven",
    "hills",
    "island",
    "isle",
    "lakes",
    "lodge",
    "motorway",
    "oval",
    "overpass",
    "parks",
    "plains",
    "prairie",
    "rapids",
    "ridges",
    "river",
    "roads",
    "route",
    "spur",
    "squares",
    "station",
    "stravenue",
    "stream",
    "streets",
    "throughway",
    "tunnel",
    "underpass",
    "viaduct",
    "views",
    "walks",
    "ways",
    "wells",
    "outlook",
    "circuit",
    "cove",
    "creek",
    "crest",
    "dale",
    "chowk",
    "gali",
];
/// More street types written after the name (round 5): the rest of USPS Publication 28's
/// suffixes and the Australian road types of AS/NZS 4819 that are rarely plain words after a
/// number and a name. Kept apart from [`SUFFIX_TYPES`] because many are surnames too ("Daniel
/// Park", "Emma Ford"): a run ending in one is still a person's name unless a house number
/// comes first.
pub(crate) const MORE_SUFFIX_TYPES: &[&str] = &[
    "branch",
    "bridge",
    "brooks",
    "burgs",
    "bypass",
    "camp",
    "canyon",
    "cape",
    "causeway",
    "center",
    "centers",
    "cliff",
    "cliffs",
    "common",
    "corner",
    "corners",
    "course",
    "courts",
    "coves",
    "crossroad",
    "curve",
    "dam",
    "divide",
    "drives",
    "estate",
    "expressway",
    "extensions",
    "fall",
    "ford",
    "fords",
    "forges",
    "garden",
    "glens",
    "greens",
    "groves",
    "harbors",
    "inlet",
    "islands",
    "junctions",
    "key",
    "keys",
    "lake",
    "land",
    "light",
    "lights",
    "loaf",
    "lock",
    "locks",
    "manors",
    "mount",
    "neck",
    "park",
    "parkways",
    "pass",
    "pine",
    "plain",
    "points",
    "port",
    "ports",
    "radial",
    "ramp",
    "rapid",
    "rest",
    "run",
    "shoal",
    "shoals",
    "skyway",
    "spring",
    "spurs",
    "track",
    "trafficway",
    "union",
    "unions",
    "valleys",
    "village",
    "ville",
    "wall",
    "well",
    "alleyway",
    "anchorage",
    "arcade",
    "bend",
    "brae",
    "centre",
    "chase",
    "circus",
    "concourse",
    "copse",
    "crossway",
    "dell",
    "driveway",
    "fairway",
    "footway",
    "glade",
    "grange",
    "laneway",
    "lookout",
    "parklands",
    "pathway",
    "promenade",
    "quays",
    "retreat",
    "ridgeway",
    "roadway",
    "ronde",
    "strand",
    "steps",
    "vale",
    "villas",
    "walkway",
    "wynd",
    "gate",
    "gap",
    "zila",
    "approach",
    "artery",
    "brace",
    "brow",
    "centreway",
    "circlet",
    "cruiseway",
    "deviation",
    "dip",
    "distributor",
    "elbow",
    "firetrail",
    "foreshore",
    "frontage",
    "gates",
    "gully",
    "highroad",
    "interchange",
    "meander",
    "mew",
    "nook",
    "plateau",
    "quadrangle",
    "quadrant",
    "ramble",
    "reserve",
    "riverway",
    "riviera",
    "roadside",
    "rosebowl",
    "rotary",
    "siding",
    "tarn",
    "thoroughfare",
    "tollway",
    "trunkway",
    "wade",
    "amble",
    "burg",
    "passage",
    "rue",
    "via",
    "basin",
    "beach",
    "byway",
    "colonnade",
    "corso",
    "cul-de-sac",
    "cutting",
    "entrance",
    "intersection",
    "lees",
    "pocket",
    "quad",
    "stairs",
    "subway",
    "towers",
    "trailer",
    "triangle",
    "formation",
    "ring",
    "tor",
    "piazza",
    "ganj",
];
/// Street types written before the name (French, Spanish, Italian, Portuguese, Polish).
pub(crate) const PREFIX_TYPES: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "boulevard",
    "bd",
    "bld",
    "place",
    "chemin",
    "allée",
    "impasse",
    "quai",
    "route",
    "cours",
    "passage",
    "calle",
    "c",
    "avenida",
    "avda",
    "plaza",
    "pza",
    "paseo",
    "camino",
    "carrera",
    "ronda",
    "travesía",
    "carretera",
    "glorieta",
    "via",
    "viale",
    "piazza",
    "piazzale",
    "corso",
    "largo",
    "vicolo",
    "strada",
    "lungomare",
    "rua",
    "r",
    "travessa",
    "praça",
    "estrada",
    "alameda",
    "rodovia",
    "calçada",
    "ul",
    "ulica",
    "al",
    "aleja",
    "aleje",
    "pl",
    "plac",
    "os",
    "osiedle",
    "avinguda",
    "carrer",
    "contrada",
    "località",
    "incrocio",
    "borgo",
    "rotonda",
    "traversa",
    "salita",
    "vico",
    "cuesta",
    "pasaje",
    "pasadizo",
    "callejón",
    "rambla",
    "urbanización",
    "bajada",
    "cañada",
    "vía",
    "calzada",
    "privada",
    "cerrada",
    "circuito",
    "andador",
    "prolongación",
    "corredor",
    "periférico",
    "beco",
    "ladeira",
    "viela",
    "quadra",
    "vereda",
    // Brazilian types of the Correios address directory (DNE) not listed above.
    "aeroporto",
    "chácara",
    "colônia",
    "condomínio",
    "conjunto",
    "esplanada",
    "favela",
    "fazenda",
    "jardim",
    "lagoa",
    "loteamento",
    "núcleo",
    "parque",
    "recanto",
    "residencial",
    "setor",
    "sítio",
    "trecho",
    "trevo",
    "viaduto",
    "vila",
    // Mexican road types (INEGI's road classes) not listed above; "Eje vial" is two words.
    "circunvalación",
    "continuación",
    "diagonal",
    "eje",
    "peatonal",
    "retorno",
    "viaducto",
    // Faker's Spanish, Mexican, Italian and Brazilian types not listed above (round 5).
    "acceso",
    "ampliación",
    "canale",
    "stretto",
    "campo",
    "distrito",
    "estação",
    "feira",
    "lago",
    "morro",
    "passarela",
    "praia",
    "pátio",
    "vale",
    "área",
    "vial",
];
/// Endings of German and Dutch street names written as one word (Hauptstraße, Kerkstraat).
pub(crate) const COMPOUND_ENDINGS: &[&str] = &[
    "straße",
    "strasse",
    "str",
    "weg",
    "gasse",
    "platz",
    "allee",
    "ring",
    "damm",
    "ufer",
    "chaussee",
    "pfad",
    "steig",
    "markt",
    "straat",
    "laan",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "steeg",
    "dreef",
    "hof",
    "wal",
    "steg",
    "brücke",
    "korso",
    "siedlung",
    "stieg",
    "kamp",
    "twiete",
    "graben",
    "berg",
    "tor",
    "gracht",
    "burg",
    "donk",
    "hoven",
    "buurt",
    "baan",
    "pad",
    "lei",
    "boulevard",
];
/// The last bytes of [`COMPOUND_ENDINGS`] (a test checks they cover the list).
const ENDING_LAST_BYTES: &[u8] = b"ergzmdtnlkfopi";
/// Separate street-type words after an adjective (Berliner Straße, Lange Laan).
pub(crate) const GERMANIC_TYPES: &[&str] = &[
    "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "straat",
    "laan", "plein", "gracht", "kade", "singel", "dijk",
];
/// Lower-case words inside street names (rue de la Paix, Calle de los Reyes, Via dei Mille).
pub(crate) const STREET_PARTICLES: &[&str] = &[
    "de", "la", "le", "les", "du", "des", "d", "l", "del", "los", "las", "di", "della", "delle",
    "dei", "degli", "dello", "do", "da", "dos", "das", "e", "y", "et", "der", "den", "van", "am",
    "an", "im", "auf", "zum", "zur", "san", "santa", "of", "the", "st",
];
pub(crate) const DIRECTIONS: &[&str] = &[
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
];
/// Unit prefixes before a number-first address (Flat 3, 14 High Street).
pub(crate) const UNIT_WORDS: &[&str] = &[
    "flat",
    "apt",
    "apartment",
    "unit",
    "suite",
    "ste",
    "room",
    "floor",
    "wohnung",
    "whg",
    "appartamento",
    "interno",
    "scala",
    "piso",
    "puerta",
    "interior",
    "depto",
    "departamento",
    "apto",
    "apartamento",
    "andar",
    "bloco",
    "lok",
    "bte",
    // Round 5: Italian floors, Mexican and Spanish buildings, Australian levels, British
    // studios.
    "piano",
    "edif",
    "edificio",
    "escalera",
    "esc",
    "bloque",
    "level",
    "studio",
    // Round 17: abbreviations that cut an address before its postcode ("Via Roma 42, int. 5,
    // 00184 Roma", "ul. Długa 15 m. 4, 00-950 Warszawa", "app. 12"). `m` and `int` only ever
    // count here, between an address's house number and a number of their own.
    "int",
    "m",
    "mieszk",
    "app",
    "appt",
];
/// Words before a street name on its own.
pub(crate) const LIVE_CUES: &[&str] = &[
    "live on",
    "live in",
    "live at",
    "living on",
    "lives on",
    "lives at",
    "based in",
    "born in",
    "address is",
    "lebe in",
    "wohnen in",
    "ziehe nach",
    "habite à",
    "j'habite à",
    "habite a",
    "habitons à",
    "vis à",
    "déménagé à",
    "vivimos en",
    "mudamos a",
    "mudé a",
    "abito a",
    "abitiamo a",
    "vivo a",
    "trasferiti a",
    "trasferito a",
    "wonen in",
    "verhuisd naar",
    "mieszkamy w",
    "moramos em",
    "mudamos para",
    "mudei para",
    "wohne in der",
    "wohne in",
    "wohne am",
    "wohne an der",
    "wohnt in der",
    "j'habite",
    "j'habite au",
    "j'habite rue",
    "habite au",
    "vivo en la",
    "vivo en",
    "vivo na",
    "vivo in",
    "abito in",
    "woon aan de",
    "woon in de",
    "woon op de",
    "woon aan",
    "woon in",
    "mieszkam na",
    "mieszkam przy",
    "mieszkam w",
    "mieszkam we",
    "mieszkamy we",
    "moro na",
    "moro em",
    "resido na",
];
/// PO boxes in the eight languages.
pub(crate) const PO_BOXES: &[&str] = &[
    "po box",
    "p . o . box",
    "p . o box",
    "post office box",
    "postfach",
    "bp",
    "b . p .",
    "boîte postale",
    "apartado de correos",
    "apartado",
    "casella postale",
    "postbus",
    "skrytka pocztowa",
    "caixa postal",
    "cx . postal",
    "gpo box",
    "pmb",
    // US rural routes, "RR 9 Box 126": the box number after the route's is taken below.
    "rr",
    "rural route",
];

/// A house number: digits, maybe a letter (221B, 12a), maybe `/12` or `-14` after it.
/// Returns the last token of the number.
fn house_number(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let t = ctx.toks.get(i)?;
    let s = t.text(ctx.text).as_bytes();
    let ok = match t.kind {
        Kind::Num => s.len() <= 5,
        Kind::Alnum => {
            let d = s.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=5).contains(&d) && s.len() - d <= 2 && s[d..].iter().all(u8::is_ascii_alphabetic)
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    let mut end = i;
    // 10/12, 5-7, 12 a
    if let (Some(p), Some(n)) = (ctx.toks.get(i + 1), ctx.toks.get(i + 2)) {
        if p.glued
            && (p.is('/') || p.is('-'))
            && n.glued
            && matches!(n.kind, Kind::Num | Kind::Alnum)
            && n.len() <= 4
        {
            end = i + 2;
        } else if p.glued
            && p.is('-')
            && n.glued
            && n.kind == Kind::Word
            && n.len() <= 4
            && (n.case == Case::Upper || ctx.word_in(i + 2, &["hs", "h", "huis", "bis"]))
        {
            // A Dutch floor or door after the number: "117-II", "42-hs", "8-A".
            end = i + 2;
        }
    }
    Some(end)
}

/// `S/N` (Spanish "sin número", Portuguese "sem número") in place of a house number at `i`;
/// returns its last token.
fn without_number(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let glued = |j: usize| ctx.toks.get(j).is_some_and(|t| t.glued);
    (ctx.word_in(i, &["s"]) && ctx.punct(i + 1, '/') && glued(i + 1) && glued(i + 2))
        .then_some(i + 2)
        .filter(|&j| ctx.word_in(j, &["n"]))
}

/// A Mexican interior number after the exterior one ending at `he` ("Pasaje Olivera 051 310,
/// 87573 ..."): up to four digits on the same line, then a comma. Returns the last token of
/// the house number.
fn interior_number(ctx: &Ctx<'_>, he: usize) -> usize {
    let n = he + 1;
    let inner = ctx
        .toks
        .get(n)
        .is_some_and(|t| t.kind == Kind::Num && t.len() <= 4 && !t.glued && !t.newline_before);
    // The comma after it, or the line's end in a block ("Diagonal Sur Frías 313 576\n69698").
    let closed = ctx.punct(n + 1, ',') || ctx.toks.get(n + 1).is_none_or(|t| t.newline_before);
    if inner && closed {
        n
    } else {
        he
    }
}

/// A postal code starting at `i`; returns its last token.
fn postcode(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let t = ctx.toks.get(i)?;
    let glued_num = |j: usize, len: usize| {
        ctx.toks
            .get(j)
            .is_some_and(|x| x.glued && x.kind == Kind::Num && x.len() == len)
    };
    if t.kind == Kind::Num {
        let l = t.len();
        // 00-001 (PL), 1100-053 (PT), 01310-100 (BR), 20500-0001 (US ZIP+4)
        let dash = ctx.toks.get(i + 1).is_some_and(|d| d.glued && d.is('-'));
        if dash
            && ((l == 2 && glued_num(i + 2, 3))
                || (l == 4 && glued_num(i + 2, 3))
                || (l == 5 && (glued_num(i + 2, 3) || glued_num(i + 2, 4))))
        {
            return Some(i + 2);
        }
        // 1012 AB (NL)
        if l == 4 {
            if let Some(n) = ctx.toks.get(i + 1) {
                if !n.glued && n.kind == Kind::Word && n.case == Case::Upper && n.len() == 2 {
                    return Some(i + 1);
                }
            }
        }
        // 10115 (DE, FR, ES, IT, US), 2000 (AU, AT, CH, BE), 560001 (IN)
        if (4..=6).contains(&l) {
            return Some(i);
        }
        return None;
    }
    // CH-8001, D-10115, F-75002, A-1010, L-1234 (country letter prefix)
    if t.kind == Kind::Word && t.case == Case::Upper && t.len() <= 2 {
        let dash = ctx.toks.get(i + 1).is_some_and(|d| d.glued && d.is('-'));
        if dash && (glued_num(i + 2, 4) || glued_num(i + 2, 5)) {
            return Some(i + 2);
        }
        return None;
    }
    if t.kind == Kind::Alnum {
        // Canada without the space: K1A0B1; the Netherlands without it: 1012AB
        let s = t.text(ctx.text).as_bytes();
        if s.len() == 6
            && s[..4].iter().all(u8::is_ascii_digit)
            && s[4..].iter().all(u8::is_ascii_uppercase)
        {
            return Some(i);
        }
        if s.len() == 6
            && s.iter().enumerate().all(|(k, b)| {
                if k % 2 == 0 {
                    b.is_ascii_uppercase()
                } else {
                    b.is_ascii_digit()
                }
            })
        {
            return Some(i);
        }
        // UK: outward code (NW1, SW1A, M1, EC2V) then inward code (6XE, 1AA).
        let s = t.text(ctx.text).as_bytes();
        let letters = s.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let uk_out = (1..=2).contains(&letters)
            && s.len() > letters
            && s.len() <= letters + 2
            && s[letters].is_ascii_digit()
            && s[letters + 1..]
                .iter()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
        if let Some(n) = ctx.toks.get(i + 1) {
            let inward = n.text(ctx.text).as_bytes();
            let uk_in = !n.glued
                && inward.len() == 3
                && inward[0].is_ascii_digit()
                && inward[1..].iter().all(u8::is_ascii_uppercase);
            if uk_out && uk_in {
                return Some(i + 1);
            }
            // Canada: K1A 0B1
            let ca = |x: &[u8]| {
                x.len() == 3
                    && x[0].is_ascii_alphabetic()
                    && x[1].is_ascii_digit()
                    && x[2].is_ascii_alphabetic()
            };
            let ca2 = |x: &[u8]| {
                x.len() == 3
                    && x[0].is_ascii_digit()
                    && x[1].is_ascii_alphabetic()
                    && x[2].is_ascii_digit()
            };
            if !n.glued && ca(s) && ca2(inward) {
                return Some(i + 1);
            }
        }
    }
    None
}

/// One to four capitalised words (with street particles between): a street or city name.
/// Returns the last token.
fn name_words(ctx: &Ctx<'_>, i: usize, max: usize) -> Option<usize> {
    let mut j = i;
    let mut last = None;
    let mut count = 0;
    while count < max {
        let Some(t) = ctx.toks.get(j) else { break };
        if j > i && (t.newline_before || t.glued && !(t.is('\'') || t.is('’'))) {
            // `d'Italie`: the apostrophe splits tokens only after one-letter particles.
            let after_apostrophe = ctx.toks[j - 1].is('\'') || ctx.toks[j - 1].is('’');
            if !(t.glued && after_apostrophe) {
                break;
            }
        }
        let initial = t.kind == Kind::Word
            && t.len() == 1
            && last.is_some()
            && t.text(ctx.text).chars().all(char::is_uppercase);
        // "Alameda de D. Pedro Pitões": an initial and its dot before more of the name.
        let dotted_initial = t.kind == Kind::Word
            && t.len() == 1
            && t.text(ctx.text).chars().all(char::is_uppercase)
            && ctx.punct(j + 1, '.')
            && ctx.toks[j + 1].glued
            && ctx
                .toks
                .get(j + 2)
                .is_some_and(|n| !n.glued && !n.newline_before && n.capitalised());
        if dotted_initial && count + 1 < max {
            last = Some(j);
            count += 1;
            j += 2;
        } else if t.capitalised() || initial {
            last = Some(j);
            count += 1;
            j += 1;
        } else if t.kind == Kind::Word && t.case == Case::Lower && ctx.role(j, STREET_PARTICLE) {
            j += 1;
            if ctx.toks.get(j).is_some_and(|x| x.is('\'') || x.is('’')) {
                j += 1;
            }
        } else if t.kind == Kind::Alnum && last.is_none() {
            // 5th Avenue, 42nd Street
            let s = t.text(ctx.text);
            if s.ends_with("th") || s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") {
                last = Some(j);
                count += 1;
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    last
}

/// A street-type word at `i` from `list`, with its optional abbreviation dot. Returns the
/// last token.
fn street_type(ctx: &Ctx<'_>, i: usize, list: &'static [&'static str], bit: u32) -> Option<usize> {
    if !ctx.role(i, bit) || !ctx.word_in(i, list) {
        return None;
    }
    let t = &ctx.toks[i];
    // `C/ Mayor`; Faker's and Correos' `C. Mayor` (a capital C and its dot, then the name).
    if ctx.word_in(i, &["c"]) {
        // Not an initial among others ("J. C. Smith"): nothing but a line start, a label's
        // colon or a lower-case word before it.
        let opens = i == 0
            || ctx.toks[i].newline_before
            || ctx.punct(i - 1, ':')
            || (ctx.toks[i - 1].kind == Kind::Word && ctx.toks[i - 1].case == Case::Lower);
        let dotted = t.case != Case::Lower
            && opens
            && ctx.punct(i + 1, '.')
            && ctx.toks[i + 1].glued
            && ctx.toks.get(i + 2).is_some_and(|n| {
                !n.glued
                    && !n.newline_before
                    && (n.capitalised() || ctx.role(i + 2, STREET_PARTICLE))
            });
        return (ctx.punct(i + 1, '/') || dotted).then_some(i + 1);
    }
    // `Eje vial Ceballos`
    if ctx.word_in(i, &["eje"]) {
        return ctx.word_in(i + 1, &["vial"]).then_some(i + 1);
    }
    if t.len() <= 4 && ctx.toks.get(i + 1).is_some_and(|d| d.glued && d.is('.')) {
        return Some(i + 1);
    }
    // Single-letter types need the dot (`r.`), and `al`/`pl` need it too (Polish).
    // "Wilbarbrook Pl" after a name is English ("Place").
    let english_pl = bit == SUFFIX_TYPE && t.case == Case::Title && ctx.word_in(i, &["pl"]);
    if t.len() == 1 || (ctx.word_in(i, &["al", "pl", "os", "ul", "avda", "pza"]) && !english_pl) {
        return None;
    }
    Some(i)
}

/// A German or Dutch compound street name (Hauptstraße, Kerkstraat, Hauptstr.).
fn compound(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let t = ctx.toks.get(i)?;
    // The shortest ending has three letters and a street name at least two more.
    if !(t.kind == Kind::Word && t.case == Case::Title && t.len() >= 5) {
        return None;
    }
    let s = t.text(ctx.text);
    // Every ending ends in a lower-case ASCII letter: most words leave on their last byte,
    // before any lower-casing or comparing (a non-ASCII last letter takes the slow path, as
    // a few lower-case to ASCII).
    let last = s.as_bytes()[s.len() - 1];
    if last.is_ascii() && !ENDING_LAST_BYTES.contains(&last.to_ascii_lowercase()) {
        return None;
    }
    let mut buf = [0u8; 64];
    let low = super::tokenize::lower_into(s, &mut buf)?;
    for e in super::wordset::endings_of(COMPOUND_ENDINGS, low) {
        if low.len() > e.len() + 2 && low.ends_with(e.as_bytes()) {
            if *e == "str" {
                return ctx
                    .toks
                    .get(i + 1)
                    .is_some_and(|d| d.glued && d.is('.'))
                    .then_some(i + 1);
            }
            return Some(i);
        }
    }
    None
}

/// A street at `i` without its house number; returns its last token. `after_number`: a house
/// number came first (French order), where the type is often written in lower case.
fn street(ctx: &Ctx<'_>, i: usize, after_number: bool) -> Option<usize> {
    let t = ctx.toks.get(i)?;
    if !t.capitalised() && !ctx.role(i, PREFIX_TYPE) && t.kind != Kind::Alnum {
        return None;
    }
    // Prefix type + name: rue de la Paix, Calle Mayor, ul. Marszałkowska. Without a number
    // before it, a lower-case type must be an abbreviation (`ul.`), so the Italian and
    // Spanish "via"/"calle" of running text ("via ANSI OSC 9") do not start an address.
    let type_ok = after_number
        || ctx.toks.get(i).is_some_and(|t| t.capitalised())
        || ctx.punct(i + 1, '.')
        || ctx.punct(i + 1, '/');
    if let Some(te) = street_type(ctx, i, PREFIX_TYPES, PREFIX_TYPE).filter(|_| type_ok) {
        if let Some(ne) = name_words(ctx, te + 1, 5) {
            return Some(ne);
        }
    }
    // Compound: Hauptstraße; or two words: Berliner Straße, Unter den Linden is left out.
    if let Some(e) = compound(ctx, i) {
        return Some(e);
    }
    if ctx.toks.get(i).is_some_and(|t| t.capitalised()) {
        if let Some(te) =
            next(ctx, i).and_then(|j| street_type(ctx, j, GERMANIC_TYPES, GERMANIC_TYPE))
        {
            return Some(te);
        }
    }
    // Name + suffix type: Baker Street, Pennsylvania Ave NW
    let ne = name_words(ctx, i, 4)?;
    let mut j = i;
    while j <= ne {
        if let Some(te) = street_type(ctx, j + 1, SUFFIX_TYPES, SUFFIX_TYPE)
            .or_else(|| street_type(ctx, j + 1, MORE_SUFFIX_TYPES, SUFFIX_TYPE))
        {
            // A dotless `Pl` is English only after a house number ("Wrocław Pl 5" is not).
            let bare_pl = te == j + 1 && ctx.word_in(te, &["pl"]);
            // "Brinda Badami\nFlat 26G": a type on the next line belongs to another line.
            let same_line = !ctx.toks[j + 1].newline_before;
            if j + 1 > i && same_line && ctx.toks[j + 1].capitalised() && (after_number || !bare_pl)
            {
                let mut end = te;
                // "Pennsylvania Ave NW", "Edwards Ct N": an abbreviated direction only, as
                // "North" after the type starts the city more often.
                if let Some(d) = next(ctx, te) {
                    if ctx.toks[d].len() <= 2 {
                        if let Some(de) = direction(ctx, d) {
                            end = de;
                        }
                    }
                }
                return Some(end);
            }
        }
        j += 1;
    }
    None
}

/// A compass direction written as in a US address at `i` ("N", "SW", "N.", "East"): not in
/// lower case. Returns its last token.
fn direction(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let t = ctx.toks.get(i)?;
    if t.kind != Kind::Word || t.case == Case::Lower || !ctx.word_in(i, DIRECTIONS) {
        return None;
    }
    Some(
        if t.len() <= 2 && ctx.toks.get(i + 1).is_some_and(|d| d.glued && d.is('.')) {
            i + 1
        } else {
            i
        },
    )
}

fn next(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let n = ctx.toks.get(i + 1)?;
    (!n.newline_before).then_some(i + 1)
}

/// Australian road types that are common words too (AS/NZS 4819: Range, Slope, Link, End,
/// ...): a street only when a postal code follows ("077 Ana Slope\nOCONNORTOWN TAS 2933").
const WEAK_SUFFIX_TYPES: &[&str] = &[
    "access", "block", "break", "cross", "edge", "end", "follow", "front", "ground", "line",
    "link", "little", "lower", "part", "range", "reach", "ride", "round", "slope", "sound",
    "strip", "top", "turn", "upper",
];

/// A house number at `i`, one to three capitalised words and a weak road type on one line,
/// then, after a comma or a line break, a tail with a postal code ("Step 2 Upper Range 2000"
/// has none). Returns the last token of the address.
fn weak_typed_street(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let s = house_number(ctx, i)? + 1;
    if ctx
        .toks
        .get(s)
        .is_none_or(|t| t.newline_before || !t.capitalised())
    {
        return None;
    }
    let ne = name_words(ctx, s, 4)?;
    let te = (s + 1..=ne)
        .find(|&k| ctx.toks[k].case == Case::Title && ctx.word_in(k, WEAK_SUFFIX_TYPES))?;
    let apart = ctx
        .toks
        .get(te + 1)
        .is_some_and(|t| t.newline_before || t.is(','));
    let (end, code) = tail(ctx, te);
    // A town in the tail too ("Chapter 3 Bottom Line, 2000 copies" has a number only).
    let town = (te + 1..=end).any(|k| ctx.toks[k].kind == Kind::Word && ctx.toks[k].capitalised());
    (apart && code && town).then_some(end)
}

/// Faker's and India Post's shortest street line, a house number, a comma and a name with
/// no street type ("73, Patil"), then the city and its PIN on the next line ("AVADI
/// 358760"): an address only with that line and its six-digit PIN. Returns the last token.
fn indian_street(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let he = house_number(ctx, i)?;
    if !ctx.punct(he + 1, ',') || ctx.toks.get(he + 2).is_none_or(|t| t.newline_before) {
        return None;
    }
    let ne = name_words(ctx, he + 2, 3)?;
    if ctx.toks[he + 2].case != Case::Title
        || ctx.toks.get(ne + 1).is_none_or(|t| !t.newline_before)
    {
        return None;
    }
    let (end, code) = tail(ctx, ne);
    // India's PIN has six digits ("CHAPTER 2000" under a heading is no city line).
    let pin = (ne + 1..=end).any(|k| ctx.toks[k].kind == Kind::Num && ctx.toks[k].len() == 6);
    (code && pin && end > ne + 1).then_some(end)
}

/// The house number at `i` stands alone on its line, maybe after India's "H.No." ("H.No.
/// 97\nRamaswamy Circle"): the street is on the next line.
fn number_alone(ctx: &Ctx<'_>, i: usize) -> bool {
    let opens = i == 0
        || ctx.toks[i].newline_before
        || (i >= 4
            && ctx.punct(i - 1, '.')
            && ctx.word_in(i - 2, &["no"])
            && ctx.punct(i - 3, '.')
            && ctx.word_in(i - 4, &["h"]));
    opens
        && house_number(ctx, i)
            .is_some_and(|he| ctx.toks.get(he + 1).is_some_and(|t| t.newline_before))
}

/// Token `i` is a four-digit number from 1900 to 2099.
fn year_like(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.toks[i];
    let s = t.text(ctx.text);
    t.kind == Kind::Num && s.len() == 4 && (s.starts_with("19") || s.starts_with("20"))
}

/// Three or more spaces before token `i`: a table's next column ("IPA Extensions      100%
/// (96/96)"), not the house number of the words before.
fn column_gap(ctx: &Ctx<'_>, i: usize) -> bool {
    i > 0 && ctx.toks[i].start - ctx.toks[i - 1].end > 2
}

/// After a street, skips a comma. Returns the index of the next token.
fn skip_comma(ctx: &Ctx<'_>, i: usize) -> usize {
    if ctx.punct(i, ',') && !ctx.toks[i].newline_before {
        i + 1
    } else {
        i
    }
}

/// The tail: `, 75002 Paris`, `, London NW1 6XE`, `, Washington, DC 20500`. Returns the last
/// token of the address and whether a postal code was seen.
fn tail(ctx: &Ctx<'_>, mut end: usize) -> (usize, bool) {
    let mut had_code = false;
    for round in 0..5 {
        let j = skip_comma(ctx, end + 1);
        if j >= ctx.toks.len() {
            break;
        }
        // Brazilian order, "1578 - Bela Vista, São Paulo - SP, 01310-200": a neighbourhood
        // after a spaced dash, then city and state, taken when a postal code closes the run.
        if !had_code && ctx.punct(end + 1, '-') && !ctx.toks[end + 1].glued {
            if let Some(pe) = dashed_run(ctx, end + 2) {
                had_code = true;
                // "0 - 24043 Monteverde": the city after the code.
                end = next(ctx, pe)
                    .and_then(|k| name_words(ctx, k, 4))
                    .unwrap_or(pe);
                continue;
            }
        }
        // A unit after the street, on its line or the next: "Suite 189", "Apt. 4B", "Piso 3",
        // "Wohnung 5", "2º B", "3º Esq.".
        if !had_code && (round == 0 || ctx.toks[j].newline_before || j > end + 1) {
            if let Some(k) = unit_at(ctx, j) {
                end = k;
                continue;
            }
        }
        // Faker's Mexican secondary numbers: "653 Edif. 846 , Depto. 078", or a pair "118 635"
        // on its own line or after a comma before the postal code.
        if !had_code && (ctx.toks[j].newline_before || j > end + 1) {
            if let Some(k) = mexican_secondary(ctx, j) {
                end = k;
                continue;
            }
        }
        // A Mexican "colonia" or a neighbourhood after a comma: "153, Col. de León, 56343".
        if !had_code && j > end + 1 {
            if let Some(k) = neighbourhood(ctx, j) {
                end = k;
                continue;
            }
        }
        if let Some(pe) = postcode(ctx, j) {
            had_code = true;
            end = pe;
            // City after the code (EU order); round 8: in lower case too when the lists
            // know it as a place and not as a word ("10115 berlin": the look-up gave a word
            // after digits its place flags).
            if let Some(ce) = next(ctx, pe).and_then(|k| {
                name_words(ctx, k, 4).or_else(|| {
                    let t = &ctx.toks[k];
                    (t.case == Case::Lower
                        && ctx.flags[k] & (super::gazetteer::PLACE | super::gazetteer::WORD)
                            == super::gazetteer::PLACE)
                        .then_some(k)
                })
            }) {
                end = ce;
            }
            continue;
        }
        // State abbreviation (DC, NSW, ON) or city words, only after a comma or the street.
        if let Some(t) = ctx.toks.get(j) {
            // "CHIS.": a four-letter Mexican state keeps its dot.
            let dotted = t.len() == 4 && ctx.punct(j + 1, '.') && ctx.toks[j + 1].glued;
            if t.kind == Kind::Word
                && t.case == Case::Upper
                && ((2..=3).contains(&t.len()) || dotted)
            {
                end = if dotted { j + 1 } else { j };
                continue;
            }
        }
        // Round 6: the town after a preposition ("Via Callegaro 172 a Carraie", "Rua de
        // Amaral, 171, em Costa da Caparica", "aan de Bovenestraat 31 in Forges"), when it
        // ends the clause; or after a comma or a spaced dash, when it ends the sentence ("Via
        // Roma 5, Casalfiume.", "Rua das Flores, 12 - Ribafria").
        if !had_code {
            if let Some(ce) = town_after_preposition(ctx, j) {
                end = ce;
                break;
            }
            let dash = ctx.punct(end + 1, '-') && !ctx.toks[end + 1].glued;
            let j = if dash { end + 2 } else { j };
            if j > end + 1 {
                if let Some(ce) = town_ending_sentence(ctx, j) {
                    end = ce;
                    break;
                }
            }
        }
        if j > end + 1 || !had_code {
            if let Some(ce) = name_words(ctx, j, 4)
                .filter(|&ce| {
                    ce < j + 3 || state_after_city(ctx, ce) > ce || brazilian_state_end(ctx, j, ce)
                })
                .map(|ce| state_after_city(ctx, ce))
            {
                // A city needs a code after it or a comma before it.
                let comma = j > end + 1;
                // "VIANA-CE\n53729137": a Brazilian CEP may lack its hyphen.
                let cep_at = skip_comma(ctx, ce + 1);
                let cep = brazilian_state_end(ctx, j, ce)
                    && ctx
                        .toks
                        .get(cep_at)
                        .is_some_and(|t| t.kind == Kind::Num && t.len() == 8);
                let code_after = postcode(ctx, skip_comma(ctx, ce + 1)).is_some()
                    || cep
                    || ctx.toks.get(skip_comma(ctx, ce + 1)).is_some_and(|t| {
                        t.kind == Kind::Word && t.case == Case::Upper && (2..=3).contains(&t.len())
                    });
                // "433 Lewis Throughway, Mooremouth, Oxfordshire": a town's shape will do.
                let known_place = ctx.flags[j] & super::gazetteer::PLACE != 0
                    || super::place::town_shape_at(ctx, j);
                if cep {
                    had_code = true;
                    end = cep_at;
                    continue;
                }
                if (comma && known_place) || code_after {
                    end = ce;
                    continue;
                }
            }
        }
        break;
    }
    (end, had_code)
}

/// A preposition of place at `j` and a town's capitalised words after it that end the clause
/// (punctuation, a line end or a lower-case word next): returns the town's last token.
fn town_after_preposition(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let t = ctx.toks.get(j)?;
    if t.kind != Kind::Word
        || t.case != Case::Lower
        || t.newline_before
        || !ctx.word_in(j, &["a", "em", "in", "à", "en", "te"])
    {
        return None;
    }
    let first = ctx.toks.get(j + 1)?;
    if first.newline_before || first.case != Case::Title || first.kind != Kind::Word {
        return None;
    }
    let ce = super::place::region_after(ctx, name_words(ctx, j + 1, 4)?);
    ctx.toks
        .get(ce + 1)
        .is_none_or(|t| {
            t.newline_before
                || t.kind == Kind::Punct
                || (t.kind == Kind::Word && t.case == Case::Lower)
        })
        .then_some(ce)
}

/// A town's capitalised words at `j` (at most three, particles between them) that end the
/// sentence or the line: a full stop, `!`, `?`, a closing bracket, a line end or the text's
/// end after them. Returns the town's last token (with a province or state after it).
fn town_ending_sentence(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let first = ctx.toks.get(j)?;
    if first.newline_before || first.case != Case::Title || first.kind != Kind::Word {
        return None;
    }
    // A street type or a unit opens the next part of the address, not a town.
    if ctx.role(j, PREFIX_TYPE | SUFFIX_TYPE) || ctx.word_in(j, UNIT_WORDS) {
        return None;
    }
    let ce = super::place::region_after(ctx, name_words(ctx, j, 3)?);
    ctx.toks
        .get(ce + 1)
        .is_none_or(|t| {
            t.newline_before || t.is('.') || t.is('!') || t.is('?') || t.is(')') || t.is(';')
        })
        .then_some(ce)
}

/// A Mexican secondary number at `j`: "653 Edif. 846" (with its "Depto." after a comma),
/// or two short numbers ("118 635") before a postal code. Returns the last token.
fn mexican_secondary(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let short = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Num && t.len() <= 4 && !t.glued)
    };
    if !short(j) || ctx.toks.get(j + 1).is_none_or(|t| t.newline_before) {
        return None;
    }
    if let Some(mut k) = unit_at(ctx, j + 1) {
        // ", Depto. 078"
        if ctx.punct(k + 1, ',') {
            if let Some(d) = unit_at(ctx, k + 2) {
                k = d;
            }
        }
        return Some(k);
    }
    (short(j + 1) && postcode(ctx, skip_comma(ctx, j + 2)).is_some()).then_some(j + 1)
}

/// Mexican neighbourhoods ("Col. de León", "Colonia Roma", "Fracc. Las Palmas"), Brazilian
/// and Spanish ones ("Bairro Centro", "Barrio Alto") at `j`; returns the last token.
fn neighbourhood(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    if !ctx.word_in(
        j,
        &[
            "col",
            "colonia",
            "fracc",
            "fraccionamiento",
            "bairro",
            "barrio",
        ],
    ) || ctx.toks[j].case == Case::Upper
    {
        return None;
    }
    let mut k = j + 1;
    if ctx.punct(k, '.') && ctx.toks[k].glued {
        k += 1;
    } else if ctx.word_in(j, &["col", "fracc"]) {
        return None;
    }
    let first = ctx.toks.get(k).filter(|t| !t.newline_before)?;
    // "Col. de León": a particle may open the name.
    if first.case == Case::Lower && !ctx.role(k, STREET_PARTICLE) {
        return None;
    }
    name_words(ctx, k, 4)
}

/// Capitalised words, commas and spaced dashes on one line from `i`, closed by a postal
/// code within a dozen tokens; returns the code's last token.
fn dashed_run(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let mut k = i;
    while k < (i + 12).min(ctx.toks.len()) {
        let t = &ctx.toks[k];
        if t.newline_before {
            return None;
        }
        // "Borgo Viviani, 0 - 24043 Monteverde": the code may follow the dash at once.
        if let Some(pe) = postcode(ctx, k) {
            return Some(pe);
        }
        // A Brazilian CEP without its hyphen closing the run ("- PA, 25446955").
        if k > i && t.kind == Kind::Num && t.len() == 8 && ctx.punct(k - 1, ',') {
            return Some(k);
        }
        let word = t.capitalised()
            || (t.kind == Kind::Word && t.case == Case::Lower && ctx.role(k, STREET_PARTICLE));
        if !(word || t.is(',') || (t.is('-') && !t.glued)) {
            return None;
        }
        k += 1;
    }
    None
}

/// Iberian doors written in lower case ("3º izq.", "1º dcha.").
const DOORS: &[&str] = &["izq", "izda", "dcha", "dch", "drcha", "dto", "esq", "dta"];

/// A unit at `j` ("Apt. 4B", "Wohnung 5", "Interno 2") or an Iberian floor and door ("2º B",
/// "3º Esq.", "1.º Dto"); returns its last token.
fn unit_at(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    if ctx.word_in(j, UNIT_WORDS) {
        let mut k = j + 1;
        if ctx.punct(k, '.') {
            k += 1;
        }
        return ctx
            .toks
            .get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Num | Kind::Alnum) && !t.newline_before)
            .then_some(k);
    }
    let t = ctx.toks.get(j)?;
    // "#347": a US unit number.
    if t.is('#') {
        let n = ctx.toks.get(j + 1)?;
        return (n.glued && matches!(n.kind, Kind::Num | Kind::Alnum)).then_some(j + 1);
    }
    let s = t.text(ctx.text);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    // "7ºC": the door glued to the floor.
    let door_glued = rest
        .strip_prefix('º')
        .is_some_and(|d| d.len() == 1 && d.as_bytes()[0].is_ascii_uppercase());
    let ordinal =
        (1..=2).contains(&digits) && (matches!(rest, "º" | "ª" | ".º" | ".ª") || door_glued);
    if !ordinal {
        return None;
    }
    if door_glued {
        return Some(j);
    }
    let mut k = j;
    // The door: a letter or a short word (B, Dto, Esq, Izda, Dcha), maybe with its dot.
    if let Some(d) = next(ctx, k).filter(|&d| {
        let x = &ctx.toks[d];
        x.kind == Kind::Word
            && !x.glued
            && x.len() <= 5
            && (x.case != Case::Lower || ctx.word_in(d, DOORS))
    }) {
        k = d;
        if ctx.punct(k + 1, '.') && ctx.toks[k + 1].glued {
            k += 1;
        }
    }
    Some(k)
}

/// A Brazilian state glued to the city ("CAMPOS-MS", "SÃO PAULO-SP"); returns the last
/// token of the city and state.
fn state_after_city(ctx: &Ctx<'_>, ce: usize) -> usize {
    let glued = |k: usize| ctx.toks.get(k).is_some_and(|t| t.glued);
    let state = ctx.punct(ce + 1, '-')
        && glued(ce + 1)
        && glued(ce + 2)
        && ctx
            .toks
            .get(ce + 2)
            .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Upper && t.len() == 2);
    if state {
        ce + 2
    } else {
        ce
    }
}

/// The city `j..=ce` ends in a Brazilian state: "CAMPOS-MS" read as one word, or the state
/// as a token of its own after a glued dash.
fn brazilian_state_end(ctx: &Ctx<'_>, j: usize, ce: usize) -> bool {
    let b = ctx.s(ce).as_bytes();
    let inner = b.len() > 3
        && b[b.len() - 3] == b'-'
        && b[b.len() - 2..].iter().all(u8::is_ascii_uppercase);
    let split = ce > j && ctx.toks[ce].len() == 2 && ctx.punct(ce - 1, '-');
    inner || split
}

/// Words that label a postal code ("ZIP:", "PLZ", "CAP", "C.P.", "CEP", "Kod pocztowy").
const POSTCODE_LABELS: &[&str] = &[
    "zip",
    "zip code",
    "zipcode",
    "postcode",
    "post code",
    "postal code",
    "plz",
    "postleitzahl",
    "cap",
    "c . a . p .",
    "c . p .",
    "cp",
    "code postal",
    "código postal",
    "codigo postal",
    "cep",
    "kod pocztowy",
    "codice postale",
    // Round 6: a postal line under an address label ("Postadres: 3451 WP Othée", "Adresse
    // postale : 10550 Foix").
    "postadres",
    "adresse postale",
    "indirizzo postale",
    // Round 10: a form's field for the code and the town together ("Postcode en plaats:
    // 3785 GV Purmerland", "Code postal et ville : 71001 Muret"), and a home's address before
    // its postal line ("A nova morada é 4162-228 Leça da Palmeira", "Il nuovo recapito è
    // 80225 Giugliano in Campania").
    "postcode en plaats",
    "code postal et ville",
    "cap e città",
    "morada",
    "recapito",
    "adres",
    "endereço",
];

/// Address nouns of [`POSTCODE_LABELS`] that a copula may follow before the code ("A nova
/// morada é 4162-228 …", "Mijn adres is 3785 GV …").
const ADDRESS_NOUNS: &[&str] = &["morada", "recapito", "adres", "endereço"];

/// Lower-case words inside a town's name after a postal code ("São José do Ouro", "Bergen
/// op Zoom").
const POSTAL_TOWN_PARTICLES: &[&str] = &[
    "de", "do", "da", "di", "del", "dos", "das", "la", "le", "sur", "bij", "op", "aan", "den",
    "en", "sul", "al", "am", "an", "der",
    // Round 7: elided Italian and French particles ("d'Agogna", "dell'Umbria", "l'Isle").
    "d", "dell", "sull", "nell", "all", "l",
];

/// The town after a labelled postal code ending at `e`, when it ends the line or the clause
/// ("CAP 33602 Castagnola", "CEP 56442-942 Alambari/SP", "Postadres: 3451 WP Othée",
/// "10550 Foix (09)"): title-case words with particles between them, then its province or
/// state ([`super::place::region_after`]). Returns the last token, or `e` when no town
/// follows.
fn town_after_code(ctx: &Ctx<'_>, e: usize) -> usize {
    let mut last = None;
    for k in e + 1..e + 7 {
        let Some(t) = ctx.toks.get(k).filter(|t| !t.newline_before) else {
            break;
        };
        // Round 7: an elided particle inside the town ("Vaprio d'Agogna", "Sant'Angelo
        // all'Esca"): the apostrophe and the word glued after it.
        let elision = t.glued
            && last.is_some()
            && ((t.is('\'') || t.is('’')) && ctx.toks[k - 1].kind == Kind::Word
                || (t.kind == Kind::Word && (ctx.punct(k - 1, '\'') || ctx.punct(k - 1, '’'))));
        if t.glued && !elision {
            break;
        }
        if elision {
            if t.kind == Kind::Word {
                last = Some(k);
            }
        } else if t.kind == Kind::Word && t.case != Case::Lower {
            last = Some(k);
        } else if !(last.is_some() && t.kind == Kind::Word && ctx.word_in(k, POSTAL_TOWN_PARTICLES))
        {
            break;
        }
    }
    let Some(l) = last else {
        return e;
    };
    let region = super::place::region_after(ctx, l);
    let closes = ctx
        .toks
        .get(region + 1)
        .is_none_or(|t| t.newline_before || (t.kind == Kind::Punct && !t.is('@')));
    if closes {
        region
    } else {
        e
    }
}

/// A postal code at `i` after a label that names it: a place (a postal code alone is a
/// region, not a street address). Returns the code's last token.
fn labelled_postcode(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let mut j = i.checked_sub(1)?;
    if ctx.punct(j, ':') || ctx.punct(j, '#') {
        j = j.checked_sub(1)?;
    }
    // Numbers in code follow brackets, operators and commas: one look at the token before
    // settles most of them.
    let t = &ctx.toks[j];
    let first = ctx.text.as_bytes()[t.start as usize].to_ascii_lowercase();
    // "A nova morada é 4162-228 …": a copula after an address noun.
    let copula = t.kind == Kind::Word
        && t.len() <= 3
        && j > 0
        && ctx.word_in(j, &["è", "é", "is", "est"])
        && ctx.word_in(j - 1, ADDRESS_NOUNS);
    if copula {
        j -= 1;
    }
    let t = &ctx.toks[j];
    let first = if copula { b'm' } else { first };
    // Every label's last word starts with one of these letters.
    if !((t.kind == Kind::Word
        && t.len() <= 13
        && matches!(
            first,
            b'z' | b'c' | b'p' | b'v' | b'l' | b'm' | b'r' | b'a' | b'e'
        ))
        || t.is('.'))
    {
        return None;
    }
    let l = ctx.phrases_ending_at(j, POSTCODE_LABELS).next()?;
    // `cap`/`cp` in lower case are words and options, not labels.
    if ctx.word_in(l, &["cap", "cp"]) && ctx.toks[l].case != Case::Upper {
        return None;
    }
    // A Brazilian CEP may be written without its hyphen (8 digits).
    let t = &ctx.toks[i];
    if t.kind == Kind::Num && t.len() == 8 && ctx.word_in(l, &["cep"]) {
        return Some(i);
    }
    let e = postcode(ctx, i)?;
    // After an address noun the code needs its town ("A nova morada é 4162-228 Leça"): "La
    // morada é 4162 euros" is a sum.
    if ctx.word_in(l, ADDRESS_NOUNS)
        && !ctx
            .toks
            .get(e + 1)
            .is_some_and(|n| !n.glued && !n.newline_before && n.case == Case::Title)
    {
        return None;
    }
    // The code ends there: "ZIP 12345 and more" is fine, "PLZ 12345678" is not a code.
    ctx.toks
        .get(e + 1)
        .is_none_or(|n| !n.glued || n.kind == Kind::Punct)
        .then_some(e)
}

fn push(out: &mut Vec<Hit>, ctx: &Ctx<'_>, a: usize, b: usize, score: f32, why: &'static str) {
    if super::technical::benign(ctx, a, b, Entity::StreetAddress, why) {
        return;
    }
    // The addressee's name on the line above or before a comma ("Ship to:\nMila Hehl\n
    // Frankweg 53", "Ivanka Krein, Eichingerstr. 211, 3302 MAISSAU"), pushed first so the
    // hits stay in text order.
    if let Some((s, e)) = name_line(ctx, a) {
        let start = ctx.toks[s].start as usize;
        if out.last().is_none_or(|h| h.end <= start) {
            out.push(Hit {
                start,
                end: ctx.toks[e].end as usize,
                entity: Entity::Person,
                score: 0.8,
                reason: "addressee",
            });
        }
    }
    out.push(Hit {
        start: ctx.toks[a].start as usize,
        end: ctx.toks[b].end as usize,
        entity: Entity::StreetAddress,
        score,
        reason: why,
    });
}

/// Words of an address label or an organisation: a line of them above an address names no
/// person ("Billing Address", "ACME Corp", "Customer Service").
const NOT_ADDRESSEES: &[&str] = &[
    "address",
    "addresses",
    "adres",
    "adresse",
    "anschrift",
    "dirección",
    "direccion",
    "indirizzo",
    "endereço",
    "morada",
    "ship",
    "shipping",
    "billing",
    "delivery",
    "mailing",
    "invoice",
    "lieferadresse",
    "rechnungsanschrift",
    "postanschrift",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sl",
    "srl",
    "spa",
    "bv",
    "nv",
    "corp",
    "co",
    "company",
    "team",
    "department",
    "abteilung",
    "service",
    "support",
    "office",
    "hotel",
    "restaurant",
    "bank",
    "university",
    "universität",
    "school",
    "hospital",
    "clinic",
    "klinik",
    "attn",
    "c/o",
];

/// The addressee's name right before the address starting at token `a`: two to four
/// capitalised words (lower-case particles between: "Lana van Heusden") alone on the line
/// above, or before a comma on the same line, opening their line or after a label's colon or
/// a word of sending ("to", "an", "a", "para", "naar", "à"). Returns its first and last
/// tokens.
fn name_line(ctx: &Ctx<'_>, a: usize) -> Option<(usize, usize)> {
    let mut e = a.checked_sub(1)?;
    if ctx.toks[a].newline_before {
        // The previous line ends with the name.
    } else if ctx.punct(e, ',') && ctx.toks[e].glued {
        e = e.checked_sub(1)?;
    } else {
        return None;
    }
    let mut s = e;
    let mut words = 0;
    loop {
        let t = &ctx.toks[s];
        if t.kind != Kind::Word {
            return None;
        }
        if t.capitalised() {
            if ctx.word_in(s, NOT_ADDRESSEES) {
                return None;
            }
            words += 1;
        } else if !(t.case == Case::Lower
            && words > 0
            && ctx.word_in(
                s,
                &[
                    "van", "de", "der", "den", "da", "dos", "das", "do", "von", "del", "di",
                ],
            ))
        {
            return None;
        }
        if t.newline_before || s == 0 || words == 4 {
            break;
        }
        // Stop at what opens the name: a colon, a word of sending, a line start.
        let p = &ctx.toks[s - 1];
        if p.kind != Kind::Word
            || p.case == Case::Lower
                && !ctx.word_in(
                    s - 1,
                    &[
                        "van", "de", "der", "den", "da", "dos", "das", "do", "von", "del", "di",
                    ],
                )
        {
            break;
        }
        s -= 1;
    }
    if !(2..=4).contains(&words) || !ctx.toks[s].capitalised() || !ctx.toks[e].capitalised() {
        return None;
    }
    // Every word a common word: a heading, not a name.
    if (s..=e).all(|k| ctx.flags[k] & super::gazetteer::WORD != 0 || !ctx.toks[k].capitalised()) {
        return None;
    }
    let opens = s == 0
        || ctx.toks[s].newline_before
        || ctx.punct(s - 1, ':')
        || ctx.word_in(s - 1, &["to", "an", "a", "para", "naar", "à", "aan", "per"]);
    opens.then_some((s, e))
}

/// A unit prefix ending just before `i` (`Flat 3,`, `Apt 4B`); returns its first token.
fn unit_before(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    if i < 2 {
        return None;
    }
    let mut j = i - 1;
    if ctx.punct(j, ',') {
        j = j.checked_sub(1)?;
    }
    if !matches!(ctx.toks[j].kind, Kind::Num | Kind::Alnum) || j == 0 {
        return None;
    }
    let mut k = j - 1;
    if ctx.punct(k, '.') && k > 0 {
        k -= 1;
    }
    ctx.word_in(k, UNIT_WORDS).then_some(k)
}

/// Finds addresses; hits are pushed in text order without overlaps. `look.address` holds the
/// tokens an address can start at (see [`super::lookup::Lookups::address`]): numbers,
/// capitalised words, street types and PO-box words; punctuation and other words start
/// nothing below.
pub(crate) fn find(ctx: &Ctx<'_>, look: &Lookups, out: &mut Vec<Hit>) {
    let n = ctx.toks.len();
    // Tokens before `resume` belong to an address already reported.
    let mut resume = 0;
    for i in look.address.iter() {
        if i < resume {
            continue;
        }
        resume = i + 1;
        let t = &ctx.toks[i];
        // Most capitalised words of prose have no house number or street type after them on
        // their line, which every path below needs for a word that is no PO box or street
        // type itself (a compound such as "Hauptstraße" is its own type): one look at two
        // bit sets leaves them before the identifier, PO box and street tests.
        if t.kind == Kind::Word
            && !ctx.role(i, PO_FIRST | PREFIX_TYPE)
            && !look.street_ahead(&ctx.toks, i)
            && compound(ctx, i).is_none()
        {
            continue;
        }
        // `P.O. Box` looks like an identifier (`P.O`), so PO boxes are checked first.
        // "60/785 Nagar Marg": a house number with a slash is glued to it too.
        let slashed =
            || t.kind == Kind::Num && ctx.punct(i + 1, '/') && house_number(ctx, i) == Some(i + 2);
        // `C/ Mayor 12` (Spanish "calle") looks like a path until the space after the slash.
        let calle = || {
            ctx.punct(i + 1, '/')
                && ctx.word_in(i, &["c"])
                && ctx.toks.get(i + 2).is_some_and(|n| !n.glued)
        };
        if ctx.in_identifier(i) && !ctx.role(i, PO_FIRST) && !slashed() && !calle() {
            continue;
        }
        // Number first: 12 Baker Street, 12 rue de la Paix, 1600 Pennsylvania Ave NW
        if matches!(t.kind, Kind::Num | Kind::Alnum) {
            if let Some(he) = house_number(ctx, i) {
                let mut s = skip_comma(ctx, he + 1);
                // "12 bis rue", "5 ter"
                // Few numbers have a lower-case word after them: the case is tested first.
                if ctx.toks.get(s).is_some_and(|t| t.case == Case::Lower)
                    && ctx.word_in(s, &["bis", "ter", "a", "b"])
                {
                    // "14 bis, rue …": a comma may follow the suffix too.
                    s = skip_comma(ctx, s + 1);
                }
                // A column gap after the number is a table ("512    Monitor fontconfig
                // memory usage"); `Ordering::Relaxed` after "1, " is a Rust path.
                // (The gap right after the number: "14 bis rue" is no column.)
                let column = ctx
                    .toks
                    .get(he + 1)
                    .is_some_and(|t| t.start - ctx.toks[he].end > 2);
                // "3476 E Hamilton Road", "8699 NW 39th Rd": a direction before the name.
                if let Some(de) =
                    direction(ctx, s).filter(|&de| street(ctx, de + 1, true).is_some())
                {
                    s = de + 1;
                }
                let path = |se: usize| {
                    ctx.punct(se + 1, ':')
                        && ctx.punct(se + 2, ':')
                        && ctx.toks[se + 1].glued
                        && ctx.toks[se + 2].glued
                };
                let number_line =
                    ctx.toks.get(s).is_some_and(|t| t.newline_before) && number_alone(ctx, i);
                if let Some(se) = street(ctx, s, true).filter(|&se| {
                    (!ctx.toks[s].newline_before || (number_line && tail(ctx, se).1))
                        && !column
                        && !path(se)
                }) {
                    // "Flat 26G Ashton Rest": the unit's number stands for the house number.
                    let unit_word = i > 0
                        && !ctx.toks[i].newline_before
                        && ctx.toks[i - 1].capitalised()
                        && ctx.word_in(i - 1, UNIT_WORDS);
                    let start = unit_before(ctx, i)
                        .or(unit_word.then(|| i - 1))
                        .unwrap_or(i);
                    let (end, code) = tail(ctx, se);
                    push(
                        out,
                        ctx,
                        start,
                        end,
                        if code { 0.9 } else { 0.85 },
                        "street",
                    );
                    resume = end + 1;
                    continue;
                }
            }
            if let Some(end) = weak_typed_street(ctx, i) {
                push(out, ctx, i, end, 0.85, "street-postcode");
                resume = end + 1;
                continue;
            }
            if let Some(end) = indian_street(ctx, i) {
                push(out, ctx, i, end, 0.85, "street-postcode");
                resume = end + 1;
                continue;
            }
            // Only a number after a word can be a labelled code: one test leaves the rest.
            if i > 0 && ctx.toks[i - 1].kind != Kind::Num {
                if let Some(e) = labelled_postcode(ctx, i) {
                    let e = town_after_code(ctx, e);
                    out.push(Hit {
                        start: t.start as usize,
                        end: ctx.toks[e].end as usize,
                        entity: Entity::Location,
                        score: 0.7,
                        reason: "postcode-label",
                    });
                    resume = e + 1;
                }
            }
            continue;
        }
        // PO boxes.
        let po = ctx.role(i, PO_FIRST);
        let po_end = if po {
            ctx.phrases_starting_at(i, PO_BOXES).next().map(|(_, e)| e)
        } else {
            None
        };
        if let Some(pe) = po_end {
            let mut k = pe;
            // "Postfach 12 34 56", "PO Box 1234"
            let mut last = None;
            while k < n
                && ctx.toks[k].kind == Kind::Num
                && !ctx.toks[k].newline_before
                && k < pe + 3
            {
                last = Some(k);
                k += 1;
            }
            // "RR 9 Box 126"
            if let Some(le) = last.filter(|_| ctx.word_in(i, &["rr", "rural"])) {
                let box_number = ctx.word_in(le + 1, &["box"])
                    && ctx.toks.get(le + 2).is_some_and(|t| t.kind == Kind::Num);
                last = box_number.then_some(le + 2);
            }
            if let Some(le) = last {
                if ctx.toks[i].case != Case::Lower
                    || ctx.word_in(
                        i,
                        &[
                            "postfach", "postbus", "apartado", "casella", "skrytka", "caixa",
                        ],
                    )
                {
                    let (end, _) = tail(ctx, le);
                    push(out, ctx, i, end, 0.85, "po-box");
                    resume = end + 1;
                    continue;
                }
            }
        }
        // "I live on", "abito in", "moro na" (with an article) right before `i`.
        let lives_before = |i: usize| {
            let live = |j: usize| {
                ctx.role(j, LIVE_LAST) && ctx.phrases_ending_at(j, LIVE_CUES).next().is_some()
            };
            (i > 0 && live(i - 1))
                || (i > 1
                    && ctx.word_in(i - 1, &["the", "der", "la", "de", "a", "na"])
                    && live(i - 2))
        };
        // A lower-case street type without a number before it ("rue de Mercier, CH-9858
        // ...") counts only with a postal code after it.
        if t.case == Case::Lower && street(ctx, i, false).is_none() {
            // Most lower-case street types in running text ("in place of") have no name
            // after them: one look at the next word settles those.
            let named = next(ctx, i).is_some_and(|n| {
                ctx.toks[n].capitalised() || ctx.role(n, STREET_PARTICLE) || ctx.punct(n, '.')
            });
            if let Some(se) = street(ctx, i, true).filter(|_| named) {
                // A postal code straight after the street ("avenue Duval, 51939 CHAUVEAU")
                // is no house number.
                let (end, code) = tail(ctx, se);
                if code {
                    push(out, ctx, i, end, 0.85, "street-postcode");
                    resume = end + 1;
                    continue;
                }
                let mut h = skip_comma(ctx, se + 1);
                if let Some(he) = house_number(ctx, h).filter(|_| !ctx.toks[h].newline_before) {
                    // "abito in via Capuana 59", "moro na rua Sá, 90": a lower-case street
                    // with its number after a verb of living.
                    // Its unit, postal code and town too, as for any other street ("abito in
                    // via Roma 12, 80100 Napoli": the code and the town went out).
                    if lives_before(i) {
                        let (end, _) = tail(ctx, he);
                        push(out, ctx, i, end, 0.8, "live-at");
                        resume = end + 1;
                        continue;
                    }
                    h = he;
                } else {
                    h = se;
                }
                let (end, code) = tail(ctx, h);
                if code {
                    push(out, ctx, i, end, 0.85, "street-postcode");
                    resume = end + 1;
                }
            }
            continue;
        }
        // Street first: Hauptstraße 5, Calle Mayor 5, Via Roma 10, ul. Marszałkowska 10
        if let Some(se) = street(ctx, i, false) {
            let mut h = skip_comma(ctx, se + 1);
            if ctx.word_in(h, &["nr", "no", "n", "nº", "número", "numero", "nummer"]) {
                h += 1;
                if ctx.punct(h, '.') {
                    h += 1;
                }
                // "n.º 4"
                if ctx.word_in(h, &["º", "o"]) && ctx.toks[h].glued {
                    h += 1;
                }
            }
            let number = house_number(ctx, h)
                .map(|he| interior_number(ctx, he))
                .or_else(|| without_number(ctx, h));
            // "C. Linares 2004": an author and a year, not "calle".
            let cited = || ctx.punct(i + 1, '.') && year_like(ctx, h);
            if let Some(he) =
                number.filter(|_| !ctx.toks[h].newline_before && !column_gap(ctx, h) && !cited())
            {
                let (end, code) = tail(ctx, he);
                push(out, ctx, i, end, if code { 0.9 } else { 0.85 }, "street");
                resume = end + 1;
                continue;
            }
            // A street without its number, then a postal code: "rue Duval, 51939 Chauveau".
            let (end, code) = tail(ctx, se);
            if code {
                push(out, ctx, i, end, 0.85, "street-postcode");
                resume = end + 1;
                continue;
            }
            // A street on its own after "I live on".
            if lives_before(i) {
                push(out, ctx, i, se, 0.7, "live-on");
                resume = se + 1;
                continue;
            }
        }
        // Capitalised words, a house number and a postal code with a city: an address even
        // without a street-type word ("Krumme Lanke 31, 10119 Berlin", "Bij de Put 12,
        // 1030 AB Schermerhorn").
        let cap = ctx.toks[i].capitalised();
        if cap && (!ctx.sentence_start(i) || (i > 0 && ctx.punct(i - 1, ':'))) {
            if let Some(ne) = name_words(ctx, i, 4) {
                if let Some(he) = house_number(ctx, ne + 1)
                    .filter(|_| !ctx.toks[ne + 1].glued && !ctx.toks[ne + 1].newline_before)
                {
                    let j = skip_comma(ctx, he + 1);
                    if let Some(pe) = postcode(ctx, j) {
                        if next(ctx, pe).and_then(|k| name_words(ctx, k, 3)).is_some() {
                            let (end, _) = tail(ctx, he);
                            push(out, ctx, i, end, 0.85, "street-postcode");
                            resume = end + 1;
                            continue;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The last-byte filter of [`compound`] never turns away a word with a listed ending.
    #[test]
    fn ending_filter_covers_every_ending() {
        for e in COMPOUND_ENDINGS {
            let last = e.as_bytes()[e.len() - 1];
            assert!(last.is_ascii_lowercase(), "{e}");
            assert!(ENDING_LAST_BYTES.contains(&last), "{e}");
        }
    }
}
