/* rt.h: the runtime generators' shared frame.
 *
 * Needs: the encoder (gen/enc.h), the object writer (image/elf.h) and the
 * kernel tables (uapi_layout/uapi.h).  Produces: runtime functions and data,
 * each function in its own section (.text.<name>) so that ld --gc-sections
 * drops what a program does not use.
 *
 * Every runtime symbol starts with "arc_" (the C ABI a user calls:
 * arc_write, arc_spawn, ...) or "arc_rt_" (internal), except _start.
 * Kernel struct offsets and constants come from uapi_layout/ (UOFF, USIZE,
 * SYS_*, K_*), never from bare numbers here. */
#ifndef ARC_RT_H
#define ARC_RT_H

#include "gen/enc.h"
#include "gen/rt/stack.h"
#include "image/elf.h"
#include "uapi_layout/uapi.h"

/* The runtime being generated.  Jump relaxation (enc.h): image/runtime.c
 * runs the generators more than once; per function, in generation order,
 * hint[i] (nhint[i] entries) says which forward jumps to emit rel8.  The
 * first pass records the jumps rel8 would reach; a later pass drops any
 * hint that missed and counts it in missed (another pass follows). */
typedef struct Rt {
    Elf *elf;
    uint8_t **hint;
    int *nhint;
    int nfn, capfn, capn;
    int fn;             /* functions begun in this pass */
    int pass, missed;
} Rt;

/* The runtime's own structures.  These are ours, not the kernel's, so their
 * offsets live here; generators name them, never write bare numbers.
 *
 * Worker block: one per worker thread, 4 KiB, and %fs:0 points to it (its
 * first word is its own address, so `mov reg, fs:[0]` finds it).
 * Ownership: fields above WK_TOP belong to the owning worker alone, except
 * WK_CUR/WK_ID which the signal handler of that same thread reads. */
enum {
    WK_SELF = 0,        /* the block's own address */
    WK_ID = 8,          /* worker id: 0 is the initial thread */
    WK_CUR = 16,        /* running task's TCB; 0 while in the scheduler loop */
    WK_SCHED_SP = 24,   /* the scheduler loop's saved rsp while a task runs */
    WK_ACTION = 32,     /* why the task switched out: ACT_* */
    WK_ARG = 40,        /* the action's argument (ACT_PARK: the awaited TCB) */
    WK_RNG = 48,        /* xorshift64 state: steal victim order */
    WK_TICK = 56,       /* tasks run; the global queue is polled every GLOBAL_POLL */
    WK_ALTSTACK = 64,   /* signal stack base and size */
    WK_ALTSIZE = 72,
    WK_STACKS = 80,     /* free C-task stacks (owner only; linked through the word above the guard) */
    WK_NSTACKS = 88,
    WK_SEG = 96,        /* the running task's current stack segment header (SG_*), or 0 */
    WK_LIMIT = STACK_LIMIT_SLOT, /* its stack limit: checked code keeps rsp at or above
                         * it (stack.h) */
    WK_TID = 120,       /* kernel thread id */
    WK_TOP = 128,       /* deque top: thieves (and the owner's last pop) CAS it; own line */
    WK_BOTTOM = 192,    /* deque bottom: written by the owner only; own line */
    WK_RING = 256,      /* RING_SLOTS task pointers */
    WK_SEGCACHE = 2320, /* the last segment lessstack gave up (hot split; owner only) */
    WK_SLAB = 2328,     /* segment slab: bump pointer and end (owner only) */
    WK_SLABEND = 2336,
    WK_SEGFREE = 2344,  /* free segments, one list per class (NSEGCLASS words; owner only) */
    WK_CSLAB = 2424,    /* C-task stack chunk: next stack and end (owner only; sched.c) */
    WK_CSLABEND = 2432,
    WK_MEM = 2560,      /* the allocator's per-worker cache (gen/rt/mem.c) */
    WK_SIZE = 4096,
};
enum { RING_SLOTS = 256, GLOBAL_POLL = 61, MAX_WORKERS = 256 };

/* What a task asks of the scheduler when it switches out (WK_ACTION). */
enum { ACT_YIELD = 1, ACT_PARK = 2, ACT_DONE = 3, ACT_WAIT = 4 };

/* Task control block.  T_WAITER is the await handshake word:
 *   0          running or queued, nobody waiting
 *   a TCB      that task is parked waiting for this one
 *   WAIT_DONE  finished, T_RESULT is valid
 *   WAIT_FREED awaited: the TCB went back to a free list */
enum {
    T_SP = 0,           /* saved rsp while switched out */
    T_FREE = 8,         /* unused: arc_free's tag word (gen/rt/mem.c) */
    T_FN = 16,
    T_ARG = 24,
    T_RESULT = 32,
    T_WAITER = 40,
    T_STACK = 48,       /* TF_SEG: its first segment's header; else the lowest address of
                         * its stack (guard page first); 0: none yet */
    T_NEXT = 56,        /* global run queue / free list link */
    T_FLAGS = 64,       /* TF_* */
    T_ID = 72,          /* kept through arc_free: "awaited twice: task N" */
    T_SIZE = 80,
};
enum { WAIT_DONE = 1, WAIT_FREED = 2 };
enum {
    TF_MAIN = 1,        /* the main task: runs on the process stack */
    TF_DETACHED = 2,    /* arc_spawn_detached: no handle, freed when done */
    TF_SEG = 4,         /* spawned by Arc code (arc_rt_spawn*): segmented stack */
    TF_OPEN = 8,        /* a C task whose stack has no guard page (SEG_OPEN): its
                         * canary is checked whenever it switches out (sched.c) */
};

/* Stacks (gen/rt/stack.c has the whole story).  Every stack the runtime
 * knows has a segment header: an Arc task's segments carry theirs at their
 * base, a C task's stack just above its guard page, the process stack a
 * static one.  WK_SEG names the current one, WK_LIMIT = header + SG_HDR +
 * RT_RESERVE: generated code checks its whole frame against WK_LIMIT, and
 * runtime functions (which have no checks) may use RT_RESERVE bytes below
 * it.  Both travel with the task through arc_rt_switch. */
enum {
    SG_PREV = 0,        /* the segment this one was linked from; 0 for a first one */
    SG_OLDSP = 8,       /* rsp at the entry of the function that linked it */
    SG_PREVLIM = 16,    /* WK_LIMIT to restore when that function returns */
    SG_TOTAL = 24,      /* bytes of the chain up to this segment (the budget) */
    SG_LO = 32,         /* this stack's bounds, for the crash reporter's walk */
    SG_HI = 40,
    SG_CLASS = 48,      /* size class (free list), SEG_LARGE, or SEG_FIXED */
    SG_NEXT = 56,       /* free-list link */
    SG_HDR = 64,
};
enum {
    RT_RESERVE = 256,           /* runtime code below WK_LIMIT: see stack.c */
    C_SLACK = 256, /* and gcc -fsplit-stack code, on stacks C can reach */
    FIRST_SEG = 512,            /* a new Arc task's stack */
    SEG_MIN_GROW = 4096,        /* classes 1.. : 4 KiB << (class - 1) */
    NSEGCLASS = 10,             /* class 9 = 1 MiB; above: SEG_LARGE */
    SEG_LARGE = NSEGCLASS, SEG_FIXED = NSEGCLASS + 1,
    SEG_OPEN = NSEGCLASS + 2,   /* a C task's stack without a guard page: SG_NEXT holds
                                 * its canary, header ^ STACK_CANARY (sched.c) */
    SEG_SLAB = 8 << 20,         /* segments are carved from slabs this big */
};
_Static_assert(WK_SEGFREE + 8 * NSEGCLASS <= WK_CSLAB, "segment lists fit before WK_CSLAB");
/* The words of the crash reporter's frame (rbp offsets in arc_rt_crash,
 * signal.c) that stack.c's segment walk fills in: the walk's bounds, the
 * overflow flag, the segment being walked, "first frame of its segment". */
enum { CRASH_LO = -80, CRASH_HI = -88, CRASH_OVF = -96, CRASH_SEG = -136, CRASH_CROSS = -152 };

/* arc_await runs a not-yet-started C task inline only while this much of
 * the current stack is left, and an Arc task only while the current stack
 * has used at most half its budget (G_STACKSIZE). */
enum { INLINE_RESERVE = 16 * 1024 };
enum { STACK_CANARY = 0x5a17c0de, GUARD_BUDGET = 16384 };
enum { GUARD_SIZE = 4096, DEFAULT_STACK_SIZE = 8 * 1024 * 1024, SCHED_STACK_SIZE = 64 * 1024,
       ALTSTACK_SIZE = 64 * 1024, STACK_POOL_MAX = 256, CSTACK_CHUNK_SHIFT = 4 };

/* The scheduler's global state: one .bss object, arc_rt_sched.
 * G_INIT is 0 until arc_rt_init has run (then %fs:0 is valid on every
 * worker thread).  Fields on their own cache lines are written by many
 * workers. */
enum {
    G_INIT = 0,         /* byte: the scheduler is initialised */
    G_STARTED = 8,      /* the other workers have been cloned (CAS 0 -> 1) */
    G_NWORKERS = 16,    /* configured worker count (ARC_WORKERS or CPUs); set by
                         * arc_rt_init before any task exists.  When it is 1, no
                         * worker is ever cloned and the process runs runtime
                         * code on one thread only: arc_rt_pop and the spawns'
                         * id count then skip their fences and locked ops */
    G_STACKSIZE = 24,   /* ARC_STACK_SIZE: a task's stack budget; a C task's stack size */
    G_NEXTID = 32,      /* next task id (lock xadd) */
    G_SIGMASK = 40,     /* the signal mask new workers restore */
    G_SEED = 48,        /* steal-order seed (ARC_STEAL_SEED) */
    G_NSLEEP = 64,      /* workers announced asleep: own line */
    G_WAKESEQ = 72,     /* futex word sleepers wait on */
    G_NSPIN = 80,       /* workers spinning for work: no need to wake one */
    G_GLOCK = 128,      /* global run queue: spinlock, head, tail, length */
    G_GHEAD = 136,
    G_GTAIL = 144,
    G_GLEN = 152,
    G_WORKERS = 192,    /* MAX_WORKERS worker block pointers, 0 until started */
    G_CSLOCK = 192 + 8 * 256,   /* C-task stacks beyond the workers' pools: spinlock, */
    G_CSFREE = G_CSLOCK + 8,    /* list (linked like WK_STACKS); own line */
    G_NGUARD = G_CSLOCK + 16,   /* guard pages given to C-task stacks (lock xadd) */
    G_SIZE = G_CSLOCK + 64,
};

/* The poller and the timers (gen/rt/poll.c): one .bss object,
 * arc_rt_poll.  PL_LOCK guards the timer heap, the fd slots and PL_NWAIT;
 * PL_OWNER is the poller role (CAS 0 -> 1: one worker at a time polls);
 * PL_BLOCKED is 1 while the role holder is (about to be) blocked in
 * epoll_wait, and whoever exchanges it back to 0 writes the eventfd. */
enum {
    PL_LOCK = 0,        /* spinlock */
    PL_STATE = 8,       /* 0 until arc_rt_poll_setup has run */
    PL_EPFD = 16,
    PL_EVFD = 24,       /* eventfd in the epoll set (data -1): the kick */
    PL_HEAP = 32,       /* timer heap: HEAP_MAX {deadline, wait record} entries (poll.c) */
    PL_NHEAP = 40,
    PL_SLOTS = 48,      /* POLL_MAX_FD slots of SLOT_SIZE, indexed by fd */
    PL_NWAIT = 56,      /* wait records parked (under the lock) */
    PL_NOPW2 = 64,      /* epoll_pwait2 answered ENOSYS: epoll_wait in ms */
    PL_OWNER = 128,     /* own line: the poller role */
    PL_BLOCKED = 192,   /* own line: the role holder sleeps in epoll_wait */
    PL_SIZE = 256,
};
/* An fd slot: the parked waiter's record, whether the fd is in the epoll
 * set (ADD the first time, MOD after), and the generation of its last
 * arming, which the epoll event carries (data = fd | gen << 32) so that
 * an event from an earlier arming (its waiter timed out) is told apart
 * from one for the waiter parked now. */
enum { SLOT_WAITER = 0, SLOT_ARMED = 8, SLOT_GEN = 16, SLOT_SIZE = 32, SLOT_SHIFT = 5 };
enum { POLL_MAX_FD = 1 << 20, HEAP_MAX = 1 << 22, POLL_EVENTS = 64 };
/* A wait record: on the stack of the task parked in arc_wait_fd. */
enum {
    W_TASK = 0,         /* the parked TCB */
    W_DEADLINE = 8,     /* CLOCK_MONOTONIC ns, 0: none */
    W_HEAPIDX = 16,     /* its index in the timer heap, -1: not there */
    W_FD = 24,          /* -1: a sleep */
    W_EVENTS = 32,      /* EPOLLIN/EPOLLOUT/... */
    W_RESULT = 40,      /* revents > 0, 0 deadline passed, -errno */
    W_SIZE = 48,
};
/* arc_rt_poll_hooks: entry points that arc_rt_poll_setup fills in, so the
 * scheduler and arc_close reach the poller only in programs that wait:
 *   HK_POLL(rdi = block) -> rax: see arc_rt_netpoll (gen/rt/poll.c)
 *   HK_PARK(rdi = wait record), from the scheduler loop on ACT_WAIT
 *   HK_CLOSE(rdi = fd), before close(2): wakes its waiter with -EBADF
 *   HK_KICK(), from arc_rt_wake: wakes a poller blocked in epoll_wait */
enum { HK_POLL = 0, HK_PARK = 8, HK_CLOSE = 16, HK_KICK = 24, HK_SIZE = 32 };

/* The process's start-up values (.data arc_rt_proc), stored by
 * arc_rt_capture, which _start calls only in programs that read them (see
 * start.c).  P_KEEP holds the address of arc_rt_capture's start-up entry:
 * the relocation that makes ld keep the capture whenever arc_rt_proc is
 * kept. */
enum { P_ARGC = 0, P_ARGV = 8, P_ENVP = 16, P_AUXV = 24, P_KEEP = 32, P_SIZE = 40 };

/* arc_rt_fatal(rdi = message, rsi = number or -1, rdx = FATAL_* flags):
 * "arc: runtime error: <message> <number>" on stderr, the number in hex
 * with FATAL_HEX, then with FATAL_BACKTRACE the frames from its caller's
 * caller (it is jumped to, [rsp] is where the failing call returns), then
 * exit_group(2). */
enum { FATAL_HEX = 1, FATAL_BACKTRACE = 2 };

/* mov dst, fs:[0]: the current worker's block. */
void rt_load_worker(Asm *a, Reg dst);

/* The generators' operand shorthands: register, immediate, [base + d],
 * and a symbol of the runtime being generated, by name (the Rt of the
 * last rt_begin: one runtime is generated at a time). */
static inline Opnd R(Reg r) { return opr(r); }
static inline Opnd I(int64_t v) { return opi(v); }
static inline Opnd M(Reg b, int32_t d) { return opm(mem_b(b, d)); }
int S(const char *name);

/* mov eax, nr; syscall (arguments already in place; r10 is the 4th). */
void rt_sys(Asm *a, int nr);

/* Test-and-set spinlock on the dword at m (clobbers rax):
 *   retry: mov eax,1; xchg [m],eax; test eax,eax; jz got
 *   spin:  pause; cmp dword [m],0; jne spin; jmp retry
 * The xchg is the acquire (a full barrier); the read-only spin keeps the
 * line shared while another holds it.  Unlock is a plain store: x86-TSO
 * keeps it after the writes it guards. */
void rt_spin_lock(Asm *a, Opnd m);
void rt_spin_unlock(Asm *a, Opnd m);

/* rax = mmap(0, size, RW, PRIVATE|ANONYMOUS|extra_flags, -1, 0), raw
 * (-errno on failure).  size is loaded into rsi unless it is rsi already
 * (opr(RSI)).  Clobbers rcx, rdx, rsi, rdi, r8-r11. */
void rt_mmap(Asm *a, Opnd size, int extra_flags);

/* rax = mmap(0, rsi bytes, RW, PRIVATE|ANONYMOUS|extra_flags, -1, 0), or
 * "arc: runtime error: <msg> <errno>" and exit 2 (label names the message
 * in .rodata).  Clobbers rcx, rdx, rdi, r8-r11. */
void rt_mmap_or_die(Rt *rt, Asm *a, int extra_flags, const char *label, const char *msg);

/* Jump to arc_rt_fatal(msg, number, 0) with msg in .rodata under label
 * (defined once however often it is used); number NOREG: none (-1). */
void rt_fatal_msg(Rt *rt, Asm *a, const char *label, const char *msg, Reg number);

/* The digits of the unsigned rax in base rcx, right to left below rsi
 * (rsi ends at the first digit).  hex: digits above 9 are 'a'..; without
 * it the base must be at most 10.  Clobbers rax, rdx. */
void rt_digits(Asm *a, int hex);

/* Call each non-null function pointer of the table [start, end) (linker
 * symbols) in order, the cursor in the callee-saved register cur, with
 * rdi, rsi, rdx, rcx = args[0..nargs) before each call.  skip_null: test
 * each entry and skip the zero ones (else every entry is called).  rsp
 * must be 16-byte aligned. */
void rt_call_table(Asm *a, Reg cur, const char *start, const char *end, const Reg *args,
                   int nargs, int skip_null);

typedef struct {
    int label, sym;
    SymBind bind;
} RtEntry;

/* One function being generated: fill fn->a between rt_begin and rt_end. */
typedef struct RtFn {
    Asm a;
    int sym;
    const char *name;
    SymBind bind;
    int cold;           /* off every hot path (the crash reporter): byte-aligned */
    int late;           /* in .arc_late_text.<name>, which linker/arc.ld puts
                         * after every other function: the link step's second
                         * pass may add it without moving one (link.c) */
    RtEntry entry[2];   /* rt_entry's further entry points, in code order */
    int nentry;
} RtFn;

void rt_begin(Rt *rt, RtFn *fn, const char *name, SymBind bind);
void rt_end(Rt *rt, RtFn *fn);
/* A further entry point of fn starts here, the function name: the code
 * before it falls through into it instead of jumping there.  Each
 * symbol's size runs to the next entry (or the end), so the function
 * table (linker/functab.c) names every part. */
void rt_entry(Rt *rt, RtFn *fn, const char *name, SymBind bind);
/* Free the relaxation hints (after the last pass). */
void rt_free_hints(Rt *rt);

/* A reference to a symbol by name (defined here or by the program). */
int rt_sym(Rt *rt, const char *name);
/* Zero-initialised data in its own .bss.<name> section. */
int rt_bss(Rt *rt, const char *name, size_t size, uint32_t align, SymBind bind);
/* Read-only data in its own .rodata.<name> section. */
int rt_rodata(Rt *rt, const char *name, const void *data, size_t n, uint32_t align, SymBind bind);

/* A start-up hook: fn's address in section .arc_init.<fn name>, which
 * _start's table gathers (start.c); entry_name labels the slot.  Returns
 * the entry's symbol: whatever refers to it keeps the hook. */
int rt_init_hook(Rt *rt, const RtFn *fn, const char *entry_name, SymBind bind);

/* The generators, in the order image/runtime.c calls them. */
void rt_emit_start(Rt *rt);     /* start.c: _start */
void rt_emit_syscalls(Rt *rt);  /* syscall.c: the raw syscall layer */
void rt_emit_sched(Rt *rt);     /* sched.c: workers, deques, spawn/await/yield */
void rt_emit_config(Rt *rt);    /* config.c: ARC_* settings (called by rt_emit_sched) */
void rt_emit_poll(Rt *rt);      /* poll.c: arc_wait_fd, arc_sleep, arc_close, the poller, timers */
void rt_emit_mem(Rt *rt);       /* mem.c: arc_alloc/free/realloc/calloc */
void rt_emit_stack(Rt *rt);     /* stack.c: segments, morestack, the main stack */
void rt_emit_signal(Rt *rt);    /* signal.c: the crash reporter (after sched) */
void rt_emit_exit(Rt *rt);      /* exit.c: arc_exit and the exit hooks */
void rt_emit_lock(Rt *rt);      /* lock.c: arc_lock/arc_unlock */

/* The C prototypes of the syscall layer, for the header a C user includes. */
void rt_print_syscall_protos(FILE *f);
/* ... and of the poller's calls (arc_wait_fd, arc_sleep, arc_close, ...). */
void rt_print_poll_protos(FILE *f);

#endif
