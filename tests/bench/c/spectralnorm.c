/* spectral-norm (the Benchmarks Game's algorithm): 10 power iterations of
 * A^T A on a vector of N (argv[1]) ones; prints sqrt(vBv/vv) to 9 places.
 * tests/bench/arc/spectralnorm.arc is the same program in Arc (and
 * spectralnorm_tasks.arc splits each product across tasks). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double a(int i, int j)
{
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
}

static void av(int n, const double *v, double *out)
{
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++)
            s += a(i, j) * v[j];
        out[i] = s;
    }
}

static void atv(int n, const double *v, double *out)
{
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++)
            s += a(j, i) * v[j];
        out[i] = s;
    }
}

static void atav(int n, const double *v, double *out, double *tmp)
{
    av(n, v, tmp);
    atv(n, tmp, out);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100;
    double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *t = malloc(n * sizeof *t);
    for (int i = 0; i < n; i++)
        u[i] = 1;
    for (int i = 0; i < 10; i++) {
        atav(n, u, v, t);
        atav(n, v, u, t);
    }
    double vbv = 0, vv = 0;
    for (int i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vbv / vv));
    free(u), free(v), free(t);
    return 0;
}
