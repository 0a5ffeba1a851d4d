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
# Then tests/examples/json_fmt.arc: a 300-value document indented as
# Python's json.dumps(indent=2) writes it (floats left out: the two write
# them differently), compact with -c, from a file and from stdin, and its
# errors.  Longer runs with fresh seeds: tests/fuzz/run_json.sh (make fuzz).
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

if ! "$ARC" build tests/examples/json_fmt.arc -o "$T/json_fmt"; then
    not_ok "json_fmt builds"
    exit 0
fi
python3 $D/oracle.py pretty "$T/doc.json" "$T/want" 5
for mode in native qemu; do
    run=
    [ $mode = qemu ] && run=$QEMU
    check "json_fmt FILE: Python's indent=2 layout, byte for byte ($mode)" \
        sh -c "$run '$T/json_fmt' '$T/doc.json' > '$T/got' && cmp '$T/want' '$T/got'"
    check "json_fmt -c < FILE: compact, and json_fmt reads it back to the same ($mode)" \
        sh -c "$run '$T/json_fmt' -c < '$T/doc.json' > '$T/compact' && test \$(wc -l < '$T/compact') -eq 1 &&
               $run '$T/json_fmt' -i 2 '$T/compact' | cmp '$T/want' -"
done
printf '{"a": [1, 2,\n  3 x]}' > "$T/bad.json"
"$T/json_fmt" "$T/bad.json" > "$T/o" 2> "$T/e"
check "json_fmt on a bad document: exit 1, 'NAME:2:5: expected ...' on stderr, nothing on stdout" \
    sh -c "test $? -eq 1 && grep -qx 'json_fmt: $T/bad.json:2:5: expected .,. or .]. in array' '$T/e' && ! test -s '$T/o'"
"$T/json_fmt" "$T/missing.json" > "$T/o" 2> "$T/e"
check "json_fmt on a missing file: exit 1, ENOENT" \
    sh -c "test $? -eq 1 && grep -qx 'json_fmt: $T/missing.json: ENOENT' '$T/e'"
"$T/json_fmt" -i x > "$T/o" 2> "$T/e"
check "json_fmt -i x: exit 2 and the usage" sh -c "test $? -eq 2 && grep -q '^usage: json_fmt' '$T/e'"
