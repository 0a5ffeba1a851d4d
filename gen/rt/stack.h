/* stack.h: the stack-check protocol between generated code (gen/x64) and
 * the runtime (gen/rt/stack.c, which explains it).  Kept apart from rt.h,
 * whose names the code generator does not share. */
#ifndef ARC_RT_STACK_H
#define ARC_RT_STACK_H

#include "gen/enc.h"

enum {
    STACK_LIMIT_SLOT = 0x70,    /* %fs:0x70: the limit (gcc's -fsplit-stack word) */
    C_ROOM = 64 * 1024,         /* stack a call into C (or a dynamic alloca) gets */
    LEAF_FRAME_MAX = 128,       /* a leaf function this small needs no check */
    VA_COPY_MAX = 1024,         /* stack argument bytes copied for a variadic function */
    /* the stack arc_exit's caller leaves the exit hook (arc_c_fini), which
     * then needs no check: gen/x64/depth.c, arc_rt_fatal in sched.c */
    EXIT_ROOM = 4 * 1024,
};

/* The fs segment prefix: the next instruction's absolute address
 * (mem_b(NOREG, off)) is an offset in the current worker's block. */
void rt_fs(Asm *a);

#endif
