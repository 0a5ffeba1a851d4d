/* fib(32) on the arc runtime, a task per call above TASK_CUTOFF (both
 * children spawned, then awaited), serial below:
 *   fib_ms         the task version (ARC_WORKERS decides the workers)
 *   fib_serial_ms  the serial function alone, compiled the same way
 * A warm-up fib(26) first (stacks, TCBs, workers), then REPS samples of
 * each.  Results checked. */
#include "arc_bench.h"
#include "fib.h"

enum { TASK_CUTOFF = 20, REPS = 3 };

static long fib_task(void *arg)
{
    long n = (long)arg;
    if (n <= TASK_CUTOFF)
        return fib_serial(n);
    void *a = arc_spawn(fib_task, (void *)(n - 1));
    void *b = arc_spawn(fib_task, (void *)(n - 2));
    return arc_await(a) + arc_await(b);
}

static volatile long fib_n = FIB_N, warm_n = FIB_WARM;

int main(void)
{
    long r = arc_await(arc_spawn(fib_task, (void *)warm_n));
    check(r == FIB_26, "fib(26)", r);
    for (int i = 0; i < REPS; i++) {
        long t0 = now_ns();
        r = arc_await(arc_spawn(fib_task, (void *)fib_n));
        long t = now_ns() - t0;
        check(r == FIB_32, "fib(32) with tasks", r);
        report("fib_ms", t, 1000000);

        t0 = now_ns();
        r = fib_serial(fib_n);
        t = now_ns() - t0;
        check(r == FIB_32, "fib(32) serial", r);
        report("fib_serial_ms", t, 1000000);
    }
    return 0;
}
