/* A regression test for a lost poller wake-up (gen/rt/poll.c, "No stale
 * timeout"): ROUNDS times, main spawns a task that sleeps 20 to 26 us and
 * awaits it, so in every round one worker parks the only timer while the
 * others go idle and one of them takes the poller role.  The poller used
 * to read the (empty) timer heap for its timeout before announcing that it
 * blocks; a sleeper parked in between did not kick it, and the process
 * hung in epoll_wait with no timeout (under qemu-x86_64 on 4 workers of a
 * 2-core machine: 16 runs in 100, before the fix).  A hang fails through the timeout.  No
 * timing is asserted beyond "never early". */
// workers: 2 4
// timeout: 60
// expect: rounds=10000 sum=229994000 early=0
#include "arc_rt.h"
#include "rt_print.h"

#ifndef ROUNDS
#define ROUNDS 10000
#endif
enum { US = 1000 };

static long early;

static long napper(void *arg)
{
    long ns = (long)arg, t0 = arc_now_ns();
    arc_sleep(ns);
    if (arc_now_ns() - t0 < ns)
        early++;        /* awaited before main reads it: no race */
    return ns;
}

int main(void)
{
    long sum = 0;
    for (long i = 0; i < ROUNDS; i++)
        sum += arc_await(arc_spawn(napper, (void *)(20 * US + i % 7 * US)));
    put("rounds=");
    put_long(ROUNDS);
    put(" sum=");
    put_long(sum);
    put(" early=");
    put_long(early);
    put("\n");
    return 0;
}
