/* build.c: `arc build`, IR text to a static executable.
 *
 *   arc build [--emit=ir|asm|obj] prog.ir [extra.o ...] -o OUT
 *
 * The passes, in order:
 *   ir_read           text -> Module (file:line:col: error: ..., exit 1)
 *   ir_verify         the IR's invariants (exit 1 on user IR)
 *   rt_lower_module   spawn/await/yield -> runtime calls and thunks
 *   ir_verify         again: a failure now is an internal error
 *   x64_emit_module   liveness, register allocation, isel, per function
 *   elf_write         the object (.o), one section per function
 *   runtime_write + link_exe   onto the runtime image, with any extra
 *                     objects given (e.g. gcc-compiled freestanding code)
 * --emit stops early: ir prints the lowered IR, obj writes the object,
 * asm writes `objdump -d --no-show-raw-insn -r` of it. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/front/front.h"
#include "gen/ir.h"
#include "gen/x64/x64.h"

int cmd_build(int argc, char **argv);

static const char build_usage[] =
    "usage: arc build [--emit=ir|asm|obj] prog.ir [extra.o ...] -o OUT\n";

static void tmp_path(char *buf, size_t n, const char *what)
{
    const char *tmpdir = getenv("TMPDIR");
    snprintf(buf, n, "%s/arc-%s-%ld.o", tmpdir && *tmpdir ? tmpdir : "/tmp", what, (long)getpid());
}

/* objdump's listing, with the temporary object's name replaced by the
 * source's, so the listing is the same from run to run. */
static int write_asm(const char *obj, const char *src, const char *out)
{
    if (strchr(obj, '\'') || strchr(src, '\'') || strchr(src, '|') || (out && strchr(out, '\''))) {
        fputs("arc build: error: file names with quotes are not supported for --emit=asm\n", stderr);
        return 1;
    }
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "objdump -d --no-show-raw-insn -r '%s' | sed 's|%s|%s|'%s%s%s", obj,
             obj, src, out ? " > '" : "", out ? out : "", out ? "'" : "");
    int rc = system(cmd);
    if (rc != 0) {
        fprintf(stderr, "arc build: error: objdump failed (status %d)\n", rc);
        return 1;
    }
    return 0;
}

int cmd_build(int argc, char **argv)
{
    const char *out = NULL, *emit = NULL, *src = NULL;
    const char **extra = xcalloc((size_t)argc + 2, sizeof *extra);
    int nextra = 0, rc = 1;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            out = argv[++i];
        } else if (!strncmp(argv[i], "--emit=", 7)) {
            emit = argv[i] + 7;
            if (strcmp(emit, "ir") && strcmp(emit, "asm") && strcmp(emit, "obj")) {
                fprintf(stderr, "arc build: error: unknown --emit '%s' (ir, asm, obj)\n", emit);
                free(extra);
                return 2;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "arc build: error: unknown option '%s'\n%s", argv[i], build_usage);
            free(extra);
            return 2;
        } else if (!src) {
            src = argv[i];
        } else {
            extra[nextra++] = argv[i];
        }
    }
    if (!src || (!out && (!emit || !strcmp(emit, "obj")))) {
        fputs(build_usage, stderr);
        free(extra);
        return 2;
    }
    size_t len;
    char *text = read_file(src, &len);
    if (!text) {
        fprintf(stderr, "arc build: error: cannot read %s: %s\n", src, strerror(errno));
        free(extra);
        return 1;
    }
    int nerr = 0;
    size_t srclen = strlen(src);
    int arc = srclen > 4 && !strcmp(src + srclen - 4, ".arc");
    Module *m = arc ? front_compile(src, text, len, &nerr) : ir_read(src, text, &nerr);
    free(text);
    if (!m || nerr || ir_verify(m, stderr)) {
        if (m)
            ir_free(m);
        free(extra);
        return 1;
    }
    rt_lower_module(m);
    if (ir_verify(m, stderr))
        die("the IR is invalid after rt_lower_module");

    if (emit && !strcmp(emit, "ir")) {
        FILE *f = out ? fopen(out, "w") : stdout;
        if (!f) {
            fprintf(stderr, "arc build: error: cannot write %s: %s\n", out, strerror(errno));
        } else {
            ir_print(f, m);
            rc = f != stdout ? (fclose(f) ? 1 : 0) : 0;
        }
        ir_free(m);
        free(extra);
        return rc;
    }

    Elf *e = xo_new();
    x64_emit_module(m, e);
    ir_free(m);
    if (emit && !strcmp(emit, "obj")) {
        rc = xo_write(e, out) ? 1 : 0;
    } else {
        char obj[4096];
        tmp_path(obj, sizeof obj, "build");
        if (xo_write(e, obj) == 0) {
            if (emit) {
                rc = write_asm(obj, src, out);
            } else {
                rc = xo_link(out, obj, extra, nextra);
            }
            unlink(obj);
        }
    }
    xo_free(e);
    free(extra);
    return rc;
}
