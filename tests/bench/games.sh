#!/bin/sh
# tests/bench/games.sh: the Benchmarks Game programs (issue 13), in Arc
# (tests/bench/arc/) and in C (tests/bench/c/, the same algorithm and
# output; musl-gcc -static -O2), run in turns GAME_ROUNDS times (default
# 5).  Every run's output must be byte-identical to the C program's (a
# difference stops the script); the table gives the medians, arc / C,
# the stripped sizes and the geometric mean of the time ratios.  The
# parallel row runs spectralnorm_tasks.arc (a task per band of rows) on 2
# workers against the single-threaded C spectralnorm.  Part of `make
# bench`; alone: BUILD=build sh tests/bench/games.sh.
set -eu
BUILD=${BUILD:-build}
ARC=${ARC:-$BUILD/arc}
ROUNDS=${GAME_ROUNDS:-5}
B=$BUILD/bench/games
S=tests/bench
die() { echo "games: $*" >&2; exit 1; }
command -v musl-gcc > /dev/null || die "needs musl-gcc"
[ -x "$ARC" ] || die "no $ARC: run make first"
mkdir -p "$B"

# name, argument (sized for about 0.2 to 1 s of C on this machine)
GAMES="nbody:5000000 spectralnorm:3000 mandelbrot:3000 fannkuch:10 binarytrees:16 fasta:2500000"
for g in $GAMES spectralnorm_tasks:3000; do
    n=${g%:*}
    "$ARC" build "$S/arc/$n.arc" -o "$B/$n.arc" || die "$n.arc does not build"
    strip -o "$B/$n.arc.s" "$B/$n.arc"
done
for g in $GAMES; do
    n=${g%:*}
    musl-gcc -static -O2 -std=c11 -Wall -Wextra -Werror -o "$B/$n.c" "$S/c/$n.c" -lm || die "$n.c does not build"
    strip -o "$B/$n.c.s" "$B/$n.c"
done

# run KEY CMD...: wall ms of CMD (stdout to $B/KEY.out) into the samples
samples=$B/samples
: > "$samples"
run() {
    _k=$1
    shift
    _t0=$(date +%s%N)
    timeout 120 "$@" > "$B/$_k.out" || die "$* failed (exit $?)"
    _t1=$(date +%s%N)
    echo "$_k $(((_t1 - _t0) / 1000))" >> "$samples"
}
echo "games: $ROUNDS rounds of $(echo $GAMES | wc -w) programs in Arc and C, and the parallel one ..." >&2
r=0
while [ $r -lt "$ROUNDS" ]; do
    for g in $GAMES; do
        n=${g%:*}
        a=${g#*:}
        run "c_$n" "$B/$n.c" "$a"
        run "arc_$n" env ARC_WORKERS=1 "$B/$n.arc" "$a"
        cmp -s "$B/c_$n.out" "$B/arc_$n.out" || die "WRONG RESULT: $n: Arc's output differs from C's"
    done
    run arc_spectralnorm_tasks env ARC_WORKERS=2 "$B/spectralnorm_tasks.arc" 3000
    cmp -s "$B/c_spectralnorm.out" "$B/arc_spectralnorm_tasks.out" ||
        die "WRONG RESULT: spectralnorm_tasks: output differs from C's spectralnorm"
    r=$((r + 1))
done
for g in $GAMES spectralnorm_tasks:3000; do
    n=${g%:*}
    echo "size_arc_$n $(wc -c < "$B/$n.arc.s")" >> "$samples"
    [ -f "$B/$n.c.s" ] && echo "size_c_$n $(wc -c < "$B/$n.c.s")" >> "$samples"
done
sort -k1,1 -k2,2n "$samples" | awk '
{ n[$1]++; v[$1, n[$1]] = $2 }
END { for (k in n) { c = n[k]
        print k, (c % 2 ? v[k, (c + 1) / 2] : (v[k, c / 2] + v[k, c / 2 + 1]) / 2) } }' > "$B/medians"
awk -v rounds="$ROUNDS" -v games="$GAMES" '
FNR == NR { m[$1] = $2; next }
function row(label, a, c, sa, sc, target) {
    r = a / c
    ok = target == "" ? "" : r <= target ? "ok" : "MISS"
    printf "%-32s %9.1f %9.1f %7.2fx %9d %9s %6s %s\n", label, a / 1000, c / 1000, r, sa, sc, target == "" ? "-" : "<=" target "x", ok
    return r
}
END {
    printf "\nBenchmarks Game programs: Arc (arc build, 1 worker) vs the same C built by\n"
    printf "musl-gcc -static -O2; outputs byte-identical; medians of %d runs in turns on\n", rounds
    printf "this shared 2-core machine; sizes stripped.  Lower is better.\n\n"
    printf "%-32s %9s %9s %8s %9s %9s %6s %s\n", "program (argument)", "arc ms", "C ms", "arc/C", "arc B", "C B", "target", "target?"
    k = split(games, g, " ")
    lsum = 0
    for (i = 1; i <= k; i++) {
        split(g[i], p, ":")
        lsum += log(row(p[1] " (" p[2] ")", m["arc_" p[1]], m["c_" p[1]], m["size_arc_" p[1]], m["size_c_" p[1]], "1.5"))
    }
    gm = exp(lsum / k)
    printf "%-32s %9s %9s %7.2fx %9s %9s %6s %s\n", "geometric mean", "", "", gm, "", "", "<=1.25x", gm <= 1.25 ? "ok" : "MISS"
    row("spectralnorm_tasks, 2 workers", m["arc_spectralnorm_tasks"], m["c_spectralnorm"], m["size_arc_spectralnorm_tasks"], "(1 thread)", "1")
}' "$B/medians" /dev/null
