#!/bin/sh
# The json module (stdlib_arc/json.arc), natively and under qemu-x86_64:
# tests/e2e/json/cases.arc (the API, every error's message and position,
# building and writing documents; its "// expect:" lines), then the
# reference check: tests/e2e/json/oracle.py writes 6,000 documents (a
# fixed seed: valid ones from Python's json with random spacing, escapes
# and numbers, as many broken by random byte edits, and hand-written edge
# cases), roundtrip.arc parses and writes each, and Python's strict
# verdict must agree on every one, each written text reading back in
# Python as the same value (and parsing back to the same text in Arc).
# Longer runs with fresh seeds: tests/fuzz/run_json.sh (make fuzz).
. tests/e2e/lib.sh

D=tests/e2e/json
if "$ARC" build $D/cases.arc -o "$T/cases"; then
    run_both "cases.arc" "$T/cases" $D/cases.arc
else
    not_ok "cases.arc builds"
fi

if ! "$ARC" build $D/roundtrip.arc -o "$T/roundtrip"; then
    not_ok "roundtrip.arc builds"
    exit 0
fi
python3 $D/oracle.py gen "$T/docs" 6000 1
check "oracle: 6,000 documents agree with Python's json (native)" \
    sh -c "'$T/roundtrip' '$T/docs' > '$T/native' && python3 $D/oracle.py check '$T/docs' '$T/native'"
check "the same output under qemu-x86_64" \
    sh -c "$QEMU '$T/roundtrip' '$T/docs' > '$T/qemu' && cmp '$T/native' '$T/qemu'"
