#!/bin/sh
# Scheduler stress: tests/e2e/stress/*.c under many seeded steal orders
# (ARC_STEAL_SEED) on 2 workers, natively and under qemu-x86_64, each run
# under a timeout so a deadlock fails instead of hanging.
# STRESS_RUNS sets the native run count on 2 workers (default 20; qemu runs
# a quarter, 4 workers natively half).
. tests/e2e/lib.sh
runs=${STRESS_RUNS:-20}
"$ARC" header -o "$T/arc_rt.h" || { not_ok "arc header"; exit 1; }
for src in tests/e2e/stress/*.c; do
    name=$(basename "$src" .c)
    if ! gcc $FREESTANDING -I"$T" -c "$src" -o "$T/$name.o" || ! "$ARC" link -o "$T/$name" "$T/$name.o"; then
        not_ok "$name builds"
        continue
    fi
    # 2 workers on this 2-CPU machine, and 4 (oversubscribed: more
    # preemption inside the deque protocols)
    for mode in native qemu native4; do
        count=$runs runner="timeout 60" workers=2
        [ $mode = qemu ] && count=$(( (runs + 3) / 4 )) runner="timeout 120 $QEMU"
        [ $mode = native4 ] && count=$(( (runs + 1) / 2 )) workers=4
        bad=0 seed=1
        while [ $seed -le $count ]; do
            RUN_ENV="ARC_WORKERS=$workers ARC_STEAL_SEED=$seed" run_expect "$name seed $seed ($mode)" "$runner" "$T/$name" "$src" > "$T/one"
            grep -q '^not ok' "$T/one" && { bad=$((bad + 1)); sed 's/^/# /' "$T/one"; }
            seed=$((seed + 1))
        done
        if [ $bad -eq 0 ]; then ok "$name: $count seeded runs on $workers workers ($mode)"; else not_ok "$name: $bad of $count seeded runs failed on $workers workers ($mode)"; fi
    done
done
