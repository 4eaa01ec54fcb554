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

/// The flag letters in bit order (`gazetteer::FIRST`, `LAST`, `PLACE`, `WORD`).
const LETTERS: [u8; 4] = [b'f', b'l', b'c', b'w'];

/// The text form (`word<TAB>flags` lines) of a packed list, or `None` when it is damaged.
pub(crate) fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    let rest = packed.strip_prefix(MAGIC)?;
    let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let shared = rest.get(4..4 + count)?;
    let mut entries = rest.get(4 + count..)?;
    // Each entry adds at least its tab, its newline and a byte of word or flags.
    let mut text = Vec::with_capacity(packed.len().saturating_mul(2));
    // Where the previous word starts in `text`, and its length.
    let (mut prev, mut prev_len) = (0usize, 0usize);
    for &keep in shared {
        let keep = usize::from(keep);
        let end = entries.iter().position(|&b| b < 0x20)?;
        let tag = entries[end];
        if keep > prev_len || tag & 0xf0 != 0x10 {
            return None;
        }
        let start = text.len();
        text.extend_from_within(prev..prev + keep);
        text.extend_from_slice(&entries[..end]);
        (prev, prev_len) = (start, text.len() - start);
        text.push(b'\t');
        for (bit, letter) in LETTERS.iter().enumerate() {
            if tag & (1 << bit) != 0 {
                text.push(*letter);
            }
        }
        text.push(b'\n');
        entries = &entries[end + 1..];
    }
    entries.is_empty().then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn unpacks_to_the_text() {
        let text = "anna\tf\nannabel\tfl\nberlin\tc\nbern\tcw\nmüller\tl\nmüllerin\t\n";
        assert_eq!(unpack(&pack(text)).unwrap(), text.as_bytes());
        assert_eq!(unpack(&pack("")).unwrap(), b"");
    }

    #[test]
    fn a_damaged_list_is_refused() {
        let good = pack("anna\tf\nannabel\tfl\n");
        assert!(unpack(&good).is_some());
        // Cut anywhere, one byte more, a prefix longer than the word before, a bad tag.
        for cut in 0..good.len() {
            assert!(unpack(&good[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = good.clone();
        longer.push(b'x');
        assert!(unpack(&longer).is_none());
        let mut shared = good.clone();
        shared[MAGIC.len() + 4] = 1;
        assert!(unpack(&shared).is_none());
        let mut tag = good.clone();
        *tag.last_mut().unwrap() = 0x05;
        assert!(unpack(&tag).is_none());
    }

    /// Every entry of the real list is found with the same flags from its packed form.
    #[cfg(feature = "embedded-gazetteer")]
    #[test]
    fn the_real_list_round_trips() {
        let text = include_str!("../../../data/gazetteer.txt");
        assert_eq!(unpack(&pack(text)).unwrap(), text.as_bytes());
    }
}
