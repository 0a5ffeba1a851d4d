#define _POSIX_C_SOURCE 200809L
/* make bench: the pthread equivalent of arc_parked.arc: up to $PARKED_N
 * threads (default 1,000,000), each parked on a condition variable, until
 * pthread_create fails (musl's threads stop near 32,000 here); prints how
 * many started and the time until they all had.  run.sh takes the peak
 * RSS from /usr/bin/time. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER, all = PTHREAD_COND_INITIALIZER;
static long started, go;

static void *parked(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    started++;
    pthread_cond_signal(&all);
    while (!go)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    return NULL;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(void)
{
    long n = 1000000, made = 0;
    const char *e = getenv("PARKED_N");
    if (e)
        n = atol(e);
    pthread_t *t = malloc(sizeof *t * (size_t)n);
    pthread_attr_t at;
    pthread_attr_init(&at);
    pthread_attr_setstacksize(&at, 16384);
    double t0 = now_ms();
    for (; made < n; made++)
        if (pthread_create(&t[made], &at, parked, NULL))
            break;
    pthread_mutex_lock(&mu);
    while (started < made)
        pthread_cond_wait(&all, &mu);
    double ms = now_ms() - t0;
    go = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    for (long i = 0; i < made; i++)
        pthread_join(t[i], NULL);
    printf("parked_tasks %ld\nparked_start_ms %.0f\n", made, ms);
    return 0;
}
