/* ir_read.c: the IR's textual form, read into a Module.
 *
 * Needs: NUL-terminated text.  Produces: a Module, or NULL and diagnostics
 * "path:line:col: error: message" with the source line and a caret.  After
 * an error the reader skips to the next line and goes on, so one run
 * reports several errors (util.h's diag_error prints at most MAX_ERRORS).  It checks syntax and names
 * (opcodes, types, labels, symbols, layouts, intrinsics); type rules are the
 * verifier's job, so a constructed Module and a read one get the same checks.
 *
 * The text is line-oriented: one item per line, '#' starts a comment.
 *
 *   module   = { toplevel | NL }
 *   toplevel = layout | data | decl | func
 *   layout   = "type" :name "=" "size" INT "align" INT "{" [field {"," field}] "}"
 *   field    = type INT                                  (type at offset)
 *   data     = ["export"] ["const"] "data" $name "=" ["align" INT]
 *              "{" [ditem {"," ditem}] "}"
 *   ditem    = "zero" INT | type (INT | FLOAT | STRING | symref)
 *   decl     = "decl" rettype $name "(" [dparam {"," dparam}] ")"
 *   dparam   = type | :layout | "..."
 *   func     = ["export"] "func" rettype $name "(" [param {"," param}] ")" "{" NL
 *              { "@"label ":" NL | inst NL } "}"
 *   param    = (type | :layout) %vreg | "..."
 *   inst     = [%vreg "="] opcode [rettype] [operand {"," operand}]
 *   operand  = value | type value | @label | INT
 *            | "[" [INT ":" @label {"," INT ":" @label}] "]"       (switch)
 *            | ($name | %vreg) "(" [arg {"," arg}] ")"            (call)
 *            | intrinsic "(" [arg {"," arg}] ")"                   (intrin)
 *   arg      = (type | :layout) value | "..."
 *   value    = %vreg | symref | INT | FLOAT
 *   symref   = $name [("+" INT) | -INT]
 *   rettype  = type | "void" | :layout
 *   type     = "i8" | "i16" | "i32" | "i64" | "f32" | "f64" | "ptr"
 *
 * Which operands an opcode takes is its row in ir_ops.def.  Example:
 *
 *   decl i32 $printf(ptr, ...)
 *
 *   const data $fmt = { i8 "%d\n", i8 0 }
 *
 *   export func i64 $fib(i32 %n) {
 *   @entry:
 *       %c = slt i32 %n, 2
 *       br i8 %c, @base, @rec
 *   @base:
 *       %r = sext i64 i32 %n
 *       ret i64 %r
 *   @rec:
 *       %a = sub i32 %n, 1
 *       %h = spawn $fib(i32 %a)          # a task; runs in parallel
 *                                        # (no %h =: detached, never awaited)
 *       %b = sub i32 %n, 2
 *       %y = call i64 $fib(i32 %b)
 *       %x = await i64 %h
 *       %s = add i64 %x, %y
 *       ret i64 %s
 *   }
 *
 * A vreg may be assigned many times (no phis); its type is fixed by its
 * first definition.  Blocks may be used before their label appears.
 */
#include "ir.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>


typedef enum {
    K_EOF, K_NL, K_ERR, K_IDENT, K_VREG, K_LABEL, K_SYM, K_LAYOUT, K_INT, K_FLT,
    K_STR, K_EQ, K_COMMA, K_LPAREN, K_RPAREN, K_LBRACE, K_RBRACE, K_LBRACK,
    K_RBRACK, K_COLON, K_PLUS, K_ELLIPSIS,
} TokKind;

typedef struct {
    TokKind k;
    const char *s;   /* lexeme in the source */
    int len;
    int line, col;
    int64_t i;       /* K_INT */
    double f;        /* K_FLT */
} Tok;

typedef struct {
    const char *path, *src, *p, *bol;  /* bol: beginning of the current line */
    int line;
    Tok tok;
    Buf str;         /* decoded bytes of the last K_STR */
    Module *m;
    FILE *err;
    int nerrors;
    Func *fn;        /* the function being read */
    Block *blk;      /* the block being read, NULL before the first label */
    /* labels of fn: per block, where it was defined (0: only referenced
     * so far) and first referenced; definition order */
    int *defline, *refline, *refcol, *order;
    int caplab, norder;
} Reader;

/* --- diagnostics --------------------------------------------------------- */
static void verror_at(Reader *r, int line, int col, const char *fmt, va_list ap)
{
    diag_error(r->err, r->path, r->src, line, col, &r->nerrors, fmt, ap);
}

__attribute__((format(printf, 4, 5)))
static int error_at(Reader *r, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(r, line, col, fmt, ap);
    va_end(ap);
    return 0;
}

/* An error at the current token; quiet if the lexer already reported it. */
__attribute__((format(printf, 2, 3)))
static int error_tok(Reader *r, const char *fmt, ...)
{
    va_list ap;
    if (r->tok.k == K_ERR)
        return 0;
    va_start(ap, fmt);
    verror_at(r, r->tok.line, r->tok.col, fmt, ap);
    va_end(ap);
    return 0;
}

/* How to name the current token in a message. */
static const char *tok_desc(Reader *r, char *buf, size_t n)
{
    switch (r->tok.k) {
    case K_EOF: return "end of file";
    case K_NL: return "end of line";
    case K_STR: return "a string";
    default:
        snprintf(buf, n, "'%.*s'", r->tok.len > 24 ? 24 : r->tok.len, r->tok.s);
        return buf;
    }
}

static int expected(Reader *r, const char *what)
{
    char buf[40];
    return error_tok(r, "expected %s, found %s", what, tok_desc(r, buf, sizeof buf));
}

/* --- lexer --------------------------------------------------------------- */
static int is_name(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int hexval(int c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int lex_error(Reader *r, const char *start, const char *msg)
{
    error_at(r, r->line, (int)(start - r->bol) + 1, "%s", msg);
    r->tok.k = K_ERR;
    return 0;
}

/* A number: [-] (0x hex | digits ["." digits] [e [+-] digits]) | [-] inf | [-] nan */
static void lex_number(Reader *r, const char *s)
{
    const char *p = s;
    int neg = *p == '-';
    p += neg;
    if (!strncmp(p, "inf", 3) || !strncmp(p, "nan", 3)) {
        p += 3;
        if (is_name(*p)) {
            lex_error(r, s, "malformed number");
            goto skip;
        }
        r->tok.k = K_FLT;
        r->tok.f = p[-3] == 'i' ? (double)INFINITY : (double)NAN;
        if (neg)
            r->tok.f = -r->tok.f;
        r->p = p;
        return;
    }
    uint64_t v = 0;
    int over = 0, isflt = 0;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        if (hexval(*p) < 0) {
            lex_error(r, s, "malformed number");
            goto skip;
        }
        for (; hexval(*p) >= 0; p++) {
            over |= v >> 60 != 0;
            v = v << 4 | (uint64_t)hexval(*p);
        }
    } else {
        for (; is_digit(*p); p++) {
            over |= v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10;
            v = v * 10 + (uint64_t)(*p - '0');
        }
        if (*p == '.' && is_digit(p[1])) {
            isflt = 1;
            for (p++; is_digit(*p); p++)
                ;
        }
        if ((*p == 'e' || *p == 'E') && (is_digit(p[1]) || ((p[1] == '+' || p[1] == '-') && is_digit(p[2])))) {
            isflt = 1;
            for (p += 2; is_digit(*p); p++)
                ;
        }
    }
    if (is_name(*p)) {
        lex_error(r, s, "malformed number");
        goto skip;
    }
    r->p = p;
    if (isflt) {
        char buf[64];
        if (p - s >= (long)sizeof buf) {
            lex_error(r, s, "float constant too long");
            return;
        }
        memcpy(buf, s, (size_t)(p - s));
        buf[p - s] = 0;
        r->tok.k = K_FLT;
        r->tok.f = strtod(buf, NULL);
        return;
    }
    if (over || (neg && v > (uint64_t)1 << 63)) {
        lex_error(r, s, "integer constant out of range");
        return;
    }
    r->tok.k = K_INT;
    r->tok.i = neg ? (int64_t)(0 - v) : (int64_t)v;
    return;
skip:
    while (is_name(*p))
        p++;
    r->p = p;
}

/* A string: '"' { char | '\' (n t r 0 \ " | x HEX HEX) } '"', decoded into
 * r->str.  After a bad escape the rest of the string is skipped quietly. */
static void lex_string(Reader *r, const char *s)
{
    const char *p = s + 1;
    int bad = 0;
    r->str.len = 0;
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (!c || c == '\n') {
            if (!bad)
                lex_error(r, s, "unterminated string");
            r->p = p;
            r->tok.k = K_ERR;
            return;
        }
        p++;
        if (c == '"')
            break;
        if (c == '\\' && !bad) {
            char e = *p;
            p += e && e != '\n';
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case '0': c = 0; break;
            case '\\': c = '\\'; break;
            case '"': c = '"'; break;
            case 'x':
                if (hexval(p[0]) < 0 || hexval(p[1]) < 0) {
                    bad = !lex_error(r, p - 2, "bad \\x escape: two hex digits expected");
                    break;
                }
                c = (unsigned char)(hexval(p[0]) << 4 | hexval(p[1]));
                p += 2;
                break;
            default:
                bad = !lex_error(r, p - 1 - (e && e != '\n'), "unknown escape in string");
            }
        } else if (c == '\\' && *p == '"') {
            p++;   /* inside a bad string, \" still does not end it */
        }
        buf_u8(&r->str, c);
    }
    r->p = p;
    r->tok.k = bad ? K_ERR : K_STR;
}

static void next(Reader *r)
{
    const char *p = r->p;
    while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
    if (*p == '#')
        while (*p && *p != '\n')
            p++;
    r->tok = (Tok){.s = p, .line = r->line, .col = (int)(p - r->bol) + 1};
    r->p = p + 1;
    switch (*p) {
    case 0: r->tok.k = K_EOF; r->p = p; break;
    case '\n':
        r->tok.k = K_NL;
        r->line++;
        r->bol = p + 1;
        break;
    case '=': r->tok.k = K_EQ; break;
    case ',': r->tok.k = K_COMMA; break;
    case '(': r->tok.k = K_LPAREN; break;
    case ')': r->tok.k = K_RPAREN; break;
    case '{': r->tok.k = K_LBRACE; break;
    case '}': r->tok.k = K_RBRACE; break;
    case '[': r->tok.k = K_LBRACK; break;
    case ']': r->tok.k = K_RBRACK; break;
    case '+': r->tok.k = K_PLUS; break;
    case '"': lex_string(r, p); break;
    case '.':
        if (p[1] == '.' && p[2] == '.') {
            r->tok.k = K_ELLIPSIS;
            r->p = p + 3;
        } else {
            lex_error(r, p, "unexpected character '.'");
        }
        break;
    case '%': case '@': case '$': case ':': {
        static const TokKind kinds[] = {['%'] = K_VREG, ['@'] = K_LABEL, ['$'] = K_SYM, [':'] = K_LAYOUT};
        const char *q = p + 1;
        while (is_name(*q))
            q++;
        if (q == p + 1) {
            if (*p == ':') {
                r->tok.k = K_COLON;
                break;
            }
            lex_error(r, p, *p == '%' ? "expected a name after '%'" : *p == '@' ? "expected a name after '@'"
                                                                              : "expected a name after '$'");
            break;
        }
        r->tok.k = kinds[(unsigned char)*p];
        r->p = q;
        break;
    }
    default:
        if (is_digit(*p) || (*p == '-' && (is_digit(p[1]) || !strncmp(p + 1, "inf", 3) || !strncmp(p + 1, "nan", 3)))) {
            lex_number(r, p);
        } else if (is_name(*p)) {
            const char *q = p;
            while (is_name(*q))
                q++;
            r->p = q;
            r->tok.k = K_IDENT;
            if (q - p == 3 && (!strncmp(p, "inf", 3) || !strncmp(p, "nan", 3)))
                lex_number(r, p);
        } else {
            char buf[48];
            unsigned char c = (unsigned char)*p;
            if (c >= 0x20 && c < 0x7f)
                snprintf(buf, sizeof buf, "unexpected character '%c'", c);
            else
                snprintf(buf, sizeof buf, "unexpected byte 0x%02x", c);
            lex_error(r, p, buf);
        }
    }
    r->tok.len = (int)(r->p - p);
}

static int is_kw(Reader *r, const char *kw)
{
    return r->tok.k == K_IDENT && (size_t)r->tok.len == strlen(kw) && !memcmp(r->tok.s, kw, (size_t)r->tok.len);
}

static int accept(Reader *r, TokKind k)
{
    if (r->tok.k != k)
        return 0;
    next(r);
    return 1;
}

static int expect(Reader *r, TokKind k, const char *what)
{
    return accept(r, k) ? 1 : expected(r, what);
}

static int expect_eol(Reader *r)
{
    if (r->tok.k == K_NL || r->tok.k == K_EOF)
        return 1;
    char buf[40];
    return error_tok(r, "unexpected %s at end of line", tok_desc(r, buf, sizeof buf));
}

/* Skip the rest of the line (error recovery). */
static void sync_line(Reader *r)
{
    while (r->tok.k != K_NL && r->tok.k != K_EOF)
        next(r);
    accept(r, K_NL);
}

/* An INT token into *v; next. */
static int parse_int(Reader *r, int64_t *v, const char *what)
{
    if (r->tok.k != K_INT)
        return expected(r, what);
    *v = r->tok.i;
    next(r);
    return 1;
}

/* --- types --------------------------------------------------------------- */
/* rettype = type | "void" | :layout ;  type = "i8" | ... | "ptr" */
static int parse_type(Reader *r, Type *t, int *agg, int allow_void, int allow_agg)
{
    *agg = 0;
    if (r->tok.k == K_LAYOUT && allow_agg) {
        char name[256];
        snprintf(name, sizeof name, "%.*s", r->tok.len - 1, r->tok.s + 1);
        *agg = ir_find_layout(r->m, name);
        if (!*agg)
            return error_tok(r, "unknown type :%s", name);
        *t = T_PTR;
        next(r);
        return 1;
    }
    if (r->tok.k == K_IDENT)
        for (int i = allow_void ? T_VOID : T_I8; i < T_NTYPES; i++)
            if ((size_t)r->tok.len == strlen(type_name[i]) && !memcmp(r->tok.s, type_name[i], (size_t)r->tok.len)) {
                *t = (Type)i;
                next(r);
                return 1;
            }
    if (r->tok.k == K_LAYOUT)
        return error_tok(r, "an aggregate type is not allowed here");
    return expected(r, "a type");
}

/* --- values -------------------------------------------------------------- */
static int vreg_ref(Reader *r)
{
    char name[256];
    snprintf(name, sizeof name, "%.*s", r->tok.len - 1, r->tok.s + 1);
    int v = ir_find_vreg(r->fn, name);
    return v >= 0 ? v : ir_new_vreg(r->m, r->fn, T_VOID, name);
}

/* symref = $name [("+" INT) | -INT] */
static int parse_symref(Reader *r, int *sym, int64_t *addend)
{
    char name[256];
    snprintf(name, sizeof name, "%.*s", r->tok.len - 1, r->tok.s + 1);
    *sym = ir_sym(r->m, name);
    *addend = 0;
    next(r);
    if (accept(r, K_PLUS)) {
        if (r->tok.k != K_INT || r->tok.s[0] == '-')
            return expected(r, "an offset after '+'");
        *addend = r->tok.i;
        next(r);
    } else if (r->tok.k == K_INT && r->tok.s[0] == '-') {
        *addend = r->tok.i;
        next(r);
    }
    return 1;
}

/* value = %vreg | symref | INT | FLOAT, of type t */
static int parse_value(Reader *r, Type t, Val *v)
{
    *v = (Val){.type = t};
    switch (r->tok.k) {
    case K_VREG:
        v->kind = V_VREG;
        v->vreg = vreg_ref(r);
        next(r);
        return 1;
    case K_SYM:
        v->kind = V_SYM;
        return parse_symref(r, &v->sym, &v->i);
    case K_INT:
        if (type_is_flt(t))
            return error_tok(r, "expected a float constant for %s", type_name[t]);
        v->kind = V_INT;
        v->i = r->tok.i;
        next(r);
        return 1;
    case K_FLT:
        if (!type_is_flt(t))
            return error_tok(r, "float constant where %s is expected", type_name[t]);
        *v = ir_flt(t, r->tok.f);
        next(r);
        return 1;
    default:
        return expected(r, "a value");
    }
}

/* arg = (type | :layout) value | "..." */
static int parse_arg(Reader *r, Val *v, int allow_vararg)
{
    if (r->tok.k == K_ELLIPSIS && allow_vararg) {
        next(r);
        *v = ir_vararg();
        return 1;
    }
    Type t = T_VOID;
    int agg = 0;
    if (!parse_type(r, &t, &agg, 0, allow_vararg) || !parse_value(r, t, v))
        return 0;
    v->agg = agg;
    return 1;
}

static void push_arg(Reader *r, Inst *in, Val v)
{
    ir_grow(r->m, &in->args, &in->capargs, in->nargs + 1, sizeof(Val));
    in->args[in->nargs++] = v;
}

/* "(" [arg {"," arg}] ")": at most one "...", allowed only in calls */
static int parse_arglist(Reader *r, Inst *in, int allow_vararg)
{
    int seen = 0;
    if (!expect(r, K_LPAREN, "'('"))
        return 0;
    if (accept(r, K_RPAREN))
        return 1;
    do {
        Val v;
        if (r->tok.k == K_ELLIPSIS && seen)
            return error_tok(r, "second '...' in an argument list");
        if (!parse_arg(r, &v, allow_vararg))
            return 0;
        seen |= v.kind == V_VARARG;
        push_arg(r, in, v);
    } while (accept(r, K_COMMA));
    return expect(r, K_RPAREN, "',' or ')'");
}

/* --- labels -------------------------------------------------------------- */
static void grow_labels(Reader *r, int need)
{
    int cap = r->caplab;
    ir_grow(r->m, &r->defline, &cap, need, sizeof(int));
    cap = r->caplab;
    ir_grow(r->m, &r->refline, &cap, need, sizeof(int));
    cap = r->caplab;
    ir_grow(r->m, &r->refcol, &cap, need, sizeof(int));
    cap = r->caplab;
    ir_grow(r->m, &r->order, &cap, need, sizeof(int));
    r->caplab = cap;
}

/* The block named by the current K_LABEL token, made on first sight. */
static int label_ref(Reader *r, int define)
{
    char name[256];
    snprintf(name, sizeof name, "%.*s", r->tok.len - 1, r->tok.s + 1);
    int b = ir_find_block(r->fn, name);
    if (b < 0) {
        b = ir_new_block(r->m, r->fn, name)->id;
        grow_labels(r, b + 1);
        r->defline[b] = 0;
        r->refline[b] = r->tok.line;
        r->refcol[b] = r->tok.col;
    }
    if (define) {
        if (r->defline[b])
            return error_tok(r, "duplicate label @%s (first at line %d)", name, r->defline[b]), -1;
        r->defline[b] = r->tok.line;
        r->order[r->norder++] = b;
    }
    return b;
}

/* --- instructions -------------------------------------------------------- */
static int find_op(Reader *r)
{
    for (int i = 0; i < OP_COUNT; i++)
        if ((size_t)r->tok.len == strlen(op_info[i].name) && !memcmp(r->tok.s, op_info[i].name, (size_t)r->tok.len))
            return i;
    return -1;
}

/* One operand of kind k (a letter of the opcode's row). */
static int parse_operand(Reader *r, Inst *in, char k)
{
    Val v = {0};
    Type t = in->agg ? T_PTR : in->type;
    switch (k) {
    case 'T': case 'O':
        if (!parse_value(r, t, &v))
            return 0;
        break;
    case 'P':
        if (!parse_value(r, T_PTR, &v))
            return 0;
        break;
    case 'L':
        if (!parse_value(r, T_I64, &v))
            return 0;
        break;
    case 'N':
        if (!parse_int(r, &v.i, "an integer"))
            return 0;
        v.kind = V_INT;
        v.type = T_I64;
        break;
    case 'X':
        if (!parse_arg(r, &v, 0))
            return 0;
        break;
    case 'B':
        if (r->tok.k != K_LABEL)
            return expected(r, "a block label");
        v.kind = V_BLOCK;
        v.blk = label_ref(r, 0);
        next(r);
        break;
    case 'C':   /* "[" [INT ":" @label {"," INT ":" @label}] "]" */
        if (!expect(r, K_LBRACK, "'['"))
            return 0;
        if (accept(r, K_RBRACK))
            return 1;
        do {
            Val c = {.kind = V_INT, .type = in->type};
            if (!parse_int(r, &c.i, "a case value") || !expect(r, K_COLON, "':'"))
                return 0;
            if (r->tok.k != K_LABEL)
                return expected(r, "a block label");
            push_arg(r, in, c);
            push_arg(r, in, (Val){.kind = V_BLOCK, .blk = label_ref(r, 0)});
            next(r);
        } while (accept(r, K_COMMA));
        return expect(r, K_RBRACK, "',' or ']'");
    case 'F':   /* ($name | %vreg) "(" args ")" */
        if (r->tok.k != K_SYM && r->tok.k != K_VREG)
            return expected(r, "a function ($name or %vreg)");
        if (!parse_value(r, T_PTR, &v))
            return 0;
        push_arg(r, in, v);
        return parse_arglist(r, in, 1);
    case 'Q': { /* intrinsic "(" args ")" */
        if (r->tok.k != K_IDENT)
            return expected(r, "an intrinsic name");
        int n = intrin_find(r->tok.s, (size_t)r->tok.len);
        if (n < 0)
            return error_tok(r, "unknown intrinsic '%.*s'", r->tok.len, r->tok.s);
        next(r);
        push_arg(r, in, ir_intrin(n));
        return parse_arglist(r, in, 0);
    }
    default: die("bad operand kind '%c'", k);
    }
    push_arg(r, in, v);
    return 1;
}

/* inst = [%vreg "="] opcode [rettype] [operand {"," operand}] */
static int parse_inst(Reader *r)
{
    int line = r->tok.line, col = r->tok.col, dst = -1, dline = 0, dcol = 0;
    if (r->tok.k == K_VREG) {
        dst = vreg_ref(r);
        dline = r->tok.line;
        dcol = r->tok.col;
        next(r);
        if (!expect(r, K_EQ, "'='"))
            return 0;
    }
    if (r->tok.k != K_IDENT)
        return expected(r, "an opcode");
    int op = find_op(r);
    if (op < 0)
        return error_tok(r, "unknown opcode '%.*s'", r->tok.len, r->tok.s);
    if (!r->blk)
        return error_tok(r, "instruction before the first label");
    const OpInfo *oi = &op_info[op];
    next(r);
    Type t = T_VOID;
    int agg = 0;
    if (oi->tyclass != TC_NONE && !parse_type(r, &t, &agg, oi->tyclass == TC_RET, oi->tyclass == TC_RET))
        return 0;
    Inst *in = ir_emitv(r->m, r->blk, (Op)op, t, dst, 0, NULL);
    in->agg = agg;
    in->line = line;
    in->col = col;
    int first = 1;
    for (const char *k = oi->operands; *k; k++) {
        if (*k == 'O' && t == T_VOID && !agg)
            continue;
        if (!first && !expect(r, K_COMMA, "','"))
            return 0;
        first = 0;
        if (!parse_operand(r, in, *k))
            return 0;
    }
    if (!expect_eol(r))
        return 0;
    Type rt = ir_result_type(in);
    if (dst >= 0 && rt == T_VOID)
        return error_at(r, dline, dcol, "'%s %s' has no result to assign", oi->name, type_name[t]);
    if (dst >= 0 && r->fn->vregs[dst].type == T_VOID)
        r->fn->vregs[dst].type = rt;
    return 1;
}

/* "@"label ":" */
static int parse_label(Reader *r)
{
    int b = label_ref(r, 1);
    if (b < 0)
        return 0;
    r->blk = r->fn->blocks[b];
    r->blk->line = r->tok.line;
    next(r);
    return expect(r, K_COLON, "':' after the label") && expect_eol(r);
}

/* --- top level ----------------------------------------------------------- */
static int starts_toplevel(Reader *r)
{
    return r->tok.col == 1 && (is_kw(r, "func") || is_kw(r, "decl") || is_kw(r, "data") || is_kw(r, "type") ||
                               is_kw(r, "export") || is_kw(r, "const"));
}

static int define_sym(Reader *r, int *sym)
{
    char name[256];
    if (r->tok.k != K_SYM)
        return expected(r, "a $name");
    snprintf(name, sizeof name, "%.*s", r->tok.len - 1, r->tok.s + 1);
    int s = ir_find_sym(r->m, name);
    if (s >= 0 && r->m->syms[s].kind != SYM_EXTERN)
        return error_tok(r, "redefinition of $%s (first defined at line %d)", name, r->m->syms[s].line);
    *sym = ir_sym(r->m, name);
    r->m->syms[*sym].line = r->tok.line;
    next(r);
    return 1;
}

/* layout = "type" :name "=" "size" INT "align" INT "{" [field {"," field}] "}" */
static int parse_layout(Reader *r)
{
    int64_t size = 0, align = 0;
    next(r);
    if (r->tok.k != K_LAYOUT)
        return expected(r, "a :name");
    char name[256];
    snprintf(name, sizeof name, "%.*s", r->tok.len - 1, r->tok.s + 1);
    if (ir_find_layout(r->m, name))
        return error_tok(r, "redefinition of type :%s", name);
    int line = r->tok.line;
    next(r);
    if (!expect(r, K_EQ, "'='"))
        return 0;
    if (!is_kw(r, "size"))
        return expected(r, "'size'");
    next(r);
    if (!parse_int(r, &size, "the size"))
        return 0;
    if (!is_kw(r, "align"))
        return expected(r, "'align'");
    next(r);
    if (!parse_int(r, &align, "the alignment") || !expect(r, K_LBRACE, "'{'"))
        return 0;
    int a = ir_new_layout(r->m, name, size, align);
    r->m->layouts[a].line = line;
    if (!accept(r, K_RBRACE)) {
        do {   /* field = type INT */
            Type t = T_VOID;
            int agg = 0;
            int64_t off = 0;
            if (!parse_type(r, &t, &agg, 0, 0) || !parse_int(r, &off, "a field offset"))
                return 0;
            ir_layout_field(r->m, a, t, off);
        } while (accept(r, K_COMMA));
        if (!expect(r, K_RBRACE, "',' or '}'"))
            return 0;
    }
    return expect_eol(r);
}

/* ditem = "zero" INT | type (INT | FLOAT | STRING | symref) */
static int parse_ditem(Reader *r, Data *d)
{
    Type t = T_VOID;
    int agg = 0;
    int64_t v = 0;
    if (is_kw(r, "zero")) {
        next(r);
        if (!parse_int(r, &v, "a byte count"))
            return 0;
        ir_data_zero(r->m, d, v);
        return 1;
    }
    if (!parse_type(r, &t, &agg, 0, 0))
        return 0;
    switch (r->tok.k) {
    case K_STR:
        if (t != T_I8)
            return error_tok(r, "a string needs type i8, not %s", type_name[t]);
        ir_data_str(r->m, d, (const char *)r->str.p, r->str.len);
        next(r);
        return 1;
    case K_SYM: {
        int sym = 0;
        if (t != T_PTR)
            return error_tok(r, "a symbol address needs type ptr, not %s", type_name[t]);
        if (!parse_symref(r, &sym, &v))
            return 0;
        ir_data_sym(r->m, d, r->m->syms[sym].name, v);
        return 1;
    }
    case K_INT:
        if (type_is_flt(t))
            return error_tok(r, "expected a float constant for %s", type_name[t]);
        ir_data_int(r->m, d, t, r->tok.i);
        next(r);
        return 1;
    case K_FLT:
        if (!type_is_flt(t))
            return error_tok(r, "float constant where %s is expected", type_name[t]);
        ir_data_flt(r->m, d, t, r->tok.f);
        next(r);
        return 1;
    default: return expected(r, "a constant");
    }
}

/* data = ["export"] ["const"] "data" $name "=" ["align" INT] "{" [ditem {"," ditem}] "}" */
static int parse_data(Reader *r, int linkage)
{
    int sym = 0;
    int64_t align = 0;
    next(r);
    if (!define_sym(r, &sym) || !expect(r, K_EQ, "'='"))
        return 0;
    if (is_kw(r, "align")) {
        next(r);
        if (!parse_int(r, &align, "the alignment"))
            return 0;
    }
    if (!expect(r, K_LBRACE, "'{'"))
        return 0;
    Data *d = ir_new_data(r->m, r->m->syms[sym].name, linkage, align);
    if (!accept(r, K_RBRACE)) {
        do
            if (!parse_ditem(r, d))
                return 0;
        while (accept(r, K_COMMA));
        if (!expect(r, K_RBRACE, "',' or '}'"))
            return 0;
    }
    return expect_eol(r);
}

/* The parameter list of a decl (types only) or func (typed vregs):
 * "(" [param {"," param}] ")" with "..." last. */
static int parse_params(Reader *r, Func *f, int named)
{
    if (!expect(r, K_LPAREN, "'('"))
        return 0;
    if (accept(r, K_RPAREN))
        return 1;
    do {
        Type t = T_VOID;
        int agg = 0;
        if (f->variadic)
            return error_tok(r, "'...' must be the last parameter");
        if (accept(r, K_ELLIPSIS)) {
            f->variadic = 1;
            continue;
        }
        if (!parse_type(r, &t, &agg, 0, 1))
            return 0;
        if (!named) {
            ir_add_param(r->m, f, t, agg, NULL);
            continue;
        }
        if (r->tok.k != K_VREG)
            return expected(r, "a parameter %name");
        char name[256];
        snprintf(name, sizeof name, "%.*s", r->tok.len - 1, r->tok.s + 1);
        if (ir_find_vreg(f, name) >= 0)
            return error_tok(r, "duplicate parameter %%%s", name);
        ir_add_param(r->m, f, t, agg, name);
        next(r);
    } while (accept(r, K_COMMA));
    return expect(r, K_RPAREN, "',' or ')'");
}

/* decl = "decl" rettype $name "(" [dparam {"," dparam}] ")" */
static int parse_decl(Reader *r)
{
    Type t = T_VOID;
    int agg = 0, sym = 0;
    next(r);
    if (!parse_type(r, &t, &agg, 1, 1) || !define_sym(r, &sym))
        return 0;
    Func *f = ir_new_decl(r->m, r->m->syms[sym].name, t, agg);
    f->line = r->m->syms[sym].line;
    return parse_params(r, f, 0) && expect_eol(r);
}

/* After a function body has failed to open, skip to its closing "}" line
 * or to the next top-level item. */
static void skip_body(Reader *r)
{
    while (r->tok.k != K_EOF && !starts_toplevel(r)) {
        int close = r->tok.k == K_RBRACE && r->tok.col == 1;
        sync_line(r);
        if (close)
            break;
    }
}

/* The labels of r->fn are all defined; blocks go in definition order. */
static int finish_labels(Reader *r)
{
    int ok = 1;
    for (int b = 0; b < r->fn->nblocks; b++)
        if (!r->defline[b])
            ok = error_at(r, r->refline[b], r->refcol[b], "undefined label @%s", r->fn->blocks[b]->name);
    if (ok)
        ir_reorder_blocks(r->m, r->fn, r->order);
    return ok;
}

/* func = ["export"] "func" rettype $name "(" params ")" "{" NL body "}"
 * body = { NL | "@"label ":" NL | inst NL } */
static int parse_func(Reader *r, int linkage)
{
    Type t = T_VOID;
    int agg = 0, sym = 0;
    next(r);
    if (!parse_type(r, &t, &agg, 1, 1) || !define_sym(r, &sym)) {
        skip_body(r);
        return 1;
    }
    r->m->syms[sym].linkage = linkage;
    Func *f = ir_new_func(r->m, r->m->syms[sym].name, t, agg);
    f->line = r->m->syms[sym].line;
    r->fn = f;
    r->blk = NULL;
    r->norder = 0;
    if (!parse_params(r, f, 1) || !expect(r, K_LBRACE, "'{'") || !expect_eol(r)) {
        skip_body(r);
        r->fn = NULL;
        return 1;
    }
    for (;;) {
        if (r->nerrors > MAX_ERRORS)
            return 1;
        if (accept(r, K_NL))
            continue;
        if (r->tok.k == K_EOF || starts_toplevel(r)) {
            error_tok(r, "missing '}' at the end of $%s", r->m->syms[sym].name);
            break;
        }
        if (r->tok.k == K_RBRACE) {
            next(r);
            if (!expect_eol(r))
                sync_line(r);
            break;
        }
        int ok = r->tok.k == K_LABEL ? parse_label(r) : parse_inst(r);
        if (!ok)
            sync_line(r);
        else
            accept(r, K_NL);
    }
    finish_labels(r);
    r->fn = NULL;
    return 1;
}

/* toplevel = layout | data | decl | func, with linkage prefixes */
static int parse_toplevel(Reader *r)
{
    int linkage = 0;
    if (is_kw(r, "export")) {
        linkage |= L_EXPORT;
        next(r);
    }
    if (is_kw(r, "const")) {
        linkage |= L_CONST;
        next(r);
    }
    if (is_kw(r, "data"))
        return parse_data(r, linkage);
    if (is_kw(r, "func") && !(linkage & L_CONST))
        return parse_func(r, linkage);
    if (linkage)
        return expected(r, linkage & L_CONST ? "'data'" : "'func' or 'data'");
    if (is_kw(r, "decl"))
        return parse_decl(r);
    if (is_kw(r, "type"))
        return parse_layout(r);
    return expected(r, "'func', 'decl', 'data' or 'type'");
}

/* module = { toplevel | NL } */
Module *ir_read_to(const char *path, const char *text, int *nerrors, FILE *err)
{
    Reader r = {.path = path, .src = text, .p = text, .bol = text, .line = 1, .err = err};
    r.m = ir_new_module();
    next(&r);
    while (r.tok.k != K_EOF && r.nerrors <= MAX_ERRORS) {
        if (accept(&r, K_NL))
            continue;
        if (!parse_toplevel(&r))
            sync_line(&r);
        else if (r.tok.k == K_NL)
            next(&r);
    }
    buf_free(&r.str);
    *nerrors = r.nerrors;
    if (r.nerrors) {
        ir_free(r.m);
        return NULL;
    }
    return r.m;
}

Module *ir_read(const char *path, const char *text, int *nerrors)
{
    return ir_read_to(path, text, nerrors, stderr);
}
