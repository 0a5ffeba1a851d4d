#!/bin/sh
# Scheduler stress: tests/e2e/stress/*.c under many seeded steal orders
# (ARC_STEAL_SEED) on 2 workers, natively and under qemu-x86_64, each run
# under a timeout so a deadlock fails instead of hanging.
# STRESS_RUNS sets the native run count (default 20; qemu runs a quarter).
. tests/e2e/lib.sh
runs=${STRESS_RUNS:-20}
"$ARC" header -o "$T/arc_rt.h" || { not_ok "arc header"; exit 1; }
for src in tests/e2e/stress/*.c; do
    name=$(basename "$src" .c)
    if ! gcc $FREESTANDING -I"$T" -c "$src" -o "$T/$name.o" || ! "$ARC" link -o "$T/$name" "$T/$name.o"; then
        not_ok "$name builds"
        continue
    fi
    for mode in native qemu; do
        count=$runs runner="timeout 60"
        [ $mode = qemu ] && count=$(( (runs + 3) / 4 )) runner="timeout 120 $QEMU"
        bad=0 seed=1
        while [ $seed -le $count ]; do
            RUN_ENV="ARC_WORKERS=2 ARC_STEAL_SEED=$seed" run_expect "$name seed $seed ($mode)" "$runner" "$T/$name" "$src" > "$T/one"
            grep -q '^not ok' "$T/one" && { bad=$((bad + 1)); sed 's/^/# /' "$T/one"; }
            seed=$((seed + 1))
        done
        if [ $bad -eq 0 ]; then ok "$name: $count seeded runs on 2 workers ($mode)"; else not_ok "$name: $bad of $count seeded runs failed ($mode)"; fi
    done
done
