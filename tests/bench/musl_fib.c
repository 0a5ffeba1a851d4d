/* fib(32) with musl: a pthread per call above THREAD_CUTOFF (both children
 * created, then joined; the cutoff keeps the thread count sane), and the
 * serial function alone.  A warm-up fib(26) first, then REPS samples of
 * each.  Results checked.
 * par2_ms, two threads each running the serial fib(32) at once, tells how
 * much of a second CPU this shared machine gives (ideal: fib_serial_ms). */
#include "musl_bench.h"
#include "fib.h"

enum { THREAD_CUTOFF = 27, REPS = 3 };

static void *fib_thread(void *arg)
{
    long n = (long)arg;
    if (n <= THREAD_CUTOFF)
        return (void *)fib_serial(n);
    pthread_t a, b;
    void *ra, *rb;
    die_if(pthread_create(&a, 0, fib_thread, (void *)(n - 1)), "pthread_create");
    die_if(pthread_create(&b, 0, fib_thread, (void *)(n - 2)), "pthread_create");
    die_if(pthread_join(a, &ra), "pthread_join");
    die_if(pthread_join(b, &rb), "pthread_join");
    return (void *)((long)ra + (long)rb);
}

static void *serial_thread(void *arg)
{
    (void)arg;
    return (void *)fib_serial(FIB_N);
}

static volatile long fib_n = FIB_N, warm_n = FIB_WARM;

int main(void)
{
    long r = (long)fib_thread((void *)warm_n);
    check(r == FIB_26, "fib(26)", r);
    for (int i = 0; i < REPS; i++) {
        long t0 = now_ns();
        r = (long)fib_thread((void *)fib_n);
        long t = now_ns() - t0;
        check(r == FIB_32, "fib(32) with threads", r);
        report("fib_ms", t, 1000000);

        t0 = now_ns();
        r = fib_serial(fib_n);
        t = now_ns() - t0;
        check(r == FIB_32, "fib(32) serial", r);
        report("fib_serial_ms", t, 1000000);

        pthread_t a, b;
        void *ra, *rb;
        t0 = now_ns();
        die_if(pthread_create(&a, 0, serial_thread, 0), "pthread_create");
        die_if(pthread_create(&b, 0, serial_thread, 0), "pthread_create");
        die_if(pthread_join(a, &ra), "pthread_join");
        die_if(pthread_join(b, &rb), "pthread_join");
        t = now_ns() - t0;
        check((long)ra == FIB_32 && (long)rb == FIB_32, "fib(32) in two threads", (long)ra);
        report("par2_ms", t, 1000000);
    }
    return 0;
}
