//! Technical text that looks like names and places: code syntax around a capitalised word,
//! words a man page broke at the line's end, compounds, product and organisation names, and
//! table rows, dates or version numbers read as addresses.
//!
//! The detectors find a candidate from the words themselves and the cues before them; the
//! checks here read the syntax around the finished candidate, once per hit (hits are rare, so
//! none of this runs per token). Each check names the shape it rejects; a person or place a
//! user wrote about in prose has none of them.

use super::lexicon::role::{LICENCE_WORD, PLACE_CUE};
use super::tokenize::{Case, Kind};
use super::{Ctx, Entity};
use crate::lower::Lower;

/// The hit over tokens `a..=b` (of entity `e`, found for reason `why`) is technical text, not
/// a person, place or address.
pub(crate) fn benign(ctx: &Ctx<'_>, a: usize, b: usize, e: Entity, why: &str) -> bool {
    match e {
        Entity::Person | Entity::Location => {
            code_syntax(ctx, a, b)
                || compound(ctx, a, b, e)
                || product(ctx, a, b)
                || organisation(ctx, b)
                || letter_name(ctx, a, b)
                || (e == Entity::Person
                    && (date(ctx, a)
                        || character_name(ctx, a, b)
                        || lower_noun(ctx, a, b)
                        || acronym(ctx, a, b)
                        || cue_out_of_reach(ctx, a, why)))
                || (e == Entity::Location && not_a_place(ctx, a, b, why))
                || (e == Entity::Location
                    && why == "gazetteer"
                    && (heads_a_name(ctx, a, b)
                        || imperative(ctx, a, b)
                        || word_town(ctx, a, b)
                        || name_part(ctx, a, b)
                        || software_object(ctx, a)
                        || project_link(ctx, a, b)))
        }
        Entity::StreetAddress => {
            not_an_address(ctx, a, b) || organisations_address(ctx, a) || mailbox_after(ctx, b)
        }
        _ => false,
    }
}

/// `Meta::Path`, `std::Delta`, `Delta = "delta",`, `Some("bob")`: a path segment, the
/// left-hand side of an assignment or a call is an identifier, and so is a lower-case word of
/// a shell command line (`$ app bob john`).
fn code_syntax(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let glued = |i: usize, c: char| ctx.toks.get(i).is_some_and(|t| t.glued && t.is(c));
    // `x::Name`: two colons glued to each other and to the name.
    let path_before = a >= 2
        && ctx.toks[a].glued
        && ctx.toks[a - 1].glued
        && ctx.punct(a - 1, ':')
        && ctx.punct(a - 2, ':');
    let path_after = glued(b + 1, ':') && glued(b + 2, ':');
    let assigned = ctx
        .toks
        .get(b + 1)
        .is_some_and(|t| t.is('=') && !t.newline_before);
    let call = glued(b + 1, '(');
    // Capitalised names on a command line are quoted values ("--author 'Anna Smith <…>'").
    let argument = ctx.toks[a].case == Case::Lower && command_line(ctx, a);
    // `deb http://…` (sources.list), `mirror https://…`: a lower-case word before a URL is a
    // keyword of a configuration line.
    let keyword = ctx.toks[a].case == Case::Lower
        && next_word(ctx, b)
        && ctx.word_in(b + 1, &["http", "https", "ftp"])
        && glued(b + 2, ':');
    path_before || path_after || assigned || call || argument || keyword
}

/// Token `a` is on a line that opens with a shell prompt (`$ ` then the command).
fn command_line(ctx: &Ctx<'_>, a: usize) -> bool {
    let mut j = a;
    for _ in 0..16 {
        if j == 0 || ctx.toks[j].newline_before {
            break;
        }
        j -= 1;
    }
    (j == 0 || ctx.toks[j].newline_before)
        && ctx.punct(j, '$')
        && ctx.toks.get(j + 1).is_some_and(|t| !t.glued)
}

/// `Mel‐` / `dung`: a man page broke the word at the line's end (with U+2010 or `-`) and it
/// goes on in lower case on the next line. Only for places: the first part of a broken name
/// is still part of a name.
fn broken_word(ctx: &Ctx<'_>, b: usize) -> bool {
    let Some(h) = ctx.toks.get(b + 1) else {
        return false;
    };
    h.glued
        && (h.is('‐') || h.is('-'))
        && ctx
            .toks
            .get(b + 2)
            .is_some_and(|n| n.newline_before && n.kind == Kind::Word && n.case == Case::Lower)
}

/// `4.3BSD-Reno`, `JS-side`: a word joined by a hyphen to letters and digits, or a place whose
/// hyphenated last part is a lower-case word (a compound adjective; a town's lower-case links
/// such as `en`, `sur`, `upon` sit between capitalised parts: `Aix-en-Provence`).
fn compound(ctx: &Ctx<'_>, a: usize, b: usize, e: Entity) -> bool {
    let alnum = |i: usize| {
        ctx.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Alnum | Kind::Num))
    };
    let hyphen = |i: usize| ctx.toks.get(i).is_some_and(|t| t.glued && t.is('-'));
    if a >= 2 && ctx.toks[a].glued && hyphen(a - 1) && alnum(a - 2) {
        return true;
    }
    if hyphen(b + 1) && ctx.toks.get(b + 2).is_some_and(|t| t.glued) && alnum(b + 2) {
        return true;
    }
    // One token holds inner hyphens (`JS-side`): its last part decides.
    e == Entity::Location
        && ctx
            .s(b)
            .rsplit_once('-')
            .is_some_and(|(_, last)| last.len() > 3 && last.chars().all(char::is_lowercase))
        // Round 13: a listed town typed in lower case ("estou em proença-a-nova") is whole.
        && !(ctx.toks[b].case == Case::Lower && ctx.flags[b] & super::gazetteer::PLACE != 0)
}

/// Words that make a run of capitalised words a product, a service or a standard ("AI
/// Platform", "Cloud Storage", "Crypto API", "WHATWG URL", "ISO Standard", "Athena Widget"),
/// inside the run or right after it on the same line.
const TECH_WORDS: &[&str] = &[
    "api",
    "apis",
    "sdk",
    "url",
    "urls",
    "cli",
    "platform",
    "storage",
    "logging",
    "widget",
    "widgets",
    "toolkit",
    "cloud",
    "model",
    "files",
    "standard",
    "cache",
    "compaction",
    "compression",
    "replacement",
    "substitution",
    "resources",
    "stage",
    "library",
    "server",
    "database",
    "kernel",
    "runtime",
    "db",
    "abi",
    "browser",
    "viewer",
    "edition",
    "project",
    // Round 7: what a software name is followed by in READMEs and changelogs ("a Flask
    // extension", "Django form", "Trace SQL queries", "Gregorian dates", "Savannah bug").
    "extension",
    "extensions",
    "plugin",
    "plugins",
    "module",
    "modules",
    "package",
    "packages",
    "crate",
    "crates",
    "framework",
    "bindings",
    "driver",
    "drivers",
    "backend",
    "interpreter",
    "compiler",
    "programming",
    "form",
    "forms",
    "orm",
    "template",
    "templates",
    "queries",
    "functions",
    "dates",
    "bug",
    "bugs",
    "tracker",
    "repository",
    "repo",
    "mirror",
    "spreadsheet",
    "route",
    "routes",
    "models",
    "app",
    "apps",
];

fn product(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    if (a..=b).any(|i| {
        ctx.toks[i].kind == Kind::Word
            && (ctx.word_in(i, TECH_WORDS)
                || ctx.word_in(i, PRODUCTS)
                || possessive_product(ctx, i))
    }) {
        return true;
    }
    (next_word(ctx, b) && (ctx.word_in(b + 1, TECH_WORDS) || ctx.word_in(b + 1, PRODUCTS)))
        || versioned(ctx, b)
        || (a..=b + 1).any(|i| cased_tech_word(ctx, i, b))
}

/// Words that make a run a product, a service or a character's name only as written there:
/// an acronym of two capitals after a name ("Mac OS 11", "Travis CI", "Qt UI"), an edition
/// of a product ("Igor Pro") and the
/// title-case words of Unicode character names in tables ("Tai Tham Consonant Sign", "Tai
/// Viet Vowel"). Typed in lower case they are words of a sentence ("Ana os viu", "ask Anna
/// to sign"), and `TECH_WORDS` would take those.
const CASED_TECH_WORDS: &[&str] = &[
    "os",
    "ci",
    "ui",
    "sign",
    "vowel",
    "consonant",
    "syllables",
    "pro",
];

/// Token `i` (in the run or, `i == b + 1`, the word right after it on its line) is one of
/// [`CASED_TECH_WORDS`] in its written case: two capitals, or title case.
fn cased_tech_word(ctx: &Ctx<'_>, i: usize, b: usize) -> bool {
    let Some(t) = ctx.toks.get(i) else {
        return false;
    };
    let case = if t.len() == 2 {
        Case::Upper
    } else {
        Case::Title
    };
    t.case == case
        && t.kind == Kind::Word
        && (i <= b || next_word(ctx, b))
        && ctx.word_in(i, CASED_TECH_WORDS)
}

/// "German VAT number", "Trace AWS Lambda", "Django ORM": a run where a capitalised word
/// stands next to an acronym (three or four capitals the lists hold as no name) names a
/// standard or a product. A surname written in capitals ("Thomas BERNARD", "Tom LEE") is a name, and a text
/// all in capitals has no capitalised word.
fn acronym(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    use super::gazetteer::{FIRST, LAST};
    let title = |i: usize| (a..=b).contains(&i) && ctx.toks[i].case == Case::Title;
    (a..=b).any(|i| {
        let t = &ctx.toks[i];
        t.case == Case::Upper
            && (3..=4).contains(&t.len())
            && t.kind == Kind::Word
            && ctx.flags[i] & (FIRST | LAST) == 0
            && ((i > a && title(i - 1)) || title(i + 1))
    })
}

/// "from Fedora's mailcap": a software name of [`PRODUCTS`] with a possessive `'s`.
fn possessive_product(ctx: &Ctx<'_>, i: usize) -> bool {
    let s = ctx.s(i);
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .is_some_and(|w| PRODUCTS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// "raised to Rust 1.54.0", "Tcl 8.6": a version number of two or more parts after the run
/// makes it a product's name.
fn versioned(ctx: &Ctx<'_>, b: usize) -> bool {
    ctx.toks
        .get(b + 1)
        .is_some_and(|n| n.kind == Kind::Num && !n.newline_before && !n.glued)
        && ctx.toks.get(b + 2).is_some_and(|d| d.glued && d.is('.'))
        && ctx
            .toks
            .get(b + 3)
            .is_some_and(|n| n.glued && n.kind == Kind::Num)
}

/// A company's legal forms (also read by the `postal-code` rule).
pub(crate) const LEGAL_FORMS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "gmbh",
    "plc",
    "incorporated",
];

/// "The Santa Cruz Operation, Inc": a company's legal form, capitalised, after the run.
fn organisation(ctx: &Ctx<'_>, b: usize) -> bool {
    let mut j = b + 1;
    if ctx.punct(j, ',') {
        j += 1;
    }
    ctx.toks
        .get(j)
        .is_some_and(|t| !t.newline_before && t.case != Case::Lower)
        && ctx.word_in(j, LEGAL_FORMS)
}

/// A cue that does not reach the run: a greeting before a blank line ("print('hello')",
/// its output "hello", a blank line, then "More than one example works::") greets nobody in
/// the next paragraph; lower-case "me." ends a sentence ("clear to me. It likely ...") and is
/// not French "Me." (Maître), which is capitalised; a title that ends a word broken at the
/// line's end ("us‐" / "ing Xft") is no title.
fn cue_out_of_reach(ctx: &Ctx<'_>, a: usize, why: &str) -> bool {
    match why {
        "greeting" => {
            a > 0
                && ctx.text[ctx.toks[a - 1].end as usize..ctx.toks[a].start as usize]
                    .matches('\n')
                    .count()
                    >= 2
        }
        "title" => {
            let lower_me = a >= 2
                && ctx.punct(a - 1, '.')
                && ctx.toks[a - 2].case == Case::Lower
                && ctx.word_in(a - 2, &["me", "m", "e"]);
            // "us‐\ning Xft": the title is the end of a word a man page broke at the line's
            // end (German "Ing" as in "Ingenieur").
            let t = if ctx.punct(a.wrapping_sub(1), '.') {
                a.wrapping_sub(2)
            } else {
                a.wrapping_sub(1)
            };
            let broken = t >= 2
                && t < a
                && ctx.toks[t].newline_before
                && (ctx.punct(t - 1, '‐') || ctx.punct(t - 1, '-'))
                && ctx.toks[t - 1].glued
                && ctx.toks[t - 2].kind == Kind::Word;
            lower_me || broken
        }
        _ => false,
    }
}

/// "U+2025 TWO DOT LEADER": a run in capitals on a line that gives a code point (`U+` and four
/// or more hex digits) is a character's name.
fn character_name(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    if !(a..=b).all(|i| ctx.toks[i].case != Case::Title && ctx.toks[i].case != Case::Lower) {
        return false;
    }
    let start = ctx.toks[a].start as usize;
    let end = ctx.toks[b].end as usize;
    let ls = ctx.text[..start].rfind('\n').map_or(0, |k| k + 1);
    let le = ctx.text[end..]
        .find('\n')
        .map_or(ctx.text.len(), |k| end + k);
    let line = &ctx.text[ls..le];
    line.match_indices("U+").any(|(k, _)| {
        line[k + 2..]
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .count()
            >= 4
    })
}

/// Round 14 (places15): the words of Unicode's character names that no person's name holds
/// capitalised beside a name: "Latin Small Letter Sharp S", "Georgian Letter Ani", "Latin
/// Ligature Oe", "Combining Acute Accent", "Caron Accent".
const CHARACTER_WORDS: &[&str] = &["letter", "ligature", "accent", "combining"];

/// Round 14 (places15): a word of [`CHARACTER_WORDS`], capitalised or in capitals, lies in the
/// hit `a..=b` or up to six words before it with only capitalised words between (a
/// character's name as documentation and code comments write it: "Character name: Latin
/// Capital Letter A With Grave", "Georgian Letter Ani", "LATIN SMALL LETTER SHARP S").
/// "Letter from Jane Doe" keeps its person: a lower-case word stands between.
fn letter_name(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let mut i = b + 1;
    while i > a.saturating_sub(6) {
        i -= 1;
        let t = &ctx.toks[i];
        if i < a
            && (t.case == Case::Lower || t.kind == Kind::Punct || ctx.toks[i + 1].newline_before)
        {
            return false;
        }
        if t.kind == Kind::Word && t.case != Case::Lower && ctx.word_in(i, CHARACTER_WORDS) {
            return true;
        }
    }
    false
}

/// "Thu Mar  3": a weekday's short form before a month is a date.
fn date(ctx: &Ctx<'_>, a: usize) -> bool {
    ctx.word_in(a, &["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        && ctx.word_in(
            a + 1,
            &[
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ],
        )
}

/// "Manage Access Approval requests", "Myanmar Extended-A", "Sandy Bridge", "Colorado School
/// of Mines": a place from the lists followed by a capitalised word that is no place opens the
/// name of a product, a command or an organisation. After a place cue ("in Berlin Mitte") only
/// a word that names an institution does ("z Colorado School of Mines").
fn heads_a_name(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let Some(n) = ctx.toks.get(b + 1) else {
        return false;
    };
    n.kind == Kind::Word
        && matches!(n.case, Case::Title | Case::Upper)
        && same_phrase(ctx, a, b)
        && ctx.flags[b + 1] & super::gazetteer::PLACE == 0
        && (!cued(ctx, a) || ctx.word_in(b + 1, INSTITUTIONS))
}

/// Words that follow a place in the name of an institution.
const INSTITUTIONS: &[&str] = &[
    "university",
    "college",
    "school",
    "institute",
    "state",
    "foundation",
    "society",
    "consortium",
    "corporation",
    "laboratory",
    "labs",
];

/// Token `b + 1` goes on the phrase `a..=b` on the same line: no wider gap than one of two
/// spaces, or than the gap before `a` (justified text widens every gap of a line alike).
fn same_phrase(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let before = if a > 0 && !ctx.toks[a].newline_before {
        ctx.toks[a].start - ctx.toks[a - 1].end
    } else {
        0
    };
    ctx.toks.get(b + 1).is_some_and(|n| {
        !n.newline_before && !n.glued && n.start - ctx.toks[b].end <= before.max(2)
    })
}

/// Token `b + 1` is on the same line as `b`, one or two spaces after it (justified text
/// doubles spaces).
fn next_word(ctx: &Ctx<'_>, b: usize) -> bool {
    ctx.toks.get(b + 1).is_some_and(|n| {
        n.kind == Kind::Word && !n.newline_before && !n.glued && n.start - ctx.toks[b].end <= 2
    })
}

/// "Manage your Cloud DNS zones", "Salta o aviso", "Gera mais comentários": a place that opens
/// a line or sentence and is followed by a determiner is a verb in the imperative (or a
/// description's verb), not a town: a town opening a sentence is followed by its verb.
fn imperative(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    a == b
        && ctx.sentence_start(a)
        && next_word(ctx, b)
        && ctx.toks[b + 1].case == Case::Lower
        && ctx.word_in(
            b + 1,
            &[
                "the", "an", "your", "my", "our", "their", "its", "this", "these", "those", "all",
                "o", "os", "mais", "ainda", "el", "los", "las", "le", "les", "un", "une", "der",
                "das", "den", "dem", "ein", "eine", "het", "een", "il", "gli", "lo",
            ],
        )
}

/// Towns the lists hold that are common words in one of the pass's languages without the
/// lists marking them so: English "Manage", "Enterprise", "Sale", Portuguese "Gera",
/// Spanish and Portuguese "Salta", German "Mitte".
const WORD_TOWNS: &[&str] = &[
    "manage",
    "enterprise",
    "sale",
    "gera",
    "salta",
    "mitte",
    // Round 7: English "Add", "Deal", "Hang", "Rim", "Flask", "Savannah", "Boom" (also
    // Dutch), Spanish and Portuguese "Mesa", "Registro" (also Italian).
    "add",
    "deal",
    "hang",
    "rim",
    "flask",
    "savannah",
    "boom",
    "mesa",
    "registro",
];

/// A town of [`WORD_TOWNS`] with no place cue right before it ("in", "nach", "em"). A
/// particle between capitalised words ("Clave Única de Registro de Población") joins the
/// words of one name and cues nothing.
fn word_town(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let inside_a_name = a >= 2
        && ctx.toks[a - 2].case == Case::Title
        && !ctx.toks[a - 1].newline_before
        && ctx.word_in(a - 1, &["de", "di", "da", "do", "du", "del", "van", "von"]);
    a == b && ctx.word_in(a, WORD_TOWNS) && (!cued(ctx, a) || inside_a_name)
}

/// Round 11: a listed place with no cue inside a person's name, as credits and changelogs
/// write them ("Copyright (c) 2007 Brandon L Black", "Antony T Curtis", "Remove Barry Warsaw
/// from Uploaders", "José Antonio Salgueiro A."): a first name or surname the list also
/// holds as a place before an initial or a title-case word, or any listed place after a
/// first name.
fn name_part(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    use super::gazetteer::{FIRST, LAST};
    let spaced =
        |i: usize| ctx.toks[i].start - ctx.toks[i - 1].end == 1 && !ctx.toks[i].newline_before;
    let before =
        a > 0 && spaced(a) && ctx.toks[a - 1].case == Case::Title && ctx.flags[a - 1] & FIRST != 0;
    let after = ctx.flags[a] & (FIRST | LAST) != 0
        && ctx.toks.get(b + 1).is_some_and(|n| {
            // One capital letter (`Case::Other`) is an initial without its dot.
            n.kind == Kind::Word
                && (n.case == Case::Title
                    || (n.len() == 1 && ctx.s(b + 1).bytes().all(|c| c.is_ascii_uppercase())))
        })
        && spaced(b + 1);
    a == b && !cued(ctx, a) && (before || after)
}

/// "[Tokio][tokio-security]", "[Flask](https://flask.example.org)": a listed place alone in
/// a Markdown link's text whose target or label holds the name in lower case links a
/// project's page (a link about a town keeps the town's capital: `wiki/Paris`).
fn project_link(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    if !(a > 0 && ctx.punct(a - 1, '[') && ctx.punct(b + 1, ']')) {
        return false;
    }
    let Some(open) = ctx.toks.get(b + 2) else {
        return false;
    };
    if !(open.glued && (open.is('[') || open.is('('))) {
        return false;
    }
    let close = if open.is('[') { ']' } else { ')' };
    let start = open.end as usize;
    let rest = &ctx.text[start..];
    let target = &rest[..rest.find([close, '\n']).unwrap_or(rest.len())];
    let name = &ctx.text[ctx.toks[a].start as usize..ctx.toks[b].end as usize];
    name.chars().any(char::is_uppercase) && target.contains(name.lower().as_str())
}

/// "If you already use Tokio", "install Flask": a listed place right after a verb of using
/// or building software is the software's name (nobody installs or imports a town).
fn software_object(ctx: &Ctx<'_>, a: usize) -> bool {
    a > 0
        && ctx.toks[a - 1].case == Case::Lower
        && !ctx.toks[a].newline_before
        && ctx.word_in(
            a - 1,
            &[
                "using",
                "use",
                "uses",
                "install",
                "installs",
                "installing",
                "installed",
                "import",
                "imports",
                "importing",
                "require",
                "requires",
                "requiring",
                "upgrade",
                "upgrading",
                "compile",
                "compiling",
                "configure",
                "configuring",
                "benutzen",
                "verwenden",
                "installieren",
                "utiliser",
                "installer",
                "usar",
                "instalar",
                "usare",
                "installare",
                "gebruiken",
                "installeren",
                "używać",
                "zainstalować",
            ],
        )
}

/// A lower-case place cue ("in", "nach", "em") is right before token `a`.
fn cued(ctx: &Ctx<'_>, a: usize) -> bool {
    a > 0 && ctx.toks[a - 1].case == Case::Lower && ctx.role(a - 1, PLACE_CUE)
}

/// Software names that town cues and the lists take for places ("em Debian", "à Vim") or that
/// end a page header ("Manuel de Debian").
const PRODUCTS: &[&str] = &[
    "debian", "ubuntu", "fedora", "linux", "gnu", "vim", "emacs", "samba", "gnome", "kde",
    "systemd", "freebsd", "openbsd", "netbsd", "github", "gitlab", "firefox", "chromium", "macos",
];

/// Table rows, copyright lines and version numbers that the address detector read as an
/// address: a gap of three or more spaces or a tab inside the hit (columns: "May 8, 2012
/// GCC-ar"), a copyright notice ("Copyright 2017, 2018 The"), or a number glued to a dot and
/// more digits ("Route zum Netzwerk 192.56.76.x": an IP address or a version).
fn not_an_address(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let columns = (a + 1..=b).any(|i| {
        let (p, t) = (&ctx.toks[i - 1], &ctx.toks[i]);
        !t.newline_before
            && ctx.text.as_bytes()[p.end as usize..t.start as usize]
                .iter()
                .filter(|&&c| c == b' ' || c == b'\t')
                .map(|&c| if c == b'\t' { 3 } else { 1 })
                .sum::<usize>()
                >= 3
    });
    let copyright = copyright_notice(ctx, a);
    let dotted = (a..=b).any(|i| {
        ctx.toks[i].kind == Kind::Num
            && ctx.toks.get(i + 1).is_some_and(|d| d.glued && d.is('.'))
            && ctx
                .toks
                .get(i + 2)
                .is_some_and(|n| n.glued && n.kind == Kind::Num)
    });
    // "SHA-256 via SHA extensions": a number glued by a hyphen to a word is part of a name.
    let hyphenated = a >= 2
        && ctx.toks[a].kind == Kind::Num
        && ctx.toks[a].glued
        && ctx.toks[a - 1].is('-')
        && ctx.toks[a - 1].glued
        && matches!(ctx.toks[a - 2].kind, Kind::Word | Kind::Alnum);
    // "August 26, 2011 Anna J. Lane": the year of a date is no house number (the hit opens
    // with the date or with its year).
    let date_at = |m: usize| {
        ctx.word_in(m, MONTHS)
            && ctx
                .toks
                .get(m + 1)
                .is_some_and(|t| t.kind == Kind::Num && t.len() <= 2)
            && ctx.punct(m + 2, ',')
    };
    let dated = date_at(a) || (a >= 3 && date_at(a - 3));
    columns || copyright || dotted || hyphenated || dated
}

/// Months in English, as dates in changelogs and man pages write them.
const MONTHS: &[&str] = &[
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
];

/// Token `i` is in a copyright notice: "Copyright" or "©" opens its line at most a dozen
/// tokens before it ("Copyright (C) 1991-2012, Thomas G. Lane"). There a run that ends in a
/// street's type is the holder's name, and years and names are no address.
///
/// A Debian `copyright` file's field goes on over indented lines that open with a year
/// ("Copyright: 2010 Anna Smith\n           2012-2015 Jan Nowak"): such a line is part of the
/// notice above it.
pub(crate) fn copyright_notice(ctx: &Ctx<'_>, i: usize) -> bool {
    let (mut j, mut on_line, mut lines) = (i, 0, 0);
    loop {
        if ctx.word_in(j, &["copyright"]) || ctx.punct(j, '©') {
            return true;
        }
        if j == 0 || (lines == 0 && on_line == 12) || i - j > 2000 {
            return false;
        }
        if ctx.toks[j].newline_before {
            // Go on to the line above only from a year indented under it (at most 250 such
            // lines), and read that line whole.
            if !(indented(ctx, j) && year(ctx, j)) || lines == 250 {
                return false;
            }
            lines += 1;
        }
        j -= 1;
        on_line += 1;
    }
}

/// Token `i` is a year of four digits (1900 to 2099).
fn year(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.toks[i];
    t.kind == Kind::Num
        && t.len() == 4
        && (ctx.s(i).starts_with("19") || ctx.s(i).starts_with("20"))
}

/// Token `i` opens an indented line (spaces or a tab before it).
fn indented(ctx: &Ctx<'_>, i: usize) -> bool {
    let start = ctx.toks[i].start as usize;
    let line = ctx.text[..start].rfind('\n').map_or(0, |k| k + 1);
    start > line
        && ctx.text[line..start]
            .bytes()
            .all(|c| c == b' ' || c == b'\t')
}

/// Places from the lists in shapes technical text gives them: a man page's word broken at the
/// line's end, a language ("Bahasa Indonesia"), the end of a mailbox's display name ("Anna
/// Salvador <anna@example.org>"), a release's code name after a software name ("macOS
/// Ventura"), a double-barrelled name ("Boyer-Moore"), a university's or an institute's name,
/// a section's number, a processor's code names, an organisation's postal address, a Title
/// Case heading.
fn not_a_place(ctx: &Ctx<'_>, a: usize, b: usize, why: &str) -> bool {
    broken_word(ctx, b)
        || double_name(ctx, a, b)
        || institution_of(ctx, a)
        || section_number(ctx, a)
        || code_names(ctx, a)
        || organisations_address(ctx, a)
        || holders_seat(ctx, a, b)
        || floor(ctx, a, b)
        || identifier_kind(ctx, a, b)
        || licence_clause(ctx, a)
        || (matches!(why, "place-cue" | "place-frame") && markdown_heading(ctx, a))
        || (a > 0 && ctx.word_in(a - 1, &["bahasa"]))
        || mailbox_after(ctx, b)
        || (a > 0 && !ctx.toks[a].newline_before && ctx.word_in(a - 1, PRODUCTS))
        || (why == "gazetteer" && (agent(ctx, a) || quoted_name(ctx, a, b)))
}

/// A floor of a building, which a seat or office label names as readily as a town ("Sede
/// legale: Piano Terra", "Sede: Primo Piano", "Ufficio: Piano Nobile", "Sede: Piso Térreo"):
/// two words, one of them the noun for a floor and the other an ordinal or a kind of floor.
/// "Piano di Sorrento" has its particle and stays a town.
fn floor(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    const FLOOR_NOUNS: &[&str] = &["piano", "piso"];
    const FLOOR_KINDS: &[&str] = &[
        "terra", "terreno", "nobile", "rialzato", "primo", "secondo", "terzo", "térreo",
    ];
    b == a + 1
        && (ctx.word_in(a, FLOOR_NOUNS) && ctx.word_in(b, FLOOR_KINDS)
            || ctx.word_in(b, FLOOR_NOUNS) && ctx.word_in(a, FLOOR_KINDS))
}

/// "Copyright: 2002-2011, Communications and Remote Sensing Laboratory, Universite
/// catholique de Louvain (UCL), Belgium", " 2012, CS Systemes d'Information, France": a place
/// after a comma that closes a line of a copyright notice is the holder's seat, a public
/// attribution (round 11: the largest class of places in benign7's Debian copyright files).
/// The notice may be longer than [`copyright_notice`]'s dozen tokens: its line's first token
/// is asked.
fn holders_seat(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    if a == 0 || !ctx.punct(a - 1, ',') || ctx.toks.get(b + 1).is_some_and(|t| !t.newline_before) {
        return false;
    }
    let mut first = a;
    while first > 0 && !ctx.toks[first].newline_before && a - first < 60 {
        first -= 1;
    }
    (first == 0 || ctx.toks[first].newline_before) && copyright_notice(ctx, first)
}

/// A place that opens the name of a kind of identifier in a list of supported formats: it
/// follows a bullet, a bracket or a comma, and up to four lower-case nouns (or an ALL-CAPS
/// acronym such as ID or VAT) and then "number" or "code" follow it on its line ("* Nepal bank
/// account number", "(…, Kenya tax number)", "(Liechtenstein tax code …)"): no one's place
/// (round 12: the largest class of places in benign7's Markdown docs). "I live in Kenya and
/// need my tax number" has a preposition before the place.
fn identifier_kind(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    a > 0
        && ctx.toks[a - 1].kind == Kind::Punct
        && (b + 1..b + 6).any(|k| {
            ctx.toks.get(k).is_some_and(|t| {
                !t.newline_before && ctx.word_in(k, &["number", "numbers", "code", "codes"])
            }) && (b + 1..k).all(|m| {
                let t = &ctx.toks[m];
                !t.newline_before
                    && t.kind == Kind::Word
                    && (t.case == Case::Lower || (t.case == Case::Upper && t.len() <= 4))
            })
        })
}

/// Words of export before a place in a licence's notice ([`licence_clause`]).
pub(crate) const EXPORT_WORDS: &[&str] = &["export", "exporting"];
/// Words of law before "of" in a licence's governing-law clause ([`licence_clause`]).
pub(crate) const LAW_WORDS: &[&str] = &["law", "laws"];

/// A place in a licence's governing-law clause or export notice: "law(s) of" or a word of
/// export among the dozen tokens before it ("the law of the State of California", "the
/// Commonwealth of Virginia", "an export of cryptographic software from the United States of
/// America"; a licence wraps its lines anywhere), or one of a list after "countries of" ("the
/// countries of Cuba, Iran, North Korea, Sudan, Syria"). Round 12: benign7's licences.
fn licence_clause(ctx: &Ctx<'_>, a: usize) -> bool {
    let lo = a.saturating_sub(12);
    // The role bit is set on exactly the words of both lists: one load per token instead of
    // two look-ups (this walk was most of `benign`'s cost on prose, round 15). The first
    // module has no room for the bit (issue 20) and asks the lists as before.
    if (lo..a).any(|k| {
        (crate::FIRST_MODULE || ctx.role(k, LICENCE_WORD))
            && (ctx.word_in(k, EXPORT_WORDS)
                || (ctx.word_in(k, LAW_WORDS) && ctx.word_in(k + 1, &["of"])))
    }) {
        return true;
    }
    // Back over the list the place belongs to: places, commas and "and".
    let mut j = a;
    while j > lo
        && (ctx.toks[j - 1].capitalised() || ctx.punct(j - 1, ',') || ctx.word_in(j - 1, &["and"]))
    {
        j -= 1;
    }
    j >= 2 && ctx.word_in(j - 1, &["of"]) && ctx.word_in(j - 2, &["countries"])
}

/// "hosted by Savannah": after "by" a listed place is the agent, a person or a body.
fn agent(ctx: &Ctx<'_>, a: usize) -> bool {
    a > 0 && ctx.toks[a - 1].case == Case::Lower && ctx.word_in(a - 1, &["by"])
}

/// `renamed to "Raleigh"`: a listed place alone in quotes is the name of a theme, an option
/// or a release (a town is not quoted, whatever cue stands before it). A value after a colon or `=` (`"city":
/// "Paris"`) stays a place.
fn quoted_name(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let pair = |o: char, c: char| ctx.punct(a - 1, o) && ctx.punct(b + 1, c);
    a >= 2
        && ctx.toks[a].glued
        && ctx.toks.get(b + 1).is_some_and(|t| t.glued)
        && (pair('"', '"')
            || pair('\'', '\'')
            || pair('“', '”')
            || pair('„', '“')
            || pair('«', '»'))
        && !(ctx.punct(a - 2, ':') || ctx.punct(a - 2, '='))
}

/// "Boyer-Moore", "Morgan-Stanley": a hyphenated word the lists do not hold as a whole, made of
/// names one of which is also a town, names an algorithm, a firm or a person. Listed towns
/// ("Winston-Salem") carry the place flag alone.
fn double_name(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    use super::gazetteer::{FIRST, LAST, PLACE};
    (a..=b).any(|i| {
        let f = ctx.flags[i];
        f & PLACE != 0 && f & (FIRST | LAST) != 0 && ctx.s(i).contains('-')
    })
}

/// Bodies whose name goes on with "of" and a place: "The University of Michigan",
/// "Universidad de Sevilla", "Massachusetts Institute of Technology" (also read by the
/// `postal-code` rule).
pub(crate) const BODIES: &[&str] = &[
    "university",
    "universidad",
    "universidade",
    "université",
    "università",
    "universiteit",
    "uniwersytet",
    "college",
    "institute",
    "institut",
    "instituto",
    "istituto",
    "academy",
    "school",
    "foundation",
    "consortium",
    "laboratory",
    "museum",
];

/// "University of Alaska": a place after a body's capitalised name and "of" names the body.
fn institution_of(ctx: &Ctx<'_>, a: usize) -> bool {
    a >= 2
        && ctx.toks[a - 2].case != Case::Lower
        && ctx.word_in(
            a - 1,
            &["of", "de", "di", "du", "do", "da", "del", "della", "van"],
        )
        && ctx.word_in(a - 2, BODIES)
}

/// "5.3.3. Delta": a section's number of two or more levels opens the line (a list's "1."
/// before a town does not count).
fn section_number(ctx: &Ctx<'_>, a: usize) -> bool {
    let mut nums = 0;
    let mut j = a;
    while j > 0 && !ctx.toks[j].newline_before {
        j -= 1;
        let t = &ctx.toks[j];
        if t.kind == Kind::Num {
            nums += 1;
        } else if !t.is('.') {
            return false;
        }
    }
    nums >= 2
}

/// "AMD64 Fam10h (Barcelona, Shanghai, Istanbul)": capitalised words in brackets after a
/// model's name of letters and digits (with a lower-case letter, unlike a postcode) are code
/// names.
fn code_names(ctx: &Ctx<'_>, a: usize) -> bool {
    let mut j = a;
    for _ in 0..12 {
        if j == 0 || ctx.toks[j].newline_before {
            return false;
        }
        j -= 1;
        let t = &ctx.toks[j];
        if t.is('(') {
            return j > 0
                && !t.newline_before
                && ctx.toks[j - 1].kind == Kind::Alnum
                && ctx.s(j - 1).bytes().any(|c| c.is_ascii_lowercase());
        }
        if !(t.is(',') || (t.kind == Kind::Word && t.case != Case::Lower)) {
            return false;
        }
    }
    false
}

/// "Free Software Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA", "Digital
/// Equipment Corporation, Maynard, Massachusetts": an address or a town in a list of commas
/// after a company's legal form or a body's name is that organisation's address (licence
/// texts, copyright notices), not a person's.
fn organisations_address(ctx: &Ctx<'_>, a: usize) -> bool {
    if a == 0 || !ctx.punct(a - 1, ',') {
        return false;
    }
    let mut j = a - 1;
    for _ in 0..20 {
        if j == 0 {
            return false;
        }
        j -= 1;
        let t = &ctx.toks[j];
        if t.kind == Kind::Punct {
            // "Inc.,", "St.": an abbreviation's dot goes on the list.
            let abbreviation =
                t.is('.') && t.glued && j > 0 && ctx.toks[j - 1].kind == Kind::Word && {
                    ctx.toks[j - 1].len() <= 4
                };
            if !(t.is(',') || abbreviation) {
                return false;
            }
        } else if t.case != Case::Lower && (ctx.word_in(j, LEGAL_FORMS) || ctx.word_in(j, BODIES)) {
            return true;
        }
    }
    false
}

/// A Markdown heading ("## Creating a New Translation") writes common nouns in Title Case:
/// a town's shape ("New X") found there without a listed town is no town.
fn markdown_heading(ctx: &Ctx<'_>, a: usize) -> bool {
    let mut j = a;
    for _ in 0..24 {
        if j == 0 || ctx.toks[j].newline_before {
            break;
        }
        j -= 1;
    }
    (j == 0 || ctx.toks[j].newline_before) && ctx.punct(j, '#')
}

/// Technical nouns that the lists hold as surnames only: "trace child processes", "width and
/// angle fields" are no lower-case names.
const LOWER_NOUNS: &[&str] = &[
    "child", "children", "fields", "parent", "branch", "block", "rule", "link", "hash", "head",
    "stack", "files", "lines", "frame", "bounds", "close", "sheets",
];

/// A lower-case name (found by the lists alone) that ends in a word of [`LOWER_NOUNS`].
fn lower_noun(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    ctx.toks[a].case == Case::Lower && ctx.word_in(b, LOWER_NOUNS)
}

/// A mailbox follows token `b` on its line (`<addr@host>`, after a comma or not; Markdown
/// writes the brackets of an autolink twice): `b` ends its display name, a person's name,
/// even where it looks like a street ("2016 Anna Lane <anna@example.org>").
fn mailbox_after(ctx: &Ctx<'_>, b: usize) -> bool {
    let mut j = b + 1;
    if ctx.punct(j, ',') {
        j += 1;
    }
    ctx.toks
        .get(j)
        .is_some_and(|t| t.is('<') && !t.newline_before)
        && {
            let mut k = if ctx.toks.get(j + 1).is_some_and(|t| t.glued && t.is('<')) {
                j + 2
            } else {
                j + 1
            };
            let mut at = false;
            while let Some(t) = ctx.toks.get(k) {
                if t.newline_before || k > j + 16 || t.is('>') {
                    break;
                }
                at |= t.is('@');
                k += 1;
            }
            at && ctx.punct(k, '>')
        }
}

/// The run `a..=b` is the display name of a mailbox ("Barry Warsaw <barry@example.org>",
/// RFC 5322's `display-name <addr-spec>`) or the author in brackets closing a changelog entry
/// ("fix the parser (Guy Bedford) [#123]"), the author after "by", a name before its address
/// in brackets, an uploader's heading in a Debian changelog, the holder of a copyright notice, or a line of a list of names
/// ([`name_list`]): credits name people, even with words that are also places.
pub(crate) fn credited(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let mut j = b + 1;
    // Markdown's bold around the name ("**Guy Bedford** <<guy@example.org>>").
    while j <= b + 2
        && ctx
            .toks
            .get(j)
            .is_some_and(|t| t.glued && (t.is('*') || t.is('_')))
    {
        j += 1;
    }
    let mailbox = mailbox_after(ctx, j - 1);
    let bracketed = a > 0
        && ctx.punct(a - 1, '(')
        && ctx.toks[a].glued
        && ctx.toks.get(b + 1).is_some_and(|t| t.is(')') && t.glued)
        && ctx
            .toks
            .get(b + 2)
            .is_none_or(|t| t.newline_before || t.is('[') || t.is('#') || (t.is('.') && t.glued));
    // "authored by Henry de Valence": after "by" a name is the author's.
    let author = a > 0 && ctx.toks[a - 1].case == Case::Lower && ctx.word_in(a - 1, &["by"]);
    // "Anna Lane (anna@example.org)": the address in brackets after the name (RFC 822's
    // comment form, AUTHORS files).
    let commented = ctx.punct(j, '(') && {
        let mut k = j + 1;
        let mut at = false;
        while let Some(t) = ctx.toks.get(k) {
            if t.newline_before || k > j + 16 || t.is(')') {
                break;
            }
            at |= t.is('@');
            k += 1;
        }
        at && ctx.punct(k, ')')
    };
    // "  [ Anna Lane ]": a Debian changelog's heading of one uploader's changes.
    let uploader = a > 0
        && ctx.punct(a - 1, '[')
        && ctx.toks[a - 1].newline_before
        && !ctx.toks[a].glued
        && ctx.punct(b + 1, ']')
        && !ctx.toks[b + 1].glued
        && ctx.toks.get(b + 2).is_none_or(|t| t.newline_before);
    // "Copyright (C) 2004 Anna T Lane": the holder of a copyright notice.
    mailbox
        || bracketed
        || author
        || commented
        || uploader
        || copyright_notice(ctx, a)
        || name_list(ctx, a, b)
}

/// "    Glenn Machin\n    Roland Mainz\n    Sorin Manolache\n": the run fills its line, and the
/// line before or after holds two to four capitalised words and nothing else (an AUTHORS or
/// THANKS list); each line opens with a first name that is neither a place nor a word, so a
/// list of towns ("New York\nLos Angeles") is none.
fn name_list(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    use super::gazetteer::{FIRST, PLACE, WORD};
    let first = |i: usize| ctx.flags[i] & (FIRST | PLACE | WORD) == FIRST;
    let alone = first(a)
        && ctx.toks[a].newline_before
        && ctx.toks.get(b + 1).is_none_or(|t| t.newline_before)
        && b - a < 4;
    // Tokens `s..=e` are one line of two to four capitalised words.
    let names_line = |s: usize, e: usize| {
        e > s
            && e - s < 4
            && first(s)
            && ctx.toks[s].newline_before
            && (s..=e).all(|i| {
                let t = &ctx.toks[i];
                t.kind == Kind::Word && t.case == Case::Title && (i == s || !t.newline_before)
            })
    };
    let before = a > 0 && {
        let mut s = a - 1;
        while s > 0 && !ctx.toks[s].newline_before && a - s < 6 {
            s -= 1;
        }
        names_line(s, a - 1)
    };
    let after = b + 2 < ctx.toks.len() && {
        let mut e = b + 1;
        while ctx.toks.get(e + 1).is_some_and(|t| !t.newline_before) && e - b < 6 {
            e += 1;
        }
        names_line(b + 1, e)
    };
    alone && (before || after)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`licence_clause`] asks its lists only of tokens with the role bit: every word of both
    /// lists, in any case, must carry it after the look-ups, and the words around them not.
    #[test]
    fn licence_words_carry_their_role_bit() {
        let text = "export Exporting LAWS law Law exported lawyer of";
        let mut toks = Vec::new();
        super::super::tokenize::tokenize(text, &mut toks);
        let mut look = super::super::lookup::Lookups::default();
        let g = super::super::Gazetteer::empty();
        super::super::lookup::fill(text, &toks, &g, super::super::lexicon::roles(), &mut look);
        let marked: Vec<&str> = toks
            .iter()
            .zip(&look.roles)
            .filter(|(_, &r)| r & LICENCE_WORD != 0)
            .map(|(t, _)| t.text(text))
            .collect();
        assert_eq!(marked, ["export", "Exporting", "LAWS", "law", "Law"]);
        for w in EXPORT_WORDS.iter().chain(LAW_WORDS) {
            assert!(
                text.to_lowercase().split(' ').any(|t| t == *w),
                "{w} untested"
            );
        }
    }
}
