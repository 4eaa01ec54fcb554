//! People named by the key that holds them or the address after them, in structured text:
//! `author: Jane Doe`, `"customer": "Jane Doe"`, `ADMIN_NAME=Jane Doe`, `<owner>Jane
//! Doe</owner>`, `<firstName>Jane</firstName>`, and the display name before an address in a
//! mail header, a git trailer or a package manifest (`From: "Jane Doe" <jane@example.com>`,
//! `Co-authored-by: Jane Doe <jane@…>`, `"author": "Jane Doe <jane@…>"`). The person detector
//! needs the lists to know such a name; here the key or the address says a person is meant,
//! and the lists only say what the words are not (an ordinary word, a place), with
//! [`COLLECTIVES`] for the words of teams and services they do not hold. A display name of
//! words no list knows is a person's only when its address is spelt from it (`Jane Doe
//! <jdoe@…>`, not `Acme Billing <news@…>`). Found with the reason `record` (the full module's
//! reading: the first module leaves it out).
//!
//! The key is read one way for every format ([`fields::Column::of`]): a role (`author`,
//! `owner`, `CONTACT_PERSON`) asks for a value shaped like a person's name; in an XML element
//! a name field's key (`<lastName>`) takes any name-shaped value and a key that names a part
//! only beside its sibling (`<given>` with `<family>`) is read as [`super::record`] reads it
//! after `:` or `=`; a role heading a column of a Markdown table (`| Task | Owner |`) names
//! the cells under it. (After `:` and `=` the name fields' keys are read by
//! [`super::fields`].)

use super::fields::{self, Column};
use super::gazetteer::{FIRST, LAST};
use super::run;
use super::tokenize::Kind;
use super::{Ctx, Entity, Hit};
use crate::lower::Lower;

/// Words that make a value of capitalised words a team, a service, a company or a project
/// (`Platform Team`, `Customer Support`, `Jira Software`, `Code Owners`): the lists flag no
/// such word, as they flag only the words that are also names.
pub(super) const COLLECTIVES: &[&str] = &[
    "admin",
    "administrator",
    "administrators",
    "alerts",
    "alliance",
    "app",
    "apps",
    "association",
    "authors",
    "billing",
    "board",
    "bot",
    "calendar",
    "center",
    "centre",
    "cloud",
    "code",
    "committee",
    "community",
    "company",
    "contributors",
    "council",
    "crew",
    "customer",
    "customers",
    "daemon",
    "data",
    "department",
    "desk",
    "developer",
    "developers",
    "docs",
    "editors",
    "engineering",
    "group",
    "helpdesk",
    "infrastructure",
    "list",
    "lists",
    "mail",
    "mailer",
    "mailing",
    "maintainers",
    "marketing",
    "members",
    "network",
    "news",
    "newsletter",
    "notification",
    "notifications",
    "office",
    "operations",
    "owners",
    "partners",
    "people",
    "platform",
    "project",
    "projects",
    "release",
    "releases",
    "report",
    "reports",
    "robot",
    "sales",
    "security",
    "server",
    "service",
    "services",
    "shop",
    "software",
    "staff",
    "store",
    "support",
    "system",
    "systems",
    "team",
    "teams",
    "users",
];

/// Most words of a person's name as a key or a header gives it.
const MAX_WORDS: usize = run::VALUE.max;
/// Longest key read, in tokens (`CONTACT_PERSON` is three).
const KEY_TOKENS: usize = 7;
/// Longest address read between `<` and `>`, in tokens.
const ADDRESS_TOKENS: usize = 24;

/// Appends a `Person` hit for every value of a role key, name key of an XML element and
/// display name before an address in `ctx`.
pub(crate) fn find(ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let mut table: Option<(usize, Vec<usize>)> = None;
    for (i, t) in ctx.toks.iter().enumerate() {
        if t.newline_before {
            // A table's rows follow each other: a line of anything else ends it.
            table = if t.is('|') {
                table_row(ctx, i, table.take(), out)
            } else {
                None
            };
        }
        if t.kind != Kind::Punct {
            continue;
        }
        match t.punct {
            ':' | '=' => keyed(ctx, i, out),
            '>' => element(ctx, i, out),
            '<' => addressed(ctx, i, out),
            _ => {}
        }
        if matches!(t.punct, '(' | ',' | '-' | '–' | ':') {
            spelt_before(ctx, i, out);
        }
    }
}

fn push(ctx: &Ctx<'_>, a: usize, b: usize, out: &mut Vec<Hit>) {
    out.push(Hit {
        start: ctx.toks[a].start as usize,
        end: ctx.toks[b - 1].end as usize,
        entity: Entity::Person,
        score: 0.8,
        reason: "record",
    });
}

/// The key that ends right before token `end` (exclusive), glued together from words,
/// numbers, `_`, `-` and `.`: its first token, and the column its last dotted segment names.
fn key_before(ctx: &Ctx<'_>, end: usize) -> Option<(usize, Column)> {
    let t = &ctx.toks;
    let part = |k: usize| {
        matches!(t[k].kind, Kind::Word | Kind::Alnum | Kind::Num)
            || t[k].is('_')
            || t[k].is('-')
            || t[k].is('.')
    };
    let last = end.checked_sub(1)?;
    if !matches!(t[last].kind, Kind::Word | Kind::Alnum) {
        return None;
    }
    let mut a = last;
    while a > 0 && t[a].glued && !t[a].newline_before && part(a - 1) && last - a < KEY_TOKENS {
        a -= 1;
    }
    if t[a].glued && a > 0 && part(a - 1) {
        return None;
    }
    let key = &ctx.text[t[a].start as usize..t[last].end as usize];
    let key = key.rsplit('.').next().unwrap_or(key);
    Some((a, Column::of(key)))
}

/// The cells of the Markdown row that opens at token `open`: each one's tokens `a..b`.
fn cells(ctx: &Ctx<'_>, open: usize) -> Vec<(usize, usize)> {
    let t = &ctx.toks;
    let mut cells = Vec::new();
    let mut a = open + 1;
    let mut k = a;
    while k < t.len() && !t[k].newline_before {
        if t[k].is('|') {
            cells.push((a, k));
            a = k + 1;
        }
        k += 1;
    }
    cells
}

/// A Markdown table whose header names a role column (`| Task | Owner | Due |`): the row at
/// `open` is its header (when a role names a column), its rule, or one of its rows, whose
/// cells under a role are people when they read as a person's name. `table` is the table
/// read so far (its width and role columns); returns it for the next row.
fn table_row(
    ctx: &Ctx<'_>,
    open: usize,
    table: Option<(usize, Vec<usize>)>,
    out: &mut Vec<Hit>,
) -> Option<(usize, Vec<usize>)> {
    let t = &ctx.toks;
    let cells = cells(ctx, open);
    let text = |(a, b): (usize, usize)| {
        if b > a {
            &ctx.text[t[a].start as usize..t[b - 1].end as usize]
        } else {
            ""
        }
    };
    if let Some((width, roles)) = table.filter(|(w, _)| *w == cells.len()) {
        let rule = cells
            .iter()
            .all(|&c| text(c).bytes().all(|b| matches!(b, b'-' | b':' | b' ')));
        if !rule {
            for &c in &roles {
                let (a, b) = cells[c];
                if run::is_run(ctx, a, b, &run::VALUE) {
                    push(ctx, a, b, out);
                }
            }
        }
        return Some((width, roles));
    }
    let roles: Vec<usize> = (0..cells.len())
        .filter(|&c| Column::of(text(cells[c]).trim()) == Column::Role)
        .collect();
    (!roles.is_empty()).then_some((cells.len(), roles))
}

/// `key: value`, `key = value`, `"key": "value"` with a role key.
fn keyed(ctx: &Ctx<'_>, sep: usize, out: &mut Vec<Hit>) {
    let t = &ctx.toks;
    // `"author": …`: the key's closing quote is glued to the separator.
    let mut end = sep;
    if sep > 0 && (t[sep - 1].is('"') || t[sep - 1].is('\'')) && t[sep].glued {
        end -= 1;
    }
    // `==`, `:=`, `::` are code.
    if (ctx.punct(sep + 1, '=') || ctx.punct(sep + 1, ':')) && t[sep + 1].glued {
        return;
    }
    let column = match key_before(ctx, end) {
        Some((k, Column::Other)) if ctx.word_in(k, &["value"]) && k + 1 == end => {
            form_value(ctx, k, sep, out);
            return;
        }
        Some((_, column)) => column,
        None => return,
    };
    if column != Column::Role {
        return;
    }
    let mut a = sep + 1;
    let quote = t
        .get(a)
        .filter(|q| (q.is('"') || q.is('\'')) && !q.newline_before)
        .map(|q| q.punct);
    a += usize::from(quote.is_some());
    let Some(b) = run::run_from(ctx, a, &run::VALUE) else {
        return;
    };
    // The value ends there: at its quote, its line's end, a list's comma, or an address
    // (read by [`addressed`]).
    let ends = match t.get(b) {
        None => true,
        Some(n) if n.newline_before => quote.is_none(),
        Some(n) => match quote {
            Some(q) => n.is(q),
            None => n.is(',') || n.is(';') || n.is('#'),
        },
    };
    if ends {
        push(ctx, a, b, out);
    }
}

/// Longest HTML tag read for a form field's attributes, in tokens.
const TAG_TOKENS: usize = 48;

/// `<input name="first_name" value="Jane">`: the `value` (its key at `key`, its `=` at
/// `sep`) of a form's field whose `name` or `id` is a name field's key (`first_name`,
/// `user[lastName]`), as [`fields`] reads `first_name: Jane`. A `placeholder` shows an
/// example, not what was typed, and is not read.
fn form_value(ctx: &Ctx<'_>, key: usize, sep: usize, out: &mut Vec<Hit>) {
    let t = &ctx.toks;
    let Some(open) = (key.saturating_sub(TAG_TOKENS)..key)
        .rev()
        .take_while(|&k| !t[k + 1].newline_before && !t[k].is('>'))
        .find(|&k| t[k].is('<'))
    else {
        return;
    };
    let close = (sep..t.len().min(sep + TAG_TOKENS))
        .take_while(|&k| k == sep || !t[k].newline_before && !t[k].is('<'))
        .find(|&k| t[k].is('>'));
    let (Some(close), Some(tag)) = (close, t.get(open + 1)) else {
        return;
    };
    if !tag.glued || !ctx.word_in(open + 1, &["input", "textarea", "option"]) {
        return;
    }
    // The attribute `name="…"` or `id="…"`: its quoted text.
    let quoted = |q: usize| -> Option<(usize, usize)> {
        let quote = t.get(q).filter(|x| x.is('"') || x.is('\''))?;
        let end = (q + 1..close).find(|&k| t[k].is(quote.punct))?;
        (end > q + 1).then_some((q + 1, end))
    };
    let names_name = (open + 2..close).any(|k| {
        ctx.word_in(k, &["name", "id"])
            && !t[k].glued
            && ctx.punct(k + 1, '=')
            && quoted(k + 2).is_some_and(|(a, b)| {
                let field = &ctx.text[t[a].start as usize..t[b - 1].end as usize];
                // `user[first_name]`, `contact.lastName`: the last part names the field.
                let last = field.trim_end_matches(']');
                let from = crate::rules::after_last(last, |c| matches!(c, '[' | '.'));
                Column::of(&last[from..]) == Column::Name
            })
    });
    let Some((a, b)) = quoted(sep + 1) else {
        return;
    };
    let value = &ctx.text[t[a].start as usize..t[b - 1].end as usize];
    if names_name && fields::name_shaped(value) {
        push(ctx, a, b, out);
    }
}

/// `<key>value</key>` on one line, the `>` of the opening tag at `gt`.
fn element(ctx: &Ctx<'_>, gt: usize, out: &mut Vec<Hit>) {
    let t = &ctx.toks;
    let a = gt + 1;
    if !t.get(a).is_some_and(|v| v.glued && !v.newline_before) || !t[gt].glued {
        return;
    }
    let Some((k, column)) = key_before(ctx, gt) else {
        return;
    };
    if k == 0 || !t[k].glued || !t[k - 1].is('<') {
        return;
    }
    // The text up to the closing tag of the same name.
    let mut b = a;
    while b < t.len() && b < a + 4 * MAX_WORDS && !t[b].newline_before && !t[b].is('<') {
        b += 1;
    }
    let key = &ctx.text[t[k].start as usize..t[gt - 1].end as usize];
    let closes = b > a
        && t.get(b).is_some_and(|n| n.glued)
        && ctx.punct(b + 1, '/')
        && closing_name(ctx, b + 2).is_some_and(|name| name.eq_ignore_ascii_case(key));
    if !closes {
        return;
    }
    let value = &ctx.text[t[a].start as usize..t[b - 1].end as usize];
    match column {
        Column::Name if fields::name_shaped(value) => push(ctx, a, b, out),
        Column::Role if run::is_run(ctx, a, b, &run::VALUE) => push(ctx, a, b, out),
        Column::Name | Column::Role => {}
        // `<given>Jane</given>` beside `<family>`: as after `:` or `=`.
        _ => {
            super::record::read(ctx.text, t[gt].start as usize, out);
        }
    }
}

/// The name of a closing tag from token `k` to its `>` (`first_name>`), glued together.
fn closing_name<'t>(ctx: &Ctx<'t>, k: usize) -> Option<&'t str> {
    let t = &ctx.toks;
    let mut e = k;
    while e < t.len() && e < k + KEY_TOKENS && t[e].glued && !t[e].is('>') {
        e += 1;
    }
    (e > k && ctx.punct(e, '>')).then(|| &ctx.text[t[k].start as usize..t[e - 1].end as usize])
}

/// `Jane Doe <jane@example.com>`, `"Doe, Jane" <…>`: the display name before an address in
/// angle brackets, the `<` at `lt`.
fn addressed(ctx: &Ctx<'_>, lt: usize, out: &mut Vec<Hit>) {
    let t = &ctx.toks;
    if lt == 0 || t[lt].newline_before || !is_address(ctx, lt) {
        return;
    }
    let before = lt - 1;
    if t[before].is('"') || t[before].is('\'') {
        // Quoted: the words between the quotes. (`"Doe, Jane"` is the person detector's.)
        let q = t[before].punct;
        let mut a = before;
        while a > 0 && before - a <= 2 * MAX_WORDS && !t[a].newline_before {
            a -= 1;
            if t[a].is(q) {
                break;
            }
        }
        if !t[a].is(q) || a + 1 >= before {
            return;
        }
        let (a, b) = (a + 1, before);
        // The quotes say where the name ends, and a header line whom it names: so a name
        // the lists do not know, before an address not spelt from it, is one after them.
        let ok = run::is_run(ctx, a, b, &run::VALUE)
            && (known(ctx, a, b) || local_part_of(ctx, lt, a, b) || in_header(ctx, a - 1));
        if ok {
            push(ctx, a, b, out);
        }
        return;
    }
    // Unquoted: the capitalised words right before the `<` on its line.
    if let Some(a) = run_before(ctx, lt, |a| {
        known(ctx, a, lt) || local_part_of(ctx, lt, a, lt) || in_header(ctx, a)
    }) {
        push(ctx, a, lt, out);
    }
}

/// The first token of the longest name's run ([`run::VALUE`]) that ends right before token
/// `end` on its line and that `evidence` accepts; words before it that make no name
/// (`Contact Jane Doe <…>`) are left out.
fn run_before(ctx: &Ctx<'_>, end: usize, evidence: impl Fn(usize) -> bool) -> Option<usize> {
    let t = &ctx.toks;
    let mut a = end;
    while a > 0 && end - a < MAX_WORDS + 2 && name_token(ctx, a - 1) && !t[a].newline_before {
        a -= 1;
    }
    (a..end.saturating_sub(1)).find(|&a| run::is_run(ctx, a, end, &run::VALUE) && evidence(a))
}

/// `Jane Doe (jane.doe@example.com)`, `Jane Doe - jdoe@…`, `Jane Doe, j.doe@…`, `Jane Doe:
/// jane@…`: a name before its own address in brackets or after a separator, the bracket or
/// separator at `sep`. Outside angle brackets an address says less of the words before it
/// (`Support (help@…)`, `Billing - billing@…`), so the address must be spelt from the name.
fn spelt_before(ctx: &Ctx<'_>, sep: usize, out: &mut Vec<Hit>) {
    let t = &ctx.toks;
    if sep == 0 || t[sep].newline_before {
        return;
    }
    // The address: glued tokens right after the bracket, or after the separator and a space.
    let first = sep + 1;
    let Some(f) = t.get(first) else { return };
    if f.newline_before || (f.glued != t[sep].is('(')) {
        return;
    }
    let mut at = None;
    let mut k = first;
    while k < t.len() && k < first + ADDRESS_TOKENS && (k == first || t[k].glued) {
        if t[k].is('@') && k > first {
            at = Some(k);
        }
        k += 1;
    }
    let Some(at) = at else { return };
    if !t
        .get(at + 1)
        .is_some_and(|n| n.glued && n.kind == Kind::Word)
    {
        return;
    }
    let local = &ctx.text[f.start as usize..t[at].start as usize];
    if let Some(a) = run_before(ctx, sep, |a| spelt_from(local, &words_of(ctx, a, sep))) {
        push(ctx, a, sep, out);
    }
}

/// Headers of a pasted mail whose value is a list of addresses with their display names.
const ADDRESS_HEADERS: &[&str] = &["from", "to", "cc", "bcc", "reply-to", "sender"];

/// Token `k` opens a value of a mail header on its line (`From: Jane Doe <…>`, `Cc: a <…>,
/// Jane Doe <…>`): right after the header's colon, or after a comma of its list.
fn in_header(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks;
    if k < 2 || t[k].newline_before || !(t[k - 1].is(':') || t[k - 1].is(',')) {
        return false;
    }
    let mut ls = k - 1;
    while ls > 0 && !t[ls].newline_before {
        ls -= 1;
    }
    let Some(colon) = (ls..k).find(|&j| t[j].is(':')) else {
        return false;
    };
    let header = &ctx.text[t[ls].start as usize..t[colon].start as usize];
    colon > ls
        && ADDRESS_HEADERS
            .iter()
            .any(|h| h.eq_ignore_ascii_case(header))
}

/// The `<` at `lt` opens an e-mail address closed by `>` on its line, with nothing between.
fn is_address(ctx: &Ctx<'_>, lt: usize) -> bool {
    let t = &ctx.toks;
    let mut at = false;
    for (k, tok) in t.iter().enumerate().take(lt + ADDRESS_TOKENS).skip(lt + 1) {
        if !tok.glued || tok.newline_before {
            return false;
        }
        if tok.is('>') {
            return at && k > lt + 3;
        }
        at |= tok.is('@') && k > lt + 1;
    }
    false
}

/// Token `k` may be part of a name's run: a word, or an initial's dot.
fn name_token(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    t.kind == Kind::Word || t.is('.') && t.glued && k > 0 && run::initial(ctx, k - 1)
}

/// Some word of tokens `a..b` is a first name or surname the lists know.
fn known(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| ctx.toks[k].kind == Kind::Word && ctx.flags[k] & (FIRST | LAST) != 0)
}

/// The local part of the address that opens at `lt` is made of the words `a..b`
/// ([`spelt_from`]).
fn local_part_of(ctx: &Ctx<'_>, lt: usize, a: usize, b: usize) -> bool {
    let t = &ctx.toks;
    let Some(at) = (lt + 1..t.len()).find(|&k| t[k].is('@')) else {
        return false;
    };
    let local = &ctx.text[t[lt].end as usize..t[at].start as usize];
    spelt_from(local, &words_of(ctx, a, b))
}

/// The words of tokens `a..b`.
fn words_of<'t>(ctx: &Ctx<'t>, a: usize, b: usize) -> Vec<&'t str> {
    (a..b)
        .filter(|&k| ctx.toks[k].kind == Kind::Word)
        .map(|k| ctx.s(k))
        .collect()
}

/// An account's name (`local`: an address's local part, a login) is made of the name's
/// `words`: their initials, one of them whole beside another's initial, or two of them whole
/// (`z.brunnquist`, `zelvira.b`, `zb`, `brunnquistz`), digits and marks aside. One made of no
/// word of the name (`support`, `noreply`) says nothing of it.
pub(super) fn spelt_from(local: &str, words: &[&str]) -> bool {
    let local: String = local
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.lower())
        .collect();
    let words: Vec<String> = words
        .iter()
        .filter(|w| w.chars().count() > 1)
        .map(|w| w.lower())
        .collect();
    if words.len() < 2 || local.is_empty() {
        return false;
    }
    let initial = |w: &String| w.chars().next().map(String::from).unwrap_or_default();
    let initials: String = words.iter().map(initial).collect();
    if local == initials {
        return true;
    }
    // One word whole, and the rest of the local part another word or its initial.
    words.iter().enumerate().any(|(i, w)| {
        let rest = local
            .strip_prefix(w.as_str())
            .or_else(|| local.strip_suffix(w.as_str()));
        rest.is_some_and(|r| {
            words
                .iter()
                .enumerate()
                .any(|(j, v)| j != i && (r == v.as_str() || r == initial(v)))
        })
    })
}
