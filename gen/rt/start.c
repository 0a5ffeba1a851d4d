/* start.c: _start, the process entry point.
 *
 * Needs: a C-ABI `main(argc, argv, envp)` from the program.  Produces:
 * _start in .text._start, which the linker script keeps first in .text.
 *
 * The kernel enters with (System V ABI, AMD64 supplement, 3.4.1):
 *
 *     rsp -> argc
 *            argv[0] .. argv[argc-1], NULL
 *            envp[0] .. NULL
 *            auxv pairs (type, value) .. AT_NULL
 *
 * and promises nothing else we rely on: rbp is zeroed here so frame-pointer
 * backtraces end at _start, and rsp is aligned to 16 before the call (the
 * kernel aligns it, but a loader or emulator that does not would make every
 * movaps spill in main fault).  main's result goes to arc_exit (exit.c:
 * the exit hooks, then exit_group; it ends in hlt in case exit_group ever
 * returns).
 *
 * Start-up hooks cost nothing when unused.  Before main, _start calls each
 * function whose address sits in the table [arc_init_start, arc_init_end)
 * (linker/arc.ld gathers the .arc_init.* sections there, in input order:
 * the image emits arc_rt_capture's first, so the hooks after it may read
 * arc_rt_proc) with (argc, argv, envp, auxv).  The sections are not KEEP:
 * one survives --gc-sections only if something refers to it.  The hooks:
 *   arc_rt_capture      stores those values in arc_rt_proc for the
 *                       scheduler (ARC_WORKERS, the main stack's top);
 *                       arc_rt_proc itself refers to the hook's entry
 *                       (P_KEEP), so a program that reads arc_rt_proc gets
 *                       it filled in;
 *   arc_rt_signal_start the crash reporter (gen/rt/signal.c), which keeps
 *                       what it needs of those values itself (argv bounds
 *                       the main stack, auxv gives AT_MINSIGSTKSZ).  Its
 *                       entry, arc_rt_signal_hook, is global: the link step
 *                       asks for it by name (ld -u) unless --no-crash-report.
 * So hello linked with --no-crash-report writes no memory at all before
 * main: no RW segment, no page fault. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/rt/rt.h"

int rt_init_hook(Rt *rt, const RtFn *fn, const char *entry_name, SymBind bind)
{
    static const uint8_t slot[8];
    size_t n = strlen(fn->name) + sizeof ".arc_init.";
    char *secname = xmalloc(n);
    snprintf(secname, n, ".arc_init.%s", fn->name);
    int sec = elf_section(rt->elf, secname, SEC_RODATA, 8);
    free(secname);
    elf_append(rt->elf, sec, slot, sizeof slot);
    elf_reloc(rt->elf, sec, 0, fn->sym, RELOC_ABS64, 0);
    int entry = elf_symbol(rt->elf, entry_name);
    elf_define(rt->elf, entry, sec, 0, sizeof slot, bind, SYM_OBJECT);
    return entry;
}

/* arc_rt_capture(argc, argv, envp, auxv), its .arc_init entry, and
 * arc_rt_proc. */
static void emit_capture(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "arc_rt_capture", SYM_GLOBAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    int proc = rt_sym(rt, "arc_rt_proc");
    enc_mov(a, 8, opm(mem_rip(proc, P_ARGC)), opr(RDI));
    enc_mov(a, 8, opm(mem_rip(proc, P_ARGV)), opr(RSI));
    enc_mov(a, 8, opm(mem_rip(proc, P_ENVP)), opr(RDX));
    enc_mov(a, 8, opm(mem_rip(proc, P_AUXV)), opr(RCX));
    enc_ret(a);
    rt_end(rt, &fn);

    static const uint8_t zero[P_SIZE];
    int entry = rt_init_hook(rt, &fn, "arc_rt_capture_entry", SYM_LOCAL);

    int proc_sec = elf_section(rt->elf, ".data.arc_rt_proc", SEC_DATA, 8);
    elf_append(rt->elf, proc_sec, zero, P_SIZE);
    elf_reloc(rt->elf, proc_sec, P_KEEP, entry, RELOC_ABS64, 0);
    elf_define(rt->elf, proc, proc_sec, 0, P_SIZE, SYM_GLOBAL, SYM_OBJECT);

    /* long arc_argc(void), char **arc_argv(void), char **arc_envp(void):
     * the start-up values, for code whose main takes none (Arc's). */
    static const struct {
        const char *name;
        int off;
    } getters[] = {{"arc_argc", P_ARGC}, {"arc_argv", P_ARGV}, {"arc_envp", P_ENVP}};
    for (int i = 0; i < countof(getters); i++) {
        rt_begin(rt, &fn, getters[i].name, SYM_GLOBAL);
        fn.cold = 1;
        enc_mov(&fn.a, 8, opr(RAX), opm(mem_rip(proc, getters[i].off)));
        enc_ret(&fn.a);
        rt_end(rt, &fn);
    }
}

void rt_emit_start(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "_start", SYM_GLOBAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    int scan = enc_label(a);

    /* r12 argc, r13 argv, r14 envp, r15 auxv: kept across the hooks
     * (callee-saved; _start has no caller to preserve them for) */
    enc_alu(a, ALU_XOR, 4, opr(RBP), opr(RBP));
    enc_mov(a, 8, opr(R12), opm(mem_b(RSP, 0)));
    enc_lea(a, 8, R13, mem_b(RSP, 8));
    enc_lea(a, 8, R14, mem_bis(R13, R12, 8, 8));          /* envp = argv + argc + 1 */
    enc_mov(a, 8, opr(R15), opr(R14));                    /* auxv: past envp's NULL */
    enc_bind(a, scan);
    enc_alu(a, ALU_CMP, 8, opm(mem_b(R15, 0)), opi(0));
    enc_lea(a, 8, R15, mem_b(R15, 8));                    /* lea keeps the flags */
    enc_jcc(a, CC_NE, scan);
    enc_alu(a, ALU_AND, 8, opr(RSP), opi(-16));
    static const Reg args[] = {R12, R13, R14, R15};
    rt_call_table(a, RBX, "arc_init_start", "arc_init_end", args, 4, 0);
    enc_mov(a, 8, opr(RDI), opr(R12));
    enc_mov(a, 8, opr(RSI), opr(R13));
    enc_mov(a, 8, opr(RDX), opr(R14));
    enc_mov(a, 8, opr(RCX), opr(R15));
    enc_call_sym(a, rt_sym(rt, "main"));                  /* main(argc, argv, envp, auxv) */
    enc_mov(a, 4, opr(RDI), opr(RAX));
    enc_call_sym(a, rt_sym(rt, "arc_exit"));              /* exit hooks, exit_group */
    rt_end(rt, &fn);
    emit_capture(rt);
}
