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
 * movaps spill in main fault).  argc, argv, envp and auxv are kept in
 * arc_rt_proc for the scheduler (ARC_WORKERS) and the crash reporter
 * (AT_MINSIGSTKSZ).  main's result goes to exit_group; hlt
 * follows in case exit_group ever returns (it faults in user mode, so the
 * process dies instead of running off the end). */
#include "gen/rt/rt.h"

void rt_emit_start(Rt *rt)
{
    RtFn fn;
    rt_begin(rt, &fn, "_start", SYM_GLOBAL);
    Asm *a = &fn.a;
    int scan = enc_label(a);

    enc_alu(a, ALU_XOR, 4, opr(RBP), opr(RBP));
    enc_mov(a, 8, opr(RDI), opm(mem_b(RSP, 0)));          /* argc */
    enc_lea(a, 8, RSI, mem_b(RSP, 8));                    /* argv */
    enc_lea(a, 8, RDX, mem_bis(RSI, RDI, 8, 8));          /* envp = argv + argc + 1 */
    enc_mov(a, 8, opr(RCX), opr(RDX));                    /* auxv: past envp's NULL */
    enc_bind(a, scan);
    enc_alu(a, ALU_CMP, 8, opm(mem_b(RCX, 0)), opi(0));
    enc_lea(a, 8, RCX, mem_b(RCX, 8));                    /* lea keeps the flags */
    enc_jcc(a, CC_NE, scan);
    int proc = rt_bss(rt, "arc_rt_proc", P_SIZE, 8, SYM_GLOBAL);
    enc_mov(a, 8, opm(mem_rip(proc, P_ARGC)), opr(RDI));
    enc_mov(a, 8, opm(mem_rip(proc, P_ARGV)), opr(RSI));
    enc_mov(a, 8, opm(mem_rip(proc, P_ENVP)), opr(RDX));
    enc_mov(a, 8, opm(mem_rip(proc, P_AUXV)), opr(RCX));
    enc_alu(a, ALU_AND, 8, opr(RSP), opi(-16));
    enc_call_sym(a, rt_sym(rt, "main"));                  /* main(argc, argv, envp, auxv) */
    enc_mov(a, 4, opr(RDI), opr(RAX));
    enc_mov(a, 4, opr(RAX), opi(SYS_exit_group));
    enc_syscall(a);
    enc_hlt(a);
    rt_end(rt, &fn);
}
