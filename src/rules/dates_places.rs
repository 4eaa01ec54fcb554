//! Dates of birth and geographic coordinates.
//!
//! A date alone is not personal data, so `DATE_OF_BIRTH` needs a birth word nearby ("born",
//! "geboren", "né le", ...). Month names with non-ASCII letters (`März`, `février`, `août`,
//! `września`) cannot appear in the ASCII pattern: the pattern matches the day and the first
//! ASCII letter of the month, and the validator reads the whole date from the text and widens
//! the match with [`Verdict::Span`]. Coordinates use the same trick for the degree sign.

use super::{Candidate, Category, RuleDef, Verdict, Words};
use crate::lower::Lower;

/// Latest year accepted in a birth date: a date after the current year is not a birth date.
pub(crate) const LATEST_BIRTH_YEAR: u32 = 2026;
/// Earliest year accepted in a birth date.
const EARLIEST_BIRTH_YEAR: u32 = 1880;

/// True for a real calendar date (proleptic Gregorian) between the years 1800 and 2099.
pub(crate) fn valid_date(y: u32, m: u32, d: u32) -> bool {
    if !(1800..=2099).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days
}

/// Month names and abbreviations in EN, DE, FR, ES, IT, NL, PL (nominative and genitive) and
/// PT, lower-case, with and without diacritics as people type them.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("januari", 1),
    ("styczeń", 1),
    ("styczen", 1),
    ("stycznia", 1),
    ("sty", 1),
    ("janeiro", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("luty", 2),
    ("lutego", 2),
    ("lut", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("marz", 3),
    ("mär", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("mrt", 3),
    ("marzec", 3),
    ("marca", 3),
    ("março", 3),
    ("marco", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("kwiecień", 4),
    ("kwiecien", 4),
    ("kwietnia", 4),
    ("kwi", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("mei", 5),
    ("maj", 5),
    ("maja", 5),
    ("maio", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("czerwiec", 6),
    ("czerwca", 6),
    ("cze", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("lipiec", 7),
    ("lipca", 7),
    ("lip", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("sierpień", 8),
    ("sierpien", 8),
    ("sierpnia", 8),
    ("sie", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("wrzesień", 9),
    ("wrzesien", 9),
    ("września", 9),
    ("wrzesnia", 9),
    ("wrz", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("październik", 10),
    ("pazdziernik", 10),
    ("października", 10),
    ("pazdziernika", 10),
    ("paź", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("listopad", 11),
    ("listopada", 11),
    ("lis", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("grudzień", 12),
    ("grudzien", 12),
    ("grudnia", 12),
    ("gru", 12),
    ("dezembro", 12),
];

/// Words that say a date is someone's birth date.
const BIRTH_CONTEXT: Words = words![
    "born",
    "born on",
    "dob",
    "d.o.b.",
    "date of birth",
    "birth date",
    "birthdate",
    "birthday",
    "geboren",
    "geb.",
    "geburtsdatum",
    "geburtstag",
    "né le",
    "née le",
    "né",
    "née",
    "date de naissance",
    "fecha de nacimiento",
    "nacido",
    "nacida",
    // "(yo) nací el …", first person.
    "nací",
    "naci",
    "nacimiento",
    "data di nascita",
    "nato il",
    "nata il",
    "nato",
    "nata",
    "geboortedatum",
    "geboren op",
    "data urodzenia",
    "urodzony",
    "urodzona",
    // Past tense in the first and third person ("urodziłam się 3 maja 1985"), and birthday.
    "urodziłam",
    "urodziłem",
    "urodził",
    "urodziła",
    "urodzin",
    "urodziny",
    "urodz.",
    "data de nascimento",
    "nascido",
    "nascida",
    // "nasci em …", first person.
    "nasci",
    "nascimento",
];

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "date-of-birth",
        entity: "DATE_OF_BIRTH",
        category: Category::Identifiers,
        // Numeric day-month-year, month-day-year and year-month-day; a day then a month name
        // (`12 March 1990`, `1er mars 1990`, `12 de marzo de 1990`, `12. März 1990`); a month
        // name then a day (`March 12, 1990`). Named forms are completed by the validator.
        //
        // The month alternatives are ASCII stems of every month name in the eight languages;
        // a stem that stops before a non-ASCII letter ends in `\b` (`m\b` is the `M` of
        // `März`), because the byte after it is not an ASCII word character. Keeping the
        // stems narrow keeps ordinary "5 items" text from becoming a candidate.
        pattern: r"(?xi)
            \b [0-9]{1,2} [./\-] [0-9]{1,2} [./\-] (?: [0-9]{4} | [0-9]{2} ) \b
            | \b [0-9]{4} [./\-] [0-9]{1,2} [./\-] [0-9]{1,2} \b
            | \b [0-9]{1,2} (?: st | nd | rd | th | er | \. )? \ (?: de\ | of\ | the\ )?
              (?: jan | j\b | ene | gen | sty | feb | fev | f\b | lut | mar | maa | maerz | m\b
                | mrt | apr | avr | abr | kwi | may | mai | mag | mei | maj | jun | jui | giu
                | cze | jul | lug | lip | aug | ago | ao\b | aou | sie | sep | set | wrz | oct
                | okt | ott | out | paz | pa\b | nov | lis | dec | dez | dic | d\b | gru )
            | \b (?: jan | feb | mar | apr | may | jun | jul | aug | sep | oct | nov | dec ) [a-z]{0,6}
              \.? \ [0-9]{1,2} (?: st | nd | rd | th )? ,? \ [0-9]{4} \b",
        validate: Some(date_of_birth),
        score: 0.5,
        checked_score: 0.6,
        context: BIRTH_CONTEXT,
        context_boost: 0.35,
        needs_context: true,
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "geo-coordinates",
        entity: "GEO_COORDINATES",
        category: Category::Locations,
        // A decimal with three or more decimals, or the minutes of a degrees-minutes-seconds
        // coordinate (`51'` after `48°`), starts a candidate; the validator parses the whole
        // pair (decimal degrees with or without `°` and N/S/E/W, or DMS) and checks ranges
        // and precision. The pattern cannot name the degree sign (non-ASCII), and matching
        // every small integer in case a `°` follows would cost a contest per number.
        pattern: r"-?\b[0-9]{1,3}\.[0-9]{3,12}\b|\b[0-9]{1,2}'",
        validate: Some(geo_coordinates),
        score: 0.5,
        checked_score: 0.75,
        context: GEO_CONTEXT,
        context_boost: 0.2,
        ..RuleDef::DEFAULT
    },
    // An Open Location Code ("plus code", as map apps share a place): eight characters of
    // its 20-letter alphabet, `+`, then two or more (a 14 m square at two). Full codes only;
    // a short code (`GC22+22 Berlin`) needs a town to mean anything and is left out.
    RuleDef {
        id: "plus-code",
        entity: "GEO_COORDINATES",
        category: Category::Locations,
        pattern: r"\b[2-9C][2-9CFGHJMPQRV][2-9CFGHJMPQRVWX]{6}\+[2-9CFGHJMPQRVWX]{2,7}\b",
        validate: Some(plus_code),
        score: 0.6,
        context: GEO_CONTEXT,
        context_boost: 0.2,
        ..RuleDef::DEFAULT
    },
    // A what3words address (`///filled.count.soap`: a 3 m square), as its app shares it.
    RuleDef {
        id: "what3words",
        entity: "GEO_COORDINATES",
        category: Category::Locations,
        pattern: r"///[a-z]{2,}\.[a-z]{2,}\.[a-z]{2,}\b",
        score: 0.7,
        context: GEO_CONTEXT,
        context_boost: 0.2,
        ..RuleDef::DEFAULT
    },
    // A postal code where a sentence says it is one: after its label with a verb between
    // ("my zip is 94107", "meine PLZ ist 10115"; the names pass reads a label right before
    // the code), after a verb of living ("live in 90210"), or after a US state's code at the
    // end of an address line ("San Francisco, CA 94107"). Five digits (a US ZIP+4 too) or
    // Poland's `00-950`; a bare five-digit number is no place.
    RuleDef {
        id: "postal-code",
        entity: "LOCATION",
        category: Category::Locations,
        pattern: r"(?x)
            \b (?i: zip (?: \ ?code )? | postal\ code | postcode | plz | postleitzahl
              | code\ postal | c (?: o | ó ) digo\ postal | kod\ pocztowy )
            (?: \ (?i: is | was | ist | est | es | è | to | jest ) )? [\ :\#]{1,3}
            (?: [0-9]{5} (?: -[0-9]{4} )? | [0-9]{2}-[0-9]{3} ) \b
          | \b (?i: live | lives | living | lived | reside | resides | residing ) \ in\ [0-9]{5}
            (?: -[0-9]{4} )? \b
          | ,\ [A-Z]{2}\ [0-9]{5} (?: -[0-9]{4} )? \b",
        validate: Some(postal_code),
        score: 0.7,
        ..RuleDef::DEFAULT
    },
];

/// USPS codes of the states, the District of Columbia and the territories, for a code read
/// after `, ST` (`San Francisco, CA 94107`).
const US_STATES: &[u8] = b"ALAKAZARCACOCTDEDCFLGAHIIDILINIAKSKYLAMEMDMAMIMNMSMOMTNENVNHNJNMNYNCNDOHOKORPARISCSDTNTXUTVTVAWAWVWIWYPRGUVIASMPAAAEAP";

/// The code after its label, verb or state: the last word of the match, not a longer
/// number's piece nor all zeros.
fn postal_code(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(k) = v.rfind([' ', ':', '#']) else {
        return Verdict::Reject;
    };
    let code = &v[k + 1..];
    let after = c.rest().as_bytes();
    let glued = matches!(after, [b'-' | b'.' | b',' | b'/', d, ..] if d.is_ascii_digit());
    if glued || code.bytes().all(|b| matches!(b, b'0' | b'-')) {
        return Verdict::Reject;
    }
    if let Some(state) = v.strip_prefix(", ") {
        // The town before the comma is a capitalised word ("Austin, TX"; not "name, ID").
        let town = c.preceding().rsplit(' ').next().unwrap_or("");
        let st = &state.as_bytes()[..2];
        if !town.starts_with(|ch: char| ch.is_uppercase()) || !US_STATES.chunks(2).any(|s| s == st)
        {
            return Verdict::Reject;
        }
        // An organisation's address in a licence or copyright notice ("write to the … Software
        // Foundation, Inc., … Boston, MA 02110") is no person's: a legal form or a body's word
        // before it, the names pass's own lists (it leaves such addresses too).
        let before = super::tail(c.preceding(), 160).lower();
        let organisation = before
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| crate::names::LEGAL_FORMS.contains(&w) || crate::names::BODIES.contains(&w));
        if organisation {
            return Verdict::Reject;
        }
    }
    Verdict::Span {
        start: k + 1,
        end: v.len(),
        check: None,
    }
}

/// Words that say a pair of numbers is a place on a map; also read by the validator, which
/// accepts a four-decimal pair only after one of them.
const GEO_CONTEXT: Words = words![
    "gps",
    // The `geo:` URI (RFC 5870) that phones share: `geo:52.5200,13.4050`.
    "geo",
    "plus code",
    "what3words",
    "coordinates",
    "coords",
    "lat",
    "latitude",
    "lng",
    "lon",
    "longitude",
    "location",
    "position",
    "koordinaten",
    "standort",
    "breitengrad",
    "coordonnées",
    "position gps",
    "coordenadas",
    "ubicación",
    "coordinate",
    "posizione",
    "coördinaten",
    "locatie",
    "współrzędne",
    "lokalizacja",
    "localização",
    "localizacao",
];

/// Labels of a latitude written before its number (`lat 48.85`, `"lat": 48.85`).
const LATITUDE_LABELS: [&str; 9] = [
    "lat",
    "latitude",
    "breite",
    "breitengrad",
    "latitud",
    "latitudine",
    "breedtegraad",
    "breedte",
    "szerokość",
];

/// Labels of the longitude between the two numbers (`… lon 2.35`, `…, "lng": 2.35`).
const LONGITUDE_LABELS: [&str; 12] = [
    "lon",
    "lng",
    "long",
    "longitude",
    "länge",
    "längengrad",
    "longitud",
    "longitudine",
    "lengtegraad",
    "lengte",
    "długość",
    "lon.",
];

/// The last word of `text` (letters and a final dot), lower-cased, after trailing label
/// punctuation (`"lat": `, `lat=`, `lat `) is stripped; empty when there is none.
fn label_before(text: &str) -> String {
    let t = text.trim_end_matches([' ', ':', '=', '"', '\'']);
    let n: usize = t
        .chars()
        .rev()
        .take_while(|ch| ch.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    t[t.len() - n..].lower()
}

/// True when a geo context word stands in the 48 bytes before a candidate.
fn geo_word_before(preceding: &str) -> bool {
    let lead = super::tail(preceding, 48).lower();
    let words: Vec<&str> = lead
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    GEO_CONTEXT.iter().any(|phrase| {
        let p: Vec<&str> = phrase.split(' ').collect();
        words.windows(p.len()).any(|w| w == p.as_slice())
    })
}

/// Coordinates in a link to a map (`maps.google.com/?q=52.5200,13.4050`,
/// `google.com/maps/@52.5200066,13.404954,15z`, `openstreetmap.org/?mlat=48.85661&mlon=2.35222`,
/// `…!3d48.8583701!4d2.2944813`, `geo:48.85,2.35`): byte ranges in `url`, each from the
/// latitude to the longitude. The URL scan splits a link into parts at `/`, `&` and `!`, so
/// a pair is found here on the whole link. Both numbers need four decimals in a link that
/// says it is a map, five in any other; a third number after them (a vector) is no pair, a
/// zoom (`,15z`) or a distance (`,500m`) is.
pub(crate) fn map_link_coordinates(url: &str) -> Vec<(usize, usize)> {
    let lower = url.to_ascii_lowercase();
    let map_link = ["map", "geo:", "waze", "lat", "ll=", "coord", "location"]
        .iter()
        .any(|w| lower.contains(w));
    let min_decimals = if map_link { 4 } else { 5 };
    let b = url.as_bytes();
    // A decimal degree at `i`: (end, value, decimals).
    let number = |i: usize| -> Option<(usize, f64, usize)> {
        let neg = b.get(i) == Some(&b'-');
        let d0 = i + usize::from(neg);
        let int = b[d0..].iter().take_while(|c| c.is_ascii_digit()).count();
        if int == 0 || int > 3 || b.get(d0 + int) != Some(&b'.') {
            return None;
        }
        let f0 = d0 + int + 1;
        let frac = b[f0..].iter().take_while(|c| c.is_ascii_digit()).count();
        if frac < min_decimals || b.get(f0 + frac).is_some_and(|&c| c == b'.') {
            return None;
        }
        let deg: u32 = url[d0..d0 + int].parse().ok()?;
        let v = degrees_with_decimals(deg, &url[f0..f0 + frac]);
        Some((f0 + frac, if neg { -v } else { v }, frac))
    };
    let separator = |i: usize| -> Option<usize> {
        let rest = &lower[i..];
        for sep in [",", "%2c", "/", ";", "+", "%20", "!4d", " "] {
            if rest.starts_with(sep) {
                return Some(i + sep.len());
            }
        }
        // `&mlon=`, `&lng=`: a key of letters and `_`.
        let key = rest.strip_prefix('&')?;
        let n = key
            .bytes()
            .take_while(|c| c.is_ascii_lowercase() || *c == b'_')
            .count();
        (n > 0 && key.as_bytes().get(n) == Some(&b'=')).then_some(i + 1 + n + 1)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let glued = i > 0 && matches!(b[i - 1], b'0'..=b'9' | b'.' | b'-');
        // The next item of a list of numbers (`…,23.456789,34.567890`) starts no pair.
        // Bytes, not `str`: `i` walks every byte, and a link may hold letters of any script.
        let head = &lower.as_bytes()[..i];
        let list_item = head
            .strip_suffix(b",")
            .or_else(|| head.strip_suffix(b"%2c"))
            .is_some_and(|p| p.last().is_some_and(u8::is_ascii_digit));
        let starts = (b[i].is_ascii_digit() || b[i] == b'-') && !glued && !list_item;
        let pair = starts
            .then(|| {
                let (e1, lat, _) = number(i)?;
                let j = separator(e1)?;
                let (e2, lon, _) = number(j)?;
                let tail = &lower[e2..];
                let zoom = tail
                    .strip_prefix(',')
                    .map(|t| t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'))
                    .is_some_and(|t| t.starts_with(['z', 'm']));
                let more = tail.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                    || (tail.starts_with(',') && !zoom);
                let near_zero = lat.abs() < 1.0 && lon.abs() < 1.0;
                (!more && !near_zero && lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some((i, e2))
            })
            .flatten();
        match pair {
            Some((s, e)) => {
                out.push((s, e));
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// The month number of a lower-case month name or abbreviation.
fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(w, _)| *w == word).map(|&(_, m)| m)
}

/// A small cursor over the text after a candidate's start.
struct Cursor<'t> {
    s: &'t str,
    at: usize,
}

impl<'t> Cursor<'t> {
    fn peek(&self) -> Option<char> {
        self.s[self.at..].chars().next()
    }
    fn eat(&mut self, ch: char) -> bool {
        if self.peek() == Some(ch) {
            self.at += ch.len_utf8();
            true
        } else {
            false
        }
    }
    fn eat_any(&mut self, set: &[char]) -> Option<char> {
        let ch = self.peek().filter(|c| set.contains(c))?;
        self.at += ch.len_utf8();
        Some(ch)
    }
    fn eat_str(&mut self, word: &str) -> bool {
        let rest = &self.s[self.at..];
        if rest.len() >= word.len()
            && rest.is_char_boundary(word.len())
            && rest[..word.len()].eq_ignore_ascii_case(word)
        {
            self.at += word.len();
            true
        } else {
            false
        }
    }
    /// Up to `max` ASCII digits as (value, count).
    fn number(&mut self, max: usize) -> Option<(u32, usize)> {
        let n = self.s.as_bytes()[self.at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n == 0 || n > max {
            return None;
        }
        let v = self.s[self.at..self.at + n].parse().ok()?;
        self.at += n;
        Some((v, n))
    }
    /// A run of letters (any script), lower-cased.
    fn word(&mut self) -> String {
        let rest = &self.s[self.at..];
        let n: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        self.at += n;
        rest[..n].lower()
    }
    fn spaces(&mut self) -> usize {
        let n = self.s.as_bytes()[self.at..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        self.at += n;
        n
    }
    fn at_word_end(&self) -> bool {
        self.peek().is_none_or(|c| !c.is_alphanumeric())
    }
}

fn birth_year_ok(y: u32, digits: usize) -> Option<u32> {
    match digits {
        4 if (EARLIEST_BIRTH_YEAR..=LATEST_BIRTH_YEAR).contains(&y) => Some(y),
        // Two-digit years: any century that makes it a past date.
        2 if 2000 + y <= LATEST_BIRTH_YEAR => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

/// Stems of every birth word in [`BIRTH_CONTEXT`], grouped by their first letter (ASCII
/// lower-case), compared ASCII case-insensitively (`né` also in upper case). Dates are
/// everywhere in logs and invoices; checking for a stem first spares the engine building a
/// context window for each of them. The engine's whole-word check still decides.
const fn birth_stems(first: u8) -> &'static [&'static [u8]] {
    match first {
        b'b' => &[b"birth", b"born"],
        b'd' => &[b"dob", b"d.o.b"],
        b'g' => &[b"geb"],
        b'n' => &[
            b"n\xc3\xa9",
            b"n\xc3\x89",
            b"naiss",
            b"naci",
            b"nac\xc3\xad",
            b"nasc",
            b"nat",
        ],
        b'u' => &[b"urodz"],
        _ => &[],
    }
}

/// The first two bytes of every stem, with bit 0x20 set (ASCII lower case), as a bitset:
/// one load per byte of the window turns away nearly every position. Dates are common in prose
/// and logs, and comparing the stems at every `b`, `d`, `n` or `u` was a fifth of the scan
/// there.
const STEM_PAIRS: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut first = 0;
    while first < 256 {
        let stems = birth_stems(first as u8);
        let mut k = 0;
        while k < stems.len() {
            let i = stem_pair(stems[k][0], stems[k][1]);
            t[i / 64] |= 1 << (i % 64);
            k += 1;
        }
        first += 1;
    }
    t
};

/// The bit of [`STEM_PAIRS`] for two bytes.
const fn stem_pair(a: u8, b: u8) -> usize {
    ((a | 0x20) as usize) << 8 | (b | 0x20) as usize
}

/// True when a birth-word stem occurs in the context window's span around the candidate.
fn birth_stem_near(c: &Candidate<'_>) -> bool {
    // The engine's window: 48 characters before, 32 after. Around ASCII text (nearly all of
    // it) characters are bytes; dates are common enough for the char walk to show.
    let bytes = c.text.as_bytes();
    let back = c.start.saturating_sub(48);
    let from = if bytes[back..c.start].is_ascii() {
        back
    } else {
        c.preceding()
            .char_indices()
            .rev()
            .nth(47)
            .map_or(0, |(i, _)| i)
    };
    let ahead = (c.end + 32).min(bytes.len());
    let to = if bytes[c.end..ahead].is_ascii() {
        ahead
    } else {
        c.rest()
            .char_indices()
            .nth(32)
            .map_or(c.text.len(), |(i, _)| c.end + i)
    };
    let hay = &bytes[from..to];
    // One pass; only positions whose byte can start a stem are compared.
    hay.windows(2).enumerate().any(|(i, w)| {
        let pair = stem_pair(w[0], w[1]);
        STEM_PAIRS[pair / 64] & (1 << (pair % 64)) != 0
            && birth_stems(w[0] | 0x20).iter().any(|stem| {
                hay.len() - i >= stem.len() && hay[i..i + stem.len()].eq_ignore_ascii_case(stem)
            })
    })
}

fn date_of_birth(c: &Candidate<'_>) -> Verdict {
    if !birth_stem_near(c) {
        return Verdict::Reject;
    }
    let v = c.value();
    let first = v.as_bytes()[0];
    if first.is_ascii_alphabetic() {
        return month_first(c);
    }
    if v.bytes().last().is_some_and(|b| b.is_ascii_alphabetic()) {
        return day_then_month_name(c);
    }
    if super::glued_to_digits(c) {
        return Verdict::Reject;
    }
    let parts: Vec<&str> = v.split(['.', '/', '-']).collect();
    let seps: Vec<u8> = v.bytes().filter(|b| !b.is_ascii_digit()).collect();
    if parts.len() != 3 || seps[0] != seps[1] {
        return Verdict::Reject;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let ok = if parts[0].len() == 4 {
        birth_year_ok(n[0], 4).is_some_and(|y| valid_date(y, n[1], n[2]))
    } else {
        birth_year_ok(n[2], parts[2].len())
            .is_some_and(|y| valid_date(y, n[1], n[0]) || valid_date(y, n[0], n[1]))
    };
    if ok {
        Verdict::Checked("calendar-date")
    } else {
        Verdict::Reject
    }
}

/// `12 March 1990`, `1er mars 1990`, `12 de marzo de 1990`, `12. März 1990`, `3rd of May 1990`.
fn day_then_month_name(c: &Candidate<'_>) -> Verdict {
    if c.before()
        .is_some_and(|ch| ch.is_ascii_digit() || ch == '.')
    {
        return Verdict::Reject;
    }
    let mut cur = Cursor {
        s: &c.text[c.start..],
        at: 0,
    };
    let Some((day, _)) = cur.number(2) else {
        return Verdict::Reject;
    };
    for suffix in ["st", "nd", "rd", "th", "er"] {
        if cur.eat_str(suffix) {
            break;
        }
    }
    cur.eat('.');
    if cur.spaces() != 1 {
        return Verdict::Reject;
    }
    for filler in ["de ", "of ", "the "] {
        if cur.eat_str(filler) {
            break;
        }
    }
    let Some(month) = month_number(&cur.word()) else {
        return Verdict::Reject;
    };
    cur.eat('.');
    cur.eat(',');
    if cur.spaces() != 1 {
        return Verdict::Reject;
    }
    for filler in ["de ", "del "] {
        if cur.eat_str(filler) {
            break;
        }
    }
    finish_year(&mut cur, month, day)
}

/// `March 12, 1990`, `Mar. 12 1990`.
fn month_first(c: &Candidate<'_>) -> Verdict {
    if c.before().is_some_and(char::is_alphanumeric) {
        return Verdict::Reject;
    }
    let mut cur = Cursor {
        s: &c.text[c.start..],
        at: 0,
    };
    let Some(month) = month_number(&cur.word()) else {
        return Verdict::Reject;
    };
    cur.eat('.');
    cur.spaces();
    let Some((day, _)) = cur.number(2) else {
        return Verdict::Reject;
    };
    for suffix in ["st", "nd", "rd", "th"] {
        if cur.eat_str(suffix) {
            break;
        }
    }
    cur.eat(',');
    cur.spaces();
    finish_year(&mut cur, month, day)
}

fn finish_year(cur: &mut Cursor<'_>, month: u32, day: u32) -> Verdict {
    let Some((y, digits)) = cur.number(4) else {
        return Verdict::Reject;
    };
    if digits != 4 || !cur.at_word_end() {
        return Verdict::Reject;
    }
    match birth_year_ok(y, 4) {
        Some(y) if valid_date(y, month, day) => Verdict::Span {
            start: 0,
            end: cur.at,
            check: Some("calendar-date"),
        },
        _ => Verdict::Reject,
    }
}

/// One parsed coordinate.
struct Coord {
    value: f64,
    hemisphere: Option<char>,
    /// Written with a degree sign or minutes and seconds.
    marked: bool,
    /// Decimals of the decimal-degree form (0 for DMS).
    decimals: usize,
    /// Precise enough to locate a building: seconds, or minutes with decimals, or decimals.
    precise: bool,
}

/// Parses a coordinate at the cursor. With `resumed_degrees`, the degrees and the degree sign
/// stand before the cursor (see [`geo_coordinates`]) and parsing starts at the minutes.
/// With `hemisphere`, the letter was written before the number (`N 48° 51' 29.6"`) and no
/// letter after it is read (it belongs to the next coordinate).
fn parse_coord(
    cur: &mut Cursor<'_>,
    resumed_degrees: Option<u32>,
    hemisphere: Option<char>,
) -> Option<Coord> {
    let negative = resumed_degrees.is_none() && hemisphere.is_none() && cur.eat('-');
    let deg = match resumed_degrees {
        Some(d) => d,
        None => cur.number(3)?.0,
    };
    let mut value = f64::from(deg);
    let mut decimals = 0;
    if resumed_degrees.is_none() && cur.peek() == Some('.') {
        cur.at += 1;
        let start = cur.at;
        let n = cur.s.as_bytes()[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n == 0 {
            return None;
        }
        cur.at += n;
        decimals = n;
        value = degrees_with_decimals(deg, &cur.s[start..start + n]);
    }
    let mut marked = false;
    let mut precise = decimals >= 3;
    // Whole minutes and no seconds (`33°52'`): a square of ~1.8 km, precise only as half of a
    // pair written with hemisphere letters (`S 33°52' E 151°12'`), read below.
    let mut whole_minutes = false;
    if resumed_degrees.is_some() || cur.eat_any(&['°', 'º']).is_some() {
        marked = true;
        if decimals == 0 {
            // Degrees, minutes, seconds.
            let save = cur.at;
            cur.spaces();
            if let Some((min, _)) = cur.number(2) {
                let mut min = f64::from(min);
                let mut min_decimals = 0;
                if cur.eat('.') {
                    let (f, k) = cur.number(6)?;
                    min += f64::from(f) / 10f64.powi(k as i32);
                    min_decimals = k;
                }
                if cur.eat_any(&['\'', '′', '’']).is_none() || min >= 60.0 {
                    return None;
                }
                value += min / 60.0;
                precise = min_decimals >= 2;
                whole_minutes = min_decimals == 0;
                let save_sec = cur.at;
                cur.spaces();
                if let Some((sec, _)) = cur.number(2) {
                    let mut sec = f64::from(sec);
                    if cur.eat('.') {
                        let (f, k) = cur.number(6)?;
                        sec += f64::from(f) / 10f64.powi(k as i32);
                    }
                    let closed = cur.eat_any(&['"', '″', '”']).is_some() || cur.eat_str("''");
                    if !closed || sec >= 60.0 {
                        return None;
                    }
                    value += sec / 3600.0;
                    precise = true;
                    whole_minutes = false;
                } else {
                    cur.at = save_sec;
                }
            } else {
                cur.at = save;
            }
        }
    }
    let hemisphere = match hemisphere {
        Some(h) => Some(h),
        None => {
            let save = cur.at;
            cur.spaces();
            let h = cur.eat_any(&['N', 'S', 'E', 'W']);
            if h.is_none() || !cur.at_word_end() {
                cur.at = save;
            }
            if cur.at == save {
                None
            } else {
                h
            }
        }
    };
    if negative && hemisphere.is_some() {
        return None;
    }
    // A navigator's or a travel log's position (`33°52'S 151°12'E`): the letters say it is
    // a coordinate, and a town's square is what a home address gives away too.
    precise |= whole_minutes && hemisphere.is_some();
    if negative || matches!(hemisphere, Some('S' | 'W')) {
        value = -value;
    }
    Some(Coord {
        value,
        hemisphere,
        marked,
        decimals,
        precise,
    })
}

/// `deg.digits` (`digits` are ASCII decimals) for the range checks of [`geo_coordinates`]
/// (`> 90`, `> 180`, `< 1`), without the float parser and its tables in the `.wasm`. Up to 15
/// decimals the quotient below is the parser's value exactly (both are the correctly rounded
/// value; the operands are exact). Decimals past the 15th (under a nanometre on the ground) are
/// dropped: that can change an answer only for a value within 1e-15 of a limit.
fn degrees_with_decimals(deg: u32, digits: &str) -> f64 {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let n = digits.len().min(15);
    let d = digits.as_bytes()[..n]
        .iter()
        .fold(0u64, |acc, &b| acc * 10 + u64::from(b - b'0'));
    f64::from(deg) + d as f64 / POW10[n]
}

/// A hemisphere letter written before a coordinate (`N ` of `N 48° 51' 29.6"` or of
/// `N 48.8584`), standing as a word of its own at the end of `p`: the text before the
/// degrees, or before the candidate.
fn hemisphere_before(p: &str) -> Option<char> {
    match p.trim_end_matches(' ').as_bytes() {
        [.., x, h @ (b'N' | b'S' | b'E' | b'W')] if !x.is_ascii_alphanumeric() => {
            Some(char::from(*h))
        }
        [h @ (b'N' | b'S' | b'E' | b'W')] => Some(char::from(*h)),
        _ => None,
    }
}

/// The whole degrees and degree sign just before a minutes candidate (`48°` of
/// `48°51'24"N`), if there are any, and the text before them.
fn degrees_before(preceding: &str) -> Option<(u32, &str)> {
    let p = preceding.trim_end_matches(' ');
    let p = p.strip_suffix('°').or_else(|| p.strip_suffix('º'))?;
    let p = p.trim_end_matches(' ');
    let n = p.bytes().rev().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 3 {
        return None;
    }
    let digits = &p[p.len() - n..];
    let before = p[..p.len() - n].chars().next_back();
    if before.is_some_and(|ch| ch.is_alphanumeric() || ch == '.' || ch == '-') {
        return None;
    }
    Some((digits.parse().ok()?, &p[..p.len() - n]))
}

/// A full plus code not glued into a longer token (a key, a base64 run). The pattern holds
/// the code's structure: a latitude band below 180° first, a longitude band below 360° next.
fn plus_code(c: &Candidate<'_>) -> Verdict {
    let glued =
        |ch: Option<char>| ch.is_some_and(|ch| ch.is_alphanumeric() || ch == '+' || ch == '/');
    if glued(c.before()) || glued(c.rest().chars().next()) {
        return Verdict::Reject;
    }
    Verdict::Plausible
}

fn geo_coordinates(c: &Candidate<'_>) -> Verdict {
    // The minutes of a degrees-minutes-seconds pair: the degree sign is not ASCII, so the
    // pattern starts after it and the degrees are read from the text before. The finding
    // covers minutes onwards; whole degrees of latitude alone do not locate anyone.
    let (resumed, lead) = if c.value().ends_with('\'') {
        match degrees_before(c.preceding()) {
            Some((d, before)) => (Some(d), hemisphere_before(before)),
            None => return Verdict::Reject,
        }
    } else {
        (None, hemisphere_before(c.preceding()))
    };
    // A number continuing a longer one, or the next item of a list of numbers, is not the
    // start of a pair.
    let before = c.preceding().trim_end_matches(' ');
    let list_item = before.ends_with(',')
        && before[..before.len() - 1].ends_with(|ch: char| ch.is_ascii_digit());
    if resumed.is_none()
        && (c
            .before()
            .is_some_and(|ch| ch.is_ascii_digit() || ch == '.')
            || list_item)
    {
        return Verdict::Reject;
    }
    let mut cur = Cursor {
        s: &c.text[c.start..],
        at: 0,
    };
    // `N 48° 51' 29.6" E 2° 17' 40.2"`, `S 33.8688 E 151.2093`: the hemisphere first.
    let Some(a) = parse_coord(&mut cur, resumed, lead) else {
        return Verdict::Reject;
    };
    let gap = cur.spaces();
    // `&` only joins a labelled pair (`lat=48.85&lon=2.35`), checked below.
    let sep = cur.eat_any(&[',', ';', '/', '&']).is_some();
    let gap2 = cur.spaces();
    if !sep && gap + gap2 == 0 {
        return Verdict::Reject;
    }
    // `lat 48.8566 lon 2.3522`, `"lat": 48.85661, "lng": 2.35222`: each number labelled.
    let mut labelled_pair = false;
    // The second coordinate's hemisphere before it, as the first one's was.
    let lead_b = match lead {
        Some(_) => {
            let h = cur.eat_any(&['N', 'S', 'E', 'W']);
            if h.is_none() {
                return Verdict::Reject;
            }
            cur.spaces();
            h
        }
        None => None,
    };
    if lead_b.is_none()
        && cur
            .peek()
            .is_some_and(|ch| ch.is_alphabetic() || ch == '"' || ch == '\'')
    {
        cur.eat_any(&['"', '\'']);
        let word = cur.word();
        let after_word = cur.at;
        cur.eat_str(".");
        cur.eat_any(&['"', '\'']);
        cur.spaces();
        let assigned = cur.eat_any(&[':', '=']).is_some();
        cur.spaces();
        let lat_before = LATITUDE_LABELS.contains(&label_before(c.preceding()).as_str());
        if !lat_before
            || !LONGITUDE_LABELS.contains(&word.as_str())
            || (cur.at == after_word && !assigned)
        {
            return Verdict::Reject;
        }
        labelled_pair = true;
    } else if cur.s[..cur.at].trim_end_matches(' ').ends_with('&') {
        return Verdict::Reject;
    }
    if !cur
        .peek()
        .is_some_and(|ch| ch.is_ascii_digit() || ch == '-')
    {
        return Verdict::Reject;
    }
    let Some(b) = parse_coord(&mut cur, None, lead_b) else {
        return Verdict::Reject;
    };
    if !cur.at_word_end() {
        return Verdict::Reject;
    }
    // The pair must not be followed by more numbers (a vector, a table row).
    let mut tail = Cursor {
        s: cur.s,
        at: cur.at,
    };
    tail.spaces();
    if tail.eat_any(&[',', ';', '/']).is_some() {
        tail.spaces();
        if tail
            .peek()
            .is_some_and(|ch| ch.is_ascii_digit() || ch == '-')
        {
            return Verdict::Reject;
        }
    }
    let ns = |h: Option<char>| matches!(h, Some('N' | 'S'));
    let ew = |h: Option<char>| matches!(h, Some('E' | 'W'));
    let (lat, lon) = match (a.hemisphere, b.hemisphere) {
        (None, None) => (&a, &b),
        (x, y) if ns(x) && ew(y) => (&a, &b),
        (x, y) if ew(x) && ns(y) => (&b, &a),
        _ => return Verdict::Reject,
    };
    if lat.value.abs() > 90.0 || lon.value.abs() > 180.0 || !a.precise || !b.precise {
        return Verdict::Reject;
    }
    let labelled = labelled_pair || a.marked || b.marked || a.hemisphere.is_some();
    if !labelled {
        // Two bare decimals: FX rates (four decimals), measurements and scores share this
        // shape. Require the comma people copy from map apps, five decimals as map apps
        // print them (four after a word such as "location" or "GPS"), and no pair near zero.
        let near_zero = lat.value.abs() < 1.0 && lon.value.abs() < 1.0;
        let decimals = if geo_word_before(c.preceding()) { 4 } else { 5 };
        if !sep || near_zero || a.decimals < decimals || b.decimals < decimals {
            return Verdict::Reject;
        }
    }
    Verdict::Span {
        start: 0,
        end: cur.at,
        check: Some("coordinate-range"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(text: &str) -> bool {
        let start = text.find("1990-05-12").expect("a date in the text");
        birth_stem_near(&Candidate {
            text,
            start,
            end: start + 10,
        })
    }

    /// The range checks see a decimal coordinate as the float parser would: exactly up to 15
    /// decimals, and beyond except within 1e-13 of a limit (generated decimals, and decimals
    /// around 90, 180 and 1).
    #[test]
    fn coordinate_decimals_answer_like_parsed_floats() {
        let answers = |v: f64| (v.abs() > 90.0, v.abs() > 180.0, v.abs() < 1.0);
        let mut cases: Vec<String> = vec!["9".repeat(15), "9".repeat(30), "0".repeat(20)];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 1 + (seed % 30) as usize;
            let lead_zeros = ((seed >> 8) % 18) as usize;
            let mut s = "0".repeat(lead_zeros.min(len));
            let mut x = seed >> 16;
            while s.len() < len {
                s.push(char::from(b'0' + (x % 10) as u8));
                x = x / 10 + (seed >> 40);
            }
            cases.push(s);
        }
        for digits in &cases {
            for deg in [0u32, 1, 89, 90, 91, 179, 180, 181, 999] {
                let parsed = f64::from(deg) + format!(".{digits}").parse::<f64>().unwrap();
                let ours = degrees_with_decimals(deg, digits);
                if digits.len() <= 15 {
                    assert_eq!(ours, parsed, "{deg}.{digits}");
                }
                let near_limit = [90.0, 180.0, 1.0]
                    .iter()
                    .any(|l| (parsed - l).abs() < 1e-13);
                if !near_limit {
                    assert_eq!(answers(ours), answers(parsed), "{deg}.{digits}");
                }
            }
        }
    }

    #[test]
    fn stem_search_stays_in_the_window() {
        assert!(!near("invoice 1990-05-12 paid, due on delivery"));
        assert!(!near("bi rt h do b 1990-05-12 n é"));
        let far = format!("born {} 1990-05-12", "x".repeat(60));
        assert!(!near(&far));
    }
}
