/* funcvals_c.c: the C side of funcvals.arc (freestanding): C calls an Arc
 * function given as a pointer, and gives Arc a C function pointer. */
int c_apply(int (*f)(int), int x)
{
    return f(x);
}

static int twice(int x)
{
    return 2 * x;
}

int (*c_twice(void))(int)
{
    return twice;
}

/* insertion sort through an Arc comparison */
void c_sort(int *p, int n, int (*cmp)(const int *, const int *))
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && cmp(&p[j - 1], &p[j]) > 0; j--) {
            int t = p[j];
            p[j] = p[j - 1];
            p[j - 1] = t;
        }
}
