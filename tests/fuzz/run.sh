#!/bin/sh
# tests/fuzz/run.sh: build the IR fuzzer under ASan/UBSan and run it.
#   TIME=s   run for s seconds (default 600)
#   ITER=n   run n iterations instead (a fixed, seeded run)
#   SEED=n   the PRNG seed (default: the clock; printed at the end)
# A crash, sanitizer report, hang or round-trip mismatch exits non-zero and
# leaves the input in $BUILD/fuzz/current.ir.
set -e
BUILD=${BUILD:-build}
CC=${CC:-cc}
out=$BUILD/fuzz
mkdir -p "$out"
$CC -std=c11 -Wall -Wextra -Werror -O1 -g -fno-omit-frame-pointer \
    -fsanitize=address,undefined -fno-sanitize-recover=all -I. \
    -o "$out/fuzz_ir" tests/fuzz/fuzz_ir.c $(make -s --no-print-directory print-FUZZ_IR_SRC)
set -- -o "$out"
[ -n "$ITER" ] && set -- "$@" -n "$ITER"
[ -n "$TIME" ] && set -- "$@" -t "$TIME"
[ -n "$SEED" ] && set -- "$@" -s "$SEED"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    exec "$out/fuzz_ir" "$@"
