/* cg_kern.c: the C twin of cg_kern.ir, line for line the same programs,
 * compiled by gcc -O0 and by gcc -O2 (freestanding, linked onto the arc
 * runtime with cg_main.c exactly as the IR version is).  Unsigned
 * arithmetic where the IR wraps. */

/* fib(n), two plain recursive calls. */
long kern_fib(long n)
{
    if (n < 2)
        return n;
    return kern_fib(n - 1) + kern_fib(n - 2);
}

/* Primes below n in the byte array p[n]: fill, cross out, count. */
long kern_sieve(unsigned char *p, long n)
{
    for (long i = 0; i < n; i++)
        p[i] = 1;
    p[0] = 0;
    p[1] = 0;
    for (long i = 2; i * i < n; i++)
        if (p[i])
            for (long j = i * i; j < n; j += i)
                p[j] = 0;
    long count = 0;
    for (long i = 0; i < n; i++)
        count += p[i];
    return count;
}

/* x[i] = i/n, y[i] = 1 - x[i], then reps dot products summed into one
 * f64 accumulator (in order: no reassociation, as gcc without -ffast-math). */
double kern_dot(double *x, double *y, long n, long reps)
{
    double inv = 1.0 / (double)n;
    for (long i = 0; i < n; i++) {
        x[i] = (double)i * inv;
        y[i] = 1.0 - x[i];
    }
    double s = 0.0;
    for (long r = 0; r < reps; r++)
        for (long i = 0; i < n; i++)
            s = s + x[i] * y[i];
    return s;
}
