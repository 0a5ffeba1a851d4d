/* ir.c: the IR's tables (opcodes, intrinsics, types), the per-Module arena
 * and name maps, and the construction helpers the front end and the reader
 * use.  See ir.h. */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

/* --- tables ------------------------------------------------------------- */
const char *const type_name[T_NTYPES] = {
    "void", "i8", "i16", "i32", "i64", "f32", "f64", "ptr",
};

static const int type_sizes[T_NTYPES] = {0, 1, 2, 4, 8, 4, 8, 8};

int type_size(Type t) { return (unsigned)t < T_NTYPES ? type_sizes[t] : 0; }
static int type_is_int(Type t) { return t >= T_I8 && t <= T_I64; }
int type_is_flt(Type t) { return t == T_F32 || t == T_F64; }

int type_in_class(Type t, TypeClass c)
{
    switch (c) {
    case TC_NONE: return t == T_VOID;
    case TC_INT: return type_is_int(t);
    case TC_INTP: return type_is_int(t) || t == T_PTR;
    case TC_FLT: return type_is_flt(t);
    case TC_SCALAR: return t > T_VOID && t < T_NTYPES;
    case TC_RET: return t < T_NTYPES;
    }
    return 0;
}

const OpInfo op_info[OP_COUNT] = {
#define OP(id, name, tc, res, opnds, xc, cv, ms, fl) {name, tc, res, opnds, xc, cv, ms, fl},
#include "ir_ops.def"
#undef OP
};

#define ARGREGS(...) {__VA_ARGS__}
const IntrinInfo intrin_info[IN_COUNT] = {
#define INTRIN(id, name, kind, res, args, nmin, regs, where, rd, wr, cl, bytes) \
    {name, kind, res, args, nmin, regs, where, rd, wr, cl, bytes, (int)sizeof(bytes) - 1},
#include "intrin.def"
#undef INTRIN
};
#undef ARGREGS

int intrin_find(const char *name, size_t len)
{
    for (int i = 0; i < IN_COUNT; i++)
        if (strlen(intrin_info[i].name) == len && !memcmp(intrin_info[i].name, name, len))
            return i;
    return -1;
}

Type intrin_type(char code)
{
    static const char codes[] = "vbhwlsdp";
    const char *p = code ? strchr(codes, code) : NULL;
    return p ? (Type)(p - codes) : T_VOID;
}

/* --- arena -------------------------------------------------------------- */
/* A list of chunks; big requests get a chunk of their own.  Nothing is freed
 * before ir_free: a grown array leaves its old copy behind (at most as much
 * again as the live data, since arrays double). */
typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char mem[];
} Chunk;

struct Arena {
    Chunk *head;
};

enum { CHUNK = 64 * 1024 };

void *ir_alloc(Module *m, size_t n)
{
    Arena *a = m->arena;
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->head->cap - a->head->used < n) {
        size_t cap = n > CHUNK / 4 ? n : CHUNK;
        Chunk *c = xmalloc(sizeof *c + cap);
        c->used = 0;
        c->cap = cap;
        if (n > CHUNK / 4 && a->head) {  /* keep the current chunk in use */
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
        c->used = n;
        return memset(c->mem, 0, n);
    }
    void *p = a->head->mem + a->head->used;
    a->head->used += n;
    return memset(p, 0, n);
}

const char *ir_strdup(Module *m, const char *s, size_t n)
{
    char *p = ir_alloc(m, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void ir_grow(Module *m, void *p, int *cap, int need, size_t esize)
{
    void **pp = p;
    if (need <= *cap)
        return;
    int n = *cap ? *cap : 4;
    while (n < need)
        n *= 2;
    void *q = ir_alloc(m, (size_t)n * esize);
    if (*cap)
        memcpy(q, *pp, (size_t)*cap * esize);
    *pp = q;
    *cap = n;
}

Module *ir_new_module(void)
{
    Module *m = xcalloc(1, sizeof *m);
    m->arena = xcalloc(1, sizeof *m->arena);
    m->nlayouts = 1;   /* agg ids are 1-based */
    ir_grow(m, &m->layouts, &m->caplayouts, 1, sizeof(Layout));
    return m;
}

void ir_free(Module *m)
{
    if (!m)
        return;
    for (Chunk *c = m->arena->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(m->arena);
    free(m);
}

/* --- name maps (util.h), in the arena -------------------------------- */
static void *map_alloc(void *m, size_t n) { return ir_alloc(m, n); }

/* --- symbols and layouts ------------------------------------------------ */
int ir_find_sym(const Module *m, const char *name) { return map_get(m->symmap, name); }

int ir_sym(Module *m, const char *name)
{
    int s = ir_find_sym(m, name);
    if (s >= 0)
        return s;
    ir_grow(m, &m->syms, &m->capsyms, m->nsyms + 1, sizeof(Sym));
    s = m->nsyms++;
    m->syms[s] = (Sym){.name = ir_strdup(m, name, strlen(name)), .kind = SYM_EXTERN, .index = -1};
    map_put(&m->symmap, m->syms[s].name, s, map_alloc, m);
    return s;
}

static void add_order(Module *m, int sym)
{
    ir_grow(m, &m->order, &m->caporder, m->norder + 1, sizeof(int));
    m->order[m->norder++] = sym;
}

int ir_find_layout(const Module *m, const char *name)
{
    int a = map_get(m->layoutmap, name);
    return a < 0 ? 0 : a;
}

int ir_new_layout(Module *m, const char *name, int64_t size, int64_t align)
{
    ir_grow(m, &m->layouts, &m->caplayouts, m->nlayouts + 1, sizeof(Layout));
    int a = m->nlayouts++;
    m->layouts[a] = (Layout){.name = ir_strdup(m, name, strlen(name)), .size = size, .align = align};
    map_put(&m->layoutmap, m->layouts[a].name, a, map_alloc, m);
    return a;
}

void ir_layout_field(Module *m, int agg, Type t, int64_t off)
{
    Layout *l = &m->layouts[agg];
    ir_grow(m, &l->fields, &l->capfields, l->nfields + 1, sizeof(Field));
    l->fields[l->nfields++] = (Field){t, off};
}

/* SysV AMD64 3.2.3, for flattened fields: an aggregate over 16 bytes or
 * with a misaligned field goes in memory; otherwise each eightbyte is
 * INTEGER if any field in it is an integer or pointer, else SSE. */
int ir_classify(const Module *m, int agg, AggClass cls[2])
{
    const Layout *l = &m->layouts[agg];
    cls[0] = cls[1] = AC_NONE;
    if (l->size <= 0 || l->size > 16)
        return 0;
    for (int i = 0; i < l->nfields; i++) {
        const Field *fd = &l->fields[i];
        int sz = type_size(fd->type);
        if (sz == 0 || fd->off < 0 || fd->off % sz || fd->off > 16 - sz) {
            cls[0] = cls[1] = AC_MEMORY;
            return 0;
        }
        AggClass *c = &cls[fd->off / 8];
        if (type_is_flt(fd->type)) {
            if (*c == AC_NONE)
                *c = AC_SSE;
        } else {
            *c = AC_INT;
        }
    }
    int n = (int)((l->size + 7) / 8);
    for (int i = 0; i < n; i++)
        if (cls[i] == AC_NONE)
            cls[i] = AC_SSE;   /* padding only: either class works */
    return n;
}

/* --- functions ---------------------------------------------------------- */
static Func *new_func(Module *m, const char *name, Type ret, int retagg, int kind)
{
    int s = ir_sym(m, name);
    ir_grow(m, &m->funcs, &m->capfuncs, m->nfuncs + 1, sizeof(Func *));
    Func *f = m->funcs[m->nfuncs] = ir_alloc(m, sizeof *f);
    *f = (Func){.sym = s, .ret = retagg ? T_PTR : ret, .retagg = retagg};
    m->syms[s].kind = kind;
    m->syms[s].index = m->nfuncs++;
    add_order(m, s);
    return f;
}

Func *ir_new_func(Module *m, const char *name, Type ret, int retagg)
{
    return new_func(m, name, ret, retagg, SYM_FUNCDEF);
}

Func *ir_new_decl(Module *m, const char *name, Type ret, int retagg)
{
    return new_func(m, name, ret, retagg, SYM_DECL);
}

int ir_add_param(Module *m, Func *f, Type t, int agg, const char *name)
{
    int v = -1;
    if (m->syms[f->sym].kind == SYM_FUNCDEF)
        v = ir_new_vreg(m, f, agg ? T_PTR : t, name);
    ir_grow(m, &f->params, &f->capparams, f->nparams + 1, sizeof(Param));
    f->params[f->nparams++] = (Param){agg ? T_PTR : t, agg, v};
    return v;
}

/* name, or when f already has it (a pass's new block or vreg in IR text
 * that used the name), name.2, name.3 ... : names stay unique, so the
 * text printed reads back.  buf holds the result when it is not name. */
static const char *fresh_name(const Map *map, const char *name, char *buf, size_t n)
{
    const char *base = name;
    for (int k = 2; map_get(map, name) >= 0; k++) {
        snprintf(buf, n, "%.80s.%d", base, k);
        name = buf;
    }
    return name;
}

Block *ir_new_block(Module *m, Func *f, const char *name)
{
    char tmp[32], buf[96];
    if (!name) {
        snprintf(tmp, sizeof tmp, "b%d", f->nblocks);
        name = tmp;
    }
    name = fresh_name(f->blockmap, name, buf, sizeof buf);
    ir_grow(m, &f->blocks, &f->capblocks, f->nblocks + 1, sizeof(Block *));
    Block *b = f->blocks[f->nblocks] = ir_alloc(m, sizeof *b);
    *b = (Block){.name = ir_strdup(m, name, strlen(name)), .id = f->nblocks};
    map_put(&f->blockmap, b->name, f->nblocks++, map_alloc, m);
    return b;
}

int ir_new_vreg(Module *m, Func *f, Type t, const char *name)
{
    char tmp[32], buf[96];
    if (!name) {
        snprintf(tmp, sizeof tmp, "t%d", f->nvregs);
        name = tmp;
    }
    name = fresh_name(f->vregmap, name, buf, sizeof buf);
    ir_grow(m, &f->vregs, &f->capvregs, f->nvregs + 1, sizeof(Vreg));
    f->vregs[f->nvregs] = (Vreg){ir_strdup(m, name, strlen(name)), t};
    map_put(&f->vregmap, f->vregs[f->nvregs].name, f->nvregs, map_alloc, m);
    return f->nvregs++;
}

int ir_find_vreg(const Func *f, const char *name) { return map_get(f->vregmap, name); }
int ir_find_block(const Func *f, const char *name) { return map_get(f->blockmap, name); }
static int ir_block_index(const Func *f, const Block *b) { (void)f; return b->id; }

/* --- values ------------------------------------------------------------- */
Val ir_vreg(const Func *f, int v) { return (Val){.kind = V_VREG, .type = f->vregs[v].type, .vreg = v}; }
Val ir_int(Type t, int64_t i) { return (Val){.kind = V_INT, .type = t, .i = i}; }
Val ir_flt(Type t, double f) { return (Val){.kind = V_FLT, .type = t, .f = t == T_F32 ? (double)(float)f : f}; }
Val ir_blk(const Func *f, const Block *b) { return (Val){.kind = V_BLOCK, .blk = ir_block_index(f, b)}; }
Val ir_vararg(void) { return (Val){.kind = V_VARARG}; }
Val ir_intrin(int intrin) { return (Val){.kind = V_INTRIN, .i = intrin}; }

Val ir_symval(Module *m, const char *name, int64_t addend)
{
    return (Val){.kind = V_SYM, .type = T_PTR, .sym = ir_sym(m, name), .i = addend};
}

Val ir_agg(Val v, int agg)
{
    v.agg = agg;
    v.type = T_PTR;
    return v;
}

/* --- instructions ------------------------------------------------------- */
Inst *ir_emitv(Module *m, Block *b, Op op, Type t, int dst, int nargs, const Val *args)
{
    ir_grow(m, &b->insts, &b->capinsts, b->ninsts + 1, sizeof(Inst));
    Inst *in = &b->insts[b->ninsts++];
    *in = (Inst){.op = op, .type = t, .dst = dst};
    if (nargs) {
        ir_grow(m, &in->args, &in->capargs, nargs, sizeof(Val));
        memcpy(in->args, args, (size_t)nargs * sizeof(Val));
    }
    in->nargs = nargs;
    return in;
}

Inst *ir_emit(Module *m, Block *b, Op op, Type t, int dst, int nargs, ...)
{
    Val args[8];
    va_list ap;
    if (nargs < 0 || nargs > countof(args))
        die("ir_emit: %d operands (use ir_emitv)", nargs);
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        args[i] = va_arg(ap, Val);
    va_end(ap);
    return ir_emitv(m, b, op, t, dst, nargs, args);
}

Inst *ir_emit_call(Module *m, Block *b, Op op, Type ret, int retagg, int dst,
                   Val callee, int nargs, const Val *args)
{
    Inst *in = ir_emitv(m, b, op, retagg ? T_PTR : ret, dst, 1, &callee);
    in->agg = retagg;
    ir_grow(m, &in->args, &in->capargs, nargs + 1, sizeof(Val));
    if (nargs)
        memcpy(in->args + 1, args, (size_t)nargs * sizeof(Val));
    in->nargs = nargs + 1;
    return in;
}

/* --- data --------------------------------------------------------------- */
Data *ir_new_data(Module *m, const char *name, int linkage, int64_t align)
{
    int s = ir_sym(m, name);
    ir_grow(m, &m->datas, &m->capdatas, m->ndatas + 1, sizeof(Data *));
    Data *d = m->datas[m->ndatas] = ir_alloc(m, sizeof *d);
    *d = (Data){.sym = s, .align = align};
    m->syms[s].kind = SYM_DATA;
    m->syms[s].linkage = linkage;
    m->syms[s].index = m->ndatas++;
    add_order(m, s);
    return d;
}

static DataItem *data_item(Module *m, Data *d, DataKind k, Type t)
{
    ir_grow(m, &d->items, &d->capitems, d->nitems + 1, sizeof(DataItem));
    DataItem *it = &d->items[d->nitems++];
    *it = (DataItem){.kind = k, .type = t};
    return it;
}

void ir_data_int(Module *m, Data *d, Type t, int64_t v) { data_item(m, d, D_INT, t)->i = v; }

void ir_data_flt(Module *m, Data *d, Type t, double v)
{
    data_item(m, d, D_FLT, t)->f = t == T_F32 ? (double)(float)v : v;
}

void ir_data_str(Module *m, Data *d, const char *s, size_t n)
{
    DataItem *it = data_item(m, d, D_STR, T_I8);
    it->str = ir_strdup(m, s, n);
    it->i = (int64_t)n;
}

void ir_data_sym(Module *m, Data *d, const char *name, int64_t addend)
{
    int s = ir_sym(m, name);
    DataItem *it = data_item(m, d, D_SYM, T_PTR);
    it->sym = s;
    it->i = addend;
}

void ir_data_zero(Module *m, Data *d, int64_t n) { data_item(m, d, D_ZERO, T_VOID)->i = n; }

/* --- control flow ------------------------------------------------------- */
/* The successors are the block operands of the terminator, in order (a
 * switch's default first); a repeated target is listed once per use. */
int ir_succs(const Block *b, int *out, int cap)
{
    int n = 0;
    if (!b->ninsts || !(op_info[b->insts[b->ninsts - 1].op].flags & F_TERM))
        return 0;
    const Inst *t = &b->insts[b->ninsts - 1];
    for (int i = 0; i < t->nargs; i++)
        if (t->args[i].kind == V_BLOCK) {
            if (n < cap)
                out[n] = t->args[i].blk;
            n++;
        }
    return n < cap ? n : cap;
}

int ir_nsuccs(const Block *b)
{
    int n = 0;
    if (!b->ninsts || !(op_info[b->insts[b->ninsts - 1].op].flags & F_TERM))
        return 0;
    const Inst *t = &b->insts[b->ninsts - 1];
    for (int i = 0; i < t->nargs; i++)
        n += t->args[i].kind == V_BLOCK;
    return n;
}

Type ir_result_type(const Inst *in)
{
    switch (op_info[in->op].result) {
    case R_NONE: return T_VOID;
    case R_T: return in->agg ? T_PTR : in->type;
    case R_I8: return T_I8;
    case R_PTR: return T_PTR;
    }
    return T_VOID;
}

void ir_reorder_blocks(Module *m, Func *f, const int *order)
{
    ir_keep_blocks(m, f, order, f->nblocks);
}

void ir_keep_blocks(Module *m, Func *f, const int *order, int n)
{
    Block **old = f->blocks;
    int *newid = ir_alloc(m, (size_t)f->nblocks * sizeof *newid);
    for (int i = 0; i < f->nblocks; i++)
        newid[i] = -1;
    f->blocks = ir_alloc(m, (size_t)f->capblocks * sizeof *f->blocks);
    f->blockmap = NULL;
    for (int i = 0; i < n; i++) {
        f->blocks[i] = old[order[i]];
        newid[order[i]] = i;
        f->blocks[i]->id = i;
        map_put(&f->blockmap, f->blocks[i]->name, i, map_alloc, m);
    }
    int nold = f->nblocks;
    f->nblocks = n;
    for (int b = 0; b < n; b++)
        for (int i = 0; i < f->blocks[b]->ninsts; i++) {
            Inst *in = &f->blocks[b]->insts[i];
            for (int a = 0; a < in->nargs; a++)
                if (in->args[a].kind == V_BLOCK && in->args[a].blk >= 0 && in->args[a].blk < nold)
                    in->args[a].blk = newid[in->args[a].blk];
        }
}
