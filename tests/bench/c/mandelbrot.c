/* mandelbrot (the Benchmarks Game's algorithm): an N x N (argv[1]) bitmap
 * of the set in [-1.5, 0.5] x [-1, 1], 50 iterations, escape at |z|^2 > 4,
 * written as a binary PBM (P4) to stdout.  tests/bench/arc/mandelbrot.arc
 * is the same program in Arc, mandelbrot_tasks.arc with a task per band
 * of rows. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200;
    int rowbytes = (n + 7) / 8;
    unsigned char *bits = calloc((size_t)n, (size_t)rowbytes);
    for (int y = 0; y < n; y++) {
        double ci = 2.0 * y / n - 1.0;
        for (int x = 0; x < n; x++) {
            double cr = 2.0 * x / n - 1.5, zr = 0, zi = 0, tr = 0, ti = 0;
            int i = 0;
            while (i < 50 && tr + ti <= 4.0) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                i++;
            }
            if (tr + ti <= 4.0)
                bits[y * rowbytes + x / 8] |= (unsigned char)(0x80 >> (x % 8));
        }
    }
    printf("P4\n%d %d\n", n, n);
    fwrite(bits, (size_t)rowbytes, (size_t)n, stdout);
    free(bits);
    return 0;
}
