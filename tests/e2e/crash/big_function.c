/* A fault 70,000 bytes into a function: more than the function table's
 * u16 address step (linker/functab.h), so the table carries a
 * continuation entry, and the report must still name the function and
 * the offset from its start (0x11170 and up: the gap, then the code
 * before it), not from the continuation. */
// expect: before the crash
// status: 139
// report: arc: fatal signal SIGSEGV (SEGV_MAPERR) at address 0x0
// report: pc  0x* far_store+0x111*
// main-report: task 1 (main) on worker 0
// report: #1 0x* crash_entry+0x*
// task-report: task 2 on worker *
#include "common.h"

int *volatile null_ptr;

NOINLINE static void far_store(int v)
{
    step();
    __asm__ volatile(".skip 70000, 0x90");      /* 70,000 nops */
    *null_ptr = v;
}

NOINLINE long crash_entry(void *arg)
{
    far_store(7);
    return (long)arg + 1;
}

int main(int argc, char **argv) { return run_crash(argc, argv, crash_entry); }
