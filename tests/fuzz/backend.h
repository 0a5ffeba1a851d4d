/* backend.h: the optimiser's and the code generator's leg of the fuzzers
 * (fuzz_front.c, fuzz_ir.c): a valid module goes through the opt_ passes
 * (optimise), is lowered (rt_lower_module), verified again, and emitted as
 * an ELF object (backend); an internal error aborts, so the fuzzer reports
 * it like a crash.  Modules whose allocas add up to more
 * than 1 MiB in one function are skipped: their frame is a user error
 * that exits (fatal), not a finding. */
#ifndef TESTS_FUZZ_BACKEND_H
#define TESTS_FUZZ_BACKEND_H

#include "gen/opt.h"
#include "gen/x64/x64.h"

#include <stdio.h>
#include <stdlib.h>

static int frames_fit(const Module *m)
{
    for (int f = 0; f < m->nfuncs; f++) {
        int64_t sum = 0;
        for (int b = 0; b < m->funcs[f]->nblocks; b++)
            for (int i = 0; i < m->funcs[f]->blocks[b]->ninsts; i++) {
                const Inst *in = &m->funcs[f]->blocks[b]->insts[i];
                if (in->op == OP_ALLOCA && in->args[0].kind == V_INT)
                    sum += in->args[0].i < 0 || in->args[0].i > (1 << 20) ? 1 << 21 : in->args[0].i;
            }
        if (sum > (1 << 20))
            return 0;
    }
    return 1;
}

/* The optimiser on m, in build.c's order, each pass leaving it valid. */
static void optimise(Module *m, FILE *devnull, const char *fuzzer, const char *current)
{
    static const struct { void (*run)(Module *); const char *name; } passes[] = {
        {opt_tailrec, "opt_tailrec"}, {opt_inline, "opt_inline"}, {opt_checks, "opt_checks"},
        {opt_merge, "opt_merge"}, {opt_cse, "opt_cse"}, {opt_merge, "opt_merge"}, {opt_dce, "opt_dce"},
        {opt_layout, "opt_layout"},
    };
    for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++) {
        passes[i].run(m);
        if (ir_verify(m, devnull)) {
            fprintf(stderr, "%s: FAIL: invalid IR after %s (input in %s)\n", fuzzer, passes[i].name, current);
            exit(1);
        }
    }
}

/* m (valid, optimised or not) through rt_lower_module and x64 to bytes;
 * what names the fuzzer in a failure. */
static void backend(Module *m, FILE *devnull, const char *fuzzer, const char *current)
{
    rt_lower_module(m);
    if (ir_verify(m, devnull)) {
        fprintf(stderr, "%s: FAIL: invalid IR after rt_lower_module (input in %s)\n", fuzzer, current);
        exit(1);
    }
    if (!frames_fit(m))
        return;
    Elf *e = elf_new();
    x64_emit_module(m, e);
    Buf b = {0};
    elf_serialize(e, &b);
    buf_free(&b);
    elf_free(e);
}

#endif
