//! Names in named fields: `"first_name": "Jane"`, `last_name=Doe`, `Nachname: Dvořák`,
//! `surname: o'neill`. A field key that only ever holds part of a person's name makes its value
//! a name whatever the lists say and however it is written (one word, lower case): the runs
//! the person detector needs (capitalised, known words, two or more) are not there in JSON,
//! form posts or YAML. The generic `name` key is left to the person detector, because it also
//! names packages, files and products.

use super::{Entity, Hit};

/// Field keys that hold a person's name or part of it, normalised: lower case, without `_`,
/// `-`, spaces and dots (`first_name`, `firstName`, `First name`, `given-name` →
/// `firstname`, `givenname`).
const KEYS: &[&str] = &[
    "firstname",
    "lastname",
    "middlename",
    "surname",
    "givenname",
    "givennames",
    "familyname",
    "fullname",
    "forename",
    "maidenname",
    "customername",
    "contactname",
    "patientname",
    "cardholdername",
    "accountholder",
    "accountholdername",
    "recipientname",
    "sendername",
    "vorname",
    "nachname",
    "familienname",
    "geburtsname",
    "prenom",
    "prénom",
    "nomdefamille",
    "apellido",
    "apellidos",
    "primerapellido",
    "segundoapellido",
    "nombrecompleto",
    "cognome",
    "nomecompleto",
    "voornaam",
    "achternaam",
    "imie",
    "imię",
    "nazwisko",
    "sobrenome",
];

/// Values that name a type or stand in for a name in schemas and templates.
const NOT_NAMES: &[&str] = &[
    "string",
    "str",
    "text",
    "null",
    "none",
    "nil",
    "undefined",
    "true",
    "false",
    "required",
    "optional",
    "varchar",
    "char",
    "name",
    "value",
    "example",
    "sample",
    "unknown",
    "n/a",
    "na",
    "test",
    "placeholder",
    "todo",
    "tbd",
    "empty",
    "blank",
    "any",
    "object",
];

/// Longest key read before a separator, in bytes.
const MAX_KEY: usize = 40;
/// Longest value, in bytes.
const MAX_VALUE: usize = 80;

/// Appends a `Person` hit for every value of a name field in `text`.
pub(crate) fn find(text: &str, out: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(|&b| b == b':' || b == b'=') {
        let sep = at + k;
        at = sep + 1;
        // `==`, `:=`, `::` are code, not a field.
        if matches!(bytes.get(sep + 1), Some(b'=' | b':')) || sep > 0 && bytes[sep - 1] == b':' {
            continue;
        }
        if !name_key_before(&text[..sep]) {
            continue;
        }
        if let Some((start, end)) = value_after(text, sep + 1) {
            out.push(Hit {
                start,
                end,
                entity: Entity::Person,
                score: 0.85,
                reason: "field",
            });
            at = end;
        }
    }
}

/// True when the text before a separator ends with a name-field key (quoted, or in brackets:
/// `person[last_name]=`).
fn name_key_before(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\t']);
    let t = t.strip_suffix(['"', '\'', ']']).unwrap_or(t);
    let mut len = 0;
    for ch in t.chars().rev() {
        if !(ch.is_alphanumeric() || matches!(ch, '_' | '-' | ' ' | '.')) {
            break;
        }
        len += ch.len_utf8();
        if len > MAX_KEY {
            return false;
        }
    }
    // `user.first_name`: the last segment of a dotted path is the key.
    let key = t[t.len() - len..].rsplit('.').next().unwrap_or("");
    KEYS.contains(&normalised(key).as_str())
}

/// Lower case without `_`, `-`, spaces and dots.
fn normalised(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value after a separator at `from`: a quoted string, or a bare value that ends at a
/// field delimiter. Returns its byte range when it reads as a name.
fn value_after(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let start = from + lead;
    let rest = &text[start..];
    let (start, value) = match rest.as_bytes().first()? {
        q @ (b'"' | b'\'') => {
            let body = &rest[1..];
            let close = body.find(*q as char)?;
            (start + 1, &body[..close])
        }
        _ => {
            let end = rest
                .find(['\n', '\r', ',', ';', '&', '}', ']', '|', '\t', '<'])
                .unwrap_or(rest.len());
            (start, rest[..end].trim_end_matches(' '))
        }
    };
    name_shaped(value).then_some((start, start + value.len()))
}

/// A name as typed into a field: 1 to 5 words of letters (any script) with `-`, `'`, `’` and a
/// dot only after an initial or a title (`J.`, `Jr.`), starting with a letter; not a type name,
/// placeholder or template.
fn name_shaped(value: &str) -> bool {
    if value.is_empty() || value.len() > MAX_VALUE {
        return false;
    }
    if !value.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let words: Vec<&str> = value.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() > 5 {
        return false;
    }
    let word_ok = |w: &&str| {
        let mut chars = w.chars().peekable();
        while let Some(ch) = chars.next() {
            let ok = ch.is_alphabetic()
                || matches!(ch, '-' | '\'' | '’')
                // A dot ends the word (`J.`, `Jr.`): `user.name` is a path.
                || (ch == '.' && chars.peek().is_none());
            if !ok {
                return false;
            }
        }
        true
    };
    if !words.iter().all(word_ok) {
        return false;
    }
    // `firstName: firstName`: the key again is no value.
    let lower = value.to_lowercase();
    !NOT_NAMES.contains(&lower.as_str()) && !KEYS.contains(&normalised(value).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn values_of_name_fields_are_names() {
        assert_eq!(
            names(r#"{"first_name": "Jane", "last_name": "Doe"}"#),
            ["Jane", "Doe"]
        );
        assert_eq!(
            names("firstName=jane&lastName=o'neill&x=1"),
            ["jane", "o'neill"]
        );
        assert_eq!(names("Nachname: Dvořák\nVorname: Jiří"), ["Dvořák", "Jiří"]);
        assert_eq!(names("user.last_name = 'Van der Berg';"), ["Van der Berg"]);
        assert_eq!(names("surname: Smith Jr."), ["Smith Jr."]);
    }

    #[test]
    fn code_and_schemas_are_not_names() {
        for text in [
            "lastName: string;",
            "first_name: Optional[str] = None",
            "firstName = firstName.trim()",
            "last_name = models.CharField(max_length=50)",
            "$firstName = $_POST['first_name'];",
            "first_name: {{ user.first_name }}",
            r#""first_name": null"#,
            "if first_name == other:",
            "name: build-tools",
            "lastname := compute()",
            "firstName: firstName,",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
