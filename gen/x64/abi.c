/* abi.c: the System V x86-64 calling convention.
 *
 * Needs: locations (ralloc.c), frame slots (emit.c).  Produces: the
 * parameter moves at entry, call sequences, return sequences and the
 * variadic expansions (va_start, va_arg).
 *
 * The rules (AMD64 psABI 3.2.3), as applied here:
 *   - integers and pointers: rdi rsi rdx rcx r8 r9, then the stack;
 *     f32/f64: xmm0..xmm7, then the stack; stack slots are 8 bytes, in
 *     argument order, starting at rsp at the call (rbp+16 in the callee);
 *   - an aggregate of at most 16 bytes is split in eightbytes classified
 *     INTEGER or SSE (ir_classify); it goes in registers only if all its
 *     eightbytes fit in the registers left, else it is copied whole to the
 *     stack (rounded up to 8 bytes), as is every larger aggregate (MEMORY);
 *   - an aggregate result of class MEMORY: the caller passes the address of
 *     the result buffer in rdi (first integer register) and the callee
 *     returns it in rax; otherwise rax/rdx and xmm0/xmm1 by eightbyte;
 *   - variadic calls put the number of vector registers used in %al;
 *   - rsp is 16-aligned at every call: the body keeps rsp aligned, and a
 *     call's stack area is rounded up to 16.
 */
#include "gen/x64/x64.h"

static const Reg gpreg[6] = {RDI, RSI, RDX, RCX, R8, R9};

typedef struct {
    int inreg;
    int n;               /* eightbytes in registers */
    AggClass cls[2];
    int reg[2];          /* gp index or sse index per eightbyte */
    int64_t size;        /* aggregate size (0: scalar) */
    int stackoff;        /* when !inreg */
} ArgLoc;

static int64_t round8(int64_t n) { return (n + 7) & ~7; }

/* Classify one argument, consuming registers or stack space. */
static ArgLoc classify(const Module *m, Type t, int agg, int *gp, int *sse, int *stack)
{
    ArgLoc al = {0};
    if (!agg) {
        al.n = 1;
        al.cls[0] = type_is_flt(t) ? AC_SSE : AC_INT;
    } else {
        al.size = m->layouts[agg].size;
        al.n = ir_classify(m, agg, al.cls);
    }
    int ngp = 0, nsse = 0;
    for (int i = 0; i < al.n; i++) {
        if (al.cls[i] == AC_SSE)
            nsse++;
        else
            ngp++;
    }
    if (al.n > 0 && *gp + ngp <= 6 && *sse + nsse <= 8) {
        al.inreg = 1;
        for (int i = 0; i < al.n; i++)
            al.reg[i] = al.cls[i] == AC_SSE ? (*sse)++ : (*gp)++;
    } else {
        al.stackoff = *stack;
        *stack += (int)(agg ? round8(al.size) : 8);
    }
    return al;
}

/* Bytes of eightbyte i of an aggregate of size n. */
static int part(int64_t size, int i)
{
    int64_t r = size - 8 * i;
    return r >= 8 ? 8 : (int)r;
}

/* --- entry ---------------------------------------------------------------- */
void x64_params(X64Fn *x)
{
    Func *f = x->f;
    Asm *a = &x->a;
    int gp = 0, sse = 0, stack = 0;
    if (f->retagg) {
        AggClass c[2];
        if (!ir_classify(x->m, f->retagg, c)) {
            enc_mov(a, 8, opm(mem_b(RBP, x->retslot)), opr(RDI));
            gp = 1;
        }
    }
    for (int p = 0; p < f->nparams; p++) {
        Param *pa = &f->params[p];
        ArgLoc al = classify(x->m, pa->type, pa->agg, &gp, &sse, &stack);
        int v = pa->vreg;
        if (pa->agg) {
            if (al.inreg) {
                int s = x->pslot[p];
                for (int i = 0; i < al.n; i++) {
                    Mem m = mem_b(RBP, s + 8 * i);
                    if (al.cls[i] == AC_SSE)
                        enc_movsf(a, 8, opm(m), opx(al.reg[i]));
                    else
                        enc_mov(a, 8, opm(m), opr(gpreg[al.reg[i]]));
                }
                enc_lea(a, 8, RAX, mem_b(RBP, s));
            } else {
                enc_lea(a, 8, RAX, mem_b(RBP, 16 + al.stackoff));
            }
            x64_store(x, v, RAX);
        } else if (type_is_flt(pa->type)) {
            if (al.inreg) {
                x64_storef(x, v, al.reg[0]);
            } else {
                enc_movsf(a, type_size(pa->type), opx(XS0), opm(mem_b(RBP, 16 + al.stackoff)));
                x64_storef(x, v, XS0);
            }
        } else {
            if (al.inreg) {
                x64_store(x, v, gpreg[al.reg[0]]);
            } else {
                enc_mov(a, 8, opr(RAX), opm(mem_b(RBP, 16 + al.stackoff)));
                x64_store(x, v, RAX);
            }
        }
    }
    x->va_gp = gp;
    x->va_fp = sse;
    x->va_stack = stack;
    if (f->variadic) {
        /* register save area: rdi..r9 at 0..40, xmm0..7 at 48..160 */
        for (int i = 0; i < 6; i++)
            enc_mov(a, 8, opm(mem_b(RBP, x->rsa + 8 * i)), opr(gpreg[i]));
        for (int i = 0; i < 8; i++)
            enc_movsf(a, 8, opm(mem_b(RBP, x->rsa + 48 + 16 * i)), opx(i));
    }
}

/* --- calls ---------------------------------------------------------------- */
void x64_call(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    const Module *m = x->m;
    int nargs = in->nargs - 1;
    const Val *args = in->args + 1;
    ArgLoc al[nargs + 1];
    int gp = 0, sse = 0, stack = 0, variadic = 0;
    int memret = 0;
    AggClass rc[2] = {AC_NONE, AC_NONE};
    int rn = 0;
    if (in->agg) {
        rn = ir_classify(m, in->agg, rc);
        if (!rn) {
            memret = 1;
            gp = 1;
        }
    }
    for (int i = 0; i < nargs; i++) {
        if (args[i].kind == V_VARARG) {
            variadic = 1;
            continue;
        }
        al[i] = classify(m, args[i].type, args[i].agg, &gp, &sse, &stack);
    }
    int area = (stack + 15) & ~15;
    if (area)
        enc_alu(a, ALU_SUB, 8, opr(RSP), opi(area));

    /* stack arguments first: they may use rsi rdi rcx */
    for (int i = 0; i < nargs; i++) {
        if (args[i].kind == V_VARARG || al[i].inreg)
            continue;
        Mem dst = mem_b(RSP, al[i].stackoff);
        if (args[i].agg) {
            x64_load(x, args[i], RSI);
            x64_copy_bytes(x, dst, RSI, al[i].size);
        } else if (type_is_flt(args[i].type)) {
            x64_loadf(x, args[i], XS0);
            enc_movsf(a, 8, opm(dst), opx(XS0));
        } else {
            x64_load(x, args[i], RAX);
            enc_mov(a, 8, opm(dst), opr(RAX));
        }
    }
    /* register arguments: sources are never argument registers */
    for (int i = 0; i < nargs; i++) {
        if (args[i].kind == V_VARARG || !al[i].inreg)
            continue;
        if (args[i].agg) {
            x64_load(x, args[i], R11);
            for (int k = 0; k < al[i].n; k++) {
                Mem src = mem_b(R11, 8 * k);
                int n = part(al[i].size, k);
                if (al[i].cls[k] == AC_SSE)
                    enc_movsf(a, n == 4 ? 4 : 8, opx(al[i].reg[k]), opm(src));
                else
                    x64_load_part(x, gpreg[al[i].reg[k]], src, n);
            }
        } else if (type_is_flt(args[i].type)) {
            x64_loadf(x, args[i], al[i].reg[0]);
        } else {
            x64_load(x, args[i], gpreg[al[i].reg[0]]);
        }
    }
    int rslot = in->agg ? x->slot[x->curinst] : 0;
    if (memret)
        enc_lea(a, 8, RDI, mem_b(RBP, rslot));
    if (variadic)
        enc_mov(a, 4, opr(RAX), opi(sse));
    if (in->args[0].kind == V_SYM && in->args[0].i == 0) {
        enc_call_sym(a, x64_esym(x, in->args[0].sym));
    } else {
        x64_load(x, in->args[0], R11);
        enc_call_ind(a, opr(R11));
    }
    if (area)
        enc_alu(a, ALU_ADD, 8, opr(RSP), opi(area));

    if (in->dst < 0)
        return;
    if (in->agg) {
        if (!memret) {
            int ngp = 0, nsse = 0;
            static const Reg rets[2] = {RAX, RDX};
            for (int k = 0; k < rn; k++) {
                Mem d = mem_b(RBP, rslot + 8 * k);
                if (rc[k] == AC_SSE)
                    enc_movsf(a, 8, opm(d), opx(nsse++));
                else
                    enc_mov(a, 8, opm(d), opr(rets[ngp++]));
            }
        }
        enc_lea(a, 8, RAX, mem_b(RBP, rslot));
        x64_store(x, in->dst, RAX);
    } else if (type_is_flt(in->type)) {
        x64_storef(x, in->dst, 0);
    } else {
        x64_store(x, in->dst, RAX);
    }
}

/* --- return --------------------------------------------------------------- */
void x64_epilogue(X64Fn *x)
{
    Asm *a = &x->a;
    if (x->nsaved)
        enc_lea(a, 8, RSP, mem_b(RBP, -8 * x->nsaved));
    else
        enc_mov(a, 8, opr(RSP), opr(RBP));
    for (int r = 15; r >= 0; r--)
        if (x->usedsaved >> r & 1)
            enc_pop(a, opr((Reg)r));
    enc_pop(a, opr(RBP));
    enc_ret(a);
}

void x64_ret(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    Func *f = x->f;
    if (in->nargs > 0) {
        Val v = in->args[0];
        if (f->retagg) {
            AggClass c[2];
            int n = ir_classify(x->m, f->retagg, c);
            int64_t size = x->m->layouts[f->retagg].size;
            if (!n) {
                x64_load(x, v, RSI);
                enc_mov(a, 8, opr(RDX), opm(mem_b(RBP, x->retslot)));
                x64_copy_bytes(x, mem_b(RDX, 0), RSI, size);
                enc_mov(a, 8, opr(RAX), opm(mem_b(RBP, x->retslot)));
            } else {
                static const Reg rets[2] = {RAX, RDX};
                int ngp = 0, nsse = 0;
                x64_load(x, v, R11);
                for (int k = 0; k < n; k++) {
                    Mem src = mem_b(R11, 8 * k);
                    int sz = part(size, k);
                    if (c[k] == AC_SSE)
                        enc_movsf(a, sz == 4 ? 4 : 8, opx(nsse++), opm(src));
                    else
                        x64_load_part(x, rets[ngp++], src, sz);
                }
            }
        } else if (type_is_flt(f->ret)) {
            x64_loadf(x, v, 0);
        } else {
            x64_load(x, v, RAX);
        }
    }
    x64_epilogue(x);
}

/* --- variadics ------------------------------------------------------------ */
/* va_list (24 bytes): gp_offset u32 @0, fp_offset u32 @4,
 * overflow_arg_area @8, reg_save_area @16. */
void x64_va_start(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    x64_load(x, in->args[1], RAX);
    enc_mov(a, 4, opm(mem_b(RAX, 0)), opi(8 * x->va_gp));
    enc_mov(a, 4, opm(mem_b(RAX, 4)), opi(48 + 16 * x->va_fp));
    enc_lea(a, 8, RCX, mem_b(RBP, 16 + x->va_stack));
    enc_mov(a, 8, opm(mem_b(RAX, 8)), opr(RCX));
    enc_lea(a, 8, RCX, mem_b(RBP, x->rsa));
    enc_mov(a, 8, opm(mem_b(RAX, 16)), opr(RCX));
}

/*   rax = ap; ecx = offset field; if ecx < limit: rdx = rsa + rcx, field += step
 *   else: rdx = overflow, overflow += 8;  then the value at [rdx] */
void x64_va_arg(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    int flt = type_is_flt(in->type);
    int field = flt ? 4 : 0, limit = flt ? 176 : 48, step = flt ? 16 : 8;
    int stk = enc_label(a), got = enc_label(a);
    x64_load(x, in->args[1], RAX);
    enc_mov(a, 4, opr(RCX), opm(mem_b(RAX, field)));
    enc_alu(a, ALU_CMP, 4, opr(RCX), opi(limit));
    enc_jcc(a, CC_AE, stk);
    enc_mov(a, 8, opr(RDX), opm(mem_b(RAX, 16)));
    enc_alu(a, ALU_ADD, 8, opr(RDX), opr(RCX));
    enc_alu(a, ALU_ADD, 4, opr(RCX), opi(step));
    enc_mov(a, 4, opm(mem_b(RAX, field)), opr(RCX));
    enc_jmp(a, got);
    enc_bind(a, stk);
    enc_mov(a, 8, opr(RDX), opm(mem_b(RAX, 8)));
    enc_lea(a, 8, RCX, mem_b(RDX, 8));
    enc_mov(a, 8, opm(mem_b(RAX, 8)), opr(RCX));
    enc_bind(a, got);
    if (flt) {
        enc_movsf(a, type_size(in->type), opx(XS0), opm(mem_b(RDX, 0)));
        x64_storef(x, in->dst, XS0);
    } else {
        enc_mov(a, 8, opr(RAX), opm(mem_b(RDX, 0)));
        x64_store(x, in->dst, RAX);
    }
}
