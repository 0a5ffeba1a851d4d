#!/bin/sh
# tests/bench/math.sh: the C layer's sin exp log pow against musl's:
# tests/bench/math_speed.c (10 million calls of one function a run) built
# freestanding on the C layer and with musl-gcc -static -O2, run in turns
# MATH_ROUNDS times (default 5); the sums printed must agree (a difference
# stops the script).  Prints the medians in ms, C layer / musl.  Part of
# `make bench`; alone: BUILD=build sh tests/bench/math.sh.
# shellcheck disable=SC2086
set -eu
BUILD=${BUILD:-build}
ARC=${ARC:-$BUILD/arc}
ROUNDS=${MATH_ROUNDS:-5}
B=$BUILD/bench/math
S=tests/bench
FREESTANDING="-std=c11 -O2 -ffreestanding -nostdlib -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables -fno-builtin -Wall -Wextra -Werror"
die() { echo "math: $*" >&2; exit 1; }
command -v musl-gcc > /dev/null || die "needs musl-gcc"
[ -x "$ARC" ] || die "no $ARC: run make first"
mkdir -p "$B"
musl-gcc -static -O2 -std=c11 -Wall -Wextra -Werror -Itests/libc -o "$B/musl" $S/math_speed.c -lm ||
    die "math_speed.c does not build with musl"
gcc $FREESTANDING -DARC_FREESTANDING -Itests/libc -c $S/math_speed.c -o "$B/arc.o" &&
    "$ARC" link -o "$B/arc" "$B/arc.o" -l c || die "math_speed.c does not build on the C layer"

samples=$B/samples
: > "$samples"
run() {  # run KEY PROG FUNC: wall us into the samples, stdout to $B/KEY.out
    _t0=$(date +%s%N)
    timeout 120 "$2" "$3" > "$B/$1.out" || die "$2 $3 failed"
    _t1=$(date +%s%N)
    echo "$1 $(((_t1 - _t0) / 1000))" >> "$samples"
}
r=0
while [ $r -lt "$ROUNDS" ]; do
    for f in sin exp log pow; do
        c=$(printf %.1s $f)
        run "musl_$f" "$B/musl" $c
        run "arc_$f" "$B/arc" $c
        cmp -s "$B/musl_$f.out" "$B/arc_$f.out" || die "WRONG RESULT: $f: $(cat "$B/arc_$f.out") vs musl's $(cat "$B/musl_$f.out")"
    done
    r=$((r + 1))
done
sort -k1,1 -k2,2n "$samples" | awk -v rounds="$ROUNDS" '
{ n[$1]++; v[$1, n[$1]] = $2 }
END {
    for (k in n) { c = n[k]; m[k] = c % 2 ? v[k, (c + 1) / 2] : (v[k, c / 2] + v[k, c / 2 + 1]) / 2 }
    printf "\nmath.h: 10M calls a run, C layer vs musl-gcc -static -O2; medians of %d runs in turns\n", rounds
    printf "%-8s %10s %10s %8s\n", "function", "arc ms", "musl ms", "arc/musl"
    split("sin exp log pow", fs, " ")
    for (i = 1; i <= 4; i++)
        printf "%-8s %10.1f %10.1f %7.2fx\n", fs[i], m["arc_" fs[i]] / 1000, m["musl_" fs[i]] / 1000, m["arc_" fs[i]] / m["musl_" fs[i]]
}'
