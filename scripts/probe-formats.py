#!/usr/bin/env python3
"""Leak probe of pasted structured text (round 15, formats16; round 16, formats17): generates documents in ~50
formats (CSV/TSV, HTML, SQL, JSON/JSONL, YAML, .env/ini, vCard, iCalendar, mail headers, git
log, logs, Markdown, LDIF, XML) from tests/data/test-names.tsv (mimesis data, not the
detectors' lists), runs `pii-airlock redact --jsonl`, and prints per format how many planted
first names, surnames, towns and addresses are still in the output.

    python3 scripts/probe-formats.py [DOCS_PER_FORMAT [SEED [FORMAT...]]]

Examples of leaking output go to /tmp/probe-formats-examples.txt. Build the release CLI first
(or name another binary in PII_BIN). Round 17 (formats18) added the shapes README's "Not yet"
listed: TSV rows of whole names, ordered lists, form fields by `id=` and Rails' `name=`, a
log line's `username=`, display names before addresses not spelt from them, a Skype `live:.cid.`.
"""
import json, os, random, re, subprocess, sys, collections
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = collections.defaultdict(list)
for line in open(f"{ROOT}/tests/data/test-names.tsv", encoding="utf-8"):
    k, lang, v = line.rstrip("\n").split("\t")
    data[k].append((lang, v))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 16)

def person():
    lang = rng.choice("en de fr es it nl pl pt".split())
    f = rng.choice([v for l, v in data["first"] if l == lang])
    l = rng.choice([v for l2, v in data["last"] if l2 == lang])
    c = rng.choice([v for l2, v in data["city"] if l2 == lang])
    s = rng.choice([v for l2, v in data["street"] if l2 == lang])
    user = re.sub(r"[^a-z]", "", (f[0] + l).lower().encode("ascii", "ignore").decode()) or "user"
    return dict(first=f, last=l, city=c, street=s, email=f"{user}@example.com",
                phone=f"+44 20 7946 0{rng.randint(100,999)}", user=user, num=rng.randint(1, 99))

def people(n=3): return [person() for _ in range(n)]

F = {}
def fmt(name):
    def d(fn): F[name] = fn; return fn
    return d

@fmt("csv-header")
def _(ps): return "first_name,last_name,email,city\n" + "".join(f"{p['first']},{p['last']},{p['email']},{p['city']}\n" for p in ps)
@fmt("csv-noheader")
def _(ps): return "".join(f"{p['first']},{p['last']},{p['city']}\n" for p in ps)
@fmt("csv-noheader-1row")
def _(ps): return f"{ps[0]['first']},{ps[0]['last']},{ps[0]['city']}"
@fmt("csv-noheader-email")
def _(ps): return "".join(f"{p['num']},{p['first']},{p['last']},{p['email']}\n" for p in ps)
@fmt("csv-quoted-header")
def _(ps): return '"id","Name","Email","Phone"\n' + "".join(f'"{p["num"]}","{p["first"]} {p["last"]}","{p["email"]}","{p["phone"]}"\n' for p in ps)
@fmt("csv-semicolon")
def _(ps): return "Vorname;Nachname;Ort\n" + "".join(f"{p['first']};{p['last']};{p['city']}\n" for p in ps)
@fmt("csv-lastfirst-noheader")
def _(ps): return "".join(f"{p['last']},{p['first']},{p['email']}\n" for p in ps)
@fmt("tsv-header")
def _(ps): return "Name\tPhone\tCity\n" + "".join(f"{p['first']} {p['last']}\t{p['phone']}\t{p['city']}\n" for p in ps)
@fmt("tsv-noheader")
def _(ps): return "".join(f"{p['first']}\t{p['last']}\t{p['city']}\n" for p in ps)
@fmt("html-table")
def _(ps): return "<table>\n<tr><th>Name</th><th>Email</th></tr>\n" + "".join(f"<tr><td>{p['first']} {p['last']}</td><td>{p['email']}</td></tr>\n" for p in ps) + "</table>"
@fmt("html-table-split")
def _(ps): return "<table>\n" + "".join(f"<tr><td>{p['first']}</td><td>{p['last']}</td><td>{p['phone']}</td></tr>\n" for p in ps) + "</table>"
@fmt("html-table-br")
def _(ps): return "<table>\n" + "".join(f"<tr><td>{p['first']} {p['last']}<br>{p['city']}</td></tr>\n" for p in ps) + "</table>"
@fmt("html-table-multiline")
def _(ps): return "<table>\n" + "".join(f"  <tr>\n    <td>{p['first']} {p['last']}</td>\n    <td>{p['city']}</td>\n  </tr>\n" for p in ps) + "</table>"
@fmt("html-list")
def _(ps): return "<ul>\n" + "".join(f"  <li>{p['first']} {p['last']}</li>\n" for p in ps) + "</ul>"
@fmt("html-list-email")
def _(ps): return "<ul>\n" + "".join(f"  <li>{p['first']} {p['last']} ({p['email']})</li>\n" for p in ps) + "</ul>"
@fmt("sql-insert")
def _(ps): return "INSERT INTO customers VALUES\n" + ",\n".join(f"  ({p['num']}, '{p['first']}', '{p['last']}', '{p['email']}')" for p in ps) + ";"
@fmt("sql-insert-lastfirst")
def _(ps): return "".join(f"INSERT INTO people VALUES ('{p['last']}', '{p['first']}', '{p['city']}');\n" for p in ps)
@fmt("sql-insert-cols")
def _(ps): return "".join(f"INSERT INTO people (last_name, first_name, city) VALUES ('{p['last']}', '{p['first']}', '{p['city']}');\n" for p in ps)
@fmt("sql-insert-cols-name")
def _(ps): return "".join(f"INSERT INTO users (id, name, email) VALUES ({p['num']}, '{p['first']} {p['last']}', '{p['email']}');\n" for p in ps)
@fmt("sql-copy")
def _(ps): return "COPY public.users (id, first_name, last_name, email) FROM stdin;\n" + "".join(f"{p['num']}\t{p['first']}\t{p['last']}\t{p['email']}\n" for p in ps) + "\\.\n"
@fmt("json-flat")
def _(ps): return json.dumps([{"id": p["num"], "first_name": p["first"], "last_name": p["last"], "email": p["email"]} for p in ps], indent=2, ensure_ascii=False)
@fmt("json-camel")
def _(ps): return json.dumps({"data": [{"firstName": p["first"], "lastName": p["last"], "city": p["city"]} for p in ps]}, ensure_ascii=False)
@fmt("json-nested-given")
def _(ps): return json.dumps([{"name": {"given": p["first"], "family": p["last"]}, "email": p["email"]} for p in ps], indent=2, ensure_ascii=False)
@fmt("json-fhir")
def _(ps): return json.dumps({"resourceType": "Patient", "name": [{"use": "official", "family": ps[0]["last"], "given": [ps[0]["first"]]}], "address": [{"city": ps[0]["city"]}]}, indent=2, ensure_ascii=False)
@fmt("json-name-full")
def _(ps): return json.dumps([{"id": p["num"], "name": f"{p['first']} {p['last']}", "email": p["email"]} for p in ps], indent=2, ensure_ascii=False)
@fmt("json-name-only")
def _(ps): return json.dumps([{"id": p["num"], "name": f"{p['first']} {p['last']}", "role": "admin"} for p in ps], ensure_ascii=False)
@fmt("json-author")
def _(ps): return json.dumps({"title": "Report", "author": f"{ps[0]['first']} {ps[0]['last']}", "reviewer": f"{ps[1]['first']} {ps[1]['last']}"}, ensure_ascii=False)
@fmt("jsonl")
def _(ps): return "\n".join(json.dumps({"user": {"first": p["first"], "last": p["last"]}, "city": p["city"]}, ensure_ascii=False) for p in ps)
@fmt("yaml")
def _(ps): return "users:\n" + "".join(f"  - name: {p['first']} {p['last']}\n    email: {p['email']}\n    city: {p['city']}\n" for p in ps)
@fmt("yaml-split")
def _(ps): return "contacts:\n" + "".join(f"  - given_name: {p['first']}\n    family_name: {p['last']}\n    phone: \"{p['phone']}\"\n" for p in ps)
@fmt("yaml-author")
def _(ps): return f"title: Quarterly report\nauthor: {ps[0]['first']} {ps[0]['last']}\nowner: {ps[1]['first']} {ps[1]['last']}\n"
@fmt("yaml-maintainer")
def _(ps): return f"name: payments-service\nmaintainer: {ps[0]['first']} {ps[0]['last']}\nreviewer: {ps[1]['first']} {ps[1]['last']}\n"
@fmt("toml-authors")
def _(ps): return f"[package]\nname = \"parser\"\nauthors = [\"{ps[0]['first']} {ps[0]['last']} <{ps[0]['email']}>\", \"{ps[1]['first']} {ps[1]['last']} <{ps[1]['email']}>\"]\n"
@fmt("package-json-author")
def _(ps): return json.dumps({"name": "parser", "version": "1.0.0", "author": f"{ps[0]['first']} {ps[0]['last']} <{ps[0]['email']}>", "contributors": [f"{ps[1]['first']} {ps[1]['last']} <{ps[1]['email']}>"]}, indent=2, ensure_ascii=False)
@fmt("env")
def _(ps): return f"APP_ENV=production\nADMIN_NAME={ps[0]['first']} {ps[0]['last']}\nADMIN_EMAIL={ps[0]['email']}\nCONTACT_PERSON=\"{ps[1]['first']} {ps[1]['last']}\"\n"
@fmt("gitconfig")
def _(ps): return f"[user]\n\tname = {ps[0]['first']} {ps[0]['last']}\n\temail = {ps[0]['email']}\n[core]\n\teditor = vim\n"
@fmt("ini")
def _(ps): return f"[contact]\nname={ps[0]['first']} {ps[0]['last']}\nphone={ps[0]['phone']}\ncity={ps[0]['city']}\n"
@fmt("vcard3")
def _(ps): return "".join(f"BEGIN:VCARD\nVERSION:3.0\nN:{p['last']};{p['first']};;;\nFN:{p['first']} {p['last']}\nADR;TYPE=HOME:;;{p['num']} {p['street']};{p['city']};;12345;\nTEL;TYPE=CELL:{p['phone']}\nEMAIL:{p['email']}\nEND:VCARD\n" for p in ps)
@fmt("vcard4")
def _(ps): return "".join(f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{p['first']} {p['last']}\r\nN:{p['last']};{p['first']};;;\r\nTEL;VALUE=uri;TYPE=cell:tel:{p['phone'].replace(' ','-')}\r\nEMAIL;TYPE=work:{p['email']}\r\nEND:VCARD\r\n" for p in ps)
@fmt("ical")
def _(ps): return ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Project review\n"
    f"ORGANIZER;CN={ps[0]['first']} {ps[0]['last']}:mailto:{ps[0]['email']}\n"
    f"ATTENDEE;ROLE=REQ-PARTICIPANT;CN={ps[1]['first']} {ps[1]['last']}:mailto:{ps[1]['email']}\n"
    f"ATTENDEE;CN=\"{ps[2]['first']} {ps[2]['last']}\";RSVP=TRUE:mailto:{ps[2]['email']}\n"
    f"LOCATION:{ps[0]['city']}\nEND:VEVENT\nEND:VCALENDAR\n")
@fmt("mbox")
def _(ps): return (f"From: \"{ps[0]['first']} {ps[0]['last']}\" <{ps[0]['email']}>\n"
    f"To: {ps[1]['first']} {ps[1]['last']} <{ps[1]['email']}>\nCc: {ps[2]['last']}, {ps[2]['first']} <{ps[2]['email']}>\n"
    "Subject: Re: invoice\nDate: Mon, 7 Dec 2026 10:00:00 +0000\n\nSee attached.\n")
@fmt("mbox-quoted-lastfirst")
def _(ps): return f"From: \"{ps[0]['first']} {ps[0]['last']}\" <{ps[0]['email']}>\nTo: \"{ps[1]['last']}, {ps[1]['first']}\" <{ps[1]['email']}>\nSubject: minutes\n\nHi all\n"
@fmt("mbox-reply")
def _(ps): return (f"On Mon, 7 Dec 2026 at 10:00, {ps[0]['first']} {ps[0]['last']} <{ps[0]['email']}> wrote:\n> Thanks\n")
@fmt("gitlog")
def _(ps): return "".join(f"commit 3f2a{p['num']:02d}9c1e0b\nAuthor: {p['first']} {p['last']} <{p['email']}>\nDate:   Mon Dec 7 10:00:00 2026 +0000\n\n    Fix the parser\n\n" for p in ps)
@fmt("gitlog-cobuilt")
def _(ps): return f"    Fix the parser\n\n    Co-authored-by: {ps[0]['first']} {ps[0]['last']} <{ps[0]['email']}>\n    Signed-off-by: {ps[1]['first']} {ps[1]['last']} <{ps[1]['email']}>\n"
@fmt("log-kv")
def _(ps): return "".join(f"2026-12-07T10:00:0{i}Z INFO login ok user={p['user']} name=\"{p['first']} {p['last']}\" ip=10.0.0.{i}\n" for i, p in enumerate(ps))
@fmt("log-kv-split")
def _(ps): return "".join(f"level=info msg=\"created\" first_name={p['first']} last_name={p['last']} city={p['city']}\n" for p in ps)
@fmt("log-json")
def _(ps): return "\n".join(json.dumps({"ts": "2026-12-07T10:00:00Z", "level": "info", "msg": "order placed", "customer": f"{p['first']} {p['last']}"}, ensure_ascii=False) for p in ps)
@fmt("md-table")
def _(ps): return "| Name | Email | City |\n|---|---|---|\n" + "".join(f"| {p['first']} {p['last']} | {p['email']} | {p['city']} |\n" for p in ps)
@fmt("md-table-owner")
def _(ps): return "| Task | Owner | Due |\n|---|---|---|\n" + "".join(f"| Fix bug {p['num']} | {p['first']} {p['last']} | 2026-12-{p['num']%28+1:02d} |\n" for p in ps)
@fmt("ldif")
def _(ps): return "".join(f"dn: cn={p['first']} {p['last']},ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\ncn: {p['first']} {p['last']}\nsn: {p['last']}\ngivenName: {p['first']}\nmail: {p['email']}\nl: {p['city']}\n\n" for p in ps)
@fmt("xml")
def _(ps): return "<people>\n" + "".join(f"  <person>\n    <firstName>{p['first']}</firstName>\n    <lastName>{p['last']}</lastName>\n    <city>{p['city']}</city>\n  </person>\n" for p in ps) + "</people>"
@fmt("xml-given")
def _(ps): return "<patients>\n" + "".join(f"  <patient>\n    <name>\n      <given>{p['first']}</given>\n      <family>{p['last']}</family>\n    </name>\n  </patient>\n" for p in ps) + "</patients>"
@fmt("xml-role")
def _(ps): return f"<document>\n  <title>Quarterly report</title>\n  <author>{ps[0]['first']} {ps[0]['last']}</author>\n  <owner>{ps[1]['first']} {ps[1]['last']}</owner>\n</document>"
@fmt("xml-attr")
def _(ps): return "<people>\n" + "".join(f'  <person first="{p["first"]}" last="{p["last"]}" email="{p["email"]}"/>\n' for p in ps) + "</people>"
@fmt("html-form")
def _(ps): return f'<input name="first_name" value="{ps[0]["first"]}">\n<input name="last_name" value="{ps[0]["last"]}">\n'
@fmt("skype")
def _(ps): return f"live:{ps[0]['user']}_{ps[0]['num']}"
# Round 17 (formats18): the shapes README's "Not yet" listed.
@fmt("tsv-noheader-full")
def _(ps): return "".join(f"{p['first']} {p['last']}\t{p['phone']}\t{p['city']}\n" for p in ps)
@fmt("html-list-ol")
def _(ps): return "<ol>\n" + "".join(f"<li>{p['first']} {p['last']}</li>\n" for p in ps) + "</ol>"
@fmt("html-form-id")
def _(ps): return f'<form>\n  <input type="text" id="firstName" value="{ps[0]["first"]}">\n  <input type="text" id="lastName" value="{ps[0]["last"]}">\n</form>\n'
@fmt("html-form-rails")
def _(ps): return f'<input type="text" name="user[first_name]" value="{ps[0]["first"]}" /><input type="text" name="user[last_name]" value="{ps[0]["last"]}" />'
@fmt("log-kv-username")
def _(ps): return "".join(f"time=2026-12-07T10:00:0{i}Z level=info msg=\"password reset\" username={p['user']} name=\"{p['first']} {p['last']}\"\n" for i, p in enumerate(ps))
@fmt("mbox-unspelt")
def _(ps): return (f"From: {ps[0]['first']} {ps[0]['last']} <news@example.com>\nTo: {ps[1]['first']} {ps[1]['last']} <office@example.org>\n"
    f"Cc: \"{ps[2]['first']} {ps[2]['last']}\" <info@example.net>\nSubject: hello\n\nHi\n")
@fmt("addr-quoted-unspelt")
def _(ps): return f"please write to \"{ps[0]['first']} {ps[0]['last']}\" <contact@example.com> about it"
@fmt("addr-bare-unspelt")
def _(ps): return f"send it to {ps[0]['first']} {ps[0]['last']} <contact@example.com> today"
def invent(ps):
    """Names no list can know (syllables), in place of the planted ones: the evidence must
    come from the format, not from the lists."""
    on, nu, co = "b d f g k l m n r s t v z".split(), "a e i o u".split(), ["", "n", "r", "l", "s"]
    word = lambda n: "".join(rng.choice(on) + rng.choice(nu) + rng.choice(co) for _ in range(n)).capitalize()
    for p in ps:
        p["first"], p["last"] = word(2), word(3)
    return ps
@fmt("mbox-invented")
def _(ps): return F["mbox-unspelt"](invent(ps))
@fmt("mbox-quoted-invented")
def _(ps):
    ps = invent(ps)
    return f"From: \"{ps[0]['first']} {ps[0]['last']}\" <news@example.com>\nSubject: hello\n\nHi\n"
@fmt("addr-quoted-invented")
def _(ps): return F["addr-quoted-unspelt"](invent(ps))
@fmt("addr-bare-invented")
def _(ps): return F["addr-bare-unspelt"](invent(ps))
@fmt("html-list-invented")
def _(ps):
    ps[1:] = invent(ps[1:])
    return F["html-list"](ps)
@fmt("skype-cid")
def _(ps): return f"my contact: live:.cid.{ps[0]['num']:02d}a7f3c9e1b2d4"

def run(texts):
    inp = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([os.environ.get("PII_BIN", f"{ROOT}/target/release/pii-airlock"), "redact", "--jsonl"], input=inp, capture_output=True, text=True, check=True).stdout
    return [json.loads(l)["text"] for l in out.splitlines()]

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    only = sys.argv[3:] 
    cases = []
    for name, fn in F.items():
        if only and name not in only: continue
        for _ in range(n):
            ps = people(3)
            cases.append((name, ps, fn(ps)))
    outs = run([c[2] for c in cases])
    stats = collections.defaultdict(lambda: collections.Counter())
    examples = collections.defaultdict(list)
    for (name, ps, text), out in zip(cases, outs):
        # A Skype ID holds no name word: the whole `live:` ID is what must not go out.
        for v in re.findall(r"live:[\w.\-]*\w", text):
            stats[name]["skype_total"] += 1
            if v in out:
                stats[name]["skype"] += 1
        for p in ps:
            for k in ("first", "last", "city", "email"):
                v = p[k]
                if not re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text): continue
                stats[name][k + "_total"] += 1
                if re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", out):
                    stats[name][k] += 1
                    if len(examples[name]) < 2: examples[name].append(out[:300])
    for name in F:
        if name not in stats: continue
        s = stats[name]
        cols = "  ".join(f"{k}:{s[k]}/{s[k+'_total']}" for k in ("first", "last", "city", "email", "skype") if s[k + "_total"])
        print(f"{name:24s} {cols}")
    if True:
        with open("/tmp/probe-formats-examples.txt", "w") as f:
            for name, ex in examples.items():
                f.write(f"===== {name}\n" + "\n---\n".join(ex) + "\n")
main()
