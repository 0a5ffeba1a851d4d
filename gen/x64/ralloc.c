/* ralloc.c: linear-scan register allocation (Poletto and Sarkar).
 *
 * Needs: live intervals (live.c).  Produces: a Loc per vreg (a register of
 * its class or a frame slot), the callee-saved registers to save, and the
 * frame size so far (emit.c adds the fixed slots after it).
 *
 * Intervals are visited by increasing start; an interval whose end is
 * before the current start frees its register.  A vreg may only take a
 * register that no instruction strictly inside its interval clobbers:
 * calls clobber the caller-saved registers and every xmm, an intrinsic
 * clobbers reads | writes | clobbers of its row (its fixed argument
 * registers are loaded just before it).  So a value live across a call sits
 * in rbx/r12..r15 or in a slot.  When no register is free, the active
 * interval that ends last gives up its register if that helps (it goes to
 * a slot), otherwise the current one is spilled. */
#include "gen/x64/x64.h"

#include <stdlib.h>

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

static uint32_t inst_clobbers(const Inst *in, int flt)
{
    if (in->op == OP_CALL)
        return flt ? XMM_ALL : CALLER_SAVED;
    if (in->op == OP_INTRIN && !flt) {
        const IntrinInfo *ii = &intrin_info[in->args[0].i];
        return ii->reads | ii->writes | ii->clobbers;
    }
    return 0;
}

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
    uint32_t saved = 0;

    /* forbidden registers: clobbers strictly inside the interval.  The
     * clobbering instructions, in position order; each interval looks up
     * the first one after its start. */
    typedef struct { int pos; uint32_t ci, cf; } Clobber;
    Clobber *cl = NULL;
    int ncl = 0, capcl = 0;
    for (int b = 0; b < f->nblocks; b++) {
        Block *bl = f->blocks[b];
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *in = &bl->insts[i];
            uint32_t ci = inst_clobbers(in, 0), cf = inst_clobbers(in, 1);
            saved |= ci & CALLEE_SAVED;   /* cpuid writes rbx */
            if (!ci && !cf)
                continue;
            grow(&cl, &capcl, ncl + 1, sizeof *cl);
            cl[ncl++] = (Clobber){2 * (x->istart[b] + i) + 2, ci, cf};
        }
    }
    for (int v = 0; v < nv; v++) {
        if (x->vstart[v] < 0)
            continue;
        int lo = 0, hi = ncl, flt = type_is_flt(f->vregs[v].type);
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (cl[mid].pos <= x->vstart[v])
                lo = mid + 1;
            else
                hi = mid;
        }
        for (int k = lo; k < ncl && cl[k].pos < x->vend[v]; k++)
            forbid[v] |= flt ? cl[k].cf : cl[k].ci;
    }
    free(cl);

    int *order = xmalloc(((size_t)nv + 1) * sizeof(int));
    int n = 0;
    for (int v = 0; v < nv; v++)
        if (x->vstart[v] >= 0)
            order[n++] = v;
    sort_ctx = x;
    qsort(order, (size_t)n, sizeof(int), by_start);

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
        uint32_t busy = 0;
        for (int i = 0; i < nact; i++)
            if (type_is_flt(f->vregs[active[i]].type) == flt)
                busy |= 1u << x->loc[active[i]].r;
        uint32_t avail = (flt ? XMM_ALLOC : INT_ALLOC) & ~busy & ~forbid[v];
        if (avail) {
            /* lowest free register: r10 last for ints (bit order) */
            int r = 0;
            if (!flt && (avail & CALLEE_SAVED) != avail && (avail & RM(R10)))
                r = R10;
            else
                while (!(avail >> r & 1))
                    r++;
            x->loc[v] = (Loc){flt ? LOC_XMM : LOC_REG, r};
            active[nact++] = v;
            continue;
        }
        /* steal from the active interval that ends last, if allowed */
        int best = -1;
        for (int i = 0; i < nact; i++) {
            int w = active[i];
            if (type_is_flt(f->vregs[w].type) != flt || x->vend[w] <= x->vend[v])
                continue;
            if (forbid[v] >> x->loc[w].r & 1)
                continue;
            if (best < 0 || x->vend[w] > x->vend[active[best]])
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
    for (int v = 0; v < nv; v++)
        if (spilled[v] || x->vstart[v] < 0 || x->loc[v].kind == LOC_NONE)
            x->loc[v] = (Loc){LOC_STACK, x64_frame_alloc(x, 8, 8)};
    free(forbid);
    free(order);
    free(active);
    free(spilled);
}
