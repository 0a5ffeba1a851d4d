/* A store into a string literal (.rodata, in the R+X segment):
 * SIGSEGV, SEGV_ACCERR (invalid permissions). */
// expect: before the crash
// status: 139
// report: arc: fatal signal SIGSEGV (SEGV_ACCERR) at address 0x4*
// report: pc  0x* write_literal+0x*
// main-report: task 1 (main) on worker 0
// report: #1 0x* crash_entry+0x*
// task-report: task 2 on worker *
#include "common.h"

static const char literal[] = "read-only";
const char *volatile target = literal;

NOINLINE static void write_literal(char c)
{
    step();
    *(char *)target = c;
}

NOINLINE long crash_entry(void *arg)
{
    write_literal('x');
    return (long)arg + 1;
}

int main(int argc, char **argv) { return run_crash(argc, argv, crash_entry); }
