/* The allocator's C semantics: alignment, every byte of a block usable,
 * alloc(0) unique, free(NULL), calloc zeroing (also of recycled memory)
 * and overflow, realloc keeping the contents across size classes and into
 * and out of the large range, realloc(NULL, n), realloc(p, 0), NULL
 * (not a crash) for impossible sizes, and each small size's class (the
 * chunk header's first word, gen/rt/mem.c) against the class list. */
// expect: aligned and writable: ok
// expect: alloc(0): unique
// expect: free(NULL): ok
// expect: calloc zeroes: ok
// expect: calloc overflow: NULL
// expect: realloc grows and shrinks: ok
// expect: realloc(NULL, n), realloc(p, 0): ok
// expect: impossible sizes: NULL
// expect: reuse: a freed block comes back
// expect: every size up to 32 KiB: the smallest class that holds it
// status: 0
#include "arc_rt.h"

static void put(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    arc_write(1, s, n);
}

static int fail(const char *what)
{
    put("FAIL: ");
    put(what);
    put("\n");
    return 1;
}

static const unsigned long sizes[] = {
    0, 1, 7, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100, 127, 128, 129, 200, 255, 256,
    257, 500, 1000, 1023, 1024, 1025, 1100, 2000, 4095, 4096, 4097, 10000, 16384, 20000,
    32767, 32768, 32769, 40000, 65536, 100000, 1000000, 3000000,
};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static int check_fill(unsigned char *p, unsigned long n, unsigned char tag)
{
    for (unsigned long i = 0; i < n; i++)
        if (p[i] != (unsigned char)(tag + i * 7))
            return 0;
    return 1;
}

static void fill(unsigned char *p, unsigned long n, unsigned char tag)
{
    for (unsigned long i = 0; i < n; i++)
        p[i] = (unsigned char)(tag + i * 7);
}

int main(void)
{
    unsigned char *blk[NSIZES];
    for (unsigned long i = 0; i < NSIZES; i++) {
        blk[i] = arc_alloc(sizes[i]);
        if (!blk[i] || ((unsigned long)blk[i] & 15))
            return fail("alloc: NULL or misaligned");
        fill(blk[i], sizes[i], (unsigned char)i);
    }
    for (unsigned long i = 0; i < NSIZES; i++)
        if (!check_fill(blk[i], sizes[i], (unsigned char)i))
            return fail("blocks overlap");
    for (unsigned long i = 0; i < NSIZES; i++)
        arc_free(blk[i]);
    put("aligned and writable: ok\n");

    void *z[64];
    for (int i = 0; i < 64; i++) {
        z[i] = arc_alloc(0);
        if (!z[i])
            return fail("alloc(0) returned NULL");
        for (int j = 0; j < i; j++)
            if (z[j] == z[i])
                return fail("alloc(0) twice the same block");
    }
    for (int i = 0; i < 64; i++)
        arc_free(z[i]);
    put("alloc(0): unique\n");

    arc_free((void *)0);
    put("free(NULL): ok\n");

    /* Dirty blocks of each size, free them, and calloc the same sizes: the
     * cache hands the dirty blocks back, so zeroing is really tested. */
    for (unsigned long i = 0; i < NSIZES; i++) {
        unsigned char *p = arc_alloc(sizes[i]);
        fill(p, sizes[i], 0x5a);
        arc_free(p);
        unsigned char *q = arc_calloc(1, sizes[i]);
        if (!q || ((unsigned long)q & 15))
            return fail("calloc: NULL or misaligned");
        for (unsigned long k = 0; k < sizes[i]; k++)
            if (q[k])
                return fail("calloc: not zeroed");
        arc_free(q);
    }
    unsigned long *w = arc_calloc(1000, sizeof *w);
    for (int i = 0; i < 1000; i++)
        if (w[i])
            return fail("calloc(1000, 8): not zeroed");
    arc_free(w);
    put("calloc zeroes: ok\n");

    if (arc_calloc(1UL << 33, 1UL << 33) || arc_calloc(~0UL, 2) || arc_calloc(3, ~0UL / 2))
        return fail("calloc overflow not caught");
    put("calloc overflow: NULL\n");

    /* One block walked up through the classes into the large range and
     * back down, its prefix checked at every step. */
    unsigned long n = 1;
    unsigned char *p = arc_realloc((void *)0, n);
    fill(p, n, 3);
    for (unsigned long i = 0; i < NSIZES; i++) {
        unsigned long m = sizes[i] ? sizes[i] : 1;
        p = arc_realloc(p, m);
        if (!p || ((unsigned long)p & 15) || !check_fill(p, n < m ? n : m, 3))
            return fail("realloc up lost contents");
        fill(p, m, 3);
        n = m;
    }
    for (long i = (long)NSIZES - 1; i >= 0; i--) {
        unsigned long m = sizes[i] ? sizes[i] : 1;
        p = arc_realloc(p, m);
        if (!p || ((unsigned long)p & 15) || !check_fill(p, m, 3))
            return fail("realloc down lost contents");
    }
    /* A large block grown and shrunk in place (mremap) or moved. */
    p = arc_realloc(p, 50000);
    fill(p, 50000, 9);
    p = arc_realloc(p, 5000000);
    if (!check_fill(p, 50000, 9))
        return fail("realloc large grow");
    fill(p, 5000000, 9);
    p = arc_realloc(p, 70000);
    if (!check_fill(p, 70000, 9))
        return fail("realloc large shrink");
    p = arc_realloc(p, 300);
    if (!check_fill(p, 300, 9))
        return fail("realloc large to small");
    put("realloc grows and shrinks: ok\n");

    if (arc_realloc(p, 0))
        return fail("realloc(p, 0) did not return NULL");
    p = arc_realloc((void *)0, 24);
    if (!p)
        return fail("realloc(NULL, 24) returned NULL");
    fill(p, 24, 1);
    arc_free(p);
    put("realloc(NULL, n), realloc(p, 0): ok\n");

    p = arc_alloc(100);
    fill(p, 100, 4);
    if (arc_alloc(~0UL) || arc_alloc(1UL << 50) || arc_alloc(~0UL - 16) ||
        arc_realloc(p, ~0UL) || arc_realloc(p, ~0UL - 4000))
        return fail("an impossible size did not return NULL");
    if (!check_fill(p, 100, 4))
        return fail("a failed realloc damaged the block");
    arc_free(p);
    put("impossible sizes: NULL\n");

    void *a = arc_alloc(40);
    arc_free(a);
    void *b = arc_alloc(48);
    arc_free(b);
    if (a != b)
        return fail("a freed block is not reused first");
    put("reuse: a freed block comes back\n");

    /* The classes: 16..128 by 16, then four steps per doubling to 32 KiB
     * (gen/rt/mem.c); arc_alloc computes a size's class without a table. */
    unsigned long cls[40];
    int nc = 0;
    for (unsigned long s = 16; s <= 128; s += 16)
        cls[nc++] = s;
    for (unsigned long base = 128; base < 32768; base *= 2)
        for (unsigned long k = 1; k <= 4; k++)
            cls[nc++] = base + k * base / 4;
    for (unsigned long size = 0, c = 0; size <= 32768; size++) {
        while (cls[c] < size)
            c++;
        void *q = arc_alloc(size);
        unsigned got = *(unsigned *)((unsigned long)q & ~((1UL << 20) - 1));
        arc_free(q);
        if (got != c)
            return fail("a size is not in the smallest class that holds it");
    }
    put("every size up to 32 KiB: the smallest class that holds it\n");
    return 0;
}
