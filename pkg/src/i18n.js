// User-visible strings of the browser layer. `{n}`, `{check}`, `{word}` are filled in by
// format(); every string reaches the DOM through textContent only.

const en = {
  title: 'Personal data in your message',
  description: 'Before this is sent, check what will leave your device.',
  count: (n) => (n === 1 ? '1 item of personal data was found.' : `${n} items of personal data were found.`),
  sendRedacted: 'Send redacted',
  sendAsTyped: 'Send as typed',
  edit: 'Edit',
  cancel: 'Cancel',
  willReplace: 'will be replaced by a placeholder',
  willSend: 'will be sent as typed',
  allowedAlways: 'always allowed',
  allowedOnce: 'allowed once',
  preview: 'What will be sent',
  reasonCheck: 'check {check} passed',
  reasonContext: 'near “{word}”',
  reasonPattern: 'matches the {rule} pattern',
  redact: 'Redact',
  allowOnce: 'Allow once',
  alwaysAllow: 'Always allow this value',
  findingsLabel: 'Findings',
  actionsHint: 'Alt+Down arrow for actions.',
  entities: {
    EMAIL_ADDRESS: 'Email address', PHONE_NUMBER: 'Phone number', CREDIT_CARD: 'Card number',
    IBAN_CODE: 'IBAN', IP_ADDRESS: 'IP address', MAC_ADDRESS: 'MAC address', URL: 'Web address',
    US_SSN: 'US Social Security number', PERSON: 'Name', SECRET: 'Secret or API key',
  },
};

const de = {
  title: 'Personenbezogene Daten in Ihrer Nachricht',
  description: 'Prüfen Sie vor dem Senden, was Ihr Gerät verlässt.',
  count: (n) => (n === 1 ? '1 personenbezogenes Datum gefunden.' : `${n} personenbezogene Daten gefunden.`),
  sendRedacted: 'Geschwärzt senden',
  sendAsTyped: 'Wie eingegeben senden',
  edit: 'Bearbeiten',
  cancel: 'Abbrechen',
  willReplace: 'wird durch einen Platzhalter ersetzt',
  willSend: 'wird wie eingegeben gesendet',
  allowedAlways: 'immer erlaubt',
  allowedOnce: 'einmal erlaubt',
  preview: 'Was gesendet wird',
  reasonCheck: 'Prüfung {check} bestanden',
  reasonContext: 'neben „{word}“',
  reasonPattern: 'passt zum Muster {rule}',
  redact: 'Schwärzen',
  allowOnce: 'Einmal erlauben',
  alwaysAllow: 'Diesen Wert immer erlauben',
  findingsLabel: 'Funde',
  actionsHint: 'Alt+Pfeil nach unten für Aktionen.',
  entities: {
    EMAIL_ADDRESS: 'E-Mail-Adresse', PHONE_NUMBER: 'Telefonnummer', CREDIT_CARD: 'Kartennummer',
    IBAN_CODE: 'IBAN', IP_ADDRESS: 'IP-Adresse', MAC_ADDRESS: 'MAC-Adresse', URL: 'Webadresse',
    US_SSN: 'US-Sozialversicherungsnummer', PERSON: 'Name', SECRET: 'Geheimnis oder API-Schlüssel',
  },
};

const fr = {
  title: 'Données personnelles dans votre message',
  description: 'Avant l’envoi, vérifiez ce qui quittera votre appareil.',
  count: (n) => (n === 1 ? '1 donnée personnelle trouvée.' : `${n} données personnelles trouvées.`),
  sendRedacted: 'Envoyer masqué',
  sendAsTyped: 'Envoyer tel quel',
  edit: 'Modifier',
  cancel: 'Annuler',
  willReplace: 'sera remplacé par un marqueur',
  willSend: 'sera envoyé tel quel',
  allowedAlways: 'toujours autorisé',
  allowedOnce: 'autorisé une fois',
  preview: 'Ce qui sera envoyé',
  reasonCheck: 'contrôle {check} réussi',
  reasonContext: 'près de « {word} »',
  reasonPattern: 'correspond au motif {rule}',
  redact: 'Masquer',
  allowOnce: 'Autoriser une fois',
  alwaysAllow: 'Toujours autoriser cette valeur',
  findingsLabel: 'Éléments trouvés',
  actionsHint: 'Alt+Flèche bas pour les actions.',
  entities: {
    EMAIL_ADDRESS: 'Adresse e-mail', PHONE_NUMBER: 'Numéro de téléphone', CREDIT_CARD: 'Numéro de carte',
    IBAN_CODE: 'IBAN', IP_ADDRESS: 'Adresse IP', MAC_ADDRESS: 'Adresse MAC', URL: 'Adresse web',
    US_SSN: 'Numéro de sécurité sociale américain', PERSON: 'Nom', SECRET: 'Secret ou clé d’API',
  },
};

const es = {
  title: 'Datos personales en su mensaje',
  description: 'Antes de enviar, compruebe lo que saldrá de su dispositivo.',
  count: (n) => (n === 1 ? 'Se encontró 1 dato personal.' : `Se encontraron ${n} datos personales.`),
  sendRedacted: 'Enviar ocultando',
  sendAsTyped: 'Enviar tal cual',
  edit: 'Editar',
  cancel: 'Cancelar',
  willReplace: 'se sustituirá por un marcador',
  willSend: 'se enviará tal cual',
  allowedAlways: 'siempre permitido',
  allowedOnce: 'permitido una vez',
  preview: 'Lo que se enviará',
  reasonCheck: 'control {check} superado',
  reasonContext: 'junto a «{word}»',
  reasonPattern: 'coincide con el patrón {rule}',
  redact: 'Ocultar',
  allowOnce: 'Permitir una vez',
  alwaysAllow: 'Permitir siempre este valor',
  findingsLabel: 'Hallazgos',
  actionsHint: 'Alt+Flecha abajo para las acciones.',
  entities: {
    EMAIL_ADDRESS: 'Correo electrónico', PHONE_NUMBER: 'Número de teléfono', CREDIT_CARD: 'Número de tarjeta',
    IBAN_CODE: 'IBAN', IP_ADDRESS: 'Dirección IP', MAC_ADDRESS: 'Dirección MAC', URL: 'Dirección web',
    US_SSN: 'Número de la Seguridad Social de EE. UU.', PERSON: 'Nombre', SECRET: 'Secreto o clave de API',
  },
};

export const LOCALES = { en, de, fr, es };

/**
 * The strings for `locale` ("de", "de-AT", ...), falling back to English, with `overrides`.
 * @param {string | undefined} locale
 * @param {object} [overrides]
 */
export function strings(locale, overrides) {
  const lang = String(locale ?? globalThis.navigator?.language ?? 'en').toLowerCase().split(/[-_]/)[0];
  const base = LOCALES[lang] ?? en;
  return { ...en, ...base, ...overrides, entities: { ...en.entities, ...base.entities, ...overrides?.entities } };
}

/** Fills `{name}` slots. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
}

/** The entity's display name, or the id itself for a type without a translation. */
export function entityName(s, entity) {
  return s.entities[entity] ?? entity;
}

/** Why a finding was reported, as one line. */
export function reasonText(s, f) {
  const parts = [];
  if (f.check) parts.push(format(s.reasonCheck, { check: f.check }));
  if (f.context) parts.push(format(s.reasonContext, { word: f.context }));
  if (parts.length === 0) parts.push(format(s.reasonPattern, { rule: f.rule }));
  return parts.join(' · ');
}
