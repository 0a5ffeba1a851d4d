/* util.h: the few helpers every phase shares: allocation, byte buffers,
 * files (reading, writing arc's outputs, temporaries), child processes.
 *
 * Two error channels (STYLE.md): user errors are reported by the phase that
 * finds them (file:line:col: error: ...) and exit 1; internal bugs go through
 * die(), which names the source line and aborts.  Allocation never fails
 * silently: xmalloc and friends die on exhaustion. */
#ifndef ARC_UTIL_H
#define ARC_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define die(...) die_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void die_at(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A user-facing fatal error: "arc: error: <msg>" on stderr, exit status 1. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
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

/* Write len bytes to the output path (arc's -o).  A symlink is followed
 * (its target is written, the link stays); an existing non-regular file (a
 * device, a FIFO) is opened and written in place; a directory is refused;
 * anything else is written atomically: a temporary file next to it, then
 * rename(2), so a failure never leaves a partial file under the final name.
 * mode is the permission of a new file (0644, 0755).  Returns 0, or -1
 * with a message already printed. */
int write_output(const char *path, const void *data, size_t len, unsigned mode);

/* A new empty file $TMPDIR/arc-<what>-XXXXXX (mkstemp; /tmp without
 * TMPDIR): its malloc'd path, or NULL after a message.  Every temporary
 * file arc makes comes from here. */
char *temp_file(const char *what);

/* A new empty directory $TMPDIR/arc-<what>-XXXXXX (mkdtemp): its malloc'd
 * path, or NULL after a message.  For a temporary file whose name must
 * not vary (ld records an object's name in the executable). */
char *temp_dir(const char *what);

/* Do paths a and b name the same file (st_dev and st_ino, symlinks
 * followed)?  0 when either does not exist. */
int same_file(const char *a, const char *b);

/* Run argv[0] (PATH searched) and wait for it.  out and err, when not
 * NULL, collect its standard output / error (otherwise it shares arc's).
 * SIGINT and SIGQUIT are ignored by arc while it waits (the child gets
 * them, so arc outlives it and can clean up).  A tool whose output arc
 * reads (out or err given) runs with LC_ALL=C: its messages are parsed.
 * Returns the exit status, 128+n after a death by signal n, 127 when it
 * cannot be started (after a message), or -1 after a message when fork
 * fails. */
int run_program(char *const argv[], Buf *out, Buf *err);

/* Read a whole file; NUL-terminates the result (not counted in *len).
 * Returns NULL with errno set on failure (EISDIR for a directory). */
char *read_file(const char *path, size_t *len);

/* User errors (the Arc front end and the IR reader share them): one call
 * per error counts it in *nerrors and, for the first MAX_ERRORS, prints
 *     path:line:col: error: message
 *     the source line
 *         ^ under the column (tabs kept, so the caret lines up)
 * on err (line 0: "path: error: message", about the whole file, with no
 * source line); the error after those prints "path: error: too many errors,
 * stopping" once, and later ones are only counted.  A reader may stop as
 * soon as *nerrors > MAX_ERRORS. */
enum { MAX_ERRORS = 50 };
void diag_error(FILE *err, const char *path, const char *src, int line, int col, int *nerrors,
                const char *fmt, va_list ap);

#endif
