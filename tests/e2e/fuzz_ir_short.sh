#!/bin/sh
# A short, seeded run of the IR fuzzer (tests/fuzz/run.sh) under ASan/UBSan:
# a few thousand mutated inputs through reader, verifier and printer.
BUILD=${BUILD:-build}
echo "1..1"
if out=$(ITER=${FUZZ_ITER:-10000} SEED=${FUZZ_SEED:-1} BUILD=$BUILD sh tests/fuzz/run.sh 2>&1); then
    echo "ok 1 - fuzz_ir: $(printf '%s\n' "$out" | tail -1)"
else
    printf '%s\n' "$out" | tail -40
    echo "not ok 1 - fuzz_ir (seed ${FUZZ_SEED:-1})"
fi
