/* indexed.ir's printer (rmw.ir's too): numbers and strings separated by
 * spaces, then a newline. */
long arc_write(int fd, const void *p, unsigned long n);

static int first = 1;

void pnum(long v)
{
    char b[24];
    int i = 23;
    unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
    do {
        b[i--] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        b[i--] = '-';
    if (!first)
        arc_write(1, " ", 1);
    first = 0;
    arc_write(1, b + i + 1, (unsigned long)(23 - i));
}

void pnl(void)
{
    arc_write(1, "\n", 1);
    first = 1;
}

void pstr(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    if (!first)
        arc_write(1, " ", 1);
    first = 0;
    arc_write(1, s, n);
}
