/* live.c: liveness and live intervals.
 *
 * Needs: a verified Func (no spawn/await/yield: gen/rtlower.c ran).  Produces:
 * instruction positions (instruction k of the block order sits at 2k+2;
 * parameters are defined at 0), and for each vreg one interval
 * [vstart, vend] covering every position where it is live: the hull of
 * its defs, its uses and the blocks it is live into or out of.
 *
 * Liveness is the usual backward dataflow on bit sets, iterated to a fixed
 * point:  in(b) = gen(b) | (out(b) & ~kill(b)),  out(b) = U in(succ).
 * gen = used before any def in b; kill = defined in b.  Vregs are not SSA,
 * so a vreg assigned in a loop is live around the back edge exactly when
 * the next iteration reads it before writing it. */
#include "gen/x64/x64.h"

#include <stdlib.h>
#include <string.h>

typedef uint64_t Word;
#define WBITS 64

static int isset(const Word *s, int i) { return (int)(s[i / WBITS] >> (i % WBITS)) & 1; }
static void setbit(Word *s, int i) { s[i / WBITS] |= (Word)1 << (i % WBITS); }

static void extend(X64Fn *x, int v, int pos)
{
    if (x->vstart[v] < 0 || pos < x->vstart[v])
        x->vstart[v] = pos;
    if (pos > x->vend[v])
        x->vend[v] = pos;
}

void x64_liveness(const Func *f, uint64_t **inp, uint64_t **outp, int *nwp)
{
    int nb = f->nblocks, nv = f->nvregs;
    int nw = (nv + WBITS - 1) / WBITS + 1;
    Word *gen = xcalloc((size_t)nb * nw, sizeof(Word));
    Word *kill = xcalloc((size_t)nb * nw, sizeof(Word));
    Word *in = xcalloc((size_t)nb * nw, sizeof(Word));
    Word *out = xcalloc((size_t)nb * nw, sizeof(Word));
    for (int b = 0; b < nb; b++) {
        Block *bl = f->blocks[b];
        Word *g = gen + (size_t)b * nw, *kl = kill + (size_t)b * nw;
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *in_ = &bl->insts[i];
            for (int j = 0; j < in_->nargs; j++)
                if (in_->args[j].kind == V_VREG && !isset(kl, in_->args[j].vreg))
                    setbit(g, in_->args[j].vreg);
            if (in_->dst >= 0)
                setbit(kl, in_->dst);
        }
    }
    int succ[64];
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = nb - 1; b >= 0; b--) {
            Word *o = out + (size_t)b * nw, *iw = in + (size_t)b * nw;
            int ns = ir_nsuccs(f->blocks[b]);
            int *ss = ns > 64 ? xmalloc((size_t)ns * sizeof(int)) : succ;
            ns = ir_succs(f->blocks[b], ss, ns);
            for (int s = 0; s < ns; s++)
                for (int w = 0; w < nw; w++)
                    o[w] |= in[(size_t)ss[s] * nw + w];
            if (ss != succ)
                free(ss);
            for (int w = 0; w < nw; w++) {
                Word nin = gen[(size_t)b * nw + w] | (o[w] & ~kill[(size_t)b * nw + w]);
                if (nin != iw[w]) {
                    iw[w] = nin;
                    changed = 1;
                }
            }
        }
    }
    free(gen);
    free(kill);
    *inp = in;
    *outp = out;
    *nwp = nw;
}

void x64_live(X64Fn *x)
{
    Func *f = x->f;
    int nb = f->nblocks, nv = f->nvregs, nw;
    Word *in, *out;
    x64_liveness(f, &in, &out, &nw);
    x->bstart = xcalloc((size_t)nb, sizeof(int));
    x->bend = xcalloc((size_t)nb, sizeof(int));
    x->istart = xcalloc((size_t)nb, sizeof(int));
    x->vstart = xmalloc(((size_t)nv + 1) * sizeof(int));
    x->vend = xmalloc(((size_t)nv + 1) * sizeof(int));
    for (int v = 0; v < nv; v++)
        x->vstart[v] = x->vend[v] = -1;
    int k = 0;
    for (int b = 0; b < nb; b++) {
        x->istart[b] = k;
        x->bstart[b] = 2 * k + 2;
        k += f->blocks[b]->ninsts;
        x->bend[b] = 2 * k + 1;
    }
    x->ninst = k;

    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].vreg >= 0)
            extend(x, f->params[p].vreg, 0);
    for (int b = 0; b < nb; b++) {
        Block *bl = f->blocks[b];
        for (int w = 0; w < nw; w++) {
            Word li = in[(size_t)b * nw + w], lo = out[(size_t)b * nw + w];
            for (Word m = li | lo; m; m &= m - 1) {
                int v = w * WBITS + __builtin_ctzll(m);
                int bit = v % WBITS;
                if (li >> bit & 1)
                    extend(x, v, x->bstart[b]);
                if (lo >> bit & 1)
                    extend(x, v, x->bend[b]);
            }
        }
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *in_ = &bl->insts[i];
            int pos = 2 * (x->istart[b] + i) + 2;
            for (int j = 0; j < in_->nargs; j++)
                if (in_->args[j].kind == V_VREG)
                    extend(x, in_->args[j].vreg, pos);
            if (in_->dst >= 0)
                extend(x, in_->dst, pos);
        }
    }
    free(in);
    free(out);
}

void x64_back_edges(const Func *f, const uint8_t *skip, int all_roots,
                    void (*edge)(void *ctx, int from, int to, int next), void *ctx,
                    uint8_t *reached)
{
    int nb = f->nblocks;
    enum { WHITE, GREY, BLACK };
    uint8_t *colour = xcalloc((size_t)nb + 1, 1);
    int *stack = xmalloc(((size_t)nb + 1) * sizeof(int));
    int *next = xcalloc((size_t)nb + 1, sizeof(int));   /* operand to look at next */
    int *pos = xcalloc((size_t)nb + 1, sizeof(int));    /* a grey block's stack index */
    for (int b = 0; skip && b < nb; b++)
        if (skip[b])
            colour[b] = BLACK;
    for (int root = 0; root < nb && (all_roots || root == 0); root++) {
        if (colour[root] != WHITE)
            continue;
        int sp = 0;
        pos[root] = sp;
        stack[sp++] = root;
        colour[root] = GREY;
        while (sp) {
            int b = stack[sp - 1];
            const Block *bl = f->blocks[b];
            const Inst *t = bl->ninsts ? &bl->insts[bl->ninsts - 1] : NULL;
            if (!t || next[b] >= t->nargs) {
                colour[b] = BLACK;
                if (reached)
                    reached[b] = 1;
                sp--;
                continue;
            }
            Val v = t->args[next[b]++];
            if (v.kind != V_BLOCK)
                continue;
            if (colour[v.blk] == GREY) {
                edge(ctx, b, v.blk, pos[v.blk] + 1 < sp ? stack[pos[v.blk] + 1] : -1);
            } else if (colour[v.blk] == WHITE) {
                colour[v.blk] = GREY;
                pos[v.blk] = sp;
                stack[sp++] = v.blk;
            }
        }
    }
    free(colour);
    free(stack);
    free(next);
    free(pos);
}
