/* Tiny output helpers for the freestanding test programs (no libc). */
static inline unsigned long rt_strlen(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    return n;
}

static inline void put(const char *s)
{
    arc_write(1, s, rt_strlen(s));
}

static inline void put_long(long v)
{
    char b[24];
    int i = 23;
    unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
    b[i] = 0;
    do {
        b[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        b[--i] = '-';
    put(b + i);
}

/* put("name=") put_long(v) put("\n") */
static inline void put_kv(const char *k, long v)
{
    put(k);
    put("=");
    put_long(v);
    put("\n");
}
