/* arc_sleepers [N]: N tasks (default 100000) each sleep a random 0 to
 * 100 ms (arc_sleep).  All must wake, none early (exits 1 otherwise).
 * Prints the spawn time, the time from the last spawn to the last
 * wake-up (target under 110 ms), the time from the first spawn to the
 * last wake-up (the whole run), the 99th percentile and the largest of
 * the lateness (wake-up minus deadline) and the peak RSS.
 * Times are arc_now_ns (the runtime's clock, the vDSO's where there is one). */
#include "arc_bench.h"

enum { MAX = 1000000 };

static volatile long early, woke, last_wake, max_late;

/* lateness histogram: LATE_STEP ns buckets, the last one open-ended */
enum { LATE_STEP = 100000, LATE_BUCKETS = 20000 };
static volatile long late_hist[LATE_BUCKETS];

/* the lateness below which p percent of the n tasks woke, in ns */
static long late_percentile(long n, long p)
{
    long want = (n * p + 99) / 100, seen = 0;
    for (long i = 0; i < LATE_BUCKETS; i++) {
        seen += late_hist[i];
        if (seen >= want)
            return (i + 1) * LATE_STEP;
    }
    return LATE_BUCKETS * LATE_STEP;
}

static void atomic_max(volatile long *p, long v)
{
    long old = *p;
    while (v > old && !__atomic_compare_exchange_n(p, &old, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        ;
}

static long sleeper(void *arg)
{
    long ns = (long)arg, t0 = arc_now_ns();
    arc_sleep(ns);
    long t = arc_now_ns();
    if (t - t0 < ns)
        __atomic_add_fetch(&early, 1, __ATOMIC_SEQ_CST);
    __atomic_add_fetch(&woke, 1, __ATOMIC_SEQ_CST);
    atomic_max(&last_wake, t);
    atomic_max(&max_late, t - t0 - ns);
    long b = (t - t0 - ns) / LATE_STEP;
    __atomic_add_fetch(&late_hist[b < 0 ? 0 : b >= LATE_BUCKETS ? LATE_BUCKETS - 1 : b], 1, __ATOMIC_SEQ_CST);
    return 0;
}

/* VmHWM from /proc/self/status, in KiB */
static long peak_rss_kb(void)
{
    static char b[8192];
    long fd = arc_openat(-100, "/proc/self/status", 0, 0), n = arc_read((int)fd, b, sizeof b - 1);
    arc_close((int)fd);
    b[n > 0 ? n : 0] = 0;
    for (char *p = b; *p; p++)
        if (p[0] == 'V' && p[1] == 'm' && p[2] == 'H' && p[3] == 'W' && p[4] == 'M') {
            long v = 0;
            for (p += 6; *p == ' ' || *p == '\t'; p++)
                ;
            for (; *p >= '0' && *p <= '9'; p++)
                v = v * 10 + *p - '0';
            return v;
        }
    return -1;
}

int main(int argc, char **argv)
{
    static void *t[MAX];
    long n = 100000;
    if (argc > 1) {
        n = 0;
        for (char *p = argv[1]; *p; p++)
            n = n * 10 + *p - '0';
    }
    if (n < 1 || n > MAX)
        return 2;
    unsigned long x = 88172645463325252ul;
    long t0 = arc_now_ns();
    for (long i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        t[i] = arc_spawn(sleeper, (void *)(long)(x % 100000001));
    }
    long t1 = arc_now_ns();
    for (long i = 0; i < n; i++)
        arc_await(t[i]);
    report("sleepers", n, 1);
    report("sleepers_spawn_ms", t1 - t0, 1000000);
    report("sleepers_last_spawn_to_last_wake_ms", last_wake - t1, 1000000);
    report("sleepers_first_spawn_to_last_wake_ms", last_wake - t0, 1000000);
    report("sleepers_p99_late_ms", late_percentile(n, 99), 1000000);
    report("sleepers_max_late_ms", max_late, 1000000);
    report("sleepers_peak_rss_mb", peak_rss_kb(), 1024);
    return woke != n || early != 0;
}
