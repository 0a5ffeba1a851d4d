/* fuzz_ir.c: a standalone mutation fuzzer for the IR reader, verifier and
 * printer (no libFuzzer).  tests/fuzz/run.sh builds it with ASan/UBSan.
 *
 *   fuzz_ir [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]
 *
 * Each iteration takes a corpus file (default tests/ir/ok and tests/ir/err),
 * applies 1 to 6 mutations (bit flips, interesting bytes, deletions,
 * duplications, splices from another file, truncation, dictionary tokens,
 * garbage runs, line swaps), and feeds the result to the reader.  When the
 * reader accepts it, the module is verified and printed, and the printed
 * text must read back without errors, print identically and verify with
 * the same number of errors: a reader/printer disagreement is a failure
 * like a crash.  A hang (10 s on one input) is a failure.  The input being
 * tried is kept in <dir>/current.ir (removed on success), so a crash under
 * a sanitizer leaves the reproducer behind.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen/ir.h"

enum { MAX_INPUT = 1 << 16 };

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
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz_ir: cannot open %s\n", dir);
        exit(2);
    }
    char **names = NULL;
    int n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".ir"))
            continue;
        grow(&names, &cap, n + 1, sizeof *names);
        names[n] = xmalloc(strlen(dir) + len + 2);
        sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    /* sorted, so a seed means the same run everywhere */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (int i = 0; i < n; i++) {
        grow(&corpus, &capcorpus, ncorpus + 1, sizeof *corpus);
        corpus[ncorpus].text = read_file(names[i], &corpus[ncorpus].len);
        if (corpus[ncorpus].text)
            ncorpus++;
        free(names[i]);
    }
    free(names);
}

/* Tokens the reader knows, to get past the first syntax check. */
static const char *const dict_extra[] = {
    "%x", "%t", "%n", "@entry", "@loop", "@a", "$f", "$fib", "$printf", ":P", ":Pair", "0", "1", "-1", "255",
    "18446744073709551615", "18446744073709551616", "-9223372036854775808", "0x7fffffffffffffff", "1e308",
    "-0.0", "nan", "inf", "1.5", "...", " = ", ", ", "\n", "}\n", " {\n", "[", "]", "(", ")", "\"", "\\x",
    "\\", "#", "@a:\n", "func", "decl", "data", "type", "export", "const", "size", "align", "zero", "void",
    "\tret void\n", "\tjmp @entry\n", "+", "-", ":", "=", "{", "}", "$", "%", "@",
};

static const char *dict_word(void)
{
    size_t n = (size_t)OP_COUNT + T_NTYPES + IN_COUNT + (size_t)countof(dict_extra), i = below(n);
    if (i < OP_COUNT)
        return op_info[i].name;
    i -= OP_COUNT;
    if (i < T_NTYPES)
        return type_name[i];
    i -= T_NTYPES;
    if (i < IN_COUNT)
        return intrin_info[i].name;
    return dict_extra[i - IN_COUNT];
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

static void mutate(Buf *b)
{
    static const char interesting[] = "%@$:\n\"\\#{}[](),=-.+09azx \t\x80\xff";
    size_t at = below(b->len + 1);
    switch (below(10)) {
    case 0:   /* flip a bit */
        if (b->len)
            b->p[below(b->len)] ^= (uint8_t)(1u << below(8));
        break;
    case 1:   /* an interesting byte */
        if (b->len)
            b->p[below(b->len)] = (uint8_t)interesting[below(sizeof interesting - 1)];
        break;
    case 2:   /* delete a range */
        erase(b, at, 1 + below(at < b->len ? 32 : 1));
        break;
    case 3: { /* duplicate a range */
        size_t from = below(b->len + 1), n = below(b->len - from + 1);
        if (n > 256)
            n = 256;
        char tmp[256];
        memcpy(tmp, b->p + from, n);
        insert(b, at, tmp, n);
        break;
    }
    case 4: { /* splice from another file */
        const Input *o = &corpus[below((size_t)ncorpus)];
        size_t from = below(o->len + 1), n = below(o->len - from + 1);
        insert(b, at, o->text + from, n > 512 ? 512 : n);
        break;
    }
    case 5:   /* truncate */
        b->len = at;
        break;
    case 6: { /* a dictionary token, often with a space */
        const char *w = dict_word();
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
    case 8: { /* move a line elsewhere */
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
    default: { /* replace a number or name with a dictionary word */
        size_t s = at, e = at;
        while (e < b->len && (b->p[e] == '_' || b->p[e] == '.' || (unsigned)((b->p[e] | 32) - 'a') < 26u ||
                              (unsigned)(b->p[e] - '0') < 10u))
            e++;
        erase(b, s, e - s);
        const char *w = dict_word();
        insert(b, s, w, strlen(w));
        break;
    }
    }
}

static char *print_to_string(const Module *m)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    ir_print(f, m);
    fclose(f);
    return s;
}

static int current_fd = -1;
static char current_path[4096];

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "fuzz_ir: FAIL: hang (over 10 s on one input, kept in current.ir)\n";
    if (write(2, msg, sizeof msg - 1) < 0)
        _exit(3);
    _exit(3);
}

static void failure(const char *what, const char *text, const char *extra)
{
    fprintf(stderr, "fuzz_ir: FAIL: %s (input kept in %s)\n--- input:\n%s\n--- detail:\n%s\n", what, current_path,
            text, extra ? extra : "");
    exit(1);
}

/* One input through reader, verifier, printer, and the round-trip oracle. */
static int run_one(const char *text, FILE *devnull, int *clean)
{
    int nerr, nerr2;
    Module *m = ir_read_to("fuzz.ir", text, &nerr, devnull);
    if (!m)
        return 0;
    int nv = ir_verify(m, devnull);
    *clean = nv == 0;
    char *p1 = print_to_string(m);
    Module *m2 = ir_read_to("printed.ir", p1, &nerr2, devnull);
    if (!m2) {
        char *diag = NULL;
        size_t len;
        FILE *f = open_memstream(&diag, &len);
        ir_free(ir_read_to("printed.ir", p1, &nerr2, f));
        fclose(f);
        failure("the printed module does not read back", text, diag);
    }
    if (ir_verify(m2, devnull) != nv)
        failure("the printed module verifies differently", text, p1);
    char *p2 = print_to_string(m2);
    if (strcmp(p1, p2))
        failure("print(read(print(m))) != print(m)", text, p1);
    free(p1);
    free(p2);
    ir_free(m2);
    ir_free(m);
    return 1;
}

int main(int argc, char **argv)
{
    long iters = -1, secs = 600;
    uint64_t seed = (uint64_t)time(NULL);
    const char *outdir = ".";
    int opt;
    while ((opt = getopt(argc, argv, "n:t:s:o:")) != -1) {
        switch (opt) {
        case 'n': iters = atol(optarg); break;
        case 't': secs = atol(optarg); break;
        case 's': seed = strtoull(optarg, NULL, 0); break;
        case 'o': outdir = optarg; break;
        default:
            fprintf(stderr, "usage: fuzz_ir [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]\n");
            return 2;
        }
    }
    if (optind < argc)
        for (int i = optind; i < argc; i++)
            load_dir(argv[i]);
    else {
        load_dir("tests/ir/ok");
        load_dir("tests/ir/err");
    }
    if (!ncorpus) {
        fprintf(stderr, "fuzz_ir: empty corpus\n");
        return 2;
    }
    rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
    snprintf(current_path, sizeof current_path, "%s/current.ir", outdir);
    current_fd = open(current_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (current_fd < 0) {
        perror(current_path);
        return 2;
    }
    signal(SIGALRM, on_alarm);
    FILE *devnull = fopen("/dev/null", "w");

    /* the corpus itself first */
    int clean = 0;
    long accepted = 0, verified = 0, n = 0;
    for (int i = 0; i < ncorpus; i++)
        run_one(corpus[i].text, devnull, &clean);

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
        if (pwrite(current_fd, b.p, b.len, 0) < 0 || ftruncate(current_fd, (off_t)b.len) < 0) {
            perror(current_path);
            return 2;
        }
        alarm(10);
        clean = 0;
        accepted += run_one((char *)b.p, devnull, &clean);
        verified += clean;
        alarm(0);
    }
    buf_free(&b);
    close(current_fd);
    unlink(current_path);
    fclose(devnull);
    for (int i = 0; i < ncorpus; i++)
        free(corpus[i].text);
    free(corpus);
    printf("fuzz_ir: %ld iterations, %ld read, %ld verified clean, seed %llu\n", n, accepted, verified,
           (unsigned long long)seed);
    return 0;
}
