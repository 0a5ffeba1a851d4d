/* Task switching on the arc runtime:
 *   yield_ns     two tasks that only call arc_yield, ns per yield (on one
 *                worker each yield hands the CPU to the other task)
 *   pingpong_ns  two tasks take turns through a shared counter, each
 *                yielding until it is its turn, for SAMPLE_NS: ns per
 *                round trip (one turn each).  On one worker a round trip
 *                is two handoffs; on two, each task spins on a worker.
 * The counts are checked. */
#include "arc_bench.h"

enum { YIELDS = 200000 };

static long yielder(void *arg)
{
    (void)arg;
    for (long i = 0; i < YIELDS; i++)
        arc_yield();
    return YIELDS;
}

/* turn: even = task 0 plays, odd = task 1.  Task 0 ends the game on one
 * of its turns once SAMPLE_NS have passed; task 1 counts its turns. */
static volatile long turn, stop, t_start, turns1;

static long player(void *arg)
{
    long me = (long)arg;
    for (;;) {
        while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) % 2 != me)
            arc_yield();
        long t = turn;
        if (stop)
            return me + 1;
        if (me == 0 && t % 2048 == 0 && now_ns() - t_start >= SAMPLE_NS)
            stop = 1;
        if (me == 1)
            turns1++;
        __atomic_store_n(&turn, t + 1, __ATOMIC_RELEASE);
        if (stop)
            return me + 1;
    }
}

static long pair(long (*fn)(void *))
{
    void *a = arc_spawn(fn, (void *)0), *b = arc_spawn(fn, (void *)1);
    return arc_await(a) + arc_await(b);
}

int main(void)
{
    long t0 = now_ns();
    long n = pair(yielder);
    long t = now_ns() - t0;
    check(n == 2 * YIELDS, "yields", n);
    report("yield_ns", t, n);

    t_start = t0 = now_ns();
    n = pair(player);
    t = now_ns() - t0;
    check(n == 3 && turn == 2 * turns1 + 1, "pingpong turns", turn);
    report("pingpong_ns", t, turns1);
    return 0;
}
