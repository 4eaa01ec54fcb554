#!/usr/bin/env bash
# Rewrites data/catalog-automaton.bin, the built-in catalog's automata made ahead of time, and
# data/catalog-automaton-scanner.bin, the first module's copy without the full module's rules
# (src/automaton.rs), after any change to a built-in pattern (or to regex-automata). The test
# `automaton::tests::the_checked_in_blob_is_current` fails until this has run.
set -euo pipefail
cd "$(dirname "$0")/.."
PII_AIRLOCK_WRITE_AUTOMATON=1 cargo test --lib automaton::tests::the_checked_in_blob_is_current -- --exact --quiet
# The test binary above still holds the old blob: check the new one with a fresh build.
cargo test --lib automaton:: --quiet
ls -l data/catalog-automaton.bin data/catalog-automaton-scanner.bin
