#!/usr/bin/env python3
"""Builds tests/data/italian16-tune.jsonl (round 15, issue #14): Italian texts written by hand
by someone who had not read the names rules, so that its misses are the ones the rules really
have, not the ones a set written from the rules' point of view would show.

    python3 scripts/build-italian16-tune.py          # writes the file and checks every span
    python3 scripts/score-names-eval.py --eval tests/data/italian16-tune.jsonl --part A --show

Each text marks its gold spans inline: [[L:...]] a place (LOCATION), [[A:...]] a street address
(STREET_ADDRESS: street, number, CAP, comune, province), [[P:...]] a person. The builder strips
the marks, computes code point offsets and asserts that each span's text is what was marked.
Split: half "B" (one third, by a fixed hash of the id) is scored once at the end; tune on "A".

Annotation conventions (those of the tune rows of tests/data/names-eval.jsonl): a place's
span is its name without a preceding article or preposition ("in [[L:Toscana]]",
"all'[[L:Aquila]]", "d'[[L:Ischia]]") unless the article is part of the official name
("a [[L:La Spezia]]", "[[L:L'Aquila]]"); a province code in brackets belongs to the place
("[[L:Cefalù (PA)]]"); a feature's name keeps its generic word when capitalised ("[[L:Lago di
Braies]]", "[[L:Monte Rosa]]"); a person's title stays outside ("dott.ssa [[P:Lombardo]]").
Not gold: a street named without a number or comune (it does not say where someone is), a
place inside a company's, bank's or event's name ("Autostrade per l'Italia"), a product named
after a place (Gorgonzola, Barolo, Parmigiano Reggiano), a team named after its city.

Sources and licence: the comuni, frazioni, provinces and regions are real Italian place names
as listed by ISTAT, "Elenco dei comuni italiani" (https://www.istat.it/classificazione/
codici-dei-comuni-delle-province-e-delle-regioni/, CC BY 4.0), written from memory, not
copied from a file; foreign places use their Italian exonyms (Treccani usage); mountains,
lakes and islands are common geography. Persons, street names with numbers, companies'
sentences and every text are invented by the author of this file (round 15) and are released
under the project's licences (MIT OR Apache-2.0).
"""

import hashlib
import json
import os
import re

MARK = re.compile(r"\[\[([LAP]):(.*?)\]\]", re.S)
ENTITY = {"L": "LOCATION", "A": "STREET_ADDRESS", "P": "PERSON"}

TEXTS = [
    # Chat prompts to an assistant.
    "Sto organizzando un weekend a [[L:Matera]] con due amici: cosa ci consigli di vedere in due giorni?",
    "Qual è il modo più economico per andare da [[L:Bari]] a [[L:Tirana]] in traghetto?",
    "Mi scrivi un itinerario di una settimana in [[L:Sicilia]] partendo da [[L:Catania]] e finendo a [[L:Palermo]]?",
    "Devo trasferirmi per lavoro a [[L:Monaco di Baviera]], quanto costa in media un bilocale?",
    "Meglio [[L:Lisbona]] o [[L:Porto]] per una settimana a ottobre?",
    "Traduci in inglese: «Abito a [[L:Cinisello Balsamo]], vicino a [[L:Milano]], da dieci anni.»",
    "Quanto dista [[L:Cortina d'Ampezzo]] da [[L:Venezia]] in macchina?",
    "Ciao! Sono [[P:Giulia]], ho 34 anni e vivo a [[L:Pordenone]]. Mi aiuti a scrivere una lettera di presentazione?",
    "Riscrivi questa frase in modo più formale: «ci vediamo giovedì a [[L:Reggio Emilia]] davanti alla stazione».",
    "Che tempo fa di solito a [[L:Lampedusa]] a fine settembre?",
    "Mia nonna è nata a [[L:Pietrapertosa]], in provincia di [[L:Potenza]]. Come posso richiedere il suo atto di nascita?",
    "Vorrei fare il giro del [[L:Lago d'Iseo]] in bici partendo da [[L:Lovere]]. Quanti chilometri sono?",
    "Suggeriscimi tre rifugi facili sotto il [[L:Monte Rosa]], dal lato di [[L:Gressoney-Saint-Jean]].",
    "Devo scrivere una mail al comune di [[L:Scandicci]] per il cambio di residenza: puoi farmi una bozza?",
    "Mio figlio fa l'Erasmus a [[L:Cracovia]] e vorrei andarlo a trovare partendo da [[L:Bergamo]].",
    "Fammi un elenco di borghi vicino a [[L:Perugia]]: [[L:Spello]], [[L:Bevagna]], [[L:Montefalco]] e cos'altro?",
    "Sto cercando casa tra [[L:Monza]] e [[L:Lecco]], massimo 900 euro al mese.",
    "Ho perso il treno per [[L:Bolzano]] e sono bloccato a [[L:Verona]]: cosa posso fare col biglietto?",
    "Riassumi in tre righe la storia di [[L:Aquileia]].",
    "Qual è il sentiero più bello per salire sull'[[L:Etna]] senza guida?",
    "È vero che a [[L:Chioggia]] si mangia il pesce meglio che a [[L:Venezia]]?",
    "Scrivi un post per Instagram sulle mie vacanze a [[L:Favignana]] e [[L:Levanzo]].",
    "Ciao, mi chiamo [[P:Marco Ferraresi]] e abito a [[L:Cervia]]. La vostra palestra ha una sede anche a [[L:Cesenatico]]?",
    "Calcola quanto spendo di gasolio da [[L:Torino]] a [[L:Bari]] con una Punto del 2015.",
    "Che differenza c'è tra il [[L:Chianti]] e la [[L:Val d'Orcia]] per una vacanza in agriturismo?",
    "Dove posso vedere l'aurora boreale partendo dall'[[L:Italia]]? Pensavo alla [[L:Norvegia]] o all'[[L:Islanda]].",
    "Spiegami come arrivare alle [[L:Isole Tremiti]] da [[L:Termoli]] ad agosto.",
    "Aiutami a rispondere a questo annuncio: affittasi monolocale a [[L:Sesto San Giovanni]], zona stazione.",
    "Consigliami una trattoria tipica a [[L:Trastevere]] per una cena di compleanno.",
    "Sono al terzo anno di ingegneria a [[L:Padova]] ma per la magistrale vorrei trasferirmi a [[L:Torino]].",
    "Cosa posso vedere in un giorno a [[L:Civita di Bagnoregio]] se arrivo da [[L:Orvieto]] in autobus?",
    "Fammi una tabella con le distanze tra [[L:Ancona]], [[L:Pesaro]], [[L:Fano]] e [[L:Senigallia]].",
    "Scrivimi una lettera di reclamo al comune di [[L:Giugliano in Campania]] per la raccolta dei rifiuti.",
    "Qual è il periodo migliore per fare trekking in [[L:Sardegna]], nella zona di [[L:Dorgali]]?",
    "Dammi qualche idea per un addio al nubilato a [[L:Gallipoli]] o a [[L:Polignano a Mare]].",
    "Come si pronuncia correttamente [[L:Mondovì]]? E [[L:Cefalù]]?",
    "Vorrei portare i bambini al [[L:Lago di Garda]]: meglio [[L:Peschiera]] o [[L:Sirmione]]?",
    "Prepara un programma di tre giorni a [[L:Parigi]] per due settantenni che camminano poco.",
    "Mi serve un testo per il gruppo WhatsApp del condominio di [[L:Bussolengo]].",
    "Ho un colloquio a [[L:Zurigo]] e uno a [[L:Lugano]] lo stesso giorno: ce la faccio in treno?",
    "Correggi la grammatica: «Io e mia moglie siamo andati a [[L:Londra]] e poi in [[L:Scozia]] a vedere [[L:Edimburgo]]».",
    "Riesco ad andare e tornare da [[L:Napoli]] a [[L:Capri]] in giornata con l'aliscafo?",
    "Dove conviene dormire per visitare le [[L:Cinque Terre]]? Pensavo a [[L:La Spezia]] o a [[L:Levanto]].",
    "Scrivi un haiku su [[L:Stromboli]] di notte.",
    "Quali documenti servono per sposarsi in comune a [[L:Taormina]] se siamo residenti a [[L:Cagliari]]?",
    "Mi consigli una scuola di vela tra [[L:Caprera]] e [[L:La Maddalena]]?",
    "Il mio ragazzo è di [[L:Nuoro]] e i suoi genitori parlano sardo: come li saluto?",
    "Vorrei aprire una gelateria a [[L:Sanremo]]. Da dove comincio con i permessi?",
    "A che ora chiude il museo archeologico di [[L:Reggio Calabria]] la domenica?",
    "Sono a [[L:Berlino]] per sei mesi, mi traduci il contratto d'affitto?",
    "Fammi un piano per correre la mezza maratona di [[L:Verbania]] in un'ora e cinquanta.",
    "Che treno prendo da [[L:Bologna]] per arrivare a [[L:Porretta Terme]]?",
    "Organizza il viaggio di nozze: dieci giorni tra [[L:Giappone]] e [[L:Corea del Sud]], partenza da [[L:Fiumicino]].",
    "Mi aiuti a capire la bolletta? Abito a [[L:Rovigo]] e pago il doppio di mia sorella che sta a [[L:Ferrara]].",
    "Voglio fare la Via Francigena da [[L:Siena]] a [[L:Viterbo]]: quante tappe sono?",
    "Quanto costa il parcheggio all'aeroporto di [[L:Elmas]] per una settimana?",
    # Support tickets and complaints.
    "Buongiorno, il pacco doveva arrivare a [[L:Ciampino]] ieri ma il tracking dice che è fermo a [[L:Bologna]]. Ordine n. 48213.",
    "Salve, ho acquistato un biglietto [[L:Napoli]]-[[L:Salerno]] ma il treno è stato soppresso. Chiedo il rimborso.",
    "Segnalo un guasto alla linea internet a [[L:Montichiari (BS)]] da tre giorni. Cliente: [[P:Roberta Zanella]].",
    "Non riesco a cambiare l'indirizzo di fatturazione: quello nuovo è [[A:Corso Vittorio Emanuele II 112, 10121 Torino (TO)]].",
    "Reclamo: la filiale di [[L:Gallarate]] mi ha chiuso il conto senza preavviso.",
    "Ticket #5521 - La consegna a [[L:Olbia]] è in ritardo di una settimana. Posso ritirare il pacco al punto di ritiro di [[L:Arzachena]]?",
    "Gentile assistenza, vi scrivo da [[L:Trento]]: la lavatrice acquistata il 3 marzo perde acqua.",
    "Il tecnico doveva venire stamattina in [[A:via Carducci 7, Lugo]] ma non si è presentato nessuno.",
    "Buonasera, ho prenotato una camera a [[L:Malcesine]] tramite il vostro sito ma l'hotel dice di non avere la prenotazione.",
    "Il corriere ha lasciato il pacco davanti al cancello in [[A:Via dei Mille 23, 25018 Montichiari]] e me l'hanno rubato.",
    "Vi segnalo che il vostro sito non accetta il CAP 39100 di [[L:Bolzano]]: dice che non esiste.",
    "Il volo da [[L:Brindisi]] per [[L:Bruxelles]] è stato cancellato e nessuno ci ha avvisati.",
    "Sono rimasto senza corrente in tutta la frazione di [[L:Fontanelle]], comune di [[L:Boves]], dalle sei di stamattina.",
    "Richiesta di rimborso: abbonamento mensile [[L:Varese]]-[[L:Milano]] non utilizzato per lo sciopero.",
    "Il vostro negozio di [[L:Casalpusterlengo]] non mi ha voluto cambiare un prodotto difettoso.",
    "Salve, vivo a [[L:Campobasso]] e il modem che mi avete mandato non si collega. Codice cliente 7781204.",
    "La bolletta di marzo è intestata ancora a [[P:Giovanni Pace]] anche se ho fatto la voltura a dicembre.",
    "Ho chiesto la consegna al piano ma il fattorino si è rifiutato di salire. Indirizzo: [[A:Via Sallustio 14, 65124 Pescara]].",
    "Il bus per [[L:Bardonecchia]] delle 6.15 non è passato né ieri né oggi.",
    "Scrivo per conto di mia madre, [[P:Lucia Ferro]], residente a [[L:Ariano Irpino]], che non riesce ad accedere all'area clienti.",
    "La spedizione verso la [[L:Svizzera]] è bloccata in dogana a [[L:Chiasso]] da dieci giorni.",
    "Vorrei disdire il contratto perché mi trasferisco in [[L:Germania]], a [[L:Stoccarda]].",
    "Il noleggio dell'auto all'aeroporto di [[L:Lamezia Terme]] mi ha addebitato 300 euro di danni che non ho fatto.",
    "Buongiorno, il tecnico può venire a [[L:Vasto]] solo il martedì? Io lavoro a [[L:Lanciano]] tutta la settimana.",
    # E-mails.
    "Caro [[P:Andrea]],\nti confermo che la riunione si terrà a [[L:Firenze]], nella nostra sede di [[A:Viale Lavagnini 41]].\nA presto,\n[[P:Chiara]]",
    "Gentile dott.ssa [[P:Lombardo]],\nle scrivo per confermare l'appuntamento di lunedì nel suo studio di [[L:Caltanissetta]].\nCordiali saluti,\n[[P:Salvatore Nicosia]]",
    "Oggetto: trasferta [[L:Ginevra]]\nCiao a tutti, la settimana prossima sarò tra [[L:Ginevra]] e [[L:Losanna]] per il cliente; per urgenze chiamatemi.",
    "Buongiorno, allego il curriculum per la posizione di magazziniere a [[L:Castel San Giovanni (PC)]].\nDistinti saluti",
    "Ciao mamma, siamo arrivati a [[L:Zagabria]]! Domani proseguiamo per [[L:Spalato]] e poi prendiamo il traghetto per [[L:Ancona]].",
    "Egregio avvocato [[P:Marchetti]],\nla udienza presso il tribunale di [[L:Busto Arsizio]] è stata rinviata al 14 ottobre.",
    "Gentili signori,\nvi comunico il mio nuovo recapito: [[A:Via Giuseppe Mazzini 6, 71043 Manfredonia (FG)]].\n[[P:Antonio Ciuffreda]]",
    "Ciao [[P:Fede]], ti giro le foto di [[L:Ortisei]]. La prossima volta saliamo al [[L:Seceda]]!",
    "Oggetto: sopralluogo cantiere [[L:Carpi]]\nIl sopralluogo è confermato per giovedì alle 9. Ci troviamo davanti al municipio.",
    "Spett.le Ufficio Tributi del Comune di [[L:Pontedera]],\nchiedo la rateizzazione dell'avviso di pagamento n. 2231/2026.",
    "Buonasera professoressa, mio figlio [[P:Tommaso]] domani non sarà a scuola perché andiamo a [[L:Roma]] per una visita.",
    "Cara [[P:Elena]],\nda quando ci siamo trasferiti a [[L:Vienna]] mi manca tantissimo [[L:Trieste]]. Quando vieni a trovarci?",
    "Gentile cliente, il suo ordine partirà dal nostro magazzino di [[L:Castel San Pietro Terme]] entro 48 ore.",
    "Ciao [[P:Simone]], domani non posso: sono a [[L:Bressanone]] per lavoro fino a venerdì.",
    "Oggetto: richiesta preventivo\nSalve, ci sposiamo a settembre in una villa vicino a [[L:Lucca]] e cerchiamo un fotografo.",
    "Buongiorno, sono [[P:Rita Palumbo]], la vostra ospite di [[L:Ostuni]]. Arriveremo verso le 21, va bene lo stesso?",
    "Gentile direttore, vi scrivo da [[L:Frosinone]] per segnalare che l'ufficio postale di [[L:Alatri]] è chiuso da un mese.",
    "Caro zio, ti scrivo da [[L:Melbourne]]: qui fa caldissimo e penso sempre ai Natali a [[L:Caltagirone]].",
    # Forms.
    "Cognome: [[P:Esposito]]\nNome: [[P:Ciro]]\nLuogo di nascita: [[L:Torre del Greco]]\nProvincia: [[L:Napoli]]",
    "COMUNE DI RESIDENZA: [[L:SAN BENEDETTO DEL TRONTO]]\nCAP: 63074\nPROVINCIA: [[L:ASCOLI PICENO]]",
    "Nato a [[L:Enna]] il 14/02/1979, residente in [[A:Via Sant'Agata 9, 94100 Enna]].",
    "Indirizzo di spedizione:\n[[P:Federica Carbone]]\n[[A:Via Nazionale 88\n87032 Amantea (CS)]]",
    "Luogo e data: [[L:Lecce]], 12 maggio 2026",
    "NOME E COGNOME: [[P:GIUSEPPE LA ROSA]]\nLUOGO DI NASCITA: [[L:CATANIA]]\nRESIDENZA: [[A:VIA ETNEA 210, 95131 CATANIA]]",
    "Città: [[L:Conegliano]]\nProvincia: [[L:Treviso]]\nCAP: 31015\nTelefono: 0438 555 014",
    "Il sottoscritto [[P:Paolo Girardi]], nato a [[L:Belluno]] il 02/05/1968 e residente a [[L:Feltre]], dichiara quanto segue.",
    "Comune di nascita: [[L:Vibo Valentia]] - Stato: [[L:Italia]]",
    "Sede dell'evento: [[L:Riccione]], Palazzo dei Congressi.",
    "Residenza: [[L:Sassari]] / Domicilio: [[L:Alghero]]",
    "Dati del veicolo: targa EF 123 GH, immatricolato a [[L:Cuneo]] nel 2011.",
    "LUOGO DI RITIRO: AEROPORTO DI [[L:PALERMO]]\nLUOGO DI RICONSEGNA: [[L:TRAPANI]]",
    "Compilare il modulo indicando il comune ([[L:Aosta]], [[L:Saint-Vincent]], [[L:Châtillon]], ecc.) e la data.",
    "Provenienza: [[L:Tunisi]]. Destinazione finale: [[L:Marsiglia]].",
    # Delivery instructions.
    "Consegnare al bar tabacchi di [[L:Roccaraso]], il destinatario passerà a ritirare.",
    "c/o [[P:Maria Teresa Gallo]], [[A:Via Roma 5, 12051 Alba (CN)]] - citofono [[P:Gallo]].",
    "[[A:Loc. Poggio alle Mura, podere 4 - 53024 Montalcino (SI)]]. Il navigatore sbaglia, chiamare prima.",
    "Lasciate il pacco in portineria, [[A:Piazza Bra 3]], secondo piano.",
    "Spedire a: [[A:Frazione Pila 14, 11020 Gressan (AO)]]",
    "Consegna presso la portineria di [[A:Via Montenapoleone 8, 20121 Milano]], non al negozio.",
    "Il cancello è quello verde dopo la chiesa di [[L:San Martino in Pensilis]], suonare due volte.",
    "Lasciare al vicino, sig. [[P:Colombo]], stesso pianerottolo. [[A:Viale Monza 140, 20127 Milano]].",
    "Consegnare al magazzino di [[A:Via dell'Artigianato 4/A, 35010 Vigonza (PD)]] dalle 8 alle 12.",
    "Per la consegna a [[L:Procida]] il corriere deve prendere il traghetto delle 7 da [[L:Pozzuoli]].",
    "Destinatario: [[P:Ilaria Sartori]], [[A:Sestiere Castello 4421, 30122 Venezia]]. Il civico è sul campiello, non sulla calle.",
    "Indirizzo: [[A:Contrada Bosco 7, 70017 Putignano (BA)]]. Dopo il distributore girare a destra.",
    "Se non mi trovate lasciate tutto alla farmacia in piazza a [[L:Montepulciano]].",
    "Ritiro in negozio: [[A:Corso Garibaldi 88, 84122 Salerno]], dal lunedì al sabato.",
    "Recapitare a [[A:Strada Provinciale 11 km 3, 27058 Voghera (PV)]], capannone B.",
    "Consegna a domicilio: [[A:Borgo Pinti 35, 50121 Firenze]], terzo piano senza ascensore.",
    "Mittente: [[P:Davide Greco]], [[A:Viale Trento e Trieste 18, 74123 Taranto]]",
    "Consegnare in [[A:loc. Santa Lucia 12, 52044 Cortona (AR)]], casa con il portone rosso.",
    # CV lines.
    "2018-2022: addetta alle vendite presso Decathlon, [[L:Vicenza]].",
    "Laurea triennale in Lettere Moderne conseguita a [[L:Pavia]] nel 2015 con 108/110.",
    "Esperienza: cameriere stagionale a [[L:Riccione]] e [[L:Cattolica]] (estati 2019-2021).",
    "Residenza: [[L:Avellino]] - disponibile a trasferimenti in [[L:Campania]] e [[L:Lazio]].",
    "Nata a [[L:Cosenza]] nel 1990, vivo a [[L:Bruxelles]] dal 2016, dove lavoro come interprete.",
    "2010-2014 Tecnico di laboratorio, Barilla, [[L:Parma]]",
    "Disponibilità a trasferte in tutto il [[L:Nord Italia]] e in [[L:Svizzera]].",
    "Ho lavorato sei anni come infermiera a [[L:Londra]] prima di tornare a [[L:Bari]].",
    "Attualmente domiciliato a [[L:Rovereto]], originario di [[L:Agrigento]].",
    "Stage di sei mesi presso un'azienda vinicola delle [[L:Langhe]], tra [[L:Barolo]] e [[L:La Morra]].",
    "Maestro di sci a [[L:Cervinia]] (inverni 2016-2020) e guida escursionistica in [[L:Valtellina]].",
    # Messages between friends.
    "Raga stasera tutti da [[P:Luca]] a [[L:Casalecchio]]? Porto io le birre",
    "sono bloccata in autostrada all'altezza di [[L:Barberino]], arrivo tardi",
    "ma tu sei mai stato a [[L:Procida]]? Io ci vado a giugno con [[P:Ale]]",
    "Zio [[P:Peppe]] è tornato da [[L:Buenos Aires]] dopo trent'anni!!",
    "Domenica gita al [[L:Lago di Braies]], chi c'è?",
    "[[L:Bormio]] o [[L:Livigno]] per la settimana bianca?",
    "Arrivo a [[L:Roma]] alle 19.40, mi vieni a prendere?",
    "Ti ricordi quella trattoria a [[L:Bagnoregio]]? Come si chiamava?",
    "sto tornando da [[L:Cremona]], ci vediamo direttamente al cinema",
    "[[L:Genova]] è una città che ti sorprende, te l'avevo detto",
    "[[L:Trieste]] d'inverno, con la bora, è un'altra cosa.",
    "Oh ma lo sai che [[P:Giorgia]] si è trasferita a [[L:Valencia]]?",
    "domani si va al mare a [[L:Sperlonga]], partenza alle 7 da casa mia",
    "sono appena atterrata a [[L:Catania]], fa un caldo assurdo",
    "ci si vede a [[L:Pisa]] sabato? io arrivo col regionale da [[L:Livorno]]",
    "mio cugino vive a [[L:Sant'Antioco]] e dice che d'inverno non c'è nessuno",
    "Vado a trovare [[P:Marta]] a [[L:Udine]] il weekend, torno lunedì",
    "ci vediamo in centro a [[L:Brescia]] alle sei?",
    "Quest'estate [[L:Grecia]]: [[L:Atene]], poi [[L:Naxos]] e [[L:Paros]]",
    "Ho preso casa a [[L:Chieri]], finalmente! Vieni a vederla",
    "[[P:Sara]] e [[P:Matteo]] si sposano a [[L:Positano]] a maggio, preparati",
    "siamo in coda al casello di [[L:Melegnano]] da mezz'ora",
    "tornato adesso da [[L:Monte Isola]], bellissimo ma pieno di gente",
    "se passi da [[L:Modena]] portami l'aceto balsamico vero",
    # Grammatical positions: verso, fino a, tra, sopra/sotto, subject, lists, brackets, commas, start.
    "Stiamo andando verso [[L:Sondrio]], c'è neve sulla statale?",
    "Il regionale arriva fino a [[L:Domodossola]], poi bisogna cambiare.",
    "Abito tra [[L:Empoli]] e [[L:Pontedera]], in aperta campagna.",
    "Il rifugio è sopra [[L:Cogne]], a circa due ore di cammino.",
    "Abitiamo proprio sotto il [[L:Vesuvio]], a [[L:Ercolano]].",
    "Abbiamo negozi a [[L:Milano]], [[L:Brescia]], [[L:Cremona]], [[L:Mantova]] e [[L:Piacenza]].",
    "La sede legale (a [[L:Fermo]]) non risponde al telefono da giorni.",
    "Sono nata in un paesino, [[L:Sant'Agata de' Goti]], e poi mi sono trasferita al nord.",
    "[[L:Ravenna]], 3 aprile 2026\n\nOggetto: richiesta di ferie",
    "La nostra famiglia viene dall'[[L:Irpinia]], ma da tre generazioni viviamo a [[L:Torino]].",
    "Da [[L:Messina]] a [[L:Villa San Giovanni]] il traghetto ci mette venti minuti.",
    "Per [[L:Matera]] conviene atterrare a [[L:Bari]] e noleggiare un'auto.",
    "In [[L:Molise]] ci sono paesi con meno di cento abitanti.",
    "Oltre [[L:Bolzano]] l'autostrada era chiusa per neve.",
    "Passeremo per [[L:Arezzo]], [[L:Cortona]] e [[L:Montepulciano]] prima di arrivare a [[L:Pienza]].",
    "Presso [[L:Tivoli]] ci sono due ville patrimonio dell'UNESCO.",
    "Vicino ad [[L:Asti]] c'è un agriturismo che fa corsi di cucina.",
    "Dopo [[L:Salerno]] la strada per il [[L:Cilento]] diventa lentissima.",
    "Lungo il [[L:Po]] ci sono piste ciclabili fino a [[L:Piacenza]].",
    "Fra [[L:Bologna]] e [[L:Imola]] c'è un incidente in corsia nord.",
    "Da [[L:Brunico]] si sale a [[L:Plan de Corones]] con la cabinovia.",
    "Dentro le mura di [[L:Lucca]] si gira solo in bici.",
    "Si parte da [[L:Desenzano del Garda]] e si arriva a [[L:Riva del Garda]] in battello.",
    "Fuori [[L:Foggia]] ci sono solo campi di grano per chilometri.",
    "Sopra [[L:Merano]] c'è un sentiero panoramico che si chiama Waalweg.",
    "Sul [[L:Gran Sasso]] nevica già a ottobre.",
    "Dalla [[L:Calabria]] alla [[L:Lombardia]] in pullman sono quattordici ore.",
    "Torniamo in [[L:Puglia]] ogni estate, a [[L:Monopoli]] da mia suocera.",
    "Andremo in [[L:Austria]], a [[L:Salisburgo]] e a [[L:Innsbruck]].",
    "L'aereo per [[L:Il Cairo]] fa scalo a [[L:Istanbul]].",
    "Ho cugini a [[L:Colonia]], a [[L:Francoforte]] e a [[L:Nuova York]].",
    "[[L:Noto]], [[L:Modica]] e [[L:Scicli]] si fanno bene in due giorni.",
    "Un mio amico di [[L:Nola]] mi ha invitato alla festa dei Gigli.",
    # Apostrophes and elisions.
    "Ho fatto l'università all'[[L:Aquila]] prima del terremoto.",
    "Il traghetto per l'isola d'[[L:Ischia]] parte ogni ora dal molo Beverello.",
    "Siamo stati una settimana all'isola d'[[L:Elba]], a [[L:Marciana Marina]].",
    "Vivo a [[L:L'Aquila]] da quando sono nato.",
    "Il clima dell'[[L:Umbria]] è più freddo di quanto pensassi.",
    "Torno dall'[[L:Abruzzo]] con una cassa di arrosticini.",
    "Nell'[[L:Oltrepò Pavese]] si producono ottimi vini.",
    "Sono stato a [[L:Sant'Agnello]] e a [[L:Piano di Sorrento]].",
    "Dall'[[L:Argentina]] ci vogliono quindici ore di volo.",
    "Il panorama dell'[[L:Alpe di Siusi]] ripaga della salita.",
    "Abitavo ad [[L:Aosta]], ora sto a [[L:Ivrea]].",
    "Voglio vivere all'estero, magari in [[L:Irlanda]] o in [[L:Olanda]].",
    "Mio padre lavorava alla [[L:Spezia]], al porto, e mia madre a [[L:Sarzana]].",
    # Mountains, lakes, islands, areas.
    "Quest'anno vogliamo salire sul [[L:Monte Bianco]] da [[L:Courmayeur]] con una guida.",
    "Sul [[L:Lago Maggiore]] ci sono le [[L:Isole Borromee]], vale la pena?",
    "Ho visto il tramonto dal [[L:Monte Baldo]], sopra [[L:Malcesine]].",
    "Le [[L:Tre Cime di Lavaredo]] si raggiungono da [[L:Auronzo di Cadore]].",
    "Il [[L:Lago Trasimeno]] è a mezz'ora da [[L:Perugia]].",
    "Volevo fare il giro delle [[L:Isole Eolie]] in barca: [[L:Lipari]], [[L:Salina]], [[L:Panarea]].",
    "Abbiamo una casa sulle [[L:Dolomiti]], in [[L:Val di Fassa]].",
    "Hai mai fatto il bagno nel [[L:Lago di Bolsena]]?",
    "Sul [[L:Gargano]] le spiagge più belle sono tra [[L:Vieste]] e [[L:Peschici]].",
    "La [[L:Maremma]] ad aprile è piena di fiori.",
    "Passo le vacanze in [[L:Salento]] da quando ero piccolo.",
    "Il [[L:Cervino]] visto da [[L:Breuil-Cervinia]] è impressionante.",
    "In [[L:Sila]] a gennaio si scia, anche se nessuno ci crede.",
    "La [[L:Brianza]] non è più quella di una volta.",
    "Abbiamo fatto il giro dell'[[L:Asinara]] in bici elettrica.",
    "Sulla [[L:Marmolada]] il ghiacciaio si è ritirato tantissimo.",
    "Le [[L:Alpi Apuane]] si vedono dalla spiaggia di [[L:Marina di Massa]].",
    "Sai se a [[L:Pantelleria]] si può noleggiare uno scooter?",
    "Mi porti a vedere il [[L:Lago di Como]] da [[L:Bellagio]]?",
    "Abbiamo trovato un appartamento a [[L:Ponza]] per agosto.",
    "Nel [[L:Casentino]] ci sono foreste bellissime.",
    "Vorrei vedere l'[[L:Adamello]] dal passo del [[L:Tonale]].",
    # Foreign cities with Italian names.
    "Il mio volo per [[L:Lisbona]] fa scalo a [[L:Madrid]].",
    "Abbiamo amici a [[L:Monaco di Baviera]] e a [[L:Norimberga]].",
    "Il congresso quest'anno è a [[L:Varsavia]], l'anno prossimo a [[L:Praga]].",
    "Mio fratello insegna italiano a [[L:Mosca]] da dieci anni.",
    "Siamo partiti da [[L:Nizza]] e siamo arrivati a [[L:Marsiglia]] in treno lungo la costa.",
    "Ho preso un appartamento a [[L:Lubiana]], a due ore da [[L:Trieste]].",
    "L'anno scorso sono stata a [[L:Pechino]] e a [[L:Shanghai]] per lavoro.",
    "Da [[L:Capodistria]] a [[L:Pola]] ci sono circa due ore di strada.",
    "Il [[L:Belgio]] non è solo [[L:Bruxelles]]: [[L:Anversa]] e [[L:Bruges]] sono splendide.",
    "Sono in [[L:Inghilterra]] per un corso di inglese, a [[L:Cambridge]].",
    "Vivo a [[L:Basilea]] ma lavoro a [[L:Friburgo]], dall'altra parte del confine.",
    "Ho fatto scalo a [[L:Dubai]] andando a [[L:Città del Capo]].",
    # Persons with places.
    "[[P:Francesca Marino]] si è trasferita a [[L:Marino]], ai [[L:Castelli Romani]].",
    "Il signor [[P:Vincenzo Russo]] di [[L:Aversa]] ha lasciato un messaggio in segreteria.",
    "Ho parlato con [[P:Lorenzo Bianchi]], il responsabile di [[L:Mestre]], e dice che si può fare.",
    "La nonna di [[P:Camilla]] abita a [[L:Palmanova]], vicino a [[L:Udine]].",
    "[[P:Emanuele Fontana]] e [[P:Irene Costa]], residenti a [[L:Desio]], chiedono il certificato di matrimonio.",
    "Il dottor [[P:Rizzo]] riceve a [[L:Acireale]] il martedì e a [[L:Giarre]] il giovedì.",
    "Ieri è venuta a trovarci [[P:Angela]] da [[L:Altamura]] con il pane.",
    "[[P:Alessio Conti]], nato a [[L:Frascati]], ha vinto la borsa di studio per [[L:Boston]].",
    "Mia moglie [[P:Debora]] è di [[L:Terni]], io di [[L:Spoleto]].",
    "Chiedo di parlare con la signora [[P:Pellegrini]] dell'ufficio di [[L:Grosseto]].",
    # More addresses in Italian order.
    "Per la fattura: [[A:Via XX Settembre 5/7, 16121 Genova]], P.IVA 01234567890.",
    "Il nuovo ufficio è in [[A:Via Emilia Est 1020, 41122 Modena]], al primo piano.",
    "Abito in [[A:Viale Europa 12 int. 5, 00144 Roma]], citofonare a [[P:De Santis]].",
    "Inviare la raccomandata a [[A:Via IV Novembre 14, 21052 Busto Arsizio (VA)]].",
    "Il ristorante è in [[A:Lungomare Colombo 10, 84129 Salerno]], di fronte al porto.",
    "La festa è a casa mia, [[A:Via Pisacane 22, Sesto San Giovanni]]. Portate da bere!",
    "Indirizzo: [[A:P.zza Matteotti 3/B, 16123 Genova GE]]",
    "Sede operativa: [[A:Str. Statale 16 Adriatica km 421, 66026 Ortona (CH)]].",
    "Ci siamo trasferiti in [[A:via Manzoni 14, Lecco]], il vecchio indirizzo non vale più.",
    "Domicilio: [[A:Via Roma 41, Fraz. Camigliatello Silano, 87052 Spezzano della Sila (CS)]]",
    "Studio medico: [[A:Corso Umberto I 205, 80138 Napoli]], secondo piano.",
    "La raccomandata va a [[A:Vicolo del Pozzo 2, 38122 Trento]].",
    "Il B&B si trova in [[A:Via Vittorio Veneto 31, 90015 Cefalù (PA)]], a cento metri dal mare.",
    "Abito in [[A:via Cavour 18]], ma la posta arriva al civico sbagliato.",
    "INDIRIZZO: [[A:VIA GARIBALDI 45, 09124 CAGLIARI]]",
    "Recapito: [[A:Località Il Piano 5, 53037 San Gimignano SI]]",
    "Ritiro presso [[A:Piazzale della Stazione 1, 39100 Bolzano]].",
    "Ci troviamo in [[A:Via Nazionale 41, 00184 Roma]], davanti alla libreria.",
    # Capitalised words that are not places (precision).
    "Lavoro da Ferrero da cinque anni, reparto logistica.",
    "Mio marito lavora da Luxottica e fa i turni di notte.",
    "Ho fatto domanda da Esselunga e da Lidl, ancora nessuna risposta.",
    "Sono passata da [[P:Rossi]] a prendere le chiavi.",
    "La figlia di [[P:Bernardi]] si sposa a giugno.",
    "Auguri per San Valentino! Ti ho preso una scatola di Baci Perugina.",
    "Il 26 dicembre è Santo Stefano, il negozio resta chiuso.",
    "Per Ferragosto andiamo al mare come tutti gli anni.",
    "Per San Giuseppe le zeppole si fanno il 19 marzo.",
    "Il Napoli ha vinto 2 a 0 contro l'Atalanta.",
    "Stasera c'è Inter-Milan, la guardiamo da te?",
    "La Roma ha comprato un nuovo attaccante brasiliano.",
    "Ho comprato una Vespa usata, serve il passaggio di proprietà?",
    "Mi consigli un'alternativa alla Nutella senza olio di palma?",
    "Vorrei una ricetta con il Gorgonzola e le noci.",
    "Porto una bottiglia di Barolo e una di Prosecco alla cena.",
    "Il Parmigiano Reggiano va tenuto in frigo o fuori?",
    "Via libera dal direttore: possiamo partire con il progetto.",
    "Via, via, sbrigatevi che perdiamo il treno!",
    "La farmacia di via Garibaldi fa orario continuato?",
    "I saldi in Corso Italia iniziano sabato.",
    "Gennaio è il mese peggiore per vendere case.",
    "Lunedì ho il colloquio con Accenture.",
    "Abbiamo ricevuto una multa da Autostrade per l'Italia.",
    "Il mio conto è con Intesa Sanpaolo, posso fare un bonifico istantaneo?",
    "La Banca Popolare di Sondrio ha chiuso lo sportello sotto casa.",
    "Ho ordinato su Amazon ma il pacco è finito a Poste Italiane.",
    "Il Frecciarossa delle 7.10 è in ritardo di quaranta minuti.",
    "Italo o Trenitalia, quale conviene?",
    "Mia sorella si chiama [[P:Asia]] e compie dieci anni.",
    "Ho parlato con [[P:Marino]] del preventivo, dice che va bene.",
    "[[P:Alba]] mi ha scritto che arriva tardi.",
    "Il professor [[P:Messina]] ha spostato l'esame a giovedì.",
    "La signora [[P:Genovese]] chiede di essere richiamata.",
    "[[P:Veronica Ferrara]] ha firmato il contratto stamattina.",
    "Ho scritto all'avvocato [[P:Bergamo]] per la causa del condominio.",
    "Scrivi un riassunto della Divina Commedia per la scuola media.",
    "Il Rinascimento è il tema della mia tesina.",
    "Natale da noi è sempre caotico, Pasqua un po' meno.",
    "La Befana vien di notte con le scarpe tutte rotte.",
    "Per la Festa della Repubblica il museo è aperto gratis.",
    "Il Lambrusco va servito fresco?",
    "Domani vado dal dentista, il dottor [[P:Bassani]].",
    "La Fiat Panda 4x4 è adatta alla neve?",
    "Quanto costa una Lancia Ypsilon usata?",
    "Lavoro per la Barilla nel controllo qualità.",
    "La Juventus gioca in casa domenica.",
    "Ho l'abbonamento a Sky e a DAZN, disdico uno dei due?",
    "Compro sempre da Conad perché è sotto casa.",
    "Martedì grasso facciamo le chiacchiere con la nonna.",
    "Mi presti il libro di [[P:Camilleri]]?",
    "Alla Ferrari cercano ingegneri meccanici.",
    "Sono cliente Enel da vent'anni e mi hanno raddoppiato la bolletta.",
    "Il Giro d'Italia passa da casa mia domani.",
    "Abbiamo festeggiato Sant'Ambrogio con il panettone.",
    "Ho iniziato a lavorare in Ducati come apprendista.",
    "Mia madre guarda sempre Rai Uno la sera.",
    "Grazie per aver scelto Vodafone, il suo numero è attivo.",
    "Caro Babbo Natale, vorrei una bici rossa.",
    "La Mostra del Cinema apre il 27 agosto.",
    "La Bianchi Oltre è una bici da corsa leggerissima.",
    "La Lega Serie A ha rinviato la partita.",
    "La Costituzione, all'articolo 3, parla di uguaglianza.",
    "Ho un appuntamento alle Poste alle 10.",
    "Il sabato mattina lavoro da [[P:Bianchi]], l'idraulico.",
    "Resto da Mediaworld fino a settembre con il contratto a termine.",
    "Sono da Zara con mia sorella, ti chiamo dopo.",
    "Da Natale a Pasqua non ho fatto altro che lavorare.",
    "Ho visto una Maserati parcheggiata sotto casa.",
    "Il Torino ha pareggiato anche ieri.",
    "Sono andata da Ikea a prendere una libreria.",
    "Lavoro da Unicredit come cassiere.",
    "Mi hanno preso da Armani per la stagione.",
    "Il pacco di Zalando è arrivato rotto.",
    "Il capo di Tecnoprogetti ci ha fatto i complimenti.",
    "Una fetta di Asiago e un bicchiere di Marsala, grazie.",
    "Ogni Venerdì Santo c'è la processione.",
    "Ho letto Il Gattopardo in due giorni.",
    "La Lazio ha perso di nuovo, mio padre è furioso.",
    "Ognissanti cade di sabato quest'anno.",
    "Buon onomastico! Oggi è San Francesco.",
]


def parse(marked):
    """Text without marks and its gold spans, in the order written."""
    out, gold, pos = [], [], 0
    last = 0
    for m in MARK.finditer(marked):
        out.append(marked[last : m.start()])
        pos += m.start() - last
        span = m.group(2)
        gold.append([ENTITY[m.group(1)], pos, pos + len(span), span])
        out.append(span)
        pos += len(span)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), gold


def split_of(rid):
    """Fixed hash of the id: one third B (scored once at the end), the rest A."""
    return "B" if int(hashlib.sha256(rid.encode()).hexdigest(), 16) % 3 == 0 else "A"


def main():
    rows = []
    for i, marked in enumerate(TEXTS, 1):
        assert "[[" not in MARK.sub("", marked) and "]]" not in MARK.sub("", marked), marked
        text, gold = parse(marked)
        for ent, a, b, span in gold:
            assert text[a:b] == span, (marked, span)
            assert span == span.strip() and span, (marked, span)
        rid = f"it16-{i:03d}"
        rows.append(
            {
                "id": rid,
                "split": split_of(rid),
                "lang": "it",
                "text": text,
                "gold": [[e, a, b] for e, a, b, _ in gold],
            }
        )
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts), "duplicate text"
    path = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "italian16-tune.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # Check what was written, reading it back as the scorer will.
    with open(path, encoding="utf-8") as f:
        back = [json.loads(l) for l in f]
    for r, marked in zip(back, TEXTS):
        spans = [m.group(2) for m in MARK.finditer(marked)]
        assert [r["text"][a:b] for _, a, b in r["gold"]] == spans, r["id"]
    n = len(back)
    a = sum(r["split"] == "A" for r in back)
    loc = sum(1 for r in back for g in r["gold"] if g[0] != "PERSON")
    per = sum(1 for r in back for g in r["gold"] if g[0] == "PERSON")
    none = sum(1 for r in back if not any(g[0] != "PERSON" for g in r["gold"]))
    print(f"{n} texts ({a} A, {n - a} B); {loc} places/addresses, {per} persons; {none} without a place")


if __name__ == "__main__":
    main()
