//! Wallet recovery phrases (BIP-39 mnemonics): 12, 15, 18, 21 or 24 words of the standard's
//! English list whose last word carries a checksum of the rest. Whoever reads such a phrase
//! owns the wallet, so a pasted one is a secret of the highest kind; unlike a key it has no
//! prefix, no label of its own and no character a regex could anchor on, so it is found by a
//! walk over the words instead of the pattern pass.
//!
//! The checksum is what makes the walk safe on prose: an ordinary sentence of twelve list
//! words in a row is already rare (short words such as "a", "to", "of" and punctuation break
//! the runs), and only one in sixteen random 12-word runs (one in 256 of 24 words) passes it.
//!
//! The word list (`data/bip39-english.txt`, 2,048 words) is the one BIP-39 publishes, as
//! shipped by the MIT-licensed `mnemonic` package (data/SOURCES.md).
// The first module lists the rule but leaves the walk to the full module (src/engine.rs).
#![cfg_attr(all(target_arch = "wasm32", feature = "scanner"), allow(dead_code))]

use super::digests::sha256;
use super::{Category, RuleDef};

/// The rule the engine reports phrases under. Its pattern is empty: the regex pass never
/// sees it ([`seed_phrases`] finds the phrases).
pub(crate) static RULE: RuleDef = RuleDef {
    id: "crypto-seed-phrase",
    entity: "SECRET",
    category: Category::Secrets,
    // A labelled run of list words whose checksum fails: a phrase with a typo.
    score: 0.8,
    checked_score: 0.95,
    ..RuleDef::DEFAULT
};

/// BIP-39's English words, one a line, sorted (the standard's own order is alphabetical, and
/// a word's index in it is its 11-bit value).
const WORDS: &str = include_str!("../../data/bip39-english.txt");

/// Shortest and longest words of the list.
const MIN_LEN: usize = 3;
const MAX_LEN: usize = 8;
/// Most bytes between two words of one phrase: a space, a line break, or a list's numbering
/// (`\n12. `, `, `).
const MAX_GAP: usize = 8;
/// Phrase lengths the standard defines, longest first: a longer valid phrase is preferred
/// over a valid shorter one at the same start.
const LENGTHS: [usize; 5] = [24, 21, 18, 15, 12];

/// The word list as sorted slices, built once.
fn words() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| WORDS.lines().collect())
}

/// A word's first four letters (lower-case, zero-padded) as a big-endian number: BIP-39 chose
/// its words so that four letters tell each apart, and the numbers sort as the words do.
fn prefix(word: &[u8]) -> u32 {
    let mut p = [0u8; 4];
    for (d, b) in p.iter_mut().zip(word) {
        *d = b.to_ascii_lowercase();
    }
    u32::from_be_bytes(p)
}

/// The list's four-letter prefixes ([`prefix`]), in the list's order.
fn prefixes() -> &'static [u32] {
    static LIST: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| words().iter().map(|w| prefix(w.as_bytes())).collect())
}

/// `word`'s index in the list (its 11-bit value), ASCII case ignored. Most words of prose
/// are not in the list: a search over four-byte numbers turns them away, and only a hit is
/// compared in full.
fn index(word: &[u8]) -> Option<u16> {
    let i = prefixes().binary_search(&prefix(word)).ok()?;
    words()[i]
        .as_bytes()
        .eq_ignore_ascii_case(word)
        .then(|| u16::try_from(i).ok())
        .flatten()
}

/// Whether the words' 11-bit values end in the SHA-256 checksum of the entropy before it.
fn checksum_ok(values: &[u16]) -> bool {
    let bits = values.len() * 11;
    let check_bits = values.len() / 3;
    let entropy_bytes = (bits - check_bits) / 8;
    let mut raw = [0u8; 33];
    for (k, &v) in values.iter().enumerate() {
        for bit in 0..11 {
            if v & (1 << (10 - bit)) != 0 {
                let at = k * 11 + bit;
                raw[at / 8] |= 0x80 >> (at % 8);
            }
        }
    }
    let digest = sha256(&raw[..entropy_bytes]);
    let want = raw[entropy_bytes] >> (8 - check_bits);
    let got = digest[0] >> (8 - check_bits);
    want == got
}

/// `(start, end, checked)` of every recovery phrase in `text`, in text order: runs of list
/// words with a valid checksum (`checked`), or a labelled run without one.
///
/// One walk over the words: a word is shaped like a list word (3–8 ASCII letters, not glued to
/// a digit, `_` or a non-ASCII letter) or not, and the bytes between two words may join them
/// into a run or not: at most [`MAX_GAP`] bytes with a space or line break, otherwise only
/// digits, `,`, `;`, `-`, `|`, and `.`, `)` or `:` right after a digit (a list's numbering);
/// a full stop after a word ends a sentence, and so the run. Words are looked up only in
/// runs long enough to hold a phrase: ordinary text costs the walk and nothing more.
///
/// The walk finds word ends and the next letter eight bytes at a time ([`letters8`]) and reads
/// a gap's bytes one by one only where they can join two words (a run is open and the gap is
/// at most [`MAX_GAP`] long): a byte loop over every byte was 6–12% of a native scan.
pub(crate) fn seed_phrases(text: &str) -> Vec<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::new();
    // The current run: where its first word starts, where its last ends, how many words.
    let (mut run_start, mut run_end, mut count) = (0, 0, 0);
    // Where a run that starts in the stretch being walked ends at the latest
    // ([`next_stretch`]): from there on the walk looks for the next stretch.
    let mut stretch_end = 0;
    let mut i = 0;
    while i < n {
        if i >= stretch_end {
            // No phrase starts before `from` at or after `at`: the open run (if any) holds
            // none, and the walk goes on at `from` (after the word `from` may cut).
            let at = if count > 0 { run_start } else { i };
            let (from, to) = next_stretch(bytes, at);
            stretch_end = to;
            if from > at {
                count = 0;
                if from > i {
                    i = from;
                    if bytes[i - 1].is_ascii_alphabetic() {
                        i = word_end(bytes, i);
                    }
                    if i >= n {
                        break;
                    }
                }
            }
        }
        let gap_start = i;
        // Most gaps are one space: no flags to gather.
        let (mut space, mut bad) = (false, false);
        if bytes[i] == b' ' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            space = true;
            i += 1;
        } else {
            i = next_letter(bytes, i);
            if i == n {
                break;
            }
            // The flags join two words only inside a run and over a short gap.
            if count > 0 && i - gap_start <= MAX_GAP {
                for k in gap_start..i {
                    match CLASS[usize::from(bytes[k])] {
                        SPACE => space = true,
                        JOIN => {}
                        GLUE if bytes[k].is_ascii_digit() => {}
                        AFTER_DIGIT if k > gap_start && bytes[k - 1].is_ascii_digit() => {}
                        _ => bad = true,
                    }
                }
            }
        }
        let word = i;
        i = word_end(bytes, i);
        let shaped = (MIN_LEN..=MAX_LEN).contains(&(i - word))
            && !(word > 0 && CLASS[usize::from(bytes[word - 1])] == GLUE)
            && !(i < n && CLASS[usize::from(bytes[i])] == GLUE);
        let joined = count > 0 && space && !bad && word - gap_start <= MAX_GAP;
        if !joined || !shaped {
            if count >= LENGTHS[LENGTHS.len() - 1] {
                check_run(bytes, &words_in(bytes, run_start, run_end), &mut out);
            }
            count = 0;
        }
        if shaped {
            if count == 0 {
                run_start = word;
            }
            count += 1;
            run_end = i;
        }
    }
    if count >= LENGTHS[LENGTHS.len() - 1] {
        check_run(bytes, &words_in(bytes, run_start, run_end), &mut out);
    }
    out
}

/// Blocks of eight bytes (at offsets that are multiples of eight) that every phrase holds
/// whole: a phrase of twelve words is at least 47 bytes long, so it covers five blocks, and
/// so one whose number is a multiple of five.
const STRETCH: usize = 5;

/// Where the stretch of text starts in which the first phrase at or after `at` may lie, and
/// where a run that starts in it ends at the latest: `(from, to)`, no phrase starting in
/// `at..from`; `(n, n)` when none can follow.
///
/// A phrase covers [`STRETCH`] whole blocks of eight bytes that [`may_hold_run`] lets
/// through, one of them a block whose number is a multiple of [`STRETCH`]. So only those
/// blocks are tried (one in five), and around one that passes, its neighbours: a stretch of
/// five or more passing blocks that starts at block `lo` holds phrases starting at
/// `8 * lo - 7` or later. On prose most stretches are cut by a short word, a full stop or a
/// mark; on code by identifiers, brackets and operators.
fn next_stretch(bytes: &[u8], at: usize) -> (usize, usize) {
    let n = bytes.len();
    let blocks = n / 8;
    let first = at.div_ceil(8);
    let mut m = first.div_ceil(STRETCH) * STRETCH;
    while m < blocks {
        if !may_hold_run(bytes, m) {
            m += STRETCH;
            continue;
        }
        let mut lo = m;
        while lo > first && may_hold_run(bytes, lo - 1) {
            lo -= 1;
        }
        let mut hi = m + 1;
        while hi < blocks && may_hold_run(bytes, hi) {
            hi += 1;
        }
        if hi - lo >= STRETCH {
            // No run of list-shaped words holds block `hi` whole (nor one of two words or
            // more: the test is on what every run holds), so a run that starts in the
            // stretch ends before the block after it.
            return ((lo * 8).saturating_sub(7), (hi * 8 + 8).min(n));
        }
        // Block `hi` does not pass: the next stretch starts after it.
        m = (hi + 1).div_ceil(STRETCH) * STRETCH;
    }
    (n, n)
}

/// Bytes that may lie inside a run ([`seed_phrases`]): letters, and what a gap may hold.
const INSIDE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || matches!(CLASS[b], SPACE | JOIN | AFTER_DIGIT);
        b += 1;
    }
    t
};

/// Whether block `b` (bytes `8 * b..8 * b + 8`) may lie wholly inside a run of list-shaped
/// words: every byte one a run holds ([`INSIDE`]), and, within the block, no word of one or
/// two letters between two other bytes, no digit touching a letter, and no `.`, `)` or `:`
/// after anything but a digit.
fn may_hold_run(bytes: &[u8], b: usize) -> bool {
    let Some(block) = bytes.get(b * 8..b * 8 + 8) else {
        return false;
    };
    let Some(w) = load8(block, 0) else {
        return false;
    };
    if !block.iter().all(|&c| INSIDE[usize::from(c)]) {
        return false;
    }
    // Every byte is ASCII now. A byte's high bit where it lies in `lo..=hi`, as in
    // [`letters8`].
    let within = |lo: u8, hi: u8| {
        (w + ONES * u64::from(0x80 - lo)) & !(w + ONES * u64::from(0x7f - hi)) & HIGH
    };
    let letters = letters8(w);
    let other = !letters & HIGH;
    let digits = within(b'0', b'9');
    // The bit of the byte before (`<< 8`) or after (`>> 8`) each byte: none at the block's
    // edges, which say nothing.
    let one = (other << 8) & letters & (other >> 8);
    let two = (other << 8) & letters & (letters >> 8) & (other >> 16);
    let glued = digits & ((letters << 8) | (letters >> 8));
    let marks = within(b'.', b'.') | within(b')', b')') | within(b':', b':');
    let after_other = marks & ((!digits & HIGH) << 8);
    (one | two | glued | after_other) == 0
}

/// Each byte's lowest bit, eight times.
const ONES: u64 = 0x0101_0101_0101_0101;
/// Each byte's highest bit.
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `w` that is an ASCII letter. Upper case is folded onto lower
/// with `| 0x20` (which moves no other byte below 0x80 onto a letter), then two additions per
/// byte that cannot carry into the next test `>= b'a'` and `> b'z'`.
#[inline]
fn letters8(w: u64) -> u64 {
    let ascii = !w & HIGH;
    let x = (w & !HIGH) | (ONES * 0x20);
    let from_a = x + ONES * (0x80 - u64::from(b'a'));
    let past_z = x + ONES * (0x80 - u64::from(b'z') - 1);
    from_a & !past_z & ascii
}

/// The eight bytes at `i` as a little-endian number (the first byte lowest), if there are
/// eight.
#[inline]
fn load8(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The end of the run of ASCII letters at `i`.
#[inline]
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(w) = load8(bytes, i) {
        let other = !letters8(w) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// The first ASCII letter at or after `i`, or the text's end.
#[inline]
fn next_letter(bytes: &[u8], mut i: usize) -> usize {
    while let Some(w) = load8(bytes, i) {
        let letters = letters8(w);
        if letters != 0 {
            return i + (letters.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// What a byte between two words is to a run ([`seed_phrases`]).
const SPACE: u8 = 1;
/// Joins two words without being a space: `,`, `;`, `-`, `|`.
const JOIN: u8 = 2;
/// `.`, `)`, `:`: a list's numbering after a digit, a sentence's or a label's end otherwise.
const AFTER_DIGIT: u8 = 3;
/// A digit: part of a numbering between words, but glued to a word it touches (as are `_`
/// and non-ASCII bytes, the rest of a word the ASCII walk cannot read).
const GLUE: u8 = 4;
/// Anything else ends a run.
const BREAK: u8 = 0;

/// [`SPACE`], [`JOIN`], [`AFTER_DIGIT`], [`GLUE`] or [`BREAK`] for each byte (letters are
/// never looked up).
const CLASS: [u8; 256] = {
    let mut t = [BREAK; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' => SPACE,
            b',' | b';' | b'-' | b'|' => JOIN,
            b'.' | b')' | b':' => AFTER_DIGIT,
            b'0'..=b'9' | b'_' | 0x80..=0xff => GLUE,
            _ => BREAK,
        };
        b += 1;
    }
    t
};

/// `(start, end)` of each word of a run that [`seed_phrases`] found in `bytes[from..to]`.
fn words_in(bytes: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut i = from;
    while i < to {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < to && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        words.push((start, i));
    }
    words
}

/// Adds the phrases in one run of word-shaped tokens to `out`. Every window of phrase length
/// whose checksum passes is a phrase, and overlapping ones are joined: a list word right
/// before a phrase ("seed: ozone drill …") shifts a window that passes one time in sixteen,
/// and which of the two is the phrase cannot be told, so both are kept whole.
fn check_run(bytes: &[u8], run: &[(usize, usize)], out: &mut Vec<(usize, usize, bool)>) {
    if run.len() < LENGTHS[LENGTHS.len() - 1] {
        return;
    }
    let values: Vec<Option<u16>> = run.iter().map(|&(s, e)| index(&bytes[s..e])).collect();
    let mut window = Vec::with_capacity(LENGTHS[0]);
    // The last word (index into `run`) of the phrase being joined, if any.
    let mut open: Option<(usize, usize)> = None;
    for i in 0..run.len() {
        for n in LENGTHS {
            let Some(words) = values.get(i..i + n) else {
                continue;
            };
            window.clear();
            if words.iter().any(Option::is_none) {
                continue;
            }
            window.extend(words.iter().flatten());
            if checksum_ok(&window) {
                open = match open {
                    Some((first, last)) if i <= last => Some((first, last.max(i + n - 1))),
                    Some((first, last)) => {
                        out.push((run[first].0, run[last].1, true));
                        Some((i, i + n - 1))
                    }
                    None => Some((i, i + n - 1)),
                };
                break;
            }
        }
    }
    if let Some((first, last)) = open {
        out.push((run[first].0, run[last].1, true));
        return;
    }
    // No window passes the checksum, but the words are a phrase's and a label says they are
    // one ("my seed: …", "Wiederherstellungsphrase: …"): a phrase with a typo, or one the
    // writer shortened, is still the key to a wallet. The whole run is reported.
    let whole = values.iter().all(Option::is_some) && run.len() <= LENGTHS[0];
    if whole && labelled(bytes, run) {
        out.push((run[0].0, run[run.len() - 1].1, false));
    }
}

/// Words that name a recovery phrase, lower-case, in the eight languages.
const LABELS: &[&str] = &[
    "seed",
    "mnemonic",
    "recovery",
    "wallet",
    "phrase",
    "semilla",
    "récupération",
    "wiederherstellung",
    "recupero",
    "herstel",
    "odzyskiwania",
    "recuperação",
];

/// Whether a label ([`LABELS`]) stands just before the run or is one of its first two words
/// ("seed phrase abandon …": `seed` and `phrase` are list words themselves).
fn labelled(bytes: &[u8], run: &[(usize, usize)]) -> bool {
    const REACH: usize = 48;
    let from = run[0].0.saturating_sub(REACH);
    let to = run[2.min(run.len() - 1)].0;
    let window: Vec<u8> = bytes[from..to].iter().map(u8::to_ascii_lowercase).collect();
    LABELS
        .iter()
        .any(|l| window.windows(l.len()).any(|w| w == l.as_bytes()))
}

/// [`seed_phrases`] as it was before it skipped stretches and went eight bytes at a time: a
/// byte loop over every gap and word, the oracle the tests compare the walk with and the
/// reference `benches/names.rs` times it against.
#[cfg(any(test, feature = "names-reference"))]
pub(crate) fn seed_phrases_bytewise(text: &str) -> Vec<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::new();
    let (mut run_start, mut run_end, mut count) = (0, 0, 0);
    let mut i = 0;
    while i < n {
        let gap_start = i;
        let (mut space, mut bad) = (false, false);
        while i < n && !bytes[i].is_ascii_alphabetic() {
            match CLASS[usize::from(bytes[i])] {
                SPACE => space = true,
                JOIN => {}
                GLUE if bytes[i].is_ascii_digit() => {}
                AFTER_DIGIT if i > gap_start && bytes[i - 1].is_ascii_digit() => {}
                _ => bad = true,
            }
            i += 1;
        }
        if i == n {
            break;
        }
        let word = i;
        while i < n && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let shaped = (MIN_LEN..=MAX_LEN).contains(&(i - word))
            && !(word > 0 && CLASS[usize::from(bytes[word - 1])] == GLUE)
            && !(i < n && CLASS[usize::from(bytes[i])] == GLUE);
        let joined = count > 0 && space && !bad && word - gap_start <= MAX_GAP;
        if !joined || !shaped {
            if count >= 12 {
                check_run(bytes, &words_in(bytes, run_start, run_end), &mut out);
            }
            count = 0;
        }
        if shaped {
            if count == 0 {
                run_start = word;
            }
            count += 1;
            run_end = i;
        }
    }
    if count >= 12 {
        check_run(bytes, &words_in(bytes, run_start, run_end), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BIP-39's published test vectors (entropy → mnemonic), English.
    const VECTORS: &[&str] = &[
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "legal winner thank year wave sausage worth useful legal winner thank yellow",
        "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
        "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
        "hamster diagram private dutch cause delay private meat slide toddler razor book happy \
         fancy gospel tennis maple dilemma loan word shrug inflict delay length",
    ];

    fn found(text: &str) -> Vec<&str> {
        seed_phrases(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn the_list_is_bip39s() {
        let list = words();
        assert_eq!(list.len(), 2048);
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert_eq!((list[0], list[2047]), ("abandon", "zoo"));
        assert!(list.iter().all(|w| (MIN_LEN..=MAX_LEN).contains(&w.len())));
    }

    #[test]
    fn published_vectors_are_found_whole() {
        for v in VECTORS {
            let text = format!("it is: {v}. Can you help");
            assert_eq!(found(&text), vec![*v], "{v}");
        }
    }

    #[test]
    fn a_list_word_before_a_phrase_never_cuts_it() {
        // "seed ozone … eight" passes the checksum too (one time in sixteen it does): the
        // finding covers both, so no word of the phrase is left out.
        let v = VECTORS[4];
        let text = format!("my wallet seed {v}");
        assert_eq!(found(&text), vec![&text[10..]]);
    }

    #[test]
    fn a_wrong_last_word_fails_the_checksum() {
        // The vectors with their checksum word replaced by another list word.
        let broken = [
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
            "legal winner thank year wave sausage worth useful legal winner thank zoo",
            "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo",
        ];
        for b in broken {
            assert!(found(b).is_empty(), "{b}");
        }
    }

    #[test]
    fn numbered_capitalised_and_one_a_line_forms_are_found() {
        let v = VECTORS[1];
        let numbered: String = v
            .split(' ')
            .enumerate()
            .map(|(k, w)| format!("{}. {w}\n", k + 1))
            .collect();
        assert_eq!(found(&numbered).len(), 1);
        assert_eq!(found(&v.to_uppercase()).len(), 1);
        assert_eq!(found(&v.replace(' ', ", ")).len(), 1);
    }

    #[test]
    fn words_glued_to_others_or_too_few_are_not_a_phrase() {
        let v = VECTORS[2];
        assert!(found(&v.replace(' ', "_")).is_empty());
        assert!(found(&v.replace(' ', "")).is_empty());
        let eleven: Vec<&str> = v.split(' ').skip(1).collect();
        assert!(found(&eleven.join(" ")).is_empty());
        assert!(found(&format!("x{v}")).is_empty());
    }

    #[test]
    fn a_labelled_run_of_list_words_is_a_phrase_without_its_checksum() {
        // The vector with its checksum word swapped: found only when a label names it.
        let typo = "legal winner thank year wave sausage worth useful legal winner thank zoo";
        assert!(found(typo).is_empty());
        for label in [
            "my seed: ",
            "Recovery phrase:\n",
            "Wiederherstellungsphrase: ",
        ] {
            let text = format!("{label}{typo}");
            assert_eq!(found(&text), vec![typo], "{label}");
        }
        // A label far before the words, or eleven words, is not enough.
        let far = format!("my seed is lost. {} {typo}", "x".repeat(60));
        assert!(found(&far).is_empty());
        let eleven = typo.split_once(' ').unwrap().1;
        assert!(found(&format!("my seed: {eleven}")).is_empty());
    }

    #[test]
    fn letters8_marks_exactly_the_ascii_letters() {
        for b in 0..=255u8 {
            let w = u64::from_le_bytes([b'0', b, b'Z', 0xff, b, b'a', b' ', b]);
            let got = letters8(w);
            let want = [b'0', b, b'Z', 0xff, b, b'a', b' ', b]
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_ascii_alphabetic())
                .fold(0u64, |m, (k, _)| m | 0x80 << (8 * k));
            assert_eq!(got, want, "byte {b:#04x}");
        }
    }

    #[test]
    fn the_walk_finds_what_the_byte_loop_finds() {
        // Generated texts of list words, BIP-39 vectors, words too short, too long or glued,
        // and every kind of gap (numbering, punctuation, long runs of spaces, non-ASCII),
        // cut at every length near the end so that the eight-byte loads meet the text's end.
        let pieces: &[&str] = &[
            "abandon",
            "zoo",
            "Legal",
            "WINNER",
            "to",
            "a",
            "information",
            "xylophones",
            "é",
            "naïve",
            "_",
            "word_",
            "x9",
            " ",
            "  ",
            ", ",
            ";",
            "-",
            "|",
            ".",
            ". ",
            ") ",
            "\n",
            "\n12. ",
            " 3) ",
            "1: ",
            "\t",
            "\r\n",
            "(",
            "\"",
            "'",
            "           ",
            "...",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "ünter",
            "7",
            "42",
            ":",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let mut phrases = 0;
        for round in 0..400 {
            // Phrases at every offset from the eight-byte blocks.
            let mut text = "ab c x y".get(..next(8)).unwrap_or("").to_string();
            for _ in 0..next(120) {
                match next(10) {
                    0 => text.push_str(VECTORS[next(VECTORS.len())]),
                    1..=4 => {
                        text.push_str(pieces[next(4)]);
                        text.push(' ');
                    }
                    _ => text.push_str(pieces[next(pieces.len())]),
                }
            }
            for cut in text.len().saturating_sub(9)..=text.len() {
                let Some(t) = text.get(..cut) else {
                    continue;
                };
                let want = seed_phrases_bytewise(t);
                phrases += want.len();
                assert_eq!(seed_phrases(t), want, "round {round}: {t:?}");
            }
        }
        assert!(phrases > 200, "the texts hold phrases ({phrases})");
    }

    #[test]
    fn prose_of_list_words_is_not_a_phrase() {
        // Fourteen list words in a row, as ordinary English: only the checksum tells them
        // from a phrase.
        let prose = "during summer any family member above twenty must attend dinner \
                     before lunch again today";
        assert!(prose.split(' ').all(|w| index(w.as_bytes()).is_some()));
        assert!(found(prose).is_empty());
    }
}
