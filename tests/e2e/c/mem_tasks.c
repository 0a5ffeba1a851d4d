/* The allocator under the scheduler, on 1 and 2 workers:
 *   - blocks allocated by main before the scheduler starts (the boot
 *     cache) are freed by tasks afterwards;
 *   - 40 rounds of 8 tasks: each task checks and frees the blocks another
 *     task allocated in the previous round (often on the other worker),
 *     then allocates its own, of random sizes, with a pattern;
 *   - 8 tasks each running a private alloc/realloc/free stress at once;
 *   - a producer and a consumer task passing 100,000 blocks through a
 *     ring, the consumer checking and freeing them while the producer
 *     allocates: frees and allocations of one class race on two workers.
 * Every block's pattern is checked before it is freed; the sums depend
 * only on the data read back, so they are the same for any worker count. */
// workers: 1 2
// expect: boot blocks freed by tasks: 1000
// expect: rounds: 40, blocks 64000, sum 609430518, mismatches 0
// expect: private stress: 8 tasks, sum 1981285126, mismatches 0
// expect: ring: 100000 blocks, sum 331675507, mismatches 0
// status: 0
#include "arc_rt.h"
#include "rt_print.h"

enum { TASKS = 8, ROUNDS = 40, PER = 200, RING = 64, PASSED = 100000 };

static unsigned long mismatches;

static void bad(void)
{
    __atomic_fetch_add(&mismatches, 1, __ATOMIC_RELAXED);
}

static unsigned long xs(unsigned long *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static unsigned long size_of(unsigned long r)
{
    switch (r & 7) {
    case 0:
        return (r >> 8) % 40000;        /* up to and a little past 32 KiB */
    case 1: case 2:
        return (r >> 8) % 1500;
    default:
        return (r >> 8) % 160;
    }
}

/* A block: its length and tag in the first 16 bytes, a pattern after. */
static unsigned char *make(unsigned long n, unsigned char tag)
{
    n += 16;
    unsigned char *p = arc_alloc(n);
    if (!p || ((unsigned long)p & 15)) {
        bad();
        return 0;
    }
    ((unsigned long *)p)[0] = n;
    ((unsigned long *)p)[1] = tag;
    for (unsigned long i = 16; i < n; i++)
        p[i] = (unsigned char)(tag + i);
    return p;
}

/* Check and free a block; returns the sum of its pattern bytes. */
static unsigned long consume(unsigned char *p)
{
    if (!p)
        return 0;
    unsigned long n = ((unsigned long *)p)[0], tag = ((unsigned long *)p)[1], sum = 0;
    for (unsigned long i = 16; i < n; i++) {
        if (p[i] != (unsigned char)(tag + i))
            bad();
        sum += p[i];
    }
    arc_free(p);
    return sum;
}

static unsigned char *boot[1000];
static unsigned char *blocks[2][TASKS][PER];
static unsigned long round_no;

/* Round r, task i: free what task (i+1)%TASKS made in round r-1, make
 * PER new blocks.  Rounds are separated by await (happens-before). */
static long round_task(void *arg)
{
    long i = (long)arg;
    unsigned long r = round_no, sum = 0, s = 0x1234567 + r * 977 + (unsigned long)i * 31;
    if (r == 0) {
        for (int k = 0; k < 1000; k++)
            if (k % TASKS == i)
                sum += consume(boot[k]);
    } else {
        unsigned char **old = blocks[(r - 1) & 1][(i + 1) % TASKS];
        for (int k = 0; k < PER; k++)
            sum += consume(old[k]);
    }
    unsigned char **mine = blocks[r & 1][i];
    for (int k = 0; k < PER; k++)
        mine[k] = make(size_of(xs(&s)), (unsigned char)(k + i));
    return (long)sum;
}

static long private_stress(void *arg)
{
    unsigned long s = 0xabcdef + (unsigned long)arg, sum = 0;
    unsigned char *slot[128] = {0};
    for (int step = 0; step < 20000; step++) {
        unsigned long r = xs(&s);
        unsigned char **p = &slot[r % 128];
        if (*p) {
            sum += consume(*p);
            *p = 0;
        } else {
            *p = make(size_of(r >> 7), (unsigned char)r);
        }
    }
    for (int k = 0; k < 128; k++)
        sum += consume(slot[k]);
    return (long)sum;
}

static unsigned char *ring[RING];
static volatile unsigned long head, tail;

static long producer(void *arg)
{
    unsigned long s = 99;
    (void)arg;
    for (long i = 0; i < PASSED; i++) {
        unsigned char *p = make(size_of(xs(&s)), (unsigned char)i);
        while (__atomic_load_n(&tail, __ATOMIC_ACQUIRE) - __atomic_load_n(&head, __ATOMIC_ACQUIRE) == RING)
            arc_yield();
        ring[tail % RING] = p;
        __atomic_store_n(&tail, tail + 1, __ATOMIC_RELEASE);
    }
    return 0;
}

static long consumer(void *arg)
{
    unsigned long sum = 0;
    (void)arg;
    for (long n = 0; n < PASSED; n++) {
        while (__atomic_load_n(&head, __ATOMIC_ACQUIRE) == __atomic_load_n(&tail, __ATOMIC_ACQUIRE))
            arc_yield();
        sum += consume(ring[head % RING]);
        __atomic_store_n(&head, head + 1, __ATOMIC_RELEASE);
    }
    return (long)sum;
}

int main(void)
{
    unsigned long s = 7;
    for (int k = 0; k < 1000; k++)
        boot[k] = make(size_of(xs(&s)), (unsigned char)k);

    void *t[TASKS];
    unsigned long sum = 0;
    for (round_no = 0; round_no < ROUNDS; round_no++) {
        for (long i = 0; i < TASKS; i++)
            t[i] = arc_spawn(round_task, (void *)i);
        for (int i = 0; i < TASKS; i++)
            sum += (unsigned long)arc_await(t[i]);
        if (round_no == 0) {
            put("boot blocks freed by tasks: 1000\n");
            sum = 0;
        }
    }
    for (int i = 0; i < TASKS; i++)
        for (int k = 0; k < PER; k++)
            sum += consume(blocks[(ROUNDS - 1) & 1][i][k]);
    put("rounds: 40, blocks 64000, sum ");
    put_long((long)(sum & 0xffffffff));
    put(", mismatches ");
    put_long((long)mismatches);
    put("\n");

    sum = 0;
    for (long i = 0; i < TASKS; i++)
        t[i] = arc_spawn(private_stress, (void *)i);
    for (int i = 0; i < TASKS; i++)
        sum += (unsigned long)arc_await(t[i]);
    put("private stress: 8 tasks, sum ");
    put_long((long)(sum & 0xffffffff));
    put(", mismatches ");
    put_long((long)mismatches);
    put("\n");

    void *c = arc_spawn(consumer, 0), *p = arc_spawn(producer, 0);
    arc_await(p);
    sum = (unsigned long)arc_await(c);
    put("ring: 100000 blocks, sum ");
    put_long((long)(sum & 0xffffffff));
    put(", mismatches ");
    put_long((long)mismatches);
    put("\n");
    return mismatches != 0;
}
