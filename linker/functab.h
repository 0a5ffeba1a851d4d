/* functab.h: the function table for symbolised crash reports.
 *
 * Needs: an executable from the link step's first pass.  Produces: the
 * list of its functions (FUNC symbols of nonzero size in .symtab, read by
 * a small ELF64 reader: no libelf) and an ELF object holding them as the
 * .arc_functab section, which linker/arc.ld keeps (and strip leaves, as it
 * is allocated) and gen/rt/signal.c's reporter reads:
 *
 *   u32 count
 *   count x { u32 addr; u32 size; u32 name }   sorted by addr;
 *                                              name: offset from the start
 *   the names, NUL-terminated
 *
 * Every value is absolute: the object has no relocations, so it keeps no
 * section alive through --gc-sections.  Addresses fit in 32 bits: arc.ld
 * links at 0x400000 (functab_write_object dies on one that does not). */
#ifndef ARC_FUNCTAB_H
#define ARC_FUNCTAB_H

#include "gen/util.h"

/* The table's layout, for both sides: functab_write_object here and the
 * reporter's lookup (gen/rt/signal.c). */
enum {
    FTAB_COUNT = 0,        /* u32 count */
    FTAB_HEAD = 4,         /* the first entry */
    FTAB_ENTRY = 12,       /* bytes per entry: */
    FTAB_ADDR = 0,         /*   u32 addr */
    FTAB_SIZE = 4,         /*   u32 size */
    FTAB_NAME = 8,         /*   u32 name: offset from the table's start */
};
_Static_assert(FTAB_NAME + 4 == FTAB_ENTRY, "an entry is addr, size, name");

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
void functab_free(FuncList *l);

#endif
