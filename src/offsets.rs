//! Offset units. Rust matches in UTF-8 bytes; JavaScript strings index UTF-16 code units.

use crate::Finding;
use serde::{Deserialize, Serialize};

/// The unit in which `start`/`end` are expressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-16 code units: the index of a JavaScript string. The default at every JS-facing edge.
    #[default]
    Utf16,
    /// Unicode scalar values (Python's `str` index).
    Codepoint,
    /// UTF-8 bytes (Rust's `str` index).
    Byte,
}

impl std::str::FromStr for OffsetUnit {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "utf16" => Ok(Self::Utf16),
            "codepoint" => Ok(Self::Codepoint),
            "byte" => Ok(Self::Byte),
            other => Err(crate::Error::Unknown {
                kind: "offset unit (expected utf16, codepoint or byte)",
                name: other.to_string(),
            }),
        }
    }
}

/// Converts findings' byte offsets in `text` to `unit`, in one pass over the text.
///
/// Findings may come in any order; the walk visits their offsets sorted.
///
/// ```
/// use pii_airlock::{convert_offsets, Engine, OffsetUnit};
/// let text = "😀 a@b.io";
/// let mut f = Engine::default_engine().scan(text);
/// convert_offsets(text, &mut f, OffsetUnit::Utf16);
/// assert_eq!((f[0].start, f[0].end), (3, 9));
/// ```
pub fn convert_offsets(text: &str, findings: &mut [Finding], unit: OffsetUnit) {
    if unit == OffsetUnit::Byte || text.is_ascii() {
        return;
    }
    let mut points: Vec<(usize, usize, bool)> = Vec::with_capacity(findings.len() * 2);
    for (i, f) in findings.iter().enumerate() {
        points.push((f.start, i, false));
        points.push((f.end, i, true));
    }
    crate::sort::sort(&mut points);
    let bytes = text.as_bytes();
    let utf16 = unit == OffsetUnit::Utf16;
    let mut byte = 0usize;
    let mut units = 0usize;
    for (target, idx, is_end) in points {
        let target = target.min(bytes.len());
        if byte < target {
            units += units_in(&bytes[byte..target], utf16);
            byte = target;
        }
        let f = &mut findings[idx];
        if is_end {
            f.end = units;
        } else {
            f.start = units;
        }
    }
}

/// Code points (or UTF-16 units) in a run of whole UTF-8 characters, counted byte by byte:
/// every byte but a continuation byte starts a character, and a four-byte one needs a
/// surrogate pair. A loop without branches, which the compiler vectorises, instead of
/// decoding each character.
fn units_in(bytes: &[u8], utf16: bool) -> usize {
    let pairs = usize::from(utf16);
    bytes
        .iter()
        .map(|&b| usize::from((b as i8) >= -64) + pairs * usize::from(b >= 0xF0))
        .sum()
}

/// Converts one offset in `unit` back to a UTF-8 byte offset in `text`, or `None` when it does
/// not fall on a character boundary or lies past the end.
pub fn to_byte_offset(text: &str, offset: usize, unit: OffsetUnit) -> Option<usize> {
    if unit == OffsetUnit::Byte {
        return text.is_char_boundary(offset).then_some(offset);
    }
    let mut units = 0usize;
    for (b, c) in text.char_indices() {
        if units == offset {
            return Some(b);
        }
        if units > offset {
            return None;
        }
        units += match unit {
            OffsetUnit::Utf16 => c.len_utf16(),
            _ => 1,
        };
    }
    (units == offset).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of character boundaries of a text mixing 1-, 2-, 3- and 4-byte characters,
    /// converted at once, against a character-by-character count.
    #[test]
    fn byte_counting_matches_decoding() {
        let text = "a é 中 😀 b\u{10FFFF}Ωz 👩‍💻 x\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut findings = Vec::new();
        for (k, &s) in bounds.iter().enumerate() {
            for &e in &bounds[k..] {
                findings.push(Finding {
                    start: s,
                    end: e,
                    entity: "X".into(),
                    score: 1.0,
                    rule: "x".into(),
                    reason: Default::default(),
                });
            }
        }
        for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint] {
            let count = |b: usize| -> usize {
                text[..b]
                    .chars()
                    .map(|c| match unit {
                        OffsetUnit::Utf16 => c.len_utf16(),
                        _ => 1,
                    })
                    .sum()
            };
            let mut got = findings.clone();
            convert_offsets(text, &mut got, unit);
            for (f, g) in findings.iter().zip(&got) {
                assert_eq!((g.start, g.end), (count(f.start), count(f.end)), "{unit:?}");
                assert_eq!(to_byte_offset(text, g.start, unit), Some(f.start));
            }
        }
    }
}
