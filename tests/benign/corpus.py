#!/usr/bin/env python3
"""Benign-text false-positive benchmark for the pattern rules (issue #15).

Assembles a corpus of text that holds no one's personal data or secrets from what a Debian
machine with this project's toolchain already has: man pages in several languages (rendered
with `man`), package documentation from /usr/share/doc, Rust crate sources and READMEs from
~/.cargo/registry, Python standard-library sources, npm package READMEs and sources, and
system logs. The files are chosen deterministically (sorted paths, fixed caps per source)
and listed with their sizes in tests/benign/manifest.tsv; the text itself is not committed.

Each file falls, by a hash of its path, into the tuning part (70 %) or the held-out part
(30 %); rules are tuned on the first and the figure is reported on both.

    python3 tests/benign/corpus.py build            # the manifest's files into /tmp/benign-corpus
    python3 tests/benign/corpus.py build --reselect # choose the files anew, rewrite the manifest
    python3 tests/benign/corpus.py score BIN [BIN…] # false positives per MB for each CLI
                                                    # (held-out part: the count only)

The manifest pins the corpus: `build` renders exactly the files it lists, under the names it
gives them, so figures from two machines or two days count the same text. A listed file this
machine lacks (another crate version in ~/.cargo, another package's docs) is skipped and said;
`score` prints how many files and bytes it read and a digest of the set, and figures compare
only where the digests agree. `--reselect` is for widening the corpus on purpose (it changes
every figure: say so where the figures are reported).

A finding counts as a false positive when its rule is a pattern rule (not the names pass:
PERSON, LOCATION, STREET_ADDRESS, special categories), it is reported at the default minimum
score, and its entity is not a URL or an email address (those are what they say they are;
documentation is full of them), nor the handle of a profile URL (counted apart). Copyright files and changelogs are left out: they name and
address real people, which is personal data, not a false positive.
"""
import glob
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "manifest.tsv"
OUT = Path(os.environ.get("BENIGN_CORPUS", "/tmp/benign-corpus"))
NAMES_PASS = {"PERSON", "LOCATION", "STREET_ADDRESS", "HEALTH_DATA", "RELIGIOUS_BELIEF",
              "POLITICAL_OPINION", "TRADE_UNION", "SEXUAL_ORIENTATION", "ETHNIC_ORIGIN",
              "BIOMETRIC_GENETIC_DATA"}
NOT_FALSE = {"URL", "EMAIL_ADDRESS"}
# The handle of a profile URL (`github.com/name`, `linkedin.com/in/name`) is part of a URL and
# names its owner, as an address does: counted apart, and shown, but not as a false positive.
PROFILE_URL = re.compile(r"[\w-]+(?:\.[\w-]+)+/(?:[\w/-]*/)?(?:@|profile\.php\?id=)?$")
MAX_FILE = 60_000  # bytes kept of one file, so no single file dominates


def held_out(path):
    return int(hashlib.sha256(path.encode()).hexdigest(), 16) % 10 >= 7


def pick(pattern, cap, skip=()):
    # `**` follows symlinked folders: a package that links to its own parent would repeat
    # the same files under ever longer paths, so a path is kept only once it is real.
    files = sorted(p for p in glob.glob(os.path.expanduser(pattern), recursive=True)
                   if os.path.isfile(p) and not any(s in p.lower() for s in skip)
                   and os.path.realpath(p) == os.path.abspath(p))
    step = max(1, len(files) // cap) if files else 1
    return files[::step][:cap]


def sources():
    skip = ("copyright", "changelog", "authors", "contributors", "maintainers", "license",
            "credits", "thanks", "news")
    out = []
    for lang in ["de", "fr", "es", "it", "pl", "pt", "nl", "ru", "ja", "cs", "hu"]:
        out += [("man", p) for p in pick(f"/usr/share/man/{lang}/man1/*.gz", 12)]
    out += [("man", p) for p in pick("/usr/share/man/man1/*.gz", 50)]
    out += [("man", p) for p in pick("/usr/share/man/man5/*.gz", 20)]
    out += [("doc", p) for p in pick("/usr/share/doc/*/README*", 40, skip)]
    out += [("doc", p) for p in pick("/usr/share/doc/*/*.md", 20, skip)]
    out += [("rust", p) for p in pick("~/.cargo/registry/src/*/*/src/**/*.rs", 120, skip)]
    out += [("rust", p) for p in pick("~/.cargo/registry/src/*/*/README.md", 40, skip)]
    out += [("python", p) for p in pick("/root/.pyenv/versions/3.12.*/lib/python3.12/*.py", 60, skip)]
    out += [("python", p) for p in pick("/root/.pyenv/versions/3.12.*/lib/python3.12/email/*.py", 10, skip)]
    out += [("npm", p) for p in pick("/work/main/node_modules/**/README.md", 40, skip)]
    out += [("npm", p) for p in pick("/work/main/node_modules/**/dist/*.js", 30, skip)]
    out += [("log", p) for p in ["/var/log/dpkg.log", "/var/log/apt/history.log",
                                 "/var/log/alternatives.log"] if os.path.isfile(p)]
    return out


def read(kind, path):
    if kind == "man":
        env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0")
        r = subprocess.run(["man", "-l", path], capture_output=True, env=env, timeout=30)
        text = r.stdout.decode("utf-8", "replace")
        # Remove backspace overstriking.
        out, skip = [], False
        for ch in text:
            if ch == "\b":
                if out:
                    out.pop()
                continue
            out.append(ch)
        return "".join(out)
    raw = Path(path).read_bytes()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", "replace")


def manifest_rows():
    return [l.split("\t") for l in MANIFEST.read_text().splitlines()[1:] if l.strip()]


def build(reselect=False):
    OUT.mkdir(parents=True, exist_ok=True)
    if reselect or not MANIFEST.exists():
        chosen = [(f"{i:04d}-{kind}.txt", kind, path) for i, (kind, path) in enumerate(sources())]
    else:
        chosen = [(name, kind, src) for name, kind, _, _, src in manifest_rows()]
    rows, lacking, drift = [], [], 0
    for name, kind, path in chosen:
        try:
            text = read(kind, path)[:MAX_FILE]
        except Exception:
            lacking.append(path)
            continue
        if len(text.strip()) < 200:
            lacking.append(path)
            continue
        (OUT / name).write_text(text)
        part = "heldout" if held_out(path) else "tune"
        rows.append(f"{name}\t{kind}\t{part}\t{len(text.encode())}\t{path}")
    if reselect or not MANIFEST.exists():
        MANIFEST.write_text("file\tkind\tpart\tbytes\tsource\n" + "\n".join(rows) + "\n")
    else:
        pinned = {r[0]: int(r[3]) for r in manifest_rows()}
        drift = sum(1 for r in rows if pinned.get(r.split("\t")[0]) != int(r.split("\t")[3]))
    total = sum(int(r.split("\t")[3]) for r in rows)
    print(f"{len(rows)} files, {total / 1e6:.2f} MB in {OUT}")
    if lacking:
        why = ("too short or unreadable" if reselect else
               "of the manifest are not on this machine or unreadable")
        print(f"{len(lacking)} files {why} (skipped), e.g. {lacking[0]}")
    if drift:
        print(f"{drift} files render to another size than the manifest says (another version here)")


def score(binary):
    docs, missing = [], 0
    for name, kind, part, size, src in manifest_rows():
        p = OUT / name
        if not p.exists():
            missing += 1
            continue
        docs.append((name, part, p.read_text()))
    if not docs:
        sys.exit(f"no corpus in {OUT}: run `build` first")
    digest = hashlib.sha256("".join(n + t for n, _, t in docs).encode()).hexdigest()[:12]
    print(f"corpus {OUT}: {len(docs)} files (set {digest})"
          + (f", {missing} of the manifest missing here" if missing else ""))
    stdin = "".join(json.dumps({"id": n, "text": t}) + "\n" for n, _, t in docs)
    out = subprocess.run([binary, "scan", "--jsonl", "--offsets", "codepoint"], input=stdin,
                         capture_output=True, text=True, check=True).stdout
    by_id = {json.loads(l)["id"]: json.loads(l)["findings"] for l in out.splitlines()}
    result = {}
    for part in ("tune", "heldout"):
        size = sum(len(t.encode()) for _, p, t in docs if p == part)
        per_rule, examples = {}, {}
        handles = 0
        for name, p, text in docs:
            if p != part:
                continue
            for f in by_id.get(name, []):
                if f["entity"] in NAMES_PASS or f["entity"] in NOT_FALSE:
                    continue
                if f["entity"] == "USERNAME" and PROFILE_URL.search(text[max(0, f["start"] - 120):f["start"]]):
                    handles += 1
                    continue
                key = f"{f['entity']}/{f['rule']}"
                per_rule[key] = per_rule.get(key, 0) + 1
                examples.setdefault(key, []).append((name, text[f["start"]:f["end"]]))
        total = sum(per_rule.values())
        result[part] = (size, total, per_rule, examples)
        print(f"{binary} [{part}] {size / 1e6:.2f} MB: {total} false positives, "
              f"{total / (size / 1e6):.1f} per MB; {handles} handles of profile URLs (not counted)")
        # The held-out part is a count only: which rules fire there, and on what, is what
        # tuning would read (it was printed until 2026-12-07, and seen by accident).
        if part == "heldout":
            continue
        for k, n in sorted(per_rule.items(), key=lambda x: -x[1]):
            shown = ", ".join(repr(v[:40]) for _, v in examples[k][:4])
            print(f"    {n:4d} {k}: {shown}")
    return result


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "build":
        build(reselect="--reselect" in sys.argv[2:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        for b in sys.argv[2:]:
            score(b)
    else:
        sys.exit(__doc__)
