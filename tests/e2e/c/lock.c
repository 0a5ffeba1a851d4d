/* arc_lock/arc_unlock: 8 tasks on the workers each add 1 to a plain
 * (non-atomic) counter 200,000 times inside the lock, with a
 * read-pause-write that a missing lock would tear; the total is exact.
 * On two workers each task first waits (without yielding) until a task is
 * running on the other worker, so the loops really overlap.
 * Contention makes waiters sleep on the futex (word 2) and unlocks wake
 * them; the word ends free (0). */
// workers: 1 2
// expect: total=1600000
// expect: word=0
#include "arc_rt.h"
#include "rt_print.h"

static int word;
static volatile long counter;
static volatile int on_worker[2];

static long adder(void *arg)
{
    (void)arg;
    long w = arc_worker_id();
    on_worker[w & 1] = 1;
    if (arc_worker_count() > 1)
        while (!on_worker[!(w & 1)])
            __asm__ volatile("pause");
    for (int i = 0; i < 200000; i++) {
        arc_lock(&word);
        long v = counter;
        __asm__ volatile("pause");
        counter = v + 1;
        arc_unlock(&word);
    }
    return 0;
}

int main(void)
{
    void *t[8];
    for (int i = 0; i < 8; i++)
        t[i] = arc_spawn(adder, 0);
    for (int i = 0; i < 8; i++)
        arc_await(t[i]);
    put("total=");
    put_long(counter);
    put("\nword=");
    put_long(word);
    put("\n");
    return 0;
}
