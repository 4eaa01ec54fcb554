// Plain-language wording for the demo, and where the outgoing text differs from what was typed.
// Nothing here decides what is found or what is sent: that is the package's job. This module
// only words the package's findings (entity, check, context, action) for a person, and marks
// the parts of the package's outgoing text that differ from the typed text.

/** The policy categories, in the order a person thinks of them. */
export const CATEGORIES = [
  { id: 'people', label: 'Names', hint: 'people you mention' },
  { id: 'contact', label: 'Contact details', hint: 'e-mail, phone, links' },
  { id: 'identifiers', label: 'ID numbers', hint: 'national IDs, dates of birth' },
  { id: 'financial', label: 'Money', hint: 'IBAN, cards, accounts' },
  { id: 'locations', label: 'Places', hint: 'addresses, towns' },
  { id: 'special_categories', label: 'Sensitive data', hint: 'health, religion, beliefs' },
  { id: 'secrets', label: 'Secrets', hint: 'keys, tokens, passwords' },
];

/** Policy actions and what they mean to the person typing. */
export const ACTIONS = [
  ['ask', 'Ask me'],
  ['pseudonymize', 'Replace, restore in the answer'],
  ['synthesize', 'Stand-in value, restore in the answer'],
  ['mask', 'Mask all but the last characters'],
  ['redact', 'Remove for good'],
  ['highlight', 'Only show, send as typed'],
  ['allow', 'Ignore'],
  ['block', 'Block sending'],
];

/** The four looks of the legend. */
export const STATE_LABEL = {
  replace: 'Will be replaced',
  ask: 'Needs your decision',
  block: 'Blocked',
  shown: 'Only shown',
};

/**
 * Which look a finding has, as the package's editor marks draw it (their `data-state`): a
 * block stays a block (nothing is sent), then the user's per-finding choice from the highlight
 * popover, then whether the policy asks, then its action.
 */
export function stateOf(finding, choice) {
  if (finding.action === 'block') return 'block';
  if (choice === 'redact') return 'replace';
  if (choice === 'allow-once' || choice === 'always-allow') return 'shown';
  if (finding.needsDecision) return 'ask';
  if (finding.action === 'allow' || finding.action === 'highlight') return 'shown';
  return 'replace';
}

// The context labels of the names pass, which are not words of the text.
const CONTEXT_REASONS = {
  gazetteer: 'It is a common first or last name.',
  title: 'It follows a title such as “Mr” or “Frau”.',
  signature: 'It signs off the message.',
  'name-phrase': 'It follows words like “my name is”.',
  'first-person': 'You say it about yourself.',
};

const CHECKS = {
  luhn: 'its check digit is valid (Luhn, as on every card)',
  mod97: 'its check digits are valid (ISO 7064, as on every IBAN)',
  crc32: 'its built-in checksum is valid, so it is a real token format',
  'nhs-mod11': 'its check digit is valid (NHS modulus 11)',
  'nir-mod97': 'its key is valid (97 − number mod 97)',
  'calendar-date': 'it is a real calendar date',
};

/** Why the package reported it, in words. */
export function whyText(f) {
  const parts = [];
  if (f.check) {
    const c = CHECKS[f.check] ?? 'its check digits are valid';
    parts.push(c[0].toUpperCase() + c.slice(1) + '.');
  }
  if (f.context) {
    parts.push(CONTEXT_REASONS[f.context] ?? `It appears next to “${f.context}”.`);
  }
  if (parts.length === 0) parts.push('Its shape matches this kind of data.');
  return parts.join(' ');
}

/** What will happen to it, in words; `replacement` is what the outgoing text has instead. */
export function effectText(f, state, replacement, choice) {
  const r = replacement ? ` ${replacement}` : '';
  if (state === 'block') return 'Sending is blocked while this is in the message.';
  if (state === 'shown') {
    return choice ? 'You allowed it: it is sent as typed.' : 'Sent as typed; it is only highlighted so you know.';
  }
  if (state === 'ask') {
    return `You will be asked before anything is sent. “Send redacted” sends${r || ' a placeholder'} instead.`;
  }
  if (choice === 'redact') return `You chose to replace it: the assistant gets${r || ' a placeholder'}.`;
  switch (f.action) {
    case 'pseudonymize': return `Replaced by${r || ' a placeholder'}; the answer gets the real value back.`;
    case 'synthesize': return `Replaced by a made-up value of the same kind${r ? ` (${replacement.trim()})` : ''}; the answer gets the real value back.`;
    case 'mask': return `Sent masked${r ? ` as ${replacement.trim()}` : ''}.`;
    case 'redact': return `Removed${r ? `, sent as ${replacement.trim()}` : ''}; it cannot come back in the answer.`;
    default: return `Replaced before sending${r ? ` by ${replacement.trim()}` : ''}.`;
  }
}

/**
 * Lines up the typed text and the outgoing text around the findings: the text between
 * findings is the same in both, so what sits between two unchanged stretches in the outgoing
 * text is what replaced a finding. Returns `{ text, finding? }` pieces of the outgoing text,
 * or null when the two cannot be lined up (the caller then shows the text unmarked).
 */
export function alignChanges(typed, outgoing, findings) {
  const sorted = findings.slice().sort((a, b) => a.start - b.start);
  const pieces = [];
  let o = 0;
  let prev = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i];
    if (f.start < prev) continue; // overlapping findings are resolved by the engine; never expected
    const same = typed.slice(prev, f.start);
    if (!outgoing.startsWith(same, o)) return null;
    if (same) pieces.push({ text: same });
    o += same.length;
    const next = sorted[i + 1];
    const gap = typed.slice(f.end, next ? next.start : typed.length);
    let end;
    if (!next) {
      if (!outgoing.endsWith(gap) || outgoing.length - gap.length < o) return null;
      end = outgoing.length - gap.length;
    } else if (gap === '') {
      // Two findings side by side: the first keeps its value or is one placeholder token.
      const value = typed.slice(f.start, f.end);
      const token = /^\[[^\]\s]*\]/.exec(outgoing.slice(o));
      if (outgoing.startsWith(value, o)) end = o + value.length;
      else if (token) end = o + token[0].length;
      else return null;
    } else {
      end = outgoing.indexOf(gap, o);
      if (end < 0) return null;
    }
    const text = outgoing.slice(o, end);
    pieces.push({ text, finding: f, changed: text !== typed.slice(f.start, f.end) });
    o = end;
    prev = f.end;
  }
  const tail = typed.slice(prev);
  if (outgoing.slice(o) !== tail) return null;
  if (tail) pieces.push({ text: tail });
  return pieces;
}

/** The same pieces as they appear inside a JSON string (each escaped on its own). */
export function escapeJsonPieces(pieces) {
  return pieces.map((p) => ({ ...p, text: JSON.stringify(p.text).slice(1, -1) }));
}

/**
 * Names for the entity types the package's English strings do not name yet, passed to the
 * package through its public `strings` option, so the dialog and the popover use them too.
 */
export const ENTITY_NAMES = {
  HEALTH_DATA: 'Health information', RELIGIOUS_BELIEF: 'Religious belief', POLITICAL_OPINION: 'Political opinion',
  ETHNIC_ORIGIN: 'Ethnic origin', SEXUAL_ORIENTATION: 'Sexual orientation', TRADE_UNION: 'Trade-union membership',
  BIOMETRIC_GENETIC_DATA: 'Biometric or genetic data', LOCATION: 'Place', STREET_ADDRESS: 'Street address',
  DATE_OF_BIRTH: 'Date of birth', UK_NHS: 'NHS number', UK_NINO: 'National Insurance number',
  FR_NIR: 'French social security number (NIR)', FR_NIF: 'French tax number', DE_TAX_ID: 'German tax ID',
  DE_SOCIAL_SECURITY: 'German social security number', DE_ID_CARD: 'German ID card number', DE_PASSPORT: 'German passport number',
  ES_NIF: 'Spanish tax ID (NIF)', ES_NIE: 'Spanish foreigner ID (NIE)', IT_FISCAL_CODE: 'Italian fiscal code',
  NL_BSN: 'Dutch citizen number (BSN)', PL_PESEL: 'Polish PESEL', SE_PERSONNUMMER: 'Swedish personal number',
  US_ITIN: 'US taxpayer number (ITIN)', US_PASSPORT: 'US passport number', US_DRIVER_LICENSE: 'US driver licence',
  US_BANK_NUMBER: 'US bank account number', ABA_ROUTING_NUMBER: 'US routing number', SWIFT_BIC: 'SWIFT/BIC code',
  EU_VAT: 'EU VAT number', CRYPTO: 'Crypto wallet address', GEO_COORDINATES: 'Coordinates', VIN: 'Vehicle number (VIN)',
  IMEI: 'Phone IMEI', PASSPORT_MRZ: 'Passport machine-readable zone', UK_PASSPORT: 'UK passport number',
};

/** The package's wording for reasons, without its internal labels (rule ids, context tags). */
export const PLAIN_REASONS = {
  reasonCheck: 'its check digits are valid',
  reasonContext: 'recognised from the words around it',
  reasonPattern: 'its shape matches',
};

/** What an action did, for the receipts list. */
export const ACTION_DONE = {
  pseudonymize: 'replaced', synthesize: 'stand-in', mask: 'masked', redact: 'removed',
  allow: 'sent as typed', highlight: 'sent as typed', ask: 'asked', block: 'blocked',
};
