/* functab.c: read an executable's functions, write .arc_functab.  See
 * functab.h. */
#include "linker/functab.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/util.h"
#include "image/elf.h"

/* A section header at index i, bounds already checked by the caller. */
static Elf64_Shdr shdr_at(const char *img, const Elf64_Ehdr *eh, unsigned i)
{
    Elf64_Shdr sh;
    memcpy(&sh, img + eh->e_shoff + (uint64_t)i * sizeof sh, sizeof sh);
    return sh;
}

static int in_file(uint64_t off, uint64_t size, size_t len)
{
    return off <= len && size <= len - off;
}

static int cmp_sym(const void *pa, const void *pb)
{
    const FuncSym *a = pa, *b = pb;
    if (a->addr != b->addr)
        return a->addr < b->addr ? -1 : 1;
    if (a->size != b->size)
        return a->size < b->size ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* Parse img; on a malformed file return the reason. */
static const char *parse(const char *img, size_t len, FuncList *out)
{
    Elf64_Ehdr eh;
    if (len < sizeof eh)
        return "too short for an ELF header";
    memcpy(&eh, img, sizeof eh);
    if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
        eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_machine != EM_X86_64)
        return "not an ELF64 little-endian x86-64 file";
    if (eh.e_shnum == 0 || eh.e_shentsize != sizeof(Elf64_Shdr) ||
        !in_file(eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr), len))
        return "bad section header table";
    for (unsigned i = 0; i < eh.e_shnum; i++) {
        Elf64_Shdr sh = shdr_at(img, &eh, i);
        if (sh.sh_type != SHT_SYMTAB)
            continue;
        if (sh.sh_entsize != sizeof(Elf64_Sym) || !in_file(sh.sh_offset, sh.sh_size, len) ||
            sh.sh_link >= eh.e_shnum)
            return "bad .symtab";
        Elf64_Shdr st = shdr_at(img, &eh, sh.sh_link);
        if (st.sh_type != SHT_STRTAB || !in_file(st.sh_offset, st.sh_size, len))
            return "bad .strtab";
        const char *strs = img + st.sh_offset;
        uint64_t nsyms = sh.sh_size / sizeof(Elf64_Sym);
        for (uint64_t k = 1; k < nsyms; k++) {
            Elf64_Sym s;
            memcpy(&s, img + sh.sh_offset + k * sizeof s, sizeof s);
            if (ELF64_ST_TYPE(s.st_info) != STT_FUNC || s.st_size == 0 || s.st_shndx == SHN_UNDEF)
                continue;
            if (s.st_name >= st.sh_size || !memchr(strs + s.st_name, 0, st.sh_size - s.st_name))
                return "symbol name outside .strtab";
            grow(&out->v, &out->cap, out->n + 1, sizeof *out->v);
            out->v[out->n++] = (FuncSym){s.st_value, s.st_size, xstrdup(strs + s.st_name)};
        }
        if (out->n)
            qsort(out->v, (size_t)out->n, sizeof *out->v, cmp_sym);
        return NULL;
    }
    return NULL; /* stripped: no functions */
}

int functab_read(const char *path, FuncList *out)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *img = read_file(path, &len);
    if (!img) {
        fprintf(stderr, "arc: error: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    const char *why = parse(img, len, out);
    free(img);
    if (why) {
        fprintf(stderr, "arc: error: %s: %s\n", path, why);
        functab_free(out);
        return -1;
    }
    return 0;
}

int functab_has(const FuncList *l, const char *name)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].name, name))
            return 1;
    return 0;
}

int functab_equal(const FuncList *a, const FuncList *b, const FuncSym **why)
{
    for (int i = 0; i < a->n; i++) {
        if (i >= b->n || a->v[i].addr != b->v[i].addr || a->v[i].size != b->v[i].size ||
            strcmp(a->v[i].name, b->v[i].name)) {
            *why = &a->v[i];
            return 0;
        }
    }
    *why = NULL;
    return a->n == b->n;
}

static int skipped(const char *name, const char *const *skip)
{
    for (; skip && *skip; skip++)
        if (!strcmp(name, *skip))
            return 1;
    return 0;
}

typedef struct TabWriter {
    Buf *out;
    uint64_t addr;          /* the previous entry's */
    char name[FTAB_NAME_MAX + 1];
    int any;
} TabWriter;

static void put_entry(TabWriter *w, uint64_t addr, const char *name)
{
    if (addr > UINT32_MAX)
        die("function %s at 0x%llx: the function table holds 32-bit addresses",
            *name ? name : "(end)", (unsigned long long)addr);
    if (!w->any) {
        buf_u32(w->out, (uint32_t)addr);
        w->addr = addr;
    }
    for (; addr - w->addr > FTAB_DELTA_MAX; w->addr += FTAB_DELTA_MAX) {
        buf_u16(w->out, FTAB_DELTA_MAX);
        buf_u8(w->out, FTAB_MORE);
    }
    buf_u16(w->out, (uint16_t)(addr - w->addr));
    size_t len = strlen(name), shared = 0;
    if (len > FTAB_NAME_MAX)
        len = FTAB_NAME_MAX;
    while (shared < len && w->name[shared] == name[shared])
        shared++;
    buf_u8(w->out, (uint8_t)shared);
    buf_put(w->out, name + shared, len - shared);
    buf_u8(w->out, 0);
    memcpy(w->name, name, len);
    w->name[len] = 0;
    w->addr = addr;
    w->any = 1;
}

/* The entries (functab.h): each listed function, an unnamed entry where a
 * skipped one starts, and the end.  l is sorted by address. */
static void functab_bytes(const FuncList *l, const char *const *skip, Buf *out)
{
    TabWriter w = {.out = out};
    uint64_t end = 0;       /* the end of the functions so far */
    int unnamed = 0;        /* the last entry has no name */
    for (int i = 0; i < l->n; i++) {
        if (l->v[i].addr + l->v[i].size > end)
            end = l->v[i].addr + l->v[i].size;
        if (skipped(l->v[i].name, skip)) {
            if (w.any && !unnamed)
                put_entry(&w, l->v[i].addr, "");
            unnamed = 1;
            continue;
        }
        put_entry(&w, l->v[i].addr, l->v[i].name);
        unnamed = 0;
    }
    if (w.any)
        put_entry(&w, end, "");
}

int functab_write_object(const FuncList *l, const char *const *skip, const char *path)
{
    Buf b = {0};
    functab_bytes(l, skip, &b);
    Elf *e = elf_new();
    int sec = elf_section(e, ".arc_functab", SEC_RODATA, 1);
    elf_append(e, sec, b.p, b.len);
    int rc = elf_write(e, path);
    elf_free(e);
    buf_free(&b);
    return rc;
}

void functab_drop(FuncList *l, const char *const *names)
{
    int n = 0;
    for (int i = 0; i < l->n; i++) {
        if (skipped(l->v[i].name, names))
            free(l->v[i].name);
        else
            l->v[n++] = l->v[i];
    }
    l->n = n;
}

void functab_free(FuncList *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i].name);
    free(l->v);
    memset(l, 0, sizeof *l);
}
