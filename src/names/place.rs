//! Evidence that a capitalised word is a town whatever the lists say: a verb of residence,
//! work or travel before its preposition ("settled in X", "ci siamo trasferiti a X", "naar X
//! verhuisd"), a town's ending or first word, a Polish locative of a listed town ("w
//! Warszawie"); and what makes a listed place a plain word after all (a UI label after "click
//! on", a common word after an article, an ALL-CAPS table cell). The person detector asks these
//! questions once it has a run of capitalised words.

use super::gazetteer::{Gazetteer, FIRST, LAST, PLACE, WORD};
use super::lexicon::role::{PLACE_CUE, PREFIX_TYPE};
use super::tokenize::{lower_into, push_key_word, Case, Kind};
use super::Ctx;

/// Prepositions that introduce a town after a verb of residence, work or travel.
const TOWN_PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "near", "nach", "von", "aus", "bei", "à", "a", "de", "d", "en", "di", "da",
    "naar", "van", "uit", "bij", "w", "we", "z", "ze", "do", "em", "para", "desde", "verso", "per",
    "pour", "outside", "of", "te", "vanuit",
    // Round 6: Portuguese prepositions fused with an article ("no Porto", "na Amadora", "do
    // Funchal"), "just outside" ("appena fuori X", "net buiten X") and "in the area of"
    // ("in zona X").
    "no", "na", "nos", "nas", "dos", "das", "fuori", "buiten", "zona",
    // Round 7: French prepositions fused with the article of a town ("du Touquet", "au
    // Puy-en-Velay", "des Ulis") and "as far as" ("de X até Y").
    "du", "au", "aux", "des", "até",
    // Round 10: Italian prepositions fused with a town's article ("alla Spezia", "nella
    // Spezia", "all'Aquila", "dell'Aquila", "dalla Maddalena").
    "alla", "nella", "dalla", "della", "all", "nell", "dall", "dell",
    // Round 12: Italian "ad" before a vowel ("vado ad Orvieto", "nato ad Assisi").
    "ad",
];

/// Verbs (and participles) of living, working, moving and travelling in the eight languages.
/// First-person and past forms: these are what people write about themselves, and rarely what
/// software documentation says ("works in Firefox" is left out on purpose).
pub(crate) const TOWN_VERBS: &[&str] = &[
    // en
    "live",
    "lives",
    "lived",
    "living",
    "settled",
    "relocated",
    "relocating",
    "relocate",
    "moved",
    "moving",
    "born",
    "raised",
    "flying",
    "fly",
    "flew",
    "flights",
    "flight",
    "driving",
    "drove",
    "travelling",
    "traveling",
    "travelled",
    "traveled",
    "commute",
    "commuting",
    "stayed",
    "staying",
    "visited",
    "grew",
    "hometown", // de
    "wohne",
    "wohnt",
    "wohnen",
    "lebe",
    "lebt",
    "leben",
    "arbeite",
    "gezogen",
    "umgezogen",
    "ziehe",
    "ziehen",
    "fahre",
    "fährt",
    "fahren",
    "fliege",
    "fliegt",
    "fliegen",
    "geboren",
    "aufgewachsen",
    "komme",
    "stamme",
    "reise",
    // fr
    "habite",
    "habitons",
    "habitent",
    "vis",
    "vit",
    "vivons",
    "vivent",
    "travaille",
    "travaillons",
    "travaillent",
    "déménagé",
    "déménage",
    "déménageons",
    "installé",
    "installée",
    "installés",
    "né",
    "née",
    "grandi",
    "vais",
    "allons",
    "pars",
    "partons",
    "viens",
    "venons",
    "reviens",
    "rentre",
    "rentrons",
    "arrive",
    "arrivé",
    "arrivée", // es
    "vivo",
    "vive",
    "vivimos",
    "viven",
    "trabajo",
    "trabajamos",
    "mudé",
    "mudamos",
    "mudado",
    "mudó",
    "nací",
    "nació",
    "crecí",
    "viajo",
    "viajamos",
    "viajé",
    "voy",
    "vamos",
    "vengo",
    "venimos",
    "soy",
    "somos",
    "resido", // it
    "abito",
    "abita",
    "vissuto",
    "vissuta",
    "vissuti",
    "abitato",
    "abitata",
    "abitiamo",
    "lavoro",
    "lavoriamo",
    "trasferito",
    "trasferita",
    "trasferiti",
    "trasferite",
    "nato",
    "nata",
    "cresciuto",
    "cresciuta",
    "vado",
    "andiamo",
    "sono",
    "siamo",
    "vengo",
    "veniamo",
    "torno",
    "partito",
    "partita", // nl
    "woon",
    "woont",
    "wonen",
    "werk",
    "verhuisd",
    "verhuizen",
    "verhuis",
    "geboren",
    "opgegroeid",
    "reis",
    "reizen",
    "rijdt",
    "rijden",
    "vlieg",
    "vliegen",
    "kom",
    "komt",
    "kwam", // pl
    "mieszkam",
    "mieszka",
    "mieszkamy",
    "mieszkają",
    "pracuję",
    "pracuje",
    "pracujemy",
    "jadę",
    "jedziemy",
    "jedzie",
    "urodziłem",
    "urodziłam",
    "przeprowadziłem",
    "przeprowadziłam",
    "przeprowadziliśmy",
    "jestem",
    "pochodzę",
    "wracam",
    "lecę", // pt
    "moro",
    "mora",
    "moramos",
    "trabalho",
    "trabalhamos",
    "mudei",
    "mudámos",
    "mudamos",
    "nasci",
    "cresci",
    "vou",
    "vamos",
    "vim",
    "venho",
    "sou",
    "somos",
    "vivemos",
    "mudei-me",
    "mudámo-nos",
    "mudamo-nos",
    "mudou-se",
    "mudaram-se",
    // Round 5: arriving, leaving and coming back; words of nearness; seats of a business;
    // the weather ("Sono appena tornato da X", "parto per X", "cerca de X", "in de buurt van
    // X", "sediada em X", "Piove a X").
    "ansässig",
    "basé",
    "basée",
    "basés",
    "basées",
    "llegar",
    "llegado",
    "llegué",
    "llegamos",
    "salgo",
    "salimos",
    "vuelo",
    "crié",
    "calor",
    "llueve",
    "tornato",
    "tornata",
    "tornati",
    "rientrato",
    "parto",
    "partiamo",
    "volo",
    "vicino",
    "piove",
    "vertrek",
    "vertrekken",
    // Round 7: leaving, arriving, cycling ("Saio de X às 6 e chego a Y", "We fietsen van X
    // naar Y").
    "saio",
    "chego",
    "fietsen",
    "fiets",
    "vlucht",
    "trein",
    "treno",
    "tren",
    "comboio",
    "buurt",
    "gevestigd",
    "regent",
    "chegar",
    "cheguei",
    "chegámos",
    "chegamos",
    "partimos",
    "voo",
    "perto",
    "sediada",
    "sediado",
    "chover",
    "chove",
    // Residence as forms and contracts write it ("residente a X", "wohnhaft in X",
    // "woonachtig te X", "domicilié à X").
    "risiedo",
    "risiede",
    "residente",
    "residenti",
    "domiciliato",
    "domiciliata",
    "domiciliado",
    "domiciliada",
    "domicilié",
    "domiciliée",
    "résidant",
    "résidante",
    "wohnhaft",
    "woonachtig",
    "resident",
    "residing",
    "reside",
    "resides",
    // The weather and holidays somewhere ("tempo", "tiempo" and Dutch "weer" are "time" and
    // "again" as often).
    "weather",
    "forecast",
    "météo",
    "meteo",
    "previsioni",
    "pogoda",
    "previsão",
    "vacation",
    "holiday",
    "holidays",
    "vacanza",
    "vacanze",
    "vacaciones",
    "vakantie",
    "férias",
    "vacances",
    "albergo",
    "hostel",
    "ristorante",
    "restaurante",
    "apartment",
    "appartamento",
    "apartamento",
    "estoy",
    "estamos",
    // Where someone comes from ("originario di X", "natural de X", "afkomstig uit X").
    "originario",
    "originaria",
    "originari",
    "originarie",
    "natural",
    "naturais",
    "originaire",
    "afkomstig",
    "originally",
    // Round 6: deliveries and pick-ups, bookings, meetings, parcels held somewhere, nearness
    // and a home ("Consegna a X", "Entrega em X", "Bezorging in X", "Livraison à X", "Il
    // pacco è fermo a X", "Ci vediamo a X", "dormo a X", "a due passi da X", "près de X",
    // "nos arredores de X", "Cerco casa in zona X", "Ik zit nu in X", "Het pakket ligt in X").
    "consegna",
    "consegne",
    "ritiro",
    "vendita",
    "fermo",
    "ferma",
    "dormo",
    "dorme",
    "sarò",
    "saremo",
    "arrivo",
    "arriva",
    "arriviamo",
    "spostata",
    "spostato",
    "entrega",
    "entregas",
    "levantamento",
    "retida",
    "retido",
    "estou",
    "vem",
    "fica",
    "ficam",
    "passagem",
    "criado",
    "criada",
    "arredores",
    "bezorging",
    "afhalen",
    "zit",
    "zitten",
    "ligt",
    "livraison",
    "retrait",
    "près",
    "côté",
    "vient",
    "venez",
    "viennent",
    "suis",
    "sommes",
    "habites",
    "habitez",
    // Round 6, second batch: on the way somewhere, staying, a room, a past home ("Sto
    // andando a X", "Estou a caminho de X", "Ik ben onderweg naar X", "Je suis en route pour
    // X", "Mi trovo a X", "Reservei um quarto em X", "Vivi em X").
    "andando",
    "caminho",
    "onderweg",
    "route",
    "trovo",
    "troviamo",
    "quarto",
    "vivi",
    "vissi",
    "vécu",
    "komen",
    "ga",
    "gaan",
    "gaat",
    "afhaalpunt",
    "ophaalpunt",
    "proche",
    // Round 6, third batch: appointments, tickets and removals ("Ho un appuntamento a X",
    // "Biglietto per X", "Trasloco da X a Y", "Mudança de X para Y", "Verhuizing van X naar
    // Y", "Déménagement de X à Y").
    "appuntamento",
    "afspraak",
    "rendez-vous",
    "biglietto",
    "biglietti",
    "bilhete",
    "bilhetes",
    "kaartje",
    "billet",
    "billets",
    "trasloco",
    "mudança",
    "verhuizing",
    "déménagement",
    // Round 10: nights spent in a town ("We overnachten in X").
    "overnachten",
    "overnachting",
    // Round 11: infinitives and third persons of going, coming, living and working, a
    // parcel stuck somewhere, being born ("Devo andare a X", "Il paziente proviene da X",
    // "Mio fratello lavora a X", "Tenho de ir a X", "O paciente veio de X", "Morador em X",
    // "nascido em X", "A encomenda está parada em X").
    "andare",
    "arrivare",
    "tornare",
    "torna",
    "proviene",
    "provengo",
    "proveniente",
    "lavora",
    "lavorano",
    "abitano",
    "vivono",
    "nati",
    "ir",
    "morador",
    "moradora",
    "moradores",
    "moram",
    "trabalha",
    "trabalham",
    "volto",
    "voltar",
    "veio",
    "vieram",
    "nascido",
    "nascida",
    "chegou",
    "parada",
    "parado",
    "aller",
    "venu",
    "venue",
    // Prompts: looking for a home or a table, restaurants, where people met or were born
    // ("Cerco casa a X", "Reserva uma mesa para dois em X", "i migliori ristoranti a X", "Ci
    // siamo conosciuti a X", "A minha avó nasceu em X", "Spedizione verso X"). Verbs of
    // looking only with their object between ([`SEARCH_VERBS`]).
    "cerco",
    "cerchiamo",
    "procuro",
    "procuramos",
    "tavolo",
    "mesa",
    "ristoranti",
    "restaurantes",
    "conosciuti",
    "conhecemo",
    "nasceu",
    "nacque",
    "spedizione",
    // How long it takes from X to Y ("Quanto ci vuole da X a Y", "Quanto tempo demora de X
    // a Y").
    "vuole",
    "demora",
    // Round 12: moving and coming back in a speaker's words ("Ci trasferiamo a X", "Stasera
    // rientro a X", "Acabei de me mudar para X"; not "partir" or
    // "installer": "à partir de Windows 10", "the installer from X").
    "trasferiamo",
    "trasferisco",
    "trasferirmi",
    "trasferirci",
    "rientro",
    "rientriamo",
    "mudar",
    "mudo",
];

/// Round 10: participles of shipping in Italian, Portuguese, French and Dutch: a town after
/// them only with a preposition of origin ("Envio expedido de X", "Zending verzonden uit X",
/// "Spedizione partita da X", "Colis expédié de X"); "enviado para X" is as often a person,
/// and English "shipped as part of Visual Studio" a product.
const SHIPPED: &[&str] = &[
    "expedido",
    "enviado",
    "verzonden",
    "spedito",
    "partita",
    "expédié",
];

/// Token `p`, a preposition of origin, follows a participle of [`SHIPPED`].
fn shipped_from(ctx: &Ctx<'_>, p: usize) -> bool {
    p > 0
        && ctx.word_in(p, &["de", "da", "dal", "dalla", "uit", "vanuit", "du", "d"])
        && ctx.toks[p - 1].case == Case::Lower
        && ctx.word_in(p - 1, SHIPPED)
}

/// German nouns of travel, capitalised as every German noun ("Der Zug nach X", "Flug nach
/// X"): a town after them and a preposition whatever the case.
const TRAVEL_NOUNS: &[&str] = &[
    "zug",
    "flug",
    "reise",
    "fahrt",
    "fähre",
    // Greetings from a place on a postcard or in a chat ("Grüße aus X", "Saluti da X").
    "greetings",
    "grüße",
    "grüsse",
    "saludos",
    "saluti",
    "groeten",
    "saudações",
    "pozdrowienia",
    // Round 7: hugs and kisses from a place ("Un abbraccio da X", "Beijinhos de X", "Bons
    // baisers de X", "Groetjes uit X").
    "abbraccio",
    "abbracci",
    "abraço",
    "abraços",
    "beijinhos",
    "beijos",
    "baisers",
    "bises",
    "bisous",
    "groetjes",
    "kusjes",
    // Nouns German capitalises: the weather, a holiday, a hotel somewhere.
    "wetter",
    "urlaub",
    "hotel",
    "hotels",
    "restaurant",
    "restaurants",
    // Round 6: delivery and pick-up ("Abholung in X", "Lieferung nach X").
    "abholung",
    "lieferung",
    "zustellung",
];

/// Nouns for a town or a municipality: the capitalised words after them (and their
/// preposition) name one ("the town of X", "il comune di X", "die Gemeinde X", "de gemeente
/// X", "la ciudad de X", "a cidade de X", "la ville de X").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "county",
    "township",
    "stadt",
    "gemeinde",
    "ortschaft",
    "landkreis",
    "ville",
    "commune",
    "village",
    "ciudad",
    "municipio",
    "pueblo",
    "localidad",
    "città",
    "comune",
    "paese",
    "frazione",
    "provincia",
    "stad",
    "gemeente",
    "dorp",
    "provincie",
    "cidade",
    "concelho",
    "município",
    "freguesia",
    "vila",
    "miasto",
    "gmina",
    "wieś",
    // Round 6: districts and regions ("distrito de X", "regione X").
    "distrito",
    "distretto",
    "regione",
    "região",
    "província",
    "région",
    "zona",
];

/// The run at `start` follows a noun for a town directly, as German and Dutch write it
/// ("die Gemeinde Mattersburg", "de gemeente Hauwert"): lower case in Dutch, after an article
/// in German.
pub(crate) fn place_noun_before(ctx: &Ctx<'_>, start: usize) -> bool {
    let Some(p) = start.checked_sub(1) else {
        return false;
    };
    if ctx.toks[start].newline_before || ctx.toks[p].kind != Kind::Word {
        return false;
    }
    // The noun first: it rules out nearly every run, the article and the sentence's start
    // cost more.
    ctx.word_in(
        p,
        &[
            "stadt",
            "gemeinde",
            "ortschaft",
            "gemeente",
            "stad",
            "dorp",
            "miasto",
            // Round 6: "provincie Drenthe", Polish "w gminie X", "miejscowości X".
            "provincie",
            "gminie",
            "gminy",
            "miejscowości",
            "miejscowość",
            "regio",
        ],
    ) && (ctx.toks[p].case == Case::Lower
            || (p > 0 && ctx.word_in(p - 1, &["die", "der", "den", "dem", "des", "the"]))
            // "Gemeente Ommel, provincie Drenthe": a Dutch line opening with the noun.
            || (ctx.word_in(p, &["gemeente"]) && ctx.sentence_start(p)))
}

/// Participles after the town in German and Dutch ("nach X gezogen", "naar X verhuisd").
const TOWN_VERBS_AFTER: &[&str] = &[
    "geboren",
    "aufgewachsen",
    "zurück",
    "gezogen",
    "umgezogen",
    "gereist",
    "gefahren",
    "geflogen",
    "verhuisd",
    "verhuist",
    "getrokken",
    "gereisd",
    "gevlogen",
    "verhuizen",
    // Round 6: "Ik ben in X opgegroeid", "Kunnen jullie naar X verzenden?" ("in Python
    // gewerkt" is a language: "gewerkt" is left out).
    "opgegroeid",
    "gewoond",
    "verzenden",
    "versturen",
    "sturen",
    "leveren",
    "bezorgen",
    "verhuist",
];

/// Verbs of pressing a UI element: a capitalised word after them and a preposition
/// ("Clique em Guardar", "Klik op Opslaan") is a button.
const CLICK_VERBS: &[&str] = &[
    "click",
    "clique",
    "cliquez",
    "clic",
    "klicken",
    "klik",
    "pulse",
    "pulsa",
    "premi",
    "premere",
    "kliknij",
    "toque",
    "carregue",
    "prima",
    "tap",
    "press",
    "selecione",
    "seleccione",
    "select",
];

/// Endings of town names beyond the lexicon's (`-ville`, `-burg`): English, Dutch, French,
/// Portuguese and Polish ones.
const MORE_TOWN_ENDINGS: &[&str] = &[
    "wick", "stead", "burgh", "hoven", "veen", "wijk", "broek", "drecht", "horst", "zijl", "court",
    "bourg", "ópolis", "ães", "dorp", "rade", "kerke", "kapelle", "hurst", "caster",
];

/// First words of town names beyond the lexicon's (`New`, `Bad`): Italian, Spanish,
/// Portuguese, French and Dutch ones.
const MORE_TOWN_HEADS: &[&str] = &[
    "castel", "castello", "borgo", "vila", "puerto", "villa", "ville", "lac", "nieuw", "oud",
    "sint", "monte", "ciudad", "cidade", "poggio",
];

/// A verb of residence, work or travel ends at token `j` or one or two words before it, on
/// the same line and in the same sentence ("leben seit Jahren in"). Copulas ("sono di",
/// "soy de", "jestem z") count only right before the preposition. A capitalised verb counts
/// only at a sentence's start ("Vim in Modo Ex" is no Portuguese "vim").
fn verb_before(ctx: &Ctx<'_>, mut j: usize) -> bool {
    // Round 7: a means of transport and its time, one's family and a copula.
    if transport_before(ctx, j) || kin_origin_before(ctx, j) {
        return true;
    }
    // "Ik vertrek om 6 uur uit X", "Parto alle 6 da X": the time between verb and preposition.
    j = skip_time(ctx, j);
    for k in 0..3 {
        let t = &ctx.toks[j];
        if t.kind == Kind::Punct {
            // "Mudei-me para": the hyphen of a clitic pronoun.
            if !(t.is('-') || t.is('\'') || t.is('’')) {
                return false;
            }
        } else if (k == 0 && from_town_before(ctx, j))
            || (t.kind == Kind::Word && ctx.word_in(j, TRAVEL_NOUNS))
            || weather_question(ctx, j)
        {
            return true;
        } else if t.kind == Kind::Word
            && (t.case == Case::Lower || ctx.sentence_start(j))
            && ctx.word_in(j, TOWN_VERBS)
        {
            if ctx.word_in(j, MOVE_VERBS) {
                return person_before(ctx, j);
            }
            if ctx.word_in(j, SITTING_VERBS) {
                return ctx.sentence_start(j) || sitting_subject_before(ctx, j);
            }
            if ctx.word_in(j, GOING_VERBS) {
                return sitting_subject_before(ctx, j);
            }
            if ctx.word_in(j, SEARCH_VERBS) {
                return k > 0;
            }
            return k == 0 || !ctx.word_in(j, COPULAS);
        } else if (k == 0
            || (k == 1
                && ctx.toks[j + 1].case == Case::Lower
                && ctx.word_in(j + 1, &["è", "é", "is", "est", "ist", "es", "está"])))
            && t.kind == Kind::Word
            && (ctx.word_in(j, PREMISES) || elided_in(ctx, j, PREMISES))
            // Round 11: "Office of Technology Licensing" names a department.
            && !(t.case != Case::Lower && ctx.word_in(j + 1, &["of"]))
        {
            // "La sede è a X": a copula between the premises and the preposition.
            // "L'ufficio di X", "l'agence de X": the article elided onto the noun.
            return true;
        } else if k == 0
            && t.kind == Kind::Word
            && ((ctx.word_in(j, INSTITUTIONS)
                && (t.case == Case::Lower
                    || ctx.word_in(j, &["krankenhaus", "schule", "rathaus"])))
                || elided_in(ctx, j, INSTITUTIONS))
        {
            // "all'ospedale di X", "na escola em X", "la mairie de X".
            return true;
        } else if k == 0
            && facility(ctx, j)
            && ctx.word_in(
                j + 1,
                &[
                    "di", "de", "da", "do", "van", "du", "d", "della", "del", "alla", "dell",
                ],
            )
        {
            // "il centro di smistamento di X", "het sorteercentrum van X".
            return true;
        } else if k == 0 && t.kind == Kind::Word && elided_in(ctx, j, &["area", "zona"]) {
            // "nell'area di X", "dall'area di X"
            return true;
        } else if k == 0 && t.kind == Kind::Word && ctx.word_in(j, PLACE_NOUNS) {
            // "the town of X", "il comune di X": lower case, or German's capitalised noun, or
            // a noun capitalised after a preposition fused with its article ("nel Comune di
            // X", "no Concelho de X").
            return t.case == Case::Lower
                || ctx.word_in(j, &["stadt", "gemeinde"])
                || (j > 0
                    && ctx.toks[j - 1].case == Case::Lower
                    && ctx.word_in(
                        j - 1,
                        &[
                            "nel", "del", "dal", "al", "no", "do", "na", "da", "du", "le", "la",
                        ],
                    ));
        }
        if t.newline_before || j == 0 {
            return false;
        }
        j -= 1;
    }
    false
}

/// Token `j` is a word with an article elided onto it ("L'ufficio", "l'agence",
/// "dall'ufficio") whose part after the apostrophe is one of `words`.
fn elided_in(ctx: &Ctx<'_>, j: usize, words: &[&str]) -> bool {
    let s = ctx.s(j);
    // The first apostrophe, if it starts within the first five bytes (a search of the whole
    // word for either mark cost ~140 instructions on every capitalised word; round 15).
    let b = s.as_bytes();
    let first = (0..b.len().min(5)).find(|&k| b[k] == b'\'' || b[k..].starts_with("’".as_bytes()));
    let Some(k) = first.filter(|&k| k >= 1) else {
        return false;
    };
    let rest = &s[k + s[k..].chars().next().map_or(1, char::len_utf8)..];
    let mut buf = [0u8; 64];
    lower_into(rest, &mut buf).is_some_and(|l| words.iter().any(|w| l == w.as_bytes()))
}

/// Round 11: a title glued to an elided article ("L'avvocato Marco Bergamo"): the title's
/// evidence for the name after it, where the place list took the surname.
pub(crate) fn elided_title(ctx: &Ctx<'_>, j: usize) -> bool {
    elided_in(ctx, j, super::lexicon::TITLES)
}

/// Phrases of nearness or of an area that end right before the town ("dalle parti di X",
/// "a due passi da X", "in zona X", "nelle vicinanze di X").
const NEAR_PHRASES: &[&str] = &[
    "dalle parti di",
    "due passi da",
    "in zona",
    "nelle vicinanze di",
    "nei dintorni di",
    "nas proximidades de",
    "aux alentours de",
    "in de omgeving van",
    // Events somewhere ("L'evento si svolge a X", "Het evenement vindt plaats in X").
    "si svolge a",
    "si svolge in",
    "si svolgerà a",
    "vindt plaats in",
    "a lieu à",
    "ont lieu à",
    "aura lieu à",
    "tiene lugar en",
    "decorre em",
    "takes place in",
    "findet in",
];

/// Rooms of a building: an event "a Sala Verde", "in Zaal Oost" is in a room, not a town.
const ROOMS: &[&str] = &[
    // Round 7: absences written capitalised ("Sono in Ferie", "Estou de Férias", "Je suis en
    // Congé", "Ik ben met Verlof").
    "ferie",
    "férias",
    "congé",
    "congés",
    "verlof",
    "sala",
    "salle",
    "zaal",
    "room",
    "aula",
    "auditorium",
    "auditório",
    "auditorio",
    "saal",
    "raum",
    "hall",
    // Round 10: in a meeting ("Sono in Riunione", "Estou em Reunião", "Je suis en Réunion").
    "riunione",
    "reunião",
    "réunion",
    "vergadering",
    "overleg",
    // Round 14 (places15): holidays, God and fields of study after a place preposition ("a
    // Natale", "à Pâques", "grazie a Dio", "laureata in Economia", "inscrito em Medicina").
    // Not "Natal": a Brazilian city as often as Christmas.
    "natale",
    "pasqua",
    "ferragosto",
    "capodanno",
    "noël",
    "pâques",
    "dio",
    "deus",
    "dieu",
    "economia",
    "medicina",
    "ingegneria",
];

/// Words after which a capitalised word is a town or a person as often: a customer "of X",
/// sending "to X", seeing each other "at X" ("Il cliente di Acquaficara", "Potete spedire a
/// Minozzo", "Ci vediamo a Vanga"; "il cliente di Marco", "Ci vediamo a Natale"). They
/// count only when the town's first word is no first name, or is a place too.
const GUARDED_CUES: &[&str] = &[
    "cliente",
    "clienti",
    "client",
    "clients",
    "klant",
    "klanten",
    "customer",
    "customers",
    "spedire",
    "spedite",
    "spedisci",
    "inviare",
    "enviar",
    "envie",
    "livrer",
    "livrez",
    "vediamo",
];

/// French `habiter` takes the town without a preposition ("Il habite Ploërmel",
/// "J'habite Lyon").
const HABITER: &[&str] = &[
    "habite", "habites", "habitons", "habitez", "habitent", "habitait",
];

/// Words for "between" in the eight languages, and for the "and" of the pair after them.
const BETWEEN: &[&str] = &[
    "between",
    "zwischen",
    "entre",
    "tra",
    "fra",
    "tussen",
    "między",
    "pomiędzy",
];
const PAIR_AND: &[&str] = &["and", "und", "et", "e", "y", "en", "i"];
/// Words of distance or a journey that make "between X and Y" two places ("40 km entre X et
/// Y", "De afstand tussen X en Y", "The drive between X and Y").
const DISTANCE_WORDS: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "kilometer",
    "chilometri",
    "quilómetros",
    "quilômetros",
    "kilómetros",
    "miles",
    "afstand",
    "distance",
    "distanza",
    "distância",
    "distancia",
    "entfernung",
    "drive",
    "ride",
    "minuti",
    "minutos",
    "minuten",
    "minutes",
];

/// Lower-case words inside a town's name ("Vale de Cambra", "Wijk bij Duurstede", "Bergen op
/// Zoom", "Tull en 't Waal").
const TOWN_PARTICLES: &[&str] = &[
    "de", "do", "da", "di", "del", "dos", "das", "la", "le", "sur", "bij", "op", "aan", "den",
    "en", "sul", "al", "am", "an", "der",
    // Round 7: Italian particles with their article ("Isola delle Femmine", "Sant'Andrea
    // Apostolo dello Ionio").
    "della", "dello", "delle", "dei", "degli", "sulla", "nel",
];

/// The run at `start` is one of the two places of "between X and Y" ("Tra Paduli e Diano",
/// "Fica entre Valpaços e Alcobaça", "De afstand tussen Ommen en Lennik", "Wir wohnen
/// zwischen Viechtach und Ebermannstadt") when a verb of living or travel comes before the
/// "between" or a word of distance stands near the pair: "between Linux and Windows" is no
/// place. A first name that is no place and no town's head is left to the person rules
/// ("between Anna and Marco").
pub(crate) fn between_pair(ctx: &Ctx<'_>, start: usize) -> bool {
    use super::lexicon::TOWN_HEADS;
    let Some(p) = start.checked_sub(1) else {
        return false;
    };
    if ctx.toks[start].newline_before || ctx.toks[p].kind != Kind::Word {
        return false;
    }
    // The word before first: a "between" or an "and" rules out nearly every run.
    if !(ctx.word_in(p, BETWEEN) || (ctx.toks[p].case == Case::Lower && ctx.word_in(p, PAIR_AND))) {
        return false;
    }
    let f = ctx.flags[start];
    if f & FIRST != 0
        && f & PLACE == 0
        && !ctx.word_in(start, TOWN_HEADS)
        && !more_town_head(ctx, start)
    {
        return false;
    }
    // Walks over a town's words (capitalised words, particles, apostrophes, hyphens) from
    // `k` in steps of `step`, at most six tokens; returns the first token past them.
    let walk = |mut k: usize, back: bool| -> Option<usize> {
        for _ in 0..6 {
            let t = ctx.toks.get(k)?;
            if t.newline_before && !back {
                return None;
            }
            let inner = (t.kind == Kind::Word
                && (t.case != Case::Lower
                    || (ctx.word_in(k, TOWN_PARTICLES) && !ctx.word_in(k, PAIR_AND))))
                || t.is('\'')
                || t.is('’')
                || t.is('-');
            if !inner {
                return Some(k);
            }
            if back {
                if t.newline_before {
                    return None;
                }
                k = k.checked_sub(1)?;
            } else {
                k += 1;
            }
        }
        None
    };
    let between = if ctx.word_in(p, BETWEEN)
        && (ctx.toks[p].case == Case::Lower || ctx.sentence_start(p))
    {
        // The first place: its "and" and a capitalised word follow.
        let a = walk(start + 1, false);
        let paired = a.is_some_and(|a| {
            ctx.toks[a].case == Case::Lower
                && ctx.word_in(a, PAIR_AND)
                && ctx
                    .toks
                    .get(a + 1)
                    .is_some_and(|t| !t.newline_before && t.capitalised())
        });
        paired.then_some(p)
    } else if ctx.toks[p].case == Case::Lower && ctx.word_in(p, PAIR_AND) && p > 0 {
        // The second place: walk back over the first to its "between".
        walk(p - 1, true)
            .filter(|&b| b + 1 < p && ctx.word_in(b, BETWEEN) && !ctx.toks[b + 1].newline_before)
    } else {
        None
    };
    let Some(b) = between else {
        return false;
    };
    if b > 0 && verb_before(ctx, b - 1) {
        return true;
    }
    let line_end = (b..ctx.toks.len().min(b + 20))
        .find(|&k| k > b && ctx.toks[k].newline_before)
        .unwrap_or(ctx.toks.len().min(b + 20));
    (b.saturating_sub(4)..line_end).any(|k| {
        ctx.toks[k].kind == Kind::Word
            && ctx.toks[k].case == Case::Lower
            && ctx.word_in(k, DISTANCE_WORDS)
    })
}

/// Run words `words` open with a cue that was read as part of the run: "Tra Paduli e
/// Diano" (a capitalised "between" opening the sentence), "L'ufficio di Villapiana",
/// "Comune di Settime" (premises or a noun for a town, then a particle), "Gemeente Ommel".
/// Returns the index of the town's first word and, for a pair, where the second town starts
/// and the first ends ("Tra X e Y": the "and" was read as a particle).
pub(crate) fn lead_cue(ctx: &Ctx<'_>, words: &[usize]) -> Option<(usize, usize, Option<usize>)> {
    if words.len() < 2 {
        return None;
    }
    let w0 = words[0];
    // Premises or a noun for a town, maybe after an article opening the sentence, then a
    // particle: "L'ufficio di X", "Il Comune di X", "A Câmara Municipal de X".
    let premises_at = |m: usize| {
        m + 2 < words.len()
            && ctx.toks[words[m + 1]].case == Case::Lower
            && ctx.word_in(words[m + 1], &["di", "de", "da", "do", "van"])
            && (ctx.word_in(words[m], PREMISES)
                || elided_in(ctx, words[m], PREMISES)
                || (m > 0 && ctx.word_in(words[m], INSTITUTIONS))
                || facility(ctx, words[m])
                || ctx.word_in(
                    words[m],
                    &[
                        "comune",
                        "concelho",
                        "município",
                        "commune",
                        "gemeente",
                        // Round 13: a parish on a Portuguese record ("Freguesia de X,
                        // concelho de Y"), a town's postal code ("il CAP di X").
                        "freguesia",
                        "cap",
                    ],
                ))
    };
    let article = || {
        ctx.word_in(
            w0,
            &["il", "la", "le", "o", "a", "de", "het", "the", "lo", "el"],
        )
    };
    // Round 10: a branch opening a line of its own, as signatures write it ("Vestiging
    // Akersloot", "Delegação de Freamunde"): the town closes the line.
    let branch = ctx.toks[w0].newline_before
        && w0 > 0
        && ctx.word_in(w0, BRANCH_NOUNS)
        && ctx
            .toks
            .get(words[words.len() - 1] + 1)
            .is_none_or(|t| t.newline_before)
        && signer_at(ctx, w0 - 1);
    let branch_of = branch
        && words.len() > 2
        && ctx.toks[words[1]].case == Case::Lower
        && ctx.word_in(words[1], &["de", "di", "da", "do", "van"]);
    let k = if between_pair(ctx, words[1])
        || place_noun_before(ctx, words[1])
        || (branch && ctx.toks[words[1]].case == Case::Title)
    {
        1
    } else if branch_of || premises_at(0) {
        2
    } else if premises_at(1) && (article() || ctx.word_in(words[1], INSTITUTIONS)) {
        3
    } else if premises_at(2) && article() {
        4
    } else {
        return None;
    };

    // "Tra X e Y": the pair's "and" inside the run.
    let and = (k + 1..words.len())
        .find(|&m| ctx.toks[words[m]].case == Case::Lower && ctx.word_in(words[m], PAIR_AND));
    match and {
        Some(m) if m + 1 < words.len() && k == 1 && ctx.word_in(w0, BETWEEN) => {
            Some((k, m - 1, Some(m + 1)))
        }
        _ => Some((k, words.len() - 1, None)),
    }
}

/// Words for "one" or "the other" between the "and" and the preposition of a second town
/// ("un negozio a X e uno a Y", "uma loja em X e outra em Y").
const ONE_MORE: &[&str] = &[
    "uno", "una", "altro", "altra", "one", "another", "un", "une", "autre", "outro", "outra",
    "otro", "otra", "een", "ander", "andere", "einen", "eine", "poi", "depois", "puis", "daarna",
    "then", "dann", "después", "luego", "later", "dopo",
];

/// Token `p`, a preposition, opens the second town of a list whose first town a verb or a
/// noun of living, working or travel introduced: "Abbiamo un negozio a Gomagoi e uno a
/// Pontecorvo", "I've lived in Leeds and in Ripon", "filiali a Lecco, a Erba e a Cantù".
fn coordinated_town(ctx: &Ctx<'_>, p: usize, depth: u8) -> bool {
    if depth == 0 {
        return false;
    }
    let mut j = p;
    // "e uno a", ", a", "puis à", "e depois em", "en daarna in"
    let mut joined = false;
    for _ in 0..3 {
        let Some(k) = j.checked_sub(1) else {
            return false;
        };
        if ctx.toks[j].newline_before {
            return false;
        }
        let t = &ctx.toks[k];
        if t.is(',') || (t.case == Case::Lower && ctx.word_in(k, PAIR_AND)) {
            joined = true;
        } else if t.case == Case::Lower && ctx.word_in(k, ONE_MORE) {
            joined |= ctx.word_in(
                k,
                &[
                    "poi", "depois", "puis", "daarna", "then", "dann", "después", "luego", "later",
                    "dopo",
                ],
            );
        } else {
            break;
        }
        j = k;
    }
    if !joined || j == p {
        return false;
    }
    // `j` is the first joining word: the first town ends right before it, or before the
    // participle after it ("in Rumpt gewoond en daarna in Attert").
    let Some(mut end) = j.checked_sub(1) else {
        return false;
    };
    // A participle after the first town is its cue.
    let participle =
        end > 0 && ctx.toks[end].case == Case::Lower && ctx.word_in(end, TOWN_VERBS_AFTER);
    if participle {
        end -= 1;
    }
    if !ctx.toks[end].capitalised() || ctx.toks[j].newline_before {
        return false;
    }
    // Walk back over the first town's words to its preposition, the same word as `p`.
    let mut k = end;
    for _ in 0..5 {
        if k == 0 || ctx.toks[k].newline_before {
            return false;
        }
        k -= 1;
        let t = &ctx.toks[k];
        if t.kind != Kind::Word {
            if t.is('\'') || t.is('’') || t.is('-') {
                continue;
            }
            return false;
        }
        if t.case == Case::Lower {
            if tokenize_eq(ctx, k, p) {
                // The first town's own cue, or it is a later item of the same list ("in X,
                // in Y en in Z").
                return participle
                    || (k > 0 && verb_before(ctx, k - 1))
                    || coordinated_town(ctx, k, depth - 1);
            }
            if !ctx.word_in(k, TOWN_PARTICLES) {
                return false;
            }
        }
    }
    false
}

/// Tokens `a` and `b` are the same word, ignoring case.
fn tokenize_eq(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    ctx.s(a).eq_ignore_ascii_case(ctx.s(b))
}

/// Nouns for one's town before a copula ("Il mio paese è X", "My hometown is X", "Mijn
/// woonplaats is X", "A minha terra é X").
const HOME_NOUNS: &[&str] = &[
    "hometown",
    "paese",
    "città",
    "cidade",
    "terra",
    "woonplaats",
    "geboorteplaats",
    "ville",
    "village",
    "heimatstadt",
    "heimatort",
    "wohnort",
    "pueblo",
    "ciudad",
    "miasto",
    "miejscowość",
];

/// The run at `start` follows "my hometown is", "il mio paese è", "ma ville natale est": a
/// possessive, a noun for one's town, maybe an adjective, and a copula.
pub(crate) fn home_noun_is(ctx: &Ctx<'_>, start: usize) -> bool {
    if start < 3 || ctx.toks[start].newline_before {
        return false;
    }
    let c = start - 1;
    if ctx.toks[c].case != Case::Lower
        || !ctx.word_in(
            c,
            &["is", "è", "é", "est", "es", "ist", "jest", "was", "era"],
        )
    {
        return false;
    }
    let possessive = |k: usize| {
        ctx.word_in(
            k,
            &[
                "my", "mio", "mia", "minha", "meu", "mijn", "ma", "mon", "mi", "mein", "meine",
                "our", "nostro", "nostra", "onze",
            ],
        )
    };
    // "ma ville natale est", "il mio paese natale è": one adjective may stand between.
    (1..=2).any(|d| {
        let n = c - d;
        n >= 1
            && ctx.toks[n].case == Case::Lower
            && ctx.toks[n + 1].case == Case::Lower
            && ctx.word_in(n, HOME_NOUNS)
            && possessive(n - 1)
    })
}

/// The run ending at `end` opens a sentence that says it is one's town: "San Gimignano è il
/// paese dove sono cresciuto", "Fiães é a terra onde cresci", "Den Bosch is het dorp waar
/// ik ben opgegroeid", "X est le village où j'ai grandi".
pub(crate) fn home_noun_after(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let same = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| !t.newline_before && t.case == Case::Lower)
    };
    // The copula after the run first: most runs are followed by something else.
    let copula = same(end + 1)
        && ctx.word_in(
            end + 1,
            &["è", "é", "is", "est", "es", "ist", "jest", "was", "era"],
        );
    if !copula || !ctx.sentence_start(start) {
        return false;
    }
    (end + 4..ctx.toks.len().min(end + 6)).any(|w| {
        same(w)
            && ctx.word_in(
                w,
                &[
                    "dove", "onde", "waar", "où", "where", "wo", "donde", "gdzie",
                ],
            )
    }) && same(end + 1)
        && ctx.word_in(
            end + 1,
            &["è", "é", "is", "est", "es", "ist", "jest", "was", "era"],
        )
        && (same(end + 2) && same(end + 3))
        && (ctx.word_in(end + 3, HOME_NOUNS)
            || ctx.word_in(
                end + 3,
                &["dorp", "stad", "town", "city", "vila", "aldeia", "cidade"],
            ))
}

/// Prepositions of place that Italian, Portuguese, French and Dutch put before a town
/// ([`bare_town`]).
const BARE_PREPOSITIONS: &[&str] = &["a", "à", "em", "in", "naar", "uit", "te", "nel", "ad"];

/// Words of Italian, Portuguese, French and Dutch (none of them English, German or Spanish)
/// by which people speak of themselves and their own: a sentence with one is about someone's
/// life, not a manual's ("Ho comprato casa a X", "Mio fratello insegna a X", "Ik heb in X
/// gestudeerd"; "Het bestand zit in Downloads" has none).
const PERSONAL_WORDS: &[&str] = &[
    // Round 13: "Stiamo cercando casa a X", "Sto andando a X", "Mi trovo a X".
    "stiamo",
    "sto",
    "mi",
    "io",
    "mio",
    "mia",
    "miei",
    "mie",
    "ho",
    "abbiamo",
    "siamo",
    "noi",
    "nostro",
    "nostra",
    "nostri",
    "fratello",
    "sorella",
    "madre",
    "padre",
    "nonni",
    "figlio",
    "figlia",
    "moglie",
    "marito",
    "amici",
    "eu",
    "meu",
    "minha",
    "meus",
    "minhas",
    "nós",
    "nosso",
    "nossa",
    "fui",
    "fiz",
    "estou",
    "sou",
    "tenho",
    "temos",
    "irmão",
    "irmã",
    "mãe",
    "pai",
    "avós",
    "filho",
    "filha",
    "amigos",
    "ik",
    "mijn",
    "wij",
    "ons",
    "onze",
    "heb",
    "hebben",
    "ben",
    "broer",
    "zus",
    "moeder",
    "vader",
    "ouders",
    "grootouders",
    "zoon",
    "dochter",
    "vrienden",
    // Round 7: asking for a shop or a doctor somewhere ("Qualcuno conosce un buon meccanico
    // a X?", "Alguém conhece um bom dentista em X?", "Weet iemand een goede garage in X?").
    "qualcuno",
    "conosci",
    "conheces",
    "consigliate",
    "alguém",
    "recomendar",
    "iemand",
    "aanraden",
    "connaît",
    "conseiller",
    "je",
    "mon",
    "ma",
    "mes",
    "nous",
    "notre",
    "nos",
    "suis",
    "ai",
    "frère",
    "sœur",
    "mère",
    "père",
    "parents",
    "grands-parents",
    "fils",
    "fille",
    "femme",
    "mari",
    "amis",
];

/// Verbs of writing, sending or calling to someone: the capitalised word after them and a
/// preposition is a recipient, a company or a person ("Ho scritto a Esselunga", "Ik heb
/// gebeld naar Ziggo", "J'ai écrit à Darty"), not a town.
const RECIPIENT_VERBS: &[&str] = &[
    "scritto",
    "mandato",
    "inviato",
    "chiesto",
    "telefonato",
    "risposto",
    "scrivo",
    "mando",
    "escrevi",
    "enviei",
    "mandei",
    "liguei",
    "telefonei",
    "perguntei",
    "escrevo",
    "gebeld",
    "geschreven",
    "gemaild",
    "gestuurd",
    "gevraagd",
    "bellen",
    "mailen",
    "écrit",
    "envoyé",
    "téléphoné",
    "demandé",
    "répondu",
    "écris",
    "envoie",
];

/// English, German and Spanish function words (none of them Dutch, Italian, Portuguese or
/// French): one of them near a run says the sentence is in another language ("in Markdown",
/// "to Kubernetes", German nouns after "in": "die Größe in Kilobyte", "nicht in Ruhe
/// lassen"; Spanish, whose towns the other rules read).
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "you", "your", "for", "with", "this", "that", "it", "be", "by",
    "from", "or", "can", "will", "not", "are", "has", "have", "my", "our", "their", "if", "when",
    "which", "use", "using", "und", "nicht", "sie", "ist", "mit", "sich", "auf", "wenn", "werden",
    "wird", "oder", "auch", "der", "das", "dem", "ein", "eine", "zu", "zeigt", "bei", "el", "los",
    "las", "y", "pero", "muy",
];

/// Names of languages, capitalised by some translators ("in Inglese Americano", "em
/// Português", "naar Engels").
const LANGUAGE_NAMES: &[&str] = &[
    "inglese",
    "italiano",
    "francese",
    "tedesco",
    "spagnolo",
    "portoghese",
    "olandese",
    "americano",
    "britannico",
    "inglês",
    "português",
    "francês",
    "alemão",
    "espanhol",
    "holandês",
    "anglais",
    "français",
    "allemand",
    "espagnol",
    "italien",
    "portugais",
    "néerlandais",
    "engels",
    "nederlands",
    "duits",
    "frans",
    "spaans",
    "italiaans",
    "portugees",
];

/// The run `start..=end` of words no list knows follows a place preposition in a sentence
/// written in Italian, Portuguese, French or Dutch about someone's own life, and ends the
/// clause: a town ("Mio fratello insegna a Montefiorino", "Ik heb in Rekkem gestudeerd.").
/// Those languages write their nouns in lower case, so a capitalised word there is a name,
/// and after these prepositions mostly a place's; a manual's folders and menus ("Het bestand
/// zit in Downloads") have no speaker. English, German and Spanish text, languages' names,
/// rooms, Dutch plural nouns and a button after "click on" are left out.
pub(crate) fn bare_town(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    bare_town_with(ctx, start, end, &[])
}

/// [`bare_town`], where the words of `more` count as the sentence's function words too.
fn bare_town_with(ctx: &Ctx<'_>, start: usize, end: usize, more: &'static [&'static str]) -> bool {
    if start < 2 || ctx.toks[start].newline_before || ctx.toks[start].case != Case::Title {
        return false;
    }
    let p = start - 1;
    if ctx.toks[p].case != Case::Lower
        || !ctx.role(p, PLACE_CUE)
        || !ctx.word_in(p, BARE_PREPOSITIONS)
    {
        return false;
    }
    // The clause ends after the run: punctuation, a lower-case word or the line's end.
    let closes = ctx.toks.get(end + 1).is_none_or(|t| {
        t.newline_before
            || (t.kind == Kind::Punct && !(t.glued && (t.is('.') || t.is('/') || t.is('_'))))
            || (t.kind == Kind::Word && t.case == Case::Lower)
            || (t.kind == Kind::Punct
                && t.is('.')
                && ctx
                    .toks
                    .get(end + 2)
                    .is_none_or(|n| !n.glued || n.newline_before))
    });
    if !closes
        || no_town_word(ctx, start)
        // "Ho mandato il curriculum a X": a recipient.
        || recipient_before(ctx, p)
    {
        return false;
    }
    // The sentence's language, read on the line around the run.
    let lo = start.saturating_sub(10);
    let hi = ctx.toks.len().min(end + 10);
    let mut romance = false;
    let mut function_words = 0;
    for k in lo..hi {
        let t = &ctx.toks[k];
        if k > start && t.newline_before {
            break;
        }
        if k < start && ctx.toks[k + 1].newline_before {
            romance = false;
            function_words = 0;
            continue;
        }
        if t.kind != Kind::Word || k == p || (start..=end).contains(&k) {
            continue;
        }
        if ctx.word_in(k, ENGLISH_WORDS) {
            return false;
        }
        romance = romance || ctx.word_in(k, PERSONAL_WORDS) || elided_in(ctx, k, &["ai"]);
        function_words += usize::from(
            t.case == Case::Lower && (ctx.word_in(k, ROMANCE_WORDS) || ctx.word_in(k, more)),
        );
    }
    // Round 7: with no speaker, the sentence must be plainly Italian, Portuguese or French
    // (two of their function words) and the preposition one of theirs for towns ("Il pacco
    // arriverà a Montanera entro martedì").
    romance
        || (function_words >= 2
            && ctx.word_in(p, &["a", "à", "em", "ad"])
            && !ctx.word_in(start, SETTING_VALUES))
        // Round 11: one word no list knows with an Italian or Portuguese town's ending after
        // `a`/`em` needs no function word ("Vendesi trilocale a Quintano, zona centrale",
        // "Ritiro disponibile a Malagnino da lunedì"); an English word on the line still
        // rules it out.
        || (start == end
            && ctx.word_in(p, &["a", "em", "ad"])
            && TOWN_ENDINGS.iter().any(|e| ctx.s(start).ends_with(e))
            && !ctx.word_in(start, SETTING_VALUES))
}

/// Token `start` follows a lower-case Portuguese `em` that no verb taking a person governs
/// ("pensei em Oliveira", "votei em Moreira", "confio em Pereira").
pub(crate) fn em_town(ctx: &Ctx<'_>, start: usize) -> bool {
    start >= 2
        && ctx.toks[start - 1].case == Case::Lower
        && ctx.word_in(start - 1, &["em"])
        && !ctx.word_in(
            start - 2,
            &[
                "pensei",
                "penso",
                "pensar",
                "pensando",
                "votei",
                "voto",
                "votar",
                "confio",
                "confiar",
                "acredito",
                "acreditar",
                "falei",
                "falar",
            ],
        )
}

/// Endings far more common among Italian and Portuguese towns than among the lists' first
/// names, surnames and words (counted on the gazetteer's towns of round 11): Concerviano,
/// Castellero, Bonavigo, Pannarano, Rosate, Bovegno, Sospirolo, Malagnino, Carvalhinho.
const TOWN_ENDINGS: &[&str] = &[
    "ano", "ello", "engo", "egno", "asco", "ago", "igo", "ate", "olo", "eto", "ino", "ero", "inho",
    "ães",
];

/// Dutch function words that English and German lack: two of them on the line say the
/// sentence is Dutch ([`dutch_town`]).
const DUTCH_WORDS: &[&str] = &[
    "het", "een", "ik", "mijn", "niet", "zou", "wordt", "worden", "ook", "maar", "om", "uur", "op",
    "voor", "met", "bij", "van", "te", "aan", "geen", "dorpje",
];

/// Token `start` is a button after "click on", a room, a language's name or a Dutch plural
/// noun of menus: no town after a bare preposition.
fn no_town_word(ctx: &Ctx<'_>, start: usize) -> bool {
    ui_target(ctx, start) || ctx.word_in(start, ROOMS) || ctx.word_in(start, LANGUAGE_NAMES) || {
        let mut buf = [0u8; 64];
        lower_into(ctx.s(start), &mut buf).is_some_and(dutch_ingen_noun)
    }
}

/// A verb of writing to or calling someone stands up to four tokens before the preposition
/// `p`, on its line ("Ho scritto a Esselunga", "Ik heb gebeld naar Ziggo"): a recipient.
fn recipient_before(ctx: &Ctx<'_>, p: usize) -> bool {
    (p.saturating_sub(4)..p).any(|k| {
        ctx.toks[k].case == Case::Lower
            && ctx.word_in(k, RECIPIENT_VERBS)
            && !ctx.toks[k + 1..=p].iter().any(|t| t.newline_before)
    })
}

/// Round 10: the run `start..=end` follows Dutch `te`, `uit`, `naar` or `vanuit` in a plainly
/// Dutch sentence (two of [`DUTCH_WORDS`], none of English or German): a town ("geboren te
/// Kolhorn", "Zending verzonden uit Stolpen", "gaan we naar De Woude?"). Dutch writes its
/// nouns in lower case, and none of these takes a capitalised word but a place's name in
/// prose; menus after "Ga naar" and "Terug naar" are buttons, -ingen plurals and rooms none.
pub(crate) fn dutch_town(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    if start < 2 || ctx.toks[start].newline_before || ctx.toks[start].case == Case::Upper {
        return false;
    }
    let p = start - 1;
    if ctx.toks[p].case != Case::Lower
        || !ctx.word_in(p, &["te", "uit", "naar", "vanuit", "in", "bij", "van"])
    {
        return false;
    }
    // "Ik heb gebeld naar Ziggo": a recipient.
    if recipient_before(ctx, p) || no_town_word(ctx, start) {
        return false;
    }
    // "uit Word naar het formulier": a common word (an English one, a product's name) alone
    // is no town unless the lists know it as a place too.
    let f = ctx.flags[start];
    if end == start && f & WORD != 0 && f & PLACE == 0 {
        return false;
    }
    // After "in", "bij" and "van", which English or German share or which introduce people,
    // the run must look like a town: a listed place that is no word, a hyphenated or
    // multi-word name, or a town's ending ("in Durgerdam", "vlak bij De Koog").
    if ctx.word_in(p, &["in", "bij", "van"]) {
        let f = ctx.flags[start];
        let looks = (f & PLACE != 0 && f & WORD == 0)
            || end > start
            || ctx.s(start).contains('-')
            || town_shape_at(ctx, start);
        if !looks {
            return false;
        }
    }
    if ctx.word_in(p, &["naar"]) && ctx.word_in(p - 1, &["ga", "gaat", "terug"]) {
        return false;
    }
    let lo = start.saturating_sub(12);
    let hi = ctx.toks.len().min(end + 12);
    let mut dutch = 0;
    for k in lo..hi {
        let t = &ctx.toks[k];
        if k > start && t.newline_before {
            break;
        }
        if k < start && ctx.toks[k + 1].newline_before {
            dutch = 0;
            continue;
        }
        if t.kind != Kind::Word || k == p || (start..=end).contains(&k) {
            continue;
        }
        if ctx.word_in(k, ENGLISH_WORDS) {
            return false;
        }
        dutch += usize::from(t.case == Case::Lower && ctx.word_in(k, DUTCH_WORDS));
    }
    // `te`, `uit`, `naar` and `vanuit` are Dutch words themselves: one more is enough.
    dutch
        >= if ctx.word_in(p, &["in", "bij", "van"]) {
            2
        } else {
            1
        }
}

/// Round 10: token `w` is a meeting or a room ([`ROOMS`]) written capitalised after
/// "in"/"em"/"en" ("Sono in Riunione", "Estou em Reunião", "Je suis en Réunion"): an absence,
/// though the gazetteer lists the island. Round 14: or a holiday after "à" ("à Pâques",
/// "grâce à Dieu").
pub(crate) fn in_a_meeting(ctx: &Ctx<'_>, w: usize) -> bool {
    w > 0
        && ctx.toks[w - 1].case == Case::Lower
        && ctx.word_in(w - 1, &["in", "em", "en", "à"])
        && ctx.word_in(w, ROOMS)
}

/// Values a setting is set to, capitalised in manuals ("impostato a Vero", "definido em
/// Branco", "mis à Faux").
const SETTING_VALUES: &[&str] = &[
    "vero",
    "falso",
    "verdadeiro",
    "vrai",
    "faux",
    "nullo",
    "nulo",
    "nul",
    "nessuno",
    "nenhum",
    "aucun",
    "automatico",
    "automático",
    "automatique",
    "predefinito",
    "padrão",
    "défaut",
    "branco",
    "bianco",
    "blanc",
    "zero",
    "sì",
    "sim",
    "oui",
    "non",
    "não",
    "attivo",
    "ativo",
    "actif",
    "disattivo",
    "inativo",
    "inactif",
    "acceso",
    "spento",
    "ligado",
    "desligado",
];

/// Function words of Italian, Portuguese and French that English, German and Spanish lack.
const ROMANCE_WORDS: &[&str] = &[
    "il", "che", "della", "delle", "degli", "del", "per", "è", "sono", "non", "ci", "questo",
    "questa", "alle", "dalla", "nella", "que", "não", "uma", "está", "com", "é", "os", "ao",
    "pelo", "pela", "le", "les", "est", "une", "pas", "avec", "pour", "cette", "sur", "du", "des",
    "au", "aux",
];

/// Verbs of writing: a town after them only with a preposition of origin ("Te escribo desde
/// X", "Vi scrivo da X", "Ik schrijf je vanuit X"); "writing in Rust" is a language.
const WRITING_VERBS: &[&str] = &[
    "writing", "write", "schreibe", "écris", "escribo", "scrivo", "schrijf", "escrevo", "piszę",
    // Coming back, only from somewhere ("terug uit X"; "Terug naar Start" is a button).
    "terug",
];

/// Token `p`, a preposition of origin, follows a verb of writing, maybe with a pronoun
/// between ("schrijf je vanuit").
fn written_from(ctx: &Ctx<'_>, p: usize) -> bool {
    if !ctx.word_in(
        p,
        &[
            "from", "aus", "da", "desde", "vanuit", "uit", "de", "z", "d",
        ],
    ) || p == 0
    {
        return false;
    }
    let v = p - 1;
    ctx.word_in(v, WRITING_VERBS)
        || (v > 0
            && ctx.word_in(
                v,
                &[
                    "je", "jullie", "you", "te", "vi", "ti", "vous", "lhe", "ihnen", "dir",
                ],
            )
            && ctx.word_in(v - 1, WRITING_VERBS))
}

/// Prepositions of origin that open a "from X to Y" pair.
const FROM_PREPOSITIONS: &[&str] = &["from", "da", "de", "van", "von", "desde", "uit", "aus", "d"];

/// Token `j`, right before a preposition of destination, ends a town that a verb of
/// travel introduced with a preposition of origin: "Il volo da Villabassa a X", "De trein
/// van Diphoorn naar X", "O voo de Vale de Cambra para X". The town's words are walked back
/// (capitalised words and lower-case particles, at most five) to that preposition.
fn from_town_before(ctx: &Ctx<'_>, j: usize) -> bool {
    if !ctx.toks[j].capitalised() || ctx.toks[j].newline_before {
        return false;
    }
    let mut k = j;
    for _ in 0..5 {
        if k == 0 || ctx.toks[k].newline_before {
            return false;
        }
        k -= 1;
        let t = &ctx.toks[k];
        if t.kind != Kind::Word {
            // "Sant'Elia": an apostrophe inside the town.
            if t.is('\'') || t.is('’') {
                continue;
            }
            return false;
        }
        if t.case == Case::Lower {
            if ctx.word_in(k, FROM_PREPOSITIONS) && k > 0 && verb_before(ctx, k - 1) {
                return true;
            }
            // "Vale de Cambra": a particle inside the town.
            if !ctx.word_in(
                k,
                &[
                    "de", "do", "da", "di", "del", "dos", "das", "la", "le", "sur",
                ],
            ) {
                return false;
            }
        }
    }
    false
}

/// Premises of a business right before the preposition ("our warehouse in X", "Unser Lager
/// in X", "notre entrepôt de X", "il magazzino di X", "nasz magazyn w X"): what follows is
/// where they are. Nouns that are also verbs or software words ("store", "branch") are left
/// out.
const PREMISES: &[&str] = &[
    "warehouse",
    "depot",
    "factory",
    "headquarters",
    "office",
    "offices",
    "clinic",
    "lager",
    "filiale",
    "büro",
    "niederlassung",
    "standort",
    "zentrale",
    "praxis",
    "klinik",
    "werk",
    "entrepôt",
    "dépôt",
    "bureau",
    "bureaux",
    "magasin",
    "usine",
    "siège",
    "agence",
    "succursale",
    "clinique",
    "almacén",
    "oficina",
    "oficinas",
    "tienda",
    "fábrica",
    "sede",
    "sucursal",
    "clínica",
    "depósito",
    // Round 6: premises in the plural ("Abbiamo sedi a X, a Y", "Temos lojas em X").
    "sedi",
    "negozi",
    "filiali",
    "lojas",
    "winkels",
    "magasins",
    "agences",
    "stores",
    "shops",
    // A business ("Ik werk bij een bedrijf in X", "un'azienda di X", "uma empresa de X").
    "bedrijf",
    "azienda",
    "empresa",
    "entreprise",
    "magazzino",
    "ufficio",
    "uffici",
    "negozio",
    "fabbrica",
    "stabilimento",
    "clinica",
    "magazijn",
    "kantoor",
    "winkel",
    "fabriek",
    "vestiging",
    "filiaal",
    "magazyn",
    "biuro",
    "sklep",
    "fabryka",
    "oddział",
    "siedziba",
    "armazém",
    "escritório",
    "loja",
    "filial",
];

/// Hospitals, schools and town halls ("all'ospedale di X", "na escola em X", "op school in
/// X", "la mairie de X", "Câmara Municipal de X"): in lower case, as a capitalised one names
/// the institution ("Colorado School of Mines"), except German nouns and after an article
/// opening a sentence ([`lead_cue`]).
const INSTITUTIONS: &[&str] = &[
    "ospedale",
    "hospital",
    "ziekenhuis",
    "hôpital",
    "krankenhaus",
    "scuola",
    "escola",
    "school",
    "école",
    "schule",
    "università",
    "universidade",
    "université",
    "universiteit",
    "mairie",
    "municipal",
    "gemeentehuis",
    "rathaus",
];

/// Round 10: facilities that name the town they serve with "of" ("il centro di smistamento
/// di X", "o tribunal da comarca de X", "het station van X", "le centre de tri de X", "la
/// zona industriale di X", "il Tribunale di X"): lower case, or capitalised after a
/// lower-case article ("il Tribunale di Como", "o Tribunal da Comarca de X").
const FACILITIES: &[&str] = &[
    "stazione",
    "estação",
    "gare",
    "station",
    "tribunale",
    "tribunal",
    "comarca",
    "rechtbank",
    "rechter",
    "ambulatorio",
    "polikliniek",
    "huisartsenpost",
    "saúde",
    "médical",
    "smistamento",
    "distribuição",
    "sorteercentrum",
    "tri",
    "postale",
    "poste",
    "postkantoor",
    "industriale",
    "industrial",
    "bedrijventerrein",
];

/// Token `j` is one of [`FACILITIES`] in lower case, or capitalised after a lower-case
/// article or fused preposition.
fn facility(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.toks[j].kind == Kind::Word
        && ctx.word_in(j, FACILITIES)
        && (ctx.toks[j].case == Case::Lower
            || (j > 0
                && ctx.toks[j - 1].case == Case::Lower
                && !ctx.toks[j].newline_before
                && ctx.word_in(
                    j - 1,
                    &[
                        "il", "lo", "la", "al", "del", "dal", "o", "a", "ao", "do", "da", "no",
                        "na", "le", "du", "au", "het", "de",
                    ],
                )))
}

/// Verbs of where something sits that files and menus sit too ("Het bestand zit in
/// Downloads", "O ficheiro fica em Documentos"): a town after them only when a person, a
/// business or a parcel is the subject ("Ik zit nu in X", "Het pakket ligt in X", "A sede fica
/// em X"), or the verb opens the sentence ("Fica entre X e Y").
const SITTING_VERBS: &[&str] = &["zit", "zitten", "ligt", "fica", "ficam"];

/// Dutch verbs of going that menus use too ("Ga naar Instellingen"): a town after them only
/// with a person as the subject ("We gaan dit weekend naar X"), never in the imperative.
const GOING_VERBS: &[&str] = &["ga", "gaan", "gaat"];

/// Verbs of looking for something: a town after them only with the thing sought between
/// ("Cerco casa a X"; "Cerco in Impostazioni", "Procuro no Google Maps" name no town).
const SEARCH_VERBS: &[&str] = &["cerco", "cerchiamo", "procuro", "procuramos"];

/// Subjects of [`SITTING_VERBS`] that a town can follow.
const SITTING_SUBJECTS: &[&str] = &[
    "ik",
    "we",
    "wij",
    "hij",
    "zij",
    "ze",
    "jij",
    "bedrijf",
    "kantoor",
    "pakket",
    "pakje",
    "zending",
    "bestelling",
    "huis",
    "winkel",
    "dorp",
    "sede",
    "loja",
    "casa",
    "escritório",
    "empresa",
    "armazém",
    "encomenda",
    "pacote",
    "aldeia",
    "quinta",
    "fábrica",
];

/// A subject of [`SITTING_VERBS`] is within the three words before token `j`.
fn sitting_subject_before(ctx: &Ctx<'_>, j: usize) -> bool {
    (j.saturating_sub(3)..j)
        .any(|k| !ctx.toks[k + 1].newline_before && ctx.word_in(k, SITTING_SUBJECTS))
}

/// English verbs of moving that software moves too ("the project moved to GitHub", "Move to
/// Settings"): a town after them only with a person as the subject.
const MOVE_VERBS: &[&str] = &["moved", "moving", "relocated", "relocating", "relocate"];

/// A person is the subject of the verb at `j`: a personal pronoun or a relative within the
/// three words before it ("we moved", "I'm moving", "my parents relocated").
fn person_before(ctx: &Ctx<'_>, j: usize) -> bool {
    (j.saturating_sub(3)..j).any(|k| {
        !ctx.toks[k + 1].newline_before
            && ctx.word_in(
                k,
                &[
                    "i",
                    "we",
                    "they",
                    "he",
                    "she",
                    "m",
                    "i'm",
                    "i’m",
                    "we're",
                    "we’re",
                    "we've",
                    "we’ve",
                    "i've",
                    "i’ve",
                    "they're",
                    "they’re",
                    "family",
                    "parents",
                    "wife",
                    "husband",
                    "sister",
                    "brother",
                    "son",
                    "daughter",
                    "mother",
                    "father",
                    "mom",
                    "dad",
                ],
            )
    })
}

/// Nouns after which a listed place is a product or setting's name ("in Delta mode", "Enable
/// Phoenix support", "the Quebec section").
const TECH_NOUNS: &[&str] = &[
    "mode",
    "modes",
    "support",
    "section",
    "file",
    "files",
    "format",
    "driver",
    "drivers",
    "plugin",
    "plugins",
    "module",
    "modules",
    "package",
    "packages",
    "library",
    "crate",
    "server",
    "client",
    "api",
    "version",
    "release",
    "build",
    "type",
    "style",
    "theme",
    "edition",
    "engine",
    "backend",
    "project",
    "framework",
    "compiler",
    "runtime",
    "syntax",
    "option",
    "options",
    "setting",
    "settings",
    "code",
    "key",
    "layout",
    "font",
    "encoding",
    "codec",
    "protocol",
    "extension",
    "tool",
    "app",
    "command",
    "script",
    "shell",
    "terminal",
    "button",
    "menu",
    "tab",
    "panel",
    "widget",
    "config",
    "profile",
    "cluster",
    "instance",
    "container",
    "image",
    "repository",
    "repo",
    "branch",
    "flag",
    "parameter",
    "value",
    // Round 11: algorithms named after people ("Montgomery squaring", "Montgomery curve").
    "squaring",
    "multiplication",
    "reduction",
    "curve",
    "algorithm",
];

/// A lower-case technical noun follows the place ending at `end` on the same line.
pub(crate) fn tech_noun_after(ctx: &Ctx<'_>, end: usize) -> bool {
    ctx.toks.get(end + 1).is_some_and(|t| {
        t.kind == Kind::Word && t.case == Case::Lower && !t.newline_before && !t.glued
    }) && ctx.word_in(end + 1, TECH_NOUNS)
}

/// Forms of "to be" among [`TOWN_VERBS`], and "originally": a town only right after them
/// ("sono di X" is a town, "sono parecchi ... a X" is not; round 11: "originally derived
/// from Paul Sheer's code" is no origin).
const COPULAS: &[&str] = &[
    "soy",
    "somos",
    "sono",
    "siamo",
    "sou",
    "jestem",
    "suis",
    "sommes",
    "originally",
];

/// The run of capitalised words `start..=end` follows a town preposition that a verb of
/// residence, work or travel governs, or sits between `nach`/`naar` and a participle of
/// moving: it names a town whatever the lists say. A click verb before the preposition makes
/// it a button ("Clique em Guardar").
pub(crate) fn verb_cued(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    if start < 2 || ctx.toks[start].newline_before {
        return false;
    }
    let mut p = start - 1;
    // "Il habite Ploërmel", "J'habite Lyon": no preposition.
    // One byte rules out nearly every word before a run.
    let habiter = match ctx.s(p).as_bytes().first() {
        Some(b'h') => ctx.word_in(p, HABITER),
        Some(b'J' | b'j') => elided_in(ctx, p, HABITER),
        _ => false,
    };
    if habiter {
        return true;
    }
    // `d'Italie`: the apostrophe after the elided preposition.
    if (ctx.punct(p, '\'') || ctx.punct(p, '’')) && ctx.toks[start].glued {
        p -= 1;
    }
    // Most prepositions carry the place-cue role: one bit test first.
    let preposition = ctx.toks[p].case == Case::Lower && ctx.word_in(p, TOWN_PREPOSITIONS);
    if !preposition || p == 0 {
        return false;
    }
    if ui_target(ctx, start) || ctx.word_in(start, ROOMS) || at_premises(ctx, p, start) {
        return false;
    }
    let guarded = || {
        // The town's first word: a first name that is no place leaves it to the person rules.
        let f = ctx.flags[start];
        (f & FIRST == 0 || f & PLACE != 0)
            && (1..=2).any(|d| {
                p >= d
                    && ctx.toks[p - d].case == Case::Lower
                    && ctx.word_in(p - d, GUARDED_CUES)
                    && !ctx.toks[p - d + 1].newline_before
            })
    };
    if verb_before(ctx, p - 1)
        || written_from(ctx, p)
        || shipped_from(ctx, p)
        || coordinated_town(ctx, p, 3)
        || guarded()
        || NEAR_PHRASES
            .iter()
            .any(|ph| ctx.phrase_ends_at(p, ph).is_some())
    {
        return true;
    }
    // "nach Bruck an der Leitha gezogen": the town's river comes before the participle.
    let end = german_town_tail(ctx, end);
    ctx.word_in(p, &["nach", "naar", "in", "aus", "uit"])
        && ctx.toks.get(end + 1).is_some_and(|t| !t.newline_before)
        && (ctx.word_in(end + 1, TOWN_VERBS_AFTER)
            // "in X op vakantie"
            || (ctx.word_in(end + 1, &["op"]) && ctx.word_in(end + 2, &["vakantie"])))
}

/// Round 15 (italian16): Italian verbs of working and staying: "da" after them is "at the
/// premises of" a company or a person ("Lavoro da Ferrero", "lavora da Luxottica", "abito da
/// Bianchi"), never "from" a town.
const STAYING_VERBS: &[&str] = &[
    "lavoro",
    "lavora",
    "lavori",
    "lavoriamo",
    "lavorano",
    "lavorare",
    "lavorato",
    "lavoravo",
    "lavorava",
    "abito",
    "abita",
    "dormo",
    "resto",
];

/// Round 15 (italian16): the run at `start` follows Italian "da" (token `p`) right after a
/// verb of [`STAYING_VERBS`] and is not a place of the lists that is no name: a company or a
/// person's premises ("Lavoro da Ferrero"), where "Lavoro da Milano" is still a town.
fn at_premises(ctx: &Ctx<'_>, p: usize, start: usize) -> bool {
    ctx.word_in(p, &["da"])
        && ctx.flags[start] & (PLACE | FIRST | LAST) != PLACE
        && p > 0
        && ctx.word_in(p - 1, STAYING_VERBS)
}

/// A verb of living, working or travelling opens the sentence at `verb` and the preposition
/// after it (`prep`) was read as a name particle ("Sono di Marcusland", "Soy de Mendoza").
pub(crate) fn verb_led(ctx: &Ctx<'_>, verb: usize, prep: usize) -> bool {
    prep == verb + 1
        // "Estou de Férias": an absence, not a place.
        && !ctx.word_in(prep + 1, ROOMS)
        && ctx.toks[prep].case == Case::Lower
        && ctx.sentence_start(verb)
        && ctx.word_in(prep, TOWN_PREPOSITIONS)
        && (ctx.word_in(verb, TOWN_VERBS) || ctx.word_in(verb, TRAVEL_NOUNS))
        // "Lavoro da Ferrero": at a company's.
        && !at_premises(ctx, prep, prep + 1)
}

/// Token `start` follows "click on"/"clique em"/"klik op", maybe after another button
/// ("Clique em Adicionar e depois em Guardar"): a button, not a place.
pub(crate) fn ui_target(ctx: &Ctx<'_>, start: usize) -> bool {
    let mut j = start;
    for _ in 0..6 {
        if j == 0 || ctx.toks[j].newline_before {
            return false;
        }
        j -= 1;
        let t = &ctx.toks[j];
        if t.kind == Kind::Punct && !t.is(',') {
            return false;
        }
        if t.kind == Kind::Word && ctx.word_in(j, CLICK_VERBS) {
            return true;
        }
    }
    false
}

/// Dutch plural nouns in `-ingen` that menus and documentation capitalise ("Ga naar
/// Instellingen", "Het staat in Meldingen"): a town's ending (Groningen, Göttingen) on a word
/// that is none.
const DUTCH_INGEN_NOUNS: &[&str] = &[
    "instellingen",
    "meldingen",
    "wijzigingen",
    "verbindingen",
    "oplossingen",
    "toepassingen",
    "afbeeldingen",
    "beperkingen",
    "vermeldingen",
    "berekeningen",
    "rekeningen",
    "bestellingen",
    "ontwikkelingen",
    "uitbreidingen",
    "koppelingen",
    "opmerkingen",
    "vergaderingen",
    "aanbevelingen",
    "regelingen",
    "voorzieningen",
    "verbeteringen",
    "aanpassingen",
    "herinneringen",
    "betalingen",
    "leveringen",
    "bewerkingen",
    "vertalingen",
    "inschrijvingen",
];

/// A lower-cased word is a Dutch plural noun with a town's ending (see [`DUTCH_INGEN_NOUNS`]).
pub(crate) fn dutch_ingen_noun(low: &[u8]) -> bool {
    low.ends_with(b"ingen") && DUTCH_INGEN_NOUNS.iter().any(|w| low == w.as_bytes())
}

/// A lower-cased word ends like a town ("Calwick", "Veldhoven") beyond the lexicon's endings.
pub(crate) fn more_town_ending(low: &[u8]) -> bool {
    MORE_TOWN_ENDINGS
        .iter()
        .any(|e| low.len() > e.len() + 2 && low.ends_with(e.as_bytes()))
}

/// Token `w` opens a town's name beyond the lexicon's heads ("Castel Saro", "Vila Barsal").
pub(crate) fn more_town_head(ctx: &Ctx<'_>, w: usize) -> bool {
    ctx.toks[w].case == Case::Title && ctx.word_in(w, MORE_TOWN_HEADS)
}

/// Polish locative endings (after `w`/`we`) and the nominative endings they come from:
/// "Warszawie" → "Warszawa", "Krakowie" → "Kraków", "Gdańsku" → "Gdańsk", "Poznaniu" →
/// "Poznań", "Katowicach" → "Katowice", "Iławie" → "Iława", "Markach" → "Marki".
const POLISH_LOCATIVES: &[(&str, &str)] = &[
    ("owie", "ów"),
    ("owie", "owo"),
    ("ewie", "ewo"),
    ("icach", "ice"),
    ("ycach", "yce"),
    ("ach", "y"),
    ("ach", "i"),
    ("niu", "ń"),
    ("iu", ""),
    ("ku", "k"),
    ("sku", "sk"),
    ("cu", "c"),
    ("wie", "wa"),
    ("ce", "ka"),
    ("dze", "ga"),
    ("le", "ła"),
    ("rze", "ra"),
    ("rze", "r"),
    ("nie", "na"),
    ("nie", "n"),
    ("cie", "ta"),
    ("dzie", "da"),
    ("sie", "sa"),
    ("bie", "ba"),
    ("pie", "pa"),
    ("mie", "ma"),
    ("li", "la"),
    ("inie", "in"),
    ("ie", ""),
    ("u", ""),
];

/// Endings of a Polish locative that are a town's whatever the lists say ("w Katowicach",
/// "w Tarnowie": no noun a technical text puts after `w` ends so).
const POLISH_TOWN_LOCATIVES: &[&str] = &["owie", "ewie", "icach", "ycach"];

/// Token `w`, an unknown title-case word after `w`/`we`, is the locative of a town: a listed
/// town (neither a name nor a word) once the ending is undone, or a locative ending only towns
/// have.
#[cold]
#[inline(never)]
pub(crate) fn polish_locative(ctx: &Ctx<'_>, g: &Gazetteer, w: usize) -> bool {
    ctx.toks[w].case == Case::Title && locative_form(ctx, g, w)
}

/// [`polish_locative`] whatever the word's case (round 8: "mieszkam w krakowie").
fn locative_form(ctx: &Ctx<'_>, g: &Gazetteer, w: usize) -> bool {
    if w == 0 || !ctx.word_in(w - 1, &["w", "we"]) {
        return false;
    }
    let mut buf = [0u8; 64];
    let Some(low) = lower_into(ctx.s(w), &mut buf) else {
        return false;
    };
    if POLISH_TOWN_LOCATIVES
        .iter()
        .any(|e| low.len() > e.len() + 2 && low.ends_with(e.as_bytes()))
    {
        return true;
    }
    let mut key = [0u8; 64];
    for (form, nom) in POLISH_LOCATIVES {
        let (form, nom) = (form.as_bytes(), nom.as_bytes());
        if low.len() < form.len() + 3 || !low.ends_with(form) {
            continue;
        }
        let stem = low.len() - form.len();
        let n = stem + nom.len();
        if n > key.len() {
            continue;
        }
        key[..stem].copy_from_slice(&low[..stem]);
        key[stem..n].copy_from_slice(nom);
        let f = g.flags(&key[..n]);
        if f & PLACE != 0 && f & (FIRST | LAST | WORD) == 0 {
            return true;
        }
    }
    false
}

/// A common word that is also a place ("Normal", "Union", "Reading") counts as a place only
/// after a preposition that English articles and Romance contractions do not share: `a`, `to`,
/// `de`, `da`, `do`, `no`, `na`, `at`, `per`, `te` precede nouns as often as towns ("a Union
/// type", "back to Normal") unless a verb of travel or residence comes before them.
pub(crate) fn weak_place_cue(ctx: &Ctx<'_>, w: usize) -> bool {
    let weak = w > 0
        && ctx.word_in(
            w - 1,
            &["a", "to", "de", "da", "do", "no", "na", "at", "per", "te"],
        );
    // "We flew to Riga": a verb of travel makes even these a place's preposition.
    !weak || (w >= 2 && verb_before(ctx, w - 2))
}

/// "reside in RAM", "otherName in\n SAN Reported": a run opening with an ALL-CAPS word of
/// three or four letters that the lists do not hold as a place is an acronym, not a town a
/// cue names ("USA" and the Portuguese "EUA" are listed as words: kept).
pub(crate) fn acronym_head(ctx: &Ctx<'_>, w: usize) -> bool {
    let t = &ctx.toks[w];
    t.case == Case::Upper
        && (3..=4).contains(&t.len())
        && ctx.flags[w] & PLACE == 0
        && !ctx.word_in(w, &["usa", "eua"])
}

/// An ALL-CAPS place word without a place cue before it: a table cell or a heading ("web-1
/// RUNNING   MILAN"); an address block's city is read by the address detector.
pub(crate) fn caps_without_cue(ctx: &Ctx<'_>, w: usize, cued: bool) -> bool {
    ctx.toks[w].case == Case::Upper && !cued
}

/// The place ending at token `end` is followed by its state, province or region on the same
/// line: a comma and an ALL-CAPS abbreviation ("Springfield, IL", "Nueva Chad, GRO."), a
/// comma and one to three capitalised words the lists know as a place or do not know as a
/// name, before the sentence goes on ("Dosson, Veneto da tre giorni", "Wrightburgh, GA, now",
/// "East Paul, Perth and Kinross"), an Italian province in brackets ("Gabella (PI)") or a
/// Brazilian state after a spaced dash ("Macedo de Cavaleiros - GO"). Returns the last token
/// of the place with its region.
pub(crate) fn region_after(ctx: &Ctx<'_>, end: usize) -> usize {
    let same_line = |k: usize| ctx.toks.get(k).is_some_and(|t| !t.newline_before);
    let upper_code = |k: usize| {
        ctx.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word && t.case == Case::Upper && (2..=4).contains(&t.len())
        })
    };
    if !same_line(end + 1) || !same_line(end + 2) {
        return end;
    }
    // "Gabella (PI)"
    if ctx.punct(end + 1, '(')
        && upper_code(end + 2)
        && ctx.toks[end + 2].len() == 2
        && ctx.punct(end + 3, ')')
        && ctx.toks[end + 3].glued
    {
        return end + 3;
    }
    // "Macedo de Cavaleiros - GO"
    if ctx.punct(end + 1, '-')
        && !ctx.toks[end + 1].glued
        && upper_code(end + 2)
        && ctx.toks[end + 2].len() == 2
        && !ctx
            .toks
            .get(end + 3)
            .is_some_and(|t| t.glued && t.kind != Kind::Punct)
    {
        return end + 2;
    }
    // Round 6: "Alambari/SP", a Brazilian state after a slash.
    if ctx.punct(end + 1, '/')
        && ctx.toks[end + 1].glued
        && upper_code(end + 2)
        && ctx.toks[end + 2].glued
        && ctx.toks[end + 2].len() == 2
        && !ctx
            .toks
            .get(end + 3)
            .is_some_and(|t| t.glued && !t.is('.') && !t.is(','))
    {
        return end + 2;
    }
    // Round 6: a region or a French département in brackets ("Regnana (Liguria)", "Ploërmel
    // (Finistère)", "Dax (40)").
    if ctx.punct(end + 1, '(') {
        let mut k = end + 2;
        let numbered = ctx
            .toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Num && t.len() == 2 && t.glued);
        if numbered {
            k += 1;
        } else {
            while k < end + 5
                && ctx.toks.get(k).is_some_and(|t| {
                    t.kind == Kind::Word && t.case == Case::Title && !t.newline_before
                })
                && (ctx.flags[k] & PLACE != 0 || ctx.flags[k] & (FIRST | LAST | WORD) == 0)
            {
                k += 1;
            }
        }
        if k > end + 2 && ctx.punct(k, ')') && ctx.toks[k].glued {
            return k;
        }
    }
    if !(ctx.punct(end + 1, ',') && ctx.toks[end + 1].glued) {
        return end;
    }
    // Round 6: "Briançon, en Haute-Savoie", "Ioggi, in Marche": the region after a
    // preposition.
    let r = if ctx.toks.get(end + 2).is_some_and(|t| t.case == Case::Lower)
        && ctx.word_in(end + 2, &["en", "in", "em", "nel", "nella", "no", "na"])
        && ctx
            .toks
            .get(end + 3)
            .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Title)
    {
        end + 3
    } else {
        end + 2
    };
    if upper_code(r) {
        // "Nueva Chad, GRO." keeps its dot; "IL 62704" is the address detector's.
        let glued_next = ctx.toks.get(r + 1).is_some_and(|t| t.glued);
        if ctx.punct(r + 1, '.') && glued_next {
            return r + 1;
        }
        return if glued_next && !ctx.punct(r + 1, ',') {
            end
        } else {
            r
        };
    }
    // Capitalised words known as places, or unknown and no name.
    let region_word = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Title && !t.newline_before)
            && (ctx.flags[k] & PLACE != 0 || ctx.flags[k] & (FIRST | LAST | WORD) == 0)
    };
    let mut k = r;
    let mut last = None;
    for _ in 0..3 {
        if !region_word(k) {
            break;
        }
        last = Some(k);
        // "Perth and Kinross", "Castilla y León"
        if ctx.word_in(k + 1, &["and", "y", "e", "et", "und", "en", "i"]) && region_word(k + 2) {
            k += 2;
        } else if region_word(k + 1) && !ctx.toks[k + 1].glued {
            k += 1;
        } else {
            break;
        }
    }
    let Some(l) = last else { return end };
    // After a preposition ("X, en Bretagne") the region ends the sentence and is no street
    // ("Pedralva, na Rua do Sol 8" is a town and then a street address).
    let ends = ctx
        .toks
        .get(l + 1)
        .is_none_or(|t| t.newline_before || (t.kind == Kind::Punct && !t.is('-') && !t.is('\'')));
    if r == end + 3 && (ctx.role(r, PREFIX_TYPE) || !ends) {
        return end;
    }
    // The region ends the clause: punctuation, a line end or a lower-case word next.
    let closes = ctx.toks.get(l + 1).is_none_or(|t| {
        t.newline_before || t.kind == Kind::Punct || (t.kind == Kind::Word && t.case == Case::Lower)
    });
    // Round 7: a list of towns goes on after it ("Ourém, Mértola, Cartaxo", "Raalte, Krimpen
    // aan den IJssel"): each is a town of its own, not the one before's region.
    let title_at = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Title && !t.newline_before)
    };
    let listed = (ctx.punct(l + 1, ',') && title_at(l + 2))
        || (ctx.toks.get(l + 1).is_some_and(|t| t.case == Case::Lower)
            && ctx.word_in(l + 1, TOWN_PARTICLES)
            && (l + 2..l + 4).any(|k| {
                ctx.toks.get(k).is_some_and(|t| {
                    t.kind == Kind::Word && t.case != Case::Lower && !t.newline_before
                })
            }));
    // ... or the town is itself a later item of one ("Ourém, Mértola, Cartaxo": Mértola's
    // region is no Cartaxo).
    let listed = listed || {
        let mut k = end;
        while k > 0
            && ctx.toks[k].kind == Kind::Word
            && !ctx.toks[k].newline_before
            && (ctx.toks[k].case != Case::Lower || ctx.word_in(k, TOWN_PARTICLES))
        {
            k -= 1;
        }
        k > 0 && k < end && ctx.punct(k, ',') && ctx.toks[k - 1].capitalised()
    };
    if closes && !listed {
        l
    } else {
        end
    }
}

/// Token `k` starts a town's shape on its own: a town head before another capitalised word
/// ("East Ryanburgh", "Port Diane") or one title-case word with a town's ending
/// ("Mooremouth", "Oxfordshire") that the lists do not know as a name. Read in an address's
/// tail, where a comma already says a city may follow.
pub(crate) fn town_shape_at(ctx: &Ctx<'_>, k: usize) -> bool {
    use super::lexicon::{TOWN_ENDINGS, TOWN_HEADS};
    let Some(t) = ctx.toks.get(k) else {
        return false;
    };
    if t.kind != Kind::Word || t.case != Case::Title {
        return false;
    }
    let next_cap = ctx
        .toks
        .get(k + 1)
        .is_some_and(|n| !n.newline_before && !n.glued && n.capitalised());
    if next_cap && (ctx.word_in(k, TOWN_HEADS) || ctx.word_in(k, MORE_TOWN_HEADS)) {
        return true;
    }
    if ctx.flags[k] & (FIRST | LAST) != 0 {
        return false;
    }
    let mut buf = [0u8; 64];
    lower_into(ctx.s(k), &mut buf).is_some_and(|low| {
        (TOWN_ENDINGS
            .iter()
            .any(|e| low.len() > e.len() + 2 && low.ends_with(e.as_bytes()))
            || more_town_ending(low))
            && !dutch_ingen_noun(low)
    })
}

/// Run words `words` hold a noun for a town followed by the town's name, as German writes
/// both capitalised ("Die Gemeinde Mattersburg", "der Stadt Wels"): returns the index of the
/// first word of the name.
pub(crate) fn place_noun_in_run(ctx: &Ctx<'_>, words: &[usize]) -> Option<usize> {
    let k = words
        .iter()
        .take(2)
        .position(|&w| ctx.word_in(w, &["stadt", "gemeinde", "ortschaft", "landkreis"]))?;
    let article = k == 0 || ctx.word_in(words[0], &["die", "der", "den", "dem", "des"]);
    (article && k + 1 < words.len()).then_some(k + 1)
}

/// Form fields that hold a town ("City: Springfield", "Wohnort: Imst", "Città: Lallio",
/// "Woonplaats: Ename", "Local de nascimento: Seia").
const PLACE_LABELS: &[&str] = &[
    "city",
    "town",
    "hometown",
    "place of birth",
    "birthplace",
    "city of birth",
    "stadt",
    "wohnort",
    "geburtsort",
    "heimatort",
    "ville",
    "lieu de naissance",
    "commune",
    "ciudad",
    "localidad",
    "municipio",
    "población",
    "lugar de nacimiento",
    "città",
    "comune",
    "località",
    "luogo di nascita",
    "comune di nascita",
    "comune di residenza",
    "woonplaats",
    "plaats",
    "geboorteplaats",
    "cidade",
    "localidade",
    "concelho",
    "município",
    "naturalidade",
    "local de nascimento",
    "miasto",
    "miejscowość",
    "miejsce urodzenia",
    // Round 6: departure and arrival, districts and provinces ("Destinazione: X", "Partenza:
    // X", "Bestemming: X", "Département : X", "Distrito: X").
    "destinazione",
    "partenza",
    "destino",
    "origem",
    "partida",
    "chegada",
    "bestemming",
    "vertrek",
    "aankomst",
    "destination",
    "départ",
    "arrivée",
    "provincia",
    "distrito",
    "provincie",
    "département",
    "região",
    "regione",
    "región",
    // Round 11: one's home ("Domicilio: X", "Residência: X").
    "domicilio",
    "residenza",
    "domicílio",
    "residência",
    "domicile",
    "résidence", // Round 12: a company's seat ("Sede legale: X", "Sede social: X", "Siège social : X").
    "sede legale",
    "sede operativa",
    "sede social",
    "siège social",
];

/// The run at `start` fills a form field for a town: its label and a colon open the line
/// ("City: Port Diane", "Luogo di nascita: Lallio").
pub(crate) fn place_label_before(ctx: &Ctx<'_>, start: usize) -> bool {
    if start < 2 || !ctx.punct(start - 1, ':') || ctx.toks[start].newline_before {
        return false;
    }
    let j = start - 2;
    if ctx.toks[j].kind != Kind::Word {
        return false;
    }
    // A form writes its labels capitalised; `city: String` is a field in code.
    ctx.phrases_ending_at(j, PLACE_LABELS)
        .any(|f| (f == 0 || ctx.toks[f].newline_before) && ctx.toks[f].case != Case::Lower)
}

/// An Austrian or German town's river, lake or hills after it ("Bruck an der Leitha",
/// "Tulln an der Donau", "Frankfurt am Main", "Neumarkt am Wallersee"): `an der` and a
/// capitalised word that is no common word, or `am` and a listed place or a word ending like
/// a lake, river or range. Returns the last token of the town.
pub(crate) fn german_town_tail(ctx: &Ctx<'_>, end: usize) -> usize {
    let lower = |k: usize, w: &'static [&'static str]| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.case == Case::Lower && !t.newline_before && !t.glued)
            && ctx.word_in(k, w)
    };
    let title = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.case == Case::Title && t.kind == Kind::Word && !t.newline_before)
            && ctx.flags[k] & WORD == 0
    };
    if lower(end + 1, &["an"]) && lower(end + 2, &["der"]) && title(end + 3) {
        return end + 3;
    }
    // Dutch "Egmond aan Zee", "Alphen aan den Rijn", "Berg aan de Maas".
    if lower(end + 1, &["aan"]) {
        let k = if lower(end + 2, &["de", "den"]) {
            end + 3
        } else {
            end + 2
        };
        // "IJssel", "IJmuiden": Dutch capitalises both letters of IJ.
        let ij = ctx.s(k.min(ctx.toks.len() - 1)).starts_with("IJ");
        if ctx.toks.get(k).is_some_and(|t| {
            (t.case == Case::Title || ij) && t.kind == Kind::Word && !t.newline_before
        }) {
            return k;
        }
    }
    let any_title = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.case == Case::Title && t.kind == Kind::Word && !t.newline_before)
    };
    if lower(end + 1, &["am"]) && any_title(end + 2) {
        let k = end + 2;
        let mut buf = [0u8; 64];
        let shaped = lower_into(ctx.s(k), &mut buf).is_some_and(|low| {
            [
                "see", "gebirge", "berg", "wald", "main", "rhein", "inn", "neckar", "kamp",
            ]
            .iter()
            .any(|e| low.ends_with(e.as_bytes()))
        });
        if shaped || ctx.flags[k] & PLACE != 0 {
            return k;
        }
    }
    end
}

/// The weather asked about at token `j`: "Che tempo fa a X?", "¿Qué tiempo hace en X?",
/// "Hoe is het weer in X?", "o tempo em X" (the words for weather alone are "time" and
/// "again" too: "tempo di avvio", "werkt weer in").
fn weather_question(ctx: &Ctx<'_>, j: usize) -> bool {
    if j == 0 || ctx.toks[j].case != Case::Lower {
        return false;
    }
    (ctx.word_in(j, &["fa", "hace"]) && ctx.word_in(j - 1, &["tempo", "tiempo"]))
        || (ctx.word_in(j, &["weer", "tempo", "tiempo"])
            && ctx.word_in(j - 1, &["het", "o", "el", "il"]))
}

/// Words inside Italian, Spanish and Portuguese town names after their first word, written
/// capitalised by Faker and by many registers ("Pieve A Nievole", "Torre De' Ratti", "Castel
/// Sant'Angelo"): a capitalised particle and the word after it, or a word joined by an
/// apostrophe. Returns the last token of the town.
pub(crate) fn town_words_after(ctx: &Ctx<'_>, mut end: usize) -> usize {
    let same = |k: usize| ctx.toks.get(k).is_some_and(|t| !t.newline_before);
    // The town's run may end on the elided particle itself ("Torre De' Ratti").
    let elided = ctx.word_in(end, &["de", "di", "da", "dell", "sant"])
        && ctx.punct(end + 1, '\'')
        && ctx.toks[end + 1].glued
        && ctx
            .toks
            .get(end + 2)
            .is_some_and(|t| !t.newline_before && t.kind == Kind::Word && t.case == Case::Title);
    if elided {
        end += 2;
    }
    for _ in 0..3 {
        let k = end + 1;
        if !same(k) || ctx.toks[k].glued {
            break;
        }
        // "Sant'Angelo": one token of mixed case with an apostrophe inside.
        if apostrophe_title(ctx, k) {
            end = k;
            continue;
        }
        // "Bom Sucesso/PR", "Dores de Guanhães/MG": the town's last word is glued to its
        // state, so it reads as a path and no run took it.
        let w = if ctx.toks[k].case == Case::Lower
            && ctx.word_in(k, &["de", "do", "da", "dos", "das"])
        {
            k + 1
        } else {
            k
        };
        if (w == k
            || ctx
                .toks
                .get(w)
                .is_some_and(|t| !t.glued && !t.newline_before))
            && slash_state(ctx, w)
        {
            end = w;
            continue;
        }
        // "Bergen op Zoom", "Wijk bij Duurstede": a Dutch particle in lower case, when the
        // word after it is no first name and ends the clause.
        let dutch = ctx.toks[k].case == Case::Lower
            && ctx.word_in(k, &["op", "bij"])
            && ctx.toks.get(k + 1).is_some_and(|t| {
                t.kind == Kind::Word && t.case == Case::Title && !t.glued && !t.newline_before
            })
            && ctx.flags[k + 1] & FIRST == 0
            && ctx.toks.get(k + 2).is_none_or(|t| {
                t.newline_before
                    || t.kind == Kind::Punct
                    || (t.kind == Kind::Word && t.case == Case::Lower)
            });
        if dutch {
            end = k + 1;
            continue;
        }
        // Round 10: "San Giovanni in Persiceto", "Giugliano in Campania", "Berwick upon
        // Tweed", "Walton on the Naze": a lower-case "in", "upon", "on" (and "the") inside
        // a town's name, when the word after it is a capitalised one that is no first name,
        // no common word, no street's type, and ends the clause.
        // Round 12: Italian "sul", "dei", "degli", "delle", "al" likewise ("Tuoro sul
        // Trasimeno", "Forte dei Marmi", "Roseto degli Abruzzi"), and an elided "de'" or
        // "d'" glued to the word ("Cava de' Tirreni", "Colle di Val d'Elsa").
        let mut n = k + 1;
        if ctx.toks[k].case == Case::Lower
            && ctx.word_in(k, &["de", "d"])
            && (ctx.punct(n, '\'') || ctx.punct(n, '’'))
            && ctx.toks[n].glued
        {
            n += 1;
        }
        let elided = n > k + 1;
        let joined = ctx.toks[k].case == Case::Lower
            && ctx.word_in(
                k,
                &[
                    "in", "upon", "on", "sul", "sulla", "dei", "degli", "delle", "al", "de", "d",
                ],
            )
            && (elided || !ctx.word_in(k, &["de", "d"]))
            && {
                if ctx.word_in(k, &["on"]) && ctx.word_in(n, &["the"]) {
                    n += 1;
                }
                ctx.toks.get(n).is_some_and(|t| {
                    t.kind == Kind::Word
                        && t.case == Case::Title
                        && (elided || !t.glued)
                        && !t.newline_before
                })
            }
            && ctx.flags[n] & (FIRST | WORD) == 0
            && !ctx.role(n, PREFIX_TYPE)
            && ctx.toks.get(n + 1).is_none_or(|t| {
                t.newline_before
                    || (t.kind == Kind::Punct && !t.glued)
                    || (t.kind == Kind::Punct && (t.is(',') || t.is('.') || t.is('?')))
                    || (t.kind == Kind::Word && t.case == Case::Lower)
            });
        if joined {
            end = n;
            continue;
        }
        let particle = ctx.toks[k].kind == Kind::Word
            && ctx.toks[k].case != Case::Lower
            && ctx.word_in(
                k,
                &["a", "di", "del", "della", "de", "da", "sul", "al", "in"],
            );
        if !particle {
            break;
        }
        // "De' Ratti": the elided particle keeps its apostrophe.
        let mut n = k + 1;
        if ctx.punct(n, '\'') && ctx.toks[n].glued {
            n += 1;
        }
        let word = ctx.toks.get(n).is_some_and(|t| {
            !t.newline_before && !t.glued && t.kind == Kind::Word && t.case == Case::Title
        }) || (same(n) && apostrophe_title(ctx, n));
        if !word {
            break;
        }
        end = n;
    }
    end
}

/// Token `i` is a Dutch town written with its old article ("'s-Hertogenbosch",
/// "'s-Gravenhage": an apostrophe, then `s-` and a capital): no other word looks so.
pub(crate) fn dutch_s_town(ctx: &Ctx<'_>, i: usize) -> bool {
    let s = ctx.s(i).as_bytes();
    i > 0
        && s.len() > 4
        && s[0] == b's'
        && s[1] == b'-'
        && s[2].is_ascii_uppercase()
        && ctx.toks[i].glued
        && (ctx.punct(i - 1, '\'') || ctx.punct(i - 1, '’'))
        && (i == 1 || !ctx.toks[i - 1].glued || ctx.toks[i - 1].newline_before)
}

/// Token `w` is a title-case word with a Brazilian state glued after a slash ("Sucesso/PR").
pub(crate) fn slash_state(ctx: &Ctx<'_>, w: usize) -> bool {
    ctx.toks
        .get(w)
        .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Title)
        && ctx.punct(w + 1, '/')
        && ctx.toks[w + 1].glued
        && ctx.toks.get(w + 2).is_some_and(|t| {
            t.glued && t.kind == Kind::Word && t.case == Case::Upper && t.len() == 2
        })
}

/// Token `k` is a word with an apostrophe inside whose parts are capitalised ("Sant'Elia").
fn apostrophe_title(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    if t.kind != Kind::Word || t.case != Case::Other {
        return false;
    }
    let s = ctx.s(k);
    let mut parts = s.split(['\'', '’']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let title = |p: &str| {
        let mut c = p.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
    };
    title(a) && title(b)
}

/// A cued town's last words that look common ("Rio Maior", "Novais do Sul", "Vendas Novas")
/// belong to it when they are title case and the clause goes on after the run (punctuation,
/// a lower-case word or the line's end). `kept` words were kept by the caller; returns the
/// index of the town's last run word.
pub(crate) fn keep_town_tail(ctx: &Ctx<'_>, words: &[usize], kept: usize) -> usize {
    let last = words.len() - 1;
    if kept == words.len() {
        return last;
    }
    // An article opens the next clause ("moved to Berlin The next year").
    let article = words[kept..].iter().any(|&w| {
        ctx.word_in(
            w,
            &[
                "the", "a", "an", "this", "der", "die", "das", "il", "la", "le", "el", "het",
            ],
        )
    });
    let titled = !article && ctx.toks[words[last]].case == Case::Title;
    let closes = ctx.toks.get(words[last] + 1).is_none_or(|t| {
        t.newline_before || t.kind == Kind::Punct || (t.kind == Kind::Word && t.case == Case::Lower)
    });
    if titled && closes {
        last
    } else {
        kept - 1
    }
}

// Round 7: frames of how people mention towns that no cue word before the preposition
// carries (a time between a train and its destination, one's family's origin, a letter's
// date line, a town opening a sentence about itself, the weather, lists, a signature). Each
// reads the sentence's shape, not words of one generator.

/// Means of transport: a town after them and a preposition of direction ("il pullman delle
/// 6.40 per X", "o autocarro das 8h10 para X", "de bus van 18:05 naar X", "le TGV de 7h05
/// pour X"), also with the departure time between them.
const TRANSPORT_NOUNS: &[&str] = &[
    "treno",
    "regionale",
    "intercity",
    "frecciarossa",
    "pullman",
    "autobus",
    "corriera",
    "volo",
    "aereo",
    "traghetto",
    "navetta",
    "comboio",
    "autocarro",
    "ônibus",
    "voo",
    "avião",
    "expresso",
    "camioneta",
    "barco",
    "intercidades",
    "trein",
    "sprinter",
    "vlucht",
    "veerboot",
    "tgv",
    "ter",
    "train",
    "vol",
    "avion",
    "navette",
    "intercités",
    "flight",
    "coach",
    "ferry",
    "bus",
    "tren",
    "autobús",
    "vuelo",
];

/// Prepositions of direction or origin after a means of transport.
const TRANSPORT_PREPOSITIONS: &[&str] = &[
    "per", "da", "para", "de", "pour", "naar", "van", "uit", "to", "from", "desde", "d",
];

/// Words between a means of transport and its preposition that tell the time of departure
/// ("delle", "das", "van", "de", "of").
const TIME_LINKS: &[&str] = &[
    "delle", "alle", "dalle", "di", "das", "às", "de", "van", "om", "of", "at", "the", "h",
];

/// Words that open a time of day ("om 6 uur", "alle 6", "às 8h10", "à 6 h", "at 7").
const TIME_OPENERS: &[&str] = &[
    "om", "alle", "às", "à", "at", "um", "a", "vers", "verso", "rond",
];

/// Token `j` ends a time of day ("om 6 uur", "alle 6.40", "às 8h10", "à 6 h"): returns the
/// token before it, or `j` when it ends none.
fn skip_time(ctx: &Ctx<'_>, j: usize) -> usize {
    let mut k = j;
    let t = &ctx.toks[k];
    if t.kind == Kind::Word
        && t.len() <= 7
        && ctx.word_in(
            k,
            &["uur", "h", "heures", "heure", "ore", "horas", "o'clock"],
        )
        && k > 0
    {
        k -= 1;
    } else if !matches!(t.kind, Kind::Num | Kind::Alnum) {
        return j;
    }
    let mut digits = false;
    for _ in 0..4 {
        let t = &ctx.toks[k];
        let num = matches!(t.kind, Kind::Num | Kind::Alnum)
            && t.len() <= 5
            && ctx.s(k).bytes().next().is_some_and(|b| b.is_ascii_digit());
        let sep = t.kind == Kind::Punct && t.glued && (t.is(':') || t.is('.'));
        if !(num || sep) || k == 0 || t.newline_before {
            break;
        }
        digits |= num;
        k -= 1;
    }
    if digits && k > 0 && ctx.toks[k].case == Case::Lower && ctx.word_in(k, TIME_OPENERS) {
        k - 1
    } else {
        j
    }
}

/// Token `j` ends a means of transport, maybe followed by its time ("treno delle 7:10",
/// "autocarro das 8h10", "bus van 18:05"), and the preposition after `j` is one of direction.
fn transport_before(ctx: &Ctx<'_>, j: usize) -> bool {
    if !ctx.word_in(j + 1, TRANSPORT_PREPOSITIONS) {
        return false;
    }
    let mut k = j;
    let mut timed = false;
    for _ in 0..6 {
        let t = &ctx.toks[k];
        let transport = t.kind == Kind::Word
            && (t.case == Case::Lower || t.case == Case::Upper || ctx.sentence_start(k))
            && ctx.word_in(k, TRANSPORT_NOUNS);
        if transport {
            return true;
        }
        let time = matches!(t.kind, Kind::Num | Kind::Alnum)
            && t.len() <= 5
            && ctx.s(k).bytes().next().is_some_and(|b| b.is_ascii_digit());
        let link = (t.kind == Kind::Punct && t.glued && (t.is(':') || t.is('.')))
            || (timed
                && t.kind == Kind::Word
                && t.case == Case::Lower
                && ctx.word_in(k, TIME_LINKS));
        if !(time || link) || t.newline_before || k == 0 {
            return false;
        }
        timed |= time;
        k -= 1;
    }
    false
}

/// Members of one's family: where they are, were born or come from is a town ("mia nonna è
/// di X", "o meu pai é de X", "ma grand-mère est de X", "mijn opa was van X").
const KIN: &[&str] = &[
    "nonna",
    "nonno",
    "nonni",
    "bisnonni",
    "padre",
    "madre",
    "papà",
    "mamma",
    "genitori",
    "famiglia",
    "zio",
    "zia",
    "zii",
    "suoceri",
    "avó",
    "avô",
    "avós",
    "pai",
    "mãe",
    "pais",
    "família",
    "tio",
    "tia",
    "tios",
    "sogros",
    "oma",
    "opa",
    "moeder",
    "vader",
    "ouders",
    "familie",
    "grootouders",
    "oom",
    "tante",
    "schoonouders",
    "mère",
    "père",
    "parents",
    "grands-parents",
    "grand-mère",
    "grand-père",
    "famille",
    "oncle",
    "grandmother",
    "grandfather",
    "grandparents",
    "mother",
    "father",
    "family",
    "mum",
    "mom",
    "dad",
];

/// Copulas and verbs of coming from, in the persons and tenses said of one's family.
const ORIGIN_VERBS: &[&str] = &[
    "è", "era", "erano", "sono", "viene", "vengono", "venivano", "é", "era", "eram", "são", "vem",
    "vêm", "vinha", "is", "was", "waren", "zijn", "komt", "komen", "kwam", "kwamen", "est",
    "était", "sont", "étaient", "vient", "viennent", "venait", "are", "were", "comes", "came",
];

/// Token `j`, right before a preposition of origin, is a copula or verb of coming whose
/// subject, at most three words before it on the line, is one's family ("La famiglia di mia
/// madre viene da X", "A minha avó é de X", "Mes grands-parents étaient de X").
fn kin_origin_before(ctx: &Ctx<'_>, j: usize) -> bool {
    if ctx.toks[j].case != Case::Lower
        || !ctx.word_in(
            j + 1,
            &[
                "di", "da", "de", "d", "do", "uit", "van", "from", "aus", "von",
            ],
        )
        || !ctx.word_in(j, ORIGIN_VERBS)
    {
        return false;
    }
    (1..=3).any(|d| {
        j >= d
            && !ctx.toks[j - d + 1].newline_before
            && ctx.toks[j - d].case == Case::Lower
            && ctx.word_in(j - d, KIN)
            && ctx.toks[j - d + 1..j].iter().all(|t| t.kind == Kind::Word)
    })
}

/// Words for "the" day of a letter's date ("Lecco, lì 3 marzo", "Lyon, le 3 mai").
const DATE_LEADS: &[&str] = &["lì", "li", "il", "le", "den", "em", "a", "op", "am", "the"];

/// The run `start..=end` opens a line and a date follows it after a comma, as a letter's
/// first line writes where and when: "Lecco, 3 marzo 2025", "Odemira, 28 de maio de 2024",
/// "Utrecht, 7-06-2024", "Fait à Lodève, le 22 mai 2024". A weekday or a first name there
/// is no town.
fn date_line(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let at_line_start = ctx.toks[start].newline_before
        || start == 0
        || (start >= 2
            && ctx.word_in(start - 1, &["à", "em", "a", "te"])
            && ctx.word_in(start - 2, &["fait", "feito", "fatto", "gedaan", "done"])
            && ctx.sentence_start(start - 2));
    if !at_line_start || !ctx.punct(end + 1, ',') {
        return false;
    }
    // "De Panne", "Le Crotoy", "Isola delle Femmine": an article or a common word may open
    // the town, not be all of it.
    let from = if end > start { start + 1 } else { start };
    if (from..=end).any(|w| {
        let f = ctx.flags[w];
        (f & (WORD | FIRST) != 0 && f & PLACE == 0 && ctx.toks[w].case != Case::Lower)
            || ctx.toks[w].case == Case::Upper
    }) {
        return false;
    }
    let mut k = end + 2;
    if ctx.word_in(k, DATE_LEADS) {
        k += 1;
    }
    let Some(d) = ctx.toks.get(k) else {
        return false;
    };
    if d.newline_before || d.kind != Kind::Num || d.len() > 2 {
        return false;
    }
    let year = |i: usize| {
        ctx.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Num && t.len() == 4 && !t.newline_before)
    };
    // "7-06-2024", "14/03/2025", "3.5.2024"
    let sep = |i: usize| {
        ctx.toks
            .get(i)
            .is_some_and(|t| t.glued && (t.is('/') || t.is('-') || t.is('.')))
    };
    if sep(k + 1) && ctx.toks.get(k + 2).is_some_and(|t| t.kind == Kind::Num) && sep(k + 3) {
        return year(k + 4)
            || ctx
                .toks
                .get(k + 4)
                .is_some_and(|t| t.kind == Kind::Num && t.len() == 2);
    }
    // "3 marzo 2025", "28 de maio de 2024", "22 mai 2024": a lower-case month between.
    let mut m = k + 1;
    if ctx.word_in(m, &["de", "di"]) {
        m += 1;
    }
    if !ctx
        .toks
        .get(m)
        .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Lower && !t.newline_before)
    {
        return false;
    }
    m += 1;
    if ctx.word_in(m, &["de", "di"]) {
        m += 1;
    }
    year(m)
}

/// Nouns for a town, a village or a place, after a copula and an article and adjective ("X
/// è un paese tranquillo", "X é uma vila calma", "X is een rustig dorp", "X est une petite
/// ville").
const TOWN_NOUNS_AFTER: &[&str] = &[
    "paese",
    "paesino",
    "città",
    "cittadina",
    "borgo",
    "comune",
    "frazione",
    "vila",
    "cidade",
    "aldeia",
    "freguesia",
    "concelho",
    "dorp",
    "dorpje",
    "stad",
    "stadje",
    "gemeente",
    "ville",
    "village",
    "commune",
    "bourg",
    "town",
    "village",
    "city",
];

/// The run `start..=end` opens a sentence that says what or where it is: a town ("Tiriolo
/// dista mezz'ora dal mare", "X fica a meia hora do Porto", "X ligt vlak bij de grens", "X
/// est à deux heures de route", "X è un paese tranquillo", "X si trova in collina").
fn town_predicate_after(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let lower = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| !t.newline_before && t.kind == Kind::Word && t.case == Case::Lower)
    };
    if !lower(end + 1) || !ctx.sentence_start(start) {
        return false;
    }
    let v = end + 1;
    if ctx.word_in(v, &["dista", "distano", "ligt", "fica"]) {
        return lower(v + 1) || ctx.toks.get(v + 1).is_some_and(|t| t.kind == Kind::Num);
    }
    if ctx.word_in(v, &["si", "se"]) {
        return lower(v + 1) && ctx.word_in(v + 1, &["trova", "trouve", "encontra", "situa"]);
    }
    if !ctx.word_in(v, &["è", "é", "est", "is", "era", "était", "was"]) {
        return false;
    }
    // "est à deux heures", "è a 20 km", "is 10 minuten"
    if ctx.word_in(v + 1, &["à", "a", "op"])
        && (ctx.toks.get(v + 2).is_some_and(|t| t.kind == Kind::Num)
            || ctx.word_in(
                v + 2,
                &[
                    "deux", "trois", "quelques", "due", "tre", "pochi", "duas", "três", "twee",
                    "drie", "een",
                ],
            ))
    {
        return true;
    }
    (v + 1..v + 5)
        .take_while(|&k| lower(k))
        .any(|k| ctx.word_in(k, TOWN_NOUNS_AFTER))
}

/// Words of rain, snow and temperature: a town after "a"/"em"/"in"/"à" in the same sentence
/// is where the weather is ("A X piove da tre giorni", "Hoje estavam 38 graus em X", "Gisteren
/// was het 35 graden in X", "Il faisait 38 degrés à X").
const WEATHER_WORDS: &[&str] = &[
    "piove", "pioveva", "nevica", "nevicava", "gradi", "grandina", "chove", "chovia", "neva",
    "graus", "regent", "regende", "sneeuwt", "sneeuwde", "graden", "pleut", "pleuvait", "neige",
    "neigeait", "degrés", "raining", "snowing", "degrees",
];

/// The sentence around the run `start..=end` speaks of the weather (a word of
/// [`WEATHER_WORDS`] within eight words on either side, the sentence not ending between).
fn weather_near(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let stop = |t: &super::tokenize::Token| {
        t.newline_before || t.is('.') || t.is('!') || t.is('?') || t.is(';')
    };
    let mut k = end + 1;
    while k < ctx.toks.len().min(end + 9) && !stop(&ctx.toks[k]) {
        if weather_word(ctx, k) {
            return true;
        }
        k += 1;
    }
    let mut k = start;
    while k > start.saturating_sub(9) && k > 0 && !ctx.toks[k].newline_before {
        k -= 1;
        if stop(&ctx.toks[k]) {
            break;
        }
        if weather_word(ctx, k) {
            return true;
        }
    }
    false
}

/// Token `k` is a word of [`WEATHER_WORDS`]: its first byte and length first, as this runs on
/// the words around many runs.
fn weather_word(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    t.case == Case::Lower
        && t.len() >= 4
        && matches!(
            ctx.s(k).as_bytes()[0],
            b'p' | b'n' | b'g' | b'c' | b'r' | b's' | b'd'
        )
        && ctx.word_in(k, WEATHER_WORDS)
}

/// Prepositions of where the weather is.
const WEATHER_PREPOSITIONS: &[&str] = &["a", "à", "em", "in", "ad", "no", "na"];

/// The run at `start` follows a preposition of place in a sentence about the weather.
fn weather_town(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    start > 0
        && !ctx.toks[start].newline_before
        && (ctx.toks[start - 1].case == Case::Lower || ctx.sentence_start(start - 1))
        && ctx.word_in(start - 1, WEATHER_PREPOSITIONS)
        && weather_near(ctx, start, end)
}

/// Nouns of a business's premises in the plural, before a colon and a list of towns ("Le
/// nostre sedi: X, Y, Z", "Onze vestigingen: X, Y en Z").
const PREMISES_LISTED: &[&str] = &[
    "sedi",
    "filiali",
    "negozi",
    "punti",
    "uffici",
    "lojas",
    "delegações",
    "filiais",
    "sedes",
    "escritórios",
    "vestigingen",
    "winkels",
    "filialen",
    "kantoren",
    "magasins",
    "agences",
    "bureaux",
    "succursales",
    "boutiques",
    "offices",
    "branches",
    "stores",
    "locations",
    "standorte",
    "filialen",
    "sucursales",
    "oficinas",
    "tiendas",
    "siedziby",
    "oddziały",
];

/// The run at `start` is an item of a list of towns: after a comma or "and" that follows an
/// earlier item, back to a colon after premises ("Le nostre sedi: X, Y, Z") or to a
/// preposition that a verb of living or travel introduces ("Temos lojas em X, Y e Z").
fn listed_town(ctx: &Ctx<'_>, start: usize) -> bool {
    if start < 3 || ctx.toks[start].newline_before {
        return false;
    }
    if ctx.flags[start] & WORD != 0 && ctx.flags[start] & PLACE == 0 {
        return false;
    }
    let p = start - 1;
    if ctx.punct(p, ':') {
        return ctx.word_in(p - 1, PREMISES_LISTED);
    }
    let joined = ctx.punct(p, ',') || (ctx.toks[p].case == Case::Lower && ctx.word_in(p, PAIR_AND));
    if !joined {
        return false;
    }
    let mut k = p;
    let mut items = 0;
    for _ in 0..24 {
        if k == 0 || ctx.toks[k].newline_before {
            return false;
        }
        k -= 1;
        let t = &ctx.toks[k];
        match t.kind {
            Kind::Punct if t.is(':') => {
                return items > 0 && k > 0 && ctx.word_in(k - 1, PREMISES_LISTED)
            }
            Kind::Punct if t.is(',') || ((t.is('\'') || t.is('’') || t.is('-')) && t.glued) => {}
            Kind::Word if matches!(t.case, Case::Title | Case::Other) => items += 1,
            Kind::Word if t.case == Case::Lower && ctx.word_in(k, PAIR_AND) => {}
            Kind::Word if t.case == Case::Lower => {
                // A particle inside a town ("Oliveira do Hospital") has title-case words on
                // both sides; otherwise the word is the list's preposition.
                let inside = k > 0
                    && ctx.toks[k - 1].kind == Kind::Word
                    && ctx.toks[k - 1].case == Case::Title
                    && ctx.word_in(k, TOWN_PARTICLES);
                if inside {
                    continue;
                }
                // "Lavoro in Excel, Word e PowerPoint": a product or common word after the
                // preposition makes it no list of towns.
                let first = k + 1;
                return items > 0
                    && k > 0
                    && !(ctx.flags[first] & WORD != 0 && ctx.flags[first] & PLACE == 0)
                    && ctx.word_in(k, TOWN_PREPOSITIONS)
                    && verb_before(ctx, k - 1);
            }
            _ => return false,
        }
    }
    false
}

/// Roles of a business and words for an area: a single run alone in brackets after them is
/// the town they are in ("Il fornitore (X) ha confermato", "l'agente di zona (X)", "De
/// leverancier (X)", "Le commercial du secteur (X)").
const BRACKET_ROLES: &[&str] = &[
    "fornitore",
    "agente",
    "filiale",
    "sede",
    "zona",
    "fornecedor",
    "filial",
    "região",
    "leverancier",
    "vertegenwoordiger",
    "vestiging",
    "regio",
    "fournisseur",
    "commercial",
    "secteur",
    "agence",
    "supplier",
    "branch",
    "area",
    "region",
];

/// The run `start..=end` alone in brackets right after a noun of [`BRACKET_ROLES`].
fn bracketed_after_role(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    start >= 2
        && ctx.punct(start - 1, '(')
        && ctx.punct(end + 1, ')')
        && ctx.toks[start - 2].case == Case::Lower
        && ctx.word_in(start - 2, BRACKET_ROLES)
}

/// The run `start..=end` is the last line of a signature: alone on the line after the
/// signer's name, or after the name and a spaced dash ("Un saluto,\nPaolo Greco - Lecco"),
/// under a sign-off line ("Cordiali saluti,", "Met vriendelijke groet,"). Only a place the
/// lists know or a town's shape, closing the text or its line.
fn signature_town(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    if start < 4 || ctx.toks.get(end + 1).is_some_and(|t| !t.newline_before) {
        return false;
    }
    if (start..=end).any(|w| ctx.flags[w] & (WORD | FIRST) != 0 && ctx.flags[w] & PLACE == 0) {
        return false;
    }
    // Round 10: a line of its own under the name that says which unit of the business is
    // where: a department in words of which one is lower case, a spaced dash, the town
    // ("Service achats – Kourou", "Afdeling inkoop – Veldhoven"), or a branch noun, maybe
    // with "of", then the town ("Vestiging Akersloot", "Delegação de Freamunde", "Filial
    // Solânea/BA"). The shape names the town, so the lists need not know it.
    let unit_line = unit_line_before(ctx, start);
    // A signature's last line is as often a department or a job ("Vertrieb", "Ufficio
    // Vendite"): otherwise only a listed place or a town's shape.
    if unit_line.is_none() && !(ctx.flags[start] & PLACE != 0 || town_shape_at(ctx, start)) {
        return false;
    }
    // The name's last token: on the line above, or before the dash on this line.
    let name_end = if let Some(ls) = unit_line {
        ls - 1
    } else if ctx.toks[start].newline_before {
        start - 1
    } else if ctx.punct(start - 1, '-') || ctx.punct(start - 1, '–') {
        start - 2
    } else {
        return false;
    };
    signer_at(ctx, name_end)
}

/// Token `name_end` ends a signer's name: two to four title-case words opening their line,
/// under a sign-off line ("Cordiali saluti,", "Met vriendelijke groet,").
fn signer_at(ctx: &Ctx<'_>, name_end: usize) -> bool {
    use super::lexicon::role::SIGN_OFF_LAST;
    // Two to four title-case words opening their line.
    let mut k = name_end;
    let mut n = 0;
    while ctx.toks[k].kind == Kind::Word
        && (ctx.toks[k].case == Case::Title
            || ctx.word_in(k, &["de", "van", "der", "da", "dos", "di", "le"]))
        && n < 5
    {
        n += 1;
        if ctx.toks[k].newline_before || k == 0 {
            break;
        }
        k -= 1;
    }
    if !(2..=4).contains(&n) || !ctx.toks[k].newline_before || k < 2 {
        return false;
    }
    // The sign-off line above the name ends with a comma.
    let mut j = k - 1;
    if ctx.punct(j, ',') || ctx.punct(j, '!') {
        j -= 1;
    }
    ctx.role(j, SIGN_OFF_LAST)
        && ctx
            .phrases_ending_at(j, super::lexicon::SIGN_OFFS)
            .any(|s| ctx.toks[s].newline_before || s == 0)
}

/// Branches of a business that open a signature's line before their town ([`signature_town`]).
const BRANCH_NOUNS: &[&str] = &[
    "vestiging",
    "filiaal",
    "filiale",
    "filial",
    "agence",
    "delegação",
];

/// The line holding the run at `start` opens with a business's unit before it: a
/// department of two to five words, one in lower case, then a spaced dash ("Service achats
/// –"), or a branch noun and maybe "of" ("Vestiging", "Delegação de"). Returns the line's
/// first token.
fn unit_line_before(ctx: &Ctx<'_>, start: usize) -> Option<usize> {
    if ctx.toks[start].newline_before || ctx.toks[start].case != Case::Title || start < 2 {
        return None;
    }
    let mut p = start - 1;
    if ctx.punct(p, '-') || ctx.punct(p, '–') {
        // The department's words back to the line's start.
        let mut k = p;
        let mut lower = false;
        for n in 0..5 {
            if k == 0 {
                return None;
            }
            k -= 1;
            let t = &ctx.toks[k];
            if t.kind != Kind::Word {
                return None;
            }
            lower |= t.case == Case::Lower;
            if t.newline_before {
                return (n >= 1 && lower && t.case == Case::Title && k > 0).then_some(k);
            }
        }
        return None;
    }
    if ctx.toks[p].case == Case::Lower && ctx.word_in(p, &["de", "di", "da", "do", "van"]) {
        p -= 1;
    }
    (ctx.toks[p].newline_before && p > 0 && ctx.word_in(p, BRANCH_NOUNS)).then_some(p)
}

/// The run `start..=end` names a town by one of round 7's frames: a letter's date line, a
/// sentence about the town itself, the weather there, an item of a list of towns, a town in
/// brackets after a business's role, a signature's last line.
pub(crate) fn frame_town(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    // The frames first: each leaves on a cheap test for most runs, the button and room
    // tests walk words.
    (date_line(ctx, start, end)
        // Round 12: "A Scanno c'è …", "À Dinan, le …": a one-letter preposition is no part
        // of the run (its case is neither title nor upper).
        || (start > 0
            && ctx.toks[start - 1].case == Case::Other
            && ctx.sentence_start(start - 1)
            && lead_town(ctx, start - 1, start, end))
        || town_predicate_after(ctx, start, end)
        || weather_town(ctx, start, end)
        || listed_town(ctx, start)
        || bracketed_after_role(ctx, start, end)
        || signature_town(ctx, start, end)
        || town_fact_before(ctx, start))
        && !ui_target(ctx, start)
        && !ctx.word_in(start, ROOMS)
}

/// Nouns of what a town has or is asked about: its postal code, its people, its mayor, its
/// dialling code ([`town_fact_before`]).
const TOWN_FACTS: &[&str] = &[
    "cap",
    "abitanti",
    "sindaco",
    "habitantes",
    "prefeito",
    "habitants",
    "maire",
];

/// Round 13: the run at `start` follows a noun of [`TOWN_FACTS`] and "di"/"de"/"ha"/"tem"
/// ("Qual è il CAP di X?", "Quanti abitanti ha X?", "O prefeito de X", "Combien d'habitants
/// compte X ?", "le maire de X"): a town, unless its first word is a common word or a person's
/// name only.
fn town_fact_before(ctx: &Ctx<'_>, start: usize) -> bool {
    if start < 2 || ctx.toks[start].newline_before || ctx.toks[start - 1].newline_before {
        return false;
    }
    let f = ctx.flags[start];
    if f & PLACE == 0 && f & (WORD | FIRST | LAST) != 0 {
        return false;
    }
    let p = start - 1;
    ctx.toks[p].case == Case::Lower
        && ctx.word_in(p, &["di", "de", "ha", "tem", "compte", "da", "do"])
        && ctx.toks[p - 1].kind == Kind::Word
        && ctx.word_in(p - 1, TOWN_FACTS)
}

/// Round 14 (places15): words of a place frame in Italian, Portuguese and French that
/// [`TOWN_VERBS`] lacks: visiting (a town right after it), having been, passing through,
/// stopping, going, an event held somewhere, and nouns of what a town holds (its market, feast,
/// shop). A town no list knows after them and a preposition ([`place_frame`]).
const FRAME_WORDS: &[&str] = &[
    "visitato",
    "visitei",
    "visité",
    "stati",
    "terrà",
    "tiene",
    "passato",
    "fermati",
    "andremo",
    "mercato",
    "sagra",
    "patronale",
    "negozio",
    "concerto",
    "passei",
    "mercado",
    "festa",
    "festas",
    "casamento",
    "passé",
    "marché",
    "fête",
];

/// Round 14 (places15): the run `words` follows a word of [`FRAME_WORDS`], directly or with a
/// place preposition after it and up to two words between ("Ho visitato X", "La riunione si
/// terrà a X", "Il mercato di X", "passé par X"), and has a town's shape: its first word is
/// listed as a place only, or a town's first word, or no list's, or a name or common word
/// before a word no list knows ("Case Basse"); never a first name ("la festa di Chiara"), a
/// lone surname ("passato da Bianchi" is at someone's), a word of [`ROOMS`] (holidays, God,
/// fields of study) or a language.
pub(crate) fn place_frame(ctx: &Ctx<'_>, words: &[usize]) -> bool {
    if feature_name(ctx, words) || listed_alongside(ctx, words) || italian_town(ctx, words) {
        return true;
    }
    let start = words[0];
    if start < 2 || ctx.toks[start].newline_before || ctx.toks[start].case != Case::Title {
        return false;
    }
    let mut j = start - 1;
    let framed = loop {
        let t = &ctx.toks[j];
        if t.kind != Kind::Word || t.case != Case::Lower || ctx.toks[j + 1].newline_before {
            break false;
        }
        if ctx.word_in(j, FRAME_WORDS) {
            break true;
        }
        if (j + 1 == start
            && !ctx.word_in(
                j,
                &["a", "ad", "in", "di", "da", "em", "de", "à", "par", "por"],
            ))
            || j + 4 == start
            || j == 0
        {
            break false;
        }
        j -= 1;
    };
    if !framed || no_town_word(ctx, start) {
        return false;
    }
    let f = ctx.flags[start];
    if f & (PLACE | WORD) == PLACE || more_town_head(ctx, start) {
        return true;
    }
    // A saint's name opens many towns: with a word no list knows after it ("Santa Comba de
    // X"; "la festa di Santa Lucia" is the saint's).
    if f & FIRST != 0 && !ctx.word_in(start, &["san", "santa", "santo", "são"]) {
        return false;
    }
    f == 0
        || words[1..]
            .iter()
            .any(|&w| ctx.toks[w].case == Case::Title && ctx.flags[w] == 0)
}

/// Round 15 (italian16): generic words of Italian geography that open a feature's name
/// ("Lago di Garda", "Monte Rosa", "Isole Tremiti", "Alpi Apuane", "Val di Fassa", "Tre Cime
/// di Lavaredo", "Gran Sasso"): the whole name is the place, and its second word is often a
/// first name or a surname the person rules would take ("Monte Rosa", "Monte Baldo").
const FEATURE_HEADS: &[&str] = &[
    "lago", "laghi", "monte", "monti", "isola", "isole", "alpi", "val", "valle", "golfo", "passo",
    "cime", "gran", "colli", "castelli", "costiera", "riviera", "penisola", "piana",
];

/// Round 16 (italian17): Italian articles and articulated prepositions that open a sentence
/// before a feature's name ([`feature_name`]).
const OPENING_ARTICLES: &[&str] = &[
    "il", "lo", "la", "le", "gli", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "nel",
    "nello", "nella", "nei", "negli", "nelle", "dal", "dallo", "dalla", "dai", "dagli", "dalle",
];

/// Round 16 (italian17): the run `words` opens with a capitalised word of
/// [`OPENING_ARTICLES`] at the sentence's start, before at least two more words.
fn opening_article(ctx: &Ctx<'_>, words: &[usize]) -> bool {
    words.len() > 2
        && ctx.toks[words[0]].case == Case::Title
        && ctx.word_in(words[0], OPENING_ARTICLES)
        && ctx.sentence_start(words[0])
}

/// Round 16 (italian17): the first token of the place a [`place_frame`] reading of the run
/// `words` found: the word after an opening article of a feature's name ("Sul Monte Bianco"
/// is "Monte Bianco"), else the run's first.
pub(crate) fn feature_start(ctx: &Ctx<'_>, words: &[usize]) -> usize {
    if opening_article(ctx, words) && feature_name(ctx, &words[1..]) {
        words[1]
    } else {
        words[0]
    }
}

/// Round 15 (italian16): a part of a country named by its direction ("Nord Italia", "Centro
/// Italia", "Alta Savoia").
const COMPASS_HEADS: &[&str] = &["nord", "sud", "centro", "alta", "bassa"];

/// Round 15 (italian16): names that open with a word of [`FEATURE_HEADS`] but are no place:
/// a bank, a television show, a race, a simulation method, an Italian-car film.
const NO_FEATURE: &[&str] = &["paschi", "famosi", "premio", "turismo", "carlo", "torino"];

/// Round 15 (italian16): the run `words` is a geographic feature named with its generic word
/// first ([`FEATURE_HEADS`]: "Lago di Garda", "Monte Rosa"), or a part of a listed place named
/// by its direction ("Nord Italia"). A "Val"/"Valle" before a name of the lists is a person
/// ("Val Kilmer").
fn feature_name(ctx: &Ctx<'_>, words: &[usize]) -> bool {
    let [h, n, ..] = *words else {
        return false;
    };
    // Round 16 (italian17): the capitalised article or articulated preposition that opens the
    // sentence is taken into the run ("Il Lago Trasimeno", "Sul Gran Sasso", "Le Alpi
    // Apuane"); the name is the words after it, where the finding starts ([`feature_start`]).
    if opening_article(ctx, words) {
        return feature_name(ctx, &words[1..]);
    }
    if ctx.toks[h].case != Case::Title || ctx.toks[n].newline_before {
        return false;
    }
    if ctx.word_in(h, COMPASS_HEADS) {
        return words.len() == 2 && ctx.toks[n].capitalised() && ctx.flags[n] & PLACE != 0;
    }
    if !ctx.word_in(h, FEATURE_HEADS) || words.iter().any(|&w| ctx.word_in(w, NO_FEATURE)) {
        return false;
    }
    // "Lago di Garda", "Tre Cime di Lavaredo": a particle, then the name; no other particle
    // after it ("Isole Tremiti da Termoli" is two places).
    let particle = ctx.toks[n].case == Case::Lower;
    if particle
        && !(words.len() > 2
            && ctx.word_in(n, &["di", "del", "della", "dei", "delle", "degli", "dello"]))
    {
        return false;
    }
    words[2..].iter().all(|&w| ctx.toks[w].capitalised())
        && (particle
            || (ctx.toks[n].capitalised()
                && !(ctx.word_in(h, &["val", "valle"]) && ctx.flags[n] & (FIRST | LAST) != 0)))
}

/// Round 15 (italian16): function words of Italian that English, German, Spanish, French and
/// Portuguese lack or write otherwise, beyond [`ROMANCE_WORDS`]: with two of them the sentence
/// is plainly Italian ("bloccata in dogana a Chiasso da dieci giorni", "Maestro di sci a
/// Cervinia").
const ITALIAN_WORDS: &[&str] = &[
    "di", "da", "gli", "dei", "nel", "nei", "sul", "dal", "ho", "hai", "anche", "più", "già",
    "perché", "dove", "ogni", "tutti", "tutto", "molto", "ancora", "dopo", "sempre", "mai",
];

/// Round 15 (italian16): the run `words`, of words no list knows, follows Italian "a"/"ad" in
/// a sentence that [`ITALIAN_WORDS`] show to be Italian: [`bare_town`]'s reading, with the
/// function words Italian sentences without a speaker hold.
fn italian_town(ctx: &Ctx<'_>, words: &[usize]) -> bool {
    let (start, end) = (words[0], words[words.len() - 1]);
    start > 0
        && ctx.word_in(start - 1, &["a", "ad"])
        && words
            .iter()
            .all(|&w| ctx.flags[w] == 0 || ctx.toks[w].case == Case::Lower)
        && bare_town_with(ctx, start, end, ITALIAN_WORDS)
}

/// Round 15 (italian16): words that join the items of a list or an alternative.
const JOINERS: &[&str] = &["e", "ed", "o", "oppure", "ou", "et", "y"];

/// Round 15 (italian16): prepositions of place that Italian, Portuguese and French repeat
/// before each item of a list of towns ("a X, a Y e a Z"); English "in" is left out ("in
/// Berlin, in Docker").
const LIST_PREPOSITIONS: &[&str] = &["a", "ad", "da", "per", "di", "em", "à"];

/// Token `q` is capitalised and a place of the lists.
fn listed_place(ctx: &Ctx<'_>, q: usize) -> bool {
    ctx.toks[q].capitalised() && ctx.flags[q] & PLACE != 0
}

/// Round 15 (italian16): the run `words` follows a preposition of [`LIST_PREPOSITIONS`] that
/// opens, with the same preposition, a listed place right before or after it in a list or an
/// alternative ("Ho cugini a Colonia, a Francoforte e a Nuova York", "Andremo a Salisburgo e
/// a Innsbruck", "Pensavo a Lucca o a Levanto"): the items of such a list are all places. A
/// first name that is no place is left to the person rules ("a Roma e a Marco").
fn listed_alongside(ctx: &Ctx<'_>, words: &[usize]) -> bool {
    let (start, end) = (words[0], words[words.len() - 1]);
    if start < 2 || ctx.toks[start].newline_before || ctx.toks[start].case != Case::Title {
        return false;
    }
    let p = start - 1;
    let f = ctx.flags[start];
    if ctx.toks[p].case != Case::Lower
        || !ctx.word_in(p, LIST_PREPOSITIONS)
        || (f & FIRST != 0 && f & PLACE == 0)
        || no_town_word(ctx, start)
    {
        return false;
    }
    let joiner = |k: usize| {
        let t = &ctx.toks[k];
        !t.newline_before && (t.is(',') || (t.case == Case::Lower && ctx.word_in(k, JOINERS)))
    };
    // The next item: ", a Y", "e a Y", ", e a Y".
    let mut j = end + 1;
    while j < ctx.toks.len().min(end + 3) && joiner(j) {
        j += 1;
    }
    if j > end + 1
        && j + 1 < ctx.toks.len()
        && ctx.toks[j].case == Case::Lower
        && tokenize_eq(ctx, j, p)
        && !ctx.toks[j + 1].newline_before
        && listed_place(ctx, j + 1)
    {
        return true;
    }
    // The item before: "a X, a", "a X e a"; walk back over its words to its preposition.
    let mut k = p;
    while k > p.saturating_sub(2) && k > 0 && joiner(k - 1) {
        k -= 1;
    }
    if k == p || ctx.toks[p].newline_before {
        return false;
    }
    let mut m = k;
    for _ in 0..4 {
        if m == 0 || ctx.toks[m].newline_before {
            return false;
        }
        m -= 1;
        let t = &ctx.toks[m];
        if t.kind != Kind::Word {
            return false;
        }
        if t.case == Case::Lower {
            return tokenize_eq(ctx, m, p) && (m + 1..k).any(|q| listed_place(ctx, q));
        }
    }
    false
}

/// Run words `words` open with a preposition of place capitalised at the sentence's start,
/// in a sentence about the weather ("A Tornolo piove", "Em Vila Verde chove", "In Appingedam
/// regent het", "À Ussel il pleut"). Returns the index of the town's first word.
/// Round 12: or in a sentence of Italian, Portuguese or French that [`lead_town`] reads.
pub(crate) fn lead_weather(ctx: &Ctx<'_>, words: &[usize]) -> Option<usize> {
    (words.len() >= 2
        && ctx.toks[words[0]].len() <= 3
        && ctx.sentence_start(words[0])
        && ((ctx.word_in(words[0], WEATHER_PREPOSITIONS)
            && weather_near(ctx, words[1], words[words.len() - 1]))
            || lead_town(ctx, words[0], words[1], words[words.len() - 1])))
    .then_some(1)
}

/// Prepositions of place and origin that open a sentence capitalised before a town ("Da X a
/// Milano …", "In X hanno chiuso …", "Per X conviene …", "De X até Lisboa …", "À X, le
/// marché …").
const LEAD_PREPOSITIONS: &[&str] = &["a", "à", "em", "in", "ad", "da", "de", "per", "no", "na"];

/// Articles and auxiliaries of Italian, Portuguese and French that [`ROMANCE_WORDS`] lacks,
/// read only after a town that opens a sentence ("In Foligno hanno aperto un nuovo
/// ospedale", "Em X a feira é às quintas").
const LEAD_LINE_WORDS: &[&str] = &[
    "un", "una", "uno", "hanno", "ha", "gli", "às", "aos", "uns", "umas", "une", "ont", "sont",
];

/// The preposition `p` of [`LEAD_PREPOSITIONS`], capitalised at the sentence's start, opens
/// the words `start..=end` (round 12): they are a town when every one is a listed
/// place, a lower-case particle, or known to no list, the first is no common word (a room,
/// a setting, a language), the line holds no English or German word, and either a second
/// place follows ("Da Tarquinia a Milano", "De Sines até Lisboa", "De Briançon à Paris") or
/// the sentence goes on in Italian, Portuguese or French ("In Bevagna hanno chiuso la
/// statale per lavori", "À Dinan, le marché …"). One word no list knows needs a town's
/// ending ([`TOWN_ENDINGS`]), the second place or a comma after it: "In Allegato trovi …",
/// "Da Lunedì a Venerdì" stay words.
fn lead_town(ctx: &Ctx<'_>, p: usize, start: usize, end: usize) -> bool {
    if !ctx.word_in(p, LEAD_PREPOSITIONS)
        || ctx.toks[start].case != Case::Title
        || no_town_word(ctx, start)
        || ctx.word_in(start, SETTING_VALUES)
    {
        return false;
    }
    let lower = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| !t.newline_before && t.kind == Kind::Word && t.case == Case::Lower)
    };
    // "Da X a Milano", "De X até Lisboa": a listed place after "to".
    let pair = ctx.word_in(p, &["da", "de"])
        && lower(end + 1)
        && ctx.word_in(end + 1, &["a", "à", "até", "ao", "para"])
        && ctx.toks.get(end + 2).is_some_and(|t| {
            !t.newline_before && t.case == Case::Title && ctx.flags[end + 2] & PLACE != 0
        });
    let comma = ctx.punct(end + 1, ',');
    // Round 13: "Da Tarquinia partiamo domani": a verb of leaving right after the word says
    // "from" a town, where "da" before a person would mean "at their home" ("Da Maria
    // andiamo dopo"); so a first name may be the town there.
    let leaving = ctx.word_in(p, &["da", "de"]) && lower(end + 1) && ctx.word_in(end + 1, LEAVING);
    let mut listed = true;
    for w in start..=end {
        let f = ctx.flags[w];
        if ctx.toks[w].kind == Kind::Punct {
            // "Sant'Agata": an apostrophe inside a word.
            if !(ctx.toks[w].glued && (ctx.punct(w, '\'') || ctx.punct(w, '’'))) {
                return false;
            }
        } else if ctx.toks[w].case == Case::Lower {
            if !ctx.word_in(w, TOWN_SHAPE_PARTICLES) {
                return false;
            }
        } else if f & PLACE == 0 {
            // A surname is a town's name too ("De Sines até Lisboa") between two places.
            if f & WORD != 0
                || (f & FIRST != 0 && !leaving)
                || (f & LAST != 0 && !(pair || leaving))
            {
                return false;
            }
            listed = false;
        }
    }
    // One word no list knows: a town's ending, or a pair or a comma after it ("À Dinan,").
    let shaped = listed
        || start != end
        || pair
        || leaving
        || comma
        || TOWN_ENDINGS.iter().any(|e| ctx.s(start).ends_with(e));
    if !shaped {
        return false;
    }
    if !(pair || comma || lower(end + 1)) {
        return false;
    }
    // The line's language: no English or German word, and (unless a pair or a verb of
    // leaving, Italian or Portuguese themselves) a Romance one.
    let mut romance = pair || leaving;
    let mut k = end + 1;
    while k < ctx.toks.len() && !ctx.toks[k].newline_before {
        if ctx.toks[k].kind == Kind::Word && ctx.toks[k].case == Case::Lower {
            if ctx.word_in(k, ENGLISH_WORDS) {
                return false;
            }
            romance = romance
                || ctx.word_in(k, ROMANCE_WORDS)
                || ctx.word_in(k, PERSONAL_WORDS)
                || ctx.word_in(k, LEAD_LINE_WORDS);
        }
        k += 1;
    }
    romance
}

/// Italian and Portuguese verbs of leaving, first person, that follow "Da X"/"De X" opening a
/// sentence ([`lead_town`]): "Da Tarquinia partiamo domani", "De Viseu partimos às 8".
const LEAVING: &[&str] = &["partiamo", "parto", "partono", "partimos", "saímos"];

/// Lower-case words that join the parts of a town's name ("Domegge di Cadore", "Castelo de
/// Paiva", "Egmond aan Zee"). Dutch "op" and "bij" are left out: "in Documenten op Schijf" is
/// a folder.
const TOWN_SHAPE_PARTICLES: &[&str] = &[
    "di", "del", "della", "dello", "delle", "dei", "degli", "sul", "sulla", "de", "do", "da",
    "dos", "das", "aan",
];

/// Capitalised nouns of software, offices and documents that open names joined by "de" or
/// "di" and are no towns ("em Sistema de Arquivos", "a Gestione dei Permessi", "no Painel
/// de Controle").
const NO_TOWN_HEADS: &[&str] = &[
    "sistema",
    "sistemas",
    "controle",
    "controlo",
    "gestione",
    "gestão",
    "gestor",
    "pannello",
    "painel",
    "configurações",
    "configurazione",
    "configuração",
    "impostazioni",
    "definições",
    "modo",
    "modalità",
    "menu",
    "servizio",
    "serviço",
    "serviços",
    "servizi",
    "ufficio",
    "escritório",
    "dipartimento",
    "departamento",
    "direzione",
    "direção",
    "sezione",
    "secção",
    "seção",
    "pagina",
    "página",
    "gruppo",
    "grupo",
    "base",
    "banco",
    "centro",
    "gerenciador",
    "editor",
    "lista",
    "elenco",
    "registro",
    "registo",
    "arquivo",
    "archivio",
    "pasta",
    "cartella",
    "ficheiro",
    "file",
    "tabela",
    "tabella",
    "manuale",
    "manual",
    "guia",
    "guida",
];

/// The run `start..=end` after a place preposition has a town's shape: its first word is no
/// first name or surname the lists know (unless a place), and a lower-case particle joins it
/// to a capitalised word inside the run or right after it ("a Domegge di Cadore", "em
/// Castelo de Paiva", "in Egmond aan Zee"). "a Maria de Souza" is a person. Round 11: an
/// Italian or Portuguese particle may be capitalised inside the town ("a Cervara Di Roma",
/// as postal tables write it), which the list's "Roma" inside it took.
pub(crate) fn particle_town(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let f = ctx.flags[start];
    // Prepositions of place only: Portuguese "do" is as often "of the" ("o repositório do
    // Sistema de Controle").
    if f & (FIRST | LAST) != 0 && f & PLACE == 0
        || start == 0
        || !ctx.word_in(start - 1, &["a", "à", "em", "in", "naar", "uit", "para"])
        || ctx.word_in(start, NO_TOWN_HEADS)
    {
        return false;
    }
    let capital = |k: usize| {
        ctx.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word && t.case != Case::Lower && !t.newline_before && !t.glued
        })
    };
    (start + 1..=end + 1).any(|k| {
        ctx.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && (t.case == Case::Lower || (t.case == Case::Title && k <= end))
                && !t.newline_before
                && !t.glued
        }) && ctx.word_in(k, TOWN_SHAPE_PARTICLES)
            && capital(k - 1)
            && (capital(k + 1)
                || (ctx.word_in(k + 1, &["de", "den", "la", "le"]) && capital(k + 2)))
    })
}

/// Token `k` is a word of mixed case that reads as title case: capitalised parts around an
/// apostrophe ("Sant'Antonio") or a Dutch word opening with the digraph IJ ("IJsselstein").
pub(crate) fn title_like(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    if t.case != Case::Other || t.kind != Kind::Word {
        return false;
    }
    // One pass over the bytes rules out most mixed-case words ("iPhone", "McDonald"); 0x99
    // is the last byte of a typographic apostrophe.
    let s = ctx.s(k).as_bytes();
    if s.starts_with(b"IJ") {
        return dutch_ij_title(ctx, k);
    }
    s.iter().any(|&b| b == b'\'' || b == 0x99) && apostrophe_title(ctx, k)
}

/// Token `k` is a Dutch word opening with the digraph IJ, both letters capitalised
/// ("IJsselstein", "IJmuiden").
fn dutch_ij_title(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    let s = ctx.s(k).as_bytes();
    t.kind == Kind::Word
        && t.case == Case::Other
        && s.len() > 3
        && s.starts_with(b"IJ")
        && s[2..].iter().all(|b| b.is_ascii_lowercase())
}

/// Round 8: a town typed in lower case after a cue of living, moving or origin ("i live in
/// berlin", "ich wohne in münchen", "abito a roma", "moved to leeds last year", "mieszkam w
/// krakowie"), as people type on phones and in chats. Token `i`, a lower-case word right
/// after a lower-case place preposition, starts a place of up to four words the gazetteer
/// has as a place and not as a common word ("nice", "bath", "reading" stay words), or is the
/// Polish locative of one; the cue is a phrase of [`super::address::LIVE_CUES`], a verb of
/// residence, work or travel before the preposition ([`verb_cued`]), or an English verb of
/// moving opening the sentence without its subject. Returns the place's last token.
#[cold]
#[inline(never)]
pub(crate) fn lower_town(ctx: &Ctx<'_>, g: &Gazetteer, i: usize) -> Option<usize> {
    use super::lexicon::role::LIVE_LAST;
    let t = &ctx.toks[i];
    if i < 2 || t.glued || t.newline_before || ctx.in_identifier(i) {
        return None;
    }
    let p = i - 1;
    let pt = &ctx.toks[p];
    // Round 13: "sede: padova", "residenza: bari": a form's label typed in lower case, alone
    // on its line before its colon.
    if pt.is(':') && pt.glued && !pt.newline_before {
        let l = p - 1;
        let label = ctx.toks[l].case == Case::Lower
            && (l == 0 || ctx.toks[l].newline_before)
            && ctx.word_in(l, LOWER_LABELS);
        return if label {
            lower_place_end(ctx, g, i)
        } else {
            None
        };
    }
    if pt.case != Case::Lower || pt.newline_before || t.start - pt.end != 1 {
        return None;
    }
    let end = lower_place_end(ctx, g, i)?;
    let live = ctx.role(p, LIVE_LAST)
        && ctx
            .phrases_ending_at(p, super::address::LIVE_CUES)
            .next()
            .is_some();
    let origin = || ctx.phrases_ending_at(p, LOWER_ORIGIN_CUES).next().is_some();
    // "wir sind nach hamburg gezogen": the participle after the town.
    let after = || {
        ctx.word_in(p, &["nach", "naar", "in", "aus", "uit"])
            && ctx.toks.get(end + 1).is_some_and(|t| !t.newline_before)
            && ctx.word_in(end + 1, TOWN_VERBS_AFTER)
    };
    (live || origin() || lower_verb_before(ctx, p) || after()).then_some(end)
}

/// A lower-case verb of [`TOWN_VERBS`] ends one to three words before the preposition at
/// `p`, on its line, with only lower-case words between ("grew up in", "ich lebe seit
/// jahren in"). Nouns of travel and premises, which [`verb_cued`] also reads before a
/// capitalised town, are left out: "na loja de ..." is a shop, not the town Loja. An
/// English verb of moving needs its subject, or opens the sentence without it ("moved to
/// leeds last year": a chat leaves out "I").
fn lower_verb_before(ctx: &Ctx<'_>, p: usize) -> bool {
    if !ctx.word_in(p, TOWN_PREPOSITIONS) {
        return false;
    }
    for d in 1..=3 {
        let Some(j) = p.checked_sub(d) else {
            return false;
        };
        let t = &ctx.toks[j];
        if t.kind != Kind::Word || t.case != Case::Lower || ctx.toks[j + 1].newline_before {
            return false;
        }
        if ctx.word_in(j, TOWN_VERBS) {
            if ctx.word_in(j, MOVE_VERBS) {
                return person_before(ctx, j) || ctx.sentence_start(j);
            }
            // A copula only right before the preposition ("soy de", "je suis à").
            return d == 1 || !ctx.word_in(j, COPULAS);
        }
    }
    false
}

/// Phrases of origin before a lower-case town that [`verb_cued`] does not read: a copula
/// and the preposition ("i'm from leeds", "jestem z ...", "sou de ...").
pub(crate) const LOWER_ORIGIN_CUES: &[&str] = &[
    "i'm from",
    "i’m from",
    "im from",
    "i am from",
    "we're from",
    "we’re from",
    "we are from",
    "come from",
    "comes from",
    "came from",
    "ich bin aus",
    "je suis de",
    "ik ben van",
    "jestem z",
    "jestem ze",
    "pochodzę z",
    "pochodzę ze",
    "sou de",
    "sou do",
    "sou da",
    // Round 11: Italian ("sono di roma").
    "sono di",
    "siamo di",
    // Round 13: chat's third person and short forms ("qualcuno è di pistoia?", "alguém aqui é
    // de viseu?", "qqn est de meaux ?", "tô em curitiba").
    "è di",
    "é de",
    "est de",
    "tô em",
    "tô no",
    "tô na",
];

/// Token `w`, one word that is no listed place, is two listed places joined by a hyphen (or
/// an en dash, which the text's folding made one): a route or a link between towns ("Volo
/// Roma–Catania", "Biglietto Bari-Lecce", "Voo Lisboa–Porto", "Vol Paris–Saint-Étienne").
/// Both parts are capitalised and listed, and at most one is also a common word. Returns the
/// byte lengths of the first part and of the first part with its hyphen.
#[cold]
#[inline(never)]
pub(crate) fn hyphen_pair(ctx: &Ctx<'_>, g: &Gazetteer, w: usize) -> Option<(usize, usize)> {
    let s = ctx.s(w);
    if !s.contains('-') {
        return None;
    }
    let mut buf = [0u8; 64];
    // The token's flags merge its parts' (a double surname): the whole name is asked.
    if g.flags(lower_into(s, &mut buf)?) & PLACE != 0 {
        return None;
    }
    let place = |part: &str, buf: &mut [u8; 64]| -> Option<bool> {
        if !part.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let f = g.flags(lower_into(part, buf)?);
        (f & PLACE != 0).then_some(f & WORD != 0)
    };
    s.match_indices('-').find_map(|(k, _)| {
        let left = place(&s[..k], &mut buf)?;
        let right = place(&s[k + 1..], &mut buf)?;
        (!(left && right)).then_some((k, k + 1))
    })
}

/// Labels of a form's town field typed in lower case, alone on their line before a colon
/// ([`lower_town`]: "sede: padova"). The lexicon gives them the roles after which a
/// lower-case word is looked up as a place.
pub(crate) const LOWER_LABELS: &[&str] = &[
    "sede",
    "residenza",
    "domicilio",
    "città",
    "comune",
    "cidade",
    "naturalidade",
    "morada",
    "ville",
    "domicile",
];

/// The lower-case place starting at token `i` (see [`lower_town`]): its last token.
fn lower_place_end(ctx: &Ctx<'_>, g: &Gazetteer, i: usize) -> Option<usize> {
    let mut key = [0u8; 64];
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut best = None;
    let mut k = i;
    // Round 13: four words ("castel san pietro terme", "vila nova de gaia").
    for m in 0..4 {
        if m > 0 {
            let Some(next) = ctx.toks.get(k + 1) else {
                break;
            };
            if next.kind != Kind::Word
                || next.case != Case::Lower
                || next.newline_before
                || next.start - ctx.toks[k].end != 1
            {
                break;
            }
            k += 1;
        }
        let Some(low) = lower_into(ctx.s(k), &mut buf) else {
            break;
        };
        if !push_key_word(&mut key, &mut n, m, low) {
            break;
        }
        let f = if m == 0 {
            ctx.flags[k]
        } else {
            g.flags(&key[..n])
        };
        if f & (PLACE | WORD) == PLACE {
            best = Some(k);
        }
    }
    // "mieszkam w krakowie": the locative of a listed town.
    best.or_else(|| (ctx.flags[i] == 0 && locative_form(ctx, g, i)).then_some(i))
}
