/* The C layer's transcendental functions against musl's: sin cos tan atan
 * atan2 exp log log2 log10 pow and their float versions, each on the edge
 * cases (signed zeros, infinities, NaNs, subnormals, huge arguments of
 * sin/cos/tan, the overflow and underflow boundaries of exp and pow, pow's
 * special cases from C99 Annex F) and then a million inputs: random bit
 * patterns, and random values in the ranges each function cares about.
 *
 * One source, two programs (tests/e2e/libc.sh): built freestanding onto the
 * C layer (-DARC_FREESTANDING) it writes the raw bits of its results to
 * stdout; built with musl-gcc -static -lm it reads them from stdin,
 * computes musl's results for the same inputs and prints, per function,
 * the largest difference in ulps and how many results differ.  It exits
 * 1 when a difference is above 1 ulp, when the two differ on a NaN, an
 * infinity or the sign of a zero, or when the input is short or long. */
#include "clib.h"
#include "math_bits.h"
#ifndef ARC_FREESTANDING
#include <math.h>
#else
double sin(double), cos(double), tan(double), atan(double), exp(double);
double log(double), log2(double), log10(double), atan2(double, double), pow(double, double);
float sinf(float), cosf(float), tanf(float), atanf(float), expf(float);
float logf(float), log2f(float), log10f(float), atan2f(float, float), powf(float, float);
#endif

#ifndef N
#define N 1000000
#endif

/* a random double in [0, 1) */
static double unit(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

/* a random double of magnitude 2^lo .. 2^hi, random sign when sgn */
static double spread(int lo, int hi, int sgn)
{
    uint64_t r = next();
    int e = lo + (int)(r % (uint64_t)(hi - lo + 1));
    uint64_t u = (next() & 0xfffffffffffffu) | (uint64_t)(e + 1023) << 52;
    if (sgn && (r >> 63))
        u |= 1ull << 63;
    return dbits(u);
}

enum { SIN, COS, TAN, ATAN, ATAN2, EXP, LOG, LOG2, LOG10, POW, NFUNC };

static const uint64_t edges[] = {
    0, 0x8000000000000000u, 0x7ff0000000000000u, 0xfff0000000000000u,   /* +-0, +-inf */
    0x7ff8000000000000u, 0xfff8000000000000u, 0x7ff4000000000000u,      /* NaNs */
    1, 0x8000000000000001u, 0x000fffffffffffffu, 0x0010000000000000u,    /* subnormals, min normal */
    0x7fefffffffffffffu, 0xffefffffffffffffu,                             /* +-max */
    0x3ff0000000000000u, 0xbff0000000000000u, 0x3fe0000000000000u,       /* 1, -1, 0.5 */
    0x4000000000000000u, 0xc000000000000000u, 0x4008000000000000u,       /* 2, -2, 3 */
    0xc008000000000000u, 0xc00c000000000000u, 0x3ff0000000000001u,       /* -3, -3.5, 1 + ulp */
    0x3fefffffffffffffu, 0x4340000000000000u, 0xc340000000000001u,       /* 1 - ulp/2, 2^53, -(2^53 + 2) */
    0x4330000000000001u, 0xc330000000000001u,                             /* odd integers 2^52 + 1 */
    0x40862e42fefa39efu, 0x40862e42fefa39f0u,                             /* exp: last finite, first inf */
    0xc0874910d52d3051u, 0xc0874910d52d3052u,                             /* exp: last nonzero, first zero */
    0xc086232bdd7abcd2u, 0xc086232bdd7abcd3u,                             /* exp: normal / subnormal */
    0x3e3fffffffffffffu, 0x3e40000000000000u, 0x3e50000000000000u,       /* around 2^-27 */
    0x3fe921fb54442d18u, 0x3ff921fb54442d18u, 0x400921fb54442d18u,       /* pi/4, pi/2, pi */
    0x4012d97c7f3321d2u, 0x41d0000000000000u, 0x412e848000000000u,       /* 3pi/2, 2^30, 10^6 */
    0x412e847fffffffffu, 0x44b52d02c7e14af6u, 0x7fe0000000000000u,       /* 10^6 - ulp, 10^22, 2^1023 */
    0x6fd8a9d4c7f1b5c7u, 0x5fa0000000000000u, 0x4f3a81b3e5a2f7e6u,       /* huge arguments */
    0x7c8b1b3b4b1bb6f9u, 0x3ca0000000000000u, 0x4024000000000000u,       /* 2^-53, 10 */
    0x408f400000000000u, 0x4415af1d78b58c40u, 0x3f50624dd2f1a9fcu,       /* 1000, 1e20, 0.001 */
};
enum { NEDGE = sizeof edges / sizeof edges[0] };

/* x for input i of function f (and y for atan2 and pow) */
static void input(int f, int i, double *x, double *y)
{
    if (i < NEDGE * NEDGE && (f == ATAN2 || f == POW)) {   /* every pair of edges */
        *x = dbits(edges[i / NEDGE]);
        *y = dbits(edges[i % NEDGE]);
        return;
    }
    if (i < NEDGE) {
        *x = dbits(edges[i]);
        *y = 1.5;
        return;
    }
    *y = dbits(next());
    if (i % 3 == 0) {                       /* random bit patterns */
        *x = dbits(next());
        return;
    }
    switch (f) {
    case SIN: case COS: case TAN:
        if (i % 3 == 1)
            *x = (unit() * 2 - 1) * 8;      /* a few periods */
        else
            *x = spread(-30, 1023, 1);      /* every magnitude, the big ones reduced fully */
        break;
    case ATAN:
        *x = spread(-40, 70, 1);
        break;
    case ATAN2:
        *x = spread(-80, 80, 1);
        *y = spread(-80, 80, 1);
        if (i % 3 == 1 && i % 2) {
            *x = spread(-1074 + 52, 1023, 1);
            *y = spread(-1074 + 52, 1023, 1);
        }
        break;
    case EXP:
        *x = -746 + unit() * (710 + 746);
        if (i % 3 == 1 && i % 2)
            *x = spread(-60, 3, 1);
        break;
    case LOG: case LOG2: case LOG10:
        if (i % 3 == 1)
            *x = 1 + (unit() * 2 - 1) * (i % 2 ? 0.3 : 1e-6);    /* near 1 */
        else
            *x = spread(-1022, 1023, 0);
        break;
    case POW:
        if (i % 3 == 1) {
            *x = unit() * 16;
            *y = (unit() * 2 - 1) * 250;
            if (i % 2) {                    /* near 1, a large exponent */
                *x = 1 + (unit() * 2 - 1) * 1e-3;
                *y = (unit() * 2 - 1) * 700000;
            }
        } else {
            /* every magnitude of x, |y log2 x| up to 1100: integer y
             * (negative x too) or not */
            *x = spread(-1022, 1023, 1);
            int e = (int)(bitsd(*x) >> 52 & 0x7ff) - 1023;
            *y = (unit() * 2 - 1) * 1100 / (e < 0 ? 0.5 - e : 0.5 + e);
            if (i % 2)
                *y = (double)(int64_t)*y;
            else if (*x < 0)
                *x = -*x;
        }
        break;
    }
}

static const uint32_t fedges[] = {
    0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0xff7fffff,          /* subnormals, min normal, +-max */
    0x42b17217, 0x42b17218, 0xc2cff1b4, 0xc2cff1b5, 0xc2aeac50,          /* expf boundaries */
    0x3f800001, 0x3f7fffff, 0x4b800000, 0xcb800001, 0x4b000001,          /* 1 +- ulp, 2^24, odd 2^23 + 1 */
    0x7f000000, 0x5d5e0b6b, 0x3fc90fdb, 0x40490fdb, 0x39000000,          /* 2^127, 1e18, pi/2, pi, 2^-13 */
};
enum { NFEDGE = sizeof fedges / sizeof fedges[0] };

/* the float inputs: the double edges and the float ones, random float bit
 * patterns, and the double ranges rounded to float */
static void finput(int f, int i, float *x, float *y)
{
    double dx, dy;
    if (i >= NEDGE && i < NEDGE + NFEDGE && f != ATAN2 && f != POW) {
        *x = fbits(fedges[i - NEDGE]);
        *y = 1.5f;
        return;
    }
    if (i >= NEDGE * NEDGE && i < NEDGE * NEDGE + NFEDGE * NFEDGE && (f == ATAN2 || f == POW)) {
        *x = fbits(fedges[(i - NEDGE * NEDGE) / NFEDGE]);
        *y = fbits(fedges[(i - NEDGE * NEDGE) % NFEDGE]);
        return;
    }
    input(f, i, &dx, &dy);
    if (i >= NEDGE * NEDGE && i % 3 == 0) {
        uint64_t r = next();
        *x = fbits((uint32_t)r);
        *y = fbits((uint32_t)(r >> 32));
        return;
    }
    if (f == POW && i % 3 == 2 && i % 2 && dy > 150)   /* integer y: within float's range */
        dy = (double)(int64_t)(dy / 8);
    *x = (float)dx;
    *y = (float)dy;
}

static double call(int f, double x, double y)
{
    switch (f) {
    case SIN: return sin(x);
    case COS: return cos(x);
    case TAN: return tan(x);
    case ATAN: return atan(x);
    case ATAN2: return atan2(x, y);
    case EXP: return exp(x);
    case LOG: return log(x);
    case LOG2: return log2(x);
    case LOG10: return log10(x);
    default: return pow(x, y);
    }
}

static float callf(int f, float x, float y)
{
    switch (f) {
    case SIN: return sinf(x);
    case COS: return cosf(x);
    case TAN: return tanf(x);
    case ATAN: return atanf(x);
    case ATAN2: return atan2f(x, y);
    case EXP: return expf(x);
    case LOG: return logf(x);
    case LOG2: return log2f(x);
    case LOG10: return log10f(x);
    default: return powf(x, y);
    }
}

enum { CHUNK = 4096 };
static uint64_t mine[CHUNK];
static double inx[CHUNK], iny[CHUNK];

/* the results of function f (double: prec 64, float: 32) for inputs
 * first .. first+n-1, as 64-bit words; the inputs to inx, iny */
static void results(int f, int prec, uint64_t *out, int first, int n)
{
    for (int i = 0; i < n; i++) {
        if (prec == 64) {
            double x, y;
            input(f, first + i, &x, &y);
            inx[i] = x, iny[i] = y;
            out[i] = bitsd(call(f, x, y));
        } else {
            float x, y;
            finput(f, first + i, &x, &y);
            inx[i] = x, iny[i] = y;
            out[i] = bitsf(callf(f, x, y));
        }
    }
}

#ifdef ARC_FREESTANDING
int main(void)
{
    for (int prec = 64; prec >= 32; prec -= 32)
        for (int f = 0; f < NFUNC; f++) {
            rng = 0x9E3779B97F4A7C15u + (uint64_t)f * 977 + (uint64_t)prec;
            for (int done = 0; done < N; done += CHUNK) {
                int n = N - done < CHUNK ? N - done : CHUNK;
                results(f, prec, mine, done, n);
                if (fwrite(mine, 8, (size_t)n, stdout) != (size_t)n)
                    return 1;
            }
        }
    return fflush(stdout) != 0;
}
#else
static uint64_t theirs[CHUNK];
static const char *const names[NFUNC] = {
    "sin", "cos", "tan", "atan", "atan2", "exp", "log", "log2", "log10", "pow",
};

/* a float's bits on a line where integers order the floats */
static int64_t order(uint64_t u, int prec)
{
    uint64_t sign = prec == 64 ? 1ull << 63 : 1u << 31;
    return (u & sign) ? -(int64_t)(u & (sign - 1)) : (int64_t)u;
}

static int isnan_bits(uint64_t u, int prec)
{
    return prec == 64 ? (u & ~(1ull << 63)) > 0x7ff0000000000000u : (u & 0x7fffffffu) > 0x7f800000u;
}

static int isinf_or_zero(uint64_t u, int prec)
{
    uint64_t a = prec == 64 ? u & ~(1ull << 63) : u & 0x7fffffffu;
    return a == 0 || a == (prec == 64 ? 0x7ff0000000000000u : 0x7f800000u);
}

int main(void)
{
    int bad = 0;
    for (int prec = 64; prec >= 32; prec -= 32)
        for (int f = 0; f < NFUNC; f++) {
            rng = 0x9E3779B97F4A7C15u + (uint64_t)f * 977 + (uint64_t)prec;
            int64_t maxd = 0;
            long differ = 0, special = 0;
            for (int done = 0; done < N; done += CHUNK) {
                int n = N - done < CHUNK ? N - done : CHUNK;
                if (fread(mine, 8, (size_t)n, stdin) != (size_t)n) {
                    printf("%s%s: the C layer's results end early\n", names[f], prec == 32 ? "f" : "");
                    return 1;
                }
                results(f, prec, theirs, done, n);
                for (int i = 0; i < n; i++) {
                    uint64_t a = mine[i], b = theirs[i];
                    if (a == b)
                        continue;
                    differ++;
                    if (isnan_bits(a, prec) && isnan_bits(b, prec))
                        continue;
                    if (isnan_bits(a, prec) || isnan_bits(b, prec) ||
                        isinf_or_zero(a, prec) || isinf_or_zero(b, prec)) {
                        if (special++ < 3)
                            printf("  %s%s(%a, %a): 0x%llx, musl 0x%llx\n", names[f], prec == 32 ? "f" : "",
                                   inx[i], iny[i], (unsigned long long)a, (unsigned long long)b);
                        continue;
                    }
                    int64_t d = order(a, prec) - order(b, prec);
                    if (d < 0)
                        d = -d;
                    if (d > 1 && maxd <= 1)
                        printf("  %s%s(%a, %a): %lld ulp\n", names[f], prec == 32 ? "f" : "",
                               inx[i], iny[i], (long long)d);
                    if (d > maxd)
                        maxd = d;
                }
            }
            printf("%s%s: %d inputs, max %lld ulp, %ld differ%s\n", names[f], prec == 32 ? "f" : "", N,
                   (long long)maxd, differ, special ? " (and on a special value)" : "");
            if (maxd > 1 || special)
                bad = 1;
        }
    if (getchar() != EOF) {
        printf("the C layer wrote more results than asked for\n");
        return 1;
    }
    return bad;
}
#endif
