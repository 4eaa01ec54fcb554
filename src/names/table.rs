//! A small open-addressing hash index over byte-string keys stored elsewhere (the gazetteer's
//! lines, the lexicon's words): one hash and usually one comparison per lookup, where a binary
//! search over 40,000 entries needs sixteen. Building it costs about a millisecond.

/// Slots hold `entry index + 1`; 0 is empty. A bitset over other hash bits, small enough to
/// stay in cache, answers "certainly absent" for most words without touching the slots.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    slots: Vec<u32>,
    mask: usize,
    filter: Vec<u64>,
    filter_mask: u64,
}

fn filter_bit(h: u64, mask: u64) -> (usize, u64) {
    let b = (h >> 32) & mask;
    ((b >> 6) as usize, 1u64 << (b & 63))
}

/// A fast, non-cryptographic hash of a short key (the keys are fixed data, not attacker
/// controlled in a way that matters: a crafted text only costs a few extra probes).
pub(crate) fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// [`hash`] of the lower-cased form of an ASCII token made of letters, digits, `'` and `-`,
/// without copying it: for those bytes, setting bit 5 lower-cases letters and leaves the rest
/// unchanged. The reference for [`hash_ascii_lower_at`], which the scan uses.
#[cfg(test)]
pub(crate) fn hash_ascii_lower(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut h: u64 = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes")) | LOWER;
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        for (d, s) in b.iter_mut().zip(rest) {
            *d = s | 0x20;
        }
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// [`hash_ascii_lower`] of `text[start..end]`, reading whole eight-byte words from `text` where
/// it extends past the key and masking off the bytes after it: the tail of a short word costs
/// one load instead of a byte loop. `None` when the key is not ASCII (seen in the same loads,
/// so the caller needs no separate pass over the word).
pub(crate) fn hash_ascii_lower_at(text: &[u8], start: usize, end: usize) -> Option<u64> {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    const LOWER: u64 = 0x2020_2020_2020_2020;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let len = end - start;
    let mut h: u64 = len as u64;
    let mut high = 0u64;
    let mut at = start;
    while at + 8 <= end {
        let w = u64::from_le_bytes(text[at..at + 8].try_into().expect("eight bytes"));
        high |= w;
        h = (h.rotate_left(5) ^ (w | LOWER)).wrapping_mul(K);
        at += 8;
    }
    let rest = end - at;
    if rest > 0 {
        let w = match text.get(at..at + 8) {
            Some(b) => u64::from_le_bytes(b.try_into().expect("eight bytes")),
            None => {
                let mut b = [0u8; 8];
                b[..rest].copy_from_slice(&text[at..end]);
                u64::from_le_bytes(b)
            }
        };
        let mask = (1u64 << (rest * 8)) - 1;
        high |= w & mask;
        h = (h.rotate_left(5) ^ ((w | LOWER) & mask)).wrapping_mul(K);
    }
    (high & HIGH == 0).then_some(h ^ (h >> 29))
}

impl Index {
    /// Could `h` be in the index? `false` is certain.
    pub(crate) fn maybe(&self, h: u64) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let (w, b) = filter_bit(h, self.filter_mask);
        self.filter[w] & b != 0
    }

    /// An index over `n` entries whose keys `key(i)` are distinct.
    pub(crate) fn build<'k>(n: usize, key: impl Fn(usize) -> &'k [u8]) -> Index {
        let hashes: Vec<u64> = (0..n).map(|i| hash(key(i))).collect();
        Index::from_hashes(&hashes)
    }

    /// An index over entries whose distinct keys have these [`hash`]es, in entry order (for a
    /// caller that needs the hashes for something else too).
    pub(crate) fn from_hashes(hashes: &[u64]) -> Index {
        let n = hashes.len();
        let size = (n * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![0u32; size];
        // About eight bits a key: roughly one false "maybe" in thirty.
        let bits = (n * 8).next_power_of_two().max(64);
        let filter_mask = bits as u64 - 1;
        let mut filter = vec![0u64; bits / 64];
        for (i, &h) in hashes.iter().enumerate() {
            let (w, b) = filter_bit(h, filter_mask);
            filter[w] |= b;
            let mut s = h as usize & mask;
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = i as u32 + 1;
        }
        Index {
            slots,
            mask,
            filter,
            filter_mask,
        }
    }

    /// The slots, to compare two indexes.
    #[cfg(test)]
    pub(crate) fn slots(&self) -> &[u32] {
        &self.slots
    }

    /// The entry whose key equals `k`.
    #[cfg(test)]
    pub(crate) fn get<'k>(&self, k: &[u8], key: impl Fn(usize) -> &'k [u8]) -> Option<usize> {
        self.get_hashed(hash(k), k, key)
    }

    /// [`Index::get`] with the key's [`hash`] already computed (one hash serves two tables).
    pub(crate) fn get_hashed<'k>(
        &self,
        h: u64,
        k: &[u8],
        key: impl Fn(usize) -> &'k [u8],
    ) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let (w, b) = filter_bit(h, self.filter_mask);
        if self.filter[w] & b == 0 {
            return None;
        }
        let mut s = h as usize & self.mask;
        loop {
            let v = self.slots[s];
            if v == 0 {
                return None;
            }
            if key(v as usize - 1) == k {
                return Some(v as usize - 1);
            }
            s = (s + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_hash_matches_hash_of_lowercase() {
        for w in [
            "Smith",
            "O'BRIEN",
            "Hans-Peter",
            "NW1",
            "a",
            "McDonald-Jones",
            "ABCDEFGHIJKLMNOPQ",
        ] {
            assert_eq!(
                hash_ascii_lower(w.as_bytes()),
                hash(w.to_ascii_lowercase().as_bytes()),
                "{w}"
            );
        }
    }

    /// The in-place hash equals the copying one for every key length, wherever the key sits
    /// (at the end of the text, where no whole word can be read past it, too).
    #[test]
    fn in_place_hash_matches() {
        let text = b"Smith O'BRIEN Hans-Peter NW1 a McDonald-Jones ABCDEFGHIJKLMNOPQ x".as_slice();
        for start in 0..text.len() {
            for end in start..=text.len() {
                let key = &text[start..end];
                if !key
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || b"'-".contains(b))
                {
                    continue;
                }
                assert_eq!(
                    hash_ascii_lower_at(text, start, end),
                    Some(hash_ascii_lower(key)),
                    "{start}..{end}"
                );
            }
        }
        // Any non-ASCII byte in the key, at any position, is seen; bytes after it are not.
        let text = "Zoë Łukasz abcdefgé x".as_bytes();
        for start in 0..text.len() {
            for end in start..=text.len() {
                let got = hash_ascii_lower_at(text, start, end);
                assert_eq!(got.is_some(), text[start..end].is_ascii(), "{start}..{end}");
            }
        }
    }

    #[test]
    fn finds_every_key_and_nothing_else() {
        let keys: Vec<String> = (0..1000).map(|i| format!("k{i}")).collect();
        let idx = Index::build(keys.len(), |i| keys[i].as_bytes());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(idx.get(k.as_bytes(), |j| keys[j].as_bytes()), Some(i));
        }
        assert_eq!(idx.get(b"nope", |j| keys[j].as_bytes()), None);
        assert_eq!(Index::default().get(b"x", |j| keys[j].as_bytes()), None);
    }
}
