/* exit.c: arc_exit, the one way out of a process that ends normally, and
 * its exit hooks.
 *
 * Needs: linker/arc.ld's table [arc_fini_start, arc_fini_end) of function
 * pointers (the .arc_fini.* sections, KEEP).  Produces: arc_exit and the
 * table's one entry, .arc_fini.arc_c_fini.
 *
 * _start (after main returns), exit() and arc_rt_fatal all end in
 * arc_exit(status): it calls each non-null hook of the table in order,
 * then exit_group(status).  The crash reporter does not come here (a
 * crashed process's memory is not to be trusted; it dies by its signal).
 *
 * The entry .arc_fini.arc_c_fini holds a weak reference to arc_c_fini:
 * the C layer (stdlib_arc/libc.arc) defines it to flush its FILE buffers.
 * A program without the C layer gets a null entry (8 bytes of .rodata and
 * the loop below), so exiting costs it no call and no memory write. */
#include "gen/rt/rt.h"

void rt_emit_exit(Rt *rt)
{
    RtFn fn;
    /* void arc_exit(int status): does not return; rbx and r12 need no
     * saving.  rsp is realigned to 16 for the hooks' calls. */
    rt_begin(rt, &fn, "arc_exit", SYM_GLOBAL);
    fn.cold = 1;
    Asm *a = &fn.a;
    enc_mov(a, 4, opr(RBX), opr(RDI));
    enc_alu(a, ALU_AND, 8, opr(RSP), opi(-16));
    rt_call_table(a, R12, "arc_fini_start", "arc_fini_end", NULL, 0, 1);
    enc_mov(a, 4, opr(RDI), opr(RBX));
    enc_mov(a, 4, opr(RAX), opi(SYS_exit_group));
    enc_syscall(a);
    enc_hlt(a);
    rt_end(rt, &fn);

    static const uint8_t zero[8];
    int sec = elf_section(rt->elf, ".arc_fini.arc_c_fini", SEC_RODATA, 8);
    elf_append(rt->elf, sec, zero, 8);
    int hook = rt_sym(rt, "arc_c_fini");
    elf_weak_ref(rt->elf, hook);
    elf_reloc(rt->elf, sec, 0, hook, RELOC_ABS64, 0);
}
