/* sched.c: the M:N task scheduler.
 *
 * Needs: the syscall numbers and constants of uapi_layout/, the layouts of
 * rt.h.  Produces: arc_rt_init, arc_spawn, arc_await, arc_yield, arc_task_id,
 * arc_worker_id, arc_worker_count, the worker threads and their loop.
 *
 * Shape (Go's proc.go, Chase-Lev's deque):
 *   - Worker 0 is the initial thread; workers 1..n-1 are cloned lazily on
 *     the first push that finds them missing, so a program that never
 *     spawns pays nothing.  %fs:0 points at the worker's block.
 *   - main is the first task: arc_rt_init adopts the running code (on the
 *     process stack) as task 1; the scheduler loop of every worker runs on
 *     the worker's own stack and resumes tasks with arc_rt_switch.
 *   - A task leaves the CPU through arc_rt_to_sched, which records why
 *     (ACT_YIELD, ACT_PARK, ACT_DONE) and switches to the scheduler loop.
 *     Everything that makes the task visible to other workers (queueing
 *     it, registering it as a waiter, waking its waiter) happens there,
 *     after its registers are saved: a task is never resumed on one worker
 *     while it is still running on another.  One exception: arc_yield's
 *     fast path switches straight to the global queue's head, and it keeps
 *     the same rule by hand (the yielding task is appended only after its
 *     registers and T_SP are saved, and the queue lock is released only
 *     once rsp is off its stack; see arc_yield).
 *   - Each worker owns a bounded deque (RING_SLOTS): the owner pushes and
 *     pops at the bottom (LIFO: fork-join runs depth first, so live stacks
 *     stay few), thieves take from the top, up to half of it, one CAS per
 *     task.  A full ring overflows to the global queue; yielded tasks go to
 *     the global queue (FIFO), which every worker polls every GLOBAL_POLL
 *     tasks and whenever its own deque is empty, so nothing starves.
 *   - Idle workers spin briefly, then sleep on the futex G_WAKESEQ.
 *
 * Every function follows the SysV ABI (rbx, rbp, r12-r15 preserved; rsp
 * 16-byte aligned at each call), so generated code and C call them alike.
 */
#include <string.h>

#include "gen/rt/rt.h"

/* The symbols this file refers to, by name. */
static int st_sym;     /* arc_rt_sched: global state (G_*) */
static Rt *cur_rt;

static Opnd G(int32_t off) { return opm(mem_rip(st_sym, off)); }

/* arc_rt_switch(rdi = where to save rsp, rsi = rsp to resume)
 *
 *   saved frame, lowest address first (what T_SP / WK_SCHED_SP point to):
 *     WK_SEG WK_LIMIT r15 r14 r13 r12 rbx rbp  return-address
 *
 * The stack limit and segment (stack.c) travel with the stack they
 * describe: the worker block's words are saved with the registers and
 * the resumed context's are put back.  The scheduler loop's are 0: no
 * checked code runs there.
 * Only the callee-saved registers are saved: the switch is a call, so the
 * caller already assumes every other register is clobbered.  MXCSR and the
 * x87 control word are not switched: tasks must leave them as they found
 * them (Arc code never changes them). */
static const Reg saved_regs[] = {RBP, RBX, R12, R13, R14, R15};
enum { FRAME_REGS = 6, FRAME_RET = 8 * FRAME_REGS + 16, FRAME_RBX = 8 * 6, FRAME_RBP = 8 * 7,
       FRAME_SEG = 0, FRAME_LIMIT = 8 };

static void frame_save(Asm *a)
{
    for (int i = 0; i < FRAME_REGS; i++)
        enc_push(a, R(saved_regs[i]));
    rt_fs(a);
    enc_push(a, opm(mem_b(NOREG, WK_LIMIT)));
    rt_fs(a);
    enc_push(a, opm(mem_b(NOREG, WK_SEG)));
}

/* Pop a frame_save frame and return into it.  Clobbers rax. */
static void frame_resume(Asm *a)
{
    enc_pop(a, R(RAX));
    rt_fs(a);
    enc_mov(a, 8, opm(mem_b(NOREG, WK_SEG)), R(RAX));
    enc_pop(a, R(RAX));
    rt_fs(a);
    enc_mov(a, 8, opm(mem_b(NOREG, WK_LIMIT)), R(RAX));
    for (int i = FRAME_REGS - 1; i >= 0; i--)
        enc_pop(a, R(saved_regs[i]));
    enc_ret(a);
}

static void emit_switch(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_switch", SYM_GLOBAL);
    Asm *a = &fn.a;
    frame_save(a);
    enc_mov(a, 8, M(RDI, 0), R(RSP));
    enc_mov(a, 8, R(RSP), R(RSI));
    frame_resume(a);
    rt_end(rt, &fn);
}

/* arc_rt_to_sched(rdi = ACT_*, rsi = argument): leave the CPU.  Returns
 * when the scheduler resumes this task, possibly on another worker. */
static void emit_to_sched(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_to_sched", SYM_GLOBAL);
    Asm *a = &fn.a;
    rt_load_worker(a, RAX);
    enc_mov(a, 8, M(RAX, WK_ACTION), R(RDI));
    enc_mov(a, 8, M(RAX, WK_ARG), R(RSI));
    enc_mov(a, 8, R(RDI), M(RAX, WK_CUR));
    enc_lea(a, 8, RDI, mem_b(RDI, T_SP));
    enc_mov(a, 8, R(RSI), M(RAX, WK_SCHED_SP));
    enc_jmp_sym(a, S("arc_rt_switch"));
    rt_end(rt, &fn);
}

/* arc_rt_fatal(rdi = message, rsi = number or -1, rdx = FATAL_* flags):
 * see rt.h.  Never returns.
 *
 *   r14 = entry rsp ([r14] = the failing call's return address), r15 = rbp
 *   [rsp, rsp+34)          the number, right to left, then '\n'
 *   [rsp+FT_FLAGS]         the flags (with FATAL_NOHOOKS: see below)
 *   [rsp+FT_UC, +ucontext) a ucontext for the crash reporter's frame walk:
 *                          rip = [r14], rsp = r14 + 8, rbp = r15
 * With FATAL_BACKTRACE, arc_rt_crash(0, uc, uc) prints the walk and
 * returns (signal number 0: no signal, only the backtrace), called through
 * arc_rt_backtrace_fn: a program linked with --no-crash-report has none.
 * Then arc_exit(2) (exit.c): the exit hooks run, as on any exit.
 *
 * It runs on a stack of its own, FATAL_STACK bytes from mmap: the failing
 * code may be at its stack's limit with only the runtime's reserve below
 * (a failed bounds check deep in a task), and this frame (a ucontext) and
 * the exit hooks need more.  The hook (arc_c_fini) has no check when its
 * depth is at most EXIT_ROOM (gen/x64/depth.c), so it must find that room
 * wherever arc_exit is called: here, on the process stack after main, or
 * under a caller whose check counted it.  When the worker block exists
 * (fs set), WK_LIMIT moves to the new stack, so checked code that the
 * hooks call checks against it.  When mmap fails, the message and
 * backtrace are written on the old stack and the process exits without
 * running the hooks (buffered output is lost). */
enum { FT_FLAGS = 40, FT_UC = 48, FT_FRAME = (FT_UC + USIZE(ucontext) + 15) & ~15 };
enum { FATAL_STACK = 64 * 1024, FATAL_NOHOOKS = 1 << 30 };
_Static_assert(EXIT_ROOM + RT_RESERVE + C_SLACK + FT_FRAME < FATAL_STACK, "the exit hook fits");
static void emit_fatal(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_fatal", SYM_GLOBAL);
    Asm *a = &fn.a;
    static const char prefix[] = "arc: runtime error: ";
    int pre = rt_rodata(rt, "arc_rt_fatal_prefix", prefix, sizeof prefix - 1, 1, SYM_LOCAL);
    enc_mov(a, 8, R(R14), R(RSP));
    enc_mov(a, 8, R(R15), R(RBP));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_mov(a, 8, R(R12), R(RSI));
    enc_mov(a, 8, R(R13), R(RDX));
    int nostack = enc_label(a), stacked = enc_label(a);
    rt_mmap(a, I(FATAL_STACK), 0);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-4095));
    enc_jcc(a, CC_AE, nostack);
    enc_lea(a, 8, RSP, mem_b(RAX, FATAL_STACK));
    enc_push(a, R(RAX));
    enc_push(a, R(RAX));        /* arch_prctl's word; rsp stays 16-aligned */
    enc_mov(a, 4, R(RDI), I(K_ARCH_GET_FS));
    enc_mov(a, 8, R(RSI), R(RSP));
    rt_sys(a, SYS_arch_prctl);
    enc_pop(a, R(RCX));
    enc_pop(a, R(RAX));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, stacked);
    enc_alu(a, ALU_ADD, 8, R(RAX), I(RT_RESERVE + C_SLACK));
    rt_fs(a);
    enc_mov(a, 8, opm(mem_b(NOREG, WK_LIMIT)), R(RAX));
    enc_jmp(a, stacked);
    enc_bind(a, nostack);
    enc_alu(a, ALU_OR, 4, R(R13), I(FATAL_NOHOOKS));
    enc_bind(a, stacked);
    enc_alu(a, ALU_AND, 8, R(RSP), I(-16));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(FT_FRAME));
    enc_mov(a, 4, M(RSP, FT_FLAGS), R(R13));    /* the backtrace call may not keep r13 */
    /* write(2, prefix) */
    enc_mov(a, 4, R(RDI), I(2));
    enc_mov_sym32(a, RSI, pre, 0);
    enc_mov(a, 4, R(RDX), I((int64_t)sizeof prefix - 1));
    rt_sys(a, SYS_write);
    /* write(2, message, strlen) */
    int len = enc_label(a), lend = enc_label(a);
    enc_mov(a, 8, R(RDX), R(RBX));
    enc_bind(a, len);
    enc_alu(a, ALU_CMP, 1, M(RDX, 0), I(0));
    enc_jcc(a, CC_E, lend);
    enc_unary(a, UN_INC, 8, R(RDX));
    enc_jmp(a, len);
    enc_bind(a, lend);
    enc_alu(a, ALU_SUB, 8, R(RDX), R(RBX));
    enc_mov(a, 8, R(RSI), R(RBX));
    enc_mov(a, 4, R(RDI), I(2));
    rt_sys(a, SYS_write);
    /* the number in decimal or "0x" hex, right to left into [rsp, rsp+32),
     * then '\n' */
    int nonum = enc_label(a), dec = enc_label(a), nox = enc_label(a);
    enc_lea(a, 8, RSI, mem_b(RSP, 32));
    enc_mov(a, 1, M(RSI, 0), I('\n'));
    enc_alu(a, ALU_CMP, 8, R(R12), I(-1));
    enc_jcc(a, CC_E, nonum);
    enc_mov(a, 8, R(RAX), R(R12));
    enc_mov(a, 4, R(RCX), I(10));
    enc_test(a, 4, R(R13), I(FATAL_HEX));
    enc_jcc(a, CC_E, dec);
    enc_mov(a, 4, R(RCX), I(16));
    enc_bind(a, dec);
    rt_digits(a, 1);
    enc_test(a, 4, R(R13), I(FATAL_HEX));
    enc_jcc(a, CC_E, nox);
    enc_alu(a, ALU_SUB, 8, R(RSI), I(2));
    enc_mov(a, 1, M(RSI, 0), I('0'));
    enc_mov(a, 1, M(RSI, 1), I('x'));
    enc_bind(a, nox);
    enc_unary(a, UN_DEC, 8, R(RSI));
    enc_mov(a, 1, M(RSI, 0), I(' '));
    enc_bind(a, nonum);
    enc_lea(a, 8, RDX, mem_b(RSP, 33));
    enc_alu(a, ALU_SUB, 8, R(RDX), R(RSI));
    enc_mov(a, 4, R(RDI), I(2));
    rt_sys(a, SYS_write);
    int nobt = enc_label(a);
    enc_test(a, 4, R(R13), I(FATAL_BACKTRACE));
    enc_jcc(a, CC_E, nobt);
    enc_mov(a, 8, R(RAX), M(R14, 0));
    enc_mov(a, 8, M(RSP, FT_UC + UOFF(ucontext, mc_rip)), R(RAX));
    enc_lea(a, 8, RAX, mem_b(R14, 8));
    enc_mov(a, 8, M(RSP, FT_UC + UOFF(ucontext, mc_rsp)), R(RAX));
    enc_mov(a, 8, M(RSP, FT_UC + UOFF(ucontext, mc_rbp)), R(R15));
    enc_mov(a, 8, R(RAX), opm(mem_rip(S("arc_rt_backtrace_fn"), 0)));
    enc_test(a, 8, R(RAX), R(RAX));     /* 0: no reporter, no backtrace */
    enc_jcc(a, CC_E, nobt);
    enc_alu(a, ALU_XOR, 4, R(RDI), R(RDI));
    enc_lea(a, 8, RSI, mem_b(RSP, FT_UC));
    enc_mov(a, 8, R(RDX), R(RSI));
    enc_call_ind(a, R(RAX));
    enc_bind(a, nobt);
    enc_mov(a, 4, R(RDI), I(2));
    int hooks = enc_label(a);
    enc_test(a, 4, M(RSP, FT_FLAGS), I(FATAL_NOHOOKS));
    enc_jcc(a, CC_E, hooks);
    enc_mov(a, 4, R(RAX), I(SYS_exit_group));
    enc_syscall(a);
    enc_bind(a, hooks);
    enc_jmp_sym(a, S("arc_exit"));            /* exit hooks, exit_group(2) */
    rt_end(rt, &fn);
}

/* arc_rt_process() -> rax = &arc_rt_proc: {argc i64, argv, envp, auxv}
 * (rt.h P_*), for Arc programs, whose main takes no arguments. */
static void emit_process(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_process", SYM_GLOBAL);
    Asm *a = &fn.a;
    enc_mov_sym32(a, RAX, S("arc_rt_proc"), 0);
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_null_call(): a call through a null function value. */
static void emit_null_call(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_null_call", SYM_GLOBAL);
    Asm *a = &fn.a;
    enc_push(a, R(RBP));
    enc_mov(a, 8, R(RBP), R(RSP));
    enc_mov_sym32(a, RDI, rt_rodata(rt, "arc_rt_null_call_msg", "call through a null function value",
                                    sizeof "call through a null function value", 1, SYM_LOCAL), 0);
    enc_mov(a, 8, R(RSI), I(-1));
    enc_mov(a, 4, R(RDX), I(FATAL_BACKTRACE));
    enc_call_sym(a, S("arc_rt_fatal"));
    enc_hlt(a);
    rt_end(rt, &fn);
}

/* arc_rt_index_fail(rdi = index (signed), rsi = length):
 * "arc: runtime error: index I out of range for length N", exit 2.
 * The message is built right to left in the frame:
 *   [rsp, rsp+96)  "index " ['-'] digits " out of range for length" NUL */
static void emit_index_fail(Rt *rt)
{
    static const char tail[] = " out of range for length", head[] = "index ";
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_index_fail", SYM_GLOBAL);
    Asm *a = &fn.a;
    enc_push(a, R(RBP));
    enc_mov(a, 8, R(RBP), R(RSP));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(96));
    enc_mov(a, 8, R(R8), R(RSI));
    enc_lea(a, 8, RSI, mem_b(RSP, 95));
    enc_mov(a, 1, M(RSI, 0), I(0));
    for (int i = (int)sizeof tail - 2; i >= 0; i--) {
        enc_unary(a, UN_DEC, 8, R(RSI));
        enc_mov(a, 1, M(RSI, 0), I(tail[i]));
    }
    int pos = enc_label(a), nosign = enc_label(a);
    enc_mov(a, 8, R(RAX), R(RDI));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NS, pos);
    enc_unary(a, UN_NEG, 8, R(RAX));
    enc_bind(a, pos);
    enc_mov(a, 4, R(RCX), I(10));
    rt_digits(a, 0);
    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_NS, nosign);
    enc_unary(a, UN_DEC, 8, R(RSI));
    enc_mov(a, 1, M(RSI, 0), I('-'));
    enc_bind(a, nosign);
    for (int i = (int)sizeof head - 2; i >= 0; i--) {
        enc_unary(a, UN_DEC, 8, R(RSI));
        enc_mov(a, 1, M(RSI, 0), I(head[i]));
    }
    enc_mov(a, 8, R(RDI), R(RSI));
    enc_mov(a, 8, R(RSI), R(R8));
    enc_mov(a, 4, R(RDX), I(FATAL_BACKTRACE));
    enc_call_sym(a, S("arc_rt_fatal"));
    enc_hlt(a);
    rt_end(rt, &fn);
}

/* Initialise the worker block in register blk for the worker id in
 * register id: self pointer, id, poll countdown, rng, and its slot in
 * G_WORKERS.  Emitted inline by arc_rt_init and arc_rt_start_workers;
 * clobbers rax and rdx. */
static void init_block(Asm *a, Reg blk, Reg id)
{
    enc_mov(a, 8, M(blk, WK_SELF), R(blk));
    enc_mov(a, 8, M(blk, WK_ID), R(id));
    enc_mov(a, 8, M(blk, WK_TICK), I(GLOBAL_POLL));
    /* rng = seed ^ (id+1) * golden; never 0 */
    enc_lea(a, 8, RAX, mem_b(id, 1));
    enc_movabs(a, RDX, 0xBF58476D1CE4E5B9ull);
    enc_imul(a, 8, RAX, R(RDX));
    enc_alu(a, ALU_XOR, 8, R(RAX), G(G_SEED));
    enc_alu(a, ALU_OR, 8, R(RAX), I(1));
    enc_mov(a, 8, M(blk, WK_RNG), R(RAX));
    enc_mov(a, 8, opm(mem_sym(st_sym, id, 8, G_WORKERS)), R(blk));
}

/* arc_rt_init(): idempotent.  Worker 0's block and scheduler stack live in
 * .bss; the running code becomes task 1 (main) on the process stack.
 *
 *   worker 0's scheduler stack, top down:
 *     [top-16 ..]       unused (keeps the loop's rsp 16-aligned)
 *     ret = arc_rt_sched_loop, rbp = 0, rbx = worker block, r12..r15 = 0
 *   so the first switch to WK_SCHED_SP "returns" into the loop with rbx set
 *   (and WK_CUR = main, the task that switched out).
 */
static void emit_init(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_init", SYM_GLOBAL);
    Asm *a = &fn.a;
    int w0 = rt_bss(rt, "arc_rt_worker0", WK_SIZE, 64, SYM_LOCAL);
    int s0 = rt_bss(rt, "arc_rt_sched0_stack", SCHED_STACK_SIZE, 16, SYM_LOCAL);
    int mt = rt_bss(rt, "arc_rt_main_task", T_SIZE, 16, SYM_LOCAL);
    int done = enc_label(a);

    enc_alu(a, ALU_CMP, 1, G(G_INIT), I(0));
    enc_jcc(a, CC_NE, done);
    enc_push(a, R(RBX));
    enc_call_sym(a, S("arc_rt_config"));

    enc_mov_sym32(a, RBX, w0, 0);
    enc_alu(a, ALU_XOR, 4, R(RCX), R(RCX));
    init_block(a, RBX, RCX);
    enc_mov(a, 4, R(RDI), I(K_ARCH_SET_FS));
    enc_mov(a, 8, R(RSI), R(RBX));
    rt_sys(a, SYS_arch_prctl);
    /* only now: the crash reporter (installed by _start) reads %fs:0
     * once G_INIT is set (gen/rt/signal.c: arc_rt_sched_context) */
    enc_mov(a, 1, G(G_INIT), I(1));
    rt_sys(a, SYS_gettid);
    enc_mov(a, 8, M(RBX, WK_TID), R(RAX));
    /* main's stack limit, unless the start-up hook set it (stack.c) */
    int limited = enc_label(a), top = enc_label(a);
    enc_alu(a, ALU_CMP, 8, M(RBX, WK_SEG), I(0));
    enc_jcc(a, CC_NE, limited);
    enc_mov(a, 8, R(RDI), opm(mem_rip(S("arc_rt_proc"), P_ARGV)));
    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_NE, top);
    enc_mov(a, 8, R(RDI), R(RSP));
    enc_bind(a, top);
    enc_call_sym(a, S("arc_rt_main_stack"));
    enc_bind(a, limited);

    /* main task: id 1, T_STACK = 1 (not ours: the process stack) */
    enc_mov_sym32(a, RAX, mt, 0);
    enc_mov(a, 8, M(RAX, T_ID), I(1));
    enc_mov(a, 8, M(RAX, T_STACK), I(1));
    enc_mov(a, 8, M(RAX, T_FLAGS), I(TF_MAIN));
    enc_mov(a, 8, M(RBX, WK_CUR), R(RAX));
    enc_mov(a, 8, G(G_NEXTID), I(2));

    /* worker 0's scheduler context */
    enc_mov_sym32(a, RAX, s0, SCHED_STACK_SIZE - 16 - FRAME_RET - 8);
    enc_mov(a, 8, M(RAX, FRAME_RBX), R(RBX));
    enc_mov(a, 8, M(RAX, FRAME_RBP), I(0));
    enc_mov_sym32(a, RCX, S("arc_rt_sched_loop"), 0);
    enc_mov(a, 8, M(RAX, FRAME_RET), R(RCX));
    enc_mov(a, 8, M(RBX, WK_SCHED_SP), R(RAX));

    enc_pop(a, R(RBX));
    enc_bind(a, done);
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_tcb_alloc() -> rax: a TCB from the runtime allocator (its
 * T_SIZE class has a lock-free per-worker cache) with T_WAITER, T_STACK,
 * T_NEXT, T_FLAGS, T_RESULT zero.  arc_await gives it back with arc_free. */
static void emit_tcb_alloc(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_tcb_alloc", SYM_GLOBAL);
    Asm *a = &fn.a;
    int ok = enc_label(a);
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    enc_mov(a, 4, R(RDI), I(T_SIZE));
    enc_call_sym(a, S("arc_alloc"));
    enc_alu(a, ALU_ADD, 8, R(RSP), I(8));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, ok);
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_tcb", "out of memory for a task control block", NOREG);
    enc_bind(a, ok);
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_mov(a, 8, M(RAX, T_WAITER), R(RDX));
    enc_mov(a, 8, M(RAX, T_STACK), R(RDX));
    enc_mov(a, 8, M(RAX, T_NEXT), R(RDX));
    enc_mov(a, 8, M(RAX, T_FLAGS), R(RDX));
    enc_mov(a, 8, M(RAX, T_RESULT), R(RDX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* The global run queue: a list through T_NEXT under a test-and-set
 * spinlock (rt_spin_lock).  G_GLEN is written under the lock and read
 * without it as a hint ("probably non-empty"); a stale read only delays a
 * poll. */
static void lock_global(Asm *a) { rt_spin_lock(a, G(G_GLOCK)); }
static void unlock_global(Asm *a) { rt_spin_unlock(a, G(G_GLOCK)); }

static void emit_gpush(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_gpush", SYM_GLOBAL);   /* rdi = task */
    Asm *a = &fn.a;
    int empty = enc_label(a), tail = enc_label(a);
    lock_global(a);
    enc_mov(a, 8, M(RDI, T_NEXT), I(0));
    enc_mov(a, 8, R(RAX), G(G_GTAIL));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, empty);
    enc_mov(a, 8, M(RAX, T_NEXT), R(RDI));
    enc_jmp(a, tail);
    enc_bind(a, empty);
    enc_mov(a, 8, G(G_GHEAD), R(RDI));
    enc_bind(a, tail);
    enc_mov(a, 8, G(G_GTAIL), R(RDI));
    enc_unary(a, UN_INC, 8, G(G_GLEN));
    unlock_global(a);
    enc_ret(a);
    rt_end(rt, &fn);
}

static void emit_gpop(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_gpop", SYM_GLOBAL);    /* -> rax = task or 0 */
    Asm *a = &fn.a;
    int none = enc_label(a), out = enc_label(a), notlast = enc_label(a);
    enc_alu(a, ALU_CMP, 8, G(G_GLEN), I(0));
    enc_jcc(a, CC_E, none);
    lock_global(a);
    enc_mov(a, 8, R(RAX), G(G_GHEAD));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, out);
    enc_mov(a, 8, R(RDX), M(RAX, T_NEXT));
    enc_mov(a, 8, G(G_GHEAD), R(RDX));
    enc_test(a, 8, R(RDX), R(RDX));
    enc_jcc(a, CC_NE, notlast);
    enc_mov(a, 8, G(G_GTAIL), R(RDX));
    enc_bind(a, notlast);
    enc_unary(a, UN_DEC, 8, G(G_GLEN));
    enc_bind(a, out);
    unlock_global(a);
    enc_ret(a);
    enc_bind(a, none);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* The deque (Chase-Lev, bounded, x86-TSO).
 *
 *   WK_TOP     only increases; thieves CAS it, the owner CASes it when it
 *              takes the last task
 *   WK_BOTTOM  written by the owner only
 *   slots [top, bottom) hold tasks; slot i lives at ring[i % RING_SLOTS]
 *
 * push (owner):  ring[b] = t; bottom = b + 1.  TSO keeps the slot store
 *   before the bottom store, so a thief that sees the new bottom sees t.
 *   A slot is only overwritten when bottom - top < RING_SLOTS, i.e. after
 *   every thief that could read it has moved top past it.
 * pop (owner):   b = bottom - 1; bottom = b (xchg: a full fence, so the
 *   store is visible before top is read); t = top.  t < b: slot b is ours
 *   (a thief can only reach it by moving top past b, which it cannot do
 *   without seeing our bottom).  t == b: the last task; CAS top t -> t+1
 *   decides between us and a thief.  t > b: empty; restore bottom.
 *   With one configured worker there are no thieves: bottom = b and
 *   slot b, no fence, no CAS.
 * steal (thief): t = top; b = bottom (TSO: loads in order); t < b: read
 *   ring[t], CAS top t -> t+1; success means the slot was not taken and,
 *   by the push rule, not overwritten. */
static void emit_push(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_push", SYM_GLOBAL);    /* rdi = task */
    Asm *a = &fn.a;
    int full = enc_label(a);
    rt_load_worker(a, RSI);
    enc_mov(a, 8, R(RAX), M(RSI, WK_BOTTOM));
    enc_mov(a, 8, R(RDX), R(RAX));
    enc_alu(a, ALU_SUB, 8, R(RDX), M(RSI, WK_TOP));
    enc_alu(a, ALU_CMP, 8, R(RDX), I(RING_SLOTS));
    enc_jcc(a, CC_GE, full);
    enc_mov(a, 4, R(RDX), R(RAX));
    enc_alu(a, ALU_AND, 4, R(RDX), I(RING_SLOTS - 1));
    enc_mov(a, 8, opm(mem_bis(RSI, RDX, 8, WK_RING)), R(RDI));
    enc_unary(a, UN_INC, 8, R(RAX));
    enc_mov(a, 8, M(RSI, WK_BOTTOM), R(RAX));
    enc_jmp_sym(a, S("arc_rt_wake"));
    enc_bind(a, full);
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    enc_call_sym(a, S("arc_rt_gpush"));
    enc_alu(a, ALU_ADD, 8, R(RSP), I(8));
    enc_jmp_sym(a, S("arc_rt_wake"));
    rt_end(rt, &fn);
}

static void emit_pop(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_pop", SYM_GLOBAL);     /* rdi = worker -> rax */
    Asm *a = &fn.a;
    int empty = enc_label(a), restore = enc_label(a), mine = enc_label(a), lost = enc_label(a);
    int fenced = enc_label(a);
    enc_mov(a, 8, R(RAX), M(RDI, WK_BOTTOM));
    enc_alu(a, ALU_CMP, 8, R(RAX), M(RDI, WK_TOP));
    enc_jcc(a, CC_LE, empty);                 /* quick: bottom <= top */
    enc_unary(a, UN_DEC, 8, R(RAX));          /* b */
    /* One configured worker (rt.h, G_NWORKERS): no thread but this one
     * ever touches the deque, so b is ours without the fence and the
     * CAS. */
    enc_alu(a, ALU_CMP, 8, G(G_NWORKERS), I(1));
    enc_jcc(a, CC_NE, fenced);
    enc_mov(a, 8, M(RDI, WK_BOTTOM), R(RAX));
    enc_alu(a, ALU_AND, 4, R(RAX), I(RING_SLOTS - 1));
    enc_mov(a, 8, R(RAX), opm(mem_bis(RDI, RAX, 8, WK_RING)));
    enc_ret(a);
    enc_bind(a, fenced);
    enc_mov(a, 8, R(RDX), R(RAX));
    enc_xchg(a, 8, M(RDI, WK_BOTTOM), RDX);   /* bottom = b, full fence */
    enc_mov(a, 8, R(RCX), M(RDI, WK_TOP));    /* t */
    enc_alu(a, ALU_CMP, 8, R(RCX), R(RAX));
    enc_jcc(a, CC_G, restore);
    enc_mov(a, 4, R(RDX), R(RAX));
    enc_alu(a, ALU_AND, 4, R(RDX), I(RING_SLOTS - 1));
    enc_mov(a, 8, R(R8), opm(mem_bis(RDI, RDX, 8, WK_RING)));
    enc_alu(a, ALU_CMP, 8, R(RCX), R(RAX));
    enc_jcc(a, CC_L, mine);
    /* t == b: race the thieves for the last task */
    enc_lea(a, 8, RDX, mem_b(RCX, 1));
    enc_mov(a, 8, R(RAX), R(RCX));
    enc_lock_cmpxchg(a, 8, mem_b(RDI, WK_TOP), RDX);
    enc_mov(a, 8, M(RDI, WK_BOTTOM), R(RDX));  /* empty either way: bottom = t+1 = top */
    enc_jcc(a, CC_NE, lost);
    enc_bind(a, mine);
    enc_mov(a, 8, R(RAX), R(R8));
    enc_ret(a);
    enc_bind(a, restore);
    enc_unary(a, UN_INC, 8, R(RAX));
    enc_mov(a, 8, M(RDI, WK_BOTTOM), R(RAX));
    enc_bind(a, lost);
    enc_bind(a, empty);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_steal(rdi = thief, rsi = victim) -> rax = a task or 0.  Takes up
 * to half of the victim's tasks (rounded up), one CAS each; the first is
 * returned, the rest go to the thief's own deque (which is empty: a
 * worker steals only when its deque is, and only its owner pushes). */
static void emit_steal(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_steal", SYM_GLOBAL);
    Asm *a = &fn.a;
    int again = enc_label(a), done = enc_label(a), first = enc_label(a), next = enc_label(a);
    enc_alu(a, ALU_XOR, 4, R(R10), R(R10));   /* r10: the task to return */
    /* r11 = ceil((bottom - top) / 2), read once */
    enc_mov(a, 8, R(R11), M(RSI, WK_BOTTOM));
    enc_alu(a, ALU_SUB, 8, R(R11), M(RSI, WK_TOP));
    enc_alu(a, ALU_CMP, 8, R(R11), I(0));
    enc_jcc(a, CC_LE, done);
    enc_unary(a, UN_INC, 8, R(R11));
    enc_shift(a, SH_SHR, 8, R(R11), I(1));
    enc_bind(a, again);
    enc_mov(a, 8, R(RAX), M(RSI, WK_TOP));    /* t */
    enc_mov(a, 8, R(RDX), M(RSI, WK_BOTTOM)); /* b, loaded after t */
    enc_alu(a, ALU_CMP, 8, R(RAX), R(RDX));
    enc_jcc(a, CC_GE, done);
    enc_mov(a, 4, R(RCX), R(RAX));
    enc_alu(a, ALU_AND, 4, R(RCX), I(RING_SLOTS - 1));
    enc_mov(a, 8, R(R8), opm(mem_bis(RSI, RCX, 8, WK_RING)));
    enc_lea(a, 8, RCX, mem_b(RAX, 1));
    enc_lock_cmpxchg(a, 8, mem_b(RSI, WK_TOP), RCX);
    enc_jcc(a, CC_NE, again);                 /* lost a race: look again */
    enc_test(a, 8, R(R10), R(R10));
    enc_jcc(a, CC_E, first);
    /* extra task: push on the thief's own deque */
    enc_mov(a, 8, R(RAX), M(RDI, WK_BOTTOM));
    enc_mov(a, 4, R(RCX), R(RAX));
    enc_alu(a, ALU_AND, 4, R(RCX), I(RING_SLOTS - 1));
    enc_mov(a, 8, opm(mem_bis(RDI, RCX, 8, WK_RING)), R(R8));
    enc_unary(a, UN_INC, 8, R(RAX));
    enc_mov(a, 8, M(RDI, WK_BOTTOM), R(RAX));
    enc_jmp(a, next);
    enc_bind(a, first);
    enc_mov(a, 8, R(R10), R(R8));
    enc_bind(a, next);
    enc_unary(a, UN_DEC, 8, R(R11));
    enc_jcc(a, CC_NE, again);
    enc_bind(a, done);
    enc_mov(a, 8, R(RAX), R(R10));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_any_work() -> eax != 0 if the global queue or any deque looks
 * non-empty.  Used by idle workers before and after announcing sleep. */
static void emit_any_work(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_any_work", SYM_GLOBAL);
    Asm *a = &fn.a;
    int yes = enc_label(a), loop = enc_label(a), skip = enc_label(a), no = enc_label(a);
    enc_alu(a, ALU_CMP, 8, G(G_GLEN), I(0));
    enc_jcc(a, CC_NE, yes);
    enc_mov(a, 8, R(RCX), G(G_NWORKERS));
    enc_bind(a, loop);
    enc_unary(a, UN_DEC, 8, R(RCX));
    enc_jcc(a, CC_S, no);
    enc_mov(a, 8, R(RDX), opm(mem_sym(st_sym, RCX, 8, G_WORKERS)));
    enc_test(a, 8, R(RDX), R(RDX));
    enc_jcc(a, CC_E, skip);
    enc_mov(a, 8, R(RAX), M(RDX, WK_BOTTOM));
    enc_alu(a, ALU_CMP, 8, R(RAX), M(RDX, WK_TOP));
    enc_jcc(a, CC_G, yes);
    enc_bind(a, skip);
    enc_jmp(a, loop);
    enc_bind(a, no);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    enc_bind(a, yes);
    enc_mov(a, 4, R(RAX), I(1));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* rax = a poll without blocking (HK_POLL(0): the tasks it resumed, 0 also
 * when another worker holds the poller role); to none when the poller was
 * never set up. */
static void quick_poll(Asm *a, int none)
{
    enc_mov(a, 8, R(RAX), opm(mem_rip(S("arc_rt_poll_hooks"), HK_POLL)));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, none);
    enc_alu(a, ALU_XOR, 4, R(RDI), R(RDI));
    enc_call_ind(a, R(RAX));
}

/* arc_rt_wake(): after making work visible, start the workers (first
 * time) or wake one sleeper.
 *
 *   submitter: store work; fence; load G_NSPIN, G_NSLEEP
 *   spinner:   lock inc G_NSPIN; poll queues ...; lock dec G_NSPIN;
 *   sleeper:   lock inc G_NSLEEP; load queues (arc_rt_any_work)
 * With a full fence on both sides, at least one sees the other's store:
 * either the sleeper finds the work, or the submitter finds the sleeper
 * and bumps G_WAKESEQ, which the sleeper read before announcing, so its
 * futex_wait returns at once if it has not slept yet.  A submitter that
 * sees G_NSPIN > 0 wakes nobody: that spinner's later dec (and the
 * announce after it) comes after the submitter's store, so its final
 * re-check finds the work.  No lost wake-up.  With no sleeper, a worker
 * blocked in the poller's epoll_wait is kicked instead (gen/rt/poll.c
 * argues the same for it). */
static void emit_wake(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_wake", SYM_GLOBAL);
    Asm *a = &fn.a;
    int out = enc_label(a), start = enc_label(a), poller = enc_label(a);
    enc_alu(a, ALU_CMP, 8, G(G_NWORKERS), I(1));
    enc_jcc(a, CC_BE, out);
    enc_alu(a, ALU_CMP, 8, G(G_STARTED), I(0));
    enc_jcc(a, CC_E, start);
    enc_lock_alu(a, ALU_OR, 4, mem_b(RSP, 0), I(0));   /* full fence, cheaper than mfence */
    enc_alu(a, ALU_CMP, 8, G(G_NSPIN), I(0));
    enc_jcc(a, CC_NE, out);                   /* a spinning worker will find it */
    enc_alu(a, ALU_CMP, 8, G(G_NSLEEP), I(0));
    enc_jcc(a, CC_E, poller);
    enc_lock_alu(a, ALU_ADD, 4, mem_rip(st_sym, G_WAKESEQ), I(1));
    enc_mov_sym32(a, RDI, st_sym, G_WAKESEQ);
    enc_mov(a, 4, R(RSI), I(K_FUTEX_WAKE_PRIVATE));
    enc_mov(a, 4, R(RDX), I(1));
    rt_sys(a, SYS_futex);
    enc_bind(a, out);
    enc_ret(a);
    enc_bind(a, start);
    enc_jmp_sym(a, S("arc_rt_start_workers"));
    /* no futex sleeper: the worker blocked in epoll_wait, if any
     * (HK_KICK, gen/rt/poll.c; its PL_BLOCKED plays G_NSLEEP's part) */
    enc_bind(a, poller);
    enc_mov(a, 8, R(RAX), opm(mem_rip(S("arc_rt_poll_hooks"), HK_KICK)));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, out);
    enc_jmp_ind(a, R(RAX));
    rt_end(rt, &fn);
}

/* arc_rt_idle(rdi = worker): spin a little, then block in the poller
 * (one worker at a time) or sleep on the futex until woken. */
enum { IDLE_SPINS = 64, IDLE_PAUSES = 16 };
static void emit_idle(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_idle", SYM_GLOBAL);
    Asm *a = &fn.a;
    int any = S("arc_rt_any_work");
    int spin = enc_label(a), out = enc_label(a), undo = enc_label(a);
    enc_push(a, R(RBX));
    enc_push(a, R(R12));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    int found = enc_label(a), pauses = enc_label(a);
    /* tasks waiting on the world first: a quick poll (HK_POLL, not
     * blocking) may have made some runnable, then no spinning is needed */
    int nopoll = enc_label(a), polled = enc_label(a);
    enc_mov(a, 8, R(RAX), opm(mem_rip(S("arc_rt_poll_hooks"), HK_POLL)));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, nopoll);
    enc_alu(a, ALU_XOR, 4, R(RDI), R(RDI));
    enc_call_ind(a, R(RAX));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, polled);
    enc_bind(a, nopoll);
    enc_lock_alu(a, ALU_ADD, 8, mem_rip(st_sym, G_NSPIN), I(1));
    enc_mov(a, 4, R(RBX), I(IDLE_SPINS));
    enc_bind(a, spin);
    enc_call_sym(a, any);
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, found);
    /* a few pauses between polls: each poll reads the other workers'
     * deque lines, which their owners keep writing */
    enc_mov(a, 4, R(RCX), I(IDLE_PAUSES));
    enc_bind(a, pauses);
    enc_pause(a);
    enc_unary(a, UN_DEC, 4, R(RCX));
    enc_jcc(a, CC_NE, pauses);
    enc_unary(a, UN_DEC, 4, R(RBX));
    enc_jcc(a, CC_NE, spin);
    enc_mov(a, 4, R(R12), G(G_WAKESEQ));      /* read the sequence first */
    enc_lock_alu(a, ALU_SUB, 8, mem_rip(st_sym, G_NSPIN), I(1));
    /* once the poller is set up, one idle worker blocks in epoll_wait
     * (HK_POLL returns 1 when it held the role: back to find work) */
    int futex = enc_label(a);
    enc_mov(a, 8, R(RAX), opm(mem_rip(S("arc_rt_poll_hooks"), HK_POLL)));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, futex);
    enc_mov(a, 4, R(RDI), I(1));
    enc_call_ind(a, R(RAX));
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, out);
    enc_bind(a, futex);
    enc_lock_alu(a, ALU_ADD, 8, mem_rip(st_sym, G_NSLEEP), I(1));  /* announce: full fence */
    enc_call_sym(a, any);                     /* then look again */
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, undo);
    /* and try the poller role once more, without blocking: a busy
     * worker's quick poll may have released it after HK_POLL above found
     * it taken; it releases with xchg and then reads G_NSLEEP, so either
     * it sees this announce and wakes a sleeper, or this poll gets the
     * role (and, giving it back with waits pending, wakes a sleeper: this
     * worker's futex wait then returns at once, and it comes back to
     * block in the poller) */
    int sleep = enc_label(a);
    quick_poll(a, sleep);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, undo);                  /* it resumed tasks */
    enc_bind(a, sleep);
    enc_mov_sym32(a, RDI, st_sym, G_WAKESEQ);
    enc_mov(a, 4, R(RSI), I(K_FUTEX_WAIT_PRIVATE));
    enc_mov(a, 4, R(RDX), R(R12));
    enc_alu(a, ALU_XOR, 4, R(R10), R(R10));
    rt_sys(a, SYS_futex);
    enc_bind(a, undo);
    enc_lock_alu(a, ALU_SUB, 8, mem_rip(st_sym, G_NSLEEP), I(1));
    enc_jmp(a, out);
    enc_bind(a, found);
    enc_lock_alu(a, ALU_SUB, 8, mem_rip(st_sym, G_NSPIN), I(1));
    enc_bind(a, polled);
    enc_bind(a, out);
    enc_alu(a, ALU_ADD, 8, R(RSP), I(8));
    enc_pop(a, R(R12));
    enc_pop(a, R(RBX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_find_work(rdi = worker) -> rax = task or 0: every GLOBAL_POLL
 * tasks the global queue first; then the own deque, the global queue (where
 * yielded tasks wait, so any idle worker can run them), and up to
 * 2 * workers steal attempts from random victims.  A task yielding in a
 * loop starves nothing: it goes behind everything in the global queue, and
 * the deque runs before it. */
static void emit_find_work(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_find_work", SYM_GLOBAL);
    Asm *a = &fn.a;
    int gpop = S("arc_rt_gpop");
    int local = enc_label(a), out = enc_label(a), loop = enc_label(a), skip = enc_label(a), none = enc_label(a);
    enc_push(a, R(RBX));
    enc_push(a, R(R12));
    enc_push(a, R(R13));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_unary(a, UN_DEC, 8, M(RBX, WK_TICK));
    enc_jcc(a, CC_NE, local);
    enc_mov(a, 8, M(RBX, WK_TICK), I(GLOBAL_POLL));
    /* and the poller, without blocking: expired timers and ready fds are
     * served while every worker is busy (HK_POLL, gen/rt/poll.c) */
    int nopoll = enc_label(a);
    quick_poll(a, nopoll);
    enc_bind(a, nopoll);
    enc_call_sym(a, gpop);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, out);
    enc_bind(a, local);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_rt_pop"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, out);
    enc_call_sym(a, gpop);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, out);
    /* steal: victim = (xorshift64(rng) low 32 bits * n) >> 32 */
    enc_mov(a, 8, R(R12), G(G_NWORKERS));
    enc_lea(a, 8, R13, mem_bis(R12, R12, 1, 0));
    enc_bind(a, loop);
    enc_unary(a, UN_DEC, 8, R(R13));
    enc_jcc(a, CC_S, none);
    enc_mov(a, 8, R(RAX), M(RBX, WK_RNG));
    enc_mov(a, 8, R(RDX), R(RAX));
    enc_shift(a, SH_SHL, 8, R(RDX), I(13));
    enc_alu(a, ALU_XOR, 8, R(RAX), R(RDX));
    enc_mov(a, 8, R(RDX), R(RAX));
    enc_shift(a, SH_SHR, 8, R(RDX), I(7));
    enc_alu(a, ALU_XOR, 8, R(RAX), R(RDX));
    enc_mov(a, 8, R(RDX), R(RAX));
    enc_shift(a, SH_SHL, 8, R(RDX), I(17));
    enc_alu(a, ALU_XOR, 8, R(RAX), R(RDX));
    enc_mov(a, 8, M(RBX, WK_RNG), R(RAX));
    enc_unary(a, UN_MUL, 4, R(R12));          /* edx = victim */
    enc_alu(a, ALU_CMP, 8, R(RDX), M(RBX, WK_ID));
    enc_jcc(a, CC_E, skip);
    enc_mov(a, 8, R(RSI), opm(mem_sym(st_sym, RDX, 8, G_WORKERS)));
    enc_test(a, 8, R(RSI), R(RSI));
    enc_jcc(a, CC_E, skip);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_rt_steal"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, out);
    enc_bind(a, skip);
    enc_jmp(a, loop);
    enc_bind(a, none);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_bind(a, out);
    enc_pop(a, R(R13));
    enc_pop(a, R(R12));
    enc_pop(a, R(RBX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* C-task stacks (Arc tasks' segmented stacks are stack.c's): G_STACKSIZE
 * bytes each, the lowest GUARD_SIZE bytes PROT_NONE, so an overflow of C
 * code (which has no stack checks) faults into the crash reporter instead
 * of running into a neighbour.  A stack is taken only when its task first
 * runs, and freed stacks are kept, never unmapped:
 *
 *   get: the worker's pool (WK_STACKS, owner only) -> the shared list
 *        G_CSFREE (under G_CSLOCK) -> carve the worker's chunk
 *        (WK_CSLAB..WK_CSLABEND) -> map a new chunk of 1 << CSTACK_CHUNK_SHIFT
 *        stacks (MAP_NORESERVE: only touched pages cost memory)
 *   put: the worker's pool while it holds fewer than STACK_POOL_MAX, else
 *        the shared list.
 *
 * Why: a stack per mmap, munmap'd on exit, cost two to three system
 * calls per task, and each munmap of a multi-threaded process flushes the
 * other workers' TLBs; with 100k sleepers most of the time went there.
 * Now a new stack costs one mprotect (its guard; a chunk's mmap is shared
 * by 16 stacks) and a reused one none.  The shared list keeps a program
 * whose tasks are spawned on one worker and finish on another from
 * growing without bound: what one worker's pool cannot hold, any worker
 * takes back.  The stacks stay mapped at their peak count (touched pages
 * stay resident): issue 10's "return idle stacks" is not done here.
 *
 * Guards and canaries: each guard splits the chunk's mapping, so guards
 * alone would stop a process near vm.max_map_count / 2 (32,765) C-task
 * stacks, and the chunk mmaps after that fail too.  So the first
 * GUARD_BUDGET stacks made (G_NGUARD, lock xadd) get a guard page
 * (SG_CLASS SEG_FIXED), and later ones, or one whose mprotect fails with
 * ENOMEM, get none (SEG_OPEN): their header's SG_NEXT holds a canary,
 * header ^ STACK_CANARY, and the chunks after the budget merge into few
 * mappings.  An overflow runs down through the header (SG_NEXT, its
 * highest word, first) before it reaches the 4 KiB a guard would take
 * and then the stack below.  A task first run on such a stack gets
 * TF_OPEN (its TCB, which no overflow of its stack reaches), and the
 * scheduler loop checks the canary each time that task switches out
 * (park, wait, yield through the loop, done): a changed canary is a fatal
 * "stack overflow ... in task N".  Weaker than a guard, said plainly: the
 * overflow is found when the task next switches out, not when it
 * happens, so one that runs more than 4 KiB past its header may have
 * written into the stack below by then (a task parked there, unless
 * another worker resumes it in between, never runs again); and a frame
 * that writes only below the canary is not seen, as a frame larger than
 * a guard page jumps a guard.  Such a task's arc_yield always takes the
 * slow path, through the loop, so every switch checks.
 *
 * Races: the pool and the chunk are the owner's alone.  G_CSFREE is read
 * without the lock only as a hint (a stale 0 maps a stack that was not
 * needed, a stale non-zero takes the lock and finds the list empty);
 * every change is made under G_CSLOCK. */
static void emit_stacks(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_stack_get", SYM_GLOBAL);   /* rdi = worker -> rax */
    Asm *a = &fn.a;
    int shared = enc_label(a), empty = enc_label(a), carve = enc_label(a), have = enc_label(a);
    enc_mov(a, 8, R(RAX), M(RDI, WK_STACKS));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, shared);
    enc_mov(a, 8, R(RDX), M(RAX, GUARD_SIZE));
    enc_mov(a, 8, M(RDI, WK_STACKS), R(RDX));
    enc_unary(a, UN_DEC, 8, M(RDI, WK_NSTACKS));
    enc_ret(a);
    enc_bind(a, shared);
    enc_alu(a, ALU_CMP, 8, G(G_CSFREE), I(0));
    enc_jcc(a, CC_E, carve);
    rt_spin_lock(a, G(G_CSLOCK));
    enc_mov(a, 8, R(RAX), G(G_CSFREE));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, empty);
    enc_mov(a, 8, R(RDX), M(RAX, GUARD_SIZE));
    enc_mov(a, 8, G(G_CSFREE), R(RDX));
    rt_spin_unlock(a, G(G_CSLOCK));
    enc_ret(a);
    enc_bind(a, empty);
    rt_spin_unlock(a, G(G_CSLOCK));
    enc_bind(a, carve);
    enc_push(a, R(RBX));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_mov(a, 8, R(RAX), M(RBX, WK_CSLAB));
    enc_mov(a, 8, R(RCX), G(G_STACKSIZE));
    enc_alu(a, ALU_ADD, 8, R(RCX), R(RAX));
    enc_alu(a, ALU_CMP, 8, R(RCX), M(RBX, WK_CSLABEND));
    enc_jcc(a, CC_BE, have);                  /* an empty chunk (0, 0) fails this */
    enc_mov(a, 8, R(RSI), G(G_STACKSIZE));
    enc_shift(a, SH_SHL, 8, R(RSI), I(CSTACK_CHUNK_SHIFT));
    rt_mmap_or_die(cur_rt, a, K_MAP_NORESERVE, "arc_rt_msg_stack_mmap", "out of memory for task stacks: mmap failed with errno");
    enc_mov(a, 8, R(RSI), G(G_STACKSIZE));
    enc_shift(a, SH_SHL, 8, R(RSI), I(CSTACK_CHUNK_SHIFT));
    enc_alu(a, ALU_ADD, 8, R(RSI), R(RAX));
    enc_mov(a, 8, M(RBX, WK_CSLABEND), R(RSI));
    enc_mov(a, 8, R(RCX), G(G_STACKSIZE));
    enc_alu(a, ALU_ADD, 8, R(RCX), R(RAX));
    enc_bind(a, have);                        /* rax = the stack, rcx = past it */
    enc_mov(a, 8, M(RBX, WK_CSLAB), R(RCX));
    enc_mov(a, 8, R(RBX), R(RAX));
    int guarded = enc_label(a), open = enc_label(a), classed = enc_label(a);
    enc_mov(a, 4, R(RAX), I(1));
    enc_lock_xadd(a, 8, mem_rip(st_sym, G_NGUARD), RAX);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(GUARD_BUDGET));
    enc_jcc(a, CC_AE, open);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_mov(a, 4, R(RSI), I(GUARD_SIZE));
    enc_mov(a, 4, R(RDX), I(K_PROT_NONE));
    rt_sys(a, SYS_mprotect);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-4095));
    enc_jcc(a, CC_B, guarded);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-K_ENOMEM));
    enc_jcc(a, CC_E, open);
    enc_mov(a, 8, R(RSI), R(RAX));
    enc_unary(a, UN_NEG, 8, R(RSI));
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_stack_guard", "mprotect of a task stack's guard failed with errno", RSI);
    enc_bind(a, guarded);
    enc_mov(a, 8, M(RBX, GUARD_SIZE + SG_CLASS), I(SEG_FIXED));
    enc_jmp(a, classed);
    enc_bind(a, open);                        /* no guard: the canary instead */
    enc_lea(a, 8, RAX, mem_b(RBX, GUARD_SIZE));
    enc_mov(a, 8, M(RAX, SG_CLASS), I(SEG_OPEN));
    enc_mov(a, 8, R(RCX), R(RAX));
    enc_alu(a, ALU_XOR, 8, R(RCX), I(STACK_CANARY));
    enc_mov(a, 8, M(RAX, SG_NEXT), R(RCX));
    enc_bind(a, classed);
    enc_mov(a, 8, R(RAX), R(RBX));
    enc_pop(a, R(RBX));
    enc_ret(a);
    rt_end(rt, &fn);

    rt_begin(rt, &fn, "arc_rt_stack_put", SYM_GLOBAL);   /* rdi = worker, rsi = stack */
    a = &fn.a;
    int full = enc_label(a);
    enc_alu(a, ALU_CMP, 8, M(RDI, WK_NSTACKS), I(STACK_POOL_MAX));
    enc_jcc(a, CC_AE, full);
    enc_mov(a, 8, R(RAX), M(RDI, WK_STACKS));
    enc_mov(a, 8, M(RSI, GUARD_SIZE), R(RAX));
    enc_mov(a, 8, M(RDI, WK_STACKS), R(RSI));
    enc_unary(a, UN_INC, 8, M(RDI, WK_NSTACKS));
    enc_ret(a);
    enc_bind(a, full);
    rt_spin_lock(a, G(G_CSLOCK));
    enc_mov(a, 8, R(RAX), G(G_CSFREE));
    enc_mov(a, 8, M(RSI, GUARD_SIZE), R(RAX));
    enc_mov(a, 8, G(G_CSFREE), R(RSI));
    rt_spin_unlock(a, G(G_CSLOCK));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_trampoline: where a new task starts (rsp 16-aligned, rbp 0 so
 * backtraces end here).  Calls fn(arg), keeps the result, and leaves with
 * ACT_DONE.  The task may have moved to another worker by the time fn
 * returns, so the worker is looked up again. */
static void emit_trampoline(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_trampoline", SYM_GLOBAL);
    Asm *a = &fn.a;
    rt_load_worker(a, RAX);
    enc_mov(a, 8, R(RAX), M(RAX, WK_CUR));
    enc_mov(a, 8, R(RDI), M(RAX, T_ARG));
    enc_call_ind(a, M(RAX, T_FN));
    rt_load_worker(a, RDX);
    enc_mov(a, 8, R(RDX), M(RDX, WK_CUR));
    enc_mov(a, 8, M(RDX, T_RESULT), R(RAX));
    enc_mov(a, 4, R(RDI), I(ACT_DONE));
    enc_alu(a, ALU_XOR, 4, R(RSI), R(RSI));
    enc_call_sym(a, S("arc_rt_to_sched"));
    enc_ud2(a);
    rt_end(rt, &fn);
}

/* arc_rt_sched_loop: a worker's scheduler, on the worker's own stack, with
 * rbx = the worker block and WK_CUR = the task that just switched out (0 on
 * a new worker).  Never returns.
 *
 * After a task switches out, its registers are saved, so this is where it
 * is handed to others:
 *   ACT_YIELD  find the next task (deque, global queue, steals); if there
 *              is one, the yielded task goes to the back of the global
 *              queue, where any idle worker can take it, and a sleeping
 *              worker is woken for it; if there is none, it runs again
 *              at once (nothing else was found for it to wait behind)
 *   ACT_PARK   CAS awaited->T_WAITER 0 -> task.  If the awaited task
 *              finished in the meantime (WAIT_DONE), requeue the task now;
 *              any other value means a second await: a runtime error.
 *   ACT_WAIT   WK_ARG is a wait record: the poller files it (gen/rt/poll.c)
 *   ACT_DONE   its stack goes back to the pool; a detached task
 *              (TF_DETACHED: its handle was never given out, so no waiter
 *              and no later await can exist) goes back to the allocator;
 *              otherwise xchg T_WAITER <- WAIT_DONE publishes T_RESULT
 *              (stored before) and returns the waiter to requeue, if one
 *              parked.  Exactly one of the CAS and the xchg sees the other,
 *              so a waiter is requeued exactly once.
 * Invariant: once a TCB is published (pushed), T_WAITER is written by a
 * CAS or an xchg only (here, and arc_await's inline claim and its
 * DONE -> FREED): a plain store could overwrite a waiter that parked in
 * between, and that task would never run again.  The one exception,
 * arc_await's store of WAIT_FREED after an inline run, is made while
 * T_WAITER names the inline awaiter, which no CAS (from 0 or from
 * WAIT_DONE) matches. */
/* arc_rt_stack_fns: the scheduler loop gets and frees task stacks through
 * this table, [SF_C_GET, SF_C_PUT] for a C task's (arc_rt_stack_get/put)
 * and [SF_SEG_GET, SF_SEG_PUT] for an Arc task's first segment
 * (arc_rt_seg_get/put, stack.c), which the spawns of each kind fill in
 * (emit_spawn).  So a program only links the stacks of the tasks it can
 * start: an Arc program without arc_spawn has no C-task stacks, a C
 * program no segments.  Each pair is written once, by the first spawn of
 * its kind (a zero test first: spawns on every worker then only read the
 * line), before that task is pushed; the loop reads it only for a task it
 * took from a queue, after the push that published it. */
enum { SF_C_GET = 0, SF_C_PUT = 8, SF_SEG_GET = 16, SF_SEG_PUT = 24 };
static Opnd SF(int32_t off) { return opm(mem_rip(S("arc_rt_stack_fns"), off)); }

static void emit_sched_loop(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_sched_loop", SYM_GLOBAL);
    Asm *a = &fn.a;
    int push = S("arc_rt_push");
    int loop = enc_label(a), find = enc_label(a), run = enc_label(a), resume = enc_label(a);
    int park = enc_label(a), done = enc_label(a), twice = enc_label(a), wait = enc_label(a);

    /* entry: WK_CUR = the task that just switched out, or 0.  (Not the
     * task this loop switched to: that one may have run another inline,
     * see arc_await, and the inline one may be what switched out.) */
    enc_bind(a, loop);
    enc_mov(a, 8, R(R12), M(RBX, WK_CUR));
    enc_test(a, 8, R(R12), R(R12));
    enc_jcc(a, CC_E, find);
    enc_mov(a, 8, M(RBX, WK_CUR), I(0));
    /* a C task whose stack has no guard page: its canary (the flag is the
     * TCB's, not the header's, which an overflow overwrites first) */
    int checked = enc_label(a), overflow = enc_label(a);
    enc_test(a, 1, M(R12, T_FLAGS), I(TF_OPEN));
    enc_jcc(a, CC_E, checked);
    enc_mov(a, 8, R(RAX), M(R12, T_STACK));
    enc_alu(a, ALU_ADD, 8, R(RAX), I(GUARD_SIZE));
    enc_mov(a, 8, R(RCX), M(RAX, SG_NEXT));
    enc_alu(a, ALU_XOR, 8, R(RCX), R(RAX));
    enc_alu(a, ALU_CMP, 8, R(RCX), I(STACK_CANARY));
    enc_jcc(a, CC_NE, overflow);
    enc_bind(a, checked);
    enc_mov(a, 8, R(RAX), M(RBX, WK_ACTION));
    enc_alu(a, ALU_CMP, 4, R(RAX), I(ACT_PARK));
    enc_jcc(a, CC_E, park);
    enc_alu(a, ALU_CMP, 4, R(RAX), I(ACT_DONE));
    enc_jcc(a, CC_E, done);
    enc_alu(a, ALU_CMP, 4, R(RAX), I(ACT_WAIT));
    enc_jcc(a, CC_E, wait);
    /* ACT_YIELD: the next task first; none: resume this one */
    int other = enc_label(a);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_rt_find_work"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, other);
    enc_mov(a, 8, R(RAX), R(R12));
    enc_jmp(a, run);
    /* another task runs here: this one to the back of the global queue,
     * then wake a sleeper (arc_rt_wake's fence orders the queue stores
     * before its loads of G_NSPIN and G_NSLEEP) */
    enc_bind(a, other);
    enc_mov(a, 8, R(R13), R(RAX));
    enc_mov(a, 8, R(RDI), R(R12));
    enc_call_sym(a, S("arc_rt_gpush"));
    enc_call_sym(a, S("arc_rt_wake"));
    enc_mov(a, 8, R(RAX), R(R13));
    enc_jmp(a, run);

    enc_bind(a, wait);                        /* the poller takes it (HK_PARK) */
    enc_mov(a, 8, R(RDI), M(RBX, WK_ARG));
    enc_call_ind(a, opm(mem_rip(S("arc_rt_poll_hooks"), HK_PARK)));
    enc_jmp(a, find);

    enc_bind(a, park);
    enc_mov(a, 8, R(RDI), M(RBX, WK_ARG));
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_lock_cmpxchg(a, 8, mem_b(RDI, T_WAITER), R12);
    enc_jcc(a, CC_E, find);                   /* parked: the awaited task requeues us */
    enc_alu(a, ALU_CMP, 8, R(RAX), I(WAIT_DONE));
    enc_jcc(a, CC_NE, twice);
    enc_mov(a, 8, R(RDI), R(R12));
    enc_call_sym(a, push);
    enc_jmp(a, find);

    enc_bind(a, done);
    int cput = enc_label(a), put = enc_label(a);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_mov(a, 8, R(RSI), M(R12, T_STACK));
    enc_test(a, 1, M(R12, T_FLAGS), I(TF_SEG));
    enc_jcc(a, CC_E, cput);
    enc_call_ind(a, SF(SF_SEG_PUT));         /* its only segment left: see stack.c */
    enc_jmp(a, put);
    enc_bind(a, cput);
    enc_call_ind(a, SF(SF_C_PUT));
    enc_bind(a, put);
    int awaitable = enc_label(a);
    enc_test(a, 1, M(R12, T_FLAGS), I(TF_DETACHED));
    enc_jcc(a, CC_E, awaitable);
    enc_mov(a, 8, R(RDI), R(R12));            /* no handle: nobody waits */
    enc_call_sym(a, S("arc_free"));
    enc_jmp(a, find);
    enc_bind(a, awaitable);
    enc_mov(a, 8, R(RAX), I(WAIT_DONE));
    enc_xchg(a, 8, M(R12, T_WAITER), RAX);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, find);
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_call_sym(a, push);

    enc_bind(a, find);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_rt_find_work"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, run);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_rt_idle"));
    enc_jmp(a, find);

    enc_bind(a, run);
    enc_mov(a, 8, R(R12), R(RAX));
    enc_mov(a, 8, M(RBX, WK_CUR), R(R12));
    enc_alu(a, ALU_CMP, 8, M(R12, T_STACK), I(0));
    enc_jcc(a, CC_NE, resume);
    /* first run: a stack and a frame that "returns" into the trampoline.
     * An Arc task (TF_SEG) starts on a FIRST_SEG segment; a C task gets
     * a whole G_STACKSIZE stack with a guard page and a header above it
     * that leaves its Arc callees no budget to grow (stack.c). */
    int cstack = enc_label(a), frame = enc_label(a);
    enc_test(a, 1, M(R12, T_FLAGS), I(TF_SEG));
    enc_jcc(a, CC_E, cstack);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_mov(a, 4, R(RSI), I(FIRST_SEG));
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_call_ind(a, SF(SF_SEG_GET));         /* FIRST_SEG is within any budget */
    enc_mov(a, 8, M(RAX, SG_PREV), I(0));
    enc_mov(a, 8, M(R12, T_STACK), R(RAX));
    enc_mov(a, 8, R(RDX), R(RAX));
    enc_mov(a, 8, R(RAX), M(RAX, SG_HI));
    enc_lea(a, 8, RCX, mem_b(RDX, SG_HDR + RT_RESERVE));
    enc_jmp(a, frame);
    enc_bind(a, cstack);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_ind(a, SF(SF_C_GET));
    enc_mov(a, 8, M(R12, T_STACK), R(RAX));
    enc_lea(a, 8, RDX, mem_b(RAX, GUARD_SIZE));
    enc_mov(a, 8, M(RDX, SG_PREV), I(0));
    enc_mov(a, 8, M(RDX, SG_LO), R(RDX));
    enc_mov(a, 8, R(RCX), G(G_STACKSIZE));
    enc_mov(a, 8, M(RDX, SG_TOTAL), R(RCX));
    enc_alu(a, ALU_ADD, 8, R(RAX), R(RCX));
    enc_mov(a, 8, M(RDX, SG_HI), R(RAX));
    int fixed = enc_label(a);                 /* SG_CLASS: set by arc_rt_stack_get */
    enc_alu(a, ALU_CMP, 8, M(RDX, SG_CLASS), I(SEG_OPEN));
    enc_jcc(a, CC_NE, fixed);
    enc_alu(a, ALU_OR, 1, M(R12, T_FLAGS), I(TF_OPEN));
    enc_bind(a, fixed);
    enc_lea(a, 8, RCX, mem_b(RDX, SG_HDR + RT_RESERVE + C_SLACK));   /* C runs here: stack.c */
    enc_bind(a, frame);                       /* rax = top, rdx = header, rcx = limit */
    enc_alu(a, ALU_SUB, 8, R(RAX), I(16 + FRAME_RET + 8));
    enc_mov(a, 8, M(RAX, FRAME_RBP), I(0));
    enc_mov(a, 8, M(RAX, FRAME_SEG), R(RDX));
    enc_mov(a, 8, M(RAX, FRAME_LIMIT), R(RCX));
    enc_mov_sym32(a, RCX, S("arc_rt_trampoline"), 0);
    enc_mov(a, 8, M(RAX, FRAME_RET), R(RCX));
    enc_mov(a, 8, M(R12, T_SP), R(RAX));
    enc_bind(a, resume);
    enc_lea(a, 8, RDI, mem_b(RBX, WK_SCHED_SP));
    enc_mov(a, 8, R(RSI), M(R12, T_SP));
    enc_call_sym(a, S("arc_rt_switch"));
    enc_jmp(a, loop);

    enc_bind(a, twice);
    enc_mov(a, 8, R(RSI), M(RDI, T_ID));
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_twice", "a task was awaited twice: task", RSI);
    enc_bind(a, overflow);
    enc_mov(a, 8, R(RSI), M(R12, T_ID));
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_open_overflow",
                 "stack overflow (a C task's stack without a guard page: its canary was overwritten) in task", RSI);
    rt_end(rt, &fn);
}

/* arc_rt_start_workers(): clone workers 1..n-1 (once).  Each gets one
 * mmap: [scheduler stack | signal stack | worker block].  All signals are
 * blocked around clone so no handler runs on a half-made thread; the
 * child restores the caller's mask after setting up its signal stack
 * (through arc_rt_altstack_fn, set when the crash reporter is linked in:
 * gen/rt/signal.c).
 *
 *   clone(flags, stack = top of its scheduler stack, 0, 0, tls = block):
 *   the child returns from the syscall with rax = 0 on the new stack, with
 *   every other register as the parent had it (r15 = its block), and
 *   %fs = block (CLONE_SETTLS). */
enum { WORKER_MAP = SCHED_STACK_SIZE + ALTSTACK_SIZE + WK_SIZE };
static void emit_start_workers(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_start_workers", SYM_GLOBAL);
    Asm *a = &fn.a;
    int out = enc_label(a), loop = enc_label(a), done = enc_label(a), child = enc_label(a), ok = enc_label(a);
    int noalt = enc_label(a);
    static const Reg saved[] = {RBX, R12, R13, R14, R15};
    for (int i = 0; i < countof(saved); i++)
        enc_push(a, R(saved[i]));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(16));
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_mov(a, 4, R(RCX), I(1));
    enc_lock_cmpxchg(a, 8, mem_rip(st_sym, G_STARTED), RCX);
    enc_jcc(a, CC_NE, out);
    /* block everything; the old mask goes to G_SIGMASK for the children */
    enc_mov(a, 8, M(RSP, 0), I(-1));
    enc_mov(a, 4, R(RDI), I(K_SIG_SETMASK));
    enc_mov(a, 8, R(RSI), R(RSP));
    enc_mov_sym32(a, RDX, st_sym, G_SIGMASK);
    enc_mov(a, 4, R(R10), I(8));
    rt_sys(a, SYS_rt_sigprocmask);
    enc_mov(a, 4, R(R13), I(1));
    enc_bind(a, loop);
    enc_alu(a, ALU_CMP, 8, R(R13), G(G_NWORKERS));
    enc_jcc(a, CC_AE, done);
    enc_mov(a, 4, R(RSI), I(WORKER_MAP));
    rt_mmap_or_die(cur_rt, a, 0, "arc_rt_msg_worker_mmap", "cannot start a worker: mmap failed with errno");
    enc_mov(a, 8, R(R14), R(RAX));
    enc_lea(a, 8, R15, mem_b(RAX, SCHED_STACK_SIZE + ALTSTACK_SIZE));
    init_block(a, R15, R13);
    enc_lea(a, 8, RAX, mem_b(R14, SCHED_STACK_SIZE));
    enc_mov(a, 8, M(R15, WK_ALTSTACK), R(RAX));
    enc_mov(a, 8, M(R15, WK_ALTSIZE), I(ALTSTACK_SIZE));
    enc_mov(a, 4, R(RDI), I(K_CLONE_VM | K_CLONE_FS | K_CLONE_FILES | K_CLONE_SIGHAND |
                            K_CLONE_THREAD | K_CLONE_SYSVSEM | K_CLONE_SETTLS));
    enc_lea(a, 8, RSI, mem_b(R14, SCHED_STACK_SIZE));
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_alu(a, ALU_XOR, 4, R(R10), R(R10));
    enc_mov(a, 8, R(R8), R(R15));
    rt_sys(a, SYS_clone);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, child);
    enc_jcc(a, CC_NS, ok);
    enc_mov(a, 8, R(RSI), R(RAX));
    enc_unary(a, UN_NEG, 8, R(RSI));
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_clone", "cannot start a worker: clone failed with errno", RSI);
    enc_bind(a, ok);
    enc_unary(a, UN_INC, 8, R(R13));
    enc_jmp(a, loop);
    enc_bind(a, done);
    enc_mov(a, 4, R(RDI), I(K_SIG_SETMASK));
    enc_mov_sym32(a, RSI, st_sym, G_SIGMASK);
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_mov(a, 4, R(R10), I(8));
    rt_sys(a, SYS_rt_sigprocmask);
    enc_bind(a, out);
    enc_alu(a, ALU_ADD, 8, R(RSP), I(16));
    for (int i = countof(saved) - 1; i >= 0; i--)
        enc_pop(a, R(saved[i]));
    enc_ret(a);

    /* the child: rsp = top of its scheduler stack (16-aligned) */
    enc_bind(a, child);
    enc_mov(a, 8, R(RBX), R(R15));
    enc_alu(a, ALU_XOR, 4, R(RBP), R(RBP));
    rt_sys(a, SYS_gettid);
    enc_mov(a, 8, M(RBX, WK_TID), R(RAX));
    /* its signal stack, before any signal can arrive, if the crash
     * reporter is linked in (arc_rt_altstack_fn: gen/rt/signal.c) */
    enc_mov(a, 8, R(RAX), opm(mem_rip(S("arc_rt_altstack_fn"), 0)));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, noalt);
    enc_mov(a, 8, R(RSI), M(RBX, WK_ALTSTACK));
    enc_mov(a, 8, R(RDX), M(RBX, WK_ALTSIZE));
    enc_call_ind(a, R(RAX));
    enc_bind(a, noalt);
    enc_mov(a, 4, R(RDI), I(K_SIG_SETMASK));
    enc_mov_sym32(a, RSI, st_sym, G_SIGMASK);
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_mov(a, 4, R(R10), I(8));
    rt_sys(a, SYS_rt_sigprocmask);
    enc_jmp_sym(a, S("arc_rt_sched_loop"));
    rt_end(rt, &fn);
}

/* --- the C ABI --------------------------------------------------------- */

/* void *arc_spawn(long (*fn)(void *), void *arg): a new task, queued on
 * this worker; returns its handle.  Starts the scheduler on first use.
 * void arc_spawn_detached(fn, arg): the same with TF_DETACHED and no
 * handle: nobody can await it, so the scheduler loop frees its control
 * block when it finishes (ACT_DONE), as it does its stack.
 * C calls these: the task gets a whole stack (its code has no stack
 * checks).  Arc code calls arc_rt_spawn and arc_rt_spawn_detached, the
 * same with TF_SEG: the task starts on a small segment and grows
 * (stack.c).
 *
 * Back-pressure: a spawn that leaves this worker's deque full (RING_SLOTS
 * tasks not yet taken) yields (ACT_YIELD, as arc_yield's slow path): the
 * spawner goes behind the global queue and the worker (and any thief)
 * starts the queued tasks first.  So a loop spawning 100k tasks runs them
 * 256 at a time as it goes, and each task starts (a sleeper sets its
 * deadline) close to its spawn, instead of all of them queueing on the
 * global list until the spawner blocks.  Fork-join keeps its deque far
 * from full (LIFO, depth first) and never pays for it.  The yield is a
 * scheduling point like any other: the spawner runs again once the queue
 * it joined reaches it; no lock is held here.  Stack: this frame (32
 * bytes), arc_rt_to_sched and arc_rt_switch's frame (80): within
 * RT_RESERVE. */
enum { SPAWN_YIELD = RING_SLOTS / 2 };
static void emit_spawn(Rt *rt, const char *name, int flags)
{
    RtFn fn;
    rt_begin(rt, &fn, name, SYM_GLOBAL);
    Asm *a = &fn.a;
    int ready = enc_label(a), out = enc_label(a);
    enc_push(a, R(RBX));
    enc_push(a, R(R12));
    enc_push(a, R(R13));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_mov(a, 8, R(R12), R(RSI));
    enc_alu(a, ALU_CMP, 1, G(G_INIT), I(0));
    enc_jcc(a, CC_NE, ready);
    enc_call_sym(a, S("arc_rt_init"));
    enc_bind(a, ready);
    int have = enc_label(a), off = flags & TF_SEG ? SF_SEG_GET : SF_C_GET;
    enc_alu(a, ALU_CMP, 8, SF(off), I(0));
    enc_jcc(a, CC_NE, have);
    enc_mov_sym32(a, RAX, S(flags & TF_SEG ? "arc_rt_seg_get" : "arc_rt_stack_get"), 0);
    enc_mov(a, 8, SF(off), R(RAX));
    enc_mov_sym32(a, RAX, S(flags & TF_SEG ? "arc_rt_seg_put" : "arc_rt_stack_put"), 0);
    enc_mov(a, 8, SF(off + 8), R(RAX));
    enc_bind(a, have);
    enc_call_sym(a, S("arc_rt_tcb_alloc"));
    enc_mov(a, 8, R(R13), R(RAX));
    enc_mov(a, 8, M(R13, T_FN), R(RBX));
    enc_mov(a, 8, M(R13, T_ARG), R(R12));
    if (flags)
        enc_mov(a, 8, M(R13, T_FLAGS), I(flags));
    /* the next id: lock xadd, or a plain add with one configured worker
     * (rt.h, G_NWORKERS: no other thread spawns) */
    int plain = enc_label(a), counted = enc_label(a);
    enc_alu(a, ALU_CMP, 8, G(G_NWORKERS), I(1));
    enc_jcc(a, CC_E, plain);
    enc_mov(a, 4, R(RAX), I(1));
    enc_lock_xadd(a, 8, mem_rip(st_sym, G_NEXTID), RAX);
    enc_jmp(a, counted);
    enc_bind(a, plain);
    enc_mov(a, 8, R(RAX), G(G_NEXTID));
    enc_unary(a, UN_INC, 8, G(G_NEXTID));
    enc_bind(a, counted);
    enc_mov(a, 8, M(R13, T_ID), R(RAX));
    enc_mov(a, 8, R(RDI), R(R13));
    enc_call_sym(a, S("arc_rt_push"));
    rt_load_worker(a, RDI);
    enc_mov(a, 8, R(RAX), M(RDI, WK_BOTTOM));
    enc_alu(a, ALU_SUB, 8, R(RAX), M(RDI, WK_TOP));
    enc_alu(a, ALU_CMP, 8, R(RAX), I(SPAWN_YIELD));
    enc_jcc(a, CC_L, out);
    enc_mov(a, 4, R(RDI), I(ACT_YIELD));
    enc_alu(a, ALU_XOR, 4, R(RSI), R(RSI));
    enc_call_sym(a, S("arc_rt_to_sched"));
    enc_bind(a, out);
    enc_mov(a, 8, R(RAX), R(R13));
    enc_pop(a, R(R13));
    enc_pop(a, R(R12));
    enc_pop(a, R(RBX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* long arc_await(void *task): its result.  Parks the calling task (never
 * the worker) until the task is done; the TCB is then freed, and a second
 * await of the same handle is reported (until the TCB is reused), as is
 * an await of a null handle.
 *
 * Fast path: a task that has not started and still sits at the bottom of
 * this worker's deque is taken back (arc_rt_pop: the CAS settles a race
 * with a thief) and run right here, on the awaiter's stack, as a plain
 * call, if the stack has room for it (see below; an await chain would
 * otherwise nest without bound).  WK_CUR names it while it runs (task
 * ids, crash reports), and its T_STACK is the awaiter's (non-0: the
 * scheduler resumes it where it stopped, awaiter frames and all, if it
 * parks; and the crash reporter finds the right guard page).  Its
 * T_WAITER names the awaiter, set by a CAS from 0 after the pop (a task
 * on another worker may have parked on it since T_WAITER was read: then
 * this await is the second), so another task's await of it is reported
 * as a second await instead of parking forever.  The awaiter is in no
 * queue and no waiter list meanwhile, so nothing else can resume it.  An
 * inline task never reaches ACT_DONE: it returns here. */
static void emit_await(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_await", SYM_GLOBAL);
    Asm *a = &fn.a;
    int ready = enc_label(a), twice = enc_label(a), park = enc_label(a), free = enc_label(a);
    int putback = enc_label(a), null = enc_label(a);
    /* a frame-pointer frame: an inline task runs under this one, and a
     * crash report's backtrace walks through it to the awaiter */
    enc_push(a, R(RBP));
    enc_mov(a, 8, R(RBP), R(RSP));
    enc_push(a, R(RBX));
    enc_push(a, R(R12));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_test(a, 8, R(RBX), R(RBX));
    enc_jcc(a, CC_E, null);
    enc_mov(a, 8, R(RAX), M(RBX, T_WAITER));
    enc_alu(a, ALU_CMP, 8, R(RAX), I(WAIT_DONE));
    enc_jcc(a, CC_E, ready);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, twice);
    /* inline: not started, and ring[bottom - 1] is this task */
    enc_alu(a, ALU_CMP, 8, M(RBX, T_STACK), I(0));
    enc_jcc(a, CC_NE, park);
    rt_load_worker(a, RDI);
    /* Room for it?  An Arc task (TF_SEG) checks its own frames and grows
     * this stack by segments: inline it while this stack's chain has used
     * at most half of the budget (so an await chain ends up spread over
     * stacks, each within budget).  A C task has no checks: inline it
     * only with INLINE_RESERVE bytes above this stack's limit. */
    int cfn = enc_label(a), room = enc_label(a);
    enc_test(a, 1, M(RBX, T_FLAGS), I(TF_SEG));
    enc_jcc(a, CC_E, cfn);
    enc_mov(a, 8, R(RAX), M(RDI, WK_SEG));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, park);
    enc_mov(a, 8, R(RAX), M(RAX, SG_TOTAL));
    enc_alu(a, ALU_ADD, 8, R(RAX), R(RAX));
    enc_alu(a, ALU_CMP, 8, R(RAX), G(G_STACKSIZE));
    enc_jcc(a, CC_A, park);
    enc_jmp(a, room);
    enc_bind(a, cfn);
    enc_mov(a, 8, R(RAX), M(RDI, WK_LIMIT));
    enc_alu(a, ALU_ADD, 8, R(RAX), I(INLINE_RESERVE));
    enc_alu(a, ALU_CMP, 8, R(RSP), R(RAX));
    enc_jcc(a, CC_BE, park);
    enc_bind(a, room);
    enc_mov(a, 8, R(RAX), M(RDI, WK_BOTTOM));
    enc_unary(a, UN_DEC, 4, R(RAX));
    enc_alu(a, ALU_AND, 4, R(RAX), I(RING_SLOTS - 1));
    enc_alu(a, ALU_CMP, 8, opm(mem_bis(RDI, RAX, 8, WK_RING)), R(RBX));
    enc_jcc(a, CC_NE, park);
    enc_call_sym(a, S("arc_rt_pop"));        /* rdi = worker */
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, park);                   /* a thief took it */
    enc_alu(a, ALU_CMP, 8, R(RAX), R(RBX));
    enc_jcc(a, CC_NE, putback);
    rt_load_worker(a, RDI);
    enc_mov(a, 8, R(R12), M(RDI, WK_CUR));
    /* Taken from the deque; now the await: CAS T_WAITER 0 -> awaiter.
     * Not a plain store: T_WAITER was read as 0 above, but a task on
     * another worker may have parked on this one since (the scheduler
     * loop's ACT_PARK CAS), and a store would drop that waiter: parked
     * for good, both workers asleep, the process hung (a lost waiter,
     * not a lost wake-up).  A failed CAS means that task's await came
     * first and this one is the second: the runtime error.  (The task
     * left the deque, but the process ends there.) */
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_lock_cmpxchg(a, 8, mem_b(RBX, T_WAITER), R12);
    enc_jcc(a, CC_NE, twice);
    enc_mov(a, 8, M(RDI, WK_CUR), R(RBX));
    enc_mov(a, 8, R(RAX), M(R12, T_STACK));   /* it runs on our stack */
    enc_mov(a, 8, M(RBX, T_STACK), R(RAX));
    enc_mov(a, 8, R(RDI), M(RBX, T_ARG));
    enc_call_ind(a, M(RBX, T_FN));
    rt_load_worker(a, RDI);                   /* maybe another worker now */
    enc_mov(a, 8, M(RDI, WK_CUR), R(R12));
    enc_mov(a, 8, M(RBX, T_WAITER), I(WAIT_FREED));
    enc_jmp(a, free);
    enc_bind(a, putback);                     /* not ours after all: requeue it */
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_call_sym(a, S("arc_rt_push"));
    enc_bind(a, park);
    enc_mov(a, 4, R(RDI), I(ACT_PARK));
    enc_mov(a, 8, R(RSI), R(RBX));
    enc_call_sym(a, S("arc_rt_to_sched"));
    /* Done: claim the result, WAIT_DONE -> WAIT_FREED in one CAS.  Two
     * tasks awaiting one finished task both get here; the loser sees
     * WAIT_FREED and reports the second await (the winner may have freed
     * the TCB already: T_ID survives a free, rt.h). */
    enc_bind(a, ready);
    enc_mov(a, 8, R(R12), M(RBX, T_RESULT));
    enc_mov(a, 4, R(RAX), I(WAIT_DONE));
    enc_mov(a, 4, R(RCX), I(WAIT_FREED));
    enc_lock_cmpxchg(a, 8, mem_b(RBX, T_WAITER), RCX);
    enc_jcc(a, CC_NE, twice);
    enc_mov(a, 8, R(RAX), R(R12));
    enc_bind(a, free);
    enc_mov(a, 8, R(R12), R(RAX));
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_free"));
    enc_mov(a, 8, R(RAX), R(R12));
    enc_pop(a, R(R12));
    enc_pop(a, R(RBX));
    enc_pop(a, R(RBP));
    enc_ret(a);
    enc_bind(a, twice);
    enc_mov(a, 8, R(RSI), M(RBX, T_ID));
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_twice", "a task was awaited twice: task", RSI);
    enc_bind(a, null);
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_null_await", "await of a null task handle", NOREG);
    rt_end(rt, &fn);
}

/* void arc_yield(void): let the other tasks run (a no-op before the
 * scheduler starts: there are none).
 *
 * Slow path: arc_rt_to_sched(ACT_YIELD); the scheduler loop looks for the
 * next task (the deque first, then the global queue, then steals) and, if
 * it finds one, puts this task at the back of the global queue and wakes a
 * sleeping worker, so a yielded task never waits for this worker (busy
 * with a task that may never yield) while another worker idles.
 *
 * When this worker's deque and the global queue are empty and no other
 * deque has work to steal (arc_rt_any_work), there is nothing to let run:
 * return at once.
 *
 * Fast path, when this worker's deque is empty and the global queue's head
 * is a task that has run before (and the yielding task is not TF_OPEN,
 * whose canary the loop checks): swap the two under the queue lock (take
 * the head, append this task) and switch straight to the head, without the
 * round trip through the loop.  Ownership and order:
 *   - This task's registers are pushed and its T_SP stored before it is
 *     appended, and the lock is released only after rsp has moved to the
 *     head's stack: from the unlock on (a plain store: TSO keeps it after
 *     the T_SP and list stores), another worker may pop this task and
 *     resume it, and by then nothing here touches its stack.
 *   - The queue's length (G_GLEN) does not change and it is never empty
 *     in between, so no wake-up is owed: a worker that went to sleep saw
 *     it empty after announcing, and whoever made it non-empty since then
 *     went through arc_rt_wake (gpush, then the fence, then G_NSLEEP).
 *   - Before the other workers are started (G_STARTED == 0; always on one
 *     worker) this thread is the only one: the lock is skipped, so a yield
 *     on one worker costs no atomic instruction.  G_STARTED only changes
 *     from 0 to 1, on this same thread (arc_rt_start_workers runs on
 *     worker 0 until the first clone).
 *   - The head's T_STACK is checked under the lock: a task that never ran
 *     (a spawn overflowed to the queue) needs the loop to get a stack. */
static void emit_small_abi(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_yield", SYM_GLOBAL);
    Asm *a = &fn.a;
    int none = enc_label(a), slow = enc_label(a), unlock_slow = enc_label(a), locked = enc_label(a);
    int rest = enc_label(a), first = enc_label(a), tail = enc_label(a), queued = enc_label(a);
    enc_alu(a, ALU_CMP, 1, G(G_INIT), I(0));
    enc_jcc(a, CC_E, none);
    rt_load_worker(a, R8);
    enc_mov(a, 8, R(RDX), M(R8, WK_CUR));
    enc_test(a, 1, M(RDX, T_FLAGS), I(TF_OPEN));
    enc_jcc(a, CC_NE, slow);                  /* its canary is checked in the loop */
    enc_mov(a, 8, R(RDX), M(R8, WK_BOTTOM));
    enc_alu(a, ALU_CMP, 8, R(RDX), M(R8, WK_TOP));
    enc_jcc(a, CC_G, slow);                   /* the deque has work: the loop runs it first */
    enc_alu(a, ALU_CMP, 8, G(G_GLEN), I(0));
    enc_jcc(a, CC_NE, queued);
    /* nothing queued: any other deque to steal from?  If not, there is
     * nothing to let run, and this task goes on (as the loop would do) */
    enc_call_sym(a, S("arc_rt_any_work"));    /* rax, rcx, rdx only */
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, slow);
    enc_ret(a);
    enc_bind(a, queued);                      /* (a hint; checked under the lock) */
    enc_alu(a, ALU_CMP, 8, G(G_STARTED), I(0));
    enc_jcc(a, CC_E, locked);                 /* one thread: no lock needed */
    lock_global(a);
    enc_bind(a, locked);
    enc_mov(a, 8, R(RCX), G(G_GHEAD));        /* rcx = next task */
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_E, unlock_slow);
    enc_alu(a, ALU_CMP, 8, M(RCX, T_STACK), I(0));
    enc_jcc(a, CC_E, unlock_slow);
    enc_mov(a, 8, R(RDX), M(RCX, T_NEXT));    /* unlink the head */
    enc_mov(a, 8, G(G_GHEAD), R(RDX));
    enc_test(a, 8, R(RDX), R(RDX));
    enc_jcc(a, CC_NE, rest);
    enc_mov(a, 8, G(G_GTAIL), R(RDX));
    enc_bind(a, rest);
    frame_save(a);
    enc_mov(a, 8, R(RSI), M(R8, WK_CUR));     /* rsi = this task: saved, to the back */
    enc_mov(a, 8, M(RSI, T_SP), R(RSP));
    enc_mov(a, 8, M(RSI, T_NEXT), I(0));
    enc_mov(a, 8, R(RDX), G(G_GTAIL));
    enc_test(a, 8, R(RDX), R(RDX));
    enc_jcc(a, CC_E, first);
    enc_mov(a, 8, M(RDX, T_NEXT), R(RSI));
    enc_jmp(a, tail);
    enc_bind(a, first);
    enc_mov(a, 8, G(G_GHEAD), R(RSI));
    enc_bind(a, tail);
    enc_mov(a, 8, G(G_GTAIL), R(RSI));
    enc_mov(a, 8, M(R8, WK_CUR), R(RCX));
    enc_mov(a, 8, R(RSP), M(RCX, T_SP));      /* off this task's stack ... */
    unlock_global(a);                         /* ... before it can be taken */
    frame_resume(a);
    enc_bind(a, unlock_slow);
    unlock_global(a);
    enc_bind(a, slow);
    enc_mov(a, 4, R(RDI), I(ACT_YIELD));
    enc_alu(a, ALU_XOR, 4, R(RSI), R(RSI));
    enc_jmp_sym(a, S("arc_rt_to_sched"));
    enc_bind(a, none);
    enc_ret(a);
    rt_end(rt, &fn);

    /* long arc_task_id(void): 1 for main */
    rt_begin(rt, &fn, "arc_task_id", SYM_GLOBAL);
    a = &fn.a;
    none = enc_label(a);
    enc_mov(a, 4, R(RAX), I(1));
    enc_alu(a, ALU_CMP, 1, G(G_INIT), I(0));
    enc_jcc(a, CC_E, none);
    rt_load_worker(a, RAX);
    enc_mov(a, 8, R(RAX), M(RAX, WK_CUR));
    enc_mov(a, 8, R(RAX), M(RAX, T_ID));
    enc_bind(a, none);
    enc_ret(a);
    rt_end(rt, &fn);

    /* long arc_worker_id(void): 0 for the initial thread */
    rt_begin(rt, &fn, "arc_worker_id", SYM_GLOBAL);
    a = &fn.a;
    none = enc_label(a);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_alu(a, ALU_CMP, 1, G(G_INIT), I(0));
    enc_jcc(a, CC_E, none);
    rt_load_worker(a, RAX);
    enc_mov(a, 8, R(RAX), M(RAX, WK_ID));
    enc_bind(a, none);
    enc_ret(a);
    rt_end(rt, &fn);

    /* long arc_worker_count(void): starts the scheduler to know it */
    rt_begin(rt, &fn, "arc_worker_count", SYM_GLOBAL);
    a = &fn.a;
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    enc_call_sym(a, S("arc_rt_init"));
    enc_alu(a, ALU_ADD, 8, R(RSP), I(8));
    enc_mov(a, 8, R(RAX), G(G_NWORKERS));
    enc_ret(a);
    rt_end(rt, &fn);
}

void rt_emit_sched(Rt *rt)
{
    cur_rt = rt;
    st_sym = rt_bss(rt, "arc_rt_sched", G_SIZE, 64, SYM_GLOBAL);
    emit_switch(rt);
    emit_to_sched(rt);
    emit_fatal(rt);
    emit_null_call(rt);
    emit_process(rt);
    emit_index_fail(rt);
    rt_emit_config(rt);
    emit_init(rt);
    emit_tcb_alloc(rt);
    emit_gpush(rt);
    emit_gpop(rt);
    emit_push(rt);
    emit_pop(rt);
    emit_steal(rt);
    emit_any_work(rt);
    emit_wake(rt);
    emit_idle(rt);
    emit_find_work(rt);
    emit_stacks(rt);
    emit_trampoline(rt);
    rt_bss(rt, "arc_rt_stack_fns", 64, 64, SYM_LOCAL);   /* a line of its own */
    emit_sched_loop(rt);
    emit_start_workers(rt);
    emit_spawn(rt, "arc_spawn", 0);
    emit_spawn(rt, "arc_spawn_detached", TF_DETACHED);
    emit_spawn(rt, "arc_rt_spawn", TF_SEG);
    emit_spawn(rt, "arc_rt_spawn_detached", TF_SEG | TF_DETACHED);
    emit_await(rt);
    emit_small_abi(rt);
}
