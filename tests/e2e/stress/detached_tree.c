/* Scheduler stress: detached tasks (arc_spawn_detached) are freed by
 * whichever worker finishes them.  A tree of detached tasks (each spawns 3
 * children down to depth 8, yields on odd ids, counts itself) runs while
 * main yields until all 9841 have counted themselves; then a second tree
 * reuses the freed control blocks and stacks.  A task freed too early or
 * twice corrupts the count or stops the program (double free), a lost one
 * hangs it (the stress timeout). */
// expect: tree 1: 9841
// expect: tree 2: 9841
#include "arc_rt.h"
#include "../c/rt_print.h"

static long count, next_id;

static long node(void *arg)
{
    long d = (long)arg;
    long id = __atomic_fetch_add(&next_id, 1, __ATOMIC_RELAXED);
    if (d > 0)
        for (int i = 0; i < 3; i++) {
            arc_spawn_detached(node, (void *)(d - 1));
            if (id & 1)
                arc_yield();
        }
    __atomic_fetch_add(&count, 1, __ATOMIC_RELEASE);
    return 0;
}

int main(void)
{
    for (int tree = 1; tree <= 2; tree++) {
        __atomic_store_n(&count, 0, __ATOMIC_RELAXED);
        arc_spawn_detached(node, (void *)8);
        while (__atomic_load_n(&count, __ATOMIC_ACQUIRE) < 9841)
            arc_yield();
        put("tree ");
        put_long(tree);
        put(": ");
        put_long(__atomic_load_n(&count, __ATOMIC_ACQUIRE));
        put("\n");
    }
    return 0;
}
