/* emit.c: functions and data into the ELF object.
 *
 * Needs: a Module after rt_lower_module.  Produces: one .text.<name>
 * section per function, one .data/.rodata/.bss.<name> section per datum
 * (so ld --gc-sections keeps only what is reached), symbols global when
 * exported, local otherwise.
 *
 * First webs.c on every function (then ir_verify again).  Then per
 * function live.c, ralloc.c and the fixed frame slots, then depth.c over
 * the whole module (which functions check, and for how much), then per
 * function:
 *   entry:
 *     push rbp; mov rbp, rsp
 *     lea r11, [rbp + 8 - need]; cmp r11, fs:[0x70]; jb more   (stack check)
 *     push <callee-saved used>; sub rsp, frame
 *     <parameter moves (abi.c)>
 *     <blocks in order, each instruction through isel.c>
 *   more:
 *     pop rbp; mov r10d, <stack argument bytes>; call arc_rt_morestack; jmp entry
 *     <switch tables: int32 offsets from the table's start>
 *     <float constants, 8-aligned, read rip-relative>
 * The check (absent when need is 0) and its slow path are gen/rt/stack.c's
 * protocol: `need` is the whole frame below the entry rsp and the frames
 * of the nosplit callees under it, so no frame jumps over the limit; the
 * slow path undoes the push and starts the function again on the new
 * segment, where the check passes. */
#include "gen/x64/x64.h"
#include "gen/rt/stack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t round8(int64_t n) { return (n + 7) & ~7; }

/* Frame slots known before the prologue: constant-size allocas, aggregate
 * call results, by-value aggregate parameters, the hidden return pointer,
 * the variadic register save area. */
static void layout_frame(X64Fn *x)
{
    Func *f = x->f;
    x->slot = xcalloc((size_t)x->ninst + 1, sizeof(int));
    int k = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++, k++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->op == OP_ALLOCA && in->args[0].kind == V_INT && in->args[1].i <= 16) {
                int64_t sz = in->args[0].i > 0 ? in->args[0].i : 1;
                if (sz > (1 << 30))
                    fatal("alloca of %lld bytes is too large", (long long)sz);
                x->slot[k] = x64_frame_alloc(x, (int)sz, (int)(in->args[1].i < 8 ? 8 : in->args[1].i));
            } else if (in->op == OP_ALLOCA) {
                x->dynamic = 1;
            } else if (in->op == OP_CALL && in->agg) {
                x->slot[k] = x64_frame_alloc(x, (int)round8(x->m->layouts[in->agg].size), 16);
            }
        }
    x->pslot = xcalloc((size_t)f->nparams + 1, sizeof(int));
    for (int p = 0; p < f->nparams; p++)
        if (f->params[p].agg)
            x->pslot[p] = x64_frame_alloc(x, (int)round8(x->m->layouts[f->params[p].agg].size), 16);
    if (f->retagg)
        x->retslot = x64_frame_alloc(x, 8, 8);
    if (f->variadic)
        x->rsa = x64_frame_alloc(x, 176, 16);
    x64_frame_alloc(x, 0, 16);   /* saved registers + frame: a multiple of 16 */
}

static void x64_emit_func(X64Fn *x)
{
    Func *f = x->f;
    Asm *a = &x->a;
    int64_t need = x->need;
    int entry = enc_label(a), more = enc_label(a);
    x->epilogue = -1;
    enc_bind(a, entry);
    enc_push(a, opr(RBP));
    enc_mov(a, 8, opr(RBP), opr(RSP));
    if (need) {
        /* rbp, not rsp: reading rsp right after the call and push would
         * cost a stack-engine sync; the mov above pays it once */
        enc_lea(a, 8, R11, mem_b(RBP, (int32_t)(8 - need)));
        AsmMark m;
        do {
            m = enc_mark(a);
            rt_fs(a);
            enc_alu(a, ALU_CMP, 8, opr(R11), opm(mem_b(NOREG, STACK_LIMIT_SLOT)));
            enc_jcc(a, CC_B, more);
        } while (enc_unsplit(a, m, m.len));
    }
    for (int r = 0; r < 16; r++)
        if (x->usedsaved >> r & 1)
            enc_push(a, opr((Reg)r));
    if (x->frame <= 16 && !x->dynamic)
        for (int k = 0; k < x->frame; k += 8)
            enc_push(a, opr(RAX));  /* a slot (its value unused) in 1 byte */
    else
        enc_alu(a, ALU_SUB, 8, opr(RSP), opi(x->frame));
    x64_params(x);

    x->blabel = xmalloc(((size_t)f->nblocks + 1) * sizeof(int));
    for (int b = 0; b < f->nblocks; b++)
        x->blabel[b] = enc_label(a);
    for (int b = 0; b < f->nblocks; b++) {
        x->cur = b;
        /* a hot loop's head at a 16-byte boundary when that takes at
         * most 10 bytes of padding (as gcc -O2 does) */
        if (a->chunked && x->loophead[b] && enc_pos(a) % 16 && 16 - enc_pos(a) % 16 <= 10)
            enc_nops(a, (int)(16 - enc_pos(a) % 16));
        enc_bind(a, x->blabel[b]);
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            x->curinst = x->istart[b] + i;
            x64_inst(x, &f->blocks[b]->insts[i]);
            i += x->skip;
            x->skip = 0;
        }
    }
    if (need) {
        int args = x64_param_area(x);
        if (f->variadic && args < VA_COPY_MAX)
            args = VA_COPY_MAX;
        enc_bind(a, more);
        enc_pop(a, opr(RBP));
        enc_mov(a, 4, opr(R10), opi(args));
        enc_call_sym(a, elf_symbol(x->elf, "arc_rt_morestack"));
        enc_jmp(a, entry);
    }
    for (int t = 0; t < x->ntables; t++) {
        JumpTable *jt = &x->tables[t];
        while (enc_pos(a) % 4)
            enc_int3(a);
        enc_bind(a, jt->label);
        uint32_t base = enc_pos(a);
        for (int i = 0; i < jt->n; i++) {
            uint32_t v = (uint32_t)(a->labels[x->blabel[jt->targets[i]]] - (int32_t)base);
            enc_bytes(a, &v, 4);
        }
        free(jt->targets);
    }
    if (x->nfconsts)
        while (enc_pos(a) % 8)
            enc_int3(a);
    for (int i = 0; i < x->nfconsts; i++) {
        enc_bind(a, x->fconsts[i].label);
        enc_bytes(a, &x->fconsts[i].bits, (size_t)x->fconsts[i].size);   /* little endian */
    }
    enc_finish(a);
}

static void free_fn(X64Fn *x)
{
    free(x->bstart);
    free(x->bend);
    free(x->istart);
    free(x->vstart);
    free(x->vend);
    free(x->loc);
    free(x->slot);
    free(x->pslot);
    free(x->blabel);
    free(x->loophead);
    free(x->tables);
    free(x->fconsts);
    enc_free(&x->a);
}

static void emit_data(Module *m, Elf *e, int *elfsym, const Data *d)
{
    const Sym *s = &m->syms[d->sym];
    int bss = !(s->linkage & L_CONST);
    int64_t align = d->align;
    for (int i = 0; i < d->nitems; i++) {
        const DataItem *it = &d->items[i];
        if (it->kind != D_ZERO)
            bss = 0;
        int sz = it->kind == D_SYM ? 8 : type_size(it->type);
        if (!d->align && sz > align)
            align = sz;
    }
    if (align < 1)
        align = 1;
    char name[512];
    const char *pre = bss ? ".bss." : s->linkage & L_CONST ? ".rodata." : ".data.";
    snprintf(name, sizeof name, "%s%s", pre, s->name);
    int sec = elf_section(e, name, bss ? SEC_BSS : s->linkage & L_CONST ? SEC_RODATA : SEC_DATA,
                          (uint32_t)align);
    for (int i = 0; i < d->nitems; i++) {
        const DataItem *it = &d->items[i];
        uint8_t buf[8] = {0};
        switch (it->kind) {
        case D_INT:
            memcpy(buf, &it->i, 8);   /* little endian */
            elf_append(e, sec, buf, (size_t)type_size(it->type));
            break;
        case D_FLT:
            if (it->type == T_F32) {
                float fl = (float)it->f;
                memcpy(buf, &fl, 4);
            } else {
                memcpy(buf, &it->f, 8);
            }
            elf_append(e, sec, buf, (size_t)type_size(it->type));
            break;
        case D_STR:
            if (it->i)
                elf_append(e, sec, it->str, (size_t)it->i);
            break;
        case D_SYM: {
            uint64_t off = elf_append(e, sec, NULL, 8);
            if (elfsym[it->sym] < 0)
                elfsym[it->sym] = elf_symbol(e, m->syms[it->sym].name);
            elf_reloc(e, sec, off, elfsym[it->sym], RELOC_ABS64, it->i);
            break;
        }
        case D_ZERO:
            if (it->i)
                elf_append(e, sec, NULL, (size_t)it->i);
            break;
        }
    }
    if (elfsym[d->sym] < 0)
        elfsym[d->sym] = elf_symbol(e, s->name);
    elf_define(e, elfsym[d->sym], sec, 0, elf_section_size(e, sec),
               s->linkage & L_EXPORT ? SYM_GLOBAL : SYM_LOCAL, SYM_OBJECT);
}

/* The function's code with each forward jump as short as it can be
 * (enc.h, jump relaxation): a first pass emits them rel32 and finds which
 * rel8 would reach; the next pass emits those rel8; a pass whose padding
 * (enc_unsplit) pushed one out of reach is emitted again without it.
 * Hints only ever go away, so this ends; the result is deterministic.
 * Emission reads the IR and the allocation and changes neither: only
 * blabel, the switch tables and the float constants are per pass. */
/* A call or a system call: its cost dwarfs a jump's decoding. */
static int calls_out(const Block *bl)
{
    for (int i = 0; i < bl->ninsts; i++) {
        const Inst *in = &bl->insts[i];
        if (in->op == OP_CALL || (in->op == OP_INTRIN && in->args[0].i == IN_SYSCALL))
            return 1;
    }
    return 0;
}

/* Hot: on a call cycle, or with a loop that neither calls nor makes a
 * system call: a cycle of the control-flow graph among the blocks without
 * one (found as an edge back to a block on the depth-first stack; the
 * block order says nothing, opt_layout moves cold blocks).  Only a hot
 * function pays for enc_unsplit's padding, a 32-byte start and its loops'
 * tops aligned (x->loophead); the others are packed with no padding at
 * all.  Measured: fasta's random_seq lost 4.5% to where its inner loop
 * happened to start once the padding moved, and gained it back (272 ms
 * against 279) with its loop top at a 16-byte boundary.
 * The C layer's own helpers (module libc's local functions, "libc.*":
 * stdio, the printf pieces, _format) are packed whatever their loops:
 * they wait on system calls or run once per conversion, and every
 * program that prints carries them (musl likewise builds most of its
 * libc with -Os).  The C functions it exports (memcpy, strlen, qsort,
 * ...) have plain names and keep the rule. */
static const char C_LAYER_PREFIX[] = "libc.";

typedef struct {
    X64Fn *x;
    int found;
} HotWalk;

static void hot_edge(void *ctx, int from, int to, int next)
{
    (void)from;
    HotWalk *w = ctx;
    /* a head that is only a compare and its branch is copied to the
     * loop's end (isel.c gen_jmp): the loop's top is then its successor
     * on the way here */
    const Block *h = w->x->f->blocks[to];
    int top = h->ninsts == 2 && h->insts[1].op == OP_BR && next >= 0 ? next : to;
    w->found = 1;
    w->x->loophead[top] = 1;
}

static int hot(X64Fn *x)
{
    const Func *f = x->f;
    int nb = f->nblocks;
    x->loophead = xcalloc((size_t)nb + 1, 1);
    uint8_t *skip = xcalloc((size_t)nb + 1, 1);
    for (int b = 0; b < nb; b++)
        skip[b] = (uint8_t)calls_out(f->blocks[b]);
    HotWalk w = {x, 0};
    x64_back_edges(f, skip, 1, hot_edge, &w, NULL);
    free(skip);
    return w.found || x->cyclic;
}

static void emit_relaxed(X64Fn *x)
{
    int chunked = hot(x) && strncmp(x->m->syms[x->f->sym].name, C_LAYER_PREFIX, sizeof C_LAYER_PREFIX - 1);
    uint8_t *hint = NULL;
    int nhint = 0;
    for (int pass = 0;; pass++) {
        enc_init(&x->a);
        x->a.chunked = chunked;
        x->a.jhint = hint;
        x->a.njhint = nhint;
        x->ntables = 0;
        x->nfconsts = 0;
        x64_emit_func(x);
        if (!enc_relax_hints(&x->a, &hint, &nhint, pass == 0))
            break;
        enc_free(&x->a);
        free(x->blabel);
        x->blabel = NULL;
    }
    x->a.jhint = NULL;
    free(hint);
}

void x64_emit_module(Module *m, Elf *e)
{
    int *elfsym = xmalloc(((size_t)m->nsyms + 1) * sizeof(int));
    for (int i = 0; i < m->nsyms; i++)
        elfsym[i] = -1;
    for (int i = 0; i < m->nfuncs; i++)
        if (m->syms[m->funcs[i]->sym].kind == SYM_FUNCDEF) {
            x64_split_webs(m, m->funcs[i]);
            x64_remat_addrs(m, m->funcs[i]);
        }
    if (ir_verify(m, stderr))
        die("the IR is invalid after x64_split_webs and x64_remat_addrs");
    for (int i = 0; i < m->ndatas; i++)
        emit_data(m, e, elfsym, m->datas[i]);
    /* every frame first: a check counts its nosplit callees' (depth.c) */
    X64Fn *xs = xcalloc((size_t)m->nfuncs + 1, sizeof(X64Fn));
    for (int i = 0; i < m->nfuncs; i++) {
        Func *f = m->funcs[i];
        if (m->syms[f->sym].kind != SYM_FUNCDEF)
            continue;
        X64Fn *x = &xs[i];
        *x = (X64Fn){.m = m, .f = f, .elf = e, .elfsym = elfsym};
        x64_live(x);
        x64_ralloc(x);
        layout_frame(x);
    }
    x64_stack_needs(m, xs);
    for (int i = 0; i < m->nfuncs; i++) {
        Func *f = m->funcs[i];
        const Sym *s = &m->syms[f->sym];
        if (s->kind != SYM_FUNCDEF)
            continue;
        X64Fn x = xs[i];
        emit_relaxed(&x);
        if (elfsym[f->sym] < 0)
            elfsym[f->sym] = elf_symbol(e, s->name);
        char name[512];
        snprintf(name, sizeof name, ".text.%s", s->name);
        /* 32: enc_unsplit's chunks start at the function's start */
        elf_add_function_aligned(e, name, elfsym[f->sym], s->linkage & L_EXPORT ? SYM_GLOBAL : SYM_LOCAL,
                                 &x.a, x.a.chunked ? 32 : 1);
        free_fn(&x);
    }
    free(xs);
    free(elfsym);
}
