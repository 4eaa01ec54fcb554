// The demo's example messages. Every person, address and number is made up; identifiers carry
// valid check digits so the engine's validators accept them: published specimens (the ECBS
// German IBAN, NHS Digital's example NHS number, the card networks' test card) or values
// generated for this page (the French IBAN and
// RIB key, the NIR key = 97 − (NIR mod 97), the German tax ID by ISO 7064 MOD 11,10, the GitHub
// token's base62 CRC-32).

/** @type {{ id: string, label: string, lang: string, text: string }[]} */
export const EXAMPLES = [
  {
    id: 'support',
    label: 'Support ticket',
    lang: 'en',
    text: `Hi, this is Jane Miller. My order #48213 never arrived.
You can reach me at jane.miller@example.com or +44 20 7946 0958.
I paid with my card 4111 1111 1111 1111, please refund it.`,
  },
  {
    id: 'medical',
    label: 'Medical question',
    lang: 'en',
    text: `I'm Tom Becker, born 14/03/1978, NHS number 943 476 5919.
I was diagnosed with type 2 diabetes last year and my GP prescribed metformin.
Can I take ibuprofen for back pain with it?`,
  },
  {
    id: 'code',
    label: 'Code with an API key',
    lang: 'en',
    text: `Why does this script fail with 403?

import os, requests
OPENAI_API_KEY = "sk-proj-Xk29fLq0Zt7RwYbN3sPvQe5uHjMa1cDoG8iKl4nT6yWx"
GITHUB_TOKEN = "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"
DB = "postgres://orders:Tr0ub4dor-Blue@db.internal:5432/orders"

r = requests.get("https://api.github.com/user",
                 headers={"Authorization": f"token {GITHUB_TOKEN}"})`,
  },
  {
    id: 'hr-de',
    label: 'HR letter (German)',
    lang: 'de',
    text: `Sehr geehrte Frau Schneider,

wir bestätigen Ihre Elternzeit ab dem 1. Juni. Ihr Gehalt überweisen wir bis dahin wie
gewohnt auf das Konto DE89 3704 0044 0532 0130 00. Bitte senden Sie uns Ihre Steuer-ID 47036581241
und erreichen Sie uns unter personal@firma.example oder +49 30 901820.

Mit freundlichen Grüßen
Klaus Weber, Personalabteilung`,
  },
  {
    id: 'fr-customer',
    label: 'Customer e-mail (French)',
    lang: 'fr',
    text: `Bonjour,

je m'appelle Camille Durand et je souhaite modifier mon contrat. Mon numéro de sécurité
sociale est le 2 84 05 69 123 045 63 et mon IBAN FR76 3000 4012 3400 0123 4567 862.
Vous pouvez me joindre au 06 12 34 56 78 ou à camille.durand@exemple.fr.

Cordialement,
Camille Durand`,
  },
];
