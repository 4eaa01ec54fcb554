//! Names in named fields: `"first_name": "Jane"`, `last_name=Doe`, `Nachname: Dvořák`,
//! `surname: o'neill`. A field key that only ever holds part of a person's name makes its value
//! a name whatever the lists say and however it is written (one word, lower case): the runs
//! the person detector needs (capitalised, known words, two or more) are not there in JSON,
//! form posts or YAML. The generic `name` key is left to the person detector, because it also
//! names packages, files and products.

use super::tokenize::FieldMarks;
use super::{wordset, Entity, Hit};
use crate::lower::Lower;

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

/// Column headers that say the other cells of a table are about people: with one of them, a
/// plain `Name` column holds people's names (`| Name | Email |`), not files or packages.
const PERSONAL_COLUMNS: &[&str] = &[
    "email",
    "mail",
    "phone",
    "telephone",
    "tel",
    "mobile",
    "cell",
    "address",
    "city",
    "birthday",
    "dob",
    "dateofbirth",
    "ssn",
    "iban",
    "telefon",
    "adresse",
    "geburtsdatum",
    "téléphone",
    "telephone",
    "courriel",
    "teléfono",
    "telefono",
    "correo",
    "dirección",
    "indirizzo",
    "telefoon",
    "adres",
    "telefone",
    "endereço",
    "morada",
    "stadt",
    "ville",
    "ciudad",
    "città",
    "plaats",
    "miasto",
    "cidade",
];

/// Headers of a column of people's names in any table: the field keys, and `name` in a
/// table with a [`PERSONAL_COLUMNS`] column.
const NAME_COLUMNS: &[&str] = &[
    "name",
    "names",
    "nom",
    "nombre",
    "nome",
    "naam",
    "imięinazwisko",
];

/// Keys that name a person by the role they hold (`author`, `owner`, `ADMIN_NAME`,
/// `CONTACT_PERSON`), normalised like [`KEYS`]: their value is a person when it reads as a
/// person's name ([`super::holder`] decides, with the lists), where it is also a team, a
/// company or a project as often (`owner: Platform Team`).
const ROLES: &[&str] = &[
    "author",
    "authorname",
    "owner",
    "ownername",
    "maintainer",
    "reviewer",
    "assignee",
    "reporter",
    "approver",
    "requester",
    "customer",
    "client",
    "contactperson",
    "adminname",
    "managername",
    "organizer",
    "organiser",
    "supervisor",
    "employee",
    "applicant",
    "beneficiary",
    "emergencycontact",
    "nextofkin",
    "realname",
    "personname",
    "displayname",
];

/// A column's header or a field's key as the name readings see it (a table's `<th>`, an
/// `INSERT`'s column list, an XML element, a YAML or `.env` key): a name field's key, a plain
/// `name`, a role, a column of other personal data, or else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// One of [`KEYS`]: its cells are names.
    Name,
    /// One of [`NAME_COLUMNS`]: its cells are names beside a [`Column::Personal`] column.
    Generic,
    /// One of [`PERSONAL_COLUMNS`].
    Personal,
    /// One of [`ROLES`]: its values are people when they read as a person's name.
    Role,
    /// Anything else.
    Other,
}

impl Column {
    /// The column that the header `header` names.
    pub(crate) fn of(header: &str) -> Column {
        let key = Normalised::of(header);
        if key.is_in(KEYS) {
            Column::Name
        } else if key.is_in(NAME_COLUMNS) {
            Column::Generic
        } else if key.is_in(PERSONAL_COLUMNS) {
            Column::Personal
        } else if key.is_in(ROLES) {
            Column::Role
        } else {
            Column::Other
        }
    }
}

/// The cells of column `c` of a table whose columns are `all` hold people's names, as
/// [`table`] decides for a CSV header.
pub(crate) fn names_people(c: &Column, all: &[Column]) -> bool {
    *c == Column::Name || *c == Column::Generic && all.contains(&Column::Personal)
}

/// Appends a `Person` hit for every value of a name field in `text`: `key: value` pairs and
/// the name columns of tables (CSV, `;`-separated, Markdown; a tab reaches this pass folded to
/// a space, so tab-separated tables are not read).
/// The reference [`find_marked`] is tested against.
#[cfg(test)]
pub(crate) fn find(text: &str, out: &mut Vec<Hit>) {
    find_pairs(text, out);
    find_columns(text, false, out);
}

/// [`find`] from what the tokenizer gathered of `text` ([`FieldMarks`]) instead of scans of
/// its bytes: the same hits in the same order.
pub(crate) fn find_marked(text: &str, marks: &FieldMarks, out: &mut Vec<Hit>) {
    let mut seps = marks.seps.iter().map(|&m| m as usize);
    pairs(text, &mut |at| seps.find(|&m| m >= at), out);
    let mut lines = marks.lines.iter();
    columns(
        text,
        false,
        &mut |_start| {
            let &(end, [p, s, c]) = lines.next().expect("a line for each line start");
            (end as usize, [0, p, s, c])
        },
        out,
    );
}

/// The cells of `line` split at `sep` (a Markdown row's outer pipes dropped), as byte ranges
/// in the line, trimmed of spaces and one pair of double quotes.
fn cells(line: &str, sep: char) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (body, offset) = if sep == '|' {
        let t = line.trim_end();
        let lead = t.len() - t.trim_start().len();
        let inner = t.trim_start().strip_prefix('|').unwrap_or(t.trim_start());
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let skip = lead + usize::from(t.trim_start().starts_with('|'));
        (inner, skip)
    } else {
        (line, 0)
    };
    let mut at = 0;
    for piece in body.split(sep) {
        let (mut a, mut b) = (at, at + piece.len());
        while a < b && body.as_bytes()[a] == b' ' {
            a += 1;
        }
        while b > a && matches!(body.as_bytes()[b - 1], b' ' | b'\r') {
            b -= 1;
        }
        if b >= a + 2 && body.as_bytes()[a] == b'"' && body.as_bytes()[b - 1] == b'"' {
            a += 1;
            b -= 1;
        }
        out.push((offset + a, offset + b));
        at += piece.len() + sep.len_utf8();
    }
    out
}

const SEPARATORS: [char; 4] = ['\t', '|', ';', ','];

/// [`find_columns`] for tab-separated tables only, on the text as typed: the engine's folded
/// view turns tabs into spaces before the names pass, so a spreadsheet copy's columns are
/// read here instead.
pub(crate) fn tab_columns(text: &str, out: &mut Vec<Hit>) {
    find_columns(text, true, out);
    if !crate::FIRST_MODULE {
        copy_rows(text, out);
    }
}

/// The rows of PostgreSQL's `COPY t (a, b, c) FROM stdin;` (a `pg_dump`), one a line with
/// tab-separated cells up to `\.`: the cells under the columns its list names as people's
/// names, as under an `INSERT`'s column list. Reason `row` (the full module's reading).
fn copy_rows(text: &str, out: &mut Vec<Hit>) {
    for (at, _) in text
        .match_indices("COPY ")
        .chain(text.match_indices("copy "))
    {
        if at > 0 && text.as_bytes()[at - 1] != b'\n' {
            continue;
        }
        let line_end = text[at..].find('\n').map_or(text.len(), |k| at + k);
        let line = text[at..line_end].trim_end_matches(['\r', ' ']);
        let (Some(open), Some(close)) = (line.find('('), line.rfind(')')) else {
            continue;
        };
        if close < open || !line[close + 1..].trim().eq_ignore_ascii_case("from stdin;") {
            continue;
        }
        let cols: Vec<Column> = line[open + 1..close]
            .split(',')
            .map(|c| Column::of(c.trim().trim_matches(['"', '`'])))
            .collect();
        if !cols.iter().any(|c| names_people(c, &cols)) {
            continue;
        }
        let mut row = line_end + 1;
        while row < text.len() {
            let end = text[row..].find('\n').map_or(text.len(), |k| row + k);
            let body = text[row..end].trim_end_matches('\r');
            if body == "\\." {
                break;
            }
            let cells: Vec<&str> = body.split('\t').collect();
            if cells.len() == cols.len() {
                let mut a = row;
                for (cell, col) in cells.iter().zip(&cols) {
                    if names_people(col, &cols) && name_shaped(cell) {
                        out.push(Hit {
                            start: a,
                            end: a + cell.len(),
                            entity: Entity::Person,
                            score: 0.85,
                            reason: "row",
                        });
                    }
                    a += cell.len() + 1;
                }
            }
            row = end + 1;
        }
    }
}

/// Tables whose header names a column of people's names: each cell of that column below it
/// that reads as a name, until a line that is no row of the same table. Each line's separators
/// are counted; a line is read as a header only when the next line
/// holds as many of its separator (most lines of prose with commas stop there).
fn find_columns(text: &str, tabs: bool, out: &mut Vec<Hit>) {
    let mut line = |start| {
        // Tab-separated tables only when asked for (the original text), the others only
        // when not (the folded view, which has no tabs left).
        if tabs {
            let (end, [t, ..]) = line_counts(text.as_bytes(), start, [b'\t'; 3]);
            (end, [t, 0, 0, 0])
        } else {
            let (end, [p, s, c]) = line_counts(text.as_bytes(), start, [b'|', b';', b',']);
            (end, [0, p, s, c])
        }
    };
    columns(text, tabs, &mut line, out);
}

/// [`find_columns`] over the lines `line` gives: called with each line's start in turn
/// (the first at 0, each next one after the previous one's end), it returns the line's end
/// and how many tabs, `|`, `;` and `,` it holds.
fn columns(
    text: &str,
    tabs: bool,
    line: &mut impl FnMut(usize) -> (usize, [u16; 4]),
    out: &mut Vec<Hit>,
) {
    let mut prev: Option<(usize, usize, [u16; 4])> = None;
    let mut start = 0;
    let mut resume = 0;
    loop {
        let (end, counts) = line(start);
        if let Some((h_start, h_end, h_counts)) = prev.filter(|p| p.0 >= resume) {
            let sep = if tabs {
                (h_counts[0] > 0).then_some(0)
            } else {
                (1..4).find(|&c| h_counts[c] > 0)
            };
            if let Some(sep) = sep {
                if h_counts[sep] == counts[sep] && h_end - h_start <= 400 {
                    if let Some(end) = table(text, h_start, h_end, SEPARATORS[sep], out) {
                        resume = end;
                    }
                }
            }
        }
        prev = Some((start, end, counts));
        if end == text.len() {
            break;
        }
        start = end + 1;
    }
}

/// Eight bytes at a time for the byte scans of this pass, which run over all of the text.
mod swar {
    pub const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

    /// The eight bytes at `at`.
    #[inline]
    pub fn load(bytes: &[u8], at: usize) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    }

    /// 1 in each byte of `x` equal to `c`, 0 elsewhere (exact: no carries between bytes).
    #[inline]
    pub fn equal(x: u64, c: u8) -> u64 {
        let y = x ^ (u64::from(c) * ONES);
        (!(((y & LOW7) + LOW7) | y) >> 7) & ONES
    }

    /// The byte counters of `lanes` summed.
    #[inline]
    pub fn total(lanes: u64) -> usize {
        let pairs = (lanes & 0x00ff_00ff_00ff_00ff) + ((lanes >> 8) & 0x00ff_00ff_00ff_00ff);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    }
}

/// The end of the line that starts at `start` (its `\n`, or the end of `bytes`) and how many
/// times each of `seps` occurs in it (at most `u16::MAX`): one scan, eight bytes at a time.
fn line_counts(bytes: &[u8], start: usize, seps: [u8; 3]) -> (usize, [u16; 3]) {
    let mut n = [0usize; 3];
    let mut at = start;
    let mut lanes = [0u64; 3];
    let mut in_lanes = 0;
    while at + 8 <= bytes.len() {
        let x = swar::load(bytes, at);
        if swar::equal(x, b'\n') != 0 {
            break;
        }
        for k in 0..3 {
            lanes[k] += swar::equal(x, seps[k]);
        }
        at += 8;
        in_lanes += 1;
        // A byte counter holds up to 255.
        if in_lanes == 255 {
            for k in 0..3 {
                n[k] += swar::total(lanes[k]);
            }
            (lanes, in_lanes) = ([0; 3], 0);
        }
    }
    for k in 0..3 {
        n[k] += swar::total(lanes[k]);
    }
    // The rest of the line, byte by byte.
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |k| at + k);
    let mut tail = [0usize; 3];
    for &b in &bytes[at..end] {
        for k in 0..3 {
            tail[k] += usize::from(b == seps[k]);
        }
    }
    (
        end,
        [0, 1, 2].map(|k| u16::try_from(n[k] + tail[k]).unwrap_or(u16::MAX)),
    )
}

/// True when a header line or key may name a name column: every key and name-column header
/// holds `am`, `om`, `imi`, `isko` or `ellido`, in any case (checked before any cell is read
/// or key normalised; one pass without allocating, as it runs on many lines of code).
fn may_name(line: &str) -> bool {
    may_name_somewhere(line.as_bytes()) && may_name_exact(line)
}

/// A byte pair that [`may_name_exact`] needs for a hit is in `b` (`am`, `om`, `mi`, `ko`, `do`
/// in any case): most lines of code have none, and are read eight bytes at a time.
fn may_name_somewhere(b: &[u8]) -> bool {
    // ASCII letters in lower case; no other byte becomes one.
    let pair = |c: u64, p: u64| {
        let is = |x: u64, ch: u8| swar::equal(x, ch);
        (is(c, b'm') & (is(p, b'a') | is(p, b'o')))
            | (is(c, b'i') & is(p, b'm'))
            | (is(c, b'o') & (is(p, b'k') | is(p, b'd')))
    };
    const CASE: u64 = 0x2020_2020_2020_2020;
    let mut at = 0;
    let mut last = 0u64;
    while at + 8 <= b.len() {
        let c = swar::load(b, at) | CASE;
        // Each byte's predecessor: the byte before it in this chunk, or the last of the one
        // before.
        if pair(c, (c << 8) | (last >> 56)) != 0 {
            return true;
        }
        last = c;
        at += 8;
    }
    (at..b.len()).any(|i| {
        let c = u64::from(b[i] | 0x20);
        let p = if i == 0 {
            0
        } else {
            u64::from(b[i - 1] | 0x20)
        };
        pair(c, p) != 0
    })
}

/// [`may_name`] byte by byte.
fn may_name_exact(line: &str) -> bool {
    let b = line.as_bytes();
    let at = |i: usize, w: &[u8]| {
        i + 1 >= w.len()
            && b[i + 1 - w.len()..=i]
                .iter()
                .zip(w)
                .all(|(x, y)| x.to_ascii_lowercase() == *y)
    };
    let mut prev = 0u8;
    for (i, &c) in b.iter().enumerate() {
        let c = c.to_ascii_lowercase();
        let hit = match c {
            b'm' => prev == b'a' || prev == b'o',
            b'i' => prev == b'm' && at(i, b"imi"),
            b'o' => (prev == b'k' && at(i, b"isko")) || (prev == b'd' && at(i, b"ellido")),
            _ => false,
        };
        if hit {
            return true;
        }
        prev = c;
    }
    false
}

/// The table under the header `text[h_start..h_end]` split at `sep`: pushes its name cells
/// and returns where the table ends, or `None` when the header names no name column.
fn table(text: &str, h_start: usize, h_end: usize, sep: char, out: &mut Vec<Hit>) -> Option<usize> {
    let header = &text[h_start..h_end];
    if !may_name(header) {
        return None;
    }
    let head = cells(header, sep);
    if head.len() < 2 {
        return None;
    }
    let keys: Vec<Normalised> = head
        .iter()
        .map(|&(a, b)| Normalised::of(&header[a..b]))
        .collect();
    let personal = keys.iter().any(|k| k.is_in(PERSONAL_COLUMNS));
    let columns: Vec<usize> = (0..keys.len())
        .filter(|&c| keys[c].is_in(KEYS) || (personal && keys[c].is_in(NAME_COLUMNS)))
        .collect();
    if columns.is_empty() {
        return None;
    }
    let mut at = h_end + 1;
    while at <= text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[at..end];
        let row = cells(line, sep);
        // A Markdown rule (`|---|:--|`) belongs to the table.
        let rule = sep == '|'
            && !row.is_empty()
            && row
                .iter()
                .all(|&(a, b)| line[a..b].bytes().all(|c| matches!(c, b'-' | b':')));
        if !rule {
            if row.len() != head.len() {
                break;
            }
            for &c in &columns {
                let (a, b) = row[c];
                if name_shaped(&line[a..b]) {
                    out.push(Hit {
                        start: at + a,
                        end: at + b,
                        entity: Entity::Person,
                        score: 0.85,
                        reason: "column",
                    });
                }
            }
        }
        at = end + 1;
    }
    Some(at)
}

/// `key: value` and `key=value` pairs whose key holds a name.
#[cfg(test)]
fn find_pairs(text: &str, out: &mut Vec<Hit>) {
    pairs(text, &mut |at| colon_or_equals(text.as_bytes(), at), out);
}

/// [`find_pairs`] at the separators `next_sep` gives: the first `:` or `=` at or after the
/// offset it is called with.
fn pairs(text: &str, next_sep: &mut impl FnMut(usize) -> Option<usize>, out: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(sep) = next_sep(at) {
        at = sep + 1;
        // `==`, `:=`, `::` are code, not a field.
        if matches!(bytes.get(sep + 1), Some(b'=' | b':')) || sep > 0 && bytes[sep - 1] == b':' {
            continue;
        }
        if indexed_variable(&text[..sep]) {
            continue;
        }
        // `first_name=Jane last_name=Doe`: after a bare value, the key is the last word.
        let spaced = || {
            let before = &text[..sep];
            before
                .rfind(' ')
                .is_some_and(|k| k + 1 < before.len() && name_key_before(&before[k + 1..]))
        };
        if !name_key_before(&text[..sep]) {
            if !crate::FIRST_MODULE && bytes.get(sep) == Some(&b'=') && spaced() {
                if let Some((start, end, _)) = value_after(text, sep + 1) {
                    out.push(Hit {
                        start,
                        end,
                        entity: Entity::Person,
                        score: 0.85,
                        reason: "record",
                    });
                    at = end;
                }
                continue;
            }
            if !crate::FIRST_MODULE {
                if let Some(end) = super::record::read(text, sep, out) {
                    at = end;
                }
            }
            continue;
        }
        if let Some((start, end, cut)) = value_after(text, sep + 1) {
            out.push(Hit {
                start,
                end,
                entity: Entity::Person,
                score: 0.85,
                // A value cut before the next pair is the full module's reading.
                reason: if cut { "record" } else { "field" },
            });
            at = end;
        }
    }
}

/// `modules[fullname] = value`, `m[prefix + fullname] = value`: code that indexes with a
/// variable or an expression (no quote before the closing bracket, `=` spaced as code spaces
/// it) assigns to an entry, unlike a form field
/// (`person[last_name]=Anna`) or a quoted key (`row["last_name"] = …`).
fn indexed_variable(before: &str) -> bool {
    before
        .strip_suffix("] ")
        .is_some_and(|b| !b.ends_with(['"', '\'']))
}

/// The first `:` or `=` in `bytes` from `at`: eight bytes at a time, since code holds long
/// stretches without either.
#[cfg(test)]
fn colon_or_equals(bytes: &[u8], mut at: usize) -> Option<usize> {
    while at + 8 <= bytes.len() {
        let x = swar::load(bytes, at);
        if swar::equal(x, b':') | swar::equal(x, b'=') != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b == b':' || b == b'=')
        .map(|k| at + k)
}

/// True when the text before a separator ends with a name-field key (quoted, or in brackets:
/// `person[last_name]=`).
fn name_key_before(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\t']);
    let t = t.strip_suffix(['"', '\'', ']']).unwrap_or(t);
    // Every key ends in `e`, `s`, `m`, `o` or `ę` (UTF-8 ends 0x99): most of code's keys stop
    // at this one byte.
    if !t
        .as_bytes()
        .last()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'e' | b's' | b'm' | b'o' | 0x99))
    {
        return false;
    }
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
    // Every key holds `am`, `om`, `ellido`, `isko` or `imi` (`first_name`, `prenom`,
    // `apellido`, `nazwisko`, `imię`): code's other keys stop here, before normalising.
    may_name(key) && normalised_in(key, KEYS)
}

/// True when `key` in lower case without `_`, `-`, spaces and dots is in `list`; without
/// allocating (it runs at every `:` and `=` of code).
fn normalised_in(key: &str, list: &'static [&'static str]) -> bool {
    Normalised::of(key).is_in(list)
}

/// A key in lower case without `_`, `-`, spaces and dots ([`normalised_in`]), made once for
/// comparisons with several lists; `None` when it is longer than any listed key.
struct Normalised(Option<([u8; MAX_KEY + 8], usize)>);

impl Normalised {
    fn of(key: &str) -> Normalised {
        let mut buf = [0u8; MAX_KEY + 8];
        let mut n = 0;
        if key.is_ascii() {
            // The same letters and digits in the same lower case, byte by byte.
            for b in key.bytes().filter(u8::is_ascii_alphanumeric) {
                if n == buf.len() {
                    return Normalised(None);
                }
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
            return Normalised(Some((buf, n)));
        }
        for ch in key.chars().filter(|c| c.is_alphanumeric()) {
            for lower in ch.lower() {
                if n + lower.len_utf8() > buf.len() {
                    return Normalised(None);
                }
                n += lower.encode_utf8(&mut buf[n..]).len();
            }
        }
        Normalised(Some((buf, n)))
    }

    fn is_in(&self, list: &'static [&'static str]) -> bool {
        self.0
            .as_ref()
            .is_some_and(|(buf, n)| wordset::contains(list, &buf[..*n]))
    }
}

/// The value after a separator at `from`: a quoted string, or a bare value that ends at a
/// field delimiter. Returns its byte range when it reads as a name, and whether it was cut
/// before the next `key=value` pair.
fn value_after(text: &str, from: usize) -> Option<(usize, usize, bool)> {
    let (start, end, cut) = value_span(text, from)?;
    name_shaped(&text[start..end]).then_some((start, end, cut))
}

/// [`value_after`]'s byte range, whatever it holds.
pub(crate) fn bare_or_quoted(text: &str, from: usize) -> Option<(usize, usize)> {
    value_span(text, from).map(|(a, b, _)| (a, b))
}

fn value_span(text: &str, from: usize) -> Option<(usize, usize, bool)> {
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
            let value = rest[..end].trim_end_matches(' ');
            // `first_name=Jane last_name=Doe city=Lyon` (a log line): the next pair's key
            // ends the value.
            if let Some(k) = (!crate::FIRST_MODULE).then(|| next_pair(value)).flatten() {
                return Some((start, start + k, true));
            }
            (start, value)
        }
    };
    Some((start, start + value.len(), false))
}

/// Where ` key=` starts in a bare value (the space before it), if it holds one.
fn next_pair(value: &str) -> Option<usize> {
    let eq = value.find('=')?;
    let space = value[..eq].rfind(' ')?;
    let key = &value[space + 1..eq];
    (!key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
    .then(|| value[..space].trim_end_matches(' ').len())
}

/// A name as typed into a field: 1 to 5 words of letters (any script) with `-`, `'`, `’` and a
/// dot only after an initial or a title (`J.`, `Jr.`), starting with a letter; not a type name,
/// placeholder or template.
pub(crate) fn name_shaped(value: &str) -> bool {
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
    let lower = value.lower();
    !NOT_NAMES.contains(&lower.as_str()) && !normalised_in(value, KEYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_may_name_test_lets_every_hit_through() {
        let mut line = String::new();
        for (k, ch) in "amOMimIskOelLIdoXm iK"
            .chars()
            .cycle()
            .take(300)
            .enumerate()
        {
            line.push(ch);
            // Every cut of the line, so each hit falls at each offset of a chunk.
            let l = &line[k.saturating_sub(20)..];
            assert!(
                !may_name_exact(l) || may_name_somewhere(l.as_bytes()),
                "{l}"
            );
        }
        for l in [
            "nazwisko",
            "Apellido",
            "IMIĘ",
            "xxxxxxxxxxxxxxname",
            "xxxxxxxnAme",
        ] {
            assert!(may_name(l), "{l}");
        }
        for l in [
            "",
            "m",
            "a m",
            "let x = y;",
            "ok done",
            "xxxxxxxxxxxxxxxxxxxxxx",
        ] {
            assert!(!may_name(l), "{l}");
        }
    }

    #[test]
    fn line_counts_agree_with_a_byte_loop() {
        let mut text = Vec::new();
        for k in 0..3000usize {
            let b = [b'|', b';', b',', b'a', 0x80, 0xff, b'\t', b' '][(k * 7 + k / 5) % 8];
            text.push(if k % 997 == 996 { b'\n' } else { b });
        }
        for len in [0, 1, 7, 8, 9, 63, 64, 996, 997, 998, 2039, 2040, 2041, 3000] {
            let t = &text[..len];
            let mut start = 0;
            loop {
                let end = t[start..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(len, |k| start + k);
                let line = &t[start..end];
                let by_loop = |c: u8| line.iter().filter(|&&b| b == c).count() as u16;
                let want = [by_loop(b'|'), by_loop(b';'), by_loop(b',')];
                assert_eq!(
                    line_counts(t, start, [b'|', b';', b',']),
                    (end, want),
                    "{len}"
                );
                if end == len {
                    break;
                }
                start = end + 1;
            }
        }
        let long = vec![b','; 70_000];
        assert_eq!(line_counts(&long, 0, [b','; 3]), (70_000, [u16::MAX; 3]));
        let mut lines = vec![b';'; 5000];
        lines[4000] = b'\n';
        assert_eq!(
            line_counts(&lines, 0, [b';', b'|', b'\n']),
            (4000, [4000, 0, 0])
        );
    }

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        let mut toks = Vec::new();
        let mut marks = FieldMarks::default();
        super::super::tokenize::tokenize_marked(text, &mut toks, &mut marks);
        let mut marked = Vec::new();
        find_marked(text, &marks, &mut marked);
        let spans = |hits: &[Hit]| -> Vec<(usize, usize, &str)> {
            hits.iter().map(|h| (h.start, h.end, h.reason)).collect()
        };
        assert_eq!(spans(&marked), spans(&out), "{text}");
        out.iter().map(|h| &text[h.start..h.end]).collect()
    }

    /// The pass from the tokenizer's marks finds what the scans of the bytes find, over
    /// tables and pairs cut at every line and mixed with words, marks and non-ASCII text.
    #[test]
    fn marks_give_the_hits_of_the_byte_scans() {
        let pieces = [
            "first_name,last_name,email\n",
            "Jane,Doe,jane@x.io\n",
            "| Name | Email |\n|---|:--|\n| Kwabena Owusu | k@x.io |\n",
            "nom;courriel\n\"Marie Dubois\";m@x.fr\n",
            "Nachname: Dvořák\nVorname: Jiří\n",
            "firstName=jane&lastName=o'neill&x=1\n",
            "if a == b { c := d::e; }\n",
            "Łódź — «x»; y, z|w\n",
            "\n",
            "surname = 'Smith' , 3; ;\n",
        ];
        let mut x = 7u64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..12 {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let p = pieces[(x >> 33) as usize % pieces.len()];
                // Sometimes without its line break, so rows and pairs run into each other.
                let cut = if (x >> 20) % 3 == 0 {
                    p.trim_end_matches('\n')
                } else {
                    p
                };
                text.push_str(cut);
            }
            names(&text);
        }
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
    fn name_columns_of_tables_are_names() {
        assert_eq!(
            names("first_name,last_name,email\nJane,Doe,jane@x.io\nngozi,okafor,n@x.io\n\nJoe,Bloggs,x"),
            ["Jane", "Doe", "ngozi", "okafor"]
        );
        // Tab-separated: read on the original text only (the folded view has no tabs).
        let tsv = "Name\tPhone\tCity\nKwame Mensah\t020 7946 0000\tYork\n";
        assert!(names(tsv).is_empty());
        let mut hits = Vec::new();
        tab_columns(tsv, &mut hits);
        let got: Vec<&str> = hits.iter().map(|h| &tsv[h.start..h.end]).collect();
        assert_eq!(got, ["Kwame Mensah"]);
        assert_eq!(
            names("| Name | Email |\n|---|:--|\n| Kwabena Owusu | k@x.io |\n"),
            ["Kwabena Owusu"]
        );
        assert_eq!(
            names("nom;courriel\n\"Marie Dubois\";m@x.fr"),
            ["Marie Dubois"]
        );
        // `Name` alone is files, packages, settings.
        assert!(names("| Name | Version |\n|---|---|\n| serde | 1.0 |").is_empty());
        assert!(names("name,size\nreport,12").is_empty());
    }

    #[test]
    fn name_parts_are_seen_in_any_case() {
        for w in [
            "Name",
            "NOM",
            "apELLIDO",
            "Nazwisko",
            "imię",
            "imie",
            "First_Name",
        ] {
            assert!(may_name(w), "{w}");
        }
        for w in ["size", "email", "city", "id", "i", "ISK", "ellid"] {
            assert!(!may_name(w), "{w}");
        }
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
