//! The folded view: the text as the rules read it, with a map back to the text as typed.
//!
//! Every pattern is ASCII (see ARCHITECTURE.md), so a card number whose groups are separated
//! by NO-BREAK SPACEs, an SSN with Word's NON-BREAKING HYPHEN or a phone typed in fullwidth
//! digits on a CJK keyboard never matches. The fold rewrites those characters into what the
//! patterns expect, one character (or one escape) at a time:
//!
//! - Unicode spaces (`Zs`) and tab → `' '`; dashes (`Pd` used as separators, MINUS SIGN) → `-`;
//! - invisible format characters (SOFT HYPHEN, ZERO WIDTH SPACE, WORD JOINER, BOM, bidi marks)
//!   → removed; ZWNJ/ZWJ only between ASCII characters (in Indic and Persian words they spell);
//!   a zero width space or word joiner between a lower-case letter and a capital in a word of
//!   letters (`Jane\u{200B}Doe`) → `' '`;
//! - a number typed with a space between every digit (`0 7 8 0 0 9 0 0 1 2 3`) → joined;
//!   an address's ` . ` and ` @ ` (`jane . doe @ gmail . com`) → `.` and `@`;
//! - quoted-printable mail (`J=C3=BCrgen`, `=40` and soft line breaks where the text is
//!   quoted-printable) and RFC 2047 encoded-words (`=?UTF-8?Q?…?=`) → decoded;
//! - every Unicode decimal digit (`Nd`) → its ASCII digit; fullwidth ASCII forms, Latin
//!   ligatures (`ﬁ`, a PDF copy) and mathematical letters (`𝐣𝐚𝐧𝐞`) → ASCII;
//! - HTML character references (`&#64;`, `&#x40;`, a few named ones such as `&commat;`,
//!   `&nbsp;`, `&amp;`) and `\u0040`, `\u{40}`, `\x40` escapes → the character (then folded);
//! - a letter typed or copied decomposed (NFD: an ASCII letter and a combining mark, as macOS
//!   and some PDFs hand text over) → the precomposed letter (`c` + U+0327 → `ç`);
//! - a line break between digit groups of a grouped number (`4111 1111\n1111 1111`, a PDF
//!   copy), with or without a hyphen before it → the number's own separator.
//!
//! Other letters stay as they are: the names pass needs them.
//! [`fold_url_part`] adds percent-decoding (and `+` as a space in a query) for the parts of a
//! URL that the engine scans inside it.
//!
//! The map records only the units whose length changed; between them the folded text is a
//! copy of the original, shifted. A finding `start..end` of the folded text maps to the
//! original span from the first character that produced `start` to the last that produced
//! `end - 1`: characters removed inside a value belong to it, those at its edges do not.
//! Text that needs no folding (most ASCII text) is borrowed, not copied, and the check is one
//! pass over the bytes with a table lookup each.

use crate::rules::contact;
use std::borrow::Cow;

/// A folded text and its map back to the original.
#[derive(Debug)]
pub(crate) struct Folded<'t> {
    text: Cow<'t, str>,
    /// Units whose folded length differs from their original length, in text order.
    edits: Vec<Edit>,
    /// Original offsets of the line breaks inside grouped numbers (`4111 1111\n1111 1111`):
    /// joined by [`fold_wrapped`], only recorded by [`fold`].
    wraps: Vec<usize>,
}

/// One folded unit of a different length than its original: `orig..orig + orig_len` became
/// `folded..folded + folded_len` (empty for a removed character).
#[derive(Debug, Clone, Copy)]
struct Edit {
    folded: usize,
    folded_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Edit {
    fn folded_end(&self) -> usize {
        self.folded + self.folded_len
    }
    fn orig_end(&self) -> usize {
        self.orig + self.orig_len
    }
}

impl Folded<'_> {
    /// The folded text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Original offsets of the `\n` of each line break inside a grouped number.
    pub(crate) fn wraps(&self) -> &[usize] {
        &self.wraps
    }

    /// True when the folded text is the original (nothing was rewritten).
    pub(crate) fn is_identity(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The original offset of the character that produced folded byte `at` (the original's
    /// length when `at` is the end).
    pub(crate) fn start(&self, at: usize) -> usize {
        // Edits ending at or before `at`: removed characters right before `at` are skipped.
        let i = self.edits.partition_point(|e| e.folded_end() <= at);
        if let Some(e) = self.edits.get(i).filter(|e| e.folded <= at) {
            return e.orig;
        }
        self.shifted(i, at)
    }

    /// The original offset just past the character that produced folded byte `at - 1`.
    pub(crate) fn end(&self, at: usize) -> usize {
        let Some(last) = at.checked_sub(1) else {
            return 0;
        };
        // Characters removed right after the value are not part of it.
        let i = self.edits.partition_point(|e| e.folded_end() <= last);
        if let Some(e) = self.edits.get(i).filter(|e| e.folded <= last) {
            return e.orig_end();
        }
        self.shifted(i, last) + 1
    }

    /// Original offset of a copied folded byte, given the number of edits before it.
    fn shifted(&self, before: usize, at: usize) -> usize {
        match before.checked_sub(1).map(|k| self.edits[k]) {
            Some(e) => e.orig_end() + (at - e.folded_end()),
            None => at,
        }
    }
}

/// Folds `text` for the pattern and names passes. Line breaks inside grouped numbers are
/// recorded ([`Folded::wraps`]), not joined: joining them here would glue a number at the
/// end of one line to the next line's (`2024-01-15\n536-22-1234`); the engine scans a window
/// around each one with [`fold_wrapped`] instead.
pub(crate) fn fold(text: &str) -> Folded<'_> {
    Folder::new(text, Mode::TEXT).run()
}

/// [`fold`], with every line break inside a grouped number joined: `4111 1111\n1111 1111`
/// reads `4111 1111 1111 1111`, `078-05-\n1121` reads `078-05-1121`.
pub(crate) fn fold_wrapped(text: &str) -> Folded<'_> {
    Folder::new(
        text,
        Mode {
            wraps: Wraps::Join,
            ..Mode::TEXT
        },
    )
    .run()
}

/// Folds one part of a URL: as [`fold`], plus percent-decoding, and `+` as a space when the
/// part is in the query (`application/x-www-form-urlencoded`).
pub(crate) fn fold_url_part(text: &str, query: bool) -> Folded<'_> {
    Folder::new(
        text,
        Mode {
            percent: Percent::All,
            plus_space: query,
            wraps: Wraps::Off,
        },
    )
    .run()
}

/// The folded view of `text` that [`crate::Engine::scan`] runs its rules on: Unicode spaces
/// and dashes as ASCII, invisible format characters left out, every decimal digit and
/// fullwidth form as ASCII, HTML references and `\u` escapes decoded, wrapped number groups
/// joined (see `docs/pasted-text.md`). Borrowed when nothing needed folding.
///
/// ```
/// assert_eq!(pii_airlock::fold_text("４１１１\u{A0}1111\u{AD}"), "4111 1111");
/// assert!(matches!(pii_airlock::fold_text("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn fold_text(value: &str) -> Cow<'_, str> {
    fold(value).text
}

#[derive(Clone, Copy)]
struct Mode {
    percent: Percent,
    plus_space: bool,
    wraps: Wraps,
}

/// Which percent escapes (`%40`) to decode.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Percent {
    /// Every one: a URL's parts.
    All,
    /// Runs of escapes between two ASCII letters or digits (`jane%40example.com`,
    /// `4111%201111`, `(202)%20555`): a URL-encoded value pasted outside its URL. `50% off`
    /// and `100%` stay.
    InWord,
}

/// What to do with a line break inside a grouped number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wraps {
    Off,
    Record,
    Join,
}

impl Mode {
    const TEXT: Mode = Mode {
        percent: Percent::InWord,
        plus_space: false,
        wraps: Wraps::Record,
    };

    /// The index of the first byte of `word` (eight bytes, little-endian) that may start a
    /// unit to fold, if any. SWAR: a byte equal to `b` is a zero byte of `word ^ (b * 0x01…)`;
    /// the lowest flagged byte is exact (a borrow only flags bytes above a true match).
    fn first_trigger(self, word: u64) -> Option<usize> {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        let eq = |b: u8| {
            let x = word ^ (LO * u64::from(b));
            x.wrapping_sub(LO) & !x & HI
        };
        let mut flags = word & HI
            | eq(b'\t')
            | eq(b'\n')
            | eq(b'&')
            | eq(b'\\')
            | eq(b'%')
            | eq(b'[')
            | eq(b'(')
            | eq(b'{')
            | eq(b'@')
            | eq(b'=');
        if !crate::FIRST_MODULE {
            flags |= eq(b'<') | eq(b'*');
        }
        if self.plus_space {
            flags |= eq(b'+');
        }
        (flags != 0).then(|| flags.trailing_zeros() as usize / 8)
    }
}

/// Bytes that may start a unit to fold: every non-ASCII byte, tab, a line break (a wrapped
/// number), `&` (a character reference), `\` (an escape), `%` (an escape), `+` (a space in a
/// URL's query), `[`, `(`, `{` (a spelt-out `[at]`), `@` (an address typed with spaces
/// around its `@`), `=` (quoted-printable mail), `<` (an inline tag) and `*` (Markdown's
/// emphasis).
const fn triggers() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0x80;
    while b < 256 {
        t[b] = true;
        b += 1;
    }
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'&' as usize] = true;
    t[b'[' as usize] = true;
    t[b'(' as usize] = true;
    t[b'{' as usize] = true;
    t[b'@' as usize] = true;
    t[b'\\' as usize] = true;
    t[b'%' as usize] = true;
    t[b'+' as usize] = true;
    t[b'=' as usize] = true;
    t[b'<' as usize] = true;
    t[b'*' as usize] = true;
    t
}
static TRIGGERS: [bool; 256] = triggers();

/// What one unit becomes.
enum Unit {
    Keep,
    Char(char),
    /// A ligature's letters.
    Str(&'static str),
    /// A decoded MIME encoded-word's text.
    Owned(String),
    Remove,
}

struct Folder<'t> {
    text: &'t str,
    mode: Mode,
    out: Option<String>,
    edits: Vec<Edit>,
    wraps: Vec<usize>,
    /// Original bytes before this are in `out` (or need no copy while `out` is `None`).
    copied: usize,
    /// Original bytes before this have been read for [`Folder::in_url`].
    url_scan: usize,
    /// Whether the whitespace-free run of text at `url_scan` holds a `://`.
    url_run: bool,
    /// Whether the text is quoted-printable mail ([`is_quoted_printable`]), once asked.
    qp: Option<bool>,
    /// Numbers typed with a space between every digit, still to fold: `(start, end)` of the
    /// original, in text order ([`spaced_digit_runs`]).
    spaced: Vec<(usize, usize)>,
}

impl<'t> Folder<'t> {
    fn new(text: &'t str, mode: Mode) -> Self {
        Folder {
            text,
            mode,
            out: None,
            edits: Vec::new(),
            wraps: Vec::new(),
            copied: 0,
            url_scan: 0,
            url_run: false,
            qp: None,
            spaced: Vec::new(),
        }
    }

    fn run(mut self) -> Folded<'t> {
        let bytes = self.text.as_bytes();
        // The first module leaves numbers typed with a space between every digit to the full
        // module (1.0 KB gzip; docs/pasted-text.md says what that changes).
        if self.mode.percent == Percent::InWord
            && !cfg!(all(target_arch = "wasm32", feature = "scanner"))
        {
            self.spaced = spaced_digit_runs(bytes);
            self.spaced.reverse();
        }
        // Where the next spaced-out number starts: the skips below stop there.
        let mut next_run = self.spaced.last().map_or(usize::MAX, |r| r.0);
        let mut i = 0;
        while i < bytes.len() {
            if i >= next_run {
                i = self.spaced_digits(i);
                next_run = self.spaced.last().map_or(usize::MAX, |r| r.0);
                continue;
            }
            let b = bytes[i];
            if !TRIGGERS[usize::from(b)] {
                i += 1;
                // Most text has nothing to fold for many bytes in a row: skip eight at a time,
                // or straight to the first byte that may start a unit.
                while let Some(chunk) = bytes.get(i..i + 8) {
                    let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
                    match self.mode.first_trigger(word) {
                        None => i += 8,
                        Some(k) => {
                            i += k;
                            break;
                        }
                    }
                }
                i = i.min(next_run);
                continue;
            }
            i = match b {
                b'\t' => self.emit(i, 1, Unit::Char(' ')),
                b'\n' => self.line_break(i),
                b'&' => self.reference(i),
                b'[' | b'(' | b'{' => self.spelled_symbol(i),
                b'@' => self.spaced_at(i),
                // The first module leaves markup and values escaped twice to the full module
                // (round 17; docs/pasted-text.md says what that changes).
                b'<' | b'*' if crate::FIRST_MODULE => i + 1,
                b'<' => self.inline_tag(i),
                b'*' => self.emphasis(i),
                b'\\' => self.escape(i),
                b'%' if self.mode.percent == Percent::All => self.percent(i),
                b'%' => self.percent_in_word(i),
                b'+' if self.mode.plus_space => self.emit(i, 1, Unit::Char(' ')),
                b'+' => i + 1,
                // The first module leaves quoted-printable mail and encoded-words to the full
                // module (1.4 KB gzip; docs/pasted-text.md says what that changes).
                #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
                b'=' if self.mode.percent == Percent::InWord => self.quoted_printable(i),
                b'=' => i + 1,
                // Combining diacritical marks (U+0300–U+036F): a decomposed letter (NFD, as
                // macOS and some PDFs hand text over) is composed with its base.
                0xCC | 0xCD => self.combining(i),
                // Letters with nothing to fold among them, told by the lead byte alone:
                // U+00C0–U+05FF (Latin, Greek, Cyrillic, Armenian, Hebrew) and U+4000–U+9FFF
                // (CJK ideographs).
                0xC3..=0xD7 => i + 2,
                0xE4..=0xE9 => i + 3,
                _ => self.non_ascii(i),
            };
        }
        match self.out {
            None => Folded {
                text: Cow::Borrowed(self.text),
                edits: Vec::new(),
                wraps: self.wraps,
            },
            Some(mut out) => {
                out.push_str(&self.text[self.copied..]);
                Folded {
                    text: Cow::Owned(out),
                    edits: self.edits,
                    wraps: self.wraps,
                }
            }
        }
    }

    /// Replaces `len` original bytes at `at` with `unit`; returns where to continue.
    fn emit(&mut self, at: usize, len: usize, unit: Unit) -> usize {
        if matches!(unit, Unit::Keep) {
            return at + len;
        }
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.text.len()));
        out.push_str(&self.text[self.copied..at]);
        let folded = out.len();
        // A ligature's letters may take as many bytes as the ligature (`ﬃ` and `ffi`), but
        // they are one character: without an edit, a span could end inside it.
        let several = matches!(unit, Unit::Str(_) | Unit::Owned(_));
        match unit {
            Unit::Char(c) => out.push(c),
            Unit::Str(s) => out.push_str(s),
            Unit::Owned(s) => out.push_str(&s),
            Unit::Keep | Unit::Remove => {}
        }
        let folded_len = out.len() - folded;
        if folded_len != len || several {
            self.edits.push(Edit {
                folded,
                folded_len,
                orig: at,
                orig_len: len,
            });
        }
        self.copied = at + len;
        at + len
    }

    fn non_ascii(&mut self, at: usize) -> usize {
        let Some(c) = self.text[at..].chars().next() else {
            return at + 1;
        };
        let len = c.len_utf8();
        let unit = match c {
            // An ideographic full stop typed for the dot of a domain (`example。com`, a CJK
            // keyboard): a dot between ASCII letters or digits; ending a sentence it stays.
            // Between digits: a Japanese input method's prolonged sound mark typed for a
            // hyphen (`090ー1234ー5678`), and middle dots grouping a number
            // (`4111·1111·1111·1111`). In words they are letters' business and stay.
            '\u{30FC}' | '\u{B7}' | '\u{30FB}' | '\u{2219}' | '\u{22C5}' => {
                let digit = |c: Option<char>| {
                    c.is_some_and(|c| c.is_ascii_digit() || decimal_digit(u32::from(c)).is_some())
                };
                let before = self.text[..at].chars().next_back();
                let after = self.text[at + len..].chars().next();
                match (digit(before) && digit(after), c) {
                    (true, '\u{30FC}') => Unit::Char('-'),
                    (true, _) => Unit::Char(' '),
                    (false, _) => Unit::Keep,
                }
            }
            // A dot leader or small full stop for the dot of an address: as `。` below.
            '\u{2024}' | '\u{FE52}' | '\u{3002}' | '\u{FF61}' | '\u{FE12}' => {
                let before = self.text[..at].bytes().next_back();
                let after = self.text.as_bytes().get(at + len).copied();
                if before.is_some_and(|b| b.is_ascii_alphanumeric())
                    && after.is_some_and(|b| b.is_ascii_alphanumeric())
                {
                    Unit::Char('.')
                } else {
                    Unit::Keep
                }
            }
            // Word's smart quotes typed for minutes and seconds (`40°44’54”N`: AutoCorrect
            // turns `'` and `"` after a digit into closing quotes); after a digit they are the
            // primes, elsewhere quotes, and stay.
            '\u{2019}' | '\u{201D}' => {
                let digit = self.text[..at]
                    .bytes()
                    .next_back()
                    .is_some_and(|b| b.is_ascii_digit());
                match (digit, c) {
                    (true, '\u{2019}') => Unit::Char('\''),
                    (true, _) => Unit::Char('"'),
                    (false, _) => Unit::Keep,
                }
            }
            '\u{200C}' | '\u{200D}' => {
                // Joiners spell Indic and Persian words and emoji sequences; between ASCII
                // characters (inside a number or an address) they are only in the way.
                let before = self.text[..at].chars().next_back();
                let after = self.text[at + len..].chars().next();
                let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii() && !c.is_control());
                if ascii(before) && ascii(after) {
                    self.invisible_break(at, len)
                } else {
                    Unit::Keep
                }
            }
            '\u{200B}' | '\u{2060}' => self.invisible_break(at, len),
            _ => fold_char(c),
        };
        self.emit(at, len, unit)
    }

    /// A ZERO WIDTH SPACE, WORD JOINER or (between ASCII letters) ZWNJ/ZWJ: removed inside a
    /// word (`J\u{200B}ane`, an obfuscation, or a number's digits), but a space between a
    /// lower-case and a capital letter in a word of letters only (`Jane\u{200B}Doe`): the
    /// writer meant two words there, and the names pass reads words. A token holding an `@`, a
    /// digit, a path or a domain's dot (`jane\u{200B}Doe@example.com`, `getName\u{200B}Value.x`)
    /// keeps the character removed, so an address or identifier stays whole.
    fn invisible_break(&self, at: usize, len: usize) -> Unit {
        let before = self.text[..at].chars().next_back();
        let after = self.text[at + len..].chars().next();
        let camel = before.is_some_and(char::is_lowercase) && after.is_some_and(char::is_uppercase);
        if camel && letters_only_token(self.text.as_bytes(), at, at + len) {
            Unit::Char(' ')
        } else {
            Unit::Remove
        }
    }

    /// `=C3=BC` (UTF-8 bytes of quoted-printable mail: always decoded, no other text writes
    /// them), and in text that is quoted-printable ([`is_quoted_printable`]) also `=40`,
    /// `=3D`, a Latin-1 letter `=FC` and the soft line break `=⏎` that splits a long line (and
    /// an address or IBAN on it). `=?UTF-8?Q?…?=` is an encoded-word ([`Folder::encoded_word`]).
    /// `a=3D5` in code, `x==y` and base64 padding stay as typed.
    fn quoted_printable(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        if bytes.get(at + 1) == Some(&b'?') {
            return self.encoded_word(at);
        }
        if let Some((c, len)) = qp_utf8(bytes, at) {
            return self.decoded(at, len, c);
        }
        if !*self.qp.get_or_insert_with(|| is_quoted_printable(bytes)) {
            return at + 1;
        }
        let mut k = at + 1;
        while matches!(bytes.get(k), Some(b' ' | b'\t')) {
            k += 1;
        }
        if bytes.get(k) == Some(&b'\r') {
            k += 1;
        }
        if bytes.get(k) == Some(&b'\n') {
            return self.emit(at, k + 1 - at, Unit::Remove);
        }
        match qp_byte(bytes, at) {
            Some(v @ 0x20..=0x7E) => self.decoded(at, 3, char::from(v)),
            // Not part of a UTF-8 sequence: a Latin-1 letter (`J=FCrgen`, charset ISO-8859-1).
            Some(v @ 0xC0..=0xFF) if v != 0xD7 && v != 0xF7 => self.decoded(at, 3, char::from(v)),
            _ => at + 1,
        }
    }

    /// An RFC 2047 encoded-word, `=?charset?Q?J=C3=BCrgen_M=C3=BCller?=` or
    /// `=?charset?B?SsO8cmdlbg==?=` (a mail header's display name or subject, pasted raw):
    /// its decoded text, for the whole word (a value found inside maps to the whole word).
    /// Charsets UTF-8, US-ASCII, ISO-8859-1 and -15, Windows-1252 (Latin letters read as
    /// Latin-1). The white space between two adjacent encoded-words is no part of the text
    /// (RFC 2047, 6.2) and goes too.
    fn encoded_word(&mut self, at: usize) -> usize {
        let Some((decoded, len)) = decode_encoded_word(&self.text[at..]) else {
            return at + 1;
        };
        let end = self.emit(at, len, Unit::Owned(decoded));
        let bytes = self.text.as_bytes();
        let gap = bytes[end..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        if gap > 0 && decode_encoded_word(&self.text[end + gap..]).is_some() {
            return self.emit(end, gap, Unit::Remove);
        }
        end
    }

    /// The spaced-out number starting at or before `at` (the next of [`Folder::spaced`]):
    /// its spaces removed and ` - ` as `-` (`5 5 5 - 1 2 3 - 4 5 6 7` reads `555-123-4567`).
    /// Returns where to continue.
    fn spaced_digits(&mut self, at: usize) -> usize {
        let Some((start, end)) = self.spaced.pop() else {
            return at + 1;
        };
        // A unit folded already reached into the run (it cannot: the run is ASCII digits,
        // letters, spaces and dashes, which start no unit); then leave it as typed.
        if start < self.copied {
            return at.max(end);
        }
        let bytes = self.text.as_bytes();
        let mut k = start;
        while k < end {
            if bytes[k] != b' ' && bytes[k] != b'-' {
                k += 1;
                continue;
            }
            let sep = k;
            while k < end && (bytes[k] == b' ' || bytes[k] == b'-') {
                k += 1;
            }
            let unit = if bytes[sep..k].contains(&b'-') {
                Unit::Char('-')
            } else {
                Unit::Remove
            };
            if k - sep > 1 || matches!(unit, Unit::Remove) {
                self.emit(sep, k - sep, unit);
            }
        }
        end
    }

    /// `c` + U+0327 → `ç`: a letter typed or copied decomposed (`François` in NFD) is read as
    /// its precomposed form, which the name lists and context words hold. Only an ASCII base
    /// still to be copied is composed; other marks stay.
    fn combining(&mut self, at: usize) -> usize {
        let Some(mark) = self.text[at..].chars().next() else {
            return at + 1;
        };
        let len = mark.len_utf8();
        let base = self.text.as_bytes()[..at].last().copied();
        match base.filter(|b| b.is_ascii_alphabetic() && at > self.copied) {
            Some(b) => match compose(char::from(b), mark) {
                Some(c) => self.emit(at - 1, 1 + len, Unit::Char(c)),
                None => at + len,
            },
            None => at + len,
        }
    }

    /// `&#64;`, `&#x40;`, `&commat;`: the character it stands for, folded in turn. A
    /// reference escaped twice (`&amp;#64;`, `&amp;nbsp;`: HTML put through an escaper again,
    /// a feed's or a template's double escaping) is the character too.
    fn reference(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let twice = !crate::FIRST_MODULE
            && bytes[at + 1..].starts_with(b"amp;")
            && bytes
                .get(at + 5)
                .is_some_and(|&b| b == b'#' || b.is_ascii_alphabetic());
        let skip = if twice { 5 } else { 1 };
        let rest = &bytes[at + skip..];
        let (c, len) = if rest.first() == Some(&b'#') {
            let (hex, digits) = match rest.get(1) {
                Some(b'x' | b'X') => (true, &rest[2..]),
                _ => (false, &rest[1..]),
            };
            let radix = if hex { 16 } else { 10 };
            let n = digits
                .iter()
                .take(7)
                .take_while(|b| char::from(**b).is_digit(radix))
                .count();
            if n == 0 {
                return at + 1;
            }
            let value = std::str::from_utf8(&digits[..n])
                .ok()
                .and_then(|s| u32::from_str_radix(s, radix).ok())
                .and_then(char::from_u32);
            let semi = usize::from(digits.get(n) == Some(&b';'));
            let len = skip + 1 + usize::from(hex) + n + semi;
            match value {
                Some(c) => (c, len),
                None => return at + 1,
            }
        } else {
            let n = rest
                .iter()
                .take(16)
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            if rest.get(n) != Some(&b';') {
                return at + 1;
            }
            let name = std::str::from_utf8(&rest[..n]).unwrap_or("");
            match named_reference(name) {
                Some(c) => (c, skip + n + 1),
                None => return at + 1,
            }
        };
        self.decoded(at, len, c)
    }

    /// `jane [at] example [dot] com`, `jane(at)example.com`, `jane[@]example[.]com`: an address
    /// spelt out against harvesters (or defanged) is still the address. `[at]`, `(at)`,
    /// `{at}`, `[@]` → `@` and the same with `dot` or `.` → `.`, any case, with one space on
    /// either side taken in, between two letters or digits.
    fn spelled_symbol(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let close = match bytes[at] {
            b'[' => b']',
            b'(' => b')',
            _ => b'}',
        };
        let word = |w: &[u8]| {
            bytes
                .get(at + 1..at + 1 + w.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(w))
                && bytes.get(at + 1 + w.len()) == Some(&close)
        };
        let (c, len) = if word(b"at") {
            ('@', 4)
        } else if word(b"dot") {
            ('.', 5)
        } else if word(b"@") {
            // Defanged, as security write-ups and some signatures write it: `jane[@]x[.]com`.
            ('@', 3)
        } else if word(b".") {
            ('.', 3)
        } else {
            return at + 1;
        };
        let alnum = |k: Option<usize>| {
            k.and_then(|k| bytes.get(k))
                .is_some_and(u8::is_ascii_alphanumeric)
        };
        // One space before it joins the unit when it is still to be copied (a folded NO-BREAK
        // SPACE before it has been emitted already: then it stays, and so does the symbol).
        let spaced_before = at > self.copied && bytes[at - 1] == b' ';
        let start = at - usize::from(spaced_before);
        let mut end = at + len;
        if bytes.get(end) == Some(&b' ') {
            end += 1;
        }
        if !alnum(start.checked_sub(1)) || !alnum(Some(end)) {
            return at + 1;
        }
        self.emit(start, end - start, Unit::Char(c))
    }

    /// `jane @ example.com`, `jane@ example.com`: a phone keyboard's automatic space, or a
    /// habit against harvesters. The space after the `@` and one before it are taken in when
    /// a local part stands before it and a domain with a top-level label after it (`meet @
    /// 5pm`, `ping @ alice` and the mention `cc @jane.doe` stay as typed).
    ///
    /// `jane . doe @ gmail . com`: dots typed with a space on either side as well, in the
    /// local part or the domain (with or without spaces around the `@`), are taken in when the
    /// address ends in a common top-level domain written in lower case (`contact`'s list of
    /// spelt-out ones): `there @ noon . Then` and `I'm @ work . it was` stay.
    fn spaced_at(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        // A space folded from a NO-BREAK SPACE has been emitted already: then it stays.
        let before = at > self.copied && bytes[at - 1] == b' ';
        let after = bytes.get(at + 1) == Some(&b' ');
        // A space before only (`cc @jane.doe`) is a mention, not an address.
        if before && !after {
            return at + 1;
        }
        let start = at - usize::from(before);
        let end = at + 1 + usize::from(after);
        let Some((local_start, mut dots)) = spaced_local_part(&bytes[..start]) else {
            return at + 1;
        };
        let domain = spaced_domain(&bytes[end..]);
        let spaced_dots = !dots.is_empty() || domain.as_ref().is_some_and(|d| !d.1.is_empty());
        if spaced_dots {
            let tld_ok = domain.as_ref().is_some_and(|(stop, _, tld)| {
                let tld = &bytes[end + tld.0..end + tld.1];
                // `I'm @ work . it was`: a top-level domain that is also an English word,
                // with the sentence going on in lower case after it, is that word.
                let word = [&b"at"[..], b"be", b"in", b"it", b"me", b"us"].contains(&tld);
                let prose = bytes
                    .get(end + stop..end + stop + 2)
                    .is_some_and(|w| w[0] == b' ' && w[1].is_ascii_lowercase());
                contact::SPELT_TLDS.iter().any(|t| t.as_bytes() == tld) && !(word && prose)
            });
            // The local part stands alone (not `m` of `I'm`) and is no pronoun (`me @ home`).
            let alone = local_start == 0
                || matches!(
                    bytes[local_start - 1],
                    b' ' | b'\t' | b'\n' | b'<' | b'(' | b'[' | b':' | b',' | b';' | b'"'
                );
            let local = &bytes[local_start..start];
            let pronoun = contact::NOT_LOCAL
                .iter()
                .any(|w| local.eq_ignore_ascii_case(w.as_bytes()));
            // Every unit from the local part's first ` . ` on is still to be copied.
            if !tld_ok || !alone || pronoun || local_start < self.copied {
                return at + 1;
            }
        } else if !after || domain.is_none() {
            return at + 1;
        }
        for d in dots.drain(..).rev() {
            self.emit(d, 3, Unit::Char('.'));
        }
        let mut next = at + 1;
        if before || after {
            next = self.emit(start, end - start, Unit::Char('@'));
        }
        if let Some((_, domain_dots, _)) = domain {
            for d in domain_dots {
                next = self.emit(end + d, 3, Unit::Char('.'));
            }
        }
        next
    }

    /// `<b>4111</b> 1111 1111 1111`, `jane.doe@e<wbr>xample.com`: an inline formatting tag
    /// without attributes, as HTML source or a rich-text editor's markup pasted raw puts it
    /// inside a value, renders as nothing and is no part of the text it formats: removed
    /// where it stands inside a value ([`Folder::inside_value`]; `<wbr>` anywhere). An
    /// element's whole text (`<strong>Jane Doe</strong>`) keeps its tags: the names pass
    /// reads it as a field. Tags with attributes (which may hold a value of their own), `<br>`
    /// and block tags stay, and so does a capital (`Vec<B>`, a type parameter).
    fn inline_tag(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let len = inline_tag_len(&bytes[at..]);
        if len == 0 || !(bytes[at + 1..].starts_with(b"wbr") || self.inside_value(at, at + len)) {
            return at + len.max(1);
        }
        self.emit(at, len, Unit::Remove)
    }

    /// `**4111** 1111 1111 1111`, `**jane**.doe@example.com`: Markdown's strong emphasis
    /// inside a value ([`Folder::inside_value`]), as a chat or a notes app writes it, is
    /// removed where it opens (a boundary before it, a letter or digit after it) or closes
    /// (the other way round). `2**32`, `a ** b` (code) and `**Note**:` stay.
    fn emphasis(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let run = bytes[at..].iter().take_while(|&&b| b == b'*').count();
        if run != 2 || at < self.copied {
            return at + run;
        }
        let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
        let before = at.checked_sub(1).map(|k| &bytes[k]);
        let after = bytes.get(at + 2);
        if word(before) == word(after) || !self.inside_value(at, at + 2) {
            return at + 2;
        }
        self.emit(at, 2, Unit::Remove)
    }

    /// Whether markup at `from..to` stands inside a number or an address: a digit right
    /// beside it (or one space away), or a letter or digit on one side and `.`, `@`, `-`, `_`
    /// or `+` on the other, looking past the inline tags next to it (`jane</span><span>.doe`).
    /// Between words of prose (`<b>Jane</b> Doe`) it stays.
    fn inside_value(&self, mut from: usize, mut to: usize) -> bool {
        let bytes = self.text.as_bytes();
        for _ in 0..4 {
            match inline_tag_len(bytes.get(to..).unwrap_or_default()) {
                0 => break,
                len => to += len,
            }
        }
        for _ in 0..4 {
            let open = bytes[from.saturating_sub(10)..from]
                .iter()
                .rposition(|&b| b == b'<')
                .map(|k| from.saturating_sub(10) + k);
            match open.filter(|&k| inline_tag_len(&bytes[k..]) == from - k) {
                Some(k) => from = k,
                None => break,
            }
        }
        let at = |k: Option<usize>| k.and_then(|k| bytes.get(k)).copied();
        let (before, after) = (at(from.checked_sub(1)), at(Some(to)));
        let digit = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
        let digit_before = digit(before) || before == Some(b' ') && digit(at(from.checked_sub(2)));
        let digit_after = digit(after) || after == Some(b' ') && digit(at(Some(to + 1)));
        let alnum = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
        let sign = |b: Option<u8>| matches!(b, Some(b'.' | b'@' | b'-' | b'_' | b'+'));
        digit_before || digit_after || alnum(before) && sign(after) || sign(before) && alnum(after)
    }

    /// `\u0040`, `\u{40}` and `\x40` (ASCII only: `\xc3\xa9` spells UTF-8 bytes), and
    /// Markdown's `\_`, `\.`, `\-`, `\+`, `\@` inside a word. An escape escaped again
    /// (`\\u0040`, `\\x40`: a JSON string inside a JSON string, a log line of an escaped
    /// payload) is the character too; another escaped backslash (`\\n`, `C:\\Users`) is left
    /// alone.
    fn escape(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let twice = !crate::FIRST_MODULE
            && bytes.get(at + 1) == Some(&b'\\')
            && matches!(bytes.get(at + 2), Some(b'u' | b'x'));
        let skip = 1 + usize::from(twice);
        let rest = &bytes[at + skip..];
        let hex = |s: &[u8]| {
            std::str::from_utf8(s)
                .ok()
                .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|s| u32::from_str_radix(s, 16).ok())
        };
        let (value, len) = match rest.first() {
            Some(b'\\') => return at + 2,
            // Markdown's escapes inside a word (`jane\_doe@example.com` as a Markdown editor
            // writes it): the character itself.
            Some(&c @ (b'_' | b'.' | b'-' | b'+' | b'@')) => {
                let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
                if word(at.checked_sub(1).map(|k| &bytes[k])) && word(rest.get(1)) {
                    return self.emit(at, 2, Unit::Char(char::from(c)));
                }
                return at + 1;
            }
            Some(b'u') if rest.get(1) == Some(&b'{') => {
                let Some(close) = rest.iter().take(9).position(|&b| b == b'}') else {
                    return at + 1;
                };
                (hex(&rest[2..close]), close + 2)
            }
            Some(b'u') if rest.len() >= 5 => (hex(&rest[1..5]), 6),
            Some(b'x') if rest.len() >= 3 => match hex(&rest[1..3]) {
                Some(v) if v >= 0x80 && !twice => return self.utf8_escapes(at),
                Some(v) if v >= 0x80 => return at + 2,
                v => (v, 4),
            },
            _ => return at + skip,
        };
        match value.and_then(char::from_u32) {
            Some(c) => self.decoded(at, len + skip - 1, c),
            None => at + skip,
        }
    }

    /// `\xc3\xa9`: UTF-8 bytes escaped one by one (Python's `repr` of bytes, C strings), as
    /// the one character they spell.
    fn utf8_escapes(&mut self, at: usize) -> usize {
        let Some((c, len)) = escaped_utf8(self.text.as_bytes(), at, b"\\x") else {
            return at + 1;
        };
        self.decoded(at, len, c)
    }

    /// A run of percent escapes between two ASCII letters or digits (or a phone's area-code
    /// bracket, or after a form field's `=`), outside a URL: each escape decoded as in a URL part. Markup and string syntax
    /// stay encoded.
    fn percent_in_word(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let joins = |b: Option<&u8>, bracket: u8| {
            b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == bracket)
        };
        // `=` before it: a form value (`phone=%2B14155552671`) starts there; so does an
        // encoded phone's plus before a digit (`%2B44%2020%207946%200958`).
        let before = at.checked_sub(1).map(|k| &bytes[k]);
        let plus = !crate::FIRST_MODULE
            && hex_byte(bytes, at, b"%") == Some(b'+')
            && bytes.get(at + 3).is_some_and(u8::is_ascii_digit);
        if !(joins(before, b')') || before == Some(&b'=') || plus) || self.in_url(at) {
            return at + 1;
        }
        let mut end = at;
        while let Some(v) = hex_byte(bytes, end, b"%") {
            if v < 0x20 || matches!(v, b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`' | 0x7F) {
                return at + 1;
            }
            end += 3;
        }
        if end == at || !joins(bytes.get(end), b'(') {
            return at + 1;
        }
        let mut k = at;
        while k < end {
            k = self.percent(k);
        }
        // An escape decoded twice (`%2540`) reaches past the run's last `%`.
        end.max(k)
    }

    /// Whether `at` lies in a run of text without whitespace that holds a `/` before it: a URL
    /// or a path, whose escapes the engine decodes part by part (decoding `%20` here would
    /// end the URL and leave its tail outside every finding).
    /// Amortised: the text is read once, however many escapes it has.
    fn in_url(&mut self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        for (k, &b) in bytes
            .get(self.url_scan..at)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            if b.is_ascii_whitespace() {
                // A link cut at a line end goes on on the next line.
                let k = self.url_scan + k;
                self.url_run &= b == b'\n' && self.link_continues(k).is_some();
            } else if b == b'/' {
                // `scheme://…`, and a URL or path without a scheme (`www.example.com/u/…`).
                self.url_run = true;
            }
        }
        self.url_scan = self.url_scan.max(at);
        self.url_run
    }

    /// `%40`, and a percent-encoded UTF-8 sequence as one character. A value encoded twice
    /// (`%2540`, `%25C3%25BC`: a redirect's target, a form posted on through another) is
    /// decoded twice: once decoded it would still be escapes no rule reads.
    fn percent(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let escaped = |prefix: &[u8]| match hex_byte(bytes, at, prefix) {
            Some(b) if b < 0x80 => Some((char::from(b), prefix.len() + 2)),
            Some(_) => escaped_utf8(bytes, at, prefix),
            None => None,
        };
        let decoded = escaped(b"%25")
            .filter(|(c, _)| !crate::FIRST_MODULE && !c.is_control())
            .or_else(|| escaped(b"%"));
        match decoded {
            Some((c, len)) if !c.is_control() => {
                let unit = match fold_char(c) {
                    Unit::Keep => Unit::Char(c),
                    other => other,
                };
                self.emit(at, len, unit)
            }
            _ => at + 1,
        }
    }

    /// A decoded reference or escape: the character, folded; markup and string syntax
    /// (quotes, `<`, `>`, `\`) and controls stay encoded so the text keeps its structure.
    fn decoded(&mut self, at: usize, len: usize, c: char) -> usize {
        if c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`') {
            return at + 1;
        }
        let unit = match fold_char(c) {
            Unit::Keep => Unit::Char(c),
            other => other,
        };
        self.emit(at, len, unit)
    }

    /// A line break inside a grouped number (`4111 1111\n1111 1111`, `078-05-\n1121`,
    /// `DE89 3704 0044\n0532 0130 00`) becomes the number's separator. The line must end in
    /// at least two groups joined by that separator and the next line must start with a
    /// digit: a list of years or a column of numbers is not joined.
    fn line_break(&mut self, at: usize) -> usize {
        if self.mode.wraps == Wraps::Off {
            return at + 1;
        }
        if let Some(end) = self.wrapped_link(at) {
            return self.emit(end, at + 1 - end, Unit::Remove);
        }
        let bytes = self.text.as_bytes();
        if !bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            return at + 1;
        }
        let mut end = at;
        if end > 0 && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let hyphen = end > 0 && bytes[end - 1] == b'-';
        let line_end = end - usize::from(hyphen);
        let Some(sep) = trailing_groups(&bytes[..line_end]) else {
            return at + 1;
        };
        self.wraps.push(at);
        if self.mode.wraps == Wraps::Record {
            return at + 1;
        }
        match (hyphen, sep) {
            // `078-05-\n1121`: the hyphen is the separator; the break goes.
            (true, b'-') => self.emit(end, at + 1 - end, Unit::Remove),
            // `4111 1111 11-\n11 1111`: a hyphenated break inside a group.
            (true, _) => self.emit(line_end, at + 1 - line_end, Unit::Remove),
            (false, sep) => self.emit(end, at + 1 - end, Unit::Char(char::from(sep))),
        }
    }
}

/// Inline formatting elements whose tags render as nothing between the characters they
/// format. `sup` and `sub` are left out: `10<sup>3</sup>` is not `103`.
const INLINE_TAGS: [&[u8]; 16] = [
    b"b", b"i", b"u", b"s", b"em", b"strong", b"span", b"wbr", b"mark", b"small", b"code", b"font",
    b"ins", b"tt", b"kbd", b"big",
];

/// The length of the inline tag without attributes at the start of `rest` (`<b>`, `</span>`,
/// `<wbr/>`, `<wbr />`, lower case as HTML writes it), or 0.
fn inline_tag_len(rest: &[u8]) -> usize {
    if rest.first() != Some(&b'<') {
        return 0;
    }
    let mut k = 1 + usize::from(rest.get(1) == Some(&b'/'));
    let name = rest.get(k..).unwrap_or_default();
    let n = name
        .iter()
        .take(7)
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    if !INLINE_TAGS.contains(&&name[..n]) {
        return 0;
    }
    k += n;
    if rest.get(k..k + 2) == Some(b" /") {
        k += 1;
    }
    if rest.get(k) == Some(&b'/') && rest[1] != b'/' {
        k += 1;
    }
    if rest.get(k) == Some(&b'>') {
        k + 1
    } else {
        0
    }
}

/// The byte `=XX` at `at` spells, quoted-printable style (upper-case hex, RFC 2045).
fn qp_byte(bytes: &[u8], at: usize) -> Option<u8> {
    let h = bytes.get(at..at + 3)?;
    let hex = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    (h[0] == b'=').then_some(())?;
    Some(hex(h[1])? << 4 | hex(h[2])?)
}

/// The one non-ASCII character that quoted-printable escapes at `at` spell as UTF-8
/// (`=C3=BC`), and their length.
fn qp_utf8(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    utf8_of(|k| qp_byte(bytes, at + 3 * k)).map(|(c, n)| (c, 3 * n))
}

/// Whether `bytes` is quoted-printable mail: a `Content-Transfer-Encoding: quoted-printable`
/// header (any case), or a UTF-8 character written in `=XX` escapes somewhere. Only then are
/// `=40`, `=3D` and soft line breaks decoded: `a=3D5` and `x=\` in code stay.
fn is_quoted_printable(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"quoted-printable";
    bytes
        .windows(NAME.len())
        .any(|w| w.eq_ignore_ascii_case(NAME))
        || (0..bytes.len()).any(|k| bytes[k] == b'=' && qp_utf8(bytes, k).is_some())
}

/// `=?charset?Q?text?=` or `=?charset?B?text?=` at the start of `s`: the decoded text and
/// the word's length. `None` for another charset, a malformed word, or text with control
/// characters.
fn decode_encoded_word(s: &str) -> Option<(String, usize)> {
    const LONGEST: usize = 200;
    let rest = s.strip_prefix("=?")?;
    let q1 = rest.bytes().take(40).position(|b| b == b'?')?;
    let charset = &rest[..q1];
    // RFC 2231's language suffix: `UTF-8*en`.
    let charset = charset.split('*').next().unwrap_or(charset);
    let utf8 = charset.eq_ignore_ascii_case("utf-8") || charset.eq_ignore_ascii_case("us-ascii");
    let latin = ["iso-8859-1", "iso-8859-15", "windows-1252", "latin1"]
        .iter()
        .any(|c| charset.eq_ignore_ascii_case(c));
    if !(utf8 || latin) {
        return None;
    }
    let rest = &rest[q1 + 1..];
    let (kind, rest) = (
        rest.as_bytes().first()?.to_ascii_uppercase(),
        rest.get(1..)?,
    );
    let rest = rest.strip_prefix('?')?;
    let close = rest.get(..rest.len().min(LONGEST))?.find("?=")?;
    let payload = &rest[..close];
    if payload.is_empty()
        || payload
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b == b'?')
    {
        return None;
    }
    let raw = match kind {
        b'B' => crate::rules::secrets::codec::base64_decode(payload)?,
        b'Q' => {
            let p = payload.as_bytes();
            let mut out = Vec::with_capacity(p.len());
            let mut k = 0;
            while k < p.len() {
                match p[k] {
                    b'_' => out.push(b' '),
                    b'=' => {
                        out.push(qp_byte(p, k)?);
                        k += 2;
                    }
                    b => out.push(b),
                }
                k += 1;
            }
            out
        }
        _ => return None,
    };
    let text = if utf8 {
        String::from_utf8(raw).ok()?
    } else {
        raw.iter().map(|&b| char::from(b)).collect()
    };
    if text.chars().any(char::is_control) {
        return None;
    }
    let len = 2 + q1 + 1 + 2 + close + 2;
    Some((text, len))
}

/// Fewest digits of a number typed with a space between every digit: a US SSN has nine. A
/// shorter run is as likely a list (`1 2 3`), a score or a row of single-digit cells.
const SPACED_MIN_DIGITS: usize = 9;
/// Most characters of such a number: the longest IBAN has 34. A longer run is data (digits
/// of π, a row of a matrix), not a value someone typed.
const SPACED_MAX_CHARS: usize = 34;

/// Fewest spaced single digits that make a table's row: a run next to one is a cell too.
const TABLE_ROW_DIGITS: usize = 5;

/// Numbers typed or pasted with a space between every digit (`0 7 8 0 0 9 0 0 1 2 3`,
/// `5 5 5 - 1 2 3 - 4 5 6 7`, an IBAN `D E 8 9 3 7 0 4 …`): runs of single digits, each
/// separated from the next by one space or a dash (with or without one space on either side),
/// up to two single capitals before the first digit (an IBAN's country), at least
/// [`SPACED_MIN_DIGITS`] digits. Not read: a run next to another number (`2 3 5 7 11`, a list
/// or a sequence), glued to a letter, digit or decimal point, counting up or down by one
/// (`1 2 3 4 5 6 7 8 9`), of zeros and ones only (a row of a matrix or a bit string), or
/// with another run of five spaced digits or more on its line or the next or previous one (a
/// table of single-digit cells). `(start, end)` of each run, in text order.
fn spaced_digit_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let single = |k: usize| {
        bytes.get(k).is_some_and(u8::is_ascii_digit)
            && !bytes.get(k + 1).is_some_and(u8::is_ascii_alphanumeric)
    };
    let mut from = 0;
    while let Some(p) = bytes.get(from..).and_then(|b| {
        b.windows(3)
            .position(|w| w[1] == b' ' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
    }) {
        let p = from + p;
        from = p + 2;
        // The run's first digit: `p` when it stands alone.
        if p > 0 && matches!(bytes[p - 1], b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b'.' | b',') {
            continue;
        }
        // An IBAN's country code spelt out before it: `D E 8 9 …`.
        let mut start = p;
        for _ in 0..2 {
            let capital = start >= 2
                && bytes[start - 1] == b' '
                && bytes[start - 2].is_ascii_uppercase()
                && (start == 2 || !bytes[start - 3].is_ascii_alphanumeric());
            if capital {
                start -= 2;
            }
        }
        // A phone's plus typed spaced too: `+ 4 4 2 0 …`.
        if start == p && start >= 2 && &bytes[start - 2..start] == b"+ " {
            start -= 2;
        }
        // After another number (`11 2 3 …`): a list.
        let before = &bytes[..start];
        let spaced_after_number = before.ends_with(b" ")
            && before.len() >= 2
            && before[before.len() - 2].is_ascii_digit();
        let mut digits = Vec::new();
        let mut k = p;
        loop {
            if !single(k) {
                break;
            }
            digits.push(bytes[k] - b'0');
            let mut next = k + 1;
            let sep_start = next;
            if bytes.get(next) == Some(&b' ') {
                next += 1;
            }
            if bytes.get(next) == Some(&b'-') {
                next += 1;
                if bytes.get(next) == Some(&b' ') {
                    next += 1;
                }
            }
            if next == sep_start || !single(next) {
                k += 1;
                break;
            }
            k = next;
        }
        let end = k;
        from = from.max(end);
        // Before another number (`… 5 7 11`): a list.
        let rest = &bytes[end..];
        let number_after = rest.first() == Some(&b' ')
            && rest.get(1).is_some_and(u8::is_ascii_digit)
            || matches!(rest.first(), Some(b'.' | b','))
                && rest.get(1).is_some_and(u8::is_ascii_digit);
        let counting = digits.windows(2).all(|w| w[1] == w[0] + 1)
            || digits.windows(2).all(|w| w[0] == w[1] + 1);
        let bits = digits.iter().all(|&d| d <= 1);
        let chars = digits.len() + (p - start) / 2;
        let number = digits.len() >= SPACED_MIN_DIGITS
            && chars <= SPACED_MAX_CHARS
            && !spaced_after_number
            && !number_after
            && !counting
            && !bits;
        if digits.len() >= TABLE_ROW_DIGITS {
            out.push((start, end, number));
        }
    }
    // A row of a table of single digits (another such run on the same line or the next or
    // previous one) is a table's, not a number someone typed.
    let near = |a: (usize, usize, bool), b: (usize, usize, bool)| {
        bytes[a.1..b.0].iter().filter(|&&c| c == b'\n').count() <= 1
    };
    (0..out.len())
        .filter(|&k| {
            out[k].2
                && !(k > 0 && near(out[k - 1], out[k]))
                && !out.get(k + 1).is_some_and(|&n| near(out[k], n))
        })
        .map(|k| (out[k].0, out[k].1))
        .collect()
}

/// Whether the whitespace-delimited token around `from..to` (at most 64 bytes each way) is
/// words only: no digit, no `@`, `/`, `\\`, `_`, `=`, `:`, `#`, `%`, `&`, and no dot inside
/// (one ending it is a sentence's).
fn letters_only_token(bytes: &[u8], from: usize, to: usize) -> bool {
    const REACH: usize = 64;
    let stop = |b: &u8| b.is_ascii_whitespace();
    let start = bytes[..from]
        .iter()
        .rev()
        .take(REACH + 1)
        .position(stop)
        .map(|n| from - n);
    let end = bytes[to..]
        .iter()
        .take(REACH + 1)
        .position(stop)
        .map(|n| to + n);
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (None, Some(e)) if from <= REACH => (0, e),
        (Some(s), None) if bytes.len() - to <= REACH => (s, bytes.len()),
        (None, None) if from <= REACH && bytes.len() - to <= REACH => (0, bytes.len()),
        _ => return false,
    };
    let token = &bytes[start..end];
    token.iter().enumerate().all(|(k, &b)| match b {
        b'0'..=b'9' | b'@' | b'/' | b'\\' | b'_' | b'=' | b':' | b'#' | b'%' | b'&' => false,
        b'.' => !token.get(k + 1).is_some_and(u8::is_ascii_alphanumeric),
        _ => true,
    })
}

/// The local part that ends `before` (the text before an `@` and its space): tokens of
/// letters, digits, `.`, `_`, `%`, `+`, `-` joined by ` . `, each ending (and, when joined,
/// starting) with a letter or digit. Where it starts, and where each ` . ` is, last first.
fn spaced_local_part(before: &[u8]) -> Option<(usize, Vec<usize>)> {
    const LONGEST: usize = 96;
    let token = |end: usize| {
        before[..end]
            .iter()
            .rev()
            .take_while(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
            })
            .count()
    };
    let mut end = before.len();
    let mut dots = Vec::new();
    loop {
        let n = token(end);
        let start = end - n;
        if n == 0 || !before[end - 1].is_ascii_alphanumeric() {
            return None;
        }
        let spaced = before[start].is_ascii_alphanumeric()
            && start >= 4
            && &before[start - 3..start] == b" . "
            && before[start - 4].is_ascii_alphanumeric();
        if !spaced || before.len() - start > LONGEST {
            return Some((start, dots));
        }
        dots.push(start - 3);
        end = start - 3;
    }
}

/// A domain at the start of `rest` whose labels are joined by `.` or ` . `: where it ends,
/// where each ` . ` is, and its last label's range; `None` unless the last label is two
/// letters or more (not glued to a further letter or digit) after at least one dot.
type SpacedDomain = (usize, Vec<usize>, (usize, usize));
fn spaced_domain(rest: &[u8]) -> Option<SpacedDomain> {
    let mut i = 0;
    let mut dots = Vec::new();
    let mut labels = 0;
    loop {
        let n = rest[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if n == 0 {
            return None;
        }
        let label = (i, i + n);
        labels += 1;
        i += n;
        let next = |k: usize| rest.get(k).is_some_and(u8::is_ascii_alphanumeric);
        if rest.get(i) == Some(&b'.') && next(i + 1) {
            i += 1;
        } else if rest.get(i..i + 3) == Some(b" . ") && next(i + 3) {
            dots.push(i);
            i += 3;
        } else {
            let last = &rest[label.0..label.1];
            let ok = labels >= 2 && last.len() >= 2 && last.iter().all(u8::is_ascii_alphabetic);
            return ok.then_some((i, dots, label));
        }
    }
}

/// Latin letters precomposed from an ASCII base and one combining mark (U+0300 + the first
/// number), as Unicode's canonical decompositions of U+00C0–U+024F give them; sorted for a
/// binary search. Generated from the Unicode Character Database (Python's `unicodedata`).
const COMPOSED: &[(u8, u8, char)] = &[
    (0, b'A', 'À'),
    (0, b'E', 'È'),
    (0, b'I', 'Ì'),
    (0, b'N', 'Ǹ'),
    (0, b'O', 'Ò'),
    (0, b'U', 'Ù'),
    (0, b'a', 'à'),
    (0, b'e', 'è'),
    (0, b'i', 'ì'),
    (0, b'n', 'ǹ'),
    (0, b'o', 'ò'),
    (0, b'u', 'ù'),
    (1, b'A', 'Á'),
    (1, b'C', 'Ć'),
    (1, b'E', 'É'),
    (1, b'G', 'Ǵ'),
    (1, b'I', 'Í'),
    (1, b'L', 'Ĺ'),
    (1, b'N', 'Ń'),
    (1, b'O', 'Ó'),
    (1, b'R', 'Ŕ'),
    (1, b'S', 'Ś'),
    (1, b'U', 'Ú'),
    (1, b'Y', 'Ý'),
    (1, b'Z', 'Ź'),
    (1, b'a', 'á'),
    (1, b'c', 'ć'),
    (1, b'e', 'é'),
    (1, b'g', 'ǵ'),
    (1, b'i', 'í'),
    (1, b'l', 'ĺ'),
    (1, b'n', 'ń'),
    (1, b'o', 'ó'),
    (1, b'r', 'ŕ'),
    (1, b's', 'ś'),
    (1, b'u', 'ú'),
    (1, b'y', 'ý'),
    (1, b'z', 'ź'),
    (2, b'A', 'Â'),
    (2, b'C', 'Ĉ'),
    (2, b'E', 'Ê'),
    (2, b'G', 'Ĝ'),
    (2, b'H', 'Ĥ'),
    (2, b'I', 'Î'),
    (2, b'J', 'Ĵ'),
    (2, b'O', 'Ô'),
    (2, b'S', 'Ŝ'),
    (2, b'U', 'Û'),
    (2, b'W', 'Ŵ'),
    (2, b'Y', 'Ŷ'),
    (2, b'a', 'â'),
    (2, b'c', 'ĉ'),
    (2, b'e', 'ê'),
    (2, b'g', 'ĝ'),
    (2, b'h', 'ĥ'),
    (2, b'i', 'î'),
    (2, b'j', 'ĵ'),
    (2, b'o', 'ô'),
    (2, b's', 'ŝ'),
    (2, b'u', 'û'),
    (2, b'w', 'ŵ'),
    (2, b'y', 'ŷ'),
    (3, b'A', 'Ã'),
    (3, b'I', 'Ĩ'),
    (3, b'N', 'Ñ'),
    (3, b'O', 'Õ'),
    (3, b'U', 'Ũ'),
    (3, b'a', 'ã'),
    (3, b'i', 'ĩ'),
    (3, b'n', 'ñ'),
    (3, b'o', 'õ'),
    (3, b'u', 'ũ'),
    (4, b'A', 'Ā'),
    (4, b'E', 'Ē'),
    (4, b'I', 'Ī'),
    (4, b'O', 'Ō'),
    (4, b'U', 'Ū'),
    (4, b'Y', 'Ȳ'),
    (4, b'a', 'ā'),
    (4, b'e', 'ē'),
    (4, b'i', 'ī'),
    (4, b'o', 'ō'),
    (4, b'u', 'ū'),
    (4, b'y', 'ȳ'),
    (6, b'A', 'Ă'),
    (6, b'E', 'Ĕ'),
    (6, b'G', 'Ğ'),
    (6, b'I', 'Ĭ'),
    (6, b'O', 'Ŏ'),
    (6, b'U', 'Ŭ'),
    (6, b'a', 'ă'),
    (6, b'e', 'ĕ'),
    (6, b'g', 'ğ'),
    (6, b'i', 'ĭ'),
    (6, b'o', 'ŏ'),
    (6, b'u', 'ŭ'),
    (7, b'A', 'Ȧ'),
    (7, b'C', 'Ċ'),
    (7, b'E', 'Ė'),
    (7, b'G', 'Ġ'),
    (7, b'I', 'İ'),
    (7, b'O', 'Ȯ'),
    (7, b'Z', 'Ż'),
    (7, b'a', 'ȧ'),
    (7, b'c', 'ċ'),
    (7, b'e', 'ė'),
    (7, b'g', 'ġ'),
    (7, b'o', 'ȯ'),
    (7, b'z', 'ż'),
    (8, b'A', 'Ä'),
    (8, b'E', 'Ë'),
    (8, b'I', 'Ï'),
    (8, b'O', 'Ö'),
    (8, b'U', 'Ü'),
    (8, b'Y', 'Ÿ'),
    (8, b'a', 'ä'),
    (8, b'e', 'ë'),
    (8, b'i', 'ï'),
    (8, b'o', 'ö'),
    (8, b'u', 'ü'),
    (8, b'y', 'ÿ'),
    (10, b'A', 'Å'),
    (10, b'U', 'Ů'),
    (10, b'a', 'å'),
    (10, b'u', 'ů'),
    (11, b'O', 'Ő'),
    (11, b'U', 'Ű'),
    (11, b'o', 'ő'),
    (11, b'u', 'ű'),
    (12, b'A', 'Ǎ'),
    (12, b'C', 'Č'),
    (12, b'D', 'Ď'),
    (12, b'E', 'Ě'),
    (12, b'G', 'Ǧ'),
    (12, b'H', 'Ȟ'),
    (12, b'I', 'Ǐ'),
    (12, b'K', 'Ǩ'),
    (12, b'L', 'Ľ'),
    (12, b'N', 'Ň'),
    (12, b'O', 'Ǒ'),
    (12, b'R', 'Ř'),
    (12, b'S', 'Š'),
    (12, b'T', 'Ť'),
    (12, b'U', 'Ǔ'),
    (12, b'Z', 'Ž'),
    (12, b'a', 'ǎ'),
    (12, b'c', 'č'),
    (12, b'd', 'ď'),
    (12, b'e', 'ě'),
    (12, b'g', 'ǧ'),
    (12, b'h', 'ȟ'),
    (12, b'i', 'ǐ'),
    (12, b'j', 'ǰ'),
    (12, b'k', 'ǩ'),
    (12, b'l', 'ľ'),
    (12, b'n', 'ň'),
    (12, b'o', 'ǒ'),
    (12, b'r', 'ř'),
    (12, b's', 'š'),
    (12, b't', 'ť'),
    (12, b'u', 'ǔ'),
    (12, b'z', 'ž'),
    (15, b'A', 'Ȁ'),
    (15, b'E', 'Ȅ'),
    (15, b'I', 'Ȉ'),
    (15, b'O', 'Ȍ'),
    (15, b'R', 'Ȑ'),
    (15, b'U', 'Ȕ'),
    (15, b'a', 'ȁ'),
    (15, b'e', 'ȅ'),
    (15, b'i', 'ȉ'),
    (15, b'o', 'ȍ'),
    (15, b'r', 'ȑ'),
    (15, b'u', 'ȕ'),
    (17, b'A', 'Ȃ'),
    (17, b'E', 'Ȇ'),
    (17, b'I', 'Ȋ'),
    (17, b'O', 'Ȏ'),
    (17, b'R', 'Ȓ'),
    (17, b'U', 'Ȗ'),
    (17, b'a', 'ȃ'),
    (17, b'e', 'ȇ'),
    (17, b'i', 'ȋ'),
    (17, b'o', 'ȏ'),
    (17, b'r', 'ȓ'),
    (17, b'u', 'ȗ'),
    (27, b'O', 'Ơ'),
    (27, b'U', 'Ư'),
    (27, b'o', 'ơ'),
    (27, b'u', 'ư'),
    (38, b'S', 'Ș'),
    (38, b'T', 'Ț'),
    (38, b's', 'ș'),
    (38, b't', 'ț'),
    (39, b'C', 'Ç'),
    (39, b'E', 'Ȩ'),
    (39, b'G', 'Ģ'),
    (39, b'K', 'Ķ'),
    (39, b'L', 'Ļ'),
    (39, b'N', 'Ņ'),
    (39, b'R', 'Ŗ'),
    (39, b'S', 'Ş'),
    (39, b'T', 'Ţ'),
    (39, b'c', 'ç'),
    (39, b'e', 'ȩ'),
    (39, b'g', 'ģ'),
    (39, b'k', 'ķ'),
    (39, b'l', 'ļ'),
    (39, b'n', 'ņ'),
    (39, b'r', 'ŗ'),
    (39, b's', 'ş'),
    (39, b't', 'ţ'),
    (40, b'A', 'Ą'),
    (40, b'E', 'Ę'),
    (40, b'I', 'Į'),
    (40, b'O', 'Ǫ'),
    (40, b'U', 'Ų'),
    (40, b'a', 'ą'),
    (40, b'e', 'ę'),
    (40, b'i', 'į'),
    (40, b'o', 'ǫ'),
    (40, b'u', 'ų'),
];

/// The precomposed letter for `base` followed by the combining mark `mark`.
fn compose(base: char, mark: char) -> Option<char> {
    let m = u32::from(mark)
        .checked_sub(0x300)
        .and_then(|m| u8::try_from(m).ok())?;
    let b = u8::try_from(base).ok()?;
    COMPOSED
        .binary_search_by(|&(tm, tb, _)| (tm, tb).cmp(&(m, b)))
        .ok()
        .map(|i| COMPOSED[i].2)
}

/// The byte that the escape `prefix` + two hex digits at `at` spells (`%40`, `\\xc3`).
fn hex_byte(bytes: &[u8], at: usize, prefix: &[u8]) -> Option<u8> {
    let n = prefix.len();
    let h = bytes.get(at..at + n + 2)?;
    if &h[..n] != prefix {
        return None;
    }
    let s = std::str::from_utf8(&h[n..]).ok()?;
    u8::from_str_radix(s, 16).ok()
}

/// The character that a UTF-8 sequence of escapes (`prefix` + two hex digits each) at `at`
/// spells, and the escapes' length; `None` unless they make exactly one whole character.
fn escaped_utf8(bytes: &[u8], at: usize, prefix: &[u8]) -> Option<(char, usize)> {
    let step = prefix.len() + 2;
    utf8_of(|k| hex_byte(bytes, at + step * k, prefix)).map(|(c, n)| (c, step * n))
}

/// The one whole character that the bytes `byte(0)`, `byte(1)`… spell in UTF-8 (each read
/// from an escape), and how many bytes it took.
fn utf8_of(byte: impl Fn(usize) -> Option<u8>) -> Option<(char, usize)> {
    let n = match byte(0)? {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [0u8; 4];
    for (k, slot) in buf.iter_mut().enumerate().take(n) {
        *slot = byte(k)?;
    }
    let c = std::str::from_utf8(&buf[..n]).ok()?.chars().next()?;
    Some((c, n))
}

/// The separator of the grouped number that `line` ends with: at least two groups of
/// letters or digits (the last one digits only) joined by one space or hyphen. `None` when
/// the line does not end so.
fn trailing_groups(line: &[u8]) -> Option<u8> {
    let digits = line.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 8 || digits == line.len() {
        return None;
    }
    let sep_at = line.len() - digits - 1;
    let sep = line[sep_at];
    if sep != b' ' && sep != b'-' {
        return None;
    }
    let group = line[..sep_at]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        .count();
    (2..=8).contains(&group).then_some(sep)
}

/// HTML named references that detection needs: separators, `@`, and the characters URLs
/// and addresses are made of. Names are case-sensitive, as in HTML.
fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "commat" => '@',
        "period" => '.',
        "nbsp" | "NonBreakingSpace" => '\u{A0}',
        "ensp" | "emsp" | "thinsp" | "hairsp" | "numsp" | "puncsp" | "MediumSpace" => ' ',
        "hyphen" | "dash" | "ndash" | "minus" => '-',
        "shy" | "ZeroWidthSpace" | "NoBreak" | "zwnj" | "zwj" | "lrm" | "rlm" => '\u{AD}',
        "num" => '#',
        "plus" => '+',
        "lowbar" | "UnderBar" => '_',
        "colon" => ':',
        "sol" => '/',
        "equals" => '=',
        "quest" => '?',
        "percnt" => '%',
        "excl" => '!',
        "dollar" => '$',
        "comma" => ',',
        "semi" => ';',
        _ => return None,
    })
}

/// The fold of one character outside any escape.
fn fold_char(c: char) -> Unit {
    let cp = u32::from(c);
    if cp < 0x80 {
        return Unit::Keep;
    }
    match c {
        // Space separators (Unicode category Zs).
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Unit::Char(' ')
        }
        // Dashes people put between digit groups, and the minus sign.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{2E3A}' => {
            Unit::Char('-')
        }
        // Invisible format characters: soft hyphen, zero width space, word joiner, BOM,
        // bidi marks, embeddings and isolates, Arabic letter mark, Mongolian vowel separator.
        '\u{AD}'
        | '\u{200B}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{61C}'
        | '\u{180E}' => Unit::Remove,
        // SMALL COMMERCIAL AT (a compatibility form CJK fonts and some address pickers type).
        '\u{FE6B}' if !crate::FIRST_MODULE => Unit::Char('@'),
        // Primes, as typed or copied from a map for minutes and seconds (`40°44′54″N`).
        '\u{2032}' => Unit::Char('\''),
        '\u{2033}' => Unit::Char('"'),
        // Fullwidth ASCII (what CJK input methods type).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(cp - 0xFEE0).map_or(Unit::Keep, Unit::Char),
        // Latin ligatures, as text copied from a PDF spells "office" or "Griffin".
        '\u{FB00}' => Unit::Str("ff"),
        '\u{FB01}' => Unit::Str("fi"),
        '\u{FB02}' => Unit::Str("fl"),
        '\u{FB03}' => Unit::Str("ffi"),
        '\u{FB04}' => Unit::Str("ffl"),
        '\u{FB05}' | '\u{FB06}' => Unit::Str("st"),
        // Mathematical bold, italic, script… letters (the "fancy text" of profiles and
        // signatures): 13 alphabets of 26 capitals then 26 small letters. The few reserved
        // code points among them are letterlike symbols elsewhere and never typed here.
        '\u{1D400}'..='\u{1D6A3}' => {
            let k = (cp - 0x1D400) % 52;
            let base = if k < 26 { b'A' } else { b'a' - 26 };
            Unit::Char(char::from(base + k as u8))
        }
        _ => match decimal_digit(cp) {
            Some(d) => Unit::Char(char::from(b'0' + d)),
            None => Unit::Keep,
        },
    }
}

/// The first code point of every block of ten decimal digits (Unicode category Nd) outside
/// ASCII: each block runs from its zero to its nine. Listed from the Unicode Character
/// Database (every `Nd` code point whose decimal value is 0); `tests::digit_blocks_are_numeric`
/// checks each block against the standard library's tables.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

/// The value of a non-ASCII decimal digit.
fn decimal_digit(cp: u32) -> Option<u8> {
    if cp < DIGIT_ZEROS[0] {
        return None;
    }
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp);
    let offset = cp - DIGIT_ZEROS[i - 1];
    (offset < 10).then_some(offset as u8)
}

impl Folder<'_> {
    /// `jane.doe@exam-\nple.com`, `https://example.com/reset?\ntoken=…`: an address or link
    /// cut at the end of a line (a PDF copy, a narrow mail client) goes on on the next line
    /// when its last character cannot end it and the next line starts right away with the
    /// rest of an address or link (a token holding `=`, `/`, `.`, `&`, `@` or `%`). Returns
    /// where the break starts (before a `\r`). Joined at once, not only recorded as wrapped
    /// numbers are: a token holding `@` or `://` is no table cell.
    fn wrapped_link(&self, at: usize) -> Option<usize> {
        // Only what is still to be copied can be removed.
        self.link_continues(at).filter(|&end| end >= self.copied)
    }

    /// [`Folder::wrapped_link`]'s reading of the text alone: where the cut link ends, when the
    /// line break at `at` cuts one, whether or not the fold has passed it.
    fn link_continues(&self, at: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let end = if at > 0 && bytes[at - 1] == b'\r' {
            at - 1
        } else {
            at
        };
        let last = *bytes.get(end.checked_sub(1)?)?;
        if last == b'.' && !crate::FIRST_MODULE {
            return self.wrapped_domain(at, end);
        }
        if !matches!(last, b'-' | b'?' | b'=' | b'&' | b'@' | b'_') {
            return None;
        }
        if !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        // The next line goes on with the rest of an address or link (`ple.com`, `token=abc`),
        // not with a value of its own: a card number on the next line must not lose its first
        // group to the link above it.
        let next = &bytes[at + 1..];
        let next = &next[..next
            .iter()
            .position(u8::is_ascii_whitespace)
            .unwrap_or(next.len())];
        if !next
            .iter()
            .any(|b| matches!(b, b'=' | b'/' | b'.' | b'&' | b'@' | b'%'))
        {
            return None;
        }
        let start = bytes[..end]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |i| i + 1);
        let token = &bytes[start..end];
        let link = token.windows(3).any(|w| w == b"://")
            || token.starts_with(b"www.")
            || (token.contains(&b'@') && token.len() > 2 && token[0] != b'@');
        link.then_some(end)
    }

    /// `jane.doe@example.\ncom`: an address cut after a dot of its domain, the next line
    /// starting with a common top-level domain in lower case (`contact`'s list) that ends
    /// there. `… at example.\nThen` and a sentence's full stop after an address
    /// (`jane@example.com.\ncom`) stay.
    fn wrapped_domain(&self, at: usize, end: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let next = &bytes[at + 1..];
        let n = next
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        let ends = !next
            .get(n)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'@'));
        if !ends
            || !contact::SPELT_TLDS
                .iter()
                .any(|t| t.as_bytes() == &next[..n])
        {
            return None;
        }
        let start = bytes[..end]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |i| i + 1);
        let token = &bytes[start..end - 1];
        let at_sign = token.iter().position(|&b| b == b'@')?;
        let domain = &token[at_sign + 1..];
        let label =
            |l: &[u8]| !l.is_empty() && l.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
        // A domain ending in a top-level domain already is a whole address before a full stop.
        let whole = domain.contains(&b'.')
            && domain
                .rsplit(|&b| b == b'.')
                .next()
                .is_some_and(|l| contact::SPELT_TLDS.iter().any(|t| t.as_bytes() == l));
        (at_sign > 0 && !whole && domain.split(|&b| b == b'.').all(label)).then_some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every folded byte range maps back to whole original characters, and every finding-like
    /// span of the folded text to the span of the original that produced it.
    fn spans(text: &str) -> (String, Vec<(usize, usize)>) {
        let f = fold(text);
        let t = f.text().to_string();
        let mut out = Vec::new();
        for (i, c) in t.char_indices() {
            out.push((f.start(i), f.end(i + c.len_utf8())));
        }
        (t, out)
    }

    #[test]
    fn ascii_text_is_borrowed() {
        let f = fold("Call +44 20 7946 0958, mail a@b.io; x = 1 & y\n2024\n2025 10 20\n30");
        assert!(f.is_identity());
        assert_eq!(f.start(5), 5);
        assert_eq!(f.end(9), 9);
    }

    #[test]
    fn separators_digits_and_invisibles_fold() {
        let text = "4111\u{A0}1111\u{202F}1111\u{2009}1111 078\u{2011}05\u{2013}1121 \
                    ４１１１ ١٢٣ ۴۵ १२ 12\u{AD}34\u{200B}5 a\u{200D}b क\u{94D}\u{200D}ष";
        let f = fold(text);
        assert_eq!(
            f.text(),
            "4111 1111 1111 1111 078-05-1121 4111 123 45 12 12345 ab क\u{94D}\u{200D}ष"
        );
    }

    #[test]
    fn spans_map_to_whole_original_characters() {
        let text = "x\u{200B}4\u{AD}1\u{A0}１&#64;\\u0040&amp;\u{200B}y";
        let (folded, spans) = spans(text);
        assert_eq!(folded, "x41 1@@&y");
        let originals: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            originals,
            ["x", "4", "1", "\u{A0}", "１", "&#64;", "\\u0040", "&amp;", "y"]
        );
        // A span over several folded characters takes what was removed inside it, not
        // what was removed at its edges.
        let f = fold(text);
        assert_eq!(&text[f.start(1)..f.end(3)], "4\u{AD}1");
        assert_eq!(&text[f.start(0)..f.end(2)], "x\u{200B}4");
    }

    #[test]
    fn references_and_escapes_decode() {
        let f = fold("a&#64;b &#x40; &commat; &nbsp; &lt; &unknown; \\x41 \\\\n &#0;");
        assert_eq!(f.text(), "a@b @ @   &lt; &unknown; A \\\\n &#0;");
    }

    #[test]
    fn inline_tags_and_emphasis_are_removed_only_where_they_render_as_nothing() {
        let f = fold("<b>4111</b> 1111<wbr>1111<wbr/>11<wbr />11 x **jane**.doe x<wbr>y");
        assert_eq!(f.text(), "4111 111111111111 x **jane.doe xy");
        for text in [
            "Vec<B>",
            "x<sup>2</sup>",
            "<a href=\"#\">",
            "<br>",
            "2**32",
            "a ** b",
            "***x",
            "<b>Jane</b> Doe",
            "<strong>Jane Doe</strong>",
            "**Note**: x",
        ] {
            assert_eq!(fold(text).text(), text, "{text:?}");
        }
        let (_, spans) = spans("1<wbr>2");
        assert_eq!(spans, [(0, 1), (6, 7)]);
    }

    #[test]
    fn references_and_escapes_escaped_twice_decode() {
        let f = fold(
            "a&amp;#64;b &amp;nbsp; &amp;amp; &amp;lt; c\\\\u0040d \\\\x40 \\\\xc3 C:\\\\Users",
        );
        assert_eq!(f.text(), "a@b   & &amp;lt; c@d @ \\\\xc3 C:\\\\Users");
        let (_, spans) = spans("a&amp;#64;b c\\\\u0040d");
        assert_eq!(spans[1], (1, 10));
        assert_eq!(spans[5], (13, 20));
        let f = fold_url_part("jane.doe%2540example.com%2520x%25C3%25BC%25%2541", true);
        assert_eq!(f.text(), "jane.doe@example.com xü%A");
    }

    #[test]
    fn markdown_escapes_inside_a_word_decode() {
        let f = fold(r"jane\_doe@example\.com a\_ \_b 1\-2 C:\Users\x");
        assert_eq!(f.text(), r"jane_doe@example.com a\_ \_b 1-2 C:\Users\x");
    }

    #[test]
    fn utf8_byte_escapes_decode_as_one_character() {
        let f = fold("Jos\\xc3\\xa9 \\xd9\\xa1 \\xc3 \\xc3\\x41 \\xff");
        assert_eq!(f.text(), "José 1 \\xc3 \\xc3A \\xff");
    }

    #[test]
    fn percent_escapes_outside_urls_decode_only_inside_a_word() {
        let f = fold("jane%40example.com 4111%201111 50% off 100%20 %40x a%3Cb a%0Ab x%C3%A9y");
        assert_eq!(
            f.text(),
            "jane@example.com 4111 1111 50% off 100%20 %40x a%3Cb a%0Ab xéy"
        );
        let f = fold("phone=%2B14155552671&x=%3Cb&y=%20");
        assert_eq!(f.text(), "phone=+14155552671&x=%3Cb&y=%20");
        // Inside a URL the engine decodes each part on its own.
        let url = "https://example.com/u/4538%206643 b%40c www.example.com/u/4538%206643";
        assert_eq!(
            fold(url).text(),
            "https://example.com/u/4538%206643 b@c www.example.com/u/4538%206643"
        );
        let (_, spans) = spans("jane%40example.com");
        assert_eq!(spans[4], (4, 7));
    }

    #[test]
    fn ideographic_full_stop_is_a_dot_only_between_ascii() {
        let f = fold("jane@example\u{3002}com \u{6771}\u{4EAC}\u{3002} end\u{FF61}");
        assert_eq!(
            f.text(),
            "jane@example.com \u{6771}\u{4EAC}\u{3002} end\u{FF61}"
        );
        // A dot leader and a small full stop, the same way.
        assert_eq!(
            fold("jane\u{2024}doe@example\u{FE52}com \u{2024}").text(),
            "jane.doe@example.com \u{2024}"
        );
    }

    #[test]
    fn digit_separators_of_other_keyboards_fold_between_digits_only() {
        assert_eq!(
            fold("090\u{30FC}1234 4111\u{B7}1111 \u{30B3}\u{30FC}\u{30D2}\u{30FC} l\u{B7}l").text(),
            "090-1234 4111 1111 \u{30B3}\u{30FC}\u{30D2}\u{30FC} l\u{B7}l"
        );
    }

    #[test]
    fn ligatures_and_mathematical_letters_fold_to_ascii() {
        let (t, spans) = spans("o\u{FB03}ce@\u{1D41E}\u{1D431}.io \u{1D5D7}\u{1D5EE}");
        assert_eq!(t, "office@ex.io Da");
        // The three letters of the ligature map to its one character.
        assert_eq!(&spans[1..4], &[(1, 4), (1, 4), (1, 4)]);
    }

    #[test]
    fn addresses_spelt_out_against_harvesters_fold() {
        let f = fold("jane.doe [at] example [dot] com, j(AT)x{dot}io f(at) [at] a [dot]");
        assert_eq!(f.text(), "jane.doe@example.com, j@x.io f(at) [at] a [dot]");
        let f = fold("jane.doe[@]example[.]com, k (@) x (.) io, [@] [.] a[.]");
        assert_eq!(f.text(), "jane.doe@example.com, k@x.io, [@] [.] a[.]");
        let (_, spans) = spans("a [at] b");
        assert_eq!(spans[1], (1, 7));
    }

    #[test]
    fn an_at_sign_with_spaces_joins_between_a_local_part_and_a_domain() {
        let f = fold("mail jane @ example.com, j.d@ x.co.uk or k @x.io; meet @ 5pm, @ alice");
        assert_eq!(
            f.text(),
            "mail jane@example.com, j.d@x.co.uk or k @x.io; meet @ 5pm, @ alice"
        );
        assert_eq!(
            fold("a @ b.c1 x @ y and z @ host").text(),
            "a @ b.c1 x @ y and z @ host"
        );
        let (_, spans) = spans("a @ b.io");
        assert_eq!(spans[1], (1, 4));
    }

    #[test]
    fn decomposed_letters_compose() {
        let f = fold("Franc\u{327}ois Lefe\u{300}vre, Dvor\u{30C}a\u{301}k, x\u{301}, \u{301}a");
        assert_eq!(f.text(), "François Lefèvre, Dvořák, x\u{301}, \u{301}a");
        let (_, spans) = spans("c\u{327}a");
        assert_eq!(spans[0], (0, 3));
        assert!(super::COMPOSED
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
    }

    #[test]
    fn url_parts_percent_decode() {
        let f = fold_url_part("jane%40example.com+x%C3%A9%ZZ%", true);
        assert_eq!(f.text(), "jane@example.com xé%ZZ%");
        assert_eq!(fold_url_part("a+b", false).text(), "a+b");
    }

    #[test]
    fn links_and_addresses_cut_at_a_line_end_join() {
        for (text, want) in [
            (
                "mail jane.doe@exam-\nple.com now",
                "mail jane.doe@exam-ple.com now",
            ),
            ("jane.doe@\nexample.com", "jane.doe@example.com"),
            (
                "see https://example.com/reset?\ntoken=abc",
                "see https://example.com/reset?token=abc",
            ),
            ("https://x.io/a?b=1&\nc=2", "https://x.io/a?b=1&c=2"),
            ("https://x.io/a?b=1&\r\nc=2", "https://x.io/a?b=1&c=2"),
        ] {
            assert_eq!(fold(text).text(), want, "{text:?}");
            let f = fold(text);
            // The joined value maps back onto the whole original, break included.
            let (s, e) = (f.start(0), f.end(f.text().len()));
            assert_eq!((s, e), (0, text.len()), "{text:?}");
        }
        // A hyphen ending an ordinary word, a handle, an indented next line, a value of its
        // own on the next line: left alone.
        for text in [
            "https://x.io/a?b=1&\n4111 1111 1111 1111",
            "see https://x.io/pay-\n4111 1111",
            "well-\nknown",
            "@user-\nname",
            "jane@example.com -\nnext",
            "https://x.io/a?\n  indented",
        ] {
            assert_eq!(fold(text).text(), text, "{text:?}");
        }
    }

    #[test]
    fn wrapped_groups_join_and_lists_do_not() {
        let cases = [
            ("4111 1111\n1111 1111", "4111 1111 1111 1111"),
            ("4111 1111\r\n1111 1111", "4111 1111 1111 1111"),
            ("078-05-\n1121", "078-05-1121"),
            ("4111 1111 11-\n11 1111", "4111 1111 1111 1111"),
            ("DE89 3704 0044\n0532", "DE89 3704 0044 0532"),
            ("1990\n1991\n1992", "1990\n1991\n1992"),
            ("x = 12\n34", "x = 12\n34"),
            ("1, 2\n3", "1, 2\n3"),
            ("version 2 of\n2024", "version 2 of\n2024"),
        ];
        for (text, want) in cases {
            assert_eq!(fold_wrapped(text).text(), want, "{text:?}");
            let recorded = fold(text);
            assert_eq!(recorded.text(), text);
            assert_eq!(recorded.wraps().is_empty(), text == want, "{text:?}");
        }
    }

    #[test]
    fn an_invisible_space_between_lower_case_and_capital_is_a_word_break() {
        let (t, spans) = spans("Jane\u{200B}Doe J\u{200B}ane Maria\u{2060}Schmidt a\u{200C}B");
        assert_eq!(t, "Jane Doe Jane Maria Schmidt a B");
        // The space maps onto the invisible character.
        assert_eq!(spans[4], (4, 7));
        // Inside a token with an address, a digit, a path or a domain's dot it is removed.
        for (text, want) in [
            ("jane\u{200B}Doe@example.com", "janeDoe@example.com"),
            ("getName\u{200B}Value.x", "getNameValue.x"),
            ("x1\u{200B}Y a/b\u{200B}C", "x1Y a/bC"),
            ("JANE\u{200B}DOE", "JANEDOE"),
        ] {
            assert_eq!(fold(text).text(), want, "{text:?}");
        }
        // A sentence's full stop after the word does not keep it whole.
        assert_eq!(fold("Jane\u{200B}Doe.").text(), "Jane Doe.");
    }

    #[test]
    fn numbers_spaced_digit_by_digit_join() {
        for (text, want) in [
            ("at 5 5 5 - 1 2 3 - 4 5 6 7.", "at 555-123-4567."),
            ("tel 0 7 8 0 0 9 0 0 1 2 3", "tel 07800900123"),
            (
                "D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0",
                "DE89370400440532013000",
            ),
            ("+4 4 2 0 7 9 4 6 0 9 5 8", "+442079460958"),
            ("5 3 6-2 2-1 2 3 4", "536-22-1234"),
        ] {
            assert_eq!(fold(text).text(), want, "{text:?}");
        }
        let (_, spans) = spans("x 5 3 6 2 2 1 2 3 4");
        // The first digit's span, then the second's: the space between belongs to neither.
        assert_eq!((spans[2], spans[3]), ((2, 3), (4, 5)));
        let f = fold("x 5 3 6 2 2 1 2 3 4");
        assert_eq!((f.start(2), f.end(11)), (2, 19));
        for text in [
            "1 2 3 and 4 5 6 7",
            "2 3 5 7 11 13 17 19 23 29",
            "11 2 3 4 5 6 7 8 9 1",
            "1 2 3 4 5 6 7 8 9",
            "9 8 7 6 5 4 3 2 1",
            "1 0 1 1 0 0 1 0 1 1",
            "v1 2 3 4 5 6 7 8 9 1",
            "3.1 4 1 5 9 2 6 5 3 5",
            "5 3 0 0 7 0 0 0 0\n6 0 0 1 9 5 0 0 0",
            "| 5 3 0 0 7 0 0 0 0 | 6 0 0 1 9 5 0 0 0 |",
            "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4 6 2 6 4 3 3 8 3 2 7 9 5 0 2 8 8",
        ] {
            assert_eq!(fold(text).text(), text, "{text:?}");
        }
    }

    #[test]
    fn addresses_with_spaced_dots_fold() {
        for (text, want) in [
            ("jane . doe @ gmail . com", "jane.doe@gmail.com"),
            ("<jane . doe@gmail.com>", "<jane.doe@gmail.com>"),
            ("x jane@mail . example . de", "x jane@mail.example.de"),
        ] {
            assert_eq!(fold(text).text(), want, "{text:?}");
        }
        for text in [
            "meet @ noon . Then",
            "I'm @ work . it was",
            "me @ home . com",
            "a . b @ c . xyz",
            "end . doe@",
        ] {
            assert_eq!(fold(text).text(), text, "{text:?}");
        }
        let (_, spans) = spans("a . b @ c . io");
        assert_eq!((spans[1], spans[3]), ((1, 4), (5, 8)));
    }

    #[test]
    fn quoted_printable_decodes_where_the_text_is_mail() {
        // UTF-8 in escapes is decoded anywhere; `=40`, `=3D` and soft breaks only then.
        assert_eq!(fold("J=C3=BCrgen a=3D5 x=\ny").text(), "Jürgen a=5 xy");
        assert_eq!(
            fold("a=3D5 x=\ny b=40c =FC").text(),
            "a=3D5 x=\ny b=40c =FC"
        );
        let text = "Content-Transfer-Encoding: Quoted-Printable\r\n\r\nJ=FCrgen j=40x.de ab=\r\ncd";
        assert!(fold(text).text().ends_with("\n\r\nJürgen j@x.de abcd"));
        // Lower-case hex, quotes and controls stay encoded.
        assert_eq!(
            fold("=c3=bc =C3=BC=22 =C3=BC=0A").text(),
            "=c3=bc ü=22 ü=0A"
        );
    }

    #[test]
    fn encoded_words_decode_as_one_unit() {
        let text = "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <j@x.de>";
        let f = fold(text);
        assert_eq!(f.text(), "From: Jürgen Müller <j@x.de>");
        // Any part of the decoded text maps to the whole encoded-word.
        let (s, e) = (f.start(6), f.end(12));
        assert_eq!(&text[s..e], "=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=");
        for (text, want) in [
            ("=?utf-8?b?SsO8cmdlbg==?=", "Jürgen"),
            ("=?ISO-8859-1?Q?J=FCrgen?=", "Jürgen"),
            ("=?UTF-8?Q?a?= \r\n =?UTF-8?Q?b?= c", "ab c"),
            ("=?UTF-8*de?Q?x?=", "x"),
        ] {
            assert_eq!(fold(text).text(), want, "{text:?}");
        }
        for text in [
            "=?KOI8-R?Q?x?=",
            "=?UTF-8?X?abc?=",
            "=?UTF-8?Q?a b?=",
            "=?UTF-8?Q?=0A?=",
            "=?UTF-8?Q??=",
            "x =? y",
        ] {
            assert_eq!(fold(text).text(), text, "{text:?}");
        }
    }

    #[test]
    fn digit_blocks_are_numeric() {
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        for &z in DIGIT_ZEROS {
            for d in 0..10 {
                let c = char::from_u32(z + d).expect("a digit is a char");
                assert!(c.is_numeric(), "U+{:04X}", z + d);
                assert_eq!(decimal_digit(z + d), Some(d as u8));
            }
            assert_eq!(
                decimal_digit(z + 10).filter(|_| !DIGIT_ZEROS.contains(&(z + 10))),
                None
            );
        }
    }
}
