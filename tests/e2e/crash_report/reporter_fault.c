/* A fault inside the reporter.  main switches to a stack of its own (as a
 * coroutine library does) whose outermost frame links to a frame pointer
 * in unmapped memory, then crashes.  The reporter bounds main's frame walk
 * by [sp, argv), which here spans the gap between .bss and the process
 * stack, so following the chain reads unmapped memory: a second SIGSEGV,
 * inside the report.  The report so far is written, then a note, and the
 * process dies by the first signal (exactly one report).
 * (status: 136 shows it is the first signal, SIGFPE, that kills.) */
// expect: before the crash
// status: 136
// report: arc: fatal signal SIGFPE (FPE_INTDIV) at address 0x4*
// report: pc  0x* divide+0x*
// report: #1 0x* on_own_stack+0x*
// report: arc: the crash reporter faulted at address 0x10000008: report cut short
#include "common.h"

volatile long numerator = 7, denominator;

NOINLINE static long divide(void)
{
    step();
    long q = numerator / denominator;
    step();
    return q;
}

NOINLINE long on_own_stack(void)
{
    step();
    return divide() + 1;    /* not a tail call: its frame stays */
}

static char own_stack[16384] __attribute__((aligned(16)));

int main(void)
{
    put("before the crash\n");
    /* rsp: the top of own_stack; rbp: 0x10000000, unmapped, 8-aligned,
     * above own_stack and below the process stack */
    __asm__ volatile("mov %0, %%rsp\n\t"
                     "mov $0x10000000, %%rbp\n\t"
                     "call on_own_stack\n\t"
                     "ud2"
                     :
                     : "r"(own_stack + sizeof own_stack)
                     : "memory");
    return 0;
}
