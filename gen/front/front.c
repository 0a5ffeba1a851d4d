/* front.c: front_compile, the list of phase calls, and what every phase
 * shares: the arena and the diagnostics.
 *
 *   lex -> parse -> check -> lower -> ir_verify
 * A phase runs only when the ones before it reported no error; each one
 * reports as many errors as it can (at most MAX_ERRORS). */
#include "gen/front/ast.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct Chunk {
    Chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char mem[];
};

void *fe_alloc(Front *fe, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Chunk *c = fe->chunks;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        c = xmalloc(sizeof *c + cap);
        c->next = fe->chunks;
        c->used = 0;
        c->cap = cap;
        fe->chunks = c;
    }
    void *p = c->mem + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

void fe_free(Front *fe)
{
    for (Chunk *c = fe->chunks, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    fe->chunks = NULL;
}

char *fe_strdup(Front *fe, const char *s, size_t n)
{
    char *p = fe_alloc(fe, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void fe_grow(Front *fe, void *p, int *cap, int need, size_t esize)
{
    if (need <= *cap)
        return;
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    void **pp = p;
    void *np = fe_alloc(fe, (size_t)ncap * esize);
    if (*pp)
        memcpy(np, *pp, (size_t)*cap * esize);
    *pp = np;
    *cap = ncap;
}

void fe_error(Front *fe, int line, int col, const char *fmt, ...)
{
    fe->nerrors++;
    if (fe->nerrors > MAX_ERRORS)
        return;
    if (fe->nerrors == MAX_ERRORS) {
        fprintf(fe->err, "%s: error: too many errors, giving up\n", fe->path);
        return;
    }
    fprintf(fe->err, "%s:%d:%d: error: ", fe->path, line, col);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(fe->err, fmt, ap);
    va_end(ap);
    fputc('\n', fe->err);
    /* the source line and a caret under the column */
    const char *p = fe->text;
    for (int l = 1; l < line && *p; p++)
        if (*p == '\n')
            l++;
    const char *e = p;
    while (*e && *e != '\n')
        e++;
    fprintf(fe->err, "%.*s\n", (int)(e - p), p);
    for (int i = 1; i < col && p + i - 1 < e; i++)
        fputc(p[i - 1] == '\t' ? '\t' : ' ', fe->err);
    fputs("^\n", fe->err);
}

Module *front_compile_to(const char *path, const char *text, int *nerrors, FILE *err)
{
    Front fe = {.path = path, .text = text, .err = err};
    Module *m = NULL;
    lex(&fe);
    if (!fe.nerrors)
        parse(&fe);
    if (!fe.nerrors)
        check(&fe);
    if (!fe.nerrors) {
        m = lower(&fe);
        if (ir_verify(m, err))
            die("the front end produced invalid IR for %s", path);
    }
    fe_free(&fe);
    *nerrors = fe.nerrors;
    return m;
}

Module *front_compile(const char *path, const char *text, int *nerrors)
{
    return front_compile_to(path, text, nerrors, stderr);
}
