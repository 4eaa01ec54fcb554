// Compiled (not run) by tests/js/types.test.mjs under --strict: the declarations must accept
// every documented option and call, and reject what is not one.
import { createGuard, install, init, initScanner, createScanner, attachEarly, type EarlyHighlight, type HighlightController, type Scanner, type Finding, Airlock, PiiAirlockBlockedError, PiiAirlockConfigError, type PolicyErrorKind, type BypassDetail, DEFAULT_ENDPOINTS, LOCALES, PRESETS, loadGazetteer, type GuardOptions, type PlannedFinding, type PolicyDoc, type Receipt, type MarkState } from 'pii-airlock';

const doc: PolicyDoc = {
  version: 1, extends: 'gdpr', countries: ['DE'], minScore: 0.6, disabledRules: ['url'],
  categories: { special_categories: 'block' }, actions: { EMAIL_ADDRESS: 'synthesize' },
  consent: { allowSendAsTyped: false }, receipts: { retentionDays: 30 },
};
const opts: GuardOptions = {
  policy: doc, endpoints: ['/api/', /\/v1\//, (u) => u.host === 'llm.example'], locale: 'de',
  strings: { sendRedacted: 'Go' }, consent: async ({ items, allowAsTyped }) => (items.length && allowAsTyped ? 'as-typed' : 'redacted'),
  allowAsTyped: false, openai: true, paths: ['documents.*.text'], gazetteer: '/assets/gazetteer.txt',
  worker: { threshold: 20_000 }, debounce: 50, receipts: { retentionDays: 30 }, receiptKey: 'app key',
  restore: { urlSchemes: ['mailto'], urlOrigins: ['https://crm.example.com'], toolArguments: false },
  conversationOf: (u) => u.searchParams.get('chat') ?? undefined,
  onBypass: (d: BypassDetail) => console.log(d.url, d.initiatorType),
};
await createGuard({ policy: 'strict', gazetteer: false });
const guard = await createGuard(opts);
const f: PlannedFinding = guard.scan('x')[0];
const action: 'allow' | 'highlight' | 'ask' | 'redact' | 'mask' | 'pseudonymize' | 'synthesize' | 'block' = f.action;
const open: boolean = f.needsDecision;
const names: boolean = guard.namesAvailable;
const offsets: [number, number] = [f.start, f.end];
const many: PlannedFinding[] = await guard.scanAsync('x');
const s: string = guard.redact('x') + guard.pseudonymize('x') + guard.restore('x');
const r = await guard.requestConsent('x', { returnFocus: null });
if (r.decision === 'redacted' || r.decision === 'as-typed') console.log(r.text, r.receipt?.decisions[0]?.action, r.receipt?.decisions[0]?.decidedBy);
const kept: Receipt[] = guard.receipts();
const bytes: Uint8Array | null = await loadGazetteer();
const field = document.createElement('textarea');
const ctl = guard.attach(field);
field.addEventListener('pii-airlock:findings', (e) => console.log(e.detail.text.length, e.detail.findings[0]?.value));
const look: MarkState = 'block';
console.log(ctl.findings[0]?.value);
ctl.detach();
const guarded: typeof fetch = guard.guardFetch(fetch);
const body: string = await guard.guardBody('{}');
const undo: () => void = guard.install();
guard.choose(f, 'v', 'always-allow');
guard.addEventListener('consent', (e) => console.log(e.detail.decision, e.detail.receipts.length, e.detail.receipt?.hash));
guard.addEventListener('blocked', (e) => console.log(e.detail.reason));
guard.addEventListener('pii-airlock-bypass', (e) => console.log(e.detail.url));
try { await createGuard({ policy: { version: 1 } }); } catch (e) {
  if (e instanceof PiiAirlockConfigError && e.kind) { const k: PolicyErrorKind = e.kind; console.log(k, e.path); }
}
guard.dispose();
const { guard: later, uninstall } = install({ endpoints: ['/api/'] });
later.then((g) => g.dispose());
// The small first module: a scanner for highlighting before the full module has loaded.
const { scanner: early } = install({ scannerWasm: '/assets/pii_airlock_scan_bg.wasm' });
early.then((sc: Scanner) => { const m: 'scanner' | 'full' = sc.module; console.log(m, sc.namesAvailable, sc.scan('x')[0]?.entity); sc.free(); });
// The first highlight from the first module, handed over to the guard's highlighter.
const box = document.createElement('textarea');
const drawnEarly: EarlyHighlight = install().attach(box, { debounce: 50 });
drawnEarly.ready.then((c: HighlightController | null) => c?.detach());
const alone = attachEarly(box, { guard: createGuard(), scanner: createScanner(), attachOptions: { debounce: 100 } });
alone.refresh();
alone.detach();
const own = attachEarly(box, { debounce: 60 });
const drawnOnce: Promise<void> = own.painted;
drawnOnce.then(() => own.detach());
// @ts-expect-error attachEarly takes an element, not a selector
attachEarly('#prompt');
await initScanner();
const scanned: Finding[] = (await createScanner({ countries: ['DE'], minScore: 0.6, disabledRules: ['url'], gazetteer: false })).scan('x');
console.log(scanned.length);
// @ts-expect-error the scanner takes engine options, not a policy
await createScanner({ policy: 'gdpr' });
await init();
new Airlock({ countries: ['FR'] }).scan('x');
try { await guarded('/api'); } catch (e) { if (e instanceof PiiAirlockBlockedError) { const why: string = e.reason; console.log(why); } }
console.log(DEFAULT_ENDPOINTS.length, LOCALES.fr.cancel, s, action, offsets, many, body, undo, uninstall, open, names, kept, bytes, PRESETS);

// @ts-expect-error unknown option
await createGuard({ colour: 'red' });
// @ts-expect-error not a preset
await createGuard({ policy: 'ask' });
// @ts-expect-error engine settings live in the policy
await createGuard({ countries: ['DE'] });
// @ts-expect-error not an action
await createGuard({ policy: { version: 1, actions: { EMAIL_ADDRESS: 'shred' } } });
// @ts-expect-error not a decision
guard.choose(f, 'v', 'maybe');
// @ts-expect-error a conversation is named by a string
await createGuard({ conversationOf: () => 42 });
// @ts-expect-error the generated policy types reject a misspelt field
await createGuard({ policy: { version: 1, mask: { kepe: 2 } } });
// @ts-expect-error restore options take lists of schemes and origins
await createGuard({ restore: { urlSchemes: 'mailto' } });
// @ts-expect-error there is no switch that restores into every URL
await createGuard({ restore: { anyUrl: true } });
const a = new Airlock(undefined);
a.setRestoreOptions({ urlOrigins: ['https://crm.example.com'] });
