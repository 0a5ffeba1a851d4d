/* ud2 (__builtin_trap): SIGILL.  x86 Linux reports every #UD as
 * ILL_ILLOPN. */
// expect: before the crash
// status: 132
// report: arc: fatal signal SIGILL (ILL_ILLOPN) at address 0x4*
// report: pc  0x* trap_here+0x*
// main-report: task 1 (main) on worker 0
// report: #1 0x* crash_entry+0x*
// task-report: task 2 on worker *
#include "common.h"

NOINLINE static void trap_here(void)
{
    step();
    __builtin_trap();
}

NOINLINE long crash_entry(void *arg)
{
    trap_here();
    return (long)arg + 1;
}

int main(int argc, char **argv) { return run_crash(argc, argv, crash_entry); }
