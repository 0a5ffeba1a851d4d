/* build.c: the commands that compile one source file (see driver.h).
 *
 *   arc build|exe [--emit=ir|asm|obj] SOURCE [OBJ.o|LIB.a ...] [-o OUT]
 *   arc run SOURCE [OBJ.o|LIB.a ...] [-- ARGS...]
 *   arc check SOURCE        arc ir SOURCE [-o OUT]     arc obj SOURCE [-o OUT]
 *
 * The passes, in order:
 *   front_compile     Arc source (.arc, .ax) -> Module; or
 *   ir_read           IR text (.ir) -> Module (file:line:col: error: ...)
 *   ir_verify         the IR's invariants (exit 1 on user IR)
 *   (check stops here)
 *   opt_tailrec       self tail calls (with an accumulator) become loops
 *                     (these opt_ passes: Arc sources, and IR with -O: opt.c)
 *   opt_inline        small functions inlined
 *   opt_sroa          allocas only loaded and stored (tuples) made vregs
 *   opt_checks        bounds checks made earlier on the same path removed
 *   opt_merge         jumps threaded, jumps to single-entry blocks joined,
 *                     unreachable blocks dropped
 *   opt_cse           common subexpressions, copies propagated and folded,
 *                     integer constants folded, branches already decided
 *                     on the way (or on a constant) removed
 *   opt_merge         again: what that left straight-line is joined
 *   opt_dce           unread results of instructions without effects removed
 *   opt_layout        cold blocks (ending in unreachable) last, true-target chains
 *   ir_verify         after each: a failure now is an internal error
 *   rt_lower_module   spawn/await/yield -> runtime calls and thunks
 *   ir_verify         again: a failure now is an internal error
 *   (ir stops here: ir_print)
 *   x64_emit_module   liveness, register allocation, isel, per function
 *   elf_serialize     the object, one section per function
 *   (obj stops here; --emit=asm runs objdump -d on it)
 *   link_onto_runtime the object, the objects and archives given and -l's
 *                     libraries onto a fresh runtime image (linker/)
 * A program is one source file: a second one is an error (its other Arc
 * files are modules, found through import). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/driver.h"
#include "gen/front/front.h"
#include "gen/ir.h"
#include "gen/opt.h"
#include "gen/util.h"
#include "gen/x64/x64.h"

typedef enum { IN_ARC, IN_IR, IN_OBJ, IN_UNKNOWN } InputKind;

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && !strcmp(s + n - k, suffix);
}

static InputKind input_kind(const char *path)
{
    if (ends_with(path, ".arc") || ends_with(path, ".ax"))
        return IN_ARC;
    if (ends_with(path, ".ir"))
        return IN_IR;
    if (ends_with(path, ".o") || ends_with(path, ".a"))
        return IN_OBJ;
    return IN_UNKNOWN;
}

/* The source file among a's inputs, the rest (objects and archives) into
 * objs[1..]: objs[0] is left for the program's own object.  NULL after
 * one error (no source, two sources, an input of unknown kind, objects
 * where the command takes none). */
static const char *split_inputs(const Args *a, const char **objs, int *nobjs, int objs_ok)
{
    const char *src = NULL;
    *nobjs = 1;
    for (int i = 0; i < a->ninputs; i++) {
        const char *in = a->inputs[i];
        switch (input_kind(in)) {
        case IN_ARC:
        case IN_IR:
            if (src) {
                fprintf(stderr, "arc %s: error: %s: a program is one source file (%s); its other "
                                "Arc files are modules it imports\n", a->cmd, in, src);
                return NULL;
            }
            src = in;
            break;
        case IN_OBJ:
            if (!objs_ok) {
                fprintf(stderr, "arc %s: error: %s: this command takes one source file and no "
                                "objects\n", a->cmd, in);
                return NULL;
            }
            objs[(*nobjs)++] = in;
            break;
        case IN_UNKNOWN:
            fprintf(stderr, "arc %s: error: %s: unknown kind of input (Arc source .arc or .ax, "
                            "IR .ir, object .o, archive .a)\n", a->cmd, in);
            return NULL;
        }
    }
    if (!src)
        fprintf(stderr, "arc %s: error: no source file (.arc, .ax or .ir; try 'arc %s --help')\n",
                a->cmd, a->cmd);
    return src;
}

int output_ok(const Args *a, const char *out)
{
    for (int i = 0; i < a->ninputs; i++)
        if (same_file(out, a->inputs[i])) {
            fprintf(stderr, "arc %s: error: the output %s is the input %s; choose another -o\n",
                    a->cmd, out, a->inputs[i]);
            return 0;
        }
    return 1;
}

/* The default output: src's base name without its extension, plus ext,
 * in the current directory.  malloc'd. */
static char *default_output(const char *src, const char *ext)
{
    const char *base = strrchr(src, '/');
    base = base ? base + 1 : src;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *out = xmalloc(n + strlen(ext) + 1);
    memcpy(out, base, n);
    strcpy(out + n, ext);
    return out;
}

/* The passes after the front end, each followed by the verifier (a
 * failure is an internal error): the optimiser's when opt (Arc sources,
 * IR with -O: opt.c), inlining unless ARC_NO_INLINE is set, tail calls
 * made jumps unless ARC_NO_TAILREC is (tests compare with and without);
 * then rt_lower_module. */
static void passes(Module *m, int opt)
{
    static const struct {
        void (*run)(Module *);
        const char *name;
        int opt;
    } pass[] = {
        {opt_tailrec, "opt_tailrec", 3}, {opt_inline, "opt_inline", 2}, {opt_sroa, "opt_sroa", 1},
        {opt_checks, "opt_checks", 1},
        {opt_merge, "opt_merge", 1}, {opt_cse, "opt_cse", 1}, {opt_merge, "opt_merge", 1},
        {opt_dce, "opt_dce", 1},
        {opt_layout, "opt_layout", 1}, {rt_lower_module, "rt_lower_module", 0},
    };
    int inline_ok = !getenv("ARC_NO_INLINE"), tailrec_ok = !getenv("ARC_NO_TAILREC");
    for (size_t i = 0; i < sizeof pass / sizeof pass[0]; i++) {
        if (pass[i].opt && (!opt || (pass[i].opt == 2 && !inline_ok) ||
                            (pass[i].opt == 3 && !tailrec_ok)))
            continue;
        pass[i].run(m);
        if (ir_verify(m, stderr))
            die("the IR is invalid after %s", pass[i].name);
    }
}

/* src -> a verified Module (lowered unless front_only; optimised when
 * an Arc source, or when opt_ir); NULL after the diagnostics. */
static Module *compile(const char *src, int front_only, int opt_ir)
{
    size_t len;
    char *text = read_file(src, &len);
    if (!text) {
        fprintf(stderr, "arc: error: cannot read %s: %s\n", src, strerror(errno));
        return NULL;
    }
    int nerr = 0;
    Module *m = input_kind(src) == IN_ARC ? front_compile(src, text, len, &nerr)
                                          : ir_read(src, text, &nerr);
    free(text);
    if (!m || nerr || ir_verify(m, stderr)) {
        if (m)
            ir_free(m);
        return NULL;
    }
    if (!front_only)
        passes(m, input_kind(src) == IN_ARC || opt_ir);
    return m;
}

/* The object bytes of m (appended to b). */
static void object_bytes(Module *m, Buf *b)
{
    Elf *e = elf_new();
    x64_emit_module(m, e);
    elf_serialize(e, b);
    elf_free(e);
}

/* The first Arc call site of each function m declares but does not
 * define; the strings are copied (m may go). */
static LinkSite *call_sites(const Module *m, int *n)
{
    LinkSite *v = xcalloc((size_t)m->nsyms + 1, sizeof *v);
    *n = 0;
    for (int i = 0; i < m->nsyms; i++) {
        const Sym *s = &m->syms[i];
        if (s->kind != SYM_FUNCDEF && s->kind != SYM_DATA && s->callline)
            v[(*n)++] = (LinkSite){xstrdup(s->name), xstrdup(s->callfile), s->callline};
    }
    return v;
}

static void free_sites(LinkSite *v, int n)
{
    for (int i = 0; i < n; i++)
        free((char *)v[i].sym), free((char *)v[i].file);
    free(v);
}

/* Write text to out, or to standard output when out is NULL. */
static int put_output(const char *out, const void *text, size_t len)
{
    if (out)
        return write_output(out, text, len, 0644) ? 1 : 0;
    fwrite(text, 1, len, stdout);
    return 0;
}

/* objdump's listing of obj into out, with obj's (temporary) name replaced
 * by the source's, so the listing is the same from run to run.  0, or 1
 * after a message. */
static int asm_listing(const char *obj, const char *src, Buf *out)
{
    char *argv[] = {"objdump", "-d", "--no-show-raw-insn", "-r", (char *)obj, NULL};
    Buf text = {0};
    int rc = run_program(argv, &text, NULL);
    if (rc != 0) {
        fprintf(stderr, "arc build: error: objdump failed (status %d)\n", rc);
        buf_free(&text);
        return 1;
    }
    buf_u8(&text, 0);
    size_t olen = strlen(obj);
    for (const char *p = (const char *)text.p, *q; *p; p = q + olen) {
        q = strstr(p, obj);
        if (!q) {
            buf_put(out, p, strlen(p));
            break;
        }
        buf_put(out, p, (size_t)(q - p));
        buf_put(out, src, strlen(src));
    }
    buf_free(&text);
    return 0;
}

/* stdlib_arc/libc.arc compiled into a one-member archive (so that ld
 * takes it only for symbols nothing else defines: an Arc program that
 * declares printf already carries the C layer).  The archive's temporary
 * path, or NULL after the errors. */
static char *build_c_layer(void)
{
    size_t len;
    char *where, *text = front_stdlib_source("libc", &where, &len);
    if (!text) {
        fprintf(stderr, "arc: error: -l c: the standard library has no libc.arc%s\n",
                getenv("ARC_STDLIB") ? " (ARC_STDLIB is set)" : "");
        return NULL;
    }
    int nerr = 0;
    Module *m = front_compile(where, text, len, &nerr);
    free(text);
    free(where);
    if (!m || nerr)
        return NULL;
    const char **syms = xcalloc((size_t)m->nsyms + 1, sizeof *syms);
    int nsyms = 0;
    for (int i = 0; i < m->nsyms; i++)
        if ((m->syms[i].kind == SYM_FUNCDEF || m->syms[i].kind == SYM_DATA) &&
            (m->syms[i].linkage & L_EXPORT))
            syms[nsyms++] = m->syms[i].name;
    passes(m, 1);       /* optimised, as the same code compiled into an Arc program is */
    Buf obj = {0};
    object_bytes(m, &obj);
    char *path = temp_file("libc");
    if (path && link_write_archive(path, "libc.o", obj.p, obj.len, syms, nsyms)) {
        unlink(path);
        free(path);
        path = NULL;
    }
    buf_free(&obj);
    free(syms);
    ir_free(m);
    return path;
}

int build_link(const Args *a, const char *out, const char *const *objs, int nobjs,
               const LinkSite *sites, int nsites)
{
    LinkOpts o = a->link;
    for (int i = 0; i < o.nlibs && !o.clayer; i++)
        if (!strcmp(o.libs[i], "c") && !(o.clayer = build_c_layer()))
            return 1;
    int rc = link_onto_runtime(out, objs, nobjs, &o, sites, nsites);
    if (o.clayer) {
        unlink(o.clayer);
        free((char *)o.clayer);
    }
    return rc;
}

/* Does m define main? */
static int has_main(const Module *m)
{
    int i = ir_find_sym(m, "main");
    return i >= 0 && m->syms[i].kind == SYM_FUNCDEF;
}

/* Objects or libraries besides the source (objs[0]) and arc's C layer,
 * any of which might define main. */
static int other_inputs(const Args *a, int nobjs)
{
    for (int i = 0; i < a->link.nlibs; i++)
        if (strcmp(a->link.libs[i], "c"))
            return 1;
    return nobjs > 1;
}

/* Compile src into a temporary object (objs[0]) and link it with objs
 * into out.  Without other inputs, src must define main. */
static int compile_and_link(const Args *a, const char *src, const char **objs, int nobjs,
                            const char *out)
{
    Module *m = compile(src, 0, a->opt_ir);
    if (!m)
        return 1;
    if (!a->emit && !has_main(m) && !other_inputs(a, nobjs)) {
        /* nothing else could bring main: say so, not ld's undefined main */
        fprintf(stderr, "%s: error: no main function\n", src);
        ir_free(m);
        return 1;
    }
    Buf obj = {0};
    object_bytes(m, &obj);
    int nsites;
    LinkSite *sites = call_sites(m, &nsites);
    ir_free(m);
    int rc = 1;
    Buf listing = {0};
    /* dir/SOURCE.o: ld writes the object's name into the executable's
     * symbols, so it must not vary from build to build */
    char *dir = temp_dir("build"), *base = default_output(src, ".o"), *tmp = NULL;
    if (dir) {
        size_t n = strlen(dir) + strlen(base) + 2;
        tmp = xmalloc(n);
        snprintf(tmp, n, "%s/%s", dir, base);
    }
    if (tmp && !write_output(tmp, obj.p, obj.len, 0644)) {
        objs[0] = tmp;
        rc = a->emit ? asm_listing(tmp, src, &listing) : build_link(a, out, objs, nobjs, sites, nsites);
        unlink(tmp);
    }
    if (dir)
        rmdir(dir);
    if (a->emit && rc == 0)   /* after the clean-up: a closed pipe may end arc */
        rc = put_output(out, listing.p, listing.len);
    free(dir);
    free(base);
    free(tmp);
    free_sites(sites, nsites);
    buf_free(&obj);
    buf_free(&listing);
    return rc;
}

int cmd_build(Args *a)
{
    const char **objs = xcalloc((size_t)a->ninputs + 2, sizeof *objs);
    int nobjs, rc = 1;
    const char *emit = a->emit;
    if (emit && strcmp(emit, "ir") && strcmp(emit, "asm") && strcmp(emit, "obj")) {
        fprintf(stderr, "arc %s: error: unknown --emit '%s' (ir, asm, obj)\n", a->cmd, emit);
        free(objs);
        return 2;
    }
    const char *src = split_inputs(a, objs, &nobjs, !emit);
    char *def = NULL;
    const char *out = a->out;
    if (src && !out && (!emit || !strcmp(emit, "obj")))
        out = def = default_output(src, emit ? ".o" : "");
    if (!src || (out && !output_ok(a, out))) {
        free(objs);
        free(def);
        return src ? 1 : 2;
    }
    if (emit && strcmp(emit, "asm")) {
        Module *m = compile(src, 0, a->opt_ir);
        if (m) {
            char *text = NULL;
            size_t len = 0;
            if (!strcmp(emit, "ir")) {
                FILE *f = open_memstream(&text, &len);
                if (!f)
                    die("open_memstream: %s", strerror(errno));
                ir_print(f, m);
                fclose(f);
                rc = put_output(out, text, len);
                free(text);
            } else {
                Buf obj = {0};
                object_bytes(m, &obj);
                rc = write_output(out, obj.p, obj.len, 0644) ? 1 : 0;
                buf_free(&obj);
            }
            ir_free(m);
        }
    } else {
        rc = compile_and_link(a, src, objs, nobjs, out);
    }
    free(objs);
    free(def);
    return rc;
}

int cmd_ir(Args *a)
{
    a->emit = "ir";
    return cmd_build(a);
}

int cmd_obj(Args *a)
{
    a->emit = "obj";
    return cmd_build(a);
}

int cmd_check(Args *a)
{
    const char *objs[2];
    int nobjs;
    const char *src = a->ninputs == 1 ? split_inputs(a, objs, &nobjs, 0) : NULL;
    if (a->ninputs != 1) {
        fputs("arc check: error: usage: arc check SOURCE\n", stderr);
        return 2;
    }
    if (!src)
        return 1;
    Module *m = compile(src, 1, 0);
    if (!m)
        return 1;
    int rc = 0;
    if (!has_main(m)) {
        fprintf(stderr, "%s: error: no main function\n", src);
        rc = 1;
    }
    ir_free(m);
    return rc;
}

/* arc run: build into a temporary file, run it, remove it. */
int cmd_run(Args *a)
{
    const char **objs = xcalloc((size_t)a->ninputs + 2, sizeof *objs);
    int nobjs, rc = 1;
    const char *src = split_inputs(a, objs, &nobjs, 1);
    char *exe = src ? temp_file("run") : NULL;
    if (exe && compile_and_link(a, src, objs, nobjs, exe) == 0) {
        char **argv = xcalloc((size_t)a->nrunargs + 2, sizeof *argv);
        argv[0] = exe;
        for (int i = 0; i < a->nrunargs; i++)
            argv[i + 1] = a->runargs[i];
        fflush(stdout);
        rc = run_program(argv, NULL, NULL);
        if (rc < 0)
            rc = 1;
        free(argv);
    }
    if (exe)
        unlink(exe);
    free(exe);
    free(objs);
    return src ? rc : 2;
}
