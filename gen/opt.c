/* opt.c: the IR optimiser: inlining small functions, removing bounds
 * checks already made, cold blocks last.
 *
 * Needs: ir.h.  Produces: opt_inline(m), opt_checks(m) and opt_layout(m),
 * run in that order by build.c on Arc sources between the front end and
 * rt_lower_module, each followed by ir_verify.
 *
 * Inlining.  A call whose callee is defined in the module and is small
 * (at most INLINE_MAX instructions), not variadic, passes and returns no
 * aggregate by value, and holds nothing that can fault or call (no load
 * or store through a pointer, call, alloca, intrinsic, or division by a
 * variable: arithmetic, comparisons, conversions, branches and globals,
 * as spectral-norm's a(i, j) and fasta's rnd()) is replaced by a copy of
 * the callee's body:
 *
 *     b:     ... %r = call $f(a, b) ; rest          b:    ... copy %p0' = a
 *                                                          copy %p1' = b
 *                                           ==>            jmp @f.entry'
 *                                                   f's blocks, each vreg a fresh one,
 *                                                   `ret v` -> copy %r = v; jmp @cont
 *                                                   cont:  rest
 *
 * The vregs are not SSA (ir.h), so the parameters and the result are
 * plain copies, and the copied blocks sit right after the call's block.
 * The crash reporter loses nothing: an inlined body has no frame of its
 * own, but it cannot fault, so every report still names the function
 * where the fault happened, and it calls nothing, so backtraces are
 * whole.  Nor can inlining recurse.  Stack checks are unchanged: the
 * caller's frame grows by the callee's vregs and its check covers them.
 *
 * IR programs (.ir) are not optimised: they are the code generator's
 * tests, written call by call and check by check on purpose (calling
 * conventions, spills). */
#include <stdio.h>
#include <string.h>

#include "gen/ir.h"
#include "gen/opt.h"

enum { INLINE_MAX = 40 };

static int ninsts(const Func *f)
{
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        n += f->blocks[b]->ninsts;
    return n;
}

/* The definition a call instruction calls directly, or NULL. */
static Func *direct_callee(const Module *m, const Inst *in)
{
    if (in->op != OP_CALL || in->args[0].kind != V_SYM || in->args[0].i != 0)
        return NULL;
    const Sym *s = &m->syms[in->args[0].sym];
    return s->kind == SYM_FUNCDEF ? m->funcs[s->index] : NULL;
}

/* Can instruction in fault (and so be named in a crash report)?  Loads
 * and stores through a pointer, calls and intrinsics may (a global's own
 * address cannot fault); so may an integer division unless its divisor
 * is a constant other than 0 and -1 (INT_MIN / -1 traps). */
static int may_fault(const Inst *in)
{
    switch (in->op) {
    case OP_SDIV: case OP_UDIV: case OP_SREM: case OP_UREM:
        return in->args[1].kind != V_INT || in->args[1].i == 0 || in->args[1].i == -1;
    case OP_LOAD: case OP_LOADS8: case OP_LOADU8: case OP_LOADS16: case OP_LOADU16:
    case OP_LOADS32: case OP_LOADU32:
        return in->args[0].kind != V_SYM;
    case OP_STORE:
        return in->args[1].kind != V_SYM;
    case OP_INTRIN:
        return 1;
    default:
        return (op_info[in->op].flags & F_CALL) || in->op == OP_ALLOCA;
    }
}

/* May f be inlined?  Small, not variadic, no aggregate by value, and
 * nothing in it can fault or call: a crash report then always names
 * the function where the fault happened (an inlined body has no frame of
 * its own), and no inlining can recurse. */
static int inlinable(const Func *f)
{
    if (f->variadic || f->retagg || ninsts(f) > INLINE_MAX)
        return 0;
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i].agg)
            return 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (may_fault(in))
                return 0;
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].agg)
                    return 0;
        }
    return 1;
}

/* Inline the call at f->blocks[bi]->insts[k] to g.  Returns the block
 * where scanning goes on (the continuation). */
static int inline_call(Module *m, Func *f, int bi, int k, const Func *g, int seq)
{
    char name[64];
    int nb0 = f->nblocks;
    Inst call = f->blocks[bi]->insts[k];
    /* fresh vregs for all of g's */
    int *vmap = ir_alloc(m, ((size_t)g->nvregs + 1) * sizeof *vmap);
    for (int v = 0; v < g->nvregs; v++)
        vmap[v] = ir_new_vreg(m, f, g->vregs[v].type, NULL);
    /* the blocks: g's copies, then the continuation */
    int *bmap = ir_alloc(m, ((size_t)g->nblocks + 1) * sizeof *bmap);
    for (int b = 0; b < g->nblocks; b++) {
        snprintf(name, sizeof name, "inl%d.%s", seq, g->blocks[b]->name);
        bmap[b] = ir_new_block(m, f, name)->id;
    }
    snprintf(name, sizeof name, "inl%d.cont", seq);
    Block *cont = ir_new_block(m, f, name);
    /* the rest of the call's block moves to the continuation */
    Block *cb = f->blocks[bi];
    for (int i = k + 1; i < cb->ninsts; i++) {
        Inst *in = &cb->insts[i];
        ir_emitv(m, cont, in->op, in->type, in->dst, in->nargs, in->args)->agg = in->agg;
        cont->insts[cont->ninsts - 1].line = in->line;
        cont->insts[cont->ninsts - 1].col = in->col;
    }
    cb->ninsts = k;
    /* the arguments into the parameters' copies */
    for (int p = 0; p < g->nparams; p++) {
        int pv = vmap[g->params[p].vreg];
        ir_emit(m, cb, OP_COPY, g->vregs[g->params[p].vreg].type, pv, 1, call.args[1 + p]);
    }
    ir_emit(m, cb, OP_JMP, T_VOID, -1, 1, ir_blk(f, f->blocks[bmap[0]]));
    /* g's body, renamed; ret -> copy to the result, jmp cont */
    for (int b = 0; b < g->nblocks; b++) {
        Block *to = f->blocks[bmap[b]];
        const Block *from = g->blocks[b];
        for (int i = 0; i < from->ninsts; i++) {
            const Inst *in = &from->insts[i];
            if (in->op == OP_RET) {
                if (call.dst >= 0 && in->nargs > 0 && in->args[0].kind != V_NONE) {
                    Val v = in->args[0];
                    if (v.kind == V_VREG)
                        v.vreg = vmap[v.vreg];
                    ir_emit(m, to, OP_COPY, f->vregs[call.dst].type, call.dst, 1, v);
                }
                ir_emit(m, to, OP_JMP, T_VOID, -1, 1, ir_blk(f, cont));
                continue;
            }
            Val *args = ir_alloc(m, ((size_t)in->nargs + 1) * sizeof *args);
            for (int a = 0; a < in->nargs; a++) {
                args[a] = in->args[a];
                if (args[a].kind == V_VREG)
                    args[a].vreg = vmap[args[a].vreg];
                else if (args[a].kind == V_BLOCK)
                    args[a].blk = bmap[args[a].blk];
            }
            int dst = in->dst >= 0 ? vmap[in->dst] : -1;
            Inst *out = ir_emitv(m, to, in->op, in->type, dst, in->nargs, args);
            out->agg = in->agg;
            out->line = in->line;
            out->col = in->col;
        }
    }
    /* place the new blocks right after the call's block */
    int n = f->nblocks;
    int *order = ir_alloc(m, (size_t)n * sizeof *order);
    int j = 0;
    for (int b = 0; b <= bi; b++)
        order[j++] = b;
    for (int b = nb0; b < n; b++)
        order[j++] = b;
    for (int b = bi + 1; b < nb0; b++)
        order[j++] = b;
    ir_reorder_blocks(m, f, order);
    return cont->id;
}

void opt_inline(Module *m)
{
    char *cand = ir_alloc(m, (size_t)m->nfuncs + 1);
    for (int k = 0; k < m->nfuncs; k++)
        cand[k] = (char)inlinable(m->funcs[k]);
    int seq = 0;
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        for (int b = 0; b < f->nblocks; b++)
            for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                const Inst *in = &f->blocks[b]->insts[i];
                Func *g = direct_callee(m, in);
                if (!g || g == f || !cand[m->syms[g->sym].index])
                    continue;
                b = inline_call(m, f, b, i, g, seq++);
                i = -1;
            }
    }
}

/* Cold blocks last.  A block that ends in unreachable (a failed bounds
 * check's call to arc_rt_index_fail, a runtime error) moves to the end of
 * its function, in order, so the hot path falls through its checks
 * instead of jumping over the cold code, and the cold code leaves the
 * loops' instruction cache lines and live ranges. */
void opt_layout(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int *order = ir_alloc(m, ((size_t)f->nblocks + 1) * sizeof *order);
        int j = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int b = 0; b < f->nblocks; b++) {
                const Block *bl = f->blocks[b];
                int cold = b > 0 && bl->ninsts > 0 && bl->insts[bl->ninsts - 1].op == OP_UNREACHABLE;
                if (cold == pass)
                    order[j++] = b;
            }
        ir_reorder_blocks(m, f, order);
    }
}

/* Bounds checks already done.  The front end checks every a[i] with
 *
 *     %s = sext i64 i32 %i    (absent for an i64 index: %s is %i)
 *     %t = ult i64 %s, N
 *     br i8 %t, @inrange, @outofrange      (cold: ends in unreachable)
 *
 * Along a chain of blocks from @inrange, each entered only from the one
 * before (straight-line code: a loop body's accesses), %i < N holds until
 * something assigns %i; a later check of %i against N' >= N is then
 * always true, and its branch becomes a jmp to its @inrange.  n-body's
 * inner loop checks i and j eighteen times an iteration; two remain. */
enum { MAX_FACTS = 32 };

/* The check b ends with: its index vreg, bound and in-range block; 0 if
 * b does not end with one. */
static int check_of(const Func *f, const Block *b, int *v, int64_t *n, int *in)
{
    int k = b->ninsts;
    if (k < 2)
        return 0;
    const Inst *br = &b->insts[k - 1], *lt = &b->insts[k - 2];
    if (br->op != OP_BR || br->args[0].kind != V_VREG || lt->op != OP_ULT || lt->dst != br->args[0].vreg ||
        lt->type != T_I64 || lt->args[0].kind != V_VREG || lt->args[1].kind != V_INT || lt->args[1].i <= 0)
        return 0;
    const Block *out = f->blocks[br->args[2].blk];
    if (!out->ninsts || out->insts[out->ninsts - 1].op != OP_UNREACHABLE)
        return 0;
    *v = lt->args[0].vreg;
    if (k >= 3 && b->insts[k - 3].op == OP_SEXT && b->insts[k - 3].dst == *v &&
        b->insts[k - 3].args[0].kind == V_VREG)
        *v = b->insts[k - 3].args[0].vreg;
    *n = lt->args[1].i;
    *in = br->args[1].blk;
    return 1;
}

/* Reads of each vreg in f. */
static int *count_uses(Module *m, const Func *f)
{
    int *uses = ir_alloc(m, ((size_t)f->nvregs + 1) * sizeof *uses);
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].kind == V_VREG)
                    uses[in->args[a].vreg]++;
        }
    return uses;
}

/* bl's check (check_of) is known to pass: its br becomes a jmp to the
 * in-range block, and the compare (and the sext before it), read by
 * nothing else, go. */
static void drop_check(Block *bl, int *uses)
{
    Inst br = bl->insts[bl->ninsts - 1];
    const Inst *lt = &bl->insts[bl->ninsts - 2];
    int keep = bl->ninsts - 1;
    if (uses[lt->dst] == 1) {
        keep--;
        int s = lt->args[0].vreg;
        const Inst *sx = keep > 0 ? &bl->insts[keep - 1] : NULL;
        uses[s]--;
        if (sx && sx->op == OP_SEXT && sx->dst == s && uses[s] == 0) {
            uses[sx->args[0].vreg]--;
            keep--;
        }
    }
    bl->ninsts = keep + 1;
    Inst *j = &bl->insts[keep];
    *j = br;
    j->op = OP_JMP;
    j->type = T_VOID;
    j->dst = -1;
    j->args[0] = br.args[1];
    j->nargs = 1;
}

void opt_checks(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int *uses = count_uses(m, f);
        int *npred = ir_alloc(m, ((size_t)f->nblocks + 1) * sizeof *npred);
        for (int b = 0; b < f->nblocks; b++) {
            int succ[64];
            int ns = ir_succs(f->blocks[b], succ, 64);
            for (int s = 0; s < ns && s < 64; s++)
                npred[succ[s]]++;
        }
        for (int b = 0; b < f->nblocks; b++) {
            int fv[MAX_FACTS], nf = 0, v, cur;
            int64_t fn[MAX_FACTS], n;
            if (!check_of(f, f->blocks[b], &v, &n, &cur))
                continue;
            fv[nf] = v, fn[nf++] = n;
            for (int steps = 0; steps < f->nblocks && npred[cur] == 1 && cur != b; steps++) {
                Block *bl = f->blocks[cur];
                int cv, next;
                int64_t cn;
                int checks = check_of(f, bl, &cv, &cn, &next);
                int body = bl->ninsts - (checks ? 2 : 1);
                for (int i = 0; i < body; i++)
                    for (int j = 0; j < nf; j++)
                        if (bl->insts[i].dst == fv[j])
                            fv[j--] = fv[--nf], fn[j + 1] = fn[nf];
                if (checks) {
                    int known = 0;
                    for (int j = 0; j < nf; j++)
                        known |= fv[j] == cv && fn[j] <= cn;
                    if (known) {
                        drop_check(bl, uses);
                    } else if (nf < MAX_FACTS) {
                        fv[nf] = cv, fn[nf++] = cn;
                    }
                    cur = next;
                } else if (bl->ninsts && bl->insts[bl->ninsts - 1].op == OP_JMP) {
                    cur = bl->insts[bl->ninsts - 1].args[0].blk;
                } else {
                    break;
                }
            }
        }
    }
}
