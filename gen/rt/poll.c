/* poll.c: tasks that wait on the world: the poller (epoll), the timer
 * heap, and their C ABI.
 *
 * Needs: the scheduler (arc_rt_push, arc_rt_to_sched, arc_rt_any_work,
 * arc_rt_init, the G_* and WK_* layouts of rt.h), epoll and clock
 * constants and struct epoll_event from uapi_layout/, the vDSO's ELF
 * image (auxv AT_SYSINFO_EHDR, read by a start-up hook).  Produces:
 *   long arc_wait_fd(int fd, unsigned events, long deadline_ns)
 *   long arc_sleep(long ns)
 *   long arc_now_ns(void), long arc_wall_ns(void)   (vDSO clock_gettime)
 *   long arc_close(int fd)
 * and the poller the scheduler reaches through arc_rt_poll_hooks.
 *
 * Shape (Go's netpoll and timers, one instance per process):
 *   - One epoll instance and one timer heap for the process, under one
 *     spinlock (PL_LOCK).  Per worker would need work stealing of timers and
 *     a cross-worker kick per fd; the lock is held for a heap step or an
 *     epoll_ctl, and measured (tests/bench: 100k sleepers), it is not
 *     where the time goes.
 *   - A task waits through a wait record on its own stack (W_*).  It
 *     switches out first (ACT_WAIT); the scheduler loop then hands the
 *     record to arc_rt_poll_park, which puts it in the timer heap (if it
 *     has a deadline) and in its fd's slot, and arms the fd in epoll with
 *     EPOLLONESHOT (data = the fd and the slot's arming generation: an
 *     event left over from an arming whose waiter timed out is ignored).  So nothing can resume a task that is
 *     still running.
 *   - Invariant: a parked record is reachable only through the heap (by
 *     W_HEAPIDX) and its fd slot, and every way out (readiness, deadline,
 *     close, a failed registration) goes through arc_rt_poll_unlink under
 *     PL_LOCK, which removes it from both before the lock is dropped.  So
 *     the first of them to take the lock resumes the task, and the others
 *     no longer find it: a task is resumed exactly once.
 *   - An idle worker takes the poller role (PL_OWNER) and blocks in
 *     epoll_pwait2 with the nearest deadline as its timeout (epoll_wait in
 *     whole milliseconds, rounded up, where the kernel or qemu lacks
 *     epoll_pwait2); the other idle workers sleep on the scheduler's futex.
 *     Busy workers poll without blocking every GLOBAL_POLL tasks, so
 *     timers and readiness are served while every worker is busy.
 */
#include <stdio.h>
#include <elf.h>
#include <stddef.h>

#include "gen/rt/rt.h"

static Rt *cur_rt;
static int pl_sym;      /* arc_rt_poll: PL_* */
static int hk_sym;      /* arc_rt_poll_hooks: HK_* */
static int st_sym;      /* arc_rt_sched: G_* */

static Opnd P(int32_t off) { return opm(mem_rip(pl_sym, off)); }

/* rax = -errno: jump to arc_rt_fatal(msg, errno). */
static void die_errno(Asm *a, const char *label, const char *msg)
{
    enc_mov(a, 8, R(RSI), R(RAX));
    enc_unary(a, UN_NEG, 8, R(RSI));
    rt_fatal_msg(cur_rt, a, label, msg, RSI);   /* flags (rdx) 0: decimal, no backtrace */
}

/* PL_LOCK (rt_spin_lock); clobbers rax. */
static void lock_poll(Asm *a) { rt_spin_lock(a, P(PL_LOCK)); }
static void unlock_poll(Asm *a) { rt_spin_unlock(a, P(PL_LOCK)); }

/* rax = the slot of the fd in register fd (clobbers rax only). */
static void slot_of(Asm *a, Reg fd)
{
    enc_mov(a, 8, R(RAX), R(fd));
    enc_shift(a, SH_SHL, 8, R(RAX), I(SLOT_SHIFT));
    enc_alu(a, ALU_ADD, 8, R(RAX), P(PL_SLOTS));
}

/* The vDSO's clock_gettime.  The kernel maps a small ELF shared object
 * into every process (auxv AT_SYSINFO_EHDR) whose __vdso_clock_gettime
 * reads the clocks without entering the kernel: about 20 ns where the
 * system call costs a few hundred, and a sleeping task reads the clock
 * two or three times.
 *
 * arc_rt_vdso_init, a start-up hook (start.c), finds it: the first
 * PT_LOAD gives the load bias (image address + p_offset - p_vaddr), the
 * SHT_DYNSYM section and its string table (sh_link) the symbol.  The
 * image is mapped whole, so file offsets are offsets from its start.
 * Symbol versions are not checked: x86-64 vDSOs have defined this name
 * once, at LINUX_2.6, since they exist.  Anything unexpected (no
 * AT_SYSINFO_EHDR: qemu-x86_64 before 8.1 gives none; not ELF64; section
 * headers of another size; no such symbol) leaves arc_rt_vdso at 0 and
 * the clocks use the system call.  Field offsets come from <elf.h>, as
 * image/elf.c's.
 *
 * arc_rt_vdso (.data): VD_CLOCK, the function or 0; VD_KEEP, the hook's
 * entry (the relocation keeps the hook wherever the clocks are kept). */
enum { VD_CLOCK = 0, VD_KEEP = 8, VD_SIZE = 16 };
/* The vDSO function runs on the caller's stack.  An Arc task's segment
 * allows runtime code only RT_RESERVE bytes below its limit (stack.c),
 * so the vDSO is called only while rsp is at or above the limit: the
 * whole reserve is then its.  Its frame is
 * 48 bytes on the kernels seen (push rbp, r14, rbx; sub 16: a leaf, no
 * recursion), a fifth of that; below the limit, the system call (which
 * runs on the kernel's stack).  Process and C-task stacks have their
 * limit near their bottom: they always take the vDSO. */

/* Walk the ELF headers from r9 (r10 of them, step bytes apart) to the
 * first whose 32-bit type field is type; to none if there is none. */
static void find_header(Asm *a, int32_t type_off, int type, Opnd step, int none)
{
    int loop = enc_label(a), found = enc_label(a);
    enc_bind(a, loop);
    enc_test(a, 4, R(R10), R(R10));
    enc_jcc(a, CC_E, none);
    enc_alu(a, ALU_CMP, 4, M(R9, type_off), I(type));
    enc_jcc(a, CC_E, found);
    enc_alu(a, ALU_ADD, 8, R(R9), step);
    enc_unary(a, UN_DEC, 4, R(R10));
    enc_jmp(a, loop);
    enc_bind(a, found);
}

static void emit_vdso_init(Rt *rt)
{
    static const char want[] = "__vdso_clock_gettime";
    int name = rt_rodata(rt, "arc_rt_vdso_name", want, sizeof want, 1, SYM_LOCAL);
    int vd = S("arc_rt_vdso");
    RtFn fn;
    /* arc_rt_vdso_init(argc, argv, envp, rcx = auxv): a start-up hook.
     * r8 image, r9 header walk, r10 headers left, rcx their step, r11 bias,
     * rsi symbol, rdi past the symbols, rdx string table. */
    rt_begin(rt, &fn, "arc_rt_vdso_init", SYM_LOCAL);
    Asm *a = &fn.a;
    int scan = enc_label(a), found = enc_label(a), none = enc_label(a);
    int syl = enc_label(a), cmp = enc_label(a), next = enc_label(a), match = enc_label(a);
    /* First the timer slack: 1 ns instead of the default 50 us, which the
     * kernel adds to every timed wait (the poller's epoll_pwait2); set
     * here, before any worker is cloned, every thread inherits it. */
    enc_push(a, R(RCX));
    enc_mov(a, 4, R(RDI), I(K_PR_SET_TIMERSLACK));
    enc_mov(a, 4, R(RSI), I(1));
    rt_sys(a, SYS_prctl);
    enc_pop(a, R(RCX));
    enc_bind(a, scan);
    enc_mov(a, 8, R(RAX), M(RCX, 0));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, none);                               /* AT_NULL */
    enc_alu(a, ALU_CMP, 8, R(RAX), I(K_AT_SYSINFO_EHDR));
    enc_jcc(a, CC_E, found);
    enc_alu(a, ALU_ADD, 8, R(RCX), I(16));
    enc_jmp(a, scan);
    enc_bind(a, found);
    enc_mov(a, 8, R(R8), M(RCX, 8));
    enc_test(a, 8, R(R8), R(R8));
    enc_jcc(a, CC_E, none);
    enc_alu(a, ALU_CMP, 4, M(R8, 0), I(0x464c457f));      /* "\177ELF" */
    enc_jcc(a, CC_NE, none);
    enc_alu(a, ALU_CMP, 1, M(R8, EI_CLASS), I(ELFCLASS64));
    enc_jcc(a, CC_NE, none);
    /* the load bias from the first PT_LOAD */
    enc_mov(a, 8, R(R9), M(R8, offsetof(Elf64_Ehdr, e_phoff)));
    enc_alu(a, ALU_ADD, 8, R(R9), R(R8));
    enc_movzx(a, 4, R10, 2, M(R8, offsetof(Elf64_Ehdr, e_phnum)));
    enc_movzx(a, 4, RCX, 2, M(R8, offsetof(Elf64_Ehdr, e_phentsize)));
    find_header(a, offsetof(Elf64_Phdr, p_type), PT_LOAD, R(RCX), none);
    enc_mov(a, 8, R(R11), R(R8));
    enc_alu(a, ALU_ADD, 8, R(R11), M(R9, offsetof(Elf64_Phdr, p_offset)));
    enc_alu(a, ALU_SUB, 8, R(R11), M(R9, offsetof(Elf64_Phdr, p_vaddr)));
    /* the dynamic symbol table and its strings */
    enc_alu(a, ALU_CMP, 2, M(R8, offsetof(Elf64_Ehdr, e_shentsize)), I(sizeof(Elf64_Shdr)));
    enc_jcc(a, CC_NE, none);
    enc_mov(a, 8, R(R9), M(R8, offsetof(Elf64_Ehdr, e_shoff)));
    enc_test(a, 8, R(R9), R(R9));
    enc_jcc(a, CC_E, none);
    enc_alu(a, ALU_ADD, 8, R(R9), R(R8));
    enc_movzx(a, 4, R10, 2, M(R8, offsetof(Elf64_Ehdr, e_shnum)));
    find_header(a, offsetof(Elf64_Shdr, sh_type), SHT_DYNSYM, I(sizeof(Elf64_Shdr)), none);
    enc_mov(a, 8, R(RSI), M(R9, offsetof(Elf64_Shdr, sh_offset)));
    enc_alu(a, ALU_ADD, 8, R(RSI), R(R8));
    enc_mov(a, 8, R(RDI), M(R9, offsetof(Elf64_Shdr, sh_size)));
    enc_alu(a, ALU_ADD, 8, R(RDI), R(RSI));
    enc_mov(a, 4, R(RAX), M(R9, offsetof(Elf64_Shdr, sh_link)));
    enc_imul3(a, 8, RAX, R(RAX), sizeof(Elf64_Shdr));
    enc_alu(a, ALU_ADD, 8, R(RAX), M(R8, offsetof(Elf64_Ehdr, e_shoff)));
    enc_mov(a, 8, R(RDX), opm(mem_bis(R8, RAX, 1, offsetof(Elf64_Shdr, sh_offset))));
    enc_alu(a, ALU_ADD, 8, R(RDX), R(R8));
    enc_bind(a, syl);
    enc_alu(a, ALU_CMP, 8, R(RSI), R(RDI));
    enc_jcc(a, CC_AE, none);
    enc_mov(a, 4, R(RAX), M(RSI, offsetof(Elf64_Sym, st_name)));
    enc_alu(a, ALU_ADD, 8, R(RAX), R(RDX));
    enc_mov_sym32(a, R9, name, 0);
    enc_bind(a, cmp);
    enc_movzx(a, 4, RCX, 1, M(R9, 0));
    enc_alu(a, ALU_CMP, 1, M(RAX, 0), R(RCX));
    enc_jcc(a, CC_NE, next);
    enc_test(a, 4, R(RCX), R(RCX));
    enc_jcc(a, CC_E, match);
    enc_unary(a, UN_INC, 8, R(R9));
    enc_unary(a, UN_INC, 8, R(RAX));
    enc_jmp(a, cmp);
    enc_bind(a, match);
    enc_alu(a, ALU_CMP, 2, M(RSI, offsetof(Elf64_Sym, st_shndx)), I(SHN_UNDEF));
    enc_jcc(a, CC_E, next);
    enc_mov(a, 8, R(RAX), M(RSI, offsetof(Elf64_Sym, st_value)));
    enc_alu(a, ALU_ADD, 8, R(RAX), R(R11));
    enc_mov(a, 8, opm(mem_rip(vd, VD_CLOCK)), R(RAX));
    enc_ret(a);
    enc_bind(a, next);
    enc_alu(a, ALU_ADD, 8, R(RSI), I(sizeof(Elf64_Sym)));
    enc_jmp(a, syl);
    enc_bind(a, none);
    enc_ret(a);
    rt_end(rt, &fn);

    static const uint8_t zero[VD_SIZE];
    int entry = rt_init_hook(rt, &fn, "arc_rt_vdso_entry", SYM_LOCAL);
    int sec = elf_section(rt->elf, ".data.arc_rt_vdso", SEC_DATA, 8);
    elf_append(rt->elf, sec, zero, VD_SIZE);
    elf_reloc(rt->elf, sec, VD_KEEP, entry, RELOC_ABS64, 0);
    elf_define(rt->elf, vd, sec, 0, VD_SIZE, SYM_GLOBAL, SYM_OBJECT);
}

/* long arc_now_ns(void), arc_wall_ns(void): CLOCK_MONOTONIC and
 * CLOCK_REALTIME in nanoseconds, through the vDSO when there is one and
 * room for it (above), else clock_gettime(2).  C-ABI clobbers. */
static void emit_clocks(Rt *rt)
{
    emit_vdso_init(rt);
    static const struct {
        const char *name;
        int clock;
    } clocks[] = {{"arc_now_ns", K_CLOCK_MONOTONIC}, {"arc_wall_ns", K_CLOCK_REALTIME}};
    for (int i = 0; i < countof(clocks); i++) {
        RtFn fn;
        rt_begin(rt, &fn, clocks[i].name, SYM_GLOBAL);
        Asm *a = &fn.a;
        int call = enc_label(a), sys = enc_label(a), done = enc_label(a);
        enc_alu(a, ALU_SUB, 8, R(RSP), I(24));            /* rsp 16-aligned for the call */
        enc_mov(a, 4, R(RDI), I(clocks[i].clock));
        enc_mov(a, 8, R(RSI), R(RSP));
        enc_mov(a, 8, R(RAX), opm(mem_rip(S("arc_rt_vdso"), VD_CLOCK)));
        enc_test(a, 8, R(RAX), R(RAX));
        enc_jcc(a, CC_E, sys);
        enc_alu(a, ALU_CMP, 1, opm(mem_rip(st_sym, G_INIT)), I(0));
        enc_jcc(a, CC_E, call);                           /* the process stack */
        rt_fs(a);
        enc_mov(a, 8, R(RDX), M(NOREG, WK_LIMIT));   /* the reserve below it is free */
        enc_alu(a, ALU_CMP, 8, R(RSP), R(RDX));
        enc_jcc(a, CC_B, sys);
        enc_bind(a, call);
        enc_call_ind(a, R(RAX));
        enc_jmp(a, done);
        enc_bind(a, sys);
        rt_sys(a, SYS_clock_gettime);
        enc_bind(a, done);
        enc_imul3(a, 8, RAX, M(RSP, UOFF(timespec, sec)), 1000000000);
        enc_alu(a, ALU_ADD, 8, R(RAX), M(RSP, UOFF(timespec, nsec)));
        enc_alu(a, ALU_ADD, 8, R(RSP), I(24));
        enc_ret(a);
        rt_end(rt, &fn);
    }
}

/* The timer heap: a binary min-heap of HE_SIZE-byte entries {deadline,
 * wait record}, each record knowing its index (W_HEAPIDX), so one can
 * leave from the middle.  Callers hold PL_LOCK.
 *
 * Why the deadline is copied into the entry: the records live on their
 * tasks' stacks, one per stack page, so a heap of record pointers paid a
 * cache (and often a TLB) miss per comparison; with 100k sleepers
 * (tests/bench/arc_sleepers.c) arc_rt_heap_down was 12% of all samples
 * under perf, the largest user-space cost, all of it spent under PL_LOCK
 * where the other workers wait.  Now a sift compares within the heap's
 * own array and writes W_HEAPIDX only into the records it moves.
 * Invariant: entry i's deadline equals its record's W_DEADLINE (a
 * record's deadline is set before it is parked and not changed while in
 * the heap), and its record's W_HEAPIDX is i.
 *
 * arc_rt_heap_up(rdi = rec, rsi = hole index) -> rax = its index: moves
 * the hole up past later deadlines and puts rec there.
 * arc_rt_heap_down(rdi = rec, rsi = hole index): the same, downwards.
 * Both clobber rax, rcx, rdx, rsi, r8-r11. */
enum { HE_DEADLINE = 0, HE_REC = 8, HE_SHIFT = 4, HE_SIZE = 1 << HE_SHIFT };
static Opnd E(Reg base, Reg off, int32_t field) { return opm(mem_bis(base, off, 1, field)); }
static void emit_heap(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_heap_up", SYM_LOCAL);
    Asm *a = &fn.a;
    int loop = enc_label(a), place = enc_label(a);
    enc_mov(a, 8, R(R8), P(PL_HEAP));
    enc_mov(a, 8, R(R9), M(RDI, W_DEADLINE));
    enc_bind(a, loop);
    enc_test(a, 8, R(RSI), R(RSI));
    enc_jcc(a, CC_E, place);
    enc_lea(a, 8, RCX, mem_b(RSI, -1));
    enc_shift(a, SH_SHR, 8, R(RCX), I(1));                /* parent */
    enc_mov(a, 8, R(R10), R(RCX));
    enc_shift(a, SH_SHL, 8, R(R10), I(HE_SHIFT));
    enc_mov(a, 8, R(RDX), E(R8, R10, HE_DEADLINE));
    enc_alu(a, ALU_CMP, 8, R(RDX), R(R9));
    enc_jcc(a, CC_LE, place);
    enc_mov(a, 8, R(R11), E(R8, R10, HE_REC));            /* parent moves down */
    enc_mov(a, 8, M(R11, W_HEAPIDX), R(RSI));
    enc_mov(a, 8, R(RAX), R(RSI));
    enc_shift(a, SH_SHL, 8, R(RAX), I(HE_SHIFT));
    enc_mov(a, 8, E(R8, RAX, HE_DEADLINE), R(RDX));
    enc_mov(a, 8, E(R8, RAX, HE_REC), R(R11));
    enc_mov(a, 8, R(RSI), R(RCX));
    enc_jmp(a, loop);
    enc_bind(a, place);
    enc_mov(a, 8, M(RDI, W_HEAPIDX), R(RSI));
    enc_mov(a, 8, R(RAX), R(RSI));
    enc_shift(a, SH_SHL, 8, R(RAX), I(HE_SHIFT));
    enc_mov(a, 8, E(R8, RAX, HE_DEADLINE), R(R9));
    enc_mov(a, 8, E(R8, RAX, HE_REC), R(RDI));
    enc_mov(a, 8, R(RAX), R(RSI));
    enc_ret(a);
    rt_end(rt, &fn);

    rt_begin(rt, &fn, "arc_rt_heap_down", SYM_LOCAL);
    a = &fn.a;
    loop = enc_label(a), place = enc_label(a);
    int one = enc_label(a);
    enc_mov(a, 8, R(R8), P(PL_HEAP));
    enc_mov(a, 8, R(R9), M(RDI, W_DEADLINE));
    enc_mov(a, 8, R(R10), P(PL_NHEAP));
    enc_bind(a, loop);
    enc_lea(a, 8, RCX, mem_bis(RSI, RSI, 1, 1));          /* left child */
    enc_alu(a, ALU_CMP, 8, R(RCX), R(R10));
    enc_jcc(a, CC_GE, place);
    enc_mov(a, 8, R(RAX), R(RCX));                        /* rax: the child's offset */
    enc_shift(a, SH_SHL, 8, R(RAX), I(HE_SHIFT));
    enc_mov(a, 8, R(RDX), E(R8, RAX, HE_DEADLINE));       /* rdx: its deadline */
    enc_lea(a, 8, R11, mem_b(RCX, 1));
    enc_alu(a, ALU_CMP, 8, R(R11), R(R10));
    enc_jcc(a, CC_GE, one);
    enc_alu(a, ALU_CMP, 8, E(R8, RAX, HE_SIZE + HE_DEADLINE), R(RDX));   /* right child earlier? */
    enc_jcc(a, CC_GE, one);
    enc_mov(a, 8, R(RCX), R(R11));
    enc_alu(a, ALU_ADD, 8, R(RAX), I(HE_SIZE));
    enc_mov(a, 8, R(RDX), E(R8, RAX, HE_DEADLINE));
    enc_bind(a, one);
    enc_alu(a, ALU_CMP, 8, R(RDX), R(R9));
    enc_jcc(a, CC_GE, place);
    enc_mov(a, 8, R(R11), E(R8, RAX, HE_REC));            /* child moves up */
    enc_mov(a, 8, M(R11, W_HEAPIDX), R(RSI));
    enc_shift(a, SH_SHL, 8, R(RSI), I(HE_SHIFT));
    enc_mov(a, 8, E(R8, RSI, HE_DEADLINE), R(RDX));
    enc_mov(a, 8, E(R8, RSI, HE_REC), R(R11));
    enc_mov(a, 8, R(RSI), R(RCX));
    enc_jmp(a, loop);
    enc_bind(a, place);
    enc_mov(a, 8, M(RDI, W_HEAPIDX), R(RSI));
    enc_shift(a, SH_SHL, 8, R(RSI), I(HE_SHIFT));
    enc_mov(a, 8, E(R8, RSI, HE_DEADLINE), R(R9));
    enc_mov(a, 8, E(R8, RSI, HE_REC), R(RDI));
    enc_ret(a);
    rt_end(rt, &fn);

    /* arc_rt_heap_remove(rdi = rec): the last entry fills its hole */
    rt_begin(rt, &fn, "arc_rt_heap_remove", SYM_LOCAL);
    a = &fn.a;
    int out = enc_label(a), up = enc_label(a);
    enc_mov(a, 8, R(RCX), R(RDI));
    enc_mov(a, 8, R(RSI), M(RDI, W_HEAPIDX));
    enc_mov(a, 8, M(RDI, W_HEAPIDX), I(-1));
    enc_mov(a, 8, R(RAX), P(PL_NHEAP));
    enc_unary(a, UN_DEC, 8, R(RAX));
    enc_mov(a, 8, P(PL_NHEAP), R(RAX));
    enc_alu(a, ALU_CMP, 8, R(RSI), R(RAX));
    enc_jcc(a, CC_E, out);
    enc_mov(a, 8, R(R8), P(PL_HEAP));
    enc_shift(a, SH_SHL, 8, R(RAX), I(HE_SHIFT));
    enc_mov(a, 8, R(RDI), E(R8, RAX, HE_REC));
    enc_mov(a, 8, R(RDX), E(R8, RAX, HE_DEADLINE));
    enc_alu(a, ALU_CMP, 8, R(RDX), M(RCX, W_DEADLINE));
    enc_jcc(a, CC_L, up);
    enc_jmp_sym(a, S("arc_rt_heap_down"));
    enc_bind(a, up);
    enc_jmp_sym(a, S("arc_rt_heap_up"));
    enc_bind(a, out);
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_poll_unlink(rdi = rec, rsi = result) -> rax = its task, to push
 * once PL_LOCK (held by the caller) is released.  Takes the record out of
 * the heap and out of its fd slot: the only way a parked task leaves. */
static void emit_unlink(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_poll_unlink", SYM_LOCAL);
    Asm *a = &fn.a;
    int noheap = enc_label(a), nofd = enc_label(a);
    enc_push(a, R(RBX));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_mov(a, 8, M(RBX, W_RESULT), R(RSI));
    enc_alu(a, ALU_CMP, 8, M(RBX, W_HEAPIDX), I(0));
    enc_jcc(a, CC_L, noheap);
    enc_call_sym(a, S("arc_rt_heap_remove"));
    enc_bind(a, noheap);
    enc_mov(a, 8, R(RCX), M(RBX, W_FD));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_S, nofd);
    slot_of(a, RCX);
    enc_alu(a, ALU_CMP, 8, M(RAX, SLOT_WAITER), R(RBX));
    enc_jcc(a, CC_NE, nofd);
    enc_mov(a, 8, M(RAX, SLOT_WAITER), I(0));
    enc_bind(a, nofd);
    enc_unary(a, UN_DEC, 8, P(PL_NWAIT));
    enc_mov(a, 8, R(RAX), M(RBX, W_TASK));
    enc_pop(a, R(RBX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_poll_kick(): if the poller is blocked in epoll_wait, wake it
 * through the eventfd.  Exactly one kicker sees PL_BLOCKED go 1 -> 0.
 * Clobbers rax, rcx, rdx, rsi, rdi, r11. */
static void emit_kick(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_poll_kick", SYM_LOCAL);
    Asm *a = &fn.a;
    int out = enc_label(a);
    enc_alu(a, ALU_CMP, 4, P(PL_BLOCKED), I(0));
    enc_jcc(a, CC_E, out);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_xchg(a, 4, P(PL_BLOCKED), RAX);
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc(a, CC_E, out);
    enc_push(a, I(1));                                    /* the eventfd's 8-byte add */
    enc_mov(a, 4, R(RDI), P(PL_EVFD));
    enc_mov(a, 8, R(RSI), R(RSP));
    enc_mov(a, 4, R(RDX), I(8));
    rt_sys(a, SYS_write);
    enc_pop(a, R(RAX));
    enc_bind(a, out);
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_poll_park(rdi = rec): the scheduler loop's ACT_WAIT, with the
 * task switched out.  Under PL_LOCK: the heap (if it has a deadline), the
 * fd slot (one waiter per fd: a second gets -EBUSY) and epoll_ctl with
 * EPOLLONESHOT (MOD if the fd is already in the set, ADD otherwise; each
 * retried as the other on ENOENT/EEXIST, for fds closed or dup'ed behind
 * our back).  A record that cannot wait (full heap, busy slot, epoll_ctl
 * failing, as for a regular file: EPERM) is unlinked with that error and
 * its task requeued.  A record that became the earliest deadline kicks a
 * blocked poller, whose timeout is now too long. */
static void emit_park(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_poll_park", SYM_LOCAL);
    Asm *a = &fn.a;
    int nodl = enc_label(a), done = enc_label(a), out = enc_label(a), fail = enc_label(a);
    int ebusy = enc_label(a), enomem = enc_label(a), armed = enc_label(a), ctl = enc_label(a);
    int retry = enc_label(a), retry_mod = enc_label(a);
    enc_push(a, R(RBX));
    enc_push(a, R(R12));
    enc_push(a, R(R13));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(16));                /* struct epoll_event at rsp */
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_alu(a, ALU_XOR, 4, R(R13), R(R13));               /* r13: kick the poller */
    lock_poll(a);
    enc_unary(a, UN_INC, 8, P(PL_NWAIT));
    enc_alu(a, ALU_CMP, 8, M(RBX, W_DEADLINE), I(0));
    enc_jcc(a, CC_E, nodl);
    enc_alu(a, ALU_CMP, 8, P(PL_NHEAP), I(HEAP_MAX));
    enc_jcc(a, CC_AE, enomem);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_mov(a, 8, R(RSI), P(PL_NHEAP));
    enc_unary(a, UN_INC, 8, P(PL_NHEAP));
    enc_call_sym(a, S("arc_rt_heap_up"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, nodl);
    enc_mov(a, 4, R(R13), I(1));
    enc_bind(a, nodl);
    enc_mov(a, 8, R(RCX), M(RBX, W_FD));
    enc_test(a, 8, R(RCX), R(RCX));
    enc_jcc(a, CC_S, done);
    slot_of(a, RCX);
    enc_mov(a, 8, R(R12), R(RAX));
    enc_alu(a, ALU_CMP, 8, M(R12, SLOT_WAITER), I(0));
    enc_jcc(a, CC_NE, ebusy);
    enc_mov(a, 8, M(R12, SLOT_WAITER), R(RBX));
    enc_mov(a, 4, R(RAX), M(RBX, W_EVENTS));
    enc_alu(a, ALU_OR, 4, R(RAX), I(K_EPOLLONESHOT));
    enc_mov(a, 4, M(RSP, UOFF(epoll_event, events)), R(RAX));
    enc_unary(a, UN_INC, 4, M(R12, SLOT_GEN));            /* a new arming */
    enc_mov(a, 4, R(RAX), M(R12, SLOT_GEN));
    enc_shift(a, SH_SHL, 8, R(RAX), I(32));
    enc_alu(a, ALU_OR, 8, R(RAX), M(RBX, W_FD));
    enc_mov(a, 8, M(RSP, UOFF(epoll_event, data)), R(RAX));
    enc_mov(a, 4, R(RSI), I(K_EPOLL_CTL_ADD));
    enc_alu(a, ALU_CMP, 8, M(R12, SLOT_ARMED), I(0));
    enc_jcc(a, CC_E, ctl);
    enc_mov(a, 4, R(RSI), I(K_EPOLL_CTL_MOD));
    enc_bind(a, ctl);
    enc_mov(a, 4, R(RDI), P(PL_EPFD));
    enc_mov(a, 8, R(RDX), M(RBX, W_FD));
    enc_mov(a, 8, R(R10), R(RSP));
    rt_sys(a, SYS_epoll_ctl);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, armed);
    enc_mov(a, 4, R(RSI), I(K_EPOLL_CTL_ADD));
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-K_ENOENT));
    enc_jcc(a, CC_E, retry);
    enc_mov(a, 4, R(RSI), I(K_EPOLL_CTL_MOD));
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-K_EEXIST));
    enc_jcc(a, CC_E, retry_mod);
    enc_mov(a, 8, R(RSI), R(RAX));
    enc_jmp(a, fail);
    enc_bind(a, retry_mod);
    enc_bind(a, retry);
    enc_mov(a, 4, R(RDI), P(PL_EPFD));
    enc_mov(a, 8, R(RDX), M(RBX, W_FD));
    enc_mov(a, 8, R(R10), R(RSP));
    rt_sys(a, SYS_epoll_ctl);
    enc_mov(a, 8, R(RSI), R(RAX));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, fail);
    enc_bind(a, armed);
    enc_mov(a, 8, M(R12, SLOT_ARMED), I(1));
    enc_bind(a, done);
    unlock_poll(a);
    enc_test(a, 4, R(R13), R(R13));
    enc_jcc(a, CC_E, out);
    enc_call_sym(a, S("arc_rt_poll_kick"));
    enc_bind(a, out);
    enc_alu(a, ALU_ADD, 8, R(RSP), I(16));
    enc_pop(a, R(R13));
    enc_pop(a, R(R12));
    enc_pop(a, R(RBX));
    enc_ret(a);

    enc_bind(a, enomem);
    enc_mov(a, 8, R(RSI), I(-K_ENOMEM));
    enc_jmp(a, fail);
    enc_bind(a, ebusy);
    enc_mov(a, 8, R(RSI), I(-K_EBUSY));
    enc_bind(a, fail);                                    /* rsi = -errno */
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_rt_poll_unlink"));
    enc_mov(a, 8, R(R12), R(RAX));
    unlock_poll(a);
    enc_mov(a, 8, R(RDI), R(R12));
    enc_call_sym(a, S("arc_rt_push"));
    enc_jmp(a, out);
    rt_end(rt, &fn);
}

/* arc_rt_netpoll(rdi = block) -> blocking: rax = 1 if this worker held
 * the poller role, 0 if another worker holds it; not blocking: rax = the
 * tasks it resumed (0 also when another worker holds the role or nothing
 * waits).
 * Scheduler context only (it pushes on this worker's deque).
 *
 *   again: run the expired timers (one heap pop per lock hold; their
 *          tasks pushed once the heap is done, latest first);
 *          timeout = nearest deadline - now (less EARLY_NS when over
 *          TIMEOUT_SPLIT: below), none if the heap is empty, 0 if not
 *          blocking or a timer ran;
 *          blocking: PL_BLOCKED = 1 (xchg: a full fence), then look for
 *          work (arc_rt_any_work); found: don't sleep; then read the
 *          earliest deadline again under PL_LOCK; earlier than the one
 *          the timeout came from: PL_BLOCKED = 0, again;
 *          epoll_pwait2; PL_BLOCKED = 0; resume each ready fd's waiter;
 *          blocking and nothing woke and no work: again.
 *
 * No lost wake-up (the futex argument of arc_rt_wake, with PL_BLOCKED in
 * the place of G_NSLEEP): a pusher stores its work, fences, and reads
 * G_NSPIN, G_NSLEEP, then PL_BLOCKED (arc_rt_wake -> HK_KICK); the poller
 * stores PL_BLOCKED = 1, fences, and reads the queues.  One of the two
 * sees the other's store: either the poller finds the work and does not
 * sleep, or the pusher finds PL_BLOCKED = 1, exchanges it to 0 and writes
 * the eventfd, which ends (or pre-empts) the epoll_wait.
 *
 * No stale timeout: a record parked as the new earliest deadline kicks
 * (arc_rt_poll_park: heap insert under PL_LOCK, unlock, then it reads
 * PL_BLOCKED), but the poller reads the heap for its timeout before it
 * announces PL_BLOCKED = 1, so a park between that read and the announce
 * finds PL_BLOCKED = 0 and does not kick, and a poller blocking on that
 * read's timeout would miss the new deadline (with an empty heap,
 * forever: without the second read, 16 runs in 100 of
 * tests/e2e/c/sleep_await.c hung so under qemu-x86_64 on 4 workers of a
 * 2-core machine).  Hence the second read, after the announce: PL_LOCK
 * orders it against the park's insert.  If the insert
 * came first, the second read sees the earlier deadline and the poller
 * goes round again; if it came after, the parker took the lock after the
 * poller's announce was visible, so it reads PL_BLOCKED = 1 and kicks.
 * Invariant: the poller blocks only on a timeout no later than the
 * earliest deadline that any parker has not kicked it for. */
enum { TIMEOUT_SPLIT = 2000000, EARLY_NS = 1000000 };
enum { EV_BYTES = POLL_EVENTS * USIZE(epoll_event), NP_TS = EV_BYTES, NP_BUF = EV_BYTES + 16,
       NP_LIST = EV_BYTES + 24, NP_DL = EV_BYTES + 32, NP_FRAME = EV_BYTES + 48 };
/* r = the earliest deadline in the heap, -1 (unsigned: the latest) if it
 * is empty.  Needs PL_LOCK; clobbers rax. */
static void earliest_deadline(Asm *a, Reg r)
{
    int none = enc_label(a);
    enc_mov(a, 8, R(r), I(-1));
    enc_alu(a, ALU_CMP, 8, P(PL_NHEAP), I(0));
    enc_jcc(a, CC_E, none);
    enc_mov(a, 8, R(RAX), P(PL_HEAP));
    enc_mov(a, 8, R(r), M(RAX, HE_DEADLINE));
    enc_bind(a, none);
}

static void emit_netpoll(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_netpoll", SYM_LOCAL);
    Asm *a = &fn.a;
    int go = enc_label(a), ret0 = enc_label(a), again = enc_label(a), timers = enc_label(a);
    int tdone = enc_label(a), haveto = enc_label(a), nowait = enc_label(a), wait = enc_label(a);
    int inf = enc_label(a), call2 = enc_label(a), oldwait = enc_label(a), infms = enc_label(a);
    int callw = enc_label(a), okms = enc_label(a), got = enc_label(a), ev = enc_label(a);
    int fdev = enc_label(a), evunlock = enc_label(a), next = enc_label(a), evdone = enc_label(a);
    int finish = enc_label(a), out = enc_label(a), nohand = enc_label(a), unannounce = enc_label(a);
    static const Reg saved[] = {RBX, R12, R13, R14, R15};
    for (int i = 0; i < countof(saved); i++)
        enc_push(a, R(saved[i]));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(NP_FRAME));
    enc_mov(a, 8, R(R14), R(RDI));
    enc_alu(a, ALU_CMP, 8, P(PL_NWAIT), I(0));
    enc_jcc(a, CC_NE, go);
    enc_test(a, 8, R(R14), R(R14));
    enc_jcc(a, CC_E, ret0);
    enc_bind(a, go);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_mov(a, 4, R(RCX), I(1));
    enc_lock_cmpxchg(a, 8, mem_rip(pl_sym, PL_OWNER), RCX);
    enc_jcc(a, CC_NE, ret0);
    enc_alu(a, ALU_XOR, 4, R(R15), R(R15));               /* r15: tasks resumed */

    enc_bind(a, again);
    enc_call_sym(a, S("arc_now_ns"));
    enc_mov(a, 8, R(R12), R(RAX));                        /* r12: now */
    enc_mov(a, 8, M(RSP, NP_LIST), I(0));
    enc_bind(a, timers);
    lock_poll(a);
    enc_alu(a, ALU_CMP, 8, P(PL_NHEAP), I(0));
    enc_jcc(a, CC_E, tdone);
    enc_mov(a, 8, R(RAX), P(PL_HEAP));
    enc_alu(a, ALU_CMP, 8, M(RAX, HE_DEADLINE), R(R12));
    enc_jcc(a, CC_G, tdone);
    enc_mov(a, 8, R(RDI), M(RAX, HE_REC));
    enc_alu(a, ALU_XOR, 4, R(RSI), R(RSI));               /* result 0: the deadline passed */
    enc_call_sym(a, S("arc_rt_poll_unlink"));
    enc_mov(a, 8, R(RCX), M(RSP, NP_LIST));               /* onto the list, latest first */
    enc_mov(a, 8, M(RAX, T_NEXT), R(RCX));
    enc_mov(a, 8, M(RSP, NP_LIST), R(RAX));
    unlock_poll(a);
    enc_unary(a, UN_INC, 8, R(R15));
    enc_jmp(a, timers);
    enc_bind(a, tdone);                                   /* locked */
    earliest_deadline(a, R13);
    unlock_poll(a);
    enc_mov(a, 8, M(RSP, NP_DL), R(R13));                 /* for the check after the announce */
    enc_test(a, 8, R(R13), R(R13));
    enc_jcc(a, CC_S, haveto);                             /* r13: timeout ns, -1 none */
    enc_alu(a, ALU_SUB, 8, R(R13), R(R12));
    enc_bind(a, haveto);
    /* A timeout over TIMEOUT_SPLIT ends EARLY_NS before the deadline: the
     * kernel lets a wait of T run late by T/1000 (fs/select.c's
     * estimate_accuracy: 100 us for a 100 ms sleep, more than our 200 us
     * budget once a wake-up's own latency is added), so the long wait
     * ends early, finds no timer due, and the loop waits again for the
     * last millisecond, whose slack is the task's timer slack (50 us). */
    int near = enc_label(a);
    enc_alu(a, ALU_CMP, 8, R(R13), I(TIMEOUT_SPLIT));
    enc_jcc(a, CC_LE, near);                              /* -1 (none) too */
    enc_alu(a, ALU_SUB, 8, R(R13), I(EARLY_NS));
    enc_bind(a, near);
    /* push the expired timers' tasks latest first: this worker's deque
     * pops the earliest deadline first */
    int plist = enc_label(a), pdone = enc_label(a);
    enc_bind(a, plist);
    enc_mov(a, 8, R(RDI), M(RSP, NP_LIST));
    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_E, pdone);
    enc_mov(a, 8, R(RAX), M(RDI, T_NEXT));
    enc_mov(a, 8, M(RSP, NP_LIST), R(RAX));
    enc_call_sym(a, S("arc_rt_push"));
    enc_jmp(a, plist);
    enc_bind(a, pdone);
    enc_test(a, 8, R(R15), R(R15));
    enc_jcc(a, CC_NE, nowait);
    enc_test(a, 8, R(R14), R(R14));
    enc_jcc(a, CC_E, nowait);
    enc_mov(a, 4, R(RAX), I(1));
    enc_xchg(a, 4, P(PL_BLOCKED), RAX);                   /* announce, full fence */
    enc_call_sym(a, S("arc_rt_any_work"));
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, unannounce);
    lock_poll(a);                                         /* no stale timeout: above */
    earliest_deadline(a, RCX);
    unlock_poll(a);
    enc_alu(a, ALU_CMP, 8, R(RCX), M(RSP, NP_DL));
    enc_jcc(a, CC_AE, wait);
    enc_mov(a, 4, P(PL_BLOCKED), I(0));
    enc_jmp(a, again);
    enc_bind(a, unannounce);
    enc_mov(a, 4, P(PL_BLOCKED), I(0));
    enc_bind(a, nowait);
    enc_alu(a, ALU_XOR, 4, R(R13), R(R13));
    enc_bind(a, wait);
    enc_alu(a, ALU_CMP, 1, P(PL_NOPW2), I(0));
    enc_jcc(a, CC_NE, oldwait);
    /* epoll_pwait2(epfd, events, POLL_EVENTS, timeout or NULL, NULL, 8) */
    enc_lea(a, 8, R10, mem_b(RSP, NP_TS));
    enc_test(a, 8, R(R13), R(R13));
    enc_jcc(a, CC_S, inf);
    enc_mov(a, 8, R(RAX), R(R13));
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_mov(a, 4, R(RCX), I(1000000000));
    enc_unary(a, UN_DIV, 8, R(RCX));
    enc_mov(a, 8, M(RSP, NP_TS + UOFF(timespec, sec)), R(RAX));
    enc_mov(a, 8, M(RSP, NP_TS + UOFF(timespec, nsec)), R(RDX));
    enc_jmp(a, call2);
    enc_bind(a, inf);
    enc_alu(a, ALU_XOR, 4, R(R10), R(R10));
    enc_bind(a, call2);
    enc_mov(a, 4, R(RDI), P(PL_EPFD));
    enc_mov(a, 8, R(RSI), R(RSP));
    enc_mov(a, 4, R(RDX), I(POLL_EVENTS));
    enc_alu(a, ALU_XOR, 4, R(R8), R(R8));
    enc_mov(a, 4, R(R9), I(8));
    rt_sys(a, SYS_epoll_pwait2);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-K_ENOSYS));
    enc_jcc(a, CC_NE, got);
    enc_mov(a, 1, P(PL_NOPW2), I(1));
    /* epoll_wait(epfd, events, POLL_EVENTS, ms rounded up, or -1) */
    enc_bind(a, oldwait);
    enc_mov(a, 8, R(RAX), R(R13));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_S, infms);
    enc_alu(a, ALU_ADD, 8, R(RAX), I(999999));
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_mov(a, 4, R(RCX), I(1000000));
    enc_unary(a, UN_DIV, 8, R(RCX));
    enc_mov(a, 4, R(R10), I(0x7fffffff));
    enc_alu(a, ALU_CMP, 8, R(RAX), R(R10));
    enc_jcc(a, CC_A, callw);
    enc_bind(a, okms);
    enc_mov(a, 8, R(R10), R(RAX));
    enc_jmp(a, callw);
    enc_bind(a, infms);
    enc_mov(a, 8, R(R10), I(-1));
    enc_bind(a, callw);
    enc_mov(a, 4, R(RDI), P(PL_EPFD));
    enc_mov(a, 8, R(RSI), R(RSP));
    enc_mov(a, 4, R(RDX), I(POLL_EVENTS));
    rt_sys(a, SYS_epoll_wait);

    enc_bind(a, got);                                     /* rax = events or -errno */
    enc_mov(a, 4, P(PL_BLOCKED), I(0));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_LE, evdone);
    enc_mov(a, 8, R(RBX), R(RAX));
    enc_mov(a, 8, R(R12), R(RSP));
    enc_bind(a, ev);
    enc_alu(a, ALU_CMP, 8, M(R12, UOFF(epoll_event, data)), I(-1));
    enc_jcc(a, CC_NE, fdev);
    enc_mov(a, 4, R(RDI), P(PL_EVFD));                    /* the kick: reset the eventfd */
    enc_lea(a, 8, RSI, mem_b(RSP, NP_BUF));
    enc_mov(a, 4, R(RDX), I(8));
    rt_sys(a, SYS_read);
    enc_jmp(a, next);
    enc_bind(a, fdev);
    lock_poll(a);
    enc_mov(a, 4, R(RCX), M(R12, UOFF(epoll_event, data)));        /* the fd */
    slot_of(a, RCX);
    enc_mov(a, 4, R(RDX), M(R12, UOFF(epoll_event, data) + 4));    /* its arming */
    enc_alu(a, ALU_CMP, 4, R(RDX), M(RAX, SLOT_GEN));
    enc_jcc(a, CC_NE, evunlock);                          /* stale: an earlier waiter's */
    enc_mov(a, 8, R(RDI), M(RAX, SLOT_WAITER));
    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_E, evunlock);                           /* it timed out or was closed */
    enc_mov(a, 4, R(RSI), M(R12, UOFF(epoll_event, events)));
    enc_call_sym(a, S("arc_rt_poll_unlink"));
    enc_mov(a, 8, R(R13), R(RAX));
    unlock_poll(a);
    enc_mov(a, 8, R(RDI), R(R13));
    enc_call_sym(a, S("arc_rt_push"));
    enc_unary(a, UN_INC, 8, R(R15));
    enc_jmp(a, next);
    enc_bind(a, evunlock);
    unlock_poll(a);
    enc_bind(a, next);
    enc_alu(a, ALU_ADD, 8, R(R12), I(USIZE(epoll_event)));
    enc_unary(a, UN_DEC, 8, R(RBX));
    enc_jcc(a, CC_NE, ev);
    enc_bind(a, evdone);
    enc_test(a, 8, R(R15), R(R15));
    enc_jcc(a, CC_NE, finish);
    enc_test(a, 8, R(R14), R(R14));
    enc_jcc(a, CC_E, finish);
    enc_call_sym(a, S("arc_rt_any_work"));
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc(a, CC_E, again);
    enc_bind(a, finish);
    /* The role released with xchg, a full fence before the read of
     * G_NSLEEP below; arc_rt_idle announces G_NSLEEP (lock add), then
     * tries the role once more (a quick poll) before its futex wait.  One
     * of the two sees the other's store: the idle worker takes the role,
     * or this one sees it asleep and wakes it. */
    enc_alu(a, ALU_XOR, 4, R(RCX), R(RCX));
    enc_xchg(a, 8, P(PL_OWNER), RCX);
    /* A busy worker's quick poll hands the role on: a worker asleep on
     * the futex while tasks wait (it found the role taken) is woken to
     * take it, so the waits are served while this worker runs tasks. */
    enc_test(a, 8, R(R14), R(R14));
    enc_jcc(a, CC_NE, nohand);
    enc_alu(a, ALU_CMP, 8, opm(mem_rip(st_sym, G_NSLEEP)), I(0));
    enc_jcc(a, CC_E, nohand);
    enc_alu(a, ALU_CMP, 8, P(PL_NWAIT), I(0));
    enc_jcc(a, CC_E, nohand);
    enc_lock_alu(a, ALU_ADD, 4, mem_rip(st_sym, G_WAKESEQ), I(1));
    enc_mov_sym32(a, RDI, st_sym, G_WAKESEQ);
    enc_mov(a, 4, R(RSI), I(K_FUTEX_WAKE_PRIVATE));
    enc_mov(a, 4, R(RDX), I(1));
    rt_sys(a, SYS_futex);
    enc_bind(a, nohand);
    enc_mov(a, 4, R(RAX), I(1));
    enc_test(a, 8, R(R14), R(R14));
    enc_jcc(a, CC_NE, out);
    enc_mov(a, 8, R(RAX), R(R15));                        /* not blocking: tasks resumed */
    enc_jmp(a, out);
    enc_bind(a, ret0);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_bind(a, out);
    enc_alu(a, ALU_ADD, 8, R(RSP), I(NP_FRAME));
    for (int i = countof(saved) - 1; i >= 0; i--)
        enc_pop(a, R(saved[i]));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_poll_close(rdi = fd): before close(2).  The fd leaves the epoll
 * set with its last descriptor, so its slot forgets it (SLOT_ARMED = 0);
 * a task waiting on it resumes with -EBADF. */
static void emit_close_hook(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_poll_close", SYM_LOCAL);
    Asm *a = &fn.a;
    int out = enc_label(a), unl = enc_label(a);
    enc_alu(a, ALU_CMP, 8, R(RDI), I(POLL_MAX_FD));
    enc_jcc(a, CC_AE, out);                               /* also negative fds */
    enc_push(a, R(RBX));
    enc_mov(a, 8, R(RBX), R(RDI));
    lock_poll(a);
    slot_of(a, RBX);
    enc_mov(a, 8, M(RAX, SLOT_ARMED), I(0));
    enc_mov(a, 8, R(RDI), M(RAX, SLOT_WAITER));
    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_E, unl);
    enc_mov(a, 8, R(RSI), I(-K_EBADF));
    enc_call_sym(a, S("arc_rt_poll_unlink"));
    enc_mov(a, 8, R(RBX), R(RAX));
    unlock_poll(a);
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_rt_push"));
    enc_pop(a, R(RBX));
    enc_ret(a);
    enc_bind(a, unl);
    unlock_poll(a);
    enc_pop(a, R(RBX));
    enc_bind(a, out);
    enc_ret(a);
    rt_end(rt, &fn);

    /* long arc_close(int fd): close(2), after waking the fd's waiter if
     * the poller is set up (HK_CLOSE; a program that never waits pays one
     * load). */
    rt_begin(rt, &fn, "arc_close", SYM_GLOBAL);
    a = &fn.a;
    int plain = enc_label(a);
    enc_movsx(a, 8, RDI, 4, R(RDI));
    enc_mov(a, 8, R(RAX), opm(mem_rip(hk_sym, HK_CLOSE)));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, plain);
    enc_push(a, R(RDI));
    enc_call_ind(a, R(RAX));
    enc_pop(a, R(RDI));
    enc_bind(a, plain);
    rt_sys(a, SYS_close);
    enc_ret(a);
    rt_end(rt, &fn);
}

/* arc_rt_poll_setup(): once, under PL_LOCK: the epoll instance, the
 * eventfd in it (data -1), the heap and the fd slots (MAP_NORESERVE:
 * only what is touched costs memory), then the hooks, then PL_STATE. */
static void emit_setup(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_poll_setup", SYM_LOCAL);
    Asm *a = &fn.a;
    int done = enc_label(a), e1 = enc_label(a), e2 = enc_label(a);
    enc_push(a, R(RBX));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(16));
    lock_poll(a);
    enc_alu(a, ALU_CMP, 8, P(PL_STATE), I(0));
    enc_jcc(a, CC_NE, done);
    enc_mov(a, 4, R(RDI), I(K_EPOLL_CLOEXEC));
    rt_sys(a, SYS_epoll_create1);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_S, e1);
    enc_mov(a, 8, P(PL_EPFD), R(RAX));
    enc_alu(a, ALU_XOR, 4, R(RDI), R(RDI));
    enc_mov(a, 4, R(RSI), I(K_EFD_CLOEXEC | K_EFD_NONBLOCK));
    rt_sys(a, SYS_eventfd2);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_S, e1);
    enc_mov(a, 8, P(PL_EVFD), R(RAX));
    enc_mov(a, 4, M(RSP, UOFF(epoll_event, events)), I(K_EPOLLIN));
    enc_mov(a, 8, M(RSP, UOFF(epoll_event, data)), I(-1));
    enc_mov(a, 4, R(RDI), P(PL_EPFD));
    enc_mov(a, 4, R(RSI), I(K_EPOLL_CTL_ADD));
    enc_mov(a, 8, R(RDX), P(PL_EVFD));
    enc_mov(a, 8, R(R10), R(RSP));
    rt_sys(a, SYS_epoll_ctl);
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, e1);
    static const struct {
        int off;
        long size;
    } maps[] = {{PL_HEAP, (long)HEAP_MAX * HE_SIZE}, {PL_SLOTS, (long)POLL_MAX_FD * SLOT_SIZE}};
    for (int i = 0; i < countof(maps); i++) {
        rt_mmap(a, I(maps[i].size), K_MAP_NORESERVE);
        enc_alu(a, ALU_CMP, 8, R(RAX), I(-4095));
        enc_jcc(a, CC_AE, e2);
        enc_mov(a, 8, P(maps[i].off), R(RAX));
    }
    static const struct {
        int off;
        const char *fn;
    } hooks[] = {{HK_POLL, "arc_rt_netpoll"}, {HK_PARK, "arc_rt_poll_park"},
                 {HK_CLOSE, "arc_rt_poll_close"}, {HK_KICK, "arc_rt_poll_kick"}};
    for (int i = 0; i < countof(hooks); i++) {
        enc_mov_sym32(a, RAX, S(hooks[i].fn), 0);
        enc_mov(a, 8, opm(mem_rip(hk_sym, hooks[i].off)), R(RAX));
    }
    enc_mov(a, 8, P(PL_STATE), I(1));
    enc_bind(a, done);
    unlock_poll(a);
    enc_alu(a, ALU_ADD, 8, R(RSP), I(16));
    enc_pop(a, R(RBX));
    enc_ret(a);
    enc_bind(a, e1);
    die_errno(a, "arc_rt_msg_epoll", "cannot start the poller: epoll/eventfd failed with errno");
    enc_bind(a, e2);
    die_errno(a, "arc_rt_msg_poll_mmap", "cannot start the poller: mmap failed with errno");
    rt_end(rt, &fn);
}

/* long arc_wait_fd(int fd, unsigned events, long deadline_ns): park the
 * calling task until the fd is ready for events (-> the ready events,
 * > 0), the CLOCK_MONOTONIC deadline passes (-> 0; deadline 0: none), or
 * the fd is closed by arc_close (-> -EBADF); other failures -errno
 * (-EBUSY: another task waits on the fd; -EPERM: a regular file, always
 * ready).  fd -1 with a deadline: just the deadline.
 *
 *   frame: the wait record at rsp (W_SIZE bytes), handed to the scheduler
 *   loop with ACT_WAIT; it stays put while the task is switched out. */
static void emit_wait_fd(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_wait_fd", SYM_GLOBAL);
    Asm *a = &fn.a;
    int einval = enc_label(a), fdok = enc_label(a), inited = enc_label(a), ready = enc_label(a);
    int out = enc_label(a);
    enum { FRAME = W_SIZE + 8 };
    enc_alu(a, ALU_SUB, 8, R(RSP), I(FRAME));
    enc_movsx(a, 8, RDI, 4, R(RDI));
    enc_mov(a, 4, R(RSI), R(RSI));                        /* zero-extend events */
    enc_mov(a, 8, M(RSP, W_FD), R(RDI));
    enc_mov(a, 8, M(RSP, W_EVENTS), R(RSI));
    enc_mov(a, 8, M(RSP, W_DEADLINE), R(RDX));
    enc_alu(a, ALU_CMP, 8, R(RDI), I(POLL_MAX_FD));
    enc_jcc(a, CC_GE, einval);
    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_NS, fdok);
    enc_test(a, 8, R(RDX), R(RDX));
    enc_jcc(a, CC_E, einval);
    enc_mov(a, 8, M(RSP, W_FD), I(-1));
    enc_bind(a, fdok);
    enc_alu(a, ALU_CMP, 1, opm(mem_rip(st_sym, G_INIT)), I(0));
    enc_jcc(a, CC_NE, inited);
    enc_call_sym(a, S("arc_rt_init"));
    enc_bind(a, inited);
    enc_alu(a, ALU_CMP, 8, P(PL_STATE), I(0));
    enc_jcc(a, CC_NE, ready);
    enc_call_sym(a, S("arc_rt_poll_setup"));
    enc_bind(a, ready);
    enc_mov(a, 8, M(RSP, W_HEAPIDX), I(-1));
    enc_mov(a, 8, M(RSP, W_RESULT), I(0));
    rt_load_worker(a, RAX);
    enc_mov(a, 8, R(RAX), M(RAX, WK_CUR));
    enc_mov(a, 8, M(RSP, W_TASK), R(RAX));
    enc_mov(a, 4, R(RDI), I(ACT_WAIT));
    enc_mov(a, 8, R(RSI), R(RSP));
    enc_call_sym(a, S("arc_rt_to_sched"));
    enc_mov(a, 8, R(RAX), M(RSP, W_RESULT));
    enc_bind(a, out);
    enc_alu(a, ALU_ADD, 8, R(RSP), I(FRAME));
    enc_ret(a);
    enc_bind(a, einval);
    enc_mov(a, 8, R(RAX), I(-K_EINVAL));
    enc_jmp(a, out);
    rt_end(rt, &fn);

    /* long arc_sleep(long ns): park the calling task for ns nanoseconds
     * (never less); ns <= 0 yields.  Returns 0 (-ENOMEM past HEAP_MAX
     * sleepers). */
    rt_begin(rt, &fn, "arc_sleep", SYM_GLOBAL);
    a = &fn.a;
    int go = enc_label(a), nowrap = enc_label(a);
    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_G, go);
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    enc_call_sym(a, S("arc_yield"));
    enc_alu(a, ALU_ADD, 8, R(RSP), I(8));
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    enc_bind(a, go);
    enc_push(a, R(RDI));
    /* the poller first (its first set-up maps memory): the deadline
     * counts from when it is ready */
    int set_up = enc_label(a);
    enc_alu(a, ALU_CMP, 8, P(PL_STATE), I(0));
    enc_jcc(a, CC_NE, set_up);
    enc_call_sym(a, S("arc_rt_poll_setup"));
    enc_bind(a, set_up);
    enc_call_sym(a, S("arc_now_ns"));
    enc_pop(a, R(RDX));
    enc_alu(a, ALU_ADD, 8, R(RDX), R(RAX));
    enc_jcc(a, CC_NO, nowrap);
    enc_movabs(a, RDX, 0x7fffffffffffffffull);
    enc_bind(a, nowrap);
    enc_mov(a, 8, R(RDI), I(-1));
    enc_alu(a, ALU_XOR, 4, R(RSI), R(RSI));
    enc_jmp_sym(a, S("arc_wait_fd"));                     /* 0: the deadline passed */
    rt_end(rt, &fn);
}

void rt_emit_poll(Rt *rt)
{
    cur_rt = rt;
    pl_sym = rt_bss(rt, "arc_rt_poll", PL_SIZE, 64, SYM_GLOBAL);
    hk_sym = rt_bss(rt, "arc_rt_poll_hooks", HK_SIZE, 8, SYM_GLOBAL);
    st_sym = S("arc_rt_sched");
    emit_clocks(rt);
    emit_heap(rt);
    emit_unlink(rt);
    emit_kick(rt);
    emit_park(rt);
    emit_netpoll(rt);
    emit_close_hook(rt);
    emit_setup(rt);
    emit_wait_fd(rt);
}

void rt_print_poll_protos(FILE *f)
{
    fputs("\n/* Waiting on the world (one epoll poller and timer heap per process).\n"
          " * arc_wait_fd parks the calling task until fd is ready for events\n"
          " * (EPOLLIN 0x1, EPOLLOUT 0x4; returns the ready events, > 0), the\n"
          " * CLOCK_MONOTONIC deadline_ns passes (returns 0; 0 means none), or\n"
          " * arc_close closes fd (returns -EBADF); else -errno (-EBUSY: another\n"
          " * task waits on fd; -EPERM: a regular file).  fd -1: only the deadline.\n"
          " * arc_sleep parks the task for ns nanoseconds, never less.  arc_close\n"
          " * is close(2) that first wakes fd's waiter. */\n"
          "long arc_wait_fd(int fd, unsigned events, long deadline_ns);\n"
          "long arc_sleep(long ns);\n"
          "long arc_now_ns(void);\n"
          "long arc_wall_ns(void);\n"
          "long arc_close(int fd);\n",
          f);
}
