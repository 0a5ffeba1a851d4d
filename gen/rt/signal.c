/* signal.c: the crash reporter (SIGSEGV, SIGBUS, SIGILL, SIGFPE).
 *
 * Needs: _start's arc_rt_proc (argv bounds the main stack, auxv gives
 * AT_MINSIGSTKSZ), the scheduler's arc_rt_sched and worker blocks when
 * sched.c is part of the image, and the function table the link step puts
 * between arc_functab_start and arc_functab_end (linker/functab.c writes
 * it; linker/arc.ld defines the two symbols, equal when there is none).
 * Produces:
 *
 *   arc_rt_signal_init()        C ABI: install the handler for every row of
 *                               the policy table, then the calling thread's
 *                               altstack (arc_rt_altstack_init(0))
 *   arc_rt_altstack_init(blk)   sigaltstack for the calling thread: the
 *                               worker block's WK_ALTSTACK/WK_ALTSIZE area,
 *                               else .bss arc_rt_altstack; mmaps a bigger
 *                               one if AT_MINSIGSTKSZ asks for more.
 *                               Returns 0 or -errno
 *   arc_rt_sigreturn            the SA_RESTORER trampoline
 *   arc_rt_crash(sig, si, uc)   the handler: report on fd 2, then die by sig
 *
 * The handler runs on the altstack and does only async-signal-safe work:
 * raw syscalls, a buffer in its own frame, range-checked reads.  Before
 * anything else it puts SIG_DFL back for every reporter signal (and all of
 * them are blocked while it runs), so a fault inside the handler kills the
 * process instead of looping.  It ends with tgkill(getpid, gettid, sig)
 * and unblocking sig: the process dies by the signal (status 128+sig).
 *
 * The report, one item per line:
 *
 *   arc: fatal signal SIGSEGV (address not mapped) at address 0x0
 *     pc  0x401234  crash_null+0x14
 *     sp  0x7ffc5a3e0f10  task 1 (main) on worker 0
 *     rax 0x0000000000000000  rbx ...            (16 registers, rip, eflags)
 *   backtrace:
 *     #0 0x401234 crash_null+0x14
 *     #1 0x4010f5 main+0x15
 *
 * "(stack overflow) in task N" replaces the si_code cause when the fault is
 * arc_rt_stack_overflow's (a prologue check found no room left in the
 * stack budget: gen/rt/stack.c), when the fault address lies in a C
 * task's guard page, or for the main task (on the process stack) within
 * 64 KiB below its sp.
 *
 * The backtrace follows frame pointers across stack segments: a frame
 * whose return address is arc_rt_lessstack is the first of its segment;
 * its real return address and the previous segment come from the
 * segment's header (WK_SEG names the current one). */
#include <stdio.h>
#include <string.h>

#include "gen/rt/rt.h"

/* The policy table: one row per signal the reporter handles, with what
 * each si_code means for it.  ANY_SIGNAL rows apply to every signal. */
enum { ANY_SIGNAL = 0, MAX_CAUSES = 9 };
static const struct {
    int signo;
    const char *name;
    struct {
        int code;
        const char *cause;
    } causes[MAX_CAUSES];
} policy[] = {
    {K_SIGSEGV, "SIGSEGV",
     {{K_SEGV_MAPERR, "address not mapped"},
      {K_SEGV_ACCERR, "invalid permissions"},
      {K_SEGV_BNDERR, "failed address bound checks"},
      {K_SEGV_PKUERR, "failed protection key checks"},
      /* #GP: a non-canonical address, or a privileged instruction */
      {K_SI_KERNEL, "general protection fault"}}},
    {K_SIGBUS, "SIGBUS",
     {{K_BUS_ADRALN, "bus error: invalid address alignment"},
      {K_BUS_ADRERR, "bus error: nonexistent physical address"},
      {K_BUS_OBJERR, "bus error: object-specific hardware error"},
      {K_BUS_MCEERR_AR, "bus error: hardware memory error consumed"},
      {K_BUS_MCEERR_AO, "bus error: hardware memory error detected"}}},
    {K_SIGILL, "SIGILL",
     {{K_ILL_ILLOPC, "illegal opcode"},
      /* x86 Linux (and qemu) report every #UD, ud2 included, as ILLOPN */
      {K_ILL_ILLOPN, "invalid opcode"},
      {K_ILL_ILLADR, "illegal addressing mode"},
      {K_ILL_ILLTRP, "illegal trap"},
      {K_ILL_PRVOPC, "privileged opcode"},
      {K_ILL_PRVREG, "privileged register"},
      {K_ILL_COPROC, "coprocessor error"},
      {K_ILL_BADSTK, "internal stack error"}}},
    {K_SIGFPE, "SIGFPE",
     {{K_FPE_INTDIV, "integer divide by zero"},
      {K_FPE_INTOVF, "integer overflow"},
      {K_FPE_FLTDIV, "floating-point divide by zero"},
      {K_FPE_FLTOVF, "floating-point overflow"},
      {K_FPE_FLTUND, "floating-point underflow"},
      {K_FPE_FLTRES, "floating-point inexact result"},
      {K_FPE_FLTINV, "floating-point invalid operation"},
      {K_FPE_FLTSUB, "subscript out of range"}}},
    {ANY_SIGNAL, NULL,
     {{K_SI_USER, "sent by kill"},
      {K_SI_TKILL, "sent by tkill"},
      {K_SI_QUEUE, "sent by sigqueue"},
      {K_SI_KERNEL, "sent by the kernel"}}},
};

/* The registers of the report, REGS_PER_LINE to a line, from the
 * ucontext (.rodata arc_rt_crash_regs: u32 offset, u32 label in the text
 * pool, per register). */
enum { REGS_PER_LINE = 4 };
#define SC(r) (UOFF(ucontext, mcontext) + UOFF(sigcontext, r))
static const struct {
    const char *name;
    int off;
} regs[] = {
    {"rax", SC(rax)}, {"rbx", SC(rbx)}, {"rcx", SC(rcx)}, {"rdx", SC(rdx)},
    {"rsi", SC(rsi)}, {"rdi", SC(rdi)}, {"rbp", SC(rbp)}, {"rsp", SC(rsp)},
    {"r8 ", SC(r8)},  {"r9 ", SC(r9)},  {"r10", SC(r10)}, {"r11", SC(r11)},
    {"r12", SC(r12)}, {"r13", SC(r13)}, {"r14", SC(r14)}, {"r15", SC(r15)},
    {"rip", SC(rip)}, {"eflags", SC(eflags)},
};
#undef SC

/* The smallest signal stack: DESIGN.md, "Signal stack size". */
enum { MIN_ALTSTACK = 32 * 1024, MINSIGSTKSZ_FACTOR = 4 };
/* The main task runs on the process stack, which has no guard page of
 * ours: a fault this far below its sp (or a little above, for a push that
 * already moved rsp) counts as a stack overflow. */
enum { MAIN_OVERFLOW_BELOW = 64 * 1024, MAIN_OVERFLOW_ABOVE = 256 };
enum { MAX_FRAMES = 1 << 20 };   /* bounded by the stack range anyway */

/* Policy lookup keys: KIND << 24 | signo << 16 | (uint16_t)si_code. */
enum { KEY_NAME = 1, KEY_CAUSE = 2 };
static uint32_t policy_key(int kind, int signo, int code)
{
    return (uint32_t)kind << 24 | (uint32_t)signo << 16 | (uint16_t)code;
}

static uint64_t sigbit(int signo) { return 1ull << (signo - 1); }

static uint64_t reporter_mask(void)
{
    uint64_t m = 0;
    for (int i = 0; i < countof(policy); i++)
        if (policy[i].signo != ANY_SIGNAL)
            m |= sigbit(policy[i].signo);
    return m;
}

/* mov eax, nr; syscall (arguments already in place; r10 is the 4th). */
static void sys(Asm *a, int nr)
{
    enc_mov(a, 4, opr(RAX), opi(nr));
    enc_syscall(a);
}

/* arc_rt_sigreturn: the restorer the kernel returns to after a handler. */
static void emit_sigreturn(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_sigreturn", SYM_GLOBAL);
    sys(&fn.a, SYS_rt_sigreturn);
    enc_hlt(&fn.a);
    rt_end(rt, &fn);
}

/* arc_rt_signal_init(): one kernel struct sigaction on the stack, passed to
 * rt_sigaction for every policy row, then the altstack.
 *
 *   rsp+0   struct sigaction { handler, flags, restorer, mask }   32 bytes
 */
static void emit_signal_init(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_signal_init", SYM_GLOBAL);
    Asm *a = &fn.a;
    enum { FRAME = 40 }; /* the struct, and rsp 16-aligned again */
    enc_alu(a, ALU_SUB, 8, opr(RSP), opi(FRAME));
    enc_lea(a, 8, RAX, mem_rip(rt_sym(rt, "arc_rt_crash"), 0));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, handler))), opr(RAX));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, flags))),
            opi(K_SA_SIGINFO | K_SA_ONSTACK | K_SA_RESTORER));
    enc_lea(a, 8, RAX, mem_rip(rt_sym(rt, "arc_rt_sigreturn"), 0));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, restorer))), opr(RAX));
    /* While the handler runs, every reporter signal is blocked: a second
     * fault of any kind is then fatal at once (the kernel forces SIG_DFL
     * for a synchronous signal that is blocked). */
    enc_mov(a, 8, opr(RAX), opi((int64_t)reporter_mask()));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, mask))), opr(RAX));
    for (int i = 0; i < countof(policy); i++) {
        if (policy[i].signo == ANY_SIGNAL)
            continue;
        enc_mov(a, 4, opr(RDI), opi(policy[i].signo));
        enc_mov(a, 8, opr(RSI), opr(RSP));
        enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
        enc_mov(a, 4, opr(R10), opi(UFSIZE(sigaction, mask)));
        sys(a, SYS_rt_sigaction);
    }
    enc_alu(a, ALU_ADD, 8, opr(RSP), opi(FRAME));
    enc_alu(a, ALU_XOR, 4, opr(RDI), opr(RDI));
    enc_jmp_sym(a, rt_sym(rt, "arc_rt_altstack_init"));
    rt_end(rt, &fn);
}

/* arc_rt_altstack_init(rdi = worker block or 0) -> rax = 0 or -errno.
 *
 *   r8   bytes needed: max(MIN_ALTSTACK, 4 * AT_MINSIGSTKSZ)
 *   rsi  base, rdx size of the candidate area
 *   rsp+0  stack_t { sp, flags, size }; rsp+24 saved size */
static void emit_altstack_init(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_altstack_init", SYM_GLOBAL);
    Asm *a = &fn.a;
    enum { FRAME = 40, SAVED = 24 };
    int scan = enc_label(a), next = enc_label(a), sized = enc_label(a);
    int bss = enc_label(a), check = enc_label(a), install = enc_label(a), out = enc_label(a);
    int proc = rt_sym(rt, "arc_rt_proc");
    int area = rt_bss(rt, "arc_rt_altstack", ALTSTACK_SIZE, 16, SYM_LOCAL);

    enc_alu(a, ALU_SUB, 8, opr(RSP), opi(FRAME));
    enc_mov(a, 4, opr(R8), opi(MIN_ALTSTACK));
    enc_mov(a, 8, opr(RAX), opm(mem_rip(proc, P_AUXV)));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_E, sized);
    enc_bind(a, scan);                      /* auxv pairs until AT_NULL */
    enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, 0)));
    enc_test(a, 8, opr(RCX), opr(RCX));
    enc_jcc(a, CC_E, sized);
    enc_alu(a, ALU_CMP, 8, opr(RCX), opi(K_AT_MINSIGSTKSZ));
    enc_jcc(a, CC_NE, next);
    enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, 8)));
    enc_imul3(a, 8, RCX, opr(RCX), MINSIGSTKSZ_FACTOR);
    enc_alu(a, ALU_CMP, 8, opr(RCX), opr(R8));
    enc_cmovcc(a, CC_A, 8, R8, opr(RCX));
    enc_bind(a, next);
    enc_alu(a, ALU_ADD, 8, opr(RAX), opi(16));
    enc_jmp(a, scan);
    enc_bind(a, sized);

    enc_test(a, 8, opr(RDI), opr(RDI));
    enc_jcc(a, CC_E, bss);
    enc_mov(a, 8, opr(RSI), opm(mem_b(RDI, WK_ALTSTACK)));
    enc_test(a, 8, opr(RSI), opr(RSI));
    enc_jcc(a, CC_E, bss);
    enc_mov(a, 8, opr(RDX), opm(mem_b(RDI, WK_ALTSIZE)));
    enc_jmp(a, check);
    enc_bind(a, bss);
    enc_lea(a, 8, RSI, mem_rip(area, 0));
    enc_mov(a, 4, opr(RDX), opi(ALTSTACK_SIZE));
    enc_bind(a, check);
    enc_alu(a, ALU_CMP, 8, opr(RDX), opr(R8));
    enc_jcc(a, CC_AE, install);
    /* Too small for this CPU's signal frame: map one that is not. */
    enc_mov(a, 8, opm(mem_b(RSP, SAVED)), opr(R8));
    enc_alu(a, ALU_XOR, 4, opr(RDI), opr(RDI));
    enc_mov(a, 8, opr(RSI), opr(R8));
    enc_mov(a, 4, opr(RDX), opi(K_PROT_READ | K_PROT_WRITE));
    enc_mov(a, 4, opr(R10), opi(K_MAP_PRIVATE | K_MAP_ANONYMOUS | K_MAP_STACK));
    enc_mov(a, 8, opr(R8), opi(-1));
    enc_alu(a, ALU_XOR, 4, opr(R9), opr(R9));
    sys(a, SYS_mmap);
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(-4095));
    enc_jcc(a, CC_AE, out);                 /* -errno */
    enc_mov(a, 8, opr(RSI), opr(RAX));
    enc_mov(a, 8, opr(RDX), opm(mem_b(RSP, SAVED)));
    enc_bind(a, install);
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(stack, sp))), opr(RSI));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(stack, flags))), opi(0));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(stack, size))), opr(RDX));
    enc_mov(a, 8, opr(RDI), opr(RSP));
    enc_alu(a, ALU_XOR, 4, opr(RSI), opr(RSI));
    sys(a, SYS_sigaltstack);
    enc_bind(a, out);
    enc_alu(a, ALU_ADD, 8, opr(RSP), opi(FRAME));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* --- the handler ----------------------------------------------------------
 *
 * Frame (rbp-based; the kernel enters with rsp = 8 mod 16 on the altstack):
 *
 *   rbp-8 .. rbp-40   saved rbx r12 r13 r14 r15
 *   rbp+L_*           locals below
 *   rbp+BUF           the output buffer, BUF_SIZE bytes
 *
 * Registers in the body: ebx signo, r12 siginfo, r13 ucontext, r14 frame
 * pointer being walked, r15 bytes in the buffer.  The subroutines at the
 * end of the function (called with call rel32) may clobber rax rcx rdx
 * rsi rdi r8-r11, except putc and flush, which keep every register. */
enum {
    L_SIGACT = -72,     /* a zeroed struct sigaction: SIG_DFL */
    L_WID = -80,        /* worker id */
    L_TID = -88,        /* task id */
    L_MAIN = -96,       /* nonzero: the main task */
    L_STATE = -104,     /* ST_* */
    L_STACK = -112,     /* ST_TASK: T_STACK (guard page first) */
    L_LO = -120,        /* frame walk bounds: [lo, hi) */
    L_HI = -128,
    L_OVF = -136,       /* nonzero: stack overflow */
    L_NFRAME = -144,
    L_SET = -152,       /* a sigset for rt_sigprocmask */
    L_PREV = -160,      /* the last return address printed */
    L_REP = -168,       /* how many frames since repeated it */
    L_SEG = -176,       /* the stack segment header of the frame being walked, or 0 */
    L_RET = -184,       /* the return address of the frame being walked */
    L_CROSS = -192,     /* nonzero: that frame is the first of its segment */
    BUF_SIZE = 1024,
    BUF = -192 - BUF_SIZE - 8,
    FRAME = -BUF - 40,  /* below the five saved registers */
};
enum { ST_MAIN, ST_TASK, ST_UNKNOWN };

typedef struct Crash {
    Rt *rt;
    Asm *a;
    Buf text;           /* NUL-terminated strings: .rodata arc_rt_crash_text */
    int text_sym, policy_sym, regs_sym, sched_sym;
    int putc, putz, flush, hex, dec, sym, lookup;   /* subroutine labels */
} Crash;

/* Offset of s in the string pool (added once). */
static int32_t text(Crash *c, const char *s)
{
    size_t n = strlen(s) + 1;
    for (size_t i = 0; i + n <= c->text.len; i++)
        if (!memcmp(c->text.p + i, s, n))
            return (int32_t)i;
    size_t off = c->text.len;
    buf_put(&c->text, s, n);
    return (int32_t)off;
}

static Opnd local(int32_t off) { return opm(mem_b(RBP, off)); }

/* Print a literal string. */
static void puts_lit(Crash *c, const char *s)
{
    enc_lea(c->a, 8, RSI, mem_rip(c->text_sym, text(c, s)));
    enc_call_label(c->a, c->putz);
}

static void putc_lit(Crash *c, char ch)
{
    enc_mov(c->a, 4, opr(RAX), opi((unsigned char)ch));
    enc_call_label(c->a, c->putc);
}

/* Print rax in hex with at least digits digits. */
static void put_hex(Crash *c, int digits)
{
    enc_mov(c->a, 4, opr(RCX), opi(digits));
    enc_call_label(c->a, c->hex);
}

/* Print "sym+0xoff" (or "?") for the code address in rax; bias 1 looks up
 * a return address as the call before it. */
static void put_sym(Crash *c, int bias)
{
    enc_mov(c->a, 4, opr(RDX), opi(bias));
    enc_call_label(c->a, c->sym);
}

/* Print the code address stored at `at` as "0xADDR<between>sym+0xoff"
 * (bias as for put_sym).  The address is loaded twice: put_hex clobbers
 * rax. */
static void put_code_addr(Crash *c, Mem at, const char *between, int bias)
{
    enc_mov(c->a, 8, opr(RAX), opm(at));
    put_hex(c, 1);
    puts_lit(c, between);
    enc_mov(c->a, 8, opr(RAX), opm(at));
    put_sym(c, bias);
}

/* putc: al into the buffer, flushing first when it is full.  Keeps every
 * register. */
static void emit_putc(Crash *c)
{
    Asm *a = c->a;
    int store = enc_label(a);
    enc_bind(a, c->putc);
    enc_alu(a, ALU_CMP, 8, opr(R15), opi(BUF_SIZE));
    enc_jcc(a, CC_B, store);
    enc_call_label(a, c->flush);
    enc_bind(a, store);
    enc_mov(a, 1, opm(mem_bis(RBP, R15, 1, BUF)), opr(RAX));
    enc_unary(a, UN_INC, 8, opr(R15));
    enc_ret(a);
}

/* flush: write(2, buf, r15); r15 = 0.  Keeps every register. */
static void emit_flush(Crash *c)
{
    static const Reg saved[] = {RAX, RCX, RDX, RSI, RDI, R11};
    Asm *a = c->a;
    int done = enc_label(a);
    enc_bind(a, c->flush);
    enc_test(a, 8, opr(R15), opr(R15));
    enc_jcc(a, CC_E, done);
    for (int i = 0; i < countof(saved); i++)
        enc_push(a, opr(saved[i]));
    enc_mov(a, 4, opr(RDI), opi(2));
    enc_lea(a, 8, RSI, mem_b(RBP, BUF));
    enc_mov(a, 8, opr(RDX), opr(R15));
    sys(a, SYS_write);
    for (int i = countof(saved) - 1; i >= 0; i--)
        enc_pop(a, opr(saved[i]));
    enc_alu(a, ALU_XOR, 4, opr(R15), opr(R15));
    enc_bind(a, done);
    enc_ret(a);
}

/* putz: the NUL-terminated string at rsi (rsi ends past it). */
static void emit_putz(Crash *c)
{
    Asm *a = c->a;
    int loop = enc_label(a), done = enc_label(a);
    enc_bind(a, c->putz);
    enc_bind(a, loop);
    enc_movzx(a, 4, RAX, 1, opm(mem_b(RSI, 0)));
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc(a, CC_E, done);
    enc_call_label(a, c->putc);
    enc_unary(a, UN_INC, 8, opr(RSI));
    enc_jmp(a, loop);
    enc_bind(a, done);
    enc_ret(a);
}

/* hex: "0x" and rax, at least ecx digits (leading zeros dropped above).
 *   rdx value, rotated left a nibble at a time; r8d nibbles left;
 *   r9d nonzero once a digit was printed */
static void emit_hex(Crash *c)
{
    Asm *a = c->a;
    int loop = enc_label(a), start = enc_label(a), emit = enc_label(a);
    int digit = enc_label(a), skip = enc_label(a);
    enc_bind(a, c->hex);
    enc_mov(a, 8, opr(RDX), opr(RAX));
    putc_lit(c, '0');
    putc_lit(c, 'x');
    enc_mov(a, 4, opr(R8), opi(16));
    enc_alu(a, ALU_XOR, 4, opr(R9), opr(R9));
    enc_bind(a, loop);
    enc_shift(a, SH_ROL, 8, opr(RDX), opi(4));
    enc_mov(a, 4, opr(RAX), opr(RDX));
    enc_alu(a, ALU_AND, 4, opr(RAX), opi(15));
    enc_test(a, 4, opr(R9), opr(R9));
    enc_jcc(a, CC_NE, emit);
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc(a, CC_NE, start);
    enc_alu(a, ALU_CMP, 4, opr(R8), opr(RCX));
    enc_jcc(a, CC_A, skip);
    enc_bind(a, start);
    enc_mov(a, 4, opr(R9), opi(1));
    enc_bind(a, emit);
    enc_alu(a, ALU_CMP, 4, opr(RAX), opi(10));
    enc_jcc(a, CC_B, digit);
    enc_alu(a, ALU_ADD, 4, opr(RAX), opi('a' - '0' - 10));
    enc_bind(a, digit);
    enc_alu(a, ALU_ADD, 4, opr(RAX), opi('0'));
    enc_call_label(a, c->putc);
    enc_bind(a, skip);
    enc_unary(a, UN_DEC, 4, opr(R8));
    enc_jcc(a, CC_NE, loop);
    enc_ret(a);
}

/* dec: rax as a signed decimal.  Digits are pushed, then popped in order
 * (ecx counts them). */
static void emit_dec(Crash *c)
{
    Asm *a = c->a;
    int pos = enc_label(a), divide = enc_label(a), print = enc_label(a);
    enc_bind(a, c->dec);
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_NS, pos);
    enc_mov(a, 8, opr(RDX), opr(RAX));
    putc_lit(c, '-');
    enc_mov(a, 8, opr(RAX), opr(RDX));
    enc_unary(a, UN_NEG, 8, opr(RAX));
    enc_bind(a, pos);
    enc_alu(a, ALU_XOR, 4, opr(RCX), opr(RCX));
    enc_mov(a, 4, opr(R8), opi(10));
    enc_bind(a, divide);
    enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
    enc_unary(a, UN_DIV, 8, opr(R8));
    enc_push(a, opr(RDX));
    enc_unary(a, UN_INC, 4, opr(RCX));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_NE, divide);
    enc_bind(a, print);
    enc_pop(a, opr(RAX));
    enc_alu(a, ALU_ADD, 4, opr(RAX), opi('0'));
    enc_call_label(a, c->putc);
    enc_unary(a, UN_DEC, 4, opr(RCX));
    enc_jcc(a, CC_NE, print);
    enc_ret(a);
}

/* sym: rax an address, rdx the bias.  The table linker/functab.c writes:
 *
 *   u64 count
 *   count x { u64 addr; u32 size; u32 name }   name: offset from the start
 *   names, NUL-terminated
 *
 * A linear scan, every read checked against [start, end):
 *   rdi the address, rax the address looked up (address - bias),
 *   r8 start, r9 end, r10 entry, r11 entries left */
static void emit_sym(Crash *c)
{
    Asm *a = c->a;
    int loop = enc_label(a), next = enc_label(a), found = enc_label(a);
    int unknown = enc_label(a), done = enc_label(a);
    enc_bind(a, c->sym);
    enc_mov(a, 8, opr(RDI), opr(RAX));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RDX));
    enc_lea(a, 8, R8, mem_rip(rt_sym(c->rt, "arc_functab_start"), 0));
    enc_lea(a, 8, R9, mem_rip(rt_sym(c->rt, "arc_functab_end"), 0));
    enc_mov(a, 8, opr(RCX), opr(R9));
    enc_alu(a, ALU_SUB, 8, opr(RCX), opr(R8));            /* table bytes */
    enc_alu(a, ALU_SUB, 8, opr(RCX), opi(8));
    enc_jcc(a, CC_B, unknown);
    enc_shift(a, SH_SHR, 8, opr(RCX), opi(4));            /* entries that fit */
    enc_mov(a, 8, opr(R11), opm(mem_b(R8, 0)));
    enc_alu(a, ALU_CMP, 8, opr(R11), opr(RCX));
    enc_jcc(a, CC_A, unknown);
    enc_lea(a, 8, R10, mem_b(R8, 8));
    enc_bind(a, loop);
    enc_test(a, 8, opr(R11), opr(R11));
    enc_jcc(a, CC_E, unknown);
    enc_mov(a, 8, opr(RDX), opr(RAX));
    enc_alu(a, ALU_SUB, 8, opr(RDX), opm(mem_b(R10, 0)));
    enc_jcc(a, CC_B, next);
    enc_mov(a, 4, opr(RCX), opm(mem_b(R10, 8)));
    enc_alu(a, ALU_CMP, 8, opr(RDX), opr(RCX));
    enc_jcc(a, CC_B, found);
    enc_bind(a, next);
    enc_alu(a, ALU_ADD, 8, opr(R10), opi(16));
    enc_unary(a, UN_DEC, 8, opr(R11));
    enc_jmp(a, loop);
    enc_bind(a, unknown);
    putc_lit(c, '?');
    enc_ret(a);
    /* found: the name, then "+0x<offset of the unbiased address>" */
    enc_bind(a, found);
    enc_mov(a, 4, opr(RSI), opm(mem_b(R10, 12)));
    enc_alu(a, ALU_ADD, 8, opr(RSI), opr(R8));
    enc_alu(a, ALU_CMP, 8, opr(RSI), opr(R9));
    enc_jcc(a, CC_AE, unknown);
    enc_call_label(a, c->putz);
    enc_mov(a, 8, opr(RAX), opr(RDI));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opm(mem_b(R10, 0)));
    enc_jcc(a, CC_E, done);
    enc_mov(a, 8, opr(RDI), opr(RAX));
    putc_lit(c, '+');
    enc_mov(a, 8, opr(RAX), opr(RDI));
    put_hex(c, 1);
    enc_bind(a, done);
    enc_ret(a);
}

/* lookup: edi a policy key -> rax its string, or 0.  The table is
 * u32 pairs { key, offset in arc_rt_crash_text }, ending with key 0. */
static void emit_lookup(Crash *c)
{
    Asm *a = c->a;
    int loop = enc_label(a), found = enc_label(a), none = enc_label(a);
    enc_bind(a, c->lookup);
    enc_lea(a, 8, RCX, mem_rip(c->policy_sym, 0));
    enc_bind(a, loop);
    enc_mov(a, 4, opr(RAX), opm(mem_b(RCX, 0)));
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc(a, CC_E, none);
    enc_alu(a, ALU_CMP, 4, opr(RAX), opr(RDI));
    enc_jcc(a, CC_E, found);
    enc_alu(a, ALU_ADD, 8, opr(RCX), opi(8));
    enc_jmp(a, loop);
    enc_bind(a, found);
    enc_mov(a, 4, opr(RAX), opm(mem_b(RCX, 4)));
    enc_lea(a, 8, RDX, mem_rip(c->text_sym, 0));
    enc_alu(a, ALU_ADD, 8, opr(RAX), opr(RDX));
    enc_ret(a);
    enc_bind(a, none);
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    enc_ret(a);
}

/* The frame walk continues in the stack segment whose header is in rcx:
 * L_SEG and the bounds [L_LO, L_HI) from it.  Clobbers rdx. */
static void walk_segment(Crash *c)
{
    Asm *a = c->a;
    enc_mov(a, 8, local(L_SEG), opr(RCX));
    enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, SG_LO)));
    enc_mov(a, 8, local(L_LO), opr(RDX));
    enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, SG_HI)));
    enc_mov(a, 8, local(L_HI), opr(RDX));
}

/* Where the fault happened: worker, task, and the stack the frame walk
 * may read ([L_LO, L_HI)) and the overflow test uses.
 *
 *   no scheduler, or the main task (T_STACK == 1): the process stack,
 *       from sp up to argv (_start's initial stack is mapped throughout)
 *   a task with its own stack: [T_STACK + GUARD_SIZE, T_STACK + G_STACKSIZE)
 *   the scheduler loop, or a task without a stack: unknown, no walk */
static void emit_context(Crash *c)
{
    Asm *a = c->a;
    int done = enc_label(a), task = enc_label(a), notmain = enc_label(a);
    int bounded = enc_label(a), keep = enc_label(a);
    enc_mov(a, 8, local(L_WID), opi(0));
    enc_mov(a, 8, local(L_TID), opi(1));
    enc_mov(a, 8, local(L_MAIN), opi(1));
    enc_mov(a, 8, local(L_STATE), opi(ST_MAIN));
    if (c->sched_sym >= 0) {
        enc_movzx(a, 4, RAX, 1, opm(mem_rip(c->sched_sym, G_INIT)));
        enc_test(a, 4, opr(RAX), opr(RAX));
        enc_jcc(a, CC_E, done);
        rt_load_worker(a, RAX);
        enc_test(a, 8, opr(RAX), opr(RAX));
        enc_jcc(a, CC_E, done);
        enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, WK_ID)));
        enc_mov(a, 8, local(L_WID), opr(RCX));
        enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, WK_CUR)));
        enc_test(a, 8, opr(RCX), opr(RCX));
        enc_jcc(a, CC_NE, task);
        enc_mov(a, 8, local(L_TID), opi(0));          /* the scheduler loop */
        enc_mov(a, 8, local(L_MAIN), opi(0));
        enc_mov(a, 8, local(L_STATE), opi(ST_UNKNOWN));
        enc_jmp(a, done);
        enc_bind(a, task);
        enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_ID)));
        enc_mov(a, 8, local(L_TID), opr(RDX));
        enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_FLAGS)));
        enc_alu(a, ALU_AND, 4, opr(RDX), opi(TF_MAIN));
        enc_mov(a, 8, local(L_MAIN), opr(RDX));
        enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_STACK)));
        enc_alu(a, ALU_CMP, 8, opr(RDX), opi(1));
        enc_jcc(a, CC_E, done);                       /* main: process stack */
        enc_mov(a, 8, local(L_STATE), opi(ST_UNKNOWN));
        enc_jcc(a, CC_B, done);                       /* no stack yet */
        enc_mov(a, 8, local(L_STACK), opr(RDX));
        enc_mov(a, 8, local(L_STATE), opi(ST_TASK));
        enc_test(a, 1, opm(mem_b(RCX, T_FLAGS)), opi(TF_SEG));
        enc_jcc(a, CC_E, done);
        enc_mov(a, 8, local(L_STATE), opi(ST_UNKNOWN));   /* segments: bounds below */
    }
    enc_bind(a, done);

    enc_mov(a, 8, opr(R14), opm(mem_b(R13, UOFF(ucontext, mc_rsp))));
    enc_mov(a, 8, local(L_LO), opi(0));
    enc_mov(a, 8, local(L_HI), opi(0));
    enc_mov(a, 8, local(L_OVF), opi(0));
    enc_mov(a, 8, opr(RAX), local(L_STATE));
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(ST_MAIN));
    enc_jcc(a, CC_NE, notmain);
    enc_mov(a, 8, local(L_LO), opr(R14));
    enc_mov(a, 8, opr(RAX), opm(mem_rip(rt_sym(c->rt, "arc_rt_proc"), P_ARGV)));
    enc_mov(a, 8, local(L_HI), opr(RAX));
    /* overflow: addr - (sp - BELOW) < BELOW + ABOVE, unsigned */
    enc_mov(a, 8, opr(RAX), opm(mem_b(R12, UOFF(siginfo, addr))));
    enc_lea(a, 8, RCX, mem_b(R14, -MAIN_OVERFLOW_BELOW));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RCX));
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(MAIN_OVERFLOW_BELOW + MAIN_OVERFLOW_ABOVE));
    enc_setcc(a, CC_B, local(L_OVF));
    enc_jmp(a, bounded);
    enc_bind(a, notmain);
    if (c->sched_sym >= 0) {
        enc_alu(a, ALU_CMP, 8, opr(RAX), opi(ST_TASK));
        enc_jcc(a, CC_NE, bounded);
        enc_mov(a, 8, opr(RCX), local(L_STACK));
        enc_lea(a, 8, RAX, mem_b(RCX, GUARD_SIZE));
        enc_mov(a, 8, local(L_LO), opr(RAX));
        enc_mov(a, 8, opr(RAX), opm(mem_rip(c->sched_sym, G_STACKSIZE)));
        enc_alu(a, ALU_ADD, 8, opr(RAX), opr(RCX));
        enc_mov(a, 8, local(L_HI), opr(RAX));
        /* overflow: addr - T_STACK < GUARD_SIZE, unsigned */
        enc_mov(a, 8, opr(RAX), opm(mem_b(R12, UOFF(siginfo, addr))));
        enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RCX));
        enc_alu(a, ALU_CMP, 8, opr(RAX), opi(GUARD_SIZE));
        enc_setcc(a, CC_B, local(L_OVF));
    }
    enc_bind(a, bounded);
    enc_mov(a, 8, local(L_SEG), opi(0));
    if (c->sched_sym >= 0) {
        /* the current stack segment's bounds, when %fs is set up */
        int nofs = enc_label(a);
        enc_movzx(a, 4, RAX, 1, opm(mem_rip(c->sched_sym, G_INIT)));
        enc_alu(a, ALU_OR, 1, opr(RAX), opm(mem_rip(c->sched_sym, G_FSREADY)));
        enc_jcc(a, CC_E, nofs);
        rt_load_worker(a, RAX);
        enc_test(a, 8, opr(RAX), opr(RAX));
        enc_jcc(a, CC_E, nofs);
        enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, WK_SEG)));
        enc_test(a, 8, opr(RCX), opr(RCX));
        enc_jcc(a, CC_E, nofs);
        walk_segment(c);
        enc_bind(a, nofs);
        /* the deliberate fault of a failed stack check */
        int notovf = enc_label(a);
        enc_mov(a, 8, opr(RAX), opm(mem_b(R13, UOFF(ucontext, mc_rip))));
        enc_lea(a, 8, RCX, mem_rip(rt_sym(c->rt, "arc_rt_stack_overflow"), 0));
        enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RCX));
        enc_alu(a, ALU_CMP, 8, opr(RAX), opi(16));
        enc_jcc(a, CC_AE, notovf);
        enc_mov(a, 8, local(L_OVF), opi(1));
        enc_bind(a, notovf);
    }
    /* Only a memory fault can be an overflow. */
    enc_alu(a, ALU_CMP, 4, opr(RBX), opi(K_SIGSEGV));
    enc_jcc(a, CC_E, keep);
    enc_alu(a, ALU_CMP, 4, opr(RBX), opi(K_SIGBUS));
    enc_jcc(a, CC_E, keep);
    enc_mov(a, 8, local(L_OVF), opi(0));
    enc_bind(a, keep);
}

/* "arc: fatal signal NAME (CAUSE) at address 0x..." */
static void emit_headline(Crash *c)
{
    Asm *a = c->a;
    int named = enc_label(a), cause = enc_label(a), found = enc_label(a);
    int closed = enc_label(a), at = enc_label(a);
    puts_lit(c, "arc: fatal signal ");
    enc_mov(a, 4, opr(RDI), opr(RBX));
    enc_shift(a, SH_SHL, 4, opr(RDI), opi(16));
    enc_alu(a, ALU_OR, 4, opr(RDI), opi(KEY_NAME << 24));
    enc_call_label(a, c->lookup);
    enc_mov(a, 8, opr(RSI), opr(RAX));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_NE, named);
    puts_lit(c, "signal ");
    enc_mov(a, 4, opr(RAX), opr(RBX));
    enc_call_label(a, c->dec);
    enc_jmp(a, cause);
    enc_bind(a, named);
    enc_call_label(a, c->putz);
    enc_bind(a, cause);
    puts_lit(c, " (");
    int plain = enc_label(a);
    enc_alu(a, ALU_CMP, 1, local(L_OVF), opi(0));
    enc_jcc(a, CC_E, plain);
    puts_lit(c, "stack overflow) in task ");
    enc_mov(a, 8, opr(RAX), local(L_TID));
    enc_call_label(a, c->dec);
    enc_jmp(a, at);
    enc_bind(a, plain);
    /* this signal's row first, then the ANY_SIGNAL rows */
    enc_movzx(a, 4, RDI, 2, opm(mem_b(R12, UOFF(siginfo, code))));
    enc_alu(a, ALU_OR, 4, opr(RDI), opi(KEY_CAUSE << 24));
    enc_mov(a, 8, local(L_SET), opr(RDI));
    enc_mov(a, 4, opr(RAX), opr(RBX));
    enc_shift(a, SH_SHL, 4, opr(RAX), opi(16));
    enc_alu(a, ALU_OR, 4, opr(RDI), opr(RAX));
    enc_call_label(a, c->lookup);
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_NE, found);
    enc_mov(a, 8, opr(RDI), local(L_SET));
    enc_call_label(a, c->lookup);
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_NE, found);
    puts_lit(c, "si_code ");
    enc_movsx(a, 8, RAX, 4, opm(mem_b(R12, UOFF(siginfo, code))));
    enc_call_label(a, c->dec);
    enc_jmp(a, closed);
    enc_bind(a, found);
    enc_mov(a, 8, opr(RSI), opr(RAX));
    enc_call_label(a, c->putz);
    enc_bind(a, closed);
    putc_lit(c, ')');
    enc_bind(a, at);
    puts_lit(c, " at address ");
    enc_mov(a, 8, opr(RAX), opm(mem_b(R12, UOFF(siginfo, addr))));
    put_hex(c, 1);
    putc_lit(c, '\n');
}

/* pc, sp with the task and worker, then the register file. */
static void emit_machine(Crash *c)
{
    Asm *a = c->a;
    int task = enc_label(a), worker = enc_label(a);
    puts_lit(c, "  pc  ");
    put_code_addr(c, mem_b(R13, UOFF(ucontext, mc_rip)), "  ", 0);
    puts_lit(c, "\n  sp  ");
    enc_mov(a, 8, opr(RAX), opm(mem_b(R13, UOFF(ucontext, mc_rsp))));
    put_hex(c, 1);
    puts_lit(c, "  ");
    enc_alu(a, ALU_CMP, 8, local(L_TID), opi(0));
    enc_jcc(a, CC_NE, task);
    puts_lit(c, "scheduler");
    enc_jmp(a, worker);
    enc_bind(a, task);
    puts_lit(c, "task ");
    enc_mov(a, 8, opr(RAX), local(L_TID));
    enc_call_label(a, c->dec);
    enc_alu(a, ALU_CMP, 8, local(L_MAIN), opi(0));
    enc_jcc(a, CC_E, worker);
    puts_lit(c, " (main)");
    enc_bind(a, worker);
    puts_lit(c, " on worker ");
    enc_mov(a, 8, opr(RAX), local(L_WID));
    enc_call_label(a, c->dec);
    putc_lit(c, '\n');
    /* the register file, a loop over arc_rt_crash_regs: r14 the index */
    int loop = enc_label(a), last = enc_label(a);
    enc_alu(a, ALU_XOR, 4, opr(R14), opr(R14));
    enc_bind(a, loop);
    enc_lea(a, 8, RCX, mem_rip(c->regs_sym, 0));
    enc_mov(a, 4, opr(RSI), opm(mem_bis(RCX, R14, 8, 4)));
    enc_lea(a, 8, RDX, mem_rip(c->text_sym, 0));
    enc_alu(a, ALU_ADD, 8, opr(RSI), opr(RDX));
    enc_call_label(a, c->putz);
    enc_lea(a, 8, RCX, mem_rip(c->regs_sym, 0));
    enc_mov(a, 4, opr(RAX), opm(mem_bis(RCX, R14, 8, 0)));
    enc_mov(a, 8, opr(RAX), opm(mem_bis(R13, RAX, 1, 0)));
    put_hex(c, 16);
    enc_unary(a, UN_INC, 4, opr(R14));
    enc_alu(a, ALU_CMP, 4, opr(R14), opi(countof(regs)));
    enc_jcc(a, CC_E, last);
    enc_test(a, 4, opr(R14), opi(REGS_PER_LINE - 1));
    enc_jcc(a, CC_NE, loop);
    putc_lit(c, '\n');
    enc_jmp(a, loop);
    enc_bind(a, last);
    putc_lit(c, '\n');
}

/* "  ... N more frames like the one above" when the walk skipped frames
 * that returned to the same address (deep recursion), then L_REP = 0. */
static void emit_repeats(Crash *c)
{
    Asm *a = c->a;
    int none = enc_label(a);
    enc_alu(a, ALU_CMP, 8, local(L_REP), opi(0));
    enc_jcc(a, CC_E, none);
    puts_lit(c, "  ... ");
    enc_mov(a, 8, opr(RAX), local(L_REP));
    enc_call_label(a, c->dec);
    puts_lit(c, " more frames like the one above\n");
    enc_mov(a, 8, local(L_REP), opi(0));
    enc_bind(a, none);
}

/* The frame-pointer walk: #0 is the pc, then each [rbp+8] while rbp lies
 * in [L_LO, L_HI - 16], is 8-aligned, and grows; at most MAX_FRAMES.
 * Consecutive frames with the same return address print once, followed
 * by a count. */
static void emit_backtrace(Crash *c)
{
    Asm *a = c->a;
    int walk = enc_label(a), end = enc_label(a);
    puts_lit(c, "backtrace:\n  #0 ");
    put_code_addr(c, mem_b(R13, UOFF(ucontext, mc_rip)), " ", 0);
    putc_lit(c, '\n');
    enc_mov(a, 8, opr(R14), opm(mem_b(R13, UOFF(ucontext, mc_rbp))));
    enc_mov(a, 8, local(L_NFRAME), opi(1));
    enc_mov(a, 8, local(L_PREV), opi(0));
    enc_mov(a, 8, local(L_REP), opi(0));
    int fresh = enc_label(a), next = enc_label(a);
    enc_bind(a, walk);
    enc_alu(a, ALU_CMP, 8, local(L_NFRAME), opi(MAX_FRAMES));
    enc_jcc(a, CC_AE, end);
    enc_alu(a, ALU_CMP, 8, opr(R14), local(L_LO));
    enc_jcc(a, CC_B, end);
    enc_mov(a, 8, opr(RAX), local(L_HI));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(R14));
    enc_jcc(a, CC_B, end);
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(16));
    enc_jcc(a, CC_B, end);
    enc_test(a, 4, opr(R14), opi(7));
    enc_jcc(a, CC_NE, end);
    enc_alu(a, ALU_CMP, 8, opm(mem_b(R14, 8)), opi(0));
    enc_jcc(a, CC_E, end);
    enc_mov(a, 8, opr(RAX), opm(mem_b(R14, 8)));
    /* the first frame of a segment: its real return address */
    int same = enc_label(a);
    enc_mov(a, 8, local(L_CROSS), opi(0));
    enc_lea(a, 8, RCX, mem_rip(rt_sym(c->rt, "arc_rt_lessstack"), 0));
    enc_alu(a, ALU_CMP, 8, opr(RAX), opr(RCX));
    enc_jcc(a, CC_NE, same);
    enc_mov(a, 8, opr(RCX), local(L_SEG));
    enc_test(a, 8, opr(RCX), opr(RCX));
    enc_jcc(a, CC_E, same);
    enc_mov(a, 8, local(L_CROSS), opi(1));
    enc_mov(a, 8, opr(RCX), opm(mem_b(RCX, SG_OLDSP)));
    enc_mov(a, 8, opr(RAX), opm(mem_b(RCX, 0)));
    enc_bind(a, same);
    enc_mov(a, 8, local(L_RET), opr(RAX));
    enc_alu(a, ALU_CMP, 8, opr(RAX), local(L_PREV));
    enc_jcc(a, CC_NE, fresh);
    enc_unary(a, UN_INC, 8, local(L_REP));
    enc_jmp(a, next);
    enc_bind(a, fresh);
    enc_mov(a, 8, local(L_PREV), opr(RAX));
    emit_repeats(c);
    puts_lit(c, "  #");
    enc_mov(a, 8, opr(RAX), local(L_NFRAME));
    enc_call_label(a, c->dec);
    putc_lit(c, ' ');
    put_code_addr(c, mem_b(RBP, L_RET), " ", 1);
    putc_lit(c, '\n');
    enc_bind(a, next);
    enc_mov(a, 8, opr(RAX), opm(mem_b(R14, 0)));
    /* across a segment boundary the next frame is on the previous
     * segment, anywhere in memory: its bounds replace the walk's */
    int grows = enc_label(a), moved = enc_label(a);
    enc_alu(a, ALU_CMP, 8, local(L_CROSS), opi(0));
    enc_jcc(a, CC_E, grows);
    enc_mov(a, 8, opr(RCX), local(L_SEG));
    enc_mov(a, 8, opr(RCX), opm(mem_b(RCX, SG_PREV)));
    enc_test(a, 8, opr(RCX), opr(RCX));
    enc_jcc(a, CC_E, end);
    walk_segment(c);
    enc_jmp(a, moved);
    enc_bind(a, grows);
    enc_alu(a, ALU_CMP, 8, opr(RAX), opr(R14));
    enc_jcc(a, CC_BE, end);
    enc_bind(a, moved);
    enc_mov(a, 8, opr(R14), opr(RAX));
    enc_unary(a, UN_INC, 8, local(L_NFRAME));
    enc_jmp(a, walk);
    enc_bind(a, end);
    emit_repeats(c);
    enc_call_label(a, c->flush);
}

/* Die by the signal: tgkill(getpid(), gettid(), sig) while it is blocked,
 * then unblock it; SIG_DFL is already in place.  exit_group(128 + sig)
 * only if the process somehow survives. */
static void emit_die(Crash *c)
{
    Asm *a = c->a;
    enc_lea(a, 4, RCX, mem_b(RBX, -1));
    enc_mov(a, 4, opr(RAX), opi(1));
    enc_shift(a, SH_SHL, 8, opr(RAX), opr(RCX));
    enc_mov(a, 8, local(L_SET), opr(RAX));
    sys(a, SYS_getpid);
    enc_mov(a, 8, opr(R12), opr(RAX));
    sys(a, SYS_gettid);
    enc_mov(a, 4, opr(RSI), opr(RAX));
    enc_mov(a, 4, opr(RDI), opr(R12));
    enc_mov(a, 4, opr(RDX), opr(RBX));
    sys(a, SYS_tgkill);
    enc_mov(a, 4, opr(RDI), opi(K_SIG_UNBLOCK));
    enc_lea(a, 8, RSI, mem_b(RBP, L_SET));
    enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
    enc_mov(a, 4, opr(R10), opi(UFSIZE(sigaction, mask)));
    sys(a, SYS_rt_sigprocmask);
    enc_lea(a, 4, RDI, mem_b(RBX, 128));
    sys(a, SYS_exit_group);
    enc_hlt(a);
}

/* arc_rt_crash(edi = signo, rsi = siginfo, rdx = ucontext). */
static void emit_crash(Rt *rt, int sched_sym)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_crash", SYM_GLOBAL);
    Crash c = {.rt = rt, .a = &fn.a, .sched_sym = sched_sym};
    Asm *a = c.a;
    c.text_sym = rt_sym(rt, "arc_rt_crash_text");
    c.policy_sym = rt_sym(rt, "arc_rt_crash_policy");
    c.regs_sym = rt_sym(rt, "arc_rt_crash_regs");
    c.putc = enc_label(a);
    c.putz = enc_label(a);
    c.flush = enc_label(a);
    c.hex = enc_label(a);
    c.dec = enc_label(a);
    c.sym = enc_label(a);
    c.lookup = enc_label(a);

    enc_push(a, opr(RBP));
    enc_mov(a, 8, opr(RBP), opr(RSP));
    static const Reg saved[] = {RBX, R12, R13, R14, R15};
    for (int i = 0; i < countof(saved); i++)
        enc_push(a, opr(saved[i]));
    enc_alu(a, ALU_SUB, 8, opr(RSP), opi(FRAME));
    enc_mov(a, 4, opr(RBX), opr(RDI));
    enc_mov(a, 8, opr(R12), opr(RSI));
    enc_mov(a, 8, opr(R13), opr(RDX));
    enc_alu(a, ALU_XOR, 4, opr(R15), opr(R15));

    /* First of all: SIG_DFL for every reporter signal, so that a fault
     * from here on kills the process. */
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    for (int off = 0; off < USIZE(sigaction); off += 8)
        enc_mov(a, 8, local(L_SIGACT + off), opr(RAX));
    for (int i = 0; i < countof(policy); i++) {
        if (policy[i].signo == ANY_SIGNAL)
            continue;
        enc_mov(a, 4, opr(RDI), opi(policy[i].signo));
        enc_lea(a, 8, RSI, mem_b(RBP, L_SIGACT));
        enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
        enc_mov(a, 4, opr(R10), opi(UFSIZE(sigaction, mask)));
        sys(a, SYS_rt_sigaction);
    }

    emit_context(&c);
    emit_headline(&c);
    emit_machine(&c);
    emit_backtrace(&c);
    emit_die(&c);

    emit_putc(&c);
    emit_flush(&c);
    emit_putz(&c);
    emit_hex(&c);
    emit_dec(&c);
    emit_sym(&c);
    emit_lookup(&c);
    rt_end(rt, &fn);

    /* The policy table as { key, text offset } pairs, ending with 0. */
    Buf pol = {0};
    for (int i = 0; i < countof(policy); i++) {
        if (policy[i].name) {
            buf_u32(&pol, policy_key(KEY_NAME, policy[i].signo, 0));
            buf_u32(&pol, (uint32_t)text(&c, policy[i].name));
        }
        for (int k = 0; k < MAX_CAUSES && policy[i].causes[k].cause; k++) {
            buf_u32(&pol, policy_key(KEY_CAUSE, policy[i].signo, policy[i].causes[k].code));
            buf_u32(&pol, (uint32_t)text(&c, policy[i].causes[k].cause));
        }
    }
    buf_u32(&pol, 0);
    buf_u32(&pol, 0);
    rt_rodata(rt, "arc_rt_crash_policy", pol.p, pol.len, 4, SYM_LOCAL);
    Buf rv = {0};
    for (int i = 0; i < countof(regs); i++) {
        char label[16];
        snprintf(label, sizeof label, "  %s ", regs[i].name);
        buf_u32(&rv, (uint32_t)regs[i].off);
        buf_u32(&rv, (uint32_t)text(&c, label));
    }
    rt_rodata(rt, "arc_rt_crash_regs", rv.p, rv.len, 4, SYM_LOCAL);
    buf_free(&rv);
    rt_rodata(rt, "arc_rt_crash_text", c.text.p, c.text.len, 1, SYM_LOCAL);
    buf_free(&pol);
    buf_free(&c.text);
}

void rt_emit_signal(Rt *rt)
{
    /* The scheduler's state is read only when sched.c is in the image
     * (image/runtime.c calls rt_emit_sched first). */
    int sched = rt_sym(rt, "arc_rt_sched");
    emit_sigreturn(rt);
    emit_signal_init(rt);
    emit_altstack_init(rt);
    emit_crash(rt, elf_symbol_defined(rt->elf, sched) ? sched : -1);
}
