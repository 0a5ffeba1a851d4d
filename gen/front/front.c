/* front.c: front_compile, the list of phase calls, and what every phase
 * shares: the arena and the diagnostics.
 *
 *   (lex -> parse) per file: the main file, its imports, theirs ...
 *   -> check -> lower -> ir_verify
 * A phase runs only when the ones before it reported no error; each one
 * reports as many errors as it can (util.h's diag_error: at most MAX_ERRORS printed). */
#include "gen/front/ast.h"
#include "uapi_layout/uapi.h"

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
    va_list ap;
    va_start(ap, fmt);
    diag_error(fe->err, fe->path, fe->text, line, col, &fe->nerrors, fmt, ap);
    va_end(ap);
}

SrcFile *fe_enter(Front *fe, SrcFile *f)
{
    SrcFile *old = fe->file;
    if (f) {
        fe->file = f;
        fe->path = f->path;
        fe->text = f->text;
    }
    return old;
}

const char *fe_qualify(Front *fe, SrcFile *f, const char *name)
{
    if (!f || !f->mod)
        return name;
    size_t n = strlen(f->mod) + strlen(name) + 2;
    char *q = fe_alloc(fe, n);
    snprintf(q, n, "%s.%s", f->mod, name);
    return q;
}

/* --- modules (ARC.md section 7) --------------------------------------------
 * `import "m"` finds m.arc next to the importing file first, then the
 * standard library: $ARC_STDLIB/m.arc when ARC_STDLIB is set, else the
 * copy of stdlib_arc/m.arc built into arc (the Makefile generates
 * stdlib.inc).  Module `linux` is made from the uapi_layout/ tables
 * (uapi_arc_module), never read from a file.  Each module is loaded once; an import of a module still
 * loading (an ancestor) is a cycle.  An import path ("dir/m": dir/m.arc
 * next to the importing file) names module m, its last element. */
static const struct { const char *name, *text; } stdlib_src[] = {
#include "stdlib.inc"
    {NULL, NULL},
};

static char *slurp(Front *fe, const char *path, size_t *len)
{
    char *t = read_file(path, len);
    if (!t)
        return NULL;
    char *r = fe_strdup(fe, t, *len);
    free(t);
    return r;
}

char *front_stdlib_source(const char *name, char **where, size_t *len)
{
    if (!strcmp(name, "linux")) {
        size_t n;
        *where = xstrdup("uapi_layout/linux.arc");
        return uapi_arc_module(len ? len : &n);
    }
    const char *env = getenv("ARC_STDLIB");
    size_t n = (env ? strlen(env) : 0) + strlen(name) + 16;
    *where = xmalloc(n);
    if (env && *env) {
        snprintf(*where, n, "%s/%s.arc", env, name);
        char *t = read_file(*where, len);
        if (t)
            return t;
    } else {
        snprintf(*where, n, "stdlib_arc/%s.arc", name);
        for (int i = 0; stdlib_src[i].name; i++)
            if (!strcmp(stdlib_src[i].name, name)) {
                if (len)
                    *len = strlen(stdlib_src[i].text);
                return xstrdup(stdlib_src[i].text);
            }
    }
    free(*where);
    *where = NULL;
    return NULL;
}

/* The source of module name imported from a file at path (*len bytes);
 * *where is the path diagnostics show. */
static char *module_text(Front *fe, const char *name, const char *from, const char **where, size_t *len,
                         char *looked, size_t nlooked)
{
    const char *slash = strrchr(from, '/');
    int dirlen = slash ? (int)(slash - from + 1) : 0;
    size_t n = (size_t)dirlen + strlen(name) + 5;
    char *path = fe_alloc(fe, n);
    snprintf(path, n, "%.*s%s.arc", dirlen, from, name);
    char *t = slurp(fe, path, len);
    if (t) {
        *where = path;
        return t;
    }
    const char *env = getenv("ARC_STDLIB");
    if (env && *env)
        snprintf(looked, nlooked, "%s and %s/%s.arc", path, env, name);
    else
        snprintf(looked, nlooked, "%s and the standard library", path);
    char *w, *st = front_stdlib_source(name, &w, len);
    if (!st)
        return NULL;
    *where = fe_strdup(fe, w, strlen(w));
    t = fe_strdup(fe, st, *len);
    free(w);
    free(st);
    return t;
}

static void load_imports(Front *fe, SrcFile *f);

/* A UTF-8 byte-order mark starts no token: it is skipped.  A NUL byte
 * inside the text is an error at its position, and a space to the lexer
 * (f->text becomes a copy). */
static void source_bytes(Front *fe, SrcFile *f)
{
    if (f->len >= 3 && !memcmp(f->text, "\xEF\xBB\xBF", 3)) {
        f->text += 3;
        f->len -= 3;
    }
    if (!memchr(f->text, 0, f->len))
        return;
    char *t = fe_strdup(fe, f->text, f->len);
    f->text = fe->text = t;   /* fe_error shows lines of the copy */
    int line = 1;
    const char *bol = t;
    for (size_t i = 0; i < f->len; i++)
        if (t[i] == '\n') {
            line++;
            bol = t + i + 1;
        } else if (!t[i]) {
            t[i] = ' ';
            fe_error(fe, line, (int)(t + i - bol) + 1, "NUL byte in the source");
        }
}

/* Lex and parse f into fe->prog, then load what it imports. */
static void parse_file(Front *fe, SrcFile *f)
{
    SrcFile *old = fe_enter(fe, f);
    int before = fe->nerrors;
    source_bytes(fe, f);
    fe_enter(fe, f);
    fe->toks = NULL;
    fe->ntoks = fe->captoks = 0;
    FE_PUSH(fe, fe->files, fe->nfiles, fe->capfiles, f);
    f->state = 1;
    lex(fe);
    if (fe->nerrors == before)
        parse(fe);
    if (fe->nerrors == before)
        load_imports(fe, f);
    f->state = 2;
    fe_enter(fe, old);
}

/* The module an import path names: its last element ("geom" for
 * "mod/geom"). */
const char *fe_module_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int module_name_ok(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/* Load module name (imported at line:col of the current file); quiet:
 * a missing module is no error. */
static SrcFile *load_module(Front *fe, const char *ipath, int line, int col, int quiet)
{
    const char *name = fe_module_name(ipath);
    for (int i = 0; i < fe->nfiles; i++) {
        SrcFile *g = fe->files[i];
        if (!g->mod || strcmp(g->mod, name))
            continue;
        if (g->state == 1) {
            char chain[512] = "";
            size_t used = 0;
            for (int j = i; j < fe->nfiles && used < sizeof chain; j++)
                if (fe->files[j]->state == 1)
                    used += (size_t)snprintf(chain + used, sizeof chain - used, "%s -> ",
                                             fe->files[j]->mod);
            fe_error(fe, line, col, "import cycle: %s%s", chain, name);
        }
        return g;
    }
    if (!module_name_ok(name)) {
        fe_error(fe, line, col, "bad module name '%s' (a letter, then letters, digits or _)", name);
        return NULL;
    }
    const char *where = NULL;
    char looked[1024];
    size_t len = 0;
    char *text = module_text(fe, ipath, fe->file->path, &where, &len, looked, sizeof looked);
    if (!text) {
        if (!quiet)
            fe_error(fe, line, col, "no module '%s' (looked in %s)", ipath, looked);
        return NULL;
    }
    SrcFile *f = fe_alloc(fe, sizeof *f);
    f->mod = fe_strdup(fe, name, strlen(name));
    f->path = where;
    f->text = text;
    f->len = len;
    parse_file(fe, f);
    return f;
}

static void load_imports(Front *fe, SrcFile *f)
{
    for (int i = 0; i < f->nimports; i++)
        load_module(fe, f->imports[i], f->iline[i], f->icol[i], 0);
}

/* The C layer (stdlib_arc/libc.arc, `namespace c`) defines printf,
 * malloc, ... in Arc under their C names.  It joins a program that
 * declares one of them in an extern c block (and does not import it):
 * it is loaded, and dropped again when no such declaration exists. */
static void add_c_layer(Front *fe)
{
    for (int i = 0; i < fe->nfiles; i++)
        if (fe->files[i]->mod && !strcmp(fe->files[i]->mod, "libc"))
            return;
    Program *g = &fe->prog;
    int nf = g->nfuncs, ns = g->nstructs, ne = g->nenums, nc = g->nconsts, nfiles = fe->nfiles;
    int need = 0;
    for (int i = 0; i < nf; i++)
        need |= !g->funcs[i]->body && !g->funcs[i]->owner;
    if (!need)
        return;
    SrcFile *old = fe->file;
    fe->file = fe->files[0];
    SrcFile *lib = load_module(fe, "libc", 1, 1, 1);
    fe->file = old;
    need = 0;
    for (int i = 0; lib && i < nf; i++) {
        FuncDecl *d = g->funcs[i];
        if (d->body || d->owner)
            continue;
        for (int j = nf; j < g->nfuncs; j++)
            need |= g->funcs[j]->file == lib && g->funcs[j]->body && !strcmp(g->funcs[j]->cname, d->cname);
    }
    if (!need) {
        g->nfuncs = nf;
        g->nstructs = ns;
        g->nenums = ne;
        g->nconsts = nc;
        fe->nfiles = nfiles;
    }
}

Module *front_compile_to(const char *path, const char *text, size_t len, int *nerrors, FILE *err)
{
    Front fe = {.path = path, .text = text, .err = err};
    Module *m = NULL;
    SrcFile *mf = fe_alloc(&fe, sizeof *mf);
    mf->path = path;
    mf->text = text;
    mf->len = len;
    parse_file(&fe, mf);
    if (!fe.nerrors)
        add_c_layer(&fe);
    fe_enter(&fe, mf);
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

Module *front_compile(const char *path, const char *text, size_t len, int *nerrors)
{
    return front_compile_to(path, text, len, nerrors, stderr);
}
