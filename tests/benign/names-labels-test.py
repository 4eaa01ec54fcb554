#!/usr/bin/env python3
"""Tests of the benign labels' matching in scripts/score-names-eval.py (round 13,
docs/names.md "Benign labels"): a finding no label covers counts as a false positive, a
labelled real person does not, and a label stops matching when the text around its finding
changes. Also checks the label files in the repository: known labels only, labels that fit
their entity, and no span or reason in the held-out file.

    python3 tests/benign/names-labels-test.py

Needs no CLI binary: the findings are written here by hand.
"""

import gzip
import importlib.util
import json
import os
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def scorer():
    spec = importlib.util.spec_from_file_location(
        "score_names_eval", os.path.join(ROOT, "scripts", "score-names-eval.py")
    )
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


S = scorer()

TEXT = "Thanks to Anna Berg for the patch.\nJohn Doe is an example.\nShipped from Berlin.\n"


def finding(text, span, entity):
    start = text.index(span)
    return {"entity": entity, "start": start, "end": start + len(span)}


def labelled(text, *items):
    """Findings of (span, entity) and labels of them by key: ((span, entity, label), ...)."""
    found = [finding(text, span, entity) for span, entity, _ in items]
    labels = {
        S.label_key(f["entity"], text, f["start"], f["end"]): label
        for f, (_, _, label) in zip(found, items)
    }
    return found, labels


def counts(text, findings, labels):
    rec = {"id": "doc-0", "text": text}
    return S.label_counts([rec], {"doc-0": findings}, labels)


class LabelMatching(unittest.TestCase):
    def test_unlabelled_finding_is_a_false_positive(self):
        c = counts(TEXT, [finding(TEXT, "Anna Berg", "PERSON")], {})
        self.assertEqual((c["PERSON"], c["PERSON-unlabelled"], c["PERSON-fp"]), (1, 1, 1))

    def test_labelled_real_person_is_not_a_false_positive(self):
        c = counts(TEXT, *labelled(TEXT, ("Anna Berg", "PERSON", "person-real")))
        self.assertEqual((c["PERSON"], c["PERSON-unlabelled"], c["PERSON-fp"]), (1, 0, 0))

    def test_example_name_is_counted_apart_not_as_false_positive(self):
        c = counts(TEXT, *labelled(TEXT, ("John Doe", "PERSON", "person-example")))
        self.assertEqual((c["PERSON-fp"], c["PERSON-example"]), (0, 1))

    def test_boundary_and_not_person_are_false_positives(self):
        found, labels = labelled(
            TEXT, ("Anna Berg for", "PERSON", "boundary"), ("Shipped", "PERSON", "not-person")
        )
        c = counts(TEXT, found, labels)
        self.assertEqual((c["PERSON-fp"], c["PERSON-boundary"]), (2, 1))

    def test_changed_text_around_a_finding_unlabels_it(self):
        f = finding(TEXT, "Anna Berg", "PERSON")
        labels = {S.label_key("PERSON", TEXT, f["start"], f["end"]): "person-real"}
        changed = TEXT.replace("for the patch", "for the review")
        c = counts(changed, [finding(changed, "Anna Berg", "PERSON")], labels)
        self.assertEqual((c["PERSON-unlabelled"], c["PERSON-fp"]), (1, 1))
        # Text beyond the context leaves the key alone.
        far = TEXT.replace("Shipped from", "Sent from")
        c = counts(far, [finding(far, "Anna Berg", "PERSON")], labels)
        self.assertEqual(c["PERSON-fp"], 0)

    def test_another_span_or_entity_is_unlabelled(self):
        f = finding(TEXT, "Anna Berg", "PERSON")
        labels = {S.label_key("PERSON", TEXT, f["start"], f["end"]): "person-real"}
        c = counts(TEXT, [finding(TEXT, "Anna", "PERSON")], labels)
        self.assertEqual(c["PERSON-fp"], 1)
        c = counts(TEXT, [finding(TEXT, "Anna Berg", "LOCATION")], labels)
        self.assertEqual((c["LOCATION"], c["LOCATION-fp"]), (1, 1))

    def test_places_and_addresses_share_the_location_class(self):
        found, labels = labelled(
            TEXT,
            ("Berlin", "LOCATION", "place"),
            ("Shipped from Berlin", "STREET_ADDRESS", "not-place"),
        )
        c = counts(TEXT, found, labels)
        self.assertEqual((c["LOCATION"], c["LOCATION-fp"]), (2, 1))

    def test_load_labels_reads_plain_and_gzipped_files(self):
        with tempfile.TemporaryDirectory() as d:
            plain, packed = os.path.join(d, "a.jsonl"), os.path.join(d, "b.jsonl.gz")
            with open(plain, "w") as f:
                f.write(json.dumps({"key": "k1", "label": "person-real"}) + "\n")
            with gzip.open(packed, "wt") as f:
                f.write(json.dumps({"key": "k2", "label": "not-place"}) + "\n")
            got = S.load_labels([plain, packed, os.path.join(d, "missing.jsonl")])
        self.assertEqual(got, {"k1": "person-real", "k2": "not-place"})


class LabelFiles(unittest.TestCase):
    KNOWN = {
        "PERSON": {"person-real", "person-example", "not-person", "boundary"},
        "LOCATION": {"place", "not-place", "boundary"},
        "STREET_ADDRESS": {"place", "not-place", "boundary"},
    }

    def rows(self, path):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(os.path.join(ROOT, path), "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def test_labels_are_known_and_fit_their_entity(self):
        keys = {}
        for path in S.LABELS:
            for row in self.rows(path):
                self.assertIn(row["label"], self.KNOWN[row["entity"]], row["key"])
                self.assertRegex(row["key"], r"^[0-9a-f]{20}$")
                # One key, one label, whichever part it came from.
                self.assertEqual(keys.setdefault(row["key"], row["label"]), row["label"])

    def test_tuning_rows_match_their_span(self):
        for row in self.rows(S.LABELS[0]):
            self.assertEqual(row["end"] - row["start"], len(row["span"]), row["key"])
            self.assertIn(row["part"], ("tune", "benign7-A"))

    def test_heldout_file_names_no_finding(self):
        for row in self.rows(S.LABELS[1]):
            self.assertEqual(set(row), {"part", "source", "entity", "label", "key"})
            self.assertIn(row["part"], ("heldout", "benign7-B"))


if __name__ == "__main__":
    unittest.main()
