/* link.c: run the system ld with arc.ld.  See link.h.
 *
 * Two passes when the program carries the crash reporter:
 *   1. ld over the objects (and the runtime image) into a temporary file;
 *   2. if that executable defines arc_rt_crash, its functions (.symtab),
 *      but the reporter's own, become a table object (linker/functab.c)
 *      and ld runs again over the objects plus that object.  The table is
 *      built after --gc-sections, from what survived, and refers to
 *      nothing, so it keeps nothing alive.  .arc_functab lies after .text and .rodata (arc.ld), so the
 *      functions do not move; that is checked, symbol by symbol.
 * A program without the reporter is linked once and carries no table. */
#define _POSIX_C_SOURCE 200809L
#include "linker/link.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gen/util.h"
#include "linker/functab.h"

const char link_script[] =
#include "arc_ld.inc"
    ;

/* The function whose presence asks for a function table. */
static const char reporter_fn[] = "arc_rt_crash";
/* The reporter's own functions (gen/rt/signal.c) stay out of the table:
 * no report shows a frame of the reporter (a fault inside it ends the
 * report with a note and the address), and every program would pay for
 * their names. */
static const char *const reporter_fns[] = {
    reporter_fn, "arc_rt_sigaction_all", "arc_rt_sigreturn", "arc_rt_signal_init",
    "arc_rt_altstack_init", NULL,
};
/* The reporter's .arc_init entry (gen/rt/signal.c).  Why a -u and not a
 * reference from _start: the runtime image stays one object for every
 * program, the opt-out is a link option (nothing to regenerate), and a
 * program that never asks for the hook (--no-crash-report) carries no
 * byte of the reporter: the hook's section is not KEEP, so
 * --gc-sections drops it with everything only it refers to. */
static const char reporter_hook[] = "arc_rt_signal_hook";

/* Is the linker named by path LLVM's lld?  It needs --no-rosegment to put
 * read-only data in the text segment, as GNU ld does with
 * -z noseparate-code. */
static int is_lld(const char *ld)
{
    const char *base = strrchr(ld, '/');
    base = base ? base + 1 : ld;
    return strstr(base, "lld") != NULL;
}

static int run(char *const argv[])
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "arc: error: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* ld [flags] [-u hook] -T script -o out objs... [extra]: its exit
 * status. */
static int run_ld(const char *ld, const char *script, const char *out,
                  const char *const *objs, int nobjs, const char *extra, int flags)
{
    char **argv = xcalloc((size_t)nobjs + 24, sizeof *argv);
    int argc = 0;
    argv[argc++] = (char *)ld;
    argv[argc++] = "-static";
    argv[argc++] = "-nostdlib";
    argv[argc++] = "--gc-sections";
    argv[argc++] = "--build-id=none";
    argv[argc++] = "-z";
    argv[argc++] = "noexecstack";
    argv[argc++] = "-z";
    argv[argc++] = "norelro";
    if (is_lld(ld)) {
        argv[argc++] = "--no-rosegment";
    } else {
        argv[argc++] = "-z";
        argv[argc++] = "noseparate-code";
        argv[argc++] = "--no-warn-rwx-segments";
    }
    if (!(flags & LINK_NO_CRASH_REPORT)) {
        argv[argc++] = "-u";
        argv[argc++] = (char *)reporter_hook;
    }
    argv[argc++] = "-T";
    argv[argc++] = (char *)script;
    argv[argc++] = "-o";
    argv[argc++] = (char *)out;
    for (int i = 0; i < nobjs; i++)
        argv[argc++] = (char *)objs[i];
    if (extra)
        argv[argc++] = (char *)extra;
    argv[argc] = NULL;
    int rc = run(argv);
    free(argv);
    return rc;
}

/* A fresh temporary file name in $TMPDIR (the file exists, empty);
 * NULL after a message. */
static char *temp_file(const char *what)
{
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    size_t n = strlen(tmpdir) + strlen(what) + 16;
    char *path = xmalloc(n);
    snprintf(path, n, "%s/arc-%s-XXXXXX", tmpdir, what);
    int fd = mkstemp(path);
    if (fd < 0) {
        fprintf(stderr, "arc: error: cannot create a temporary file in %s: %s\n", tmpdir, strerror(errno));
        free(path);
        return NULL;
    }
    close(fd);
    return path;
}

/* Pass 2, when tmpout (pass 1) has the reporter: link again with the
 * table and check that no function moved.  0, or 1 after a message. */
static int add_functab(const char *ld, const char *script, const char *tmpout,
                       const char *const *objs, int nobjs, int flags)
{
    FuncList before, after;
    if (functab_read(tmpout, &before))
        return 1;
    if (!functab_has(&before, reporter_fn)) {
        functab_free(&before);
        return 0;
    }
    int rc = 1;
    char *tab = temp_file("functab");
    if (tab && !functab_write_object(&before, reporter_fns, tab)) {
        int st = run_ld(ld, script, tmpout, objs, nobjs, tab, flags);
        if (st != 0) {
            fprintf(stderr, "arc: error: linking %s with its function table failed "
                            "(%s exited with status %d)\n", tmpout, ld, st);
        } else if (!functab_read(tmpout, &after)) {
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
    if (tab) {
        unlink(tab);
        free(tab);
    }
    functab_free(&before);
    return rc;
}

int link_exe(const char *out, const char *const *objs, int nobjs, int flags)
{
    const char *ld = getenv("ARC_LD");
    if (!ld || !*ld)
        ld = "ld";

    char *script = temp_file("ld");
    if (!script)
        return 1;
    FILE *f = fopen(script, "w");
    int ok = f && fputs(link_script, f) >= 0;
    if (f && fclose(f) != 0)
        ok = 0;

    size_t n = strlen(out) + 16;
    char *tmpout = xmalloc(n);
    snprintf(tmpout, n, "%s.ld-tmp", out);

    int rc = ok ? run_ld(ld, script, tmpout, objs, nobjs, NULL, flags) : -1;
    if (rc != 0)
        fprintf(stderr, "arc: error: linking %s failed (%s exited with status %d)\n", out, ld, rc);
    else if (add_functab(ld, script, tmpout, objs, nobjs, flags))
        rc = 1;
    unlink(script);
    if (rc == 0 && rename(tmpout, out) < 0) {
        fprintf(stderr, "arc: error: cannot write %s: %s\n", out, strerror(errno));
        rc = 1;
    }
    if (rc != 0)
        unlink(tmpout);
    free(tmpout);
    free(script);
    return rc != 0;
}

int link_strip_all(const char *path)
{
    size_t len;
    char *img = read_file(path, &len);
    Elf64_Ehdr eh;
    if (!img) {
        fprintf(stderr, "arc: error: cannot read %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (len < sizeof eh || memcmp(img, ELFMAG, SELFMAG) || img[EI_CLASS] != ELFCLASS64)
        goto bad;
    memcpy(&eh, img, sizeof eh);
    if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phoff > len ||
        (len - eh.e_phoff) / sizeof(Elf64_Phdr) < eh.e_phnum)
        goto bad;
    uint64_t end = eh.e_phoff + (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr);
    for (int i = 0; i < eh.e_phnum; i++) {
        Elf64_Phdr ph;
        memcpy(&ph, img + eh.e_phoff + (size_t)i * sizeof ph, sizeof ph);
        if (ph.p_type != PT_LOAD)
            continue;
        if (ph.p_offset > len || ph.p_filesz > len - ph.p_offset)
            goto bad;
        if (ph.p_offset + ph.p_filesz > end)
            end = ph.p_offset + ph.p_filesz;
    }
    eh.e_shoff = 0;
    eh.e_shnum = 0;
    eh.e_shstrndx = SHN_UNDEF;
    memcpy(img, &eh, sizeof eh);
    int rc = write_file_atomic(path, img, (size_t)end, 0755) ? 1 : 0;
    free(img);
    return rc;
bad:
    fprintf(stderr, "arc: error: %s is not an ELF64 executable arc can strip\n", path);
    free(img);
    return 1;
}
