#!/usr/bin/env python3
"""Writes a tuning-only set of Italian, Portuguese and French places (issue 14, round 12,
branch places13) to tests/data/places13-tune.jsonl.

Why: the held-out Italian LOCATION recall stayed at 0.750 for seven rounds, also after 4,299
small towns went into the list, so the misses are frames the pass does not read, not towns it
lacks. This set asks about frames the earlier sets (rounds 3-12) do not hold, one family per
hypothesis:

- a town with no preposition: a date line ("X, 3 maggio 2024", "Fait à X, le ..." aside), a
  postal line with a province in brackets and no street above it, "sede: X";
- a capitalised preposition opening a sentence or a line ("Da X a Y ...", "Em X ...", "A X
  ...", "À X ...");
- elisions and apostrophes ("ad X", "d'X", "all'Aquila", "Cava de' Tirreni");
- towns whose name holds a shape of its own ("X Terme", "X Marittima", "X al Mare", "X sul Y",
  "Marina di X", "X-les-Bains", "X-sur-Mer");
- towns after an administrative noun ("provincia di", "comune di", "concelho de",
  "distrito de", "commune de", a CAP / código postal / code postal line);
- travel verbs in a speaker's words ("parto per", "vou para", "je pars à");
- negatives in the same frames (months, jobs, products, offices, "empregado de mesa").

Towns are written here from general knowledge (real towns of Italy, Portugal, Brazil and
France), not read from the detector's list (data/gazetteer.txt) nor from the evaluation's
source (Python Faker); each row records whether the list holds the town (`listed`), so the
set has towns from the list and from outside it. The frames are this script's own.

This is a TUNING set: rules may be fitted to it. It is not a held-out measure.

    python3 scripts/build-places13-tune.py
    python3 scripts/score-names-eval.py --eval tests/data/places13-tune.jsonl --benign-kb 0
"""

import json
import re
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "places13-tune.jsonl")
GAZ = os.path.join(ROOT, "data", "gazetteer.txt")
SEED = 1312

TOWNS = {
    "it": [
        "Salsomaggiore Terme", "Montecatini Terme", "Abano Terme", "Chianciano Terme",
        "Rapolano Terme", "Castrocaro Terme", "Massa Marittima", "Francavilla al Mare",
        "Pietra Ligure", "Finale Ligure", "Passignano sul Trasimeno", "Tuoro sul Trasimeno",
        "Desenzano del Garda", "Riva del Garda", "Bassano del Grappa", "Cava de' Tirreni",
        "Castrignano de' Greci", "Sant'Agata de' Goti", "Marina di Pietrasanta",
        "Lido di Camaiore", "Forte dei Marmi", "Bagni di Lucca", "Porto Sant'Elpidio",
        "San Benedetto del Tronto", "Civitanova Marche", "Misano Adriatico", "Alba Adriatica",
        "Roseto degli Abruzzi", "Castel di Sangro", "Colle di Val d'Elsa", "Città di Castello",
        "Sesto San Giovanni", "Cinisello Balsamo", "Cologno Monzese", "San Donà di Piave",
        "Castelfranco Veneto", "Vittorio Veneto", "Cividale del Friuli", "Albano Laziale",
        "Genzano di Roma", "Guidonia Montecelio", "Palombara Sabina", "Poggio Mirteto",
        "Bagno a Ripoli", "Sesto Fiorentino", "Campi Bisenzio", "Poggibonsi", "Montepulciano",
        "Orbetello", "Castiglione della Pescaia", "Tarquinia", "Bagnoregio", "Sabaudia",
        "Sperlonga", "Terracina", "Ladispoli", "Cerveteri", "Montesilvano", "Lanciano",
        "Ortona", "Vasto", "Termoli", "Agnone", "Venafro", "Cassino", "Alatri", "Anagni",
        "Ceccano", "Pontecorvo", "Spoleto", "Foligno", "Gubbio", "Umbertide", "Bevagna",
        "Montefalco", "Norcia", "Cascia", "Narni", "Amelia", "Acquasparta", "Schio", "Thiene",
        "Arzignano", "Chioggia", "Montebelluna", "Conegliano", "Senigallia", "Cesenatico",
        "Cervia", "Giulianova", "Pescasseroli", "Sulmona", "Avezzano", "Tagliacozzo",
        "Scanno", "Roccaraso", "Vibo Valentia", "Castellammare di Stabia", "Torre del Greco",
        "Paderno Dugnano", "Novate Milanese", "Gardone Riviera", "Lignano Sabbiadoro",
    ],
    # Towns that open with a vowel, for "ad X", "d'X", "dell'X".
    "it-vowel": [
        "Ivrea", "Imola", "Empoli", "Arezzo", "Asti", "Ancona", "Udine", "Urbino", "Enna",
        "Ostuni", "Orvieto", "Alghero", "Ercolano", "Adria", "Aosta", "Avellino", "Iglesias",
        "Osimo", "Assisi", "Abbiategrasso",
    ],
    "pt": [
        "Viana do Castelo", "Ponte de Lima", "Arcos de Valdevez", "Monção", "Melgaço",
        "Caminha", "Esposende", "Barcelos", "Guimarães", "Fafe", "Vizela", "Santo Tirso",
        "Trofa", "Valongo", "Paredes", "Penafiel", "Amarante", "Marco de Canaveses",
        "Felgueiras", "Lousada", "Espinho", "Ovar", "Santa Maria da Feira",
        "São João da Madeira", "Oliveira de Azeméis", "Vale de Cambra", "Arouca", "Ílhavo",
        "Vagos", "Águeda", "Anadia", "Mealhada", "Cantanhede", "Figueira da Foz",
        "Montemor-o-Velho", "Lousã", "Penacova", "Mangualde", "Nelas", "Tondela", "Lamego",
        "Peso da Régua", "Mirandela", "Macedo de Cavaleiros", "Covilhã", "Fundão",
        "Idanha-a-Nova", "Portalegre", "Elvas", "Estremoz", "Montemor-o-Novo", "Serpa",
        "Mértola", "Odemira", "Sines", "Grândola", "Alcácer do Sal", "Palmela", "Sesimbra",
        "Seixal", "Barreiro", "Moita", "Montijo", "Alcochete", "Odivelas", "Mafra",
        "Ericeira", "Lourinhã", "Peniche", "Óbidos", "Caldas da Rainha", "Alcobaça",
        "Marinha Grande", "Pombal", "Batalha", "Ourém", "Abrantes", "Entroncamento",
        "Cartaxo", "Almeirim", "Benavente", "Loulé", "Albufeira", "Portimão", "Tavira",
        "Olhão", "Quarteira", "Angra do Heroísmo", "Ponta Delgada",
        # Brazil
        "Ribeirão Preto", "Sorocaba", "Jundiaí", "Piracicaba", "Bauru", "Londrina",
        "Maringá", "Joinville", "Blumenau", "Chapecó", "Caxias do Sul", "Pelotas",
        "Passo Fundo", "Uberlândia", "Juiz de Fora", "Montes Claros", "Feira de Santana",
        "Vitória da Conquista", "Campina Grande", "Caruaru", "Petrolina", "Mossoró",
        "Imperatriz", "Marabá", "Anápolis", "Rio Verde", "Dourados", "Rondonópolis",
    ],
    "fr": [
        "Saint-Étienne", "Aix-en-Provence", "Boulogne-sur-Mer", "Châlons-en-Champagne",
        "Le Puy-en-Velay", "L'Isle-sur-la-Sorgue", "Saint-Jean-de-Luz", "Bourg-en-Bresse",
        "Vaison-la-Romaine", "Évian-les-Bains", "Aix-les-Bains", "Digne-les-Bains",
        "Sarlat-la-Canéda", "Brive-la-Gaillarde", "Cherbourg-en-Cotentin", "Mont-de-Marsan",
        "La Roche-sur-Yon", "Les Sables-d'Olonne", "La Ciotat", "Le Havre", "Le Mans",
        "Dax", "Agen", "Albi", "Rodez", "Millau", "Annecy", "Chambéry", "Montélimar",
        "Carpentras", "Cavaillon", "Manosque", "Briançon", "Menton", "Antibes", "Grasse",
        "Fréjus", "Hyères", "Aubagne", "Arles", "Nîmes", "Alès", "Sète", "Béziers",
        "Narbonne", "Carcassonne", "Perpignan", "Foix", "Tarbes", "Lourdes", "Bayonne",
        "Biarritz", "Arcachon", "Libourne", "Périgueux", "Bergerac", "Cahors", "Montauban",
        "Tulle", "Limoges", "Guéret", "Angoulême", "Cognac", "Saintes", "Rochefort", "Niort",
        "Poitiers", "Châtellerault", "Blois", "Chartres", "Dreux", "Évreux", "Dieppe",
        "Fécamp", "Honfleur", "Lisieux", "Bayeux", "Granville", "Avranches", "Saint-Malo",
        "Dinan", "Vannes", "Lorient", "Quimper", "Morlaix", "Lannion", "Saint-Brieuc",
        "Laval", "Saumur", "Cholet", "Saint-Nazaire",
    ],
}

# {T} is the town; {V} a town that opens with a vowel (Italian elisions). Every frame holds
# one town; a second, fixed town is gold too (EXTRAS).
FRAMES = {
    "it": [
        # no preposition: date lines, address blocks, labels
        "{T}, 3 maggio 2024",
        "{T}, lì 18/09/2025",
        "Spett.le Officina Meccanica Bruni S.n.c.\n{T} (BG)",
        "sede: {T}",
        "Sede legale: {T} – P.IVA 01234560789",
        "Gentile cliente,\nla consegna è prevista per venerdì.\nMagazzino di {T}",
        # a capitalised preposition opening a sentence or a line
        "Da {T} a Milano ci vogliono tre ore in treno?",
        "A {T} c'è il mercato ogni giovedì mattina.",
        "In {T} hanno chiuso la statale per lavori.",
        "Per {T} conviene prendere il regionale delle 7.",
        "Ciao!\nDa {T} con affetto,\nSilvia",
        # administrative nouns and postal lines
        "Il comune di {T} ha pubblicato il bando.",
        "Abito in provincia di Verona, vicino a {T}.",
        "CAP 24020 {T}",
        "Residente nel comune di {T} dal 2019.",
        # travel verbs
        "Domani parto per {T} e torno domenica.",
        "Ci trasferiamo a {T} a settembre.",
        "Stasera rientro a {T}, ci vediamo lunedì.",
        "Siamo in vacanza a {T} fino al 20 agosto.",
        "Mi sono appena trasferita a {T}, conosci un buon medico?",
        "Che tempo fa a {T} questo weekend?",
        "Qual è il ristorante migliore di {T}?",
    ],
    "it-vowel": [
        "Domani vado ad {V} per un colloquio.",
        "Il sindaco d'{V} ha firmato l'ordinanza.",
        "Lavoro nell'ospedale di {V} da tre anni.",
        "Sono nato ad {V} ma vivo a Torino.",
    ],
    "pt": [
        "{T}, 12 de março de 2025",
        "{T}, 3 de maio de 2024.",
        "Sede: {T}",
        "Sede social: {T} – NIF 501234567",
        "Código postal: 4700-123 {T}",
        "Em {T} a feira é às quintas-feiras.",
        "De {T} até Lisboa são quantas horas de comboio?",
        "Na próxima semana vou para {T} em trabalho.",
        "Vou de {T} para o Porto amanhã cedo.",
        "Mudámo-nos para {T} no ano passado.",
        "A Câmara Municipal de {T} abriu um concurso.",
        "Moro no concelho de {T}, perto da escola.",
        "Fica no distrito de Braga, perto de {T}.",
        "Estamos de férias em {T} até dia 20.",
        "Qual é o melhor restaurante de {T}?",
        "Como está o tempo em {T} este fim de semana?",
        "Olá!\nUm abraço de {T},\nInês",
        "Acabei de me mudar para {T}, conhecem um bom médico?",
    ],
    "fr": [
        "{T}, le 3 mai 2024",
        "Fait à {T}, le 12 mars 2025.",
        "Siège social : {T}",
        "Code postal : 24100 {T}",
        "À {T}, le marché a lieu le jeudi matin.",
        "De {T} à Paris, il faut combien de temps en train ?",
        "En partant de {T}, prenez l'autoroute A7.",
        "Demain je pars à {T} pour un entretien.",
        "Nous avons déménagé à {T} l'an dernier.",
        "La mairie de {T} a publié l'avis.",
        "J'habite dans la commune de {T} depuis 2019.",
        "Nous sommes en vacances à {T} jusqu'au 20 août.",
        "Quel temps fait-il à {T} ce week-end ?",
        "Quel est le meilleur restaurant de {T} ?",
        "Bonjour !\nBises de {T},\nCamille",
        "Je viens de m'installer à {T}, tu connais un bon médecin ?",
    ],
}

NEGATIVES = {
    "it": [
        "Marzo, 3 maggio 2024",
        "Da Lunedì a Venerdì siamo aperti dalle 9 alle 18.",
        "A Natale il negozio resta chiuso.",
        "In Allegato trovi la fattura.",
        "Sede: Piano Terra",
        "Domani parto per Lavoro e torno domenica.",
        "Per Favore rispondi entro venerdì.",
        "Il comune di residenza va indicato nel modulo.",
    ],
    "pt": [
        "Arranjei trabalho como empregado de mesa em Agosto.",
        "Sou empregado de mesa há dez anos.",
        "Procura-se empregado de mesa com experiência.",
        "Em Anexo segue a fatura.",
        "De Segunda a Sexta das 9h às 18h.",
        "Sede: Piso Térreo",
        "Na próxima semana vou para Reunião com o cliente.",
    ],
    "fr": [
        "Mars, le 3 mai 2024",
        "À Bientôt, et merci encore !",
        "De Lundi à Vendredi, de 9 h à 18 h.",
        "En Pièce jointe, la facture.",
        "Siège social : Rez-de-chaussée",
        "Demain je pars à Midi pour le rendez-vous.",
    ],
    "en": [
        "I live in USA and work remotely.",
        "We moved to USA in 2019.",
    ],
}

EXTRAS = ["Milano", "Verona", "Torino", "Lisboa", "Porto", "Braga", "Paris"]
PEOPLE = ["Silvia", "Inês", "Camille"]


def listed():
    """Names data/gazetteer.txt holds as a place (c, r or s flags), in lower case."""
    out = set()
    with open(GAZ, encoding="utf-8") as f:
        for line in f:
            name, _, flags = line.rstrip("\n").partition("\t")
            if any(c in flags for c in "crs"):
                out.add(name)
    return out


def gold_of(frame, town, slot):
    text = frame.replace(slot, town)
    start = frame.index(slot)
    # A postal line's finding holds its code: "CAP 24020 X" is gold from the code on.
    code = re.search(r"(\d[\d-]+) $", frame[:start])
    gold = [["LOCATION", code.start(1) if code else start, start + len(town)]]
    rest = frame.replace(slot, "\0" * len(town))
    for word in EXTRAS:
        k = rest.find(word)
        if k >= 0:
            gold.append(["LOCATION", k, k + len(word)])
    for word in PEOPLE:
        k = rest.find("\n" + word)
        if k >= 0:
            gold.append(["PERSON", k + 1, k + 1 + len(word)])
    return text, sorted(gold, key=lambda g: g[1])


def main():
    rnd = random.Random(SEED)
    known = listed()
    rows = []
    for lang, fkey, tkey, slot, n in (
        ("it", "it", "it", "{T}", 2 * len(TOWNS["it"])),
        ("it", "it-vowel", "it-vowel", "{V}", 2 * len(TOWNS["it-vowel"])),
        ("pt", "pt", "pt", "{T}", 2 * len(TOWNS["pt"])),
        ("fr", "fr", "fr", "{T}", 2 * len(TOWNS["fr"])),
    ):
        towns = list(TOWNS[tkey])
        rnd.shuffle(towns)
        frames = FRAMES[fkey]
        for i in range(n):
            town = towns[i % len(towns)]
            frame = frames[(i + i // len(towns)) % len(frames)]
            text, gold = gold_of(frame, town, slot)
            rows.append({"id": f"p13-{fkey}-{i}", "split": "places13-tune", "lang": lang,
                         "text": text, "gold": gold,
                         "listed": town.lower() in known, "frame": frames.index(frame)})
    for lang, texts in NEGATIVES.items():
        for i, text in enumerate(texts):
            gold = []
            rows.append({"id": f"p13-{lang}-neg-{i}", "split": "places13-tune",
                         "lang": lang, "text": text, "gold": gold})
    # "I live in USA": the country is a place (gold), kept apart from the negatives above.
    for i, row in enumerate(rows):
        if row["lang"] == "en":
            k = row["text"].lower().find("usa")
            row["gold"] = [["LOCATION", k, k + 3]]
            row["id"] = f"p13-en-{i}"
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in rows]
    with open(OUT, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"wrote {OUT}: {len(lines)} rows")


if __name__ == "__main__":
    main()
