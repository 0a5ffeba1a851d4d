#!/bin/sh
# tests/fuzz/run_json.sh: the json module against Python's json
# (tests/e2e/json/oracle.py) with fresh seeds, 20,000 documents each
# (valid ones and random byte edits of them); TIME, ITER, SEED as in
# tests/fuzz/seeds.sh.  A mismatch, a crash or a hang of the parser exits
# non-zero and leaves the documents in $BUILD/fuzz/json_docs.
set -e
BUILD=${BUILD:-build}
out=$BUILD/fuzz
mkdir -p "$out"
"$BUILD/arc" build tests/e2e/json/roundtrip.arc -o "$out/json_roundtrip"
. tests/fuzz/seeds.sh
one_seed() {
    python3 tests/e2e/json/oracle.py gen "$out/json_docs" 20000 "$1"
    timeout 120 "$out/json_roundtrip" "$out/json_docs" > "$out/json_out" || return 1
    python3 tests/e2e/json/oracle.py check "$out/json_docs" "$out/json_out" > "$out/json_check" ||
        { cat "$out/json_check"; return 1; }
}
seed_loop "json fuzz (20,000 documents a seed, against Python's json)"
