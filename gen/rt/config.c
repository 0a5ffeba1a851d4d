/* config.c: the scheduler's start-up configuration from the environment.
 *
 * Needs: arc_rt_proc's envp (start.c's capture), arc_rt_fatal and the
 * global state arc_rt_sched (sched.c).  Produces: arc_rt_getenv,
 * arc_rt_parse_u64 and arc_rt_config, which arc_rt_init calls once:
 *   ARC_WORKERS     G_NWORKERS, 1..MAX_WORKERS (default: the CPUs in
 *                   sched_getaffinity)
 *   ARC_STACK_SIZE  G_STACKSIZE, bytes with k/m/g, 16k..1g (default
 *                   DEFAULT_STACK_SIZE)
 *   ARC_STEAL_SEED  G_SEED
 * A bad value is a start-up error: its message and exit status 2. */
#include "gen/rt/rt.h"

static Rt *cur_rt;
static int st_sym;     /* arc_rt_sched: global state (G_*) */

static Opnd G(int32_t off) { return opm(mem_rip(st_sym, off)); }

/* arc_rt_getenv(rdi = "NAME=") -> rax = pointer to the value, or 0. */
static void emit_getenv(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_getenv", SYM_GLOBAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    int proc = S("arc_rt_proc");
    int next = enc_label(a), cmp = enc_label(a), none = enc_label(a), found = enc_label(a);
    enc_mov(a, 8, R(R8), opm(mem_rip(proc, P_ENVP)));
    enc_test(a, 8, R(R8), R(R8));
    enc_jcc(a, CC_E, none);
    enc_bind(a, next);
    enc_mov(a, 8, R(RSI), M(R8, 0));          /* rsi = envp[i] */
    enc_test(a, 8, R(RSI), R(RSI));
    enc_jcc(a, CC_E, none);
    enc_alu(a, ALU_ADD, 8, R(R8), I(8));
    enc_mov(a, 8, R(RDX), R(RDI));            /* rdx walks the name */
    enc_bind(a, cmp);
    enc_movzx(a, 4, RCX, 1, M(RDX, 0));
    enc_test(a, 4, R(RCX), R(RCX));
    enc_jcc(a, CC_E, found);                  /* whole "NAME=" matched */
    enc_alu(a, ALU_CMP, 1, M(RSI, 0), R(RCX));
    enc_jcc(a, CC_NE, next);
    enc_unary(a, UN_INC, 8, R(RDX));
    enc_unary(a, UN_INC, 8, R(RSI));
    enc_jmp(a, cmp);
    enc_bind(a, found);
    enc_mov(a, 8, R(RAX), R(RSI));
    enc_ret(a);
    enc_bind(a, none);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* Runtime errors the compiled code raises; each ends in arc_rt_fatal with
 * FATAL_BACKTRACE.  They keep a frame (push rbp) so that the frame walk
 * goes through them to the Arc function that failed. */

/* arc_rt_parse_u64(rdi = decimal string) -> rax = value, or -1 if it is
 * empty, has a non-digit, or exceeds 2^40 (far above any sane setting).
 * One last k, m or g (either case) multiplies by 2^10, 2^20 or 2^30. */
static void emit_parse(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_parse_u64", SYM_GLOBAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    int loop = enc_label(a), bad = enc_label(a), end = enc_label(a), suffix = enc_label(a);
    int scale = enc_label(a);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_alu(a, ALU_CMP, 1, M(RDI, 0), I(0));
    enc_jcc(a, CC_E, bad);
    enc_bind(a, loop);
    enc_movzx(a, 4, RCX, 1, M(RDI, 0));
    enc_test(a, 4, R(RCX), R(RCX));
    enc_jcc(a, CC_E, end);
    enc_alu(a, ALU_SUB, 4, R(RCX), I('0'));
    enc_alu(a, ALU_CMP, 4, R(RCX), I(9));
    enc_jcc(a, CC_A, suffix);
    enc_imul3(a, 8, RAX, R(RAX), 10);
    enc_alu(a, ALU_ADD, 8, R(RAX), R(RCX));
    enc_movabs(a, RDX, (uint64_t)1 << 40);
    enc_alu(a, ALU_CMP, 8, R(RAX), R(RDX));
    enc_jcc(a, CC_A, bad);
    enc_unary(a, UN_INC, 8, R(RDI));
    enc_jmp(a, loop);
    enc_bind(a, suffix);
    enc_alu(a, ALU_CMP, 1, M(RDI, 1), I(0));
    enc_jcc(a, CC_NE, bad);
    enc_movzx(a, 4, RDX, 1, M(RDI, 0));
    enc_alu(a, ALU_OR, 4, R(RDX), I(0x20));   /* lower case */
    enc_mov(a, 4, R(RCX), I(10));
    enc_alu(a, ALU_CMP, 4, R(RDX), I('k'));
    enc_jcc(a, CC_E, scale);
    enc_mov(a, 4, R(RCX), I(20));
    enc_alu(a, ALU_CMP, 4, R(RDX), I('m'));
    enc_jcc(a, CC_E, scale);
    enc_mov(a, 4, R(RCX), I(30));
    enc_alu(a, ALU_CMP, 4, R(RDX), I('g'));
    enc_jcc(a, CC_NE, bad);
    enc_bind(a, scale);
    enc_movabs(a, RDX, (uint64_t)1 << 40);
    enc_shift(a, SH_SHR, 8, R(RDX), R(RCX));
    enc_alu(a, ALU_CMP, 8, R(RAX), R(RDX));
    enc_jcc(a, CC_A, bad);
    enc_shift(a, SH_SHL, 8, R(RAX), R(RCX));
    enc_ret(a);
    enc_bind(a, bad);
    enc_mov(a, 8, R(RAX), I(-1));
    enc_bind(a, end);
    enc_ret(a);
    rt_end(rt, &fn);
}

/* rax = arc_rt_parse_u64 of the environment variable whose "NAME=" is
 * the .rodata symbol name; to label unset when it is not set. */
static void env_number(Asm *a, int name, int unset)
{
    enc_mov_sym32(a, RDI, name, 0);
    enc_call_sym(a, S("arc_rt_getenv"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, unset);
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_call_sym(a, S("arc_rt_parse_u64"));
}

/* arc_rt_config(): G_NWORKERS from ARC_WORKERS (1..MAX_WORKERS) or the
 * CPUs in sched_getaffinity; G_STACKSIZE from ARC_STACK_SIZE (bytes, or
 * with a k/m/g suffix, 16 KiB .. 1 GiB, rounded up to pages) or
 * DEFAULT_STACK_SIZE: a task's stack budget (stack.c); G_SEED
 * from ARC_STEAL_SEED.  A bad value is a start-up error (exit 2). */
static void emit_config(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_config", SYM_GLOBAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    static const char workers[] = "ARC_WORKERS=", seed[] = "ARC_STEAL_SEED=";
    int sw = rt_rodata(rt, "arc_rt_env_workers", workers, sizeof workers, 1, SYM_LOCAL);
    int sd = rt_rodata(rt, "arc_rt_env_seed", seed, sizeof seed, 1, SYM_LOCAL);
    int cpus = enc_label(a), have_workers = enc_label(a), bad_workers = enc_label(a);
    int count = enc_label(a), counted = enc_label(a), seeded = enc_label(a);

    enc_push(a, R(RBX));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(128));   /* affinity mask buffer; rsp stays 16-aligned */

    env_number(a, sw, cpus);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(1));
    enc_jcc(a, CC_L, bad_workers);            /* also catches -1 */
    enc_alu(a, ALU_CMP, 8, R(RAX), I(MAX_WORKERS));
    enc_jcc(a, CC_G, bad_workers);
    enc_jmp(a, have_workers);

    /* CPUs this process may run on: popcount of the affinity mask */
    enc_bind(a, cpus);
    enc_alu(a, ALU_XOR, 4, R(RDI), R(RDI));
    enc_mov(a, 4, R(RSI), I(128));
    enc_mov(a, 8, R(RDX), R(RSP));
    rt_sys(a, SYS_sched_getaffinity);
    enc_mov(a, 8, R(RCX), R(RAX));            /* bytes written, or -errno */
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_LE, counted);
    enc_bind(a, count);                       /* for each byte, add its set bits */
    enc_unary(a, UN_DEC, 8, R(RCX));
    enc_movzx(a, 4, RDX, 1, opm(mem_bis(RSP, RCX, 1, 0)));
    int bits = enc_label(a), bits_done = enc_label(a);
    enc_bind(a, bits);
    enc_test(a, 4, R(RDX), R(RDX));
    enc_jcc(a, CC_E, bits_done);
    enc_lea(a, 4, RBX, mem_b(RDX, -1));
    enc_alu(a, ALU_AND, 4, R(RDX), R(RBX));   /* clear the lowest set bit */
    enc_unary(a, UN_INC, 4, R(RAX));
    enc_jmp(a, bits);
    enc_bind(a, bits_done);
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_NE, count);
    enc_bind(a, counted);
    enc_mov(a, 4, R(RCX), I(1));
    enc_alu(a, ALU_CMP, 8, R(RAX), I(1));
    enc_cmovcc(a, CC_L, 8, RAX, R(RCX));
    enc_mov(a, 4, R(RCX), I(MAX_WORKERS));
    enc_alu(a, ALU_CMP, 8, R(RAX), R(RCX));
    enc_cmovcc(a, CC_G, 8, RAX, R(RCX));
    enc_bind(a, have_workers);
    enc_mov(a, 8, G(G_NWORKERS), R(RAX));

    enc_call_sym(a, S("arc_rt_config_stack"));

    enc_movabs(a, RAX, 0x9E3779B97F4A7C15ull);
    enc_mov(a, 8, G(G_SEED), R(RAX));
    env_number(a, sd, seeded);
    enc_alu(a, ALU_XOR, 8, G(G_SEED), R(RAX));
    enc_bind(a, seeded);

    enc_alu(a, ALU_ADD, 8, R(RSP), I(128));
    enc_pop(a, R(RBX));
    enc_ret(a);

    enc_bind(a, bad_workers);
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_workers", "ARC_WORKERS must be a number from 1 to 256", NOREG);
    rt_end(rt, &fn);

    /* arc_rt_config_stack(): G_STACKSIZE alone.  Also run by stack.c's
     * start-up hook: main's stack growth needs the budget before main. */
    rt_begin(rt, &fn, "arc_rt_config_stack", SYM_GLOBAL);
    fn.cold = 1;
    a = &fn.a;
    static const char stack[] = "ARC_STACK_SIZE=";
    int ss = rt_rodata(rt, "arc_rt_env_stack", stack, sizeof stack, 1, SYM_LOCAL);
    int stack_default = enc_label(a), have_stack = enc_label(a), bad_stack = enc_label(a);
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    env_number(a, ss, stack_default);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(16 * 1024));
    enc_jcc(a, CC_L, bad_stack);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(1 << 30));
    enc_jcc(a, CC_G, bad_stack);
    enc_alu(a, ALU_ADD, 8, R(RAX), I(4095));
    enc_alu(a, ALU_AND, 8, R(RAX), I(-4096));
    enc_jmp(a, have_stack);
    enc_bind(a, stack_default);
    enc_mov(a, 4, R(RAX), I(DEFAULT_STACK_SIZE));
    enc_bind(a, have_stack);
    enc_mov(a, 8, G(G_STACKSIZE), R(RAX));
    enc_alu(a, ALU_ADD, 8, R(RSP), I(8));
    enc_ret(a);
    enc_bind(a, bad_stack);
    rt_fatal_msg(cur_rt, a, "arc_rt_msg_stack", "ARC_STACK_SIZE must be a number of bytes (k, m, g: KiB, MiB, GiB) from 16k to 1g", NOREG);
    rt_end(rt, &fn);
}

void rt_emit_config(Rt *rt)
{
    cur_rt = rt;
    st_sym = rt_sym(rt, "arc_rt_sched");
    emit_getenv(rt);
    emit_parse(rt);
    emit_config(rt);
}
