#!/usr/bin/env python3
"""Regenerates the catalog section of README.md (between the catalog markers) from the
per-family tables in docs/. tests/readme.rs checks that every entity and secret rule id of the
catalog appears in README.md, so run this after adding rules and documenting them in docs/."""
import re
from pathlib import Path

root = Path(__file__).resolve().parent.parent


def rows(path, first_col_prefix="| `"):
    return [l for l in (root / path).read_text().splitlines() if l.startswith(first_col_prefix)]


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


out = []
out.append("### National, financial and device identifiers\n")
out.append("Every rule is on by default; `countries` (`--countries`) narrows national rules. "
           "\"Context\" = a context word must stand near the value (whole word, 8 languages). "
           "Details and formats: [docs/identifiers-a.md](docs/identifiers-a.md), "
           "[docs/identifiers-b.md](docs/identifiers-b.md).\n")
out.append("| entity | country | validation | context required | default |")
out.append("|---|---|---|---|---|")
for l in rows("docs/identifiers-a.md"):
    c = cells(l)  # Entity | Country | Pattern | Validation | Context | Default
    out.append(f"| {c[0]} | {c[1]} | {c[3]} | {c[4]} | {c[5]} |")
for l in rows("docs/identifiers-b.md"):
    c = cells(l)  # Entity | Rule ids | Country | Format | Validation | Context
    out.append(f"| {c[0]} | {c[2]} | {c[4]} | {c[5]} | on |")
out.append("")
out.append("### Secrets (entity `SECRET`; the rule id names provider and kind)\n")
out.append("Checksums where the provider has one (GitHub/npm CRC-32, PyPI macaroons, PGP CRC-24, "
           "PEM/DER structure, JWT header), otherwise exact length plus an entropy floor; "
           "visible placeholders are not reported and key-shaped dummies are reported at a lower score. Details: "
           "[docs/secrets.md](docs/secrets.md).\n")
text = (root / "docs/secrets.md").read_text()
section = text.split("## Supported providers and kinds", 1)[1].split("\n## ", 1)[0]
for line in section.splitlines():
    if line.startswith("### "):
        out.append("")
        out.append("**" + line[4:] + "**\n")
        out.append("| rule id | format | validation |")
        out.append("|---|---|---|")
    elif line.startswith("| `"):
        out.append(line)
out.append("")
readme = (root / "README.md").read_text()
start, end = "<!-- catalog:start -->", "<!-- catalog:end -->"
new = re.sub(re.escape(start) + ".*?" + re.escape(end),
             lambda _: start + "\n" + "\n".join(out) + "\n" + end, readme, flags=re.S)
(root / "README.md").write_text(new)
