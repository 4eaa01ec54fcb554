//! Names inside markup and rows of literals: `<td>Jane Doe</td>`, `<li>Hans Zimmermann</li>`,
//! `VALUES ('Jürgen', 'Müller', ...)`. People paste page source, HTML tables and SQL dumps
//! with real rows into prompts. The text of an element is a field value like a CSV cell, but
//! its words are glued to `>` and `</`, which otherwise mark an identifier (`Vec<T>`,
//! `a->b`); and a row's first name and surname stand in quotes of their own, so no run of two
//! capitalised words forms. Code (`<code>`, `<pre>`), titles and headings stay as they were.

use super::gazetteer::{FIRST, LAST, WORD};
use super::tokenize::{Case, Kind};
use super::{Ctx, Entity, Hit};

/// Elements whose text is code, a script, or a document's title or heading: their words name
/// programs and projects more often than people.
const NOT_FIELDS: &[&str] = &[
    "code", "pre", "kbd", "samp", "var", "tt", "script", "style", "title", "h1", "h2", "h3", "h4",
    "h5", "h6",
];

/// Tokens read looking for an element's edges (tags and text on one line).
const REACH: usize = 24;

/// Token `i`, glued to a `>` before it or a `<` after it, is at an edge of the text of an
/// element on one line (`<td>Jane Doe</td>`, `<span class="n">Piotr Wiśniewski</span>`): an
/// opening tag, text without brackets, and the closing tag of the same name.
pub(crate) fn element_text(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.toks;
    let edge = |k: usize| t[k].is('<') || t[k].is('>');
    // The text's first and last token.
    let mut a = i;
    while a > 0 && !t[a].newline_before && !edge(a - 1) && a + REACH > i {
        a -= 1;
    }
    let mut b = i;
    while t
        .get(b + 1)
        .is_some_and(|n| !n.newline_before && !edge(b + 1))
        && b < i + REACH
    {
        b += 1;
    }
    if a == 0 || t[a].newline_before || !t[a].glued || !t[a - 1].is('>') {
        return false;
    }
    // The closing tag: `</name>` glued after the text.
    let (Some(name), Some(open)) = (closing_tag(ctx, b + 1), tag_name(ctx, a - 1)) else {
        return false;
    };
    // A link or emphasis inside a heading (`<h3><a href="#x">Creating a New Vector</a></h3>`)
    // is the heading's text.
    let parent = open >= 2 && t[open - 1].glued && t[open - 2].is('>');
    ctx.s(open).eq_ignore_ascii_case(ctx.s(name))
        && !ctx.word_in(open, NOT_FIELDS)
        && !(parent && tag_name(ctx, open - 2).is_some_and(|p| ctx.word_in(p, NOT_FIELDS)))
        && closing_tag(ctx, b + 5).is_none_or(|p| !ctx.word_in(p, NOT_FIELDS))
}

/// The name of the closing tag `</name>` glued to the text before it at `lt`.
fn closing_tag(ctx: &Ctx<'_>, lt: usize) -> Option<usize> {
    let t = &ctx.toks;
    let glued = t.get(lt)?.glued;
    let word = t
        .get(lt + 2)
        .is_some_and(|n| matches!(n.kind, Kind::Word | Kind::Alnum));
    (glued && ctx.punct(lt, '<') && ctx.punct(lt + 1, '/') && word && ctx.punct(lt + 3, '>'))
        .then_some(lt + 2)
}

/// The name of the opening tag that the `>` at `gt` closes (`<span class="n">`), on one line.
fn tag_name(ctx: &Ctx<'_>, gt: usize) -> Option<usize> {
    let t = &ctx.toks;
    let mut k = gt.checked_sub(1)?;
    while k > 0 && gt - k < REACH && !t[k].newline_before && !t[k].is('<') {
        k -= 1;
    }
    let open = k + 1;
    (t[k].is('<') && open < gt && t[open].glued && t[open].kind != Kind::Punct).then_some(open)
}

/// One literal of a row: its first and last token, or none for a number or `NULL`.
type Literal = Option<(usize, usize)>;

/// Reads the literal at `k` (`'Jane'`, `"Doe"`, `42`, `NULL`); returns it and the token after.
fn literal(ctx: &Ctx<'_>, k: usize) -> Option<(Literal, usize)> {
    let t = ctx.toks.get(k)?;
    if t.kind == Kind::Num || ctx.word_in(k, &["null"]) {
        return Some((None, k + 1));
    }
    if !(t.is('\'') || t.is('"')) {
        return None;
    }
    let mut j = k + 1;
    while j < k + 16 {
        let n = ctx.toks.get(j)?;
        if n.newline_before {
            return None;
        }
        if n.kind == Kind::Punct && n.punct == t.punct {
            return Some(((j > k + 1).then_some((k + 1, j - 1)), j + 1));
        }
        j += 1;
    }
    None
}

/// Every word of `a..=b` is a capitalised word of the lists with flag `flag`.
fn all_known(ctx: &Ctx<'_>, (a, b): (usize, usize), flag: u8) -> bool {
    (a..=b).all(|j| {
        let t = &ctx.toks[j];
        t.kind == Kind::Word
            && matches!(t.case, Case::Title | Case::Upper)
            && ctx.flags[j] & flag != 0
    })
}

/// A row of literals (`('Jane', 'Doe', 42)`, an SQL `VALUES` tuple): where a literal of known
/// first names stands right before one of known surnames, each is part of a person's name,
/// as `first_name="Jane"` is. Both being ordinary words ("Will", "Power") is not enough.
pub(crate) fn find_rows(ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let mut i = 0;
    while i < ctx.toks.len() {
        if !ctx.toks[i].is('(') {
            i += 1;
            continue;
        }
        // Hits are pushed as the pairs are read and taken back unless the row closes.
        let kept = out.len();
        let mut prev: Literal = None;
        let mut n = 0;
        let mut k = i + 1;
        let closed = loop {
            let Some((lit, after)) = literal(ctx, k) else {
                break false;
            };
            n += 1;
            if let (Some(f), Some(l)) = (prev, lit) {
                let common = |(a, b): (usize, usize)| (a..=b).all(|j| ctx.flags[j] & WORD != 0);
                if all_known(ctx, f, FIRST) && all_known(ctx, l, LAST) && !(common(f) && common(l))
                {
                    for (a, b) in [f, l] {
                        out.push(Hit {
                            start: ctx.toks[a].start as usize,
                            end: ctx.toks[b].end as usize,
                            entity: Entity::Person,
                            score: 0.8,
                            reason: "row",
                        });
                    }
                }
            }
            prev = lit;
            if ctx.punct(after, ')') {
                break n >= 2;
            }
            if !ctx.punct(after, ',') {
                break false;
            }
            k = after + 1;
        };
        if !closed {
            out.truncate(kept);
        }
        i = k.max(i + 1);
    }
}
