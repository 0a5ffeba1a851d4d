/* functab.h: the function table for symbolised crash reports.
 *
 * Needs: an executable from the link step's first pass.  Produces: the
 * list of its functions (FUNC symbols of nonzero size in .symtab, read by
 * a small ELF64 reader: no libelf) and an ELF object holding them as the
 * .arc_functab section, which linker/arc.ld keeps (and strip leaves, as it
 * is allocated) and gen/rt/signal.c's reporter reads:
 *
 *   u32 base                      the first entry's address
 *   entries, sorted by address:
 *     u16 delta                   its address minus the previous entry's
 *                                 (minus base for the first)
 *     u8 shared                   bytes of the previous entry's name it
 *                                 starts with, then the rest of its name,
 *                                 NUL-terminated; or FTAB_MORE and no name:
 *                                 the previous entry goes on (a delta
 *                                 beyond 0xffff takes such steps)
 *
 * An entry covers the addresses up to the next entry's (a function's
 * alignment padding counts as its own).  An entry with an empty name
 * covers addresses of no listed function (a function left out: the
 * reporter's own); the last entry is one, at the end of the functions.
 * Names are cut to FTAB_NAME_MAX bytes.  A program with the reporter
 * carries this for every function, so it is small: 3 bytes, and of the
 * name what the previous one does not share ("libc._fput" after
 * "libc._fflush_locked" is 7, "put").
 *
 * Every value is absolute: the object has no relocations, so it keeps no
 * section alive through --gc-sections.  Addresses fit in 32 bits: arc.ld
 * links at 0x400000 (functab_write_object dies on one that does not). */
#ifndef ARC_FUNCTAB_H
#define ARC_FUNCTAB_H

#include "gen/util.h"

/* The layout's numbers, for both sides: functab_write_object here and the
 * reporter's lookup (gen/rt/signal.c). */
enum {
    FTAB_BASE = 0,         /* u32 base */
    FTAB_HEAD = 4,         /* the first entry */
    FTAB_DELTA_MAX = 0xffff, /* u16 delta */
    FTAB_MORE = 255,       /* shared: no name, the previous entry goes on */
    FTAB_NAME_MAX = 254,   /* a name's bytes at most (shared < FTAB_MORE) */
};

typedef struct FuncSym {
    uint64_t addr, size;
    char *name;
} FuncSym;

typedef struct FuncList {
    FuncSym *v;
    int n, cap;
} FuncList;

/* Read the functions of the ELF64 executable at path, sorted by address
 * (then size, then name).  Returns 0, or -1 after printing one error line. */
int functab_read(const char *path, FuncList *out);
/* Is there a function called name? */
int functab_has(const FuncList *l, const char *name);
/* Are the two lists the same functions at the same addresses?  If not,
 * *why points at the first that differs in a (or NULL when only b has
 * more). */
int functab_equal(const FuncList *a, const FuncList *b, const FuncSym **why);
/* Write the table object for l, without skip, to path (atomically).  0,
 * or -1 after a message. */
int functab_write_object(const FuncList *l, const char *const *skip, const char *path);
/* Remove the functions named in names (NULL-terminated) from l. */
void functab_drop(FuncList *l, const char *const *names);
void functab_free(FuncList *l);

#endif
