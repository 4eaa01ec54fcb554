//! The rule catalog: every built-in pattern rule, grouped by family in the submodules.
//!
//! A rule is data: an ASCII regular expression for the single-pass matcher, an optional
//! validator run only on candidates, a base score, and context words. Adding a detector means
//! adding one [`RuleDef`] to a family file and its tests; the engine needs no change.

/// A list of context words as a [`Words`]: `words!["phone", "tel", "mobile"]`. The words are
/// joined into one string at compile time, so the `.wasm` holds one pointer and length per
/// list instead of one per word (about 1,500 words in the catalog).
/// A list may hold a shared list of [`labels`] (`words!["id", identity_abroad!()]`).
macro_rules! words {
    ($($w:expr),* $(,)?) => {
        $crate::rules::Words::lines(concat!($($w, "\n"),*))
    };
}
#[cfg(test)]
pub(crate) use words;

#[macro_use]
mod labels;

mod africa_middle_east;
mod americas;
mod asia_pacific;
pub(crate) mod contact;
mod crypto;
pub(crate) mod dates_places;
mod de_at_ch;
mod devices;
mod digests;
mod display;
pub use display::{display_name, ENTITY_NAMES};
mod es_it_pt_gr;
mod eu_vat;
mod financial;
mod fr_benelux;
mod licences;
mod national;
mod nordic;
mod pl_cz_ro;
mod records;
pub(crate) mod secrets;
pub(crate) mod seed_phrase;
mod swift;
pub(crate) use swift::is_country_code;
mod travel;
mod uk_ie;
mod us;
mod us_ids;

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The policy-level family an entity belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Government, health and device identifiers (SSN, passport, IMEI, IP address).
    Identifiers,
    /// Ways to reach a person (email, phone, URL).
    Contact,
    /// Payment and bank data (cards, IBAN, crypto wallets).
    Financial,
    /// Credentials (API keys, tokens, private keys, passwords).
    Secrets,
    /// Names of people.
    People,
    /// Addresses and places.
    Locations,
    /// GDPR Art. 9 special categories (health, beliefs, orientation, ...).
    SpecialCategories,
}

impl Category {
    /// Every category, in a stable order.
    pub const ALL: [Category; 7] = [
        Category::Identifiers,
        Category::Contact,
        Category::Financial,
        Category::Secrets,
        Category::People,
        Category::Locations,
        Category::SpecialCategories,
    ];

    /// The snake_case id used in policies.
    pub fn id(self) -> &'static str {
        match self {
            Category::Identifiers => "identifiers",
            Category::Contact => "contact",
            Category::Financial => "financial",
            Category::Secrets => "secrets",
            Category::People => "people",
            Category::Locations => "locations",
            Category::SpecialCategories => "special_categories",
        }
    }
}

/// Which characters continue a word around a value, as its rule reads words. Restore finds a
/// surrogate only where the rule could have found the value it stands for, so it reads the
/// same boundaries (`¼11 4000 0000` holds a phone number after the `¼` for the ASCII pattern
/// pass; `Zoë` is one word for the names pass).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Boundary {
    /// ASCII letters, digits and `_` continue a word: the regex pass's `\b`.
    Ascii,
    /// Any Unicode letter or an ASCII digit continues a word: the names pass's tokenizer.
    Letters,
}

/// What a validator says about a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not this kind of value.
    Reject,
    /// The format is plausible but nothing was verified; scored with the rule's base score.
    Plausible,
    /// Plausible only with a context word nearby (nine bare digits, say): dropped otherwise.
    Weak,
    /// A check digit or structural check passed: the name of the check, such as `luhn`.
    Checked(&'static str),
    /// The shape is right but something makes the value doubtful (a documentation marker in
    /// a key body, an address from a reserved range): reported, but at `percent` hundredths
    /// instead of the rule's score, so a policy or `min_score` can tell it apart.
    Lowered {
        /// The score in hundredths (0–100), before any context boost.
        percent: u8,
    },
    /// The value begins `before` bytes ahead of the match and ends with it: a pattern anchored
    /// on a fixed character (an email's `@`) whose validator reads the part before it. Keeps
    /// the regex from holding a thread open through every long token.
    Extend {
        /// Bytes before the match that belong to the value.
        before: usize,
    },
    /// The value stands wholly before the match: it begins `before` bytes ahead of the match
    /// and is `len` bytes long. A pattern anchored on the words after a value ("… is my
    /// password") whose validator reads the value before them, as [`Verdict::Extend`] does.
    Before {
        /// Bytes from the value's start to the match's start.
        before: usize,
        /// The value's length in bytes (at most `before`).
        len: usize,
    },
    /// The value is a sub-span of the match (relative byte range), e.g. the secret after
    /// `password=`; scored as [`Verdict::Plausible`] or, with a name, as [`Verdict::Checked`].
    Span {
        /// Relative start within the match.
        start: usize,
        /// Relative end within the match.
        end: usize,
        /// The check that passed, if any.
        check: Option<&'static str>,
    },
    /// A sub-span of the match, as [`Verdict::Span`], that is doubtful as
    /// [`Verdict::Lowered`] is: scored at `percent` hundredths. A value under a secret's key
    /// that starts with a provider's prefix but that the provider's rule turns away (a broken
    /// checksum, a cut copy, a format the rule does not know yet) is still a secret.
    LoweredSpan {
        /// Relative start within the match.
        start: usize,
        /// Relative end within the match.
        end: usize,
        /// The score in hundredths (0–100).
        percent: u8,
    },
}

/// A validator, run on each candidate of its rule.
pub type Validate = fn(&Candidate<'_>) -> Verdict;

/// A match of a rule's pattern, handed to its validator.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'t> {
    /// The whole scanned text.
    pub text: &'t str,
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset where the match ends.
    pub end: usize,
}

impl<'t> Candidate<'t> {
    /// The matched text.
    pub fn value(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
    /// The character just before the match, if any.
    pub fn before(&self) -> Option<char> {
        self.text[..self.start].chars().next_back()
    }
    /// The character just after the match, if any.
    pub fn after(&self) -> Option<char> {
        self.text[self.end..].chars().next()
    }
    /// The text after the match (for validators that look one token further).
    pub fn rest(&self) -> &'t str {
        &self.text[self.end..]
    }
    /// The text before the match.
    pub fn preceding(&self) -> &'t str {
        &self.text[..self.start]
    }
}

/// Context words of a built-in rule (lower-case words and phrases), written with `words!`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(&'static str);

impl Words {
    /// No words.
    pub const NONE: Words = Words("");

    /// The words of `text`, each ended by a line break (what `words!` builds).
    pub const fn lines(text: &'static str) -> Words {
        Words(text)
    }

    /// The words, in the order listed.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.0.split_terminator('\n')
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A built-in rule, as written in the catalog.
#[derive(Debug, Clone, Copy)]
pub struct RuleDef {
    /// Stable rule id, kebab-case (`credit-card`, `openai-api-key`).
    pub id: &'static str,
    /// Stable upper-case entity id (`CREDIT_CARD`).
    pub entity: &'static str,
    /// The family for policies.
    pub category: Category,
    /// ISO 3166 alpha-2 codes this rule belongs to; empty for rules that are not national.
    pub countries: &'static [&'static str],
    /// An ASCII regular expression (verbose mode allowed with `(?x)`); it must not be able to
    /// match inside a multi-byte character.
    pub pattern: &'static str,
    /// Run on each candidate; `None` accepts every match as plausible.
    pub validate: Option<Validate>,
    /// Score of a plausible (unchecked) candidate without context.
    pub score: f32,
    /// Score of a candidate whose check passed, without context.
    pub checked_score: f32,
    /// Lower-case words and phrases that raise the score when near the value.
    pub context: Words,
    /// How much a context word adds.
    pub context_boost: f32,
    /// Words near the value that make it something else (an order number, a version).
    pub anti_context: Words,
    /// Drop candidates without a context word: for weak formats such as nine bare digits.
    pub needs_context: bool,
    /// Other rules often match the same text (bare digit runs); the engine then compares all
    /// rules that match at the same position and keeps the best-scored one.
    pub contested: bool,
    /// Prefixes every value of this rule starts with (`ghp_`, `sk-proj-`), which say nothing
    /// about which value it is: a mask may keep them. Empty for most rules.
    pub public_prefixes: &'static [&'static str],
    /// How the rule reads word boundaries around a value (restore reads the same).
    pub boundary: Boundary,
}

impl RuleDef {
    /// Neutral defaults for struct-update syntax in the catalog files.
    pub const DEFAULT: RuleDef = RuleDef {
        id: "",
        entity: "",
        category: Category::Identifiers,
        countries: &[],
        pattern: "",
        validate: None,
        score: 0.5,
        checked_score: 0.9,
        context: Words::NONE,
        context_boost: 0.35,
        anti_context: Words::NONE,
        needs_context: false,
        contested: false,
        public_prefixes: &[],
        boundary: Boundary::Ascii,
    };

    /// The English display name of the rule's entity ([`ENTITY_NAMES`]), if it has one.
    pub fn display_name(&self) -> Option<&'static str> {
        display_name(self.entity)
    }
}

/// A rule as the engine runs it: a built-in [`RuleDef`] or a custom rule from a policy.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Rule id.
    pub id: Arc<str>,
    /// Entity id.
    pub entity: Arc<str>,
    /// Policy family.
    pub category: Category,
    /// Countries (upper-case ISO codes); empty when not national.
    pub countries: Vec<Arc<str>>,
    /// The regular expression.
    pub pattern: Arc<str>,
    /// Validator run on candidates.
    pub validate: Option<Validate>,
    /// Base score.
    pub score: f32,
    /// Score after a passing check.
    pub checked_score: f32,
    /// Context words (lower-case).
    pub context: Vec<Arc<str>>,
    /// Added by a context word.
    pub context_boost: f32,
    /// Words that make the candidate something else.
    pub anti_context: Vec<Arc<str>>,
    /// Requires a context word.
    pub needs_context: bool,
    /// Compared against other rules matching at the same position.
    pub contested: bool,
}

impl From<&RuleDef> for Rule {
    fn from(d: &RuleDef) -> Self {
        let words = |w: Words| w.iter().map(Arc::<str>::from).collect();
        Rule {
            id: d.id.into(),
            entity: d.entity.into(),
            category: d.category,
            countries: d.countries.iter().map(|s| Arc::<str>::from(*s)).collect(),
            pattern: d.pattern.into(),
            validate: d.validate,
            score: d.score,
            checked_score: d.checked_score,
            context: words(d.context),
            context_boost: d.context_boost,
            anti_context: words(d.anti_context),
            needs_context: d.needs_context,
            contested: d.contested,
        }
    }
}

/// The rule families in priority order: when two rules match at the same position, the
/// earlier one is tried first. A constant, so that [`CATALOG_FINGERPRINT`] is computed when
/// compiling.
const FAMILIES: &[&[RuleDef]] = &[
    // Secrets first: provider prefixes are unambiguous.
    secrets::ai::RULES,
    secrets::cloud::RULES,
    secrets::code::RULES,
    secrets::saas::RULES,
    secrets::generic::RULES,
    secrets::one_time::RULES,
    financial::RULES,
    us::RULES,
    // National identifiers (ids-a): checked formats before the generic phone shapes.
    us_ids::RULES,
    uk_ie::RULES,
    de_at_ch::RULES,
    fr_benelux::RULES,
    es_it_pt_gr::RULES,
    nordic::RULES,
    pl_cz_ro::RULES,
    eu_vat::RULES,
    licences::RULES,
    // ids-b: rest-of-world identifiers, travel, money, devices, dates and places.
    americas::RULES,
    asia_pacific::RULES,
    africa_middle_east::RULES,
    travel::RULES,
    crypto::RULES,
    swift::RULES,
    devices::RULES,
    dates_places::RULES,
    records::RULES,
    contact::RULES,
];

/// How many rules the catalog holds.
const CATALOG_LEN: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < FAMILIES.len() {
        n += FAMILIES[i].len();
        i += 1;
    }
    n
};

/// The rules the package's first module (feature `scanner`) leaves to the full module: rare
/// in what is typed or pasted in the first second, and their validators large (a machine
/// readable zone's check digits, the EU countries' VAT checksums, addresses spelt out in
/// several languages, coordinates in decimal and degrees-minutes-seconds notation and in map
/// links): 5.9 KB gzip of that module. Mexico's RFC and Poland's identity card and account
/// number too: restored after the first module's cut, they fit its allowance only there.
/// Cryptocurrency addresses (base58check, bech32) also: public values whose checksums are
/// code the early highlight does without, to keep the module under issue 20's 230 KB.
/// In round 12, to make room for that round's leak fixes, other public values, numbers of
/// organisations and machine formats, rarely typed into a chat box (2.9 KB gzip with their
/// context words, which the first module's copy of the catalog drops for all of these).
/// One-time codes too: short-lived, and the code words of their pattern grow the automaton.
/// It highlights while the full module loads and never decides a send; docs/pasted-text.md
/// says what that changes, tests/js/scanner.test.mjs checks it.
pub(crate) const FULL_MODULE_RULES: &[&str] = &[
    "passport-mrz",
    "eu-vat",
    "email-spelt-out",
    "geo-coordinates",
    "mx-rfc",
    "pl-id-card",
    "pl-bank-account",
    "crypto-base58check",
    "crypto-bech32",
    // Round 12 (hunt13): public values and numbers of organisations (an Ethereum address, a
    // bank's BIC and routing number, company and business numbers, a US prescriber's or
    // provider's registry number) and machine formats (a handset's IMEI, a vehicle's VIN).
    "crypto-ethereum",
    "swift-bic",
    "aba-routing-number",
    "br-cnpj",
    "br-cnpj-plain",
    "kr-brn",
    "au-abn",
    "au-abn-plain",
    "it-vat-code",
    "us-npi",
    "us-dea",
    "imei",
    "imei-plain",
    "vin",
    // Round 12's phone numbers spelt out in words (the family of `email-spelt-out`).
    "phone-spelt-out",
    // Round 12, to pay for the round's leak fixes: identity numbers of small populations
    // (Finland, Norway, Denmark, Sweden, Israel, Singapore: 5 to 10.5 million people each)
    // and a map app's machine format (a plus code).
    "fi-personal-identity-code",
    "no-fodselsnummer",
    "dk-cpr",
    "se-personnummer",
    "il-id",
    "sg-nric-fin",
    "plus-code",
    // Round 12's one-time codes (a verification code sent by SMS or mail).
    "one-time-code",
    // Round 13 (hunt14): a secret typed before the words that name it ("X is my password").
    "secret-named-after",
    "cli-password-stdin",
    "pgpass-line",
    "cookie-session",
    "secret-after-arrow",
    // Round 14 (hunt15): an Oracle connect string's password, a secret set by `setx` or a
    // Dockerfile's `ENV NAME value`, a key split into groups by spaces or line breaks.
    "oracle-connect-string",
    "secret-env-command",
    "secret-split-in-groups",
    // Round 15, to pay for the round's leak fixes (labels, the quoted assignment's reader,
    // Italian place readings): national numbers rarely typed in a chat box's first second —
    // Greece's AMKA, Korea's passport and driving licence, Peru's DNI, Chile's RUT,
    // Argentina's CUIT and Thailand's identity number.
    "gr-amka",
    "kr-passport",
    "kr-driver-license",
    "pe-dni",
    "cl-rut",
    "ar-cuit",
    "th-tnin",
    "th-tnin-plain",
    // Round 17 (hunt18): a licence plate named after it ("B-MW 1234 ist mein Kennzeichen"),
    // a Skype ID without a label.
    "license-plate-named-after",
    "skype-id",
];

/// Whether `id` is one of `ids` (a `const fn`: [`flattened`] reads it when compiling).
const fn listed(id: &str, ids: &[&str]) -> bool {
    let mut i = 0;
    while i < ids.len() {
        let (a, b) = (id.as_bytes(), ids[i].as_bytes());
        let mut same = a.len() == b.len();
        let mut j = 0;
        while same && j < a.len() {
            same = a[j] == b[j];
            j += 1;
        }
        if same {
            return true;
        }
        i += 1;
    }
    false
}

/// The catalog's rules in order; `empty_patterns` leaves their patterns out (and, for the
/// first module, the validators of [`FULL_MODULE_RULES`]).
const fn flattened(empty_patterns: bool) -> [RuleDef; CATALOG_LEN] {
    let mut out = [FAMILIES[0][0]; CATALOG_LEN];
    let (mut k, mut i) = (0, 0);
    while i < FAMILIES.len() {
        let mut j = 0;
        while j < FAMILIES[i].len() {
            out[k] = FAMILIES[i][j];
            if empty_patterns {
                out[k].pattern = "";
                // The first module never runs these rules (src/wasm_scan.rs disables them):
                // without the reference to their validators, the optimiser drops them.
                // Their context words too: a disabled rule's words reach no lexicon
                // (`Engine::new` builds it from the rules it runs).
                if listed(out[k].id, FULL_MODULE_RULES) {
                    out[k].validate = None;
                    out[k].context = Words::NONE;
                    out[k].anti_context = Words::NONE;
                }
            }
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// The catalog's patterns in order, known when compiling.
const PATTERNS: [&str; CATALOG_LEN] = {
    let rules = flattened(false);
    let mut out = [""; CATALOG_LEN];
    let mut i = 0;
    while i < CATALOG_LEN {
        out[i] = rules[i].pattern;
        i += 1;
    }
    out
};

/// The fingerprint of the catalog's patterns (`automaton::fingerprint`), which the
/// ahead-of-time automaton (data/catalog-automaton.bin) must carry to be used.
pub(crate) const CATALOG_FINGERPRINT: u64 = crate::automaton::fingerprint(&PATTERNS);

/// The catalog as the first module (feature `scanner`) holds it: without the pattern strings,
/// which only the pattern compiler reads and the module has none (the automaton was made
/// ahead of time and is checked by [`CATALOG_FINGERPRINT`]): ~6 KB gzip of the first module.
#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
static WITHOUT_PATTERNS: [RuleDef; CATALOG_LEN] = flattened(true);

/// Every built-in rule, in priority order: when two rules match at the same position, the
/// earlier one is tried first. In the first module (feature `scanner`) `pattern` is empty.
pub fn catalog() -> Vec<&'static RuleDef> {
    #[cfg(all(target_arch = "wasm32", feature = "scanner"))]
    return WITHOUT_PATTERNS.iter().collect();
    #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
    FAMILIES.iter().flat_map(|f| f.iter()).collect()
}

/// Every built-in rule: the pattern rules of [`catalog`], then the names pass's token rules
/// (`person`, `location`, ...) and the recovery-phrase walk's rule, whose `pattern` is empty.
pub fn builtin_rules() -> impl Iterator<Item = &'static RuleDef> {
    catalog()
        .into_iter()
        .chain(crate::names::TOKEN_RULES.iter())
        .chain(std::iter::once(&seed_phrase::RULE))
}

/// True when `id` names a built-in rule of [`builtin_rules`]. The one check behind both
/// `EngineOptions` and a policy's `disabledRules`, so the two accept the same ids.
pub fn is_builtin_rule(id: &str) -> bool {
    builtin_rules().any(|r| r.id == id)
}

/// Every entity a built-in rule reports, once, with its category, in [`builtin_rules`] order:
/// the entities a policy may name (besides the deny-list's and its own custom rules').
pub fn entities() -> Vec<(&'static str, Category)> {
    let mut out: Vec<(&'static str, Category)> = Vec::new();
    for r in builtin_rules() {
        if !out.iter().any(|(e, _)| *e == r.entity) {
            out.push((r.entity, r.category));
        }
    }
    out
}

/// How values of `entity` are bounded, as restore must read them: [`Boundary::Letters`] when
/// a built-in rule reads Unicode words for it, else [`Boundary::Ascii`] (custom rules run in
/// the regex pass).
pub(crate) fn boundary_of(entity: &str) -> Boundary {
    if builtin_rules().any(|r| r.entity == entity && r.boundary == Boundary::Letters) {
        Boundary::Letters
    } else {
        Boundary::Ascii
    }
}

/// The last `max` bytes of `s` at most, starting on a character boundary: a bounded look-back
/// for validators that read the line before a candidate.
pub(crate) fn tail(s: &str, max: usize) -> &str {
    let mut from = s.len().saturating_sub(max);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// The byte offset just after the last character of `s` that `stop` accepts (0 when none does):
/// where a token ends its look-back. Steps over the whole character, so a multi-byte separator
/// (U+2029 from a PDF, a NO-BREAK SPACE) never leaves the offset inside it.
pub(crate) fn after_last(s: &str, stop: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, ch)| stop(ch))
        .map_or(0, |(i, ch)| i + ch.len_utf8())
}

/// The first `max` bytes of `s` at most, ending on a character boundary: a bounded look-ahead.
pub(crate) fn head(s: &str, max: usize) -> &str {
    let mut to = max.min(s.len());
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    &s[..to]
}

/// Number of ASCII digits in `s`.
pub(crate) fn digit_count(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// Digit values of a candidate that is a whole number on its own (not part of a longer one),
/// with exactly `len` digits that are not all the same.
pub(crate) fn own_digits(c: &Candidate<'_>, len: usize) -> Option<Vec<u8>> {
    if glued_to_digits(c) {
        return None;
    }
    let d = crate::digit_vec(c.value());
    (d.len() == len && !d.iter().all(|&x| x == d[0])).then_some(d)
}

/// The match continues a longer number (`12.5551234567`, `555-1234-99`), so it is a piece of
/// something else.
pub(crate) fn glued_to_digits(c: &Candidate<'_>) -> bool {
    let mut after = c.rest().chars();
    let (a1, a2) = (after.next(), after.next());
    glued_before(c) || glued(a1, a2)
}

/// [`glued_to_digits`] on the side before the match only.
pub(crate) fn glued_before(c: &Candidate<'_>) -> bool {
    let mut before = c.preceding().chars().rev();
    glued(before.next(), before.next())
}

/// A digit next to the value, or a separator and then a digit.
fn glued(next: Option<char>, then: Option<char>) -> bool {
    let digit = |x: Option<char>| x.is_some_and(|ch| ch.is_ascii_digit());
    digit(next) || (matches!(next, Some('.' | '-' | '/' | ',')) && digit(then))
}

/// The value at the start of a match that ran on into a number following it ("+44 20 7946
/// 0958 2024", "4111 1111 1111 1111 12/27"): the longest prefix ending before a space that
/// `check` finds plausible or checked, as a [`Verdict::Span`]. Digits glued on before the
/// match make it part of another number: rejected.
pub(crate) fn cut_before_a_number(c: &Candidate<'_>, check: impl Fn(&str) -> Verdict) -> Verdict {
    if glued_before(c) {
        return Verdict::Reject;
    }
    let v = c.value();
    for (end, _) in v.match_indices(' ').rev() {
        let check = match check(&v[..end]) {
            Verdict::Checked(name) => Some(name),
            Verdict::Plausible => None,
            _ => continue,
        };
        return Verdict::Span {
            start: 0,
            end,
            check,
        };
    }
    Verdict::Reject
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn token_rules_read_unicode_words_and_have_display_names() {
        for r in crate::names::TOKEN_RULES {
            assert_eq!(r.boundary, Boundary::Letters, "{}", r.id);
            assert_eq!(boundary_of(r.entity), Boundary::Letters, "{}", r.entity);
            assert!(
                r.display_name().is_some(),
                "{} has no display name",
                r.entity
            );
        }
        assert_eq!(boundary_of("PHONE_NUMBER"), Boundary::Ascii);
        assert_eq!(boundary_of("EMPLOYEE_ID"), Boundary::Ascii);
    }

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in catalog() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "rule id {} must be kebab-case",
                r.id
            );
            assert!(
                r.entity
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
                "entity {} must be upper-case",
                r.entity
            );
            assert!((0.0..=1.0).contains(&r.score) && (0.0..=1.0).contains(&r.checked_score));
            assert_eq!(
                r.boundary,
                Boundary::Ascii,
                "pattern rule {} runs in the ASCII regex pass",
                r.id
            );
            for w in r.context.iter().chain(r.anti_context.iter()) {
                assert_eq!(
                    w,
                    w.to_lowercase(),
                    "context word {w} of {} must be lower-case",
                    r.id
                );
                assert!(
                    !w.is_empty() && w.trim() == w,
                    "context word {w:?} of {} must be a word",
                    r.id
                );
            }
        }
    }
}
