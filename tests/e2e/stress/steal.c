/* Scheduler stress: a random tree of tasks (fan-out, yields, nested awaits)
 * whose shape comes from ARC_STEAL_SEED-independent arithmetic, so every
 * run must count exactly the same tasks.  Each task marks its slot in
 * `runs`; at the end every slot must be exactly 1 (no task lost, none run
 * twice).  tests/e2e/stress.sh runs it under many steal seeds with a
 * timeout (no deadlock). */
// expect: tasks=29524 lost=0 twice=0
#include "arc_rt.h"
#include "../c/rt_print.h"

enum { MAXT = 40000 };
static unsigned char runs[MAXT];
static long next_id;

/* A task of depth d spawns 3 children (depth d-1), yields on odd ids,
 * and returns 1 + the sum of its children: a root of depth 9 counts
 * 3^0 + ... + 3^9 = 29524 tasks. */
static long node(void *arg)
{
    long d = (long)arg;
    long id = __atomic_fetch_add(&next_id, 1, __ATOMIC_RELAXED);
    if (id < MAXT)
        __atomic_fetch_add(&runs[id], 1, __ATOMIC_RELAXED);
    if (d == 0)
        return 1;
    void *c[3];
    for (int i = 0; i < 3; i++) {
        c[i] = arc_spawn(node, (void *)(d - 1));
        if (id & 1)
            arc_yield();
    }
    long n = 1;
    for (int i = 2; i >= 0; i--)
        n += arc_await(c[i]);
    return n;
}

int main(void)
{
    long n = arc_await(arc_spawn(node, (void *)9));
    long total = __atomic_load_n(&next_id, __ATOMIC_RELAXED);
    long lost = total != n, twice = 0;
    for (long i = 0; i < total && i < MAXT; i++) {
        lost += runs[i] == 0;
        twice += runs[i] > 1;
    }
    put("tasks=");
    put_long(n);
    put(" lost=");
    put_long(lost);
    put(" twice=");
    put_long(twice);
    put("\n");
    return 0;
}
