/* main.c: the arc driver.  The option table and the command table below
 * are the whole command line: parsing and `arc help` both read them, so
 * the help describes exactly what is accepted.  Each command is a list of
 * phase calls (the compiling ones in build.c).
 *
 * Output: files through write_output (gen/util.h); standard output is
 * flushed and checked at exit, so a failed write is an error (exit 1). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen/driver.h"
#include "gen/util.h"
#include "image/runtime.h"
#include "uapi_layout/uapi.h"

/* The commands, as bits: an option names the commands that accept it. */
enum {
    C_BUILD = 1 << 0, C_EXE = 1 << 1, C_RUN = 1 << 2, C_CHECK = 1 << 3, C_IR = 1 << 4,
    C_OBJ = 1 << 5, C_LINK = 1 << 6, C_RUNTIME = 1 << 7, C_HEADER = 1 << 8,
    C_LAYOUT = 1 << 9, C_HELP = 1 << 10,
};
#define C_LINKS (C_BUILD | C_EXE | C_RUN | C_LINK)   /* the commands that link */

typedef enum { O_FLAG, O_VALUE, O_LIST } OptKind;

/* One option.  A name ending in '=' takes its value joined (--emit=ir);
 * a two-character one takes it next (-o FILE) or joined (-oFILE).
 * O_FLAG sets an int to 1, O_VALUE a string, O_LIST appends to an array
 * (at field) and counts (at count). */
static const struct Opt {
    const char *name, *arg;
    OptKind kind;
    size_t field, count;
    int cmds;
    const char *help;
} opts[] = {
    {"-o", "FILE", O_VALUE, offsetof(Args, out), 0,
     C_BUILD | C_EXE | C_IR | C_OBJ | C_LINK | C_RUNTIME | C_HEADER,
     "write the output to FILE (also -oFILE): a regular file is replaced\n"
     "atomically, a symlink is followed, a device or FIFO is written in place;\n"
     "FILE must not be one of the inputs"},
    {"--emit=", "ir|asm|obj", O_VALUE, offsetof(Args, emit), 0, C_BUILD | C_EXE,
     "stop after a stage: the lowered IR, objdump's listing (both to standard\n"
     "output without -o), or the object (default SOURCE's base name + .o)"},
    {"-O", NULL, O_FLAG, offsetof(Args, opt_ir), 0, C_BUILD | C_EXE | C_RUN | C_IR | C_OBJ,
     "run the IR optimiser on IR input (.ir) too, as it always runs on Arc\n"
     "sources (IR input is otherwise compiled instruction by instruction)"},
    {"-s", NULL, O_FLAG, offsetof(Args, link.strip), 0, C_LINKS,
     "keep only what the kernel maps (no symbols, no section headers)"},
    {"--no-crash-report", NULL, O_FLAG, offsetof(Args, link.no_crash_report), 0, C_LINKS,
     "leave the crash reporter out: a fault kills the program silently (the\n"
     "smallest binaries)"},
    {"-L", "DIR", O_LIST, offsetof(Args, link.libdirs), offsetof(Args, link.nlibdirs), C_LINKS,
     "a directory for -l to search (repeatable, in order; also -LDIR)"},
    {"-l", "NAME", O_LIST, offsetof(Args, link.libs), offsetof(Args, link.nlibs), C_LINKS,
     "link the static library libNAME.a, the first in the -L directories\n"
     "(also -lNAME; the libraries form one group, so their order is free);\n"
     "-l c is arc's C layer (stdlib_arc/libc.arc: printf, malloc, ...), never\n"
     "a system libc"},
};

struct Cmd {
    const char *name;
    int bit;
    int (*run)(Args *);
    const char *usage, *help;
};
static int cmd_link(Args *a);
static int cmd_runtime(Args *a);
static int cmd_header(Args *a);
static int cmd_layout(Args *a);
static int cmd_help(Args *a);

static const struct Cmd cmds[] = {
    {"build", C_BUILD, cmd_build, "[options] SOURCE [OBJ.o|LIB.a ...]",
     "compile SOURCE (Arc: .arc or .ax; IR text: .ir) into a static executable\n"
     "on the runtime, linking the objects and archives given.  One source file\n"
     "per program: its other Arc files are modules it imports.  Default output:\n"
     "SOURCE's base name without its extension, in the current directory."},
    {"exe", C_EXE, cmd_build, "[options] SOURCE [OBJ.o|LIB.a ...]", "the same as build"},
    {"run", C_RUN, cmd_run, "[options] SOURCE [OBJ.o|LIB.a ...] [-- ARGS...]",
     "build into a temporary file, run it with ARGS, remove it; the exit status\n"
     "is the program's (128+n when signal n killed it)"},
    {"check", C_CHECK, cmd_check, "SOURCE",
     "the front end only (or the IR reader and verifier for .ir): print the\n"
     "diagnostics, exit 1 on an error; writes nothing"},
    {"ir", C_IR, cmd_ir, "[-o FILE] SOURCE",
     "the IR text after lowering (spawn/await/yield become runtime calls), to\n"
     "standard output or FILE"},
    {"obj", C_OBJ, cmd_obj, "[-o FILE] SOURCE",
     "the ELF object of SOURCE; default output: its base name + .o"},
    {"link", C_LINK, cmd_link, "[options] -o OUT OBJ.o|LIB.a...",
     "link objects (e.g. gcc -ffreestanding -nostdlib) onto the runtime into a\n"
     "static executable (linker/arc.ld, ld --gc-sections; ARC_LD=ld.lld for lld)"},
    {"runtime", C_RUNTIME, cmd_runtime, "-o FILE", "write the runtime image (an ELF object)"},
    {"header", C_HEADER, cmd_header, "[-o FILE]",
     "write the C header of the runtime's C ABI (standard output without -o)"},
    {"layout", C_LAYOUT, cmd_layout, "", "print the kernel ABI tables the generators use"},
    {"help", C_HELP, cmd_help, "[COMMAND]", "this text, or COMMAND's (also arc COMMAND --help)"},
    {NULL, 0, NULL, NULL, NULL},
};


/* Print text with each line indented by ind spaces. */
static void put_indented(const char *text, int ind)
{
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        printf("%*s%.*s\n", ind, "", (int)n, p);
        p += n + (p[n] == '\n');
    }
}

static void put_command(const struct Cmd *c)
{
    printf("  arc %s%s%s\n", c->name, *c->usage ? " " : "", c->usage);
    put_indented(c->help, 6);
}

static void put_options(int mask)
{
    for (int i = 0; i < countof(opts); i++) {
        if (!(opts[i].cmds & mask))
            continue;
        int two = opts[i].name[strlen(opts[i].name) - 1] != '=';
        printf("  %s%s%s\n", opts[i].name, opts[i].arg && two ? " " : "", opts[i].arg ? opts[i].arg : "");
        put_indented(opts[i].help, 6);
        if (mask == -1) {
            fputs("      (", stdout);
            const char *sep = "";
            for (int k = 0; cmds[k].name; k++)
                if (opts[i].cmds & cmds[k].bit) {
                    printf("%s%s", sep, cmds[k].name);
                    sep = ", ";
                }
            fputs(")\n", stdout);
        }
    }
}

/* Options shared by the commands: parse argv (after the command name)
 * into a.  Returns 0, 1 when --help was answered, -1 after an error. */
static int parse_args(const struct Cmd *c, int argc, char **argv, Args *a)
{
    memset(a, 0, sizeof *a);
    a->cmd = c->name;
    a->inputs = xcalloc((size_t)argc + 1, sizeof *a->inputs);
    a->link.libdirs = xcalloc((size_t)argc + 1, sizeof(char *));
    a->link.libs = xcalloc((size_t)argc + 1, sizeof(char *));
    int only_inputs = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if ((!strcmp(arg, "--help") || !strcmp(arg, "-h")) && !only_inputs) {
            printf("usage:\n");
            put_command(c);
            for (int k = 0; k < countof(opts); k++)
                if (opts[k].cmds & c->bit) {
                    printf("options:\n");
                    put_options(c->bit);
                    break;
                }
            return 1;
        }
        if (!strcmp(arg, "--") && c->bit == C_RUN) {
            a->runargs = argv + i + 1;
            a->nrunargs = argc - i - 1;
            break;
        }
        if (!strcmp(arg, "--") && !only_inputs) {
            only_inputs = 1;   /* what follows is no option */
            continue;
        }
        if (arg[0] != '-' || !arg[1] || only_inputs) {
            a->inputs[a->ninputs++] = arg;
            continue;
        }
        const struct Opt *o = NULL;
        const char *val = NULL;
        for (int k = 0; k < countof(opts) && !o; k++) {
            size_t n = strlen(opts[k].name);
            if (!(opts[k].cmds & c->bit) || strncmp(arg, opts[k].name, n))
                continue;
            if (opts[k].name[n - 1] == '=') {
                o = &opts[k], val = arg + n;
            } else if (!arg[n]) {
                o = &opts[k];
                if (opts[k].kind != O_FLAG) {
                    if (i + 1 >= argc) {
                        fprintf(stderr, "arc %s: error: %s needs an argument (%s %s)\n", c->name,
                                arg, arg, opts[k].arg);
                        return -1;
                    }
                    val = argv[++i];
                }
            } else if (opts[k].kind != O_FLAG && n == 2) {
                o = &opts[k], val = arg + 2;
            }
        }
        if (!o) {
            fprintf(stderr, "arc %s: error: unknown option '%s' (try 'arc %s --help')\n", c->name,
                    arg, c->name);
            return -1;
        }
        char *field = (char *)a + o->field;
        if (o->kind == O_FLAG) {
            *(int *)(void *)field = 1;
        } else if (o->kind == O_VALUE) {
            *(const char **)(void *)field = val;
        } else {
            int *count = (int *)(void *)((char *)a + o->count);
            (*(const char ***)(void *)field)[(*count)++] = val;
        }
    }
    return 0;
}

/* Every input must be a readable file: 1, or 0 after one error. */
static int inputs_ok(const Args *a)
{
    for (int i = 0; i < a->ninputs; i++) {
        struct stat st;
        const char *in = a->inputs[i];
        if (stat(in, &st) == 0 && S_ISDIR(st.st_mode)) {
            fprintf(stderr, "arc %s: error: %s is a directory\n", a->cmd, in);
            return 0;
        }
        if (access(in, R_OK) < 0) {
            fprintf(stderr, "arc %s: error: cannot read %s: %s\n", a->cmd, in, strerror(errno));
            return 0;
        }
    }
    return 1;
}

static int cmd_runtime(Args *a)
{
    if (!a->out || a->ninputs) {
        fputs("arc runtime: error: usage: arc runtime -o FILE\n", stderr);
        return 2;
    }
    return runtime_write(a->out) ? 1 : 0;
}

static int cmd_header(Args *a)
{
    if (a->ninputs) {
        fputs("arc header: error: usage: arc header [-o FILE]\n", stderr);
        return 2;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        die("open_memstream: %s", strerror(errno));
    runtime_print_header(f);
    fclose(f);
    int rc = 0;
    if (a->out)
        rc = write_output(a->out, text, len, 0644) ? 1 : 0;
    else
        fwrite(text, 1, len, stdout);
    free(text);
    return rc;
}

/* arc link: the objects onto a fresh runtime image. */
static int cmd_link(Args *a)
{
    if (!a->out || !a->ninputs) {
        fputs("arc link: error: usage: arc link [options] -o OUT OBJ...\n", stderr);
        return 2;
    }
    if (!output_ok(a, a->out))
        return 1;
    return build_link(a, a->out, a->inputs, a->ninputs, NULL, 0);
}

static int cmd_layout(Args *a)
{
    if (a->ninputs) {
        fputs("arc layout: error: usage: arc layout\n", stderr);
        return 2;
    }
    uapi_print(stdout);
    return 0;
}

static int cmd_help(Args *a)
{
    if (a->ninputs > 1) {
        fputs("arc help: error: usage: arc help [COMMAND]\n", stderr);
        return 2;
    }
    for (int i = 0; a->ninputs && cmds[i].name; i++)
        if (!strcmp(cmds[i].name, a->inputs[0])) {
            char *argv[] = {"--help", NULL};
            Args b;
            parse_args(&cmds[i], 1, argv, &b);
            free(b.inputs), free(b.link.libdirs), free(b.link.libs);
            return 0;
        }
    if (a->ninputs) {
        fprintf(stderr, "arc help: error: unknown command '%s'\n", a->inputs[0]);
        return 2;
    }
    printf("usage: arc COMMAND [options] ...   (arc COMMAND --help for one)\ncommands:\n");
    for (int i = 0; cmds[i].name; i++)
        put_command(&cmds[i]);
    printf("options (the commands that accept each):\n");
    put_options(-1);
    printf("Arc source files end in .arc or .ax.  Environment: ARC_LD (the linker),\n"
           "ARC_STDLIB (a directory replacing stdlib_arc), TMPDIR (temporary files).\n");
    return 0;
}

/* Standard output must have reached its file: a failed write is an error
 * (exit 1), as a full disk must not look like success. */
static int finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "arc: error: writing standard output: %s\n",
                errno ? strerror(errno) : "write error");
        return 1;
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: arc COMMAND [options] ...  (arc help lists the commands)\n", stderr);
        return 2;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h"))
        name = "help";
    for (int i = 0; cmds[i].name; i++) {
        if (strcmp(name, cmds[i].name))
            continue;
        Args a;
        int rc = parse_args(&cmds[i], argc - 2, argv + 2, &a);
        if (rc == 0)
            rc = cmds[i].bit != C_HELP && !inputs_ok(&a) ? 1 : cmds[i].run(&a);
        else
            rc = rc > 0 ? 0 : 2;
        free(a.inputs), free(a.link.libdirs), free(a.link.libs);
        return finish(rc);
    }
    fprintf(stderr, "arc: error: unknown command '%s' (try 'arc help')\n", argv[1]);
    return 2;
}
