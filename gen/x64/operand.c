/* operand.c: reading and writing IR values where the allocator put them.
 *
 * Needs: locations (ralloc.c), the ELF symbols of the module.  Produces:
 * the operand helpers isel.c and abi.c share (x64.h), so that abi.c's
 * calls and returns and isel.c's instructions both use them without the
 * two files calling each other's internals. */
#include "gen/x64/x64.h"

#include <string.h>

int x64_fsz(Type t) { return t == T_F32 ? 4 : 8; }

int x64_esym(X64Fn *x, int sym)
{
    if (x->elfsym[sym] < 0)
        x->elfsym[sym] = elf_symbol(x->elf, x->m->syms[sym].name);
    return x->elfsym[sym];
}

Opnd x64_locop(X64Fn *x, int v)
{
    Loc l = x->loc[v];
    if (l.kind == LOC_REG)
        return opr((Reg)l.r);
    if (l.kind == LOC_XMM)
        return opx(l.r);
    if (l.kind == LOC_NONE)
        die("x64: %%%s has no location (never live)", x->f->vregs[v].name);
    return opm(mem_b(RBP, l.r));
}

void x64_load(X64Fn *x, Val v, Reg r)
{
    Asm *a = &x->a;
    switch (v.kind) {
    case V_VREG: {
        Opnd o = x64_locop(x, v.vreg);
        if (o.kind == OPND_XMM)
            enc_movdq(a, 8, opr(r), o);
        else if (!(o.kind == OPND_REG && o.reg == r))
            enc_mov(a, 8, opr(r), o);
        break;
    }
    case V_INT:
        if (v.i == 0)
            enc_alu(a, ALU_XOR, 4, opr(r), opr(r));
        else if (v.i > 0 && v.i <= 0xffffffffLL)
            enc_mov(a, 4, opr(r), opi(v.i));
        else if (!type_is_flt(v.type) && type_size(v.type) <= 4 && v.i >= INT32_MIN)
            /* a narrow negative constant: the register's upper half is
             * not part of an i32 (or narrower) value, so the 5-byte form */
            enc_mov(a, 4, opr(r), opi((uint32_t)v.i));
        else
            enc_mov(a, 8, opr(r), opi(v.i));
        break;
    case V_FLT: {
        uint64_t bits;
        if (v.type == T_F32) {
            float fl = (float)v.f;
            uint32_t b32;
            memcpy(&b32, &fl, 4);
            bits = b32;
        } else {
            memcpy(&bits, &v.f, 8);
        }
        enc_mov(a, 8, opr(r), opi((int64_t)bits));
        break;
    }
    case V_SYM:     /* non-PIE, below 4 GiB (linker/): mov $sym, r32 */
        if (v.i >= -SYM32_SLACK && v.i <= INT32_MAX / 2)
            enc_mov_sym32(a, r, x64_esym(x, v.sym), v.i);
        else            /* an addend that may not fit 32 bits */
            enc_movabs_sym(a, r, x64_esym(x, v.sym), v.i);
        break;
    default:
        die("x64_load: value kind %d", v.kind);
    }
}

/* The bits of a float constant at its type's size (4 or 8). */
static uint64_t flt_bits(Val v)
{
    uint64_t bits;
    if (v.type == T_F32) {
        float fl = (float)v.f;
        uint32_t b32;
        memcpy(&b32, &fl, 4);
        return b32;
    }
    memcpy(&bits, &v.f, 8);
    return bits;
}

Mem x64_fconst(X64Fn *x, Val v)
{
    int size = v.type == T_F32 ? 4 : 8;
    uint64_t bits = flt_bits(v);
    for (int i = 0; i < x->nfconsts; i++)
        if (x->fconsts[i].bits == bits && x->fconsts[i].size == size)
            return mem_label(x->fconsts[i].label);
    grow(&x->fconsts, &x->capfconsts, x->nfconsts + 1, sizeof *x->fconsts);
    x->fconsts[x->nfconsts] = (struct FConst){enc_label(&x->a), size, bits};
    return mem_label(x->fconsts[x->nfconsts++].label);
}

void x64_loadf(X64Fn *x, Val v, Xmm r)
{
    Asm *a = &x->a;
    if (v.kind == V_VREG) {
        Opnd o = x64_locop(x, v.vreg);
        int sz = x64_fsz(x->f->vregs[v.vreg].type);
        if (o.kind == OPND_XMM) {
            if (o.xmm != r)
                enc_sse(a, SSE_MOVAPS, r, o);
        } else if (o.kind == OPND_MEM) {
            enc_movsf(a, sz, opx(r), o);
        } else {
            enc_movdq(a, 8, opx(r), o);
        }
        return;
    }
    if (v.kind == V_FLT && flt_bits(v) == 0) {   /* +0.0: no load */
        enc_sse(a, SSE_XORPS, r, opx(r));
    } else if (v.kind == V_FLT) {                 /* from the function's pool */
        enc_movsf(a, v.type == T_F32 ? 4 : 8, opx(r), opm(x64_fconst(x, v)));
    } else {
        x64_load(x, v, RAX);   /* its bits through rax */
        enc_movdq(a, 8, opx(r), opr(RAX));
    }
}

void x64_store(X64Fn *x, int vreg, Reg r)
{
    if (vreg < 0)
        return;
    Opnd o = x64_locop(x, vreg);
    if (o.kind == OPND_XMM)
        enc_movdq(&x->a, 8, o, opr(r));
    else if (!(o.kind == OPND_REG && o.reg == r))
        enc_mov(&x->a, 8, o, opr(r));
}

void x64_storef(X64Fn *x, int vreg, Xmm r)
{
    if (vreg < 0)
        return;
    Opnd o = x64_locop(x, vreg);
    if (o.kind == OPND_XMM) {
        if (o.xmm != r)
            enc_sse(&x->a, SSE_MOVAPS, o.xmm, opx(r));
    } else if (o.kind == OPND_MEM) {
        enc_movsf(&x->a, x64_fsz(x->f->vregs[vreg].type), o, opx(r));
    } else {
        enc_movdq(&x->a, 8, o, opx(r));
    }
}

/* rdi = dst, rsi = src already; n bytes: rep movsb. */
void x64_copy_bytes(X64Fn *x, Mem dst, Reg src, int64_t n)
{
    Asm *a = &x->a;
    if (src != RSI)
        enc_mov(a, 8, opr(RSI), opr(src));
    enc_lea(a, 8, RDI, dst);
    enc_mov(a, 4, opr(RCX), opi(n));
    enc_rep_movsb(a);
}

/* n bytes (1..8) at m into r, zero-extended; odd sizes byte by byte
 * (never reads past the object).  Uses rax as a temporary for odd sizes. */
void x64_load_part(X64Fn *x, Reg r, Mem m, int n)
{
    Asm *a = &x->a;
    switch (n) {
    case 1: enc_movzx(a, 4, r, 1, opm(m)); return;
    case 2: enc_movzx(a, 4, r, 2, opm(m)); return;
    case 4: enc_mov(a, 4, opr(r), opm(m)); return;
    case 8: enc_mov(a, 8, opr(r), opm(m)); return;
    }
    enc_alu(a, ALU_XOR, 4, opr(r), opr(r));
    for (int i = n - 1; i >= 0; i--) {
        Mem b = m;
        b.disp += i;
        enc_shift(a, SH_SHL, 8, opr(r), opi(8));
        enc_movzx(a, 4, RAX, 1, opm(b));
        enc_alu(a, ALU_OR, 8, opr(r), opr(RAX));
    }
}
