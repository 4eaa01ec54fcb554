//! The benchmark inputs, generated deterministically (same bytes on every run and machine).
//! `cargo bench` scans them directly and, with `PII_BENCH_OUT=dir`, writes them to files so the
//! Node and Chromium runners scan exactly the same text.

/// A small xorshift PRNG: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator with a fixed seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// One element of `xs`.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next_u64() % xs.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "the",
    "report",
    "shows",
    "that",
    "our",
    "team",
    "shipped",
    "version",
    "2.4.1",
    "on",
    "time",
    "and",
    "budget",
    "while",
    "customers",
    "asked",
    "for",
    "better",
    "search",
    "results",
    "in",
    "March",
    "with",
    "3",
    "new",
    "features",
    "across",
    "12",
    "regions",
    "please",
    "review",
    "attached",
    "notes",
    "before",
    "Friday",
    "meeting",
    "about",
    "pricing",
    "order",
    "#48213",
    "café",
    "Müller",
    "naïve",
    "résumé",
    "Zürich",
    "déjà",
    "2026-03-14",
    "10:30",
    "€120",
];

/// Values of the kinds the engine detects, in the formats people write them.
const PII: &[&str] = &[
    "jane.doe@example.com",
    "+44 20 7946 0958",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "192.0.2.44",
    "(202) 555-0143",
    "536-22-1234",
    "https://example.com/u/jane",
    "00:1A:2B:3C:4D:5E",
    "2001:db8::8a2e:370:7334",
    "+49 30 901820",
    "5500 0000 0000 0004",
    "GB82 WEST 1234 5698 7654 32",
    "j.smith+news@mail.example.org",
];

const LABELS: &[&str] = &[
    "Contact", "phone", "mail", "card", "IBAN", "server", "call", "backup", "SSN", "tel.", "order",
    "ref", "version",
];

/// Cuts `s` to at most `len` bytes, on a character boundary.
fn cut(mut s: String, len: usize) -> String {
    let mut at = len.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    s.truncate(at);
    s
}

/// Ordinary prose with about 2% of lines carrying one value.
pub fn prose(len: usize) -> String {
    let mut r = Rng::new(0x9E37_79B9_7F4A_7C15);
    let mut s = String::with_capacity(len + 200);
    let mut line = 0;
    while s.len() < len {
        for _ in 0..12 {
            s.push_str(r.pick(WORDS));
            s.push(' ');
        }
        line += 1;
        if line % 50 == 0 {
            s.push_str(r.pick(LABELS));
            s.push(' ');
            s.push_str(r.pick(PII));
        }
        s.push_str(".\n");
    }
    cut(s, len)
}

/// A chat prompt: prose with a value every few lines, as someone pasting an e-mail thread.
pub fn prompt(len: usize) -> String {
    let mut r = Rng::new(0x2545_F491_4F6C_DD1D);
    let mut s = String::with_capacity(len + 200);
    let mut line = 0;
    while s.len() < len {
        for _ in 0..10 {
            s.push_str(r.pick(WORDS));
            s.push(' ');
        }
        line += 1;
        if line % 6 == 0 {
            s.push_str(r.pick(LABELS));
            s.push_str(": ");
            s.push_str(r.pick(PII));
        }
        s.push_str(".\n");
    }
    cut(s, len)
}

/// Source code: identifiers, numbers, hex constants, versions, the odd address in a comment.
pub fn code(len: usize) -> String {
    const IDENTS: &[&str] = &[
        "buffer",
        "offset",
        "len",
        "config",
        "request",
        "response",
        "cache",
        "index",
        "state",
        "handler",
        "parse_header",
        "retry_count",
        "timeout_ms",
        "user_id",
        "port",
    ];
    const TYPES: &[&str] = &[
        "u32",
        "usize",
        "String",
        "Vec<u8>",
        "Option<Self>",
        "Result<()>",
    ];
    let mut r = Rng::new(0xBF58_476D_1CE4_E5B9);
    let mut s = String::with_capacity(len + 200);
    let mut n = 0u64;
    while s.len() < len {
        n += 1;
        let a = r.pick(IDENTS);
        let b = r.pick(IDENTS);
        match r.next_u64() % 8 {
            0 => s.push_str(&format!(
                "\n/// Returns the {a} for the given {b}.\npub fn {a}_{n}(&self, {b}: {}) -> {} {{\n",
                r.pick(TYPES),
                r.pick(TYPES)
            )),
            1 => s.push_str(&format!(
                "    let {a} = {b}.get({}).copied().unwrap_or(0x{:08x});\n",
                r.next_u64() % 1000,
                r.next_u64() as u32
            )),
            2 => s.push_str(&format!(
                "    if {a} > {} && {b}.len() < {} {{ return Err(Error::Limit); }}\n",
                r.next_u64() % 65536,
                r.next_u64() % 4096
            )),
            3 => s.push_str(&format!(
                "    // TODO({}): bump to {}.{}.{} after the {b} refactor\n",
                r.pick(&["jane", "ops", "perf"]),
                r.next_u64() % 5,
                r.next_u64() % 20,
                r.next_u64() % 30
            )),
            4 => s.push_str(&format!(
                "    {a}.insert(\"{b}\", {});\n    }}\n",
                r.next_u64() % 100_000
            )),
            5 if n % 97 == 0 => s.push_str(&format!(
                "    // maintainer: {}\n",
                r.pick(&["jane.doe@example.com", "192.0.2.44", "+44 20 7946 0958"])
            )),
            _ => s.push_str(&format!(
                "    let {a}: {} = self.{b}.iter().map(|x| x * {}).sum();\n",
                r.pick(TYPES),
                r.next_u64() % 97
            )),
        }
    }
    cut(s, len)
}

/// Every line dense with personal data: several values, their labels, a little filler.
pub fn dense(len: usize) -> String {
    let mut r = Rng::new(0xD1B5_4A32_D192_ED03);
    let mut s = String::with_capacity(len + 200);
    while s.len() < len {
        s.push_str(r.pick(LABELS));
        s.push(' ');
        s.push_str(r.pick(PII));
        s.push_str(", ");
        s.push_str(r.pick(LABELS));
        s.push(' ');
        s.push_str(r.pick(PII));
        s.push_str(" and ");
        s.push_str(r.pick(PII));
        s.push('\n');
    }
    cut(s, len)
}

/// The root of the varied real text: every Debian system has /usr/share/doc.
pub const VARIED_ROOT: &str = "/usr/share/doc";
/// At most this much of one file, so no single long changelog or licence dominates.
const VARIED_FILE_CAP: usize = 64 * 1024;

/// FNV-1a (64 bit) of a path: a deterministic shuffle of the files that does not depend on
/// which other packages are installed (sorting by name would take the packages from `a` on).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Varied real text (issue 20): the lazy DFA's cache thrashed on it while the generated
/// inputs above, short and repeated, never fill it (docs/benchmarks.md, "Round 14 (hunt15)").
///
/// Selection rule: every regular file under [`VARIED_ROOT`] (symbolic links not followed)
/// that is not compressed (`.gz`, `.xz`, `.bz2`, `.zst`), holds no NUL byte and is valid
/// UTF-8, ordered by FNV-1a 64 of its path, each cut to its first 64 KiB on a line end, each
/// preceded by a blank line, concatenated until `len` bytes, the last one cut on a character
/// boundary. The text depends on the packages installed, so the caller reports its SHA-256
/// ([`sha256_hex`]) next to the figures; it is written to `PII_BENCH_OUT` only, never shipped.
/// `None` when the directory holds too little text.
pub fn varied(len: usize) -> Option<String> {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(VARIED_ROOT)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(kind) = e.file_type() else { continue };
            let path = e.path();
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file()
                && !matches!(
                    path.extension().and_then(|x| x.to_str()),
                    Some("gz" | "xz" | "bz2" | "zst")
                )
            {
                files.push(path);
            }
        }
    }
    let key = |p: &std::path::PathBuf| (fnv1a(p.as_os_str().as_encoded_bytes()), p.clone());
    files.sort_by_cached_key(key);
    let mut s = String::with_capacity(len + VARIED_FILE_CAP);
    for path in files {
        if s.len() >= len {
            break;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if bytes.contains(&0) {
            continue;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let mut end = text.len().min(VARIED_FILE_CAP);
        if end < text.len() {
            end = text[..end].rfind('\n').map_or(0, |i| i + 1);
        }
        s.push('\n');
        s.push_str(&text[..end]);
    }
    (s.len() >= len).then(|| cut(s, len))
}

/// The SHA-256 of `text` in hex, to tell whether two machines scanned the same varied text.
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
