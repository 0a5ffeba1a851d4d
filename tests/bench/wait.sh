#!/bin/sh
# tests/bench/wait.sh: the "waiting on the world" figures of `make bench`
# (run by tests/bench/run.sh; alone: BUILD=build sh tests/bench/wait.sh),
# side by side in one run:
#   - TCP ping-pong round trip over loopback: two tasks on the arc runtime
#     (arc_pingpong.c: non-blocking sockets, tasks parked in the poller)
#     vs C with musl, blocking sockets on two threads (musl_pingpong.c)
#     vs C with musl, one thread in an epoll loop (musl_epoll_pingpong.c);
#     medians of $ROUNDS runs, ARC_WORKERS=1 and 2;
#   - timer accuracy (arc_timer.c): 1, 10, 100 ms sleeps vs CLOCK_MONOTONIC;
#   - SLEEPERS tasks (default 100000) sleeping 0-100 ms each
#     (arc_sleepers.c, C tasks: past the guard budget their stacks have
#     canaries instead of guard pages, gen/rt/sched.c): spawn time, last
#     spawn to last wake-up, first spawn to last wake-up, peak RSS; if
#     the run fails, the figure for 30000 instead; then the same with Arc
#     tasks (arc_sleepers.arc).
# shellcheck disable=SC2086
set -eu
BUILD=${BUILD:-build}
ARC=${ARC:-$BUILD/arc}
ROUNDS=${ROUNDS:-5}
SLEEPERS=${SLEEPERS:-100000}
B=$BUILD/bench
S=tests/bench
FREESTANDING="-std=c11 -O2 -ffreestanding -nostdlib -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables -fno-builtin -Wall -Wextra -Werror"
MUSL="musl-gcc -static -O2 -std=c11 -Wall -Wextra -Werror"
mkdir -p "$B"
"$ARC" header -o "$B/arc_rt.h"
for p in pingpong timer sleepers; do
    gcc $FREESTANDING -I"$B" -Itests/e2e/c -I$S -c "$S/arc_$p.c" -o "$B/arc_$p.o"
    "$ARC" link -o "$B/arc_$p" "$B/arc_$p.o"
done
$MUSL -I$S -o "$B/musl_pingpong" $S/musl_pingpong.c
$MUSL -I$S -o "$B/musl_epoll_pingpong" $S/musl_epoll_pingpong.c

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
pp() {   # pp PROGRAM [ENV]: median pingpong_ns of $ROUNDS runs
    _i=0
    while [ $_i -lt "$ROUNDS" ]; do
        env ${2:-} "$B/$1" | awk '$1 == "pingpong_ns" { print $2 }'
        _i=$((_i + 1))
    done | median
}
a1=$(pp arc_pingpong ARC_WORKERS=1)
a2=$(pp arc_pingpong ARC_WORKERS=2)
mt=$(pp musl_pingpong)
me=$(pp musl_epoll_pingpong)
echo
echo "Waiting on the world (tests/bench/wait.sh): TCP ping-pong over loopback,"
echo "one byte each way, ns per round trip, medians of $ROUNDS runs; lower is better."
printf '%-44s %10s\n' "arc: two tasks, ARC_WORKERS=1" "$a1" "arc: two tasks, ARC_WORKERS=2" "$a2" \
    "musl C: two threads, blocking sockets" "$mt" "musl C: one thread, epoll loop" "$me"
awk -v a="$a1" -v t="$mt" -v e="$me" 'BEGIN { printf "ratios (1 worker): arc/threads %.2fx, arc/epoll %.2fx\n", a / t, a / e }'
echo
echo "Timer accuracy (arc_sleep vs CLOCK_MONOTONIC; target: never early, median late < 200 us):"
"$B/arc_timer" | sed 's/^/  /'
echo
if ! "$B/arc_sleepers" "$SLEEPERS" > "$B/sleepers.out" 2> "$B/sleepers.err"; then
    echo "$SLEEPERS sleepers: failed ($(head -c 200 "$B/sleepers.err")); 30000 instead:"
    "$B/arc_sleepers" 30000 > "$B/sleepers.out"
fi
echo "Sleepers: each task sleeps a random 0-100 ms (target: last spawn to last wake < 110 ms):"
sed 's/^/  /' "$B/sleepers.out"
"$ARC" build -o "$B/arc_sleepers_arc" $S/arc_sleepers.arc
echo "The same with Arc tasks (arc_sleepers.arc: segmented stacks, $SLEEPERS tasks):"
"$B/arc_sleepers_arc" "$SLEEPERS" | sed 's/^/  /'
