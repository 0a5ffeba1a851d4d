/* rt.c: helpers shared by the runtime generators.  See rt.h. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "gen/rt/rt.h"

static char *secname(const char *prefix, const char *name)
{
    size_t n = strlen(prefix) + strlen(name) + 1;
    char *s = xmalloc(n);
    snprintf(s, n, "%s%s", prefix, name);
    return s;
}

void rt_begin(Rt *rt, RtFn *fn, const char *name, SymBind bind)
{
    enc_init(&fn->a);
    fn->sym = elf_symbol(rt->elf, name);
    fn->name = name;
    fn->bind = bind;
    fn->cold = 0;
}

void rt_end(Rt *rt, RtFn *fn)
{
    enc_finish(&fn->a);
    char *sec = secname(".text.", fn->name);
    int id = elf_add_function(rt->elf, sec, fn->sym, fn->bind, &fn->a);
    if (fn->cold)
        elf_section_set_align(rt->elf, id, 1);
    free(sec);
    enc_free(&fn->a);
}

int rt_sym(Rt *rt, const char *name)
{
    return elf_symbol(rt->elf, name);
}

/* A data object alone in its section <prefix><name>, so --gc-sections can
 * drop it; data is NULL for .bss. */
static int object(Rt *rt, const char *prefix, SecKind kind, const char *name, const void *data,
                  size_t n, uint32_t align, SymBind bind)
{
    char *s = secname(prefix, name);
    int sec = elf_section(rt->elf, s, kind, align);
    free(s);
    elf_append(rt->elf, sec, data, n);
    int sym = elf_symbol(rt->elf, name);
    elf_define(rt->elf, sym, sec, 0, n, bind, SYM_OBJECT);
    return sym;
}

int rt_bss(Rt *rt, const char *name, size_t size, uint32_t align, SymBind bind)
{
    return object(rt, ".bss.", SEC_BSS, name, NULL, size, align, bind);
}

int rt_rodata(Rt *rt, const char *name, const void *data, size_t n, uint32_t align, SymBind bind)
{
    return object(rt, ".rodata.", SEC_RODATA, name, data, n, align, bind);
}

void rt_fs(Asm *a)
{
    static const uint8_t fs_prefix = 0x64;
    enc_bytes(a, &fs_prefix, 1);
}

void rt_load_worker(Asm *a, Reg dst)
{
    rt_fs(a);
    enc_mov(a, 8, opr(dst), opm(mem_b(NOREG, 0)));
}
