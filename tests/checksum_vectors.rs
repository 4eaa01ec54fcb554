//! Every check-digit algorithm of `src/checksum.rs`, and the rules that use them, against
//! vectors from outside this code: the standards' own worked examples and issuers' published
//! specimen numbers, each with its source. (The other tests generate check digits with the
//! crate's own functions, so a wrong table would pass them: issue #15's Verhoeff bug did.)
//! `tests/stdnum/cross_check.py` compares many generated numbers with python-stdnum.

use pii_airlock::{
    aba_checksum, bech32_polymod, dni_letter, elfproef, iban_mod97, icao9303_check_digit,
    iso7064_mod11_10, iso7064_mod11_10_digit, iso7064_mod11_2, luhn, luhn_alnum, luhn_digits,
    mod11_check_br, npi_luhn, verhoeff, weighted_731_check_digit, Engine,
};

fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// Each vector passes, and changing its last character to any other digit fails.
fn last_digit_matters(check: impl Fn(&str) -> bool, vectors: &[&str]) {
    for v in vectors {
        assert!(check(v), "{v} must pass");
        let (body, last) = v.split_at(v.len() - 1);
        for d in b'0'..=b'9' {
            if d != last.as_bytes()[0] {
                let other = format!("{body}{}", d as char);
                assert!(!check(&other), "{other} must fail");
            }
        }
    }
}

#[test]
fn verhoeff_worked_examples_and_uidai_test_numbers() {
    last_digit_matters(
        verhoeff,
        &[
            // Wikipedia's "Verhoeff algorithm" worked examples: 236 → 3, 12345 → 1.
            "2363",
            "123451",
            // UIDAI's pre-production (sandbox) test residents of the Aadhaar authentication
            // API: digits 6–9 in the fifth place from the right use row 4 of the
            // permutation table, the row that was wrong.
            "999999990019",
            "999999990026",
            "999999990042",
            "999941057058",
            // python-stdnum's Aadhaar documentation example.
            "234123412346",
        ],
    );
}

#[test]
fn luhn_published_numbers() {
    last_digit_matters(
        luhn,
        &[
            // ISO/IEC 7812-1's algorithm as worked on Wikipedia ("Luhn algorithm").
            "79927398713",
            // Card networks' test numbers as published by Stripe ("Testing" docs).
            "4242424242424242",
            "5555555555554444",
            "378282246310005",
            "6011111111111117",
            "3566002020360505",
        ],
    );
    assert!(luhn_digits(&digits("79927398713")));
}

#[test]
fn iban_registry_examples() {
    // SWIFT's IBAN Registry: the example IBAN of each country's entry; ISO 13616's own
    // example GB82 WEST 1234 5698 7654 32.
    for iban in [
        "GB82 WEST 1234 5698 7654 32",
        "GB29NWBK60161331926819",
        "DE89370400440532013000",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "CH9300762011623852957",
        "IT60X0542811101000000123456",
        "ES9121000418450200051332",
    ] {
        assert!(iban_mod97(iban), "{iban}");
        let mut swapped = iban.replace(' ', "").into_bytes();
        let n = swapped.len();
        swapped.swap(n - 1, n - 2);
        if swapped[n - 1] != swapped[n - 2] {
            assert!(
                !iban_mod97(std::str::from_utf8(&swapped).unwrap()),
                "{iban} swapped"
            );
        }
    }
}

#[test]
fn iso7064_mod11_2_gb11643_example() {
    // GB 11643-1999's own example of a citizen identity number, and python-stdnum's cn.ric
    // documentation example.
    assert!(iso7064_mod11_2("11010519491231002X"));
    assert!(iso7064_mod11_2("360426199101010071"));
    assert!(!iso7064_mod11_2("110105194912310021"));
}

#[test]
fn iso7064_mod11_10_examples() {
    // ISO 7064's MOD 11,10 examples as quoted in python-stdnum (`794623`, `002006673085`),
    // the BZSt example Steuer-ID 36 574 261 809 (python-stdnum de.idnr) and the Croatian OIB
    // 33392005961 (python-stdnum hr.oib).
    assert_eq!(iso7064_mod11_10_digit(&digits("79462")), 3);
    assert_eq!(iso7064_mod11_10_digit(&digits("00200667308")), 5);
    for v in ["794623", "002006673085", "36574261809", "33392005961"] {
        assert!(iso7064_mod11_10(&digits(v)), "{v}");
    }
    assert!(!iso7064_mod11_10(&digits("36574261808")));
}

#[test]
fn icao_9303_specimens() {
    // ICAO Doc 9303 Part 4, the specimen passport of Utopia (Anna Maria Eriksson):
    // L898902C3<6, 740812<2, 120415<9, ZE184226B<<<<<1, composite 0.
    assert_eq!(icao9303_check_digit("L898902C3"), Some(6));
    assert_eq!(icao9303_check_digit("740812"), Some(2));
    assert_eq!(icao9303_check_digit("120415"), Some(9));
    assert_eq!(icao9303_check_digit("ZE184226B<<<<<"), Some(1));
    assert_eq!(
        icao9303_check_digit(
            "L898902C36740812212041 59ZE184226B<<<<<1"
                .replace(' ', "")
                .as_str()
        ),
        Some(0)
    );
    // Doc 9303 Part 5, the TD1 specimen: document D23145890, check 7.
    assert_eq!(icao9303_check_digit("D23145890"), Some(7));
    // The German ID card specimen (Erika Mustermann, BMI): T22000129 with check digit 3,
    // and the passport specimen C01X00T47 with 8.
    assert_eq!(weighted_731_check_digit(b"T22000129"), Some(3));
    assert_eq!(weighted_731_check_digit(b"C01X00T47"), Some(8));
}

#[test]
fn brazil_cpf_and_cnpj_examples() {
    // Receita Federal's worked CPF example 111.444.777-35; python-stdnum's 390.533.447-05.
    for cpf in ["11144477735", "39053344705"] {
        let d: Vec<u32> = digits(cpf).iter().map(|&x| u32::from(x)).collect();
        assert_eq!(
            mod11_check_br(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]),
            d[9],
            "{cpf}"
        );
        assert_eq!(
            mod11_check_br(&d[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]),
            d[10]
        );
    }
    // CNPJ 16.727.230/0001-97 (python-stdnum) and Receita Federal's alphanumeric example
    // 12.ABC.345/01DE-35 (characters count as their ASCII code minus 48).
    let w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let w2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    for cnpj in ["16727230000197", "12ABC34501DE35"] {
        let v: Vec<u32> = cnpj.bytes().map(|b| u32::from(b) - 48).collect();
        assert_eq!(mod11_check_br(&v[..12], &w1), v[12], "{cnpj}");
        assert_eq!(mod11_check_br(&v[..13], &w2), v[13], "{cnpj}");
    }
}

#[test]
fn bech32_bip_173_and_350_vectors() {
    fn residue(s: &str) -> Option<u32> {
        const CHARSET: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        let lower = s.to_ascii_lowercase();
        let (hrp, data) = lower.rsplit_once('1')?;
        let values: Option<Vec<u8>> = data
            .bytes()
            .map(|c| CHARSET.iter().position(|&x| x == c).map(|i| i as u8))
            .collect();
        Some(bech32_polymod(hrp.as_bytes(), &values?))
    }
    // BIP-173's valid bech32 test vectors, and a valid segwit address from it.
    for s in [
        "A12UEL5L",
        "a12uel5l",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    ] {
        assert_eq!(residue(s), Some(1), "{s}");
    }
    // BIP-350's valid bech32m vectors.
    for s in ["A1LQFN3A", "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx"] {
        assert_eq!(residue(s), Some(0x2bc8_30a3), "{s}");
    }
    assert_ne!(residue("a12uel5m"), Some(1));
}

#[test]
fn portuguese_citizen_card_example() {
    // The example of the Portuguese government's "Validação de Número de Documento do Cartão
    // de Cidadão" specification.
    assert!(luhn_alnum("00000000 0 ZZ4"));
    assert!(!luhn_alnum("00000000 0 ZZ5"));
}

#[test]
fn spanish_dni_and_nie_examples() {
    // Ministerio del Interior's example DNI 12345678Z; python-stdnum's 54362315-K and NIE
    // X2482300W (X counts as 0).
    assert_eq!(dni_letter(12_345_678), b'Z');
    assert_eq!(dni_letter(54_362_315), b'K');
    assert_eq!(dni_letter(2_482_300), b'W');
}

#[test]
fn aba_routing_numbers_published_by_the_federal_reserve() {
    // Federal Reserve routing directory entries: Federal Reserve Bank of Boston 011000015,
    // JPMorgan Chase 021000021; python-stdnum's us.rtn example 111000025.
    for rtn in ["011000015", "021000021", "111000025"] {
        assert!(aba_checksum(&digits(rtn)), "{rtn}");
    }
    assert!(!aba_checksum(&digits("021000022")));
}

#[test]
fn npi_cms_example() {
    // CMS, "Requirements for NPI check digit": 123456789 → 3.
    assert!(npi_luhn(&digits("1234567893")));
    assert!(!npi_luhn(&digits("1234567894")));
}

#[test]
fn bsn_example() {
    // The BSN used in the Dutch government's own test documentation (and python-stdnum).
    assert!(elfproef(&digits("111222333")));
    assert!(!elfproef(&digits("111222334")));
}

// ---------------------------------------------------------------------------------------------
// The rules' validators, through the engine, on published specimen numbers.

fn entities(text: &str) -> Vec<String> {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(Engine::default_engine)
        .scan(text)
        .into_iter()
        .map(|f| f.entity.to_string())
        .collect()
}

#[test]
fn uidai_test_aadhaar_numbers_are_found() {
    for n in [
        "9999 9999 0019",
        "9999 9999 0026",
        "9999 9999 0042",
        "9999 4105 7058",
    ] {
        assert!(
            entities(&format!("Aadhaar number: {n}")).contains(&"IN_AADHAAR".to_string()),
            "{n}"
        );
    }
}

#[test]
fn issuers_specimens_are_found() {
    let cases = [
        // BMI specimen ID card and passport (Erika Mustermann).
        ("Personalausweis T220001293", "DE_ID_CARD"),
        ("Reisepass C01X00T478", "DE_PASSPORT"),
        // CMS NPI check-digit example.
        ("NPI 1234567893", "US_NPI"),
        // NHS Digital's example NHS number.
        ("NHS number 943 476 5919", "UK_NHS"),
        // SWIFT IBAN Registry example.
        ("IBAN DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
        // GB 11643-1999 example.
        ("身份证 11010519491231002X", "CN_RESIDENT_ID"),
        // Stripe's published test card.
        ("card 4242 4242 4242 4242", "CREDIT_CARD"),
    ];
    for (text, entity) in cases {
        assert!(
            entities(text).contains(&entity.to_string()),
            "{text}: {:?}",
            entities(text)
        );
    }
}

#[test]
fn icao_specimen_mrz_is_found() {
    let mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    assert!(
        entities(mrz).contains(&"PASSPORT_MRZ".to_string()),
        "{:?}",
        entities(mrz)
    );
}
