/* webs.c: split each vreg into its webs before allocation.
 *
 * Needs: a verified Func.  Produces: the same Func where every vreg is one
 * web: the definitions and uses that reach each other.  Vregs are not SSA,
 * and a front end or a person reuses names (%t in two unrelated places);
 * one live interval per vreg (live.c) would then span both places and hold
 * a register the whole time.  After the split, unrelated uses of a name
 * are different vregs with their own short intervals.  The first web of a
 * vreg keeps its number; the others get new vregs ("<name>.<n>").
 *
 * How (union-find, like building pruned SSA and merging every phi with its
 * operands): each block gets an entry node per vreg live into it.  Walking
 * a block, a use joins the vreg's current definition: the last one in the
 * block, else the block's entry node.  At the end of a block, for each
 * successor and each vreg live into it, the current definition joins the
 * successor's entry node.  Parameters join the entry block's nodes.  The
 * cost is linear in instructions plus edges times live-in vregs. */
#include "gen/x64/x64.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int find(int *uf, int i)
{
    while (uf[i] != i) {
        uf[i] = uf[uf[i]];
        i = uf[i];
    }
    return i;
}

static void join(int *uf, int a, int b)
{
    a = find(uf, a);
    b = find(uf, b);
    if (a != b)
        uf[a > b ? a : b] = a < b ? a : b;   /* the smaller (earlier) node is the root */
}

typedef struct {
    uint64_t *in;
    int nw;
    int *prefix;   /* per block and word: live-in bits in earlier words */
    int *base;     /* per block: its first entry node */
} Entry;

/* The entry node of vreg v in block b (v live into b), else -1. */
static int entry_node(const Entry *e, int b, int v)
{
    const uint64_t *w = e->in + (size_t)b * e->nw;
    int i = v / 64, bit = v % 64;
    if (!(w[i] >> bit & 1))
        return -1;
    uint64_t below = bit ? w[i] & (~(uint64_t)0 >> (64 - bit)) : 0;
    return e->base[b] + e->prefix[(size_t)b * e->nw + i] + __builtin_popcountll(below);
}

void x64_split_webs(Module *m, Func *f)
{
    int nb = f->nblocks, nv = f->nvregs;
    uint64_t *out;
    Entry e;
    x64_liveness(f, &e.in, &out, &e.nw);
    free(out);
    int nw = e.nw;

    /* nodes: definitions (parameters first), then block entry nodes */
    int nd = 0, nuse = 0;
    for (int p = 0; p < f->nparams; p++)
        nd += f->params[p].vreg >= 0;
    for (int b = 0; b < nb; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            nd += f->blocks[b]->insts[i].dst >= 0;
            nuse += f->blocks[b]->insts[i].nargs;
        }
    e.prefix = xmalloc(((size_t)nb * nw + 1) * sizeof(int));
    e.base = xmalloc(((size_t)nb + 1) * sizeof(int));
    int nn = nd;
    for (int b = 0; b < nb; b++) {
        e.base[b] = nn;
        int c = 0;
        for (int w = 0; w < nw; w++) {
            e.prefix[(size_t)b * nw + w] = c;
            c += __builtin_popcountll(e.in[(size_t)b * nw + w]);
        }
        nn += c;
    }
    int *uf = xmalloc(((size_t)nn + 1) * sizeof(int));
    for (int i = 0; i < nn; i++)
        uf[i] = i;
    int *dvreg = xmalloc(((size_t)nd + 1) * sizeof(int));
    int *curdef = xmalloc(((size_t)nv + 1) * sizeof(int));
    int *curblk = xmalloc(((size_t)nv + 1) * sizeof(int));
    for (int v = 0; v < nv; v++)
        curblk[v] = -1;
    int *usenode = xmalloc(((size_t)nuse + 1) * sizeof(int));

    int d = 0;
    for (int p = 0; p < f->nparams; p++) {
        int v = f->params[p].vreg;
        if (v < 0)
            continue;
        int en = nb ? entry_node(&e, 0, v) : -1;
        if (en >= 0)
            join(uf, d, en);
        dvreg[d++] = v;
    }
    int u = 0, succ[64];
    for (int b = 0; b < nb; b++) {
        const Block *bl = f->blocks[b];
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *in = &bl->insts[i];
            for (int a = 0; a < in->nargs; a++, u++) {
                usenode[u] = -1;
                if (in->args[a].kind != V_VREG)
                    continue;
                int v = in->args[a].vreg;
                usenode[u] = curblk[v] == b ? curdef[v] : entry_node(&e, b, v);
            }
            if (in->dst >= 0) {
                curblk[in->dst] = b;
                curdef[in->dst] = d;
                dvreg[d++] = in->dst;
            }
        }
        int ns = ir_nsuccs(bl);
        int *ss = ns > 64 ? xmalloc((size_t)ns * sizeof(int)) : succ;
        ns = ir_succs(bl, ss, ns);
        for (int s = 0; s < ns; s++)
            for (int w = 0; w < nw; w++)
                for (uint64_t bits = e.in[(size_t)ss[s] * nw + w]; bits; bits &= bits - 1) {
                    int v = w * 64 + __builtin_ctzll(bits);
                    int cur = curblk[v] == b ? curdef[v] : entry_node(&e, b, v);
                    if (cur >= 0)
                        join(uf, cur, entry_node(&e, ss[s], v));
                }
        if (ss != succ)
            free(ss);
    }

    /* a vreg per web that has a definition; the first keeps the number */
    int *webvreg = xmalloc(((size_t)nn + 1) * sizeof(int));
    int *taken = xcalloc((size_t)nv + 1, sizeof(int));
    for (int i = 0; i < nn; i++)
        webvreg[i] = -1;
    for (int i = 0; i < nd; i++) {
        int r = find(uf, i);
        if (webvreg[r] >= 0)
            continue;
        int v = dvreg[i];
        if (!taken[v]) {
            taken[v] = 1;
            webvreg[r] = v;
        } else {
            char name[300];
            snprintf(name, sizeof name, "%s.%d", f->vregs[v].name, i);
            webvreg[r] = ir_new_vreg(m, f, f->vregs[v].type, name);
        }
    }
    d = 0;
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].vreg >= 0)
            f->params[p].vreg = webvreg[find(uf, d++)];
    u = 0;
    for (int b = 0; b < nb; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            Inst *in = &f->blocks[b]->insts[i];
            for (int a = 0; a < in->nargs; a++, u++) {
                /* a use no definition reaches keeps its vreg */
                int w = usenode[u] >= 0 ? webvreg[find(uf, usenode[u])] : -1;
                if (w >= 0)
                    in->args[a].vreg = w;
            }
            if (in->dst >= 0)
                in->dst = webvreg[find(uf, d++)];
        }

    free(e.in);
    free(e.prefix);
    free(e.base);
    free(uf);
    free(dvreg);
    free(curdef);
    free(curblk);
    free(usenode);
    free(webvreg);
    free(taken);
}
