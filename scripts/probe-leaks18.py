#!/usr/bin/env python3
"""Probes the CLI with names in plain sentences (round 17, leaks18; issue 14): relations,
verbs of address and correspondence, self-introductions, care-of lines, role labels and
possessives, in the eight languages, and counts the names that go out.

Names: first and last names of tests/data/test-names.tsv (kept apart from the detectors'
lists) for the sentence's language, and invented names made here from syllables (no list can
know them). A probe leaks when any character of its name is outside every PERSON finding.

    cargo build --release
    python3 scripts/probe-leaks18.py [--bin target/release/pii-airlock] [--show] [--per 6]

Prints leaks / probes per family and language. Probing only: no threshold, nothing tuned on
the held-out part.
"""
import argparse
import collections
import importlib.util
import json
import os
import random
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# {F}: a first name, {L}: a surname, {G}: a second person's first name. Each family holds
# the frames of each language.
FAMILIES = {
    "capitals": {
        "en": ["HI, I AM {F} {L}.", "PLEASE REPLY TO {F} {L} TODAY", "THIS IS {F} {L} FROM SALES"],
        "de": ["HALLO, ICH BIN {F} {L}.", "BITTE ANTWORTE {F} {L} HEUTE"],
        "fr": ["BONJOUR, JE SUIS {F} {L}.", "RÉPONDS À {F} {L} AUJOURD'HUI"],
        "es": ["HOLA, SOY {F} {L}.", "RESPONDE A {F} {L} HOY"],
        "it": ["CIAO, SONO {F} {L}.", "RISPONDI A {F} {L} OGGI"],
        "nl": ["HOI, IK BEN {F} {L}.", "ANTWOORD {F} {L} VANDAAG"],
        "pl": ["CZEŚĆ, JESTEM {F} {L}.", "ODPISZ {F} {L} DZISIAJ"],
        "pt": ["OLÁ, SOU {F} {L}.", "RESPONDE AO {F} {L} HOJE"],
    },
    "met": {
        "en": ["I met {F} {L} yesterday.", "I saw {F} {L} at the station.",
               "I called {F} {L} this morning.", "I spoke with {F} {L} today.",
               "We visited {F} {L} last week.", "I met {F} yesterday."],
        "de": ["Ich habe {F} {L} gestern getroffen.", "Ich habe gestern {F} {L} getroffen.",
               "Ich traf {F} {L} am Bahnhof.", "Ich habe mit {F} {L} gesprochen."],
        "fr": ["J'ai rencontré {F} {L} hier.", "J'ai vu {F} {L} à la gare.",
               "J'ai appelé {F} {L} ce matin.", "J'ai parlé avec {F} {L} hier."],
        "es": ["He visto a {F} {L} hoy.", "Conocí a {F} {L} ayer.",
               "Llamé a {F} {L} esta mañana.", "Hablé con {F} {L} ayer."],
        "it": ["Ho incontrato {F} {L} ieri.", "Ho visto {F} {L} alla stazione.",
               "Ho chiamato {F} {L} stamattina.", "Ho parlato con {F} {L} ieri."],
        "nl": ["Ik heb {F} {L} gisteren ontmoet.", "Ik zag {F} {L} op het station.",
               "Ik heb {F} {L} gebeld.", "Ik sprak met {F} {L} gisteren."],
        "pl": ["Spotkałem {F} {L} wczoraj.", "Widziałam {F} {L} na dworcu.",
               "Rozmawiałem z {F} {L} wczoraj.", "Dzwoniłem do {F} {L} rano."],
        "pt": ["Encontrei {F} {L} ontem.", "Vi {F} {L} na estação.",
               "Liguei para {F} {L} hoje.", "Falei com {F} {L} ontem."],
    },
    "degree": {
        "en": ["Appointment with Prof. Dr. {F} {L} on Monday", "Dr. {F} {L}, PhD, will call"],
        "de": ["Termin bei Dr. med. {F} {L} am Montag", "Dr. rer. nat. {F} {L} hat angerufen",
               "Dipl.-Ing. {F} {L} prüft den Plan", "Mag. {F} {L} ist zuständig",
               "Ing. {F} {L} kommt morgen", "Prof. Dr. {F} {L} hält den Vortrag",
               "Dr. med. dent. {F} {L} behandelt"],
        "fr": ["Rendez-vous avec le Pr {F} {L} lundi", "Me {F} {L}, avocat, a appelé"],
        "es": ["La Lic. {F} {L} llamó ayer", "el Ing. {F} {L} revisa el plano"],
        "it": ["La dott.ssa {F} {L} riceve lunedì", "Il Dott. Ing. {F} {L} ha firmato",
               "l'avv. {F} {L} ha risposto"],
        "nl": ["Drs. {F} {L} belt morgen", "ir. {F} {L} controleert het plan",
               "mr. {F} {L} is de advocaat"],
        "pl": ["mgr inż. {F} {L} sprawdzi plan", "dr hab. {F} {L} prowadzi wykład",
               "lek. med. {F} {L} przyjmuje"],
        "pt": ["O Eng. {F} {L} assinou", "a Dra. {F} {L} atende amanhã"],
    },
    "mention": {
        "en": ["@{F} can you review?", "@{F} {L} please check the doc", "thanks @{F}!"],
        "de": ["@{F} kannst du das prüfen?", "@{F} {L} bitte anschauen"],
        "fr": ["@{F} tu peux relire ?", "@{F} {L} merci de vérifier"],
        "es": ["@{F} puedes revisarlo?", "@{F} {L} revisa esto por favor"],
        "it": ["@{F} puoi controllare?", "@{F} {L} dai un'occhiata"],
        "nl": ["@{F} kun je dit nakijken?", "@{F} {L} graag checken"],
        "pl": ["@{F} możesz sprawdzić?", "@{F} {L} zerknij proszę"],
        "pt": ["@{F} podes rever?", "@{F} {L} verifica por favor"],
    },
    "between": {
        "en": ["a meeting between {F} and {G} today"],
        "de": ["ein Treffen zwischen {F} und {G} heute"],
        "fr": ["une réunion entre {F} et {G} demain"],
        "es": ["una reunión entre {F} y {G} mañana"],
        "it": ["una riunione tra {F} e {G} domani", "una riunione fra {F} e {G} domani"],
        "nl": ["een gesprek tussen {F} en {G} morgen"],
        "pl": ["spotkanie między {F} a {G} jutro"],
        "pt": ["uma reunião entre {F} e {G} amanhã"],
    },
    "elided": {
        "en": ["I spoke with {F} O'{L} today", "reply to {F} O'{L}", "c/o {F} D'{L}"],
        "fr": ["J'ai parlé avec {F} D'{L} hier", "à l'attention de {F} d'{L}"],
        "it": ["Ho parlato con {F} D'{L} ieri", "all'attenzione di {F} dell'{L}"],
    },
}

# First names that are common words too ({F} of this family only): a strong cue before one
# capitalised mid-sentence ("Ospite: Terzo", "reply to Rose", "I am Grace.") names a person.
COMMON_WORD_NAMES = {
    "en": ["Rose", "Grace", "Mark", "Faith", "Hope", "Joy"],
    "de": ["Ernst", "Frank", "Rosa", "Heide", "Hans", "Kai"],
    "fr": ["Rose", "Constant", "Prudence", "Aimé", "Blanche", "Olive"],
    "es": ["Rosa", "Pilar", "Luz", "Amparo", "Dolores", "Rocío"],
    "it": ["Terzo", "Rosa", "Serena", "Felice", "Santo", "Primo"],
    "nl": ["Roos", "Hoop", "Bloem", "Jan", "Klaas", "Mark"],
    "pl": ["Róża", "Wiktoria", "Zofia", "Bogdan", "Dobromir", "Wiesław"],
    "pt": ["Rosa", "Luz", "Graça", "Glória", "Amparo", "Dores"],
}
FAMILIES["common-word"] = {
    "en": ["Guest: {F}", "Please reply to {F} today", "I am {F}.", "cc {F} on the thread"],
    "de": ["Gast: {F}", "Bitte antworte {F} heute", "Ich bin {F}."],
    "fr": ["Invité : {F}", "Réponds à {F} aujourd'hui", "Je suis {F}."],
    "es": ["Huésped: {F}", "Responde a {F} hoy", "Soy {F}."],
    "it": ["Ospite: {F}", "Rispondi a {F} oggi", "Sono {F}."],
    "nl": ["Gast: {F}", "Antwoord {F} vandaag", "Ik ben {F}."],
    "pl": ["Gość: {F}", "Odpisz {F} dzisiaj", "Jestem {F}."],
    "pt": ["Hóspede: {F}", "Responde ao {F} hoje", "Sou {F}."],
}
# Round 16's self-introductions and verbs of address (scripts/probe-leaks17.py) with a first
# name and a surname: round 16 read them before a lone name only.
_spec = importlib.util.spec_from_file_location(
    "probe17", os.path.join(os.path.dirname(os.path.abspath(__file__)), "probe-leaks17.py"))
_probe17 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_probe17)
for _family in ("self", "address"):
    FAMILIES[_family + "-2"] = {
        lang: [f.replace("{F}", "{F} {L}") for f in frames if "{L}" not in f]
        for lang, frames in _probe17.FAMILIES[_family].items()
    }
LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "pt"]
ONSETS = ["br", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "v", "th", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ae", "ei"]
CODAS = ["", "n", "r", "l", "nd", "st", "rk", "s"]


def invented(rng, syllables):
    """A capitalised name of syllables no list holds."""
    s = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (s + rng.choice(CODAS)).capitalize()


def names(per):
    """(first, last, second first) names per language: the test names' own, then invented ones."""
    kinds = collections.defaultdict(list)
    with open(os.path.join(ROOT, "tests", "data", "test-names.tsv"), encoding="utf-8") as f:
        for line in f:
            kind, lang, value = line.rstrip("\n").split("\t")
            kinds[(kind, lang)].append(value)
    rng = random.Random(17)
    out = {}
    for lang in LANGS:
        firsts = kinds[("first", lang)][:per]
        lasts = kinds[("last", lang)][:per]
        seconds = kinds[("first", lang)][per:2 * per]
        triples = list(zip(firsts, lasts, seconds))
        triples += [(invented(rng, 2), invented(rng, 3), invented(rng, 2)) for _ in range(per)]
        out[lang] = triples
    return out


def probes(per):
    pairs = names(per)
    for family, langs in FAMILIES.items():
        for lang, frames in langs.items():
            triples = pairs[lang]
            if family == "common-word":
                triples = [(w, "", "") for w in COMMON_WORD_NAMES[lang]]
            for frame in frames:
                for first, last, second in triples:
                    if family == "capitals":
                        first, last = first.upper(), last.upper()
                    text = frame.format(F=first, L=last, G=second)
                    yield family, lang, text, parts(frame, text, first, last, second)


def parts(frame, text, first, last, second):
    """The (start, end) spans of the text that belong to a name: each placeholder's value, an
    elided particle before it ("O'", "dell'") included."""
    out, pos = [], 0
    for key, value in re.findall(r"(\{([FLG])\})", frame) and [
            (m[1], {"F": first, "L": last, "G": second}[m[1]])
            for m in re.findall(r"(\{([FLG])\})", frame)]:
        a = text.index(value, pos)
        b = a + len(value)
        pos = b
        m = re.search(r"[\w]+'$", text[:a])
        if m and key == "L":
            a = m.start()
        out.append((a, b))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "pii-airlock"))
    ap.add_argument("--per", type=int, default=6, help="names of each source per language")
    ap.add_argument("--show", action="store_true", help="print each leaking text")
    args = ap.parse_args()
    rows = list(probes(args.per))
    lines = "".join(json.dumps({"id": i, "text": r[2]}) + "\n" for i, r in enumerate(rows))
    res = subprocess.run([args.bin, "scan", "--jsonl", "--offsets", "codepoint"],
                         input=lines, capture_output=True, text=True, check=True)
    leaks = collections.Counter()
    total = collections.Counter()
    for line in res.stdout.splitlines():
        d = json.loads(line)
        family, lang, text, spans = rows[d["id"]]
        covered = set()
        for f in d["findings"]:
            if f["entity"] == "PERSON":
                covered.update(range(f["start"], f["end"]))
        key = (family, lang)
        total[key] += 1
        if not all(k in covered for a, b in spans for k in range(a, b)):
            leaks[key] += 1
            if args.show:
                print(f"LEAK {family} {lang}: {text}")
    print(f"{'family':<12}" + "".join(f"{l:>9}" for l in LANGS) + "      all")
    for family, langs in FAMILIES.items():
        cells, fl, ft = [], 0, 0
        for lang in LANGS:
            k = (family, lang)
            fl, ft = fl + leaks[k], ft + total[k]
            cells.append(f"{leaks[k]:>4}/{total[k]:<4}" if total[k] else f"{'-':>9}")
        print(f"{family:<12}" + "".join(cells) + f" {fl:>4}/{ft}")
    print(f"leaks {sum(leaks.values())} of {sum(total.values())} probes")


if __name__ == "__main__":
    main()
