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

/* The runtime being generated (S): the Rt of the last rt_begin. */
static Rt *current;

int S(const char *name)
{
    if (!current)
        die("rt: symbol %s named before any runtime function", name);
    return rt_sym(current, name);
}

void rt_begin(Rt *rt, RtFn *fn, const char *name, SymBind bind)
{
    current = rt;
    enc_init(&fn->a);
    if (rt->fn < rt->nfn) {
        fn->a.jhint = rt->hint[rt->fn];
        fn->a.njhint = rt->nhint[rt->fn];
    }
    rt->fn++;
    fn->sym = elf_symbol(rt->elf, name);
    fn->name = name;
    fn->bind = bind;
    fn->cold = 0;
    fn->late = 0;
    fn->nentry = 0;
}

void rt_entry(Rt *rt, RtFn *fn, const char *name, SymBind bind)
{
    if (fn->nentry == countof(fn->entry))
        die("rt: %s: too many entry points", fn->name);
    int label = enc_label(&fn->a);
    enc_bind(&fn->a, label);
    fn->entry[fn->nentry++] = (RtEntry){label, rt_sym(rt, name), bind};
}

/* Relaxation: what this pass found for the function just generated. */
static void relax_record(Rt *rt, const Asm *a)
{
    int i = rt->fn - 1;
    if (rt->pass == 0) {
        if (rt->nfn != i)
            die("rt: functions out of order");
        grow(&rt->hint, &rt->capfn, i + 1, sizeof *rt->hint);
        grow(&rt->nhint, &rt->capn, i + 1, sizeof *rt->nhint);
        rt->nfn = i + 1;
    } else if (i >= rt->nfn) {
        die("rt: a function more than in the first pass");
    }
    rt->missed += enc_relax_hints(a, &rt->hint[i], &rt->nhint[i], rt->pass == 0) && rt->pass > 0;
}

void rt_free_hints(Rt *rt)
{
    for (int i = 0; i < rt->nfn; i++)
        free(rt->hint[i]);
    free(rt->hint);
    free(rt->nhint);
    rt->hint = NULL;
    rt->nhint = NULL;
    rt->nfn = rt->capfn = rt->capn = 0;
}

void rt_end(Rt *rt, RtFn *fn)
{
    enc_finish(&fn->a);
    relax_record(rt, &fn->a);
    char *sec = secname(fn->late ? ".arc_late_text." : ".text.", fn->name);
    int id = elf_add_function(rt->elf, sec, fn->sym, fn->bind, &fn->a);
    for (int i = 0; i < fn->nentry; i++) {
        size_t at = (size_t)fn->a.labels[fn->entry[i].label];
        size_t end = i + 1 < fn->nentry ? (size_t)fn->a.labels[fn->entry[i + 1].label] : fn->a.code.len;
        if (i == 0)
            elf_set_size(rt->elf, fn->sym, at);
        elf_define(rt->elf, fn->entry[i].sym, id, at, end - at, fn->entry[i].bind, SYM_FUNC);
    }
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

void rt_sys(Asm *a, int nr)
{
    enc_mov(a, 4, R(RAX), I(nr));
    enc_syscall(a);
}

void rt_spin_lock(Asm *a, Opnd m)
{
    int retry = enc_label(a), spin = enc_label(a), got = enc_label(a);
    enc_bind(a, retry);
    enc_mov(a, 4, R(RAX), I(1));
    enc_xchg(a, 4, m, RAX);
    enc_test(a, 4, R(RAX), R(RAX));
    enc_jcc_short(a, CC_E, got);
    enc_bind(a, spin);
    enc_pause(a);
    enc_alu(a, ALU_CMP, 4, m, I(0));
    enc_jcc(a, CC_NE, spin);
    enc_jmp(a, retry);
    enc_bind(a, got);
}

void rt_spin_unlock(Asm *a, Opnd m)
{
    enc_mov(a, 4, m, I(0));
}

void rt_mmap(Asm *a, Opnd size, int extra_flags)
{
    enc_alu(a, ALU_XOR, 4, R(RDI), R(RDI));
    if (!(size.kind == OPND_REG && size.reg == RSI))
        enc_mov(a, 8, R(RSI), size);
    enc_mov(a, 4, R(RDX), I(K_PROT_READ | K_PROT_WRITE));
    enc_mov(a, 4, R(R10), I(K_MAP_PRIVATE | K_MAP_ANONYMOUS | extra_flags));
    enc_mov(a, 8, R(R8), I(-1));
    enc_alu(a, ALU_XOR, 4, R(R9), R(R9));
    rt_sys(a, SYS_mmap);
}

void rt_fatal_msg(Rt *rt, Asm *a, const char *label, const char *msg, Reg number)
{
    int sym = rt_sym(rt, label);
    if (!elf_symbol_defined(rt->elf, sym))
        rt_rodata(rt, label, msg, strlen(msg) + 1, 1, SYM_LOCAL);
    if (number != RSI)
        enc_mov(a, 8, R(RSI), number == NOREG ? I(-1) : R(number));
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_mov_sym32(a, RDI, sym, 0);
    enc_jmp_sym(a, rt_sym(rt, "arc_rt_fatal"));
}

void rt_mmap_or_die(Rt *rt, Asm *a, int extra_flags, const char *label, const char *msg)
{
    rt_mmap(a, R(RSI), extra_flags);
    int ok = enc_label(a);
    enc_alu(a, ALU_CMP, 8, R(RAX), I(-4095));
    enc_jcc(a, CC_B, ok);
    enc_mov(a, 8, R(RSI), R(RAX));
    enc_unary(a, UN_NEG, 8, R(RSI));
    rt_fatal_msg(rt, a, label, msg, RSI);
    enc_bind(a, ok);
}

void rt_digits(Asm *a, int hex)
{
    int digit = enc_label(a), low = enc_label(a);
    enc_bind(a, digit);
    enc_alu(a, ALU_XOR, 4, R(RDX), R(RDX));
    enc_unary(a, UN_DIV, 8, R(RCX));
    if (hex) {
        enc_alu(a, ALU_CMP, 4, R(RDX), I(10));
        enc_jcc(a, CC_B, low);
        enc_alu(a, ALU_ADD, 4, R(RDX), I('a' - '0' - 10));
        enc_bind(a, low);
    }
    enc_alu(a, ALU_ADD, 4, R(RDX), I('0'));
    enc_unary(a, UN_DEC, 8, R(RSI));
    enc_mov(a, 1, M(RSI, 0), R(RDX));
    enc_test(a, 8, R(RAX), R(RAX));
    enc_jcc(a, CC_NE, digit);
}

void rt_call_table(Asm *a, Reg cur, const char *start, const char *end, const Reg *args,
                   int nargs, int skip_null)
{
    static const Reg abi[] = {RDI, RSI, RDX, RCX};
    if (nargs > countof(abi))
        die("rt_call_table: %d arguments", nargs);
    int loop = enc_label(a), next = enc_label(a), done = enc_label(a);
    enc_mov_sym32(a, cur, S(start), 0);
    enc_bind(a, loop);
    enc_alu_sym32s(a, ALU_CMP, cur, S(end), 0);
    enc_jcc(a, CC_AE, done);
    for (int i = 0; i < nargs; i++)
        enc_mov(a, 8, R(abi[i]), R(args[i]));
    if (skip_null) {
        enc_mov(a, 8, R(RAX), M(cur, 0));
        enc_test(a, 8, R(RAX), R(RAX));
        enc_jcc(a, CC_E, next);
        enc_call_ind(a, R(RAX));
    } else {
        enc_call_ind(a, M(cur, 0));
    }
    enc_bind(a, next);
    enc_alu(a, ALU_ADD, 8, R(cur), I(8));
    enc_jmp(a, loop);
    enc_bind(a, done);
}
