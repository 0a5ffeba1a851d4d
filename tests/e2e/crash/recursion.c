/* Unbounded recursion: the main task runs off the process stack, a
 * spawned task into its guard page.  Both are reported as stack overflow,
 * the recursion collapsed to one line with a count, and the walk reaches
 * the frame that started it. */
// expect: before the crash
// status: 139
// main-report: arc: fatal signal SIGSEGV (stack overflow) in task 1 at address 0x*
// report: pc  0x* recurse+0x*
// main-report: task 1 (main) on worker 0
// report: #1 0x* recurse+0x*
// report: ... * more frames like the one above
// report: #* 0x* crash_entry+0x*
// task-report: arc: fatal signal SIGSEGV (stack overflow) in task 2 at address 0x*
// task-report: task 2 on worker *
#include "common.h"

volatile long sink, stop = -1;

NOINLINE static long recurse(long n)
{
    volatile char frame[64];
    frame[0] = (char)n;
    if (n == stop)
        return 0;
    return recurse(n + 1) + frame[0];
}

NOINLINE long crash_entry(void *arg)
{
    sink = recurse((long)arg);
    return sink;
}

int main(int argc, char **argv) { return run_crash(argc, argv, crash_entry); }
