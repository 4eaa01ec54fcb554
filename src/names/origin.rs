//! Ethnic origin stated in a frame of its own: "I am of Moroccan descent", "ich bin türkischer
//! Abstammung", "je suis d'origine marocaine", "sono di origine marocchina", "ik ben van
//! Marokkaanse afkomst", "jestem pochodzenia romskiego", "Ethnicity: Hispanic". The origin is
//! any adjective in the frame's slot, so no list of peoples could name them all; the frame
//! (a first-person cue, then a noun of descent) is the evidence. Nationality alone ("I am
//! Turkish") is not an Art. 9 category and is not read here.
//!
//! The cues join [`super::special`]'s cue walk (same triggers, same negation and adverbial
//! handling); what follows a cue is read here instead of the term lists.

use super::tokenize::Kind;
use super::Ctx;

/// Where the origin stands in a frame.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Slot {
    /// Right after the cue ("je suis d'origine marocaine", "Ethnicity: Hispanic").
    After,
    /// After the cue and before one of these nouns ("of Moroccan descent", "türkischer
    /// Abstammung", "Marokkaanse afkomst").
    Before(&'static [&'static str]),
}

const DESCENT: &[&str] = &[
    "descent",
    "origin",
    "origins",
    "heritage",
    "ancestry",
    "extraction",
    "background",
];
const ABSTAMMUNG: &[&str] = &["abstammung", "herkunft"];
const WURZELN: &[&str] = &["wurzeln"];
const AFKOMST: &[&str] = &["afkomst", "komaf", "origine"];

/// The frames, by their cue (words as the special-category cues write them: lower case, a
/// label's colon apart).
pub(crate) const CUES: &[(&str, Slot)] = &[
    ("i am of", Slot::Before(DESCENT)),
    ("i'm of", Slot::Before(DESCENT)),
    ("i’m of", Slot::Before(DESCENT)),
    ("im of", Slot::Before(DESCENT)),
    ("we are of", Slot::Before(DESCENT)),
    ("we're of", Slot::Before(DESCENT)),
    ("my family is of", Slot::Before(DESCENT)),
    ("my ethnicity is", Slot::After),
    ("my ethnic background is", Slot::After),
    ("my ethnic origin is", Slot::After),
    ("ethnicity :", Slot::After),
    ("ethnic origin :", Slot::After),
    ("ethnic group :", Slot::After),
    ("ich bin", Slot::Before(ABSTAMMUNG)),
    ("wir sind", Slot::Before(ABSTAMMUNG)),
    ("ich habe", Slot::Before(WURZELN)),
    ("ethnische herkunft :", Slot::After),
    ("ethnie :", Slot::After),
    ("je suis d'origine", Slot::After),
    ("je suis d’origine", Slot::After),
    ("nous sommes d'origine", Slot::After),
    ("origine ethnique :", Slot::After),
    ("soy de origen", Slot::After),
    ("soy de ascendencia", Slot::After),
    ("soy de etnia", Slot::After),
    ("somos de origen", Slot::After),
    ("origen étnico :", Slot::After),
    ("sou de origem", Slot::After),
    ("sou de ascendência", Slot::After),
    ("sou de etnia", Slot::After),
    ("somos de origem", Slot::After),
    ("origem étnica :", Slot::After),
    ("etnia :", Slot::After),
    ("sono di origine", Slot::After),
    ("sono di origini", Slot::After),
    ("sono di etnia", Slot::After),
    ("siamo di origine", Slot::After),
    ("origine etnica :", Slot::After),
    ("ik ben van", Slot::Before(AFKOMST)),
    ("wij zijn van", Slot::Before(AFKOMST)),
    ("etniciteit :", Slot::After),
    ("jestem pochodzenia", Slot::After),
    ("pochodzenie etniczne :", Slot::After),
];

/// Words that fill a slot without stating an origin: a form's "prefer not to say", an
/// article or possessive, a conjunction (allowed only between two words), and the social or
/// professional origins the same frames state ("d'origine modeste", "of a similar
/// background").
const NOT_AN_ORIGIN: &[&str] = &[
    "prefer",
    "not",
    "n/a",
    "na",
    "none",
    "unknown",
    "other",
    "the",
    "a",
    "an",
    "keine",
    "unbekannt",
    "aucune",
    "inconnue",
    "ninguna",
    "ninguno",
    "desconocido",
    "nessuna",
    "ignota",
    "geen",
    "onbekend",
    "brak",
    "nenhuma",
    "desconhecida",
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "i",
    "my",
    "mi",
    "mon",
    "ma",
    "mijn",
    "mein",
    "meine",
    "moja",
    "minha",
    "mia",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "teil",
    "modeste",
    "modesta",
    "modesto",
    "humilde",
    "humble",
    "modest",
    "bescheidener",
    "einfacher",
    "bürgerlicher",
    "ouvrière",
    "paysanne",
    "contadina",
    "operaia",
    "obrera",
    "similar",
    "same",
    "different",
    "technical",
    "academic",
    "professional",
    "working-class",
    "middle-class",
    "noble",
    "nobile",
    "adliger",
];
/// Joins two origins in one slot ("Moroccan and Turkish descent", "Hispanic or Latino").
const AND: &[&str] = &[
    "and", "or", "und", "oder", "et", "ou", "y", "o", "e", "en", "of", "i", "lub",
];

/// The origin in the slot of `cue`'s frame, whose cue ends before token `at`: the tokens
/// `(start, end)` of the origin words.
pub(crate) fn slot(ctx: &Ctx<'_>, at: usize, cue: &str) -> Option<(usize, usize)> {
    let (_, slot) = CUES.iter().find(|(c, _)| *c == cue)?;
    let word = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && !t.newline_before && t.len() >= 3)
            && !ctx.word_in(k, NOT_AN_ORIGIN)
    };
    if !word(at) {
        return None;
    }
    // Up to three words: an origin of one or two words ("West African", "White British"),
    // or two joined ("marocaine et algérienne").
    let mut end = at + 1;
    while end < at + 3 {
        if word(end) {
            end += 1;
        } else if ctx.word_in(end, AND) && word(end + 1) && end + 1 < at + 3 {
            end += 2;
        } else {
            break;
        }
    }
    match slot {
        // The longest reading that ends the clause: "marroquí y vivo aquí" is one origin.
        Slot::After => (at + 1..=end)
            .rev()
            .find(|&k| clause_ends(ctx, k))
            .map(|k| (at, k)),
        // "of Moroccan descent": the origin, then the noun, which may have been read as a
        // slot word.
        Slot::Before(nouns) => (at + 1..=end)
            .find(|&k| ctx.word_in(k, nouns))
            .map(|k| (at, k)),
    }
}

/// The slot's words end a clause: the clause ends there ([`super::special::clause_ends`]), or
/// another origin is joined on.
fn clause_ends(ctx: &Ctx<'_>, e: usize) -> bool {
    super::special::clause_ends(ctx, e) || ctx.word_in(e, AND)
}

/// The first letters of peoples' and nations' adjectives and nouns in the eight languages
/// (Moroccan, marokkanisch, marocain, marroquí, marocchino, Marokkaans, marokański,
/// marroquino; Türken, turcs, turchi, ...): after a relative's copula ("my parents are", "mis
/// padres son", "meine Eltern sind", "my family is") one of them states where the family
/// comes from. Stems, not words: every inflection (marroquíes, Marokkanen) shares them; only
/// the countries people in the eight languages' countries most often descend from (not the
/// eight's own: "my parents are German" is mostly a nationality), and the continents.
const PEOPLES: &str =
    "moroc marok maroc marroq turk türk turc turch alger algér argel algier tunis tunec \
    egypt ägypt égypt egipc egiz syri syrer siri iraq irak iran afghan afgan kurd \
    curd koerd leban liban palest pakist paquist indian indien indisch chines chinois chino cines \
    viet filip niger ghan senegal sénégal somal eritre ethiop äthiop éthiop etiop congo kongo \
    afric afrik afryk arab árab berber bereber polish poln polon polac polak pools rumän \
    roumain rumano rumen roemeen rumuń romanian russ ruso rosyj rosjan ukrain ucrain oekraï serb \
    alban greek griech grec griek grek itali portug portog surinam antill kaapverd cabo-verd angol \
    brasil brazil brésil mexic mejic messic colombi peru domini cuba kuba latin hispan asian \
    asiat azjat caribb karib";

/// The origin right after a relative's copula at token `at` ("Moroccan", "marroquíes",
/// "Türken", "marocains et algériens"): a word of four letters or more that starts like a
/// people ([`PEOPLES`]), perhaps another joined by "and", ending the clause. Returns its
/// tokens `(start, end)`.
pub(crate) fn family_origin(ctx: &Ctx<'_>, at: usize) -> Option<(usize, usize)> {
    let people = |k: usize| {
        let t = ctx.toks.get(k)?;
        if t.kind != Kind::Word || t.newline_before || t.len() < 4 {
            return None;
        }
        let mut buf = [0u8; 64];
        let low = super::tokenize::lower_into(t.text(ctx.text), &mut buf)?;
        PEOPLES
            .split_ascii_whitespace()
            .any(|p| low.starts_with(p.as_bytes()))
            .then_some(k + 1)
    };
    let mut end = people(at)?;
    if ctx.word_in(end, AND) {
        if let Some(e) = people(end + 1) {
            end = e;
        }
    }
    clause_ends(ctx, end).then_some((at, end))
}
