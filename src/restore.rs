//! Restoring originals in a model's answer: issued placeholders (in the forms models echo, see
//! [`crate::placeholder`]) and surrogates (exact, ASCII case-insensitive, on word boundaries),
//! in plain text or inside JSON strings, whole or streamed — but never into a URL or an HTML
//! attribute unless the app allows that URL ([`RestoreOptions`], [`url`]).
//!
//! One left-to-right walk decides every position from the text before it (the [`url::Lexer`]
//! state and one character) and at most one token plus two characters after it. So streaming
//! equals whole-text restore for any chunking: the streamer passes text on as soon as no
//! placeholder or surrogate can start in it, and holds back only a tail that could still grow
//! into one (a `[`, the first letters of an issued token or of a surrogate).

mod url;

use crate::matcher::{Matcher, Options};
use crate::placeholder::{self, Found, Keys, MAX_MATCH};
use crate::rules::Boundary;
use crate::Vault;
use regex_automata::Input;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use url::Lexer;
pub(crate) use url::UrlRules;

// The TypeScript of `RestoreOptions`, next to it: the package's .d.ts is generated with it
// (tests/ts_types.rs checks it against the serde fields).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const RESTORE_OPTIONS_TS: &'static str = r#"
/**
 * Where restore may put original values back. By default never into a URL or an HTML
 * attribute (markdown links and images, reference definitions, autolinks, bare URLs, tags):
 * the placeholder stays there. Tool-call arguments are left as the model wrote them.
 */
export interface RestoreOptions {
  /** URL schemes that may receive values, e.g. ["mailto", "tel"]. Default none. */
  urlSchemes?: string[];
  /**
   * Origins ("scheme://host[:port]") whose URLs may receive values, compared after parsing
   * (no substring matches), e.g. ["https://crm.example.com"]. Default none.
   */
  urlOrigins?: string[];
  /** Restore inside tool-call arguments too (still outside URLs). Default false. */
  toolArguments?: boolean;
}
"#;

/// How an answer is restored. The default is the safe one: no value goes into a URL or an HTML
/// attribute, and tool-call arguments are left as the model wrote them.
///
/// A value is restored into a URL only when the URL read up to the placeholder (or surrogate)
/// has one of `url_schemes`, or has one of `url_origins` as its origin, compared after parsing
/// (`https://allowed.example.evil.example` and `https://allowed.example@evil.example` are other
/// origins). Where a value is not restored, the placeholder (or surrogate) stays as the model
/// wrote it: it carries no personal data, and the user sees that something was left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct RestoreOptions {
    /// URL schemes whose URLs may receive values, e.g. `["mailto", "tel"]` (case-insensitive,
    /// a trailing `:` allowed). Default: none.
    pub url_schemes: Vec<String>,
    /// Origins (`scheme://host[:port]`) whose URLs may receive values, e.g.
    /// `["https://crm.example.com"]`. Default: none.
    pub url_origins: Vec<String>,
    /// Restore inside tool-call arguments (OpenAI `tool_calls[].function.arguments`, Anthropic
    /// `tool_use.input`, Gemini `functionCall.args`, ...), still outside URLs. Default: false.
    pub tool_arguments: bool,
}

/// An entry of [`RestoreOptions`] that cannot be read; entries name their index, never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreOptionsError {
    /// `url_schemes[i]` is not a scheme (`[a-z][a-z0-9+.-]*`).
    Scheme(usize),
    /// `url_origins[i]` is not `scheme://host[:port]` (no path, userinfo or escapes).
    Origin(usize),
}

impl std::fmt::Display for RestoreOptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreOptionsError::Scheme(i) => {
                write!(f, "urlSchemes[{i}] is not a URL scheme such as \"mailto\"")
            }
            RestoreOptionsError::Origin(i) => write!(
                f,
                "urlOrigins[{i}] is not an origin such as \"https://app.example.com\""
            ),
        }
    }
}

impl std::error::Error for RestoreOptionsError {}

impl RestoreOptions {
    /// Checks every entry; restore itself ignores entries that do not parse (they allow
    /// nothing), so call this where the options come in to report a mistake.
    pub fn validate(&self) -> Result<(), RestoreOptionsError> {
        for (i, s) in self.url_schemes.iter().enumerate() {
            let s = s.strip_suffix(':').unwrap_or(s);
            let ok = s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            if !ok {
                return Err(RestoreOptionsError::Scheme(i));
            }
        }
        for (i, o) in self.url_origins.iter().enumerate() {
            if url::normalize_origin(o).is_none() {
                return Err(RestoreOptionsError::Origin(i));
            }
        }
        Ok(())
    }
}

/// Surrogates in an answer: one matcher over all of them and their originals.
pub(crate) struct Surrogates {
    /// One pattern per surrogate, longest first.
    re: Matcher,
    /// Original per pattern id.
    originals: Vec<Arc<str>>,
    /// Per pattern id: how the rules of its value's entity read word boundaries (see
    /// [`word_char`]).
    boundaries: Vec<Boundary>,
    /// What each pattern matches, to tell whether a tail of a streamed answer could still
    /// become a match (see [`Form::undecided`]).
    forms: Vec<Form>,
}

/// Separators of [`NUMBER_SEP`].
const SEPS: &[char] = &[' ', '.', '/', '(', ')', '-'];

/// The text a surrogate pattern matches, in a form the streamer can test prefixes against.
struct Form {
    /// The surrogate's characters, or for a regrouped number its [`compact`] characters.
    chars: Vec<char>,
    /// Up to two [`SEPS`] may stand between two characters.
    regrouped: bool,
}

impl Form {
    /// Whether the whole `tail` of the text read so far (it runs to the end) could still turn
    /// out to hold a match at its start, or holds one that needs the characters after it (a
    /// word boundary and [`url::url_follows`] read two).
    fn undecided(&self, tail: &str) -> bool {
        let mut t = tail.chars().peekable();
        for (k, &want) in self.chars.iter().enumerate() {
            if self.regrouped && k > 0 {
                for _ in 0..2 {
                    if t.next_if(|c| SEPS.contains(c)).is_none() {
                        break;
                    }
                }
            }
            match t.next() {
                None => return true,
                Some(c) if c.eq_ignore_ascii_case(&want) => {}
                Some(_) => return false,
            }
        }
        t.take(2).count() < 2
    }
}

/// Separators a model may add, drop or change inside a number it repeats.
const NUMBER_SEP: &str = "[ ./()-]{0,2}";

/// Entity types whose surrogates are numbers a model may regroup (`4000 0012 ...` written
/// as `4000-0012-...` or `40000012...`).
pub(crate) fn regroupable(entity: &str) -> bool {
    matches!(entity, "CREDIT_CARD" | "IBAN_CODE" | "PHONE_NUMBER")
}

/// The letters, digits and `+` of a regroupable surrogate, upper-cased: its identity.
pub(crate) fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '+')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl Surrogates {
    /// Builds the matcher from (surrogate, entity, original); `None` when there are none.
    pub(crate) fn new<'a>(
        items: impl Iterator<Item = (&'a str, &'a str, Arc<str>)>,
    ) -> Option<Surrogates> {
        let mut items: Vec<(&str, &str, Arc<str>)> = items.collect();
        if items.is_empty() {
            return None;
        }
        // Longest first: at one position, a surrogate that extends another wins.
        items.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        let mut forms = Vec::with_capacity(items.len());
        let patterns: Vec<String> = items
            .iter()
            .map(|(s, entity, _)| {
                let c = compact(s);
                // Bounded: every match stays within the streaming look-ahead.
                if regroupable(entity) && c.len() * 3 <= MAX_MATCH {
                    let parts: Vec<String> = c.chars().map(|ch| escape(&ch.to_string())).collect();
                    forms.push(Form {
                        chars: c.chars().collect(),
                        regrouped: true,
                    });
                    parts.join(NUMBER_SEP)
                } else {
                    forms.push(Form {
                        chars: s.chars().collect(),
                        regrouped: false,
                    });
                    escape(s)
                }
            })
            .collect();
        let options = Options {
            case_insensitive: true,
            ..Options::default()
        };
        let re = Matcher::new(&patterns, options).ok()?;
        let boundaries = items
            .iter()
            .map(|(_, entity, _)| crate::rules::boundary_of(entity))
            .collect();
        Some(Surrogates {
            re,
            originals: items.into_iter().map(|(_, _, o)| o).collect(),
            boundaries,
            forms,
        })
    }

    /// The first position at or after `from` where the text, which may go on, could still
    /// hold a match that is not decided yet. Only the last [`MAX_MATCH`] bytes (and a little)
    /// can: every match is shorter.
    fn first_undecided(&self, hay: &str, from: usize) -> Option<usize> {
        let mut w = hay.len().saturating_sub(MAX_MATCH + 8).max(from);
        while !hay.is_char_boundary(w) {
            w += 1;
        }
        hay[w..]
            .char_indices()
            .map(|(k, _)| w + k)
            .find(|&p| self.forms.iter().any(|f| f.undecided(&hay[p..])))
    }
}

fn escape(lit: &str) -> String {
    let mut p = String::with_capacity(lit.len() * 2);
    for c in lit.chars() {
        if c.is_ascii_punctuation() || c == ' ' {
            p.push('\\');
        }
        p.push(c);
    }
    p
}

/// What restore looks values up in: a snapshot of a vault ([`Vault::issued`]).
pub(crate) struct Issued {
    /// Issued placeholder keys → originals.
    pub(crate) keys: Keys,
    /// Surrogates, if any.
    pub(crate) surrogates: Option<Surrogates>,
}

/// A character that continues a word where a surrogate stands, as the detector of its value
/// sees words: a surrogate stood exactly where the engine found the value, so restore must find
/// it wherever the engine could have: the rule's [`Boundary`] from the catalog.
fn word_char(c: Option<char>, boundary: Boundary) -> bool {
    c.is_some_and(|c| match boundary {
        Boundary::Letters => c.is_alphabetic() || c.is_ascii_digit(),
        Boundary::Ascii => c.is_ascii_alphanumeric() || c == '_',
    })
}

/// The next surrogate match starting at or after `at`, on word boundaries.
fn next_surrogate<'t>(
    hay: &str,
    mut at: usize,
    s: &'t Surrogates,
) -> Option<(usize, usize, &'t str)> {
    while at <= hay.len() {
        let m = s.re.search(&Input::new(hay).range(at..))?;
        let before = hay[..m.start()].chars().next_back();
        let after = hay[m.end()..].chars().next();
        let boundary = s.boundaries[m.pattern().as_usize()];
        if !word_char(before, boundary) && !word_char(after, boundary) {
            return Some((m.start(), m.end(), &s.originals[m.pattern().as_usize()]));
        }
        at = next_char(hay, m.start());
    }
    None
}

fn next_char(hay: &str, at: usize) -> usize {
    hay[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// One replacement: byte range of the token in the answer and the original.
type Replacement<'a> = (usize, usize, &'a str);

/// Walks `hay` from `from` (the lexer has read `hay[..from]`; `hay[..from]` may hold one
/// character of context): returns the replacements, left to right and non-overlapping, and how
/// far the text is settled. With `at_end` false, `hay` may go on: the walk stops where a token
/// could still grow, and the lexer has read exactly up to the settled offset (with `at_end`,
/// only up to the last token: nothing comes after).
fn walk<'a>(
    hay: &str,
    from: usize,
    at_end: bool,
    issued: &'a Issued,
    rules: &UrlRules,
    lexer: &mut Lexer,
) -> (Vec<Replacement<'a>>, usize) {
    let mut cut = hay.len();
    if let (false, Some(sur)) = (at_end, &issued.surrogates) {
        cut = sur.first_undecided(hay, from).unwrap_or(cut);
    }
    let mut out = Vec::new();
    let mut i = from;
    let mut fed = from;
    // The next surrogate match, cached while it still starts at or after `i`; once a search
    // finds none, there is none further on either.
    let mut next_s: Option<Replacement<'a>> = None;
    let mut s_done = issued.surrogates.is_none();
    while i < cut {
        if let (false, Some(sur)) = (s_done, &issued.surrogates) {
            if next_s.is_none_or(|(s, _, _)| s < i) {
                next_s = next_surrogate(hay, i, sur);
                s_done = next_s.is_none();
            }
        }
        let token = match next_s.filter(|&(s, _, _)| s == i) {
            Some((_, e, v)) => Some((e, v)),
            None => match placeholder::at(hay, i, at_end, &issued.keys) {
                Found::NeedMore => break,
                Found::Yes(e, v) => Some((e, v)),
                Found::No => None,
            },
        };
        let Some((e, v)) = token else {
            i = next_char(hay, i);
            continue;
        };
        let Some(host_follows) = url::url_follows(hay, e, at_end) else {
            break;
        };
        lexer.feed_str(&hay[fed..i]);
        if !host_follows && lexer.allows(rules) {
            out.push((i, e, v));
        }
        lexer.feed_str(&hay[i..e]);
        fed = e;
        i = e;
    }
    // The rest of a finished answer decides nothing more.
    if !at_end {
        lexer.feed_str(&hay[fed..i]);
    }
    (out, i)
}

/// For each name of `entities`, the highest number `text` already holds in a shape that reads
/// as its placeholder: the forms restore reads (`[EMAIL_ADDRESS_3]`, `EMAIL\_ADDRESS\_3`) and
/// the near-misses of [`placeholder::regex`] (`PERSON 2`, `<iban code 4>`): what a user typed
/// or pasted that looks like one. The vault numbers new placeholders past these, so a value it
/// hides is never given a token the text already uses for something else (the model would read
/// them as one thing, and restore would put the value in both places). Costs one search of the
/// tolerant pattern and one pass over the words of `text`; none when `entities` is empty.
pub(crate) fn typed_placeholders<'e>(
    text: &str,
    entities: impl IntoIterator<Item = &'e str>,
) -> std::collections::HashMap<String, u32> {
    let mut typed: std::collections::HashMap<String, u32> =
        entities.into_iter().map(|e| (e.to_string(), 0)).collect();
    if typed.is_empty() {
        return typed;
    }
    let found = std::cell::RefCell::new(&mut typed);
    // Every key a token could stand for: record the wanted ones, resolve none.
    let record = |key: &str| -> Option<&str> {
        if let Some((name, n)) = key.rsplit_once('_') {
            if let (Some(top), Ok(n)) = (found.borrow_mut().get_mut(name), n.parse::<u32>()) {
                *top = (*top).max(n);
            }
        }
        None
    };
    // `resolve` tries each token's shorter word suffixes itself, so one walk over
    // non-overlapping tokens finds them all at the cost of one search.
    for m in placeholder::regex().find_iter(text) {
        placeholder::resolve(&text[m.start()..m.end()], &record);
    }
    placeholder::each_word(text, |w| {
        record(w);
    });
    typed
}

/// Restores a whole plain text.
pub(crate) fn restore_text(text: &str, issued: &Issued, rules: &UrlRules) -> String {
    let (reps, _) = walk(text, 0, true, issued, rules, &mut Lexer::default());
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, v) in reps {
        out.push_str(&text[at..s]);
        out.push_str(v);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Escapes `s` for the inside of a JSON string.
pub(crate) fn json_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    if b.len() < 4 {
        return None;
    }
    let s = std::str::from_utf8(&b[..4]).ok()?;
    if !s.bytes().all(|x| x.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// Decodes JSON string escapes in `raw`: returns the decoded text and, for each decoded byte
/// offset at a character boundary, the raw offset where its escape (or character) starts;
/// `map[decoded.len()] == raw.len()`. Anything that is not a complete, valid escape stays
/// literal, so decoding from any unit boundary gives the same units.
pub(crate) fn json_decode(raw: &str) -> (String, Vec<usize>) {
    let b = raw.as_bytes();
    let mut dec = String::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    let mut i = 0;
    while i < b.len() {
        let (c, len) = unit(raw, i);
        for _ in 0..c.len_utf8() {
            map.push(i);
        }
        dec.push(c);
        i += len;
    }
    map.push(raw.len());
    (dec, map)
}

/// One decoded character at `i` and the raw length it took.
fn unit(raw: &str, i: usize) -> (char, usize) {
    let b = raw.as_bytes();
    let literal = || {
        let c = raw[i..].chars().next().expect("i is a char boundary");
        (c, c.len_utf8())
    };
    if b[i] != b'\\' || i + 1 >= b.len() {
        return literal();
    }
    let simple = match b[i + 1] {
        b'"' => Some('"'),
        b'\\' => Some('\\'),
        b'/' => Some('/'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'b' => Some('\u{8}'),
        b'f' => Some('\u{c}'),
        _ => None,
    };
    if let Some(c) = simple {
        return (c, 2);
    }
    if b[i + 1] != b'u' {
        return literal();
    }
    let Some(hi) = hex4(&b[i + 2..]) else {
        return literal();
    };
    if (0xD800..0xDC00).contains(&hi) {
        if b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u') {
            if let Some(lo) = b.get(i + 8..).and_then(hex4) {
                if (0xDC00..0xE000).contains(&lo) {
                    let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    if let Some(c) = char::from_u32(cp) {
                        return (c, 12);
                    }
                }
            }
        }
        return literal();
    }
    match char::from_u32(hi) {
        Some(c) => (c, 6),
        None => literal(),
    }
}

/// Plain text or the inside of JSON strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreMode {
    /// Plain text (a chat answer).
    Text,
    /// JSON text (tool-call arguments): placeholders and surrogates are recognised also when
    /// written with escapes (`\u005bPERSON_1\u005d`), and originals are inserted escaped.
    Json,
}

/// Longest JSON escape (`\ud83d\ude00`): a unit starting this close to the end of what
/// arrived may still change.
const MAX_ESCAPE: usize = 12;

/// What a streamer carries from one chunk to the next.
#[derive(Clone, Default)]
struct Cursor {
    /// The last character already passed on (decoded): word boundaries look one back.
    context: String,
    /// The answer's structure up to there.
    lexer: Lexer,
}

/// One streaming step over `pending`: returns the output and the raw bytes consumed.
fn step(
    pending: &str,
    at_end: bool,
    cur: &mut Cursor,
    mode: RestoreMode,
    issued: &Issued,
    rules: &UrlRules,
) -> (String, usize) {
    match mode {
        RestoreMode::Text => {
            let hay = format!("{}{pending}", cur.context);
            let off = cur.context.len();
            let (reps, settled) = walk(&hay, off, at_end, issued, rules, &mut cur.lexer);
            let mut out = String::new();
            let mut at = off;
            for (s, e, v) in reps {
                out.push_str(&hay[at..s]);
                out.push_str(v);
                at = e;
            }
            out.push_str(&hay[at..settled]);
            let consumed = settled - off;
            if let Some(c) = last_char(&pending[..consumed]) {
                cur.context = c;
            }
            (out, consumed)
        }
        RestoreMode::Json => {
            let (dec, map) = json_decode(pending);
            // Decoded units that start too near the end may be a cut escape: not read yet.
            let dec_limit = if at_end {
                dec.len()
            } else {
                (0..=dec.len())
                    .find(|&i| dec.is_char_boundary(i) && map[i] + MAX_ESCAPE > pending.len())
                    .unwrap_or(dec.len())
            };
            let hay = format!("{}{}", cur.context, &dec[..dec_limit]);
            let off = cur.context.len();
            let (reps, settled) = walk(&hay, off, at_end, issued, rules, &mut cur.lexer);
            let mut out = String::new();
            let mut raw_at = 0;
            for (s, e, v) in reps {
                let (rs, re) = (map[s - off], map[e - off]);
                out.push_str(&pending[raw_at..rs]);
                json_escape(v, &mut out);
                raw_at = re;
            }
            let raw_settled = map[settled - off];
            out.push_str(&pending[raw_at..raw_settled]);
            if let Some(c) = last_char(&dec[..settled - off]) {
                cur.context = c;
            }
            (out, raw_settled)
        }
    }
}

fn last_char(s: &str) -> Option<String> {
    s.chars().next_back().map(String::from)
}

/// Restores a model's answer chunk by chunk as it streams in.
///
/// Text is passed on as soon as no placeholder or surrogate can start in it: only a tail that
/// could still grow into one is held back (from a `[`, or the first letters of an issued token
/// or a surrogate, plus the two characters after a complete one that decide whether it is part
/// of a host). In JSON mode the last 12 raw bytes also wait, as they may be a cut
/// `\uXXXX` escape. For any way of cutting the answer, the concatenated output equals restoring
/// the whole.
#[derive(Clone)]
pub struct StreamRestorer {
    issued: Arc<Issued>,
    rules: Arc<UrlRules>,
    mode: RestoreMode,
    pending: String,
    cursor: Cursor,
}

impl std::fmt::Debug for StreamRestorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamRestorer")
            .field("mode", &self.mode)
            .field("pending_bytes", &self.pending.len())
            .finish()
    }
}

impl StreamRestorer {
    /// A restorer over a snapshot shared with other streams of one response.
    pub(crate) fn from_parts(
        issued: Arc<Issued>,
        rules: Arc<UrlRules>,
        mode: RestoreMode,
    ) -> StreamRestorer {
        StreamRestorer {
            issued,
            rules,
            mode,
            pending: String::new(),
            cursor: Cursor::default(),
        }
    }

    /// Feeds the next chunk; returns the restored text that is final so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.pending.push_str(chunk);
        self.run(false)
    }

    /// Ends the stream and returns what was held back.
    pub fn finish(&mut self) -> String {
        self.run(true)
    }

    fn run(&mut self, at_end: bool) -> String {
        let (out, consumed) = step(
            &self.pending,
            at_end,
            &mut self.cursor,
            self.mode,
            &self.issued,
            &self.rules,
        );
        self.pending.drain(..consumed);
        out
    }
}

impl Vault {
    /// [`Vault::restore`] with `options`: which URLs may receive values.
    pub fn restore_with(&self, text: &str, options: &RestoreOptions) -> String {
        restore_text(text, &self.issued(), &UrlRules::new(options))
    }

    /// [`Vault::restore_json`] with `options`.
    pub fn restore_json_with(&self, json: &str, options: &RestoreOptions) -> String {
        let mut r = self.stream_restorer_for(RestoreMode::Json, options);
        let mut out = r.push(json);
        out.push_str(&r.finish());
        out
    }

    /// A restorer for a streamed answer in `mode`, with a snapshot of this vault's mapping,
    /// restoring as `options` allow.
    pub fn stream_restorer_for(
        &self,
        mode: RestoreMode,
        options: &RestoreOptions,
    ) -> StreamRestorer {
        StreamRestorer {
            issued: Arc::new(self.issued()),
            rules: Arc::new(UrlRules::new(options)),
            mode,
            pending: String::new(),
            cursor: Cursor::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_maps_escapes() {
        let (d, m) = json_decode(r#"a\u005bP\"\\\ud83d\ude00\x"#);
        assert_eq!(d, "a[P\"\\😀\\x");
        assert_eq!(m[1], 1);
        assert_eq!(m[2], 7);
        assert_eq!(m[d.len()], 26);
    }

    #[test]
    fn regrouped_number_surrogates_are_restored() {
        let items: [(&str, &str, Arc<str>); 2] = [
            ("4000 0012 3456 7899", "CREDIT_CARD", Arc::from("card")),
            ("Anna Weber", "PERSON", Arc::from("name")),
        ];
        let s = Surrogates::new(items.iter().map(|(a, b, c)| (*a, *b, c.clone()))).unwrap();
        let t = Issued {
            keys: Keys::default(),
            surrogates: Some(s),
        };
        let r = UrlRules::default();
        assert_eq!(
            restore_text(
                "a 4000-0012-3456-7899, 4000001234567899, anna weber.",
                &t,
                &r
            ),
            "a card, card, name."
        );
        // Other digits, a longer number, or a name inside a word stay.
        assert_eq!(
            restore_text(
                "4000 0012 3456 7898 and 40000012345678991 and Annas Weber",
                &t,
                &r
            ),
            "4000 0012 3456 7898 and 40000012345678991 and Annas Weber"
        );
    }

    /// Each value is bounded as its rule reads words (the catalog's `Boundary`): a letter
    /// outside ASCII ends a phone number for the pattern pass but continues a name for the
    /// names pass.
    #[test]
    fn surrogates_are_bounded_as_their_rules_read_words() {
        let items: [(&str, &str, Arc<str>); 2] = [
            ("+49 30 1234567", "PHONE_NUMBER", Arc::from("phone")),
            ("Anna Weber", "PERSON", Arc::from("name")),
        ];
        let s = Surrogates::new(items.iter().map(|(a, b, c)| (*a, *b, c.clone()))).unwrap();
        let t = Issued {
            keys: Keys::default(),
            surrogates: Some(s),
        };
        let r = UrlRules::default();
        assert_eq!(
            restore_text("é+49 30 1234567 and éAnna Weber", &t, &r),
            "éphone and éAnna Weber"
        );
        assert_eq!(
            restore_text("(+49 30 1234567é and Anna Weber.", &t, &r),
            "(phoneé and name."
        );
    }

    #[test]
    fn escape_round_trips_through_serde() {
        let v = "a\"b\\c\nd\u{1}é";
        let mut s = String::from("\"");
        json_escape(v, &mut s);
        s.push('"');
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), v);
    }
}
