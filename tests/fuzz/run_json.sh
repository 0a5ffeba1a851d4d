#!/bin/sh
# tests/fuzz/run_json.sh: the json module against Python's json
# (tests/e2e/json/oracle.py) with fresh seeds, 20,000 documents each
# (valid ones and random byte edits of them), until TIME seconds
# (default 600) have passed, or ITER seeds (ITER=n); SEED=n starts there.
# A mismatch, a crash or a hang of the parser exits non-zero and leaves
# the documents in $BUILD/fuzz/json_docs.
set -e
BUILD=${BUILD:-build}
out=$BUILD/fuzz
mkdir -p "$out"
"$BUILD/arc" build tests/e2e/json/roundtrip.arc -o "$out/json_roundtrip"
seed=${SEED:-$(date +%s)}
end=$(($(date +%s) + ${TIME:-600}))
n=0
while :; do
    [ -n "$ITER" ] && [ "$n" -ge "$ITER" ] && break
    [ -z "$ITER" ] && [ "$(date +%s)" -ge "$end" ] && break
    python3 tests/e2e/json/oracle.py gen "$out/json_docs" 20000 "$seed"
    timeout 120 "$out/json_roundtrip" "$out/json_docs" > "$out/json_out" ||
        { echo "json fuzz: seed $seed: roundtrip failed (status $?)"; exit 1; }
    python3 tests/e2e/json/oracle.py check "$out/json_docs" "$out/json_out" > "$out/json_check" ||
        { cat "$out/json_check"; echo "json fuzz: seed $seed"; exit 1; }
    n=$((n + 1))
    seed=$((seed + 1))
done
echo "json fuzz: $n seeds of 20,000 documents agree with Python's json (last seed $((seed - 1)))"
