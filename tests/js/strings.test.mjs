// The shipped strings (src/dom/i18n.rs) as the package hands them out: LOCALES, and the guard's
// `strings` built from a locale and overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard, LOCALES } from '../../pkg/node.js';

const KEYS = ['title', 'description', 'count', 'sendRedacted', 'sendAsTyped', 'edit', 'cancel', 'willReplace',
  'willSend', 'allowedAlways', 'allowedOnce', 'preview', 'reasonCheck', 'reasonContext', 'reasonPattern', 'redact',
  'allowOnce', 'alwaysAllow', 'findingsLabel', 'actionsHint', 'willRedact', 'willMask', 'byPolicy', 'idNumber',
  'passportNumber', 'licenceNumber', 'taxNumber', 'entities', 'reasons'];
const ENTITIES = ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'IP_ADDRESS', 'MAC_ADDRESS', 'URL',
  'US_SSN', 'PERSON', 'SECRET', 'LOCATION', 'STREET_ADDRESS', 'HEALTH_DATA', 'RELIGIOUS_BELIEF', 'POLITICAL_OPINION',
  'TRADE_UNION', 'SEXUAL_ORIENTATION', 'ETHNIC_ORIGIN', 'BIOMETRIC_GENETIC_DATA', 'DATE_OF_BIRTH', 'ABA_ROUTING_NUMBER',
  'US_BANK_NUMBER', 'SWIFT_BIC', 'CRYPTO', 'GEO_COORDINATES', 'IMEI', 'VIN', 'PASSPORT_MRZ', 'EU_VAT', 'RECORD_NUMBER', 'DRIVER_LICENSE',
  'PL_BANK_ACCOUNT', 'DENY_LIST'];
// The names pass's evidence ids, explained in plain words (never shown as "near “gazetteer”").
const REASONS = ['gazetteer', 'name-phrase', 'title', 'greeting', 'address', 'first-person'];

test('every locale has every string, and the same slots as English', () => {
  assert.deepEqual(Object.keys(LOCALES), ['en', 'de', 'fr', 'es']);
  for (const [lang, s] of Object.entries(LOCALES)) {
    assert.deepEqual(Object.keys(s), KEYS, lang);
    assert.deepEqual(Object.keys(s.entities), ENTITIES, lang);
    assert.deepEqual(Object.keys(s.reasons), REASONS, lang);
    for (const k of KEYS.filter((k) => !['count', 'entities', 'reasons'].includes(k))) {
      assert.equal(typeof s[k], 'string', `${lang}.${k}`);
      assert.ok(s[k].length > 0, `${lang}.${k}`);
    }
    // A slot the code fills must be in every translation.
    assert.match(s.reasonCheck, /\{check\}/, lang);
    assert.match(s.reasonContext, /\{word\}/, lang);
    assert.match(s.reasonPattern, /\{rule\}/, lang);
    for (const k of ['idNumber', 'passportNumber', 'licenceNumber', 'taxNumber']) assert.match(s[k], /\{country\}/, `${lang}.${k}`);
  }
  assert.equal(LOCALES.fr.cancel, 'Annuler');
  assert.equal(LOCALES.de.entities.IBAN_CODE, 'IBAN');
  assert.equal(LOCALES.es.reasonContext, 'junto a «{word}»');
  // The very same objects each time.
  assert.equal(LOCALES.en, LOCALES.en);
});

test('count() says one item in the singular and any other number in the plural', () => {
  assert.equal(LOCALES.en.count(1), '1 item of personal data was found.');
  assert.equal(LOCALES.en.count(3), '3 items of personal data were found.');
  assert.equal(LOCALES.en.count(0), '0 items of personal data were found.');
  assert.equal(LOCALES.de.count(1), '1 personenbezogenes Datum gefunden.');
  assert.equal(LOCALES.de.count(12), '12 personenbezogene Daten gefunden.');
  assert.equal(LOCALES.fr.count(2), '2 données personnelles trouvées.');
  assert.equal(LOCALES.es.count(1), 'Se encontró 1 dato personal.');
  assert.equal(LOCALES.es.count(2), 'Se encontraron 2 datos personales.');
});

test('the guard picks the strings by language tag, falls back to English, applies overrides', async () => {
  const at = await createGuard({ locale: 'de-AT', gazetteer: false });
  assert.equal(at.strings.cancel, 'Abbrechen');
  assert.equal(at.strings.allowedOnce, 'einmal erlaubt');
  assert.equal(at.strings.count(2), '2 personenbezogene Daten gefunden.');
  assert.equal((await createGuard({ locale: 'FR_ca', gazetteer: false })).strings.edit, 'Modifier');
  assert.equal((await createGuard({ locale: 'pt-BR', gazetteer: false })).strings.edit, 'Edit');
  assert.equal((await createGuard({ locale: 'es', gazetteer: false })).strings.entities.PERSON, 'Nombre');

  const count = (n) => `${n} Treffer`;
  const g = await createGuard({
    locale: 'de', gazetteer: false,
    strings: { cancel: 'Zurück', count, extra: 'kept', entities: { IBAN_CODE: 'Kontonummer', DE_TAX_ID: 'Steuer-ID' } },
  });
  assert.equal(g.strings.cancel, 'Zurück');
  assert.equal(g.strings.edit, 'Bearbeiten');
  assert.equal(g.strings.count, count);
  assert.equal(g.strings.extra, 'kept');
  // Entity names merge one by one: the override's, then the language's, then English.
  assert.equal(g.strings.entities.IBAN_CODE, 'Kontonummer');
  assert.equal(g.strings.entities.DE_TAX_ID, 'Steuer-ID');
  assert.equal(g.strings.entities.EMAIL_ADDRESS, 'E-Mail-Adresse');
  // Each guard gets its own copy: overriding never changes the shipped strings.
  assert.equal(LOCALES.de.cancel, 'Abbrechen');
  assert.equal(LOCALES.de.entities.IBAN_CODE, 'IBAN');
  assert.notEqual(g.strings, LOCALES.de);
});
