/* types.c: Arc types, top-level names, function signatures and generic
 * instances (ARC.md sections 3-6), for check.c.
 *
 * Needs: the checker's state (check.h).  Produces: Ty values (one per
 * distinct type: ty_same compares structure), struct layouts (C rules),
 * FuncDecl.ptys/rty/sym from a signature, and generic instances.
 * Generic functions and structs are instantiated per distinct type
 * argument list: a function instance is a copy of the generic's AST,
 * checked with the parameters bound. */
#include "gen/front/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- types ----------------------------------------------------------------- */
Ty *new_ty(Check *c, TyKind k, int64_t size, int64_t align, const char *name)
{
    Ty *t = fe_alloc(c->fe, sizeof *t);
    t->kind = k;
    t->size = size;
    t->align = align;
    t->name = name;
    return t;
}

Ty *int_ty(Check *c, int size, int sign, const char *name)
{
    Ty *t = new_ty(c, TY_INT, size, size, name);
    t->sign = sign;
    return t;
}

/* A type made from base (*T, []T), spelled prefix + base's name. */
Ty *derived_ty(Check *c, TyKind k, int64_t size, const char *prefix, Ty *base)
{
    size_t n = strlen(base->name) + strlen(prefix) + 1;
    char *name = fe_alloc(c->fe, n);
    snprintf(name, n, "%s%s", prefix, base->name);
    Ty *t = new_ty(c, k, size, 8, name);
    t->base = base;
    return t;
}

Ty *ptr_to(Check *c, Ty *base) { return derived_ty(c, TY_PTR, 8, "*", base); }

/* func(A, B) R, async func(A) R: one Ty per use, compared by ty_same. */
Ty *func_ty(Check *c, Ty **ptys, int n, Ty *ret, int variadic, int async)
{
    size_t len = 32 + strlen(ret->name);
    for (int i = 0; i < n; i++)
        len += strlen(ptys[i]->name) + 2;
    char *name = fe_alloc(c->fe, len);
    size_t k = (size_t)snprintf(name, len, "%sfunc(", async ? "async " : "");
    for (int i = 0; i < n; i++)
        k += (size_t)snprintf(name + k, len - k, "%s%s", i ? ", " : "", ptys[i]->name);
    k += (size_t)snprintf(name + k, len - k, "%s)", variadic ? (n ? ", ..." : "...") : "");
    if (ret->kind != TY_VOID)
        snprintf(name + k, len - k, " %s", ret->name);
    Ty *t = new_ty(c, TY_FUNC, 8, 8, name);
    t->ptys = ptys;
    t->nptys = n;
    t->base = ret;
    t->variadic = variadic;
    t->async = async;
    return t;
}

Ty *slice_ty(Check *c, Ty *base) { return derived_ty(c, TY_SLICE, 16, "[]", base); }

int ty_is_int(const Ty *t) { return t->kind == TY_INT || t->kind == TY_UINT; }
int ty_is_agg(const Ty *t)
{
    return t->kind == TY_ARRAY || t->kind == TY_STRUCT || t->kind == TY_TUPLE || t->kind == TY_SLICE;
}
static int is_flt(const Ty *t) { return t->kind == TY_FLOAT || t->kind == TY_UFLT; }
int is_num(const Ty *t) { return ty_is_int(t) || is_flt(t); }
int is_untyped(const Ty *t) { return t->kind == TY_UINT || t->kind == TY_UFLT || t->kind == TY_NULL; }

int ty_same(const Ty *a, const Ty *b)
{
    if (a == b)
        return 1;
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case TY_INT: return a->size == b->size && a->sign == b->sign;
    case TY_FLOAT: return a->size == b->size;
    case TY_PTR: case TY_TASK: case TY_SLICE: return ty_same(a->base, b->base);
    case TY_ARRAY: return a->len == b->len && ty_same(a->base, b->base);
    case TY_STRUCT: return 0;   /* one Ty per struct (instance) */
    case TY_FUNC:
        if (a->nptys != b->nptys || a->variadic != b->variadic || a->async != b->async ||
            !ty_same(a->base, b->base))
            return 0;
        for (int i = 0; i < a->nptys; i++)
            if (!ty_same(a->ptys[i], b->ptys[i]))
                return 0;
        return 1;
    case TY_TUPLE:
        if (a->nfields != b->nfields)
            return 0;
        for (int i = 0; i < a->nfields; i++)
            if (!ty_same(a->fields[i].ty, b->fields[i].ty))
                return 0;
        return 1;
    default: return 1;
    }
}

/* Lay out fields C style; fields[i].ty set. */
static void layout(Ty *t)
{
    int64_t off = 0, align = 1;
    for (int i = 0; i < t->nfields; i++) {
        Ty *f = t->fields[i].ty;
        int64_t a = f->align ? f->align : 1;
        off = (off + a - 1) / a * a;
        t->fields[i].off = off;
        off += f->size;
        if (a > align)
            align = a;
    }
    t->align = align;
    t->size = (off + align - 1) / align * align;
}

Ty *tuple_ty(Check *c, Ty **elems, int n)
{
    Ty *t = new_ty(c, TY_TUPLE, 0, 1, "");
    t->fields = fe_alloc(c->fe, sizeof(SField) * (size_t)(n ? n : 1));
    t->nfields = n;
    size_t len = 3;
    for (int i = 0; i < n; i++) {
        char *nm = fe_alloc(c->fe, 12);
        snprintf(nm, 12, "%d", i);
        t->fields[i] = (SField){nm, elems[i], 0};
        len += strlen(elems[i]->name) + 2;
    }
    char *name = fe_alloc(c->fe, len);
    strcpy(name, "(");
    for (int i = 0; i < n; i++) {
        strcat(name, elems[i]->name);
        strcat(name, i + 1 < n ? ", " : "");
    }
    strcat(name, ")");
    t->name = name;
    layout(t);
    return t;
}

static struct { const char *name; int which; } prims[] = {
    {"void", 0}, {"bool", 1}, {"int8", 2}, {"int16", 3}, {"int32", 4}, {"int64", 5},
    {"uint8", 6}, {"uint16", 7}, {"uint32", 8}, {"uint64", 9}, {"usize", 9}, {"isize", 5},
    {"float32", 10}, {"float64", 11}, {"byte", 6}, {"char", 8}, {"string", 13}, {"memptr", 12},
};

Ty *prim(Check *c, const char *name)
{
    Ty *tab[] = {c->t_void, c->t_bool, c->t_i8, c->t_i16, c->t_i32, c->t_i64, c->t_u8, c->t_u16,
                 c->t_u32, c->t_u64, c->t_f32, c->t_f64, c->t_bytep, c->t_string};
    for (int i = 0; i < countof(prims); i++)
        if (!strcmp(prims[i].name, name))
            return tab[prims[i].which];
    return NULL;
}

/* A top-level name as written in the current file, qualified ("io.x" in
 * module io); a name with a dot is qualified already. */
const char *qual(Check *c, const char *name)
{
    return strchr(name, '.') ? name : fe_qualify(c->fe, c->fe->file, name);
}

/* ARC.md 7: a name starting with a letter is exported, one with _ not. */
static int is_exported(const char *name)
{
    return (*name >= 'a' && *name <= 'z') || (*name >= 'A' && *name <= 'Z');
}

/* What the C layer (`namespace c`) exports under its C name: the
 * exported names, and C's reserved __names (__errno_location). */
int is_c_exported(const char *name)
{
    return is_exported(name) || (name[0] == '_' && name[1] == '_' && name[2]);
}

/* The main file defines name (a function with a body, or a global): the
 * C layer's definition of that name then keeps its qualified, private
 * symbol (libc.remove), as a program's own definition overrides the C
 * library's. */
int main_defines(Check *c, const char *name)
{
    Program *g = &c->fe->prog;
    if (c->fe->files[0]->clayer)
        return 0;   /* the C layer compiled on its own (arc build -l c) */
    for (int i = 0; i < g->nfuncs; i++) {
        FuncDecl *f = g->funcs[i];
        if (f->body && f->file == c->fe->files[0] && !f->owner && !(f->nparams && f->params[0].self) &&
            !strcmp(f->name, name))
            return 1;
    }
    for (int i = 0; i < g->nconsts; i++) {
        Node *n = g->consts[i];
        if (n->op != TK_CONST && n->name && !strcmp(n->name, name))
            return 1;
    }
    return 0;
}

int is_import(Check *c, const char *name)
{
    SrcFile *f = c->fe->file;
    for (int i = 0; f && i < f->nimports; i++)
        if (!strcmp(fe_module_name(f->imports[i]), name))
            return 1;
    return 0;
}

/* A qualified name written in the current file ("io.File" as a type):
 * its module must be imported here, the name exported. */
int check_qualified(Check *c, const char *name, int line, int col)
{
    const char *dot = strchr(name, '.');
    if (!dot)
        return 1;
    char mod[128];
    snprintf(mod, sizeof mod, "%.*s", (int)(dot - name), name);
    SrcFile *f = c->fe->file;
    if (f && f->mod && !strcmp(f->mod, mod))
        return 1;   /* the file's own declaration */
    if (!is_import(c, mod)) {
        fe_error(c->fe, line, col, "unknown module '%s' (no import \"%s\" in this file)", mod, mod);
        return 0;
    }
    if (!is_exported(dot + 1)) {
        fe_error(c->fe, line, col, "'%s' is private to module '%s' (its name starts with _)", dot + 1, mod);
        return 0;
    }
    return 1;
}

/* The file whose top-level declaration has the qualified name name. */
SrcFile *file_of(Check *c, const char *name)
{
    const char *dot = strchr(name, '.');
    for (int i = 1; dot && i < c->fe->nfiles; i++) {
        SrcFile *f = c->fe->files[i];
        if (strlen(f->mod) == (size_t)(dot - name) && !strncmp(f->mod, name, (size_t)(dot - name)))
            return f;
    }
    return c->fe->files[0];
}

StructDecl *find_struct(Check *c, const char *name)
{
    name = qual(c, name);
    for (int i = 0; i < c->fe->prog.nstructs; i++)
        if (!strcmp(c->fe->prog.structs[i]->name, name))
            return c->fe->prog.structs[i];
    return NULL;
}

EnumDecl *find_enum(Check *c, const char *name)
{
    name = qual(c, name);
    for (int i = 0; i < c->fe->prog.nenums; i++)
        if (!strcmp(c->fe->prog.enums[i]->name, name))
            return c->fe->prog.enums[i];
    return NULL;
}

static Ty *resolve1(Check *c, TypeX *x);

/* A struct's type: the declaration's own, or the instance for targs. */
static Ty *struct_ty(Check *c, StructDecl *sd, Ty **targs, int ntargs, TypeX *at)
{
    if (ntargs != sd->ntparams) {
        fe_error(c->fe, at->line, at->col, "'%s' takes %d type argument(s), not %d", sd->name, sd->ntparams, ntargs);
        return c->t_err;
    }
    Ty *t;
    for (t = sd->ty; t; t = t->next) {
        int same = 1;
        for (int i = 0; i < ntargs; i++)
            same &= ty_same(t->targs[i], targs[i]);
        if (same)
            break;
    }
    if (!t) {
        size_t len = strlen(sd->name) + 3;
        for (int i = 0; i < ntargs; i++)
            len += strlen(targs[i]->name) + 2;
        char *name = fe_alloc(c->fe, len);
        strcpy(name, sd->name);
        for (int i = 0; i < ntargs; i++) {
            strcat(name, i ? ", " : "<");
            strcat(name, targs[i]->name);
        }
        if (ntargs)
            strcat(name, ">");
        t = new_ty(c, TY_STRUCT, 0, 1, name);
        t->sd = sd;
        t->targs = targs;
        t->ntargs = ntargs;
        t->next = sd->ty;
        sd->ty = t;
    }
    if (c->in_ptr) {
        /* a pointee need not be complete yet: `next: *Node` inside Node */
        if (t->state == 0)
            FE_PUSH(c->fe, c->pending, c->npending, c->cappending, t);
        return t;
    }
    return complete(c, t, at->line, at->col);
}

/* Lay out a struct type (its fields' types resolved with the struct's
 * type parameters bound). */
Ty *complete(Check *c, Ty *t, int line, int col)
{
    if (t->kind != TY_STRUCT || t->state == 2)
        return t;
    if (t->state == 1) {
        fe_error(c->fe, line, col, "struct '%s' contains itself", t->name);
        return c->t_err;
    }
    StructDecl *sd = t->sd;
    t->state = 1;
    SrcFile *of = fe_enter(c->fe, sd->file);
    const char **on = c->tpnames;
    Ty **ov = c->tpvals;
    int ont = c->ntp, oip = c->in_ptr;
    c->tpnames = sd->tparams;
    c->tpvals = t->targs;
    c->ntp = t->ntargs;
    c->in_ptr = 0;
    t->fields = fe_alloc(c->fe, sizeof(SField) * (size_t)(sd->nfields ? sd->nfields : 1));
    t->nfields = sd->nfields;
    for (int i = 0; i < sd->nfields; i++) {
        FParam *f = &sd->fields[i];
        for (int j = 0; j < i; j++)
            if (!strcmp(sd->fields[j].name, f->name))
                fe_error(c->fe, f->line, f->col, "duplicate field '%s'", f->name);
        Ty *ft = complete(c, resolve(c, f->tx), f->tx->line, f->tx->col);
        if (ft->kind == TY_VOID) {
            fe_error(c->fe, f->line, f->col, "field '%s' has type void", f->name);
            ft = c->t_err;
        }
        t->fields[i] = (SField){f->name, ft, 0};
    }
    c->tpnames = on;
    c->tpvals = ov;
    c->ntp = ont;
    c->in_ptr = oip;
    fe_enter(c->fe, of);
    layout(t);
    t->state = 2;
    return t;
}

/* The type a TypeX names. */
Ty *resolve(Check *c, TypeX *x)
{
    /* only the pointee of a pointer may stay incomplete */
    int oip = c->in_ptr;
    if (x->kind == TX_ARRAY || x->kind == TX_TUPLE)
        c->in_ptr = 0;
    Ty *t = resolve1(c, x);
    c->in_ptr = oip;
    return t;
}

static Ty *resolve1(Check *c, TypeX *x)
{
    switch (x->kind) {
    case TX_PTR: {
        c->in_ptr++;
        Ty *b = resolve(c, x->base);
        c->in_ptr--;
        return b->kind == TY_ERR ? b : ptr_to(c, b);
    }
    case TX_ARRAY: {
        int64_t len = 0;
        Ty *b = resolve(c, x->base);
        if (!const_int(c, x->len, &len) || len < 0 || len > (1LL << 40)) {
            fe_error(c->fe, x->len->line, x->len->col, "array length must be a non-negative integer constant");
            return c->t_err;
        }
        if (b->kind == TY_ERR)
            return b;
        if (b->kind == TY_VOID) {
            fe_error(c->fe, x->line, x->col, "array of void");
            return c->t_err;
        }
        if (b->size && len > (1LL << 40) / b->size) {
            fe_error(c->fe, x->line, x->col, "array too large");
            return c->t_err;
        }
        size_t n = strlen(b->name) + 24;
        char *name = fe_alloc(c->fe, n);
        snprintf(name, n, "[%lld]%s", (long long)len, b->name);
        Ty *t = new_ty(c, TY_ARRAY, b->size * len, b->align, name);
        t->base = b;
        t->len = len;
        return t;
    }
    case TX_TUPLE: {
        Ty **el = fe_alloc(c->fe, sizeof(Ty *) * (size_t)x->nargs);
        for (int i = 0; i < x->nargs; i++) {
            el[i] = resolve(c, x->args[i]);
            if (el[i]->kind == TY_ERR)
                return el[i];
            if (el[i]->kind == TY_VOID) {
                fe_error(c->fe, x->line, x->col, "tuple element of type void");
                return c->t_err;
            }
        }
        return tuple_ty(c, el, x->nargs);
    }
    case TX_FUNC: {
        Ty **pt = fe_alloc(c->fe, sizeof(Ty *) * (size_t)(x->nargs + 1));
        int oip = c->in_ptr;
        c->in_ptr = 0;
        Ty *r = x->base ? resolve(c, x->base) : c->t_void;
        int bad = r->kind == TY_ERR;
        for (int i = 0; i < x->nargs; i++) {
            pt[i] = resolve(c, x->args[i]);
            if (pt[i]->kind == TY_VOID) {
                fe_error(c->fe, x->args[i]->line, x->args[i]->col, "a parameter cannot be void");
                pt[i] = c->t_err;
            }
            bad |= pt[i]->kind == TY_ERR;
        }
        c->in_ptr = oip;
        return bad ? c->t_err : func_ty(c, pt, x->nargs, r, x->variadic, x->async);
    }
    case TX_SLICE: {
        c->in_ptr++;   /* the elements are behind a pointer */
        Ty *b = resolve(c, x->base);
        c->in_ptr--;
        if (b->kind == TY_VOID) {
            fe_error(c->fe, x->line, x->col, "slice of void");
            return c->t_err;
        }
        return b->kind == TY_ERR ? b : slice_ty(c, b);
    }
    case TX_NAME:
        break;
    }
    for (int i = c->ntp - 1; i >= 0; i--)
        if (!strcmp(c->tpnames[i], x->name)) {
            if (x->nargs)
                fe_error(c->fe, x->line, x->col, "type parameter '%s' takes no type arguments", x->name);
            return c->tpvals[i];
        }
    Ty **targs = fe_alloc(c->fe, sizeof(Ty *) * (size_t)(x->nargs + 1));
    int oip = c->in_ptr;
    c->in_ptr = 0;
    for (int i = 0; i < x->nargs; i++) {
        targs[i] = resolve(c, x->args[i]);
        if (targs[i]->kind == TY_ERR) {
            c->in_ptr = oip;
            return targs[i];
        }
    }
    c->in_ptr = oip;
    if (!strcmp(x->name, "Task")) {
        if (x->nargs != 1) {
            fe_error(c->fe, x->line, x->col, "Task takes one type argument");
            return c->t_err;
        }
        size_t n = strlen(targs[0]->name) + 8;
        char *name = fe_alloc(c->fe, n);
        snprintf(name, n, "Task<%s>", targs[0]->name);
        Ty *t = new_ty(c, TY_TASK, 8, 8, name);
        t->base = targs[0];
        return t;
    }
    if (!check_qualified(c, x->name, x->line, x->col))
        return c->t_err;
    Ty *p = prim(c, x->name);
    if (p || find_enum(c, x->name)) {
        if (x->nargs)
            fe_error(c->fe, x->line, x->col, "'%s' takes no type arguments", x->name);
        return p ? p : c->t_i32;   /* an enum's members are int32 */
    }
    StructDecl *sd = find_struct(c, x->name);
    if (sd)
        return struct_ty(c, sd, targs, x->nargs, x);
    fe_error(c->fe, x->line, x->col, "unknown type '%s'", x->name);
    return c->t_err;
}


/* --- declarations ---------------------------------------------------------- */
const char *sanitize(Check *c, const char *s)
{
    char *r = fe_strdup(c->fe, s, strlen(s));
    for (char *p = r; *p; p++)
        if (*p == '*')
            *p = 'p';
        else if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') && *p != '.')
            *p = '_';
    return r;
}

/* Resolve f's parameter and return types; attach a top-level method to
 * its struct. */
static void sig_receiver(Check *c, FuncDecl *f);

TParams enter_tparams(Check *c, const FuncDecl *f)
{
    TParams saved = {c->tpnames, c->tpvals, c->ntp};
    if (f->origin) {
        c->tpnames = f->origin->tparams;
        c->tpvals = f->targs;
        c->ntp = f->origin->ntparams;
    }
    return saved;
}

void restore_tparams(Check *c, TParams saved)
{
    c->tpnames = saved.names;
    c->tpvals = saved.vals;
    c->ntp = saved.n;
}

void check_sig(Check *c, FuncDecl *f)
{
    if (f->state)
        return;
    f->state = 1;
    SrcFile *ofile = fe_enter(c->fe, f->file);
    TParams otp = enter_tparams(c, f);
    f->ptys = fe_alloc(c->fe, sizeof(Ty *) * (size_t)(f->nparams + 1));
    int bad = 0;
    for (int i = 0; i < f->nparams; i++) {
        FParam *p = &f->params[i];
        f->ptys[i] = p->ty = resolve(c, p->tx);
        if (p->ty->kind == TY_VOID) {
            fe_error(c->fe, p->line, p->col, "a parameter cannot be void");
            f->ptys[i] = p->ty = c->t_err;
        }
        if (p->self && i) {
            fe_error(c->fe, p->line, p->col, "only the first parameter can be 'self'");
        }
        for (int j = 0; j < i; j++)
            if (p->name && f->params[j].name && !strcmp(p->name, f->params[j].name))
                fe_error(c->fe, p->line, p->col, "duplicate parameter '%s'", p->name);
        bad |= p->ty->kind == TY_ERR;
    }
    f->rty = f->ret ? resolve(c, f->ret) : c->t_void;
    restore_tparams(c, otp);
    if (bad || f->rty->kind == TY_ERR)
        f->state = -1;
    if (!f->sym && f->cname && (!f->body || (f->file && f->file->clayer && is_c_exported(f->cname) &&
                                              !f->owner && !(f->nparams && f->params[0].self) &&
                                              !main_defines(c, f->cname)))) {
        f->sym = f->cname;   /* a C function, or one the C layer defines */
        f->cexport = f->body != NULL;
    }
    if (!f->sym)
        f->sym = f->name;
    sig_receiver(c, f);
    fe_enter(c->fe, ofile);
}

/* A method's receiver type, struct and symbol (Struct.name). */
static void sig_receiver(Check *c, FuncDecl *f)
{
    if (f->nparams && f->params[0].self && f->ptys[0]->kind != TY_ERR) {
        Ty *r = f->ptys[0];
        Ty *st = r->kind == TY_PTR ? r->base : r;
        if (st->kind != TY_STRUCT || (f->owner && st->sd != f->owner)) {
            fe_error(c->fe, f->params[0].line, f->params[0].col, "a receiver must be %s or *%s",
                     f->owner ? f->owner->name : "a struct", f->owner ? f->owner->name : "a struct");
            f->state = -1;
            return;
        }
        f->recv = st->sd;
        f->recv_ptr = r->kind == TY_PTR;
        size_t n = strlen(st->name) + strlen(f->name) + 2;
        char *sym = fe_alloc(c->fe, n);
        snprintf(sym, n, "%s.%s", st->name, f->name);
        f->sym = sanitize(c, sym);
    } else if (f->owner) {
        fe_error(c->fe, f->line, f->col, "method '%s' needs a 'self' receiver as its first parameter", f->name);
        f->state = -1;
    }
}

static Node *clone_node(Check *c, Node *n);
static Node *clone_node1(Check *c, Node *n);

static FuncDecl *clone_func(Check *c, FuncDecl *g)
{
    FuncDecl *f = fe_alloc(c->fe, sizeof *f);
    *f = *g;
    f->params = fe_alloc(c->fe, sizeof(FParam) * (size_t)(g->nparams + 1));
    if (g->nparams)
        memcpy(f->params, g->params, sizeof(FParam) * (size_t)g->nparams);
    f->body = clone_node(c, g->body);
    f->state = 0;
    f->ptys = NULL;
    f->rty = NULL;
    f->sym = NULL;
    return f;
}

/* A deep copy of n; along an operator chain's left operands (any length)
 * in a loop. */
static Node *clone_node(Check *c, Node *n)
{
    if (!n)
        return NULL;
    Node *top = NULL, **link = &top;
    for (; n && n->kind == N_BINARY; n = n->a) {
        Node *m = fe_alloc(c->fe, sizeof *m);
        *m = *n;
        m->b = clone_node(c, n->b);
        *link = m;
        link = &m->a;
    }
    *link = clone_node1(c, n);
    return top;
}

static Node *clone_node1(Check *c, Node *n)
{
    if (!n)
        return NULL;
    Node *m = fe_alloc(c->fe, sizeof *m);
    *m = *n;
    m->a = clone_node(c, n->a);
    m->b = clone_node(c, n->b);
    m->c = clone_node(c, n->c);
    m->d = clone_node(c, n->d);
    if (n->nlist) {
        m->list = fe_alloc(c->fe, sizeof(Node *) * (size_t)n->nlist);
        for (int i = 0; i < n->nlist; i++)
            m->list[i] = clone_node(c, n->list[i]);
    }
    if ((n->kind == N_PROCESS || n->kind == N_FUNCLIT) && n->fn)
        m->fn = clone_func(c, n->fn);
    return m;
}

/* The instance of generic g for targs[0..n-1] (made and queued on first
 * use).  A method of a generic struct is generic in the struct's
 * parameters. */
FuncDecl *instance(Check *c, FuncDecl *g, Ty **targs, int n, Node *at)
{
    int count = 0;
    for (FuncDecl *f = g->inst_next; f; f = f->inst_next, count++) {
        int same = 1;
        for (int i = 0; i < n; i++)
            same &= ty_same(f->targs[i], targs[i]);
        if (same)
            return f;
    }
    if (count >= MAX_INSTANCES) {
        ERR(at, "too many instances of '%s' (recursive instantiation?)", g->name);
        return NULL;
    }
    FuncDecl *f = clone_func(c, g);
    f->origin = g;
    f->targs = targs;
    f->inst_next = g->inst_next;
    g->inst_next = f;
    size_t len = strlen(g->name) + (g->owner ? strlen(g->owner->name) + 1 : 0) + 2;
    for (int i = 0; i < n; i++)
        len += strlen(targs[i]->name) + 1;
    char *sym = fe_alloc(c->fe, len);
    sym[0] = 0;
    if (g->owner) {
        strcat(sym, g->owner->name);
        strcat(sym, ".");
    }
    strcat(sym, g->name);
    for (int i = 0; i < n; i++) {
        strcat(sym, ".");
        strcat(sym, targs[i]->name);
    }
    check_sig(c, f);
    f->sym = sanitize(c, sym);
    FE_PUSH(c->fe, c->queue, c->nqueue, c->capqueue, f);
    return f;
}

FuncDecl *instantiate(Check *c, FuncDecl *g, Node *at)
{
    if (at->ntargs != g->ntparams) {
        ERR(at, "'%s' takes %d type argument(s), not %d", g->name, g->ntparams, at->ntargs);
        return NULL;
    }
    Ty **targs = fe_alloc(c->fe, sizeof(Ty *) * (size_t)at->ntargs);
    for (int i = 0; i < at->ntargs; i++) {
        targs[i] = resolve(c, at->targs[i]);
        if (targs[i]->kind == TY_ERR)
            return NULL;
    }
    return instance(c, g, targs, at->ntargs, at);
}

/* The index of type parameter name among g's, or -1. */
static int tparam_index(const FuncDecl *g, const char *name)
{
    for (int i = 0; i < g->ntparams; i++)
        if (!strcmp(g->tparams[i], name))
            return i;
    return -1;
}

/* Whether x (a type as written in g's signature) names a parameter of g. */
int mentions_tparam(const FuncDecl *g, const TypeX *x)
{
    if (!x)
        return 0;
    if (x->kind == TX_NAME && !x->nargs && tparam_index(g, x->name) >= 0)
        return 1;
    for (int i = 0; i < x->nargs; i++)
        if (mentions_tparam(g, x->args[i]))
            return 1;
    return mentions_tparam(g, x->base);
}

/* Bind g's parameters in x by matching x's shape against t, an argument's
 * type.  A parameter stays bound to the first type found (a mismatch is
 * the argument check's to report); an untyped constant binds nothing. */
static void infer_from(Check *c, const FuncDecl *g, const TypeX *x, const Ty *t, Ty **targs)
{
    if (!x || !t || t->kind == TY_ERR || is_untyped(t))
        return;
    switch (x->kind) {
    case TX_NAME:
        if (!x->nargs) {
            int k = tparam_index(g, x->name);
            if (k >= 0 && !targs[k])
                targs[k] = (Ty *)t;
        } else if (t->kind == TY_STRUCT && t->ntargs == x->nargs && t->sd == find_struct(c, x->name)) {
            for (int i = 0; i < x->nargs; i++)
                infer_from(c, g, x->args[i], t->targs[i], targs);
        }
        return;
    case TX_PTR:
    case TX_ARRAY:
    case TX_SLICE:
        if ((int)t->kind == (x->kind == TX_PTR ? TY_PTR : x->kind == TX_ARRAY ? TY_ARRAY : TY_SLICE))
            infer_from(c, g, x->base, t->base, targs);
        return;
    case TX_TUPLE:
        if (t->kind == TY_TUPLE && t->nfields == x->nargs)
            for (int i = 0; i < x->nargs; i++)
                infer_from(c, g, x->args[i], t->fields[i].ty, targs);
        return;
    case TX_FUNC:
        if (t->kind == TY_FUNC && t->nptys == x->nargs) {
            for (int i = 0; i < x->nargs; i++)
                infer_from(c, g, x->args[i], t->ptys[i], targs);
            infer_from(c, g, x->base, t->base, targs);
        }
        return;
    }
}

/* The instance of generic g that a call's arguments args[0..g->nparams-1]
 * determine: those whose parameter names a type parameter are checked
 * already (checked[i]).  A parameter written bare (T) whose only argument
 * is an untyped constant gets the constant's default type (int32,
 * float64).  NULL after a diagnostic when some parameter stays unknown. */
FuncDecl *infer_instance(Check *c, FuncDecl *g, Node **args, const char *checked, Node *at)
{
    Ty **targs = fe_alloc(c->fe, sizeof(Ty *) * (size_t)g->ntparams);
    SrcFile *ofile = fe_enter(c->fe, g->file);
    for (int i = 0; i < g->nparams; i++)
        if (checked[i])
            infer_from(c, g, g->params[i].tx, args[i]->ty, targs);
    for (int i = 0; i < g->nparams; i++) {
        TypeX *x = g->params[i].tx;
        int k = x->kind == TX_NAME && !x->nargs ? tparam_index(g, x->name) : -1;
        if (checked[i] && k >= 0 && !targs[k] && (args[i]->ty->kind == TY_UINT || args[i]->ty->kind == TY_UFLT))
            targs[k] = args[i]->ty->kind == TY_UINT ? c->t_i32 : c->t_f64;
    }
    fe_enter(c->fe, ofile);
    for (int i = 0; i < g->ntparams; i++)
        if (!targs[i]) {
            const char *name = g->cname ? g->cname : g->name;
            ERR(at, "cannot infer the type argument %s of '%s' from the arguments: write %s<...>(...)",
                g->tparams[i], name, name);
            return NULL;
        }
    return instance(c, g, targs, g->ntparams, at);
}

/* A generic method declared at top level, func m<A, B>(self r: *S<A, B>):
 * S generic, its arguments exactly m's parameters in order.  Returns S,
 * which then owns m as if m were written in S's body; NULL after a
 * diagnostic otherwise. */
StructDecl *generic_receiver(Check *c, FuncDecl *f)
{
    TypeX *x = f->params[0].tx;
    if (x->kind == TX_PTR)
        x = x->base;
    StructDecl *sd = x->kind == TX_NAME ? find_struct(c, x->name) : NULL;
    int ok = sd && sd->ntparams == f->ntparams && x->nargs == f->ntparams;
    for (int i = 0; ok && i < x->nargs; i++)
        ok = x->args[i]->kind == TX_NAME && !x->args[i]->nargs && tparam_index(f, x->args[i]->name) == i;
    if (!ok) {
        fe_error(c->fe, f->params[0].line, f->params[0].col,
                 "a generic method's receiver must be a generic struct with the method's type parameters, "
                 "in order, as its arguments (S<%s%s> or *S<...>)", f->tparams[0], f->ntparams > 1 ? ", ..." : "");
        return NULL;
    }
    return sd;
}

/* How the C ABI sees a type: pointers alike, integers (and bool) by
 * size, floats by size, aggregates by their type. */
static int abi_same(const Ty *a, const Ty *b)
{
    if (a->kind == TY_ERR || b->kind == TY_ERR)
        return 1;
    if (ty_is_agg(a) || ty_is_agg(b))
        return ty_same(a, b);
    int ka = a->kind == TY_BOOL ? TY_INT : a->kind == TY_TASK ? TY_PTR : (int)a->kind;
    int kb = b->kind == TY_BOOL ? TY_INT : b->kind == TY_TASK ? TY_PTR : (int)b->kind;
    return ka == kb && (ka == TY_PTR || ka == TY_VOID || a->size == b->size);
}

int sig_abi_same(const FuncDecl *f, const FuncDecl *g)
{
    if (f->nparams != g->nparams || f->variadic != g->variadic || !abi_same(f->rty, g->rty))
        return 0;
    for (int i = 0; i < f->nparams; i++)
        if (!abi_same(f->ptys[i], g->ptys[i]))
            return 0;
    return 1;
}

/* "func name(T, U, ...) R", as diagnostics show a signature. */
const char *sig_text(Check *c, const FuncDecl *f)
{
    size_t n = strlen(f->cname) + strlen(f->rty->name) + 16;
    for (int i = 0; i < f->nparams; i++)
        n += strlen(f->ptys[i]->name) + 2;
    char *t = fe_alloc(c->fe, n);
    snprintf(t, n, "func %s(", f->cname);
    for (int i = 0; i < f->nparams; i++) {
        strcat(t, i ? ", " : "");
        strcat(t, f->ptys[i]->name);
    }
    strcat(t, f->variadic ? (f->nparams ? ", ...)" : "...)") : ")");
    if (f->rty->kind != TY_VOID) {
        strcat(t, " ");
        strcat(t, f->rty->name);
    }
    return t;
}
