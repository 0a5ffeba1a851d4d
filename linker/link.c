/* link.c: run the system ld with arc.ld.  See link.h.
 *
 * Two passes when the program carries the crash reporter:
 *   1. ld over the objects (and the runtime image) into a temporary file;
 *   2. if that executable defines arc_rt_crash, its functions (.symtab),
 *      but the reporter's own, become a table object (linker/functab.c)
 *      and ld runs again over the objects plus that object, and, when
 *      pass 1 kept the scheduler (arc_rt_init), with the reporter's part
 *      for it (sched_hook).  The table is built after --gc-sections, from
 *      what survived, and refers to nothing, so it keeps nothing alive.
 *      .arc_functab lies after .text and .rodata and the scheduler part's
 *      functions after every other (arc.ld), so the functions do not
 *      move; that is checked, symbol by symbol.
 * A program without the reporter is linked once and carries no table.
 * ld's messages are collected: undefined symbols become arc's own lines
 * (link.h), anything else is passed through. */
#define _POSIX_C_SOURCE 200809L
#include "linker/link.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/util.h"
#include "image/runtime.h"
#include "linker/functab.h"
static const char link_script[] =
#include "arc_ld.inc"
    ;

/* The function whose presence asks for a function table. */
static const char reporter_fn[] = "arc_rt_crash";
/* The reporter's own functions (gen/rt/signal.c) stay out of the table:
 * no report shows a frame of the reporter (a fault inside it ends the
 * report with a note and the address), and every program would pay for
 * their names. */
static const char *const reporter_fns[] = {
    reporter_fn, "arc_rt_sigaction_all", "arc_rt_sigreturn", "arc_rt_signal_start",
    "arc_rt_signal_init", "arc_rt_altstack_init", NULL,
};
/* The reporter's .arc_init entry (gen/rt/signal.c).  Why a -u and not a
 * reference from _start: the runtime image stays one object for every
 * program, the opt-out is a link option (nothing to regenerate), and a
 * program that never asks for the hook (--no-crash-report) carries no
 * byte of the reporter: the hook's section is not KEEP, so
 * --gc-sections drops it with everything only it refers to. */
static const char reporter_hook[] = "arc_rt_signal_hook";
/* The reporter's part for the scheduler (gen/rt/signal.c:
 * arc_rt_sched_context), which pass 2 asks for when pass 1 kept the
 * scheduler: only a program with both carries it.  Its functions are
 * late (arc.ld: .arc_late_text), after every function of pass 1. */
static const char sched_hook[] = "arc_rt_sched_context_hook";
static const char sched_fn[] = "arc_rt_init";
static const char *const late_fns[] = {"arc_rt_sched_context", "arc_rt_sched_context_start", NULL};

/* Is the linker named by path LLVM's lld?  It needs --no-rosegment to put
 * read-only data in the text segment, as GNU ld does with
 * -z noseparate-code. */
static int is_lld(const char *ld)
{
    const char *base = strrchr(ld, '/');
    base = base ? base + 1 : ld;
    return strstr(base, "lld") != NULL;
}

/* What one ld run links: objects, then extra (the function table, or
 * NULL), then the libraries in one group. */
typedef struct {
    const char *ld, *script;
    const char *const *objs;
    int nobjs;
    const char *const *libs;
    int nlibs;
    int crash_report;      /* ld -u reporter_hook */
    int sched_report;      /* ld -u sched_hook (pass 2) */
    const char *tab;       /* where pass 2 writes the function table */
} LdJob;

/* ld [flags] [-u hook] -T script -o out objs... [extra] --start-group libs
 * --end-group: its exit status; its standard error is appended to err. */
static int run_ld(const LdJob *j, const char *out, const char *extra, Buf *err)
{
    char **argv = xcalloc((size_t)j->nobjs + (size_t)j->nlibs + 24, sizeof *argv);
    int argc = 0;
    argv[argc++] = (char *)j->ld;
    argv[argc++] = "-static";
    argv[argc++] = "-nostdlib";
    argv[argc++] = "--gc-sections";
    argv[argc++] = "--build-id=none";
    argv[argc++] = "-z";
    argv[argc++] = "noexecstack";
    argv[argc++] = "-z";
    argv[argc++] = "norelro";
    if (is_lld(j->ld)) {
        argv[argc++] = "--no-rosegment";
    } else {
        argv[argc++] = "-z";
        argv[argc++] = "noseparate-code";
        argv[argc++] = "--no-warn-rwx-segments";
    }
    if (j->crash_report) {
        argv[argc++] = "-u";
        argv[argc++] = (char *)reporter_hook;
    }
    if (j->sched_report) {
        argv[argc++] = "-u";
        argv[argc++] = (char *)sched_hook;
    }
    argv[argc++] = "-T";
    argv[argc++] = (char *)j->script;
    argv[argc++] = "-o";
    argv[argc++] = (char *)out;
    for (int i = 0; i < j->nobjs; i++)
        argv[argc++] = (char *)j->objs[i];
    if (extra)
        argv[argc++] = (char *)extra;
    if (j->nlibs) {
        argv[argc++] = "--start-group";
        for (int i = 0; i < j->nlibs; i++)
            argv[argc++] = (char *)j->libs[i];
        argv[argc++] = "--end-group";
    }
    argv[argc] = NULL;
    int rc = run_program(argv, NULL, err);
    free(argv);
    return rc;
}

/* Pass 2, when tmpout (pass 1) has the reporter: link again with the
 * table and check that no function moved.  0, or 1 after a message. */
static int add_functab(const LdJob *pass1, const char *tmpout)
{
    FuncList before, after;
    if (functab_read(tmpout, &before))
        return 1;
    if (!functab_has(&before, reporter_fn)) {
        functab_free(&before);
        return 0;
    }
    int rc = 1;
    LdJob pass2 = *pass1;
    const LdJob *j = &pass2;
    pass2.sched_report = functab_has(&before, sched_fn);
    const char *tab = j->tab;
    Buf err = {0};
    if (!functab_write_object(&before, reporter_fns, tab)) {
        int st = run_ld(j, tmpout, tab, &err);
        if (err.len)
            fwrite(err.p, 1, err.len, stderr);
        if (st != 0) {
            fprintf(stderr, "arc: error: linking with the function table failed "
                            "(%s exited with status %d)\n", j->ld, st);
        } else if (!functab_read(tmpout, &after)) {
            functab_drop(&after, late_fns);
            const FuncSym *moved;
            if (!functab_equal(&before, &after, &moved))
                die("the function table moved functions (%s at 0x%llx in the first pass): "
                    ".arc_functab must come after .text and .rodata in arc.ld",
                    moved ? moved->name : "(extra symbols)",
                    moved ? (unsigned long long)moved->addr : 0ull);
            functab_free(&after);
            rc = 0;
        }
    }
    buf_free(&err);
    functab_free(&before);
    return rc;
}

/* The symbols ld's messages call undefined, in order, each once:
 * GNU ld's "undefined reference to `f'" and lld's "undefined symbol: f". */
static int undefined_syms(const char *text, char ***out)
{
    static const struct { const char *intro, *end; } forms[] = {
        {"undefined reference to `", "'"},
        {"undefined symbol: ", "\n"},
    };
    char **v = NULL;
    int n = 0, cap = 0;
    for (const char *line = text; *line;) {
        const char *eol = strchr(line, '\n');
        size_t linelen = eol ? (size_t)(eol - line) : strlen(line);
        for (int f = 0; f < countof(forms); f++) {
            const char *p = strstr(line, forms[f].intro);
            if (!p || p >= line + linelen)
                continue;
            p += strlen(forms[f].intro);
            size_t len = strcspn(p, forms[f].end);
            if (p + len > line + linelen)
                len = (size_t)(line + linelen - p);
            int seen = 0;
            for (int i = 0; i < n && !seen; i++)
                seen = strlen(v[i]) == len && !strncmp(v[i], p, len);
            if (!seen) {
                grow(&v, &cap, n + 1, sizeof *v);
                v[n] = xmalloc(len + 1);
                memcpy(v[n], p, len);
                v[n++][len] = 0;
            }
        }
        line += linelen + (eol != NULL);
    }
    *out = v;
    return n;
}

/* Report ld's failure: one line per undefined symbol when that is what
 * it says (at the symbol's Arc call site when known), else its messages
 * and one line. */
static void report_ld_failure(const char *out, const char *ld, int st, Buf *err,
                              const LinkSite *sites, int nsites)
{
    buf_u8(err, 0);
    char **undef;
    int n = undefined_syms((const char *)err->p, &undef);
    for (int i = 0; i < n; i++) {
        const LinkSite *site = NULL;
        for (int k = 0; k < nsites && !site; k++)
            if (!strcmp(sites[k].sym, undef[i]))
                site = &sites[k];
        if (site)
            fprintf(stderr, "%s:%d: error: undefined symbol '%s' (an extern c function that "
                            "neither stdlib_arc nor the objects and libraries given define)\n",
                    site->file, site->line, undef[i]);
        else
            fprintf(stderr, "arc: error: undefined symbol '%s' (used by the objects or "
                            "libraries given, defined by none of them)\n", undef[i]);
        free(undef[i]);
    }
    free(undef);
    if (n == 0) {
        fputs((const char *)err->p, stderr);
        fprintf(stderr, "arc: error: linking %s failed (%s exited with status %d)\n", out, ld, st);
    }
}

/* The file -l name stands for; NULL after one error line. */
static const char *find_lib(const char *name, const LinkOpts *o)
{
    if (!strcmp(name, "c")) {
        if (!o->clayer)
            die("-l c without the C layer's archive");
        return o->clayer;
    }
    Buf dirs = {0};
    for (int i = 0; i < o->nlibdirs; i++) {
        size_t n = strlen(o->libdirs[i]) + strlen(name) + 8;
        char *path = xmalloc(n);
        snprintf(path, n, "%s/lib%s.a", o->libdirs[i], name);
        if (access(path, R_OK) == 0) {
            buf_free(&dirs);
            return path;   /* lives as long as the process: a few bytes per -l */
        }
        free(path);
        if (i)
            buf_put(&dirs, ", ", 2);
        buf_put(&dirs, o->libdirs[i], strlen(o->libdirs[i]));
    }
    buf_u8(&dirs, 0);
    if (o->nlibdirs)
        fprintf(stderr, "arc: error: cannot find library -l%s: no lib%s.a in %s\n", name, name,
                (const char *)dirs.p);
    else
        fprintf(stderr, "arc: error: cannot find library -l%s: no -L directory given to look "
                        "for lib%s.a in\n", name, name);
    buf_free(&dirs);
    return NULL;
}

int link_onto_runtime(const char *out, const char *const *objs, int nobjs, const LinkOpts *o,
                      const LinkSite *sites, int nsites)
{
    const char **libs = xcalloc((size_t)o->nlibs + 1, sizeof *libs);
    const char **all = xcalloc((size_t)nobjs + 2, sizeof *all);
    /* Every temporary lives in one directory under fixed names: ld puts
     * the runtime object's name into the executable (a FILE symbol), so
     * a random name there would make the same source give other bytes. */
    static const char *const names[] = {"arc_rt.o", "arc.ld", "a.out", "functab.o"};
    enum { RT, SCRIPT, EXE, TAB, NTEMP };
    char *dir = NULL, *path[NTEMP] = {0};
    int rc = 1;
    for (int i = 0; i < o->nlibs; i++)
        if (!(libs[i] = find_lib(o->libs[i], o)))
            goto done;
    if (!(dir = temp_dir("link")))
        goto done;
    for (int i = 0; i < NTEMP; i++) {
        size_t n = strlen(dir) + strlen(names[i]) + 2;
        path[i] = xmalloc(n);
        snprintf(path[i], n, "%s/%s", dir, names[i]);
    }
    if (runtime_write(path[RT]) ||
        write_output(path[SCRIPT], link_script, strlen(link_script), 0644))
        goto done;
    for (int i = 0; i < nobjs; i++)
        all[i] = objs[i];
    all[nobjs] = path[RT];
    const char *ld = getenv("ARC_LD");
    LdJob j = {ld && *ld ? ld : "ld", path[SCRIPT], all, nobjs + 1, libs, o->nlibs,
               !o->no_crash_report, 0, path[TAB]};
    Buf err = {0};
    int st = run_ld(&j, path[EXE], NULL, &err);
    if (st != 0) {
        report_ld_failure(out, j.ld, st, &err, sites, nsites);
    } else {
        if (err.len)
            fwrite(err.p, 1, err.len, stderr);
        if (add_functab(&j, path[EXE]) == 0) {
            size_t len;
            char *img = read_file(path[EXE], &len);
            if (!img)
                fprintf(stderr, "arc: error: cannot read %s: %s\n", path[EXE], strerror(errno));
            else if (o->strip && !(len = link_strip(img, len)))
                fprintf(stderr, "arc: error: %s is not an ELF64 executable arc can strip\n", out);
            else
                rc = write_output(out, img, len, 0755) ? 1 : 0;
            free(img);
        }
    }
    buf_free(&err);
done:
    for (int i = 0; i < NTEMP; i++) {
        if (path[i])
            unlink(path[i]);
        free(path[i]);
    }
    if (dir)
        rmdir(dir);
    free(dir);
    for (int i = 0; i < o->nlibs; i++)
        if (libs[i] && libs[i] != o->clayer)
            free((char *)libs[i]);
    free(libs);
    free(all);
    return rc;
}

size_t link_strip(char *img, size_t len)
{
    Elf64_Ehdr eh;
    if (len < sizeof eh || memcmp(img, ELFMAG, SELFMAG) || img[EI_CLASS] != ELFCLASS64)
        return 0;
    memcpy(&eh, img, sizeof eh);
    if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phoff > len ||
        (len - eh.e_phoff) / sizeof(Elf64_Phdr) < eh.e_phnum)
        return 0;
    uint64_t end = eh.e_phoff + (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr);
    for (int i = 0; i < eh.e_phnum; i++) {
        Elf64_Phdr ph;
        memcpy(&ph, img + eh.e_phoff + (size_t)i * sizeof ph, sizeof ph);
        if (ph.p_type != PT_LOAD)
            continue;
        if (ph.p_offset > len || ph.p_filesz > len - ph.p_offset)
            return 0;
        if (ph.p_offset + ph.p_filesz > end)
            end = ph.p_offset + ph.p_filesz;
    }
    eh.e_shoff = 0;
    eh.e_shnum = 0;
    eh.e_shstrndx = SHN_UNDEF;
    memcpy(img, &eh, sizeof eh);
    return (size_t)end;
}

/* One archive member header: name, zero date/owner, mode, size. */
static void ar_header(Buf *b, const char *name, const char *mode, size_t size)
{
    char h[128];
    if (snprintf(h, sizeof h, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name, "0", "0", "0", mode, size) != 60)
        die("archive member header for %s is not 60 bytes", name);
    buf_put(b, h, 60);
}

/* The archive:
 *   "!<arch>\n"
 *   header "/"  symbol index: u32be count, count x u32be offset of the
 *               member that defines the symbol, the names NUL-terminated
 *   header name/ the object
 * each member padded to an even size with '\n'. */
int link_write_archive(const char *path, const char *name, const void *obj, size_t len,
                       const char *const *syms, int nsyms)
{
    Buf index = {0}, b = {0};
    size_t names = 0;
    for (int i = 0; i < nsyms; i++)
        names += strlen(syms[i]) + 1;
    size_t isize = 4 + 4 * (size_t)nsyms + names;
    uint32_t member = (uint32_t)(8 + 60 + isize + (isize & 1));
    uint8_t be[4];
    for (int i = 0; i <= nsyms; i++) {
        uint32_t v = i == 0 ? (uint32_t)nsyms : member;
        for (int k = 0; k < 4; k++)
            be[k] = (uint8_t)(v >> (24 - 8 * k));
        buf_put(&index, be, 4);
    }
    for (int i = 0; i < nsyms; i++)
        buf_put(&index, syms[i], strlen(syms[i]) + 1);
    buf_put(&b, "!<arch>\n", 8);
    ar_header(&b, "/", "0", index.len);
    buf_put(&b, index.p, index.len);
    if (index.len & 1)
        buf_u8(&b, '\n');
    char mname[18];
    snprintf(mname, sizeof mname, "%.15s/", name);
    ar_header(&b, mname, "644", len);
    buf_put(&b, obj, len);
    if (len & 1)
        buf_u8(&b, '\n');
    int rc = write_output(path, b.p, b.len, 0644);
    buf_free(&index);
    buf_free(&b);
    return rc;
}
