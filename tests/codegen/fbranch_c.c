/* fbranch_c.c: the C side of fbranch.ir: each fb_/fbn_<pred>_<type>
 * against the same comparison in C, on every pair of the values below. */
long arc_write(int fd, const void *p, unsigned long n);

static long failures;

static void put(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    arc_write(1, s, n);
}

static void check(const char *name, int got, int want)
{
    if (got != want && failures++ < 20) {
        put("FAIL ");
        put(name);
        put("\n");
    }
}

/* PAIRS(T, CT): the declarations, and pairs_T(a, b) checking every
 * predicate in both layouts against C on a, b */
#define PAIRS(T, CT) \
    int fb_foeq_##T(CT, CT); int fbn_foeq_##T(CT, CT); \
    int fb_fone_##T(CT, CT); int fbn_fone_##T(CT, CT); \
    int fb_folt_##T(CT, CT); int fbn_folt_##T(CT, CT); \
    int fb_fole_##T(CT, CT); int fbn_fole_##T(CT, CT); \
    int fb_fogt_##T(CT, CT); int fbn_fogt_##T(CT, CT); \
    int fb_foge_##T(CT, CT); int fbn_foge_##T(CT, CT); \
    int fb_ford_##T(CT, CT); int fbn_ford_##T(CT, CT); \
    int fb_fueq_##T(CT, CT); int fbn_fueq_##T(CT, CT); \
    int fb_fune_##T(CT, CT); int fbn_fune_##T(CT, CT); \
    int fb_fult_##T(CT, CT); int fbn_fult_##T(CT, CT); \
    int fb_fule_##T(CT, CT); int fbn_fule_##T(CT, CT); \
    int fb_fugt_##T(CT, CT); int fbn_fugt_##T(CT, CT); \
    int fb_fuge_##T(CT, CT); int fbn_fuge_##T(CT, CT); \
    int fb_funo_##T(CT, CT); int fbn_funo_##T(CT, CT); \
    static void pairs_##T(CT a, CT b) \
    { \
        check("fb_foeq_" #T, fb_foeq_##T(a, b), a == b); \
        check("fbn_foeq_" #T, fbn_foeq_##T(a, b), a == b); \
        check("fb_fone_" #T, fb_fone_##T(a, b), (a < b || a > b)); \
        check("fbn_fone_" #T, fbn_fone_##T(a, b), (a < b || a > b)); \
        check("fb_folt_" #T, fb_folt_##T(a, b), a < b); \
        check("fbn_folt_" #T, fbn_folt_##T(a, b), a < b); \
        check("fb_fole_" #T, fb_fole_##T(a, b), a <= b); \
        check("fbn_fole_" #T, fbn_fole_##T(a, b), a <= b); \
        check("fb_fogt_" #T, fb_fogt_##T(a, b), a > b); \
        check("fbn_fogt_" #T, fbn_fogt_##T(a, b), a > b); \
        check("fb_foge_" #T, fb_foge_##T(a, b), a >= b); \
        check("fbn_foge_" #T, fbn_foge_##T(a, b), a >= b); \
        check("fb_ford_" #T, fb_ford_##T(a, b), (a == a && b == b)); \
        check("fbn_ford_" #T, fbn_ford_##T(a, b), (a == a && b == b)); \
        check("fb_fueq_" #T, fb_fueq_##T(a, b), (a == b || a != a || b != b)); \
        check("fbn_fueq_" #T, fbn_fueq_##T(a, b), (a == b || a != a || b != b)); \
        check("fb_fune_" #T, fb_fune_##T(a, b), a != b); \
        check("fbn_fune_" #T, fbn_fune_##T(a, b), a != b); \
        check("fb_fult_" #T, fb_fult_##T(a, b), !(a >= b)); \
        check("fbn_fult_" #T, fbn_fult_##T(a, b), !(a >= b)); \
        check("fb_fule_" #T, fb_fule_##T(a, b), !(a > b)); \
        check("fbn_fule_" #T, fbn_fule_##T(a, b), !(a > b)); \
        check("fb_fugt_" #T, fb_fugt_##T(a, b), !(a <= b)); \
        check("fbn_fugt_" #T, fbn_fugt_##T(a, b), !(a <= b)); \
        check("fb_fuge_" #T, fb_fuge_##T(a, b), !(a < b)); \
        check("fbn_fuge_" #T, fbn_fuge_##T(a, b), !(a < b)); \
        check("fb_funo_" #T, fb_funo_##T(a, b), (a != a || b != b)); \
        check("fbn_funo_" #T, fbn_funo_##T(a, b), (a != a || b != b)); \
    }

PAIRS(f32, float)
PAIRS(f64, double)

long fbranch_main(void)
{
    double zero = 0.0, one = 1.0;
    double inf = one / zero, nan = zero / zero;
    double v[] = {0.0, -0.0, 1.0, -1.0, 2.5, inf, -inf, nan, -nan, 1e300};
    int n = sizeof v / sizeof v[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            pairs_f64(v[i], v[j]);
            pairs_f32((float)v[i], (float)v[j]);
        }
    put(failures ? "fbranch: FAILED\n" : "fbranch: ok\n");
    return failures != 0;
}
