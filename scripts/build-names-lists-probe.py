#!/usr/bin/env python3
"""Writes a tuning-only probe of first names the name list lacked (issue 14, round 6) to
tests/data/names-lists-probe.jsonl.

Setup: pip install faker==40.54.0

Round 6 added first names and surnames of more countries to data/gazetteer.txt (see
data/SOURCES.md). This probe measures what that buys on people from those countries living in
the eight languages' countries (Turkish names in German and Dutch text, Romanian names in
Italian and Spanish text, Ukrainian names in Polish text, ...). Names come from:
- Faker (PyPI) locales that scripts/build-names-eval.py does not use (tr_TR, ro_RO, hr_HR,
  cs_CZ, sk_SK, hu_HU, sl_SI, da_DK, sv_SE, no_NO, fi_FI, yo_NG, ig_NG, ha_NG, tw_GH, zu_ZA),
  a different project from the faker-js lists the detector reads (common names overlap);
- lists written here where Faker has no Latin-script locale: Irish, Welsh, Ukrainian in the
  spellings people actually use (Andriy and Andrii), Polish, Dutch, Indian.
Only first names the gazetteer of main at ef93c47 did not flag `f` are kept (`--old`), so the
probe shows what the old list missed; a surname of the same origin follows each one.

Sentences: templates written for this file, six per language, with light cues (a ticket
from X, it's X here, X wrote, a greeting, a sign-off) — the kind a list-only miss leaks.

Each record: {"id", "split": "probe6", "lang", "text", "gold": [[entity, start, end]]},
offsets in code points, the row format of tests/data/names-eval.jsonl. Score it with
`python3 scripts/score-names-eval.py --eval tests/data/names-lists-probe.jsonl`.
It is tuning-only: the held-out part of the evaluation is not touched.
"""

import argparse
import json
import random
import subprocess
import unicodedata

from faker import Faker

SEED = 606
PER_LANG = 48

# Which communities are written about in which language (by where they live).
FAKER = {
    "en": ["yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA", "da_DK", "sv_SE", "no_NO", "fi_FI"],
    "de": ["tr_TR", "hr_HR", "cs_CZ", "sk_SK", "hu_HU", "sl_SI"],
    "fr": ["yo_NG", "tw_GH", "ro_RO", "tr_TR"],
    "es": ["ro_RO", "hu_HU"],
    "it": ["ro_RO", "hr_HR", "sl_SI"],
    "nl": ["tr_TR", "da_DK", "sv_SE"],
    "pl": ["cs_CZ", "sk_SK", "hu_HU"],
    "pt": ["ro_RO", "yo_NG"],
}
# Written for this file: (first names, surnames) per origin and the languages they appear in.
OWN = [
    (["en"], "Siobhán Siobhan Tadhg Aisling Saoirse Oisín Niamh Ciarán Eoin Gráinne Caoimhe Cathal "
     "Aoife Clodagh Darragh Fionnuala Éabha Róisín Cormac Pádraig Sorcha Ailbhe",
     "Ó Súilleabháin O'Sullivan Mac Cárthaigh McCarthy Ní Bhriain Kavanagh Ó Ceallaigh Breathnach"),
    (["en"], "Aled Dafydd Rhys Gethin Cerys Bethan Rhiannon Iolo Gwenllian Llinos Emyr Eluned "
     "Hywel Ffion Siân Meinir Cai Ifan",
     "Jones Llewellyn Pritchard Bowen Griffiths Pugh Vaughan Prosser"),
    (["pl", "de"], "Oleksandr Oleksii Oleksiy Mykola Volodymyr Andrii Andriy Taras Yaroslav Serhii "
     "Serhiy Yurii Dmytro Bohdan Vasyl Oksana Olena Iryna Nataliia Halyna Svitlana Yuliia Liudmyla "
     "Mykhailo Petro Kateryna Viktoriia Anastasiia Vitalii Khrystyna",
     "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliinyk Shevchuk Koval Polishchuk "
     "Bondar Moroz Marchenko Lysenko Rudenko Savchenko Petrenko Melnyk Tkachuk"),
    (["pl"], "Wojciech Grzegorz Krzysztof Przemysław Bożena Jadwiga Zdzisław Mirosław Bogumiła "
     "Wiesław Jarosław Stanisława Dobrosława Włodzimierz Bogusław Radosław Czesław Lechosław",
     "Brzęczyszczykiewicz Wróblewski Szczepańska Chrzanowski Grabowska Przybylski Krawczyk"),
    (["nl"], "Aart Sjoerd Joost Wouter Hendrikje Geertje Fokke Tjeerd Sietske Jelle Hidde Wietske "
     "Jorien Anouk Floor Marijke Durk Femke",
     "Kuipers Brouwer Hoekstra Postma Zijlstra Wijnands Veenstra Terpstra"),
    (["en"], "Deepak Harjit Manpreet Simranjit Ravinder Jaswinder Kuldeep Navneet Rupinder "
     "Sukhwinder Anjali Bhavna Chetan Dhruv Gaurav Hemant Jatin Keerthi Nikhil Prakash Shalini",
     "Chaudhary Agarwal Srinivasan Bhattacharya Gupta Malhotra Dhillon Khanna"),
]
TEMPLATES = {
    "en": ["Ticket from {P}: the app crashes on start.",
           "Hi, it's {F} here, my partner {P2} will pick it up.",
           "{P} wrote that the parcel never arrived.",
           "Dear {F},\nthank you for the quick reply.",
           "Kind regards,\n{P}",
           "Please forward this to {P} before Friday."],
    "de": ["Ticket von {P}: die App stürzt beim Start ab.",
           "Hallo, hier ist {F}, mein Kollege {P2} holt es ab.",
           "{P} schrieb, dass das Paket nie ankam.",
           "Liebe {F},\nvielen Dank für die schnelle Antwort.",
           "Mit freundlichen Grüßen\n{P}",
           "Bitte leite das bis Freitag an {P} weiter."],
    "fr": ["Ticket de {P} : l'application plante au démarrage.",
           "Bonjour, c'est {F}, mon collègue {P2} passera le chercher.",
           "{P} a écrit que le colis n'est jamais arrivé.",
           "Chère {F},\nmerci pour la réponse rapide.",
           "Cordialement,\n{P}",
           "Merci de transmettre ceci à {P} avant vendredi."],
    "es": ["Ticket de {P}: la aplicación se cierra al iniciar.",
           "Hola, soy {F}, mi compañero {P2} lo recogerá.",
           "{P} escribió que el paquete nunca llegó.",
           "Querida {F}:\ngracias por la respuesta rápida.",
           "Saludos cordiales,\n{P}",
           "Por favor, reenvía esto a {P} antes del viernes."],
    "it": ["Ticket di {P}: l'app si chiude all'avvio.",
           "Ciao, sono {F}, il mio collega {P2} lo ritira.",
           "{P} ha scritto che il pacco non è mai arrivato.",
           "Cara {F},\ngrazie per la risposta veloce.",
           "Cordiali saluti,\n{P}",
           "Per favore inoltra questo a {P} entro venerdì."],
    "nl": ["Ticket van {P}: de app crasht bij het opstarten.",
           "Hoi, met {F}, mijn collega {P2} haalt het op.",
           "{P} schreef dat het pakket nooit is aangekomen.",
           "Beste {F},\nbedankt voor het snelle antwoord.",
           "Met vriendelijke groet,\n{P}",
           "Stuur dit alsjeblieft voor vrijdag door naar {P}."],
    "pl": ["Zgłoszenie od: {P}. Aplikacja zawiesza się przy starcie.",
           "Cześć, tu {F}, mój kolega {P2} to odbierze.",
           "{P} napisał, że paczka nigdy nie dotarła.",
           "Dzień dobry {F},\ndziękuję za szybką odpowiedź.",
           "Z poważaniem\n{P}",
           "Proszę przekazać to {P} do piątku."],
    "pt": ["Pedido de {P}: a aplicação fecha ao iniciar.",
           "Olá, é o {F}, o meu colega {P2} vai buscá-lo.",
           "{P} escreveu que a encomenda nunca chegou.",
           "Cara {F},\nobrigado pela resposta rápida.",
           "Com os melhores cumprimentos,\n{P}",
           "Por favor, encaminhe isto para {P} antes de sexta-feira."],
}


def nfc_lower(s):
    return unicodedata.normalize("NFC", s).lower()


def old_firsts(path):
    """First names of the gazetteer before round 6 (main at ef93c47 unless a file is given)."""
    if path:
        text = open(path, encoding="utf-8").read()
    else:
        text = subprocess.run(["git", "show", "ef93c47:data/gazetteer.txt"], check=True,
                              capture_output=True).stdout.decode("utf-8")
    out = set()
    for line in text.splitlines():
        w, fl = line.rstrip("\n").split("\t")
        if "f" in fl:
            out.add(w)
    return out


def pools(known):
    """(first, surname) pools per language: first names the old list lacked."""
    rng = random.Random(SEED)
    out = {lang: [] for lang in TEMPLATES}
    for lang, locales in FAKER.items():
        for loc in locales:
            fk = Faker(loc)
            fk.seed_instance(rng.randrange(1 << 30))
            firsts, lasts = set(), []
            for _ in range(400):
                f = fk.first_name()
                if " " not in f and nfc_lower(f) not in known and f.isalpha():
                    firsts.add(f)
                lasts.append(fk.last_name())
            out[lang].append((sorted(firsts), lasts))
    for langs, firsts, lasts in OWN:
        fs = sorted({f for f in firsts.split() if nfc_lower(f) not in known})
        ls = lasts.split()
        # Two-word Irish surnames ("Ó Súilleabháin") are kept whole.
        merged, i = [], 0
        while i < len(ls):
            if ls[i] in ("Ó", "Mac", "Ní", "Nic") and i + 1 < len(ls):
                merged.append(ls[i] + " " + ls[i + 1])
                i += 2
            else:
                merged.append(ls[i])
                i += 1
        for lang in langs:
            out[lang].append((fs, merged))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", help="the gazetteer before round 6 (default: git show "
                    "ef93c47:data/gazetteer.txt)")
    ap.add_argument("--out", default="tests/data/names-lists-probe.jsonl")
    a = ap.parse_args()
    rng = random.Random(SEED)
    pool = pools(old_firsts(a.old))
    rows = []
    for lang, temps in TEMPLATES.items():
        origins = [p for p in pool[lang] if p[0]]
        used = set()
        for k in range(PER_LANG):
            firsts, lasts = origins[k % len(origins)]
            fresh = [f for f in firsts if f not in used] or firsts
            first = rng.choice(fresh)
            used.add(first)
            last = rng.choice(lasts)
            t = temps[k % len(temps)]
            slots = {"F": first, "P": f"{first} {last}"}
            if "{P2}" in t:
                f2 = rng.choice([f for f in firsts if f != first] or firsts)
                slots["P2"] = f"{f2} {rng.choice(lasts)}"
            text, gold, rest = "", [], t
            while "{" in rest:
                i = rest.index("{")
                j = rest.index("}", i)
                text += rest[:i]
                v = slots[rest[i + 1 : j]]
                gold.append(["PERSON", len(text), len(text) + len(v)])
                text += v
                rest = rest[j + 1 :]
            text += rest
            rows.append({"id": f"p6-{lang}-{k}", "split": "probe6", "lang": lang,
                         "text": text, "gold": gold})
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {a.out}: {len(rows)} records, "
          f"{sum(len(r['gold']) for r in rows)} PERSON spans")


if __name__ == "__main__":
    main()
