/* test_ir.c: the IR's reader, printer, verifier and construction helpers.
 *
 *   tests/ir/ok/NAME.ir canonical text: read, verify clean, print back exactly;
 *                      together they use every opcode and intrinsic.
 *   tests/ir/err/NAME.ir one rule each; the diagnostics the file must produce
 *                      are written in it, in order, as comments:
 *                        # error: 3:9: unknown opcode 'ad'        (reader)
 *                        # error: verify: in $f, block @b, ...    (verifier)
 * Run from the top of the tree (tests/run.sh does). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/corpus.h"

#include "gen/ir.h"

/* --- helpers ------------------------------------------------------------- */
/* The sorted paths of dir's *.ir files; returns their count. */
static int list_ir(const char *dir, char ***out)
{
    int n = corpus_list(dir, ".ir", out);
    assert_true(n >= 0);
    return n;
}

static char *print_module(const Module *m)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    ir_print(f, m);
    fclose(f);
    return s;
}

/* Read path's text with diagnostics into *diag (caller frees). */
static Module *read_capture(const char *path, const char *text, int *nerr, char **diag)
{
    size_t len = 0;
    FILE *f = open_memstream(diag, &len);
    Module *m = ir_read_to(path, text, nerr, f);
    if (m)
        *nerr += ir_verify(m, f);
    fclose(f);
    return m;
}

/* --- tests ----------------------------------------------------------------- */
static void test_ok_round_trip(void **state)
{
    (void)state;
    char **files;
    int n = list_ir("tests/ir/ok", &files);
    assert_true(n >= 5);
    for (int i = 0; i < n; i++) {
        char *text = read_file(files[i], NULL), *diag = NULL;
        int nerr;
        assert_non_null(text);
        Module *m = read_capture(files[i], text, &nerr, &diag);
        if (nerr || !m)
            fail_msg("%s: %s", files[i], diag);
        char *out = print_module(m);
        if (strcmp(out, text))
            fail_msg("%s: print(read(x)) differs from x:\n%s", files[i], out);
        /* and once more from the printed text */
        free(diag);
        diag = NULL;
        Module *m2 = read_capture(files[i], out, &nerr, &diag);
        assert_non_null(m2);
        char *out2 = print_module(m2);
        assert_string_equal(out, out2);
        free(out2);
        ir_free(m2);
        free(out);
        ir_free(m);
        free(diag);
        free(text);
    }
    corpus_free(files, n);
}

/* The "# error: ..." lines of an err file, and the diagnostics it produces,
 * normalised the same way: "L:C: message" or "verify: message". */
static void check_err_file(const char *path)
{
    char *text = read_file(path, NULL), *diag = NULL;
    int nerr;
    assert_non_null(text);
    Module *m = read_capture(path, text, &nerr, &diag);
    ir_free(m);

    Buf want = {0}, got = {0};
    for (const char *p = text; (p = strstr(p, "# error: ")); p++) {
        const char *e = strchr(p, '\n');
        p += 9;
        buf_put(&want, p, e ? (size_t)(e - p) + 1 : strlen(p));
    }
    size_t plen = strlen(path);
    for (char *line = strtok(diag, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strncmp(line, path, plen) && line[plen] == ':') {
            char *msg = strstr(line + plen, ": error: ");
            if (!msg)
                continue;
            buf_put(&got, line + plen + 1, (size_t)(msg - line) - plen - 1);
            buf_put(&got, ": ", 2);
            buf_put(&got, msg + 9, strlen(msg + 9));
            buf_u8(&got, '\n');
        } else if (!strncmp(line, "ir: verify: ", 12)) {
            buf_put(&got, "verify: ", 8);
            buf_put(&got, line + 12, strlen(line + 12));
            buf_u8(&got, '\n');
        }
    }
    buf_u8(&want, 0);
    buf_u8(&got, 0);
    if (want.len <= 1)
        fail_msg("%s: no '# error:' lines", path);
    if (nerr == 0 || strcmp((char *)want.p, (char *)got.p))
        fail_msg("%s: expected diagnostics:\n%sgot:\n%s", path, (char *)want.p, (char *)got.p);
    buf_free(&want);
    buf_free(&got);
    free(diag);
    free(text);
}

static void test_err_files(void **state)
{
    (void)state;
    char **files;
    int n = list_ir("tests/ir/err", &files);
    assert_true(n >= 20);
    for (int i = 0; i < n; i++)
        check_err_file(files[i]);
    corpus_free(files, n);
}

/* Every opcode and intrinsic is used somewhere in tests/ir/ok. */
static void test_ok_covers_every_opcode(void **state)
{
    (void)state;
    char **files;
    int n = list_ir("tests/ir/ok", &files), seen[OP_COUNT] = {0}, iseen[IN_COUNT] = {0};
    for (int i = 0; i < n; i++) {
        char *text = read_file(files[i], NULL);
        int nerr;
        Module *m = ir_read_to(files[i], text, &nerr, stderr);
        assert_non_null(m);
        for (int f = 0; f < m->nfuncs; f++)
            for (int b = 0; b < m->funcs[f]->nblocks; b++)
                for (int j = 0; j < m->funcs[f]->blocks[b]->ninsts; j++) {
                    const Inst *in = &m->funcs[f]->blocks[b]->insts[j];
                    seen[in->op] = 1;
                    if (in->op == OP_INTRIN)
                        iseen[in->args[0].i] = 1;
                }
        ir_free(m);
        free(text);
    }
    corpus_free(files, n);
    for (int op = 0; op < OP_COUNT; op++)
        if (!seen[op])
            fail_msg("opcode '%s' is not used in tests/ir/ok", op_info[op].name);
    for (int i = 0; i < IN_COUNT; i++)
        if (!iseen[i])
            fail_msg("intrinsic '%s' is not used in tests/ir/ok", intrin_info[i].name);
}

/* What the front end will do: build a module with the helpers. */
static void test_construct(void **state)
{
    (void)state;
    Module *m = ir_new_module();
    Data *d = ir_new_data(m, "msg", L_CONST, 0);
    ir_data_str(m, d, "n=%d\n", 5);
    ir_data_int(m, d, T_I8, 0);
    Func *pf = ir_new_decl(m, "printf", T_I32, 0);
    ir_add_param(m, pf, T_PTR, 0, NULL);
    pf->variadic = 1;

    Func *f = ir_new_func(m, "count", T_I32, 0);
    m->syms[f->sym].linkage = L_EXPORT;
    int n = ir_add_param(m, f, T_I32, 0, "n");
    Block *entry = ir_new_block(m, f, "entry");
    Block *loop = ir_new_block(m, f, "loop");
    Block *done = ir_new_block(m, f, NULL);
    int i = ir_new_vreg(m, f, T_I32, "i");
    int c = ir_new_vreg(m, f, T_I8, NULL);
    ir_emit(m, entry, OP_COPY, T_I32, i, 1, ir_int(T_I32, 0));
    ir_emit(m, entry, OP_JMP, T_VOID, -1, 1, ir_blk(f, loop));
    ir_emit(m, loop, OP_ADD, T_I32, i, 2, ir_vreg(f, i), ir_int(T_I32, 1));
    ir_emit(m, loop, OP_SLT, T_I32, c, 2, ir_vreg(f, i), ir_vreg(f, n));
    ir_emit(m, loop, OP_BR, T_I8, -1, 3, ir_vreg(f, c), ir_blk(f, loop), ir_blk(f, done));
    Val args[] = {ir_symval(m, "msg", 0), ir_vararg(), ir_vreg(f, i)};
    ir_emit_call(m, done, OP_CALL, T_I32, 0, -1, ir_symval(m, "printf", 0), 3, args);
    Inst *h = ir_emit_call(m, done, OP_SPAWN, T_VOID, 0, ir_new_vreg(m, f, T_PTR, "h"),
                           ir_symval(m, "count", 0), 1, (Val[]){ir_vreg(f, n)});
    int hv = h->dst, r = ir_new_vreg(m, f, T_I32, "r");
    ir_emit(m, done, OP_AWAIT, T_I32, r, 1, ir_vreg(f, hv));
    ir_emit(m, done, OP_RET, T_I32, -1, 1, ir_vreg(f, r));

    assert_int_equal(ir_verify(m, stderr), 0);
    char *out = print_module(m);
    assert_string_equal(out,
                        "const data $msg = { i8 \"n=%d\\n\", i8 0 }\n"
                        "\n"
                        "decl i32 $printf(ptr, ...)\n"
                        "\n"
                        "export func i32 $count(i32 %n) {\n"
                        "@entry:\n"
                        "\t%i = copy i32 0\n"
                        "\tjmp @loop\n"
                        "@loop:\n"
                        "\t%i = add i32 %i, 1\n"
                        "\t%t2 = slt i32 %i, %n\n"
                        "\tbr i8 %t2, @loop, @b2\n"
                        "@b2:\n"
                        "\tcall i32 $printf(ptr $msg, ..., i32 %i)\n"
                        "\t%h = spawn $count(i32 %n)\n"
                        "\t%r = await i32 %h\n"
                        "\tret i32 %r\n"
                        "}\n");
    free(out);
    ir_free(m);
}

/* The verifier on a constructed module: the message format of the issue. */
static void test_verify_message(void **state)
{
    (void)state;
    Module *m = ir_new_module();
    Func *f = ir_new_func(m, "fib", T_I32, 0);
    int n = ir_add_param(m, f, T_I32, 0, "n");
    Block *b = ir_new_block(m, f, "entry");
    int w = ir_new_vreg(m, f, T_I64, "w"), t = ir_new_vreg(m, f, T_I32, "t");
    ir_emit(m, b, OP_COPY, T_I64, w, 1, ir_int(T_I64, 5));
    ir_emit(m, b, OP_COPY, T_I32, t, 1, ir_vreg(f, n));
    ir_emit(m, b, OP_ADD, T_I32, t, 2, ir_vreg(f, n), ir_vreg(f, w));
    char *s = NULL;
    size_t len = 0;
    FILE *e = open_memstream(&s, &len);
    assert_int_equal(ir_verify(m, e), 2);
    fclose(e);
    assert_string_equal(s, "ir: verify: in $fib, block @entry: the block does not end in a terminator\n"
                           "ir: verify: in $fib, block @entry, instruction 3 (add): operand 2 has type i64, "
                           "expected i32\n");
    free(s);
    ir_free(m);
}

/* SysV classification of by-value aggregates. */
static void test_classify(void **state)
{
    (void)state;
    Module *m = ir_new_module();
    AggClass c[2];
    int a = ir_new_layout(m, "IntDouble", 16, 8);
    ir_layout_field(m, a, T_I32, 0);
    ir_layout_field(m, a, T_F64, 8);
    assert_int_equal(ir_classify(m, a, c), 2);
    assert_int_equal(c[0], AC_INT);
    assert_int_equal(c[1], AC_SSE);
    int b = ir_new_layout(m, "Floats", 8, 4);
    ir_layout_field(m, b, T_F32, 0);
    ir_layout_field(m, b, T_F32, 4);
    assert_int_equal(ir_classify(m, b, c), 1);
    assert_int_equal(c[0], AC_SSE);
    int mixed = ir_new_layout(m, "Mixed", 8, 4);
    ir_layout_field(m, mixed, T_F32, 0);
    ir_layout_field(m, mixed, T_I32, 4);
    assert_int_equal(ir_classify(m, mixed, c), 1);
    assert_int_equal(c[0], AC_INT);
    int big = ir_new_layout(m, "Big", 24, 8);
    ir_layout_field(m, big, T_I64, 0);
    assert_int_equal(ir_classify(m, big, c), 0);
    int odd = ir_new_layout(m, "Odd", 16, 8);
    ir_layout_field(m, odd, T_I64, INT64_MAX - 7);   /* fuzz: no overflow */
    assert_int_equal(ir_classify(m, odd, c), 0);
    assert_int_equal(c[0], AC_MEMORY);
    ir_free(m);
}

/* The intrinsics table says what the issue asks. */
static void test_intrinsics_table(void **state)
{
    (void)state;
    const IntrinInfo *t = &intrin_info[IN_RDTSC];
    assert_int_equal(intrin_find("std.cpu.rdtsc", 13), IN_RDTSC);
    assert_int_equal(intrin_find("std.cpu.rdts", 12), -1);
    assert_int_equal(t->nbytes, 2);
    assert_memory_equal(t->bytes, "\x0f\x31", 2);
    assert_int_equal(t->writes, RM(RAX) | RM(RDX));
    assert_int_equal(t->res, RES_RDX_RAX);
    t = &intrin_info[IN_CPUID];
    assert_memory_equal(t->bytes, "\x0f\xa2", 2);
    assert_int_equal(t->reads, RM(RAX) | RM(RCX));
    assert_int_equal(t->writes, RM(RAX) | RM(RBX) | RM(RCX) | RM(RDX));
    t = &intrin_info[IN_PAUSE];
    assert_memory_equal(t->bytes, "\xf3\x90", 2);
    t = &intrin_info[IN_SYSCALL];
    assert_memory_equal(t->bytes, "\x0f\x05", 2);
    assert_int_equal(t->argregs[0], RAX);
    assert_int_equal(t->argregs[4], R10);
    assert_int_equal(t->clobbers, RM(RCX) | RM(R11));
    t = &intrin_info[IN_MEMCPY];
    assert_int_equal(t->reads, RM(RDI) | RM(RSI) | RM(RCX));
    for (int i = 0; i < IN_COUNT; i++) {
        t = &intrin_info[i];
        assert_true((t->kind == IK_BYTES) == (t->nbytes > 0));
        assert_true(t->nmin <= (int)strlen(t->args) && strlen(t->args) <= IN_MAXARGS);
    }
}

/* Garbage never crashes the reader, and every error names a position. */
static void test_read_garbage(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "", "\n\n", "func", "func i32", "func i32 $f(", "func i32 $f() {", "func i32 $f() {\n@a:\n",
        "data $x = { i8 \"\\", "type :T = size", "@x:\n", "}\n}\n", "%x = add i32 1, 2\n",
        "func void $f() {\n@a:\n\tswitch i32 1, @a, [1: @a,\n}\n", "\xff\xfe", "export const func",
    };
    for (int i = 0; i < countof(inputs); i++) {
        char *diag = NULL;
        int nerr;
        Module *m = read_capture("g.ir", inputs[i], &nerr, &diag);
        if (m)
            ir_free(m);
        if (nerr && !strstr(diag, "g.ir:"))
            fail_msg("input %d: %s", i, diag);
        free(diag);
    }
}

/* The reader prints MAX_ERRORS positioned errors, the last one included,
 * then one "too many errors" line, the same cap as the front end's
 * (gen/util.h's diag_error). */
static void test_many_errors_capped(void **state)
{
    (void)state;
    Buf b = {0};
    for (int i = 0; i < 200; i++)
        buf_put(&b, "bogus\n", 6);
    buf_u8(&b, 0);
    char *diag = NULL;
    int nerr;
    Module *m = read_capture("many.ir", (char *)b.p, &nerr, &diag);
    assert_null(m);
    assert_true(nerr > MAX_ERRORS);
    int positioned = 0, capped = 0;
    for (const char *p = diag; (p = strstr(p, "many.ir:")); p++)
        positioned += p[8] >= '0' && p[8] <= '9';
    for (const char *p = diag; (p = strstr(p, "many.ir: error: too many errors, stopping\n")); p++)
        capped++;
    assert_int_equal(positioned, MAX_ERRORS);
    assert_int_equal(capped, 1);
    char last[32];
    snprintf(last, sizeof last, "many.ir:%d:", MAX_ERRORS);
    assert_non_null(strstr(diag, last));
    free(diag);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ok_round_trip),
        cmocka_unit_test(test_err_files),
        cmocka_unit_test(test_ok_covers_every_opcode),
        cmocka_unit_test(test_construct),
        cmocka_unit_test(test_verify_message),
        cmocka_unit_test(test_classify),
        cmocka_unit_test(test_intrinsics_table),
        cmocka_unit_test(test_read_garbage),
        cmocka_unit_test(test_many_errors_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
