//! The name and place list: a sorted text file (`word<TAB>flags` a line), searched in place by
//! a hash index. Loading validates the bytes, records where each line starts and builds the
//! index, so it costs a few milliseconds and the data can be embedded or fetched as a separate
//! asset.

use super::table::Index;
use crate::Error;
use std::borrow::Cow;

// The shipped, front-coded form of the list (scripts/pack-gazetteer.mjs writes it).
mod packed;

/// A first name.
pub(crate) const FIRST: u8 = 1;
/// A surname.
pub(crate) const LAST: u8 = 2;
/// A city, region or country.
pub(crate) const PLACE: u8 = 4;
/// A common word: a name that is mostly a word needs more evidence.
pub(crate) const WORD: u8 = 8;

/// First names, surnames, places and common words, lower-cased and NFC-normalised.
///
/// Build it with [`Gazetteer::from_bytes`] from the data file `data/gazetteer.txt` (or a file
/// in the same format), or with [`Gazetteer::embedded`].
pub struct Gazetteer {
    data: Cow<'static, [u8]>,
    /// Byte range of every key.
    keys: Vec<(u32, u32)>,
    /// Flags of each line.
    flags: Vec<u8>,
    /// Hash index over the keys.
    index: Index,
    /// Bits of the hashes of first names that are neither common words nor places: lower-case
    /// text is checked against this cache-resident filter before the full lookup, so the
    /// stop words of running prose (which are in the list, flagged `w`) cost one bit test.
    first_filter: Vec<u64>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.keys.len())
            .field("bytes", &self.data.len())
            .finish()
    }
}

#[cfg(feature = "embedded-gazetteer")]
static EMBEDDED: &[u8] = include_bytes!("../../data/gazetteer.txt");

impl Gazetteer {
    /// The list compiled into the crate (feature `embedded-gazetteer`, on by default).
    #[cfg(feature = "embedded-gazetteer")]
    pub fn embedded() -> Gazetteer {
        Gazetteer::load(Cow::Borrowed(EMBEDDED)).expect("the embedded gazetteer is valid")
    }

    /// An empty list: titles, greetings and context phrases still find names.
    pub fn empty() -> Gazetteer {
        Gazetteer::load(Cow::Borrowed(&[])).expect("empty is valid")
    }

    /// Parses a gazetteer in the `data/gazetteer.txt` format: UTF-8, one `word<TAB>flags` entry
    /// a line, sorted by bytes, flags from `f` (first name), `l` (surname), `c` (place), `w`
    /// (common word). The front-coded form the npm package ships (`dist/gazetteer.bin`,
    /// written from the text by `scripts/pack-gazetteer.mjs`) is read as well.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, Error> {
        if bytes.starts_with(packed::MAGIC) {
            return Gazetteer::from_packed(bytes);
        }
        Gazetteer::load(Cow::Owned(bytes.to_vec()))
    }

    /// [`Gazetteer::from_bytes`] for bytes the caller already owns (a list copied out of a
    /// JavaScript `Uint8Array`): no second copy of the half-megabyte list.
    pub fn from_vec(bytes: Vec<u8>) -> Result<Gazetteer, Error> {
        if bytes.starts_with(packed::MAGIC) {
            return Gazetteer::from_packed(&bytes);
        }
        Gazetteer::load(Cow::Owned(bytes))
    }

    /// The packed form, read without turning it back into text first: the entries come out
    /// of the front coding already split into word and flags, in order (start-up: in wasm
    /// this loop runs once, before the engine's code has been optimised).
    fn from_packed(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let (words, entries) = packed::read(bytes).ok_or_else(|| Error::InvalidOption {
            option: "gazetteer",
            reason: "the packed list is damaged".to_string(),
        })?;
        Ok(entries.finish(Cow::Owned(words)))
    }

    fn load(data: Cow<'static, [u8]>) -> Result<Gazetteer, Error> {
        let bad = |reason: &str| Error::InvalidOption {
            option: "gazetteer",
            reason: reason.to_string(),
        };
        if data.len() >= u32::MAX as usize {
            return Err(bad("too large"));
        }
        std::str::from_utf8(&data).map_err(|_| bad("not UTF-8"))?;
        let mut entries = Entries::with_capacity(data.len() / 10);
        let mut start = 0usize;
        let mut prev: &[u8] = &[];
        // One pass over each line: the word up to the tab, then the flags up to the newline
        // (start-up cost: this runs on every page load in the browser).
        while start < data.len() {
            let line = &data[start..];
            let tab = match line.iter().position(|&b| b == b'\t' || b == b'\n') {
                Some(t) if line[t] == b'\t' => t,
                _ => return Err(bad("a line has no tab")),
            };
            let key = &line[..tab];
            let mut f = 0u8;
            let mut end = tab + 1;
            while let Some(&b) = line.get(end) {
                f |= match b {
                    b'f' => FIRST,
                    b'l' => LAST,
                    b'c' => PLACE,
                    b'w' => WORD,
                    b'\n' => break,
                    _ => return Err(bad("a line has an empty word or unknown flags")),
                };
                end += 1;
            }
            if key.is_empty() {
                return Err(bad("a line has an empty word or unknown flags"));
            }
            if key <= prev {
                return Err(bad("entries are not sorted and unique"));
            }
            prev = key;
            entries.push(key, start, f);
            start += end + 1;
        }
        Ok(entries.finish(data))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Holds no entry.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn key(&self, i: usize) -> &[u8] {
        let (a, b) = self.keys[i];
        &self.data[a as usize..b as usize]
    }

    /// The flags of a lower-cased word (0 when absent).
    pub(crate) fn flags(&self, lower: &[u8]) -> u8 {
        self.flags_hashed(super::table::hash(lower), lower)
    }

    /// Could the word with hash `h` be a first name that is neither a common word nor a place?
    /// `false` is certain; `true` may be wrong about one time in ten.
    pub(crate) fn maybe_plain_first(&self, h: u64) -> bool {
        let bit = first_bit(h);
        self.first_filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Could a word with hash `h` be in the list? `false` is certain.
    pub(crate) fn maybe(&self, h: u64) -> bool {
        self.index.maybe(h)
    }

    /// [`Gazetteer::flags`] with the word's hash already computed.
    pub(crate) fn flags_hashed(&self, h: u64, lower: &[u8]) -> u8 {
        self.index
            .get_hashed(h, lower, |i| self.key(i))
            .map_or(0, |i| self.flags[i])
    }
}

/// The entries of a list as a loader reads them, in order: where each word lies in the list's
/// bytes, its flags and hash, and the first-name filter.
pub(super) struct Entries {
    keys: Vec<(u32, u32)>,
    flags: Vec<u8>,
    hashes: Vec<u64>,
    first_filter: Vec<u64>,
}

impl Entries {
    pub(super) fn with_capacity(n: usize) -> Entries {
        Entries {
            keys: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
            first_filter: vec![0u64; FIRST_FILTER_BITS / 64],
        }
    }

    /// The next entry: `key`, which starts at `start` in the list's bytes, and its flags.
    pub(super) fn push(&mut self, key: &[u8], start: usize, f: u8) {
        let h = super::table::hash(key);
        if f & FIRST != 0 && f & (WORD | PLACE) == 0 {
            let bit = first_bit(h);
            self.first_filter[bit / 64] |= 1 << (bit % 64);
        }
        self.keys.push((start as u32, (start + key.len()) as u32));
        self.flags.push(f);
        self.hashes.push(h);
    }

    /// The gazetteer over `data`, the bytes the keys are in.
    fn finish(self, data: Cow<'static, [u8]>) -> Gazetteer {
        Gazetteer {
            index: Index::from_hashes(&self.hashes),
            first_filter: self.first_filter,
            keys: self.keys,
            flags: self.flags,
            data,
        }
    }
}

/// 2^17 bits (16 KB): about ten bits for each plain first name.
const FIRST_FILTER_BITS: usize = 1 << 17;

fn first_bit(h: u64) -> usize {
    ((h >> 17) as usize) & (FIRST_FILTER_BITS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_finds() {
        let g =
            Gazetteer::from_bytes("anna\tf\nberlin\tc\nmüller\tl\nrose\tflw\n".as_bytes()).unwrap();
        assert_eq!(g.len(), 4);
        assert_eq!(g.flags(b"anna"), FIRST);
        assert_eq!(g.flags("müller".as_bytes()), LAST);
        assert_eq!(g.flags(b"rose"), FIRST | LAST | WORD);
        assert_eq!(g.flags(b"bern"), 0);
        assert_eq!(g.flags(b"zzz"), 0);
        assert_eq!(g.flags(b""), 0);
    }

    #[test]
    fn rejects_malformed_data() {
        assert!(Gazetteer::from_bytes(b"b\tf\na\tf\n").is_err());
        assert!(Gazetteer::from_bytes(b"a\tq\n").is_err());
        assert!(Gazetteer::from_bytes(b"a\n").is_err());
        assert!(Gazetteer::from_bytes(&[0xff, b'\t', b'f']).is_err());
        assert!(Gazetteer::from_bytes(b"").unwrap().is_empty());
        assert!(Gazetteer::from_vec(b"b\tf\na\tf\n".to_vec()).is_err());
        assert_eq!(
            Gazetteer::from_vec(b"a\tf\nb\tl\n".to_vec()).unwrap().len(),
            2
        );
    }

    /// Everything a lookup reads, by entry: the same from the text and from the packed form.
    fn same(a: &Gazetteer, b: &Gazetteer) {
        assert_eq!(a.len(), b.len());
        for i in 0..a.len() {
            assert_eq!((a.key(i), a.flags[i]), (b.key(i), b.flags[i]), "entry {i}");
        }
        assert_eq!(a.first_filter, b.first_filter);
        assert_eq!(a.index.slots(), b.index.slots());
    }

    #[cfg(feature = "embedded-gazetteer")]
    #[test]
    fn the_packed_list_loads_as_the_text() {
        let text = include_str!("../../data/gazetteer.txt");
        let packed = packed::tests::pack(text);
        let from_text = Gazetteer::from_bytes(text.as_bytes()).unwrap();
        same(&from_text, &Gazetteer::from_bytes(&packed).unwrap());
        same(&from_text, &Gazetteer::from_vec(packed).unwrap());
    }

    #[test]
    fn small_packed_lists_load_as_their_text() {
        for text in [
            "",
            "a\tf\n",
            "anna\tf\nannabel\tfl\nberlin\tc\nbern\tcw\nmüller\tl\nmüllerin\t\n",
            "ab\tw\nabc\tf\nabd\tl\nb\tc\nba\tflcw\nbb\t\n",
        ] {
            let packed = packed::tests::pack(text);
            same(
                &Gazetteer::from_bytes(text.as_bytes()).unwrap(),
                &Gazetteer::from_bytes(&packed).unwrap(),
            );
        }
    }

    #[cfg(feature = "embedded-gazetteer")]
    #[test]
    fn embedded_loads_quickly() {
        let t = std::time::Instant::now();
        let g = Gazetteer::embedded();
        let took = t.elapsed();
        assert!(g.len() > 10_000);
        assert_ne!(g.flags("łukasz".as_bytes()) & FIRST, 0);
        // Generous for debug builds on a shared machine; release is about a millisecond.
        assert!(took.as_millis() < 200, "loading took {took:?}");
    }
}
