//! The name list as the package ships it: front-coded, 27% smaller than the text under gzip
//! (docs/benchmarks.md). `scripts/pack-gazetteer.mjs` writes it from `data/gazetteer.txt` (the
//! source of truth, which people edit) at build time; [`unpack`] turns it back into exactly
//! that text, which the loader then parses and checks as it always did.
//!
//! Layout: [`MAGIC`], the entry count (u32, little-endian), one byte per entry with how many
//! leading bytes its word shares with the previous word (at most 255), then per entry the rest
//! of its word and one byte `0x10 | flags` (bit 0 `f`, 1 `l`, 2 `c`, 3 `w`), which also ends
//! the word: a word holds no byte below 0x20.

/// The first bytes of a packed list. The text format never starts with a NUL byte.
pub(crate) const MAGIC: &[u8; 6] = b"\0PIIG\x01";

use super::Entries;

/// The words of a packed list one after the other, and its entries over them; `None` when it
/// is damaged. It accepts exactly the lists whose text form (`word<TAB>flags` lines) the text
/// loader accepts, and gives the same entries: every word non-empty, valid UTF-8 and greater
/// than the one before, and the flags the same bits.
pub(super) fn read(packed: &[u8]) -> Option<(Vec<u8>, Entries)> {
    let rest = packed.strip_prefix(MAGIC)?;
    let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let shared = rest.get(4..4 + count)?;
    let mut tails = rest.get(4 + count..)?;
    let mut words = Vec::with_capacity(tails.len().saturating_mul(2));
    let mut entries = Entries::with_capacity(count);
    // Where the previous word starts in `words`, and its length.
    let (mut prev, mut prev_len) = (0usize, 0usize);
    for (i, &keep) in shared.iter().enumerate() {
        let keep = usize::from(keep);
        let end = tails.iter().position(|&b| b < 0x20)?;
        let (tail, tag) = (&tails[..end], tails[end]);
        if keep > prev_len || tag & 0xf0 != 0x10 || keep + tail.len() == 0 {
            return None;
        }
        // Greater than the word before: it is that word's first `keep` bytes and then `tail`,
        // so the first byte of `tail` against the byte of the word before at `keep` decides
        // (a word that ends there is shorter, so smaller), unless they are equal (a packer
        // that shared fewer bytes than it could): then the words are compared.
        let greater = match (tail.first(), words.get(prev + keep)) {
            _ if i == 0 => true,
            (None, _) => false,
            (Some(_), None) => keep == prev_len,
            (Some(&t), Some(&p)) if keep < prev_len && t != p => t > p,
            (Some(_), Some(_)) => {
                let before = &words[prev..prev + prev_len];
                before[..keep].iter().chain(tail).gt(before.iter())
            }
        };
        // A word that starts inside a character: each word valid UTF-8 once the whole is.
        let starts_inside = |b: u8| (0x80..0xc0).contains(&b);
        let first = if keep > 0 { words[prev] } else { tail[0] };
        if !greater || starts_inside(first) {
            return None;
        }
        let start = words.len();
        words.extend_from_within(prev..prev + keep);
        words.extend_from_slice(tail);
        entries.push(&words[start..], start, tag & 0x0f);
        (prev, prev_len) = (start, words.len() - start);
        tails = &tails[end + 1..];
    }
    let whole = tails.is_empty() && words.len() < u32::MAX as usize;
    (whole && std::str::from_utf8(&words).is_ok()).then_some((words, entries))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The flag letters in bit order (`gazetteer::FIRST`, `LAST`, `PLACE`, `WORD`).
    const LETTERS: [u8; 4] = [b'f', b'l', b'c', b'w'];

    /// The packed form of a text list, as scripts/pack-gazetteer.mjs writes it (the tests'
    /// own copy of the layout, so a change on either side shows).
    pub(crate) fn pack(text: &str) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let lines: Vec<(&str, &str)> = text.lines().map(|l| l.split_once('\t').unwrap()).collect();
        out.extend_from_slice(&(lines.len() as u32).to_le_bytes());
        let mut prev = "";
        let mut tails = Vec::new();
        for (word, flags) in &lines {
            let common = prev
                .bytes()
                .zip(word.bytes())
                .take_while(|(a, b)| a == b)
                .count()
                .min(255);
            out.push(common as u8);
            tails.extend_from_slice(&word.as_bytes()[common..]);
            let bits = flags.bytes().fold(0u8, |acc, c| {
                acc | 1 << LETTERS.iter().position(|&l| l == c).unwrap()
            });
            tails.push(0x10 | bits);
            prev = word;
        }
        out.extend_from_slice(&tails);
        out
    }

    /// A packed list from `(shared bytes, rest of the word, flag bits)` entries, as they are.
    fn raw(entries: &[(u8, &[u8], u8)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        out.extend(entries.iter().map(|e| e.0));
        for (_, tail, bits) in entries {
            out.extend_from_slice(tail);
            out.push(0x10 | bits);
        }
        out
    }

    #[test]
    fn a_damaged_list_is_refused() {
        let good = pack("anna\tf\nannabel\tfl\n");
        assert!(read(&good).is_some());
        // Cut anywhere, one byte more, a prefix longer than the word before, a bad tag.
        for cut in 0..good.len() {
            assert!(read(&good[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = good.clone();
        longer.push(b'x');
        assert!(read(&longer).is_none());
        let mut shared = good.clone();
        shared[MAGIC.len() + 4] = 1;
        assert!(read(&shared).is_none());
        let mut tag = good.clone();
        *tag.last_mut().unwrap() = 0x05;
        assert!(read(&tag).is_none());
    }

    #[test]
    fn words_are_checked_as_the_text_loader_checks_them() {
        fn e(keep: u8, tail: &[u8], bits: u8) -> (u8, &[u8], u8) {
            (keep, tail, bits)
        }
        let ok = |entries: &[(u8, &[u8], u8)]| read(&raw(entries)).is_some();
        assert!(ok(&[e(0, b"ab", 1), e(1, b"c", 2)]));
        // Not sorted, twice the same word, a word that is the start of the one before, an
        // empty word.
        assert!(!ok(&[e(0, b"b", 1), e(0, b"a", 1)]));
        assert!(!ok(&[e(0, b"ab", 1), e(2, b"", 1)]));
        assert!(!ok(&[e(0, b"ab", 1), e(0, b"ab", 1)]));
        assert!(!ok(&[e(0, b"abc", 1), e(2, b"", 1)]));
        assert!(!ok(&[e(0, b"", 1)]));
        // Sharing fewer bytes than it could still reads (and is compared in full).
        assert!(ok(&[e(0, b"abc", 1), e(1, b"bd", 1)]));
        assert!(!ok(&[e(0, b"abc", 1), e(1, b"bb", 1)]));
        assert!(!ok(&[e(0, b"abc", 1), e(1, b"bc", 1)]));
        // UTF-8: a word may not start inside a character, even when the bytes together are
        // valid, nor be invalid on its own.
        assert!(ok(&[e(0, "é".as_bytes(), 1), e(2, b"a", 1)]));
        assert!(!ok(&[e(0, &[0xc3], 1), e(1, &[0xa9], 1)]));
        assert!(!ok(&[e(0, &[0xc3], 1), e(0, &[0xc3, 0xa9], 1)]));
        assert!(!ok(&[e(0, &[0xff], 1)]));
        // The text loader agrees where the text can say it.
        assert!(crate::Gazetteer::from_bytes(b"b\tf\na\tf\n").is_err());
        assert!(crate::Gazetteer::from_bytes(b"ab\tf\nab\tf\n").is_err());
        assert!(crate::Gazetteer::from_bytes(b"abc\tf\nab\tf\n").is_err());
    }
}
