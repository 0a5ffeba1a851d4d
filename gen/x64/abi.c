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

/* --- parallel moves ------------------------------------------------------ */
/* One move of a parallel copy into register dst (a Reg, or an Xmm when
 * flt): from register src of the same class, or (src < 0) from v, a
 * constant, symbol or stack slot. */
typedef struct {
    int dst, src;
    Val v;
} Move;

static void move_one(X64Fn *x, int flt, int dst, int src, Val v)
{
    if (src < 0) {
        if (flt)
            x64_loadf(x, v, dst);
        else
            x64_load(x, v, (Reg)dst);
    } else if (src != dst) {
        if (flt)
            enc_sse(&x->a, SSE_MOVAPS, dst, opx(src));
        else
            enc_mov(&x->a, 8, opr((Reg)dst), opr((Reg)src));
    }
}

/* The n moves as if all sources were read first (the destinations are
 * distinct).  A move goes as soon as no pending move reads its
 * destination; when every pending move is blocked they form cycles, and
 * one destination is saved to the scratch register (rax / xmm14) first.
 * A cycle left half done always has a move ready, so the scratch register
 * is free again whenever the next cycle needs it.  Constants of floats go
 * through rax: float moves run before integer ones. */
static void parallel_move(X64Fn *x, Move *mv, int n, int flt)
{
    int tmp = flt ? XS0 : RAX;
    for (int i = 0; i < n;)
        if (mv[i].src == mv[i].dst)
            mv[i] = mv[--n];
        else
            i++;
    while (n > 0) {
        int i, k = 0;
        for (i = 0; i < n; i++) {
            for (k = 0; k < n && mv[k].src != mv[i].dst; k++)
                ;
            if (k == n)
                break;
        }
        if (i == n) {
            int d = mv[0].dst;
            move_one(x, flt, tmp, d, (Val){0});
            for (k = 0; k < n; k++)
                if (mv[k].src == d)
                    mv[k].src = tmp;
            continue;
        }
        move_one(x, flt, mv[i].dst, mv[i].src, mv[i].v);
        mv[i] = mv[--n];
    }
}

/* A move from value v: a vreg in a register of the class moves from it. */
static Move move_from(const X64Fn *x, int dst, Val v, int flt)
{
    Move mv = {dst, -1, v};
    if (v.kind == V_VREG && x->loc[v.vreg].kind == (flt ? LOC_XMM : LOC_REG))
        mv.src = x->loc[v.vreg].r;
    return mv;
}

/* --- entry ---------------------------------------------------------------- */
/* Classify the parameters; returns the integer registers taken first (the
 * hidden result pointer). */
static int classify_params(const X64Fn *x, ArgLoc *al, int *gp, int *sse, int *stack)
{
    const Func *f = x->f;
    *gp = *sse = *stack = 0;
    int hidden = 0;
    if (f->retagg) {
        AggClass c[2];
        hidden = !ir_classify(x->m, f->retagg, c);
    }
    *gp = hidden;
    for (int p = 0; p < f->nparams; p++)
        al[p] = classify(x->m, f->params[p].type, f->params[p].agg, gp, sse, stack);
    return hidden;
}

void x64_param_regs(const X64Fn *x, int *regs)
{
    const Func *f = x->f;
    ArgLoc al[f->nparams + 1];
    int gp, sse, stack;
    classify_params(x, al, &gp, &sse, &stack);
    for (int p = 0; p < f->nparams; p++) {
        regs[p] = -1;
        if (!f->params[p].agg && al[p].inreg)
            regs[p] = al[p].cls[0] == AC_SSE ? al[p].reg[0] : (int)gpreg[al[p].reg[0]];
    }
}

/* Everything that reads an argument register is done before any
 * parameter's register is written:
 *   1. stores from argument registers: the hidden result pointer, by-value
 *      aggregates passed in registers, the variadic save area, scalars
 *      whose vreg lives in a slot;
 *   2. the register-to-register parameters, as parallel moves;
 *   3. the rest (stack arguments, aggregate addresses) through rax/xmm14. */
void x64_params(X64Fn *x)
{
    Func *f = x->f;
    Asm *a = &x->a;
    ArgLoc al[f->nparams + 1];
    int gp, sse, stack;
    if (classify_params(x, al, &gp, &sse, &stack))
        enc_mov(a, 8, opm(mem_b(RBP, x->retslot)), opr(RDI));
    Move im[6], fm[8];
    int ni = 0, nf = 0;
    for (int p = 0; p < f->nparams; p++) {
        Param *pa = &f->params[p];
        int v = pa->vreg;
        if (!al[p].inreg)
            continue;
        if (pa->agg) {
            int s = x->pslot[p];
            for (int i = 0; i < al[p].n; i++) {
                Mem m = mem_b(RBP, s + 8 * i);
                if (al[p].cls[i] == AC_SSE)
                    enc_movsf(a, 8, opm(m), opx(al[p].reg[i]));
                else
                    enc_mov(a, 8, opm(m), opr(gpreg[al[p].reg[i]]));
            }
            continue;
        }
        if (v < 0)
            continue;
        int flt = type_is_flt(pa->type);
        Loc l = x->loc[v];
        if (flt && l.kind == LOC_XMM)
            fm[nf++] = (Move){l.r, al[p].reg[0], {0}};
        else if (!flt && l.kind == LOC_REG)
            im[ni++] = (Move){l.r, gpreg[al[p].reg[0]], {0}};
        else if (flt)
            x64_storef(x, v, al[p].reg[0]);
        else
            x64_store(x, v, gpreg[al[p].reg[0]]);
    }
    if (f->variadic) {
        /* register save area: rdi..r9 at 0..40, xmm0..7 at 48..160 */
        for (int i = 0; i < 6; i++)
            enc_mov(a, 8, opm(mem_b(RBP, x->rsa + 8 * i)), opr(gpreg[i]));
        for (int i = 0; i < 8; i++)
            enc_movsf(a, 8, opm(mem_b(RBP, x->rsa + 48 + 16 * i)), opx(i));
    }
    parallel_move(x, fm, nf, 1);
    parallel_move(x, im, ni, 0);
    for (int p = 0; p < f->nparams; p++) {
        Param *pa = &f->params[p];
        int v = pa->vreg;
        if (pa->agg) {
            enc_lea(a, 8, RAX, al[p].inreg ? mem_b(RBP, x->pslot[p])
                                           : mem_b(RBP, 16 + al[p].stackoff));
            x64_store(x, v, RAX);
        } else if (!al[p].inreg && type_is_flt(pa->type)) {
            enc_movsf(a, type_size(pa->type), opx(XS0), opm(mem_b(RBP, 16 + al[p].stackoff)));
            x64_storef(x, v, XS0);
        } else if (!al[p].inreg) {
            enc_mov(a, 8, opr(RAX), opm(mem_b(RBP, 16 + al[p].stackoff)));
            x64_store(x, v, RAX);
        }
    }
    x->va_gp = gp;
    x->va_fp = sse;
    x->va_stack = stack;
}

/* --- calls ---------------------------------------------------------------- */
/* The outgoing stack-argument area of call `in` (what x64_call subtracts
 * from rsp), for the prologue's stack check (emit.c). */
int x64_call_area(const Module *m, const Inst *in)
{
    int gp = 0, sse = 0, stack = 0;
    AggClass rc[2];
    if (in->agg && !ir_classify(m, in->agg, rc))
        gp = 1;
    for (int i = 1; i < in->nargs; i++)
        if (in->args[i].kind != V_VARARG)
            classify(m, in->args[i].type, in->args[i].agg, &gp, &sse, &stack);
    return (stack + 15) & ~15;
}

/* Bytes of the function's named stack parameters (above its return
 * address). */
int x64_param_area(const X64Fn *x)
{
    ArgLoc al[x->f->nparams + 1];
    int gp, sse, stack;
    classify_params(x, al, &gp, &sse, &stack);
    return stack;
}

int x64_call_regs(const Module *m, const Inst *in, int *regs)
{
    if (in->agg)
        return 0;
    int gp = 0, sse = 0, stack = 0;
    regs[0] = -1;
    for (int i = 1; i < in->nargs; i++) {
        const Val *v = &in->args[i];
        regs[i] = -1;
        if (v->kind == V_VARARG)
            continue;
        if (v->agg)
            return 0;
        ArgLoc al = classify(m, v->type, 0, &gp, &sse, &stack);
        if (al.inreg)
            regs[i] = al.cls[0] == AC_SSE ? al.reg[0] : (int)gpreg[al.reg[0]];
    }
    return 1;
}

/* Stack arguments first (through rax, xmm14, or rsi rdi rcx for
 * aggregates), then the register arguments.  Without aggregates those are
 * parallel moves, floats first, the indirect callee joining the integers
 * as a move to r11: a source may sit in any allocatable register,
 * argument registers included.  With aggregates (or an aggregate result)
 * the allocator keeps every operand out of the caller-saved registers and
 * the moves go in order. */
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
    int indirect = !(in->args[0].kind == V_SYM && in->args[0].i == 0);
    int regs[in->nargs + 1];
    if (x64_call_regs(m, in, regs)) {
        Move im[7], fm[8];
        int ni = 0, nf = 0;
        for (int i = 1; i < in->nargs; i++) {
            if (regs[i] < 0)
                continue;
            int flt = type_is_flt(in->args[i].type);
            if (flt)
                fm[nf++] = move_from(x, regs[i], in->args[i], 1);
            else
                im[ni++] = move_from(x, regs[i], in->args[i], 0);
        }
        if (indirect)
            im[ni++] = move_from(x, R11, in->args[0], 0);
        parallel_move(x, fm, nf, 1);
        parallel_move(x, im, ni, 0);
    } else {
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
        if (indirect)
            x64_load(x, in->args[0], R11);
    }
    int rslot = in->agg ? x->slot[x->curinst] : 0;
    if (memret)
        enc_lea(a, 8, RDI, mem_b(RBP, rslot));
    if (variadic)
        enc_mov(a, 4, opr(RAX), opi(sse));
    AsmMark at;
    do {
        at = enc_mark(a);
        if (indirect)
            enc_call_ind(a, opr(R11));
        else
            enc_call_sym(a, x64_esym(x, in->args[0].sym));
    } while (enc_unsplit(a, at, at.len));
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
        x64_result_rax(x, in);
    }
}

/* --- return --------------------------------------------------------------- */
static void x64_epilogue(X64Fn *x)
{
    Asm *a = &x->a;
    /* Outside a call cycle (where a return is as hot as the call), a
     * return jumps to the function's first epilogue when that is longer
     * than a jump could be (rel32: 5 bytes).  The choice depends only on
     * the frame, so every emission pass of emit_relaxed makes the same one
     * and numbers the same jumps. */
    int len = 2 + (x->dynamic || x->frame > 16 ? 4 : x->frame / 8);
    for (int r = 0; r < 16; r++)
        len += (x->usedsaved >> r & 1) ? 1 + (r >= 8) : 0;
    if (!x->cyclic && len > 5) {
        if (x->epilogue >= 0) {
            AsmMark m;
            do {
                m = enc_mark(a);
                enc_jmp(a, x->epilogue);
            } while (enc_unsplit(a, m, m.len));
            return;
        }
        x->epilogue = enc_label(a);
        enc_bind(a, x->epilogue);
    }
    /* Without a dynamic alloca, rsp is rbp - 8 * nsaved - frame here:
     * every call's stack area is popped right after it (x64_call), and
     * nothing else moves rsp.  So the frame goes by its size, which does
     * not wait for rbp's reload as rbp - 8 * nsaved would. */
    if (x->dynamic) {
        if (x->nsaved)
            enc_lea(a, 8, RSP, mem_b(RBP, -8 * x->nsaved));
        else
            enc_mov(a, 8, opr(RSP), opr(RBP));
    } else if (x->frame <= 16) {
        for (int k = 0; k < x->frame; k += 8)
            enc_pop(a, opr(RCX));   /* the prologue's pushes: 1 byte each */
    } else {
        enc_alu(a, ALU_ADD, 8, opr(RSP), opi(x->frame));
    }
    for (int r = 15; r >= 0; r--)
        if (x->usedsaved >> r & 1)
            enc_pop(a, opr((Reg)r));
    enc_pop(a, opr(RBP));
    if (a->chunked && enc_pos(a) % 32 == 31)
        enc_nop(a);     /* enc_unsplit: a ret ending on a 32-byte boundary */
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
