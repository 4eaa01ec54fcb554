//! Evidence that a capitalised word is a town whatever the lists say: a verb of residence,
//! work or travel before its preposition ("settled in X", "ci siamo trasferiti a X", "naar X
//! verhuisd"), a town's ending or first word, a Polish locative of a listed town ("w
//! Warszawie"); and what makes a listed place a plain word after all (a UI label after "click
//! on", a common word after an article, an ALL-CAPS table cell). The person detector asks these
//! questions once it has a run of capitalised words.

use super::gazetteer::{Gazetteer, FIRST, LAST, PLACE, WORD};
use super::lexicon::role::PLACE_CUE;
use super::tokenize::{lower_into, Case, Kind};
use super::Ctx;

/// Prepositions that introduce a town after a verb of residence, work or travel.
const TOWN_PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "near", "nach", "von", "aus", "bei", "à", "a", "de", "d", "en", "di", "da",
    "naar", "van", "uit", "bij", "w", "we", "z", "ze", "do", "em", "para", "desde", "verso", "per",
    "pour", "outside", "of", "te", "vanuit",
];

/// Verbs (and participles) of living, working, moving and travelling in the eight languages.
/// First-person and past forms: these are what people write about themselves, and rarely what
/// software documentation says ("works in Firefox" is left out on purpose).
const TOWN_VERBS: &[&str] = &[
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
];

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
    // Nouns German capitalises: the weather, a holiday, a hotel somewhere.
    "wetter",
    "urlaub",
    "hotel",
    "hotels",
    "restaurant",
    "restaurants",
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
    let lower = ctx.toks[p].case == Case::Lower;
    let article = p > 0 && ctx.word_in(p - 1, &["die", "der", "den", "dem", "des", "the"]);
    (lower || article)
        && ctx.word_in(
            p,
            &[
                "stadt",
                "gemeinde",
                "ortschaft",
                "gemeente",
                "stad",
                "dorp",
                "miasto",
            ],
        )
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
    "sint", "monte", "ciudad", "cidade",
];

/// A verb of residence, work or travel ends at token `j` or one or two words before it, on
/// the same line and in the same sentence ("leben seit Jahren in"). Copulas ("sono di",
/// "soy de", "jestem z") count only right before the preposition. A capitalised verb counts
/// only at a sentence's start ("Vim in Modo Ex" is no Portuguese "vim").
fn verb_before(ctx: &Ctx<'_>, mut j: usize) -> bool {
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
            return k == 0 || !ctx.word_in(j, COPULAS);
        } else if k == 0 && t.kind == Kind::Word && ctx.word_in(j, PREMISES) {
            return true;
        } else if k == 0 && t.kind == Kind::Word && ctx.word_in(j, PLACE_NOUNS) {
            // "the town of X", "il comune di X": lower case, or German's capitalised noun.
            return t.case == Case::Lower || ctx.word_in(j, &["stadt", "gemeinde"]);
        }
        if t.newline_before || j == 0 {
            return false;
        }
        j -= 1;
    }
    false
}

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
];

/// A lower-case technical noun follows the place ending at `end` on the same line.
pub(crate) fn tech_noun_after(ctx: &Ctx<'_>, end: usize) -> bool {
    ctx.toks.get(end + 1).is_some_and(|t| {
        t.kind == Kind::Word && t.case == Case::Lower && !t.newline_before && !t.glued
    }) && ctx.word_in(end + 1, TECH_NOUNS)
}

/// Forms of "to be" among [`TOWN_VERBS`]: "sono di X" is a town, "sono parecchi ... a X"
/// is not.
const COPULAS: &[&str] = &["soy", "somos", "sono", "siamo", "sou", "somos", "jestem"];

/// The run of capitalised words `start..=end` follows a town preposition that a verb of
/// residence, work or travel governs, or sits between `nach`/`naar` and a participle of
/// moving: it names a town whatever the lists say. A click verb before the preposition makes
/// it a button ("Clique em Guardar").
pub(crate) fn verb_cued(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    if start < 2 || ctx.toks[start].newline_before {
        return false;
    }
    let mut p = start - 1;
    // `d'Italie`: the apostrophe after the elided preposition.
    if (ctx.punct(p, '\'') || ctx.punct(p, '’')) && ctx.toks[start].glued {
        p -= 1;
    }
    // Most prepositions carry the place-cue role: one bit test first.
    let preposition = ctx.toks[p].case == Case::Lower
        && (ctx.role(p, PLACE_CUE)
            || ctx.word_in(
                p,
                &[
                    "di", "van", "bij", "d", "verso", "pour", "outside", "of", "vanuit",
                ],
            ))
        && ctx.word_in(p, TOWN_PREPOSITIONS);
    if !preposition || p == 0 {
        return false;
    }
    if ui_target(ctx, start) {
        return false;
    }
    if verb_before(ctx, p - 1) || written_from(ctx, p) {
        return true;
    }
    // "nach Bruck an der Leitha gezogen": the town's river comes before the participle.
    let end = german_town_tail(ctx, end);
    ctx.word_in(p, &["nach", "naar", "in", "aus", "uit"])
        && ctx.toks.get(end + 1).is_some_and(|t| !t.newline_before)
        && ctx.word_in(end + 1, TOWN_VERBS_AFTER)
}

/// A verb of living, working or travelling opens the sentence at `verb` and the preposition
/// after it (`prep`) was read as a name particle ("Sono di Marcusland", "Soy de Mendoza").
pub(crate) fn verb_led(ctx: &Ctx<'_>, verb: usize, prep: usize) -> bool {
    prep == verb + 1
        && ctx.toks[prep].case == Case::Lower
        && ctx.sentence_start(verb)
        && ctx.word_in(prep, TOWN_PREPOSITIONS)
        && (ctx.word_in(verb, TOWN_VERBS) || ctx.word_in(verb, TRAVEL_NOUNS))
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
    if w == 0 || ctx.toks[w].case != Case::Title || !ctx.word_in(w - 1, &["w", "we"]) {
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
    if !(ctx.punct(end + 1, ',') && ctx.toks[end + 1].glued) {
        return end;
    }
    let r = end + 2;
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
    // The region ends the clause: punctuation, a line end or a lower-case word next.
    let closes = ctx.toks.get(l + 1).is_none_or(|t| {
        t.newline_before || t.kind == Kind::Punct || (t.kind == Kind::Word && t.case == Case::Lower)
    });
    if closes {
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
        TOWN_ENDINGS
            .iter()
            .any(|e| low.len() > e.len() + 2 && low.ends_with(e.as_bytes()))
            || more_town_ending(low)
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
        if ctx
            .toks
            .get(k)
            .is_some_and(|t| t.case == Case::Title && t.kind == Kind::Word && !t.newline_before)
        {
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
