//! Context words: a word or phrase near a candidate that makes it more (or less) likely to be
//! personal data. Matched case-insensitively and on whole words, so "lic" never fires inside
//! "public".

/// How far before a candidate to look, in characters. Labels come before values ("SSN: ...").
const BEFORE: usize = 48;
/// How far after a candidate to look ("... is my passport number").
const AFTER: usize = 32;

/// The lower-cased text around a candidate, built once per candidate and searched for every
/// word list of its rule.
pub(crate) struct Window {
    before: String,
    after: String,
}

impl Window {
    /// Cuts the window around `start..end` (byte offsets on char boundaries).
    pub(crate) fn around(text: &str, start: usize, end: usize) -> Self {
        let before_start = text[..start]
            .char_indices()
            .rev()
            .nth(BEFORE - 1)
            .map_or(0, |(i, _)| i);
        let after_end = text[end..]
            .char_indices()
            .nth(AFTER)
            .map_or(text.len(), |(i, _)| end + i);
        Window {
            before: text[before_start..start].to_lowercase(),
            after: text[end..after_end].to_lowercase(),
        }
    }

    /// The first of `words` (lower-case) found as a whole word before or after the candidate.
    /// Words before the candidate are preferred: that is where labels usually stand.
    pub(crate) fn find<'w>(&self, words: &'w [impl AsRef<str>]) -> Option<&'w str> {
        words
            .iter()
            .map(AsRef::as_ref)
            .find(|w| contains_word(&self.before, w))
            .or_else(|| {
                words
                    .iter()
                    .map(AsRef::as_ref)
                    .find(|w| contains_word(&self.after, w))
            })
    }
}

/// True when `word` occurs in `hay` with no letter or digit directly on either side.
pub(crate) fn contains_word(hay: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(word) {
        let s = from + pos;
        let e = s + word.len();
        let before_ok = hay[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        // A word that ends in punctuation ("tel.") needs no boundary after it.
        let ends_in_punct = word
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_alphanumeric());
        if before_ok && (after_ok || ends_in_punct) {
            return true;
        }
        from = s + word.chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert!(contains_word("my lic no", "lic"));
        assert!(!contains_word("public key", "lic"));
        assert!(contains_word("date of birth:", "date of birth"));
        assert!(contains_word("tel.:", "tel."));
        assert!(contains_word("née le", "née le"));
        assert!(!contains_word("telephone", "tel"));
    }

    #[test]
    fn window_is_bounded_and_lowercased() {
        let text = format!("{} SSN is 123 and Phone", "x".repeat(100));
        let start = text.find("123").unwrap();
        let w = Window::around(&text, start, start + 3);
        assert!(w.before.chars().count() <= BEFORE);
        assert_eq!(w.find(&["ssn"]), Some("ssn"));
        assert_eq!(w.find(&["phone"]), Some("phone"));
        assert_eq!(w.find(&["mail"]), None);
    }

    #[test]
    fn window_respects_char_boundaries() {
        let text = "é😀ü 123 ß";
        let start = text.find("123").unwrap();
        let w = Window::around(text, start, start + 3);
        assert_eq!(w.before, "é😀ü ");
    }
}
