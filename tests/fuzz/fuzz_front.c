/* fuzz_front.c: a standalone mutation fuzzer for the Arc front end
 * (gen/front/: lexer, parser, checker, lowering).  tests/fuzz/run_front.sh
 * builds it with ASan/UBSan.
 *
 *   fuzz_front [-n iterations] [-t seconds] [-s seed] [-o dir] [corpus dir...]
 *
 * The mutation engine is tests/fuzz/mutator.h; the corpus defaults to
 * tests/arc and tests/arc/err, the dictionary to the tokens of tok.def
 * plus a few words (the new syntax among them).  Each mutated program is
 * compiled.
 * The oracle: no crash, no sanitizer report, no hang (10 s on one input),
 * and a module that compiles is valid IR (front_compile runs ir_verify and
 * aborts on a failure) that prints, stays valid after each optimiser pass
 * and the runtime lowering, and goes through the x86-64 code generator to
 * an ELF object (which aborts on an internal error).  The input being
 * tried is kept in <dir>/current.arc (removed on success) to reproduce a
 * failure. */
#define _POSIX_C_SOURCE 200809L
#include "tests/fuzz/mutator.h"

#include "gen/front/ast.h"
#include "tests/fuzz/backend.h"

static const char *const words[] = {
    "x", "p", "main", "int8", "int32", "int64", "uint8", "uint64", "usize", "bool", "byte", "char", "string",
    "float32", "float64", "void", "Task", "Point", "Box<int32>", "*int32", "[4]int32", "(int32, bool)", "0",
    "1", "-1", "255", "18446744073709551615", "18446744073709551616", "0x_ff", "1.5e-3", "'\\n'", "\"s\\x41\"",
    "\n", " ", "{}", "()", "<T>", "cast<int64>(", "bit_cast<uint64>(", "sizeof(", "alloca<int8>(4)",
    "std.cpu.rdtsc()", "syscall(39)", "memcpy(", "&", "*", "await ", "yield\n", "defer ", "process func() {}()",
    "async func f() int32 { return 1 }\n", "struct S { a: int32 }\n", "enum E { A B = 3 }\n",
    "func g(self s: S) {}\n", "for i in 0..3 {", "for {", "switch x { case 1: default: }", "let (a, b) = ",
    ".0", "/*", "*/", "//",
    /* ARC.md section 11 */
    "func(int32) int32", "async func(int32) int64", "func(x: int32) int32 { return x * 2 }", "null",
    "[]int32", "[1..2]", "[..]", "[..n]", "len(", "for i, x in s {", "for x in s {", "new int64",
    "new [n]int32", "new Point{x: 1}", "delete(", "const ( A = 1  B = 2 )\n", "func init() {}\n",
    "var g: int64\n", "atomic_add(&g, 1)", "atomic_cas(&g, 0, 1)", "\"a\" == \"b\"",
    "import \"collections\"\n", "collections.vector<int32>", "collections.int_map<int64>()",
    /* str, inference, top-level generic methods, for-in on a vector */
    "import \"str\"\n", "str.concat(", "str.split(", "str.parse_int(", "str.format_float(", "str.Builder",
    "first(&x)", "max(1, 2.5)", "f(null)", "func sum<T>(self b: *Box<T>) T { return b.value }\n",
    "func h<A, B>(self p: *Pair<B, A>) {}\n", "for x in v {", "for i, x in v {",
};

static const char *dict_word(void)
{
    size_t i = below((size_t)TK_COUNT + (size_t)countof(words));
    if (i < TK_COUNT && i >= TK_NAMESPACE)
        return tok_text[i];
    return words[below((size_t)countof(words))];
}

/* One input: FUZZ_ACCEPTED when it compiled. */
static int run_one(const char *text, FILE *devnull)
{
    int nerr = 0;
    Module *m = front_compile_to("fuzz.arc", text, strlen(text), &nerr, devnull);
    if (!m)
        return 0;
    if (nerr) {
        fprintf(stderr, "fuzz_front: FAIL: a module with %d errors (input in %s)\n", nerr, fuzz_current);
        exit(1);
    }
    ir_print(devnull, m);
    optimise(m, devnull, "fuzz_front", fuzz_current);
    ir_print(devnull, m);
    backend(m, devnull, "fuzz_front", fuzz_current);
    ir_free(m);
    return FUZZ_ACCEPTED;
}

int main(int argc, char **argv)
{
    static const char *const dirs[] = {"tests/arc", "tests/arc/err", "tests/examples", NULL};
    static const FuzzSpec spec = {
        .name = "fuzz_front", .ext = ".arc", .dirs = dirs,
        .interesting = "{}()[]<>\n\"'\\*&.:;,=-+!~09azx_ \t\x80\xff", .word_punct = "",
        .word = dict_word, .run_one = run_one, .accepted = "compiled", .clean = NULL,
    };
    return fuzz_main(argc, argv, &spec);
}
