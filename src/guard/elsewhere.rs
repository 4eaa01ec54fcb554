//! Originals kept out of requests the guard does not check.
//!
//! Restoring puts the real values back into the page: into the answer the application shows,
//! and from there into whatever reads the page — an analytics or session-replay script that
//! sends what is on screen to its own servers, an error reporter that attaches the last
//! response. Those requests go to endpoints the guard does not check, so the values it kept
//! from the model would leave after all. [`Guard::mask_originals`] finds, in such a request's
//! URL or text body, every original the guard's vaults hold — as written, and
//! percent-encoded as a URL or a form encodes it — and puts its placeholder or surrogate back
//! in its place, encoded the same way.
//!
//! Matching is exact (restoring writes the original exactly as it was typed) and a value that
//! starts or ends with a letter or digit must stand as a whole word: a kept first name "Ann"
//! leaves "Annual" alone. Values shorter than three characters are never looked for.

use super::Guard;

/// Shorter originals are not looked for: two characters match too much that is not them.
const MIN_LEN: usize = 3;

/// Characters `encodeURIComponent` leaves as they are.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b)
}

/// `value` as `encodeURIComponent` writes it (UTF-8, upper-case hex).
fn percent_encoded(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for &b in value.as_bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether `c` joins a word: a kept value ending in a letter must not end inside one.
fn word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

impl Guard {
    /// The kept originals [`Guard::mask_originals`] looks for, with their tokens.
    fn looked_for(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once(&self.vault)
            .chain(self.conversations.values())
            .flat_map(|vault| vault.kept())
            .filter(|(original, _)| original.chars().count() >= MIN_LEN)
    }

    /// Whether [`Guard::mask_originals`] has anything to look for. While it has not, a body
    /// that would take work (or waiting) to read — bytes, a `Blob`, a compressed payload —
    /// cannot carry a kept original, and is sent without being read.
    ///
    /// ```
    /// use pii_airlock::{CompiledPolicy, Guard};
    /// let policy = CompiledPolicy::preset("gdpr").unwrap();
    /// let mut guard = Guard::new(policy, b"app receipt key", [9u8; 32]).unwrap();
    /// assert!(!guard.keeps_originals());
    /// guard.apply("Write to jane.doe@example.com", &[], 0, [1u8; 16], "chat").unwrap();
    /// assert!(guard.keeps_originals());
    /// ```
    pub fn keeps_originals(&self) -> bool {
        self.looked_for().next().is_some()
    }

    /// `text` (a URL or a request body bound for an endpoint the guard does not check) with
    /// every original of every conversation replaced by its placeholder or surrogate; `None`
    /// when it holds none, so the caller sends the request exactly as it was.
    ///
    /// ```
    /// use pii_airlock::{CompiledPolicy, Guard};
    /// let policy = CompiledPolicy::preset("gdpr").unwrap();
    /// let mut guard = Guard::new(policy, b"app receipt key", [9u8; 32]).unwrap();
    /// let out = guard.apply("Write to jane.doe@example.com", &[], 0, [1u8; 16], "chat").unwrap();
    /// assert_eq!(out.text, "Write to [EMAIL_ADDRESS_1]");
    /// // The answer is restored in the page, and a script sends what the page shows elsewhere.
    /// assert_eq!(
    ///     guard.mask_originals("https://t.example/c?text=Sent%20to%20jane.doe%40example.com").as_deref(),
    ///     Some("https://t.example/c?text=Sent%20to%20%5BEMAIL_ADDRESS_1%5D"),
    /// );
    /// assert_eq!(guard.mask_originals("nothing kept here"), None);
    /// ```
    pub fn mask_originals(&self, text: &str) -> Option<String> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (original, token) in self.looked_for() {
            let encoded = percent_encoded(original);
            if encoded != original {
                pairs.push((encoded.replace("%20", "+"), percent_encoded(token)));
                pairs.push((encoded, percent_encoded(token)));
            }
            pairs.push((original.to_string(), token.to_string()));
        }
        if pairs.is_empty() {
            return None;
        }
        // Longest first: a kept address wins over a kept name inside it.
        pairs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        pairs.dedup_by(|a, b| a.0 == b.0);
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for (k, (needle, _)) in pairs.iter().enumerate() {
            let first = needle.chars().next();
            let last = needle.chars().next_back();
            for (at, _) in text.match_indices(needle.as_str()) {
                let end = at + needle.len();
                // An escape before the value (`%20jane`) ends the word before it.
                let escaped = text.as_bytes()[..at].rchunks(3).next().is_some_and(|e| {
                    e.len() == 3 && e[0] == b'%' && e[1..].iter().all(u8::is_ascii_hexdigit)
                });
                let before = if escaped {
                    None
                } else {
                    text[..at].chars().next_back()
                };
                let after = text[end..].chars().next();
                if (word_char(first) && word_char(before)) || (word_char(last) && word_char(after))
                {
                    continue;
                }
                if hits.iter().any(|&(s, e, _)| at < e && s < end) {
                    continue;
                }
                hits.push((at, end, k));
            }
        }
        if hits.is_empty() {
            return None;
        }
        hits.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for (start, end, k) in hits {
            out.push_str(&text[copied..start]);
            out.push_str(&pairs[k].1);
            copied = end;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{CompiledPolicy, Guard};

    fn guard() -> Guard {
        Guard::new(CompiledPolicy::preset("gdpr").unwrap(), b"k", [9u8; 32]).unwrap()
    }

    fn guard_with(text: &str) -> Guard {
        let mut g = guard();
        g.apply(text, &[], 0, [1u8; 16], "chat").unwrap();
        g
    }

    #[test]
    fn originals_as_written_and_encoded_become_their_tokens() {
        let g = guard_with("Write to jane.doe@example.com, card 4111 1111 1111 1111");
        assert_eq!(
            g.mask_originals(r#"{"dom":"Sent to jane.doe@example.com (4111 1111 1111 1111)"}"#)
                .as_deref(),
            Some(r#"{"dom":"Sent to [EMAIL_ADDRESS_1] ([CREDIT_CARD_1])"}"#)
        );
        // A form body writes spaces as `+`.
        assert_eq!(
            g.mask_originals("t=card+4111+1111+1111+1111").as_deref(),
            Some("t=card+%5BCREDIT_CARD_1%5D")
        );
        assert_eq!(g.mask_originals("nothing of it"), None);
    }

    #[test]
    fn a_kept_word_stands_whole() {
        let g = guard_with("My name is Jane Doe, email jd@example.org");
        let out = g
            .mask_originals("Jane Doe wrote; Jane Doeville is a town")
            .unwrap();
        assert!(out.starts_with("[PERSON_1] wrote; Jane Doeville"), "{out}");
    }

    #[test]
    fn bodies_are_read_only_while_an_original_is_kept() {
        let mut g = guard();
        assert!(!g.keeps_originals());
        g.in_conversation(Some("b"), |g| {
            g.apply("mail bob@example.net", &[], 0, [1u8; 16], "chat")
        })
        .unwrap();
        assert!(g.keeps_originals(), "a conversation's originals count");
        g.forget("bob@example.net");
        assert!(
            !g.keeps_originals(),
            "a forgotten value is no longer looked for"
        );
    }

    #[test]
    fn every_conversation_counts() {
        let mut g = guard();
        g.in_conversation(Some("b"), |g| {
            g.apply("mail bob@example.net", &[], 0, [1u8; 16], "chat")
        })
        .unwrap();
        assert_eq!(
            g.mask_originals("bob@example.net").as_deref(),
            Some("[EMAIL_ADDRESS_1]")
        );
    }
}
