//! Names in rows of cells: SQL tuples (`VALUES ('Müller', 'Jürgen', 'Berlin')`), lines of a
//! CSV export without its header (`Jane,Doe,London`) and HTML table rows
//! (`<tr><td>Jürgen</td><td>Müller</td>…</tr>`). Each cell holds one value, so a first name
//! and its surname stand in cells of their own and never form the run of capitalised words the
//! person detector reads. Three readings, all reported with the reason `row`:
//!
//! - a header names the columns: an `INSERT`'s column list (`(last_name, first_name, city)`)
//!   or a row of `<th>` cells; the cells under a name column are names however they are written;
//! - a cell of known first names next to one of known surnames (in either order, a surname
//!   first only when it is no first name) makes both name parts, and a first name alone is one
//!   in a row that also holds an e-mail address or a phone number;
//! - in a block of rows of the same shape (a dump, an export), a column where such pairs stand
//!   holds names in its other rows too, whether the lists know them or not.

use super::fields;
use super::gazetteer::{FIRST, LAST, PLACE, WORD};
use super::run;
use super::tokenize::{Case, Kind};
use super::{Ctx, Entity, Hit};

/// What one cell holds, as far as these readings care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// One to three capitalised words: a name, or a town, a product, a word.
    Words,
    /// An e-mail address.
    Email,
    /// A phone number: digits with `+`, `-`, `(`, `)`, `.` and spaces, seven digits or more.
    Phone,
    /// Anything else, a number or an empty cell.
    Other,
}

/// One cell: its tokens `a..=b` (its quotes left out; none when `empty`) and what they hold.
#[derive(Clone, Copy)]
struct Cell {
    a: usize,
    b: usize,
    empty: bool,
    shape: Shape,
}

/// Where a row was read: only rows of one source and shape make a block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Sql,
    Csv,
    Html,
    /// The items of an HTML list (`<li>`): rows of one cell (two with an address after it).
    List,
}

/// A row of cells, the token after it, and the header that names its columns, if any.
struct Row {
    cells: Vec<Cell>,
    first: usize,
    after: usize,
    source: Source,
    header: Option<std::rc::Rc<[fields::Column]>>,
}

/// Longest run of tokens read as one cell: longer ones are prose or code.
const CELL_TOKENS: usize = 12;
/// Longest gap in tokens between two rows of one block (`,` between tuples, `</tr>\n<tr>`,
/// `;\nINSERT INTO t VALUES`).
const GAP: usize = 10;

/// Appends a `Person` hit for every name cell of the rows in `ctx`.
pub(crate) fn find(ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let mut rows = Vec::new();
    sql_rows(ctx, &mut rows);
    csv_rows(ctx, &mut rows);
    html_rows(ctx, &mut rows);
    list_rows(ctx, &mut rows);
    rows.sort_by_key(|r| r.first);
    let mut k = 0;
    while k < rows.len() {
        // A block: the rows after `k` of its source and width, each close to the one before.
        let mut end = k + 1;
        while end < rows.len()
            && rows[end].source == rows[k].source
            && rows[end].cells.len() == rows[k].cells.len()
            && rows[end].first >= rows[end - 1].after
            && rows[end].first <= rows[end - 1].after + GAP
        {
            end += 1;
        }
        block(ctx, &rows[k..end], out);
        k = end;
    }
}

/// The readings of one block of rows.
fn block(ctx: &Ctx<'_>, rows: &[Row], out: &mut Vec<Hit>) {
    let width = rows[0].cells.len();
    let mut votes = vec![0usize; width];
    let mut whole = vec![0usize; width];
    let mut voting = 0;
    for row in rows {
        if let Some(header) = &row.header {
            for (c, cell) in row.cells.iter().enumerate() {
                let named = header
                    .get(c)
                    .is_some_and(|h| fields::names_people(h, header));
                if named && fields::name_shaped(cell_text(ctx, cell)) {
                    push(ctx, cell, out);
                }
            }
            continue;
        }
        let named = pairs(ctx, &row.cells);
        if named.iter().any(|&n| n != Named::No) {
            voting += 1;
        }
        for (c, &n) in named.iter().enumerate() {
            if n != Named::No {
                votes[c] += 1;
                whole[c] += usize::from(n == Named::Whole);
                push(ctx, &row.cells[c], out);
            }
        }
    }
    // A column where most rows that hold a pair hold a name part: its other cells too.
    if rows.len() < 2 || voting == 0 {
        return;
    }
    for (c, &v) in votes.iter().enumerate() {
        if v == 0 || v * 2 < voting {
            continue;
        }
        let unlabelled = || rows.iter().filter(|r| r.header.is_none());
        // A column of whole names (`Jane Doe`) holds people when most of its cells read as
        // one ([`run::is_run`]): a list of products or steps holds a person's name now and
        // then, and its other items are no names.
        if whole[c] * 2 >= v {
            let filled = unlabelled()
                .filter(|r| whole_name(ctx, &r.cells[c]))
                .count();
            let total = unlabelled().filter(|r| !r.cells[c].empty).count();
            if filled * 4 < total * 3 {
                continue;
            }
            for row in unlabelled() {
                if whole_name(ctx, &row.cells[c]) {
                    push(ctx, &row.cells[c], out);
                }
            }
            continue;
        }
        for row in unlabelled() {
            let cell = &row.cells[c];
            if cell.shape == Shape::Words && !all_flagged(ctx, cell, WORD | PLACE) {
                push(ctx, cell, out);
            }
        }
    }
}

/// What [`pairs`] makes of a cell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Named {
    No,
    /// A first name or a surname of a pair of cells.
    Part,
    /// A whole name in one cell, known first name to known surname (`Jane Doe`).
    Whole,
}

/// The cell reads as a person's whole name ([`run::is_run`] of a value cut out by its cell).
fn whole_name(ctx: &Ctx<'_>, cell: &Cell) -> bool {
    !cell.empty && cell.b > cell.a && run::is_run(ctx, cell.a, cell.b + 1, &run::VALUE)
}

/// Which cells of a row are name parts by the lists: a first name right before a surname, a
/// surname that is no first name right before a first name, and a first name alone in a row
/// with an e-mail address or a phone number; and a cell that holds a whole name, a known
/// first name to a known surname (the column it stands in is read in [`block`]).
fn pairs(ctx: &Ctx<'_>, cells: &[Cell]) -> Vec<Named> {
    let mut named = vec![Named::No; cells.len()];
    let words = |c: &Cell| c.shape == Shape::Words;
    let known = |c: &Cell, flag: u8| words(c) && all_flagged(ctx, c, flag);
    // Both ordinary words ("Will", "Power") or a first name that is a town ("Paris,
    // London") is no pair.
    let common = |c: &Cell| all_flagged(ctx, c, WORD);
    let mut c = 0;
    while c + 1 < cells.len() {
        let (f, l) = (&cells[c], &cells[c + 1]);
        // A first name is one word: `Sophie Martin | London` is a name and its town.
        let forward =
            f.a == f.b && known(f, FIRST) && !any_flagged(ctx, f, PLACE) && known(l, LAST);
        // The surname first is the rarer order: neither may be an ordinary word ("Red,
        // Green").
        let reversed = known(f, LAST)
            && !any_flagged(ctx, f, FIRST | WORD)
            && !any_flagged(ctx, l, WORD)
            && l.a == l.b
            && known(l, FIRST)
            && !any_flagged(ctx, l, PLACE);
        if (forward || reversed) && !(common(f) && common(l)) {
            named[c] = Named::Part;
            named[c + 1] = Named::Part;
            c += 2;
        } else {
            c += 1;
        }
    }
    let contact = cells
        .iter()
        .any(|c| matches!(c.shape, Shape::Email | Shape::Phone));
    if contact && !named.iter().any(|&n| n != Named::No) {
        for (k, cell) in cells.iter().enumerate() {
            if known(cell, FIRST) && !any_flagged(ctx, cell, WORD | PLACE) {
                named[k] = Named::Part;
                // The capitalised cell after it, when no list calls it a word or a town,
                // is its surname (`Ngozi,Okonkwo-Adeyemi,n@example.org`).
                if cells
                    .get(k + 1)
                    .is_some_and(|n| words(n) && !any_flagged(ctx, n, WORD | PLACE | FIRST))
                {
                    named[k + 1] = Named::Part;
                }
            }
        }
    }
    // A whole name: its first word a first name the lists know (and no ordinary word or
    // place), or both its ends known; or its row's address spelt from it (`Jane Doe
    // (jdoe@example.com)`).
    let email = cells.iter().find(|c| c.shape == Shape::Email);
    for (k, cell) in cells.iter().enumerate() {
        if named[k] != Named::No || !whole_name(ctx, cell) {
            continue;
        }
        let (f, l) = (ctx.flags[cell.a], ctx.flags[cell.b]);
        let known = f & FIRST != 0 && (f & (WORD | PLACE) == 0 || l & LAST != 0);
        if known || email.is_some_and(|e| spelt(ctx, e, cell)) {
            named[k] = Named::Whole;
        }
    }
    named
}

/// The local part of the address in cell `email` is spelt from the words of cell `name`
/// ([`super::holder::spelt_from`]).
fn spelt(ctx: &Ctx<'_>, email: &Cell, name: &Cell) -> bool {
    let text = cell_text(ctx, email);
    let local = text.split('@').next().unwrap_or(text);
    let words: Vec<&str> = (name.a..=name.b)
        .filter(|&k| ctx.toks[k].kind == Kind::Word)
        .map(|k| ctx.s(k))
        .collect();
    super::holder::spelt_from(local, &words)
}

fn push(ctx: &Ctx<'_>, cell: &Cell, out: &mut Vec<Hit>) {
    out.push(Hit {
        start: ctx.toks[cell.a].start as usize,
        end: ctx.toks[cell.b].end as usize,
        entity: Entity::Person,
        score: 0.8,
        reason: "row",
    });
}

fn cell_text<'t>(ctx: &Ctx<'t>, cell: &Cell) -> &'t str {
    if cell.empty {
        return "";
    }
    &ctx.text[ctx.toks[cell.a].start as usize..ctx.toks[cell.b].end as usize]
}

/// Every word of the cell has one of the gazetteer flags `flag`.
fn all_flagged(ctx: &Ctx<'_>, cell: &Cell, flag: u8) -> bool {
    (cell.a..=cell.b).all(|j| ctx.flags[j] & flag != 0)
}

/// Some word of the cell has one of the gazetteer flags `flag`.
fn any_flagged(ctx: &Ctx<'_>, cell: &Cell, flag: u8) -> bool {
    (cell.a..=cell.b).any(|j| ctx.flags[j] & flag != 0)
}

/// The cell of tokens `a..b` (exclusive end), a pair of quotes around it left out.
fn cell(ctx: &Ctx<'_>, mut a: usize, mut b: usize) -> Cell {
    let t = &ctx.toks;
    let quote = |k: usize| t[k].is('"') || t[k].is('\'');
    if b >= a + 2 && quote(a) && quote(b - 1) {
        a += 1;
        b -= 1;
    }
    if b <= a {
        return Cell {
            a,
            b: a,
            empty: true,
            shape: Shape::Other,
        };
    }
    let b = b - 1;
    let n = b + 1 - a;
    let words = n <= 3
        && (a..=b)
            .all(|j| t[j].kind == Kind::Word && matches!(t[j].case, Case::Title | Case::Upper));
    let email = (a + 1..b).any(|j| t[j].is('@') && t[j].glued && t[j + 1].glued);
    let mut digits = 0;
    let phone = (a..=b).all(|j| match t[j].kind {
        Kind::Num => {
            digits += t[j].len();
            true
        }
        Kind::Punct => matches!(t[j].punct, '+' | '-' | '(' | ')' | '.' | '/'),
        _ => false,
    }) && digits >= 7;
    let shape = if words {
        Shape::Words
    } else if email {
        Shape::Email
    } else if phone {
        Shape::Phone
    } else {
        Shape::Other
    };
    Cell {
        a,
        b,
        empty: false,
        shape,
    }
}

/// Reads the literal at `k` (`'Jane'`, `"Doe"`, `42`, `NULL`): its cell and the token after.
fn literal(ctx: &Ctx<'_>, k: usize) -> Option<(Cell, usize)> {
    let t = ctx.toks.get(k)?;
    if t.kind == Kind::Num || ctx.word_in(k, &["null"]) {
        return Some((cell(ctx, k, k + 1), k + 1));
    }
    if !(t.is('\'') || t.is('"')) {
        return None;
    }
    let mut j = k + 1;
    while j < k + CELL_TOKENS {
        let n = ctx.toks.get(j)?;
        if n.newline_before {
            return None;
        }
        if n.kind == Kind::Punct && n.punct == t.punct {
            return Some((cell(ctx, k, j + 1), j + 1));
        }
        j += 1;
    }
    None
}

/// The column names of a list `(a, b, c)` at `open` (bare, quoted or in backticks), and the
/// token after its `)`.
fn column_list(ctx: &Ctx<'_>, open: usize) -> Option<(Vec<fields::Column>, usize)> {
    let t = &ctx.toks;
    let mut cols = Vec::new();
    let mut k = open + 1;
    let mut start = k;
    while k < open + 40 * 4 {
        let tok = t.get(k)?;
        if tok.is(',') || tok.is(')') {
            let a = t.get(start)?.start as usize;
            let b = t.get(k.checked_sub(1)?)?.end as usize;
            if k == start {
                return None;
            }
            let name = ctx.text[a..b].trim_matches(['"', '`', '[', ']', '\'']);
            if name.contains(['(', '\'', ' ']) {
                return None;
            }
            cols.push(fields::Column::of(name));
            if tok.is(')') {
                return Some((cols, k + 1));
            }
            start = k + 1;
        } else if tok.kind == Kind::Num && k == start || tok.is('(') {
            return None;
        }
        k += 1;
    }
    None
}

/// A header of `cols`, when one of them holds people's names (else the rows under it are
/// read as rows without one).
fn names_columns(cols: Vec<fields::Column>) -> Option<std::rc::Rc<[fields::Column]>> {
    cols.iter()
        .any(|c| fields::names_people(c, &cols))
        .then(|| cols.into())
}

/// Tuples of literals: `(1, 'Jane', 'Doe', NULL)`, two literals or more, each row under the
/// column list of the `INSERT` it follows (`INSERT INTO t (first_name, …) VALUES (…), (…)`).
fn sql_rows(ctx: &Ctx<'_>, rows: &mut Vec<Row>) {
    let t = &ctx.toks;
    let mut header: Option<std::rc::Rc<[fields::Column]>> = None;
    let mut i = 0;
    while i < t.len() {
        if !t[i].is('(') {
            i += 1;
            continue;
        }
        // A column list right before `VALUES` names the tuples after it; a tuple that is
        // not after `VALUES` or another tuple ends its reign.
        if let Some((cols, after)) = column_list(ctx, i) {
            if ctx.word_in(after, &["values"]) {
                header = names_columns(cols);
                i = after + 1;
                continue;
            }
        }
        let follows = i > 0 && (ctx.word_in(i - 1, &["values"]) || t[i - 1].is(','));
        if !follows {
            header = None;
        }
        let mut cells = Vec::new();
        let mut k = i + 1;
        let closed = loop {
            let Some((cell, after)) = literal(ctx, k) else {
                break false;
            };
            cells.push(cell);
            if ctx.punct(after, ')') {
                k = after + 1;
                break cells.len() >= 2;
            }
            if !ctx.punct(after, ',') {
                break false;
            }
            k = after + 1;
        };
        if closed {
            let header = header.clone().filter(|h| h.len() == cells.len());
            rows.push(Row {
                cells,
                first: i,
                after: k,
                source: Source::Sql,
                header,
            });
            i = k;
        } else {
            header = None;
            i += 1;
        }
    }
}

/// Lines of cells split at `,` or `;` (whichever the line holds more of), none holding
/// brackets, `=` or more than [`CELL_TOKENS`] tokens: a CSV export's rows, not prose or code.
fn csv_rows(ctx: &Ctx<'_>, rows: &mut Vec<Row>) {
    let t = &ctx.toks;
    let mut s = 0;
    while s < t.len() {
        let mut e = s + 1;
        while e < t.len() && !t[e].newline_before {
            e += 1;
        }
        let commas = (s..e).filter(|&k| t[k].is(',')).count();
        let semis = (s..e).filter(|&k| t[k].is(';')).count();
        let sep = if semis > commas { ';' } else { ',' };
        let code = (s..e).any(|k| {
            t[k].kind == Kind::Punct
                && matches!(
                    t[k].punct,
                    '(' | ')' | '<' | '>' | '=' | '{' | '}' | '[' | ']'
                )
        });
        // A sentence listing things ("OSA, Jaro, Jaro-Winkler, and Sørensen-Dice."): its
        // end mark, or a cell opening with a lower-case word before others ("and X").
        let last = &t[e - 1];
        let sentence = last.kind == Kind::Punct && matches!(last.punct, '.' | '!' | '?' | ':')
            || (s..e).any(|k| {
                (k == s || t[k - 1].is(sep))
                    && t[k].kind == Kind::Word
                    && t[k].case == Case::Lower
                    && t.get(k + 1)
                        .is_some_and(|n| n.kind == Kind::Word && !n.newline_before)
            });
        if commas.max(semis) > 0 && !code && !sentence {
            let mut cells = Vec::new();
            let mut a = s;
            let mut ok = true;
            // The line's separators, then its end.
            let ends = (s..e).filter(|&k| t[k].is(sep)).chain([e]);
            for k in ends {
                {
                    if k - a > CELL_TOKENS {
                        ok = false;
                        break;
                    }
                    cells.push(cell(ctx, a, k));
                    a = k + 1;
                }
            }
            if ok {
                rows.push(Row {
                    cells,
                    first: s,
                    after: e,
                    source: Source::Csv,
                    header: None,
                });
            }
        }
        s = e;
    }
}

/// The tag at `lt` (`<td class="x">`, `</tr>`): its name's token, whether it closes, and the
/// token after its `>`.
fn tag(ctx: &Ctx<'_>, lt: usize) -> Option<(usize, bool, usize)> {
    let t = &ctx.toks;
    if !t.get(lt)?.is('<') {
        return None;
    }
    let closing = ctx.punct(lt + 1, '/');
    let name = lt + 1 + usize::from(closing);
    if !matches!(t.get(name)?.kind, Kind::Word | Kind::Alnum) || !t[name].glued {
        return None;
    }
    let mut k = name + 1;
    while k < name + 40 {
        let n = t.get(k)?;
        if n.is('>') {
            return Some((name, closing, k + 1));
        }
        if n.is('<') {
            return None;
        }
        k += 1;
    }
    None
}

/// Table rows: `<tr>` to `</tr>`, on one line or several, each `<td>` or `<th>` a cell whose
/// value is its text up to its first tag (`<td>Jane Doe<br>Paris</td>`: `Jane Doe`). A row
/// of `<th>` cells is the header of the rows after it in its table.
fn html_rows(ctx: &Ctx<'_>, rows: &mut Vec<Row>) {
    let t = &ctx.toks;
    let mut header: Option<std::rc::Rc<[fields::Column]>> = None;
    let mut i = 0;
    while i < t.len() {
        let Some((name, closing, after)) = tag(ctx, i) else {
            i += 1;
            continue;
        };
        if ctx.word_in(name, &["table"]) {
            header = None;
        }
        if closing || !ctx.word_in(name, &["tr"]) {
            i = after;
            continue;
        }
        let mut cells = Vec::new();
        let mut heads = 0;
        let mut k = after;
        let end = loop {
            let Some((n, closes, next)) = tag(ctx, k) else {
                // Text between cells (white space is no token): not a row of cells.
                break None;
            };
            if closes && ctx.word_in(n, &["tr"]) {
                break Some(next);
            }
            if closes || !ctx.word_in(n, &["td", "th"]) {
                break None;
            }
            heads += usize::from(ctx.word_in(n, &["th"]));
            // The text up to the next tag, then on to the cell's `</td>`.
            let mut j = next;
            while j < t.len() && !t[j].is('<') && j < next + CELL_TOKENS {
                j += 1;
            }
            cells.push(cell(ctx, next, j));
            let mut close = None;
            while j < t.len() && j < next + 4 * CELL_TOKENS {
                if let Some((m, true, after)) = tag(ctx, j) {
                    if ctx.word_in(m, &["td", "th"]) {
                        close = Some(after);
                        break;
                    }
                }
                j += 1;
            }
            let Some(after) = close else {
                break None;
            };
            k = after;
        };
        let Some(end) = end else {
            i = after;
            continue;
        };
        if cells.len() >= 2 && heads == cells.len() {
            header = names_columns(
                cells
                    .iter()
                    .map(|c| fields::Column::of(cell_text(ctx, c)))
                    .collect(),
            );
        } else if cells.len() >= 2 {
            let header = header.clone().filter(|h| h.len() == cells.len());
            rows.push(Row {
                cells,
                first: i,
                after: end,
                source: Source::Html,
                header,
            });
        }
        i = end;
    }
}

/// List items: `<li>` to `</li>` on one line, each a row of one cell (its text up to its
/// first tag), or of two when an address in brackets follows the text (`<li>Jane Doe
/// (jane@example.com)</li>`).
fn list_rows(ctx: &Ctx<'_>, rows: &mut Vec<Row>) {
    let t = &ctx.toks;
    let mut i = 0;
    while i < t.len() {
        let Some((name, false, next)) = tag(ctx, i) else {
            i += 1;
            continue;
        };
        if !ctx.word_in(name, &["li"]) {
            i = next;
            continue;
        }
        let mut j = next;
        while j < t.len() && !t[j].is('<') && !t[j].newline_before && j < next + CELL_TOKENS {
            j += 1;
        }
        let closes = tag(ctx, j)
            .filter(|&(m, closing, _)| closing && ctx.word_in(m, &["li"]))
            .filter(|_| !t[j].newline_before);
        let Some((_, _, after)) = closes else {
            i = next;
            continue;
        };
        // `Jane Doe (jane@example.com)`: the name, then the address in its brackets.
        let open = (next..j).find(|&k| t[k].is('('));
        let cells = match open {
            Some(o) if j > o + 2 && t[j - 1].is(')') => {
                vec![cell(ctx, next, o), cell(ctx, o + 1, j - 1)]
            }
            Some(_) => {
                i = after;
                continue;
            }
            None => vec![cell(ctx, next, j)],
        };
        rows.push(Row {
            cells,
            first: i,
            after,
            source: Source::List,
            header: None,
        });
        i = after;
    }
}

/// `text` with the tabs that separate cells of its tab-separated lines (a tab between two
/// cells on a line without commas) turned into commas and every other byte into a space (line
/// breaks kept), so that [`csv_rows`] reads those lines at their offsets; `None` when no line
/// is one.
pub(crate) fn tab_lines(text: &str) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut any = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '\t']);
        let lead = line.len() - body.len();
        let cells = body.trim_end().contains('\t') && !body.contains(',');
        any |= cells;
        out.extend(line.bytes().enumerate().map(|(k, b)| match b {
            b'\n' => b'\n',
            b'\t' if cells && k >= lead => b',',
            _ if cells && k >= lead => b,
            _ => b' ',
        }));
    }
    // Whole lines are kept or blanked, so the bytes kept are whole characters.
    any.then(|| String::from_utf8(out).ok()).flatten()
}
