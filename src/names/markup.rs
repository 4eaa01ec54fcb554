//! Names inside markup: `<td>Jane Doe</td>`, `<li>Hans Zimmermann</li>`,
//! `<td>Jane Doe<br>Paris</td>`. People paste page source and HTML tables with real rows into
//! prompts. The text of an element is a field value like a CSV cell, but its words are glued
//! to `>` and `</`, which otherwise mark an identifier (`Vec<T>`, `a->b`). Code (`<code>`,
//! `<pre>`), titles and headings stay as they were. (Rows of cells, HTML's among them, are
//! read in `rows.rs`.)

use super::tokenize::Kind;
use super::Ctx;

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
    // The closing tag: `</name>` glued after the text; a line break (`<br>`) on either side
    // of the text is inside the element (`<td>Jane Doe<br>Paris</td>`).
    let (Some(name), Some(open)) = (
        past_breaks(ctx, b + 1, |k| closing_tag(ctx, k)),
        tag_name(ctx, a - 1),
    ) else {
        return false;
    };
    let Some(open) = opening_past_breaks(ctx, open) else {
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

/// Elements that hold nothing and break a line inside the text of the one around them.
const BREAKS: &[&str] = &["br", "wbr"];

/// The token after the line break tag (`<br>`, `<br/>`, `<br />`) glued at `lt`.
fn line_break(ctx: &Ctx<'_>, lt: usize) -> Option<usize> {
    let t = &ctx.toks;
    if !(t.get(lt)?.glued && t[lt].is('<') && ctx.word_in(lt + 1, BREAKS) && t[lt + 1].glued) {
        return None;
    }
    let slash = usize::from(ctx.punct(lt + 2, '/'));
    ctx.punct(lt + 2 + slash, '>').then_some(lt + 3 + slash)
}

/// `read(lt)` at `lt`, or past each line break there and the text after it on the same line.
fn past_breaks(
    ctx: &Ctx<'_>,
    mut lt: usize,
    read: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let t = &ctx.toks;
    for _ in 0..8 {
        if let Some(found) = read(lt) {
            return Some(found);
        }
        let mut k = line_break(ctx, lt)?;
        while k < lt + REACH && t.get(k).is_some_and(|n| !n.newline_before && !n.is('<')) {
            k += 1;
        }
        lt = k;
    }
    None
}

/// The opening tag's name `open`, or when it is a line break's, the name of the tag that
/// opens the text before the break on the same line.
fn opening_past_breaks(ctx: &Ctx<'_>, mut open: usize) -> Option<usize> {
    let t = &ctx.toks;
    for _ in 0..8 {
        if !ctx.word_in(open, BREAKS) {
            return Some(open);
        }
        // `text<br>`: the text's first token, then the tag before it.
        let lt = open.checked_sub(1)?;
        let mut a = lt.checked_sub(1)?;
        if !t[lt].glued || t[a].is('>') {
            return None;
        }
        while a > 0
            && !t[a].newline_before
            && !t[a - 1].is('>')
            && !t[a - 1].is('<')
            && a + REACH > lt
        {
            a -= 1;
        }
        if a == 0 || t[a].newline_before || !t[a].glued || !t[a - 1].is('>') {
            return None;
        }
        open = tag_name(ctx, a - 1)?;
    }
    None
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
