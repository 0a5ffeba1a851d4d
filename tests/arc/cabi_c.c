/* cabi_c.c: the C side of cabi.arc (freestanding, linked in by arc.sh):
 * variadic functions that check C's default promotions, and structs
 * passed and returned by value. */
#include <stdarg.h>

struct Pair { int a; long b; };
struct Vec2 { double x, y; };

/* n ints after the count: each was promoted to int */
long c_sum_ints(int n, ...)
{
    va_list ap;
    long s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

/* a double (a promoted float32), an int (a promoted int8), an unsigned
 * (a promoted uint16), a long and a pointer */
long c_mixed(const char *tag, ...)
{
    va_list ap;
    va_start(ap, tag);
    double d = va_arg(ap, double);
    int i8 = va_arg(ap, int);
    unsigned u16 = va_arg(ap, unsigned);
    long l = va_arg(ap, long);
    const char *s = va_arg(ap, const char *);
    va_end(ap);
    return (long)(d * 100) + i8 * 1000 + (long)u16 * 100000 + l + (s[0] == tag[0] ? 7 : 0);
}

struct Pair c_pair(int a, long b)
{
    struct Pair p = {a * 2, b * 2};
    return p;
}

long c_pair_sum(struct Pair p) { return p.a + p.b; }

double c_vec_len2(struct Vec2 v) { return v.x * v.x + v.y * v.y; }
