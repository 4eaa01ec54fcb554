// The package's TypeScript declarations, checked with tsc --strict against a usage file that
// imports the installed tarball by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, packTarball, installTarball } from '../e2e/fixtures.mjs';

test('index.d.ts type-checks every documented option and call, and rejects unknown ones', () => {
  const dir = installTarball(packTarball());
  copyFileSync(join(ROOT, 'tests/js/types/usage.ts'), join(dir, 'usage.ts'));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext',
      '--moduleResolution', 'bundler', '--lib', 'esnext,dom', 'usage.ts'], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
