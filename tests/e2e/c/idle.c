/* An idle program uses no CPU: with two workers started, main blocks in
 * nanosleep for 300 ms while the only other task is parked for good; the
 * other worker must sleep on its futex rather than spin.  The process's
 * CPU time (CLOCK_PROCESS_CPUTIME_ID) over the whole run stays far below
 * the wall time.  Then arc_exit ends the process with that task still
 * parked. */
// workers: 2
// expect: workers=2
// expect: idle cpu ok
// status: 7
#include "arc_rt.h"
#include "rt_print.h"

struct ts {
    long sec, nsec;
};

static void *volatile self;

/* Awaits its own handle: parks and never finishes. */
static long forever(void *arg)
{
    (void)arg;
    while (!self)
        arc_yield();
    return arc_await(self);
}

static long nothing(void *arg)
{
    return (long)arg;
}

int main(void)
{
    put_kv("workers", arc_worker_count());
    arc_await(arc_spawn(nothing, 0));   /* the workers are running now */
    self = arc_spawn(forever, 0);
    struct ts d = {0, 300 * 1000 * 1000}, cpu;
    arc_nanosleep(&d, 0);
    arc_clock_gettime(2 /* CLOCK_PROCESS_CPUTIME_ID */, &cpu);
    long ms = cpu.sec * 1000 + cpu.nsec / 1000000;
    put(ms < 100 ? "idle cpu ok\n" : "idle cpu too high\n");
    arc_exit(7);
}
