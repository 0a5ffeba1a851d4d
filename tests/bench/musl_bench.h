/* musl_bench.h: the same helpers for the musl-linked equivalents. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { SAMPLE_NS = 20 * 1000 * 1000 };

static inline long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static inline void report(const char *key, long num, long den)
{
    printf("%s %.3f\n", key, (double)num / (double)den);
    fflush(stdout);
}

static inline void check(int ok, const char *what, long got)
{
    if (ok)
        return;
    fprintf(stderr, "bench: WRONG RESULT: %s = %ld\n", what, got);
    exit(1);
}

static inline void die_if(int err, const char *what)
{
    if (err) {
        fprintf(stderr, "bench: %s failed: error %d\n", what, err);
        exit(1);
    }
}

/* Keep this process (and the threads it creates from now on) on one CPU:
 * the first one it may use. */
static inline void pin_to_one_cpu(void)
{
    cpu_set_t set;
    die_if(sched_getaffinity(0, sizeof set, &set) != 0, "sched_getaffinity");
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &set)) {
            CPU_ZERO(&set);
            CPU_SET(c, &set);
            die_if(sched_setaffinity(0, sizeof set, &set) != 0, "sched_setaffinity");
            return;
        }
}
