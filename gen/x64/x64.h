/* x64.h: the x86-64 code generator, one file per phase.  Its input is
 * plain IR: gen/rtlower.c has turned spawn/await/yield into runtime calls.
 *
 *   webs.c     each vreg split into its webs (reaching definitions)
 *   addr.c     a field's address computed again at each access
 *   live.c     liveness over the block order, one live interval per vreg
 *   ralloc.c   linear-scan register allocation; spill slots under pressure
 *   abi.c      SysV x86-64: parameters, calls, returns, variadics
 *   isel.c     one small generator per opcode, dispatched by a table
 *   depth.c    the stack each function's check asks for (whole module)
 *   emit.c     the function frame, blocks, and the ELF object
 *
 * Registers (the allocator's view):
 *   allocatable  rdx rsi rdi r8 r9 r10 r11 (caller-saved), rbx r12 r13 r14
 *                r15 (callee-saved), xmm0..xmm13 (caller-saved)
 *   scratch      rax rcx xmm14 xmm15: used only inside one instruction's
 *                expansion, never holding a vreg.
 * A vreg live across a call never gets a caller-saved register; one live
 * at an instruction never gets a register its expansion touches
 * (x64_scratch: rdx for division, intrinsics per their masks in
 * intrin.def).  Call arguments and incoming parameters may sit in
 * argument registers: both are parallel moves (abi.c), and the allocator
 * prefers each such vreg's own argument register.
 *
 * Frame (rbp-relative; frame pointers are kept for the crash reporter):
 *     [rbp+16 ..]        incoming stack arguments
 *     [rbp+8]            return address
 *     [rbp]              caller's rbp
 *     [rbp-8 .. -8k]     the k callee-saved registers this function uses
 *     [.. rbp-frame]     spill slots, fixed allocas, by-value aggregate
 *                        slots, the variadic register save area
 *     [rsp ..]           dynamic allocas; outgoing stack arguments are
 *                        pushed per call (rsp stays 16-aligned)
 */
#ifndef ARC_X64_H
#define ARC_X64_H

#include "gen/ir.h"
#include "image/elf.h"

#define INT_ALLOC (CALLEE_SAVED | RM(RDX) | RM(RSI) | RM(RDI) | RM(R8) | RM(R9) | RM(R10) | \
                   RM(R11))
#define CALLEE_SAVED (RM(RBX) | RM(R12) | RM(R13) | RM(R14) | RM(R15))
#define CALLER_SAVED (RM(RAX) | RM(RCX) | RM(RDX) | RM(RSI) | RM(RDI) | RM(R8) | \
                      RM(R9) | RM(R10) | RM(R11))
#define XMM_ALLOC 0x3fffu   /* xmm0..xmm13 */
#define XMM_ALL 0xffffu
enum { XS0 = 14, XS1 = 15 };  /* float scratch */

typedef enum { LOC_NONE, LOC_REG, LOC_XMM, LOC_STACK } LocKind;
typedef struct {
    LocKind kind;
    int r;        /* Reg, Xmm, or rbp offset */
} Loc;

/* A switch table emitted after the function's code. */
typedef struct {
    int label;
    int64_t lo;
    int n;
    int *targets;  /* block indices */
    int deflt;
} JumpTable;

typedef struct X64Fn {
    Module *m;
    Func *f;
    Elf *elf;
    int *elfsym;        /* Module sym -> ELF symbol id (-1 until used) */
    Asm a;
    /* live.c */
    int ninst;          /* instructions, numbered in block order */
    int *bstart, *bend; /* per block: position of its first and last instruction */
    int *istart;        /* per block: global number of its first instruction */
    int *vstart, *vend; /* per vreg live interval (-1: never live) */
    /* ralloc.c */
    Loc *loc;
    uint32_t usedsaved; /* callee-saved registers to save */
    int nsaved;
    int frame;          /* bytes below the saved registers (positive) */
    int dynamic;        /* has a dynamic alloca: rsp moves below the frame */
    /* depth.c */
    int64_t need;       /* bytes the prologue's stack check asks for; 0: none */
    int cyclic;         /* on a call cycle (the target of a back edge) */
    /* emit.c: per instruction (global number) a frame slot offset */
    int *slot;
    int *pslot;         /* per parameter: slot of a by-value aggregate */
    int retslot;        /* hidden return pointer (aggregates in memory) */
    int rsa;            /* variadic register save area */
    int va_gp, va_fp, va_stack;  /* named gp/sse registers and stack bytes */
    int *blabel;
    int epilogue;       /* label of the shared epilogue (abi.c), or -1 */
    uint8_t *loophead;  /* per block: heads a loop without calls (emit.c) */
    int cur;            /* index of the block being emitted */
    int curinst;        /* global number of the instruction being emitted */
    int skip;           /* isel fused the next instructions into this one
                         * (cmp + br; mul + ptradd + load/store): how many */
    JumpTable *tables;
    int ntables, captables;
    /* float constants, emitted after the code (and the tables) and read
     * rip-relative: label and the 4 or 8 bytes */
    struct FConst { int label, size; uint64_t bits; } *fconsts;
    int nfconsts, capfconsts;
} X64Fn;

/* webs.c */
void x64_split_webs(Module *m, Func *f);

/* addr.c: after webs.c */
void x64_remat_addrs(Module *m, Func *f);

/* live.c */
/* Live-in / live-out vreg bit sets, nw 64-bit words per block (free them). */
void x64_liveness(const Func *f, uint64_t **in, uint64_t **out, int *nw);
void x64_live(X64Fn *x);
/* live.c: the back edges of f's control flow.  A depth-first walk from
 * block 0, and then with all_roots from every block not yet reached, that
 * does not enter the blocks marked in skip (NULL: none); for each edge to
 * a block still on the walk's stack (a loop's header), edge(ctx, from, to,
 * next), next the block the walk went on to from the header (-1: from is
 * the header).  reached (NULL, or nblocks bytes set to 0) gets 1 for each
 * block the walk entered. */
void x64_back_edges(const Func *f, const uint8_t *skip, int all_roots,
                    void (*edge)(void *ctx, int from, int to, int next), void *ctx,
                    uint8_t *reached);

/* ralloc.c */
void x64_ralloc(X64Fn *x);
int x64_frame_alloc(X64Fn *x, int size, int align);  /* rbp offset */

/* abi.c */
void x64_params(X64Fn *x);
void x64_call(X64Fn *x, const Inst *in);
void x64_ret(X64Fn *x, const Inst *in);
void x64_va_start(X64Fn *x, const Inst *in);
void x64_va_arg(X64Fn *x, const Inst *in);
/* The register (Reg or Xmm) each scalar argument of call `in` travels in,
 * -1 on the stack; 0 (and no regs) when the call passes or returns an
 * aggregate in memory or by value (those expansions use rsi rdi rcx r11). */
int x64_call_regs(const Module *m, const Inst *in, int *regs);
/* Per parameter: the register it arrives in, -1 for the stack or an aggregate. */
void x64_param_regs(const X64Fn *x, int *regs);
/* Stack bytes: a call's outgoing argument area; the named stack parameters. */
int x64_call_area(const Module *m, const Inst *in);
int x64_param_area(const X64Fn *x);

/* isel.c */
void x64_inst(X64Fn *x, const Inst *in);
uint32_t x64_scratch(const X64Fn *x, const Inst *in);

/* operand.c: operand access shared by isel.c and abi.c */
int x64_fsz(Type t);                            /* bytes of a float type */
Opnd x64_locop(X64Fn *x, int vreg);             /* its register or slot */
int x64_esym(X64Fn *x, int sym);
void x64_load(X64Fn *x, Val v, Reg r);        /* any int/ptr value -> r (64 bits) */
void x64_loadf(X64Fn *x, Val v, Xmm r);       /* any float value -> r */
/* A symbol's address with an addend from -SYM32_SLACK to INT32_MAX / 2
 * is `mov $sym+addend, r32` (programs start at 0x400000, linker/arc.ld);
 * other addends take a movabs. */
enum { SYM32_SLACK = 0x100000 };
void x64_result_rax(X64Fn *x, const Inst *in);  /* isel.c: an integer result in rax */
void x64_parallel_args(X64Fn *x, const Reg *regs, const Val *args, int n);  /* abi.c */
int x64_syscall_moves(const Inst *in);  /* isel.c: a syscall's arguments as a parallel copy */
Mem x64_fconst(X64Fn *x, Val v);              /* a float constant's pool entry */
void x64_store(X64Fn *x, int vreg, Reg r);
void x64_storef(X64Fn *x, int vreg, Xmm r);
void x64_copy_bytes(X64Fn *x, Mem dst, Reg src, int64_t n);  /* rep movsb */
void x64_load_part(X64Fn *x, Reg r, Mem m, int n);   /* n bytes (1..8) -> r */

/* depth.c: X64Fn.need of every function (xs per Module.funcs index; f
 * NULL for a declaration), after ralloc and the frame of each */
void x64_stack_needs(Module *m, X64Fn *xs);

/* emit.c */
/* The whole module into e (one section per function and per datum). */
void x64_emit_module(Module *m, Elf *e);

#endif
