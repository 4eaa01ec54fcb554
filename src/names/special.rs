//! GDPR Art. 9 special categories, only when stated about a person: a first-person or
//! relative cue ("I was diagnosed with", "my son is", "ich bin", "je suis", "sono iscritto
//! alla") right before a term from the phrase lists. A term without such a cue is a topic,
//! not personal data, and is not reported. Precision over recall: negations and other words
//! between cue and term break the match.

use super::lexicon::role::{FILLER, SPECIAL_FIRST, TERM_FIRST};
use super::lookup::Picks;
use super::tokenize::Kind;
use super::{wordset, Ctx, Entity, Hit};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A condition or diagnosis ("I have ...").
pub(crate) const N: u8 = 1;
/// An identity or state ("I am ...").
pub(crate) const A: u8 = 2;
/// A medication or treatment ("I take ...").
pub(crate) const M: u8 = 4;
/// A membership ("I am a member of ...").
pub(crate) const B: u8 = 8;
/// A vote ("I vote for ...").
pub(crate) const V: u8 = 16;
/// Own biometric or genetic data ("my DNA test").
pub(crate) const P: u8 = 32;
/// A union or party named before a word of [`MEMBER_AFTER`] ("I'm a Unite member", "ich habe
/// die FDP gewählt"): on a cue of this kind the word must follow the term.
pub(crate) const W: u8 = 64;
/// A condition right after a possessive ("my diabetes is getting worse", "ma dépression"):
/// the terms of [`N`], told apart from a topic ("my cancer research") by what follows them,
/// which must end the clause or be a word of [`OWN_AFTER`].
pub(crate) const O: u8 = 128;

/// A cue of [`super::origin`]: no term list, the origin stands in the cue's frame.
const ORIGIN: u8 = 0;

/// First-person cues and the kinds of term they introduce.
pub(crate) const CUES: &[(&str, u8)] = &[
    // The labels of a form or a clinical note ("Diagnosis: type 2 diabetes", "Religion:
    // Muslim"): what follows is about the person the form is about.
    ("diagnosis :", N),
    ("diagnoses :", N),
    ("dx :", N),
    ("condition :", N),
    ("conditions :", N),
    ("medical history :", N),
    ("medication :", M),
    ("medications :", M),
    ("diagnose :", N),
    ("vorerkrankungen :", N),
    ("medikation :", M),
    ("medikamente :", M),
    ("diagnostic :", N),
    ("traitement :", M),
    ("diagnóstico :", N),
    ("medicación :", M),
    ("diagnosi :", N),
    ("terapia :", M),
    ("medicatie :", M),
    ("diagnoza :", N),
    ("leki :", M),
    ("medicação :", M),
    ("religion :", A | B),
    ("konfession :", A | B),
    ("religión :", A | B),
    ("religione :", A | B),
    ("religie :", A | B),
    ("religia :", A | B),
    ("religião :", A | B),
    ("i have", N),
    ("i've got", N),
    ("i have got", N),
    ("i had", N),
    ("i've had", N),
    ("i have had", N),
    ("i was diagnosed with", N),
    ("i've been diagnosed with", N),
    ("i have been diagnosed with", N),
    ("i got diagnosed with", N),
    ("i'm diagnosed with", N),
    ("i suffer from", N),
    ("i'm suffering from", N),
    ("i am suffering from", N),
    ("i'm being treated for", N),
    ("i am being treated for", N),
    ("i live with", N),
    ("i'm living with", N),
    ("i carry", N),
    ("i'm a carrier of", N),
    ("i am a carrier of", N),
    ("i am", A | B),
    ("i'm", A | B),
    ("i came out as", A),
    ("i identify as", A),
    ("i take", M),
    ("i'm taking", M),
    ("i am taking", M),
    ("i'm on", M),
    ("i am on", M),
    ("i'm a member of", B),
    ("i am a member of", B),
    ("i joined", B),
    ("i belong to", B),
    ("i vote for", V),
    ("i voted for", V),
    ("i always vote for", V),
    ("i vote", V),
    ("my", P),
    ("ich habe", N),
    ("ich hab", N),
    ("ich hatte", N),
    ("ich leide an", N),
    ("ich leide unter", N),
    ("bei mir wurde", N),
    ("ich bin an", N),
    ("ich trage", N),
    ("ich bin", A | B),
    ("ich nehme", M),
    ("ich bin mitglied der", B),
    ("ich bin mitglied in der", B),
    ("ich bin mitglied bei der", B),
    ("ich bin mitglied bei", B),
    ("ich bin mitglied im", B),
    ("ich bin in der", B),
    ("ich wähle", V),
    ("mein", P),
    ("meine", P),
    ("j'ai", N),
    ("j'ai eu", N),
    ("je souffre de", N),
    ("je souffre", N),
    ("je suis atteint", N),
    ("je suis atteinte", N),
    ("on m'a diagnostiqué", N),
    ("je suis atteint de", N),
    ("je suis atteinte de", N),
    ("je suis atteint d", N),
    ("je suis atteinte d", N),
    ("je suis", A | B),
    ("je prends", M),
    ("je suis sous", M),
    ("je suis membre de", B),
    ("je suis membre du", B),
    ("je suis adhérent à", B),
    ("je suis adhérente à", B),
    ("je suis adhérent de", B),
    ("je vote pour", V),
    ("j'ai voté pour", V),
    ("mon", P),
    ("mes", P),
    ("tengo", N),
    ("padezco", N),
    ("sufro de", N),
    ("me diagnosticaron", N),
    ("me han diagnosticado", N),
    ("estoy", A),
    ("soy", A | B),
    ("tomo", M),
    ("estoy afiliado a", B),
    ("estoy afiliada a", B),
    ("estoy afiliado al", B),
    ("estoy afiliada al", B),
    ("soy miembro de", B),
    ("soy socio de", B),
    ("soy socia de", B),
    ("voto a", V),
    ("voto al", V),
    ("voté a", V),
    ("voto por", V),
    ("voté por", V),
    ("mi", P),
    ("mis", P),
    ("ho", N),
    ("ho avuto", N),
    ("soffro di", N),
    ("mi hanno diagnosticato", N),
    ("sono", A | B),
    ("prendo", M),
    ("sono iscritto alla", B),
    ("sono iscritta alla", B),
    ("sono iscritto al", B),
    ("sono iscritta al", B),
    ("sono iscritto a", B),
    ("sono iscritta a", B),
    ("sono membro del", B),
    ("sono membro della", B),
    ("voto per", V),
    ("ho votato", V),
    ("ho votato per", V),
    ("il mio", P),
    ("la mia", P),
    ("le mie", P),
    ("i miei", P),
    ("ik heb", N),
    ("ik lijd aan", N),
    ("bij mij is", N),
    ("ik ben", A | B),
    ("ik slik", M),
    ("ik gebruik", M),
    ("ik ben lid van", B),
    ("ik ben lid van de", B),
    ("ik stem op", V),
    ("ik stemde op", V),
    ("mijn", P),
    ("mam", N),
    ("choruję na", N),
    ("cierpię na", N),
    ("zdiagnozowano u mnie", N),
    ("jestem", A | B),
    ("biorę", M),
    ("przyjmuję", M),
    ("należę do", B),
    ("jestem członkiem", B),
    ("jestem członkinią", B),
    ("głosuję na", V),
    ("głosowałem na", V),
    ("głosowałam na", V),
    ("moje", P),
    ("mój", P),
    ("moja", P),
    ("tenho", N),
    ("sofro de", N),
    ("fui diagnosticado com", N),
    ("fui diagnosticada com", N),
    ("sou", A | B),
    ("eu sou", A | B),
    ("estou", A),
    ("tomo", M),
    ("sou filiado ao", B),
    ("sou filiada ao", B),
    ("sou filiado à", B),
    ("sou filiada à", B),
    ("sou membro do", B),
    ("sou membro da", B),
    ("sou sócio do", B),
    ("sou sócia do", B),
    ("voto no", V),
    ("votei no", V),
    ("voto em", V),
    ("votei em", V),
    ("meu", P),
    ("o meu", P),
    ("minha", P),
    ("minhas", P),
    ("meus", P),
    // Round 7: more verb families, the union or party before "member" ([`W`]), and an own
    // condition after a possessive ([`O`]).
    ("i've been struggling with", N),
    ("i have been struggling with", N),
    ("i'm struggling with", N),
    ("i struggle with", N),
    ("i've struggled with", N),
    ("i'm in recovery from", N),
    ("i am in recovery from", N),
    ("i'm recovering from", N),
    ("i've been living with", N),
    ("i have been living with", N),
    ("i've been battling", N),
    ("i'm battling", N),
    ("i found out i have", N),
    ("i tested positive for", N),
    ("i use", N),
    ("i'm in", B | N),
    ("i am in", B | N),
    ("i was in", N),
    ("i'm undergoing", M),
    ("i am undergoing", M),
    ("i've been undergoing", M),
    ("i've been in", B),
    ("i've been on", M),
    ("i have been on", M),
    ("i started", M),
    ("i'm starting", M),
    ("i was put on", M),
    ("i was prescribed", M),
    ("i've been prescribed", M),
    ("i was raised", A),
    ("i'm a", W),
    ("i am a", W),
    ("i'm an", W),
    ("i've been a", W),
    ("i voted", V),
    ("i'll vote for", V),
    ("i'm voting for", V),
    ("my", O),
    ("habe ich", N),
    ("hab ich", N),
    ("ich bekomme", M),
    ("ich kriege", M),
    ("ich bin mitglied des", B),
    ("ich bin bei", B),
    ("ich bin bei der", B),
    ("ich habe", W),
    ("ich hab", W),
    ("mein", O),
    ("meine", O),
    ("je suis membre des", B),
    ("j'ai été diagnostiqué", N),
    ("j'ai été diagnostiquée", N),
    ("je suis syndiqué à", B),
    ("je suis syndiquée à", B),
    ("je suis syndiqué chez", B),
    ("je suis syndiquée chez", B),
    ("mon", O),
    ("estoy en tratamiento con", M),
    ("estoy en tratamiento por", N),
    ("he votado a", V),
    ("he votado al", V),
    ("he votado por", V),
    ("voté al", V),
    ("mi è stato diagnosticato", N),
    ("mi è stata diagnosticata", N),
    ("sono in cura con", M),
    ("sono in cura per", N),
    ("il mio", O),
    ("la mia", O),
    ("heb ik", N),
    ("ik ben lid van het", B),
    ("ik ben aangesloten bij", B),
    ("ik ben aangesloten bij de", B),
    ("ik heb op", W),
    ("mijn", O),
    ("sou sindicalizado na", B),
    ("sou sindicalizada na", B),
    ("sou sindicalizado no", B),
    ("sou sindicalizada no", B),
    ("estou em tratamento com", M),
    ("estou em tratamento para", N),
    ("meu", O),
    ("minha", O),
    ("o meu", O),
    ("a minha", O),
    ("im", A),
    ("mi", O),
    ("ive got", N),
    ("ive had", N),
    ("ive been diagnosed with", N),
    ("ive been on", M),
    ("i got", N),
    ("as a", A),
    ("as an", A),
    ("dass ich", N),
    ("weil ich", N),
    ("dat ik", N),
    ("omdat ik", N),
    ("i've been fighting", N),
    ("i'm fighting", N),
    ("i was treated for", N),
    ("i've been treated for", N),
    ("mir wurde", N),
    ("bei mir ist", N),
    ("ich kämpfe mit", N),
    ("ich lebe mit", N),
    ("ich bin in behandlung wegen", N),
    ("je vis avec", N),
    ("je lutte contre", N),
    ("je me bats contre", N),
    ("je suis traité pour", N),
    ("je suis traitée pour", N),
    ("vivo con", N),
    ("lucho contra", N),
    ("estoy luchando contra", N),
    ("me detectaron", N),
    ("fui diagnosticado con", N),
    ("fui diagnosticada con", N),
    ("soy portador de", N),
    ("soy portadora de", N),
    ("convivo con", N),
    ("combatto contro", N),
    ("sono affetto da", N),
    ("sono affetta da", N),
    ("ik kamp met", N),
    ("ik leef met", N),
    ("ik worstel met", N),
    ("bij mij werd", N),
    ("ik heb last van", N),
    ("leczę się na", N),
    ("jestem chory na", N),
    ("jestem chora na", N),
    ("estou com", N),
    ("vivo com", N),
    ("luto contra", N),
    ("faço tratamento para", N),
    ("sou portador de", N),
    ("sou portadora de", N),
    ("sou portador do", N),
    ("sou portadora do", N),
    ("i've been", A),
    ("i have been", A),
    ("i've been taking", M),
    ("i have been taking", M),
    ("our family is", A),
    ("my family is", A),
    ("my family are", A),
];

/// Cues whose term must be followed by one of these words (or, for ",", by a comma and the
/// speaker: "As a Muslim, I fast"; "As a Muslim woman, I ..."): a verb-final clause ("dass
/// ich Migräne habe") or an apposition, which would otherwise be a topic ("as a Muslim
/// country").
const CUE_AFTER: &[(&str, &[&str])] = &[
    ("as a", &[","]),
    ("as an", &[","]),
    ("dass ich", &["habe", "hab", "hatte", "bekommen", "gehabt"]),
    ("weil ich", &["habe", "hab", "hatte", "bekommen", "gehabt"]),
    ("dat ik", &["heb", "had", "hebt", "gehad", "kreeg"]),
    ("omdat ik", &["heb", "had", "hebt", "gehad", "kreeg"]),
    // Broad verbs: "I started chemo research", "I'm in the union meeting room" are no
    // statements; the term must end its clause.
    ("i started", &["."]),
    ("i'm starting", &["."]),
    ("i use", &["."]),
    ("i'm in", &["."]),
    ("i am in", &["."]),
    ("i was in", &["."]),
    ("i've been in", &["."]),
    ("i got", &["."]),
    // Inverted word order ("Seit 2019 habe ich Diabetes", "heb ik sinds kort diabetes"),
    // not a participle at the end ("habe ich Depressionen besprochen").
    ("habe ich", &["."]),
    ("hab ich", &["."]),
    ("heb ik", &["."]),
];
/// Words that go on after a term which ended its clause ("I'm in the union since 2010",
/// "I started chemo last week").
const CLAUSE_GOES_ON: &[&str] = &[
    "since",
    "for",
    "and",
    "but",
    "now",
    "too",
    "again",
    "last",
    "this",
    "in",
    "at",
    "after",
    "when",
    "because",
    "today",
    "yesterday",
    "every",
    "twice",
    "once",
    "as",
    "so",
    "und",
    "aber",
    "seit",
    "en",
    "maar",
    "sinds",
    "et",
    "mais",
    "depuis",
    "y",
    "pero",
    "desde",
    "e",
    "ma",
    "da",
    "i",
    "ale",
    "od",
    "mas",
    "há",
];
/// Who speaks after the comma of an apposition ("As a Catholic, I ...").
const SPEAKER: &[&str] = &["i", "i'm", "i've", "my", "me"];

/// The term ending at `e` is followed by what the cue asks for ([`CUE_AFTER`]).
fn closes(ctx: &Ctx<'_>, e: usize, words: &'static [&'static str]) -> bool {
    if words == ["."] {
        return clause_ends(ctx, e) || ctx.word_in(e, CLAUSE_GOES_ON);
    }
    if words == [","] {
        let comma = if ctx.punct(e, ',') { e } else { e + 1 };
        return (comma == e || ctx.toks.get(e).is_some_and(|t| t.kind == Kind::Word))
            && ctx.punct(comma, ',')
            && ctx.word_in(comma + 1, SPEAKER);
    }
    ctx.word_in(e, words)
}

/// Possessives that open a statement about a relative ("my son has ...").
pub(crate) const POSSESSIVES: &[&str] = &[
    "my", "mein", "meine", "meinem", "mon", "ma", "mi", "mio", "mia", "mijn", "mój", "moja", "meu",
    "minha", "mes", "moje", "mis", "miei", "moi", "meus",
];
pub(crate) const RELATIVES: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "partner",
    "mother",
    "mom",
    "mum",
    "father",
    "dad",
    "brother",
    "sister",
    "child",
    "kid",
    "boyfriend",
    "girlfriend",
    "grandmother",
    "grandfather",
    "sohn",
    "tochter",
    "frau",
    "mann",
    "mutter",
    "vater",
    "bruder",
    "schwester",
    "kind",
    "freund",
    "freundin",
    "fils",
    "fille",
    "femme",
    "mari",
    "mère",
    "père",
    "frère",
    "sœur",
    "enfant",
    "hijo",
    "hija",
    "esposa",
    "esposo",
    "marido",
    "mujer",
    "madre",
    "padre",
    "hermano",
    "hermana",
    "figlio",
    "figlia",
    "moglie",
    "marito",
    "fratello",
    "sorella",
    "zoon",
    "dochter",
    "vrouw",
    "man",
    "moeder",
    "vader",
    "broer",
    "zus",
    "syn",
    "córka",
    "żona",
    "mąż",
    "matka",
    "ojciec",
    "brat",
    "siostra",
    "dziecko",
    "filho",
    "filha",
    "mãe",
    "pai",
    "irmão",
    "irmã",
    "mama",
    "tata",
    "mamma",
    "papà",
    "mamá",
    "papá",
    "maman",
    "papa",
    "mamãe",
    "stepson",
    "stepdaughter",
    "niece",
    "nephew",
    "aunt",
    "uncle",
    "cousin",
    "grandson",
    "granddaughter",
    "fiancé",
    "fiancée",
    "fiance",
    "fiancee",
    "spouse",
    "twin",
    "baby",
    "parents",
    "kids",
    "children",
    "oma",
    "opa",
    "enkel",
    "enkelin",
    "onkel",
    "tante",
    "cousine",
    "partnerin",
    "ehemann",
    "ehefrau",
    "eltern",
    "kinder",
    "grand-mère",
    "grand-père",
    "oncle",
    "copain",
    "copine",
    "conjoint",
    "conjointe",
    "abuela",
    "abuelo",
    "tío",
    "tía",
    "primo",
    "prima",
    "novio",
    "novia",
    "pareja",
    "padres",
    "hijos",
    "nonna",
    "nonno",
    "zio",
    "zia",
    "cugino",
    "cugina",
    "fidanzato",
    "fidanzata",
    "compagno",
    "compagna",
    "genitori",
    "oom",
    "neef",
    "nicht",
    "vriend",
    "vriendin",
    "ouders",
    "kinderen",
    "babcia",
    "dziadek",
    "wujek",
    "ciocia",
    "kuzyn",
    "kuzynka",
    "chłopak",
    "dziewczyna",
    "partnerka",
    "rodzice",
    "avó",
    "avô",
    "tio",
    "tia",
    "namorado",
    "namorada",
    "pais",
    "filhos",
    // Round 11: the family as a whole, and grandparents ("my family is Moroccan").
    "family",
    "familie",
    "famille",
    "familia",
    "famiglia",
    "rodzina",
    "família",
    "grandparents",
    "großeltern",
    "grands-parents",
    "abuelos",
    "nonni",
    "grootouders",
    "dziadkowie",
    "avós",
];
/// Verbs after a relative, with the kinds of term they introduce.
pub(crate) const RELATIVE_VERBS: &[(&str, u8)] = &[
    ("has", N),
    ("had", N),
    ("was diagnosed with", N),
    ("has been diagnosed with", N),
    ("suffers from", N),
    ("is", A),
    ("was", A),
    ("takes", M),
    ("is on", M),
    ("hat", N),
    ("leidet an", N),
    ("leidet unter", N),
    ("ist", A),
    ("nimmt", M),
    ("a", N),
    ("souffre de", N),
    ("est", A),
    ("prend", M),
    ("tiene", N),
    ("padece", N),
    ("sufre de", N),
    ("es", A),
    ("está", A),
    ("toma", M),
    ("ha", N),
    ("soffre di", N),
    ("è", A),
    ("prende", M),
    ("heeft", N),
    ("lijdt aan", N),
    ("slikt", M),
    ("ma", N),
    ("choruje na", N),
    ("cierpi na", N),
    ("jest", A),
    ("bierze", M),
    ("tem", N),
    ("sofre de", N),
    ("é", A),
    // Round 7: plural relatives ("my parents are Catholic", "meine Eltern sind").
    ("are", A),
    ("have", N),
    ("sind", A),
    ("haben", N),
    ("sont", A),
    ("ont", N),
    ("zijn", A),
    ("hebben", N),
    ("tienen", N),
    ("mają", N),
    ("têm", N),
    ("são", A),
    // Round 11: the plural copulas the list lacked, and the past ("mis padres son", "i miei
    // genitori sono", "moi rodzice są", "my grandparents were").
    ("son", A),
    ("sono", A),
    ("są", A),
    ("were", A),
    ("waren", A),
    ("étaient", A),
    ("eran", A),
    ("erano", A),
    ("byli", A),
    ("eram", A),
];
/// Words allowed between cue and term ("I have type 2 diabetes", "je suis une musulmane").
pub(crate) const FILLERS: &[&str] = &[
    "a",
    "an",
    "the",
    "type",
    "1",
    "2",
    "mild",
    "severe",
    "chronic",
    "acute",
    "early",
    "late",
    "stage",
    "ein",
    "eine",
    "einen",
    "einer",
    "un",
    "une",
    "una",
    "uno",
    "een",
    "o",
    "um",
    "uma",
    "la",
    "le",
    "el",
    "il",
    "lo",
    "de",
    "du",
    "des",
    "del",
    "di",
    "della",
    "van",
    "da",
    "do",
    "die",
    "der",
    "den",
    "das",
    "also",
    "auch",
    "aussi",
    "también",
    "anche",
    "ook",
    "też",
    "também",
    "been",
    "currently",
    "now",
    "still",
    "proud",
    "practising",
    "practicing",
    "devout",
    "strenuous",
    "recovering",
    "openly",
    "schwer",
    "leichte",
    "leichten",
    "praticante",
    "practicante",
    "pratiquant",
    "pratiquante",
    "overtuigd",
    "gelovig",
    "zagorzałym",
    "zagorzałą",
    "praktykującym",
    "praktykującą",
    "registered",
    "card-carrying",
    "gläubiger",
    "gläubige",
    "überzeugter",
    "überzeugte",
    "praktizierender",
    "praktizierende",
    "bekennender",
    "bekennende",
    "d'un",
    "d'une",
    "d’un",
    "d’une",
];

/// The terms, by entity and the kinds of cue they follow.
pub(crate) const TERMS: &[(Entity, u8, &[&str])] = &[
    (
        Entity::Health,
        N,
        &[
            // Care that tells of a condition, after "I'm in" / "I was in" (clause end).
            "rehab",
            "therapy",
            "psychotherapy",
            "counselling",
            "counseling",
            "detox",
            "diabetes",
            "cancer",
            "breast cancer",
            "prostate cancer",
            "lung cancer",
            "skin cancer",
            "leukemia",
            "leukaemia",
            "lymphoma",
            "hiv",
            "aids",
            "asthma",
            "epilepsy",
            "depression",
            "clinical depression",
            "anxiety disorder",
            "schizophrenia",
            "bipolar disorder",
            "adhd",
            "autism",
            "multiple sclerosis",
            "parkinson's",
            "parkinson's disease",
            "alzheimer's",
            "alzheimer's disease",
            "dementia",
            "hepatitis",
            "hepatitis b",
            "hepatitis c",
            "crohn's disease",
            "long covid",
            "covid",
            "tuberculosis",
            "heart disease",
            "high blood pressure",
            "hypertension",
            "arthritis",
            "rheumatoid arthritis",
            "lupus",
            "celiac disease",
            "coeliac disease",
            "ptsd",
            "an eating disorder",
            "eating disorder",
            "anorexia",
            "bulimia",
            "ocd",
            "herpes",
            "chlamydia",
            "syphilis",
            "gonorrhea",
            "migraines",
            "cystic fibrosis",
            "a brain tumor",
            "a brain tumour",
            "brain tumor",
            "a tumor",
            "a tumour",
            "endometriosis",
            "copd",
            "kidney disease",
            "a stroke",
            "a heart attack",
            "fibromyalgia",
            "psoriasis",
            "sickle cell disease",
            "krebs",
            "brustkrebs",
            "leukämie",
            "asthma",
            "epilepsie",
            "depressionen",
            "schizophrenie",
            "adhs",
            "autismus",
            "multiple sklerose",
            "parkinson",
            "alzheimer",
            "demenz",
            "morbus crohn",
            "bluthochdruck",
            "rheuma",
            "migräne",
            "eine angststörung",
            "angststörung",
            "eine essstörung",
            "magersucht",
            "tuberkulose",
            "einen tumor",
            "einen schlaganfall",
            "einen herzinfarkt",
            "diabète",
            "cancer du sein",
            "leucémie",
            "vih",
            "sida",
            "asthme",
            "épilepsie",
            "dépression",
            "schizophrénie",
            "tdah",
            "autisme",
            "sclérose en plaques",
            "démence",
            "hépatite",
            "maladie de crohn",
            "anorexie",
            "boulimie",
            "cáncer",
            "cáncer de mama",
            "leucemia",
            "vih",
            "asma",
            "epilepsia",
            "depresión",
            "esquizofrenia",
            "autismo",
            "esclerosis múltiple",
            "demencia",
            "hipertensión",
            "artritis",
            "migraña",
            "ansiedad",
            "diabete",
            "cancro",
            "tumore",
            "un tumore",
            "epilessia",
            "depressione",
            "sclerosi multipla",
            "demenza",
            "epatite",
            "ipertensione",
            "artrite",
            "emicrania",
            "anoressia",
            "suikerziekte",
            "kanker",
            "borstkanker",
            "leukemie",
            "astma",
            "depressie",
            "autisme",
            "multiple sclerose",
            "dementie",
            "hoge bloeddruk",
            "reuma",
            "cukrzycę",
            "cukrzyca",
            "cukrzycy",
            "raka",
            "nowotwór",
            "białaczkę",
            "astmę",
            "padaczkę",
            "epilepsję",
            "depresję",
            "schizofrenię",
            "autyzm",
            "stwardnienie rozsiane",
            "parkinsona",
            "alzheimera",
            "nadciśnienie",
            "migrenę",
            "câncer",
            "depressão",
            "esclerose múltipla",
            "demência",
            "hepatite",
            "hipertensão",
            "artrite",
            "enxaqueca",
            "sida",
            "diabetes tipo",
            "anxiety",
            "an anxiety disorder",
            "anxiety disorder",
            "alcoholism",
            "addiction",
            "drug addiction",
            "a wheelchair",
            "wheelchair",
            "lungenkrebs",
            "prostatakrebs",
            "darmkrebs",
            "hautkrebs",
            "eine depression",
            "angstzustände",
            "panikattacken",
            "bipolare störung",
            "eine bipolare störung",
            "borderline",
            "cancer du poumon",
            "cancer de la prostate",
            "lymphome",
            "un lymphome",
            "trouble bipolaire",
            "un trouble bipolaire",
            "migraines",
            "cáncer de pulmón",
            "cáncer de próstata",
            "trastorno bipolar",
            "un trastorno bipolar",
            "disturbo bipolare",
            "cancro al polmone",
            "longkanker",
            "darmkanker",
            "een angststoornis",
            "angststoornis",
            "chorobę dwubiegunową",
            "raka płuc",
            "raka piersi",
            "nerwicę",
            "câncer de pulmão",
            "cancro do pulmão",
            "ansiedade",
            "transtorno bipolar",
            "a miscarriage",
            "miscarriage",
            "an abortion",
            "migraine",
            "celiac disease",
            "zöliakie",
            "maladie cœliaque",
            "celiaquía",
            "celiachia",
            "coeliakie",
            "celiakię",
            "doença celíaca",
        ],
    ),
    (
        Entity::Health,
        A,
        &[
            "pregnant",
            "diabetic",
            "autistic",
            "epileptic",
            "hiv positive",
            "hiv-positive",
            "bipolar",
            "schizophrenic",
            "anorexic",
            "asthmatic",
            "deaf",
            "blind",
            "disabled",
            "paralysed",
            "paralyzed",
            "infertile",
            "clinically depressed",
            "an alcoholic",
            "alcoholic",
            "a drug addict",
            "an addict",
            "schwanger",
            "diabetiker",
            "diabetikerin",
            "autist",
            "autistin",
            "autistisch",
            "epileptiker",
            "epileptikerin",
            "hiv-positiv",
            "depressiv",
            "gehörlos",
            "schwerbehindert",
            "alkoholiker",
            "alkoholikerin",
            "unfruchtbar",
            "enceinte",
            "diabétique",
            "autiste",
            "épileptique",
            "séropositif",
            "séropositive",
            "bipolaire",
            "dépressif",
            "dépressive",
            "sourd",
            "sourde",
            "handicapé",
            "handicapée",
            "alcoolique",
            "embarazada",
            "diabético",
            "diabética",
            "autista",
            "epiléptico",
            "epiléptica",
            "seropositivo",
            "seropositiva",
            "alcohólico",
            "alcohólica",
            "incinta",
            "diabetico",
            "diabetica",
            "autistico",
            "autistica",
            "epilettico",
            "epilettica",
            "sieropositivo",
            "sieropositiva",
            "bipolare",
            "disabile",
            "alcolista",
            "zwanger",
            "diabeet",
            "autistisch",
            "epileptisch",
            "hiv-positief",
            "bipolair",
            "depressief",
            "doof",
            "gehandicapt",
            "alcoholist",
            "w ciąży",
            "cukrzykiem",
            "autystyczny",
            "autystyczna",
            "epileptykiem",
            "niewidomy",
            "niewidoma",
            "niepełnosprawny",
            "niepełnosprawna",
            "alkoholikiem",
            "grávida",
            "epilético",
            "epiléptico",
            "soropositivo",
            "surdo",
            "surda",
            "deficiente",
            "alcoólatra",
            "cukrzykiem",
            "hiv +",
            "visually impaired",
            "partially sighted",
            "hard of hearing",
            "a wheelchair user",
            "wheelchair user",
            "dyslexic",
            "aveugle",
            "malvoyant",
            "malvoyante",
            "sordo",
            "sorda",
            "ciego",
            "ciega",
            "cieco",
            "cieca",
            "celiac",
            "coeliac",
            "cœliaque",
            "celíaco",
            "celíaca",
            "celiaco",
            "celiaca",
            "sehbehindert",
            "malentendant",
            "malentendante",
            "slechtziend",
            "slechthorend",
            "niedowidzący",
            "niesłyszący",
            "cego",
            "cega",
            "soropositiva",
        ],
    ),
    (
        Entity::Health,
        M,
        &[
            "insulin",
            "metformin",
            "antidepressants",
            "sertraline",
            "fluoxetine",
            "lithium",
            "methadone",
            "chemotherapy",
            "chemo",
            "dialysis",
            "radiotherapy",
            "radiation therapy",
            "ivf",
            "hormone therapy",
            "prep",
            "antiretrovirals",
            "hiv medication",
            "insuline",
            "insulina",
            "insulinę",
            "chemotherapie",
            "chemioterapia",
            "quimioterapia",
            "chimiothérapie",
            "chemioterapię",
            "antidepressiva",
            "antidepressivum",
            "antidépresseurs",
            "antidepresivos",
            "antidepressivi",
            "antidepressivos",
            "antydepresanty",
            "metformina",
            "metformine",
            "litio",
            "lítio",
            "ritalin",
            "methadon",
            "méthadone",
            "metadona",
            "metadone",
            "quimio",
            "antidepressiva",
            "antipsychotics",
            "antiretroviral therapy",
            "metadon",
            "leki przeciwdepresyjne",
            "leki na depresję",
        ],
    ),
    (
        Entity::Religion,
        A,
        &[
            "muslim",
            "a muslim",
            "christian",
            "a christian",
            "catholic",
            "a catholic",
            "protestant",
            "jewish",
            "a jew",
            "hindu",
            "a hindu",
            "buddhist",
            "a buddhist",
            "sikh",
            "a sikh",
            "atheist",
            "an atheist",
            "agnostic",
            "mormon",
            "a mormon",
            "a jehovah's witness",
            "jehovah's witness",
            "evangelical",
            "orthodox christian",
            "baptist",
            "methodist",
            "lutheran",
            "anglican",
            "pagan",
            "muslimin",
            "muslimisch",
            "christ",
            "christin",
            "katholisch",
            "katholik",
            "katholikin",
            "evangelisch",
            "jüdisch",
            "jude",
            "jüdin",
            "buddhistin",
            "atheistin",
            "agnostiker",
            "zeuge jehovas",
            "musulman",
            "musulmane",
            "chrétien",
            "chrétienne",
            "catholique",
            "protestante",
            "juif",
            "juive",
            "hindou",
            "hindoue",
            "bouddhiste",
            "athée",
            "agnostique",
            "témoin de jéhovah",
            "orthodoxe",
            "évangélique",
            "musulmán",
            "musulmana",
            "cristiano",
            "cristiana",
            "católico",
            "católica",
            "judío",
            "judía",
            "hindú",
            "budista",
            "ateo",
            "atea",
            "agnóstico",
            "agnóstica",
            "testigo de jehová",
            "evangélico",
            "evangélica",
            "mormón",
            "musulmano",
            "cattolico",
            "cattolica",
            "ebreo",
            "ebrea",
            "induista",
            "buddista",
            "agnostico",
            "agnostica",
            "testimone di geova",
            "evangelico",
            "ortodosso",
            "ortodossa",
            "moslim",
            "islamitisch",
            "christen",
            "christelijk",
            "katholiek",
            "protestants",
            "joods",
            "jood",
            "hindoe",
            "boeddhist",
            "boeddhistisch",
            "atheïst",
            "agnost",
            "getuige van jehova",
            "muzułmaninem",
            "muzułmanką",
            "chrześcijaninem",
            "chrześcijanką",
            "katolikiem",
            "katoliczką",
            "protestantem",
            "żydem",
            "żydówką",
            "buddystą",
            "buddystką",
            "ateistą",
            "ateistką",
            "agnostykiem",
            "świadkiem jehowy",
            "prawosławny",
            "prawosławna",
            "muçulmano",
            "muçulmana",
            "cristão",
            "cristã",
            "judeu",
            "judia",
            "ateu",
            "ateia",
            "espírita",
            "umbandista",
            "testemunha de jeová",
        ],
    ),
    (
        Entity::Political,
        A,
        &[
            "socialist",
            "a socialist",
            "communist",
            "a communist",
            "a conservative",
            "republican",
            "a republican",
            "a democrat",
            "libertarian",
            "a libertarian",
            "anarchist",
            "an anarchist",
            "marxist",
            "a marxist",
            "fascist",
            "a fascist",
            "nationalist",
            "a nationalist",
            "sozialist",
            "sozialistin",
            "kommunist",
            "kommunistin",
            "linksextrem",
            "rechtsextrem",
            "socialiste",
            "communiste",
            "anarchiste",
            "marxiste",
            "de gauche",
            "de droite",
            "socialista",
            "comunista",
            "anarquista",
            "marxista",
            "de izquierdas",
            "de derechas",
            "anarchico",
            "anarchica",
            "di sinistra",
            "di destra",
            "socjalistą",
            "komunistą",
            "konserwatystą",
            "anarchistą",
            "lewicowy",
            "prawicowy",
            "de esquerda",
            "de direita",
            "tory",
            "a tory",
            "a labour voter",
            "a green voter",
        ],
    ),
    (
        Entity::Political,
        V | B | W,
        &[
            "labour",
            "the labour party",
            "the conservatives",
            "the tories",
            "the greens",
            "the green party",
            "the democrats",
            "the republicans",
            "reform uk",
            "the lib dems",
            "the liberal democrats",
            "ukip",
            "the democratic party",
            "the republican party",
            "die grünen",
            "grüne",
            "grünen",
            "die linke",
            "linke",
            "afd",
            "der afd",
            "spd",
            "der spd",
            "cdu",
            "der cdu",
            "csu",
            "fdp",
            "der fdp",
            "bsw",
            "le rassemblement national",
            "rassemblement national",
            "la france insoumise",
            "les républicains",
            "parti socialiste",
            "psoe",
            "vox",
            "podemos",
            "sumar",
            "partido popular",
            "lega",
            "la lega",
            "fratelli d'italia",
            "fratelli d ' italia",
            "movimento 5 stelle",
            "m5s",
            "forza italia",
            "partito democratico",
            "vvd",
            "pvv",
            "d66",
            "groenlinks",
            "cda",
            "pis",
            "konfederację",
            "lewicę",
            "koalicję obywatelską",
            "chega",
            "psd",
            "partido socialista",
            "pt",
            "psol",
            "the socialist party",
            "the communist party",
            "der partei",
            "parti communiste",
            "partito comunista",
            "green party",
            "the green party",
            "linken",
            "der linken",
            "den linken",
            "républicains",
            "les verts",
            "pp",
            "bildu",
            "erc",
            "junts",
            "pnv",
            "pd",
            "il pd",
            "het cda",
            "sp",
            "de sp",
            "de pvv",
            "de vvd",
        ],
    ),
    (
        Entity::TradeUnion,
        B | W,
        &[
            "a union",
            "the union",
            "a trade union",
            "the trade union",
            "a labor union",
            "a labour union",
            "unison",
            "unite",
            "the teamsters",
            "the gmb",
            "gmb",
            "the nea",
            "the afl-cio",
            "ver . di",
            "verdi",
            "ig metall",
            "der ig metall",
            "der gewerkschaft",
            "einer gewerkschaft",
            "gewerkschaft",
            "der gew",
            "gew",
            "la cgt",
            "cgt",
            "la cfdt",
            "cfdt",
            "force ouvrière",
            "un syndicat",
            "syndicat",
            "ccoo",
            "ugt",
            "un sindicato",
            "sindicato",
            "cgil",
            "la cgil",
            "alla cgil",
            "cisl",
            "la cisl",
            "uil",
            "la uil",
            "sindacato",
            "un sindacato",
            "fnv",
            "de fnv",
            "cnv",
            "vakbond",
            "de vakbond",
            "een vakbond",
            "solidarności",
            "związku zawodowego",
            "związkowcem",
            "cgtp",
            "um sindicato",
            "sindicato dos",
            "a cgtp",
            "ucu",
            "the ucu",
            "neu",
            "the neu",
            "rmt",
            "the rmt",
            "usdaw",
            "pcs",
            "nasuwt",
            "the nasuwt",
            "cwu",
            "the cwu",
            "aslef",
            "equity",
            "uaw",
            "the uaw",
            "seiu",
            "afscme",
            "ngg",
            "der ngg",
            "ig bce",
            "der ig bce",
            "evg",
            "der evg",
            "fiom",
            "la fiom",
            "opzz",
            "znp",
            "cut",
            "a cut",
        ],
    ),
    (
        Entity::TradeUnion,
        A,
        &[
            "unionized",
            "unionised",
            "a union member",
            "union member",
            "a union rep",
            "a shop steward",
            "gewerkschaftsmitglied",
            "gewerkschafter",
            "gewerkschafterin",
            "syndiqué",
            "syndiquée",
            "sindicalista",
            "afiliado al sindicato",
            "sindacalizzato",
            "sindacalizzata",
            "iscritto al sindacato",
            "iscritta al sindacato",
            "vakbondslid",
            "lid van de vakbond",
            "związkowcem",
            "związkowczynią",
            "sindicalizado",
            "sindicalizada",
        ],
    ),
    (
        Entity::Orientation,
        A,
        &[
            "gay",
            "lesbian",
            "a lesbian",
            "bisexual",
            "bi",
            "queer",
            // Gender identity, stated as orientation is: Art. 9's "sex life".
            "trans",
            "transgender",
            "non-binary",
            "nonbinary",
            "genderqueer",
            "transgeschlechtlich",
            "nicht-binär",
            "transgenre",
            "non-binaire",
            "transgénero",
            "no binario",
            "no binaria",
            "transgenere",
            "non binario",
            "non binaria",
            "transpłciowy",
            "transpłciowa",
            "niebinarny",
            "niebinarna",
            "não-binário",
            "não-binária",
            "homosexual",
            "pansexual",
            "asexual",
            "schwul",
            "lesbisch",
            "bisexuell",
            "homosexuell",
            "pansexuell",
            "asexuell",
            "gai",
            "homosexuel",
            "homosexuelle",
            "lesbienne",
            "bisexuel",
            "bisexuelle",
            "lesbiana",
            "bisexual",
            "lesbica",
            "bisessuale",
            "omosessuale",
            "homo",
            "homoseksueel",
            "biseksueel",
            "gejem",
            "lesbijką",
            "biseksualny",
            "biseksualna",
            "homoseksualistą",
            "homoseksualny",
            "homoseksualna",
            "lésbica",
            "bissexual",
            "homossexual",
        ],
    ),
    (
        Entity::Ethnic,
        A,
        &[
            "roma",
            "a roma",
            "romani",
            "sinti",
            "sinto",
            "aboriginal",
            "indigenous",
            "hispanic",
            "latino",
            "latina",
            "african american",
            "african-american",
            "kurdish",
            "a kurd",
            "arab",
            "berber",
            "sintiza",
            "kurde",
            "kurdin",
            "araber",
            "araberin",
            "rom",
            "arabe",
            "berbère",
            "gitano",
            "gitana",
            "indígena",
            "curdo",
            "curda",
            "koerd",
            "koerdisch",
            "romem",
            "romką",
            "cigano",
            "cigana",
            "quilombola",
            "a traveller",
            "an irish traveller",
            "jenischer",
            "jenische",
        ],
    ),
    (
        Entity::Biometric,
        N,
        &[
            "the brca1 mutation",
            "the brca2 mutation",
            "a brca1 mutation",
            "a brca2 mutation",
            "brca1",
            "brca2",
            "the brca gene",
            "the huntington gene",
            "the huntington's gene",
            "a genetic mutation",
            "die brca1-mutation",
            "die brca2-mutation",
            "brca-mutation",
            "une mutation brca1",
            "la mutation brca1",
            "la mutación brca1",
            "la mutazione brca1",
            "mutação brca1",
            "een brca-mutatie",
            "mutację brca1",
        ],
    ),
    (
        Entity::Biometric,
        P,
        &[
            "dna test",
            "dna results",
            "genetic test",
            "genetic test results",
            "genome",
            "fingerprints",
            "fingerprint scan",
            "iris scan",
            "retina scan",
            "23andme results",
            "dna-test",
            "gentest",
            "genom",
            "fingerabdrücke",
            "test adn",
            "test génétique",
            "génome",
            "empreintes digitales",
            "prueba de adn",
            "test genético",
            "genoma",
            "huellas dactilares",
            "test del dna",
            "test genetico",
            "impronte digitali",
            "dna-test",
            "dna-onderzoek",
            "vingerafdrukken",
            "test dna",
            "badanie genetyczne",
            "odciski palców",
            "teste de dna",
            "teste genético",
            "impressões digitais",
            "exame de dna",
        ],
    ),
];

type TermRef = (Entity, u8, &'static str);

/// Cues and terms by their first word, built once, so a token is compared only with the
/// phrases that can start with it.
/// Hashes a word with [`super::table::hash`]: these maps are looked up for every trigger word
/// of the text, where SipHash cost more than the rest of the lookup (the keys are fixed).
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = (self.0.rotate_left(5) ^ super::table::hash(bytes)).wrapping_mul(GOLDEN);
    }
    fn write_u8(&mut self, b: u8) {
        // The end marker `str` hashes after its bytes.
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(GOLDEN);
    }
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

type WordMap<V> = HashMap<&'static str, V, std::hash::BuildHasherDefault<WordHasher>>;

struct ByFirst {
    cues: WordMap<Vec<(&'static str, u8)>>,
    /// The words a trigger may be (cue words and [`POSSESSIVES`]) by the
    /// [`wordset::word_hash`] of each, sorted, when those hashes are apart: a trigger's key
    /// then names its word, and the word's text (seldom in the cache by now) is not read.
    trigger_words: Option<Vec<(u32, &'static str)>>,
    terms: WordMap<Vec<TermRef>>,
}

/// The cues whose first word token `i` (a trigger: it has the role) is.
fn cues_of(ctx: &Ctx<'_>, i: usize) -> Option<&'static Vec<(&'static str, u8)>> {
    let by = by_first();
    match &by.trigger_words {
        Some(words) => {
            let h = wordset::key_hash(ctx.fold(i))?;
            let k = words.binary_search_by_key(&h, |&(h, _)| h).ok()?;
            by.cues.get(words[k].1)
        }
        None => {
            let mut buf = [0u8; 64];
            lower(ctx, i, &mut buf).and_then(|w| by.cues.get(w))
        }
    }
}

fn by_first() -> &'static ByFirst {
    static BY_FIRST: OnceLock<ByFirst> = OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let first = |p: &'static str| p.split(' ').next().unwrap_or(p);
        let mut cues: WordMap<Vec<(&'static str, u8)>> = WordMap::default();
        let origin_cues = super::origin::CUES.iter().map(|&(c, _)| (c, ORIGIN));
        for (c, k) in CUES.iter().copied().chain(origin_cues) {
            cues.entry(first(c)).or_default().push((c, k));
        }
        // The words a trigger may be, and whether their hashes set them apart.
        let mut words: Vec<(u32, &'static str)> = CUES
            .iter()
            .map(|&(c, _)| first(c))
            .chain(super::origin::CUES.iter().map(|&(c, _)| first(c)))
            .chain(POSSESSIVES.iter().copied())
            .map(|w| (wordset::word_hash(w.as_bytes()), w))
            .collect();
        crate::sort::sort(&mut words);
        words.dedup();
        let apart = words.windows(2).all(|p| p[0].0 != p[1].0);
        let trigger_words = apart.then_some(words);
        let mut terms: WordMap<Vec<TermRef>> = WordMap::default();
        for &(e, k, list) in TERMS {
            for &t in list {
                terms.entry(first(t)).or_default().push((e, k, t));
            }
        }
        ByFirst {
            cues,
            trigger_words,
            terms,
        }
    })
}

/// The lower-cased text of token `i` in `buf`.
fn lower<'b>(ctx: &Ctx<'b>, i: usize, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let t = ctx.toks.get(i)?;
    let s = t.text(ctx.text);
    // Cue words are mostly lower-case ASCII already ("i", "my"): no copy. Over 64 bytes the
    // copy below fails, and so does this.
    if s.len() <= buf.len() && s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Some(s);
    }
    let b = super::tokenize::lower_into(s, buf)?;
    std::str::from_utf8(b).ok()
}

/// Words that can start a cue: one role bit per token, so most tokens cost nothing more.
fn trigger(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.role(i, SPECIAL_FIRST)
}

/// Skips up to three filler words from `i`; returns the candidate term starts (with and
/// without fillers).
fn term_at(ctx: &Ctx<'_>, i: usize, kinds: u8) -> Option<(Entity, usize, usize)> {
    let mut best: Option<(Entity, usize, usize)> = None;
    let mut start = i;
    for skipped in 0..=3 {
        let mut buf = [0u8; 64];
        let candidates = if ctx.role(start, TERM_FIRST) {
            lower(ctx, start, &mut buf).and_then(|w| by_first().terms.get(w))
        } else {
            None
        };
        // French elision: "je souffre d'asthme", "j'ai l'hépatite" — the term is glued to
        // `d'`/`l'` inside one token.
        if best.is_none() && !ctx.role(start, TERM_FIRST) {
            if let Some(hit) = elided_term(ctx, start, kinds) {
                return Some(hit);
            }
        }
        for (entity, k, term) in candidates.into_iter().flatten() {
            if k & kinds == 0 {
                continue;
            }
            if let Some(end) = ctx.phrase_starts_at(start, term) {
                if best.is_none_or(|(_, s, e)| s == start && end > e) {
                    best = Some((*entity, start, end));
                }
            }
        }
        if best.is_some() || skipped == 3 {
            break;
        }
        if !ctx.role(start, FILLER)
            && !ctx
                .toks
                .get(start)
                .is_some_and(|t| t.kind == Kind::Num && t.len() == 1)
        {
            break;
        }
        start += 1;
    }
    // The term must end there: "I have cancer research papers" still counts (a statement),
    // but a hyphenated continuation glued to it ("HIV-related") is another word.
    best.filter(|&(_, _, e)| ctx.toks.get(e).is_none_or(|t| !(t.glued && t.is('-'))))
}

/// A one-word term after an elided article inside the token at `i` (`d'asthme`).
fn elided_term(ctx: &Ctx<'_>, i: usize, kinds: u8) -> Option<(Entity, usize, usize)> {
    let t = ctx.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let s = t.text(ctx.text);
    let rest = ["d'", "l'", "d’", "l’", "D'", "L'"]
        .iter()
        .find_map(|p| s.strip_prefix(p))?;
    let mut buf = [0u8; 64];
    let low = super::tokenize::lower_into(rest, &mut buf)?;
    let low = std::str::from_utf8(low).ok()?;
    by_first()
        .terms
        .get(low)?
        .iter()
        .find(|(_, k, term)| k & kinds != 0 && !term.contains(' '))
        .map(|(e, _, _)| (*e, i, i + 1))
}

/// Finds statements about special categories. `starts` holds the tokens with the role bit of
/// a cue's first word (see [`super::lookup::Lookups::special`]).
pub(crate) fn find(ctx: &Ctx<'_>, starts: &Picks, out: &mut Vec<Hit>) {
    // Tokens before `resume` belong to a statement already reported.
    let mut resume = 0;
    for i in starts.iter() {
        if i < resume {
            continue;
        }
        debug_assert!(trigger(ctx, i));
        let mut found = None;
        let cues = cues_of(ctx, i);
        // "non ho il cancro", "nie jestem w ciąży": a negation before the cue denies it.
        let negated = i > 0 && ctx.word_in(i - 1, NEGATIONS);
        // The cues of one word part at the same tokens: what an adverbial there skips is
        // looked up once.
        let mut skip = Skip::default();
        // Most cues stand whole; only when an adverbial follows the trigger closely can one
        // stand inside a cue, and only then is a cue matched word by word. Whether one does
        // is asked only of a cue that matches word by word (seldom: most triggers are
        // ordinary words such as "my" and "on").
        let mut adverbial: Option<bool> = None;
        for (cue, kinds) in cues.into_iter().flatten() {
            if negated {
                break;
            }
            let end = match cue_walk(ctx, i, cue, &mut skip) {
                Some((end, false)) => Some(end),
                Some((end, true)) => adverbial
                    .get_or_insert_with(|| (i + 1..i + 4).any(|k| skip.past(ctx, k) != k))
                    .then_some(end),
                None => None,
            };
            if let Some(after) = end {
                let after = past_since(ctx, after);
                let hit = if *kinds == ORIGIN {
                    super::origin::slot(ctx, after, cue).map(|(s, e)| (Entity::Ethnic, s, e))
                } else {
                    cued_term(ctx, after, *kinds)
                };
                if let Some(hit) = hit {
                    let after = CUE_AFTER.iter().find(|(c, _)| c == cue);
                    if after.is_some_and(|&(_, words)| !closes(ctx, hit.2, words)) {
                        continue;
                    }
                    if found.is_none_or(|(_, _, e): (Entity, usize, usize)| hit.2 > e) {
                        found = Some(hit);
                    }
                }
            }
        }
        // "Do I have diabetes?": a question about oneself states nothing.
        if found.is_some_and(|(_, _, e)| ctx.punct(e, '?')) {
            found = None;
        }
        if found.is_none() && ctx.word_in(i, POSSESSIVES) {
            // "my son is autistic", "il mio figlio ha": possessive, relative, verb, term.
            let mut r = i + 1;
            if ctx.word_in(
                r,
                &[
                    "little", "older", "younger", "eldest", "youngest", "kleiner", "kleine",
                    "petit", "petite",
                ],
            ) {
                r += 1;
            }
            if ctx.word_in(r, RELATIVES) && !negated {
                let v = past_name_and_age(ctx, r + 1);
                for (verb, kinds) in RELATIVE_VERBS {
                    let end = ctx
                        .phrase_starts_at(v, verb)
                        .or_else(|| cue_end(ctx, v, verb, &mut skip));
                    if let Some(after) = end {
                        let at = past_since(ctx, after);
                        if let Some(hit) = term_at(ctx, at, *kinds) {
                            found = Some(hit);
                            break;
                        }
                        // "my parents are Moroccan", "mis padres son marroquíes": what the
                        // family is, the speaker descends from (round 11).
                        if let Some((s, e)) = (*kinds == A)
                            .then(|| super::origin::family_origin(ctx, at))
                            .flatten()
                        {
                            found = Some((Entity::Ethnic, s, e));
                            break;
                        }
                    }
                }
            }
        }
        if found.is_some_and(|(entity, s, e)| entity == Entity::Ethnic && town_after(ctx, i, s, e))
        {
            found = None;
        }
        match found {
            Some((entity, mut s, e)) => {
                // "the GMB", "der SPD": the article is not the statement.
                while s + 1 < e && ctx.word_in(s, ARTICLES) {
                    s += 1;
                }
                out.push(Hit {
                    start: ctx.toks[s].start as usize,
                    end: ctx.toks[e - 1].end as usize,
                    entity,
                    score: 0.8,
                    reason: "first-person",
                });
                resume = e;
            }
            None => resume = i + 1,
        }
    }
}

/// Words that open a time adverbial between a cue and its term ("ich bin seit 2019
/// HIV-positiv", "I've been since 2015 …").
const SINCE: &[&str] = &[
    "since", "seit", "depuis", "desde", "sinds", "od", "dal", "da", "for", "al", "schon", "dalla",
    "dall'",
];
/// "for years", "seit Jahren": the plural of year after [`SINCE`] (or after a number).
const YEARS: &[&str] = &[
    "years",
    "jahren",
    "ans",
    "años",
    "anni",
    "jaren",
    "lat",
    "anos",
    "jaar",
    "jahre",
    "months",
    "monaten",
    "mois",
    "meses",
    "mesi",
    "maanden",
    "miesięcy",
    "weeks",
    "wochen",
    "weken",
];
/// What else may follow [`SINCE`]: a month, or "a short/long while" ("seit März", "sinds
/// kort", "depuis peu", "od marca").
const SINCE_WHAT: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "kurzem",
    "langem",
    "kort",
    "lang",
    "peu",
    "longtemps",
    "ages",
    "childhood",
    "kindheit",
    "birth",
    "geburt",
    "naissance",
    "nacimiento",
    "nascita",
    "geboorte",
    "urodzenia",
    "nascimento",
    "nascença",
    "enfance",
    "infancia",
    "infanzia",
    "jeugd",
    "dzieciństwa",
    "infância",
];
/// One-word adverbs that may stand inside or after a cue ("I was recently diagnosed with",
/// "ich wähle immer", "ho sempre votato per"): when and how often do not change what is
/// stated. Never a negation.
const ADVERBS: &[&str] = &[
    "recently",
    "just",
    "newly",
    "finally",
    "officially",
    "currently",
    "already",
    "always",
    "kürzlich",
    "gerade",
    "bereits",
    "immer",
    "inzwischen",
    "mittlerweile",
    "onlangs",
    "inmiddels",
    "altijd",
    "récemment",
    "toujours",
    "déjà",
    "enfin",
    "recientemente",
    "siempre",
    "ya",
    "recentemente",
    "sempre",
    "già",
    "niedawno",
    "zawsze",
    "już",
    "właśnie",
    "já",
    "ook",
    "auch",
];
/// Two-word time adverbials ("letztes Jahr", "vorig jaar", "last year").
const WHEN: &[&str] = &[
    "last year",
    "last month",
    "last week",
    "this year",
    "letztes jahr",
    "letzten monat",
    "letzte woche",
    "dieses jahr",
    "vorig jaar",
    "vorige maand",
    "vorige week",
    "dit jaar",
    "l'an dernier",
    "l'année dernière",
    "el año pasado",
    "l'anno scorso",
    "w zeszłym roku",
    "no ano passado",
];
/// Words right before a cue that deny or doubt it: negations ("non ho", "nie jestem", "não
/// tenho", "no tengo"), a condition ("if I have cancer", "se ho il diabete", "czy mam") or a
/// question's verb ("could I have diabetes").
const NEGATIONS: &[&str] = &[
    "non", "nie", "não", "nao", "no", "not", "never", "nunca", "jamais", "nigdy", "mai", "nicht",
    "niet", "nooit", "ne", "nem", "if", "whether", "ob", "falls", "si", "se", "of", "czy", "jeśli",
    "jeżeli", "caso", "do", "did", "does", "could", "can", "might", "would", "should",
];
/// Articles that may open a term but are not reported with it ("the GMB", "der SPD").
const ARTICLES: &[&str] = &[
    "the", "a", "an", "der", "die", "das", "den", "dem", "einer", "eine", "ein", "la", "le", "les",
    "el", "los", "il", "lo", "het", "een", "o", "os", "um", "uma", "un", "une", "una", "l'",
];
/// What follows a union or party on a cue of kind [`W`].
const MEMBER_AFTER: &[&str] = &[
    "member",
    "members",
    "voter",
    "supporter",
    "activist",
    "rep",
    "steward",
    "official",
    "mitglied",
    "gewählt",
    "wähler",
    "wählerin",
    "lid",
    "gestemd",
    "membre",
    "miembro",
    "iscritto",
    "iscritta",
    "membro",
    "członkiem",
];
/// What may follow an own condition after a possessive ([`O`]): the verb of its clause
/// ("my anxiety is", "meine Migräne wird") or "and".
const OWN_AFTER: &[&str] = &[
    "is", "was", "has", "had", "got", "gets", "seems", "keeps", "flares", "makes", "means", "and",
    "ist", "war", "hat", "wird", "wurde", "macht", "und", "est", "a", "s'est", "était", "et", "es",
    "está", "ha", "era", "y", "è", "e", "heeft", "wordt", "werd", "en", "jest", "była", "był",
    "ma", "i", "é", "tem", "foi",
];

/// The token after a time adverbial at `at` ("seit 2019", "for years", "seit kurzem",
/// "letztes Jahr", "recently"), or `at` itself: how long does not change what is stated.
fn past_since(ctx: &Ctx<'_>, at: usize) -> usize {
    let num = |k: usize, n: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Num && (n == 0 || t.len() == n))
    };
    let mut at = at;
    // At most two adverbials ("schon seit Jahren", "recently, since March").
    for _ in 0..2 {
        if ctx.word_in(at, ADVERBS) {
            at += 1;
        } else if ctx.word_in(at, SINCE) {
            if num(at + 1, 4) || ctx.word_in(at + 1, YEARS) || ctx.word_in(at + 1, SINCE_WHAT) {
                at += 2;
            } else if ctx.word_in(at + 1, ARTICLES) && ctx.word_in(at + 2, SINCE_WHAT) {
                // "seit der Geburt", "depuis la naissance", "desde o nascimento".
                at += 3;
            } else if num(at + 1, 0) && ctx.word_in(at + 2, YEARS) {
                at += 3;
            } else {
                break;
            }
        } else if num(at, 0) && ctx.word_in(at + 1, YEARS) {
            // "I am 12 weeks pregnant": a span of time before a state term.
            at += 2;
        } else if let Some((_, w)) = ctx.phrases_starting_at(at, WHEN).next() {
            at = w;
        } else {
            break;
        }
    }
    at
}

/// The last tokens [`past_since`] was asked about and its answers: the cues of one trigger
/// ask about the same few tokens after it, each many times.
struct Skip([(usize, usize); 4]);

impl Default for Skip {
    fn default() -> Self {
        Skip([(usize::MAX, 0); 4])
    }
}

impl Skip {
    fn past(&mut self, ctx: &Ctx<'_>, at: usize) -> usize {
        let slot = &mut self.0[at % 4];
        if slot.0 != at {
            *slot = (at, past_since(ctx, at));
        }
        slot.1
    }
}

/// Where cue phrase `cue` ends when it starts at token `i`; its first word is matched, each
/// later word may come after a time adverbial ("ich bin seit 2019 Mitglied der", "ik lijd al
/// jaren aan", "I was recently diagnosed with").
fn cue_end(ctx: &Ctx<'_>, i: usize, cue: &str, skip: &mut Skip) -> Option<usize> {
    let (first, rest) = super::first_word(cue);
    let at = ctx.phrase_starts_at(i, first)?;
    cue_rest(ctx, at, rest, skip).map(|(end, _)| end)
}

/// Where cue `cue` ends when it starts at the trigger `i` (whose lower-cased word is the
/// cue's first: the cues were found by it), and whether a time adverbial stood inside it: the
/// cue's words matched as a phrase ([`Ctx::phrase_starts_at`], `false`) or as
/// [`cue_end`] matches them (`true`), in one walk. A phrase that matches whole is matched by
/// both, to the same end.
fn cue_walk(ctx: &Ctx<'_>, i: usize, cue: &str, skip: &mut Skip) -> Option<(usize, bool)> {
    cue_rest(ctx, i + 1, super::first_word(cue).1, skip)
}

/// The words `rest` of a cue from token `at`, each right there or after a time adverbial;
/// where they end, and whether an adverbial was skipped.
fn cue_rest(
    ctx: &Ctx<'_>,
    mut at: usize,
    mut rest: Option<&str>,
    skip: &mut Skip,
) -> Option<(usize, bool)> {
    let mut skipped = false;
    while let Some(phrase) = rest {
        let (w, tail) = super::first_word(phrase);
        rest = tail;
        at = match ctx.phrase_starts_at(at, w) {
            Some(next) => next,
            None => {
                let past = skip.past(ctx, at);
                if past == at {
                    return None;
                }
                skipped = true;
                ctx.phrase_starts_at(past, w)?
            }
        };
    }
    Some((at, skipped))
}

/// Token `e` ends a clause: the text's or the line's end, or a mark that closes a clause.
pub(crate) fn clause_ends(ctx: &Ctx<'_>, e: usize) -> bool {
    ctx.toks.get(e).is_none_or(|t| {
        t.newline_before || matches!(t.punct, '.' | ',' | '!' | ';' | ':' | ')' | '…')
    })
}

/// The term after a cue of `kinds`, with what [`W`] and [`O`] ask of the word after it.
fn cued_term(ctx: &Ctx<'_>, at: usize, kinds: u8) -> Option<(Entity, usize, usize)> {
    if kinds & !(W | O) != 0 {
        if let Some(hit) = term_at(ctx, at, kinds & !(W | O)) {
            return Some(hit);
        }
    }
    if kinds & W != 0 {
        if let Some(hit) = term_at(ctx, at, W).filter(|&(_, _, e)| ctx.word_in(e, MEMBER_AFTER)) {
            return Some(hit);
        }
    }
    if kinds & O != 0 {
        let ends = |e: usize| clause_ends(ctx, e) || ctx.word_in(e, OWN_AFTER);
        // A possessive takes no article: only the term itself ("my diabetes").
        if let Some(hit) = term_at(ctx, at, N).filter(|&(_, s, e)| s == at && ends(e)) {
            return Some(hit);
        }
    }
    None
}

/// Romance copulas after which a preposition and a town say where someone is or comes from.
const COPULAS_OF_PLACE: &[&str] = &["sono", "siamo", "sou", "somos", "soy", "estoy", "estou"];
/// The prepositions of that place ("sono di Roma", "sono a Roma", "soy de Roma").
const PREPOSITIONS_OF_PLACE: &[&str] = &["di", "a", "da", "de", "in", "em", "en"];

/// "sono di Roma", "sono a roma", "soy de Roma": after a Romance copula and a preposition of
/// place, the word is where someone is or comes from ("Roma" is Rome in Italian, Spanish and
/// Portuguese). Origin is stated with a noun between ("sono di origine rom", "soy de etnia
/// gitana"), which no cue skips; "sono rom" and "I am Roma" stay statements.
fn town_after(ctx: &Ctx<'_>, cue: usize, s: usize, e: usize) -> bool {
    let preposition = if ctx.word_in(s, PREPOSITIONS_OF_PLACE) && s + 1 < e {
        s
    } else if s > cue + 1 {
        s - 1
    } else {
        return false;
    };
    ctx.word_in(cue, COPULAS_OF_PLACE) && ctx.word_in(preposition, PREPOSITIONS_OF_PLACE)
}

/// The token after a relative's name and age, if they stand between the relative and the
/// verb ("my son Liam (6) has", "ma fille, Chloé, a"): up to three title-case words, one age
/// in brackets or after a comma, and the commas around them. `at` itself when none.
fn past_name_and_age(ctx: &Ctx<'_>, at: usize) -> usize {
    use super::tokenize::Case;
    let mut v = at;
    if ctx.punct(v, ',') {
        v += 1;
    }
    let named = v;
    while v < named + 3
        && ctx
            .toks
            .get(v)
            .is_some_and(|t| t.kind == Kind::Word && t.case == Case::Title)
    {
        v += 1;
    }
    if v == named {
        return at;
    }
    let num = |k: usize| {
        ctx.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Num && t.len() <= 3)
    };
    if ctx.punct(v, '(') && num(v + 1) && ctx.punct(v + 2, ')') {
        v += 3;
    } else if ctx.punct(v, ',') && num(v + 1) {
        v += 2;
    }
    if ctx.punct(v, ',') {
        v += 1;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words a trigger may be have hashes apart, so `cues_of` finds a trigger's cues by
    /// its key without reading its text; and by key or by text, the same cues in the same
    /// order.
    #[test]
    fn trigger_keys_name_their_cues() {
        let by = by_first();
        assert!(by.trigger_words.is_some(), "trigger words hash apart");
        let mut ctx_text = String::new();
        let words: Vec<&str> = by
            .cues
            .keys()
            .copied()
            .chain(POSSESSIVES.iter().copied())
            .collect();
        for w in &words {
            ctx_text.push_str(w);
            ctx_text.push(' ');
            ctx_text.push_str(&w.to_ascii_uppercase());
            ctx_text.push('\n');
        }
        let mut toks = Vec::new();
        super::super::tokenize::tokenize(&ctx_text, &mut toks);
        let n = toks.len();
        let ctx = Ctx::bare(&ctx_text, toks, wordset::Answers::default());
        // By key or by text, the same cues in the same order (a possessive that opens no
        // cue has none either way).
        for i in 0..n {
            let mut buf = [0u8; 64];
            let by_text = lower(&ctx, i, &mut buf).and_then(|w| by.cues.get(w));
            assert_eq!(cues_of(&ctx, i), by_text, "{}", ctx.s(i));
        }
    }
}
