/* isel.c: instruction selection and emission, one small generator per
 * opcode, dispatched by a table (gen[] below).
 *
 * Needs: locations (ralloc.c), frame slots and block labels (emit.c), the
 * operand helpers (operand.c), call and return sequences (abi.c).
 * Produces: machine code in x->a through the encoder.
 *
 * The scheme is deliberately plain: operands are loaded into scratch
 * registers (rax, rcx, xmm14, xmm15), the operation runs there, and the
 * result is stored to the destination's location.  Every operand is read
 * before the destination is written, so a destination may share a
 * register with an operand whose interval ends at this instruction.
 * Any other register an expansion touches (rdx for division, the string
 * registers of intrinsics ...) is listed by x64_scratch (below), and the
 * allocator keeps every vreg live at that instruction out of it.
 *
 * Integers narrower than 64 bits live in registers with undefined upper
 * bits: add/sub/mul/logic work on 32 bits, compares use the exact width,
 * and division, right shifts and conversions extend their operands first. */
#include "gen/x64/x64.h"
#include "gen/rt/stack.h"

static int isz(Type t) { return t == T_I64 || t == T_PTR ? 8 : 4; }

/* The instruction k after the current one in its block, or NULL. */
static const Inst *ahead(const X64Fn *x, int k)
{
    const Block *b = x->f->blocks[x->cur];
    int i = x->curinst - x->istart[x->cur] + k;
    return i < b->ninsts ? &b->insts[i] : NULL;
}

/* Does vreg v's interval end by the instruction k after the current one? */
static int dies_by(const X64Fn *x, int v, int k)
{
    return x->vend[v] <= 2 * (x->curinst + k) + 2;
}

static int same_val(Val a, Val b)
{
    switch (a.kind == b.kind ? a.kind : V_NONE) {
    case V_VREG: return a.vreg == b.vreg;
    case V_INT: return a.i == b.i;
    case V_SYM: return a.sym == b.sym && a.i == b.i;
    default: return 0;
    }
}

static int is_vreg(Val a, int v) { return a.kind == V_VREG && a.vreg == v; }

static Mem x64_addr(X64Fn *x, Val p, Reg scratch)
{
    if (p.kind == V_SYM && p.i >= INT32_MIN / 2 && p.i <= INT32_MAX / 2)
        return mem_rip(x64_esym(x, p.sym), (int32_t)p.i);
    if (p.kind == V_VREG && x->loc[p.vreg].kind == LOC_REG)
        return mem_b((Reg)x->loc[p.vreg].r, 0);
    x64_load(x, p, scratch);
    return mem_b(scratch, 0);
}

/* An integer operand as the encoder's source operand: a register or slot
 * in place, a constant as an immediate when it fits size bytes, anything
 * else loaded into scratch. */
static Opnd src_op(X64Fn *x, Val v, Reg scratch, int size)
{
    if (v.kind == V_VREG && x->loc[v.vreg].kind != LOC_XMM)
        return x64_locop(x, v.vreg);
    if (v.kind == V_INT) {
        int64_t lo = size == 1 ? -128 : size == 2 ? -32768 : INT32_MIN;
        int64_t hi = size == 1 ? 255 : size == 2 ? 65535 : size == 4 ? UINT32_MAX : INT32_MAX;
        if (v.i >= lo && v.i <= hi)
            return opi(v.i);
    }
    x64_load(x, v, scratch);
    return opr(scratch);
}

/* The register to compute dst in: its own when it has one that b does not
 * occupy (b is read after the first operand is loaded), else rax. */
static Reg acc_reg(X64Fn *x, int dst, Val b)
{
    if (dst < 0 || x->loc[dst].kind != LOC_REG)
        return RAX;
    Reg r = (Reg)x->loc[dst].r;
    if (b.kind == V_VREG && x->loc[b.vreg].kind == LOC_REG && x->loc[b.vreg].r == (int)r)
        return RAX;
    return r;
}

/* --- integer arithmetic ------------------------------------------------- */
/* dst = a + b (b negated for sub) as one lea into dst's register when a is
 * in another register and b is a register or an imm32: no copy first. */
static int try_lea(X64Fn *x, int dst, Val a, Val b, int neg, int sz)
{
    if (dst < 0 || x->loc[dst].kind != LOC_REG || a.kind != V_VREG ||
        x->loc[a.vreg].kind != LOC_REG || x->loc[a.vreg].r == x->loc[dst].r)
        return 0;
    Reg d = (Reg)x->loc[dst].r, ra = (Reg)x->loc[a.vreg].r;
    if (b.kind == V_INT && b.i > INT32_MIN && b.i <= INT32_MAX)
        enc_lea(&x->a, sz, d, mem_b(ra, (int32_t)(neg ? -b.i : b.i)));
    else if (!neg && b.kind == V_VREG && x->loc[b.vreg].kind == LOC_REG)
        enc_lea(&x->a, sz, d, mem_bis(ra, (Reg)x->loc[b.vreg].r, 1, 0));
    else
        return 0;
    return 1;
}

static int fuse_index(X64Fn *x, const Inst *in);
static int and_branch(X64Fn *x, int k, const Mem *ma);
static void cmp_branch(X64Fn *x, const Inst *in, const Mem *ma, Cond c, int t, int f);

/* The operands of in, swapped when the operation is commutative and its
 * second operand sits in the destination's register (where the result is
 * computed in place: the allocator gives a dying operand's register to
 * the result, ralloc.c), so that the first one is. */
static void operands(const X64Fn *x, const Inst *in, Val *a, Val *b)
{
    *a = in->args[0], *b = in->args[1];
    if ((op_info[in->op].flags & F_COMM) && in->dst >= 0 && b->kind == V_VREG &&
        x->loc[b->vreg].kind == x->loc[in->dst].kind && x->loc[b->vreg].kind != LOC_STACK &&
        x->loc[b->vreg].r == x->loc[in->dst].r) {
        Val t = *a;
        *a = *b, *b = t;
    }
}

static const AluOp alu_op[OP_COUNT] = {
    [OP_ADD] = ALU_ADD, [OP_SUB] = ALU_SUB, [OP_AND] = ALU_AND,
    [OP_OR] = ALU_OR, [OP_XOR] = ALU_XOR,
};

static void gen_alu(X64Fn *x, const Inst *in)
{
    int sz = isz(in->type);
    if ((in->op == OP_ADD || in->op == OP_SUB) &&
        try_lea(x, in->dst, in->args[0], in->args[1], in->op == OP_SUB, sz))
        return;
    if (in->op == OP_MUL && fuse_index(x, in))
        return;
    if (in->op == OP_AND && and_branch(x, 0, NULL))
        return;
    Val va, vb;
    operands(x, in, &va, &vb);
    Reg acc = acc_reg(x, in->dst, vb);
    x64_load(x, va, acc);
    Opnd b = src_op(x, vb, RCX, sz);
    if (in->op != OP_MUL)
        enc_alu(&x->a, alu_op[in->op], sz, opr(acc), b);
    else if (b.kind == OPND_IMM)
        enc_imul3(&x->a, sz, acc, opr(acc), (int32_t)b.imm);
    else
        enc_imul(&x->a, sz, acc, b);
    x64_store(x, in->dst, acc);
}

static void gen_unary(X64Fn *x, const Inst *in)
{
    Reg acc = acc_reg(x, in->dst, (Val){.kind = V_INT});
    x64_load(x, in->args[0], acc);
    enc_unary(&x->a, in->op == OP_NEG ? UN_NEG : UN_NOT, isz(in->type), opr(acc));
    x64_store(x, in->dst, acc);
}

/* Extend the low size(t) bytes of r to 32 (or 64 for i64) bits. */
static void extend(X64Fn *x, Reg r, Type t, int sign)
{
    int sz = type_size(t);
    if (sz >= 4)
        return;
    if (sign)
        enc_movsx(&x->a, 4, r, sz, opr(r));
    else
        enc_movzx(&x->a, 4, r, sz, opr(r));
}

/* A divisor that is a constant: is it -1 at width sz (4: its low 32 bits)? */
static int const_minus1(Val b, int sz)
{
    return sz == 8 ? b.i == -1 : (int32_t)b.i == -1;
}

/*   signed:   rax = a (extended); cdq/cqo; idiv rcx   -> rax quotient, rdx remainder
 *   unsigned: rax = a (zero-extended); edx = 0; div rcx
 *
 * Signed overflow wraps (ARC.md): MIN / -1 is MIN and MIN % -1 is 0 (Go's
 * definition), where idiv would trap with #DE.  So a divisor that may be
 * -1 is tested first; -1 gives the quotient -a (neg wraps) and the
 * remainder 0 without idiv, which gives the same for every other a:
 *
 *     cmp ecx/rcx, -1; jne div; neg rax | xor edx, edx; jmp out
 *   div: cdq/cqo; idiv rcx
 *   out:
 *
 * A constant divisor other than -1 needs no test, a constant -1 only the
 * neg or xor; 8- and 16-bit operands are divided at 32 bits, where their
 * MIN / -1 does not overflow.  Division by zero still traps (#DE, the
 * crash reporter's SIGFPE). */
/* k when the divisor is the constant 2^k, 1 <= k <= 30 (so -2^k and
 * 2^k - 1 are imm32 masks) and below the type's sign bit; else 0. */
static int pow2_divisor(Val b, Type t)
{
    if (b.kind != V_INT)
        return 0;
    int bits = 8 * type_size(t);
    uint64_t v = (uint64_t)b.i & (bits == 64 ? ~0ull : (1ull << bits) - 1);
    if (v < 2 || (v & (v - 1)))
        return 0;
    int k = 0;
    while ((1ull << k) != v)
        k++;
    return k <= 30 && k < bits - 1 ? k : 0;
}

/* Division by 2^k without div, in the destination's register r (else
 * rax): unsigned, shr k or and 2^k-1; signed, rounding toward zero, with
 * the bias (2^k - 1 when a < 0, else 0) made from a's sign in rdx:
 *     rdx = a sar (w-1) (not for k = 1); rdx = rdx shr (w-k)
 *     quotient: r += rdx; r = r sar k
 *     remainder: rdx += a; r -= rdx and -2^k
 * at w = 32 (8- and 16-bit operands are extended to 32 first) or 64. */
static void gen_div_pow2(X64Fn *x, const Inst *in, int k)
{
    Asm *a = &x->a;
    int sign = in->op == OP_SDIV || in->op == OP_SREM;
    int rem = in->op == OP_SREM || in->op == OP_UREM;
    int sz = isz(in->type);
    Reg r = acc_reg(x, in->dst, (Val){0});
    x64_load(x, in->args[0], r);
    extend(x, r, in->type, sign);
    if (!sign) {
        if (rem)
            enc_alu(a, ALU_AND, sz, opr(r), opi(((int64_t)1 << k) - 1));
        else
            enc_shift(a, SH_SHR, sz, opr(r), opi(k));
    } else {
        enc_mov(a, sz, opr(RDX), opr(r));
        if (k > 1)
            enc_shift(a, SH_SAR, sz, opr(RDX), opi(8 * sz - 1));
        enc_shift(a, SH_SHR, sz, opr(RDX), opi(8 * sz - k));
        if (rem) {
            enc_alu(a, ALU_ADD, sz, opr(RDX), opr(r));
            enc_alu(a, ALU_AND, sz, opr(RDX), opi(-((int64_t)1 << k)));
            enc_alu(a, ALU_SUB, sz, opr(r), opr(RDX));
        } else {
            enc_alu(a, ALU_ADD, sz, opr(r), opr(RDX));
            enc_shift(a, SH_SAR, sz, opr(r), opi(k));
        }
    }
    x64_store(x, in->dst, r);
}

/* Division of an 8- to 32-bit value by a constant d (3 <= d < 2^31 for
 * signed, < 2^32 for unsigned, not a power of two) without div: with
 * M = ceil(2^64 / d), the quotient is the high half of x * M (mul, or
 * imul for signed x: rdx), exact for every x in 32 bits because
 * x * (M - 2^64/d) / 2^64 lies within 2^-32 < 1/d of 0 and so does not
 * move the floor, except that a negative x lands just below an exact
 * quotient and the floor must become truncation: add 1 when x < 0
 * (x's sign bit).  The remainder is x - q * d.
 *     rax = x (extended to 64 bits); rcx = M; mul/imul rcx  -> rdx
 *     signed: rax = x again; shr rax, 63; rdx += rax
 *     remainder: rax = x again; rdx *= d; eax -= edx
 * Returns 0 when the divisor does not qualify. */
static int gen_div_const(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    Val b = in->args[1];
    int bits = 8 * type_size(in->type);
    int sign = in->op == OP_SDIV || in->op == OP_SREM, rem = in->op == OP_SREM || in->op == OP_UREM;
    if (bits > 32 || b.kind != V_INT)
        return 0;
    uint64_t d = (uint64_t)b.i & (bits == 32 ? 0xffffffffu : (1u << bits) - 1);
    if (d < 3 || !(d & (d - 1)) || (sign && d >= (1ull << (bits - 1))))
        return 0;
    uint64_t m = UINT64_MAX / d + 1;
    /* x into rax, extended to 64 bits */
    #define LOAD_X()                                          \
        do {                                                  \
            x64_load(x, in->args[0], RAX);                    \
            extend(x, RAX, in->type, sign);                   \
            if (sign)                                         \
                enc_movsx(a, 8, RAX, 4, opr(RAX));            \
            else                                              \
                enc_mov(a, 4, opr(RAX), opr(RAX));            \
        } while (0)
    LOAD_X();
    enc_mov(a, 8, opr(RCX), opi((int64_t)m));
    enc_unary(a, sign ? UN_IMUL1 : UN_MUL, 8, opr(RCX));
    if (sign) {
        LOAD_X();
        enc_shift(a, SH_SHR, 8, opr(RAX), opi(63));
        enc_alu(a, ALU_ADD, 8, opr(RDX), opr(RAX));
    }
    if (rem) {
        LOAD_X();
        if (d <= INT32_MAX) {
            enc_imul3(a, 8, RDX, opr(RDX), (int32_t)d);
        } else {   /* an imm32 would sign-extend */
            enc_mov(a, 8, opr(RCX), opi((int64_t)d));
            enc_imul(a, 8, RDX, opr(RCX));
        }
        enc_alu(a, ALU_SUB, 4, opr(RAX), opr(RDX));
    }
    #undef LOAD_X
    x64_store(x, in->dst, rem ? RAX : RDX);
    return 1;
}

static void gen_div(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    int sign = in->op == OP_SDIV || in->op == OP_SREM;
    int rem = in->op == OP_SREM || in->op == OP_UREM;
    int sz = isz(in->type);
    Val b = in->args[1];
    int k = pow2_divisor(b, in->type);
    if (k) {
        gen_div_pow2(x, in, k);
        return;
    }
    if (gen_div_const(x, in))
        return;
    int known = b.kind == V_INT;
    int may_overflow = sign && type_size(in->type) >= 4 && (!known || const_minus1(b, sz));
    x64_load(x, in->args[0], RAX);
    extend(x, RAX, in->type, sign);
    if (!(may_overflow && known)) {
        x64_load(x, b, RCX);
        extend(x, RCX, in->type, sign);
    }
    int div = enc_label(a), out = enc_label(a);
    if (may_overflow) {
        if (!known) {
            enc_alu(a, ALU_CMP, sz, opr(RCX), opi(-1));
            enc_jcc_short(a, CC_NE, div);
        }
        if (rem)
            enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
        else
            enc_unary(a, UN_NEG, sz, opr(RAX));
        if (!known)
            enc_jmp_short(a, out);
    }
    if (!(may_overflow && known)) {
        enc_bind(a, div);
        if (sign) {
            if (sz == 8)
                enc_cqo(a);
            else
                enc_cdq(a);
            enc_unary(a, UN_IDIV, sz, opr(RCX));
        } else {
            enc_alu(a, ALU_XOR, 4, opr(RDX), opr(RDX));
            enc_unary(a, UN_DIV, sz, opr(RCX));
        }
    }
    enc_bind(a, out);
    x64_store(x, in->dst, rem ? RDX : RAX);
}

/* A constant count below the width: in the destination's register by an
 * immediate.  Otherwise by cl: the count goes to rcx.  Right shifts
 * extend first. */
static void gen_shift(X64Fn *x, const Inst *in)
{
    ShiftOp op = in->op == OP_SHL ? SH_SHL : in->op == OP_LSHR ? SH_SHR : SH_SAR;
    Val c = in->args[1];
    int sz = isz(in->type);
    if (c.kind == V_INT && c.i >= 0 && c.i < 8 * sz) {
        Reg r = acc_reg(x, in->dst, (Val){0});
        x64_load(x, in->args[0], r);
        if (op != SH_SHL)
            extend(x, r, in->type, op == SH_SAR);
        if (c.i)
            enc_shift(&x->a, op, sz, opr(r), opi(c.i));
        x64_store(x, in->dst, r);
        return;
    }
    x64_load(x, in->args[0], RAX);
    x64_load(x, c, RCX);
    if (op != SH_SHL)
        extend(x, RAX, in->type, op == SH_SAR);
    enc_shift(&x->a, op, isz(in->type), opr(RAX), opr(RCX));
    x64_store(x, in->dst, RAX);
}

static void set_result(X64Fn *x, const Inst *in, Cond cc)
{
    enc_setcc(&x->a, cc, opr(RAX));
    enc_movzx(&x->a, 4, RAX, 1, opr(RAX));
    x64_store(x, in->dst, RAX);
}

static const Cond icmp_cc[OP_COUNT] = {
    [OP_EQ] = CC_E, [OP_NE] = CC_NE, [OP_SLT] = CC_L, [OP_SLE] = CC_LE,
    [OP_SGT] = CC_G, [OP_SGE] = CC_GE, [OP_ULT] = CC_B, [OP_ULE] = CC_BE,
    [OP_UGT] = CC_A, [OP_UGE] = CC_AE,
};

static int is_icmp(Op op)
{
    switch (op) {
    case OP_EQ: case OP_NE: case OP_SLT: case OP_SLE: case OP_SGT: case OP_SGE:
    case OP_ULT: case OP_ULE: case OP_UGT: case OP_UGE:
        return 1;
    default:
        return 0;
    }
}

/* Compare in (global number gi) feeds only the branch nx right after it. */
static int fuses(const X64Fn *x, const Inst *in, const Inst *nx, int gi)
{
    return nx && nx->op == OP_BR && in->dst >= 0 && nx->args[0].kind == V_VREG &&
           nx->args[0].vreg == in->dst && x->vend[in->dst] <= 2 * (gi + 1) + 2;
}

/* cmp a, b; returns where the cmp starts (after any loads) */
static uint32_t emit_cmp(X64Fn *x, const Inst *in)
{
    int sz = type_size(in->type);
    Val a = in->args[0];
    Reg ra = RAX;
    if (a.kind == V_VREG && x->loc[a.vreg].kind == LOC_REG)
        ra = (Reg)x->loc[a.vreg].r;
    else
        x64_load(x, a, RAX);
    Opnd b = src_op(x, in->args[1], RCX, sz);
    uint32_t at = enc_pos(&x->a);
    /* against 0: test sets the same flags (CF = OF = 0), a byte shorter */
    if (b.kind == OPND_IMM && b.imm == 0)
        enc_test(&x->a, sz, opr(ra), opr(ra));
    else
        enc_alu(&x->a, ALU_CMP, sz, opr(ra), b);
    return at;
}

static void jump_to(X64Fn *x, int blk)
{
    if (blk == x->cur + 1)
        return;
    AsmMark m;
    do {
        m = enc_mark(&x->a);
        enc_jmp(&x->a, x->blabel[blk]);
    } while (enc_unsplit(&x->a, m, m.len));
}

/* test for `and a, b` whose only use is a compare with 0: returns where
 * the test starts.  A constant mask within the low byte tests that byte
 * (of a register, or of a slot: little endian). */
static uint32_t emit_test(X64Fn *x, const Inst *and_, const Mem *ma)
{
    int sz = isz(and_->type);
    Val a = and_->args[0], b = and_->args[1];
    if (a.kind == V_INT) {
        Val t = a;
        a = b, b = t;
    }
    Opnd oa;
    if (ma) {
        oa = opm(*ma);      /* a: the byte loaded from there (fuse_disp) */
    } else if (a.kind == V_VREG && x->loc[a.vreg].kind != LOC_XMM) {
        oa = x64_locop(x, a.vreg);
    } else {
        x64_load(x, a, RAX);
        oa = opr(RAX);
    }
    Opnd ob;
    if (b.kind == V_INT && b.i >= 0 && b.i <= 255) {
        sz = 1;
        ob = opi(b.i);
    } else {
        ob = src_op(x, b, RCX, sz);
        if (ob.kind == OPND_MEM && oa.kind == OPND_MEM) {
            x64_load(x, b, RCX);
            ob = opr(RCX);
        }
    }
    uint32_t at = enc_pos(&x->a);
    enc_test(&x->a, sz, oa, ob);
    return at;
}

/* `%m = and a, b; %c = eq/ne %m, 0; br %c`, the and k instructions after
 * the current one, %m and %c dying there: one test and a jump (the
 * instructions up to the branch skipped).  ma: a is the value loaded from
 * there (k = 2 after a field's ptradd and load: fuse_disp), tested in
 * place with a mask within the low byte.  0 when the pattern does not
 * apply. */
static int and_branch(X64Fn *x, int k, const Mem *ma)
{
    const Inst *in = ahead(x, k), *cmp = ahead(x, k + 1), *br = ahead(x, k + 2);
    if (!br || in->op != OP_AND || (cmp->op != OP_EQ && cmp->op != OP_NE) || in->dst < 0 ||
        !dies_by(x, in->dst, k + 1) || !is_vreg(cmp->args[0], in->dst) ||
        cmp->args[1].kind != V_INT || cmp->args[1].i != 0 || !fuses(x, cmp, br, x->curinst + k + 1))
        return 0;
    Val b = in->args[1];
    if (b.kind == V_INT && (b.i < INT32_MIN || b.i > INT32_MAX) && isz(in->type) == 8)
        return 0;
    if (ma) {
        const Inst *ld = ahead(x, k - 1);
        Val a = in->args[0];
        if (a.kind == V_INT) {
            Val t = a;
            a = b, b = t;
        }
        if (!is_vreg(a, ld->dst) || !dies_by(x, ld->dst, k) || b.kind != V_INT || b.i < 0 || b.i > 255)
            return 0;
    }
    cmp_branch(x, in, ma, cmp->op == OP_EQ ? CC_E : CC_NE, br->args[1].blk, br->args[2].blk);
    x->skip = k + 2;
    return 1;
}

/* The compare in (or the test of the and in: and_branch; ma its first
 * operand's memory) and the branch on it, macro-fused: the pair kept
 * within a 32-byte chunk (enc_unsplit) */
static void cmp_branch(X64Fn *x, const Inst *in, const Mem *ma, Cond c, int t, int f)
{
    AsmMark m;
    uint32_t from;
    do {
        m = enc_mark(&x->a);
        from = in->op == OP_AND ? emit_test(x, in, ma) : emit_cmp(x, in);
        enc_jcc(&x->a, t == x->cur + 1 ? (Cond)(c ^ 1) : c, x->blabel[t == x->cur + 1 ? f : t]);
    } while (enc_unsplit(&x->a, m, from));
    if (t != x->cur + 1)
        jump_to(x, f);
}

/* A compare whose only use is the branch right after it becomes
 * cmp + jcc (the branch is then skipped: x->skip). */
static void gen_cmp(X64Fn *x, const Inst *in)
{
    const Block *b = x->f->blocks[x->cur];
    int i = x->curinst - x->istart[x->cur];
    const Inst *nx = i + 1 < b->ninsts ? &b->insts[i + 1] : NULL;
    if (fuses(x, in, nx, x->curinst)) {
        cmp_branch(x, in, NULL, icmp_cc[in->op], nx->args[1].blk, nx->args[2].blk);
        x->skip = 1;
        return;
    }
    emit_cmp(x, in);
    set_result(x, in, icmp_cc[in->op]);
}

/* --- floating point ----------------------------------------------------- */
/* Like acc_reg for floats: dst's own xmm unless b occupies it. */
static Xmm facc(X64Fn *x, int dst, Val b)
{
    if (dst < 0 || x->loc[dst].kind != LOC_XMM)
        return XS0;
    if (b.kind == V_VREG && x->loc[b.vreg].kind == LOC_XMM && x->loc[b.vreg].r == x->loc[dst].r)
        return XS0;
    return x->loc[dst].r;
}

/* The xmm to compute a float result in: dst's own, else xmm14. */
static Xmm fdst(X64Fn *x, int dst)
{
    return dst >= 0 && x->loc[dst].kind == LOC_XMM ? x->loc[dst].r : XS0;
}

static void gen_farith(X64Fn *x, const Inst *in)
{
    static const SseOp sd[OP_COUNT] = {
        [OP_FADD] = SSE_ADDSD, [OP_FSUB] = SSE_SUBSD, [OP_FMUL] = SSE_MULSD, [OP_FDIV] = SSE_DIVSD,
    };
    static const SseOp ss[OP_COUNT] = {
        [OP_FADD] = SSE_ADDSS, [OP_FSUB] = SSE_SUBSS, [OP_FMUL] = SSE_MULSS, [OP_FDIV] = SSE_DIVSS,
    };
    Val va, b;
    operands(x, in, &va, &b);
    Xmm acc = facc(x, in->dst, b);
    x64_loadf(x, va, acc);
    Opnd src;
    if (b.kind == V_VREG && x->loc[b.vreg].kind == LOC_XMM) {
        src = opx(x->loc[b.vreg].r);
    } else if (b.kind == V_VREG && x->loc[b.vreg].kind == LOC_STACK) {
        src = opm(mem_b(RBP, x->loc[b.vreg].r));   /* addsd/ss read 8/4 bytes */
    } else if (b.kind == V_FLT) {
        src = opm(x64_fconst(x, b));
    } else {
        x64_loadf(x, b, XS1);
        src = opx(XS1);
    }
    enc_sse(&x->a, (in->type == T_F32 ? ss : sd)[in->op], acc, src);
    x64_storef(x, in->dst, acc);
}

/* In dst's register when it has one: the operand copied there first, so
 * sqrtsd (which keeps the upper lane) does not wait for the register's
 * previous value. */
static void gen_funary(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    Xmm r = fdst(x, in->dst);
    x64_loadf(x, in->args[0], r);
    if (in->op == OP_FSQRT) {
        enc_sse(a, in->type == T_F32 ? SSE_SQRTSS : SSE_SQRTSD, r, opx(r));
    } else {   /* fneg: flip the sign bit */
        enc_mov(a, 8, opr(RAX), opi(in->type == T_F32 ? 0x80000000LL : INT64_MIN));
        enc_movdq(a, 8, opx(XS1), opr(RAX));
        enc_sse(a, SSE_XORPS, r, opx(XS1));
    }
    x64_storef(x, in->dst, r);
}

/* ucomis[sd] a, b sets ZF PF CF: a>b 0 0 0; a<b 0 0 1; a==b 1 0 0;
 * unordered 1 1 1.  "o" predicates must be false and "u" ones true when
 * PF is set; those that a single condition cannot express swap the
 * operands or combine with setp/setnp (as a branch: jp to the false or
 * the true block first). */
static const struct { Cond cc; char swap, combine; } fcmp_tab[OP_COUNT] = {
    [OP_FOEQ] = {CC_E, 0, 'a'},  [OP_FONE] = {CC_NE, 0, 'a'},
    [OP_FOLT] = {CC_A, 1, 0},    [OP_FOLE] = {CC_AE, 1, 0},
    [OP_FOGT] = {CC_A, 0, 0},    [OP_FOGE] = {CC_AE, 0, 0},
    [OP_FORD] = {CC_NP, 0, 0},   [OP_FUEQ] = {CC_E, 0, 0},
    [OP_FUNE] = {CC_NE, 0, 'o'}, [OP_FULT] = {CC_B, 0, 0},
    [OP_FULE] = {CC_BE, 0, 0},   [OP_FUGT] = {CC_B, 1, 0},
    [OP_FUGE] = {CC_BE, 1, 0},   [OP_FUNO] = {CC_P, 0, 0},
};

/* ucomis[sd] of in's operands in the table's order: the first from its
 * xmm or xmm14, the second from its xmm, its slot or xmm15. */
static void emit_ucomis(X64Fn *x, const Inst *in)
{
    int sw = fcmp_tab[in->op].swap;
    Val a = in->args[sw], b = in->args[!sw];
    Xmm ra = XS0;
    if (a.kind == V_VREG && x->loc[a.vreg].kind == LOC_XMM)
        ra = x->loc[a.vreg].r;
    else
        x64_loadf(x, a, XS0);
    Opnd ob;
    if (b.kind == V_VREG && x->loc[b.vreg].kind == LOC_XMM) {
        ob = opx(x->loc[b.vreg].r);
    } else if (b.kind == V_VREG && x->loc[b.vreg].kind == LOC_STACK) {
        ob = opm(mem_b(RBP, x->loc[b.vreg].r));   /* ucomis[sd] read 4/8 bytes */
    } else if (b.kind == V_FLT) {
        ob = opm(x64_fconst(x, b));
    } else {
        x64_loadf(x, b, XS1);
        ob = opx(XS1);
    }
    enc_sse(&x->a, in->type == T_F32 ? SSE_UCOMISS : SSE_UCOMISD, ra, ob);
}

/* A float compare whose only use is the branch right after it: ucomis
 * and conditional jumps (the branch is skipped: x->skip). */
static void fcmp_branch(X64Fn *x, const Inst *in, int t, int f)
{
    Asm *a = &x->a;
    Cond cc = fcmp_tab[in->op].cc;
    int next = t == x->cur + 1;
    emit_ucomis(x, in);
    if (fcmp_tab[in->op].combine)   /* unordered: false for 'a', true for 'o' */
        enc_jcc(a, CC_P, x->blabel[fcmp_tab[in->op].combine == 'a' ? f : t]);
    if (next) {
        enc_jcc(a, (Cond)(cc ^ 1), x->blabel[f]);
    } else {
        enc_jcc(a, cc, x->blabel[t]);
        jump_to(x, f);
    }
}

static void gen_fcmp(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    const Block *b = x->f->blocks[x->cur];
    int i = x->curinst - x->istart[x->cur];
    const Inst *nx = i + 1 < b->ninsts ? &b->insts[i + 1] : NULL;
    if (fuses(x, in, nx, x->curinst)) {
        fcmp_branch(x, in, nx->args[1].blk, nx->args[2].blk);
        x->skip = 1;
        return;
    }
    emit_ucomis(x, in);
    enc_setcc(a, fcmp_tab[in->op].cc, opr(RAX));
    if (fcmp_tab[in->op].combine == 'a') {        /* and ordered */
        enc_setcc(a, CC_NP, opr(RCX));
        enc_alu(a, ALU_AND, 1, opr(RAX), opr(RCX));
    } else if (fcmp_tab[in->op].combine == 'o') { /* or unordered */
        enc_setcc(a, CC_P, opr(RCX));
        enc_alu(a, ALU_OR, 1, opr(RAX), opr(RCX));
    }
    enc_movzx(a, 4, RAX, 1, opr(RAX));
    x64_store(x, in->dst, RAX);
}

/* --- conversions -------------------------------------------------------- */
static void gen_ext(X64Fn *x, const Inst *in)
{
    Val s = in->args[0];
    int ss = type_size(s.type);
    Reg r = acc_reg(x, in->dst, (Val){0});
    Opnd src = opr(r);   /* the source's own register, else r loaded */
    if (s.kind == V_VREG && x->loc[s.vreg].kind == LOC_REG)
        src = x64_locop(x, s.vreg);
    else
        x64_load(x, s, r);
    if (in->op == OP_SEXT)
        enc_movsx(&x->a, 8, r, ss, src);
    else if (ss == 4)
        enc_mov(&x->a, 4, opr(r), src);
    else
        enc_movzx(&x->a, 4, r, ss, src);
    x64_store(x, in->dst, r);
}

static void gen_copy(X64Fn *x, const Inst *in)
{
    Type dt = in->type, st = in->args[0].type;
    if (in->op == OP_TRUNC || (!type_is_flt(dt) && !type_is_flt(st))) {
        Reg r = acc_reg(x, in->dst, (Val){0});
        x64_load(x, in->args[0], r);
        x64_store(x, in->dst, r);
    } else if (type_is_flt(dt) && type_is_flt(st)) {
        Xmm r = fdst(x, in->dst);
        x64_loadf(x, in->args[0], r);
        x64_storef(x, in->dst, r);
    } else if (type_is_flt(dt)) {          /* bitcast int -> float */
        Xmm r = fdst(x, in->dst);
        x64_load(x, in->args[0], RAX);
        enc_movdq(&x->a, 8, opx(r), opr(RAX));
        x64_storef(x, in->dst, r);
    } else {                               /* bitcast float -> int */
        Reg r = acc_reg(x, in->dst, (Val){0});
        x64_loadf(x, in->args[0], XS0);
        enc_movdq(&x->a, 8, opr(r), opx(XS0));
        x64_store(x, in->dst, r);
    }
}

static void gen_fconv(X64Fn *x, const Inst *in)
{
    Xmm r = fdst(x, in->dst);
    x64_loadf(x, in->args[0], r);
    enc_sse(&x->a, in->op == OP_FEXT ? SSE_CVTSS2SD : SSE_CVTSD2SS, r, opx(r));
    x64_storef(x, in->dst, r);
}

/* sitof: extend narrow sources to 32 bits.  uitof: zero-extend to 64
 * bits; a u64 with the top bit set is halved (keeping the low bit, so the
 * rounding is right), converted and doubled.  cvtsi2sd/ss write only the
 * low lane and so wait for the last write of the whole register: in a
 * loop that chains each conversion to the previous iteration's use of
 * the register (a divsd's result: spectral-norm ran 5x slower than gcc,
 * which clears the register first).  xorps r, r breaks that dependency. */
static void gen_itof(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    Type st = in->args[0].type;
    int fs = x64_fsz(in->type);
    Xmm r = fdst(x, in->dst);
    Val v = in->args[0];
    enc_sse(a, SSE_XORPS, r, opx(r));
    if (in->op == OP_SITOF && type_size(st) >= 4 && v.kind == V_VREG && x->loc[v.vreg].kind == LOC_REG) {
        enc_cvtsi2f(a, fs, r, isz(st), opr((Reg)x->loc[v.vreg].r));
        x64_storef(x, in->dst, r);
        return;
    }
    x64_load(x, v, RAX);
    if (in->op == OP_SITOF) {
        extend(x, RAX, st, 1);
        enc_cvtsi2f(a, fs, r, isz(st), opr(RAX));
    } else if (st != T_I64) {
        if (type_size(st) == 4)
            enc_mov(a, 4, opr(RAX), opr(RAX));
        else
            extend(x, RAX, st, 0);
        enc_cvtsi2f(a, fs, r, 8, opr(RAX));
    } else {
        int big = enc_label(a), done = enc_label(a);
        enc_test(a, 8, opr(RAX), opr(RAX));
        enc_jcc(a, CC_S, big);
        enc_cvtsi2f(a, fs, r, 8, opr(RAX));
        enc_jmp(a, done);
        enc_bind(a, big);
        enc_mov(a, 8, opr(RCX), opr(RAX));
        enc_shift(a, SH_SHR, 8, opr(RCX), opi(1));
        enc_alu(a, ALU_AND, 4, opr(RAX), opi(1));
        enc_alu(a, ALU_OR, 8, opr(RCX), opr(RAX));
        enc_cvtsi2f(a, fs, r, 8, opr(RCX));
        enc_sse(a, fs == 4 ? SSE_ADDSS : SSE_ADDSD, r, opx(r));
        enc_bind(a, done);
    }
    x64_storef(x, in->dst, r);
}

/* ftosi: truncating convert at 32 (i8..i32) or 64 bits.  ftoui: 64-bit
 * convert for i8..i32; for u64, values >= 2^63 are reduced by 2^63 first
 * and the top bit put back. */
static void gen_ftoi(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    Type st = in->args[0].type;
    int fs = x64_fsz(st);
    x64_loadf(x, in->args[0], XS0);
    if (in->op == OP_FTOSI) {
        enc_cvttf2si(a, isz(in->type), RAX, fs, opx(XS0));
    } else if (in->type != T_I64) {
        enc_cvttf2si(a, 8, RAX, fs, opx(XS0));
    } else {
        int big = enc_label(a), done = enc_label(a);
        Val two63 = {.kind = V_FLT, .type = st, .f = 9223372036854775808.0};
        x64_loadf(x, two63, XS1);
        enc_sse(a, fs == 4 ? SSE_UCOMISS : SSE_UCOMISD, XS0, opx(XS1));
        enc_jcc(a, CC_AE, big);
        enc_cvttf2si(a, 8, RAX, fs, opx(XS0));
        enc_jmp(a, done);
        enc_bind(a, big);
        enc_sse(a, fs == 4 ? SSE_SUBSS : SSE_SUBSD, XS0, opx(XS1));
        enc_cvttf2si(a, 8, RAX, fs, opx(XS0));
        enc_mov(a, 8, opr(RCX), opi(INT64_MIN));
        enc_alu(a, ALU_XOR, 8, opr(RAX), opr(RCX));
        enc_bind(a, done);
    }
    x64_store(x, in->dst, RAX);
}

/* --- memory ------------------------------------------------------------- */
static void load_from(X64Fn *x, const Inst *in, Mem m)
{
    Asm *a = &x->a;
    Type t = in->type;
    if (type_is_flt(t)) {
        Xmm r = fdst(x, in->dst);
        enc_movsf(a, x64_fsz(t), opx(r), opm(m));
        x64_storef(x, in->dst, r);
        return;
    }
    Reg r = acc_reg(x, in->dst, (Val){0});
    int ms = op_info[in->op].msize;
    int sign = in->op == OP_LOADS8 || in->op == OP_LOADS16 || in->op == OP_LOADS32;
    if (!ms) {
        ms = type_size(t);
        sign = 0;
    }
    if (sign)
        enc_movsx(a, 8, r, ms, opm(m));
    else
        x64_load_part(x, r, m, ms);
    x64_store(x, in->dst, r);
}

static void gen_load(X64Fn *x, const Inst *in)
{
    load_from(x, in, x64_addr(x, in->args[0], RCX));
}

/* store in's value at m, or (have_m 0) at its address operand; the value
 * is loaded first, into rax or xmm15, so it cannot disturb m's registers
 * (allocatable ones) nor the rcx an address is loaded into after it */
static void store_to(X64Fn *x, const Inst *in, int have_m, Mem m)
{
    Asm *a = &x->a;
    Type t = in->type;
    Val v = in->args[0];
    if (type_is_flt(t)) {
        Xmm r = XS0;
        if (v.kind == V_VREG && x->loc[v.vreg].kind == LOC_XMM)
            r = x->loc[v.vreg].r;
        else
            x64_loadf(x, v, XS0);
        if (!have_m)
            m = x64_addr(x, in->args[1], RCX);
        enc_movsf(a, x64_fsz(t), opm(m), opx(r));
        return;
    }
    Opnd src = src_op(x, v, RAX, type_size(t));
    if (src.kind == OPND_MEM) {
        x64_load(x, v, RAX);
        src = opr(RAX);
    }
    if (!have_m)
        m = x64_addr(x, in->args[1], RCX);
    enc_mov(a, type_size(t), opm(m), src);
}

static void gen_store(X64Fn *x, const Inst *in)
{
    store_to(x, in, 0, mem_b(NOREG, 0));
}

/* Does load_from read its memory with one instruction (not x64_load_part's
 * byte loop, which clears the destination first: it may share a register
 * with a fused address's base or index)? */
static int one_move(const Inst *ld)
{
    int ms = op_info[ld->op].msize ? op_info[ld->op].msize : type_size(ld->type);
    return type_is_flt(ld->type) || ms == 1 || ms == 2 || ms == 4 || ms == 8;
}

/* An indexed access: `mul idx, c` (c = 1, 2, 4 or 8, idx in a register)
 * whose value dies at the ptradd right after it, and that ptradd's value
 * dying at the load or store right after that, become one load or store
 * from [base + idx*c] (base a symbol: disp32, the program is linked
 * non-PIE below 2 GiB; or a register), and the two are skipped; without
 * the load or store, one lea.  Nothing runs in between, so idx and base
 * are still in their registers.  0 when the pattern does not apply. */
static int fuse_index(X64Fn *x, const Inst *in)
{
    const Block *b = x->f->blocks[x->cur];
    int i = x->curinst - x->istart[x->cur], gi = x->curinst;
    Val idx = in->args[0], c = in->args[1];
    if (in->type != T_I64 || c.kind != V_INT || (c.i != 1 && c.i != 2 && c.i != 4 && c.i != 8) ||
        idx.kind != V_VREG || x->loc[idx.vreg].kind != LOC_REG || i + 1 >= b->ninsts)
        return 0;
    const Inst *pa = &b->insts[i + 1];
    if (pa->op != OP_PTRADD || pa->args[1].kind != V_VREG || pa->args[1].vreg != in->dst ||
        x->vend[in->dst] > 2 * (gi + 1) + 2)
        return 0;
    Val base = pa->args[0];
    Reg ri = (Reg)x->loc[idx.vreg].r;
    Mem m;
    if (base.kind == V_SYM && base.i >= INT32_MIN / 2 && base.i <= INT32_MAX / 2)
        m = mem_sym(x64_esym(x, base.sym), ri, (int)c.i, (int32_t)base.i);
    else if (base.kind == V_VREG && x->loc[base.vreg].kind == LOC_REG)
        m = mem_bis((Reg)x->loc[base.vreg].r, ri, (int)c.i, 0);
    else
        return 0;
    const Inst *ls = i + 2 < b->ninsts ? &b->insts[i + 2] : NULL;
    int dies = x->vend[pa->dst] <= 2 * (gi + 2) + 2;
    if (ls && dies && (op_info[ls->op].flags & F_LOAD) && ls->args[0].kind == V_VREG &&
        ls->args[0].vreg == pa->dst && one_move(ls)) {
        load_from(x, ls, m);
        x->skip = 2;
        return 1;
    }
    if (ls && dies && ls->op == OP_STORE && ls->args[1].kind == V_VREG && ls->args[1].vreg == pa->dst &&
        !(ls->args[0].kind == V_VREG && ls->args[0].vreg == pa->dst)) {
        store_to(x, ls, 1, m);
        x->skip = 2;
        return 1;
    }
    if (pa->dst >= 0 && x->loc[pa->dst].kind == LOC_REG) {
        enc_lea(&x->a, 8, (Reg)x->loc[pa->dst].r, m);
        x->skip = 1;
        return 1;
    }
    return 0;
}

/* Constant sizes got a frame slot (emit.c); others take rsp down. */
static void gen_alloca(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    int s = x->slot[x->curinst];
    if (s) {
        Reg d = acc_reg(x, in->dst, (Val){.kind = V_INT});
        enc_lea(a, 8, d, mem_b(RBP, s));
        x64_store(x, in->dst, d);
        return;
    }
    int64_t align = in->args[1].i;
    x64_load(x, in->args[0], RAX);
    enc_alu(a, ALU_ADD, 8, opr(RAX), opi(15));
    enc_alu(a, ALU_AND, 8, opr(RAX), opi(-16));
    enc_alu(a, ALU_SUB, 8, opr(RSP), opr(RAX));
    if (align > 16)
        enc_alu(a, ALU_AND, 8, opr(RSP), opi(-align));
    /* below the stack limit: a stack overflow (gen/rt/stack.c) */
    int ok = enc_label(a);
    rt_fs(a);
    enc_alu(a, ALU_CMP, 8, opr(RSP), opm(mem_b(NOREG, STACK_LIMIT_SLOT)));
    enc_jcc(a, CC_AE, ok);
    enc_call_sym(a, elf_symbol(x->elf, "arc_rt_stack_overflow"));
    enc_bind(a, ok);
    enc_mov(a, 8, opr(RAX), opr(RSP));
    x64_store(x, in->dst, RAX);
}

/* A read-modify-write of a field (addr.c gives each access its own
 * ptradd):
 *     %q = ptradd b, c;  %v = load %q;  %w = op %v, y
 *     %q2 = ptradd b, c; store %w, %q2
 * with op add, sub, and, or or xor, every value dying in the pattern, the
 * load and the store as wide (an extending load's upper bits never reach
 * the stored ones), y a constant or (4 and 8 bytes) a register, becomes
 * `op y, c(b)` and the four after the first are skipped.  The base is in
 * a register or a symbol (nothing runs in between: it still holds). */
static int fuse_rmw(X64Fn *x, const Inst *in)
{
    const Inst *ld = ahead(x, 1), *op = ahead(x, 2), *pa = ahead(x, 3), *st = ahead(x, 4);
    Val base = in->args[0], c = in->args[1];
    if (!st || (ld->op != OP_LOAD && !op_info[ld->op].msize) || !(op_info[ld->op].flags & F_LOAD) ||
        type_is_flt(ld->type) || !is_vreg(ld->args[0], in->dst) ||
        !dies_by(x, in->dst, 1) || ld->dst < 0)
        return 0;
    int width = op_info[ld->op].msize ? op_info[ld->op].msize : type_size(ld->type);
    if (!(op->op == OP_ADD || op->op == OP_SUB || op->op == OP_AND || op->op == OP_OR ||
          op->op == OP_XOR) || op->dst < 0 || !dies_by(x, ld->dst, 2))
        return 0;
    Val y;
    if (is_vreg(op->args[0], ld->dst))
        y = op->args[1];
    else if (op->op != OP_SUB && is_vreg(op->args[1], ld->dst))
        y = op->args[0];
    else
        return 0;
    if (is_vreg(y, ld->dst))
        return 0;   /* v op v */
    if (pa->op != OP_PTRADD || !same_val(pa->args[0], base) || !same_val(pa->args[1], c) ||
        pa->dst < 0 || st->op != OP_STORE || type_is_flt(st->type) ||
        type_size(st->type) != width || !is_vreg(st->args[1], pa->dst) ||
        !is_vreg(st->args[0], op->dst) ||
        !dies_by(x, op->dst, 4) || !dies_by(x, pa->dst, 4))
        return 0;
    Opnd src;
    if (y.kind == V_INT && (width == 1 || (y.i >= INT32_MIN && y.i <= INT32_MAX)))
        src = opi(width == 1 ? (int8_t)y.i : width == 2 ? (int16_t)y.i : y.i);
    else if (y.kind == V_VREG && x->loc[y.vreg].kind == LOC_REG && width >= 4)
        src = opr((Reg)x->loc[y.vreg].r);
    else
        return 0;
    Mem m;
    if (base.kind == V_SYM && base.i + c.i >= INT32_MIN / 2 && base.i + c.i <= INT32_MAX / 2)
        m = mem_sym(x64_esym(x, base.sym), NOREG, 1, (int32_t)(base.i + c.i));
    else if (base.kind == V_VREG && x->loc[base.vreg].kind == LOC_REG)
        m = mem_b((Reg)x->loc[base.vreg].r, (int32_t)c.i);
    else
        return 0;
    enc_alu(&x->a, alu_op[op->op], width, opm(m), src);
    x->skip = 4;
    return 1;
}

/* A field access: `ptradd base, c` (c a constant) whose value dies at the
 * load or store right after it becomes one access at [base + c], and the
 * load or store is skipped.  base in a register, or a symbol (disp32:
 * non-PIE below 2 GiB), or in its slot (loaded into rcx first: load_from
 * writes only its destination, store_to loads its value into rax).
 * Tried first: the whole read-modify-write (fuse_rmw) and, for a load, a
 * branch on a flag of the loaded value (and_branch at [base + c]).  0
 * when the pattern does not apply. */
static int fuse_disp(X64Fn *x, const Inst *in)
{
    const Block *b = x->f->blocks[x->cur];
    int i = x->curinst - x->istart[x->cur], gi = x->curinst;
    Val base = in->args[0], c = in->args[1];
    if (c.kind != V_INT || c.i < INT32_MIN / 2 || c.i > INT32_MAX / 2 || in->dst < 0 ||
        i + 1 >= b->ninsts || x->vend[in->dst] > 2 * (gi + 1) + 2)
        return 0;
    if (fuse_rmw(x, in))
        return 1;
    const Inst *ls = &b->insts[i + 1];
    int load = (op_info[ls->op].flags & F_LOAD) && ls->args[0].kind == V_VREG && ls->args[0].vreg == in->dst;
    int store = ls->op == OP_STORE && ls->args[1].kind == V_VREG && ls->args[1].vreg == in->dst &&
                !(ls->args[0].kind == V_VREG && ls->args[0].vreg == in->dst);
    if ((!load && !store) || (load && !one_move(ls)))
        return 0;
    Mem m;
    if (base.kind == V_SYM && base.i + c.i >= INT32_MIN / 2 && base.i + c.i <= INT32_MAX / 2) {
        m = mem_sym(x64_esym(x, base.sym), NOREG, 1, (int32_t)(base.i + c.i));
    } else if (base.kind == V_VREG && x->loc[base.vreg].kind == LOC_REG) {
        m = mem_b((Reg)x->loc[base.vreg].r, (int32_t)c.i);
    } else if (base.kind == V_VREG && x->loc[base.vreg].kind == LOC_STACK) {
        x64_load(x, base, RCX);
        m = mem_b(RCX, (int32_t)c.i);
    } else {
        return 0;
    }
    if (load && and_branch(x, 2, &m))
        return 1;
    if (load)
        load_from(x, ls, m);
    else
        store_to(x, ls, 1, m);
    x->skip = 1;
    return 1;
}

static void gen_ptradd(X64Fn *x, const Inst *in)
{
    if (fuse_disp(x, in))
        return;
    if (try_lea(x, in->dst, in->args[0], in->args[1], 0, 8))
        return;
    Reg acc = acc_reg(x, in->dst, in->args[1]);
    x64_load(x, in->args[0], acc);
    enc_alu(&x->a, ALU_ADD, 8, opr(acc), src_op(x, in->args[1], RCX, 8));
    x64_store(x, in->dst, acc);
}

/* --- intrinsics ---------------------------------------------------------- */
/* Arguments go to the row's registers: first those in scratch registers,
 * then those in allocatable ones (r10 for syscall), so a source still
 * living in an allocatable register is read before it is overwritten.
 * NOREG arguments (cpuid's result pointer) use rsi, outside every mask. */
/* A syscall whose number is a constant: its other arguments go to their
 * registers as one parallel copy (x64_parallel_args), the number last,
 * so an argument may sit in any register, another argument's included
 * (ralloc.c lets them, and hints each to its own). */
int x64_syscall_moves(const Inst *in)
{
    return in->op == OP_INTRIN && in->args[0].i == IN_SYSCALL && in->args[1].kind == V_INT;
}

static void gen_intrin(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    const IntrinInfo *ii = &intrin_info[in->args[0].i];
    int nargs = in->nargs - 1;
    if (x64_syscall_moves(in)) {
        x64_parallel_args(x, &ii->argregs[1], &in->args[2], nargs - 1);
        x64_load(x, in->args[1], RAX);
    } else {
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < nargs; i++) {
                Reg r = ii->argregs[i] == NOREG ? RSI : ii->argregs[i];
                if (!!(INT_ALLOC >> r & 1) == pass)
                    x64_load(x, in->args[1 + i], r);
            }
    }
    switch (in->args[0].i) {
    case IN_MEMCMP: {
        int done = enc_label(a);
        enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
        enc_test(a, 8, opr(RCX), opr(RCX));
        enc_jcc(a, CC_E, done);
        enc_bytes(a, "\xf3\xa6", 2);                          /* repe cmpsb */
        enc_movzx(a, 4, RAX, 1, opm(mem_b(RDI, -1)));
        enc_movzx(a, 4, RDX, 1, opm(mem_b(RSI, -1)));
        enc_alu(a, ALU_SUB, 4, opr(RAX), opr(RDX));
        enc_bind(a, done);
        break;
    }
    case IN_STRLEN:
        enc_alu(a, ALU_XOR, 4, opr(RAX), opr(RAX));
        enc_mov(a, 8, opr(RCX), opi(-1));
        enc_bytes(a, "\xf2\xae", 2);                          /* repne scasb */
        enc_mov(a, 8, opr(RAX), opr(RCX));
        enc_unary(a, UN_NOT, 8, opr(RAX));
        enc_unary(a, UN_DEC, 8, opr(RAX));
        break;
    case IN_VA_START: x64_va_start(x, in); return;
    case IN_VA_ARG: x64_va_arg(x, in); return;
    case IN_VA_END: return;
    default:
        enc_bytes(a, ii->bytes, (size_t)ii->nbytes);
    }
    switch (ii->res) {
    case RES_RAX:
        x64_result_rax(x, in);
        break;
    case RES_RDX_RAX:
        enc_shift(a, SH_SHL, 8, opr(RDX), opi(32));
        enc_mov(a, 4, opr(RAX), opr(RAX));
        enc_alu(a, ALU_OR, 8, opr(RAX), opr(RDX));
        if (in->dst >= 0)
            x64_store(x, in->dst, RAX);
        break;
    case RES_MEM4:
        enc_mov(a, 4, opm(mem_b(RSI, 0)), opr(RAX));
        enc_mov(a, 4, opm(mem_b(RSI, 4)), opr(RBX));
        enc_mov(a, 4, opm(mem_b(RSI, 8)), opr(RCX));
        enc_mov(a, 4, opm(mem_b(RSI, 12)), opr(RDX));
        break;
    default:
        break;
    }
}

/* --- control flow -------------------------------------------------------- */

/* A jump to a block that is only a fused compare and branch (a loop
 * test) copies them: the loop's back edge is then one conditional jump.
 * The compare's operands are live out of this block, so they are where
 * the test block reads them. */
static void gen_jmp(X64Fn *x, const Inst *in)
{
    int t = in->args[0].blk;
    const Block *tb = x->f->blocks[t];
    if (t != x->cur + 1 && tb->ninsts == 2 && is_icmp(tb->insts[0].op) &&
        fuses(x, &tb->insts[0], &tb->insts[1], x->istart[t])) {
        cmp_branch(x, &tb->insts[0], NULL, icmp_cc[tb->insts[0].op], tb->insts[1].args[1].blk,
                   tb->insts[1].args[2].blk);
        return;
    }
    jump_to(x, t);
}

static void gen_br(X64Fn *x, const Inst *in)
{
    int t = in->args[1].blk, f = in->args[2].blk;
    AsmMark m;
    uint32_t from;
    do {
        m = enc_mark(&x->a);
        x64_load(x, in->args[0], RAX);
        from = enc_pos(&x->a);
        enc_test(&x->a, type_size(in->type), opr(RAX), opr(RAX));
        if (t == x->cur + 1)
            enc_jcc(&x->a, CC_E, x->blabel[f]);
        else
            enc_jcc(&x->a, CC_NE, x->blabel[t]);
    } while (enc_unsplit(&x->a, m, from));
    if (t != x->cur + 1)
        jump_to(x, f);
}

static int64_t sext_to(int64_t v, Type t)
{
    switch (t) {
    case T_I8: return (int8_t)v;
    case T_I16: return (int16_t)v;
    case T_I32: return (int32_t)v;
    default: return v;
    }
}

/* switch: the value sign-extended to 64 bits in rax.  Dense cases (at
 * least 4, range under 3n+8) use a table of 32-bit offsets from the table
 * itself, emitted after the function:
 *     sub rax, lo; cmp rax, n-1; ja default
 *     lea rcx, [rip+table]; movsxd rax, [rcx+rax*4]; add rax, rcx; jmp rax
 * Others compare in order. */
static void gen_switch(X64Fn *x, const Inst *in)
{
    Asm *a = &x->a;
    Type t = in->type;
    int ncase = (in->nargs - 2) / 2, deflt = in->args[1].blk;
    x64_load(x, in->args[0], RAX);
    if (type_size(t) < 8)
        enc_movsx(a, 8, RAX, type_size(t), opr(RAX));
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (int i = 0; i < ncase; i++) {
        int64_t v = sext_to(in->args[2 + 2 * i].i, t);
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    if (ncase >= 4 && (uint64_t)hi - (uint64_t)lo < (uint64_t)(3 * ncase + 8)) {
        int n = (int)(hi - lo) + 1;
        grow(&x->tables, &x->captables, x->ntables + 1, sizeof(JumpTable));
        JumpTable *jt = &x->tables[x->ntables++];
        jt->label = enc_label(a);
        jt->lo = lo;
        jt->n = n;
        jt->deflt = deflt;
        jt->targets = xmalloc((size_t)n * sizeof(int));
        for (int i = 0; i < n; i++)
            jt->targets[i] = deflt;
        for (int i = ncase - 1; i >= 0; i--)
            jt->targets[sext_to(in->args[2 + 2 * i].i, t) - lo] = in->args[3 + 2 * i].blk;
        enc_mov(a, 8, opr(RCX), opi(lo));
        enc_alu(a, ALU_SUB, 8, opr(RAX), opr(RCX));
        enc_alu(a, ALU_CMP, 8, opr(RAX), opi(n - 1));
        enc_jcc(a, CC_A, x->blabel[deflt]);
        enc_lea(a, 8, RCX, mem_label(jt->label));
        enc_movsx(a, 8, RAX, 4, opm(mem_bis(RCX, RAX, 4, 0)));
        enc_alu(a, ALU_ADD, 8, opr(RAX), opr(RCX));
        enc_jmp_ind(a, opr(RAX));
        return;
    }
    for (int i = 0; i < ncase; i++) {
        int64_t v = sext_to(in->args[2 + 2 * i].i, t);
        if (v >= INT32_MIN && v <= INT32_MAX) {
            enc_alu(a, ALU_CMP, 8, opr(RAX), opi(v));
        } else {
            enc_mov(a, 8, opr(RCX), opi(v));
            enc_alu(a, ALU_CMP, 8, opr(RAX), opr(RCX));
        }
        enc_jcc(a, CC_E, x->blabel[in->args[3 + 2 * i].blk]);
    }
    jump_to(x, deflt);
}

static void gen_unreachable(X64Fn *x, const Inst *in)
{
    (void)in;
    enc_ud2(&x->a);
}

static void gen_call(X64Fn *x, const Inst *in) { x64_call(x, in); }
static void gen_ret(X64Fn *x, const Inst *in) { x64_ret(x, in); }

static void (*const gen[OP_COUNT])(X64Fn *, const Inst *) = {
    [OP_ADD] = gen_alu, [OP_SUB] = gen_alu, [OP_MUL] = gen_alu,
    [OP_AND] = gen_alu, [OP_OR] = gen_alu, [OP_XOR] = gen_alu,
    [OP_SDIV] = gen_div, [OP_UDIV] = gen_div, [OP_SREM] = gen_div, [OP_UREM] = gen_div,
    [OP_SHL] = gen_shift, [OP_LSHR] = gen_shift, [OP_ASHR] = gen_shift,
    [OP_NEG] = gen_unary, [OP_NOT] = gen_unary,
    [OP_EQ] = gen_cmp, [OP_NE] = gen_cmp, [OP_SLT] = gen_cmp, [OP_SLE] = gen_cmp,
    [OP_SGT] = gen_cmp, [OP_SGE] = gen_cmp, [OP_ULT] = gen_cmp, [OP_ULE] = gen_cmp,
    [OP_UGT] = gen_cmp, [OP_UGE] = gen_cmp,
    [OP_FADD] = gen_farith, [OP_FSUB] = gen_farith, [OP_FMUL] = gen_farith,
    [OP_FDIV] = gen_farith, [OP_FNEG] = gen_funary, [OP_FSQRT] = gen_funary,
    [OP_FOEQ] = gen_fcmp, [OP_FONE] = gen_fcmp, [OP_FOLT] = gen_fcmp, [OP_FOLE] = gen_fcmp,
    [OP_FOGT] = gen_fcmp, [OP_FOGE] = gen_fcmp, [OP_FORD] = gen_fcmp, [OP_FUEQ] = gen_fcmp,
    [OP_FUNE] = gen_fcmp, [OP_FULT] = gen_fcmp, [OP_FULE] = gen_fcmp, [OP_FUGT] = gen_fcmp,
    [OP_FUGE] = gen_fcmp, [OP_FUNO] = gen_fcmp,
    [OP_SEXT] = gen_ext, [OP_ZEXT] = gen_ext, [OP_TRUNC] = gen_copy,
    [OP_SITOF] = gen_itof, [OP_UITOF] = gen_itof, [OP_FTOSI] = gen_ftoi, [OP_FTOUI] = gen_ftoi,
    [OP_FEXT] = gen_fconv, [OP_FTRUNC] = gen_fconv, [OP_BITCAST] = gen_copy,
    [OP_COPY] = gen_copy,
    [OP_LOAD] = gen_load, [OP_LOADS8] = gen_load, [OP_LOADU8] = gen_load,
    [OP_LOADS16] = gen_load, [OP_LOADU16] = gen_load, [OP_LOADS32] = gen_load,
    [OP_LOADU32] = gen_load, [OP_STORE] = gen_store, [OP_ALLOCA] = gen_alloca,
    [OP_PTRADD] = gen_ptradd, [OP_CALL] = gen_call, [OP_INTRIN] = gen_intrin,
    [OP_RET] = gen_ret, [OP_JMP] = gen_jmp, [OP_BR] = gen_br, [OP_SWITCH] = gen_switch,
    [OP_UNREACHABLE] = gen_unreachable,
};

/* The allocatable registers an instruction's expansion writes besides
 * rax, rcx, xmm14, xmm15 and its destination's own register: no vreg live
 * at the instruction (operands and destination included) may be in one.
 * Calls are the allocator's business (ralloc.c: inst_clobbers). */
uint32_t x64_scratch(const X64Fn *x, const Inst *in)
{
    switch (in->op) {
    case OP_SDIV: case OP_UDIV: case OP_SREM: case OP_UREM:
        return RM(RDX);
    case OP_INTRIN: {   /* argument and string registers, rsi for NOREG, va_arg's rdx */
        const IntrinInfo *ii = &intrin_info[in->args[0].i];
        if (in->args[0].i == IN_SYSCALL) {
            /* the kernel keeps every register but rax, rcx and r11; only
             * the arguments passed are written (gen_intrin) */
            uint32_t m = ii->writes | ii->clobbers;
            for (int i = 0; i < in->nargs - 1; i++)
                m |= RM(ii->argregs[i]);
            return m;
        }
        return CALLER_SAVED | ii->reads | ii->writes | ii->clobbers;
    }
    case OP_RET:        /* aggregates: rsi rdi rcx rdx r11 (x64_ret) */
        return x->f->retagg ? CALLER_SAVED : 0;
    default:
        return 0;
    }
}

/* Store in's result, just left in rax.  When the next instruction is an
 * integer compare of it (its first operand, not its second) and nothing
 * else reads it, the compare reads it from rax: emit_cmp reads its first
 * operand's register before it writes rax (set_result) or rcx (the
 * second operand).  After webs.c the vreg has no other definition or
 * use, so its location may change here, as returned_next does. */
void x64_result_rax(X64Fn *x, const Inst *in)
{
    const Block *b = x->f->blocks[x->cur];
    int i = x->curinst - x->istart[x->cur];
    if (in->dst < 0)
        return;
    const Inst *nx = i + 1 < b->ninsts ? &b->insts[i + 1] : NULL;
    if (nx && is_icmp(nx->op) && is_vreg(nx->args[0], in->dst) && !is_vreg(nx->args[1], in->dst) &&
        dies_by(x, in->dst, 1))
        x->loc[in->dst] = (Loc){LOC_REG, RAX};
    x64_store(x, in->dst, RAX);
}

/* The result of in is returned by the next instruction and used nowhere
 * else (after webs.c, the vreg has no other definition or use): it may be
 * computed in rax / xmm0 directly, which no vreg occupies. */
static int returned_next(const X64Fn *x, const Inst *in)
{
    const Func *f = x->f;
    const Block *b = f->blocks[x->cur];
    int i = x->curinst - x->istart[x->cur];
    if (in->dst < 0 || f->retagg || f->ret == T_VOID || i + 1 >= b->ninsts)
        return 0;
    const Inst *nx = &b->insts[i + 1];
    return nx->op == OP_RET && nx->nargs == 1 && nx->args[0].kind == V_VREG &&
           nx->args[0].vreg == in->dst && x->vend[in->dst] <= 2 * (x->curinst + 1) + 2 &&
           type_is_flt(f->ret) == type_is_flt(x->f->vregs[in->dst].type);
}

void x64_inst(X64Fn *x, const Inst *in)
{
    if (!gen[in->op])
        die("x64: opcode %s reached isel (rt_lower_module not run?)", op_info[in->op].name);
    if (returned_next(x, in))
        x->loc[in->dst] = type_is_flt(x->f->ret) ? (Loc){LOC_XMM, 0} : (Loc){LOC_REG, RAX};
    gen[in->op](x, in);
}
