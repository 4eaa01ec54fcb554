//! A Unicode-aware tokenizer for the names pass: words, numbers and single punctuation marks
//! with byte offsets, classified by character predicates (no regex, no allocation per token).

use crate::lower::Lower;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters only (with inner apostrophes or hyphens: `O'Brien`, `Hans-Peter`).
    Word,
    /// ASCII digits only.
    Num,
    /// Letters and digits mixed (`221B`, `NW1`, `6XE`).
    Alnum,
    /// One punctuation or symbol character.
    Punct,
}

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// `Smith`, `Łukasz`.
    Title,
    /// `SMITH` (two or more letters, all upper case).
    Upper,
    /// `smith`.
    Lower,
    /// Anything else (`McDonald` counts as title; `iPhone`, one-letter `J`).
    Other,
}

/// One token: a byte range of the text and its shape.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub case: Case,
    /// The gap before this token held a line break (or the token starts the text).
    pub newline_before: bool,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// The punctuation character, for `Punct` tokens.
    pub punct: char,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
    /// Is the punctuation mark `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.punct == c
    }
    /// Byte length.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    /// Starts with a capital letter (title case or all caps).
    pub fn capitalised(&self) -> bool {
        self.kind == Kind::Word && matches!(self.case, Case::Title | Case::Upper)
    }
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if LATIN_1_LETTERS.contains(&c) {
        // Western European names (Müller, José, Zoë) skip the Unicode tables.
        c != '×' && c != '÷'
    } else if PUNCTUATION.contains(&c) || CURRENCY.contains(&c) {
        // Typographic quotes, dashes, bullets and `€`: the commonest non-ASCII marks of
        // prose, for which the Unicode tables' search cost ~400 instructions each.
        false
    } else {
        c.is_alphabetic()
    }
}

/// General Punctuation (`’`, `“`, `–`, `…`, `•`, spaces): no letter among them.
const PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';
/// Currency Symbols (`€`, `₹`, `₽`): no letter among them.
const CURRENCY: std::ops::RangeInclusive<char> = '\u{20A0}'..='\u{20CF}';

/// Letters of Latin-1 Supplement: `À`..=`ÿ` except `×` and `÷`.
const LATIN_1_LETTERS: std::ops::RangeInclusive<char> = 'À'..='ÿ';

/// Upper-case Latin-1 letters `À`..=`Þ` (not `×`) lower-case by adding 0x20.
fn latin_1_upper(c: char) -> bool {
    ('À'..='Þ').contains(&c) && c != '×'
}

/// Upper and lower case of a letter, with the Latin-1 fast path.
fn letter_case(c: char) -> (bool, bool) {
    if c.is_ascii() {
        (c.is_ascii_uppercase(), c.is_ascii_lowercase())
    } else if LATIN_1_LETTERS.contains(&c) {
        let up = latin_1_upper(c);
        (up, !up && c != '×' && c != '÷')
    } else {
        (c.is_uppercase(), c.is_lowercase())
    }
}

/// Splits `text` into tokens, appending to `out` (cleared first). Texts over 4 GiB are not
/// supported by the 32-bit offsets; the caller scans them in pieces.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    tokenize_with::<false>(text, out, &mut FieldMarks::default());
}

/// What the fields pass reads of a text ([`super::fields::find_marked`]), gathered by the
/// tokenizer, which meets every byte of it as a line break or a punctuation token anyway: so
/// the fields pass needs no scan of its own over the text.
#[derive(Debug, Default)]
pub(crate) struct FieldMarks {
    /// Each line's end (its `\n`, or the text's end for the last line) and how many `|`, `;`
    /// and `,` it holds (at most `u16::MAX`), in order.
    pub lines: Vec<(u32, [u16; 3])>,
    /// The offset of every `:` and `=`, in order.
    pub seps: Vec<u32>,
}

/// What each byte is to the fields pass: 1, 2, 3 for the cell separators `|`, `;`, `,`
/// (their counter, plus one), 4 for `:` and `=`, 0 for the rest.
static FIELD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'|' as usize] = 1;
    t[b';' as usize] = 2;
    t[b',' as usize] = 3;
    t[b':' as usize] = 4;
    t[b'=' as usize] = 4;
    t
};

/// [`tokenize`], and what the fields pass reads of `text` into `marks` (cleared first).
pub(crate) fn tokenize_marked(text: &str, out: &mut Vec<Token>, marks: &mut FieldMarks) {
    tokenize_with::<true>(text, out, marks);
}

fn tokenize_with<const MARK: bool>(text: &str, out: &mut Vec<Token>, marks: &mut FieldMarks) {
    out.clear();
    marks.lines.clear();
    marks.seps.clear();
    // The current line's cell separators (see [`FieldMarks::lines`]).
    let mut cells = [0u16; 3];
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut newline = true;
    let mut glued = false;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII whitespace fast path.
        if b == b' ' || b == b'\t' || b == b'\r' {
            i += 1;
            glued = false;
            continue;
        }
        if b == b'\n' {
            if MARK {
                marks.lines.push((i as u32, std::mem::take(&mut cells)));
            }
            i += 1;
            newline = true;
            glued = false;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            text[i..].chars().next().unwrap_or('\u{FFFD}')
        };
        if !c.is_ascii() && c.is_whitespace() {
            i += c.len_utf8();
            if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                newline = true;
            }
            glued = false;
            continue;
        }
        let start = i;
        if is_letter(c) || c.is_ascii_digit() {
            let (end, letters, digits, upper, lower, first_upper) = scan_word(text, i);
            let kind = match (letters, digits) {
                (true, false) => Kind::Word,
                (false, true) => Kind::Num,
                _ => Kind::Alnum,
            };
            let case = if kind != Kind::Word {
                Case::Other
            } else if first_upper && lower == 0 && upper >= 2 {
                Case::Upper
            } else if first_upper && lower > 0 && (upper == 1 || mac_prefix(&text[start..end])) {
                Case::Title
            } else if upper == 0 {
                Case::Lower
            } else {
                Case::Other
            };
            out.push(Token {
                start: start as u32,
                end: end as u32,
                kind,
                case,
                newline_before: newline,
                glued,
                punct: '\0',
            });
            i = end;
        } else {
            // Every ASCII byte that is neither whitespace nor part of a word comes here,
            // and no other character holds one.
            if MARK {
                match FIELD_CLASS[usize::from(b)] {
                    0 => {}
                    4 => marks.seps.push(i as u32),
                    k => {
                        let n = &mut cells[usize::from(k - 1)];
                        *n = n.saturating_add(1);
                    }
                }
            }
            i += c.len_utf8();
            out.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Punct,
                case: Case::Other,
                newline_before: newline,
                glued,
                punct: c,
            });
        }
        newline = false;
        glued = true;
    }
    if MARK {
        marks.lines.push((bytes.len() as u32, cells));
    }
}

/// `McDonald`, `MacArthur`, `DeVito`, `LaToya`, `O'Neil`-style inner capitals; other mixed
/// case (`NaN`, `GitHub`, `iPhone`) is not a name shape.
fn mac_prefix(word: &str) -> bool {
    ["Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von"]
        .iter()
        .any(|p| word.starts_with(p))
        || word.contains('-')
        // O'Neil, D'Angelo, L'Europe
        || word.chars().nth(1).is_some_and(|c| c == '\'' || c == '’')
}

const LOWER_BIT: u8 = 1;
const UPPER_BIT: u8 = 2;
const DIGIT_BIT: u8 = 4;

/// What each byte is when it is an ASCII letter or digit; 0 for everything else (non-ASCII
/// bytes included).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER_BIT
        } else if c.is_ascii_uppercase() {
            UPPER_BIT
        } else if c.is_ascii_digit() {
            DIGIT_BIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The high bit of each byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// 1 in each byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The bytes of `w` (eight bytes, little-endian) that are ASCII lower-case letters, upper-case
/// letters and digits, each as a mask of [`HIGH_BITS`]. Per byte `x` below 0x80, `(x | 0x80) -
/// lo` keeps its high bit iff `x >= lo` and `(hi | 0x80) - x` iff `x <= hi`, with no borrow
/// between bytes; non-ASCII bytes are masked out.
#[inline]
fn ascii_classes(w: u64) -> (u64, u64, u64) {
    let ascii = !w & HIGH_BITS;
    let low7 = w & !HIGH_BITS;
    let within = |lo: u8, hi: u8| {
        let ge = (low7 | HIGH_BITS) - ONES * u64::from(lo);
        let le = ONES * u64::from(hi | 0x80) - low7;
        ge & le & ascii
    };
    (within(b'a', b'z'), within(b'A', b'Z'), within(b'0', b'9'))
}

/// The number of set bits of `x`, or 2 when there are more.
#[inline]
fn at_most_two(x: u64) -> u32 {
    u32::from(x != 0) + u32::from(x & x.wrapping_sub(1) != 0)
}

/// Scans one word from `at`: letters and digits, with an apostrophe or hyphen kept inside
/// when letters follow it. Returns the end and what the word holds: letters, digits, the
/// numbers of upper- and lower-case letters (exact up to two: only none, one and more
/// matter) and whether the first letter is upper case.
fn scan_word(text: &str, at: usize) -> (usize, bool, bool, u32, u32, bool) {
    let bytes = text.as_bytes();
    let mut i = at;
    let (mut letters, mut digits) = (false, false);
    let (mut upper, mut lower) = (0u32, 0u32);
    let mut first_upper = bytes[at].is_ascii_uppercase();
    // ASCII letters and digits, the bulk of most text, eight bytes at a time: a word's end
    // is found from bit masks instead of a loop whose exit, at an unpredictable length,
    // cost a mispredicted branch per word.
    let mut seen = 0u8;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let (lo, up, dg) = ascii_classes(w);
        let alnum = lo | up | dg;
        // Bytes before the first one that is no ASCII letter or digit.
        let run = (!alnum & HIGH_BITS).trailing_zeros() / 8;
        let keep = if run == 8 {
            HIGH_BITS
        } else {
            HIGH_BITS & ((1u64 << (run * 8)) - 1)
        };
        let (lo, up, dg) = (lo & keep, up & keep, dg & keep);
        // Counted up to two per word of bytes: the callers only tell none, one and more
        // apart, and a popcount is a dozen instructions on the baseline x86-64 target.
        lower += at_most_two(lo);
        upper += at_most_two(up);
        seen |= (u8::from(lo != 0) * LOWER_BIT)
            | (u8::from(up != 0) * UPPER_BIT)
            | (u8::from(dg != 0) * DIGIT_BIT);
        i += run as usize;
        if run < 8 {
            break;
        }
    }
    // The last bytes of the text, one at a time (the loop above stops when fewer than eight
    // are left or when it met the word's end, where this loop stops at once).
    while let Some(&b) = bytes.get(i) {
        let c = ASCII_CLASS[b as usize];
        if c == 0 {
            break;
        }
        lower += u32::from(c & LOWER_BIT);
        upper += u32::from((c & UPPER_BIT) >> 1);
        seen |= c;
        i += 1;
    }
    letters |= seen & (LOWER_BIT | UPPER_BIT) != 0;
    digits |= seen & DIGIT_BIT != 0;
    let mut first = i == at;
    // Most words end at a space or ASCII punctuation other than an apostrophe or hyphen: the
    // loop below would stop there too, after decoding and testing the character.
    if bytes
        .get(i)
        .is_none_or(|&b| b < 0x80 && b != b'\'' && b != b'-')
    {
        return (i, letters, digits, upper, lower, first_upper);
    }
    while i < bytes.len() {
        let b = bytes[i];
        let (c, n) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        if c.is_ascii_digit() {
            digits = true;
        } else if is_letter(c) {
            letters = true;
            let (up, lo) = letter_case(c);
            if up {
                upper += 1;
            } else if lo {
                lower += 1;
            }
            if first {
                first_upper = up;
            }
        } else if (c == '\'' || c == '’' || c == '-') && letters && !digits {
            // Keep `O'Brien`, `Hans-Peter`, `m'appelle` together; not `it's-` at the end.
            let next = text[i + n..].chars().next();
            // A French or Italian elision before a capital (`l'Espagne`, `dell'Italia`) ends
            // here: the capitalised word is a place or name of its own.
            if c != '-' && upper == 0 && i - at <= 4 && next.is_some_and(char::is_uppercase) {
                break;
            }
            if next.is_some_and(is_letter) {
                i += n;
                first = false;
                continue;
            }
            break;
        } else if c == '\u{AD}' || c == '\u{200D}' || c == '\u{301}' || c == '\u{308}' {
            // Soft hyphen, joiner and the combining accents of decomposed text stay inside.
        } else {
            break;
        }
        first = false;
        i += n;
    }
    (i, letters, digits, upper, lower, first_upper)
}

/// Appends the `m`th lower-cased word of a multi-word key (`key[..*n]` so far), with a space
/// before every word but the first; false when it would not fit.
pub(crate) fn push_key_word(key: &mut [u8], n: &mut usize, m: usize, low: &[u8]) -> bool {
    let extra = usize::from(m > 0);
    if *n + extra + low.len() > key.len() {
        return false;
    }
    if m > 0 {
        key[*n] = b' ';
        *n += 1;
    }
    key[*n..*n + low.len()].copy_from_slice(low);
    *n += low.len();
    true
}

/// Lower-cases `word` into `buf` (curly apostrophes become straight ones). `None` when it
/// does not fit: such words are not in any list.
pub(crate) fn lower_into<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let mut n = 0;
    if word.is_ascii() {
        if word.len() > buf.len() {
            return None;
        }
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        return Some(&buf[..word.len()]);
    }
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        if LATIN_1_LETTERS.contains(&c) {
            let l = if latin_1_upper(c) {
                char::from_u32(c as u32 + 0x20).unwrap_or(c)
            } else {
                c
            };
            if n + 2 > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + 2]);
            n += 2;
            continue;
        }
        for l in c.lower() {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    Some(&buf[..n])
}

/// Case-insensitive equality of a token's text with a lower-case word.
pub(crate) fn eq_lower(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    let mut buf = [0u8; 64];
    lower_into(word, &mut buf).is_some_and(|w| w == lower.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, Kind, Case)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter()
            .map(|t| (t.text(text), t.kind, t.case))
            .collect()
    }

    #[test]
    fn splits_unicode_words_and_keeps_inner_marks() {
        let t = words("Zoë O'Brien-Łukasz, 221B NW1 x—y ÉCOLE");
        assert_eq!(t[0], ("Zoë", Kind::Word, Case::Title));
        assert_eq!(t[1], ("O'Brien-Łukasz", Kind::Word, Case::Title));
        assert_eq!(t[2], (",", Kind::Punct, Case::Other));
        assert_eq!(t[3], ("221B", Kind::Alnum, Case::Other));
        assert_eq!(t[4], ("NW1", Kind::Alnum, Case::Other));
        assert_eq!(t[5].0, "x");
        assert_eq!(t[6].0, "—");
        assert_eq!(t[8], ("ÉCOLE", Kind::Word, Case::Upper));
    }

    #[test]
    fn lowercases_without_allocating() {
        let mut buf = [0u8; 64];
        assert_eq!(lower_into("MÜLLER", &mut buf), Some("müller".as_bytes()));
        assert!(eq_lower("Łukasz", "łukasz"));
        assert!(eq_lower("M’Bappé", "m'bappé"));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn elided_capitals_are_title_case() {
        let mut toks = Vec::new();
        let text = "rue De L'Europe, O'Neil McDonald NaN";
        tokenize(text, &mut toks);
        let cases: Vec<_> = toks.iter().map(|t| (t.text(text), t.case)).collect();
        assert_eq!(cases[2], ("L'Europe", Case::Title));
        assert_eq!(cases[4], ("O'Neil", Case::Title));
        assert_eq!(cases[5], ("McDonald", Case::Title));
        assert_eq!(cases[6], ("NaN", Case::Other));
    }
}

#[cfg(test)]
mod latin_1 {
    use super::*;

    /// The ranges [`is_letter`] answers without the Unicode tables hold no letter.
    #[test]
    fn punctuation_and_currency_hold_no_letter() {
        for c in PUNCTUATION.chain(CURRENCY) {
            assert!(!c.is_alphabetic(), "{c:?}");
            assert!(!is_letter(c), "{c:?}");
        }
    }

    /// The fast path agrees with the Unicode tables on every Latin-1 character.
    #[test]
    fn fast_path_matches_unicode() {
        for c in '\u{80}'..='\u{ff}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            if c.is_alphabetic() {
                assert_eq!(
                    letter_case(c),
                    (c.is_uppercase(), c.is_lowercase()),
                    "{c:?}"
                );
            }
            let mut buf = [0u8; 64];
            let s = c.to_string();
            let want: String = s.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(lower_into(&s, &mut buf), Some(want.as_bytes()), "{c:?}");
        }
    }
}

#[cfg(test)]
mod flags {
    use super::*;

    /// Line-break and glued flags, across ASCII and non-ASCII breaks and spaces, and token
    /// boundaries at non-ASCII punctuation: the detectors read lines and identifiers from them.
    #[test]
    fn line_breaks_and_glue() {
        let text = "Anna\nBöb  Cy.Dee\u{2028}Éva—x\u{a0}Zoë’s «Ł»\r\nend";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let got: Vec<_> = toks
            .iter()
            .map(|t| (t.text(text), t.newline_before, t.glued))
            .collect();
        assert_eq!(
            got,
            [
                ("Anna", true, false),
                ("Böb", true, false),
                ("Cy", false, false),
                (".", false, true),
                ("Dee", false, true),
                ("Éva", true, false),
                ("—", false, true),
                ("x", false, true),
                ("Zoë’s", false, false),
                ("«", false, false),
                ("Ł", false, true),
                ("»", false, true),
                ("end", true, false),
            ]
        );
        assert!(toks[6].is('—') && toks[9].is('«'));
        assert_eq!(toks[8].case, Case::Title);
    }
}

#[cfg(test)]
mod word_scan {
    use super::*;

    /// [`scan_word`] as it was before it read eight bytes at a time: the reference the fast
    /// path must agree with.
    pub(super) fn scan_word_bytewise(text: &str, at: usize) -> (usize, bool, bool, u32, u32, bool) {
        let bytes = text.as_bytes();
        let mut i = at;
        let (mut letters, mut digits) = (false, false);
        let (mut upper, mut lower) = (0u32, 0u32);
        let mut first_upper = bytes[at].is_ascii_uppercase();
        // ASCII letters and digits, the bulk of most text, without decoding characters and with
        // one table look-up and no branch but the loop's per byte.
        let mut seen = 0u8;
        while let Some(&b) = bytes.get(i) {
            let c = ASCII_CLASS[b as usize];
            if c == 0 {
                break;
            }
            lower += u32::from(c & LOWER_BIT);
            upper += u32::from((c & UPPER_BIT) >> 1);
            seen |= c;
            i += 1;
        }
        letters |= seen & (LOWER_BIT | UPPER_BIT) != 0;
        digits |= seen & DIGIT_BIT != 0;
        let mut first = i == at;
        // Most words end at a space or ASCII punctuation other than an apostrophe or hyphen: the
        // loop below would stop there too, after decoding and testing the character.
        if bytes
            .get(i)
            .is_none_or(|&b| b < 0x80 && b != b'\'' && b != b'-')
        {
            return (i, letters, digits, upper, lower, first_upper);
        }
        while i < bytes.len() {
            let b = bytes[i];
            let (c, n) = if b < 0x80 {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            if c.is_ascii_digit() {
                digits = true;
            } else if is_letter(c) {
                letters = true;
                let (up, lo) = letter_case(c);
                if up {
                    upper += 1;
                } else if lo {
                    lower += 1;
                }
                if first {
                    first_upper = up;
                }
            } else if (c == '\'' || c == '’' || c == '-') && letters && !digits {
                // Keep `O'Brien`, `Hans-Peter`, `m'appelle` together; not `it's-` at the end.
                let next = text[i + n..].chars().next();
                // A French or Italian elision before a capital (`l'Espagne`, `dell'Italia`) ends
                // here: the capitalised word is a place or name of its own.
                if c != '-' && upper == 0 && i - at <= 4 && next.is_some_and(char::is_uppercase) {
                    break;
                }
                if next.is_some_and(is_letter) {
                    i += n;
                    first = false;
                    continue;
                }
                break;
            } else if c == '\u{AD}' || c == '\u{200D}' || c == '\u{301}' || c == '\u{308}' {
                // Soft hyphen, joiner and the combining accents of decomposed text stay inside.
            } else {
                break;
            }
            first = false;
            i += n;
        }
        (i, letters, digits, upper, lower, first_upper)
    }

    /// The eight-byte scan agrees with the byte loop at every start of a word, at every
    /// length and alignment, across ASCII, non-ASCII and punctuation, and at the text's end.
    #[test]
    fn eight_bytes_at_a_time_match_the_byte_loop() {
        let mut texts: Vec<String> = vec![
            "Zoë O'Brien-Łukasz, 221B NW1 x—y ÉCOLE McDonald abcdefghijklmnopqrstuvwxyz".into(),
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 aZ9@[`{/:0 l'Espagne dell'Italia it's-".into(),
            "Straße\u{AD}nname Jose\u{301} x\u{200D}y HELLO_world foo.bar baz\\tqux".into(),
        ];
        // Every ASCII byte and some non-ASCII characters at every position of a long word.
        let mut all = String::new();
        for b in 0x20u8..0x7f {
            all.push_str("abcdEFGH12");
            all.push(b as char);
            all.push_str("Wxyz");
        }
        for c in ['é', 'Ł', '’', '×', '\u{a0}', '日'] {
            all.push_str("abcdefg");
            all.push(c);
            all.push_str("hijklmnopq");
        }
        texts.push(all);
        // Pseudo-random mixes (a fixed linear congruential sequence).
        let alphabet: Vec<char> = "aZ09 '-.,éÜ’\n_".chars().collect();
        let mut x = 12345u64;
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..40 {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push(alphabet[(x >> 33) as usize % alphabet.len()]);
            }
            texts.push(t);
        }
        for text in &texts {
            for (at, c) in text.char_indices() {
                if is_letter(c) || c.is_ascii_digit() {
                    // Case counts are exact up to two.
                    let two = |(e, l, d, up, lo, f): (usize, bool, bool, u32, u32, bool)| {
                        (e, l, d, up.min(2), lo.min(2), f)
                    };
                    assert_eq!(
                        two(scan_word(text, at)),
                        two(scan_word_bytewise(text, at)),
                        "{text:?} at {at}"
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod word_scan_timing {
    use super::word_scan::scan_word_bytewise;
    use super::*;

    /// What [`scan_word`] returns.
    type Word = (usize, bool, bool, u32, u32, bool);

    /// Same-process timing of the word scan against the byte loop it replaced, over
    /// `NAMES_TIMING_FILE`: `cargo test --release --lib word_scan_timing -- --ignored
    /// --nocapture`.
    #[test]
    #[ignore]
    fn eight_bytes_against_the_byte_loop() {
        let Ok(text) = std::env::var("NAMES_TIMING_FILE").map(std::fs::read_to_string) else {
            return;
        };
        let text = text.expect("NAMES_TIMING_FILE is readable");
        let starts: Vec<usize> = {
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            toks.iter()
                .filter(|t| t.kind != Kind::Punct)
                .map(|t| t.start as usize)
                .collect()
        };
        let time = |f: &dyn Fn(&str, usize) -> Word| {
            let t = std::time::Instant::now();
            let mut sum = 0usize;
            for &s in &starts {
                sum += f(&text, s).0;
            }
            std::hint::black_box(sum);
            t.elapsed().as_secs_f64()
        };
        let mut ratios = Vec::new();
        for round in 0..31 {
            let (a, b) = if round % 2 == 0 {
                let a = time(&|t, s| scan_word(t, s));
                (a, time(&|t, s| scan_word_bytewise(t, s)))
            } else {
                let b = time(&|t, s| scan_word_bytewise(t, s));
                (time(&|t, s| scan_word(t, s)), b)
            };
            ratios.push(b / a);
        }
        ratios.sort_by(f64::total_cmp);
        eprintln!(
            "{} words: byte loop / eight bytes, median of 31: {:.2}",
            starts.len(),
            ratios[15]
        );
    }
}
