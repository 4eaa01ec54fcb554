#!/usr/bin/env node
// Builds the Manifest V3 extension: the unpacked folder extension/dist/ (load it with
// "Load unpacked") and extension/pii-airlock-extension-<version>.zip for the Chrome Web Store.
//
// The engine is the npm package's build (pkg/dist/, made by scripts/build-wasm.sh): its .wasm,
// glue and name list are copied, not rebuilt. The zip is reproducible: files in sorted order,
// one fixed timestamp, fixed attributes, so building twice gives the same bytes.
//
//   node extension/build.mjs            # dist/ and the zip
//   node extension/build.mjs --no-zip   # dist/ only

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = join(root, 'pkg');
const out = join(here, 'dist');

/** The package files the engine host imports, relative to pkg/ (plus the glue's snippets/). */
const ENGINE_FILES = ['index.js', 'guard.js', 'src/guard.js', 'dist/web/pii_airlock.js', 'dist/web/pii_airlock_bg.wasm', 'dist/gazetteer.bin'];

function build() {
  for (const f of ENGINE_FILES) {
    if (!existsSync(join(pkg, f))) {
      throw new Error(`pkg/${f} is missing: build the package first (bash scripts/build-wasm.sh)`);
    }
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(here, 'src'), out, { recursive: true });
  for (const f of ENGINE_FILES) {
    mkdirSync(dirname(join(out, 'engine', f)), { recursive: true });
    cpSync(join(pkg, f), join(out, 'engine', f));
  }
  // wasm-bindgen's inline JS (imported by the glue); type declarations are not shipped.
  const snippets = join(pkg, 'dist/web/snippets');
  if (existsSync(snippets)) {
    cpSync(snippets, join(out, 'engine/dist/web/snippets'), { recursive: true, filter: (p) => !p.endsWith('.d.ts') });
  }
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) cpSync(join(root, f), join(out, f));
  cpSync(join(here, 'PRIVACY.md'), join(out, 'PRIVACY.md'));
  // One version for the package and the extension.
  const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
  manifest.version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function files(dir) {
  const list = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) list.push(...files(p));
    else list.push(p);
  }
  return list;
}

// 1980-01-01 00:00:00, the earliest DOS date: no build clock in the archive.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of `dir` with entries in byte order of their paths and fixed metadata. */
export function zip(dir) {
  const entries = files(dir)
    .map((p) => ({ name: relative(dir, p).split(sep).join('/'), data: readFileSync(p) }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(DOS_TIME, 12);
    c.writeUInt16LE(DOS_DATE, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(0, 30); // extra and comment lengths
    c.writeUInt16LE(0, 34); // disk
    c.writeUInt16LE(0, 36); // internal attributes
    c.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    c.writeUInt32LE(offset, 42);
    central.push(c, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = build();
  console.log(`extension/dist/ (version ${manifest.version})`);
  if (!process.argv.includes('--no-zip')) {
    const name = `pii-airlock-extension-${manifest.version}.zip`;
    writeFileSync(join(here, name), zip(out));
    console.log(`extension/${name}`);
  }
}
