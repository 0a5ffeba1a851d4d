/* diff_ops_c.c: the gcc side of diff_ops.ir.  Every IR function t_<op>_<type>
 * is called with edge and pseudo-random operands and compared with the same
 * operation compiled by gcc.  Operands that are undefined in C (division by
 * zero, out-of-range float to int) are skipped; a signed division by -1 is
 * checked against the wrapped result (MIN / -1 is MIN, MIN % -1 is 0: the
 * IR's definition, which C leaves undefined); shift counts are taken
 * modulo the width.  Floats are compared bit for bit. */
#include <stdint.h>

long arc_write(int fd, const void *p, unsigned long n);

static long checks, failures;

static void put(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    arc_write(1, s, n);
}

static void puthex(uint64_t v)
{
    char b[19];
    b[0] = '0';
    b[1] = 'x';
    for (int i = 0; i < 16; i++)
        b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
    b[18] = ' ';
    arc_write(1, b, 19);
}

static void fail(const char *name, uint64_t a, uint64_t b, uint64_t got, uint64_t want)
{
    if (failures++ < 20) {
        put("FAIL ");
        put(name);
        put(" ");
        puthex(a);
        puthex(b);
        put("got ");
        puthex(got);
        put("want ");
        puthex(want);
        put("\n");
    }
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t dbits(double d) { union { double d; uint64_t u; } x = {d}; return x.u; }
static uint64_t fbits(float f) { union { float f; uint32_t u; } x = {f}; return x.u; }
static double bitsd(uint64_t u) { union { uint64_t u; double d; } x = {u}; return x.d; }

#define CK(name, got, want, a, b) do { \
        checks++; \
        if ((got) != (want)) fail(name, (uint64_t)(a), (uint64_t)(b), (uint64_t)(got), (uint64_t)(want)); \
    } while (0)

#define INT_DECLS(T, tn) \
    T t_add_##tn(T, T); T t_sub_##tn(T, T); T t_mul_##tn(T, T); T t_sdiv_##tn(T, T); \
    T t_udiv_##tn(T, T); T t_srem_##tn(T, T); T t_urem_##tn(T, T); T t_and_##tn(T, T); \
    T t_or_##tn(T, T); T t_xor_##tn(T, T); T t_shl_##tn(T, T); T t_lshr_##tn(T, T); \
    T t_ashr_##tn(T, T); T t_neg_##tn(T); T t_not_##tn(T); \
    unsigned char t_eq_##tn(T, T), t_ne_##tn(T, T), t_slt_##tn(T, T), t_sle_##tn(T, T), \
        t_sgt_##tn(T, T), t_sge_##tn(T, T), t_ult_##tn(T, T), t_ule_##tn(T, T), \
        t_ugt_##tn(T, T), t_uge_##tn(T, T); \
    double t_sitof_f64_##tn(T), t_uitof_f64_##tn(T); float t_sitof_f32_##tn(T), t_uitof_f32_##tn(T); \
    T t_ftosi_##tn##_f64(double), t_ftoui_##tn##_f64(double); \
    T t_ftosi_##tn##_f32(float), t_ftoui_##tn##_f32(float);

#define INT_TESTS(T, UT, tn, BITS, MIN) \
    static void test_##tn(T a, T b) \
    { \
        UT ua = (UT)a, ub = (UT)b; \
        CK("add_" #tn, t_add_##tn(a, b), (T)(UT)((uint64_t)ua + ub), a, b); \
        CK("sub_" #tn, t_sub_##tn(a, b), (T)(UT)((uint64_t)ua - ub), a, b); \
        CK("mul_" #tn, t_mul_##tn(a, b), (T)(UT)((uint64_t)ua * ub), a, b); \
        if (b == -1) { /* wraps: MIN / -1 is MIN, MIN % -1 is 0 */ \
            CK("sdiv_" #tn, t_sdiv_##tn(a, b), (T)(UT)(0 - (uint64_t)ua), a, b); \
            CK("srem_" #tn, t_srem_##tn(a, b), (T)0, a, b); \
        } else if (b != 0) { \
            CK("sdiv_" #tn, t_sdiv_##tn(a, b), (T)(a / b), a, b); \
            CK("srem_" #tn, t_srem_##tn(a, b), (T)(a % b), a, b); \
        } \
        if (ub != 0) { \
            CK("udiv_" #tn, (UT)t_udiv_##tn(a, b), (UT)(ua / ub), a, b); \
            CK("urem_" #tn, (UT)t_urem_##tn(a, b), (UT)(ua % ub), a, b); \
        } \
        CK("and_" #tn, t_and_##tn(a, b), (T)(a & b), a, b); \
        CK("or_" #tn, t_or_##tn(a, b), (T)(a | b), a, b); \
        CK("xor_" #tn, t_xor_##tn(a, b), (T)(a ^ b), a, b); \
        T s = (T)(ub % BITS); \
        CK("shl_" #tn, t_shl_##tn(a, s), (T)(UT)((uint64_t)ua << s), a, s); \
        CK("lshr_" #tn, t_lshr_##tn(a, s), (T)(UT)(ua >> s), a, s); \
        CK("ashr_" #tn, t_ashr_##tn(a, s), (T)(a >> s), a, s); \
        CK("neg_" #tn, t_neg_##tn(a), (T)(UT)(0 - (uint64_t)ua), a, 0); \
        CK("not_" #tn, t_not_##tn(a), (T)~a, a, 0); \
        CK("eq_" #tn, t_eq_##tn(a, b), a == b, a, b); \
        CK("ne_" #tn, t_ne_##tn(a, b), a != b, a, b); \
        CK("slt_" #tn, t_slt_##tn(a, b), a < b, a, b); \
        CK("sle_" #tn, t_sle_##tn(a, b), a <= b, a, b); \
        CK("sgt_" #tn, t_sgt_##tn(a, b), a > b, a, b); \
        CK("sge_" #tn, t_sge_##tn(a, b), a >= b, a, b); \
        CK("ult_" #tn, t_ult_##tn(a, b), ua < ub, a, b); \
        CK("ule_" #tn, t_ule_##tn(a, b), ua <= ub, a, b); \
        CK("ugt_" #tn, t_ugt_##tn(a, b), ua > ub, a, b); \
        CK("uge_" #tn, t_uge_##tn(a, b), ua >= ub, a, b); \
        CK("sitof_f64_" #tn, dbits(t_sitof_f64_##tn(a)), dbits((double)a), a, 0); \
        CK("uitof_f64_" #tn, dbits(t_uitof_f64_##tn(a)), dbits((double)ua), a, 0); \
        CK("sitof_f32_" #tn, fbits(t_sitof_f32_##tn(a)), fbits((float)a), a, 0); \
        CK("uitof_f32_" #tn, fbits(t_uitof_f32_##tn(a)), fbits((float)ua), a, 0); \
        double lim = (double)((uint64_t)1 << (BITS - 1)); \
        double d = (double)a + (a < 0 ? -0.75 : 0.75); \
        if (d > -lim && d < lim) \
            CK("ftosi_" #tn "_f64", t_ftosi_##tn##_f64(d), (T)d, dbits(d), 0); \
        float f = (float)d; \
        if (f > -(float)lim && f < (float)lim) \
            CK("ftosi_" #tn "_f32", t_ftosi_##tn##_f32(f), (T)f, fbits(f), 0); \
        double du = (double)ua + 0.5; \
        if (du < 2 * lim) \
            CK("ftoui_" #tn "_f64", (UT)t_ftoui_##tn##_f64(du), (UT)du, dbits(du), 0); \
        float fu = (float)du; \
        if (fu < 2 * (float)lim) \
            CK("ftoui_" #tn "_f32", (UT)t_ftoui_##tn##_f32(fu), (UT)fu, fbits(fu), 0); \
    }

/* Division by the constant 2^k (gen_diff.sh's t_<op>p<k>_<type>). */
#define POW2_DECLS(T, tn, k) \
    T t_sdivp##k##_##tn(T), t_udivp##k##_##tn(T), t_sremp##k##_##tn(T), t_uremp##k##_##tn(T);
#define POW2_CK(T, UT, tn, k, a) do { \
        T d_ = (T)((UT)1 << k); \
        CK("sdivp" #k "_" #tn, t_sdivp##k##_##tn(a), (T)(a / d_), a, d_); \
        CK("sremp" #k "_" #tn, t_sremp##k##_##tn(a), (T)(a % d_), a, d_); \
        CK("udivp" #k "_" #tn, (UT)t_udivp##k##_##tn(a), (UT)((UT)a / (UT)d_), a, d_); \
        CK("uremp" #k "_" #tn, (UT)t_uremp##k##_##tn(a), (UT)((UT)a % (UT)d_), a, d_); \
    } while (0)
POW2_DECLS(int8_t, i8, 1) POW2_DECLS(int8_t, i8, 3) POW2_DECLS(int8_t, i8, 6)
POW2_DECLS(int16_t, i16, 1) POW2_DECLS(int16_t, i16, 3) POW2_DECLS(int16_t, i16, 14)
POW2_DECLS(int32_t, i32, 1) POW2_DECLS(int32_t, i32, 3) POW2_DECLS(int32_t, i32, 30)
POW2_DECLS(int64_t, i64, 1) POW2_DECLS(int64_t, i64, 3) POW2_DECLS(int64_t, i64, 30)

/* Division by other constants (gen_diff.sh's t_<op>c<d>_<type>): unsigned,
 * and signed too (SCONST) below the sign bit. */
#define UCONST_DECLS(T, tn, d) T t_udivc##d##_##tn(T), t_uremc##d##_##tn(T);
#define SCONST_DECLS(T, tn, d) UCONST_DECLS(T, tn, d) T t_sdivc##d##_##tn(T), t_sremc##d##_##tn(T);
#define UCONST_CK(T, UT, tn, d, a) do { \
        CK("udivc" #d "_" #tn, (UT)t_udivc##d##_##tn(a), (UT)((UT)a / (UT)d##u), a, d); \
        CK("uremc" #d "_" #tn, (UT)t_uremc##d##_##tn(a), (UT)((UT)a % (UT)d##u), a, d); \
    } while (0)
#define SCONST_CK(T, UT, tn, d, a) do { \
        UCONST_CK(T, UT, tn, d, a); \
        CK("sdivc" #d "_" #tn, t_sdivc##d##_##tn(a), (T)(a / (T)d), a, d); \
        CK("sremc" #d "_" #tn, t_sremc##d##_##tn(a), (T)(a % (T)d), a, d); \
    } while (0)
SCONST_DECLS(int8_t, i8, 3) SCONST_DECLS(int8_t, i8, 10) SCONST_DECLS(int8_t, i8, 100)
UCONST_DECLS(int8_t, i8, 255)
SCONST_DECLS(int16_t, i16, 7) SCONST_DECLS(int16_t, i16, 1000) SCONST_DECLS(int16_t, i16, 32767)
UCONST_DECLS(int16_t, i16, 65535)
SCONST_DECLS(int32_t, i32, 3) SCONST_DECLS(int32_t, i32, 7) SCONST_DECLS(int32_t, i32, 641)
SCONST_DECLS(int32_t, i32, 139968) SCONST_DECLS(int32_t, i32, 2147483647)
UCONST_DECLS(int32_t, i32, 4294967291)
UCONST_DECLS(int64_t, i64, 3) UCONST_DECLS(int64_t, i64, 1000000007)

/* Division by constants: 2^k and others. */
static void test_const_div(int64_t v)
{
    int8_t a8 = (int8_t)v;
    int16_t a16 = (int16_t)v;
    int32_t a32 = (int32_t)v;
    POW2_CK(int8_t, uint8_t, i8, 1, a8); POW2_CK(int8_t, uint8_t, i8, 3, a8);
    POW2_CK(int8_t, uint8_t, i8, 6, a8);
    POW2_CK(int16_t, uint16_t, i16, 1, a16); POW2_CK(int16_t, uint16_t, i16, 3, a16);
    POW2_CK(int16_t, uint16_t, i16, 14, a16);
    POW2_CK(int32_t, uint32_t, i32, 1, a32); POW2_CK(int32_t, uint32_t, i32, 3, a32);
    POW2_CK(int32_t, uint32_t, i32, 30, a32);
    POW2_CK(int64_t, uint64_t, i64, 1, v); POW2_CK(int64_t, uint64_t, i64, 3, v);
    POW2_CK(int64_t, uint64_t, i64, 30, v);
    SCONST_CK(int8_t, uint8_t, i8, 3, a8); SCONST_CK(int8_t, uint8_t, i8, 10, a8);
    SCONST_CK(int8_t, uint8_t, i8, 100, a8); UCONST_CK(int8_t, uint8_t, i8, 255, a8);
    SCONST_CK(int16_t, uint16_t, i16, 7, a16); SCONST_CK(int16_t, uint16_t, i16, 1000, a16);
    SCONST_CK(int16_t, uint16_t, i16, 32767, a16); UCONST_CK(int16_t, uint16_t, i16, 65535, a16);
    SCONST_CK(int32_t, uint32_t, i32, 3, a32); SCONST_CK(int32_t, uint32_t, i32, 7, a32);
    SCONST_CK(int32_t, uint32_t, i32, 641, a32); SCONST_CK(int32_t, uint32_t, i32, 139968, a32);
    SCONST_CK(int32_t, uint32_t, i32, 2147483647, a32);
    UCONST_CK(int32_t, uint32_t, i32, 4294967291, a32);
    UCONST_CK(int64_t, uint64_t, i64, 3, v); UCONST_CK(int64_t, uint64_t, i64, 1000000007, v);
}

INT_DECLS(int8_t, i8)
INT_DECLS(int16_t, i16)
INT_DECLS(int32_t, i32)
INT_DECLS(int64_t, i64)
INT_TESTS(int8_t, uint8_t, i8, 8, INT8_MIN)
INT_TESTS(int16_t, uint16_t, i16, 16, INT16_MIN)
INT_TESTS(int32_t, uint32_t, i32, 32, INT32_MIN)
INT_TESTS(int64_t, uint64_t, i64, 64, INT64_MIN)

int16_t t_sext_i16_i8(int8_t), t_zext_i16_i8(int8_t);
int32_t t_sext_i32_i8(int8_t), t_zext_i32_i8(int8_t), t_sext_i32_i16(int16_t), t_zext_i32_i16(int16_t);
int64_t t_sext_i64_i8(int8_t), t_zext_i64_i8(int8_t), t_sext_i64_i16(int16_t), t_zext_i64_i16(int16_t);
int64_t t_sext_i64_i32(int32_t), t_zext_i64_i32(int32_t);
int8_t t_trunc_i8_i16(int16_t), t_trunc_i8_i32(int32_t), t_trunc_i8_i64(int64_t);
int16_t t_trunc_i16_i32(int32_t), t_trunc_i16_i64(int64_t);
int32_t t_trunc_i32_i64(int64_t);

static void test_ext(uint64_t v)
{
    CK("sext_i16_i8", t_sext_i16_i8((int8_t)v), (int16_t)(int8_t)v, v, 0);
    CK("zext_i16_i8", t_zext_i16_i8((int8_t)v), (int16_t)(uint8_t)v, v, 0);
    CK("sext_i32_i8", t_sext_i32_i8((int8_t)v), (int32_t)(int8_t)v, v, 0);
    CK("zext_i32_i8", t_zext_i32_i8((int8_t)v), (int32_t)(uint8_t)v, v, 0);
    CK("sext_i32_i16", t_sext_i32_i16((int16_t)v), (int32_t)(int16_t)v, v, 0);
    CK("zext_i32_i16", t_zext_i32_i16((int16_t)v), (int32_t)(uint16_t)v, v, 0);
    CK("sext_i64_i8", t_sext_i64_i8((int8_t)v), (int64_t)(int8_t)v, v, 0);
    CK("zext_i64_i8", t_zext_i64_i8((int8_t)v), (int64_t)(uint8_t)v, v, 0);
    CK("sext_i64_i16", t_sext_i64_i16((int16_t)v), (int64_t)(int16_t)v, v, 0);
    CK("zext_i64_i16", t_zext_i64_i16((int16_t)v), (int64_t)(uint16_t)v, v, 0);
    CK("sext_i64_i32", t_sext_i64_i32((int32_t)v), (int64_t)(int32_t)v, v, 0);
    CK("zext_i64_i32", t_zext_i64_i32((int32_t)v), (int64_t)(uint32_t)v, v, 0);
    CK("trunc_i8_i16", t_trunc_i8_i16((int16_t)v), (int8_t)v, v, 0);
    CK("trunc_i8_i32", t_trunc_i8_i32((int32_t)v), (int8_t)v, v, 0);
    CK("trunc_i8_i64", t_trunc_i8_i64((int64_t)v), (int8_t)v, v, 0);
    CK("trunc_i16_i32", t_trunc_i16_i32((int32_t)v), (int16_t)v, v, 0);
    CK("trunc_i16_i64", t_trunc_i16_i64((int64_t)v), (int16_t)v, v, 0);
    CK("trunc_i32_i64", t_trunc_i32_i64((int64_t)v), (int32_t)v, v, 0);
}

#define FLT_DECLS(T, tn) \
    T t_fadd_##tn(T, T), t_fsub_##tn(T, T), t_fmul_##tn(T, T), t_fdiv_##tn(T, T); \
    T t_fneg_##tn(T), t_fsqrt_##tn(T); \
    unsigned char t_foeq_##tn(T, T), t_fone_##tn(T, T), t_folt_##tn(T, T), t_fole_##tn(T, T), \
        t_fogt_##tn(T, T), t_foge_##tn(T, T), t_ford_##tn(T, T), t_fueq_##tn(T, T), \
        t_fune_##tn(T, T), t_fult_##tn(T, T), t_fule_##tn(T, T), t_fugt_##tn(T, T), \
        t_fuge_##tn(T, T), t_funo_##tn(T, T);

#define FLT_TESTS(T, tn, BITS) \
    static void test_##tn(T a, T b) \
    { \
        int un = __builtin_isunordered(a, b); \
        CK("fadd_" #tn, BITS(t_fadd_##tn(a, b)), BITS(a + b), BITS(a), BITS(b)); \
        CK("fsub_" #tn, BITS(t_fsub_##tn(a, b)), BITS(a - b), BITS(a), BITS(b)); \
        CK("fmul_" #tn, BITS(t_fmul_##tn(a, b)), BITS(a * b), BITS(a), BITS(b)); \
        CK("fdiv_" #tn, BITS(t_fdiv_##tn(a, b)), BITS(a / b), BITS(a), BITS(b)); \
        CK("fneg_" #tn, BITS(t_fneg_##tn(a)), BITS(-a), BITS(a), 0); \
        if (a >= 0) \
            CK("fsqrt_" #tn, BITS(t_fsqrt_##tn(a)), BITS(SQRT(a)), BITS(a), 0); \
        CK("foeq_" #tn, t_foeq_##tn(a, b), a == b, BITS(a), BITS(b)); \
        CK("fone_" #tn, t_fone_##tn(a, b), !un && a != b, BITS(a), BITS(b)); \
        CK("folt_" #tn, t_folt_##tn(a, b), a < b, BITS(a), BITS(b)); \
        CK("fole_" #tn, t_fole_##tn(a, b), a <= b, BITS(a), BITS(b)); \
        CK("fogt_" #tn, t_fogt_##tn(a, b), a > b, BITS(a), BITS(b)); \
        CK("foge_" #tn, t_foge_##tn(a, b), a >= b, BITS(a), BITS(b)); \
        CK("ford_" #tn, t_ford_##tn(a, b), !un, BITS(a), BITS(b)); \
        CK("fueq_" #tn, t_fueq_##tn(a, b), un || a == b, BITS(a), BITS(b)); \
        CK("fune_" #tn, t_fune_##tn(a, b), a != b, BITS(a), BITS(b)); \
        CK("fult_" #tn, t_fult_##tn(a, b), !(a >= b), BITS(a), BITS(b)); \
        CK("fule_" #tn, t_fule_##tn(a, b), !(a > b), BITS(a), BITS(b)); \
        CK("fugt_" #tn, t_fugt_##tn(a, b), !(a <= b), BITS(a), BITS(b)); \
        CK("fuge_" #tn, t_fuge_##tn(a, b), !(a < b), BITS(a), BITS(b)); \
        CK("funo_" #tn, t_funo_##tn(a, b), un, BITS(a), BITS(b)); \
    }

FLT_DECLS(float, f32)
FLT_DECLS(double, f64)
#define SQRT __builtin_sqrtf
FLT_TESTS(float, f32, fbits)
#undef SQRT
#define SQRT __builtin_sqrt
FLT_TESTS(double, f64, dbits)

double t_fext(float);
float t_ftrunc(double);
int64_t t_bits_f64(double);
float t_bits_i32(int32_t);

long diff_main(void)
{
    static const int64_t edges[] = {
        0, 1, -1, 2, -2, 3, 7, -7, 100, 127, 128, -128, -129, 255, 256, 32767, -32768, 65535,
        65536, 2147483647, -2147483647 - 1, 4294967295, 4294967296, INT64_MAX, INT64_MIN,
        INT64_MAX - 1, INT64_MIN + 1, 0x5555555555555555, (int64_t)0xaaaaaaaaaaaaaaaa,
    };
    enum { NE = sizeof edges / sizeof edges[0], NRAND = 3000 };
    for (int i = 0; i < NE + NRAND; i++) {
        for (int j = 0; j < NE + 4; j++) {
            int64_t a = i < NE ? edges[i] : (int64_t)next();
            int64_t b = j < NE ? edges[j] : (int64_t)next() >> (next() % 64);
            test_i8((int8_t)a, (int8_t)b);
            test_i16((int16_t)a, (int16_t)b);
            test_i32((int32_t)a, (int32_t)b);
            test_i64(a, b);
        }
        test_ext(i < NE ? (uint64_t)edges[i] : next());
        test_const_div(i < NE ? edges[i] : (int64_t)next());
    }
    static const double fe[] = {
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.14159, -2.5, 1e300, -1e300, 1e-310, -1e-300,
        1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 9223372036854775808.0, 18446744073709551616.0,
        16777217.0, 1e38, 3.5e38,
    };
    enum { NF = sizeof fe / sizeof fe[0] };
    for (int i = 0; i < NF + 500; i++) {
        for (int j = 0; j < NF + 4; j++) {
            double a = i < NF ? fe[i] : bitsd(next());
            double b = j < NF ? fe[j] : (double)(int64_t)next() / (double)(1 + (int64_t)(next() % 1000));
            test_f64(a, b);
            test_f32((float)a, (float)b);
            CK("fext", dbits(t_fext((float)a)), dbits((double)(float)a), dbits(a), 0);
            CK("ftrunc", fbits(t_ftrunc(a)), fbits((float)a), dbits(a), 0);
            CK("bits_f64", (uint64_t)t_bits_f64(a), dbits(a), dbits(a), 0);
        }
        CK("bits_i32", fbits(t_bits_i32((int32_t)next())), (uint32_t)rng, rng, 0);
    }
    if (failures) {
        put("diff: failures\n");
        return 1;
    }
    put("diff: ok\n");
    return 0;
}
