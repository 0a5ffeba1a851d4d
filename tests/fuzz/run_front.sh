#!/bin/sh
# tests/fuzz/run_front.sh: build the Arc front-end fuzzer under ASan/UBSan
# and run it (tests/fuzz/fuzz_front.c).
#   TIME=s   run for s seconds (default 600)
#   ITER=n   run n iterations instead (a fixed, seeded run)
#   SEED=n   the PRNG seed (default: the clock; printed at the end)
# A crash, sanitizer report or hang exits non-zero and leaves the input in
# $BUILD/fuzz/current.arc.
set -e
BUILD=${BUILD:-build}
CC=${CC:-cc}
out=$BUILD/fuzz
mkdir -p "$out"
make -s BUILD="$BUILD" "$BUILD/gen/stdlib.inc"   # the embedded stdlib_arc
$CC -std=c11 -Wall -Wextra -Werror -O1 -g -fno-omit-frame-pointer \
    -fsanitize=address,undefined -fno-sanitize-recover=all -I. -I"$BUILD/gen" \
    -o "$out/fuzz_front" tests/fuzz/fuzz_front.c $(make -s --no-print-directory print-FUZZ_FRONT_SRC)
set -- -o "$out"
[ -n "$ITER" ] && set -- "$@" -n "$ITER"
[ -n "$TIME" ] && set -- "$@" -t "$TIME"
[ -n "$SEED" ] && set -- "$@" -s "$SEED"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    exec "$out/fuzz_front" "$@"
