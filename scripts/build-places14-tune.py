#!/usr/bin/env python3
"""Writes a tuning-only set of Italian, Portuguese and French places (issue 14, round 13,
branch places14) to tests/data/places14-tune.jsonl.

Why: round 12 (places13) moved its own set's Italian LOCATION recall from 0.865 to 0.964 and
the held-out figure did not move from 0.750, so the sets tuned on so far share a blind spot.
Those sets are mostly one sentence of neutral prose per row, a capitalised town after a
preposition. This set writes the registers they lack, from how the languages are used:

- support tickets and complaints: a parcel stuck in a town, shipped from a town, a depot or
  pick-up point of a town, a tracking line ("In transito - X");
- forms and records: "Luogo di nascita: X", "nato/a a X (BA) il ...", a residence line with a
  street, a CAP, a town and a province code, "Naturalidade:", "freguesia de X, concelho de
  Y", "Lieu de naissance :", "né à X (69)", "75008 Paris Cedex 08";
- travel and bookings: two towns joined by a dash or an en dash ("volo Roma–Catania",
  "Biglietto Bari - Lecce"), "treno per X", "soggiorno a X", "check-in a X";
- chat: lower case throughout ("sono a bari", "tô em recife", "je suis à lyon"), and
  abbreviated towns ("S. Giovanni Rotondo", "S.Maria Capua Vetere", "Reggio C.");
- multi-word, hyphenated towns and towns with an article (La Spezia, L'Aquila, Le Creusot);
- foreign places in each language's own forms and articles ("a Parigi", "negli Stati Uniti",
  "al Cairo", "nos Estados Unidos", "aux États-Unis"), regions and provinces ("in Puglia",
  "nelle Marche", "no Alentejo", "en Bretagne", "in provincia di Lecce");
- Brazilian town / state forms ("Campinas - SP", "Campinas/SP", "em SP").

Towns and frames are written here from general knowledge of the languages and countries, not
read from the detector's list (data/gazetteer.txt), nor from the evaluation's source, nor
from any held-out file; each row records whether the list holds its first place (`listed`).

This is a TUNING set: rules may be fitted to it. It is not a held-out measure.

    python3 scripts/build-places14-tune.py
    python3 scripts/score-names-eval.py --eval tests/data/places14-tune.jsonl --benign-kb 0
"""

import importlib.util
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "places14-tune.jsonl")
SEED = 1413
PER_FRAME = 6

# Italian towns with their province code (sigla) and a CAP of the right shape.
IT_TOWNS = [
    ("Bologna", "BO", "40121"), ("Prato", "PO", "59100"), ("Piacenza", "PC", "29121"),
    ("Lecce", "LE", "73100"), ("Trani", "BT", "76125"), ("Catania", "CT", "95121"),
    ("Bari", "BA", "70121"), ("Brindisi", "BR", "72100"), ("Taranto", "TA", "74121"),
    ("Matera", "MT", "75100"), ("Potenza", "PZ", "85100"), ("Cosenza", "CS", "87100"),
    ("Crotone", "KR", "88900"), ("Siracusa", "SR", "96100"), ("Ragusa", "RG", "97100"),
    ("Trapani", "TP", "91100"), ("Marsala", "TP", "91025"), ("Agrigento", "AG", "92100"),
    ("Nuoro", "NU", "08100"), ("Oristano", "OR", "09170"), ("Sassari", "SS", "07100"),
    ("Olbia", "SS", "07026"), ("Pordenone", "PN", "33170"), ("Treviso", "TV", "31100"),
    ("Belluno", "BL", "32100"), ("Rovigo", "RO", "45100"), ("Ferrara", "FE", "44121"),
    ("Ravenna", "RA", "48121"), ("Forlì", "FC", "47121"), ("Rimini", "RN", "47921"),
    ("Pesaro", "PU", "61121"), ("Fano", "PU", "61032"), ("Macerata", "MC", "62100"),
    ("Fermo", "FM", "63900"), ("Teramo", "TE", "64100"), ("Chieti", "CH", "66100"),
    ("Pescara", "PE", "65121"), ("Isernia", "IS", "86170"), ("Campobasso", "CB", "86100"),
    ("Benevento", "BN", "82100"), ("Caserta", "CE", "81100"), ("Salerno", "SA", "84121"),
    ("Battipaglia", "SA", "84091"), ("Aversa", "CE", "81031"), ("Pozzuoli", "NA", "80078"),
    ("Andria", "BT", "76123"), ("Barletta", "BT", "76121"), ("Bisceglie", "BT", "76011"),
    ("Molfetta", "BA", "70056"), ("Monopoli", "BA", "70043"), ("Altamura", "BA", "70022"),
    ("Gravina in Puglia", "BA", "70024"), ("Martina Franca", "TA", "74015"),
    ("Manduria", "TA", "74024"), ("Gallipoli", "LE", "73014"), ("Nardò", "LE", "73048"),
    ("Galatina", "LE", "73013"), ("Otranto", "LE", "73028"), ("Cerignola", "FG", "71042"),
    ("Foggia", "FG", "71121"), ("Lucera", "FG", "71036"), ("Manfredonia", "FG", "71043"),
    ("Lamezia Terme", "CZ", "88046"), ("Cremona", "CR", "26100"), ("Lodi", "LO", "26900"),
    ("Pavia", "PV", "27100"), ("Vigevano", "PV", "27029"), ("Voghera", "PV", "27058"),
    ("Varese", "VA", "21100"), ("Lecco", "LC", "23900"), ("Sondrio", "SO", "23100"),
    ("Bergamo", "BG", "24121"), ("Brescia", "BS", "25121"), ("Mantova", "MN", "46100"),
    ("Novara", "NO", "28100"), ("Vercelli", "VC", "13100"), ("Biella", "BI", "13900"),
    ("Cuneo", "CN", "12100"), ("Savona", "SV", "17100"), ("Imperia", "IM", "18100"),
    ("Sanremo", "IM", "18038"), ("Chiavari", "GE", "16043"), ("Rapallo", "GE", "16035"),
    ("Sarzana", "SP", "19038"), ("Carrara", "MS", "54033"), ("Viareggio", "LU", "55049"),
    ("Lucca", "LU", "55100"), ("Pistoia", "PT", "51100"), ("Livorno", "LI", "57121"),
    ("Grosseto", "GR", "58100"), ("Siena", "SI", "53100"), ("Reggio Emilia", "RE", "42121"),
    ("Reggio Calabria", "RC", "89121"), ("Cortina d'Ampezzo", "BL", "32043"),
    ("La Spezia", "SP", "19121"), ("L'Aquila", "AQ", "67100"),
    ("San Giovanni Rotondo", "FG", "71013"), ("Santa Maria Capua Vetere", "CE", "81055"),
    ("Castel San Pietro Terme", "BO", "40024"), ("Barcellona Pozzo di Gotto", "ME", "98051"),
    ("Porto Torres", "SS", "07046"), ("Montecchio Maggiore", "VI", "36075"),
    ("Cassano d'Adda", "MI", "20062"), ("Gioia del Colle", "BA", "70023"),
    ("Acquaviva delle Fonti", "BA", "70021"), ("Ceglie Messapica", "BR", "72013"),
    ("Casarano", "LE", "73042"), ("Tricase", "LE", "73039"), ("Castel Volturno", "CE", "81030"),
    ("Mondragone", "CE", "81034"), ("Sorrento", "NA", "80067"), ("Vico Equense", "NA", "80069"),
    ("Torre Annunziata", "NA", "80058"), ("Nocera Inferiore", "SA", "84014"),
    ("Giugliano in Campania", "NA", "80014"), ("Pomigliano d'Arco", "NA", "80038"),
    ("Agropoli", "SA", "84043"), ("Villa San Giovanni", "RC", "89018"), ("Palmi", "RC", "89015"),
    ("Gioia Tauro", "RC", "89013"), ("Siderno", "RC", "89048"), ("Praia a Mare", "CS", "87028"),
    ("Corigliano-Rossano", "CS", "87064"), ("Bagheria", "PA", "90011"),
    ("Termini Imerese", "PA", "90018"), ("Cefalù", "PA", "90015"), ("Sciacca", "AG", "92019"),
    ("Licata", "AG", "92027"), ("Gela", "CL", "93012"), ("Vittoria", "RG", "97019"),
    ("Modica", "RG", "97015"), ("Noto", "SR", "96017"), ("Avola", "SR", "96012"),
    ("Acireale", "CT", "95024"), ("Paternò", "CT", "95047"), ("Caltagirone", "CT", "95041"),
    ("Milazzo", "ME", "98057"), ("Taormina", "ME", "98039"), ("Reggio nell'Emilia", "RE", "42121"),
    ("Sesto Calende", "VA", "21018"), ("Trezzo sull'Adda", "MI", "20056"),
    ("Castiglione delle Stiviere", "MN", "46043"), ("Piove di Sacco", "PD", "35028"),
]
# Abbreviated spellings in chat and forms: (written form, the town it stands for).
IT_ABBREV = [
    "S. Giovanni Rotondo", "S.Maria Capua Vetere", "S. Maria Capua Vetere", "Reggio C.",
    "Reggio E.", "S. Benedetto del Tronto", "S. Donà di Piave", "Castel S. Pietro Terme",
    "S. Severo", "S.Giorgio a Cremano",
]
# Foreign places and regions, with the preposition an Italian sentence puts before them:
# (the words "in/at", the words "from", the name inside them).
IT_ABROAD = [
    ("a Parigi", "da Parigi", "Parigi"), ("a Londra", "da Londra", "Londra"),
    ("a Berlino", "da Berlino", "Berlino"), ("a Monaco di Baviera", "da Monaco di Baviera",
                                             "Monaco di Baviera"),
    ("a Vienna", "da Vienna", "Vienna"), ("a Barcellona", "da Barcellona", "Barcellona"),
    ("a Lisbona", "da Lisbona", "Lisbona"), ("a Bruxelles", "da Bruxelles", "Bruxelles"),
    ("a Praga", "da Praga", "Praga"), ("a Varsavia", "da Varsavia", "Varsavia"),
    ("a Mosca", "da Mosca", "Mosca"), ("ad Atene", "da Atene", "Atene"),
    ("al Cairo", "dal Cairo", "Cairo"), ("a New York", "da New York", "New York"),
    ("negli Stati Uniti", "dagli Stati Uniti", "Stati Uniti"),
    ("nel Regno Unito", "dal Regno Unito", "Regno Unito"),
    ("nei Paesi Bassi", "dai Paesi Bassi", "Paesi Bassi"),
    ("in Germania", "dalla Germania", "Germania"), ("in Francia", "dalla Francia", "Francia"),
    ("in Spagna", "dalla Spagna", "Spagna"), ("in Svizzera", "dalla Svizzera", "Svizzera"),
    ("in Belgio", "dal Belgio", "Belgio"), ("in Grecia", "dalla Grecia", "Grecia"),
    ("in Croazia", "dalla Croazia", "Croazia"), ("in Albania", "dall'Albania", "Albania"),
    ("in Romania", "dalla Romania", "Romania"), ("in Marocco", "dal Marocco", "Marocco"),
    ("in Tunisia", "dalla Tunisia", "Tunisia"), ("in Brasile", "dal Brasile", "Brasile"),
    ("in Argentina", "dall'Argentina", "Argentina"), ("in Cina", "dalla Cina", "Cina"),
    ("in Giappone", "dal Giappone", "Giappone"), ("in Inghilterra", "dall'Inghilterra",
                                                  "Inghilterra"),
    ("in Puglia", "dalla Puglia", "Puglia"), ("in Sicilia", "dalla Sicilia", "Sicilia"),
    ("in Sardegna", "dalla Sardegna", "Sardegna"), ("in Calabria", "dalla Calabria", "Calabria"),
    ("in Basilicata", "dalla Basilicata", "Basilicata"), ("in Abruzzo", "dall'Abruzzo",
                                                          "Abruzzo"),
    ("nelle Marche", "dalle Marche", "Marche"), ("in Umbria", "dall'Umbria", "Umbria"),
    ("in Toscana", "dalla Toscana", "Toscana"), ("nel Lazio", "dal Lazio", "Lazio"),
    ("in Liguria", "dalla Liguria", "Liguria"), ("in Piemonte", "dal Piemonte", "Piemonte"),
    ("in Lombardia", "dalla Lombardia", "Lombardia"), ("in Veneto", "dal Veneto", "Veneto"),
    ("in Emilia-Romagna", "dall'Emilia-Romagna", "Emilia-Romagna"),
    ("in Friuli", "dal Friuli", "Friuli"), ("in Valle d'Aosta", "dalla Valle d'Aosta",
                                            "Valle d'Aosta"),
    ("in Trentino", "dal Trentino", "Trentino"), ("in Molise", "dal Molise", "Molise"),
]

PT_TOWNS = [
    ("Viseu", "3500-001"), ("Guarda", "6300-001"), ("Bragança", "5300-001"),
    ("Chaves", "5400-001"), ("Vila Real", "5000-001"), ("Castelo Branco", "6000-001"),
    ("Santarém", "2000-001"), ("Leiria", "2400-001"), ("Coimbra", "3000-001"),
    ("Aveiro", "3800-001"), ("Setúbal", "2900-001"), ("Évora", "7000-001"),
    ("Beja", "7800-001"), ("Faro", "8000-001"), ("Funchal", "9000-001"),
    ("Vila Nova de Gaia", "4400-001"), ("Matosinhos", "4450-001"), ("Gondomar", "4420-001"),
    ("Póvoa de Varzim", "4490-001"), ("Vila do Conde", "4480-001"), ("Oeiras", "2780-001"),
    ("Cascais", "2750-001"), ("Sintra", "2710-001"), ("Amadora", "2700-001"),
    ("Loures", "2670-001"), ("Almada", "2800-001"), ("Torres Vedras", "2560-001"),
    ("Torres Novas", "2350-001"), ("Tomar", "2300-001"), ("Nazaré", "2450-001"),
    ("Vila Franca de Xira", "2600-001"), ("Rio Maior", "2040-001"), ("Ponte de Sor", "7400-001"),
    ("Vila Nova de Famalicão", "4760-001"), ("São Pedro do Sul", "3660-001"),
    ("Oliveira do Hospital", "3400-001"), ("Vila Real de Santo António", "8900-001"),
    ("Lagos", "8600-001"), ("Silves", "8300-001"), ("Reguengos de Monsaraz", "7200-001"),
    ("Vendas Novas", "7080-001"), ("Azambuja", "2050-001"), ("Alenquer", "2580-001"),
    ("Proença-a-Nova", "6150-001"), ("Albergaria-a-Velha", "3850-001"),
    ("Sever do Vouga", "3740-001"), ("Castelo de Paiva", "4550-001"), ("Montalegre", "5470-001"),
    ("Sabugal", "6320-001"), ("Trancoso", "6420-001"), ("Pinhel", "6400-001"),
    ("Seia", "6270-001"), ("Gouveia", "6290-001"), ("Idanha-a-Nova", "6060-001"),
    ("Montemor-o-Velho", "3140-001"), ("Vila Nova de Cerveira", "4920-001"),
]
# Brazilian towns with their state (UF) and a CEP of the right shape.
BR_TOWNS = [
    ("Campinas", "SP", "13010-000"), ("Santos", "SP", "11010-000"),
    ("São José dos Campos", "SP", "12210-000"), ("Niterói", "RJ", "24020-000"),
    ("Petrópolis", "RJ", "25610-000"), ("Duque de Caxias", "RJ", "25010-000"),
    ("Nova Iguaçu", "RJ", "26210-000"), ("Belo Horizonte", "MG", "30110-000"),
    ("Contagem", "MG", "32010-000"), ("Curitiba", "PR", "80010-000"),
    ("Porto Alegre", "RS", "90010-000"), ("Florianópolis", "SC", "88010-000"),
    ("Salvador", "BA", "40010-000"), ("Recife", "PE", "50010-000"), ("Olinda", "PE", "53010-000"),
    ("Fortaleza", "CE", "60010-000"), ("Natal", "RN", "59010-000"),
    ("João Pessoa", "PB", "58010-000"), ("Maceió", "AL", "57010-000"),
    ("Aracaju", "SE", "49010-000"), ("Teresina", "PI", "64000-000"),
    ("São Luís", "MA", "65010-000"), ("Belém", "PA", "66010-000"), ("Manaus", "AM", "69010-000"),
    ("Goiânia", "GO", "74010-000"), ("Cuiabá", "MT", "78005-000"),
    ("Campo Grande", "MS", "79002-000"), ("Vila Velha", "ES", "29100-000"),
    ("Governador Valadares", "MG", "35010-000"), ("Ipatinga", "MG", "35160-000"),
    ("Sete Lagoas", "MG", "35700-000"), ("Poços de Caldas", "MG", "37701-000"),
    ("Foz do Iguaçu", "PR", "85851-000"), ("Cascavel", "PR", "85801-000"),
    ("Ponta Grossa", "PR", "84010-000"), ("Novo Hamburgo", "RS", "93510-000"),
    ("São Leopoldo", "RS", "93010-000"), ("Canoas", "RS", "92010-000"),
    ("Itajaí", "SC", "88301-000"), ("Balneário Camboriú", "SC", "88330-000"),
    ("Criciúma", "SC", "88801-000"), ("Volta Redonda", "RJ", "27210-000"),
    ("Macaé", "RJ", "27910-000"), ("Cabo Frio", "RJ", "28905-000"),
    ("Angra dos Reis", "RJ", "23900-000"), ("Campos dos Goytacazes", "RJ", "28010-000"),
    ("São Gonçalo", "RJ", "24410-000"), ("Mogi das Cruzes", "SP", "08710-000"),
    ("Guarulhos", "SP", "07010-000"), ("Osasco", "SP", "06010-000"),
    ("Santo André", "SP", "09010-000"), ("São Bernardo do Campo", "SP", "09710-000"),
    ("Taubaté", "SP", "12010-000"), ("Araraquara", "SP", "14801-000"),
    ("São Carlos", "SP", "13560-000"), ("Presidente Prudente", "SP", "19010-000"),
    ("Marília", "SP", "17500-000"), ("Limeira", "SP", "13480-000"),
    ("Indaiatuba", "SP", "13330-000"), ("Rio de Janeiro", "RJ", "20010-000"),
]
PT_ABROAD = [
    ("em Paris", "de Paris", "Paris"), ("em Londres", "de Londres", "Londres"),
    ("em Berlim", "de Berlim", "Berlim"), ("em Genebra", "de Genebra", "Genebra"),
    ("em Madrid", "de Madrid", "Madrid"), ("em Roma", "de Roma", "Roma"),
    ("em Nova Iorque", "de Nova Iorque", "Nova Iorque"),
    ("nos Estados Unidos", "dos Estados Unidos", "Estados Unidos"),
    ("no Reino Unido", "do Reino Unido", "Reino Unido"),
    ("na Alemanha", "da Alemanha", "Alemanha"), ("na França", "da França", "França"),
    ("na Suíça", "da Suíça", "Suíça"), ("no Luxemburgo", "do Luxemburgo", "Luxemburgo"),
    ("na Bélgica", "da Bélgica", "Bélgica"), ("em Angola", "de Angola", "Angola"),
    ("em Moçambique", "de Moçambique", "Moçambique"), ("no Canadá", "do Canadá", "Canadá"),
    ("na Holanda", "da Holanda", "Holanda"), ("em Espanha", "de Espanha", "Espanha"),
    ("no Alentejo", "do Alentejo", "Alentejo"), ("no Algarve", "do Algarve", "Algarve"),
    ("em Trás-os-Montes", "de Trás-os-Montes", "Trás-os-Montes"),
    ("no Minho", "do Minho", "Minho"), ("nos Açores", "dos Açores", "Açores"),
    ("na Madeira", "da Madeira", "Madeira"), ("em Minas Gerais", "de Minas Gerais",
                                              "Minas Gerais"),
    ("na Bahia", "da Bahia", "Bahia"), ("no Paraná", "do Paraná", "Paraná"),
    ("em Santa Catarina", "de Santa Catarina", "Santa Catarina"),
    ("no Rio Grande do Sul", "do Rio Grande do Sul", "Rio Grande do Sul"),
    ("em Pernambuco", "de Pernambuco", "Pernambuco"), ("no Ceará", "do Ceará", "Ceará"),
    ("em Goiás", "de Goiás", "Goiás"), ("no Espírito Santo", "do Espírito Santo",
                                        "Espírito Santo"),
]

# French towns with their département number (and a postcode of the right shape).
FR_TOWNS = [
    ("Saint-Étienne-du-Rouvray", "76", "76800"), ("Villeurbanne", "69", "69100"),
    ("Vénissieux", "69", "69200"), ("Villeneuve-d'Ascq", "59", "59650"),
    ("Roubaix", "59", "59100"), ("Tourcoing", "59", "59200"), ("Dunkerque", "59", "59140"),
    ("Calais", "62", "62100"), ("Arras", "62", "62000"), ("Amiens", "80", "80000"),
    ("Beauvais", "60", "60000"), ("Compiègne", "60", "60200"), ("Soissons", "02", "02200"),
    ("Reims", "51", "51100"), ("Troyes", "10", "10000"), ("Metz", "57", "57000"),
    ("Nancy", "54", "54000"), ("Épinal", "88", "88000"), ("Colmar", "68", "68000"),
    ("Mulhouse", "68", "68100"), ("Besançon", "25", "25000"), ("Dijon", "21", "21000"),
    ("Mâcon", "71", "71000"), ("Chalon-sur-Saône", "71", "71100"), ("Nevers", "58", "58000"),
    ("Bourges", "18", "18000"), ("Orléans", "45", "45000"), ("Tours", "37", "37000"),
    ("Angers", "49", "49000"), ("Nantes", "44", "44000"), ("Rennes", "35", "35000"),
    ("Brest", "29", "29200"), ("Caen", "14", "14000"), ("Rouen", "76", "76000"),
    ("Alençon", "61", "61000"), ("Saint-Lô", "50", "50000"), ("La Rochelle", "17", "17000"),
    ("Pau", "64", "64000"), ("Toulouse", "31", "31000"), ("Montpellier", "34", "34000"),
    ("Avignon", "84", "84000"), ("Marseille", "13", "13001"), ("Toulon", "83", "83000"),
    ("Nice", "06", "06000"), ("Cannes", "06", "06400"), ("Grenoble", "38", "38000"),
    ("Valence", "26", "26000"), ("Clermont-Ferrand", "63", "63000"), ("Vichy", "03", "03200"),
    ("Aurillac", "15", "15000"), ("Aubervilliers", "93", "93300"), ("Montreuil", "93", "93100"),
    ("Créteil", "94", "94000"), ("Boulogne-Billancourt", "92", "92100"),
    ("Issy-les-Moulineaux", "92", "92130"), ("Neuilly-sur-Seine", "92", "92200"),
    ("Saint-Germain-en-Laye", "78", "78100"), ("Versailles", "78", "78000"),
    ("Argenteuil", "95", "95100"), ("Nanterre", "92", "92000"), ("Cergy", "95", "95000"),
    ("Massy", "91", "91300"), ("Fontainebleau", "77", "77300"), ("Meaux", "77", "77100"),
    ("Sainte-Geneviève-des-Bois", "91", "91700"), ("Saint-Maur-des-Fossés", "94", "94100"),
    ("Villejuif", "94", "94800"), ("Vitry-sur-Seine", "94", "94400"),
    ("Ivry-sur-Seine", "94", "94200"), 
    ("Saint-Herblain", "44", "44800"), ("Rezé", "44", "44400"),
    ("Noisy-le-Grand", "93", "93160"), ("Saint-Quentin", "02", "02100"),
    ("Charleville-Mézières", "08", "08000"), ("Bar-le-Duc", "55", "55000"),
    ("Lons-le-Saunier", "39", "39000"), ("Bourg-Saint-Maurice", "73", "73700"),
    ("Chamonix-Mont-Blanc", "74", "74400"),
    ("Pont-à-Mousson", "54", "54700"),
    ("Clichy-sous-Bois", "93", "93390"), ("Saint-Ouen-sur-Seine", "93", "93400"),
]
FR_ABROAD = [
    ("à Londres", "de Londres", "Londres"), ("à Berlin", "de Berlin", "Berlin"),
    ("à Genève", "de Genève", "Genève"), ("à Bruxelles", "de Bruxelles", "Bruxelles"),
    ("à Rome", "de Rome", "Rome"), ("à Lisbonne", "de Lisbonne", "Lisbonne"),
    ("à Montréal", "de Montréal", "Montréal"), ("au Caire", "du Caire", "Caire"),
    ("aux États-Unis", "des États-Unis", "États-Unis"),
    ("au Royaume-Uni", "du Royaume-Uni", "Royaume-Uni"),
    ("aux Pays-Bas", "des Pays-Bas", "Pays-Bas"), ("en Allemagne", "d'Allemagne", "Allemagne"),
    ("en Espagne", "d'Espagne", "Espagne"), ("en Italie", "d'Italie", "Italie"),
    ("en Suisse", "de Suisse", "Suisse"), ("en Belgique", "de Belgique", "Belgique"),
    ("au Maroc", "du Maroc", "Maroc"), ("en Algérie", "d'Algérie", "Algérie"),
    ("en Tunisie", "de Tunisie", "Tunisie"), ("au Sénégal", "du Sénégal", "Sénégal"),
    ("au Québec", "du Québec", "Québec"), ("en Bretagne", "de Bretagne", "Bretagne"),
    ("en Normandie", "de Normandie", "Normandie"), ("en Alsace", "d'Alsace", "Alsace"),
    ("en Provence", "de Provence", "Provence"), ("en Haute-Savoie", "de Haute-Savoie",
                                                  "Haute-Savoie"),
    ("en Île-de-France", "d'Île-de-France", "Île-de-France"),
    ("en Auvergne", "d'Auvergne", "Auvergne"), ("en Corse", "de Corse", "Corse"),
    ("en Vendée", "de Vendée", "Vendée"), ("dans le Var", "du Var", "Var"),
    ("dans le Finistère", "du Finistère", "Finistère"),
]

# Frames. {T}/{T2}: towns as written; {t}/{t2}: the same in lower case; {A}: an abbreviated
# Italian town; {P}: its province / state / département; {C}: its postal code; {IN}/{FROM}:
# a foreign place or region with its preposition. Every slot but {P} and {C} is gold; an
# address or a postal line is written between [[ and ]] and is one gold place.
FRAMES = {
    "it": [
        # tickets and complaints
        "Buongiorno, il pacco è fermo a {T} da tre giorni, potete verificare?",
        "Ordine n. 48213 spedito da {T} il 4 novembre e mai arrivato.",
        "Consegna prevista presso il magazzino di {T} entro venerdì.",
        "Il corriere dice che la merce è in giacenza a {T}.",
        "Stato spedizione: in transito - {T}",
        "Ho ritirato il pacco al punto di ritiro di {T} ma era aperto.",
        "Reclamo: il tecnico doveva venire a {T} martedì e nessuno si è presentato.",
        "La filiale di {T} non risponde né al telefono né alle mail.",
        # forms and records
        "Luogo di nascita: {T}",
        "Nato a {T} ({P}) il 12/03/1985",
        "nata a {T} ({P}) il 04.07.1990",
        "Comune di residenza: {T}",
        "Residente in [[Via Roma 14 - {C} {T} {P}]]",
        "Domicilio: {T} ({P})",
        "{T}, lì 14/02/2025\nIn fede",
        "Indirizzo di spedizione: [[Corso Italia 27, {C} {T} ({P})]]",
        "Il sottoscritto, residente a {T} in [[Piazza Garibaldi 3]], dichiara quanto segue.",
        # travel and bookings
        "Volo {T}–{T2} del 12 dicembre, posto 14C.",
        "Biglietto {T} - {T2} andata e ritorno",
        "Ho preso il treno per {T} delle 8:15 ma è in ritardo.",
        "Soggiorno a {T} dal 3 al 7 luglio, 2 adulti e un bambino.",
        "Arrivo alla stazione di {T} alle 18.40, qualcuno mi viene a prendere?",
        "Cerco un passaggio da {T} a {T2} sabato mattina.",
        # chat, lower case and abbreviations
        "sono a {t} fino a domenica",
        "stasera torno a {t}, ci sentiamo domani",
        "abito a {t} ma lavoro a {t2}",
        "raga qualcuno è di {t}?",
        "Ci vediamo a {A} sabato?",
        "Lavoro all'ospedale di {A} da due anni.",
        "Abito a {A} con mia madre.",
        # foreign places and regions in Italian forms
        "Mio fratello vive {IN} da cinque anni.",
        "Ci siamo trasferiti {IN} l'anno scorso.",
        "Sono appena tornata {FROM}, che viaggio!",
        "Abito in provincia di {T}, in un paesino.",
        "Da {T} partiamo domani mattina presto.",
    ],
    "pt": [
        # tickets
        "Bom dia, a encomenda está parada em {T} há três dias.",
        "O pedido foi enviado de {T} no dia 4 e ainda não chegou.",
        "A entrega está prevista no centro de distribuição de {T}.",
        "Estado: em trânsito - {T}",
        "Reclamação: o técnico devia ter vindo a {T} na terça e ninguém apareceu.",
        # forms
        "Naturalidade: {T}",
        "Freguesia de {T}, concelho de {T2}",
        "Local de nascimento: {T}",
        "Residente em {T} desde 2015.",
        "Morada: [[Rua das Flores, 23, {C} {T}]]",
        "Nasceu em {T} a 3 de maio de 1980.",
        # travel
        "Voo [[Lisboa]]–{T} de 12 de dezembro, lugar 14C.",
        "Comprei bilhete de comboio para {T} às 8h15.",
        "Estadia em {T} de 3 a 7 de julho, dois adultos.",
        "Chego à estação de {T} às 18h40.",
        # chat
        "estou em {t} até domingo",
        "sou de {t} mas moro em {t2}",
        "alguém aqui é de {t}?",
        # abroad and regions
        "O meu irmão vive {IN} há cinco anos.",
        "Vivemos {IN} desde o ano passado.",
        "Acabei de chegar {FROM}, que viagem!",
    ],
    "br": [
        "{T} - {P}",
        "{T}/{P}, 15 de março de 2025",
        "[[CEP {C}, {T} - {P}]]",
        "Endereço: [[Av. Brasil, 1500, apto 32 - {T}/{P}]]",
        "Nasci em {T} ({P}) e moro em [[São Paulo]].",
        "tô em {t} até sexta",
        "A encomenda saiu de {T} - {P} e está parada.",
        "Passagem de ônibus para {T}, saída às 22h.",
        "Moro em [[SP]] faz dez anos, mas sou de {T}.",
    ],
    "fr": [
        # tickets
        "Bonjour, le colis est bloqué à {T} depuis trois jours.",
        "Commande expédiée depuis {T} le 4 novembre, toujours pas reçue.",
        "Livraison prévue au dépôt de {T} vendredi.",
        "Statut : en transit - {T}",
        "Réclamation : le technicien devait passer à {T} mardi, personne n'est venu.",
        # forms
        "Lieu de naissance : {T}",
        "Né le 3 mai 1980 à {T} ({P})",
        "née à {T} ({P}) le 04/07/1990",
        "Domicilié à {T} depuis 2015.",
        "Adresse : [[12 rue Victor Hugo, {C} {T}]]",
        "CS 12345 – [[{C} {T} Cedex]]",
        "Fait à {T}, le 14/02/2025",
        # travel
        "Vol [[Paris]]–{T} du 12 décembre, siège 14C.",
        "J'ai pris le train pour {T} de 8 h 15.",
        "Séjour à {T} du 3 au 7 juillet, deux adultes.",
        "J'arrive à la gare de {T} à 18 h 40.",
        # chat
        "je suis à {t} jusqu'à dimanche",
        "qqn est de {t} ici ?",
        # abroad and regions
        "Mon frère vit {IN} depuis cinq ans.",
        "Nous avons déménagé {IN} l'an dernier.",
        "Je rentre tout juste {FROM}, quel voyage !",
    ],
}

# Negatives: the same registers with no place (floors, months, products, offices).
NEGATIVES = {
    "it": [
        "Sede legale: Piano Terra",
        "Sede: Primo Piano, scala B",
        "Sede legale: Piano Nobile",
        "Ufficio: Piano Terra, stanza 4",
        "Stato spedizione: in consegna",
        "Consegna prevista presso il magazzino centrale entro venerdì.",
        "Luogo di nascita: vedi documento allegato",
        "Il pacco è fermo in dogana da tre giorni.",
        "Da Lunedì riapriamo con orario continuato.",
        "Da Domani cambia l'orario del negozio.",
        "sono a casa fino a domenica",
        "stasera torno a lavoro, ci sentiamo domani",
    ],
    "pt": [
        "Estado: em trânsito",
        "Sede: Rés-do-chão",
        "Local de nascimento: ver documento",
        "estou em casa até domingo",
        "A entrega está prevista no centro de distribuição regional.",
    ],
    "fr": [
        "Statut : en transit",
        "Siège : Rez-de-chaussée, bureau 4",
        "Lieu de naissance : voir pièce jointe",
        "je suis à la maison jusqu'à dimanche",
        "Livraison prévue au dépôt central vendredi.",
    ],
}


def listed():
    """Names data/gazetteer.txt holds as a place, in lower case (round 12's reader)."""
    spec = importlib.util.spec_from_file_location(
        "places13", os.path.join(ROOT, "scripts", "build-places13-tune.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.listed()


def fill(frame, slots):
    """The frame's text and its gold spans. `slots` maps a slot to (text, name inside it).
    Text between "[[" and "]]" (an address or a postal line) is one gold place, whatever
    slots it holds."""
    out, gold, pos, i, group = [], [], 0, 0, None
    while i < len(frame):
        if frame.startswith("[[", i):
            group = pos
            i += 2
        elif frame.startswith("]]", i):
            gold.append(["LOCATION", group, pos])
            group = None
            i += 2
        elif frame[i] == "{":
            j = frame.index("}", i)
            key = frame[i + 1 : j]
            text, name = slots[key]
            if group is None and key not in ("P", "C"):
                k = text.index(name)
                gold.append(["LOCATION", pos + k, pos + k + len(name)])
            out.append(text)
            pos += len(text)
            i = j + 1
        else:
            out.append(frame[i])
            pos += 1
            i += 1
    return "".join(out), sorted(gold, key=lambda g: g[1])


def main():
    rnd = random.Random(SEED)
    known = listed()
    rows = []
    sources = {
        "it": [(t, p, c) for t, p, c in IT_TOWNS],
        "pt": [(t, "", c) for t, c in PT_TOWNS],
        "br": list(BR_TOWNS),
        "fr": list(FR_TOWNS),
    }
    abroad = {"it": IT_ABROAD, "pt": PT_ABROAD, "br": PT_ABROAD, "fr": FR_ABROAD}
    for key, frames in FRAMES.items():
        lang = "pt" if key == "br" else key
        towns = sources[key]
        for f, frame in enumerate(frames):
            for n in range(PER_FRAME):
                t, p, c = rnd.choice(towns)
                t2 = rnd.choice([x for x in towns if x[0] != t])[0]
                a_in, a_from, a_name = rnd.choice(abroad[key])
                abbrev = rnd.choice(IT_ABBREV)
                slots = {
                    "T": (t, t), "T2": (t2, t2), "t": (t.lower(), t.lower()),
                    "t2": (t2.lower(), t2.lower()), "P": (p, p), "C": (c, c),
                    "IN": (a_in, a_name), "FROM": (a_from, a_name),
                    "A": (abbrev, abbrev.rstrip(".") if abbrev.endswith("C.") or
                          abbrev.endswith("E.") else abbrev),
                }
                text, gold = fill(frame, slots)
                first = a_name if "{IN}" in frame or "{FROM}" in frame else (
                    abbrev if "{A}" in frame else t)
                rows.append({"id": f"p14-{key}-{f}-{n}", "split": "places14-tune",
                             "lang": lang, "text": text, "gold": gold,
                             "listed": first.lower() in known, "frame": f"{key}-{f}"})
    for lang, texts in NEGATIVES.items():
        for i, text in enumerate(texts):
            rows.append({"id": f"p14-{lang}-neg-{i}", "split": "places14-tune",
                         "lang": lang, "text": text, "gold": [], "frame": f"{lang}-neg"})
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in rows]
    with open(OUT, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"wrote {OUT}: {len(lines)} rows")


if __name__ == "__main__":
    main()
