/* opt.c: the IR optimiser: self tail calls made loops, inlining small
 * functions, allocas made vregs, removing bounds checks already made,
 * joining straight-line blocks, value numbering, constant folding and dead
 * code, cold blocks last.
 *
 * Needs: ir.h.  Produces: opt_tailrec(m), opt_inline(m), opt_sroa(m),
 * opt_checks(m), opt_merge(m), opt_cse(m), opt_dce(m) and opt_layout(m),
 * run in that order by build.c on Arc sources (and IR with -O, and the C
 * layer) between the front end and rt_lower_module, each followed by
 * ir_verify.
 *
 * Inlining.  A call whose callee is defined in the module and is small
 * (at most INLINE_MAX instructions besides jumps and copies), not
 * variadic, passes no aggregate by value, and holds nothing that can fault
 * or call (no load or store through a pointer other than into its own
 * constant allocas, no call, dynamic alloca, intrinsic, or division by a
 * variable: arithmetic, comparisons, conversions, branches and globals,
 * as spectral-norm's a(i, j) and fasta's rnd(), and tuples built in an
 * alloca and returned, as libc's double-double helpers) is replaced by a
 * copy of the callee's body, in up to INLINE_ROUNDS rounds (a function
 * whose calls all went becomes a candidate in the next):
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
 * A tuple result is its alloca's address, which becomes the caller's:
 * one frame slot per inlined copy, as a call's result has one per call
 * site, and nothing else points to it.
 * The crash reporter loses nothing: an inlined body has no frame of its
 * own, but it cannot fault, so every report still names the function
 * where the fault happened, and it calls nothing, so backtraces are
 * whole.  Nor can inlining recurse.  Stack checks are unchanged: the
 * caller's frame grows by the callee's vregs and its check covers them.
 *
 * IR programs (.ir) are not optimised unless built with -O: they are the
 * code generator's tests, written call by call and check by check on
 * purpose (calling conventions, spills, recursion). */
#include <stdio.h>
#include <stdlib.h>
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

/* f's size for INLINE_MAX: its instructions but the jumps and copies
 * (which an earlier inlining adds and later passes mostly remove). */
static int inline_size(const Func *f)
{
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++)
            n += f->blocks[b]->insts[i].op != OP_JMP && f->blocks[b]->insts[i].op != OP_COPY;
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

/* f's frame memory: per vreg, the bytes of the constant-size alloca it
 * points to the start of, when that alloca is its only definition
 * (0: not one).  A load or store at [alloca + c] inside those bytes cannot
 * fault (the alloca is a slot of the frame: x64/emit.c). */
static int64_t *frame_vregs(Module *m, const Func *f)
{
    int64_t *size = ir_alloc(m, ((size_t)f->nvregs + 1) * sizeof *size);
    int *defs = ir_alloc(m, ((size_t)f->nvregs + 1) * sizeof *defs);
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->dst < 0)
                continue;
            defs[in->dst]++;
            if (in->op == OP_ALLOCA && in->args[0].kind == V_INT && in->args[0].i > 0 &&
                in->args[0].i <= 4096 && in->args[1].kind == V_INT && in->args[1].i <= 16)
                size[in->dst] = in->args[0].i;
        }
    for (int v = 0; v < f->nvregs; v++)
        if (defs[v] != 1)
            size[v] = 0;
    /* a copy of such a pointer, defined once, is one too (an inlined
     * callee's result: inline_call's copy of its alloca) */
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = 0; b < f->nblocks; b++)
            for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                const Inst *in = &f->blocks[b]->insts[i];
                if (in->op == OP_COPY && in->dst >= 0 && defs[in->dst] == 1 && !size[in->dst] &&
                    in->args[0].kind == V_VREG && size[in->args[0].vreg]) {
                    size[in->dst] = size[in->args[0].vreg];
                    changed = 1;
                }
            }
    }
    return size;
}

/* Is the address a (plus a constant off, through a ptradd defined once
 * in def[]) inside frame memory for n bytes? */
static int in_frame(const int64_t *size, const Inst *const *def, Val a, int64_t n)
{
    int64_t off = 0;
    if (a.kind != V_VREG)
        return 0;
    const Inst *d = def[a.vreg];
    if (d && d->op == OP_PTRADD && d->args[0].kind == V_VREG && d->args[1].kind == V_INT) {
        off = d->args[1].i;
        a = d->args[0];
    }
    return size[a.vreg] > 0 && off >= 0 && off + n <= size[a.vreg];
}

/* May f be inlined?  Small, not variadic, no aggregate parameter, and
 * nothing in it can fault or call: a crash report then always names the
 * function where the fault happened (an inlined body has no frame of its
 * own), and no inlining can recurse.  Its constant allocas and the loads
 * and stores inside them cannot fault; an aggregate result (a tuple) is
 * allowed when each ret returns such an alloca, which becomes the
 * caller's (a slot per inlined copy, as a call's result has one per call
 * site), so the caller's pointer to the result aliases nothing else. */
static int inlinable(Module *m, const Func *f)
{
    if (f->variadic || inline_size(f) > INLINE_MAX)
        return 0;
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i].agg)
            return 0;
    int64_t *size = frame_vregs(m, f);
    int rets = 0;
    /* each vreg's definition when it has exactly one */
    const Inst **def = ir_alloc(m, ((size_t)f->nvregs + 1) * sizeof *def);
    char *many = ir_alloc(m, (size_t)f->nvregs + 1);
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->dst < 0)
                continue;
            many[in->dst] = def[in->dst] != NULL;
            def[in->dst] = in;
        }
    for (int v = 0; v < f->nvregs; v++)
        if (many[v])
            def[v] = NULL;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            int safe = (in->op == OP_ALLOCA && in->dst >= 0 && size[in->dst]) ||
                       ((op_info[in->op].flags & F_LOAD) && !in->agg &&
                        in_frame(size, def, in->args[0], op_info[in->op].msize ? op_info[in->op].msize
                                                                                : type_size(in->type))) ||
                       (in->op == OP_STORE && !in->args[0].agg &&
                        in_frame(size, def, in->args[1], type_size(in->type)));
            if (!safe && may_fault(in))
                return 0;
            rets += in->op == OP_RET;
            if (in->op == OP_RET && f->retagg) {
                if (in->nargs < 1 || in->args[0].kind != V_VREG || !size[in->args[0].vreg])
                    return 0;
                continue;
            }
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].agg)
                    return 0;
        }
    /* one that never returns (an endless loop, opt_tailrec's too) would
     * leave its result undefined where the caller reads it */
    return rets > 0;
}

/* Inline the call at f->blocks[bi]->insts[k] to g (its blocks named
 * tag, seq, '.', g's name).  Returns the block where scanning goes on
 * (the continuation). */
static int inline_call(Module *m, Func *f, int bi, int k, const Func *g, const char *tag, int seq)
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
        snprintf(name, sizeof name, "%s%d.%s", tag, seq, g->blocks[b]->name);
        bmap[b] = ir_new_block(m, f, name)->id;
    }
    snprintf(name, sizeof name, "%s%d.cont", tag, seq);
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
                    v.agg = 0;      /* an aggregate result: its slot's address */
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

/* Rounds: a function whose only calls were inlined in one round may be
 * a candidate in the next (a double-double add over two_sum and
 * fast_sum); INLINE_ROUNDS bounds the growth. */
enum { INLINE_ROUNDS = 3 };

void opt_inline(Module *m)
{
    char *cand = ir_alloc(m, (size_t)m->nfuncs + 1);
    int seq = 0;
    for (int round = 0, more = 1; round < INLINE_ROUNDS && more; round++) {
        more = 0;
        for (int k = 0; k < m->nfuncs; k++)
            cand[k] = (char)inlinable(m, m->funcs[k]);
        for (int k = 0; k < m->nfuncs; k++) {
            Func *f = m->funcs[k];
            for (int b = 0; b < f->nblocks; b++)
                for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                    const Inst *in = &f->blocks[b]->insts[i];
                    Func *g = direct_callee(m, in);
                    if (!g || g == f || !cand[m->syms[g->sym].index])
                        continue;
                    b = inline_call(m, f, b, i, g, "inl", seq++);
                    i = -1;
                    more = 1;
                }
        }
    }
}

/* --- tail recursion ----------------------------------------------------- */


/* Scalar replacement.  A constant-size alloca whose address goes nowhere
 * but into its own plain loads and stores (directly, through copies of
 * the address defined once, or through ptradds of a constant defined
 * once), a memset of 0 and a memcpy from or to another such alloca, and
 * whose accesses are each the same type at the same offset or do not
 * overlap, becomes one vreg per accessed (offset, type): a store a copy
 * into it, a load a copy out of it, a memset copies of 0, a memcpy copies
 * from the other alloca's vregs (which must lay out the copied bytes the
 * same way).  Tuples are such allocas: a callee builds its result in one,
 * and after inlining the caller reads it back (libc's double-double
 * arithmetic: each `let (h, l) = ...` was two stores and two loads); so
 * are struct locals used field by field (a literal is built, then copied
 * in).  A read before any write reads the vreg unassigned, as the load
 * read the slot's unwritten bytes. */
enum { SROA_MAX_SLOTS = 16 };

/* How many definitions each vreg of f has (a parameter is one). */
static int *def_counts(Module *m, const Func *f)
{
    int *n = ir_alloc(m, ((size_t)f->nvregs + 1) * sizeof *n);
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].vreg >= 0)
            n[f->params[p].vreg]++;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++)
            if (f->blocks[b]->insts[i].dst >= 0)
                n[f->blocks[b]->insts[i].dst]++;
    return n;
}

typedef struct {
    int base;       /* the alloca's vreg, or -1: not an address in one */
    int64_t off;
} Based;

typedef struct {
    int64_t off;
    Type type;
    int vreg;
} Slot;

typedef struct {
    Module *m;
    Func *f;
    Based *bv;
    int64_t *size;
    int *aidx;
    char *bad;
    Slot *slots;    /* SROA_MAX_SLOTS per alloca, by aidx */
    int *nslots;    /* by alloca vreg */
} Sroa;

static Slot *sroa_slots(Sroa *r, int base) { return &r->slots[(size_t)r->aidx[base] * SROA_MAX_SLOTS]; }

/* The vreg of base's slot (off, t), made on first use (the slot exists:
 * sroa_access noted it). */
static int sroa_vreg(Sroa *r, int base, int64_t off, Type t)
{
    Slot *sl = sroa_slots(r, base);
    int k = 0;
    while (sl[k].off != off || sl[k].type != t)
        k++;
    if (sl[k].vreg < 0)
        sl[k].vreg = ir_new_vreg(r->m, r->f, t, NULL);
    return sl[k].vreg;
}

/* Note an access of type t at off in base's alloca (or rule it out). */
static void sroa_access(Sroa *r, int base, int64_t off, Type t)
{
    int64_t n = type_size(t);
    if (r->bad[base])
        return;
    if (n <= 0 || off < 0 || off + n > r->size[base]) {
        r->bad[base] = 1;
        return;
    }
    Slot *sl = sroa_slots(r, base);
    for (int k = 0; k < r->nslots[base]; k++) {
        if (sl[k].off == off && sl[k].type == t)
            return;
        if (off < sl[k].off + type_size(sl[k].type) && sl[k].off < off + n) {
            r->bad[base] = 1;   /* overlapping, another type */
            return;
        }
    }
    if (r->nslots[base] == SROA_MAX_SLOTS)
        r->bad[base] = 1;
    else
        sl[r->nslots[base]++] = (Slot){off, t, -1};
}

/* Are [off, off + n) and base's slots either inside or apart? */
static int sroa_covers(Sroa *r, int base, int64_t off, int64_t n)
{
    if (off < 0 || n <= 0 || off + n > r->size[base])
        return 0;
    const Slot *sl = sroa_slots(r, base);
    for (int k = 0; k < r->nslots[base]; k++) {
        int64_t lo = sl[k].off, hi = lo + type_size(sl[k].type);
        if (lo < off + n && off < hi && (lo < off || hi > off + n))
            return 0;
    }
    return 1;
}

/* The memset or memcpy in that may be rewritten: its pointers' bases
 * (b[0] the destination, b[1] the source or -1) and offsets; 0 when it
 * is not one (the alloca it names is ruled out by the caller). */
static int sroa_bytes(const Sroa *r, const Inst *in, int *b, int64_t *o, int64_t *n)
{
    if (in->op != OP_INTRIN || in->nargs != 4 || in->args[3].kind != V_INT)
        return 0;
    int id = (int)in->args[0].i;
    *n = in->args[3].i;
    for (int k = 0; k < 2; k++) {
        const Val *v = &in->args[1 + k];
        b[k] = v->kind == V_VREG ? r->bv[v->vreg].base : -1;
        o[k] = v->kind == V_VREG ? r->bv[v->vreg].off : 0;
    }
    if (id == IN_MEMSET)
        return b[0] >= 0 && in->args[2].kind == V_INT && in->args[2].i == 0 && (b[1] = -1, 1);
    return id == IN_MEMCPY && b[0] >= 0 && b[1] >= 0 && b[0] != b[1];
}

static void sroa_func(Module *m, Func *f)
{
    int nv = f->nvregs;
    int *defs = def_counts(m, f);
    Sroa r = {m, f, ir_alloc(m, ((size_t)nv + 1) * sizeof *r.bv),
              ir_alloc(m, ((size_t)nv + 1) * sizeof *r.size), ir_alloc(m, ((size_t)nv + 1) * sizeof *r.aidx),
              ir_alloc(m, (size_t)nv + 1), NULL, ir_alloc(m, ((size_t)nv + 1) * sizeof *r.nslots)};
    for (int v = 0; v < nv; v++)
        r.bv[v].base = -1;
    int nalloca = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->op == OP_ALLOCA && in->dst >= 0 && defs[in->dst] == 1 &&
                in->args[0].kind == V_INT && in->args[0].i > 0 && in->args[0].i <= 4096) {
                r.bv[in->dst] = (Based){in->dst, 0};
                r.size[in->dst] = in->args[0].i;
                r.aidx[in->dst] = nalloca++;
            }
        }
    if (!nalloca)
        return;
    r.slots = ir_alloc(m, (size_t)nalloca * SROA_MAX_SLOTS * sizeof *r.slots);
    /* the addresses derived from them: copies and constant ptradds,
     * each defined once */
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = 0; b < f->nblocks; b++)
            for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                const Inst *in = &f->blocks[b]->insts[i];
                if (in->dst < 0 || defs[in->dst] != 1 || r.bv[in->dst].base >= 0 || !in->nargs ||
                    in->args[0].kind != V_VREG || r.bv[in->args[0].vreg].base < 0 || in->agg)
                    continue;
                Based from = r.bv[in->args[0].vreg];
                if (in->op == OP_COPY && !in->args[0].agg) {
                    r.bv[in->dst] = from;
                    changed = 1;
                } else if (in->op == OP_PTRADD && in->args[1].kind == V_INT) {
                    r.bv[in->dst] = (Based){from.base, from.off + in->args[1].i};
                    changed = 1;
                }
            }
    }
    /* each alloca's accesses; an escape or a conflict rules it out */
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            int bb[2];
            int64_t bo[2], bn;
            int bytes = sroa_bytes(&r, in, bb, bo, &bn);
            for (int a = 0; a < in->nargs; a++) {
                const Val *v = &in->args[a];
                if (v->kind != V_VREG || r.bv[v->vreg].base < 0)
                    continue;
                int base = r.bv[v->vreg].base;
                int load = in->op == OP_LOAD && a == 0 && !in->agg && in->dst >= 0;
                int store = in->op == OP_STORE && a == 1 && !in->agg && !in->args[0].agg;
                int derive = in->dst >= 0 && r.bv[in->dst].base == base && a == 0 &&
                             (in->op == OP_COPY || in->op == OP_PTRADD);
                if (derive || (bytes && (a == 1 || a == 2)))
                    continue;
                if (load || store)
                    sroa_access(&r, base, r.bv[v->vreg].off, in->type);
                else
                    r.bad[base] = 1;    /* the address goes elsewhere */
            }
        }
    /* memsets and memcpys: the bytes they touch hold whole slots; a
     * memcpy's two sides the same slots (added where one has none), or
     * neither is rewritten */
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = 0; b < f->nblocks; b++)
            for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                const Inst *in = &f->blocks[b]->insts[i];
                int bb[2];
                int64_t bo[2], n;
                if (!sroa_bytes(&r, in, bb, bo, &n))
                    continue;
                int sides = bb[1] >= 0 ? 2 : 1, ok = 1;
                for (int k = 0; k < sides; k++)
                    ok &= !r.bad[bb[k]] && sroa_covers(&r, bb[k], bo[k], n);
                if (ok && sides == 2)
                    for (int side = 0; side < 2; side++) {
                        int from = bb[side], to = bb[!side];
                        const Slot *sl = sroa_slots(&r, from);
                        for (int j = 0; j < r.nslots[from]; j++) {
                            int64_t rel = sl[j].off - bo[side];
                            if (rel < 0 || rel >= n)
                                continue;
                            int had = r.nslots[to];
                            sroa_access(&r, to, bo[!side] + rel, sl[j].type);
                            changed |= r.nslots[to] != had || r.bad[to];
                        }
                    }
                for (int k = 0; k < sides; k++)
                    ok &= !r.bad[bb[k]] && sroa_covers(&r, bb[k], bo[k], n);
                if (!ok)
                    for (int k = 0; k < sides; k++)
                        if (!r.bad[bb[k]]) {
                            r.bad[bb[k]] = 1;
                            changed = 1;
                        }
            }
    }
    /* the rewrite: loads and stores become copies, memsets and memcpys
     * copies of each slot, the addresses go */
    for (int b = 0; b < f->nblocks; b++) {
        Block *bl = f->blocks[b];
        int nold = bl->ninsts;
        Inst *old = ir_alloc(m, ((size_t)nold + 1) * sizeof *old);
        memcpy(old, bl->insts, (size_t)nold * sizeof *old);
        bl->ninsts = 0;
        for (int i = 0; i < nold; i++) {
            Inst *in = &old[i];
            int d = in->dst;
            if (d >= 0 && r.bv[d].base >= 0 && !r.bad[r.bv[d].base])
                continue;       /* the alloca, or an address in it */
            int bb[2];
            int64_t bo[2], n;
            if (sroa_bytes(&r, in, bb, bo, &n) && !r.bad[bb[0]] && (bb[1] < 0 || !r.bad[bb[1]])) {
                Slot *dl = sroa_slots(&r, bb[0]);
                for (int j = 0; j < r.nslots[bb[0]]; j++) {
                    int64_t rel = dl[j].off - bo[0];
                    if (rel < 0 || rel >= n)
                        continue;
                    int to = sroa_vreg(&r, bb[0], dl[j].off, dl[j].type);
                    Val v = ir_int(dl[j].type, 0);
                    if (dl[j].type == T_F32 || dl[j].type == T_F64)
                        v = ir_flt(dl[j].type, 0.0);
                    else if (dl[j].type == T_PTR)
                        v = (Val){.kind = V_INT, .type = T_PTR};
                    if (bb[1] >= 0)
                        v = ir_vreg(f, sroa_vreg(&r, bb[1], bo[1] + rel, dl[j].type));
                    ir_emit(m, bl, OP_COPY, dl[j].type, to, 1, v);
                }
                continue;
            }
            int a = in->op == OP_LOAD ? 0 : in->op == OP_STORE ? 1 : -1;
            if (a >= 0 && in->args[a].kind == V_VREG) {
                Based at = r.bv[in->args[a].vreg];
                if (at.base >= 0 && !r.bad[at.base]) {
                    int v = sroa_vreg(&r, at.base, at.off, in->type);
                    if (in->op == OP_LOAD) {
                        in->args[0] = ir_vreg(f, v);
                    } else {
                        in->dst = v;
                        in->nargs = 1;
                    }
                    in->op = OP_COPY;
                }
            }
            ir_grow(m, &bl->insts, &bl->capinsts, bl->ninsts + 1, sizeof(Inst));
            bl->insts[bl->ninsts++] = *in;
        }
    }
}

void opt_sroa(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++)
        sroa_func(m, m->funcs[k]);
}

/* Tail calls to the function itself become jumps back to its start.
 *
 *     @entry: body                          @tr.entry: %acc = copy 0
 *     ...                                              jmp @entry
 *     @b: ... %r = call $f(a, b)      ==>   @entry: body
 *             %s = add %x, %r               ...
 *             ret %s                        @b: ... %acc = add %acc, %x
 *     @c: ... ret %v                                %p0 = copy a; %p1 = copy b
 *                                                   jmp @entry
 *                                           @c: ... %t = add %acc, %v; ret %t
 *
 * A tail site is a block ending in a direct call of the function itself
 * with the same arguments' shape, then only copies of the call's result
 * and at most one accumulator op (add, mul, and, or, xor of the return
 * type, an integer: associative and commutative in two's complement, so
 * acc op (x op f(...)) = (acc op x) op f(...); never a float op) reading
 * the result and an operand x not assigned since the call (the call
 * cannot change a vreg), then `ret` of the result (`call; ret` in a void
 * function).  Its call and what follows become: acc updated (when there
 * is an op), the parameters assigned the arguments (a parallel
 * assignment: an argument may read a parameter assigned before it; a
 * cycle goes through a fresh vreg), a jump to the old entry (or to the
 * block after it when it holds only allocas, as the front end's).  Every
 * other ret then returns acc op its value; acc starts at the op's
 * identity.  The sites of one function share one op (a site with another
 * op keeps its call: its ret applies acc like any other).
 *
 * Sound only when nothing the call's frame reaches is the caller's frame:
 * a loop reuses the frame the recursion would have kept.  So: no
 * aggregate by value (parameter, argument or result: they live in frame
 * slots), no variadic function, no dynamic alloca, and no constant
 * alloca's address (or one derived from it by ptradd and copies) used
 * other than as the address of a load or store: stored, passed, returned
 * or compared, it may reach the recursion.  The allocas then stay frame
 * slots (x64/emit.c) that each turn of the loop reuses, as each call's
 * frame would have had its own.
 * The crash reporter's backtrace shows one frame where the recursion
 * showed many (gcc -O2 does the same); stack checks only see fewer
 * calls. */
static int self_call(const Module *m, const Func *f, const Inst *in)
{
    if (in->op != OP_CALL || in->agg || in->args[0].kind != V_SYM || in->args[0].i != 0 ||
        in->args[0].sym != f->sym || in->type != f->ret || in->nargs != f->nparams + 1 ||
        m->syms[f->sym].kind != SYM_FUNCDEF)
        return 0;
    for (int p = 0; p < f->nparams; p++) {
        const Val *a = &in->args[1 + p];
        if (a->agg || (a->kind != V_VREG && a->kind != V_INT && a->kind != V_FLT && a->kind != V_SYM) ||
            a->type != f->vregs[f->params[p].vreg].type)
            return 0;
    }
    return 1;
}

/* The accumulator ops and their identities. */
static int acc_identity(Op op, int64_t *id)
{
    switch (op) {
    case OP_ADD: case OP_OR: case OP_XOR: *id = 0; return 1;
    case OP_MUL: *id = 1; return 1;
    case OP_AND: *id = -1; return 1;
    default: return 0;
    }
}

/* Did an instruction of bl between the call at k and i, one of those
 * drop[] marks, assign v? */
static int result_def(const Block *bl, int k, int i, int v, const char *drop)
{
    for (int j = k + 1; j < i; j++)
        if (drop[j - k - 1] && bl->insts[j].dst == v)
            return 1;
    return 0;
}

/* Does bl end in a tail site of f (see above)?  *call: the call's index;
 * *op: the accumulator op (OP_COPY: none) and *x its other operand;
 * drop[i - *call - 1]: instruction i after the call goes with it (a copy
 * of the result or the op), else it stays: pure, no fault, no load (the
 * recursion may store), reading no copy of the result, assigning neither
 * one nor an argument of the call nor x after the op.  At most
 * TAIL_REACH instructions between the call and the ret. */
enum { TAIL_REACH = 64 };

static int tail_site(const Module *m, const Func *f, const Block *bl, int *call, Op *op, Val *x,
                     char *drop)
{
    int n = bl->ninsts, k = n - 2;
    if (n < 2 || bl->insts[n - 1].op != OP_RET)
        return 0;
    const Inst *ret = &bl->insts[n - 1];
    while (k >= 0 && bl->insts[k].op != OP_CALL)
        k--;
    if (k < 0 || n - 2 - k > TAIL_REACH || !self_call(m, f, &bl->insts[k]))
        return 0;
    const Inst *c = &bl->insts[k];
    *call = k;
    *op = OP_COPY;
    memset(drop, 0, TAIL_REACH);
    int chain = c->dst;   /* the result's current copy */
    if (f->retagg || (f->ret == T_VOID) != (chain < 0))
        return 0;
    for (int i = k + 1; i < n - 1; i++) {
        const Inst *in = &bl->insts[i];
        int64_t id;
        /* v is (a copy of) the result when the call or a dropped
         * instruction assigned it */
#define RESULT(v) ((v) == c->dst || result_def(bl, k, i, (v), drop))
        int rd = 0;
        for (int a = 0; a < in->nargs; a++)
            rd |= in->args[a].kind == V_VREG && RESULT(in->args[a].vreg);
        if (!rd) {   /* stays */
            if (in->dst < 0 || in->agg || may_fault(in) ||
                (op_info[in->op].flags & (F_SIDE | F_CALL | F_TERM | F_LOAD)) || RESULT(in->dst) ||
                (*op != OP_COPY && x->kind == V_VREG && x->vreg == in->dst))
                return 0;
            for (int a = 1; a < c->nargs; a++)
                if (c->args[a].kind == V_VREG && c->args[a].vreg == in->dst)
                    return 0;
            continue;
        }
        drop[i - k - 1] = 1;
        if (in->dst < 0 || in->agg || in->type != f->ret || in->nargs < 1)
            return 0;
        if (in->op == OP_COPY && in->args[0].vreg == chain) {
            chain = in->dst;
            continue;
        }
        if (*op != OP_COPY || !acc_identity(in->op, &id) || !type_in_class(in->type, TC_INT) || in->nargs != 2)
            return 0;
        int s = in->args[0].kind == V_VREG && in->args[0].vreg == chain ? 1
              : in->args[1].kind == V_VREG && in->args[1].vreg == chain ? 0 : -1;
        if (s < 0)
            return 0;
        *x = in->args[s];
        if ((x->kind != V_VREG && x->kind != V_INT) || (x->kind == V_VREG && RESULT(x->vreg)))
            return 0;
#undef RESULT
        *op = in->op;
        chain = in->dst;
    }
    if (chain < 0)
        return ret->nargs == 0 || ret->args[0].kind == V_NONE;
    return ret->nargs == 1 && ret->args[0].kind == V_VREG && ret->args[0].vreg == chain && !ret->args[0].agg;
}

/* May f's tail calls become jumps: no aggregate by value, not variadic,
 * no dynamic alloca, no frame address used but as a load's or store's
 * address (see above)? */
static int tailrec_ok(Module *m, const Func *f)
{
    if (f->variadic || f->retagg || !f->nblocks)
        return 0;
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].agg)
            return 0;
    /* frame addresses: allocas and aggregate results, and what ptradd or
     * copy makes of them, found by iterating to a fixed point (a vreg is
     * one if any of its definitions makes one: vregs are not SSA) */
    char *frame = ir_alloc(m, (size_t)f->nvregs + 1);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = 0; b < f->nblocks; b++)
            for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                const Inst *in = &f->blocks[b]->insts[i];
                if (in->op == OP_ALLOCA && in->args[0].kind != V_INT)
                    return 0;
                int from = in->op == OP_ALLOCA || in->agg ||
                           ((in->op == OP_PTRADD || in->op == OP_COPY) && in->args[0].kind == V_VREG &&
                            frame[in->args[0].vreg]);
                if (from && in->dst >= 0 && !frame[in->dst])
                    frame[in->dst] = 1, changed = 1;
            }
    }
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            for (int a = 0; a < in->nargs; a++) {
                const Val *v = &in->args[a];
                if (v->agg)
                    return 0;
                if (v->kind != V_VREG || !frame[v->vreg])
                    continue;
                int addr = a == 0 && ((op_info[in->op].flags & F_LOAD) || in->op == OP_PTRADD ||
                                      in->op == OP_COPY);
                if (!addr && !(a == 1 && in->op == OP_STORE))
                    return 0;
            }
        }
    return 1;
}

/* Parallel assignment of the n values src[] to the vregs dst[] at the
 * end of bl: a copy is emitted once no copy still to come reads its
 * destination; a cycle is broken through a fresh vreg. */
static void parallel_copy(Module *m, Func *f, Block *bl, int *dst, Val *src, int n, int line, int col)
{
    while (n > 0) {
        int pick = -1;
        for (int i = 0; i < n && pick < 0; i++) {
            pick = i;
            for (int j = 0; j < n; j++)
                if (j != i && src[j].kind == V_VREG && src[j].vreg == dst[i])
                    pick = -1;
        }
        Inst *c;
        if (pick < 0) {   /* every destination is still read: save one */
            int t = ir_new_vreg(m, f, f->vregs[dst[0]].type, NULL);
            c = ir_emit(m, bl, OP_COPY, f->vregs[t].type, t, 1, ir_vreg(f, dst[0]));
            for (int j = 0; j < n; j++)
                if (src[j].kind == V_VREG && src[j].vreg == dst[0])
                    src[j] = ir_vreg(f, t);
        } else {
            c = ir_emit(m, bl, OP_COPY, f->vregs[dst[pick]].type, dst[pick], 1, src[pick]);
            dst[pick] = dst[n - 1];
            src[pick] = src[n - 1];
            n--;
        }
        c->line = line, c->col = col;
    }
}

static int tailrec_func(Module *m, Func *f)
{
    int nb = f->nblocks, nsites = 0, acc = -1;
    Op accop = OP_COPY;
    int64_t id = 0;
    int *call = ir_alloc(m, ((size_t)nb + 1) * sizeof *call);
    Op *op = ir_alloc(m, ((size_t)nb + 1) * sizeof *op);
    Val *x = ir_alloc(m, ((size_t)nb + 1) * sizeof *x);
    char *site = ir_alloc(m, (size_t)nb + 1);
    char *drop = ir_alloc(m, ((size_t)nb + 1) * TAIL_REACH);
    for (int b = 0; b < nb; b++) {
        if (!tail_site(m, f, f->blocks[b], &call[b], &op[b], &x[b], drop + (size_t)b * TAIL_REACH))
            continue;
        if (op[b] != OP_COPY && accop == OP_COPY)
            accop = op[b];
        if (op[b] == OP_COPY || op[b] == accop)
            site[b] = 1, nsites++;
    }
    if (!nsites || !tailrec_ok(m, f))
        return 0;
    /* the loop starts after the entry's allocas when the entry is only
     * those (the front end's), else a new entry goes before it */
    Block *start = f->blocks[0];
    int head = 0, k = 0;
    while (k < start->ninsts && start->insts[k].op == OP_ALLOCA)
        k++;
    if (k == start->ninsts - 1 && start->insts[k].op == OP_JMP && start->insts[k].args[0].blk != 0) {
        head = start->insts[k].args[0].blk;
        start->ninsts--;
    } else {
        start = ir_new_block(m, f, "tr.entry");
    }
    if (accop != OP_COPY) {
        acc_identity(accop, &id);
        acc = ir_new_vreg(m, f, f->ret, "tr.acc");
        ir_emit(m, start, OP_COPY, f->ret, acc, 1, ir_int(f->ret, id));
    }
    ir_emit(m, start, OP_JMP, T_VOID, -1, 1, ir_blk(f, f->blocks[head]));
    int *dst = ir_alloc(m, ((size_t)f->nparams + 1) * sizeof *dst);
    Val *src = ir_alloc(m, ((size_t)f->nparams + 1) * sizeof *src);
    for (int b = 0; b < nb; b++) {
        Block *bl = f->blocks[b];
        if (site[b]) {
            Inst c = bl->insts[call[b]];
            int j = call[b];
            for (int i = j + 1; i < bl->ninsts - 1; i++)
                if (!drop[(size_t)b * TAIL_REACH + (size_t)(i - call[b] - 1)])
                    bl->insts[j++] = bl->insts[i];
            bl->ninsts = j;
            if (op[b] != OP_COPY) {
                Inst *u = ir_emit(m, bl, accop, f->ret, acc, 2, ir_vreg(f, acc), x[b]);
                u->line = c.line, u->col = c.col;
            }
            int n = 0;
            for (int p = 0; p < f->nparams; p++) {
                const Val *a = &c.args[1 + p];
                if (a->kind != V_VREG || a->vreg != f->params[p].vreg)
                    dst[n] = f->params[p].vreg, src[n++] = *a;
            }
            parallel_copy(m, f, bl, dst, src, n, c.line, c.col);
            Inst *jmp = ir_emit(m, bl, OP_JMP, T_VOID, -1, 1, ir_blk(f, f->blocks[head]));
            jmp->line = c.line, jmp->col = c.col;
        } else if (acc >= 0 && bl->ninsts && bl->insts[bl->ninsts - 1].op == OP_RET) {
            Inst ret = bl->insts[--bl->ninsts];
            if (ret.args[0].kind == V_INT && ret.args[0].i == id) {
                ret.args[0] = ir_vreg(f, acc);   /* acc op identity */
            } else {
                int t = ir_new_vreg(m, f, f->ret, NULL);
                Inst *u = ir_emit(m, bl, accop, f->ret, t, 2, ir_vreg(f, acc), ret.args[0]);
                u->line = ret.line, u->col = ret.col;
                ret.args[0] = ir_vreg(f, t);
            }
            ir_grow(m, &bl->insts, &bl->capinsts, bl->ninsts + 1, sizeof(Inst));
            bl->insts[bl->ninsts++] = ret;
        }
    }
    if (start != f->blocks[0]) {
        int *order = ir_alloc(m, ((size_t)nb + 2) * sizeof *order);
        order[0] = start->id;
        for (int b = 0; b < nb; b++)
            order[1 + b] = b;
        ir_reorder_blocks(m, f, order);
    }
    return 1;
}

/* One level of recursion inlined.  A function made a loop above that
 * still calls itself once (fib's first call) and is small gets a copy of
 * its own body, as it was, in place of that call, as gcc's recursive
 * inlining does: fewer calls again (fib(35) ran in 26 ms, now 18).  The
 * copy calls the function, not itself.  As for any inlining (above) a
 * crash report loses a frame of the recursion but still names the
 * function, and the frame's stack check covers the copy's vregs. */
enum { SELF_INLINE_MAX = 24 };

static void self_inline(Module *m, Func *f, int seq)
{
    int cb = -1, ci = -1, n = 0;
    if (inline_size(f) > SELF_INLINE_MAX)
        return;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++)
            if (self_call(m, f, &f->blocks[b]->insts[i]))
                n++, cb = b, ci = i;
    if (n != 1)
        return;
    /* inline_call reads g while it adds to f: g is a copy of f */
    Func g = *f;
    g.blocks = ir_alloc(m, (size_t)f->nblocks * sizeof *g.blocks);
    for (int b = 0; b < f->nblocks; b++) {
        Block *c = ir_alloc(m, sizeof *c);
        *c = *f->blocks[b];
        c->insts = ir_alloc(m, ((size_t)c->ninsts + 1) * sizeof *c->insts);
        memcpy(c->insts, f->blocks[b]->insts, (size_t)c->ninsts * sizeof *c->insts);
        g.blocks[b] = c;
    }
    g.vregs = ir_alloc(m, (size_t)f->nvregs * sizeof *g.vregs);
    memcpy(g.vregs, f->vregs, (size_t)f->nvregs * sizeof *g.vregs);
    inline_call(m, f, cb, ci, &g, "rec", seq);
}

void opt_tailrec(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++)
        if (tailrec_func(m, m->funcs[k]))
            self_inline(m, m->funcs[k], 0);
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

/* Cold blocks last, and chains.  A block that ends in unreachable (a
 * failed bounds check's call to arc_rt_index_fail, a runtime error)
 * moves to the end of its function, in order, so the hot path falls
 * through its checks instead of jumping over the cold code, and the cold
 * code leaves the loops' instruction cache lines and live ranges.  The
 * others keep their order, except that a block entered only from the
 * block just placed, as the true target of its br, comes right after it
 * (and so on along the chain): the second test of a loop condition
 * `a && b` then follows the first, and the body follows both, instead of
 * sitting where the front end created it.  Not a block that calls: live
 * intervals are spans of this order (x64/live.c), and a call moved into
 * the span of a loop's values would push them out of the caller-saved
 * registers. */
static int cold(const Block *bl)
{
    return bl->ninsts > 0 && bl->insts[bl->ninsts - 1].op == OP_UNREACHABLE;
}

static int calls(const Block *bl)
{
    for (int i = 0; i < bl->ninsts; i++)
        if (op_info[bl->insts[i].op].flags & F_CALL)
            return 1;
    return 0;
}

void opt_layout(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int n = f->nblocks;
        int *order = ir_alloc(m, ((size_t)n + 1) * sizeof *order);
        char *placed = ir_alloc(m, (size_t)n + 1);
        int *npred = count_preds(m, f, NULL);
        int j = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int b = 0; b < n; b++) {
                for (int c = b; c >= 0 && !placed[c] && (c == 0 || cold(f->blocks[c]) == pass);) {
                    placed[c] = 1;
                    order[j++] = c;
                    const Inst *t = terminator(f->blocks[c]);
                    int s = t && t->op == OP_BR ? t->args[1].blk : -1;
                    c = s > 0 && npred[s] == 1 && !cold(f->blocks[s]) && !calls(f->blocks[s]) && !pass ? s : -1;
                }
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

/* Jumps threaded, then blocks joined.  A br on a constant copied into its
 * condition earlier in its block becomes a jmp.  A branch to a block that is only
 * `jmp @y` goes to @y instead; a `jmp` to a block that is only a `br`
 * becomes a copy of that br (the condition is the same vreg at the end of
 * either block: a loop condition `a && b` ends in such a block).  A block
 * that ends in `jmp @s`, where @s is entered from nowhere else (and is
 * not the entry), takes @s's instructions in place of the jmp: opt_checks
 * leaves a loop body as such a chain, one block per removed check.
 * Blocks no path from the entry reaches (the failure blocks of removed
 * checks, those the threading bypassed) are dropped. */
static void thread_jumps(Module *m, Func *f)
{
    int n = f->nblocks;
    for (int b = 0; b < n; b++) {
        Block *bl = f->blocks[b];
        Inst *t = bl->ninsts ? &bl->insts[bl->ninsts - 1] : NULL;
        if (!t || !(op_info[t->op].flags & F_TERM))
            continue;
        /* a br on a constant the block itself copied into the condition
         * (an inlined `return true`) goes where it always goes */
        for (int i = bl->ninsts - 2; t->op == OP_BR && t->args[0].kind == V_VREG && i >= 0; i--) {
            const Inst *d = &bl->insts[i];
            if (d->dst != t->args[0].vreg)
                continue;
            if (d->op == OP_COPY && d->args[0].kind == V_INT) {
                Val to = t->args[d->args[0].i ? 1 : 2];
                t->op = OP_JMP;
                t->type = T_VOID;
                t->args[0] = to;
                t->nargs = 1;
            }
            break;
        }
        for (int a = 0; a < t->nargs; a++) {
            if (t->args[a].kind != V_BLOCK)
                continue;
            int y = t->args[a].blk;
            for (int steps = 0; steps < n; steps++) {
                const Block *yb = f->blocks[y];
                if (yb->ninsts != 1 || yb->insts[0].op != OP_JMP || yb->insts[0].args[0].blk == y)
                    break;
                y = yb->insts[0].args[0].blk;
            }
            t->args[a].blk = y;
        }
        const Block *sb = t->op == OP_JMP ? f->blocks[t->args[0].blk] : NULL;
        if (sb && sb != bl && sb->ninsts == 1 && sb->insts[0].op == OP_BR) {
            const Inst *br = &sb->insts[0];
            Val *args = ir_alloc(m, (size_t)br->nargs * sizeof *args);
            memcpy(args, br->args, (size_t)br->nargs * sizeof *args);
            int line = t->line, col = t->col;
            *t = *br;
            t->args = args;
            t->capargs = br->nargs;
            t->line = line, t->col = col;
        }
    }
}

void opt_merge(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int n = f->nblocks;
        if (!n)
            continue;
        thread_jumps(m, f);
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
 * assigned.  Pure: no side effect, no call, no memory access, no division
 * (it may trap).  An `i64 mul` by 1, 2, 4 or 8 is left alone: it scales
 * an array index, and the code generator folds each one into its memory
 * access (x64/isel.c: fuse_index), which a shared value would prevent.
 *
 * Loads too, with the memory version (stores, calls and intrinsics met so
 * far, atomics included): a load of an address already loaded, or just
 * stored to (`store v, p; ...; load p` reads v), with no store, call or
 * intrinsic between, becomes a copy.  The earlier access would have
 * faulted first, so no fault is lost.  Loops are not crossed: a loop
 * header is entered from two places, so a loop reads memory again each
 * time round.
 *
 * A branch already decided: entering a block along the true (false) edge
 * of `br %c`, a `br %c` there, %c not assigned since, becomes a jmp to
 * its true (false) target.
 *
 * Integer constants (fold_const), along the same paths: a vreg last
 * assigned `copy` of an integer constant is that constant (a fact like a
 * copy's); an integer operation, compare or conversion whose operands are
 * all constants becomes a `copy` of its result, computed at the
 * instruction's width with the code generator's wrapping (not a division
 * that would trap, by zero or by -1, nor a shift by the width or more);
 * other operands take the constant when it fits an imm32 (a copy, any);
 * x + 0, x * 1, x / 1, x & ~0 and the like become copies of x; and a `br`
 * on a constant becomes a jmp.
 *
 * Vregs are not SSA, so every fact records the version (the count of
 * definitions met so far, in the walk) of each vreg it involves, and
 * holds only while those versions are current.  Facts form a stack:
 * leaving a block's subtree pops the facts its blocks added, so a sibling
 * sees only its own path's; the memory version goes back to its parent's
 * too.  Vreg versions are never rolled back, which only forgets facts.
 *
 * Copies into place, before numbering (which would make more reads of
 * %t) and after: `%t = op ...` followed in the same block by `%d = copy
 * %t`, the only read of %t, with no read or write of %d between, becomes
 * `%d = op ...` (the front end assigns every Arc local through such a
 * copy).  opt_dce then removes what is left unread. */
typedef struct {
    Op op;        /* OP_COPY: dst is a copy of a[0] */
    Type type;
    int nargs, dst;
    Val a[2];
    int ver[3];   /* versions of dst and of the vreg operands */
    int mem;      /* a load's: the memory version; -1 for the others */
    unsigned h;
    int prev;     /* the fact before it in its hash chain, -1 none */
} Fact;

typedef struct {
    Fact *facts;
    int n;
    int *head;        /* hash chains: a power of two, twice the instructions */
    unsigned mask;
    int *ver;
    int mem;          /* stores, calls and intrinsics met so far */
    char *gconst;     /* the vreg's one definition is an entry-block copy of */
    int64_t *gval;    /* the integer constant gval: it holds at every use */
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

/* May load in be numbered: merged with an earlier load of the same
 * address, or with the value a store there wrote, while no store, call
 * or intrinsic came between (see above)? */
static int loadable(const Inst *in)
{
    const Val *p = &in->args[0];
    return (op_info[in->op].flags & F_LOAD) && in->dst >= 0 && in->nargs == 1 && !in->agg &&
           (p->kind == V_SYM || (p->kind == V_VREG && p->vreg != in->dst));
}

static unsigned fact_hash(const Facts *fs, Op op, Type type, int nargs, const Val *a)
{
    unsigned h = (unsigned)op * 2654435761u + (unsigned)type;
    for (int i = 0; i < nargs; i++)
        h = h * 31 + val_hash(&a[i]);
    return (h ^ h >> 15) & fs->mask;
}

static int fact_holds(const Facts *fs, const Fact *e)
{
    if (fs->ver[e->dst] != e->ver[0] || (e->mem >= 0 && e->mem != fs->mem))
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
    for (int e = fs->head[fact_hash(fs, op, type, nargs, a)]; e >= 0; e = fs->facts[e].prev) {
        const Fact *x = &fs->facts[e];
        if (x->op != op || !fact_holds(fs, x))
            continue;
        if (op == OP_COPY || op == OP_BR) {
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
    *e = (Fact){.op = in->op, .type = in->type, .nargs = in->nargs, .dst = in->dst,
                .mem = (op_info[in->op].flags & F_LOAD) ? fs->mem : -1};
    for (int i = 0; i < in->nargs; i++) {
        e->a[i] = in->args[i];
        if (e->a[i].kind == V_VREG)
            e->ver[1 + i] = fs->ver[e->a[i].vreg];
    }
    e->ver[0] = fs->ver[in->dst];
    if (in->op == OP_COPY) {   /* found by its destination */
        Val d = {.kind = V_VREG, .type = in->type, .vreg = in->dst};
        e->h = fact_hash(fs, OP_COPY, T_VOID, 1, &d);
    } else {
        e->h = fact_hash(fs, in->op, in->type, in->nargs, in->args);
    }
    e->prev = fs->head[e->h];
    fs->head[e->h] = fs->n++;
}

/* Along the edge just taken, vreg c of `br %c` is nonzero (taken 1) or 0. */
static void fact_branch(Facts *fs, int c, int taken)
{
    Fact *e = &fs->facts[fs->n];
    Val d = {.kind = V_VREG, .vreg = c};
    *e = (Fact){.op = OP_BR, .nargs = 0, .dst = c, .a = {{.kind = V_INT, .i = taken}}, .mem = -1};
    e->ver[0] = fs->ver[c];
    e->h = fact_hash(fs, OP_BR, T_VOID, 1, &d);
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

/* --- integer constants (see above) --- */
static int int_type(Type t) { return t == T_I8 || t == T_I16 || t == T_I32 || t == T_I64; }

static int type_bits(Type t) { return t == T_I8 ? 8 : t == T_I16 ? 16 : t == T_I32 ? 32 : 64; }

/* v's low bits of type t, zero-extended / sign-extended */
static uint64_t zext_to(Type t, int64_t v)
{
    int w = type_bits(t);
    return w == 64 ? (uint64_t)v : (uint64_t)v & ((UINT64_C(1) << w) - 1);
}

static int64_t sext_to(Type t, int64_t v)
{
    int w = type_bits(t);
    if (w == 64)
        return v;
    uint64_t u = zext_to(t, v), sign = UINT64_C(1) << (w - 1);
    return (int64_t)((u ^ sign) - sign);
}

/* Does the constant propagation look at in's operands: an integer
 * operation, compare or conversion, or a copy, of integer types? */
static int const_user(const Inst *in)
{
    if (in->agg || in->dst < 0)
        return 0;
    if ((in->op >= OP_ADD && in->op <= OP_NOT) || (in->op >= OP_EQ && in->op <= OP_UGE) ||
        in->op == OP_COPY)
        return int_type(in->type) && in->nargs >= 1 && !in->args[0].agg;
    if (in->op == OP_SEXT || in->op == OP_ZEXT || in->op == OP_TRUNC)
        return int_type(in->type) && in->nargs == 1 && int_type(in->args[0].type) && !in->args[0].agg;
    return 0;
}

/* in's result from constant operands a[], as its dst's type holds it; 0
 * when it is not folded (a trap, or a shift out of range). */
static int fold_value(const Inst *in, const int64_t *a, int64_t *out)
{
    Type t = in->type;
    uint64_t ua = zext_to(t, a[0]), ub = in->nargs > 1 ? zext_to(t, a[1]) : 0;
    int64_t sa = sext_to(t, a[0]), sb = in->nargs > 1 ? sext_to(t, a[1]) : 0;
    uint64_t r;
    switch (in->op) {
    case OP_ADD: r = ua + ub; break;
    case OP_SUB: r = ua - ub; break;
    case OP_MUL: r = ua * ub; break;
    case OP_AND: r = ua & ub; break;
    case OP_OR: r = ua | ub; break;
    case OP_XOR: r = ua ^ ub; break;
    case OP_NEG: r = 0 - ua; break;
    case OP_NOT: r = ~ua; break;
    case OP_SDIV: case OP_SREM:
        if (sb == 0 || sb == -1)
            return 0;
        r = (uint64_t)(in->op == OP_SDIV ? sa / sb : sa % sb);
        break;
    case OP_UDIV: case OP_UREM:
        if (ub == 0)
            return 0;
        r = in->op == OP_UDIV ? ua / ub : ua % ub;
        break;
    case OP_SHL: case OP_LSHR: case OP_ASHR:
        if (ub >= (uint64_t)type_bits(t))
            return 0;
        r = in->op == OP_SHL ? ua << ub : in->op == OP_LSHR ? ua >> ub
                             : sa < 0 ? ~(~(uint64_t)sa >> ub) : (uint64_t)sa >> ub;
        break;
    case OP_EQ: r = ua == ub; break;
    case OP_NE: r = ua != ub; break;
    case OP_SLT: r = sa < sb; break;
    case OP_SLE: r = sa <= sb; break;
    case OP_SGT: r = sa > sb; break;
    case OP_SGE: r = sa >= sb; break;
    case OP_ULT: r = ua < ub; break;
    case OP_ULE: r = ua <= ub; break;
    case OP_UGT: r = ua > ub; break;
    case OP_UGE: r = ua >= ub; break;
    case OP_SEXT: r = (uint64_t)sext_to(in->args[0].type, a[0]); break;
    case OP_ZEXT: r = zext_to(in->args[0].type, a[0]); break;
    case OP_TRUNC: case OP_COPY: r = (uint64_t)a[0]; break;
    default: return 0;
    }
    Type rt = (in->op >= OP_EQ && in->op <= OP_UGE) ? T_I8 : t;
    *out = sext_to(rt, (int64_t)r);
    return 1;
}

/* The constant vreg v (read as type t) holds on this path, if a fact says
 * so. */
static int const_of(const Facts *fs, int v, Type t, int64_t *out)
{
    if (fs->gconst[v]) {
        *out = fs->gval[v];
        return 1;
    }
    Val d = {.kind = V_VREG, .type = t, .vreg = v};
    int e = fact_find(fs, OP_COPY, T_VOID, 1, &d);
    if (e < 0 || fs->facts[e].a[0].kind != V_INT)
        return 0;
    *out = fs->facts[e].a[0].i;
    return 1;
}

/* Constants into in's operands; in folded into a copy when they all are
 * (see above). */
static void fold_const(const Func *f, Inst *in, const Facts *fs)
{
    if (!const_user(in) || in->nargs > 2)
        return;
    int64_t a[2];
    int known = 0;
    for (int k = 0; k < in->nargs; k++) {
        const Val *v = &in->args[k];
        if (v->kind == V_INT)
            a[k] = v->i, known++;
        else if (v->kind == V_VREG && const_of(fs, v->vreg, v->type, &a[k]))
            known++;
        else
            a[k] = 0;
    }
    int64_t r;
    if (known == in->nargs && in->op != OP_COPY && fold_value(in, a, &r)) {
        in->op = OP_COPY;
        in->type = f->vregs[in->dst].type;
        in->nargs = 1;
        in->args[0] = ir_int(in->type, r);
        return;
    }
    for (int k = 0; k < in->nargs; k++) {
        Val *v = &in->args[k];
        if (v->kind == V_VREG && const_of(fs, v->vreg, v->type, &a[k]) &&
            (in->op == OP_COPY || a[k] == (int32_t)a[k]))
            *v = ir_int(v->type, a[k]);
    }
    /* a commutative operation takes its constant second, as an immediate */
    if ((op_info[in->op].flags & F_COMM) && in->nargs == 2 && in->args[0].kind == V_INT &&
        in->args[1].kind != V_INT) {
        Val t = in->args[0];
        in->args[0] = in->args[1];
        in->args[1] = t;
    }
    /* x + 0, x * 1, x & ~0 and their kind: a copy of x */
    if (in->nargs == 2 && in->args[1].kind == V_INT && in->args[0].kind == V_VREG) {
        uint64_t c = zext_to(in->type, in->args[1].i);
        int same = 0;
        switch (in->op) {
        case OP_ADD: case OP_SUB: case OP_OR: case OP_XOR:
        case OP_SHL: case OP_LSHR: case OP_ASHR:
            same = c == 0;
            break;
        case OP_MUL: case OP_SDIV: case OP_UDIV:
            same = c == 1;
            break;
        case OP_AND:
            same = c == zext_to(in->type, -1);
            break;
        default:
            break;
        }
        if (same) {
            in->op = OP_COPY;
            in->nargs = 1;
        }
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
            if (e >= 0 && fs->facts[e].a[0].kind == V_VREG)
                in->args[a].vreg = fs->facts[e].a[0].vreg;
        }
        fold_const(f, in, fs);
        if (numberable(in) || loadable(in)) {
            int e = fact_find(fs, in->op, in->type, in->nargs, in->args);
            if (e >= 0) {
                in->op = OP_COPY;
                in->type = f->vregs[in->dst].type;
                in->nargs = 1;
                in->args[0] = ir_vreg(f, fs->facts[e].dst);
            }
        }
        if (in->op == OP_BR && in->args[0].kind == V_VREG) {
            Val c = {.kind = V_VREG, .vreg = in->args[0].vreg};
            int e = fact_find(fs, OP_BR, T_VOID, 1, &c);
            int64_t k;
            int taken = -1;
            if (e >= 0)     /* taken on the way here: known */
                taken = fs->facts[e].a[0].i != 0;
            else if (int_type(in->type) && const_of(fs, c.vreg, in->type, &k))
                taken = zext_to(in->type, k) != 0;
            if (taken >= 0) {
                in->op = OP_JMP;
                in->type = T_VOID;
                in->args[0] = in->args[taken ? 1 : 2];
                in->nargs = 1;
            }
        }
        if (in->op == OP_STORE || in->op == OP_INTRIN || (op_info[in->op].flags & F_CALL))
            fs->mem++;
        if (in->op == OP_STORE && in->args[0].kind == V_VREG && !in->args[0].agg &&
            (in->args[1].kind == V_SYM || in->args[1].kind == V_VREG)) {
            /* a load of the same type from there reads the value stored */
            Inst ld = {.op = OP_LOAD, .type = in->type, .dst = in->args[0].vreg, .args = &in->args[1],
                       .nargs = 1};
            fact_push(fs, &ld);
        }
        if (in->dst < 0)
            continue;
        fs->ver[in->dst]++;
        if ((in->op == OP_COPY && in->args[0].kind == V_VREG && in->args[0].vreg != in->dst) ||
            (in->op == OP_COPY && in->args[0].kind == V_INT && !in->agg && int_type(in->type)) ||
            numberable(in) || loadable(in))
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

/* `%t = op ...; ...; %d = copy %t` -> `%d = op ...` (see above), the def
 * looked for at most FOLD_REACH instructions back (linear in a block of
 * any size).  The folded copies are dropped at the end. */
enum { FOLD_REACH = 32 };

static void fold_copies(Block *bl, int *uses)
{
    int folded = 0;
    for (int j = 0; j < bl->ninsts; j++) {
        Inst *c = &bl->insts[j];
        if (c->op != OP_COPY || c->args[0].kind != V_VREG)
            continue;
        int t = c->args[0].vreg, d = c->dst;
        if (t == d || uses[t] != 1)
            continue;
        int k = j - 1;
        while (k >= 0 && k >= j - FOLD_REACH && bl->insts[k].dst != t && bl->insts[k].dst != d &&
               !reads(&bl->insts[k], d))
            k--;
        if (k < 0 || k < j - FOLD_REACH || bl->insts[k].dst != t)
            continue;
        bl->insts[k].dst = d;
        uses[t]--;
        c->dst = -1;   /* dropped below */
        folded = 1;
    }
    int n = 0;
    for (int j = 0; j < bl->ninsts; j++)
        if (!folded || bl->insts[j].op != OP_COPY || bl->insts[j].dst >= 0)
            bl->insts[n++] = bl->insts[j];
    bl->ninsts = n;
}

/* The vregs whose one definition (a parameter counts as one) is an
 * entry-block `copy` of an integer constant: the entry dominates every
 * block, so every read that follows the copy sees the constant, and a
 * read before it reads a vreg not yet assigned (fold_const's facts
 * beyond the extended blocks). */
static void entry_consts(Module *m, const Func *f, Facts *fs)
{
    int *ndef = def_counts(m, f);
    fs->gconst = ir_alloc(m, (size_t)f->nvregs + 1);
    fs->gval = ir_alloc(m, ((size_t)f->nvregs + 1) * sizeof *fs->gval);
    const Block *entry = f->blocks[0];
    for (int i = 0; i < entry->ninsts; i++) {
        const Inst *in = &entry->insts[i];
        if (in->op == OP_COPY && in->dst >= 0 && ndef[in->dst] == 1 && !in->agg &&
            int_type(in->type) && in->args[0].kind == V_INT && !in->args[0].agg) {
            fs->gconst[in->dst] = 1;
            fs->gval[in->dst] = in->args[0].i;
        }
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
        fs->mask = 1023;
        while (fs->mask < 2 * (unsigned)ninsts(f))
            fs->mask = fs->mask * 2 + 1;
        fs->head = ir_alloc(m, ((size_t)fs->mask + 1) * sizeof *fs->head);
        for (unsigned h = 0; h <= fs->mask; h++)
            fs->head[h] = -1;
        int *uses = count_uses(m, f);
        for (int b = 0; b < nb; b++)
            fold_copies(f->blocks[b], uses);
        entry_consts(m, f, fs);
        int *npred = count_preds(m, f, NULL);
        char *seen = ir_alloc(m, (size_t)nb + 1);
        /* depth-first over the extended blocks; the facts and the memory
         * version at a block's entry are those at its parent's end (the
         * stores of a sibling's subtree are not on its path), plus the
         * br condition known on the edge into it */
        typedef struct { int b, n, mem, c, taken; } Visit;
        Visit *stack = ir_alloc(m, ((size_t)nb + 1) * sizeof *stack);
        int sp = 0;
        for (int pass = 0; pass < 2; pass++)
            for (int r = 0; r < nb; r++) {
                if (seen[r] || (!pass && r != 0 && npred[r] == 1))
                    continue;
                seen[r] = 1;
                stack[sp++] = (Visit){r, 0, fs->mem, -1, 0};
                while (sp) {
                    Visit v = stack[--sp];
                    fact_pop(fs, v.n);
                    fs->mem = v.mem;
                    if (v.c >= 0)
                        fact_branch(fs, v.c, v.taken);
                    number_block(f, f->blocks[v.b], fs);
                    const Inst *t = terminator(f->blocks[v.b]);
                    for (int a = 0; t && a < t->nargs; a++) {
                        int s = t->args[a].kind == V_BLOCK ? t->args[a].blk : 0;
                        if (s != 0 && npred[s] == 1 && !seen[s]) {
                            int br = t->op == OP_BR && t->args[0].kind == V_VREG;
                            seen[s] = 1;
                            stack[sp++] = (Visit){s, fs->n, fs->mem, br ? t->args[0].vreg : -1, a == 1};
                        }
                    }
                }
            }
        uses = count_uses(m, f);
        for (int b = 0; b < nb; b++)
            fold_copies(f->blocks[b], uses);
    }
}

/* Dead code.  An instruction whose result is never read, and that has
 * no other effect, goes; so does a copy of a vreg to itself.  Kept: side
 * effects and calls, and what may fault (a load through a pointer, a
 * division): a program that faults must still fault where it did.
 * First by counting reads: a vreg that no instruction reads is dead at
 * all its definitions (a call keeps only its effect); removing one instruction can make its operands
 * unread, so this repeats until nothing changes.  Then by liveness (the
 * usual backward dataflow over the blocks, in bit sets): a definition
 * that every path overwrites before reading (`%r = copy 0` before an if
 * that assigns %r on both sides) goes too; functions whose bit sets
 * would pass 8 MiB get only the first. */
static int removable(const Inst *in)
{
    return in->dst >= 0 && !may_fault(in) && !(op_info[in->op].flags & (F_SIDE | F_CALL | F_TERM));
}

static int dead_by_count(Func *f, int *uses)
{
    int removed = 0;
    for (int b = 0; b < f->nblocks; b++) {
        Block *bl = f->blocks[b];
        int j = 0;
        for (int i = 0; i < bl->ninsts; i++) {
            Inst *in = &bl->insts[i];
            int selfcopy = in->op == OP_COPY && in->args[0].kind == V_VREG && in->args[0].vreg == in->dst;
            if (in->op == OP_CALL && in->dst >= 0 && !in->agg && uses[in->dst] == 0)
                in->dst = -1;   /* the call stays, its result unread */
            if (removable(in) && (uses[in->dst] == 0 || selfcopy)) {
                for (int a = 0; a < in->nargs; a++)
                    if (in->args[a].kind == V_VREG)
                        uses[in->args[a].vreg]--;
                removed++;
                continue;
            }
            bl->insts[j++] = *in;
        }
        bl->ninsts = j;
    }
    return removed;
}

static int dead_by_liveness(Func *f)
{
    int nb = f->nblocks;
    size_t nw = ((size_t)f->nvregs + 63) / 64;
    if (!nb || (size_t)nb * nw > ((size_t)1 << 20))
        return 0;
    uint64_t *gen = xcalloc((size_t)nb * nw, 8), *kill = xcalloc((size_t)nb * nw, 8);
    uint64_t *in = xcalloc((size_t)nb * nw, 8), *out = xcalloc((size_t)nb * nw, 8);
    for (int b = 0; b < nb; b++) {
        uint64_t *g = gen + (size_t)b * nw, *kl = kill + (size_t)b * nw;
        const Block *bl = f->blocks[b];
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *x = &bl->insts[i];
            for (int a = 0; a < x->nargs; a++) {
                int v = x->args[a].kind == V_VREG ? x->args[a].vreg : -1;
                if (v >= 0 && !(kl[v / 64] >> (v % 64) & 1))
                    g[v / 64] |= (uint64_t)1 << (v % 64);
            }
            if (x->dst >= 0)
                kl[x->dst / 64] |= (uint64_t)1 << (x->dst % 64);
        }
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = nb - 1; b >= 0; b--) {
            uint64_t *o = out + (size_t)b * nw, *iw = in + (size_t)b * nw;
            const Inst *t = terminator(f->blocks[b]);
            for (int a = 0; t && a < t->nargs; a++)
                if (t->args[a].kind == V_BLOCK)
                    for (size_t w = 0; w < nw; w++)
                        o[w] |= in[(size_t)t->args[a].blk * nw + w];
            for (size_t w = 0; w < nw; w++) {
                uint64_t nin = gen[(size_t)b * nw + w] | (o[w] & ~kill[(size_t)b * nw + w]);
                changed |= nin != iw[w];
                iw[w] = nin;
            }
        }
    }
    int removed = 0;
    uint64_t *live = gen;   /* reused: one block at a time */
    for (int b = 0; b < nb; b++) {
        Block *bl = f->blocks[b];
        memcpy(live, out + (size_t)b * nw, nw * 8);
        char *drop = xcalloc((size_t)bl->ninsts + 1, 1);
        for (int i = bl->ninsts - 1; i >= 0; i--) {
            const Inst *x = &bl->insts[i];
            if (removable(x) && !(live[x->dst / 64] >> (x->dst % 64) & 1)) {
                drop[i] = 1;
                removed++;
                continue;
            }
            if (x->dst >= 0)
                live[x->dst / 64] &= ~((uint64_t)1 << (x->dst % 64));
            for (int a = 0; a < x->nargs; a++)
                if (x->args[a].kind == V_VREG)
                    live[x->args[a].vreg / 64] |= (uint64_t)1 << (x->args[a].vreg % 64);
        }
        int j = 0;
        for (int i = 0; i < bl->ninsts; i++)
            if (!drop[i])
                bl->insts[j++] = bl->insts[i];
        bl->ninsts = j;
        free(drop);
    }
    free(gen);
    free(kill);
    free(in);
    free(out);
    return removed;
}

void opt_dce(Module *m)
{
    for (int k = 0; k < m->nfuncs; k++) {
        Func *f = m->funcs[k];
        int *uses = count_uses(m, f);
        while (dead_by_count(f, uses))
            ;
        for (int round = 0; round < 4 && dead_by_liveness(f); round++)
            ;
    }
}
