/* cg_main.c: times and checks the generated-code benchmarks (cg_kern.ir
 * built by `arc build`, or its twin cg_kern.c built by gcc -O0 / -O2).
 * This driver is the same gcc -O2 object in every variant: only the
 * kernels differ.  Prints
 *   fib_ms    fib(35), plain recursive calls
 *   sieve_ms  primes below 20,000,000 in a byte array (after one untimed
 *             run that faults the pages in)
 *   dot_ms    f64 fill of two arrays of 100,000 then 500 dot products
 * and exits 1 on a wrong result. */
#include "arc_bench.h"

long kern_fib(long n);
long kern_sieve(unsigned char *p, long n);
double kern_dot(double *x, double *y, long n, long reps);

enum {
    FIB_ARG = 35, FIB_35 = 9227465,
    SIEVE_N = 20000000, PRIMES_BELOW_20M = 1270607,
    DOT_N = 100000, DOT_REPS = 500,
};

static void *map(unsigned long n)
{
    long p = arc_mmap(0, n, 3 /* PROT_READ|WRITE */, 0x22 /* MAP_PRIVATE|ANONYMOUS */, -1, 0);
    check(p > 0, "mmap", p);
    return (void *)p;
}

static volatile long fib_arg = FIB_ARG;

int main(void)
{
    long t0 = now_ns();
    long r = kern_fib(fib_arg);
    long t = now_ns() - t0;
    check(r == FIB_35, "fib(35)", r);
    report("fib_ms", t, 1000000);

    unsigned char *p = map(SIEVE_N);
    r = kern_sieve(p, SIEVE_N);
    check(r == PRIMES_BELOW_20M, "primes below 20M (warm-up)", r);
    t0 = now_ns();
    r = kern_sieve(p, SIEVE_N);
    t = now_ns() - t0;
    check(r == PRIMES_BELOW_20M, "primes below 20M", r);
    report("sieve_ms", t, 1000000);

    /* sum over i < n of (i/n)(1 - i/n) = (n-1)/2 - (n-1)(2n-1)/(6n),
     * times the reps; checked to 1e-9 relative, shown as an integer */
    double *x = map(DOT_N * sizeof(double)), *y = map(DOT_N * sizeof(double));
    t0 = now_ns();
    double s = kern_dot(x, y, DOT_N, DOT_REPS);
    t = now_ns() - t0;
    double n = DOT_N;
    double want = DOT_REPS * ((n - 1) / 2 - (n - 1) * (2 * n - 1) / (6 * n));
    double err = s > want ? s - want : want - s;
    check(err <= want * 1e-9, "500 dot products (rounded)", (long)(s + 0.5));
    report("dot_ms", t, 1000000);
    report("dot_result", (long)(s + 0.5), 1);
    return 0;
}
