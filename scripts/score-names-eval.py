#!/usr/bin/env python3
"""Scores the names pass on the evaluation of scripts/build-names-eval.py, as a new user
would run it: through the CLI's `scan --jsonl`.

    cargo build --release --bin pii-airlock
    python3 scripts/score-names-eval.py [--split tune|heldout|all] [--bin target/release/pii-airlock]
        [--benign-kb 1024] [--show] [--show-benign] [--md-docs] [--benign7 A|B]
    python3 scripts/score-names-eval.py --eval tests/data/person-tune.jsonl [--show]
    python3 scripts/score-names-eval.py --eval tests/data/places-tune.jsonl [--show]
    python3 scripts/score-names-eval.py --eval tests/data/special7-probe.jsonl --part A --special

Prints precision and recall per language and entity, and findings per MB on benign technical
text read from this machine: man pages (English and the translated ones under /usr/share/man/
de, es, fr, it, nl, pl, pt, rendered with `man -l`), text under /usr/share/doc, Rust sources
in ~/.cargo/registry/src and JavaScript/TypeScript under node_modules. Benign files alternate
between the two parts like the templates (sorted paths; even places tune, odd held-out), and
the rendered text is cached under target/names-eval/.

PERSON findings are also counted "outside credits": the old heuristic (`in_credits`: credit
words on the line or the three lines before it, a man page's AUTHOR/HISTORY/... section) and,
in a column of its own since round 5, that heuristic with more credit words plus credits told
by the shape of the line (`credit_shape`: a line that lists people and nothing else, a name in
brackets closing a changelog entry), and since round 6 a third column that adds more shapes
of the line around the name (`credit_shape6`: a Markdown table cell of people, an
acknowledgement entry's "for/who/whose", an attribution's dash, "by" or "By:" line, a name
linked to its profile page, a document's credits section), and since round 7 a fourth
(`credit_shape7`: a Debian copyright field's continuation lines, bracketed and comma-separated
lists of contributors with handles, "from X" on a changelog entry, quoted names alone on a
line of code, a cited author before a quoted title, "Uploaders"). Every column decides from
the line's shape and words, never from which names were found. Both parts are counted the
same way; precision and recall do not use it.

`--md-docs` adds a tuning-only source, Markdown under node_modules and the cargo registry
(READMEs and changelogs), which neither part reads otherwise. `--benign7 A|B` scores round 7's
tuning-only corpus instead (scripts/build-benign7-tune.py: files neither part reads, split by
package into half A, tuned on, and half B, scored once at the end).

Matching: a gold span is found when predictions of its class cover at least half of it; a
prediction is right when at least half of it lies in gold spans of its class. Classes:
PERSON; LOCATION = places and street addresses (a LOCATION or STREET_ADDRESS finding counts
for either, as the issue measures them); STREET_ADDRESS alone is reported too.

Benign labels (round 13, docs/names.md "Benign labels"): every PERSON, LOCATION and
STREET_ADDRESS finding of main's CLI on the benign text of both parts and both halves of
benign7 was read in its context and labelled (`person-real`, `person-example`, `not-person`,
`place`, `not-place`, `boundary`). A second table gives, per source, the findings per MB and
the **headline**: findings that are not a person (PERSON) or not a place (LOCATION and
STREET_ADDRESS together), counting `boundary` and every finding no label covers
(`unlabelled`) as false positives. Labels are keyed by a hash of the entity, the span and 40
code points of the record's text on each side (`label_key`), never by record id or offset:
if a file's text changes around a finding, or a later binary reports another span, the label
no longer matches and the finding counts as unlabelled (a false positive) until someone
labels it. The tuning parts' labels (tests/benign/names-labels.jsonl) hold the span and a
reason; the held-out parts' (tests/benign/names-labels-heldout.jsonl.gz) only the key and
the label. `--show-unlabelled` lists the unlabelled findings of the tuning parts only.
`--label-heldout FILE` (round 16) writes the held-out parts' unlabelled findings, with their
context, to FILE (keep it outside the repository) so the coordinator can label them: once per
round, after the round's rule changes have landed, and no rule changes in response that round;
only the key and the label go into the held-out label file.

`--special` (round 7) scores the GDPR Art. 9 entities instead (SPECIAL = any of them, and
each one the probe holds) and adds their findings per MB on benign text; `--part` keeps only
the rows of an `--eval` file whose split is given (half A or B of
tests/data/special7-probe.jsonl).
"""

import argparse
import gzip
import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

CLASSES = {
    "PERSON": {"PERSON"},
    "LOCATION": {"LOCATION", "STREET_ADDRESS"},
    "STREET_ADDRESS": {"STREET_ADDRESS"},
}
# Round 7, `--special`: GDPR Art. 9 statements (tests/data/special7-probe.jsonl), scored as
# one class (any special entity) and as the entity itself.
SPECIAL = {
    "HEALTH_DATA",
    "RELIGIOUS_BELIEF",
    "POLITICAL_OPINION",
    "TRADE_UNION",
    "SEXUAL_ORIENTATION",
    "ETHNIC_ORIGIN",
    "BIOMETRIC_GENETIC_DATA",
}
# Ethnic origin and biometric data are not in the probe: no columns of their own.
SPECIAL_CLASSES = {
    "SPECIAL": SPECIAL,
    **{e: {e} for e in sorted(SPECIAL - {"ETHNIC_ORIGIN", "BIOMETRIC_GENETIC_DATA"})},
}
CREDIT = re.compile(
    r"author|copyright|©|\(c\)|written by|maintain|contribut|thanks to|autor|auteur|"
    r"autore|geschrieben|übersetz|traduc|tradu|translat|vertaling|tłumacz|reported by|"
    r"signed-off|@",
    re.I,
)


HEADING = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý ]+$")


def in_credits(text, line_start, line, more=False):
    """A finding on a credit line, within three lines after one, or in a man page's
    AUTHOR/TRANSLATION/COPYRIGHT/BUGS section: real people, which the tool should report.
    `more` adds the words of CREDIT_MORE (round 5)."""
    credit = (lambda l: CREDIT.search(l) or CREDIT_MORE.search(l)) if more else CREDIT.search
    if credit(line):
        return True
    before = text[:line_start].split("\n")
    if any(credit(l) for l in before[-4:]):
        return True
    for l in reversed(before):
        if HEADING.match(l.strip()) and not l.startswith(" "):
            return bool(CREDIT.search(l) or re.search(r"BUG|HISTOR|THANK|GESCHICHTE|HISTOIRE|HISTORIA|STORIA|GESCHIEDENIS|HISTÓRIA|ÜBERSETZ|TRADU|TŁUMACZ|VERTALING|AUTOR|AUTEUR|AUTOR", l))
    return False


# Round 5: credit words CREDIT misses ("Credit for finding ... goes to X", "Thanks go to X",
# "with help from X", "Patch from X", "implementation by X", "written using xml2man(1) by X").
CREDIT_MORE = re.compile(
    r"credit|thank|help from|patch|\b(written|developed|designed|implemented|implementation|"
    r"provided|fixed|reported|created|contributed|suggested|suggestion|ported|adopted)\b"
    r".{0,40}\bby\b",
    re.I,
)
# What is left of a line that only lists people once their names are taken out: bullets,
# e-mail addresses, handles and counts in brackets, separators and "and".
LIST_REST = re.compile(
    r"<[^>]*>|\([^)]*\)|\[[^\]]*\]|\b(and|und|et|y|e|i|en|ja)\b|[\s*•+\-–—,.;:&/]+",
    re.I,
)


def credit_shape(text, ls, le, f, people):
    """Round 5: credits told by the shape of the line, not by its words. A line that lists
    people and nothing else (an AUTHORS or THANKS list, a signature, `git shortlog`'s
    "Name (21):") once every PERSON finding on it, the e-mail addresses, bracketed handles and
    counts, bullets, separators and "and" are taken out; or a name in brackets closing a
    changelog entry ("- fix the parser (Anna Smith)", "... (Anna Smith) [#123]")."""
    line = text[ls:le]
    rest = line
    for a, b in sorted(people, reverse=True):
        if ls <= a and b <= le:
            rest = rest[: a - ls] + rest[b - ls :]
    if rest.strip() != line.strip() and not LIST_REST.sub("", rest):
        return True
    s, e = f["start"], f["end"]
    if s > 0 and text[s - 1] == "(" and text[e : e + 1] == ")":
        after = text[e + 1 : le].lstrip()
        entry = re.match(r"\s*([*\-•]|\d+\.)\s", line) is not None
        return entry or after.startswith("[#") or after.startswith("#") or not after.strip(" .")
    return False


# Round 6: what opens an acknowledgement list's entry after its people ("Darrel Hankerson for
# cleaning up ...", "+ Jim Gettys who found ..."), what a quotation's attribution or a Debian
# changelog's trailer puts before a name ("--Robert Grudin", " -- Anna Smith <a@b>  date"), and
# the headings of a document's credits section ("2. Acknowledgements", "## Thanks").
ENTRY_REST = re.compile(r"^\s*(for|who|whose)\b", re.I)
ATTRIBUTION = re.compile(r"(^\s*(--|—|–)\s*|\bby:?[\s,]*((and|&)\s+)?)$", re.I)
# A by-line: "By: A, B, C" (names the heuristic did not find may stand between).
BYLINE = re.compile(r"^\W*by:\s", re.I)
# A Markdown link from the name to a profile page: "[Anna Smith](https://github.com/asmith)".
PROFILE_LINK = re.compile(r"\]\(https?://(www\.)?(github|gitlab)\.com/[^/\s)]+/?\)")
CREDIT_HEADING = re.compile(
    r"^\s*(#+\s*|\d+(\.\d+)*\.?\s+)?(acknowledge?ments?|credits|thanks|contributors|authors|"
    r"danksagung|remerciements|agradecimientos|ringraziamenti|dankwoord|podziękowania|"
    r"agradecimentos)\b[^.]{0,30}$",
    re.I,
)
DOC_HEADING = re.compile(r"^(#+\s|\d+(\.\d+)*\.?\s+[A-Z]|[=\-]{3,}\s*$)")


def credit_shape6(text, ls, le, f, people):
    """Round 6: the round-5 shapes, and credits told by the shape of the line around the name
    (never by the name): a Markdown table cell that holds people and nothing else (a table of
    who leads what), an acknowledgement list's entry (people, then "for", "who" or "whose"), a
    name right after a quotation's or a changelog trailer's dash or after "by" (an
    attribution, and any name on a by-line "By: A, B, C"), a name linked to its profile page
    ("[Anna Smith](https://github.com/asmith)"), and a name in a document's credits section (from a heading such as
    "Acknowledgements", "Credits", "Thanks" up to the next heading)."""
    if credit_shape(text, ls, le, f, people):
        return True
    line = text[ls:le]
    s, e = f["start"], f["end"]
    mine = sorted((a, b) for a, b in people if ls <= a and b <= le)
    # Table cells: the "nothing else" test, cell by cell.
    if line.count("|") >= 2:
        c0 = text.rfind("|", ls, s)
        c1 = text.find("|", e, le)
        if c0 >= 0 and c1 >= 0:
            cell = text[c0 + 1 : c1]
            rest = cell
            for a, b in sorted(mine, reverse=True):
                if c0 < a and b <= c1:
                    rest = rest[: a - c0 - 1] + rest[b - c0 - 1 :]
            # `[Name][handle]`: the handle's brackets go with the rest.
            if not LIST_REST.sub("", rest):
                return True
    # An acknowledgement list's entry: bullets, people and "and", then "for"/"who"/"whose".
    head = text[ls:s]
    for a, b in sorted(mine, reverse=True):
        if b <= s:
            head = head[: a - ls] + head[b - ls :]
    if not LIST_REST.sub("", head):
        tail = text[e:le]
        for a, b in mine:
            if a >= e:
                tail = tail[: a - e] + " " * (b - a) + tail[b - e :]
        tail = re.sub(r"^[\s,]*((and|&)\s+[\s,]*)?", "", LIST_REST.sub(" ", tail).lstrip())
        if ENTRY_REST.match(tail):
            return True
    if ATTRIBUTION.search(head) or BYLINE.match(line):
        return True
    if text[s - 1 : s] == "[" and PROFILE_LINK.match(text, e):
        return True
    # A credits section: the nearest heading above the line within the record names credits.
    for l in reversed(text[:ls].split("\n")[-60:]):
        st = l.strip()
        if CREDIT_HEADING.match(st):
            return True
        if DOC_HEADING.match(l.lstrip(" ")) or (HEADING.match(st) and not l.startswith(" ")):
            return False
    return False


# Round 7: credit words of Debian's changelogs and control files ("remove X from Uploaders",
# "X's signing key") and of package metadata ("Maintainer", "Authors" as a field).
CREDIT7 = re.compile(r"uploaders|signing[- ]key|\bkey\b.{0,20}$|sponsor", re.I)
# A copyright field's continuation line (Debian copyright files): years, then the holders.
YEARS = re.compile(r"^\s*(\d{4}(\s*[-–,]\s*\d{4})*,?\s+)+")
# "A, B and others", "A et al.": the rest of a list of holders.
OTHERS = re.compile(r"\b(and )?others\b|\bet al\b\.?", re.I)
# What a bracketed list of contributors holds besides the people found: handles (one token
# each), commas, "and", brackets.
HANDLES = re.compile(r"\b[\w.-]+\b|[\s,;&/]+", re.I)
# A changelog entry's attribution: "fix from X", "Request from X", "Merge #461 from X".
FROM = re.compile(r"\bfrom:?\s*$", re.I)
# A citation: the name, then (after a comma) the quoted title of the cited work.
CITED = re.compile(r"^(\s*,)?\s*[\"“]")


def listed(item):
    """An item of a list of contributors once the people found are taken out: nothing, a
    handle (one token), or a name the pass did not find (two to four capitalised words)."""
    words = item.split()
    return len(words) <= 1 or (len(words) <= 4 and all(w[:1].isupper() for w in words))


def credit_shape7(text, ls, le, f, people):
    """Round 7: the round-6 shapes, and five more shapes of the line, each decided from the
    line, never from which names were found: a Debian copyright field's continuation line
    (years, then people and nothing else), a bracketed list of contributors closing a
    changelog entry (people, one-token handles and capitalised names, "(A B, handle, C D)"),
    a line listing people, handles and capitalised names separated by commas (a release's contributor list), a name after
    "from" on a changelog entry's line ("Request from A B", "Merge #1 from A B"), a quoted
    name alone on its line in code (an authors list: `"A B",`), a cited author (the name
    before a quoted title), a line with the credit words of CREDIT7 ("Uploaders")."""
    if credit_shape6(text, ls, le, f, people):
        return True
    line = text[ls:le]
    s, e = f["start"], f["end"]
    mine = sorted((a, b) for a, b in people if ls <= a and b <= le)
    if CREDIT7.search(line):
        return True

    def without_people(a0, b0):
        rest = text[a0:b0]
        for a, b in sorted(mine, reverse=True):
            if a0 <= a and b <= b0:
                rest = rest[: a - a0] + rest[b - a0 :]
        return rest

    # Copyright continuation and quoted authors: the round-5 "nothing else" test, after the
    # years or with the quotes taken out.
    m = YEARS.match(line)
    if m and not LIST_REST.sub("", OTHERS.sub("", without_people(ls + m.end(), le))):
        return True
    if not LIST_REST.sub("", re.sub(r"[\"']", "", without_people(ls, le))):
        return True
    # A bracketed list of contributors.
    o = text.rfind("(", ls, s)
    c = text.find(")", e, le)
    if o >= 0 and c >= 0 and "(" not in text[o + 1 : s] and ")" not in text[o + 1 : s]:
        items = [x.strip() for x in re.split(r",|\band\b", without_people(o + 1, c))]
        if all(listed(x) for x in items):
            return True
    # A comma-separated line of people and handles.
    items = [x.strip() for x in without_people(ls, le).split(",")]
    if len(items) >= 3 and all(listed(x) for x in items):
        return True
    head = text[ls:s]
    if FROM.search(head) and re.match(r"\s*([*\-+•]|\d+\.)\s", line):
        return True
    if CITED.match(text[e:le]):
        return True
    return False


# Round 13: labelled benign findings (docs/names.md "Benign labels"). Tuning parts: readable
# rows with the span and a reason; held-out parts: the key and the label only, so that the
# file names no held-out finding.
LABELS = ["tests/benign/names-labels.jsonl", "tests/benign/names-labels-heldout.jsonl.gz"]
# Labels that make a finding right; any other label, and no label, is a false positive in the
# headline. `person-example` ("John Doe") is right (a name used as a person's name) but
# counted in a column of its own.
RIGHT = {"PERSON": {"person-real", "person-example"}, "LOCATION": {"place"}}
# The labelled classes: PERSON, and LOCATION with street addresses (as CLASSES scores them).
LABEL_CLASS = {"PERSON": "PERSON", "LOCATION": "LOCATION", "STREET_ADDRESS": "LOCATION"}
CONTEXT = 40


def label_key(entity, text, start, end):
    """What a label is matched by: the entity, the span and CONTEXT code points of the
    record's text on each side, hashed. Offsets and record ids are not in it, so that a text
    rendered again from unchanged files matches, and a changed one does not."""
    left = text[max(0, start - CONTEXT) : start]
    raw = f"{entity}\x1f{left}\x1f{text[start:end]}\x1f{text[end : end + CONTEXT]}"
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def load_labels(paths):
    """Label by key, from JSONL files (gzipped when the name ends in .gz)."""
    labels = {}
    for path in paths:
        if not os.path.exists(path):
            continue
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    labels[row["key"]] = row["label"]
    return labels


def label_counts(recs, found, labels, unlabelled=None):
    """Counts of one source's labelled classes: `PERSON`/`LOCATION` (all findings), `-fp`
    (the headline: not right by RIGHT, unlabelled included), `-unlabelled`, `-boundary`, and
    `PERSON-example`. Unlabelled findings are appended to `unlabelled` as (record, finding)
    when it is given."""
    counts = defaultdict(int)
    for r in recs:
        t = r["text"]
        for f in found[r["id"]]:
            cls = LABEL_CLASS.get(f["entity"])
            if cls is None:
                continue
            counts[cls] += 1
            label = labels.get(label_key(f["entity"], t, f["start"], f["end"]))
            if label is None:
                counts[cls + "-unlabelled"] += 1
                if unlabelled is not None:
                    unlabelled.append((r, f))
            elif label == "boundary":
                counts[cls + "-boundary"] += 1
            elif label == "person-example":
                counts["PERSON-example"] += 1
            if label not in RIGHT[cls]:
                counts[cls + "-fp"] += 1
    return counts


def scan(binary, records):
    """Findings of each record, by id."""
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records)
    res = subprocess.run(
        [binary, "scan", "--jsonl", "--offsets", "codepoint"],
        input=inp.encode(),
        capture_output=True,
        check=True,
    )
    out = {}
    for line in res.stdout.decode().splitlines():
        v = json.loads(line)
        out[v["id"]] = v.get("findings", [])
    return out


def covered(span, spans):
    a, b = span
    n = 0
    for c, d in spans:
        n += max(0, min(b, d) - max(a, c))
    return n * 2 >= (b - a)


def score(records, found, show):
    # (lang, class) -> [tp, fp, fn]
    s = defaultdict(lambda: [0, 0, 0])
    for r in records:
        fs = found[r["id"]]
        for cls, ents in CLASSES.items():
            gold = [(g[1], g[2]) for g in r["gold"] if g[0] in ents]
            pred = [(f["start"], f["end"]) for f in fs if f["entity"] in ents]
            for key in [(r["lang"], cls), ("all", cls)]:
                for g in gold:
                    s[key][0 if covered(g, pred) else 2] += 1
                for p in pred:
                    if not covered(p, gold):
                        s[key][1] += 1
            if show and cls not in ("STREET_ADDRESS",) + tuple(SPECIAL):
                for g in gold:
                    if not covered(g, pred):
                        print(f"MISS {cls} {r['text'][g[0]:g[1]]!r} in {r['text']!r}")
                for p in pred:
                    if not covered(p, gold):
                        print(f"FP   {cls} {r['text'][p[0]:p[1]]!r} in {r['text']!r}")
    return s


def files(root, exts, limit=20000):
    got = []
    for d, dirs, fs in os.walk(os.path.expanduser(root)):
        dirs.sort()
        for f in sorted(fs):
            if f.endswith(exts):
                got.append(os.path.join(d, f))
                if len(got) >= limit:
                    return got
    return got


def read_text(path):
    try:
        if path.endswith(".gz") and "/man/" in path:
            env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0")
            r = subprocess.run(
                f"man -E UTF-8 -l {path!r} 2>/dev/null | col -bx",
                shell=True,
                capture_output=True,
                env=env,
                timeout=20,
            )
            return r.stdout.decode("utf-8", "replace")
        if path.endswith(".gz"):
            return gzip.open(path).read().decode("utf-8", "replace")
        return open(path, encoding="utf-8", errors="replace").read()
    except Exception:
        return ""


def benign_sources():
    """Candidate files of each benign source, in order. Each part reads every other one (tune
    even, held-out odd); scripts/build-benign7-tune.py excludes all of them."""
    return {
        # Round-robin over the languages, so each has its share of the budget.
        "man": [
            p
            for group in itertools.zip_longest(
                *[
                    files(f"/usr/share/man/{sub}", (".gz",), 600)
                    for sub in ["man1", "de", "es", "fr", "it", "nl", "pl", "pt"]
                ]
            )
            for p in group
            if p
        ],
        "doc": files("/usr/share/doc", ("README", ".txt", ".md", "README.gz", ".txt.gz")),
        "code": files("~/.cargo/registry/src", (".rs",))
        + files("node_modules", (".js", ".ts", ".mjs")),
    }


def benign(split, kb, cache, md=False):
    """Records of benign text for one part: (source, records). `md` adds, to the tune part
    only, Markdown under node_modules and ~/.cargo/registry/src (READMEs and changelogs of
    packages and crates), which neither part reads otherwise (round 6)."""
    os.makedirs(cache, exist_ok=True)
    sources = benign_sources()
    if md and split == "tune":
        sources["md"] = files("node_modules", (".md",)) + files("~/.cargo/registry/src", (".md",))
    out = {}
    for name, paths in sources.items():
        path = os.path.join(cache, f"{name}-{split}-{kb}.txt")
        if not os.path.exists(path):
            # Interleave languages/sources: take every other file, round-robin in steps.
            picked = paths if name == "md" else paths[(0 if split == "tune" else 1) :: 2]
            step = max(1, len(picked) // 400)
            text, budget = [], kb * 1024
            for p in picked[::step]:
                t = read_text(p)
                if not t.strip():
                    continue
                t = t[:16384]
                text.append(t)
                budget -= len(t.encode())
                if budget <= 0:
                    break
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n\f\n".join(text))
        out[name] = records_of(name, open(path, encoding="utf-8").read())
    return out


def records_of(name, body):
    """Records of about 4 KB, cut at line ends, from files joined by form feeds."""
    recs, k = [], 0
    for chunk in body.split("\n\f\n"):
        buf = ""
        for line in chunk.splitlines(keepends=True):
            buf += line
            if len(buf) >= 4096:
                recs.append({"id": f"{name}-{k}", "text": buf})
                buf, k = "", k + 1
        if buf:
            recs.append({"id": f"{name}-{k}", "text": buf})
            k += 1
    return recs


def benign7(half, out="target/names-eval/benign7"):
    """Round 7's tuning-only corpus (scripts/build-benign7-tune.py), one half: A to tune on,
    B to score once at the end. It reads none of the files of either part above."""
    got = {}
    for name in ["md", "debdoc", "man", "code"]:
        path = os.path.join(out, f"{name}-{half}.txt")
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: run scripts/build-benign7-tune.py first")
        got[name] = records_of(name, open(path, encoding="utf-8").read())
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="tune", choices=["heldout", "tune", "all"])
    ap.add_argument("--bin", default="target/release/pii-airlock")
    ap.add_argument("--data", default="tests/data/names-eval.jsonl")
    ap.add_argument("--benign-kb", type=int, default=1024)
    ap.add_argument(
        "--eval",
        help="a JSONL file in the same format to score instead of --data, all its rows "
        "(tuning-only sets such as tests/data/places-tune.jsonl); benign text of the tune part",
    )
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--show-benign", action="store_true")
    ap.add_argument(
        "--md-docs",
        action="store_true",
        help="also score Markdown of node_modules and the cargo registry (tune part only)",
    )
    ap.add_argument(
        "--benign7",
        choices=["A", "B"],
        help="score round 7's tuning-only corpus (scripts/build-benign7-tune.py), half A or "
        "B, instead of the part's benign files (tune part only)",
    )
    ap.add_argument(
        "--special",
        action="store_true",
        help="score the special categories (HEALTH_DATA, ...) instead of people and places, "
        "and count their findings on benign text",
    )
    ap.add_argument(
        "--show-unlabelled",
        action="store_true",
        help="list the benign findings no label covers (tune part and benign7 A only)",
    )
    ap.add_argument(
        "--unlabelled-out",
        help="with --show-unlabelled: also append each unlabelled finding to this JSONL file as "
        "a label row to fill in (label, reason) before adding it to the label file",
    )
    ap.add_argument(
        "--label-heldout",
        help="with --split heldout: write the unlabelled benign findings with their context to "
        "this JSONL file (outside the repository) to label by hand; see the module doc",
    )
    ap.add_argument(
        "--labels",
        nargs="*",
        default=LABELS,
        help="label files of the benign findings (default: the tuning and held-out labels)",
    )
    ap.add_argument(
        "--part",
        help="with --eval: only the rows whose split is this (e.g. A or B of "
        "tests/data/special7-probe.jsonl)",
    )
    a = ap.parse_args()
    if a.special:
        CLASSES.clear()
        CLASSES.update(SPECIAL_CLASSES)
    if a.benign7 and a.split != "tune":
        sys.exit("--benign7 is tuning-only text: use it with --split tune")
    # Held-out text is scored, never read: listing its misses or findings would tune on it.
    if (a.show or a.show_benign) and not a.eval and (a.split != "tune" or a.benign7 == "B"):
        sys.exit("--show and --show-benign list tuning text only: --split tune, without --benign7 B")
    if a.show_unlabelled and (a.split != "tune" or a.benign7 == "B"):
        sys.exit("--show-unlabelled lists tuning text only: --split tune, without --benign7 B")
    if a.label_heldout and (a.split != "heldout" or a.eval or a.benign7):
        sys.exit("--label-heldout writes held-out findings only: --split heldout")
    records = [json.loads(l) for l in open(a.eval or a.data, encoding="utf-8")]
    if a.eval:
        a.split = "tune"
        if a.part:
            records = [r for r in records if r["split"] == a.part]
    elif a.split != "all":
        records = [r for r in records if r["split"] == a.split]
    s = score(records, scan(a.bin, records), a.show)
    langs = ["en", "de", "fr", "es", "it", "nl", "pl", "pt", "all"]
    print(f"{a.eval or 'split ' + a.split}: {len(records)} records")
    print("| lang | " + " | ".join(f"{c} P | {c} R" for c in CLASSES) + " |")
    print("|---" * (1 + 2 * len(CLASSES)) + "|")
    for lang in langs:
        row = [lang]
        for cls in CLASSES:
            tp, fp, fn = s[(lang, cls)]
            row.append(f"{tp / max(1, tp + fp):.3f}")
            row.append(f"{tp / max(1, tp + fn):.3f} ({tp}/{tp + fn})")
        print("| " + " | ".join(row) + " |")
    if a.benign_kb <= 0:
        return
    splits = ["tune", "heldout"] if a.split == "all" else [a.split]
    print()
    print(
        "| benign text | MB | PERSON/MB | (outside credits) | (outside credits, round 5) | "
        "(outside credits, round 6) | (outside credits, round 7) | LOCATION/MB | "
        "STREET_ADDRESS/MB |" + (" SPECIAL/MB |" if a.special else "")
    )
    print("|---|---|---|---|---|---|---|---|---|" + ("---|" if a.special else ""))
    labels = load_labels(a.labels)
    labelled_rows = []
    for sp in splits:
        if a.benign7:
            parts = {f"{k}, benign7 {a.benign7}": v for k, v in benign7(a.benign7).items()}
        else:
            parts = benign(sp, a.benign_kb, "target/names-eval", a.md_docs)
        for name, recs in parts.items():
            found = scan(a.bin, recs)
            mb = sum(len(r["text"].encode()) for r in recs) / 1e6
            counts = defaultdict(int)
            for r in recs:
                people = [(f["start"], f["end"]) for f in found[r["id"]] if f["entity"] == "PERSON"]
                for f in found[r["id"]]:
                    e = f["entity"]
                    if e in SPECIAL:
                        counts["SPECIAL"] += 1
                        if a.show_benign and a.special:
                            t = r["text"]
                            print(f"SPECIAL {e} {t[max(0, f['start'] - 60):f['end'] + 20]!r}")
                    if e not in ("PERSON", "LOCATION", "STREET_ADDRESS"):
                        continue
                    counts[e] += 1
                    t = r["text"]
                    ls = t.rfind("\n", 0, f["start"]) + 1
                    le = t.find("\n", f["end"])
                    line = t[ls : le if le >= 0 else len(t)]
                    credit = e == "PERSON" and in_credits(t, ls, line)
                    if e == "PERSON" and not credit:
                        counts["PERSON-nc"] += 1
                    credit5 = e == "PERSON" and (
                        in_credits(t, ls, line, more=True)
                        or credit_shape(t, ls, le if le >= 0 else len(t), f, people)
                    )
                    if e == "PERSON" and not credit5:
                        counts["PERSON-nc5"] += 1
                    credit6 = e == "PERSON" and (
                        in_credits(t, ls, line, more=True)
                        or credit_shape6(t, ls, le if le >= 0 else len(t), f, people)
                    )
                    if e == "PERSON" and not credit6:
                        counts["PERSON-nc6"] += 1
                    credit7 = e == "PERSON" and (
                        in_credits(t, ls, line, more=True)
                        or credit_shape7(t, ls, le if le >= 0 else len(t), f, people)
                    )
                    if e == "PERSON" and not credit7:
                        counts["PERSON-nc7"] += 1
                    if a.show_benign:
                        tag = (
                            "CREDIT"
                            if credit
                            else "CREDIT5"
                            if credit5
                            else "CREDIT6" if credit6 else "CREDIT7" if credit7 else "BENIGN"
                        )
                        print(f"{tag} {e} {t[f['start']:f['end']]!r} in {line.strip()[:160]!r}")
            missing = [] if a.show_unlabelled or a.label_heldout else None
            lc = label_counts(recs, found, labels, missing)
            labelled_rows.append((f"{name} ({sp})", mb, lc))
            for r, f in missing if a.label_heldout else []:
                t = r["text"]
                with open(a.label_heldout, "a", encoding="utf-8") as out:
                    row = {
                        "part": "heldout",
                        "source": name,
                        "entity": f["entity"],
                        "label": "",
                        "key": label_key(f["entity"], t, f["start"], f["end"]),
                        "context": t[max(0, f["start"] - 80) : f["start"]]
                        + "[["
                        + t[f["start"] : f["end"]]
                        + "]]"
                        + t[f["end"] : f["end"] + 40],
                    }
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            for r, f in [] if a.label_heldout else missing or []:
                t = r["text"]
                ctx = t[max(0, f["start"] - 60) : f["start"]] + "[[" + t[f["start"] : f["end"]]
                ctx += "]]" + t[f["end"] : f["end"] + 30]
                print(f"UNLABELLED {f['entity']} {r['id']} {f['start']}-{f['end']} {ctx!r}")
                if a.unlabelled_out:
                    # A row to label by hand: fill "label" and "reason", then append it to
                    # tests/benign/names-labels.jsonl.
                    row = {
                        "part": "benign7-A" if a.benign7 else "tune",
                        "rec": r["id"],
                        "start": f["start"],
                        "end": f["end"],
                        "entity": f["entity"],
                        "span": t[f["start"] : f["end"]],
                        "label": "",
                        "reason": "",
                        "key": label_key(f["entity"], t, f["start"], f["end"]),
                        "context": ctx,
                    }
                    with open(a.unlabelled_out, "a", encoding="utf-8") as out:
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(
                f"| {name} ({sp}) | {mb:.2f} | {counts['PERSON'] / mb:.1f} | "
                f"{counts['PERSON-nc'] / mb:.1f} | {counts['PERSON-nc5'] / mb:.1f} | "
                f"{counts['PERSON-nc6'] / mb:.1f} | {counts['PERSON-nc7'] / mb:.1f} | "
                f"{counts['LOCATION'] / mb:.1f} | "
                f"{counts['STREET_ADDRESS'] / mb:.1f} |"
                + (f" {counts['SPECIAL'] / mb:.1f} |" if a.special else "")
            )
    if a.special:
        return
    # Round 13: the labelled figures. Per MB, with the count in brackets.
    print()
    print(
        "| benign text | MB | PERSON/MB | **not a person**/MB | (unlabelled) | (boundary) | "
        "(example names) | LOCATION+ADDRESS/MB | **not a place**/MB | (unlabelled) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, mb, c in labelled_rows:

        def cell(k):
            return f"{c[k] / mb:.1f} ({c[k]})"

        print(
            f"| {name} | {mb:.2f} | {cell('PERSON')} | **{cell('PERSON-fp')}** | "
            f"{cell('PERSON-unlabelled')} | {cell('PERSON-boundary')} | {cell('PERSON-example')} | "
            f"{cell('LOCATION')} | **{cell('LOCATION-fp')}** | {cell('LOCATION-unlabelled')} |"
        )


if __name__ == "__main__":
    sys.exit(main())
