#!/bin/sh
# The crash reporter: freestanding C programs (tests/e2e/crash/*.c) that
# crash in a noinline function, run natively and under qemu-x86_64, in
# main (task 1) and, with the argument "task", in a spawned task (task 2)
# on 1 and 2 workers.  Each source holds what its report must contain:
#   // expect:       stdout lines (as in tests/e2e/c)
#   // status:       the shell's status: 128 + the signal
#   // report:       a glob that some line of stderr matches, every run
#   // main-report:  ... only when it crashes in main
#   // task-report:  ... only when it crashes in a spawned task
# The binaries are stripped (but for one native run): the report must be
# symbolised from .arc_functab alone.
. tests/e2e/lib.sh

ulimit -c 0 2>/dev/null

"$ARC" header -o "$T/arc_rt.h" || { not_ok "arc header"; exit 1; }
cp tests/e2e/crash/common.h "$T/"

# report_has FILE GLOB: a line of FILE matches *GLOB*.
report_has() {
    while IFS= read -r _line; do
        # shellcheck disable=SC2254
        case $_line in *$2*) return 0 ;; esac
    done < "$1"
    return 1
}

# crash_run NAME MODE PROG SRC RUNNER [ENV...]: run, check stdout, status
# and the report's lines for MODE (main or task).
crash_run() {
    _name=$1 _mode=$2 _prog=$3 _src=$4 _runner=$5
    shift 5
    _arg=
    [ "$_mode" = task ] && _arg=task
    directive expect "$_src" > "$T/want"
    _want=$(directive status "$_src")
    timeout "${TEST_TIMEOUT:-120}" env "$@" $_runner "$_prog" $_arg > "$T/got" 2> "$T/err"
    _st=$?
    _bad=
    [ "$_st" -eq "$_want" ] || _bad="exit status $_st, expected $_want"
    cmp -s "$T/want" "$T/got" || _bad="$_bad; stdout differs"
    { directive report "$_src"; directive "$_mode-report" "$_src"; } > "$T/globs"
    while IFS= read -r _glob; do
        report_has "$T/err" "$_glob" || _bad="$_bad; no line matches '$_glob'"
    done < "$T/globs"
    if [ -z "$_bad" ]; then
        ok "$_name"
    else
        not_ok "$_name"
        echo "# $_bad"
        sed 's/^/# stderr: /' "$T/err" | head -30
    fi
}

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
    crash_run "$name in main (native)" main "$p" "$src" ""
    crash_run "$name in main (native, stripped)" main "$p.s" "$src" ""
    crash_run "$name in main (qemu-x86_64, stripped)" main "$p.s" "$src" "$QEMU"
    for w in 1 2; do
        crash_run "$name in a task, $w worker(s) (native, stripped)" task "$p.s" "$src" "" ARC_WORKERS=$w
        crash_run "$name in a task, $w worker(s) (qemu-x86_64, stripped)" task "$p.s" "$src" "$QEMU" ARC_WORKERS=$w
    done
done

# The table is there only when the reporter is: hello stays tiny.
gcc $FREESTANDING -I"$T" -c tests/e2e/c/hello.c -o "$T/hello.o" && "$ARC" link -o "$T/hello" "$T/hello.o"
check "hello (no reporter): no .arc_functab" sh -c "! readelf -SW '$T/hello' | grep -q arc_functab"
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
        if [ $st -eq 136 ] && grep -q "^arc: fatal signal SIGFPE (integer divide by zero)" "$T/divzero.err" &&
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
