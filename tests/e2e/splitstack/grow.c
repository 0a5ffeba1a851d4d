/* C compiled with gcc -fsplit-stack on the runtime (arc link): its
 * prologues check %fs:0x70 and call the runtime's __morestack, so main's
 * C code grows by segments far past RLIMIT_STACK (the suite runs this
 * under ulimit -s 1024) and every kind of frame crosses segment
 * boundaries with its arguments intact: small frames (under 256 bytes:
 * gcc compares rsp itself), big ones, a 200 KiB one, stack arguments,
 * a variadic function (its arguments stay on the old segment, found
 * through rbp), double and two-word results.  Every result is checked
 * against a closed form. */
// ulimit: 1024
// expect: small: depth=20000 sum=200010000
// expect: big: depth=4000 sum=8002000
// expect: huge: depth=16 sum=136
// expect: args: depth=20000 sum=200010000
// expect: varargs: depth=20000 sum=200010000
// expect: double: depth=20000 ok
// expect: pair: depth=20000 ok
// expect: again: depth=20000 sum=200010000
#include <stdarg.h>

#include "arc_rt.h"
#include "rt_print.h"

/* a frame under 256 bytes: gcc's check is cmp rsp, fs:0x70 */
static long small(long n)
{
    volatile long pad[20];
    pad[n % 20] = n;
    if (n == 0)
        return 0;
    return small(n - 1) + pad[n % 20];
}

static long big(long n)
{
    volatile char buf[2000];
    buf[n % 2000] = (char)n;
    if (n == 0)
        return 0;
    long r = big(n - 1) + n;
    return buf[n % 2000] == (char)n ? r : -1000000000;
}

static long huge(long n)
{
    volatile char buf[200 * 1024];
    buf[0] = (char)n;
    buf[sizeof buf - 1] = (char)n;
    if (n == 0)
        return 0;
    long r = huge(n - 1) + n;
    return buf[0] == (char)n && buf[sizeof buf - 1] == (char)n ? r : -1000000000;
}

/* ten arguments: four on the stack, copied to each new segment */
static long args(long n, long a, long b, long c, long d, long e, long f, long g, long h, long i)
{
    volatile long pad[8];
    pad[n % 8] = i;
    if (n == 0)
        return 0;
    long s = a + b + c + d + e + f + g + h + pad[n % 8];
    return args(n - 1, n - 1, 0, 0, 0, 0, 0, 0, 0, 0) + s;
}

/* variadic: gcc passes A = 0 and reads the stack arguments at rbp+24 */
static long varargs(long n, ...)
{
    va_list ap;
    va_start(ap, n);
    long s = 0;
    for (int k = 0; k < 9; k++)
        s += va_arg(ap, long);
    va_end(ap);
    volatile long pad[4];
    pad[n % 4] = s;
    if (n == 0)
        return 0;
    return varargs(n - 1, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, n - 1) + pad[n % 4];
}

static double dbl(long n, double x)
{
    volatile double pad[16];
    pad[n % 16] = x;
    if (n == 0)
        return x;
    return dbl(n - 1, x + 1.0) + pad[n % 16] - x;
}

struct pair { long a, b; };
static struct pair pair(long n)
{
    volatile long pad[16];
    pad[n % 16] = n;
    if (n == 0)
        return (struct pair){0, 0};
    struct pair p = pair(n - 1);
    p.a += pad[n % 16];
    p.b += 2 * n;
    return p;
}

static void line(const char *what, long depth, long sum)
{
    put(what);
    put(": depth=");
    put_long(depth);
    put(" sum=");
    put_long(sum);
    put("\n");
}

long main(void)
{
    line("small", 20000, small(20000));
    line("big", 4000, big(4000));
    line("huge", 16, huge(16));
    line("args", 20000, args(20000, 20000, 0, 0, 0, 0, 0, 0, 0, 0));
    line("varargs", 20000, varargs(20000, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 20000L));
    double d = dbl(20000, 0.0);
    put(d == 20000.0 ? "double: depth=20000 ok\n" : "double: wrong\n");
    struct pair p = pair(20000);
    put(p.a == 200010000 && p.b == 400020000 ? "pair: depth=20000 ok\n" : "pair: wrong\n");
    /* the segments are reused: the same again */
    line("again", 20000, small(20000));
    return 0;
}
