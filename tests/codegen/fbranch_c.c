/* fbranch_c.c: the C side of fbranch.ir: each fb_/fbn_<pred>_<type>
 * against the same comparison in C, on every pair of the values below. */
long arc_write(int fd, const void *p, unsigned long n);

int fb_foeq_f32(float, float);
int fbn_foeq_f32(float, float);
int fb_fone_f32(float, float);
int fbn_fone_f32(float, float);
int fb_folt_f32(float, float);
int fbn_folt_f32(float, float);
int fb_fole_f32(float, float);
int fbn_fole_f32(float, float);
int fb_fogt_f32(float, float);
int fbn_fogt_f32(float, float);
int fb_foge_f32(float, float);
int fbn_foge_f32(float, float);
int fb_ford_f32(float, float);
int fbn_ford_f32(float, float);
int fb_fueq_f32(float, float);
int fbn_fueq_f32(float, float);
int fb_fune_f32(float, float);
int fbn_fune_f32(float, float);
int fb_fult_f32(float, float);
int fbn_fult_f32(float, float);
int fb_fule_f32(float, float);
int fbn_fule_f32(float, float);
int fb_fugt_f32(float, float);
int fbn_fugt_f32(float, float);
int fb_fuge_f32(float, float);
int fbn_fuge_f32(float, float);
int fb_funo_f32(float, float);
int fbn_funo_f32(float, float);
int fb_foeq_f64(double, double);
int fbn_foeq_f64(double, double);
int fb_fone_f64(double, double);
int fbn_fone_f64(double, double);
int fb_folt_f64(double, double);
int fbn_folt_f64(double, double);
int fb_fole_f64(double, double);
int fbn_fole_f64(double, double);
int fb_fogt_f64(double, double);
int fbn_fogt_f64(double, double);
int fb_foge_f64(double, double);
int fbn_foge_f64(double, double);
int fb_ford_f64(double, double);
int fbn_ford_f64(double, double);
int fb_fueq_f64(double, double);
int fbn_fueq_f64(double, double);
int fb_fune_f64(double, double);
int fbn_fune_f64(double, double);
int fb_fult_f64(double, double);
int fbn_fult_f64(double, double);
int fb_fule_f64(double, double);
int fbn_fule_f64(double, double);
int fb_fugt_f64(double, double);
int fbn_fugt_f64(double, double);
int fb_fuge_f64(double, double);
int fbn_fuge_f64(double, double);
int fb_funo_f64(double, double);
int fbn_funo_f64(double, double);

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

static void pairs_f32(float a, float b)
{
    check("fb_foeq_f32", fb_foeq_f32(a, b), a == b);
    check("fbn_foeq_f32", fbn_foeq_f32(a, b), a == b);
    check("fb_fone_f32", fb_fone_f32(a, b), (a < b || a > b));
    check("fbn_fone_f32", fbn_fone_f32(a, b), (a < b || a > b));
    check("fb_folt_f32", fb_folt_f32(a, b), a < b);
    check("fbn_folt_f32", fbn_folt_f32(a, b), a < b);
    check("fb_fole_f32", fb_fole_f32(a, b), a <= b);
    check("fbn_fole_f32", fbn_fole_f32(a, b), a <= b);
    check("fb_fogt_f32", fb_fogt_f32(a, b), a > b);
    check("fbn_fogt_f32", fbn_fogt_f32(a, b), a > b);
    check("fb_foge_f32", fb_foge_f32(a, b), a >= b);
    check("fbn_foge_f32", fbn_foge_f32(a, b), a >= b);
    check("fb_ford_f32", fb_ford_f32(a, b), (a == a && b == b));
    check("fbn_ford_f32", fbn_ford_f32(a, b), (a == a && b == b));
    check("fb_fueq_f32", fb_fueq_f32(a, b), (a == b || a != a || b != b));
    check("fbn_fueq_f32", fbn_fueq_f32(a, b), (a == b || a != a || b != b));
    check("fb_fune_f32", fb_fune_f32(a, b), a != b);
    check("fbn_fune_f32", fbn_fune_f32(a, b), a != b);
    check("fb_fult_f32", fb_fult_f32(a, b), !(a >= b));
    check("fbn_fult_f32", fbn_fult_f32(a, b), !(a >= b));
    check("fb_fule_f32", fb_fule_f32(a, b), !(a > b));
    check("fbn_fule_f32", fbn_fule_f32(a, b), !(a > b));
    check("fb_fugt_f32", fb_fugt_f32(a, b), !(a <= b));
    check("fbn_fugt_f32", fbn_fugt_f32(a, b), !(a <= b));
    check("fb_fuge_f32", fb_fuge_f32(a, b), !(a < b));
    check("fbn_fuge_f32", fbn_fuge_f32(a, b), !(a < b));
    check("fb_funo_f32", fb_funo_f32(a, b), (a != a || b != b));
    check("fbn_funo_f32", fbn_funo_f32(a, b), (a != a || b != b));
}

static void pairs_f64(double a, double b)
{
    check("fb_foeq_f64", fb_foeq_f64(a, b), a == b);
    check("fbn_foeq_f64", fbn_foeq_f64(a, b), a == b);
    check("fb_fone_f64", fb_fone_f64(a, b), (a < b || a > b));
    check("fbn_fone_f64", fbn_fone_f64(a, b), (a < b || a > b));
    check("fb_folt_f64", fb_folt_f64(a, b), a < b);
    check("fbn_folt_f64", fbn_folt_f64(a, b), a < b);
    check("fb_fole_f64", fb_fole_f64(a, b), a <= b);
    check("fbn_fole_f64", fbn_fole_f64(a, b), a <= b);
    check("fb_fogt_f64", fb_fogt_f64(a, b), a > b);
    check("fbn_fogt_f64", fbn_fogt_f64(a, b), a > b);
    check("fb_foge_f64", fb_foge_f64(a, b), a >= b);
    check("fbn_foge_f64", fbn_foge_f64(a, b), a >= b);
    check("fb_ford_f64", fb_ford_f64(a, b), (a == a && b == b));
    check("fbn_ford_f64", fbn_ford_f64(a, b), (a == a && b == b));
    check("fb_fueq_f64", fb_fueq_f64(a, b), (a == b || a != a || b != b));
    check("fbn_fueq_f64", fbn_fueq_f64(a, b), (a == b || a != a || b != b));
    check("fb_fune_f64", fb_fune_f64(a, b), a != b);
    check("fbn_fune_f64", fbn_fune_f64(a, b), a != b);
    check("fb_fult_f64", fb_fult_f64(a, b), !(a >= b));
    check("fbn_fult_f64", fbn_fult_f64(a, b), !(a >= b));
    check("fb_fule_f64", fb_fule_f64(a, b), !(a > b));
    check("fbn_fule_f64", fbn_fule_f64(a, b), !(a > b));
    check("fb_fugt_f64", fb_fugt_f64(a, b), !(a <= b));
    check("fbn_fugt_f64", fbn_fugt_f64(a, b), !(a <= b));
    check("fb_fuge_f64", fb_fuge_f64(a, b), !(a < b));
    check("fbn_fuge_f64", fbn_fuge_f64(a, b), !(a < b));
    check("fb_funo_f64", fb_funo_f64(a, b), (a != a || b != b));
    check("fbn_funo_f64", fbn_funo_f64(a, b), (a != a || b != b));
}

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
