/* rtlower.c: the concurrency opcodes, handed to the runtime.
 *
 * Needs: a verified Module.  Produces: the same Module without spawn,
 * await or yield: each becomes calls of the runtime's C ABI (gen/rt/rt.h,
 * sched.c, mem.c), plus one generated thunk function per spawn site.  The
 * result is plain IR, so it prints, verifies and compiles like the rest.
 * No function name is ever inspected: the opcode alone decides.
 *
 *   %h = spawn $f(T1 a1, ..., Tn an)
 * becomes
 *   %blk = call ptr $arc_alloc(i64 size)       arguments packed in 8-byte
 *   store T1 a1, %blk+0 ...                    slots (aggregates copied,
 *   %h = call ptr $arc_rt_spawn(ptr $f.spawnN, ptr %blk)   rounded up to 8)
 * and the thunk, run by the scheduler as long (*)(void *), unpacks them,
 * frees the block after the call and returns the result as an i64:
 *   func i64 $f.spawnN(ptr %blk)
 *       %a1 = load T1 %blk ...;  %r = call R $f(...);  call $arc_free(%blk)
 *       ret i64 <%r widened, floats as their bits, aggregates copied to a
 *               fresh arc_alloc block whose address is returned>
 * One pointer-sized (or smaller) scalar argument and a direct callee travel
 * in arc_rt_spawn's argument itself (no allocation); no argument passes 0.
 * A spawn whose result is not assigned (`spawn $f(...)`: its handle is
 * dropped, nothing can await it) calls arc_rt_spawn_detached instead, which
 * returns nothing and frees the task when it finishes; its thunk does not
 * keep an aggregate result.
 * An indirect callee (%fp) is stored in the block too; its result is taken
 * as the raw rax (ints and pointers only).
 *
 *   %x = await T %h   ->  %r = call i64 $arc_await(ptr %h); %x = <%r as T>
 *                          (an aggregate is copied into a frame slot and its
 *                          block freed)
 *   yield             ->  call void $arc_yield()
 */
#include "gen/ir.h"
#include "gen/util.h"

#include <stdio.h>
#include <string.h>

static int64_t round8(int64_t n) { return (n + 7) & ~7; }

static void need_decl(Module *m, const char *name, Type ret, int np, Type p0, Type p1)
{
    int s = ir_find_sym(m, name);
    if (s >= 0 && m->syms[s].kind != SYM_EXTERN)
        return;
    Func *d = ir_new_decl(m, name, ret, 0);
    if (np > 0)
        ir_add_param(m, d, p0, 0, NULL);
    if (np > 1)
        ir_add_param(m, d, p1, 0, NULL);
}

static Val call1(Module *m, Func *f, Block *b, Type ret, const char *fn, Val a0)
{
    int d = ret == T_VOID ? -1 : ir_new_vreg(m, f, ret, NULL);
    ir_emit_call(m, b, OP_CALL, ret, 0, d, ir_symval(m, fn, 0), 1, &a0);
    return d >= 0 ? ir_vreg(f, d) : (Val){0};
}

static Val conv(Module *m, Func *f, Block *b, Op op, Type t, Val v)
{
    int d = ir_new_vreg(m, f, t, NULL);
    ir_emit(m, b, op, t, d, 1, v);
    return ir_vreg(f, d);
}

static void memcpy_(Module *m, Block *b, Val dst, Val src, int64_t n)
{
    ir_emit(m, b, OP_INTRIN, T_VOID, -1, 4, ir_intrin(IN_MEMCPY), dst, src, ir_int(T_I64, n));
}

/* A scalar as an i64 (floats as their bits; narrow ints sign-extended). */
static Val to_i64(Module *m, Func *f, Block *b, Val v)
{
    if (v.kind == V_INT && v.type != T_I64) {   /* rtlower runs after the optimiser */
        int bits = 8 * type_size(v.type);
        return ir_int(T_I64, (int64_t)((uint64_t)v.i << (64 - bits)) >> (64 - bits));
    }
    switch (v.type) {
    case T_I64: return v;
    case T_PTR: return conv(m, f, b, OP_BITCAST, T_I64, v);
    case T_F64: return conv(m, f, b, OP_BITCAST, T_I64, v);
    case T_F32: return conv(m, f, b, OP_ZEXT, T_I64, conv(m, f, b, OP_BITCAST, T_I32, v));
    default: return conv(m, f, b, OP_SEXT, T_I64, v);
    }
}

/* The inverse: an i64 back to t, into vreg dst (-1: a new one). */
static Val from_i64(Module *m, Func *f, Block *b, Val v, Type t, int dst)
{
    Op op = OP_TRUNC;
    if (t == T_F32) {
        v = conv(m, f, b, OP_TRUNC, T_I32, v);
        op = OP_BITCAST;
    } else if (t == T_I64) {
        op = OP_COPY;
    } else if (t == T_PTR || t == T_F64) {
        op = OP_BITCAST;
    }
    if (dst < 0)
        dst = ir_new_vreg(m, f, t, NULL);
    ir_emit(m, b, op, t, dst, 1, v);
    return ir_vreg(f, dst);
}

static Func *make_thunk(Module *m, const Inst *in, int nth, int inline_arg, const int64_t *off,
                        int64_t cpoff)
{
    Val callee = in->args[0];
    int n = in->nargs - 1;
    const Val *args = in->args + 1;
    char name[256];
    snprintf(name, sizeof name, "%s.spawn%d",
             callee.kind == V_SYM ? m->syms[callee.sym].name : "indirect", nth);
    Func *t = ir_new_func(m, name, T_I64, 0);
    int blk = ir_add_param(m, t, T_PTR, 0, "blk");
    Block *b = ir_new_block(m, t, "entry");
    Val vb = ir_vreg(t, blk);
    Val av[n + 1];
    if (inline_arg) {
        av[0] = args[0].type == T_PTR ? vb
                                      : from_i64(m, t, b, conv(m, t, b, OP_BITCAST, T_I64, vb),
                                                 args[0].type, -1);
    } else {
        for (int i = 0; i < n; i++) {
            int p = ir_new_vreg(m, t, T_PTR, NULL);
            ir_emit(m, b, OP_PTRADD, T_VOID, p, 2, vb, ir_int(T_I64, off[i]));
            if (args[i].agg) {
                av[i] = ir_agg(ir_vreg(t, p), args[i].agg);
            } else {
                int v = ir_new_vreg(m, t, args[i].type, NULL);
                ir_emit(m, b, OP_LOAD, args[i].type, v, 1, ir_vreg(t, p));
                av[i] = ir_vreg(t, v);
            }
        }
    }
    Type ret = T_I64;
    int retagg = 0;
    Val fn = callee;
    if (callee.kind == V_SYM) {
        const Sym *s = &m->syms[callee.sym];
        if (s->kind == SYM_FUNCDEF || s->kind == SYM_DECL) {
            ret = m->funcs[s->index]->ret;
            retagg = m->funcs[s->index]->retagg;
        }
    } else {
        int p = ir_new_vreg(m, t, T_PTR, NULL);
        ir_emit(m, b, OP_PTRADD, T_VOID, p, 2, vb, ir_int(T_I64, cpoff));
        int v = ir_new_vreg(m, t, T_PTR, NULL);
        ir_emit(m, b, OP_LOAD, T_PTR, v, 1, ir_vreg(t, p));
        fn = ir_vreg(t, v);
    }
    int r = ret == T_VOID && !retagg ? -1 : ir_new_vreg(m, t, retagg ? T_PTR : ret, NULL);
    ir_emit_call(m, b, OP_CALL, ret, retagg, r, fn, n, av);
    if (!inline_arg && (n > 0 || callee.kind != V_SYM))
        call1(m, t, b, T_VOID, "arc_free", vb);
    Val res;
    if (r < 0) {
        res = ir_int(T_I64, 0);
    } else if (retagg && in->dst >= 0) {
        int64_t size = m->layouts[retagg].size;
        Val o = call1(m, t, b, T_PTR, "arc_alloc", ir_int(T_I64, size));
        memcpy_(m, b, o, ir_vreg(t, r), size);
        res = to_i64(m, t, b, o);
    } else if (retagg) {
        res = ir_int(T_I64, 0);            /* detached: nobody takes it */
    } else {
        res = to_i64(m, t, b, ir_vreg(t, r));
    }
    ir_emit(m, b, OP_RET, T_I64, -1, 1, res);
    return t;
}

static void rt_lower_spawn(Module *m, Func *f, Block *b, const Inst *in, int *nthunk)
{
    Val callee = in->args[0];
    int n = in->nargs - 1;
    const Val *args = in->args + 1;
    int64_t off[n + 1], size = 0, cpoff = -1;
    for (int i = 0; i < n; i++) {
        off[i] = size;
        size += args[i].agg ? round8(m->layouts[args[i].agg].size) : 8;
    }
    if (callee.kind != V_SYM) {
        cpoff = size;
        size += 8;
    }
    int inline_arg = callee.kind == V_SYM && n == 1 && !args[0].agg;
    Func *t = make_thunk(m, in, (*nthunk)++, inline_arg, off, cpoff);

    Val arg;
    if (inline_arg) {
        arg = args[0].type == T_PTR ? args[0] : conv(m, f, b, OP_BITCAST, T_PTR, to_i64(m, f, b, args[0]));
    } else if (size == 0) {
        arg = ir_int(T_PTR, 0);
    } else {
        arg = call1(m, f, b, T_PTR, "arc_alloc", ir_int(T_I64, size));
        for (int i = 0; i < n; i++) {
            int p = ir_new_vreg(m, f, T_PTR, NULL);
            ir_emit(m, b, OP_PTRADD, T_VOID, p, 2, arg, ir_int(T_I64, off[i]));
            if (args[i].agg) {
                Val src = args[i];
                src.agg = 0;
                memcpy_(m, b, ir_vreg(f, p), src, m->layouts[args[i].agg].size);
            } else {
                ir_emit(m, b, OP_STORE, args[i].type, -1, 2, args[i], ir_vreg(f, p));
            }
        }
        if (callee.kind != V_SYM) {
            int p = ir_new_vreg(m, f, T_PTR, NULL);
            ir_emit(m, b, OP_PTRADD, T_VOID, p, 2, arg, ir_int(T_I64, cpoff));
            ir_emit(m, b, OP_STORE, T_PTR, -1, 2, callee, ir_vreg(f, p));
        }
    }
    Val ca[2] = {ir_symval(m, m->syms[t->sym].name, 0), arg};
    if (in->dst < 0)
        ir_emit_call(m, b, OP_CALL, T_VOID, 0, -1, ir_symval(m, "arc_rt_spawn_detached", 0), 2, ca);
    else
        ir_emit_call(m, b, OP_CALL, T_PTR, 0, in->dst, ir_symval(m, "arc_rt_spawn", 0), 2, ca);
}

static void rt_lower_await(Module *m, Func *f, Block *b, const Inst *in)
{
    Val r = call1(m, f, b, T_I64, "arc_await", in->args[0]);
    if (in->dst < 0) {
        if (in->agg)   /* the result block is still ours to free */
            call1(m, f, b, T_VOID, "arc_free", conv(m, f, b, OP_BITCAST, T_PTR, r));
        return;
    }
    if (in->agg) {
        const Layout *l = &m->layouts[in->agg];
        Val p = conv(m, f, b, OP_BITCAST, T_PTR, r);
        int d = ir_new_vreg(m, f, T_PTR, NULL);
        ir_emit(m, b, OP_ALLOCA, T_VOID, d, 2, ir_int(T_I64, l->size), ir_int(T_I64, l->align));
        memcpy_(m, b, ir_vreg(f, d), p, l->size);
        call1(m, f, b, T_VOID, "arc_free", p);
        ir_emit(m, b, OP_COPY, T_PTR, in->dst, 1, ir_vreg(f, d));
        return;
    }
    from_i64(m, f, b, r, in->type, in->dst);
}

void rt_lower_module(Module *m)
{
    int nthunk = 0, any = 0;
    int nf = m->nfuncs;
    for (int i = 0; i < nf; i++)
        for (int j = 0; j < m->funcs[i]->nblocks; j++) {
            Block *b = m->funcs[i]->blocks[j];
            for (int k = 0; k < b->ninsts; k++) {
                Op op = b->insts[k].op;
                any |= op == OP_SPAWN || op == OP_AWAIT || op == OP_YIELD;
            }
        }
    if (!any)
        return;
    need_decl(m, "arc_rt_spawn", T_PTR, 2, T_PTR, T_PTR);
    need_decl(m, "arc_rt_spawn_detached", T_VOID, 2, T_PTR, T_PTR);
    need_decl(m, "arc_await", T_I64, 1, T_PTR, T_VOID);
    need_decl(m, "arc_yield", T_VOID, 0, T_VOID, T_VOID);
    need_decl(m, "arc_alloc", T_PTR, 1, T_I64, T_VOID);
    need_decl(m, "arc_free", T_VOID, 1, T_PTR, T_VOID);
    for (int i = 0; i < nf; i++) {
        Func *f = m->funcs[i];
        if (m->syms[f->sym].kind != SYM_FUNCDEF)
            continue;
        for (int j = 0; j < f->nblocks; j++) {
            Block *b = f->blocks[j];
            Inst *old = b->insts;
            int n = b->ninsts;
            b->insts = NULL;
            b->ninsts = b->capinsts = 0;
            for (int k = 0; k < n; k++) {
                const Inst *in = &old[k];
                switch (in->op) {
                case OP_SPAWN: rt_lower_spawn(m, f, b, in, &nthunk); break;
                case OP_AWAIT: rt_lower_await(m, f, b, in); break;
                case OP_YIELD: {
                    Val none[1] = {{0}};   /* ir_emit_call memcpys from it */
                    ir_emit_call(m, b, OP_CALL, T_VOID, 0, -1, ir_symval(m, "arc_yield", 0), 0, none);
                    break;
                }
                default:
                    ir_grow(m, &b->insts, &b->capinsts, b->ninsts + 1, sizeof(Inst));
                    b->insts[b->ninsts++] = *in;
                }
            }
        }
    }
}
