/* lex.c: Arc source text to tokens (ARC.md section 1).
 *
 * Needs: NUL-terminated text.  Produces: fe->toks, ending in TK_EOF.
 * A newline becomes a TK_NL token when the last token on the line ends a
 * statement (tok.def's "ends" column, Go's rule); otherwise it is white
 * space, and so are comments.  The end of the file acts as a newline.
 * Literal values are decoded here: integers as uint64 (up to 2^64-1),
 * floats as double, strings and chars with their escapes. */
#include "gen/front/ast.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const tok_text[TK_COUNT] = {
#define TOK(id, text, ends, prec, assign) text,
#include "gen/front/tok.def"
#undef TOK
};

static const char tok_ends[TK_COUNT] = {
#define TOK(id, text, ends, prec, assign) ends,
#include "gen/front/tok.def"
#undef TOK
};

const unsigned char tok_prec[TK_COUNT] = {
#define TOK(id, text, ends, prec, assign) prec,
#include "gen/front/tok.def"
#undef TOK
};

const TokKind tok_assign[TK_COUNT] = {
#define TOK(id, text, ends, prec, assign) TK_##assign,
#include "gen/front/tok.def"
#undef TOK
};

typedef struct {
    Front *fe;
    const char *p;
    int line;
    const char *bol;   /* beginning of the current line */
} Lexer;

static int col_of(Lexer *lx, const char *at) { return (int)(at - lx->bol) + 1; }

static Tok *push(Lexer *lx, TokKind k, const char *s, int len)
{
    Front *fe = lx->fe;
    fe_grow(fe, &fe->toks, &fe->captoks, fe->ntoks + 1, sizeof(Tok));
    Tok *t = &fe->toks[fe->ntoks++];
    *t = (Tok){.k = k, .line = lx->line, .col = col_of(lx, s), .s = s, .len = len};
    return t;
}

static int last_ends(Lexer *lx)
{
    Front *fe = lx->fe;
    return fe->ntoks > 0 && tok_ends[fe->toks[fe->ntoks - 1].k];
}

static void newline(Lexer *lx, const char *at)
{
    if (last_ends(lx))
        push(lx, TK_NL, at, 0);
    lx->line++;
    lx->bol = at + 1;
}

static int digit_val(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/* number = digits with '_' separators, 0x 0b 0o prefixes, or a float
 * "d.d", "d.de[+-]d", "dE d".  "0..5" is INT ".." INT. */
static void lex_number(Lexer *lx)
{
    const char *s = lx->p, *p = s;
    int base = 10, isflt = 0, junk = 0;
    if (p[0] == '0' && p[1] && strchr("xXbBoO", p[1])) {
        base = p[1] == 'x' || p[1] == 'X' ? 16 : p[1] == 'b' || p[1] == 'B' ? 2 : 8;
        p += 2;
    }
    const char *digits = p;
    if (base != 10) {
        while (isalnum((unsigned char)*p) || *p == '_')
            p++;
    } else {
        while (isdigit((unsigned char)*p) || *p == '_')
            p++;
        /* a fraction needs a digit after the dot, so 0..5 stays an INT */
        if (*p == '.' && isdigit((unsigned char)p[1])) {
            isflt = 1;
            for (p++; isdigit((unsigned char)*p) || *p == '_';)
                p++;
        }
        if ((*p == 'e' || *p == 'E') &&
            (isdigit((unsigned char)p[1]) || ((p[1] == '+' || p[1] == '-') && isdigit((unsigned char)p[2])))) {
            isflt = 1;
            for (p += 2; isdigit((unsigned char)*p);)
                p++;
        }
        while (isalnum((unsigned char)*p) || *p == '_') {
            junk = 1;
            p++;
        }
    }
    Tok *t = push(lx, isflt ? TK_FLOAT : TK_INT, s, (int)(p - s));
    lx->p = p;
    /* the digits without '_', any number of them */
    char *buf = fe_alloc(lx->fe, (size_t)(p - s) + 1);
    int n = 0, bad = junk;
    for (const char *q = isflt ? s : digits; q < p; q++)
        if (*q != '_')
            buf[n++] = *q;
    buf[n] = 0;
    if (isflt) {
        char *end;
        t->fval = strtod(buf, &end);
        if (bad || *end || !n)
            fe_error(lx->fe, t->line, t->col, "malformed float literal '%.*s'", t->len, t->s);
        else if (isinf(t->fval))
            fe_error(lx->fe, t->line, t->col, "float literal '%.*s' is out of range (above float64's largest)",
                     t->len > 40 ? 40 : t->len, t->s);
        return;
    }
    uint64_t v = 0;
    if (!n)
        bad = 1;
    for (int i = 0; i < n && !bad; i++) {
        int d = digit_val((unsigned char)buf[i]);
        if (d >= base) {
            bad = 1;
            break;
        }
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
            fe_error(lx->fe, t->line, t->col, "integer literal '%.*s' does not fit in 64 bits", t->len, t->s);
            return;
        }
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (bad)
        fe_error(lx->fe, t->line, t->col, "malformed integer literal '%.*s'", t->len, t->s);
    t->ival = v;
}

/* One character of a char or string literal, escapes decoded; -1 after an
 * error (reported). */
static int lex_char(Lexer *lx, char quote)
{
    const char *p = lx->p;
    if (*p != '\\') {
        lx->p++;
        return (unsigned char)*p;
    }
    lx->p += 2;
    switch (p[1]) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '0': return 0;
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'x':
        if (digit_val((unsigned char)p[2]) < 16 && digit_val((unsigned char)p[3]) < 16) {
            lx->p += 2;
            return digit_val((unsigned char)p[2]) * 16 + digit_val((unsigned char)p[3]);
        }
        break;
    default:
        break;
    }
    (void)quote;
    if (!p[1] || p[1] == '\n')
        lx->p = p + 1;
    fe_error(lx->fe, lx->line, col_of(lx, p), "unknown escape sequence '\\%c'",
             p[1] && p[1] != '\n' ? p[1] : ' ');
    return -1;
}

static void lex_string(Lexer *lx)
{
    const char *s = lx->p;
    lx->p++;
    Buf b = {0};
    while (*lx->p != '"') {
        if (!*lx->p || *lx->p == '\n') {
            fe_error(lx->fe, lx->line, col_of(lx, s), "unterminated string literal");
            break;
        }
        int c = lex_char(lx, '"');
        if (c >= 0)
            buf_u8(&b, (uint8_t)c);
    }
    if (*lx->p == '"')
        lx->p++;
    Tok *t = push(lx, TK_STR, s, (int)(lx->p - s));
    t->str = fe_strdup(lx->fe, b.p ? (const char *)b.p : "", b.len);
    t->slen = (int)b.len;
    buf_free(&b);
}

static void lex_charlit(Lexer *lx)
{
    const char *s = lx->p;
    lx->p++;
    uint64_t v = 0;
    if (*lx->p == '\'' || !*lx->p || *lx->p == '\n') {
        fe_error(lx->fe, lx->line, col_of(lx, s), "empty character literal");
    } else if ((unsigned char)*lx->p >= 0x80) {
        /* one UTF-8 sequence: its code point */
        unsigned char c = (unsigned char)*lx->p++;
        int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        v = c & (0x3f >> more);
        while (more-- && ((unsigned char)*lx->p & 0xc0) == 0x80)
            v = v << 6 | ((unsigned char)*lx->p++ & 0x3f);
    } else {
        int c = lex_char(lx, '\'');
        v = c < 0 ? 0 : (uint64_t)c;
    }
    if (*lx->p == '\'')
        lx->p++;
    else
        fe_error(lx->fe, lx->line, col_of(lx, s), "unterminated character literal");
    Tok *t = push(lx, TK_CHAR, s, (int)(lx->p - s));
    t->ival = v;
}

void lex(Front *fe)
{
    Lexer lx = {.fe = fe, .p = fe->text, .line = 1, .bol = fe->text};
    for (;;) {
        const char *p = lx.p;
        char c = *p;
        if (!c)
            break;
        if (c == '\n') {
            newline(&lx, p);
            lx.p++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            lx.p++;
        } else if (c == '/' && p[1] == '/') {
            while (*lx.p && *lx.p != '\n')
                lx.p++;
        } else if (c == '/' && p[1] == '*') {
            /* a block comment spanning lines ends the statement like a
             * newline would (Go) */
            int sawnl = 0;
            lx.p += 2;
            while (*lx.p && !(lx.p[0] == '*' && lx.p[1] == '/')) {
                if (*lx.p == '\n') {
                    if (!sawnl && last_ends(&lx))
                        push(&lx, TK_NL, lx.p, 0);
                    sawnl = 1;
                    lx.line++;
                    lx.bol = lx.p + 1;
                }
                lx.p++;
            }
            if (!*lx.p)
                fe_error(fe, lx.line, col_of(&lx, lx.p), "unterminated block comment");
            else
                lx.p += 2;
        } else if (isdigit((unsigned char)c)) {
            lex_number(&lx);
        } else if (isalpha((unsigned char)c) || c == '_') {
            while (isalnum((unsigned char)*lx.p) || *lx.p == '_')
                lx.p++;
            int len = (int)(lx.p - p);
            TokKind k = TK_IDENT;
            for (int i = TK_NAMESPACE; i <= TK_NULL; i++)
                if ((int)strlen(tok_text[i]) == len && !memcmp(tok_text[i], p, (size_t)len)) {
                    k = (TokKind)i;
                    break;
                }
            push(&lx, k, p, len);
        } else if (c == '"') {
            lex_string(&lx);
        } else if (c == '\'') {
            lex_charlit(&lx);
        } else {
            int k = TK_SHLEQ;
            for (; k < TK_COUNT; k++) {
                size_t n = strlen(tok_text[k]);
                if (!strncmp(p, tok_text[k], n))
                    break;
            }
            if (k == TK_COUNT) {
                if ((unsigned char)c >= 0x80)
                    fe_error(fe, lx.line, col_of(&lx, p), "unexpected byte 0x%02x", (unsigned char)c);
                else
                    fe_error(fe, lx.line, col_of(&lx, p), "unexpected character '%c'", isprint((unsigned char)c) ? c : '?');
                lx.p++;
                continue;
            }
            size_t n = strlen(tok_text[k]);
            push(&lx, (TokKind)k, p, (int)n);
            lx.p += n;
        }
    }
    if (last_ends(&lx))
        push(&lx, TK_NL, lx.p, 0);
    push(&lx, TK_EOF, lx.p, 0);
}
