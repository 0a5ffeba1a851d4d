/* enc.h: the x86-64 encoder.
 *
 * Needs: nothing but util.  Produces: machine code bytes in an Asm, plus the
 * relocations (symbol references) the object writer turns into ELF relocs.
 *
 * Every instruction the code generator and the runtime generators emit goes
 * through here.  The encoder picks the same encoding GNU as picks for the
 * same AT&T text (short accumulator forms, imm8 forms, rel8 for backward
 * jumps that fit); tests/unit/test_enc.c checks that byte for byte against
 * a table that tests/enc/mktable.sh regenerates from GNU as.
 *
 * Operand order is Intel order: destination first.  Sizes are in bytes
 * (1, 2, 4, 8).  A misuse (bad size, impossible operand combination) is an
 * internal error: die().
 */
#ifndef ARC_ENC_H
#define ARC_ENC_H

#include "util.h"

/* General-purpose registers, numbered as in ModRM/SIB (bit 3 -> REX). */
typedef enum {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
    R8, R9, R10, R11, R12, R13, R14, R15,
    RIP,    /* only as Mem.base: RIP-relative */
    NOREG,  /* "no base" / "no index" */
} Reg;

/* XMM registers 0..15 are plain numbers; functions taking one say "x". */
typedef int Xmm;

/* Condition codes, numbered as in Jcc/SETcc/CMOVcc (0x70+cc, 0F 80+cc). */
typedef enum {
    CC_O, CC_NO, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A,
    CC_S, CC_NS, CC_P, CC_NP, CC_L, CC_GE, CC_LE, CC_G,
} Cond;

/* Relocation kinds the encoder (and data emitters) produce; image/ maps
 * them to R_X86_64_*. */
typedef enum {
    RELOC_PC32,   /* S + A - P, 32-bit signed */
    RELOC_PLT32,  /* call/jmp to a function symbol */
    RELOC_ABS64,  /* S + A, 64-bit (data: function tables, pointers) */
    RELOC_ABS32S, /* S + A, 32-bit sign-extended (non-PIE absolute) */
    RELOC_ABS32,  /* S + A, 32-bit zero-extended */
} RelocKind;

/* A symbol reference inside a code or data buffer.  sym is an id owned by
 * the client (image/ uses ELF symbol ids); the encoder never interprets it. */
typedef struct {
    uint32_t off;
    int sym;
    RelocKind kind;
    int64_t addend;
} Reloc;

/* A memory operand: [base + index*scale + disp].
 *   base=NOREG, index=NOREG, sym<0 : absolute disp32 (rare)
 *   base=RIP, sym>=0               : RIP-relative to sym+disp (R_X86_64_PC32)
 *   base=RIP, label>=0             : RIP-relative to a label in this Asm
 *   base!=RIP, sym>=0              : disp32 = sym+disp (R_X86_64_32S),
 *                                    e.g. a jump table indexed by a register */
typedef struct {
    Reg base, index;
    uint8_t scale;  /* 1, 2, 4, 8 */
    int32_t disp;
    int sym;        /* -1: none */
    int label;      /* -1: none */
} Mem;

Mem mem_b(Reg base, int32_t disp);                                /* [base+disp] */
Mem mem_bis(Reg base, Reg index, int scale, int32_t disp);        /* [base+index*scale+disp] */
Mem mem_rip(int sym, int32_t addend);                             /* [rip+sym+addend] */
Mem mem_label(int label);                                         /* [rip+label] */
Mem mem_sym(int sym, Reg index, int scale, int32_t addend);       /* [sym+index*scale] (32S) */

/* A general operand: register, memory or immediate. */
typedef enum { OPND_REG, OPND_MEM, OPND_IMM, OPND_XMM } OpndKind;
typedef struct {
    OpndKind kind;
    Reg reg;     /* OPND_REG */
    Xmm xmm;     /* OPND_XMM */
    Mem mem;     /* OPND_MEM */
    int64_t imm; /* OPND_IMM */
} Opnd;

Opnd opr(Reg r);
Opnd opx(Xmm x);
Opnd opm(Mem m);
Opnd opi(int64_t v);

/* An assembly buffer: one function's (or one section's) code. */
typedef struct {
    uint32_t off;   /* offset of the displacement field */
    int label;
    uint8_t width;  /* 1 (rel8) or 4 (rel32) */
    uint32_t end;   /* offset of the end of the instruction */
    int jump;       /* a jump's number (Asm.njumps), or -1 */
    uint32_t start; /* a jump's first byte */
} LabelUse;

/* Jump relaxation.  A forward jump's target is unknown when it is emitted,
 * so enc_jmp and enc_jcc emit it rel32.  A client that can emit the same
 * code again (gen/x64/emit.c) passes what a pass found as the next pass's
 * hints: jhint[k] != 0 emits the k-th jump (enc_jmp/enc_jcc, numbered in
 * emission order; rewound ones are numbered again) rel8 if it is forward.
 * After a pass, jfit[k] is JFIT_SHORT for a forward rel32 jump that rel8
 * would have reached from the same start, JFIT_MISSED for a hinted rel8
 * jump that did not reach (its field is garbage; nmissed counts them: emit
 * again without those hints).  Jumps only shrink from one pass to the
 * next, but the padding of enc_unsplit may grow: hence the misses. */
enum { JFIT_SHORT = 1, JFIT_MISSED = 2 };

typedef struct Asm {
    Buf code;
    Reloc *relocs;
    int nrelocs, caprelocs;
    int32_t *labels;        /* label -> bound offset, or -1 */
    int nlabels, caplabels;
    LabelUse *uses;         /* references not yet patched */
    int nuses, capuses;
    const uint8_t *jhint;   /* jump relaxation: see above (NULL: no hints) */
    int njhint;
    uint8_t *jfit;
    int njumps, capjfit, nmissed;
    int chunked;            /* enc_unsplit pads (the code starts 32-aligned) */
} Asm;

/* The next pass's hints from pass a's findings: after the first pass
 * (first != 0; *hint NULL) a new array of a->njumps entries, set where
 * JFIT_SHORT, returning whether any is set; after a later pass the missed
 * ones cleared, returning whether any missed.  Either way: 1 = emit again. */
int enc_relax_hints(const Asm *a, uint8_t **hint, int *nhint, int first);

/* A position to come back to: enc_rewind drops everything emitted since
 * (bytes, relocations, forward label references).  No label may have been
 * bound in between. */
typedef struct AsmMark {
    uint32_t len;
    int nrelocs, nuses, njumps;
} AsmMark;
AsmMark enc_mark(const Asm *a);
void enc_rewind(Asm *a, AsmMark m);
/* After emitting from mark m code whose bytes from `from` on end in a
 * jump: when they cross or end on a 32-byte boundary, rewinds to m, pads
 * with nops so `from` starts a chunk and returns 1 (emit it again); else
 * 0.  The hot jumps of gen/x64 (branches, block jumps, calls, the stack
 * check) go through it; returns are moved by a 1-byte nop.  Only where
 * a->chunked is set (emit.c: hot functions); elsewhere it returns 0. */
int enc_unsplit(Asm *a, AsmMark m, uint32_t from);

void enc_init(Asm *a);
void enc_free(Asm *a);
uint32_t enc_pos(const Asm *a);
/* Check that every referenced label is bound; die() otherwise. */
void enc_finish(Asm *a);

/* Labels.  A forward reference is patched when its label is bound. */
int enc_label(Asm *a);
void enc_bind(Asm *a, int label);

/* Raw bytes (intrinsics table) and a relocation at the current position. */
void enc_bytes(Asm *a, const void *p, size_t n);

/* --- data movement ---------------------------------------------------- */
/* mov r,r | r,m | m,r | r,imm | m,imm.  A 64-bit immediate that does not
 * fit in a sign-extended imm32 becomes movabs. */
void enc_mov(Asm *a, int size, Opnd dst, Opnd src);
void enc_movabs(Asm *a, Reg dst, uint64_t imm);
/* mov r64, imm64 where the imm is a symbol address (R_X86_64_64). */
void enc_movabs_sym(Asm *a, Reg dst, int sym, int64_t addend);
/* mov r32, imm32 (zero-extended to r64) where the imm is a symbol address
 * (R_X86_64_32): a non-PIE address below 4 GiB in 5 or 6 bytes. */
void enc_mov_sym32(Asm *a, Reg dst, int sym, int64_t addend);
/* movzx/movsx: dst register of dsize (2, 4, 8) from src (reg or mem) of
 * ssize (1, 2; movsx also 4 = movsxd). */
void enc_movzx(Asm *a, int dsize, Reg dst, int ssize, Opnd src);
void enc_movsx(Asm *a, int dsize, Reg dst, int ssize, Opnd src);
void enc_lea(Asm *a, int size, Reg dst, Mem src);
void enc_xchg(Asm *a, int size, Opnd dst, Reg src);
void enc_push(Asm *a, Opnd src);   /* reg, mem (64-bit) or imm32 */
void enc_pop(Asm *a, Opnd dst);    /* reg or mem (64-bit) */

/* --- integer arithmetic ----------------------------------------------- */
typedef enum { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP } AluOp;
void enc_alu(Asm *a, AluOp op, int size, Opnd dst, Opnd src);
/* op r64, imm32 (sign-extended) where the imm is a symbol address
 * (R_X86_64_32S): cmp $sym, %reg without a register for the address. */
void enc_alu_sym32s(Asm *a, AluOp op, Reg dst, int sym, int64_t addend);
void enc_test(Asm *a, int size, Opnd dst, Opnd src);   /* r/m, r | r/m, imm */

/* One-operand group: F6/F7 /2../7 and FE/FF /0 /1. */
typedef enum { UN_INC, UN_DEC, UN_NOT, UN_NEG, UN_MUL, UN_IMUL1, UN_DIV, UN_IDIV } UnOp;
void enc_unary(Asm *a, UnOp op, int size, Opnd dst);

void enc_imul(Asm *a, int size, Reg dst, Opnd src);                 /* 0F AF */
void enc_imul3(Asm *a, int size, Reg dst, Opnd src, int32_t imm);   /* 6B / 69 */
/* dst = the index of src's highest set bit (src != 0; else dst is
 * undefined and ZF set). */
void enc_bsr(Asm *a, int size, Reg dst, Opnd src);                  /* 0F BD */
void enc_cqo(Asm *a);   /* sign-extend rax into rdx:rax */
void enc_cdq(Asm *a);   /* eax into edx:eax */

/* Shifts and rotates by an immediate or by cl (count = opr(RCX)). */
typedef enum { SH_ROL, SH_ROR, SH_RCL, SH_RCR, SH_SHL, SH_SHR, SH_SAL, SH_SAR } ShiftOp;
void enc_shift(Asm *a, ShiftOp op, int size, Opnd dst, Opnd count);

void enc_setcc(Asm *a, Cond cc, Opnd dst);                 /* byte reg or mem */
void enc_cmovcc(Asm *a, Cond cc, int size, Reg dst, Opnd src);

/* --- control flow ----------------------------------------------------- */
/* Backward jumps use rel8 when the target is in range; forward jumps use
 * rel32 unless the _short form is asked for (die() at bind if it does not
 * fit) or a relaxation hint says rel8 (above). */
void enc_jmp(Asm *a, int label);
void enc_jmp_short(Asm *a, int label);
void enc_jcc(Asm *a, Cond cc, int label);
void enc_jcc_short(Asm *a, Cond cc, int label);
void enc_jmp_ind(Asm *a, Opnd target);   /* FF /4 */
void enc_jmp_sym(Asm *a, int sym);       /* tail call: E9 + PLT32 */
void enc_call_sym(Asm *a, int sym);      /* E8 + PLT32 */
void enc_call_label(Asm *a, int label);  /* E8 rel32 within this Asm */
void enc_call_ind(Asm *a, Opnd target);  /* FF /2 */
void enc_ret(Asm *a);

/* --- atomics and system ----------------------------------------------- */
void enc_lock_xadd(Asm *a, int size, Mem dst, Reg src);
void enc_lock_cmpxchg(Asm *a, int size, Mem dst, Reg src);
void enc_lock_alu(Asm *a, AluOp op, int size, Mem dst, Opnd src);  /* lock add/and/or/... */
void enc_syscall(Asm *a);
void enc_mfence(Asm *a);
void enc_pause(Asm *a);
void enc_rdtsc(Asm *a);
void enc_cpuid(Asm *a);
void enc_ud2(Asm *a);
void enc_hlt(Asm *a);
void enc_int3(Asm *a);
void enc_endbr64(Asm *a);
void enc_nop(Asm *a);
/* n bytes of padding as few long nops (0f 1f /0 forms) */
void enc_nops(Asm *a, int n);
void enc_rep_movsb(Asm *a);
void enc_rep_stosb(Asm *a);
/* al = *rsi++ (the direction flag is clear: SysV ABI) */
void enc_lodsb(Asm *a);

/* --- SSE2 scalar floating point ---------------------------------------- */
/* movss/movsd: x,x | x,m | m,x.  size 4 = ss, 8 = sd. */
void enc_movsf(Asm *a, int size, Opnd dst, Opnd src);
/* movd (size 4) / movq (size 8): x,r | r,x | x,m | m,x. */
void enc_movdq(Asm *a, int size, Opnd dst, Opnd src);

/* Two-operand SSE arithmetic: dst xmm, src xmm or mem. */
typedef enum {
    SSE_ADDSS, SSE_ADDSD, SSE_SUBSS, SSE_SUBSD, SSE_MULSS, SSE_MULSD,
    SSE_DIVSS, SSE_DIVSD, SSE_SQRTSS, SSE_SQRTSD, SSE_MINSS, SSE_MINSD,
    SSE_MAXSS, SSE_MAXSD, SSE_UCOMISS, SSE_UCOMISD, SSE_COMISS, SSE_COMISD,
    SSE_CVTSS2SD, SSE_CVTSD2SS, SSE_XORPS, SSE_XORPD, SSE_ANDPS, SSE_ANDPD,
    SSE_PXOR, SSE_MOVAPS, SSE_MOVAPD,
} SseOp;
void enc_sse(Asm *a, SseOp op, Xmm dst, Opnd src);
/* cvtsi2ss/sd: fsize 4|8, from a 4|8-byte integer register or memory. */
void enc_cvtsi2f(Asm *a, int fsize, Xmm dst, int isize, Opnd src);
/* cvttss2si/cvttsd2si: to a 4|8-byte register from xmm or memory. */
void enc_cvttf2si(Asm *a, int isize, Reg dst, int fsize, Opnd src);

#endif
