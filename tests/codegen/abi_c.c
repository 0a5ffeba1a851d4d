/* abi_c.c: the gcc side of tests/codegen/abi.ir.  Freestanding C compiled
 * by gcc; IR code calls these and these call IR code, so every SysV case
 * is checked against gcc's view of the ABI in both directions. */
#include <stdarg.h>

struct Pair { long a, b; };            /* INTEGER, INTEGER: rax rdx */
struct Vec { double x, y; };           /* SSE, SSE: xmm0 xmm1 */
struct Big { long a, b, c, d; };       /* MEMORY: stack / hidden pointer */
struct Mixed { double d; int i; float f; };  /* SSE, INTEGER */
struct Small3 { char a, b, c; };       /* 3 bytes: one INTEGER eightbyte */

/* 0 when the caller kept rsp 16-aligned at the call: the frame address is
 * rsp at entry (16n + 8) minus the pushed rbp.  noipa: callers must not
 * assume anything about it (gcc skips realigning calls to functions it
 * knows need no alignment). */
__attribute__((noipa)) long c_misaligned(void)
{
    return (long)((unsigned long)__builtin_frame_address(0) % 16);
}

long c_many(long a, long b, long c, long d, long e, long f, long g, long h,
            double d1, double d2, double d3, double d4, double d5, double d6,
            double d7, double d8, double d9, float f10)
{
    if (c_misaligned())
        return -1;
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h +
           (long)(d1 + 2 * d2 + 3 * d3 + 4 * d4 + 5 * d5 + 6 * d6 + 7 * d7 + 8 * d8 + 9 * d9 + 10 * f10);
}

struct Pair c_make(long a, long b) { return (struct Pair){a * 10, b * 10}; }
double c_vlen2(struct Vec v) { return v.x * v.x + v.y * v.y; }
long c_big(struct Big b, int k) { return (b.a + b.b + b.c + b.d) * k; }
struct Big c_mkbig(long x) { return (struct Big){x, x + 1, x + 2, x + 3}; }
long c_mixed(struct Mixed m) { return (long)(m.d * 100) + m.i * 10 + (long)m.f; }
int c_small3(struct Small3 s) { return s.a * 10000 + s.b * 100 + s.c; }
struct Vec c_vswap(struct Vec v) { return (struct Vec){v.y, v.x}; }

long c_vsum(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    long s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, long);
    va_end(ap);
    return s;
}

double c_vfsum(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double);
    va_end(ap);
    return s;
}

/* Implemented in IR (abi.ir). */
long ir_many(long a, long b, long c, long d, long e, long f, long g, long h,
             double d1, double d2, double d3, double d4, double d5, double d6,
             double d7, double d8, double d9, float f10);
struct Pair ir_pair(struct Pair p);
struct Big ir_big(struct Big b, long k);
struct Vec ir_vec(struct Vec v);
long ir_mixed(struct Mixed m, struct Small3 s);
long ir_vlog(int n, ...);

/* Calls into IR code; returns a bit per failed check (0: all good). */
long c_drive(void)
{
    long bad = 0;
    if (ir_many(1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5f) !=
        c_many(1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5f))
        bad |= 1;
    struct Pair p = ir_pair((struct Pair){3, 4});
    if (p.a != 4 || p.b != 3)
        bad |= 2;
    struct Big b = ir_big((struct Big){1, 2, 3, 4}, 5);
    if (b.a != 5 || b.b != 10 || b.c != 15 || b.d != 20)
        bad |= 4;
    struct Vec v = ir_vec((struct Vec){1.5, -2.5});
    if (v.x != -2.5 || v.y != 1.5)
        bad |= 8;
    if (ir_mixed((struct Mixed){1.25, 3, 7.0f}, (struct Small3){1, 2, 3}) != 125 + 30 + 7 + 10203)
        bad |= 16;
    /* 7 ints + 9 doubles: both overflow areas used */
    if (ir_vlog(16, 1L, 2.0, 3L, 4.0, 5L, 6.0, 7L, 8.0, 9L, 10.0, 11L, 12.0, 13L, 14.0, 15L, 16.0,
                17L, 18.0, 19L, 20.0, 21L, 22.0) != 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16)
        bad |= 32;
    return bad;
}
