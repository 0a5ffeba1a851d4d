/* stack.c: task stacks that grow by segments, and the stack limit.
 *
 * Needs: the worker block, TCB and segment layouts of rt.h, the scheduler's
 * arc_rt_sched (G_STACKSIZE) and worker 0's block
 * (arc_rt_worker0, sched.c), rt_mmap_or_die.  Produces:
 *
 *   arc_rt_seg_get(rdi worker, rsi bytes, rdx chain total) -> rax segment
 *                   header (SG_LO, SG_HI, SG_CLASS, SG_TOTAL set), or 0 when
 *                   the chain would exceed G_STACKSIZE
 *   arc_rt_seg_put(rdi worker, rsi header)
 *   arc_rt_morestack, arc_rt_lessstack   the prologue check's slow path
 *   __morestack                           the same for C compiled with
 *                                         gcc -fsplit-stack (its protocol)
 *   arc_rt_stack_overflow                 the deliberate fault the crash
 *                                         reporter names "stack overflow"
 *   arc_rt_main_stack(rdi = top)          the process stack's header
 *   arc_rt_stack_boot                     the start-up hook (.arc_init)
 *
 * The scheme (Go's before 1.3, gcc's -fsplit-stack):
 *
 *   - Every Arc function that calls anything, or has a frame bigger than
 *     LEAF_FRAME_MAX, starts (gen/x64/emit.c) with the check below, except
 *     those whose callers' checks already count their frames (nosplit
 *     functions, main and the exit hook on a stack known to be big enough:
 *     gen/x64/depth.c decides):
 *         lea r11, [rsp - N]; cmp r11, fs:[WK_LIMIT]; jb more
 *     where N covers its whole frame: return address slot, saved
 *     registers, slots and fixed allocas, the largest outgoing argument
 *     area, plus C_ROOM when it calls C (an extern symbol outside the
 *     runtime, or through a pointer) or has a dynamic alloca.  So no frame
 *     can jump over the limit, however large.  `more` is
 *         mov r10d, A; call arc_rt_morestack; jmp body
 *     with A the bytes of its incoming stack arguments (VA_COPY_MAX for a
 *     variadic function).  A dynamic alloca compares rsp with the limit
 *     after it and calls arc_rt_stack_overflow below it.
 *   - Runtime functions have no checks: they may use RT_RESERVE bytes below
 *     the limit (and C code C_SLACK more: see __morestack below).  The deepest runtime path entered from checked code is
 *     arc_await running a task inline whose check fails: arc_await (32
 *     bytes), the call, morestack (72), seg_get (32), the mmap's failure
 *     path into arc_rt_fatal (48): under 200.  arc_spawn's first push that
 *     starts the workers is about 140; a leaf without a check uses at most
 *     LEAF_FRAME_MAX + 56.  (arc_rt_init, with its 128-byte buffer, runs
 *     only on the process stack or a C stack, far above their limits.)
 *   - Frames never move (Arc code hands &local to other tasks and to C):
 *     morestack links a new segment.  It copies the A bytes of stack
 *     arguments to the new segment's top, puts arc_rt_lessstack there as
 *     the return address, records the old rsp and limit in the segment's
 *     header, and enters the function's body on the new segment.  When the
 *     function returns, lessstack restores the old limit and rsp and
 *     returns to the real caller with rax/rdx/xmm0/xmm1 untouched.
 *   - Sizes: a task starts on FIRST_SEG bytes (a parked task needs about
 *     200 of them above the reserve); a new segment is at least twice the
 *     current one (up to 1 MiB) and at least what the function asked for.
 *     Classes: FIRST_SEG, then 4 KiB << k up to 1 MiB, carved from
 *     SEG_SLAB-byte MAP_NORESERVE slabs (only touched pages cost memory)
 *     and reused through per-worker free lists; bigger ones (SEG_LARGE)
 *     are mmap'd and munmap'd one by one.  SG_TOTAL counts the segments of
 *     a chain; one that would take it past G_STACKSIZE (ARC_STACK_SIZE) is
 *     a stack overflow: morestack builds a frame for the function that
 *     asked (so the backtrace names it) and jumps to arc_rt_stack_overflow,
 *     which writes to address 8.  The crash reporter recognises that pc.
 *   - Slabs are never returned to the kernel (like mem.c's small chunks):
 *     a program's stack memory peaks with its most tasks alive at once;
 *     the pages of freed segments stay resident until reused.
 *   - Hot split: lessstack keeps the segment it leaves in WK_SEGCACHE
 *     (one per worker) and morestack takes it first, so a call loop that
 *     straddles a segment boundary allocates nothing.  A new task's first
 *     segment never comes from there (arc_rt_seg_get).
 *
 * Ownership (two workers racing): a segment in use belongs to the task
 * whose chain holds it and is touched only by the worker running that
 * task; a task is never running on two workers (sched.c).  A free segment
 * belongs to one worker's cache or free list and is touched only by that
 * worker's thread: lessstack and morestack run inside a task, which cannot
 * change workers there (no switch), and the scheduler loop frees a
 * finished task's first segment after the task's registers are saved.
 * Segments thus move between workers only inside running tasks, never
 * through a shared list: no lock, no atomic.  A segment is freed only
 * when no frame lives in it: lessstack leaves it before caching it, and a
 * task is done only after its first frame (the trampoline's) returned.
 *
 * The process stack (main) gets a static header: its limit comes from
 * RLIMIT_STACK (step 5 of issue 10), and main grows by segments below it
 * like any task, with the whole G_STACKSIZE budget.  A C task (arc_spawn
 * from C) gets a G_STACKSIZE stack with a guard page or, past the guard
 * budget, a canary (sched.c) whose
 * header says SG_TOTAL = G_STACKSIZE: Arc code it calls is checked, and
 * needing more is an overflow. */
#include "gen/rt/rt.h"

static Rt *cur_rt;
static int sched_sym;

static Opnd G(int32_t off) { return opm(mem_rip(sched_sym, off)); }

static const char stack_msg[] = "out of memory for task stacks: mmap failed with errno";

/* arc_rt_seg_get: see the header.  Clobbers rcx, rdx, rsi, rdi, r8-r11. */
static void emit_seg_get(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_seg_get", SYM_GLOBAL);
    Asm *a = &fn.a;
    int grow = enc_label(a), have = enc_label(a), large = enc_label(a);
    int over = enc_label(a), carve = enc_label(a), slab = enc_label(a), map = enc_label(a);
    int init = enc_label(a), classify = enc_label(a);
    /* the hot-split cache first, if it is big enough (before any sizing:
     * this is the path a call loop on a segment boundary takes).  Not for
     * a task's first segment (FIRST_SEG bytes or less, from the scheduler
     * loop): that one's limit keeps only RT_RESERVE below it, which is
     * safe because a FIRST_SEG segment is too small for any C call; a
     * cached segment can be big enough for one, and C on it would run its
     * C_SLACK through the header. */
    enc_alu(a, ALU_CMP, 8, R(RSI), I(FIRST_SEG));
    enc_jcc(a, CC_BE, classify);
    enc_mov(a, 8, R(RAX), M(RDI, WK_SEGCACHE));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, classify);
    enc_mov(a, 8, R(RCX), M(RAX, SG_HI));
    enc_alu(a, ALU_SUB, 8, R(RCX), M(RAX, SG_LO));
    enc_alu(a, ALU_CMP, 8, R(RCX), R(RSI));
    enc_jcc(a, CC_B, classify);
    enc_lea(a, 8, R8, mem_bis(RDX, RCX, 1, 0));
    enc_alu(a, ALU_CMP, 8, R(R8), G(G_STACKSIZE));
    enc_jcc(a, CC_A, classify);
    enc_mov(a, 8, M(RDI, WK_SEGCACHE), I(0));
    enc_mov(a, 8, R(R8), R(RCX));
    enc_mov(a, 8, R(R9), M(RAX, SG_CLASS));
    enc_jmp(a, init);
    /* r8 = size, r9 = class */
    enc_bind(a, classify);
    enc_mov(a, 4, R(R8), I(FIRST_SEG));
    enc_alu(a, ALU_XOR, 4, R(R9), R(R9));
    enc_alu(a, ALU_CMP, 8, R(RSI), R(R8));
    enc_jcc(a, CC_BE, have);
    enc_mov(a, 4, R(R8), I(SEG_MIN_GROW));
    enc_mov(a, 4, R(R9), I(1));
    enc_bind(a, grow);
    enc_alu(a, ALU_CMP, 8, R(RSI), R(R8));
    enc_jcc(a, CC_BE, have);
    enc_alu(a, ALU_CMP, 4, R(R9), I(NSEGCLASS - 1));
    enc_jcc(a, CC_AE, large);
    enc_shift(a, SH_SHL, 8, R(R8), I(1));
    enc_unary(a, UN_INC, 4, R(R9));
    enc_jmp(a, grow);
    enc_bind(a, large);
    enc_lea(a, 8, R8, mem_b(RSI, 4095));
    enc_alu(a, ALU_AND, 8, R(R8), I(-4096));
    enc_mov(a, 4, R(R9), I(SEG_LARGE));
    enc_bind(a, have);
    enc_lea(a, 8, RSI, mem_bis(RDX, R8, 1, 0));
    enc_alu(a, ALU_CMP, 8, R(RSI), G(G_STACKSIZE));
    enc_jcc(a, CC_A, over);
    enc_alu(a, ALU_CMP, 4, R(R9), I(SEG_LARGE));
    enc_jcc(a, CC_E, map);
    enc_mov(a, 8, R(RAX), opm(mem_bis(RDI, R9, 8, WK_SEGFREE)));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, carve);
    enc_mov(a, 8, R(RCX), M(RAX, SG_NEXT));
    enc_mov(a, 8, opm(mem_bis(RDI, R9, 8, WK_SEGFREE)), R(RCX));
    enc_jmp(a, init);
    /* carve from the slab; a new slab when it is used up (the rest of the
     * old one is left: at most one 1 MiB segment's worth per slab) */
    enc_bind(a, carve);
    enc_mov(a, 8, R(RAX), M(RDI, WK_SLAB));
    enc_lea(a, 8, RCX, mem_bis(RAX, R8, 1, 0));
    enc_alu(a, ALU_CMP, 8, R(RCX), M(RDI, WK_SLABEND));
    enc_jcc(a, CC_A, slab);
    enc_mov(a, 8, M(RDI, WK_SLAB), R(RCX));
    enc_jmp(a, init);
    enc_bind(a, slab);
    enc_push(a, R(RDI));
    enc_push(a, R(RDX));
    enc_push(a, R(R8));
    enc_push(a, R(R9));
    enc_mov(a, 4, R(RSI), I(SEG_SLAB));
    rt_mmap_or_die(rt, a, K_MAP_NORESERVE, "arc_rt_msg_seg_mmap", stack_msg);
    enc_pop(a, R(R9));
    enc_pop(a, R(R8));
    enc_pop(a, R(RDX));
    enc_pop(a, R(RDI));
    enc_lea(a, 8, RCX, mem_bis(RAX, R8, 1, 0));
    enc_mov(a, 8, M(RDI, WK_SLAB), R(RCX));
    enc_lea(a, 8, RCX, mem_b(RAX, SEG_SLAB));
    enc_mov(a, 8, M(RDI, WK_SLABEND), R(RCX));
    enc_jmp(a, init);
    enc_bind(a, map);
    enc_push(a, R(RDX));
    enc_push(a, R(R8));
    enc_mov(a, 8, R(RSI), R(R8));
    rt_mmap_or_die(rt, a, K_MAP_NORESERVE, "arc_rt_msg_seg_mmap", stack_msg);
    enc_pop(a, R(R8));
    enc_pop(a, R(RDX));
    enc_mov(a, 4, R(R9), I(SEG_LARGE));
    enc_bind(a, init);
    enc_mov(a, 8, M(RAX, SG_CLASS), R(R9));
    enc_mov(a, 8, M(RAX, SG_LO), R(RAX));
    enc_lea(a, 8, RCX, mem_bis(RAX, R8, 1, 0));
    enc_mov(a, 8, M(RAX, SG_HI), R(RCX));
    enc_alu(a, ALU_ADD, 8, R(RDX), R(R8));
    enc_mov(a, 8, M(RAX, SG_TOTAL), R(RDX));
    enc_ret(a);
    enc_bind(a, over);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);

    /* arc_rt_seg_put(rdi worker, rsi header): to the worker's list of its
     * class, or back to the kernel (SEG_LARGE); a runtime error for any
     * other class.  Clobbers rax rcx rsi rdi r11. */
    rt_begin(rt, &fn, "arc_rt_seg_put", SYM_GLOBAL);
    a = &fn.a;
    int unmap = enc_label(a), bad = enc_label(a);
    enc_mov(a, 8, R(RAX), M(RSI, SG_CLASS));
    enc_alu(a, ALU_CMP, 8, R(RAX), I(SEG_LARGE));
    enc_jcc(a, CC_A, bad);
    enc_jcc(a, CC_E, unmap);
    enc_mov(a, 8, R(RCX), opm(mem_bis(RDI, RAX, 8, WK_SEGFREE)));
    enc_mov(a, 8, M(RSI, SG_NEXT), R(RCX));
    enc_mov(a, 8, opm(mem_bis(RDI, RAX, 8, WK_SEGFREE)), R(RSI));
    enc_ret(a);
    enc_bind(a, unmap);
    enc_mov(a, 8, R(RDI), R(RSI));
    enc_mov(a, 8, R(RSI), M(RDI, SG_HI));
    enc_alu(a, ALU_SUB, 8, R(RSI), R(RDI));
    rt_sys(a, SYS_munmap);
    enc_ret(a);
    /* a class no segment has: its header was overwritten (frames ran
     * through it); freeing it would corrupt a list or unmap at random */
    enc_bind(a, bad);
    rt_fatal_msg(rt, a, "arc_rt_msg_seg_header", "a stack segment's header was overwritten: class", RAX);
    rt_end(rt, &fn);
}

/* The sizing rule (rsi = bytes needed, rdi = the worker): a new segment
 * is at least twice the current one, up to 1 MiB; then arc_rt_seg_get
 * with the chain's total so far.  rax = the header, or 0 over budget. */
static void seg_grow(Asm *a)
{
    int nohdr = enc_label(a);
    rt_load_worker(a, RDI);
    enc_mov(a, 8, R(RCX), M(RDI, WK_SEG));
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, nohdr);
    enc_mov(a, 8, R(RDX), M(RCX, SG_HI));
    enc_alu(a, ALU_SUB, 8, R(RDX), M(RCX, SG_LO));
    enc_alu(a, ALU_ADD, 8, R(RDX), R(RDX));
    enc_mov(a, 4, R(R8), I(SEG_MIN_GROW << (NSEGCLASS - 2)));
    enc_alu(a, ALU_CMP, 8, R(RDX), R(R8));
    enc_cmovcc(a, CC_A, 8, RDX, R(R8));
    enc_alu(a, ALU_CMP, 8, R(RSI), R(RDX));
    enc_cmovcc(a, CC_B, 8, RSI, R(RDX));
    enc_mov(a, 8, R(RDX), M(RCX, SG_TOTAL));
    enc_bind(a, nohdr);
    enc_call_sym(a, S("arc_rt_seg_get"));
}

/* Link segment rax (from seg_grow) into the running task's chain and copy
 * the stack arguments: the old segment, limit and old_sp (SG_OLDSP: where
 * arc_rt_lessstack will find the return address) go to the header; the
 * r10 bytes at old_sp + 8 (at most up to the old segment's top: a
 * variadic function's guess must not read past it) to the new segment's
 * top, 16-aligned, below them arc_rt_lessstack as the return address;
 * then the worker's WK_SEG and WK_LIMIT (every segment keeps RT_RESERVE +
 * C_SLACK below its limit).  r8 = the copy's address, so the function's
 * rsp at entry is r8 - 8.  Clobbers rcx rdx rsi rdi r9 r10. */
static void seg_link(Asm *a, Reg old_sp)
{
    int bounded = enc_label(a), copied = enc_label(a);
    rt_load_worker(a, RDI);
    enc_mov(a, 8, R(RCX), M(RDI, WK_SEG));
    enc_mov(a, 8, M(RAX, SG_PREV), R(RCX));
    enc_mov(a, 8, R(RDX), M(RDI, WK_LIMIT));
    enc_mov(a, 8, M(RAX, SG_PREVLIM), R(RDX));
    enc_mov(a, 8, M(RAX, SG_OLDSP), R(old_sp));
    enc_lea(a, 8, RSI, mem_b(old_sp, 8));           /* the arguments */
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, bounded);
    enc_mov(a, 8, R(RDX), M(RCX, SG_HI));
    enc_alu(a, ALU_SUB, 8, R(RDX), R(RSI));
    enc_alu(a, ALU_CMP, 8, R(R10), R(RDX));
    enc_cmovcc(a, CC_A, 8, R10, R(RDX));
    enc_bind(a, bounded);
    enc_mov(a, 8, R(RDI), M(RAX, SG_HI));
    enc_alu(a, ALU_SUB, 8, R(RDI), R(R10));
    enc_alu(a, ALU_AND, 8, R(RDI), I(-16));
    enc_mov(a, 8, R(R8), R(RDI));
    enc_mov(a, 8, R(RCX), R(R10));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, copied);                        /* rep movsb starts slowly */
    enc_rep_movsb(a);
    enc_bind(a, copied);
    enc_mov_sym32(a, R9, S("arc_rt_lessstack"), 0);
    enc_mov(a, 8, M(R8, -8), R(R9));
    rt_load_worker(a, RDI);
    enc_mov(a, 8, M(RDI, WK_SEG), R(RAX));
    enc_lea(a, 8, R9, mem_b(RAX, SG_HDR + RT_RESERVE + C_SLACK));
    enc_mov(a, 8, M(RDI, WK_LIMIT), R(R9));
}

/* Over budget, with [rsp] the return address into the function and
 * [rsp+8] the function's own (it has not pushed rbp yet): a frame for the
 * function, whose return address is its caller's, then one for
 * arc_rt_stack_overflow whose return address is in the function, so the
 * report names it. */
static void overflow_frame(Asm *a)
{
    enc_pop(a, R(R11));
    enc_push(a, R(RBP));
    enc_mov(a, 8, R(RBP), R(RSP));
    enc_push(a, R(R11));
    enc_jmp_sym(a, S("arc_rt_stack_overflow"));
}

/* Never runs (after a jmp): keeps the start-up hook wherever a morestack
 * is linked, so %fs and the main stack's limit are set before main. */
static void keep_boot(Asm *a)
{
    enc_mov_sym32(a, RAX, S("arc_rt_stack_boot_entry"), 0);
}

/* arc_rt_morestack: called from a function's prologue with
 *
 *     [rsp]       the return address into the function (its `jmp body`)
 *     [rsp+8]     the function's own return address (f_sp points here)
 *     [rsp+16..]  its stack arguments
 *     r11 = f_sp - N (the rsp it wanted room for), r10 = A
 *
 * and every argument register (rdi rsi rdx rcx r8 r9, rax = the vector
 * count of a variadic call, xmm0-7: never touched here) live.  The new
 * segment's top, from high to low:
 *
 *     [args copy]     A bytes (at most up to the old segment's top),
 *                     16-aligned, so rbp+16 finds them
 *     arc_rt_lessstack  the return address the function will use
 *     <- rsp for the function's body: [rsp] as at its entry
 */
enum { MS_SAVED = 7, MS_FSP = 8 * MS_SAVED + 8 };   /* f_sp - rsp after the pushes */
static void emit_morestack(Rt *rt)
{
    static const Reg saved[MS_SAVED] = {RAX, RDI, RSI, RDX, RCX, R8, R9};
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_morestack", SYM_GLOBAL);
    Asm *a = &fn.a;
    int over = enc_label(a);
    for (int i = 0; i < MS_SAVED; i++)
        enc_push(a, R(saved[i]));
    enc_push(a, R(R10));                            /* A; f_sp = rsp + MS_FSP + 8 */
    enc_lea(a, 8, RAX, mem_b(RSP, MS_FSP + 8));
    enc_alu(a, ALU_SUB, 8, R(RAX), R(R11));         /* N */
    /* need = N + A + header + reserve + slack + return slot and alignment */
    enc_lea(a, 8, RSI, mem_bis(RAX, R10, 1, SG_HDR + RT_RESERVE + C_SLACK + 32));
    seg_grow(a);
    enc_pop(a, R(R10));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, over);
    enc_lea(a, 8, RSI, mem_b(RSP, MS_FSP));         /* f_sp */
    seg_link(a, RSI);
    enc_mov(a, 8, R(R11), M(RSP, MS_FSP - 8));      /* back into the function */
    enc_lea(a, 8, R10, mem_b(R8, -8));
    for (int i = MS_SAVED - 1; i >= 0; i--)
        enc_pop(a, R(saved[i]));
    enc_mov(a, 8, R(RSP), R(R10));
    enc_jmp_ind(a, R(R11));

    enc_bind(a, over);
    for (int i = MS_SAVED - 1; i >= 0; i--)
        enc_pop(a, R(saved[i]));
    overflow_frame(a);
    keep_boot(a);
    rt_end(rt, &fn);

    /* arc_rt_lessstack: "returned to" by the first function of a segment,
     * with rsp at the arguments copy.  Keeps rax rdx xmm0 xmm1 (results). */
    rt_begin(rt, &fn, "arc_rt_lessstack", SYM_GLOBAL);
    a = &fn.a;
    int done = enc_label(a);
    rt_load_worker(a, RDI);
    enc_mov(a, 8, R(RSI), M(RDI, WK_SEG));
    enc_mov(a, 8, R(R8), M(RSI, SG_PREV));
    enc_mov(a, 8, M(RDI, WK_SEG), R(R8));
    enc_mov(a, 8, R(R8), M(RSI, SG_PREVLIM));
    enc_mov(a, 8, M(RDI, WK_LIMIT), R(R8));
    enc_mov(a, 8, R(RSP), M(RSI, SG_OLDSP));        /* [rsp] = the real return address */
    /* keep this segment for the next morestack; free the one kept before */
    enc_mov(a, 8, R(R8), M(RDI, WK_SEGCACHE));
    enc_mov(a, 8, M(RDI, WK_SEGCACHE), R(RSI));
    enc_test(a, 8, R(R8), R(R8));
    enc_jcc(a, CC_E, done);
    enc_push(a, R(RAX));
    enc_push(a, R(RDX));
    enc_mov(a, 8, R(RSI), R(R8));
    enc_call_sym(a, S("arc_rt_seg_put"));
    enc_pop(a, R(RDX));
    enc_pop(a, R(RAX));
    enc_bind(a, done);
    enc_ret(a);
    rt_end(rt, &fn);

    /* arc_rt_stack_overflow: a frame, then a write to address 8 (never
     * mapped: below vm.mmap_min_addr).  The crash reporter knows this pc
     * and reports "stack overflow" in the current task. */
    rt_begin(rt, &fn, "arc_rt_stack_overflow", SYM_GLOBAL);
    a = &fn.a;
    enc_push(a, R(RBP));
    enc_mov(a, 8, R(RBP), R(RSP));
    enc_mov(a, 8, opm(mem_b(NOREG, 8)), R(RAX));
    enc_ud2(a);
    rt_end(rt, &fn);
}

/* __morestack: the same for C code compiled with gcc -fsplit-stack,
 * whose prologue (a frame of N bytes, A bytes of stack arguments) is
 *
 *     lea r11, [rsp - N]; cmp r11, fs:0x70; jb 1f    (N < 256: cmp rsp)
 *     body: ...
 *  1: mov r10, N; mov r11, A; call __morestack; ret; jmp body
 *
 * so [rsp] = X (that `ret`; the body's re-entry is X + 1), [rsp+8] = the
 * function's return address f_ret, then its stack arguments.  gcc's
 * contract: the body runs on the new stack with the A bytes copied above
 * its return address, and with rbp = a frame on the old stack whose
 * rbp+24 is the first stack argument (a variadic function finds its
 * arguments there: gcc passes A = 0 for it); __morestack restores rbp.
 * Here, from high to low on the old stack after its first pushes:
 *
 *     f_ret  X -> f_ret  caller's rbp <- rbp  cont <- SG_OLDSP
 *
 * The body returns to arc_rt_lessstack (which restores the segment and
 * the limit and keeps the hot-split cache, as for Arc code), which
 * returns to `cont` with rbp still this frame: pop rbp, skip X, ret.  X
 * is overwritten with f_ret so the crash reporter's frame walk goes from
 * the body through this frame (shown as __morestack) to the caller.
 *
 * The slack: gcc lets a frame under 256 bytes run below the limit before
 * its callee's check, and __morestack, entered then, and the runtime
 * functions C calls (arc_yield ...) use up to RT_RESERVE more.  So every
 * stack C code can run on keeps RT_RESERVE + C_SLACK bytes below its
 * limit: the segments linked here and by arc_rt_morestack, a C task's
 * stack (sched.c) and the process stack.  An Arc task's first segment
 * (FIRST_SEG) keeps only RT_RESERVE: C never runs on it, since every Arc
 * function that calls C checks for C_ROOM bytes, more than FIRST_SEG.
 * Over budget, the report names the function, as for Arc code. */
static void emit_gcc_morestack(Rt *rt)
{
    static const Reg saved[MS_SAVED] = {RAX, RDI, RSI, RDX, RCX, R8, R9};
    RtFn fn;
    rt_begin(rt, &fn, "__morestack", SYM_GLOBAL);
    Asm *a = &fn.a;
    int cont = enc_label(a), over = enc_label(a);
    enc_push(a, R(RBP));
    enc_mov(a, 8, R(RBP), R(RSP));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));           /* [rbp-8]: cont */
    for (int i = 0; i < MS_SAVED; i++)
        enc_push(a, R(saved[i]));
    enc_lea(a, 8, RAX, mem_label(cont));
    enc_mov(a, 8, M(RBP, -8), R(RAX));
    enc_push(a, R(R11));                            /* A */
    enc_lea(a, 8, RSI, mem_bis(R10, R11, 1, SG_HDR + RT_RESERVE + C_SLACK + 32));
    seg_grow(a);
    enc_pop(a, R(R10));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, over);
    enc_mov(a, 8, R(R11), M(RBP, 8));               /* X */
    enc_mov(a, 8, R(RCX), M(RBP, 16));
    enc_mov(a, 8, M(RBP, 8), R(RCX));               /* the walk's view: f_ret */
    enc_push(a, R(R11));
    enc_lea(a, 8, RSI, mem_b(RBP, 16));             /* old_sp + 8 = the arguments */
    seg_link(a, RSI);
    enc_pop(a, R(R11));
    enc_lea(a, 8, RCX, mem_b(RBP, -8));
    enc_mov(a, 8, M(RAX, SG_OLDSP), R(RCX));        /* lessstack returns to cont */
    enc_unary(a, UN_INC, 8, R(R11));                /* the body: X + 1 */
    enc_lea(a, 8, R10, mem_b(R8, -8));
    for (int i = MS_SAVED - 1; i >= 0; i--)
        enc_pop(a, R(saved[i]));
    enc_mov(a, 8, R(RSP), R(R10));
    enc_jmp_ind(a, R(R11));

    enc_bind(a, cont);                               /* rsp = rbp: the frame above */
    enc_pop(a, R(RBP));
    enc_lea(a, 8, RSP, mem_b(RSP, 8));
    enc_ret(a);

    enc_bind(a, over);
    for (int i = MS_SAVED - 1; i >= 0; i--)
        enc_pop(a, R(saved[i]));
    enc_mov(a, 8, R(RSP), R(RBP));
    enc_pop(a, R(RBP));
    overflow_frame(a);
    keep_boot(a);
    rt_end(rt, &fn);
}

/* arc_rt_main_stack(rdi = the top of the process stack's frames): the
 * static header for the process stack, and the limit: RLIMIT_STACK below
 * the top (8 MiB when unlimited, at most 1 GiB), less a margin for what
 * lies above the frames (argv and environment strings, auxv): 64 KiB plus
 * a sixteenth of the limit, or half of a limit under 256 KiB.  Needs %fs:0
 * = the worker block.  Clobbers rax rcx rdx rsi rdi r11. */
enum { MAIN_MARGIN = 64 * 1024, MAIN_UNLIMITED = 8 << 20, MAIN_MAX = 1 << 30 };
static void emit_main_stack(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_main_stack", SYM_GLOBAL);
    Asm *a = &fn.a;
    int hdr = rt_bss(rt, "arc_rt_main_seg", SG_HDR, 16, SYM_LOCAL);
    int known = enc_label(a), capped = enc_label(a), small = enc_label(a), set = enc_label(a);
    enc_push(a, R(RDI));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(16));
    enc_mov(a, 4, R(RDI), I(K_RLIMIT_STACK));
    enc_mov(a, 8, R(RSI), R(RSP));
    rt_sys(a, SYS_getrlimit);
    enc_mov(a, 8, R(RCX), M(RSP, 0));               /* rlim_cur */
    enc_alu(a, ALU_ADD, 8, R(RSP), I(16));
    enc_pop(a, R(RDI));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, known);
    enc_mov(a, 4, R(RCX), I(MAIN_UNLIMITED));
    enc_bind(a, known);
    enc_mov(a, 4, R(RDX), I(MAIN_MAX));
    enc_alu(a, ALU_CMP, 8, R(RCX), R(RDX));          /* RLIM_INFINITY is ~0: also capped */
    enc_jcc(a, CC_BE, capped);
    enc_mov(a, 4, R(RCX), I(MAIN_UNLIMITED));
    enc_bind(a, capped);
    enc_alu(a, ALU_CMP, 8, R(RCX), I(4 * MAIN_MARGIN));
    enc_jcc(a, CC_B, small);
    enc_mov(a, 8, R(RDX), R(RCX));
    enc_shift(a, SH_SHR, 8, R(RDX), I(4));
    enc_alu(a, ALU_ADD, 8, R(RDX), I(MAIN_MARGIN));
    enc_alu(a, ALU_SUB, 8, R(RCX), R(RDX));
    enc_jmp(a, set);
    enc_bind(a, small);
    enc_shift(a, SH_SHR, 8, R(RCX), I(1));
    enc_bind(a, set);                                /* rcx = usable bytes below the top */
    enc_mov(a, 8, R(RAX), R(RDI));
    enc_alu(a, ALU_SUB, 8, R(RAX), R(RCX));          /* the limit */
    enc_mov_sym32(a, RDX, hdr, 0);
    enc_mov(a, 8, M(RDX, SG_HI), R(RDI));
    enc_lea(a, 8, RCX, mem_b(RAX, -RT_RESERVE - C_SLACK));
    enc_mov(a, 8, M(RDX, SG_LO), R(RCX));
    enc_mov(a, 8, M(RDX, SG_CLASS), I(SEG_FIXED));
    rt_load_worker(a, RCX);
    enc_mov(a, 8, M(RCX, WK_SEG), R(RDX));
    enc_mov(a, 8, M(RCX, WK_LIMIT), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_stack_boot(argc, argv, envp, auxv): the start-up hook that
 * morestack keeps.  Stores the start-up values (arc_rt_capture: the
 * hooks' order is not fixed), points %fs at worker 0's block (arc_rt_init
 * later fills in the rest of it), hands the crash reporter its view of
 * the segments (arc_rt_stack_walk), reads ARC_STACK_SIZE, and gives main its stack limit,
 * before main's own prologue check reads it. */
static void emit_boot(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_stack_boot", SYM_GLOBAL);
    Asm *a = &fn.a;
    int w0 = S("arc_rt_worker0");
    enc_push(a, R(RSI));
    enc_call_sym(a, S("arc_rt_capture"));
    enc_mov(a, 4, R(RDI), I(K_ARCH_SET_FS));
    enc_mov_sym32(a, RSI, w0, 0);
    enc_mov(a, 8, M(RSI, WK_SELF), R(RSI));
    rt_sys(a, SYS_arch_prctl);
    /* the crash reporter's view of the segments */
    int walk = S("arc_rt_stack_walk");
    enc_mov_sym32(a, RAX, S("arc_rt_stack_walk_context"), 0);
    enc_mov(a, 8, opm(mem_rip(walk, 0)), R(RAX));
    enc_mov_sym32(a, RAX, S("arc_rt_stack_walk_frame"), 0);
    enc_mov(a, 8, opm(mem_rip(walk, 8)), R(RAX));
    enc_call_sym(a, S("arc_rt_config_stack"));
    enc_pop(a, R(RDI));                              /* argv: the frames are below it */
    enc_jmp_sym(a, S("arc_rt_main_stack"));
    rt_end(rt, &fn);

    static const uint8_t zero[8];
    int sec = elf_section(rt->elf, ".arc_init.arc_rt_stack_boot", SEC_RODATA, 8);
    elf_append(rt->elf, sec, zero, 8);
    elf_reloc(rt->elf, sec, 0, fn.sym, RELOC_ABS64, 0);
    int entry = S("arc_rt_stack_boot_entry");
    elf_define(rt->elf, entry, sec, 0, 8, SYM_LOCAL, SYM_OBJECT);
}

/* What the crash reporter (signal.c) needs to know about segments, through
 * the pointers in arc_rt_stack_walk (.bss: 0 in a program without Arc
 * code, which has no segments; the start-up hook stores them), so that the
 * reporter carries none of this where there are no segments, and a
 * program without the reporter none of the reporter.  Both run inside the
 * reporter's frame (rbp its rbp, r13 the ucontext) and fill in its CRASH_*
 * words (rt.h).  Async-signal-safe: reads only.  Clobber rcx rdx rsi.
 *
 *   context(): CRASH_OVF for an Arc task is
 *       whether the fault is arc_rt_stack_overflow's (a failed stack
 *       check; its segments have no guard pages), CRASH_SEG and the walk's
 *       bounds from WK_SEG, CRASH_CROSS = 0.  Clobbers rax.
 *   frame(rax = a frame's return address) -> rax: if the frame is
 *       the first of a linked segment (it returns to arc_rt_lessstack),
 *       the real return address, CRASH_CROSS = 1 and the walk moves on to
 *       the previous segment (CRASH_SEG and the bounds); else rax as it
 *       was and CRASH_CROSS = 0. */
static void walk_bounds(Asm *a, Reg hdr)
{
    enc_mov(a, 8, M(RBP, CRASH_SEG), R(hdr));
    enc_mov(a, 8, R(RSI), M(hdr, SG_LO));
    enc_mov(a, 8, M(RBP, CRASH_LO), R(RSI));
    enc_mov(a, 8, R(RSI), M(hdr, SG_HI));
    enc_mov(a, 8, M(RBP, CRASH_HI), R(RSI));
}

static void emit_walk(Rt *rt)
{
    RtFn fn;
    rt_bss(rt, "arc_rt_stack_walk", 16, 8, SYM_GLOBAL);
    rt_begin(rt, &fn, "arc_rt_stack_walk_context", SYM_GLOBAL);
    Asm *a = &fn.a;
    int guarded = enc_label(a), notovf = enc_label(a), nosegs = enc_label(a);
    rt_load_worker(a, RAX);
    enc_mov(a, 8, R(RCX), M(RAX, WK_CUR));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, guarded);
    enc_test(a, 1, M(RCX, T_FLAGS), I(TF_SEG));
    enc_jcc(a, CC_E, guarded);
    enc_mov(a, 8, M(RBP, CRASH_OVF), I(0));
    enc_bind(a, guarded);
    enc_mov(a, 8, R(RSI), M(R13, UOFF(ucontext, mc_rip)));
    enc_mov_sym32(a, RDX, S("arc_rt_stack_overflow"), 0);
    enc_alu(a, ALU_SUB, 8, R(RSI), R(RDX));
    enc_alu(a, ALU_CMP, 8, R(RSI), I(16));
    enc_jcc(a, CC_AE, notovf);
    enc_mov(a, 8, M(RBP, CRASH_OVF), I(1));
    enc_bind(a, notovf);
    enc_mov(a, 8, M(RBP, CRASH_CROSS), I(0));
    enc_mov(a, 8, R(RCX), M(RAX, WK_SEG));
    enc_mov(a, 8, M(RBP, CRASH_SEG), R(RCX));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, nosegs);
    walk_bounds(a, RCX);
    enc_bind(a, nosegs);
    enc_ret(a);
    rt_end(rt, &fn);

    rt_begin(rt, &fn, "arc_rt_stack_walk_frame", SYM_GLOBAL);
    a = &fn.a;
    int same = enc_label(a);
    enc_mov(a, 8, M(RBP, CRASH_CROSS), I(0));
    enc_mov(a, 8, R(RCX), M(RBP, CRASH_SEG));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, same);
    enc_mov_sym32(a, RDX, S("arc_rt_lessstack"), 0);
    enc_alu(a, ALU_CMP, 8, R(RAX), R(RDX));
    enc_jcc(a, CC_NE, same);
    enc_mov(a, 8, R(RDX), M(RCX, SG_PREV));
    enc_test(a, 8, R(RDX), R(RDX));
    enc_jcc(a, CC_E, same);
    enc_mov(a, 8, M(RBP, CRASH_CROSS), I(1));
    enc_mov(a, 8, R(RAX), M(RCX, SG_OLDSP));
    enc_mov(a, 8, R(RAX), M(RAX, 0));
    walk_bounds(a, RDX);
    enc_bind(a, same);
    enc_ret(a);
    rt_end(rt, &fn);
}

void rt_emit_stack(Rt *rt)
{
    cur_rt = rt;
    sched_sym = rt_sym(rt, "arc_rt_sched");
    emit_seg_get(rt);
    emit_morestack(rt);
    emit_gcc_morestack(rt);
    emit_main_stack(rt);
    emit_boot(rt);
    emit_walk(rt);
}
