/* fuzz_ir.c: a standalone mutation fuzzer for the IR reader, verifier and
 * printer (no libFuzzer).  tests/fuzz/run.sh builds it with ASan/UBSan.
 *
 *   fuzz_ir [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]
 *
 * The mutation engine is tests/fuzz/mutator.h; the corpus defaults to
 * tests/ir/ok and tests/ir/err, the dictionary to the opcode, type and
 * intrinsic tables plus a few words.  When the
 * reader accepts it, the module is verified and printed, and the printed
 * text must read back without errors, print identically and verify with
 * the same number of errors: a reader/printer disagreement is a failure
 * like a crash.  A module that verifies goes on through the code
 * generator to an ELF object, half of them through the optimiser first
 * (backend.h).  A hang (10 s on one input) is a failure.  The input being
 * tried is kept in <dir>/current.ir (removed on success), so a crash under
 * a sanitizer leaves the reproducer behind.
 */
#define _POSIX_C_SOURCE 200809L
#include "tests/fuzz/mutator.h"

#include "gen/ir.h"
#include "tests/fuzz/backend.h"

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

static char *print_to_string(const Module *m)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    ir_print(f, m);
    fclose(f);
    return s;
}

static void failure(const char *what, const char *text, const char *extra)
{
    fprintf(stderr, "fuzz_ir: FAIL: %s (input kept in %s)\n--- input:\n%s\n--- detail:\n%s\n", what, fuzz_current,
            text, extra ? extra : "");
    exit(1);
}

/* One input through reader, verifier, printer, and the round-trip oracle. */
static int run_one(const char *text, FILE *devnull)
{
    int nerr, nerr2;
    Module *m = ir_read_to("fuzz.ir", text, &nerr, devnull);
    if (!m)
        return 0;
    int nv = ir_verify(m, devnull);
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
    if (nv == 0) {
        if (strlen(text) & 1)   /* half of them as arc build -O would */
            optimise(m, devnull, "fuzz_ir", fuzz_current);
        backend(m, devnull, "fuzz_ir", fuzz_current);
    }
    ir_free(m);
    return FUZZ_ACCEPTED | (nv == 0 ? FUZZ_CLEAN : 0);
}

int main(int argc, char **argv)
{
    static const char *const dirs[] = {"tests/ir/ok", "tests/ir/err", NULL};
    static const FuzzSpec spec = {
        .name = "fuzz_ir", .ext = ".ir", .dirs = dirs,
        .interesting = "%@$:\n\"\\#{}[](),=-.+09azx \t\x80\xff", .word_punct = ".",
        .word = dict_word, .run_one = run_one, .accepted = "read", .clean = "verified clean",
    };
    return fuzz_main(argc, argv, &spec);
}
