/* tasks.arc's C half, compiled with gcc -fsplit-stack: a recursion whose
 * frames are just under 256 bytes (gcc checks them with cmp rsp, so they
 * may run below the limit) and that yields at every level, so that
 * runtime code runs on the edge of every segment, and tasks move between
 * workers in the middle of C frames.  Each frame fills its words with a
 * pattern and checks them after its callee returned.  c_start first
 * recurses k times with a 16-byte frame, so that the tasks meet the
 * segment limits at every offset. */
#include "arc_rt.h"

enum { WORDS = 26 };

long c_walk(long n, long seed)
{
    volatile long pad[WORDS];
    for (int k = 0; k < WORDS; k++)
        pad[k] = seed ^ (n * 31 + k);
    arc_yield();
    long r = n ? c_walk(n - 1, seed) : 0;
    for (int k = 0; k < WORDS; k++)
        if (pad[k] != (seed ^ (n * 31 + k)))
            return -1000000000000L;
    return r + n;
}

long c_start(long n, long seed, long k)
{
    volatile long zero = 0;
    if (k == 0)
        return c_walk(n, seed);
    return c_start(n, seed, k - 1) + zero;
}
