//! Small built-in lists for plausible surrogate names and email addresses. Common given names
//! and surnames of several European languages and English, so a surrogate reads naturally in
//! most prompts.

pub(crate) const GIVEN: &[&str] = &[
    "Anna", "Lukas", "Marie", "Jonas", "Sofia", "Elias", "Emma", "Noah", "Lena", "Paul", "Clara",
    "Louis", "Julia", "Mateo", "Lucia", "Hugo", "Chiara", "Marco", "Eva", "Daan", "Zofia", "Jakub",
    "Ines", "Tiago", "Olivia", "James", "Amelia", "Oliver", "Grace", "Henry", "Alice", "Samuel",
    "Nora", "Felix", "Maya", "Leon", "Ella", "Adam", "Mila", "Theo",
];

pub(crate) const FAMILY: &[&str] = &[
    "Weber",
    "Keller",
    "Fischer",
    "Brandt",
    "Lambert",
    "Moreau",
    "Girard",
    "Navarro",
    "Ortega",
    "Romano",
    "Ricci",
    "Visser",
    "Bakker",
    "Nowak",
    "Kowalski",
    "Silva",
    "Costa",
    "Turner",
    "Parker",
    "Hughes",
    "Walsh",
    "Bennett",
    "Foster",
    "Hayes",
    "Morgan",
    "Price",
    "Reed",
    "Ellis",
    "Lindqvist",
    "Berg",
    "Hansen",
    "Jensen",
    "Novak",
    "Horvat",
    "Marin",
    "Dumont",
    "Vogel",
    "Sommer",
    "Winter",
    "Roth",
];

/// Reserved for documentation (RFC 2606): a surrogate address can never reach anyone.
pub(crate) const EMAIL_DOMAINS: &[&str] = &["example.com", "example.org", "example.net"];
