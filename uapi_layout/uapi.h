/* uapi.h: the kernel ABI (x86-64) as the generators see it.
 *
 * Needs: structs.def and consts.def, the two tables.  Produces:
 *   - compile-time constants for every table row (below), so a generator
 *     never writes a bare offset, size, flag or syscall number;
 *   - the same tables as arrays for `arc layout` and the crash reporter;
 *   - a little-endian serializer that fills a kernel struct by field name.
 * tests/unit/test_layout.c checks every row against the installed
 * <linux/...> and <asm/...> headers; if the two disagree, the headers win.
 *
 * Names (s = struct row, f = field row, as spelled in structs.def):
 *   USIZE(s)          sizeof the struct             USIZE(sigaction) == 32
 *   UOFF(s, f)        offset of a field             UOFF(sigaction, flags) == 8
 *   UFSIZE(s, f)      size of a field               UFSIZE(sigaction, mask) == 8
 *   UPUT(buf, s, f, v) store v into the field of the struct at buf
 *   UGET(buf, s, f)   load the field (zero-extended to 64 bits)
 *   SYS_<name>        syscall number                SYS_rt_sigaction == 13
 *   K_<NAME>          any other constant            K_SA_SIGINFO == 4
 * All are enum constants (one anonymous enum per row, so a 64-bit value
 * like K_CLONE_INTO_CGROUP does not widen its neighbours). */
#ifndef ARC_UAPI_H
#define ARC_UAPI_H

#include <stdint.h>
#include <stdio.h>

/* USIZE_<s>, UOFF_<s>__<f>, UFSIZE_<s>__<f>. */
#define STRUCT(name, size, htype) enum { USIZE_##name = (size) };
#define FIELD(name, field, off, size, hmember) \
    enum { UOFF_##name##__##field = (off), UFSIZE_##name##__##field = (size) };
#include "structs.def"
#undef STRUCT
#undef FIELD

#define USIZE(s) USIZE_##s
#define UOFF(s, f) UOFF_##s##__##f
#define UFSIZE(s, f) UFSIZE_##s##__##f

/* SYS_<name>, K_<NAME>. */
#define SYS(name, nr) enum { SYS_##name = (nr) };
#define CONST(group, name, value) enum { K_##name = (value) };
#define NOUAPI(group, name, value, why) enum { K_##name = (value) };
#include "consts.def"
#undef SYS
#undef CONST
#undef NOUAPI

/* The tables at run time.  Field arrays follow the table order. */
typedef struct UapiField {
    const char *name;
    uint32_t off, size;
} UapiField;

typedef struct UapiStruct {
    const char *name;
    uint32_t size;
    const UapiField *fields;
    int nfields;
} UapiStruct;

/* name is the row's name without our prefix: "write" for SYS_write (group
 * "syscall"), "SA_SIGINFO" for K_SA_SIGINFO.  why is NULL unless the value
 * is missing from the UAPI headers (a NOUAPI row). */
typedef struct UapiConst {
    const char *group;
    const char *name;
    int64_t value;
    const char *why;
} UapiConst;

extern const UapiStruct uapi_structs[];
extern const int uapi_nstructs;
extern const UapiConst uapi_consts[];
extern const int uapi_nconsts;

/* The struct row called name ("sigaction"), or NULL. */
const UapiStruct *uapi_struct(const char *name);
/* The field row of s called name, or NULL. */
const UapiField *uapi_field(const UapiStruct *s, const char *name);
/* The first constant of group with value v ("segv_code", 1 -> "SEGV_MAPERR"),
 * or NULL.  Aliases come later in their group, so this is the canonical
 * name. */
const char *uapi_const_name(const char *group, int64_t v);
/* "ENOENT" for 2 (also accepts -2, as syscalls return it), or NULL. */
const char *uapi_errno_name(int e);
/* "SIGSEGV" for 11, or NULL. */
const char *uapi_signal_name(int sig);

/* Store the low size bytes of value at obj + off, little endian.  size is
 * 1, 2, 4 or 8; anything else (an array or nested struct field) dies. */
void uapi_put(uint8_t *obj, uint32_t off, uint32_t size, uint64_t value);
/* Load size bytes at obj + off, little endian, zero-extended. */
uint64_t uapi_get(const uint8_t *obj, uint32_t off, uint32_t size);

/* Pasting directly (not through UOFF) keeps a field named like a macro,
 * such as siginfo's errno, from being expanded. */
#define UPUT(buf, s, f, v) \
    uapi_put((buf), UOFF_##s##__##f, UFSIZE_##s##__##f, (uint64_t)(v))
#define UGET(buf, s, f) uapi_get((buf), UOFF_##s##__##f, UFSIZE_##s##__##f)

/* `arc layout`: every struct (field, offset, size), then the constants by
 * group.  Returns 0, or -1 if writing to f failed. */
int uapi_print(FILE *f);

/* The Arc module `linux` (import "linux"): every constant as
 * `const NAME: int64` (system calls as SYS_<name>), every struct's size
 * and field offsets as SIZEOF_<s> and OFF_<s>_<f>, and errname(e), so the
 * stdlib never writes a bare kernel number either.  Returns malloc'd
 * text, *len bytes. */
char *uapi_arc_module(size_t *len);

#endif
