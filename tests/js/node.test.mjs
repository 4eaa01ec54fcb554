// The npm package's Node entry, loaded the way a user's code loads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, Airlock } from '../../pkg/node.js';

test('scan returns UTF-16 offsets that index the JS string', async () => {
  await init();
  const a = new Airlock();
  const text = '👩‍💻 Mail jane.doe@example.com, IBAN DE89 3704 0044 0532 0130 00';
  const f = a.scan(text);
  assert.deepEqual(f.map((x) => x.entity), ['EMAIL_ADDRESS', 'IBAN_CODE']);
  assert.equal(text.slice(f[0].start, f[0].end), 'jane.doe@example.com');
  assert.equal(text.slice(f[1].start, f[1].end), 'DE89 3704 0044 0532 0130 00');
  assert.equal(f[1].check, 'mod97');
});

test('redact and restore round-trip, same value same placeholder', () => {
  const a = new Airlock();
  const out = a.redact('a@example.com, +44 20 7946 0958, again a@example.com');
  assert.equal(out, '[EMAIL_ADDRESS_1], [PHONE_NUMBER_1], again [EMAIL_ADDRESS_1]');
  assert.equal(a.restore('Sure, I wrote to EMAIL_ADDRESS_1 and [PHONE_NUMBER_1].'),
    'Sure, I wrote to a@example.com and +44 20 7946 0958.');
  // Only the forms a model echoes: a changed case is not read, nor is a URL written into.
  assert.equal(a.restore('[phone_number_1] ![x](https://evil.example/?e=[EMAIL_ADDRESS_1])'),
    '[phone_number_1] ![x](https://evil.example/?e=[EMAIL_ADDRESS_1])');
  a.setRestoreOptions({ urlSchemes: ['mailto'] });
  assert.equal(a.restore('[mail](mailto:[EMAIL_ADDRESS_1])'), '[mail](mailto:a@example.com)');
  assert.throws(() => a.setRestoreOptions({ urlOrigins: ['evil.example'] }), /urlOrigins\[0\]/);
  assert.throws(() => a.setRestoreOptions({ anywhere: true }), /anywhere/);
});

test('streaming restore handles placeholders split across chunks', () => {
  const a = new Airlock();
  a.redact('x@example.com');
  const r = a.streamRestorer();
  const answer = 'Reply to [EMAIL_ADDRESS_1] soon.';
  let got = '';
  for (let i = 0; i < answer.length; i += 3) got += r.push(answer.slice(i, i + 3));
  got += r.finish();
  assert.equal(got, 'Reply to x@example.com soon.');
});

test('lone surrogates from JavaScript do not shift offsets', () => {
  const a = new Airlock();
  const text = '\uD800 lone \uDC00 then a@example.com';
  const [f] = a.scan(text);
  assert.equal(text.slice(f.start, f.end), 'a@example.com');
});

test('bad options are a named error, not a silent default', () => {
  assert.throws(() => new Airlock({ countries: ['Atlantis'] }), { name: 'PiiAirlockConfigError' });
  assert.throws(() => new Airlock({ colour: 'red' }), { name: 'PiiAirlockConfigError' });
});

test('the name list is an option: names known to it are found without a cue', async () => {
  const { loadGazetteer } = await import('../../pkg/node.js');
  const text = 'the report went to Maria Schneider yesterday';
  const kinds = (a) => a.scan(text).map((f) => `${f.entity}:${text.slice(f.start, f.end)}`);
  assert.deepEqual(kinds(new Airlock()), []);
  const list = await loadGazetteer();
  assert.ok(list instanceof Uint8Array && list.length > 100000);
  assert.deepEqual(kinds(new Airlock({ gazetteer: list })), ['PERSON:Maria Schneider']);
  assert.throws(() => new Airlock({ gazetteer: 'maria' }), { name: 'PiiAirlockConfigError' });
  assert.throws(() => new Airlock({ gazetteer: new TextEncoder().encode('b\tf\na\tf\n') }),
    { name: 'PiiAirlockConfigError' });
});
