#!/usr/bin/env python3
"""Writes tests/data/special7-probe.jsonl: a tuning-only probe of GDPR Art. 9 statements (round
7), sentences written for this probe in en, de, fr, es, it, nl, pl and pt, in the record format
of tests/data/names-eval.jsonl. The gold spans are the special-category terms, labelled with the
entity src/names/special.rs reports (HEALTH_DATA, RELIGIOUS_BELIEF, POLITICAL_OPINION,
TRADE_UNION, SEXUAL_ORIENTATION). Positives are first-person or relative statements (frames x
terms, in chat style too); negatives are topics, third parties in general, news, questions,
negations and medical prose, which must yield nothing.

Rows are split into half A (`"split": "A"`, tuned on) and half B (`"split": "B"`, scored once
at the end) by a seeded shuffle of each language's rows.

    python3 scripts/build-special7-probe.py
    python3 scripts/score-names-eval.py --eval tests/data/special7-probe.jsonl --part A \
        --special --bin target/debug/pii-airlock

Nothing here feeds the detector's lists: the frames and terms below are this probe's own.
"""

import json
import random
import re

H, R, P, U, S = (
    "HEALTH_DATA",
    "RELIGIOUS_BELIEF",
    "POLITICAL_OPINION",
    "TRADE_UNION",
    "SEXUAL_ORIENTATION",
)

# Per language: terms by slot, then frames "text with {slot}" -> the entity of the slot.
LANGS = {
    "en": {
        "cond": ["diabetes", "lung cancer", "depression", "bipolar disorder", "epilepsy",
                 "multiple sclerosis", "anxiety", "PTSD", "Crohn's disease", "HIV", "asthma",
                 "endometriosis", "ADHD", "alcoholism", "bulimia", "schizophrenia"],
        "state": ["pregnant", "diabetic", "deaf", "HIV positive", "HIV+", "autistic", "blind",
                  "bipolar", "disabled", "epileptic"],
        "med": ["antidepressants", "insulin", "chemo", "methadone", "lithium", "sertraline",
                "antipsychotics", "PrEP"],
        "rel": ["Catholic", "Muslim", "Jewish", "Buddhist", "Hindu", "Christian", "atheist",
                "Sikh", "Mormon"],
        "party": ["Labour", "the Greens", "the Tories", "the Lib Dems", "Reform UK"],
        "union": ["Unite", "Unison", "Equity"],
        "union_the": ["GMB", "NEU", "RMT", "UCU"],
        "orient": ["gay", "lesbian", "bisexual", "bi", "queer", "pansexual", "asexual"],
        "pos": [
            ("I was diagnosed with {cond} last year.", "cond"),
            ("i've been struggling with {cond} for a while", "cond"),
            ("I have {cond}, so please keep that in mind.", "cond"),
            ("I've been living with {cond} since 2015.", "cond"),
            ("I'm in recovery from {cond}.", "cond"),
            ("My therapist says my {cond} is getting worse.", "cond"),
            ("honestly i have {cond} and work is hard", "cond"),
            ("I was recently diagnosed with {cond}.", "cond"),
            ("I'm being treated for {cond} at the moment.", "cond"),
            ("My doctor thinks my {cond} is under control.", "cond"),
            ("I have had {cond} since I was a kid.", "cond"),
            ("My husband was diagnosed with {cond} in March.", "cond"),
            ("My mum has {cond}.", "cond"),
            ("I'm {state}, so I can't travel in May.", "state"),
            ("i am {state} btw", "state"),
            ("I'm currently {state}.", "state"),
            ("My daughter is {state}.", "state"),
            ("I'm on {med} since January.", "med"),
            ("I take {med} every morning.", "med"),
            ("I've been on {med} for two years.", "med"),
            ("I started {med} last month.", "med"),
            ("I'm a practising {rel}.", "rel"),
            ("I'm {rel}, so I don't eat pork.", "rel"),
            ("My wife is {rel}.", "rel"),
            ("I was raised {rel}.", "rel"),
            ("As a {rel}, I fast during the holidays.", "rel"),
            ("I always vote {party}.", "party"),
            ("I voted for {party} last time.", "party"),
            ("I'm a member of {party}.", "party"),
            ("I'm a {union} member.", "union"),
            ("I'm a {union_the} member.", "union_the"),
            ("I'm a member of the {union_the}.", "union_the"),
            ("I joined {union} last year.", "union"),
            ("I've been in the {union_the} for years.", "union_the"),
            ("I'm {orient}.", "orient"),
            ("i'm {orient} and my parents don't know", "orient"),
            ("I came out as {orient} at 16.", "orient"),
            ("My brother is {orient}.", "orient"),
            ("I use a {wheel}.", "wheel"),
        ],
        "wheel": ["wheelchair"],
        "neg": [
            "What is diabetes?", "I don't have cancer.", "I do not have depression, just stress.",
            "Diabetes affects millions of people worldwide.",
            "Patients with bipolar disorder may need lithium.",
            "The union called a strike for Monday.", "Labour won the election.",
            "Many Catholics attend mass on Sunday.", "Is HIV curable?",
            "I'm not pregnant.", "I'm reading a book about depression.",
            "The study enrolled 200 patients with epilepsy.",
            "I'm looking for information on Crohn's disease.",
            "I have a question about insulin pricing.", "I'm happy with the result.",
            "My colleague asked what PTSD means.", "I'm not gay, but thanks.",
            "Gay rights are human rights.", "Insulin is a hormone made by the pancreas.",
            "I'm a member of the gym.", "I'm on the train.", "I'm on call tonight.",
            "I have a meeting with the union rep.", "I'm not a member of any party.",
            "I voted in the election.", "I have no history of cancer.",
            "I'm writing an essay on Muslim poets.", "Contraindications: pregnancy, epilepsy.",
        ],
    },
    "de": {
        "cond": ["Diabetes", "Lungenkrebs", "Depressionen", "Schizophrenie", "Epilepsie",
                 "Multiple Sklerose", "Bluthochdruck", "Krebs", "Morbus Crohn", "HIV",
                 "Asthma", "Brustkrebs", "ADHS", "Migräne"],
        "state": ["schwanger", "Diabetiker", "gehörlos", "HIV-positiv", "Autist", "blind",
                  "depressiv", "schwerbehindert", "Epileptiker"],
        "med": ["Antidepressiva", "Insulin", "Lithium", "Methadon", "Chemotherapie"],
        "rel": ["katholisch", "Muslim", "jüdisch", "evangelisch", "Buddhist", "Atheist", "Christ"],
        "rel_n": ["Katholik", "Muslim", "Christ", "Jude"],
        "party": ["der SPD", "der CDU", "der AfD", "der FDP", "den Grünen", "der Linken"],
        "vote": ["die SPD", "die CDU", "die AfD", "die Grünen", "die Linke", "die FDP"],
        "union": ["der IG Metall", "der GEW", "der Gewerkschaft", "der NGG"],
        "verdi": ["Verdi"],
        "orient": ["schwul", "lesbisch", "bisexuell", "homosexuell", "queer"],
        "pos": [
            ("Ich habe seit 2019 {cond}.", "cond"),
            ("Bei mir wurde letztes Jahr {cond} diagnostiziert.", "cond"),
            ("Ich leide seit Jahren an {cond}.", "cond"),
            ("ich hab {cond}, deshalb bin ich oft müde", "cond"),
            ("Mein Arzt sagt, dass ich {cond} habe.", "cond"),
            ("Mein Mann hat {cond}.", "cond"),
            ("Ich bin {state}.", "state"),
            ("ich bin seit kurzem {state}", "state"),
            ("Meine Tochter ist {state}.", "state"),
            ("Ich nehme seit März {med}.", "med"),
            ("Ich bekomme {med}.", "med"),
            ("Ich bin {rel}.", "rel"),
            ("Ich bin gläubiger {rel_n}.", "rel_n"),
            ("Meine Frau ist {rel}.", "rel"),
            ("Ich bin seit 2019 Mitglied {party}.", "party"),
            ("Ich bin Mitglied {party}.", "party"),
            ("Ich wähle immer {vote}.", "vote"),
            ("Ich habe {vote} gewählt.", "vote"),
            ("Ich bin in {union}.", "union"),
            ("ich bin Mitglied {union}", "union"),
            ("Ich bin bei {verdi} organisiert.", "verdi"),
            ("Ich bin seit Jahren in {union} organisiert.", "union"),
            ("Ich bin {orient}.", "orient"),
            ("Mein Bruder ist {orient}.", "orient"),
        ],
        "neg": [
            "Was ist Diabetes?", "Ich habe keinen Krebs.", "Ich bin nicht schwanger.",
            "Diabetes ist eine Volkskrankheit.", "Die SPD hat die Wahl verloren.",
            "Die IG Metall fordert mehr Lohn.", "Viele Katholiken gehen sonntags in die Kirche.",
            "Ich habe eine Frage zu Insulin.", "Ich bin Mitglied im Sportverein.",
            "Ich bin in der Küche.", "Patienten mit Epilepsie sollten nicht Auto fahren.",
            "Ich lese ein Buch über Depressionen.", "Ich bin kein Mitglied einer Partei.",
            "Ist HIV heilbar?", "Ich bin müde.", "Nebenwirkungen: Übelkeit, Migräne.",
        ],
    },
    "fr": {
        "cond": ["dépression", "épilepsie", "sclérose en plaques", "asthme", "migraines",
                 "diabète"],
        "cond_un": ["cancer du poumon", "diabète", "trouble bipolaire", "cancer du sein",
                    "lymphome"],
        "state": ["enceinte", "diabétique", "sourd", "séropositif", "autiste", "handicapé",
                  "bipolaire", "dépressive"],
        "med": ["antidépresseurs", "insuline", "lithium", "méthadone", "chimiothérapie"],
        "rel": ["musulman", "catholique", "juive", "bouddhiste", "athée", "protestante"],
        "party": ["La France insoumise", "du Rassemblement national", "du Parti socialiste",
                  "des Républicains"],
        "party_v": ["La France insoumise", "le Rassemblement national", "les Républicains",
                    "les Verts"],
        "union": ["la CGT", "la CFDT", "Force ouvrière", "un syndicat"],
        "orient": ["gay", "lesbienne", "bisexuel", "homosexuel", "bi"],
        "pos": [
            ("Je suis atteint d'un {cond_un}.", "cond_un"),
            ("Je souffre de {cond} depuis 2018.", "cond"),
            ("On m'a diagnostiqué un {cond_un} l'an dernier.", "cond_un"),
            ("j'ai un {cond_un} depuis des années", "cond_un"),
            ("Mon mari a un {cond_un}.", "cond_un"),
            ("Je suis {state}.", "state"),
            ("je suis {state} depuis la naissance", "state"),
            ("Ma fille est {state}.", "state"),
            ("Je prends des {med}.", "med"),
            ("Je suis sous {med} depuis un an.", "med"),
            ("Je suis {rel} pratiquant.", "rel"),
            ("Je suis {rel}.", "rel"),
            ("Ma femme est {rel}.", "rel"),
            ("Je vote pour {party_v}.", "party_v"),
            ("Je suis membre {party}.", "party"),
            ("Je suis adhérent à {union}.", "union"),
            ("je suis syndiqué à {union}", "union"),
            ("Je suis {orient}.", "orient"),
            ("Mon frère est {orient}.", "orient"),
        ],
        "neg": [
            "Qu'est-ce que le diabète ?", "Je n'ai pas de cancer.", "Je ne suis pas enceinte.",
            "Le cancer du sein touche une femme sur huit.", "La CGT appelle à la grève.",
            "Le Rassemblement national progresse dans les sondages.",
            "Je lis un livre sur la dépression.", "Je suis membre du club de tennis.",
            "Les patients épileptiques doivent éviter ce médicament.",
            "Je suis content du résultat.", "Le VIH se transmet par le sang.",
            "Je ne suis pas musulman.", "Contre-indications : grossesse, épilepsie.",
        ],
    },
    "es": {
        "cond": ["diabetes", "cáncer de pulmón", "depresión", "epilepsia", "esclerosis múltiple",
                 "VIH", "asma", "ansiedad", "trastorno bipolar", "cáncer"],
        "state": ["diabético", "sordo", "seropositivo", "autista", "ciega", "bipolar"],
        "preg": ["embarazada"],
        "state_m": ["diabético", "sordo", "autista", "seropositivo"],
        "med": ["antidepresivos", "insulina", "litio", "metadona", "quimioterapia"],
        "rel": ["católico", "musulmana", "judío", "budista", "ateo", "evangélica"],
        "party": ["Podemos", "Vox", "Sumar", "Bildu"],
        "party_al": ["PSOE", "PP"],
        "union": ["CCOO", "UGT", "un sindicato", "la CGT"],
        "orient": ["gay", "lesbiana", "bisexual", "homosexual"],
        "pos": [
            ("Me diagnosticaron {cond} el año pasado.", "cond"),
            ("Tengo {cond} desde hace años.", "cond"),
            ("Padezco {cond}.", "cond"),
            ("sufro de {cond} desde niño", "cond"),
            ("Mi madre tiene {cond}.", "cond"),
            ("Estoy {preg}.", "preg"),
            ("estoy {preg} de cinco meses", "preg"),
            ("Soy {state}.", "state"),
            ("Mi hijo es {state_m}.", "state_m"),
            ("Tomo {med} desde enero.", "med"),
            ("Estoy en tratamiento con {med}.", "med"),
            ("Soy {rel} practicante.", "rel"),
            ("Soy {rel}.", "rel"),
            ("Mi mujer es {rel}.", "rel"),
            ("Voto a {party}.", "party"),
            ("Siempre he votado a {party}.", "party"),
            ("Voto al {party_al} desde 2010.", "party_al"),
            ("Estoy afiliado a {union}.", "union"),
            ("Soy {orient}.", "orient"),
            ("mi hermano es {orient}", "orient"),
        ],
        "neg": [
            "¿Qué es la diabetes?", "No tengo cáncer.", "No estoy embarazada.",
            "La epilepsia es un trastorno neurológico.", "CCOO convoca una huelga.",
            "Vox ganó escaños en Andalucía.", "Estoy leyendo sobre la depresión.",
            "Soy socio del club de fútbol.", "Estoy cansado.", "Tengo una pregunta sobre la insulina.",
            "Los pacientes con asma deben evitar el humo.",
        ],
    },
    "it": {
        "cond": ["il diabete", "un tumore", "la depressione", "l'epilessia",
                 "la sclerosi multipla", "l'HIV", "l'asma", "un cancro al polmone",
                 "il disturbo bipolare"],
        "cond_di": ["diabete", "depressione", "epilessia", "emicrania", "asma"],
        "state": ["incinta", "diabetico", "sorda", "sieropositivo", "autistico", "disabile",
                  "bipolare"],
        "med": ["antidepressivi", "insulina", "litio", "metadone", "chemioterapia"],
        "rel": ["cattolico", "musulmana", "ebreo", "buddista", "ateo", "protestante"],
        "party": ["il PD", "la Lega", "Fratelli d'Italia", "il Movimento 5 Stelle"],
        "union": ["CGIL", "CISL", "UIL", "Fiom"],
        "orient": ["gay", "lesbica", "bisessuale", "omosessuale"],
        "pos": [
            ("Mi hanno diagnosticato {cond} l'anno scorso.", "cond"),
            ("Ho {cond} da anni.", "cond"),
            ("Soffro di {cond_di}.", "cond_di"),
            ("mi è stato diagnosticato {cond}", "cond"),
            ("Mio padre ha {cond}.", "cond"),
            ("Sono {state}.", "state"),
            ("sono {state} da quando sono nata", "state"),
            ("Mia figlia è {state}.", "state"),
            ("Prendo {med} da gennaio.", "med"),
            ("Sono in cura con {med}.", "med"),
            ("Sono {rel} praticante.", "rel"),
            ("Sono {rel}.", "rel"),
            ("Voto per {party}.", "party"),
            ("Ho sempre votato per {party}.", "party"),
            ("Sono iscritto alla {union}.", "union"),
            ("sono iscritta alla {union} da anni", "union"),
            ("Sono {orient}.", "orient"),
            ("mio fratello è {orient}", "orient"),
        ],
        "neg": [
            "Che cos'è il diabete?", "Non ho il cancro.", "Non sono incinta.",
            "La CGIL ha indetto uno sciopero.", "La Lega ha perso voti.",
            "Sto leggendo un libro sulla depressione.", "Sono iscritto in palestra.",
            "Sono stanco.", "L'asma colpisce molti bambini.",
        ],
    },
    "nl": {
        "cond": ["diabetes", "longkanker", "een depressie", "epilepsie", "MS", "hiv", "astma",
                 "kanker", "ADHD", "een angststoornis"],
        "state": ["zwanger", "diabeet", "doof", "hiv-positief", "autistisch", "blind",
                  "gehandicapt"],
        "med": ["antidepressiva", "insuline", "lithium", "methadon", "chemotherapie"],
        "rel": ["katholiek", "moslim", "joods", "boeddhist", "atheïst", "protestants"],
        "party": ["de PVV", "de VVD", "GroenLinks", "D66", "het CDA"],
        "union": ["de FNV", "het CNV", "een vakbond", "de vakbond"],
        "orient": ["homo", "lesbisch", "biseksueel", "homoseksueel"],
        "pos": [
            ("Ik heb sinds kort {cond}.", "cond"),
            ("heb ik sinds kort {cond}", "cond"),
            ("Bij mij is vorig jaar {cond} vastgesteld.", "cond"),
            ("Ik lijd al jaren aan {cond}.", "cond"),
            ("Mijn moeder heeft {cond}.", "cond"),
            ("Ik ben {state}.", "state"),
            ("ik ben sinds maart {state}", "state"),
            ("Mijn zoon is {state}.", "state"),
            ("Ik slik {med}.", "med"),
            ("Ik gebruik sinds januari {med}.", "med"),
            ("Ik ben {rel}.", "rel"),
            ("Mijn vrouw is {rel}.", "rel"),
            ("Ik stem op {party}.", "party"),
            ("Ik ben lid van {union}.", "union"),
            ("Ik ben {orient}.", "orient"),
        ],
        "neg": [
            "Wat is diabetes?", "Ik heb geen kanker.", "Ik ben niet zwanger.",
            "De FNV kondigt een staking aan.", "De PVV won de verkiezingen.",
            "Ik lees een boek over depressie.", "Ik ben lid van de tennisclub.",
            "Ik ben moe.", "Astma komt veel voor bij kinderen.",
        ],
    },
    "pl": {
        "cond": ["cukrzycę", "raka płuc", "depresję", "padaczkę", "stwardnienie rozsiane",
                 "astmę", "HIV", "nowotwór", "chorobę dwubiegunową"],
        "cond_dx": ["cukrzycę", "depresję", "raka", "padaczkę", "stwardnienie rozsiane"],
        "state": ["w ciąży", "niepełnosprawny", "niewidoma", "cukrzykiem"],
        "med": ["antydepresanty", "insulinę", "leki przeciwdepresyjne", "metadon"],
        "rel": ["katolikiem", "muzułmanką", "ateistą", "żydem", "buddystą"],
        "party": ["PiS", "Konfederację", "Lewicę", "Koalicję Obywatelską"],
        "union": ["Solidarności", "związku zawodowego", "ZNP", "OPZZ"],
        "orient": ["gejem", "lesbijką", "biseksualna", "biseksualny"],
        "pos": [
            ("Mam {cond} od kilku lat.", "cond"),
            ("Choruję na {cond}.", "cond"),
            ("Zdiagnozowano u mnie {cond_dx}.", "cond_dx"),
            ("Cierpię na {cond}.", "cond"),
            ("mam {cond} i jest mi ciężko", "cond"),
            ("Moja mama ma {cond}.", "cond"),
            ("Jestem {state}.", "state"),
            ("jestem {state} od urodzenia", "state"),
            ("Biorę {med}.", "med"),
            ("Przyjmuję {med} od stycznia.", "med"),
            ("Jestem {rel}.", "rel"),
            ("Jestem praktykującym {rel}.", "rel"),
            ("Głosuję na {party}.", "party"),
            ("Głosowałem na {party}.", "party"),
            ("Należę do {union}.", "union"),
            ("Jestem członkiem {union}.", "union"),
            ("Jestem {orient}.", "orient"),
        ],
        "neg": [
            "Co to jest cukrzyca?", "Nie mam raka.", "Nie jestem w ciąży.",
            "Cukrzyca to choroba przewlekła.", "Solidarność ogłosiła strajk.",
            "PiS wygrał wybory.", "Czytam książkę o depresji.", "Jestem zmęczony.",
            "Jestem członkiem klubu szachowego.",
        ],
    },
    "pt": {
        "cond": ["diabetes", "câncer de pulmão", "depressão", "epilepsia",
                 "esclerose múltipla", "HIV", "asma", "ansiedade", "transtorno bipolar"],
        "state": ["diabético", "surdo", "soropositivo", "autista", "cega", "deficiente"],
        "preg": ["grávida"],
        "state_m": ["diabético", "surdo", "autista", "deficiente"],
        "med": ["antidepressivos", "insulina", "lítio", "metadona", "quimioterapia"],
        "rel": ["católico", "muçulmana", "judeu", "budista", "ateu", "evangélica", "espírita"],
        "party": ["o PT", "o PSOL", "o Chega", "o PSD", "o Partido Socialista"],
        "union": ["CGTP", "CUT", "UGT"],
        "orient": ["gay", "lésbica", "bissexual", "homossexual"],
        "pos": [
            ("Fui diagnosticado com {cond} no ano passado.", "cond"),
            ("Tenho {cond} há anos.", "cond"),
            ("Sofro de {cond}.", "cond"),
            ("descobri que tenho {cond}", "cond"),
            ("Minha mãe tem {cond}.", "cond"),
            ("Estou {preg}.", "preg"),
            ("estou {preg} de 5 meses", "preg"),
            ("Sou {state}.", "state"),
            ("Meu filho é {state_m}.", "state_m"),
            ("Tomo {med} desde janeiro.", "med"),
            ("Sou {rel} praticante.", "rel"),
            ("Sou {rel}.", "rel"),
            ("Voto n{party_c}.", "party_c"),
            ("Sou filiado à {union}.", "union"),
            ("sou sindicalizada na {union}", "union"),
            ("Sou {orient}.", "orient"),
            ("meu irmão é {orient}", "orient"),
        ],
        "party_c": ["o PT", "o PSOL", "o Chega"],
        "neg": [
            "O que é diabetes?", "Não tenho câncer.", "Não estou grávida.",
            "A asma é uma doença respiratória.", "A CGTP convocou uma greve.",
            "O Chega subiu nas sondagens.", "Estou lendo um livro sobre depressão.",
            "Estou cansado.", "Sou sócio do clube de futebol.",
        ],
    },
}

ENTITY = {
    "cond": H, "cond_dx": H, "cond_di": H, "cond_un": H, "state": H, "state_m": H, "preg": H, "med": H,
    "wheel": H, "rel": R, "rel_n": R, "party": P, "party_v": P, "vote": P, "party_c": P, "party_al": P,
    "union": U, "union_the": U, "verdi": U, "orient": S,
}
# Articles and prepositions that open a slot's term but are not the gold span.
LEAD = re.compile(r"^(the |der |den |die |des |du |la |le |il |l'|de |het |een |un |una |um |o |a |lo )", re.I)

# Free-form sentences (one statement or none each, the term in [[ENTITY|term]]), written in
# chat style without the frames above; split into A and B with the rest.
FREE = {
    "en": [
        "hey, quick one: i have [[H|type 1 diabetes]] so I need the low-sugar menu",
        "Since my stroke I've been [[H|partially sighted]].",
        "fwiw i'm [[S|bisexual]] and it's never been an issue at work",
        "I have been taking [[H|sertraline]] since the spring.",
        "Our family is [[R|Jewish]], so Friday evenings are out.",
        "i'm a lifelong [[P|Labour]] voter but this time I'm not sure",
        "I've had [[H|endometriosis]] for ten years.",
        "My partner has [[H|epilepsy]] and can't drive.",
        "Can you explain what multiple sclerosis does to the nerves?",
        "The clinic treats patients with HIV and hepatitis.",
        "I'm not Catholic, I just like the architecture.",
        "I'm sorry to hear about your diagnosis.",
    ],
    "de": [
        "kurze Info: ich hab [[H|Diabetes]] Typ 1, bitte nichts Süßes",
        "Ich bin seit der Geburt [[H|gehörlos]].",
        "Mein Vater hat [[H|Parkinson]].",
        "Ich bin [[R|Muslimin]] und trage Kopftuch.",
        "Ich bin Mitglied bei [[U|Verdi]].",
        "Ich bin [[S|schwul]] und verheiratet.",
        "Was ist eigentlich Multiple Sklerose?",
        "Die Grünen haben ein neues Programm vorgestellt.",
        "Ich habe keine Depressionen, nur Stress.",
    ],
    "fr": [
        "petite précision : je suis [[H|diabétique]] depuis l'enfance",
        "Ma mère a la [[H|maladie de Crohn]].",
        "Je suis [[R|catholique]] mais pas pratiquant.",
        "Je suis [[S|lesbienne]] et fière.",
        "Je prends du [[H|lithium]] depuis deux ans.",
        "Je suis membre de la [[U|CGT]].",
        "La dépression touche beaucoup de jeunes.",
        "Je n'ai pas le VIH.",
    ],
    "es": [
        "ojo que soy [[H|celíaca]] y no puedo comer gluten",
        "Tengo [[H|fibromialgia]] desde hace años.",
        "Mi marido es [[H|diabético]].",
        "Soy [[R|musulmán]] y no bebo alcohol.",
        "Estoy afiliada a [[U|CCOO]] desde 2015.",
        "Soy [[S|pansexual]] y lo digo sin problema.",
        "¿La diabetes tipo 2 se cura?",
        "No soy católico.",
    ],
    "it": [
        "scusate, sono [[H|celiaco]] e non posso mangiare pasta normale",
        "Ho la [[H|sclerosi multipla]] da cinque anni.",
        "Mia moglie è [[H|incinta]].",
        "Sono [[R|musulmano]].",
        "Sono iscritta alla [[U|CGIL]] da vent'anni.",
        "Sono [[S|lesbica]].",
        "Il diabete è in aumento in Europa.",
        "Non sono iscritto a nessun sindacato.",
    ],
    "nl": [
        "even melden: ik heb [[H|diabetes]] type 2",
        "Ik ben sinds 2020 [[H|slechtziend]].",
        "Mijn dochter heeft [[H|autisme]].",
        "Ik ben [[R|moslim]] en vast tijdens de ramadan.",
        "Ik ben lid van de [[U|FNV]].",
        "ik ben [[S|homo]] en getrouwd met een man",
        "Wat is de oorzaak van astma?",
        "Ik heb geen diabetes.",
    ],
    "pl": [
        "tak dla jasności: mam [[H|cukrzycę]] typu 1",
        "Choruję na [[H|depresję]] od trzech lat.",
        "Mój syn ma [[H|autyzm]].",
        "Jestem [[R|katoliczką]].",
        "Należę do [[U|Solidarności]].",
        "Jestem [[S|gejem]].",
        "Czym jest stwardnienie rozsiane?",
        "Nie choruję na cukrzycę.",
    ],
    "pt": [
        "só avisando: tenho [[H|diabetes]] tipo 1",
        "Estou [[H|grávida]] de gêmeos!",
        "Minha filha tem [[H|epilepsia]].",
        "Sou [[R|evangélica]].",
        "Sou filiado ao [[U|sindicato]] dos bancários.",
        "Sou [[S|gay]].",
        "O que é esclerose múltipla?",
        "Não sou católico.",
    ],
}
MARK = re.compile(r"\[\[([HRPUS])\|([^\]]+)\]\]")


def free_row(text):
    """A free-form sentence without its marks, and the gold span of its term."""
    gold = []
    out = ""
    last = 0
    for m in MARK.finditer(text):
        out += text[last : m.start()]
        ent = {"H": H, "R": R, "P": P, "U": U, "S": S}[m.group(1)]
        gold.append([ent, len(out), len(out) + len(m.group(2))])
        out += m.group(2)
        last = m.end()
    return out + text[last:], gold


def fill(lang, frame, slot, term):
    """The sentence and the gold span of `term` in it (articles before it excluded)."""
    if slot == "party_c":
        # Portuguese "no PT": the article is glued to the preposition.
        term = term.split(" ", 1)[1]
        frame = frame.replace("n{party_c}", "no {party_c}")
    at = frame.index("{" + slot + "}")
    text = frame.replace("{" + slot + "}", term)
    core = LEAD.sub("", term)
    start = at + (len(term) - len(core))
    return text, [[ENTITY[slot], start, start + len(core)]]


def rows():
    rng = random.Random(7)
    out = []
    for lang, d in LANGS.items():
        recs = []
        for frame, slot in d["pos"]:
            terms = d[slot]
            for term in rng.sample(terms, min(3, len(terms))):
                recs.append((lang,) + fill(lang, frame, slot, term))
        for text in d["neg"]:
            recs.append((lang, text, []))

        seen = set()
        recs = [r for r in recs if not (r[1] in seen or seen.add(r[1]))]
        rng.shuffle(recs)
        # The free-form rows were added later: shuffled on their own, so that the frame rows
        # keep the half they had.
        free = [(lang,) + free_row(text) for text in FREE[lang]]
        random.Random(f"free-{lang}").shuffle(free)
        recs += free
        for i, (lang, text, gold) in enumerate(recs):
            out.append({
                "id": f"sp7-{lang}-{i}",
                "split": "A" if i % 2 == 0 else "B",
                "lang": lang,
                "text": text,
                "gold": gold,
            })
    return out


def main():
    rs = rows()
    for r in rs:
        for _, a, b in r["gold"]:
            assert 0 <= a < b <= len(r["text"]), r
    with open("tests/data/special7-probe.jsonl", "w", encoding="utf-8") as f:
        for r in rs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rs)} rows ({sum(1 for r in rs if r['split'] == 'A')} A)")


if __name__ == "__main__":
    main()
