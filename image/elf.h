/* elf.h: the ELF64 relocatable object writer.
 *
 * Needs: util, and the Reloc kinds of gen/enc.h.  Produces: an ET_REL
 * x86-64 object file that readelf, objdump, GNU ld and ld.lld accept.
 *
 * A dumb serializer: the client adds sections, symbols and relocations in
 * any order; elf_write lays them out, puts local symbols before global ones
 * (sh_info of .symtab = first non-local) and writes the file (write_output).
 * Every object carries an empty .note.GNU-stack (a non-executable stack).
 * Output depends only on the calls made: no timestamps, no addresses.
 */
#ifndef ARC_ELF_H
#define ARC_ELF_H

#include "gen/enc.h"

typedef struct Elf Elf;

typedef enum { SEC_TEXT, SEC_RODATA, SEC_DATA, SEC_BSS } SecKind;
typedef enum { SYM_LOCAL, SYM_GLOBAL, SYM_WEAK } SymBind;
typedef enum { SYM_NOTYPE, SYM_FUNC, SYM_OBJECT, SYM_SECTION_ } SymType;

Elf *elf_new(void);
void elf_free(Elf *e);

/* A section.  name is the full ELF name (".text.arc_rt_start",
 * ".rodata", ".arc_functab"); kind sets type and flags:
 *   SEC_TEXT  PROGBITS AX   SEC_RODATA PROGBITS A
 *   SEC_DATA  PROGBITS WA   SEC_BSS    NOBITS   WA
 * Returns the section id (not the ELF index). */
int elf_section(Elf *e, const char *name, SecKind kind, uint32_t align);
/* Append bytes to a section; returns the offset they start at.
 * For SEC_BSS, data must be NULL (only the size grows); for other kinds,
 * data NULL appends n zero bytes (room for a field to relocate). */
uint64_t elf_append(Elf *e, int sec, const void *data, size_t n);
uint64_t elf_section_size(const Elf *e, int sec);
/* Change a section's alignment (a power of two, as for elf_section). */
void elf_section_set_align(Elf *e, int sec, uint32_t align);
/* Pad a section to a multiple of align with zeros (NOPs are not needed:
 * each function has its own section). */
void elf_section_align(Elf *e, int sec, uint32_t align);

/* Symbols.  elf_symbol returns the id of the symbol with that name,
 * creating an undefined one on first use; the same name always yields the
 * same id.  elf_define gives it a section, value, size, binding and type;
 * defining a name twice is an internal error. */
int elf_symbol(Elf *e, const char *name);
void elf_define(Elf *e, int sym, int sec, uint64_t value, uint64_t size,
                SymBind bind, SymType type);
int elf_symbol_defined(const Elf *e, int sym);
/* Change a defined symbol's size. */
void elf_set_size(Elf *e, int sym, uint64_t size);
/* Make an undefined symbol a weak reference: 0 when nothing defines it. */
void elf_weak_ref(Elf *e, int sym);
const char *elf_symbol_name(const Elf *e, int sym);

/* A relocation at off within sec against sym (R_X86_64_PC32, PLT32, 64,
 * 32S, 32 by kind), written into .rela<name>.  The field (4 or 8 bytes)
 * must already lie inside the section, the section must not be SEC_BSS, and
 * the addend must fit the field (int32; ABS32 up to UINT32_MAX); otherwise
 * die().  Relocations keep the order they were added in. */
void elf_reloc(Elf *e, int sec, uint64_t off, int sym, RelocKind kind, int64_t addend);

/* Add a finished Asm as the contents of a new text section (aligned to 16)
 * and define sym (FUNC, size = code length) at its start; the Asm's
 * relocations are added with their offsets.  An Asm with unbound label
 * references is an internal error.  Returns the section id. */
int elf_add_function(Elf *e, const char *secname, int sym, SymBind bind, const Asm *a);
/* The same with the section aligned to align bytes (elf_add_function: 16) */
int elf_add_function_aligned(Elf *e, const char *secname, int sym, SymBind bind, const Asm *a,
                             int align);

/* Serialise into b (appended; for tests and determinism checks) or to a
 * file (write_output, mode 0644; returns 0 or -1 with a message printed).
 * A defined symbol must lie inside its section (value + size <= size of
 * the section at this point); die() otherwise.  A SYM_SECTION_ symbol must
 * be local, at 0, of size 0, and is written nameless as STT_SECTION. */
void elf_serialize(Elf *e, Buf *b);
int elf_write(Elf *e, const char *path);

#endif
