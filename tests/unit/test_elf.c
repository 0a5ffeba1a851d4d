/* test_elf.c: the ELF object writer, judged by other people's tools.
 *
 * Every object written here goes through `readelf -a -W` (no warning, no
 * error); the tests then read back sections, symbols and relocations with
 * readelf, disassemble with objdump -dr, link with GNU ld and ld.lld and run
 * the result natively and under qemu-x86_64.  A missing tool is a failure,
 * never a skip.
 *
 * Code is mostly written as raw bytes (the AT&T text is beside each line)
 * into an Asm whose public fields the test fills itself, so a fault in the
 * writer is not confused with one in the encoder; test_encoder_output then
 * checks the two together.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "image/elf.h"

static char tmpdir[512];

static int setup_dir(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/test_elf.XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", tmpdir, name);
}

/* --- running tools ------------------------------------------------------ */

/* Run a shell command, stdout and stderr together into *out (malloc'd,
 * NUL-terminated).  Returns the exit status, 128+n if killed by signal n. */
static int run(char **out, const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    strncat(cmd, " 2>&1", sizeof cmd - strlen(cmd) - 1);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    Buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    buf_u8(&b, 0);
    int st = pclose(f);
    if (out)
        *out = (char *)b.p;
    else
        buf_free(&b);
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
}

static void require_tool(const char *tool)
{
    if (run(NULL, "command -v %s >/dev/null", tool) != 0)
        fail_msg("required tool '%s' is not installed: this test cannot run", tool);
}

static int contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return 1;
    return 0;
}

/* Collapse every run of blanks into one space, trim both ends. */
static void squeeze(char *s)
{
    char *w = s;
    int blank = 0;
    for (char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t') {
            blank = 1;
            continue;
        }
        if (blank && w != s)
            *w++ = ' ';
        blank = 0;
        *w++ = *r;
    }
    *w = 0;
}

/* readelf -a -W must accept the file without a word of complaint. */
static void assert_readelf_clean(const char *path)
{
    char *out;
    int rc = run(&out, "readelf -a -W '%s'", path);
    if (rc != 0 || contains_nocase(out, "warning") || contains_nocase(out, "error"))
        fail_msg("readelf -a -W %s (status %d) complained:\n%s", path, rc, out);
    free(out);
}

static void write_checked(Elf *e, const char *path)
{
    assert_int_equal(elf_write(e, path), 0);
    assert_readelf_clean(path);
}

/* --- building code by hand ---------------------------------------------- */

/* Append bytes given as hex text: "48 8b 05". */
static void X(Asm *a, const char *hex)
{
    for (const char *p = hex; *p;) {
        if (*p == ' ') {
            p++;
            continue;
        }
        unsigned v;
        assert_int_equal(sscanf(p, "%2x", &v), 1);
        buf_u8(&a->code, (uint8_t)v);
        p += 2;
    }
}

/* A relocation at the current position, over a zeroed field. */
static void R(Asm *a, RelocKind kind, int sym, int64_t addend)
{
    grow(&a->relocs, &a->caprelocs, a->nrelocs + 1, sizeof *a->relocs);
    a->relocs[a->nrelocs++] = (Reloc){(uint32_t)a->code.len, sym, kind, addend};
    buf_zero(&a->code, kind == RELOC_ABS64 ? 8 : 4);
}

/* jne rel8 to a label bound later with bind8. */
static uint32_t jne8(Asm *a)
{
    X(a, "75 00");
    return (uint32_t)a->code.len - 1;
}

static void bind8(Asm *a, uint32_t at)
{
    size_t d = a->code.len - (at + 1);
    assert_true(d < 128);
    a->code.p[at] = (uint8_t)d;
}

static void asm_release(Asm *a)
{
    buf_free(&a->code);
    free(a->relocs);
    memset(a, 0, sizeof *a);
}

static int add_code(Elf *e, const char *sec, const char *name, SymBind bind, const Asm *a)
{
    return elf_add_function(e, sec, elf_symbol(e, name), bind, a);
}

/* --- reading readelf's answers ------------------------------------------ */

typedef struct {
    int idx;
    char name[128], type[32], flags[16];
    unsigned long off, size, es;
    int link, info, align;
} SecRow;

/* Every section of `readelf -S -W path`; returns the count. */
static int read_sections(const char *path, SecRow *rows, int max)
{
    char *out;
    assert_int_equal(run(&out, "readelf -S -W '%s'", path), 0);
    int n = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        char *lb = strstr(line, "  [");
        char *rb = lb ? strchr(lb, ']') : NULL;
        if (!rb || strstr(line, "[Nr]"))
            continue;
        assert_true(n < max);
        SecRow *r = &rows[n];
        memset(r, 0, sizeof *r);
        r->idx = atoi(lb + 3);
        char *tok[12], *save;
        int nt = 0;
        for (char *t = strtok_r(rb + 1, " ", &save); t && nt < 12; t = strtok_r(NULL, " ", &save))
            tok[nt++] = t;
        int i = 0;
        if (nt == 9 || nt == 10) { /* name present */
            snprintf(r->name, sizeof r->name, "%s", tok[i++]);
        } else {
            assert_true(nt == 8 || nt == 9);
        }
        snprintf(r->type, sizeof r->type, "%s", tok[i++]);
        i++; /* address */
        r->off = strtoul(tok[i++], NULL, 16);
        r->size = strtoul(tok[i++], NULL, 16);
        r->es = strtoul(tok[i++], NULL, 16);
        if (nt - i == 4)
            snprintf(r->flags, sizeof r->flags, "%s", tok[i++]);
        r->link = atoi(tok[i++]);
        r->info = atoi(tok[i++]);
        r->align = atoi(tok[i++]);
        n++;
    }
    free(out);
    return n;
}

static const SecRow *sec_named(const SecRow *rows, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(rows[i].name, name))
            return &rows[i];
    fail_msg("no section %s", name);
    return NULL;
}

typedef struct {
    int num;
    unsigned long value;
    long size;
    char type[16], bind[16], vis[16], ndx[16], name[128];
} SymRow;

static int read_symbols(const char *path, SymRow *rows, int max)
{
    char *out;
    assert_int_equal(run(&out, "readelf -s -W '%s'", path), 0);
    int n = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        SymRow r = {0};
        int got = sscanf(line, " %d: %lx %li %15s %15s %15s %15s %127s", &r.num, &r.value,
                         &r.size, r.type, r.bind, r.vis, r.ndx, r.name);
        if (got < 7)
            continue;
        assert_true(n < max);
        assert_int_equal(r.num, n);
        rows[n++] = r;
    }
    free(out);
    return n;
}

static const SymRow *sym_named(const SymRow *rows, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(rows[i].name, name))
            return &rows[i];
    fail_msg("no symbol %s", name);
    return NULL;
}

static void assert_sym(const SymRow *rows, int n, const char *name, const char *type,
                       const char *bind, const char *ndx, unsigned long value, long size)
{
    const SymRow *s = sym_named(rows, n, name);
    assert_string_equal(s->type, type);
    assert_string_equal(s->bind, bind);
    assert_string_equal(s->vis, "DEFAULT");
    assert_string_equal(s->ndx, ndx);
    assert_int_equal(s->value, value);
    assert_int_equal(s->size, size);
}

/* Relocations of `readelf -r -W path` as lines "<rela section> <offset hex>
 * <type> <symbol> <addend>", joined by '\n'. */
static char *read_relocs(const char *path)
{
    char *out;
    assert_int_equal(run(&out, "readelf -r -W '%s'", path), 0);
    Buf b = {0};
    char sec[128] = "";
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        if (sscanf(line, "Relocation section '%127[^']'", sec) == 1)
            continue;
        unsigned long off, info, value;
        char type[64], name[128], sign;
        long addend;
        if (sscanf(line, "%lx %lx %63s %lx %127s %c %li", &off, &info, type, &value, name,
                   &sign, &addend) != 7)
            continue;
        char one[400];
        snprintf(one, sizeof one, "%s %lx %s %s %s%ld\n", sec, off, type, name,
                 sign == '-' ? "-" : "", addend);
        buf_put(&b, one, strlen(one));
    }
    buf_u8(&b, 0);
    free(out);
    return (char *)b.p;
}

/* Disassembly of one section as lines "<offset>: <insn>" and
 * "<offset>: <reloc type> <target>", the insn squeezed and without the
 * "<sym+off>" and "# addr" comments objdump adds to branch and RIP-relative
 * operands. */
static char *disassemble(const char *path, const char *sec)
{
    char *out;
    int rc = run(&out, "objdump -dr --insn-width=16 -j '%s' '%s'", sec, path);
    if (rc != 0 || contains_nocase(out, "warning") || contains_nocase(out, "error"))
        fail_msg("objdump -dr %s failed:\n%s", path, out);
    Buf b = {0};
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        char one[300];
        unsigned long off;
        int pos = 0;
        if (!strncmp(line, "\t\t\t", 3) && sscanf(line, " %lx: %n", &off, &pos) == 1 && pos) {
            snprintf(one, sizeof one, "%lx: %s", off, line + pos);
        } else if (line[0] == ' ' && sscanf(line, " %lx:%n", &off, &pos) == 1 && pos &&
                   line[pos] == '\t') {
            char *insn = strchr(line + pos + 1, '\t');
            if (!insn)
                continue;
            insn[strcspn(insn, "<#")] = 0;
            snprintf(one, sizeof one, "%lx: %s", off, insn + 1);
        } else {
            continue;
        }
        squeeze(one);
        buf_put(&b, one, strlen(one));
        buf_u8(&b, '\n');
    }
    buf_u8(&b, 0);
    free(out);
    return (char *)b.p;
}

/* --- the objects -------------------------------------------------------- */

/* An object exercising every section kind, binding, type and relocation.
 * Ids are created global-first so the local-first order must come from the
 * writer, not from the calls. */
static void build_layout(Elf *e)
{
    int gfunc = elf_symbol(e, "gfunc");
    int lfunc = elf_symbol(e, "lfunc");
    int target = elf_symbol(e, "undef_target");
    int gdata = elf_symbol(e, "gdata");
    int ldata = elf_symbol(e, "ldata");
    int wfunc = elf_symbol(e, "wfunc");
    int bssvar = elf_symbol(e, "bssvar");

    Asm a = {0};
    X(&a, "90");          /* nop */
    X(&a, "e8");          /* call undef_target */
    R(&a, RELOC_PLT32, target, -4);
    X(&a, "c3");          /* ret */
    elf_add_function(e, ".text.gfunc", gfunc, SYM_GLOBAL, &a);
    asm_release(&a);

    X(&a, "31 c0 c3");    /* xor %eax,%eax; ret */
    int lsec = elf_add_function(e, ".text.lfunc", lfunc, SYM_LOCAL, &a);
    elf_define(e, wfunc, lsec, 2, 1, SYM_WEAK, SYM_FUNC);
    asm_release(&a);

    int ro = elf_section(e, ".rodata", SEC_RODATA, 8);
    assert_int_equal(elf_append(e, ro, "ABCDEFGHIJKLMNOP", 16), 0);
    elf_define(e, ldata, ro, 8, 8, SYM_LOCAL, SYM_OBJECT);

    int data = elf_section(e, ".data", SEC_DATA, 8);
    assert_int_equal(elf_append(e, data, NULL, 16), 0);
    elf_reloc(e, data, 0, lfunc, RELOC_ABS64, 0);
    elf_reloc(e, data, 8, gfunc, RELOC_ABS32, 3);
    elf_reloc(e, data, 12, ldata, RELOC_ABS32S, -2);
    elf_define(e, gdata, data, 0, 16, SYM_GLOBAL, SYM_OBJECT);

    int bss = elf_section(e, ".bss", SEC_BSS, 32);
    assert_int_equal(elf_append(e, bss, NULL, 40), 0);
    elf_section_align(e, bss, 64);
    assert_int_equal(elf_section_size(e, bss), 64);
    elf_define(e, bssvar, bss, 32, 8, SYM_LOCAL, SYM_OBJECT);
}

static void test_sections(void **state)
{
    (void)state;
    require_tool("readelf");
    char path[600];
    path_in(path, sizeof path, "layout.o");
    Elf *e = elf_new();
    build_layout(e);
    write_checked(e, path);
    elf_free(e);

    char *out;
    assert_int_equal(run(&out, "readelf -h '%s'", path), 0);
    squeeze(out);
    assert_non_null(strstr(out, "Class: ELF64"));
    assert_non_null(strstr(out, "Data: 2's complement, little endian"));
    assert_non_null(strstr(out, "Type: REL (Relocatable file)"));
    assert_non_null(strstr(out, "Machine: Advanced Micro Devices X86-64"));
    free(out);

    SecRow s[32];
    int n = read_sections(path, s, 32);
    static const char *order[] = {
        "", ".text.gfunc", ".text.lfunc", ".rodata", ".data", ".bss", ".rela.text.gfunc",
        ".rela.data", ".note.GNU-stack", ".symtab", ".strtab", ".shstrtab",
    };
    assert_int_equal(n, countof(order));
    for (int i = 0; i < n; i++) {
        assert_int_equal(s[i].idx, i);
        assert_string_equal(s[i].name, order[i]);
    }
    static const struct {
        const char *name, *type, *flags;
        unsigned long size, es;
        int align;
    } want[] = {
        {".text.gfunc", "PROGBITS", "AX", 7, 0, 16},
        {".text.lfunc", "PROGBITS", "AX", 3, 0, 16},
        {".rodata", "PROGBITS", "A", 16, 0, 8},
        {".data", "PROGBITS", "WA", 16, 0, 8},
        {".bss", "NOBITS", "WA", 64, 0, 32},
        {".rela.text.gfunc", "RELA", "I", 24, 24, 8},
        {".rela.data", "RELA", "I", 72, 24, 8},
        {".note.GNU-stack", "PROGBITS", "", 0, 0, 1},
        {".symtab", "SYMTAB", "", 0, 24, 8},
        {".strtab", "STRTAB", "", 0, 0, 1},
    };
    for (int i = 0; i < countof(want); i++) {
        const SecRow *r = sec_named(s, n, want[i].name);
        assert_string_equal(r->type, want[i].type);
        assert_string_equal(r->flags, want[i].flags);
        if (want[i].size)
            assert_int_equal(r->size, want[i].size);
        assert_int_equal(r->es, want[i].es);
        assert_int_equal(r->align, want[i].align);
        if (r->align > 1)
            assert_int_equal(r->off % (unsigned long)r->align, 0);
    }
    int symtab = sec_named(s, n, ".symtab")->idx;
    assert_int_equal(sec_named(s, n, ".rela.text.gfunc")->link, symtab);
    assert_int_equal(sec_named(s, n, ".rela.text.gfunc")->info, 1);
    assert_int_equal(sec_named(s, n, ".rela.data")->link, symtab);
    assert_int_equal(sec_named(s, n, ".rela.data")->info, 4);
    assert_int_equal(sec_named(s, n, ".symtab")->link, sec_named(s, n, ".strtab")->idx);

    SymRow y[32];
    int ny = read_symbols(path, y, 32);
    assert_int_equal(ny, 8);
    assert_string_equal(y[0].type, "NOTYPE");
    assert_string_equal(y[0].ndx, "UND");
    assert_sym(y, ny, "lfunc", "FUNC", "LOCAL", "2", 0, 3);
    assert_sym(y, ny, "ldata", "OBJECT", "LOCAL", "3", 8, 8);
    assert_sym(y, ny, "bssvar", "OBJECT", "LOCAL", "5", 32, 8);
    assert_sym(y, ny, "gfunc", "FUNC", "GLOBAL", "1", 0, 7);
    assert_sym(y, ny, "undef_target", "NOTYPE", "GLOBAL", "UND", 0, 0);
    assert_sym(y, ny, "gdata", "OBJECT", "GLOBAL", "4", 0, 16);
    assert_sym(y, ny, "wfunc", "FUNC", "WEAK", "2", 2, 1);
    /* Locals first, then the rest; .symtab's sh_info is the first global. */
    int first_global = sec_named(s, n, ".symtab")->info;
    assert_int_equal(first_global, 4);
    for (int i = 1; i < ny; i++)
        assert_int_equal(!strcmp(y[i].bind, "LOCAL"), i < first_global);

    char *rel = read_relocs(path);
    assert_string_equal(rel, ".rela.text.gfunc 2 R_X86_64_PLT32 undef_target -4\n"
                             ".rela.data 0 R_X86_64_64 lfunc 0\n"
                             ".rela.data 8 R_X86_64_32 gfunc 3\n"
                             ".rela.data c R_X86_64_32S ldata -2\n");
    free(rel);
}

/* mov $60,%eax; syscall in one function, a call through PLT32 in another. */
static void test_objdump(void **state)
{
    (void)state;
    require_tool("readelf");
    require_tool("objdump");
    char path[600];
    path_in(path, sizeof path, "dis.o");
    Elf *e = elf_new();
    Asm a = {0};
    X(&a, "b8 3c 00 00 00");  /* mov $60,%eax */
    X(&a, "0f 05");           /* syscall */
    add_code(e, ".text.quit", "quit", SYM_GLOBAL, &a);
    asm_release(&a);
    X(&a, "55");              /* push %rbp */
    X(&a, "e8");              /* call far_away */
    R(&a, RELOC_PLT32, elf_symbol(e, "far_away"), -4);
    X(&a, "48 8d 05");        /* lea quit(%rip),%rax */
    R(&a, RELOC_PC32, elf_symbol(e, "quit"), -4);
    X(&a, "5d c3");           /* pop %rbp; ret */
    add_code(e, ".text.caller", "caller", SYM_LOCAL, &a);
    asm_release(&a);
    write_checked(e, path);
    elf_free(e);

    char *d = disassemble(path, ".text.quit");
    assert_string_equal(d, "0: mov $0x3c,%eax\n"
                           "5: syscall\n");
    free(d);
    d = disassemble(path, ".text.caller");
    assert_string_equal(d, "0: push %rbp\n"
                           "1: call 6\n"
                           "2: R_X86_64_PLT32 far_away-0x4\n"
                           "6: lea 0x0(%rip),%rax\n"
                           "9: R_X86_64_PC32 quit-0x4\n"
                           "d: pop %rbp\n"
                           "e: ret\n");
    free(d);
}

/* Two objects that make a program exiting with 42 only if every
 * relocation kind was resolved right.
 *
 * prog.o:  _start (global)   calls check, exits with its code if non-zero,
 *                            else calls do_exit (in lib.o)
 *          check  (local)    returns 0, or 1..4 naming the failed check:
 *            1  fnptr   (.data, R_X86_64_64 -> do_exit) == &do_exit (PC32 lea)
 *            2  ptr32   (.data, R_X86_64_32 -> do_exit) == low half of it
 *            3  magic   (.rodata+4, read through R_X86_64_32S) == 0x12345678
 *            4  counter (.bss+8, PC32 with addend -8 around an imm32) == 7
 * lib.o:   do_exit (global)  exit_group(42)
 *          unused_fn         referenced by nothing: --gc-sections drops it */
static void build_program(const char *prog, const char *lib)
{
    Elf *e = elf_new();
    int check = elf_symbol(e, "check");
    int do_exit = elf_symbol(e, "do_exit");
    int fnptr = elf_symbol(e, "fnptr"), ptr32 = elf_symbol(e, "ptr32");
    int magic = elf_symbol(e, "magic"), counter = elf_symbol(e, "counter");

    Asm a = {0};
    X(&a, "e8");                   /* call check */
    R(&a, RELOC_PLT32, check, -4);
    X(&a, "85 c0");                /* test %eax,%eax */
    uint32_t fail = jne8(&a);      /* jne fail */
    X(&a, "e8");                   /* call do_exit */
    R(&a, RELOC_PLT32, do_exit, -4);
    X(&a, "f4");                   /* hlt */
    bind8(&a, fail);               /* fail: */
    X(&a, "89 c7");                /* mov %eax,%edi */
    X(&a, "b8 e7 00 00 00");       /* mov $231,%eax */
    X(&a, "0f 05 f4");             /* syscall; hlt */
    add_code(e, ".text._start", "_start", SYM_GLOBAL, &a);
    asm_release(&a);

    uint32_t out[4];
    X(&a, "48 8b 05");             /* mov fnptr(%rip),%rax */
    R(&a, RELOC_PC32, fnptr, -4);
    X(&a, "48 8d 0d");             /* lea do_exit(%rip),%rcx */
    R(&a, RELOC_PC32, do_exit, -4);
    X(&a, "ba 01 00 00 00");       /* mov $1,%edx */
    X(&a, "48 39 c8");             /* cmp %rcx,%rax */
    out[0] = jne8(&a);
    X(&a, "8b 05");                /* mov ptr32(%rip),%eax */
    R(&a, RELOC_PC32, ptr32, -4);
    X(&a, "ba 02 00 00 00");       /* mov $2,%edx */
    X(&a, "39 c8");                /* cmp %ecx,%eax */
    out[1] = jne8(&a);
    X(&a, "8b 04 25");             /* mov magic,%eax */
    R(&a, RELOC_ABS32S, magic, 0);
    X(&a, "ba 03 00 00 00");       /* mov $3,%edx */
    X(&a, "3d 78 56 34 12");       /* cmp $0x12345678,%eax */
    out[2] = jne8(&a);
    X(&a, "c7 05");                /* movl $7,counter(%rip) */
    R(&a, RELOC_PC32, counter, -8);
    X(&a, "07 00 00 00");
    X(&a, "8b 05");                /* mov counter(%rip),%eax */
    R(&a, RELOC_PC32, counter, -4);
    X(&a, "ba 04 00 00 00");       /* mov $4,%edx */
    X(&a, "83 f8 07");             /* cmp $7,%eax */
    out[3] = jne8(&a);
    X(&a, "31 d2");                /* xor %edx,%edx */
    for (int i = 0; i < 4; i++)
        bind8(&a, out[i]);         /* out: */
    X(&a, "89 d0 c3");             /* mov %edx,%eax; ret */
    add_code(e, ".text.check", "check", SYM_LOCAL, &a);
    asm_release(&a);

    int ro = elf_section(e, ".rodata.magic", SEC_RODATA, 4);
    elf_append(e, ro, "\xff\xff\xff\xff\x78\x56\x34\x12", 8);
    elf_define(e, magic, ro, 4, 4, SYM_GLOBAL, SYM_OBJECT);
    int data = elf_section(e, ".data.ptrs", SEC_DATA, 8);
    elf_append(e, data, NULL, 12);
    elf_reloc(e, data, 0, do_exit, RELOC_ABS64, 0);
    elf_reloc(e, data, 8, do_exit, RELOC_ABS32, 0);
    elf_define(e, fnptr, data, 0, 8, SYM_LOCAL, SYM_OBJECT);
    elf_define(e, ptr32, data, 8, 4, SYM_LOCAL, SYM_OBJECT);
    int bss = elf_section(e, ".bss.counter", SEC_BSS, 8);
    elf_append(e, bss, NULL, 16);
    elf_define(e, counter, bss, 8, 4, SYM_LOCAL, SYM_OBJECT);
    write_checked(e, prog);
    elf_free(e);

    e = elf_new();
    X(&a, "b8 e7 00 00 00");       /* mov $231,%eax */
    X(&a, "bf 2a 00 00 00");       /* mov $42,%edi */
    X(&a, "0f 05");                /* syscall */
    add_code(e, ".text.do_exit", "do_exit", SYM_GLOBAL, &a);
    asm_release(&a);
    X(&a, "b8 01 00 00 00 c3");    /* mov $1,%eax; ret */
    add_code(e, ".text.unused_fn", "unused_fn", SYM_GLOBAL, &a);
    asm_release(&a);
    write_checked(e, lib);
    elf_free(e);
}

static void link_and_run(const char *linker)
{
    require_tool("readelf");
    require_tool("nm");
    require_tool(linker);
    require_tool("qemu-x86_64");
    char prog[600], lib[600], exe[600];
    path_in(prog, sizeof prog, "prog.o");
    path_in(lib, sizeof lib, "lib.o");
    snprintf(exe, sizeof exe, "%s/prog.%s", tmpdir, linker);
    build_program(prog, lib);

    char *out;
    int rc = run(&out, "%s -static --gc-sections -o '%s' '%s' '%s'", linker, exe, prog, lib);
    if (rc != 0 || *out)
        fail_msg("%s (status %d) said:\n%s", linker, rc, out);
    free(out);
    assert_readelf_clean(exe);

    /* The unused function's section was collected; the rest is there. */
    assert_int_equal(run(&out, "nm '%s'", exe), 0);
    assert_non_null(strstr(out, " T _start\n"));
    assert_non_null(strstr(out, " T do_exit\n"));
    assert_non_null(strstr(out, " t check\n"));
    assert_non_null(strstr(out, " R magic\n"));
    assert_null(strstr(out, "unused_fn"));
    free(out);
    /* .note.GNU-stack did its job: the stack is not executable. */
    assert_int_equal(run(&out, "readelf -l -W '%s'", exe), 0);
    char *gs = strstr(out, "GNU_STACK");
    assert_non_null(gs);
    *strchrnul(gs, '\n') = 0;
    squeeze(gs);
    assert_non_null(strstr(gs, " RW "));
    free(out);

    rc = run(&out, "'%s'", exe);
    if (rc != 42)
        fail_msg("%s natively: exit status %d, want 42 (1..4 name a failed check)\n%s", exe,
                 rc, out);
    free(out);
    rc = run(&out, "qemu-x86_64 '%s'", exe);
    if (rc != 42)
        fail_msg("%s under qemu-x86_64: exit status %d, want 42\n%s", exe, rc, out);
    free(out);
}

static void test_link_gnu_ld(void **state)
{
    (void)state;
    link_and_run("ld");
}

static void test_link_lld(void **state)
{
    (void)state;
    link_and_run("ld.lld");
}

/* A function from the real encoder, disassembled by objdump and run.
 * _start: rcx = var[0] (40) + callee() (2); exit_group(rcx) when it equals
 * var[1] (read through a movabs'd R_X86_64_64 address), else exit 1. */
static void test_encoder_output(void **state)
{
    (void)state;
    require_tool("readelf");
    require_tool("objdump");
    require_tool("ld");
    require_tool("qemu-x86_64");
    char obj[600], exe[600];
    path_in(obj, sizeof obj, "enc.o");
    path_in(exe, sizeof exe, "enc");
    Elf *e = elf_new();
    int var = elf_symbol(e, "var"), callee = elf_symbol(e, "callee");
    Asm a;
    enc_init(&a);
    enc_mov(&a, 8, opr(RCX), opm(mem_rip(var, 0)));
    enc_call_sym(&a, callee);
    enc_alu(&a, ALU_ADD, 4, opr(RCX), opr(RAX));
    enc_movabs_sym(&a, RDX, var, 8);
    enc_alu(&a, ALU_CMP, 8, opr(RCX), opm(mem_b(RDX, 0)));
    int bad = enc_label(&a);
    enc_jcc(&a, CC_NE, bad);
    enc_mov(&a, 4, opr(RDI), opr(RCX));
    enc_mov(&a, 4, opr(RAX), opi(231));
    enc_syscall(&a);
    enc_bind(&a, bad);
    enc_mov(&a, 4, opr(RDI), opi(1));
    enc_mov(&a, 4, opr(RAX), opi(231));
    enc_syscall(&a);
    enc_finish(&a);
    add_code(e, ".text._start", "_start", SYM_GLOBAL, &a);
    enc_free(&a);
    enc_init(&a);
    enc_mov(&a, 4, opr(RAX), opi(2));
    enc_ret(&a);
    enc_finish(&a);
    add_code(e, ".text.callee", "callee", SYM_LOCAL, &a);
    enc_free(&a);
    int data = elf_section(e, ".data.var", SEC_DATA, 8);
    uint8_t v[16] = {40, [8] = 42};
    elf_append(e, data, v, sizeof v);
    elf_define(e, var, data, 0, sizeof v, SYM_LOCAL, SYM_OBJECT);
    write_checked(e, obj);
    elf_free(e);

    char *d = disassemble(obj, ".text._start");
    assert_string_equal(d, "0: mov 0x0(%rip),%rcx\n"
                           "3: R_X86_64_PC32 var-0x4\n"
                           "7: call c\n"
                           "8: R_X86_64_PLT32 callee-0x4\n"
                           "c: add %eax,%ecx\n"
                           "e: movabs $0x0,%rdx\n"
                           "10: R_X86_64_64 var+0x8\n"
                           "18: cmp (%rdx),%rcx\n"
                           "1b: jne 2a\n"
                           "21: mov %ecx,%edi\n"
                           "23: mov $0xe7,%eax\n"
                           "28: syscall\n"
                           "2a: mov $0x1,%edi\n"
                           "2f: mov $0xe7,%eax\n"
                           "34: syscall\n");
    free(d);
    d = disassemble(obj, ".text.callee");
    assert_string_equal(d, "0: mov $0x2,%eax\n"
                           "5: ret\n");
    free(d);

    char *out;
    int rc = run(&out, "ld -static -o '%s' '%s'", exe, obj);
    if (rc != 0 || *out)
        fail_msg("ld (status %d) said:\n%s", rc, out);
    free(out);
    assert_int_equal(run(NULL, "'%s'", exe), 42);
    assert_int_equal(run(NULL, "qemu-x86_64 '%s'", exe), 42);
}

/* Same calls, same bytes: twice through the builder, twice through
 * serialise, and through the file. */
static void test_deterministic(void **state)
{
    (void)state;
    Buf x = {0}, y = {0}, z = {0};
    Elf *e1 = elf_new(), *e2 = elf_new();
    build_layout(e1);
    build_layout(e2);
    /* Enough names to make the lookup table grow several times. */
    for (int i = 0; i < 500; i++) {
        char name[32];
        snprintf(name, sizeof name, "sym_%d", (i * 7919) % 500);
        elf_symbol(e1, name);
        elf_symbol(e2, name);
    }
    elf_serialize(e1, &x);
    elf_serialize(e2, &y);
    elf_serialize(e1, &z);
    assert_int_equal(x.len, y.len);
    assert_memory_equal(x.p, y.p, x.len);
    assert_int_equal(x.len, z.len);
    assert_memory_equal(x.p, z.p, x.len);

    char path[600];
    path_in(path, sizeof path, "det.o");
    write_checked(e1, path);
    size_t n;
    char *file = read_file(path, &n);
    assert_non_null(file);
    assert_int_equal(n, x.len);
    assert_memory_equal(file, x.p, n);
    free(file);

    SymRow rows[600];
    assert_int_equal(read_symbols(path, rows, 600), 8 + 500);
    elf_free(e1);
    elf_free(e2);
    buf_free(&x);
    buf_free(&y);
    buf_free(&z);
}

/* Ids are stable, names resolve to one id, sizes and alignment behave. */
static void test_symbol_ids(void **state)
{
    (void)state;
    Elf *e = elf_new();
    int a = elf_symbol(e, "alpha"), b = elf_symbol(e, "beta");
    assert_int_not_equal(a, b);
    assert_int_equal(elf_symbol(e, "alpha"), a);
    assert_string_equal(elf_symbol_name(e, b), "beta");
    assert_false(elf_symbol_defined(e, a));
    int t = elf_section(e, ".text.alpha", SEC_TEXT, 16);
    int r = elf_section(e, ".rodata.x", SEC_RODATA, 1);
    assert_int_not_equal(t, r);
    assert_int_equal(elf_append(e, t, "\xc3", 1), 0);
    assert_int_equal(elf_append(e, t, "\x90\x90", 2), 1);
    elf_section_align(e, t, 8);
    assert_int_equal(elf_section_size(e, t), 8);
    elf_section_align(e, t, 8);
    assert_int_equal(elf_section_size(e, t), 8);
    elf_define(e, a, t, 0, 1, SYM_GLOBAL, SYM_FUNC);
    assert_true(elf_symbol_defined(e, a));
    assert_false(elf_symbol_defined(e, b));
    Buf out = {0};
    elf_serialize(e, &out);
    /* The padding is zeros. */
    static const uint8_t text[8] = {0xc3, 0x90, 0x90};
    assert_non_null(memmem(out.p, out.len, text, 8));
    buf_free(&out);
    elf_free(e);
}

/* An object with nothing in it is still a well-formed object. */
static void test_empty(void **state)
{
    (void)state;
    require_tool("readelf");
    char path[600];
    path_in(path, sizeof path, "empty.o");
    Elf *e = elf_new();
    write_checked(e, path);
    elf_free(e);
    SecRow s[8];
    int n = read_sections(path, s, 8);
    assert_int_equal(n, 5);
    assert_string_equal(s[1].name, ".note.GNU-stack");
    assert_string_equal(s[2].name, ".symtab");
    assert_int_equal(s[2].info, 1);
}

/* Capture stderr around f(arg) into buf. */
static void capture_stderr(void (*f)(void *), void *arg, char *buf, size_t n)
{
    char path[600];
    path_in(path, sizeof path, "stderr.txt");
    fflush(stderr);
    int saved = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved >= 0 && fd >= 0);
    dup2(fd, 2);
    close(fd);
    f(arg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    size_t len;
    char *s = read_file(path, &len);
    assert_non_null(s);
    snprintf(buf, n, "%s", s);
    free(s);
    unlink(path);
}

static int write_result;

static void write_tiny(void *path)
{
    Elf *e = elf_new();
    int t = elf_section(e, ".text", SEC_TEXT, 1);
    elf_append(e, t, "\xc3", 1);
    write_result = elf_write(e, path);
    elf_free(e);
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* An unwritable path: -1, one line on stderr, no file, no temporary. */
static void test_unwritable(void **state)
{
    (void)state;
    char file[600], dir[600], path[700], msg[1024];
    path_in(file, sizeof file, "plainfile");
    path_in(dir, sizeof dir, "adir");
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(mkdir(dir, 0755), 0);

    const char *cases[] = {"missing/x.o", "plainfile/x.o", "adir"};
    for (int i = 0; i < countof(cases); i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, cases[i]);
        capture_stderr(write_tiny, path, msg, sizeof msg);
        assert_int_equal(write_result, -1);
        assert_int_equal(count_lines(msg), 1);
        assert_non_null(strstr(msg, path));
        struct stat st;
        if (i < 2)
            assert_int_not_equal(stat(path, &st), 0);
        else
            assert_true(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
    }
    /* Nothing was left behind next to the targets. */
    char *out;
    assert_int_equal(run(&out, "ls -A '%s' | grep -c tmp", tmpdir), 1);
    assert_string_equal(out, "0\n");
    free(out);
    unlink(file);
    rmdir(dir);
}

/* Misuse is an internal error: die() names it and aborts. */
typedef void (*Misuse)(Elf *e, int sec, int sym);

static void reloc_past_end(Elf *e, int sec, int sym) { elf_reloc(e, sec, 8, sym, RELOC_PC32, -4); }
static void reloc_straddles(Elf *e, int sec, int sym) { elf_reloc(e, sec, 6, sym, RELOC_PC32, -4); }
static void abs64_straddles(Elf *e, int sec, int sym) { elf_reloc(e, sec, 1, sym, RELOC_ABS64, 0); }
static void pc32_addend(Elf *e, int sec, int sym)
{
    elf_reloc(e, sec, 0, sym, RELOC_PC32, (int64_t)INT32_MAX + 1);
}
static void abs32_addend(Elf *e, int sec, int sym)
{
    elf_reloc(e, sec, 0, sym, RELOC_ABS32, (int64_t)UINT32_MAX + 1);
}
static void reloc_in_bss(Elf *e, int sec, int sym)
{
    (void)sec;
    int bss = elf_section(e, ".bss", SEC_BSS, 8);
    elf_append(e, bss, NULL, 16);
    elf_reloc(e, bss, 0, sym, RELOC_ABS64, 0);
}
static void define_twice(Elf *e, int sec, int sym)
{
    elf_define(e, sym, sec, 0, 1, SYM_GLOBAL, SYM_FUNC);
    elf_define(e, sym, sec, 0, 1, SYM_GLOBAL, SYM_FUNC);
}
static void symbol_outside(Elf *e, int sec, int sym)
{
    elf_define(e, sym, sec, 4, 8, SYM_GLOBAL, SYM_FUNC);
    Buf b = {0};
    elf_serialize(e, &b);
}
static void bad_align(Elf *e, int sec, int sym)
{
    (void)sec, (void)sym;
    elf_section(e, ".data", SEC_DATA, 12);
}

static void expect_death(Misuse f, const char *why)
{
    char path[600];
    path_in(path, sizeof path, "death.txt");
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, 2);
        Elf *e = elf_new();
        int sec = elf_section(e, ".text.f", SEC_TEXT, 16);
        elf_append(e, sec, NULL, 8);
        f(e, sec, elf_symbol(e, "f"));
        _exit(0);
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    char *msg = read_file(path, NULL);
    assert_non_null(msg);
    if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGABRT || !strstr(msg, "internal error") ||
        !strstr(msg, why))
        fail_msg("expected an abort mentioning '%s'; status %#x, stderr:\n%s", why, st, msg);
    free(msg);
    unlink(path);
}

static void test_misuse_dies(void **state)
{
    (void)state;
    expect_death(reloc_past_end, "outside the section");
    expect_death(reloc_straddles, "outside the section");
    expect_death(abs64_straddles, "8-byte field is outside");
    expect_death(pc32_addend, "does not fit");
    expect_death(abs32_addend, "does not fit");
    expect_death(reloc_in_bss, "bss");
    expect_death(define_twice, "defined twice");
    expect_death(symbol_outside, "outside section");
    expect_death(bad_align, "power of two");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_objdump),
        cmocka_unit_test(test_link_gnu_ld),
        cmocka_unit_test(test_link_lld),
        cmocka_unit_test(test_encoder_output),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_symbol_ids),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_unwritable),
        cmocka_unit_test(test_misuse_dies),
    };
    return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
