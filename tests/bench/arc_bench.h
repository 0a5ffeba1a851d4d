/* arc_bench.h: timing, reporting and self-checks for the benchmark programs
 * on the arc runtime (freestanding: no libc).  A program prints one
 * "key value" line per figure; tests/bench/run.sh takes medians. */
#include "arc_rt.h"
#include "rt_print.h"

enum { CLOCK_MONOTONIC = 1, SAMPLE_NS = 20 * 1000 * 1000 };

struct bench_ts {
    long sec, nsec;
};

static inline long now_ns(void)
{
    struct bench_ts t;
    arc_clock_gettime(CLOCK_MONOTONIC, &t);
    return t.sec * 1000000000L + t.nsec;
}

/* "key num/den" with three decimals, e.g. "spawn_ns 41.250". */
static inline void report(const char *key, long num, long den)
{
    long milli = num * 1000 / den;
    put(key);
    put(" ");
    put_long(milli / 1000);
    put(".");
    put_long(milli / 100 % 10);
    put_long(milli / 10 % 10);
    put_long(milli % 10);
    put("\n");
}

/* A wrong result is not a figure: say so on stderr and exit 1. */
static inline void check(int ok, const char *what, long got)
{
    if (ok)
        return;
    arc_write(2, "bench: WRONG RESULT: ", 21);
    arc_write(2, what, rt_strlen(what));
    arc_write(2, " = ", 3);
    char b[24];
    int i = 23;
    unsigned long u = got < 0 ? -(unsigned long)got : (unsigned long)got;
    b[i] = '\n';
    do {
        b[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (got < 0)
        b[--i] = '-';
    arc_write(2, b + i, 24 - i);
    arc_exit_group(1);
}
