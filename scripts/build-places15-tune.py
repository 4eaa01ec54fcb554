#!/usr/bin/env python3
"""Writes a tuning-only set of towns no list holds, in Italian, Portuguese and French place
frames (issue 14, round 14, branch places15), to tests/data/places15-tune.jsonl.

Why: held-out Italian LOCATION recall stayed at 0.750 for nine rounds while three rounds
(places12/13/14) each raised their own set. Those sets draw their towns from general
knowledge, and most of those towns are in the detector's list, so a frame that only works
with a listed town looks fine on them. Here every town is composed by code from morphemes
(heads such as San/Borgo/Castel/Monte/Villa/Poggio, São/Vila/Casal de, Saint-/Villeneuve-;
roots; endings such as -ano/-ello/-ate/-ago, -ães/-elo/-inha, -ac/-ville/-court; two-word
"Capanne Vecchie" shapes; "X di Y", "X sul Y", "X d'Y", "X do Y", "X-sur-Y") and kept only
when neither the whole name nor its distinctive word is in data/gazetteer.txt under any
flag, so only the words around it can find it.

The frames (about 25 per language) are written here from how the languages are used:
visiting, meetings held somewhere, having been somewhere, arriving at a time, a shop or a
market of a town, holidays, work, lessons, dinners, stops on a journey. Negatives use the
same frames' prepositions before capitalised words that are no places: persons (gold
PERSON), companies, products, months, holidays ("a Natale", "no Natal", "à Noël"),
languages and subjects ("in Italiano", "em Medicina"), "a Dio", titles of works.
Nothing here is read from the names evaluation or any held-out file.

This is a TUNING set: rules may be fitted to it. It is not a held-out measure.

    python3 scripts/build-places15-tune.py
    python3 scripts/score-names-eval.py --eval tests/data/places15-tune.jsonl --benign-kb 0
"""

import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "places15-tune.jsonl")
LIST = os.path.join(ROOT, "data", "gazetteer.txt")
SEED = 1514
PER_FRAME = 4

# Morphemes. Roots are syllables of the languages' sound shapes, not names read anywhere.
IT_ROOTS = ["Corv", "Belm", "Sarz", "Trev", "Lucr", "Marz", "Galv", "Varz", "Ornav", "Crest",
            "Sorb", "Mirand", "Tors", "Pral", "Vesc", "Gorn", "Lanz", "Fiub", "Carp", "Melz",
            "Brucc", "Sandr", "Colt", "Pergh", "Ravel", "Tazz", "Uggi", "Zerb", "Fols", "Nerv"]
IT_ENDS = ["ano", "ello", "ate", "ago", "asco", "engo", "ino", "ola", "iano", "ara", "etto",
           "uolo", "esio", "orio"]
IT_HEADS = ["Borgo", "Castel", "Monte", "Villa", "Poggio", "Rocca", "Pieve", "Colle", "Torre"]
IT_SAINTS = ["San Donnino", "San Pancrazio", "San Leucio", "Santa Fiora", "San Vitale",
             "Sant'Ermete", "San Gemino", "Santa Sofia", "San Cassiano", "Sant'Albano"]
IT_PLURALS = [("Capanne", "f"), ("Case", "f"), ("Fornaci", "f"), ("Molini", "m"),
              ("Taverne", "f"), ("Cascine", "f"), ("Fontane", "f"), ("Mulini", "m"),
              ("Casali", "m")]
IT_ADJ = {"f": ["Vecchie", "Nuove", "Alte", "Basse", "Rosse", "Bianche"],
          "m": ["Vecchi", "Nuovi", "Alti", "Bassi", "Rossi", "Bianchi"]}
IT_RIVERS = ["Varzone", "Lucrone", "Tessola", "Sorbella", "Corvenna", "Galvera"]
IT_VOWEL = ["Arvello", "Orbasco", "Enzola", "Ombrasio", "Usella", "Alvenna"]

PT_ROOTS = ["Carv", "Fernel", "Alvor", "Sobr", "Mour", "Tabu", "Corv", "Arg", "Bouç", "Lamel",
            "Ferv", "Pened", "Gouv", "Trav", "Sabug", "Mesqu", "Carrap", "Ourel", "Vinh",
            "Relv", "Tojal", "Azinh", "Cabeç", "Milh"]
PT_ENDS = ["ães", "elo", "inha", "eira", "al", "ada", "ido", "oso", "elas", "ais", "ouço",
           "ega"]
PT_HEADS = ["Vila", "Vale de", "Casal de", "Quinta do", "Póvoa de", "Aldeia de", "Monte",
            "Lugar de"]
PT_SAINTS = ["São Cosmado", "São Romão", "Santa Comba", "São Mamede", "Santo Amaro",
             "São Bartolomeu", "Santa Eufémia", "São Lourenço"]

FR_ROOTS = ["Corm", "Brev", "Lanv", "Moust", "Goud", "Varn", "Tress", "Chaum", "Quinc",
            "Pell", "Boss", "Merv", "Ruff", "Sauv", "Triv", "Crol", "Gann", "Lorb", "Vauch",
            "Ferr", "Ambl", "Orv"]
FR_ENDS = ["ac", "ville", "court", "ières", "ay", "ignan", "erolles", "oux", "ange", "ieu",
           "emont", "igny"]
FR_HEADS = ["Saint-", "Sainte-", "Villeneuve-", "Mont-", "Bourg-", "Fontaine-", "Neuville-"]
FR_RIVERS = ["Lourde", "Vérane", "Brevonne", "Ousselle", "Corbe", "Sauldre-Basse"]
FR_LINKS = ["-sur-", "-en-", "-lès-", "-le-"]


def listed_words():
    """Every key of data/gazetteer.txt, whatever its flags (place, name, word)."""
    out = set()
    with open(LIST, encoding="utf-8") as f:
        for line in f:
            key = line.split("\t", 1)[0].strip()
            if key:
                out.add(key)
    return out


def town_maker(lang, rnd, known):
    """A function that returns a new composed town of `lang` absent from the list."""

    def single(roots, ends):
        return rnd.choice(roots) + rnd.choice(ends)

    def compose():
        k = rnd.random()
        if lang == "it":
            if k < 0.40:
                w = single(IT_ROOTS, IT_ENDS)
                return w, [w]
            if k < 0.55:
                w = single(IT_ROOTS, IT_ENDS)
                return f"{rnd.choice(IT_HEADS)} {w}", [w]
            if k < 0.65:
                head, g = rnd.choice(IT_PLURALS)
                adj = rnd.choice(IT_ADJ[g])
                return f"{head} {adj}", [f"{head} {adj}"]
            if k < 0.75:
                w = single(IT_ROOTS, IT_ENDS)
                return f"{w} di {single(IT_ROOTS, IT_ENDS)}", [w]
            if k < 0.82:
                w = single(IT_ROOTS, IT_ENDS)
                return f"{w} sul {rnd.choice(IT_RIVERS)}", [w]
            if k < 0.89:
                w = single(IT_ROOTS, IT_ENDS)
                return f"{w} d'{rnd.choice(IT_VOWEL)}", [w]
            w = single(IT_ROOTS, IT_ENDS)
            return f"{rnd.choice(IT_SAINTS)} {w[:-1]}ese", [w[:-1] + "ese"]
        if lang == "pt":
            if k < 0.40:
                w = single(PT_ROOTS, PT_ENDS)
                return w, [w]
            if k < 0.60:
                w = single(PT_ROOTS, PT_ENDS)
                return f"{rnd.choice(PT_HEADS)} {w}", [w]
            if k < 0.80:
                w = single(PT_ROOTS, PT_ENDS)
                return f"{w} {rnd.choice(['de', 'do', 'da'])} {single(PT_ROOTS, PT_ENDS)}", [w]
            w = single(PT_ROOTS, PT_ENDS)
            return f"{rnd.choice(PT_SAINTS)} de {w}", [w]
        if k < 0.45:
            w = single(FR_ROOTS, FR_ENDS)
            return w, [w]
        if k < 0.65:
            w = single(FR_ROOTS, FR_ENDS)
            return f"{rnd.choice(FR_HEADS)}{w}", [w]
        w = single(FR_ROOTS, FR_ENDS)
        return f"{w}{rnd.choice(FR_LINKS)}{rnd.choice(FR_RIVERS)}", [w]

    seen = set()

    def make():
        for _ in range(1000):
            town, parts = compose()
            low = town.lower()
            if town in seen or low in known or any(p.lower() in known for p in parts):
                continue
            seen.add(town)
            return town
        raise SystemExit(f"no new {lang} town")

    return make


# Frames: {T} is the town. Written for this set.
FRAMES = {
    "it": [
        "Ho visitato {T} la scorsa estate con i miei genitori.",
        "La riunione si terrà a {T} giovedì mattina.",
        "Siamo stati a {T} per il fine settimana.",
        "Domani arrivo a {T} alle 10, mi vieni a prendere?",
        "Il negozio di {T} chiude alle 19 anche il sabato.",
        "Abbiamo passato le vacanze a {T} l'anno scorso.",
        "Mia sorella insegna a {T} da tre anni.",
        "Il mercato di {T} si tiene ogni mercoledì.",
        "La sagra di {T} è la prima domenica di settembre.",
        "Ho prenotato un albergo a {T} per due notti.",
        "Il concerto si svolgerà a {T} il 12 luglio.",
        "Ieri sera sono passato da {T} per salutare i parenti.",
        "Abbiamo comprato casa a {T} vicino alla piazza.",
        "Abbiamo cenato a {T} in una trattoria sul lago.",
        "La festa patronale di {T} attira molti visitatori.",
        "Il corso si tiene a {T} presso la biblioteca comunale.",
        "Sono cresciuta a {T} e poi mi sono trasferita.",
        "Ci siamo fermati a {T} per pranzo.",
        "La stazione di {T} è chiusa per lavori.",
        "Ho fatto una gita a {T} con la scuola.",
        "Il matrimonio sarà celebrato a {T} in primavera.",
        "Conosci qualche buon ristorante a {T}?",
        "Il prossimo mese andremo a {T} in treno.",
        "Il torneo di calcio si gioca a {T} quest'anno.",
        "Mio nonno ha sempre vissuto a {T}.",
        "Sabato c'è la fiera a {T}, ci andiamo?",
    ],
    "pt": [
        "Visitei {T} no verão passado com os meus pais.",
        "A reunião vai ser em {T} na quinta-feira de manhã.",
        "Estivemos em {T} no fim de semana.",
        "Amanhã chego a {T} às 10, vens buscar-me?",
        "A loja de {T} fecha às 19 horas ao sábado.",
        "Passámos as férias em {T} no ano passado.",
        "A minha irmã dá aulas em {T} há três anos.",
        "O mercado de {T} realiza-se todas as quartas.",
        "A festa de {T} é no primeiro domingo de setembro.",
        "Reservei um hotel em {T} para duas noites.",
        "O concerto vai ser em {T} a 12 de julho.",
        "Ontem passei por {T} para visitar os meus tios.",
        "Comprámos casa em {T} perto da praça.",
        "Jantámos em {T} numa tasca junto ao rio.",
        "As festas de {T} atraem muitos visitantes.",
        "O curso decorre em {T} na biblioteca municipal.",
        "Cresci em {T} e depois mudei-me.",
        "Parámos em {T} para almoçar.",
        "A estação de {T} está fechada para obras.",
        "Fizemos uma visita de estudo a {T} com a escola.",
        "O casamento vai ser em {T} na primavera.",
        "Conheces algum bom restaurante em {T}?",
        "No próximo mês vamos a {T} de comboio.",
        "O torneio de futebol joga-se em {T} este ano.",
        "O meu avô sempre viveu em {T}.",
        "No sábado há feira em {T}, vamos?",
    ],
    "fr": [
        "J'ai visité {T} l'été dernier avec mes parents.",
        "La réunion aura lieu à {T} jeudi matin.",
        "Nous avons passé le week-end à {T}.",
        "Demain j'arrive à {T} à 10 h, tu viens me chercher ?",
        "Le magasin de {T} ferme à 19 h le samedi.",
        "Nous avons passé les vacances à {T} l'an dernier.",
        "Ma sœur enseigne à {T} depuis trois ans.",
        "Le marché de {T} a lieu tous les mercredis.",
        "La fête de {T} a lieu le premier dimanche de septembre.",
        "J'ai réservé un hôtel à {T} pour deux nuits.",
        "Le concert se tiendra à {T} le 12 juillet.",
        "Hier soir je suis passé par {T} pour voir la famille.",
        "Nous avons acheté une maison à {T} près de la place.",
        "Nous avons dîné à {T} dans une auberge au bord du lac.",
        "La fête patronale de {T} attire beaucoup de visiteurs.",
        "Le stage se déroule à {T} à la médiathèque.",
        "J'ai grandi à {T} avant de partir.",
        "On s'est arrêtés à {T} pour déjeuner.",
        "La gare de {T} est fermée pour travaux.",
        "Nous avons fait une sortie scolaire à {T}.",
        "Le mariage sera célébré à {T} au printemps.",
        "Tu connais un bon restaurant à {T} ?",
        "Le mois prochain nous irons à {T} en train.",
        "Le tournoi de foot se joue à {T} cette année.",
        "Mon grand-père a toujours vécu à {T}.",
        "Samedi il y a la foire à {T}, on y va ?",
    ],
}

# Negatives: the frames' prepositions before capitalised words that are no places. A
# person's name is gold PERSON (a LOCATION there is a false place).
NEGATIVES = {
    "it": [
        "La riunione si terrà a Natale, come ogni anno.",
        "Siamo stati a Pasqua dai nonni in campagna.",
        "Il negozio di Apple in centro chiude alle 19.",
        "Ho tradotto tutto il documento in Italiano.",
        "Ci vediamo a Gennaio per il rinnovo del contratto.",
        "Ho scritto a [Luca Ferri] ieri sera.",
        "Sono passato da [Giulia] ieri sera a prendere le chiavi.",
        "Il concerto di [Vasco Rossi] è stato rinviato.",
        "Lavoro in Microsoft da tre anni.",
        "Ho letto I Promessi Sposi in treno.",
        "Sono stato a Ferragosto al mare con gli amici.",
        "Sono iscritto a Ingegneria dal 2020.",
        "Mi sono laureata in Economia con il massimo dei voti.",
        "Grazie a Dio siamo arrivati sani e salvi.",
        "Il libro di [Mario] è rimasto sul tavolo.",
        "Abbiamo passato le vacanze a Capodanno insieme.",
        "Ho prenotato il volo su Ryanair per Marzo.",
        "Ho un appuntamento con [Paola Rinaldi] a Dicembre.",
        "La festa di [Chiara] è sabato sera.",
        "Il corso di Python si tiene in aula magna.",
        "Ci siamo fermati a Lunedì con il programma.",
        "Ho visitato la mostra di [Caravaggio] con la classe.",
        "Il concerto si svolgerà a Settembre, data da definire.",
        "Ho comprato il biglietto su Trenitalia ieri.",
        "Mio nonno ha sempre votato per la Democrazia Cristiana.",
        "Ho fatto una foto a [Marco Bellini] durante la gita.",
        "Conosci qualche buon libro di [Calvino]?",
    ],
    "pt": [
        "A reunião vai ser no Natal, como todos os anos.",
        "Estivemos na Páscoa com os avós.",
        "A loja da Apple no centro fecha às 19 horas.",
        "Traduzi o documento todo para Inglês.",
        "Vemo-nos em Janeiro para renovar o contrato.",
        "Escrevi ao [João Ferreira] ontem à noite.",
        "Passei pela [Inês] ontem à noite para ir buscar as chaves.",
        "O concerto do [Rui Veloso] foi adiado.",
        "Trabalho na Google há três anos.",
        "Li Os Lusíadas no comboio.",
        "Estou inscrito em Medicina desde 2020.",
        "Graças a Deus chegámos bem.",
        "O livro da [Ana] ficou em cima da mesa.",
        "Vou de Uber porque está a chover.",
        "Marquei o voo na Ryanair para Março.",
        "Tenho uma consulta com a [Paula Ribeiro] em Dezembro.",
        "A festa do [Tiago] é no sábado à noite.",
        "O curso de Python decorre no auditório.",
        "Paguei com MB Way na loja.",
        "Comprei o bilhete na CP ontem.",
        "Conheces algum bom livro de [Saramago]?",
    ],
    "fr": [
        "La réunion aura lieu à Noël, comme chaque année.",
        "Nous sommes partis à Pâques chez les grands-parents.",
        "Le magasin Apple du centre ferme à 19 h.",
        "J'ai traduit tout le document en Anglais.",
        "On se voit en Janvier pour le renouvellement du contrat.",
        "J'ai écrit à [Pierre Durand] hier soir.",
        "Je suis passé chez [Sophie] hier soir chercher les clés.",
        "Le concert de [Julien Clerc] a été reporté.",
        "Je travaille chez Renault depuis trois ans.",
        "J'ai lu Les Misérables dans le train.",
        "Je suis inscrit en Médecine depuis 2020.",
        "Grâce à Dieu nous sommes bien arrivés.",
        "Le livre de [Claire] est resté sur la table.",
        "On y va en Uber parce qu'il pleut.",
        "J'ai réservé le vol sur Ryanair pour Mars.",
        "J'ai rendez-vous avec [Paul Martin] en Décembre.",
        "La fête de [Thomas] est samedi soir.",
        "Le cours de Python a lieu en amphi.",
        "J'ai acheté le billet sur SNCF Connect hier.",
        "Tu connais un bon livre de [Camus] ?",
        "Nous avons passé le réveillon à la Saint-Sylvestre chez eux.",
    ],
}


def negative(text):
    """The text without its brackets and the PERSON gold spans they marked."""
    out, gold, i = [], [], 0
    while i < len(text):
        if text[i] == "[":
            j = text.index("]", i)
            start = sum(len(x) for x in out)
            out.append(text[i + 1 : j])
            gold.append(["PERSON", start, start + j - i - 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out), gold


def main():
    rnd = random.Random(SEED)
    known = listed_words()
    rows = []
    for lang, frames in FRAMES.items():
        make = town_maker(lang, rnd, known)
        for f, frame in enumerate(frames):
            for n in range(PER_FRAME):
                town = make()
                start = frame.index("{T}")
                text = frame.replace("{T}", town)
                rows.append({"id": f"p15-{lang}-{f}-{n}", "split": "places15-tune",
                             "lang": lang, "text": text,
                             "gold": [["LOCATION", start, start + len(town)]],
                             "listed": False, "frame": f"{lang}-{f}"})
    for lang, texts in NEGATIVES.items():
        for i, raw in enumerate(texts):
            text, gold = negative(raw)
            rows.append({"id": f"p15-{lang}-neg-{i}", "split": "places15-tune",
                         "lang": lang, "text": text, "gold": gold, "frame": f"{lang}-neg"})
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in rows]
    with open(OUT, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"wrote {OUT}: {len(lines)} rows")


if __name__ == "__main__":
    main()
