/* ir_verify.c: the IR's invariants, checked between passes.
 *
 * Needs: any Module (from ir_read or the construction helpers).  Produces:
 * one line per broken rule on err, "ir: verify: in $f, block @b,
 * instruction N (op): message" (N counts from 1 within the block), and the
 * number of errors.  The rules:
 *
 *   layouts    align a power of two, size a multiple of it, fields inside
 *              the size, naturally aligned, in order and not overlapping;
 *   data       align a power of two, integers fit their type, zero >= 0;
 *   functions  at least one block; every block ends in exactly one
 *              terminator, and nothing follows it;
 *   types      the instruction type is in its row's class; each operand
 *              has the type its row's letter asks for (a vreg's type is
 *              fixed by its definitions, which must all agree); constants
 *              fit their type; symbols are ptr; conversions widen/narrow as
 *              the row says; extending loads really extend;
 *   results    an instruction with a result assigns it (unless it has side
 *              effects), one without does not;
 *   vregs      every use is defined on every path from the entry (forward
 *              dataflow over "surely defined" sets; blocks unreachable from
 *              the entry are exempt);  a vreg never defined anywhere is an
 *              error even there;
 *   calls      when the callee is a known $function: argument count, types,
 *              layouts, the "..." position (== the fixed parameter count of
 *              a variadic callee, absent otherwise) and the return type;
 *              spawn takes no "...";
 *   tasks      await takes a ptr vreg; when every definition of that vreg
 *              is a spawn of the same known function, the await type is
 *              its return type;
 *   intrinsics argument count and types and the result type from
 *              intrin.def; va_start only in a variadic function;
 *   switch     case values fit the type and are distinct;
 *   alloca     alignment a power of two up to 4096, constant size >= 0;
 *   ret        the function's return type.
 */
#include "ir.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const Module *m;
    FILE *err;
    int nerrors;
    const Func *f;
    const Block *b;
    int ii;              /* instruction index in b, -1: none */
    const Func **spawned; /* per vreg: the known function a spawn assigns */
} Verifier;

__attribute__((format(printf, 2, 3)))
static void verr(Verifier *v, const char *fmt, ...)
{
    va_list ap;
    v->nerrors++;
    fputs("ir: verify: ", v->err);
    if (v->f) {
        fprintf(v->err, "in $%s", v->m->syms[v->f->sym].name);
        if (v->b)
            fprintf(v->err, ", block @%s", v->b->name);
        if (v->b && v->ii >= 0)
            fprintf(v->err, ", instruction %d (%s)", v->ii + 1, op_info[v->b->insts[v->ii].op].name);
        fputs(": ", v->err);
    }
    va_start(ap, fmt);
    vfprintf(v->err, fmt, ap);
    va_end(ap);
    fputc('\n', v->err);
}

static int pow2(int64_t x) { return x > 0 && !(x & (x - 1)); }

/* Type names for messages: a layout's ":name" or the scalar's name. */
static const char *tyname(const Verifier *v, Type t, int agg, char *buf, size_t n)
{
    if (agg > 0 && agg < v->m->nlayouts) {
        snprintf(buf, n, ":%s", v->m->layouts[agg].name);
        return buf;
    }
    return (unsigned)t < T_NTYPES ? type_name[t] : "?";
}

static const char *class_desc(TypeClass c)
{
    static const char *const desc[] = {
        [TC_NONE] = "no type", [TC_INT] = "an integer type", [TC_INTP] = "an integer or ptr type",
        [TC_FLT] = "a float type", [TC_SCALAR] = "a non-void type", [TC_RET] = "a type",
    };
    return desc[c];
}

/* Does constant i fit type t (either signedness)? */
static int int_fits(Type t, int64_t i)
{
    int bits = type_size(t) * 8;
    if (bits >= 64)
        return 1;
    return i >= -((int64_t)1 << (bits - 1)) && i < ((int64_t)1 << bits);
}

/* --- module-level items -------------------------------------------------- */
static void check_layout(Verifier *v, int a)
{
    const Layout *l = &v->m->layouts[a];
    int64_t end = 0;
    if (l->size < 0) {
        verr(v, "type :%s: negative size %lld", l->name, (long long)l->size);
        return;
    }
    if (!pow2(l->align))
        verr(v, "type :%s: alignment %lld is not a power of two", l->name, (long long)l->align);
    else if (l->size % l->align)
        verr(v, "type :%s: size %lld is not a multiple of its alignment %lld", l->name, (long long)l->size,
             (long long)l->align);
    for (int i = 0; i < l->nfields; i++) {
        const Field *fd = &l->fields[i];
        int sz = type_size(fd->type);
        if (sz == 0 || fd->off < 0 || fd->off > l->size - sz)
            verr(v, "type :%s: field %d (%s at %lld) is outside the size %lld", l->name, i + 1,
                 type_name[fd->type], (long long)fd->off, (long long)l->size);
        else if (fd->off % sz || sz > l->align)
            verr(v, "type :%s: field %d (%s at %lld) is misaligned", l->name, i + 1, type_name[fd->type],
                 (long long)fd->off);
        else if (fd->off < end)
            verr(v, "type :%s: field %d (%s at %lld) overlaps the field before it", l->name, i + 1,
                 type_name[fd->type], (long long)fd->off);
        else
            end = fd->off + sz;
    }
}

static void check_data(Verifier *v, const Data *d)
{
    const char *name = v->m->syms[d->sym].name;
    if (d->align && !pow2(d->align))
        verr(v, "data $%s: alignment %lld is not a power of two", name, (long long)d->align);
    for (int i = 0; i < d->nitems; i++) {
        const DataItem *it = &d->items[i];
        if (it->kind == D_INT && !int_fits(it->type, it->i))
            verr(v, "data $%s: item %d: %lld does not fit in %s", name, i + 1, (long long)it->i,
                 type_name[it->type]);
        if (it->kind == D_ZERO && it->i < 0)
            verr(v, "data $%s: item %d: negative zero-fill %lld", name, i + 1, (long long)it->i);
    }
}

static void check_signature(Verifier *v, const Func *f)
{
    char buf[80];
    if (f->retagg && (f->retagg >= v->m->nlayouts || f->ret != T_PTR))
        verr(v, "bad return layout");
    for (int i = 0; i < f->nparams; i++) {
        const Param *p = &f->params[i];
        if (!type_in_class(p->type, TC_SCALAR) || (p->agg && (p->agg >= v->m->nlayouts || p->type != T_PTR)))
            verr(v, "parameter %d has invalid type %s", i + 1, tyname(v, p->type, p->agg, buf, sizeof buf));
        else if (p->vreg >= 0 && (p->vreg >= f->nvregs || f->vregs[p->vreg].type != p->type))
            verr(v, "parameter %d: its vreg does not have type %s", i + 1, type_name[p->type]);
    }
}

/* --- operands ------------------------------------------------------------ */
/* Check that operand n (1-based, named what) is a value of type want. */
static void check_val(Verifier *v, const Val *a, Type want, const char *what, int n)
{
    const Func *f = v->f;
    char buf[80];
    switch (a->kind) {
    case V_VREG:
        if (a->vreg < 0 || a->vreg >= f->nvregs) {
            verr(v, "%s %d: no such vreg", what, n);
        } else {
            Type t = f->vregs[a->vreg].type;
            if (t != T_VOID && t != want)
                verr(v, "%s %d has type %s, expected %s", what, n, type_name[t], type_name[want]);
        }
        break;
    case V_INT:
        if (type_is_flt(want) || want == T_VOID)
            verr(v, "%s %d is an integer constant, expected %s", what, n, type_name[want]);
        else if (!int_fits(want, a->i))
            verr(v, "%s %d: %lld does not fit in %s", what, n, (long long)a->i, type_name[want]);
        break;
    case V_FLT:
        if (!type_is_flt(want))
            verr(v, "%s %d is a float constant, expected %s", what, n, type_name[want]);
        break;
    case V_SYM:
        if (a->sym < 0 || a->sym >= v->m->nsyms)
            verr(v, "%s %d: no such symbol", what, n);
        else if (want != T_PTR)
            verr(v, "%s %d is the address $%s, expected %s", what, n, v->m->syms[a->sym].name,
                 tyname(v, want, 0, buf, sizeof buf));
        break;
    default: verr(v, "%s %d is not a value", what, n); break;
    }
}

/* A typed operand ("i32 %x", a call argument): a scalar or a layout. */
static void check_typed(Verifier *v, const Val *a, const char *what, int n)
{
    if (a->agg && (a->agg >= v->m->nlayouts || a->agg < 0 || a->type != T_PTR))
        verr(v, "%s %d has a bad layout", what, n);
    else if (!type_in_class(a->type, TC_SCALAR))
        verr(v, "%s %d has no type", what, n);
    else
        check_val(v, a, a->type, what, n);
}

/* The function a call/spawn operand names directly, or NULL. */
static const Func *known_callee(const Module *m, const Val *c)
{
    if (c->kind != V_SYM || c->sym < 0 || c->sym >= m->nsyms || c->i)
        return NULL;
    const Sym *s = &m->syms[c->sym];
    return s->kind == SYM_FUNCDEF || s->kind == SYM_DECL ? m->funcs[s->index] : NULL;
}

/* call/spawn: callee at args[0], then the arguments. */
static void check_call(Verifier *v, const Inst *in)
{
    const Module *m = v->m;
    char b1[80], b2[80];
    int nfixed = -1;
    const Val *c = &in->args[0];
    if (c->kind != V_SYM && c->kind != V_VREG)
        verr(v, "the callee is not a function address");
    else
        check_val(v, c, T_PTR, "callee", 1);
    if (c->kind == V_SYM && c->sym >= 0 && c->sym < m->nsyms && m->syms[c->sym].kind == SYM_DATA)
        verr(v, "$%s is data, not a function", m->syms[c->sym].name);
    for (int i = 1; i < in->nargs; i++) {
        if (in->args[i].kind != V_VARARG) {
            check_typed(v, &in->args[i], "argument", i - (nfixed >= 0));
            continue;
        }
        if (nfixed >= 0 || in->op == OP_SPAWN)
            verr(v, in->op == OP_SPAWN ? "spawn takes no '...'" : "more than one '...'");
        nfixed = i - 1;
    }
    const Func *g = known_callee(m, c);
    if (!g)
        return;
    const char *name = m->syms[g->sym].name;
    int nargs = in->nargs - 1 - (nfixed >= 0);
    if (g->variadic && in->op == OP_CALL && nfixed != g->nparams)
        verr(v, "variadic $%s needs '...' after its %d fixed arguments", name, g->nparams);
    else if (!g->variadic && nfixed >= 0)
        verr(v, "'...' in a call to $%s, which is not variadic", name);
    else if (g->variadic ? nargs < g->nparams : nargs != g->nparams)
        verr(v, "$%s takes %d arguments, given %d", name, g->nparams, nargs);
    for (int i = 0, a = 1; i < g->nparams && a < in->nargs; i++, a++) {
        const Val *x = &in->args[a];
        if (x->kind == V_VARARG)
            break;
        if (x->type != g->params[i].type || x->agg != g->params[i].agg)
            verr(v, "argument %d has type %s, $%s expects %s", i + 1, tyname(v, x->type, x->agg, b1, sizeof b1),
                 name, tyname(v, g->params[i].type, g->params[i].agg, b2, sizeof b2));
    }
    if (in->op == OP_CALL && (in->type != g->ret || in->agg != g->retagg))
        verr(v, "call expects %s but $%s returns %s", tyname(v, in->type, in->agg, b1, sizeof b1), name,
             tyname(v, g->ret, g->retagg, b2, sizeof b2));
}

static void check_intrin(Verifier *v, const Inst *in)
{
    const Val *q = &in->args[0];
    if (q->kind != V_INTRIN || q->i < 0 || q->i >= IN_COUNT) {
        verr(v, "operand 1 is not an intrinsic");
        return;
    }
    const IntrinInfo *ii = &intrin_info[q->i];
    int n = in->nargs - 1, max = (int)strlen(ii->args);
    if (n < ii->nmin || n > max) {
        if (ii->nmin == max)
            verr(v, "%s takes %d arguments, given %d", ii->name, max, n);
        else
            verr(v, "%s takes %d to %d arguments, given %d", ii->name, ii->nmin, max, n);
    }
    for (int i = 0; i < n && i < max; i++) {
        const Val *a = &in->args[i + 1];
        Type want = intrin_type(ii->args[i]);
        if (a->kind == V_VARARG || a->agg || a->type != want)
            verr(v, "argument %d of %s must be %s", i + 1, ii->name, type_name[want]);
        else
            check_val(v, a, want, "argument", i + 1);
    }
    if (ii->result == '*' ? !type_in_class(in->type, TC_SCALAR) || in->agg
                          : in->type != intrin_type(ii->result) || in->agg)
        verr(v, "%s returns %s, not %s", ii->name, ii->result == '*' ? "a scalar" : type_name[intrin_type(ii->result)],
             type_name[in->type]);
    if (q->i == IN_VA_START && !v->f->variadic)
        verr(v, "va_start in a function that is not variadic");
}

/* Case list from args[ai]: (value, block) pairs. */
static void check_cases(Verifier *v, const Inst *in, int ai)
{
    if ((in->nargs - ai) % 2) {
        verr(v, "odd case list");
        return;
    }
    for (int i = ai; i + 1 < in->nargs; i += 2) {
        const Val *c = &in->args[i], *t = &in->args[i + 1];
        if (c->kind != V_INT || t->kind != V_BLOCK || t->blk < 0 || t->blk >= v->f->nblocks) {
            verr(v, "case %d is not a value and a block", (i - ai) / 2 + 1);
            continue;
        }
        if (!int_fits(in->type, c->i))
            verr(v, "case %d: %lld does not fit in %s", (i - ai) / 2 + 1, (long long)c->i, type_name[in->type]);
        for (int j = ai; j < i; j += 2)
            if (in->args[j].kind == V_INT && in->args[j].i == c->i) {
                verr(v, "duplicate case value %lld", (long long)c->i);
                break;
            }
    }
}

/* --- instructions -------------------------------------------------------- */
static void check_inst(Verifier *v, const Inst *in)
{
    const Func *f = v->f;
    if ((unsigned)in->op >= OP_COUNT) {
        verr(v, "bad opcode %d", (int)in->op);
        return;
    }
    const OpInfo *oi = &op_info[in->op];
    char b1[80], b2[80];

    /* the instruction type */
    if (oi->tyclass == TC_NONE ? in->type != T_VOID || in->agg
        : in->agg ? oi->tyclass != TC_RET || in->agg < 0 || in->agg >= v->m->nlayouts || in->type != T_PTR
                  : !type_in_class(in->type, oi->tyclass))
        verr(v, "type %s is not valid here: %s takes %s", tyname(v, in->type, in->agg, b1, sizeof b1), oi->name,
             class_desc(oi->tyclass));
    if (oi->msize && type_size(in->type) <= oi->msize)
        verr(v, "%s into %s does not extend (use load)", oi->name, type_name[in->type]);

    /* the result */
    Type rt = ir_result_type(in);
    if (in->dst >= f->nvregs)
        verr(v, "no such result vreg");
    else if (rt == T_VOID && in->dst >= 0)
        verr(v, "%%%s is assigned, but %s %s has no result", f->vregs[in->dst].name, oi->name, type_name[in->type]);
    else if (rt != T_VOID && in->dst < 0 && !(oi->flags & F_SIDE))
        verr(v, "the result of %s is not assigned", oi->name);
    else if (in->dst >= 0 && f->vregs[in->dst].type != rt)
        verr(v, "result has type %s, but %%%s has type %s", type_name[rt], f->vregs[in->dst].name,
             type_name[f->vregs[in->dst].type]);

    /* the operands, letter by letter */
    Type t = in->agg ? T_PTR : in->type;
    int ai = 0;
    for (const char *k = oi->operands; *k; k++) {
        if (*k == 'O' && in->type == T_VOID && !in->agg)
            continue;
        if (ai >= in->nargs && *k != 'C') {
            verr(v, "missing operand %d", ai + 1);
            return;
        }
        const Val *a = &in->args[ai < in->nargs ? ai : 0];
        ai++;
        switch (*k) {
        case 'T': case 'O': check_val(v, a, t, "operand", ai); break;
        case 'P': check_val(v, a, T_PTR, "operand", ai); break;
        case 'L': check_val(v, a, T_I64, "operand", ai); break;
        case 'N':
            if (a->kind != V_INT)
                verr(v, "operand %d must be an integer constant", ai);
            break;
        case 'X':
            check_typed(v, a, "operand", ai);
            if (a->agg || !type_in_class(a->type, oi->xclass))
                verr(v, "operand %d has type %s, expected %s", ai, tyname(v, a->type, a->agg, b1, sizeof b1),
                     class_desc(oi->xclass));
            else if ((oi->conv == CV_WIDER && type_size(a->type) >= type_size(in->type)) ||
                     (oi->conv == CV_NARROWER && type_size(a->type) <= type_size(in->type)) ||
                     (oi->conv == CV_SAME && type_size(a->type) != type_size(in->type)))
                verr(v, "%s from %s to %s: the sizes must %s", oi->name, type_name[a->type], type_name[in->type],
                     oi->conv == CV_WIDER ? "grow" : oi->conv == CV_NARROWER ? "shrink" : "match");
            break;
        case 'B':
            if (a->kind != V_BLOCK || a->blk < 0 || a->blk >= f->nblocks)
                verr(v, "operand %d is not a block of $%s", ai, v->m->syms[f->sym].name);
            break;
        case 'C': check_cases(v, in, ai - 1); ai = in->nargs; break;
        case 'F': check_call(v, in); ai = in->nargs; break;
        case 'Q': check_intrin(v, in); ai = in->nargs; break;
        default: die("bad operand kind '%c'", *k);
        }
    }
    if (ai < in->nargs)
        verr(v, "%d operands, %s takes %d", in->nargs, oi->name, ai);

    /* opcode-specific rules */
    if (in->op == OP_RET && (in->type != f->ret || in->agg != f->retagg))
        verr(v, "returns %s, but $%s returns %s", tyname(v, in->type, in->agg, b1, sizeof b1),
             v->m->syms[f->sym].name, tyname(v, f->ret, f->retagg, b2, sizeof b2));
    if (in->op == OP_ALLOCA && in->nargs == 2) {
        if (in->args[1].kind == V_INT && (!pow2(in->args[1].i) || in->args[1].i > 4096))
            verr(v, "alignment %lld is not a power of two up to 4096", (long long)in->args[1].i);
        if (in->args[0].kind == V_INT && in->args[0].i < 0)
            verr(v, "negative size %lld", (long long)in->args[0].i);
    }
    if (in->op == OP_AWAIT && in->nargs == 1) {
        const Val *h = &in->args[0];
        const Func *g;
        if (h->kind != V_VREG)
            verr(v, "await needs a task handle (a ptr vreg)");
        else if (h->vreg >= 0 && h->vreg < f->nvregs && (g = v->spawned[h->vreg]) &&
                 (g->ret != in->type || g->retagg != in->agg))
            verr(v, "await %s of a task of $%s, which returns %s", tyname(v, in->type, in->agg, b1, sizeof b1),
                 v->m->syms[g->sym].name, tyname(v, g->ret, g->retagg, b2, sizeof b2));
    }
}

/* --- definitions on every path ------------------------------------------ */
enum { MAX_DATAFLOW_WORDS = 1 << 22 };   /* 32 MiB of bit sets, else skip */

static void check_defs(Verifier *v)
{
    const Func *f = v->f;
    int nb = f->nblocks, nv = f->nvregs, w = (nv + 63) / 64;
    char *defined = xcalloc((size_t)nv + 1, 1);
    char *reported = xcalloc((size_t)nv + 1, 1);
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i].vreg >= 0 && f->params[i].vreg < nv)
            defined[f->params[i].vreg] = 1;
    for (int b = 0; b < nb; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            int d = f->blocks[b]->insts[i].dst;
            if (d >= 0 && d < nv)
                defined[d] = 1;
        }

    /* "in" sets: surely defined at block entry.  Start from "everything",
     * intersect over predecessors, visiting the reachable blocks in reverse
     * postorder until nothing changes (a few passes: loop depth + 2). */
    int flow = (int64_t)nb * (w + 1) <= MAX_DATAFLOW_WORDS;
    uint64_t *in = NULL, *out = NULL;
    if (flow && nb) {
        int *soff = xcalloc((size_t)nb + 1, sizeof *soff), nrpo = 0;
        for (int b = 0; b < nb; b++)
            soff[b + 1] = soff[b] + ir_nsuccs(f->blocks[b]);
        int *succ = xmalloc(sizeof(int) * ((size_t)soff[nb] + 1));
        for (int b = 0; b < nb; b++)
            ir_succs(f->blocks[b], succ + soff[b], soff[b + 1] - soff[b]);
        int *rpo = xmalloc(sizeof(int) * (size_t)nb), *stack = xmalloc(sizeof(int) * (size_t)nb * 2);
        char *seen = xcalloc((size_t)nb, 1);
        int sp = 0;
        stack[sp++] = 0;   /* (block, next successor) pairs */
        stack[sp++] = soff[0];
        seen[0] = 1;
        while (sp) {
            int b = stack[sp - 2], *next = &stack[sp - 1];
            if (*next < soff[b + 1]) {
                int s = succ[(*next)++];
                if (s >= 0 && s < nb && !seen[s]) {
                    seen[s] = 1;
                    stack[sp++] = s;
                    stack[sp++] = soff[s];
                }
            } else {
                rpo[nrpo++] = b;
                sp -= 2;
            }
        }
        for (int i = 0; i < nrpo / 2; i++) {
            int t = rpo[i];
            rpo[i] = rpo[nrpo - 1 - i];
            rpo[nrpo - 1 - i] = t;
        }

        in = xmalloc((size_t)nb * (size_t)w * 8 + 8);
        out = xmalloc((size_t)nb * (size_t)w * 8 + 8);
        memset(in, 0xff, (size_t)nb * (size_t)w * 8);
        memset(in, 0, (size_t)w * 8);
        for (int i = 0; i < f->nparams; i++)
            if (f->params[i].vreg >= 0 && f->params[i].vreg < nv)
                in[f->params[i].vreg / 64] |= 1ull << (f->params[i].vreg % 64);
        for (int changed = 1; changed;) {
            changed = 0;
            for (int k = 0; k < nrpo; k++) {
                int b = rpo[k];
                uint64_t *o = out + (size_t)b * w;
                memcpy(o, in + (size_t)b * w, (size_t)w * 8);
                for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                    int d = f->blocks[b]->insts[i].dst;
                    if (d >= 0 && d < nv)
                        o[d / 64] |= 1ull << (d % 64);
                }
                for (int j = soff[b]; j < soff[b + 1]; j++) {
                    if (succ[j] <= 0 || succ[j] >= nb)
                        continue;   /* the entry starts with the parameters only */
                    uint64_t *t = in + (size_t)succ[j] * w;
                    for (int x = 0; x < w; x++)
                        if (t[x] & ~o[x]) {
                            t[x] &= o[x];
                            changed = 1;
                        }
                }
            }
        }
        free(soff);
        free(succ);
        free(rpo);
        free(stack);
        free(seen);
    }

    for (int b = 0; b < nb; b++) {
        const Block *bl = f->blocks[b];
        uint64_t *cur = flow ? in + (size_t)b * w : NULL;
        v->b = bl;
        for (int i = 0; i < bl->ninsts; i++) {
            const Inst *ins = &bl->insts[i];
            v->ii = i;
            for (int a = 0; a < ins->nargs; a++) {
                int r = ins->args[a].vreg;
                if (ins->args[a].kind != V_VREG || r < 0 || r >= nv || reported[r])
                    continue;
                if (!defined[r]) {
                    verr(v, "%%%s is used but never defined", f->vregs[r].name);
                    reported[r] = 1;
                } else if (cur && !(cur[r / 64] >> (r % 64) & 1)) {
                    verr(v, "%%%s may be used before it is defined", f->vregs[r].name);
                    reported[r] = 1;
                }
            }
            if (cur && ins->dst >= 0 && ins->dst < nv)
                cur[ins->dst / 64] |= 1ull << (ins->dst % 64);
        }
    }
    v->b = NULL;
    v->ii = -1;
    free(in);
    free(out);
    free(defined);
    free(reported);
}

static void check_func(Verifier *v, const Func *f)
{
    v->f = f;
    v->b = NULL;
    v->ii = -1;
    check_signature(v, f);
    if (v->m->syms[f->sym].kind == SYM_DECL) {
        v->f = NULL;
        return;
    }
    if (!f->nblocks)
        verr(v, "no blocks");
    /* spawned[v]: the function every definition of v spawns, if one */
    static const Func mixed;
    v->spawned = xcalloc((size_t)f->nvregs + 1, sizeof *v->spawned);
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i].vreg >= 0 && f->params[i].vreg < f->nvregs)
            v->spawned[f->params[i].vreg] = &mixed;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->dst < 0 || in->dst >= f->nvregs)
                continue;
            const Func *g = in->op == OP_SPAWN && in->nargs ? known_callee(v->m, &in->args[0]) : NULL;
            const Func **s = &v->spawned[in->dst];
            *s = g && (!*s || *s == g) ? g : &mixed;
        }
    for (int r = 0; r < f->nvregs; r++)
        if (v->spawned[r] == &mixed)
            v->spawned[r] = NULL;
    for (int b = 0; b < f->nblocks; b++) {
        const Block *bl = f->blocks[b];
        v->b = bl;
        v->ii = -1;
        if (!bl->ninsts || !(op_info[bl->insts[bl->ninsts - 1].op].flags & F_TERM))
            verr(v, "the block does not end in a terminator");
        for (int i = 0; i < bl->ninsts; i++) {
            v->ii = i;
            if (i + 1 < bl->ninsts && (unsigned)bl->insts[i].op < OP_COUNT &&
                (op_info[bl->insts[i].op].flags & F_TERM))
                verr(v, "terminator before the end of the block");
            check_inst(v, &bl->insts[i]);
        }
    }
    v->b = NULL;
    v->ii = -1;
    check_defs(v);
    free(v->spawned);
    v->spawned = NULL;
    v->f = NULL;
}

int ir_verify(const Module *m, FILE *err)
{
    Verifier v = {.m = m, .err = err, .ii = -1};
    for (int a = 1; a < m->nlayouts; a++)
        check_layout(&v, a);
    for (int i = 0; i < m->ndatas; i++)
        check_data(&v, m->datas[i]);
    for (int i = 0; i < m->nfuncs; i++)
        check_func(&v, m->funcs[i]);
    return v.nerrors;
}
