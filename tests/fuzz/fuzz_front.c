/* fuzz_front.c: a standalone mutation fuzzer for the Arc front end
 * (gen/front/: lexer, parser, checker, lowering).  tests/fuzz/run_front.sh
 * builds it with ASan/UBSan.
 *
 *   fuzz_front [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]
 *
 * Each iteration takes a corpus file (default tests/arc and tests/arc/err),
 * applies 1 to 6 mutations (bit flips, interesting bytes, deletions,
 * duplications, splices from another file, truncation, Arc tokens from
 * tok.def and a few words, garbage, line moves) and compiles the result.
 * The oracle: no crash, no sanitizer report, no hang (10 s on one input),
 * and a module that compiles is valid IR (front_compile runs ir_verify and
 * aborts on a failure) that prints.  The input being tried is kept in
 * <dir>/current.arc (removed on success) to reproduce a failure. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen/front/ast.h"

enum { MAX_INPUT = 1 << 16 };

static uint64_t rng;

static uint64_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Dull;
}

static size_t below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

typedef struct {
    char *text;
    size_t len;
} Input;

static Input *corpus;
static int ncorpus, capcorpus;

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void load_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz_front: cannot open %s\n", dir);
        exit(2);
    }
    char **names = NULL;
    int n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".arc"))
            continue;
        grow(&names, &cap, n + 1, sizeof *names);
        names[n] = xmalloc(strlen(dir) + len + 2);
        sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, by_name);   /* a seed means one run */
    for (int i = 0; i < n; i++) {
        grow(&corpus, &capcorpus, ncorpus + 1, sizeof *corpus);
        corpus[ncorpus].text = read_file(names[i], &corpus[ncorpus].len);
        if (corpus[ncorpus].text)
            ncorpus++;
        free(names[i]);
    }
    free(names);
}

static const char *const words[] = {
    "x", "p", "main", "int8", "int32", "int64", "uint8", "uint64", "usize", "bool", "byte", "char", "string",
    "float32", "float64", "void", "Task", "Point", "Box<int32>", "*int32", "[4]int32", "(int32, bool)", "0",
    "1", "-1", "255", "18446744073709551615", "18446744073709551616", "0x_ff", "1.5e-3", "'\\n'", "\"s\\x41\"",
    "\n", " ", "{}", "()", "<T>", "cast<int64>(", "bit_cast<uint64>(", "sizeof(", "alloca<int8>(4)",
    "std.cpu.rdtsc()", "syscall(39)", "memcpy(", "&", "*", "await ", "yield\n", "defer ", "process func() {}()",
    "async func f() int32 { return 1 }\n", "struct S { a: int32 }\n", "enum E { A B = 3 }\n",
    "func g(self s: S) {}\n", "for i in 0..3 {", "for {", "switch x { case 1: default: }", "let (a, b) = ",
    ".0", "/*", "*/", "//",
};

static const char *dict_word(void)
{
    size_t i = below((size_t)TK_COUNT + (size_t)countof(words));
    if (i < TK_COUNT && i >= TK_NAMESPACE)
        return tok_text[i];
    return words[below((size_t)countof(words))];
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

static size_t line_start(const Buf *b)
{
    size_t at = below(b->len + 1);
    while (at > 0 && b->p[at - 1] != '\n')
        at--;
    return at;
}

static void mutate(Buf *b)
{
    static const char interesting[] = "{}()[]<>\n\"'\\*&.:;,=-+!~09azx_ \t\x80\xff";
    size_t at = below(b->len + 1);
    switch (below(10)) {
    case 0:
        if (b->len)
            b->p[below(b->len)] ^= (uint8_t)(1u << below(8));
        break;
    case 1:
        if (b->len)
            b->p[below(b->len)] = (uint8_t)interesting[below(sizeof interesting - 1)];
        break;
    case 2:
        erase(b, at, 1 + below(at < b->len ? 32 : 1));
        break;
    case 3: {
        size_t from = below(b->len + 1), n = below(b->len - from + 1);
        char tmp[256];
        n = n > sizeof tmp ? sizeof tmp : n;
        memcpy(tmp, b->p + from, n);
        insert(b, at, tmp, n);
        break;
    }
    case 4: {
        const Input *o = &corpus[below((size_t)ncorpus)];
        size_t from = below(o->len + 1), n = below(o->len - from + 1);
        insert(b, at, o->text + from, n > 512 ? 512 : n);
        break;
    }
    case 5:
        b->len = at;
        break;
    case 6: {
        const char *w = dict_word();
        insert(b, at, w, strlen(w));
        if (rnd() & 1)
            insert(b, at, " ", 1);
        break;
    }
    case 7: {
        size_t n = 1 + below(16);
        char tmp[16];
        for (size_t i = 0; i < n; i++)
            tmp[i] = (char)rnd();
        insert(b, at, tmp, n);
        break;
    }
    case 8: {
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
    default: { /* replace a word with a dictionary word */
        size_t e = at;
        while (e < b->len && (b->p[e] == '_' || (unsigned)((b->p[e] | 32) - 'a') < 26u ||
                              (unsigned)(b->p[e] - '0') < 10u))
            e++;
        erase(b, at, e - at);
        const char *w = dict_word();
        insert(b, at, w, strlen(w));
        break;
    }
    }
}

static char current_path[4096];

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "fuzz_front: FAIL: hang (over 10 s on one input, kept in current.arc)\n";
    if (write(2, msg, sizeof msg - 1) < 0)
        _exit(3);
    _exit(3);
}

/* One input; returns 1 when it compiled. */
static int run_one(const char *text, FILE *devnull)
{
    int nerr = 0;
    Module *m = front_compile_to("fuzz.arc", text, &nerr, devnull);
    if (!m)
        return 0;
    if (nerr) {
        fprintf(stderr, "fuzz_front: FAIL: a module with %d errors (input in %s)\n", nerr, current_path);
        exit(1);
    }
    ir_print(devnull, m);
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
            fprintf(stderr, "usage: fuzz_front [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]\n");
            return 2;
        }
    }
    if (optind < argc) {
        for (int i = optind; i < argc; i++)
            load_dir(argv[i]);
    } else {
        load_dir("tests/arc");
        load_dir("tests/arc/err");
    }
    if (!ncorpus) {
        fprintf(stderr, "fuzz_front: empty corpus\n");
        return 2;
    }
    rng = seed * 0x9E3779B97F4A7C15ull + 1;
    snprintf(current_path, sizeof current_path, "%s/current.arc", outdir);
    int fd = open(current_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror(current_path);
        return 2;
    }
    signal(SIGALRM, on_alarm);
    FILE *devnull = fopen("/dev/null", "w");
    long compiled = 0, n;
    for (int i = 0; i < ncorpus; i++)
        run_one(corpus[i].text, devnull);
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
            perror(current_path);
            return 2;
        }
        alarm(10);
        compiled += run_one((char *)b.p, devnull);
        alarm(0);
    }
    buf_free(&b);
    close(fd);
    unlink(current_path);
    fclose(devnull);
    for (int i = 0; i < ncorpus; i++)
        free(corpus[i].text);
    free(corpus);
    printf("fuzz_front: %ld iterations, %ld compiled, seed %llu\n", n, compiled, (unsigned long long)seed);
    return 0;
}
