/* opt.c: the IR optimiser: inlining small functions, removing bounds
 * checks already made, joining straight-line blocks, value numbering and
 * dead code, cold blocks last.
 *
 * Needs: ir.h.  Produces: opt_inline(m), opt_checks(m), opt_merge(m),
 * opt_cse(m), opt_dce(m) and opt_layout(m), run in that order by build.c
 * on Arc sources between the front end and rt_lower_module, each followed
 * by ir_verify.
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

/* The terminator of b, or NULL when b has none (yet). */
static const Inst *terminator(const Block *b)
{
    const Inst *t = b->ninsts ? &b->insts[b->ninsts - 1] : NULL;
    return t && (op_info[t->op].flags & F_TERM) ? t : NULL;
}

/* Edges into each block (a branch with both targets the same counts
 * twice), from the blocks with from[b] set (all when from is NULL). */
static int *count_preds(Module *m, const Func *f, const char *from)
{
    int *npred = ir_alloc(m, ((size_t)f->nblocks + 1) * sizeof *npred);
    for (int b = 0; b < f->nblocks; b++) {
        const Inst *t = terminator(f->blocks[b]);
        for (int a = 0; t && (!from || from[b]) && a < t->nargs; a++)
            if (t->args[a].kind == V_BLOCK)
                npred[t->args[a].blk]++;
    }
    return npred;
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
        int *npred = count_preds(m, f, NULL);
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

/* --- straight-line code: blocks joined, values numbered, dead code ------ */

/* Blocks joined.  A block that ends in `jmp @s`, where @s is entered from
 * nowhere else (and is not the entry), takes @s's instructions in place
 * of the jmp: opt_checks leaves a loop body as such a chain, one block
 * per removed check.  Blocks no path from the entry reaches (the failure
 * blocks of removed checks) are dropped. */
void opt_merge(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int n = f->nblocks;
        if (!n)
            continue;
        char *live = ir_alloc(m, (size_t)n + 1), *gone = ir_alloc(m, (size_t)n + 1);
        int *work = ir_alloc(m, ((size_t)n + 1) * sizeof *work), nw = 0;
        live[0] = 1;
        work[nw++] = 0;
        while (nw) {
            const Inst *t = terminator(f->blocks[work[--nw]]);
            for (int a = 0; t && a < t->nargs; a++)
                if (t->args[a].kind == V_BLOCK && !live[t->args[a].blk]) {
                    live[t->args[a].blk] = 1;
                    work[nw++] = t->args[a].blk;
                }
        }
        int *npred = count_preds(m, f, live);
        for (int b = 0; b < n; b++) {
            Block *bl = f->blocks[b];
            const Inst *t;
            while (live[b] && !gone[b] && (t = terminator(bl)) && t->op == OP_JMP) {
                int s = t->args[0].blk;
                Block *sb = f->blocks[s];
                if (s == b || s == 0 || npred[s] != 1)
                    break;
                bl->ninsts--;
                ir_grow(m, &bl->insts, &bl->capinsts, bl->ninsts + sb->ninsts, sizeof(Inst));
                memcpy(bl->insts + bl->ninsts, sb->insts, (size_t)sb->ninsts * sizeof(Inst));
                bl->ninsts += sb->ninsts;
                gone[s] = 1;
            }
        }
        int j = 0;
        for (int b = 0; b < n; b++)
            if (live[b] && !gone[b])
                work[j++] = b;
        if (j < n)
            ir_keep_blocks(m, f, work, j);
    }
}

/* Value numbering.  Along each extended basic block (a block and, in
 * turn, its successors entered from nowhere else: a dominator-tree path
 * of straight-line code), a pure instruction computing what an earlier one
 * on the path computed, from operands that have not been assigned since,
 * becomes a copy of that one's result; and each use of a copy's
 * destination reads the copy's source instead, while neither has been
 * assigned.  Pure: no side effect, no call, no memory access (a load is
 * never merged: a store or call between may change what it reads), no
 * division (it may trap).  An `i64 mul` by 1, 2, 4 or 8 is left alone:
 * it scales an array index, and the code generator folds each one into
 * its memory access (x64/isel.c: fuse_index), which a shared value would
 * prevent.
 *
 * Vregs are not SSA, so every fact records the version (the count of
 * definitions met so far, in the walk) of each vreg it involves, and
 * holds only while those versions are current.  Facts form a stack:
 * leaving a block's subtree pops the facts its blocks added, so a sibling
 * sees only its own path's.  Versions are never rolled back, which only
 * forgets facts.
 *
 * Then copies into place: `%t = op ...` followed in the same block by
 * `%d = copy %t`, the only read of %t, with no read or write of %d
 * between, becomes `%d = op ...` (the front end assigns every Arc local
 * through such a copy).  opt_dce then removes what is left unread. */
typedef struct {
    Op op;        /* OP_COPY: dst is a copy of a[0] */
    Type type;
    int nargs, dst;
    Val a[2];
    int ver[3];   /* versions of dst and of the vreg operands */
    unsigned h;
    int prev;     /* the fact before it in its hash chain, -1 none */
} Fact;

enum { FACT_HASH = 1024 };

typedef struct {
    Fact *facts;
    int n;
    int head[FACT_HASH];
    int *ver;
} Facts;

static unsigned val_hash(const Val *v)
{
    uint64_t bits = 0;
    switch (v->kind) {
    case V_VREG: bits = (uint64_t)v->vreg; break;
    case V_INT: bits = (uint64_t)v->i; break;
    case V_FLT: memcpy(&bits, &v->f, sizeof bits); break;
    case V_SYM: bits = (uint64_t)v->sym * 31 + (uint64_t)v->i; break;
    default: break;
    }
    return (unsigned)(bits ^ bits >> 29) * 7 + (unsigned)v->kind * 131 + (unsigned)v->type;
}

static int same_val(const Val *a, const Val *b)
{
    if (a->kind != b->kind || a->type != b->type)
        return 0;
    switch (a->kind) {
    case V_VREG: return a->vreg == b->vreg;
    case V_INT: return a->i == b->i;
    case V_FLT: return !memcmp(&a->f, &b->f, sizeof a->f);
    case V_SYM: return a->sym == b->sym && a->i == b->i;
    default: return 0;
    }
}

/* May in be numbered (see above)?  Its operands must be values, none of
 * them its own destination. */
static int numberable(const Inst *in)
{
    if (in->dst < 0 || in->agg || in->nargs > 2 || in->op == OP_COPY ||
        (op_info[in->op].flags & (F_SIDE | F_CALL | F_LOAD | F_TERM)))
        return 0;
    if (in->op == OP_MUL && in->type == T_I64 && in->args[1].kind == V_INT &&
        (in->args[1].i == 1 || in->args[1].i == 2 || in->args[1].i == 4 || in->args[1].i == 8))
        return 0;
    for (int a = 0; a < in->nargs; a++) {
        const Val *v = &in->args[a];
        if (v->agg || (v->kind != V_VREG && v->kind != V_INT && v->kind != V_FLT && v->kind != V_SYM) ||
            (v->kind == V_VREG && v->vreg == in->dst))
            return 0;
    }
    return 1;
}

static unsigned fact_hash(Op op, Type type, int nargs, const Val *a)
{
    unsigned h = (unsigned)op * 2654435761u + (unsigned)type;
    for (int i = 0; i < nargs; i++)
        h = h * 31 + val_hash(&a[i]);
    return h % FACT_HASH;
}

static int fact_holds(const Facts *fs, const Fact *e)
{
    if (fs->ver[e->dst] != e->ver[0])
        return 0;
    for (int i = 0; i < e->nargs; i++)
        if (e->a[i].kind == V_VREG && fs->ver[e->a[i].vreg] != e->ver[1 + i])
            return 0;
    return 1;
}

/* The fact computing (op, type, a[0..nargs-1]) that still holds; -1 none.
 * For a copy, a[0] is the destination asked about. */
static int fact_find(const Facts *fs, Op op, Type type, int nargs, const Val *a)
{
    for (int e = fs->head[fact_hash(op, type, nargs, a)]; e >= 0; e = fs->facts[e].prev) {
        const Fact *x = &fs->facts[e];
        if (x->op != op || !fact_holds(fs, x))
            continue;
        if (op == OP_COPY) {
            if (x->dst == a[0].vreg)
                return e;
            continue;
        }
        if (x->type != type || x->nargs != nargs)
            continue;
        int same = 1;
        for (int i = 0; i < nargs; i++)
            same &= same_val(&x->a[i], &a[i]);
        if (same)
            return e;
    }
    return -1;
}

static void fact_push(Facts *fs, const Inst *in)
{
    Fact *e = &fs->facts[fs->n];
    *e = (Fact){.op = in->op, .type = in->type, .nargs = in->nargs, .dst = in->dst};
    for (int i = 0; i < in->nargs; i++) {
        e->a[i] = in->args[i];
        if (e->a[i].kind == V_VREG)
            e->ver[1 + i] = fs->ver[e->a[i].vreg];
    }
    e->ver[0] = fs->ver[in->dst];
    if (in->op == OP_COPY) {   /* found by its destination */
        Val d = {.kind = V_VREG, .type = in->type, .vreg = in->dst};
        e->h = fact_hash(OP_COPY, T_VOID, 1, &d);
    } else {
        e->h = fact_hash(in->op, in->type, in->nargs, in->args);
    }
    e->prev = fs->head[e->h];
    fs->head[e->h] = fs->n++;
}

/* Back to the first n facts. */
static void fact_pop(Facts *fs, int n)
{
    while (fs->n > n) {
        const Fact *e = &fs->facts[--fs->n];
        fs->head[e->h] = e->prev;
    }
}

static void number_block(const Func *f, Block *bl, Facts *fs)
{
    for (int i = 0; i < bl->ninsts; i++) {
        Inst *in = &bl->insts[i];
        for (int a = 0; a < in->nargs; a++) {
            if (in->args[a].kind != V_VREG)
                continue;
            Val d = {.kind = V_VREG, .type = in->args[a].type, .vreg = in->args[a].vreg};
            int e = fact_find(fs, OP_COPY, T_VOID, 1, &d);
            if (e >= 0)
                in->args[a].vreg = fs->facts[e].a[0].vreg;
        }
        if (numberable(in)) {
            int e = fact_find(fs, in->op, in->type, in->nargs, in->args);
            if (e >= 0) {
                in->op = OP_COPY;
                in->type = f->vregs[in->dst].type;
                in->nargs = 1;
                in->args[0] = ir_vreg(f, fs->facts[e].dst);
            }
        }
        if (in->dst < 0)
            continue;
        fs->ver[in->dst]++;
        if ((in->op == OP_COPY && in->args[0].kind == V_VREG && in->args[0].vreg != in->dst) ||
            numberable(in))
            fact_push(fs, in);
    }
}

/* Does in read vreg v? */
static int reads(const Inst *in, int v)
{
    for (int a = 0; a < in->nargs; a++)
        if (in->args[a].kind == V_VREG && in->args[a].vreg == v)
            return 1;
    return 0;
}

/* `%t = op ...; ...; %d = copy %t` -> `%d = op ...` (see above). */
static void fold_copies(Block *bl, int *uses)
{
    for (int j = 0; j < bl->ninsts; j++) {
        Inst *c = &bl->insts[j];
        if (c->op != OP_COPY || c->args[0].kind != V_VREG)
            continue;
        int t = c->args[0].vreg, d = c->dst;
        if (t == d || uses[t] != 1)
            continue;
        int k = j - 1;
        while (k >= 0 && bl->insts[k].dst != t && bl->insts[k].dst != d && !reads(&bl->insts[k], d))
            k--;
        if (k < 0 || bl->insts[k].dst != t)
            continue;
        bl->insts[k].dst = d;
        uses[t]--;
        memmove(c, c + 1, (size_t)(bl->ninsts - j - 1) * sizeof *c);
        bl->ninsts--;
        j--;
    }
}

void opt_cse(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int nb = f->nblocks;
        if (!nb)
            continue;
        Facts *fs = ir_alloc(m, sizeof *fs);
        fs->facts = ir_alloc(m, ((size_t)ninsts(f) + 1) * sizeof *fs->facts);
        fs->ver = ir_alloc(m, ((size_t)f->nvregs + 1) * sizeof *fs->ver);
        for (int h = 0; h < FACT_HASH; h++)
            fs->head[h] = -1;
        int *npred = count_preds(m, f, NULL);
        char *seen = ir_alloc(m, (size_t)nb + 1);
        /* depth-first over the extended blocks: (block, facts at entry) */
        int *stack = ir_alloc(m, (2 * (size_t)nb + 2) * sizeof *stack), sp = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int r = 0; r < nb; r++) {
                if (seen[r] || (!pass && r != 0 && npred[r] == 1))
                    continue;
                seen[r] = 1;
                stack[sp++] = r, stack[sp++] = 0;
                while (sp) {
                    int n = stack[--sp], b = stack[--sp];
                    fact_pop(fs, n);
                    number_block(f, f->blocks[b], fs);
                    const Inst *t = terminator(f->blocks[b]);
                    for (int a = 0; t && a < t->nargs; a++) {
                        int s = t->args[a].kind == V_BLOCK ? t->args[a].blk : 0;
                        if (s != 0 && npred[s] == 1 && !seen[s]) {
                            seen[s] = 1;
                            stack[sp++] = s, stack[sp++] = fs->n;
                        }
                    }
                }
            }
        int *uses = count_uses(m, f);
        for (int b = 0; b < nb; b++)
            fold_copies(f->blocks[b], uses);
    }
}

/* Dead code.  An instruction whose result nothing reads, and that has no
 * other effect, goes; so does a copy of a vreg to itself.  Kept: side
 * effects and calls, and what may fault (a load through a pointer, a
 * division): a program that faults must still fault where it did.  A
 * vreg that no instruction reads is dead at all its definitions (vregs
 * are not SSA, but an unread one is unread everywhere); removing one
 * instruction can make its operands unread, so this repeats until
 * nothing changes. */
void opt_dce(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int *uses = count_uses(m, f);
        for (int changed = 1; changed;) {
            changed = 0;
            for (int b = 0; b < f->nblocks; b++) {
                Block *bl = f->blocks[b];
                int j = 0;
                for (int i = 0; i < bl->ninsts; i++) {
                    Inst *in = &bl->insts[i];
                    int selfcopy = in->op == OP_COPY && in->args[0].kind == V_VREG && in->args[0].vreg == in->dst;
                    if (in->dst >= 0 && (uses[in->dst] == 0 || selfcopy) && !may_fault(in) &&
                        !(op_info[in->op].flags & (F_SIDE | F_CALL | F_TERM))) {
                        for (int a = 0; a < in->nargs; a++)
                            if (in->args[a].kind == V_VREG)
                                uses[in->args[a].vreg]--;
                        changed = 1;
                        continue;
                    }
                    bl->insts[j++] = *in;
                }
                bl->ninsts = j;
            }
        }
    }
}
