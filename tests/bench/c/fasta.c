/* fasta (the Benchmarks Game's algorithm): an ALU repeat and two random
 * sequences from a linear congruential generator, 60 characters a line;
 * N (argv[1]) scales the lengths.  tests/bench/arc/fasta.arc is the same
 * program in Arc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char alu[] =
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
    "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
    "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
    "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
    "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
    "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
    "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

static const char iub_c[] = "acgtBDHKMNRSVWY";
static const double iub_p[] = {0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02,
                               0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02};
static const char hs_c[] = "acgt";
static const double hs_p[] = {0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008};

static unsigned last = 42;

static double rnd(void)
{
    last = (last * 3877 + 29573) % 139968;
    return last / 139968.0;
}

static void repeat(const char *title, const char *s, int n)
{
    int len = (int)strlen(s), at = 0;
    char line[61];
    fputs(title, stdout);
    while (n > 0) {
        int k = n < 60 ? n : 60;
        for (int i = 0; i < k; i++) {
            line[i] = s[at];
            at = at + 1 == len ? 0 : at + 1;
        }
        line[k] = '\n';
        fwrite(line, 1, (size_t)k + 1, stdout);
        n -= k;
    }
}

static void random_seq(const char *title, const char *c, const double *p, int np, int n)
{
    double cum[16], acc = 0;
    char line[61];
    for (int i = 0; i < np; i++) {
        acc += p[i];
        cum[i] = acc;
    }
    fputs(title, stdout);
    while (n > 0) {
        int k = n < 60 ? n : 60;
        for (int i = 0; i < k; i++) {
            double r = rnd();
            int j = 0;
            while (j < np - 1 && cum[j] < r)
                j++;
            line[i] = c[j];
        }
        line[k] = '\n';
        fwrite(line, 1, (size_t)k + 1, stdout);
        n -= k;
    }
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    repeat(">ONE Homo sapiens alu\n", alu, 2 * n);
    random_seq(">TWO IUB ambiguity codes\n", iub_c, iub_p, 15, 3 * n);
    random_seq(">THREE Homo sapiens frequency\n", hs_c, hs_p, 4, 5 * n);
    return 0;
}
