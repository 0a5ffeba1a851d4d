/* arc_overflow.arc's C half (gcc -fsplit-stack): recursion without end. */
static volatile long never;    /* never set: the recursion has no end */

long c_runaway(long n)
{
    volatile long frame[40];
    if (never)
        return 0;
    frame[n % 40] = n;
    return c_runaway(n + 1) + frame[0];
}
