/* test_front.c: the Arc front end (gen/front/).
 *
 *   tests/arc/NAME.arc      compile without diagnostics to IR that verifies
 *                           (front_compile runs ir_verify itself) and whose
 *                           printed text reads back.
 *   tests/arc/err/NAME.arc  one rule each; the diagnostics the file must
 *                           produce are written in it, in order, as
 *                             // error: 3:9: message
 *                           and must be exactly the ones reported.
 *   the lexer's rules on small inputs (newline rule, literals, escapes);
 *   every prefix of every test file (and a few mangled ones) compiles or
 *   fails cleanly: never a crash or a hang.
 * Run from the top of the tree (tests/run.sh does). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "tests/corpus.h"

#include "gen/front/ast.h"
#include "gen/front/front.h"

/* The sorted paths of dir's *.arc files; returns their count. */
static int list_arc(const char *dir, char ***out)
{
    int n = corpus_list(dir, ".arc", out);
    assert_true(n >= 0);
    return n;
}

/* Compile the len bytes of text; the diagnostics are returned in *diag
 * (malloc'd). */
static Module *compile_len(const char *path, const char *text, size_t len, int *nerr, char **diag)
{
    size_t dlen = 0;
    *diag = NULL;
    FILE *f = open_memstream(diag, &dlen);
    Module *m = front_compile_to(path, text, len, nerr, f);
    fclose(f);
    return m;
}

static Module *compile(const char *path, const char *text, int *nerr, char **diag)
{
    return compile_len(path, text, strlen(text), nerr, diag);
}

/* --- the lexer ------------------------------------------------------------ */
static int lex_kinds(const char *text, TokKind *out, int max, Tok *last)
{
    Front fe = {.path = "t.arc", .text = text, .err = stderr};
    lex(&fe);
    int n = fe.ntoks < max ? fe.ntoks : max;
    for (int i = 0; i < n; i++)
        out[i] = fe.toks[i].k;
    if (last && fe.ntoks > 1)
        *last = fe.toks[0];
    assert_int_equal(fe.nerrors, 0);
    static char strs[4][64];   /* t's string outlives the arena */
    static int nstr;
    if (last && last->str) {
        char *s = strs[nstr++ % 4];
        memcpy(s, last->str, (size_t)last->slen + 1 < 64 ? (size_t)last->slen + 1 : 64);
        last->str = s;
    }
    int n0 = fe.ntoks;
    fe_free(&fe);
    return n0;
}

static void test_lex_newlines(void **state)
{
    (void)state;
    TokKind k[32];
    /* a newline after an identifier, ')' or '++' ends the statement; after
     * '=' or ',' it does not */
    int n = lex_kinds("a = \n b\nf(x,\n y)\ni++\n", k, 32, NULL);
    TokKind want[] = {TK_IDENT, TK_ASSIGN, TK_IDENT, TK_NL, TK_IDENT, TK_LPAREN, TK_IDENT, TK_COMMA,
                      TK_IDENT, TK_RPAREN, TK_NL, TK_IDENT, TK_INC, TK_NL, TK_EOF};
    assert_int_equal(n, countof(want));
    for (int i = 0; i < n; i++)
        assert_int_equal(k[i], want[i]);
    /* the end of a file without a final newline ends the statement */
    n = lex_kinds("return 5", k, 32, NULL);
    assert_int_equal(n, 4);
    assert_int_equal(k[2], TK_NL);
    /* comments are white space; a block comment spanning lines is a newline */
    n = lex_kinds("x /* a\n b */ y // c\n", k, 32, NULL);
    assert_int_equal(n, 5);
    assert_int_equal(k[1], TK_NL);
    assert_int_equal(k[3], TK_NL);
}

static void test_lex_literals(void **state)
{
    (void)state;
    TokKind k[16];
    Tok t;
    lex_kinds("18446744073709551615", k, 16, &t);
    assert_int_equal(t.k, TK_INT);
    assert_true(t.ival == UINT64_MAX);
    lex_kinds("0x_FF_ff", k, 16, &t);
    assert_true(t.ival == 0xffff);
    lex_kinds("0b1010_1010", k, 16, &t);
    assert_true(t.ival == 0xaa);
    lex_kinds("0o777", k, 16, &t);
    assert_true(t.ival == 0777);
    lex_kinds("1_000_000", k, 16, &t);
    assert_true(t.ival == 1000000);
    lex_kinds("1.5e-3", k, 16, &t);
    assert_int_equal(t.k, TK_FLOAT);
    assert_true(t.fval == 1.5e-3);
    lex_kinds("2E10", k, 16, &t);
    assert_true(t.k == TK_FLOAT && t.fval == 2e10);
    int n = lex_kinds("0..5", k, 16, &t);
    assert_int_equal(n, 5);
    assert_int_equal(k[0], TK_INT);
    assert_int_equal(k[1], TK_DOTDOT);
    assert_int_equal(k[2], TK_INT);
    lex_kinds("'\\x41'", k, 16, &t);
    assert_true(t.k == TK_CHAR && t.ival == 0x41);
    lex_kinds("'\\''", k, 16, &t);
    assert_true(t.ival == '\'');
    lex_kinds("\"a\\n\\t\\0\\\\\\\"\"", k, 16, &t);
    assert_int_equal(t.k, TK_STR);
    assert_int_equal(t.slen, 6);
    assert_memory_equal(t.str, "a\n\t\0\\\"", 6);
}

/* --- whole programs --------------------------------------------------------- */
static void test_ok_programs(void **state)
{
    (void)state;
    char **files;
    int n = list_arc("tests/arc", &files);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        size_t len;
        char *text = read_file(files[i], &len);
        assert_non_null(text);
        int nerr = 0;
        char *diag;
        Module *m = compile_len(files[i], text, len, &nerr, &diag);
        if (!m || nerr)
            fail_msg("%s: %d error(s):\n%s", files[i], nerr, diag);
        /* the printed IR reads back and verifies */
        char *ir = NULL;
        size_t irlen = 0;
        FILE *f = open_memstream(&ir, &irlen);
        ir_print(f, m);
        fclose(f);
        int rerr = 0;
        Module *m2 = ir_read(files[i], ir, &rerr);
        if (!m2 || rerr)
            fail_msg("%s: its IR does not read back:\n%s", files[i], ir);
        assert_int_equal(ir_verify(m2, stderr), 0);
        ir_free(m2);
        ir_free(m);
        free(ir);
        free(diag);
        free(text);
    }
    corpus_free(files, n);
}

/* The "// error: L:C: msg" lines of a file, joined with newlines. */
static char *expected_errors(const char *text)
{
    Buf b = {0};
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 10 && !strncmp(p, "// error: ", 10)) {
            buf_put(&b, p + 10, len - 10);
            buf_u8(&b, '\n');
        }
        p += len + (e ? 1 : 0);
    }
    buf_u8(&b, 0);
    return (char *)b.p;
}

/* The "path:L:C: error: msg" lines of diag as "L:C: msg" ("path: error:
 * msg", about the whole file, as ": msg"). */
static char *actual_errors(const char *path, const char *diag)
{
    Buf b = {0};
    size_t plen = strlen(path);
    for (const char *p = diag; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        const char *tag = strstr(p, ": error: ");
        if (len > plen && !strncmp(p, path, plen) && p[plen] == ':' && tag && tag >= p + plen &&
            tag < p + len) {
            if (tag > p + plen)
                buf_put(&b, p + plen + 1, (size_t)(tag - p) - plen - 1);
            buf_put(&b, ": ", 2);
            buf_put(&b, tag + 9, (size_t)(p + len - tag) - 9);
            buf_u8(&b, '\n');
        }
        p += len + (e ? 1 : 0);
    }
    buf_u8(&b, 0);
    return (char *)b.p;
}

/* want and got alike, but that "<n>" in want stands for any decimal
 * number in got, so that "stdlib_arc/libc.arc:<n>:6" need not follow
 * every edit of the C layer. */
static int errors_match(const char *want, const char *got)
{
    while (*want) {
        if (!strncmp(want, "<n>", 3)) {
            if (*got < '0' || *got > '9')
                return 0;
            while (*got >= '0' && *got <= '9')
                got++;
            want += 3;
        } else if (*want++ != *got++) {
            return 0;
        }
    }
    return !*got;
}

static void test_err_programs(void **state)
{
    (void)state;
    char **files;
    int n = list_arc("tests/arc/err", &files);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        size_t len;
        char *text = read_file(files[i], &len);
        assert_non_null(text);
        int nerr = 0;
        char *diag;
        Module *m = compile_len(files[i], text, len, &nerr, &diag);
        char *want = expected_errors(text), *got = actual_errors(files[i], diag);
        if (m || !nerr || !errors_match(want, got))
            fail_msg("%s: expected\n%sgot\n%s(full output:\n%s)", files[i], want, got, diag);
        /* each diagnostic comes with its source line and a caret */
        assert_non_null(strstr(diag, "^\n"));
        free(want);
        free(got);
        free(diag);
        free(text);
    }
    corpus_free(files, n);
}

/* Every prefix of every test file, and each file with a byte replaced by
 * a troublesome one: diagnostics at most, never a crash. */
static void test_never_crashes(void **state)
{
    (void)state;
    static const char subst[] = "{}()<>\n\"'*&.:;,=-0xq";
    char **files, **errs;
    int n = list_arc("tests/arc", &files), ne = list_arc("tests/arc/err", &errs);
    for (int i = 0; i < n + ne; i++) {
        const char *path = i < n ? files[i] : errs[i - n];
        size_t len;
        char *text = read_file(path, &len);
        assert_non_null(text);
        char *buf = xmalloc(len + 1);
        for (size_t cut = 0; cut <= len; cut += 13) {
            memcpy(buf, text, cut);
            buf[cut] = 0;
            int nerr;
            char *diag;
            Module *m = compile(path, buf, &nerr, &diag);
            if (m)
                ir_free(m);
            free(diag);
            if (cut < len) {
                memcpy(buf, text, len + 1);
                buf[cut] = subst[(cut / 13) % (sizeof subst - 1)];
                m = compile(path, buf, &nerr, &diag);
                if (m)
                    ir_free(m);
                free(diag);
            }
        }
        free(buf);
        free(text);
    }
    corpus_free(files, n);
    corpus_free(errs, ne);
}

static void test_many_errors_capped(void **state)
{
    (void)state;
    Buf b = {0};
    for (int i = 0; i < 200; i++)
        buf_put(&b, "x\n", 2);
    buf_u8(&b, 0);
    int nerr;
    char *diag;
    Module *m = compile("many.arc", (char *)b.p, &nerr, &diag);
    assert_null(m);
    assert_true(nerr > MAX_ERRORS);
    /* exactly MAX_ERRORS positioned errors (the last one too), then one
     * "too many errors" line */
    int positioned = 0, capped = 0;
    for (const char *p = diag; (p = strstr(p, "many.arc:")); p++)
        positioned += p[9] >= '0' && p[9] <= '9';
    for (const char *p = diag; (p = strstr(p, "many.arc: error: too many errors, stopping\n")); p++)
        capped++;
    assert_int_equal(positioned, MAX_ERRORS);
    assert_int_equal(capped, 1);
    char last[32];
    snprintf(last, sizeof last, "many.arc:%d:", MAX_ERRORS);
    assert_non_null(strstr(diag, last));
    free(diag);
    buf_free(&b);
    /* deep nesting is an error, not a stack overflow */
    Buf d = {0};
    buf_put(&d, "func f() int32 { return ", 24);
    for (int i = 0; i < 100000; i++)
        buf_u8(&d, '(');
    buf_u8(&d, 0);
    m = compile("deep.arc", (char *)d.p, &nerr, &diag);
    assert_null(m);
    assert_non_null(strstr(diag, "nesting too deep"));
    free(diag);
    buf_free(&d);
    /* a flat operator chain is no nesting, however long (check.c and
     * lower.c walk it in a loop), and a line of comparisons is fast */
    Buf e = {0};
    buf_put(&e, "func main() int32 { return 1", 28);
    for (int i = 0; i < 30000; i++)
        buf_put(&e, "+1", 2);
    buf_put(&e, "\n}\n", 3);
    buf_u8(&e, 0);
    m = compile("chain.arc", (char *)e.p, &nerr, &diag);
    if (!m || nerr)
        fail_msg("chain.arc: %s", diag);
    ir_free(m);
    free(diag);
    e.len--;
    buf_put(&e, "func g() bool { return 1 < a < b", 32);
    for (int i = 0; i < 30000; i++)
        buf_put(&e, " < a", 4);
    buf_put(&e, "\n}\n", 3);
    buf_u8(&e, 0);
    m = compile("chain.arc", (char *)e.p, &nerr, &diag);
    assert_null(m);
    assert_null(strstr(diag, "nesting too deep"));
    assert_non_null(strstr(diag, "undefined name 'a'"));
    free(diag);
    buf_free(&e);
    /* long suffix chains and else-if chains nest (they used to overflow
     * the C stack) */
    Buf x = {0};
    buf_put(&x, "func f() { let p = n", 20);
    for (int i = 0; i < 200000; i++)
        buf_put(&x, ".next", 5);
    buf_put(&x, "\n}\n", 3);
    buf_u8(&x, 0);
    m = compile("suffix.arc", (char *)x.p, &nerr, &diag);
    assert_null(m);
    assert_non_null(strstr(diag, "nesting too deep"));
    free(diag);
    buf_free(&x);
    Buf y = {0};
    buf_put(&y, "func f(p: bool) {\nif p {\n}", 26);
    for (int i = 0; i < 100000; i++)
        buf_put(&y, " else if p {\n}", 14);
    buf_put(&y, "\n}\n", 3);
    buf_u8(&y, 0);
    m = compile("elseif.arc", (char *)y.p, &nerr, &diag);
    assert_null(m);
    assert_non_null(strstr(diag, "nesting too deep"));
    free(diag);
    buf_free(&y);
}

/* Checking is linear in the number of locals: 80,000 of them in one
 * function (12 s or more when each declaration searched its scope) take
 * well under a second of CPU. */
static void test_many_locals_linear(void **state)
{
    (void)state;
    Buf b = {0};
    char line[64];
    buf_put(&b, "func main() int32 {\n    let v0: int32 = 1\n", 42);
    for (int i = 1; i < 80000; i++)
        buf_put(&b, line, (size_t)snprintf(line, sizeof line, "    let v%d = v%d + 1\n", i, i - 1));
    buf_put(&b, "    return v0 + v79999\n}\n", 25);
    buf_u8(&b, 0);
    clock_t t0 = clock();
    int nerr;
    char *diag;
    Module *m = compile("locals.arc", (char *)b.p, &nerr, &diag);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (!m || nerr)
        fail_msg("locals.arc: %s", diag);
    if (secs > 3)
        fail_msg("80,000 locals took %.1f s of CPU", secs);
    ir_free(m);
    free(diag);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lex_newlines),
        cmocka_unit_test(test_lex_literals),
        cmocka_unit_test(test_ok_programs),
        cmocka_unit_test(test_err_programs),
        cmocka_unit_test(test_never_crashes),
        cmocka_unit_test(test_many_errors_capped),
        cmocka_unit_test(test_many_locals_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
