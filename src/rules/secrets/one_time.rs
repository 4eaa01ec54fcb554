//! One-time codes: the verification, login or transaction code a service sends by SMS or mail
//! ("your verification code is 482913", "Ihr Bestätigungscode lautet 482913", "código de
//! verificación: 482913", "TAN 123456"). While it is valid it opens the account it was sent
//! for, so it is a secret, not a number.
//!
//! The match starts at the code word (`code`, `codice`, `código`, `kod`, `OTP`, `TAN`,
//! `passcode`, or a compound ending in `code`), then up to three words (the qualifier of the
//! Romance languages and Polish comes after the code word, a verb may follow), then four to
//! eight digits. The validator asks for a word that makes it a one-time code: `error code
//! 1234`, `zip code 90210` and `status code 404` are none.

use super::{secret, Candidate, RuleDef, Verdict};
use crate::lower::Lower;

/// Every rule of this family.
pub(crate) static RULES: &[RuleDef] = &[secret(
    "one-time-code",
    r"(?x)
    # The code word alone: [`after_code_word`] reads the words and the number after it. Held
    # here, the words kept a thread alive after every `code`, `kod`, `otp` or `tan` of a text
    # to the end of its sentence, 14% of the lazy DFA's states on varied text
    # (docs/benchmarks.md, Round 16, dfa17).
    (?: (?i: code | codice | codigo | kod | otp | passcode ) | [Cc]ódigo | TAN )
    # The way an SMS puts it: `482913 is your Instagram code`, `G-482913 ist dein Code`.
    | \b (?: G- )? [0-9]{4,8} [\ \t]+ (?: (?i: is | ist | est | es | jest | to ) | è | é )
      (?: [\ \t]+ (?: [A-Za-z'] | é | è | ó | ç | ã | ü | ł )+ )*
      [\ \t]+ (?: (?i: code | codice | codigo | kod | otp | passcode ) | [Cc]ódigo | TAN )",
    one_time_code,
    0.8,
    words![],
)];

/// Prefixes of a compound ending in `code` that is a one-time code (German, Dutch, English
/// written as one word), lower-cased.
const COMPOUNDS: &[&str] = &[
    "bestätigungs",
    "sicherheits",
    "verifizierungs",
    "verifikations",
    "einmal",
    "anmelde",
    "login",
    "zugangs",
    "freischalt",
    "aktivierungs",
    "authentifizierungs",
    "verificatie",
    "beveiligings",
    "authenticatie",
    "inlog",
    "sms",
    "pass",
];

/// Stems of the words that make a `code` a one-time code, in the eight languages; looked for
/// in the words around the code word, lower-cased.
const QUALIFIERS: &[&str] = &[
    "verif",
    "vérif",
    "weryfik",
    "confirm",
    "conferm",
    "bestätig",
    "secur",
    "sécur",
    "segur",
    "sicur",
    "bezpiecz",
    "beveilig",
    "one-time",
    "onetime",
    "einmal",
    "jednoraz",
    "unique",
    "login",
    "log-in",
    "sign-in",
    "signin",
    "anmeld",
    "inlog",
    "2fa",
    "mfa",
    "two-factor",
    "2-step",
    "authentic",
    "authentif",
    "autentic",
    "autoryz",
    "sms",
    "otp",
    "access",
    "accès",
    "acceso",
    "accesso",
    "acesso",
    "dostęp",
    "zugang",
    "activation",
    "aktivier",
    "attivazione",
    "ativação",
    "activación",
];

/// The words the qualifier may stand in: the three before the code word and the match's own.
fn qualified(c: &Candidate<'_>) -> bool {
    let before = super::super::tail(c.preceding(), 60);
    let before = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or("");
    let window: String = before
        .split_whitespace()
        .rev()
        .take(3)
        .chain(c.value().split_whitespace())
        .map(|w| w.lower())
        .collect::<Vec<_>>()
        .join(" ");
    QUALIFIERS.iter().any(|q| window.contains(q))
}

/// Possessives that make `<digits> is your … code` a code sent to the reader.
const POSSESSIVES: &[&str] = &[
    "your", "dein", "deine", "ihr", "ihre", "votre", "ton", "tu", "su", "tuo", "suo", "uw", "je",
    "twój", "pana", "pani", "seu", "sua",
];

/// The code words of the pattern's first branch, in its order (`(?i)`: ASCII letters in
/// either case; `ódigo` and `TAN` as written).
const CODE_WORDS: &[&str] = &["code", "codice", "codigo", "kod", "otp", "passcode"];

/// A match of the pattern's first branch (the code word alone) widened to the number after
/// it, as the branch once held it: the first of the code words that stands at the match's
/// start and is followed by `(?: [ \t]+ word )* [ \t]* (?: [:=] [ \t]* )? (?: G- )?
/// [0-9]{2,4} (?: [ \-]? [0-9]{2,4} )? \b`, taken as a leftmost-first regex would (the
/// most words, then the longest number). `None` when no code word is followed so.
fn after_code_word<'a>(c: &Candidate<'a>) -> Option<Candidate<'a>> {
    let at = &c.text.as_bytes()[c.start..];
    let spelt = CODE_WORDS
        .iter()
        .filter(|w| at.len() >= w.len() && at[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
        .map(|w| w.len());
    let written = ["Código", "código", "TAN"]
        .iter()
        .filter(|w| at.starts_with(w.as_bytes()))
        .map(|w| w.len());
    for len in spelt.chain(written) {
        if let Some(end) = words_then_number(at, len, 0).ok()? {
            return Some(Candidate {
                end: c.start + end,
                ..*c
            });
        }
    }
    None
}

/// The letters of a word between the code word and its number (`[A-Za-z']` and `é è ó ç ã
/// ü ł`): the length of the one at `at[i..]`, 0 if none.
fn word_char(at: &[u8], i: usize) -> usize {
    match at.get(i..).unwrap_or_default() {
        [b'A'..=b'Z' | b'a'..=b'z' | b'\'', ..] => 1,
        [0xC3, 0xA9 | 0xA8 | 0xB3 | 0xA7 | 0xA3 | 0xBC, ..] | [0xC5, 0x82, ..] => 2,
        _ => 0,
    }
}

/// The end of `(?: [ \t]+ word )* <number>` from `at[i..]` (see [`after_code_word`]), the
/// star's choices tried as a backtracking regex tries them: one more word first, each word
/// as long as it goes, then shorter (a `G` ending a word may open `G-`). `depth` words are
/// behind. `Err` at a sixth word: only the last word of a run (or the one before a closing
/// `G-`) can stand before the number, so the match would have five words or more, which
/// [`one_time_code`] turns away; stopping there keeps a run of many code words linear.
fn words_then_number(at: &[u8], i: usize, depth: usize) -> Result<Option<usize>, ()> {
    let spaces = at[i..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    if spaces > 0 && word_char(at, i + spaces) > 0 {
        if depth == 5 {
            return Err(());
        }
        let mut ends = Vec::new();
        let mut j = i + spaces;
        loop {
            let n = word_char(at, j);
            if n == 0 {
                break;
            }
            j += n;
            ends.push(j);
        }
        for &end in ends.iter().rev() {
            if let Some(found) = words_then_number(at, end, depth + 1)? {
                return Ok(Some(found));
            }
        }
    }
    Ok(code_number(at, i))
}

/// The end of `[ \t]* (?: [:=] [ \t]* )? (?: G- )? [0-9]{2,4} (?: [ \-]? [0-9]{2,4} )? \b`
/// from `at[i..]`, its greedy choices first.
fn code_number(at: &[u8], mut i: usize) -> Option<usize> {
    let blanks = |at: &[u8], i: usize| {
        i + at[i..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count()
    };
    i = blanks(at, i);
    if matches!(at.get(i), Some(b':' | b'=')) {
        i = blanks(at, i + 1);
    }
    if at[i..].starts_with(b"G-") {
        i += 2;
    }
    let digits = |i: usize| {
        at[i..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let word = |i: usize| {
        at.get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    };
    let boundary = |i: usize| i > 0 && word(i - 1) != word(i);
    for first in (2..=digits(i)).rev() {
        let j = i + first;
        let sep = usize::from(matches!(at.get(j), Some(b' ' | b'-')));
        for skip in [sep, 0] {
            for second in (2..=digits(j + skip)).rev() {
                if boundary(j + skip + second) {
                    return Some(j + skip + second);
                }
            }
            if sep == 0 {
                break;
            }
        }
        if boundary(j) {
            return Some(j);
        }
    }
    None
}

fn one_time_code(c: &Candidate<'_>) -> Verdict {
    // The number-first branch holds its whole match; the code word's is read on.
    if c.value()
        .starts_with(|ch: char| ch.is_ascii_digit() || ch == 'G')
    {
        return judged(c);
    }
    after_code_word(c).map_or(Verdict::Reject, |c| judged(&c))
}

/// The verdict on a whole match, as the pattern held it before it stopped at the code word.
fn judged(c: &Candidate<'_>) -> Verdict {
    let v = c.value();
    let Some(first_digit) = v.find(|ch: char| ch.is_ascii_digit()) else {
        return Verdict::Reject;
    };
    if first_digit <= 2 {
        return number_first(c, first_digit);
    }
    // The code word may end a compound (`Bestätigungscode`): its letters before the match.
    let p = super::super::tail(c.preceding(), 40);
    let head_start = p
        .char_indices()
        .rev()
        .take_while(|&(_, ch)| ch.is_alphabetic())
        .last()
        .map_or(p.len(), |(i, _)| i);
    let head = p[head_start..].lower();
    let word_end = v.find(|ch: char| !ch.is_alphabetic()).unwrap_or(v.len());
    let word = &v[..word_end];
    let word_lower = word.lower();
    // At most three words between the code word and the number.
    if v[word_end..first_digit].split_whitespace().count() > 4 {
        return Verdict::Reject;
    }
    let number = &v[first_digit..];
    let count = number.bytes().filter(u8::is_ascii_digit).count();
    let after = &c.text[c.end..];
    // A decimal, a version or a range goes on after the number.
    let goes_on = after.starts_with(|ch: char| ch.is_alphanumeric())
        || (after.starts_with(['.', ',', '-', '/'])
            && after[1..].starts_with(|ch: char| ch.is_ascii_digit()));
    if !(4..=8).contains(&count) || goes_on {
        return Verdict::Reject;
    }
    let ok = if head.is_empty() {
        match word_lower.as_str() {
            "otp" | "passcode" => true,
            "tan" => word == "TAN",
            "code" | "codice" | "codigo" | "código" | "kod" => qualified(c),
            _ => false,
        }
    } else {
        // Only `code` closes a compound; `Unicode 15`, `Barcode 1234` name no secret.
        word_lower == "code" && (COMPOUNDS.iter().any(|p| head.ends_with(p)) || qualified(c))
    };
    if !ok {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: first_digit,
        end: v.len(),
        check: None,
    }
}

/// `482913 is your Instagram code`: the words between the verb and the code word say the
/// code is the reader's ([`POSSESSIVES`]) or what it is for ([`QUALIFIERS`]).
fn number_first(c: &Candidate<'_>, first_digit: usize) -> Verdict {
    let v = c.value();
    let end = first_digit
        + v[first_digit..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
    // Only a code word that ends a word: `is your code`, not `is your codec`.
    if c.text[c.end..].starts_with(|ch: char| ch.is_alphanumeric()) {
        return Verdict::Reject;
    }
    let words: Vec<String> = v[end..].split_whitespace().map(|w| w.lower()).collect();
    // The verb, at most three words, the code word.
    if words.len() > 5 {
        return Verdict::Reject;
    }
    let ok = words.iter().any(|w| POSSESSIVES.contains(&w.as_str()))
        || words
            .iter()
            .any(|w| QUALIFIERS.iter().any(|q| w.contains(q)))
        || words.last().is_some_and(|w| w == "otp" || w == "passcode");
    if !ok {
        return Verdict::Reject;
    }
    Verdict::Span {
        start: first_digit,
        end,
        check: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    /// The first branch of the pattern as it held the words and the number, before
    /// [`super::after_code_word`] read them.
    const HELD: &str = r"(?x)
        (?: (?i: code | codice | codigo | kod | otp | passcode ) | [Cc]ódigo | TAN )
        (?: [\ \t]+ (?: [A-Za-z'] | é | è | ó | ç | ã | ü | ł )+ )*
        [\ \t]* (?: [:=] [\ \t]* )?
        (?: G- )?
        [0-9]{2,4} (?: [\ \-]? [0-9]{2,4} )? \b";

    /// A small deterministic generator (xorshift) for the texts below.
    fn picker() -> impl FnMut(usize) -> usize {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    /// The reader judges every text as the held pattern and the validator did: on texts
    /// built by code from the pieces where a hand-written reader could go wrong (the code
    /// words that share a start, a word ending in `G` before `G-`, two-to-four digit groups
    /// and their separator, the word boundary after them, five words and more).
    #[test]
    fn the_reader_judges_as_the_held_pattern() {
        use regex_automata::{Anchored, Input};
        let held = crate::matcher::Matcher::new(&[HELD], Default::default()).unwrap();
        let heads = [
            "code", "CODE", "codice", "codigo", "Código", "kod", "otp", "passcode", "TAN",
        ];
        let pieces = [
            " ",
            "  ",
            "\t",
            "verification",
            "de",
            "vérif",
            "G",
            "abcG",
            "G-",
            ":",
            " : ",
            "=",
            "12",
            "1234",
            "123456",
            "12345678",
            "123",
            "-",
            " ",
            "5678",
            "9",
            ".",
            "_",
            "x",
            "é",
            "ł",
            "sms",
            "is",
            "l'",
            "código",
        ];
        let mut next = picker();
        let mut matched = 0;
        for _ in 0..60_000 {
            let mut text = String::from("Your ");
            let start = text.len();
            text.push_str(heads[next(heads.len())]);
            for _ in 0..next(12) {
                text.push_str(pieces[next(pieces.len())]);
            }
            let input = Input::new(&text).range(start..).anchored(Anchored::Yes);
            let old = held.search(&input).map_or(super::Verdict::Reject, |m| {
                matched += 1;
                super::judged(&super::Candidate {
                    text: &text,
                    start,
                    end: m.end(),
                })
            });
            let head = text[start..]
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(text.len() - start);
            let new = super::one_time_code(&super::Candidate {
                text: &text,
                start,
                end: start + head,
            });
            assert_eq!(old, new, "{text:?}");
        }
        // The texts reach the number often enough to test the reader's choices.
        assert!(matched > 5_000, "{matched}");
    }

    /// A text of code words and nothing else is read a few words at a time: the reader stops
    /// at a sixth word (an answer the held pattern's validator gave too).
    #[test]
    fn a_run_of_code_words_is_no_code() {
        let text = "code ".repeat(20_000) + "123456";
        assert!(found(&text).is_empty());
        assert!(found("verification code a b c d e 123456").is_empty());
        assert_eq!(found("verification code a b c d 123456"), ["123456"]);
        assert!(found("login code: a b c d 123456").is_empty());
        assert_eq!(found("login code a b c G-123456"), ["123456"]);
    }

    fn found(text: &str) -> Vec<String> {
        use std::sync::OnceLock;
        static E: OnceLock<Engine> = OnceLock::new();
        E.get_or_init(Engine::default_engine)
            .scan(text)
            .into_iter()
            .filter(|f| &*f.rule == "one-time-code")
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn codes_sent_to_open_an_account() {
        for (text, code) in [
            ("Your verification code is 482913", "482913"),
            ("your one-time passcode: 771 204", "771 204"),
            ("Ihr Bestätigungscode lautet 482913.", "482913"),
            ("Dein Sicherheitscode: 5521", "5521"),
            ("Votre code de vérification est 482913", "482913"),
            ("Tu código de verificación es: 482913", "482913"),
            ("Il tuo codice di verifica è 482913", "482913"),
            ("Uw verificatiecode is 482913", "482913"),
            ("Twój kod weryfikacyjny to 482913", "482913"),
            ("O seu código de segurança é 482913", "482913"),
            ("OTP: 48291377", "48291377"),
            ("bitte TAN 123456 eingeben", "123456"),
            ("G-482913 is your Google verification code.", "482913"),
            ("482913 is your Instagram code. Don't share it.", "482913"),
            ("73920 ist dein Code für die Anmeldung", "73920"),
            ("the login code 482-913 expires in 10 minutes", "482-913"),
        ] {
            assert_eq!(found(text), vec![code.to_string()], "{text}");
        }
    }

    #[test]
    fn codes_that_open_nothing() {
        for text in [
            "error code 1234 means the disk is full",
            "my zip code is 90210",
            "HTTP status code 404",
            "Unicode 15 added 4489 characters",
            "the area code 0212 covers Istanbul",
            "Barcode 40123455 on the box",
            "exit code 127",
            "verification code 1.2345",
            "tan 45 is 1",
            "security code is 12345678901",
            "country code 0049",
            "2024 is the year the code changed",
            "1234 is the area code",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
