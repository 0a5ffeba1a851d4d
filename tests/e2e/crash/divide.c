/* Integer division by zero (volatile operands, so the compiler keeps the
 * idiv): SIGFPE, integer divide by zero. */
// expect: before the crash
// status: 136
// report: arc: fatal signal SIGFPE (FPE_INTDIV) at address 0x4*
// report: pc  0x* divide+0x*
// main-report: task 1 (main) on worker 0
// report: #1 0x* crash_entry+0x*
// task-report: task 2 on worker *
#include "common.h"

volatile long numerator = 7, denominator;

NOINLINE static long divide(void)
{
    step();
    long q = numerator / denominator;
    step(); /* keeps the frame up across the idiv (no early epilogue) */
    return q;
}

NOINLINE long crash_entry(void *arg)
{
    return divide() + (long)arg;
}

int main(int argc, char **argv) { return run_crash(argc, argv, crash_entry); }
