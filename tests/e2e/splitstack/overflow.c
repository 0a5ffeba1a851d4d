/* Unbounded recursion in C compiled with gcc -fsplit-stack: its prologue
 * checks link segments through __morestack until the stack budget
 * (ARC_STACK_SIZE) is spent, then the report says stack overflow, names
 * the function that asked (#1) and the process dies by SIGSEGV; in main
 * (task 1, on the process stack and then segments) and, with the argument
 * "task", in a C task (task 2, on its fixed stack). */
// expect: before the crash
// status: 139
// report: arc: fatal signal SIGSEGV (stack overflow) in task * at address 0x*
// report: pc  0x* arc_rt_stack_overflow+0x*
// report: #1 0x* runaway+0x*
// main-report: in task 1 at
// task-report: in task 2 at
#include "arc_rt.h"
#include "rt_print.h"

static volatile long never;    /* never set: the recursion has no end */

static long runaway(void *arg)
{
    volatile long frame[40];
    long n = (long)arg;
    if (never)
        return 0;
    frame[n % 40] = n;
    return runaway((void *)(n + 1)) + frame[0];
}

long main(long argc)
{
    put("before the crash\n");
    if (argc > 1)
        return arc_await(arc_spawn(runaway, 0));
    return runaway(0);
}
