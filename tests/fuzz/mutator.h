/* mutator.h: the mutation engine shared by the standalone fuzzers
 * (fuzz_ir.c, fuzz_front.c).  A fuzzer fills a FuzzSpec (its name, corpus
 * extension and default directories, the bytes and words worth inserting,
 * and the oracle run_one) and calls fuzz_main.
 *
 *   <name> [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]
 *
 * Each iteration takes a corpus file, applies 1 to 6 mutations (bit flips,
 * interesting bytes, deletions, duplications, splices from another file,
 * truncation, dictionary words, garbage runs, line moves, word
 * replacement) and hands the text to run_one; a crash, sanitizer report or
 * hang (10 s on one input) is a failure.  The input being tried is kept in
 * <dir>/current.<ext> (removed on success), so a failure leaves its
 * reproducer behind.  The corpus is read in sorted order, so a seed means
 * the same run everywhere. */
#ifndef ARC_FUZZ_MUTATOR_H
#define ARC_FUZZ_MUTATOR_H

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen/util.h"
#include "tests/corpus.h"

enum { MAX_INPUT = 1 << 16, FUZZ_ACCEPTED = 1, FUZZ_CLEAN = 2 };

typedef struct {
    const char *name;           /* "fuzz_ir" */
    const char *ext;            /* ".ir" */
    const char *const *dirs;    /* default corpus directories, NULL-terminated */
    const char *interesting;    /* bytes worth planting */
    const char *word_punct;     /* bytes that belong to a word besides [A-Za-z0-9_] */
    const char *(*word)(void);  /* a dictionary word */
    /* The oracle: FUZZ_ACCEPTED | FUZZ_CLEAN bits; exits on a failure. */
    int (*run_one)(const char *text, FILE *devnull);
    const char *accepted, *clean;  /* labels of the closing line; clean may be NULL */
} FuzzSpec;

static const FuzzSpec *fuzz;
static char fuzz_current[4096];

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static size_t below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

typedef struct {
    char *text;
    size_t len;
} Input;

static Input *corpus;
static int ncorpus, capcorpus;

static void load_dir(const char *dir)
{
    char **names;
    int n = corpus_list(dir, fuzz->ext, &names);
    if (n < 0) {
        fprintf(stderr, "%s: cannot open %s\n", fuzz->name, dir);
        exit(2);
    }
    for (int i = 0; i < n; i++) {
        grow(&corpus, &capcorpus, ncorpus + 1, sizeof *corpus);
        corpus[ncorpus].text = read_file(names[i], &corpus[ncorpus].len);
        if (corpus[ncorpus].text)
            ncorpus++;
    }
    corpus_free(names, n);
}

static void insert(Buf *b, size_t at, const void *p, size_t n)
{
    if (b->len + n > MAX_INPUT)
        return;
    buf_zero(b, n);
    memmove(b->p + at + n, b->p + at, b->len - n - at);
    memcpy(b->p + at, p, n);
}

static void erase(Buf *b, size_t at, size_t n)
{
    if (at + n > b->len)
        n = b->len - at;
    memmove(b->p + at, b->p + at + n, b->len - at - n);
    b->len -= n;
}

/* Offset of the start of a random line. */
static size_t line_start(const Buf *b)
{
    size_t at = below(b->len + 1);
    while (at > 0 && b->p[at - 1] != '\n')
        at--;
    return at;
}

static int word_byte(uint8_t c)
{
    return c == '_' || (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u ||
           (c && strchr(fuzz->word_punct, c));
}

static void mutate(Buf *b)
{
    size_t at = below(b->len + 1);
    switch (below(10)) {
    case 0:   /* flip a bit */
        if (b->len)
            b->p[below(b->len)] ^= (uint8_t)(1u << below(8));
        break;
    case 1:   /* plant an interesting byte */
        if (b->len)
            b->p[below(b->len)] = (uint8_t)fuzz->interesting[below(strlen(fuzz->interesting))];
        break;
    case 2:   /* delete a run */
        erase(b, at, 1 + below(at < b->len ? 32 : 1));
        break;
    case 3: { /* duplicate a run */
        size_t from = below(b->len + 1), n = below(b->len - from + 1);
        char tmp[256];
        n = n > sizeof tmp ? sizeof tmp : n;
        memcpy(tmp, b->p + from, n);
        insert(b, at, tmp, n);
        break;
    }
    case 4: { /* splice from another corpus file */
        const Input *o = &corpus[below((size_t)ncorpus)];
        size_t from = below(o->len + 1), n = below(o->len - from + 1);
        insert(b, at, o->text + from, n > 512 ? 512 : n);
        break;
    }
    case 5:   /* truncate */
        b->len = at;
        break;
    case 6: { /* a dictionary word */
        const char *w = fuzz->word();
        insert(b, at, w, strlen(w));
        if (rnd() & 1)
            insert(b, at, " ", 1);
        break;
    }
    case 7: { /* garbage */
        size_t n = 1 + below(16);
        char tmp[16];
        for (size_t i = 0; i < n; i++)
            tmp[i] = (char)rnd();
        insert(b, at, tmp, n);
        break;
    }
    case 8: { /* move a line */
        size_t s = line_start(b), e = s;
        while (e < b->len && b->p[e] != '\n')
            e++;
        if (e < b->len)
            e++;
        char tmp[512];
        size_t n = e - s > sizeof tmp ? sizeof tmp : e - s;
        memcpy(tmp, b->p + s, n);
        erase(b, s, n);
        insert(b, line_start(b), tmp, n);
        break;
    }
    default: { /* replace a word or number with a dictionary word */
        size_t e = at;
        while (e < b->len && word_byte(b->p[e]))
            e++;
        erase(b, at, e - at);
        const char *w = fuzz->word();
        insert(b, at, w, strlen(w));
        break;
    }
    }
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "FAIL: hang (over 10 s on one input, kept in the current file)\n";
    if (write(2, msg, sizeof msg - 1) < 0)
        _exit(3);
    _exit(3);
}

static int fuzz_main(int argc, char **argv, const FuzzSpec *spec)
{
    long iters = -1, secs = 600;
    uint64_t seed = (uint64_t)time(NULL);
    const char *outdir = ".";
    int opt;
    fuzz = spec;
    while ((opt = getopt(argc, argv, "n:t:s:o:")) != -1) {
        switch (opt) {
        case 'n': iters = atol(optarg); break;
        case 't': secs = atol(optarg); break;
        case 's': seed = strtoull(optarg, NULL, 0); break;
        case 'o': outdir = optarg; break;
        default:
            fprintf(stderr, "usage: %s [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]\n",
                    spec->name);
            return 2;
        }
    }
    if (optind < argc)
        for (int i = optind; i < argc; i++)
            load_dir(argv[i]);
    else
        for (const char *const *d = spec->dirs; *d; d++)
            load_dir(*d);
    if (!ncorpus) {
        fprintf(stderr, "%s: empty corpus\n", spec->name);
        return 2;
    }
    rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
    snprintf(fuzz_current, sizeof fuzz_current, "%s/current%s", outdir, spec->ext);
    int fd = open(fuzz_current, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror(fuzz_current);
        return 2;
    }
    signal(SIGALRM, on_alarm);
    FILE *devnull = fopen("/dev/null", "w");

    for (int i = 0; i < ncorpus; i++)   /* the corpus itself first */
        spec->run_one(corpus[i].text, devnull);

    long accepted = 0, clean = 0, n;
    time_t end = time(NULL) + secs;
    Buf b = {0};
    for (n = 0; iters < 0 ? time(NULL) < end : n < iters; n++) {
        const Input *in = &corpus[below((size_t)ncorpus)];
        b.len = 0;
        buf_put(&b, in->text, in->len);
        for (int k = 1 + (int)below(6); k > 0; k--)
            mutate(&b);
        buf_u8(&b, 0);
        b.len--;
        if (pwrite(fd, b.p, b.len, 0) < 0 || ftruncate(fd, (off_t)b.len) < 0) {
            perror(fuzz_current);
            return 2;
        }
        alarm(10);
        int r = spec->run_one((char *)b.p, devnull);
        alarm(0);
        accepted += (r & FUZZ_ACCEPTED) != 0;
        clean += (r & FUZZ_CLEAN) != 0;
    }
    buf_free(&b);
    close(fd);
    unlink(fuzz_current);
    fclose(devnull);
    for (int i = 0; i < ncorpus; i++)
        free(corpus[i].text);
    free(corpus);
    printf("%s: %ld iterations, %ld %s", spec->name, n, accepted, spec->accepted);
    if (spec->clean)
        printf(", %ld %s", clean, spec->clean);
    printf(", seed %llu\n", (unsigned long long)seed);
    return 0;
}

#endif
