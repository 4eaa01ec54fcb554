//! Context words that several families share: the same label in the other languages a user
//! may write it in. Each is a macro expanding to one string literal (words joined by line
//! breaks), so it can stand in a `words![...]` list, which joins its words at compile time.
//! Edit a shared list here, once; a family that wants a different set writes its own words.

/// "Identity" in the languages the national-ID rules outside Europe also accept (French,
/// Spanish, Italian, Dutch).
macro_rules! identity_abroad {
    () => {
        "identité\nidentidad\nidentità\nidentiteit"
    };
}

/// "Identity number" as a label in German, French, Spanish, Italian, Dutch, Polish and
/// Portuguese.
macro_rules! identity_number_abroad {
    () => {
        "ausweisnummer\nnuméro d'identité\nnúmero de identidad\nnumero di identità\n\
         identiteitsnummer\nnumer identyfikacyjny\nnúmero de identidade"
    };
}

/// "Tax number" as a label in German, French, Spanish, Italian, Dutch and Polish.
macro_rules! tax_number_abroad {
    () => {
        "steuernummer\nnuméro fiscal\nnúmero fiscal\ncodice fiscale\nfiscaal nummer\n\
         numer podatkowy"
    };
}

/// "Passport" in French, Spanish, Italian, Dutch, Polish and Portuguese.
macro_rules! passport_abroad {
    () => {
        "passeport\npasaporte\npassaporto\npaspoort\npaszport\npassaporte"
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_shared_list_is_separate_words_in_a_list() {
        let w = crate::rules::words!["tax id", tax_number_abroad!(), "tin"];
        let got: Vec<&str> = w.iter().collect();
        assert_eq!(
            got,
            [
                "tax id",
                "steuernummer",
                "numéro fiscal",
                "número fiscal",
                "codice fiscale",
                "fiscaal nummer",
                "numer podatkowy",
                "tin"
            ]
        );
    }
}
