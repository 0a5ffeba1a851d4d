#!/bin/sh
# A short, seeded run of the Arc front-end fuzzer (tests/fuzz/run_front.sh)
# under ASan/UBSan: a few thousand mutated programs through lexer, parser,
# checker and lowering.
BUILD=${BUILD:-build}
echo "1..1"
if out=$(ITER=${FUZZ_ITER:-4000} SEED=${FUZZ_SEED:-1} BUILD=$BUILD sh tests/fuzz/run_front.sh 2>&1); then
    echo "ok 1 - fuzz_front: $(printf '%s\n' "$out" | tail -1)"
else
    printf '%s\n' "$out" | tail -40
    echo "not ok 1 - fuzz_front (seed ${FUZZ_SEED:-1})"
fi
