/* obj.h: the object-file side of the code generator.
 *
 * image/elf.h and gen/ir.h both define SYM_FUNC (an ELF symbol type and an
 * IR symbol kind), so no file includes both: the code generator and the
 * driver reach the ELF writer, the runtime image and the link step through
 * these few functions (obj.c, the only file here that includes elf.h). */
#ifndef ARC_X64_OBJ_H
#define ARC_X64_OBJ_H

#include "gen/enc.h"

typedef struct Elf Elf;
typedef enum { XO_TEXT, XO_RODATA, XO_DATA, XO_BSS } XoKind;

Elf *xo_new(void);
void xo_free(Elf *e);
int xo_write(Elf *e, const char *path);              /* 0 or -1 (message printed) */
int xo_symbol(Elf *e, const char *name);
int xo_section(Elf *e, const char *name, XoKind kind, uint32_t align);
uint64_t xo_append(Elf *e, int sec, const void *p, size_t n);  /* p NULL: zeros */
uint64_t xo_size(const Elf *e, int sec);
void xo_reloc_abs64(Elf *e, int sec, uint64_t off, int sym, int64_t addend);
void xo_define_object(Elf *e, int sym, int sec, uint64_t size, int global);
void xo_add_function(Elf *e, const char *secname, int sym, int global, const Asm *a);
/* Link obj and extra objects onto a fresh runtime image into out;
 * flags as link_exe's (linker/link.h: LINK_NO_CRASH_REPORT). */
int xo_link(const char *out, const char *obj, const char *const *extra, int nextra, int flags);

#endif
