/* main.c: the arc driver.  Each command is a list of phase calls. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/util.h"
#include "image/runtime.h"
#include "linker/link.h"
#include "uapi_layout/uapi.h"

static const char usage_text[] =
    "usage: arc <command> [options]\n"
    "commands:\n"
    "  runtime -o FILE            write the runtime image (an ELF object)\n"
    "  header [-o FILE]           write the C header of the runtime's C ABI\n"
    "  build [--emit=ir|asm|obj] [--no-crash-report] PROG.ir [OBJ...] -o OUT\n"
    "                             compile IR to a static executable on the runtime\n"
    "  link [-s] [--no-crash-report] -o OUT OBJ...\n"
    "                             link objects onto the runtime into a static\n"
    "                             executable (linker/arc.ld, ld --gc-sections);\n"
    "                             -s keeps only what the kernel maps (no symbols,\n"
    "                             no section headers); --no-crash-report leaves\n"
    "                             the crash reporter out\n"
    "  layout                     print the kernel ABI tables\n"
    "  help                       this text\n";

/* Options shared by the commands: -o FILE, -s, --no-crash-report (link's
 * LINK_* flags) and positional inputs.  Anything else starting with '-'
 * is an error. */
typedef struct {
    const char *out;
    int strip;
    int link_flags;
    const char **inputs;
    int ninputs;
} Args;

static int parse_args(const char *cmd, int argc, char **argv, Args *a)
{
    a->out = NULL;
    a->strip = 0;
    a->link_flags = 0;
    a->inputs = xcalloc((size_t)argc + 1, sizeof *a->inputs);
    a->ninputs = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-o")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "arc %s: error: -o needs a file name\n", cmd);
                return -1;
            }
            a->out = argv[++i];
        } else if (!strcmp(argv[i], "-s") && !strcmp(cmd, "link")) {
            a->strip = 1;
        } else if (!strcmp(argv[i], "--no-crash-report") && !strcmp(cmd, "link")) {
            a->link_flags |= LINK_NO_CRASH_REPORT;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "arc %s: error: unknown option '%s'\n", cmd, argv[i]);
            return -1;
        } else {
            a->inputs[a->ninputs++] = argv[i];
        }
    }
    return 0;
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
        rc = write_file_atomic(a->out, text, len, 0644) ? 1 : 0;
    else
        fwrite(text, 1, len, stdout);
    free(text);
    return rc;
}

/* arc link: the program's objects plus a freshly generated runtime image
 * (a temporary file removed afterwards). */
static int cmd_link(Args *a)
{
    if (!a->out || !a->ninputs) {
        fputs("arc link: error: usage: arc link [-s] [--no-crash-report] -o OUT OBJ...\n", stderr);
        return 2;
    }
    for (int i = 0; i < a->ninputs; i++) {
        if (access(a->inputs[i], R_OK) < 0) {
            fprintf(stderr, "arc link: error: cannot read %s: %s\n", a->inputs[i], strerror(errno));
            return 1;
        }
    }
    const char *tmpdir = getenv("TMPDIR");
    char rtpath[4096];
    snprintf(rtpath, sizeof rtpath, "%s/arc-rt-%ld.o", tmpdir && *tmpdir ? tmpdir : "/tmp", (long)getpid());
    if (runtime_write(rtpath))
        return 1;
    const char **objs = xcalloc((size_t)a->ninputs + 1, sizeof *objs);
    for (int i = 0; i < a->ninputs; i++)
        objs[i] = a->inputs[i];
    objs[a->ninputs] = rtpath;
    int rc = link_exe(a->out, objs, a->ninputs + 1, a->link_flags);
    unlink(rtpath);
    free(objs);
    if (rc == 0 && a->strip)
        rc = link_strip_all(a->out);
    return rc;
}

static int cmd_layout(Args *a)
{
    if (a->out || a->ninputs) {
        fputs("arc layout: error: usage: arc layout\n", stderr);
        return 2;
    }
    uapi_print(stdout);
    return 0;
}

int cmd_build(int argc, char **argv);   /* gen/build.c: its own options */

/* A command takes the shared options (run) or parses its own (raw). */
static const struct {
    const char *name;
    int (*run)(Args *);
    int (*raw)(int argc, char **argv);
} commands[] = {
    {"runtime", cmd_runtime, NULL},
    {"header", cmd_header, NULL},
    {"build", NULL, cmd_build},
    {"link", cmd_link, NULL},
    {"layout", cmd_layout, NULL},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage_text, stdout);
        return 0;
    }
    for (int i = 0; i < countof(commands); i++) {
        if (strcmp(argv[1], commands[i].name))
            continue;
        if (commands[i].raw)
            return commands[i].raw(argc - 2, argv + 2);
        Args a;
        int rc = parse_args(argv[1], argc - 2, argv + 2, &a);
        if (rc == 0)
            rc = commands[i].run(&a);
        else
            rc = 2;
        free(a.inputs);
        return rc;
    }
    fprintf(stderr, "arc: error: unknown command '%s' (try 'arc help')\n", argv[1]);
    return 2;
}
