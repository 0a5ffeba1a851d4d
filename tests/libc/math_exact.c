/* math.h's exactly rounded functions, bit for bit: sqrt fabs floor ceil
 * trunc round fmod and their float versions, each on a million inputs
 * (the edge cases: signed zeros, infinities, NaNs, subnormals, halves,
 * the largest non-integers; then random bit patterns and random values
 * near integers), folded into one FNV-1a hash of the result bits per
 * function.  tests/e2e/libc.sh builds it against glibc (whose results
 * are the expect lines; musl's exactly rounded functions agree) and onto
 * the C layer. */
#include "clib.h"
#include "math_bits.h"
#ifndef ARC_FREESTANDING
#include <math.h>
#else
double sqrt(double), fabs(double), floor(double), ceil(double), trunc(double), round(double);
double fmod(double, double);
float sqrtf(float), fabsf(float), floorf(float), ceilf(float), truncf(float), roundf(float);
float fmodf(float, float);
#endif

enum { N = 1000000 };

static const uint64_t edges[] = {
    0, 0x8000000000000000u, 0x7ff0000000000000u, 0xfff0000000000000u,   /* +-0, +-inf */
    0x7ff8000000000000u, 0xfff8000000000000u, 0x7ff0000000000001u,      /* NaNs */
    1, 0x800fffffffffffffu, 0x0010000000000000u,                          /* subnormals, min normal */
    0x3fe0000000000000u, 0xbfe0000000000000u, 0x3ff8000000000000u,       /* 0.5, -0.5, 1.5 */
    0x4004000000000000u, 0xc004000000000000u, 0x3fdfffffffffffffu,       /* 2.5, -2.5, 0.49999... */
    0x432fffffffffffffu, 0xc32fffffffffffffu, 0x4330000000000000u,       /* 2^52 - 0.5, 2^52 */
    0x7fefffffffffffffu, 0x3ff0000000000000u, 0xbff0000000000001u,
};

/* input i of a run: the edges, random bit patterns, values near integers */
static double input(int i)
{
    if (i < (int)(sizeof edges / sizeof edges[0]))
        return dbits(edges[i]);
    uint64_t r = next();
    if (i % 2)
        return dbits(r);
    double v = (double)(int64_t)(r >> 20) / (double)(1 << (r & 15));
    return (r & 16) ? -v : v;
}

/* y for fmod: mostly within 2^60 of x, so the long division stays short */
static double divisor(double x, int i)
{
    uint64_t r = next();
    if (i % 97 == 0)
        return dbits(r);
    if (i < (int)(sizeof edges / sizeof edges[0]))
        return dbits(edges[(i * 7 + 3) % (sizeof edges / sizeof edges[0])]);
    uint64_t ux = bitsd(x);
    uint64_t e = (ux >> 52) & 0x7ff;
    uint64_t ey = e > 60 ? e - (r % 61) : r % 64;
    return dbits((r & 0x800fffffffffffffu) | (ey << 52));
}

typedef double (*F1)(double);
typedef float (*F1f)(float);

static void run1(const char *name, F1 f)
{
    uint64_t h = 0xcbf29ce484222325u;
    rng = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < N; i++)
        h = (h ^ bitsd(f(input(i)))) * 0x100000001b3u;
    printf("%s %d %016lx\n", name, N, (unsigned long)h);
}

static void run1f(const char *name, F1f f)
{
    uint64_t h = 0xcbf29ce484222325u;
    rng = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < N; i++) {
        float x = i % 3 ? fbits((uint32_t)next()) : (float)input(i);
        h = (h ^ bitsf(f(x))) * 0x100000001b3u;
    }
    printf("%s %d %016lx\n", name, N, (unsigned long)h);
}

int main(void)
{
    run1("sqrt", sqrt);
    run1("fabs", fabs);
    run1("floor", floor);
    run1("ceil", ceil);
    run1("trunc", trunc);
    run1("round", round);
    run1f("sqrtf", sqrtf);
    run1f("fabsf", fabsf);
    run1f("floorf", floorf);
    run1f("ceilf", ceilf);
    run1f("truncf", truncf);
    run1f("roundf", roundf);
    uint64_t h = 0xcbf29ce484222325u, hf = h;
    rng = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < N; i++) {
        double x = input(i);
        h = (h ^ bitsd(fmod(x, divisor(x, i)))) * 0x100000001b3u;
        float xf = (float)x, yf = (float)divisor(x, i);
        hf = (hf ^ bitsf(fmodf(xf, yf))) * 0x100000001b3u;
    }
    printf("fmod %d %016lx\nfmodf %d %016lx\n", N, (unsigned long)h, N, (unsigned long)hf);
    return 0;
}

// expect: sqrt 1000000 d4f76f51d102f67b
// expect: fabs 1000000 68d33c2e8e3af3cf
// expect: floor 1000000 8fac81689b103ff0
// expect: ceil 1000000 bdeae19c3c5740e8
// expect: trunc 1000000 ff512c481098de76
// expect: round 1000000 482e2c8f027cd692
// expect: sqrtf 1000000 a374911223e01e09
// expect: fabsf 1000000 02493608dea7964c
// expect: floorf 1000000 36478b54058c7a30
// expect: ceilf 1000000 0ff3186b3590e1b0
// expect: truncf 1000000 01d6d712584506ce
// expect: roundf 1000000 bb978d2cc1f25b2a
// expect: fmod 1000000 1b3f98eb8a813170
// expect: fmodf 1000000 f9c48cd6fa4b5179
