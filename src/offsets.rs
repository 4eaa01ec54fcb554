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
    points.sort_unstable();
    let mut byte = 0usize;
    let mut units = 0usize;
    let mut chars = text.char_indices().peekable();
    for (target, idx, is_end) in points {
        while byte < target {
            match chars.next() {
                Some((_, c)) => {
                    byte += c.len_utf8();
                    units += match unit {
                        OffsetUnit::Utf16 => c.len_utf16(),
                        _ => 1,
                    };
                }
                None => break,
            }
        }
        let f = &mut findings[idx];
        if is_end {
            f.end = units;
        } else {
            f.start = units;
        }
    }
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
