/* Three tasks take turns in a fixed order through yields only: each waits
 * (yielding) for turn % 3 to be its number.  Exercises the global queue's
 * FIFO order and the direct task-to-task switch of arc_yield, with main
 * parked in await meanwhile. */
// workers: 1 2
// expect: turn=300000
// expect: counts=100000,100000,100000
#include "arc_rt.h"
#include "rt_print.h"

enum { ROUNDS = 100000 };
static volatile long turn;
static long count[3];

static long player(void *arg)
{
    long me = (long)arg;
    for (int i = 0; i < ROUNDS; i++) {
        while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) % 3 != me)
            arc_yield();
        count[me]++;
        __atomic_store_n(&turn, turn + 1, __ATOMIC_RELEASE);
    }
    return me;
}

int main(void)
{
    void *t[3];
    for (long i = 0; i < 3; i++)
        t[i] = arc_spawn(player, (void *)i);
    long sum = 0;
    for (int i = 0; i < 3; i++)
        sum += arc_await(t[i]);
    put_kv("turn", sum == 3 ? turn : -1);
    put("counts=");
    for (int i = 0; i < 3; i++) {
        put_long(count[i]);
        put(i < 2 ? "," : "\n");
    }
    return 0;
}
