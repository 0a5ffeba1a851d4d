/* The scheduler's must-show workloads, each result checked against a value
 * computed here in closed form or by a serial run:
 * 100,000 spawned tasks summed through await, an await chain 10,000 deep,
 * fork-join fib(25) with a task per call, yield ping-pong between two
 * tasks, and a producer/consumer pair over a bounded buffer. */
// workers: 1 2
// expect: spawn: 100000 tasks, sum=328350000
// expect: chain: depth=10000 result=10000
// expect: fib(25)=75025
// expect: pingpong: rounds=20000 ok
// expect: prodcons: items=50000 sum=1250025000
// expect: main is task 1
#include "arc_rt.h"
#include "rt_print.h"

enum { NSPAWN = 100000, DEPTH = 10000, ROUNDS = 20000, ITEMS = 50000, SLOTS = 64 };

static long square_mod(void *arg)
{
    long x = (long)arg % 100;
    return x * x;
}

static void *handles[NSPAWN];

static long chain(void *arg)
{
    long n = (long)arg;
    if (n == 0)
        return 0;
    return arc_await(arc_spawn(chain, (void *)(n - 1))) + 1;
}

static long fib(void *arg)
{
    long n = (long)arg;
    if (n < 2)
        return n;
    void *a = arc_spawn(fib, (void *)(n - 1));
    void *b = arc_spawn(fib, (void *)(n - 2));
    return arc_await(a) + arc_await(b);
}

/* Ping-pong: two tasks take turns through a shared turn counter; each
 * yields while it is not its turn. */
static volatile long turn;

static long player(void *arg)
{
    long me = (long)arg;
    for (long i = 0; i < ROUNDS; i++) {
        while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) % 2 != me)
            arc_yield();
        __atomic_store_n(&turn, turn + 1, __ATOMIC_RELEASE);
    }
    return me;
}

/* Producer/consumer over a single-producer single-consumer ring. */
static long ring[SLOTS];
static volatile unsigned long head, tail;

static long producer(void *arg)
{
    (void)arg;
    for (long i = 1; i <= ITEMS; i++) {
        while (__atomic_load_n(&tail, __ATOMIC_ACQUIRE) - __atomic_load_n(&head, __ATOMIC_ACQUIRE) == SLOTS)
            arc_yield();
        ring[tail % SLOTS] = i;
        __atomic_store_n(&tail, tail + 1, __ATOMIC_RELEASE);
    }
    return 0;
}

static long consumer(void *arg)
{
    long sum = 0;
    (void)arg;
    for (long n = 0; n < ITEMS; n++) {
        while (__atomic_load_n(&head, __ATOMIC_ACQUIRE) == __atomic_load_n(&tail, __ATOMIC_ACQUIRE))
            arc_yield();
        sum += ring[head % SLOTS];
        __atomic_store_n(&head, head + 1, __ATOMIC_RELEASE);
    }
    return sum;
}

int main(void)
{
    long sum = 0, want = 0;
    for (long i = 0; i < NSPAWN; i++) {
        handles[i] = arc_spawn(square_mod, (void *)i);
        want += (i % 100) * (i % 100);
    }
    for (long i = 0; i < NSPAWN; i++)
        sum += arc_await(handles[i]);
    put("spawn: 100000 tasks, ");
    put_kv("sum", sum == want ? sum : -sum);

    put("chain: depth=10000 ");
    put_kv("result", arc_await(arc_spawn(chain, (void *)DEPTH)));

    put_kv("fib(25)", arc_await(arc_spawn(fib, (void *)25)));

    void *p0 = arc_spawn(player, (void *)0), *p1 = arc_spawn(player, (void *)1);
    long r = arc_await(p0) + arc_await(p1);
    put("pingpong: rounds=");
    put_long(turn / 2);
    put(r == 1 && turn == 2 * ROUNDS ? " ok\n" : " WRONG\n");

    void *c = arc_spawn(consumer, 0), *pr = arc_spawn(producer, 0);
    arc_await(pr);
    put("prodcons: items=50000 ");
    put_kv("sum", arc_await(c));

    if (arc_task_id() == 1)
        put("main is task 1\n");
    return 0;
}
