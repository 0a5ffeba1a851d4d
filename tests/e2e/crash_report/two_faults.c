/* A second fault on another worker while a report is being written.
 * Task 1 faults at the bottom of a 1500-deep chain of two functions calling
 * each other (alternating return addresses: every frame is printed, so its
 * report is some 25 KB, written a line at a time).  Task 2, on the other
 * worker, waits until the report has begun to reach stderr (a regular
 * file: its end moves past 0) and faults too, in the middle of it.
 * Exactly one report comes out, whole (the walk reaches crash_task), and
 * the process dies by SIGSEGV.  (Before the reporter claimed the report,
 * the second fault found SIG_DFL in place and killed the process
 * mid-report.) */
// expect: before the crash
// status: 139
// workers: 2
// runs: 5
// report: arc: fatal signal SIGSEGV (SEGV_MAPERR) at address 0x0
// report: pc  0x* write_null+0x*
// report: #1 0x* ping+0x*
// report: #2 0x* pong+0x*
// report: #150* 0x* crash_task+0x*
#include "common.h"

int *volatile null_ptr;
volatile long arrived;

NOINLINE static void write_null(int v)
{
    step();
    *null_ptr = v;
}

NOINLINE long pong(long n);

NOINLINE long ping(long n)
{
    step();
    if (n == 0)
        write_null(1);
    return pong(n - 1) + 1;
}

NOINLINE long pong(long n)
{
    step();
    return ping(n - 1) + 1;
}

NOINLINE long crash_task(void *arg)
{
    __atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
    /* bounded: should one worker run both, the second never comes */
    for (long spins = 0; arrived < 2 && spins < 100000000; spins++)
        __builtin_ia32_pause();
    if (arg == (void *)1)
        return ping(1500) + 1;
    /* until the report starts (bounded too: stderr may not be a file) */
    for (long spins = 0; arc_lseek(2, 0, 2) == 0 && spins < 10000000; spins++)
        __builtin_ia32_pause();
    write_null(2);
    return 0;
}

int main(void)
{
    put("before the crash\n");
    void *a = arc_spawn(crash_task, (void *)1);
    void *b = arc_spawn(crash_task, (void *)2);
    return (int)(arc_await(a) + arc_await(b));
}
