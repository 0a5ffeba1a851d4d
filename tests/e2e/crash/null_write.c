/* A store through a NULL pointer: SIGSEGV, SEGV_MAPERR (address not
 * mapped), at 0. */
// expect: before the crash
// status: 139
// report: arc: fatal signal SIGSEGV (SEGV_MAPERR) at address 0x0
// report: pc  0x* write_null+0x*
// main-report: task 1 (main) on worker 0
// report: #1 0x* crash_entry+0x*
// task-report: task 2 on worker *
#include "common.h"

int *volatile null_ptr;

NOINLINE static void write_null(int v)
{
    step();
    *null_ptr = v;
}

NOINLINE long crash_entry(void *arg)
{
    write_null(42);
    return (long)arg + 1;
}

int main(int argc, char **argv) { return run_crash(argc, argv, crash_entry); }
