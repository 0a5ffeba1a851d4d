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
 *                               altstack (arc_rt_altstack_init(0)); also
 *                               the start-up hook arc_rt_signal_hook, which
 *                               the link step keeps (ld -u) unless
 *                               --no-crash-report: every program has it
 *   arc_rt_sigaction_all(act)   rt_sigaction(act) for every reporter signal
 *   arc_rt_altstack_fn          .bss: arc_rt_altstack_init once the
 *                               reporter is installed, else 0 (the workers
 *                               call it: gen/rt/sched.c)
 *   arc_rt_backtrace_fn             .bss: arc_rt_crash once the reporter is
 *                               installed, else 0 (arc_rt_fatal's backtrace:
 *                               gen/rt/sched.c; a reference through data,
 *                               so a runtime error alone does not link the
 *                               reporter into a --no-crash-report program)
 *   arc_rt_altstack_init(blk)   sigaltstack for the calling thread: the
 *                               worker block's WK_ALTSTACK/WK_ALTSIZE area,
 *                               else .bss arc_rt_altstack; mmaps a bigger
 *                               one if AT_MINSIGSTKSZ asks for more.
 *                               Returns 0 or -errno
 *   arc_rt_sigreturn            the SA_RESTORER trampoline
 *   arc_rt_crash(sig, si, uc)   the handler: report on fd 2, then die by sig
 *
 * The handler runs on the altstack and does only async-signal-safe work:
 * raw syscalls, a buffer in its own frame, range-checked reads.  First it
 * claims the process's one report (emit_claim: a second faulting worker
 * waits for the process to die; a fault inside the report re-enters the
 * handler, which finishes the report with a note and dies by the first
 * signal).  It ends by putting SIG_DFL back for every reporter signal,
 * then tgkill(getpid, gettid, sig) and unblocking sig: the process dies by
 * the signal (status 128+sig).  Forward jumps in the handler are short
 * where they reach (the encoder dies at generation time if one does not):
 * every byte of it is in every program.
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
#include "linker/functab.h"

/* The policy table: one row per signal the reporter handles, with what
 * each si_code means for it.  ANY_SIGNAL rows apply to every signal.
 * Only the codes x86-64 Linux raises are named (each costs every program
 * its text): not SEGV_BNDERR (MPX, gone since Linux 5.6), ILL_ILLADR,
 * ILL_ILLTRP, ILL_PRVREG, ILL_COPROC, ILL_BADSTK or FPE_FLTSUB (other
 * architectures); a code without a row prints as "si_code N". */
enum { ANY_SIGNAL = 0, MAX_CAUSES = 7 };
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
      {K_SEGV_PKUERR, "failed protection key checks"},
      /* #GP: a non-canonical address, or a privileged instruction */
      {K_SI_KERNEL, "general protection fault"}}},
    {K_SIGBUS, "SIGBUS",
     {{K_BUS_ADRALN, "invalid address alignment"},
      {K_BUS_ADRERR, "nonexistent physical address"},
      {K_BUS_OBJERR, "object-specific hardware error"},
      {K_BUS_MCEERR_AR, "hardware memory error consumed"},
      {K_BUS_MCEERR_AO, "hardware memory error detected"}}},
    {K_SIGILL, "SIGILL",
     {{K_ILL_ILLOPC, "illegal opcode"},
      /* x86 Linux (and qemu) report every #UD, ud2 included, as ILLOPN */
      {K_ILL_ILLOPN, "invalid opcode"},
      {K_ILL_PRVOPC, "privileged opcode"}}},
    {K_SIGFPE, "SIGFPE",
     {{K_FPE_INTDIV, "integer divide by zero"},
      {K_FPE_INTOVF, "integer overflow"},
      {K_FPE_FLTDIV, "floating-point divide by zero"},
      {K_FPE_FLTOVF, "floating-point overflow"},
      {K_FPE_FLTUND, "floating-point underflow"},
      {K_FPE_FLTRES, "floating-point inexact result"},
      {K_FPE_FLTINV, "floating-point invalid operation"}}},
    {ANY_SIGNAL, NULL,
     {{K_SI_USER, "sent by kill"},
      {K_SI_TKILL, "sent by tkill"},
      {K_SI_QUEUE, "sent by sigqueue"},
      {K_SI_KERNEL, "sent by the kernel"}}},
};

/* The registers of the report, REGS_PER_LINE to a line, from the
 * ucontext (.rodata arc_rt_crash_regs, written by emit_crash). */
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

/* Policy lookup keys, 16 bits: KIND << 13 | signo << 8 | (uint8_t)si_code
 * (signals 1..31; the si_codes in the table are distinct in their low
 * byte). */
enum { KEY_NAME = 1, KEY_CAUSE = 2, KEY_KIND_SHIFT = 13, KEY_SIG_SHIFT = 8 };
static uint16_t policy_key(int kind, int signo, int code)
{
    return (uint16_t)(kind << KEY_KIND_SHIFT | signo << KEY_SIG_SHIFT | (uint8_t)code);
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

/* arc_rt_sigreturn: the restorer the kernel returns to after a handler. */
static void emit_sigreturn(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_sigreturn", SYM_GLOBAL);
    fn.cold = 1;
    rt_sys(&fn.a, SYS_rt_sigreturn);
    enc_hlt(&fn.a);
    rt_end(rt, &fn);
}

/* arc_rt_sigaction_all(rsi = struct sigaction): rt_sigaction for every
 * reporter signal.  Keeps rsi; clobbers rax rcx rdx rdi r8 r10 r11.
 *   r8d  the signals left, bit s-1 for signal s; edi the signal */
static void emit_sigaction_all(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_sigaction_all", SYM_LOCAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    int next = enc_label(a), skip = enc_label(a);
    enc_mov(a, 4, opr(R8), opi((int64_t)reporter_mask()));
    enc_alu(a, ALU_XOR, 4, opr(RDI), opr(RDI));
    enc_bind(a, next);
    enc_unary(a, UN_INC, 4, opr(RDI));
    enc_shift(a, SH_SHR, 4, opr(R8), opi(1));           /* CF: signal edi */
    enc_jcc_short(a, CC_AE, skip);
    enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
    enc_mov(a, 4, opr(R10), opi(UFSIZE(sigaction, mask)));
    rt_sys(a, SYS_rt_sigaction);
    enc_bind(a, skip);
    enc_test(a, 4, opr(R8), opr(R8));
    enc_jcc(a, CC_NE, next);
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_signal_init(): the reporter's start-up hook (its .arc_init entry
 * is arc_rt_signal_hook; start.c).  One kernel struct sigaction on the
 * stack, passed to rt_sigaction for every policy row; then
 * arc_rt_altstack_fn = arc_rt_altstack_init, for the scheduler's workers
 * (gen/rt/sched.c), arc_rt_backtrace_fn = arc_rt_crash, for arc_rt_fatal, and
 * the calling thread's altstack.
 *
 *   rsp+0   struct sigaction { handler, flags, restorer, mask }   32 bytes
 *
 * SA_NODEFER and an empty mask: a fault inside the handler enters it
 * again (on the same altstack, below the first frame), which is how a
 * fault in the reporter ends its report with a note instead of silence.
 * arc_rt_altstack_fn and arc_rt_backtrace_fn are written here, before any
 * worker is cloned, and only read afterwards (clone orders them). */
static void emit_signal_init(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_signal_init", SYM_GLOBAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    enum { FRAME = 40 }; /* the struct, and rsp 16-aligned again */
    int altfn = rt_bss(rt, "arc_rt_altstack_fn", 8, 8, SYM_GLOBAL);
    int crashfn = rt_bss(rt, "arc_rt_backtrace_fn", 8, 8, SYM_GLOBAL);
    enc_alu(a, ALU_SUB, 8, opr(RSP), opi(FRAME));
    enc_mov_sym32(a, RAX, rt_sym(rt, "arc_rt_crash"), 0);
    enc_mov(a, 8, opm(mem_rip(crashfn, 0)), opr(RAX));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, handler))), opr(RAX));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, flags))),
            opi(K_SA_SIGINFO | K_SA_ONSTACK | K_SA_RESTORER | K_SA_NODEFER));
    enc_mov_sym32(a, RAX, rt_sym(rt, "arc_rt_sigreturn"), 0);
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, restorer))), opr(RAX));
    enc_mov(a, 8, opm(mem_b(RSP, UOFF(sigaction, mask))), opi(0));
    enc_mov(a, 8, opr(RSI), opr(RSP));
    enc_call_sym(a, rt_sym(rt, "arc_rt_sigaction_all"));
    enc_mov_sym32(a, RAX, rt_sym(rt, "arc_rt_altstack_init"), 0);
    enc_mov(a, 8, opm(mem_rip(altfn, 0)), opr(RAX));
    enc_alu(a, ALU_ADD, 8, opr(RSP), opi(FRAME));
    enc_alu(a, ALU_XOR, 4, opr(RDI), opr(RDI));
    enc_jmp_sym(a, rt_sym(rt, "arc_rt_altstack_init"));
    rt_end(rt, &fn);
    rt_init_hook(rt, &fn, "arc_rt_signal_hook", SYM_GLOBAL);
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
    fn.cold = 1;
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
    enc_mov_sym32(a, RSI, area, 0);
    enc_mov(a, 4, opr(RDX), opi(ALTSTACK_SIZE));
    enc_bind(a, check);
    enc_alu(a, ALU_CMP, 8, opr(RDX), opr(R8));
    enc_jcc(a, CC_AE, install);
    /* Too small for this CPU's signal frame: map one that is not. */
    enc_mov(a, 8, opm(mem_b(RSP, SAVED)), opr(R8));
    rt_mmap(a, opr(R8), K_MAP_STACK);
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
    rt_sys(a, SYS_sigaltstack);
    enc_bind(a, out);
    enc_alu(a, ALU_ADD, 8, opr(RSP), opi(FRAME));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* --- the handler ----------------------------------------------------------
 *
 * Frame (rbp-based; the kernel enters with rsp = 8 mod 16 on the altstack).
 * The handler never returns, so it saves no register:
 *
 *   rbp+L_*           locals below, all within disp8 of rbp
 *   rbp+BUF           the output buffer, BUF_SIZE bytes
 *
 * Registers in the body: ebx signo, r12 siginfo, r13 ucontext, r14 frame
 * pointer being walked, r15 bytes in the buffer.  The subroutines at the
 * end of the function (called with call rel32) may clobber rax rcx rdx
 * rsi rdi r8-r11, except putc and flush, which keep every register. */
enum {
    L_SIGACT = -32,     /* a zeroed struct sigaction: SIG_DFL */
    L_WID = -40,        /* worker id */
    L_TID = -48,        /* task id */
    L_MAIN = -56,       /* nonzero: the main task */
    L_STATE = -64,      /* ST_* */
    L_STACK = -72,      /* ST_TASK: T_STACK (guard page first) */
    L_LO = -80,         /* frame walk bounds: [lo, hi) */
    L_HI = -88,
    L_OVF = -96,        /* nonzero: stack overflow */
    L_NFRAME = -104,
    L_SET = -112,       /* a sigset for rt_sigprocmask */
    L_PREV = -120,      /* the last return address printed */
    L_REP = -128,       /* how many frames since repeated it */
    L_SEG = -136,       /* stack.c: the segment of the frame being walked, or 0 */
    L_RET = -144,       /* the return address of the frame being walked */
    L_CROSS = -152,     /* stack.c: nonzero, that frame is the first of its segment */
    BUF_SIZE = 1024,
    BUF = -152 - BUF_SIZE - 8,
    FRAME = -BUF,       /* a multiple of 16: rsp stays aligned */
};
/* The one report of the process (.bss arc_rt_crash_state), claimed by
 * the first thread whose handler runs:
 *   CS_OWNER  u32: 0, then the reporting thread's tid (lock cmpxchg; never
 *             released, the process dies)
 *   CS_SIGNO  u32: the signal being reported        written by the owner,
 *   CS_FRAME  u64: the report's rbp (its buffer)    read only by the owner
 * A handler that finds another owner waits for the process to die; one
 * that finds itself as owner runs inside its own report (a fault in the
 * reporter): it writes what the report has buffered, a note, and dies by
 * the first signal. */
enum { CS_OWNER = 0, CS_SIGNO = 4, CS_FRAME = 8, CS_SIZE = 16 };
enum { ST_MAIN, ST_TASK, ST_UNKNOWN };
_Static_assert((int)L_LO == CRASH_LO && (int)L_HI == CRASH_HI && (int)L_OVF == CRASH_OVF &&
               (int)L_SEG == CRASH_SEG && (int)L_CROSS == CRASH_CROSS,
               "the words stack.c's walk fills in (rt.h)");

typedef struct Crash {
    Rt *rt;
    Asm *a;
    Buf text;           /* NUL-terminated strings: .rodata arc_rt_crash_text */
    int text_sym, policy_sym, regs_sym, sched_sym;
    int putc, putz, flush, hex, dec, sym, lookup;   /* subroutine labels */
    int die;            /* emit_die's code: ebx the signal */
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

/* text() for the policy table's u16 offsets. */
static uint16_t text16(Crash *c, const char *s)
{
    int32_t off = text(c, s);
    if (off > UINT16_MAX)
        die("the crash reporter's text pool outgrew its u16 offsets");
    return (uint16_t)off;
}

static Opnd local(int32_t off) { return opm(mem_b(RBP, off)); }

/* Print a literal string. */
static void puts_lit(Crash *c, const char *s)
{
    enc_mov_sym32(c->a, RSI, c->text_sym, text(c, s));
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
    enc_jcc_short(a, CC_B, store);
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
    enc_jcc_short(a, CC_E, done);
    for (int i = 0; i < countof(saved); i++)
        enc_push(a, opr(saved[i]));
    enc_mov(a, 4, opr(RDI), opi(2));
    enc_lea(a, 8, RSI, mem_b(RBP, BUF));
    enc_mov(a, 8, opr(RDX), opr(R15));
    rt_sys(a, SYS_write);
    for (int i = countof(saved) - 1; i >= 0; i--)
        enc_pop(a, opr(saved[i]));
    enc_alu(a, ALU_XOR, 4, opr(R15), opr(R15));
    enc_bind(a, done);
    enc_ret(a);
}

/* putz: the NUL-terminated string at rsi (rsi ends on its NUL). */
static void emit_putz(Crash *c)
{
    Asm *a = c->a;
    int loop = enc_label(a), done = enc_label(a);
    enc_bind(a, c->putz);
    enc_bind(a, loop);
    enc_movzx(a, 4, RAX, 1, opm(mem_b(RSI, 0)));
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, done);
    enc_call_label(a, c->putc);
    enc_unary(a, UN_INC, 8, opr(RSI));
    enc_jmp_short(a, loop);
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
    enc_jcc_short(a, CC_NE, emit);
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, start);
    enc_alu(a, ALU_CMP, 4, opr(R8), opr(RCX));
    enc_jcc_short(a, CC_A, skip);
    enc_bind(a, start);
    enc_mov(a, 4, opr(R9), opi(1));
    enc_bind(a, emit);
    enc_alu(a, ALU_CMP, 4, opr(RAX), opi(10));
    enc_jcc_short(a, CC_B, digit);
    enc_alu(a, ALU_ADD, 4, opr(RAX), opi('a' - '0' - 10));
    enc_bind(a, digit);
    enc_alu(a, ALU_ADD, 4, opr(RAX), opi('0'));
    enc_call_label(a, c->putc);
    enc_bind(a, skip);
    enc_unary(a, UN_DEC, 4, opr(R8));
    enc_jcc_short(a, CC_NE, loop);
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
    enc_jcc_short(a, CC_NS, pos);
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
    enc_jcc_short(a, CC_NE, divide);
    enc_bind(a, print);
    enc_pop(a, opr(RAX));
    enc_alu(a, ALU_ADD, 4, opr(RAX), opi('0'));
    enc_call_label(a, c->putc);
    enc_unary(a, UN_DEC, 4, opr(RCX));
    enc_jcc_short(a, CC_NE, print);
    enc_ret(a);
}

/* sym: rax an address, rdx the bias.  The table linker/functab.c writes
 * (its layout: FTAB_* in linker/functab.h):
 *
 *   u32 count
 *   count x { u32 addr; u32 size; u32 name }   name: offset from the start
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
    enc_mov_sym32(a, R8, rt_sym(c->rt, "arc_functab_start"), 0);
    enc_mov_sym32(a, R9, rt_sym(c->rt, "arc_functab_end"), 0);
    enc_mov(a, 8, opr(RCX), opr(R9));
    enc_alu(a, ALU_SUB, 8, opr(RCX), opr(R8));            /* table bytes */
    enc_alu(a, ALU_SUB, 8, opr(RCX), opi(FTAB_HEAD));
    enc_jcc_short(a, CC_B, unknown);
    enc_mov(a, 4, opr(R11), opm(mem_b(R8, FTAB_COUNT)));
    enc_imul3(a, 8, R10, opr(R11), FTAB_ENTRY);           /* the entries' bytes: no overflow */
    enc_alu(a, ALU_CMP, 8, opr(R10), opr(RCX));
    enc_jcc_short(a, CC_A, unknown);
    enc_lea(a, 8, R10, mem_b(R8, FTAB_HEAD));
    enc_bind(a, loop);
    enc_test(a, 8, opr(R11), opr(R11));
    enc_jcc_short(a, CC_E, unknown);
    enc_mov(a, 8, opr(RDX), opr(RAX));
    enc_mov(a, 4, opr(RCX), opm(mem_b(R10, FTAB_ADDR)));
    enc_alu(a, ALU_SUB, 8, opr(RDX), opr(RCX));
    enc_jcc_short(a, CC_B, next);
    enc_mov(a, 4, opr(RCX), opm(mem_b(R10, FTAB_SIZE)));
    enc_alu(a, ALU_CMP, 8, opr(RDX), opr(RCX));
    enc_jcc_short(a, CC_B, found);
    enc_bind(a, next);
    enc_alu(a, ALU_ADD, 8, opr(R10), opi(FTAB_ENTRY));
    enc_unary(a, UN_DEC, 8, opr(R11));
    enc_jmp_short(a, loop);
    enc_bind(a, unknown);
    putc_lit(c, '?');
    enc_ret(a);
    /* found: the name, then "+0x<offset of the unbiased address>" */
    enc_bind(a, found);
    enc_mov(a, 4, opr(RSI), opm(mem_b(R10, FTAB_NAME)));
    enc_alu(a, ALU_ADD, 8, opr(RSI), opr(R8));
    enc_alu(a, ALU_CMP, 8, opr(RSI), opr(R9));
    enc_jcc_short(a, CC_AE, unknown);
    enc_call_label(a, c->putz);
    enc_mov(a, 8, opr(RAX), opr(RDI));
    enc_mov(a, 4, opr(RCX), opm(mem_b(R10, FTAB_ADDR)));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RCX));
    enc_jcc_short(a, CC_E, done);
    enc_mov(a, 8, opr(RDI), opr(RAX));
    putc_lit(c, '+');
    enc_mov(a, 8, opr(RAX), opr(RDI));
    put_hex(c, 1);
    enc_bind(a, done);
    enc_ret(a);
}

/* lookup: edi a policy key -> rax its string, or 0.  The table is
 * u16 pairs { key, offset in arc_rt_crash_text }, ending with key 0. */
static void emit_lookup(Crash *c)
{
    Asm *a = c->a;
    int loop = enc_label(a), found = enc_label(a), none = enc_label(a);
    enc_bind(a, c->lookup);
    enc_mov_sym32(a, RCX, c->policy_sym, 0);
    enc_bind(a, loop);
    enc_movzx(a, 4, RAX, 2, opm(mem_b(RCX, 0)));
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, none);
    enc_alu(a, ALU_CMP, 4, opr(RAX), opr(RDI));
    enc_jcc_short(a, CC_E, found);
    enc_alu(a, ALU_ADD, 8, opr(RCX), opi(4));
    enc_jmp_short(a, loop);
    enc_bind(a, found);
    enc_movzx(a, 4, RAX, 2, opm(mem_b(RCX, 2)));
    enc_mov_sym32(a, RDX, c->text_sym, 0);
    enc_alu(a, ALU_ADD, 8, opr(RAX), opr(RDX));
    enc_bind(a, none);
    enc_ret(a);
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
    /* the locals start zeroed: L_WID 0, L_STATE ST_MAIN */
    enc_mov(a, 8, local(L_TID), opi(1));
    enc_mov(a, 8, local(L_MAIN), opi(1));
    if (c->sched_sym >= 0) {
        enc_movzx(a, 4, RAX, 1, opm(mem_rip(c->sched_sym, G_INIT)));
        enc_test(a, 4, opr(RAX), opr(RAX));
        enc_jcc_short(a, CC_E, done);
        rt_load_worker(a, RAX);
        enc_test(a, 8, opr(RAX), opr(RAX));
        enc_jcc_short(a, CC_E, done);
        enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, WK_ID)));
        enc_mov(a, 8, local(L_WID), opr(RCX));
        enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, WK_CUR)));
        enc_test(a, 8, opr(RCX), opr(RCX));
        enc_jcc_short(a, CC_NE, task);
        enc_mov(a, 8, local(L_TID), opi(0));          /* the scheduler loop */
        enc_mov(a, 8, local(L_MAIN), opi(0));
        enc_mov(a, 8, local(L_STATE), opi(ST_UNKNOWN));
        enc_jmp_short(a, done);
        enc_bind(a, task);
        enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_ID)));
        enc_mov(a, 8, local(L_TID), opr(RDX));
        enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_FLAGS)));
        enc_alu(a, ALU_AND, 4, opr(RDX), opi(TF_MAIN));
        enc_mov(a, 8, local(L_MAIN), opr(RDX));
        enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_STACK)));
        enc_alu(a, ALU_CMP, 8, opr(RDX), opi(1));
        enc_jcc_short(a, CC_E, done);                       /* main: process stack */
        enc_mov(a, 8, local(L_STATE), opi(ST_UNKNOWN));
        enc_jcc_short(a, CC_B, done);                       /* no stack yet */
        enc_mov(a, 8, local(L_STACK), opr(RDX));
        enc_mov(a, 8, local(L_STATE), opi(ST_TASK));
    }
    enc_bind(a, done);

    enc_mov(a, 8, opr(R14), opm(mem_b(R13, UOFF(ucontext, mc_rsp))));
    enc_mov(a, 8, opr(RAX), local(L_STATE));
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(ST_MAIN));
    enc_jcc_short(a, CC_NE, notmain);
    enc_mov(a, 8, local(L_LO), opr(R14));
    enc_mov(a, 8, opr(RAX), opm(mem_rip(rt_sym(c->rt, "arc_rt_proc"), P_ARGV)));
    enc_mov(a, 8, local(L_HI), opr(RAX));
    /* overflow: addr - (sp - BELOW) < BELOW + ABOVE, unsigned */
    enc_mov(a, 8, opr(RAX), opm(mem_b(R12, UOFF(siginfo, addr))));
    enc_lea(a, 8, RCX, mem_b(R14, -MAIN_OVERFLOW_BELOW));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RCX));
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(MAIN_OVERFLOW_BELOW + MAIN_OVERFLOW_ABOVE));
    enc_setcc(a, CC_B, local(L_OVF));
    enc_jmp_short(a, bounded);
    enc_bind(a, notmain);
    if (c->sched_sym >= 0) {
        enc_alu(a, ALU_CMP, 8, opr(RAX), opi(ST_TASK));
        enc_jcc_short(a, CC_NE, bounded);
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
    /* segmented stacks: stack.c's view of them, when it is linked */
    enc_mov(a, 8, local(L_CROSS), opi(0));
    int nohook = enc_label(a);
    enc_mov(a, 8, opr(RAX), opm(mem_rip(rt_sym(c->rt, "arc_rt_stack_walk"), 0)));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, nohook);
    enc_call_ind(a, opr(RAX));
    enc_bind(a, nohook);
    /* Only a memory fault can be an overflow. */
    enc_alu(a, ALU_CMP, 4, opr(RBX), opi(K_SIGSEGV));
    enc_jcc_short(a, CC_E, keep);
    enc_alu(a, ALU_CMP, 4, opr(RBX), opi(K_SIGBUS));
    enc_jcc_short(a, CC_E, keep);
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
    enc_shift(a, SH_SHL, 4, opr(RDI), opi(KEY_SIG_SHIFT));
    enc_alu(a, ALU_OR, 4, opr(RDI), opi(KEY_NAME << KEY_KIND_SHIFT));
    enc_call_label(a, c->lookup);
    enc_mov(a, 8, opr(RSI), opr(RAX));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, named);
    puts_lit(c, "signal ");
    enc_mov(a, 4, opr(RAX), opr(RBX));
    enc_call_label(a, c->dec);
    enc_jmp_short(a, cause);
    enc_bind(a, named);
    enc_call_label(a, c->putz);
    enc_bind(a, cause);
    puts_lit(c, " (");
    int plain = enc_label(a);
    enc_alu(a, ALU_CMP, 1, local(L_OVF), opi(0));
    enc_jcc_short(a, CC_E, plain);
    puts_lit(c, "stack overflow) in task ");
    enc_mov(a, 8, opr(RAX), local(L_TID));
    enc_call_label(a, c->dec);
    enc_jmp_short(a, at);
    enc_bind(a, plain);
    /* this signal's row first, then the ANY_SIGNAL rows */
    enc_movzx(a, 4, RDI, 1, opm(mem_b(R12, UOFF(siginfo, code))));
    enc_alu(a, ALU_OR, 4, opr(RDI), opi(KEY_CAUSE << KEY_KIND_SHIFT));
    enc_mov(a, 8, local(L_SET), opr(RDI));
    enc_mov(a, 4, opr(RAX), opr(RBX));
    enc_shift(a, SH_SHL, 4, opr(RAX), opi(KEY_SIG_SHIFT));
    enc_alu(a, ALU_OR, 4, opr(RDI), opr(RAX));
    enc_call_label(a, c->lookup);
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, found);
    enc_mov(a, 8, opr(RDI), local(L_SET));
    enc_call_label(a, c->lookup);
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, found);
    puts_lit(c, "si_code ");
    enc_movsx(a, 8, RAX, 4, opm(mem_b(R12, UOFF(siginfo, code))));
    enc_call_label(a, c->dec);
    enc_jmp_short(a, closed);
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
    enc_jcc_short(a, CC_NE, task);
    puts_lit(c, "scheduler");
    enc_jmp_short(a, worker);
    enc_bind(a, task);
    puts_lit(c, "task ");
    enc_mov(a, 8, opr(RAX), local(L_TID));
    enc_call_label(a, c->dec);
    enc_alu(a, ALU_CMP, 8, local(L_MAIN), opi(0));
    enc_jcc_short(a, CC_E, worker);
    puts_lit(c, " (main)");
    enc_bind(a, worker);
    puts_lit(c, " on worker ");
    enc_mov(a, 8, opr(RAX), local(L_WID));
    enc_call_label(a, c->dec);
    putc_lit(c, '\n');
    /* the register file, a loop over arc_rt_crash_regs: rsi the entry
     * (putz leaves it on the label's NUL; hex keeps it), r14 the offset */
    int loop = enc_label(a), last = enc_label(a);
    enc_mov_sym32(a, RSI, c->regs_sym, 0);
    enc_bind(a, loop);
    enc_movzx(a, 4, R14, 1, opm(mem_b(RSI, 0)));
    enc_test(a, 4, opr(R14), opr(R14));
    enc_jcc_short(a, CC_E, last);
    enc_unary(a, UN_INC, 8, opr(RSI));
    enc_call_label(a, c->putz);
    enc_unary(a, UN_INC, 8, opr(RSI));
    enc_mov(a, 8, opr(RAX), opm(mem_bis(R13, R14, 8, 0)));
    put_hex(c, 16);
    enc_jmp_short(a, loop);
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
    enc_jcc_short(a, CC_E, none);
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
    enc_mov(a, 8, local(L_NFRAME), opi(1));      /* L_PREV, L_REP: still 0 */
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
    enc_mov(a, 8, opr(RCX), opm(mem_rip(rt_sym(c->rt, "arc_rt_stack_walk"), 8)));
    enc_test(a, 8, opr(RCX), opr(RCX));
    enc_jcc_short(a, CC_E, same);
    enc_call_ind(a, opr(RCX));
    enc_bind(a, same);
    enc_mov(a, 8, local(L_RET), opr(RAX));
    enc_alu(a, ALU_CMP, 8, opr(RAX), local(L_PREV));
    enc_jcc_short(a, CC_NE, fresh);
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
    enc_jcc(a, CC_NE, moved);
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

/* SIG_DFL for every reporter signal (through L_SIGACT, still zero): from
 * here on a fault kills the process at once. */
static void emit_default_action(Crash *c)
{
    Asm *a = c->a;
    enc_lea(a, 8, RSI, mem_b(RBP, L_SIGACT));
    enc_call_sym(a, rt_sym(c->rt, "arc_rt_sigaction_all"));
}

/* Die by signal ebx: SIG_DFL for every reporter signal, then
 * tgkill(getpid(), gettid(), ebx) and unblock it (should the program have
 * blocked it).  exit_group(128 + sig) only if the process somehow
 * survives. */
static void emit_die(Crash *c)
{
    Asm *a = c->a;
    emit_default_action(c);
    enc_lea(a, 4, RCX, mem_b(RBX, -1));
    enc_mov(a, 4, opr(RAX), opi(1));
    enc_shift(a, SH_SHL, 8, opr(RAX), opr(RCX));
    enc_mov(a, 8, local(L_SET), opr(RAX));
    rt_sys(a, SYS_getpid);
    enc_mov(a, 4, opr(R12), opr(RAX));
    rt_sys(a, SYS_gettid);
    enc_mov(a, 4, opr(RSI), opr(RAX));
    enc_mov(a, 4, opr(RDI), opr(R12));
    enc_mov(a, 4, opr(RDX), opr(RBX));
    rt_sys(a, SYS_tgkill);
    enc_mov(a, 4, opr(RDI), opi(K_SIG_UNBLOCK));
    enc_lea(a, 8, RSI, mem_b(RBP, L_SET));
    enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
    enc_mov(a, 4, opr(R10), opi(UFSIZE(sigaction, mask)));
    rt_sys(a, SYS_rt_sigprocmask);
    enc_lea(a, 4, RDI, mem_b(RBX, 128));
    rt_sys(a, SYS_exit_group);
    enc_hlt(a);
}

/* Claim the report (arc_rt_crash_state), r14d = our tid.  Falls through
 * as the owner; the two other cases end here:
 *   another thread reports: pause until its signal ends the process
 *     (two workers faulting at once give one report, not two interleaved)
 *   we report already (a fault in the reporter): write the buffered part
 *     of the report (CS_FRAME's buffer, the outer r15 bytes, checked),
 *     a note with this fault's address, and die by CS_SIGNO. */
static void emit_claim(Crash *c, int state)
{
    Asm *a = c->a;
    int claimed = enc_label(a), wait = enc_label(a), note = enc_label(a);
    rt_sys(a, SYS_gettid);
    enc_mov(a, 4, opr(R14), opr(RAX));
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    enc_lock_cmpxchg(a, 4, mem_rip(state, CS_OWNER), R14);
    enc_jcc_short(a, CC_E, claimed);
    enc_alu(a, ALU_CMP, 4, opr(RAX), opr(R14));
    enc_jcc_short(a, CC_NE, wait);
    /* inside our own report */
    enc_mov(a, 8, opr(RDX), opm(mem_b(R13, UOFF(ucontext, mcontext) + UOFF(sigcontext, r15))));
    enc_alu(a, ALU_CMP, 8, opr(RDX), opi(BUF_SIZE));
    enc_jcc_short(a, CC_A, note);
    enc_mov(a, 8, opr(RSI), opm(mem_rip(state, CS_FRAME)));
    enc_lea(a, 8, RSI, mem_b(RSI, BUF));
    enc_mov(a, 4, opr(RDI), opi(2));
    rt_sys(a, SYS_write);
    enc_bind(a, note);
    puts_lit(c, "arc: the crash reporter faulted at address ");
    enc_mov(a, 8, opr(RAX), opm(mem_b(R12, UOFF(siginfo, addr))));
    put_hex(c, 1);
    puts_lit(c, ": report cut short\n");
    enc_call_label(a, c->flush);
    enc_mov(a, 4, opr(RBX), opm(mem_rip(state, CS_SIGNO)));
    enc_jmp(a, c->die);
    enc_bind(a, wait);
    rt_sys(a, SYS_pause);
    enc_jmp_short(a, wait);
    enc_bind(a, claimed);
    enc_mov(a, 4, opm(mem_rip(state, CS_SIGNO)), opr(RBX));
    enc_mov(a, 8, opm(mem_rip(state, CS_FRAME)), opr(RBP));
}

/* arc_rt_crash(edi = signo, rsi = siginfo, rdx = ucontext).  Signal
 * number 0 is no signal: a runtime error (arc_rt_fatal, sched.c) wants
 * only the backtrace of the ucontext it made up; then arc_rt_crash
 * returns with rsp restored but the callee-saved registers clobbered
 * (arc_rt_fatal only exits after it). */
static void emit_crash(Rt *rt, int sched_sym)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_crash", SYM_GLOBAL);
    fn.cold = 1;
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
    c.die = enc_label(a);

    enc_push(a, opr(RBP));
    enc_mov(a, 8, opr(RBP), opr(RSP));
    enc_alu(a, ALU_SUB, 8, opr(RSP), opi(FRAME));
    enc_mov(a, 4, opr(RBX), opr(RDI));
    enc_mov(a, 8, opr(R12), opr(RSI));
    enc_mov(a, 8, opr(R13), opr(RDX));
    /* every local zero: L_SIGACT is SIG_DFL, the report's state starts
     * from "main task, no stack bounds, no overflow" */
    enc_lea(a, 8, RDI, mem_b(RBP, L_REP));
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    enc_mov(a, 4, opr(RCX), opi(-L_REP));
    enc_rep_stosb(a);
    enc_alu(a, ALU_XOR, 4, opr(R15), opr(R15));
    /* Signal number 0 (arc_rt_fatal): no claim, no headline, no
     * registers, only the walk; then return. */
    int context = enc_label(a), walk = enc_label(a);
    enc_test(a, 4, opr(RBX), opr(RBX));
    enc_jcc(a, CC_E, context);
    emit_claim(&c, rt_bss(rt, "arc_rt_crash_state", CS_SIZE, 8, SYM_LOCAL));
    enc_bind(a, context);
    emit_context(&c);
    enc_test(a, 4, opr(RBX), opr(RBX));
    enc_jcc(a, CC_E, walk);
    emit_headline(&c);
    emit_machine(&c);
    enc_bind(a, walk);
    emit_backtrace(&c);
    enc_test(a, 4, opr(RBX), opr(RBX));
    enc_jcc(a, CC_NE, c.die);
    enc_mov(a, 8, opr(RSP), opr(RBP));
    enc_pop(a, opr(RBP));
    enc_ret(a);
    enc_bind(a, c.die);
    emit_die(&c);

    emit_putc(&c);
    emit_flush(&c);
    emit_putz(&c);
    emit_hex(&c);
    emit_dec(&c);
    emit_sym(&c);
    emit_lookup(&c);
    rt_end(rt, &fn);

    /* The policy table as u16 { key, text offset } pairs, ending with 0. */
    Buf pol = {0};
    for (int i = 0; i < countof(policy); i++) {
        if (policy[i].name) {
            buf_u16(&pol, policy_key(KEY_NAME, policy[i].signo, 0));
            buf_u16(&pol, text16(&c, policy[i].name));
        }
        for (int k = 0; k < MAX_CAUSES && policy[i].causes[k].cause; k++) {
            buf_u16(&pol, policy_key(KEY_CAUSE, policy[i].signo, policy[i].causes[k].code));
            buf_u16(&pol, text16(&c, policy[i].causes[k].cause));
        }
    }
    buf_u32(&pol, 0);
    rt_rodata(rt, "arc_rt_crash_policy", pol.p, pol.len, 2, SYM_LOCAL);
    buf_free(&pol);
    /* The registers: u8 offset / 8 in the ucontext, then the label
     * (NUL-terminated; a newline starts each line but the first); ends
     * with offset 0. */
    Buf rv = {0};
    for (int i = 0; i < countof(regs); i++) {
        char label[16];
        snprintf(label, sizeof label, "%s  %s ", i && i % REGS_PER_LINE == 0 ? "\n" : "", regs[i].name);
        buf_u8(&rv, (uint8_t)(regs[i].off / 8));
        buf_put(&rv, label, strlen(label) + 1);
    }
    buf_u8(&rv, 0);
    rt_rodata(rt, "arc_rt_crash_regs", rv.p, rv.len, 1, SYM_LOCAL);
    buf_free(&rv);
    rt_rodata(rt, "arc_rt_crash_text", c.text.p, c.text.len, 1, SYM_LOCAL);
    buf_free(&c.text);
}

void rt_emit_signal(Rt *rt)
{
    /* The scheduler's state is read only when sched.c is in the image
     * (image/runtime.c calls rt_emit_sched first). */
    int sched = rt_sym(rt, "arc_rt_sched");
    emit_sigreturn(rt);
    emit_sigaction_all(rt);
    emit_signal_init(rt);
    emit_altstack_init(rt);
    emit_crash(rt, elf_symbol_defined(rt->elf, sched) ? sched : -1);
}
