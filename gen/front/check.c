/* check.c: scopes, expressions, statements and function bodies (ARC.md
 * sections 3-6).
 *
 * Needs: fe->prog from parse.c.  Produces: the same AST annotated for
 * lower.c: every expression's type (Node.ty), resolved names (Node.var,
 * Node.fn, Node.field), constant values (Node.konst), function signatures
 * and IR symbol names (FuncDecl.ptys/rty/sym), struct layouts (C rules).
 *
 * The typing rules:
 *   - no implicit promotion: a binary operator's operands have one type;
 *     mixing is an error that suggests cast<T>;
 *   - an untyped constant (literal, or an expression of literals, or a
 *     const declared without a type) takes its type from the context (the
 *     annotation, the parameter, the other operand, the return type) and
 *     must fit it; without one, int32 or float64;
 *   - conditions are bool;
 *   - null converts to any pointer; *void to and from any pointer; a
 *     pointer to [N]T to *T (so &buf is a *byte).
 * Types, names, signatures and generic instances are types.c's. */
#include "gen/front/check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- scopes ---------------------------------------------------------------- */
/* The latest declaration of name in s, or NULL. */
static Var *scope_find(Scope *s, const char *name)
{
    if (s->map) {
        int i = map_get(s->map, name);
        return i < 0 ? NULL : s->vars[i];
    }
    for (int i = s->n - 1; i >= 0; i--)
        if (!strcmp(s->vars[i]->name, name))
            return s->vars[i];
    return NULL;
}

static void *scope_alloc(void *fe, size_t n) { return fe_alloc(fe, n); }

static void scope_add(Check *c, Scope *s, Var *v)
{
    FE_PUSH(c->fe, s->vars, s->n, s->cap, v);
    if (s->map)
        map_put(&s->map, v->name, s->n - 1, scope_alloc, c->fe);
    else if (s->n > SCOPE_LINEAR)
        for (int i = 0; i < s->n; i++)
            map_put(&s->map, s->vars[i]->name, i, scope_alloc, c->fe);
}

static Var *lookup(Check *c, const char *name)
{
    for (Scope *s = c->scope; s; s = s->up) {
        Var *v = scope_find(s, s == &c->globals ? qual(c, name) : name);
        if (v)
            return v;
    }
    return NULL;
}

/* m.name, where m is a module the current file imports (and no local
 * shadows it), becomes the identifier "m.name". */
/* In a function literal, a local of the enclosing function named name
 * (literals capture nothing), or NULL. */
static Var *captured(Check *c, const char *name)
{
    for (Scope *s = c->outer; s && s != &c->globals; s = s->up) {
        Var *v = scope_find(s, name);
        if (v)
            return v;
    }
    return NULL;
}

static void module_ref(Check *c, Node *n)
{
    if (n->kind != N_FIELD || n->a->kind != N_IDENT || lookup(c, n->a->name) || !is_import(c, n->a->name))
        return;
    size_t len = strlen(n->a->name) + strlen(n->name) + 2;
    char *q = fe_alloc(c->fe, len);
    snprintf(q, len, "%s.%s", n->a->name, n->name);
    check_qualified(c, q, n->line, n->col + 1);
    n->kind = N_IDENT;
    n->name = q;
    n->line = n->a->line;
    n->col = n->a->col;
}

/* "_" is the blank name (Go's): it may be declared any number of times,
 * takes a value that nothing can read, and is never found by lookup. */
static int is_blank(const char *name) { return name[0] == '_' && !name[1]; }

static Var *declare(Check *c, Scope *s, const char *name, int line, int col, Ty *t)
{
    if (!is_blank(name) && scope_find(s, name))
        fe_error(c->fe, line, col, "'%s' is already declared in this scope", name);
    Var *v = fe_alloc(c->fe, sizeof *v);
    v->name = name;
    v->line = line;
    v->col = col;
    v->ty = t;
    if (!is_blank(name))
        scope_add(c, s, v);
    return v;
}

static void push_scope(Check *c, Scope *s)
{
    *s = (Scope){.up = c->scope};
    c->scope = s;
}

static void pop_scope(Check *c) { c->scope = c->scope->up; }

/* A plain function: no receiver, not a method, not a generic instance. */
static int plain_func(const FuncDecl *f)
{
    return !f->recv && !f->owner && !f->origin && !(f->nparams && f->params[0].self);
}

/* The first plain function named name (qualified), in prog.funcs order.
 * Through c->funcmap, the first plain function of each name, extended to
 * the functions added since the last call: a program of n functions that
 * calls them is checked in O(n), not O(n^2).  A function only ever stops
 * being plain (a receiver or owner is found, a literal is renamed), never
 * starts, so a hit that no longer matches falls back to the scan. */
static FuncDecl *find_func(Check *c, const char *name)
{
    name = qual(c, name);
    const Program *p = &c->fe->prog;
    for (; c->nfmapped < p->nfuncs; c->nfmapped++) {
        const FuncDecl *f = p->funcs[c->nfmapped];
        if (plain_func(f) && map_get(c->funcmap, f->name) < 0)
            map_put(&c->funcmap, f->name, c->nfmapped, scope_alloc, c->fe);
    }
    int i = map_get(c->funcmap, name);
    if (i < 0)
        return NULL;
    if (plain_func(p->funcs[i]) && !strcmp(p->funcs[i]->name, name))
        return p->funcs[i];
    for (i = 0; i < p->nfuncs; i++) {
        FuncDecl *f = p->funcs[i];
        if (plain_func(f) && !strcmp(f->name, name))
            return f;
    }
    return NULL;
}

static FuncDecl *find_method(StructDecl *sd, const char *name)
{
    for (int i = 0; i < sd->nmethods; i++)
        if (!strcmp(sd->methods[i]->name, name))
            return sd->methods[i];
    return NULL;
}

/* --- constants and conversions --------------------------------------------- */

/* Whether the constant v (untyped, ubig: above INT64_MAX) fits t. */
static int fits(int64_t v, int ubig, const Ty *t)
{
    if (t->kind != TY_INT)
        return 1;
    int bits = (int)t->size * 8;
    if (!t->sign)
        return ubig ? bits == 64 : v >= 0 && (bits == 64 || v < (1LL << bits));
    if (ubig)
        return 0;
    return bits == 64 || (v >= -(1LL << (bits - 1)) && v < (1LL << (bits - 1)));
}

/* v wrapped to t's width and sign-extended or zero-extended to 64 bits. */
static uint64_t wrap(uint64_t v, const Ty *t)
{
    int bits = t->kind == TY_BOOL ? 8 : (int)t->size * 8;
    if (bits >= 64 || bits <= 0)
        return v;
    uint64_t mask = (1ULL << bits) - 1;
    v &= mask;
    if (t->kind == TY_INT && t->sign && (v >> (bits - 1)) & 1)
        v |= ~mask;
    return v;
}

/* Whether a value of type from may be used where to is expected. */
static int assignable(const Ty *to, const Ty *from)
{
    if (to->kind == TY_ERR || from->kind == TY_ERR)
        return 1;
    if (ty_same(to, from))
        return 1;
    if ((to->kind == TY_PTR || to->kind == TY_FUNC) && from->kind == TY_NULL)
        return 1;
    if (to->kind == TY_PTR && from->kind == TY_PTR) {
        if (to->base->kind == TY_VOID || from->base->kind == TY_VOID)
            return 1;
        if (from->base->kind == TY_ARRAY && ty_same(from->base->base, to->base))
            return 1;
    }
    if (from->kind == TY_UINT)
        return to->kind == TY_INT || to->kind == TY_FLOAT;
    if (from->kind == TY_UFLT)
        return to->kind == TY_FLOAT;
    return 0;
}

/* Convert n (already checked) to type t for `what`; reports a mismatch. */
static void coerce(Check *c, Node *n, Ty *t, const char *what)
{
    Ty *f = n->ty;
    if (!assignable(t, f)) {
        if (ty_is_int(t) && f->kind == TY_UFLT)
            ERR(n, "a float constant cannot be used as %s for %s", t->name, what);
        else if (is_num(t) && is_num(f))
            ERR(n, "cannot use %s as %s for %s (convert with cast<%s>(...))", f->name, t->name, what, t->name);
        else
            ERR(n, "cannot use %s as %s for %s", f->name, t->name, what);
        n->ty = c->t_err;
        return;
    }
    if (f->kind == TY_UINT && t->kind == TY_INT) {
        if (!fits((int64_t)n->ival, n->ubig, t)) {
            if (n->ubig)
                ERR(n, "constant %llu does not fit in %s", (unsigned long long)n->ival, t->name);
            else
                ERR(n, "constant %lld does not fit in %s", (long long)n->ival, t->name);
        }
        n->ival = wrap(n->ival, t);
    } else if (f->kind == TY_UINT && t->kind == TY_FLOAT) {
        n->fval = n->ubig ? (double)n->ival : (double)(int64_t)n->ival;
        n->konst = 2;
    } else if (f->kind == TY_UFLT && t->kind == TY_FLOAT && t->size == 4) {
        if (!isinf(n->fval) && isinf((float)n->fval))
            ERR(n, "constant %g does not fit in float32", n->fval);
        n->fval = (double)(float)n->fval;
    }
    if (f->kind != TY_ERR && t->kind != TY_ERR && is_untyped(f))
        n->ty = t;
}

/* The type an untyped expression gets without a context. */
static void default_type(Check *c, Node *n, const char *what)
{
    if (n->ty->kind == TY_UINT)   /* a character literal is a char */
        coerce(c, n, n->kind == N_INT && n->op == TK_CHAR ? c->t_u32 : c->t_i32, what);
    else if (n->ty->kind == TY_UFLT)
        coerce(c, n, c->t_f64, what);
    else if (n->ty->kind == TY_NULL) {
        ERR(n, "cannot infer a type for null in %s", what);
        n->ty = c->t_err;
    }
}

int const_int(Check *c, Node *n, int64_t *v)
{
    Ty *t = check_expr(c, n, NULL);
    if (n->konst != 1 || !ty_is_int(t))
        return 0;
    *v = (int64_t)n->ival;
    return 1;
}

/* --- expressions ----------------------------------------------------------- */
static int is_lvalue(Node *n)
{
    switch (n->kind) {
    case N_IDENT: return n->var && !n->var->is_const;
    case N_INDEX: return n->a->ty->kind == TY_PTR || n->a->ty->kind == TY_SLICE || is_lvalue(n->a);
    case N_FIELD: return n->field && (n->a->ty->kind == TY_PTR || is_lvalue(n->a));
    case N_UNARY: return n->op == TK_STAR;
    default: return 0;
    }
}

static int need_lvalue(Check *c, Node *n, const char *what)
{
    if (n->kind == N_IDENT && n->var)
        n->var->assigned = 1;
    if (n->ty->kind == TY_ERR || is_lvalue(n))
        return 1;
    if (n->kind == N_IDENT && n->var && n->var->is_const)
        ERR(n, "cannot %s constant '%s'", what, n->name);
    else
        ERR(n, "cannot %s this expression", what);
    return 0;
}

/* The variable at the root of an lvalue path that lives in a frame slot
 * when its address is taken. */
static void mark_addr(Node *n)
{
    while (n->kind == N_FIELD || n->kind == N_INDEX || n->kind == N_SLICE) {
        if (n->a->ty->kind == TY_PTR || n->a->ty->kind == TY_SLICE)
            return;
        n = n->a;
    }
    if (n->kind == N_IDENT && n->var)
        n->var->addr_taken = 1;
}

static Ty *fold_binary(Check *c, Node *n, Ty *t)
{
    Node *a = n->a, *b = n->b;
    int cmp = 0;
    switch (n->op) {
    case TK_EQEQ: case TK_NE: case TK_LT: case TK_LE: case TK_GT: case TK_GE: cmp = 1; break;
    default: break;
    }
    if (a->konst == 2 || b->konst == 2) {
        double x = a->konst == 2 ? a->fval : (double)(int64_t)a->ival;
        double y = b->konst == 2 ? b->fval : (double)(int64_t)b->ival;
        double r = 0;
        int bv = 0;
        switch (n->op) {
        case TK_PLUS: r = x + y; break;
        case TK_MINUS: r = x - y; break;
        case TK_STAR: r = x * y; break;
        case TK_SLASH: r = x / y; break;
        case TK_EQEQ: bv = x == y; break;
        case TK_NE: bv = x != y; break;
        case TK_LT: bv = x < y; break;
        case TK_LE: bv = x <= y; break;
        case TK_GT: bv = x > y; break;
        case TK_GE: bv = x >= y; break;
        default: return t;
        }
        if (!cmp && isinf(r) && !isinf(x) && !isinf(y) && !(n->op == TK_SLASH && y == 0)) {
            ERR(n, "constant overflow: the result is out of range of %s", t->kind == TY_FLOAT ? t->name : "float64");
            return c->t_err;
        }
        if (t->kind == TY_FLOAT && t->size == 4)
            r = (double)(float)r;
        n->konst = cmp ? 1 : 2;
        n->ival = (uint64_t)bv;
        n->fval = r;
        return cmp ? c->t_bool : t;
    }
    int sign = t->kind == TY_UINT || t->sign;
    uint64_t x = a->ival, y = b->ival, r = 0;
    int64_t sx = (int64_t)x, sy = (int64_t)y;
    int bits = t->kind == TY_UINT ? 64 : (int)t->size * 8;
    switch (n->op) {
    case TK_PLUS: r = x + y; break;
    case TK_MINUS: r = x - y; break;
    case TK_STAR: r = x * y; break;
    case TK_SLASH: case TK_PERCENT:
        if (y == 0) {
            ERR(n, "division by zero in a constant expression");
            return c->t_err;
        }
        if (sign && sy == -1)
            r = n->op == TK_SLASH ? (uint64_t)0 - x : 0;
        else if (sign)
            r = (uint64_t)(n->op == TK_SLASH ? sx / sy : sx % sy);
        else
            r = n->op == TK_SLASH ? x / y : x % y;
        break;
    case TK_AMP: r = x & y; break;
    case TK_PIPE: r = x | y; break;
    case TK_CARET: r = x ^ y; break;
    case TK_SHL: r = y >= (uint64_t)bits ? 0 : x << y; break;
    case TK_SHR:
        if (sign)
            r = (uint64_t)(y >= (uint64_t)bits ? (sx < 0 ? -1 : 0) : sx >> y);
        else
            r = y >= (uint64_t)bits ? 0 : (wrap(x, c->t_u64) & (bits == 64 ? ~0ULL : (1ULL << bits) - 1)) >> y;
        break;
    case TK_EQEQ: r = x == y; break;
    case TK_NE: r = x != y; break;
    case TK_LT: r = sign ? sx < sy : x < y; break;
    case TK_LE: r = sign ? sx <= sy : x <= y; break;
    case TK_GT: r = sign ? sx > sy : x > y; break;
    case TK_GE: r = sign ? sx >= sy : x >= y; break;
    default: return t;
    }
    n->konst = 1;
    if (cmp) {
        n->ival = r;
        return c->t_bool;
    }
    n->ival = t->kind == TY_INT ? wrap(r, t) : r;
    /* an untyped result is a big unsigned value only when an operand was */
    n->ubig = t->kind == TY_UINT && (a->ubig || b->ubig) && r > (uint64_t)INT64_MAX;
    return t;
}

static Ty *check_binary(Check *c, Node *n)
{
    const char *op = tok_text[n->op];
    if (n->op == TK_ANDAND || n->op == TK_OROR) {
        Ty *a = check_expr(c, n->a, c->t_bool), *b = check_expr(c, n->b, c->t_bool);
        if (a->kind != TY_BOOL && a->kind != TY_ERR)
            ERR(n->a, "operand of '%s' must be bool, not %s", op, a->name);
        if (b->kind != TY_BOOL && b->kind != TY_ERR)
            ERR(n->b, "operand of '%s' must be bool, not %s", op, b->name);
        if (n->a->konst == 1 && n->b->konst == 1) {
            n->konst = 1;
            n->ival = n->op == TK_ANDAND ? (n->a->ival && n->b->ival) : (n->a->ival || n->b->ival);
        }
        return c->t_bool;
    }
    Ty *a = check_expr(c, n->a, NULL), *b = check_expr(c, n->b, NULL);
    if (a->kind == TY_ERR || b->kind == TY_ERR)
        return c->t_err;
    /* pointer arithmetic and comparison */
    if (a->kind == TY_PTR && ty_is_int(b) && (n->op == TK_PLUS || n->op == TK_MINUS)) {
        if (b->kind == TY_UINT)
            coerce(c, n->b, c->t_i64, "a pointer offset");
        if (a->base->kind == TY_VOID) {
            ERR(n, "arithmetic on *void");
            return c->t_err;
        }
        return a;
    }
    if (a->kind == TY_PTR && b->kind == TY_PTR && n->op == TK_MINUS) {
        if (!ty_same(a, b) || a->base->kind == TY_VOID) {
            ERR(n, "cannot subtract %s and %s", a->name, b->name);
            return c->t_err;
        }
        return c->t_i64;
    }
    if (is_untyped(a) && !is_untyped(b))
        coerce(c, n->a, b, op), a = n->a->ty;
    else if (is_untyped(b) && !is_untyped(a))
        coerce(c, n->b, a, op), b = n->b->ty;
    if (a->kind == TY_ERR || b->kind == TY_ERR)
        return c->t_err;
    Ty *t = a;
    if (a->kind == TY_UINT && b->kind == TY_UFLT) {
        coerce(c, n->a, c->t_f64, op);
        n->a->ty = t = c->t_uflt;
    } else if (a->kind == TY_UFLT && b->kind == TY_UINT) {
        coerce(c, n->b, c->t_f64, op);
        n->b->ty = c->t_uflt;
    } else if (a->kind == TY_NULL && b->kind == TY_NULL) {
        t = c->t_voidp;
    } else if (!ty_same(a, b) && !(a->kind == TY_PTR && b->kind == TY_PTR && assignable(a, b))) {
        ERR(n, "mismatched types %s and %s for '%s' (convert one side with cast<%s>(...))", a->name, b->name, op,
            a->name);
        return c->t_err;
    }
    int ok;
    switch (n->op) {
    case TK_PLUS: case TK_MINUS: case TK_STAR: case TK_SLASH:
        ok = is_num(t);
        break;
    case TK_PERCENT: case TK_AMP: case TK_PIPE: case TK_CARET: case TK_SHL: case TK_SHR:
        ok = ty_is_int(t);
        break;
    case TK_EQEQ: case TK_NE:
        ok = is_num(t) || t->kind == TY_BOOL || t->kind == TY_PTR || t->kind == TY_NULL || t->kind == TY_FUNC;
        break;
    default:
        ok = is_num(t) || t->kind == TY_PTR;
        break;
    }
    if (!ok) {
        ERR(n, "operator '%s' is not defined on %s", op, t->name);
        return c->t_err;
    }
    if ((n->op == TK_SHL || n->op == TK_SHR) && n->b->konst == 1) {
        /* a constant count must be in 0 .. bits-1 (C leaves the rest
         * undefined, x86 masks it) */
        int bits = t->kind == TY_UINT ? 64 : (int)t->size * 8;
        int neg = (t->kind == TY_UINT ? !n->b->ubig : t->sign) && (int64_t)n->b->ival < 0;
        if (neg || n->b->ival >= (uint64_t)bits) {
            if (neg)
                ERR(n->b, "negative shift count %lld", (long long)n->b->ival);
            else
                ERR(n->b, "shift count %llu is too large for %s (at most %d)", (unsigned long long)n->b->ival,
                    t->kind == TY_UINT ? "a constant" : t->name, bits - 1);
            return c->t_err;
        }
    }
    int cmp = n->op == TK_EQEQ || n->op == TK_NE || n->op == TK_LT || n->op == TK_LE || n->op == TK_GT ||
              n->op == TK_GE;
    if (n->a->konst && n->b->konst && n->a->konst != 3 && n->b->konst != 3 && t->kind != TY_PTR &&
        t->kind != TY_NULL)
        return fold_binary(c, n, t);
    if (t->kind == TY_NULL)
        n->a->ty = n->b->ty = c->t_voidp;
    /* two strings (a literal is one): their contents (lower.c) */
    n->checked = (n->op == TK_EQEQ || n->op == TK_NE) && n->a->ty == c->t_string && n->b->ty == c->t_string;
    return cmp ? c->t_bool : t;
}

static Ty *check_unary(Check *c, Node *n, Ty *want)
{
    Node *a = n->a;
    Ty *t;
    switch (n->op) {
    case TK_MINUS:
        t = check_expr(c, a, want && is_num(want) ? want : NULL);
        if (t->kind == TY_ERR)
            return t;
        if (!is_num(t)) {   /* unsigned negation wraps, like C */
            ERR(n, "operator '-' is not defined on %s", t->name);
            return c->t_err;
        }
        if (a->konst == 1) {
            n->konst = 1;
            n->ival = t->kind == TY_INT ? wrap(0 - a->ival, t) : 0 - a->ival;
            n->ubig = 0;
        } else if (a->konst == 2) {
            n->konst = 2;
            n->fval = -a->fval;
        }
        return t;
    case TK_BANG:
        t = check_expr(c, a, c->t_bool);
        if (t->kind != TY_BOOL && t->kind != TY_ERR) {
            ERR(n, "operator '!' needs bool, not %s", t->name);
            return c->t_err;
        }
        if (a->konst == 1) {
            n->konst = 1;
            n->ival = !a->ival;
        }
        return c->t_bool;
    case TK_TILDE:
        t = check_expr(c, a, want && ty_is_int(want) ? want : NULL);
        if (t->kind == TY_ERR)
            return t;
        if (!ty_is_int(t)) {
            ERR(n, "operator '~' is not defined on %s", t->name);
            return c->t_err;
        }
        if (a->konst == 1) {
            n->konst = 1;
            n->ival = t->kind == TY_INT ? wrap(~a->ival, t) : ~a->ival;
        }
        return t;
    case TK_AMP:
        t = check_expr(c, a, NULL);
        if (t->kind == TY_ERR)
            return t;
        if (!is_lvalue(a) && !(a->kind == N_IDENT && a->var && ty_is_agg(t))) {
            ERR(n, "cannot take the address of this expression");
            return c->t_err;
        }
        mark_addr(a);
        if (a->kind == N_INDEX && a->checked)
            a->checked = 2;   /* &a[len(a)], the end, is an address too (C) */
        return ptr_to(c, t);
    case TK_STAR:
        t = check_expr(c, a, NULL);
        if (t->kind == TY_ERR)
            return t;
        if (t->kind != TY_PTR || t->base->kind == TY_VOID) {
            ERR(n, "cannot dereference %s", t->name);
            return c->t_err;
        }
        return complete(c, t->base, n->line, n->col);
    default:
        die("unary operator %d", n->op);
    }
}

/* Check call arguments against parameter types (ptys[0..np-1]); extra
 * arguments of a variadic callee take the default promotions' types. */
/* checked (NULL: none) marks the arguments checked already (type-argument
 * inference): they are only converted. */
static void check_args(Check *c, Node *call, Node **args, int nargs, Ty **ptys, int np, int variadic,
                       const char *fname, const char *checked)
{
    if (nargs < np || (nargs > np && !variadic)) {
        ERR(call, "'%s' takes %d argument(s), not %d", fname, np, nargs);
        for (int i = 0; i < nargs; i++)
            if (!checked || !checked[i])
                check_expr(c, args[i], NULL);
        return;
    }
    for (int i = 0; i < nargs; i++) {
        char what[96];
        snprintf(what, sizeof what, "argument %d of '%s'", i + 1, fname);
        if (i < np) {
            if (!checked || !checked[i])
                check_expr(c, args[i], ptys[i]);
            coerce(c, args[i], ptys[i], what);
        } else {
            Ty *t = check_expr(c, args[i], NULL);
            default_type(c, args[i], what);
            t = args[i]->ty;
            if (t->kind == TY_VOID || ty_is_agg(t) || t->kind == TY_TASK)
                ERR(args[i], "cannot pass %s as a variadic argument", t->name);
        }
    }
}

static Ty *new_task(Check *c, Ty *r)
{
    size_t n = strlen(r->name) + 8;
    char *name = fe_alloc(c->fe, n);
    snprintf(name, n, "Task<%s>", r->name);
    Ty *t = new_ty(c, TY_TASK, 8, 8, name);
    t->base = r;
    return t;
}


static struct { const char *name; Builtin b; } builtins[] = {
    {"alloca", BI_ALLOCA}, {"memcpy", BI_MEMCPY}, {"memset", BI_MEMSET}, {"memcmp", BI_MEMCMP},
    {"strlen", BI_STRLEN}, {"syscall", BI_SYSCALL}, {"memptr", BI_MEMPTR}, {"va_start", BI_VA_START},
    {"va_arg", BI_VA_ARG}, {"va_end", BI_VA_END}, {"len", BI_LEN}, {"delete", BI_DELETE},
    {"atomic_add", BI_ATOMIC_ADD}, {"atomic_load", BI_ATOMIC_LOAD}, {"atomic_store", BI_ATOMIC_STORE},
    {"atomic_cas", BI_ATOMIC_CAS}, {"sqrt", BI_SQRT},
};

static Ty *expr_as_type(Check *c, Node *n);

static Ty *check_builtin(Check *c, Node *n, Builtin b)
{
    n->builtin = b;
    Node **a = n->list;
    int na = n->nlist;
    static const int nargs[] = {[BI_MEMCPY] = 3, [BI_MEMSET] = 3, [BI_MEMCMP] = 3, [BI_STRLEN] = 1,
                                [BI_MEMPTR] = 1, [BI_RDTSC] = 0, [BI_PAUSE] = 0, [BI_CPUID] = 2,
                                [BI_VA_START] = 1, [BI_VA_ARG] = 2, [BI_VA_END] = 1, [BI_LEN] = 1, [BI_DELETE] = 1,
                                [BI_ATOMIC_ADD] = 2, [BI_ATOMIC_LOAD] = 1, [BI_ATOMIC_STORE] = 2,
                                [BI_ATOMIC_CAS] = 3, [BI_SQRT] = 1};
    if (b == BI_ALLOCA) {
        if (n->ntargs != 1 || na > 1) {
            ERR(n, "alloca takes one type argument and at most one count: alloca<T>(n)");
            return c->t_err;
        }
        n->xty = resolve(c, n->targs[0]);
        if (na) {
            check_expr(c, a[0], c->t_u64);
            if (!ty_is_int(a[0]->ty) && a[0]->ty->kind != TY_ERR)
                ERR(a[0], "alloca's count must be an integer, not %s", a[0]->ty->name);
            coerce(c, a[0], a[0]->ty->kind == TY_UINT ? c->t_u64 : a[0]->ty, "alloca");
        }
        return n->xty->kind == TY_ERR ? n->xty : ptr_to(c, n->xty);
    }
    if (n->ntargs)
        ERR(n, "this built-in takes no type arguments");
    if (b == BI_SYSCALL) {
        if (na < 1 || na > 7) {
            ERR(n, "syscall takes a number and up to 6 arguments");
            return c->t_err;
        }
        for (int i = 0; i < na; i++) {
            Ty *t = check_expr(c, a[i], c->t_i64);
            if (t->kind == TY_UINT)
                coerce(c, a[i], c->t_i64, "syscall");
            else if (t->kind != TY_INT && t->kind != TY_PTR && t->kind != TY_BOOL && t->kind != TY_ERR)
                ERR(a[i], "cannot pass %s to syscall", t->name);
        }
        return c->t_i64;
    }
    if (na != nargs[b]) {
        ERR(n, "this built-in takes %d argument(s), not %d", nargs[b], na);
        return c->t_err;
    }
    if (b == BI_VA_ARG) {
        /* va_arg(ap, T): the second argument is a type */
        Ty *t = expr_as_type(c, a[1]);
        check_expr(c, a[0], NULL);
        if (a[0]->ty->kind != TY_PTR && a[0]->ty->kind != TY_ERR)
            ERR(a[0], "va_arg needs the list from va_start, not %s", a[0]->ty->name);
        if (!t || t->kind == TY_ERR) {
            if (!t)
                ERR(a[1], "va_arg's second argument must be a type");
            return c->t_err;
        }
        if (t->kind != TY_INT && t->kind != TY_FLOAT && t->kind != TY_PTR && t->kind != TY_BOOL) {
            ERR(a[1], "va_arg cannot fetch %s", t->name);
            return c->t_err;
        }
        n->xty = t;
        return t;
    }
    for (int i = 0; i < na; i++)
        check_expr(c, a[i], NULL);
    if (b >= BI_ATOMIC_ADD && b <= BI_ATOMIC_CAS) {
        /* atomic_op(&x, ...): x a 32- or 64-bit integer (add) or pointer */
        Ty *p = a[0]->ty;
        if (p->kind == TY_ERR)
            return p;
        Ty *t = p->kind == TY_PTR ? p->base : NULL;
        if (!t || !((t->kind == TY_INT && t->size >= 4) || (t->kind == TY_PTR && b != BI_ATOMIC_ADD))) {
            ERR(a[0], "%s needs a pointer to a 32- or 64-bit integer%s, not %s", n->a->name,
                b == BI_ATOMIC_ADD ? "" : " or a pointer", p->name);
            return c->t_err;
        }
        for (int i = 1; i < na; i++)
            coerce(c, a[i], t, "an atomic operand");
        return b == BI_ATOMIC_CAS ? c->t_bool : b == BI_ATOMIC_STORE ? c->t_void : t;
    }
    if (b == BI_DELETE) {   /* what new made: a pointer or a slice */
        Ty *t = a[0]->ty;
        if (t->kind != TY_PTR && t->kind != TY_SLICE && t->kind != TY_ERR)
            ERR(a[0], "delete takes a pointer or a slice from new, not %s", t->name);
        return c->t_void;
    }
    if (b == BI_LEN) {
        /* int64: an array's length (a constant), a slice's, a string's strlen */
        Ty *t = a[0]->ty;
        if (t->kind == TY_ARRAY) {
            n->konst = 1;
            n->ival = (uint64_t)t->len;
        } else if (t->kind != TY_SLICE && t->kind != TY_ERR && !ty_same(t, c->t_bytep)) {
            ERR(a[0], "len takes an array, a slice or a string, not %s", t->name);
            return c->t_err;
        }
        return c->t_i64;
    }
    if (b == BI_VA_START) {
        if (!c->fn || !c->fn->variadic)
            ERR(n, "va_start outside a variadic function");
        return c->t_voidp;
    }
    if (b == BI_VA_END) {
        if (a[0]->ty->kind != TY_PTR && a[0]->ty->kind != TY_ERR)
            ERR(a[0], "va_end needs the list from va_start, not %s", a[0]->ty->name);
        return c->t_void;
    }
    /* pointer parameters accept any pointer type */
    int ptrs = b == BI_MEMCPY || b == BI_MEMCMP ? 2 : b == BI_MEMSET || b == BI_STRLEN ? 1 : 0;
    for (int i = 0; i < ptrs; i++)
        if (a[i]->ty->kind != TY_PTR && a[i]->ty->kind != TY_ERR)
            ERR(a[i], "argument %d must be a pointer, not %s", i + 1, a[i]->ty->name);
    switch (b) {
    case BI_MEMCPY: case BI_MEMCMP:
        coerce(c, a[2], a[2]->ty->kind == TY_UINT ? c->t_u64 : a[2]->ty, "the size");
        if (!ty_is_int(a[2]->ty) && a[2]->ty->kind != TY_ERR)
            ERR(a[2], "the size must be an integer");
        return b == BI_MEMCPY ? c->t_void : c->t_i32;
    case BI_MEMSET:
        coerce(c, a[1], c->t_u8, "the byte");
        coerce(c, a[2], a[2]->ty->kind == TY_UINT ? c->t_u64 : a[2]->ty, "the size");
        if (!ty_is_int(a[2]->ty) && a[2]->ty->kind != TY_ERR)
            ERR(a[2], "the size must be an integer");
        return c->t_void;
    case BI_STRLEN:
        return c->t_u64;
    case BI_SQRT:   /* one sqrtsd (sqrtss for a float32) */
        if (a[0]->ty->kind != TY_FLOAT)
            coerce(c, a[0], c->t_f64, "sqrt");
        return a[0]->ty->kind == TY_FLOAT ? a[0]->ty : c->t_err;
    case BI_MEMPTR:
        if (a[0]->ty->kind == TY_UINT)
            coerce(c, a[0], c->t_u64, "memptr");
        if (a[0]->ty->kind != TY_PTR && a[0]->ty->kind != TY_INT && a[0]->ty->kind != TY_ERR)
            ERR(a[0], "memptr converts a pointer or an integer, not %s", a[0]->ty->name);
        return c->t_bytep;
    case BI_RDTSC:
        return c->t_u64;
    case BI_PAUSE:
        return c->t_void;
    case BI_CPUID: {
        for (int i = 0; i < 2; i++) {
            coerce(c, a[i], a[i]->ty->kind == TY_UINT ? c->t_u32 : a[i]->ty, "cpuid");
            if (a[i]->ty->kind != TY_ERR && (a[i]->ty->kind != TY_INT || a[i]->ty->size != 4))
                ERR(a[i], "cpuid takes 32-bit integers, not %s", a[i]->ty->name);
        }
        /* the registers, as a tuple with named fields */
        Ty *r[4] = {c->t_u32, c->t_u32, c->t_u32, c->t_u32};
        Ty *t = tuple_ty(c, r, 4);
        static const char *const regs[] = {"eax", "ebx", "ecx", "edx"};
        for (int i = 0; i < 4; i++)
            t->fields[i].name = regs[i];
        t->name = "cpuid";
        return t;
    }
    default:
        die("builtin %d", b);
    }
}

/* A named function used as a value: its address, of type func(...) R. */
Ty *func_value(Check *c, Node *n, FuncDecl *f)
{
    if (f->builtin) {
        ERR(n, "built-in '%s' cannot be used as a value", n->name);
        return c->t_err;
    }
    if (f->ntparams) {
        ERR(n, "generic function '%s' cannot be used as a value", n->name);
        return c->t_err;
    }
    check_sig(c, f);
    if (f->state < 1)
        return c->t_err;
    n->fn = f;
    return func_ty(c, f->ptys, f->nparams, f->rty, f->variadic, f->async);
}

/* A call through a value of function type (n->fn stays NULL). */
static Ty *check_call_value(Check *c, Node *n)
{
    Ty *t = check_expr(c, n->a, NULL);
    if (t->kind != TY_FUNC) {
        if (t->kind != TY_ERR)
            ERR(n->a, "cannot call a value of type %s", t->name);
        for (int i = 0; i < n->nlist; i++)
            check_expr(c, n->list[i], NULL);
        return c->t_err;
    }
    if (n->ntargs)
        ERR(n->a, "a function value takes no type arguments");
    check_args(c, n, n->list, n->nlist, t->ptys, t->nptys, t->variadic,
               n->a->kind == N_IDENT ? n->a->name : "function value", NULL);
    return t->async ? new_task(c, t->base) : t->base;
}

static Ty *check_call(Check *c, Node *n)
{
    Node *callee = n->a;
    FuncDecl *f = NULL;
    Ty *recv = NULL;
    char *checked = NULL;   /* arguments checked for inference */
    module_ref(c, callee);
    if (callee->kind == N_IDENT && !lookup(c, callee->name) && !captured(c, callee->name)) {
        f = find_func(c, callee->name);
        if (!f || f->builtin) {
            for (int i = 0; i < countof(builtins); i++)
                if (!strcmp(builtins[i].name, callee->name))
                    return check_builtin(c, n, builtins[i].b);
        }
        if (!f) {
            ERR(callee, "unknown function '%s'", callee->name);
            for (int i = 0; i < n->nlist; i++)
                check_expr(c, n->list[i], NULL);
            return c->t_err;
        }
        if (f->ntparams && !n->ntargs) {
            /* the type arguments from the arguments' types */
            if (n->nlist != f->nparams) {
                ERR(n, "'%s' takes %d argument(s), not %d", f->cname, f->nparams, n->nlist);
                for (int i = 0; i < n->nlist; i++)
                    check_expr(c, n->list[i], NULL);
                return c->t_err;
            }
            checked = fe_alloc(c->fe, (size_t)n->nlist + 1);
            for (int i = 0; i < n->nlist; i++)
                if ((checked[i] = (char)mentions_tparam(f, f->params[i].tx)))
                    check_expr(c, n->list[i], NULL);
            f = infer_instance(c, f, n->list, checked, callee);
            if (!f) {
                for (int i = 0; i < n->nlist; i++)
                    if (!checked[i])
                        check_expr(c, n->list[i], NULL);
                return c->t_err;
            }
        } else if (f->ntparams) {
            f = instantiate(c, f, n);
            if (!f)
                return c->t_err;
        } else if (n->ntargs) {
            ERR(callee, "'%s' is not generic", f->name);
        }
    } else if (callee->kind == N_FIELD && callee->a->kind == N_FIELD && callee->a->a->kind == N_IDENT &&
               !strcmp(callee->a->a->name, "std") && !lookup(c, "std")) {
        /* std.<group>.<name>: the intrinsics under names no function can
         * hide (the C layer defines sqrt and memcpy for C code with them) */
        static const struct { const char *group, *name; Builtin b; } intrinsics[] = {
            {"cpu", "rdtsc", BI_RDTSC}, {"cpu", "pause", BI_PAUSE}, {"cpu", "cpuid", BI_CPUID},
            {"math", "sqrt", BI_SQRT}, {"mem", "copy", BI_MEMCPY}, {"mem", "set", BI_MEMSET},
            {"mem", "cmp", BI_MEMCMP}, {"str", "len", BI_STRLEN},
        };
        for (int i = 0; i < countof(intrinsics); i++)
            if (!strcmp(callee->a->name, intrinsics[i].group) && !strcmp(callee->name, intrinsics[i].name))
                return check_builtin(c, n, intrinsics[i].b);
        ERR(callee, "unknown intrinsic 'std.%s.%s'", callee->a->name, callee->name);
        return c->t_err;
    } else if (callee->kind == N_FIELD) {
        /* a method call: receiver.name(args) */
        Ty *rt = check_expr(c, callee->a, NULL);
        if (rt->kind == TY_ERR)
            return rt;
        Ty *st = rt->kind == TY_PTR ? rt->base : rt;
        if (st->kind == TY_STRUCT && !find_method(st->sd, callee->name)) {
            st = complete(c, st, callee->line, callee->col);
            for (int i = 0; i < st->nfields; i++)
                if (!strcmp(st->fields[i].name, callee->name))
                    return check_call_value(c, n);   /* a field of function type */
        }
        if (st->kind != TY_STRUCT || !(f = find_method(st->sd, callee->name))) {
            ERR(callee, "%s has no method '%s'", rt->name, callee->name);
            return c->t_err;
        }
        if (n->ntargs)
            ERR(callee, "method '%s' takes no type arguments (a generic struct's come from the receiver)",
                callee->name);
        if (f->ntparams && f->owner && !(f = instance(c, f, st->targs, st->ntargs, callee)))
            return c->t_err;
        check_sig(c, f);
        if (f->recv_ptr) {
            if (rt->kind == TY_PTR) {
                n->method = 1;
            } else if (is_lvalue(callee->a)) {
                mark_addr(callee->a);
                n->method = 2;
            } else {
                ERR(callee, "method '%s' needs an addressable receiver", callee->name);
            }
        } else {
            n->method = rt->kind == TY_PTR ? 3 : 1;   /* 3: dereference */
        }
        recv = rt;
    } else {
        return check_call_value(c, n);
    }
    check_sig(c, f);
    n->fn = f;
    if (f->state < 1)
        return c->t_err;
    int skip = recv ? 1 : 0;
    if (!recv && f->nparams && f->params[0].self) {
        ERR(callee, "'%s' is a method: call it as receiver.%s(...)", f->name, f->name);
        return c->t_err;
    }
    check_args(c, n, n->list, n->nlist, f->ptys + skip, f->nparams - skip, f->variadic, f->name, checked);
    Ty *r = f->rty;
    return f->async ? new_task(c, r) : r;
}

/* new T and new T{...}: *T, zeroed, then the literal; new [n]T: a []T of
 * n zeroed elements (n any integer expression) */
static Ty *check_new(Check *c, Node *n)
{
    if (n->tx->kind == TX_ARRAY) {
        Ty *i = check_expr(c, n->tx->len, c->t_i64);
        if (i->kind == TY_UINT)
            coerce(c, n->tx->len, c->t_i64, "new's length");
        else if (i->kind != TY_INT && i->kind != TY_ERR)
            ERR(n->tx->len, "new's length must be an integer, not %s", i->name);
        Ty *e = resolve(c, n->tx->base);
        if (e->kind == TY_VOID) {
            ERR(n, "new of void");
            return c->t_err;
        }
        return e->kind == TY_ERR ? e : slice_ty(c, e);
    }
    Ty *t = resolve(c, n->tx);
    if (t->kind == TY_ERR)
        return t;
    if (t->kind == TY_VOID) {
        ERR(n, "new of void");
        return c->t_err;
    }
    if (n->a && check_expr(c, n->a, t)->kind == TY_ERR)
        return c->t_err;
    return ptr_to(c, t);
}

/* a[lo..hi] on an array (addressable), a slice or a pointer (hi needed) */
static Ty *check_slice(Check *c, Node *n)
{
    Ty *a = check_expr(c, n->a, NULL);
    Node *bounds[2] = {n->b, n->c};
    for (int k = 0; k < 2; k++) {
        Node *b = bounds[k];
        if (!b)
            continue;
        Ty *i = check_expr(c, b, c->t_i64);
        if (ty_is_int(i))
            coerce(c, b, c->t_i64, "a slice bound");
        else if (i->kind != TY_ERR)
            ERR(b, "a slice bound must be an integer, not %s", i->name);
    }
    if (a->kind == TY_ERR)
        return a;
    if (a->kind == TY_ARRAY) {
        if (is_lvalue(n->a))
            mark_addr(n->a);
        else if (n->a->kind != N_CALL && n->a->kind != N_SLIT && n->a->kind != N_ZLIT) {
            ERR(n->a, "cannot slice this array: it has no address");
            return c->t_err;
        }
    } else if (a->kind == TY_PTR && a->base->kind != TY_VOID) {
        if (!n->c) {
            ERR(n, "slicing a pointer needs an end: p[lo..hi]");
            return c->t_err;
        }
    } else if (a->kind != TY_SLICE) {
        ERR(n, "cannot slice %s", a->name);
        return c->t_err;
    }
    return slice_ty(c, complete(c, a->base, n->line, n->col));
}
static int64_t enum_member(Check *c, EnumDecl *e, int i, Node *at);

static Ty *check_field(Check *c, Node *n)
{
    Node *a = n->a;
    module_ref(c, a);   /* io.Color.RED */
    if (a->kind == N_IDENT && !lookup(c, a->name)) {
        EnumDecl *e = find_enum(c, a->name);
        if (e) {
            for (int i = 0; i < e->nmembers; i++)
                if (!strcmp(e->mnames[i], n->name)) {
                    n->konst = 1;
                    n->ival = wrap((uint64_t)enum_member(c, e, i, n), c->t_i32);
                    return c->t_i32;
                }
            ERR(n, "enum %s has no member '%s'", e->name, n->name);
            return c->t_err;
        }
    }
    Ty *t = check_expr(c, a, NULL);
    if (t->kind == TY_ERR)
        return t;
    Ty *st = complete(c, t->kind == TY_PTR ? t->base : t, n->line, n->col);
    if (st->kind == TY_STRUCT || st->kind == TY_TUPLE) {
        for (int i = 0; i < st->nfields; i++)
            if (!strcmp(st->fields[i].name, n->name)) {
                n->field = &st->fields[i];
                return st->fields[i].ty;
            }
        if (st->kind == TY_STRUCT && find_method(st->sd, n->name)) {
            ERR(n, "method '%s' must be called", n->name);
            return c->t_err;
        }
    }
    ERR(n, "%s has no field '%s'", t->name, n->name);
    return c->t_err;
}

/* sizeof(x): x as a type when it names one. */
static Ty *expr_as_type(Check *c, Node *n)
{
    if (n->kind == N_IDENT && !lookup(c, n->name)) {
        TypeX x = {.kind = TX_NAME, .line = n->line, .col = n->col, .name = n->name, .args = n->targs,
                   .nargs = n->ntargs};
        int isname = prim(c, n->name) || find_struct(c, n->name) || find_enum(c, n->name) || !strcmp(n->name, "Task");
        for (int i = 0; i < c->ntp; i++)
            isname |= !strcmp(c->tpnames[i], n->name);
        return isname ? resolve(c, &x) : NULL;
    }
    if (n->kind == N_UNARY && n->op == TK_STAR) {
        Ty *b = expr_as_type(c, n->a);
        return b ? (b->kind == TY_ERR ? b : ptr_to(c, b)) : NULL;
    }
    return NULL;
}

static void check_func_body(Check *c, FuncDecl *f);
static void check_const_var(Check *c, Var *v);

static Ty *check_cast(Check *c, Node *n)
{
    Ty *to = resolve(c, n->tx), *from = check_expr(c, n->a, NULL);
    n->xty = to;
    if (to->kind == TY_ERR || from->kind == TY_ERR)
        return c->t_err;
    if (n->kind == N_BITCAST) {
        default_type(c, n->a, "bit_cast");
        from = n->a->ty;
        if (ty_is_agg(to) || ty_is_agg(from) || to->kind == TY_VOID || to->size != from->size) {
            ERR(n, "bit_cast needs scalar types of the same size, not %s to %s", from->name, to->name);
            return c->t_err;
        }
        return to;
    }
    if (from->kind == TY_UINT)
        coerce(c, n->a, n->a->ubig ? c->t_u64 : c->t_i64, "cast");
    else if (from->kind == TY_UFLT)
        coerce(c, n->a, c->t_f64, "cast");
    else if (from->kind == TY_NULL)
        coerce(c, n->a, c->t_voidp, "cast");
    from = n->a->ty;
    int ok = (is_num(to) && is_num(from)) || (to->kind == TY_PTR && (from->kind == TY_PTR || from->kind == TY_INT)) ||
             (to->kind == TY_INT && from->kind == TY_PTR) || (to->kind == TY_INT && from->kind == TY_BOOL) ||
             (to->kind == TY_TASK && from->kind == TY_TASK) || ty_same(to, from) ||
             ((to->kind == TY_FUNC || to->kind == TY_PTR) && (from->kind == TY_FUNC || from->kind == TY_PTR));
    if (!ok) {
        ERR(n, "cannot cast %s to %s", from->name, to->name);
        return c->t_err;
    }
    if (n->a->konst == 1 && to->kind == TY_INT && from->kind == TY_INT) {
        n->konst = 1;
        n->ival = wrap(n->a->ival, to);
    } else if (n->a->konst == 2 && to->kind == TY_FLOAT) {
        n->konst = 2;
        n->fval = to->size == 4 ? (double)(float)n->a->fval : n->a->fval;
    }
    return to;
}

/* The left operands of a chain a + b + c ... (a left-deep tree of any
 * length, parse.c) checked bottom up in a loop, so that checking n
 * recurses no deeper than its right operands. */
static void check_chain(Check *c, Node *n)
{
    int k = 0;
    for (Node *a = n->a; a->kind == N_BINARY && !a->ty; a = a->a)
        k++;
    if (k < 2)
        return;
    Node **spine = xmalloc(sizeof *spine * (size_t)k);
    k = 0;
    for (Node *a = n->a; a->kind == N_BINARY && !a->ty; a = a->a)
        spine[k++] = a;
    while (k--)
        check_expr(c, spine[k], NULL);
    free(spine);
}

/* Check n; want is the context type for untyped constants (may be NULL;
 * the caller still coerces).  Sets and returns n->ty. */
Ty *check_expr(Check *c, Node *n, Ty *want)
{
    if (n->ty)
        return n->ty;
    Ty *t = c->t_err;
    module_ref(c, n);
    switch (n->kind) {
    case N_INT:
        n->konst = 1;
        n->ubig = n->ival > (uint64_t)INT64_MAX;
        t = c->t_uint;
        break;
    case N_FLT:
        n->konst = 2;
        t = c->t_uflt;
        break;
    case N_STR:
        n->konst = 3;
        t = c->t_string;
        break;
    case N_BOOL:
        n->konst = 1;
        t = c->t_bool;
        break;
    case N_NULL:
        t = c->t_null;
        break;
    case N_IDENT: {
        Var *v = lookup(c, n->name);
        if (!v && (v = captured(c, n->name)) && !(v->is_const && v->konst)) {
            ERR(n, "a function literal cannot use '%s', a local of the enclosing function (it captures nothing)",
                n->name);
            break;
        }
        if (!v) {
            FuncDecl *f = find_func(c, n->name);
            if (f)
                t = func_value(c, n, f);
            else if (find_struct(c, n->name) || find_enum(c, n->name) || prim(c, n->name))
                ERR(n, "type '%s' used as a value", n->name);
            else if (is_blank(n->name))
                ERR(n, "'_' is the blank name: it holds no value to read");
            else
                ERR(n, "undefined name '%s'", n->name);
            break;
        }
        if (v->state == 1) {
            ERR(n, "constant '%s' is defined in terms of itself", n->name);
            break;
        }
        if (v->state == 0 && v->init) {
            /* a top-level constant used before its declaration was checked */
            if (c->nconstdepth >= MAX_DEPTH) {
                ERR(n, "constants defined in terms of each other too deeply");
                break;
            }
            Scope *save = c->scope;
            c->scope = &c->globals;
            v->state = 1;
            c->nconstdepth++;
            check_const_var(c, v);
            c->nconstdepth--;
            c->scope = save;
        }
        n->var = v;
        n->konst = v->konst;
        n->ival = v->ival;
        n->fval = v->fval;
        n->str = v->str;
        n->slen = v->slen;
        n->ubig = v->ubig;
        t = v->ty;
        break;
    }
    case N_UNARY:
        t = check_unary(c, n, want);
        break;
    case N_BINARY:
        check_chain(c, n);
        t = check_binary(c, n);
        break;
    case N_PREINC:
    case N_POSTINC:
        t = check_expr(c, n->a, NULL);
        if (t->kind == TY_ERR)
            break;
        if (!need_lvalue(c, n->a, n->op == TK_INC ? "increment" : "decrement"))
            break;
        if (t->kind != TY_INT && !(t->kind == TY_PTR && t->base->kind != TY_VOID)) {
            ERR(n, "cannot %s %s", n->op == TK_INC ? "increment" : "decrement", t->name);
            t = c->t_err;
        }
        break;
    case N_CALL:
        t = check_call(c, n);
        break;
    case N_INDEX: {
        Ty *a = check_expr(c, n->a, NULL);
        Ty *i = check_expr(c, n->b, c->t_i64);
        if (i->kind == TY_UINT)
            coerce(c, n->b, c->t_i64, "an index");
        else if (i->kind != TY_INT && i->kind != TY_ERR)
            ERR(n->b, "an index must be an integer, not %s", i->name);
        if (a->kind == TY_ERR)
            break;
        if (a->kind == TY_ARRAY || a->kind == TY_SLICE || (a->kind == TY_PTR && a->base->kind != TY_VOID)) {
            t = complete(c, a->base, n->line, n->col);
            if (a->kind == TY_ARRAY && n->b->konst == 1 && (int64_t)n->b->ival >= 0 &&
                !n->b->ubig && (int64_t)n->b->ival >= a->len && n->b->ty->kind == TY_INT && n->b->ty->sign)
                ERR(n->b, "index %lld is out of bounds for %s", (long long)n->b->ival, a->name);
            n->checked = a->kind == TY_SLICE || (a->kind == TY_ARRAY && n->b->konst != 1);
        } else {
            ERR(n, "cannot index %s", a->name);
        }
        break;
    }
    case N_SLICE:
        t = check_slice(c, n);
        break;
    case N_FIELD:
        t = check_field(c, n);
        break;
    case N_CAST:
    case N_BITCAST:
        t = check_cast(c, n);
        break;
    case N_SIZEOF:
    case N_ALIGNOF: {
        Ty *x = n->tx ? resolve(c, n->tx) : expr_as_type(c, n->a);
        if (!x) {
            if (n->kind == N_ALIGNOF) {
                ERR(n->a, "alignof takes a type");
                break;
            }
            x = check_expr(c, n->a, NULL);
            if (is_untyped(x)) {
                default_type(c, n->a, "sizeof");
                x = n->a->ty;
            }
        }
        if (x->kind == TY_ERR)
            break;
        n->xty = x;
        n->konst = 1;
        n->ival = (uint64_t)(n->kind == N_SIZEOF ? x->size : x->align);
        t = c->t_u64;
        break;
    }
    case N_AWAIT: {
        Ty *a = check_expr(c, n->a, NULL);
        if (a->kind == TY_ERR)
            break;
        if (a->kind != TY_TASK) {
            ERR(n, "await needs a task, not %s", a->name);
            break;
        }
        t = a->base;
        break;
    }
    case N_SLIT: {
        Ty *st = resolve(c, n->tx);
        if (st->kind == TY_ERR)
            break;
        if (st->kind != TY_STRUCT) {
            ERR(n, "%s is not a struct", st->name);
            break;
        }
        for (int i = 0; i < n->nlist; i++) {
            SField *f = NULL;
            for (int j = 0; j < st->nfields; j++)
                if (!strcmp(st->fields[j].name, n->names[i]))
                    f = &st->fields[j];
            for (int j = 0; j < i; j++)
                if (!strcmp(n->names[j], n->names[i]))
                    ERR(n->list[i], "field '%s' is given twice", n->names[i]);
            if (!f) {
                ERR(n->list[i], "%s has no field '%s'", st->name, n->names[i]);
                check_expr(c, n->list[i], NULL);
                continue;
            }
            check_expr(c, n->list[i], f->ty);
            coerce(c, n->list[i], f->ty, n->names[i]);
        }
        t = st;
        break;
    }
    case N_ZLIT:
        if (!want || want->kind == TY_ERR) {
            if (!want)
                ERR(n, "cannot infer the type of {...}: write the type");
            break;
        }
        if (want->kind == TY_ARRAY) {
            if (n->nlist > want->len)
                ERR(n, "too many elements for %s", want->name);
            for (int i = 0; i < n->nlist; i++) {
                check_expr(c, n->list[i], want->base);
                coerce(c, n->list[i], want->base, "an array element");
            }
        } else if (want->kind == TY_STRUCT || want->kind == TY_TUPLE) {
            if (n->nnames)
                ERR(n, "write %s{name: value} for named fields", want->name);
            else if (n->nlist > want->nfields)
                ERR(n, "too many values for %s", want->name);
            for (int i = 0; i < n->nlist && i < want->nfields; i++) {
                check_expr(c, n->list[i], want->fields[i].ty);
                coerce(c, n->list[i], want->fields[i].ty, want->fields[i].name);
            }
        } else if (n->nlist) {
            ERR(n, "{...} cannot initialise %s", want->name);
            break;
        }
        t = want;
        break;
    case N_TUPLE: {
        Ty **el = fe_alloc(c->fe, sizeof(Ty *) * (size_t)n->nlist);
        int bad = 0;
        for (int i = 0; i < n->nlist; i++) {
            Ty *w = want && want->kind == TY_TUPLE && i < want->nfields ? want->fields[i].ty : NULL;
            check_expr(c, n->list[i], w);
            if (w)
                coerce(c, n->list[i], w, "a tuple element");
            else
                default_type(c, n->list[i], "a tuple element");
            el[i] = n->list[i]->ty;
            bad |= el[i]->kind == TY_ERR;
            if (el[i]->kind == TY_VOID) {
                ERR(n->list[i], "a tuple element cannot be void");
                bad = 1;
            }
        }
        if (!bad)
            t = tuple_ty(c, el, n->nlist);
        break;
    }
    case N_PROCESS: {
        FuncDecl *f = n->fn;
        char *sym = fe_alloc(c->fe, 32);
        snprintf(sym, 32, "process.%d", ++c->nprocess);
        f->name = "process func";
        f->sym = sym;
        check_sig(c, f);
        if (f->state >= 1) {
            if (f->rty->kind != TY_VOID)
                ERR(n, "a process func returns nothing");
            check_args(c, n, n->list, n->nlist, f->ptys, f->nparams, 0, "process func", NULL);
            /* the literal sees globals only: its arguments are copies */
            FuncDecl *of = c->fn;
            Scope *os = c->scope;
            int ol = c->loops, osw = c->switches;
            c->scope = &c->globals;
            check_func_body(c, f);
            c->fn = of;
            c->scope = os;
            c->loops = ol;
            c->switches = osw;
            FE_PUSH(c->fe, c->fe->prog.funcs, c->fe->prog.nfuncs, c->fe->prog.capfuncs, f);
        }
        t = new_task(c, c->t_void);
        break;
    }
    case N_NEW:
        t = check_new(c, n);
        break;
    case N_FUNCLIT: {
        FuncDecl *f = n->fn;
        char *sym = fe_alloc(c->fe, 32);
        snprintf(sym, 32, "func.%d", ++c->nprocess);
        f->name = "func literal";
        f->sym = sym;
        check_sig(c, f);
        if (f->state < 1)
            break;
        /* the body sees globals; enclosing locals only to name them in
         * the error that they cannot be captured */
        FuncDecl *of = c->fn;
        Scope *os = c->scope, *oo = c->outer;
        int ol = c->loops, osw = c->switches;
        c->outer = os;
        c->scope = &c->globals;
        check_func_body(c, f);
        c->fn = of;
        c->scope = os;
        c->outer = oo;
        c->loops = ol;
        c->switches = osw;
        FE_PUSH(c->fe, c->fe->prog.funcs, c->fe->prog.nfuncs, c->fe->prog.capfuncs, f);
        t = func_ty(c, f->ptys, f->nparams, f->rty, f->variadic, f->async);
        break;
    }
    default:
        ERR(n, "not an expression");
        break;
    }
    n->ty = t;
    return t;
}

/* --- statements ------------------------------------------------------------ */
static void check_stmt(Check *c, Node *n);
static void check_block(Check *c, Node *n);

/* A loop's body: break and continue belong to the loop. */
static void check_loop_body(Check *c, Node *body)
{
    c->loops++;
    int osw = c->switches;
    c->switches = 0;
    check_block(c, body);
    c->switches = osw;
    c->loops--;
}

/* for [i,] x in a: a is an array or a slice, evaluated once; x a copy of
 * each element, i its int64 index. */
static void check_forin_each(Check *c, Node *n)
{
    Ty *a = check_expr(c, n->a, NULL), *et = c->t_err;
    Ty *st = a->kind == TY_PTR ? a->base : a;
    if (st->kind == TY_STRUCT && find_method(st->sd, "items")) {
        /* a container (collections.vector<T>): for-in over a.items() */
        Node *m = fe_alloc(c->fe, sizeof *m), *call = fe_alloc(c->fe, sizeof *call);
        *m = (Node){.kind = N_FIELD, .line = n->a->line, .col = n->a->col, .a = n->a, .name = "items"};
        *call = (Node){.kind = N_CALL, .line = n->a->line, .col = n->a->col, .a = m};
        n->a = call;
        a = check_expr(c, call, NULL);
    }
    if (a->kind == TY_ARRAY || a->kind == TY_SLICE) {
        et = a->base;
        if (a->kind == TY_ARRAY && is_lvalue(n->a))
            mark_addr(n->a);
    } else if (a->kind != TY_ERR) {
        ERR(n->a, "for-in needs a range a..b, an array, a slice or a value with an items() slice, not %s",
            a->name);
    }
    Scope s;
    push_scope(c, &s);
    if (n->nnames) {
        n->vars = fe_alloc(c->fe, sizeof(Var *));
        n->vars[0] = declare(c, &s, n->names[0], n->line, n->col, c->t_i64);
    }
    n->var = declare(c, &s, n->name, n->line, n->col, et);
    check_loop_body(c, n->d);
    pop_scope(c);
}

static void check_block(Check *c, Node *n)
{
    Scope s;
    push_scope(c, &s);
    for (int i = 0; i < n->nlist; i++)
        check_stmt(c, n->list[i]);
    pop_scope(c);
}

static void check_cond(Check *c, Node *n, const char *what)
{
    Ty *t = check_expr(c, n, c->t_bool);
    if (t->kind != TY_BOOL && t->kind != TY_ERR)
        ERR(n, "%s condition must be bool, not %s", what, t->name);
}

static void check_let(Check *c, Node *n, Scope *into)
{
    Ty *t = n->tx ? resolve(c, n->tx) : NULL;
    if (t && t->kind == TY_VOID) {
        ERR(n, "a variable cannot be void");
        t = c->t_err;
    }
    Ty *it = check_expr(c, n->a, t);
    if (t)
        coerce(c, n->a, t, "the initializer");
    else if (n->names)
        t = it;
    else if (n->op == TK_CONST && n->a->konst && (it->kind == TY_UINT || it->kind == TY_UFLT))
        t = it;   /* an untyped constant stays untyped */
    else {
        default_type(c, n->a, "the initializer");
        t = n->a->ty;
        if (t->kind == TY_VOID) {
            ERR(n->a, "the initializer has no value");
            t = c->t_err;
        }
    }
    if (n->names) {
        if (t->kind != TY_TUPLE && t->kind != TY_ERR) {
            ERR(n->a, "cannot unpack %s into %d names", t->name, n->nnames);
            t = c->t_err;
        } else if (t->kind == TY_TUPLE && t->nfields != n->nnames) {
            ERR(n->a, "cannot unpack %s into %d names", t->name, n->nnames);
            t = c->t_err;
        }
        n->vars = fe_alloc(c->fe, sizeof(Var *) * (size_t)n->nnames);
        for (int i = 0; i < n->nnames; i++) {
            n->vars[i] = declare(c, into, n->names[i], n->line, n->col, t->kind == TY_TUPLE ? t->fields[i].ty : t);
            n->vars[i]->is_const = n->op == TK_CONST;
        }
        n->ty = t;
        return;
    }
    Var *v = declare(c, into, n->name, n->line, n->col, t);
    v->is_const = n->op == TK_CONST;
    if (v->is_const && n->a->konst && (!n->tx || n->a->ty->kind != TY_ERR)) {
        v->konst = n->a->konst;
        v->ubig = n->a->ubig;
        v->ival = n->a->ival;
        v->fval = n->a->fval;
        v->str = n->a->str;
        v->slen = n->a->slen;
        if (!n->tx && (n->a->kind == N_INT || n->a->kind == N_FLT || is_untyped(it)))
            v->ty = it;   /* an untyped constant stays untyped */
    }
    n->var = v;
    n->ty = v->ty;
}

/* A global's start value is data: a constant, null, &global, or {...} of
 * those (arrays and structs, element by element: lower.c global_data). */
static void check_global_init(Check *c, Node *a)
{
    if (a->kind == N_ZLIT) {
        for (int i = 0; i < a->nlist; i++)
            check_global_init(c, a->list[i]);
        return;
    }
    /* an element the checker never reached (its aggregate was wrong) has no
     * type: that error is already reported */
    int addr = a->kind == N_UNARY && a->op == TK_AMP && a->a->kind == N_IDENT && a->a->var && a->a->var->sym;
    if (a->konst == 3)
        ERR(a, "a global cannot start as a string literal");
    else if (a->ty && a->ty->kind != TY_ERR && !a->konst && a->kind != N_NULL && !addr)
        ERR(a, "a global needs a constant value, {}, null or &global");
}

/* A top-level constant, on first use or in declaration order. */
static void check_const_var(Check *c, Var *v)
{
    Node *n = v->init;
    Scope tmp = {0};
    FuncDecl *of = c->fn;
    c->fn = NULL;
    SrcFile *ofile = fe_enter(c->fe, file_of(c, v->name));
    check_let(c, n, &tmp);
    c->fn = of;
    Var *w = tmp.vars[0];
    v->ty = w->ty;
    if (!v->is_const) {
        /* a global: its value is data; a zero, constant or &global start */
        if (v->ty->kind != TY_ERR)
            check_global_init(c, n->a);
        v->state = 2;
        fe_enter(c->fe, ofile);
        n->var = v;
        return;
    }
    v->konst = w->konst;
    v->ubig = w->ubig;
    v->ival = w->ival;
    v->fval = w->fval;
    v->str = w->str;
    v->slen = w->slen;
    v->state = 2;
    if (!v->konst && v->ty->kind != TY_ERR)
        ERR(n->a, "a top-level constant needs a constant value");
    fe_enter(c->fe, ofile);
    n->var = v;
}

static int is_stmt_expr(Node *n)
{
    return n->kind == N_CALL || n->kind == N_AWAIT || n->kind == N_PREINC || n->kind == N_POSTINC ||
           n->kind == N_PROCESS;
}

static void check_stmt(Check *c, Node *n)
{
    switch (n->kind) {
    case N_BLOCK:
        check_block(c, n);
        break;
    case N_LET:
        check_let(c, n, c->scope);
        break;
    case N_EXPR:
        check_expr(c, n->a, NULL);
        if (!is_stmt_expr(n->a) && n->a->ty->kind != TY_ERR)
            ERR(n->a, "expression value is not used");
        break;
    case N_ASSIGN: {
        Ty *t = check_expr(c, n->a, NULL);
        if (!need_lvalue(c, n->a, "assign to")) {
            check_expr(c, n->b, NULL);
            break;
        }
        if (n->op == TK_ASSIGN) {
            check_expr(c, n->b, t);
            coerce(c, n->b, t, "the assignment");
            break;
        }
        /* x op= y is x = x op y with x evaluated once */
        Node tmp = {.kind = N_BINARY, .line = n->line, .col = n->col, .a = n->a, .b = n->b};
        tmp.op = tok_assign[n->op];
        Ty *r = check_binary(c, &tmp);
        if (r->kind != TY_ERR && t->kind != TY_ERR && !ty_same(r, t))
            ERR(n, "cannot use '%s' on %s", tok_text[n->op], t->name);
        break;
    }
    case N_IF:
        check_cond(c, n->a, "an if");
        check_block(c, n->b);
        if (n->c)
            check_stmt(c, n->c);
        break;
    case N_FOR: {
        Scope s;
        push_scope(c, &s);
        if (n->a)
            check_stmt(c, n->a);
        if (n->b)
            check_cond(c, n->b, "a for");
        if (n->c)
            check_stmt(c, n->c);
        check_loop_body(c, n->d);
        pop_scope(c);
        break;
    }
    case N_FORIN: {
        if (!n->b) {
            check_forin_each(c, n);
            break;
        }
        Ty *a = check_expr(c, n->a, NULL), *b = check_expr(c, n->b, NULL);
        if (is_untyped(a) && !is_untyped(b))
            coerce(c, n->a, b, "the range");
        else if (is_untyped(b) && !is_untyped(a))
            coerce(c, n->b, a, "the range");
        else {
            default_type(c, n->a, "the range");
            default_type(c, n->b, "the range");
        }
        a = n->a->ty;
        b = n->b->ty;
        Ty *t = a;
        if (a->kind != TY_ERR && b->kind != TY_ERR) {
            if (!ty_same(a, b)) {
                ERR(n, "mismatched types %s and %s in the range (convert one side with cast<%s>(...))", a->name,
                    b->name, a->name);
                t = c->t_err;
            } else if (a->kind != TY_INT) {
                ERR(n->a, "a range needs integers, not %s", a->name);
                t = c->t_err;
            }
        }
        Scope s;
        push_scope(c, &s);
        n->var = declare(c, &s, n->name, n->line, n->col, t);
        /* what a bounds check on s[i] may rely on (lower.c) */
        if (n->a->konst == 1 && (int64_t)n->a->ival >= 0) {
            Node *h = n->b;
            if (h->konst == 1)
                n->var->below = (int64_t)h->ival;
            else if (h->kind == N_CALL && h->builtin == BI_LEN && h->list[0]->kind == N_IDENT)
                n->var->below_len = h->list[0]->var;
        }
        check_loop_body(c, n->d);
        pop_scope(c);
        break;
    }
    case N_SWITCH: {
        Ty *t = check_expr(c, n->a, NULL);
        default_type(c, n->a, "switch");
        t = n->a->ty;
        if (t->kind != TY_INT && t->kind != TY_ERR) {
            ERR(n->a, "switch needs an integer or enum, not %s", t->name);
            t = c->t_err;
        }
        int ndefault = 0;
        for (int i = 0; i < n->nlist; i++) {
            Node *cs = n->list[i];
            if (!cs->nlist && ndefault++)
                ERR(cs, "more than one default");
            for (int j = 0; j < cs->nlist; j++) {
                Node *v = cs->list[j];
                check_expr(c, v, t);
                coerce(c, v, t, "a case");
                if (v->ty->kind == TY_ERR)
                    continue;
                if (v->konst != 1) {
                    ERR(v, "a case value must be a constant");
                    continue;
                }
                for (int k = 0; k <= i; k++)
                    for (int l = 0; l < n->list[k]->nlist && (k < i || l < j); l++) {
                        Node *w = n->list[k]->list[l];
                        if (w->konst == 1 && w->ty->kind != TY_ERR && w->ival == v->ival) {
                            ERR(v, "duplicate case %lld", (long long)v->ival);
                            k = i + 1;
                            break;
                        }
                    }
            }
            c->switches++;
            check_block(c, cs->b);
            c->switches--;
        }
        break;
    }
    case N_RETURN: {
        Ty *r = c->fn->rty;
        if (!n->a) {
            if (r->kind != TY_VOID && r->kind != TY_ERR)
                ERR(n, "missing return value (%s)", r->name);
            break;
        }
        check_expr(c, n->a, r);
        if (r->kind == TY_VOID) {
            ERR(n->a, "'%s' returns nothing", c->fn->name);
            break;
        }
        coerce(c, n->a, r, "the return value");
        break;
    }
    case N_BREAK:
        if (!c->loops && !c->switches)
            ERR(n, "break outside a loop or switch");
        break;
    case N_CONTINUE:
        if (!c->loops)
            ERR(n, "continue outside a loop");
        break;
    case N_DEFER:
        check_expr(c, n->a, NULL);
        if (n->a->kind != N_CALL)
            ERR(n->a, "defer needs a call");
        break;
    case N_YIELD:
        break;
    default:
        die("statement kind %d", n->kind);
    }
}

/* Whether control cannot fall off the end of n. */
static int terminates(Node *n)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_RETURN: return 1;
    case N_BLOCK: return n->nlist && terminates(n->list[n->nlist - 1]);
    case N_IF: return n->c && terminates(n->b) && terminates(n->c);
    case N_FOR: {
        if (n->b)
            return 0;
        /* for { } without a break that leaves it */
        return 1;
    }
    case N_SWITCH: {
        int hasdef = 0;
        for (int i = 0; i < n->nlist; i++) {
            hasdef |= !n->list[i]->nlist;
            if (!terminates(n->list[i]->b))
                return 0;
        }
        return hasdef;
    }
    default: return 0;
    }
}

/* Whether a loop body contains a break that leaves it. */
static int has_break(Node *n, int inner)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_BREAK: return !inner;
    case N_BLOCK:
        for (int i = 0; i < n->nlist; i++)
            if (has_break(n->list[i], inner))
                return 1;
        return 0;
    case N_IF: return has_break(n->b, inner) || has_break(n->c, inner);
    case N_SWITCH:
        for (int i = 0; i < n->nlist; i++)
            if (has_break(n->list[i]->b, 1))
                return 1;
        return 0;
    default: return 0;
    }
}

static int falls_off(Node *body)
{
    if (!body->nlist)
        return 1;
    Node *last = body->list[body->nlist - 1];
    if (last->kind == N_FOR && !last->b)
        return has_break(last->d, 0);
    return !terminates(last);
}


static void check_func_body(Check *c, FuncDecl *f)
{
    if (f->state != 1 || !f->body)
        return;
    f->state = 2;
    SrcFile *ofile = fe_enter(c->fe, f->file);
    c->fn = f;
    c->loops = c->switches = 0;
    TParams otp = enter_tparams(c, f);
    Scope s;
    push_scope(c, &s);
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i].name)
            f->params[i].var = declare(c, &s, f->params[i].name, f->params[i].line, f->params[i].col, f->ptys[i]);
    check_block(c, f->body);
    pop_scope(c);
    if (f->rty->kind != TY_VOID && falls_off(f->body))
        fe_error(c->fe, f->line, f->col, "missing return at the end of '%s'", f->name);
    restore_tparams(c, otp);
    fe_enter(c->fe, ofile);
}

/* Member k of e, once the member before it is known (an implicit value is
 * that one's + 1). */
static void enum_member1(Check *c, EnumDecl *e, int k, Node *at)
{
    if (e->mstate[k] == 2)
        return;
    if (e->mstate[k] == 1) {
        ERR(at, "the value of %s.%s depends on itself", e->name, e->mnames[k]);
        return;
    }
    Node *v = e->mvals[k];
    if (!v) {
        e->vals[k] = k ? (int64_t)wrap((uint64_t)e->vals[k - 1] + 1, c->t_i32) : 0;
        e->mstate[k] = 2;
        return;
    }
    if (c->nconstdepth >= MAX_DEPTH) {
        ERR(at, "constants defined in terms of each other too deeply");
        return;
    }
    /* in the enum's file, among the globals */
    e->mstate[k] = 1;
    c->nconstdepth++;
    SrcFile *ofile = fe_enter(c->fe, e->file);
    Scope *oscope = c->scope;
    FuncDecl *ofn = c->fn;
    int ontp = c->ntp;
    c->scope = &c->globals;
    c->fn = NULL;
    c->ntp = 0;
    check_expr(c, v, c->t_i32);
    coerce(c, v, c->t_i32, "an enum value");
    if (v->konst != 1 && v->ty->kind != TY_ERR)
        ERR(v, "an enum value must be an integer constant");
    e->vals[k] = (int64_t)wrap(v->ival, c->t_i32);
    c->scope = oscope;
    c->fn = ofn;
    c->ntp = ontp;
    fe_enter(c->fe, ofile);
    c->nconstdepth--;
    e->mstate[k] = 2;
}

/* The value of member i of e (at: the use, for a cycle's error); evaluated
 * on first use, so members may refer to later ones and to other enums,
 * and a cycle is an error.  The run of implicit members before i goes in
 * a loop, not a recursion. */
static int64_t enum_member(Check *c, EnumDecl *e, int i, Node *at)
{
    int j = i;
    while (j > 0 && !e->mvals[j] && e->mstate[j] != 2)
        j--;
    for (int k = j; k <= i; k++)
        enum_member1(c, e, k, at);
    return e->vals[i];
}

static void check_enum(Check *c, EnumDecl *e)
{
    fe_enter(c->fe, e->file);
    for (int i = 0; i < e->nmembers; i++) {
        for (int j = 0; j < i; j++)
            if (!strcmp(e->mnames[i], e->mnames[j]))
                fe_error(c->fe, e->line, e->col, "duplicate member '%s' in enum %s", e->mnames[i], e->name);
        Node at = {.line = e->line, .col = e->col};
        enum_member(c, e, i, &at);
    }
}


static int blame(Front *fe, const FuncDecl *f)
{
    return (f->file == fe->files[0]) * 4 + !f->file->clayer * 2 + !f->body;
}

/* Global symbols the program shares with C: the main file's functions,
 * extern c declarations and the C layer's functions keep their plain
 * names.  The runtime owns the names starting with arc_ (and _start); one
 * definition per symbol; every declaration of a symbol has the ABI of its
 * definition (and of the other declarations). */
static void check_symbols(Check *c)
{
    Front *fe = c->fe;
    Program *g = &fe->prog;
    Map *seen = NULL;
    for (int i = 0; i < g->nfuncs; i++) {
        FuncDecl *f = g->funcs[i];
        if (f->state < 1 || f->builtin || f->ntparams || strchr(f->sym, '.'))
            continue;
        fe_enter(fe, f->file);
        /* the C layer may define arc_ hooks the runtime calls (arc_c_fini) */
        if (f->body && !(f->file && f->file->clayer) &&
            (!strncmp(f->sym, "arc_", 4) || !strcmp(f->sym, "_start"))) {
            fe_error(fe, f->line, f->col, "'%s' is a runtime name (the runtime's symbols start with arc_); rename this function",
                     f->sym);
            continue;
        }
        int j = map_get(seen, f->sym);
        if (j < 0) {
            map_put(&seen, f->sym, i, scope_alloc, fe);
            continue;
        }
        FuncDecl *d = g->funcs[j];
        if (d->file == f->file)
            continue;   /* one file's duplicates: "already declared" */
        /* the diagnostic goes to the main file's side, else away from the
         * C layer, else to the declaration */
        FuncDecl *at = f, *other = d;
        if (blame(fe, d) > blame(fe, f)) {
            at = d;
            other = f;
        }
        if (f->body && d->body) {
            fe_enter(fe, at->file);
            fe_error(fe, at->line, at->col, "'%s' is also defined %s (%s:%d:%d); rename this function", at->sym,
                     other->file->clayer ? "by the C layer" : "there", other->file->path, other->line, other->col);
        } else if (!sig_abi_same(f, d)) {
            fe_enter(fe, at->file);
            fe_error(fe, at->line, at->col, "extern c %s does not match %s %s (%s:%d:%d)", sig_text(c, at),
                     other->body && other->file->clayer ? "the C layer's" : other->body ? "the definition" : "the declaration",
                     sig_text(c, other), other->file->path, other->line, other->col);
        }
        if (f->body && !d->body)
            map_put(&seen, f->sym, i, scope_alloc, fe);   /* the definition is the reference */
    }
}

/* A top-level name: an error when *seen has it already, else added. */
static void dup_global(Check *c, const char *name, int line, int col, Map **seen)
{
    if (map_get(*seen, name) >= 0)
        fe_error(c->fe, line, col, "'%s' is already declared", name);
    else
        map_put(seen, name, 0, scope_alloc, c->fe);
}

/* The init functions of f's imports (depth first), then f's own. */
static void collect_inits(Check *c, SrcFile *f, char *seen)
{
    Front *fe = c->fe;
    for (int i = 0; i < fe->nfiles; i++)
        if (fe->files[i] == f) {
            if (seen[i])
                return;
            seen[i] = 1;
        }
    for (int i = 0; i < f->nimports; i++) {
        const char *m = fe_module_name(f->imports[i]);
        for (int j = 0; j < fe->nfiles; j++)
            if (fe->files[j]->mod && !strcmp(fe->files[j]->mod, m))
                collect_inits(c, fe->files[j], seen);
    }
    const char *name = fe_qualify(fe, f, "init");
    Program *g = &fe->prog;
    for (int i = 0; i < g->nfuncs; i++) {
        FuncDecl *fn = g->funcs[i];
        if (fn->file == f && fn->body && !fn->owner && !fn->recv && !fn->ntparams && fn->state >= 1 &&
            !strcmp(fn->name, name)) {
            if (fn->nparams || fn->rty->kind != TY_VOID || fn->async) {
                fe_enter(fe, f);
                fe_error(fe, fn->line, fn->col, "init takes no parameters and returns nothing");
            } else {
                FE_PUSH(fe, g->inits, g->ninits, g->capinits, fn);
            }
        }
    }
}

void check(Front *fe)
{
    Check ck = {.fe = fe};
    Check *c = &ck;
    c->t_void = new_ty(c, TY_VOID, 0, 1, "void");
    c->t_bool = new_ty(c, TY_BOOL, 1, 1, "bool");
    c->t_i8 = int_ty(c, 1, 1, "int8");
    c->t_i16 = int_ty(c, 2, 1, "int16");
    c->t_i32 = int_ty(c, 4, 1, "int32");
    c->t_i64 = int_ty(c, 8, 1, "int64");
    c->t_u8 = int_ty(c, 1, 0, "uint8");
    c->t_u16 = int_ty(c, 2, 0, "uint16");
    c->t_u32 = int_ty(c, 4, 0, "uint32");
    c->t_u64 = int_ty(c, 8, 0, "uint64");
    c->t_f32 = new_ty(c, TY_FLOAT, 4, 4, "float32");
    c->t_f64 = new_ty(c, TY_FLOAT, 8, 8, "float64");
    c->t_uint = new_ty(c, TY_UINT, 8, 8, "untyped integer");
    c->t_uflt = new_ty(c, TY_UFLT, 8, 8, "untyped float");
    c->t_null = new_ty(c, TY_NULL, 8, 8, "null");
    c->t_err = new_ty(c, TY_ERR, 0, 1, "<error>");
    c->t_bytep = ptr_to(c, c->t_u8);
    c->t_string = derived_ty(c, TY_PTR, 8, "", c->t_u8);
    c->t_string->name = "string";
    c->t_voidp = ptr_to(c, c->t_void);
    Program *g = &fe->prog;

    /* one namespace for top-level names (methods live in their struct) */
    Map *seen = NULL;
    for (int i = 0; i < g->nstructs; i++) {
        StructDecl *s = g->structs[i];
        fe_enter(fe, s->file);
        dup_global(c, s->name, s->line, s->col, &seen);
        if (prim(c, s->name) || !strcmp(s->name, "Task"))
            fe_error(fe, s->line, s->col, "'%s' is a built-in type", s->name);
    }
    for (int i = 0; i < g->nenums; i++) {
        EnumDecl *e = g->enums[i];
        fe_enter(fe, e->file);
        e->vals = fe_alloc(fe, sizeof(int64_t) * (size_t)(e->nmembers + 1));
        e->mstate = fe_alloc(fe, sizeof(int) * (size_t)(e->nmembers + 1));
        dup_global(c, e->name, e->line, e->col, &seen);
    }
    for (int i = 0; i < g->nconsts; i++) {
        Node *n = g->consts[i];
        if (n->name)
            fe_enter(fe, file_of(c, n->name));
        if (n->names) {
            ERR(n, "a top-level constant cannot unpack a tuple");
            continue;
        }
        dup_global(c, n->name, n->line, n->col, &seen);
        Var *v = declare(c, &c->globals, n->name, n->line, n->col, c->t_err);
        v->is_const = n->op == TK_CONST;
        v->init = n;
        if (!v->is_const) {
            /* the C layer's exported globals keep their C names (stdout) */
            SrcFile *f = file_of(c, n->name);
            const char *dot = strchr(n->name, '.');
            const char *plain = dot ? dot + 1 : n->name;   /* no dot: the main file */
            v->cexport = f->clayer && is_c_exported(plain) && !main_defines(c, plain);
            v->sym = v->cexport ? plain : sanitize(c, n->name);
        }
    }
    for (int i = 0; i < g->nfuncs; i++) {
        FuncDecl *f = g->funcs[i];
        if (f->owner || (f->nparams && f->params[0].self))
            continue;
        fe_enter(fe, f->file);
        /* (an extern c declaration of a built-in is the built-in) */
        dup_global(c, f->name, f->line, f->col, &seen);
        if (!f->body) {
            for (int j = 0; j < countof(builtins); j++)
                if (!strcmp(builtins[j].name, f->cname ? f->cname : f->name))
                    f->builtin = 1;
        }
    }
    c->scope = &c->globals;   /* constants size arrays in fields */
    for (int i = 0; i < g->nstructs; i++)
        if (!g->structs[i]->ntparams) {
            TypeX x = {.kind = TX_NAME, .line = g->structs[i]->line, .col = g->structs[i]->col,
                       .name = g->structs[i]->name};
            fe_enter(fe, g->structs[i]->file);
            resolve(c, &x);
        }
    c->scope = &c->globals;
    for (int i = 0; i < g->nenums; i++)
        check_enum(c, g->enums[i]);
    for (int i = 0; i < c->globals.n; i++) {
        Var *v = c->globals.vars[i];
        if (v->state == 0) {
            v->state = 1;
            check_const_var(c, v);
        }
    }
    /* signatures; methods join their struct */
    int nf = g->nfuncs;
    for (int i = 0; i < nf; i++) {
        FuncDecl *f = g->funcs[i];
        fe_enter(fe, f->file);
        if (f->ntparams) {
            /* a method of a generic struct, in its body or at top level
             * (then it joins the struct): instantiated per use */
            StructDecl *sd = f->owner && f->tparams == f->owner->tparams ? f->owner : NULL;
            if (!f->owner && f->nparams && f->params[0].self && (sd = generic_receiver(c, f)))
                f->owner = sd;
            if (sd && find_method(sd, f->name))
                fe_error(fe, f->line, f->col, "'%s' already has a method '%s'", sd->name, f->name);
            else if (sd)
                FE_PUSH(fe, sd->methods, sd->nmethods, sd->capmethods, f);
            else if (f->owner)
                fe_error(fe, f->line, f->col, "a method cannot have type parameters of its own");
            continue;
        }
        check_sig(c, f);
        if (f->recv) {
            if (f->recv->ntparams)
                fe_error(fe, f->line, f->col, "methods of generic structs are not supported");
            else if (find_method(f->recv, f->name))
                fe_error(fe, f->line, f->col, "'%s' already has a method '%s'", f->recv->name, f->name);
            else
                FE_PUSH(fe, f->recv->methods, f->recv->nmethods, f->recv->capmethods, f);
        }
        if (!f->body && f->variadic == 0 && f->async)
            fe_error(fe, f->line, f->col, "an extern function cannot be async");
        if (!strcmp(f->name, "main") && !f->owner && !f->recv && f->state == 1) {
            if (f->nparams || (f->rty->kind != TY_VOID && !ty_same(f->rty, c->t_i32)) || f->async || !f->body)
                fe_error(fe, f->line, f->col, "main takes no parameters and returns int32 or nothing");
        }
    }
    check_symbols(c);
    for (int i = 0; i < nf; i++)
        if (!g->funcs[i]->ntparams)
            check_func_body(c, g->funcs[i]);
    /* generic instances, including those instances create */
    for (int i = 0; i < c->nqueue; i++) {
        check_func_body(c, c->queue[i]);
        FE_PUSH(fe, g->funcs, g->nfuncs, g->capfuncs, c->queue[i]);
    }
    char *visited = fe_alloc(fe, (size_t)fe->nfiles + 1);
    collect_inits(c, fe->files[0], visited);
    /* every struct type seen only behind a pointer gets its layout */
    for (int i = 0; i < c->npending; i++)
        complete(c, c->pending[i], c->pending[i]->sd->line, c->pending[i]->sd->col);
    fe_enter(fe, fe->files[0]);
}
