#!/bin/sh
# tests/bench/run.sh: `make bench`.  Builds the benchmark programs twice,
# freestanding C on the arc runtime (arc_*.c) and ordinary C linked
# statically with musl (musl_*.c), runs them in turns for $ROUNDS rounds,
# and prints one table of medians, arc beside musl, with the ratio and the
# target from /work/shared/DESIGN.md ("Performance targets").
#
# Every program prints "key value" lines and checks its own results (a
# wrong result exits 1, and so does this script).  Not part of `make test`:
# the figures are not pass/fail.
# $FREESTANDING and $MUSL are split into words on purpose:
# shellcheck disable=SC2086
set -eu
BUILD=${BUILD:-build}
ARC=${ARC:-$BUILD/arc}
ROUNDS=${ROUNDS:-11}
STARTUP_RUNS=${STARTUP_RUNS:-1000}
B=$BUILD/bench
S=tests/bench
FREESTANDING="-std=c11 -O2 -ffreestanding -nostdlib -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables -fno-builtin -Wall -Wextra -Werror"
MUSL="musl-gcc -static -O2 -std=c11 -Wall -Wextra -Werror"

die() { echo "bench: $*" >&2; exit 1; }
for tool in gcc musl-gcc as ld strip awk timeout; do
    command -v "$tool" > /dev/null || die "needs $tool"
done
[ -x "$ARC" ] || die "no $ARC: run make first"
mkdir -p "$B"

# --- build -------------------------------------------------------------
"$ARC" header -o "$B/arc_rt.h"
arc_prog() {   # arc_prog NAME SRC
    gcc $FREESTANDING -I"$B" -Itests/e2e/c -I$S -c "$2" -o "$B/$1.o"
    "$ARC" link -o "$B/$1" "$B/$1.o"
}
musl_prog() {  # musl_prog NAME SRC (pthreads are in musl's libc)
    $MUSL -I$S -o "$B/$1" "$2"
}
for p in spawn yield fib true; do
    arc_prog "arc_$p" "$S/arc_$p.c"
done
arc_prog hello tests/e2e/c/hello.c
for p in spawn yield fib true hello_write hello_printf; do
    musl_prog "musl_$p" "$S/musl_$p.c"
done
musl_prog startup "$S/startup.c"
as -o "$B/bare.o" "$S/bare.s"
ld -z noseparate-code -o "$B/bare" "$B/bare.o"   # no padding to a page
for p in hello arc_spawn musl_hello_write musl_hello_printf musl_spawn bare; do
    strip -o "$B/$p.stripped" "$B/$p"
done

# --- run -----------------------------------------------------------------
# sample PREFIX CMD...: run CMD, append its "key value" lines as
# "PREFIXkey value" to the samples; any failure, or a run longer than a
# minute (a hung scheduler), stops the benchmark.
samples=$B/samples
: > "$samples"
sample() {
    _prefix=$1
    shift
    timeout 60 "$@" > "$B/out" || die "$* failed (exit $?)"
    sed "s/^/$_prefix/" "$B/out" >> "$samples"
}
echo "bench: $ROUNDS rounds of every program, then $ROUNDS x $STARTUP_RUNS start-ups of each ..." >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
r=0
while [ $r -lt "$ROUNDS" ]; do
    for w in 1 2; do
        sample arc_w${w}_ env ARC_WORKERS=$w "$B/arc_spawn"
        sample arc_w${w}_ env ARC_WORKERS=$w "$B/arc_yield"
        sample arc_w${w}_ env ARC_WORKERS=$w "$B/arc_fib"
    done
    sample musl_ "$B/musl_spawn"
    sample musl_1cpu_ "$B/musl_yield" 1cpu
    sample musl_2cpu_ "$B/musl_yield" 2cpu
    sample musl_ "$B/musl_fib"
    r=$((r + 1))
done
sample "" "$B/startup" "$ROUNDS" "$STARTUP_RUNS" bare="$B/bare" arc="$B/arc_true" musl="$B/musl_true"
for p in hello arc_spawn musl_hello_write musl_hello_printf musl_spawn bare; do
    echo "size_$p $(wc -c < "$B/$p.stripped")" >> "$samples"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report --------------------------------------------------------------
# Medians per key, then one table.  A row: label, arc key, musl key, the
# target as "<N" (lower is better) or "-", the unit.  "arc/musl" is the
# ratio of the medians (below 1: arc is faster or smaller).
sort -k1,1 -k2,2g "$samples" | awk '
{ n[$1]++; v[$1, n[$1]] = $2 }
END { for (k in n) { c = n[k]
        print k, (c % 2 ? v[k, (c + 1) / 2] : (v[k, c / 2] + v[k, c / 2 + 1]) / 2) } }' > "$B/medians"

awk -v rounds="$ROUNDS" -v runs="$STARTUP_RUNS" -v load="$load_before -> $load_after" '
FNR == NR { m[$1] = $2; next }
function num(x) {
    if (x == "") return "-"
    if (x >= 1000) return sprintf("%.0f", x)
    if (x >= 100) return sprintf("%.1f", x)
    return sprintf("%.2f", x)
}
function ratio(a, b) {
    if (a == "" || b == "" || b == 0) return "-"
    r = a / b
    return r >= 0.1 ? sprintf("%.2fx", r) : r >= 0.001 ? sprintf("%.4fx", r) : sprintf("%.1ex", r)
}
function row(label, a, b, target, unit) {
    status = ""
    if (target ~ /^</) status = (a != "" && a + 0 < substr(target, 2) + 0) ? "ok" : "MISS"
    printf "%-48s %11s %11s %10s %9s %-5s %s\n", label, num(a), num(b), ratio(a, b), target, unit, status
}
END {
    printf "arc vs musl static C: medians of %d runs of each program (fib: 3 samples a run;\n", rounds
    printf "this 2-core machine is shared and noisy); start-up: median of %d blocks, each\n", rounds
    printf "the median of %d runs, the programs interleaved.\n", runs
    printf "Lower is better; ratio = arc / musl.\n"
    printf "Load average (1, 5, 15 min) before -> after: %s\n\n", load
    printf "%-48s %11s %11s %10s %9s %-5s %s\n", "measure", "arc", "musl C", "arc/musl", "target", "unit", "target?"
    row("spawn+await empty task, 1 worker / pthread", m["arc_w1_spawn_await_ns"], m["musl_spawn_await_ns"], "<50", "ns")
    row("spawn+await empty task, 2 workers / pthread", m["arc_w2_spawn_await_ns"], m["musl_spawn_await_ns"], "<50", "ns")
    row("spawn 1000 then await all, 1 worker (musl: 100)", m["arc_w1_spawn_batch_ns"], m["musl_spawn_batch_ns"], "<50", "ns")
    row("spawn 1000 then await all, 2 workers", m["arc_w2_spawn_batch_ns"], m["musl_spawn_batch_ns"], "<50", "ns")
    row("yield between 2 tasks, 1 worker / sched_yield", m["arc_w1_yield_ns"], m["musl_1cpu_yield_ns"], "<15", "ns")
    row("ping-pong round trip, 1 worker / futex 1 CPU", m["arc_w1_pingpong_ns"], m["musl_1cpu_futex_ns"], "<60", "ns")
    row("ping-pong round trip, 2 workers / futex 2 CPUs", m["arc_w2_pingpong_ns"], m["musl_2cpu_futex_ns"], "<60", "ns")
    row("fib(32) task>20, 1 worker / pthread>27", m["arc_w1_fib_ms"], m["musl_fib_ms"], "-", "ms")
    row("fib(32) task>20, 2 workers / pthread>27", m["arc_w2_fib_ms"], m["musl_fib_ms"], "<2.7", "ms")
    sp = m["arc_w2_fib_ms"] > 0 ? m["arc_w1_fib_ms"] / m["arc_w2_fib_ms"] : ""
    row("fib(32) 2-worker speedup (1 worker / 2)", sp, "", "-", "x")
    row("fib(32) serial C, no tasks", m["arc_w1_fib_serial_ms"], m["musl_fib_serial_ms"], "-", "ms")
    pc = m["musl_fib_serial_ms"] > 0 ? m["musl_par2_ms"] / m["musl_fib_serial_ms"] : ""
    row("machine: 2 threads of serial fib(32) / 1 (ideal 1)", "", pc, "-", "x")
    row("start-up to exit (fork+exec+wait)", m["startup_arc_us"], m["startup_musl_us"], "-", "us")
    bare = m["startup_bare_us"]
    row("start-up to exit / bare 9-byte _start program", m["startup_arc_us"] / bare, m["startup_musl_us"] / bare, "<1.02", "x")
    row("  (bare program alone)", bare, "", "-", "us")
    row("hello, stripped / musl write(2) hello", m["size_hello"], m["size_musl_hello_write"], "<512", "B")
    row("hello, stripped / musl printf hello", m["size_hello"], m["size_musl_hello_printf"], "<512", "B")
    row("scheduler program (spawn bench), stripped", m["size_arc_spawn"], m["size_musl_spawn"], "<8192", "B")
    row("  (bare program, stripped)", m["size_bare"], "", "-", "B")
}' "$B/medians" /dev/null
echo "(every sample: $samples)"
