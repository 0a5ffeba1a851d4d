/* math_bits.h: what tests/libc/math_*.c share: the integer types when
 * freestanding, a xorshift64 generator (rng is its state: set it to start
 * a sequence) and a float's bits and back. */
#ifndef ARC_FREESTANDING
#include <stdint.h>
#else
typedef unsigned long uint64_t;
typedef unsigned int uint32_t;
typedef long int64_t;
#endif

static uint64_t rng = 0x9E3779B97F4A7C15u;
static inline uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static inline double dbits(uint64_t u)
{
    union { uint64_t u; double d; } v = {.u = u};
    return v.d;
}

static inline uint64_t bitsd(double d)
{
    union { double d; uint64_t u; } v = {.d = d};
    return v.u;
}

static inline float fbits(uint32_t u)
{
    union { uint32_t u; float f; } v = {.u = u};
    return v.f;
}

static inline uint32_t bitsf(float f)
{
    union { float f; uint32_t u; } v = {.f = f};
    return v.u;
}
