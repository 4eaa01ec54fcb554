#!/usr/bin/env python3
"""Builds a tuning-only corpus of benign technical text for the names pass (round 7), from
files on this machine that the evaluation's benign parts (scripts/score-names-eval.py) never
read, in two halves split by a seed:

    python3 scripts/build-benign7-tune.py [--seed 7] [--kb 2048] [--out target/names-eval/benign7]
    python3 scripts/score-names-eval.py --split tune --benign7 A     # tune on A only
    python3 scripts/score-names-eval.py --split tune --benign7 B     # score B once, at the end

Sources (each a list of candidate files, grouped by the package they belong to):

- `md`: documentation inside installed packages: README/CHANGELOG/docs in Markdown, reST or
  text and the METADATA long descriptions of Python packages in site-packages, Markdown of
  the crates in ~/.cargo/registry/src and of the packages under node_modules;
- `debdoc`: files under /usr/share/doc of packages none of whose files the scorer reads
  (Debian and upstream changelogs, NEWS, README.Debian, copyright files);
- `man`: English man pages of sections 3, 5, 7 and 8 (the scorer reads section 1 only) and
  translated pages past the scorer's first 600 per language;
- `code`: Python sources in site-packages (the scorer reads Rust and JavaScript only).

Held-out safety, made explicit below: every file the scorer's benign parts could read, tune
or held-out, at any `--benign-kb` (its whole candidate lists) is excluded, and so is every
/usr/share/doc package directory that holds one of them. Each package goes whole to half A
or to half B (by a hash of the seed and its name), so B shares no package with A. Within a
half, packages are visited in a seeded random order, one file each per round (at most
32 rounds), each file cut at 16 KB, until the source's budget is spent. The Markdown that
round 6's `--md-docs` read is left out too (old tuning text, not held-out), so that both
halves are new text.
"""

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def scorer():
    spec = importlib.util.spec_from_file_location(
        "score_names_eval", os.path.join(HERE, "score-names-eval.py")
    )
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def walk(root, keep):
    root = os.path.expanduser(root)
    got = []
    for d, dirs, fs in os.walk(root):
        dirs.sort()
        for f in sorted(fs):
            p = os.path.join(d, f)
            if keep(p) and os.path.isfile(p):
                got.append(p)
    return got


def site_packages():
    import site

    dirs = site.getsitepackages() + ["/usr/lib/python3/dist-packages"]
    return [d for d in dirs if os.path.isdir(d)]


DOC_EXT = (".md", ".rst", ".txt", ".markdown")


def package_of(path):
    """The package a file belongs to: the first directory under the tree's root."""
    for root in site_packages() + [
        os.path.expanduser("~/.cargo/registry/src"),
        os.path.abspath("node_modules"),
        os.path.realpath("node_modules"),
        "/usr/share/doc",
        "/usr/share/man",
    ]:
        if path.startswith(root + "/"):
            rest = path[len(root) + 1 :].split("/")
            if "cargo/registry" in root:
                # index dir, then the crate.
                return "crate:" + rest[1].rsplit("-", 1)[0] if len(rest) > 1 else rest[0]
            if root.endswith("site-packages") or root.endswith("dist-packages"):
                # "foo-1.2.dist-info" and "foo" are one package.
                name = rest[0].split("-")[0].split(".")[0].lower().replace("_", "")
                return "py:" + name
            if root == "/usr/share/man":
                base = os.path.basename(path).split(".")[0]
                return "man:" + base
            return root.rsplit("/", 1)[-1] + ":" + rest[0]
    return path


def candidates(held):
    """Candidate files per source, each excluding `held` (every file the scorer may read)."""
    held_pkgs = {p.split("/")[4] for p in held if p.startswith("/usr/share/doc/")}
    nm = os.path.realpath("node_modules")

    def free(p):
        return p not in held and os.path.realpath(p) not in held

    md = []
    for sp in site_packages():
        md += walk(
            sp,
            lambda p: (p.endswith(DOC_EXT) or os.path.basename(p) == "METADATA")
            and "/tests/" not in p
            and "/test/" not in p
            and os.path.basename(p).lower() not in ("top_level.txt", "entry_points.txt")
            and not p.endswith(("RECORD", "WHEEL")),
        )
    md += walk("~/.cargo/registry/src", lambda p: p.endswith((".md", ".markdown", ".rst")))
    md += walk(nm, lambda p: p.endswith((".md", ".markdown")))
    debdoc = walk(
        "/usr/share/doc",
        lambda p: p.split("/")[4] not in held_pkgs and not p.endswith((".html", ".css", ".js")),
    )
    man = walk(
        "/usr/share/man",
        lambda p: p.endswith(".gz")
        and (
            any(f"/man/man{s}/" in p for s in "3578")
            or any(f"/man/{l}/" in p for l in ["de", "es", "fr", "it", "nl", "pl", "pt"])
        ),
    )
    code = []
    for sp in site_packages():
        code += walk(sp, lambda p: p.endswith(".py") and "/tests/" not in p)
    return {
        "md": [p for p in md if free(p)],
        "debdoc": [p for p in debdoc if free(p)],
        "man": [p for p in man if free(p)],
        "code": [p for p in code if free(p)],
    }


def read(path, s):
    if path.endswith("METADATA"):
        # The long description (the package's README) follows the headers' blank line.
        t = open(path, encoding="utf-8", errors="replace").read()
        return t.split("\n\n", 1)[1] if "\n\n" in t else ""
    if path.endswith(".gz") and "/man/" not in path:
        try:
            return gzip.open(path).read().decode("utf-8", "replace")
        except Exception:
            return ""
    return s.read_text(path)


def half(seed, pkg):
    return "AB"[hashlib.sha256(f"{seed}:{pkg}".encode()).digest()[0] & 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kb", type=int, default=2048, help="budget per source and half")
    ap.add_argument("--out", default="target/names-eval/benign7")
    a = ap.parse_args()
    s = scorer()
    held = set()
    for name, paths in s.benign_sources().items():
        # Both parities, every index: whatever --benign-kb the scorer is run with.
        held.update(paths)
        held.update(os.path.realpath(p) for p in paths)
    # Not held-out, but old tuning text: the files round 6's `--md-docs` read (its stepped
    # walk over the whole list, at any budget). Left out so that A and B are new text.
    md6 = s.files("node_modules", (".md",)) + s.files("~/.cargo/registry/src", (".md",))
    read6, budget6 = [], 1024 * 1024
    for p in md6[:: max(1, len(md6) // 400)]:
        t = s.read_text(p)
        if t.strip():
            read6.append(p)
            budget6 -= len(t[:16384].encode())
            if budget6 <= 0:
                break
    old_tune = set(read6) | {os.path.realpath(p) for p in read6}
    budgets = {"md": 2 * a.kb, "debdoc": a.kb, "man": a.kb // 2, "code": a.kb // 2}
    os.makedirs(a.out, exist_ok=True)
    manifest = {"seed": a.seed, "kb": a.kb, "files": {}}
    for name, paths in candidates(held | old_tune).items():
        for h in "AB":
            groups = {}
            for p in paths:
                pkg = package_of(p)
                if half(a.seed, pkg) == h:
                    groups.setdefault(pkg, []).append(p)
            rng = random.Random(f"{a.seed}:{name}:{h}")
            order = sorted(groups)
            rng.shuffle(order)
            for pkg in order:
                rng.shuffle(groups[pkg])
            text, used, budget = [], [], budgets[name] * 1024
            rnd = 0
            # At most 32 files of a package, so that none fills a half alone.
            while budget > 0 and rnd < 32 and any(len(groups[k]) > rnd for k in order):
                for pkg in order:
                    if rnd >= len(groups[pkg]) or budget <= 0:
                        continue
                    p = groups[pkg][rnd]
                    # Never a file either part of the scorer reads.
                    assert p not in held and os.path.realpath(p) not in held, p
                    t = read(p, s)[:16384]
                    if len(t.strip()) < 200:
                        continue
                    text.append(t)
                    used.append(p)
                    budget -= len(t.encode())
                rnd += 1
            with open(os.path.join(a.out, f"{name}-{h}.txt"), "w", encoding="utf-8") as f:
                f.write("\n\f\n".join(text))
            manifest["files"][f"{name}-{h}"] = used
            mb = sum(len(t.encode()) for t in text) / 1e6
            print(f"{name} {h}: {len(used)} files, {len({package_of(p) for p in used})} packages, {mb:.2f} MB")
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
