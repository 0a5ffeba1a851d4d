/* Timer accuracy on the arc runtime: 1 ms, 10 ms and 100 ms arc_sleep
 * calls against CLOCK_MONOTONIC.  Prints, per duration, how many woke
 * early (must be 0: exits 1 otherwise) and the median and largest
 * lateness in microseconds. */
#include "arc_bench.h"

static void sort(long *v, int n)
{
    for (int i = 1; i < n; i++) {
        long x = v[i];
        int j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

int main(void)
{
    static const struct {
        const char *name;
        long ns;
        int reps;
    } runs[] = {{"sleep_1ms", 1000000, 200}, {"sleep_10ms", 10000000, 40}, {"sleep_100ms", 100000000, 8}};
    static long late[200];
    int early = 0;
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < runs[k].reps; i++) {
            long t0 = now_ns();
            arc_sleep(runs[k].ns);
            late[i] = now_ns() - t0 - runs[k].ns;
            early += late[i] < 0;
        }
        sort(late, runs[k].reps);
        put(runs[k].name);
        report("_median_late_us", late[runs[k].reps / 2], 1000);
        put(runs[k].name);
        report("_max_late_us", late[runs[k].reps - 1], 1000);
    }
    report("timer_early", early, 1);
    return early != 0;
}
