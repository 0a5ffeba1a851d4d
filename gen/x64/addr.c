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

/* Per vreg, from one pass over the function: its definitions (a
 * parameter counts one), whether it is a parameter, its uses, whether any
 * use is not an access's address, and the block and position of its uses
 * (-2: several blocks). */
typedef struct {
    int *defs, *uses, *ublock, *ufirst;
    uint8_t *param, *other;
} Uses;

/* A base that is not stable is followed this far at most: the check is
 * then linear in the function, not quadratic. */
enum { REMAT_REACH = 256 };

/* Whether every use of q (defined by pa, the instruction i of block bi)
 * is the address of an access that reads the same value of b as pa did:
 * anywhere when b never changes (a symbol, or a parameter with no other
 * definition), else only later in the block, within REMAT_REACH, with no
 * write of b in between. */
static int rematerialisable(const Func *f, int bi, int i, const Uses *u)
{
    const Inst *pa = &f->blocks[bi]->insts[i];
    int q = pa->dst;
    Val b = pa->args[0];
    if (u->other[q])
        return 0;
    if (b.kind == V_SYM || (b.kind == V_VREG && u->param[b.vreg] && u->defs[b.vreg] == 1))
        return 1;
    if (u->ublock[q] != bi || u->ufirst[q] <= i)
        return 0;
    const Block *bl = f->blocks[bi];
    for (int k = i + 1, n = 0; n < u->uses[q]; k++) {
        if (k >= bl->ninsts || k > i + REMAT_REACH)
            return 0;
        const Inst *in = &bl->insts[k];
        int at = addr_arg(in);
        n += at >= 0 && in->args[at].kind == V_VREG && in->args[at].vreg == q;
        if (n < u->uses[q] && b.kind == V_VREG && in->dst == b.vreg)
            return 0;
    }
    return 1;
}

void x64_remat_addrs(Module *m, Func *f)
{
    int nv = f->nvregs;
    Uses u = {
        .defs = xcalloc((size_t)nv + 1, sizeof(int)), .uses = xcalloc((size_t)nv + 1, sizeof(int)),
        .ublock = xmalloc(((size_t)nv + 1) * sizeof(int)), .ufirst = xcalloc((size_t)nv + 1, sizeof(int)),
        .param = xcalloc((size_t)nv + 1, 1), .other = xcalloc((size_t)nv + 1, 1),
    };
    const Inst **remat = xcalloc((size_t)nv + 1, sizeof(Inst *));
    for (int v = 0; v < nv; v++)
        u.ublock[v] = -1;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->dst >= 0)
                u.defs[in->dst]++;
            int at = addr_arg(in);
            for (int a = 0; a < in->nargs; a++) {
                int v = in->args[a].kind == V_VREG ? in->args[a].vreg : -1;
                if (v < 0)
                    continue;
                u.other[v] |= a != at;
                if (!u.uses[v]++) {
                    u.ublock[v] = b;
                    u.ufirst[v] = i;
                } else if (u.ublock[v] != b) {
                    u.ublock[v] = -2;
                }
            }
        }
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].vreg >= 0) {
            u.defs[f->params[p].vreg]++;
            u.param[f->params[p].vreg] = 1;
        }
    int any = 0;
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *bl = f->blocks[bi];
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *pa = &bl->insts[i];
            int q = pa->dst;
            if (pa->op == OP_PTRADD && pa->args[1].kind == V_INT && q >= 0 && u.defs[q] == 1 &&
                u.uses[q] && (pa->args[0].kind == V_SYM ||
                              (pa->args[0].kind == V_VREG && pa->args[0].vreg != q)) &&
                rematerialisable(f, bi, i, &u)) {
                remat[q] = pa;
                any = 1;
            }
        }
    }
    free(u.defs);
    free(u.uses);
    free(u.ublock);
    free(u.ufirst);
    free(u.param);
    free(u.other);
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
