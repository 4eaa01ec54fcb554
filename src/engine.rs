//! The engine: every rule compiled once into one multi-pattern matcher, a single pass over the
//! text, validation and scoring of candidates, and deterministic overlap resolution.

use crate::automaton;
use crate::context::{Hits, Lexicon, RuleWords};
use crate::encoded;
use crate::fold::{self, Folded};
use crate::matcher::{self, Matcher, Options, Session};
use crate::names::{Gazetteer, NamesPass, TOKEN_RULES};
use crate::rules::{catalog, contact, dates_places, Candidate, Rule, Verdict};
use crate::starts::StartTable;
use crate::{Error, Finding, Reason};
use regex_automata::nfa::thompson::NFA;
use regex_automata::{Anchored, Input, PatternID};
use std::sync::Arc;

/// The lazy DFA's cache cap. The 2 MiB default thrashes on text dense with personal data
/// (measured: 3 MB/s instead of ~100), and 8 MiB thrashed on varied real text: 17.7 MB of
/// /usr/share/doc scanned 7.9× slower than with 16 MiB, every clear rebuilding the states of
/// ordinary prose (docs/benchmarks.md, "After every round-13 merge"). Memory is only used as
/// states are built, so a prompt-sized scan costs no more.
const DFA_CACHE: usize = 16 << 20;
/// How far past a contested position the rules that compete there may reach, in bytes.
const CONTEST_WINDOW: usize = 256;
/// Up to this many other rules that can start with a candidate's first byte are tried one by
/// one (anchored searches that die within a few bytes); more go through the all-matches DFA.
const FEW_RIVALS: usize = 6;
/// How deep values inside URLs are scanned: a URL in a query value of a URL is scanned too
/// (`?next=https%3A%2F%2F…%3Femail%3D…`), a third level is not. Each level scans each byte at
/// most once more, so the scan stays linear.
const URL_NESTING: u8 = 2;
/// Largest compiled size accepted for one custom pattern, so a policy cannot make the engine
/// huge or slow to build.
pub const CUSTOM_PATTERN_SIZE_LIMIT: usize = 256 << 10;

/// Options for building an [`Engine`].
///
/// # Defaults
/// All countries, every built-in rule, minimum score 0.5, no custom rules.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Countries (ISO 3166 alpha-2) or regions (`EU`, `EEA`) whose national rules are active;
    /// `None` keeps all. Rules that are not national are always active.
    pub countries: Option<Vec<String>>,
    /// Findings scored below this are dropped.
    pub min_score: f32,
    /// Rule ids to leave out.
    pub disabled_rules: Vec<String>,
    /// Extra rules (from a policy), compiled into the same pass after the built-ins.
    pub custom_rules: Vec<Rule>,
    // --- names pass (issue 5) ---
    /// Run the token-based pass for people, places, postal addresses and special categories.
    pub names: bool,
    /// The name and place list for that pass; `None` uses [`Gazetteer::embedded`] (feature
    /// `embedded-gazetteer`) or, without the feature, an empty list.
    pub gazetteer: Option<Arc<Gazetteer>>,
    // --- end names pass ---
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            countries: None,
            min_score: 0.5,
            disabled_rules: Vec::new(),
            custom_rules: Vec::new(),
            names: true,
            gazetteer: None,
        }
    }
}

/// A compiled detector. Build it once and reuse it: building costs milliseconds, a scan of a
/// prompt costs microseconds. `Engine` is `Send + Sync`; scans may run concurrently.
pub struct Engine {
    /// The regex patterns' rules first (pattern id == index), then the names pass's.
    rules: Vec<Rule>,
    /// The names pass and the index of its first token rule.
    names: Option<(NamesPass, usize)>,
    /// Every pattern, leftmost-first, plus the all-matches DFA over the same NFA: it answers
    /// "which rules match at this position" when the first one's candidate is contested or
    /// rejected and many rules could start there.
    patterns: Matcher,
    /// Which patterns can start with which byte: most contests need not run the all-matches
    /// DFA.
    starts: StartTable,
    /// Every rule's context words in one table, and each rule's word ids (by rule index).
    lexicon: Lexicon,
    words: Vec<RuleWords>,
    min_score: f32,
    /// Disabled rule ids (the token rules check it per hit).
    disabled: Vec<Arc<str>>,
    /// The built-in `email` rule (for addresses with internationalised domains) and `url`
    /// rule (whose findings make room for the values found inside them), unless disabled.
    email_rule: Option<usize>,
    url_rule: Option<usize>,
    /// `geo-coordinates`, for the pairs in map links that the URL's parts split apart.
    geo_rule: Option<usize>,
    /// `online-handle`, for the handle in a profile URL (`github.com/janedoe`).
    handle_rule: Option<usize>,
    /// The fewest bytes any pattern matches: a part of a URL shorter than that is not scanned.
    shortest_match: usize,
    /// `crypto-seed-phrase` ([`crate::rules::seed_phrase`]), unless disabled.
    #[cfg_attr(all(target_arch = "wasm32", feature = "scanner"), allow(dead_code))]
    seed_rule: Option<usize>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("rules", &self.rules.len())
            .field("min_score", &self.min_score)
            .finish()
    }
}

/// What one pattern pass keeps between candidates: the matcher's caches, the list the
/// all-matches DFA fills at a contested position, and the context words found so far.
struct Pass<'m> {
    re: Session<'m>,
    matching: Vec<PatternID>,
    hits: Hits,
}

/// A candidate that passed validation, before overlap resolution. `Copy`: candidates are made,
/// compared and dropped by the ten thousand on dense text, and the context word becomes an
/// `Arc<str>` only for the findings kept.
#[derive(Debug, Clone, Copy)]
struct Scored {
    start: usize,
    end: usize,
    rule: usize,
    score: f32,
    check: Option<&'static str>,
    context: Option<Said>,
    /// A context word of the rule stands before the value (a label), not only after it.
    labelled_before: bool,
}

/// The evidence named in a finding's `reason.context`.
#[derive(Debug, Clone, Copy)]
enum Said {
    /// A context word of the rule ([`Lexicon::word`]).
    Word(u32),
    /// The names pass's kind of evidence (`title`, `gazetteer`, ...).
    Cue(&'static str),
}

/// The names pass's cues as `Arc<str>`, made once per scan: a scan of prose has thousands of
/// name findings and a handful of distinct cues.
#[derive(Default)]
struct Cues(Vec<(&'static str, Arc<str>)>);

impl Cues {
    fn get(&mut self, cue: &'static str) -> Arc<str> {
        if let Some((_, a)) = self.0.iter().find(|(c, _)| std::ptr::eq(*c, cue)) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(cue);
        self.0.push((cue, a.clone()));
        a
    }
}

const EU: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];
const EEA_EXTRA: &[&str] = &["IS", "LI", "NO"];

/// True for a country list entry the engine understands: an assigned ISO 3166-1 alpha-2
/// code, `EU`, `EEA` or `UK` (any case). An unknown code is refused, never taken as "no
/// country", which would turn every national rule off.
pub(crate) fn known_country(code: &str) -> bool {
    let up = code.trim().to_ascii_uppercase();
    matches!(up.as_str(), "EU" | "EEA" | "UK")
        || (up.len() == 2 && crate::rules::is_country_code(up.as_bytes()))
}

/// Expands region names to country codes and checks every code is assigned.
fn expand_countries(list: &[String]) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for c in list {
        let up = c.trim().to_ascii_uppercase();
        match up.as_str() {
            "EU" => out.extend(EU.iter().map(|s| s.to_string())),
            "EEA" => out.extend(EU.iter().chain(EEA_EXTRA).map(|s| s.to_string())),
            "UK" => out.push("GB".into()),
            s if known_country(s) => out.push(up),
            _ => {
                return Err(Error::Unknown {
                    kind: "country (expected ISO 3166 alpha-2 or EU/EEA)",
                    name: c.clone(),
                })
            }
        }
    }
    Ok(out)
}

/// How the engine's patterns are compiled: leftmost-first plus the all-matches DFA.
fn options_for(limit: Option<usize>) -> Options {
    Options {
        size_limit: limit,
        overlapping: true,
        cache: DFA_CACHE,
        ..Options::default()
    }
}

/// Compiles the engine's patterns.
#[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
fn compile(hirs: &[regex_syntax::hir::Hir], limit: Option<usize>) -> Result<Matcher, String> {
    Matcher::from_hirs(hirs, options_for(limit))
}

/// The scanner module (the wasm build with feature `scanner`, src/wasm_scan.rs) leaves
/// regex-syntax and the Thompson compiler out: only the ahead-of-time automaton serves there,
/// and what would need the compiler (a custom pattern, a stale automaton) is an error. Plain
/// `cfg`, not a constant: the optimiser did not drop the compiling paths behind `cfg!`.
#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
const NO_COMPILER: &str = "needs the pattern compiler, which the scanner module leaves out";

#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
fn compile_custom(_pattern: &str) -> Result<(regex_syntax::hir::Hir, NFA, NFA), String> {
    Err(["a custom pattern ", NO_COMPILER].concat())
}

#[cfg(all(target_arch = "wasm32", feature = "scanner"))]
fn compile_patterns(
    _rules: &[Rule],
    _patterns: &[&str],
) -> Result<(Matcher, StartTable, usize), Error> {
    Err(Error::InvalidPattern {
        rule: "(combined)".to_string(),
        reason: [
            "a catalog without its ahead-of-time automaton ",
            NO_COMPILER,
        ]
        .concat(),
    })
}

/// Parses and compiles one custom pattern within [`CUSTOM_PATTERN_SIZE_LIMIT`]: its forward
/// and reverse NFA, checked by building the lazy DFAs over them (they refuse what a search
/// could not run, such as a Unicode `\b`).
#[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
fn compile_custom(pattern: &str) -> Result<(regex_syntax::hir::Hir, NFA, NFA), String> {
    let mut hirs = matcher::parse(&[pattern], false)?;
    let hir = hirs.pop().ok_or("no pattern")?;
    let one = std::slice::from_ref(&hir);
    let limit = Some(CUSTOM_PATTERN_SIZE_LIMIT);
    let forward = matcher::compile_nfa(one, limit, false)?;
    let reverse = matcher::compile_nfa(one, limit, true)?;
    let shared = matcher::share_leading_boundaries(&forward).unwrap_or_else(|| forward.clone());
    Matcher::from_nfas(&shared, &reverse, options_for(limit))?;
    Ok((hir, forward, reverse))
}

/// Parses and compiles `patterns` (those of `rules`, in order) when the ahead-of-time
/// automaton does not serve (it is stale): the matcher, the start-byte table and the shortest
/// match.
#[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
fn compile_patterns(
    rules: &[Rule],
    patterns: &[&str],
) -> Result<(Matcher, StartTable, usize), Error> {
    let hirs = matcher::parse(patterns, false);
    let compiled = hirs
        .as_ref()
        .map_err(String::clone)
        .and_then(|h| compile(h, None));
    let compiled = compiled.map_err(|e| {
        // Name the rule: compile the patterns one by one until one fails.
        let culprit = rules
            .iter()
            .find(|r| Matcher::new(&[&r.pattern], Options::default()).is_err());
        Error::InvalidPattern {
            rule: culprit.map_or_else(|| "(combined)".to_string(), |r| r.id.to_string()),
            reason: e,
        }
    })?;
    let hirs = hirs.unwrap_or_default();
    let shortest_match = hirs
        .iter()
        .map(|h| h.properties().minimum_len().unwrap_or(usize::MAX))
        .min()
        .unwrap_or(usize::MAX);
    let starts = StartTable::new(&hirs);
    matcher::dispose(hirs);
    Ok((compiled, starts, shortest_match))
}

impl Engine {
    /// An engine with every built-in rule and default options.
    ///
    /// The built-in catalog is tested to compile, so this does not fail.
    pub fn default_engine() -> Engine {
        Engine::new(&EngineOptions::default()).expect("the built-in catalog compiles")
    }

    /// Builds an engine. Fails when a country or rule id is unknown, or a custom pattern does
    /// not compile; the error names the rule or option at fault.
    pub fn new(options: &EngineOptions) -> Result<Engine, Error> {
        if !(0.0..=1.0).contains(&options.min_score) {
            return Err(Error::InvalidOption {
                option: "min_score",
                reason: "must be between 0 and 1".into(),
            });
        }
        let countries = options
            .countries
            .as_deref()
            .map(expand_countries)
            .transpose()?;
        let builtin = catalog();
        for id in &options.disabled_rules {
            let known = crate::rules::is_builtin_rule(id)
                || options.custom_rules.iter().any(|r| &*r.id == id);
            if !known {
                return Err(Error::Unknown {
                    kind: "rule",
                    name: id.clone(),
                });
            }
        }
        // The catalog indices of the built-in rules this engine runs, in catalog order.
        let chosen: Vec<usize> = (0..builtin.len())
            .filter(|&i| !options.disabled_rules.iter().any(|d| d == builtin[i].id))
            .filter(|&i| match &countries {
                None => true,
                Some(list) => {
                    let of = builtin[i].countries;
                    of.is_empty() || of.iter().any(|c| list.iter().any(|l| l == c))
                }
            })
            .collect();
        let mut rules: Vec<Rule> = chosen.iter().map(|&i| Rule::from(builtin[i])).collect();
        // Each custom pattern compiled on its own (the error names its rule), then joined to
        // the catalog's automata.
        #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
        let mut custom_parts = Vec::new();
        // The scanner module compiles none (its `compile_custom` fails), so the list stays
        // empty there; not dropping it leaves regex-syntax's `Hir` drop code out of the module.
        #[cfg(all(target_arch = "wasm32", feature = "scanner"))]
        let mut custom_parts = std::mem::ManuallyDrop::new(Vec::new());
        for custom in &options.custom_rules {
            if options.disabled_rules.iter().any(|d| **d == *custom.id) {
                continue;
            }
            let part = compile_custom(&custom.pattern).map_err(|e| Error::InvalidPattern {
                // From the `str`: `Arc<str>`'s `to_string` goes through a `Formatter`.
                rule: String::from(&*custom.id),
                reason: e,
            })?;
            custom_parts.push(part);
            rules.push(custom.clone());
        }
        let extra: Vec<automaton::Extra<'_>> = custom_parts
            .iter()
            .map(|(hir, forward, reverse)| automaton::Extra {
                hir,
                forward,
                reverse,
            })
            .collect();
        // The built-in rules' automata were made ahead of time (src/automaton.rs).
        let prebuilt = automaton::prebuilt(crate::rules::CATALOG_FINGERPRINT, &chosen, &extra);
        let (compiled, starts, shortest_match) = match prebuilt {
            Some(pre) => {
                let compiled =
                    Matcher::from_prebuilt(&pre.forward, &pre.reverse, options_for(None)).map_err(
                        |reason| Error::InvalidPattern {
                            rule: "(combined)".to_string(),
                            reason,
                        },
                    )?;
                (compiled, pre.starts, pre.shortest_match)
            }
            None => {
                let patterns: Vec<&str> = rules.iter().map(|r| &*r.pattern).collect();
                compile_patterns(&rules, &patterns)?
            }
        };
        // Names pass: its rules go after every pattern rule, never into the regex. A disabled
        // token rule keeps its slot (so indices stay fixed) and its hits are dropped.
        let names = if options.names {
            let first = rules.len();
            rules.extend(TOKEN_RULES.iter().map(Rule::from));
            let gazetteer = options.gazetteer.clone().unwrap_or_else(default_gazetteer);
            Some((NamesPass::new(gazetteer), first))
        } else {
            None
        };
        // Wallet recovery phrases: found by a walk over the words, never by the regex. The
        // first module lists the rule but leaves the walk to the full one (its word list is
        // 13 KB).
        let seed_rule = {
            let seed = &crate::rules::seed_phrase::RULE;
            let off = options.disabled_rules.iter().any(|d| **d == *seed.id);
            (!off).then(|| {
                rules.push(Rule::from(seed));
                rules.len() - 1
            })
        };
        let (lexicon, words) = Lexicon::build(&rules);
        let builtin_rule = |id: &str| {
            rules
                .iter()
                .position(|r| &*r.id == id && r.validate.is_some())
        };
        let (email_rule, url_rule) = (builtin_rule("email"), builtin_rule("url"));
        let geo_rule = builtin_rule("geo-coordinates");
        let handle_rule = builtin_rule("online-handle");
        Ok(Engine {
            seed_rule,
            handle_rule,
            email_rule,
            url_rule,
            geo_rule,
            shortest_match,
            rules,
            names,
            patterns: compiled,
            starts,
            lexicon,
            words,
            min_score: options.min_score,
            disabled: options
                .disabled_rules
                .iter()
                .map(|d| Arc::from(d.as_str()))
                .collect(),
        })
    }

    /// The rules this engine runs, in priority order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The minimum score below which findings are dropped.
    pub fn min_score(&self) -> f32 {
        self.min_score
    }

    /// Fills the lazy DFAs' caches a little (their states are built as text is scanned) and
    /// the names pass's word tables (built on first use), so the first real scan — the first
    /// keystroke — is about as fast as later ones. Call it once after building, off the
    /// critical path.
    pub fn warm_up(&self) {
        let sample = "Mail a.b@example.com, +44 20 7946 0958, 4111 1111 1111 1111, \
                      DE89 3704 0044 0532 0130 00, 192.0.2.1, 2001:db8::1, 078-05-1121 \
                      https://example.com/x 00:1A:2B:3C:4D:5E version 1.2.3 order 12345678\n\
                      Dear Dr. Anna Schmidt, my name is John Smith and I live at 221B Baker \
                      Street, London NW1 6XE. I was diagnosed with diabetes; born 12/03/1990. \
                      api_key = \"x\" then the meeting notes from Friday at 10:30.";
        let _ = self.scan(sample);
    }

    /// Scans `text` and returns its findings sorted by start, non-overlapping, with UTF-8 byte
    /// offsets (see [`crate::convert_offsets`]).
    ///
    /// The rules read a folded view of the text (Unicode spaces, dashes and digits as ASCII,
    /// invisible characters left out, escapes decoded: `src/fold.rs`); every finding's offsets
    /// are those of the characters as typed. Values inside a URL are findings of their own,
    /// and the URL's finding keeps the rest of it (see `docs/pasted-text.md`).
    ///
    /// Time is linear in the length of `text`: the matcher is a lazy DFA, validators look only
    /// at a candidate and a bounded window around it.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let folded = fold::fold(text);
        let view = folded.text();
        let mut found = self.detect(view, 0);
        self.scan_names(view, &mut found);
        #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
        self.scan_seed_phrases(view, &mut found);
        if !folded.is_identity() {
            for s in &mut found {
                (s.start, s.end) = (folded.start(s.start), folded.end(s.end));
            }
        }
        if !folded.wraps().is_empty() {
            self.scan_wraps(text, folded.wraps(), &mut found);
        }
        self.scan_tab_tables(text, &mut found);
        let kept = resolve_overlaps(found);
        let mut cues = Cues::default();
        kept.into_iter()
            .filter(|s| s.score >= self.min_score)
            .map(|s| {
                let rule = &self.rules[s.rule];
                let (start, end) = (s.start, s.end);
                Finding {
                    start,
                    end,
                    entity: rule.entity.clone(),
                    score: (s.score * 1000.0).round() / 1000.0,
                    rule: rule.id.clone(),
                    reason: Reason {
                        check: s.check,
                        context: s.context.map(|c| match c {
                            Said::Word(id) => self.lexicon.word(id).clone(),
                            Said::Cue(cue) => cues.get(cue),
                        }),
                    },
                }
            })
            .collect()
    }

    /// Values wrapped across a line break (a PDF copy: `DE89 3704 0044\n0532 0130 00`): a
    /// window of the original around each break inside a grouped number (`wraps`) is folded
    /// with the break joined and scanned again. A value that spans the break is kept only
    /// when it is the whole number on both lines and a context word names it (`IBAN`,
    /// `card`, `phone`): a check digit alone is no proof in a table of numbers, where one
    /// line's last cells and the next line's first pass a mod-11 check one time in eleven.
    /// It then competes with what the main pass found (the tail `0532 0130 00` as a phone).
    /// Offsets are in `text`, as `found`'s are by now. Each window is at most two lines of
    /// 64 bytes, so the scan stays linear.
    fn scan_wraps(&self, text: &str, wraps: &[usize], found: &mut Vec<Scored>) {
        const REACH: usize = 64;
        let before = found.len();
        for &b in wraps {
            let from = floor_char_boundary(text, b.saturating_sub(REACH));
            let start = text[from..b].rfind('\n').map_or(from, |i| from + i + 1);
            let to = floor_char_boundary(text, (b + 1 + REACH).min(text.len()));
            let end = text[b + 1..to].find('\n').map_or(to, |i| b + 1 + i);
            // The value must be the whole number on both lines: in a table of numbers, one
            // that starts mid-row is two cells read as one.
            let (run_start, run_end) = (
                group_run(text, start, b, true),
                group_run(text, b + 1, end, false),
            );
            let window = fold::fold_wrapped(&text[start..end]);
            for s in self.detect(window.text(), URL_NESTING) {
                let (a, e) = original_span(&window, s.start, s.end);
                let (a, e) = (start + a, start + e);
                let whole = a <= run_start && e >= run_end;
                if a <= b && b < e && whole && s.context.is_some() {
                    found.push(Scored {
                        start: a,
                        end: e,
                        ..s
                    });
                }
            }
        }
        if found.len() > before {
            sort_in_text_order(found);
        }
    }

    /// The pattern pass over (folded) `text`, e-mail addresses with internationalised
    /// domains, and the values inside URLs; sorted by start.
    fn detect(&self, text: &str, depth: u8) -> Vec<Scored> {
        let mut found = Vec::new();
        self.scan_patterns(text, &mut found);
        if !text.is_ascii() {
            self.scan_unicode_emails(text, &mut found);
        }
        if depth < URL_NESTING {
            self.scan_inside_urls(text, depth, &mut found);
            // The first module leaves values encoded in base64 to the full module (0.9 KB
            // gzip; docs/pasted-text.md says what that changes).
            if !cfg!(all(target_arch = "wasm32", feature = "scanner")) {
                self.scan_encoded(text, &mut found);
            }
        }
        found
    }

    /// Wallet recovery phrases ([`crate::rules::seed_phrase`]) in (folded) `text`.
    #[cfg(not(all(target_arch = "wasm32", feature = "scanner")))]
    fn scan_seed_phrases(&self, text: &str, found: &mut Vec<Scored>) {
        let Some(rule) = self.seed_rule else {
            return;
        };
        let phrases = crate::rules::seed_phrase::seed_phrases(text);
        if phrases.is_empty() {
            return;
        }
        let r = &self.rules[rule];
        found.extend(phrases.into_iter().map(|(start, end, checked)| Scored {
            start,
            end,
            rule,
            score: if checked { r.checked_score } else { r.score },
            check: checked.then_some("bip39-checksum"),
            context: None,
            labelled_before: !checked,
        }));
        sort_in_text_order(found);
    }

    /// Addresses such as `jane@müller.de` that the ASCII `email` pattern cannot reach.
    fn scan_unicode_emails(&self, text: &str, found: &mut Vec<Scored>) {
        let Some(rule) = self.email_rule else {
            return;
        };
        let mut hits = Hits::default();
        let before = found.len();
        for (s, e) in contact::unicode_emails(text) {
            // As in the pattern pass, an address does not reach into a value already found.
            let i = found[..before].partition_point(|f| f.end <= s);
            if found[..before].get(i).is_some_and(|f| f.start < e) {
                continue;
            }
            if let Some(f) = self.score(text, rule, s, e, None, None, false, &mut hits) {
                found.push(f);
            }
        }
        if found.len() > before {
            sort_in_text_order(found);
        }
    }

    /// Scans the user info, path segments, query and fragment values of every URL-shaped
    /// token, percent-decoded, each on its own, with the patterns and the names pass. What is found there becomes a finding of its
    /// own, and a `url` finding around it keeps only the rest of the URL: each character of
    /// the URL stays in some finding, and the e-mail address or key inside gets its own
    /// entity's action (URLs are only highlighted under several presets).
    fn scan_inside_urls(&self, text: &str, depth: u8, found: &mut Vec<Scored>) {
        let mut inner = Vec::new();
        let mut tokens = contact::url_tokens(text);
        // URLs without a scheme (`www.…`, `github.com/…`) are the `url` rule's findings.
        let before = tokens.len();
        tokens.extend(found.iter().filter_map(|f| {
            let bare = Some(f.rule) == self.url_rule
                && contact::scheme_end(&text[f.start..f.end]).is_none();
            bare.then(|| (f.start, contact::url_end(text, f.start)))
        }));
        if tokens.len() > before {
            crate::sort::sort(&mut tokens);
        }
        let mut hits = Hits::default();
        for (a, b) in tokens {
            if let Some(geo) = self.geo_rule {
                for (s, e) in dates_places::map_link_coordinates(&text[a..b]) {
                    let check = Some("coordinate-range");
                    let (s, e) = (a + s, a + e);
                    inner.extend(self.score(text, geo, s, e, check, None, false, &mut hits));
                }
            }
            if let Some(rule) = self.handle_rule {
                if let Some((s, e)) = contact::profile_handle(&text[a..b]) {
                    let (s, e) = (a + s, a + e);
                    inner.extend(self.score(text, rule, s, e, None, None, false, &mut hits));
                }
            }
            for part in contact::url_parts(&text[a..b]) {
                let (ps, pe) = (a + part.start, a + part.end);
                if pe - ps < self.shortest_match {
                    continue;
                }
                let folded = fold::fold_url_part(&text[ps..pe], part.query);
                let mut part_found = self.detect(folded.text(), depth + 1);
                self.scan_names_in_url_part(folded.text(), &mut part_found);
                for s in part_found {
                    if Some(s.rule) == self.url_rule {
                        continue;
                    }
                    let (start, end) = original_span(&folded, s.start, s.end);
                    inner.push(Scored {
                        start: ps + start,
                        end: ps + end,
                        ..s
                    });
                }
            }
        }
        if inner.is_empty() {
            return;
        }
        sort_in_text_order(&mut inner);
        let inner = resolve_overlaps(inner);
        let mut out = Vec::with_capacity(found.len() + inner.len() * 2);
        for f in found.drain(..) {
            if Some(f.rule) != self.url_rule {
                out.push(f);
                continue;
            }
            let first = inner.partition_point(|i| i.end <= f.start);
            let mut at = f.start;
            for i in inner[first..].iter().take_while(|i| i.start < f.end) {
                if i.start > at {
                    out.push(Scored {
                        start: at,
                        end: i.start,
                        ..f
                    });
                }
                at = at.max(i.end);
            }
            if at < f.end {
                out.push(Scored { start: at, ..f });
            }
        }
        out.extend(inner);
        sort_in_text_order(&mut out);
        *found = out;
    }

    /// The names pass over one decoded part of a URL: people, places and addresses in a
    /// profile path (`/u/Jane%20Doe`), a search (`?name=J%C3%BCrgen+M%C3%BCller`) or a map
    /// link (`/maps/place/Hauptstra%C3%9Fe+5,+10827+Berlin`) are read nowhere else, since
    /// the main pass sees them still encoded. A `key=value` part is read as `key: value`, so
    /// the key is the label it is (`name=`, `address=`) and not glued to the value's first
    /// word; `+` and `_`, which stand for spaces in paths and slugs, are read as spaces.
    /// Offsets are in `part`.
    fn scan_names_in_url_part(&self, part: &str, out: &mut Vec<Scored>) {
        if self.names.is_none() {
            return;
        }
        let spaced = |t: &str| t.replace(['+', '_'], " ");
        let Some((key, value)) = part.split_once('=') else {
            self.scan_names(&spaced(part), out);
            return;
        };
        // `key: value` is one byte longer than `key=value`, from the value on. A query is a
        // form (`application/x-www-form-urlencoded`): its key is read as a form's label, which
        // opens its line capitalised (`?name=Jane+Doe` as `Name: Jane Doe`), or a lower-case
        // key would pass only names the lists know.
        let mut shown = [key, ": ", &spaced(value)].concat();
        if let Some(first) = shown.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        let from = key.len() + 2;
        let mut found = Vec::new();
        self.scan_names(&shown, &mut found);
        out.extend(
            found
                .into_iter()
                .filter(|f| f.start >= from)
                .map(|f| Scored {
                    start: f.start - 1,
                    end: f.end - 1,
                    ..f
                }),
        );
        sort_in_text_order(out);
    }

    /// Values encoded in base64 ([`encoded`]), in the text and in each part of a URL (an
    /// OAuth `state`): each decoded text is scanned (patterns and names) and the whole run
    /// becomes a finding of the strongest value found in it, other than a bare URL. A run
    /// inside a finding already (a JWT, a key, a value found inside a URL) is left to it, but
    /// not one that is only inside a URL's finding. Decoded texts are not decoded again.
    fn scan_encoded(&self, text: &str, found: &mut Vec<Scored>) {
        let runs = encoded::base64_texts(text);
        if runs.is_empty() {
            return;
        }
        let before = found.len();
        for (s, e, decoded) in runs {
            if found[..before]
                .iter()
                .any(|f| f.start <= s && e <= f.end && Some(f.rule) != self.url_rule)
            {
                continue;
            }
            let mut inner = self.detect(&decoded, URL_NESTING);
            self.scan_names(&decoded, &mut inner);
            let best = inner
                .iter()
                .filter(|f| f.score >= self.min_score && Some(f.rule) != self.url_rule)
                .max_by(|a, b| a.score.total_cmp(&b.score));
            if let Some(b) = best {
                found.push(Scored {
                    start: s,
                    end: e,
                    check: Some("base64-decoded"),
                    labelled_before: false,
                    ..*b
                });
            }
        }
        if found.len() > before {
            sort_in_text_order(found);
        }
    }

    /// The names pass (people, places, addresses, special categories); its hits join the
    /// pattern findings before overlap resolution.
    fn scan_names(&self, text: &str, out: &mut Vec<Scored>) {
        let Some((pass, _)) = &self.names else {
            return;
        };
        let mut hits = Vec::new();
        pass.scan(text, &mut hits);
        self.push_name_hits(hits, out);
    }

    /// The name columns of tab-separated tables (a spreadsheet copy) in the original text:
    /// the folded view the names pass reads has its tabs turned into spaces, so their
    /// columns are read here. Offsets are the original's, as `found`'s are by now.
    fn scan_tab_tables(&self, text: &str, out: &mut Vec<Scored>) {
        if self.names.is_none() || !text.as_bytes().contains(&b'\t') {
            return;
        }
        let mut hits = Vec::new();
        crate::names::tab_columns(text, &mut hits);
        if let (Some((pass, _)), false) = (&self.names, crate::FIRST_MODULE) {
            pass.scan_tab_rows(text, &mut hits);
        }
        self.push_name_hits(hits, out);
    }

    /// Names-pass hits as findings of their token rules (disabled rules left out).
    fn push_name_hits(&self, hits: Vec<crate::names::Hit>, out: &mut Vec<Scored>) {
        let Some((_, first)) = &self.names else {
            return;
        };
        let before = out.len();
        for h in hits {
            let rule = first + h.entity as usize;
            if self.disabled_token_rule(rule) {
                continue;
            }
            out.push(Scored {
                start: h.start,
                end: h.end,
                rule,
                score: h.score,
                check: None,
                context: Some(Said::Cue(h.reason)),
                labelled_before: true,
            });
        }
        if out.len() > before {
            // resolve_overlaps expects findings in text order when they are disjoint.
            sort_in_text_order(out);
        }
    }

    fn disabled_token_rule(&self, rule: usize) -> bool {
        self.disabled.iter().any(|d| **d == *self.rules[rule].id)
    }

    fn scan_patterns(&self, text: &str, out: &mut Vec<Scored>) {
        let mut pass = Pass {
            re: self.patterns.session(),
            matching: Vec::new(),
            hits: Hits::default(),
        };
        let mut at = 0;
        while at <= text.len() {
            let input = Input::new(text).range(at..);
            let Some(m) = pass.re.search(&input) else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            let first = self.evaluate(text, m.pattern().as_usize(), s, e, &mut pass.hits);
            let best = if self.rules[m.pattern().as_usize()].contested || first.is_none() {
                self.contest(&mut pass, text, s, m.pattern(), first)
            } else {
                first
            };
            let best = match best {
                // A value after its key, lowered because it has another rule's shape
                // (`password = pypi-…`, [`Verdict::LoweredSpan`]): the rules that match at
                // the value itself have the first say, and the lowered finding stands only
                // when none of them takes the value.
                Some(f) if f.start > s && f.score < self.rules[f.rule].score => {
                    self.contest(&mut pass, text, f.start, m.pattern(), Some(f))
                }
                b => b,
            };
            match best {
                Some(found) => {
                    at = found.end.max(s + 1);
                    // A value that reaches back (`Verdict::Extend`, an email's local part) must
                    // not reach into a value already found: the earlier, leftmost one stands
                    // (the password in `https://user:pw@host` is not an email's local part).
                    if out.last().is_none_or(|p: &Scored| p.end <= found.start) {
                        out.push(found);
                    }
                }
                None => at = next_char(text, s),
            }
            if e == s {
                at = at.max(next_char(text, s));
            }
        }
    }

    /// Every rule matching at `start` gets its chance; the best-scored valid candidate wins,
    /// ties going to the earlier rule. Only runs for contested or rejected candidates.
    fn contest(
        &self,
        pass: &mut Pass<'_>,
        text: &str,
        start: usize,
        first_pid: PatternID,
        first: Option<Scored>,
    ) -> Option<Scored> {
        let Pass { re, matching, hits } = pass;
        let Some(&byte) = text.as_bytes().get(start) else {
            return first;
        };
        let rivals = self.starts.starting_with(byte);
        let few = rivals.len() <= FEW_RIVALS + 1;
        if few && rivals.iter().all(|&p| p as usize == first_pid.as_usize()) {
            return first;
        }
        if !few {
            // A bounded window: with `MatchKind::All` every rule that could still match stays
            // alive, and an unbounded one (an email's local part) would scan to the end of a
            // long token at every contested position — quadratic on "1.1.1.1…". Contested
            // shapes are short.
            let window =
                floor_char_boundary(text, start.saturating_add(CONTEST_WINDOW).min(text.len()));
            let input = Input::new(text)
                .range(start..window)
                .anchored(Anchored::Yes);
            re.which_overlapping(&input, matching);
        }
        let mut best = first;
        let mut try_rival = |pid: PatternID| {
            if pid == first_pid {
                return;
            }
            let input = Input::new(text)
                .range(start..)
                .anchored(Anchored::Pattern(pid));
            let Some(m) = re.search(&input) else {
                return;
            };
            if let Some(c) = self.evaluate(text, pid.as_usize(), m.start(), m.end(), hits) {
                // Ties go to the rule whose label stands before the value: in a crowded line
                // (`TFN 123 456 782, SIN 046 454 286`) a word after it is the next value's.
                let better = |b: &Scored| {
                    c.score > b.score
                        || (c.score == b.score && c.labelled_before && !b.labelled_before)
                };
                if best.as_ref().is_none_or(better) {
                    best = Some(c);
                }
            }
        };
        if few {
            // In priority order, as the set would give them.
            for &p in rivals {
                try_rival(PatternID::new_unchecked(p as usize));
            }
        } else {
            for &pid in matching.iter() {
                try_rival(pid);
            }
        }
        best
    }

    fn evaluate(
        &self,
        text: &str,
        rule_idx: usize,
        start: usize,
        end: usize,
        hits: &mut Hits,
    ) -> Option<Scored> {
        let rule = &self.rules[rule_idx];
        let cand = Candidate { text, start, end };
        let verdict = rule.validate.map_or(Verdict::Plausible, |v| v(&cand));
        let mut lowered = None;
        let (s, e, check, weak) = match verdict {
            Verdict::Reject => return None,
            Verdict::Plausible => (start, end, None, false),
            Verdict::Lowered { percent } => {
                lowered = Some(f32::from(percent.min(100)) / 100.0);
                (start, end, None, false)
            }
            Verdict::Weak => (start, end, None, true),
            Verdict::Checked(name) => (start, end, Some(name), false),
            Verdict::Extend { before } => {
                let a = start.checked_sub(before)?;
                if !text.is_char_boundary(a) {
                    return None;
                }
                (a, end, None, false)
            }
            Verdict::Before { before, len } => {
                let a = start.checked_sub(before)?;
                let (a, b) = sub_span(text, a, 0, len.min(before))?;
                (a, b, None, false)
            }
            Verdict::Span {
                start: a,
                end: b,
                check,
            } => {
                let (a, b) = sub_span(text, start, a, b)?;
                (a, b, check, false)
            }
            Verdict::LoweredSpan {
                start: a,
                end: b,
                percent,
            } => {
                lowered = Some(f32::from(percent.min(100)) / 100.0);
                let (a, b) = sub_span(text, start, a, b)?;
                (a, b, None, false)
            }
        };
        self.score(text, rule_idx, s, e, check, lowered, weak, hits)
    }

    /// Scores a validated candidate `s..e` of rule `rule_idx`: the rule's base or checked
    /// score (or the `lowered` score its validator gave a doubtful value), raised by a context
    /// word nearby or halved by an anti-context word. `None` when the rule (or a weak format)
    /// needs a context word and none is there.
    #[allow(clippy::too_many_arguments)]
    fn score(
        &self,
        text: &str,
        rule_idx: usize,
        s: usize,
        e: usize,
        check: Option<&'static str>,
        lowered: Option<f32>,
        weak: bool,
        hits: &mut Hits,
    ) -> Option<Scored> {
        let rule = &self.rules[rule_idx];
        let mut score = match (lowered, check) {
            (Some(low), _) => low,
            (None, Some(_)) => rule.checked_score,
            (None, None) => rule.score,
        };
        let mut context = None;
        let mut labelled_before = false;
        let words = &self.words[rule_idx];
        if !words.is_empty() {
            self.lexicon.search(text, s, e, hits);
            let found;
            (found, labelled_before) = hits.first_and_side(&words.context);
            context = found.map(Said::Word);
            if context.is_some() {
                score = (score + rule.context_boost).min(1.0);
            } else if hits.first(&words.anti).is_some() {
                score *= 0.5;
            }
        }
        if (rule.needs_context || weak) && context.is_none() {
            return None;
        }
        Some(Scored {
            start: s,
            end: e,
            rule: rule_idx,
            score,
            check,
            context,
            labelled_before,
        })
    }
}

/// A validator's relative span `a..b` of a match at `start`, in `text`'s offsets, when it is
/// a non-empty span between char boundaries.
fn sub_span(text: &str, start: usize, a: usize, b: usize) -> Option<(usize, usize)> {
    let (a, b) = (start + a, start + b);
    (a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b))
        .then_some((a, b))
}

/// The span of the original text that produced folded `start..end`.
fn original_span(folded: &Folded<'_>, start: usize, end: usize) -> (usize, usize) {
    if folded.is_identity() {
        (start, end)
    } else {
        (folded.start(start), folded.end(end))
    }
}

/// The gazetteer used when the options name none.
fn default_gazetteer() -> Arc<Gazetteer> {
    #[cfg(feature = "embedded-gazetteer")]
    {
        static EMBEDDED: std::sync::OnceLock<Arc<Gazetteer>> = std::sync::OnceLock::new();
        EMBEDDED
            .get_or_init(|| Arc::new(Gazetteer::embedded()))
            .clone()
    }
    #[cfg(not(feature = "embedded-gazetteer"))]
    {
        Arc::new(Gazetteer::empty())
    }
}

/// Where the run of number groups next to a line break begins (`backward`, the run ends at
/// `to`) or ends (the run starts at `from`): groups of letters, digits, `+` and brackets
/// that hold a digit, each joined to the next by one space, hyphen, dot or slash (and a
/// hyphen or `\r` at the break). `DE89 3704 0044` in `IBAN DE89 3704 0044`.
fn group_run(text: &str, from: usize, to: usize, backward: bool) -> usize {
    let bytes = &text.as_bytes()[from..to];
    let part = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'(' | b')');
    let sep = |b: &u8| matches!(b, b' ' | b'-' | b'.' | b'/' | b'\r');
    let mut edge = if backward { bytes.len() } else { 0 };
    let mut rest: Vec<u8> = bytes.to_vec();
    if backward {
        rest.reverse();
    }
    let mut i = 0;
    // The break's own hyphen and carriage return belong to the run.
    while i < rest.len() && sep(&rest[i]) && i < 2 {
        i += 1;
    }
    loop {
        let n = rest[i..].iter().take_while(|b| part(b)).count();
        if n == 0 || !rest[i..i + n].iter().any(u8::is_ascii_digit) {
            break;
        }
        i += n;
        edge = if backward { bytes.len() - i } else { i };
        if !(i < rest.len() && sep(&rest[i])) {
            break;
        }
        i += 1;
    }
    from + edge
}

/// The largest char boundary at or before `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// Orders findings by start, then end, keeping the order of equal spans (stable).
fn sort_in_text_order(found: &mut [Scored]) {
    crate::sort::sort_by_key(found, |s| (s.start, s.end));
}

/// Keeps the best of overlapping findings ([`precedence`]). `found` is in text order (by
/// start); the result is too, free of overlaps.
///
/// Only a cluster of findings that overlap one another (directly or through a chain) can
/// change what is kept, so each cluster is settled on its own: a few findings sorted instead
/// of all of them, and no insertion into one long vector (quadratic on megabytes of dense
/// text with a single overlap somewhere).
fn resolve_overlaps(found: Vec<Scored>) -> Vec<Scored> {
    debug_assert!(found.windows(2).all(|w| w[0].start <= w[1].start));
    if found.windows(2).all(|w| w[0].end <= w[1].start) {
        return found;
    }
    let mut kept: Vec<Scored> = Vec::with_capacity(found.len());
    let mut cluster: Vec<Scored> = Vec::new();
    let mut reach = 0;
    for f in found {
        if f.start >= reach && !cluster.is_empty() {
            settle(&mut cluster, &mut kept);
        }
        reach = if cluster.is_empty() {
            f.end
        } else {
            reach.max(f.end)
        };
        cluster.push(f);
    }
    settle(&mut cluster, &mut kept);
    kept
}

/// Which of two overlapping findings is kept: higher score, then longer, then earlier rule,
/// then earlier start.
fn precedence(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then((b.end - b.start).cmp(&(a.end - a.start)))
        .then(a.rule.cmp(&b.rule))
        .then(a.start.cmp(&b.start))
}

/// Resolves one cluster of overlapping findings into `kept` (in text order) and empties it.
fn settle(cluster: &mut Vec<Scored>, kept: &mut Vec<Scored>) {
    if cluster.len() == 1 {
        kept.append(cluster);
        return;
    }
    crate::sort::sort_by(cluster, precedence);
    let from = kept.len();
    for f in cluster.drain(..) {
        let won = &kept[from..];
        let i = won.partition_point(|k| k.start < f.start);
        let clash_before = i > 0 && won[i - 1].end > f.start;
        let clash_after = i < won.len() && won[i].start < f.end;
        if !clash_before && !clash_after {
            kept.insert(from + i, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: every finding in score order, kept unless it overlaps one kept before.
    fn reference(mut found: Vec<Scored>) -> Vec<(usize, usize, usize)> {
        found.sort_by(precedence);
        let mut kept: Vec<&Scored> = Vec::new();
        for f in &found {
            if kept.iter().all(|k| k.end <= f.start || f.end <= k.start) {
                kept.push(f);
            }
        }
        let mut out: Vec<_> = kept.iter().map(|k| (k.start, k.end, k.rule)).collect();
        out.sort();
        out
    }

    #[test]
    fn clusters_settle_as_the_global_order_would() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for round in 0..2000 {
            let mut found: Vec<Scored> = (0..next(12) + 1)
                .map(|_| {
                    let start = next(40);
                    Scored {
                        start,
                        end: start + next(9) + 1,
                        rule: next(5),
                        score: [0.5, 0.7, 0.9][next(3)],
                        check: None,
                        context: None,
                        labelled_before: false,
                    }
                })
                .collect();
            found.sort_by_key(|s| (s.start, s.end));
            let want = reference(found.clone());
            let got: Vec<_> = resolve_overlaps(found)
                .iter()
                .map(|k| (k.start, k.end, k.rule))
                .collect();
            assert_eq!(got, want, "round {round}");
        }
    }
}
