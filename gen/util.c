/* util.c: allocation, byte buffers, atomic file output.  See util.h. */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

void *xrealloc(void *p, size_t n)
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

int write_file_atomic(const char *path, const void *data, size_t len, unsigned mode)
{
    size_t n = strlen(path);
    char *tmp = xmalloc(n + 16);
    snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "arc: error: cannot write %s: %s\n", path, strerror(errno));
        free(tmp);
        return -1;
    }
    const uint8_t *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            goto fail;
        p += w;
        left -= (size_t)w;
    }
    if (fchmod(fd, (mode_t)mode) < 0)
        goto fail;
    int rc = close(fd);
    fd = -1;
    if (rc < 0)
        goto fail;
    if (rename(tmp, path) < 0)
        goto fail;
    free(tmp);
    return 0;
fail:
    fprintf(stderr, "arc: error: cannot write %s: %s\n", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    return -1;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    Buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        buf_free(&b);
        errno = EIO;
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
