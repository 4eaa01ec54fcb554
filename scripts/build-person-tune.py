#!/usr/bin/env python3
"""Writes a second tuning set for PERSON (issue 14, round 3) to tests/data/person-tune.jsonl.

Setup: pip install faker==40.54.0

The first tuning part of scripts/build-names-eval.py reached PERSON recall 1.000 and stopped
showing what is missed, while the held-out part still misses names. This set is tuning-only
(never a measure of the held-out part) and differs from both parts of that evaluation:
- names: Faker locales that evaluation does not use (en_NZ, en_IE, en_PK, en_NG, fr_BE,
  fr_CA, es_AR, es_CO, es_CL, es_CA; surnames of de_LI and de_LU) and lists written here for
  the languages Faker has no other locale for (less common German, Italian, Dutch, Polish,
  Portuguese and Indian first names and surnames), with Polish case forms (genitive,
  instrumental) written out;
- templates: written for this file, per language, one family per leak class of issue 14
  (labels, titles before a surname alone, greetings, sign-offs and signature blocks, verbs of
  speech and address before and after, a lone first name opening a line before a colon, an
  unknown first name before a known surname, "by X", Polish case forms), plus sentences with
  no person (code, UI and product words) for precision.

Each record: {"id", "split": "tune2", "lang", "text", "gold": [[entity, start, end], ...]},
offsets in code points, the row format of tests/data/names-eval.jsonl. Score it with
`python3 scripts/score-names-eval.py --eval tests/data/person-tune.jsonl` (benign text from
the tuning part).
"""

import json
import random
import sys

from faker import Faker

SEED = 314
PER_TEMPLATE = 3

# Faker locales the names come from (none of them used by scripts/build-names-eval.py).
FAKER = {
    "en": ["en_NZ", "en_IE", "en_PK", "en_NG"],
    "fr": ["fr_BE", "fr_CA"],
    "es": ["es_AR", "es_CO", "es_CL", "es_CA"],
}
# Surnames only (their first names fall back to English ones).
FAKER_LAST = {"de": ["de_LI", "de_LU"]}

# Written for this file: less common first names and surnames.
OWN = {
    "en": (
        "Devika Sushant Anirudh Pooja Harpreet Lakshmi Tanvi Vikrant Nandini Rohan Ishaan "
        "Kavya Abhijit Meenakshi Gurdeep Siddharth Aditi Pranav",
        "Raghunathan Kulkarni Venkataraman Deshpande Sandhu Narayanan Joshi Bhosale Iyer "
        "Chatterjee Mehta Reddy Banerjee Pillai Gill Menon Nair Saxena",
    ),
    "de": (
        "Wiebke Hauke Jannik Mareike Ortwin Gesine Volkmar Heiko Swantje Reinhild Detlef "
        "Ulrike Bärbel Hartmut Ilka Wendelin Gerlinde Eike Roswitha Torben Almut Kunibert",
        "",
    ),
    "it": (
        "Ottavio Gianmarco Ilaria Rocco Settimio Benedetta Ersilia Donatella Corrado Fulvio "
        "Loredana Annunziata Gaetano Tiziana Achille Nives Oreste Ornella Cosimo Severino "
        "Assunta Calogero Filomena Ercole",
        "Mancuso;Pellegrini;Scarpa;Quaranta;Capuozzo;Zanetti;Brambilla;Trevisan;Cattaneo;"
        "Nardelli;Parisi;Sanna;Pinna;Ferraro;Marchetti;Bianchini;Lo Iacono;Di Stefano;"
        "Tagliaferri;Esposito;Cuccurullo;Zamboni",
    ),
    "nl": (
        "Sjoerd Wietske Jelle Geertje Hidde Marijke Thijs Femke Joost Anouk Gerrit Tjitske "
        "Bram Lieke Rutger Ilse Maarten Griet Wout Sanne Jochem Fenna Kees Aaltje",
        "Bakker;Visser;Smit;Meijer;Mulder;Bos;Vos;Hendriks;Dekker;Brouwer;Dijkstra;Smits;"
        "Kuipers;Veenstra;Hoekstra;Jonker;Postma;Wijnands;de Vries;van Dijk;de Boer;de Groot;"
        "van Leeuwen;de Wit;van der Meer;de Graaf",
    ),
    "pt": (
        "Joaquim Leonor Rodrigo Inês Gonçalo Conceição Edivaldo Raimunda Cleiton Jucélia "
        "Wellington Francisca Anselmo Graça Odete Severino Valdemar Rosângela Tiago Lucinda "
        "Josué Benedita Ivanildo Zulmira",
        "Figueiredo;Magalhães;Nogueira;Cavalcanti;Albuquerque;Pimentel;Sampaio;Brandão;"
        "Quaresma;Teixeira;Rebelo;Bezerra;Carvalho;Fontes;Guimarães;Lacerda;da Silva;"
        "dos Anjos;de Sousa",
    ),
}

# Polish: first names (nominative, genitive, instrumental) and surnames (male forms; the
# female form is derived).
PL_FIRST = [
    ("Łukasz", "Łukasza", "Łukaszem", "m"),
    ("Wojciech", "Wojciecha", "Wojciechem", "m"),
    ("Grzegorz", "Grzegorza", "Grzegorzem", "m"),
    ("Przemysław", "Przemysława", "Przemysławem", "m"),
    ("Zbigniew", "Zbigniewa", "Zbigniewem", "m"),
    ("Mieczysław", "Mieczysława", "Mieczysławem", "m"),
    ("Radosław", "Radosława", "Radosławem", "m"),
    ("Kazimierz", "Kazimierza", "Kazimierzem", "m"),
    ("Witold", "Witolda", "Witoldem", "m"),
    ("Czesław", "Czesława", "Czesławem", "m"),
    ("Dobromir", "Dobromira", "Dobromirem", "m"),
    ("Bronisław", "Bronisława", "Bronisławem", "m"),
    ("Anna", "Anny", "Anną", "f"),
    ("Małgorzata", "Małgorzaty", "Małgorzatą", "f"),
    ("Bożena", "Bożeny", "Bożeną", "f"),
    ("Jadwiga", "Jadwigi", "Jadwigą", "f"),
    ("Agnieszka", "Agnieszki", "Agnieszką", "f"),
    ("Jolanta", "Jolanty", "Jolantą", "f"),
    ("Halina", "Haliny", "Haliną", "f"),
    ("Bogumiła", "Bogumiły", "Bogumiłą", "f"),
    ("Urszula", "Urszuli", "Urszulą", "f"),
    ("Genowefa", "Genowefy", "Genowefą", "f"),
    ("Wiesława", "Wiesławy", "Wiesławą", "f"),
    ("Grażyna", "Grażyny", "Grażyną", "f"),
]
PL_LAST = [
    # (nominative m, genitive m, instrumental m, nominative f, genitive f, instrumental f)
    ("Wiśniewski", "Wiśniewskiego", "Wiśniewskim", "Wiśniewska", "Wiśniewskiej", "Wiśniewską"),
    ("Zieliński", "Zielińskiego", "Zielińskim", "Zielińska", "Zielińskiej", "Zielińską"),
    ("Szymański", "Szymańskiego", "Szymańskim", "Szymańska", "Szymańskiej", "Szymańską"),
    ("Kozłowski", "Kozłowskiego", "Kozłowskim", "Kozłowska", "Kozłowskiej", "Kozłowską"),
    ("Jabłoński", "Jabłońskiego", "Jabłońskim", "Jabłońska", "Jabłońskiej", "Jabłońską"),
    ("Malinowski", "Malinowskiego", "Malinowskim", "Malinowska", "Malinowskiej", "Malinowską"),
    ("Olszewski", "Olszewskiego", "Olszewskim", "Olszewska", "Olszewskiej", "Olszewską"),
    ("Górecki", "Góreckiego", "Góreckim", "Górecka", "Góreckiej", "Górecką"),
    ("Nowak", "Nowaka", "Nowakiem", "Nowak", "Nowak", "Nowak"),
    ("Pawlak", "Pawlaka", "Pawlakiem", "Pawlak", "Pawlak", "Pawlak"),
    ("Mazur", "Mazura", "Mazurem", "Mazur", "Mazur", "Mazur"),
    ("Krawczyk", "Krawczyka", "Krawczykiem", "Krawczyk", "Krawczyk", "Krawczyk"),
    ("Adamczyk", "Adamczyka", "Adamczykiem", "Adamczyk", "Adamczyk", "Adamczyk"),
    ("Michalak", "Michalaka", "Michalakiem", "Michalak", "Michalak", "Michalak"),
]

# First names that are common words in one of the languages (issue 14, class 3), before a
# surname of the language's pool: slot {W}.
WORDLIKE = {
    "en": "Will Mark Rose Hope Grace Faith Joy Ray Bill Mia",
    "de": "Otto Vera Ella Kai Till Frank Sara Mia",
    "fr": "Pascal Rose Claire Blanche Aimé Constance Prudence Mia",
    "es": "Luz Paz Pilar Rosa Sol Mercedes Dolores Consuelo Amparo Soledad",
    "it": "Sara Vera Gioia Mia Otto Serena Bianca Luce Sole Stella",
    "nl": "Kim Bas Roos Jan Wil Mark Fleur Hans",
    "pl": "Róża Bogdan Wiktoria Marek Ola Kamil",
    "pt": "Graça Luz Rosa Glória Vitória Socorro Dores Amor",
}

# Templates: {P} full name, {W} a first name that is also a word and a surname,, {F} first name, {L} surname; Polish {Pg}/{Pi} (genitive,
# instrumental), {Fg}/{Fi}; {N} a number. A template without a slot holds no person.
TEMPLATES = {
    "en": [
        "I sat next to {W} at the workshop.",
        "{W} called twice this morning.",
        "Customer name: {P}\nOrder #{N} - shipped",
        "Hi {F},\n\nthe invoice is attached; tell me if anything is missing.",
        "{F}: can you check the deploy logs before lunch?",
        "Please forward this to Mr {L} in accounting.",
        "Thanks,\n{P}\nSenior Accountant",
        "As {P} pointed out yesterday, the numbers do not add up.",
        "The ticket was opened by {P} on Monday.",
        "Ping {F} if the build fails again.",
        "Assigned to: {P}",
        "Reviewer {P} approved the change.",
        "{P} mentioned that the server room is too warm.",
        "Dr {L} will see you at 10:30.",
        "Emergency contact: {P}, 555-0142",
        "Cheers, {F}",
        "Open the Settings panel and press Save to keep the Color Profile.",
        "The Build Artifacts tab lists every Release Candidate.",
    ],
    "de": [
        "Ich war gestern mit {W} beim Kunden.",
        "{W} rief heute zweimal an.",
        "Ansprechpartner: {P}\nTelefon: 030 {N}",
        "Hallo {F},\n\nanbei die Unterlagen für Donnerstag.",
        "{F}: kannst du den Server neu starten?",
        "Bitte leiten Sie das an Frau {L} weiter.",
        "Viele Grüße\n{P}\nBuchhaltung",
        "Wie {P} gestern erklärte, fehlt noch eine Unterschrift.",
        "Das Ticket wurde von {P} am Montag eröffnet.",
        "Ruf {F} an, wenn der Build wieder fehlschlägt.",
        "Zuständig: {P}",
        "Versicherungsnehmer {P} hat die Police gekündigt.",
        "{P} meinte, dass der Termin verschoben wird.",
        "Herr {L} ist heute nicht im Büro.",
        "Mit {P} habe ich gestern telefoniert.",
        "Danke, {F}",
        "Öffnen Sie die Einstellungen und klicken Sie auf Speichern.",
        "Die Datei Neue Version enthält die Änderungen der Zweiten Ausgabe.",
    ],
    "fr": [
        "J'ai travaillé avec {W} sur ce dossier.",
        "{W} a appelé deux fois ce matin.",
        "Interlocuteur : {P}\nTél. : 01 {N}",
        "Bonjour {F},\n\nvous trouverez le devis en pièce jointe.",
        "{F} : tu peux relancer le serveur ?",
        "Merci de transmettre ce dossier à Mme {L}.",
        "Bien cordialement,\n{P}\nService comptable",
        "Comme l'a expliqué {P} hier, il manque une signature.",
        "Le ticket a été ouvert par {P} lundi.",
        "Appelle {F} si la compilation échoue encore.",
        "Responsable : {P}",
        "L'assuré {P} a résilié son contrat.",
        "{P} a précisé que la réunion est reportée.",
        "M. {L} est absent aujourd'hui.",
        "J'ai déjeuné avec {P} mardi.",
        "Merci, {F}",
        "Ouvrez les Paramètres puis cliquez sur Enregistrer.",
        "Le Tableau de Bord affiche la Version Stable.",
    ],
    "es": [
        "Trabajé con {W} en este proyecto.",
        "{W} llamó dos veces esta mañana.",
        "Persona de contacto: {P}\nTel.: 91 {N}",
        "Hola {F},\n\nte adjunto el presupuesto.",
        "{F}: ¿puedes reiniciar el servidor?",
        "Por favor, reenvíe esto a la Sra. {L}.",
        "Un cordial saludo,\n{P}\nDepartamento de ventas",
        "Como explicó {P} ayer, falta una firma.",
        "El ticket lo abrió {P} el lunes.",
        "Llama a {F} si la compilación vuelve a fallar.",
        "Responsable: {P}",
        "El asegurado {P} canceló la póliza.",
        "{P} comentó que la reunión se aplaza.",
        "El Sr. {L} no está hoy en la oficina.",
        "Ayer comí con {P}.",
        "Gracias, {F}",
        "Abra la Configuración y pulse Guardar.",
        "El Panel de Control muestra la Versión Estable.",
    ],
    "it": [
        "Ho lavorato con {W} a questo progetto.",
        "{W} ha chiamato due volte stamattina.",
        "Referente: {P}\nTel. 02 {N}",
        "Ciao {F},\n\nti allego il preventivo.",
        "{F}: puoi riavviare il server?",
        "Per favore inoltri questo alla Sig.ra {L}.",
        "Cordiali saluti,\n{P}\nUfficio acquisti",
        "Come ha spiegato {P} ieri, manca una firma.",
        "Il ticket è stato aperto da {P} lunedì.",
        "Chiama {F} se la compilazione fallisce ancora.",
        "Responsabile: {P}",
        "L'assicurato {P} ha disdetto la polizza.",
        "{P} ha detto che la riunione è rinviata.",
        "Il Sig. {L} oggi non è in ufficio.",
        "Ieri ho pranzato con {P}.",
        "Grazie, {F}",
        "Apri le Impostazioni e premi Salva.",
        "Il Pannello di Controllo mostra la Versione Stabile.",
    ],
    "nl": [
        "Ik heb met {W} aan dit project gewerkt.",
        "{W} belde vanochtend twee keer.",
        "Contactpersoon: {P}\nTel. 020 {N}",
        "Hoi {F},\n\nin de bijlage vind je de offerte.",
        "{F}: kun jij de server herstarten?",
        "Wilt u dit doorsturen naar mevrouw {L}?",
        "Met vriendelijke groet,\n{P}\nAfdeling inkoop",
        "Zoals {P} gisteren uitlegde, ontbreekt er een handtekening.",
        "Het ticket is maandag door {P} geopend.",
        "Bel {F} als de build weer mislukt.",
        "Verantwoordelijke: {P}",
        "Verzekerde {P} heeft de polis opgezegd.",
        "{P} zei dat de vergadering wordt uitgesteld.",
        "Meneer {L} is vandaag niet op kantoor.",
        "Gisteren heb ik met {P} geluncht.",
        "Bedankt, {F}",
        "Open de Instellingen en klik op Opslaan.",
        "Het Dashboard toont de Stabiele Versie.",
    ],
    "pl": [
        "Pracowałem z {Wi} nad tym projektem.",
        "{W} dzwonił{a} dziś dwa razy.",
        "Osoba kontaktowa: {P}\nTel. 22 {N}",
        "Cześć {F},\n\nw załączniku przesyłam ofertę.",
        "{F}: możesz zrestartować serwer?",
        "Proszę przekazać to Panu {L}.",
        "Z wyrazami szacunku\n{P}\nDział zakupów",
        "Jak wczoraj wyjaśnił{a} {P}, brakuje podpisu.",
        "Zgłoszenie zostało otwarte przez {P} w poniedziałek.",
        "Zadzwoń do {Fg}, jeśli kompilacja znowu się nie uda.",
        "Odpowiedzialny: {P}",
        "Rozmawiałem wczoraj z {Pi} o umowie.",
        "Spotkanie z {Fi} przełożono na piątek.",
        "Dokumenty {Pg} są już w systemie.",
        "Pani {L} jest dziś nieobecna.",
        "Dziękuję, {F}",
        "Otwórz Ustawienia i kliknij Zapisz.",
        "Panel Sterowania pokazuje Wersję Stabilną.",
    ],
    "pt": [
        "Trabalhei com {W} neste projeto.",
        "{W} ligou duas vezes esta manhã.",
        "Pessoa de contato: {P}\nTel. 11 {N}",
        "Oi {F},\n\nsegue em anexo o orçamento.",
        "{F}: podes reiniciar o servidor?",
        "Por favor, encaminhe isto à Sra. {L}.",
        "Com os melhores cumprimentos,\n{P}\nDepartamento de compras",
        "Como explicou {P} ontem, falta uma assinatura.",
        "O chamado foi aberto por {P} na segunda-feira.",
        "Liga para {F} se a compilação falhar de novo.",
        "Responsável: {P}",
        "O segurado {P} cancelou a apólice.",
        "{P} comentou que a reunião foi adiada.",
        "O Sr. {L} não está no escritório hoje.",
        "Ontem almocei com {P}.",
        "Obrigado, {F}",
        "Abra as Configurações e clique em Salvar.",
        "O Painel de Controle mostra a Versão Estável.",
    ],
}


def clean(s):
    return " ".join(s.split())


def split_list(s):
    """A list separated by spaces, or by `;` when an entry has several words."""
    sep = ";" if ";" in s else None
    return [clean(w) for w in s.split(sep) if w.strip()]


def pools(lang, rnd):
    """(first names, surnames) of one language, shuffled."""
    firsts, lasts = [], []
    for loc in FAKER.get(lang, []):
        f = Faker(loc)
        f.seed_instance(SEED)
        for _ in range(40):
            firsts.append(clean(f.first_name()))
            lasts.append(clean(f.last_name()))
    for loc in FAKER_LAST.get(lang, []):
        f = Faker(loc)
        f.seed_instance(SEED)
        for _ in range(40):
            lasts.append(clean(f.last_name()))
    if lang in OWN:
        a, b = OWN[lang]
        firsts += split_list(a) * 2
        lasts += split_list(b) * 2
    firsts = sorted(set(firsts))
    lasts = sorted(set(lasts))
    rnd.shuffle(firsts)
    rnd.shuffle(lasts)
    return firsts, lasts


def main():
    rnd = random.Random(SEED)
    out = []
    n = 0
    for lang, templates in TEMPLATES.items():
        if lang == "pl":
            firsts, lasts = None, None
        else:
            firsts, lasts = pools(lang, rnd)
        k = 0
        for ti, template in enumerate(templates):
            reps = PER_TEMPLATE if "{" in template else 1
            for _ in range(reps):
                if lang == "pl":
                    fn = PL_FIRST[k % len(PL_FIRST)]
                    ln = PL_LAST[(k * 5 + ti) % len(PL_LAST)]
                    female = fn[3] == "f"
                    l3 = ln[3:] if female else ln[:3]
                    forms = {
                        "P": f"{fn[0]} {l3[0]}",
                        "Pg": f"{fn[1]} {l3[1]}",
                        "Pi": f"{fn[2]} {l3[2]}",
                        "F": fn[0],
                        "Fg": fn[1],
                        "Fi": fn[2],
                        "L": l3[0],
                        "a": "a" if female else "",
                    }
                    # Polish word-like first names with an instrumental form.
                    wl = [("Róża", "Różą", "f"), ("Bogdan", "Bogdanem", "m"),
                          ("Wiktoria", "Wiktorią", "f"), ("Marek", "Markiem", "m"),
                          ("Ola", "Olą", "f"), ("Kamil", "Kamilem", "m")]
                    w = wl[k % len(wl)]
                    lw = ln[3:] if w[2] == "f" else ln[:3]
                    forms["W"] = f"{w[0]} {lw[0]}"
                    forms["Wi"] = f"{w[1]} {lw[2]}"
                    if "{W}" in template:
                        forms["a"] = "a" if w[2] == "f" else ""
                else:
                    first = firsts[k % len(firsts)]
                    last = lasts[(k * 7 + ti) % len(lasts)]
                    wl = WORDLIKE[lang].split()
                    forms = {
                        "P": f"{first} {last}",
                        "F": first,
                        "L": last,
                        "W": f"{wl[k % len(wl)]} {last}",
                    }
                k += 1
                text, gold, rest = "", [], template
                while "{" in rest:
                    o = rest.index("{")
                    c = rest.index("}", o)
                    text += rest[:o]
                    slot = rest[o + 1 : c]
                    start = len(text)
                    if slot == "a":
                        text += forms.get("a", "")
                    elif slot == "N":
                        text += str(rnd.randint(1000000, 9999999))
                    else:
                        text += forms[slot]
                        gold.append(["PERSON", start, len(text)])
                    rest = rest[c + 1 :]
                text += rest
                out.append(
                    {"id": f"t2-{lang}-{n}", "split": "tune2", "lang": lang, "text": text, "gold": gold}
                )
                n += 1
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/person-tune.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} records to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
