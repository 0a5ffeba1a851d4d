/* Scheduler stress: spawn back-pressure (gen/rt/sched.c: a spawn that
 * leaves the deque half full yields).  SPAWNERS tasks each spawn KIDS
 * children in a row, awaitable and detached alternately, so every
 * spawner's deque fills and it yields again and again while thieves take
 * from it; every third child spawns a grandchild and awaits it (a spawn
 * and a yield inside a task that may itself be stolen), every fifth
 * yields.  Each task marks its slot in `runs`: at the end every slot must
 * be exactly 1 (no task lost, none run twice), the awaited results must
 * add up, and main must see every detached one finish. */
// env: ARC_STACK_SIZE=65536
// expect: tasks=13340 lost=0 twice=0 sum=6668 detached=6668
#include "arc_rt.h"
#include "../c/rt_print.h"

enum { SPAWNERS = 4, KIDS = 2500, MAXT = SPAWNERS * KIDS * 2 + SPAWNERS };
static unsigned char runs[MAXT];
static long next_id, detached_done;

static long mark(void)
{
    long id = __atomic_fetch_add(&next_id, 1, __ATOMIC_RELAXED);
    if (id < MAXT)
        __atomic_fetch_add(&runs[id], 1, __ATOMIC_RELAXED);
    return id;
}

static long grandchild(void *arg)
{
    (void)arg;
    mark();
    return 1;
}

/* 1 for itself, plus its grandchild's 1 */
static long child(void *arg)
{
    long k = (long)arg, r = 1;
    mark();
    if (k % 3 == 0)
        r += arc_await(arc_spawn(grandchild, 0));
    if (k % 5 == 0)
        arc_yield();
    if (k & 1)
        __atomic_fetch_add(&detached_done, r, __ATOMIC_SEQ_CST);
    return r;
}

static long spawner(void *arg)
{
    (void)arg;
    void *kids[KIDS];
    long sum = 0;
    mark();
    for (long k = 0; k < KIDS; k++) {
        if (k & 1) {
            arc_spawn_detached(child, (void *)k);
            kids[k] = 0;
        } else {
            kids[k] = arc_spawn(child, (void *)k);
        }
    }
    for (long k = 0; k < KIDS; k += 2)
        sum += arc_await(kids[k]);
    return sum;
}

int main(void)
{
    void *s[SPAWNERS];
    long sum = 0;
    for (int i = 0; i < SPAWNERS; i++)
        s[i] = arc_spawn(spawner, 0);
    for (int i = 0; i < SPAWNERS; i++)
        sum += arc_await(s[i]);
    long want = 0;                  /* what the detached children add up to */
    for (long k = 1; k < KIDS; k += 2)
        want += k % 3 == 0 ? 2 : 1;
    while (__atomic_load_n(&detached_done, __ATOMIC_SEQ_CST) < SPAWNERS * want)
        arc_yield();
    long lost = 0, twice = 0, n = next_id;
    for (long i = 0; i < n && i < MAXT; i++) {
        lost += runs[i] == 0;
        twice += runs[i] > 1;
    }
    put("tasks="); put_long(n);
    put(" lost="); put_long(lost);
    put(" twice="); put_long(twice);
    put(" sum="); put_long(sum);
    put(" detached="); put_long(detached_done);
    put("\n");
    return 0;
}
