/* depth.c: how much stack each function's prologue check asks for, and
 * which functions need no check at all, from the whole module's calls.
 *
 * Needs: every function of the module through live.c, ralloc.c and the
 * fixed frame slots (X64Fn.frame, nsaved).  Produces X64Fn.need: the bytes
 * the function's check asks for below its entry rsp, 0 for no check
 * (gen/rt/stack.c has the protocol; emit.c emits the check).
 *
 * own(F): F's frame below its entry rsp: the saved rbp and registers, the
 * frame, the largest outgoing argument area and a return address, C_ROOM
 * when it calls C (an extern symbol outside the runtime's arc_ prefix, or
 * through a pointer) or has a dynamic alloca, 16 for intrinsics.
 *
 * Three kinds of function:
 *   - a small leaf (no call, own <= LEAF_FRAME_MAX) has no check: it runs
 *     in the runtime's reserve below the limit (RT_RESERVE), as runtime
 *     functions do, so callers count nothing for it;
 *   - a nosplit function has no check either: its callers' checks count
 *     its whole depth for it.  It is one that only this module's code can
 *     call, and only directly (not exported, its address never taken:
 *     no task, no C caller, no pointer can enter it), that is not on a
 *     call cycle through itself, and whose depth(F) = own(F) + the largest
 *     depth of the nosplit functions it calls is at most NOSPLIT_MAX;
 *   - every other function checks depth(F): its own frame and the deepest
 *     chain of nosplit callees under it.  A checked callee checks for
 *     itself (its check needs no stack; arc_rt_morestack runs in the
 *     reserve), so it adds nothing beyond the call.
 * Invariant: whenever a function runs, a check on the path to it passed
 * for a depth that covers its frame (or it is a small leaf in the
 * reserve).  A cycle of calls always contains a checked function: the
 * depth-first walk marks the function a back edge reaches as checked, so
 * recursion still grows by segments and overflows are still reported.
 * NOSPLIT_MAX keeps what a check asks for modest, since a new task starts
 * on a FIRST_SEG-byte segment and a bigger ask moves it to a new segment.
 *
 * main, entered once by _start on the process stack, has no check when
 * nothing in the module calls it or takes its address and its depth is at
 * most MAIN_ROOM: the process stack holds that under any RLIMIT_STACK a
 * program can start with.  A program whose main reaches only nosplit code
 * (printf hello) thus has no check anywhere and links none of the segment
 * machinery (ld --gc-sections drops arc_rt_morestack and what it uses).
 *
 * ARC_NO_STACK_CHECK=1 (make bench's measure of what checks cost) drops
 * every check: such code is only safe on a big stack (main's). */
#include "gen/x64/x64.h"
#include "gen/rt/stack.h"

#include <stdlib.h>
#include <string.h>

enum {
    NOSPLIT_MAX = 512,
    MAIN_ROOM = 16 * 1024,
};

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

/* A call of arc_exit, which runs the exit hook (arc_c_fini) on the
 * caller's stack (gen/rt/exit.c). */
static int calls_exit(const Module *m, const Inst *in)
{
    const Val *c = &in->args[0];
    return in->op == OP_CALL && c->kind == V_SYM && !strcmp(m->syms[c->sym].name, "arc_exit");
}

/* The module function a call enters directly, or -1. */
static int direct_callee(const Module *m, const Inst *in)
{
    const Val *c = &in->args[0];
    if (in->op != OP_CALL || c->kind != V_SYM || c->i != 0 || m->syms[c->sym].kind != SYM_FUNCDEF)
        return -1;
    return m->syms[c->sym].index;
}

static int64_t own_frame(X64Fn *x, int *calls)
{
    Func *f = x->f;
    int64_t area = 0;
    int room = 0, k = 0;
    *calls = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++, k++) {
            const Inst *in = &f->blocks[b]->insts[i];
            if (in->op == OP_CALL) {
                int64_t n = x64_call_area(x->m, in);
                *calls = 1;
                area = n > area ? n : area;
                room |= calls_c(x->m, in);
            } else if (in->op == OP_ALLOCA && !x->slot[k]) {
                room = 1;
            }
        }
    int64_t need = 8 + 8 * (int64_t)x->nsaved + x->frame + area + 8 * *calls + 16;
    if (room)
        need += C_ROOM;
    return need;
}

enum { NEW, OPEN, DONE };

/* walk's place in one function: the instruction it looks at next and the
 * deepest of the callees it counts */
typedef struct {
    int fi, b, i;
    int64_t deepest;
} Frame;

typedef struct {
    Module *m;
    X64Fn *xs;        /* per Module.funcs index (f NULL: a declaration) */
    uint8_t *state;
    uint8_t *entered; /* exported or address taken: entered from outside */
    uint8_t *cyc;     /* reached by a back edge: on a call cycle */
    uint8_t *leaf;    /* small leaf: no check, counts nothing */
    uint8_t *nosplit;
    int64_t *room;    /* a root's stack (main, the exit hook), or 0 */
    int64_t *depth;
    int hook;         /* arc_c_fini's index, or -1 */
    Frame *stack;     /* walk's: a frame per function at most */
} Walk;

static int free_root(const Walk *w, int fi)
{
    return w->room[fi] && !w->cyc[fi] && w->depth[fi] <= w->room[fi];
}

/* Depth first from root, with a stack of its own (a chain of 60,000
 * functions must not take 60,000 C frames): a frame's function is OPEN
 * while it is on the stack; it looks at its instructions in order, and at
 * a call to a NEW function pushes it and looks at the same call again
 * once that one is DONE. */
static void walk(Walk *w, int root)
{
    Frame *st = w->stack;
    int sp = 0;
    st[sp++] = (Frame){root, 0, 0, 0};
    w->state[root] = OPEN;
    while (sp) {
        Frame *fr = &st[sp - 1];
        const Func *f = w->xs[fr->fi].f;
        if (fr->b == f->nblocks) {
            int fi = fr->fi;
            w->depth[fi] += fr->deepest;
            w->state[fi] = DONE;
            w->nosplit[fi] = !w->leaf[fi] && !w->entered[fi] && !w->cyc[fi] &&
                             w->depth[fi] <= NOSPLIT_MAX;
            sp--;
            continue;
        }
        if (fr->i == f->blocks[fr->b]->ninsts) {
            fr->b++;
            fr->i = 0;
            continue;
        }
        const Inst *in = &f->blocks[fr->b]->insts[fr->i];
        int c = direct_callee(w->m, in);
        if (c < 0 && w->hook >= 0 && calls_exit(w->m, in))
            c = w->hook;
        if (c >= 0 && w->state[c] == NEW) {
            w->state[c] = OPEN;
            st[sp++] = (Frame){c, 0, 0, 0};
            continue;
        }
        fr->i++;
        if (c < 0)
            continue;
        if (w->state[c] == OPEN) {
            /* a back edge: c is on a cycle and keeps its check */
            w->cyc[c] = 1;
            continue;
        }
        int64_t d = w->nosplit[c] || (c == w->hook && free_root(w, c)) ? w->depth[c] : 0;
        fr->deepest = d > fr->deepest ? d : fr->deepest;
    }
}

/* A function symbol anywhere but as a direct callee: its address is taken. */
static void mark_taken(const Module *m, const Val *v, uint8_t *taken)
{
    if (v->kind == V_SYM && m->syms[v->sym].kind == SYM_FUNCDEF)
        taken[m->syms[v->sym].index] = 1;
}

void x64_stack_needs(Module *m, X64Fn *xs)
{
    static int unchecked = -1;
    if (unchecked < 0)
        unchecked = getenv("ARC_NO_STACK_CHECK") != NULL;
    int n = m->nfuncs;
    Walk w = {.m = m, .xs = xs};
    w.state = xcalloc((size_t)n + 1, 1);
    w.entered = xcalloc((size_t)n + 1, 1);
    w.cyc = xcalloc((size_t)n + 1, 1);
    w.room = xcalloc((size_t)n + 1, sizeof(int64_t));
    w.hook = -1;
    w.leaf = xcalloc((size_t)n + 1, 1);
    w.nosplit = xcalloc((size_t)n + 1, 1);
    w.depth = xcalloc((size_t)n + 1, sizeof(int64_t));
    w.stack = xmalloc(((size_t)n + 1) * sizeof(Frame));
    uint8_t *called = xcalloc((size_t)n + 1, 1);
    uint8_t *taken = xcalloc((size_t)n + 1, 1);
    for (int fi = 0; fi < n; fi++) {
        if (!xs[fi].f)
            continue;
        Func *f = xs[fi].f;
        int calls;
        w.depth[fi] = own_frame(&xs[fi], &calls);
        w.leaf[fi] = !calls && w.depth[fi] <= LEAF_FRAME_MAX;
        if (w.depth[fi] > INT32_MAX / 2)
            fatal("function %s: a frame of %lld bytes is too large", m->syms[f->sym].name,
                  (long long)w.depth[fi]);
        for (int b = 0; b < f->nblocks; b++)
            for (int i = 0; i < f->blocks[b]->ninsts; i++) {
                const Inst *in = &f->blocks[b]->insts[i];
                int c = direct_callee(m, in);
                if (c >= 0)
                    called[c] = 1;
                for (int a = c >= 0 ? 1 : 0; a < in->nargs; a++)
                    mark_taken(m, &in->args[a], taken);
            }
    }
    for (int d = 0; d < m->ndatas; d++)
        for (int i = 0; i < m->datas[d]->nitems; i++) {
            const DataItem *it = &m->datas[d]->items[i];
            if (it->kind == D_SYM && m->syms[it->sym].kind == SYM_FUNCDEF)
                taken[m->syms[it->sym].index] = 1;
        }
    for (int fi = 0; fi < n; fi++) {
        if (!xs[fi].f)
            continue;
        const Sym *s = &m->syms[xs[fi].f->sym];
        w.entered[fi] = taken[fi] || (s->linkage & L_EXPORT);
        int root = !called[fi] && !taken[fi];
        if (root && !strcmp(s->name, "main"))
            w.room[fi] = MAIN_ROOM;
        if (root && !strcmp(s->name, "arc_c_fini")) {
            w.room[fi] = EXIT_ROOM;
            w.hook = fi;
        }
    }
    /* in module order, so the result does not depend on anything else */
    for (int fi = 0; fi < n; fi++)
        if (xs[fi].f && w.state[fi] == NEW)
            walk(&w, fi);
    for (int fi = 0; fi < n; fi++) {
        if (!xs[fi].f)
            continue;
        int free_ = unchecked || w.leaf[fi] || w.nosplit[fi] || free_root(&w, fi);
        xs[fi].need = free_ ? 0 : w.depth[fi];
        xs[fi].cyclic = w.cyc[fi];
    }
    free(called);
    free(taken);
    free(w.state);
    free(w.entered);
    free(w.cyc);
    free(w.room);
    free(w.leaf);
    free(w.nosplit);
    free(w.depth);
    free(w.stack);
}
