// Strings of the options page and the popup in the package's languages (en, de, fr, es), in
// the browser's UI language. Elements with `data-i18n="key"` get the string as text.

const S = {
  en: {
    optionsTitle: 'pii-airlock options', managed: 'Some settings are set by your organisation and cannot be changed here.',
    policy: 'Policy', preset: 'Preset', perCategory: 'Per category (over the preset)', asPreset: 'as the preset',
    allow: 'Never act on these values (one per line, e.g. your company\'s support address)',
    sites: 'Sites', addSiteLabel: 'Add a site (for example http://localhost:3000 for Open WebUI)', addSite: 'Add site',
    remove: 'Remove', retention: 'Retention', retentionHours: 'Restore placeholders for (hours)', save: 'Save', saved: 'Saved.',
    notGranted: 'Not added: the permission was not granted.', added: (o) => `Added ${o}.`,
    badOrigin: 'Only https:// sites, or http:// on localhost.', notSaved: (m) => `Not saved: ${m}`, noAnswer: 'the extension did not answer',
    foundHere: 'Found on this page', receipts: 'Recent consent receipts', forget: 'Forget this conversation',
    export: 'Export receipts', options: 'Options', notHere: 'pii-airlock does not run on this page.',
    off: 'Switched off for this site in the options.', nothingYet: 'Nothing found yet.', noneYet: 'None yet.',
    status: (sent, replaced, restored) => `Sent ${sent} message(s), ${replaced} with placeholders; ${restored} value(s) restored in answers.`,
    held: (n) => `${n} request(s) the page made while you typed were held back: they carried text you had not sent, or personal data you had not agreed to send.`,
    drafts: 'may read drafts',
    draftsHint: '“May read drafts”: the site\'s page may read what you type before you send it (its drafts and suggestions work; values found are still held back). Off, the default: it gets none of your text until you send it.',
    forgotten: 'This conversation\'s placeholders were forgotten.', notForgotten: 'Could not forget this conversation.',
    hints: {
      gdpr: 'Personal data becomes placeholders, special categories are asked about, secrets are removed.',
      ccpa: 'Like GDPR for US and Canadian data; SSNs, card and account numbers are removed.',
      hipaa: 'The 18 Safe Harbor identifiers become placeholders; nothing may be sent as typed.',
      'pci-dss': 'Card and account numbers are masked; secrets block the message.',
      'secrets-only': 'Only credentials are removed; personal data is highlighted and sent.',
      strict: 'Everything found is removed; secrets and special categories block the message.',
    },
  },
  de: {
    optionsTitle: 'pii-airlock – Einstellungen', managed: 'Einige Einstellungen legt Ihre Organisation fest; sie können hier nicht geändert werden.',
    policy: 'Richtlinie', preset: 'Vorgabe', perCategory: 'Je Kategorie (abweichend von der Vorgabe)', asPreset: 'wie die Vorgabe',
    allow: 'Diese Werte nie bearbeiten (einer pro Zeile, z. B. die Support-Adresse Ihrer Firma)',
    sites: 'Websites', addSiteLabel: 'Website hinzufügen (z. B. http://localhost:3000 für Open WebUI)', addSite: 'Hinzufügen',
    remove: 'Entfernen', retention: 'Aufbewahrung', retentionHours: 'Platzhalter wiederherstellen für (Stunden)', save: 'Speichern', saved: 'Gespeichert.',
    notGranted: 'Nicht hinzugefügt: Die Berechtigung wurde nicht erteilt.', added: (o) => `${o} hinzugefügt.`,
    badOrigin: 'Nur https://-Websites oder http:// auf localhost.', notSaved: (m) => `Nicht gespeichert: ${m}`, noAnswer: 'die Erweiterung hat nicht geantwortet',
    foundHere: 'Auf dieser Seite gefunden', receipts: 'Letzte Einwilligungsbelege', forget: 'Diese Unterhaltung vergessen',
    export: 'Belege exportieren', options: 'Einstellungen', notHere: 'pii-airlock läuft auf dieser Seite nicht.',
    off: 'Für diese Website in den Einstellungen ausgeschaltet.', nothingYet: 'Noch nichts gefunden.', noneYet: 'Noch keine.',
    status: (sent, replaced, restored) => `${sent} Nachricht(en) gesendet, ${replaced} mit Platzhaltern; ${restored} Wert(e) in Antworten wiederhergestellt.`,
    held: (n) => `${n} Anfrage(n) der Seite während des Tippens angehalten: Sie enthielten noch nicht gesendeten Text oder personenbezogene Daten, deren Senden Sie nicht zugestimmt hatten.`,
    drafts: 'darf Entwürfe lesen',
    draftsHint: '„Darf Entwürfe lesen“: Die Seite darf lesen, was Sie vor dem Senden tippen (ihre Entwürfe und Vorschläge funktionieren; gefundene Werte werden weiter zurückgehalten). Aus, die Voreinstellung: Sie bekommt nichts von Ihrem Text, bevor Sie ihn senden.',
    forgotten: 'Die Platzhalter dieser Unterhaltung wurden vergessen.', notForgotten: 'Die Unterhaltung konnte nicht vergessen werden.',
    hints: {
      gdpr: 'Personenbezogene Daten werden zu Platzhaltern, besondere Kategorien werden erfragt, Geheimnisse entfernt.',
      ccpa: 'Wie DSGVO für Daten aus den USA und Kanada; SSN, Karten- und Kontonummern werden entfernt.',
      hipaa: 'Die 18 Safe-Harbor-Merkmale werden zu Platzhaltern; nichts darf unverändert gesendet werden.',
      'pci-dss': 'Karten- und Kontonummern werden maskiert; Geheimnisse blockieren die Nachricht.',
      'secrets-only': 'Nur Zugangsdaten werden entfernt; personenbezogene Daten werden markiert und gesendet.',
      strict: 'Alles Gefundene wird entfernt; Geheimnisse und besondere Kategorien blockieren die Nachricht.',
    },
  },
  fr: {
    optionsTitle: 'Options de pii-airlock', managed: 'Certains réglages sont fixés par votre organisation et ne peuvent pas être modifiés ici.',
    policy: 'Politique', preset: 'Préréglage', perCategory: 'Par catégorie (en plus du préréglage)', asPreset: 'comme le préréglage',
    allow: 'Ne jamais traiter ces valeurs (une par ligne, p. ex. l\'adresse du support de votre entreprise)',
    sites: 'Sites', addSiteLabel: 'Ajouter un site (par exemple http://localhost:3000 pour Open WebUI)', addSite: 'Ajouter',
    remove: 'Retirer', retention: 'Conservation', retentionHours: 'Restaurer les espaces réservés pendant (heures)', save: 'Enregistrer', saved: 'Enregistré.',
    notGranted: 'Non ajouté : l\'autorisation n\'a pas été accordée.', added: (o) => `${o} ajouté.`,
    badOrigin: 'Seulement des sites https://, ou http:// sur localhost.', notSaved: (m) => `Non enregistré : ${m}`, noAnswer: 'l\'extension n\'a pas répondu',
    foundHere: 'Trouvé sur cette page', receipts: 'Derniers reçus de consentement', forget: 'Oublier cette conversation',
    export: 'Exporter les reçus', options: 'Options', notHere: 'pii-airlock ne fonctionne pas sur cette page.',
    off: 'Désactivé pour ce site dans les options.', nothingYet: 'Rien trouvé pour l\'instant.', noneYet: 'Aucun pour l\'instant.',
    status: (sent, replaced, restored) => `${sent} message(s) envoyé(s), ${replaced} avec des espaces réservés ; ${restored} valeur(s) restaurée(s) dans les réponses.`,
    held: (n) => `${n} requête(s) de la page pendant la saisie retenue(s) : elles contenaient du texte pas encore envoyé, ou des données personnelles dont vous n'aviez pas accepté l'envoi.`,
    drafts: 'peut lire les brouillons',
    draftsHint: '« Peut lire les brouillons » : la page du site peut lire ce que vous tapez avant l\'envoi (ses brouillons et suggestions fonctionnent ; les valeurs trouvées restent retenues). Désactivé, par défaut : elle ne reçoit rien de votre texte avant que vous l\'envoyiez.',
    forgotten: 'Les espaces réservés de cette conversation ont été oubliés.', notForgotten: 'Impossible d\'oublier cette conversation.',
    hints: {
      gdpr: 'Les données personnelles deviennent des espaces réservés, les catégories particulières sont demandées, les secrets retirés.',
      ccpa: 'Comme le RGPD pour les données des États-Unis et du Canada ; SSN, numéros de carte et de compte retirés.',
      hipaa: 'Les 18 identifiants Safe Harbor deviennent des espaces réservés ; rien ne peut être envoyé tel quel.',
      'pci-dss': 'Numéros de carte et de compte masqués ; les secrets bloquent le message.',
      'secrets-only': 'Seuls les identifiants d\'accès sont retirés ; les données personnelles sont signalées et envoyées.',
      strict: 'Tout ce qui est trouvé est retiré ; secrets et catégories particulières bloquent le message.',
    },
  },
  es: {
    optionsTitle: 'Opciones de pii-airlock', managed: 'Su organización fija algunos ajustes; no se pueden cambiar aquí.',
    policy: 'Política', preset: 'Perfil', perCategory: 'Por categoría (sobre el perfil)', asPreset: 'como el perfil',
    allow: 'No tratar nunca estos valores (uno por línea, p. ej. la dirección de soporte de su empresa)',
    sites: 'Sitios', addSiteLabel: 'Añadir un sitio (por ejemplo http://localhost:3000 para Open WebUI)', addSite: 'Añadir',
    remove: 'Quitar', retention: 'Conservación', retentionHours: 'Restaurar marcadores durante (horas)', save: 'Guardar', saved: 'Guardado.',
    notGranted: 'No añadido: no se concedió el permiso.', added: (o) => `${o} añadido.`,
    badOrigin: 'Solo sitios https://, o http:// en localhost.', notSaved: (m) => `No guardado: ${m}`, noAnswer: 'la extensión no respondió',
    foundHere: 'Encontrado en esta página', receipts: 'Últimos recibos de consentimiento', forget: 'Olvidar esta conversación',
    export: 'Exportar recibos', options: 'Opciones', notHere: 'pii-airlock no funciona en esta página.',
    off: 'Desactivado para este sitio en las opciones.', nothingYet: 'Nada encontrado todavía.', noneYet: 'Ninguno todavía.',
    status: (sent, replaced, restored) => `${sent} mensaje(s) enviado(s), ${replaced} con marcadores; ${restored} valor(es) restaurado(s) en las respuestas.`,
    held: (n) => `${n} solicitud(es) de la página durante la escritura retenida(s): contenían texto aún no enviado, o datos personales cuyo envío no había aceptado.`,
    drafts: 'puede leer borradores',
    draftsHint: '«Puede leer borradores»: la página del sitio puede leer lo que escribe antes de enviarlo (sus borradores y sugerencias funcionan; los valores encontrados se siguen reteniendo). Desactivado, por defecto: no recibe nada de su texto hasta que lo envía.',
    forgotten: 'Se olvidaron los marcadores de esta conversación.', notForgotten: 'No se pudo olvidar esta conversación.',
    hints: {
      gdpr: 'Los datos personales pasan a marcadores, se pregunta por las categorías especiales, se quitan los secretos.',
      ccpa: 'Como el RGPD para datos de EE. UU. y Canadá; se quitan SSN y números de tarjeta y cuenta.',
      hipaa: 'Los 18 identificadores de Safe Harbor pasan a marcadores; nada se puede enviar tal cual.',
      'pci-dss': 'Números de tarjeta y cuenta enmascarados; los secretos bloquean el mensaje.',
      'secrets-only': 'Solo se quitan las credenciales; los datos personales se resaltan y se envían.',
      strict: 'Se quita todo lo encontrado; secretos y categorías especiales bloquean el mensaje.',
    },
  },
};

const ui = (globalThis.chrome?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en').slice(0, 2);
export const lang = S[ui] ? ui : 'en';

/** The string `key` (a function's result when it takes arguments), falling back to English. */
export function t(key, ...args) {
  const v = S[lang][key] ?? S.en[key];
  return typeof v === 'function' ? v(...args) : v;
}

/** Sets the text of every `[data-i18n]` element and the document's language. */
export function translate(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

/** Every language has every key (the tests check it). */
export const LANGS = Object.keys(S);
export const KEYS = (l) => Object.keys(S[l]);
