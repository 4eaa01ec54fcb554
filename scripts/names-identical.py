#!/usr/bin/env python3
"""Checks that two builds of the CLI report byte-identical findings on every names data set:
the proof a speed change to the names pass left its findings alone.

    cargo build --release --bin pii-airlock && cp target/release/pii-airlock /tmp/base
    # ... change the code, build again ...
    python3 scripts/names-identical.py --base /tmp/base [--new target/release/pii-airlock]

Inputs: tests/data/names-eval.jsonl (every split: comparing outputs tunes nothing),
person-tune.jsonl, places-tune.jsonl, address-tune.jsonl, and the benign text of both parts
that scripts/score-names-eval.py reads (man pages, docs, code; 1 MiB each by default, cached
under --cache). Each set is scanned with `scan --jsonl` by both binaries, in byte and
in code-point offsets, and the raw outputs compared; the first differing records are named
by id only (never their text). Exit status 1 on any difference.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def scorer():
    """scripts/score-names-eval.py as a module (its name has dashes)."""
    spec = importlib.util.spec_from_file_location(
        "score_names_eval", os.path.join(HERE, "score-names-eval.py")
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(binary, inp, offsets):
    res = subprocess.run(
        [binary, "scan", "--jsonl", "--offsets", offsets],
        input=inp,
        capture_output=True,
        check=True,
    )
    return res.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="the CLI built before the change")
    ap.add_argument("--new", default="target/release/pii-airlock")
    ap.add_argument("--benign-kb", type=int, default=1024)
    ap.add_argument("--cache", default="target/names-eval")
    a = ap.parse_args()
    sets = {}
    for path in [
        "tests/data/names-eval.jsonl",
        "tests/data/person-tune.jsonl",
        "tests/data/places-tune.jsonl",
        "tests/data/address-tune.jsonl",
    ]:
        sets[os.path.basename(path)] = [
            json.loads(l) for l in open(path, encoding="utf-8") if l.strip()
        ]
    if a.benign_kb > 0:
        s = scorer()
        for split in ["tune", "heldout"]:
            for name, recs in s.benign(split, a.benign_kb, a.cache).items():
                sets[f"benign-{name}-{split}"] = recs
    failed = False
    for name, recs in sets.items():
        inp = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in recs)
        inp = inp.encode()
        for offsets in ["byte", "codepoint"]:
            old, new = run(a.base, inp, offsets), run(a.new, inp, offsets)
            lines = old.count(b"\n")
            findings = old.count(b'"entity"')
            if old == new:
                print(f"same      {name} ({offsets}): {lines} records, {findings} findings")
                continue
            failed = True
            ol, nl = old.splitlines(), new.splitlines()
            ids = [
                json.loads(o).get("id")
                for o, n in zip(ol, nl)
                if o != n
            ]
            print(
                f"DIFFERENT {name} ({offsets}): {len(ids)} records differ "
                f"({len(ol)} vs {len(nl)} lines), first ids: {ids[:10]}"
            )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
