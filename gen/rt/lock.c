/* lock.c: arc_lock / arc_unlock, a mutex on one 32-bit word, for code
 * that has no atomics of its own (the C layer's FILE locks).
 *
 * Needs: nothing but the futex syscall.  Produces: arc_lock, arc_unlock.
 *
 * The word: 0 free, 1 held, 2 held and someone may sleep on it (Drepper,
 * "Futexes Are Tricky", mutex 2).
 *   lock:   cmpxchg 0 -> 1: done (the uncontended path: no syscall).
 *           Else spin a little, trying cmpxchg 0 -> 1 again whenever it
 *           reads 0 (taken that way, the unlock needs no wake); then
 *           loop { if xchg(word, 2) == 0: done; futex_wait(word, 2) }.
 *   unlock: xchg(word, 0); if it was 2, futex_wake(word, 1).
 * A waiter marks the word 2 before sleeping, and futex_wait sleeps only
 * while the word still reads 2, so an unlock between the xchg and the
 * sleep is never lost.  The locked instructions are full barriers: what
 * the holder wrote is visible to the next holder.
 *
 * A waiter blocks its worker thread, not only its task: the holder must
 * not yield, await or park while holding the lock (it runs on another
 * worker and will release it). */
#include "gen/rt/rt.h"

enum { LOCK_SPINS = 100 };

void rt_emit_lock(Rt *rt)
{
    RtFn fn;
    /* void arc_lock(int *word): rdi = word */
    rt_begin(rt, &fn, "arc_lock", SYM_GLOBAL);
    Asm *a = &fn.a;
    int slow = enc_label(a), spin = enc_label(a), grab = enc_label(a), out = enc_label(a);
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    enc_mov(a, 4, opr(RCX), opi(1));
    enc_lock_cmpxchg(a, 4, mem_b(RDI, 0), RCX);
    enc_jcc(a, CC_NE, slow);
    enc_ret(a);
    enc_bind(a, slow);
    enc_mov(a, 4, opr(R8), opi(LOCK_SPINS));
    int next = enc_label(a);
    enc_bind(a, spin);                            /* wait for 0 without writing */
    enc_pause(a);
    enc_alu(a, ALU_CMP, 4, opm(mem_b(RDI, 0)), opi(0));
    enc_jcc(a, CC_NE, next);
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));   /* free: try 0 -> 1 again */
    enc_lock_cmpxchg(a, 4, mem_b(RDI, 0), RCX);
    enc_jcc(a, CC_E, out);
    enc_bind(a, next);
    enc_unary(a, UN_DEC, 4, opr(R8));
    enc_jcc(a, CC_NE, spin);
    enc_bind(a, grab);
    enc_mov(a, 4, opr(RAX), opi(2));
    enc_xchg(a, 4, opm(mem_b(RDI, 0)), RAX);      /* xchg with memory is locked */
    enc_test(a, 4, opr(RAX), opr(RAX));
    enc_jcc(a, CC_E, out);
    /* futex(word, FUTEX_WAIT_PRIVATE, 2, NULL); rdi survives the syscall */
    enc_mov(a, 4, opr(RSI), opi(K_FUTEX_WAIT_PRIVATE));
    enc_mov(a, 4, opr(RDX), opi(2));
    enc_alu(a, ALU_XOR, 4, opr(R10), opr(R10));
    enc_mov(a, 4, opr(RAX), opi(SYS_futex));
    enc_syscall(a);
    enc_jmp(a, grab);
    enc_bind(a, out);
    enc_ret(a);
    rt_end(rt, &fn);

    /* void arc_unlock(int *word): rdi = word */
    rt_begin(rt, &fn, "arc_unlock", SYM_GLOBAL);
    a = &fn.a;
    int wake = enc_label(a);
    enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
    enc_xchg(a, 4, opm(mem_b(RDI, 0)), RAX);
    enc_alu(a, ALU_CMP, 4, opr(RAX), opi(1));
    enc_jcc(a, CC_NE, wake);
    enc_ret(a);
    enc_bind(a, wake);
    enc_mov(a, 4, opr(RSI), opi(K_FUTEX_WAKE_PRIVATE));
    enc_mov(a, 4, opr(RDX), opi(1));
    enc_mov(a, 4, opr(RAX), opi(SYS_futex));
    enc_syscall(a);
    enc_ret(a);
    rt_end(rt, &fn);
}
