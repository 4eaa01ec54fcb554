#!/usr/bin/env python3
"""Probes the CLI with names in plain sentences (round 16, leaks17; issue 14): relations,
verbs of address and correspondence, self-introductions, care-of lines, role labels and
possessives, in the eight languages, and counts the names that go out.

Names: first and last names of tests/data/test-names.tsv (kept apart from the detectors'
lists) for the sentence's language, and invented names made here from syllables (no list can
know them). A probe leaks when any character of its name is outside every PERSON finding.

    cargo build --release
    python3 scripts/probe-leaks17.py [--bin target/release/pii-airlock] [--show] [--per 6]

Prints leaks / probes per family and language. Probing only: no threshold, nothing tuned on
the held-out part.
"""
import argparse
import collections
import json
import os
import random
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# {F}: a first name, {L}: a surname. Each family holds the frames of each language.
FAMILIES = {
    "relation": {
        "en": ["Tell my boss {F} I'm sick", "my colleague {F} is off today",
               "I asked my friend {F} about it"],
        "de": ["mein Chef {F} kommt morgen", "meine Kollegin {F} ist krank",
               "Ich habe meinen Nachbarn {F} gefragt"],
        "fr": ["mon collègue {F} est malade", "ma voisine {F} arrive demain"],
        "es": ["mi jefe {F} está enfermo", "mi compañera {F} llega mañana"],
        "it": ["il mio capo {F} è malato", "la mia collega {F} arriva domani"],
        "nl": ["mijn baas {F} is ziek", "mijn collega {F} komt morgen"],
        "pl": ["mój szef {F} jest chory", "moja koleżanka {F} jutro przyjdzie"],
        "pt": ["meu chefe {F} está doente", "minha colega {F} chega amanhã"],
    },
    "address": {
        "en": ["Please reply to {F} today", "I got an email from {F} yesterday",
               "forward this to {F} please", "cc {F} on the thread", "ping {F} about it",
               "Can you email {F} the file?", "I'll text {F} later"],
        "de": ["Bitte antworte {F} heute", "Ich habe eine Mail von {F} bekommen",
               "Leite das bitte an {F} weiter", "Schreib {F} eine Nachricht"],
        "fr": ["Réponds à {F} aujourd'hui", "J'ai reçu un mail de {F} hier",
               "Transfère ça à {F} stp", "Envoie un message à {F}"],
        "es": ["Responde a {F} hoy", "Recibí un correo de {F} ayer",
               "Reenvía esto a {F} por favor", "Mándale un mensaje a {F}"],
        "it": ["Rispondi a {F} oggi", "Ho ricevuto una mail da {F} ieri",
               "Inoltra questo a {F} per favore", "Manda un messaggio a {F}"],
        "nl": ["Antwoord {F} vandaag", "Ik kreeg gisteren een mail van {F}",
               "Stuur dit door naar {F} aub", "Stuur {F} een bericht"],
        "pl": ["Odpisz {F} dzisiaj", "Dostałem wczoraj maila od {F}",
               "Prześlij to do {F} proszę"],
        "pt": ["Responde ao {F} hoje", "Recebi um email do {F} ontem",
               "Encaminha isto para {F} por favor", "Manda uma mensagem para {F}"],
    },
    "possessive": {
        "en": ["Per {F}'s request, we moved it", "As per {F}'s email, the date changed",
               "At {F}'s suggestion we waited", "On {F}'s behalf I am writing"],
    },
    "self": {
        "en": ["I am {F}.", "This is {F} from accounting", "{F} here, quick question",
               "Hi, I'm {F} and I need help"],
        "de": ["Ich bin {F}.", "Hier ist {F} aus der Buchhaltung", "{F} hier, kurze Frage"],
        "fr": ["Je suis {F}.", "C'est {F} de la compta", "Ici {F}, petite question"],
        "es": ["Soy {F}.", "Aquí {F}, una pregunta", "Hola, soy {F} de contabilidad"],
        "it": ["Sono {F}.", "Qui {F}, una domanda", "Ciao, sono {F} della contabilità"],
        "nl": ["Ik ben {F}.", "Met {F}, korte vraag", "Hoi, ik ben {F} van de boekhouding"],
        "pl": ["Jestem {F}.", "Tu {F}, mam pytanie", "Cześć, jestem {F} z księgowości"],
        "pt": ["Sou {F}.", "Aqui é {F} da contabilidade", "Olá, sou {F} e preciso de ajuda"],
    },
    "care-of": {
        "en": ["c/o {F} {L}", "Attn {F} {L}", "FAO {F} {L}"],
        "de": ["z. Hd. {F} {L}", "c/o {F} {L}", "zu Händen von {F} {L}"],
        "fr": ["à l'attention de {F} {L}", "A l'attention de {F} {L}", "chez {F} {L}"],
        "es": ["a la atención de {F} {L}", "A/A {F} {L}", "Atención: {F} {L}"],
        "it": ["all'attenzione di {F} {L}", "alla c.a. di {F} {L}", "presso {F} {L}"],
        "nl": ["t.a.v. {F} {L}", "T.a.v. {F} {L}", "p/a {F} {L}"],
        "pl": ["do rąk własnych {F} {L}", "Do wiadomości: {F} {L}", "u {F} {L}"],
        "pt": ["aos cuidados de {F} {L}", "A/C {F} {L}", "à atenção de {F} {L}"],
    },
    "label": {
        "en": ["Member: {F} {L}", "Traveller: {F} {L}", "Traveler: {F} {L}",
               "Passenger: {F} {L}", "Guest: {F}", "Tenant: {F}", "Employee: {F}",
               "Applicant: {F}", "Candidate: {F} {L}", "Student: {F}", "Client name: {F}",
               "Participant: {F} {L}", "Customer name: {F} {L}"],
        "de": ["Mitglied: {F} {L}", "Reisender: {F} {L}", "Passagier: {F} {L}", "Gast: {F}",
               "Mieter: {F}", "Mitarbeiter: {F} {L}", "Bewerber: {F} {L}",
               "Kandidat: {F} {L}", "Student: {F} {L}", "Teilnehmer: {F} {L}"],
        "fr": ["Membre : {F} {L}", "Voyageur : {F} {L}", "Passager : {F} {L}",
               "Invité : {F}", "Locataire : {F}", "Employé : {F} {L}", "Candidat : {F} {L}",
               "Étudiant : {F} {L}", "Nom du client : {F}", "Participant : {F} {L}"],
        "es": ["Miembro: {F} {L}", "Viajero: {F} {L}", "Pasajero: {F} {L}", "Huésped: {F}",
               "Inquilino: {F}", "Empleado: {F} {L}", "Candidato: {F} {L}",
               "Estudiante: {F} {L}", "Nombre del cliente: {F}", "Participante: {F} {L}"],
        "it": ["Socio: {F} {L}", "Viaggiatore: {F} {L}", "Passeggero: {F} {L}",
               "Ospite: {F}", "Inquilino: {F}", "Dipendente: {F} {L}", "Candidato: {F} {L}",
               "Studente: {F} {L}", "Nome cliente: {F}", "Partecipante: {F} {L}"],
        "nl": ["Lid: {F} {L}", "Reiziger: {F} {L}", "Passagier: {F} {L}", "Gast: {F}",
               "Huurder: {F}", "Medewerker: {F} {L}", "Kandidaat: {F} {L}",
               "Student: {F} {L}", "Klantnaam: {F}", "Deelnemer: {F} {L}"],
        "pl": ["Członek: {F} {L}", "Podróżny: {F} {L}", "Pasażer: {F} {L}", "Gość: {F}",
               "Najemca: {F}", "Pracownik: {F} {L}", "Kandydat: {F} {L}",
               "Student: {F} {L}", "Uczestnik: {F} {L}"],
        "pt": ["Sócio: {F} {L}", "Viajante: {F} {L}", "Passageiro: {F} {L}",
               "Hóspede: {F}", "Inquilino: {F}", "Funcionário: {F} {L}",
               "Candidato: {F} {L}", "Estudante: {F} {L}", "Nome do cliente: {F}",
               "Participante: {F} {L}"],
    },
}

ONSETS = ["br", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "v", "th", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ae", "ei"]
CODAS = ["", "n", "r", "l", "nd", "st", "rk", "s"]


def invented(rng, syllables):
    """A capitalised name of syllables no list holds."""
    s = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (s + rng.choice(CODAS)).capitalize()


def names(per):
    """(first, last) pairs per language: the test names' own, then invented ones."""
    kinds = collections.defaultdict(list)
    with open(os.path.join(ROOT, "tests", "data", "test-names.tsv"), encoding="utf-8") as f:
        for line in f:
            kind, lang, value = line.rstrip("\n").split("\t")
            kinds[(kind, lang)].append(value)
    rng = random.Random(17)
    out = {}
    for lang in FAMILIES["label"]:
        firsts = kinds[("first", lang)][:per]
        lasts = kinds[("last", lang)][:per]
        pairs = list(zip(firsts, lasts))
        pairs += [(invented(rng, 2), invented(rng, 3)) for _ in range(per)]
        out[lang] = pairs
    return out


def probes(per):
    pairs = names(per)
    for family, langs in FAMILIES.items():
        for lang, frames in langs.items():
            for frame in frames:
                for first, last in pairs[lang]:
                    text = frame.format(F=first, L=last)
                    name = f"{first} {last}" if "{L}" in frame else first
                    yield family, lang, text, name


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
        family, lang, text, name = rows[d["id"]]
        a = text.index(name)
        covered = set()
        for f in d["findings"]:
            if f["entity"] == "PERSON":
                covered.update(range(f["start"], f["end"]))
        key = (family, lang)
        total[key] += 1
        if not all(k in covered for k in range(a, a + len(name)) if text[k] != " "):
            leaks[key] += 1
            if args.show:
                print(f"LEAK {family} {lang}: {text}")
    print(f"{'family':<12}" + "".join(f"{l:>9}" for l in FAMILIES["label"]) + "      all")
    for family, langs in FAMILIES.items():
        cells, fl, ft = [], 0, 0
        for lang in FAMILIES["label"]:
            k = (family, lang)
            fl, ft = fl + leaks[k], ft + total[k]
            cells.append(f"{leaks[k]:>4}/{total[k]:<4}" if total[k] else f"{'-':>9}")
        print(f"{family:<12}" + "".join(cells) + f" {fl:>4}/{ft}")
    print(f"leaks {sum(leaks.values())} of {sum(total.values())} probes")


if __name__ == "__main__":
    main()
