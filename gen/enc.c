/* enc.c: the x86-64 encoder.  See enc.h.
 *
 * Every instruction is [legacy prefixes] [REX] opcode [ModRM [SIB] [disp]]
 * [imm].  emit_head() writes the prefixes, the REX byte and the opcode;
 * emit_rm() adds the ModRM part for a register or memory r/m operand, with
 * every memory special case in one place (put_mem).  The instruction
 * functions below only pick opcodes, the same ones GNU as picks for the same
 * AT&T text; tests/unit/test_enc.c checks that byte for byte.
 *
 * Labels: labels[l] is the bound offset or -1.  A reference to an unbound
 * label is recorded in uses[] with the displacement field's offset, width and
 * the end of its instruction (the field holds the addend meanwhile);
 * enc_bind() patches every use of the label and drops it from the list.
 */
#include "enc.h"

#include <stdlib.h>
#include <string.h>

/* Flags for emit_head/emit_rm. */
enum {
    F_W = 1 << 0,    /* REX.W: 64-bit operand */
    F_66 = 1 << 1,   /* operand-size prefix (16-bit, or SSE mandatory 66) */
    F_F2 = 1 << 2,   /* SSE mandatory prefix F2 */
    F_F3 = 1 << 3,   /* SSE mandatory prefix F3, rep */
    F_LOCK = 1 << 4, /* lock prefix */
    F_BREG = 1 << 5, /* the ModRM.reg register is a byte register */
    F_BRM = 1 << 6,  /* the r/m register is a byte register */
    F_ABS32 = 1 << 7, /* a symbol displacement is zero-extended (R_X86_64_32):
                       * lea of an address into a 16/32-bit register */
};

#define REX_FORCE 0x100 /* emit a REX even with no bits: spl/bpl/sil/dil */

static int fits8(int64_t v) { return v >= -128 && v <= 127; }
static int fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

/* --- buffer and relocations --------------------------------------------- */

void enc_init(Asm *a) { memset(a, 0, sizeof *a); }

void enc_free(Asm *a)
{
    buf_free(&a->code);
    free(a->relocs);
    free(a->labels);
    free(a->uses);
    free(a->jfit);
    memset(a, 0, sizeof *a);
}

uint32_t enc_pos(const Asm *a) { return (uint32_t)a->code.len; }

void enc_bytes(Asm *a, const void *p, size_t n) { buf_put(&a->code, p, n); }

AsmMark enc_mark(const Asm *a) { return (AsmMark){(uint32_t)a->code.len, a->nrelocs, a->nuses, a->njumps}; }

void enc_rewind(Asm *a, AsmMark m)
{
    a->code.len = m.len;
    a->nrelocs = m.nrelocs;
    a->nuses = m.nuses;
    a->njumps = m.njumps;
}

/* Intel's jump conditional code erratum (Skylake and later, with its
 * microcode fix): a 32-byte chunk of code holding a jump (a macro-fused
 * compare and jump counts as one) that crosses or ends on the chunk's end
 * is not kept in the decoded-uop cache and runs from the slow decoders.
 * gen/x64's hot functions start 32-byte aligned and set a->chunked
 * (emit.c), so offsets here are chunk offsets; the others (packed) and
 * the runtime's do not use this.
 * Code 32 bytes or longer cannot be helped. */
int enc_unsplit(Asm *a, AsmMark m, uint32_t from)
{
    uint32_t e = enc_pos(a);
    if (!a->chunked || e - from >= 32 || ((from >> 5) == ((e - 1) >> 5) && e % 32))
        return 0;
    enc_rewind(a, m);
    enc_nops(a, (int)(32 - from % 32));
    return 1;
}

static void enc_reloc(Asm *a, uint32_t off, int sym, RelocKind kind, int64_t addend)
{
    grow(&a->relocs, &a->caprelocs, a->nrelocs + 1, sizeof *a->relocs);
    a->relocs[a->nrelocs++] = (Reloc){off, sym, kind, addend};
}

static void put8(Asm *a, int v) { buf_u8(&a->code, (uint8_t)v); }
static void put32(Asm *a, int64_t v) { buf_u32(&a->code, (uint32_t)v); }

/* An immediate of n bytes (1, 2, 4, 8), little endian. */
static void put_imm(Asm *a, int64_t v, int n)
{
    for (int i = 0; i < n; i++)
        put8(a, (int)(v >> (8 * i)));
}

/* --- labels -------------------------------------------------------------- */

int enc_label(Asm *a)
{
    grow(&a->labels, &a->caplabels, a->nlabels + 1, sizeof *a->labels);
    a->labels[a->nlabels] = -1;
    return a->nlabels++;
}

static void check_label(const Asm *a, int label)
{
    if (label < 0 || label >= a->nlabels)
        die("no such label %d", label);
}

/* Write the displacement field at off: value v, width 1 or 4. */
static void patch(Asm *a, uint32_t off, int width, int64_t v)
{
    if (width == 1) {
        if (!fits8(v))
            die("short jump out of range (%lld bytes)", (long long)v);
        a->code.p[off] = (uint8_t)v;
    } else {
        if (!fits32(v))
            die("label displacement out of range");
        put_u32(a->code.p + off, (uint32_t)v);
    }
}

/* Reference label from a width-byte field at the current position, for an
 * instruction ending at end; addend is added to (label - end).  jump: the
 * jump's number when it is one (relaxation), else -1; start its first byte. */
static void label_ref_jump(Asm *a, int label, int width, uint32_t end, int32_t addend, int jump,
                           uint32_t start)
{
    check_label(a, label);
    uint32_t off = enc_pos(a);
    put_imm(a, addend, width);
    if (a->labels[label] >= 0) {
        patch(a, off, width, (int64_t)a->labels[label] + addend - end);
        return;
    }
    grow(&a->uses, &a->capuses, a->nuses + 1, sizeof *a->uses);
    a->uses[a->nuses++] = (LabelUse){off, label, (uint8_t)width, end, jump, start};
}

static void label_ref(Asm *a, int label, int width, uint32_t end, int32_t addend)
{
    label_ref_jump(a, label, width, end, addend, -1, 0);
}

void enc_bind(Asm *a, int label)
{
    check_label(a, label);
    if (a->labels[label] >= 0)
        die("label %d bound twice", label);
    int32_t t = (int32_t)enc_pos(a);
    a->labels[label] = t;
    for (int i = 0; i < a->nuses;) {
        LabelUse *u = &a->uses[i];
        if (u->label != label) {
            i++;
            continue;
        }
        uint8_t *f = a->code.p + u->off;
        int64_t addend = u->width == 1 ? (int8_t)f[0]
                                       : (int32_t)(f[0] | f[1] << 8 | f[2] << 16 | (uint32_t)f[3] << 24);
        int64_t v = (int64_t)t + addend - u->end;
        if (u->jump >= 0 && u->width == 1 && !fits8(v)) {
            a->jfit[u->jump] = JFIT_MISSED;     /* emitted again without the hint */
            a->nmissed++;
            v = 0;
        } else if (u->jump >= 0 && u->width == 4 && fits8((int64_t)t - (u->start + 2))) {
            a->jfit[u->jump] = JFIT_SHORT;
        }
        patch(a, u->off, u->width, v);
        *u = a->uses[--a->nuses];
    }
}

void enc_finish(Asm *a)
{
    if (a->nuses > 0)
        die("label %d referenced but never bound", a->uses[0].label);
}

/* --- operands ------------------------------------------------------------ */

Mem mem_b(Reg base, int32_t disp) { return (Mem){base, NOREG, 1, disp, -1, -1}; }
Mem mem_bis(Reg base, Reg index, int scale, int32_t disp)
{
    return (Mem){base, index, (uint8_t)scale, disp, -1, -1};
}
Mem mem_rip(int sym, int32_t addend) { return (Mem){RIP, NOREG, 1, addend, sym, -1}; }
Mem mem_label(int label) { return (Mem){RIP, NOREG, 1, 0, -1, label}; }
Mem mem_sym(int sym, Reg index, int scale, int32_t addend)
{
    return (Mem){NOREG, index, (uint8_t)scale, addend, sym, -1};
}

Opnd opr(Reg r) { return (Opnd){.kind = OPND_REG, .reg = r}; }
Opnd opx(Xmm x) { return (Opnd){.kind = OPND_XMM, .xmm = x}; }
Opnd opm(Mem m) { return (Opnd){.kind = OPND_MEM, .mem = m}; }
Opnd opi(int64_t v) { return (Opnd){.kind = OPND_IMM, .imm = v}; }

static int is_reg(Opnd o, Reg r) { return o.kind == OPND_REG && o.reg == r; }

static Reg gpr(Opnd o)
{
    if (o.kind != OPND_REG || o.reg > R15)
        die("expected a general register operand");
    return o.reg;
}

static Xmm xmm(Opnd o)
{
    if (o.kind != OPND_XMM || o.xmm < 0 || o.xmm > 15)
        die("expected an xmm operand");
    return o.xmm;
}

/* Flags for an operand size; byte operands add F_BREG/F_BRM themselves. */
static unsigned size_flags(int size)
{
    switch (size) {
    case 1: return F_BREG | F_BRM;
    case 2: return F_66;
    case 4: return 0;
    case 8: return F_W;
    }
    die("bad operand size %d", size);
}

/* Bytes of the immediate of an ALU-style instruction of this size. */
static int imm_bytes(int size) { return size == 8 ? 4 : size; }

/* The immediate as the CPU sees it for a size-byte operation: GNU as takes
 * 0xff and -1 alike for a byte, so truncate and sign-extend.  A 64-bit
 * operation only takes a sign-extended imm32. */
static int64_t imm_value(int64_t v, int size)
{
    switch (size) {
    case 1: if (v >= -128 && v <= 255) return (int8_t)v; break;
    case 2: if (v >= -32768 && v <= 65535) return (int16_t)v; break;
    case 4: if (v >= INT32_MIN && v <= UINT32_MAX) return (int32_t)v; break;
    case 8: if (fits32(v)) return v; break;
    }
    die("immediate %lld does not fit a %d-byte operand", (long long)v, size);
}

/* --- the core: prefixes, REX, opcode, ModRM ------------------------------ */

/* Prefixes in GNU as order (66, F2/F3, F0), then REX if rex is non-zero
 * (REX_FORCE alone gives a bare 0x40), then the opcode: 1 to 3 bytes, the
 * high ones first (0x0F10 is 0F 10). */
static void emit_head(Asm *a, unsigned fl, int rex, uint32_t op)
{
    if (fl & F_66) put8(a, 0x66);
    if (fl & F_F2) put8(a, 0xF2);
    if (fl & F_F3) put8(a, 0xF3);
    if (fl & F_LOCK) put8(a, 0xF0);
    if (fl & F_W) rex |= 8;
    if (rex) put8(a, 0x40 | (rex & 15));
    if (op > 0xFFFF) put8(a, (int)(op >> 16));
    if (op > 0xFF) put8(a, (int)(op >> 8));
    put8(a, (int)op);
}

/* An opcode with the register in its low three bits (50+r, B8+r, 90+r). */
static void emit_opreg(Asm *a, unsigned fl, uint32_t op, Reg r)
{
    if (r > R15)
        die("bad register %d", r);
    int rex = r >> 3;
    if ((fl & F_BRM) && r >= RSP && r <= RDI)
        rex |= REX_FORCE;
    emit_head(a, fl, rex, op + (r & 7));
}

static int modrm(int mod, int reg, int rm) { return mod << 6 | (reg & 7) << 3 | (rm & 7); }

static int scale_bits(int scale)
{
    switch (scale) {
    case 1: return 0;
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    }
    die("bad scale %d", scale);
}

/* ModRM, SIB and displacement for reg (a register or a /digit) and memory
 * operand m, in an instruction with immsz immediate bytes after the
 * displacement.  Every special case of x86-64 addressing lives here:
 *   RIP-relative   mod=00 rm=101 disp32; PC32 reloc or label use whose
 *                  addend accounts for the bytes after the field
 *   no base        SIB with base=101, mod=00, disp32 (R_X86_64_32S if sym,
 *                  or R_X86_64_32 under F_ABS32)
 *   rsp/r12 base   needs a SIB (rm=100 means "SIB follows")
 *   rbp/r13 base   mod=00 means "no base", so use mod=01 disp8=0
 *   index=rsp      not encodable (index=100 means "no index") */
static void put_mem(Asm *a, unsigned fl, int reg, Mem m, int immsz)
{
    if (m.base == RIP) {
        if (m.index != NOREG)
            die("RIP-relative operand with an index");
        put8(a, modrm(0, reg, 5));
        uint32_t off = enc_pos(a);
        uint32_t end = off + 4 + (uint32_t)immsz;
        if (m.sym >= 0 && m.label >= 0)
            die("memory operand with both a symbol and a label");
        if (m.label >= 0) {
            label_ref(a, m.label, 4, end, m.disp);
        } else {
            if (m.sym >= 0)
                enc_reloc(a, off, m.sym, RELOC_PC32, (int64_t)m.disp - (end - off));
            put32(a, m.sym >= 0 ? 0 : m.disp);
        }
        return;
    }
    if (m.label >= 0)
        die("a label operand must be RIP-relative");
    if (m.index == RSP || m.index == RIP || (m.index > R15 && m.index != NOREG))
        die("bad index register %d", m.index);
    if (m.base > R15 && m.base != NOREG)
        die("bad base register %d", m.base);
    int ss = m.index == NOREG ? 0 : scale_bits(m.scale);
    int idx = m.index == NOREG ? 4 : m.index;
    int mod;
    if (m.base == NOREG)
        mod = 0;
    else if (m.sym >= 0)
        mod = 2;
    else if (m.disp == 0 && (m.base & 7) != RBP)
        mod = 0;
    else if (fits8(m.disp))
        mod = 1;
    else
        mod = 2;
    if (m.base == NOREG) {
        put8(a, modrm(0, reg, 4));
        put8(a, modrm(ss, idx, 5));
    } else if (m.index != NOREG || (m.base & 7) == RSP) {
        put8(a, modrm(mod, reg, 4));
        put8(a, modrm(ss, idx, m.base));
    } else {
        put8(a, modrm(mod, reg, m.base));
    }
    if (m.sym >= 0)
        enc_reloc(a, enc_pos(a), m.sym, fl & F_ABS32 ? RELOC_ABS32 : RELOC_ABS32S, m.disp);
    if (mod == 1)
        put8(a, m.disp);
    else if (mod == 2 || m.base == NOREG)
        put32(a, m.sym >= 0 ? 0 : m.disp);
}

/* A ModRM instruction: reg is a register number (GPR or XMM) or a /digit;
 * rm is a register, xmm or memory operand. */
static void emit_rm(Asm *a, unsigned fl, uint32_t op, int reg, Opnd rm, int immsz)
{
    int rex = (reg >> 3 & 1) << 2;
    if ((fl & F_BREG) && reg >= RSP && reg <= RDI)
        rex |= REX_FORCE;
    switch (rm.kind) {
    case OPND_REG:
        if (rm.reg > R15)
            die("bad register %d", rm.reg);
        rex |= rm.reg >> 3;
        if ((fl & F_BRM) && rm.reg >= RSP && rm.reg <= RDI)
            rex |= REX_FORCE;
        emit_head(a, fl, rex, op);
        put8(a, modrm(3, reg, rm.reg));
        return;
    case OPND_XMM:
        rex |= xmm(rm) >> 3;
        emit_head(a, fl, rex, op);
        put8(a, modrm(3, reg, rm.xmm));
        return;
    case OPND_MEM:
        if (rm.mem.index <= R15)
            rex |= (rm.mem.index >> 3) << 1;
        if (rm.mem.base <= R15)
            rex |= rm.mem.base >> 3;
        emit_head(a, fl, rex, op);
        put_mem(a, fl, reg, rm.mem, immsz);
        return;
    case OPND_IMM:
        break;
    }
    die("an immediate cannot be a ModRM operand");
}

/* --- data movement ------------------------------------------------------- */

void enc_mov(Asm *a, int size, Opnd dst, Opnd src)
{
    unsigned fl = size_flags(size);
    int b = size != 1; /* the byte opcode is one less */
    if (src.kind == OPND_IMM) {
        if (dst.kind == OPND_REG && size == 8 && !fits32(src.imm)) {
            enc_movabs(a, dst.reg, (uint64_t)src.imm);
            return;
        }
        int64_t v = imm_value(src.imm, size);
        if (dst.kind == OPND_REG && size != 8) {
            emit_opreg(a, fl & ~F_BREG, b ? 0xB8 : 0xB0, dst.reg);
        } else {
            if (dst.kind != OPND_REG && dst.kind != OPND_MEM)
                die("mov: bad destination");
            emit_rm(a, fl & ~F_BREG, 0xC6 + b, 0, dst, imm_bytes(size));
        }
        put_imm(a, v, imm_bytes(size));
    } else if (src.kind == OPND_REG) {
        emit_rm(a, fl, 0x88 + b, gpr(src), dst, 0);
    } else if (src.kind == OPND_MEM) {
        emit_rm(a, fl, 0x8A + b, gpr(dst), src, 0);
    } else {
        die("mov: bad source");
    }
}

void enc_movabs(Asm *a, Reg dst, uint64_t imm)
{
    emit_opreg(a, F_W, 0xB8, dst);
    put_imm(a, (int64_t)imm, 8);
}

void enc_movabs_sym(Asm *a, Reg dst, int sym, int64_t addend)
{
    emit_opreg(a, F_W, 0xB8, dst);
    enc_reloc(a, enc_pos(a), sym, RELOC_ABS64, addend);
    put_imm(a, 0, 8);
}

void enc_mov_sym32(Asm *a, Reg dst, int sym, int64_t addend)
{
    emit_opreg(a, 0, 0xB8, dst);
    enc_reloc(a, enc_pos(a), sym, RELOC_ABS32, addend);
    put_imm(a, 0, 4);
}

/* movzx/movsx: 0F B6/B7 (zero), 0F BE/BF (sign), 63 (movsxd). */
static void movx(Asm *a, uint32_t op8, int dsize, Reg dst, int ssize, Opnd src)
{
    if (dsize <= ssize || dsize == 1)
        die("movzx/movsx from %d to %d bytes", ssize, dsize);
    unsigned fl = size_flags(dsize);
    uint32_t op;
    switch (ssize) {
    case 1: op = op8; fl |= F_BRM; break;
    case 2: op = op8 + 1; break;
    case 4:
        if (op8 != 0x0FBE || dsize != 8)
            die("only movsxd extends from 4 bytes");
        op = 0x63;
        break;
    default: die("bad movzx/movsx source size %d", ssize);
    }
    emit_rm(a, fl, op, dst, src, 0);
}

void enc_movzx(Asm *a, int dsize, Reg dst, int ssize, Opnd src) { movx(a, 0x0FB6, dsize, dst, ssize, src); }
void enc_movsx(Asm *a, int dsize, Reg dst, int ssize, Opnd src) { movx(a, 0x0FBE, dsize, dst, ssize, src); }

void enc_lea(Asm *a, int size, Reg dst, Mem src)
{
    if (size == 1)
        die("lea: bad size");
    emit_rm(a, size_flags(size) | (size < 8 ? F_ABS32 : 0), 0x8D, dst, opm(src), 0);
}

void enc_xchg(Asm *a, int size, Opnd dst, Reg src)
{
    unsigned fl = size_flags(size);
    if (size != 1 && dst.kind == OPND_REG && (dst.reg == RAX || src == RAX)) {
        Reg other = dst.reg == RAX ? src : dst.reg;
        /* 90 is nop: it would not zero the top of rax for a 32-bit xchg.
         * GNU as still writes "xchg %rax,%rax" as a bare 90. */
        if (other == RAX && size == 4)
            emit_rm(a, fl, 0x87, RAX, dst, 0);
        else
            emit_opreg(a, other == RAX ? fl & ~F_W : fl, 0x90, other);
        return;
    }
    emit_rm(a, fl, size == 1 ? 0x86 : 0x87, src, dst, 0);
}

void enc_push(Asm *a, Opnd src)
{
    switch (src.kind) {
    case OPND_REG: emit_opreg(a, 0, 0x50, src.reg); return;
    case OPND_MEM: emit_rm(a, 0, 0xFF, 6, src, 0); return;
    case OPND_IMM:
        if (fits8(src.imm)) {
            put8(a, 0x6A);
            put8(a, (int)src.imm);
        } else {
            put8(a, 0x68);
            put32(a, imm_value(src.imm, 8));
        }
        return;
    case OPND_XMM: break;
    }
    die("push: bad operand");
}

void enc_pop(Asm *a, Opnd dst)
{
    if (dst.kind == OPND_REG)
        emit_opreg(a, 0, 0x58, dst.reg);
    else if (dst.kind == OPND_MEM)
        emit_rm(a, 0, 0x8F, 0, dst, 0);
    else
        die("pop: bad operand");
}

/* --- integer arithmetic -------------------------------------------------- */

/* ALU op /n forms: op*8 + {0,1} r/m,reg; +{2,3} reg,r/m; +{4,5} acc,imm;
 * 80 /n ib, 81 /n iz, 83 /n ib (sign-extended). */
static void alu(Asm *a, unsigned lock, AluOp op, int size, Opnd dst, Opnd src)
{
    unsigned fl = size_flags(size) | lock;
    int b = size != 1;
    if (src.kind == OPND_IMM) {
        int64_t v = imm_value(src.imm, size);
        int n = imm_bytes(size);
        if (is_reg(dst, RAX) && (size == 1 || !fits8(v))) {
            emit_head(a, fl & ~F_BREG, 0, op * 8 + 4 + b);
        } else if (size == 1 || !fits8(v)) {
            emit_rm(a, fl & ~F_BREG, 0x80 + b, op, dst, n);
        } else {
            n = 1;
            emit_rm(a, fl, 0x83, op, dst, n);
        }
        put_imm(a, v, n);
    } else if (src.kind == OPND_REG) {
        emit_rm(a, fl, op * 8 + b, src.reg, dst, 0);
    } else if (src.kind == OPND_MEM) {
        emit_rm(a, fl, op * 8 + 2 + b, gpr(dst), src, 0);
    } else {
        die("alu: bad operands");
    }
}

void enc_alu(Asm *a, AluOp op, int size, Opnd dst, Opnd src) { alu(a, 0, op, size, dst, src); }

void enc_alu_sym32s(Asm *a, AluOp op, Reg dst, int sym, int64_t addend)
{
    unsigned fl = size_flags(8);
    if (dst == RAX)
        emit_head(a, fl & ~F_BREG, 0, op * 8 + 5);
    else
        emit_rm(a, fl & ~F_BREG, 0x81, op, opr(dst), 4);
    enc_reloc(a, enc_pos(a), sym, RELOC_ABS32S, addend);
    put_imm(a, 0, 4);
}

void enc_test(Asm *a, int size, Opnd dst, Opnd src)
{
    unsigned fl = size_flags(size);
    int b = size != 1;
    if (dst.kind == OPND_REG && src.kind == OPND_MEM) { /* test is symmetric */
        Opnd t = dst;
        dst = src;
        src = t;
    }
    if (src.kind == OPND_IMM) {
        int64_t v = imm_value(src.imm, size);
        if (is_reg(dst, RAX))
            emit_head(a, fl & ~F_BREG, 0, 0xA8 + b);
        else
            emit_rm(a, fl & ~F_BREG, 0xF6 + b, 0, dst, imm_bytes(size));
        put_imm(a, v, imm_bytes(size));
    } else {
        emit_rm(a, fl, 0x84 + b, gpr(src), dst, 0);
    }
}

void enc_unary(Asm *a, UnOp op, int size, Opnd dst)
{
    unsigned fl = size_flags(size) & ~F_BREG;
    int b = size != 1;
    if (op == UN_INC || op == UN_DEC)
        emit_rm(a, fl, 0xFE + b, op, dst, 0);
    else
        emit_rm(a, fl, 0xF6 + b, op, dst, 0);
}

void enc_imul(Asm *a, int size, Reg dst, Opnd src)
{
    if (size == 1)
        die("imul: bad size");
    emit_rm(a, size_flags(size), 0x0FAF, dst, src, 0);
}

void enc_bsr(Asm *a, int size, Reg dst, Opnd src)
{
    if (size == 1)
        die("bsr: bad size");
    emit_rm(a, size_flags(size), 0x0FBD, dst, src, 0);
}

void enc_imul3(Asm *a, int size, Reg dst, Opnd src, int32_t imm)
{
    if (size == 1)
        die("imul: bad size");
    int64_t v = imm_value(imm, size);
    int n = fits8(v) ? 1 : imm_bytes(size);
    emit_rm(a, size_flags(size), n == 1 ? 0x6B : 0x69, dst, src, n);
    put_imm(a, v, n);
}

void enc_cqo(Asm *a) { enc_bytes(a, "\x48\x99", 2); }
void enc_cdq(Asm *a) { put8(a, 0x99); }

void enc_shift(Asm *a, ShiftOp op, int size, Opnd dst, Opnd count)
{
    unsigned fl = size_flags(size) & ~F_BREG;
    int b = size != 1;
    int digit = op == SH_SAL ? SH_SHL : op; /* GNU as writes sal as shl */
    if (count.kind == OPND_IMM) {
        if (count.imm < 0 || count.imm > 255)
            die("shift count %lld", (long long)count.imm);
        if (count.imm == 1) {
            emit_rm(a, fl, 0xD0 + b, digit, dst, 0);
        } else {
            emit_rm(a, fl, 0xC0 + b, digit, dst, 1);
            put8(a, (int)count.imm);
        }
    } else if (is_reg(count, RCX)) {
        emit_rm(a, fl, 0xD2 + b, digit, dst, 0);
    } else {
        die("shift count must be an immediate or cl");
    }
}

void enc_setcc(Asm *a, Cond cc, Opnd dst) { emit_rm(a, F_BRM, 0x0F90 + (cc & 15), 0, dst, 0); }

void enc_cmovcc(Asm *a, Cond cc, int size, Reg dst, Opnd src)
{
    if (size == 1)
        die("cmov: bad size");
    emit_rm(a, size_flags(size), 0x0F40 + (cc & 15), dst, src, 0);
}

int enc_relax_hints(const Asm *a, uint8_t **hint, int *nhint, int first)
{
    int again = 0;
    if (first) {
        *nhint = a->njumps;
        *hint = xcalloc((size_t)*nhint + 1, 1);
        for (int k = 0; k < *nhint; k++)
            again |= (*hint)[k] = a->jfit[k] == JFIT_SHORT;
        return again;
    }
    for (int k = 0; k < *nhint && k < a->njumps; k++)
        if (a->jfit[k] == JFIT_MISSED)
            (*hint)[k] = 0;
    return a->nmissed > 0;
}

/* --- control flow -------------------------------------------------------- */

/* A jump to a label: op8 rel8 or op32 rel32.  Backward jumps take rel8 when
 * it reaches; forward ones take rel32 unless only_short. */
static void jump(Asm *a, int op8, uint32_t op32, int label, int only_short)
{
    check_label(a, label);
    int32_t t = a->labels[label];
    uint32_t start = enc_pos(a);
    int k = -1;
    if (!only_short) {
        k = a->njumps++;
        grow(&a->jfit, &a->capjfit, a->njumps, 1);
        a->jfit[k] = 0;
    }
    int hinted = k >= 0 && t < 0 && k < a->njhint && a->jhint[k];
    if (only_short || hinted || (t >= 0 && fits8((int64_t)t - (start + 2)))) {
        put8(a, op8);
        label_ref_jump(a, label, 1, enc_pos(a) + 1, 0, hinted ? k : -1, start);
        return;
    }
    emit_head(a, 0, 0, op32);
    label_ref_jump(a, label, 4, enc_pos(a) + 4, 0, t < 0 ? k : -1, start);
}

void enc_jmp(Asm *a, int label) { jump(a, 0xEB, 0xE9, label, 0); }
void enc_jmp_short(Asm *a, int label) { jump(a, 0xEB, 0xE9, label, 1); }
void enc_jcc(Asm *a, Cond cc, int label) { jump(a, 0x70 + (cc & 15), 0x0F80 + (cc & 15), label, 0); }
void enc_jcc_short(Asm *a, Cond cc, int label) { jump(a, 0x70 + (cc & 15), 0x0F80 + (cc & 15), label, 1); }

static void branch_sym(Asm *a, int op, int sym)
{
    put8(a, op);
    enc_reloc(a, enc_pos(a), sym, RELOC_PLT32, -4);
    put32(a, 0);
}

void enc_jmp_sym(Asm *a, int sym) { branch_sym(a, 0xE9, sym); }
void enc_call_sym(Asm *a, int sym) { branch_sym(a, 0xE8, sym); }

void enc_call_label(Asm *a, int label)
{
    put8(a, 0xE8);
    label_ref(a, label, 4, enc_pos(a) + 4, 0);
}

void enc_jmp_ind(Asm *a, Opnd target) { emit_rm(a, 0, 0xFF, 4, target, 0); }
void enc_call_ind(Asm *a, Opnd target) { emit_rm(a, 0, 0xFF, 2, target, 0); }
void enc_ret(Asm *a) { put8(a, 0xC3); }

/* --- atomics and system -------------------------------------------------- */

void enc_lock_xadd(Asm *a, int size, Mem dst, Reg src)
{
    emit_rm(a, size_flags(size) | F_LOCK, size == 1 ? 0x0FC0 : 0x0FC1, src, opm(dst), 0);
}

void enc_lock_cmpxchg(Asm *a, int size, Mem dst, Reg src)
{
    emit_rm(a, size_flags(size) | F_LOCK, size == 1 ? 0x0FB0 : 0x0FB1, src, opm(dst), 0);
}

void enc_lock_alu(Asm *a, AluOp op, int size, Mem dst, Opnd src)
{
    if (op == ALU_CMP)
        die("lock cmp is not an instruction");
    alu(a, F_LOCK, op, size, opm(dst), src);
}

/* Fixed byte sequences. */
#define FIXED_INSNS(X)                   \
    X(syscall, "\x0f\x05")               \
    X(mfence, "\x0f\xae\xf0")            \
    X(pause, "\xf3\x90")                 \
    X(rdtsc, "\x0f\x31")                 \
    X(cpuid, "\x0f\xa2")                 \
    X(ud2, "\x0f\x0b")                   \
    X(hlt, "\xf4")                       \
    X(int3, "\xcc")                      \
    X(endbr64, "\xf3\x0f\x1e\xfa")       \
    X(nop, "\x90")                       \
    X(rep_movsb, "\xf3\xa4")             \
    X(rep_stosb, "\xf3\xaa")         \
    X(lodsb, "\xac")

#define X(name, bytes) \
    void enc_##name(Asm *a) { enc_bytes(a, bytes, sizeof bytes - 1); }
FIXED_INSNS(X)
#undef X

void enc_nops(Asm *a, int n)
{
    /* the recommended 1- to 9-byte nops */
    static const char *nop[10] = {
        "", "\x90", "\x66\x90", "\x0f\x1f\x00", "\x0f\x1f\x40\x00", "\x0f\x1f\x44\x00\x00",
        "\x66\x0f\x1f\x44\x00\x00", "\x0f\x1f\x80\x00\x00\x00\x00",
        "\x0f\x1f\x84\x00\x00\x00\x00\x00", "\x66\x0f\x1f\x84\x00\x00\x00\x00\x00",
    };
    for (; n > 0; n -= 9)
        enc_bytes(a, nop[n < 9 ? n : 9], (size_t)(n < 9 ? n : 9));
}

/* --- SSE2 scalar --------------------------------------------------------- */

/* op, mandatory prefix, opcode after 0F. */
#define SSE_TABLE(X)                                                        \
    X(SSE_ADDSS, F_F3, 0x58) X(SSE_ADDSD, F_F2, 0x58)                       \
    X(SSE_SUBSS, F_F3, 0x5C) X(SSE_SUBSD, F_F2, 0x5C)                       \
    X(SSE_MULSS, F_F3, 0x59) X(SSE_MULSD, F_F2, 0x59)                       \
    X(SSE_DIVSS, F_F3, 0x5E) X(SSE_DIVSD, F_F2, 0x5E)                       \
    X(SSE_SQRTSS, F_F3, 0x51) X(SSE_SQRTSD, F_F2, 0x51)                     \
    X(SSE_MINSS, F_F3, 0x5D) X(SSE_MINSD, F_F2, 0x5D)                       \
    X(SSE_MAXSS, F_F3, 0x5F) X(SSE_MAXSD, F_F2, 0x5F)                       \
    X(SSE_UCOMISS, 0, 0x2E) X(SSE_UCOMISD, F_66, 0x2E)                      \
    X(SSE_COMISS, 0, 0x2F) X(SSE_COMISD, F_66, 0x2F)                        \
    X(SSE_CVTSS2SD, F_F3, 0x5A) X(SSE_CVTSD2SS, F_F2, 0x5A)                 \
    X(SSE_XORPS, 0, 0x57) X(SSE_XORPD, F_66, 0x57)                          \
    X(SSE_ANDPS, 0, 0x54) X(SSE_ANDPD, F_66, 0x54)                          \
    X(SSE_PXOR, F_66, 0xEF)                                                 \
    X(SSE_MOVAPS, 0, 0x28) X(SSE_MOVAPD, F_66, 0x28)

static const struct {
    uint8_t pfx, op;
} sse_ops[] = {
#define X(id, pfx, op) [id] = {pfx, op},
    SSE_TABLE(X)
#undef X
};

static unsigned float_prefix(int fsize)
{
    if (fsize == 4) return F_F3;
    if (fsize == 8) return F_F2;
    die("bad float size %d", fsize);
}

void enc_sse(Asm *a, SseOp op, Xmm dst, Opnd src)
{
    if ((unsigned)op >= (unsigned)countof(sse_ops))
        die("bad SSE op %d", op);
    if (src.kind != OPND_XMM && src.kind != OPND_MEM)
        die("SSE source must be xmm or memory");
    emit_rm(a, sse_ops[op].pfx, 0x0F00 | sse_ops[op].op, xmm(opx(dst)), src, 0);
}

void enc_movsf(Asm *a, int size, Opnd dst, Opnd src)
{
    unsigned fl = float_prefix(size);
    if (dst.kind == OPND_XMM && (src.kind == OPND_XMM || src.kind == OPND_MEM))
        emit_rm(a, fl, 0x0F10, xmm(dst), src, 0);
    else if (dst.kind == OPND_MEM && src.kind == OPND_XMM)
        emit_rm(a, fl, 0x0F11, xmm(src), dst, 0);
    else
        die("movss/movsd: bad operands");
}

/* movd/movq.  GNU as takes the SSE2 forms for memory and xmm,xmm movq
 * (F3 0F 7E load, 66 0F D6 store), and 66 REX.W 0F 6E/7E with a GPR. */
void enc_movdq(Asm *a, int size, Opnd dst, Opnd src)
{
    if (size != 4 && size != 8)
        die("movd/movq: bad size %d", size);
    unsigned w = size == 8 ? F_W : 0;
    if (dst.kind == OPND_XMM && src.kind == OPND_REG)
        emit_rm(a, F_66 | w, 0x0F6E, xmm(dst), src, 0);
    else if (dst.kind == OPND_REG && src.kind == OPND_XMM)
        emit_rm(a, F_66 | w, 0x0F7E, xmm(src), dst, 0);
    else if (dst.kind == OPND_XMM && src.kind == OPND_MEM)
        emit_rm(a, size == 8 ? F_F3 : F_66, size == 8 ? 0x0F7E : 0x0F6E, xmm(dst), src, 0);
    else if (dst.kind == OPND_MEM && src.kind == OPND_XMM)
        emit_rm(a, F_66, size == 8 ? 0x0FD6 : 0x0F7E, xmm(src), dst, 0);
    else if (dst.kind == OPND_XMM && src.kind == OPND_XMM && size == 8)
        emit_rm(a, F_F3, 0x0F7E, xmm(dst), src, 0);
    else
        die("movd/movq: bad operands");
}

void enc_cvtsi2f(Asm *a, int fsize, Xmm dst, int isize, Opnd src)
{
    if (isize != 4 && isize != 8)
        die("cvtsi2ss/sd: bad integer size %d", isize);
    if (src.kind != OPND_REG && src.kind != OPND_MEM)
        die("cvtsi2ss/sd: bad source");
    emit_rm(a, float_prefix(fsize) | (isize == 8 ? F_W : 0), 0x0F2A, xmm(opx(dst)), src, 0);
}

void enc_cvttf2si(Asm *a, int isize, Reg dst, int fsize, Opnd src)
{
    if (isize != 4 && isize != 8)
        die("cvttss2si/sd2si: bad integer size %d", isize);
    if (src.kind != OPND_XMM && src.kind != OPND_MEM)
        die("cvttss2si/sd2si: bad source");
    emit_rm(a, float_prefix(fsize) | (isize == 8 ? F_W : 0), 0x0F2C, gpr(opr(dst)), src, 0);
}
