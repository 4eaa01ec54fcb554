#!/usr/bin/env python3
"""Builds tests/data/test-names.tsv: names, streets and cities for the evaluation in
tests/names.rs, drawn from PyPI `mimesis` 22.2.0 (MIT) locale data — a different source from
the detector's gazetteer (US Census via `names`, `@faker-js/faker`, GeoNames), so the
evaluation measures generalisation, not recall of its own list.

Output lines: `kind<TAB>lang<TAB>value` with kind first|last|street|city.
Usage: python3 scripts/build-test-names.py [--cache DIR]
"""
import argparse
import json
import os
import random
import subprocess
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "test-names.tsv")
LOCALES = {"en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "pl": "pl",
           "pt": "pt"}
PER_KIND = 60


def plain(s, spaces=False):
    s = unicodedata.normalize("NFC", s.strip())
    if not s or not s[0].isupper():
        return False
    return all(c.isalpha() or c in "-'" or (spaces and c == " ") for c in s)


def values(v):
    if isinstance(v, dict):
        return [x for vs in v.values() for x in vs]
    return list(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="/tmp/pii-airlock-testnames")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    whl = os.path.join(args.cache, "mimesis-22.2.0-py3-none-any.whl")
    if not os.path.exists(whl):
        subprocess.run(["pip", "download", "--no-deps", "mimesis==22.2.0", "-d", args.cache],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    z = zipfile.ZipFile(whl)
    rng = random.Random(5)
    rows = []
    for lang, loc in LOCALES.items():
        base = f"mimesis/datasets/{loc}/"
        person = json.loads(z.read(base + "person.json"))
        addr = json.loads(z.read(base + "address.json"))
        firsts = sorted({n for n in values(person["names"]) if plain(n)})
        lasts = sorted({n for n in values(person["surnames"]) if plain(n)})
        streets = sorted({n for n in values(addr["street"]["name"]) if plain(n, True)
                          and len(n.split()) <= 3})
        cities = sorted({n for n in addr["city"] if plain(n, True) and len(n.split()) <= 2})
        for kind, pool in (("first", firsts), ("last", lasts), ("street", streets),
                           ("city", cities)):
            for v in rng.sample(pool, min(PER_KIND, len(pool))):
                rows.append(f"{kind}\t{lang}\t{v}\n")
    with open(OUT, "w", encoding="utf-8") as f:
        f.writelines(rows)
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
