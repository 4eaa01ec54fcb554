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
    (?: (?i: code | codice | codigo | kod | otp | passcode ) | [Cc]ódigo | TAN )
      # Words between the code word and the digits (a qualifier, a verb, an article; the
      # validator takes three at most). A star, not `{0,3}`: every copy of the word's states
      # is carried by both modules' automaton.
      (?: [\ \t]+ (?: [A-Za-z'] | é | è | ó | ç | ã | ü | ł )+ )*
      [\ \t]* (?: [:=] [\ \t]* )?
      (?: G- )?
      [0-9]{2,4} (?: [\ \-]? [0-9]{2,4} )? \b
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

fn one_time_code(c: &Candidate<'_>) -> Verdict {
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
