// The packed tarball installed into a fresh directory and imported from Node ESM by its bare
// name, the way a server-side user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packTarball, installTarball } from '../e2e/fixtures.mjs';

test('the tarball imports in Node ESM and scans, redacts, restores and rewrites bodies', () => {
  const tarball = packTarball();
  const dir = installTarball(tarball);
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/pii-airlock/package.json'), 'utf8'));
  assert.equal(Object.keys(manifest.exports['.'])[0], 'types', 'types come first in the exports map');
  writeFileSync(join(dir, 'check.mjs'), `
import { init, Airlock, createGuard, PiiAirlockBlockedError } from 'pii-airlock';
await init();
const a = new Airlock();
const out = {};
out.scan = a.scan('Mail jane@example.com').map((f) => [f.entity, f.start, f.end]);
out.redact = a.redact('Mail jane@example.com, IBAN DE89 3704 0044 0532 0130 00');
out.restore = a.restore('Wrote to EMAIL_ADDRESS_1.');
const g = await createGuard();
out.body = await g.guardBody(JSON.stringify({ messages: [{ role: 'user', content: 'call +44 20 7946 0958' }] }));
try { await g.guardBody('not json'); } catch (e) { out.blocked = [e instanceof PiiAirlockBlockedError, e.reason]; }
out.names = [g.namesAvailable, g.scan('Please ask Maria Schneider').map((f) => f.entity)];
console.log(JSON.stringify(out));
`);
  const got = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.deepEqual(got.scan, [['EMAIL_ADDRESS', 5, 21]]);
  assert.equal(got.redact, 'Mail [EMAIL_ADDRESS_1], IBAN [IBAN_CODE_1]');
  assert.equal(got.restore, 'Wrote to jane@example.com.');
  assert.equal(JSON.parse(got.body).messages[0].content, 'call [PHONE_NUMBER_1]');
  assert.deepEqual(got.blocked, [true, 'payload']);
  // The name list ships in the tarball (dist/gazetteer.bin) and is read from disk.
  assert.deepEqual(got.names, [true, ['PERSON']]);
  assert.ok(manifest.exports['./gazetteer']);
});
