/* Poller races: readiness against deadlines, and close against
 * deadlines, on every worker at once.  Each of 32 readers waits on its
 * pipe with a deadline of 20 to 300 us while its writer sleeps 0 to
 * 300 us between bytes, so data, timers and kicks land in every order;
 * each reader must get exactly its ROUNDS bytes, in order.  Then 64
 * waiters with a ~500 us deadline race 64 closers at ~500 us: each wait
 * ends exactly once, with 0 (deadline) or -EBADF (closed), never with
 * data.  A task resumed twice would corrupt a count or crash. */
// expect: bytes in order=1
// expect: close races ended once each=1
#include "arc_rt.h"
#include "../c/rt_print.h"

enum { PAIRS = 32, ROUNDS = 150, CLOSERS = 64, US = 1000 };

static int fds[PAIRS][2];
static volatile long rng_state = 88172645463325252L;

static long rnd(long n)
{
    long x = __atomic_add_fetch(&rng_state, 0x9E3779B97F4A7C15L, __ATOMIC_RELAXED);
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >> 32;
    return (long)((unsigned long)x % (unsigned long)n);
}

static long reader(void *arg)
{
    int fd = fds[(long)arg][0];
    for (int got = 0; got < ROUNDS;) {
        long r = arc_wait_fd(fd, 1, arc_now_ns() + (20 + rnd(280)) * US);
        if (r < 0)
            return -1;
        unsigned char c;
        long n = arc_read(fd, &c, 1);
        if (n == 1) {
            if (c != (unsigned char)got)
                return -2;
            got++;
        } else if (n != -11 || r > 0) {
            return -3;      /* ready must mean a byte; EAGAIN only after a deadline */
        }
    }
    return 1;
}

static long writer(void *arg)
{
    int fd = fds[(long)arg][1];
    for (int i = 0; i < ROUNDS; i++) {
        unsigned char c = (unsigned char)i;
        long s = rnd(300);
        if (s > 20)
            arc_sleep(s * US);
        if (arc_write(fd, &c, 1) != 1)
            return -1;
    }
    return 1;
}

static int cfd[CLOSERS][2];

static long waiter(void *arg)
{
    long r = arc_wait_fd(cfd[(long)arg][0], 1, arc_now_ns() + 500 * US);
    return r == 0 || r == -9;
}

static long closer(void *arg)
{
    arc_sleep((400 + rnd(200)) * US);
    return arc_close(cfd[(long)arg][0]) == 0;
}

int main(void)
{
    static void *r[PAIRS], *w[PAIRS], *wt[CLOSERS], *ct[CLOSERS];
    for (long i = 0; i < PAIRS; i++) {
        arc_pipe2(fds[i], 04000);
        r[i] = arc_spawn(reader, (void *)i);
        w[i] = arc_spawn(writer, (void *)i);
    }
    long ok = 1;
    for (long i = 0; i < PAIRS; i++) {
        ok &= arc_await(r[i]) == 1;
        ok &= arc_await(w[i]) == 1;
        arc_close(fds[i][0]);
        arc_close(fds[i][1]);
    }
    put_kv("bytes in order", ok);
    /* every pipe before any task: a closer that ran while main still made
     * pipes would free its fd number for the next pipe2, and its waiter,
     * if it had not started waiting yet, would then share the fd with
     * another waiter (-EBUSY: one waiter per fd) */
    for (long i = 0; i < CLOSERS; i++)
        arc_pipe2(cfd[i], 04000);
    for (long i = 0; i < CLOSERS; i++) {
        wt[i] = arc_spawn(waiter, (void *)i);
        ct[i] = arc_spawn(closer, (void *)i);
    }
    ok = 1;
    for (long i = 0; i < CLOSERS; i++) {
        ok &= arc_await(wt[i]) == 1;
        ok &= arc_await(ct[i]) == 1;
        arc_close(cfd[i][1]);
    }
    put_kv("close races ended once each", ok);
    return 0;
}
