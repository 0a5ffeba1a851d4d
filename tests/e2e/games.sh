#!/bin/sh
# The Benchmarks Game programs of `make bench` (tests/bench/arc/*.arc),
# at small sizes, natively and under qemu-x86_64: each prints exactly what
# its C twin (tests/bench/c/, built here by gcc -O2 against glibc and libm)
# prints.  spectralnorm_tasks (a task per band of rows) runs on 1 and 2
# workers against the C spectralnorm.
. tests/e2e/lib.sh

for g in nbody:1000 spectralnorm:100 mandelbrot:200 fannkuch:7 binarytrees:10 fasta:1000 spectralnorm_tasks:100; do
    p=${g%:*}
    a=${g#*:}
    c=${p%_tasks}
    if ! gcc -std=c11 -O2 -Wall -Wextra -Werror -o "$T/$c.c" "tests/bench/c/$c.c" -lm ||
        ! "$ARC" build "tests/bench/arc/$p.arc" -o "$T/$p" 2> "$T/$p.err"; then
        not_ok "$p builds (Arc and C)"
        sed 's/^/# /' "$T/$p.err" | head -10
        continue
    fi
    "$T/$c.c" "$a" > "$T/$p.want"
    for w in 1 2; do
        for runner in "" "$QEMU"; do
            ARC_WORKERS=$w timeout 120 $runner "$T/$p" "$a" > "$T/$p.got" 2>&1
            check "$p $a, ARC_WORKERS=$w (${runner:-native}): the C program's output ($(wc -c < "$T/$p.want") B)" \
                cmp -s "$T/$p.want" "$T/$p.got"
        done
    done
done
echo "1..$n"
