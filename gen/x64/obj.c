/* obj.c: thin forwarding to image/elf.h, image/runtime.h and linker/link.h
 * (see obj.h for why). */
#define _POSIX_C_SOURCE 200809L
#include "gen/x64/obj.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "image/elf.h"
#include "image/runtime.h"
#include "linker/link.h"

Elf *xo_new(void) { return elf_new(); }
void xo_free(Elf *e) { elf_free(e); }
int xo_write(Elf *e, const char *path) { return elf_write(e, path); }
int xo_symbol(Elf *e, const char *name) { return elf_symbol(e, name); }

int xo_section(Elf *e, const char *name, XoKind kind, uint32_t align)
{
    static const SecKind k[] = {SEC_TEXT, SEC_RODATA, SEC_DATA, SEC_BSS};
    return elf_section(e, name, k[kind], align);
}

uint64_t xo_append(Elf *e, int sec, const void *p, size_t n) { return elf_append(e, sec, p, n); }
uint64_t xo_size(const Elf *e, int sec) { return elf_section_size(e, sec); }

void xo_reloc_abs64(Elf *e, int sec, uint64_t off, int sym, int64_t addend)
{
    elf_reloc(e, sec, off, sym, RELOC_ABS64, addend);
}

void xo_define_object(Elf *e, int sym, int sec, uint64_t size, int global)
{
    elf_define(e, sym, sec, 0, size, global ? SYM_GLOBAL : SYM_LOCAL, SYM_OBJECT);
}

void xo_add_function(Elf *e, const char *secname, int sym, int global, const Asm *a)
{
    elf_add_function(e, secname, sym, global ? SYM_GLOBAL : SYM_LOCAL, a);
}

int xo_link(const char *out, const char *obj, const char *const *extra, int nextra, int flags)
{
    const char *tmpdir = getenv("TMPDIR");
    char rt[4096];
    snprintf(rt, sizeof rt, "%s/arc-build-rt-%ld.o", tmpdir && *tmpdir ? tmpdir : "/tmp", (long)getpid());
    if (runtime_write(rt))
        return 1;
    const char **objs = calloc((size_t)nextra + 2, sizeof *objs);
    if (!objs) {
        unlink(rt);
        return 1;
    }
    int n = 0;
    objs[n++] = obj;
    for (int i = 0; i < nextra; i++)
        objs[n++] = extra[i];
    objs[n++] = rt;
    int rc = link_exe(out, objs, n, flags);
    free(objs);
    unlink(rt);
    return rc;
}
