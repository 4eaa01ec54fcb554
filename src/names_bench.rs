//! Today's names pass and the one issue 14 started from (`names_v0`), side by side for
//! `benches/names.rs` (cargo feature `names-reference`): both over the embedded name list, so
//! a run times the two passes on the same input in the same process. Also the recovery-phrase
//! walk and the byte loop it replaced.

use std::sync::Arc;

/// One hit of either pass: byte range, entity (its index in the names pass's rule order),
/// score and the kind of evidence.
pub type Hit = (usize, usize, u8, f32, &'static str);

/// Both passes, built once.
pub struct Passes {
    current: crate::names::NamesPass,
    reference: crate::names_v0::NamesPass,
}

impl Passes {
    /// Loads the embedded name list for each pass.
    pub fn new() -> Passes {
        Passes {
            current: crate::names::NamesPass::new(Arc::new(crate::Gazetteer::embedded())),
            reference: crate::names_v0::NamesPass::new(Arc::new(
                crate::names_v0::Gazetteer::embedded(),
            )),
        }
    }

    /// Today's pass over `text`; `out` is cleared first.
    pub fn current(&self, text: &str, out: &mut Vec<Hit>) {
        let mut hits = Vec::new();
        self.current.scan(text, &mut hits);
        out.clear();
        out.extend(
            hits.iter()
                .map(|h| (h.start, h.end, h.entity as u8, h.score, h.reason)),
        );
    }

    /// Today's pass over `text`, calling `mark` with each phase's name as it ends
    /// (tokenize, lookups, address, person, rows, speakers, holder, special, fields).
    pub fn current_phases(&self, text: &str, mark: &mut dyn FnMut(&'static str)) {
        let mut hits = Vec::new();
        self.current.scan_with(text, &mut hits, mark);
    }

    /// The pass as issue 14 found it over `text`; `out` is cleared first.
    pub fn reference(&self, text: &str, out: &mut Vec<Hit>) {
        let mut hits = Vec::new();
        self.reference.scan(text, &mut hits);
        out.clear();
        out.extend(
            hits.iter()
                .map(|h| (h.start, h.end, h.entity as u8, h.score, h.reason)),
        );
    }
}

/// The recovery-phrase walk (`crypto-seed-phrase`) over `text`: the phrases it finds.
pub fn seed_walk(text: &str) -> Vec<(usize, usize, bool)> {
    crate::rules::seed_phrase::seed_phrases(text)
}

/// The recovery-phrase walk as round 11 left it (a byte loop over every byte), the reference
/// [`seed_walk`] is timed against and must agree with.
pub fn seed_walk_bytewise(text: &str) -> Vec<(usize, usize, bool)> {
    crate::rules::seed_phrase::seed_phrases_bytewise(text)
}

impl Default for Passes {
    fn default() -> Passes {
        Passes::new()
    }
}
