/* The musl equivalents of arc_yield.c, with two pthreads:
 *   yield_ns     both threads on one CPU, each calling sched_yield: ns per
 *                sched_yield (each hands the CPU to the other thread)
 *   futex_ns     turns through a futex for SAMPLE_NS: ns per round trip
 *                (one turn each), the threads free to run on any CPU
 *                (argument "2cpu") or pinned to one CPU ("1cpu") */
#include "musl_bench.h"
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { YIELDS = 20000 };
/* <linux/futex.h> is not in musl-gcc's include path */
enum { FUTEX_WAIT_PRIVATE = 0 | 128, FUTEX_WAKE_PRIVATE = 1 | 128 };

static void *yielder(void *arg)
{
    (void)arg;
    for (long i = 0; i < YIELDS; i++)
        sched_yield();
    return (void *)(long)YIELDS;
}

/* turn: 0 or 1, whose turn it is.  Thread 0 ends the game on one of its
 * turns once SAMPLE_NS have passed; thread 1 counts its turns. */
static int turn;
static volatile int stop;
static long t_start, turns1;

static void *player(void *arg)
{
    int me = (int)(long)arg;
    for (long i = 0;; i++) {
        while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != me)
            syscall(SYS_futex, &turn, FUTEX_WAIT_PRIVATE, 1 - me, 0, 0, 0);
        if (stop)
            return (void *)(long)(me + 1);
        if (me == 0 && i % 256 == 0 && now_ns() - t_start >= SAMPLE_NS)
            stop = 1;
        if (me == 1)
            turns1++;
        __atomic_store_n(&turn, 1 - me, __ATOMIC_RELEASE);
        syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
        if (stop)
            return (void *)(long)(me + 1);
    }
}

static long pair(void *(*fn)(void *))
{
    pthread_t a, b;
    void *ra, *rb;
    die_if(pthread_create(&a, 0, fn, (void *)0L), "pthread_create");
    die_if(pthread_create(&b, 0, fn, (void *)1L), "pthread_create");
    die_if(pthread_join(a, &ra), "pthread_join");
    die_if(pthread_join(b, &rb), "pthread_join");
    return (long)ra + (long)rb;
}

int main(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "1cpu") && strcmp(argv[1], "2cpu"))) {
        fprintf(stderr, "usage: musl_yield 1cpu|2cpu\n");
        return 2;
    }
    if (!strcmp(argv[1], "1cpu")) {
        pin_to_one_cpu();
        long t0 = now_ns();
        long n = pair(yielder);
        long t = now_ns() - t0;
        check(n == 2 * YIELDS, "yields", n);
        report("yield_ns", t, n);
    }
    long t0 = t_start = now_ns();
    long n = pair(player);
    long t = now_ns() - t0;
    check(n == 3 && turns1 > 0, "futex turns", turns1);
    report("futex_ns", t, turns1);
    return 0;
}
