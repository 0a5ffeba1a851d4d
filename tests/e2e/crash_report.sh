#!/bin/sh
# The crash reporter is in every program by default, including programs
# that never spawn a task: the Arc programs of tests/e2e/crash_report/
# (arc build), its C programs, and the C programs of tests/e2e/crash/
# compiled with -DMAIN_ONLY (then they never refer to the scheduler), all
# linked by arc link, run natively and under qemu-x86_64.  Each source
# holds what must happen (crash_check, tests/e2e/lib.sh: stdout, death by
# the signal, exactly one report with lines matching its globs):
#   // expect:  // status:  // report:  // main-report:
#   // workers: ARC_WORKERS for the runs;  // runs: native runs (default 1)
# Built with --no-crash-report, the same program carries no reporter code
# and dies by the same signal with nothing on stderr.  Last, the size
# line: what the reporter costs a stripped hello.
. tests/e2e/lib.sh

ulimit -c 0 2>/dev/null

"$ARC" header -o "$T/arc_rt.h" || { not_ok "arc header"; exit 1; }
cp tests/e2e/crash/common.h "$T/"
waitsig_build || { not_ok "waitsig builds"; exit 1; }

# build SRC OUT [--no-crash-report]: arc build, or gcc + arc link.
build() {
    case $1 in
        *.arc) "$ARC" build $3 "$1" -o "$2" ;;
        *.c) gcc $FREESTANDING -fno-omit-frame-pointer -DMAIN_ONLY -I"$T" -c "$1" -o "$2.o" &&
             "$ARC" link $3 -o "$2" "$2.o" ;;
    esac
}

for src in tests/e2e/crash_report/*.arc tests/e2e/crash_report/*.c tests/e2e/crash/*.c; do
    name=$(basename "$src")
    p=$T/$name
    if ! build "$src" "$p" || ! build "$src" "$p.silent" --no-crash-report; then
        not_ok "$name builds"
        continue
    fi
    w=$(directive workers "$src")
    runs=$(directive runs "$src")
    for i in $(seq "${runs:-1}"); do
        crash_check "$name: report (native, run $i)" main "$p" "$src" "" ${w:+ARC_WORKERS=$w}
    done
    crash_check "$name: report (qemu-x86_64)" main "$p" "$src" "$QEMU" ${w:+ARC_WORKERS=$w}
    check "$name --no-crash-report: no reporter code" \
        sh -c "! nm '$p.silent' | grep -q -e arc_rt_crash -e arc_rt_signal_init -e arc_rt_sched_context"
    crash_check "$name --no-crash-report: silent (native)" silent "$p.silent" "$src" "" ${w:+ARC_WORKERS=$w}
    crash_check "$name --no-crash-report: silent (qemu-x86_64)" silent "$p.silent" "$src" "$QEMU" ${w:+ARC_WORKERS=$w}
done

# ld.lld keeps the reporter's hook for the -u as GNU ld does.
if ARC_LD=ld.lld "$ARC" link -o "$T/null_write.lld" "$T/null_write.c.o"; then
    crash_check "null_write.c linked by ld.lld: report (native)" main "$T/null_write.lld" \
        tests/e2e/crash/null_write.c ""
else
    not_ok "null_write.c links with ld.lld"
fi

# What the reporter costs: stripped hellos (arc link -s; strip for Arc).
# Targets: the C hello with the reporter under 4 KiB and at least 3x
# smaller than musl's static write(2) hello (13,376 B, DESIGN.md); without
# it (--no-crash-report) under 512 B.  Checked tighter (3 KiB, 4x): it is
# 2,640 B.  The Arc printf hello is checked below.
MUSL_HELLO=13376
gcc $FREESTANDING -I"$T" -c tests/e2e/c/hello.c -o "$T/hello.o" &&
    "$ARC" link -s -o "$T/hello" "$T/hello.o" &&
    "$ARC" link -s --no-crash-report -o "$T/hello.silent" "$T/hello.o" &&
    cat > "$T/printf.arc" <<'SRC' &&
namespace main

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    printf("hello %d\n", 42)
    return 0
}
SRC
    "$ARC" build "$T/printf.arc" -o "$T/printf" &&
    "$ARC" build --no-crash-report "$T/printf.arc" -o "$T/printf.silent" &&
    "$ARC" build -s "$T/printf.arc" -o "$T/printf.s" &&
    "$ARC" build -s --no-crash-report "$T/printf.arc" -o "$T/printf.silent.s" ||
    not_ok "size hellos build"
# a literal format with plain conversions links none of the general
# formatting (gen/front/lower.c, printf_pieces)
nm "$T/printf" | grep -q -e '_format$' -e '_fmt_int$'
check "Arc printf hello links no _format or _fmt_int" test $? -ne 0
# its result goes unused: the pieces end in _funlock, not _pf_end
nm "$T/printf" | grep -q -e '_pf_end$'
check "Arc printf hello (result unused) links no _pf_end" test $? -ne 0
# main reaches only nosplit code and the exit hook fits its room
# (gen/x64/depth.c): no stack check, so none of the segment machinery
nm "$T/printf" | grep -q -e 'arc_rt_morestack$' -e 'arc_rt_seg_get$'
check "Arc printf hello has no stack check: links no arc_rt_morestack or arc_rt_seg_get" test $? -ne 0
strip "$T/printf" "$T/printf.silent"
c=$(wc -c < "$T/hello")
s=$(wc -c < "$T/hello.silent")
p=$(wc -c < "$T/printf")
ps=$(wc -c < "$T/printf.silent")
pk=$(wc -c < "$T/printf.s")
pks=$(wc -c < "$T/printf.silent.s")
echo "# stripped sizes: C hello $c B with crash reports, $s B with --no-crash-report;" \
     "Arc printf hello $p B with crash reports (target 4096), $ps B without (target 2048)" \
     "(GNU strip; arc build -s: $pk B and $pks B); musl write hello $MUSL_HELLO B"
# Issue 13's target: the Arc printf hello (arc build -s) without the
# reporter under 2 KiB.  It was 6,768 B before gen/x64/depth.c, jump
# relaxation, cond_br and fuse_disp; about 2.6 KB after; 2,008 B once only
# hot functions were padded, fields updated and tested in place (addr.c,
# fuse_rmw, and_branch), returns shared an epilogue, symbol addresses
# took mov $sym, r32 and syscalls' arguments a parallel copy.
check "size: Arc printf hello, arc build -s --no-crash-report: $pks B < 2048" test "$pks" -lt 2048
# With the reporter the target is 4 KiB: 5,736 B before the reporter
# printed from formats and its tables lost their prefixes and offsets
# (gen/rt/signal.c, linker/functab.h); 4,264 B after; 4,080 B once stdout
# headed _files from the start, the dump lost rip and rsp, an unused
# printf result stopped being counted (gen/front/lower.c), the C layer's
# helpers were packed (gen/x64/emit.c) and the reporter's set-up fell
# through its entry points (rt_entry).
check "size: Arc printf hello, arc build -s (crash reports): $pk B < 4096" test "$pk" -lt 4096
check "size: C hello with crash reports $c B < 3072, 4x $c <= $MUSL_HELLO; without $s B < 512; Arc printf hello $p B" \
    test "$c" -lt 3072 -a $((4 * c)) -le "$MUSL_HELLO" -a "$s" -lt 512
for runner in "" "$QEMU"; do
    for prog in printf printf.silent; do
        $runner "$T/$prog" > "$T/printf.out"
        check "Arc $prog hello (${runner:-native}) prints 'hello 42'" sh -c "printf 'hello 42\n' | cmp -s - '$T/printf.out'"
    done
done
