// Compiled (not run) by tests/js/types.test.mjs under --strict: the declarations must accept
// every documented option and call, and reject what is not one.
import { createGuard, install, init, Airlock, PiiAirlockBlockedError, DEFAULT_ENDPOINTS, LOCALES, type GuardOptions, type PlannedFinding } from 'pii-airlock';

const opts: GuardOptions = {
  policy: 'ask', endpoints: ['/api/', /\/v1\//, (u) => u.host === 'llm.example'], locale: 'de',
  strings: { sendRedacted: 'Go' }, consent: async ({ items, allowAsTyped }) => (items.length && allowAsTyped ? 'as-typed' : 'redacted'),
  allowAsTyped: false, countries: ['DE'], minScore: 0.6, disabledRules: ['url'], openai: true, paths: ['documents.*.text'],
  worker: { threshold: 20_000 }, debounce: 50, receipts: { retentionDays: 30 },
};
const guard = await createGuard(opts);
const f: PlannedFinding = guard.scan('x')[0];
const action: 'ask' | 'allow' = f.action;
const offsets: [number, number] = [f.start, f.end];
const many: PlannedFinding[] = await guard.scanAsync('x');
const s: string = guard.redact('x') + guard.pseudonymize('x') + guard.restore('x');
const r = await guard.requestConsent('x', { returnFocus: null });
if (r.decision === 'redacted' || r.decision === 'as-typed') console.log(r.text, r.receipt?.items[0]?.decision);
const ctl = guard.attach(document.createElement('textarea'));
console.log(ctl.findings[0]?.value);
ctl.detach();
const guarded: typeof fetch = guard.guardFetch(fetch);
const body: string = await guard.guardBody('{}');
const undo: () => void = guard.install();
guard.choose(f, 'v', 'always-allow');
guard.addEventListener('consent', (e) => console.log(e.detail.decision, e.detail.receipt.items));
guard.addEventListener('blocked', (e) => console.log(e.detail.reason));
guard.dispose();
const { guard: later, uninstall } = install({ endpoints: ['/api/'] });
later.then((g) => g.dispose());
await init();
new Airlock({ countries: ['FR'] }).scan('x');
try { await guarded('/api'); } catch (e) { if (e instanceof PiiAirlockBlockedError) { const why: string = e.reason; console.log(why); } }
console.log(DEFAULT_ENDPOINTS.length, LOCALES.fr.cancel, s, action, offsets, many, body, undo, uninstall);

// @ts-expect-error unknown option
await createGuard({ colour: 'red' });
// @ts-expect-error presets arrive with the policy layer
await createGuard({ policy: 'gdpr' });
// @ts-expect-error not a decision
guard.choose(f, 'v', 'maybe');
