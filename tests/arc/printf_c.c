/* printf_c.c: a tiny freestanding printf (%d %u %ld %lld %x %s %c %%) on
 * the runtime's arc_write, so that example.arc can be the ARC.md example
 * unchanged until stdlib_arc provides the real one. */
#include <stdarg.h>

long arc_write(int fd, const void *buf, unsigned long n);

static void put(const char *s, unsigned long n) { arc_write(1, s, n); }

static void put_num(unsigned long long v, int neg, int base)
{
    char buf[24];
    int i = 24;
    do {
        buf[--i] = "0123456789abcdef"[v % (unsigned)base];
        v /= (unsigned)base;
    } while (v);
    if (neg)
        buf[--i] = '-';
    put(buf + i, (unsigned long)(24 - i));
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            const char *q = p;
            while (q[1] && q[1] != '%')
                q++;
            put(p, (unsigned long)(q - p + 1));
            p = q;
            continue;
        }
        int longs = 0;
        while (*++p == 'l')
            longs++;
        if (*p == 'd') {
            long long v = longs ? va_arg(ap, long long) : va_arg(ap, int);
            put_num(v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v, v < 0, 10);
        } else if (*p == 'u' || *p == 'x') {
            unsigned long long v = longs ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
            put_num(v, 0, *p == 'x' ? 16 : 10);
        } else if (*p == 's') {
            const char *s = va_arg(ap, const char *);
            unsigned long n = 0;
            while (s[n])
                n++;
            put(s, n);
        } else if (*p == 'c') {
            char c = (char)va_arg(ap, int);
            put(&c, 1);
        } else if (*p == '%') {
            put("%", 1);
        } else {
            break;
        }
    }
    va_end(ap);
    return 0;
}
