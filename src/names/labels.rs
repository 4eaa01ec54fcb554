//! Cues that name a person the lists do not know, read by the full module only (round 16,
//! issue 14; the first module's size budget has no room for their lists): a role label and
//! its colon ("Guest: Dagrun", "Reisender: …"), a care-of or attention line ("c/o …", "t.a.v.
//! …", "à l'attention de …"), a speaker introducing themself ("I am Dagrun.", "Dagrun here,"),
//! a verb of answering or forwarding ("reply to Ruairí", "Réponds à …") and a request made on
//! someone's behalf ("Per Ragnhild's request"); round 17: a verb of meeting, seeing or calling
//! with its subject ("I met …", "Ho incontrato …", "Ich habe … getroffen"), and a first name
//! with a surname after each cue of speech.
//!
//! Every reading needs title-case words the lists do not know as common words, no part of an
//! identifier, and no more than three of them: "reply to Support", "cc Makefile" or "Client:
//! Default" are common words or code, not people.

use super::gazetteer::{FIRST, PLACE, WORD};
use super::tokenize::{Case, Kind};
use super::Ctx;

/// Labels of a person's role in a booking, a roll, a lease or an application, in the eight
/// languages: with their colon on a form's line, one title-case word after them is a name.
/// Labels that a firm or a product may fill ("Client:", "Owner:", "Contact:") are not here.
const ROLE_LABELS: &[&str] = &[
    "member",
    "traveller",
    "traveler",
    "passenger",
    "guest",
    "tenant",
    "employee",
    "applicant",
    "candidate",
    "student",
    "patient",
    "participant",
    "attendee",
    "visitor",
    "client name",
    "customer name",
    "guest name",
    "passenger name",
    "employee name",
    "student name",
    "patient name",
    "member name",
    "mitglied",
    "reisender",
    "reisende",
    "passagier",
    "fluggast",
    "gast",
    "mieter",
    "mieterin",
    "mitarbeiter",
    "mitarbeiterin",
    "bewerber",
    "bewerberin",
    "kandidat",
    "kandidatin",
    "student",
    "studentin",
    "schüler",
    "schülerin",
    "teilnehmer",
    "teilnehmerin",
    "kundenname",
    "membre",
    "voyageur",
    "voyageuse",
    "passager",
    "passagère",
    "invité",
    "invitée",
    "locataire",
    "employé",
    "employée",
    "candidat",
    "candidate",
    "étudiant",
    "étudiante",
    "élève",
    "participant",
    "participante",
    "nom du client",
    "nom du passager",
    "miembro",
    "viajero",
    "viajera",
    "pasajero",
    "pasajera",
    "huésped",
    "inquilino",
    "inquilina",
    "empleado",
    "empleada",
    "candidato",
    "candidata",
    "estudiante",
    "alumno",
    "alumna",
    "participante",
    "nombre del cliente",
    "nombre del pasajero",
    "socio",
    "socia",
    "membro",
    "viaggiatore",
    "viaggiatrice",
    "passeggero",
    "passeggera",
    "ospite",
    "dipendente",
    "studente",
    "studentessa",
    "partecipante",
    "nome cliente",
    "nome del cliente",
    "nome passeggero",
    "lid",
    "reiziger",
    "huurder",
    "werknemer",
    "medewerker",
    "sollicitant",
    "kandidaat",
    "leerling",
    "deelnemer",
    "klantnaam",
    "naam klant",
    "członek",
    "podróżny",
    "pasażer",
    "gość",
    "najemca",
    "pracownik",
    "pracownica",
    "kandydat",
    "kandydatka",
    "studentka",
    "uczeń",
    "uczestnik",
    "uczestniczka",
    "sócio",
    "sócia",
    "viajante",
    "passageiro",
    "passageira",
    "hóspede",
    "funcionário",
    "funcionária",
    "estudante",
    "aluno",
    "aluna",
    "nome do cliente",
    "nome do passageiro",
];

/// Values a form's field holds when it holds no person ("Student: Unknown", "Guest: None").
const FORM_VALUES: &[&str] = &[
    "unknown",
    "none",
    "null",
    "nil",
    "tbd",
    "pending",
    "anonymous",
    "default",
    "other",
    "self",
    "unassigned",
    "required",
    "optional",
    "unbekannt",
    "keiner",
    "inconnu",
    "aucun",
    "desconocido",
    "ninguno",
    "sconosciuto",
    "nessuno",
    "onbekend",
    "geen",
    "nieznany",
    "brak",
    "desconhecido",
    "nenhum",
];

/// Care-of and attention phrases of an address or a letter: one to three title-case words
/// after them are the person the post is for. Punctuation marks are words of their own
/// ("c / o" is `c/o`, "t . a . v ." is `t.a.v.`).
const CARE_OF: &[&str] = &[
    "c / o",
    "attn",
    "attn .",
    "fao",
    "f . a . o .",
    "for the attention of",
    "attention",
    "atención",
    "attenzione",
    "z . hd .",
    "z . hd . von",
    "zu händen",
    "zu händen von",
    "zhd .",
    "à l'attention de",
    "a l'attention de",
    "à l'att . de",
    "a la atención de",
    "a / a",
    "all'attenzione di",
    "alla c . a . di",
    "c . a .",
    "t . a . v .",
    "tav",
    "ter attentie van",
    "p / a",
    "do rąk własnych",
    "do wiadomości",
    "do rąk",
    "aos cuidados de",
    "à atenção de",
    "a / c",
];

/// A speaker's own words before their name, opening a sentence: "I am Dagrun.", "Ich bin …",
/// "Soy …". The sentence may stop right after the name.
const SELF_INTRO: &[&str] = &[
    "i am",
    "i'm",
    "ich bin",
    "je suis",
    "moi c'est",
    "soy",
    "sono",
    "ik ben",
    "jestem",
    "sou",
    "eu sou",
];

/// A caller or writer presenting themself ("This is … from accounting", "Hier ist …", "C'est
/// …", "Aquí …", "Qui …", "Met …", "Tu …", "Aqui é …"): these present things too ("This is
/// Markdown."), so the name must go on to the speaker's unit, or a comma follow it at the
/// start of a message.
const PRESENTING: &[&str] = &[
    "this is",
    "it's",
    "hier ist",
    "hier spricht",
    "c'est",
    "ici",
    "aquí",
    "habla",
    "qui",
    "qui è",
    "met",
    "hier is",
    "tu",
    "z tej strony",
    "aqui é",
    "aqui fala",
];

/// What may follow a self-introduced name in the same sentence: a unit or firm the speaker
/// belongs to ("from accounting", "aus der Buchhaltung", "de la compta", "z księgowości"), or
/// "and" going on ("I'm Dagrun and I need help").
const AFFILIATION: &[&str] = &[
    "from", "at", "of", "and", "aus", "von", "vom", "bei", "und", "de", "du", "des", "et", "del",
    "y", "della", "dello", "dell'", "dal", "e", "van", "bij", "en", "z", "ze", "i", "da", "do",
    "dos", "das",
];

/// "here" after a name that opens a message ("Dagrun here, quick question", "Dagrun hier,").
const HERE: &[&str] = &["here", "hier"];

/// Verbs of answering, writing and forwarding, and the correspondence a person sends, in the
/// eight languages: one title-case word the lists do not know after them is a name ("reply to
/// Ruairí", "email from Feargal", "forward this to Oisín", "cc Dagrun", "ping Wendelin",
/// "Réponds à …", "een mail van …"). [`super::lexicon::SPEECH_BEFORE`] holds the ones a known
/// name or two words follow.
const ADDRESS: &[&str] = &[
    "reply to",
    "respond to",
    "replied to",
    "answer",
    "email from",
    "e-mail from",
    "mail from",
    "message from",
    "forward this to",
    "forward it to",
    "forward to",
    "forwarded to",
    "send this to",
    "send it to",
    "sent it to",
    "cc",
    "ping",
    "pinged",
    "email",
    "emailed",
    "text",
    "texted",
    "dm",
    "write to",
    "wrote to",
    "talk to",
    "spoke to",
    "spoke with",
    "antworte",
    "antworten sie",
    "mail von",
    "e-mail von",
    "nachricht von",
    "anruf von",
    "schreib",
    "schreiben sie",
    "réponds à",
    "répondez à",
    "répondre à",
    "mail de",
    "e-mail de",
    "message de",
    "appel de",
    "transfère à",
    "transfère ça à",
    "transférez à",
    "transfère-le à",
    "envoie à",
    "envoie ça à",
    "message à",
    "écrire à",
    "parlé à",
    "responde a",
    "responda a",
    "respóndele a",
    "correo de",
    "mensaje de",
    "llamada de",
    "reenvía a",
    "reenvía esto a",
    "reenvíale a",
    "mensaje a",
    "mándale a",
    "escríbele a",
    "hablé con",
    "rispondi a",
    "risponda a",
    "mail da",
    "email da",
    "messaggio da",
    "chiamata da",
    "inoltra a",
    "inoltra questo a",
    "inoltralo a",
    "messaggio a",
    "scrivi a",
    "parlato con",
    "antwoord",
    "beantwoord",
    "mail van",
    "e-mail van",
    "bericht van",
    "telefoontje van",
    "door naar",
    "stuur",
    "mail",
    "odpisz",
    "odpowiedz",
    "mail od",
    "maila od",
    "wiadomość od",
    "wiadomości od",
    "telefon od",
    "prześlij do",
    "prześlij to do",
    "napisz do",
    "responde ao",
    "responde à",
    "responda ao",
    "responda à",
    "email do",
    "email da",
    "mensagem do",
    "mensagem da",
    "ligação do",
    "ligação da",
    "encaminha para",
    "encaminha isto para",
    "encaminhe para",
    "mensagem para",
    "manda para",
    "escreve ao",
    "escreve à",
];

/// A speaker meeting, seeing, calling or visiting someone, in the eight languages, with the
/// subject or a first-person form that makes the verb one of meeting ("I met …", "J'ai
/// rencontré …", "Conocí a …", "Ho incontrato …", "Spotkałem …", "Encontrei …"): one to three
/// title-case words the lists do not know after them are a person. The bare verbs name things
/// too ("a tool called Ansible", "saw Kubernetes"), so they are not here alone.
const MEETING: &[&str] = &[
    "i met",
    "we met",
    "i've met",
    "i have met",
    "i just met",
    "i met with",
    "we met with",
    "i'm meeting",
    "i am meeting",
    "we're meeting",
    "i'll meet",
    "i spoke with",
    "i spoke to",
    "we spoke with",
    "i talked to",
    "i talked with",
    "i ran into",
    "i bumped into",
    "he met",
    "she met",
    "they met",
    "ich traf",
    "wir trafen",
    "ich treffe",
    "ich sprach mit",
    "wir sprachen mit",
    "j'ai rencontré",
    "j'ai croisé",
    "j'ai parlé avec",
    "j'ai téléphoné à",
    "j'ai rendu visite à",
    "nous avons rencontré",
    // Spanish marks a person as the object with "a".
    "conocí a",
    "vi a",
    "he visto a",
    "encontré a",
    "llamé a",
    "he llamado a",
    "visité a",
    "he hablado con",
    "me reuní con",
    "quedé con",
    "me encontré con",
    "ho incontrato",
    "ho conosciuto",
    "ho telefonato a",
    "ho incrociato",
    "abbiamo incontrato",
    "ik ontmoette",
    "ik sprak met",
    "spotkałem",
    "spotkałam",
    "rozmawiałem z",
    "rozmawiałam z",
    "dzwoniłem do",
    "dzwoniłam do",
    "zadzwoniłem do",
    "zadzwoniłam do",
    "poznałem",
    "poznałam",
    "encontrei",
    "encontrei-me com",
    "falei com",
    "conheci",
    "estive com",
];

/// Verbs of seeing, calling and visiting with their subject, which take things as often as
/// people ("I saw Stack Overflow go down", "Ho visto Visual Studio", "I called Initialize
/// Engine"): the run after them must open with a first name of the lists.
const MEETING_WEAK: &[&str] = &[
    "i saw",
    "we saw",
    "i've seen",
    "i called",
    "we called",
    "i'll call",
    "i phoned",
    "i rang",
    "i visited",
    "we visited",
    "ich sah",
    "ich besuchte",
    "ich rief",
    "j'ai vu",
    "j'ai revu",
    "j'ai appelé",
    "je vais voir",
    "ho visto",
    "ho chiamato",
    "ho sentito",
    "ho visitato",
    "ik zag",
    "ik sprak",
    "ik belde",
    "ik bezocht",
    "widziałem",
    "widziałam",
    "odwiedziłem",
    "odwiedziłam",
    "eu vi",
    "vi",
    "visitei",
    "liguei para",
    "liguei ao",
    "liguei à",
];

/// German and Dutch auxiliaries of the perfect, which split the verb around its object ("Ich
/// habe Wendelin Haberl gestern getroffen", "Ik heb … gebeld").
const PERFECT_AUXILIARIES: &[&str] = &[
    "habe", "hab", "haben", "hatte", "hatten", "heb", "hebben", "had", "hadden",
];

/// The participles of meeting, seeing, calling and visiting that close such a sentence.
const MEETING_PARTICIPLES: &[&str] = &[
    "getroffen",
    "angerufen",
    "besucht",
    "gesprochen",
    "kennengelernt",
    "telefoniert",
    "ontmoet",
    "gebeld",
    "gesproken",
    "bezocht",
];

/// What a person asks, advises or is owed after their possessive, behind a preposition ("Per
/// Ragnhild's request", "At Dagrun's suggestion", "On Wendelin's behalf").
const REQUESTS: &[&str] = &[
    "request",
    "requests",
    "suggestion",
    "behalf",
    "advice",
    "instructions",
    "instruction",
    "invitation",
    "recommendation",
    "approval",
    "wishes",
    "email",
    "message",
    "note",
    "call",
    "decision",
];

/// Prepositions before [`REQUESTS`]' possessive.
const REQUEST_PREPOSITIONS: &[&str] = &[
    "per",
    "at",
    "on",
    "upon",
    "following",
    "after",
    "by",
    "with",
    "as per",
];

/// German relations in the accusative and dative, after which a lone name word is the
/// person ("Ich habe meinen Nachbarn Wendelin gefragt", "mit meiner Kollegin Gudrun"); the
/// nominatives are in [`super::lexicon::SPEECH_BEFORE`].
const RELATION_CASES: &[&str] = &[
    "meinen chef",
    "meinem chef",
    "meiner chefin",
    "meinen kollegen",
    "meinem kollegen",
    "meiner kollegin",
    "meinen nachbarn",
    "meinem nachbarn",
    "meiner nachbarin",
    "meinen freund",
    "meinem freund",
    "meiner freundin",
    "meinen bruder",
    "meinem bruder",
    "meiner schwester",
    "meinen sohn",
    "meinem sohn",
    "meiner tochter",
    "meinen vater",
    "meinem vater",
    "meiner mutter",
    "meinen mann",
    "meinem mann",
    "meiner frau",
    "meinen partner",
    "meinem partner",
    "meiner partnerin",
    "meinen vorgesetzten",
    "meinem vorgesetzten",
    "meiner vorgesetzten",
    "mein vorgesetzter",
    "meine vorgesetzte",
    "meine nachbarin",
    "mein kollege",
];

/// A run of one to three name words from `start` to `end` (tokens), as
/// [`super::run::is_run`] reads the run after a cue.
fn name_run(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    super::run::is_run(ctx, start, end + 1, &super::run::CUED)
}

/// The run's sentence or line stops after `end`: end of text or line, or `.`, `,`, `!`, `?`,
/// `;`, a dash.
fn stops_after(ctx: &Ctx<'_>, end: usize) -> bool {
    match ctx.toks.get(end + 1) {
        None => true,
        Some(t) if t.newline_before => true,
        Some(t) => {
            t.kind == Kind::Punct
                && matches!(t.punct, '.' | ',' | '!' | '?' | ';' | '-' | '–' | '—')
        }
    }
}

/// The evidence for the run `start..=end` (tokens) as a person from a cue of this module, as
/// the finding's reason: `role-label`, `care-of`, `self-intro`, `addressed`, `met`,
/// `possessive` or `relation`.
pub(super) fn cue(ctx: &Ctx<'_>, start: usize, end: usize) -> Option<&'static str> {
    if !name_run(ctx, start, end) {
        return None;
    }
    let lone = start == end;
    if start == 0 {
        return here(ctx, start, end).then_some("self-intro");
    }
    if role_label(ctx, start, end) {
        return Some("role-label");
    }
    if care_of(ctx, start, end) {
        return Some("care-of");
    }
    // Round 17: a first name and a surname after these cues too ("I am Dagrun Vestergaard.",
    // "cc Wendelin Haberl on the thread"); round 16 read them before a lone name only.
    if self_intro(ctx, start, end) {
        return Some("self-intro");
    }
    if addressed(ctx, start, end) {
        return Some("addressed");
    }
    if met(ctx, start, end) {
        return Some("met");
    }
    if lone && requested(ctx, start) {
        return Some("possessive");
    }
    if lone
        && ctx.toks[start].start - ctx.toks[start - 1].end == 1
        && ctx
            .phrases_ending_at(start - 1, RELATION_CASES)
            .any(|s| ctx.toks[s].case == Case::Lower || ctx.sentence_start(s))
    {
        return Some("relation");
    }
    None
}

/// "Guest: Dagrun", "Reisender: Wendelin Haberl": a role label opening its line, its colon,
/// then the name filling the rest of the line or ending at a comma.
fn role_label(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    start >= 2
        && !(start == end && ctx.word_in(start, FORM_VALUES))
        && ctx.punct(start - 1, ':')
        && stops_after(ctx, end)
        && ctx
            .phrases_ending_at(start - 2, ROLE_LABELS)
            .any(|s| (s == 0 || ctx.toks[s].newline_before) && ctx.toks[s].case == Case::Title)
}

/// "c/o Wendelin Haberl", "t.a.v. …", "z. Hd. …", "à l'attention de …": a care-of phrase, its
/// colon perhaps, right before the run.
fn care_of(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let before = if ctx.punct(start - 1, ':') && start >= 2 {
        start - 2
    } else {
        start - 1
    };
    ctx.toks[start].start - ctx.toks[before].end <= 2
        && (ctx
            .phrases_ending_at(before, CARE_OF)
            .any(|s| !ctx.in_identifier(s) || ctx.toks[s].len() == 1)
            // "chez Marie Dupont", "presso Mario Rossi": a place or a firm follows them too,
            // so a first name and a surname, no lone word.
            || (end > start
                && ctx.toks[before].case == Case::Lower
                && ctx.word_in(before, &["chez", "presso"])))
}

/// "I am Dagrun.", "This is Dagrun from accounting", "Hola, soy Dagrun de contabilidad",
/// "Dagrun here, quick question": a self-introduction opening a sentence (a greeting and its
/// comma may come first), and the sentence stops after the name or goes on with the speaker's
/// unit or "and".
fn self_intro(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let unit = super::person::next_spaced(ctx, end)
        .is_some_and(|n| ctx.toks[n].case == Case::Lower && ctx.word_in(n, AFFILIATION));
    let after_ok = unit || stops_after(ctx, end);
    let opens = |s: usize| {
        ctx.sentence_start(s)
            || (s >= 2
                && ctx.punct(s - 1, ',')
                && ctx.toks[s - 2].kind == Kind::Word
                && ctx.sentence_start(s - 2))
    };
    let message_start = |s: usize| {
        // One-word phrases of a call or chat ("Ici …,", "Met …,"): "This is Kubernetes, the
        // …" presents a thing.
        s + 1 == start
            && ctx.punct(end + 1, ',')
            && (s == 0 || ctx.toks[s].newline_before || opens(s) && s < 3)
    };
    (after_ok && ctx.phrases_ending_at(start - 1, SELF_INTRO).any(opens))
        || ctx
            .phrases_ending_at(start - 1, PRESENTING)
            .any(|s| opens(s) && (unit || message_start(s)))
        || here(ctx, start, end)
}

/// "Dagrun here, quick question", "Dagrun hier," opening a line or a sentence.
fn here(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    ctx.sentence_start(start)
        && super::person::next_spaced(ctx, end).is_some_and(|n| {
            ctx.toks[n].case == Case::Lower && ctx.word_in(n, HERE) && stops_after(ctx, n)
        })
}

/// "reply to Ruairí", "ping Wendelin about it", "Stuur Zaful een bericht": a verb of address
/// or a piece of correspondence right before the name, its first word no part of an
/// identifier.
fn addressed(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let v = start - 1;
    // A title-case phrase is a heading ("Email Address", "Text Sizes") unless it opens a
    // sentence with a verb no English heading holds ("Odpisz Lezil dzisiaj", "Responde a
    // Triana").
    let cased = |s: usize| {
        (s..=v).all(|k| ctx.toks[k].case == Case::Lower)
            || (ctx.toks[s].case == Case::Title
                && (s..=v).skip(1).all(|k| ctx.toks[k].case == Case::Lower)
                // German capitalises the noun of "eine Mail von".
                && (s < v || (ctx.sentence_start(s) && ctx.word_in(s, CAPITALISED_VERBS))))
    };
    // "Leite das bitte an Wendelin weiter": German splits the verb around its object.
    let forwarded = ctx.toks[v].case == Case::Lower
        && ctx.word_in(v, &["an"])
        && super::person::next_spaced(ctx, end).is_some_and(|n| {
            ctx.toks[n].case == Case::Lower
                && ctx.word_in(
                    n,
                    &["weiter", "weiterleiten", "weitergeleitet", "weiterzuleiten"],
                )
        });
    if forwarded {
        return true;
    }
    ctx.toks[start].start - ctx.toks[v].end == 1
        && ctx.toks[v].kind == Kind::Word
        && !ctx.toks[start].newline_before
        && ctx
            .phrases_ending_at(v, ADDRESS)
            .any(|s| !ctx.in_identifier(s) && cased(s))
}

/// "I met Wendelin Haberl yesterday", "Conocí a Triana Vega", "Ich habe Wendelin Haberl
/// gestern getroffen": a verb of [`MEETING`] right before the run, its subject in lower case
/// or opening the sentence, or the German and Dutch perfect around it.
fn met(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let v = start - 1;
    if ctx.toks[start].newline_before || ctx.toks[start].start - ctx.toks[v].end != 1 {
        return false;
    }
    let lower = |k: usize| ctx.toks[k].case == Case::Lower && ctx.toks[k].kind == Kind::Word;
    // "I" and "I've" are no lower-case words; any other subject is, unless it opens the
    // sentence.
    let subject =
        |s: usize| lower(s) || ctx.sentence_start(s) || ctx.s(s).as_bytes().first() == Some(&b'I');
    let cue = |list: &'static [&'static str]| {
        ctx.phrases_ending_at(v, list)
            .any(|s| (s + 1..=v).all(lower) && subject(s) && !ctx.in_identifier(s))
    };
    let f = ctx.flags[start];
    let listed_first = f & FIRST != 0 && f & WORD == 0;
    // "I met Build Failed": an English inflection on a word no list holds makes it a word.
    let inflected = (start..=end).any(|w| {
        ctx.flags[w] == 0
            && [
                "ed", "ing", "tion", "ment", "ness", "ize", "ful", "less", "able", "ity",
            ]
            .iter()
            .any(|e| ctx.s(w).len() > e.len() + 2 && ctx.s(w).ends_with(e))
    });
    // "we met Paris in the spring": a lone place is where, not whom.
    let place = start == end && f & PLACE != 0;
    !inflected
        && !place
        && (cue(MEETING) || (listed_first && cue(MEETING_WEAK)) || perfect(ctx, v, end))
}

/// The run before `v + 1 ..= end` stands between an auxiliary of the perfect (perhaps one
/// word before it: "habe gestern", "habe mit") and a participle of meeting that closes the
/// sentence, a word or two after the run ("… gestern getroffen.").
fn perfect(ctx: &Ctx<'_>, v: usize, end: usize) -> bool {
    let lower = |k: usize| ctx.toks[k].case == Case::Lower && ctx.toks[k].kind == Kind::Word;
    let aux = |k: usize| lower(k) && ctx.word_in(k, PERFECT_AUXILIARIES);
    let before = aux(v) || (v >= 1 && lower(v) && aux(v - 1));
    before
        && (end + 1..(end + 4).min(ctx.toks.len()))
            .take_while(|&k| lower(k))
            .any(|k| ctx.word_in(k, MEETING_PARTICIPLES) && stops_after(ctx, k))
}

/// One-word verbs of [`ADDRESS`] that open a sentence in title case before a name: the
/// English ones are nouns of headings too ("Text Sizes", "Email Address").
const CAPITALISED_VERBS: &[&str] = &[
    "antworte",
    "schreib",
    "antwoord",
    "beantwoord",
    "stuur",
    "odpisz",
    "odpowiedz",
];

/// "Per Ragnhild's request", "On Wendelin's behalf": a preposition, the name's possessive, and
/// a request or a behalf.
fn requested(ctx: &Ctx<'_>, start: usize) -> bool {
    ctx.phrases_ending_at(start - 1, REQUEST_PREPOSITIONS)
        .next()
        .is_some()
        && request_after(ctx, start)
}

/// Token `name` is a possessive (`Ragnhild's`) and a request or a behalf follows it.
fn request_after(ctx: &Ctx<'_>, name: usize) -> bool {
    let s = ctx.s(name).as_bytes();
    (s.ends_with(b"'s") || s.ends_with("\u{2019}s".as_bytes()))
        && super::person::next_spaced(ctx, name)
            .is_some_and(|n| ctx.toks[n].case == Case::Lower && ctx.word_in(n, REQUESTS))
}

/// Token `i` opens a phrase of this module's address or self-introduction lists at a
/// sentence's start before a title-case word ("Responde a Triana", "Soy Guni."): like a label,
/// it is evidence for the run after it, not part of it.
pub(super) fn opens_cue(ctx: &Ctx<'_>, i: usize) -> bool {
    [
        ADDRESS,
        SELF_INTRO,
        PRESENTING,
        CARE_OF,
        MEETING,
        MEETING_WEAK,
    ]
    .iter()
    .any(|list| {
        ctx.phrases_starting_at(i, list).any(|(_, e)| {
            ctx.toks
                .get(e)
                .is_some_and(|t| t.case == Case::Title && t.kind == Kind::Word)
        })
    }) || ctx
        .phrases_ending_at(i, RELATION_CASES)
        .next()
        .is_some_and(|_| {
            super::person::next_spaced(ctx, i).is_some_and(|n| ctx.toks[n].case == Case::Title)
        })
        || ctx
            .phrases_starting_at(i, REQUEST_PREPOSITIONS)
            .any(|(_, e)| e < ctx.toks.len() && request_after(ctx, e))
}

/// The first token of a phrase of this module's self-introductions, verbs of address and of
/// meeting, care-of lines or role labels that ends at token `k`: a line in capitals
/// ([`super::caps`]) reads these as it reads "my name is" ("HI, I AM DAGRUN VESTERGAARD.").
pub(super) fn cue_ending_at(ctx: &Ctx<'_>, k: usize) -> Option<usize> {
    [
        SELF_INTRO,
        PRESENTING,
        ADDRESS,
        MEETING,
        CARE_OF,
        ROLE_LABELS,
    ]
    .iter()
    .find_map(|list| ctx.phrases_ending_at(k, list).next())
}

/// Token `i` is the pronoun `I` (alone or as `I'm`, `I'll`, `I've`, `I'd`) before a word in
/// lower case: it opens a clause and no name goes on through it ("Wendelin I'm sick"; a
/// regnal number is followed by a capitalised word or by nothing: "Charles I of England").
pub(super) fn pronoun_i(ctx: &Ctx<'_>, i: usize) -> bool {
    let s = ctx.s(i).as_bytes();
    let contracted = s.len() >= 3
        && s[0] == b'I'
        && (s[1] == b'\'' || s[1..].starts_with("\u{2019}".as_bytes()));
    (s == b"I" || contracted)
        && super::person::next_spaced(ctx, i)
            .is_some_and(|n| ctx.toks[n].case == Case::Lower && ctx.toks[n].kind == Kind::Word)
}
