/* The clocks and the sleepers: arc_now_ns/arc_wall_ns (through the vDSO
 * when the kernel maps one, clock_gettime(2) otherwise: natively and
 * under qemu-x86_64 both paths run) agree with the system call, and 2000
 * C tasks sleeping 0-20 ms all wake, none early, twice over (the second
 * round runs on the stacks the first gave back).
 * "vdso consistent=1": the runtime found __vdso_clock_gettime exactly
 * when the auxiliary vector names a vDSO, and it lies inside that image. */
// workers: 1 2
// expect: vdso consistent=1
// expect: monotonic bracketed=1
// expect: realtime bracketed=1
// expect: round 1: woke=2000 early=0
// expect: round 2: woke=2000 early=0
#include "arc_rt.h"
#include "rt_print.h"

enum { N = 2000, AT_SYSINFO_EHDR = 33, CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1 };

extern long arc_rt_vdso[2];     /* gen/rt/poll.c: the function or 0, and a keep word */

struct ts {
    long sec, nsec;
};

static long sys_ns(int clock)
{
    struct ts t;
    arc_clock_gettime(clock, &t);
    return t.sec * 1000000000L + t.nsec;
}

static volatile long woke, early;

static long sleeper(void *arg)
{
    long ns = (long)arg, t0 = arc_now_ns(), s0 = sys_ns(CLOCK_MONOTONIC);
    arc_sleep(ns);
    long t = arc_now_ns(), s = sys_ns(CLOCK_MONOTONIC);
    if (t - t0 < ns || s - s0 < ns)
        __atomic_add_fetch(&early, 1, __ATOMIC_SEQ_CST);
    __atomic_add_fetch(&woke, 1, __ATOMIC_SEQ_CST);
    return 0;
}

static void round(int k)
{
    static void *t[N];
    woke = early = 0;
    unsigned long x = 88172645463325252ul + (unsigned long)k;
    for (long i = 0; i < N; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        t[i] = arc_spawn(sleeper, (void *)(long)(x % 20000001));
    }
    for (long i = 0; i < N; i++)
        arc_await(t[i]);
    put("round ");
    put_long(k);
    put(": woke=");
    put_long(woke);
    put(" early=");
    put_long(early);
    put("\n");
}

static int bracketed(int clock, long (*now)(void))
{
    for (int i = 0; i < 1000; i++) {
        long a = sys_ns(clock), n = now(), b = sys_ns(clock);
        if (n < a || n > b)
            return 0;
    }
    return 1;
}

int main(int argc, char **argv, char **envp, unsigned long *auxv)
{
    (void)argc, (void)argv, (void)envp;
    unsigned long ehdr = 0;
    for (unsigned long *p = auxv; p[0]; p += 2)
        if (p[0] == AT_SYSINFO_EHDR)
            ehdr = p[1];
    unsigned long f = (unsigned long)arc_rt_vdso[0];
    int consistent = ehdr ? f > ehdr && f < ehdr + (1ul << 20) : f == 0;
    put("vdso consistent=");
    put_long(consistent);
    put("\nmonotonic bracketed=");
    put_long(bracketed(CLOCK_MONOTONIC, arc_now_ns));
    put("\nrealtime bracketed=");
    put_long(bracketed(CLOCK_REALTIME, arc_wall_ns));
    put("\n");
    round(1);
    round(2);
    return 0;
}
