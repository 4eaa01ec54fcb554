//! English display names of entities: what a user reads instead of an entity id.
//!
//! This is the one list of entities with a written name. The browser layer's other languages
//! (`src/dom/i18n.rs`) translate exactly these entities, in this order (the array length ties
//! them at compile time); an entity without a name is described from its id there (`DE_TAX_ID`
//! → "Tax number (DE)"). A test checks that every entity listed is one a rule reports.

/// (entity id, English display name), for the entities most findings belong to. `DENY_LIST` is
/// the entity of a policy's deny-list hits.
pub const ENTITY_NAMES: [(&str, &str); 33] = [
    ("EMAIL_ADDRESS", "Email address"),
    ("PHONE_NUMBER", "Phone number"),
    ("CREDIT_CARD", "Card number"),
    ("IBAN_CODE", "IBAN"),
    ("IP_ADDRESS", "IP address"),
    ("MAC_ADDRESS", "MAC address"),
    ("URL", "Web address"),
    ("US_SSN", "US Social Security number"),
    ("PERSON", "Name"),
    ("SECRET", "Secret or API key"),
    ("LOCATION", "Place"),
    ("STREET_ADDRESS", "Postal address"),
    ("HEALTH_DATA", "Health information"),
    ("RELIGIOUS_BELIEF", "Religious belief"),
    ("POLITICAL_OPINION", "Political opinion"),
    ("TRADE_UNION", "Trade union membership"),
    ("SEXUAL_ORIENTATION", "Sexual orientation"),
    ("ETHNIC_ORIGIN", "Ethnic origin"),
    ("BIOMETRIC_GENETIC_DATA", "Genetic or biometric information"),
    ("DATE_OF_BIRTH", "Date of birth"),
    ("ABA_ROUTING_NUMBER", "Bank routing number"),
    ("US_BANK_NUMBER", "Bank account number"),
    ("SWIFT_BIC", "Bank code (BIC)"),
    ("CRYPTO", "Crypto wallet address"),
    ("GEO_COORDINATES", "Map coordinates"),
    ("IMEI", "Phone serial number (IMEI)"),
    ("VIN", "Vehicle number (VIN)"),
    ("PASSPORT_MRZ", "Passport data"),
    ("EU_VAT", "VAT number"),
    ("RECORD_NUMBER", "Record or customer number"),
    ("DRIVER_LICENSE", "Driving licence number"),
    ("PL_BANK_ACCOUNT", "Bank account number (PL)"),
    ("DENY_LIST", "Listed term"),
];

/// The English display name of `entity`, if [`ENTITY_NAMES`] has one.
pub fn display_name(entity: &str) -> Option<&'static str> {
    ENTITY_NAMES
        .iter()
        .find(|(e, _)| *e == entity)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_entity_is_reported_by_a_rule_once() {
        let known = super::super::entities();
        for (i, (e, name)) in ENTITY_NAMES.iter().enumerate() {
            assert!(
                *e == crate::DENY_ENTITY || known.iter().any(|(k, _)| k == e),
                "{e} is named but no rule reports it"
            );
            assert!(!name.is_empty());
            assert!(
                ENTITY_NAMES[..i].iter().all(|(x, _)| x != e),
                "{e} is named twice"
            );
        }
    }
}
