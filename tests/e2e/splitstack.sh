#!/bin/sh
# C compiled with gcc -fsplit-stack on the runtime (gen/rt/stack.c's
# __morestack): the programs of tests/e2e/splitstack/, C mains linked with
# arc link and Arc programs with C halves ("// cc: file.c"), every C file
# compiled with -fsplit-stack, run natively and under qemu-x86_64 with
# the run_expect directives plus "// ulimit: KiB" (the stack rlimit).  A
# program whose "// status:" is a signal's is a crash test (crash_check):
# in main, and with the argument "task" when it has "// task-report:".
# Then: without -fsplit-stack the growth test dies under its rlimit (so it
# does need the segments), and a program without split-stack code carries
# no __morestack.
. tests/e2e/lib.sh

ulimit -c 0 2>/dev/null
"$ARC" header -o "$T/arc_rt.h" || { not_ok "arc header"; exit 1; }
waitsig_build || { not_ok "waitsig builds"; exit 1; }
SPLIT="$FREESTANDING -fsplit-stack -fno-omit-frame-pointer -I$T -Itests/e2e/c"
D=tests/e2e/splitstack

# build SRC OUT [CFLAGS]: the program, its C compiled with CFLAGS
build() {
    _flags=${3:-$SPLIT}
    case $1 in
        *.c)
            # shellcheck disable=SC2086
            gcc $_flags -c "$1" -o "$2.o" && "$ARC" link -o "$2" "$2.o" ;;
        *.arc)
            _objs=
            for _c in $(directive cc "$1"); do
                # shellcheck disable=SC2086
                gcc $_flags -c "$D/$_c" -o "$T/${_c%.c}.o" || return 1
                _objs="$_objs $T/${_c%.c}.o"
            done
            # shellcheck disable=SC2086
            "$ARC" build "$1" $_objs -o "$2" ;;
    esac
}

for src in $D/*.c $D/*.arc; do
    name=$(basename "$src")
    case $name in *_c.c) continue ;; esac
    p=$T/$name.bin
    if ! build "$src" "$p"; then
        not_ok "$name builds"
        continue
    fi
    st=$(directive status "$src")
    if [ "${st:-0}" -ge 128 ]; then
        for runner in "" "$QEMU"; do
            how=${runner:+qemu-x86_64}
            crash_check "$name: report (${how:-native})" main "$p" "$src" "$runner"
            if [ -n "$(directive task-report "$src")" ]; then
                crash_check "$name task: report (${how:-native})" task "$p" "$src" "$runner"
            fi
        done
        continue
    fi
    lim=$(directive ulimit "$src")
    if [ -n "$lim" ]; then
        (ulimit -s "$lim" && run_both "$name, ulimit -s $lim" "$p" "$src" "$(directive workers "$src")")
    else
        run_both "$name" "$p" "$src" "$(directive workers "$src")"
    fi
done

# The control: grow.c without -fsplit-stack runs out of its 1 MiB rlimit.
g=$T/grow.plain
if build $D/grow.c "$g" "$FREESTANDING -I$T -Itests/e2e/c"; then
    sh -c "ulimit -s 1024; exec '$g'" > /dev/null 2>&1
    check "grow.c without -fsplit-stack dies under ulimit -s 1024 (status $?)" test $? -ne 0
    check "a program without split-stack code has no __morestack" sh -c "! nm '$g' | grep -q __morestack"
else
    not_ok "grow.c builds without -fsplit-stack"
fi
