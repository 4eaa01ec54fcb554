//! Postal addresses: a street with a house number in each country's order, then an optional
//! tail of postal code, city and state; PO boxes; and a bare street name after "I live on".

use super::lexicon::role::{
    GERMANIC_TYPE, LIVE_LAST, PO_FIRST, PREFIX_TYPE, STREET_PARTICLE, SUFFIX_TYPE,
};
use super::lookup::Picks;
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
];
/// Endings of German and Dutch street names written as one word (Hauptstraße, Kerkstraat).
pub(crate) const COMPOUND_ENDINGS: &[&str] = &[
    "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer",
    "chaussee", "pfad", "steig", "markt", "straat", "laan", "plein", "gracht", "kade", "singel",
    "dijk", "steeg", "dreef", "hof", "wal", "steg", "brücke", "korso", "siedlung", "stieg", "kamp",
    "twiete", "graben", "berg", "tor", "gracht", "burg", "donk", "hoven", "buurt",
];
/// The last bytes of [`COMPOUND_ENDINGS`] (a test checks they cover the list).
const ENDING_LAST_BYTES: &[u8] = b"ergzmdtnlkfop";
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
];
/// Words before a street name on its own.
pub(crate) const LIVE_CUES: &[&str] = &[
    "live on",
    "live in",
    "live at",
    "living on",
    "lives on",
    "lives at",
    "moved to",
    "address is",
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
        }
    }
    Some(end)
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
    if t.kind == Kind::Alnum {
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
        if t.capitalised() || initial {
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
fn street_type(ctx: &Ctx<'_>, i: usize, list: &[&str], bit: u32) -> Option<usize> {
    if !ctx.role(i, bit) || !ctx.word_in(i, list) {
        return None;
    }
    let t = &ctx.toks[i];
    // `C/ Mayor`
    if ctx.word_in(i, &["c"]) {
        return ctx.punct(i + 1, '/').then_some(i + 1);
    }
    if t.len() <= 4 && ctx.toks.get(i + 1).is_some_and(|d| d.glued && d.is('.')) {
        return Some(i + 1);
    }
    // Single-letter types need the dot (`r.`), and `al`/`pl` need it too (Polish).
    if t.len() == 1 || ctx.word_in(i, &["al", "pl", "os", "ul", "avda", "pza"]) {
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
    for e in COMPOUND_ENDINGS {
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
    let type_ok =
        after_number || ctx.toks.get(i).is_some_and(|t| t.capitalised()) || ctx.punct(i + 1, '.');
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
        if let Some(te) = street_type(ctx, j + 1, SUFFIX_TYPES, SUFFIX_TYPE) {
            if j + 1 > i && ctx.toks[j + 1].capitalised() {
                let mut end = te;
                if let Some(d) = next(ctx, te) {
                    if ctx.word_in(d, DIRECTIONS) && ctx.toks[d].case == Case::Upper {
                        end = d;
                    }
                }
                return Some(end);
            }
        }
        j += 1;
    }
    None
}

fn next(ctx: &Ctx<'_>, i: usize) -> Option<usize> {
    let n = ctx.toks.get(i + 1)?;
    (!n.newline_before).then_some(i + 1)
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
    for _ in 0..4 {
        let j = skip_comma(ctx, end + 1);
        if j >= ctx.toks.len() {
            break;
        }
        if let Some(pe) = postcode(ctx, j) {
            had_code = true;
            end = pe;
            // City after the code (EU order).
            if let Some(ce) = next(ctx, pe).and_then(|k| name_words(ctx, k, 3)) {
                end = ce;
            }
            continue;
        }
        // State abbreviation (DC, NSW, ON) or city words, only after a comma or the street.
        if let Some(t) = ctx.toks.get(j) {
            if t.kind == Kind::Word && t.case == Case::Upper && (2..=3).contains(&t.len()) {
                end = j;
                continue;
            }
        }
        if j > end + 1 || !had_code {
            if let Some(ce) = name_words(ctx, j, 3) {
                // A city needs a code after it or a comma before it.
                let comma = j > end + 1;
                let code_after = postcode(ctx, skip_comma(ctx, ce + 1)).is_some()
                    || ctx.toks.get(skip_comma(ctx, ce + 1)).is_some_and(|t| {
                        t.kind == Kind::Word && t.case == Case::Upper && (2..=3).contains(&t.len())
                    });
                let known_place = ctx.flags[j] & super::gazetteer::PLACE != 0;
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

fn push(out: &mut Vec<Hit>, ctx: &Ctx<'_>, a: usize, b: usize, score: f32, why: &'static str) {
    out.push(Hit {
        start: ctx.toks[a].start as usize,
        end: ctx.toks[b].end as usize,
        entity: Entity::StreetAddress,
        score,
        reason: why,
    });
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

/// Finds addresses; hits are pushed in text order without overlaps. `starts` holds the
/// tokens an address can start at (see [`super::lookup::Lookups::address`]): numbers,
/// capitalised words, street types and PO-box words; punctuation and other words start
/// nothing below.
pub(crate) fn find(ctx: &Ctx<'_>, starts: &Picks, out: &mut Vec<Hit>) {
    let n = ctx.toks.len();
    // Tokens before `resume` belong to an address already reported.
    let mut resume = 0;
    for i in starts.iter() {
        if i < resume {
            continue;
        }
        resume = i + 1;
        let t = &ctx.toks[i];
        // `P.O. Box` looks like an identifier (`P.O`), so PO boxes are checked first.
        if ctx.in_identifier(i) && !ctx.role(i, PO_FIRST) {
            continue;
        }
        // Number first: 12 Baker Street, 12 rue de la Paix, 1600 Pennsylvania Ave NW
        if matches!(t.kind, Kind::Num | Kind::Alnum) {
            if let Some(he) = house_number(ctx, i) {
                let mut s = skip_comma(ctx, he + 1);
                // "12 bis rue", "5 ter"
                if ctx.word_in(s, &["bis", "ter", "a", "b"]) && ctx.toks[s].case == Case::Lower {
                    s += 1;
                }
                if let Some(se) = street(ctx, s, true).filter(|_| !ctx.toks[s].newline_before) {
                    let start = unit_before(ctx, i).unwrap_or(i);
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
            continue;
        }
        // PO boxes.
        let po = ctx.role(i, PO_FIRST);
        let po_end = if po {
            PO_BOXES.iter().find_map(|p| ctx.phrase_starts_at(i, p))
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
        // Street first: Hauptstraße 5, Calle Mayor 5, Via Roma 10, ul. Marszałkowska 10
        if let Some(se) = street(ctx, i, false) {
            let mut h = skip_comma(ctx, se + 1);
            if ctx.word_in(h, &["nr", "no", "n", "nº", "número", "numero", "nummer"]) {
                h += 1;
                if ctx.punct(h, '.') {
                    h += 1;
                }
            }
            if let Some(he) = house_number(ctx, h).filter(|_| !ctx.toks[h].newline_before) {
                let (end, code) = tail(ctx, he);
                push(out, ctx, i, end, if code { 0.9 } else { 0.85 }, "street");
                resume = end + 1;
                continue;
            }
            // A street on its own after "I live on".
            let live = |j: usize| {
                ctx.role(j, LIVE_LAST)
                    && LIVE_CUES.iter().any(|c| ctx.phrase_ends_at(j, c).is_some())
            };
            if (i > 0 && live(i - 1))
                || (i > 1
                    && ctx.word_in(i - 1, &["the", "der", "la", "de", "a", "na"])
                    && live(i - 2))
            {
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
