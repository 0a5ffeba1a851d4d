/* link.c: run the system ld with arc.ld.  See link.h. */
#define _POSIX_C_SOURCE 200809L
#include "linker/link.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gen/util.h"

const char link_script[] =
#include "arc_ld.inc"
    ;

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

int link_exe(const char *out, const char *const *objs, int nobjs)
{
    const char *ld = getenv("ARC_LD");
    if (!ld || !*ld)
        ld = "ld";

    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    size_t n = strlen(tmpdir) + 32;
    char *script = xmalloc(n);
    snprintf(script, n, "%s/arc-ld-XXXXXX", tmpdir);
    int fd = mkstemp(script);
    if (fd < 0) {
        fprintf(stderr, "arc: error: cannot create a temporary file in %s: %s\n", tmpdir, strerror(errno));
        free(script);
        return 1;
    }
    size_t len = strlen(link_script);
    int ok = write(fd, link_script, len) == (ssize_t)len;
    close(fd);

    n = strlen(out) + 16;
    char *tmpout = xmalloc(n);
    snprintf(tmpout, n, "%s.ld-tmp", out);

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
    argv[argc++] = "-T";
    argv[argc++] = script;
    argv[argc++] = "-o";
    argv[argc++] = tmpout;
    for (int i = 0; i < nobjs; i++)
        argv[argc++] = (char *)objs[i];
    argv[argc] = NULL;

    int rc = ok ? run(argv) : -1;
    unlink(script);
    if (rc == 0 && rename(tmpout, out) < 0) {
        fprintf(stderr, "arc: error: cannot write %s: %s\n", out, strerror(errno));
        rc = 1;
    } else if (rc != 0) {
        fprintf(stderr, "arc: error: linking %s failed (%s exited with status %d)\n", out, ld, rc);
    }
    if (rc != 0)
        unlink(tmpout);
    free(argv);
    free(tmpout);
    free(script);
    return rc != 0;
}
