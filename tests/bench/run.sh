#!/bin/sh
# tests/bench/run.sh: `make bench`.  Builds the benchmark programs twice,
# freestanding C on the arc runtime (arc_*.c) and ordinary C linked
# statically with musl (musl_*.c), runs them in turns for $ROUNDS rounds,
# and prints one table of medians, arc beside musl, with the ratio and the
# target from /work/shared/DESIGN.md ("Performance targets").
#
# A second table, the IR and code generator: compile speed of `arc build`
# on a generated program (cg_gen.awk: 200 functions of ~500 IR
# instructions) against gcc -O0/-O2 on its C twin, and the run time of
# code arc generates (cg_kern.ir, with the IR optimiser: arc build -O)
# against the same programs in C (cg_kern.c) built by gcc -O0 and -O2;
# all three are freestanding on the arc runtime with the same gcc -O2
# driver (cg_main.c).
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
CC_ROUNDS=${CC_ROUNDS:-3}   # gcc on the big C file takes seconds a run
CG_FUNCS=${CG_FUNCS:-200}
CG_INSTS=${CG_INSTS:-500}
STARTUP_RUNS=${STARTUP_RUNS:-1000}
B=$BUILD/bench
S=tests/bench
FREESTANDING="-std=c11 -O2 -ffreestanding -nostdlib -fno-pic -fno-stack-protector -fno-asynchronous-unwind-tables -fno-builtin -Wall -Wextra -Werror"
MUSL="musl-gcc -static -O2 -std=c11 -Wall -Wextra -Werror"

die() { echo "bench: $*" >&2; exit 1; }
for tool in gcc musl-gcc as ld strip awk timeout date; do
    command -v "$tool" > /dev/null || die "needs $tool"
done
[ -x "$ARC" ] || die "no $ARC: run make first"
mkdir -p "$B"

# --- build -------------------------------------------------------------
"$ARC" header -o "$B/arc_rt.h"
arc_prog() {   # arc_prog NAME SRC [LINK-FLAGS]
    gcc $FREESTANDING -I"$B" -Itests/e2e/c -I$S -c "$2" -o "$B/$1.o"
    "$ARC" link ${3:-} -o "$B/$1" "$B/$1.o"
}
musl_prog() {  # musl_prog NAME SRC (pthreads are in musl's libc)
    $MUSL -I$S -o "$B/$1" "$2"
}
for p in spawn yield fib true; do
    arc_prog "arc_$p" "$S/arc_$p.c"
done
# hello stripped by arc link -s (no section headers); also without the
# crash reporter every program has by default
arc_prog hello tests/e2e/c/hello.c -s
arc_prog hello_nocr tests/e2e/c/hello.c "-s --no-crash-report"
arc_prog arc_true_nocr "$S/arc_true.c" --no-crash-report
for p in spawn yield fib true hello_write hello_printf; do
    musl_prog "musl_$p" "$S/musl_$p.c"
done
musl_prog startup "$S/startup.c"
# stdio: the C layer (stdlib_arc/libc.arc) as an object, as tests/e2e/libc.sh
# gets it, against musl's stdio.
gcc $FREESTANDING -DARC_FREESTANDING -Itests/libc -c $S/stdio.c -o "$B/arc_stdio.o"
"$ARC" link -o "$B/arc_stdio" "$B/arc_stdio.o" -l c
$MUSL -Itests/libc -o "$B/musl_stdio" $S/stdio.c
head -c 33554432 /dev/urandom > "$B/copy_src"
as -o "$B/bare.o" "$S/bare.s"
ld -z noseparate-code -o "$B/bare" "$B/bare.o"   # no padding to a page
for p in hello hello_nocr; do
    cp "$B/$p" "$B/$p.stripped"
done
for p in arc_spawn musl_hello_write musl_hello_printf musl_spawn bare; do
    strip -o "$B/$p.stripped" "$B/$p"
done

# The code generator's programs: the IR kernels by arc build -O (the IR
# optimiser, as on Arc sources: fib's second call becomes a loop), their
# C twin by gcc -O0 and -O2, each with the same driver object.
gcc $FREESTANDING -I"$B" -Itests/e2e/c -I$S -c $S/cg_main.c -o "$B/cg_main.o"
"$ARC" build -O $S/cg_kern.ir "$B/cg_main.o" -o "$B/cg_arc"
for o in 0 2; do
    gcc $FREESTANDING -O$o -c $S/cg_kern.c -o "$B/cg_kern_O$o.o"
    "$ARC" link -o "$B/cg_O$o" "$B/cg_main.o" "$B/cg_kern_O$o.o"
done
# The big program for compile speed (built while timed, below).
awk -v funcs="$CG_FUNCS" -v insts="$CG_INSTS" -v ir="$B/big.ir" -v c="$B/big.c" -f $S/cg_gen.awk > /dev/null
LOCALS="20000 40000 80000"
for k in $LOCALS; do
    awk -v n="$k" -v status="$B/locals_$k.status" -f $S/locals_gen.awk > "$B/locals_$k.arc"
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
    sample cg_arc_ "$B/cg_arc"
    sample cg_O0_ "$B/cg_O0"
    sample cg_O2_ "$B/cg_O2"
    r=$((r + 1))
done
# timed KEY CMD...: CMD's wall time in ms (date +%s%N around it) as a
# sample; it must succeed within a minute.
timed() {
    _key=$1
    shift
    _t0=$(date +%s%N)
    timeout 60 "$@" || die "$* failed (exit $?)"
    _t1=$(date +%s%N)
    echo "$_key $(((_t1 - _t0) / 1000))" | awk '{ print $1, $2 / 1000 }' >> "$samples"
}
echo "bench: stdio: $ROUNDS runs of 1M printf lines to a file and a 32 MiB fread/fwrite copy ..." >&2
r=0
while [ $r -lt "$ROUNDS" ]; do
    for p in arc musl; do
        timed ${p}_stdout_ms sh -c "'$B/${p}_stdio' out > '$B/out.txt'"
        timed ${p}_copy_ms "$B/${p}_stdio" copy "$B/copy_src" "$B/copy_dst"
        cmp -s "$B/copy_src" "$B/copy_dst" || die "WRONG RESULT: $p copy differs"
    done
    [ "$(wc -l < "$B/out.txt")" -eq 1000000 ] || die "WRONG RESULT: stdout lines"
    r=$((r + 1))
done
echo "bench: compile speed: $ROUNDS runs of arc build, $CC_ROUNDS of gcc -O0 and -O2 (seconds each) ..." >&2
r=0
while [ $r -lt "$CC_ROUNDS" ]; do
    timed cc_gcc_O0_ms gcc $FREESTANDING -O0 -c "$B/big.c" -o "$B/big_O0.o"
    timed cc_gcc_O2_ms gcc $FREESTANDING -O2 -c "$B/big.c" -o "$B/big_O2.o"
    r=$((r + 1))
done
r=0
while [ $r -lt "$ROUNDS" ]; do
    timed cc_arc_obj_ms "$ARC" build --emit=obj "$B/big.ir" -o "$B/big_arc.o"
    timed cc_arc_exe_ms "$ARC" build "$B/big.ir" -o "$B/big_arc"
    timed cc_link_ms "$ARC" link -o "$B/big_O2" "$B/big_O2.o"
    r=$((r + 1))
done
# The arc-built and the gcc-built big program compute the same value
# (their exit status).
big_status() { "$1" && echo 0 || echo $?; }
[ "$(big_status "$B/big_arc")" = "$(big_status "$B/big_O2")" ] ||
    die "WRONG RESULT: big.ir built by arc exits $(big_status "$B/big_arc"), its C twin by gcc -O2 $(big_status "$B/big_O2")"
echo "cc_ir_insts $(grep -c "$(printf '^\t')" "$B/big.ir")" >> "$samples"
r=0
while [ $r -lt "$CC_ROUNDS" ]; do
    for k in $LOCALS; do
        timed "cc_locals_${k}_ms" "$ARC" build "$B/locals_$k.arc" -o "$B/locals_$k"
    done
    r=$((r + 1))
done
for k in $LOCALS; do
    [ "$(big_status "$B/locals_$k")" = "$(cat "$B/locals_$k.status")" ] ||
        die "WRONG RESULT: locals_$k exits $(big_status "$B/locals_$k"), expected $(cat "$B/locals_$k.status")"
done
sample "" "$B/startup" "$ROUNDS" "$STARTUP_RUNS" bare="$B/bare" arc="$B/arc_true" \
    arc_nocr="$B/arc_true_nocr" musl="$B/musl_true"
for p in hello hello_nocr arc_spawn musl_hello_write musl_hello_printf musl_spawn bare; do
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
    row("  the same, arc with --no-crash-report", m["startup_arc_nocr_us"] / bare, "", "<1.02", "x")
    row("  (bare program alone)", bare, "", "-", "us")
    row("hello (link -s) / musl write(2) hello", m["size_hello"], m["size_musl_hello_write"], "<4096", "B")
    row("hello (link -s) / musl printf hello", m["size_hello"], m["size_musl_hello_printf"], "<4096", "B")
    row("  hello (link -s --no-crash-report)", m["size_hello_nocr"], "", "<512", "B")
    row("scheduler program (spawn bench), stripped", m["size_arc_spawn"], m["size_musl_spawn"], "<8192", "B")
    row("  (bare program, stripped)", m["size_bare"], "", "-", "B")
    row("stdout: 1M short printf lines to a file", m["arc_stdout_ms"], m["musl_stdout_ms"], "-", "ms")
    row("file copy 32 MiB, fread/fwrite 1000 B a call", m["arc_copy_ms"], m["musl_copy_ms"], "-", "ms")
}' "$B/medians" /dev/null

# The IR and code generator table: arc beside gcc -O0 and gcc -O2.
awk -v rounds="$ROUNDS" -v ccrounds="$CC_ROUNDS" -v gcc="$(gcc -dumpfullversion)" -v funcs="$CG_FUNCS" -v insts="$CG_INSTS" '
FNR == NR { m[$1] = $2; next }
function num(x) {
    if (x == "") return "-"
    if (x >= 1000) return sprintf("%.0f", x)
    if (x >= 100) return sprintf("%.1f", x)
    return sprintf("%.2f", x)
}
function ratio(a, b) {
    if (a == "" || b == "" || b == 0) return "-"
    return sprintf("%.2fx", a / b)
}
# target "<Nx": arc / gcc -O2 below N
function row(label, a, b0, b2, target, unit) {
    status = ""
    if (target ~ /^<.*x$/) status = (a != "" && b2 > 0 && a / b2 < substr(target, 2) + 0) ? "ok" : "MISS"
    printf "%-42s %10s %10s %10s %8s %8s %7s %-6s %s\n", label, num(a), num(b0), num(b2), ratio(a, b0), ratio(a, b2), target, unit, status
}
END {
    printf "\nIR and code generator: arc build vs gcc %s -O0 / -O2 on the same programs\n", gcc
    printf "in C, all freestanding on the arc runtime (arc link) with the same gcc -O2\n"
    printf "timing driver (tests/bench/cg_main.c).  Run times: medians of %d runs; compile\n", rounds
    printf "times: wall time of the command, medians of %d runs (arc) and %d (gcc).\n", rounds, ccrounds
    printf "Lower is better; ratios = arc / gcc.  Target (DESIGN): integer programs\n"
    printf "within 2x of gcc -O2.  Compile speed: a generated program (cg_gen.awk) of\n"
    printf "%d functions x %d IR instructions, %d in all, and its C twin.\n\n", funcs, insts, m["cc_ir_insts"]
    printf "%-42s %10s %10s %10s %8s %8s %7s %-6s %s\n", "measure", "arc", "gcc -O0", "gcc -O2", "arc/O0", "arc/O2", "target", "unit", "target?"
    n = m["cc_ir_insts"]
    row("compile: arc build --emit=obj / gcc -c", m["cc_arc_obj_ms"], m["cc_gcc_O0_ms"], m["cc_gcc_O2_ms"], "-", "ms")
    row("  IR instructions/s, arc build --emit=obj", n / m["cc_arc_obj_ms"] * 1000, "", "", "-", "inst/s")
    link = m["cc_link_ms"]
    row("compile+link: arc build / gcc, arc link", m["cc_arc_exe_ms"], m["cc_gcc_O0_ms"] + link, m["cc_gcc_O2_ms"] + link, "-", "ms")
    row("  IR instructions/s, arc build", n / m["cc_arc_exe_ms"] * 1000, "", "", "-", "inst/s")
    row("compile+link: one function, 20,000 locals", m["cc_locals_20000_ms"], "", "", "-", "ms")
    row("  40,000 locals", m["cc_locals_40000_ms"], "", "", "-", "ms")
    row("  80,000 locals", m["cc_locals_80000_ms"], "", "", "-", "ms")
    row("fib(35), plain recursive calls", m["cg_arc_fib_ms"], m["cg_O0_fib_ms"], m["cg_O2_fib_ms"], "<2x", "ms")
    row("sieve: primes below 20,000,000 (bytes)", m["cg_arc_sieve_ms"], m["cg_O0_sieve_ms"], m["cg_O2_sieve_ms"], "<2x", "ms")
    row("f64: fill 2 x 100,000, 500 dot products", m["cg_arc_dot_ms"], m["cg_O0_dot_ms"], m["cg_O2_dot_ms"], "-", "ms")
}' "$B/medians" /dev/null
echo "(every sample: $samples)"

# --- task stacks (issue 10) --------------------------------------------
# 1,000,000 live parked tasks: the time to start them all and the peak RSS,
# next to Go (1M goroutines parked on a channel, when go is installed) and
# musl pthreads (as many as pthread_create allows); fib(35) in Arc with
# and without the prologue stack checks (ARC_NO_STACK_CHECK=1 builds it
# without: safe only on main's big stack); fork-join fib(32) in Arc; the
# hot-split loop.  Each program run STACK_ROUNDS times; the best run.
STACK_ROUNDS=${STACK_ROUNDS:-3}
"$ARC" build $S/arc_parked.arc -o "$B/arc_parked"
"$ARC" build $S/arc_fib.arc -o "$B/arc_fib_arc"
ARC_NO_STACK_CHECK=1 "$ARC" build $S/arc_fib.arc -o "$B/arc_fib_arc_unchecked"
"$ARC" build $S/arc_hotsplit.arc -o "$B/arc_hotsplit"
$MUSL -I$S -o "$B/musl_parked" $S/musl_parked.c -lpthread
have_go=
if command -v go > /dev/null && GOFLAGS= go build -o "$B/go_parked" $S/go_parked.go 2> /dev/null; then
    have_go=1
fi
stacks=$B/stack_samples
: > "$stacks"
# stack_run KEY ENV... -- PROG: "KEY.key value" lines, plus KEY.rss_kb
stack_run() {
    _k=$1
    shift
    timeout 300 /usr/bin/time -f "rss_kb %M" -o "$B/time.out" env "$@" > "$B/run.out" ||
        die "$_k failed: $(cat "$B/run.out")"
    cat "$B/run.out" "$B/time.out" | sed "s/^/$_k./" >> "$stacks"
}
for _r in $(seq "$STACK_ROUNDS"); do
    for w in 1 2; do
        stack_run "arc$w" ARC_WORKERS=$w "$B/arc_parked"
        [ -z "$have_go" ] || stack_run "go$w" GOMAXPROCS=$w "$B/go_parked"
    done
    stack_run pthread "$B/musl_parked"
    stack_run fib ARC_WORKERS=2 "$B/arc_fib_arc"
    stack_run fibu ARC_WORKERS=2 ARC_FIB_SERIAL=1 "$B/arc_fib_arc_unchecked"
    stack_run hot "$B/arc_hotsplit"
done
awk '
{ if (!($1 in best) || $2 + 0 < best[$1] + 0) best[$1] = $2 }
function row(label, a, go, c, target, unit, ok) {
    printf "%-44s %10s %10s %10s %8s %-3s %s\n", label, a, go, c, target, unit, ok
}
function yes(c) { return c ? "ok" : "MISS" }
END {
    printf "\nTask stacks (issue 10): best of %d runs; the time to start every task\n", rounds
    printf "and the peak RSS of the whole process.\n\n"
    printf "%-44s %10s %10s %10s %8s %-3s %s\n", "measure", "arc", "Go", "pthreads", "target", "", "target?"
    for (w = 1; w <= 2; w++) {
        a = best["arc" w ".parked_start_ms"]; g = best["go" w ".parked_start_ms"]
        row("1M parked tasks: start, " w " worker(s)", a, g == "" ? "-" : g, "-", "<1000", "ms", yes(a < 1000))
        a = best["arc" w ".rss_kb"] / 1024; g = best["go" w ".rss_kb"] / 1024
        row("1M parked tasks: RSS, " w " worker(s)", sprintf("%.0f", a), g ? sprintf("%.0f", g) : "-", "-", "<1024", "MB", yes(a < 1024))
    }
    n = best["pthread.parked_tasks"]
    row(sprintf("pthreads: %d parked (the most it reached)", n), "-", "-", best["pthread.parked_start_ms"], "-", "ms", "")
    row(sprintf("pthreads: RSS at %d threads", n), "-", "-", sprintf("%.0f", best["pthread.rss_kb"] / 1024), "-", "MB", "")
    c = best["fib.fib35_us"]; u = best["fibu.fib35_us"]
    row("fib(35) in Arc, with stack checks", sprintf("%.1f", c / 1000), "-", "-", "-", "ms", "")
    row("fib(35) in Arc, without (ARC_NO_STACK_CHECK)", sprintf("%.1f", u / 1000), "-", "-", "-", "ms", "")
    row("  prologue check cost", sprintf("%+.1f%%", (c / u - 1) * 100), "", "", "<=5%", "", yes(c / u <= 1.05))
    row("fork-join fib(32), a task per call above 20", sprintf("%.1f", best["fib.fib32_tasks_us"] / 1000), "", "", "-", "ms", "")
    h = best["hot.hotsplit_split_us"]; r = best["hot.hotsplit_near_us"]
    row("hot split: 10M calls across a segment boundary", sprintf("%.0f", h / 1000), "-", "-", "-", "ms", "")
    row("  the same 10M calls, no boundary", sprintf("%.0f", r / 1000), "-", "-", "-", "ms", "")
    row("  ratio", sprintf("%.2fx", h / r), "", "", "<=2x", "", yes(h / r <= 2))
}' rounds="$STACK_ROUNDS" "$stacks"

# The poller and timers: ping-pong vs musl threads and an epoll loop,
# timer accuracy, 100k sleepers (tests/bench/wait.sh).
BUILD=$BUILD ARC=$ARC sh $S/wait.sh

# --- Arc source: collections.map against the same table in C ------------
# map_arc.arc (stdlib_arc/collections.arc's map<int64, int64>) and its
# twin map_c.c (gcc -O2, musl): 1,000,000 inserts, then 1,000,000 lookups.
"$ARC" build $S/map_arc.arc -o "$B/map_arc"
$MUSL -o "$B/map_c" $S/map_c.c
for p in map_arc map_c; do
    : > "$B/$p.ms"
    r=0
    while [ $r -lt 5 ]; do
        s=$(date +%s%N)
        [ "$("$B/$p")" = "hits 500000" ] || die "$p: wrong result"
        e=$(date +%s%N)
        echo $(((e - s) / 1000000)) >> "$B/$p.ms"
        r=$((r + 1))
    done
done
ma=$(sort -n "$B/map_arc.ms" | sed -n 3p)
mc=$(sort -n "$B/map_c.ms" | sed -n 3p)
echo
echo "map<int64, int64>, 1,000,000 inserts + 1,000,000 lookups (median of 5 runs)"
printf "%-42s %10s %10s %8s\n" "measure" "arc" "C -O2" "arc/C"
printf "%-42s %10s %10s %8s\n" "collections.map vs the same table in C (ms)" "$ma" "$mc" \
    "$(awk -v a="$ma" -v c="$mc" 'BEGIN { printf "%.2fx", c ? a / c : 0 }')"

# --- HTTP hello under wrk: arc's http beside a C epoll loop and Go ------
if command -v wrk > /dev/null; then
    BUILD=$BUILD ARC=$ARC sh $S/http.sh
else
    echo
    echo "HTTP hello: not measured (no wrk: apt-get install wrk)"
fi

# --- the Benchmarks Game programs, Arc beside C (tests/bench/games.sh) -----
BUILD=$BUILD ARC=$ARC sh $S/games.sh

# --- math.h: sin exp log pow, C layer beside musl (tests/bench/math.sh) ---
BUILD=$BUILD ARC=$ARC sh $S/math.sh
