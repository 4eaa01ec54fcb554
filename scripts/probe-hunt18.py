#!/usr/bin/env python3
"""Leak probe of pasted values (round 17, hunt18): values the tests prove are found in plain
text (e-mail, phones of several countries, IBAN, card, national IDs, API keys) put through the
ways real pastes change them (Word/PDF spaces and dashes, invisible characters, other digits,
markup, quoted-printable, JSON/JS escapes, double percent-encoding, HTML entities in URLs,
addresses spelt out against harvesters) and through URLs (search queries, paths, fragments,
base64url JSON). Counts, per transformation and per entity, how many values leave.

A probe leaks when a letter or digit of its value is outside every finding other than `URL`
(any other entity: a value found as the wrong type is still not sent; a URL finding is only
highlighted by most presets). Values not found in plain text (the
baseline) are skipped, so the probe measures the transformations, not the rules.

Values are published specimens (RFC 2606 addresses, Ofcom drama numbers, issuers' test cards,
the IBAN registry's examples, the examples the identifier tests use); names come from
tests/data/test-names.tsv (kept apart from the detectors' lists).

    cargo build --release
    python3 scripts/probe-hunt18.py [--bin target/release/pii-airlock] [--show] [--only KIND]

Probing only: no threshold, nothing tuned on the held-out part.
"""
import argparse
import base64
import collections
import json
import os
import random
import re
import subprocess
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (entity, label, value)
VALUES = [
    ("EMAIL_ADDRESS", "mail", "jane.doe@example.com"),
    ("EMAIL_ADDRESS", "mail", "office@firma-beispiel.de"),
    ("PHONE_NUMBER", "phone", "+44 20 7946 0958"),
    ("PHONE_NUMBER", "phone", "+1 202-555-0143"),
    ("PHONE_NUMBER", "phone", "+33 1 23 45 67 89"),
    ("PHONE_NUMBER", "phone", "+49 30 12345678"),
    ("PHONE_NUMBER", "phone", "+48 22 123 45 67"),
    ("PHONE_NUMBER", "phone", "+55 11 91234-5678"),
    ("PHONE_NUMBER", "phone", "+61 491 570 156"),
    ("PHONE_NUMBER", "phone", "+91 98765 43210"),
    ("CREDIT_CARD", "card", "4111 1111 1111 1111"),
    ("CREDIT_CARD", "card", "5555-5555-5555-4444"),
    ("IBAN_CODE", "IBAN", "DE89 3704 0044 0532 0130 00"),
    ("IBAN_CODE", "IBAN", "GB82 WEST 1234 5698 7654 32"),
    ("US_SSN", "SSN", "536-22-1234"),
    ("UK_NINO", "NI number", "AB 12 34 56 C"),
    ("FR_NIR", "NIR", "2 55 08 14 168 025 38"),
    ("CH_AHV", "AHV-Nr.", "756.9217.0769.85"),
    ("ES_NIF", "DNI", "12345678Z"),
    ("BR_CPF", "CPF", "111.444.777-35"),
    ("SECRET", "key", "AKIAQ3ZT7WXRN5VJL2HP"),
]


def on_seps(v, seps, rep):
    return "".join(rep if c in seps else c for c in v)


def mid_insert(v, s):
    i = len(v) // 2
    return v[:i] + s + v[i:]


def digits_from(v, zero):
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in v)


def first_group_markup(v, a, b):
    """`<b>4111</b> 1111…`: markup around the first group of a grouped value."""
    for sep in " -.":
        if sep in v:
            head, rest = v.split(sep, 1)
            return f"{a}{head}{b}{sep}{rest}"
    return None


def at_only(f):
    return lambda v: f(v) if "@" in v else None


def spaced_seps(v):
    return v if any(s in v for s in " -.") else None


T = collections.OrderedDict()
T["plain"] = lambda v: v
# Word, PDF, other keyboards.
T["NBSP"] = lambda v: on_seps(v, " ", "\u00a0") if " " in v else None
T["narrow NBSP"] = lambda v: on_seps(v, " ", "\u202f") if " " in v else None
T["thin space"] = lambda v: on_seps(v, " ", "\u2009") if " " in v else None
T["en dash for -"] = lambda v: on_seps(v, "-", "\u2013") if "-" in v else None
T["em dash for -"] = lambda v: on_seps(v, "-", "\u2014") if "-" in v else None
T["minus sign for -"] = lambda v: on_seps(v, "-", "\u2212") if "-" in v else None
T["en dash for space"] = lambda v: on_seps(v, " ", "\u2013") if " " in v and "@" not in v else None
T["soft hyphen inside"] = lambda v: mid_insert(v, "\u00ad")
T["ZWSP inside"] = lambda v: mid_insert(v, "\u200b")
T["ZWJ inside"] = lambda v: mid_insert(v, "\u200d")
T["ZWNJ inside"] = lambda v: mid_insert(v, "\u200c")
T["fullwidth digits"] = lambda v: digits_from(v, 0xFF10)
T["Arabic-Indic digits"] = lambda v: digits_from(v, 0x0660)
T["Devanagari digits"] = lambda v: digits_from(v, 0x0966)
T["fullwidth @ ．"] = at_only(lambda v: v.replace("@", "\uff20").replace(".", "\uff0e"))
T["small @"] = at_only(lambda v: v.replace("@", "\ufe6b"))
T["PDF break after @"] = at_only(lambda v: v.replace("@", "@\n"))
T["PDF break after ."] = at_only(lambda v: v[: v.rindex(".") + 1] + "\n" + v[v.rindex(".") + 1 :])
T["PDF break in number"] = lambda v: (v[: v.rindex(" ")] + "\n" + v[v.rindex(" ") + 1 :]) if " " in v and "@" not in v else None
T["PDF break after -"] = lambda v: (v[: v.rindex("-") + 1] + "\n" + v[v.rindex("-") + 1 :]) if "-" in v and "@" not in v else None
# Markup.
T["<b>first group</b>"] = lambda v: first_group_markup(v, "<b>", "</b>")
T["**first group**"] = lambda v: first_group_markup(v, "**", "**")
T["`code`"] = lambda v: f"`{v}`"
T["<span> per group"] = lambda v: "".join(f"<span>{g}</span>" for g in v.split(" ")) if " " in v and "@" not in v else None
T["<wbr> inside"] = lambda v: mid_insert(v, "<wbr>")
T["&#64;"] = at_only(lambda v: v.replace("@", "&#64;"))
T["&#064;"] = at_only(lambda v: v.replace("@", "&#064;"))
T["&#64 no ;"] = at_only(lambda v: v.replace("@", "&#64"))
T["&#64; &#46;"] = at_only(lambda v: v.replace("@", "&#64;").replace(".", "&#46;"))
T["&amp;#64;"] = at_only(lambda v: v.replace("@", "&amp;#64;"))
T["&nbsp;"] = lambda v: v.replace(" ", "&nbsp;") if " " in v else None
T["&#160;"] = lambda v: v.replace(" ", "&#160;") if " " in v else None
T["&#8209; for -"] = lambda v: v.replace("-", "&#8209;") if "-" in v else None
# Quoted-printable.
# Quoted-printable: in a mail body under its header (the fold decodes `=40` only there).
QP = "Content-Transfer-Encoding: quoted-printable\n\n"
T["QP =40"] = at_only(lambda v: (QP, v.replace("@", "=40")))
T["QP =20"] = lambda v: (QP, v.replace(" ", "=20")) if " " in v else None
T["QP soft break"] = lambda v: (QP, mid_insert(v, "=\n"))
T["QP soft break CRLF"] = lambda v: (QP, mid_insert(v, "=\r\n"))
# JSON/JS escapes.
T["\\u0040"] = at_only(lambda v: v.replace("@", "\\u0040"))
T["\\\\u0040 (twice)"] = at_only(lambda v: v.replace("@", "\\\\u0040"))
T["\\x40"] = at_only(lambda v: v.replace("@", "\\x40"))
T["\\u002e for ."] = at_only(lambda v: v.replace(".", "\\u002e"))
T["\\u00a0 for space"] = lambda v: v.replace(" ", "\\u00a0") if " " in v else None
T["\\u002d for -"] = lambda v: v.replace("-", "\\u002d") if "-" in v else None
T["\\u002B for +"] = lambda v: v.replace("+", "\\u002B") if "+" in v else None
T["%u0040"] = at_only(lambda v: v.replace("@", "%u0040"))
# Percent-encoding outside a URL.
T["%40"] = at_only(lambda v: v.replace("@", "%40"))
T["%2540 (twice)"] = at_only(lambda v: v.replace("@", "%2540"))
T["%20 for space"] = lambda v: v.replace(" ", "%20") if " " in v else None
T["%2B for +"] = lambda v: v.replace("+", "%2B").replace(" ", "%20") if "+" in v else None
# Spelt out.
T["spaced letters"] = at_only(lambda v: " ".join(v))
T[" @ and . spaced"] = at_only(lambda v: v.replace("@", " @ ").replace(".", " . "))
T["[at] [dot]"] = at_only(lambda v: v.split("@")[0] + " [at] " + v.split("@")[1].replace(".", " [dot] "))
T["[at] no spaces"] = at_only(lambda v: v.replace("@", "[at]"))
T["(at)"] = at_only(lambda v: v.replace("@", "(at)"))
T["(at) (dot)"] = at_only(lambda v: v.split("@")[0] + "(at)" + v.split("@")[1].replace(".", "(dot)"))
T["{at}"] = at_only(lambda v: v.replace("@", "{at}"))
T["[@]"] = at_only(lambda v: v.replace("@", "[@]"))
T[" at / dot words"] = at_only(lambda v: v.split("@")[0].replace(".", " dot ") + " at " + v.split("@")[1].replace(".", " dot "))
T[" AT / DOT"] = at_only(lambda v: v.split("@")[0] + " AT " + v.split("@")[1].replace(".", " DOT "))
T["_at_"] = at_only(lambda v: v.replace("@", "_at_"))
T["upper case"] = lambda v: v.upper() if any(c.isalpha() for c in v) else None
T["digits spaced"] = lambda v: " ".join(c for c in v if c.isdigit() or c == "+") if "@" not in v and v.replace(" ", "").replace("+", "").replace("-", "").isdigit() else None
T["dots for spaces"] = lambda v: v.replace(" ", ".") if " " in v and "@" not in v else None
T["slashes for spaces"] = lambda v: v.replace(" ", "/") if " " in v and "@" not in v else None

U = collections.OrderedDict()


def pct(s, safe=""):
    return urllib.parse.quote(s, safe=safe)


def b64u(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


# In a URL: (url text, the value's text inside it).
U["search ?q="] = lambda v: (f"https://www.google.com/search?q={urllib.parse.quote_plus(v)}&hl=en", urllib.parse.quote_plus(v))
U["search ?q= words around"] = lambda v: (f"https://www.google.com/search?q=call+{urllib.parse.quote_plus(v)}+today", urllib.parse.quote_plus(v))
U["?query="] = lambda v: (f"https://duckduckgo.com/?query={urllib.parse.quote_plus(v)}", urllib.parse.quote_plus(v))
U["?s="] = lambda v: (f"https://blog.example.org/?s={urllib.parse.quote_plus(v)}", urllib.parse.quote_plus(v))
U["?term="] = lambda v: (f"https://shop.example.org/find?term={urllib.parse.quote_plus(v)}", urllib.parse.quote_plus(v))
U["path %40"] = lambda v: (f"https://example.com/users/{pct(v, '+')}/", pct(v, "+"))
U["path raw"] = lambda v: (f"https://example.com/u/{v.replace(' ', '')}/", v.replace(" ", ""))
U["fragment #email="] = lambda v: (f"https://app.example.com/#email={pct(v)}", pct(v))
U["fragment #/route/"] = lambda v: (f"https://app.example.com/#/contact/{pct(v)}", pct(v))
U["query %2540 (twice)"] = lambda v: (f"https://example.com/r?to={pct(pct(v))}", pct(pct(v)))
U["query &amp; in href"] = lambda v: (f'<a href="https://example.com/r?a=1&amp;to={pct(v)}">x</a>', pct(v))
U["query &#64; in href"] = at_only(lambda v: (f'<a href="https://example.com/r?to={v.replace("@", "&#64;")}">x</a>', v.replace("@", "&#64;")))
U["base64url JSON path"] = lambda v: (f"https://example.com/s/{b64u({'contact': v, 'id': 7})}/view", b64u({"contact": v, "id": 7}))
U["base64url JSON query"] = lambda v: (f"https://example.com/cb?state={b64u({'user': v})}", b64u({"user": v}))
U["JWT-looking query"] = lambda v: (
    f"https://example.com/cb?id_token={b64u({'alg': 'none', 'typ': 'JWT'})}.{b64u({'sub': '42', 'email': v})}.",
    b64u({"sub": "42", "email": v}),
)


def names():
    out = collections.defaultdict(list)
    for line in open(os.path.join(ROOT, "tests/data/test-names.tsv"), encoding="utf-8"):
        k, lang, v = line.rstrip("\n").split("\t")
        out[(k, lang)].append(v)
    return out


def run(binary, texts):
    inp = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
    res = subprocess.run([binary, "scan", "--jsonl", "--offsets", "codepoint"], input=inp,
                         capture_output=True, text=True, check=True)
    out = {}
    for line in res.stdout.splitlines():
        r = json.loads(line)
        out[int(r["id"])] = r.get("findings", [])
    return [out.get(i, []) for i in range(len(texts))]


def leaked(text, start, end, findings):
    covered = set()
    for f in findings:
        # A URL finding is highlighted, not redacted, by most presets: it does not hide what
        # the URL carries.
        if f["entity"] == "URL":
            continue
        covered.update(range(f["start"], f["end"]))
    # The letters of a tag (`<b>`, `</span>`) are markup, not the value.
    tags = set()
    for m in re.finditer(r"<[^<>]*>", text):
        tags.update(range(m.start(), m.end()))
    return any(text[i].isalnum() and i not in covered and i not in tags for i in range(start, end))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/pii-airlock"))
    ap.add_argument("--show", action="store_true", help="print each leaking text")
    ap.add_argument("--only", help="only this transformation")
    a = ap.parse_args()

    probes = []  # (family, kind, entity, text, start, end, plain value)
    for entity, label, value in VALUES:
        for kind, f in T.items():
            tv = f(value)
            if tv is None:
                continue
            head, tv = tv if isinstance(tv, tuple) else ("", tv)
            text = f"{head}Re: {label} {tv} — thanks."
            s = len(f"{head}Re: {label} ")
            probes.append(("pasted", kind, entity, text, s, s + len(tv), value))
        for kind, f in U.items():
            r = f(value)
            if r is None:
                continue
            url, inner = r
            text = f"see {url} thanks"
            s = text.index(inner)
            probes.append(("url", kind, entity, text, s, s + len(inner), value))
    # Names in search queries (the names pass on URL parts).
    lists = names()
    rng = random.Random(18)
    for lang in "en de fr es it nl pl pt".split():
        for _ in range(3):
            first, last = rng.choice(lists[("first", lang)]), rng.choice(lists[("last", lang)])
            q = urllib.parse.quote_plus(f"{first} {last}")
            for kind, url in [
                ("name in ?q=", f"https://www.google.com/search?q={q}+phone"),
                ("name in ?q= only", f"https://www.google.com/search?q={q}"),
                ("name in ?query=", f"https://www.bing.com/search?query={q}+address"),
                ("name in ?s=", f"https://news.example.org/?s={q}"),
                ("name in path", f"https://www.linkedin.com/in/{urllib.parse.quote(first.lower() + '-' + last.lower())}/"),
            ]:
                text = f"see {url} thanks"
                inner = q if "path" not in kind else urllib.parse.quote(first.lower() + "-" + last.lower())
                s = text.index(inner)
                probes.append(("url-name", kind, "PERSON", text, s, s + len(inner), None))
    if a.only:
        probes = [p for p in probes if p[1] in (a.only, "plain")]

    found = run(a.bin, [p[3] for p in probes])
    per_kind = collections.OrderedDict()
    per_entity = collections.Counter()
    per_entity_n = collections.Counter()
    shown = []
    plain_found = {p[6] for p, f in zip(probes, found) if p[1] == "plain" and not leaked(p[3], p[4], p[5], f)}
    total = [0, 0]
    for p, f in zip(probes, found):
        fam, kind, entity, text, s, e, value = p
        if value is not None and value not in plain_found:
            continue
        k = (fam, kind)
        leaks, n = per_kind.get(k, (0, 0))
        lk = leaked(text, s, e, f)
        per_kind[k] = (leaks + lk, n + 1)
        per_entity[entity] += lk
        per_entity_n[entity] += 1
        total[0] += lk
        total[1] += 1
        if lk:
            shown.append(f"{fam}/{kind} {entity}: {text!r} -> {[(x['entity'], text[x['start']:x['end']]) for x in f]}")
    not_plain = [v for _, _, v in VALUES if v not in plain_found]
    if not_plain:
        print("values not found in plain text:", not_plain)
    print(f"{'family/transformation':42} leaks/probes")
    for (fam, kind), (l, n) in per_kind.items():
        print(f"{fam + '/' + kind:42} {l:3}/{n:<3}")
    print()
    for ent in per_entity_n:
        print(f"{ent:16} {per_entity[ent]:3}/{per_entity_n[ent]}")
    print(f"\nall: {total[0]}/{total[1]}")
    if a.show:
        print("\n".join(shown))


if __name__ == "__main__":
    main()
