/* sroa.arc in C (tests/e2e/arc.sh): the expected output. */
#include <stdint.h>
#include <stdio.h>

static int64_t sum_pairs(int64_t n)
{
    int64_t s = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t x = i * 4294967297LL;
        s += (x >> 32) * 3 + (x & 0xffffffff);
    }
    return s;
}

static int64_t struct_local(int64_t a)
{
    int64_t x = a, y = a * 2;
    x += 1;
    if (a > 10)
        y = x - y;
    return x * 1000 + y;
}

static int64_t escapes(int64_t a) { return a + 1 + 7; }

static double mixed_sum(int32_t n)
{
    double t = 0.0;
    for (int32_t i = 0; i < n; i++)
        t += (double)(i * 3) + (double)i / 4.0 + (double)(int8_t)i;
    return t;
}

int main(void)
{
    printf("%ld\n", (long)sum_pairs(100000));
    printf("%ld %ld\n", (long)struct_local(5), (long)struct_local(20));
    printf("%ld\n", (long)escapes(40));
    printf("%.3f\n", mixed_sum(300));
    return 0;
}
