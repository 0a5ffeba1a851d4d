/* open_stacks.h: the body of open_stacks.c and open_overflow.c (issue 11).
 * More C tasks alive at once than get guard pages (GUARD_BUDGET, sched.c:
 * each guard splits a mapping, and vm.max_map_count allows about 65,530):
 * NPARK tasks park in a yield loop until all have started, then a victim
 * starts last (so its stack is carved past the budget: no guard, a canary
 * in its header) and recurses VICTIM_DEPTH frames of 576 bytes each
 * on its 64 KiB stack (ARC_STACK_SIZE=65536).  Within its stack: every
 * task finishes and the sums are printed.  Past it: the canary is
 * overwritten, and the scheduler reports the stack overflow, naming the
 * victim, when the victim switches out (here: when it returns). */
#include "arc_rt.h"
#include "rt_print.h"

enum { NPARK = 17000 };

static volatile long started, go, vdone;

static long parked(void *arg)
{
    __atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
    while (!go)
        arc_yield();
    return (long)arg;
}

/* 576 bytes a frame (gcc -O2), every byte written (as C code that fills a
 * local array does) */
__attribute__((noinline)) static long deep(long d)
{
    volatile char buf[560];
    for (int i = 0; i < 560; i++)
        buf[i] = (char)d;
    buf[559] = 1;
    if (d == 0)
        return buf[559];
    return deep(d - 1) + buf[559];
}

static long victim(void *arg)
{
    long r = deep((long)arg);
    vdone = 1;
    return r;
}

int main(void)
{
    static void *t[NPARK];
    for (long i = 0; i < NPARK; i++)
        t[i] = arc_spawn(parked, (void *)i);
    while (started < NPARK)
        arc_yield();
    /* not awaited at once: arc_await would run it inline, on main's stack */
    void *v = arc_spawn(victim, (void *)VICTIM_DEPTH);
    while (!vdone)
        arc_yield();
    long vr = arc_await(v);
    go = 1;
    long sum = 0;
    for (long i = 0; i < NPARK; i++)
        sum += arc_await(t[i]);
    put_kv("tasks", NPARK + 1);
    put_kv("sum", sum);
    put_kv("victim", vr);
    return 0;
}
