/* ir_print.c: the canonical text of a Module (grammar: ir_read.c).
 *
 * Needs: a Module (verified or not: the printer never trusts operand shapes
 * and prints "?" where one is missing).  Produces: text that ir_read reads
 * back to a Module printing identically.  Canonical choices: layouts
 * first, then definitions in the order they were made; a blank line between
 * groups of one-line items and around each function; instructions indented
 * by a tab; floats in the shortest form that reads back to the same value.
 */
#include "ir.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ir_format_flt(char *buf, size_t n, Type t, double v)
{
    if (isnan(v)) {
        snprintf(buf, n, "%s", signbit(v) ? "-nan" : "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, n, "%s", v < 0 ? "-inf" : "inf");
        return;
    }
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, n, "%.*g", p, v);
        if (t == T_F32 ? strtof(buf, NULL) == (float)v : strtod(buf, NULL) == v)
            break;
    }
    if (!strpbrk(buf, ".e")) {
        size_t len = strlen(buf);
        if (len + 3 <= n)
            memcpy(buf + len, ".0", 3);
    }
}

static void print_str(FILE *f, const char *s, int64_t n)
{
    fputc('"', f);
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        case 0: fputs("\\0", f); break;
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        default:
            if (c >= 0x20 && c < 0x7f)
                fputc(c, f);
            else
                fprintf(f, "\\x%02x", c);
        }
    }
    fputc('"', f);
}

static void print_type(FILE *f, const Module *m, Type t, int agg)
{
    if (agg > 0 && agg < m->nlayouts)
        fprintf(f, ":%s", m->layouts[agg].name);
    else
        fputs((unsigned)t < T_NTYPES ? type_name[t] : "?", f);
}

static void print_sym(FILE *f, const Module *m, int sym, int64_t addend)
{
    fprintf(f, "$%s", sym >= 0 && sym < m->nsyms ? m->syms[sym].name : "?");
    if (addend > 0)
        fprintf(f, "+%lld", (long long)addend);
    else if (addend < 0)
        fprintf(f, "-%llu", (unsigned long long)-(uint64_t)addend);
}

static void print_val(FILE *f, const Module *m, const Func *fn, const Val *v)
{
    char buf[64];
    switch (v->kind) {
    case V_VREG:
        fprintf(f, "%%%s", v->vreg >= 0 && v->vreg < fn->nvregs ? fn->vregs[v->vreg].name : "?");
        break;
    case V_INT: fprintf(f, "%lld", (long long)v->i); break;
    case V_FLT:
        ir_format_flt(buf, sizeof buf, v->type, v->f);
        fputs(buf, f);
        break;
    case V_SYM: print_sym(f, m, v->sym, v->i); break;
    case V_BLOCK:
        fprintf(f, "@%s", v->blk >= 0 && v->blk < fn->nblocks ? fn->blocks[v->blk]->name : "?");
        break;
    case V_INTRIN:
        fputs(v->i >= 0 && v->i < IN_COUNT ? intrin_info[v->i].name : "?", f);
        break;
    case V_VARARG: fputs("...", f); break;
    case V_NONE: fputs("?", f); break;
    }
}

static void print_typed(FILE *f, const Module *m, const Func *fn, const Val *v)
{
    if (v->kind != V_VARARG) {
        print_type(f, m, v->type, v->agg);
        fputc(' ', f);
    }
    print_val(f, m, fn, v);
}

static void ir_print_inst(FILE *f, const Module *m, const Func *fn, const Inst *in)
{
    const OpInfo *oi = &op_info[in->op];
    int ai = 0, first = 1;
    if (in->dst >= 0 && in->dst < fn->nvregs)
        fprintf(f, "%%%s = ", fn->vregs[in->dst].name);
    fputs(oi->name, f);
    if (oi->tyclass != TC_NONE) {
        fputc(' ', f);
        print_type(f, m, in->type, in->agg);
    }
    for (const char *k = oi->operands; *k; k++) {
        if (*k == 'O' && in->type == T_VOID && !in->agg)
            continue;
        fputs(first ? " " : ", ", f);
        first = 0;
        if (ai >= in->nargs && *k != 'C') {
            fputs("?", f);
            continue;
        }
        switch (*k) {
        case 'X': print_typed(f, m, fn, &in->args[ai++]); break;
        case 'C':
            fputc('[', f);
            for (int j = 0; ai + 1 < in->nargs; ai += 2, j++) {
                fprintf(f, "%s%lld: ", j ? ", " : "", (long long)in->args[ai].i);
                print_val(f, m, fn, &in->args[ai + 1]);
            }
            fputc(']', f);
            break;
        case 'F':
        case 'Q':
            print_val(f, m, fn, &in->args[ai++]);
            fputc('(', f);
            for (int j = 0; ai < in->nargs; ai++, j++) {
                if (j)
                    fputs(", ", f);
                print_typed(f, m, fn, &in->args[ai]);
            }
            fputc(')', f);
            break;
        default: print_val(f, m, fn, &in->args[ai++]); break;
        }
    }
}

static void print_func(FILE *f, const Module *m, const Func *fn)
{
    const Sym *s = &m->syms[fn->sym];
    int decl = s->kind == SYM_DECL;
    if (s->linkage & L_EXPORT)
        fputs("export ", f);
    fputs(decl ? "decl " : "func ", f);
    print_type(f, m, fn->ret, fn->retagg);
    fprintf(f, " $%s(", s->name);
    for (int i = 0; i < fn->nparams; i++) {
        const Param *p = &fn->params[i];
        if (i)
            fputs(", ", f);
        print_type(f, m, p->type, p->agg);
        if (p->vreg >= 0 && p->vreg < fn->nvregs)
            fprintf(f, " %%%s", fn->vregs[p->vreg].name);
    }
    if (fn->variadic)
        fputs(fn->nparams ? ", ..." : "...", f);
    fputs(decl ? ")\n" : ") {\n", f);
    if (decl)
        return;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *bl = fn->blocks[b];
        fprintf(f, "@%s:\n", bl->name);
        for (int i = 0; i < bl->ninsts; i++) {
            fputc('\t', f);
            ir_print_inst(f, m, fn, &bl->insts[i]);
            fputc('\n', f);
        }
    }
    fputs("}\n", f);
}

static void print_data(FILE *f, const Module *m, const Data *d)
{
    char buf[64];
    const Sym *s = &m->syms[d->sym];
    if (s->linkage & L_EXPORT)
        fputs("export ", f);
    if (s->linkage & L_CONST)
        fputs("const ", f);
    fprintf(f, "data $%s = ", s->name);
    if (d->align)
        fprintf(f, "align %lld ", (long long)d->align);
    fputc('{', f);
    for (int i = 0; i < d->nitems; i++) {
        const DataItem *it = &d->items[i];
        fputs(i ? ", " : " ", f);
        if (it->kind == D_ZERO) {
            fprintf(f, "zero %lld", (long long)it->i);
            continue;
        }
        fprintf(f, "%s ", (unsigned)it->type < T_NTYPES ? type_name[it->type] : "?");
        switch (it->kind) {
        case D_INT: fprintf(f, "%lld", (long long)it->i); break;
        case D_FLT:
            ir_format_flt(buf, sizeof buf, it->type, it->f);
            fputs(buf, f);
            break;
        case D_STR: print_str(f, it->str, it->i); break;
        case D_SYM: print_sym(f, m, it->sym, it->i); break;
        case D_ZERO: break;
        }
    }
    fputs(d->nitems ? " }\n" : "}\n", f);
}

static void print_layout(FILE *f, const Layout *l)
{
    fprintf(f, "type :%s = size %lld align %lld {", l->name, (long long)l->size, (long long)l->align);
    for (int i = 0; i < l->nfields; i++)
        fprintf(f, "%s%s %lld", i ? ", " : " ",
                (unsigned)l->fields[i].type < T_NTYPES ? type_name[l->fields[i].type] : "?",
                (long long)l->fields[i].off);
    fputs(l->nfields ? " }\n" : "}\n", f);
}

void ir_print(FILE *f, const Module *m)
{
    enum { NOTHING = -1, LAYOUT = SYM_EXTERN };   /* externs are never printed */
    int prev = NOTHING;   /* kind of the previous item; functions stand alone */
    for (int a = 1; a < m->nlayouts; a++) {
        print_layout(f, &m->layouts[a]);
        prev = LAYOUT;
    }
    for (int i = 0; i < m->norder; i++) {
        const Sym *s = &m->syms[m->order[i]];
        if (prev != NOTHING && (s->kind != prev || s->kind == SYM_FUNCDEF))
            fputc('\n', f);
        prev = s->kind;
        if (s->kind == SYM_DATA)
            print_data(f, m, m->datas[s->index]);
        else
            print_func(f, m, m->funcs[s->index]);
    }
}
