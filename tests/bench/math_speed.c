/* tests/bench/math_speed.c: 10 million calls of one of sin exp log pow
 * (argv[1]: s, e, l or p) on arguments spread over a typical range,
 * and the sum of the results to 9 digits (the same for musl and the C
 * layer, whose results differ by at most 1 ulp).  Built freestanding on
 * the C layer and with musl-gcc -static (tests/bench/math.sh). */
#include "clib.h"
#ifndef ARC_FREESTANDING
#include <math.h>
#else
double sin(double), exp(double), log(double), pow(double, double);
#endif

enum { CALLS = 10000000 };

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    double s = 0;
    for (int i = 0; i < CALLS; i++) {
        double t = (double)i / CALLS;       /* [0, 1) */
        switch (argv[1][0]) {
        case 's': s += sin(t * 20 - 10); break;
        case 'e': s += exp(t * 80 - 40); break;
        case 'l': s += log(t * 1000 + 1e-3); break;
        case 'p': s += pow(t * 10 + 0.01, t * 6 - 3); break;
        default: return 2;
        }
    }
    printf("%.9e\n", s);
    return 0;
}
