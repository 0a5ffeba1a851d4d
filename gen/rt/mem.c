/* mem.c: the runtime's thread-safe memory allocator.
 *
 * Needs: SYS_* and K_* from uapi_layout/, the worker block (WK_MEM) and the
 * scheduler's G_INIT from rt.h.  Produces the C ABI
 *
 *     void *arc_alloc(unsigned long n)       n == 0: a unique 16-byte block
 *     void  arc_free(void *p)                p == NULL: nothing
 *     void *arc_realloc(void *p, unsigned long n)
 *                                            p == NULL: arc_alloc(n);
 *                                            n == 0: frees p, returns NULL;
 *                                            NULL on failure, p untouched
 *     void *arc_calloc(unsigned long n, unsigned long size)
 *                                            NULL if n*size overflows
 *
 * with 16-byte aligned results and NULL (never a crash) when the kernel
 * refuses memory.  Not async-signal-safe: a signal handler must not call it.
 *
 * Shape:
 *   - Small blocks (up to MAX_SMALL) come in NCLASS size classes: 16..128
 *     by 16, then four steps per doubling up to 32 KiB, so a request wastes
 *     at most a quarter of its block.  A size's class is computed, with no
 *     table (class_of, checked against the classes for every size when the
 *     runtime is generated): up to LINEAR_MAX, (n+15)/16 - 1; above, with
 *     m = n-1 and e its highest set bit, 4e - 24 + (m >> (e-2)): the
 *     doubling, then which quarter of it (the classes from 80 up are
 *     four per doubling).
 *   - Memory comes from the kernel in CHUNK-aligned chunks of CHUNK bytes.
 *     A chunk serves one class; its first 16 bytes are the chunk header
 *     (the class), blocks follow from SMALL_START.  A large block (above
 *     MAX_SMALL) is its own CHUNK-aligned mapping with the same header
 *     (CLASS_LARGE and the mapping's length), the block CHUNK_HDR bytes in,
 *     and is munmap'd when freed.  So free finds a block's class by
 *     masking the pointer to the chunk start: no header word per block (a
 *     16-byte block would double), no lookup structure, and the one load
 *     it costs is on a line shared by the whole chunk.  The price is
 *     alignment: a chunk is mapped CHUNK-PAGE bytes larger and trimmed
 *     (three syscalls, once per MiB of a class or per large block).
 *   - No small block starts CHUNK_HDR bytes into its chunk (SMALL_START is
 *     past that), so free tells a large block by its address alone,
 *     before it loads anything from the header.
 *   - Double free: a block in a free list carries FREE_TAG ^ its address in
 *     word 1 (every block has two words); free stops with "double free of
 *     0x..." when it is already there, alloc clears it.  (One hole: while a
 *     block heads a batch on a central stack, word 1 is the batch link.)  A
 *     large block freed twice has no mapping any more: free asks the kernel
 *     (msync of the header page fails) before it reads the header.  A
 *     mapping that has since reused the address is not recognised.
 *   - Each thread has a cache: per class a free list and its length, in
 *     the worker block's WK_MEM area (after arc_rt_init) or in the boot
 *     cache in arc_rt_mem (before it, when the program is single-threaded).
 *     alloc pops, free pushes: no lock, no atomic, no syscall.
 *   - Behind the caches, per class, a central stack of batches (BATCH
 *     blocks linked through word 0; batches linked through word 1 of their
 *     first block) and the class's current chunk (bump pointer and end),
 *     guarded by a spinlock.  An empty cache takes one batch (or carves up
 *     to BATCH blocks from the chunk, mapping a new chunk when it is used
 *     up); a cache that reaches 2*BATCH gives BATCH back.  Each lock hold is
 *     O(1) (a batch moves as one pointer); the links are walked outside it.
 *   - Small chunks are never returned to the kernel.
 *
 * Ownership and memory order (x86-TSO):
 *   - A cache is touched only by the thread it belongs to.  A task cannot
 *     change workers inside these functions (the scheduler is cooperative:
 *     a task leaves its worker only in arc_yield/arc_await, which never run
 *     in here), so the fs:[0] read at entry stays valid for the call.
 *   - A block in a cache belongs to that cache, whoever allocated it: a
 *     block freed on another worker simply joins the freeing worker's cache
 *     and travels back through the central stack.  Blocks cross threads
 *     only through the central stack, under the class lock: the lock is an
 *     xchg (a full barrier) and the unlock a plain store, which x86 never
 *     reorders with earlier loads or stores, so the link words (and the
 *     user's last writes) of a batch pushed before an unlock are visible to
 *     whoever pops it after the next lock.
 *   - A chunk header is written once, under the class lock, before any
 *     block of the chunk is handed out; every thread that later sees a
 *     block of it got the block through that lock or through the program's
 *     own synchronisation, so the header is visible to its free.
 *   - G_INIT is read with a plain load: it changes once, on the initial
 *     thread, before any other worker exists (clone orders it).  The boot
 *     cache is used lock-free by the initial thread before that; after it
 *     the first refill of each class moves the boot list into the refilling
 *     cache under the class lock, so nothing cached before init is lost.
 *   - A spinlock is held for a few loads and stores, except while mapping a
 *     new chunk (three syscalls); waiters spin with pause.
 */
#include <string.h>

#include "gen/rt/rt.h"

enum {
    NCLASS = 40,
    MAX_SMALL = 32768,
    LINEAR_MAX = 64,            /* (n+15)/16 - 1 up to here, by e = bsr(n-1) above */
    CHUNK = 1 << 20,
    CHUNK_HDR = 16,
    SMALL_START = 32,           /* a chunk's first block (not at CHUNK_HDR) */
    PAGE = 4096,
    CLASS_LARGE = -1,           /* H_CLASS of a large block's chunk (as u32) */
};
/* Word 1 of a free small block: FREE_TAG ^ its address ("freeblk!"). */
#define FREE_TAG 0x216b6c6265657266ull
/* Above this a request fails at once (the page rounding must not wrap). */
#define LARGE_MAX ((int64_t)1 << 46)

/* Chunk header (at the CHUNK-aligned start of every mapping). */
enum { H_CLASS = 0, H_MAPLEN = 8 };
/* A class's index, as the code carries it: class * IDX (IDX = CT_ROW, so
 * that the class table's row is [table + idx]; the cache slots and the
 * central rows are scaled from it). */
/* Class table row (.rodata arc_rt_mem_class): u32 size, u16 batch, u16
 * limit. */
enum { CT_SIZE = 0, CT_BATCH = 4, CT_LIMIT = 6, CT_ROW = 8, IDX = CT_ROW, IDX_SHIFT = 3 };
/* Cache slot (boot cache, or WK_MEM of a worker block), [base + idx * 2]. */
enum { S_HEAD = 0, S_COUNT = 8, S_ROW = 16 };
/* Central row, indexed by class*64 (its own cache line). */
enum { C_LOCK = 0, C_BATCHES = 8, C_BUMP = 16, C_END = 24, C_ROW = 64 };
/* arc_rt_mem: the central rows, then the boot cache. */
enum { M_CENTRAL = 0, M_BOOT = NCLASS * C_ROW, M_SIZE = M_BOOT + NCLASS * S_ROW };

_Static_assert(NCLASS * S_ROW <= WK_SIZE - WK_MEM, "the caches must fit in WK_MEM");
_Static_assert(IDX == 1 << IDX_SHIFT && S_ROW == 2 * IDX && C_ROW == 8 * IDX,
               "a slot is [cache + idx * 2], a central row [central + idx * 8]");

typedef struct MemSyms {
    Rt *rt;
    int mem;        /* arc_rt_mem */
    int classes;    /* arc_rt_mem_class: CT_* rows */
    int sched;      /* arc_rt_sched (G_INIT) */
} MemSyms;

static MemSyms ms;

/* [base + idx * 2 + d]: a cache slot by the class index in idx. */
static Opnd MX(Reg b, Reg idx, int32_t d) { return opm(mem_bis(b, idx, S_ROW / IDX, d)); }
/* The class table row selected by the class index in idx. */
static Opnd CT(Reg idx, int32_t field) { return opm(mem_sym(ms.classes, idx, 1, field)); }

/* The size classes and their batch sizes: 16..128 by 16, then four
 * geometric steps per doubling.  BATCH moves about 8 KiB at a time
 * (2..32 blocks); a cache holds at most 2*BATCH-1 blocks of a class. */
static int class_sizes(uint32_t *size)
{
    int n = 0;
    for (uint32_t s = 16; s <= 128; s += 16)
        size[n++] = s;
    for (uint32_t base = 128; base < MAX_SMALL; base *= 2)
        for (uint32_t k = 1; k <= 4; k++)
            size[n++] = base + k * base / 4;
    if (n != NCLASS || size[n - 1] != MAX_SMALL)
        die("mem: %d size classes, the last %u", n, size[n - 1]);
    return n;
}

/* The class of an n-byte request (n <= MAX_SMALL), as arc_alloc computes
 * it. */
static int class_of(uint32_t n)
{
    if (n <= LINEAR_MAX)
        return n ? (int)((n + 15) / 16 - 1) : 0;
    uint32_t m = n - 1;
    int e = 31;
    while (!(m >> e & 1))
        e--;
    return 4 * e - 24 + (int)(m >> (e - 2));
}

static void emit_tables(Rt *rt)
{
    uint32_t size[NCLASS];
    class_sizes(size);
    for (uint32_t n = 0; n <= MAX_SMALL; n++) {   /* the smallest class that holds n */
        int c = class_of(n);
        if (c < 0 || c >= NCLASS || size[c] < n || (c > 0 && size[c - 1] >= n))
            die("mem: class_of(%u) = %d", n, c);
    }
    uint8_t rows[NCLASS * CT_ROW] = {0};
    for (int c = 0; c < NCLASS; c++) {
        uint32_t batch = 8192 / size[c];
        batch = batch < 2 ? 2 : batch > 32 ? 32 : batch;
        uint16_t b[2] = {(uint16_t)batch, (uint16_t)(2 * batch)};
        memcpy(rows + c * CT_ROW + CT_SIZE, &size[c], 4);   /* little-endian host, as the target */
        memcpy(rows + c * CT_ROW + CT_BATCH, b, sizeof b);
    }
    ms.classes = rt_rodata(rt, "arc_rt_mem_class", rows, sizeof rows, 16, SYM_LOCAL);
}

/* dst = this thread's cache slots: fs:[0] + WK_MEM once the scheduler is
 * initialised, the boot cache before. */
static void emit_cache(Asm *a, Reg dst)
{
    enc_mov_sym32(a, dst, ms.mem, M_BOOT);
    int done = enc_label(a);
    enc_alu(a, ALU_CMP, 1, opm(mem_rip(ms.sched, G_INIT)), I(0));
    enc_jcc_short(a, CC_E, done);
    rt_load_worker(a, dst);
    enc_alu(a, ALU_ADD, 8, R(dst), I(WK_MEM));
    enc_bind(a, done);
}

/* The central lists' spinlocks (rt_spin_lock). */
static void emit_lock(Asm *a, Mem m) { rt_spin_lock(a, opm(m)); }
static void emit_unlock(Asm *a, Mem m) { rt_spin_unlock(a, opm(m)); }

/* r = &central row of the class whose index is in idx. */
static void emit_central(Asm *a, Reg r, Reg idx)
{
    enc_mov_sym32(a, r, ms.mem, M_CENTRAL);
    enc_lea(a, 8, r, mem_bis(r, idx, C_ROW / IDX, 0));
}

/* void *arc_alloc(unsigned long n)
 *
 *   ecx = class_of(n), n <= 32 KiB:
 *     n <= 64:  ecx = (n+15)>>4, less 1 unless 0 (sub 1; adc 0)
 *     else:     rax = n-1; edx = bsr(rax); rax >>= edx-2; ecx = rax + 4*rdx - 24
 *   rdx = cache, rcx = the class index (class * IDX)
 *   rax = slot.head; if 0 -> arc_rt_mem_refill(slot, index)
 *   slot.head = rax->next; slot.count--; rax->tag = 0; return rax
 *   larger: arc_rt_mem_large(n) */
static void emit_alloc(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_alloc", SYM_GLOBAL);
    Asm *a = &fn.a;
    int mid = enc_label(a), cls = enc_label(a), refill = enc_label(a), large = enc_label(a);

    enc_alu(a, ALU_CMP, 8, R(RDI), I(LINEAR_MAX));
    enc_jcc(a, CC_A, mid);
    enc_lea(a, 4, RCX, mem_b(RDI, 15));
    enc_shift(a, SH_SHR, 4, R(RCX), I(4));
    enc_alu(a, ALU_SUB, 4, R(RCX), I(1));
    enc_alu(a, ALU_ADC, 4, R(RCX), I(0));
    enc_bind(a, cls);
    enc_shift(a, SH_SHL, 4, R(RCX), I(IDX_SHIFT));
    emit_cache(a, RDX);
    enc_mov(a, 8, R(RAX), MX(RDX, RCX, S_HEAD));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, refill);
    enc_mov(a, 8, R(R8), M(RAX, 0));
    enc_mov(a, 8, MX(RDX, RCX, S_HEAD), R(R8));
    enc_unary(a, UN_DEC, 4, MX(RDX, RCX, S_COUNT));
    enc_mov(a, 8, M(RAX, 8), I(0));               /* no longer free: untag */
    enc_ret(a);

    enc_bind(a, mid);
    enc_alu(a, ALU_CMP, 8, R(RDI), I(MAX_SMALL));
    enc_jcc(a, CC_A, large);
    enc_lea(a, 4, RAX, mem_b(RDI, -1));
    enc_bsr(a, 4, RDX, R(RAX));
    enc_lea(a, 4, RCX, mem_b(RDX, -2));
    enc_shift(a, SH_SHR, 4, R(RAX), R(RCX));
    enc_lea(a, 4, RCX, mem_bis(RAX, RDX, 4, -24));
    enc_jmp(a, cls);

    enc_bind(a, refill);
    enc_lea(a, 8, RDI, mem_bis(RDX, RCX, S_ROW / IDX, 0));
    enc_mov(a, 4, R(RSI), R(RCX));
    enc_jmp_sym(a, S("arc_rt_mem_refill"));

    enc_bind(a, large);
    enc_jmp_sym(a, S("arc_rt_mem_large"));
    rt_end(rt, &fn);
}

/* void arc_free(void *p)
 *
 *   p CHUNK_HDR bytes past a CHUNK boundary: large -> arc_rt_mem_free_large
 *   rax = p & -CHUNK (the chunk header); ecx = its class
 *   p->tag == FREE_TAG ^ p: already free -> arc_rt_mem_double
 *   p->tag = FREE_TAG ^ p; push p on the cache slot; at 2*BATCH ->
 *   arc_rt_mem_flush */
static void emit_free(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_free", SYM_GLOBAL);
    Asm *a = &fn.a;
    int out = enc_label(a), flush = enc_label(a), twice = enc_label(a), large = enc_label(a);

    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_E, out);
    enc_lea(a, 4, RAX, mem_b(RDI, -CHUNK_HDR));
    enc_test(a, 4, R(RAX), I(CHUNK - 1));
    enc_jcc(a, CC_E, large);
    enc_mov(a, 8, R(RAX), R(RDI));
    enc_alu(a, ALU_AND, 8, R(RAX), I(-CHUNK));
    enc_mov(a, 4, R(RCX), M(RAX, H_CLASS));
    enc_shift(a, SH_SHL, 4, R(RCX), I(IDX_SHIFT));
    enc_movabs(a, R9, FREE_TAG);
    enc_alu(a, ALU_XOR, 8, R(R9), R(RDI));
    enc_alu(a, ALU_CMP, 8, M(RDI, 8), R(R9));
    enc_jcc(a, CC_E, twice);
    enc_mov(a, 8, M(RDI, 8), R(R9));
    emit_cache(a, RDX);
    enc_mov(a, 8, R(R8), MX(RDX, RCX, S_HEAD));
    enc_mov(a, 8, M(RDI, 0), R(R8));
    enc_mov(a, 8, MX(RDX, RCX, S_HEAD), R(RDI));
    enc_mov(a, 4, R(RAX), MX(RDX, RCX, S_COUNT));
    enc_unary(a, UN_INC, 4, R(RAX));
    enc_mov(a, 4, MX(RDX, RCX, S_COUNT), R(RAX));
    enc_alu(a, ALU_CMP, 2, R(RAX), CT(RCX, CT_LIMIT));    /* the count < 2^16 */
    enc_jcc(a, CC_AE, flush);
    enc_bind(a, out);
    enc_ret(a);

    enc_bind(a, flush);
    enc_lea(a, 8, RDI, mem_bis(RDX, RCX, S_ROW / IDX, 0));
    enc_mov(a, 4, R(RSI), R(RCX));
    enc_jmp_sym(a, S("arc_rt_mem_flush"));

    enc_bind(a, large);
    enc_jmp_sym(a, S("arc_rt_mem_free_large"));
    enc_bind(a, twice);
    enc_jmp_sym(a, S("arc_rt_mem_double"));
    rt_end(rt, &fn);
}

/* arc_rt_mem_free_large(p rdi): p is CHUNK_HDR bytes past a CHUNK
 * boundary, so a large block (or not from arc_alloc).  Its header page
 * must still be mapped (msync fails with ENOMEM on an unmapped range) and
 * hold CLASS_LARGE; then munmap(header, maplen).  Otherwise p was freed
 * before (or never allocated): arc_rt_mem_double. */
static void emit_free_large(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_mem_free_large", SYM_LOCAL);
    Asm *a = &fn.a;
    int twice = enc_label(a);
    enc_mov(a, 8, R(R8), R(RDI));
    enc_lea(a, 8, RDI, mem_b(R8, -CHUNK_HDR));
    enc_mov(a, 4, R(RSI), I(PAGE));
    enc_mov(a, 4, R(RDX), I(K_MS_ASYNC));
    rt_sys(a, SYS_msync);                            /* keeps rdi, r8 */
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, twice);
    enc_alu(a, ALU_CMP, 4, M(RDI, H_CLASS), I(CLASS_LARGE));
    enc_jcc(a, CC_NE, twice);
    enc_mov(a, 8, R(RSI), M(RDI, H_MAPLEN));
    rt_sys(a, SYS_munmap);
    enc_ret(a);
    enc_bind(a, twice);
    enc_mov(a, 8, R(RDI), R(R8));
    enc_jmp_sym(a, S("arc_rt_mem_double"));
    rt_end(rt, &fn);
}

/* arc_rt_mem_double(p rdi): "arc: runtime error: double free of 0x...",
 * a backtrace from free's caller, exit status 2 (arc_rt_fatal, sched.c). */
static void emit_double(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_mem_double", SYM_LOCAL);
    Asm *a = &fn.a;
    static const char msg[] = "double free of";
    int m = rt_rodata(rt, "arc_rt_msg_double_free", msg, sizeof msg, 1, SYM_LOCAL);
    enc_mov(a, 8, R(RSI), R(RDI));
    enc_mov_sym32(a, RDI, m, 0);
    enc_mov(a, 4, R(RDX), I(FATAL_HEX | FATAL_BACKTRACE));
    enc_jmp_sym(a, S("arc_rt_fatal"));
    rt_end(rt, &fn);
}

/* arc_rt_mem_flush(slot rdi, class index esi): the cache holds 2*BATCH blocks;
 * give its first BATCH to the central stack as one batch.
 *
 *   r10 = first; rdx = walk BATCH-1 links (the batch's last block)
 *   slot.head = rdx->next; slot.count -= BATCH; rdx->next = 0
 *   lock; first->word1 = central.batches; central.batches = first; unlock */
static void emit_flush(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_mem_flush", SYM_LOCAL);
    Asm *a = &fn.a;
    int walk = enc_label(a);

    enc_mov(a, 8, R(R10), M(RDI, S_HEAD));
    enc_movzx(a, 4, RCX, 2, CT(RSI, CT_BATCH));
    enc_alu(a, ALU_SUB, 4, M(RDI, S_COUNT), R(RCX));
    enc_mov(a, 8, R(RDX), R(R10));
    enc_unary(a, UN_DEC, 4, R(RCX));              /* BATCH >= 2: at least one link */
    enc_bind(a, walk);
    enc_mov(a, 8, R(RDX), M(RDX, 0));
    enc_unary(a, UN_DEC, 4, R(RCX));
    enc_jcc(a, CC_NE, walk);
    enc_mov(a, 8, R(R8), M(RDX, 0));
    enc_mov(a, 8, M(RDI, S_HEAD), R(R8));
    enc_mov(a, 8, M(RDX, 0), I(0));

    /* The links were written above, before the unlock (a release store on
     * x86): whoever pops this batch after taking the lock sees them. */
    emit_central(a, R9, RSI);
    emit_lock(a, mem_b(R9, C_LOCK));
    enc_mov(a, 8, R(R8), M(R9, C_BATCHES));
    enc_mov(a, 8, M(R10, 8), R(R8));
    enc_mov(a, 8, M(R9, C_BATCHES), R(R10));
    emit_unlock(a, mem_b(R9, C_LOCK));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* void *arc_rt_mem_refill(slot rdi, class index esi): the cache slot is
 * empty; fill it and return one block (NULL if the kernel refuses memory).
 *
 *   r8 = central row; lock
 *   after init, a boot list of this class: take it whole      -> give
 *   a batch on the central stack: pop it (BATCH blocks)        -> give
 *   else carve k = min(BATCH, what fits) blocks from the chunk (a new
 *   chunk when not even one fits), advance the bump, unlock, and link
 *   blocks 1..k-1 outside the lock (they are ours now).
 *   give: rax = list of r10d blocks: return the first, cache the rest. */
static void emit_refill(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_mem_refill", SYM_LOCAL);
    Asm *a = &fn.a;
    int batches = enc_label(a), give_unlock = enc_label(a), carve = enc_label(a);
    int cloop = enc_label(a), cdone = enc_label(a), link = enc_label(a), last = enc_label(a);
    int one = enc_label(a), newchunk = enc_label(a), fail = enc_label(a);
    Mem lock = mem_b(R8, C_LOCK);

    emit_central(a, R8, RSI);
    emit_lock(a, lock);
    /* After init the boot slots are shared: touched only here, under the
     * class lock (before init, the boot slot is the one being refilled). */
    enc_alu(a, ALU_CMP, 1, opm(mem_rip(ms.sched, G_INIT)), I(0));
    enc_jcc(a, CC_E, batches);
    enc_mov_sym32(a, R9, ms.mem, M_BOOT);
    enc_lea(a, 8, R9, mem_bis(R9, RSI, S_ROW / IDX, 0));
    enc_mov(a, 8, R(RAX), M(R9, S_HEAD));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, batches);
    enc_mov(a, 4, R(R10), M(R9, S_COUNT));
    enc_mov(a, 8, M(R9, S_HEAD), I(0));
    enc_mov(a, 4, M(R9, S_COUNT), I(0));
    enc_jmp(a, give_unlock);
    enc_bind(a, batches);
    enc_mov(a, 8, R(RAX), M(R8, C_BATCHES));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, carve);
    enc_mov(a, 8, R(R9), M(RAX, 8));
    enc_mov(a, 8, M(R8, C_BATCHES), R(R9));
    enc_movzx(a, 4, R10, 2, CT(RSI, CT_BATCH));
    /* The list left every shared structure under the lock: it is this
     * thread's now, so its links are read after the unlock. */
    enc_bind(a, give_unlock);
    emit_unlock(a, lock);
    enc_mov(a, 8, R(R9), M(RAX, 0));
    enc_mov(a, 8, M(RDI, S_HEAD), R(R9));
    enc_unary(a, UN_DEC, 4, R(R10));
    enc_mov(a, 4, M(RDI, S_COUNT), R(R10));
    enc_mov(a, 8, M(RAX, 8), I(0));               /* untag (or the batch link) */
    enc_ret(a);

    /* rax = first = bump, r9 = bump, r10 = size, ecx = BATCH, edx = k */
    enc_bind(a, carve);
    enc_mov(a, 4, R(R10), CT(RSI, CT_SIZE));
    enc_movzx(a, 4, RCX, 2, CT(RSI, CT_BATCH));
    enc_mov(a, 8, R(RAX), M(R8, C_BUMP));
    enc_mov(a, 8, R(R9), R(RAX));
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_bind(a, cloop);
    enc_lea(a, 8, R11, mem_bis(R9, R10, 1, 0));
    enc_alu(a, ALU_CMP, 8, R(R11), M(R8, C_END));
    enc_jcc(a, CC_A, cdone);
    enc_mov(a, 8, R(R9), R(R11));
    enc_unary(a, UN_INC, 4, R(RDX));
    enc_alu(a, ALU_CMP, 4, R(RDX), R(RCX));
    enc_jcc(a, CC_B, cloop);
    enc_bind(a, cdone);
    enc_test(a, 4, R(RDX), R(RDX));
    enc_jcc(a, CC_E, newchunk);
    enc_mov(a, 8, M(R8, C_BUMP), R(R9));
    emit_unlock(a, lock);
    enc_unary(a, UN_DEC, 4, R(RDX));
    enc_mov(a, 4, M(RDI, S_COUNT), R(RDX));
    enc_jcc(a, CC_E, one);
    enc_lea(a, 8, RCX, mem_bis(RAX, R10, 1, 0));
    enc_mov(a, 8, M(RDI, S_HEAD), R(RCX));
    enc_bind(a, link);
    enc_unary(a, UN_DEC, 4, R(RDX));
    enc_jcc(a, CC_E, last);
    enc_lea(a, 8, R9, mem_bis(RCX, R10, 1, 0));
    enc_mov(a, 8, M(RCX, 0), R(R9));
    enc_mov(a, 8, R(RCX), R(R9));
    enc_jmp(a, link);
    enc_bind(a, last);
    enc_mov(a, 8, M(RCX, 0), I(0));
    enc_ret(a);
    enc_bind(a, one);
    enc_mov(a, 8, M(RDI, S_HEAD), I(0));
    enc_ret(a);

    /* Still holding the lock: the rest of the old chunk (less than one
     * block) is dropped.  Entry rsp = 8 mod 16; three pushes align it. */
    enc_bind(a, newchunk);
    enc_push(a, R(RDI));
    enc_push(a, R(RSI));
    enc_push(a, R(R8));
    enc_mov(a, 4, R(RDI), I(CHUNK));
    enc_call_sym(a, S("arc_rt_mem_map"));
    enc_pop(a, R(R8));
    enc_pop(a, R(RSI));
    enc_pop(a, R(RDI));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, fail);
    enc_mov(a, 4, R(RCX), R(RSI));
    enc_shift(a, SH_SHR, 4, R(RCX), I(IDX_SHIFT));
    enc_mov(a, 4, M(RAX, H_CLASS), R(RCX));
    enc_lea(a, 8, RCX, mem_b(RAX, SMALL_START));
    enc_mov(a, 8, M(R8, C_BUMP), R(RCX));
    enc_alu(a, ALU_ADD, 8, R(RAX), I(CHUNK));
    enc_mov(a, 8, M(R8, C_END), R(RAX));
    enc_jmp(a, carve);
    enc_bind(a, fail);
    emit_unlock(a, lock);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* void *arc_rt_mem_map(total rdi): total bytes (a multiple of PAGE) at a
 * CHUNK-aligned address, or NULL.  Maps total+CHUNK-PAGE bytes and unmaps
 * the parts before the aligned start and after its total bytes.
 *   rbx = total, rsi = length mapped, rdx = aligned start,
 *   r8 = end of the mapping, r9 = end of the part kept
 * (syscall keeps everything but rax, rcx, r11). */
static void emit_map(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_mem_map", SYM_LOCAL);
    Asm *a = &fn.a;
    int tail = enc_label(a), done = enc_label(a), fail = enc_label(a);

    enc_push(a, R(RBX));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_lea(a, 8, RSI, mem_b(RDI, CHUNK - PAGE));
    rt_mmap(a, R(RSI), 0);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-PAGE));
    enc_jcc(a, CC_A, fail);
    enc_lea(a, 8, RDX, mem_b(RAX, CHUNK - 1));
    enc_alu(a, ALU_AND, 8, R(RDX), I(-CHUNK));
    enc_lea(a, 8, R8, mem_bis(RAX, RSI, 1, 0));
    enc_lea(a, 8, R9, mem_bis(RDX, RBX, 1, 0));
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_mov(a, 8, R(RSI), R(RDX));
    enc_alu(a, ALU_SUB, 8, R(RSI), R(RAX));
    enc_jcc(a, CC_E, tail);
    rt_sys(a, SYS_munmap);
    enc_bind(a, tail);
    enc_mov(a, 8, R(RDI), R(R9));
    enc_mov(a, 8, R(RSI), R(R8));
    enc_alu(a, ALU_SUB, 8, R(RSI), R(R9));
    enc_jcc(a, CC_E, done);
    rt_sys(a, SYS_munmap);
    enc_bind(a, done);
    enc_mov(a, 8, R(RAX), R(RDX));
    enc_pop(a, R(RBX));
    enc_ret(a);
    enc_bind(a, fail);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_pop(a, R(RBX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* void *arc_rt_mem_large(n rdi): a block of its own mapping, header
 * {CLASS_LARGE, maplen} at the aligned start, the block 16 bytes in. */
static void emit_large(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_mem_large", SYM_LOCAL);
    Asm *a = &fn.a;
    int fail = enc_label(a);

    enc_movabs(a, RAX, (uint64_t)LARGE_MAX);
    enc_alu(a, ALU_CMP, 8, R(RDI), R(RAX));
    enc_jcc(a, CC_A, fail);
    enc_alu(a, ALU_ADD, 8, R(RDI), I(CHUNK_HDR + PAGE - 1));
    enc_alu(a, ALU_AND, 8, R(RDI), I(-PAGE));
    enc_push(a, R(RDI));
    enc_call_sym(a, S("arc_rt_mem_map"));
    enc_pop(a, R(RDX));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, fail);
    enc_mov(a, 4, M(RAX, H_CLASS), I(CLASS_LARGE));
    enc_mov(a, 8, M(RAX, H_MAPLEN), R(RDX));
    enc_alu(a, ALU_ADD, 8, R(RAX), I(CHUNK_HDR));
    enc_ret(a);
    enc_bind(a, fail);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* void *arc_calloc(unsigned long n, unsigned long size)
 *   rax = n*size (mul sets CF on overflow -> NULL); push it (aligns rsp)
 *   above MAX_SMALL: arc_rt_mem_large (a fresh mapping is zero)
 *   else arc_alloc, then rep stosb over the n*size bytes */
static void emit_calloc(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_calloc", SYM_GLOBAL);
    Asm *a = &fn.a;
    int fail = enc_label(a), big = enc_label(a), out = enc_label(a);

    enc_mov(a, 8, R(RAX), R(RDI));
    enc_unary(a, UN_MUL, 8, R(RSI));
    enc_jcc(a, CC_B, fail);
    enc_push(a, R(RAX));
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_alu(a, ALU_CMP, 8, R(RAX), I(MAX_SMALL));
    enc_jcc(a, CC_A, big);
    enc_call_sym(a, S("arc_alloc"));
    enc_pop(a, R(RCX));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, out);
    enc_mov(a, 8, R(RDX), R(RAX));
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_rep_stosb(a);
    enc_mov(a, 8, R(RAX), R(RDX));
    enc_bind(a, out);
    enc_ret(a);
    enc_bind(a, big);
    enc_call_sym(a, S("arc_rt_mem_large"));
    enc_pop(a, R(RCX));
    enc_ret(a);
    enc_bind(a, fail);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);
    rt_end(rt, &fn);
}

/* void *arc_realloc(void *p, unsigned long n)
 *   rbx = p, r12 = n, r13 = the block's usable size
 *   small: keep p if n <= size and size <= 2n+32 (shrinking to under about
 *          half moves it to a smaller class)
 *   large: n > MAX_SMALL: mremap in place (flags 0: never moves, so the
 *          chunk stays aligned); keep p on success
 *   move:  q = arc_alloc(n) (NULL: return NULL, p untouched);
 *          copy min(size, n); arc_free(p); return q */
static void emit_realloc(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_realloc", SYM_GLOBAL);
    Asm *a = &fn.a;
    int have = enc_label(a), resize = enc_label(a), large = enc_label(a), keep = enc_label(a);
    int move = enc_label(a), out = enc_label(a), fail = enc_label(a);

    enc_test(a, 8, R(RDI), R(RDI));
    enc_jcc(a, CC_NE, have);
    enc_mov(a, 8, R(RDI), R(RSI));
    enc_jmp_sym(a, S("arc_alloc"));
    enc_bind(a, have);
    enc_test(a, 8, R(RSI), R(RSI));
    enc_jcc(a, CC_NE, resize);
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    enc_call_sym(a, S("arc_free"));
    enc_alu(a, ALU_ADD, 8, R(RSP), I(8));
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_ret(a);

    enc_bind(a, resize);
    enc_push(a, R(RBX));
    enc_push(a, R(R12));
    enc_push(a, R(R13));
    enc_mov(a, 8, R(RBX), R(RDI));
    enc_mov(a, 8, R(R12), R(RSI));
    enc_mov(a, 8, R(RAX), R(RDI));
    enc_alu(a, ALU_AND, 8, R(RAX), I(-CHUNK));
    enc_mov(a, 4, R(RCX), M(RAX, H_CLASS));
    enc_alu(a, ALU_CMP, 4, R(RCX), I(NCLASS));
    enc_jcc(a, CC_AE, large);
    enc_shift(a, SH_SHL, 4, R(RCX), I(IDX_SHIFT));
    enc_mov(a, 4, R(R13), CT(RCX, CT_SIZE));
    enc_alu(a, ALU_CMP, 8, R(R12), R(R13));
    enc_jcc(a, CC_A, move);
    enc_lea(a, 8, RDX, mem_bis(R12, R12, 1, 32));
    enc_alu(a, ALU_CMP, 8, R(RDX), R(R13));
    enc_jcc(a, CC_B, move);
    enc_bind(a, keep);
    enc_mov(a, 8, R(RAX), R(RBX));
    enc_jmp(a, out);

    enc_bind(a, large);
    enc_mov(a, 8, R(RSI), M(RAX, H_MAPLEN));
    enc_lea(a, 8, R13, mem_b(RSI, -CHUNK_HDR));
    enc_alu(a, ALU_CMP, 8, R(R12), I(MAX_SMALL));
    enc_jcc(a, CC_BE, move);
    enc_movabs(a, RDX, (uint64_t)LARGE_MAX);
    enc_alu(a, ALU_CMP, 8, R(R12), R(RDX));
    enc_jcc(a, CC_A, fail);
    enc_lea(a, 8, RDX, mem_b(R12, CHUNK_HDR + PAGE - 1));
    enc_alu(a, ALU_AND, 8, R(RDX), I(-PAGE));
    enc_alu(a, ALU_CMP, 8, R(RDX), R(RSI));
    enc_jcc(a, CC_E, keep);
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_alu(a, ALU_XOR, 4, R(R10), R(R10));
    rt_sys(a, SYS_mremap);                           /* rdi, rsi, rdx survive */
    enc_alu(a, ALU_CMP, 8, R(RAX), R(RDI));
    enc_jcc(a, CC_NE, move);
    enc_mov(a, 8, M(RDI, H_MAPLEN), R(RDX));
    enc_jmp(a, keep);

    enc_bind(a, move);
    enc_mov(a, 8, R(RDI), R(R12));
    enc_call_sym(a, S("arc_alloc"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, out);
    enc_mov(a, 8, R(RCX), R(R13));
    enc_alu(a, ALU_CMP, 8, R(RCX), R(R12));
    enc_cmovcc(a, CC_A, 8, RCX, R(R12));
    enc_mov(a, 8, R(RDI), R(RAX));
    enc_mov(a, 8, R(RSI), R(RBX));
    enc_rep_movsb(a);
    enc_mov(a, 8, R(R13), R(RAX));
    enc_mov(a, 8, R(RDI), R(RBX));
    enc_call_sym(a, S("arc_free"));
    enc_mov(a, 8, R(RAX), R(R13));
    enc_bind(a, out);
    enc_pop(a, R(R13));
    enc_pop(a, R(R12));
    enc_pop(a, R(RBX));
    enc_ret(a);
    enc_bind(a, fail);
    enc_alu(a, ALU_XOR, 4, R(RAX), R(RAX));
    enc_jmp(a, out);
    rt_end(rt, &fn);
}

/* void *arc_rt_new(unsigned long count, unsigned long size): Arc's new,
 * arc_calloc that never returns NULL: "arc: runtime error: out of memory,
 * bytes requested: N", a backtrace from the caller, exit 2.
 *   [rbp-8] count*size, for the message */
static void emit_new(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_new", SYM_GLOBAL);
    Asm *a = &fn.a;
    int fail = enc_label(a);
    enc_push(a, R(RBP));
    enc_mov(a, 8, R(RBP), R(RSP));
    enc_mov(a, 8, R(RAX), R(RDI));
    enc_imul(a, 8, RAX, R(RSI));
    enc_push(a, R(RAX));
    enc_alu(a, ALU_SUB, 8, R(RSP), I(8));
    enc_call_sym(a, S("arc_calloc"));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_E, fail);
    enc_mov(a, 8, R(RSP), R(RBP));
    enc_pop(a, R(RBP));
    enc_ret(a);
    enc_bind(a, fail);
    static const char msg[] = "out of memory, bytes requested:";
    enc_mov_sym32(a, RDI, rt_rodata(rt, "arc_rt_new_msg", msg, sizeof msg, 1, SYM_LOCAL), 0);
    enc_mov(a, 8, R(RSI), M(RBP, -8));
    enc_mov(a, 4, R(RDX), I(FATAL_BACKTRACE));
    enc_call_sym(a, S("arc_rt_fatal"));
    enc_hlt(a);
    rt_end(rt, &fn);
}

void rt_emit_mem(Rt *rt)
{
    ms.rt = rt;
    ms.sched = rt_sym(rt, "arc_rt_sched");
    ms.mem = rt_bss(rt, "arc_rt_mem", M_SIZE, 64, SYM_LOCAL);
    emit_tables(rt);
    emit_alloc(rt);
    emit_free(rt);
    emit_realloc(rt);
    emit_calloc(rt);
    emit_new(rt);
    emit_refill(rt);
    emit_flush(rt);
    emit_map(rt);
    emit_large(rt);
    emit_free_large(rt);
    emit_double(rt);
}
