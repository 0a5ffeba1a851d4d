/* parse.c: tokens to the AST (ARC.md sections 2-6).
 *
 * Needs: fe->toks from lex.c.  Produces: fe->prog (functions, structs,
 * enums, constants in source order).  Recursive descent with one function
 * per rule; the rule is written above each.  Binary operators climb the
 * precedence column of tok.def (section 6).
 *
 * Errors: "expected X, found Y" at the offending token.  A statement that
 * fails is skipped up to the next newline or ';' outside brackets (or a
 * '}' closing its block), a declaration likewise, so one run reports many
 * errors; at most one error per token.  Nesting deeper than MAX_DEPTH is an
 * error, never a stack overflow (an operator chain's length is not nesting:
 * binary). */
#include "gen/front/ast.h"

#include <string.h>

typedef struct {
    Front *fe;
    Tok *t;          /* fe->toks */
    int pos, n;
    int lasterr;     /* token index of the last error: one error per token */
    int depth;
    int nolit;       /* in an if/for/switch header: `Name {` opens the body */
    int panic;       /* set by an error, cleared by resynchronising */
    int global;      /* a top-level let/var: `var x: T` alone starts at zero */
} Parser;

static Tok *peek(Parser *p) { return &p->t[p->pos]; }
static Tok *peekn(Parser *p, int k) { return &p->t[p->pos + k < p->n ? p->pos + k : p->n - 1]; }
static int at(Parser *p, TokKind k) { return p->t[p->pos].k == k; }

static Tok *next(Parser *p)
{
    Tok *t = &p->t[p->pos];
    if (p->pos < p->n - 1)
        p->pos++;
    return t;
}

static int accept(Parser *p, TokKind k)
{
    if (!at(p, k))
        return 0;
    next(p);
    return 1;
}

static void skip_nl(Parser *p)
{
    while (at(p, TK_NL) || at(p, TK_SEMI))
        next(p);
}

/* How a diagnostic names a token. */
static void describe(const Tok *t, char *buf, size_t n)
{
    if (t->k == TK_NL || t->k == TK_EOF || !t->len)
        snprintf(buf, n, "%s", tok_text[t->k]);
    else
        snprintf(buf, n, "'%.*s'", t->len > 40 ? 40 : t->len, t->s);
}

static void error_at(Parser *p, Tok *t, const char *what)
{
    int idx = (int)(t - p->t);
    p->panic = 1;
    if (idx == p->lasterr)
        return;
    p->lasterr = idx;
    char buf[64];
    describe(t, buf, sizeof buf);
    fe_error(p->fe, t->line, t->col, "%s, found %s", what, buf);
}

static Tok *expect(Parser *p, TokKind k)
{
    if (at(p, k))
        return next(p);
    char what[64];
    snprintf(what, sizeof what, "expected '%s'", tok_text[k]);
    if (k == TK_IDENT || k == TK_NL || k == TK_STR)
        snprintf(what, sizeof what, "expected %s", tok_text[k]);
    error_at(p, peek(p), what);
    return NULL;
}

static const char *ident(Parser *p)
{
    Tok *t = expect(p, TK_IDENT);
    return t ? fe_strdup(p->fe, t->s, (size_t)t->len) : "?";
}

/* Too deep a nesting stops the parse: the rest of the input is skipped. */
static int enter(Parser *p)
{
    if (++p->depth <= MAX_DEPTH)
        return 1;
    error_at(p, peek(p), "nesting too deep");
    p->pos = p->n - 1;
    return 0;
}

static Node *new_node(Parser *p, NodeKind k, Tok *t)
{
    Node *n = fe_alloc(p->fe, sizeof *n);
    n->kind = k;
    n->line = t->line;
    n->col = t->col;
    return n;
}

#define PUSH(arr, n, cap, v) FE_PUSH(p->fe, arr, n, cap, v)

/* Skip to the end of the current statement: a newline or ';' outside
 * brackets, or before a '}' that closes the enclosing block. */
static void sync_stmt(Parser *p)
{
    int depth = 0;
    p->panic = 0;
    for (;;) {
        TokKind k = peek(p)->k;
        if (k == TK_EOF)
            return;
        if ((k == TK_NL || k == TK_SEMI) && depth <= 0) {
            next(p);
            return;
        }
        if (k == TK_RBRACE && depth <= 0)
            return;
        if (k == TK_LBRACE || k == TK_LPAREN || k == TK_LBRACK)
            depth++;
        if (k == TK_RBRACE || k == TK_RPAREN || k == TK_RBRACK)
            depth--;
        next(p);
    }
}

static Node *expr(Parser *p);
static Node *stmt(Parser *p);
static Node *block(Parser *p);
static TypeX *type(Parser *p);
static FuncDecl *func_decl(Parser *p, int async, int external, StructDecl *owner, int named);

/* --- types ------------------------------------------------------------- */

/* Consume a '>' closing type arguments; a '>>' is split in two. */
static void close_angle(Parser *p)
{
    Tok *t = peek(p);
    if (t->k == TK_SHR || t->k == TK_GE || t->k == TK_SHREQ) {
        t->k = t->k == TK_SHR ? TK_GT : t->k == TK_GE ? TK_ASSIGN : TK_GE;
        t->s++;
        t->len--;
        t->col++;
        return;
    }
    expect(p, TK_GT);
}

/* targs = "<" type {"," type} ">" */
static int targs(Parser *p, TypeX ***out)
{
    int n = 0, cap = 0;
    TypeX **v = NULL;
    expect(p, TK_LT);
    do {
        PUSH(v, n, cap, type(p));
    } while (accept(p, TK_COMMA) && !p->panic);
    close_angle(p);
    *out = v;
    return n;
}

/* Whether '<' at p->pos + k starts type arguments: a balanced run of
 * tokens that may appear in types, closed by '>' and followed by '(' or
 * '{' (a generic call or literal) or by ')' (sizeof). */
static int looks_like_targs(Parser *p, int k)
{
    int depth = 0;
    /* bounded, so that a line of a < b < c ... stays linear */
    for (int i = p->pos + k; i < p->n && i < p->pos + k + 256; i++) {
        TokKind t = p->t[i].k;
        switch (t) {
        case TK_LT: depth++; break;
        case TK_GT: depth--; break;
        case TK_SHR: depth -= 2; break;
        case TK_IDENT: case TK_STAR: case TK_LBRACK: case TK_RBRACK: case TK_INT:
        case TK_COMMA: case TK_LPAREN: case TK_RPAREN: case TK_DOT:
            break;
        default:
            return 0;
        }
        if (depth < 0)
            return 0;
        if (depth == 0) {
            TokKind after = i + 1 < p->n ? p->t[i + 1].k : TK_EOF;
            return after == TK_LPAREN || after == TK_LBRACE || after == TK_RPAREN;
        }
    }
    return 0;
}

/* "mod.name": a name another module exports. */
static const char *qualified(Parser *p, const char *mod, const char *name)
{
    size_t n = strlen(mod) + strlen(name) + 2;
    char *q = fe_alloc(p->fe, n);
    snprintf(q, n, "%s.%s", mod, name);
    return q;
}

/* type = "*" type | "[" expr "]" type | "[" "]" type | "(" type {"," type} ")"
 *      | ["async"] "func" "(" [type {"," type}] ["," "..."] ")" [type]
 *      | IDENT ["." IDENT] [targs] */
static TypeX *type(Parser *p)
{
    Tok *t = peek(p);
    TypeX *x = fe_alloc(p->fe, sizeof *x);
    x->line = t->line;
    x->col = t->col;
    x->name = "?";
    if (!enter(p))
        return x;
    if (accept(p, TK_STAR)) {
        x->kind = TX_PTR;
        x->base = type(p);
    } else if (at(p, TK_LBRACK) && peekn(p, 1)->k == TK_RBRACK) {
        next(p);
        next(p);
        x->kind = TX_SLICE;
        x->base = type(p);
    } else if (accept(p, TK_LBRACK)) {
        x->kind = TX_ARRAY;
        int save = p->nolit;
        p->nolit = 0;
        x->len = expr(p);
        p->nolit = save;
        expect(p, TK_RBRACK);
        x->base = type(p);
    } else if (accept(p, TK_LPAREN)) {
        x->kind = TX_TUPLE;
        int cap = 0;
        do {
            PUSH(x->args, x->nargs, cap, type(p));
        } while (accept(p, TK_COMMA) && !p->panic);
        expect(p, TK_RPAREN);
    } else if (at(p, TK_FUNC) || (at(p, TK_ASYNC) && peekn(p, 1)->k == TK_FUNC)) {
        x->kind = TX_FUNC;
        x->async = accept(p, TK_ASYNC);
        next(p);
        expect(p, TK_LPAREN);
        int cap = 0;
        skip_nl(p);
        while (!at(p, TK_RPAREN) && !at(p, TK_EOF) && !p->panic) {
            if (accept(p, TK_ELLIPSIS)) {
                x->variadic = 1;
                break;
            }
            if (at(p, TK_IDENT) && peekn(p, 1)->k == TK_COLON) {   /* a name is allowed */
                next(p);
                next(p);
            }
            PUSH(x->args, x->nargs, cap, type(p));
            skip_nl(p);
            if (!accept(p, TK_COMMA))
                break;
            skip_nl(p);
        }
        expect(p, TK_RPAREN);
        if (at(p, TK_STAR) || at(p, TK_LBRACK) || at(p, TK_LPAREN) || at(p, TK_IDENT) || at(p, TK_FUNC) ||
            at(p, TK_ASYNC))
            x->base = type(p);
    } else if (at(p, TK_IDENT)) {
        x->kind = TX_NAME;
        x->name = ident(p);
        if (at(p, TK_DOT) && peekn(p, 1)->k == TK_IDENT) {   /* module.Type */
            next(p);
            x->name = qualified(p, x->name, ident(p));
        }
        if (at(p, TK_LT))
            x->nargs = targs(p, &x->args);
    } else {
        error_at(p, t, "expected a type");
    }
    p->depth--;
    return x;
}

/* --- expressions --------------------------------------------------------- */

/* args = "(" [expr {"," expr}] ")"   (newlines allowed inside) */
static int call_args(Parser *p, Node ***out)
{
    int n = 0, cap = 0, save = p->nolit;
    Node **v = NULL;
    p->nolit = 0;
    expect(p, TK_LPAREN);
    skip_nl(p);
    while (!at(p, TK_RPAREN) && !at(p, TK_EOF) && !p->panic) {
        PUSH(v, n, cap, expr(p));
        skip_nl(p);
        if (!accept(p, TK_COMMA))
            break;
        skip_nl(p);
    }
    expect(p, TK_RPAREN);
    p->nolit = save;
    *out = v;
    return n;
}

/* fieldinits = "{" [IDENT ":" expr {("," | NL) IDENT ":" expr}] "}"
 * elements   = "{" [expr {("," | NL) expr}] "}" */
static void brace_list(Parser *p, Node *n, int named)
{
    int cap = 0, ncap = 0, save = p->nolit;
    p->nolit = 0;
    expect(p, TK_LBRACE);
    skip_nl(p);
    while (!at(p, TK_RBRACE) && !at(p, TK_EOF) && !p->panic) {
        if (named || (at(p, TK_IDENT) && peekn(p, 1)->k == TK_COLON)) {
            const char *name = ident(p);
            expect(p, TK_COLON);
            PUSH(n->names, n->nnames, ncap, name);
        }
        PUSH(n->list, n->nlist, cap, expr(p));
        accept(p, TK_COMMA);
        skip_nl(p);
    }
    expect(p, TK_RBRACE);
    p->nolit = save;
}

/* primary = INT | FLOAT | CHAR | STR | "true" | "false" | "null"
 *         | "(" expr {"," expr} ")"
 *         | IDENT [targs] [fieldinits]          (no fieldinits in headers)
 *         | elements
 *         | ("cast" | "bit_cast") "<" type ">" "(" expr ")"
 *         | "sizeof" "(" (type | expr) ")" | "alignof" "(" type ")"
 *         | "process" "func" "(" params ")" block args
 *         | ["async"] "func" "(" params ")" [type] block   (a literal) */
static Node *primary(Parser *p)
{
    Tok *t = peek(p);
    Node *n;
    switch (t->k) {
    case TK_INT:
    case TK_CHAR:
        n = new_node(p, N_INT, next(p));
        n->ival = t->ival;
        n->op = t->k;
        return n;
    case TK_FLOAT:
        n = new_node(p, N_FLT, next(p));
        n->fval = t->fval;
        return n;
    case TK_STR:
        n = new_node(p, N_STR, next(p));
        n->str = t->str;
        n->slen = t->slen;
        return n;
    case TK_TRUE:
    case TK_FALSE:
        n = new_node(p, N_BOOL, next(p));
        n->ival = t->k == TK_TRUE;
        return n;
    case TK_NULL:
        return new_node(p, N_NULL, next(p));
    case TK_LPAREN: {
        int save = p->nolit;
        p->nolit = 0;
        next(p);
        skip_nl(p);
        Node *e = expr(p);
        skip_nl(p);
        if (at(p, TK_COMMA)) {
            n = new_node(p, N_TUPLE, t);
            int cap = 0;
            PUSH(n->list, n->nlist, cap, e);
            while (accept(p, TK_COMMA) && !p->panic) {
                skip_nl(p);
                PUSH(n->list, n->nlist, cap, expr(p));
                skip_nl(p);
            }
            e = n;
        }
        expect(p, TK_RPAREN);
        p->nolit = save;
        return e;
    }
    case TK_LBRACE:
        n = new_node(p, N_ZLIT, t);
        brace_list(p, n, 0);
        return n;
    case TK_IDENT:
        n = new_node(p, N_IDENT, t);
        n->name = ident(p);
        if (at(p, TK_DOT) && peekn(p, 1)->k == TK_IDENT && peekn(p, 2)->k == TK_LBRACE && !p->nolit) {
            next(p);   /* module.Struct{...} */
            n->name = qualified(p, n->name, ident(p));
        }
        if (at(p, TK_LT) && looks_like_targs(p, 0))
            n->ntargs = targs(p, &n->targs);
        if (at(p, TK_LBRACE) && !p->nolit) {
            Node *lit = new_node(p, N_SLIT, t);
            lit->tx = fe_alloc(p->fe, sizeof *lit->tx);
            *lit->tx = (TypeX){.kind = TX_NAME, .line = t->line, .col = t->col, .name = n->name,
                               .args = n->targs, .nargs = n->ntargs};
            brace_list(p, lit, 1);
            return lit;
        }
        return n;
    case TK_CAST:
    case TK_BITCAST:
        n = new_node(p, t->k == TK_CAST ? N_CAST : N_BITCAST, next(p));
        expect(p, TK_LT);
        n->tx = type(p);
        close_angle(p);
        expect(p, TK_LPAREN);
        {
            int save = p->nolit;
            p->nolit = 0;
            n->a = expr(p);
            p->nolit = save;
        }
        expect(p, TK_RPAREN);
        return n;
    case TK_SIZEOF:
    case TK_ALIGNOF: {
        n = new_node(p, t->k == TK_SIZEOF ? N_SIZEOF : N_ALIGNOF, next(p));
        int save = p->nolit;
        p->nolit = 0;
        expect(p, TK_LPAREN);
        /* a type unless it reads as an expression; a bare name or *name is
         * decided by check.c */
        if (at(p, TK_LBRACK) || at(p, TK_LPAREN) ||
            (at(p, TK_IDENT) && peekn(p, 1)->k == TK_LT && looks_like_targs(p, 1)))
            n->tx = type(p);
        else
            n->a = expr(p);
        expect(p, TK_RPAREN);
        p->nolit = save;
        return n;
    }
    case TK_ASYNC:
    case TK_FUNC:
        if (t->k == TK_ASYNC && peekn(p, 1)->k != TK_FUNC) {
            error_at(p, t, "expected an expression");
            return new_node(p, N_INT, t);
        }
        n = new_node(p, N_FUNCLIT, t);
        {
            int async = accept(p, TK_ASYNC), save = p->nolit;
            p->nolit = 0;
            n->fn = func_decl(p, async, 0, NULL, 0);
            p->nolit = save;
        }
        return n;
    case TK_PROCESS:
        n = new_node(p, N_PROCESS, next(p));
        if (!at(p, TK_FUNC)) {
            error_at(p, peek(p), "expected 'func'");
            return n;
        }
        n->fn = func_decl(p, 0, 0, NULL, 0);
        if (!p->panic)
            n->nlist = call_args(p, &n->list);
        return n;
    default:
        error_at(p, t, "expected an expression");
        n = new_node(p, N_INT, t);
        return n;
    }
}

/* postfix = primary {"." (IDENT | INT) | "[" expr "]" | "[" [expr] ".." [expr] "]"
 *                    | args | "++" | "--"}
 * Each suffix nests one level (a.b.c is ((a).b).c, walked recursively). */
static Node *postfix(Parser *p)
{
    Node *n = primary(p);
    int depth = p->depth;
    while (!p->panic) {
        Tok *t = peek(p);
        if (t->k != TK_DOT && t->k != TK_LBRACK && t->k != TK_LPAREN && t->k != TK_INC && t->k != TK_DEC)
            break;
        if (!enter(p))
            break;
        if (t->k == TK_DOT) {
            next(p);
            Node *f = new_node(p, N_FIELD, t);
            f->a = n;
            if (at(p, TK_INT)) {   /* a tuple element: t.0 */
                Tok *it = next(p);
                f->name = fe_strdup(p->fe, it->s, (size_t)it->len);
            } else {
                f->name = ident(p);
                if (n->kind == N_IDENT && at(p, TK_LT) && looks_like_targs(p, 0))
                    f->ntargs = targs(p, &f->targs);   /* module.generic<T>(...) */
            }
            n = f;
        } else if (t->k == TK_LBRACK) {
            next(p);
            Node *x = new_node(p, N_INDEX, t);
            int save = p->nolit;
            p->nolit = 0;
            x->a = n;
            if (!at(p, TK_DOTDOT))
                x->b = expr(p);
            if (accept(p, TK_DOTDOT)) {   /* a[lo..hi], either may be left out */
                x->kind = N_SLICE;
                if (!at(p, TK_RBRACK))
                    x->c = expr(p);
            }
            p->nolit = save;
            expect(p, TK_RBRACK);
            n = x;
        } else if (t->k == TK_LPAREN) {
            Node *c = new_node(p, N_CALL, t);
            c->line = n->line;   /* diagnostics point at the callee */
            c->col = n->col;
            c->a = n;
            c->targs = n->targs;
            c->ntargs = n->ntargs;
            c->nlist = call_args(p, &c->list);
            n = c;
        } else if (t->k == TK_INC || t->k == TK_DEC) {
            next(p);
            Node *x = new_node(p, N_POSTINC, t);
            x->op = t->k;
            x->a = n;
            n = x;
        } else {
            break;
        }
    }
    p->depth = depth;
    return n;
}

/* unary = ("-" | "!" | "~" | "&" | "*" | "++" | "--" | "await") unary
 *       | "new" type [fieldinits] | postfix */
static Node *unary(Parser *p)
{
    Tok *t = peek(p);
    if (!enter(p))
        return new_node(p, N_INT, t);
    Node *n;
    switch (t->k) {
    case TK_MINUS: case TK_BANG: case TK_TILDE: case TK_AMP: case TK_STAR:
        next(p);
        n = new_node(p, N_UNARY, t);
        n->op = t->k;
        n->a = unary(p);
        break;
    case TK_INC: case TK_DEC:
        next(p);
        n = new_node(p, N_PREINC, t);
        n->op = t->k;
        n->a = unary(p);
        break;
    case TK_AWAIT:
        next(p);
        n = new_node(p, N_AWAIT, t);
        n->a = unary(p);
        break;
    case TK_IDENT:   /* new T, new T{...}, new [n]T; `new(` stays a call */
        if (t->len == 3 && !memcmp(t->s, "new", 3) &&
            (peekn(p, 1)->k == TK_IDENT || peekn(p, 1)->k == TK_STAR || peekn(p, 1)->k == TK_LBRACK) &&
            peekn(p, 1)->line == t->line) {
            next(p);
            n = new_node(p, N_NEW, t);
            n->tx = type(p);
            if (at(p, TK_LBRACE) && !p->nolit && n->tx->kind == TX_NAME) {
                n->a = new_node(p, N_SLIT, peek(p));
                n->a->tx = n->tx;
                brace_list(p, n->a, 1);
            }
            break;
        }
        n = postfix(p);
        break;
    default:
        n = postfix(p);
    }
    p->depth--;
    return n;
}

/* binary = unary {binop unary}, climbing binop_prec (left associative)
 * The right operand nests one level deeper; the chain itself is a
 * left-deep tree of any length (a + b + c ...), which check.c and lower.c
 * walk in a loop, so its length is no nesting. */
static Node *binary(Parser *p, int minprec)
{
    Node *lhs = unary(p);
    int depth = p->depth;
    for (;;) {
        Tok *t = peek(p);
        int prec = tok_prec[t->k];   /* ARC.md section 6, in tok.def */
        if (!prec || prec < minprec || p->panic)
            break;
        next(p);
        if (!enter(p))
            break;
        Node *n = new_node(p, N_BINARY, t);
        n->op = t->k;
        n->a = lhs;
        n->b = binary(p, prec + 1);
        p->depth = depth;
        lhs = n;
    }
    p->depth = depth;
    return lhs;
}

/* expr = binary */
static Node *expr(Parser *p) { return binary(p, 1); }

/* --- statements ---------------------------------------------------------- */

/* simple = expr [assignop expr] */
static Node *simple_stmt(Parser *p)
{
    Tok *t = peek(p);
    Node *e = expr(p);
    if (tok_assign[peek(p)->k] != TK_EOF) {
        Tok *op = next(p);
        Node *n = new_node(p, N_ASSIGN, op);
        n->op = op->k;
        n->a = e;
        n->b = expr(p);
        return n;
    }
    Node *n = new_node(p, N_EXPR, t);
    n->a = e;
    return n;
}

/* let = ("let" | "var" | "const") (IDENT | "(" IDENT {"," IDENT} ")")
 *       [":" type] "=" expr */
static Node *let_stmt(Parser *p)
{
    Tok *t = next(p);
    Node *n = new_node(p, N_LET, t);
    n->op = t->k == TK_CONST ? TK_CONST : TK_LET;
    if (accept(p, TK_LPAREN)) {
        int cap = 0;
        do {
            PUSH(n->names, n->nnames, cap, ident(p));
        } while (accept(p, TK_COMMA) && !p->panic);
        expect(p, TK_RPAREN);
    } else {
        Tok *nt = peek(p);
        n->name = ident(p);
        n->line = nt->line;
        n->col = nt->col;
    }
    if (accept(p, TK_COLON))
        n->tx = type(p);
    if (p->global && n->op == TK_LET && n->tx && !at(p, TK_ASSIGN)) {
        n->a = new_node(p, N_ZLIT, peek(p));   /* a global without a value: {} */
        return n;
    }
    if (!expect(p, TK_ASSIGN)) {
        n->a = new_node(p, N_INT, peek(p));
        return n;
    }
    n->a = expr(p);
    return n;
}

/* A header expression: `Name {` opens the body. */
static Node *header_expr(Parser *p)
{
    int save = p->nolit;
    p->nolit = 1;
    Node *e = expr(p);
    p->nolit = save;
    return e;
}

/* if = "if" expr block ["else" (if | block)] */
static Node *if_stmt(Parser *p)
{
    Node *n = new_node(p, N_IF, next(p));
    n->a = header_expr(p);
    n->b = block(p);
    if (accept(p, TK_ELSE)) {
        if (!at(p, TK_IF))
            n->c = block(p);
        else if (enter(p)) {   /* an else-if chain nests */
            n->c = if_stmt(p);
            p->depth--;
        }
    }
    return n;
}

/* for = "for" block
 *     | "for" IDENT "in" expr ".." expr block
 *     | "for" [IDENT ","] IDENT "in" expr block     (an array or a slice)
 *     | "for" [let | simple] ";" [expr] ";" [simple] block
 *     | "for" expr block */
static Node *for_stmt(Parser *p)
{
    Tok *t = next(p);
    int save = p->nolit;
    p->nolit = 1;
    Node *n;
    if (at(p, TK_IDENT) && (peekn(p, 1)->k == TK_IN ||
                            (peekn(p, 1)->k == TK_COMMA && peekn(p, 2)->k == TK_IDENT && peekn(p, 3)->k == TK_IN))) {
        n = new_node(p, N_FORIN, t);
        n->name = ident(p);
        if (accept(p, TK_COMMA)) {   /* for i, x in s */
            n->names = fe_alloc(p->fe, sizeof *n->names);
            n->names[0] = n->name;
            n->nnames = 1;
            n->name = ident(p);
        }
        next(p);
        n->a = expr(p);
        if (!n->nnames && !at(p, TK_LBRACE)) {   /* a range; two names: a collection */
            expect(p, TK_DOTDOT);
            n->b = expr(p);
        }
    } else {
        n = new_node(p, N_FOR, t);
        if (!at(p, TK_LBRACE)) {
            Node *first = NULL;
            if (at(p, TK_LET) || at(p, TK_VAR))
                first = let_stmt(p);
            else if (!at(p, TK_SEMI))
                first = simple_stmt(p);
            if (accept(p, TK_SEMI)) {
                n->a = first;
                if (!at(p, TK_SEMI))
                    n->b = expr(p);
                expect(p, TK_SEMI);
                if (!at(p, TK_LBRACE))
                    n->c = simple_stmt(p);
            } else if (first && first->kind == N_EXPR) {
                n->b = first->a;
            } else if (!p->panic) {
                error_at(p, peek(p), "expected ';'");
            }
        }
    }
    p->nolit = save;
    n->d = block(p);
    return n;
}

/* switch = "switch" expr "{" {NL | case} "}"
 * case   = ("case" expr {"," expr} | "default") ":" {stmt NL} */
static Node *switch_stmt(Parser *p)
{
    Node *n = new_node(p, N_SWITCH, next(p));
    n->a = header_expr(p);
    int cap = 0;
    if (!expect(p, TK_LBRACE))
        return n;
    skip_nl(p);
    while (!at(p, TK_RBRACE) && !at(p, TK_EOF)) {
        Tok *t = peek(p);
        Node *c = new_node(p, N_CASE, t);
        if (accept(p, TK_CASE)) {
            int vcap = 0;
            do {
                skip_nl(p);
                PUSH(c->list, c->nlist, vcap, expr(p));
            } while (accept(p, TK_COMMA) && !p->panic);
        } else if (!accept(p, TK_DEFAULT)) {
            error_at(p, t, "expected 'case' or 'default'");
            sync_stmt(p);
            skip_nl(p);
            continue;
        }
        expect(p, TK_COLON);
        if (p->panic)
            sync_stmt(p);
        c->b = new_node(p, N_BLOCK, t);
        int scap = 0;
        skip_nl(p);
        while (!at(p, TK_CASE) && !at(p, TK_DEFAULT) && !at(p, TK_RBRACE) && !at(p, TK_EOF)) {
            int before = p->pos;
            Node *s = stmt(p);
            if (s)
                PUSH(c->b->list, c->b->nlist, scap, s);
            if (p->panic || p->pos == before)
                sync_stmt(p);
            skip_nl(p);
        }
        PUSH(n->list, n->nlist, cap, c);
    }
    expect(p, TK_RBRACE);
    return n;
}

/* stmt = let | if | for | switch | block | "return" [expr] | "break"
 *      | "continue" | "defer" expr | "yield" | simple
 * Returns NULL for an empty statement.  After a statement comes a newline,
 * ';' or the block's '}'. */
static Node *stmt(Parser *p)
{
    Tok *t = peek(p);
    Node *n = NULL;
    if (!enter(p))
        return NULL;
    switch (t->k) {
    case TK_LET: case TK_VAR: case TK_CONST:
        n = let_stmt(p);
        break;
    case TK_IF:
        n = if_stmt(p);
        break;
    case TK_FOR:
        n = for_stmt(p);
        break;
    case TK_SWITCH:
        n = switch_stmt(p);
        break;
    case TK_LBRACE:
        n = block(p);
        break;
    case TK_RETURN:
        n = new_node(p, N_RETURN, next(p));
        if (!at(p, TK_NL) && !at(p, TK_SEMI) && !at(p, TK_RBRACE) && !at(p, TK_EOF))
            n->a = expr(p);
        break;
    case TK_BREAK:
    case TK_CONTINUE:
        n = new_node(p, t->k == TK_BREAK ? N_BREAK : N_CONTINUE, next(p));
        break;
    case TK_DEFER:
        n = new_node(p, N_DEFER, next(p));
        n->a = expr(p);
        break;
    case TK_YIELD:
        n = new_node(p, N_YIELD, next(p));
        break;
    default:
        n = simple_stmt(p);
    }
    if (!p->panic && !at(p, TK_NL) && !at(p, TK_SEMI) && !at(p, TK_RBRACE) && !at(p, TK_EOF))
        error_at(p, peek(p), "expected a newline or ';' after the statement");
    p->depth--;
    return n;
}

/* block = "{" {stmt (NL | ";")} "}" */
static Node *block(Parser *p)
{
    Tok *t = peek(p);
    Node *n = new_node(p, N_BLOCK, t);
    if (!expect(p, TK_LBRACE))
        return n;
    int cap = 0;
    skip_nl(p);
    while (!at(p, TK_RBRACE) && !at(p, TK_EOF)) {
        int before = p->pos;
        Node *s = stmt(p);
        if (s)
            PUSH(n->list, n->nlist, cap, s);
        if (p->panic || p->pos == before)
            sync_stmt(p);
        skip_nl(p);
    }
    expect(p, TK_RBRACE);
    p->panic = 0;
    return n;
}

/* --- declarations -------------------------------------------------------- */

/* tparams = "<" IDENT {"," IDENT} ">" */
static int tparams(Parser *p, const char ***out)
{
    int n = 0, cap = 0;
    const char **v = NULL;
    next(p);
    do {
        PUSH(v, n, cap, ident(p));
    } while (accept(p, TK_COMMA) && !p->panic);
    close_angle(p);
    *out = v;
    return n;
}

/* func   = "func" [IDENT] [tparams] "(" [params] ")" [type] [block]
 * params = param {"," param} ["," "..."] | "..."
 * param  = ["self"] IDENT ":" type | type      (unnamed: extern c only)
 * The name is absent for a process literal; the block for extern c. */
/* A declaration (named: top level, method, extern block) or a function
 * literal (an expression: no name). */
static FuncDecl *func_decl(Parser *p, int async, int external, StructDecl *owner, int named)
{
    Tok *t = expect(p, TK_FUNC);
    FuncDecl *f = fe_alloc(p->fe, sizeof *f);
    f->async = async;
    f->owner = owner;
    f->line = t ? t->line : peek(p)->line;
    f->col = t ? t->col : peek(p)->col;
    f->name = "";
    f->file = p->fe->file;
    if (at(p, TK_IDENT)) {
        Tok *nt = peek(p);
        f->name = ident(p);
        f->line = nt->line;
        f->col = nt->col;
    } else if (named) {
        /* reported, then parsed on as if named: the rest is still checked */
        int panic = p->panic;
        error_at(p, peek(p), "expected the function's name");
        p->panic = panic;
    }
    if (at(p, TK_LT))
        f->ntparams = tparams(p, &f->tparams);
    if (!expect(p, TK_LPAREN))
        return f;
    int cap = 0;
    skip_nl(p);
    while (!at(p, TK_RPAREN) && !at(p, TK_EOF) && !p->panic) {
        if (accept(p, TK_ELLIPSIS)) {
            f->variadic = 1;
            skip_nl(p);
            break;
        }
        Tok *pt = peek(p);
        FParam prm = {.line = pt->line, .col = pt->col};
        prm.self = accept(p, TK_SELF);
        if (prm.self || (at(p, TK_IDENT) && peekn(p, 1)->k == TK_COLON)) {
            prm.name = ident(p);
            expect(p, TK_COLON);
        } else if (!external) {
            error_at(p, pt, "expected a parameter name");
        }
        prm.tx = type(p);
        PUSH(f->params, f->nparams, cap, prm);
        skip_nl(p);
        if (!accept(p, TK_COMMA))
            break;
        skip_nl(p);
    }
    expect(p, TK_RPAREN);
    if (!at(p, TK_LBRACE) && !at(p, TK_NL) && !at(p, TK_SEMI) && !at(p, TK_RBRACE) && !at(p, TK_EOF))
        f->ret = type(p);
    if (!external && !p->panic)
        f->body = block(p);
    return f;
}

static void add_func(Parser *p, FuncDecl *f)
{
    Program *g = &p->fe->prog;

    f->cname = f->name;
    if (!f->owner && !(f->nparams && f->params[0].self))
        f->name = fe_qualify(p->fe, f->file, f->name);
    FE_PUSH(p->fe, g->funcs, g->nfuncs, g->capfuncs, f);
}

/* struct = ("struct" | "class") IDENT [tparams] "{" {NL | field | func} "}"
 * field  = IDENT ":" type [","] */
static void struct_decl(Parser *p)
{
    Tok *t = next(p);
    StructDecl *s = fe_alloc(p->fe, sizeof *s);
    s->is_class = t->k == TK_CLASS;
    Tok *nt = peek(p);
    s->line = nt->line;
    s->col = nt->col;
    s->name = fe_qualify(p->fe, p->fe->file, ident(p));
    s->file = p->fe->file;
    if (at(p, TK_LT))
        s->ntparams = tparams(p, &s->tparams);
    Program *g = &p->fe->prog;
    FE_PUSH(p->fe, g->structs, g->nstructs, g->capstructs, s);
    if (!expect(p, TK_LBRACE))
        return;
    int cap = 0;
    skip_nl(p);
    while (!at(p, TK_RBRACE) && !at(p, TK_EOF)) {
        int before = p->pos;
        if (at(p, TK_FUNC) || at(p, TK_ASYNC)) {
            int async = accept(p, TK_ASYNC);
            FuncDecl *f = func_decl(p, async, 0, s, 1);
            if (s->ntparams && !f->ntparams) {
                /* generic in the struct's parameters */
                f->tparams = s->tparams;
                f->ntparams = s->ntparams;
            }
            add_func(p, f);
        } else {
            Tok *ft = peek(p);
            FParam fld = {.line = ft->line, .col = ft->col};
            fld.name = ident(p);
            expect(p, TK_COLON);
            fld.tx = type(p);
            accept(p, TK_COMMA);
            PUSH(s->fields, s->nfields, cap, fld);
        }
        if (p->panic || p->pos == before)
            sync_stmt(p);
        skip_nl(p);
    }
    expect(p, TK_RBRACE);
}

/* enum = "enum" IDENT "{" {NL | IDENT ["=" expr] [","]} "}" */
static void enum_decl(Parser *p)
{
    next(p);
    EnumDecl *e = fe_alloc(p->fe, sizeof *e);
    Tok *nt = peek(p);
    e->line = nt->line;
    e->col = nt->col;
    e->name = fe_qualify(p->fe, p->fe->file, ident(p));
    e->file = p->fe->file;
    Program *g = &p->fe->prog;
    FE_PUSH(p->fe, g->enums, g->nenums, g->capenums, e);
    if (!expect(p, TK_LBRACE))
        return;
    int cap = 0, vcap = 0;
    skip_nl(p);
    while (!at(p, TK_RBRACE) && !at(p, TK_EOF) && !p->panic) {
        PUSH(e->mnames, e->nmembers, cap, ident(p));
        int nv = e->nmembers - 1;
        Node *v = NULL;
        if (accept(p, TK_ASSIGN))
            v = expr(p);
        PUSH(e->mvals, nv, vcap, v);
        accept(p, TK_COMMA);
        skip_nl(p);
    }
    expect(p, TK_RBRACE);
}

/* extern = "extern" IDENT "{" {NL | func} "}"   (the IDENT is c) */
static void extern_block(Parser *p)
{
    next(p);
    Tok *lang = peek(p);
    const char *name = ident(p);
    if (!p->panic && strcmp(name, "c"))
        fe_error(p->fe, lang->line, lang->col, "unknown language '%s' (only extern c)", name);
    if (!expect(p, TK_LBRACE))
        return;
    skip_nl(p);
    while (!at(p, TK_RBRACE) && !at(p, TK_EOF)) {
        int before = p->pos;
        add_func(p, func_decl(p, 0, 1, NULL, 1));
        if (!p->panic && !at(p, TK_NL) && !at(p, TK_SEMI) && !at(p, TK_RBRACE))
            error_at(p, peek(p), "expected a newline after the declaration");
        if (p->panic || p->pos == before)
            sync_stmt(p);
        skip_nl(p);
    }
    expect(p, TK_RBRACE);
}

/* program = {NL | decl}
 * decl    = "namespace" [IDENT] | "import" STR | extern | ["async"] func
 *         | struct | enum | let(const) */
/* const_group = "const" "(" {IDENT [":" type] "=" expr [";"]} ")"
 * (entries separated by newlines, `;` or nothing: const ( A = 1  B = 2 )) */
static void const_group(Parser *p)
{
    Front *fe = p->fe;
    next(p);
    next(p);
    skip_nl(p);
    while (!at(p, TK_RPAREN) && !at(p, TK_EOF) && !p->panic) {
        Node *n = new_node(p, N_LET, peek(p));
        n->op = TK_CONST;
        n->name = fe_qualify(fe, fe->file, ident(p));
        if (accept(p, TK_COLON))
            n->tx = type(p);
        n->a = expect(p, TK_ASSIGN) ? expr(p) : new_node(p, N_INT, peek(p));
        FE_PUSH(fe, fe->prog.consts, fe->prog.nconsts, fe->prog.capconsts, n);
        accept(p, TK_SEMI);
        skip_nl(p);
    }
    expect(p, TK_RPAREN);
}

void parse(Front *fe)
{
    Parser p = {.fe = fe, .t = fe->toks, .n = fe->ntoks, .lasterr = -1};
    Parser *pp = &p;
    for (;;) {
        skip_nl(pp);
        Tok *t = peek(pp);
        if (t->k == TK_EOF)
            break;
        int before = pp->pos;
        switch (t->k) {
        case TK_NAMESPACE:
            next(pp);
            if (at(pp, TK_IDENT))
                fe->file->clayer = !strcmp(ident(pp), "c");
            else
                continue;   /* no newline token follows a bare keyword */
            break;
        case TK_IMPORT: {
            next(pp);
            Tok *s = expect(pp, TK_STR);
            if (s) {
                SrcFile *f = fe->file;
                fe_grow(fe, &f->iline, &f->caplines, f->nimports + 1, sizeof(int));
                fe_grow(fe, &f->icol, &f->capcols, f->nimports + 1, sizeof(int));
                f->iline[f->nimports] = s->line;
                f->icol[f->nimports] = s->col;
                FE_PUSH(fe, f->imports, f->nimports, f->capimports, s->str);
            }
            break;
        }
        case TK_EXTERN:
            extern_block(pp);
            break;
        case TK_ASYNC:
            next(pp);
            add_func(pp, func_decl(pp, 1, 0, NULL, 1));
            break;
        case TK_FUNC:
            add_func(pp, func_decl(pp, 0, 0, NULL, 1));
            break;
        case TK_STRUCT:
        case TK_CLASS:
            struct_decl(pp);
            break;
        case TK_ENUM:
            enum_decl(pp);
            break;
        case TK_CONST:
            if (peekn(pp, 1)->k == TK_LPAREN &&
                (peekn(pp, 2)->k == TK_NL || peekn(pp, 2)->k == TK_RPAREN ||
                 (peekn(pp, 2)->k == TK_IDENT && (peekn(pp, 3)->k == TK_ASSIGN || peekn(pp, 3)->k == TK_COLON)))) {
                const_group(pp);
                break;
            }
            /* fall through */
        case TK_LET: case TK_VAR: {
            /* constants and globals (op LET) share one list */
            pp->global = 1;
            Node *c = let_stmt(pp);
            pp->global = 0;
            if (c->name)
                c->name = fe_qualify(fe, fe->file, c->name);
            FE_PUSH(fe, fe->prog.consts, fe->prog.nconsts, fe->prog.capconsts, c);
            break;
        }
        default:
            error_at(pp, t, "expected a declaration");
        }
        if (!pp->panic && !at(pp, TK_NL) && !at(pp, TK_SEMI) && !at(pp, TK_EOF))
            error_at(pp, peek(pp), "expected a newline after the declaration");
        if (pp->panic || pp->pos == before) {
            /* skip to the next line outside brackets; a stray '}' too */
            sync_stmt(pp);
            if (at(pp, TK_RBRACE))
                next(pp);
        }
    }
}
