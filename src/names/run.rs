//! One way to say "these capitalised words are a person's name" where the lists need not know
//! them: the value of a role key or the display name before an address ([`super::holder`]),
//! a chat's speaker or a listed attendee ([`super::speakers`]), the run after a cue of prose
//! ([`super::labels`]). Each caller brings its own evidence that a person is meant (a key, a
//! line's shape, a cue); this module only says whether the words can be a name: capitalised,
//! no common word or place unless the lists also hold it as a name, no word of a team, a body
//! or a firm, no part of an identifier. The callers differ only in the [`Shape`] they ask for,
//! and each field says why.

use super::gazetteer::{FIRST, LAST, PLACE, WORD};
use super::holder::COLLECTIVES;
use super::lexicon::role;
use super::technical::{BODIES, LEGAL_FORMS};
use super::tokenize::{Case, Kind};
use super::Ctx;

/// What a caller's evidence allows of a run.
#[derive(Clone, Copy)]
pub(super) struct Shape {
    /// Fewest words (an initial counts): a role's value of one word is a team or a product
    /// as often as a person (`owner: Payments`), a cue of prose or a chat's stamp names one.
    pub min: usize,
    /// Most words, particles among them: in prose a longer run after a cue is a heading or a title; a record's
    /// value or a speaker's line may hold four.
    pub max: usize,
    /// Words in capitals count as capitalised: a transcript writes its speakers so (`JANE
    /// DOE:`); in prose and in a record's values capitals are acronyms and shouting.
    pub caps: bool,
    /// The caller cut the run out of a format (a key's value, an element's text, the display
    /// name before an address): the punctuation glued around it and the capital of its first
    /// word are the format's, so neither says it is an identifier or a sentence's first word.
    pub value: bool,
    /// Words that stand where a name would in the caller's format (a chat's `User:`,
    /// `Assistant:`, `Note:`).
    pub stand_ins: &'static [&'static str],
}

/// The value of a role key or the display name before an address ([`super::holder`]): two
/// words at least (one is a team or a product as often: `owner: Payments`), cut out of its
/// format by the key, the element or the address.
pub(super) const VALUE: Shape = Shape {
    min: 2,
    max: 4,
    caps: false,
    value: true,
    stand_ins: &[],
};

/// A chat's speaker after a time stamp or an attendee after a list's label
/// ([`super::speakers`]): the stamp or the label says a person's name follows, one word of
/// it is enough.
pub(super) const LISTED: Shape = Shape { min: 1, ..SPEAKER };

/// A speaker whose line's shape alone is weaker evidence (a Slack copy's `Jane Doe  10:32
/// AM`, a name before its job): two words at least.
pub(super) const SPEAKER: Shape = Shape {
    min: 2,
    max: 4,
    caps: true,
    value: false,
    stand_ins: super::speakers::NOT_PEOPLE,
};

/// A run joined to a person already found by a comma or a conjunction, or to the writer's
/// pronoun ([`super::coordination`]): the person beside it is the evidence, and the caller
/// asks for the shape of that person (one word or more).
pub(super) const JOINED: Shape = Shape {
    min: 1,
    max: 4,
    caps: false,
    value: false,
    stand_ins: super::speakers::NOT_PEOPLE,
};

/// The run after a cue of prose ([`super::labels`]): one word is a name there, and no more
/// than three (a longer run is a heading's or a title's).
pub(super) const CUED: Shape = Shape {
    min: 1,
    max: 3,
    caps: false,
    value: false,
    stand_ins: &[],
};

/// Token `k` is an initial: one capital letter (`Q` of `Jane Q. Doe`, `Ó` of `Ruairí Ó
/// Briain`).
pub(super) fn initial(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    let mut cs = ctx.s(k).chars();
    t.kind == Kind::Word && cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
}

/// Token `k` may stand between a name's words without being one: an initial's dot glued to
/// it, or a particle in lower case (`van`, `de`, `von der`) that is no conjunction (`Wendelin
/// Haberl y Dagrun …` is two people).
fn inner(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    if t.is('.') {
        return t.glued && k > 0 && initial(ctx, k - 1);
    }
    t.kind == Kind::Word
        && t.case == Case::Lower
        && ctx.role(k, role::PARTICLE)
        && !ctx.word_in(k, &["y", "e"])
}

/// Token `k` is a capitalised word as `shape` reads capitals.
fn capitalised(ctx: &Ctx<'_>, k: usize, shape: &Shape) -> bool {
    let t = &ctx.toks[k];
    t.kind == Kind::Word && (t.case == Case::Title || shape.caps && t.case == Case::Upper)
}

/// Capitalised token `k` can be a word of a name (`opening` when it opens the run): no word
/// of a team, a body or a firm; a common word only when the lists also hold it as a first
/// name (or, after the first word, as a surname), and not where it opens a sentence in prose
/// (there its capital says nothing); a place only when it is a name too.
fn name_word(ctx: &Ctx<'_>, k: usize, opening: bool, shape: &Shape) -> bool {
    let f = ctx.flags[k];
    let named = if opening { FIRST } else { FIRST | LAST };
    let sentence =
        opening && !shape.value && ctx.sentence_start(k) && !(k > 0 && ctx.punct(k - 1, ':'));
    (f & WORD == 0 || f & named != 0 && !sentence)
        && (f & PLACE == 0 || f & (FIRST | LAST) != 0)
        && !ctx.word_in(k, COLLECTIVES)
        && !ctx.word_in(k, BODIES)
        && !ctx.word_in(k, LEGAL_FORMS)
        && (shape.stand_ins.is_empty() || !ctx.word_in(k, shape.stand_ins))
}

/// Tokens `a..b` are a person's name as `shape` allows: on one line, opening with a
/// capitalised word or an initial and ending with a capitalised word, each word a
/// [`name_word`] (initials and [`inner`] parts between them), at least [`Shape::min`]
/// words and at most [`Shape::max`] with the particles, not all of them places (`Santa Clara`), and one word alone not the
/// first of a special category's term ("I am Roma": the speaker's statement, reported by
/// `special`).
pub(super) fn is_run(ctx: &Ctx<'_>, a: usize, b: usize, shape: &Shape) -> bool {
    let t = &ctx.toks;
    if b <= a || b > t.len() || !capitalised(ctx, b - 1, shape) {
        return false;
    }
    // Words and initials make the fewest; particles count toward the most too ("Traducción
    // de Rubén Porras Campo" is no name of four).
    let (mut words, mut parts, mut places) = (0, 0, 0);
    for (k, tok) in t.iter().enumerate().take(b).skip(a) {
        if k > a && tok.newline_before || !shape.value && ctx.in_identifier(k) {
            return false;
        }
        if capitalised(ctx, k, shape) {
            if !name_word(ctx, k, k == a, shape) {
                return false;
            }
            words += 1;
            places += usize::from(ctx.flags[k] & PLACE != 0);
        } else if initial(ctx, k) {
            words += 1;
        } else if k == a || !inner(ctx, k) {
            return false;
        }
        parts += usize::from(!tok.is('.'));
    }
    words >= shape.min
        && parts <= shape.max
        && !(words >= 2 && places == words)
        && !(words == 1 && ctx.role(a, role::TERM_FIRST))
}

/// The end (exclusive) of the run of a name's words that opens at token `a`: as far as
/// capitalised words, initials and [`inner`] parts go on its line, an inner part left at its
/// end given back, when [`is_run`] accepts it.
pub(super) fn run_from(ctx: &Ctx<'_>, a: usize, shape: &Shape) -> Option<usize> {
    let t = &ctx.toks;
    let mut b = a;
    let mut words = 0;
    while b < t.len() && (b == a || !t[b].newline_before) && words <= shape.max {
        let word = capitalised(ctx, b, shape) || initial(ctx, b);
        if !(word || b > a && inner(ctx, b)) {
            break;
        }
        words += usize::from(!t[b].is('.'));
        b += 1;
    }
    while b > a + 1 && !capitalised(ctx, b - 1, shape) {
        b -= 1;
    }
    is_run(ctx, a, b, shape).then_some(b)
}
