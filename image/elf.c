/* elf.c: the ELF64 relocatable object writer.  See elf.h.
 *
 * The client builds sections, symbols and relocations in memory; nothing is
 * laid out until elf_serialize.  The file it produces:
 *
 *   offset 0      ELF header (64 bytes)
 *                 client section contents, each at an offset aligned to its
 *                 sh_addralign (SEC_BSS occupies no bytes)
 *                 .rela<name> of each client section that has relocations
 *                 .symtab  .strtab  .shstrtab
 *                 section header table
 *
 * Section header indices:
 *   0                  the null section
 *   1 .. n             client sections, in creation order (index = id + 1)
 *   n+1 .. n+r         .rela<name>, in the order of their target sections
 *   then               .note.GNU-stack, .symtab, .strtab, .shstrtab
 *
 * Symbol table: the null symbol, the local symbols, then the global and
 * weak ones; inside each group, in the order the ids were created.  A
 * client id becomes its final index only here (sym_index[]).
 *
 * Everything is emitted in creation order: the name hash table is used for
 * lookup only, never iterated, so the bytes depend on the calls alone.
 */
#include "image/elf.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>

/* Function sections start on 16 bytes, as GCC and Clang place them at -O2. */
#define FUNC_ALIGN 16

typedef struct {
    uint64_t off;
    int sym;
    RelocKind kind;
    int64_t addend;
} Rela;

typedef struct {
    char *name;
    SecKind kind;
    uint32_t align;
    Buf data;       /* contents; empty for SEC_BSS */
    uint64_t size;  /* data.len, or the reserved size of a SEC_BSS */
    Rela *rels;
    int nrels, caprels;
} Section;

typedef struct {
    char *name;
    int sec;        /* section id, or -1 while undefined */
    uint64_t value, size;
    SymBind bind;
    SymType type;
} Sym;

struct Elf {
    Section *secs;
    int nsecs, capsecs;
    Sym *syms;
    int nsyms, capsyms;
    int *slots;     /* open-addressing name table: sym id + 1, 0 = empty */
    int nslots;     /* a power of two, at least twice nsyms */
};

/* SecKind -> section type and flags. */
static const struct {
    uint32_t type;
    uint64_t flags;
} sec_info[] = {
    [SEC_TEXT] = {SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR},
    [SEC_RODATA] = {SHT_PROGBITS, SHF_ALLOC},
    [SEC_DATA] = {SHT_PROGBITS, SHF_ALLOC | SHF_WRITE},
    [SEC_BSS] = {SHT_NOBITS, SHF_ALLOC | SHF_WRITE},
};

static const uint8_t bind_info[] = {
    [SYM_LOCAL] = STB_LOCAL, [SYM_GLOBAL] = STB_GLOBAL, [SYM_WEAK] = STB_WEAK,
};

static const uint8_t type_info[] = {
    [SYM_NOTYPE] = STT_NOTYPE, [SYM_FUNC] = STT_FUNC,
    [SYM_OBJECT] = STT_OBJECT, [SYM_SECTION_] = STT_SECTION,
};

/* RelocKind -> R_X86_64_* type, width of the patched field and the range
 * an addend may take so that the field can still hold S + A (- P). */
static const struct {
    uint32_t type;
    uint32_t width;
    int64_t lo, hi;
    const char *name;
} reloc_info[] = {
    [RELOC_PC32] = {R_X86_64_PC32, 4, INT32_MIN, INT32_MAX, "PC32"},
    [RELOC_PLT32] = {R_X86_64_PLT32, 4, INT32_MIN, INT32_MAX, "PLT32"},
    [RELOC_ABS64] = {R_X86_64_64, 8, INT64_MIN, INT64_MAX, "64"},
    [RELOC_ABS32S] = {R_X86_64_32S, 4, INT32_MIN, INT32_MAX, "32S"},
    [RELOC_ABS32] = {R_X86_64_32, 4, INT32_MIN, UINT32_MAX, "32"},
};

Elf *elf_new(void)
{
    Elf *e = xcalloc(1, sizeof *e);
    e->nslots = 64;
    e->slots = xcalloc((size_t)e->nslots, sizeof *e->slots);
    return e;
}

void elf_free(Elf *e)
{
    if (!e)
        return;
    for (int i = 0; i < e->nsecs; i++) {
        free(e->secs[i].name);
        buf_free(&e->secs[i].data);
        free(e->secs[i].rels);
    }
    for (int i = 0; i < e->nsyms; i++)
        free(e->syms[i].name);
    free(e->secs);
    free(e->syms);
    free(e->slots);
    free(e);
}

static Section *sec_at(const Elf *e, int sec)
{
    if (sec < 0 || sec >= e->nsecs)
        die("bad section id %d (have %d)", sec, e->nsecs);
    return &e->secs[sec];
}

static Sym *sym_at(const Elf *e, int sym)
{
    if (sym < 0 || sym >= e->nsyms)
        die("bad symbol id %d (have %d)", sym, e->nsyms);
    return &e->syms[sym];
}

static int is_pow2(uint64_t v) { return v && !(v & (v - 1)); }

/* --- sections ---------------------------------------------------------- */

int elf_section(Elf *e, const char *name, SecKind kind, uint32_t align)
{
    if (!name || !*name)
        die("section without a name");
    if ((unsigned)kind >= countof(sec_info))
        die("section %s: bad kind %d", name, (int)kind);
    if (align == 0)
        align = 1;
    if (!is_pow2(align))
        die("section %s: alignment %u is not a power of two", name, align);
    grow(&e->secs, &e->capsecs, e->nsecs + 1, sizeof *e->secs);
    Section *s = &e->secs[e->nsecs];
    memset(s, 0, sizeof *s);
    s->name = xstrdup(name);
    s->kind = kind;
    s->align = align;
    return e->nsecs++;
}

uint64_t elf_append(Elf *e, int sec, const void *data, size_t n)
{
    Section *s = sec_at(e, sec);
    uint64_t at = s->size;
    if (s->kind == SEC_BSS) {
        if (data)
            die("section %s is bss: it has no contents to append", s->name);
    } else if (data) {
        buf_put(&s->data, data, n);
    } else {
        buf_zero(&s->data, n);
    }
    s->size += n;
    return at;
}

uint64_t elf_section_size(const Elf *e, int sec) { return sec_at(e, sec)->size; }

void elf_section_set_align(Elf *e, int sec, uint32_t align)
{
    Section *s = sec_at(e, sec);
    if (!is_pow2(align))
        die("section %s: alignment %u is not a power of two", s->name, align);
    s->align = align;
}

void elf_section_align(Elf *e, int sec, uint32_t align)
{
    Section *s = sec_at(e, sec);
    if (!is_pow2(align))
        die("section %s: alignment %u is not a power of two", s->name, align);
    if (s->size % align)
        elf_append(e, sec, NULL, align - s->size % align);
}

/* --- symbols ----------------------------------------------------------- */

static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

/* The slot holding name, or the empty slot where it would go. */
static int *find_slot(const Elf *e, const char *name)
{
    uint32_t mask = (uint32_t)e->nslots - 1;
    for (uint32_t i = hash_name(name) & mask;; i = (i + 1) & mask) {
        int *slot = &e->slots[i];
        if (!*slot || !strcmp(e->syms[*slot - 1].name, name))
            return slot;
    }
}

static void rehash(Elf *e)
{
    free(e->slots);
    e->nslots *= 2;
    e->slots = xcalloc((size_t)e->nslots, sizeof *e->slots);
    for (int i = 0; i < e->nsyms; i++)
        *find_slot(e, e->syms[i].name) = i + 1;
}

int elf_symbol(Elf *e, const char *name)
{
    if (!name || !*name)
        die("symbol without a name");
    int *slot = find_slot(e, name);
    if (*slot)
        return *slot - 1;
    grow(&e->syms, &e->capsyms, e->nsyms + 1, sizeof *e->syms);
    Sym *s = &e->syms[e->nsyms];
    memset(s, 0, sizeof *s);
    s->name = xstrdup(name);
    s->sec = -1;
    s->bind = SYM_GLOBAL;
    s->type = SYM_NOTYPE;
    *slot = ++e->nsyms;
    if (e->nsyms * 2 > e->nslots)
        rehash(e);
    return e->nsyms - 1;
}

void elf_weak_ref(Elf *e, int sym)
{
    Sym *s = sym_at(e, sym);
    if (s->sec >= 0)
        die("symbol %s: only an undefined reference can be weak", s->name);
    s->bind = SYM_WEAK;
}

void elf_define(Elf *e, int sym, int sec, uint64_t value, uint64_t size,
                SymBind bind, SymType type)
{
    Sym *s = sym_at(e, sym);
    sec_at(e, sec);
    if (s->sec >= 0)
        die("symbol %s defined twice", s->name);
    if ((unsigned)bind >= countof(bind_info))
        die("symbol %s: bad binding %d", s->name, (int)bind);
    if ((unsigned)type >= countof(type_info))
        die("symbol %s: bad type %d", s->name, (int)type);
    if (type == SYM_SECTION_ && (bind != SYM_LOCAL || value || size))
        die("section symbol %s must be local, at 0, of size 0", s->name);
    s->sec = sec;
    s->value = value;
    s->size = size;
    s->bind = bind;
    s->type = type;
}

int elf_symbol_defined(const Elf *e, int sym) { return sym_at(e, sym)->sec >= 0; }

void elf_set_size(Elf *e, int sym, uint64_t size)
{
    Sym *s = sym_at(e, sym);
    if (s->sec < 0)
        die("symbol %s: a size for an undefined symbol", s->name);
    s->size = size;
}

const char *elf_symbol_name(const Elf *e, int sym) { return sym_at(e, sym)->name; }

/* --- relocations ------------------------------------------------------- */

void elf_reloc(Elf *e, int sec, uint64_t off, int sym, RelocKind kind, int64_t addend)
{
    Section *s = sec_at(e, sec);
    Sym *y = sym_at(e, sym);
    if ((unsigned)kind >= countof(reloc_info))
        die("reloc in %s: bad kind %d", s->name, (int)kind);
    uint32_t w = reloc_info[kind].width;
    if (s->kind == SEC_BSS)
        die("reloc against %s in bss section %s", y->name, s->name);
    if (off > s->size || s->size - off < w)
        die("R_X86_64_%s against %s at %s+%#llx: the %u-byte field is outside "
            "the section (size %#llx)",
            reloc_info[kind].name, y->name, s->name, (unsigned long long)off, w,
            (unsigned long long)s->size);
    if (addend < reloc_info[kind].lo || addend > reloc_info[kind].hi)
        die("R_X86_64_%s against %s at %s+%#llx: addend %lld does not fit the "
            "%u-byte field",
            reloc_info[kind].name, y->name, s->name, (unsigned long long)off,
            (long long)addend, w);
    grow(&s->rels, &s->caprels, s->nrels + 1, sizeof *s->rels);
    s->rels[s->nrels++] = (Rela){off, sym, kind, addend};
}

int elf_add_function(Elf *e, const char *secname, int sym, SymBind bind, const Asm *a)
{
    return elf_add_function_aligned(e, secname, sym, bind, a, FUNC_ALIGN);
}

int elf_add_function_aligned(Elf *e, const char *secname, int sym, SymBind bind, const Asm *a,
                             int align)
{
    if (a->nuses)
        die("function %s: %d label references were never bound",
            elf_symbol_name(e, sym), a->nuses);
    int sec = elf_section(e, secname, SEC_TEXT, align);
    elf_append(e, sec, a->code.p, a->code.len);
    elf_define(e, sym, sec, 0, a->code.len, bind, SYM_FUNC);
    for (int i = 0; i < a->nrelocs; i++) {
        const Reloc *r = &a->relocs[i];
        elf_reloc(e, sec, r->off, r->sym, r->kind, r->addend);
    }
    return sec;
}

/* --- serialisation ----------------------------------------------------- */

typedef struct {
    uint32_t name, type;
    uint64_t flags, offset, size;
    uint32_t link, info;
    uint64_t align, entsize;
} Shdr;

static void put_u16(uint8_t *at, uint16_t v)
{
    at[0] = (uint8_t)v;
    at[1] = (uint8_t)(v >> 8);
}

/* Pad b with zeros so that the object (starting at base) reaches a multiple
 * of align; returns the object-relative offset reached. */
static uint64_t pad_to(Buf *b, size_t base, uint64_t align)
{
    uint64_t at = b->len - base;
    if (align > 1 && at % align)
        buf_zero(b, (size_t)(align - at % align));
    return b->len - base;
}

static uint32_t add_string(Buf *strs, const char *s)
{
    uint32_t at = (uint32_t)strs->len;
    buf_put(strs, s, strlen(s) + 1);
    return at;
}

void elf_serialize(Elf *e, Buf *b)
{
    int nrela = 0;
    for (int i = 0; i < e->nsecs; i++)
        nrela += e->secs[i].nrels > 0;
    int note = 1 + e->nsecs + nrela;
    int symtab = note + 1, strtab = note + 2, shstrtab = note + 3;
    int shnum = shstrtab + 1;
    if (shnum >= SHN_LORESERVE)   /* a limit of the input, not a bug: one section per function and datum */
        fatal("the object needs %d sections, more than an ELF section index holds (%d): too many "
              "functions and data for one object", shnum, SHN_LORESERVE - 1);
    Shdr *sh = xcalloc((size_t)shnum, sizeof *sh);
    size_t base = b->len;

    /* Section names.  A section with relocations is named by the tail of
     * its ".rela<name>" string, so the name is stored once. */
    Buf names = {0};
    buf_u8(&names, 0);
    for (int i = 0, r = 1 + e->nsecs; i < e->nsecs; i++) {
        Section *s = &e->secs[i];
        if (s->nrels)
            buf_put(&names, ".rela", 5);
        sh[1 + i].name = add_string(&names, s->name);
        if (s->nrels)
            sh[r++].name = sh[1 + i].name - 5;
    }
    sh[note].name = add_string(&names, ".note.GNU-stack");
    sh[symtab].name = add_string(&names, ".symtab");
    sh[strtab].name = add_string(&names, ".strtab");
    sh[shstrtab].name = add_string(&names, ".shstrtab");

    /* Final symbol indices: locals first, then globals and weak ones. */
    int *sym_index = xcalloc((size_t)e->nsyms + 1, sizeof *sym_index); /* id -> index */
    int *order = xcalloc((size_t)e->nsyms + 1, sizeof *order);         /* index -> id */
    int nsym = 1, first_global = 1;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < e->nsyms; i++) {
            Sym *y = &e->syms[i];
            int local = y->sec >= 0 && y->bind == SYM_LOCAL;
            if (local == (pass == 0)) {
                order[nsym] = i;
                sym_index[i] = nsym++;
            }
        }
        if (pass == 0)
            first_global = nsym;
    }

    /* ELF header: written last, once the section table's place is known. */
    buf_zero(b, 64);

    for (int i = 0; i < e->nsecs; i++) {
        Section *s = &e->secs[i];
        Shdr *h = &sh[1 + i];
        h->type = sec_info[s->kind].type;
        h->flags = sec_info[s->kind].flags;
        h->offset = pad_to(b, base, s->align);
        h->size = s->size;
        h->align = s->align;
        buf_put(b, s->data.p, s->data.len);
    }

    for (int i = 0, r = 1 + e->nsecs; i < e->nsecs; i++) {
        Section *s = &e->secs[i];
        if (!s->nrels)
            continue;
        Shdr *h = &sh[r++];
        h->type = SHT_RELA;
        h->flags = SHF_INFO_LINK;
        h->offset = pad_to(b, base, 8);
        h->size = (uint64_t)s->nrels * sizeof(Elf64_Rela);
        h->link = (uint32_t)symtab;
        h->info = (uint32_t)(1 + i);
        h->align = 8;
        h->entsize = sizeof(Elf64_Rela);
        for (int k = 0; k < s->nrels; k++) {
            Rela *x = &s->rels[k];
            buf_u64(b, x->off);
            buf_u64(b, ELF64_R_INFO((uint64_t)sym_index[x->sym], reloc_info[x->kind].type));
            buf_u64(b, (uint64_t)x->addend);
        }
    }

    sh[note].type = SHT_PROGBITS;
    sh[note].offset = b->len - base;
    sh[note].align = 1;

    Buf strs = {0};
    buf_u8(&strs, 0);
    Shdr *h = &sh[symtab];
    h->type = SHT_SYMTAB;
    h->offset = pad_to(b, base, 8);
    h->size = (uint64_t)nsym * sizeof(Elf64_Sym);
    h->link = (uint32_t)strtab;
    h->info = (uint32_t)first_global;
    h->align = 8;
    h->entsize = sizeof(Elf64_Sym);
    buf_zero(b, sizeof(Elf64_Sym));
    for (int k = 1; k < nsym; k++) {
        Sym *y = &e->syms[order[k]];
        uint8_t info = ELF64_ST_INFO(bind_info[y->bind], STT_NOTYPE);   /* undefined: global or weak */
        uint16_t shndx = SHN_UNDEF;
        uint64_t value = 0, size = 0;
        if (y->sec >= 0) {
            Section *s = &e->secs[y->sec];
            if (y->value > s->size || s->size - y->value < y->size)
                die("symbol %s (%#llx, size %llu) lies outside section %s (size %#llx)",
                    y->name, (unsigned long long)y->value, (unsigned long long)y->size,
                    s->name, (unsigned long long)s->size);
            info = ELF64_ST_INFO(bind_info[y->bind], type_info[y->type]);
            shndx = (uint16_t)(1 + y->sec);
            value = y->value;
            size = y->size;
        }
        /* Section symbols are nameless: tools print the section's name. */
        buf_u32(b, y->type == SYM_SECTION_ && y->sec >= 0 ? 0 : add_string(&strs, y->name));
        buf_u8(b, info);
        buf_u8(b, STV_DEFAULT);
        buf_u16(b, shndx);
        buf_u64(b, value);
        buf_u64(b, size);
    }

    sh[strtab].type = SHT_STRTAB;
    sh[strtab].offset = b->len - base;
    sh[strtab].size = strs.len;
    sh[strtab].align = 1;
    buf_put(b, strs.p, strs.len);

    sh[shstrtab].type = SHT_STRTAB;
    sh[shstrtab].offset = b->len - base;
    sh[shstrtab].size = names.len;
    sh[shstrtab].align = 1;
    buf_put(b, names.p, names.len);

    uint64_t shoff = pad_to(b, base, 8);
    for (int i = 0; i < shnum; i++) {
        buf_u32(b, sh[i].name);
        buf_u32(b, sh[i].type);
        buf_u64(b, sh[i].flags);
        buf_u64(b, 0); /* sh_addr: nothing is placed in a relocatable */
        buf_u64(b, sh[i].offset);
        buf_u64(b, sh[i].size);
        buf_u32(b, sh[i].link);
        buf_u32(b, sh[i].info);
        buf_u64(b, sh[i].align);
        buf_u64(b, sh[i].entsize);
    }

    uint8_t *eh = b->p + base;
    memcpy(eh, ELFMAG, SELFMAG);
    eh[EI_CLASS] = ELFCLASS64;
    eh[EI_DATA] = ELFDATA2LSB;
    eh[EI_VERSION] = EV_CURRENT;
    eh[EI_OSABI] = ELFOSABI_SYSV;
    put_u16(eh + 16, ET_REL);           /* e_type */
    put_u16(eh + 18, EM_X86_64);        /* e_machine */
    put_u32(eh + 20, EV_CURRENT);       /* e_version */
    put_u64(eh + 40, shoff);            /* e_shoff; e_entry, e_phoff stay 0 */
    put_u16(eh + 52, 64);               /* e_ehsize */
    put_u16(eh + 58, sizeof(Elf64_Shdr)); /* e_shentsize */
    put_u16(eh + 60, (uint16_t)shnum);
    put_u16(eh + 62, (uint16_t)shstrtab);

    buf_free(&names);
    buf_free(&strs);
    free(sym_index);
    free(order);
    free(sh);
}

int elf_write(Elf *e, const char *path)
{
    Buf b = {0};
    elf_serialize(e, &b);
    int r = write_output(path, b.p, b.len, 0644);
    buf_free(&b);
    return r;
}
