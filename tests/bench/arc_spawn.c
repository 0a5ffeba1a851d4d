/* Spawn + await of an empty task on the arc runtime (ARC_WORKERS decides
 * the workers), two ways, each run for at least SAMPLE_NS:
 *   spawn_await_ns  spawn one task and await it at once, ns per task
 *   spawn_batch_ns  spawn CHUNK tasks, then await them all, ns per task
 * Every result is summed and checked. */
#include "arc_bench.h"

enum { CHUNK = 1000 }; /* tasks per chunk, also the batch size */

static long empty(void *arg)
{
    return (long)arg;
}

static void *handles[CHUNK];

static long one_at_a_time(long *tasks)
{
    long sum = 0;
    for (long i = 0; i < CHUNK; i++)
        sum += arc_await(arc_spawn(empty, (void *)i));
    *tasks += CHUNK;
    return sum;
}

static long batch(long *tasks)
{
    long sum = 0;
    for (long i = 0; i < CHUNK; i++)
        handles[i] = arc_spawn(empty, (void *)i);
    for (long i = 0; i < CHUNK; i++)
        sum += arc_await(handles[i]);
    *tasks += CHUNK;
    return sum;
}

/* Runs chunks until SAMPLE_NS have passed; reports ns per task. */
static void measure(const char *key, long (*chunk)(long *))
{
    long tasks = 0, t0, t;
    chunk(&tasks); /* warm-up: stacks and TCBs, workers started */
    tasks = 0;
    t0 = now_ns();
    do {
        long sum = chunk(&tasks);
        check(sum == CHUNK * (CHUNK - 1) / 2, key, sum);
        t = now_ns() - t0;
    } while (t < SAMPLE_NS);
    report(key, t, tasks);
}

int main(void)
{
    measure("spawn_await_ns", one_at_a_time);
    measure("spawn_batch_ns", batch);
    return 0;
}
