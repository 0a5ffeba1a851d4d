/* main is task 1, and the process exits with main's result as soon as main
 * returns, even though other tasks are still running (one spins through
 * yields forever, one is parked for good). */
// workers: 1 2
// expect: main=1 spinner>1 started
// status: 5
#include "arc_rt.h"
#include "rt_print.h"

static volatile long spinner_id;

static long spin(void *arg)
{
    (void)arg;
    spinner_id = arc_task_id();
    for (;;)
        arc_yield();
    return 0;
}

static void *volatile self;

static long parked(void *arg)
{
    (void)arg;
    while (!self)
        arc_yield();
    return arc_await(self);
}

int main(void)
{
    arc_spawn(spin, 0);
    self = arc_spawn(parked, 0);
    while (!spinner_id)
        arc_yield();
    put(arc_task_id() == 1 && spinner_id > 1 ? "main=1 spinner>1 started\n" : "wrong ids\n");
    return 5;
}
