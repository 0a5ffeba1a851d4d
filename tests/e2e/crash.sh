#!/bin/sh
# The crash reporter: freestanding C programs (tests/e2e/crash/*.c) that
# crash in a noinline function, run natively and under qemu-x86_64, in
# main (task 1) and, with the argument "task", in a spawned task (task 2)
# on 1 and 2 workers.  Each source holds what its report must contain
# (checked by crash_check, tests/e2e/lib.sh):
#   // expect:       stdout lines (as in tests/e2e/c)
#   // status:       the shell's status: 128 + the signal it dies by
#   // report:       a glob that some line of stderr matches, every run
#   // main-report:  ... only when it crashes in main
#   // task-report:  ... only when it crashes in a spawned task
# The binaries are stripped (but for one native run): the report must be
# symbolised from .arc_functab alone.
. tests/e2e/lib.sh

ulimit -c 0 2>/dev/null

"$ARC" header -o "$T/arc_rt.h" || { not_ok "arc header"; exit 1; }
cp tests/e2e/crash/common.h "$T/"
waitsig_build || { not_ok "waitsig builds"; exit 1; }

# Frame pointers for the backtrace (see crash/common.h on leaves).
FRAMES="-fno-omit-frame-pointer"

for src in tests/e2e/crash/*.c; do
    name=$(basename "$src" .c)
    p=$T/$name
    if ! gcc $FREESTANDING $FRAMES -I"$T" -c "$src" -o "$p.o" ||
       ! "$ARC" link -o "$p" "$p.o" || ! strip -o "$p.s" "$p"; then
        not_ok "$name builds"
        continue
    fi
    check "$name: stripped, no .symtab" sh -c "! readelf -SW '$p.s' | grep -q '\.symtab'"
    crash_check "$name in main (native)" main "$p" "$src" ""
    crash_check "$name in main (native, stripped)" main "$p.s" "$src" ""
    crash_check "$name in main (qemu-x86_64, stripped)" main "$p.s" "$src" "$QEMU"
    for w in 1 2; do
        crash_check "$name in a task, $w worker(s) (native, stripped)" task "$p.s" "$src" "" ARC_WORKERS=$w
        crash_check "$name in a task, $w worker(s) (qemu-x86_64, stripped)" task "$p.s" "$src" "$QEMU" ARC_WORKERS=$w
    done
done

# ld.lld too takes the second pass's -u for the reporter's scheduler part
# and puts its late functions (.arc_late_text) after every other: a fault
# in a task still names the task, and the table's functions did not move.
if ARC_LD=ld.lld "$ARC" link -o "$T/null_write.lld" "$T/null_write.o"; then
    crash_check "null_write linked by ld.lld, in a task, 2 worker(s) (native)" task \
        "$T/null_write.lld" tests/e2e/crash/null_write.c "" ARC_WORKERS=2
    check "null_write linked by ld.lld: arc_rt_sched_context after every listed function" \
        sh -c "nm -n '$T/null_write.lld' | awk '\$2 ~ /^[tT]\$/ { last = \$3 } END { exit !(last == \"arc_rt_sched_context_start\" || last == \"arc_rt_sched_context\") }'"
else
    not_ok "null_write links with ld.lld"
fi

# The table is there only when the reporter is: hello linked with
# --no-crash-report stays tiny.
gcc $FREESTANDING -I"$T" -c tests/e2e/c/hello.c -o "$T/hello.o" &&
    "$ARC" link --no-crash-report -o "$T/hello" "$T/hello.o"
check "hello (--no-crash-report): no .arc_functab" sh -c "! readelf -SW '$T/hello' | grep -q arc_functab"
check "null_write: .arc_functab is kept" sh -c "readelf -SW '$T/null_write.s' | grep -q arc_functab"

# An Arc program: a divide by zero in a task that main awaits (run inline on
# main's stack).  The report names the function, and the backtrace walks
# through arc_await to main; the process dies by SIGFPE.
cat > "$T/divzero.arc" <<'SRC'
namespace main

func divide(a: int32, b: int32) int32 {
    return a / b
}

async func worker(n: int32) int32 {
    return divide(n, n - 3)
}

func main() int32 {
    return await worker(3)
}
SRC
if "$ARC" build "$T/divzero.arc" -o "$T/divzero" 2> "$T/divzero.err"; then
    for mode in native qemu; do
        runner=""
        [ $mode = qemu ] && runner=$QEMU
        # one worker: nobody can steal the task, so it always runs inline
        timeout 60 env ARC_WORKERS=1 $runner "$T/divzero" > /dev/null 2> "$T/divzero.err"
        st=$?
        if [ $st -eq 136 ] && grep -q "^arc: fatal signal SIGFPE (FPE_INTDIV)" "$T/divzero.err" &&
           grep -q "^  #0 0x[0-9a-f]* divide+0x" "$T/divzero.err" && grep -q "^  #[0-9]* 0x[0-9a-f]* worker+0x" "$T/divzero.err" &&
           grep -q "^  #[0-9]* 0x[0-9a-f]* main+0x" "$T/divzero.err"; then
            ok "Arc divide by zero in an awaited task: report through to main, SIGFPE ($mode)"
        else
            not_ok "Arc divide by zero in an awaited task ($mode): status $st"
            sed 's/^/# /' "$T/divzero.err" | head -20
        fi
    done
else
    not_ok "divzero.arc builds"
    sed 's/^/# /' "$T/divzero.err"
fi
