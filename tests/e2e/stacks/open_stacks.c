/* open_stacks.c: 17,001 C tasks alive at once on 64 KiB stacks, past the
 * guard budget; the last recurses 100 frames of 576 bytes, within its
 * stack (open_stacks.h; 105 overflow it). */
// env: ARC_STACK_SIZE=65536
// workers: 1 2
// expect: tasks=17001
// expect: sum=144491500
// expect: victim=101
#define VICTIM_DEPTH 100
#include "open_stacks.h"
