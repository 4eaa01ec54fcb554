//! Small helpers shared by the national-identifier families: the digits of a candidate,
//! two-digit fields, and separator checks.

use super::{Candidate, Verdict};

/// The ASCII digits of `s` in a fixed buffer (no allocation per candidate). `None` when there
/// are more than `N` digits.
pub(crate) fn digits<const N: usize>(s: &str) -> Option<([u8; N], usize)> {
    let mut out = [0u8; N];
    let mut n = 0;
    for b in s.bytes().filter(u8::is_ascii_digit) {
        if n == N {
            return None;
        }
        out[n] = b - b'0';
        n += 1;
    }
    Some((out, n))
}

/// The number formed by `d[i]` and `d[i + 1]`.
pub(crate) fn two(d: &[u8], i: usize) -> u32 {
    u32::from(d[i]) * 10 + u32::from(d[i + 1])
}

/// The non-alphanumeric characters of `v` are all the same one (or there are none): people
/// write one identifier with one kind of separator.
pub(crate) fn one_separator_kind(v: &str) -> bool {
    let mut seps = v.bytes().filter(|b| !b.is_ascii_alphanumeric());
    match seps.next() {
        None => true,
        Some(first) => seps.all(|b| b == first),
    }
}

/// True when `v` holds a separator (anything but a letter or digit).
pub(crate) fn has_separator(v: &str) -> bool {
    v.bytes().any(|b| !b.is_ascii_alphanumeric())
}

/// A letter, digit or underscore right before or after the match, or a digit behind a
/// separator: the match is a piece of a longer token.
pub(crate) fn glued(c: &Candidate<'_>) -> bool {
    let word = |x: Option<char>| x.is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '_');
    word(c.before()) || word(c.after()) || super::glued_to_digits(c)
}

/// Where the number at the end of `v` starts: its trailing run of digits, `.` and `-` (the
/// value of a match that is a label and a number), without a leading `.` or `-`.
pub(crate) fn trailing_number(v: &str) -> usize {
    let b = v.as_bytes();
    let mut i = b.len();
    while i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b'-') {
        i -= 1;
    }
    while i < b.len() && !b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// All digits equal (`000000000`, `111111111`): placeholders, never issued.
pub(crate) fn all_same(d: &[u8]) -> bool {
    d.iter().all(|&x| x == d[0])
}

/// The four-digit year for a two-digit `yy`, taking the most recent past century relative to
/// a fixed pivot (identifiers without a century marker are read as 1930–2029).
pub(crate) fn year_from_yy(yy: u32) -> u32 {
    if yy < 30 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// For rules whose pattern is `label separator value` (weak shapes that are only worth
/// reporting after a label): runs `inner` on the value after the label and, when it is not
/// rejected, reports just the value as a span. Matching the label in the pattern keeps such
/// rules from evaluating every bare digit run in the text.
pub(crate) fn labelled_value(c: &Candidate<'_>, inner: fn(&Candidate<'_>) -> Verdict) -> Verdict {
    let v = c.value();
    let Some(sep) = v.rfind([' ', ':', '.', '#', '"', '\'', '(']) else {
        return Verdict::Reject;
    };
    let off = sep + 1;
    if off >= v.len() {
        return Verdict::Reject;
    }
    let value = Candidate {
        text: c.text,
        start: c.start + off,
        end: c.end,
    };
    match inner(&value) {
        Verdict::Reject => Verdict::Reject,
        Verdict::Checked(name) => Verdict::Span {
            start: off,
            end: v.len(),
            check: Some(name),
        },
        _ => Verdict::Span {
            start: off,
            end: v.len(),
            check: None,
        },
    }
}
