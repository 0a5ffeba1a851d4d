/* emit.c: functions and data into the ELF object.
 *
 * Needs: a Module after rt_lower_module.  Produces: one .text.<name>
 * section per function, one .data/.rodata/.bss.<name> section per datum
 * (so ld --gc-sections keeps only what is reached), symbols global when
 * exported, local otherwise.
 *
 * First webs.c on every function (then ir_verify again).
 * Per function: live.c, ralloc.c, then the fixed frame slots, then
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
 * The check and its slow path are gen/rt/stack.c's protocol: `need` is the
 * whole frame below the entry rsp, so no frame jumps over the limit; the
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

/* A call the runtime's reserve does not cover: C code (a function not
 * defined in this module, outside the runtime's arc_ prefix) or an unknown
 * one (through a pointer).  Those get C_ROOM bytes of stack guaranteed
 * (stack.c). */
static int calls_c(const Module *m, const Inst *in)
{
    const Val *callee = &in->args[0];
    if (callee->kind != V_SYM || callee->i != 0)
        return 1;
    const Sym *s = &m->syms[callee->sym];
    return s->kind != SYM_FUNCDEF && strncmp(s->name, "arc_", 4) != 0;
}

/* Bytes the function may take below its entry rsp (0: a small leaf that
 * needs no check): the saved rbp and registers, the frame, the largest
 * outgoing argument area and a return address, C_ROOM for C calls and
 * dynamic allocas (whose own check is in isel.c), 16 for intrinsics. */
static int64_t stack_need(X64Fn *x)
{
    Func *f = x->f;
    /* make bench measures what the checks cost with code built without
     * them; such code is only safe on a big stack (main's) */
    static int unchecked = -1;
    if (unchecked < 0)
        unchecked = getenv("ARC_NO_STACK_CHECK") != NULL;
    if (unchecked)
        return 0;
    int64_t area = 0;
    int calls = 0, room = 0, k = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++, k++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->op == OP_CALL) {
                int64_t n = x64_call_area(x->m, in);
                calls = 1;
                area = n > area ? n : area;
                room |= calls_c(x->m, in);
            } else if (in->op == OP_ALLOCA && !x->slot[k]) {
                room = 1;
            }
        }
    int64_t need = 8 + 8 * (int64_t)x->nsaved + x->frame + area + 8 * calls + 16;
    if (room)
        need += C_ROOM;
    if (!calls && need <= LEAF_FRAME_MAX)
        return 0;
    if (need > INT32_MAX / 2)
        fatal("function %s: a frame of %lld bytes is too large", x->m->syms[f->sym].name, (long long)need);
    return need;
}

static void x64_emit_func(X64Fn *x)
{
    Func *f = x->f;
    Asm *a = &x->a;
    x64_live(x);
    x64_ralloc(x);
    layout_frame(x);

    int64_t need = stack_need(x);
    int entry = enc_label(a), more = enc_label(a);
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
    if (x->frame)
        enc_alu(a, ALU_SUB, 8, opr(RSP), opi(x->frame));
    x64_params(x);

    x->blabel = xmalloc(((size_t)f->nblocks + 1) * sizeof(int));
    for (int b = 0; b < f->nblocks; b++)
        x->blabel[b] = enc_label(a);
    for (int b = 0; b < f->nblocks; b++) {
        x->cur = b;
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

void x64_emit_module(Module *m, Elf *e)
{
    int *elfsym = xmalloc(((size_t)m->nsyms + 1) * sizeof(int));
    for (int i = 0; i < m->nsyms; i++)
        elfsym[i] = -1;
    for (int i = 0; i < m->nfuncs; i++)
        if (m->syms[m->funcs[i]->sym].kind == SYM_FUNCDEF)
            x64_split_webs(m, m->funcs[i]);
    if (ir_verify(m, stderr))
        die("the IR is invalid after x64_split_webs");
    for (int i = 0; i < m->ndatas; i++)
        emit_data(m, e, elfsym, m->datas[i]);
    for (int i = 0; i < m->nfuncs; i++) {
        Func *f = m->funcs[i];
        const Sym *s = &m->syms[f->sym];
        if (s->kind != SYM_FUNCDEF)
            continue;
        X64Fn x = {.m = m, .f = f, .elf = e, .elfsym = elfsym};
        enc_init(&x.a);
        x64_emit_func(&x);
        if (elfsym[f->sym] < 0)
            elfsym[f->sym] = elf_symbol(e, s->name);
        char name[512];
        snprintf(name, sizeof name, ".text.%s", s->name);
        /* 32: enc_unsplit's chunks start at the function's start */
        elf_add_function_aligned(e, name, elfsym[f->sym], s->linkage & L_EXPORT ? SYM_GLOBAL : SYM_LOCAL,
                                 &x.a, 32);
        free_fn(&x);
    }
    free(elfsym);
}
