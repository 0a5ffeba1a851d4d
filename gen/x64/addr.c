/* addr.c: a field's address computed again at each access.
 *
 * Needs: webs.c's split (each vreg one web).  Produces: the same Func
 * where `%q = ptradd %b, c` (c a constant) whose every use is the address
 * of a load or a store later in its block gets a copy of itself right
 * before each of those accesses, and goes away.  isel.c (fuse_disp) then
 * folds each copy into its access as [b + c], so the address never needs
 * a register of its own: `f.flags |= x` becomes one `or x, c(b)` instead
 * of a lea, a load and a store through a register that lives across them.
 *
 * Sound because each copy reads the same value of b: q is defined once
 * (its only definition is this ptradd, and all its uses are in the block
 * after it), and b is not written between the ptradd and the last access.
 * b's interval grows to that access, q's disappears: no more registers
 * are live anywhere than before. */
#include "gen/x64/x64.h"

#include <stdlib.h>
#include <string.h>

/* The address operand of a load or a store, or -1. */
static int addr_arg(const Inst *in)
{
    if (op_info[in->op].flags & F_LOAD)
        return 0;
    return in->op == OP_STORE ? 1 : -1;
}

/* Whether every use of q (defined by pa, the instruction i of block bl) is
 * the address of an access that reads the same value of b as pa did:
 * anywhere when b never changes (a symbol, or a parameter with no other
 * definition), else only later in bl with no write of b in between. */
static int rematerialisable(const Func *f, const Block *bl, int i, const int *defs,
                            const uint8_t *param)
{
    const Inst *pa = &bl->insts[i];
    int q = pa->dst;
    Val b = pa->args[0];
    int stable = b.kind == V_SYM || (b.kind == V_VREG && param[b.vreg] && defs[b.vreg] == 1);
    int found = 0;
    for (int bi = 0; bi < f->nblocks; bi++) {
        const Block *ob = f->blocks[bi];
        for (int k = 0; k < ob->ninsts; k++) {
            const Inst *in = &ob->insts[k];
            int at = addr_arg(in), here = 0;
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].kind == V_VREG && in->args[a].vreg == q) {
                    if (a != at)
                        return 0;
                    here = 1;
                }
            if (!here)
                continue;
            found++;
            if (!stable && (ob != bl || k <= i))
                return 0;
        }
    }
    if (stable)
        return 1;
    for (int k = i + 1, n = 0; n < found; k++) {
        const Inst *in = &bl->insts[k];
        int at = addr_arg(in);
        n += at >= 0 && in->args[at].kind == V_VREG && in->args[at].vreg == q;
        if (n < found && b.kind == V_VREG && in->dst == b.vreg)
            return 0;
    }
    return 1;
}

void x64_remat_addrs(Module *m, Func *f)
{
    int nv = f->nvregs;
    int *defs = xcalloc((size_t)nv + 1, sizeof(int));
    int *uses = xcalloc((size_t)nv + 1, sizeof(int));
    uint8_t *param = xcalloc((size_t)nv + 1, 1);
    const Inst **remat = xcalloc((size_t)nv + 1, sizeof(Inst *));
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->dst >= 0)
                defs[in->dst]++;
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].kind == V_VREG)
                    uses[in->args[a].vreg]++;
        }
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].vreg >= 0) {
            defs[f->params[p].vreg]++;
            param[f->params[p].vreg] = 1;
        }
    int any = 0;
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *bl = f->blocks[bi];
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *pa = &bl->insts[i];
            int q = pa->dst;
            if (pa->op == OP_PTRADD && pa->args[1].kind == V_INT && q >= 0 && defs[q] == 1 &&
                uses[q] && (pa->args[0].kind == V_SYM ||
                            (pa->args[0].kind == V_VREG && pa->args[0].vreg != q)) &&
                rematerialisable(f, bl, i, defs, param)) {
                remat[q] = pa;
                any = 1;
            }
        }
    }
    free(defs);
    free(uses);
    free(param);
    /* each block rebuilt: those ptradds out, a copy before each access */
    for (int bi = 0; any && bi < f->nblocks; bi++) {
        Block *bl = f->blocks[bi];
        int n = 0, changed = 0;
        for (int s = 0; s < bl->ninsts; s++) {
            const Inst *in = &bl->insts[s];
            int at = addr_arg(in);
            int out = in->dst >= 0 && remat[in->dst] == in;
            int copy = at >= 0 && in->args[at].kind == V_VREG && remat[in->args[at].vreg];
            n += !out + copy;
            changed |= out | copy;
        }
        if (!changed)
            continue;
        Inst *ni = ir_alloc(m, ((size_t)n + 1) * sizeof(Inst));
        int j = 0;
        for (int s = 0; s < bl->ninsts; s++) {
            Inst *in = &bl->insts[s];
            if (in->dst >= 0 && remat[in->dst] == in)
                continue;
            int at = addr_arg(in);
            if (at >= 0 && in->args[at].kind == V_VREG && remat[in->args[at].vreg]) {
                const Inst *pa = remat[in->args[at].vreg];
                int nq = ir_new_vreg(m, f, T_PTR, NULL);
                Val *args = ir_alloc(m, 2 * sizeof(Val));
                memcpy(args, pa->args, 2 * sizeof(Val));
                ni[j++] = (Inst){.op = OP_PTRADD, .type = pa->type, .dst = nq, .args = args,
                                 .nargs = 2, .capargs = 2, .line = pa->line, .col = pa->col};
                in->args[at] = ir_vreg(f, nq);
            }
            ni[j++] = *in;
        }
        bl->insts = ni;
        bl->ninsts = j;
        bl->capinsts = n + 1;
    }
    free(remat);
}
