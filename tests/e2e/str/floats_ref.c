/* floats.arc's algorithm on glibc: the fewest %.{p}g digits that strtod
 * reads back, without an exponent below 1e17; printed with the bits the
 * text parses back to.  Same inputs, so the outputs must be equal. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, 8);
    return u;
}

static void show(double x)
{
    char buf[40], *end;
    for (int p = 1; p < 18; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, x);
        if (strtod(buf, &end) == x || x != x)
            break;
    }
    char *e = strstr(buf, "e+");
    if (e && atoi(e + 2) < 17)
        snprintf(buf, sizeof buf, "%.*g", atoi(e + 2) + 1, x);
    double y = strtod(buf, &end);
    printf("%s %016" PRIx64 " %d %d\n", buf, bits(y), bits(y) == bits(x), *end == 0);
}

int main(void)
{
    uint64_t r = 88172645463325252u;
    static const double p10[8] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000};
    for (int n = 0; n < 10000;) {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        if (((r >> 52) & 0x7ff) == 0x7ff && (r & 0xfffffffffffffu) != 0)
            continue;
        double x;
        memcpy(&x, &r, 8);
        show(x);
        n++;
    }
    for (int i = 0; i < 10000; i++) {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        show((double)(int64_t)(r % 100000000) / p10[(r >> 40) % 8]);
    }
    return 0;
}
