#!/usr/bin/env python3
"""Writes a third tuning-only set for street addresses and places (issue 14, round 4) to
tests/data/address-tune.jsonl.

Setup: pip install faker==40.54.0

This is a TUNING set: the rules may be fitted to it. Its templates are new (none shared
with scripts/build-names-eval.py or scripts/build-places-tune.py): US addresses in running
prose and on one comma-separated line, directional prefixes and suffixes, numbered streets,
PO boxes and rural routes; Spanish, Portuguese/Brazilian and Italian addresses in their
written forms (`C/ Mayor 12`, `Av. Paulista, 1578 - Bela Vista`, `Via Roma 10, 00184 Roma
RM`); Italian towns after a/di/in with a verb of living or travelling. Street and town
names come from Faker providers (en_US, es_ES, es_MX, pt_BR, pt_PT, it_IT) and from names
generated here from syllables, not from data/gazetteer.txt. Negative rows (no gold) hold
numbers and capitalised words that are not addresses: code, version strings, measures.

Each record: {"id", "split": "address-tune", "lang", "text", "gold": [[entity, start, end]]},
offsets in code points. Score with
    python3 scripts/score-names-eval.py --eval tests/data/address-tune.jsonl
"""

import json
import os
import random

from faker import Faker

SEED = 2718
PER_TEMPLATE = 4
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data",
                   "address-tune.jsonl")

SYLL = {
    "en": ["oak", "mont", "wil", "low", "bar", "ches", "ter", "lin", "cre", "ham", "ash", "dal"],
    "es": ["al", "ca", "mo", "ri", "ver", "te", "lo", "san", "ma", "del", "ro"],
    "pt": ["va", "lo", "ri", "mar", "te", "ca", "bo", "sal", "gu", "ra", "ne"],
    "it": ["mo", "ri", "ca", "sa", "ve", "lo", "ter", "ba", "ni", "pe", "gal"],
}
END = {
    "en": ["wood", "ridge", "dale", "brook", "ton", "field", "view"],
    "es": ["eda", "illo", "ares", "ena", "ano"],
    "pt": ["eira", "inho", "ado", "ela", "ana"],
    "it": ["ino", "ella", "ano", "etto", "one"],
}
LOCALES = {"en": ["en_US"], "es": ["es_ES", "es_MX"], "pt": ["pt_BR", "pt_PT"], "it": ["it_IT"]}
STATES = ["IL", "OH", "TX", "CA", "NY", "WA", "OR", "GA", "PA", "MN", "CO", "AZ"]
PROV_IT = ["RM", "MI", "TO", "NA", "BO", "FI", "PD", "VR", "BG", "BS"]
UF = ["SP", "RJ", "MG", "PR", "RS", "BA", "SC", "PE", "GO"]


def gen(lang, rnd):
    n = "".join(rnd.choice(SYLL[lang]) for _ in range(rnd.choice([1, 2])))
    return (n + rnd.choice(END[lang])).capitalize()


class Names:
    def __init__(self, lang, rnd):
        self.lang, self.rnd = lang, rnd
        self.f = [Faker(l) for l in LOCALES[lang]]
        for f in self.f:
            f.seed_instance(rnd.randrange(1 << 30))

    def faker(self):
        return self.rnd.choice(self.f)

    def town(self):
        if self.rnd.random() < 0.5:
            t = self.faker().city()
            if t[:1].isupper() and "-" not in t[-2:]:
                return t
        return gen(self.lang, self.rnd)

    def person(self):
        return self.faker().last_name()

    def word(self):
        return gen(self.lang, self.rnd) if self.rnd.random() < 0.5 else self.person()


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def us_street(nm, rnd):
    num = str(rnd.randint(2, 9899))
    kind = rnd.random()
    d = rnd.choice(["N", "S", "E", "W", "NE", "SW", "NW", "SE", "N.", "W.", "North", "East"])
    t = rnd.choice(["Drive", "St", "St.", "Avenue", "Ave", "Rd", "Road", "Blvd", "Lane", "Ct",
                    "Way", "Pl", "Terrace", "Pkwy", "Circle"])
    if kind < 0.25:
        return f"{num} {d} {ordinal(rnd.randint(1, 99))} {t}"
    if kind < 0.45:
        return f"{num} {nm.word()} {t} {rnd.choice(['NE', 'SW', 'NW', 'SE', 'N', 'S'])}"
    if kind < 0.6:
        return f"{num} {d} {nm.word()} {t}"
    return f"{num} {nm.word()} {t}"


def us_unit(rnd):
    return rnd.choice([f"Apt {rnd.randint(1, 40)}{rnd.choice('ABCD')}", f"Apt. {rnd.randint(1, 900)}",
                       f"Suite {rnd.randint(100, 999)}", f"Unit {rnd.randint(1, 30)}", f"#{rnd.randint(2, 400)}"])


def us_tail(nm, rnd):
    return f"{nm.town()}, {rnd.choice(STATES)} {rnd.randint(10000, 99999)}"


def addr(lang, kind, nm, rnd):
    r = rnd
    if lang == "en":
        if kind == "line":
            s = us_street(nm, r)
            if r.random() < 0.5:
                s += ", " + us_unit(r)
            return s + ", " + us_tail(nm, r)
        if kind == "street":
            return us_street(nm, r)
        if kind == "po":
            return r.choice([f"PO Box {r.randint(10, 9999)}", f"P.O. Box {r.randint(10, 9999)}"]) + ", " + us_tail(nm, r)
        if kind == "rr":
            return f"RR {r.randint(1, 9)} Box {r.randint(10, 300)}, " + us_tail(nm, r)
    if kind == "block":
        return f"{us_street(nm, r)}\n{us_unit(r)}\n{us_tail(nm, r)}"
    if kind in ("lower", "numbered"):
        word = {"es": ["calle", "avenida", "plaza", "paseo"], "pt": ["rua", "avenida", "travessa"],
                "it": ["via", "viale", "piazza", "corso"]}[lang]
        num = r.randint(1, 199)
        if kind == "lower":
            return f"{r.choice(word)} {nm.word()} {num}" if lang != "pt" else f"{r.choice(word)} {nm.word()}, {num}"
        pre = {"es": "Calle {} nº {}", "pt": "Rua {}, n.º {}", "it": "Via {} n. {}"}[lang]
        return pre.format(nm.word(), num)
    if lang == "es":
        name = nm.word() if r.random() < 0.5 else nm.person()
        t = r.choice(["Calle de", "C/", "Avda. de", "Avenida de", "Paseo de", "Plaza de", "Ronda de",
                      "Carretera de", "Calle", "Pza.", "Camino de"])
        t = t.replace(" de", "") if t.endswith(" de") and r.random() < 0.3 else t
        s = f"{t} {name}"
        num = str(r.randint(1, 180))
        if kind == "street":
            return f"{s} {num}" if r.random() < 0.5 else f"{s}, {num}"
        floor = r.choice([f", {r.randint(1, 9)}º izq.", f", {r.randint(1, 9)}º dcha.", f", {r.randint(1, 9)}º {r.choice('ABCD')}", ""])
        return f"{s}, {num}{floor}, {r.randint(1, 52):02d}{r.randint(0, 999):03d} {nm.town()}"
    if lang == "pt":
        name = nm.word() if r.random() < 0.5 else nm.person()
        t = r.choice(["Rua", "Av.", "Avenida", "Travessa", "Largo", "Estrada", "R.", "Praça", "Alameda"])
        if r.random() < 0.4:
            t += r.choice([" do", " da", " de"])
        s = f"{t} {name}, {r.randint(1, 2999)}"
        if kind == "street":
            return s
        if r.random() < 0.5:  # Portugal
            floor = r.choice([f", {r.randint(1, 9)}º Esq.", f", {r.randint(1, 9)}º Dto.", ""])
            return f"{s}{floor}, {r.randint(1000, 9999)}-{r.randint(0, 999):03d} {nm.town()}"
        return f"{s} - {nm.word()}, {nm.town()} - {r.choice(UF)}, {r.randint(10000, 99999)}-{r.randint(0, 999):03d}"
    if lang == "it":
        name = nm.word() if r.random() < 0.5 else nm.person()
        t = r.choice(["Via", "Viale", "Piazza", "Corso", "Vicolo", "Località", "Via dei", "Piazzale", "Largo"])
        s = f"{t} {name}" if r.random() < 0.7 else f"{t} {nm.faker().first_name()} {name}"
        num = str(r.randint(1, 200))
        if kind == "street":
            return f"{s} {num}" if r.random() < 0.6 else f"{s}, {num}"
        return f"{s} {num}, {r.randint(10, 98)}{r.randint(0, 999):03d} {nm.town()} {r.choice(PROV_IT)}"
    raise ValueError((lang, kind))


T = {
    "en": [
        "Please ship it to {L} before Friday.",
        "I'm at {S} if you need anything.",
        "Mail the signed form to {P}.",
        "Our old farm address was {R}, but we sold it.",
        "Billing address: {L}",
        "She lives at {S}, right next to the bakery.",
        "The meetup moved to {S} this month.",
        "Return label: {L}. Thanks!",
        "We stayed with friends in {T} for a week.",
        "The package was delivered to {S} by mistake.",
        "Ship to:\n{B}\nThanks",
        "Can you meet me at the corner of {S}?",
        "Send the invoice to {P} and cc me.",
        # negatives
        "Version 2.14.3 fixed 12 bugs in Parser Mode and 3 in Export.",
        "Run it on port 8080 with 4 workers and Debug Level 2.",
        "Chapter 12 Section 4 covers the West Wing design.",
        "We scored 88 points in Round 3 against North Team.",
        "The 5th Element is my favourite movie, rated 8 out of 10.",
        "Step 3: open Settings, then Advanced, then click Apply.",
        "let box = 42; // Box holds the cached value",
        "Upgrade to release 3.2 Drive Edition for 10 more seats.",
    ],
    "es": [
        "Envíalo a {L}, por favor.",
        "Vivo en {S} desde hace dos años.",
        "La oficina está en {L}.",
        "Nos vemos en {S} a las ocho.",
        "Dirección de entrega: {L}",
        "Me mudé a {T} el año pasado.",
        "Vivo en la {s} desde marzo.",
        "Estamos en {n}, junto al mercado.",
        # negatives
        "La versión 4.2 corrige 15 errores en Modo Avanzado.",
        "El capítulo 3 trata de Plaza Sésamo y otros programas.",
        "Abre Configuración, luego Cuenta y pulsa Guardar 2 veces.",
    ],
    "pt": [
        "Pode enviar para {L}, obrigado.",
        "Moro na {S} há três anos.",
        "O escritório fica na {L}.",
        "Endereço de entrega: {L}",
        "Passei as férias em {T} com a família.",
        "A reunião será na {S}, sala 4.",
        "Moro na {s} com a minha mãe.",
        "Fica na {n}, perto da estação.",
        # negatives
        "A versão 3.1 corrige 20 erros no Modo Escuro.",
        "Clique em Configurações e depois em Salvar 2 vezes.",
        "O capítulo 7 fala da Rua Sésamo e de outros programas.",
    ],
    "it": [
        "Abito a {T} da quando ero bambino.",
        "Sono di {T}, ma lavoro da casa.",
        "Ho vissuto in {T} per dieci anni.",
        "Andiamo a {T} per il fine settimana.",
        "Spedire a {L}, grazie.",
        "Il nostro ufficio è in {S}.",
        "Indirizzo: {L}",
        "Ci vediamo in {S} alle nove.",
        "Abito in {s} con due amici.",
        "Il negozio è in {n}, vicino al duomo.",
        # negatives
        "La versione 5.0 risolve 8 errori nella Modalità Scura.",
        "Apri Impostazioni, poi Account e premi Salva 2 volte.",
        "Il capitolo 4 parla di Piazza Affari come simbolo della Borsa.",
    ],
}


def fill(template, lang, rnd, nm):
    text, gold, i = "", [], 0
    while i < len(template):
        if template[i] == "{" and template[i + 2: i + 3] == "}":
            slot = template[i + 1]
            if slot == "T":
                v, e = nm.town(), "LOCATION"
            else:
                kind = {"L": "line", "S": "street", "P": "po", "R": "rr", "B": "block",
                        "s": "lower", "n": "numbered"}[slot]
                v, e = addr(lang, kind, nm, rnd), "STREET_ADDRESS"
            gold.append([e, len(text), len(text) + len(v)])
            text += v
            i += 3
        else:
            text += template[i]
            i += 1
    return text, gold


def main():
    rnd = random.Random(SEED)
    rows = []
    for lang, temps in T.items():
        nm = Names(lang, rnd)
        k = 0
        for t in temps:
            for _ in range(PER_TEMPLATE if "{" in t else 1):
                text, gold = fill(t, lang, rnd, nm)
                rows.append({"id": f"at-{lang}-{k}", "split": "address-tune", "lang": lang,
                             "text": text, "gold": gold})
                k += 1
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
