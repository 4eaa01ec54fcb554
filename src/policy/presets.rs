//! The built-in presets, embedded from `policies/*.json` so the files in the repository are
//! exactly what the library runs.

/// Every preset: (name, JSON document).
pub const PRESETS: &[(&str, &str)] = &[
    ("gdpr", include_str!("../../policies/gdpr.json")),
    ("ccpa", include_str!("../../policies/ccpa.json")),
    ("hipaa", include_str!("../../policies/hipaa.json")),
    ("pci-dss", include_str!("../../policies/pci-dss.json")),
    (
        "secrets-only",
        include_str!("../../policies/secrets-only.json"),
    ),
    ("strict", include_str!("../../policies/strict.json")),
];

/// The JSON of preset `name`, if there is one.
pub fn preset_json(name: &str) -> Option<&'static str> {
    PRESETS.iter().find(|(n, _)| *n == name).map(|(_, j)| *j)
}
