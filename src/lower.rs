//! Unicode lower case, the same as the standard library's (`char::to_lowercase`,
//! `str::to_lowercase`), from tables `build.rs` derives from it.
//!
//! The standard library's table costs the `.wasm` 11.7 KB (7.8 KB gzip: the first module's
//! largest single table), and these ranges a third of that (docs/benchmarks.md, "Round 7").
//! Every lower-casing in the crate goes through [`Lower`]; one call of the standard library's
//! brings its table back.

include!(concat!(env!("OUT_DIR"), "/lower_tables.rs"));

use std::sync::OnceLock;

/// The lower case of a character or string.
pub(crate) trait Lower {
    /// A string for a string, the characters for a character.
    type Out;
    /// What `to_lowercase` returns, with the same content.
    fn lower(&self) -> Self::Out;
}

/// The tables, unpacked on first use (`build.rs` packs them as LEB128 numbers).
struct Tables {
    map: Vec<(u32, u32, i32, u32)>,
    ignorable: Vec<(u32, u32)>,
    cased: Vec<(u32, u32)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut map = Vec::new();
        let mut n = numbers(MAP);
        let mut end = 0;
        while let (Some(gap), Some(len), Some(zigzag), Some(step)) =
            (n.next(), n.next(), n.next(), n.next())
        {
            let delta = (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32);
            map.push((end + gap, end + gap + len, delta, step));
            end += gap + len;
        }
        Tables {
            map,
            ignorable: ranges(CASE_IGNORABLE),
            cased: ranges(CASED),
        }
    })
}

/// The LEB128 numbers of `packed`.
fn numbers(packed: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut bytes = packed.iter();
    std::iter::from_fn(move || {
        let (mut v, mut shift) = (0u32, 0);
        for &b in bytes.by_ref() {
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
            shift += 7;
        }
        None
    })
}

/// Inclusive ranges packed as two numbers each: the first character's distance from the
/// previous range's last (from 0), and the last's from the first.
fn ranges(packed: &[u8]) -> Vec<(u32, u32)> {
    let mut n = numbers(packed);
    let (mut out, mut end) = (Vec::new(), 0);
    while let (Some(gap), Some(len)) = (n.next(), n.next()) {
        out.push((end + gap, end + gap + len));
        end += gap + len;
    }
    out
}

/// `c` in `ranges` (sorted, inclusive).
fn within(ranges: &[(u32, u32)], c: char) -> bool {
    let u = c as u32;
    let i = ranges.partition_point(|r| r.0 <= u);
    i > 0 && ranges.get(i - 1).is_some_and(|r| u <= r.1)
}

/// The one or two characters `c` lowers to.
fn lower_char(c: char) -> (char, Option<char>) {
    let u = c as u32;
    if u < 0x80 {
        return (c.to_ascii_lowercase(), None);
    }
    if c == '\u{130}' {
        return ('i', Some('\u{307}'));
    }
    let map = &tables().map;
    let i = map.partition_point(|r| r.0 <= u);
    match i.checked_sub(1).and_then(|i| map.get(i)) {
        Some(&(first, last, delta, step)) if u <= last && (u - first) % step == 0 => (
            char::from_u32(u.wrapping_add_signed(delta)).unwrap_or(c),
            None,
        ),
        _ => (c, None),
    }
}

/// After skipping case-ignorable characters, a cased one.
fn cased_after_ignorable(mut chars: impl Iterator<Item = char>) -> bool {
    let Tables {
        ignorable, cased, ..
    } = tables();
    chars
        .find(|&c| !within(ignorable, c))
        .is_some_and(|c| within(cased, c))
}

impl Lower for char {
    type Out = std::iter::Chain<std::iter::Once<char>, std::option::IntoIter<char>>;

    fn lower(&self) -> Self::Out {
        let (a, b) = lower_char(*self);
        std::iter::once(a).chain(b)
    }
}

impl Lower for str {
    type Out = String;

    fn lower(&self) -> String {
        let mut out = String::with_capacity(self.len());
        for (i, c) in self.char_indices() {
            if c == '\u{3a3}' {
                // A capital sigma lowers to the final form at the end of a word.
                let end = i + c.len_utf8();
                let last = cased_after_ignorable(self[..i].chars().rev())
                    && !cased_after_ignorable(self[end..].chars());
                out.push(if last { '\u{3c2}' } else { '\u{3c3}' });
            } else {
                let (a, b) = lower_char(c);
                out.push(a);
                out.extend(b);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_lowers_it() {
        for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
            assert!(c.lower().eq(c.to_lowercase()), "{:x}", c as u32);
        }
    }

    #[test]
    fn strings_lower_as_the_standard_library_lowers_them() {
        // Every character before and after a capital sigma (final or not), and inside words.
        for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
            for s in [
                format!("{c}\u{3a3}"),
                format!("A{c}\u{3a3}"),
                format!("A\u{3a3}{c}"),
                format!("\u{3a3}{c}A"),
                format!("x{c}\u{3a3}{c}y"),
            ] {
                assert_eq!(s.lower(), s.to_lowercase(), "{:x}", c as u32);
            }
        }
        for s in [
            "",
            "ΟΔΥΣΣΕΥΣ",
            "ΣΑΣ ΣΑΣ. Σ",
            "İstanbul İİ",
            "Straße ǅemal ΑΣΦΑΛΙΣΗΣ's",
            "A\u{300}\u{3a3}\u{301}",
        ] {
            assert_eq!(s.lower(), s.to_lowercase(), "{s}");
        }
    }
}
