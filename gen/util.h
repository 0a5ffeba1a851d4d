/* util.h: the few helpers every phase shares.
 *
 * Two error channels (STYLE.md): user errors are reported by the phase that
 * finds them (file:line:col: error: ...) and exit 1; internal bugs go through
 * die(), which names the source line and aborts.  Allocation never fails
 * silently: xmalloc and friends die on exhaustion. */
#ifndef ARC_UTIL_H
#define ARC_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define die(...) die_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void die_at(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A user-facing fatal error: "arc: error: <msg>" on stderr, exit status 1. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Grow *p (an array of *cap elements of size esize) so that it holds at
 * least need elements.  Doubling, so appends are amortised O(1). */
void grow(void *p, int *cap, int need, size_t esize);

#define countof(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A growable byte buffer: machine code, section contents, strings. */
typedef struct Buf {
    uint8_t *p;
    size_t len, cap;
} Buf;

void buf_put(Buf *b, const void *src, size_t n);
void buf_u8(Buf *b, uint8_t v);
void buf_u16(Buf *b, uint16_t v);   /* little endian, like every put below */
void buf_u32(Buf *b, uint32_t v);
void buf_u64(Buf *b, uint64_t v);
void buf_zero(Buf *b, size_t n);
void buf_align(Buf *b, size_t align);  /* pad with zero bytes */
void buf_free(Buf *b);
void put_u32(uint8_t *at, uint32_t v);  /* patch in place */
void put_u64(uint8_t *at, uint64_t v);

/* A map from strings to ints (open addressing).  Its memory comes from
 * alloc(ctx, n), which returns zeroed memory that outlives the map (an
 * arena); keys are not copied. */
typedef struct Map {
    const char **keys;
    int *vals;
    int cap, n;
} Map;
typedef void *(*MapAlloc)(void *ctx, size_t n);
int map_get(const Map *mp, const char *key);   /* -1: absent; mp may be NULL */
void map_put(Map **mpp, const char *key, int val, MapAlloc alloc, void *ctx);

/* Write len bytes to path atomically: a temporary file next to it, then
 * rename(2), so a failure never leaves a partial file under the final name.
 * mode is the permission of the new file (0644, 0755).  Returns 0, or -1
 * with a message already printed. */
int write_file_atomic(const char *path, const void *data, size_t len, unsigned mode);

/* Read a whole file; NUL-terminates the result (not counted in *len).
 * Returns NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);

#endif
