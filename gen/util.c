/* util.c: allocation, byte buffers, output files, temporary files, child
 * processes.  See util.h. */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

void die_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "arc: internal error at %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

void fatal(const char *fmt, ...)
{
    va_list ap;
    fputs("arc: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory (%zu bytes)", n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die("out of memory (%zu x %zu bytes)", n, size);
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory (%zu bytes)", n);
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

void grow(void *p, int *cap, int need, size_t esize)
{
    void **pp = p;
    if (need <= *cap)
        return;
    int n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    *pp = xrealloc(*pp, (size_t)n * esize);
    *cap = n;
}

static void buf_reserve(Buf *b, size_t n)
{
    if (b->len + n <= b->cap)
        return;
    size_t c = b->cap ? b->cap : 64;
    while (c < b->len + n)
        c *= 2;
    b->p = xrealloc(b->p, c);
    b->cap = c;
}

void buf_put(Buf *b, const void *src, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->p + b->len, src, n);
    b->len += n;
}

void buf_u8(Buf *b, uint8_t v) { buf_put(b, &v, 1); }

void buf_u16(Buf *b, uint16_t v)
{
    uint8_t t[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    buf_put(b, t, 2);
}

void buf_u32(Buf *b, uint32_t v)
{
    uint8_t t[4];
    put_u32(t, v);
    buf_put(b, t, 4);
}

void buf_u64(Buf *b, uint64_t v)
{
    uint8_t t[8];
    put_u64(t, v);
    buf_put(b, t, 8);
}

void buf_zero(Buf *b, size_t n)
{
    buf_reserve(b, n);
    memset(b->p + b->len, 0, n);
    b->len += n;
}

void buf_align(Buf *b, size_t align)
{
    if (align > 1 && b->len % align)
        buf_zero(b, align - b->len % align);
}

void buf_free(Buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

void put_u32(uint8_t *at, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        at[i] = (uint8_t)(v >> (8 * i));
}

void put_u64(uint8_t *at, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        at[i] = (uint8_t)(v >> (8 * i));
}

/* The one maker of unique names: a <base><sep>XXXXXX file (mkstemp; the
 * open descriptor) or directory (mkdtemp; 0), *path malloc'd; -1 with
 * errno and *path NULL on failure. */
static int make_unique(const char *base, const char *sep, int dir, char **path)
{
    size_t n = strlen(base) + strlen(sep) + 7;
    *path = xmalloc(n);
    snprintf(*path, n, "%s%sXXXXXX", base, sep);
    int fd = dir ? (mkdtemp(*path) ? 0 : -1) : mkstemp(*path);
    if (fd < 0) {
        int err = errno;
        free(*path);
        *path = NULL;
        errno = err;
    }
    return fd;
}

static int write_all(int fd, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        if (w == 0) {
            errno = EIO;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* The name a write to path finally lands on: symlinks followed (a
 * dangling one names the file it would create).  malloc'd. */
static char *resolve_links(const char *path)
{
    char *p = xstrdup(path);
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        char target[4096];
        if (lstat(p, &st) < 0 || !S_ISLNK(st.st_mode))
            break;
        ssize_t n = readlink(p, target, sizeof target - 1);
        if (n < 0)
            break;
        target[n] = 0;
        const char *slash = strrchr(p, '/');
        size_t dir = target[0] == '/' || !slash ? 0 : (size_t)(slash - p + 1);
        char *next = xmalloc(dir + (size_t)n + 1);
        memcpy(next, p, dir);
        memcpy(next + dir, target, (size_t)n + 1);
        free(p);
        p = next;
    }
    return p;
}

/* A temporary file next to real, renamed onto it. */
static int write_atomic(const char *real, const void *data, size_t len, unsigned mode)
{
    char *tmp;
    int fd = make_unique(real, ".tmp", 0, &tmp);
    if (fd < 0)
        return -1;
    int rc = write_all(fd, data, len) < 0 || fchmod(fd, (mode_t)mode) < 0 ? -1 : 0;
    int err = errno;
    if (close(fd) < 0 && rc == 0) {
        rc = -1;
        err = errno;
    }
    if (rc == 0 && rename(tmp, real) < 0) {
        rc = -1;
        err = errno;
    }
    if (rc < 0)
        unlink(tmp);
    free(tmp);
    errno = err;
    return rc;
}

int write_output(const char *path, const void *data, size_t len, unsigned mode)
{
    struct stat st;
    int rc;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        rc = -1;
    } else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* opened through its name: /dev/stdout and /proc/self/fd/N work */
        int fd = open(path, O_WRONLY | O_NOCTTY);
        rc = fd < 0 ? -1 : write_all(fd, data, len);
        int err = errno;
        if (fd >= 0 && close(fd) < 0 && rc == 0)
            rc = -1;
        else
            errno = err;
    } else {
        char *real = resolve_links(path);
        rc = write_atomic(real, data, len, mode);
        free(real);
    }
    if (rc < 0)
        fprintf(stderr, "arc: error: cannot write %s: %s\n", path, strerror(errno));
    return rc;
}

/* $TMPDIR/arc-<what>-XXXXXX (a file, or a directory when dir): the open
 * descriptor (0 for a directory), *path set; -1 and *path NULL after a
 * message. */
static int temp_make(const char *what, int dir, char **path)
{
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    size_t n = strlen(tmpdir) + strlen(what) + 8;
    char *prefix = xmalloc(n);
    snprintf(prefix, n, "%s/arc-%s", tmpdir, what);
    int fd = make_unique(prefix, "-", dir, path);
    if (fd < 0)
        fprintf(stderr, "arc: error: cannot create a temporary %s in %s: %s\n",
                dir ? "directory" : "file", tmpdir, strerror(errno));
    free(prefix);
    return fd;
}

char *temp_dir(const char *what)
{
    char *path;
    temp_make(what, 1, &path);
    return path;
}

char *temp_file(const char *what)
{
    char *path;
    int fd = temp_make(what, 0, &path);
    if (fd >= 0)
        close(fd);
    return path;
}

int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Append what descriptor fd holds from its start to b. */
static void slurp_fd(int fd, Buf *b)
{
    char chunk[65536];
    ssize_t n;
    lseek(fd, 0, SEEK_SET);
    while ((n = read(fd, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            buf_put(b, chunk, (size_t)n);
}

int run_program(char *const argv[], Buf *out, Buf *err)
{
    Buf *capture[2] = {out, err};
    int fd[2] = {-1, -1};
    int rc = -1;
    for (int i = 0; i < 2; i++) {
        char *path;
        if (capture[i] && (fd[i] = temp_make("capture", 0, &path)) < 0)
            goto done;
        if (capture[i]) {
            unlink(path);   /* the descriptor keeps it until closed */
            free(path);
        }
    }
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "arc: error: cannot run %s: %s\n", argv[0], strerror(errno));
        goto done;
    }
    if (pid == 0) {
        for (int i = 0; i < 2; i++)
            if (fd[i] >= 0)
                dup2(fd[i], 1 + i);
        if (out || err)
            setenv("LC_ALL", "C", 1);
        execvp(argv[0], argv);
        fprintf(stderr, "arc: error: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    struct sigaction ign = {.sa_handler = SIG_IGN}, oldint, oldquit;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGINT, &ign, &oldint);
    sigaction(SIGQUIT, &ign, &oldquit);
    int st;
    while ((rc = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
        ;
    sigaction(SIGINT, &oldint, NULL);
    sigaction(SIGQUIT, &oldquit, NULL);
    if (rc < 0) {
        fprintf(stderr, "arc: error: waiting for %s: %s\n", argv[0], strerror(errno));
        goto done;
    }
    rc = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    for (int i = 0; i < 2; i++)
        if (fd[i] >= 0)
            slurp_fd(fd[i], capture[i]);
done:
    for (int i = 0; i < 2; i++)
        if (fd[i] >= 0)
            close(fd[i]);
    return rc;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    errno = 0;
    Buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (err) {
        buf_free(&b);
        errno = err;
        return NULL;
    }
    buf_u8(&b, 0);
    if (len)
        *len = b.len - 1;
    return (char *)b.p;
}

/* --- name maps: open addressing, string -> int --------------------------- */
static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int map_get(const Map *mp, const char *key)
{
    if (!mp || !mp->cap)
        return -1;
    for (uint32_t i = hash_name(key) & (uint32_t)(mp->cap - 1);; i = (i + 1) & (uint32_t)(mp->cap - 1)) {
        if (!mp->keys[i])
            return -1;
        if (!strcmp(mp->keys[i], key))
            return mp->vals[i];
    }
}

void map_put(Map **mpp, const char *key, int val, MapAlloc alloc, void *ctx)
{
    if (!*mpp)
        *mpp = alloc(ctx, sizeof(Map));
    Map *mp = *mpp;
    if (2 * (mp->n + 1) > mp->cap) {
        Map old = *mp;
        mp->cap = old.cap ? 2 * old.cap : 16;
        mp->keys = alloc(ctx, (size_t)mp->cap * sizeof *mp->keys);
        mp->vals = alloc(ctx, (size_t)mp->cap * sizeof *mp->vals);
        mp->n = 0;
        for (int i = 0; i < old.cap; i++)
            if (old.keys[i])
                map_put(mpp, old.keys[i], old.vals[i], alloc, ctx);
    }
    uint32_t i = hash_name(key) & (uint32_t)(mp->cap - 1);
    while (mp->keys[i] && strcmp(mp->keys[i], key))
        i = (i + 1) & (uint32_t)(mp->cap - 1);
    if (!mp->keys[i])
        mp->n++;
    mp->keys[i] = key;
    mp->vals[i] = val;
}

void diag_error(FILE *err, const char *path, const char *src, int line, int col, int *nerrors,
                const char *fmt, va_list ap)
{
    int n = ++*nerrors;
    if (n > MAX_ERRORS) {
        if (n == MAX_ERRORS + 1)
            fprintf(err, "%s: error: too many errors, stopping\n", path);
        return;
    }
    if (!line) {   /* about the whole file */
        fprintf(err, "%s: error: ", path);
        vfprintf(err, fmt, ap);
        fputc('\n', err);
        return;
    }
    fprintf(err, "%s:%d:%d: error: ", path, line, col);
    vfprintf(err, fmt, ap);
    fputc('\n', err);
    const char *s = src;
    for (int l = 1; l < line && *s; s++)
        if (*s == '\n')
            l++;
    const char *e = s;
    while (*e && *e != '\n')
        e++;
    fprintf(err, "%.*s\n", (int)(e - s), s);
    for (int c = 1; c < col && s + c - 1 < e; c++)
        fputc(s[c - 1] == '\t' ? '\t' : ' ', err);
    fputs("^\n", err);
}
