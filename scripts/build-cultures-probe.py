#!/usr/bin/env python3
"""Writes a tuning-only probe of people from cultures the name lists barely cover (issue 14,
round 11, names12) to tests/data/cultures12-probe.jsonl.

Setup: pip install faker==40.54.0

Names come from Faker (PyPI, MIT), a different project from every list data/gazetteer.txt is
built from (data/SOURCES.md: faker-js, `names`, `human-names`, `random-indian-name`, lists
written for this project): Turkish (tr_TR), Arabic transliterated as Algerians and Pakistanis
write their names (fr_DZ, en_PK), Vietnamese (vi_VN, surname, middle name, given name),
Chinese pinyin (zh_CN's romanised names, surname first: "Zhang Wei"), Ukrainian (uk_UA,
romanised here by the national system of 2010), Yoruba (yo_NG) and Igbo (ig_NG). Faker has
no Somali locale and writes Persian in Arabic script only: those two are not in the probe.
Common names overlap with the detector's lists (both projects draw on the same public naming
customs); the probe measures the mix a user's text would have.

Frames: for each of the eight languages, four labelled ones (a form's name label, a
greeting, a signature block, "X said") and one sentence of prose with no cue but a preposition
("I had lunch with X yesterday"), written for this file. The record's `frame` says which.

Each record: {"id", "split": "probe12", "lang", "frame", "culture", "text", "gold"}, offsets
in code points. Score: `python3 scripts/score-names-eval.py --eval
tests/data/cultures12-probe.jsonl`. Tuning-only: nothing of the held-out part is touched.
"""

import json
import random

from faker import Faker

SEED = 1211
PER_CULTURE = 40

FRAMES = {
    "en": [
        ("label", "Name: {n}"),
        ("label", "Dear {n},\nthanks for the update."),
        ("label", "Best regards,\n{n}"),
        ("label", "{n} said the invoice is wrong."),
        ("prose", "I had lunch with {n} yesterday."),
    ],
    "de": [
        ("label", "Name: {n}"),
        ("label", "Hallo {n},\ndanke für die schnelle Antwort."),
        ("label", "Viele Grüße\n{n}"),
        ("label", "{n} sagte, die Rechnung sei falsch."),
        ("prose", "Gestern habe ich mit {n} zu Mittag gegessen."),
    ],
    "fr": [
        ("label", "Nom : {n}"),
        ("label", "Bonjour {n},\nmerci pour votre réponse."),
        ("label", "Cordialement,\n{n}"),
        ("label", "{n} a dit que la facture était fausse."),
        ("prose", "Hier j'ai déjeuné avec {n} au bureau."),
    ],
    "es": [
        ("label", "Nombre: {n}"),
        ("label", "Hola {n},\ngracias por la respuesta."),
        ("label", "Saludos,\n{n}"),
        ("label", "{n} dijo que la factura está mal."),
        ("prose", "Ayer comí con {n} en la oficina."),
    ],
    "it": [
        ("label", "Nome: {n}"),
        ("label", "Ciao {n},\ngrazie per la risposta."),
        ("label", "Cordiali saluti,\n{n}"),
        ("label", "{n} ha detto che la fattura è sbagliata."),
        ("prose", "Ieri ho pranzato con {n} in ufficio."),
    ],
    "nl": [
        ("label", "Naam: {n}"),
        ("label", "Hoi {n},\nbedankt voor je antwoord."),
        ("label", "Met vriendelijke groet,\n{n}"),
        ("label", "{n} zei dat de factuur niet klopt."),
        ("prose", "Gisteren heb ik met {n} geluncht."),
    ],
    "pl": [
        ("label", "Imię i nazwisko: {n}"),
        ("label", "Cześć {n},\ndzięki za odpowiedź."),
        ("label", "Pozdrawiam,\n{n}"),
        ("label", "{n} powiedział, że faktura jest błędna."),
        ("prose", "Wczoraj jadłem obiad z {n} w biurze."),
    ],
    "pt": [
        ("label", "Nome: {n}"),
        ("label", "Olá {n},\nobrigado pela resposta."),
        ("label", "Atenciosamente,\n{n}"),
        ("label", "{n} disse que a fatura está errada."),
        ("prose", "Ontem almocei com {n} no escritório."),
    ],
}

# Ukrainian national romanisation (2010), letters inside a word; the first letter of Є, Ї, Й,
# Ю, Я is written Ye, Yi, Y, Yu, Ya.
UK = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
        "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia _".split(),
    )
)
UK_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanise_uk(word):
    out = []
    for k, ch in enumerate(word.lower()):
        r = UK_FIRST.get(ch) if k == 0 else None
        r = r or UK.get(ch, ch)
        out.append("" if r == "_" else r)
    s = "".join(out)
    return s[:1].upper() + s[1:]


def names(culture, fake, rng):
    if culture == "vi":
        p = fake.provider("faker.providers.person")
        given = rng.choice(p.first_names_female + p.first_names_male + p.first_names_unisex)
        return f"{rng.choice(p.last_names)} {rng.choice(p.middle_names)} {given}"
    if culture == "zh":
        return f"{fake.last_romanized_name()} {fake.first_romanized_name()}"
    if culture == "uk":
        return f"{romanise_uk(fake.first_name())} {romanise_uk(fake.last_name())}"
    return f"{fake.first_name()} {fake.last_name()}"


CULTURES = [
    ("tr", ["tr_TR"]),
    ("ar", ["fr_DZ", "en_PK"]),
    ("vi", ["vi_VN"]),
    ("zh", ["zh_CN"]),
    ("uk", ["uk_UA"]),
    ("yo", ["yo_NG"]),
    ("ig", ["ig_NG"]),
]


def main():
    rng = random.Random(SEED)
    rows = []
    for culture, locales in CULTURES:
        fakes = [Faker(loc) for loc in locales]
        for f in fakes:
            f.seed_instance(SEED)
        for k in range(PER_CULTURE):
            n = names(culture, fakes[k % len(fakes)], rng)
            lang = rng.choice(sorted(FRAMES))
            frame, tpl = FRAMES[lang][k % len(FRAMES[lang])]
            text = tpl.format(n=n)
            s = text.index(n)
            rows.append(
                {
                    "id": f"c12-{culture}-{k}",
                    "split": "probe12",
                    "lang": lang,
                    "frame": frame,
                    "culture": culture,
                    "text": text,
                    "gold": [["PERSON", s, s + len(n)]],
                }
            )
    with open("tests/data/cultures12-probe.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "rows")


if __name__ == "__main__":
    main()
