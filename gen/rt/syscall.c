/* syscall.c: the raw syscall layer.
 *
 * Needs: SYS_* numbers from uapi_layout/.  Produces: one function per row
 * of syscalls.def, plus arc_syscall(nr, a1..a6) for everything else.
 *
 * C ABI in:     rdi rsi rdx rcx r8 r9 [rsp+8]
 * kernel ABI:   rax=nr, rdi rsi rdx r10 r8 r9; syscall clobbers rcx, r11;
 *               the result in rax is the value or -errno (-4095..-1).
 * So a stub is `mov eax, NR; [mov r10, rcx]; syscall; ret`. */
#include <stdio.h>

#include "gen/rt/rt.h"

static const struct {
    const char *name;
    int nr, nargs;
    const char *ret, *params;
} syscalls[] = {
#define SYSCALL(name, nargs, ret, params) {"arc_" #name, SYS_##name, nargs, ret, params},
#include "gen/rt/syscalls.def"
#undef SYSCALL
};

static void emit_stub(Rt *rt, const char *name, int nr, int nargs)
{
    RtFn fn;
    rt_begin(rt, &fn, name, SYM_GLOBAL);
    enc_mov(&fn.a, 4, opr(RAX), opi(nr));
    if (nargs >= 4)
        enc_mov(&fn.a, 8, opr(R10), opr(RCX));
    enc_syscall(&fn.a);
    enc_ret(&fn.a);
    rt_end(rt, &fn);
}

/* long arc_syscall(long nr, long a1, ..., long a6): shift every argument
 * one register to the left; a6 arrives on the stack above the return
 * address. */
static void emit_generic(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_syscall", SYM_GLOBAL);
    Asm *a = &fn.a;
    enc_mov(a, 8, opr(RAX), opr(RDI));
    enc_mov(a, 8, opr(RDI), opr(RSI));
    enc_mov(a, 8, opr(RSI), opr(RDX));
    enc_mov(a, 8, opr(RDX), opr(RCX));
    enc_mov(a, 8, opr(R10), opr(R8));
    enc_mov(a, 8, opr(R8), opr(R9));
    enc_mov(a, 8, opr(R9), opm(mem_b(RSP, 8)));
    enc_syscall(a);
    enc_ret(a);
    rt_end(rt, &fn);
}

void rt_emit_syscalls(Rt *rt)
{
    for (int i = 0; i < countof(syscalls); i++)
        emit_stub(rt, syscalls[i].name, syscalls[i].nr, syscalls[i].nargs);
    emit_generic(rt);
}

void rt_print_syscall_protos(FILE *f)
{
    fputs("long arc_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);\n", f);
    for (int i = 0; i < countof(syscalls); i++)
        fprintf(f, "%s %s(%s);\n", syscalls[i].ret, syscalls[i].name, syscalls[i].params);
}
