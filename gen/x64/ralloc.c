/* ralloc.c: linear-scan register allocation (Poletto and Sarkar).
 *
 * Needs: live intervals (live.c).  Produces: a Loc per vreg (a register of
 * its class or a frame slot), the callee-saved registers to save, and the
 * frame size so far (emit.c adds the fixed slots after it).
 *
 * Intervals are visited by increasing start; an interval whose end is
 * before the current start frees its register.  A vreg may only take a
 * register that no instruction in its interval clobbers:
 *   - a call strictly inside the interval clobbers the caller-saved
 *     registers and every xmm; so a value live across a call sits in
 *     rbx/r12..r15 or in a slot (not across a call that never returns,
 *     one followed by unreachable: nothing is live after it).  A call's
 *     own operands and result may use caller-saved registers (its
 *     argument moves are a parallel copy),
 *     except when it passes or returns aggregates: then nothing live at
 *     the call may;
 *   - any other instruction: the registers its expansion touches
 *     (x64_scratch), for every interval containing it, ends included;
 *     a syscall with a constant number only for the intervals strictly
 *     inside (its argument moves are a parallel copy too, and its result
 *     is written after it).
 * An interval that starts at the instruction defining it (one that does
 * not read it) may take the register of an operand whose interval ends
 * there: isel.c reads every operand before it writes the destination.
 * It prefers its first operand's (`subsd` in place, a copy that moves
 * nothing), or for a commutative operation its second's.
 * Free registers are taken in the order of pref[] below (caller-saved
 * first: no save in the prologue), after the vreg's hint when that is
 * free: the argument register a parameter arrives in or a call's (or
 * such a syscall's) operand leaves in; those of dying operands after the free caller-saved ones,
 * before the callee-saved ones.  When no register is free, one interval
 * goes to a slot: of the current one and the active ones whose register
 * it may take, the one whose reads and writes are sparsest (its spill
 * cost: each weighted 8^loop depth, over its length), the one that ends
 * last among equals.  Loop depth comes from the control flow (loop_depth),
 * not the layout: opt_layout moves cold blocks to the end, and a branch
 * from one of them back to its join is no loop. */
#include "gen/x64/x64.h"

#include <stdlib.h>

/* Back edges, listed per header: first[h], then next[e]; src[e] the
 * edge's source. */
typedef struct {
    int *first, *src, *next;
    int n;
} BackEdges;

static void back_edge(void *ctx, int from, int to, int next)
{
    (void)next;
    BackEdges *be = ctx;
    be->src[be->n] = from;
    be->next[be->n] = be->first[to];
    be->first[to] = be->n++;
}

/* Each block's loop depth: how many natural loops hold it.  A depth-first
 * walk from the entry finds the back edges (to a block still on the
 * walk's stack: a loop's header); a loop is its header and every block
 * that reaches one of its back edges' sources without passing the header
 * (a walk over predecessors).  A block the entry does not reach has
 * depth 0. */
static int *loop_depth(const Func *f)
{
    int nb = f->nblocks;
    int *depth = xcalloc((size_t)nb + 1, sizeof(int));
    if (!nb)
        return depth;
    /* predecessors, as lists: pstart[b] .. pstart[b + 1] in preds */
    int *pstart = xcalloc((size_t)nb + 2, sizeof(int)), nedge = 0;
    for (int b = 0; b < nb; b++) {
        const Block *bl = f->blocks[b];
        const Inst *t = bl->ninsts ? &bl->insts[bl->ninsts - 1] : NULL;
        for (int a = 0; t && a < t->nargs; a++)
            if (t->args[a].kind == V_BLOCK) {
                pstart[t->args[a].blk + 1]++;
                nedge++;
            }
    }
    for (int b = 0; b < nb; b++)
        pstart[b + 1] += pstart[b];
    int *preds = xmalloc(((size_t)nedge + 1) * sizeof(int));
    int *fill = xcalloc((size_t)nb + 1, sizeof(int));
    for (int b = 0; b < nb; b++) {
        const Block *bl = f->blocks[b];
        const Inst *t = bl->ninsts ? &bl->insts[bl->ninsts - 1] : NULL;
        for (int a = 0; t && a < t->nargs; a++)
            if (t->args[a].kind == V_BLOCK) {
                int s = t->args[a].blk;
                preds[pstart[s] + fill[s]++] = b;
            }
    }
    /* the back edges, listed per header */
    BackEdges be = {xmalloc(((size_t)nb + 1) * sizeof(int)), xmalloc(((size_t)nedge + 1) * sizeof(int)),
                    xmalloc(((size_t)nedge + 1) * sizeof(int)), 0};
    for (int b = 0; b < nb; b++)
        be.first[b] = -1;
    uint8_t *reached = xcalloc((size_t)nb + 1, 1);
    x64_back_edges(f, NULL, 0, back_edge, &be, reached);
    int *stack = xmalloc(((size_t)nb + 1) * sizeof(int));
    /* each loop's body, marked with its header's stamp */
    int *mark = xcalloc((size_t)nb + 1, sizeof(int));
    for (int h = 0; h < nb; h++) {
        if (be.first[h] < 0)
            continue;
        int stamp = h + 1, n = 0;
        mark[h] = stamp;
        depth[h]++;
        for (int e = be.first[h]; e >= 0; e = be.next[e])
            if (mark[be.src[e]] != stamp) {
                mark[be.src[e]] = stamp;
                depth[be.src[e]]++;
                stack[n++] = be.src[e];
            }
        while (n) {
            int b = stack[--n];
            for (int k = pstart[b]; k < pstart[b + 1]; k++) {
                int p = preds[k];
                if (mark[p] != stamp && reached[p]) {
                    mark[p] = stamp;
                    depth[p]++;
                    stack[n++] = p;
                }
            }
        }
    }
    free(pstart);
    free(preds);
    free(fill);
    free(reached);
    free(stack);
    free(be.first);
    free(be.src);
    free(be.next);
    free(mark);
    return depth;
}

/* A frame slot of size bytes aligned to align (rbp is 16-aligned); the
 * saved registers sit right below rbp, so offsets count them. */
int x64_frame_alloc(X64Fn *x, int size, int align)
{
    if (align < 1)
        align = 1;
    int total = 8 * x->nsaved + x->frame + size;
    total = (total + align - 1) / align * align;
    x->frame = total - 8 * x->nsaved;
    return -total;
}

/* Registers instruction in clobbers for the intervals strictly inside
 * which it lies (*in) and for those it starts or ends (*at). */
static void inst_clobbers(const X64Fn *x, const Inst *in, int flt, uint32_t *inside, uint32_t *at)
{
    if (in->op == OP_CALL) {
        int regs[in->nargs + 1];
        *inside = flt ? XMM_ALL : CALLER_SAVED;
        *at = x64_call_regs(x->m, in, regs) ? 0 : *inside;
        return;
    }
    *inside = *at = flt ? 0 : x64_scratch(x, in);
    if (x64_syscall_moves(in))
        *at = 0;    /* operands read by a parallel copy, the result after */
}

/* Preference order of free registers. */
static const int pref_int[] = {R10, R11, R9, R8, RSI, RDI, RDX, RBX, R12, R13, R14, R15};
static const int pref_flt[] = {8, 9, 10, 11, 12, 13, 7, 6, 5, 4, 3, 2, 1, 0};

static X64Fn *sort_ctx;
static int by_start(const void *a, const void *b)
{
    int va = *(const int *)a, vb = *(const int *)b;
    int d = sort_ctx->vstart[va] - sort_ctx->vstart[vb];
    return d ? d : va - vb;   /* deterministic */
}

void x64_ralloc(X64Fn *x)
{
    Func *f = x->f;
    int nv = f->nvregs;
    x->loc = xcalloc((size_t)nv + 1, sizeof(Loc));
    uint32_t *forbid = xcalloc((size_t)nv + 1, sizeof(uint32_t));
    int *hint = xmalloc(((size_t)nv + 1) * sizeof(int));
    uint32_t saved = 0;
    for (int v = 0; v < nv; v++)
        hint[v] = -1;
    int *preg = xmalloc(((size_t)f->nparams + 1) * sizeof(int));
    x64_param_regs(x, preg);
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].vreg >= 0)
            hint[f->params[p].vreg] = preg[p];
    free(preg);

    /* The clobbering instructions, in position order; each interval looks
     * up the first one at or after its start. */
    typedef struct { int pos; uint32_t ci, cf, ai, af; } Clobber;
    Clobber *cl = NULL;
    int ncl = 0, capcl = 0;
    for (int b = 0; b < f->nblocks; b++) {
        Block *bl = f->blocks[b];
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *in = &bl->insts[i];
            Clobber c = {2 * (x->istart[b] + i) + 2, 0, 0, 0, 0};
            inst_clobbers(x, in, 0, &c.ci, &c.ai);
            inst_clobbers(x, in, 1, &c.cf, &c.af);
            /* a call that never returns (unreachable follows: a failed
             * bounds check's arc_rt_index_fail) clobbers nothing for the
             * intervals around it: no value is live after it */
            if (in->op == OP_CALL && i + 1 < bl->ninsts && bl->insts[i + 1].op == OP_UNREACHABLE)
                c.ci = c.cf = 0;
            saved |= (c.ci | c.ai) & CALLEE_SAVED;   /* cpuid writes rbx */
            if (in->op == OP_CALL) {
                int regs[in->nargs + 1];
                if (x64_call_regs(x->m, in, regs))
                    for (int a = 1; a < in->nargs; a++)
                        if (regs[a] >= 0 && in->args[a].kind == V_VREG &&
                            x->vend[in->args[a].vreg] == c.pos && hint[in->args[a].vreg] < 0)
                            hint[in->args[a].vreg] = regs[a];
            }
            if (x64_syscall_moves(in))
                for (int a = 2; a < in->nargs; a++)
                    if (in->args[a].kind == V_VREG && x->vend[in->args[a].vreg] == c.pos &&
                        hint[in->args[a].vreg] < 0)
                        hint[in->args[a].vreg] = intrin_info[IN_SYSCALL].argregs[a - 1];
            if (!((c.ci | c.ai) & INT_ALLOC) && !((c.cf | c.af) & XMM_ALLOC))
                continue;
            grow(&cl, &capcl, ncl + 1, sizeof *cl);
            cl[ncl++] = c;
        }
    }
    for (int v = 0; v < nv; v++) {
        if (x->vstart[v] < 0)
            continue;
        int lo = 0, hi = ncl, flt = type_is_flt(f->vregs[v].type);
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (cl[mid].pos < x->vstart[v])
                lo = mid + 1;
            else
                hi = mid;
        }
        for (int k = lo; k < ncl && cl[k].pos <= x->vend[v]; k++) {
            int inside = cl[k].pos > x->vstart[v] && cl[k].pos < x->vend[v];
            forbid[v] |= flt ? cl[k].af | (inside ? cl[k].cf : 0)
                             : cl[k].ai | (inside ? cl[k].ci : 0);
        }
    }
    free(cl);

    int *order = xmalloc(((size_t)nv + 1) * sizeof(int));
    int n = 0;
    for (int v = 0; v < nv; v++)
        if (x->vstart[v] >= 0)
            order[n++] = v;
    sort_ctx = x;
    qsort(order, (size_t)n, sizeof(int), by_start);

    /* the instruction at each position (2k + 2: the k-th) */
    const Inst **at = xmalloc(((size_t)x->ninst + 1) * sizeof *at);
    for (int b = 0, k = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++)
            at[k++] = &f->blocks[b]->insts[i];

    /* spill costs: reads and writes weighted by loop depth */
    int nb = f->nblocks;
    int *depth = loop_depth(f);
    double *cost = xcalloc((size_t)nv + 1, sizeof(double));
    for (int b = 0; b < nb; b++) {
        int d = depth[b];
        double w = 1;
        for (int k = 0; k < d && k < 6; k++)
            w *= 8;
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].kind == V_VREG)
                    cost[in->args[a].vreg] += w;
            if (in->dst >= 0)
                cost[in->dst] += w;
        }
    }
    for (int v = 0; v < nv; v++)
        if (x->vstart[v] >= 0)
            cost[v] /= x->vend[v] - x->vstart[v] + 1;
    free(depth);

    int *active = xmalloc(((size_t)nv + 1) * sizeof(int));
    int nact = 0;
    int *spilled = xcalloc((size_t)nv + 1, sizeof(int));
    for (int k = 0; k < n; k++) {
        int v = order[k];
        int flt = type_is_flt(f->vregs[v].type);
        /* expire */
        int j = 0;
        for (int i = 0; i < nact; i++)
            if (x->vend[active[i]] >= x->vstart[v])
                active[j++] = active[i];
        nact = j;
        /* born at its definition: the operands dying there can give up
         * their registers (an interval ending at s is an operand of the
         * instruction at s, as any later point would extend it) */
        int s = x->vstart[v];
        const Inst *def = s >= 2 && s % 2 == 0 ? at[(s - 2) / 2] : NULL;
        int born = def && def->dst == v;
        for (int a = 0; born && a < def->nargs; a++)
            born = !(def->args[a].kind == V_VREG && def->args[a].vreg == v);
        uint32_t busy = 0, dying = 0;
        for (int i = 0; i < nact; i++)
            if (type_is_flt(f->vregs[active[i]].type) == flt) {
                if (born && x->vend[active[i]] == s)
                    dying |= 1u << x->loc[active[i]].r;
                else
                    busy |= 1u << x->loc[active[i]].r;
            }
        uint32_t avail = (flt ? XMM_ALLOC : INT_ALLOC) & ~busy & ~forbid[v];
        if (avail) {
            int r = hint[v];
            for (int a = 0; (r < 0 || !(avail >> r & 1)) && born && a < def->nargs && a < 2; a++) {
                const Val *o = &def->args[a];
                if (a == 1 && !(op_info[def->op].flags & F_COMM))
                    break;
                r = o->kind == V_VREG && x->loc[o->vreg].kind == (flt ? LOC_XMM : LOC_REG) &&
                    (dying >> x->loc[o->vreg].r & 1) ? x->loc[o->vreg].r : -1;
            }
            if (r < 0 || !(avail >> r & 1)) {
                /* a free caller-saved register, else a dying operand's,
                 * else a callee-saved one (saved in the prologue) */
                uint32_t callee = flt ? 0 : CALLEE_SAVED;
                uint32_t from = avail & ~dying & ~callee;
                if (!from)
                    from = avail & dying ? avail & dying : avail;
                const int *pref = flt ? pref_flt : pref_int;
                for (r = pref[0]; !(from >> r & 1);)
                    r = *++pref;
            }
            x->loc[v] = (Loc){flt ? LOC_XMM : LOC_REG, r};
            active[nact++] = v;
            continue;
        }
        /* steal from the sparsest active interval, if allowed and
         * sparser than v (not one ending at s, nor one whose register
         * an interval born at s also holds: that one is still live) */
        int best = -1;
        for (int i = 0; i < nact; i++) {
            int w = active[i], c = best < 0 ? v : active[best];
            if (type_is_flt(f->vregs[w].type) != flt || x->vend[w] <= s)
                continue;
            if (forbid[v] >> x->loc[w].r & 1)
                continue;
            int shared = 0;
            for (int j = 0; j < nact; j++)
                shared |= j != i && type_is_flt(f->vregs[active[j]].type) == flt &&
                          x->loc[active[j]].r == x->loc[w].r;
            if (shared)
                continue;
            if (cost[w] < cost[c] || (cost[w] == cost[c] && x->vend[w] > x->vend[c]))
                best = i;
        }
        if (best >= 0) {
            int w = active[best];
            x->loc[v] = x->loc[w];
            spilled[w] = 1;
            active[best] = v;
        } else {
            spilled[v] = 1;
        }
    }

    for (int v = 0; v < nv; v++) {
        if (x->loc[v].kind == LOC_REG && !spilled[v])
            saved |= RM(x->loc[v].r) & CALLEE_SAVED;
    }
    x->usedsaved = saved;
    x->nsaved = 0;
    for (int r = 0; r < 16; r++)
        if (saved >> r & 1)
            x->nsaved++;
    x->frame = 0;
    /* a vreg never live appears in no instruction (the passes removed
     * its uses and definitions): it needs no slot */
    for (int v = 0; v < nv; v++)
        if (x->vstart[v] >= 0 && (spilled[v] || x->loc[v].kind == LOC_NONE))
            x->loc[v] = (Loc){LOC_STACK, x64_frame_alloc(x, 8, 8)};
    free(forbid);
    free(hint);
    free(order);
    free(active);
    free(at);
    free(cost);
    free(spilled);
}
