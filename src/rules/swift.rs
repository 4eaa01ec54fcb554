//! SWIFT/BIC bank identifier codes (ISO 9362).

use super::{Candidate, Category, RuleDef, Verdict};

/// ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which SWIFT also uses, in pairs.
const COUNTRIES: &str =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ\
CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGM\
GNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLT\
LULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPN\
PRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ\
UAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

/// True when `cc` (two upper-case letters) is an assigned ISO 3166-1 alpha-2 code.
pub(crate) fn is_country_code(cc: &[u8]) -> bool {
    COUNTRIES.as_bytes().chunks_exact(2).any(|p| p == cc)
}

/// Every rule of this family, in priority order.
pub(crate) static RULES: &[RuleDef] = &[RuleDef {
    id: "swift-bic",
    entity: "SWIFT_BIC",
    category: Category::Financial,
    // Institution (4 letters), country (2 letters), location (2), optional branch (3).
    pattern: r"\b[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b",
    validate: Some(swift_bic),
    score: 0.5,
    checked_score: 0.6,
    context: words![
        "bic",
        "swift",
        "swift code",
        "swift/bic",
        "bic/swift",
        "bic code",
        "bank identifier code",
        "code swift",
        "code bic",
        "código swift",
        "código bic",
        "codice swift",
        "codice bic",
        "kod swift",
        "kod bic",
    ],
    context_boost: 0.35,
    needs_context: true,
    ..RuleDef::DEFAULT
}];

fn swift_bic(c: &Candidate<'_>) -> Verdict {
    let b = c.value().as_bytes();
    if !is_country_code(&b[4..6]) {
        return Verdict::Reject;
    }
    Verdict::Checked("bic-country-code")
}
