/* open_overflow.c: as open_stacks.c, but the victim (110 frames of 576
 * bytes) overruns its 64 KiB stack without a guard page by about 2 KiB:
 * through its header (the canary) into the 4 KiB below it that a guard
 * page would have taken, not yet into the neighbouring stack.  Reported
 * as a stack overflow in the victim (task 17002: main is 1) when it
 * switches out, exit status 2. */
// env: ARC_STACK_SIZE=65536
// workers: 1 2
// status: 2
// stderr: arc: runtime error: stack overflow (a C task's stack without a guard page: its canary was overwritten) in task 17002
#define VICTIM_DEPTH 110
#include "open_stacks.h"
