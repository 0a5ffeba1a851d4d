/* signal.c: the crash reporter (SIGSEGV, SIGBUS, SIGILL, SIGFPE).
 *
 * Needs: the start-up hook's (argc, argv, envp, auxv) (start.c: argv
 * bounds the main stack, auxv gives AT_MINSIGSTKSZ), the scheduler's
 * arc_rt_sched and worker blocks when sched.c is part of the image, and
 * the function table the link step puts between arc_functab_start and
 * arc_functab_end (linker/functab.c writes it; linker/arc.ld defines the
 * two symbols, equal when there is none).  Produces:
 *
 *   arc_rt_signal_start         the start-up hook (its entry
 *                               arc_rt_signal_hook, which the link step
 *                               keeps with ld -u unless --no-crash-report:
 *                               every program has it): fills in
 *                               arc_rt_signal_env, then falls through
 *                               into arc_rt_signal_init (one function,
 *                               three entry points: rt_entry)
 *   arc_rt_signal_init()        C ABI: install the handler for every row of
 *                               the policy table, then the calling thread's
 *                               altstack (.bss arc_rt_altstack)
 *   arc_rt_sigaction_all(act)   rt_sigaction(act) for every reporter signal
 *   arc_rt_altstack_fn          .bss: arc_rt_altstack_init once the
 *                               reporter is installed, else 0 (the workers
 *                               call it: gen/rt/sched.c)
 *   arc_rt_backtrace_fn         .bss: arc_rt_crash once the reporter is
 *                               installed, else 0 (arc_rt_fatal's backtrace:
 *                               gen/rt/sched.c; a reference through data,
 *                               so a runtime error alone does not link the
 *                               reporter into a --no-crash-report program)
 *   arc_rt_altstack_init(base, size)  sigaltstack for the calling thread
 *                               on that area, or on one from mmap if
 *                               AT_MINSIGSTKSZ asks for more.  Returns 0 or
 *                               -errno
 *   arc_rt_sigreturn            the SA_RESTORER trampoline
 *   arc_rt_crash(sig, si, uc)   the handler: report on fd 2, then die by sig
 *   arc_rt_sched_context        the scheduler's part of the report (when
 *                               sched.c is in the image), registered in
 *                               arc_rt_sched_context_fn by a start-up hook
 *                               the link step asks for when the program has
 *                               both the reporter and the scheduler
 *
 * The handler runs on the altstack and does only async-signal-safe work:
 * raw syscalls, a line buffer in its own frame, range-checked reads.
 * First it claims the process's one report (emit_claim: a second faulting
 * worker waits for the process to die; a fault inside the report
 * re-enters the handler, which ends the report with a note and dies by the
 * first signal).  It ends by putting SIG_DFL back for every reporter
 * signal, then tgkill(getpid, gettid, sig) and unblocking sig: the process
 * dies by the signal (status 128+sig).
 *
 * Size: every byte of the reporter is in every program, so the report is
 * printed from formats (putf: text with slots naming a local or a
 * ucontext word), forward jumps are short where they reach (the encoder
 * dies at generation time if one does not), and the names it prints are
 * stored without the prefixes the report adds back.
 *
 * The report, one item per line:
 *
 *   arc: fatal signal SIGSEGV (SEGV_MAPERR) at address 0x0
 *     pc  0x401234  crash_null+0x14
 *     sp  0x7ffc5a3e0f10  task 1 (main) on worker 0
 *     rax 0x0000000000000000  rbx ...   (rax .. r15 but rsp, then eflags)
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
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gen/rt/rt.h"
#include "linker/functab.h"

/* The policy table: one row per signal the reporter handles, with what
 * each si_code means for it.  ANY_SIGNAL rows apply to every signal.
 * Only the codes x86-64 Linux raises are named (each costs every program
 * its text; arch/x86/kernel/traps.c and fault.c): not SEGV_BNDERR (MPX,
 * gone since Linux 5.6), ILL_ILLOPC (every #UD is ILL_ILLOPN), ILL_PRVOPC
 * (a privileged instruction is a #GP: SIGSEGV, SI_KERNEL), FPE_INTOVF
 * (into is no instruction in 64-bit mode), BUS_ADRALN (only with EFLAGS.AC
 * set), nor the other architectures' ILL_ILLADR, ILL_ILLTRP, ILL_PRVREG,
 * ILL_COPROC, ILL_BADSTK or FPE_FLTSUB; a code without a row prints as
 * "si_code N".  The names are the kernel headers' (SIGSEGV, SEGV_MAPERR,
 * SI_USER), stored without the prefix the report adds back: SIG before a
 * signal's name, NAME_ before its causes, SI_ before the ANY_SIGNAL rows'
 * (ANY_PREFIX). */
enum { ANY_SIGNAL = 0, MAX_CAUSES = 7 };
#define ANY_PREFIX "SI"
static const struct {
    int signo;
    const char *name;
    struct {
        int code;
        const char *cause;
    } causes[MAX_CAUSES];
} policy[] = {
    {K_SIGSEGV, "SEGV",
     {{K_SEGV_MAPERR, "MAPERR"},
      {K_SEGV_ACCERR, "ACCERR"},
      {K_SEGV_PKUERR, "PKUERR"}}},
    {K_SIGBUS, "BUS",
     {{K_BUS_ADRERR, "ADRERR"},
      {K_BUS_OBJERR, "OBJERR"},
      {K_BUS_MCEERR_AR, "MCEERR_AR"},
      {K_BUS_MCEERR_AO, "MCEERR_AO"}}},
    {K_SIGILL, "ILL",
     /* x86 Linux (and qemu) report every #UD, ud2 included, as ILLOPN */
     {{K_ILL_ILLOPN, "ILLOPN"}}},
    {K_SIGFPE, "FPE",
     {{K_FPE_INTDIV, "INTDIV"},
      {K_FPE_FLTDIV, "FLTDIV"},
      {K_FPE_FLTOVF, "FLTOVF"},
      {K_FPE_FLTUND, "FLTUND"},
      {K_FPE_FLTRES, "FLTRES"},
      {K_FPE_FLTINV, "FLTINV"}}},
    {ANY_SIGNAL, NULL,
     {{K_SI_USER, "USER"},
      {K_SI_TKILL, "TKILL"},
      {K_SI_QUEUE, "QUEUE"},
      /* SIGSEGV: a #GP (a non-canonical address, a privileged instruction) */
      {K_SI_KERNEL, "KERNEL"}}},
};

/* The registers of the report, REGS_PER_LINE to a line, from the
 * ucontext: one format (emit_crash).  rip and rsp are not among them: the
 * pc and sp lines above show them. */
enum { REGS_PER_LINE = 4 };
#define SC(r) (UOFF(ucontext, mcontext) + UOFF(sigcontext, r))
static const struct {
    const char *name;
    int off;
} regs[] = {
    {"rax", SC(rax)}, {"rbx", SC(rbx)}, {"rcx", SC(rcx)}, {"rdx", SC(rdx)},
    {"rsi", SC(rsi)}, {"rdi", SC(rdi)}, {"rbp", SC(rbp)}, {"r8 ", SC(r8)},
    {"r9 ", SC(r9)},  {"r10", SC(r10)}, {"r11", SC(r11)}, {"r12", SC(r12)},
    {"r13", SC(r13)}, {"r14", SC(r14)}, {"r15", SC(r15)}, {"eflags", SC(eflags)},
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
 * byte).  No key is 0, which ends the table. */
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

/* .bss arc_rt_signal_env, written once by the start-up hook before main
 * (and before any worker exists), read afterwards:
 *   SE_TOP   the main stack's top (argv: _start's stack is mapped up to
 *            there), 0 when arc_rt_signal_init was called by the program
 *            itself (then the main task's walk has no upper bound but the
 *            frame chain's end, and a bad frame pointer ends the report
 *            through the nested-fault path)
 *   SE_NEED  the bytes a signal stack needs: max(MIN_ALTSTACK,
 *            MINSIGSTKSZ_FACTOR * AT_MINSIGSTKSZ); 0 when not known */
enum { SE_TOP = 0, SE_NEED = 8, SE_SIZE = 16 };

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


/* arc_rt_signal_start(argc, argv, envp, auxv): the reporter's start-up
 * hook (its .arc_init entry is arc_rt_signal_hook; start.c): fills in
 * arc_rt_signal_env from argv and auxv, then falls through into
 * arc_rt_signal_init, which falls through into arc_rt_altstack_init: the
 * three are one function with three entry points (rt_entry), which saves
 * two jumps in every program. */
static void emit_signal_start(Asm *a, int env)
{
    int scan = enc_label(a), next = enc_label(a), done = enc_label(a);
    enc_mov(a, 8, opm(mem_rip(env, SE_TOP)), opr(RSI));
    enc_mov(a, 4, opr(R8), opi(MIN_ALTSTACK));
    enc_bind(a, scan);                      /* auxv pairs until AT_NULL */
    enc_mov(a, 8, opr(RAX), opm(mem_b(RCX, 0)));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, done);
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(K_AT_MINSIGSTKSZ));
    enc_jcc_short(a, CC_NE, next);
    enc_imul3(a, 8, RAX, opm(mem_b(RCX, 8)), MINSIGSTKSZ_FACTOR);
    enc_alu(a, ALU_CMP, 8, opr(RAX), opr(R8));
    enc_cmovcc(a, CC_A, 8, R8, opr(RAX));
    enc_bind(a, next);
    enc_alu(a, ALU_ADD, 8, opr(RCX), opi(16));
    enc_jmp_short(a, scan);
    enc_bind(a, done);
    enc_mov(a, 8, opm(mem_rip(env, SE_NEED)), opr(R8));
}

/* arc_rt_signal_init(): install the reporter (C ABI; the start-up hook
 * falls through into it, and a program linked with --no-crash-report may
 * call it).  It falls through into arc_rt_altstack_init.  One
 * kernel struct sigaction on the stack, passed to rt_sigaction for every
 * policy row; then arc_rt_altstack_fn = arc_rt_altstack_init, for the
 * scheduler's workers (gen/rt/sched.c), arc_rt_backtrace_fn =
 * arc_rt_crash, for arc_rt_fatal, and the calling thread's altstack
 * (.bss arc_rt_altstack).
 *
 *   rsp+0   struct sigaction { handler, flags, restorer, mask }   32 bytes
 *
 * SA_NODEFER and an empty mask: a fault inside the handler enters it
 * again (on the same altstack, below the first frame), which is how a
 * fault in the reporter ends its report with a note instead of silence.
 * arc_rt_altstack_fn and arc_rt_backtrace_fn are written here, before any
 * worker is cloned, and only read afterwards (clone orders them). */
static void emit_signal_init(Rt *rt, Asm *a)
{
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
    enc_mov_sym32(a, RSI, rt_bss(rt, "arc_rt_altstack", ALTSTACK_SIZE, 16, SYM_LOCAL), 0);
    enc_mov(a, 4, opr(RDX), opi(ALTSTACK_SIZE));
}

/* arc_rt_altstack_init(rsi = base, rdx = size) -> rax = 0 or -errno: the
 * calling thread's signal stack, that area (a worker's WK_ALTSTACK and
 * WK_ALTSIZE: sched.c; the main thread's .bss arc_rt_altstack:
 * arc_rt_signal_init), or one from mmap when SE_NEED asks for more.
 *
 *   rsp+0  stack_t { sp, flags, size } */
static void emit_altstack_init(Asm *a, int env)
{
    enum { FRAME = USIZE(stack) };   /* the stack_t (no call below: any alignment) */
    int install = enc_label(a), out = enc_label(a);
    enc_alu(a, ALU_SUB, 8, opr(RSP), opi(FRAME));
    enc_alu(a, ALU_CMP, 8, opr(RDX), opm(mem_rip(env, SE_NEED)));
    enc_jcc_short(a, CC_AE, install);
    /* Too small for this CPU's signal frame: map one that is not. */
    rt_mmap(a, opm(mem_rip(env, SE_NEED)), K_MAP_STACK);
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(-4095));
    enc_jcc_short(a, CC_AE, out);           /* -errno */
    enc_mov(a, 8, opr(RSI), opr(RAX));
    enc_mov(a, 8, opr(RDX), opm(mem_rip(env, SE_NEED)));
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
}

/* --- the handler ----------------------------------------------------------
 *
 * Frame (rbp-based; the kernel enters with rsp = 8 mod 16 on the altstack,
 * and with the direction flag clear, which lodsb relies on).  The handler
 * never returns from a signal, so it saves no register:
 *
 *   rbp+L_*           locals below, 8 bytes each
 *   rbp+BUF           the output buffer, BUF_SIZE bytes
 *   rbp+NAMES         sym's function name, NAMES_SIZE bytes
 *
 * Registers in the body: ebx signo, r12 siginfo, r13 ucontext, r14 frame
 * pointer being walked, r15 bytes in the buffer.  The subroutines at the
 * end of the function (called with call rel32) may clobber rax rcx rdx
 * rsi rdi r8-r11, except putc and flush, which keep every register but
 * r11. */
enum {
    L_TID = -8,         /* task id (0: the scheduler loop) */
    L_WHO = -16,        /* " (main)", " (scheduler)" or 0: after the task id */
    L_WID = -24,        /* worker id */
    L_ADDR = -32,       /* siginfo's si_addr */
    L_CODE = -40,       /* siginfo's si_code, sign-extended */
    L_NAME = -48,       /* the signal's name, or 0 */
    L_CAUSE = -56,      /* si_code's name, or 0 */
    L_PREFIX = -64,     /* its prefix: the signal's name or ANY_PREFIX */
    L_LO = -80,         /* frame walk bounds: [lo, hi) */
    L_HI = -88,
    L_OVF = -96,        /* low byte nonzero: stack overflow */
    L_NFRAME = -104,
    L_SET = -112,       /* a sigset for rt_sigprocmask; scratch before */
    L_PREV = -120,      /* the last return address printed */
    L_REP = -128,       /* how many frames since repeated it */
    L_SEG = -136,       /* stack.c: the segment of the frame being walked, or 0 */
    L_RET = -144,       /* the return address of the frame being walked */
    L_CROSS = -152,     /* stack.c: nonzero, that frame is the first of its segment */
    L_KTID = -160,      /* this thread's kernel tid */
    L_SIGACT = -192,    /* a zeroed struct sigaction (32 bytes): SIG_DFL */
    LOCALS = 192,       /* the most used within disp8 of rbp */
    BUF_SIZE = 256,     /* a line; a longer one is written in pieces */
    BUF = -LOCALS - BUF_SIZE,
    NAMES_SIZE = 256,   /* FTAB_NAME_MAX and the NUL, rounded up */
    NAMES = BUF - NAMES_SIZE, /* sym's name from the function table */
    FRAME = -NAMES,     /* a multiple of 16: rsp stays aligned */
};
_Static_assert(FRAME % 16 == 0, "the handler's frame keeps rsp aligned");
_Static_assert((int)NAMES_SIZE > (int)FTAB_NAME_MAX, "NAMES holds a name and its NUL");
/* The one report of the process (.bss arc_rt_crash_state), claimed by
 * the first thread whose handler runs:
 *   CS_OWNER  u32: 0, then the reporting thread's tid (lock cmpxchg; never
 *             released, the process dies)
 *   CS_SIGNO  u32: the signal being reported (written by the owner, read
 *             only by the owner)
 * A handler that finds another owner waits for the process to die; one
 * that finds itself as owner runs inside its own report (a fault in the
 * reporter): the report's complete lines are written already (putc); it
 * writes a note and dies by the first signal. */
enum { CS_OWNER = 0, CS_SIGNO = 4, CS_SIZE = 8 };
_Static_assert((int)L_LO == CRASH_LO && (int)L_HI == CRASH_HI && (int)L_OVF == CRASH_OVF &&
               (int)L_SEG == CRASH_SEG && (int)L_CROSS == CRASH_CROSS,
               "the words stack.c's walk fills in (rt.h)");

/* Formats (putf): NUL-terminated.  A byte below 0x80 is printed; a byte
 * F_ARG | kind (| F_UC) takes the next byte as a signed slot number: the
 * value is the 8 bytes at rbp + 8 * slot (a local), or with F_UC at
 * r13 + 8 * slot (the ucontext).  Kinds: */
enum {
    F_ARG = 0x80, F_UC = 0x08, F_KIND = 7,
    F_HEX = 0,          /* "0x" and the digits */
    F_DEC = 1,          /* signed decimal */
    F_HEX16 = 2,        /* "0x" and 16 digits */
    F_STR = 3,          /* the NUL-terminated string it points to (0: none) */
    F_SYM = 4,          /* "name+0xoff" of a code address, or "?" */
    F_RET = 5,          /* the same for a return address: the call before it */
};
_Static_assert(F_RET - F_SYM == 1, "putf passes kind - F_SYM as sym's bias");
_Static_assert(F_HEX < F_DEC && F_DEC < F_HEX16 && F_HEX16 < F_STR,
               "num's compares: the numbers below F_STR, F_HEX16 above F_DEC");

typedef struct Crash {
    Rt *rt;
    Asm *a;
    Buf text;           /* NUL-terminated strings: .rodata arc_rt_crash_text */
    int text_sym, policy_sym, sched_sym, env;
    int putc, putz, putf, flush, num, sym, lookup, repeats;   /* subroutine labels */
    int die;            /* emit_die's code: ebx the signal */
    int walked;         /* after the backtrace */
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

/* Add a format to the pool: spec's text, where each of %x %X %d %s %p %r
 * (F_HEX F_DEC F_HEX16 F_STR F_SYM F_RET) takes the next of args: a frame
 * offset (negative: rbp) or a ucontext offset (positive: r13), a nonzero
 * multiple of 8 within a signed byte's slots. */
static int32_t format_args(Crash *c, const char *spec, const int *args, int nargs)
{
    static const char kinds[] = "xdXspr";
    char out[512];
    size_t n = 0;
    int used = 0;
    for (const char *p = spec; *p; p++) {
        if (n + 3 > sizeof out)
            die("a crash report format outgrew its buffer");
        if ((unsigned char)*p >= F_ARG)
            die("a crash report format holds a byte above ASCII");
        if (*p != '%') {
            out[n++] = *p;
            continue;
        }
        const char *k = *++p ? strchr(kinds, *p) : NULL;
        if (!k || used == nargs)
            die("a crash report format has a bad conversion");
        int off = args[used++];
        if (off == 0 || off % 8 || off / 8 < -128 || off / 8 > 127)
            die("a crash report format's slot is out of reach");
        out[n++] = (char)(F_ARG | (int)(k - kinds) | (off > 0 ? F_UC : 0));
        out[n++] = (char)(int8_t)(off / 8);
    }
    if (used != nargs)
        die("a crash report format has too many arguments");
    out[n] = 0;
    return text(c, out);
}

/* format_args with the arguments listed after spec. */
static int32_t format(Crash *c, const char *spec, ...)
{
    enum { MAX_ARGS = 8 };
    int args[MAX_ARGS], n = 0;
    va_list ap;
    va_start(ap, spec);
    for (const char *p = spec; *p; p++)
        if (*p == '%' && n < MAX_ARGS)
            args[n++] = va_arg(ap, int);
    va_end(ap);
    return format_args(c, spec, args, n);
}

static Opnd local(int32_t off) { return opm(mem_b(RBP, off)); }

/* Print a format (by its pool offset). */
static void put_format(Crash *c, int32_t off)
{
    enc_mov_sym32(c->a, RSI, c->text_sym, off);
    enc_call_label(c->a, c->putf);
}

/* putc: al into the buffer, flushing first when it is full, and after it
 * at a newline: only a line's part is ever buffered (a fault inside the
 * report loses no more, emit_claim).  Keeps every register but r11. */
static void emit_putc(Crash *c)
{
    Asm *a = c->a;
    int store = enc_label(a), done = enc_label(a);
    enc_bind(a, c->putc);
    enc_alu(a, ALU_CMP, 8, opr(R15), opi(BUF_SIZE));
    enc_jcc_short(a, CC_B, store);
    enc_call_label(a, c->flush);
    enc_bind(a, store);
    enc_mov(a, 1, opm(mem_bis(RBP, R15, 1, BUF)), opr(RAX));
    enc_unary(a, UN_INC, 8, opr(R15));
    enc_alu(a, ALU_CMP, 1, opr(RAX), opi('\n'));
    enc_jcc_short(a, CC_NE, done);
    enc_jmp(a, c->flush);
    enc_bind(a, done);
    enc_ret(a);
}

/* flush: write(2, buf, r15); r15 = 0.  Keeps every register but r11
 * (no caller of putc holds anything there). */
static void emit_flush(Crash *c)
{
    static const Reg saved[] = {RAX, RCX, RDX, RSI, RDI};
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

/* putz: the NUL-terminated string at rsi.  putf: the format at rsi.  Both
 * leave rsi past the NUL. */
static void emit_putz_putf(Crash *c)
{
    Asm *a = c->a;
    int zloop = enc_label(a), done = enc_label(a);
    enc_bind(a, c->putz);
    enc_bind(a, zloop);
    enc_lodsb(a);
    enc_test(a, 1, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, done);
    enc_call_label(a, c->putc);
    enc_jmp_short(a, zloop);

    int loop = enc_label(a), arg = enc_label(a), based = enc_label(a);
    int number = enc_label(a), string = enc_label(a), back = enc_label(a);
    enc_bind(a, c->putf);
    enc_bind(a, loop);
    enc_lodsb(a);
    enc_test(a, 1, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, done);
    enc_jcc_short(a, CC_S, arg);
    enc_call_label(a, c->putc);
    enc_jmp_short(a, loop);
    enc_bind(a, arg);                       /* dl the kind, rax the value */
    enc_mov(a, 4, opr(RDX), opr(RAX));
    enc_lodsb(a);
    enc_movsx(a, 8, RAX, 1, opr(RAX));
    enc_mov(a, 8, opr(RCX), opr(RBP));
    enc_test(a, 1, opr(RDX), opi(F_UC));
    enc_jcc_short(a, CC_E, based);
    enc_mov(a, 8, opr(RCX), opr(R13));
    enc_bind(a, based);
    enc_mov(a, 8, opr(RAX), opm(mem_bis(RCX, RAX, 8, 0)));
    enc_push(a, opr(RSI));
    enc_alu(a, ALU_AND, 4, opr(RDX), opi(F_KIND));
    enc_alu(a, ALU_CMP, 1, opr(RDX), opi(F_STR));
    enc_jcc_short(a, CC_B, number);
    enc_jcc_short(a, CC_E, string);
    enc_alu(a, ALU_SUB, 4, opr(RDX), opi(F_SYM));   /* the bias */
    enc_call_label(a, c->sym);
    enc_jmp_short(a, back);
    enc_bind(a, string);
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, back);
    enc_mov(a, 8, opr(RSI), opr(RAX));
    enc_call_label(a, c->putz);
    enc_jmp_short(a, back);
    enc_bind(a, number);
    enc_call_label(a, c->num);
    enc_bind(a, back);
    enc_pop(a, opr(RSI));
    enc_jmp_short(a, loop);
    enc_bind(a, done);
    enc_ret(a);
}

/* num: rax as dl says (F_HEX, F_DEC or F_HEX16).  The digits are pushed,
 * least significant first, then popped in order:
 *   rcx the base, r8d the fewest digits, r9d the digits pushed */
static void emit_num(Crash *c)
{
    Asm *a = c->a;
    int hex = enc_label(a), digits = enc_label(a), divide = enc_label(a);
    int print = enc_label(a), decimal = enc_label(a);
    enc_bind(a, c->num);
    enc_mov(a, 4, opr(R8), opi(1));
    enc_mov(a, 4, opr(RCX), opi(16));
    enc_alu(a, ALU_CMP, 1, opr(RDX), opi(F_DEC));
    enc_jcc_short(a, CC_NE, hex);
    enc_mov(a, 4, opr(RCX), opi(10));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NS, digits);
    enc_mov(a, 8, opr(RDX), opr(RAX));
    enc_mov(a, 1, opr(RAX), opi('-'));
    enc_call_label(a, c->putc);
    enc_mov(a, 8, opr(RAX), opr(RDX));
    enc_unary(a, UN_NEG, 8, opr(RAX));
    enc_jmp_short(a, digits);
    enc_bind(a, hex);
    enc_cmovcc(a, CC_A, 4, R8, opr(RCX));   /* F_HEX16 (above F_DEC): 16 digits */
    enc_mov(a, 8, opr(R9), opr(RAX));
    enc_mov(a, 1, opr(RAX), opi('0'));
    enc_call_label(a, c->putc);
    enc_mov(a, 1, opr(RAX), opi('x'));
    enc_call_label(a, c->putc);
    enc_mov(a, 8, opr(RAX), opr(R9));
    enc_bind(a, digits);
    enc_alu(a, ALU_XOR, 4, opr(R9), opr(R9));
    enc_bind(a, divide);
    enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
    enc_unary(a, UN_DIV, 8, opr(RCX));
    enc_push(a, opr(RDX));
    enc_unary(a, UN_INC, 4, opr(R9));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, divide);
    enc_alu(a, ALU_CMP, 4, opr(R9), opr(R8));
    enc_jcc_short(a, CC_B, divide);
    enc_bind(a, print);
    enc_pop(a, opr(RAX));
    enc_alu(a, ALU_CMP, 1, opr(RAX), opi(10));
    enc_jcc_short(a, CC_B, decimal);
    enc_alu(a, ALU_ADD, 1, opr(RAX), opi('a' - '0' - 10));
    enc_bind(a, decimal);
    enc_alu(a, ALU_ADD, 1, opr(RAX), opi('0'));
    enc_call_label(a, c->putc);
    enc_unary(a, UN_DEC, 4, opr(R9));
    enc_jcc_short(a, CC_NE, print);
    enc_ret(a);
}

/* sym: rax a code address, edx the bias: "name" or "name+0xoff" from the
 * function table (linker/functab.h) for address - bias, or "?".  A scan
 * that decodes each entry up to the last at or below it, rebuilding its
 * name at rbp+NAMES; every read checked against [arc_functab_start,
 * arc_functab_end), every write against NAMES' size:
 *   rdi the address, rax the address looked up, r8 the next entry,
 *   r9 the table's end, r11 the entry's address, r10 the last entry's at
 *   or below rax whose name is in NAMES (0: none) */
static void emit_sym(Crash *c)
{
    Asm *a = c->a;
    enum { ENTRY = 3 };     /* u16 delta, u8 shared */
    int scan = enc_label(a), copy = enc_label(a), cut = enc_label(a);
    int found = enc_label(a), unknown = enc_label(a), done = enc_label(a);
    enc_bind(a, c->sym);
    enc_mov(a, 8, opr(RDI), opr(RAX));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RDX));
    enc_mov_sym32(a, R8, rt_sym(c->rt, "arc_functab_start"), 0);
    enc_mov_sym32(a, R9, rt_sym(c->rt, "arc_functab_end"), 0);
    enc_alu(a, ALU_XOR, 4, opr(R10), opr(R10));
    enc_lea(a, 8, RCX, mem_b(R8, FTAB_HEAD));
    enc_alu(a, ALU_CMP, 8, opr(RCX), opr(R9));
    enc_jcc_short(a, CC_A, found);
    enc_mov(a, 4, opr(R11), opm(mem_b(R8, FTAB_BASE)));
    enc_mov(a, 8, opr(R8), opr(RCX));
    enc_bind(a, scan);
    enc_lea(a, 8, RCX, mem_b(R8, ENTRY));
    enc_alu(a, ALU_CMP, 8, opr(RCX), opr(R9));
    enc_jcc_short(a, CC_A, found);
    enc_movzx(a, 4, RDX, 2, opm(mem_b(R8, 0)));
    enc_alu(a, ALU_ADD, 8, opr(R11), opr(RDX));
    enc_alu(a, ALU_CMP, 8, opr(R11), opr(RAX));
    enc_jcc_short(a, CC_A, found);
    enc_movzx(a, 4, RCX, 1, opm(mem_b(R8, 2)));
    enc_alu(a, ALU_ADD, 8, opr(R8), opi(ENTRY));
    enc_alu(a, ALU_CMP, 1, opr(RCX), opi(FTAB_MORE));
    enc_jcc_short(a, CC_E, scan);           /* the previous entry goes on */
    /* its name: the previous one's first `shared` bytes, then the rest */
    enc_lea(a, 8, RSI, mem_bis(RBP, RCX, 1, NAMES));
    enc_unary(a, UN_NEG, 4, opr(RCX));
    enc_alu(a, ALU_ADD, 4, opr(RCX), opi(NAMES_SIZE));  /* room left */
    enc_bind(a, copy);
    enc_alu(a, ALU_CMP, 8, opr(R8), opr(R9));
    enc_jcc_short(a, CC_AE, cut);
    enc_unary(a, UN_DEC, 4, opr(RCX));
    enc_jcc_short(a, CC_S, cut);
    enc_mov(a, 1, opr(RDX), opm(mem_b(R8, 0)));
    enc_unary(a, UN_INC, 8, opr(R8));
    enc_mov(a, 1, opm(mem_b(RSI, 0)), opr(RDX));
    enc_unary(a, UN_INC, 8, opr(RSI));
    enc_test(a, 1, opr(RDX), opr(RDX));
    enc_jcc_short(a, CC_NE, copy);
    enc_mov(a, 8, opr(R10), opr(R11));
    enc_jmp_short(a, scan);
    enc_bind(a, cut);                       /* a malformed table */
    enc_alu(a, ALU_XOR, 4, opr(R10), opr(R10));
    enc_bind(a, found);
    enc_test(a, 8, opr(R10), opr(R10));
    enc_jcc_short(a, CC_E, unknown);
    enc_lea(a, 8, RSI, mem_b(RBP, NAMES));
    enc_alu(a, ALU_CMP, 1, opm(mem_b(RSI, 0)), opi(0));
    enc_jcc_short(a, CC_E, unknown);
    enc_call_label(a, c->putz);
    /* "+0x<offset of the unbiased address>", unless 0 */
    enc_mov(a, 8, opr(RDX), opr(RDI));
    enc_alu(a, ALU_SUB, 8, opr(RDX), opr(R10));
    enc_jcc_short(a, CC_E, done);
    enc_mov(a, 1, opr(RAX), opi('+'));
    enc_call_label(a, c->putc);
    enc_mov(a, 8, opr(RAX), opr(RDX));
    enc_mov(a, 4, opr(RDX), opi(F_HEX));
    enc_jmp(a, c->num);
    enc_bind(a, unknown);
    enc_mov(a, 1, opr(RAX), opi('?'));
    enc_jmp(a, c->putc);
    enc_bind(a, done);
    enc_ret(a);
}

/* lookup: edi a policy key -> rax its string, or 0.  The table
 * (arc_rt_crash_policy): u16 key, then the NUL-terminated string, ...,
 * then key 0. */
static void emit_lookup(Crash *c)
{
    Asm *a = c->a;
    int loop = enc_label(a), skip = enc_label(a), none = enc_label(a);
    enc_bind(a, c->lookup);
    enc_mov_sym32(a, RCX, c->policy_sym, 0);
    enc_bind(a, loop);
    enc_movzx(a, 4, RAX, 2, opm(mem_b(RCX, 0)));
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_E, none);
    enc_alu(a, ALU_ADD, 8, opr(RCX), opi(2));
    enc_alu(a, ALU_CMP, 4, opr(RAX), opr(RDI));
    enc_mov(a, 8, opr(RAX), opr(RCX));
    enc_jcc_short(a, CC_E, none);           /* found: rax the string */
    enc_bind(a, skip);
    enc_unary(a, UN_INC, 8, opr(RCX));
    enc_alu(a, ALU_CMP, 1, opm(mem_b(RCX, -1)), opi(0));
    enc_jcc_short(a, CC_NE, skip);
    enc_jmp_short(a, loop);
    enc_bind(a, none);
    enc_ret(a);
}

/* repeats: "  ... N more frames like the one above" when the walk skipped
 * frames that returned to the same address (deep recursion), then
 * L_REP = 0. */
static void emit_repeats(Crash *c)
{
    Asm *a = c->a;
    int none = enc_label(a);
    enc_bind(a, c->repeats);
    enc_alu(a, ALU_CMP, 8, local(L_REP), opi(0));
    enc_jcc_short(a, CC_E, none);
    put_format(c, format(c, "  ... %d more frames like the one above\n", L_REP));
    enc_alu(a, ALU_AND, 8, local(L_REP), opi(0));
    enc_bind(a, none);
    enc_ret(a);
}

/* Where the fault happened: worker, task, and the stack the frame walk
 * may read ([L_LO, L_HI)) and the overflow test uses.  First the main
 * task on the process stack, from sp up to SE_TOP (to the end of memory
 * when that is 0); then, when the scheduler has started, its view
 * (arc_rt_sched_context, through arc_rt_sched_context_fn), and the stack
 * segments' (stack.c, through arc_rt_stack_walk). */
static void emit_context(Crash *c)
{
    Asm *a = c->a;
    int keep = enc_label(a), top = enc_label(a);
    /* the locals start zeroed: L_WID 0, and L_TID becomes 1 */
    enc_unary(a, UN_INC, 8, local(L_TID));
    enc_mov_sym32(a, RAX, c->text_sym, text(c, " (main)"));
    enc_mov(a, 8, local(L_WHO), opr(RAX));
    enc_mov(a, 8, opr(R14), opm(mem_b(R13, UOFF(ucontext, mc_rsp))));
    enc_mov(a, 8, local(L_LO), opr(R14));
    enc_mov(a, 8, opr(RAX), opm(mem_rip(c->env, SE_TOP)));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, top);
    enc_unary(a, UN_NOT, 8, opr(RAX));
    enc_bind(a, top);
    enc_mov(a, 8, local(L_HI), opr(RAX));
    /* overflow: addr - (sp - BELOW) < BELOW + ABOVE, unsigned */
    enc_mov(a, 8, opr(RAX), local(L_ADDR));
    enc_lea(a, 8, RCX, mem_b(R14, -MAIN_OVERFLOW_BELOW));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RCX));
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(MAIN_OVERFLOW_BELOW + MAIN_OVERFLOW_ABOVE));
    enc_setcc(a, CC_B, local(L_OVF));
    static const struct { const char *slot; int off; } hooks[] = {
        {"arc_rt_sched_context_fn", 0},
        {"arc_rt_stack_walk", 0},       /* stack.c: its context() */
    };
    for (int i = 0; i < countof(hooks); i++) {
        int none = enc_label(a);
        enc_mov(a, 8, opr(RAX), opm(mem_rip(rt_sym(c->rt, hooks[i].slot), hooks[i].off)));
        enc_test(a, 8, opr(RAX), opr(RAX));
        enc_jcc_short(a, CC_E, none);
        enc_call_ind(a, opr(RAX));
        enc_bind(a, none);
    }
    /* Only a memory fault can be an overflow. */
    enc_alu(a, ALU_CMP, 4, opr(RBX), opi(K_SIGSEGV));
    enc_jcc_short(a, CC_E, keep);
    enc_alu(a, ALU_CMP, 4, opr(RBX), opi(K_SIGBUS));
    enc_jcc_short(a, CC_E, keep);
    enc_mov(a, 1, local(L_OVF), opi(0));    /* a flag: its low byte */
    enc_bind(a, keep);
}

/* arc_rt_sched_context(): the scheduler's part of emit_context, in the
 * reporter's frame (rbp; r13 the ucontext), once the scheduler has
 * started (G_INIT: then %fs:0 holds the worker block).  Clobbers rax rcx
 * rdx.  Only in a program with both the reporter and the scheduler: the
 * link step's second pass (which only a program with the reporter has)
 * asks for arc_rt_sched_context_hook when the first pass kept arc_rt_init
 * (linker/link.c), and that start-up hook stores this function's address
 * in arc_rt_sched_context_fn.  Both are late functions (RtFn.late): after
 * every function the table lists, so adding them moves none.
 *
 *   the main task (T_STACK == 1): the process stack, as emit_context left it
 *   a task with its own stack: [T_STACK + GUARD_SIZE, T_STACK + G_STACKSIZE),
 *       an overflow when the address is in its guard page
 *   the scheduler loop (task 0), or a task without a stack: no walk */
static void emit_sched_context(Crash *c)
{
    RtFn fn;
    rt_begin(c->rt, &fn, "arc_rt_sched_context", SYM_GLOBAL);
    fn.cold = 1;
    fn.late = 1;
    Asm *a = &fn.a;
    int task = enc_label(a), ismain = enc_label(a), unknown = enc_label(a), out = enc_label(a);
    enc_alu(a, ALU_CMP, 1, opm(mem_rip(c->sched_sym, G_INIT)), opi(0));
    enc_jcc(a, CC_E, out);
    rt_load_worker(a, RAX);
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_E, out);
    enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, WK_ID)));
    enc_mov(a, 8, local(L_WID), opr(RCX));
    enc_mov(a, 8, opr(RCX), opm(mem_b(RAX, WK_CUR)));
    enc_test(a, 8, opr(RCX), opr(RCX));
    enc_jcc_short(a, CC_NE, task);
    enc_mov(a, 8, local(L_TID), opi(0));          /* the scheduler loop */
    static const char sched_who[] = " (scheduler)";   /* its own: only here */
    enc_mov_sym32(a, RAX, rt_rodata(c->rt, "arc_rt_sched_who", sched_who, sizeof sched_who, 1,
                                    SYM_LOCAL), 0);
    enc_mov(a, 8, local(L_WHO), opr(RAX));
    enc_jmp_short(a, unknown);
    enc_bind(a, task);
    enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_ID)));
    enc_mov(a, 8, local(L_TID), opr(RDX));
    enc_test(a, 1, opm(mem_b(RCX, T_FLAGS)), opi(TF_MAIN));
    enc_jcc_short(a, CC_NE, ismain);
    enc_mov(a, 8, local(L_WHO), opi(0));
    enc_bind(a, ismain);
    enc_mov(a, 8, opr(RDX), opm(mem_b(RCX, T_STACK)));
    enc_alu(a, ALU_CMP, 8, opr(RDX), opi(1));
    enc_jcc_short(a, CC_E, out);                        /* main: process stack */
    enc_jcc_short(a, CC_B, unknown);                    /* no stack yet */
    enc_lea(a, 8, RAX, mem_b(RDX, GUARD_SIZE));
    enc_mov(a, 8, local(L_LO), opr(RAX));
    enc_mov(a, 8, opr(RAX), opm(mem_rip(c->sched_sym, G_STACKSIZE)));
    enc_alu(a, ALU_ADD, 8, opr(RAX), opr(RDX));
    enc_mov(a, 8, local(L_HI), opr(RAX));
    /* overflow: addr - T_STACK < GUARD_SIZE, unsigned */
    enc_mov(a, 8, opr(RAX), local(L_ADDR));
    enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RDX));
    enc_alu(a, ALU_CMP, 8, opr(RAX), opi(GUARD_SIZE));
    enc_setcc(a, CC_B, local(L_OVF));
    enc_ret(a);
    enc_bind(a, unknown);                               /* no walk, no overflow */
    enc_mov(a, 8, local(L_HI), opi(0));
    enc_mov(a, 1, local(L_OVF), opi(0));    /* a flag: its low byte */
    enc_bind(a, out);
    enc_ret(a);
    rt_end(c->rt, &fn);

    /* its start-up hook (arc_rt_sched_context_hook, asked for by name) */
    rt_begin(c->rt, &fn, "arc_rt_sched_context_start", SYM_LOCAL);
    fn.cold = 1;
    fn.late = 1;
    enc_mov_sym32(&fn.a, RAX, rt_sym(c->rt, "arc_rt_sched_context"), 0);
    enc_mov(&fn.a, 8, opm(mem_rip(rt_sym(c->rt, "arc_rt_sched_context_fn"), 0)), opr(RAX));
    enc_ret(&fn.a);
    rt_end(c->rt, &fn);
    rt_init_hook(c->rt, &fn, "arc_rt_sched_context_hook", SYM_GLOBAL);
}

/* The headline, pc, sp with the task and worker, and the registers:
 *   arc: fatal signal NAME (CAUSE) at address 0x...
 * where CAUSE is si_code's name, "si_code N", or "stack overflow) in
 * task N" without the closing parenthesis. */
static void emit_headline(Crash *c)
{
    Asm *a = c->a;
    int found = enc_label(a), named = enc_label(a), plain = enc_label(a);
    enc_mov(a, 4, opr(RDI), opr(RBX));
    enc_shift(a, SH_SHL, 4, opr(RDI), opi(KEY_SIG_SHIFT));
    enc_alu(a, ALU_OR, 4, opr(RDI), opi(KEY_NAME << KEY_KIND_SHIFT));
    enc_call_label(a, c->lookup);
    enc_mov(a, 8, local(L_NAME), opr(RAX));
    /* this signal's row first, then the ANY_SIGNAL rows */
    enc_movzx(a, 4, RDI, 1, local(L_CODE));
    enc_alu(a, ALU_OR, 4, opr(RDI), opi(KEY_CAUSE << KEY_KIND_SHIFT));
    enc_mov(a, 8, local(L_SET), opr(RDI));
    enc_mov(a, 4, opr(RAX), opr(RBX));
    enc_shift(a, SH_SHL, 4, opr(RAX), opi(KEY_SIG_SHIFT));
    enc_alu(a, ALU_OR, 4, opr(RDI), opr(RAX));
    enc_call_label(a, c->lookup);
    enc_mov(a, 8, opr(RCX), local(L_NAME));          /* the prefix: NAME_ */
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, found);
    enc_mov(a, 8, opr(RDI), local(L_SET));
    enc_call_label(a, c->lookup);
    enc_mov_sym32(a, RCX, c->text_sym, text(c, ANY_PREFIX));
    enc_bind(a, found);
    enc_mov(a, 8, local(L_CAUSE), opr(RAX));
    enc_mov(a, 8, local(L_PREFIX), opr(RCX));
    enc_mov_sym32(a, RSI, c->text_sym, format(c, "%s_%s)", L_PREFIX, L_CAUSE));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc_short(a, CC_NE, named);
    enc_mov_sym32(a, RSI, c->text_sym, format(c, "si_code %d)", L_CODE));
    enc_bind(a, named);
    enc_alu(a, ALU_CMP, 1, local(L_OVF), opi(0));
    enc_jcc_short(a, CC_E, plain);
    enc_mov_sym32(a, RSI, c->text_sym, format(c, "stack overflow) in task %d", L_TID));
    enc_bind(a, plain);
    enc_push(a, opr(RSI));
    put_format(c, format(c, "arc: fatal signal SIG%s (", L_NAME));
    enc_pop(a, opr(RSI));
    enc_call_label(a, c->putf);

    enum { RIP = UOFF(ucontext, mc_rip), RSP_ = UOFF(ucontext, mc_rsp) };
    char spec[512];
    size_t n = 0;
    n += (size_t)snprintf(spec + n, sizeof spec - n,
                          " at address %%x\n  pc  %%x  %%p\n  sp  %%x  task %%d%%s on worker %%d\n");
    for (int i = 0; i < countof(regs); i++)
        n += (size_t)snprintf(spec + n, sizeof spec - n, "%s  %s %%X",
                              i && i % REGS_PER_LINE == 0 ? "\n" : "", regs[i].name);
    snprintf(spec + n, sizeof spec - n, "\n");
    if (n + 2 > sizeof spec)
        die("the crash report's register format outgrew its buffer");
    /* the arguments in order: address, pc twice, sp, task, who, worker,
     * then each register */
    int args[7 + countof(regs)] = {L_ADDR, RIP, RIP, RSP_, L_TID, L_WHO, L_WID};
    for (int i = 0; i < countof(regs); i++)
        args[7 + i] = regs[i].off;
    put_format(c, format_args(c, spec, args, countof(args)));
}

/* The frame-pointer walk: #0 is the pc, then each [rbp+8] while rbp lies
 * in [L_LO, L_HI - 16], is 8-aligned, and grows; at most MAX_FRAMES.
 * Consecutive frames with the same return address print once, followed
 * by a count. */
static void emit_backtrace(Crash *c)
{
    Asm *a = c->a;
    enum { RIP = UOFF(ucontext, mc_rip) };
    int walk = enc_label(a), end = enc_label(a), fresh = enc_label(a), next = enc_label(a);
    put_format(c, format(c, "backtrace:\n  #0 %x %p\n", RIP, RIP));
    enc_mov(a, 8, opr(R14), opm(mem_b(R13, UOFF(ucontext, mc_rbp))));
    enc_unary(a, UN_INC, 8, local(L_NFRAME));    /* 1; L_PREV, L_REP: still 0 */
    /* the way out first, so that the loop's checks reach it with rel8 */
    enc_jmp_short(a, walk);
    enc_bind(a, end);                       /* (every line ends in \n: flushed) */
    enc_call_label(a, c->repeats);
    enc_jmp(a, c->walked);
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
    enc_test(a, 1, opr(R14), opi(7));
    enc_jcc(a, CC_NE, end);
    enc_mov(a, 8, opr(RAX), opm(mem_b(R14, 8)));
    enc_test(a, 8, opr(RAX), opr(RAX));
    enc_jcc(a, CC_E, end);
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
    enc_jmp_short(a, next);
    enc_bind(a, fresh);
    enc_mov(a, 8, local(L_PREV), opr(RAX));
    enc_call_label(a, c->repeats);
    put_format(c, format(c, "  #%d %x %r\n", L_NFRAME, L_RET, L_RET));
    enc_bind(a, next);
    enc_mov(a, 8, opr(RAX), opm(mem_b(R14, 0)));
    /* across a segment boundary the next frame is on the previous
     * segment, anywhere in memory: its bounds replace the walk's */
    int moved = enc_label(a);
    enc_alu(a, ALU_CMP, 8, local(L_CROSS), opi(0));
    enc_jcc_short(a, CC_NE, moved);
    enc_alu(a, ALU_CMP, 8, opr(RAX), opr(R14));
    enc_jcc(a, CC_BE, end);
    enc_bind(a, moved);
    enc_mov(a, 8, opr(R14), opr(RAX));
    enc_unary(a, UN_INC, 8, local(L_NFRAME));
    enc_jmp(a, walk);
}

/* Die by signal ebx: SIG_DFL for every reporter signal (through
 * L_SIGACT, still zero: from here on a fault kills the process at once),
 * then tgkill(getpid(), L_KTID, ebx) and unblock it (should the program
 * have blocked it).  exit_group(128 + sig) only if the process somehow
 * survives. */
static void emit_die(Crash *c)
{
    Asm *a = c->a;
    enc_bind(a, c->die);
    enc_lea(a, 8, RSI, mem_b(RBP, L_SIGACT));
    enc_call_sym(a, rt_sym(c->rt, "arc_rt_sigaction_all"));
    enc_lea(a, 4, RCX, mem_b(RBX, -1));
    enc_mov(a, 4, opr(RAX), opi(1));
    enc_shift(a, SH_SHL, 8, opr(RAX), opr(RCX));
    enc_mov(a, 8, local(L_SET), opr(RAX));
    rt_sys(a, SYS_getpid);
    enc_mov(a, 4, opr(RDI), opr(RAX));
    enc_mov(a, 4, opr(RSI), local(L_KTID));
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

/* Claim the report (arc_rt_crash_state), L_KTID = our tid.  Falls
 * through as the owner; the two other cases end here:
 *   another thread reports: pause until its signal ends the process
 *     (two workers faulting at once give one report, not two interleaved)
 *   we report already (a fault in the reporter): a note with this fault's
 *     address after the lines written so far, and die by CS_SIGNO. */
static void emit_claim(Crash *c, int state)
{
    Asm *a = c->a;
    int claimed = enc_label(a), wait = enc_label(a);
    rt_sys(a, SYS_gettid);
    enc_mov(a, 8, local(L_KTID), opr(RAX));
    enc_mov(a, 4, opr(RCX), opr(RAX));
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    enc_lock_cmpxchg(a, 4, mem_rip(state, CS_OWNER), RCX);
    enc_jcc_short(a, CC_E, claimed);
    enc_alu(a, ALU_CMP, 4, opr(RAX), opr(RCX));
    enc_jcc_short(a, CC_NE, wait);
    /* inside our own report */
    put_format(c, format(c, "arc: the crash reporter faulted at address %x: report cut short\n",
                         L_ADDR));
    enc_mov(a, 4, opr(RBX), opm(mem_rip(state, CS_SIGNO)));
    enc_jmp(a, c->die);
    enc_bind(a, wait);
    rt_sys(a, SYS_pause);
    enc_jmp_short(a, wait);
    enc_bind(a, claimed);
    enc_mov(a, 4, opm(mem_rip(state, CS_SIGNO)), opr(RBX));
}

/* The policy table (emit_lookup): u16 key, NUL-terminated string, ...,
 * key 0. */
static void emit_policy(Rt *rt)
{
    Buf pol = {0};
    for (int i = 0; i < countof(policy); i++) {
        if (policy[i].name) {
            buf_u16(&pol, policy_key(KEY_NAME, policy[i].signo, 0));
            buf_put(&pol, policy[i].name, strlen(policy[i].name) + 1);
        }
        for (int k = 0; k < MAX_CAUSES && policy[i].causes[k].cause; k++) {
            const char *s = policy[i].causes[k].cause;
            buf_u16(&pol, policy_key(KEY_CAUSE, policy[i].signo, policy[i].causes[k].code));
            buf_put(&pol, s, strlen(s) + 1);
        }
    }
    buf_u16(&pol, 0);
    rt_rodata(rt, "arc_rt_crash_policy", pol.p, pol.len, 1, SYM_LOCAL);
    buf_free(&pol);
}

/* arc_rt_crash(edi = signo, rsi = siginfo, rdx = ucontext).  Signal
 * number 0 is no signal: a runtime error (arc_rt_fatal, sched.c) wants
 * only the backtrace of the ucontext it made up (passed as siginfo too);
 * then arc_rt_crash returns with rsp restored but the callee-saved
 * registers clobbered (arc_rt_fatal only exits after it). */
static void emit_crash(Rt *rt, int sched_sym, int env)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_crash", SYM_GLOBAL);
    fn.cold = 1;
    Crash c = {.rt = rt, .a = &fn.a, .sched_sym = sched_sym, .env = env};
    Asm *a = c.a;
    c.text_sym = rt_sym(rt, "arc_rt_crash_text");
    c.policy_sym = rt_sym(rt, "arc_rt_crash_policy");
    c.putc = enc_label(a);
    c.putz = enc_label(a);
    c.putf = enc_label(a);
    c.flush = enc_label(a);
    c.num = enc_label(a);
    c.sym = enc_label(a);
    c.lookup = enc_label(a);
    c.repeats = enc_label(a);
    c.die = enc_label(a);
    c.walked = enc_label(a);

    enc_push(a, opr(RBP));
    enc_mov(a, 8, opr(RBP), opr(RSP));
    enc_alu(a, ALU_SUB, 8, opr(RSP), opi(FRAME));
    enc_mov(a, 4, opr(RBX), opr(RDI));
    enc_mov(a, 8, opr(R12), opr(RSI));
    enc_mov(a, 8, opr(R13), opr(RDX));
    /* every local zero: L_SIGACT is SIG_DFL, the report's state starts
     * from "main task, no stack bounds, no overflow" */
    enc_lea(a, 8, RDI, mem_b(RBP, -LOCALS));
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    enc_mov(a, 4, opr(RCX), opi(LOCALS));
    enc_rep_stosb(a);
    enc_alu(a, ALU_XOR, 4, opr(R15), opr(R15));
    enc_mov(a, 8, opr(RAX), opm(mem_b(R12, UOFF(siginfo, addr))));
    enc_mov(a, 8, local(L_ADDR), opr(RAX));
    enc_movsx(a, 8, RAX, 4, opm(mem_b(R12, UOFF(siginfo, code))));
    enc_mov(a, 8, local(L_CODE), opr(RAX));
    /* Signal number 0 (arc_rt_fatal): no claim, no headline, no
     * registers, only the walk; then return. */
    int context = enc_label(a), walk = enc_label(a);
    enc_test(a, 4, opr(RBX), opr(RBX));
    enc_jcc_short(a, CC_E, context);
    emit_claim(&c, rt_bss(rt, "arc_rt_crash_state", CS_SIZE, 8, SYM_LOCAL));
    enc_bind(a, context);
    emit_context(&c);
    enc_test(a, 4, opr(RBX), opr(RBX));
    enc_jcc(a, CC_E, walk);
    emit_headline(&c);
    enc_bind(a, walk);
    emit_backtrace(&c);
    enc_bind(a, c.walked);
    enc_test(a, 4, opr(RBX), opr(RBX));
    enc_jcc_short(a, CC_NE, c.die);
    enc_mov(a, 8, opr(RSP), opr(RBP));
    enc_pop(a, opr(RBP));
    enc_ret(a);
    emit_die(&c);

    emit_putc(&c);
    emit_flush(&c);
    emit_putz_putf(&c);
    emit_num(&c);
    emit_sym(&c);
    emit_lookup(&c);
    emit_repeats(&c);
    rt_end(rt, &fn);
    if (sched_sym >= 0)
        emit_sched_context(&c);

    emit_policy(rt);
    rt_rodata(rt, "arc_rt_crash_text", c.text.p, c.text.len, 1, SYM_LOCAL);
    buf_free(&c.text);
}

void rt_emit_signal(Rt *rt)
{
    /* arc_rt_sched_context only when sched.c is in the image
     * (image/runtime.c calls rt_emit_sched first) */
    int sched = rt_sym(rt, "arc_rt_sched");
    int env = rt_bss(rt, "arc_rt_signal_env", SE_SIZE, 8, SYM_LOCAL);
    rt_bss(rt, "arc_rt_sched_context_fn", 8, 8, SYM_GLOBAL);
    emit_sigreturn(rt);
    emit_sigaction_all(rt);
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_signal_start", SYM_LOCAL);
    fn.cold = 1;
    emit_signal_start(&fn.a, env);
    rt_entry(rt, &fn, "arc_rt_signal_init", SYM_GLOBAL);
    emit_signal_init(rt, &fn.a);
    rt_entry(rt, &fn, "arc_rt_altstack_init", SYM_GLOBAL);
    emit_altstack_init(&fn.a, env);
    rt_end(rt, &fn);
    rt_init_hook(rt, &fn, "arc_rt_signal_hook", SYM_GLOBAL);
    emit_crash(rt, elf_symbol_defined(rt->elf, sched) ? sched : -1, env);
}
