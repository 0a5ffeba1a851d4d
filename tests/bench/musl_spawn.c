/* The musl equivalent of arc_spawn.c: pthread_create + pthread_join of a
 * thread that returns its argument, one at a time and in batches. */
#include "musl_bench.h"

enum { CHUNK = 100 }; /* threads per chunk, also the batch size */

static void *empty(void *arg)
{
    return arg;
}

static pthread_t threads[CHUNK];

static long one_at_a_time(long *n)
{
    long sum = 0;
    for (long i = 0; i < CHUNK; i++) {
        pthread_t t;
        void *r;
        die_if(pthread_create(&t, 0, empty, (void *)i), "pthread_create");
        die_if(pthread_join(t, &r), "pthread_join");
        sum += (long)r;
    }
    *n += CHUNK;
    return sum;
}

static long batch(long *n)
{
    long sum = 0;
    for (long i = 0; i < CHUNK; i++)
        die_if(pthread_create(&threads[i], 0, empty, (void *)i), "pthread_create");
    for (long i = 0; i < CHUNK; i++) {
        void *r;
        die_if(pthread_join(threads[i], &r), "pthread_join");
        sum += (long)r;
    }
    *n += CHUNK;
    return sum;
}

static void measure(const char *key, long (*chunk)(long *))
{
    long n = 0, t0, t;
    chunk(&n);
    n = 0;
    t0 = now_ns();
    do {
        long sum = chunk(&n);
        check(sum == CHUNK * (CHUNK - 1) / 2, key, sum);
        t = now_ns() - t0;
    } while (t < SAMPLE_NS);
    report(key, t, n);
}

int main(void)
{
    measure("spawn_await_ns", one_at_a_time);
    measure("spawn_batch_ns", batch);
    return 0;
}
