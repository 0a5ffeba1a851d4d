/* lower.c: the checked AST to IR (gen/ir.h).
 *
 * Needs: an error-free fe->prog from check.c.  Produces: a Module that
 * ir_verify accepts (a failure is an internal bug).
 *
 * Storage.  A scalar local whose address is never taken is one vreg, and
 * every assignment is a def of it.  Aggregates (structs, arrays, tuples)
 * and address-taken locals live in frame slots: an alloca in the entry
 * block, which holds nothing else and jumps to @body once the function is
 * done.  An aggregate value is the address of its bytes; assignment copies
 * them (memcpy), calls pass them with their layout (by value, SysV).
 *
 * Types: bool and the 8-bit integers are i8, ... 64-bit i64; float32/64
 * f32/f64; pointers, string and Task<T> ptr.  An untyped constant has its
 * context's type by now (check.c).
 *
 * Tasks: calling an async func is `spawn` (the handle is the Task), `await`
 * is the opcode, `yield` too; a process literal is lifted to a function
 * process.N and spawned.  A spawn that is a whole expression statement
 * drops its handle: its `spawn` has no result vreg (detached: the runtime
 * frees the task when it finishes).  main is exported; `func main()`
 * returns 0.
 *
 * Control flow: if/for/switch as blocks and branches; && and || branch
 * (short-circuit).  defer: each block keeps its deferred calls; they run
 * in reverse order at the block's end, and on the way out for return (all
 * of the function's, after the return value is computed), break and
 * continue (those inside the loop).  Deferred calls are evaluated when they
 * run. */
#include "gen/front/ast.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    Block *brk, *cont;
    int ndefers;        /* the defer stack depth at the loop/switch */
} Target;

typedef struct {
    Front *fe;
    Module *m;
    FuncDecl *fd;
    Func *f;
    Block *entry, *b;   /* b is NULL after a terminator */
    Target targets[MAX_DEPTH + 8];
    int ntargets;
    Node **defers;
    int ndefers, capdefers;
    int nstr, nlayout;
    Node *dropped;      /* the expression statement being lowered */
} Lower;

static Val rval(Lower *L, Node *n);
static void stmt(Lower *L, Node *n);

/* --- types and emission ---------------------------------------------------- */
static Type irt(const Ty *t)
{
    switch (t->kind) {
    case TY_VOID: return T_VOID;
    case TY_BOOL: return T_I8;
    case TY_INT: return t->size == 1 ? T_I8 : t->size == 2 ? T_I16 : t->size == 4 ? T_I32 : T_I64;
    case TY_FLOAT: return t->size == 4 ? T_F32 : T_F64;
    case TY_UINT: return T_I32;
    case TY_UFLT: return T_F64;
    default: return T_PTR;
    }
}

static void flatten(Module *m, int agg, const Ty *t, int64_t base)
{
    if (t->kind == TY_ARRAY) {
        for (int64_t i = 0; i < t->len; i++)
            flatten(m, agg, t->base, base + i * t->base->size);
    } else if (t->kind == TY_STRUCT || t->kind == TY_TUPLE) {
        for (int i = 0; i < t->nfields; i++)
            flatten(m, agg, t->fields[i].ty, base + t->fields[i].off);
    } else if (t->kind == TY_SLICE) {
        ir_layout_field(m, agg, T_PTR, base);
        ir_layout_field(m, agg, T_I64, base + 8);
    } else {
        ir_layout_field(m, agg, irt(t), base);
    }
}

/* The IR layout of an aggregate type, made on first use. */
static int agg_of(Lower *L, Ty *t)
{
    if (!ty_is_agg(t))
        return 0;
    if (t->agg)
        return t->agg;
    char name[128];
    const char *base = t->kind == TY_STRUCT  ? t->name
                       : t->kind == TY_TUPLE ? "tuple"
                       : t->kind == TY_SLICE ? "slice"
                                             : "array";
    int k = 0;
    for (const char *p = base; *p && k < 100; p++)
        name[k++] = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ? *p : '_';
    name[k] = 0;
    if (t->kind != TY_STRUCT || ir_find_layout(L->m, name))
        snprintf(name + k, sizeof name - (size_t)k, ".%d", ++L->nlayout);
    t->agg = ir_new_layout(L->m, name, t->size, t->align);
    /* a huge array stays one opaque block of bytes: only its size and
     * alignment matter for copying it */
    if (t->size <= 4096)
        flatten(L->m, t->agg, t, 0);
    return t->agg;
}

static Block *cur(Lower *L)
{
    if (!L->b)
        L->b = ir_new_block(L->m, L->f, NULL);   /* unreachable code */
    return L->b;
}

static int tmp(Lower *L, Type t) { return ir_new_vreg(L->m, L->f, t, NULL); }
static Val V(Lower *L, int v) { return ir_vreg(L->f, v); }

static Val emit1(Lower *L, Op op, Type t, Val a)
{
    int d = tmp(L, op_info[op].result == R_I8 ? T_I8 : op_info[op].result == R_PTR ? T_PTR : t);
    ir_emit(L->m, cur(L), op, t, d, 1, a);
    return V(L, d);
}

static Val emit2(Lower *L, Op op, Type t, Val a, Val b)
{
    int d = tmp(L, op_info[op].result == R_I8 ? T_I8 : op_info[op].result == R_PTR ? T_PTR : t);
    ir_emit(L->m, cur(L), op, t, d, 2, a, b);
    return V(L, d);
}

static void jmp(Lower *L, Block *to)
{
    if (L->b)
        ir_emit(L->m, L->b, OP_JMP, T_VOID, -1, 1, ir_blk(L->f, to));
    L->b = NULL;
}

static void br(Lower *L, Val c, Block *t, Block *f)
{
    ir_emit(L->m, cur(L), OP_BR, T_I8, -1, 3, c, ir_blk(L->f, t), ir_blk(L->f, f));
    L->b = NULL;
}

static Block *new_block(Lower *L, const char *name)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s.%d", name, L->f->nblocks);
    return ir_new_block(L->m, L->f, buf);
}

static Val intrin(Lower *L, Intrin id, Type ret, int nargs, const Val *args)
{
    int d = ret == T_VOID ? -1 : tmp(L, ret);
    ir_emit_call(L->m, cur(L), OP_INTRIN, ret, 0, d, ir_intrin(id), nargs, args);
    return d >= 0 ? V(L, d) : (Val){0};
}

/* A frame slot for a value of type t (in the entry block). */
static Val slot(Lower *L, Ty *t)
{
    int d = ir_new_vreg(L->m, L->f, T_PTR, NULL);
    int64_t align = t->align > 0 ? t->align : 1;
    if (align > 4096)
        align = 4096;
    ir_emit(L->m, L->entry, OP_ALLOCA, T_VOID, d, 2, ir_int(T_I64, t->size), ir_int(T_I64, align));
    return V(L, d);
}

static Val ptr_off(Lower *L, Val p, int64_t off)
{
    if (!off)
        return p;
    return emit2(L, OP_PTRADD, T_VOID, p, ir_int(T_I64, off));
}

static void copy_bytes(Lower *L, Val dst, Val src, int64_t n)
{
    if (n <= 0)
        return;
    Val a[3] = {dst, src, ir_int(T_I64, n)};
    intrin(L, IN_MEMCPY, T_VOID, 3, a);
}

static void zero_bytes(Lower *L, Val dst, int64_t n)
{
    if (n <= 0)
        return;
    Val a[3] = {dst, ir_int(T_I32, 0), ir_int(T_I64, n)};
    intrin(L, IN_MEMSET, T_VOID, 3, a);
}

/* Load a value of type t from p (an aggregate's value is its address). */
static Val load(Lower *L, Val p, Ty *t)
{
    if (ty_is_agg(t))
        return p;
    return emit1(L, OP_LOAD, irt(t), p);
}

static void store(Lower *L, Val p, Val v, Ty *t)
{
    if (ty_is_agg(t))
        copy_bytes(L, p, v, t->size);
    else if (t->kind != TY_VOID)
        ir_emit(L->m, cur(L), OP_STORE, irt(t), -1, 2, v, p);
}

/* Integer v (of type from) converted to IR integer type to. */
static Val int_conv(Lower *L, Val v, Type from, int sign, Type to)
{
    int fs = type_size(from), ts = type_size(to);
    if (v.kind == V_INT) {
        int64_t x = v.i;
        if (ts < 8) {
            int bits = ts * 8;
            uint64_t mask = (1ULL << bits) - 1;
            x = (int64_t)((uint64_t)x & mask);
        }
        if (ts > fs && fs < 8 && sign && (v.i >> (fs * 8 - 1)) & 1)
            x = v.i;
        return ir_int(to, x);
    }
    if (fs == ts)
        return v;
    int d = tmp(L, to);
    Op op = ts < fs ? OP_TRUNC : sign ? OP_SEXT : OP_ZEXT;
    ir_emit(L->m, cur(L), op, to, d, 1, v);
    return V(L, d);
}

static Val to_i64(Lower *L, Val v, Ty *t)
{
    if (t->kind == TY_PTR) {
        int d = tmp(L, T_I64);
        ir_emit(L->m, cur(L), OP_BITCAST, T_I64, d, 1, v);
        return V(L, d);
    }
    return int_conv(L, v, irt(t), t->kind == TY_INT && t->sign, T_I64);
}

/* --- constants ------------------------------------------------------------- */
static Val str_lit(Lower *L, const char *s, int len)
{
    char name[32];
    snprintf(name, sizeof name, "str.%d", ++L->nstr);
    Data *d = ir_new_data(L->m, name, L_CONST, 1);
    ir_data_str(L->m, d, s, (size_t)len);
    ir_data_int(L->m, d, T_I8, 0);
    return ir_symval(L->m, name, 0);
}

static Val konst(Lower *L, Node *n)
{
    Ty *t = n->ty;
    if (n->konst == 3)
        return str_lit(L, n->str, n->slen);
    if (t->kind == TY_FLOAT)
        return ir_flt(irt(t), n->konst == 2 ? n->fval : (double)(int64_t)n->ival);
    if (t->kind == TY_PTR)
        return ir_int(T_PTR, 0);
    return ir_int(irt(t), (int64_t)n->ival);
}

/* --- lvalues --------------------------------------------------------------- */
static Val addr(Lower *L, Node *n);

/* The address of an aggregate-or-lvalue base of a field or index. */
static Val base_addr(Lower *L, Node *a)
{
    if (a->ty->kind == TY_PTR)
        return rval(L, a);
    if (ty_is_agg(a->ty))
        return rval(L, a);   /* an aggregate's value is its address */
    return addr(L, a);
}

/* Stop with "index I out of range for length N" unless i cmp n, cmp
 * OP_ULT or OP_ULE (unsigned: a negative index is out of range too).  i
 * and n are i64. */
static void bounds_check(Lower *L, Op cmp, Val i, Val n)
{
    Block *bad = new_block(L, "outofrange"), *ok = new_block(L, "inrange");
    br(L, emit2(L, cmp, T_I64, i, n), ok, bad);
    L->b = bad;
    Val args[2] = {i, n};
    ir_emit_call(L->m, cur(L), OP_CALL, T_VOID, 0, -1, ir_symval(L->m, "arc_rt_index_fail", 0), 2, args);
    ir_emit(L->m, cur(L), OP_UNREACHABLE, T_VOID, -1, 0);
    L->b = ok;
}

/* Whether a[i] is in range by construction: i is the variable of a range
 * loop 0..len(a) or 0..K (K <= a's fixed length), neither i nor a is
 * assigned anywhere (or has its address taken). */
static int proven_in_range(Node *n)
{
    Node *a = n->a, *i = n->b;
    if (i->kind != N_IDENT || !i->var || i->var->assigned || i->var->addr_taken)
        return 0;
    Var *v = i->var;
    if (a->ty->kind == TY_ARRAY && v->below > 0 && v->below <= a->ty->len)
        return 1;
    return a->kind == N_IDENT && a->var && v->below_len == a->var && !a->var->assigned &&
           (a->ty->kind == TY_ARRAY || !a->var->addr_taken);
}

/* A slice's length (i64) from its address. */
static Val slice_len(Lower *L, Val s) { return emit1(L, OP_LOAD, T_I64, ptr_off(L, s, 8)); }

/* The address of the first element of a (an array, a slice or a
 * pointer) and, but for a pointer, its length (i64) in *len. */
static Val elements(Lower *L, Node *a, Val *len)
{
    Val base = base_addr(L, a);
    *len = (Val){0};
    if (a->ty->kind == TY_SLICE) {
        *len = slice_len(L, base);
        return emit1(L, OP_LOAD, T_PTR, base);
    }
    if (a->ty->kind == TY_ARRAY)
        *len = ir_int(T_I64, a->ty->len);
    return base;
}

/* a[lo..hi]: a new slice (a frame slot); lo <= hi <= len(a) is checked
 * (hi against the length, then lo against hi), not on a pointer. */
static Val slice_expr(Lower *L, Node *n)
{
    Ty *at = n->a->ty;
    Val len, base = elements(L, n->a, &len);
    Val lo = n->b ? to_i64(L, rval(L, n->b), n->b->ty) : ir_int(T_I64, 0);
    Val hi = n->c ? to_i64(L, rval(L, n->c), n->c->ty) : len;
    if (at->kind != TY_PTR && n->c)
        bounds_check(L, OP_ULE, hi, len);
    if (n->b)
        bounds_check(L, OP_ULE, lo, hi);
    int64_t es = at->base->size;
    Val p = slot(L, n->ty);
    Val off = lo.kind == V_INT ? ir_int(T_I64, lo.i * es) : emit2(L, OP_MUL, T_I64, lo, ir_int(T_I64, es));
    ir_emit(L->m, cur(L), OP_STORE, T_PTR, -1, 2, emit2(L, OP_PTRADD, T_VOID, base, off), p);
    ir_emit(L->m, cur(L), OP_STORE, T_I64, -1, 2, emit2(L, OP_SUB, T_I64, hi, lo), ptr_off(L, p, 8));
    return p;
}

/* new: zeroed memory from arc_rt_new(count, size), which stops the
 * program when there is none (a runtime error, never NULL). */
static Val new_expr(Lower *L, Node *n)
{
    Ty *t = n->ty;
    Ty *et = t->base;
    Val cnt = t->kind == TY_SLICE ? to_i64(L, rval(L, n->tx->len), n->tx->len->ty) : ir_int(T_I64, 1);
    if (cnt.kind == V_VREG) {   /* a negative length asks for too much */
        int c = tmp(L, T_I64);
        ir_emit(L->m, cur(L), OP_COPY, T_I64, c, 1, cnt);
        cnt = V(L, c);
    }
    Val args[2] = {cnt, ir_int(T_I64, et->size ? et->size : 1)};
    int d = tmp(L, T_PTR);
    ir_emit_call(L->m, cur(L), OP_CALL, T_PTR, 0, d, ir_symval(L->m, "arc_rt_new", 0), 2, args);
    if (n->a)
        store(L, V(L, d), rval(L, n->a), et);
    if (t->kind != TY_SLICE)
        return V(L, d);
    Val s = slot(L, t);
    ir_emit(L->m, cur(L), OP_STORE, T_PTR, -1, 2, V(L, d), s);
    ir_emit(L->m, cur(L), OP_STORE, T_I64, -1, 2, cnt, ptr_off(L, s, 8));
    return s;
}

static Val index_addr(Lower *L, Node *n)
{
    Val len, base = elements(L, n->a, &len);
    Ty *et = n->ty;
    Val i = rval(L, n->b);
    if (n->checked && !proven_in_range(n))
        bounds_check(L, n->checked == 2 ? OP_ULE : OP_ULT, to_i64(L, i, n->b->ty), len);
    if (i.kind == V_INT)
        return ptr_off(L, base, i.i * et->size);
    Val off = to_i64(L, i, n->b->ty);
    if (et->size != 1)
        off = emit2(L, OP_MUL, T_I64, off, ir_int(T_I64, et->size));
    return emit2(L, OP_PTRADD, T_VOID, base, off);
}

static Val addr(Lower *L, Node *n)
{
    switch (n->kind) {
    case N_IDENT:
        if (n->var->sym)
            return ir_symval(L->m, n->var->sym, 0);   /* a global */
        if (!n->var->in_mem)
            die("address of a register variable %s", n->name);
        return V(L, n->var->vreg);
    case N_INDEX:
        return index_addr(L, n);
    case N_FIELD:
        return ptr_off(L, base_addr(L, n->a), n->field->off);
    case N_UNARY:
        if (n->op == TK_STAR)
            return rval(L, n->a);
        break;
    default:
        break;
    }
    /* an rvalue aggregate: its value is its address */
    if (ty_is_agg(n->ty))
        return rval(L, n);
    die("not an lvalue (kind %d)", n->kind);
}

/* n = v */
static void assign(Lower *L, Node *n, Val v)
{
    if (n->kind == N_IDENT && !n->var->in_mem && !n->var->sym) {
        ir_emit(L->m, cur(L), OP_COPY, irt(n->ty), n->var->vreg, 1, v);
        return;
    }
    store(L, addr(L, n), v, n->ty);
}

/* --- expressions ----------------------------------------------------------- */
static Op arith_op(TokKind op, Ty *t)
{
    int f = t->kind == TY_FLOAT, s = t->kind == TY_INT && t->sign;
    switch (op) {
    case TK_PLUS: return f ? OP_FADD : OP_ADD;
    case TK_MINUS: return f ? OP_FSUB : OP_SUB;
    case TK_STAR: return f ? OP_FMUL : OP_MUL;
    case TK_SLASH: return f ? OP_FDIV : s ? OP_SDIV : OP_UDIV;
    case TK_PERCENT: return s ? OP_SREM : OP_UREM;
    case TK_AMP: return OP_AND;
    case TK_PIPE: return OP_OR;
    case TK_CARET: return OP_XOR;
    case TK_SHL: return OP_SHL;
    case TK_SHR: return s ? OP_ASHR : OP_LSHR;
    case TK_EQEQ: return f ? OP_FOEQ : OP_EQ;
    case TK_NE: return f ? OP_FUNE : OP_NE;
    case TK_LT: return f ? OP_FOLT : s ? OP_SLT : OP_ULT;
    case TK_LE: return f ? OP_FOLE : s ? OP_SLE : OP_ULE;
    case TK_GT: return f ? OP_FOGT : s ? OP_SGT : OP_UGT;
    case TK_GE: return f ? OP_FOGE : s ? OP_SGE : OP_UGE;
    default: die("binary operator %d", op);
    }
}

/* a op b where a has type t (b: t, or an integer offset for pointers). */
static Val binop(Lower *L, TokKind op, Ty *t, Val a, Val b, Ty *bt)
{
    if (t->kind == TY_PTR && (op == TK_PLUS || op == TK_MINUS) && bt->kind != TY_PTR && bt->kind != TY_NULL) {
        int64_t size = t->base->size;
        if (b.kind == V_INT)
            return ptr_off(L, a, (op == TK_MINUS ? -b.i : b.i) * size);
        Val off = to_i64(L, b, bt);
        if (size != 1)
            off = emit2(L, OP_MUL, T_I64, off, ir_int(T_I64, size));
        if (op == TK_MINUS)
            off = emit1(L, OP_NEG, T_I64, off);
        return emit2(L, OP_PTRADD, T_VOID, a, off);
    }
    if (t->kind == TY_PTR && op == TK_MINUS) {
        Val d = emit2(L, OP_SUB, T_I64, to_i64(L, a, t), to_i64(L, b, t));
        return t->base->size > 1 ? emit2(L, OP_SDIV, T_I64, d, ir_int(T_I64, t->base->size)) : d;
    }
    Type it = irt(t);
    if (t->kind == TY_PTR || t->kind == TY_NULL) {
        Op o = op == TK_EQEQ ? OP_EQ : op == TK_NE ? OP_NE : op == TK_LT ? OP_ULT : op == TK_LE ? OP_ULE
             : op == TK_GT ? OP_UGT : OP_UGE;
        return emit2(L, o, T_PTR, a, b);
    }
    return emit2(L, arith_op(op, t), it, a, b);
}

/* a && b, a || b, with a's value already computed */
static Val logical(Lower *L, Node *n, Val a)
{
    int r = tmp(L, T_I8);
    ir_emit(L->m, cur(L), OP_COPY, T_I8, r, 1, a);
    Block *rhs = new_block(L, n->op == TK_ANDAND ? "and" : "or"), *done = new_block(L, "done");
    if (n->op == TK_ANDAND)
        br(L, V(L, r), rhs, done);
    else
        br(L, V(L, r), done, rhs);
    L->b = rhs;
    Val b = rval(L, n->b);
    ir_emit(L->m, cur(L), OP_COPY, T_I8, r, 1, b);
    jmp(L, done);
    L->b = done;
    return V(L, r);
}

/* Branch on the condition c: to t when true, to f when false.  && and ||
 * (and !) become control flow, so each comparison feeds its own branch
 * (isel fuses the two) instead of going through a byte.  Past COND_DEPTH
 * nested operators the rest is lowered as a value (chain() walks a long
 * chain without recursion): the front end must not recurse without bound
 * on its input. */
enum { COND_DEPTH = 64 };
static void cond_br(Lower *L, Node *c, Block *t, Block *f, int depth)
{
    if (depth < COND_DEPTH && !c->konst && c->kind == N_BINARY &&
        (c->op == TK_ANDAND || c->op == TK_OROR)) {
        Block *mid = new_block(L, c->op == TK_ANDAND ? "and" : "or");
        if (c->op == TK_ANDAND)
            cond_br(L, c->a, mid, f, depth + 1);
        else
            cond_br(L, c->a, t, mid, depth + 1);
        L->b = mid;
        cond_br(L, c->b, t, f, depth + 1);
        return;
    }
    if (depth < COND_DEPTH && !c->konst && c->kind == N_UNARY && c->op == TK_BANG) {
        cond_br(L, c->a, f, t, depth + 1);
        return;
    }
    br(L, rval(L, c), t, f);
}

/* ++x, --x, x++, x-- */
static Val incdec(Lower *L, Node *n)
{
    Node *a = n->a;
    Ty *t = a->ty;
    Val one = ir_int(T_I64, 1);
    Ty one_ty = {.kind = TY_INT, .size = 8, .sign = 1};
    Val p = {0}, old;
    int inreg = a->kind == N_IDENT && !a->var->in_mem && !a->var->sym;
    if (inreg) {
        old = V(L, a->var->vreg);
    } else {
        p = addr(L, a);
        old = load(L, p, t);
    }
    if (t->kind != TY_PTR)
        one = ir_int(irt(t), 1);
    /* the old value must survive the update of a register variable */
    if (inreg && n->kind == N_POSTINC) {
        int c = tmp(L, irt(t));
        ir_emit(L->m, cur(L), OP_COPY, irt(t), c, 1, old);
        old = V(L, c);
    }
    Val nv = binop(L, n->op == TK_INC ? TK_PLUS : TK_MINUS, t, old, one, t->kind == TY_PTR ? &one_ty : t);
    if (inreg)
        ir_emit(L->m, cur(L), OP_COPY, irt(t), a->var->vreg, 1, nv);
    else
        store(L, p, nv, t);
    return n->kind == N_POSTINC ? old : nv;
}

static Val cast(Lower *L, Val v, Ty *from, Ty *to)
{
    Type ft = irt(from), tt = irt(to);
    if (to->kind == TY_INT && (from->kind == TY_INT || from->kind == TY_BOOL))
        return int_conv(L, v, ft, from->kind == TY_INT && from->sign, tt);
    if (to->kind == TY_FLOAT && from->kind == TY_INT)
        return emit1(L, from->sign ? OP_SITOF : OP_UITOF, tt, v);
    if (to->kind == TY_INT && from->kind == TY_FLOAT)
        return emit1(L, to->sign ? OP_FTOSI : OP_FTOUI, tt, v);
    if (to->kind == TY_FLOAT && from->kind == TY_FLOAT)
        return ft == tt ? v : emit1(L, ft < tt ? OP_FEXT : OP_FTRUNC, tt, v);
    if (to->kind == TY_INT && from->kind == TY_PTR)
        return int_conv(L, to_i64(L, v, from), T_I64, 0, tt);
    if (to->kind == TY_PTR && from->kind == TY_INT) {
        if (v.kind == V_INT && v.i == 0)
            return ir_int(T_PTR, 0);
        Val w = int_conv(L, v, ft, from->sign, T_I64);
        return emit1(L, OP_BITCAST, T_PTR, w);
    }
    return v;   /* pointer to pointer, same type */
}

/* Arguments for a call: ptys are the callee's parameter types. */
static int lower_args(Lower *L, Node **args, int nargs, Ty **ptys, int np, int variadic, Val *out)
{
    int k = 0;
    for (int i = 0; i < nargs; i++) {
        if (i == np && variadic)
            out[k++] = ir_vararg();
        Ty *t = args[i]->ty;
        Val v = rval(L, args[i]);
        if (i < np) {
            Ty *pt = ptys[i];
            out[k++] = ty_is_agg(pt) ? ir_agg(v, agg_of(L, pt)) : v;
            continue;
        }
        /* C's default promotions */
        if (t->kind == TY_FLOAT && t->size == 4)
            v = emit1(L, OP_FEXT, T_F64, v);
        else if ((t->kind == TY_INT && t->size < 4) || t->kind == TY_BOOL)
            v = int_conv(L, v, irt(t), t->kind == TY_INT && t->sign, T_I32);
        out[k++] = v;
    }
    if (variadic && nargs == np)
        out[k++] = ir_vararg();
    return k;
}

/* spawn callee(args) for node n: its handle, or nothing when n is an
 * expression statement (the handle is dropped: a detached task). */
static Val spawn_task(Lower *L, Node *n, Val callee, int nargs, Val *args)
{
    int d = n == L->dropped ? -1 : tmp(L, T_PTR);
    ir_emit_call(L->m, cur(L), OP_SPAWN, T_VOID, 0, d, callee, nargs, args);
    return d >= 0 ? V(L, d) : (Val){0};
}

/* Call callee (a symbol or a function value) with args[0..k-1] for node
 * n; spawn: start a task instead (spawn_task). */
static Val emit_call(Lower *L, Node *n, Val callee, int k, Val *args, Ty *rt, int spawn)
{
    if (spawn)
        return spawn_task(L, n, callee, k, args);
    int agg = agg_of(L, rt);
    int d = rt->kind == TY_VOID ? -1 : tmp(L, agg ? T_PTR : irt(rt));
    ir_emit_call(L->m, cur(L), OP_CALL, irt(rt), agg, d, callee, k, args);
    return d >= 0 ? V(L, d) : (Val){0};
}

/* The address of function fd, a value of function type. */
static Val func_addr(Lower *L, FuncDecl *fd, int line)
{
    Val callee = ir_symval(L->m, fd->sym, 0);
    Sym *cs = &L->m->syms[callee.sym];
    if (!fd->body && !cs->callline && L->fd->file) {   /* where a link error names it */
        cs->callfile = ir_strdup(L->m, L->fd->file->path, strlen(L->fd->file->path));
        cs->callline = line;
    }
    return callee;
}

/* A call through a function value: a null value stops the program in
 * arc_rt_null_call (a runtime error with a backtrace from the caller),
 * not in a jump to address 0. */
static Val call_value(Lower *L, Node *n)
{
    Ty *ft = n->a->ty;
    Val fp = rval(L, n->a);
    if (fp.kind != V_VREG) {
        int c = tmp(L, T_PTR);
        ir_emit(L->m, cur(L), OP_COPY, T_PTR, c, 1, fp);
        fp = V(L, c);
    }
    Block *bad = new_block(L, "nullcall"), *ok = new_block(L, "call");
    br(L, emit2(L, OP_EQ, T_PTR, fp, ir_int(T_PTR, 0)), bad, ok);
    L->b = bad;
    ir_emit_call(L->m, cur(L), OP_CALL, T_VOID, 0, -1, ir_symval(L->m, "arc_rt_null_call", 0), 0, NULL);
    ir_emit(L->m, cur(L), OP_UNREACHABLE, T_VOID, -1, 0);
    L->b = ok;
    Val *args = fe_alloc(L->fe, sizeof(Val) * (size_t)(n->nlist + 2));
    int k = lower_args(L, n->list, n->nlist, ft->ptys, ft->nptys, ft->variadic, args);
    return emit_call(L, n, fp, k, args, ft->base, ft->async);
}

/* A function the C layer (`namespace c`) defines under symbol or C name
 * name, or NULL. */
static FuncDecl *c_layer_func(Lower *L, const char *name, int bycname)
{
    Program *g = &L->fe->prog;
    for (int i = 0; i < g->nfuncs; i++) {
        FuncDecl *f = g->funcs[i];
        const char *s = bycname ? f->cname : f->sym;
        if (f->body && f->state == 2 && s && !strcmp(s, name))
            return f->file && f->file->clayer ? f : NULL;
    }
    return NULL;
}

/* The C layer's no-float twin for a call n of printf-family function fd
 * (stdlib_arc/libc.arc, "the C functions": printf and _printf_nf, ...),
 * when the format is a string literal that converts no float (%f %e %g
 * %a, any case) and no argument is a float: the twin formats alike but
 * references no float formatting, so a program that never formats a
 * float links none of it.  NULL: call fd itself (also when the program
 * defines the function itself). */
static FuncDecl *nofloat_twin(Lower *L, FuncDecl *fd, Node *n)
{
    static const struct { const char *name, *twin; int fmt; } fam[] = {
        {"printf", "_printf_nf", 0}, {"fprintf", "_fprintf_nf", 1}, {"dprintf", "_dprintf_nf", 1},
        {"sprintf", "_sprintf_nf", 1}, {"snprintf", "_snprintf_nf", 2},
    };
    int i = 0;
    while (i < countof(fam) && (!fd->sym || strcmp(fd->sym, fam[i].name)))
        i++;
    if (i == countof(fam) || n->method || n->nlist <= fam[i].fmt || n->list[fam[i].fmt]->kind != N_STR ||
        !c_layer_func(L, fd->sym, 0))
        return NULL;
    for (int j = 0; j < n->nlist; j++)
        if (n->list[j]->ty && n->list[j]->ty->kind == TY_FLOAT)
            return NULL;
    for (const char *p = n->list[fam[i].fmt]->str; *p; p++) {
        if (*p != '%')
            continue;
        p += strspn(p + 1, "-+ #0") + 1;
        p += strspn(p, "0123456789*");
        if (*p == '.')
            p += strspn(p + 1, "0123456789*") + 1;
        p += strspn(p, "hlLqjzt");
        if (!*p)
            break;
        if (strchr("fFeEgGaA", *p))
            return NULL;
    }
    return c_layer_func(L, fam[i].twin, 1);
}

/* One conversion of a literal printf format, from its '%' to its
 * letter: spec is the width | the flags (bit 16 + the index of the flag in
 * "-+ #0": _PF_MINUS... in stdlib_arc/libc.arc), prec the precision (-1:
 * none), wide a length l ll z j t (l alone is allowed on a float), bad a
 * form the pieces do not print ('*', hh, h, L, a width or precision over
 * 0xffff, a precision but on a float, a flag or width on %% c p, a flag but
 * - on s). */
typedef struct {
    int spec, prec, wide, bad;
    char conv;
} PfConv;

static const char *pf_conv(const char *p, PfConv *c)
{
    static const char flags[] = "-+ #0";
    *c = (PfConv){0};
    for (p++; *p && strchr(flags, *p); p++)
        c->spec |= 0x10000 << (strchr(flags, *p) - flags);
    int w = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        w = w > 0xffff ? w : w * 10 + (*p - '0');
    c->spec |= w & 0xffff;
    c->prec = -1;
    if (*p == '.')
        for (c->prec = 0, p++; *p >= '0' && *p <= '9'; p++)
            c->prec = c->prec > 0xffff ? c->prec : c->prec * 10 + (*p - '0');
    int l = *p == 'l' && p[1] != 'l';   /* %lf is %f */
    c->wide = *p == 'l' || *p == 'z' || *p == 'j' || *p == 't';
    p += c->wide + (*p == 'l' && p[1] == 'l');
    c->conv = *p;
    int flt = *p && strchr("fFeEgG", *p);
    c->bad = !*p || w > 0xffff || c->prec > 0xffff ||
             (*p == '%' ? c->spec || c->wide || c->prec >= 0 : !strchr("diuxXocspfFeEgG", *p)) ||
             (c->wide && !strchr("diuxXo", *p) && !(flt && l)) || (c->spec && strchr("cp", *p)) ||
             (c->prec >= 0 && !flt) || (*p == 's' && c->spec & ~0x1ffff);
    return *p ? p + 1 : p;
}

/* printf(LITERAL, ...), fprintf(f, LITERAL, ...) or dprintf(fd, LITERAL,
 * ...) for call n of fd,
 * arguments already in args (the "..." marker after the format), lowered
 * to the C layer's pieces (stdlib_arc/libc.arc, "printf with a literal
 * format") when pf_conv takes every conversion and each argument is an
 * integer of the conversion's size (a pointer for s and p, a float for
 * f F e E g G).  The output
 * and the result are _format's; the pieces run after every argument is
 * evaluated, with the FILE locked, as _vfprintf runs.  A call whose result
 * goes unused (an expression statement) ends in _funlock instead of
 * _pf_end and sums no counts.  0: not specialised (call fd). */
static int printf_pieces(Lower *L, FuncDecl *fd, Node *n, Val *args, Val *res)
{
    int fi = !fd->sym                      ? -1
             : !strcmp(fd->sym, "printf")  ? 0
             : !strcmp(fd->sym, "fprintf") ? 1
             : !strcmp(fd->sym, "dprintf") ? 2
                                           : -1;
    int dfd = fi == 2;   /* dprintf: the FILE is _pf_dopen's, in this frame */
    fi -= dfd;
    if (fi < 0 || n->method || n->nlist <= fi || n->list[fi]->kind != N_STR || args[fi].kind != V_SYM ||
        !c_layer_func(L, fd->sym, 0))
        return 0;
    const char *fmt = n->list[fi]->str;
    int na = n->nlist - fi - 1, ai = 0;
    PfConv c;
    for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
        p = pf_conv(p, &c);
        if (c.bad)
            return 0;
        if (c.conv == '%')
            continue;
        if (ai == na)
            return 0;
        Ty *t = n->list[fi + 1 + ai++]->ty;
        if (strchr("fFeEgG", c.conv) ? t->kind != TY_FLOAT
            : c.conv == 's' || c.conv == 'p'
                ? t->kind != TY_PTR
                : !(t->kind == TY_INT || t->kind == TY_BOOL) || (t->size == 8) != c.wide)
            return 0;
    }
    static const char *const names[] = {"_flock",  "_fput",    "_pf_int", "_pf_c",     "_pf_s",
                                        "_pf_end", "_pf_intw", "_pf_sw",  "_pf_float", "_pf_dopen",
                                        "_funlock"};
    FuncDecl *fn[countof(names)];
    for (int i = 0; i < countof(names); i++)
        if (!(fn[i] = c_layer_func(L, names[i], 1)))
            return 0;
    Val f = fi ? args[0] : emit1(L, OP_LOAD, T_PTR, ir_symval(L->m, "stdout", 0));
    if (dfd) {
        Val d[2] = {args[0], slot(L, fn[9]->ptys[1]->base)};
        f = emit_call(L, n, func_addr(L, fn[9], n->line), 2, d, fn[9]->rty, 0);
    }
    if (f.kind != V_VREG && f.kind != V_SYM) {
        int t = tmp(L, T_PTR);
        ir_emit(L->m, cur(L), OP_COPY, T_PTR, t, 1, f);
        f = V(L, t);
    }
    Val fv = args[fi], a[5] = {f};
    Val total = ir_int(T_I32, 0);
    ai = 0;
    emit_call(L, n, func_addr(L, fn[0], n->line), 1, a, fn[0]->rty, 0);
    for (const char *p = fmt, *run = fmt;;) {
        const char *q = strchr(p, '%');
        const char *next = q ? pf_conv(q, &c) : NULL;
        int64_t len = (q ? q : p + strlen(p)) - run + (q && c.conv == '%');   /* "%%": the run takes one '%' */
        if (len) {
            a[1] = fv, a[1].i += run - fmt, a[2] = ir_int(T_I64, len);
            emit_call(L, n, func_addr(L, fn[1], n->line), 3, a, fn[1]->rty, 0);
            total = emit2(L, OP_ADD, T_I32, total, ir_int(T_I32, len));
        }
        if (!q)
            break;
        p = run = next;
        if (c.conv == '%')
            continue;
        Node *an = n->list[fi + 1 + ai];
        Val v = args[fi + 2 + ai++];
        int sign = c.conv == 'd' || c.conv == 'i';
        int flt = strchr("fFeEgG", c.conv) != NULL;
        FuncDecl *piece = flt            ? fn[8]
                          : c.conv == 'c' ? fn[3]
                          : c.conv == 's' ? fn[c.spec ? 7 : 4]
                                          : fn[c.spec ? 6 : 2];
        int k = 2;
        a[1] = v;
        if (piece == fn[2] || piece == fn[6]) {   /* an integer: 64 bits */
            a[1] = c.wide || c.conv == 'p' ? to_i64(L, v, an->ty)
                   : v.kind == V_INT      ? ir_int(T_I64, sign ? (int64_t)(int32_t)v.i : (int64_t)(uint32_t)v.i)
                                          : int_conv(L, v, T_I32, sign, T_I64);
        }
        if (flt || piece == fn[2] || piece == fn[6])
            a[k++] = ir_int(T_I8, sign ? 'd' : c.conv);
        if (c.spec || flt)
            a[k++] = ir_int(T_I32, c.spec);
        if (flt)
            a[k++] = ir_int(T_I32, c.prec);
        Val r = emit_call(L, n, func_addr(L, piece, n->line), k, a, piece->rty, 0);
        total = emit2(L, OP_ADD, T_I32, total, piece == fn[3] ? ir_int(T_I32, 1) : r);
    }
    if (n == L->dropped) {   /* the result goes unused: no count, no _pf_end */
        emit_call(L, n, func_addr(L, fn[10], n->line), 1, a, fn[10]->rty, 0);
        *res = ir_int(T_I32, 0);
        return 1;
    }
    a[1] = total;
    *res = emit_call(L, n, func_addr(L, fn[5], n->line), 2, a, fn[5]->rty, 0);
    return 1;
}

static Val call(Lower *L, Node *n, int spawn)
{
    FuncDecl *fd = n->fn;
    if (!fd)
        return call_value(L, n);
    Val *args = fe_alloc(L->fe, sizeof(Val) * (size_t)(n->nlist + 3));
    int k = 0, skip = 0;
    if (n->method) {
        Node *recv = n->a->a;
        Ty *rt = fd->ptys[0];
        Val r = n->method == 2 ? addr(L, recv) : rval(L, recv);
        args[k++] = ty_is_agg(rt) ? ir_agg(r, agg_of(L, rt)) : r;
        skip = 1;
    }
    k += lower_args(L, n->list, n->nlist, fd->ptys + skip, fd->nparams - skip, fd->variadic, args + k);
    Val res;
    if (!spawn && !fd->async && printf_pieces(L, fd, n, args + skip, &res))
        return res;
    FuncDecl *twin = spawn || fd->async ? NULL : nofloat_twin(L, fd, n);
    Val callee = func_addr(L, twin ? twin : fd, n->line);
    return emit_call(L, n, callee, k, args, fd->rty, spawn || fd->async);
}

static Val builtin(Lower *L, Node *n)
{
    Node **a = n->list;
    Val v[8];
    switch (n->builtin) {
    case BI_ALLOCA: {
        Ty *t = n->xty;
        Val size = ir_int(T_I64, t->size);
        if (n->nlist) {
            Val c = rval(L, a[0]);
            size = c.kind == V_INT ? ir_int(T_I64, c.i * t->size)
                                   : emit2(L, OP_MUL, T_I64, to_i64(L, c, a[0]->ty), ir_int(T_I64, t->size));
        }
        int64_t align = t->align < 16 ? 16 : t->align > 4096 ? 4096 : t->align;
        int d = tmp(L, T_PTR);
        ir_emit(L->m, cur(L), OP_ALLOCA, T_VOID, d, 2, size, ir_int(T_I64, align));
        return V(L, d);
    }
    case BI_MEMCPY:
    case BI_MEMCMP:
        v[0] = rval(L, a[0]);
        v[1] = rval(L, a[1]);
        v[2] = to_i64(L, rval(L, a[2]), a[2]->ty);
        return intrin(L, n->builtin == BI_MEMCPY ? IN_MEMCPY : IN_MEMCMP, n->builtin == BI_MEMCPY ? T_VOID : T_I32,
                      3, v);
    case BI_MEMSET:
        v[0] = rval(L, a[0]);
        v[1] = int_conv(L, rval(L, a[1]), T_I8, 0, T_I32);
        v[2] = to_i64(L, rval(L, a[2]), a[2]->ty);
        return intrin(L, IN_MEMSET, T_VOID, 3, v);
    case BI_STRLEN:
        v[0] = rval(L, a[0]);
        return intrin(L, IN_STRLEN, T_I64, 1, v);
    case BI_SQRT:
        return emit1(L, OP_FSQRT, irt(n->ty), rval(L, a[0]));
    case BI_ATOMIC_ADD:
    case BI_ATOMIC_LOAD:
    case BI_ATOMIC_STORE:
    case BI_ATOMIC_CAS: {
        /* a pointer operand travels as an i64 */
        Ty *t = a[0]->ty->base;
        int wide = t->size == 8;
        Type it = wide ? T_I64 : T_I32;
        v[0] = rval(L, a[0]);
        for (int i = 1; i < n->nlist; i++) {
            v[i] = rval(L, a[i]);
            if (t->kind == TY_PTR)
                v[i] = to_i64(L, v[i], t);
        }
        static const Intrin ids[][2] = {
            {IN_ATOMIC_ADD32, IN_ATOMIC_ADD64}, {IN_ATOMIC_LOAD32, IN_ATOMIC_LOAD64},
            {IN_ATOMIC_STORE32, IN_ATOMIC_STORE64}, {IN_ATOMIC_CAS32, IN_ATOMIC_CAS64}};
        Intrin id = ids[n->builtin - BI_ATOMIC_ADD][wide];
        if (n->builtin == BI_ATOMIC_STORE)
            return intrin(L, id, T_VOID, 2, v);
        Val r = intrin(L, id, it, n->nlist, v);
        if (n->builtin == BI_ATOMIC_CAS)   /* swapped: the old value was the expected one */
            return emit2(L, OP_EQ, it, r, v[1]);
        return t->kind == TY_PTR ? emit1(L, OP_BITCAST, T_PTR, r) : r;
    }
    case BI_DELETE:
        v[0] = rval(L, a[0]);
        if (a[0]->ty->kind == TY_SLICE)
            v[0] = emit1(L, OP_LOAD, T_PTR, v[0]);
        ir_emit_call(L->m, cur(L), OP_CALL, T_VOID, 0, -1, ir_symval(L->m, "arc_free", 0), 1, v);
        return (Val){0};
    case BI_LEN:   /* an array's is a constant (rval folds it) */
        v[0] = rval(L, a[0]);
        return a[0]->ty->kind == TY_SLICE ? slice_len(L, v[0]) : intrin(L, IN_STRLEN, T_I64, 1, v);
    case BI_SYSCALL:
        for (int i = 0; i < n->nlist; i++) {
            Ty *t = a[i]->ty;
            Val x = rval(L, a[i]);
            v[i] = t->kind == TY_BOOL ? int_conv(L, x, T_I8, 0, T_I64) : to_i64(L, x, t);
        }
        return intrin(L, IN_SYSCALL, T_I64, n->nlist, v);
    case BI_MEMPTR: {
        Ty *t = a[0]->ty;
        Val x = rval(L, a[0]);
        return t->kind == TY_PTR ? x : cast(L, x, t, n->ty);
    }
    case BI_CPUID: {
        Val p = slot(L, n->ty);
        v[0] = p;
        v[1] = rval(L, a[0]);
        v[2] = rval(L, a[1]);
        intrin(L, IN_CPUID, T_VOID, 3, v);
        return p;
    }
    case BI_VA_START: {
        /* the SysV va_list: 24 bytes the function owns */
        Ty list = {.kind = TY_ARRAY, .size = 24, .align = 8};
        Val p = slot(L, &list);
        intrin(L, IN_VA_START, T_VOID, 1, &p);
        return p;
    }
    case BI_VA_ARG: {
        /* what C's default promotions made of the argument */
        Ty *t = n->xty;
        v[0] = rval(L, a[0]);
        if (t->kind == TY_FLOAT && t->size == 4)
            return emit1(L, OP_FTRUNC, T_F32, intrin(L, IN_VA_ARG, T_F64, 1, v));
        if (t->kind == TY_BOOL || (t->kind == TY_INT && t->size < 4))
            return int_conv(L, intrin(L, IN_VA_ARG, T_I32, 1, v), T_I32, 0, irt(t));
        return intrin(L, IN_VA_ARG, irt(t), 1, v);
    }
    case BI_VA_END:
        v[0] = rval(L, a[0]);
        return intrin(L, IN_VA_END, T_VOID, 1, v);
    case BI_RDTSC:
        return intrin(L, IN_RDTSC, T_I64, 0, v);
    case BI_PAUSE:
        return intrin(L, IN_PAUSE, T_VOID, 0, v);
    default:
        die("builtin %d", n->builtin);
    }
}

/* A struct or array literal in a fresh frame slot. */
static Val literal(Lower *L, Node *n)
{
    Ty *t = n->ty;
    Val p = slot(L, t);
    zero_bytes(L, p, t->size);
    for (int i = 0; i < n->nlist; i++) {
        int64_t off;
        Ty *et;
        if (n->kind == N_SLIT) {
            SField *f = NULL;
            for (int j = 0; j < t->nfields; j++)
                if (!strcmp(t->fields[j].name, n->names[i]))
                    f = &t->fields[j];
            off = f->off;
            et = f->ty;
        } else if (t->kind == TY_ARRAY) {
            off = i * t->base->size;
            et = t->base;
        } else {
            off = t->fields[i].off;
            et = t->fields[i].ty;
        }
        store(L, ptr_off(L, p, off), rval(L, n->list[i]), et);
    }
    return p;
}

/* Two strings' contents are equal (i8 0 or 1); the same address is
 * equal, and null equals only null.
 *   r = 1 if a == b; r = 0 if a or b is null
 *   each: ca = a[i], cb = b[i]; r = 0 if ca != cb; r = 1 if ca == 0; i++ */
static Val str_eq(Lower *L, Val a, Val b)
{
    int r = tmp(L, T_I8), i = tmp(L, T_I64);
    Block *yes = new_block(L, "streq"), *no = new_block(L, "strne"), *done = new_block(L, "strcmp");
    Block *nulls = new_block(L, "strnull"), *nullb = new_block(L, "strnull"), *each = new_block(L, "strbyte"),
          *same = new_block(L, "strsame"), *inc = new_block(L, "strnext");
    br(L, emit2(L, OP_EQ, T_PTR, a, b), yes, nulls);
    L->b = nulls;
    br(L, emit2(L, OP_EQ, T_PTR, a, ir_int(T_PTR, 0)), no, nullb);
    L->b = nullb;
    ir_emit(L->m, cur(L), OP_COPY, T_I64, i, 1, ir_int(T_I64, 0));
    br(L, emit2(L, OP_EQ, T_PTR, b, ir_int(T_PTR, 0)), no, each);
    L->b = each;
    Val ca = emit1(L, OP_LOADU8, T_I32, emit2(L, OP_PTRADD, T_VOID, a, V(L, i)));
    Val cb = emit1(L, OP_LOADU8, T_I32, emit2(L, OP_PTRADD, T_VOID, b, V(L, i)));
    br(L, emit2(L, OP_NE, T_I32, ca, cb), no, same);
    L->b = same;
    br(L, emit2(L, OP_EQ, T_I32, ca, ir_int(T_I32, 0)), yes, inc);
    L->b = inc;
    ir_emit(L->m, cur(L), OP_ADD, T_I64, i, 2, V(L, i), ir_int(T_I64, 1));
    jmp(L, each);
    L->b = yes;
    ir_emit(L->m, cur(L), OP_COPY, T_I8, r, 1, ir_int(T_I8, 1));
    jmp(L, done);
    L->b = no;
    ir_emit(L->m, cur(L), OP_COPY, T_I8, r, 1, ir_int(T_I8, 0));
    jmp(L, done);
    L->b = done;
    return V(L, r);
}

/* An operator chain a + b + c ... (left-deep, any length: parse.c) in a
 * loop from its innermost left operand up, so that the recursion goes no
 * deeper than the right operands. */
static Val chain(Lower *L, Node *n)
{
    int k = 1;
    Node *a = n->a;
    for (; a->kind == N_BINARY && !a->konst; a = a->a)
        k++;
    Node **spine = xmalloc(sizeof *spine * (size_t)k);
    k = 0;
    for (Node *x = n; x != a; x = x->a)
        spine[k++] = x;
    Val v = rval(L, a);
    while (k--) {
        Node *x = spine[k];
        if (x->op == TK_ANDAND || x->op == TK_OROR) {
            v = logical(L, x, v);
        } else {
            Val b = rval(L, x->b);
            if (x->checked) {   /* two strings' contents */
                Val eq = str_eq(L, v, b);
                v = x->op == TK_EQEQ ? eq : emit2(L, OP_XOR, T_I8, eq, ir_int(T_I8, 1));
            } else {
                v = binop(L, x->op, x->a->ty, v, b, x->b->ty);
            }
        }
    }
    free(spine);
    return v;
}

static Val rval(Lower *L, Node *n)
{
    if (n->konst && n->ty->kind != TY_ERR && !ty_is_agg(n->ty))
        return konst(L, n);
    switch (n->kind) {
    case N_NULL:
        return ir_int(T_PTR, 0);
    case N_IDENT: {
        Var *v = n->var;
        if (!v)
            return func_addr(L, n->fn, n->line);
        if (v->in_mem || v->sym)
            return load(L, addr(L, n), n->ty);
        return V(L, v->vreg);
    }
    case N_UNARY:
        switch (n->op) {
        case TK_MINUS: {
            Val a = rval(L, n->a);
            return emit1(L, n->ty->kind == TY_FLOAT ? OP_FNEG : OP_NEG, irt(n->ty), a);
        }
        case TK_BANG:
            return emit2(L, OP_XOR, T_I8, rval(L, n->a), ir_int(T_I8, 1));
        case TK_TILDE:
            return emit1(L, OP_NOT, irt(n->ty), rval(L, n->a));
        case TK_AMP:
            return addr(L, n->a);
        case TK_STAR:
            return load(L, rval(L, n->a), n->ty);
        default:
            break;
        }
        break;
    case N_BINARY:
        return chain(L, n);
    case N_PREINC:
    case N_POSTINC:
        return incdec(L, n);
    case N_CALL:
        return n->builtin ? builtin(L, n) : call(L, n, 0);
    case N_INDEX:
    case N_FIELD:
        return load(L, addr(L, n), n->ty);
    case N_SLICE:
        return slice_expr(L, n);
    case N_CAST: {
        Val v = rval(L, n->a);
        return cast(L, v, n->a->ty, n->ty);
    }
    case N_BITCAST: {
        Val v = rval(L, n->a);
        Type ft = irt(n->a->ty), tt = irt(n->ty);
        return ft == tt ? v : emit1(L, OP_BITCAST, tt, v);
    }
    case N_AWAIT: {
        Val h = rval(L, n->a);
        if (h.kind != V_VREG) {
            int c = tmp(L, T_PTR);
            ir_emit(L->m, cur(L), OP_COPY, T_PTR, c, 1, h);
            h = V(L, c);
        }
        Ty *t = n->ty;
        int agg = agg_of(L, t);
        int d = t->kind == TY_VOID ? -1 : tmp(L, agg ? T_PTR : irt(t));
        Inst *in = ir_emit(L->m, cur(L), OP_AWAIT, agg ? T_PTR : irt(t), d, 1, h);
        in->agg = agg;
        return d >= 0 ? V(L, d) : (Val){0};
    }
    case N_ZLIT:
        if (!ty_is_agg(n->ty))
            return n->ty->kind == TY_FLOAT ? ir_flt(irt(n->ty), 0) : ir_int(irt(n->ty), 0);
        return literal(L, n);
    case N_SLIT:
        return literal(L, n);
    case N_TUPLE: {
        Ty *t = n->ty;
        Val p = slot(L, t);
        for (int i = 0; i < n->nlist; i++)
            store(L, ptr_off(L, p, t->fields[i].off), rval(L, n->list[i]), t->fields[i].ty);
        return p;
    }
    case N_FUNCLIT:
        return ir_symval(L->m, n->fn->sym, 0);
    case N_NEW:
        return new_expr(L, n);
    case N_PROCESS: {
        FuncDecl *fd = n->fn;
        Val *args = fe_alloc(L->fe, sizeof(Val) * (size_t)(n->nlist + 1));
        int k = lower_args(L, n->list, n->nlist, fd->ptys, fd->nparams, 0, args);
        return spawn_task(L, n, ir_symval(L->m, fd->sym, 0), k, args);
    }
    default:
        break;
    }
    die("cannot lower expression kind %d", n->kind);
}

/* --- statements ------------------------------------------------------------ */

/* Storage for a new local. */
static void declare(Lower *L, Var *v)
{
    if (ty_is_agg(v->ty) || v->addr_taken) {
        v->in_mem = 1;
        v->vreg = slot(L, v->ty).vreg;
        return;
    }
    char name[80];
    snprintf(name, sizeof name, "%s", v->name);
    for (int i = 2; ir_find_vreg(L->f, name) >= 0; i++)
        snprintf(name, sizeof name, "%s.%d", v->name, i);
    v->vreg = ir_new_vreg(L->m, L->f, irt(v->ty), name);
}

/* Run the deferred calls from the top of the stack down to depth. */
static void run_defers(Lower *L, int depth)
{
    for (int i = L->ndefers - 1; i >= depth; i--) {
        Val v = rval(L, L->defers[i]);
        (void)v;
    }
}

static void block(Lower *L, Node *n)
{
    int mark = L->ndefers;
    for (int i = 0; i < n->nlist; i++)
        stmt(L, n->list[i]);
    if (L->b)
        run_defers(L, mark);
    L->ndefers = mark;
}

static void ret(Lower *L, Val v, int has)
{
    FuncDecl *fd = L->fd;
    Ty *rt = fd->rty;
    run_defers(L, 0);
    if (!strcmp(fd->sym, "main") && rt->kind == TY_VOID) {
        ir_emit(L->m, cur(L), OP_RET, T_I32, -1, 1, ir_int(T_I32, 0));
    } else if (!has || rt->kind == TY_VOID) {
        ir_emit(L->m, cur(L), OP_RET, T_VOID, -1, 0);
    } else {
        int agg = agg_of(L, rt);
        Inst *in = ir_emit(L->m, cur(L), OP_RET, agg ? T_PTR : irt(rt), -1, 1, agg ? ir_agg(v, agg) : v);
        in->agg = agg;
    }
    L->b = NULL;
}

static void push_target(Lower *L, Block *brk, Block *cont)
{
    if (L->ntargets >= countof(L->targets))
        die("loops nested too deeply");
    L->targets[L->ntargets++] = (Target){brk, cont, L->ndefers};
}

/* A loop's body: break goes to done, continue to post, where it ends
 * (L->b = post). */
static void loop_body(Lower *L, Node *body, Block *done, Block *post)
{
    push_target(L, done, post);
    block(L, body);
    L->ntargets--;
    jmp(L, post);
    L->b = post;
}

/* for [i,] x in a: a evaluated once; i counts 0..len, x = a[i] (copied) */
static void forin_each(Lower *L, Node *n)
{
    Ty *et = n->var->ty;
    Val len, base = elements(L, n->a, &len);
    if (base.kind != V_VREG) {
        int b = tmp(L, T_PTR);
        ir_emit(L->m, cur(L), OP_COPY, T_PTR, b, 1, base);
        base = V(L, b);
    }
    int iv = tmp(L, T_I64);
    ir_emit(L->m, cur(L), OP_COPY, T_I64, iv, 1, ir_int(T_I64, 0));
    Block *cond = new_block(L, "each"), *body = new_block(L, "body"), *post = new_block(L, "post"),
          *done = new_block(L, "endeach");
    jmp(L, cond);
    L->b = cond;
    br(L, emit2(L, OP_SLT, T_I64, V(L, iv), len), body, done);
    L->b = body;
    if (n->nnames) {
        declare(L, n->vars[0]);
        Node id = {.kind = N_IDENT, .ty = n->vars[0]->ty, .var = n->vars[0]};
        assign(L, &id, V(L, iv));
    }
    declare(L, n->var);
    Val off = emit2(L, OP_MUL, T_I64, V(L, iv), ir_int(T_I64, et->size));
    Node x = {.kind = N_IDENT, .ty = et, .var = n->var};
    assign(L, &x, load(L, emit2(L, OP_PTRADD, T_VOID, base, off), et));
    loop_body(L, n->d, done, post);
    ir_emit(L->m, cur(L), OP_ADD, T_I64, iv, 2, V(L, iv), ir_int(T_I64, 1));
    jmp(L, cond);
    L->b = done;
}

static void stmt(Lower *L, Node *n)
{
    switch (n->kind) {
    case N_BLOCK:
        block(L, n);
        break;
    case N_LET:
        if (n->vars) {
            Val p = rval(L, n->a);
            Ty *t = n->a->ty;
            for (int i = 0; i < n->nnames; i++) {
                declare(L, n->vars[i]);
                Node id = {.kind = N_IDENT, .ty = n->vars[i]->ty, .var = n->vars[i]};
                assign(L, &id, load(L, ptr_off(L, p, t->fields[i].off), t->fields[i].ty));
            }
            break;
        }
        if (n->var->konst && n->var->is_const && !ty_is_agg(n->var->ty))
            break;   /* a constant: its uses are folded */
        {
            Node *init = n->a;
            Val v = {0};
            int zero = init->kind == N_ZLIT && !init->nlist;
            if (!zero)
                v = rval(L, init);   /* before the name is visible */
            declare(L, n->var);
            Node id = {.kind = N_IDENT, .ty = n->var->ty, .var = n->var};
            if (zero && n->var->in_mem)
                zero_bytes(L, V(L, n->var->vreg), n->var->ty->size);
            else if (zero)
                assign(L, &id, n->var->ty->kind == TY_FLOAT ? ir_flt(irt(n->var->ty), 0) : ir_int(irt(n->var->ty), 0));
            else
                assign(L, &id, v);
        }
        break;
    case N_EXPR:
        L->dropped = n->a;
        rval(L, n->a);
        L->dropped = NULL;
        break;
    case N_ASSIGN: {
        if (n->op == TK_ASSIGN) {
            Val v = rval(L, n->b);
            assign(L, n->a, v);
            break;
        }
        TokKind op = tok_assign[n->op];
        Node *a = n->a;
        if (a->kind == N_IDENT && !a->var->in_mem && !a->var->sym) {
            Val b = rval(L, n->b);
            Val r = binop(L, op, a->ty, V(L, a->var->vreg), b, n->b->ty);
            ir_emit(L->m, cur(L), OP_COPY, irt(a->ty), a->var->vreg, 1, r);
        } else {
            Val p = addr(L, a);
            Val old = load(L, p, a->ty);
            Val b = rval(L, n->b);
            store(L, p, binop(L, op, a->ty, old, b, n->b->ty), a->ty);
        }
        break;
    }
    case N_IF: {
        Block *t = new_block(L, "then"), *e = n->c ? new_block(L, "else") : NULL, *done = new_block(L, "endif");
        cond_br(L, n->a, t, e ? e : done, 0);
        L->b = t;
        block(L, n->b);
        jmp(L, done);
        if (e) {
            L->b = e;
            stmt(L, n->c);
            jmp(L, done);
        }
        L->b = done;
        break;
    }
    case N_FOR: {
        int mark = L->ndefers;
        if (n->a)
            stmt(L, n->a);
        Block *cond = new_block(L, "for"), *body = new_block(L, "body"), *post = new_block(L, "post"),
              *done = new_block(L, "endfor");
        jmp(L, cond);
        L->b = cond;
        if (n->b)
            cond_br(L, n->b, body, done, 0);
        else
            jmp(L, body);
        L->b = body;
        loop_body(L, n->d, done, post);
        if (n->c)
            stmt(L, n->c);
        jmp(L, cond);
        L->b = done;
        L->ndefers = mark;
        break;
    }
    case N_FORIN: {
        if (!n->b) {
            forin_each(L, n);
            break;
        }
        Var *v = n->var;
        Ty *t = v->ty;
        Val lo = rval(L, n->a);
        Val hi = rval(L, n->b);
        if (hi.kind == V_VREG) {
            int c = tmp(L, irt(t));
            ir_emit(L->m, cur(L), OP_COPY, irt(t), c, 1, hi);
            hi = V(L, c);
        }
        declare(L, v);
        Node id = {.kind = N_IDENT, .ty = t, .var = v};
        assign(L, &id, lo);
        Block *cond = new_block(L, "range"), *body = new_block(L, "body"), *post = new_block(L, "post"),
              *done = new_block(L, "endrange");
        jmp(L, cond);
        L->b = cond;
        br(L, binop(L, TK_LT, t, rval(L, &id), hi, t), body, done);
        L->b = body;
        loop_body(L, n->d, done, post);
        assign(L, &id, binop(L, TK_PLUS, t, rval(L, &id), ir_int(irt(t), 1), t));
        jmp(L, cond);
        L->b = done;
        break;
    }
    case N_SWITCH: {
        Val tag = rval(L, n->a);
        Type tt = irt(n->a->ty);
        Block *done = new_block(L, "endswitch"), *dflt = done;
        int ncase = 0;
        for (int i = 0; i < n->nlist; i++)
            ncase += n->list[i]->nlist;
        Val *args = fe_alloc(L->fe, sizeof(Val) * (size_t)(2 + 2 * ncase));
        Block **bodies = fe_alloc(L->fe, sizeof(Block *) * (size_t)(n->nlist + 1));
        int k = 2;
        for (int i = 0; i < n->nlist; i++) {
            Node *cs = n->list[i];
            bodies[i] = new_block(L, cs->nlist ? "case" : "default");
            if (!cs->nlist)
                dflt = bodies[i];
            for (int j = 0; j < cs->nlist; j++) {
                args[k++] = ir_int(tt, (int64_t)cs->list[j]->ival);
                args[k++] = ir_blk(L->f, bodies[i]);
            }
        }
        args[0] = tag;
        args[1] = ir_blk(L->f, dflt);
        ir_emitv(L->m, cur(L), OP_SWITCH, tt, -1, k, args);
        L->b = NULL;
        push_target(L, done, L->ntargets ? L->targets[L->ntargets - 1].cont : NULL);
        for (int i = 0; i < n->nlist; i++) {
            L->b = bodies[i];
            block(L, n->list[i]->b);
            jmp(L, done);
        }
        L->ntargets--;
        L->b = done;
        break;
    }
    case N_RETURN: {
        Val v = n->a ? rval(L, n->a) : (Val){0};
        if (n->a && v.kind == V_VREG && !ty_is_agg(n->a->ty) && L->ndefers) {
            /* the deferred calls must not see a later assignment */
            int c = tmp(L, irt(n->a->ty));
            ir_emit(L->m, cur(L), OP_COPY, irt(n->a->ty), c, 1, v);
            v = V(L, c);
        }
        ret(L, v, n->a != NULL);
        break;
    }
    case N_BREAK:
    case N_CONTINUE: {
        /* the innermost loop (continue) or loop/switch (break) */
        int i = L->ntargets - 1;
        if (n->kind == N_CONTINUE)
            while (i >= 0 && !L->targets[i].cont)
                i--;
        if (i < 0)
            die("break/continue outside a loop");
        Target *t = &L->targets[i];
        int save = L->ndefers;
        run_defers(L, t->ndefers);
        L->ndefers = save;
        jmp(L, n->kind == N_BREAK ? t->brk : t->cont);
        break;
    }
    case N_DEFER:
        FE_PUSH(L->fe, L->defers, L->ndefers, L->capdefers, n->a);
        break;
    case N_YIELD:
        ir_emit(L->m, cur(L), OP_YIELD, T_VOID, -1, 0);
        break;
    default:
        die("cannot lower statement kind %d", n->kind);
    }
}

/* --- functions ------------------------------------------------------------- */
static void lower_func(Lower *L, FuncDecl *fd)
{
    Ty *rt = fd->rty;
    int ismain = !strcmp(fd->sym, "main");
    Type rtype = ismain && rt->kind == TY_VOID ? T_I32 : irt(rt);
    int retagg = agg_of(L, rt);
    if (!fd->body) {
        Func *d = ir_new_decl(L->m, fd->sym, rtype, retagg);
        for (int i = 0; i < fd->nparams; i++)
            ir_add_param(L->m, d, irt(fd->ptys[i]), agg_of(L, fd->ptys[i]), NULL);
        d->variadic = fd->variadic;
        fd->irf = d;
        return;
    }
    Func *f = ir_new_func(L->m, fd->sym, rtype, retagg);
    f->variadic = fd->variadic;
    if (ismain || fd->cexport)
        L->m->syms[f->sym].linkage |= L_EXPORT;
    fd->irf = f;
    L->fd = fd;
    L->f = f;
    L->ndefers = 0;
    L->ntargets = 0;
    L->entry = ir_new_block(L->m, f, "entry");
    Block *body = ir_new_block(L->m, f, "body");
    L->b = body;
    if (!strcmp(fd->name, "main") && fd->file == L->fe->files[0] && !fd->recv)
        for (int i = 0; i < L->fe->prog.ninits; i++)   /* modules' init first */
            ir_emit_call(L->m, cur(L), OP_CALL, T_VOID, 0, -1, ir_symval(L->m, L->fe->prog.inits[i]->sym, 0), 0,
                         NULL);
    for (int i = 0; i < fd->nparams; i++) {
        FParam *p = &fd->params[i];
        Ty *t = fd->ptys[i];
        char name[80];
        snprintf(name, sizeof name, "%s", p->name ? p->name : "arg");
        for (int k = 2; ir_find_vreg(f, name) >= 0; k++)
            snprintf(name, sizeof name, "%s.%d", p->name ? p->name : "arg", k);
        int pv = ir_add_param(L->m, f, irt(t), agg_of(L, t), name);
        Var *v = p->var;
        if (!v)
            continue;
        if (ty_is_agg(t)) {
            v->in_mem = 1;   /* the callee's own copy */
            v->vreg = pv;
        } else if (v->addr_taken) {
            v->in_mem = 1;
            v->vreg = slot(L, t).vreg;
            store(L, V(L, v->vreg), V(L, pv), t);
        } else {
            v->vreg = pv;
        }
    }
    block(L, fd->body);
    if (L->b) {
        if (rt->kind == TY_VOID)
            ret(L, (Val){0}, 0);
        else
            ir_emit(L->m, L->b, OP_UNREACHABLE, T_VOID, -1, 0);
    }
    /* dead blocks end somewhere too */
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        if (b != L->entry && (!b->ninsts || !(op_info[b->insts[b->ninsts - 1].op].flags & F_TERM)))
            ir_emit(L->m, b, OP_UNREACHABLE, T_VOID, -1, 0);
    }
    ir_emit(L->m, L->entry, OP_JMP, T_VOID, -1, 1, ir_blk(f, body));
    L->b = NULL;
}

/* A global (top-level let/var): a data object of its type, zero-filled
 * or holding its constant or &global start (check.c allows no other). */
/* The bytes of a global of type t that starts as a (check.c's
 * check_global_init allowed: constants, null, &global, and {...} of
 * those for arrays and structs, elements in order, the rest zero). */
static void global_data(Lower *L, Data *d, Ty *t, Node *a)
{
    if (a && a->kind == N_ZLIT && a->nlist && (t->kind == TY_ARRAY || t->kind == TY_STRUCT)) {
        int64_t at = 0;
        for (int i = 0; i < a->nlist; i++) {
            int64_t off = t->kind == TY_ARRAY ? i * t->base->size : t->fields[i].off;
            Ty *et = t->kind == TY_ARRAY ? t->base : t->fields[i].ty;
            ir_data_zero(L->m, d, off - at);
            global_data(L, d, et, a->list[i]);
            at = off + et->size;
        }
        ir_data_zero(L->m, d, t->size - at);
    } else if (a && a->kind == N_UNARY && a->op == TK_AMP) {
        ir_data_sym(L->m, d, a->a->var->sym, 0);
    } else if (a && a->konst == 2) {
        ir_data_flt(L->m, d, irt(t), a->fval);
    } else if (a && a->konst == 1 && a->ival) {
        ir_data_int(L->m, d, irt(t), (int64_t)a->ival);
    } else {
        ir_data_zero(L->m, d, t->size);
    }
}

static void lower_global(Lower *L, Var *v)
{
    Data *d = ir_new_data(L->m, v->sym, v->cexport ? L_EXPORT : 0, v->ty->align);
    global_data(L, d, v->ty, v->init->a);
}

Module *lower(Front *fe)
{
    Lower lw = {.fe = fe, .m = ir_new_module()};
    Lower *L = &lw;
    Program *g = &fe->prog;
    /* declarations first, so that every call finds its callee's signature;
     * one per symbol (several files may declare arc_write), none for a
     * function the program defines (the C layer's printf) */
    for (int i = 0; i < g->nfuncs; i++) {
        FuncDecl *fd = g->funcs[i];
        if (fd->body || fd->builtin || fd->state != 1 || ir_find_sym(L->m, fd->sym) >= 0)
            continue;
        int defined = 0;
        for (int j = 0; j < g->nfuncs && !defined; j++)
            defined = g->funcs[j]->body && g->funcs[j]->sym && !strcmp(g->funcs[j]->sym, fd->sym);
        if (!defined)
            lower_func(L, fd);
    }
    for (int i = 0; i < g->nconsts; i++)
        if (g->consts[i]->var && g->consts[i]->var->sym)
            lower_global(L, g->consts[i]->var);
    for (int i = 0; i < g->nfuncs; i++) {
        FuncDecl *fd = g->funcs[i];
        if (fd->body && (!fd->ntparams || fd->origin) && fd->state == 2)
            lower_func(L, fd);
    }
    return L->m;
}
