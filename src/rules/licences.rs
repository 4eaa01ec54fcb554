//! Driving licence numbers of European states (and Brazil) after their label in the state's
//! language: `Führerscheinnummer`, `permis de conduire`, `permiso de conducir`, `patente`,
//! `rijbewijs`, `prawo jazdy`, `carta de condução`. No state publishes a check algorithm for
//! these numbers (Spain's is the holder's DNI/NIE, whose letter the `es-nif` rule checks), so
//! the label is what makes a short code a licence. The value is any run of 7–17 letters and
//! digits (one kind of separator) with four digits at least, which holds every issuing state's
//! published format: DE 11 characters (`B072RRE2I55`), FR 12 digits or the 2013 card's
//! `13AA00002`, IT `MI1234567H` or `U1` and 8 characters, NL 10 digits, PL `01234/12/1234`.
//! One wide value pattern and the US rule's validator keep the first module small.

use super::{Category, RuleDef};

/// Every rule of this family.
pub(crate) static RULES: &[RuleDef] = &[RuleDef {
    id: "driver-license",
    entity: "DRIVER_LICENSE",
    category: Category::Identifiers,
    countries: &["DE", "AT", "FR", "BE", "ES", "IT", "NL", "PL", "PT", "BR"],
    // A label that starts after an accented letter ("Führerschein") is matched from its
    // ASCII tail, which `\b` allows after a non-ASCII byte.
    pattern: r"(?x)
        \b (?i:
            (?: fu e? )? hrerschein (?: nummer )?
          | permis\ de\ conduire
          | (?: licencia | permiso | carn (?: e | é | et ) ) \ de\ (?: conducir | manejo )
          | patente (?: \ di\ guida )?
          | rijbewijs (?: nummer )?
          | praw [oa] \ jazdy
          | carteira\ de\ motorista | carta\ de\ condu (?: ção | cao ) )
        [\ :.\#'\x22(]{1,4} (?: (?: is | ist | est | es | è | jest | to ) [\ :]{1,2} )?
        [A-Za-z0-9] [A-Za-z0-9/\-]{5,15} [A-Za-z0-9] \b",
    validate: Some(super::us_ids::labelled_driver_license),
    // The label is in the pattern: no context word to look for (and none to keep in the
    // first module); scored as a labelled value with its context word.
    score: 0.85,
    ..RuleDef::DEFAULT
}];
