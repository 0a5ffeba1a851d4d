#!/bin/sh
# Task stacks (issue 10, gen/rt/stack.c): Arc programs in tests/e2e/stacks/
# built with `arc build` and run natively and under qemu-x86_64, with the
# run_expect directives (// expect:, // status:, // env:, // workers:)
# plus
#   // report:  a glob that some line of stderr must match, every run
#   // ulimit:  the stack rlimit (KiB) to run under
# Then: a program starting 100,000 tasks makes few mmap/munmap/mprotect
# calls (strace, natively), and the segment stress on 1, 2 and 4 workers
# with many steal seeds.
. tests/e2e/lib.sh

ulimit -c 0 2>/dev/null

# report_check NAME SRC: every "// report:" glob matches a line of $T/err.
report_check() {
    directive report "$2" > "$T/globs"
    [ -s "$T/globs" ] || return 0
    _missing=
    while IFS= read -r _glob; do
        _hit=
        while IFS= read -r _line; do
            # shellcheck disable=SC2254
            case $_line in *$_glob*) _hit=1; break ;; esac
        done < "$T/err"
        [ -n "$_hit" ] || _missing="$_missing '$_glob'"
    done < "$T/globs"
    if [ -z "$_missing" ]; then
        ok "$1: report"
    else
        not_ok "$1: report: no line matches$_missing"
        sed 's/^/# stderr: /' "$T/err" | head -12
    fi
}

for src in tests/e2e/stacks/*.arc; do
    name=$(basename "$src" .arc)
    if ! "$ARC" build "$src" -o "$T/$name" 2> "$T/$name.err"; then
        not_ok "$name builds"
        sed 's/^/# /' "$T/$name.err" | head -10
        continue
    fi
    lim=$(directive ulimit "$src")
    for w in $(directive workers "$src"); do
        for mode in native qemu; do
            runner=
            [ $mode = qemu ] && runner=$QEMU
            if [ -n "$lim" ]; then
                (ulimit -s "$lim" && RUN_ENV=ARC_WORKERS=$w run_expect "$name, ARC_WORKERS=$w, ulimit -s $lim ($mode)" "$runner" "$T/$name" "$src")
                n=$((n + 1))
            else
                RUN_ENV=ARC_WORKERS=$w run_expect "$name, ARC_WORKERS=$w ($mode)" "$runner" "$T/$name" "$src"
            fi
            report_check "$name, ARC_WORKERS=$w ($mode)" "$src"
        done
    done
done

# Which functions check (gen/x64/depth.c): in nosplit_chain's listing the
# chain and the task body have no check, the task's entry has one; a
# recursive function (deep_recursion's) keeps its check.
fn_checks() {
    "$ARC" build --emit=asm "$1" | awk '/>:$/ { fn = $2 } /%fs:0x70/ { print fn }'
}
fn_checks tests/e2e/stacks/nosplit_chain.arc > "$T/checks"
check "nosplit_chain: chain_a/b/c and worker have no stack check" \
    sh -c "! grep -q -e '^<chain_' -e '^<worker>' '$T/checks'"
check "nosplit_chain: worker.spawn0 (the task's entry) has one" grep -q '^<worker.spawn0>:' "$T/checks"
fn_checks tests/e2e/stacks/deep_recursion.arc > "$T/checks"
check "deep_recursion: the recursive rec keeps its check" grep -q '^<rec>:' "$T/checks"

# C tasks past the guard budget (issue 11): stacks without guard pages,
# their canaries checked at every switch (tests/e2e/stacks/open_stacks.h).
"$ARC" header -o "$T/arc_rt.h" || not_ok "arc header"
for src in tests/e2e/stacks/*.c; do
    name=$(basename "$src" .c)
    if ! gcc $FREESTANDING -I"$T" -Itests/e2e/c -Itests/e2e/stacks -c "$src" -o "$T/$name.o" ||
        ! "$ARC" link -o "$T/$name" "$T/$name.o"; then
        not_ok "$name builds"
        continue
    fi
    run_both "$name" "$T/$name" "$src" "$(directive workers "$src")"
done

# Each program links the stacks of the tasks it can start (sched.c,
# arc_rt_stack_fns): an Arc program without arc_spawn no C-task stacks,
# a C program no segments.
nm "$T/short_tasks" | grep -q ' arc_rt_stack_get$'
check "short_tasks (Arc tasks only) links no arc_rt_stack_get" test $? -ne 0
nm "$T/open_stacks" | grep -q ' arc_rt_seg_get$'
check "open_stacks (C tasks only) links no arc_rt_seg_get" test $? -ne 0
nm "$T/open_stacks" | grep -q ' arc_rt_stack_get$'
check "open_stacks links arc_rt_stack_get" test $? -eq 0

# No system call per task start: 100,000 tasks, under 1,000 mmap, munmap
# and mprotect calls in all (native: strace does not follow qemu's guest).
if command -v strace > /dev/null; then
    for w in 1 2; do
        ARC_WORKERS=$w strace -f -c -e trace=mmap,munmap,mprotect -o "$T/strace" "$T/short_tasks" > /dev/null 2>&1
        calls=$(awk '$NF == "total" { print $4 }' "$T/strace")
        echo "# 100,000 tasks on $w worker(s): ${calls:-?} mmap/munmap/mprotect calls"
        check "100,000 short tasks, ARC_WORKERS=$w: ${calls:-?} mmap/munmap/mprotect calls (under 1,000)" \
            test "${calls:-99999}" -lt 1000
    done
else
    not_ok "strace is not installed"
fi

# Segments racing between workers: many seeds, 1, 2 and 4 workers.
for w in 1 2 4; do
    bad=0
    for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
        out=$(ARC_WORKERS=$w ARC_STEAL_SEED=$seed timeout 60 "$T/segment_stress" 2>&1)
        [ "$out" = "2000 tasks ok, sum 2001000" ] || { bad=$((bad + 1)); echo "# seed $seed: $out" | head -5; }
    done
    check "segment_stress: 12 seeds on $w worker(s) (native)" test "$bad" -eq 0
done
bad=0
for seed in 1 2 3; do
    out=$(ARC_WORKERS=2 ARC_STEAL_SEED=$seed timeout 120 $QEMU "$T/segment_stress" 2>&1)
    [ "$out" = "2000 tasks ok, sum 2001000" ] || { bad=$((bad + 1)); echo "# seed $seed: $out" | head -5; }
done
check "segment_stress: 3 seeds on 2 workers (qemu-x86_64)" test "$bad" -eq 0
