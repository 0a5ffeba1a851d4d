/* webs.c: split each vreg into its webs before allocation.
 *
 * Needs: a verified Func.  Produces: the same Func where every vreg is one
 * web: a set of definitions and uses connected by reaching definitions
 * (a use joins every definition that reaches it).  Vregs are not SSA, and
 * a front end or a person reuses names (%t in two unrelated places); one
 * live interval per vreg (live.c) would then span both places and hold a
 * register the whole time.  After the split, unrelated uses of a name are
 * different vregs with their own short intervals.  The first web of a vreg
 * keeps its number; the others get new vregs ("<name>.<n>").
 *
 * Reaching definitions: forward dataflow on bit sets over definitions,
 * in(b) = U out(pred), out(b) = gen(b) | (in(b) & ~kill(b)); parameters
 * are definitions at the entry. */
#include "gen/x64/x64.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t Word;
#define WB 64
static int has(const Word *s, int i) { return (int)(s[i / WB] >> (i % WB)) & 1; }
static void add(Word *s, int i) { s[i / WB] |= (Word)1 << (i % WB); }
static void del(Word *s, int i) { s[i / WB] &= ~((Word)1 << (i % WB)); }

static int find(int *uf, int i)
{
    while (uf[i] != i) {
        uf[i] = uf[uf[i]];
        i = uf[i];
    }
    return i;
}

void x64_split_webs(Module *m, Func *f)
{
    int nb = f->nblocks, nv = f->nvregs;
    /* definitions: parameters, then instruction results in block order */
    int nd = 0, nuse = 0;
    for (int p = 0; p < f->nparams; p++)
        nd += f->params[p].vreg >= 0;
    for (int b = 0; b < nb; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            nd += in->dst >= 0;
            nuse += in->nargs;
        }
    if (nd == 0)
        return;
    int *dvreg = xmalloc((size_t)nd * sizeof(int));
    int *uf = xmalloc((size_t)nd * sizeof(int));
    /* defs of each vreg, as a list (CSR) */
    int *vcount = xcalloc((size_t)nv + 1, sizeof(int));
    int d = 0;
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].vreg >= 0)
            dvreg[d++] = f->params[p].vreg;
    for (int b = 0; b < nb; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++)
            if (f->blocks[b]->insts[i].dst >= 0)
                dvreg[d++] = f->blocks[b]->insts[i].dst;
    for (int i = 0; i < nd; i++) {
        uf[i] = i;
        vcount[dvreg[i] + 1]++;
    }
    for (int v = 0; v < nv; v++)
        vcount[v + 1] += vcount[v];
    int *vdefs = xmalloc((size_t)nd * sizeof(int));
    int *fill = xcalloc((size_t)nv + 1, sizeof(int));
    for (int i = 0; i < nd; i++)
        vdefs[vcount[dvreg[i]] + fill[dvreg[i]]++] = i;

    int nw = nd / WB + 1;
    Word *gen = xcalloc((size_t)nb * nw, sizeof(Word));
    Word *kill = xcalloc((size_t)nb * nw, sizeof(Word));
    Word *in = xcalloc((size_t)nb * nw, sizeof(Word));
    Word *out = xcalloc((size_t)nb * nw, sizeof(Word));
    Word *cur = xcalloc((size_t)nw, sizeof(Word));
    int *bdef0 = xmalloc(((size_t)nb + 1) * sizeof(int));   /* first def number of each block */
    d = nd;
    for (int b = nb - 1; b >= 0; b--) {
        for (int i = 0; i < f->blocks[b]->ninsts; i++)
            d -= f->blocks[b]->insts[i].dst >= 0;
        bdef0[b] = d;
    }
    for (int b = 0; b < nb; b++) {
        Word *g = gen + (size_t)b * nw, *k = kill + (size_t)b * nw;
        int dn = bdef0[b];
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            int v = f->blocks[b]->insts[i].dst;
            if (v < 0)
                continue;
            for (int j = vcount[v]; j < vcount[v + 1]; j++) {
                add(k, vdefs[j]);
                del(g, vdefs[j]);
            }
            add(g, dn++);
        }
    }
    for (int i = 0; i < bdef0[0]; i++)   /* parameters reach the entry */
        add(in, i);

    int succ[64];
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = 0; b < nb; b++) {
            Word *iw = in + (size_t)b * nw, *o = out + (size_t)b * nw;
            for (int w = 0; w < nw; w++) {
                Word no = gen[(size_t)b * nw + w] | (iw[w] & ~kill[(size_t)b * nw + w]);
                if (no != o[w]) {
                    o[w] = no;
                    changed = 1;
                }
            }
            int ns = ir_nsuccs(f->blocks[b]);
            int *ss = ns > 64 ? xmalloc((size_t)ns * sizeof(int)) : succ;
            ns = ir_succs(f->blocks[b], ss, ns);
            for (int s = 0; s < ns; s++)
                for (int w = 0; w < nw; w++) {
                    Word *t = &in[(size_t)ss[s] * nw + w];
                    if ((*t | o[w]) != *t) {
                        *t |= o[w];
                        changed = 1;
                    }
                }
            if (ss != succ)
                free(ss);
        }
    }

    /* join the definitions reaching each use; remember one per use */
    int *usedef = xmalloc(((size_t)nuse + 1) * sizeof(int));
    int u = 0;
    for (int b = 0; b < nb; b++) {
        memcpy(cur, in + (size_t)b * nw, (size_t)nw * sizeof(Word));
        int dn = bdef0[b];
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *ins = &f->blocks[b]->insts[i];
            for (int a = 0; a < ins->nargs; a++, u++) {
                usedef[u] = -1;
                if (ins->args[a].kind != V_VREG)
                    continue;
                int v = ins->args[a].vreg;
                for (int j = vcount[v]; j < vcount[v + 1]; j++) {
                    int dd = vdefs[j];
                    if (!has(cur, dd))
                        continue;
                    if (usedef[u] < 0)
                        usedef[u] = dd;
                    else
                        uf[find(uf, dd)] = find(uf, usedef[u]);
                }
            }
            if (ins->dst >= 0) {
                for (int j = vcount[ins->dst]; j < vcount[ins->dst + 1]; j++)
                    del(cur, vdefs[j]);
                add(cur, dn++);
            }
        }
    }

    /* a vreg per web: the first web of each vreg keeps the number */
    int *webvreg = xmalloc((size_t)nd * sizeof(int));
    int *taken = xcalloc((size_t)nv + 1, sizeof(int));
    for (int i = 0; i < nd; i++)
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
            Inst *ins = &f->blocks[b]->insts[i];
            for (int a = 0; a < ins->nargs; a++, u++)
                if (usedef[u] >= 0)
                    ins->args[a].vreg = webvreg[find(uf, usedef[u])];
            if (ins->dst >= 0)
                ins->dst = webvreg[find(uf, d++)];
        }

    free(dvreg);
    free(uf);
    free(vcount);
    free(vdefs);
    free(fill);
    free(gen);
    free(kill);
    free(in);
    free(out);
    free(cur);
    free(bdef0);
    free(usedef);
    free(webvreg);
    free(taken);
}
