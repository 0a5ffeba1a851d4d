/* Large blocks (above 32 KiB) are mappings of their own, returned to the
 * kernel when freed: the bytes mapped in /proc/self/maps (less [stack],
 * which grows on its own) rise by exactly the page-rounded blocks (plus a
 * 16-byte header each) and come back to the starting figure after the
 * frees, also after a realloc has grown or shrunk a block in place or
 * moved it. */
// expect: 24 large blocks mapped: exact
// expect: all freed: returned to the kernel
// expect: realloc 50000 -> 3000000 -> 100000 kept the data
// expect: after realloc and free: returned to the kernel
// status: 0
#include "arc_rt.h"

static void put(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    arc_write(1, s, n);
}

static char maps[1 << 18];

static unsigned long hex(const char **s)
{
    unsigned long v = 0;
    for (;;) {
        char c = **s;
        if (c >= '0' && c <= '9')
            v = v * 16 + (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v = v * 16 + (unsigned long)(c - 'a' + 10);
        else
            return v;
        (*s)++;
    }
}

/* Bytes mapped, from /proc/self/maps, without the [stack] line. */
static unsigned long mapped(void)
{
    long fd = arc_openat(-100, "/proc/self/maps", 0, 0);
    if (fd < 0)
        return 0;
    unsigned long n = 0;
    long r;
    while ((r = arc_read((int)fd, maps + n, sizeof maps - 1 - n)) > 0)
        n += (unsigned long)r;
    arc_close((int)fd);
    maps[n] = 0;
    unsigned long total = 0;
    const char *s = maps;
    while (*s) {
        const char *line = s;
        unsigned long lo = hex(&s);
        s++;
        unsigned long hi = hex(&s);
        int stack = 0;
        while (*s && *s != '\n') {
            if (*s == '[' && s[1] == 's' && s[2] == 't' && s[3] == 'a')
                stack = 1;
            s++;
        }
        if (*s)
            s++;
        if (!stack && s != line)
            total += hi - lo;
    }
    return total;
}

static unsigned long footprint(unsigned long n)
{
    return (n + 16 + 4095) & ~4095UL;
}

int main(void)
{
    enum { N = 24 };
    unsigned char *blk[N];
    unsigned long want = 0;
    unsigned long base = mapped();
    if (!base)
        return 10;
    for (int i = 0; i < N; i++) {
        unsigned long n = 32769 + (unsigned long)i * 77777;
        blk[i] = arc_alloc(n);
        if (!blk[i])
            return 11;
        blk[i][0] = 1;
        blk[i][n - 1] = 2;
        want += footprint(n);
    }
    if (mapped() - base != want)
        return 12;
    put("24 large blocks mapped: exact\n");
    for (int i = 0; i < N; i++)
        arc_free(blk[i]);
    if (mapped() != base)
        return 13;
    put("all freed: returned to the kernel\n");

    unsigned char *p = arc_alloc(50000);
    for (int i = 0; i < 50000; i++)
        p[i] = (unsigned char)(i * 13);
    p = arc_realloc(p, 3000000);
    if (!p || mapped() - base != footprint(3000000))
        return 14;
    p[2999999] = 1;
    p = arc_realloc(p, 100000);
    if (!p || mapped() - base != footprint(100000))
        return 15;
    for (int i = 0; i < 50000; i++)
        if (p[i] != (unsigned char)(i * 13))
            return 16;
    put("realloc 50000 -> 3000000 -> 100000 kept the data\n");
    arc_free(p);
    if (mapped() != base)
        return 17;
    put("after realloc and free: returned to the kernel\n");
    return 0;
}
