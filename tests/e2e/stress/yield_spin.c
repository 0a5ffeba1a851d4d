/* Scheduler stress: a yielded task must not wait for its worker while
 * another worker idles.  Each round, main spawns a task that spins (never
 * yielding) until main sets `go`, then main yields: the spinner usually
 * runs next on main's worker, and main must be picked up by the other
 * worker (woken if it sleeps: every 8th round main first sleeps 2 ms so
 * that the others go to sleep in the futex).  A yielded task that only its
 * own worker could resume hangs here (tests/e2e/stress.sh: the timeout
 * fails it).  Needs 2 or more workers. */
// expect: rounds=200
// expect: sum=200
#include "arc_rt.h"
#include "../c/rt_print.h"

enum { ROUNDS = 200 };
static volatile long go;

static long spin(void *arg)
{
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        __asm__ volatile("pause");
    return (long)arg;
}

int main(void)
{
    long sum = 0;
    struct { long sec, nsec; } nap = {0, 2000000};
    for (long r = 0; r < ROUNDS; r++) {
        if (r % 8 == 0)
            arc_nanosleep(&nap, 0);
        __atomic_store_n(&go, 0, __ATOMIC_RELEASE);
        void *t = arc_spawn(spin, (void *)1);
        arc_yield();
        __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
        sum += arc_await(t);
    }
    put_kv("rounds", ROUNDS);
    put_kv("sum", sum);
    return 0;
}
